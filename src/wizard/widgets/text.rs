//! Text helpers shared by screens and widgets: cut to a width, wrap, keep a row in view.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Cuts `s` to at most `width` columns.
pub fn fit(s: &str, width: usize) -> String {
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    out
}

/// Cuts `s` to at most `width` columns and ends it with "…" when something was left off.
pub fn ellipsis(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = fit(s, width - 1);
    out.push('…');
    out
}

/// Wraps `text` into at most `max` lines of `width` columns; when something is left off, the
/// last line ends with "…".
pub fn wrap_max(text: &str, width: usize, max: usize) -> Vec<String> {
    let mut lines = wrap(text, width);
    if lines.len() > max {
        lines.truncate(max);
        if let Some(last) = lines.last_mut() {
            *last = cut_mark(last, width);
        }
    }
    lines
}

/// Keeps the first `max` of `lines` (each with its style); when some are left off, the last
/// one kept ends with "…" (`cut_mark`).
pub fn keep_lines<S>(lines: &mut Vec<(String, S)>, width: usize, max: usize) {
    if lines.len() > max {
        lines.truncate(max);
        if let Some(last) = lines.last_mut() {
            last.0 = cut_mark(&last.0, width);
        }
    }
}

/// `line` with a sign that text follows: " …" when it fits, else the last column is "…".
pub fn cut_mark(line: &str, width: usize) -> String {
    if width == 0 {
        return String::new();
    }
    if line.width() + 2 <= width {
        format!("{line} …")
    } else {
        let mut out = fit(line, width - 1);
        out.push('…');
        out
    }
}

/// A file path over lines of at most `width` columns, broken after a `/` (or a `-` in a long
/// name), never inside a word; the lines after the first start with `indent` spaces.
pub fn path_lines(lead: &str, path: &str, width: usize, indent: usize) -> Vec<String> {
    let split_after = |text: &str, sep: char| -> Vec<String> {
        let mut v = vec![];
        let mut cur = String::new();
        for c in text.chars() {
            cur.push(c);
            if c == sep {
                v.push(std::mem::take(&mut cur));
            }
        }
        if !cur.is_empty() {
            v.push(cur);
        }
        v
    };
    // Pieces that end after each '/'; a name too long for a line also after each '-'.
    let room = width.saturating_sub(indent).max(1);
    let pieces: Vec<String> = split_after(path, '/')
        .into_iter()
        .flat_map(|p| {
            if p.width() > room {
                split_after(&p, '-')
            } else {
                vec![p]
            }
        })
        .collect();
    let mut out: Vec<String> = vec![];
    let mut line = lead.to_string();
    let pad = " ".repeat(indent.min(width / 2));
    for piece in pieces {
        let fresh = out.is_empty() && line == lead || line == pad;
        if !fresh && line.width() + piece.width() > width {
            out.push(std::mem::take(&mut line));
            line = pad.clone();
        }
        if line.width() + piece.width() > width {
            // One piece wider than a line: cut it (a name without / or -).
            for part in wrap(&piece, width.saturating_sub(line.width()).max(1)) {
                line.push_str(&part);
                out.push(std::mem::take(&mut line));
                line = pad.clone();
            }
            continue;
        }
        line.push_str(&piece);
    }
    if !line.trim().is_empty() {
        out.push(line);
    }
    out
}

/// Keeps `cursor` visible in a list of `len` rows shown `height` at a time; returns the first row.
pub fn list_offset(cursor: usize, len: usize, height: usize) -> usize {
    if height == 0 || len <= height {
        return 0;
    }
    (cursor + 1).saturating_sub(height).min(len - height)
}

/// Wraps `text` into lines of at most `width` columns (words longer than a line are cut).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut out = Vec::new();
    let mut line = String::new();
    let mut line_w = 0;
    for word in text.split_whitespace() {
        let ww = word.width();
        if ww <= width {
            if !line.is_empty() && line_w + 1 + ww > width {
                out.push(std::mem::take(&mut line));
                line_w = 0;
            }
            if !line.is_empty() {
                line.push(' ');
                line_w += 1;
            }
            line.push_str(word);
            line_w += ww;
            continue;
        }
        // A word wider than a line: on a line of its own, cut into pieces; the last
        // piece stays open for the words after it.
        if !line.is_empty() {
            out.push(std::mem::take(&mut line));
            line_w = 0;
        }
        for c in word.chars() {
            let cw = c.width().unwrap_or(0);
            if cw > width {
                continue; // not even one fits (a wide char in a 1-column pane)
            }
            if line_w + cw > width {
                out.push(std::mem::take(&mut line));
                line_w = 0;
            }
            line.push(c);
            line_w += cw;
        }
    }
    if !line.is_empty() {
        out.push(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_words_and_cuts_long_ones() {
        assert_eq!(wrap("een twee drie", 8), ["een twee", "drie"]);
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("日本語", 1), Vec::<String>::new());
        assert_eq!(wrap("日本語", 4), ["日本", "語"]);
    }

    #[test]
    fn wrap_max_marks_what_is_left_off() {
        assert_eq!(wrap_max("een twee drie", 8, 2), ["een twee", "drie"]);
        assert_eq!(wrap_max("een twee drie vier", 8, 1), ["een twe…"]);
        assert_eq!(wrap_max("een twee drie vier", 15, 1), ["een twee drie …"]);
        assert!(wrap_max("a b", 5, 0).is_empty());
    }

    #[test]
    fn paths_break_after_a_slash() {
        assert_eq!(
            path_lines("✓ ", "/tmp/ux/w/theehuis-lotus-privacybeleid.md", 24, 2),
            ["✓ /tmp/ux/w/theehuis-", "  lotus-privacybeleid.md"]
        );
        assert_eq!(
            path_lines("✓ ", "/tmp/ux/w/theehuis-lotus-privacybeleid.md", 40, 2),
            ["✓ /tmp/ux/w/", "  theehuis-lotus-privacybeleid.md"]
        );
        assert_eq!(path_lines("", "/a/b.md", 40, 2), ["/a/b.md"]);
        for l in path_lines(
            "✓ ",
            "/tmp/een/heel/lange/map/met-namen/bestand.fragment.html",
            20,
            2,
        ) {
            assert!(l.width() <= 20, "{l}");
        }
    }

    #[test]
    fn kept_lines_mark_what_is_left_off() {
        let mut v = vec![
            ("een".to_string(), 1),
            ("twee".into(), 2),
            ("drie".into(), 3),
        ];
        keep_lines(&mut v, 10, 3);
        assert_eq!(v.len(), 3);
        keep_lines(&mut v, 10, 2);
        assert_eq!(v, [("een".to_string(), 1), ("twee …".into(), 2)]);
        keep_lines(&mut v, 10, 0);
        assert!(v.is_empty());
    }

    #[test]
    fn ellipsis_marks_what_is_cut() {
        assert_eq!(ellipsis("Meta Pixel", 20), "Meta Pixel");
        assert_eq!(ellipsis("Meta Pixel", 6), "Meta …");
    }
}

use crate::engine::document::{BlockKind, Document, Inline};

pub fn write(doc: &Document) -> String {
    // Roughly the size of the text, so the buffer seldom grows.
    let mut out = String::with_capacity(doc.blocks.len() * 160);
    let mut prev: Option<BlockKind> = None;
    for b in &doc.blocks {
        // Consecutive bullets and address lines stay together; everything else gets a blank line.
        let joined = matches!(
            (prev, b.kind),
            (Some(BlockKind::Bullet), BlockKind::Bullet)
                | (Some(BlockKind::Line), BlockKind::Line)
                | (
                    Some(BlockKind::TableHeader | BlockKind::TableRow),
                    BlockKind::TableRow
                )
        );
        if prev.is_some() {
            if prev == Some(BlockKind::Line) && b.kind == BlockKind::Line {
                out.push_str("  \n");
            } else {
                out.push('\n');
                if !joined {
                    out.push('\n');
                }
            }
        }
        let marker = match b.kind {
            BlockKind::Title => "# ",
            BlockKind::Heading => "## ",
            BlockKind::Subheading => "### ",
            BlockKind::Bullet => "- ",
            _ => "",
        };
        out.push_str(marker);
        match b.kind {
            BlockKind::TableHeader | BlockKind::TableRow => {
                out.push('|');
                for c in &b.cells {
                    out.push(' ');
                    inlines(&mut out, c);
                    out.push_str(" |");
                }
                if b.kind == BlockKind::TableHeader {
                    out.push_str("\n|");
                    for _ in &b.cells {
                        out.push_str("---|");
                    }
                }
            }
            _ => inlines(&mut out, &b.inlines),
        }
        prev = Some(b.kind);
    }
    out.push('\n');
    out
}

/// Appends the inlines, escaped; a start that reads as a block marker is escaped too.
fn inlines(out: &mut String, inlines: &[Inline]) {
    let start = out.len();
    for i in inlines {
        match i {
            Inline::Text(t) => escape_into(out, t),
            Inline::Link { url, text } => {
                out.push('[');
                escape_into(out, text);
                out.push_str("](<");
                escape_url_into(out, url);
                out.push_str(">)");
            }
        }
    }
    if let Some(at) = line_start_escape(&out[start..]) {
        out.insert(start + at, '\\');
    }
}

fn is_special(b: u8) -> bool {
    matches!(
        b,
        b'\\' | b'`' | b'*' | b'_' | b'[' | b']' | b'<' | b'>' | b'&' | b'|' | b'~'
    )
}

/// Backslash-escapes what Markdown would read as inline syntax or HTML. Every special
/// character is ASCII, so the text is copied in runs between them.
fn escape_into(out: &mut String, t: &str) {
    let mut from = 0;
    for (i, b) in t.bytes().enumerate() {
        if is_special(b) {
            out.push_str(&t[from..i]);
            out.push('\\');
            from = i;
        }
    }
    out.push_str(&t[from..]);
}

#[cfg(test)]
fn escape(t: &str) -> String {
    let mut s = String::new();
    escape_into(&mut s, t);
    s
}

fn escape_url_into(out: &mut String, u: &str) {
    for c in u.chars() {
        match c {
            ' ' => out.push_str("%20"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            c => out.push(c),
        }
    }
}

/// Where a line that starts like a block marker (`#`, `-`, `+`, `=`, `1.`) needs its
/// backslash, if it does.
fn line_start_escape(s: &str) -> Option<usize> {
    if matches!(s.as_bytes().first(), Some(b'#' | b'-' | b'+' | b'=')) {
        return Some(0);
    }
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 {
        let rest = &s[digits..];
        if rest.starts_with(". ") || rest.starts_with(") ") || rest == "." {
            return Some(digits);
        }
    }
    None
}

#[cfg(test)]
fn escape_line_start(s: &str) -> String {
    let mut s = s.to_string();
    if let Some(at) = line_start_escape(&s) {
        s.insert(at, '\\');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_text_is_escaped() {
        assert_eq!(escape("a*b_<script>&"), "a\\*b\\_\\<script\\>\\&");
        assert_eq!(escape_line_start("# kop"), "\\# kop");
        assert_eq!(escape_line_start("1. lijst"), "1\\. lijst");
        assert_eq!(escape_line_start("2023 was"), "2023 was");
    }
}

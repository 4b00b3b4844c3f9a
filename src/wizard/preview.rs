//! The live preview: the policy document wrapped to the pane, changed blocks marked.

use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use crate::engine::document::{BlockKind, Document};

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
            let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
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

/// The document as lines for a pane of `width` columns, and the first line of every block.
pub fn lines(doc: &Document, width: u16, changed: &[usize]) -> (Vec<Line<'static>>, Vec<usize>) {
    let mut out: Vec<Line<'static>> = Vec::new();
    let mut starts = Vec::with_capacity(doc.blocks.len());
    let text_w = (width as usize).saturating_sub(2).max(1);
    let mut prev_kind: Option<BlockKind> = None;
    for (i, b) in doc.blocks.iter().enumerate() {
        let is_changed = changed.contains(&i);
        let gap = !matches!(
            (prev_kind, b.kind),
            (None, _)
                | (Some(BlockKind::Bullet), BlockKind::Bullet)
                | (Some(BlockKind::Line), BlockKind::Line)
        );
        if gap {
            out.push(Line::default());
        }
        prev_kind = Some(b.kind);
        starts.push(out.len());
        let (style, prefix, indent) = match b.kind {
            BlockKind::Title => (
                Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
                "",
                "",
            ),
            BlockKind::Heading => (Style::new().add_modifier(Modifier::BOLD), "", ""),
            BlockKind::Subheading => (
                Style::new().add_modifier(Modifier::BOLD | Modifier::ITALIC),
                "",
                "",
            ),
            BlockKind::Bullet => (Style::new(), "• ", "  "),
            BlockKind::Paragraph | BlockKind::Line => (Style::new(), "", ""),
            BlockKind::TableHeader => (Style::new().add_modifier(Modifier::BOLD), "", ""),
            BlockKind::TableRow => (Style::new(), "• ", "  "),
        };
        let style = if is_changed {
            style.bg(Color::Yellow).fg(Color::Black)
        } else {
            style
        };
        let mark = if is_changed { "▌ " } else { "  " };
        let wrapped = wrap(&b.plain(), text_w.saturating_sub(prefix.width()).max(1));
        let wrapped = if wrapped.is_empty() {
            vec![String::new()]
        } else {
            wrapped
        };
        for (j, l) in wrapped.into_iter().enumerate() {
            let lead = if j == 0 { prefix } else { indent };
            out.push(Line::from(vec![
                Span::styled(mark, Style::new().fg(Color::Yellow)),
                Span::styled(format!("{lead}{l}"), style),
            ]));
        }
    }
    (out, starts)
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
}

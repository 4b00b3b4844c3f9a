use unicode_width::UnicodeWidthStr;

use crate::engine::document::{Block, BlockKind, Document, Inline};

pub fn write(doc: &Document, width: usize) -> String {
    let mut out = String::new();
    let mut prev: Option<BlockKind> = None;
    for b in &doc.blocks {
        let together = matches!(
            (prev, b.kind),
            (Some(BlockKind::Bullet), BlockKind::Bullet)
                | (Some(BlockKind::Line), BlockKind::Line)
                | (
                    Some(BlockKind::TableHeader | BlockKind::TableRow),
                    BlockKind::TableRow
                )
        );
        if prev.is_some() && !together {
            out.push('\n');
        }
        let text = flatten(b);
        let lines = match b.kind {
            BlockKind::Heading => wrap(&text.to_uppercase(), width, "", ""),
            BlockKind::Bullet | BlockKind::TableRow => wrap(&text, width, "  • ", "    "),
            BlockKind::TableHeader => wrap(&text, width, "  ", "  "),
            _ => wrap(&text, width, "", ""),
        };
        for l in lines {
            out.push_str(&l);
            out.push('\n');
        }
        prev = Some(b.kind);
    }
    out
}

/// Links become "text (url)", or just the url when that is the text.
fn flatten(b: &Block) -> String {
    let mut s = String::new();
    for i in &b.inlines {
        match i {
            Inline::Text(t) => s.push_str(t),
            Inline::Link { url, text } => {
                let shown = url.strip_prefix("mailto:").unwrap_or(url);
                if text == url || text == shown {
                    s.push_str(shown);
                } else {
                    s.push_str(&format!("{text} ({shown})"));
                }
            }
        }
    }
    s
}

/// Greedy word wrap by display width; a word longer than the line stands alone.
pub fn wrap(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = first.to_string();
    // Width is tracked as words are added: measuring the whole line each time is quadratic.
    let mut line_width = first.width();
    let mut empty = true;
    for word in text.split_whitespace() {
        let word_width = if word.is_ascii() {
            word.len()
        } else {
            word.width()
        };
        if !empty && line_width + 1 + word_width > width {
            lines.push(std::mem::replace(&mut line, rest.to_string()));
            line_width = rest.width();
            empty = true;
        }
        if !empty {
            line.push(' ');
            line_width += 1;
        }
        line.push_str(word);
        line_width += word_width;
        empty = false;
    }
    if !empty || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_by_display_width() {
        let lines = wrap("aaa bbb ccc ddd", 7, "", "");
        assert_eq!(lines, ["aaa bbb", "ccc ddd"]);
        let lines = wrap("één twee drie", 8, "  • ", "    ");
        assert_eq!(lines, ["  • één", "    twee", "    drie"]);
        for l in wrap(&"woord ".repeat(50), 80, "", "") {
            assert!(l.width() <= 80);
        }
    }
}

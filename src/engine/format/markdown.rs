use crate::engine::document::{Block, BlockKind, Document, Inline};

pub fn write(doc: &Document) -> String {
    let mut out = String::new();
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
        let text = inlines(b);
        match b.kind {
            BlockKind::Title => out.push_str(&format!("# {text}")),
            BlockKind::Heading => out.push_str(&format!("## {text}")),
            BlockKind::Subheading => out.push_str(&format!("### {text}")),
            BlockKind::Bullet => out.push_str(&format!("- {text}")),
            BlockKind::Paragraph | BlockKind::Line => out.push_str(&text),
            BlockKind::TableHeader | BlockKind::TableRow => {
                let cells: Vec<String> = b.cells.iter().map(|c| cell(c)).collect();
                out.push_str(&format!("| {} |", cells.join(" | ")));
                if b.kind == BlockKind::TableHeader {
                    out.push_str(&format!("\n|{}", "---|".repeat(cells.len())));
                }
            }
        }
        prev = Some(b.kind);
    }
    out.push('\n');
    out
}

fn inlines(b: &Block) -> String {
    let mut s = String::new();
    for i in &b.inlines {
        match i {
            Inline::Text(t) => s.push_str(&escape(t)),
            Inline::Link { url, text } => {
                s.push_str(&format!("[{}](<{}>)", escape(text), escape_url(url)))
            }
        }
    }
    escape_line_start(&s)
}

fn cell(c: &[Inline]) -> String {
    let b = Block {
        kind: BlockKind::Paragraph,
        inlines: c.to_vec(),
        anchor: None,
        id: None,
        cells: vec![],
    };
    inlines(&b)
}

/// Backslash-escapes what Markdown would read as inline syntax or HTML.
fn escape(t: &str) -> String {
    let special = |c: char| {
        matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '|' | '~'
        )
    };
    if !t.contains(special) {
        return t.to_string();
    }
    let mut s = String::with_capacity(t.len() + 8);
    for c in t.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '|' | '~'
        ) {
            s.push('\\');
        }
        s.push(c);
    }
    s
}

fn escape_url(u: &str) -> String {
    u.replace(' ', "%20")
        .replace('<', "%3C")
        .replace('>', "%3E")
}

/// A line that starts like a block marker (`#`, `-`, `+`, `=`, `1.`) is escaped.
fn escape_line_start(s: &str) -> String {
    let first = s.chars().next();
    if matches!(first, Some('#' | '-' | '+' | '=')) {
        return format!("\\{s}");
    }
    let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
    if !digits.is_empty() {
        let rest = &s[digits.len()..];
        if rest.starts_with(". ") || rest.starts_with(") ") || rest == "." {
            return format!("{digits}\\{rest}");
        }
    }
    s.to_string()
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

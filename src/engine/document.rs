//! The rendered policy as blocks, independent of output format.
//!
//! Templates write a small line markup; this module parses it. User values reach the
//! templates wrapped in private-use markers (see `wrap_user`), so nothing a user types
//! can turn into a heading, list item or link.

use serde::Serialize;

/// Starts and ends a user value inside template output.
pub const USER_START: char = '\u{E000}';
pub const USER_END: char = '\u{E001}';
/// A link: LINK_START url LINK_MID text LINK_END.
pub const LINK_START: char = '\u{E002}';
pub const LINK_MID: char = '\u{E003}';
pub const LINK_END: char = '\u{E004}';

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Inline {
    Text(String),
    Link { url: String, text: String },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum BlockKind {
    Title,
    Heading,
    Subheading,
    Paragraph,
    Bullet,
    /// One line of an address-like block; consecutive lines belong together.
    Line,
    /// The header row of a table; the rows that follow belong to it.
    TableHeader,
    /// One row of a table, its cells in `cells`.
    TableRow,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Block {
    pub kind: BlockKind,
    pub inlines: Vec<Inline>,
    /// Anchor of the heading this block falls under (e.g. `payments`), for navigation.
    pub anchor: Option<String>,
    /// For headings: the anchor this heading itself carries.
    pub id: Option<String>,
    /// For table rows: the cells; `inlines` then holds them joined with " | " for search.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cells: Vec<Vec<Inline>>,
}

impl Block {
    /// The block's text without markup (links as their text).
    pub fn plain(&self) -> String {
        self.inlines
            .iter()
            .map(|i| match i {
                Inline::Text(t) => t.as_str(),
                Inline::Link { text, .. } => text.as_str(),
            })
            .collect()
    }

    pub fn is_heading(&self) -> bool {
        matches!(
            self.kind,
            BlockKind::Title | BlockKind::Heading | BlockKind::Subheading
        )
    }

    fn level(&self) -> u8 {
        match self.kind {
            BlockKind::Title => 1,
            BlockKind::Heading => 2,
            BlockKind::Subheading => 3,
            _ => 9,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Document {
    pub blocks: Vec<Block>,
}

/// Removes markers and control characters from a user value, then wraps it.
pub fn wrap_user(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 6);
    out.push(USER_START);
    let mut last_space = false;
    for c in value.trim().chars() {
        let c = if c.is_control() || c.is_whitespace() {
            ' '
        } else {
            c
        };
        if ('\u{E000}'..='\u{F8FF}').contains(&c) {
            continue;
        }
        if c == ' ' && last_space {
            continue;
        }
        last_space = c == ' ';
        out.push(c);
    }
    out.push(USER_END);
    out
}

/// Removes the user markers (for values used as URLs or compared as text).
pub fn unwrap_user(value: &str) -> String {
    value
        .chars()
        .filter(|c| *c != USER_START && *c != USER_END)
        .collect()
}

impl Document {
    pub fn parse(markup: &str) -> Document {
        let mut blocks: Vec<Block> = Vec::new();
        let mut para = String::new();
        let mut anchor: Option<String> = None;
        let flush = |para: &mut String, blocks: &mut Vec<Block>, anchor: &Option<String>| {
            if !para.is_empty() {
                blocks.push(Block {
                    kind: BlockKind::Paragraph,
                    inlines: parse_inlines(para),
                    anchor: anchor.clone(),
                    id: None,
                    cells: vec![],
                });
                para.clear();
            }
        };
        for raw in markup.lines() {
            let line = raw.trim();
            if line.is_empty() {
                flush(&mut para, &mut blocks, &anchor);
                continue;
            }
            let (kind, rest) = if let Some(r) = line.strip_prefix("### ") {
                (Some(BlockKind::Subheading), r)
            } else if let Some(r) = line.strip_prefix("## ") {
                (Some(BlockKind::Heading), r)
            } else if let Some(r) = line.strip_prefix("# ") {
                (Some(BlockKind::Title), r)
            } else if let Some(r) = line.strip_prefix("- ") {
                (Some(BlockKind::Bullet), r)
            } else if let Some(r) = line.strip_prefix("||! ") {
                (Some(BlockKind::TableHeader), r)
            } else if let Some(r) = line.strip_prefix("|| ") {
                (Some(BlockKind::TableRow), r)
            } else if let Some(r) = line.strip_prefix("| ") {
                (Some(BlockKind::Line), r)
            } else {
                (None, line)
            };
            let Some(kind) = kind else {
                if !para.is_empty() {
                    para.push(' ');
                }
                para.push_str(line);
                continue;
            };
            flush(&mut para, &mut blocks, &anchor);
            let (text, id) = split_anchor(rest);
            let block_anchor = match kind {
                BlockKind::Title => None,
                BlockKind::Heading => {
                    anchor = id.clone();
                    id.clone()
                }
                BlockKind::Subheading => id.clone().or_else(|| anchor.clone()),
                _ => anchor.clone(),
            };
            if text.trim().is_empty() && kind != BlockKind::Line {
                continue;
            }
            let cells: Vec<Vec<Inline>> =
                if matches!(kind, BlockKind::TableHeader | BlockKind::TableRow) {
                    split_cells(rest)
                        .into_iter()
                        .map(|c| parse_inlines(c.trim()))
                        .collect()
                } else {
                    vec![]
                };
            let inlines = if cells.is_empty() {
                parse_inlines(text.trim())
            } else {
                join_cells(&cells)
            };
            blocks.push(Block {
                kind,
                inlines,
                anchor: block_anchor,
                id: if cells.is_empty() { id } else { None },
                cells,
            });
        }
        flush(&mut para, &mut blocks, &anchor);
        let mut doc = Document { blocks };
        doc.drop_empty_headings();
        doc
    }

    /// A heading with nothing under it before the next heading of its level or higher goes.
    fn drop_empty_headings(&mut self) {
        let n = self.blocks.len();
        let mut keep = vec![true; n];
        for i in (0..n).rev() {
            let b = &self.blocks[i];
            if !b.is_heading() || b.kind == BlockKind::Title {
                continue;
            }
            let level = b.level();
            let has_content = self.blocks[i + 1..]
                .iter()
                .zip(&keep[i + 1..])
                .filter(|(_, k)| **k)
                .map(|(b, _)| b)
                .take_while(|b| !b.is_heading() || b.level() > level)
                .any(|b| !b.is_heading() || b.level() > level);
            keep[i] = has_content;
        }
        let mut k = keep.into_iter();
        self.blocks.retain(|_| k.next().unwrap_or(true));
    }

    /// All text, one block per line; handy for tests and search.
    pub fn plain_text(&self) -> String {
        let mut s = String::new();
        for b in &self.blocks {
            s.push_str(&b.plain());
            s.push('\n');
        }
        s
    }
}

/// Table cells are separated by " || " outside user values (a user value can never split a row).
fn split_cells(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    let b = s.as_bytes();
    let mut i = 0;
    while i < s.len() {
        let c = s[i..].chars().next().unwrap_or(' ');
        if c == USER_START {
            depth += 1;
        } else if c == USER_END {
            depth = depth.saturating_sub(1);
        } else if depth == 0 && b[i..].starts_with(b" || ") {
            out.push(&s[start..i]);
            i += 4;
            start = i;
            continue;
        }
        i += c.len_utf8();
    }
    out.push(&s[start..]);
    out
}

fn join_cells(cells: &[Vec<Inline>]) -> Vec<Inline> {
    let mut out = Vec::new();
    for (i, c) in cells.iter().enumerate() {
        if i > 0 {
            out.push(Inline::Text(" | ".into()));
        }
        out.extend(c.iter().cloned());
    }
    out
}

/// "Heading text [#anchor]" → ("Heading text", Some("anchor")).
fn split_anchor(s: &str) -> (&str, Option<String>) {
    if let Some(start) = s.rfind(" [#") {
        if let Some(id) = s[start + 3..].strip_suffix(']') {
            if id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            {
                return (&s[..start], Some(id.to_string()));
            }
        }
    }
    (s, None)
}

/// Splits a paragraph into text and links. Works on slices between markers rather than
/// char by char: this runs for every block on every keystroke in the wizard.
fn parse_inlines(s: &str) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::new();
    let mut text = String::with_capacity(s.len());
    let mut rest = s;
    // All markers are U+E000..U+E004, whose UTF-8 encoding starts with 0xEE.
    while let Some(pos) = rest.as_bytes().iter().position(|&b| b == 0xEE) {
        text.push_str(&rest[..pos]);
        let c = rest[pos..].chars().next().unwrap_or(' ');
        rest = &rest[pos + c.len_utf8()..];
        match c {
            LINK_START => {
                let (url, after) = rest.split_once(LINK_MID).unwrap_or((rest, ""));
                let (label, after) = after.split_once(LINK_END).unwrap_or((after, ""));
                rest = after;
                if !text.is_empty() {
                    out.push(Inline::Text(tidy(std::mem::take(&mut text))));
                }
                let url = unwrap_user(url);
                let label = unwrap_user(label);
                out.push(Inline::Link {
                    text: if label.is_empty() { url.clone() } else { label },
                    url,
                });
            }
            USER_START | USER_END | LINK_MID | LINK_END => {}
            // Another private-use character: keep it, it is not ours.
            other => text.push(other),
        }
    }
    text.push_str(rest);
    if !text.is_empty() {
        out.push(Inline::Text(tidy(text)));
    }
    // A link whose text ends in a full stop ("... Mollie B.V.") at the end of a sentence: one stop.
    for i in 1..out.len() {
        let ends_with_stop =
            matches!(&out[i - 1], Inline::Link { text, .. } if text.ends_with('.'));
        if let (true, Inline::Text(t)) = (ends_with_stop, &mut out[i]) {
            if t.starts_with('.') && !t.starts_with("..") {
                t.remove(0);
            }
        }
    }
    out.retain(|i| !matches!(i, Inline::Text(t) if t.is_empty()));
    out
}

/// Tidies joins left by template conditionals and values: no double spaces, no space before
/// punctuation, and no second full stop after a value that ends in one ("B.V.." → "B.V.").
fn tidy(s: String) -> String {
    let b = s.as_bytes();
    let needs = b.windows(2).any(|w| {
        (w[0] == b' ' && matches!(w[1], b' ' | b'.' | b',' | b';' | b':' | b')')) || w == b".."
    });
    if !needs {
        return s;
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == ' ' && out.ends_with(' ') {
            continue;
        }
        if c == '.' && out.ends_with('.') && chars.peek().is_none_or(|n| n.is_whitespace()) {
            continue;
        }
        if matches!(c, '.' | ',' | ';' | ':' | ')') && out.ends_with(' ') {
            out.pop();
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_blocks_and_anchors() {
        let d = Document::parse(
            "# Titel\n\n## Betalingen [#payments]\n\nEen zin.\nNog een zin .\n\n- punt\n| regel\n",
        );
        let kinds: Vec<_> = d.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                BlockKind::Title,
                BlockKind::Heading,
                BlockKind::Paragraph,
                BlockKind::Bullet,
                BlockKind::Line
            ]
        );
        assert_eq!(d.blocks[1].plain(), "Betalingen");
        assert_eq!(d.blocks[2].plain(), "Een zin. Nog een zin.");
        assert_eq!(d.blocks[2].anchor.as_deref(), Some("payments"));
    }

    #[test]
    fn user_values_cannot_make_markup() {
        let v = wrap_user("## Kop\n- punt \u{E002}x");
        let d = Document::parse(&format!("Naam: {v}"));
        assert_eq!(d.blocks.len(), 1);
        assert_eq!(d.blocks[0].plain(), "Naam: ## Kop - punt x");
        let d = Document::parse(&format!("{v} aan het begin"));
        assert_eq!(d.blocks[0].kind, BlockKind::Paragraph);
    }

    #[test]
    fn empty_headings_are_dropped() {
        let d =
            Document::parse("# T\n## Leeg\n## Vol\n### Sub leeg\n## Ook vol\ntekst\n### Sub\nx\n");
        let heads: Vec<String> = d
            .blocks
            .iter()
            .filter(|b| b.is_heading())
            .map(Block::plain)
            .collect();
        assert_eq!(heads, ["T", "Ook vol", "Sub"]);
    }

    #[test]
    fn a_value_ending_in_a_full_stop_gets_no_second_one() {
        let v = wrap_user("Holding B.V.");
        let d = Document::parse(&format!("Een webwinkel van {v}. Daarna"));
        assert_eq!(d.blocks[0].plain(), "Een webwinkel van Holding B.V. Daarna");
        let d = Document::parse("Zie a..b en dit .");
        assert_eq!(d.blocks[0].plain(), "Zie a..b en dit.");
    }

    #[test]
    fn links() {
        let d = Document::parse(&format!(
            "Zie {LINK_START}https://x.nl{LINK_MID}de site{LINK_END}."
        ));
        assert_eq!(
            d.blocks[0].inlines[1],
            Inline::Link {
                url: "https://x.nl".into(),
                text: "de site".into()
            }
        );
    }
}

//! The live preview: the policy document wrapped to the pane, changed blocks marked.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::theme;
use super::widgets::text::wrap;

use crate::engine::document::{Block, BlockKind, Document, Inline};

/// Wrapped blocks kept from one preview to the next, for one pane width: a key changes a
/// few blocks, and only those are wrapped again.
#[derive(Debug, Clone, Default)]
pub struct Wrapped {
    width: u16,
    /// (block fingerprint, kind, marked as changed) → its lines.
    blocks: HashMap<(u64, u8, bool), Vec<Line<'static>>>,
}

/// The document as lines for a pane of `width` columns, and the first line of every block.
pub fn lines(doc: &Document, width: u16, changed: &[usize]) -> (Vec<Line<'static>>, Vec<usize>) {
    lines_with(doc, &[], width, changed, &mut Wrapped::default())
}

/// As [`lines`], taking unchanged blocks from `kept` (and keeping this document's blocks
/// there for the next call). `keys` are the blocks' fingerprints, when known.
pub fn lines_with(
    doc: &Document,
    keys: &[u64],
    width: u16,
    changed: &[usize],
    kept: &mut Wrapped,
) -> (Vec<Line<'static>>, Vec<usize>) {
    let mut old = std::mem::take(&mut kept.blocks);
    if kept.width != width {
        old.clear();
        kept.width = width;
    }
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
        let key = (
            keys.get(i).copied().unwrap_or_else(|| block_key(b)),
            b.kind as u8,
            is_changed,
        );
        let wrapped = match (old.remove(&key), kept.blocks.get(&key)) {
            (Some(l), _) => l,
            (None, Some(l)) => l.clone(),
            (None, None) => block_lines(b, text_w, is_changed),
        };
        out.extend(wrapped.iter().cloned());
        kept.blocks.insert(key, wrapped);
    }
    (out, starts)
}

/// One block wrapped to `text_w` columns, with its mark.
fn block_lines(b: &Block, text_w: usize, is_changed: bool) -> Vec<Line<'static>> {
    let (style, prefix, indent) = match b.kind {
        BlockKind::Title => (theme::doc_title(), "", ""),
        BlockKind::Heading => (theme::doc_heading(), "", ""),
        BlockKind::Subheading => (theme::doc_subheading(), "", ""),
        BlockKind::Bullet => (Style::new(), "• ", "  "),
        BlockKind::Paragraph | BlockKind::Line => (Style::new(), "", ""),
        BlockKind::TableHeader => (theme::doc_subheading(), "", ""),
        BlockKind::TableRow => (Style::new(), "• ", "  "),
    };
    let style = if is_changed {
        theme::changed(style)
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
    wrapped
        .into_iter()
        .enumerate()
        .map(|(j, l)| {
            let lead = if j == 0 { prefix } else { indent };
            Line::from(vec![
                Span::styled(mark, theme::changed_mark()),
                Span::styled(format!("{lead}{l}"), style),
            ])
        })
        .collect()
}

/// A block's text (links as their text) and anchor, hashed without building the text.
pub fn block_key(b: &Block) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for i in &b.inlines {
        let t = match i {
            Inline::Text(t) => t,
            Inline::Link { text, .. } => text,
        };
        // Streamed bytes hash as their concatenation: the block's plain text.
        h.write(t.as_bytes());
    }
    h.write_u8(0xff);
    b.anchor.hash(&mut h);
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Engine;

    /// Reused blocks give exactly the lines wrapping everything anew gives: after a change,
    /// with other blocks marked, at another width.
    #[test]
    fn kept_blocks_give_the_lines_of_a_fresh_wrap() {
        let engine = Engine::load().unwrap();
        let mut a = engine.example_shop().clone();
        let first = engine.document(&a).unwrap();
        a.shop.set("name", "Een heel andere naam voor deze winkel");
        a.preset = None;
        let second = engine.document(&a).unwrap();
        let keys: Vec<u64> = second.blocks.iter().map(block_key).collect();
        let mut kept = Wrapped::default();
        let mut reused = 0;
        for (doc, keys, width, changed) in [
            (&first, &[][..], 60, vec![]),
            (&second, &keys[..], 60, vec![0, 2]),
            (&first, &[][..], 60, vec![1]),
            (&first, &[][..], 41, vec![1]),
        ] {
            let before = kept.blocks.len();
            let got = lines_with(doc, keys, width, &changed, &mut kept);
            assert_eq!(got, lines(doc, width, &changed), "width {width}");
            reused += before.min(kept.blocks.len());
            assert!(
                kept.blocks.len() <= doc.blocks.len(),
                "only this document's blocks are kept"
            );
        }
        assert!(reused > 0);
    }

    #[test]
    fn a_block_key_is_its_text_and_anchor() {
        let engine = Engine::load().unwrap();
        let doc = engine.document(engine.example_shop()).unwrap();
        let (a, b) = (&doc.blocks[1], &doc.blocks[2]);
        assert_ne!(block_key(a), block_key(b));
        let mut same = a.clone();
        same.inlines = vec![Inline::Text(a.plain())];
        assert_eq!(block_key(a), block_key(&same));
        same.anchor = Some("elders".into());
        assert_ne!(block_key(a), block_key(&same));
    }
}

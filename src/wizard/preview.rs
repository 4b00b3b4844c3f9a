//! The live preview: the policy document wrapped to the pane, changed blocks marked.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::theme;
use super::widgets::text::wrap;

use crate::engine::document::{BlockKind, Document};

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
        for (j, l) in wrapped.into_iter().enumerate() {
            let lead = if j == 0 { prefix } else { indent };
            out.push(Line::from(vec![
                Span::styled(mark, theme::changed_mark()),
                Span::styled(format!("{lead}{l}"), style),
            ]));
        }
    }
    (out, starts)
}

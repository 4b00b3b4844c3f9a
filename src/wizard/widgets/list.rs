//! A list of rows, one a line: the screens' lists (start, clients, providers, Controle,
//! export choices) and the sidebar draw theirs with it, so they scroll, cut and show the
//! cursor alike. What does not fit ends with "…"; the row under the cursor is highlighted
//! across the whole width while the list has the focus (reverse video without colour).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::wizard::theme;
use crate::wizard::widgets::text::ellipsis;

/// One line of a list.
#[derive(Debug, Clone)]
pub struct Row {
    pub text: String,
    /// The style while the row is not highlighted.
    pub style: Style,
    /// The row belongs to the item under the cursor (an item may take more than one row).
    pub current: bool,
}

impl Row {
    pub fn new(text: impl Into<String>, style: Style) -> Row {
        Row {
            text: text.into(),
            style,
            current: false,
        }
    }

    /// Marks the row as (part of) the item under the cursor.
    pub fn current(mut self, current: bool) -> Row {
        self.current = current;
        self
    }
}

/// Draws `rows` from row `offset` on into `area`, one a line. The caller chooses the offset
/// (usually `text::list_offset`, which keeps the cursor in view); only the rows in view are
/// taken from `rows`, so a lazy iterator builds no more than those.
pub fn draw(
    buf: &mut Buffer,
    area: Rect,
    rows: impl IntoIterator<Item = Row>,
    offset: usize,
    focused: bool,
) {
    let w = area.width as usize;
    for (y, row) in (area.y..area.y + area.height).zip(rows.into_iter().skip(offset)) {
        let style = if row.current && focused {
            // The bar across the width, not only under the text.
            buf.set_string(area.x, y, " ".repeat(w), theme::highlight());
            theme::highlight()
        } else {
            row.style
        };
        buf.set_string(area.x, y, ellipsis(&row.text, w), style);
    }
}

/// The row a click on screen line `y` hits in a list drawn by `draw` into `area` from
/// `offset` (it may be past the last row).
pub fn row_at(area: Rect, offset: usize, y: u16) -> Option<usize> {
    (area.y..area.y + area.height)
        .contains(&y)
        .then(|| (y - area.y) as usize + offset)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Modifier;

    fn text(buf: &Buffer, y: u16) -> String {
        (0..buf.area.width)
            .map(|x| buf[(x, y)].symbol())
            .collect::<String>()
    }

    #[test]
    fn scrolls_cuts_with_a_mark_and_highlights_the_cursor_only_with_focus() {
        let rows: Vec<Row> = ["een", "twee drie vier", "vijf"]
            .iter()
            .enumerate()
            .map(|(i, t)| Row::new(*t, Style::new()).current(i == 1))
            .collect();
        let area = Rect::new(0, 0, 8, 2);
        let mut buf = Buffer::empty(area);
        draw(&mut buf, area, rows.clone(), 1, true);
        assert_eq!(text(&buf, 0), "twee dr…");
        assert_eq!(text(&buf, 1), "vijf    ");
        // The whole width of the cursor's row, not only its text.
        let bold = |buf: &Buffer, x, y| buf[(x, y)].modifier.contains(Modifier::BOLD);
        assert!(bold(&buf, 7, 0));
        assert!(!bold(&buf, 7, 1));

        let mut buf = Buffer::empty(area);
        draw(&mut buf, area, rows, 1, false);
        assert!(!bold(&buf, 0, 0));
        // A click on the second line of the area hits the row after the offset's.
        let area = Rect::new(3, 5, 8, 2);
        assert_eq!(row_at(area, 1, 6), Some(2));
        assert_eq!(row_at(area, 1, 4), None);
        assert_eq!(row_at(area, 1, 7), None);
    }
}

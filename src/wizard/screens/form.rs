//! Pieces the form screens share: rows with their messages, scrolling to the cursor, the
//! form's area and a screen's title line.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use crate::wizard::theme;
use crate::wizard::widgets::text::{fit, list_offset, wrap};

/// Rows of a form: each field, then the lines of its message (wrapped, the first with "⚠ ").
/// Shared by the shop form and the own-provider form so both read and click alike.
pub fn rows<'m, K: Copy>(
    fields: impl IntoIterator<Item = (K, Option<&'m String>)>,
    width: u16,
) -> Vec<(K, Option<String>)> {
    let mut rows = Vec::new();
    for (k, msg) in fields {
        rows.push((k, None));
        if let Some(msg) = msg {
            let lines = wrap(msg, width.saturating_sub(4) as usize);
            for (j, l) in lines.into_iter().enumerate() {
                let lead = if j == 0 { "⚠ " } else { "  " };
                rows.push((k, Some(format!("{lead}{l}"))));
            }
        }
    }
    rows
}

/// The first visible form row, so that the row of the field under the cursor is in view.
pub fn offset<K: PartialEq + Copy>(rows: &[(K, Option<String>)], cursor: K, height: u16) -> usize {
    let cur = rows
        .iter()
        .position(|(k, line)| *k == cursor && line.is_none())
        .unwrap_or(0);
    list_offset(cur, rows.len(), height as usize)
}

/// The area a form's rows are drawn in: below a two-line heading, above a hint line.
pub fn area(main: Rect) -> Rect {
    Rect::new(
        main.x + 1,
        main.y + 2,
        main.width.saturating_sub(2),
        main.height.saturating_sub(4),
    )
}

/// A screen's bold title on the first row of its area.
pub fn title(f: &mut Frame, main: Rect, text: &str) {
    let w = main.width.saturating_sub(2);
    f.render_widget(
        Paragraph::new(Line::from(Span::styled(
            fit(text, w as usize),
            theme::bold(),
        ))),
        Rect::new(main.x + 1, main.y, w, 1),
    );
}

/// A title and a dim second line.
pub fn heading(f: &mut Frame, main: Rect, title: &str, sub: &str) {
    let w = main.width.saturating_sub(2);
    f.render_widget(
        Paragraph::new(vec![
            Line::from(Span::styled(fit(title, w as usize), theme::bold())),
            Line::from(Span::styled(fit(sub, w as usize), theme::dim())),
        ]),
        Rect::new(main.x + 1, main.y, w, 2),
    );
}

/// A dim hint on the last row of the area.
pub fn hint(f: &mut Frame, main: Rect, text: &str) {
    let w = main.width.saturating_sub(2);
    f.render_widget(
        Paragraph::new(fit(text, w as usize)).style(theme::dim()),
        Rect::new(main.x + 1, main.y + main.height.saturating_sub(1), w, 1),
    );
}

/// The pointer in front of the row under the cursor.
pub fn pointer(is_cur: bool) -> &'static str {
    if is_cur {
        "›"
    } else {
        " "
    }
}

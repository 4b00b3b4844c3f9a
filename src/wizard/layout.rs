//! Where everything goes, as a pure function of the model (terminal size included) and of
//! whether the screen has a preview, so the view draws and update hit-tests mouse clicks
//! with the same rectangles.

use ratatui::layout::Rect;

use super::model::{Focus, Model};
use super::widgets::text::list_offset;

pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 19;
/// From this width on the preview is shown beside the questions.
pub const PREVIEW_WIDTH: u16 = 120;
const SIDEBAR: u16 = 26;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Areas {
    pub too_small: bool,
    pub title: Rect,
    pub sidebar: Option<Rect>,
    pub main: Option<Rect>,
    pub preview: Option<Rect>,
    pub status: Rect,
    pub hints: Rect,
}

/// `preview`: the screen on display has a preview pane.
pub fn layout(m: &Model, (w, h): (u16, u16), preview: bool) -> Areas {
    if w < MIN_WIDTH || h < MIN_HEIGHT {
        return Areas {
            too_small: true,
            ..Default::default()
        };
    }
    let title = Rect::new(0, 0, w, 1);
    let status = Rect::new(0, h - 2, w, 1);
    let hints = Rect::new(0, h - 1, w, 1);
    let body = Rect::new(0, 1, w, h - 3);
    let mut a = Areas {
        too_small: false,
        title,
        status,
        hints,
        ..Default::default()
    };
    let rest = if m.in_wizard() {
        a.sidebar = Some(Rect::new(0, body.y, SIDEBAR, body.height));
        Rect::new(SIDEBAR, body.y, w - SIDEBAR, body.height)
    } else {
        body
    };
    if m.in_wizard() && m.focus == Focus::Preview {
        a.preview = Some(rest);
    } else if preview && w >= PREVIEW_WIDTH {
        let main_w = if m.in_wizard() {
            rest.width * 11 / 20
        } else {
            w * 11 / 20
        };
        a.main = Some(Rect::new(rest.x, rest.y, main_w, rest.height));
        a.preview = Some(Rect::new(
            rest.x + main_w,
            rest.y,
            rest.width - main_w,
            rest.height,
        ));
    } else {
        a.main = Some(rest);
    }
    a
}

/// The first step shown when the list is taller than the sidebar (small windows): the step
/// under the cursor, or the current one, stays in view.
pub fn sidebar_offset(m: &Model, height: u16) -> usize {
    let at = if m.focus == Focus::Sidebar {
        m.sidebar_cursor
    } else {
        m.step
    };
    list_offset(at, m.steps.len(), height as usize)
}

/// The step index a click in the sidebar lands on.
pub fn sidebar_hit(m: &Model, a: &Areas, column: u16, row: u16) -> Option<usize> {
    let sb = a.sidebar?;
    if column < sb.x || column >= sb.x + sb.width || row <= sb.y || row >= sb.y + sb.height - 1 {
        return None;
    }
    let inner_height = sb.height.saturating_sub(2);
    let i = (row - sb.y - 1) as usize + sidebar_offset(m, inner_height);
    (i < m.steps.len()).then_some(i)
}

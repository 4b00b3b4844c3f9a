//! Where everything goes, as a pure function of the state (terminal size included), so the
//! view draws and update hit-tests mouse clicks with the same rectangles.

use ratatui::layout::Rect;

use super::state::{Screen, State};

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

pub fn layout(s: &State) -> Areas {
    layout_with_size(s, s.size)
}

pub fn layout_with_size(s: &State, (w, h): (u16, u16)) -> Areas {
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
    if s.screen == Screen::Start {
        if w >= PREVIEW_WIDTH {
            let main_w = w * 11 / 20;
            a.main = Some(Rect::new(0, body.y, main_w, body.height));
            a.preview = Some(Rect::new(main_w, body.y, w - main_w, body.height));
        } else {
            a.main = Some(body);
        }
        return a;
    }
    let sidebar = Rect::new(0, body.y, SIDEBAR, body.height);
    a.sidebar = Some(sidebar);
    let rest = Rect::new(SIDEBAR, body.y, w - SIDEBAR, body.height);
    if s.preview_full {
        a.preview = Some(rest);
    } else if w >= PREVIEW_WIDTH {
        let main_w = rest.width * 11 / 20;
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

/// The step index a click in the sidebar lands on.
pub fn sidebar_hit(s: &State, a: &Areas, column: u16, row: u16) -> Option<usize> {
    let sb = a.sidebar?;
    if column < sb.x || column >= sb.x + sb.width || row <= sb.y || row >= sb.y + sb.height - 1 {
        return None;
    }
    let inner_height = sb.height.saturating_sub(2);
    let i = (row - sb.y - 1) as usize + crate::wizard::widgets::sidebar::offset(s, inner_height);
    (i < s.steps.len()).then_some(i)
}

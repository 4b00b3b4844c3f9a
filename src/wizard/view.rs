//! The whole screen as a pure function of the state.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::input;
use super::keymap::Row;
use super::layout::{layout, MIN_HEIGHT, MIN_WIDTH};
use super::model::Focus;
use super::state::{Overlay, State};
use super::strings::{help as th, view as t};
use super::theme;
use super::widgets::text::fit;
use super::widgets::{dialog, help, preview_pane, sidebar};

pub fn view(f: &mut Frame, s: &State) {
    let size = f.area();
    let m = &s.model;
    let scr = s.active();
    // Lay out for the frame we are given (the model's size may lag a resize).
    let a = layout(m, (size.width, size.height), scr.has_preview(m));
    if a.too_small {
        too_small(f, size);
        return;
    }
    title(f, a.title, s);
    if let Some(sb) = a.sidebar {
        sidebar::view(f, sb, m, &s.derived);
    }
    if let Some(main) = a.main {
        scr.draw(f, main, m, &s.derived, m.focus == Focus::Main);
    }
    if let Some(p) = a.preview {
        preview_pane::view(f, p, m, &s.derived);
    }
    status(f, a.status, s);
    hints(f, a.hints, s);
    match &s.overlay {
        Some(Overlay::Help) => {
            let (title, rows) = help_rows(s);
            help::view(f, &title, &rows, m.in_wizard());
        }
        Some(Overlay::Dialog(d)) => dialog::view(f, d),
        None => {}
    }
}

/// The keys of what has the focus: (title, rows) for the help, from the keymaps.
pub fn help_rows(s: &State) -> (String, Vec<Row>) {
    let m = &s.model;
    let scr = s.active();
    let (title, mut rows) = if !m.in_wizard() {
        (scr.help_title(), scr.keys(m))
    } else {
        match m.focus {
            Focus::Preview => (th::PREVIEW.to_string(), preview_pane::keys()),
            Focus::Sidebar => (th::SIDEBAR.to_string(), sidebar::keys()),
            Focus::Main => (scr.help_title(), scr.keys(m)),
        }
    };
    let modal = m.focus == Focus::Main && scr.modal();
    rows.extend(
        input::global_rows(m.in_wizard())
            .into_iter()
            // In a form or question Tab stays inside (the screen's own keys say so).
            .filter(|r| !(modal && r.keys.starts_with("Tab"))),
    );
    (title, rows)
}

/// The footer: the keys of what has the focus, then the global ones; what does not fit is
/// left off (F1 lists everything).
pub fn footer(s: &State) -> Vec<String> {
    let m = &s.model;
    if let Some(Overlay::Dialog(d)) = &s.overlay {
        return dialog::keys(d)
            .iter()
            .filter_map(Row::footer_text)
            .collect();
    }
    let local = if !m.in_wizard() {
        s.active().keys(m)
    } else {
        match m.focus {
            Focus::Preview => preview_pane::keys(),
            Focus::Sidebar => sidebar::keys(),
            Focus::Main => s.active().keys(m),
        }
    };
    let modal = m.focus == Focus::Main && s.active().modal();
    let mut v: Vec<String> = local.iter().filter_map(Row::footer_text).collect();
    v.extend(input::global_footer(m.in_wizard(), modal));
    v
}

fn too_small(f: &mut Frame, size: Rect) {
    let buf = f.buffer_mut();
    let detail = t::min_size(MIN_WIDTH, MIN_HEIGHT);
    let lines: Vec<String> = if size.height >= 2 {
        vec![t::TOO_SMALL.to_string(), detail]
    } else {
        vec![t::TOO_SMALL.to_string()]
    };
    let top = size.height.saturating_sub(lines.len() as u16) / 2;
    for (i, l) in lines.iter().enumerate() {
        let text = fit(l, size.width as usize);
        let w = unicode_width::UnicodeWidthStr::width(text.as_str()) as u16;
        let x = (size.width.saturating_sub(w)) / 2;
        let y = top + i as u16;
        if y < size.height {
            buf.set_string(x, y, text, theme::bold());
        }
    }
}

fn title(f: &mut Frame, area: Rect, s: &State) {
    let m = &s.model;
    let text = if m.in_wizard() {
        t::title_step(
            m.answers.shop.name.as_deref(),
            m.step + 1,
            m.steps.len(),
            m.step_label(m.current()),
        )
    } else {
        t::title_page(&s.active().label())
    };
    f.render_widget(
        Paragraph::new(fit(&text, area.width as usize)).style(theme::title_bar()),
        area,
    );
}

fn status(f: &mut Frame, area: Rect, s: &State) {
    let m = &s.model;
    let (errors, warnings) = s.derived.counts();
    // Counts first: a long file path may be cut off at the right, they may not.
    let mut spans = vec![];
    if m.in_wizard() {
        spans.push(Span::styled(
            t::counts(errors, warnings),
            theme::counts(errors > 0),
        ));
        spans.push(Span::raw("│"));
    }
    spans.push(Span::raw(format!(" {}", m.status)));
    f.render_widget(
        Paragraph::new(Line::from(spans)).style(theme::status_bar()),
        area,
    );
}

fn hints(f: &mut Frame, area: Rect, s: &State) {
    let mut text = String::new();
    for h in footer(s) {
        let add = if text.is_empty() {
            format!(" {h}")
        } else {
            format!(" · {h}")
        };
        if unicode_width::UnicodeWidthStr::width(format!("{text}{add}").as_str())
            > area.width as usize
        {
            break;
        }
        text.push_str(&add);
    }
    f.render_widget(
        Paragraph::new(fit(&text, area.width as usize)).style(theme::dim()),
        area,
    );
}

//! The whole screen as a pure function of the state.

use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::layout::layout_with_size;
use super::screens::{self, fit};
use super::state::{Focus, Screen, State, Step};
use super::widgets::{help, preview_pane, sidebar};

pub fn view(f: &mut Frame, s: &State) {
    let size = f.area();
    // Lay out for the frame we are given (the state's size may lag a resize).
    let a = layout_with_size(s, (size.width, size.height));
    if a.too_small {
        too_small(f, size);
        return;
    }
    title(f, a.title, s);
    match s.screen {
        Screen::Start => {
            if let Some(m) = a.main {
                screens::start::view(f, m, s);
            }
            if let Some(p) = a.preview {
                preview_pane::view(f, p, s);
            }
        }
        Screen::Wizard => {
            if let Some(sb) = a.sidebar {
                sidebar::view(f, sb, s);
            }
            if let Some(m) = a.main {
                match s.current() {
                    Step::Shop => screens::shop_form::view(f, m, s),
                    Step::Section(sec) => screens::providers::view(f, m, s, sec),
                    Step::Policy => screens::policy_options::view(f, m, s),
                    Step::Review => screens::review::view(f, m, s),
                    Step::Export => screens::export::view(f, m, s),
                }
            }
            if let Some(p) = a.preview {
                preview_pane::view(f, p, s);
            }
        }
    }
    status(f, a.status, a.hints, s);
    if s.help {
        help::view(f, s);
    }
}

fn too_small(f: &mut Frame, size: Rect) {
    let buf = f.buffer_mut();
    let msg = "Venster te klein";
    let detail = format!(
        "minimaal {}×{}",
        super::layout::MIN_WIDTH,
        super::layout::MIN_HEIGHT
    );
    let lines: Vec<String> = if size.height >= 2 {
        vec![msg.to_string(), detail]
    } else {
        vec![msg.to_string()]
    };
    let top = size.height.saturating_sub(lines.len() as u16) / 2;
    for (i, l) in lines.iter().enumerate() {
        let text = fit(l, size.width as usize);
        let w = unicode_width::UnicodeWidthStr::width(text.as_str()) as u16;
        let x = (size.width.saturating_sub(w)) / 2;
        let y = top + i as u16;
        if y < size.height {
            buf.set_string(x, y, text, Style::new().add_modifier(Modifier::BOLD));
        }
    }
}

fn title(f: &mut Frame, area: Rect, s: &State) {
    let name = s
        .answers
        .shop
        .name
        .clone()
        .unwrap_or_else(|| "nieuw beleid".into());
    let text = match s.screen {
        Screen::Start => " privacybeleid — beginnen".to_string(),
        Screen::Wizard => format!(
            " privacybeleid — {name} — stap {} van {}: {}",
            s.step + 1,
            s.steps.len(),
            s.current().label()
        ),
    };
    f.render_widget(
        Paragraph::new(fit(&text, area.width as usize)).style(
            Style::new()
                .bg(Color::Blue)
                .fg(Color::White)
                .add_modifier(Modifier::BOLD),
        ),
        area,
    );
}

fn status(f: &mut Frame, status: Rect, hints: Rect, s: &State) {
    let (errors, warnings) = s.diag_counts();
    // Counts first: a long file path may be cut off at the right, they may not.
    let mut spans = vec![];
    if s.screen == Screen::Wizard {
        spans.push(Span::styled(
            format!(" ✗ {errors} fout(en)  ! {warnings} waarschuwing(en) "),
            if errors > 0 {
                Style::new().fg(Color::LightRed)
            } else {
                Style::new().fg(Color::LightYellow)
            },
        ));
        spans.push(Span::raw("│"));
    }
    spans.push(Span::raw(format!(" {}", s.status)));
    let line = Line::from(spans);
    f.render_widget(
        Paragraph::new(line).style(Style::new().bg(Color::DarkGray).fg(Color::White)),
        status,
    );
    // Most important first; what does not fit is left off (F1 lists everything).
    let hint: &[&str] = match s.screen {
        Screen::Start => &["↑/↓ kiezen", "Enter openen", "F1 hulp", "Ctrl+Q stoppen"],
        Screen::Wizard if s.preview_full => &[
            "↑/↓ PgUp/PgDn scrollen",
            "F2/Esc terug",
            "F1 hulp",
            "Ctrl+Q stoppen",
        ],
        Screen::Wizard if s.focus == Focus::Sidebar => &[
            "↑/↓ stap",
            "Enter openen",
            "Tab vragen",
            "F1 hulp",
            "Ctrl+S export",
            "Ctrl+Q stoppen",
        ],
        Screen::Wizard => match s.current() {
            Step::Section(_) if s.prov.form.is_some() => &[
                "↑/↓ veld",
                "Enter verder/opslaan",
                "Esc annuleren",
                "F1 hulp",
                "Ctrl+Q stoppen",
            ],
            Step::Section(_) => &[
                "Spatie kiezen",
                "typ = zoeken",
                "Enter verder",
                "F1 hulp",
                "F2 voorbeeld",
                "Ctrl+Q stoppen",
                "Tab stappen",
                "Ctrl+S export",
            ],
            _ => &[
                "↑/↓ regel",
                "Enter verder",
                "F1 hulp",
                "F2 voorbeeld",
                "Ctrl+Q stoppen",
                "Tab stappen",
                "Esc terug",
                "Ctrl+S export",
            ],
        },
    };
    let mut text = String::new();
    for h in hint {
        let add = if text.is_empty() {
            format!(" {h}")
        } else {
            format!(" · {h}")
        };
        if unicode_width::UnicodeWidthStr::width(format!("{text}{add}").as_str())
            > hints.width as usize
        {
            break;
        }
        text.push_str(&add);
    }
    let hint = text.as_str();
    f.render_widget(
        Paragraph::new(fit(hint, hints.width as usize)).style(screens::dim()),
        hints,
    );
}

//! The help overlay: every key of the current screen.

use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use ratatui::Frame;

use crate::wizard::screens::{self, fit};
use crate::wizard::state::{Focus, Screen, State, Step};

pub const GLOBAL: &[(&str, &str)] = &[
    (
        "Tab / Shift+Tab",
        "volgend/vorig veld, daarna naar de zijbalk (stappen)",
    ),
    ("F1 of ?", "deze hulp (? niet tijdens typen)"),
    ("F2 of Ctrl+P", "voorbeeld op volledig scherm aan/uit"),
    ("PgUp / PgDn", "voorbeeld scrollen (ook met het muiswiel)"),
    ("Ctrl+S", "exporteren"),
    ("Ctrl+Q of Ctrl+C", "stoppen (alles is al bewaard)"),
    (
        "muisklik",
        "stap in de zijbalk of regel in een lijst kiezen",
    ),
];

const SIDEBAR: &[(&str, &str)] = &[
    ("↑/↓ Home/End", "stap kiezen"),
    ("Enter of →", "naar de gekozen stap"),
    ("Esc of ←", "terug naar de vragen"),
];

const PREVIEW: &[(&str, &str)] = &[
    ("↑/↓ PgUp/PgDn", "scrollen"),
    ("F2 of Esc", "terug naar de vragen"),
];

pub fn keys(s: &State) -> (&'static str, Vec<(&'static str, &'static str)>) {
    let (title, local): (&str, &[(&str, &str)]) = if s.screen == Screen::Start {
        ("Startscherm", screens::start::KEYS)
    } else if s.preview_full {
        ("Voorbeeld", PREVIEW)
    } else if s.focus == Focus::Sidebar {
        ("Zijbalk", SIDEBAR)
    } else {
        match s.current() {
            Step::Shop => ("Gegevens webwinkel", screens::shop_form::KEYS),
            Step::Section(_) if s.prov.form.is_some() => {
                ("Eigen aanbieder", screens::custom_provider::KEYS)
            }
            Step::Section(_) => ("Aanbieders kiezen", screens::providers::KEYS),
            Step::Policy => ("Beleidskeuzes", screens::policy_options::KEYS),
            Step::Review => ("Controle", screens::review::KEYS),
            Step::Export => ("Exporteren", screens::export::KEYS),
        }
    };
    let mut all: Vec<(&str, &str)> = local.to_vec();
    let form = s.screen == Screen::Wizard
        && s.focus == Focus::Main
        && !s.preview_full
        && matches!(s.current(), Step::Section(_))
        && s.prov.form.is_some();
    all.extend_from_slice(if s.screen == Screen::Start {
        &GLOBAL[5..6]
    } else if form {
        // In the own-provider form Tab stays in the form (its own keys say so).
        &GLOBAL[1..]
    } else {
        GLOBAL
    });
    (title, all)
}

pub fn view(f: &mut Frame, s: &State) {
    let size = f.area();
    let (title, keys) = keys(s);
    let h = (keys.len() as u16 + 5).min(size.height);
    let w = size.width.saturating_sub(4).min(76);
    let area = Rect::new((size.width - w) / 2, (size.height - h) / 2, w, h);
    let inner_w = w.saturating_sub(2) as usize;
    let mut lines: Vec<Line> = keys
        .iter()
        .map(|(k, d)| {
            Line::from(vec![
                Span::styled(
                    format!("{:<18}", fit(k, 18)),
                    Style::new().add_modifier(Modifier::BOLD),
                ),
                Span::raw(fit(d, inner_w.saturating_sub(18))),
            ])
        })
        .collect();
    lines.push(Line::from(""));
    if s.screen == Screen::Wizard {
        lines.push(Line::from(Span::styled(
            fit(
                "Zijbalk: · niet bezocht  ✓ klaar  ! waarschuwing  ✗ fout",
                inner_w,
            ),
            screens::dim(),
        )));
    }
    lines.push(Line::from(Span::styled(
        "Esc, Enter of F1 sluit deze hulp.",
        screens::dim(),
    )));
    f.render_widget(Clear, area);
    f.render_widget(
        Paragraph::new(lines).block(
            Block::new()
                .borders(Borders::ALL)
                .title(format!(" Toetsen: {title} ")),
        ),
        area,
    );
}

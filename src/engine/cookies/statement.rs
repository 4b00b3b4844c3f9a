//! The cookie statement (`render --document cookies`): per category the tools, whether
//! consent is asked, and a table of their cookies; how to change or withdraw consent (a
//! link that reopens the banner) and how to delete cookies. The sentences come from
//! assets/i18n/<voice>.toml, the order from assets/templates/cookies.tera.

use serde_json::{json, Map, Value};

use super::{banner, fixed, lifetime_in, purpose_in, texts, tools, Category, CookieItem, Tool};
use crate::engine::answers::Answers;
use crate::engine::document::{wrap_user, Document, LINK_END, LINK_MID, LINK_START};
use crate::engine::error::EngineError;
use crate::engine::lang::{fill, Lang, Texts, Voice};
use crate::engine::{format, Engine, Format};

/// The anchor the banner's loader listens to (assets/banner/loader.js).
pub fn settings_anchor(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "#cookie-instellingen",
        Lang::En => "#cookie-settings",
    }
}

fn link(url: &str, text: &str) -> String {
    format!("{LINK_START}{url}{LINK_MID}{text}{LINK_END}")
}

/// A tool's name and company as text for the statement: a shop's own provider is user text.
fn names(tool: &Tool) -> (String, String) {
    if tool.custom {
        (wrap_user(&tool.name), wrap_user(&tool.company))
    } else {
        (tool.name.clone(), tool.company.clone())
    }
}

/// The template's context.
pub fn context(a: &Answers, tools: &[Tool], texts: &Texts) -> Result<Value, EngineError> {
    let lang = texts.voice().lang;
    let get = |k: &str| texts.get(&format!("statement.{k}"));
    let shop = a
        .shop
        .name
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(wrap_user)
        .unwrap_or_else(|| "(naam webwinkel)".into());
    let website = match a.shop.website.as_deref().map(str::trim) {
        Some(w) if crate::engine::rules::url(w).is_none() => link(w, &wrap_user(w)),
        Some(w) if !w.is_empty() => wrap_user(w),
        _ => String::new(),
    };
    let email = match a.shop.email.as_deref().map(str::trim) {
        Some(e) if crate::engine::rules::email(e).is_none() => {
            link(&format!("mailto:{e}"), &wrap_user(e))
        }
        Some(e) if !e.is_empty() => wrap_user(e),
        _ => String::new(),
    };
    let settings = link(settings_anchor(lang), get("settings")?);
    let with = [
        ("shop", shop.as_str()),
        ("website", website.as_str()),
        ("email", email.as_str()),
        ("settings", settings.as_str()),
    ];

    // Every fixed sentence of the statement, placeholders filled.
    let mut t = Map::new();
    for key in texts.keys() {
        if let Some(k) = key.strip_prefix("statement.") {
            if !k.starts_with("category.") {
                t.insert(k.to_string(), Value::String(fill(texts.get(key)?, &with)));
            }
        }
    }

    let own = &fixed()?.own.cookie;
    let own_name = texts.get("banner.own_label")?;
    let privacy = get("privacy")?;
    let mut categories = Vec::new();
    for cat in Category::ALL {
        let mut lines = Vec::new();
        let mut rows = Vec::new();
        if cat == Category::Necessary {
            rows.push(row(own_name, own, lang)?);
        }
        for tool in tools {
            let groups: Vec<_> = tool.groups.iter().filter(|g| g.category == cat).collect();
            if groups.is_empty() {
                continue;
            }
            let (name, company) = names(tool);
            let consent = match (
                groups.iter().all(|g| g.consent),
                groups.iter().any(|g| g.consent),
            ) {
                (true, _) => get("consent_yes")?,
                (false, true) => get("consent_partly")?,
                (false, false) => get("consent_no")?,
            };
            let items: Vec<&CookieItem> = groups.iter().flat_map(|g| g.items.iter()).collect();
            let privacy_link = if tool.privacy_url.trim().is_empty() {
                privacy.to_string()
            } else {
                link(tool.privacy_url.trim(), privacy)
            };
            let key = if items.is_empty() {
                "tool_unknown"
            } else {
                "tool"
            };
            lines.push(fill(
                get(key)?,
                &[
                    ("tool", name.as_str()),
                    ("company", company.as_str()),
                    ("consent", consent),
                    ("privacy", privacy_link.as_str()),
                ],
            ));
            for item in items {
                rows.push(row(&name, item, lang)?);
            }
        }
        // Necessary always stands: the banner's own cookie is there.
        if lines.is_empty() && cat != Category::Necessary {
            continue;
        }
        categories.push(json!({
            "id": cat.id(),
            "title": get(&format!("category.{}.title", cat.id()))?,
            "text": get(&format!("category.{}.text", cat.id()))?,
            "tools": lines,
            "rows": rows,
        }));
    }
    let asks = tools.iter().any(|t| t.groups.iter().any(|g| g.consent));
    let updated = a
        .shop
        .effective_date
        .as_deref()
        .and_then(|d| crate::engine::lang::date(d, lang))
        .map(|d| {
            fill(
                texts.get("statement.updated").unwrap_or(""),
                &[("date", &d)],
            )
        });
    Ok(json!({
        "t": t,
        "categories": categories,
        "asks": asks,
        "updated": updated,
        "header": {
            "name": texts.get("table.name")?,
            "provider": texts.get("table.provider")?,
            "purpose": texts.get("table.purpose")?,
            "lifetime": texts.get("table.lifetime")?,
        },
    }))
}

fn row(provider: &str, item: &CookieItem, lang: Lang) -> Result<Value, EngineError> {
    let r = banner::row(provider, item, lang)?;
    Ok(json!({
        "name": cell(&r.name),
        "provider": cell(&r.provider),
        "purpose": cell(&purpose_in(item, lang)?),
        "lifetime": cell(&lifetime_in(item, lang)?),
    }))
}

/// A table cell never holds the cell separator of the markup.
fn cell(s: &str) -> String {
    s.replace("||", "|")
}

impl Engine {
    /// The cookie statement's line markup (before parsing), for tests and template work.
    pub fn cookie_statement_markup(
        &self,
        answers: &Answers,
        voice: Voice,
    ) -> Result<String, EngineError> {
        let a = self.resolved(answers);
        let ctx = context(&a, &tools(&a, self.catalog()), texts(voice)?)?;
        let ctx = tera::Context::from_value(ctx)
            .map_err(|e| EngineError::Template(super::super::error_chain(&e)))?;
        self.templates.render("cookies.tera", &ctx)
    }

    /// The cookie statement as blocks.
    pub fn cookie_statement(
        &self,
        answers: &Answers,
        voice: Voice,
    ) -> Result<Document, EngineError> {
        Ok(Document::parse(
            &self.cookie_statement_markup(answers, voice)?,
        ))
    }

    /// The cookie statement in an output format.
    pub fn render_cookie_statement(
        &self,
        answers: &Answers,
        format: Format,
        voice: Voice,
    ) -> Result<String, EngineError> {
        let doc = self.cookie_statement(answers, voice)?;
        Ok(format::write_in(&doc, format, voice.lang.code()))
    }
}

//! The Tera templates, compiled when first needed: one set per voice
//! (`assets/templates/<voice>/…`) and one for the templates every voice shares
//! (`cookies.tera`). A run that writes one Dutch policy compiles only the Dutch "u" set, so
//! a start does not pay for three languages.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::document::{self, LINK_END, LINK_MID, LINK_START};
use super::lang::{self, Voice};
use super::{assets, error_chain, model, EngineError};

/// The compiled sets; each is compiled at most once, by the first render that needs it.
#[derive(Default)]
pub struct Templates {
    voices: [OnceLock<Result<tera::Tera, String>>; 3],
    shared: OnceLock<Result<tera::Tera, String>>,
}

impl Templates {
    /// Renders template `name` (e.g. "nl-u/policy.tera" or "cookies.tera").
    pub fn render(&self, name: &str, ctx: &tera::Context) -> Result<String, EngineError> {
        self.set_of(name)?
            .render(name, ctx)
            .map_err(|e| EngineError::Template(error_chain(&e)))
    }

    /// Compiles every set now: a broken template fails at once, whatever its voice.
    #[cfg(test)]
    fn compile_all(&self) -> Result<(), EngineError> {
        for set in (0..Voice::ALL.len()).map(Some).chain([None]) {
            self.set(set)?;
        }
        Ok(())
    }

    fn set_of(&self, name: &str) -> Result<&tera::Tera, EngineError> {
        self.set(voice_folder(name))
    }

    /// The set of voice `i` (None: the shared set), compiled on first use.
    fn set(&self, voice: Option<usize>) -> Result<&tera::Tera, EngineError> {
        let cell = voice.map_or(&self.shared, |i| &self.voices[i]);
        cell.get_or_init(|| compile(voice))
            .as_ref()
            .map_err(|e| EngineError::Template(e.clone()))
    }
}

/// The index in `Voice::ALL` of the voice whose folder holds template `name`, if any.
fn voice_folder(name: &str) -> Option<usize> {
    Voice::ALL.iter().position(|v| {
        name.strip_prefix(v.key())
            .is_some_and(|r| r.starts_with('/'))
    })
}

/// The templates in voice `i`'s folder (None: those in no voice's folder), with our
/// filters and functions.
fn compile(voice: Option<usize>) -> Result<tera::Tera, String> {
    let mut tera = tera::Tera::default();
    // Escaping is done per output format on the parsed document, never by Tera.
    tera.autoescape_on(vec![]);
    tera.add_raw_templates(
        assets::TEMPLATES
            .iter()
            .copied()
            .filter(|(name, _)| voice_folder(name) == voice),
    )
    .map_err(|e| error_chain(&e))?;
    // Tera's own `filter` and `map` copy the whole list twice before picking from it; these
    // do the same work on the list in place (a fifth of a render's time went there).
    tera.register_filter("filter", filter);
    tera.register_filter("map", map);
    tera.register_filter("opsomming", opsomming);
    tera.register_filter("and_list", and_list);
    tera.register_function("kies", kies);
    tera.register_function("link", link);
    Ok(tera)
}

/// `{{ names | opsomming }}`: a Dutch enumeration, "a, b en c".
fn opsomming(v: &tera::Value, _: &HashMap<String, tera::Value>) -> tera::Result<tera::Value> {
    Ok(tera::Value::String(model::list_nl(&items_of(
        v,
        "opsomming",
    )?)))
}

/// `{{ names | and_list }}`: an English enumeration, "a, b and c".
fn and_list(v: &tera::Value, _: &HashMap<String, tera::Value>) -> tera::Result<tera::Value> {
    Ok(tera::Value::String(lang::list(
        &items_of(v, "and_list")?,
        lang::Lang::En,
    )))
}

fn items_of(v: &tera::Value, filter: &str) -> tera::Result<Vec<String>> {
    match v {
        tera::Value::Array(a) => Ok(a
            .iter()
            .map(|x| match x {
                tera::Value::String(s) => s.clone(),
                other => other.to_string(),
            })
            .collect()),
        tera::Value::String(s) => Ok(vec![s.clone()]),
        _ => Err(format!("{filter} verwacht een lijst").into()),
    }
}

/// `{{ kies(n=list.n, een="is", meer="zijn") }}`: the word that fits one or several.
fn kies(args: &HashMap<String, tera::Value>) -> tera::Result<tera::Value> {
    let n = args.get("n").and_then(|v| v.as_u64()).unwrap_or(1);
    let key = if n == 1 { "een" } else { "meer" };
    Ok(args
        .get(key)
        .cloned()
        .unwrap_or(tera::Value::String(String::new())))
}

/// `{{ link(url=..., text=...) }}`: a link the document parser recognises.
fn link(args: &HashMap<String, tera::Value>) -> tera::Result<tera::Value> {
    let get = |k: &str| {
        args.get(k)
            .and_then(|v| v.as_str())
            .unwrap_or("")
            .to_string()
    };
    let url = document::unwrap_user(&get("url"));
    let text = get("text");
    if url.is_empty() {
        return Ok(tera::Value::String(text));
    }
    Ok(tera::Value::String(format!(
        "{LINK_START}{url}{LINK_MID}{text}{LINK_END}"
    )))
}

/// `{{ list | filter(attribute="a.b", value=x) }}`: the items whose attribute equals `x`
/// (without `value`: whose attribute is not null), as Tera's built-in filter.
fn filter(v: &tera::Value, args: &HashMap<String, tera::Value>) -> tera::Result<tera::Value> {
    let tera::Value::Array(items) = v else {
        return Err("filter verwacht een lijst".into());
    };
    let Some(key) = args.get("attribute").and_then(|a| a.as_str()) else {
        return Err("filter heeft een `attribute` nodig".into());
    };
    let want = args.get("value").unwrap_or(&tera::Value::Null);
    Ok(tera::Value::Array(
        items
            .iter()
            .filter(|item| {
                let got = tera::dotted_pointer(item, key).unwrap_or(&tera::Value::Null);
                if want.is_null() {
                    !got.is_null()
                } else {
                    got == want
                }
            })
            .cloned()
            .collect(),
    ))
}

/// `{{ list | map(attribute="a.b") }}`: each item's attribute, nulls left out, as Tera's
/// built-in filter.
fn map(v: &tera::Value, args: &HashMap<String, tera::Value>) -> tera::Result<tera::Value> {
    let tera::Value::Array(items) = v else {
        return Err("map verwacht een lijst".into());
    };
    let Some(key) = args.get("attribute").and_then(|a| a.as_str()) else {
        return Err("map heeft een `attribute` nodig".into());
    };
    Ok(tera::Value::Array(
        items
            .iter()
            .filter_map(|item| tera::dotted_pointer(item, key))
            .filter(|x| !x.is_null())
            .cloned()
            .collect(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// Ours give what Tera's built-ins give, on values, nulls, missing and nested attributes.
    #[test]
    fn filter_and_map_match_teras_own() {
        let list = json!([
            {"n": "a", "p": true, "x": {"y": 1}},
            {"n": "b", "p": false, "x": {"y": null}},
            {"n": null, "p": true},
            {"p": null, "x": {"y": 2}}
        ]);
        let calls = [
            r#"filter(attribute="p", value=true)"#,
            r#"filter(attribute="p", value=false)"#,
            r#"filter(attribute="p")"#,
            r#"filter(attribute="x.y")"#,
            r#"filter(attribute="x.y", value=2)"#,
            r#"map(attribute="n")"#,
            r#"map(attribute="p")"#,
            r#"map(attribute="x.y")"#,
            r#"map(attribute="x")"#,
            r#"map(attribute="nope")"#,
        ];
        let mut ctx = tera::Context::new();
        ctx.insert("list", &list);
        for call in calls {
            let t = format!("{{{{ list | {call} | json_encode() }}}}");
            let builtin = tera::Tera::one_off(&t, &ctx, false).unwrap();
            let mut ours = tera::Tera::default();
            ours.register_filter("filter", filter);
            ours.register_filter("map", map);
            ours.add_raw_template("t", &t).unwrap();
            assert_eq!(ours.render("t", &ctx).unwrap(), builtin, "{call}");
        }
        let none = HashMap::new();
        assert!(filter(&json!("tekst"), &none).is_err());
        assert!(map(&list, &none).is_err());
    }

    /// A render compiles only its own voice's templates.
    #[test]
    fn a_voice_compiles_only_its_own_templates() {
        let t = Templates::default();
        let ctx = tera::Context::new();
        // The cookie template needs a context it does not get here: the render fails, but
        // only after compiling the shared set.
        let _ = t.render("cookies.tera", &ctx);
        assert!(t.shared.get().is_some());
        assert!(t.voices.iter().all(|v| v.get().is_none()));
        t.compile_all().unwrap();
        assert!(t.voices.iter().all(|v| v.get().is_some_and(|r| r.is_ok())));
    }
}

//! What changed between two snapshots, in the reader's terms: "Nieuw: Klarna voor
//! betalingen.", "Niet meer: PayPal.", "Mollie ontvangt nu ook: geboortedatum." Never field
//! names. In the voice of the policy (nl-u, nl-je, en): the words from assets/consult.toml,
//! catalog words in English from the glossary.

use std::collections::BTreeSet;

use serde_json::Value;

use super::facts::{chosen_ids, sections_of, Snapshot};
use super::wording::{self, fill, Wording};
use crate::engine::answers::Shop;
use crate::engine::lang::{self, Lang, Term, Voice};
use crate::engine::model::Words;
use crate::engine::Section;

/// Every change, one sentence each, in Dutch with "u" (what `diff` shows the consultant).
pub fn describe(old: &Snapshot, new: &Snapshot) -> Vec<String> {
    describe_in(old, new, Voice::default())
}

/// Every change, one sentence each, in `voice`, in a fixed order: providers, shop,
/// options, variants, facts.
pub fn describe_in(old: &Snapshot, new: &Snapshot, voice: Voice) -> Vec<String> {
    let say = Say::new(voice);
    let mut out = Vec::new();
    providers(&say, old, new, &mut out);
    shop(&say, &old.answers.shop, &new.answers.shop, &mut out);
    options(&say, old, new, &mut out);
    variants(&say, old, new, &mut out);
    facts(&say, old, new, &mut out);
    out
}

/// The words of one voice: the changelog's sentences and the language's lists, numbers,
/// catalog words and countries.
struct Say {
    w: &'static Wording,
    lang: Lang,
    words: Option<Words<'static>>,
}

impl Say {
    fn new(voice: Voice) -> Say {
        Say {
            w: wording::get(voice),
            lang: voice.lang,
            words: Words::of(voice).ok(),
        }
    }

    fn list<S: AsRef<str>>(&self, items: &[S]) -> String {
        lang::list(items, self.lang)
    }

    fn number(&self, n: u32) -> String {
        lang::number(n, self.lang)
    }

    /// Catalog data labels in the voice's language; a label the glossary does not know
    /// (an own provider's, typed by its user) stays as written.
    fn data<S: AsRef<str>>(&self, labels: &[S]) -> Vec<String> {
        labels
            .iter()
            .map(|l| {
                let l = l.as_ref();
                self.words
                    .as_ref()
                    .and_then(|w| w.term(Term::Data, l).ok())
                    .unwrap_or_else(|| l.to_string())
            })
            .collect()
    }

    /// A country inside a sentence: "de Verenigde Staten", "the United States".
    fn country(&self, nl: &str) -> String {
        self.words
            .as_ref()
            .and_then(|w| w.country(nl, true).ok())
            .unwrap_or_else(|| nl.to_string())
    }

    fn countries<S: AsRef<str>>(&self, list: &[S]) -> String {
        self.list(
            &list
                .iter()
                .map(|c| self.country(c.as_ref()))
                .collect::<Vec<_>>(),
        )
    }
}

fn section_phrase(say: &Say, s: Section) -> String {
    Wording::text(&say.w.section, s.id())
}

fn providers(say: &Say, old: &Snapshot, new: &Snapshot, out: &mut Vec<String>) {
    let w = say.w;
    let (a, b) = (&old.answers, &new.answers);
    let before = chosen_ids(a);
    let after = chosen_ids(b);
    let added: Vec<String> = after
        .iter()
        .filter(|id| !before.contains(id))
        .map(|id| {
            let what: Vec<String> = sections_of(b, id)
                .into_iter()
                .map(|s| section_phrase(say, s))
                .collect();
            format!("{} {}", new.name_of(id), say.list(&what))
                .trim()
                .to_string()
        })
        .collect();
    if !added.is_empty() {
        out.push(fill(
            &Wording::text(&w.provider, "added"),
            &[("", &say.list(&added))],
        ));
    }
    let removed: Vec<String> = before
        .iter()
        .filter(|id| !after.contains(id))
        .map(|id| old.name_of(id))
        .collect();
    if !removed.is_empty() {
        out.push(fill(
            &Wording::text(&w.provider, "removed"),
            &[("", &say.list(&removed))],
        ));
    }
    for id in after.iter().filter(|id| before.contains(id)) {
        let (was, now) = (sections_of(a, id), sections_of(b, id));
        let name = new.name_of(id);
        for (key, list) in [
            (
                "now_also",
                now.iter().filter(|s| !was.contains(s)).collect::<Vec<_>>(),
            ),
            (
                "no_longer",
                was.iter().filter(|s| !now.contains(s)).collect::<Vec<_>>(),
            ),
        ] {
            if !list.is_empty() {
                let what: Vec<String> = list.iter().map(|s| section_phrase(say, **s)).collect();
                out.push(fill(
                    &Wording::text(&w.provider, key),
                    &[("name", &name), ("what", &say.list(&what))],
                ));
            }
        }
    }
}

fn address(s: &Shop) -> Option<String> {
    let place = [s.postcode.as_deref(), s.city.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let parts: Vec<&str> = [
        s.street.as_deref(),
        Some(place.as_str()),
        s.country.as_deref(),
    ]
    .into_iter()
    .flatten()
    .filter(|p| !p.trim().is_empty())
    .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

fn shop(say: &Say, a: &Shop, b: &Shop, out: &mut Vec<String>) {
    let w = say.w;
    let mut pairs: Vec<(&str, Option<String>, Option<String>)> = Vec::new();
    for key in ["name", "operator", "website"] {
        pairs.push((
            key,
            a.get(key).map(str::to_string),
            b.get(key).map(str::to_string),
        ));
    }
    pairs.push(("address", address(a), address(b)));
    for key in ["phone", "email", "kvk", "vat", "privacy_contact"] {
        pairs.push((
            key,
            a.get(key).map(str::to_string),
            b.get(key).map(str::to_string),
        ));
    }
    for (key, was, now) in pairs {
        if was.as_deref().map(str::trim) == now.as_deref().map(str::trim) {
            continue;
        }
        let Some(words) = w.shop.get(key) else {
            continue;
        };
        let line = match now {
            Some(v) => fill(&words.changed, &[("", v.trim())]),
            None => words.removed.clone(),
        };
        if !line.is_empty() {
            out.push(line);
        }
    }
}

fn options(say: &Say, old: &Snapshot, new: &Snapshot, out: &mut Vec<String>) {
    let w = say.w;
    let (a, b) = (&old.answers.policy, &new.answers.policy);
    let o = |k: &str| Wording::text(&w.option, k);
    // "1 year", "2 years": the number picks the key.
    let years = |key: &str, n: u32| {
        let key = if n == 1 {
            format!("{key}_one")
        } else {
            key.to_string()
        };
        fill(&o(&key), &[("", &say.number(n))])
    };
    if a.retention_max_years != b.retention_max_years {
        match (a.retention_max_years, b.retention_max_years) {
            (_, Some(n)) => {
                let mut line = years("retention_set", n);
                if let Some(m) = a.retention_max_years {
                    line = format!("{line} {}", years("retention_was", m));
                }
                out.push(line);
            }
            (Some(_), None) => out.push(o("retention_removed")),
            (None, None) => {}
        }
    }
    let accounts = |p: &crate::engine::answers::PolicyOptions| p.customer_accounts.unwrap_or(false);
    if accounts(a) != accounts(b) {
        out.push(o(if accounts(b) {
            "accounts_on"
        } else {
            "accounts_off"
        }));
    }
    if a.dpo != b.dpo {
        match &b.dpo {
            Some(d) if !d.trim().is_empty() => out.push(fill(&o("dpo_set"), &[("", d.trim())])),
            _ => out.push(o("dpo_removed")),
        }
    }
}

fn variants(say: &Say, old: &Snapshot, new: &Snapshot, out: &mut Vec<String>) {
    for (id, vid) in &new.answers.variants {
        if old.answers.variants.get(id) == Some(vid) || !chosen_ids(&new.answers).contains(id) {
            continue;
        }
        // What the chosen variant shows with a review, in catalog words.
        let shows: Option<Vec<&str>> = new
            .facts
            .get(id)
            .and_then(|f| f.get("variants").or_else(|| f.get("variant")))
            .and_then(Value::as_array)
            .and_then(|vs| {
                vs.iter()
                    .find(|v| v.get("id").and_then(Value::as_str) == Some(vid))
            })
            .and_then(|v| v.get("publishes"))
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(Value::as_str).collect());
        if let Some(shows) = shows.filter(|s| !s.is_empty()) {
            out.push(fill(
                &Wording::text(&say.w.provider, "variant"),
                &[
                    ("name", &new.name_of(id)),
                    ("list", &say.list(&say.data(&shows))),
                ],
            ));
        }
    }
}

/// Strings under `key`, at the top level and in each activity (schema v1 and v2).
fn strings_at(f: &Value, key: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut take = |v: Option<&Value>| match v {
        Some(Value::Array(a)) => out.extend(a.iter().filter_map(Value::as_str).map(String::from)),
        Some(Value::String(s)) => {
            out.insert(s.clone());
        }
        _ => {}
    };
    take(f.get(key));
    for list in ["activities", "activity"] {
        if let Some(Value::Array(acts)) = f.get(list) {
            for a in acts {
                take(a.get(key));
            }
        }
    }
    out
}

/// Countries data go to outside the EEA: v1 `transfer_countries`, v2 `[[transfer]] country`.
fn transfer_countries(f: &Value) -> BTreeSet<String> {
    let mut out = strings_at(f, "transfer_countries");
    if let Some(Value::Array(ts)) = f.get("transfers").or_else(|| f.get("transfer")) {
        out.extend(
            ts.iter()
                .filter_map(|t| t.get("country").and_then(Value::as_str))
                .map(String::from),
        );
    }
    out
}

fn safeguards(f: &Value) -> Value {
    match f.get("transfers").or_else(|| f.get("transfer")) {
        Some(Value::Array(ts)) => Value::Array(
            ts.iter()
                .map(|t| t.get("safeguard").cloned().unwrap_or(Value::Null))
                .collect(),
        ),
        _ => f.get("safeguard").cloned().unwrap_or(Value::Null),
    }
}

fn role_key(r: &str) -> &'static str {
    match r {
        "verwerker" | "processor" => "processor",
        "verantwoordelijke" | "controller" => "controller",
        "joint_controller" => "joint_controller",
        _ => "",
    }
}

fn consent(f: &Value) -> Option<bool> {
    f.get("consent")
        .or_else(|| f.get("cookie_consent"))
        .and_then(Value::as_bool)
}

fn facts(say: &Say, old: &Snapshot, new: &Snapshot, out: &mut Vec<String>) {
    let t = |k: &str| Wording::text(&say.w.fact, k);
    for id in chosen_ids(&new.answers) {
        let (Some(a), Some(b)) = (old.facts.get(&id), new.facts.get(&id)) else {
            continue;
        };
        if super::facts::fingerprint(a) == super::facts::fingerprint(b) {
            continue;
        }
        let name = new.name_of(&id);
        let before = out.len();
        let (da, db) = (strings_at(a, "data"), strings_at(b, "data"));
        let plus: Vec<&String> = db.difference(&da).collect();
        let minus: Vec<&String> = da.difference(&db).collect();
        if !plus.is_empty() {
            out.push(fill(
                &t("data_added"),
                &[("name", &name), ("list", &say.list(&say.data(&plus)))],
            ));
        }
        if !minus.is_empty() {
            out.push(fill(
                &t("data_removed"),
                &[("name", &name), ("list", &say.list(&say.data(&minus)))],
            ));
        }
        for key in ["company", "country"] {
            let (x, y) = (a.get(key), b.get(key));
            if let (Some(x), Some(Value::String(v))) = (x, y) {
                if x != y.unwrap_or(&Value::Null) {
                    let value = match key {
                        "country" => say.country(v),
                        _ => v.clone(),
                    };
                    out.push(fill(&t(key), &[("name", &name), ("value", &value)]));
                }
            }
        }
        let (ta, tb) = (transfer_countries(a), transfer_countries(b));
        let plus: Vec<&String> = tb.difference(&ta).collect();
        let minus: Vec<&String> = ta.difference(&tb).collect();
        if !plus.is_empty() {
            out.push(fill(
                &t("transfer_added"),
                &[("name", &name), ("list", &say.countries(&plus))],
            ));
        }
        if !minus.is_empty() {
            out.push(fill(
                &t("transfer_removed"),
                &[("name", &name), ("list", &say.countries(&minus))],
            ));
        }
        if plus.is_empty() && minus.is_empty() && safeguards(a) != safeguards(b) {
            out.push(fill(&t("safeguard"), &[("name", &name)]));
        }
        let roles = |f: &Value| -> BTreeSet<&'static str> {
            strings_at(f, "role")
                .iter()
                .map(|r| role_key(r))
                .filter(|r| !r.is_empty())
                .collect()
        };
        let (ra, rb) = (roles(a), roles(b));
        for r in rb.difference(&ra) {
            out.push(fill(&t(r), &[("name", &name)]));
        }
        if let (Some(x), Some(y)) = (consent(a), consent(b)) {
            if x != y {
                out.push(fill(
                    &t(if y { "consent_on" } else { "consent_off" }),
                    &[("name", &name)],
                ));
            }
        }
        if a.get("privacy_url") != b.get("privacy_url") {
            out.push(fill(&t("privacy_url"), &[("name", &name)]));
        }
        if out.len() == before {
            out.push(fill(&t("other"), &[("name", &name)]));
        }
    }
}

/// The providers chosen in both snapshots whose facts differ.
pub fn changed_providers(old: &Snapshot, new: &Snapshot) -> Vec<String> {
    chosen_ids(&new.answers)
        .into_iter()
        .filter(|id| match (old.facts.get(id), new.facts.get(id)) {
            (Some(a), Some(b)) => super::facts::fingerprint(a) != super::facts::fingerprint(b),
            _ => false,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::consult::facts::snapshot;
    use crate::engine::{Answers, Engine};

    fn snap(engine: &Engine, extra: &str) -> Snapshot {
        let base = "[shop]\nname = \"Winkel\"\nemail = \"a@b.nl\"\n[providers]\npayments = [\"mollie\", \"paypal\"]\nshipping = [\"postnl\"]\n";
        let a = Answers::from_toml_str(&format!("{base}{extra}")).unwrap();
        snapshot(engine, &a)
    }

    #[test]
    fn provider_changes_read_as_plain_dutch() {
        let engine = Engine::load().unwrap();
        let old = snap(&engine, "");
        let mut new_answers = old.answers.clone();
        new_answers
            .providers
            .set(Section::Payments, vec!["mollie".into(), "klarna".into()]);
        new_answers.shop.email = Some("info@winkel.nl".into());
        new_answers.policy.retention_max_years = Some(3);
        let new = snapshot(&engine, &new_answers);
        let lines = describe(&old, &new);
        assert_eq!(
            lines,
            [
                "Nieuw: Klarna voor betalingen.",
                "Niet meer: PayPal.",
                "Ons e-mailadres is nu info@winkel.nl.",
                "Wij bewaren overige klantgegevens nu uiterlijk drie jaar na het laatste contact.",
            ]
        );
        assert!(describe(&old, &old).is_empty());
    }

    #[test]
    fn a_changed_catalog_fact_is_described_for_the_reader() {
        let engine = Engine::load().unwrap();
        let old = snap(&engine, "");
        let mut new = old.clone();
        let m = new.facts.get_mut("mollie").unwrap();
        m["country"] = Value::String("België".into());
        let data = m["activities"][0]
            .get_mut("data")
            .and_then(Value::as_array_mut)
            .expect("an activity with data");
        data.push(Value::String("geboortedatum".into()));
        let lines = describe(&old, &new);
        assert!(
            lines.contains(&"Mollie ontvangt nu ook: geboortedatum.".to_string()),
            "{lines:?}"
        );
        assert!(
            lines.contains(&"Mollie is nu gevestigd in België.".to_string()),
            "{lines:?}"
        );
        assert_eq!(changed_providers(&old, &new), ["mollie"]);
        // In English, catalog words and countries come from the glossary.
        let en = Voice::new(Lang::En, crate::engine::lang::Tone::U);
        let lines = describe_in(&old, &new, en);
        assert!(
            lines.contains(&"Mollie now also receives: date of birth.".to_string())
                && lines.contains(&"Mollie is now based in Belgium.".to_string()),
            "{lines:?}"
        );
    }

    #[test]
    fn every_voice_describes_the_same_changes_in_its_own_words() {
        let engine = Engine::load().unwrap();
        let old = snap(&engine, "");
        let mut a = old.answers.clone();
        a.providers
            .set(Section::Payments, vec!["mollie".into(), "klarna".into()]);
        a.policy.retention_max_years = Some(1);
        a.policy.customer_accounts = Some(true);
        a.shop.phone = Some("030 123 45 67".into());
        let mut new = snapshot(&engine, &a);
        let m = new.facts.get_mut("mollie").unwrap();
        m["transfers"] = serde_json::json!([{"country": "Verenigde Staten", "safeguard": "scc"}]);
        let lines = |v: Voice| describe_in(&old, &new, v);
        let [u, je, en] = Voice::ALL.map(lines);
        assert_eq!(u.len(), en.len());
        assert_eq!(u.len(), je.len());
        assert!(
            u.contains(&"Mollie geeft gegevens nu ook door naar de Verenigde Staten.".to_string()),
            "{u:?}"
        );
        assert!(
            en.contains(&"Mollie now also transfers data to the United States.".to_string())
                && en.contains(&"Our phone number is now 030 123 45 67.".to_string())
                && en.iter().any(|l| l.contains("at most one year after")),
            "{en:?}"
        );
        assert!(
            je.iter().all(|l| !l.contains(" u ") && !l.contains("uw ")),
            "{je:?}"
        );
        assert_eq!(describe(&old, &new), u);
    }
}

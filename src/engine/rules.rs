//! Field rules: each returns a Dutch message when the value is not acceptable.
//! Used by `check` and by the wizard when the user leaves a field.

/// Checks one shop field by its answers-file key. `None` means fine (or nothing to check).
pub fn check_shop_field(key: &str, value: &str) -> Option<String> {
    let v = value.trim();
    if v.is_empty() {
        return None;
    }
    if let Some(msg) = text(value) {
        return Some(msg);
    }
    match key {
        "email" => email(v),
        "website" => url(v),
        "postcode" => postcode(v),
        "phone" => phone(v),
        "kvk" => kvk(v),
        "vat" => vat(v),
        "effective_date" => date(v),
        _ => None,
    }
}

/// The rule for every text field: no control characters, no invisible characters and no
/// characters that change the writing direction. They cannot be seen in the policy, yet
/// they change what it says or how it reads (a name of zero-width spaces looks empty; a
/// right-to-left override shows a web address backwards).
pub fn text(value: &str) -> Option<String> {
    let (pos, c) = value
        .chars()
        .enumerate()
        .find(|(_, c)| hidden_kind(*c).is_some())?;
    let kind = hidden_kind(c)?;
    let only = value
        .chars()
        .all(|c| hidden_kind(c).is_some() || c.is_whitespace());
    let what = if only {
        "bestaat alleen uit onzichtbare tekens".to_string()
    } else {
        format!("bevat {kind} (U+{:04X}) op positie {}", c as u32, pos + 1)
    };
    Some(format!(
        "{what}; typ de tekst opnieuw of verwijder het teken (het wordt vaak ongemerkt mee gekopieerd)"
    ))
}

/// What kind of hidden character `c` is, if it is one.
fn hidden_kind(c: char) -> Option<&'static str> {
    let u = c as u32;
    if matches!(u, 0x200E | 0x200F | 0x061C | 0x202A..=0x202E | 0x2066..=0x2069) {
        return Some("een teken dat de schrijfrichting omdraait");
    }
    if c.is_control() {
        return Some("een stuurteken");
    }
    // Unicode's format characters (category Cf) and other characters without a glyph.
    let invisible = matches!(u,
        0x00AD | 0x034F | 0x0600..=0x0605 | 0x06DD | 0x070F | 0x0890..=0x0891 | 0x08E2
        | 0x115F | 0x1160 | 0x17B4 | 0x17B5 | 0x180B..=0x180F | 0x200B..=0x200D
        | 0x2028 | 0x2029 | 0x2060..=0x2065 | 0x206A..=0x206F | 0x3164 | 0xFE00..=0xFE0F
        | 0xFEFF | 0xFFA0 | 0xFFF9..=0xFFFB | 0x110BD | 0x110CD | 0x13430..=0x1343F
        | 0x1BCA0..=0x1BCA3 | 0x1D173..=0x1D17A | 0xE0000..=0xE0FFF);
    if invisible {
        return Some("een onzichtbaar teken");
    }
    // Private use: no meaning outside the program that made it (the engine uses a few
    // of these as markers).
    if matches!(u, 0xE000..=0xF8FF | 0xF0000..=0xFFFFD | 0x100000..=0x10FFFD) {
        return Some("een teken zonder vaste betekenis (privégebruik)");
    }
    None
}

pub fn email(v: &str) -> Option<String> {
    let bad = || {
        Some(format!(
            "`{v}` is geen geldig e-mailadres (voorbeeld: info@uwwinkel.nl)"
        ))
    };
    if v.chars().any(|c| c.is_whitespace() || c.is_control()) || v.matches('@').count() != 1 {
        return bad();
    }
    let (local, domain) = v.split_once('@')?;
    let labels: Vec<&str> = domain.split('.').collect();
    let tld_ok = labels
        .last()
        .is_some_and(|t| t.chars().count() >= 2 && t.chars().all(char::is_alphabetic));
    let labels_ok = labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        });
    let local_ok = !local.is_empty()
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| c.is_alphanumeric() || "!#$%&'*+/=?^_`{|}~.-".contains(c));
    if local_ok && labels_ok && tld_ok {
        None
    } else {
        bad()
    }
}

pub fn url(v: &str) -> Option<String> {
    let bad = || {
        Some(format!(
            "`{v}` is geen geldig webadres (voorbeeld: https://www.uwwinkel.nl)"
        ))
    };
    let rest = match v.split_once("://") {
        Some(("http" | "https", rest)) => rest,
        Some(_) => return bad(),
        None => return Some(format!("`{v}` mist https:// aan het begin")),
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit_once(':').map_or(host, |(h, port)| {
        if port.chars().all(|c| c.is_ascii_digit()) {
            h
        } else {
            host
        }
    });
    let ok = !v
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || "<>\"".contains(c))
        && host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '.');
    if ok {
        None
    } else {
        bad()
    }
}

/// A page of the shop's own website: a full web address, or a path on the site ("/cookies").
pub fn page_url(v: &str) -> Option<String> {
    if v.starts_with('/') && !v.starts_with("//") {
        let ok = !v
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || "<>\"".contains(c));
        return (!ok).then(|| {
            format!("`{v}` is geen geldig pad op uw website (voorbeeld: /cookieverklaring)")
        });
    }
    url(v).map(|m| format!("{m}, of een pad zoals /cookieverklaring"))
}

/// Dutch postcode: four digits (not starting with 0), two letters; the space is optional.
pub fn postcode(v: &str) -> Option<String> {
    let compact: String = v.chars().filter(|c| *c != ' ').collect();
    let chars: Vec<char> = compact.chars().collect();
    let ok = chars.len() == 6
        && chars[0].is_ascii_digit()
        && chars[0] != '0'
        && chars[..4].iter().all(char::is_ascii_digit)
        && chars[4..].iter().all(char::is_ascii_alphabetic)
        && v.matches(' ').count() <= 1;
    if ok {
        None
    } else {
        Some(format!("`{v}` is geen geldige postcode (vorm: 1234 AB)"))
    }
}

/// Normalises a valid postcode to "1234 AB".
pub fn normalise_postcode(v: &str) -> String {
    let compact: String = v.chars().filter(|c| *c != ' ').collect();
    if postcode(v).is_none() {
        format!("{} {}", &compact[..4], compact[4..].to_uppercase())
    } else {
        v.to_string()
    }
}

/// The form a shop field is best stored in, when the typed value has an obvious one: a
/// website typed without `https://` gets it, a postcode typed as `3511ab` becomes `3511 AB`.
/// None: keep what was typed (it is fine, or only the user can fix it).
pub fn normalise_shop_field(key: &str, value: &str) -> Option<String> {
    let v = value.trim();
    if v.is_empty() {
        return None;
    }
    let better = match key {
        "website" if !v.contains("://") => format!("https://{v}"),
        "postcode" if postcode(v).is_none() => normalise_postcode(v),
        _ => return None,
    };
    (better != v && check_shop_field(key, &better).is_none()).then_some(better)
}

/// The country a shop or provider is in when none is given.
pub const DEFAULT_COUNTRY: &str = "Nederland";

pub fn phone(v: &str) -> Option<String> {
    let allowed = v
        .chars()
        .all(|c| c.is_ascii_digit() || " +-().".contains(c));
    let digits = v.chars().filter(char::is_ascii_digit).count();
    let plus_ok =
        v.matches('+').count() <= 1 && (!v.contains('+') || v.trim_start().starts_with('+'));
    if allowed && plus_ok && (10..=15).contains(&digits) {
        None
    } else {
        Some(format!(
            "`{v}` is geen geldig telefoonnummer (10 tot 15 cijfers, bijvoorbeeld 020 123 4567 of +31 20 123 4567)"
        ))
    }
}

pub fn kvk(v: &str) -> Option<String> {
    let compact: String = v.chars().filter(|c| !matches!(c, ' ' | '.')).collect();
    if compact.len() == 8 && compact.chars().all(|c| c.is_ascii_digit()) {
        None
    } else {
        Some(format!("`{v}` is geen geldig KvK-nummer (8 cijfers)"))
    }
}

/// Dutch VAT id (btw-id): NL, 9 digits, B, 2 digits. Other EU countries are not checked.
pub fn vat(v: &str) -> Option<String> {
    let compact: String = v
        .chars()
        .filter(|c| !matches!(c, ' ' | '.'))
        .collect::<String>()
        .to_uppercase();
    if !compact.starts_with("NL") {
        return None;
    }
    let b = compact.as_bytes();
    let ok = b.len() == 14
        && b[2..11].iter().all(u8::is_ascii_digit)
        && b[11] == b'B'
        && b[12..].iter().all(u8::is_ascii_digit);
    if ok {
        None
    } else {
        Some(format!(
            "`{v}` is geen geldig btw-id (vorm: NL123456789B01)"
        ))
    }
}

/// The years an effective date may fall in: a policy is not older than the web, and a
/// date centuries ahead is a typing error.
pub const DATE_YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// A calendar date as YYYY-MM-DD, in [`DATE_YEARS`].
pub fn date(v: &str) -> Option<String> {
    match calendar_date(v) {
        None => Some(format!(
            "`{v}` is geen geldige datum (vorm: JJJJ-MM-DD, bijvoorbeeld 2025-01-31)"
        )),
        Some((y, _, _)) if !DATE_YEARS.contains(&y) => Some(format!(
            "`{v}` is een bestaande datum, maar de ingangsdatum moet tussen {} en {} liggen; vul de datum in waarop dit beleid ingaat",
            DATE_YEARS.start(),
            DATE_YEARS.end()
        )),
        Some(_) => None,
    }
}

/// A valid date in [`DATE_YEARS`].
pub fn parse_date(v: &str) -> Option<(i32, u32, u32)> {
    calendar_date(v).filter(|(y, _, _)| DATE_YEARS.contains(y))
}

/// Any calendar date written YYYY-MM-DD.
fn calendar_date(v: &str) -> Option<(i32, u32, u32)> {
    let parts: Vec<&str> = v.trim().split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return None;
    };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (y, m, d): (i32, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days).contains(&d).then_some((y, m, d))
}

/// Catalog and custom ids: lowercase letters, digits and single hyphens.
pub fn provider_id(v: &str) -> Option<String> {
    let ok = !v.is_empty()
        && v.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !v.starts_with('-')
        && !v.ends_with('-')
        && !v.contains("--");
    if ok {
        None
    } else {
        Some(format!(
            "`{v}` is geen geldige id (kleine letters, cijfers en koppeltekens, bijvoorbeeld `mijn-host`)"
        ))
    }
}

/// Makes an id from a display name ("Meer dan Online" → "meer-dan-online").
/// Free consumer mailboxes: an address there comes without the business terms (and processor
/// agreement) of Google Workspace or Microsoft 365.
pub const CONSUMER_MAIL_DOMAINS: [&str; 16] = [
    "gmail.com",
    "googlemail.com",
    "hotmail.com",
    "hotmail.nl",
    "outlook.com",
    "outlook.nl",
    "live.com",
    "live.nl",
    "msn.com",
    "yahoo.com",
    "yahoo.nl",
    "icloud.com",
    "me.com",
    "ziggo.nl",
    "kpnmail.nl",
    "planet.nl",
];

/// True when the address is at a free consumer mailbox.
pub fn consumer_mail(email: &str) -> bool {
    email
        .trim()
        .rsplit_once('@')
        .is_some_and(|(_, d)| CONSUMER_MAIL_DOMAINS.contains(&d.to_ascii_lowercase().as_str()))
}

pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.to_lowercase().chars() {
        let c = match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' => 'a',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            c => c,
        };
        if matches!(c, '\'' | '’' | '‘') {
            // "Zoë's" → "zoes", not "zoe-s".
            continue;
        }
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        for ok in [
            "info@momgemstone.nl",
            "nettygroen55@gmail.com",
            "a.b+c@sub.example.co.uk",
        ] {
            assert_eq!(email(ok), None, "{ok}");
        }
        for bad in [
            "info@",
            "@x.nl",
            "info@x",
            "in fo@x.nl",
            "a@@x.nl",
            "a@x.n",
            "a..b@x.nl",
            "a@-x.nl",
        ] {
            assert!(email(bad).is_some(), "{bad}");
        }
    }

    #[test]
    fn urls() {
        for ok in [
            "https://www.momgemstone.nl/",
            "http://www.just-m.nl",
            "https://shop.example.com:8443/x?y=1",
        ] {
            assert_eq!(url(ok), None, "{ok}");
        }
        for bad in [
            "www.x.nl",
            "ftp://x.nl",
            "https://x",
            "https://x .nl",
            "javascript://x.nl",
            "https://<x>.nl",
        ] {
            assert!(url(bad).is_some(), "{bad}");
        }
    }

    #[test]
    fn postcodes() {
        for ok in ["2553 DK", "2553DK", "2242bg"] {
            assert_eq!(postcode(ok), None, "{ok}");
        }
        for bad in ["0123 AB", "1234", "1234 A1", "12345 AB", "1234  AB"] {
            assert!(postcode(bad).is_some(), "{bad}");
        }
        assert_eq!(normalise_postcode("2553dk"), "2553 DK");
    }

    #[test]
    fn shop_fields_get_their_normal_form() {
        let n = normalise_shop_field;
        assert_eq!(n("postcode", "3511ab").as_deref(), Some("3511 AB"));
        assert_eq!(n("postcode", "3511 AB"), None);
        assert_eq!(n("postcode", "35"), None);
        assert_eq!(
            n("website", "www.theehuislotus.nl").as_deref(),
            Some("https://www.theehuislotus.nl")
        );
        assert_eq!(n("website", "https://x.nl"), None);
        assert_eq!(n("website", "geen adres"), None);
        assert_eq!(n("email", "a@b.nl"), None);
    }

    #[test]
    fn phones() {
        for ok in [
            "(0031) 6 20742095",
            "06-124 640 67",
            "(064) 096-1212",
            "+31 20 123 4567",
        ] {
            assert_eq!(phone(ok), None, "{ok}");
        }
        for bad in [
            "12345",
            "06-abc",
            "31+ 20 123 4567 8",
            "0612345678901234567",
        ] {
            assert!(phone(bad).is_some(), "{bad}");
        }
    }

    #[test]
    fn kvk_and_vat() {
        assert_eq!(kvk("12345678"), None);
        assert_eq!(kvk("1234 5678"), None);
        assert!(kvk("1234567").is_some());
        assert!(kvk("1234567a").is_some());
        assert_eq!(vat("NL123456789B01"), None);
        assert!(vat("NL12345678B01").is_some());
        assert_eq!(vat("BE0123456789"), None);
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date("2023-05-12"), Some((2023, 5, 12)));
        assert_eq!(parse_date("2024-02-29"), Some((2024, 2, 29)));
        for bad in [
            "2023-02-29",
            "2023-13-01",
            "12-05-2023",
            "2023-5-12",
            "gisteren",
        ] {
            assert!(date(bad).is_some(), "{bad}");
        }
    }

    #[test]
    fn hidden_characters() {
        for ok in [
            "Zoë's Bloemen",
            "Café Ñoño & Zn.",
            "København",
            "שלום",
            "日本",
        ] {
            assert_eq!(text(ok), None, "{ok}");
        }
        for (bad, what) in [
            ("\u{200B}\u{200B}", "alleen uit onzichtbare"),
            ("a\u{200B}b", "onzichtbaar teken (U+200B) op positie 2"),
            ("a\u{202E}b", "schrijfrichting"),
            ("a\u{2067}b", "schrijfrichting"),
            ("a\u{200F}b", "schrijfrichting"),
            ("a\tb", "stuurteken"),
            ("a\u{7f}b", "stuurteken"),
            ("a\u{FEFF}", "onzichtbaar"),
            ("a\u{E000}", "privégebruik"),
            ("a\u{E0041}", "onzichtbaar"),
        ] {
            let m = text(bad).unwrap_or_default();
            assert!(m.contains(what), "{bad:?}: {m}");
        }
        assert!(check_shop_field("name", "\u{200B}").is_some());
        assert!(check_shop_field("website", "https://x.nl/\u{202E}")
            .unwrap()
            .contains("schrijfrichting"));
        assert!(date("9999-12-31").unwrap().contains("tussen 1900 en 2200"));
    }

    #[test]
    fn ids_and_slugs() {
        assert_eq!(provider_id("meer-dan-online"), None);
        assert!(provider_id("Meer dan Online").is_some());
        assert_eq!(slug("Meer dan Online"), "meer-dan-online");
        assert_eq!(slug("Café Ñoño & Zn."), "cafe-o-o-zn");
        assert_eq!(slug("Zoë's Bloemen"), "zoes-bloemen");
    }
}

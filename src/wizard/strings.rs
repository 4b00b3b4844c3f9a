//! Every Dutch text the wizard shows, by screen, named. Text that comes from the engine
//! (section questions, provider facts, check messages) is not here: the engine owns it.
//! Ready for an English UI later: this is the one file to translate.

/// Names of keys and the help texts of the text-field keys.
pub mod keys {
    pub const SPACE: &str = "Spatie";
    pub const TEXT: &str = "letters";
    pub const CLICK: &str = "muisklik";
    pub const WHEEL: &str = "muiswiel";
    pub const HELP_CURSOR: &str = "cursor in het veld";
    pub const HELP_WORD: &str = "woord terug/verder";
    pub const HELP_ERASE: &str = "teken wissen";
    pub const HELP_TYPE: &str = "typen in het veld (ook plakken)";
}

/// The keys that work everywhere.
pub mod global {
    pub const KEY_HELP: &str = "hulp";
    pub const HELP_HELP: &str = "deze hulp (? niet tijdens typen)";
    pub const KEY_QUIT: &str = "stoppen";
    pub const HELP_QUIT: &str = "stoppen (alles is al bewaard)";
    pub const KEY_PREVIEW: &str = "voorbeeld";
    pub const HELP_PREVIEW: &str = "voorbeeld op volledig scherm aan/uit";
    pub const KEY_TAB: &str = "stappen";
    pub const HELP_TAB: &str = "volgend/vorig veld, daarna naar de zijbalk (stappen)";
    pub const KEY_EXPORT: &str = "export";
    pub const HELP_EXPORT: &str = "exporteren";
    pub const HELP_SCROLL: &str = "voorbeeld scrollen (ook met het muiswiel)";
    pub const HELP_CLICK: &str = "stap in de zijbalk of regel in een lijst kiezen; wiel: scrollen";
}

/// The status line.
pub mod status {
    use std::path::Path;

    pub const NOT_SAVED: &str = "Nog niet opgeslagen";
    pub const EVERY_CHANGE_SAVED: &str = "Elke wijziging wordt direct bewaard";
    pub const OPENED: &str = "Geopend";

    pub fn saved_in(p: &Path) -> String {
        format!("Opgeslagen in {}", p.display())
    }
    pub fn not_saved(e: &str) -> String {
        format!("Niet opgeslagen: {e}")
    }
    pub fn cannot_open(e: &str) -> String {
        format!("Kan niet openen: {e}")
    }
    pub const RELOADED: &str =
        "Het bestand is buiten de wizard gewijzigd en opnieuw geladen (u had geen onbewaarde wijziging)";
    pub fn outside_unreadable(e: &str) -> String {
        format!("Het bestand is buiten de wizard gewijzigd en nu onleesbaar ({e}); uw versie staat nog hier")
    }
    pub fn saved_elsewhere(p: &Path) -> String {
        format!(
            "Uw versie is bewaard in {}; daar gaat u verder",
            p.display()
        )
    }
    pub const KEPT_MINE: &str = "Uw versie is bewaard; de wijziging van buiten is overschreven";
    pub const TOOK_THEIRS: &str =
        "De versie van buiten is geladen; uw laatste wijziging is vervallen";
    pub fn paste_cut(max: usize) -> String {
        format!("Geplakte tekst ingekort tot {max} tekens")
    }
}

/// Questions about the answers file: changed outside the wizard, or not saved at quit.
pub mod file {
    pub const CONFLICT_ID: &str = "bestand-buiten-gewijzigd";
    pub const CONFLICT_TITLE: &str = " Bestand buiten de wizard gewijzigd ";
    pub fn conflict_lines(p: &std::path::Path) -> Vec<String> {
        vec![
            format!("{} is gewijzigd door een ander programma", p.display()),
            "(een editor, git pull of een tweede wizard) terwijl u hier ook iets wijzigde.".into(),
            "Er is nog niets overschreven. Wat wilt u?".into(),
        ]
    }
    pub const KEEP_MINE: &str = "mijn versie bewaren (overschrijft de andere)";
    pub const TAKE_THEIRS: &str = "de andere versie laden (mijn wijziging vervalt)";
    pub const ELSEWHERE: &str = "mijn versie elders bewaren (naast het bestand)";
    pub const QUIT_ID: &str = "stoppen-niet-bewaard";
    pub const QUIT_TITLE: &str = " Niet opgeslagen ";
    pub fn quit_lines(reason: &str) -> Vec<String> {
        vec![
            "Uw laatste wijzigingen zijn nog niet opgeslagen:".into(),
            reason.to_string(),
            "Als u nu stopt, gaan ze verloren.".into(),
        ]
    }
    pub const RETRY: &str = "opnieuw proberen en stoppen";
    pub const SAVE_ELSEWHERE_QUIT: &str = "elders bewaren (gegevensmap of thuismap) en stoppen";
    pub const QUIT_ANYWAY: &str = "stoppen zonder bewaren";
    pub const BACK: &str = "terug naar de wizard";
}

/// The frame: title bar, status counts, a window that is too small.
pub mod view {
    pub const TOO_SMALL: &str = "Venster te klein";

    pub fn min_size(w: u16, h: u16) -> String {
        format!("minimaal {w}×{h}")
    }
    pub fn title_step(name: Option<&str>, n: usize, of: usize, label: &str) -> String {
        let name = name.unwrap_or("nieuw beleid");
        format!(" privacybeleid — {name} — stap {n} van {of}: {label}")
    }
    pub fn title_page(label: &str) -> String {
        format!(" privacybeleid — {label}")
    }
    pub fn counts(errors: usize, warnings: usize) -> String {
        format!(" ✗ {errors} fout(en)  ! {warnings} waarschuwing(en) ")
    }
}

/// The help overlay.
pub mod help {
    pub const PREVIEW: &str = "Voorbeeld";
    pub const SIDEBAR: &str = "Zijbalk";
    pub const LEGEND: &str = "Zijbalk: · niet bezocht  ✓ klaar  ! waarschuwing  ✗ fout";
    pub const CLOSE: &str = "Esc, Enter of F1 sluit deze hulp.";

    pub fn title(what: &str) -> String {
        format!(" Toetsen: {what} ")
    }
}

pub mod sidebar {
    pub const TITLE: &str = " Stappen ";
    pub const TITLE_FOCUSED: &str = " ▶ Stappen (actief) ";
    pub const KEY_MOVE: &str = "stap";
    pub const HELP_MOVE: &str = "stap kiezen";
    pub const KEY_OPEN: &str = "openen";
    pub const HELP_OPEN: &str = "naar de gekozen stap";
    pub const KEY_LEAVE: &str = "vragen";
    pub const HELP_LEAVE: &str = "terug naar de vragen";
}

pub mod preview {
    pub const TITLE: &str = " Voorbeeld (F2: volledig scherm) ";
    pub const TITLE_FULL: &str = " Voorbeeld (F2 of Esc: terug) ";
    pub const TITLE_EXAMPLE: &str = " Voorbeeld met voorbeeldgegevens ";
    pub const PICK_PRESET: &str = "Kies een preset om het beleid ervan hier te zien.";
    pub const KEY_SCROLL: &str = "scrollen";
    pub const HELP_SCROLL: &str = "scrollen (ook PgUp/PgDn en het muiswiel)";
    pub const KEY_LEAVE: &str = "terug";
    pub const HELP_LEAVE: &str = "terug naar de vragen (ook F2)";
}

pub mod start {
    /// A recent file: its shop name, then where it is (issue 9).
    pub fn recent_row(name: &str, p: &std::path::Path) -> String {
        format!("{name} — {}", p.display())
    }

    use std::path::Path;

    pub const LABEL: &str = "beginnen";
    pub const WELCOME: &str =
        "Welkom. Met deze wizard schrijft u het privacybeleid van uw webwinkel.";
    pub const CHOOSE: &str = "Kies hoe u wilt beginnen en druk op Enter.";
    pub const RECENT: &str = "Recente bestanden";
    pub const PRESETS: &str = "Beginnen met een preset";
    pub const MORE: &str = "Meer";
    pub const NEW: &str = "Nieuw privacybeleid (leeg beginnen)";
    pub const NEW_IN_DATA_DIR: &str =
        "Begint een nieuw, leeg beleid. Het wordt bewaard in uw gegevensmap.";
    pub const STATUS_NEW: &str = "Nieuw privacybeleid";
    pub const KEY_MOVE: &str = "kiezen";
    pub const HELP_MOVE: &str = "kies een regel";
    pub const HELP_JUMP: &str = "ook: volgende/vorige, eerste/laatste regel";
    pub const KEY_OPEN: &str = "openen";
    pub const HELP_OPEN: &str = "openen of beginnen";
    pub const HELP_CLICK: &str = "kies en open";
    pub const HELP_TITLE: &str = "Startscherm";
    pub const KEY_BEGIN: &str = "beginnen";
    pub const HELP_BEGIN: &str = "beginnen met deze naam (later te wijzigen)";
    pub const KEY_CANCEL: &str = "terug";
    pub const HELP_CANCEL: &str = "terug naar de keuzes";
    pub const NAME_LABEL: &str = "Naam van uw webwinkel:";
    pub const NAME_HINT: &str = "Het bestand met uw antwoorden en de titelbalk krijgen deze naam. Enter: beginnen; Esc: terug.";
    pub const TICKS: &str = "Deze preset kiest:";

    pub fn ticks_row(step: &str, names: &[String]) -> String {
        format!("· {step}: {}", names.join(", "))
    }

    pub fn preset_row(name: &str, description: &str) -> String {
        format!("{name} — {description}")
    }
    pub fn preset_full(name: &str, description: &str) -> String {
        format!("{name}: {description}")
    }
    pub fn continue_with(p: &Path) -> String {
        format!("Verder met {}", p.display())
    }
    pub fn new_in(p: &Path) -> String {
        format!("Begint een nieuw beleid in {}.", p.display())
    }
}

pub mod about {
    use std::path::Path;

    pub const LABEL: &str = "over dit programma";
    pub const MENU: &str = "Over dit programma en de toetsen";
    pub const TITLE: &str = "Over privacybeleid";
    pub const INTRO: &[&str] = &[
        "Deze wizard schrijft het privacybeleid van een Nederlandse webwinkel: per doel een",
        "grondslag, elke ontvanger met wat die krijgt, doorgifte buiten de EER met de waarborg,",
        "bewaartermijnen en alle rechten van uw klanten.",
        "",
        "Elke wijziging wordt meteen bewaard in het antwoordenbestand; stoppen kan altijd.",
    ];
    pub const NO_FILE: &str =
        "Nog geen antwoordenbestand: het komt in uw gegevensmap zodra u begint.";
    pub const KEYS_TITLE: &str = "Toetsen die overal werken";
    pub const MARKS: &str = "Zijbalk: · niet bezocht  ✓ klaar  ! waarschuwing  ✗ fout";
    pub const KEY_BACK: &str = "terug";
    pub const HELP_BACK: &str = "terug naar waar u was";
    pub const KEY_SCROLL: &str = "scrollen";
    pub const HELP_SCROLL: &str = "scrollen";

    pub fn file(p: &Path) -> String {
        format!("Antwoordenbestand: {}", p.display())
    }
}

pub mod shop {
    pub const LABEL: &str = "Gegevens webwinkel";
    pub const TITLE: &str = "Gegevens van uw webwinkel";
    pub const REQUIRED_NOTE: &str = "Velden met * zijn verplicht.";
    pub const REQUIRED: &str = "verplicht veld: vul dit in";
    pub const KEY_MOVE: &str = "regel";
    pub const HELP_MOVE: &str = "vorig/volgend veld";
    pub const KEY_NEXT: &str = "verder";
    pub const HELP_NEXT: &str = "volgend veld; na het laatste: volgende stap";
    pub const HELP_BACK: &str = "vorige stap";

    pub fn normalised(value: &str) -> String {
        format!("✓ bewaard als {value}")
    }
    pub fn default_value(value: &str) -> String {
        format!("{value} (standaard)")
    }

    pub fn label(key: &str) -> &'static str {
        match key {
            "name" => "Naam webwinkel",
            "operator" => "Bedrijfsnaam",
            "website" => "Website",
            "effective_date" => "Ingangsdatum",
            "street" => "Straat en huisnr.",
            "postcode" => "Postcode",
            "city" => "Plaats",
            "country" => "Land",
            "phone" => "Telefoon",
            "email" => "E-mailadres",
            "kvk" => "KvK-nummer",
            "vat" => "Btw-id",
            "privacy_contact" => "Contact privacy",
            _ => "",
        }
    }

    pub fn hint(key: &str) -> &'static str {
        match key {
            "name" => "De naam zoals klanten die kennen.",
            "operator" => "De juridische naam (bv. Jansen Handel B.V.), als die anders is.",
            "website" => "Volledig webadres, bijvoorbeeld https://www.uwwinkel.nl",
            "effective_date" => "Vanaf wanneer dit beleid geldt: JJJJ-MM-DD.",
            "street" => "Bezoek- of vestigingsadres.",
            "postcode" => "Bijvoorbeeld 1234 AB.",
            "city" => "Vestigingsplaats.",
            "country" => "Leeg laten voor Nederland.",
            "phone" => "Bijvoorbeeld 020 123 4567.",
            "email" => "Het adres waarop klanten u bereiken.",
            "kvk" => "8 cijfers.",
            "vat" => "Bijvoorbeeld NL123456789B01.",
            "privacy_contact" => "Naam of functie van wie privacyvragen beantwoordt.",
            _ => "",
        }
    }
}

pub mod providers {
    pub const HELP_TITLE: &str = "Aanbieders kiezen";
    pub const HELP_TITLE_FORM: &str = "Eigen aanbieder";
    pub const KEY_TOGGLE: &str = "kiezen";
    pub const HELP_TOGGLE: &str = "aanbieder aan/uit";
    pub const KEY_SEARCH: &str = "zoeken";
    pub const HELP_SEARCH: &str = "zoeken in de lijst";
    pub const KEY_ENTER: &str = "verder";
    pub const HELP_ENTER: &str = "na zoeken: kies de aanbieder; anders volgende stap";
    pub const HELP_MOVE: &str = "door de lijst";
    pub const HELP_SHORTEN: &str = "zoekterm inkorten";
    pub const HELP_VARIANT: &str =
        "variant kiezen (bij een gekozen aanbieder met varianten), of het antwoord op de vraag hoe hij is ingesteld";
    pub const HELP_ADD: &str = "op \"+ Eigen\": eigen aanbieder toevoegen (formulier)";
    pub const HELP_EDIT_OWN: &str = "op een eigen aanbieder: bewerken";
    pub const HELP_DELETE: &str = "2× op een eigen aanbieder: uit de stap verwijderen";
    pub const HELP_ESC: &str = "zoekterm wissen, anders vorige stap";
    pub const SEARCH: &str = "Zoeken: ";
    pub const SEARCH_EMPTY: &str = "(typ om te zoeken)";
    pub const OWN: &str = " (eigen toevoeging)";
    pub const VARIANT_NONE: &str = "variant: ←/→ om te kiezen";
    pub const ADD: &str = "+ Eigen aanbieder toevoegen (niet in de lijst)";
    pub const ADD_HINT: &str =
        "Typ de naam en druk op Enter; Esc annuleert. De aanbieder komt bij dit onderdeel.";

    pub fn chosen(names: &[String]) -> String {
        if names.is_empty() {
            "Gekozen: niets (Enter: verder zonder)".to_string()
        } else {
            format!("Gekozen ({}): {}", names.len(), names.join(", "))
        }
    }
    /// The variants of the provider under the cursor; `current` is marked.
    pub fn variants(labels: &[String], current: Option<usize>, on: bool) -> String {
        let list: Vec<String> = labels
            .iter()
            .enumerate()
            .map(|(i, l)| {
                if Some(i) == current {
                    format!("‹{l}›")
                } else {
                    l.clone()
                }
            })
            .collect();
        if on {
            format!("←/→ kiest de variant: {}", list.join(" / "))
        } else {
            format!("Varianten (na kiezen met ←/→): {}", list.join(" / "))
        }
    }
    /// A setup question (Google Analytics): the answer given, and how to change it.
    pub fn setup_answer(yes: Option<bool>) -> &'static str {
        match yes {
            Some(true) => "Uw antwoord: ja. ←/→ wisselt; Spatie zet het uit.",
            Some(false) => "Uw antwoord: nee. ←/→ wisselt; Spatie zet het uit.",
            None => "Spatie of Enter: kiezen en deze vraag beantwoorden.",
        }
    }
    pub const SETUP_ID: &str = "provider-setup";
    pub const SETUP_TITLE: &str = "Hoe hebt u het ingesteld?";
    pub const SETUP_YES_MEANS: &str = "Ja betekent:";
    pub const SETUP_NO_CONSENT: &str =
        "Nee (of weet u het niet): dan is vooraf toestemming van de bezoeker nodig.";
    pub const SETUP_YES: &str = "ja";
    pub const SETUP_NO: &str = "nee / weet ik niet";
    pub fn delete_again(name: &str) -> String {
        format!("Nogmaals Delete om `{name}` hier te verwijderen; andere toets: niet")
    }
}

/// The own-provider form.
pub mod custom {
    pub const KEY_MOVE: &str = "veld";
    pub const HELP_MOVE: &str = "vorig/volgend veld";
    pub const KEY_ENTER: &str = "verder";
    pub const HELP_ENTER: &str =
        "volgend veld; op \"+ land\": een land toevoegen; op \"Klaar\": sluiten";
    pub const KEY_CLOSE: &str = "sluiten";
    pub const HELP_CLOSE: &str = "sluiten; elke wijziging is al bewaard";
    pub const HELP_CHOOSE: &str = "rol, waarborg, overeenkomst: keuze wisselen";
    pub const SUBTITLE: &str = "Elke wijziging is meteen bewaard. * = verplicht.";
    pub const DONE_BUTTON: &str = "[ Klaar ]";
    pub const ADD_TRANSFER: &str = "[ + land buiten de EER waar gegevens heen gaan ]";
    pub const CHOOSE: &str = "kies";
    pub const NOT_SAID: &str = "niet ingevuld";
    pub const TAKEN_OVER: &str = "Bestaande eigen aanbieder: gegevens overgenomen.";
    pub const INSIDE: &str = "binnen de EER";
    pub const NO_LINK: &str = "nog geen link naar de privacyverklaring";
    pub const ACTION_COMPLETE: &str = "Enter: gegevens aanvullen";
    pub const ACTION_EDIT: &str = "Enter: bewerken";

    pub const LABEL_NAME: &str = "Naam *";
    pub const LABEL_COMPANY: &str = "Bedrijfsnaam";
    pub const LABEL_COUNTRY: &str = "Land van vestiging";
    pub const LABEL_URL: &str = "Privacyverklaring";
    pub const LABEL_ROLE: &str = "Rol";
    pub const LABEL_JOINT_COVERS: &str = "Samen beslist over";
    pub const LABEL_JOINT_CONTACT: &str = "Verzoeken bij";
    pub const LABEL_DATA: &str = "Gegevens";
    pub const LABEL_TRANSFER: &str = "Gegevens gaan naar";
    pub const LABEL_SAFEGUARD: &str = "  op basis van";
    pub const LABEL_AGREEMENT: &str = "Verwerkersovereenk.";
    pub const LABEL_AGREEMENT_URL: &str = "Link overeenkomst";
    pub const HINT_NAME: &str = "Naam zoals die in het beleid komt.";
    pub const HINT_COMPANY: &str = "Juridische naam, bv. Wolkje B.V.; leeg = de naam.";
    pub const HINT_COUNTRY: &str = "Land van vestiging; standaard Nederland.";
    pub const HINT_URL: &str = "Webadres van de privacyverklaring; mag leeg.";
    pub const HINT_ROLE: &str =
        "Verwerker: werkt in uw opdracht. Zelf verantwoordelijk: beslist zelf. ←/→ of Spatie kiest.";
    pub const HINT_JOINT_COVERS: &str =
        "Waarover beslist u samen, bv. het verzamelen van gegevens met een pixel?";
    pub const HINT_JOINT_CONTACT: &str = "Wie handelt vragen en verzoeken daarover af?";
    pub const HINT_DATA: &str =
        "Welke gegevens krijgt de aanbieder? Met komma's; leeg = de gebruikelijke.";
    pub const HINT_TRANSFER: &str =
        "Land buiten de EER waar gegevens heen gaan; leeg maken haalt de regel weg.";
    pub const HINT_SAFEGUARD: &str =
        "Waarop rust de doorgifte? ←/→ of Spatie kiest uit wat bij dit land past.";
    pub const HINT_ADD_TRANSFER: &str = "Enter voegt een land buiten de EER toe.";
    pub const HINT_AGREEMENT: &str = "Hoe is de verwerkersovereenkomst gesloten? ←/→ kiest.";
    pub const HINT_AGREEMENT_URL: &str = "Webadres van de verwerkersovereenkomst; mag leeg.";
    pub const HINT_DONE: &str = "Enter sluit het formulier; alles is al bewaard.";

    pub fn usual(what: &str) -> String {
        format!("gebruikelijk: {what}")
    }
    pub fn outside(transfers: &str) -> String {
        format!("buiten de EER: {transfers}")
    }
    pub fn privacy_link(url: &str) -> String {
        format!("privacyverklaring: {url}")
    }
    pub fn detail(
        name: &str,
        action: &str,
        company: &str,
        country: &str,
        role: &str,
        transfer: &str,
        url: &str,
    ) -> String {
        format!("{name} — eigen toevoeging ({action}). {company}, {country}; {role}; {transfer}; {url}.")
    }
    pub fn removed(name: &str) -> String {
        format!("✓ `{name}` verwijderd")
    }
    pub fn removed_here(name: &str) -> String {
        format!("✓ `{name}` uit dit onderdeel verwijderd")
    }
    pub fn added(name: &str) -> String {
        format!("✓ `{name}` toegevoegd en gekozen")
    }
    pub fn saved(name: &str) -> String {
        format!("✓ gegevens van `{name}` bewaard")
    }
    pub fn unchanged(name: &str) -> String {
        format!("`{name}`: niets gewijzigd")
    }
    pub fn title_add(section: &str) -> String {
        format!("Eigen aanbieder toevoegen — {section}")
    }
    pub fn title_edit(section: &str) -> String {
        format!("Eigen aanbieder bewerken — {section}")
    }
}

pub mod policy {
    use crate::engine::lang::{Lang, Tone, Voice};

    pub const LABEL: &str = "Beleidskeuzes";
    pub const TITLE: &str = "Keuzes voor het beleid";
    pub const KEY_MOVE: &str = "regel";
    pub const HELP_MOVE: &str = "vorige/volgende vraag";
    pub const KEY_NEXT: &str = "verder";
    pub const HELP_NEXT: &str = "volgende vraag; na de laatste: volgende stap";
    pub const HELP_CHOOSE: &str =
        "keuze wijzigen (klantaccounts, contactformulier, taal, aanspreekvorm); j/n: ja/nee";
    pub const HELP_BACK: &str = "vorige stap";
    pub const LABEL_RETENTION: &str = "Bewaartermijn (jaren)";
    pub const LABEL_ACCOUNTS: &str = "Klantaccounts";
    pub const LABEL_DPO: &str = "Functionaris (FG)";
    pub const LABEL_CONTACT: &str = "Contactformulier";
    pub const LABEL_LANGUAGE: &str = "Taal";
    pub const LABEL_TONE: &str = "Aanspreekvorm";
    pub const HINT_RETENTION: &str = "Hoeveel jaar na het laatste contact bewaart u klantgegevens hooguit? (1 tot 20; leeg = niet vermelden)";
    pub const HINT_ACCOUNTS: &str = "Kunnen klanten een account aanmaken in uw winkel?";
    pub const HINT_DPO: &str = "Naam van de functionaris gegevensbescherming, alleen als u die hebt aangesteld; anders leeg laten.";
    pub const HINT_CONTACT: &str = "Heeft uw website een eigen contactformulier (zonder aparte dienst)? Dan noemt het beleid wat u met die berichten doet.";
    pub const HINT_LANGUAGE: &str = "In welke taal schrijven we het beleid, de cookieverklaring en de teksten van de cookiemelding? Het voorbeeld rechts volgt uw keuze.";
    pub const HINT_TONE: &str = "Spreekt u klanten aan met u of met je? De Nederlandse teksten volgen die keuze; het Engels kent geen verschil.";

    pub fn language(l: Lang) -> &'static str {
        match l {
            Lang::Nl => "‹ Nederlands ›",
            Lang::En => "‹ English ›",
        }
    }
    /// The tone; in English there is none to choose.
    pub fn tone(v: Voice) -> &'static str {
        match (v.lang, v.tone) {
            (Lang::En, _) => "niet van toepassing (Engels)",
            (Lang::Nl, Tone::U) => "‹ u ›",
            (Lang::Nl, Tone::Je) => "‹ je ›",
        }
    }

    /// A yes/no answer that may be left open (customer accounts, contact form).
    pub fn accounts(v: Option<bool>) -> &'static str {
        match v {
            Some(true) => "‹ ja ›",
            Some(false) => "‹ nee ›",
            None => "‹ niet ingevuld ›",
        }
    }
    pub fn retention_error(v: &str) -> String {
        format!("`{v}`: typ een aantal jaren van 1 tot 20")
    }
}

pub mod review {
    pub const LABEL: &str = "Controle";
    pub const TITLE: &str = "Controle";
    pub const ALL_WELL: &str = "Alles in orde: geen fouten en geen waarschuwingen.";
    pub const KEY_MOVE: &str = "regel";
    pub const HELP_MOVE: &str = "door de meldingen";
    pub const KEY_NEXT: &str = "exporteren";
    pub const HELP_NEXT: &str = "verder naar Exporteren (ook met waarschuwingen)";
    pub const KEY_OPEN: &str = "naar de melding";
    pub const HELP_OPEN: &str = "naar de stap (en het veld) van de melding; ook een klik";
    pub const HELP_JUMP: &str = "eerste/laatste melding";
    pub const HELP_BACK: &str = "vorige stap";

    pub fn summary(errors: usize, warnings: usize) -> String {
        format!("{errors} fout(en) en {warnings} waarschuwing(en). → gaat naar de stap, Enter naar Exporteren.")
    }
}

pub mod export {
    pub const LABEL: &str = "Exporteren";
    pub const TITLE: &str = "Exporteren";
    pub const DOC_POLICY: &str = "Privacybeleid";
    pub const DOC_COOKIES: &str = "Cookieverklaring";
    pub const DOC_BANNER: &str = "Cookiemelding";
    pub const OUT_JSON: &str = "instellingen (JSON)";
    pub const OUT_JS: &str = "kant-en-klaar script";
    /// Under the rows in view when not all fit: how many are above and below.
    pub fn more_rows(above: usize, below: usize) -> String {
        match (above, below) {
            (0, b) => format!("  ↓ nog {b} regel(s) eronder"),
            (a, 0) => format!("  ↑ nog {a} regel(s) erboven"),
            (a, b) => format!("  ↑ {a} erboven, ↓ {b} eronder"),
        }
    }
    pub const KEY_MOVE: &str = "regel";
    pub const HELP_MOVE: &str = "vorige/volgende regel";
    pub const KEY_TOGGLE: &str = "aan/uit";
    pub const HELP_TOGGLE: &str = "formaat aan/uit";
    pub const KEY_ENTER: &str = "kiezen";
    pub const HELP_ENTER: &str = "op een formaat: aan/uit; op Exporteren: schrijven";
    pub const HELP_BACK: &str = "vorige stap";
    pub const KEY_YES: &str = "overschrijven";
    pub const HELP_YES: &str = "bestaande bestanden overschrijven";
    pub const KEY_NO: &str = "niet";
    pub const HELP_NO: &str = "niet overschrijven";
    pub const DIR: &str = "Map: ";
    pub const FRAGMENT_TITLE: &str = "met eigen titel (h1) in het fragment";
    pub const BUTTON: &str = "[ Exporteren ]";
    pub const CHOOSE_ONE: &str = "Kies ten minste één formaat.";
    pub const FILL_DIR: &str = "Vul de map in waar de bestanden moeten komen.";
    pub const NOT_EXPORTED: &str = "Niet geëxporteerd: bestaande bestanden blijven staan";
    pub const REFUSED: &str = "Exporteren kan pas als deze fouten zijn opgelost:";
    pub const SEE_REVIEW: &str = "Zie de stap Controle, of druk op Exporteren voor de lijst.";
    pub const WRITTEN: &str = "Geschreven:";
    pub const FILES: &str = "Bestanden:";
    pub const EXISTS: &str = "Deze bestanden bestaan al:";
    pub const OVERWRITE_Q: &str = "Overschrijven? j = ja, n of Esc = nee";
    pub const OVERWRITE_TITLE: &str = " Overschrijven? ";

    pub fn still_errors(n: usize) -> String {
        format!("Er zijn nog {n} fout(en); exporteren kan pas als ze zijn opgelost.")
    }
    pub fn written_status(n: usize) -> String {
        format!("{n} bestand(en) geschreven")
    }
    pub fn refused_row(step: &str, message: &str) -> String {
        format!("{step}: {message}")
    }
    pub fn failed(e: &str) -> String {
        format!("Exporteren mislukt: {e}")
    }

    // Consultants (issue 9): documents beside the policy, versions, the folder.
    pub const DOC_REGISTER: &str = "Verwerkingsregister";
    pub const DOC_AGREEMENTS: &str = "Verwerkersovereenkomsten";
    pub const MKDIR_TITLE: &str = " Map maken? ";
    pub const MKDIR_YES: &str = "ja, maken";
    pub const MKDIR_NO: &str = "nee";
    pub const DATE_TITLE: &str = " Ingangsdatum ";
    pub const DATE_TODAY: &str = "ja, vandaag";
    pub const DATE_KEEP: &str = "nee, laten staan";

    pub fn mkdir_lines(dir: &std::path::Path) -> Vec<String> {
        vec![
            format!("De map {} bestaat niet.", dir.display()),
            "Zal ik hem maken en daar exporteren?".into(),
        ]
    }
    pub fn date_lines(version: u32, date: &str, today: &str) -> Vec<String> {
        vec![
            format!("De tekst is veranderd sinds versie {version} (geldig vanaf {date}),"),
            "maar de ingangsdatum niet.".into(),
            format!("Zal ik de ingangsdatum op vandaag ({today}) zetten?"),
        ]
    }
    pub fn version_kept(n: u32) -> String {
        format!("Versie {n} van het privacybeleid bewaard in de geschiedenis")
    }
    pub fn version_same(n: u32) -> String {
        format!("Tekst ongewijzigd: nog steeds versie {n}")
    }
    pub fn not_recorded(e: &str) -> String {
        format!("Geëxporteerd, maar de versie is niet bewaard: {e}")
    }
}

/// The clients screen (issue 9): every answers file in a folder.
pub mod clients {
    pub const LABEL: &str = "Klanten";
    pub const MENU: &str = "Klanten: alle antwoordenbestanden in een map";
    pub const KEY_MOVE: &str = "klant";
    pub const HELP_MOVE: &str = "vorige/volgende klant";
    pub const KEY_OPEN: &str = "openen";
    pub const HELP_OPEN: &str = "de gekozen klant openen in de wizard";
    pub const KEY_NEW: &str = "nieuwe klant";
    pub const HELP_NEW: &str =
        "nieuwe klant: typ de naam van de webwinkel, Enter maakt het bestand";
    pub const KEY_RESCAN: &str = "opnieuw lezen";
    pub const HELP_RESCAN: &str = "de map opnieuw lezen";
    pub const HELP_BACK: &str = "terug (of de nieuwe naam annuleren)";
    pub const HEAD_SHOP: &str = "webwinkel";
    pub const HEAD_DIAG: &str = "fout/waarsch.";
    pub const HEAD_VERSION: &str = "versie";
    pub const HEAD_EXPORTED: &str = "export";
    pub const HEAD_STALE: &str = "nieuwe export?";
    pub const NONE: &str =
        "Nog geen antwoordenbestanden in deze map. Druk op n voor een nieuwe klant.";
    pub const NEW_NAME: &str = "Naam van de nieuwe webwinkel: ";
    pub const NEEDS_NAME: &str = "Typ eerst de naam van de webwinkel.";
    pub const NO: &str = "nee";
    pub const NO_NAME: &str = "(geen naam)";
    pub const UNREADABLE: &str = "onleesbaar";

    pub fn title(dir: &std::path::Path) -> String {
        format!("Klanten in {}", dir.display())
    }
    pub fn cannot_read(e: &str) -> String {
        format!("Kan de map niet lezen: {e}")
    }
    pub fn summary(n: usize, stale: usize) -> String {
        format!("{n} klant(en); {stale} met een nieuwe export nodig")
    }
    pub fn yes(why: &str) -> String {
        format!("ja: {why}")
    }
    pub fn created(name: &str) -> String {
        format!("Nieuwe klant {name}")
    }
}

/// Messages of the run loop on the terminal (before and after the screen).
pub mod run {
    pub const FILE_UNCHANGED: &str =
        "Het bestand is niet gewijzigd. Verbeter het en start de wizard opnieuw.";
    pub const NEEDS_TERMINAL: &str =
        "fout: de wizard heeft een terminal nodig; gebruik `privacybeleid render` in scripts";

    pub fn error(e: &dyn std::fmt::Display) -> String {
        format!("fout: {e}")
    }
    pub fn cannot_create(p: &std::path::Path, reason: &str) -> String {
        format!("fout: kan {} niet maken: {reason}", p.display())
    }
    pub fn no_terminal(e: &std::io::Error) -> String {
        format!(
            "fout: kan de terminal niet gebruiken: {}",
            crate::engine::error::io_reason(e)
        )
    }
    pub fn locked(h: &dyn std::fmt::Display) -> String {
        format!("fout: {h}")
    }
    pub fn signal_saved(p: &std::path::Path) -> String {
        format!(
            "Gestopt op verzoek van het systeem; antwoorden bewaard in {}",
            p.display()
        )
    }
    pub fn saved_in(p: &std::path::Path) -> String {
        format!("Antwoorden bewaard in {}", p.display())
    }
    pub fn not_a_folder(p: &std::path::Path) -> String {
        format!(
            "fout: {} is geen map; geef bij --dir een map met antwoordenbestanden",
            p.display()
        )
    }
}

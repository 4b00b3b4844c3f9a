//! The parts of a webshop's processing that the policy covers, in policy order.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    Webshop,
    Hosting,
    Newsletter,
    TransactionalEmail,
    BusinessEmail,
    /// Contact form, chat, helpdesk, WhatsApp.
    CustomerService,
    Payments,
    Reviews,
    Shipping,
    Accounting,
    SalesChannels,
    Cookies,
    /// Embedded content and website tools: video, maps, web fonts, spam protection, tag managers.
    WebsiteTools,
}

impl Section {
    /// The sections of the policy and the wizard, in order.
    pub const ALL: [Section; 13] = [
        Section::Webshop,
        Section::Hosting,
        Section::Newsletter,
        Section::TransactionalEmail,
        Section::BusinessEmail,
        Section::CustomerService,
        Section::Payments,
        Section::Reviews,
        Section::Shipping,
        Section::Accounting,
        Section::SalesChannels,
        Section::Cookies,
        Section::WebsiteTools,
    ];

    /// Every section a catalog entry may name (all of them are policy parts now).
    pub const EVERY: [Section; 13] = Section::ALL;

    /// The key used in answers files, the catalog and templates.
    pub fn id(self) -> &'static str {
        match self {
            Section::Webshop => "webshop",
            Section::Hosting => "hosting",
            Section::Newsletter => "newsletter",
            Section::TransactionalEmail => "transactional_email",
            Section::BusinessEmail => "business_email",
            Section::Payments => "payments",
            Section::Reviews => "reviews",
            Section::Shipping => "shipping",
            Section::Accounting => "accounting",
            Section::SalesChannels => "sales_channels",
            Section::Cookies => "cookies",
            Section::CustomerService => "customer_service",
            Section::WebsiteTools => "website_tools",
        }
    }

    pub fn from_id(id: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| s.id() == id)
    }

    /// Short Dutch name, for messages and the wizard.
    pub fn label(self) -> &'static str {
        match self {
            Section::Webshop => "Webwinkelsoftware",
            Section::Hosting => "Hosting",
            Section::Newsletter => "Nieuwsbrief",
            Section::TransactionalEmail => "Transactiemail",
            Section::BusinessEmail => "Zakelijke e-mail",
            Section::Payments => "Betalingen",
            Section::Reviews => "Reviews",
            Section::Shipping => "Verzending",
            Section::Accounting => "Boekhouding",
            Section::SalesChannels => "Verkoopkanalen",
            Section::Cookies => "Cookies",
            Section::CustomerService => "Klantenservice",
            Section::WebsiteTools => "Ingesloten inhoud",
        }
    }
}

impl std::fmt::Display for Section {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip() {
        for s in Section::ALL {
            assert_eq!(Section::from_id(s.id()), Some(s));
        }
        assert_eq!(Section::from_id("betalingen"), None);
    }

    #[test]
    fn serde_uses_the_same_ids() {
        for s in Section::ALL {
            let json = serde_json::to_string(&s).unwrap();
            assert_eq!(json, format!("\"{}\"", s.id()));
        }
    }
}

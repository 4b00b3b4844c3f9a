//! For consultants (issue 9): versions of a policy with their history beside the answers
//! file, the plain-Dutch changelog, diffs between files and versions, a status across a
//! folder of client files, and the register and agreements documents.
//!
//! No terminal code: the command line (`cli.rs`) and the wizard print what this returns.

pub mod changes;
pub mod documents;
pub mod error;
pub mod facts;
pub mod history;
pub mod policy;
pub mod status;
pub mod textdiff;
pub mod wording;

pub use error::ConsultError;
pub use facts::Snapshot;
pub use history::{History, Record};

/// Today as YYYY-MM-DD (UTC). `PRIVACYBELEID_TODAY` overrides it, for tests and for
/// reproducing an export on a given day.
pub fn today() -> String {
    if let Ok(v) = std::env::var("PRIVACYBELEID_TODAY") {
        if crate::engine::rules::parse_date(&v).is_some() {
            return v;
        }
    }
    let d = time::OffsetDateTime::now_utc().date();
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

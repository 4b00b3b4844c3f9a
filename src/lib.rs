//! privacybeleid: writes the privacy policy of a Dutch webshop.
//!
//! `engine` turns an answers file into a policy and knows nothing of terminals;
//! `cli` and `wizard` are two front ends on it.

pub mod answers_file;
pub mod atomic;
pub mod cli;
pub mod consult;
pub mod engine;
pub mod wizard;

// Rendering allocates many small values (Tera contexts); mimalloc halves that cost.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

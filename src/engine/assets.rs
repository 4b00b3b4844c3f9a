//! Files from assets/ and presets/, embedded at build time by build.rs.

include!(concat!(env!("OUT_DIR"), "/assets_gen.rs"));

/// A file directly under assets/ (e.g. "sections.toml").
pub fn asset(name: &str) -> Option<&'static str> {
    ASSET_FILES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| *text)
}

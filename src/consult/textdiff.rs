//! A word-level diff of two policy texts: the changed lines with a line of context, the
//! changed words marked. Colour on a terminal; `[-weg-]` and `{+erbij+}` in a pipe.

use similar::{ChangeTag, TextDiff};

const RED: &str = "\x1b[31m";
const GREEN: &str = "\x1b[32m";
const EMPH: &str = "\x1b[1;7m";
const EMPH_OFF: &str = "\x1b[22;27m";
const RESET: &str = "\x1b[0m";

pub fn word_diff(old: &str, new: &str, colour: bool) -> String {
    let diff = TextDiff::from_lines(old, new);
    let mut out = String::new();
    for (i, group) in diff.grouped_ops(1).iter().enumerate() {
        if i > 0 {
            out.push_str("…\n");
        }
        let (Some(first), Some(last)) = (group.first(), group.last()) else {
            continue;
        };
        let _ = last;
        out.push_str(&format!(
            "@@ regel {} (oud) / {} (nieuw) @@\n",
            first.old_range().start + 1,
            first.new_range().start + 1
        ));
        for op in group {
            for change in diff.iter_inline_changes(op) {
                let (sign, colour_on, open, close) = match change.tag() {
                    ChangeTag::Delete => ('-', RED, "[-", "-]"),
                    ChangeTag::Insert => ('+', GREEN, "{+", "+}"),
                    ChangeTag::Equal => (' ', "", "", ""),
                };
                if colour && !colour_on.is_empty() {
                    out.push_str(colour_on);
                }
                out.push(sign);
                out.push(' ');
                for (emphasised, value) in change.iter_strings_lossy() {
                    let value = value.trim_end_matches('\n');
                    if emphasised && change.tag() != ChangeTag::Equal {
                        if colour {
                            out.push_str(EMPH);
                            out.push_str(value);
                            out.push_str(EMPH_OFF);
                        } else {
                            out.push_str(open);
                            out.push_str(value);
                            out.push_str(close);
                        }
                    } else {
                        out.push_str(value);
                    }
                }
                if colour && !colour_on.is_empty() {
                    out.push_str(RESET);
                }
                out.push('\n');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_changed_words_only() {
        let old = "Kop\n\nWij gebruiken Mollie en PayPal.\n\nSlot\n";
        let new = "Kop\n\nWij gebruiken Mollie en Klarna.\n\nSlot\n";
        let d = word_diff(old, new, false);
        assert!(d.contains("- Wij gebruiken Mollie en [-PayPal.-]"), "{d}");
        assert!(d.contains("+ Wij gebruiken Mollie en {+Klarna.+}"), "{d}");
        assert!(!d.contains('\x1b'), "no colour in a pipe");
        let c = word_diff(old, new, true);
        assert!(
            c.contains(EMPH) && c.contains(RED) && c.contains(GREEN),
            "{c}"
        );
        assert!(word_diff(old, old, false).is_empty());
    }
}

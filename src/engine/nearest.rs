//! "Did you mean": the closest known id to a misspelt one.

/// Levenshtein distance over characters.
pub fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// The closest candidate, if it is close enough to be a plausible typo
/// (or contains what was typed).
pub fn nearest<'a>(typed: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let typed_l = typed.to_lowercase();
    let mut best: Option<(usize, &str)> = None;
    for c in candidates {
        let cl = c.to_lowercase();
        let mut d = distance(&typed_l, &cl);
        // A fragment of a longer id ("onlinestore") is as good as a one-letter typo.
        if !typed_l.is_empty() && cl.contains(&typed_l) {
            d = d.min(1);
        }
        if best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, c));
        }
    }
    let limit = (typed.chars().count() / 2).max(2);
    best.filter(|(d, _)| *d <= limit)
        .map(|(_, c)| c.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(distance("mollie", "mollie"), 0);
        assert_eq!(distance("molie", "mollie"), 1);
        assert_eq!(distance("", "abc"), 3);
    }

    #[test]
    fn finds_typos_and_fragments() {
        let ids = ["mollie", "postnl", "paypal", "myonlinestore"];
        assert_eq!(nearest("molie", ids).as_deref(), Some("mollie"));
        assert_eq!(nearest("post-nl", ids).as_deref(), Some("postnl"));
        assert_eq!(
            nearest("onlinestore", ids).as_deref(),
            Some("myonlinestore")
        );
        assert_eq!(nearest("zzzzzzzz", ids), None);
    }
}

//! Context-specific words (NIST SP 800-63B §3.1.1.2): what a guesser of this site knows before
//! the first try — the site's name, NATO, the places the page is about, and the visitor's own
//! email address. A password that is only such words, whatever their case, with digits, symbols
//! or common substitutions ("N4to", "Ge0rgia") around or between them, is refused; and zxcvbn is
//! given the same words, so the strength meter agrees.

include!(concat!(env!("OUT_DIR"), "/site_words.rs"));

pub const MESSAGE: &str = "Passwords made from this site’s name or your email address are easy to guess";

/// Words shorter than this are too common inside other words to count as built from them.
const SHORTEST: usize = 3;

/// The site's words, then the visitor's: the whole address, the local part and its pieces
/// ("alice.smith1990" gives "alice", "smith1990", "smith", "1990"), and the domain with its labels.
pub fn context_words(email: &str) -> Vec<String> {
    let mut words: Vec<String> = SITE_WORDS.iter().map(|word| (*word).to_owned()).collect();
    let email = email.trim().to_lowercase();
    let mut push = |piece: &str| {
        if piece.chars().count() >= 2 && !words.iter().any(|known| known == piece) {
            words.push(piece.to_owned());
        }
    };
    let (local, domain) = email.split_once('@').unwrap_or((&email, ""));
    push(&email);
    for part in [local, domain] {
        push(part);
        for token in part.split(|c: char| !c.is_alphanumeric()) {
            push(token);
            push(&token.chars().filter(|c| c.is_alphabetic()).collect::<String>());
            push(&token.chars().filter(|c| c.is_ascii_digit()).collect::<String>());
        }
    }
    words
}

/// The letters a digit or symbol commonly stands for.
fn stands_for(c: char) -> &'static [char] {
    match c {
        '4' | '@' => &['a'],
        '8' => &['b'],
        '3' => &['e'],
        '6' | '9' => &['g'],
        '1' | '!' | '|' => &['i', 'l'],
        '0' => &['o'],
        '5' | '$' => &['s'],
        '7' | '+' => &['t'],
        '2' => &['z'],
        _ => &[],
    }
}

/// Whether `password` is made of `words` (at least half of its characters, case ignored,
/// substitutions undone), the rest being digits and symbols around or between them.
pub fn is_made_of(password: &str, words: &[String]) -> bool {
    let typed: Vec<char> = password.chars().flat_map(char::to_lowercase).collect();
    let words: Vec<Vec<char>> =
        words.iter().map(|word| word.chars().collect::<Vec<_>>()).filter(|word| word.len() >= SHORTEST).collect();
    let fits = |at: usize, word: &[char]| {
        typed.get(at..at + word.len()).is_some_and(|span| {
            span.iter().zip(word).all(|(&typed, &wanted)| typed == wanted || stands_for(typed).contains(&wanted))
        })
    };
    // most[i]: the most characters covered by words in a reading of the first i characters.
    let mut most: Vec<Option<usize>> = vec![None; typed.len() + 1];
    most[0] = Some(0);
    for at in 0..typed.len() {
        let Some(covered) = most[at] else { continue };
        let mut reach = |to: usize, covered: usize| most[to] = most[to].max(Some(covered));
        if !typed[at].is_alphabetic() {
            reach(at + 1, covered);
        }
        for word in words.iter().filter(|word| fits(at, word)) {
            reach(at + word.len(), covered + word.len());
        }
    }
    most[typed.len()].is_some_and(|covered| covered > 0 && covered * 2 >= typed.len())
}

/// [`MESSAGE`] when `password` is made of the site's words and those of `email`.
pub fn context_error(password: &str, email: &str) -> Option<&'static str> {
    is_made_of(password, &context_words(email)).then_some(MESSAGE)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(password: &str, email: &str) -> bool {
        context_error(password, email).is_some()
    }

    #[test]
    fn the_site_words_come_from_the_content_file() {
        for word in ["nato", "relationswithgeorgia", "georgia", "georgian", "abkhazia", "ossetia", "southossetia"] {
            assert!(SITE_WORDS.contains(&word), "{word}");
        }
    }

    #[test]
    fn the_email_gives_its_local_part_domain_and_pieces() {
        let words = context_words("Alice.Smith1990@Example.org");
        let visitor = &words[SITE_WORDS.len()..];
        assert_eq!(
            visitor,
            [
                "alice.smith1990@example.org",
                "alice.smith1990",
                "alice",
                "smith1990",
                "smith",
                "1990",
                "example.org",
                "example",
                "org"
            ]
        );
        assert_eq!(context_words("").len(), SITE_WORDS.len());
    }

    #[test]
    fn the_sites_name_places_and_years_are_refused() {
        for password in [
            "NatoGeorgia2025!",
            "SouthOssetia2008!",
            "Abkhazia#2008!",
            "N4to-Ge0rgia-2024",
            "GEORGIA_georgia_1!",
            "2008!Russia!Ukraine",
            "Relations-With-Georgia-1",
        ] {
            assert!(refused(password, "alice@example.org"), "{password}");
        }
    }

    #[test]
    fn the_visitors_address_is_refused() {
        assert!(refused("Example.org2025!", "alice@example.org"));
        assert!(refused("Alice@example.org1!", "alice@example.org"));
        assert!(refused("Smith1990!Alice", "alice.smith1990@example.com"));
        assert!(!refused("Example.org2025!", "bob@mail.example"), "another visitor's domain is not known");
    }

    #[test]
    fn unrelated_words_and_long_passphrases_pass() {
        for password in [
            "Vq7#t!mZ2@pL9w",
            "Tbilisi-Kutaisi-Batumi-Georgia1!",
            "correct-horse-battery-Nato-9",
            "Nato!#%&*()_+{}=7",
            "Georgiana-Sunflower-42",
        ] {
            assert!(!refused(password, "alice@example.org"), "{password}");
        }
    }
}

//! Email addresses: the WHATWG HTML definition of a valid email address (what
//! `<input type=email>` accepts) with the lengths mail systems allow, and a hint for likely
//! typos of common domains.

pub const MISSING: &str = "Enter your email address";
pub const INVALID: &str = "Enter an email address in the correct format, like name@example.com";

const MAX_LENGTH: usize = 254;
const MAX_LOCAL_LENGTH: usize = 64;
const MAX_LABEL_LENGTH: usize = 63;

fn is_local_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || ".!#$%&'*+/=?^_`{|}~-".contains(c)
}

fn is_valid_label(label: &str) -> bool {
    let bytes = label.as_bytes();
    !bytes.is_empty()
        && bytes.len() <= MAX_LABEL_LENGTH
        && bytes[0].is_ascii_alphanumeric()
        && bytes[bytes.len() - 1].is_ascii_alphanumeric()
        && bytes.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'-')
}

/// The address with surrounding white space removed, or the message saying what is wrong.
pub fn validate_email(input: &str) -> Result<String, &'static str> {
    let email = input.trim();
    if email.is_empty() {
        return Err(MISSING);
    }
    let Some((local, domain)) = email.split_once('@') else { return Err(INVALID) };
    let valid = email.len() <= MAX_LENGTH
        && !local.is_empty()
        && local.len() <= MAX_LOCAL_LENGTH
        && local.chars().all(is_local_char)
        && domain.split('.').all(is_valid_label);
    if valid {
        Ok(email.to_owned())
    } else {
        Err(INVALID)
    }
}

/// Domains people often mistype.
const COMMON_DOMAINS: &[&str] = &[
    "gmail.com",
    "googlemail.com",
    "hotmail.com",
    "hotmail.co.uk",
    "hotmail.fr",
    "outlook.com",
    "live.com",
    "msn.com",
    "yahoo.com",
    "yahoo.co.uk",
    "yahoo.fr",
    "icloud.com",
    "me.com",
    "aol.com",
    "protonmail.com",
    "proton.me",
    "gmx.com",
    "gmx.de",
    "web.de",
    "mail.com",
    "comcast.net",
    "orange.fr",
    "btinternet.com",
];

/// Edit distance counting a swap of two neighbours as one edit ("gmial" → "gmail").
fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}

/// "name@gmail.com" for "name@gmial.com": the address with a likely mistyped common domain
/// corrected, when there is one. A hint, never an error.
pub fn suggest_correction(input: &str) -> Option<String> {
    let email = input.trim();
    let (local, domain) = email.rsplit_once('@')?;
    let domain = domain.to_ascii_lowercase();
    if local.is_empty() || domain.is_empty() || COMMON_DOMAINS.contains(&domain.as_str()) {
        return None;
    }
    let (distance, best) = COMMON_DOMAINS.iter().map(|known| (edit_distance(&domain, known), *known)).min()?;
    let allowed = if domain.len() > 6 { 2 } else { 1 };
    (distance <= allowed).then(|| format!("{local}@{best}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_valid_addresses_and_trims_them() {
        assert_eq!(validate_email("  name@example.com\t").unwrap(), "name@example.com");
        for ok in ["a@b", "first.last+tag@sub.example.co.uk", "o'neil@example.org", "x@xn--80ak6aa92e.com", "1@2.3"] {
            assert!(validate_email(ok).is_ok(), "{ok} should be valid");
        }
    }

    #[test]
    fn refuses_what_html_refuses() {
        for bad in [
            "name",
            "name@",
            "@example.com",
            "a@@b.com",
            "a b@c.com",
            "a@b..com",
            "a@-b.com",
            "a@b-.com",
            "a@.b.com",
            "a@b.com.",
            "émile@example.com",
            "a@exämple.com",
            "a@b_c.com",
        ] {
            assert_eq!(validate_email(bad), Err(INVALID), "{bad} should be refused");
        }
        assert_eq!(validate_email("   "), Err(MISSING));
    }

    #[test]
    fn enforces_the_lengths_mail_systems_allow() {
        let local_64 = "a".repeat(64);
        assert!(validate_email(&format!("{local_64}@example.com")).is_ok());
        assert_eq!(validate_email(&format!("a{local_64}@example.com")), Err(INVALID));
        let label_63 = "b".repeat(63);
        assert!(validate_email(&format!("a@{label_63}.com")).is_ok());
        assert_eq!(validate_email(&format!("a@b{label_63}.com")), Err(INVALID));
        // 254 characters in all is the most; 255 is refused.
        let domain = format!("{0}.{0}.{0}.{1}.com", "c".repeat(63), "c".repeat(47));
        let at_254 = format!("{}@{domain}", "a".repeat(254 - 1 - domain.len()));
        assert_eq!(at_254.len(), 254);
        assert!(validate_email(&at_254).is_ok());
        let at_255 = format!("a{at_254}");
        assert_eq!(at_255.len(), 255);
        assert_eq!(validate_email(&at_255), Err(INVALID));
    }

    #[test]
    fn suggests_common_domains_for_likely_typos() {
        assert_eq!(suggest_correction("name@gmial.com").as_deref(), Some("name@gmail.com"));
        assert_eq!(suggest_correction("name@hotmial.com").as_deref(), Some("name@hotmail.com"));
        assert_eq!(suggest_correction("name@yaho.com").as_deref(), Some("name@yahoo.com"));
        assert_eq!(suggest_correction(" name@GMAIL.CON ").as_deref(), Some("name@gmail.com"));
    }

    #[test]
    fn leaves_correct_and_unrelated_domains_alone() {
        assert_eq!(suggest_correction("name@gmail.com"), None);
        assert_eq!(suggest_correction("name@nato.int"), None);
        assert_eq!(suggest_correction("name@example.com"), None);
        assert_eq!(suggest_correction("name"), None);
    }
}

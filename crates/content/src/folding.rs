//! Text folding for matching place names: case- and diacritic-insensitive, so "ossétia" finds
//! "Ossetia" and "GEORGIA" finds "Georgia", with whole-word search that keeps the original
//! text's byte offsets for highlighting.

use std::ops::Range;

/// A character lowercased and stripped of its accent (Latin letters), curly apostrophes made
/// straight.
pub fn fold_char(c: char) -> char {
    let lower = c.to_lowercase().next().unwrap_or(c);
    match lower {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ğ' => 'g',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => 'i',
        'ł' => 'l',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ř' => 'r',
        'ś' | 'š' | 'ş' => 's',
        'ť' | 'ţ' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        '’' | '‘' => '\'',
        other => other,
    }
}

pub fn fold(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Byte ranges in `text` where `word` stands as a whole word (not inside a longer word),
/// ignoring case and accents.
pub fn find_whole_word(text: &str, word: &str) -> Vec<Range<usize>> {
    let needle: Vec<char> = word.chars().map(fold_char).collect();
    if needle.is_empty() {
        return Vec::new();
    }
    let chars: Vec<(usize, char)> = text.char_indices().map(|(at, c)| (at, fold_char(c))).collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i + needle.len() <= chars.len() {
        let end = i + needle.len();
        let matches = chars[i..end].iter().map(|&(_, c)| c).eq(needle.iter().copied());
        let starts_word = i == 0 || !is_word_char(chars[i - 1].1);
        let ends_word = end == chars.len() || !is_word_char(chars[end].1);
        if matches && starts_word && ends_word {
            let end_byte = chars.get(end).map_or(text.len(), |&(at, _)| at);
            found.push(chars[i].0..end_byte);
            i = end;
        } else {
            i += 1;
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_accents() {
        assert_eq!(fold("Ossétia ÀÉÎÕÜ"), "ossetia aeiou");
        assert_eq!(fold("Georgia’s"), "georgia's");
    }

    #[test]
    fn finds_whole_words_only() {
        let text = "Georgia and Georgian forces; NATO-Georgia exercises; Georgia’s request";
        let found: Vec<&str> = find_whole_word(text, "georgia").into_iter().map(|r| &text[r]).collect();
        assert_eq!(found, ["Georgia", "Georgia", "Georgia"]);
        assert!(find_whole_word("Russian", "Russia").is_empty());
        assert!(find_whole_word("", "Russia").is_empty());
    }

    #[test]
    fn matches_across_accents_and_keeps_original_offsets() {
        let text = "In South Ossétia, and south ossetia.";
        let found: Vec<&str> = find_whole_word(text, "South Ossetia").into_iter().map(|r| &text[r]).collect();
        assert_eq!(found, ["South Ossétia", "south ossetia"]);
    }
}

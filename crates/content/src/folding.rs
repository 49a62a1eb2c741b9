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

/// What `fold_char` does beyond lowercasing, for code outside Rust that must fold alike (the
/// search page's first results): each character of the Latin blocks and the curly apostrophes
/// whose folded form is not its lowercase one, with that form.
pub fn folding_table() -> Vec<(char, char)> {
    ('\u{0}'..='\u{24f}')
        .chain(['‘', '’'])
        .filter_map(|c| {
            let folded = fold_char(c);
            (Some(folded) != c.to_lowercase().next()).then_some((c, folded))
        })
        .collect()
}

pub fn fold(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// A text folded once, with where its words start, to search it for many words: the article
/// is searched for every name of every place.
pub struct FoldedText<'a> {
    text: &'a str,
    /// Each character's byte offset in `text`, and the character folded.
    chars: Vec<(usize, char)>,
    /// Where words start, as indexes into `chars`: the only places a whole word can match.
    word_starts: Vec<usize>,
}

impl<'a> FoldedText<'a> {
    pub fn new(text: &'a str) -> Self {
        let chars: Vec<(usize, char)> = text.char_indices().map(|(at, c)| (at, fold_char(c))).collect();
        let word_starts = (0..chars.len())
            .filter(|&i| is_word_char(chars[i].1) && (i == 0 || !is_word_char(chars[i - 1].1)))
            .collect();
        Self { text, chars, word_starts }
    }

    /// The char index where `needle` ends when it stands at char `start`: as a whole word, or
    /// with `prefix` as the start of one.
    fn match_at(&self, start: usize, needle: &[char], prefix: bool) -> Option<usize> {
        let end = start + needle.len();
        let chars = &self.chars;
        if needle.is_empty()
            || end > chars.len()
            || !chars[start..end].iter().map(|&(_, c)| c).eq(needle.iter().copied())
        {
            return None;
        }
        let whole = end == chars.len() || !is_word_char(chars[end].1);
        (prefix || whole).then_some(end)
    }

    fn byte_range(&self, start: usize, end: usize) -> Range<usize> {
        self.chars[start].0..self.chars.get(end).map_or(self.text.len(), |&(at, _)| at)
    }

    /// Byte ranges where `word` stands at the start of a word: as the whole word or, with
    /// `prefix`, as its beginning ("coop" in "cooperation").
    pub fn find_word_starts(&self, word: &str, prefix: bool) -> Vec<Range<usize>> {
        let needle: Vec<char> = word.chars().map(fold_char).collect();
        self.word_starts
            .iter()
            .filter_map(|&start| self.match_at(start, &needle, prefix).map(|end| self.byte_range(start, end)))
            .collect()
    }

    /// Where `word` stands as the next word after byte `after`, with only spaces and punctuation
    /// between: whole or, with `prefix`, as its beginning.
    pub fn word_after(&self, after: usize, word: &str, prefix: bool) -> Option<Range<usize>> {
        let needle: Vec<char> = word.chars().map(fold_char).collect();
        let mut start = self.chars.partition_point(|&(at, _)| at < after);
        while start < self.chars.len() && !is_word_char(self.chars[start].1) {
            start += 1;
        }
        self.match_at(start, &needle, prefix).map(|end| self.byte_range(start, end))
    }

    /// Byte ranges in the text where `word` stands as a whole word (not inside a longer word),
    /// ignoring case and accents.
    pub fn find_whole_word(&self, word: &str) -> Vec<Range<usize>> {
        let needle: Vec<char> = word.chars().map(fold_char).collect();
        let chars = &self.chars;
        let mut found = Vec::new();
        let Some(&first) = needle.first() else { return found };
        // A word starts after a non-word character; a name that begins with punctuation can
        // stand anywhere that is not inside a word.
        let any_start: Vec<usize>;
        let starts = if is_word_char(first) {
            &self.word_starts
        } else {
            any_start = (0..chars.len()).filter(|&i| i == 0 || !is_word_char(chars[i - 1].1)).collect();
            &any_start
        };
        let mut free_from = 0;
        for &start in starts {
            if start < free_from {
                continue;
            }
            if let Some(end) = self.match_at(start, &needle, false) {
                found.push(self.byte_range(start, end));
                free_from = end;
            }
        }
        found
    }
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
    fn the_table_holds_what_lowercasing_does_not() {
        let table = folding_table();
        assert!(table.contains(&('É', 'e')) && table.contains(&('ş', 's')) && table.contains(&('’', '\'')));
        assert!(!table.iter().any(|&(c, _)| c == 'A' || c == 'a'), "lowercasing does those");
    }

    #[test]
    fn finds_whole_words_only() {
        let text = "Georgia and Georgian forces; NATO-Georgia exercises; Georgia’s request";
        let found: Vec<&str> = FoldedText::new(text).find_whole_word("georgia").into_iter().map(|r| &text[r]).collect();
        assert_eq!(found, ["Georgia", "Georgia", "Georgia"]);
        assert!(FoldedText::new("Russian").find_whole_word("Russia").is_empty());
        assert!(FoldedText::new("").find_whole_word("Russia").is_empty());
        assert!(FoldedText::new("Russia").find_whole_word("").is_empty());
        let text = "talks (Geneva) and + more, NATO+";
        let found: Vec<&str> =
            FoldedText::new(text).find_whole_word("(Geneva)").into_iter().map(|r| &text[r]).collect();
        assert_eq!(found, ["(Geneva)"]);
        assert_eq!(FoldedText::new(text).find_whole_word("+").len(), 1);
    }

    #[test]
    fn finds_the_starts_of_words_and_the_next_word() {
        let text = "Cooperation, co-operation and NATO–Georgia cooperation";
        let folded = FoldedText::new(text);
        let starts: Vec<&str> = folded.find_word_starts("coop", true).into_iter().map(|r| &text[r]).collect();
        assert_eq!(starts, ["Coop", "coop"]);
        assert!(folded.find_word_starts("coop", false).is_empty());
        assert!(folded.find_word_starts("operation", true).len() == 1, "after a hyphen a word starts");
        let nato = folded.find_word_starts("nato", false)[0].clone();
        assert_eq!(folded.word_after(nato.end, "georgia", false).map(|r| &text[r]), Some("Georgia"));
        assert_eq!(folded.word_after(nato.end, "geo", true).map(|r| &text[r]), Some("Geo"));
        assert_eq!(folded.word_after(nato.end, "geo", false), None);
    }

    #[test]
    fn matches_across_accents_and_keeps_original_offsets() {
        let text = "In South Ossétia, and south ossetia.";
        let found: Vec<&str> =
            FoldedText::new(text).find_whole_word("South Ossetia").into_iter().map(|r| &text[r]).collect();
        assert_eq!(found, ["South Ossétia", "south ossetia"]);
    }
}

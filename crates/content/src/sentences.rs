//! The content as the source's lines and sentences, so it can be compared with the seed text
//! word for word: nothing missing, changed, reordered or invented.

use crate::model::{Block, Content};

/// The site texts, in the order the source gives them.
pub fn site_lines(content: &Content) -> Vec<String> {
    let site = &content.site;
    [
        &site.announcement,
        &site.newsletter,
        &site.password_reset,
        &site.code_resend,
        &site.password_rule,
        &site.return_to_page,
    ]
    .into_iter()
    .cloned()
    .collect()
}

/// The article as the source's lines: the updated line, the intro, then each section's heading,
/// texts and subsections.
pub fn article_lines(content: &Content) -> Vec<String> {
    fn push_blocks(lines: &mut Vec<String>, blocks: &[Block]) {
        lines.extend(blocks.iter().flat_map(Block::texts).map(str::to_owned));
    }
    let mut lines = vec![format!("Updated: {}", content.updated.long_form())];
    push_blocks(&mut lines, &content.intro);
    for section in &content.sections {
        lines.push(section.heading.clone());
        push_blocks(&mut lines, &section.blocks);
        for subsection in &section.subsections {
            lines.push(subsection.heading.clone());
            push_blocks(&mut lines, &subsection.blocks);
        }
    }
    lines
}

/// The texts of the article's paragraphs and lists, borrowed, in reading order.
pub(crate) fn article_lines_of(content: &Content) -> Vec<&str> {
    content
        .intro
        .iter()
        .chain(content.sections.iter().flat_map(|section| section.all_blocks()))
        .flat_map(Block::texts)
        .collect()
}

/// Splits a text into sentences: after `.`, `?` or `!` (and any closing quote or bracket) when
/// white space and a capital letter, a digit or an opening quote follow.
pub fn sentences(text: &str) -> Vec<&str> {
    let mut result = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (i, &(_, c)) in chars.iter().enumerate() {
        if !matches!(c, '.' | '?' | '!') {
            continue;
        }
        let mut end = i + 1;
        while end < chars.len() && matches!(chars[end].1, '"' | '\'' | '”' | '’' | ')') {
            end += 1;
        }
        let mut next = end;
        while next < chars.len() && chars[next].1.is_whitespace() {
            next += 1;
        }
        let starts_sentence = chars
            .get(next)
            .is_some_and(|&(_, n)| n.is_uppercase() || n.is_ascii_digit() || matches!(n, '"' | '“' | '‘' | '\''));
        if next > end && starts_sentence {
            let end_byte = chars.get(end).map_or(text.len(), |&(b, _)| b);
            result.push(text[start..end_byte].trim());
            start = chars[next].0;
        }
    }
    let rest = text[start..].trim();
    if !rest.is_empty() {
        result.push(rest);
    }
    result
}

/// What differs between the expected sentences and the actual ones, in words for an editor.
/// Empty when they are the same, in the same order.
pub fn differences(expected: &[&str], actual: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    // Expected sentences already met earlier in `actual`, out of order.
    let mut met_early = vec![false; expected.len()];
    let (mut e, mut a) = (0, 0);
    loop {
        while met_early.get(e) == Some(&true) {
            e += 1;
        }
        match (expected.get(e), actual.get(a)) {
            (None, None) => break,
            (Some(want), Some(got)) if want == got => {
                e += 1;
                a += 1;
            }
            (Some(want), Some(got)) => {
                let got_later = (e + 1..expected.len()).find(|&i| !met_early[i] && expected[i] == *got);
                let want_later = actual[a + 1..].contains(want);
                match (got_later, want_later) {
                    (Some(at), true) => {
                        found.push(format!("reordered: {got:?} comes before {want:?}"));
                        met_early[at] = true;
                        a += 1;
                    }
                    (Some(_), false) => {
                        found.push(format!("missing: {want:?}"));
                        e += 1;
                    }
                    (None, true) => {
                        found.push(format!("not in the source: {got:?}"));
                        a += 1;
                    }
                    (None, false) => {
                        found.push(format!("changed: {want:?} became {got:?}"));
                        e += 1;
                        a += 1;
                    }
                }
            }
            (Some(want), None) => {
                found.push(format!("missing: {want:?}"));
                e += 1;
            }
            (None, Some(got)) => {
                found.push(format!("not in the source: {got:?}"));
                a += 1;
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_sentences_and_keeps_headings_whole() {
        assert_eq!(sentences("Didn't receive a code? Send new Code"), ["Didn't receive a code?", "Send new Code"]);
        assert_eq!(sentences("Other initiatives"), ["Other initiatives"]);
        assert_eq!(
            sentences("It took place in March 2022. Allies (known as 'X') agreed. 33 joined."),
            ["It took place in March 2022.", "Allies (known as 'X') agreed.", "33 joined."]
        );
    }

    #[test]
    fn does_not_split_inside_a_sentence() {
        assert_eq!(sentences("air, land, sea) and so on."), ["air, land, sea) and so on."]);
        assert_eq!(sentences("version 1.2 is out."), ["version 1.2 is out."]);
    }

    #[test]
    fn same_sentences_have_no_differences() {
        assert!(differences(&["A.", "B."], &["A.", "B."]).is_empty());
    }

    #[test]
    fn reports_missing_changed_reordered_and_invented_sentences() {
        assert_eq!(differences(&["A.", "B.", "C."], &["A.", "C."]), [r#"missing: "B.""#]);
        assert_eq!(differences(&["A.", "B."], &["A.", "b."]), [r#"changed: "B." became "b.""#]);
        assert_eq!(differences(&["A.", "B.", "C."], &["B.", "A.", "C."]), [r#"reordered: "B." comes before "A.""#]);
        assert_eq!(differences(&["A."], &["A.", "Z."]), [r#"not in the source: "Z.""#]);
    }
}

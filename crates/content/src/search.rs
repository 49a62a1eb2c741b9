//! Site search: the passages a query finds, best first, with where each match stands so the
//! page can mark it.
//!
//! Matching ignores case and accents (the folding the region list uses). Every word of the
//! query must match, at the start of a word of the text ("coop" finds "cooperation",
//! "ossetia" finds "Ossetia"); words in double quotes must match as a phrase, one after the
//! other, each whole but the last. A word may match in the passage or in its headings. Passages
//! with matches in their headings come first, then those where the words occur more often, then
//! those where they stand closer together, then in reading order.

use std::cmp::Reverse;
use std::ops::Range;

use crate::folding::{fold, FoldedText};
use crate::passages::Passage;

/// What a visitor searched for: words, and phrases of several words.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    /// Each term's words, folded: one for a word, several for a phrase.
    terms: Vec<Vec<String>>,
}

fn words(text: &str) -> Vec<String> {
    fold(text).split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_owned).collect()
}

impl Query {
    /// Reads a query: `"peaceful resolution" ossetia` is a phrase and a word. An unclosed
    /// quote runs to the end; curly quotes count as straight ones.
    pub fn parse(text: &str) -> Self {
        let text = text.replace(['“', '”', '„'], "\"");
        let mut terms = Vec::new();
        for (index, part) in text.split('"').enumerate() {
            let found = words(part);
            if index % 2 == 1 {
                if !found.is_empty() {
                    terms.push(found);
                }
            } else {
                terms.extend(found.into_iter().map(|word| vec![word]));
            }
        }
        terms.dedup();
        Self { terms }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

/// Where `term` stands in `text`: its words one after the other, each at the start of a word,
/// each whole but the last, with nothing but spaces and punctuation between them.
fn find_term(text: &FoldedText, term: &[String]) -> Vec<Range<usize>> {
    let Some((first, rest)) = term.split_first() else { return Vec::new() };
    text.find_word_starts(first, rest.is_empty())
        .into_iter()
        .filter_map(|start| {
            let mut end = start.end;
            for (index, word) in rest.iter().enumerate() {
                end = text.word_after(end, word, index + 1 == rest.len())?.end;
            }
            Some(start.start..end)
        })
        .collect()
}

/// The shortest stretch of text holding one match of every term that has one, in bytes.
fn span(matches: &[Vec<Range<usize>>]) -> usize {
    let found: Vec<&Vec<Range<usize>>> = matches.iter().filter(|m| !m.is_empty()).collect();
    let mut all: Vec<(usize, usize)> =
        found.iter().enumerate().flat_map(|(term, ranges)| ranges.iter().map(move |r| (r.start, term))).collect();
    all.sort_unstable();
    let mut best = usize::MAX;
    let mut counts = vec![0usize; found.len()];
    let (mut covered, mut left) = (0, 0);
    for right in 0..all.len() {
        counts[all[right].1] += 1;
        if counts[all[right].1] == 1 {
            covered += 1;
        }
        while covered == found.len() {
            best = best.min(all[right].0 - all[left].0);
            counts[all[left].1] -= 1;
            if counts[all[left].1] == 0 {
                covered -= 1;
            }
            left += 1;
        }
    }
    best
}

/// How a hit ranks, best first: terms found in its headings, occurrences in its text, the span
/// that holds them, its order in the article.
type Rank = (Reverse<usize>, Reverse<usize>, usize, usize);

/// The headings a passage stands under, which its words may match too.
pub fn headings(passage: &Passage) -> String {
    format!("{} · {}", passage.location.heading().unwrap_or_default(), passage.subsection.unwrap_or_default())
}

/// The passages that match `query`, best first, given as their texts and headings in reading
/// order (as the search page carries them): each one's index, and where the query's words stand
/// in its text, in order, not overlapping.
pub fn search_texts<'t>(
    passages: impl IntoIterator<Item = (&'t str, &'t str)>,
    query: &Query,
) -> Vec<(usize, Vec<Range<usize>>)> {
    if query.is_empty() {
        return Vec::new();
    }
    let mut hits: Vec<(Rank, usize, Vec<Range<usize>>)> = Vec::new();
    for (order, (text, headings)) in passages.into_iter().enumerate() {
        let (text, headings) = (FoldedText::new(text), FoldedText::new(headings));
        let in_text: Vec<Vec<Range<usize>>> = query.terms.iter().map(|term| find_term(&text, term)).collect();
        let in_headings: Vec<bool> = query.terms.iter().map(|term| !find_term(&headings, term).is_empty()).collect();
        if !in_text.iter().zip(&in_headings).all(|(found, in_heading)| !found.is_empty() || *in_heading) {
            continue;
        }
        let occurrences: usize = in_text.iter().map(Vec::len).sum();
        let mut marks: Vec<Range<usize>> = in_text.iter().flatten().cloned().collect();
        marks.sort_by_key(|range| (range.start, Reverse(range.end)));
        marks.dedup_by(|later, kept| {
            later.start < kept.end && {
                kept.end = kept.end.max(later.end);
                true
            }
        });
        let headings_matched = in_headings.iter().filter(|in_heading| **in_heading).count();
        let rank = (Reverse(headings_matched), Reverse(occurrences), span(&in_text), order);
        hits.push((rank, order, marks));
    }
    hits.sort_by_key(|(rank, _, _)| *rank);
    hits.into_iter().map(|(_, order, marks)| (order, marks)).collect()
}

/// "1 passage matches", "12 passages match".
pub fn result_count_text(count: usize) -> String {
    match count {
        1 => "1 passage matches".to_owned(),
        n => format!("{n} passages match"),
    }
}

/// What the page says when nothing matches.
pub const NO_RESULTS: &str = "No passage matches. Check the spelling, or try fewer or shorter words.";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Content;
    use crate::passages::passages;

    /// A passage the query found, and where its words stand in its text.
    struct Hit<'a> {
        passage: Passage<'a>,
        marks: Vec<Range<usize>>,
    }

    /// Every passage of `content` that matches `query`, best first, as the search page's
    /// passages are searched.
    fn search<'a>(content: &'a Content, query: &Query) -> Vec<Hit<'a>> {
        let all = passages(content);
        let all_headings: Vec<String> = all.iter().map(headings).collect();
        let texts = all.iter().zip(&all_headings).map(|(passage, headings)| (passage.text, headings.as_str()));
        search_texts(texts, query)
            .into_iter()
            .map(|(index, marks)| Hit { passage: all[index].clone(), marks })
            .collect()
    }

    fn content() -> Content {
        crate::parse(include_str!("../../../public/content/georgia.json")).unwrap()
    }

    fn found<'a>(hit: &Hit<'a>) -> Vec<&'a str> {
        hit.marks.iter().map(|range| &hit.passage.text[range.clone()]).collect()
    }

    #[test]
    fn reads_words_and_quoted_phrases() {
        let query = Query::parse(r#"  "Peaceful  Resolution" Ossétia “NATO Georgia” "#);
        assert_eq!(
            query.terms,
            vec![
                vec!["peaceful".to_owned(), "resolution".to_owned()],
                vec!["ossetia".to_owned()],
                vec!["nato".to_owned(), "georgia".to_owned()]
            ]
        );
        assert!(Query::parse("  \" \" ,.; ").is_empty());
        assert_eq!(Query::parse("\"open phrase").terms, vec![vec!["open".to_owned(), "phrase".to_owned()]]);
    }

    #[test]
    fn a_word_matches_at_the_start_of_words_whatever_the_case_and_accents() {
        let content = content();
        let hits = search(&content, &Query::parse("coop"));
        assert!(!hits.is_empty());
        assert!(
            hits.iter().flat_map(found).all(|word| word.to_lowercase().starts_with("coop")),
            "{:?}",
            hits.iter().flat_map(found).collect::<Vec<_>>()
        );
        let ossetia = search(&content, &Query::parse("OSSÉTIA"));
        assert!(ossetia.iter().flat_map(found).any(|word| word == "Ossetia"));
        assert!(
            search(&content, &Query::parse("operation"))
                .iter()
                .flat_map(found)
                .all(|w| w.to_lowercase().starts_with("operation")),
            "not inside “cooperation”"
        );
    }

    #[test]
    fn every_word_must_match() {
        let content = content();
        let both = search(&content, &Query::parse("abkhazia ossetia"));
        assert!(!both.is_empty());
        for hit in &both {
            let text = fold(hit.passage.text);
            assert!(text.contains("abkhazia") && text.contains("ossetia"), "{}", hit.passage.text);
        }
        assert!(search(&content, &Query::parse("abkhazia zzzz")).is_empty());
    }

    #[test]
    fn a_phrase_matches_only_as_a_phrase() {
        let content = content();
        let phrase = search(&content, &Query::parse("\"peaceful resolution\""));
        assert!(!phrase.is_empty());
        assert!(phrase.iter().flat_map(found).all(|text| fold(text) == "peaceful resolution"));
        let reversed = search(&content, &Query::parse("\"resolution peaceful\""));
        assert!(reversed.is_empty());
    }

    #[test]
    fn matches_in_headings_rank_first() {
        let content = content();
        let in_headings = |hit: &Hit| {
            hit.passage.location.heading().is_some_and(|heading| {
                fold(&format!("{heading} {}", hit.passage.subsection.unwrap_or_default())).contains("cooperation")
            })
        };
        let order: Vec<bool> = search(&content, &Query::parse("cooperation")).iter().map(in_headings).collect();
        assert!(order.contains(&true) && order.contains(&false), "{order:?}");
        assert!(order.windows(2).all(|pair| pair[0] || !pair[1]), "heading matches first: {order:?}");
    }

    #[test]
    fn the_closer_the_words_the_higher_the_passage() {
        let at = |starts: &[usize]| starts.iter().map(|&start| start..start + 2).collect::<Vec<_>>();
        assert_eq!(span(&[at(&[0, 50]), at(&[10])]), 10);
        assert_eq!(span(&[at(&[0]), at(&[]), at(&[7])]), 7);
        assert_eq!(span(&[at(&[4])]), 0);
    }

    #[test]
    fn counts_and_says_when_nothing_matches() {
        assert_eq!(result_count_text(1), "1 passage matches");
        assert_eq!(result_count_text(3), "3 passages match");
        assert!(search(&content(), &Query::parse("")).is_empty());
    }
}

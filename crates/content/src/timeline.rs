//! Key dates: every dated statement of the article, found in its text rather than written by
//! hand. Each sentence that names a year from 1900 to 2099 gives one entry per date it names,
//! as precise as the sentence is: "19 August 2008", "December 2020", "Spring 2025", "2014", or a
//! span of years ("between 2015 and 2024", "2015–2024"). Entries are grouped under their (first)
//! year, years in order, and inside a year the whole-year entries first, then the more precise
//! dates in order, then the article's order.

use crate::model::Content;
use crate::passages::{passages, Passage};
use crate::sentences::sentences;

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A date as precise as the article gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum When {
    Year(u16),
    Years(u16, u16),
    /// A season, by the month it starts in (spring 3, summer 6, autumn 9, winter 12).
    Season(u16, u8),
    Month(u16, u8),
    Day(u16, u8, u8),
}

impl When {
    /// The year it is listed under: its first.
    pub fn year(self) -> u16 {
        match self {
            When::Year(year)
            | When::Years(year, _)
            | When::Season(year, _)
            | When::Month(year, _)
            | When::Day(year, ..) => year,
        }
    }

    /// Its place inside its year: whole years first, then by month and day.
    fn order(self) -> (u8, u8) {
        match self {
            When::Year(_) | When::Years(..) => (0, 0),
            When::Season(_, month) | When::Month(_, month) => (month, 0),
            When::Day(_, month, day) => (month, day),
        }
    }

    /// As the page shows it: "19 August 2008", "Spring 2025", "2015–2024".
    pub fn label(self) -> String {
        let month = |m: u8| {
            let name = MONTHS[usize::from(m - 1)];
            name[..1].to_uppercase() + &name[1..]
        };
        match self {
            When::Year(year) => year.to_string(),
            When::Years(from, to) => format!("{from}–{to}"),
            When::Season(year, start) => {
                let season = match start {
                    3 => "Spring",
                    6 => "Summer",
                    9 => "Autumn",
                    _ => "Winter",
                };
                format!("{season} {year}")
            }
            When::Month(year, m) => format!("{} {year}", month(m)),
            When::Day(year, m, day) => format!("{day} {} {year}", month(m)),
        }
    }
}

/// One dated statement: the date, the sentence, and the passage it is in (for its link).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyDate<'a> {
    pub when: When,
    pub sentence: &'a str,
    pub passage: Passage<'a>,
}

fn year_of(word: &str) -> Option<u16> {
    word.parse().ok().filter(|year| (1900..=2099).contains(year) && word.len() == 4)
}

fn month_of(word: &str) -> Option<u8> {
    MONTHS.iter().position(|name| name.eq_ignore_ascii_case(word)).map(|index| index as u8 + 1)
}

fn season_of(word: &str) -> Option<u8> {
    match word.to_ascii_lowercase().as_str() {
        "spring" => Some(3),
        "summer" => Some(6),
        "autumn" | "fall" => Some(9),
        "winter" => Some(12),
        _ => None,
    }
}

/// Every date a sentence names, in its order.
pub fn dates_in(sentence: &str) -> Vec<When> {
    // Words, with whether a dash joins each to the next ("2015–2024").
    let mut words: Vec<(&str, bool)> = Vec::new();
    let mut rest = sentence;
    while let Some(start) = rest.find(|c: char| c.is_alphanumeric()) {
        rest = &rest[start..];
        let end = rest.find(|c: char| !c.is_alphanumeric()).unwrap_or(rest.len());
        let dash = rest[end..].starts_with(['–', '-']) && rest[end..].chars().nth(1).is_some_and(char::is_alphanumeric);
        words.push((&rest[..end], dash));
        rest = &rest[end..];
    }
    let word = |i: usize| words.get(i).map_or("", |(w, _)| *w);
    let mut found = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let Some(year) = year_of(word(i)) else {
            i += 1;
            continue;
        };
        let spans_to = |j: usize| year_of(word(j)).filter(|end| *end > year);
        let before = |k: usize| i.checked_sub(k).map_or("", word);
        if let (true, Some(end)) = (words[i].1, spans_to(i + 1)) {
            found.push(When::Years(year, end));
            i += 2;
            continue;
        }
        let opens_span = ["between", "from"].iter().any(|w| before(1).eq_ignore_ascii_case(w));
        if let (true, true, Some(end)) =
            (opens_span, ["and", "to"].iter().any(|w| word(i + 1).eq_ignore_ascii_case(w)), spans_to(i + 2))
        {
            found.push(When::Years(year, end));
            i += 3;
            continue;
        }
        let when = match (
            month_of(before(1)),
            before(2).parse::<u8>().ok().filter(|d| (1..=31).contains(d)),
            season_of(before(1)),
        ) {
            (Some(month), Some(day), _) => When::Day(year, month, day),
            (Some(month), None, _) => When::Month(year, month),
            (None, _, Some(season)) => When::Season(year, season),
            _ => When::Year(year),
        };
        found.push(when);
        i += 1;
    }
    found
}

/// Every dated statement of the article, in the timeline's order.
pub fn key_dates(content: &Content) -> Vec<KeyDate<'_>> {
    let mut dates: Vec<KeyDate> = Vec::new();
    for passage in passages(content) {
        for sentence in sentences(passage.text) {
            for when in dates_in(sentence) {
                dates.push(KeyDate { when, sentence, passage: passage.clone() });
            }
        }
    }
    // A stable sort: the same date keeps the article's order.
    dates.sort_by_key(|date| (date.when.year(), date.when.order()));
    dates
}

/// The years the article names where no sentence holds them (in headings): the timeline cannot
/// list them, and the editors' check says so.
pub fn unattached_years(content: &Content) -> Vec<(String, u16)> {
    let headings = content
        .sections
        .iter()
        .flat_map(|section| std::iter::once(&section.heading).chain(section.subsections.iter().map(|s| &s.heading)));
    std::iter::once(&content.title)
        .chain(headings)
        .flat_map(|heading| {
            heading
                .split(|c: char| !c.is_alphanumeric())
                .filter_map(year_of)
                .map(|year| (heading.clone(), year))
                .collect::<Vec<_>>()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_each_date_as_precisely_as_the_sentence_gives_it() {
        assert_eq!(
            dates_in("At an emergency meeting on 19 August 2008, NATO Foreign Ministers met."),
            [When::Day(2008, 8, 19)]
        );
        assert_eq!(dates_in("It was endorsed by Foreign Ministers in December 2020."), [When::Month(2020, 12)]);
        assert_eq!(dates_in("The next one is scheduled to be held in Spring 2025."), [When::Season(2025, 3)]);
        assert_eq!(dates_in("First launched in 2014, the package grew."), [When::Year(2014)]);
        assert_eq!(
            dates_in("Prior to this, between 2015 and 2024, Georgia declared units."),
            [When::Years(2015, 2024)]
        );
        assert_eq!(dates_in("In 2015–2024 and from 1999 to 2003."), [When::Years(2015, 2024), When::Years(1999, 2003)]);
        assert_eq!(dates_in("At the 2022 Madrid Summit, in March 2022."), [When::Year(2022), When::Month(2022, 3)]);
        assert!(dates_in("12 initiatives, 3 of which, and 1899 or 2100 or 20200.").is_empty());
        assert_eq!(dates_in("May 2019 and may 2019."), [When::Month(2019, 5), When::Month(2019, 5)]);
    }

    #[test]
    fn labels_read_as_the_article_writes_dates() {
        assert_eq!(When::Day(2008, 8, 19).label(), "19 August 2008");
        assert_eq!(When::Month(2020, 12).label(), "December 2020");
        assert_eq!(When::Season(2025, 3).label(), "Spring 2025");
        assert_eq!(When::Years(2015, 2024).label(), "2015–2024");
        assert_eq!(When::Year(2014).label(), "2014");
    }

    #[test]
    fn the_article_gives_a_timeline_in_order() {
        let content = crate::parse(include_str!("../../../public/content/georgia.json")).unwrap();
        let dates = key_dates(&content);
        assert!(dates.len() >= 10, "{}", dates.len());
        let keys: Vec<_> = dates.iter().map(|d| (d.when.year(), d.when.order())).collect();
        assert!(keys.windows(2).all(|pair| pair[0] <= pair[1]), "{keys:?}");
        let labels: Vec<String> = dates.iter().map(|d| d.when.label()).collect();
        for expected in [
            "19 August 2008",
            "27 August 2008",
            "October 2010",
            "December 2020",
            "March 2022",
            "Spring 2025",
            "2015–2024",
        ] {
            assert!(labels.iter().any(|label| label == expected), "{expected} in {labels:?}");
        }
        let august = labels.iter().position(|l| l == "19 August 2008").unwrap();
        assert_eq!(labels[august + 1], "27 August 2008");
        assert!(dates.iter().all(|d| d.passage.text.contains(d.sentence)));
    }

    #[test]
    fn a_sentence_naming_several_dates_appears_once_for_each() {
        let content = crate::parse(include_str!("../../../public/content/georgia.json")).unwrap();
        let dates = key_dates(&content);
        for date in &dates {
            let named = dates_in(date.sentence).len();
            let listed = dates.iter().filter(|d| d.sentence == date.sentence && d.passage == date.passage).count();
            assert_eq!(named, listed, "{}", date.sentence);
        }
    }
}

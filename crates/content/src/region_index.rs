//! The region pages' model: every place with its kind, parent, children and mentions (computed
//! from the text), the region list as the `/regions` island filters it ([`RegionList`]: only
//! what the list shows and matches, small enough to travel with the page), and the filter/sort
//! query that the `/regions` URL carries.

use serde::{Deserialize, Serialize};

use crate::folding::fold;
use crate::model::Content;
use crate::places::{mentions_by_place, names_match, Mention, Place, PlaceKind};

/// A place as the region pages show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegionEntry {
    pub place: Place,
    pub kind_name: String,
    /// The parent's slug and name.
    pub parent: Option<(String, String)>,
    /// The children's slugs and names, in content order.
    pub children: Vec<(String, String)>,
    pub mentions: Vec<Mention>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegionIndex {
    pub kinds: Vec<PlaceKind>,
    pub entries: Vec<RegionEntry>,
}

/// A place as the region list shows it and matches it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionListItem {
    pub slug: String,
    pub name: String,
    pub alternative_names: Vec<String>,
    /// The id of its kind.
    pub kind: String,
    pub kind_name: String,
    /// The parent's name.
    pub parent: Option<String>,
    /// How many passages name it.
    pub mentions: usize,
}

/// The region list: the kinds to toggle and every place, in content order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionList {
    pub kinds: Vec<PlaceKind>,
    pub items: Vec<RegionListItem>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SortOrder {
    #[default]
    Name,
    /// Most mentioned first; ties by name.
    Mentions,
}

impl SortOrder {
    pub fn as_param(self) -> &'static str {
        match self {
            SortOrder::Name => "name",
            SortOrder::Mentions => "mentions",
        }
    }

    pub fn from_param(param: &str) -> Self {
        if param == "mentions" {
            SortOrder::Mentions
        } else {
            SortOrder::Name
        }
    }
}

/// What the visitor asked the region list for: `?q=oss&kind=georgia,partners&sort=mentions`.
/// No kind selected means every kind.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RegionQuery {
    pub filter: String,
    pub kinds: Vec<String>,
    pub sort: SortOrder,
}

/// Percent-encodes a query value (everything but unreserved characters).
pub fn encode_query_value(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

impl RegionQuery {
    /// From the URL's decoded query values; kinds not in `known` are dropped.
    pub fn from_params(filter: Option<&str>, kinds: Option<&str>, sort: Option<&str>, known: &[PlaceKind]) -> Self {
        let kinds = kinds
            .unwrap_or_default()
            .split(',')
            .filter(|kind| known.iter().any(|known| known.id == *kind))
            .map(str::to_owned)
            .collect();
        Self {
            filter: filter.unwrap_or_default().to_owned(),
            kinds,
            sort: SortOrder::from_param(sort.unwrap_or_default()),
        }
    }

    /// The query string for the URL, without defaults: `""` or `?q=oss&sort=mentions`.
    pub fn to_query_string(&self) -> String {
        let mut params = Vec::new();
        if !self.filter.is_empty() {
            params.push(format!("q={}", encode_query_value(&self.filter)));
        }
        if !self.kinds.is_empty() {
            params.push(format!("kind={}", encode_query_value(&self.kinds.join(","))));
        }
        if self.sort != SortOrder::default() {
            params.push(format!("sort={}", self.sort.as_param()));
        }
        if params.is_empty() {
            String::new()
        } else {
            format!("?{}", params.join("&"))
        }
    }

    pub fn toggle_kind(&mut self, kind: &str) {
        if let Some(at) = self.kinds.iter().position(|k| k == kind) {
            self.kinds.remove(at);
        } else {
            self.kinds.push(kind.to_owned());
        }
    }
}

impl RegionIndex {
    /// Builds the index, computing every place's mentions from the article's text.
    pub fn build(content: &Content) -> Self {
        let name_of = |slug: &str| content.place(slug).map(|p| (p.slug.clone(), p.name.clone()));
        let entries = content
            .places
            .iter()
            .zip(mentions_by_place(content))
            .map(|(place, mentions)| RegionEntry {
                place: place.clone(),
                kind_name: content.place_kind(&place.kind).map(|k| k.name.clone()).unwrap_or_default(),
                parent: place.parent.as_deref().and_then(name_of),
                children: content
                    .places
                    .iter()
                    .filter(|child| child.parent.as_deref() == Some(place.slug.as_str()))
                    .map(|child| (child.slug.clone(), child.name.clone()))
                    .collect(),
                mentions,
            })
            .collect();
        Self { kinds: content.place_kinds.clone(), entries }
    }

    pub fn get(&self, slug: &str) -> Option<&RegionEntry> {
        self.entries.iter().find(|entry| entry.place.slug == slug)
    }

    /// The list the `/regions` page shows and filters.
    pub fn list(&self) -> RegionList {
        let items = self
            .entries
            .iter()
            .map(|entry| RegionListItem {
                slug: entry.place.slug.clone(),
                name: entry.place.name.clone(),
                alternative_names: entry.place.alternative_names.clone(),
                kind: entry.place.kind.clone(),
                kind_name: entry.kind_name.clone(),
                parent: entry.parent.as_ref().map(|(_, name)| name.clone()),
                mentions: entry.mentions.len(),
            })
            .collect();
        RegionList { kinds: self.kinds.clone(), items }
    }
}

impl RegionListItem {
    fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.alternative_names.iter().map(String::as_str))
    }
}

impl RegionList {
    /// The places the query selects, in its order.
    pub fn select(&self, query: &RegionQuery) -> Vec<&RegionListItem> {
        let mut selected: Vec<&RegionListItem> = self
            .items
            .iter()
            .filter(|item| query.kinds.is_empty() || query.kinds.contains(&item.kind))
            .filter(|item| names_match(item.names(), &query.filter))
            .collect();
        let by_name = |a: &&RegionListItem, b: &&RegionListItem| fold(&a.name).cmp(&fold(&b.name));
        match query.sort {
            SortOrder::Name => selected.sort_by(by_name),
            SortOrder::Mentions => selected.sort_by(|a, b| b.mentions.cmp(&a.mentions).then_with(|| by_name(a, b))),
        }
        selected
    }
}

/// "1 region matches", "4 regions match".
pub fn match_count_text(count: usize) -> String {
    match count {
        1 => "1 region matches".to_owned(),
        n => format!("{n} regions match"),
    }
}

/// "1 mention", "4 mentions".
pub fn mention_count_text(count: usize) -> String {
    match count {
        1 => "1 mention".to_owned(),
        n => format!("{n} mentions"),
    }
}

//! Leptos writes comments where hydration needs them: `<!>` to tell apart two pieces of a view
//! (two texts, a list's end), `<!--<() />-->` for a view of nothing. Only islands hydrate:
//! outside them the comments only cost bytes, and are dropped (the site's markup has none of
//! its own); inside, `<!>` is written `<!---->`, the same empty comment in a form HTML allows
//! (`<!>` is a parse error). An island's children are static again.

const MARKER: &str = "<!>";
const COMMENT: &str = "<!---->";
const COMMENT_START: &str = "<!--";
const COMMENT_END: &str = "-->";
const OPENS: [&str; 2] = ["<leptos-island", "<leptos-children"];
const CLOSES: [&str; 2] = ["</leptos-island>", "</leptos-children>"];

/// The rendered body with its markers as hydration needs them.
pub fn clean_markers(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    // Whether each open wrapper is an island (its markers hydrate) or an island's children.
    let mut open: Vec<bool> = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let in_island = open.last() == Some(&true);
        if rest.starts_with(MARKER) {
            if in_island {
                out.push_str(COMMENT);
            }
            rest = &rest[MARKER.len()..];
            continue;
        }
        if !in_island && rest.starts_with(COMMENT_START) {
            if let Some(end) = rest[COMMENT_START.len()..].find(COMMENT_END) {
                rest = &rest[COMMENT_START.len() + end + COMMENT_END.len()..];
                continue;
            }
        }
        if let Some(kind) = OPENS.iter().position(|tag| rest.starts_with(tag)) {
            open.push(kind == 0);
        } else if CLOSES.iter().any(|tag| rest.starts_with(tag)) {
            open.pop();
        }
        out.push('<');
        rest = &rest[1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::clean_markers;

    #[test]
    fn markers_go_outside_islands_and_become_comments_inside() {
        let html = "<p>NATO · <!>Georgia<!></p><!--<() />--><leptos-island data-component=\"A\"><button>Dismiss<!></button>\
                    <leptos-children><p>a<!>b</p></leptos-children><!><!--<() />--></leptos-island><ul><li>x</li><!></ul>";
        assert_eq!(
            clean_markers(html),
            "<p>NATO · Georgia</p><leptos-island data-component=\"A\"><button>Dismiss<!----></button>\
             <leptos-children><p>ab</p></leptos-children><!----><!--<() />--></leptos-island><ul><li>x</li></ul>"
        );
    }
}

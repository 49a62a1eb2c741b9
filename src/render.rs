//! Renders a page of the site into the build's shell (trunk's `index.html` with the loader in
//! it): the page's title and description into the head, and into `<body>` the frame with the
//! page, marked with what the loader needs — the bundle of browser code the page's islands are
//! in, and whether "Return to the page you were on" may lead back here.

use std::sync::Arc;

use futures::StreamExt;
use leptos::prelude::*;
use leptos_meta::ServerMetaContext;
use nato_georgia_content::region_index::RegionIndex;
use nato_georgia_content::Content;
use nato_georgia_web::content_file::LoadError;
use nato_georgia_web::paths::SitePaths;
use nato_georgia_web::routes::Bundle;
use nato_georgia_web::shared_names::marks;

use crate::app::Frame;
use crate::components::error_page::{ErrorPage, TITLE};
use crate::context::CurrentPath;
use crate::markers::clean_markers;

/// Everything every page is made from.
pub struct Site {
    pub content: Arc<Content>,
    pub index: Arc<RegionIndex>,
    pub paths: SitePaths,
    /// The build's `index.html`, whose `<body>` each page replaces.
    pub shell: String,
}

/// What the loader is told about a page.
pub struct PageMarks {
    pub bundle: Bundle,
    pub return_point: bool,
}

impl PageMarks {
    fn attributes(&self) -> String {
        let mut attributes = format!(r#"{}="{}""#, marks::BUNDLE, self.bundle.name());
        if self.return_point {
            attributes.push_str(&format!(" {}", marks::RETURN_POINT));
        }
        attributes
    }
}

/// The shell with its `<body>` replaced and its own `<title>` removed (the page's comes with
/// its meta tags).
fn page_template(shell: &str, body_attributes: &str, body_html: &str) -> Result<String, String> {
    let body_start = shell.find("<body").ok_or("the shell has no <body>")?;
    let body_end = shell.rfind("</body>").ok_or("the shell has no </body>")?;
    let head = &shell[..body_start];
    let title_start = head.find("<title>").ok_or("the shell has no <title>")?;
    let title_end = head.find("</title>").ok_or("the shell's <title> is not closed")? + "</title>".len();
    Ok(format!(
        "{}{}<body {body_attributes}>{}{}",
        &head[..title_start],
        &head[title_end..],
        clean_markers(body_html),
        &shell[body_end..]
    ))
}

impl Site {
    /// The page at `path` (below the base; none for "Page not found"), `page` rendered in the
    /// frame.
    pub fn render(
        &self,
        path: Option<&str>,
        marks: PageMarks,
        page: impl FnOnce() -> AnyView,
    ) -> Result<String, String> {
        let owner = Owner::new_root(Some(Arc::new(hydration_context::SsrSharedContext::new_islands())));
        owner.with(|| {
            provide_context(self.content.clone());
            provide_context(self.index.clone());
            provide_context(self.paths.clone());
            provide_context(CurrentPath(path.map(|path| format!("{}{path}", self.paths.base()))));
            leptos_meta::provide_meta_context();
            let (meta, meta_output) = ServerMetaContext::new();
            provide_context(meta);
            let page = page();
            let html = view! { <Frame>{page}</Frame> }.to_html();
            let page = page_template(&self.shell, &marks.attributes(), &html)?;
            Ok(futures::executor::block_on(async move {
                meta_output.inject_meta_context(futures::stream::iter([page])).await.collect::<String>().await
            }))
        })
    }
}

/// The page a development build shows in place of every page while the content file cannot be
/// used.
pub fn error_page(shell: &str, error: LoadError) -> Result<String, String> {
    let owner = Owner::new_root(Some(Arc::new(hydration_context::SsrSharedContext::new_islands())));
    owner.with(|| {
        let marks = PageMarks { bundle: Bundle::Frame, return_point: false };
        let page = page_template(shell, &marks.attributes(), &view! { <ErrorPage error /> }.to_html())?;
        let head_end = page.find("</head>").ok_or("the shell has no </head>")?;
        Ok(format!("{}<title>{TITLE}</title>{}", &page[..head_end], &page[head_end..]))
    })
}

//! `check-content [FILE]`: tells an editor whether the content file is usable and where it has
//! gaps. Exits 1 on errors; warnings alone exit 0.

use std::process::ExitCode;

fn main() -> ExitCode {
    let path = std::env::args().nth(1).unwrap_or_else(|| "public/content/georgia.json".into());
    let json = match std::fs::read_to_string(&path) {
        Ok(json) => json,
        Err(error) => {
            eprintln!("error: cannot read {path}: {error}");
            return ExitCode::FAILURE;
        }
    };
    let content = match nato_georgia_content::parse(&json) {
        Ok(content) => content,
        Err(error) => {
            eprintln!("error: {path} {error}");
            return ExitCode::FAILURE;
        }
    };
    let report = nato_georgia_content::check(&content);
    for warning in &report.warnings {
        println!("warning: {warning}");
    }
    for error in &report.errors {
        eprintln!("error: {error}");
    }
    println!("{} dated statements on the timeline", nato_georgia_content::timeline::key_dates(&content).len());
    println!(
        "{path}: {} sections, {} errors, {} warnings",
        content.sections.len(),
        report.errors.len(),
        report.warnings.len()
    );
    if report.is_usable() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

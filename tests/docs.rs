//! The docs name files that exist: every `src/…`, `tests/…`, `docs/…`, `bench/…` or `scripts/…`
//! path written in backquotes in docs/architecture.md and README.md; and the architecture page's
//! "where things live" table answers a newcomer's first questions with one file each.

use std::path::Path;

/// The backquoted paths of a Markdown text that point into the repository.
fn named_paths(text: &str) -> Vec<String> {
    let roots = ["src/", "tests/", "docs/", "bench/", "scripts/", "www/"];
    text.split('`')
        .skip(1)
        .step_by(2)
        .filter(|quoted| roots.iter().any(|root| quoted.starts_with(root)))
        .filter(|quoted| !quoted.contains(['*', ' ', '…']))
        .map(|quoted| quoted.trim_end_matches([',', '.', ')']).to_string())
        .collect()
}

fn check(doc: &str) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join(doc)).expect("the doc is readable");
    let paths = named_paths(&text);
    assert!(!paths.is_empty(), "{doc} names files");
    // Built files are named by what builds them; only sources must exist in the tree.
    let built = ["www/pkg", "www/embed.js", "www/widget.css"];
    let missing: Vec<&String> = paths
        .iter()
        .filter(|p| !built.iter().any(|b| p.starts_with(b)))
        .filter(|p| !root.join(p).exists())
        .collect();
    assert!(
        missing.is_empty(),
        "{doc} names files that do not exist: {missing:?}"
    );
}

#[test]
fn the_architecture_page_names_files_that_exist() {
    check("docs/architecture.md");
}

#[test]
fn the_readme_names_files_that_exist() {
    check("README.md");
}

#[test]
fn paths_are_found_in_backquotes_only() {
    let text = "see `src/view.rs` and src/none.rs, `cargo test`, `tests/e2e/`.";
    assert_eq!(named_paths(text), ["src/view.rs", "tests/e2e/"]);
}

/// The rows of the Markdown table under `heading`: each row's cells, trimmed.
fn table_rows(text: &str, heading: &str) -> Vec<Vec<String>> {
    text.lines()
        .skip_while(|line| line.trim() != heading)
        .skip(1)
        .skip_while(|line| !line.starts_with('|'))
        .take_while(|line| line.starts_with('|'))
        .skip(2)
        .map(|line| {
            line.trim_matches('|')
                .split('|')
                .map(|cell| cell.trim().to_string())
                .collect()
        })
        .collect()
}

/// The one repository path a "where things live" row answers with, or why it does not.
fn one_file(rows: &[Vec<String>], question: &str) -> Result<String, String> {
    let row = rows
        .iter()
        .find(|row| row.first().is_some_and(|q| q == question))
        .ok_or_else(|| format!("no row asks {question:?}"))?;
    let answer = row.get(1).map(String::as_str).unwrap_or("");
    match named_paths(answer).as_slice() {
        [one] if !one.ends_with('/') => Ok(one.clone()),
        paths => Err(format!(
            "{question:?} is answered by {paths:?}, not one file"
        )),
    }
}

const FIRST_QUESTIONS: [&str; 3] = [
    "where is the hover tooltip's text made?",
    "where is a slice's angle computed?",
    "where is a dataset validated?",
];

#[test]
fn the_first_questions_are_each_answered_by_one_file_that_exists() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("docs/architecture.md")).expect("readable");
    let rows = table_rows(&text, "## Where things live");
    assert!(
        rows.len() >= FIRST_QUESTIONS.len(),
        "the table is found: {rows:?}"
    );
    for question in FIRST_QUESTIONS {
        let file = one_file(&rows, question).unwrap_or_else(|why| panic!("{why}"));
        assert!(
            root.join(&file).is_file(),
            "{question:?}: {file} is not a file"
        );
    }
}

#[test]
fn a_question_answered_by_several_files_or_none_is_refused() {
    let text = "## Where things live\n\n| question | file |\n|---|---|\n\
                | one? | `src/describe.rs` |\n\
                | two? | `src/format.rs`, `src/i18n.rs` |\n\
                | folder? | `src/dataset/validate/` |\n\nafter\n";
    let rows = table_rows(text, "## Where things live");
    assert_eq!(rows.len(), 3);
    assert_eq!(one_file(&rows, "one?"), Ok("src/describe.rs".to_string()));
    assert!(one_file(&rows, "two?").is_err());
    assert!(one_file(&rows, "folder?").is_err());
    assert!(one_file(&rows, "missing?").is_err());
}

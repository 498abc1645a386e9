//! The docs name files that exist: every `src/…`, `tests/…`, `docs/…`, `bench/…` or `scripts/…`
//! path written in backquotes in docs/architecture.md and README.md.

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

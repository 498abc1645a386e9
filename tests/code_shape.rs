//! The shape of `src/`: no import cycle between modules, no file over 500 lines, no function over
//! 100, a `//!` of one to three lines atop each file. Read from the text: modules from files,
//! imports from `crate::`, `super::`, `self::` and child-module paths, bodies by brace matching.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const MAX_FILE_LINES: usize = 500;
const MAX_FUNCTION_LINES: usize = 100;

/// One source file: its module path (`["web", "widget"]`) and its text.
struct SourceFile {
    module: Vec<String>,
    name: String,
    text: String,
}

/// The text with comments blanked and string and char literals emptied, newlines kept, so that
/// braces and paths inside them count for nothing and line numbers stay.
fn code_only(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let blank = |c: char| if c == '\n' { '\n' } else { ' ' };
    while let Some(&c) = chars.get(i) {
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while let Some(&c) = chars.get(i) {
                if c == '\n' {
                    break;
                }
                out.push(' ');
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while let Some(&c) = chars.get(i) {
                let next = chars.get(i + 1).copied();
                if c == '/' && next == Some('*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if c == '*' && next == Some('/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(blank(c));
                    i += 1;
                }
            }
        } else if c == 'r' && matches!(next, Some('#') | Some('"')) && !ident_before(&chars, i) {
            // A raw string: r"…", r#"…"#.
            let hashes = chars[i + 1..].iter().take_while(|&&c| c == '#').count();
            if chars.get(i + 1 + hashes) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            let end: String = std::iter::once('"')
                .chain(std::iter::repeat_n('#', hashes))
                .collect();
            out.push('"');
            i += 2 + hashes;
            while i < chars.len() {
                if chars[i..].starts_with(&end.chars().collect::<Vec<_>>()) {
                    i += end.chars().count();
                    break;
                }
                out.push(blank(chars[i]));
                i += 1;
            }
            out.push('"');
        } else if c == '"' {
            out.push('"');
            i += 1;
            while let Some(&c) = chars.get(i) {
                i += 1;
                if c == '\\' {
                    out.push(' ');
                    if let Some(&escaped) = chars.get(i) {
                        out.push(blank(escaped));
                    }
                    i += 1;
                } else if c == '"' {
                    break;
                } else {
                    out.push(blank(c));
                }
            }
            out.push('"');
        } else if c == '\'' {
            // A char literal ('x', '\n', '\u{1F600}') or a lifetime ('a).
            let literal_end = match (next, chars.get(i + 2)) {
                (Some('\\'), _) => chars[i + 2..]
                    .iter()
                    .position(|&c| c == '\'')
                    .map(|p| i + 2 + p),
                (Some(_), Some('\'')) => Some(i + 2),
                _ => None,
            };
            match literal_end {
                Some(end) => {
                    out.push_str("' '");
                    i = end + 1;
                }
                None => {
                    out.push(c);
                    i += 1;
                }
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn ident_before(chars: &[char], i: usize) -> bool {
    i > 0
        && chars
            .get(i - 1)
            .is_some_and(|c| c.is_alphanumeric() || *c == '_')
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The words of the code (identifiers, `::`, braces and other punctuation one char each).
fn tokens(code: &str) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    for (number, line) in code.lines().enumerate() {
        let chars: Vec<char> = line.chars().collect();
        let mut i = 0;
        while let Some(&c) = chars.get(i) {
            if is_ident(c) {
                let start = i;
                while chars.get(i).is_some_and(|&c| is_ident(c)) {
                    i += 1;
                }
                out.push((chars[start..i].iter().collect(), number + 1));
            } else if c == ':' && chars.get(i + 1) == Some(&':') {
                out.push(("::".to_string(), number + 1));
                i += 2;
            } else {
                if !c.is_whitespace() {
                    out.push((c.to_string(), number + 1));
                }
                i += 1;
            }
        }
    }
    out
}

/// Modules a file's code names, as module paths, resolved against `modules` (the longest known
/// prefix of each path). `here` is the file's module; `children` its declared child modules.
fn imports(here: &[String], code: &str, modules: &BTreeSet<Vec<String>>) -> BTreeSet<Vec<String>> {
    let tokens = tokens(code);
    let words: Vec<&str> = tokens.iter().map(|(t, _)| t.as_str()).collect();
    let mut found = BTreeSet::new();
    // Inline modules (`mod tests { … }`) open at these brace depths: `super` there is the file.
    let mut inline_at: Vec<usize> = Vec::new();
    let mut depth = 0;
    // Inside `use a::{b, c::d}`: the prefix of each brace group.
    let mut use_prefixes: Vec<(usize, Vec<String>)> = Vec::new();
    let mut in_use = false;
    let mut i = 0;
    while let Some(&word) = words.get(i) {
        match word {
            "{" => {
                depth += 1;
                if words.get(i.wrapping_sub(2)) == Some(&"mod") {
                    inline_at.push(depth);
                }
            }
            "}" => {
                if inline_at.last() == Some(&depth) {
                    inline_at.pop();
                }
                use_prefixes.retain(|(d, _)| *d < depth);
                depth = depth.saturating_sub(1);
            }
            ";" => in_use = false,
            "use" => in_use = true,
            _ => {}
        }
        let starts_word = is_ident(word.chars().next().unwrap_or(' '));
        let after_separator = words.get(i.wrapping_sub(1)) == Some(&"::");
        // In `use a::{b, c}`, `b` and `c` are paths too.
        let in_group = in_use
            && !use_prefixes.is_empty()
            && matches!(words.get(i.wrapping_sub(1)), Some(&"{") | Some(&","));
        let path_start =
            starts_word && !after_separator && (words.get(i + 1) == Some(&"::") || in_group);
        if !path_start {
            i += 1;
            continue;
        }
        let mut path = vec![word.to_string()];
        let mut j = i + 1;
        let mut opens_group = false;
        while words.get(j) == Some(&"::") {
            match words.get(j + 1) {
                Some(&"{") => {
                    opens_group = true;
                    break;
                }
                Some(&segment) if is_ident(segment.chars().next().unwrap_or(' ')) => {
                    path.push(segment.to_string());
                    j += 2;
                }
                _ => break,
            }
        }
        // A path inside a `use` brace group continues that group's prefix.
        let prefix = if in_group || (in_use && !use_prefixes.is_empty()) {
            use_prefixes.last().map(|(_, p)| p.clone())
        } else {
            None
        };
        let full: Vec<String> = match prefix {
            Some(prefix) if path.first().is_some_and(|s| s != "crate") => {
                prefix.into_iter().chain(path).collect()
            }
            _ => path,
        };
        if opens_group {
            use_prefixes.push((depth + 1, full.clone()));
        }
        if let Some(target) = resolve(here, inline_at.len(), &full, modules) {
            if target != here {
                found.insert(target);
            }
        }
        i = j.max(i + 1);
    }
    found
}

/// The module a path names, if it names one of ours.
fn resolve(
    here: &[String],
    inline_depth: usize,
    path: &[String],
    modules: &BTreeSet<Vec<String>>,
) -> Option<Vec<String>> {
    let mut base: Vec<String> = here.to_vec();
    let mut rest = path;
    match path.first().map(String::as_str) {
        Some("crate") => {
            base.clear();
            rest = &path[1..];
        }
        Some("super") => {
            let mut levels: usize = 0;
            while rest.first().map(String::as_str) == Some("super") {
                levels += 1;
                rest = &rest[1..];
            }
            // Out of inline modules first: they live inside this file.
            let out_of_file = levels.saturating_sub(inline_depth);
            for _ in 0..out_of_file {
                base.pop()?;
            }
        }
        Some("self") => rest = &path[1..],
        Some(_) => {
            // A child module named directly (`events::attach`), else not ours.
            let mut child = here.to_vec();
            child.push(path[0].clone());
            if !modules.contains(&child) {
                return None;
            }
        }
        None => return None,
    }
    let mut best = None;
    let mut candidate = base.clone();
    if modules.contains(&candidate) {
        best = Some(candidate.clone());
    }
    for segment in rest {
        candidate.push(segment.clone());
        if modules.contains(&candidate) {
            best = Some(candidate.clone());
        }
    }
    best
}

/// The modules reachable from `from` (itself only through a cycle).
fn reachable(from: &Graph, start: &Vec<String>) -> BTreeSet<Vec<String>> {
    let mut seen = BTreeSet::new();
    let mut todo: Vec<&Vec<String>> = from.get(start).into_iter().flatten().collect();
    while let Some(node) = todo.pop() {
        if seen.insert(node.clone()) {
            todo.extend(from.get(node).into_iter().flatten());
        }
    }
    seen
}

/// Every group of modules that import each other, round or through others: each one a cycle.
fn cycles(graph: &Graph) -> Vec<Vec<String>> {
    let reach: BTreeMap<&Vec<String>, BTreeSet<Vec<String>>> =
        graph.keys().map(|n| (n, reachable(graph, n))).collect();
    let mut groups: BTreeSet<Vec<String>> = BTreeSet::new();
    for (node, from_node) in &reach {
        if !from_node.contains(*node) {
            continue;
        }
        let group: Vec<String> = from_node
            .iter()
            .filter(|other| reach.get(other).is_some_and(|r| r.contains(*node)))
            .map(|m| name(m))
            .collect();
        groups.insert(group);
    }
    groups.into_iter().collect()
}

type Graph = BTreeMap<Vec<String>, BTreeSet<Vec<String>>>;

fn name(module: &[String]) -> String {
    std::iter::once("crate")
        .chain(module.iter().map(String::as_str))
        .collect::<Vec<_>>()
        .join("::")
}

/// The import graph of some files.
fn graph_of(files: &[SourceFile]) -> Graph {
    let modules: BTreeSet<Vec<String>> = files.iter().map(|f| f.module.clone()).collect();
    files
        .iter()
        .map(|f| {
            let code = code_only(&f.text);
            (f.module.clone(), imports(&f.module, &code, &modules))
        })
        .collect()
}

/// Functions longer than `limit` lines, as `file:line name (n lines)`.
fn long_functions(file: &str, text: &str, limit: usize) -> Vec<String> {
    let tokens = tokens(&code_only(text));
    let mut found = Vec::new();
    for (at, (word, line)) in tokens.iter().enumerate() {
        let named = tokens
            .get(at + 1)
            .is_some_and(|(n, _)| n.chars().next().is_some_and(is_ident));
        if word != "fn" || !named {
            continue;
        }
        // The body opens at the first `{` outside parentheses and angle brackets; a `;` first
        // means a declaration without a body.
        let mut parens = 0i32;
        let mut body = None;
        for (k, (t, _)) in tokens.iter().enumerate().skip(at + 2) {
            match t.as_str() {
                "(" | "[" => parens += 1,
                ")" | "]" => parens -= 1,
                "{" if parens == 0 => {
                    body = Some(k);
                    break;
                }
                ";" if parens == 0 => break,
                _ => {}
            }
        }
        let Some(open) = body else { continue };
        let mut depth = 0;
        for (t, end_line) in tokens.iter().skip(open) {
            match t.as_str() {
                "{" => depth += 1,
                "}" => {
                    depth -= 1;
                    if depth == 0 {
                        let lines = end_line - line + 1;
                        if lines > limit {
                            let fn_name = &tokens[at + 1].0;
                            found.push(format!("{file}:{line} {fn_name} ({lines} lines)"));
                        }
                        break;
                    }
                }
                _ => {}
            }
        }
    }
    found
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every `.rs` file of `src/`, with its module path.
fn crate_files() -> Vec<SourceFile> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut paths = Vec::new();
    rust_files(&src, &mut paths);
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let relative = path.strip_prefix(&src).unwrap_or(&path);
            let mut module: Vec<String> = relative
                .with_extension("")
                .iter()
                .map(|s| s.to_string_lossy().into_owned())
                .collect();
            if matches!(module.last().map(String::as_str), Some("mod" | "lib")) {
                module.pop();
            }
            SourceFile {
                module,
                name: format!("src/{}", relative.display()),
                text: std::fs::read_to_string(&path).unwrap_or_default(),
            }
        })
        .collect()
}

#[test]
fn src_has_no_import_cycle() {
    let files = crate_files();
    assert!(files.len() > 10, "src/ is read");
    let graph = graph_of(&files);
    assert!(
        graph.values().map(BTreeSet::len).sum::<usize>() > 20,
        "imports are found"
    );
    let cycles = cycles(&graph);
    assert!(
        cycles.is_empty(),
        "modules that import each other: {cycles:#?}"
    );
}

/// Files longer than `limit` lines, as `file (n lines)`.
fn long_files(files: &[SourceFile], limit: usize) -> Vec<String> {
    files
        .iter()
        .map(|f| (f.name.clone(), f.text.lines().count()))
        .filter(|(_, lines)| *lines > limit)
        .map(|(name, lines)| format!("{name} ({lines} lines)"))
        .collect()
}

#[test]
fn src_files_are_at_most_500_lines() {
    let long = long_files(&crate_files(), MAX_FILE_LINES);
    assert!(
        long.is_empty(),
        "files over {MAX_FILE_LINES} lines: {long:?}"
    );
}

#[test]
fn src_functions_are_at_most_100_lines() {
    let long: Vec<String> = crate_files()
        .iter()
        .flat_map(|f| long_functions(&f.name, &f.text, MAX_FUNCTION_LINES))
        .collect();
    assert!(
        long.is_empty(),
        "functions over {MAX_FUNCTION_LINES} lines: {long:?}"
    );
}

/// Files whose `//!` header is missing or longer than three lines.
fn unsaid_modules(files: &[SourceFile]) -> Vec<String> {
    files
        .iter()
        .filter(|f| {
            let header = f.text.lines().take_while(|l| l.starts_with("//!")).count();
            !(1..=3).contains(&header)
        })
        .map(|f| f.name.clone())
        .collect()
}

#[test]
fn src_modules_say_what_they_own_in_one_to_three_lines() {
    let unsaid = unsaid_modules(&crate_files());
    assert!(unsaid.is_empty(), "no `//!` of 1 to 3 lines: {unsaid:?}");
}

// The checker on small inputs: each rule can fail.

#[test]
fn a_missing_or_long_module_header_is_found() {
    let files = [
        file("none", "use std::fmt;"),
        file("long", &"//! a line\n".repeat(4)),
        file("short", "//! What this owns.\n\nfn f() {}"),
    ];
    assert_eq!(unsaid_modules(&files), ["none", "long"]);
}

fn file(module: &str, text: &str) -> SourceFile {
    SourceFile {
        module: module
            .split("::")
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect(),
        name: module.to_string(),
        text: text.to_string(),
    }
}

#[test]
fn a_cycle_through_crate_paths_is_found() {
    let files = [
        file("", "pub mod a;\npub mod b;\npub mod c;"),
        file("a", "use crate::b::Thing;"),
        file("b", "pub fn f() { crate::c::g(); }"),
        file("c", "use crate::{x, a::{self, Other}};"),
    ];
    assert_eq!(
        cycles(&graph_of(&files)),
        [["crate::a", "crate::b", "crate::c"]]
    );
}

#[test]
fn a_cycle_through_super_and_child_paths_is_found() {
    let files = [
        file("", "mod web;"),
        file("web", "mod events;\nmod widget;\nuse events::attach;"),
        file("web::events", "use super::widget::Widget;"),
        file("web::widget", "fn f() { super::events::with_widget(); }"),
    ];
    assert_eq!(
        cycles(&graph_of(&files)),
        [["crate::web::events", "crate::web::widget"]]
    );
    // A parent naming an item of its child and the child naming the parent's item: a cycle.
    let files = [
        file(
            "layout",
            "mod pie;\npub struct Layout;\nfn f() { pie::run(); }",
        ),
        file("layout::pie", "use super::Layout;"),
    ];
    assert_eq!(
        cycles(&graph_of(&files)),
        [["crate::layout", "crate::layout::pie"]]
    );
}

#[test]
fn one_way_imports_comments_strings_and_test_modules_make_no_cycle() {
    let files = [
        file("", "mod a;\nmod b;"),
        file("a", "use crate::b::X; // crate::a::Y\nconst S: &str = \"crate::a\";"),
        file(
            "b",
            "pub struct X;\nconst T: &str = r#\"{ crate::a }\"#;\n#[cfg(test)]\nmod tests {\n    use super::*;\n}",
        ),
    ];
    let graph = graph_of(&files);
    assert!(cycles(&graph).is_empty(), "{graph:?}");
    assert_eq!(
        graph.get(&vec!["a".to_string()]).map(BTreeSet::len),
        Some(1)
    );
}

#[test]
fn a_long_function_is_found_and_a_short_one_is_not() {
    let body = "    let x = '{';\n".repeat(101);
    let text = format!("fn short() {{}}\n\nfn long<'a>(x: &'a str) -> u8 {{\n{body}}}\n");
    let found = long_functions("f.rs", &text, 100);
    assert_eq!(found, ["f.rs:3 long (103 lines)"]);
    assert!(long_functions("f.rs", &text, 103).is_empty());
}

#[test]
fn an_oversize_file_is_found_and_a_full_one_is_not() {
    let files = [
        file("big", &"// a line\n".repeat(MAX_FILE_LINES + 1)),
        file("full", &"// a line\n".repeat(MAX_FILE_LINES)),
    ];
    assert_eq!(long_files(&files, MAX_FILE_LINES), ["big (501 lines)"]);
}

//! Text → raw file: the checks before reading (size, byte-order mark, empty, UTF-16), then
//! serde_json, whose syntax errors are placed by line and column as an editor counts them.

use super::error::DatasetErrors;
use super::raw::{Obj, RawDataset};

/// Larger inputs are refused before parsing, so a hostile file cannot exhaust memory.
pub const MAX_INPUT_BYTES: usize = 8 * 1024 * 1024;

/// The raw file, or the one reason it cannot be read at all.
pub fn read(text: &str) -> Result<Obj<RawDataset<'_>>, DatasetErrors> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(DatasetErrors::single(
            "",
            format!(
                "the dataset is {} bytes, more than the limit of {} bytes",
                text.len(),
                MAX_INPUT_BYTES
            ),
        ));
    }
    // Spreadsheet programs and Windows editors often save UTF-8 with a byte-order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(DatasetErrors::single("", "the dataset is empty"));
    }
    if looks_like_utf16(text) {
        return Err(DatasetErrors::single(
            "",
            "the file is not UTF-8 text (it contains NUL characters; is it saved as UTF-16?): save it as UTF-8",
        ));
    }
    serde_json::from_str(text).map_err(|error| syntax_error(text, &error))
}

/// UTF-16 read as UTF-8: a byte-order mark turned into two replacement characters, or every
/// other character a NUL. (A stray NUL in UTF-8 text is left to the JSON reader, which says
/// where it is.)
fn looks_like_utf16(text: &str) -> bool {
    if text.starts_with("\u{fffd}\u{fffd}") {
        return true;
    }
    let head: Vec<char> = text.chars().take(64).collect();
    let nuls = head.iter().filter(|&&c| c == '\0').count();
    nuls * 3 >= head.len()
}

fn syntax_error(text: &str, error: &serde_json::Error) -> DatasetErrors {
    let (line, column) = (error.line(), error.column());
    let full = error.to_string();
    let suffix = format!(" at line {line} column {column}");
    let message = full.strip_suffix(&suffix).unwrap_or(&full);
    let message = match error.classify() {
        serde_json::error::Category::Eof => {
            format!("the file ends too early, is it cut off? ({message})")
        }
        _ => format!("invalid JSON: {message}"),
    };
    let (line, column) = place(text, line, column);
    DatasetErrors::single(format!("line {line}, column {column}"), message)
}

/// serde_json's line and column → the line and column an editor shows. serde_json's column
/// counts bytes up to and including the first byte of the character at fault; an editor counts
/// characters (a Chinese character is one column, not three).
fn place(text: &str, line: usize, byte_column: usize) -> (usize, usize) {
    let line_text = |line: usize| text.split('\n').nth(line.saturating_sub(1)).unwrap_or("");
    if byte_column == 0 && line > 1 {
        // The character at fault is the line break ending the line before (a raw line break in
        // a string, or the last one of a file cut off): point at it, where the editor shows it.
        return (line - 1, line_text(line - 1).chars().count() + 1);
    }
    let chars = line_text(line)
        .char_indices()
        .take_while(|&(at, _)| at < byte_column)
        .count();
    (line, chars.max(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error_of(text: &str) -> (String, String) {
        match read(text) {
            Ok(_) => panic!("read {text:?}"),
            Err(errors) => {
                let error = errors.iter().next().expect("one error");
                (error.path.clone(), error.message.clone())
            }
        }
    }

    #[test]
    fn columns_count_characters() {
        let (path, message) = error_of("{\n  \"名称\": x\n}");
        assert_eq!(path, "line 2, column 9");
        assert!(
            message.starts_with("invalid JSON: expected value"),
            "{message}"
        );
        assert!(!message.contains(" at line "), "{message}");
    }

    #[test]
    fn a_cut_off_file_says_so() {
        let (path, message) = error_of("[1, 2");
        assert_eq!(path, "line 1, column 5");
        assert!(message.starts_with("the file ends too early, is it cut off? (EOF while parsing"));
    }

    #[test]
    fn a_line_break_at_fault_is_placed_at_the_end_of_its_line() {
        let (path, message) = error_of("{\n  \"名称\": \"a\nb\"}");
        assert_eq!(path, "line 2, column 11");
        assert!(message.contains("control character"), "{message}");
        let (path, _) = error_of("[1,\n");
        assert_eq!(path, "line 1, column 4");
    }

    #[test]
    fn nesting_is_limited() {
        let ok = format!("{}{}", "[".repeat(127), "]".repeat(127));
        assert!(matches!(read(&ok), Ok(Obj::Other(_))));
        let (path, message) = error_of(&"[".repeat(128));
        assert_eq!(path, "line 1, column 128");
        assert!(message.contains("recursion limit exceeded"), "{message}");
    }
}

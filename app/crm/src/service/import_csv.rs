//! Reading an uploaded CSV file: its header, a sample of rows and the row count, or what is
//! wrong with it.

use super::imports::MAX_ROWS;
use app_core::error::AppError;

/// Rows shown in the preview.
const SAMPLE: usize = 5;

/// A CSV reader that accepts ragged rows and trims cells.
pub fn reader(text: &str) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes())
}

/// A file's header, first rows and row count.
pub type Inspected = (Vec<String>, Vec<Vec<String>>, usize);

/// Reads the header and counts the rows, or says what is wrong with the file.
pub fn inspect(text: &str) -> Result<Inspected, AppError> {
    let bad = |m: &str| AppError::invalid("file", m.to_owned());
    let mut r = reader(text);
    let headers: Vec<String> = r
        .headers()
        .map_err(|_| bad("That file is not a CSV file we can read."))?
        .iter()
        .map(str::to_owned)
        .collect();
    if headers.iter().all(String::is_empty) {
        return Err(bad(
            "The first line must name the columns, like Name,Email.",
        ));
    }
    let mut sample = Vec::new();
    let mut rows = 0;
    for rec in r.records() {
        let rec = rec.map_err(|e| {
            let line = e.position().map(|p| p.line()).unwrap_or(0);
            bad(&format!("Line {line} cannot be read as CSV."))
        })?;
        rows += 1;
        if sample.len() < SAMPLE {
            sample.push(rec.iter().map(str::to_owned).collect());
        }
    }
    if rows == 0 {
        return Err(bad("The file has a header but no contacts."));
    }
    if rows > MAX_ROWS {
        return Err(bad(&format!("Import at most {MAX_ROWS} rows at a time.")));
    }
    Ok((headers, sample, rows))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_needs_a_header_and_rows() {
        assert!(inspect("Name,Email\n").is_err());
        let (h, s, n) = inspect("Name,Email\nAda,ada@x.io\n\"Lovelace, A\",a@x.io\n").unwrap();
        assert_eq!(h, vec!["Name", "Email"]);
        assert_eq!(n, 2);
        assert_eq!(s[1][0], "Lovelace, A");
    }
}

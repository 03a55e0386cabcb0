//! The header of a delimited file (CSV, semicolon or tab separated): the name of the column a
//! value stands in, for the few values whose kind the value alone leaves open (a compact
//! mobile number that is also a valid personnummer, a Luhn-valid payment reference).

/// Longest header line looked at, in bytes.
const MAX_LINE: usize = 4096;

/// The column names of a delimited file, read from its first line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Columns {
    delim: u8,
    /// Column names, ASCII lower case, without quotes and surrounding spaces.
    names: Vec<Vec<u8>>,
}

impl Columns {
    /// The header at the start of `text`, if its first line is one: two or more names
    /// separated by `;`, `,`, a tab or `|` (the most frequent), each with a letter and no
    /// more than 40 bytes, and a second line with as many delimiters outside quotes.
    pub fn sniff(text: &[u8]) -> Option<Columns> {
        let text = text.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(text);
        let end = memchr::memchr(b'\n', &text[..text.len().min(MAX_LINE)])?;
        let line = text[..end].strip_suffix(b"\r").unwrap_or(&text[..end]);
        let delim = [b';', b',', b'\t', b'|']
            .into_iter()
            .max_by_key(|&d| memchr::memchr_iter(d, line).count())?;
        let rest = &text[end + 1..];
        let second = &rest[..memchr::memchr(b'\n', rest)?];
        if count(second, delim) != count(line, delim) {
            return None;
        }
        let names: Vec<Vec<u8>> = line
            .split(|&b| b == delim)
            .map(|f| unquote(f.trim_ascii()).to_ascii_lowercase())
            .collect();
        let name_ok = |n: &Vec<u8>| {
            !n.is_empty()
                && n.len() <= 40
                && n.iter().any(u8::is_ascii_alphabetic)
                && !n.contains(&b'@')
        };
        (names.len() >= 2 && names.iter().all(name_ok)).then_some(Columns { delim, names })
    }

    /// The name of the column the byte at `s` of `hay` stands in: delimiters outside quotes
    /// counted from the start of its line. `None` unless the whole line lies in `hay` (at
    /// most 4 KiB either side of `s`) and holds as many delimiters as the header: other
    /// lines (the header itself, prose, a log line in the same file) have no columns.
    pub fn name_at(&self, hay: &[u8], s: usize) -> Option<&[u8]> {
        let from = s.saturating_sub(MAX_LINE);
        let start = memchr::memrchr(b'\n', &hay[from..s])? + from + 1;
        let until = hay.len().min(s + MAX_LINE);
        let end = memchr::memchr(b'\n', &hay[s..until]).map_or(until, |i| s + i);
        if end == until && until < hay.len() {
            return None;
        }
        if count(&hay[start..end], self.delim) + 1 != self.names.len() {
            return None;
        }
        self.names
            .get(count(&hay[start..s], self.delim))
            .map(Vec::as_slice)
    }
}

/// A field without the double quotes around it.
fn unquote(f: &[u8]) -> &[u8] {
    match f {
        [b'"', inner @ .., b'"'] => inner,
        _ => f,
    }
}

/// Delimiters outside double quotes.
fn count(line: &[u8], delim: u8) -> usize {
    let mut n = 0;
    let mut quoted = false;
    for &b in line {
        match b {
            b'"' => quoted = !quoted,
            d if d == delim && !quoted => n += 1,
            _ => {}
        }
    }
    n
}

/// Whether a column name says one of `words`: one of its words (ASCII letters and digits)
/// equals one of them or, for words of three letters or more, starts with it
/// (`telefonnummer` says `tel`, `created_at` says `created`).
pub fn says(name: &[u8], words: &[&str]) -> bool {
    name.split(|b| !b.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .any(|w| {
            words.iter().any(|x| {
                let x = x.as_bytes();
                w == x || (x.len() >= 3 && w.starts_with(x))
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_and_columns() {
        let text = b"\xEF\xBB\xBFnamn;\"Telefon\";pnr;OCR\r\nAnna;0701130403;\"a;b\";x\n";
        let c = Columns::sniff(text).expect("a header");
        let at = |needle: &[u8]| {
            let s = text
                .windows(needle.len())
                .position(|w| w == needle)
                .unwrap();
            c.name_at(text, s)
        };
        assert_eq!(at(b"Anna"), Some(&b"namn"[..]));
        assert_eq!(at(b"0701130403"), Some(&b"telefon"[..]));
        assert_eq!(at(b"x\n"), Some(&b"ocr"[..]));
        assert_eq!(at(b"Telefon"), None);
        // A line with another number of fields has no columns.
        let text = b"namn;telefon\nAnna;0701130403\nHej 0701130403\n";
        let c = Columns::sniff(text).expect("a header");
        assert_eq!(c.name_at(text, 18), Some(&b"telefon"[..]));
        assert_eq!(c.name_at(text, 33), None);
        assert!(Columns::sniff(b"2024-01-01;12;13\n").is_none());
        assert!(Columns::sniff("Hej Anna, hur mår du?\nBra, tack.\n".as_bytes()).is_some());
        assert!(Columns::sniff("Hej Anna, hur mår du?\nBra tack.\n".as_bytes()).is_none());
        assert!(Columns::sniff(b"a;b\n").is_none());
        assert!(Columns::sniff(b"one line without an end").is_none());
        assert!(says(b"telefonnummer", &["tel"]));
        assert!(says(b"created_at", &["created"]));
        assert!(says(b"kund id", &["id"]));
        assert!(!says(b"identity", &["id"]));
        assert!(!says(b"hotel", &["tel"]));
    }
}

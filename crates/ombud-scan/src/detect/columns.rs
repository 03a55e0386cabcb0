//! The header of a delimited file (CSV, semicolon or tab separated): the name of the column a
//! value stands in, for the few values whose kind the value alone leaves open (a compact
//! mobile number that is also a valid personnummer, a Luhn-valid payment reference), and
//! the columns whose name says a special category (`fack`, `religion`, `diagnos`): their
//! cells are reported as that category, whatever words they hold (`Kommunal`, `Vision`).

use super::Hit;
use crate::kind::{Category, Kind};

/// Longest header line looked at, in bytes.
const MAX_LINE: usize = 4096;

/// How far from a value its line's start and end are looked for: no further than the
/// context every window has on either side, so that windows agree.
const REACH: usize = 500;

/// Detector name of findings from a column's name.
pub const DETECTOR: &str = "csv_column";

/// Confidence of a cell under a sensitive column name.
const CONFIDENCE: f32 = 0.5;

/// Column names (whole words of them, ASCII case folded, Swedish letters as written) that say
/// a special category. Only whole words count: `partition` is no `parti`, `union_id` is a
/// `union` but `page_orientation` no sexual orientation.
const SENSITIVE: &[(Category, &[&str])] = &[
    (
        Category::TradeUnion,
        &[
            "fack",
            "fackförbund",
            "facktillhörighet",
            "union",
            "fackforbund",
            "facklig",
            "fackligt",
            "förbund",
            "forbund",
            "fackmedlemskap",
            // Danish and Norwegian: `Fagforening`, `Fagforbund`.
            "fagforening",
            "fagforbund",
        ],
    ),
    (
        Category::Religion,
        &[
            "religion",
            "trosuppfattning",
            "trossamfund",
            "samfund",
            "religious",
            // A church's fee or tax (`ChurchTax`, `church_fee`, `Kyrkoavgift`; Danish and
            // Norwegian `Kirkeskat`) is paid by its members: compared with the name's words
            // joined (a parish directory's `Church` column names no one's faith).
            "churchtax",
            "churchfee",
            "kyrkoavgift",
            "kirkeskat",
            "kirkeskatt",
        ],
    ),
    (
        Category::Health,
        &[
            "diagnos",
            "diagnosis",
            "diagnoser",
            "sjukdom",
            "allergi",
            "allergier",
            "allergies",
            "medicinsk",
            "funktionsnedsättning",
            "disability",
            "läkemedel",
            "medication",
            // A blood group (`blodgrupp`, `blood_group`, `BloodType`) is a health record.
            "blodgrupp",
            "blodtyp",
            "bloodgroup",
            "bloodtype",
        ],
    ),
    (
        Category::Genetic,
        &[
            "genetic",
            "genetisk",
            "genetiska",
            "genetik",
            "gentest",
            "karyotyp",
            "karyotype",
        ],
    ),
    (
        Category::Ethnicity,
        &["etnicitet", "ethnicity", "etnisk", "ethnic"],
    ),
    (
        Category::Political,
        &[
            "parti",
            "partitillhörighet",
            "partitillhorighet",
            "partisympati",
            "political",
        ],
    ),
    (Category::SexLife, &["sexuell", "läggning", "sexual"]),
    (
        Category::Criminal,
        &[
            "brott",
            "brottsrubricering",
            "offence",
            "offense",
            "conviction",
            "påföljd",
        ],
    ),
];

/// Column names of counts and shares (`antal`, `förändring_%`): a table with one and no
/// column that names a person holds figures about groups (`län;brottstyp;år;antal`).
const COUNT_COLUMNS: &[&str] = &[
    "antal",
    "count",
    "andel",
    "share",
    "procent",
    "percent",
    "förändring",
    "frequency",
    "cases",
    "total",
    "summa",
];

/// Column names that name a person or a personal key (a register, not a table of figures).
const PERSON_COLUMNS: &[&str] = &[
    "namn",
    "name",
    "förnamn",
    "efternamn",
    "firstname",
    "lastname",
    "fullname",
    "pnr",
    "email",
    "epost",
    "mail",
    "telefon",
    "phone",
    "patient",
    "elev",
    "student",
    "anställd",
    "employee",
    "kund",
    "customer",
    "user",
    "användare",
    "medlem",
    "member",
    "person",
    // Keys of employees, members and customers.
    "anstnr",
    "anställningsnummer",
    "medlemsnr",
    "kundnr",
];

/// Cell values that say nothing (no membership, no diagnosis, no answer) or nothing of a
/// special category (a diet by choice).
const EMPTY: &[&str] = &[
    "",
    "-",
    "--",
    "nej",
    "no",
    "none",
    "ingen",
    "inga",
    "saknas",
    "n/a",
    "na",
    "null",
    "0",
    "false",
    "okänd",
    "unknown",
    "vill ej uppge",
    "vill inte uppge",
    "ej svar",
    "inget svar",
    "ej angivet",
    "ej angiven",
    "uppgift saknas",
    "vet ej",
    "avstår",
    "prefer not to say",
    "decline to state",
    "declined to state",
    "decline to answer",
    "prefer not to answer",
    "vill inte svara",
    "vill ej svara",
    "ingen uppgift",
    "not disclosed",
    "not stated",
    "no answer",
    "declined",
    // A result not yet known.
    "pending",
    "awaiting results",
    "ej utförd",
    "not tested",
    "ej testad",
    // Not a member, in a column of unions.
    "ej medlem",
    "inte medlem",
    "ej ansluten",
    "not a member",
    "non-member",
    "no union",
    // Diets by choice, in a column of allergies and diets (`Allergier/kost`).
    "vegetarisk",
    "vegetariskt",
    "vegetarian",
    "vegansk",
    "veganskt",
    "vegan",
    "normalkost",
    "normal",
];

/// Whether a cell says nothing ([`EMPTY`]): compared in lower case, read as UTF-8 or else
/// as Latin-1 (`AVSTÅR`, `Avst\xe5r` in Windows-1252).
pub(crate) fn says_nothing(cell: &[u8]) -> bool {
    let text = match std::str::from_utf8(cell) {
        Ok(t) => t.to_lowercase(),
        Err(_) => cell
            .iter()
            .flat_map(|&b| char::from(b).to_lowercase())
            .collect(),
    };
    EMPTY.contains(&text.as_str())
}

/// The column names of a delimited file, read from its first line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Columns {
    /// Where the header line starts (0, or after a BOM or a title line) and ends (after its
    /// line break).
    header_start: usize,
    header_end: usize,
    delim: u8,
    /// The byte that ends a line: a line feed, or a carriage return in files written with
    /// carriage returns alone (Excel for the Mac).
    eol: u8,
    /// Column names, ASCII lower case, without quotes and surrounding spaces.
    names: Vec<Vec<u8>>,
    /// The columns whose names say a category, by index, read once from the header.
    sensitive: Vec<(usize, Category)>,
    /// Whether the table holds figures about groups (see [`Columns::aggregate`]).
    aggregate: bool,
}

impl Columns {
    /// The header at the start of `text`, if its first line is one: two or more names
    /// separated by `;`, `,`, a tab or `|` (the most frequent), each with a letter and no
    /// more than 40 bytes, and a second record (its quoted cells may hold line breaks) with
    /// as many delimiters outside quotes. A title line without the header's delimiter may stand before
    /// the header (`Avräkning medlemsavgifter mars 2025`, as reports exported from payroll
    /// systems begin), or a comment line starting with `#`, delimiters or not.
    pub fn sniff(text: &[u8]) -> Option<Columns> {
        let bom = if text.starts_with(b"\xEF\xBB\xBF") {
            3
        } else {
            0
        };
        if let Some(c) = Self::header_at(text, bom) {
            return Some(c);
        }
        let (title, next, _) = first_line(&text[bom..])?;
        // A title line holds none of the header's delimiters (a comma in a title before a
        // header of semicolons is prose: `Anmälda brott per län, preliminär statistik`),
        // unless it is a comment or a record of its own type (`#AVGIFTSFIL;Västmora
        // kommun;2024-02` before `#Personnummer;Namn;…`).
        if title.trim_ascii().is_empty() {
            return None;
        }
        let c = Self::header_at(text, bom + next)?;
        (title.starts_with(b"#") || !title.contains(&c.delim)).then_some(c)
    }

    /// The header on the line at `from` of `text`, as [`Columns::sniff`] describes it.
    fn header_at(text: &[u8], from: usize) -> Option<Columns> {
        let (line, next, eol) = first_line(&text[from..])?;
        let delim = [b';', b',', b'\t', b'|']
            .into_iter()
            .max_by_key(|&d| memchr::memchr_iter(d, line).count())?;
        if first_record(&text[from + next..], delim, eol)? != count(line, delim) {
            return None;
        }
        // A header that is not UTF-8 is read as Latin-1 (Windows-1252 for letters), so that
        // `Fackförbund` says the same in both.
        let utf8 = std::str::from_utf8(line).is_ok();
        let names: Vec<Vec<u8>> = line
            .split(|&b| b == delim)
            .map(|f| {
                let name = unquote(f.trim_ascii()).to_ascii_lowercase();
                match utf8 {
                    true => name,
                    false => name
                        .iter()
                        .flat_map(|&b| char::from(b).to_lowercase())
                        .collect::<String>()
                        .into_bytes(),
                }
            })
            .collect();
        let name_ok = |n: &Vec<u8>| {
            !n.is_empty()
                && n.len() <= 40
                && n.iter().any(u8::is_ascii_alphabetic)
                && !n.contains(&b'@')
        };
        if names.len() < 2 || !names.iter().all(name_ok) {
            return None;
        }
        // The names with a space where a capital follows a small letter (`UnionDeduction`
        // is `union deduction`), for the names that say a category or a count.
        let camel: Vec<Vec<u8>> = line
            .split(|&b| b == delim)
            .map(|f| camel_words(unquote(f.trim_ascii())))
            .collect();
        Some(Columns {
            header_start: from,
            header_end: from + next,
            delim,
            eol,
            sensitive: sensitive(&names, &camel),
            aggregate: aggregate(&names, &camel),
            names,
        })
    }

    /// The name of the column the byte at `s` of `hay` stands in: delimiters outside quotes
    /// counted from the start of its line. `None` unless the whole line lies in `hay` (at
    /// most 500 bytes either side of `s`) and holds as many delimiters as the header: other
    /// lines (the header itself, prose, a log line in the same file) have no columns. Two
    /// kinds of lines are read from their end instead: the last line of a record whose
    /// quoted cell holds line breaks, and a line that starts more than 500 bytes before `s`
    /// when no quote follows `s` on it.
    pub fn name_at(&self, hay: &[u8], s: usize) -> Option<&[u8]> {
        let until = hay.len().min(s + REACH);
        let end = memchr::memchr(self.eol, &hay[s..until]).map_or(until, |i| s + i);
        if end == until && until < hay.len() {
            return None;
        }
        let from = s.saturating_sub(REACH);
        let Some(start) = memchr::memrchr(self.eol, &hay[from..s]) else {
            // A line that starts further back than the reach (a long description): the
            // fields after `s` tell its column when no quote stands among them.
            let tail = &hay[s..end];
            if from == 0 || memchr::memchr(b'"', tail).is_some() {
                return None;
            }
            return self.name_before_last(count(tail, self.delim));
        };
        let start = from + start + 1;
        if count(&hay[start..end], self.delim) + 1 != self.names.len() {
            let line = &hay[start..end];
            if let Some(i) = field_of_a_record_start(line, s - start, self.delim) {
                return self.names.get(i).map(Vec::as_slice);
            }
            return self.name_before_last(fields_after(line, s - start, self.delim)?);
        }
        self.names
            .get(count(&hay[start..s], self.delim))
            .map(Vec::as_slice)
    }
}

impl Columns {
    /// The name of the column that `after` columns follow.
    fn name_before_last(&self, after: usize) -> Option<&[u8]> {
        let i = self.names.len().checked_sub(after + 1)?;
        self.names.get(i).map(Vec::as_slice)
    }

    /// Whether the table holds figures about groups: a column of counts or shares and none
    /// that names a person (`län;brottstyp;år;antal;förändring_%`).
    pub(crate) fn aggregate(&self) -> bool {
        self.aggregate
    }

    /// Where the header line lies, counted from the start of the file.
    pub fn header(&self) -> std::ops::Range<usize> {
        self.header_start..self.header_end
    }

    /// Pushes the cells of sensitive columns in `hay` (rows with as many fields as the
    /// header, whose line lies in `hay`), unless an indicator word was found in the cell
    /// already (`found`, sorted by start, holds the window's hits so far).
    pub(crate) fn cells(&self, hay: &[u8], enabled: impl Fn(Category) -> bool, out: &mut Vec<Hit>) {
        let cols: Vec<(usize, Category)> = self
            .sensitive
            .iter()
            .copied()
            .filter(|&(_, c)| enabled(c))
            .collect();
        if cols.is_empty() {
            return;
        }
        let words = out.len();
        let mut line = match memchr::memchr(self.eol, hay) {
            Some(i) => i + 1,
            None => return,
        };
        while line < hay.len() {
            let Some(end) = memchr::memchr(self.eol, &hay[line..]).map(|i| line + i) else {
                break;
            };
            let row = &hay[line..end];
            if count(row, self.delim) + 1 == self.names.len() {
                let mut field = 0;
                let mut from = 0;
                let mut quoted = false;
                for (i, &b) in row.iter().chain(std::iter::once(&self.delim)).enumerate() {
                    match b {
                        b'"' => quoted = !quoted,
                        d if d == self.delim && !quoted => {
                            if let Some(&(_, cat)) = cols.iter().find(|(c, _)| *c == field) {
                                let (a, e) = trimmed(row, from, i);
                                let cell = &row[a..e];
                                // The header itself (after a title line, it is no
                                // file's first line).
                                let header = unquote(cell).eq_ignore_ascii_case(&self.names[field]);
                                let empty = header || says_nothing(cell);
                                let (a, e) = (line + a, line + e);
                                // (The findings before `words` are sorted by start: a
                                // cell's are found by bisection, not by a pass over all of
                                // them per row, which grew with the square of the rows.)
                                let first = out[..words].partition_point(|h| h.start < a);
                                let has_word = out[first..words]
                                    .iter()
                                    .take_while(|h| h.start < e)
                                    .any(|h| h.end <= e);
                                let says = cell.iter().any(u8::is_ascii_alphabetic)
                                    || (cat == Category::Health && blood_group(cell));
                                if !empty && !has_word && says {
                                    out.push(Hit {
                                        start: a,
                                        end: e,
                                        kind: Kind::SpecialCategory(cat),
                                        confidence: CONFIDENCE,
                                        detector: DETECTOR,
                                    });
                                }
                            }
                            field += 1;
                            from = i + 1;
                        }
                        _ => {}
                    }
                }
            }
            line = end + 1;
        }
    }
}

/// Whether a cell holds a blood group: `0`, `A`, `B`, `AB` or `O`, then `+` or `-`, maybe
/// after `RhD` or `Rh` (`0+`, `AB RhD-`); or `pos` or `neg` after a space (`B pos`). Its
/// digit-and-sign forms have no letter, which other cells of a health column need.
fn blood_group(cell: &[u8]) -> bool {
    let cell = unquote(cell).trim_ascii();
    let group = ["AB", "A", "B", "0", "O"]
        .iter()
        .find(|g| cell.len() > g.len() && cell[..g.len()].eq_ignore_ascii_case(g.as_bytes()));
    let Some(g) = group else {
        return false;
    };
    let rest = &cell[g.len()..];
    let rest = rest.strip_prefix(b" ").unwrap_or(rest);
    let rest = [&b"RhD"[..], b"Rh"]
        .iter()
        .find_map(|r| {
            (rest.len() >= r.len() && rest[..r.len()].eq_ignore_ascii_case(r))
                .then(|| rest[r.len()..].trim_ascii_start())
        })
        .unwrap_or(rest);
    matches!(rest, b"+" | b"-")
        || (rest.len() == 3
            && (rest.eq_ignore_ascii_case(b"pos") || rest.eq_ignore_ascii_case(b"neg"))
            && cell[g.len()] == b' ')
}

/// The bounds of field `from..to` of `row` without surrounding spaces and quotes, and
/// without a `\r` at the line end.
fn trimmed(row: &[u8], mut from: usize, mut to: usize) -> (usize, usize) {
    while from < to && matches!(row[to - 1], b' ' | b'\r' | b'"') {
        to -= 1;
    }
    while from < to && matches!(row[from], b' ' | b'"') {
        from += 1;
    }
    (from, to)
}

/// Whether a column name (which may hold non-ASCII letters) has one of `words` as a whole
/// word, ASCII case folded.
pub(crate) fn names_say(name: &[u8], words: &[&str]) -> bool {
    name.split(|&b| matches!(b, b' ' | b'_' | b'-' | b'.' | b'/' | b'(' | b')'))
        .any(|w| words.iter().any(|x| w.eq_ignore_ascii_case(x.as_bytes())))
}

/// The categories of the columns whose names say one, by column index: a word of the name
/// (also of its camel-case reading `camel`), or the name's words joined (`church_fee`).
fn sensitive(names: &[Vec<u8>], camel: &[Vec<u8>]) -> Vec<(usize, Category)> {
    names
        .iter()
        .zip(camel)
        .enumerate()
        .filter_map(|(i, (name, camel))| {
            let joined: Vec<u8> = camel
                .iter()
                .copied()
                .filter(|b| !matches!(b, b' ' | b'_' | b'-' | b'.'))
                .collect();
            SENSITIVE
                .iter()
                .find(|(_, words)| {
                    names_say(name, words) || names_say(camel, words) || names_say(&joined, words)
                })
                .map(|(cat, _)| (i, *cat))
        })
        .collect()
}

/// Whether a header names a table of figures about groups: a column of counts by whole words
/// (`country` is no `count`, `summary` no `summa`) and no other column that names a person
/// (a column of counts names no one: `Antal patienter`).
fn aggregate(names: &[Vec<u8>], camel: &[Vec<u8>]) -> bool {
    let count = |n: &[u8], c: &[u8]| names_say(n, COUNT_COLUMNS) || names_say(c, COUNT_COLUMNS);
    let person = |n: &[u8], c: &[u8]| says(n, PERSON_COLUMNS) || says(c, PERSON_COLUMNS);
    let both = || names.iter().zip(camel);
    both().any(|(n, c)| count(n, c)) && !both().any(|(n, c)| !count(n, c) && person(n, c))
}

/// A column name in ASCII lower case with a space where a capital follows a small letter
/// (`ChurchTax` is `church tax`).
fn camel_words(name: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(name.len() + 4);
    for (i, &b) in name.iter().enumerate() {
        if b.is_ascii_uppercase() && i > 0 && name[i - 1].is_ascii_lowercase() {
            out.push(b' ');
        }
        out.push(b.to_ascii_lowercase());
    }
    out
}

/// A field without the double quotes around it.
fn unquote(f: &[u8]) -> &[u8] {
    match f {
        [b'"', inner @ .., b'"'] => inner,
        _ => f,
    }
}

/// The first line of `text` (at most [`MAX_LINE`] bytes, without its line break), where the
/// next one starts, and the byte that ends lines: a line feed (also after a carriage
/// return), or a carriage return alone.
fn first_line(text: &[u8]) -> Option<(&[u8], usize, u8)> {
    let end = memchr::memchr2(b'\n', b'\r', &text[..text.len().min(MAX_LINE)])?;
    Some(match (text[end], text.get(end + 1)) {
        (b'\r', Some(b'\n')) => (&text[..end], end + 2, b'\n'),
        (b'\r', _) => (&text[..end], end + 1, b'\r'),
        _ => (&text[..end], end + 1, b'\n'),
    })
}

/// The delimiters outside quotes in the record that starts `text`, up to the line break
/// `eol` outside quotes (`None` if it does not end within `text`).
fn first_record(text: &[u8], delim: u8, eol: u8) -> Option<usize> {
    let mut n = 0;
    let mut quoted = false;
    for &b in text {
        match b {
            b'"' => quoted = !quoted,
            b if b == eol && !quoted => return Some(n),
            d if d == delim && !quoted => n += 1,
            _ => {}
        }
    }
    None
}

/// For a line that ends a record whose first lines came before it (a quoted cell with line
/// breaks, as the descriptions of Jira and ServiceNow exports): how many fields follow the
/// cell at `at`, read from the line's start as inside that cell. `None` unless the cell
/// closes on this line, `at` lies in a later cell, the line ends outside quotes and holds
/// two delimiters or more after the cell closed (a line of prose with a stray quote rarely
/// does).
fn fields_after(line: &[u8], at: usize, delim: u8) -> Option<usize> {
    let mut quoted = true;
    let (mut before, mut after) = (0, 0);
    for (i, &b) in line.iter().enumerate() {
        match b {
            b'"' => quoted = !quoted,
            d if d == delim && !quoted => match i < at {
                true => before += 1,
                false => after += 1,
            },
            _ => {}
        }
    }
    (!quoted && before > 0 && before + after >= 2).then_some(after)
}

/// For a line that starts a record whose last cell goes on to the next lines (a quoted
/// address or description with line breaks): the index of the field at `at`, counted from
/// the line's start. `None` unless the line ends inside a quoted cell that opened after
/// `at`'s field and every quote opens a cell at its start or closes one before a delimiter
/// (a line that begins inside a cell breaks that rule at its first quote).
fn field_of_a_record_start(line: &[u8], at: usize, delim: u8) -> Option<usize> {
    let (mut field, mut index) = (0, None);
    let (mut quoted, mut cell_start) = (false, true);
    let mut i = 0;
    while i < line.len() {
        if i == at {
            index = Some(field);
        }
        let b = line[i];
        match (quoted, b) {
            // A doubled quote inside a quoted cell stands for one.
            (true, b'"') if line.get(i + 1) == Some(&b'"') => i += 1,
            (true, b'"') => {
                quoted = false;
                if !matches!(line.get(i + 1), None | Some(b'\r')) && line[i + 1] != delim {
                    return None;
                }
            }
            (true, _) => {}
            (false, b'"') if cell_start => quoted = true,
            (false, b'"') => return None,
            (false, d) if d == delim => {
                field += 1;
                cell_start = true;
                i += 1;
                continue;
            }
            (false, _) => {}
        }
        cell_start = false;
        i += 1;
    }
    // The record goes on past this line, and in a later cell than `at`'s.
    index.filter(|&f| quoted && f < field)
}

/// Delimiters outside double quotes.
fn count(line: &[u8], delim: u8) -> usize {
    // Most lines quote nothing: their delimiters are counted by a loop the compiler
    // vectorises (a column's name is looked up for many findings of dense exports).
    if memchr::memchr(b'"', line).is_none() {
        return line.iter().filter(|&&b| b == delim).count();
    }
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

/// Whether the column name `name` (ASCII lower case) says a special category.
pub(crate) fn says_a_category(name: &[u8]) -> bool {
    SENSITIVE.iter().any(|(_, words)| says(name, words))
}

/// Whether a column name says one of `words`: one of its words (letters and digits, split at
/// ASCII punctuation and spaces only, so that `växel` stays one word)
/// equals one of them or, for words of three letters or more, starts with it
/// (`telefonnummer` says `tel`, `created_at` says `created`).
pub fn says(name: &[u8], words: &[&str]) -> bool {
    name.split(|&b| b.is_ascii() && !b.is_ascii_alphanumeric())
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

    /// The column name of the first place where `needle` stands in `text`, a delimited
    /// file with a header.
    fn column_of<'a>(c: &'a Columns, text: &[u8], needle: &[u8]) -> Option<&'a [u8]> {
        let s = text
            .windows(needle.len())
            .position(|w| w == needle)
            .unwrap();
        c.name_at(text, s)
    }

    #[test]
    fn headers_and_columns() {
        let text = b"\xEF\xBB\xBFnamn;\"Telefon\";pnr;OCR\r\nAnna;0701130403;\"a;b\";x\n";
        let c = Columns::sniff(text).expect("a header");
        let at = |needle: &[u8]| column_of(&c, text, needle);
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
        // A comment line before the header may hold delimiters; another line may not.
        let text = "#AVGIFTSFIL;Västmora kommun;2024-02\n#Personnummer;Namn;Förbund;Avdelning\n\
                    196704121992;Dragan Nyström;Kommunal;Avd 8\n"
            .as_bytes();
        let c = Columns::sniff(text).expect("a header after a comment");
        let s = text.windows(8).position(|w| w == b"Kommunal").unwrap();
        assert_eq!(c.name_at(text, s), Some("förbund".as_bytes()));
        assert!(Columns::sniff(b"AVGIFTSFIL;kommun;2024\nnamn;tel;pnr;ocr\nA;B;C;D\n").is_none());
        let text = "Brå – Anmälda brott per län, preliminär statistik\nlän;brottstyp;antal\nÖrebro;stöld;12\n";
        let c = Columns::sniff(text.as_bytes()).expect("a header after a title with a comma");
        assert!(c.aggregate());
        assert!(says(b"telefonnummer", &["tel"]));
        assert!(says(b"created_at", &["created"]));
        assert!(says(b"kund id", &["id"]));
        assert!(says("Växel".to_lowercase().as_bytes(), &["växel"]));
        assert!(!says(b"identity", &["id"]));
        assert!(!says(b"hotel", &["tel"]));
        assert!(names_say("Fackförbund".as_bytes(), &["fackförbund"]));
        assert!(says_nothing("AVSTÅR".as_bytes()));
        assert!(says_nothing(b"Avst\xe5r"));
        assert!(says_nothing(b"Vill ej uppge"));
        assert!(!says_nothing(b"Kommunal"));
        assert!(says_nothing(b"Decline to state"));
        assert!(names_say(b"union_id", &["union"]));
        assert!(!names_say(b"partition", &["parti"]));
    }

    #[test]
    fn cells_of_records_over_several_lines() {
        // The first line of a record whose address holds a line break: its fields count
        // from its start; the record's last line counts from its end.
        let text = b"\"Email\",\"Phone\",\"Street\",\"Zip\",\"Note\"\n\
                     \"a@b.se\",\"0402046378\",\"Storgatan 1\nc/o Berg\",\"461 34\",\"ok\"\n";
        let c = Columns::sniff(text).expect("a header");
        let at = |needle: &[u8]| column_of(&c, text, needle);
        assert_eq!(at(b"0402046378"), Some(&b"phone"[..]));
        assert_eq!(at(b"461 34"), Some(&b"zip"[..]));
        // Inside the open cell, and on a line that starts inside a cell, nothing is known
        // from the start.
        assert_eq!(
            field_of_a_record_start(b"\"a\",\"Storgatan 1", 6, b','),
            None
        );
        assert_eq!(
            field_of_a_record_start(b"c/o Berg\",\"461 34\",\"x", 11, b','),
            None
        );
        assert_eq!(
            field_of_a_record_start(b"\"a\",\"b\"\"c\",\"d", 1, b','),
            Some(0)
        );
    }
}

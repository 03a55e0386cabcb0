//! SQL dumps (`mysqldump`, `pg_dump`, SQLite's `.dump`, phpMyAdmin exports): the column a
//! value stands in, as [`super::columns`] gives it for delimited files. A dump names its
//! columns once, in `CREATE TABLE`, in the column list of `INSERT INTO t (…) VALUES` or in
//! `COPY t (…) FROM stdin;`, often far (megabytes) from the rows. So the statements that
//! carry rows are read in the order of the file, before its windows are scanned
//! ([`Tracker::feed`]), and each window looks up the section its values stand in
//! ([`Sections::name_at`]); inside a row, the field is counted from the row's start, which
//! lies within [`REACH`] bytes, so that every window decides alike.
//!
//! A file is read as a dump when its first [`SNIFF`] bytes hold such a statement at the
//! start of a line (a fixed length, so that the decision does not depend on the chunk size).

use std::collections::HashMap;
use std::sync::Arc;

/// How much of a file's start is looked at to tell a dump.
pub(crate) const SNIFF: usize = 4096;

/// How far back from a value the start of its row is looked for.
const REACH: usize = 500;

/// The longest statement header kept while its end has not been read yet.
const MAX_HEADER: usize = 64 << 10;

/// Column names, lower case, without quotes.
type Names = Arc<[Vec<u8>]>;

/// Whether the start of a file looks like an SQL dump.
pub(crate) fn sniff(head: &[u8]) -> bool {
    let head = &head[..head.len().min(SNIFF)];
    line_starts(head).any(|i| statement_at(head, i).is_some())
}

/// The statements whose headers the tracker reads; `Insert` with the length of its keywords
/// (`INSERT INTO `, `INSERT IGNORE INTO `, `REPLACE INTO `).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Statement {
    Create,
    Insert(usize),
    Copy,
}

/// The longest keywords a statement starts with.
const LONGEST_KEYWORDS: usize = "INSERT IGNORE INTO ".len();

/// The statement that starts at line start `i`, by its keywords (in any case).
fn statement_at(hay: &[u8], i: usize) -> Option<Statement> {
    let rest = &hay[i..];
    let is = |k: &str| rest.len() >= k.len() && rest[..k.len()].eq_ignore_ascii_case(k.as_bytes());
    if is("CREATE TABLE ") {
        Some(Statement::Create)
    } else if let Some(k) = ["INSERT INTO ", "INSERT IGNORE INTO ", "REPLACE INTO "]
        .into_iter()
        .find(|k| is(k))
    {
        Some(Statement::Insert(k.len()))
    } else if is("COPY ") {
        Some(Statement::Copy)
    } else {
        None
    }
}

/// Whether string literals of the dump escape with a backslash (MySQL and MariaDB, whose
/// dumps quote names with backticks); in PostgreSQL and SQLite `'C:\'` is a whole string.
fn backslash_escapes(head: &[u8]) -> bool {
    let head = &head[..head.len().min(SNIFF)];
    head.contains(&b'`')
        || [&b"MySQL"[..], b"MariaDB", b"phpMyAdmin"]
            .iter()
            .any(|w| memchr::memmem::find(head, w).is_some())
}

/// Offsets of the starts of lines in `hay` (0 and after every `\n`).
fn line_starts(hay: &[u8]) -> impl Iterator<Item = usize> + '_ {
    std::iter::once(0).chain(memchr::memchr_iter(b'\n', hay).map(|i| i + 1))
}

/// Rows of one table, from `start` (absolute offset in the file) on.
#[derive(Debug, Clone)]
struct Section {
    start: u64,
    /// Where a `COPY` block ends (its `\.` line); `INSERT` sections end where the next
    /// section starts.
    end: Option<u64>,
    copy: bool,
    names: Names,
}

/// The sections a window's values may stand in, and the window's offset in the file.
#[derive(Debug, Clone)]
pub(crate) struct Sections {
    sections: Arc<[Section]>,
    /// Whether string literals escape with a backslash.
    backslash: bool,
    origin: u64,
}

impl Sections {
    /// The same sections for a window that starts at `origin` in the file.
    pub fn at(&self, origin: u64) -> Sections {
        Sections {
            sections: Arc::clone(&self.sections),
            backslash: self.backslash,
            origin,
        }
    }

    /// The name of the column of the value at `s` of the window `hay`, if it stands in a
    /// row of a known table.
    pub fn name_at<'a>(&'a self, hay: &[u8], s: usize) -> Option<&'a [u8]> {
        let abs = self.origin + s as u64;
        let k = self.sections.partition_point(|x| x.start <= abs);
        let section = self.sections.get(k.checked_sub(1)?)?;
        if section.names.is_empty() || section.end.is_some_and(|e| abs >= e) {
            return None;
        }
        let from = s.saturating_sub(REACH);
        let field = match section.copy {
            true => {
                let start = memchr::memrchr(b'\n', &hay[from..s])? + from + 1;
                (self.origin + start as u64 >= section.start).then_some(())?;
                memchr::memchr_iter(b'\t', &hay[start..s]).count()
            }
            false => {
                let (start, field) = insert_field(&hay[from..], s - from, self.backslash)?;
                (self.origin + (from + start) as u64 >= section.start).then_some(())?;
                field
            }
        };
        section.names.get(field).map(Vec::as_slice)
    }
}

/// The field of the value at `s` in a row of `INSERT … VALUES (…), (…)`: the nearest `(`
/// before `s` that opens a row (after `VALUES` or after `,` that follows `)`), from which
/// the fields are counted up to `s` with quotes and brackets read. Returns the row's start
/// and the field's index.
fn insert_field(hay: &[u8], s: usize, backslash: bool) -> Option<(usize, usize)> {
    let mut i = s;
    // (A few brackets back at most: the row's own brackets are few.)
    for _ in 0..8 {
        let open = memchr::memrchr(b'(', &hay[..i])?;
        i = open;
        if opens_row(hay, open)
            && let Some(field) = field_of(&hay[open + 1..s], backslash)
        {
            return Some((open, field));
        }
    }
    None
}

/// Whether the `(` at `open` opens a row: `VALUES (`, `VALUES(`, `),(`, `),\n(`.
fn opens_row(hay: &[u8], open: usize) -> bool {
    let before = hay[..open].trim_ascii_end();
    match before.last() {
        Some(b',') => before[..before.len() - 1].trim_ascii_end().last() == Some(&b')'),
        _ => before.len() >= 6 && before[before.len() - 6..].eq_ignore_ascii_case(b"values"),
    }
}

/// The index of the field that the end of `row` (the text of a row after its `(`) stands
/// in, or `None` if the row closed before it.
fn field_of(row: &[u8], backslash: bool) -> Option<usize> {
    let mut field = 0;
    for (_, b, depth) in outside_quotes(row, backslash) {
        match (b, depth) {
            (b')', 0) => return None,
            (b',', 0) => field += 1,
            _ => {}
        }
    }
    Some(field)
}

/// The bytes of `text` that stand outside quotes (`'`, `"`, backticks), each with its offset
/// and the depth of the brackets around it (for a `)`, inside the bracket it closes). A
/// doubled quote stands for itself; with `backslash`, a backslash inside quotes escapes the
/// byte after it.
fn outside_quotes(text: &[u8], backslash: bool) -> impl Iterator<Item = (usize, u8, usize)> + '_ {
    let (mut i, mut depth, mut quote) = (0, 0usize, None::<u8>);
    std::iter::from_fn(move || {
        while i < text.len() {
            let (at, b) = (i, text[i]);
            i += 1;
            match quote {
                Some(_) if b == b'\\' && backslash => i += 1,
                Some(q) if b == q => match text.get(i) == Some(&q) {
                    true => i += 1,
                    false => quote = None,
                },
                Some(_) => {}
                None => {
                    let around = depth;
                    match b {
                        b'\'' | b'"' | b'`' => quote = Some(b),
                        b'(' => depth += 1,
                        b')' => depth = depth.saturating_sub(1),
                        _ => {}
                    }
                    return Some((at, b, around));
                }
            }
        }
        None
    })
}

/// Reads the statements of a dump in the order of the file.
#[derive(Debug, Default)]
pub(crate) struct Tracker {
    /// Columns of the tables created so far, by name (lower case, without schema).
    tables: HashMap<Vec<u8>, Names>,
    sections: Vec<Section>,
    /// The column list of the last `INSERT` section as written (`pg_dump --column-inserts`
    /// repeats it on every row: one section serves them all).
    last_list: Vec<u8>,
    /// Whether string literals escape with a backslash.
    backslash: bool,
    /// Absolute offset up to which statement headers were read.
    done: u64,
    /// Whether `done` lies inside a line (its start was read already).
    mid_line: bool,
    /// The bytes from `done` on that the last buffer ended in (a header not yet complete).
    carry: Vec<u8>,
}

impl Tracker {
    /// A tracker for the dump that starts with `head`.
    pub fn new(head: &[u8]) -> Tracker {
        Tracker {
            backslash: backslash_escapes(head),
            ..Tracker::default()
        }
    }

    /// Reads the statements in `buf`, whose first byte is at `base` in the file (buffers
    /// come in order and may overlap); `eof` when the file ends with it. Returns the
    /// sections that windows of this buffer may need. A line whose start cannot be told
    /// yet (the start of a statement's keywords, or of a `COPY` block's `\.`, at the end
    /// of the buffer) or whose statement header is cut is read again with the next buffer.
    pub fn feed(&mut self, buf: &[u8], base: u64, eof: bool) -> Sections {
        let mut text: Vec<u8>;
        let (hay, at): (&[u8], u64) = if self.done >= base {
            (&buf[(self.done - base) as usize..], self.done)
        } else {
            // The header began before this buffer: join what was kept with the rest.
            let kept = self.done + self.carry.len() as u64;
            text = std::mem::take(&mut self.carry);
            text.extend_from_slice(&buf[(kept.max(base) - base) as usize..]);
            (&text[..], self.done)
        };
        let first = match self.mid_line {
            true => memchr::memchr(b'\n', hay).map_or(hay.len(), |i| i + 1),
            false => 0,
        };
        // The start of the last line, which has not ended yet unless the input has.
        let last = memchr::memrchr(b'\n', hay).map_or(0, |i| i + 1);
        let mut resume = None;
        let mut open_copy = self
            .sections
            .last()
            .is_some_and(|s| s.copy && s.end.is_none());
        let starts = std::iter::once(first)
            .chain(memchr::memchr_iter(b'\n', &hay[first..]).map(|i| first + i + 1));
        for i in starts {
            if i >= hay.len() {
                break;
            }
            let short = !eof && i >= last && hay.len() - i < LONGEST_KEYWORDS;
            if open_copy {
                match copy_end(&hay[i..], eof || i < last) {
                    Some(true) => {
                        if let Some(open) = self.sections.last_mut() {
                            open.end = Some(at + i as u64);
                        }
                        open_copy = false;
                    }
                    Some(false) => {}
                    None => {
                        resume = Some(i);
                        break;
                    }
                }
                continue;
            }
            match statement_at(hay, i) {
                Some(kind) => match self.header(kind, &hay[i..], at + i as u64) {
                    Some(copy) => open_copy = copy,
                    None if !eof && hay.len() - i <= MAX_HEADER => {
                        // Cut off by the end of the buffer: read again with the next one.
                        resume = Some(i);
                        break;
                    }
                    None => {}
                },
                None if short => {
                    resume = Some(i);
                    break;
                }
                None => {}
            }
        }
        let resume_at = resume.unwrap_or(hay.len());
        if resume.is_some() {
            self.mid_line = false;
        } else if !hay.is_empty() {
            self.mid_line = hay[hay.len() - 1] != b'\n';
        }
        self.done = at + resume_at as u64;
        self.carry = hay[resume_at..].to_vec();
        // Sections that end before this buffer are no longer needed (the last one is
        // kept: its rows may go on).
        let keep = self
            .sections
            .iter()
            .rposition(|s| s.start + REACH as u64 <= base)
            .unwrap_or(0);
        self.sections.drain(..keep);
        Sections {
            sections: self.sections.clone().into(),
            backslash: self.backslash,
            origin: 0,
        }
    }

    /// Reads the header of a statement at the start of `text` (at `abs` in the file).
    /// `None` when it is not complete in `text` (headers longer than [`MAX_HEADER`] never
    /// are); `Some` when it is read, also when it says nothing usable, with whether a
    /// `COPY` block of rows follows.
    fn header(&mut self, kind: Statement, text: &[u8], abs: u64) -> Option<bool> {
        let text = &text[..text.len().min(MAX_HEADER)];
        match kind {
            Statement::Create => {
                let open = memchr::memchr(b'(', text)?;
                let name = table_name(&text[b"CREATE TABLE ".len()..open]);
                let (body, _) = bracketed(&text[open..], self.backslash)?;
                let names: Vec<Vec<u8>> = split_top(body, self.backslash)
                    .filter(|item| !constraint(item))
                    .filter_map(|item| {
                        let first = item.trim_ascii().split(u8::is_ascii_whitespace).next()?;
                        Some(unquote(first))
                    })
                    .collect();
                self.tables.insert(name, names.into());
                Some(false)
            }
            Statement::Insert(keywords) => {
                // The table's name, then maybe a column list, then `VALUES`.
                let skip = |mut i: usize| {
                    while text.get(i).is_some_and(u8::is_ascii_whitespace) {
                        i += 1;
                    }
                    i
                };
                let mut i = skip(keywords);
                let name_end = i + text[i..]
                    .iter()
                    .position(|&b| b == b'(' || b.is_ascii_whitespace())?;
                let name = &text[i..name_end];
                i = skip(name_end);
                let mut list = None;
                if text.get(i) == Some(&b'(') {
                    let (inner, after) = bracketed(&text[i..], self.backslash)?;
                    list = Some(inner);
                    i = skip(i + after);
                }
                let values = text.get(i..i + 6)?.eq_ignore_ascii_case(b"values");
                let start = abs + (i + 6) as u64;
                match (values, list) {
                    // `pg_dump --column-inserts` repeats the list on every row.
                    (true, Some(list)) if list == self.last_list && self.last_is_insert() => {}
                    (true, Some(list)) => {
                        let names = split_top(list, self.backslash)
                            .map(unquote)
                            .collect::<Vec<_>>();
                        self.push(start, false, Some(names.into()));
                        self.last_list = list.to_vec();
                    }
                    (true, None) => {
                        let names = match self.tables.is_empty() {
                            true => None,
                            false => self.tables.get(&table_name(name)).cloned(),
                        };
                        self.push(start, false, names);
                    }
                    // `INSERT … SELECT`: no rows follow.
                    (false, _) => self.push(start, false, None),
                }
                Some(false)
            }
            Statement::Copy => {
                let line = &text[..memchr::memchr(b'\n', text)?];
                let line = line.strip_suffix(b"\r").unwrap_or(line);
                // Only `COPY … FROM stdin;` has rows after it (not `COPY … TO '/x.csv'`).
                let stdin = line.len() >= 11
                    && line[line.len() - 11..].eq_ignore_ascii_case(b"from stdin;");
                if !stdin {
                    self.push(abs, false, None);
                    return Some(false);
                }
                let names = match memchr::memchr(b'(', line) {
                    Some(open) => {
                        let (list, _) = bracketed(&line[open..], self.backslash)?;
                        Some(Names::from(
                            split_top(list, self.backslash)
                                .map(unquote)
                                .collect::<Vec<_>>(),
                        ))
                    }
                    None => {
                        let name_end = line[5..]
                            .iter()
                            .position(u8::is_ascii_whitespace)
                            .map_or(line.len(), |p| 5 + p);
                        self.tables.get(&table_name(&line[5..name_end])).cloned()
                    }
                };
                let after = memchr::memchr(b'\n', text)? + 1;
                self.push(abs + after as u64, true, names);
                Some(true)
            }
        }
    }

    fn last_is_insert(&self) -> bool {
        self.sections.last().is_some_and(|l| !l.copy)
    }

    fn push(&mut self, start: u64, copy: bool, names: Option<Names>) {
        let names = names.unwrap_or_else(|| Arc::from(Vec::new()));
        // A statement of rows of the same columns as the section before it goes on in that
        // section (one-row `INSERT`s, or statements whose columns are unknown).
        if !copy
            && self.sections.last().is_some_and(|l| {
                !l.copy && (Arc::ptr_eq(&l.names, &names) || l.names.is_empty() && names.is_empty())
            })
        {
            return;
        }
        self.last_list.clear();
        self.sections.push(Section {
            start,
            end: None,
            copy,
            names,
        });
    }
}

/// Whether an item of `CREATE TABLE (…)` is a constraint, not a column: `PRIMARY KEY (id)`,
/// `KEY idx (a)`, `` UNIQUE KEY `u` (`a`) ``, `CONSTRAINT fk FOREIGN KEY …`, `CHECK (…)`.
/// A column may be named like one (`key TEXT`, `index varchar(64)` in SQLite): a constraint
/// goes on with a bracket, `KEY`/`INDEX`, or a name and a bracket.
fn constraint(item: &[u8]) -> bool {
    let mut words = item
        .trim_ascii()
        .split(u8::is_ascii_whitespace)
        .filter(|w| !w.is_empty());
    let Some(first) = words.next() else {
        return true;
    };
    let is = |w: &[u8], list: &[&str]| list.iter().any(|x| w.eq_ignore_ascii_case(x.as_bytes()));
    if is(
        first,
        &["primary", "constraint", "foreign", "check", "exclude"],
    ) {
        return true;
    }
    if !is(first, &["key", "index", "unique", "fulltext", "spatial"]) {
        return false;
    }
    match words.next() {
        None => false,
        Some(second) => {
            second.starts_with(b"(")
                || is(second, &["key", "index"])
                || words.next().is_some_and(|third| third.starts_with(b"("))
                || (second.starts_with(b"`") || second.starts_with(b"\""))
        }
    }
}

/// Whether the line at the start of `line` ends a `COPY` block (`\.` alone on its line);
/// `None` when that cannot be told yet (`complete`: the line is whole).
fn copy_end(line: &[u8], complete: bool) -> Option<bool> {
    match line {
        [b'\\', b'.', b'\n' | b'\r', ..] => Some(true),
        [b'\\', b'.'] | [b'\\'] | [] if !complete => None,
        [b'\\', b'.'] => Some(true),
        _ => Some(false),
    }
}

/// The text inside the brackets that open at the start of `text` (nested brackets and
/// quotes read), and the offset after the closing one.
fn bracketed(text: &[u8], backslash: bool) -> Option<(&[u8], usize)> {
    outside_quotes(text, backslash)
        .find(|&(_, b, depth)| b == b')' && depth == 1)
        .map(|(i, _, _)| (&text[1..i], i + 1))
}

/// The items of a list separated by commas outside brackets and quotes.
fn split_top(list: &[u8], backslash: bool) -> impl Iterator<Item = &[u8]> {
    let mut from = 0;
    let mut items: Vec<&[u8]> = outside_quotes(list, backslash)
        .filter(|&(_, b, depth)| b == b',' && depth == 0)
        .map(|(i, _, _)| {
            let item = &list[from..i];
            from = i + 1;
            item
        })
        .collect();
    items.push(&list[from..]);
    items.into_iter().filter(|c| !c.trim_ascii().is_empty())
}

/// A name without its quotes, in lower case (`` `Telefon` `` → `telefon`).
fn unquote(name: &[u8]) -> Vec<u8> {
    name.trim_ascii()
        .iter()
        .filter(|&&b| !matches!(b, b'`' | b'"' | b'[' | b']'))
        .map(u8::to_ascii_lowercase)
        .collect()
}

/// A table's name without schema, quotes or `IF NOT EXISTS` (`public."Kunder"` → `kunder`).
fn table_name(text: &[u8]) -> Vec<u8> {
    let text = text.trim_ascii();
    let last = text
        .split(|b| b.is_ascii_whitespace())
        .rfind(|w| !w.is_empty())
        .unwrap_or(text);
    let last = match last.iter().rposition(|&b| b == b'.') {
        Some(dot) => &last[dot + 1..],
        None => last,
    };
    unquote(last)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names_of(dump: &str, needles: &[&str]) -> Vec<Option<String>> {
        let mut t = Tracker::new(dump.as_bytes());
        let sections = t.feed(dump.as_bytes(), 0, true);
        needles
            .iter()
            .map(|n| {
                let s = dump.find(n).expect("needle");
                sections
                    .name_at(dump.as_bytes(), s)
                    .map(|x| String::from_utf8_lossy(x).into_owned())
            })
            .collect()
    }

    #[test]
    fn columns_of_mysqldump_rows() {
        let dump = "-- MySQL dump 10.13\n\nCREATE TABLE `kunder` (\n  `id` int NOT NULL,\n  `namn` varchar(64),\n  `telefon` varchar(32),\n  `belopp` decimal(10,2),\n  `ocr` varchar(20),\n  PRIMARY KEY (`id`),\n  KEY `x` (`namn`,`ocr`)\n);\nINSERT INTO `kunder` VALUES (1,'Ann, (x)','031123456',1.50,'2929921431'),(2,'O''Hara','040218028',NULL,'5478252405');\n";
        assert!(sniff(dump.as_bytes()));
        assert_eq!(
            names_of(
                dump,
                &[
                    "031123456",
                    "2929921431",
                    "040218028",
                    "5478252405",
                    "O''Hara"
                ]
            ),
            [
                Some("telefon".into()),
                Some("ocr".into()),
                Some("telefon".into()),
                Some("ocr".into()),
                Some("namn".into())
            ]
        );
    }

    #[test]
    fn columns_of_copy_blocks_and_column_lists() {
        let dump = "--\n-- PostgreSQL database dump\n--\nCOPY public.kunder (id, namn, telefon) FROM stdin;\n1\tAnn\t031123456\n\\.\n\nSELECT 1 (a) 031123457;\nINSERT INTO public.\"Ordrar\" (\"id\", \"ocr\") VALUES (7, '2929921431');\n";
        assert_eq!(
            names_of(dump, &["031123456", "031123457", "2929921431", "Ann"]),
            [
                Some("telefon".into()),
                None,
                Some("ocr".into()),
                Some("namn".into())
            ]
        );
        assert!(!sniff(b"Hej!\nSELECT * FROM t;\n"));
    }

    /// The names of the values at `needles` when `dump` is fed whole and when it is fed in
    /// two buffers cut at every byte (the second starting up to five bytes before the cut,
    /// as buffers overlap): always the same.
    fn same_in_two_buffers(dump: &str, needles: &[&str]) {
        let whole = names_of(dump, needles);
        let d = dump.as_bytes();
        for cut in 1..d.len() {
            for back in [0, 5] {
                let from = cut.saturating_sub(back);
                let mut t = Tracker::new(d);
                t.feed(&d[..cut], 0, false);
                // (Values are looked up in the whole text: a window has context before it.)
                let sections = t.feed(&d[from..], from as u64, true);
                let got: Vec<Option<String>> = needles
                    .iter()
                    .map(|n| {
                        sections
                            .name_at(d, dump.find(n).unwrap())
                            .map(|x| String::from_utf8_lossy(x).into_owned())
                    })
                    .collect();
                assert_eq!(got, whole, "cut at {cut}, next buffer from {from}");
            }
        }
    }

    #[test]
    fn every_cut_reads_alike() {
        // A keyword, a COPY block's end, a backslash in a COPY row and `COPY` inside a
        // line, each cut anywhere.
        same_in_two_buffers(
            "CREATE TABLE t (a int, telefon text);\nINSERT INTO t VALUES (1,'031123456');\n\
             COPY t (a, telefon) FROM stdin;\n1\tC:\\\\.x\n2\t031123457\n\\.\n\
             INSERT INTO u (id, note, telefon) VALUES (1,'see COPY of (a) x','031123459');\n\
             INSERT INTO u (id, note, telefon) VALUES (2,'y','031123458');\n",
            &["031123456", "031123457", "031123459", "031123458", "'y'"],
        );
    }

    #[test]
    fn dialects_and_look_alikes() {
        // PostgreSQL strings do not escape with a backslash; MySQL's do.
        assert_eq!(
            names_of(
                "INSERT INTO public.t (path, telefon) VALUES ('C:\\', '031123456');\n",
                &["031123456"]
            ),
            [Some("telefon".into())]
        );
        assert_eq!(
            names_of(
                "INSERT INTO `t` (`note`, `telefon`) VALUES ('it\\'s', '031123456');\n",
                &["031123456"]
            ),
            [Some("telefon".into())]
        );
        // A column named like a constraint keyword; `COPY … TO` has no rows after it.
        assert_eq!(
            names_of(
                "CREATE TABLE kv (key TEXT, telefon TEXT, KEY idx (key), UNIQUE KEY `u` (telefon));\n\
                 INSERT INTO kv VALUES ('a','031123456');\n\
                 COPY kv (key) TO '/tmp/x.csv';\n\
                 INSERT INTO u (id, telefon) VALUES (1,'031123457');\n",
                &["031123456", "031123457"]
            ),
            [Some("telefon".into()), Some("telefon".into())]
        );
        // One-row INSERTs of the same columns make one section.
        let mut t = Tracker::default();
        let rows = "INSERT INTO u (id, telefon) VALUES (1,'031123457');\n".repeat(50);
        t.feed(rows.as_bytes(), 0, true);
        assert_eq!(t.sections.len(), 1);
    }

    /// A header cut by the end of a buffer is read with the next one, also when the next
    /// buffer starts after the header's start.
    #[test]
    fn headers_across_buffers() {
        let dump = "CREATE TABLE t (\n  a int,\n  telefon text\n);\nINSERT INTO t VALUES (1,'031123456');\n";
        let cut = dump.find("telefon").unwrap();
        let mut t = Tracker::new(dump.as_bytes());
        t.feed(&dump.as_bytes()[..cut], 0, false);
        let from = cut - 3;
        let sections = t.feed(&dump.as_bytes()[from..], from as u64, true);
        let s = dump.find("031123456").unwrap();
        let window = sections.at(from as u64);
        assert_eq!(
            window.name_at(&dump.as_bytes()[from..], s - from),
            Some(&b"telefon"[..])
        );
    }
}

//! Senses of indicator words that say nothing about anyone, read from the words around them
//! on their line: the names of the categories themselves where a text describes kinds of
//! data (a policy, a register of processing, a form's schema), figures about a whole
//! staff, the blank of a form to be filled in, a workplace, a named clinic or office, and a
//! subject of study or a part of a program.

use super::{escaped_before, is_word, same_word};
use crate::kind::Category;

/// Words that name a special category rather than say one of a person (`politiska åsikter`,
/// `sexual orientation`, `RELIGION`), compared as whole findings in any case.
const GENERIC: &[(Category, &[&str])] = &[
    (
        Category::Health,
        &[
            "hälsouppgifter",
            "hälsodata",
            "health data",
            "uppgifter om hälsa",
            // Only named in lists (`(hälsa, religion, etnicitet)`): no indicator itself.
            "hälsa",
            "health",
            // Disability is a ground in lists of them and names a field (`Funktionsnedsättning:
            // rullstol`); said of someone it stays an indicator.
            "funktionsnedsättning",
            "funktionsnedsättningar",
            "disability",
            "disabilities",
        ],
    ),
    (
        Category::Ethnicity,
        &[
            "etniskt ursprung",
            "etnisk tillhörighet",
            "etnicitet",
            "ethnicity",
            "ethnic origin",
            "racial or ethnic",
            "racial or ethnic origin",
            "racial",
        ],
    ),
    (
        Category::Political,
        &[
            "politiska åsikter",
            "politisk åsikt",
            "politisk uppfattning",
            "political opinion",
            "political opinions",
            "political view",
            "political views",
            "political",
        ],
    ),
    (
        Category::Religion,
        &[
            "religion",
            "religiös",
            "religiösa",
            "religious",
            "trosuppfattning",
            "trossamfund",
        ],
    ),
    (
        Category::TradeUnion,
        &[
            "fackförening",
            "fackligt",
            "facklig",
            "fackmedlemskap",
            "trade union",
            "union membership",
            "trade_union",
        ],
    ),
    (
        Category::SexLife,
        &[
            "sexualliv",
            "sexuell läggning",
            "sexuella läggning",
            "sex life",
            "sexual orientation",
            "sex_life",
        ],
    ),
    (
        Category::Genetic,
        &["genetiska", "genetisk", "genetic", "genetic data"],
    ),
    (
        Category::Biometric,
        &["biometriska", "biometrisk", "biometric", "biometric data"],
    ),
    (
        Category::Criminal,
        &[
            "lagöverträdelser",
            "criminal convictions",
            "criminal offences",
            "criminal records",
        ],
    ),
];

/// Nouns after a category's name that make it a kind of data (`biometriska uppgifter`,
/// `health data`, `genetic information`).
const DATA_NOUNS: &[&str] = &[
    "uppgifter",
    "personuppgifter",
    "data",
    "information",
    "kategori",
    "kategorier",
    "category",
    "categories",
    // A form's or a schema's field for it (`Ethnicity monitoring form`, `Add religion field
    // to profile schema`; the words of [`FIELD_WORDS`] count here too). Not `form`, as in
    // `en genetisk form av epilepsi`.
    "formulär",
    "monitoring",
    "variable",
    "variabel",
];

/// Words right before a category's name that make it a field's name (`Ny kolumn: etnicitet`,
/// `field religion`).
const FIELD_WORDS: &[&str] = &[
    "kolumn",
    "kolumnen",
    "column",
    "fält",
    "fältet",
    "field",
    "attribut",
    "attribute",
];

/// Words before a category's name that make it a kind of data (`uppgifter om hälsa`,
/// `policy on biometric data`, `personuppgifter som rör sexualliv`).
const ABOUT: &[&[&str]] = &[
    &["uppgifter", "om"],
    &["uppgift", "om"],
    &["personuppgifter", "om"],
    &["information", "om"],
    &["som", "rör"],
    &["som", "avslöjar"],
    &["data", "on"],
    &["data", "about"],
    &["data", "concerning"],
    &["data", "revealing"],
    &["policy", "on"],
    &["policyn", "om"],
];

/// Words folded as [`fold`] does, sorted, each with a value, and a bit set of their hashes
/// that turns most other words away before the bisection (every word of a finding's line
/// is asked, for every indicator word found).
struct FoldedSet<T> {
    words: Vec<(Vec<u8>, T)>,
    hashes: [u64; HASH_WORDS],
}

/// Bits of the hash of a folded word, and the set's size in words of 64 bits.
const HASH_BITS: u32 = 12;
const HASH_WORDS: usize = (1 << HASH_BITS) / 64;

/// The hash of a folded word.
fn fold_hash(key: &[u8]) -> usize {
    let h = key.iter().fold(0u64, |h, &b| {
        (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x517C_C1B7_2722_0A95)
    });
    (h >> (64 - HASH_BITS)) as usize
}

impl<T: Copy> FoldedSet<T> {
    /// The set of `words`; a word listed twice keeps its first value.
    fn new(words: impl Iterator<Item = (Vec<u8>, T)>) -> FoldedSet<T> {
        let mut words: Vec<(Vec<u8>, T)> = words.collect();
        // (A stable sort keeps a word's first value first; `dedup` keeps that one.)
        words.sort_by(|a, b| a.0.cmp(&b.0));
        words.dedup_by(|later, first| later.0 == first.0);
        let mut hashes = [0; HASH_WORDS];
        for (w, _) in &words {
            let h = fold_hash(w);
            hashes[h / 64] |= 1 << (h % 64);
        }
        FoldedSet { words, hashes }
    }

    /// The value of `word` (any case), if the set holds it.
    fn get(&self, word: &[u8]) -> Option<T> {
        let mut buf = [0; FOLD_MAX];
        let key = fold_into(word, &mut buf)?;
        let h = fold_hash(key);
        if self.hashes[h / 64] >> (h % 64) & 1 == 0 {
            return None;
        }
        self.words
            .binary_search_by(|(w, _)| w.as_slice().cmp(key))
            .ok()
            .map(|i| self.words[i].1)
    }
}

/// The first words of the names in [`GENERIC`].
fn first_words() -> &'static FoldedSet<()> {
    static FIRST: std::sync::OnceLock<FoldedSet<()>> = std::sync::OnceLock::new();
    FIRST.get_or_init(|| {
        FoldedSet::new(
            GENERIC
                .iter()
                .flat_map(|(_, words)| words.iter())
                .map(|w| (fold(w.split(' ').next().unwrap_or(w).as_bytes()), ())),
        )
    })
}

/// Whether `word` (plain UTF-8) is the first word of a name in [`GENERIC`], in any case.
fn is_first_word(word: &[u8]) -> bool {
    first_words().get(word).is_some()
}

/// The longest word [`fold_into`] folds: more than any name of [`GENERIC`] with escapes.
const FOLD_MAX: usize = 96;

/// `w` folded as [`fold`] does, into `buf` (none when longer than it).
fn fold_into<'b>(w: &[u8], buf: &'b mut [u8; FOLD_MAX]) -> Option<&'b [u8]> {
    let key = buf.get_mut(..w.len())?;
    for (k, c) in key.iter_mut().zip(folded(w)) {
        *k = c;
    }
    Some(key)
}

/// `w` in small letters as [`super::same_word`] compares them.
fn folded(w: &[u8]) -> impl Iterator<Item = u8> + '_ {
    (0..w.len()).map(|k| super::folded_at(w, k))
}

fn fold(w: &[u8]) -> Vec<u8> {
    folded(w).collect()
}

/// The category whose name `found` is, if it is one.
pub(crate) fn generic(found: &[u8]) -> Option<Category> {
    // (The longest name is under 30 bytes; its escapes make it at most three times longer.)
    if found.len() > 90 {
        return None;
    }
    names().get(&plain(found))
}

/// The names in [`GENERIC`], each with the category it is listed under first.
fn names() -> &'static FoldedSet<Category> {
    static NAMES: std::sync::OnceLock<FoldedSet<Category>> = std::sync::OnceLock::new();
    NAMES.get_or_init(|| {
        FoldedSet::new(
            GENERIC
                .iter()
                .flat_map(|(cat, words)| words.iter().map(|w| (fold(w.as_bytes()), *cat))),
        )
    })
}

/// How far the rules here read a finding's line on either side.
const LINE_REACH: usize = 200;

/// The line around `s..e`, at most `reach` bytes either side of it.
pub(crate) fn line_within(hay: &[u8], s: usize, e: usize, reach: usize) -> (usize, usize) {
    let from = s.saturating_sub(reach);
    let a = memchr::memrchr2(b'\n', b'\r', &hay[from..s]).map_or(from, |i| from + i + 1);
    let to = hay.len().min(e + reach);
    let z = memchr::memchr2(b'\n', b'\r', &hay[e..to]).map_or(to, |i| e + i);
    (a, z)
}

/// The line around `s..e` as the rules here read it.
fn line(hay: &[u8], s: usize, e: usize) -> (usize, usize) {
    line_within(hay, s, e, LINE_REACH)
}

/// Whether `hay[i..]` starts with a JSON escape of a character (`\u00e4`): its length.
fn unicode_escape(hay: &[u8], i: usize) -> Option<usize> {
    let b = hay.get(i..i + 6)?;
    (b[0] == b'\\' && b[1] == b'u' && b[2..].iter().all(u8::is_ascii_hexdigit)).then_some(6)
}

/// The last `N` words of `hay[a..z]` (fewer when it has fewer: their number), in order,
/// without a list of all of them on the heap.
fn last_words<const N: usize>(hay: &[u8], a: usize, z: usize) -> ([(usize, usize); N], usize) {
    let mut ring = [(0, 0); N];
    let mut n = 0;
    for w in words(hay, a, z) {
        ring[n % N] = w;
        n += 1;
    }
    // The oldest of the last `N` stands at `n % N` once the ring has turned.
    if n > N {
        ring.rotate_left(n % N);
    }
    (ring, n.min(N))
}

/// The words of `hay[a..z]` as ranges, in order; a JSON escape of a letter belongs to its
/// word (`l\u00e4ggning`), the escape of a line break or tab separates words.
fn words(hay: &[u8], a: usize, z: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut i = a;
    let word_at = move |i: usize| {
        if is_word(hay[i]) {
            Some(1)
        } else {
            unicode_escape(hay, i)
        }
    };
    std::iter::from_fn(move || {
        while i < z && word_at(i).is_none() {
            // `\n`, `\t`: the letter after the backslash is no word's.
            i += match hay.get(i..i + 2) {
                Some([b'\\', b'n' | b'r' | b't']) => 2,
                _ => 1,
            };
        }
        if i >= z {
            return None;
        }
        let s = i;
        while i < z
            && let Some(n) = word_at(i)
        {
            i += n;
        }
        Some((s, i.min(z)))
    })
}

/// The word `w` of the text as UTF-8, with its JSON escapes read (`l\u00E4ggning` is
/// `läggning`) and bytes that are not UTF-8 read as Windows-1252 (`l\xe4ggning`, also in
/// UTF-16 text, which the scanner narrows to those bytes).
fn plain(w: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    use std::borrow::Cow;
    let w: Cow<'_, [u8]> = match w.is_ascii() || std::str::from_utf8(w).is_ok() {
        true => Cow::Borrowed(w),
        false => Cow::Owned(crate::encoding::value_text(w).into_bytes()),
    };
    if !w.contains(&b'\\') {
        return w;
    }
    let mut text = Vec::with_capacity(w.len());
    let mut i = 0;
    while i < w.len() {
        match unicode_escape(&w, i).and_then(|n| Some((escaped_before(&w, i + n)?, n))) {
            Some((c, n)) => {
                text.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
                i += n;
            }
            None => {
                text.push(w[i]);
                i += 1;
            }
        }
    }
    std::borrow::Cow::Owned(text)
}

/// Whether the word `w` of the text is one of `list` in any case (see `same_word`), its
/// JSON escapes and Windows-1252 bytes read (see `plain`).
pub(crate) fn any_eq(w: &[u8], list: &[&str]) -> bool {
    let w = plain(w);
    list.iter().any(|x| same_word(&w, x.as_bytes()))
}

/// Whether the finding `found` names an attribute whose value is what says something of
/// someone: a category's name ([`GENERIC`]) or a column name that says one (`Diagnos`,
/// `Religion`, `Etnicitet`), unlike a fact's word as a key (`Döpt: Tomasz`, `Stroke:
/// 14:32`).
pub(crate) fn names_an_attribute(found: &[u8]) -> bool {
    generic(found).is_some() || super::columns::says_a_category(&found.to_ascii_lowercase())
}

/// Where a finding is a key or a field's name (`"religion": "Buddhist"`, `Diagnos:
/// astma`, `\"religion\":`): `Some` with the span of its value, `None` inside when the
/// value says nothing (`"religion": "none"`, `Etnicitet: vill ej uppge`, `"x": null`).
pub(crate) fn key_value(hay: &[u8], e: usize) -> Option<Option<(usize, usize)>> {
    key_end(hay, e).map(|k| value_after(hay, k))
}

/// Where the value of a key ending at `e` may start: after a closing quote, escaped or not,
/// and `:` or `=`.
fn key_end(hay: &[u8], e: usize) -> Option<usize> {
    let mut k = e;
    if hay.get(k) == Some(&b'\\') {
        k += 1;
    }
    if matches!(hay.get(k), Some(b'"' | b'\'')) {
        k += 1;
    }
    matches!(hay.get(k), Some(b':' | b'=')).then_some(k + 1)
}

/// Whether a key's value only says yes or counts (`true`, `ja`, `50`, `2024-03-01`): the
/// key is what says something then.
pub(crate) fn yes_or_number(value: &[u8]) -> bool {
    !value.iter().any(|&b| b.is_ascii_alphabetic() || b >= 0x80)
        || ["true", "ja", "yes", "x", "j", "y"]
            .iter()
            .any(|w| value.eq_ignore_ascii_case(w.as_bytes()))
}

/// Whether the finding `s..e` names its category as a kind of data: followed by a noun for
/// data, after words such as `uppgifter om`, next in a list of such names, or on a line
/// that names two more categories (`etniskt ursprung, politiska åsikter, religiös
/// övertygelse`, `enum Kind { ETHNICITY, POLITICAL, RELIGION }`).
pub(crate) fn names_a_category(hay: &[u8], s: usize, e: usize) -> bool {
    named_in_list(hay, s, e, 0)
}

/// [`names_a_category`] for the finding `s..e`, the `depth`th of a list of categories
/// looked back through (at most eight).
fn named_in_list(hay: &[u8], s: usize, e: usize, depth: usize) -> bool {
    let Some(cat) = generic(&hay[s..e]) else {
        return false;
    };
    let (a, z) = line(hay, s, e);
    let mut after = words(hay, e, z);
    if after
        .next()
        .is_some_and(|(x, y)| any_eq(&hay[x..y], DATA_NOUNS) || any_eq(&hay[x..y], FIELD_WORDS))
    {
        return true;
    }
    let before: Vec<(usize, usize)> = words(hay, a, s).collect();
    if let [.., (x, y)] = before[..]
        && y + 2 >= s
        && any_eq(&hay[x..y], FIELD_WORDS)
    {
        return true;
    }
    if let [.., (p, q), (x, y)] = before[..]
        && y + 2 >= s
        && ABOUT
            .iter()
            .any(|pair| any_eq(&hay[p..q], &pair[..1]) && any_eq(&hay[x..y], &pair[1..]))
    {
        return true;
    }
    // The next in a list of categories whose first is described (`uppgifter om sexuell
    // läggning och etniskt ursprung`, `om hälsa, etniskt ursprung`).
    let mut last = before.len();
    if last > 0
        && any_eq(
            &hay[before[last - 1].0..before[last - 1].1],
            &["och", "eller", "samt", "and", "or"],
        )
    {
        last -= 1;
    }
    for n in (1..=4.min(last)).filter(|_| depth < 8) {
        let (x, y) = (before[last - n].0, before[last - 1].1);
        if generic(&hay[x..y]).is_some() && named_in_list(hay, x, y, depth + 1) {
            return true;
        }
    }
    // Two more categories named on the line: single words, or up to four in a row.
    let all: Vec<(usize, usize)> = words(hay, a, z).collect();
    let mut others = Vec::new();
    for i in 0..all.len() {
        // Only where a name can start (most words start none).
        if !is_first_word(&plain(&hay[all[i].0..all[i].1])) {
            continue;
        }
        for n in 1..=4 {
            let Some(&(_, y)) = all.get(i + n - 1) else {
                break;
            };
            let x = all[i].0;
            if let Some(c) = generic(&hay[x..y]).filter(|&c| c != cat && (x >= e || y <= s))
                && !others.contains(&c)
            {
                others.push(c);
                if others.len() == 2 {
                    return true;
                }
            }
        }
    }
    false
}

/// The value after a key's `:` or `=` at `v`: quoted, or up to the end of its sentence,
/// field or tag; `None` when it is empty or says nothing (`"religion": "none"`, `Etnicitet:
/// vill ej uppge`) or opens a structure.
fn value_after(hay: &[u8], key_end: usize) -> Option<(usize, usize)> {
    let mut v = key_end;
    while v < hay.len() && v - key_end < 3 && hay[v] == b' ' {
        v += 1;
    }
    if hay
        .get(v..v + 2)
        .is_some_and(|q| q[0] == b'\\' && q[1] == b'"')
    {
        v += 1;
    }
    let quote = hay.get(v).copied().filter(|q| matches!(q, b'"' | b'\''));
    if quote.is_some() {
        v += 1;
    }
    let mut z = v;
    while z < hay.len() && z - v < 64 {
        let c = hay[z];
        let ends = match quote {
            Some(q) => c == q || c == b'\\',
            None => {
                matches!(
                    c,
                    b'\n' | b'\r' | b',' | b';' | b'<' | b'"' | b'|' | b'\t' | b'}' | b']'
                ) || (c == b'.' && hay.get(z + 1).is_none_or(|n| !n.is_ascii_alphanumeric()))
            }
        };
        if ends {
            break;
        }
        z += 1;
    }
    let value = hay[v..z].trim_ascii();
    let start = v + (hay[v..z].len() - hay[v..z].trim_ascii_start().len());
    let ok = !value.is_empty()
        && !matches!(value[0], b'{' | b'[')
        && !super::columns::says_nothing(value);
    ok.then_some((start, start + value.len()))
}

/// Words that end a phrase of work before a place (`arbetar på`, `works in the`, `ny
/// medarbetare på`, `employed at`): what follows is where someone works.
const WORK: &[&str] = &[
    "arbetar",
    "jobbar",
    "medarbetare",
    "anställd",
    "anställda",
    "tjänstgör",
    "works",
    "work",
    "working",
    "worked",
    "employed",
    "staff",
];

/// Prepositions between a word of [`WORK`] and the place.
const AT: &[&str] = &[
    "på", "i", "vid", "inom", "hos", "in", "at", "for", "on", "the",
];

/// Whether the finding at `s` names where someone works: one to three words after a word
/// of [`WORK`], only prepositions and articles between (`Användaren arbetar på
/// Infektionskliniken`, `Works in the prison laundry`).
pub(crate) fn workplace(hay: &[u8], s: usize) -> bool {
    let (a, _) = line(hay, s, s);
    let (last, n) = last_words::<4>(hay, a.max(s.saturating_sub(48)), s);
    for (seen, &(x, y)) in last[..n].iter().rev().enumerate() {
        let w = &hay[x..y];
        if any_eq(w, WORK) {
            return seen > 0;
        }
        if seen == 3 || !any_eq(w, AT) {
            return false;
        }
    }
    false
}

/// Words after a finding that make it a subject of study, a part of a program or a
/// product (`Religious Studies`, `diabetes module`, `biometric SDK`).
const NOT_SOMEONES: &[&str] = &[
    "studies", "study", "module", "modules", "modul", "modulen", "sdk", "api", "plugin",
    "endpoint", "feature", "library", "kunskap",
    // An organisation's branch signing (`Unionen avd. Lidaholm`).
    "avd",
];

/// Institutions and meetings whose names a finding with a capital may open, before one of
/// these with a capital (`The Catholic University of Leuven`, `Religion Conference 2024`;
/// not `a Muslim university student`).
const INSTITUTIONS: &[&str] = &[
    "university",
    "universitet",
    "universitetet",
    "college",
    "conference",
    "konferens",
    "konferensen",
    "seminar",
    "seminarium",
];

/// Nouns for a work or an event whose title opens with the finding in quotes
/// (`Konferensen "Religion i det offentliga rummet"`, `the book "Depression and…"`).
const WORK_NOUNS: &[&str] = &[
    "konferensen",
    "konferens",
    "conference",
    "seminariet",
    "seminarium",
    "seminar",
    "kursen",
    "course",
    "boken",
    "book",
    "artikeln",
    "article",
    "rapporten",
    "report",
    "föreläsningen",
    "lecture",
    "filmen",
    "film",
    "podden",
    "podcast",
    "utställningen",
    "exhibition",
];

/// Roles of an organisation toward others, after `som` or `as`.
const ROLES: &[&str] = &[
    "hyresvärd",
    "hyresvärden",
    "arbetsgivare",
    "arbetsgivaren",
    "leverantör",
    "motpart",
    "motparten",
    "landlord",
    "employer",
    "supplier",
    "counterpart",
    "sponsor",
];

/// Words in a care unit's or an office's name (`Vårdcentralen Hälsan`, `Riverside
/// Surgery`, `Frivården i Östersund`), compared with the start or the end of a finding.
const PLACES: &[&str] = &[
    "vårdcentral",
    "surgery",
    "klinik",
    "kliniken",
    "mottagning",
    "fysioterapi",
    "sjukhus",
    "hospital",
    "clinic",
    "frivård",
    "kriminalvård",
    "probation",
];

/// Whether a quantity of goods follows a finding within the next four words of its item
/// (before a comma, semicolon, quote, bar or tab): a pack size (`2-pack`, `10pack`, `3-pk`)
/// or a number and a unit of weight for goods (`1 kg`, `5 hg`). The finding names a product
/// (`Graviditetstest 2-pack`, `Halal kycklingfilé 1 kg` in an order), not something of the
/// buyer's.
fn quantity_follows(rest: &[u8]) -> bool {
    const UNITS: &[&[u8]] = &[b"pack", b"pk", b"kg", b"hg"];
    let rest = &rest[..rest.len().min(48)];
    let item = rest
        .iter()
        .position(|b| matches!(b, b',' | b';' | b'"' | b'|' | b'\t'))
        .map_or(rest, |i| &rest[..i]);
    let mut words = item.split(|&b| b == b' ').filter(|w| !w.is_empty()).take(5);
    let mut word = words.next();
    for _ in 0..4 {
        let Some(w) = word else {
            return false;
        };
        let next = words.next();
        let digits = w.iter().take_while(|b| b.is_ascii_digit()).count();
        let unit = &w[digits..];
        let pack = |u: &[u8]| u.eq_ignore_ascii_case(b"pack") || u.eq_ignore_ascii_case(b"pk");
        if digits > 0
            && (unit.strip_prefix(b"-").is_some_and(pack)
                || unit.eq_ignore_ascii_case(b"pack")
                || (unit.is_empty()
                    && next.is_some_and(|u| UNITS.iter().any(|x| u.eq_ignore_ascii_case(x)))))
        {
            return true;
        }
        word = next;
    }
    false
}

/// Whether the finding `s..e` names what an observation of a FHIR resource measured, in
/// the `text` of its `code` or `category` (`"category":[{"text":"Klinisk genetik"}],
/// "code":{"text":"Genetisk analys"},"valueString":"HLA-B27 positiv"`): the result follows
/// as a `value…` key and is the fact. (A condition's `code` has no value after it: there
/// the text is the diagnosis.)
pub(crate) fn names_an_observation(hay: &[u8], s: usize, e: usize) -> bool {
    let before = hay[..s].trim_ascii_end();
    let Some(before) = before
        .strip_suffix(b"\"")
        .map(<[u8]>::trim_ascii_end)
        .and_then(|b| b.strip_suffix(b":"))
        .map(<[u8]>::trim_ascii_end)
        .and_then(|b| b.strip_suffix(b"\"text\""))
    else {
        return false;
    };
    // The object that holds the text, and the key it is the value of.
    let mut depth = 0usize;
    let mut open = None;
    for (k, &b) in before.iter().enumerate().rev().take(400) {
        match b {
            b'}' | b']' => depth += 1,
            b'{' | b'[' if depth > 0 => depth -= 1,
            b'{' => {
                open = Some(k);
                break;
            }
            _ => {}
        }
    }
    let Some(open) = open else {
        return false;
    };
    let key = before[..open].trim_ascii_end();
    let key = key.strip_suffix(b"[").map_or(key, <[u8]>::trim_ascii_end);
    let Some(key) = key.strip_suffix(b":").map(<[u8]>::trim_ascii_end) else {
        return false;
    };
    if !(key.ends_with(b"\"code\"") || key.ends_with(b"\"category\"")) {
        return false;
    }
    // A result after it, before the next resource.
    let after = &hay[e..hay.len().min(e + 400)];
    let value = memchr::memmem::find(after, b"\"value");
    let next = memchr::memmem::find(after, b"\"resourceType\"");
    value.is_some_and(|v| next.is_none_or(|n| v < n))
}

/// Whether the finding `s..e` is a named place or a thing rather than something of
/// someone's: followed by a word of [`NOT_SOMEONES`] or a quantity of goods, by `som` or `as` and one of
/// [`ROLES`], or by the object of a dictionary's entry; or a care unit or office of
/// [`PLACES`] with a name (a capitalised word right before or after it, or `i` and a
/// capitalised town after it).
pub(crate) fn named_place_or_thing(hay: &[u8], s: usize, e: usize) -> bool {
    let (a, z) = line(hay, s, e);
    let next: Vec<(usize, usize)> = words(hay, e, z).take(2).collect();
    let word = |i: usize| next.get(i).map(|&(x, y)| &hay[x..y]);
    let spaced = |x: usize, y: usize| hay[x..y].iter().all(|&c| c == b' ') && y - x == 1;
    if word(0).is_some_and(|w| any_eq(w, NOT_SOMEONES)) && spaced(e, next[0].0) {
        return true;
    }
    if hay[s].is_ascii_uppercase()
        && word(0).is_some_and(|w| w[0].is_ascii_uppercase() && any_eq(w, INSTITUTIONS))
        && spaced(e, next[0].0)
    {
        return true;
    }
    if quantity_follows(&hay[e..z]) {
        return true;
    }
    // The first word of a title in quotes after a work or an event.
    // (A space before the quote first: the line's words are read only then.)
    if s > a + 1
        && matches!(hay[s - 1], b'"' | b'\'')
        && hay[s - 2] == b' '
        && let Some((x, y)) = words(hay, a, s - 1).last()
        && y + 1 == s - 1
        && hay[y] == b' '
        && any_eq(&hay[x..y], WORK_NOUNS)
    {
        return true;
    }
    // An organisation in a role toward others (`Svenska kyrkan som hyresvärd`, `Unionen as
    // counterpart`).
    if word(0).is_some_and(|w| any_eq(w, &["som", "as"]))
        && word(1).is_some_and(|w| any_eq(w, ROLES))
    {
        return true;
    }
    // A key of a dictionary of organisations (`"Svenska kyrkan": {"orgnr": …}`).
    if key_end(hay, e).is_some_and(|k| hay[k..].trim_ascii_start().first() == Some(&b'{')) {
        return true;
    }
    let found = &hay[s..e];
    let place = |p: &&str| {
        let n = p.len();
        found.len() >= n
            && (same_word(&found[..n], p.as_bytes())
                || same_word(&found[found.len() - n..], p.as_bytes()))
    };
    if !PLACES.iter().any(place) {
        return false;
    }
    // (`Ö`, `Å` and `Ä` are `C3` and a byte below `A0`; small letters follow `C3` from it.)
    let capital = |w: &[u8]| match w {
        [c, ..] if c.is_ascii_uppercase() => true,
        [0xC3, c, ..] => (0x80..0x9F).contains(c) && *c != 0x97,
        _ => false,
    };
    if let Some(&(x, y)) = next.first()
        && spaced(e, x)
    {
        if capital(&hay[x..y]) {
            return true;
        }
        if any_eq(&hay[x..y], &["i", "in"])
            && hay[s].is_ascii_uppercase()
            && next
                .get(1)
                .is_some_and(|&(p, q)| spaced(y, p) && capital(&hay[p..q]))
        {
            return true;
        }
    }
    // A name of a place written in small letters after a capitalised genitive or adjective
    // (`Akademiska sjukhuset`, `Danderyds sjukhus`, `Kungsörs vårdcentral`).
    let genitive_or_adjective = |w: &[u8]| matches!(w.last(), Some(b's' | b'a'));
    let (last, n) = last_words::<1>(hay, a, s);
    if let [(p, q)] = last[..n]
        && spaced(q, s)
        && capital(&hay[p..q])
        && (hay[s].is_ascii_uppercase() || genitive_or_adjective(&hay[p..q]))
    {
        // Not the first word of a sentence (`Ny Vårdcentral` in a title is a name too, but
        // `Ring Vårdcentralen` starts a sentence with a verb).
        let first = p == a || hay[..p].trim_ascii_end().ends_with(b".");
        return !first;
    }
    false
}

/// Whether the word at `s` is part of a URL or a path: the token it stands in (up to a
/// space, a quote or an angle bracket, at most 256 bytes back) starts with `/` or holds
/// `://` or `www.` before it. A page's address names its subject
/// (`GET /omsorg-och-stod/missbruk-och-beroende`, `/sok?q=sjukskrivning`,
/// `https://www.1177.se/diabetes`), not anyone's.
pub(crate) fn in_url(hay: &[u8], s: usize) -> bool {
    let from = s.saturating_sub(256);
    let Some(a) = hay[from..s]
        .iter()
        .rposition(|&b| b.is_ascii_whitespace() || matches!(b, b'"' | b'\'' | b'<' | b'>'))
        .map(|i| from + i + 1)
    else {
        return false;
    };
    let token = &hay[a..s];
    token.first() == Some(&b'/')
        || super::contains(token, b"://")
        || super::contains(token, b"www.")
}

/// Whether the line of the finding `s..e` quotes a penal provision rather than says
/// anything of someone: the maximum of a sentence (`döms för misshandel till fängelse i
/// högst två år`, `liable to imprisonment for a term not exceeding`) or a provision's
/// opening at the start of the line or after its paragraph (`3 kap. 5 § BrB: Den som
/// tillfogar annan person kroppsskada, sjukdom …`).
pub(crate) fn quotes_a_statute(hay: &[u8], s: usize, e: usize) -> bool {
    let (a, z) = line(hay, s, e);
    let text = &hay[a..z];
    let has = |w: &str| super::contains(text, w.as_bytes());
    let opening = text.trim_ascii_start().starts_with(b"Den som ") || has("§") && has("Den som ");
    opening
        || has("i högst") && (has("fängelse") || has("böter"))
        || has("not exceeding") && has("imprisonment")
}

/// Whether the finding `s..e`, an act's abbreviation in capitals, names the act a provision
/// is cited from (`9 § 6 LSS`, `enligt 1 §\nLSS`): the law's name, not a person's support.
/// Back from `s` over white space and the provision's digits stands the section sign (`C2
/// A7` in UTF-8, or `A7` after an ASCII byte in Windows-1252; a lone `A7` ends `ç` and many
/// other letters), with a number before it.
pub(crate) fn cites_a_provision(hay: &[u8], s: usize, e: usize) -> bool {
    if !hay[s..e].iter().all(u8::is_ascii_uppercase) {
        return false;
    }
    let mut i = s;
    while i > 0 && s - i < 12 && (hay[i - 1].is_ascii_whitespace() || hay[i - 1].is_ascii_digit()) {
        i -= 1;
    }
    let Some(k) = i.checked_sub(1).filter(|&k| i < s && hay[k] == 0xA7) else {
        return false;
    };
    let sign = match k.checked_sub(1).map(|j| hay[j]) {
        Some(0xC2) => k - 1,
        None => k,
        Some(b) if b < 0x80 => k,
        Some(_) => return false,
    };
    hay[..sign]
        .trim_ascii_end()
        .last()
        .is_some_and(u8::is_ascii_digit)
}

/// Whether the finding ending at `e` heads one item of a list of shares (`Andel fackligt
/// anslutna: Kommunal 58 %, Vision 21 %`, `Diabetes 6 %, astma 9 %`): a number and `%`
/// after it, then a comma and another name with its share. A share alone is someone's
/// (`sjukskriven 50 %`).
pub(crate) fn share_in_a_list(hay: &[u8], e: usize) -> bool {
    let to = hay.len().min(e + 80);
    // A number with its `%` from `i`; returns the index after the sign.
    let share = |mut i: usize| {
        while i < to && matches!(hay[i], b' ' | b':') {
            i += 1;
        }
        let d = i;
        while i < to && (hay[i].is_ascii_digit() || (i > d && matches!(hay[i], b',' | b'.'))) {
            i += 1;
        }
        if i == d || !hay[i - 1].is_ascii_digit() {
            return None;
        }
        i += usize::from(hay.get(i) == Some(&b' '));
        (hay.get(i) == Some(&b'%')).then_some(i + 1)
    };
    let Some(i) = share(e) else {
        return false;
    };
    if hay.get(i..i + 2) != Some(b", ") {
        return false;
    }
    // The next item: one to three words, then its share.
    let mut j = i + 2;
    for _ in 0..3 {
        let w = j;
        while j < to && (hay[j].is_ascii_alphabetic() || hay[j] >= 0x80 || hay[j] == b'-') {
            j += 1;
        }
        if j == w {
            return false;
        }
        if share(j).is_some() {
            return true;
        }
        if hay.get(j) != Some(&b' ') {
            return false;
        }
        j += 1;
    }
    false
}

/// Whether the finding at `s` is said of a whole group: on a line that begins with
/// `Statistik`, `Statistics` or `Policy:`, after `Statistik:` or `Statistics:` on its line (a
/// chat message: `Anna: Statistik: sjukfrånvaron var 7,4 %`), or after a share of a group in
/// its sentence (`12 % av personalen`, `12% of staff`, `6 procent av invånarna`).
pub(crate) fn aggregate(hay: &[u8], s: usize) -> bool {
    let (a, _) = line(hay, s, s);
    let head = hay[a..s].trim_ascii_start();
    let starts = |w: &[u8]| head.len() >= w.len() && head[..w.len()].eq_ignore_ascii_case(w);
    if ["statistik", "statistics", "policy:", "policyn:"]
        .iter()
        .any(|w| starts(w.as_bytes()))
    {
        return true;
    }
    // (Looked for at the colons of the line: a comparison at every byte of a long line cost
    // 0.6 % of a scan's instructions.)
    let labelled = memchr::memchr_iter(b':', head).any(|i| {
        let ends = |w: &[u8]| i >= w.len() && head[i - w.len()..i].eq_ignore_ascii_case(w);
        ends(b"statistik") || ends(b"statistics")
    });
    if labelled {
        return true;
    }
    // The sentence before the finding.
    let mut b = s;
    while b > a
        && s - b < 120
        && !(matches!(hay[b - 1], b'.' | b'!' | b'?' | b';') && hay.get(b) == Some(&b' '))
    {
        b -= 1;
    }
    let share = |(x, y): (usize, usize)| {
        let w = &hay[x..y];
        let percent_sign =
            hay[y..hay.len().min(y + 2)].contains(&b'%') && w.iter().all(u8::is_ascii_digit);
        percent_sign
            || ["procent", "percent", "cent"]
                .iter()
                .any(|p| w.eq_ignore_ascii_case(p.as_bytes()))
    };
    let is = |w: Option<(usize, usize)>, list: &[&str]| {
        w.is_some_and(|(x, y)| {
            list.iter()
                .any(|p| hay[x..y].eq_ignore_ascii_case(p.as_bytes()))
        })
    };
    // A share of working time is someone's (`75 % av heltid`).
    let time = [
        "heltid",
        "heltiden",
        "arbetstiden",
        "ordinarie",
        "full",
        "full-time",
        "working",
        "normal",
        "lönen",
        "salary",
        "pay",
    ];
    // Three words at a time, read as they come (no list of the sentence's words is built:
    // this runs for every indicator word).
    let mut ws = words(hay, b, s);
    let mut three = [ws.next(), ws.next(), ws.next()];
    while let Some(w) = three[0] {
        if share(w) && is(three[1], &["av", "of"]) && !is(three[2], &time) {
            return true;
        }
        three = [three[1], three[2], ws.next()];
    }
    false
}

/// Answers that deny what a question asks (`Nej`, `Inga kända`, `No`, `Never`), compared as
/// the answer's first word.
const NO_ANSWERS: &[&str] = &[
    "nej", "no", "inga", "ingen", "inget", "none", "never", "aldrig",
];

/// Whether the finding ending at `e` stands in a question that the next field or words
/// answer with no (`'Har du diabetes?','Nej'`, `Allergier? Inga kända`, `"Are you
/// pregnant?";"No"`): the question names a condition, the answer says the person has none.
/// The question goes on from the finding to its `?` within 60 bytes of words, spaces,
/// commas and hyphens; after it, up to six quotes, backslashes, spaces and field separators
/// (`\",\"` in escaped JSON).
pub(crate) fn answered_no(hay: &[u8], e: usize) -> bool {
    let mut i = e;
    while i < hay.len() && i - e < 60 && (is_word(hay[i]) || b" ,-".contains(&hay[i])) {
        i += 1;
    }
    if hay.get(i) != Some(&b'?') {
        return false;
    }
    i += 1;
    let gap = i;
    while i < hay.len() && i - gap < 6 && b"'\\\" ,;:\t|".contains(&hay[i]) {
        i += 1;
    }
    let a = i;
    while i < hay.len() && hay[i].is_ascii_alphabetic() {
        i += 1;
    }
    if !(a > gap && any_eq(&hay[a..i], NO_ANSWERS)) {
        return false;
    }
    // The answer ends its field (`'Nej'`, `Nej.`, `Inga kända`), not a sentence's first
    // word (`Diabetes? No one knew.`).
    for more in [&b" k\xc3\xa4nda"[..], b" known"] {
        if hay[i..].starts_with(more) {
            i += more.len();
        }
    }
    hay.get(i)
        .is_none_or(|b| b"'\"\\,;:\t|\r\n.)]}".contains(b))
}

/// Whether the finding ending at `e` labels a blank of a form (`Misstänkt för: ______`,
/// `"Suspected of": ____`).
pub(crate) fn blank_follows(hay: &[u8], e: usize) -> bool {
    let mut i = e;
    let mut colon = false;
    while i < hay.len() && i - e < 8 {
        match hay[i] {
            b':' => colon = true,
            b' ' | b'"' | b'\'' | b'\t' | 0x80..=0xBF | 0xE2 => {}
            _ => break,
        }
        i += 1;
    }
    colon && hay.get(i..i + 3) == Some(b"___")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_words_of_names_in_any_case() {
        let by_scan = |w: &[u8]| {
            GENERIC
                .iter()
                .flat_map(|(_, words)| words.iter())
                .any(|n| same_word(w, n.split(' ').next().unwrap().as_bytes()))
        };
        let mut tried = 0;
        for (_, words) in GENERIC {
            for name in *words {
                for word in name.split(' ') {
                    let mut chars = word.chars();
                    let capital: String = chars
                        .next()
                        .into_iter()
                        .flat_map(char::to_uppercase)
                        .chain(chars)
                        .collect();
                    for form in [word.to_string(), word.to_uppercase(), capital] {
                        assert_eq!(
                            is_first_word(form.as_bytes()),
                            by_scan(form.as_bytes()),
                            "{form}"
                        );
                        tried += 1;
                    }
                }
            }
        }
        assert!(tried > 100);
        // And whole names, as the scan through the list found them.
        let by_list = |w: &[u8]| {
            GENERIC.iter().find_map(|(cat, words)| {
                words
                    .iter()
                    .any(|n| same_word(w, n.as_bytes()))
                    .then_some(*cat)
            })
        };
        for (_, words) in GENERIC {
            for name in *words {
                for form in [name.to_string(), name.to_uppercase(), format!("{name}x")] {
                    assert_eq!(generic(form.as_bytes()), by_list(form.as_bytes()), "{form}");
                }
            }
        }
        assert!(is_first_word("HÄLSA".as_bytes()) && is_first_word(b"Religion"));
        assert!(!is_first_word(b"diabetes") && !is_first_word(b"") && !is_first_word(b"h"));
    }

    #[test]
    fn the_last_words_of_a_span_in_order() {
        let text = b"en tv\\u00e5 tre, fyra fem";
        let last = |a: usize, z: usize| -> Vec<&str> {
            let (ws, n) = last_words::<3>(text, a, z);
            ws[..n]
                .iter()
                .map(|&(x, y)| std::str::from_utf8(&text[x..y]).unwrap())
                .collect()
        };
        assert_eq!(last(0, text.len()), ["tre", "fyra", "fem"]);
        assert_eq!(last(0, 12), ["en", "tv\\u00e5"]);
        assert_eq!(last(0, 2), ["en"]);
        assert!(last(2, 3).is_empty());
        // Every count of words up to twice the ring's size.
        for z in 0..=text.len() {
            let all: Vec<_> = words(text, 0, z).collect();
            let (ws, n) = last_words::<3>(text, 0, z);
            assert_eq!(ws[..n], all[all.len().saturating_sub(3)..]);
        }
    }

    fn named(text: &str, word: &str) -> bool {
        let s = text.find(word).expect("word in text");
        names_a_category(text.as_bytes(), s, s + word.len())
    }

    fn value<'a>(text: &'a str, word: &str) -> Option<&'a str> {
        let s = text.find(word).expect("word in text");
        let (a, b) = key_value(text.as_bytes(), s + word.len())??;
        Some(&text[a..b])
    }

    /// Art. 9(1) protects data revealing a person's origin, opinions, beliefs, membership,
    /// genes, biometrics, health or sex life; a policy, a register or a schema that names
    /// those categories reveals nothing of anyone, and a key's value does.
    #[test]
    fn names_of_categories_in_descriptions_of_data() {
        assert!(named("Se policyn om biometriska uppgifter.", "biometriska"));
        assert!(named("See the policy on biometric data.", "biometric"));
        assert!(named(
            "Uppgifter om religiös övertygelse förekommer i registret.",
            "religiös"
        ));
        assert!(named(
            "ras eller etniskt ursprung, politiska åsikter, religiös övertygelse",
            "politiska åsikter"
        ));
        assert!(named(
            "enum Kind { HEALTH, ETHNICITY, POLITICAL, RELIGION, TRADE_UNION }",
            "RELIGION"
        ));
        // A key's value is what is someone's.
        assert_eq!(
            value(r#"{"religion": "Buddhist", "bio": "x"}"#, "religion"),
            Some("Buddhist")
        );
        assert_eq!(
            value(
                "Etnisk tillhörighet: kurd. Diagnos: astma",
                "Etnisk tillhörighet"
            ),
            Some("kurd")
        );
        assert_eq!(
            value(
                "Politisk uppfattning: röstar på Centerpartiet.",
                "Politisk uppfattning"
            ),
            Some("röstar på Centerpartiet")
        );
        assert_eq!(
            value(r#"{"ethnicity": "prefer not to say"}"#, "ethnicity"),
            None
        );
        assert_eq!(value(r#"{"ethnicity": null}"#, "ethnicity"), None);
        // A list of categories in brackets, a form's or a schema's field.
        assert!(named(
            "Den där policyn om känsliga personuppgifter (hälsa, religion, etnicitet) ska vi gå igenom.",
            "religion"
        ));
        assert!(named(
            "Ethnicity monitoring form for the grad scheme is due Friday",
            "Ethnicity"
        ));
        assert!(named("Add religion field to profile schema", "religion"));
        assert!(named(
            "Ny kolumn: etnicitet i statistikmodulen?",
            "etnicitet"
        ));
        // One category beside it is a person's record, not a list of them.
        assert!(!named(
            "Önskar halalkost av religiösa skäl. Genetisk utredning visade BRCA1.",
            "religiösa"
        ));
        // Said of someone, or a word that is no category's name.
        assert!(!named(
            "Hon är aktiv i sin religion sedan 2019.",
            "religion"
        ));
        assert!(!named("Religion: Buddhist. Diagnos: astma.", "Diagnos"));
        assert_eq!(value(r#"\"religion\": \"Sikh\""#, "religion"), Some("Sikh"));
        assert!(!named("Han beskriver sig som religiös.", "religiös"));
    }

    /// A clinic, a probation office or a church named as a workplace, an address or an
    /// organisation says nothing of anyone's health (Art. 9(1)) or offences (Art. 10); a
    /// care unit after `vårdas på` or `remitterad till` does.
    #[test]
    fn workplaces_named_places_and_things() {
        let at = |text: &str, word: &str| workplace(text.as_bytes(), text.find(word).unwrap());
        assert!(at(
            "Användaren arbetar på Infektionskliniken.",
            "Infektions"
        ));
        assert!(at("Works in the prison laundry.", "prison"));
        assert!(at("Ny medarbetare på Onkologiska kliniken:", "Onkologiska"));
        assert!(!at("Hon vårdas på Infektionskliniken.", "Infektions"));
        assert!(!at("Arbetar deltid, sjukskriven 50 %.", "sjukskriven"));
        let named = |text: &str, word: &str| {
            let s = text.find(word).unwrap();
            named_place_or_thing(text.as_bytes(), s, s + word.len())
        };
        assert!(named(
            "Välkommen till Vårdcentralen Hälsan, Tallvägen 4.",
            "Vårdcentralen"
        ));
        assert!(named("To: Riverside Surgery", "Surgery"));
        assert!(named("Frivården i Östersund flyttar.", "Frivården"));
        assert!(named("Region Uppsala – Akademiska sjukhuset;", "sjukhuset"));
        assert!(named("Tolkning på Danderyds sjukhus", "sjukhus"));
        assert!(!named("Hon fördes till sjukhuset.", "sjukhuset"));
        assert!(!named("Akademiska sjukhuset.", "sjukhuset"));
        assert!(named("I studied Religious Studies at uni.", "Religious"));
        assert!(named("- Added diabetes module export", "diabetes"));
        assert!(named(
            "Info: Svenska kyrkan som hyresvärd byter",
            "Svenska kyrkan"
        ));
        assert!(named(
            r#""Svenska kyrkan": {"orgnr": "252004-8370"}"#,
            "Svenska kyrkan"
        ));
        assert!(!named(r#""religion": "Svenska kyrkan""#, "Svenska kyrkan"));
        assert!(!named("Besök på vårdcentralen i går.", "vårdcentralen"));
        assert!(!named(
            "Remitterad till Infektionskliniken.",
            "Infektionskliniken"
        ));
        assert!(!named(
            "återbesök Onkologiska kliniken om 4 veckor",
            "Onkologiska kliniken"
        ));
        assert!(named("Vårdcentralen Östermalm", "Vårdcentralen"));
        assert!(!named("Has diabetes and asthma.", "diabetes"));
        assert!(!named("Surgery on her knee.", "Surgery"));
        // A university named for a faith, a meeting and a title in quotes name no one's.
        assert!(named(
            "The Catholic University of Leuven is a partner.",
            "Catholic"
        ));
        assert!(named(
            "Konferensen \"Religion i det offentliga rummet\" hålls i maj.",
            "Religion"
        ));
        assert!(!named("Hon är \"religiös\" sedan länge.", "religiös"));
    }

    /// Art. 9(1) data reveal something of a person; a page's address names its subject
    /// (`/omsorg-och-stod/missbruk-och-beroende`), whoever asks for it.
    #[test]
    fn addresses_of_pages_and_paths() {
        let at = |text: &str, word: &str| in_url(text.as_bytes(), text.find(word).unwrap());
        for (text, word) in [
            (
                "\"GET /omsorg-och-stod/missbruk-och-beroende HTTP/1.1\"",
                "missbruk",
            ),
            ("GET /sok?q=sjukskrivning HTTP/1.1", "sjukskrivning"),
            ("läs mer på https://www.1177.se/diabetes", "diabetes"),
            ("Referer: www.example.se/tema/diabetes", "diabetes"),
        ] {
            assert!(at(text, word), "{text}");
        }
        for (text, word) in [
            ("Diagnos: diabetes typ 2", "diabetes"),
            ("och/eller diabetes", "diabetes"),
            ("\"diagnos\":\"diabetes\"", "diabetes"),
        ] {
            assert!(!at(text, word), "{text}");
        }
    }

    /// A share of a group (`Kommunal 58 %, Vision 21 %`) reveals no one's membership or
    /// health (Art. 9(1)); one person's share of sick leave does (`sjukskriven 50 %`).
    #[test]
    fn shares_in_a_list() {
        let at = |text: &str, word: &str| {
            share_in_a_list(text.as_bytes(), text.find(word).unwrap() + word.len())
        };
        assert!(at(
            "Andel fackligt anslutna: Kommunal 58 %, Vision 21 %",
            "Kommunal"
        ));
        assert!(at("Diabetes 6,5%, astma 9 %", "Diabetes"));
        assert!(at(
            "sjukfrånvaro: 4 %, långtidssjukfrånvaro 2 %",
            "sjukfrånvaro"
        ));
        assert!(!at("Sjukskriven 50 % från 1 mars", "Sjukskriven"));
        assert!(!at("Sjukskriven 50 %, arbetar resten", "Sjukskriven"));
        assert!(!at("Kommunal 58, Vision 21", "Kommunal"));
    }

    /// Art. 10 covers data on a person's convictions and offences, not the text of the penal
    /// code: a sentence of six months is someone's, a maximum of two years the law's.
    #[test]
    fn penal_provisions() {
        let quoted = |text: &str, word: &str| {
            let s = text.find(word).unwrap();
            quotes_a_statute(text.as_bytes(), s, s + word.len())
        };
        assert!(quoted(
            "3 kap. 5 § BrB: Den som tillfogar annan person kroppsskada, sjukdom eller smärta",
            "sjukdom"
        ));
        assert!(quoted(
            "döms för misshandel till fängelse i högst två år.",
            "misshandel"
        ));
        assert!(quoted(
            "is liable to imprisonment for a term not exceeding six months",
            "imprisonment"
        ));
        assert!(!quoted(
            "Han döms för misshandel till fängelse i sex månader.",
            "misshandel"
        ));
    }

    /// Figures about a whole staff or population and a form's empty field reveal no one's
    /// health, beliefs or offences (Art. 9(1), Art. 10); a share of one person's working time
    /// beside a sick leave does.
    #[test]
    fn figures_about_a_group_and_blanks_of_forms() {
        let at = |text: &str, word: &str| aggregate(text.as_bytes(), text.find(word).unwrap());
        assert!(at(
            "Statistik: 42 ärenden om missbruk inkom under kvartalet.",
            "missbruk"
        ));
        assert!(at("Did you see 12% of staff were on sick leave?", "sick"));
        assert!(at(
            "Cirka 6 procent av invånarna är medlemmar i Svenska kyrkan.",
            "Svenska"
        ));
        assert!(at(
            "[2023-12-01 20:58:23] Mehmet: Statistik: sjukfrånvaron på enheten var 7,4 %",
            "sjukfrånvaron"
        ));
        assert!(!at(
            "Mehmet: statistiken visar inget; sjukskriven igen",
            "sjukskriven"
        ));
        assert!(!at("Hon är 50 % sjukskriven sedan mars.", "sjukskriven"));
        assert!(!at(
            "Lön 100 % av heltid. Sjukskriven från 3 mars.",
            "Sjukskriven"
        ));
        assert!(!at(
            "Arbetar 75 % av heltid och är sjukskriven 25 %.",
            "sjukskriven"
        ));
        let blank = |text: &str, word: &str| {
            blank_follows(text.as_bytes(), text.find(word).unwrap() + word.len())
        };
        assert!(blank("Mall: ”Misstänkt för: ______” ska fyllas i", "för"));
        assert!(blank("Template field \"Suspected of\": ____", "of"));
        assert!(!blank("Misstänkt för: stöld", "för"));
    }

    /// The act a provision is cited from is no one's support (Art. 9(1) needs a fact about
    /// someone); the same act named as a service someone gets stays.
    #[test]
    fn acts_of_cited_provisions() {
        let cited = |text: &str| {
            let s = text.find("LSS").unwrap();
            cites_a_provision(text.as_bytes(), s, s + 3)
        };
        assert!(cited("korttidsvistelse (9 § 6 LSS)"));
        assert!(cited("personkrets 1 enligt 1 §\nLSS."));
        assert!(cites_a_provision(b"enligt 7 \xa7 LSS", 11, 14));
        assert!(!cited("Hon har beviljats LSS sedan 2019"));
        assert!(!cited("§ 12 Ärende: ansökan, LSS"));
        // A lone `A7` ends `ç`; an agenda's paragraph heads its item, no act's name.
        assert!(!cited("Emre Koç LSS-handläggare"));
        let text = "§ 7 Misshandel på skolgården";
        assert!(!cites_a_provision(text.as_bytes(), 6, 15));
    }

    /// A question that names a condition and is answered no says the person has none (Art.
    /// 9(1) needs a fact about someone); answered yes, or left open, it stays.
    #[test]
    fn questions_answered_no() {
        let no = |text: &str, word: &str| {
            answered_no(text.as_bytes(), text.find(word).unwrap() + word.len())
        };
        assert!(no(
            "VALUES(1,'Har du diabetes?','Nej','2023-09-29')",
            "diabetes"
        ));
        assert!(no(
            "VALUES(2,'Har du eller har du haft någon hjärtsjukdom?','Nej')",
            "hjärtsjukdom"
        ));
        assert!(no("Allergier? Inga kända", "Allergier"));
        assert!(no("\"Are you pregnant?\";\"No\"", "pregnant"));
        assert!(no(r#"[\"Epilepsi?\",\"nej\"]"#, "Epilepsi"));
        assert!(!no("VALUES(3,'Har du diabetes?','Ja, typ 2')", "diabetes"));
        assert!(!no("Har du diabetes?", "diabetes"));
        assert!(!no("Hon har diabetes. Nej, inte typ 1.", "diabetes"));
        assert!(!no("Diabetes? Nobody knew.", "Diabetes"));
        assert!(!no("Depression? No one noticed hers.", "Depression"));
    }
}

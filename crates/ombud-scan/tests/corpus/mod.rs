//! Labelled corpus generator shared by the accuracy test, the benchmark and the
//! `gen-corpus` example. It writes realistic mixed text (prose, CSV, JSON lines, logs) with
//! planted positives (labelled with exact byte spans) and decoys that must not be reported:
//! wrong check digits, impossible dates, phone-like numbers, version strings, timestamps,
//! order and invoice numbers, numbers inside longer digit runs, numbers glued to letters.
//!
//! Check digits and dates are computed here independently of the library.
#![allow(dead_code)]

/// Reference date the labels assume (the scanner must be built with the same).
pub const REF: (i32, u32, u32) = (2026, 6, 15);

/// A labelled span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub start: usize,
    pub end: usize,
    pub kind: &'static str,
}

/// Deterministic PRNG (splitmix64).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.below(hi - lo + 1)
    }
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len() as u64) as usize]
    }
    pub fn digits(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| char::from(b'0' + self.below(10) as u8))
            .collect()
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

/// Luhn check digit for a digit string (weights 2,1,2,… from the right of the payload).
pub fn luhn_digit(payload: &str) -> u8 {
    let mut sum = 0;
    for (i, c) in payload.bytes().rev().enumerate() {
        let mut d = (c - b'0') as u32;
        if i % 2 == 0 {
            d *= 2;
            if d > 9 {
                d -= 9;
            }
        }
        sum += d;
    }
    ((10 - sum % 10) % 10) as u8
}

fn month_len(y: i32, m: u32) -> u32 {
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ][m as usize - 1]
}

/// One document under construction.
pub struct Doc {
    pub text: String,
    pub labels: Vec<Label>,
}

impl Doc {
    pub fn new() -> Doc {
        Doc {
            text: String::new(),
            labels: Vec::new(),
        }
    }
    fn put(&mut self, s: &str) {
        self.text.push_str(s);
    }
    fn label(&mut self, s: &str, kind: &'static str) {
        let start = self.text.len();
        self.text.push_str(s);
        self.labels.push(Label {
            start,
            end: self.text.len(),
            kind,
        });
    }
}

const FIRST: &[&str] = &[
    "Anna", "Erik", "Maria", "Lars", "Karin", "Johan", "Eva", "Per", "Sara", "Ali", "Fatima",
    "Olof",
];
const LAST: &[&str] = &[
    "Andersson",
    "Johansson",
    "Karlsson",
    "Nilsson",
    "Eriksson",
    "Larsson",
    "Olsson",
    "Persson",
    "Svensson",
    "Gustafsson",
];
const DOMAINS: &[&str] = &[
    "example.se",
    "exempel.com",
    "kommun.se",
    "foretaget.nu",
    "mail.example.org",
    "uni.example.ac.uk",
];
const PROSE: &[&str] = &[
    "Mötet flyttades till nästa vecka eftersom lokalen var upptagen.",
    "The quarterly report was delivered on time and approved by the board.",
    "Vi har uppdaterat rutinerna för arkivering av handlingar.",
    "Please find the attached agenda for the steering group meeting.",
    "Leveransen av kontorsmaterial försenades på grund av vädret.",
    "The new office layout will be presented at the staff meeting.",
    "Kunden ringde och frågade om status för ärendet.",
    "Our team reviewed the contract terms with the supplier yesterday.",
    "Budgeten för nästa år diskuterades utförligt under eftermiddagen.",
    "Remember to lock the door when leaving the building in the evening.",
];

/// Pieces of text with indicator words marked as `[[kind|word]]`.
const SENSITIVE: &[&str] = &[
    "Patienten fick [[health|diagnosen diabetes]] i våras.",
    "Medarbetaren är [[health|sjukskriven]] sedan mars.",
    "The employee submitted a [[health|medical certificate]] after the [[health|surgery]].",
    "Eleven har [[health|ångest]] och en [[health|ätstörning]] enligt kuratorn.",
    "Hon fick ett [[health|missfall]] och är [[health|diabetiker]].",
    "He has [[health|anxiety]] and uses a [[health|wheelchair]].",
    "Han är [[criminal|häktad]] och [[criminal|domfälld]] tidigare.",
    "Hon betalar [[religion|kyrkoavgift]] och är [[religion|katolsk]].",
    "Enligt intervjun har han [[ethnicity|invandrarbakgrund]].",
    "Medlem i [[trade_union|Akavia]] och [[trade_union|fackombud]] på enheten.",
    "Uppgift om [[sex_life|könsidentitet]] sparas inte.",
    "Hon är medlem i [[trade_union|fackförbundet]] sedan länge.",
    "He is an active [[trade_union|union member]] at the plant.",
    "Enligt journalen är hon [[ethnicity|kurd]] och talar sorani.",
    "The form asked for [[ethnicity|ethnic origin]] which is not allowed.",
    "Han uttryckte sin [[political|politiska åsikter]] på mötet.",
    "Records of [[political|party membership]] must be deleted.",
    "Hon är [[religion|religiös]] och besöker [[religion|moskén]] varje vecka.",
    "Questions about [[religion|religious belief]] were removed.",
    "Han berättade om sin [[sex_life|sexuella läggning]] i samtalet.",
    "She disclosed her [[sex_life|sexual orientation]] to the counsellor.",
    "Ett [[genetic|dna-test]] visade på [[genetic|ärftlig]] risk.",
    "The clinic stores [[genetic|genetic]] test results.",
    "Inloggning sker med [[biometric|fingeravtryck]] i telefonen.",
    "Access control uses [[biometric|facial recognition]] at the gate.",
    "Utdrag ur [[criminal|belastningsregistret]] begärdes in.",
    "He was [[criminal|convicted of fraud]] in 2019.",
    "Personen är [[criminal|dömd för bedrägeri]].",
    "Hon skrev ”[[health|diagnos]]” och »[[religion|muslim]]« i formuläret.",
    "Han är medlem i [[trade_union|Unionen]], inte i Europeiska unionen.",
    // Technical senses: no label.
    "The SSH host key fingerprint is SHA256:q1w2e3r4.",
    "A genetic algorithm tuned the schedule; kör diagnostik på servern.",
    "Med vänliga hälsningar; själv kör jag ping mot servern före konferensen.",
    "Ring för kontakt om stöldskydd och registrerad partition.",
    // The categories named as kinds of data, in a policy: no label.
    "Uppgifter om sexuell läggning och etniskt ursprung är känsliga personuppgifter.",
    "Data on sexual orientation are special category data.",
    "Statistik: 12 % av personalen var sjukskrivna under kvartalet.",
];

pub fn pnr_parts(rng: &mut Rng, samordning: bool, old: bool) -> (i32, String) {
    let year = if old {
        rng.range(1900, 1925) as i32
    } else {
        rng.range(1930, 2024) as i32
    };
    let month = rng.range(1, 12) as u32;
    let day = rng.range(1, month_len(year, month) as u64) as u32 + if samordning { 60 } else { 0 };
    let nine = format!(
        "{:02}{:02}{:02}{:03}",
        year % 100,
        month,
        day,
        rng.range(1, 999)
    );
    let ten = format!("{nine}{}", luhn_digit(&nine));
    (year, ten)
}

fn format_id(rng: &mut Rng, year: i32, ten: &str, old: bool) -> String {
    if old {
        return format!("{}+{}", &ten[..6], &ten[6..]);
    }
    match rng.below(5) {
        0 => format!("{}-{}", &ten[..6], &ten[6..]),
        1 => ten.to_string(),
        // A word processor's en dash in place of the hyphen.
        4 => format!("{}\u{2013}{}", &ten[..6], &ten[6..]),
        2 => format!("{}{}-{}", year / 100, &ten[..6], &ten[6..]),
        _ => format!("{}{ten}", year / 100),
    }
}

pub fn personnummer(rng: &mut Rng) -> String {
    let old = rng.chance(5);
    let (y, ten) = pnr_parts(rng, false, old);
    format_id(rng, y, &ten, old)
}

pub fn samordningsnummer(rng: &mut Rng) -> String {
    let (y, ten) = pnr_parts(rng, true, false);
    format_id(rng, y, &ten, false)
}

pub fn organisationsnummer(rng: &mut Rng) -> String {
    let nine = format!(
        "{}{}{}{}",
        rng.pick(&[2, 5, 7, 8, 9]),
        rng.digits(1),
        rng.range(2, 9),
        rng.digits(6)
    );
    let ten = format!("{nine}{}", luhn_digit(&nine));
    match rng.below(3) {
        0 => format!("{}-{}", &ten[..6], &ten[6..]),
        1 => ten,
        _ => format!("16{ten}"),
    }
}

pub fn email(rng: &mut Rng) -> String {
    let f = rng.pick(FIRST).to_lowercase();
    let l = rng.pick(LAST).to_lowercase();
    let d = rng.pick(DOMAINS);
    match rng.below(4) {
        0 => format!("{f}.{l}@{d}"),
        1 => format!("{f}{}@{d}", rng.range(1, 99)),
        // Letters outside ASCII (RFC 6531 and an IDN domain).
        2 => format!(
            "{}.{}@{}",
            rng.pick(&["åsa", "björn", "örjan", "märta"]),
            rng.pick(&["öberg", "ström", "åkesson", "lindén"]),
            rng.pick(&["företaget.se", "kommun.se", "exempel.nu"])
        ),
        _ => format!("{}_{l}+info@{d}", &f[..1]),
    }
}

pub fn phone(rng: &mut Rng) -> String {
    let n = phone_ascii(rng);
    // Word and web pages keep the groups together with no-break or narrow no-break spaces.
    match rng.below(20) {
        0 => n.replace(' ', "\u{a0}"),
        1 => n.replace(' ', "\u{202f}"),
        _ => n,
    }
}

fn phone_ascii(rng: &mut Rng) -> String {
    let m = *rng.pick(&["70", "72", "73", "76", "79"]);
    match rng.below(12) {
        11 => format!(
            "0{m}{}-{} {} {}",
            rng.digits(1),
            rng.digits(2),
            rng.digits(2),
            rng.digits(2)
        ),
        10 => format!(
            "(08) {} {} {}",
            rng.range(100, 999),
            rng.digits(2),
            rng.digits(2)
        ),
        8 => format!("+1 ({}) 555-{}", rng.range(201, 989), rng.digits(4)),
        9 => format!(
            "+46 (0){m}-{} {} {}",
            rng.digits(3),
            rng.digits(2),
            rng.digits(2)
        ),
        0 => format!("0{m}-{} {} {}", rng.digits(3), rng.digits(2), rng.digits(2)),
        1 => format!("0{m} {} {} {}", rng.digits(3), rng.digits(2), rng.digits(2)),
        2 => format!("0{m}{}", rng.digits(7)),
        3 => format!(
            "08-{} {} {}",
            rng.range(100, 999),
            rng.digits(3),
            rng.digits(2)
        ),
        4 => format!(
            "031-{} {} {}",
            rng.range(10, 99),
            rng.digits(2),
            rng.digits(2)
        ),
        5 => format!(
            "+46 {m} {} {} {}",
            rng.digits(3),
            rng.digits(2),
            rng.digits(2)
        ),
        6 => format!("+46{m}{}", rng.digits(7)),
        _ => format!("+44 20 {} {}", rng.range(1000, 9999), rng.digits(4)),
    }
}

pub fn ip(rng: &mut Rng) -> String {
    if rng.chance(70) {
        dotted(rng, [(1, 223), (0, 255), (0, 255), (1, 254)])
    } else {
        match rng.below(4) {
            3 => format!(
                "::ffff:{}",
                dotted(rng, [(1, 223), (0, 255), (0, 255), (1, 254)])
            ),
            0 => format!(
                "2001:db8:{:x}::{:x}",
                rng.range(1, 0xffff),
                rng.range(1, 0xffff)
            ),
            1 => format!(
                "fe80::{:x}:{:x}",
                rng.range(1, 0xffff),
                rng.range(1, 0xffff)
            ),
            _ => format!(
                "2001:db8:{:x}:{:x}:{:x}:{:x}:{:x}:{:x}",
                rng.range(1, 0xffff),
                rng.range(1, 0xffff),
                rng.range(1, 0xffff),
                rng.range(1, 0xffff),
                rng.range(1, 0xffff),
                rng.range(1, 0xffff)
            ),
        }
    }
}

/// IBAN check digits computed with decimal long division.
pub fn iban_check(cc: &str, bban: &str) -> u32 {
    let mut rearranged = String::new();
    for c in bban.chars().chain(cc.chars()).chain("00".chars()) {
        if c.is_ascii_digit() {
            rearranged.push(c);
        } else {
            rearranged.push_str(&(c as u32 - 'A' as u32 + 10).to_string());
        }
    }
    let r = rearranged
        .bytes()
        .fold(0u32, |acc, b| (acc * 10 + (b - b'0') as u32) % 97);
    98 - r
}

pub fn iban(rng: &mut Rng, valid: bool) -> String {
    let (cc, bban) = match rng.below(3) {
        0 => ("SE", rng.digits(20)),
        1 => ("DE", rng.digits(18)),
        _ => ("GB", format!("WEST{}", rng.digits(14))),
    };
    let mut check = iban_check(cc, &bban);
    if !valid {
        check = (check + 1 + rng.below(90) as u32) % 97 + 2;
        if check == iban_check(cc, &bban) {
            check = if check == 2 { 3 } else { check - 1 };
        }
    }
    let compact = format!("{cc}{check:02}{bban}");
    if rng.chance(50) {
        compact
    } else {
        compact
            .as_bytes()
            .chunks(4)
            .map(|c| std::str::from_utf8(c).unwrap())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

pub fn card(rng: &mut Rng, valid: bool) -> String {
    let (prefix, len) = *rng.pick(&[("4", 16), ("51", 16), ("55", 16), ("37", 15), ("4", 16)]);
    let payload = format!("{prefix}{}", rng.digits(len - prefix.len() - 1));
    let mut check = luhn_digit(&payload);
    if !valid {
        check = (check + 1 + rng.below(9) as u8) % 10;
    }
    let n = format!("{payload}{check}");
    match (rng.below(3), len) {
        (0, _) => n,
        (_, 15) => format!("{} {} {}", &n[..4], &n[4..10], &n[10..]),
        (k, _) => {
            let sep = if k == 1 { " " } else { "-" };
            format!(
                "{}{sep}{}{sep}{}{sep}{}",
                &n[..4],
                &n[4..8],
                &n[8..12],
                &n[12..]
            )
        }
    }
}

/// A decoy: text that looks like personal data but must not be reported.
pub fn decoy(rng: &mut Rng) -> String {
    match rng.below(28) {
        // Message ids in a mail server's log, C++ scope names, versions in XML and TOML,
        // section numbers, the groups of a UUID.
        23 => format!(
            "postfix/cleanup[{}]: message-id=<{}@mail.kommun.se>",
            rng.range(100, 9999),
            hex_id(rng, 16)
        ),
        24 => format!(
            "void {}::{}(",
            rng.pick(&["Cafe", "Face", "Ace"]),
            rng.pick(&["feed", "add", "bad"])
        ),
        25 => format!(
            "<klientversion>{}</klientversion>",
            dotted(rng, [(1, 30), (0, 99), (0, 99), (0, 255)])
        ),
        26 => format!(
            "enligt avsnitt {}",
            dotted(rng, [(1, 9), (1, 9), (1, 9), (1, 9)])
        ),
        27 => format!(
            "{{{}-{}-{}-B290-{}}}",
            hex_id(rng, 8).to_uppercase(),
            rng.digits(4),
            rng.digits(4),
            hex_id(rng, 12)
        ),
        // An amount grouped by thousands with no-break spaces.
        22 => format!(
            "{}\u{a0}{:03}\u{a0}{:03} kr",
            rng.range(1, 99),
            rng.range(0, 999),
            rng.range(0, 999)
        ),
        16 => format!(
            "Chrome/{}.0.{}.{}",
            rng.range(90, 140),
            rng.range(0, 9999),
            rng.range(0, 999)
        ),
        17 => format!(
            "[assembly: AssemblyVersion(\"{}.{}.{}.{}\")]",
            rng.range(1, 9),
            rng.range(0, 9),
            rng.range(0, 99),
            rng.range(0, 999)
        ),
        18 => format!("{}@2x.png", rng.pick(&["icon", "hero", "logo"])),
        19 => format!("OID 2.5.4.{}", rng.range(1, 99)),
        // Unix time in seconds, often a valid group-1 organisation number.
        20 => format!("ts {}", rng.range(1_000_000_000, 1_999_999_999)),
        21 => format!("git@github.com:{}/repo.git", rng.pick(&["team", "ombud"])),
        0 => {
            // Wrong check digit.
            let (_, ten) = pnr_parts(rng, false, false);
            let bad = (ten.as_bytes()[9] - b'0' + 1 + rng.below(9) as u8) % 10;
            format!("{}-{}{bad}", &ten[..6], &ten[6..9])
        }
        1 => {
            // Impossible date with a correct check digit.
            let (m, d) = *rng.pick(&[
                (2, 30),
                (2, 31),
                (4, 31),
                (13, 1),
                (0, 10),
                (6, 0),
                (11, 31),
                (9, 92),
            ]);
            let nine = format!(
                "{:02}{m:02}{d:02}{:03}",
                rng.range(40, 99),
                rng.range(1, 999)
            );
            format!("{}-{}{}", &nine[..6], &nine[6..], luhn_digit(&nine))
        }
        2 => format!(
            "2024-{:02}-{:02}T{:02}:{:02}:{:02}+01:00",
            rng.range(1, 12),
            rng.range(1, 28),
            rng.range(0, 23),
            rng.range(0, 59),
            rng.range(0, 59)
        ),
        3 => format!(
            "v{}.{}.{}",
            rng.range(0, 9),
            rng.range(0, 30),
            rng.range(0, 99)
        ),
        4 => format!(
            "version {}",
            dotted(rng, [(1, 9), (0, 9), (0, 99), (0, 999)])
        ),
        5 => format!("ORD-{}-{}", rng.range(2019, 2025), rng.digits(6)),
        6 => format!("Faktura nr {}", rng.range(10_000_000, 99_999_999)),
        7 => {
            // A valid personnummer inside a longer digit run.
            let (_, ten) = pnr_parts(rng, false, false);
            format!("{}{ten}{}", rng.pick(&[1, 9]), rng.digits(2))
        }
        8 => {
            // Glued to letters.
            let (_, ten) = pnr_parts(rng, false, false);
            format!("ref{ten}x")
        }
        9 => format!(
            "{}-{} {}",
            rng.range(1000, 9999),
            rng.digits(3),
            rng.digits(2)
        ),
        10 => format!("070-{} {}", rng.digits(3), rng.digits(2)),
        11 => dotted(rng, [(256, 999), (0, 255), (0, 255), (0, 255)]),
        12 => iban(rng, false),
        13 => card(rng, false),
        14 => format!("{}@localhost", rng.pick(FIRST).to_lowercase()),
        _ => format!("OCR {}{}", rng.range(1, 2), rng.digits(13)),
    }
}

/// `text` as a JSON string body with every non-ASCII character escaped (`\u00e4`, hex digits
/// in lower or upper case), as Python's and .NET's JSON writers do by default.
fn json_escaped(text: &str, upper: bool) -> String {
    text.chars()
        .map(|c| match (c.is_ascii(), upper) {
            (true, _) => c.to_string(),
            (false, false) => format!("\\u{:04x}", u32::from(c)),
            (false, true) => format!("\\u{:04X}", u32::from(c)),
        })
        .collect()
}

/// Appends a sentence with indicator words; one in five as a JSON note with escapes, where
/// the space before a word may be an escaped line break or no-break space.
fn sensitive(doc: &mut Doc, rng: &mut Rng) {
    let tpl = *rng.pick(SENSITIVE);
    let json = rng.chance(20);
    let upper = rng.chance(50);
    let text = |s: &str| match json {
        true => json_escaped(s, upper),
        false => s.to_string(),
    };
    if json {
        doc.put("{\"anteckning\":\"Ny rad.\\n");
    }
    let mut rest = tpl;
    while let Some(i) = rest.find("[[") {
        let before = text(&rest[..i]);
        match before.strip_suffix(' ') {
            Some(b) if json && rng.chance(60) => {
                doc.put(b);
                doc.put(if rng.chance(50) { "\\n" } else { "\\u00a0" });
            }
            _ => doc.put(&before),
        }
        let j = rest[i..].find("]]").unwrap() + i;
        let (kind, word) = rest[i + 2..j].split_once('|').unwrap();
        let kind: &'static str = match kind {
            "health" => "special_category:health",
            "ethnicity" => "special_category:ethnicity",
            "political" => "special_category:political",
            "religion" => "special_category:religion",
            "trade_union" => "special_category:trade_union",
            "sex_life" => "special_category:sex_life",
            "genetic" => "special_category:genetic",
            "biometric" => "special_category:biometric",
            _ => "special_category:criminal",
        };
        doc.label(&text(word), kind);
        rest = &rest[j + 2..];
    }
    doc.put(&text(rest));
    if json {
        doc.put("\"}");
    }
}

/// A value generator.
type Gen = fn(&mut Rng) -> String;

/// Appends one record (a line) of a random shape.
pub fn record(doc: &mut Doc, rng: &mut Rng) {
    let name = format!("{} {}", rng.pick(FIRST), rng.pick(LAST));
    let gens: [(&'static str, Gen); 8] = [
        ("personnummer", personnummer),
        ("samordningsnummer", samordningsnummer),
        ("organisationsnummer", organisationsnummer),
        ("email", email),
        ("phone", phone),
        ("ip_address", ip),
        ("iban", |r| iban(r, true)),
        ("payment_card", |r| card(r, true)),
    ];
    let (kind, f) = *rng.pick(&gens);
    let value = f(rng);
    match rng.below(9) {
        8 => {
            // JSON text with escapes right against the value (`\n`, `\t`, Go's `\u003c`,
            // Python's `\u00a0`).
            let (open, close) = *rng.pick(&[
                ("\\n", "\\n"),
                ("\\r\\n", "\\r\\n"),
                ("\\t", "\\t"),
                ("\\u003c", "\\u003e"),
                ("\\u00a0", "\\u00bb"),
            ]);
            doc.put(&format!("{{\"text\":\"Hej!{open}"));
            doc.label(&value, kind);
            doc.put(&format!("{close}Mvh {name}\"}}\n"));
        }
        6 => {
            // SQL dump: bare numbers on both sides, separated by commas alone.
            doc.put(&format!("INSERT INTO t VALUES ({},", rng.range(1, 99_999)));
            doc.label(&value, kind);
            doc.put(&format!(",{});\n", rng.range(1, 99_999)));
        }
        7 => {
            // Swedish typography: quotation marks, guillemets, no-break space, dash.
            let (open, close) = *rng.pick(&[("”", "”"), ("»", "«"), ("\u{a0}", "…"), ("–", "–")]);
            doc.put(&format!("Uppgiften {open}"));
            doc.label(&value, kind);
            doc.put(&format!("{close} stämmer.\n"));
        }
        0 => {
            // CSV
            doc.put(&format!("{};{name};", rng.range(1, 99_999)));
            doc.label(&value, kind);
            doc.put(&format!(";{};{}\n", decoy(rng), rng.range(100, 99_999)));
        }
        1 => {
            // NDJSON
            doc.put(&format!(
                "{{\"id\":{},\"name\":\"{name}\",\"value\":\"",
                rng.range(1, 99_999)
            ));
            doc.label(&value, kind);
            doc.put(&format!("\",\"note\":\"{}\"}}\n", decoy(rng)));
        }
        2 if kind == "email" && rng.chance(50) => {
            // Web server log: the address URL-encoded in a query string.
            let client = ip(rng);
            doc.label(&client, "ip_address");
            doc.put(&format!(
                " - - [12/Mar/2025:10:{:02}:00 +0100] \"GET /nyhetsbrev/avsluta?email=",
                rng.range(0, 59)
            ));
            doc.label(&value.replace('@', "%40"), kind);
            doc.put(&format!(
                "&id={} HTTP/1.1\" 200 512\n",
                rng.range(1, 99_999)
            ));
        }
        2 => {
            // Log line
            doc.put(&format!(
                "2025-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z INFO svc[{}] request from ",
                rng.range(1, 12),
                rng.range(1, 28),
                rng.range(0, 23),
                rng.range(0, 59),
                rng.range(0, 59),
                rng.range(0, 999),
                rng.range(100, 9999)
            ));
            doc.label(&value, kind);
            doc.put(&format!(
                " took {}ms build {}\n",
                rng.range(1, 999),
                decoy(rng)
            ));
        }
        3 => {
            // Prose with a sensitive sentence
            doc.put(rng.pick::<&str>(PROSE));
            doc.put(" ");
            sensitive(doc, rng);
            doc.put(&format!(" Kontakt: {name}, "));
            doc.label(&value, kind);
            doc.put(".\n");
        }
        4 => {
            doc.put(rng.pick::<&str>(PROSE));
            doc.put(&format!(" Ref {} ", decoy(rng)));
            doc.put(rng.pick::<&str>(PROSE));
            doc.put("\n");
        }
        _ => {
            doc.put(&format!("{name} ("));
            doc.label(&value, kind);
            doc.put(&format!(") {} — {}\n", rng.pick(PROSE), decoy(rng)));
        }
    }
}

/// A labelled document of roughly `bytes` bytes.
pub fn document(seed: u64, bytes: usize) -> Doc {
    let mut rng = Rng::new(seed);
    let mut doc = Doc::new();
    while doc.text.len() < bytes {
        record(&mut doc, &mut rng);
    }
    doc
}

// ---------------------------------------------------------------------------------------
// The realistic profile: what exports and logs mostly look like. Ordinary numbers are
// everywhere (timestamps, amounts, ids, versions, durations, ports, hex ids), personal data
// is sparse: one planted identifier every 1–4 KiB on average.
// ---------------------------------------------------------------------------------------

const LONG_PROSE: &[&str] = &[
    "Under året har verksamheten fortsatt att utvecklas och antalet ärenden ökade med 12 procent jämfört med 2023.",
    "Styrelsen sammanträdde 9 gånger och behandlade bland annat budgeten, investeringsplanen och den nya arkivpolicyn.",
    "Leveranserna från huvudlagret i Jönköping påverkades av vädret i januari men var i fas igen vecka 7.",
    "The migration to the new ticketing system was completed in Q3, and average handling time fell from 41 to 27 minutes.",
    "Our support team answered 18 412 requests last quarter; 96 percent were resolved within two working days.",
    "Please review the attached draft before the meeting on Thursday at 14.30 in room 4B.",
    "Kostnaderna för lokaler minskade efter flytten, medan kostnaderna för licenser ökade något.",
    "Release 4.12 introduces faster exports, a new audit log view and better error messages for failed imports.",
    "Avtalet med leverantören förlängdes till och med den 31 december 2026 med oförändrade villkor.",
    "Remember that the office is closed between 23 December and 2 January; urgent matters go to the on-call rota.",
    "Projektgruppen har tagit fram en ny rutin för gallring av handlingar som inte längre behövs i verksamheten.",
    "The dashboard shows 3 open incidents, 14 scheduled changes and an uptime of 99.95 % over the last 30 days.",
];

const PATHS: &[&str] = &[
    "/api/v2/orders",
    "/api/v2/customers/search",
    "/api/v1/invoices",
    "/healthz",
    "/static/app.js",
    "/api/v2/reports/monthly",
    "/login",
];
const SERVICES: &[&str] = &[
    "order-service",
    "billing",
    "gateway",
    "auth",
    "export-worker",
];
const LEVELS: &[&str] = &["INFO", "INFO", "INFO", "DEBUG", "WARN", "ERROR"];
const STATUSES: &[&str] = &["shipped", "pending", "cancelled", "delivered", "returned"];

/// Lower-case hex that starts with a letter, so that no digit run stands alone.
/// Four numbers in the given ranges joined by dots (addresses and versions).
fn dotted(rng: &mut Rng, ranges: [(u64, u64); 4]) -> String {
    let n = ranges.map(|(lo, hi)| rng.range(lo, hi));
    format!("{}.{}.{}.{}", n[0], n[1], n[2], n[3])
}

fn hex_id(rng: &mut Rng, n: usize) -> String {
    let mut s = String::with_capacity(n);
    s.push(char::from(b'a' + rng.below(6) as u8));
    for _ in 1..n {
        s.push(char::from(b"0123456789abcdef"[rng.below(16) as usize]));
    }
    s
}

fn iso_ts(rng: &mut Rng) -> String {
    format!(
        "2025-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
        rng.range(1, 12),
        rng.range(1, 28),
        rng.range(0, 23),
        rng.range(0, 59),
        rng.range(0, 59),
        rng.range(0, 999)
    )
}

fn amount(rng: &mut Rng) -> String {
    format!("{}.{:02}", rng.range(1, 24_999), rng.range(0, 99))
}

/// A planted identifier: kind and value.
fn planted(rng: &mut Rng) -> (&'static str, String) {
    let gens: [(&'static str, Gen); 8] = [
        ("personnummer", personnummer),
        ("samordningsnummer", samordningsnummer),
        ("organisationsnummer", organisationsnummer),
        ("email", email),
        ("phone", phone),
        ("ip_address", ip),
        ("iban", |r| iban(r, true)),
        ("payment_card", |r| card(r, true)),
    ];
    let (kind, f) = *rng.pick(&gens);
    (kind, f(rng))
}

fn realistic_log(doc: &mut Doc, rng: &mut Rng, plant: bool) {
    let lvl = rng.pick(LEVELS);
    let svc = rng.pick(SERVICES);
    if rng.chance(50) {
        doc.put(&format!(
            "{} {lvl:<5} {svc}[{}] {} {}/{} status={} duration_ms={} bytes={} trace_id={}",
            iso_ts(rng),
            rng.range(100, 32_000),
            rng.pick(&["GET", "GET", "POST", "PUT"]),
            rng.pick(PATHS),
            rng.range(1, 999_999),
            rng.pick(&[200, 200, 200, 201, 204, 304, 404, 500]),
            rng.range(1, 2_500),
            rng.range(120, 250_000),
            hex_id(rng, 32)
        ));
    } else {
        doc.put(&format!(
            "{} {lvl} {svc} v{}.{}.{} job={} batch={}/{} rows={} elapsed={}.{:03}s ts={}{:03} port=:{}",
            iso_ts(rng),
            rng.range(1, 9),
            rng.range(0, 30),
            rng.range(0, 99),
            hex_id(rng, 12),
            rng.range(1, 40),
            rng.range(40, 80),
            rng.range(0, 50_000),
            rng.range(0, 59),
            rng.range(0, 999),
            rng.range(1_735_000_000, 1_765_000_000),
            rng.range(0, 999),
            rng.pick(&[443, 8080, 5432, 6379])
        ));
    }
    if plant {
        let (kind, value) = planted(rng);
        let key = match kind {
            "ip_address" => "client=",
            "email" => "user=",
            "phone" => "msisdn=",
            // A number labelled `ref` that passes as an organisation number is taken for a
            // payment reference.
            "organisationsnummer" => "party=",
            _ => "ref=",
        };
        doc.put(&format!(" {key}"));
        doc.label(&value, kind);
    }
    doc.put("\n");
}

fn realistic_csv(doc: &mut Doc, rng: &mut Rng, plant: bool) {
    if rng.chance(3) {
        doc.put("order_id;created;sku;qty;amount;currency;status;customer\n");
    }
    doc.put(&format!(
        "{};{};SKU-{};{};{};SEK;{};",
        rng.range(100_000, 999_999),
        &iso_ts(rng)[..10],
        rng.range(10_000, 99_999),
        rng.range(1, 12),
        amount(rng),
        rng.pick(STATUSES)
    ));
    if plant {
        let (kind, value) = planted(rng);
        doc.label(&value, kind);
    } else {
        doc.put(&format!("C{}", rng.range(10_000, 999_999)));
    }
    doc.put("\n");
}

fn realistic_json(doc: &mut Doc, rng: &mut Rng, plant: bool) {
    doc.put(&format!(
        "{{\"id\":{},\"created_at\":\"{}\",\"amount\":{},\"currency\":\"SEK\",\"items\":{},\"status\":\"{}\",\"client_version\":\"{}.{}.{}\",\"region\":\"eu-north-1\",\"session\":\"{}\"",
        rng.range(1, 9_999_999),
        iso_ts(rng),
        amount(rng),
        rng.range(1, 20),
        rng.pick(STATUSES),
        rng.range(1, 9),
        rng.range(0, 30),
        rng.range(0, 99),
        hex_id(rng, 16)
    ));
    if plant {
        let (kind, value) = planted(rng);
        doc.put(&format!(",\"{}\":\"", kind.replace('_', "")));
        doc.label(&value, kind);
        doc.put("\"");
    }
    doc.put("}\n");
}

fn realistic_prose(doc: &mut Doc, rng: &mut Rng, plant: bool) {
    for _ in 0..rng.range(2, 5) {
        doc.put(rng.pick::<&str>(LONG_PROSE));
        doc.put(" ");
    }
    if plant {
        if rng.chance(25) {
            sensitive(doc, rng);
        } else {
            let (kind, value) = planted(rng);
            doc.put(&format!(
                "Kontakt: {} {}, ",
                rng.pick(FIRST),
                rng.pick(LAST)
            ));
            doc.label(&value, kind);
            doc.put(".");
        }
    }
    doc.put("\n\n");
}

/// A labelled document in the realistic profile of roughly `bytes` bytes: logs, CSV exports,
/// JSON records and prose, with one planted identifier every 1–4 KiB and occasional decoys.
pub fn realistic_document(seed: u64, bytes: usize) -> Doc {
    let mut rng = Rng::new(seed ^ 0x5E_ED0F_4EA1);
    let mut doc = Doc::new();
    let mut next_plant = rng.range(1024, 4096) as usize;
    // Sections of one format at a time, as in real files.
    while doc.text.len() < bytes {
        let shape = rng.below(4);
        for _ in 0..rng.range(5, 40) {
            let plant = doc.text.len() >= next_plant;
            if plant {
                next_plant = doc.text.len() + rng.range(1024, 4096) as usize;
            }
            match shape {
                0 => realistic_log(&mut doc, &mut rng, plant),
                1 => realistic_csv(&mut doc, &mut rng, plant),
                2 => realistic_json(&mut doc, &mut rng, plant),
                _ => realistic_prose(&mut doc, &mut rng, plant),
            }
            if rng.chance(2) {
                doc.put(&format!("note: {}\n", decoy(&mut rng)));
            }
        }
    }
    doc
}

//! What a finding is: its [`Kind`], the [`Finding`] record and the [`Sink`] that receives it.

use std::fmt;
use std::str::FromStr;

/// A special category of personal data (GDPR Art. 9) or criminal-offence data (Art. 10).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Category {
    Health,
    Ethnicity,
    Political,
    Religion,
    TradeUnion,
    SexLife,
    Genetic,
    Biometric,
    Criminal,
}

impl Category {
    /// Every category, in a fixed order.
    pub const ALL: [Category; 9] = [
        Category::Health,
        Category::Ethnicity,
        Category::Political,
        Category::Religion,
        Category::TradeUnion,
        Category::SexLife,
        Category::Genetic,
        Category::Biometric,
        Category::Criminal,
    ];

    /// The suffix used after `special_category:`.
    pub fn name(self) -> &'static str {
        match self {
            Category::Health => "health",
            Category::Ethnicity => "ethnicity",
            Category::Political => "political",
            Category::Religion => "religion",
            Category::TradeUnion => "trade_union",
            Category::SexLife => "sex_life",
            Category::Genetic => "genetic",
            Category::Biometric => "biometric",
            Category::Criminal => "criminal",
        }
    }
}

/// The kind of a finding. Its [`Kind::name`] is the stable string of the CLI contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// Swedish personal identity number (validated date and check digit).
    Personnummer,
    /// Swedish co-ordination number: a personnummer with the day plus 60.
    Samordningsnummer,
    /// Swedish organisation number: a legal person, reported apart from personal data.
    Organisationsnummer,
    Email,
    Phone,
    IpAddress,
    Iban,
    PaymentCard,
    /// An indicator word of a special category (lower confidence).
    SpecialCategory(Category),
}

impl Kind {
    /// Every kind, in a fixed order (the order of [`Kind::index`]).
    pub const ALL: [Kind; 17] = [
        Kind::Personnummer,
        Kind::Samordningsnummer,
        Kind::Organisationsnummer,
        Kind::Email,
        Kind::Phone,
        Kind::IpAddress,
        Kind::Iban,
        Kind::PaymentCard,
        Kind::SpecialCategory(Category::Health),
        Kind::SpecialCategory(Category::Ethnicity),
        Kind::SpecialCategory(Category::Political),
        Kind::SpecialCategory(Category::Religion),
        Kind::SpecialCategory(Category::TradeUnion),
        Kind::SpecialCategory(Category::SexLife),
        Kind::SpecialCategory(Category::Genetic),
        Kind::SpecialCategory(Category::Biometric),
        Kind::SpecialCategory(Category::Criminal),
    ];

    /// Stable name, e.g. `personnummer`, `ip_address`, `special_category:health`.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Personnummer => "personnummer",
            Kind::Samordningsnummer => "samordningsnummer",
            Kind::Organisationsnummer => "organisationsnummer",
            Kind::Email => "email",
            Kind::Phone => "phone",
            Kind::IpAddress => "ip_address",
            Kind::Iban => "iban",
            Kind::PaymentCard => "payment_card",
            Kind::SpecialCategory(c) => match c {
                Category::Health => "special_category:health",
                Category::Ethnicity => "special_category:ethnicity",
                Category::Political => "special_category:political",
                Category::Religion => "special_category:religion",
                Category::TradeUnion => "special_category:trade_union",
                Category::SexLife => "special_category:sex_life",
                Category::Genetic => "special_category:genetic",
                Category::Biometric => "special_category:biometric",
                Category::Criminal => "special_category:criminal",
            },
        }
    }

    /// Position in [`Kind::ALL`]; used for bit sets and counters.
    pub fn index(self) -> usize {
        match self {
            Kind::Personnummer => 0,
            Kind::Samordningsnummer => 1,
            Kind::Organisationsnummer => 2,
            Kind::Email => 3,
            Kind::Phone => 4,
            Kind::IpAddress => 5,
            Kind::Iban => 6,
            Kind::PaymentCard => 7,
            Kind::SpecialCategory(c) => 8 + c as usize,
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Error of [`KindSet::parse_list`] and `Kind::from_str`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownKind(pub String);

impl fmt::Display for UnknownKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown kind `{}` (known: ", self.0)?;
        for (i, k) in Kind::ALL.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(k.name())?;
        }
        f.write_str(", special_category)")
    }
}

impl std::error::Error for UnknownKind {}

impl FromStr for Kind {
    type Err = UnknownKind;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Kind::ALL
            .iter()
            .copied()
            .find(|k| k.name() == s)
            .ok_or_else(|| UnknownKind(s.to_string()))
    }
}

/// A set of kinds (a bit set over [`Kind::index`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KindSet(u32);

impl KindSet {
    /// No kind.
    pub const fn empty() -> Self {
        KindSet(0)
    }
    /// Every kind.
    pub const fn all() -> Self {
        KindSet((1 << Kind::ALL.len()) - 1)
    }
    /// Adds a kind.
    pub fn insert(&mut self, k: Kind) {
        self.0 |= 1 << k.index();
    }
    /// Whether the set holds `k`.
    pub fn contains(self, k: Kind) -> bool {
        self.0 & (1 << k.index()) != 0
    }
    /// Whether the set holds any of the special categories.
    pub fn any_special(self) -> bool {
        self.0 >> 8 != 0
    }
    /// Whether the set is empty.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
    /// Parses one name; `special_category` alone means all nine categories.
    pub fn parse_into(&mut self, name: &str) -> Result<(), UnknownKind> {
        let name = name.trim();
        if name == "special_category" {
            for c in Category::ALL {
                self.insert(Kind::SpecialCategory(c));
            }
            return Ok(());
        }
        self.insert(name.parse()?);
        Ok(())
    }
    /// Parses a comma-separated list such as `personnummer,email`.
    pub fn parse_list(list: &str) -> Result<Self, UnknownKind> {
        let mut set = KindSet::empty();
        for part in list.split(',').filter(|p| !p.trim().is_empty()) {
            set.parse_into(part)?;
        }
        Ok(set)
    }
}

impl Default for KindSet {
    fn default() -> Self {
        KindSet::all()
    }
}

impl FromIterator<Kind> for KindSet {
    fn from_iter<I: IntoIterator<Item = Kind>>(iter: I) -> Self {
        let mut s = KindSet::empty();
        for k in iter {
            s.insert(k);
        }
        s
    }
}

/// One finding: a byte span of the scanned input and what it is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Finding {
    /// Offset of the first byte (of the decompressed stream for `.gz`).
    pub start: u64,
    /// Offset one past the last byte.
    pub end: u64,
    pub kind: Kind,
    /// In `[0, 1]`: 0.99 for checksum-validated numbers, about 0.5 for indicator words.
    pub confidence: f32,
    /// Name of the detector that produced the finding.
    pub detector: &'static str,
}

/// Receives findings in ascending `start` order (per input), together with the matched bytes.
pub trait Sink {
    fn finding(&mut self, finding: &Finding, value: &[u8]);
}

impl<F: FnMut(&Finding, &[u8])> Sink for F {
    fn finding(&mut self, finding: &Finding, value: &[u8]) {
        self(finding, value)
    }
}

//! Indicator words of special categories (GDPR Art. 9) and criminal-offence data (Art. 10),
//! Swedish and English, found in one Aho-Corasick pass (ASCII case-insensitive,
//! leftmost-longest). A word must start at a word boundary. Entries ending in `$` must also
//! end at one; the others are stems and the finding extends to the end of the word
//! (`diagnos` → `diagnosen`). These are indicators, reported with confidence 0.5.

use super::{Hit, is_word};
use crate::kind::{Category, Kind};
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

/// Detector name reported with these findings.
pub const DETECTOR: &str = "keywords_sv_en";

/// Confidence of an indicator word.
pub const CONFIDENCE: f32 = 0.5;

/// The word lists: category and entries.
pub const LISTS: &[(Category, &[&str])] = &[
    (
        Category::Health,
        &[
            "diagnos",
            "sjukdom",
            "sjukskriv",
            "sjukfrånvaro",
            "läkarintyg",
            "sjukhus",
            "vårdcentral",
            "journalanteckning",
            "patientjournal",
            "medicinering",
            "läkemedel",
            "depression",
            "diabetes",
            "cancer$",
            "cancern$",
            "hiv$",
            "astma",
            "epilepsi",
            "allergi",
            "graviditet",
            "gravid$",
            "psykisk ohälsa",
            "psykiatri",
            "missbruk",
            "funktionsnedsättning",
            "funktionshinder",
            "rehabilitering",
            "utbrändhet",
            "diagnosis",
            "diagnosed",
            "sick leave",
            "medical record",
            "medical certificate",
            "medication",
            "prescription",
            "hospitalised",
            "hospitalized",
            "mental health",
            "disability",
            "disabled$",
            "pregnancy",
            "pregnant$",
            "allergy",
            "allergic",
            "asthma",
            "epilepsy",
            "chemotherapy",
            "cellgiftsbehandling",
            "blood pressure",
            "blodtryck",
            "dementia",
            "demens",
            "adhd$",
            "autism",
        ],
    ),
    (
        Category::Ethnicity,
        &[
            "etnicitet",
            "etniskt ursprung",
            "etnisk tillhörighet",
            "ras$",
            "hudfärg",
            "ethnicity",
            "ethnic origin",
            "ethnic background",
            "racial origin",
            "racial or ethnic",
            "skin colour",
            "skin color",
        ],
    ),
    (
        Category::Political,
        &[
            "politisk åsikt",
            "politiska åsikter",
            "politisk tillhörighet",
            "partitillhörighet",
            "partimedlem",
            "socialdemokraterna",
            "moderaterna",
            "sverigedemokraterna",
            "vänsterpartiet",
            "miljöpartiet",
            "centerpartiet",
            "liberalerna$",
            "kristdemokraterna",
            "political opinion",
            "political view",
            "political affiliation",
            "party membership",
            "party member",
            "voted for",
            "röstade på",
        ],
    ),
    (
        Category::Religion,
        &[
            "religion",
            "religiös",
            "religiösa",
            "trosuppfattning",
            "livsåskådning",
            "muslim",
            "jewish$",
            "judisk",
            "katolik",
            "catholic$",
            "protestant",
            "buddhist",
            "hindu$",
            "ateist",
            "atheist",
            "svenska kyrkan",
            "moské",
            "mosque",
            "synagoga",
            "synagogue",
            "religious",
            "religious belief",
            "philosophical belief",
            "frikyrka",
        ],
    ),
    (
        Category::TradeUnion,
        &[
            "fackförening",
            "fackförbund",
            "facklig",
            "fackmedlem",
            "fackavgift",
            "medlem i facket",
            "trade union",
            "union member",
            "union membership",
            "labour union",
            "labor union",
            "union dues",
        ],
    ),
    (
        Category::SexLife,
        &[
            "sexuell läggning",
            "sexualitet",
            "sexliv",
            "homosexuell",
            "bisexuell",
            "heterosexuell",
            "transperson",
            "hbtq",
            "sexual orientation",
            "sex life",
            "sexuality",
            "homosexual",
            "bisexual",
            "heterosexual",
            "lesbian",
            "lesbisk",
            "gay$",
            "lgbt",
            "transgender",
        ],
    ),
    (
        Category::Genetic,
        &[
            "genetisk",
            "genetic",
            "dna-test",
            "dna-prov",
            "dna test",
            "dna sample",
            "dna-analys",
            "gentest",
            "genotyp",
            "genotype",
            "genome sequencing",
            "arvsanlag",
            "hereditary",
            "ärftlig",
        ],
    ),
    (
        Category::Biometric,
        &[
            "biometri",
            "biometric",
            "fingeravtryck",
            "fingerprint",
            "ansiktsigenkänning",
            "facial recognition",
            "face recognition",
            "irisskann",
            "iris scan",
            "retinaskann",
            "retina scan",
            "röstigenkänning",
            "voice print",
            "voiceprint",
            "ansiktsbild",
        ],
    ),
    (
        Category::Criminal,
        &[
            "brottmål",
            "dömd",
            "dömdes",
            "fällande dom",
            "belastningsregist",
            "brottsregist",
            "straffregist",
            "fängelsestraff",
            "fängelse",
            "åtal",
            "åtalad",
            "misstänkt för",
            "brottsmisstanke",
            "lagföring",
            "villkorlig dom",
            "convicted",
            "conviction",
            "criminal record",
            "criminal offence",
            "criminal offense",
            "prison sentence",
            "imprisonment",
            "indicted",
            "prosecuted",
            "arrested",
            "police record",
            "suspected of",
            "felony",
            "misdemeanour",
            "misdemeanor",
        ],
    ),
];

/// A compiled keyword matcher.
#[derive(Debug, Clone)]
pub struct Keywords {
    ac: AhoCorasick,
    meta: Vec<(Category, bool)>,
}

impl Keywords {
    /// Compiles the lists for the given categories (`None` when no category is enabled).
    pub fn new(enabled: impl Fn(Category) -> bool) -> Option<Keywords> {
        let mut pats: Vec<String> = Vec::new();
        let mut meta = Vec::new();
        for (cat, words) in LISTS {
            if !enabled(*cat) {
                continue;
            }
            for w in *words {
                let (w, exact) = match w.strip_suffix('$') {
                    Some(x) => (x, true),
                    None => (*w, false),
                };
                // ASCII case folding leaves å, ä, ö alone: add the capitalised form as well.
                let mut variants = vec![w.to_string()];
                let cap: String = w
                    .chars()
                    .take(1)
                    .flat_map(char::to_uppercase)
                    .chain(w.chars().skip(1))
                    .collect();
                if !w.as_bytes()[0].is_ascii() {
                    variants.push(cap);
                }
                for v in variants {
                    pats.push(v);
                    meta.push((*cat, exact));
                }
            }
        }
        if pats.is_empty() {
            return None;
        }
        let ac = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&pats)
            .expect("the keyword lists compile");
        Some(Keywords { ac, meta })
    }

    /// Pushes the indicator words found in `hay`.
    pub(crate) fn scan(&self, hay: &[u8], out: &mut Vec<Hit>) {
        for m in self.ac.find_iter(hay) {
            let (cat, exact) = self.meta[m.pattern().as_usize()];
            let s = m.start();
            if s > 0 && is_word(hay[s - 1]) {
                continue;
            }
            let mut e = m.end();
            if exact {
                if hay.get(e).is_some_and(|&c| is_word(c)) {
                    continue;
                }
            } else {
                let limit = e + 32;
                while e < hay.len() && e < limit && is_word(hay[e]) {
                    e += 1;
                }
                if hay.get(e).is_some_and(|&c| is_word(c)) {
                    continue;
                }
            }
            out.push(Hit {
                start: s,
                end: e,
                kind: Kind::SpecialCategory(cat),
                confidence: CONFIDENCE,
                detector: DETECTOR,
            });
        }
    }
}

//! Indicator words of special categories (GDPR Art. 9) and criminal-offence data (Art. 10),
//! Swedish and English (ASCII case-insensitive; the first letter also in either case when it
//! is å, ä, ö). A finding starts at a word start; the longest entry that matches there wins.
//! Entries ending in `$` must also end at a word end; the others are stems and the finding
//! extends to the end of the word (`diagnos` → `diagnosen`). After a finding the search goes
//! on after it. These are indicators, reported with confidence 0.5.
//!
//! Search: word starts come from 64-byte bit masks of word bytes and letters (words that
//! start with a digit or have fewer than three bytes are never looked at); at each one, the four
//! bytes there (ASCII case folded) are looked up in a 64 Kibit hash set of the entries'
//! first four bytes; on a hit, the first six bytes in a second set (four for entries shorter
//! than six), and only then does an anchored Aho-Corasick automaton confirm the entry. Most
//! words of ordinary text cost a hash and a bit test. The automaton is a contiguous NFA, not
//! a DFA: it is asked about a thousand times per 16 MiB of ordinary text, and the DFA took
//! 54 million more instructions to build at every start than it saved in searching.

use super::blocks::{BLOCK, Classes};
use super::{Hit, alphanumeric, escaped_before, glued_at, glued_before, is_word, word_end};
use crate::kind::{Category, Kind};
use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};

/// Detector name reported with these findings.
pub const DETECTOR: &str = "keywords_sv_en";

/// Detector name of a key's value reported for the attribute the key names (`Religion:
/// Pastafarian`): the key, not the value, decides.
pub const KEYED_DETECTOR: &str = "keyed_value";

/// Confidence of an indicator word.
pub const CONFIDENCE: f32 = 0.5;

/// The word lists: category and entries. An entry ending in `$` is a whole word (no stem);
/// one ending in `:` names its category only as a key, whose value is then the finding
/// (`"politics": "Konservativ"`); in prose it says nothing of anyone (`office politics`).
pub const LISTS: &[(Category, &[&str])] = &[
    (
        Category::Health,
        &[
            // Senses, dialysis, muscle disease, mood, sleep, drinking, self-harm, food
            // allergies and guide dogs of a sixteenth corpus, and sick leave in Norwegian,
            // Danish and Finnish (staff of Nordic groups: `sykmeldt`, `sygemeldt`,
            // `sairausloma`).
            "nedsatt hörsel",
            "partially sighted",
            "hemdialys",
            "peritonealdialys",
            "muskeldystrofi",
            "muscular dystrophy",
            "nedstämd",
            "sömnstörning",
            "alkoholproblem",
            "drinking problem",
            "skadar sig själv",
            "self-harm",
            "glutenallergi",
            "mjölkallergi",
            "äggallergi",
            "fiskallergi",
            "pälsdjursallergi",
            "guide dog",
            "ledarhund",
            "sykmeld",
            "sykemeld",
            "egenmelding",
            "sygemeld",
            "sairausloma",
            "sygdom",
            "migræne",
            // Symptoms a health app logs and injuries an insurance claim describes.
            "menstrual cramps",
            "period pain",
            "mensvärk",
            "hot flushes",
            "hot flashes",
            "värmevallning",
            "slipped disc",
            "broken ankle",
            "broken arm$",
            "broken leg$",
            "broken wrist",
            "dislocated shoulder",
            "torn acl",
            "smoke inhalation",
            "brännskada",
            "brännskador",
            "skallskada",
            "revbensfraktur",
            "fotledsfraktur",
            "handledsfraktur",
            "armbrott",
            "benbrott",
            "flunssa",
            "nedsatt ork",
            "nedsatt gångförmåga",
            "nedsatt rörelseförmåga",
            "rörelseinskränkning",
            "kognitiv trötthet",
            "appendectomy",
            "appendicit",
            "blindtarmsinflammation",
            "blindtarmsoperation",
            // A vaccination given is a fact of someone's health (a pupil's journal).
            "vaccination$",
            "vaccinationen$",
            "vaccinated",
            // Dental care, births, fractures and pain of a fourteenth corpus.
            "parodontit",
            "rotfyllning",
            "tandvårdsrädsla",
            "bettfysiologisk",
            "karies$",
            "tandlossning",
            "förlossning",
            "höftfraktur",
            "collumfraktur",
            "tjocktarmscancer",
            "långvarig smärta",
            "nyopererad",
            "hudutslag",
            // Sick pay, aids, tests and injuries of a thirteenth corpus.
            "sick pay",
            "statutory sick pay",
            "hearing aid",
            "hörapparat",
            "blodsocker",
            "blood sugar",
            "hba1c",
            "korsbandsskada",
            "deltidssjukskriv",
            "kraftigt berusad",
            "heavily intoxicated",
            "substance misuse",
            "visually impaired",
            "synskadad",
            "head injury",
            "off work sick",
            "chemo$",
            "ibs$",
            "camhs$",
            "diagnos",
            "illness",
            "medical history",
            "sjukdomshistori",
            "psykoterapi",
            "psychotherapy",
            "utmattningssyndrom",
            "dyslexi",
            "sjukpenning",
            "sjukersättning",
            "therapy",
            "sjukdom",
            "sjukskriv",
            "sjukfrånvaro",
            "läkarintyg",
            "sjukintyg",
            "rullstolsburen",
            "wheelchair user",
            "sjukhus",
            "vårdcentral",
            "journalanteckning",
            "patientjournal",
            "medicinering",
            "läkemedel",
            "depression",
            // deprimerad, deprimerade
            "deprimerad",
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
            "disabled person",
            "disabled people",
            "disabled employee",
            "disabled worker",
            "disabled staff",
            "disabled child",
            "disabled student",
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
            "migrän",
            "migraine",
            "sjukanmäl",
            "arbetsskad",
            "sick note",
            "ångest",
            "missfall",
            "psykos$",
            "psykosen$",
            "psykoser$",
            "schizofren",
            "bipolär",
            "slaganfall",
            "hjärtinfarkt",
            "heart attack",
            "alzheimer",
            "hepatit",
            "tuberkulos",
            "reumat",
            "ätstörning",
            "anorexi",
            "bulimi",
            "självmord",
            "suicid",
            "självskad",
            "psykologsamtal",
            "psykologkontakt",
            "medicinska skäl",
            "läkarbesök",
            "vaccinerad",
            "diabetiker",
            "epileptiker",
            "dyslektiker",
            "autistisk",
            "autist$",
            "autister$",
            "hivpositiv",
            "rörelsehinder",
            "alkoholism",
            "alkoholberoende",
            "alkoholmissbruk",
            "narkotikamissbruk",
            "drogmissbruk",
            "drogtest",
            "bröstcancer",
            "lungcancer",
            "prostatacancer",
            "hudcancer",
            "tarmcancer",
            "cancerbehandling",
            "cancerdiagnos",
            "cancersjuk",
            "hjärtsjukdom",
            "lungsjukdom",
            "njursjukdom",
            "ptsd$",
            "anxiety",
            "burnout",
            "surgery",
            "therapist",
            // psychiatry, psychiatric, psychiatrist
            "psychiatr",
            "psychologist",
            "alcoholism",
            "alcohol dependence",
            "wheelchair",
            "medical condition",
            "schizophrenia",
            "bipolar disorder",
            "eating disorder",
            "celiaki",
            "glutenintolerans",
            "laktosintolerans",
            "nötallergi",
            "jordnötsallergi",
            "pollenallergi",
            "stroke$",
            "hjärtsvikt",
            "hörselnedsättning",
            "synnedsättning",
            "fallrisk",
            "trycksår",
            "hypertoni",
            "parkinson",
            "fetma$",
            "inkontinens",
            "psoriasis",
            "ryggsmärt",
            "multipel skleros",
            "utmattning$",
            "ryggbesvär",
            "nackbesvär",
            "influensa",
            "magsjuk",
            "covid",
            "sjuklön",
            "sjukavdrag",
            "långtidssjuk",
            "förkyld",
            "läkartid",
            "läkarbesök",
            "vårdjournal",
            "bup$",
            "ryggskott",
            "blodtransfusion",
            "cystisk fibros",
            "cystic fibrosis",
            // KOL, kroniskt obstruktiv lungsjukdom (only in capitals: `kol` is coal).
            "kol$",
            "nedsatt arbetsförmåga",
            "whiplash",
            // Crohn's disease, Crohns sjukdom
            "crohn",
            "beroendemottagning",
            "beroendevård",
            "psykolog$",
            "psykologen$",
            "psykologbesök",
            "psykologsamtal",
            "psykologkontakt",
            "psykologutredning",
            "magont$",
            "huvudvärk",
            "feber$",
            "febern$",
            "arthritis",
            "artrit$",
            "artriten$",
            "ledgångsreumati",
            "asperger",
            "tumör",
            "tumour",
            "cellgift",
            "cytostatika",
            "kemoterapi",
            "strålbehandl",
            "radiotherapy",
            // dialys, dialysis
            "dialys",
            "njursvikt",
            "kidney failure",
            "klamydia",
            "chlamydia",
            "gonorré",
            "gonorrhoea",
            "gonorrhea",
            "syfilis",
            "syphilis",
            "provrörsbefrukt",
            "miscarriage",
            "substance abuse",
            "hearing impairment",
            "visual impairment",
            "synskad",
            "infektionsklinik",
            "lunginflammation",
            "pneumonia",
            "depressiv",
            "rehabmöte",
            // medicinerar, medicinerade
            "medicinera",
            // Medicines whose name tells a condition or a treatment (brand names included).
            "penicillin",
            "insulin",
            "metformin",
            "sertralin",
            "citalopram",
            "escitalopram",
            "fluoxetin",
            "venlafaxin",
            "mirtazapin",
            "levothyroxin",
            "levotyroxin",
            "levaxin",
            "waran$",
            "warfarin",
            "atorvastatin",
            "simvastatin",
            "metoprolol",
            "enalapril",
            "losartan",
            "amlodipin",
            "omeprazol",
            "ibuprofen",
            "tramadol",
            "oxykodon",
            "oxycodone",
            "morfin",
            "morphine",
            "kodein",
            "codeine",
            "metylfenidat",
            "methylphenidate",
            "ventolin",
            "salbutamol",
            "concerta$",
            "elvanse$",
            "imovane$",
            "propavan$",
            "oxascand$",
            "stesolid$",
            "theralen$",
            // Sick pay and its deductions on a payslip tell a sick leave (`Karensavdrag`).
            "karensavdrag",
            "karensdag",
            "sjukavdrag",
            // Support for people with disabilities (LSS, in capitals only).
            "lss$",
            "cerebral pares",
            "cerebral palsy",
            "dement$",
            "dementa$",
            "luftvägsinfektion",
            "urinvägsinfektion",
            // An appointment with the dentist (a job title in a column of staff is not).
            "tandläkare$",
            "tandläkaren$",
            "tandläkarbesök",
            // Medicines and conditions of an eleventh corpus (discharge letters, lab
            // results, research code keys).
            "symbicort$",
            "pentasa$",
            "truvada$",
            "keppra$",
            "tamoxifen$",
            "lantus$",
            "olanzapin",
            "eliquis$",
            "lithionit$",
            "litium$",
            "madopark$",
            "metotrexat",
            "donepezil",
            "suboxone$",
            "lamotrigin",
            "insulatard$",
            "oxynorm$",
            "novorapid$",
            "humira$",
            "ozempic$",
            "anemi$",
            "förmaksflimmer",
            "atrial fibrillation",
            "hivinfektion",
            "ulcerös kolit",
            "ulcerative colitis",
            "sömnapné",
            "sleep apnoea",
            "sleep apnea",
            "endometrios",
            "fibromyalgi",
            "postcovid",
            "buksmärta",
            "abdominal pain",
            "andfåddhet",
            "shortness of breath",
            "hjärtklappning",
            "palpitations",
            "viktnedgång",
            "coeliac disease",
            "celiac disease",
            "hypertension",
            "tuberculosis",
            "tuberkulos",
            "copd$",
            "hypothyroidism",
            "myocardial infarction",
            "borrelia",
            "exhaustion disorder",
            "reumatoid artrit",
            "rheumatoid arthritis",
            "headache",
            "insomnia",
            "panic attacks",
            "panikattack",
            "hörselnedsättning",
            "synnedsättning",
            "minnesmottagning",
            "hivmottagning",
            "strokeenhet",
            "barnmorskemottagning",
            "onkologiska kliniken",
            "huntington disease",
            "ritalin",
            "elvanse",
            "antidepressiv",
            "antidepressant",
            "kronisk smärta",
            "kroniskt sjuk",
            "panikångest",
            "tinnitus",
            "sömnsvårigheter",
            "sömnproblem",
            "sjuk$",
            "spinal cord injury",
            "heart failure",
            "hearing loss",
            "multiple sclerosis",
            "panic disorder",
            "parkinson's",
            "suicid",
            "illamående",
            "nausea",
            "yrsel$",
            "yrseln$",
            "dizziness",
            "diskbråck",
            "höftprotes",
            "knäprotes",
            "rehabplan",
            "rehabärende",
            "rehabutredning",
            "arbetsträning",
            "antabus",
            // KBT, kognitiv beteendeterapi (only in capitals).
            "kbt$",
            "heart condition",
            "flu$",
            "called in sick",
            "off sick",
            "out sick",
            "alcohol dependency",
            "hjärt-kärlsjukdom",
            "kärlkramp",
            "doctor's note",
            "knäoperation",
            "höftoperation",
            "ryggoperation",
            "mammografi",
            "leversjukdom",
            "fallskada",
            "läkarutlåtande",
            "back pain",
            "lumbago",
            "artros",
            "gonartros",
            "coxartros",
            "respiratory infection",
            "infarkt",
            "hypotyreos",
            "hypertyreos",
            "hjärnskakning",
            "concussion",
            "fraktur",
            "fracture",
            "stukning",
            "bröstsmärt",
            "chest pain",
            "sjukgymnast",
            "fysioterapi",
            "physiotherapy",
            "samtalsterapi",
            "rullstol",
            "psykiska störningar",
            "uppmärksamhetsstörning",
            "sjukdag",
            // Added for a ninth corpus: gambling addiction, mobility and hearing, sexual and reproductive
            // care, procedures and findings of a donor's or an applicant's health.
            "spelberoende",
            "spelmissbruk",
            "gambling addiction",
            "problem gambling",
            "mobility impairment",
            "impaired mobility",
            "nedsatt rörlighet",
            "hörselskad",
            "impaired hearing",
            "abortrådgivning",
            "abortion",
            "preventivmedel",
            "contracepti",
            "kondylom",
            "antibiotika",
            "endoskopi",
            "gallsten",
            "injicerat narkotika",
            "järnbrist",
            "herpes",
            "posttraumatisk",
            "alkoholsyndrom",
            "förlöst$",
            "förlöstes$",
            "ljumskbråck",
            "ivf$",
            "icsi$",
            "frysåterföring",
            "donatorspermier",
            "donerade spermier",
            "insemination",
            "when urinating",
            "amputat",
            "skottskada",
            "ovarian insufficiency",
            "premature menopause",
            "implantation failure",
            "muscle disease",
            "multiple sclerosis",
            "blood transfusion",
            // A passenger's needs in a booking (IATA codes, in capitals only: `SSR WCHR`, a diabetic
            // or gluten-free meal), HIV prophylaxis (`PrEP`), maternity care.
            "wchr$",
            "wchs$",
            "wchc$",
            "blnd$",
            "dpna$",
            "meda$",
            "dbml$",
            "gfml$",
            "prep$",
            "mödravård",
        ],
    ),
    (
        Category::Ethnicity,
        &[
            "mörkhyad",
            "etnicitet",
            "etnisk",
            "romsk",
            "romer$",
            "samisk",
            "samer$",
            "sámi$",
            "saami$",
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
            "härkomst",
            "invandrarbakgrund",
            "utländsk bakgrund",
            "invandrare$",
            "utrikesfödd",
            "tornedaling",
            "tornedalsk",
            "sverigefinn",
            "sverigefins",
            "romani$",
            "ethnic",
            "racial",
            "immigrant background",
            "migrant background",
            "assyrier",
            "assyrisk",
            "syrianer",
            "kurdisk",
            "kurder$",
            "kurd$",
            "kurdish",
            "afrosvensk",
            "irish traveller",
            "black british",
            "roma descent",
            "roma origin",
            "roma heritage",
            "roma background",
            // A Sami by their own account (`anser sig vara same`), and the Hazara.
            "vara same$",
            "hazarer",
            "hazara$",
        ],
    ),
    (
        Category::Political,
        &[
            "grön ungdom",
            "ssu$",
            "ung vänster",
            "piratpartiet",
            "lib dem",
            "voted reform",
            "voted green",
            "voted labour",
            "voted conservative",
            "demonstration mot",
            "demonstrationen mot",
            "demonstrerade mot",
            "republican party",
            "democratic party",
            // German parties and Swedish parties' youth leagues (only in capitals).
            "cdu$",
            "afd$",
            "cuf$",
            "muf$",
            "kdu$",
            "social democrats",
            "sweden democrats",
            "christian democrats",
            "moderate party",
            "centre party",
            "green party",
            "left party",
            "liberal party",
            "politisk åsikt",
            "politiska åsikter",
            "politisk uppfattning",
            "politiska uppfattning",
            "politisk tillhörighet",
            "politiskt engage",
            "partitillhörighet",
            "partimedlem",
            "socialdemokrat",
            "moderaterna",
            "sverigedemokrat",
            "vänsterpartiet",
            "vänsterpartist",
            "miljöpartiet",
            "miljöpartist",
            "centerpartiet",
            "centerpartist",
            "liberalerna$",
            "kristdemokrat",
            // Only as keys (`"politics": "Konservativ"`, `Politik: Centern`).
            "politics:",
            "politik:",
            "political opinion",
            "labour party",
            "labor party",
            "political view",
            "political affiliation",
            "party membership",
            "party member",
            "voted for",
            "röstade på",
            "partisympati",
            "politiskt aktiv",
            "partiaktiv",
            "politically active",
            "kommunist",
            "politisk åskådning",
            "politiska åskådning",
            "sinn féin",
            "liberal democrats",
            "conservative party",
            "political party",
            "feministiskt initiativ",
            "reform uk",
            "moderater$",
            // Germany's social democrats (only in capitals).
            "spd$",
            "valsedelsutdelare",
            "partistyrelse",
            "ledamot i kommunfullmäktige",
            "ledamot i regionfullmäktige",
            "kandidat i riksdagsvalet",
            "kandidat i regionvalet",
            "kandidat i kommunvalet",
            // Youth wings, opposition parties abroad (`medlem i oppositionspartiet HDP`), a councillor's
            // party.
            "ungdomsförbundet",
            "oppositionsparti",
            "opposition party",
            "councillor for",
            "communist party",
            "liberation front",
        ],
    ),
    (
        Category::Religion,
        &[
            "laestadian",
            "bat mitzvah",
            "bar mitzvah",
            "hajj$",
            "pentecostal",
            "religion",
            "kristen$",
            "kristna$",
            "kristendom",
            "troende$",
            "jehovas vittne",
            "kyrkan$",
            "churchgoer",
            "church$",
            "church member",
            "religiös",
            "religiösa",
            "bönegrupp",
            "fredagsbön",
            "prayer group",
            "friday prayer",
            "trosuppfattning",
            "livsåskådning",
            "muslim",
            "jewish$",
            "judisk",
            "katolik",
            "katolicism",
            "jom kippur",
            "yom kippur",
            "eid al-fitr",
            "eid al-adha",
            "rosh hashana",
            "döpt$",
            "döptes$",
            "konfirmerad",
            "diwali$",
            "catholic$",
            "protestant",
            "buddhist",
            "hindu$",
            "ateist",
            "atheist",
            "svenska kyrkan",
            "missionsförbundet",
            // The national churches of Norway, Denmark and Finland.
            "den norske kirke",
            "folkekirken",
            "evangelisk-lutherska kyrkan",
            "moské",
            "mosque",
            "synagoga",
            "synagogue",
            "religious",
            "religious belief",
            "philosophical belief",
            "frikyrka",
            "ramadan$",
            "halal$",
            "kosher$",
            "koscher$",
            "sabbat$",
            "hijab$",
            "islam",
            "judendom",
            "jude$",
            "judar$",
            "judarna$",
            "katolsk",
            "ortodox",
            "buddhism",
            "sikh",
            "hinduism",
            "judaism",
            "christianity",
            "trossamfund",
            "gudstjänst",
            "kyrkoavgift",
            "kyrkotillhörighet",
            "kyrkoskatt",
            "imam",
            "baptised",
            "baptized",
            "pingstförsamling",
            "pingstkyrka",
            "pingstvän",
            "halalkost",
            "koscherkost",
            "sabbaten$",
            "jehovah",
            "mormon",
            "hanukkah",
            "hanukka$",
            "chanukah",
            "chanukka",
            "kyrkoherde",
            "präst$",
            "prästen$",
            "bibelstudie",
            "bönerum",
            "prayer room",
            "turban$",
            "konfirmand",
            "pingströrelse",
            "equmenia",
            "missionskyrka",
            "frälsningsarmé",
            "salvation army",
            "diakoni",
            "baptist",
            "metodist",
            "mosaisk",
            // A Muslim, kosher or Hindu meal in a booking (IATA codes, in capitals only).
            "moml$",
            "ksml$",
            "hnml$",
        ],
    ),
    (
        Category::TradeUnion,
        &[
            "musikerförbundet",
            "målareförbundet",
            // British unions and Swedish unions of police and occupational therapists (the abbreviations only in capitals).
            "nasuwt$",
            "usdaw$",
            "cwu$",
            "fbu$",
            "rmt$",
            "rcn$",
            "teamsters",
            "polisförbundet",
            "sveriges arbetsterapeuter",
            "facket$",
            // The British general union (only in capitals).
            "gmb$",
            "huvudskyddsombud",
            "fackförening",
            "fackförbund",
            "facklig",
            "fackmedlem",
            "fackavgift",
            "fackklubb",
            "medlem i facket",
            // Only as "IF Metall" or Germany's "IG Metall" (see `NAMES`).
            "metall$",
            "lärarförbundet",
            "lärarnas riksförbund",
            "sveriges lärare",
            "vårdförbundet",
            "akademikerförbundet",
            "journalistförbundet",
            "sveriges ingenjörer",
            "trade union",
            "unionen$",
            // A union as a key (`"union": "NITO"`); in prose, a union of anything.
            "union:",
            "union member",
            "union membership",
            "labour union",
            "labor union",
            "union dues",
            "fackombud",
            // A union's representative at a workplace (`fackligt ombud för Unionen`: with
            // the union, one phrase).
            "fackligt ombud",
            "elektrikerförbundet",
            "transportarbetareförbundet",
            "akavia$",
            // Unions of Norway, Denmark and Finland whose names are no common words.
            "fagforbundet",
            "tekna$",
            "djøf$",
            "ammattiliitto",
            "jusek$",
            "seko$",
            "saco$",
            // Sveriges universitetslärare och forskare (only in capitals).
            "sulf$",
            "livsmedelsarbetareförbundet",
            "fastighetsanställdas förbund",
            "fackmöte",
            "union representative",
            "union rep$",
            "unionised",
            "unionized",
            "läkarförbund",
            "naturvetarna$",
            "skyddsombud",
            "handelsanställdas förbund",
            "shop steward",
            "union meeting",
            // And the names in `UNIONS`, added as whole words by `Keywords::new`.
        ],
    ),
    (
        Category::SexLife,
        &[
            "bög$",
            "bögar$",
            "öppet förhållande",
            "öppen relation",
            "öppen för trekant",
            "open relationship",
            "sexuellt aktiv",
            "samlag",
            "sexually active",
            "unprotected sex",
            "asexual",
            "same-sex",
            "sexuell läggning",
            "sexuella läggning",
            "sexualitet",
            "sexliv",
            "sexualliv",
            "sexuell orientering",
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
            // The answers of British equal-opportunities forms (`Gay woman / lesbian`).
            "gay woman",
            "gay man$",
            "lgbt",
            "transgender",
            "queer",
            "transsexuell",
            "könsidentitet",
            "sexual preference",
            "sexual history",
            // samkönad, samkönat, samkönade
            "samkön",
            // The Swedish federation for LGBTQ rights (only in capitals).
            "rfsl$",
            "sexualvan",
            "asexuell",
            "pansexuell",
            "pansexual",
            // Sexual exposure as a clinic or a blood service records it (`oskyddat sex`, `man som haft
            // sex med man`, `kondomen sprack`), and emergency contraception.
            "oskyddat sex",
            "condomless sex",
            "kondomen sprack",
            "condom broke",
            "sexpartner",
            "sexual partner",
            "haft sex med",
            "sex med flera",
            "sex med man",
            "sex med kvinna",
            "sex med en ny",
            "sex with a new",
            "sex mot ersättning",
            "betalt för sex",
            "paid for sex",
            "exchange for sex",
            "akut-p-piller",
            "akut p-piller",
            "dagen-efter-piller",
            "emergency contraception",
            "during sex",
        ],
    ),
    (
        Category::Genetic,
        &[
            "c282y",
            "f508del",
            "anlagstest",
            "släktskapstest",
            "trisomi",
            "downs syndrom",
            "lynchsyndrom",
            "fragilt x",
            "snp array",
            "haplogrupp",
            "haplogroup",
            "mtdna",
            "anlag för",
            "mikrodeletion",
            "microdeletion",
            "huntington",
            "genetisk",
            "genetic",
            "genome",
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
            "dna-profil",
            "gensekvensering",
            "dna-sekvensering",
            "cyp2d6",
            "cyp2c19",
            "cftr-mutation",
            "cftr mutation",
            "lynch syndrom",
            "htt expansion",
            "htt-expansion",
            "arvsmassa",
            "brca$",
            "brca1$",
            "brca2$",
            "helgenomsekvensering",
            "helexomsekvensering",
            "klinisk genetik",
            "kliniskgenetisk",
            "faderskapstest",
            "faderskapsutredning",
            "paternity test",
            "exomsekvensering",
            "genomsekvensering",
            "snp-array",
            "genpanel",
            "bärarskap",
            "anlagsbärare",
            "faktor v leiden",
            "hla-b27",
            "apoe$",
            "carrier status",
            "factor v leiden",
            "whole genome",
            "exome sequencing",
            "delat dna",
            "shared dna",
            "dna match",
            "dna-match",
            "autosomal",
            // Carrier screening and chromosome findings of donors and parents.
            "carrier screen",
            "carrier testing",
            "carrier test$",
            "bärare av",
            "carry the gene",
            "carries the gene",
            "smn1 deletion",
            "premutation",
            "translokation",
            "translocation",
            "karyotyp",
            "whole-exome",
            "novo variant",
        ],
    ),
    (
        Category::Biometric,
        &[
            "palm vein",
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
            "röstavtryck",
            "ansiktsgeometri",
            "ansiktsskanning",
            "ansiktsscanning",
            "retinal scan",
            "gait recognition",
            "irisigenkänning",
            "handflatsskanning",
            "handflatsigenkänning",
            "handvensskanning",
            "handvensläsare",
            "irisläsare",
            "palm scan",
            "face template",
            "iris template",
            "fingerprint template",
            "venmönster",
            "irismall",
            "ansiktsmall",
            "palmvein",
            "röstbiometri",
            "röstprofil",
            "voice biometric",
            // A face matched to a document, and the face or fingerprint that unlocks an account as a
            // login's method (`"mfa":"face-id"`; `Face ID` and `Touch ID` name a device's feature).
            "face match",
            "face verification",
            "ansiktsmatchning",
            "ansiktsverifiering",
            "face-id$",
            "touch-id$",
        ],
    ),
    (
        Category::Criminal,
        &[
            // Charges, cautions, licences and sentences (English and Swedish).
            "charged with",
            "accepted a caution",
            "licence conditions",
            "released on licence",
            "risk of reoffending",
            "återfallsrisk",
            "våldsbrott",
            "strafföreläggande",
            "electronically monitored",
            "possession of a controlled drug",
            "found not guilty",
            "misstanke om",
            "döms$",
            "dömdes för",
            // Sanctions imposed on a person, and offences named as words of their own
            // (`misstänkt för misshandel`, `anmälde stölden`), not in compounds
            // (`stöldskydd`, `bedrägeriförsök` in a bank's product text).
            "stöld$",
            "stölden$",
            "stölder$",
            "misshandel$",
            "misshandeln$",
            "misshandlad",
            "bedrägeri$",
            "bedrägeriet$",
            "bedrägerier$",
            "assault$",
            "fraud$",
            // Driving under the influence (only in capitals).
            "dui$",
            "remand$",
            "remanded$",
            "probation$",
            "assaulted$",
            "dagsböter",
            "skyddstillsyn",
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
            "prison",
            "straffad",
            "lagförd",
            "brottsmisstänkt",
            "lagöverträdelse",
            "lagöverträdare",
            "brottsutredning",
            "polisanmäl",
            "indicted",
            "prosecuted",
            "arrested",
            "police record",
            "suspected of",
            "felony",
            "misdemeanour",
            "misdemeanor",
            "brottsanmälan",
            "häktad",
            "häktning",
            "häktet$",
            "anhållen$",
            "anhölls$",
            "anhållits$",
            "gripen$",
            "gripits$",
            "rättegång$",
            "rättegången$",
            "delgiven misstanke",
            "delgavs misstanke",
            "delgivits misstanke",
            "tagande av muta",
            "givande av muta",
            "trolöshet mot huvudman",
            "penningtvätt",
            "hemfridsbrott",
            "dataintrång",
            "häleri",
            "bokföringsbrott",
            "vapenbrott",
            "våld mot tjänsteman",
            "rån$",
            "grovt rån",
            "money laundering",
            "bribery",
            "robbery",
            "drug offence",
            "drug offense",
            "unlawful threats",
            "custodial sentence",
            "community service",
            "domfälld",
            "dömts",
            // misstänkt, misstänkta, misstänks (för brott)
            "misstänkt",
            "misstänks",
            "kontaktförbud",
            "skäligen misstänkt",
            "suspected of",
            "polisutredning",
            "fängslad",
            "police report",
            "rattfylleri",
            "narkotikabrott",
            "olaga hot",
            "snatteri",
            "fotboja",
            "ungdomstjänst",
            "samhällstjänst",
            "shoplifting",
            "drink driving",
            "drunk driving",
            "drink-driving",
            "sex offender",
            "sentenced",
            "suspended sentence",
            "parole$",
            "paroled",
            "villkorligt frigiven",
            "villkorlig frigivning",
            // avtjänar, avtjänade (ett straff)
            "avtjäna",
            "inbrott$",
            "inbrottet$",
            "inbrotten$",
            "stulit$",
            "böter$",
            "bötesstraff",
            "kriminalvård",
            "frivård",
            "theft$",
            "embezzlement",
            "förskingring",
            "greps$",
            "gripits$",
            "skadegörelse",
            "olovlig körning",
            "criminal damage",
            "ofredande",
            "burglary",
            "den tilltalade",
        ],
    ),
];

/// Whether `found` is `word` in Windows-1252 (ASCII letters in any case), compared without
/// building that form: the rules that ask run for every indicator word.
fn same_in_latin1(found: &[u8], word: &str) -> bool {
    !word.is_ascii()
        && found.len() == word.chars().count()
        && found
            .iter()
            .zip(word.chars())
            .all(|(&b, c)| latin1_byte(c).is_some_and(|l| l.eq_ignore_ascii_case(&b)))
}

/// The byte of `c` in Windows-1252, for ASCII and the Latin-1 letters and signs (U+00A0–
/// U+00FF, the same single bytes in both).
fn latin1_byte(c: char) -> Option<u8> {
    match u32::from(c) {
        v @ (0..=0x7F | 0xA0..=0xFF) => u8::try_from(v).ok(),
        _ => None,
    }
}

/// `text` in Windows-1252 when all its characters are ASCII or Latin-1 letters and signs
/// (U+00A0–U+00FF, the same single bytes in both).
fn latin1(text: &str) -> Option<Vec<u8>> {
    text.chars().map(latin1_byte).collect()
}

/// `text` in code page 437 when all its characters are ASCII or Swedish letters (`å ä ö é
/// ü`, either case): the character set of SIE files (`#FORMAT PC8`), which Swedish
/// accounting systems export. Its letter bytes are continuation bytes in UTF-8 and
/// quotation marks or daggers in Windows-1252, so these forms match nothing else.
fn cp437(text: &str) -> Option<Vec<u8>> {
    text.chars()
        .map(|c| match c {
            'å' => Some(0x86),
            'ä' => Some(0x84),
            'ö' => Some(0x94),
            'Å' => Some(0x8F),
            'Ä' => Some(0x8E),
            'Ö' => Some(0x99),
            'é' => Some(0x82),
            'É' => Some(0x90),
            'ü' => Some(0x81),
            'Ü' => Some(0x9A),
            c => u8::try_from(c).ok().filter(u8::is_ascii),
        })
        .collect()
}

/// `text` as JSON writes it with non-ASCII escaped (`läkarintyg` → `l\u00e4karintyg`), as
/// Python's `json.dumps` and .NET's `System.Text.Json` do by default.
fn json_escaped(text: &str) -> Vec<u8> {
    let mut out = String::new();
    for c in text.chars() {
        match c.is_ascii() {
            true => out.push(c),
            false => out.push_str(&format!("\\u{:04x}", u32::from(c))),
        }
    }
    out.into_bytes()
}

/// Technical senses of indicator words, which name no one's data: the whole word (ASCII
/// case folded) and where it is technical.
const TECHNICAL: &[(&str, Sense)] = &[
    // A minority language named as a language (`har samiska som språk i hemmet`, `romani
    // chib`), not anyone's ethnic origin.
    (
        "samiska",
        Sense::Near(&[
            "språk",
            "språket",
            "språk i hemmet",
            "talar",
            "language",
            "speaks",
        ]),
    ),
    ("romani", Sense::Before(&["chib"])),
    // The medicines agency and rooms and cupboards for medicines (`Läkemedelsrum` on a
    // door), not anyone's medication.
    ("läkemedelsverk*", Sense::Always),
    ("läkemedelsrum*", Sense::Always),
    ("läkemedelsförråd*", Sense::Always),
    ("läkemedelsskåp*", Sense::Always),
    ("läkemedelsvagn*", Sense::Always),
    // Also in compounds: `diagnostikverktyget`.
    ("diagnostik*", Sense::Always),
    // English `diagnostic(s)` and the verb are the words of software far more often than of
    // medicine (`diagnosed`, `diagnosis` stay indicators).
    ("diagnostic*", Sense::Always),
    ("genetic_algorithm*", Sense::Always),
    (
        "genetisk",
        Sense::Before(&["algoritm", "algoritmer", "algoritmen"]),
    ),
    (
        "genetiska",
        Sense::Before(&["algoritm", "algoritmer", "algoritmen"]),
    ),
    ("diagnose", Sense::Always),
    ("diagnosing", Sense::Always),
    ("fingerprint*", Sense::Code),
    ("fingerprint", Sense::After(KEY_WORDS)),
    ("fingerprints", Sense::After(KEY_WORDS)),
    ("fingerprinting", Sense::After(KEY_WORDS)),
    ("fingeravtryck", Sense::After(KEY_WORDS)),
    ("fingeravtrycket", Sense::After(KEY_WORDS)),
    ("fingerprint*", Sense::Near(DIGEST_WORDS)),
    ("fingeravtryck*", Sense::Near(DIGEST_WORDS)),
    (
        "genetic",
        Sense::Before(&["algorithm", "algorithms", "programming"]),
    ),
    // SVG and CSS (`stroke-width`, `stroke="#000"`), and a product (a blood pressure monitor).
    ("stroke", Sense::Code),
    (
        "stroke",
        Sense::Before(&[
            "width",
            "linecap",
            "linejoin",
            "dasharray",
            "dashoffset",
            "opacity",
            "color",
            "miterlimit",
        ]),
    ),
    ("blodtrycksmätar*", Sense::Always),
    // School subjects and fields of study.
    ("religionskunskap*", Sense::Always),
    // Freedom of religion is everyone's right, no one's faith.
    ("religionsfrihet*", Sense::Always),
    // A vaccination programme or campaign is everyone's (`vaccination$` is someone's).
    (
        "vaccination",
        Sense::Before(&[
            "programme",
            "program",
            "programmet",
            "schedule",
            "rate",
            "rates",
            "campaign",
            "kampanj",
            "coverage",
            "täckning",
        ]),
    ),
    ("religionsvetenskap*", Sense::Always),
    ("religionshistori*", Sense::Always),
    // Names of things: the gas law, the 1930s, a television series.
    ("gay", Sense::Before(&["lussac"])),
    (
        "depression",
        Sense::After(&["great", "tropical", "tropisk", "tropiska"]),
    ),
    // A trial period of employment.
    (
        "probation",
        Sense::Before(&[
            "period",
            "periods",
            "review",
            "reviews",
            "month",
            "months",
            "evaluation",
        ]),
    ),
    // A psychologist's title under a note, not a visit.
    ("psykolog", Sense::Title),
    // A bank's or a shop's systems against fraud.
    ("fraud", Sense::Code),
    (
        "fraud",
        Sense::Before(&[
            "detection",
            "prevention",
            "protection",
            "check",
            "checks",
            "score",
            "scoring",
            "rule",
            "rules",
            "engine",
            "alert",
            "alerts",
            "monitoring",
            "model",
            "team",
            "department",
            "unit",
            "risk",
        ]),
    ),
    // Locks, alarms and insurance against theft (`Theft protection is enabled`).
    ("theft", Sense::Code),
    (
        "theft",
        Sense::Before(&[
            "protection",
            "prevention",
            "deterrent",
            "alarm",
            "alarms",
            "insurance",
            "detection",
            "lock",
            "mode",
        ]),
    ),
    // A suspected fault in a system (`misstänkt fel i servern`).
    (
        "misstänkt",
        Sense::Before(&[
            "fel",
            "felet",
            "bugg",
            "buggen",
            "bug",
            "minnesläcka",
            "läcka",
            "virus",
            "nätverksfel",
            "hårdvarufel",
            "mjukvarufel",
            "driftstörning",
            // Traffic and mail that a network's monitoring flags.
            "trafik",
            "trafiken",
            "aktivitet",
            "inloggning",
            "inloggningar",
            "inloggningsförsök",
            "nätfiske",
            "phishing",
            "skräppost",
            "spam",
            // Conditions being assessed that no health entry names (the others:
            // `Keywords::suspected_condition`).
            "add",
            "infektion",
            "språkstörning",
        ]),
    ),
    // A device's unlocking by fingerprint or face (`Biometrisk inloggning stöds nu i
    // appen`), which keeps no template with the organisation.
    ("biometrisk", Sense::Before(&["inloggning", "upplåsning"])),
    (
        "biometric",
        Sense::Before(&["login", "log-in", "sign-in", "unlock", "unlocking"]),
    ),
    // The unions as the employer's counterpart (`MBL-förhandling med de fackliga
    // organisationerna`), no one's membership.
    (
        "fackliga",
        Sense::Before(&["organisationer", "organisationerna", "organisationernas"]),
    ),
    ("prison", Sense::Before(&["break"])),
    // The fighter aircraft (`JAS 39 Gripen`).
    ("gripen", Sense::After(&["jas", "39", "saab"])),
    // "dömde ut" is "wrote off" (a plan, a tool).
    ("dömde", Sense::Before(&["ut"])),
    // Unionen is a trade union; "Europeiska unionen" is the EU.
    (
        "unionen",
        Sense::After(&["europeiska", "eu", "monetära", "ekonomiska"]),
    ),
];

/// Whether the word `s..e` names the officiant's field of a church register (`Präst: Mattias
/// Kaya`, also in Windows-1252): the priest's office, where the rite (`Döpt`) is the finding
/// about the person. Or a carer's title with a capital before a full name, as a journal
/// entry's heading or signature gives it (`Psykolog Alice Eklund`, `Tandläkare Eva Alm`):
/// the writer's profession; in prose (`träffat psykolog Anna Berg`) it stays.
fn role_field(hay: &[u8], s: usize, e: usize) -> bool {
    let is = |words: &[&str]| {
        words
            .iter()
            .any(|w| super::same_word(&hay[s..e], w.as_bytes()) || same_in_latin1(&hay[s..e], w))
    };
    (hay.get(e) == Some(&b':') && is(&["präst", "prästen"]))
        || (is(&["präst", "kyrkoherde", "imam"]) && capitalised_word_at(hay, e))
        || (hay[s].is_ascii_uppercase()
            && is(&["psykolog", "tandläkare", "läkare", "kurator", "psykiater"])
            && full_name_at(hay, e))
}

/// Where the letter after the capital at `i` starts, if a capital letter followed by a
/// small one starts there (`Jonsson`, `Åsa`; not `×`).
fn capital_at(hay: &[u8], i: usize) -> Option<usize> {
    match hay.get(i..).unwrap_or_default() {
        [b'A'..=b'Z', b'a'..=b'z', ..] => Some(i + 1),
        [0xC3, c @ 0x80..=0x9E, ..] if *c != 0x97 => Some(i + 2),
        _ => None,
    }
}

/// Whether a space and a capitalised word follow `e` (`kyrkoherde Jonsson`, `Präst Åsa
/// Lind`): an officiant's title before a name. The officiant of a register's rite holds an
/// office; the rite is the finding about the person.
fn capitalised_word_at(hay: &[u8], e: usize) -> bool {
    hay.get(e) == Some(&b' ') && capital_at(hay, e + 1).is_some()
}

/// Whether a space and two capitalised words follow `e` (`Psykolog Alice Eklund`): a
/// carer's title before a person's name.
fn full_name_at(hay: &[u8], e: usize) -> bool {
    let word_after = |i: usize| {
        let i = capital_at(hay, i + 1).filter(|_| hay.get(i) == Some(&b' '))?;
        Some(super::word_end(hay, i, hay.len().min(i + 40)))
    };
    word_after(e).and_then(word_after).is_some()
}

/// Whether the line of the word `s..e` cites Art. 9 or Art. 10 of the GDPR within 160
/// bytes (`uppgifter om hälsa, fackligt medlemskap (se art. 9 och 10 GDPR)`): a text that
/// names the special categories, as a policy or an incident report does, about no one.
fn cites_special_articles(hay: &[u8], s: usize, e: usize) -> bool {
    let (a, z) = super::generic::line_within(hay, s, e, 160);
    let line = &hay[a..z];
    let cites = |i: usize, w: &[u8]| {
        let Some(n) = line
            .get(i..i + w.len())
            .filter(|x| x.eq_ignore_ascii_case(w))
        else {
            return false;
        };
        let n = &line[i + n.len()..];
        let digits = n.iter().take_while(|b| b.is_ascii_digit()).count();
        matches!(&n[..digits], b"9" | b"10")
    };
    // (From each `a` or `A` that starts a word, found with `memchr2`: a test of every byte
    // of the line took a fortieth of a scan of dense exports.)
    memchr::memchr2_iter(b'a', b'A', line)
        .filter(|&i| i == 0 || !is_word(line[i - 1]))
        .any(|i| {
            [
                &b"art. "[..],
                b"art ",
                b"artikel ",
                b"article ",
                b"artiklarna ",
            ]
            .iter()
            .any(|w| cites(i, w))
        })
}

/// Words that open a list of grounds no one is treated by (equal-treatment policies:
/// "oavsett kön, religion eller sexuell läggning", "regardless of race or religion").
const REGARDLESS: &[&str] = &[
    "oavsett",
    "regardless of",
    "irrespective of",
    "oberoende av",
    // The grounds of a ban on discrimination (`diskriminering på grund av religion,
    // etnicitet, funktionsnedsättning`).
    "diskriminering på grund av",
    "discrimination on grounds of",
    "discrimination on the grounds of",
    "discrimination based on",
];

/// Whether the word at `s` stands in such a list: one of [`REGARDLESS`] starts a word
/// earlier in its clause (at most 100 bytes back, not across `.`, `;`, `:`, `!`, `?`, a
/// quote or a line end).
fn regardless_before(hay: &[u8], s: usize) -> bool {
    let mut a = s;
    while a > 0
        && s - a < 100
        && !matches!(
            hay[a - 1],
            b'.' | b';' | b':' | b'!' | b'?' | b'"' | b'\n' | b'\r'
        )
    {
        a -= 1;
    }
    let clause = &hay[a..s];
    (0..clause.len())
        .filter(|&i| matches!(clause[i] | 0x20, b'o' | b'r' | b'i' | b'd'))
        .filter(|&i| i == 0 || !is_word(clause[i - 1]))
        .any(|i| {
            REGARDLESS.iter().any(|w| {
                let w = w.as_bytes();
                clause
                    .get(i..i + w.len())
                    .is_some_and(|x| x.eq_ignore_ascii_case(w))
                    && clause.get(i + w.len()).is_none_or(|&b| !is_word(b))
                    && !(w[0] == b'd' && someones_grounds(&clause[i + w.len()..]))
            })
        })
}

/// Whether the grounds after `discrimination on grounds of` are someone's own (`på grund
/// av sin religion`, `based on her ethnicity`): a complaint, not a policy.
fn someones_grounds(after: &[u8]) -> bool {
    let after = after.trim_ascii_start();
    let end = after
        .iter()
        .position(|&b| !is_word(b))
        .unwrap_or(after.len());
    super::generic::any_eq(
        &after[..end],
        &[
            "sin", "sitt", "sina", "hans", "hennes", "deras", "his", "her", "their",
        ],
    )
}

/// Entries that are indicators only as the last word of a name, with the word before them:
/// the finding is the whole name.
const NAMES: &[(&str, &[&str])] = &[("metall", &["if", "ig"])];

/// Whether the word `s..e` is part of an e-mail address: in its local part
/// (`green.kristen@…`, `kristen.green@…`) or its domain (`…@church.org`); or a label of a
/// host name (`mail.unionen.se`, `unionen.se`): a dot and a letter right after it, or a dot
/// after a letter or digit right before it.
fn in_address(hay: &[u8], s: usize, e: usize) -> bool {
    if (hay.get(e) == Some(&b'.') && hay.get(e + 1).is_some_and(u8::is_ascii_alphabetic))
        || (s >= 2 && hay[s - 1] == b'.' && hay[s - 2].is_ascii_alphanumeric())
    {
        return true;
    }
    let local = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-');
    let mut i = e;
    while i < hay.len() && i - e < 64 && local(hay[i]) {
        // `jude.brown%40hotmail.com` in a query string.
        if hay[i..].starts_with(b"%40") {
            return true;
        }
        i += 1;
    }
    if hay.get(i) == Some(&b'@') {
        return true;
    }
    let mut a = s;
    while a > 0
        && s - a < 64
        && (hay[a - 1].is_ascii_alphanumeric() || matches!(hay[a - 1], b'.' | b'-'))
    {
        a -= 1;
    }
    a > 0 && hay[a - 1] == b'@'
}

/// Endings of Swedish street and place names (`Sjukhusbacken`, `Kyrkogatan`).
const STREET_ENDINGS: &[&str] = &[
    "gatan", "vägen", "backen", "stigen", "torget", "platsen", "gränd", "gränden", "allén",
    "leden", "parken",
];

/// Whether a stem's word is a street or place name.
/// Whether the word at `s` names an account, a dimension or an object in an SIE file's
/// chart (`#KONTO 7082 "Sjuklöner till tjänstemän"`, `#OBJEKT 1 "Företagshälsa"`): the
/// headings of the accounts, not what was booked on them for whom (`#TRANS` lines).
fn sie_definition(hay: &[u8], s: usize) -> bool {
    let from = s.saturating_sub(160);
    let start = memchr::memrchr(b'\n', &hay[from..s]).map_or(from, |i| from + i + 1);
    if start == from && from > 0 {
        return false;
    }
    let line = &hay[start..s];
    [&b"#KONTO "[..], b"#DIM ", b"#UNDERDIM ", b"#OBJEKT "]
        .iter()
        .any(|k| line.starts_with(k))
}

fn street_name(word: &[u8]) -> bool {
    STREET_ENDINGS.iter().any(|end| {
        let end = end.as_bytes();
        word.len() > end.len() + 3 && word[word.len() - end.len()..].eq_ignore_ascii_case(end)
    })
}

/// Indicator words that are also first names or surnames (`Kristen Brown`, `Martha Church`,
/// `Duncan Parkinson`, `Jose Gay`).
const NAME_HOMONYMS: &[&str] = &["kristen", "gay", "church", "parkinson"];

/// Indicator words that, capitalised, are first names far more often (`Jude`, the English
/// name; the Swedish word is written in lower case inside a sentence).
const FIRST_NAMES: &[&str] = &["Jude"];

/// Abbreviations that are indicators only as written here (in capitals; `AfD`).
const CAPITALS_ONLY: &[&str] = &[
    "KOL", "DUI", "GMB", "KBT", "RFSL", "SPD", "LSS", "SULF", "CDU", "AfD", "AFD", "CUF", "MUF",
    "KDU", "COPD", "IBS", "CAMHS", "NASUWT", "USDAW", "CWU", "FBU", "RMT", "RCN", "SSU",
    // IATA codes of a passenger's needs and meals, and HIV prophylaxis.
    "WCHR", "WCHS", "WCHC", "BLND", "DPNA", "MEDA", "DBML", "GFML", "MOML", "KSML", "HNML", "PrEP",
];

/// Whether the word `s..e` is one of [`CAPITALS_ONLY`] in small letters.
fn abbreviation_in_small_letters(word: &[u8]) -> bool {
    let listed = |exact: bool| {
        CAPITALS_ONLY.iter().any(|a| match exact {
            true => word == a.as_bytes(),
            false => word.eq_ignore_ascii_case(a.as_bytes()),
        })
    };
    listed(false) && !listed(true)
}

/// Whether the capitalised word `s..e` stands in a name: one of [`NAME_HOMONYMS`] next to
/// another capitalised word on the same line (`Parkinson` after `har` is the disease), or
/// `Jude` with a capital.
fn personal_name(hay: &[u8], s: usize, e: usize) -> bool {
    if FIRST_NAMES.iter().any(|n| &hay[s..e] == n.as_bytes()) {
        return true;
    }
    if !hay[s].is_ascii_uppercase()
        || !NAME_HOMONYMS
            .iter()
            .any(|w| hay[s..e].eq_ignore_ascii_case(w.as_bytes()))
    {
        return false;
    }
    let capitalised = |(a, b): (usize, usize)| b > a && hay[a].is_ascii_uppercase();
    let (a, b) = word_before(hay, s);
    let before = capitalised((a, b)) && hay[b..s].iter().all(|&c| c == b' ');
    let mut n = e;
    while n < hay.len() && n - e < 2 && hay[n] == b' ' {
        n += 1;
    }
    let after = n > e && hay.get(n).is_some_and(u8::is_ascii_uppercase);
    before || after
}

/// Names of trade unions that are ordinary words as well (`kommunal` is "municipal",
/// `Vision` a vision, `Handels` "of trade"): indicators only after words of membership
/// (see [`member_before`]), or in a column of unions (`detect/columns.rs`).
const UNIONS: &[&str] = &[
    "kommunal",
    "vision",
    "handels",
    "byggnads",
    "fastighets",
    "transport",
    "ledarna",
    "unite",
    "unison",
];

/// Words for a union's representative (`skyddsombud från Kommunal`).
const REPRESENTATIVES: &[&str] = &[
    "ombud",
    "skyddsombud",
    "huvudskyddsombud",
    "fackombud",
    "förtroendevald",
    "representant",
    "representative",
    "steward",
];

/// Words that name a field holding a trade union.
const UNION_KEYS: &[&str] = &[
    "fack",
    "fackförbund",
    "fackforbund",
    "förbund",
    "forbund",
    "fackförening",
    "fackforening",
    "facktillhörighet",
    "facktillhorighet",
    "fackligt",
    "facklig",
    "fackmedlemskap",
    "union",
    "tradeunion",
];

/// Whether the value at `s` follows a field or key named by one of `keys` (the nearest of
/// the three words before, see `label_before`), with only punctuation between
/// (`<Fackforbund>Vision`, `fackforbund: Kommunal`, `"union": "Unite"`; not `European
/// Union Vision`).
fn keyed_by(hay: &[u8], s: usize, keys: &[&str]) -> bool {
    key_before(hay, s).is_some_and(|k| super::label_before(hay, k + 1, &[keys]).is_some())
}

/// Where the punctuation between a key and the value at `s` starts (`": "`, `>`, `=`).
fn key_before(hay: &[u8], s: usize) -> Option<usize> {
    let mut k = s;
    while k > 0
        && s - k < 4
        && matches!(hay[k - 1], b':' | b'=' | b'>' | b'"' | b'\'' | b' ' | b'(')
    {
        k -= 1;
    }
    (k < s && hay[k..s].iter().any(|&c| c != b' ')).then_some(k)
}

/// Whether the word at `s` belongs to the value of a key that is one of `keys`: the value
/// starts at most 48 bytes before it, with only words, spaces and commas between
/// (`"department": "Vårdcentralen Centrum"`, `<Arbetsgivare>Svenska kyrkan`, `Befattning:
/// Kriminalvårdare, Kriminalvården`; not after a closing tag such as `</Arbetsgivare> `).
fn value_of(hay: &[u8], s: usize, keys: &[&str]) -> bool {
    let mut v = s;
    while v > 0 && s - v < 48 && (is_word(hay[v - 1]) || matches!(hay[v - 1], b' ' | b'-' | b',')) {
        v -= 1;
    }
    key_before(hay, v).is_some_and(|k| {
        let (a, b) = word_before(hay, k);
        b == k
            && !(a > 0 && hay[a - 1] == b'/')
            && keys
                .iter()
                .any(|w| super::same_word(&hay[a..b], w.as_bytes()))
    })
}

/// Keys and columns that name where someone works and as what: a care unit, a church or a
/// union named there is an employer, not the person's health, faith or membership
/// (`"department": "Vårdcentralen Centrum"`; `Avdelning` in an export of staff).
pub(crate) const WORKPLACE_KEYS: &[&str] = &[
    "department",
    "dept",
    "avdelning",
    "befattning",
    "yrke",
    "jobtitle",
    "arbetsplats",
    "workplace",
    "employer",
    "arbetsgivare",
    "arbetsgivaren",
    "tjänsteställe",
    "kostnadsställe",
    "costcenter",
    "company",
    "företag",
    "organisation",
    "organization",
    "förvaltning",
    "role",
    "roll",
    // A professional role and the treating practitioner (`yrkesroll`: `psykolog`;
    // `behandlare`: `Tandläkare Alm`).
    "yrkesroll",
    "behandlare",
    "practitioner",
    "tjänst",
    "position",
    "sender",
    "avsändare",
    // A mail's sender (`From: Unionen <medlem@unionen.se>`): the organisation writes.
    "from",
    // What an insurance or a shop sells (`<product>Critical Illness Cover</product>`).
    "product",
    "produkt",
    "title",
    "titel",
    "jobbtitel",
];

/// Column names whose values are subjects of study (`Kursnamn`, `Programme`, `Utbildning`):
/// `Arbetsrätt och fackligt arbete` there is a course, no one's membership.
pub(crate) const STUDY_KEYS: &[&str] = &[
    "kurs",
    "kursnamn",
    "course",
    "coursename",
    "program",
    "programme",
    "programnamn",
    "utbildning",
    "ämne",
];

/// Column names whose values are languages (`Språk`, `önskat_språk`, `Modersmål`): `samiska`
/// or `romani` there is the language asked for, not the person's ethnic origin.
pub(crate) const LANGUAGE_KEYS: &[&str] = &[
    "språk",
    "sprak",
    "language",
    "languages",
    "modersmål",
    "modersmal",
    "tolkspråk",
    "tolksprak",
];

/// Where the finding of the union name at `s` starts: at the words of membership before it
/// (`medlem i`, `aktiv i`, `ansluten till`, `member of (the)`, `joined (the)`), or at the
/// name itself after `facket`, `förbundet`, `fackförbundet` (`fackförbundet Kommunal`) or
/// a field named for unions ([`UNION_KEYS`]).
fn member_before(hay: &[u8], s: usize) -> Option<usize> {
    let is = |(a, b): (usize, usize), words: &[&str]| {
        words
            .iter()
            .any(|w| hay[a..b].eq_ignore_ascii_case(w.as_bytes()))
    };
    let mut w = word_before(hay, s);
    // (`facket` and `fackförbundet` are findings of their own.)
    if is(
        w,
        &["facket", "förbundet", "fackförbundet", "fackföreningen"],
    ) {
        return Some(s);
    }
    // A union's dues and representatives: `medlemsavgift Vision`, `ombud från Kommunal`.
    if is(
        w,
        &[
            "medlemsavgift",
            "medlemsavgiften",
            "fackavgift",
            "fackavgiften",
            "fackavg",
            // The income insurance a union sells its members.
            "inkomstförsäkring",
            "inkomstförsäkringen",
        ],
    ) {
        return Some(s);
    }
    if is(w, &["från", "from"]) && is(word_before(hay, w.0), REPRESENTATIVES) {
        return Some(s);
    }
    if is(w, &["the"]) {
        w = word_before(hay, w.0);
    }
    if is(w, &["joined"]) {
        return Some(w.0);
    }
    if !is(w, &["i", "till", "of", "in"]) {
        // A field or key that names the union right before the name, with only punctuation
        // between (`<Fackforbund>Vision</Fackforbund>`, `fackforbund: Kommunal`,
        // `"union": "Unite"`; not `European Union Vision`).
        return keyed_by(hay, s, UNION_KEYS).then_some(s);
    }
    let v = word_before(hay, w.0);
    let member = [
        "medlem",
        "medlemmar",
        "aktiv",
        "aktiva",
        "ansluten",
        "anslutna",
        "member",
        "members",
        "active",
    ];
    (v.0 < v.1 && is(v, &member)).then_some(v.0)
}

/// Whether a word of membership follows the union name that ends at `e` (`a UNISON
/// member`, `Kommunal-medlem`).
fn member_after(hay: &[u8], e: usize) -> bool {
    let mut a = e;
    while a < hay.len() && a - e < 2 && matches!(hay[a], b' ' | b'-') {
        a += 1;
    }
    let mut b = a;
    while b < hay.len() && b - a < 12 && is_word(hay[b]) {
        b += 1;
    }
    a > e
        && ["member", "members", "medlem", "medlemmar"]
            .iter()
            .any(|w| hay[a..b].eq_ignore_ascii_case(w.as_bytes()))
}

/// The word before `s` (at most 24 word bytes, after at most four spaces, hyphens or opening
/// brackets: `facket (Kommunal)`), as the range `a..b`.
fn word_before(hay: &[u8], s: usize) -> (usize, usize) {
    let mut b = s;
    while b > 0 && s - b < 4 && matches!(hay[b - 1], b' ' | b'-' | b'(') {
        b -= 1;
    }
    let mut a = b;
    while a > 0 && b - a < 24 && is_word(hay[a - 1]) {
        a -= 1;
    }
    (a, b)
}

/// Words before "fingerprint" in its technical sense (a key's or a device's).
const KEY_WORDS: &[&str] = &[
    "key",
    "host",
    "certificate",
    "cert",
    "ssh",
    "gpg",
    "pgp",
    "tls",
    "ssl",
    "device",
    "browser",
    "file",
    "public",
    "sha256",
    "sha1",
    "md5",
    // `SHA-256 fingerprint`, `SHA-1 fingerprint`
    "1",
    "256",
    "384",
    "512",
    "nyckelns",
    "värdnyckelns",
    "certifikatets",
    "serverns",
    "filens",
];

/// Words that, in the same sentence as "fingerprint", make it a digest of a file or a key
/// (`Compare the fingerprint of the file hash`, `Jämför fingeravtrycket för SSH-nyckeln`,
/// `fingerprint mismatch for the build cache`). Words as common in talk of fingerprint
/// readers (`file`, `key`, `nyckel`: "fingeravtryck i stället för nyckel") are not here.
const DIGEST_WORDS: &[&str] = &[
    "hash",
    "hashen",
    "checksum",
    "kontrollsumma",
    "cache",
    "mismatch",
    "ssh",
    "certificate",
    "certifikat",
    "certifikatet",
    "gpg",
    "pgp",
    "tls",
    "ssl",
    "build",
    "deploy",
    "deploying",
    "commit",
    "artifact",
    "artefakt",
    "tarball",
    "sha256",
    "sha1",
    "md5",
    "filens",
    "files",
    "upload",
    "uploaded",
    "uploads",
];

/// Where a word of [`TECHNICAL`] has its technical sense.
#[derive(Debug)]
enum Sense {
    Always,
    /// With one of these words in the same sentence (at most 80 bytes either side, not
    /// across `.`, `!`, `?`, `;` followed by a space, or a line end).
    Near(&'static [&'static str]),
    /// After one of these words (spaces or hyphens between).
    After(&'static [&'static str]),
    /// Before one of these words (spaces or hyphens between).
    Before(&'static [&'static str]),
    /// A profession's title: after `leg.` or `legitimerad` (`leg. psykolog` signs a note).
    Title,
    /// In program code: the word goes on with `_` or a digit (`fingerprint_format`,
    /// `fingerprint256`), is a member (`cert.fingerprint`, `key->fingerprint`,
    /// `Cert::fingerprint`), or is called, assigned or has a member (`fingerprint(`,
    /// `fingerprint =`, `fingerprint.hex`).
    Code,
}

/// Whether the word `s..e` lies inside a base64 string (`sha512-…Sy/ras+Dwk…` in a lock
/// file, a token): a run of at least 32 bytes of the base64 alphabet with capitals, small
/// letters and digits, the word glued to it by `/`, `+` or `=` on at least one side.
fn in_base64(hay: &[u8], s: usize, e: usize) -> bool {
    let b64 = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=');
    let glue = |b: Option<&u8>| matches!(b, Some(b'+' | b'/' | b'='));
    if !(glue(s.checked_sub(1).map(|i| &hay[i])) || glue(hay.get(e))) {
        return false;
    }
    let mut a = s;
    while a > 0 && s - a < 256 && b64(hay[a - 1]) {
        a -= 1;
    }
    let mut z = e;
    while z < hay.len() && z - e < 256 && b64(hay[z]) {
        z += 1;
    }
    let run = &hay[a..z];
    run.len() >= 32
        && run.iter().any(u8::is_ascii_uppercase)
        && run.iter().any(u8::is_ascii_lowercase)
        && run.iter().any(u8::is_ascii_digit)
}

/// Whether the finding `s..e` is a word in its technical sense (see [`TECHNICAL`]).
/// The word is compared as written, in Windows-1252 and JSON-escaped (`misst\u00e4nkt`).
fn technical(hay: &[u8], s: usize, e: usize) -> bool {
    let found = &hay[s..e];
    if in_base64(hay, s, e) {
        return true;
    }
    // A name in camel case is code's (`MedicationStatement`, `biometricType`,
    // `diagnosisCode`), not prose; an abbreviation written so (`AfD`) is not.
    if found
        .windows(2)
        .any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase())
        && !CAPITALS_ONLY.iter().any(|a| found == a.as_bytes())
    {
        return true;
    }
    // A constant of program code (`type=BIOMETRIC_STRONG`, `HEALTH_DATA`): capitals joined
    // by `_`.
    if found.contains(&b'_') && !found.iter().any(u8::is_ascii_lowercase) {
        return true;
    }
    // A template of a fingerprint is a person's, whatever hash it is stored under.
    if found.len() >= 20 && found[..20].eq_ignore_ascii_case(b"fingerprint template") {
        return false;
    }
    // Other forms only for words written otherwise (no allocation for the rest).
    let written_otherwise =
        !found.is_ascii() && std::str::from_utf8(found).is_err() || found.contains(&b'\\');
    TECHNICAL
        .iter()
        // Every entry starts with an ASCII letter, in each of its forms: the first byte
        // turns most away at once.
        .filter(|(w, _)| w.as_bytes()[0].eq_ignore_ascii_case(&found[0]))
        .filter_map(|(w, sense)| {
            let (word, stem) = match w.strip_suffix('*') {
                Some(stem) => (stem, true),
                None => (*w, false),
            };
            let hit = |f: &[u8]| match stem {
                true => found.len() >= f.len() && found[..f.len()].eq_ignore_ascii_case(f),
                false => found.eq_ignore_ascii_case(f),
            };
            if hit(word.as_bytes()) {
                return Some((word.len(), sense));
            }
            if word.is_ascii() || !written_otherwise {
                return None;
            }
            [latin1(word), Some(json_escaped(word))]
                .into_iter()
                .flatten()
                .find(|f| hit(f))
                .map(|f| (f.len(), sense))
        })
        .any(|(len, sense)| in_sense(hay, s, e, len, sense))
}

/// Whether `rest` (what follows a word's colon) names a hash or is one: `SHA256:…`,
/// `"MD5:…"`, `"FD:D3:…"` (hexadecimal pairs).
fn hash_named(rest: &[u8]) -> bool {
    let rest = rest.trim_ascii_start();
    let rest = rest.strip_prefix(b"\"").unwrap_or(rest);
    // Three pairs at least (`14:32` is a time).
    let hex_pairs = rest.len() >= 8
        && [0, 3, 6]
            .iter()
            .all(|&k| rest[k..k + 2].iter().all(u8::is_ascii_hexdigit))
        && rest[2] == b':'
        && rest[5] == b':';
    hex_pairs
        || (rest.len() >= 3
            && (rest[..3].eq_ignore_ascii_case(b"sha") || rest[..3].eq_ignore_ascii_case(b"md5")))
}

/// Whether the finding `s..e`, whose entry in [`TECHNICAL`] is `stem` bytes long, has
/// `sense` there.
fn in_sense(hay: &[u8], s: usize, e: usize, stem: usize, sense: &Sense) -> bool {
    // The neighbouring word, in UTF-8 or Windows-1252, after at most a few spaces.
    let is = |word: &[u8], list: &[&str]| {
        list.iter()
            .any(|w| word.eq_ignore_ascii_case(w.as_bytes()) || same_in_latin1(word, w))
    };
    match sense {
        Sense::Always => true,
        Sense::Code => {
            let next = |k: usize| hay.get(e + k).copied().unwrap_or(b' ');
            let before = |k: usize| s.checked_sub(k).map_or(b' ', |i| hay[i]);
            hay.get(s + stem)
                .is_some_and(|&b| b == b'_' || b.is_ascii_digit())
                || matches!(before(1), b'.')
                || (before(1) == b'>' && before(2) == b'-')
                || (before(1) == b':' && before(2) == b':')
                || next(0) == b'('
                || (next(0) == b' ' && next(1) == b'=')
                || next(0) == b'='
                || (matches!(next(0), b'.' | b':') && is_word(next(1)))
                // `fingerprint: SHA256:…`, `fingerprint: "MD5:…"`, and as a JSON key
                // (`"fingerprint":"6b:f2:2f:…"`)
                || {
                    let c = e + usize::from(next(0) == b'"');
                    hay.get(c) == Some(&b':')
                        && hash_named(&hay[(c + 1).min(hay.len())..hay.len().min(c + 12)])
                }
        }
        Sense::After(list) => {
            let (a, b) = word_before(hay, s);
            is(&hay[a..b], list)
        }
        Sense::Title => {
            let mut b = s;
            while b > 0 && s - b < 3 && hay[b - 1] == b' ' {
                b -= 1;
            }
            let b = b - usize::from(b > 0 && hay[b - 1] == b'.');
            let mut a = b;
            while a > 0 && b - a < 12 && hay[a - 1].is_ascii_alphabetic() {
                a -= 1;
            }
            b < s && is(&hay[a..b], &["leg", "legitimerad"])
        }
        Sense::Near(list) => {
            let ends = |i: usize| {
                matches!(hay[i], b'\n' | b'\r')
                    || (matches!(hay[i], b'.' | b'!' | b'?' | b';')
                        && hay
                            .get(i + 1)
                            .is_none_or(|&c| matches!(c, b' ' | b'"' | b'\n')))
            };
            let mut a = s;
            while a > 0 && s - a < 80 && !ends(a - 1) {
                a -= 1;
            }
            let mut b = e;
            while b < hay.len() && b - e < 80 && !ends(b) {
                b += 1;
            }
            hay[a..b]
                .split(|&c| !is_word(c))
                .any(|w| !w.is_empty() && is(w, list))
        }
        Sense::Before(list) => {
            let mut a = e;
            while a < hay.len() && a - e < 4 && matches!(hay[a], b' ' | b'-') {
                a += 1;
            }
            let mut b = a;
            while b < hay.len() && b - a < 24 && is_word(hay[b]) {
                b += 1;
            }
            is(&hay[a..b], list)
        }
    }
}

/// Bits of the prefix hash set, and its size in words.
const SET_BITS: u32 = 16;
const SET_WORDS: usize = (1 << SET_BITS) / 64;

/// The four bytes at a word start, ASCII case folded (`| 0x20` folds more than letters,
/// the same way for text and entries, so it never loses a match), hashed.
#[inline(always)]
fn prefix_hash(b: [u8; 4]) -> usize {
    let k = u32::from_le_bytes(b) | 0x2020_2020;
    (k.wrapping_mul(0x9E37_79B1) >> (32 - SET_BITS)) as usize
}

/// The six bytes at a word start, folded as in [`prefix_hash`], hashed.
#[inline(always)]
fn prefix6_hash(b: [u8; 6]) -> usize {
    let k = u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], 0, 0]) | 0x2020_2020_2020;
    (k.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - SET_BITS)) as usize
}

/// The three bytes at a word start, folded as in [`prefix_hash`], hashed.
#[inline(always)]
fn prefix3_hash(b: [u8; 3]) -> usize {
    let k = u32::from_le_bytes([b[0], b[1], b[2], 0]) | 0x0020_2020;
    (k.wrapping_mul(0x85EB_CA6B) >> (32 - SET_BITS)) as usize
}

/// The eight bytes at a word start, folded as in [`prefix_hash`], hashed.
#[inline(always)]
fn prefix8_hash(b: [u8; 8]) -> usize {
    let k = u64::from_le_bytes(b) | 0x2020_2020_2020_2020;
    (k.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - SET_BITS)) as usize
}

/// A set of hashes as bits.
type HashSet = Box<[u64; SET_WORDS]>;

fn set_has(set: &HashSet, h: usize) -> bool {
    set[h / 64] >> (h % 64) & 1 == 1
}

fn set_add(set: &mut HashSet, h: usize) {
    set[h / 64] |= 1 << (h % 64);
}

/// A compiled keyword matcher.
#[derive(Debug, Clone)]
pub struct Keywords {
    ac: AhoCorasick,
    meta: Vec<Entry>,
    /// Hashes of the entries' first four bytes (every fourth byte for three-byte entries).
    prefixes: HashSet,
    /// The second look, where `prefixes` let a word start through: hashes of entries of
    /// three bytes, of the first four bytes of entries of four or five, of the first six
    /// bytes of entries of six or seven, and of the first eight bytes of the others. Four bytes let through
    /// every word that starts like an entry (`handler` like `handflatsskanning`, `först`
    /// like `församling`); six or eight bytes stop most of them before the automaton is
    /// asked (`villkor` is no `villkorlig dom`, `Kontakt` no `kontaktförbud`).
    short3: HashSet,
    short: HashSet,
    long: HashSet,
    long8: HashSet,
}

impl Keywords {
    /// Compiles the lists for the given categories (`None` when no category is enabled).
    pub fn new(enabled: impl Fn(Category) -> bool) -> Option<Keywords> {
        let mut pats: Vec<Vec<u8>> = Vec::new();
        let mut meta = Vec::new();
        let entries = LISTS
            .iter()
            .flat_map(|(cat, words)| words.iter().map(move |w| (*cat, *w)))
            .map(|(cat, w)| Entry::parse(cat, w))
            .chain(UNIONS.iter().map(|w| {
                let entry = Entry {
                    cat: Category::TradeUnion,
                    exact: true,
                    key_only: false,
                };
                (*w, entry)
            }));
        for (w, entry) in entries {
            let Entry { cat, .. } = entry;
            if !enabled(cat) {
                continue;
            }
            // ASCII case folding leaves å, ä, ö alone: add the capitalised and the
            // upper-case form as well (`Åtal`, `LÄKARINTYG`), and each in Windows-1252
            // and code page 437 for text that is not UTF-8.
            let mut forms = vec![w.to_string()];
            if !w.is_ascii() {
                if !w.as_bytes()[0].is_ascii() {
                    let cap = w.chars().take(1).flat_map(char::to_uppercase);
                    forms.push(cap.chain(w.chars().skip(1)).collect());
                }
                forms.push(w.to_uppercase());
            }
            let mut variants: Vec<Vec<u8>> = Vec::new();
            for f in forms {
                if !f.is_ascii() {
                    if let Some(single) = latin1(&f) {
                        variants.push(single);
                    }
                    // A word that starts with a letter of code page 437 is not looked up
                    // (those bytes never start a word).
                    if let Some(pc8) = cp437(&f).filter(|b| b[0].is_ascii()) {
                        variants.push(pc8);
                    }
                    variants.push(json_escaped(&f));
                }
                variants.push(f.into_bytes());
            }
            for v in variants {
                pats.push(v);
                meta.push(entry);
            }
        }
        if pats.is_empty() {
            return None;
        }
        let (mut short, mut long) = (Box::new([0u64; SET_WORDS]), Box::new([0u64; SET_WORDS]));
        let (mut short3, mut long8) = (Box::new([0u64; SET_WORDS]), Box::new([0u64; SET_WORDS]));
        for b in &pats {
            match b.len() {
                8.. => set_add(
                    &mut long8,
                    prefix8_hash([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]),
                ),
                6 | 7 => set_add(
                    &mut long,
                    prefix6_hash([b[0], b[1], b[2], b[3], b[4], b[5]]),
                ),
                4 | 5 => set_add(&mut short, prefix_hash([b[0], b[1], b[2], b[3]])),
                _ => set_add(&mut short3, prefix3_hash([b[0], b[1], b[2]])),
            }
        }
        let mut prefixes = Box::new([0u64; SET_WORDS]);
        let mut add = |b: [u8; 4]| set_add(&mut prefixes, prefix_hash(b));
        // After a backslash the scan sees the letter of an escape as a word start: `n` before
        // an entry (`\nDiabetes`), `u00`/`u20` for `\u00a0`, `\u003e`, `\u2013` and an
        // escaped letter (`\u00c5tal`, `l\u00e4karintyg`); see `after_backslash`. (`\t`
        // before an entry is left out: `t` and an entry's first three bytes start too many
        // English words, and the collisions cost 1.3 % more instructions.)
        for b in &pats {
            if b.len() >= 3 && b[0].is_ascii_alphabetic() {
                add([b'n', b[0], b[1], b[2]]);
            }
        }
        for x in 0..=255 {
            add([b'u', b'0', b'0', x]);
            add([b'u', b'2', b'0', x]);
        }
        for b in &pats {
            // Entries with an escape in their first bytes are reached from the escape.
            if b.iter().take(3).any(|&c| c == b'\\') {
                continue;
            }
            // The scan only looks at word starts that are not digits and begin at least
            // three word bytes.
            assert!(
                b.len() >= 3 && b[..3].iter().all(|&c| is_word(c)) && !b[0].is_ascii_digit(),
                "keyword entries start with three word bytes, not a digit: {b:?}"
            );
            if b.len() >= 4 {
                add([b[0], b[1], b[2], b[3]]);
            } else {
                for x in 0..=255 {
                    add([b[0], b[1], b[2], x]);
                }
            }
        }
        let ac = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&pats)
            .expect("the keyword lists compile");
        Some(Keywords {
            ac,
            meta,
            prefixes,
            short3,
            short,
            long,
            long8,
        })
    }

    /// Whether an entry may start at `s` (exact for the prefix set; near the end of the
    /// input, always).
    #[inline(always)]
    fn may_start(&self, hay: &[u8], s: usize) -> bool {
        match hay.get(s..s + 4) {
            Some(b) => set_has(&self.prefixes, prefix_hash([b[0], b[1], b[2], b[3]])),
            None => true,
        }
    }

    /// The second look at a word start `may_start` let through (not after a backslash):
    /// whether an entry may start there by its first eight bytes, six for entries of six
    /// or seven, four or three for shorter ones (near the end of the input, always).
    #[inline]
    fn may_start_long(&self, hay: &[u8], s: usize) -> bool {
        let Some(b) = hay.get(s..s + 6) else {
            return true;
        };
        // Every set asked without a branch between them: which one answers varies from word
        // to word, and a chain of branches was mispredicted.
        set_has(&self.short3, prefix3_hash([b[0], b[1], b[2]]))
            | set_has(&self.short, prefix_hash([b[0], b[1], b[2], b[3]]))
            | set_has(
                &self.long,
                prefix6_hash([b[0], b[1], b[2], b[3], b[4], b[5]]),
            )
            | hay.get(s..s + 8).is_none_or(|b| {
                set_has(
                    &self.long8,
                    prefix8_hash([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]),
                )
            })
    }

    /// The finding at word start `s`, which follows a backslash: after an escape that stands
    /// for a character that does not glue (`\nDiabetes`, `\u003eCancer`) the word starts
    /// after the escape; an escaped letter starts the word with its backslash (`\u00c5tal`)
    /// or with the one or two letters before it (`l\u00e4karintyg`; from three letters on the
    /// word started there already); a backslash that escapes nothing (`C:\diabetes`) is a
    /// separator.
    fn after_backslash(&self, hay: &[u8], s: usize, out: &mut Vec<Hit>) -> Option<usize> {
        for len in [1, 5] {
            if s + len > hay.len() {
                break;
            }
            match escaped_before(hay, s + len) {
                Some(c) if alphanumeric(c) => {
                    let mut a = s - 1;
                    while a + 3 > s
                        && a > 0
                        && hay[a - 1].is_ascii_alphabetic()
                        && escaped_before(hay, a).is_none()
                    {
                        a -= 1;
                    }
                    return match glued_before(hay, a) {
                        true => None,
                        false => self.at(hay, a, out),
                    };
                }
                Some(_) => return self.at(hay, s + len, out),
                None => {}
            }
        }
        self.at(hay, s, out)
    }

    /// The finding starting at word start `s`, if any: its end.
    fn at(&self, hay: &[u8], s: usize, out: &mut Vec<Hit>) -> Option<usize> {
        let input = Input::new(hay)
            .span(s..hay.len().min(s + 64))
            .anchored(Anchored::Yes);
        let m = self.ac.find(input)?;
        let Entry {
            cat,
            exact,
            key_only,
        } = self.meta[m.pattern().as_usize()];
        let mut e = m.end();
        if !exact {
            e = word_end(hay, e, hay.len().min(e + 32));
        }
        if glued_at(hay, e)
            || (cat != Category::Political && value_of(hay, s, WORKPLACE_KEYS))
            || role_field(hay, s, e)
            || (cat == Category::Criminal && self.suspected_condition(hay, s, e, out))
            || technical(hay, s, e)
            || super::generic::in_url(hay, s)
            || regardless_before(hay, s)
            || in_address(hay, s, e)
            || street_name(&hay[s..e])
            || personal_name(hay, s, e)
            || sie_definition(hay, s)
            || abbreviation_in_small_letters(&hay[s..e])
            || cites_special_articles(hay, s, e)
            || super::generic::blank_follows(hay, e)
            || super::generic::answered_no(hay, e)
            || super::generic::cites_a_provision(hay, s, e)
            || element_name(hay, s, e)
            || super::generic::aggregate(hay, s)
            || super::generic::share_in_a_list(hay, e)
            || super::generic::workplace(hay, s)
            || super::generic::named_place_or_thing(hay, s, e)
            || super::generic::quotes_a_statute(hay, s, e)
            || super::generic::names_a_category(hay, s, e)
            || super::generic::names_an_observation(hay, s, e)
        {
            return None;
        }
        // An attribute's name as a key or a field's name (`Diagnos: astma`, `"religion":
        // "Buddhist"`): the fact is its value, one finding where it stands. With a value
        // that says nothing, no finding; with an entry in it, the entry's (found after the
        // key); with `ja`/`yes` or a number, the key's (`Facklig medlem: Ja`); otherwise,
        // after a category's name, the whole value (`Religion: Pastafarian`).
        let mut value = None;
        if let Some(v) = super::generic::key_value(hay, e)
            && (key_only || super::generic::names_an_attribute(&hay[s..e]))
        {
            let (a, b) = v?;
            let has_entry = || {
                (a..b)
                    .filter(|&i| is_word(hay[i]) && (i == a || !is_word(hay[i - 1])))
                    .any(|i| self.entry_at(hay, i, b).is_some())
            };
            if !super::generic::yes_or_number(&hay[a..b]) {
                if has_entry() {
                    return Some(e);
                }
                if key_only || super::generic::generic(&hay[s..e]).is_some() {
                    value = Some((a, b));
                }
            }
        }
        if key_only && value.is_none() {
            return None;
        }
        let s = match NAMES
            .iter()
            .find(|(w, _)| hay[s..e].eq_ignore_ascii_case(w.as_bytes()))
        {
            Some((_, first)) => {
                let (a, b) = word_before(hay, s);
                let named = first
                    .iter()
                    .any(|f| hay[a..b].eq_ignore_ascii_case(f.as_bytes()));
                if !named || glued_before(hay, a) {
                    return None;
                }
                a
            }
            // Written with a capital, as names are (`aktiv i kommunal politik` is no union).
            None if UNIONS
                .iter()
                .any(|w| hay[s..e].eq_ignore_ascii_case(w.as_bytes())) =>
            {
                match hay[s].is_ascii_uppercase() {
                    true => member_before(hay, s).or_else(|| member_after(hay, e).then_some(s))?,
                    false => return None,
                }
            }
            None => s,
        };
        if let Some((a, b)) = value {
            out.push(Hit {
                start: a,
                end: b,
                kind: Kind::SpecialCategory(cat),
                confidence: CONFIDENCE,
                detector: KEYED_DETECTOR,
            });
            return Some(b);
        }
        // A condition after a genetic entry that ends in a preposition is its object:
        // carrying a disposition (`anlag för cystisk fibros`) is genetic data, not the
        // disease. The genetic finding takes it in.
        // (The hit before is the last that ends before `s`, as for phrases below.)
        if cat == Category::Health
            && let Some(i) = out.iter().rposition(|h| h.end <= s)
            && out[i].kind == Kind::SpecialCategory(Category::Genetic)
            && out[i].detector == DETECTOR
            && hay.get(out[i].end..s) == Some(b" ")
            && last_word(&hay[out[i].start..out[i].end])
                .is_some_and(|w| super::generic::any_eq(w, &["för", "for", "of", "av"]))
        {
            out[i].end = e;
            return Some(e);
        }
        // Two findings of one category joined by a space, a hyphen or a preposition are one
        // phrase, one fact (`Fackavgift Kommunal`, `Hiv-sjukdom`, `dömd för häleri`). The
        // one before is the last hit that ends before `s`: a number found further on may
        // have been pushed after it.
        let s = match out.iter().rposition(|h| h.end <= s) {
            Some(i)
                if out[i].kind == Kind::SpecialCategory(cat)
                    && out[i].detector == DETECTOR
                    && joins_a_phrase(&hay[out[i].end..s]) =>
            {
                out.remove(i).start
            }
            _ => s,
        };
        out.push(Hit {
            start: s,
            end: e,
            kind: Kind::SpecialCategory(cat),
            confidence: CONFIDENCE,
            detector: DETECTOR,
        });
        Some(e)
    }

    /// Whether the criminal-data word `s..e` is `misstänkt`, `misstänks` or `suspected` and
    /// the next word starts a health entry (`Misstänkt anemi`, `suspected pneumonia`), or a
    /// health finding stands right before it (`ätstörning misstänks`): a condition being
    /// assessed, which is reported as health on its own.
    fn suspected_condition(&self, hay: &[u8], s: usize, e: usize, out: &[Hit]) -> bool {
        let word = &hay[s..e];
        if !super::generic::any_eq(word, &["misstänkt", "misstänks", "suspected"]) {
            return false;
        }
        if let Some(h) = out.iter().rev().find(|h| h.end <= s)
            && h.kind == Kind::SpecialCategory(Category::Health)
            && hay[h.end..s] == *b" "
        {
            return true;
        }
        let mut n = e;
        while n < hay.len() && n - e < 3 && hay[n] == b' ' {
            n += 1;
        }
        if n == e || n >= hay.len() {
            return false;
        }
        self.entry_at(hay, n, hay.len().min(n + 64)) == Some(Category::Health)
    }

    /// The category of the entry that starts at `i` and ends by `end`, if one does.
    fn entry_at(&self, hay: &[u8], i: usize, end: usize) -> Option<Category> {
        let input = Input::new(hay).span(i..end).anchored(Anchored::Yes);
        self.ac
            .find(input)
            .map(|m| self.meta[m.pattern().as_usize()].cat)
    }

    /// Pushes the indicator words found in `hay`, in order (the keyword search alone).
    #[cfg(test)]
    pub(crate) fn scan(&self, hay: &[u8], out: &mut Vec<Hit>) {
        let mut state = WordState::default();
        let none = super::blocks::Triggers::new(false, false, false);
        let mut base = 0;
        while base < hay.len() {
            let c = super::blocks::classify(super::blocks::Portable, hay, base, &none);
            self.block(hay, base, &c, &mut state, out);
            base += BLOCK;
        }
    }

    /// Handles the block at `base` given its masks of word bytes and letters; blocks must
    /// come in order, from the start of `hay`.
    #[inline]
    pub(crate) fn block(
        &self,
        hay: &[u8],
        base: usize,
        c: &Classes,
        state: &mut WordState,
        out: &mut Vec<Hit>,
    ) {
        let w = c.word();
        // Word starts at a letter, followed by at least two more word bytes (the last two
        // bytes of the block are kept: their words go on in the next block). A letter after
        // a non-ASCII byte starts a word when that byte ends a character that does not glue
        // (`”`, `»`, a no-break space): such starts are checked one by one.
        let shape = c.letter & !c.cont & ((w >> 1) | 1 << 63) & ((w >> 2) | 3 << 62);
        let mut starts = !((w << 1) | state.carry) & shape;
        let mut after_high = ((c.high << 1) | state.high_carry) & shape;
        // A letter after `C3` and a continuation byte follows a Latin-1 letter (`för`,
        // `Malmö`): glued, unless that letter is `×` or `÷` (the rule of `glued_before`,
        // for most non-ASCII bytes of Swedish text at once).
        after_high &= !((c.latin << 2) & ((c.cont & !c.sign) << 1));
        while after_high != 0 {
            let j = after_high.trailing_zeros();
            after_high &= after_high - 1;
            if !glued_before(hay, base + j as usize) {
                starts |= 1 << j;
            }
        }
        state.carry = w >> 63;
        state.high_carry = c.high >> 63;
        // The first look, for every start of the block before any branch on its answer:
        // most starts fail it, and a loop that only gathers bits is not mispredicted.
        let mut pass = 0;
        if let Some(window) = hay.get(base..base + BLOCK + 3) {
            // Every start's four bytes lie in the window: no bounds test per start.
            let window: &[u8; BLOCK + 3] = window.try_into().expect("the window's length");
            while starts != 0 {
                let j = (starts.trailing_zeros() as usize) % BLOCK;
                starts &= starts - 1;
                let b = [window[j], window[j + 1], window[j + 2], window[j + 3]];
                pass |= u64::from(set_has(&self.prefixes, prefix_hash(b))) << j;
            }
        }
        while starts != 0 {
            let j = starts.trailing_zeros();
            starts &= starts - 1;
            pass |= u64::from(self.may_start(hay, base + j as usize)) << j;
        }
        while pass != 0 {
            let s = base + pass.trailing_zeros() as usize;
            pass &= pass - 1;
            if s < state.resume {
                continue;
            }
            let found = match s.checked_sub(1).map(|i| hay[i]) {
                Some(b'\\') => self.after_backslash(hay, s, out),
                _ if self.may_start_long(hay, s) => self.at(hay, s, out),
                _ => None,
            };
            if let Some(e) = found {
                state.resume = e;
            }
        }
    }
}

/// Whether the word `s..e` names an XML element that holds other elements or attributes
/// (`<Prescription id="…">`, `</Prescription>`, `<Diagnoses>\n  <Code>`): the schema's name
/// for a kind of record, not its content.
fn element_name(hay: &[u8], s: usize, e: usize) -> bool {
    let close = s >= 2 && hay[s - 2..s] == *b"</";
    if !(close || (s >= 1 && hay[s - 1] == b'<')) {
        return false;
    }
    // (`<Diabetes/>`, an empty element, is a flag whose presence is the fact.)
    match hay.get(e) {
        Some(b' ') => true,
        Some(b'>') => close || hay[e + 1..].trim_ascii_start().first() == Some(&b'<'),
        _ => false,
    }
}

/// The last word of a finding of several words.
fn last_word(found: &[u8]) -> Option<&[u8]> {
    found
        .iter()
        .rposition(|&b| b == b' ')
        .map(|i| &found[i + 1..])
}

/// Whether the bytes between two findings join them into one phrase: a space, a hyphen, a
/// slash, or a preposition that ties an offence or a condition to the word before it (`för`,
/// `for`, `of`: `misstänkt för stöld`, `convicted of fraud`; in any encoding the scanner
/// reads, `f\u00f6r` and Windows-1252 too).
fn joins_a_phrase(gap: &[u8]) -> bool {
    match gap {
        // `Gay woman / lesbian`, `hiv/aids`.
        [b' ' | b'-' | b'/'] | [b' ', b'/', b' '] => true,
        // (Not across an offence's grade: `dömd för grov stöld` is the verdict and the
        // offence, as most labelled corpora have them.)
        [b' ', word @ .., b' '] => super::generic::any_eq(word, &["för", "for", "of"]),
        _ => false,
    }
}

/// What an entry of [`LISTS`] stands for besides its words.
#[derive(Debug, Clone, Copy)]
struct Entry {
    cat: Category,
    /// A whole word, not a stem (`$`).
    exact: bool,
    /// A category's name only as a key (`:`; a whole word too).
    key_only: bool,
}

impl Entry {
    /// The words of an entry of [`LISTS`] and what its marks say.
    fn parse(cat: Category, entry: &str) -> (&str, Entry) {
        let (word, key_only) = entry
            .strip_suffix(':')
            .map_or((entry, false), |w| (w, true));
        let (word, exact) = word
            .strip_suffix('$')
            .map_or((word, key_only), |w| (w, true));
        (
            word,
            Entry {
                cat,
                exact,
                key_only,
            },
        )
    }
}

/// Where the keyword scan of a window stands between blocks.
#[derive(Debug, Default)]
pub(crate) struct WordState {
    /// No finding may start before this (the end of the previous one).
    resume: usize,
    /// Whether the byte before the next block is a word byte (bit 0).
    carry: u64,
    /// Whether the byte before the next block is not ASCII (bit 0).
    high_carry: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let kw = Keywords::new(|_| true).unwrap();
        let mut out = Vec::new();
        kw.scan(text.as_bytes(), &mut out);
        out.iter().map(|h| &text[h.start..h.end]).collect()
    }

    /// Words added for a ninth corpus (donors, clinics, licences, migration, data platforms):
    /// gambling addiction, sexual and reproductive care, a passenger's needs (Art. 9(1)
    /// health); sexual exposure (Art. 9(1) sex life); carrier screening (Art. 4(13), 9(1)
    /// genetic data); a face matched or unlocking an account (Art. 4(14), 9(1) biometric data
    /// for identification); Sami and Hazara (Art. 9(1) ethnic origin); youth wings and
    /// opposition parties (Art. 9(1) political opinions); religious meals (Art. 9(1)
    /// religious beliefs). A minority language as a language, a device's feature and `sex`
    /// as a number are none of these.
    #[test]
    fn donors_clinics_vetting_and_logins() {
        assert_eq!(
            words("Gäldenären hänvisar till sitt spelberoende."),
            ["spelberoende"]
        );
        assert_eq!(
            words("Orsak: oskyddat sex, kondomen sprack"),
            ["oskyddat sex", "kondomen sprack"]
        );
        assert_eq!(words("man som haft sex med man – karens"), ["haft sex med"]);
        // `sex` is six as well.
        assert!(words("Maja har haft sex korttidsfrånvarotillfällen").is_empty());
        assert_eq!(words("Selfie + passport (face match 0.97)"), ["face match"]);
        assert_eq!(words(r#"{"mfa":"face-id"}"#), ["face-id"]);
        // A device's feature names no one's face.
        assert!(words("MacBook Air M2 (Touch ID)").is_empty());
        assert_eq!(
            words("expanded carrier screen (301 genes) negative"),
            ["carrier screen"]
        );
        assert_eq!(words("Sökanden anser sig vara same."), ["vara same"]);
        assert_eq!(
            words("11 SSR WCHR SK HK1\n12 SSR MOML SK HK1\nUppföljning PrEP"),
            ["WCHR", "MOML", "PrEP"]
        );
        assert!(words("Meal prep, a deaf ear? Wchr meda").is_empty());
        assert_eq!(
            words("anser sig vara same och har samiska som språk i hemmet"),
            ["vara same"]
        );
        assert!(words("Önskat språk: romani chib").is_empty());
        assert_eq!(words("Familjen är samisk."), ["samisk"]);
        assert_eq!(
            words("Jag är aktiv i Moderata ungdomsförbundet"),
            ["ungdomsförbundet"]
        );
    }

    #[test]
    fn words_in_windows_1252_compared_in_place() {
        for (found, word) in [
            (&b"pr\xe4st"[..], "präst"),
            (b"PR\xe4ST", "präst"),
            (b"Tandl\xe4kare", "tandläkare"),
        ] {
            assert!(same_in_latin1(found, word));
            assert!(latin1(word).unwrap().eq_ignore_ascii_case(found));
        }
        // ASCII words are compared as they are; UTF-8 is no Windows-1252.
        assert!(!same_in_latin1(b"imam", "imam"));
        assert!(!same_in_latin1("präst".as_bytes(), "präst"));
        assert!(!same_in_latin1(b"pr\xe4s", "präst"));
        assert!(!same_in_latin1(b"pr\xe5st", "präst"));
    }

    #[test]
    fn technical_entries_start_with_an_ascii_letter() {
        // `technical` compares an entry's first byte with the finding's first.
        for (w, _) in TECHNICAL {
            assert!(w.as_bytes()[0].is_ascii_alphabetic(), "{w}");
        }
    }

    /// Words added for a sixteenth and a seventeenth corpus: senses, dialysis, mood, sleep,
    /// self-harm, food allergies, guide dogs, vaccinations, symptoms, injuries and sick
    /// leave in the Nordic languages (Art. 9(1) health), Nordic and free churches and
    /// unions (Art. 9(1)), and a genetic deletion.
    #[test]
    fn senses_care_and_nordic_words() {
        assert_eq!(
            words(
                "Screening: nedsatt hörsel höger öra. Kunden har hemdialys. Customer is \
                 partially sighted; has a guide dog. Han er sykmeldt, hon er sygemeldt, \
                 sairausloma. Vaccination dTp dos 5 given. Glutenallergi – meddela köket."
            ),
            [
                "nedsatt hörsel",
                "hemdialys",
                "partially sighted",
                "guide dog",
                "sykmeldt",
                "sygemeldt",
                "sairausloma",
                "Vaccination",
                "Glutenallergi"
            ]
        );
        assert_eq!(
            words("Medlem i Fagforbundet; Den norske kirke; mikrodeletion 22q11"),
            ["Fagforbundet", "Den norske kirke", "mikrodeletion"]
        );
        assert_eq!(
            words(
                "Logged: menstrual cramps; hot flushes. Claim: broken ankle, brännskada. \
                 Medlem i Missionsförbundet."
            ),
            [
                "menstrual cramps",
                "hot flushes",
                "broken ankle",
                "brännskada",
                "Missionsförbundet"
            ]
        );
        // A vaccination programme says nothing of anyone; a broken armrest is a car's.
        assert!(words("The vaccination programme starts; a broken armrest").is_empty());
    }

    /// Words added for a tenth corpus: sick pay, disability support, medicines, holidays,
    /// arrests, trials, sequencing, skin colour and protest (Art. 9(1) and Art. 10), and
    /// the senses of some of them that say nothing about anyone.
    #[test]
    fn payslips_support_holidays_arrests_and_their_other_senses() {
        assert_eq!(
            words(
                "Karensavdrag 1; enligt LSS på grund av cerebral pares; lss-modul; \
                 Min mamma är dement. Inhalator: Ventoline vid behov. SUMMARY:Tandläkare"
            ),
            [
                "Karensavdrag",
                "LSS",
                "cerebral pares",
                "dement",
                "Ventoline",
                "Tandläkare"
            ]
        );
        assert_eq!(
            words("Ledig för Jom kippur och Eid al-Fitr. Konverterade till katolicismen."),
            ["Jom kippur", "Eid al-Fitr", "katolicismen"]
        );
        assert_eq!(
            words(
                "Anhölls i går; blev gripen i helgen; JAS 39 Gripen flög; Rättegång – vittne; \
                 enligt rättegångsbalken; Status: Delgiven misstanke om misshandel"
            ),
            [
                "Anhölls",
                "gripen",
                "Rättegång",
                "Delgiven misstanke",
                "misshandel"
            ]
        );
        assert_eq!(
            words(
                "DNA-sekvensering, CYP2D6 *1/*4; beskrivs som mörkhyad; deltog i demonstration mot kärnkraft"
            ),
            [
                "DNA-sekvensering",
                "CYP2D6",
                "mörkhyad",
                "demonstration mot"
            ]
        );
        // Suspected traffic or a suspected condition is no suspicion of a crime; a phone's
        // biometric unlocking keeps nothing with the organisation; the unions as a party to
        // negotiations are no one's membership.
        assert_eq!(
            words(
                "Vi ser misstänkt trafik. Misstänkt ADHD, utredning via BUP. Misstänkt för stöld. \
                 Biometrisk inloggning stöds nu. MBL med de fackliga organisationerna; facklig"
            ),
            ["ADHD", "BUP", "Misstänkt för stöld", "facklig"]
        );
        // Unions after their income insurance, in brackets after `facket`, and SULF.
        assert_eq!(
            words(
                "Inkomstförsäkring Byggnads; med i facket (Kommunal); förtroendeman för SULF; Sulfat"
            ),
            ["Byggnads", "facket", "Kommunal", "SULF"]
        );
        // Inside base64 (an integrity hash in a lock file) a word is chance.
        assert_eq!(
            words("integrity sha512-EeCN56r8Ez7xHI+jGiEtp4ODSy/ras+DwkcpefVSFUSX/vgYYr8Jn== ras"),
            ["ras"]
        );
        // An eleventh corpus: medicines, crimes, parties in their written form, rites.
        assert_eq!(
            words(
                "Pentasa 1 g 1x2; Truvada; dömd för penningtvätt och tagande av muta; AfD, afd, CUF; Döpt: Tomasz"
            ),
            [
                "Pentasa",
                "Truvada",
                "dömd för penningtvätt",
                "tagande av muta",
                "AfD",
                "CUF",
                "Döpt"
            ]
        );
        // A suspected condition is health, not crime; a text that cites Art. 9 and 10 names
        // the categories about no one; a church register's officiant is a role.
        assert_eq!(
            words(
                "Misstänkt anemi; misstänkt för häleri\nuppgifter om hälsa, fackligt medlemskap \
                 (se art. 9 och 10 GDPR)\nPräst: Mattias Kaya. Samtal med präst.\n\
                 Ätstörning misstänks. Stöld misstänks."
            ),
            [
                "anemi",
                "misstänkt för häleri",
                "präst",
                "Ätstörning",
                "Stöld misstänks"
            ]
        );
        // An element that holds records names their kind; its text is read.
        assert_eq!(
            words(
                "<Prescription id=\"8a\">\n  <Patient/>\n</Prescription>\n\
                 <Note>sjukskriven</Note><Diabetes/>"
            ),
            ["sjukskriven", "Diabetes"]
        );
        // Words of one category joined by a slash are one answer; a ban on discrimination
        // names grounds, no one's (Art. 9(1)); so does a freedom.
        assert_eq!(
            words(
                "Prefer not to say,Gay woman / lesbian,No\n\
                 Policy mot diskriminering på grund av religion, etnicitet, funktionsnedsättning \
                 och sexuell läggning.\nMotion om religionsfrihet i skolan.\n\
                 Han upplevde diskriminering på grund av sin homosexualitet.\n\
                 Nour är fackligt ombud för Unionen. Hon har en funktionsnedsättning."
            ),
            [
                "Gay woman / lesbian",
                "homosexualitet",
                "fackligt ombud för Unionen",
                "funktionsnedsättning"
            ]
        );
        // Carrying a disposition for a disease is genetic data, one finding (Art. 9(1)).
        assert_eq!(
            words("eleven är bärare av anlag för cystisk fibros enligt gentest"),
            ["bärare av anlag för cystisk fibros", "gentest"]
        );
        // So is an officiant's title before a name; a vicar's office alone is not.
        assert_eq!(
            words(
                "Domkyrkan;Kyrkoherde Elin Nowak;Präst Åsa Lind;Imam Ali Hassan;ny kyrkoherde i Lund\n\
                 Döpt 1920-03-15 av kyrkoherde Jonsson."
            ),
            ["kyrkoherde", "Döpt"]
        );
        // A carer's title with a capital before a name heads a journal entry; a pupil who
        // met the psychologist tells of their health (Art. 9(1)).
        assert_eq!(
            words(
                "2022-01-16  Psykolog Alice Eklund\nTandläkare Eva Alm\n\
                 Eleven har träffat psykolog Anna Berg."
            ),
            ["psykolog"]
        );
        // Where someone works is not their health or faith.
        assert_eq!(
            words(
                "\"department\": \"Vårdcentralen Centrum\", <Arbetsgivare>Svenska kyrkan</Arbetsgivare> vårdcentralen"
            ),
            ["vårdcentralen"]
        );
    }

    #[test]
    fn boundaries_stems_and_case() {
        assert_eq!(words("Diagnosen: DIABETES, ej prediabetes."), ["DIABETES"]);
        assert_eq!(words("cancer cancerous hiv"), ["cancer", "hiv"]);
        assert_eq!(
            words("Ärftlig, ärftliga, Åtal; LÄKARINTYG, DÖMD, ÅTAL"),
            ["Ärftlig", "ärftliga", "Åtal", "LÄKARINTYG", "DÖMD", "ÅTAL"]
        );
        assert_eq!(words("trade union membership"), ["trade union"]);
        // After a Latin-1 letter a word is glued; after `×` and `÷` it starts.
        assert_eq!(
            words("för diabetes, ödiabetes, Ådiabetes, 2×diabetes ÷cancer"),
            ["diabetes", "diabetes", "cancer"]
        );
        assert_eq!(words("ras"), ["ras"]);
        assert_eq!(words("x ras."), ["ras"]);
        assert_eq!(words("gay"), ["gay"]);
        assert_eq!(words("sick leave"), ["sick leave"]);
        assert_eq!(
            words("Hon skrev ”diagnos” i»sjukhus«."),
            ["diagnos", "sjukhus"]
        );
        assert_eq!(
            words("The SSH host key fingerprint is SHA256:x"),
            Vec::<&str>::new()
        );
        assert_eq!(words("fingerprint reader"), ["fingerprint"]);
        // A category's name for a kind of data is no one's; the value after it is.
        assert_eq!(
            words("a genetic algorithm; genetic data: BRCA1 positive"),
            ["BRCA1"]
        );
        // A key's value is the fact (religious beliefs, Art. 9(1)): one finding where it
        // stands, also without an entry after a category's name; a key whose value says
        // nothing gives none; after a key with `true` or `ja`, the key is the finding.
        assert_eq!(
            words(
                r#"{"religion": "Pastafarian"} {"religion": "ortodox kristen"} {"religion": "none"}
                Diagnos: astma. Diagnos: -. "sjukskriven": true"#
            ),
            ["Pastafarian", "ortodox kristen", "astma", "sjukskriven"]
        );
        // Words that name a category only as a key.
        assert_eq!(
            words(r#"{"politics": "Konservativ", "x": "office politics"} Politik: Liberal"#),
            ["Konservativ", "Liberal"]
        );
        assert!(words(r#"kommunens politik; "politics": null"#).is_empty());
        assert_eq!(
            words(r#"{"type": "UNION_FEE", "union": "NITO"} the union of two sets"#),
            ["NITO"]
        );
        // Names and idioms; a hyphen joins the neighbouring word like a space.
        assert_eq!(
            words("Gay-Lussac's law; the Great Depression; Prison Break; gay; a prison"),
            ["gay", "prison"]
        );
        assert_eq!(
            words("Vi dömde ut lösningen. Han dömdes och dömde."),
            ["dömdes", "dömde"]
        );
        assert_eq!(
            words("the SHA-256 fingerprint of the tarball; a fingerprint scan"),
            ["fingerprint"]
        );
        assert_eq!(
            words("Medlem i IF Metall. Deprimerad, sjukintyg; referred to psychiatry"),
            ["IF Metall", "Deprimerad", "sjukintyg", "psychiatry"]
        );
        assert_eq!(
            words(
                "Alla behandlas lika oavsett kön, religion, etnicitet eller sexuell läggning.\n\
                 Hans religion; regardless of race or religion. Oavsett vad: religion"
            ),
            ["religion", "religion"]
        );
        assert_eq!(
            words("IG Metall; Kör genetiska algoritmer; genetiska data; fingerprint: SHA256:ab"),
            ["IG Metall"]
        );
        assert_eq!(
            words("metall och plast; GIF metall; if-metall"),
            ["if-metall"]
        );
        assert_eq!(
            words("Kör diagnostik på servern, diagnosen är klar"),
            ["diagnosen"]
        );
        assert_eq!(words("för diagnos"), ["diagnos"]);
        assert_eq!(
            words(
                "Öppna Diagnostikverktyget. Kontrollera nyckelns fingeravtryck; lämna fingeravtryck"
            ),
            ["fingeravtryck"]
        );
        assert_eq!(
            words(
                "Önskar halal mat under ramadan; medlem i Lärarförbundet; sjukanmälan; politiska uppfattningar"
            ),
            [
                "halal",
                "ramadan",
                "Lärarförbundet",
                "sjukanmälan",
                "politiska uppfattningar"
            ]
        );
        assert_eq!(words("medlem i Unionen; Europeiska unionen"), ["Unionen"]);
        assert_eq!(words("Ekonomiska och monetära unionen"), Vec::<&str>::new());
    }

    #[test]
    fn words_of_software() {
        assert_eq!(
            words(
                "cert.fingerprint; fingerprint_format fingerprint256 fingerprint(x) fingerprint = 1 fingerprint.hex Cert::fingerprint"
            ),
            Vec::<&str>::new()
        );
        assert_eq!(
            words("Lämna fingeravtryck. Fingerprint: taken at the office"),
            ["fingeravtryck", "Fingerprint"]
        );
        assert_eq!(
            words("diagnostics_channel, diagnostic tools; diagnose the fault; he was diagnosed"),
            ["diagnosed"]
        );
        assert_eq!(
            words("Feature disabled; a disabled employee; BRCA1 and brca2"),
            ["disabled employee", "BRCA1", "brca2"]
        );
    }

    /// Each word gives its category: Art. 9(1) names health, political opinions, trade-union
    /// membership, genetic and biometric data, sex life and sexual orientation; Art. 10
    /// criminal convictions, offences "or related security measures" (a restraining order,
    /// day fines, probation).
    /// Asserts that each word, alone in a sentence, is found whole and gives its category.
    fn each_gives_its_category(want: &[(&str, Category)]) {
        let kw = Keywords::new(|_| true).unwrap();
        for &(word, cat) in want {
            let text = format!("x {word}.");
            let mut out = Vec::new();
            kw.scan(text.as_bytes(), &mut out);
            let found: Vec<(&str, Kind)> = out
                .iter()
                .map(|h| (&text[h.start..h.end], h.kind))
                .collect();
            assert_eq!(found, [(word, Kind::SpecialCategory(cat))], "{word}");
        }
    }

    #[test]
    fn categories_of_the_words_added_in_session_7() {
        each_gives_its_category(&[
            ("psychiatry", Category::Health),
            ("deprimerad", Category::Health),
            ("sjukintyg", Category::Health),
            ("rullstolsburen", Category::Health),
            ("wheelchair user", Category::Health),
            ("heart attack", Category::Health),
            ("Social Democrats", Category::Political),
            ("Sweden Democrats", Category::Political),
            ("IF Metall", Category::TradeUnion),
            ("IG Metall", Category::TradeUnion),
            ("facket", Category::TradeUnion),
            ("huvudskyddsombud", Category::TradeUnion),
            ("huntington", Category::Genetic),
            ("palm vein", Category::Biometric),
            ("asexual", Category::SexLife),
            ("same-sex", Category::SexLife),
            ("misstänkt", Category::Criminal),
            ("skäligen misstänkt", Category::Criminal),
            ("suspected of", Category::Criminal),
            ("kontaktförbud", Category::Criminal),
            ("dagsböter", Category::Criminal),
            ("skyddstillsyn", Category::Criminal),
        ]);
    }

    /// Conditions and symptoms (health, Art. 4(15)), genetic tests and their results
    /// (Art. 4(13)), faith communities and their customs, ethnic groups, parties and their
    /// youth leagues, unions and their representatives, palm scans, and offences and the
    /// sanctions for them (Art. 10).
    #[test]
    fn categories_of_the_words_added_in_session_8() {
        each_gives_its_category(&[
            ("celiaki", Category::Health),
            ("Stroke", Category::Health),
            ("hjärtsvikt", Category::Health),
            ("Hörselnedsättning", Category::Health),
            ("hypertoni", Category::Health),
            ("Parkinson", Category::Health),
            ("multipel skleros", Category::Health),
            ("tinnitus", Category::Health),
            ("panikångest", Category::Health),
            ("sjuk", Category::Health),
            ("nötallergi", Category::Health),
            ("Helgenomsekvensering", Category::Genetic),
            ("SNP-array", Category::Genetic),
            ("Genpanel", Category::Genetic),
            ("Faktor V Leiden", Category::Genetic),
            ("HLA-B27", Category::Genetic),
            ("anlagsbärare", Category::Genetic),
            ("Bärarskapsanalys", Category::Genetic),
            ("carrier status", Category::Genetic),
            ("pingstförsamlingen", Category::Religion),
            ("halalkost", Category::Religion),
            ("sabbaten", Category::Religion),
            ("assyrier", Category::Ethnicity),
            ("kurdisk", Category::Ethnicity),
            ("afrosvensk", Category::Ethnicity),
            ("kommunist", Category::Political),
            ("politiska åskådning", Category::Political),
            ("Sinn Féin", Category::Political),
            ("Läkarförbund", Category::TradeUnion),
            ("Naturvetarna", Category::TradeUnion),
            ("shop steward", Category::TradeUnion),
            ("Handflatsskanning", Category::Biometric),
            ("rattfylleri", Category::Criminal),
            ("narkotikabrott", Category::Criminal),
            ("olaga hot", Category::Criminal),
            ("snatteri", Category::Criminal),
            ("fotboja", Category::Criminal),
            ("ungdomstjänst", Category::Criminal),
            ("shoplifting", Category::Criminal),
            ("drink driving", Category::Criminal),
        ]);
    }

    /// Every entry is found where it stands alone, in each of its forms (capitalised, upper
    /// case): the prefix sets let every entry's start through.
    #[test]
    fn every_entry_is_found() {
        let kw = Keywords::new(|_| true).unwrap();
        let context_only = |w: &str| {
            UNIONS.contains(&w)
                || NAMES.iter().any(|(n, _)| *n == w)
                || technical(w.as_bytes(), 0, w.len())
        };
        for (cat, entries) in LISTS {
            for entry in *entries {
                let (word, e) = Entry::parse(*cat, entry);
                if e.key_only || context_only(word) {
                    continue;
                }
                let upper = word.to_uppercase();
                let mut cap = word.chars();
                let cap: String = cap
                    .next()
                    .into_iter()
                    .flat_map(char::to_uppercase)
                    .chain(cap)
                    .collect();
                for form in [word, upper.as_str(), cap.as_str()] {
                    if FIRST_NAMES.contains(&form) || abbreviation_in_small_letters(form.as_bytes())
                    {
                        continue;
                    }
                    let text = format!("Noterat: {form}. Inget mer.");
                    let mut out = Vec::new();
                    kw.scan(text.as_bytes(), &mut out);
                    let found: Vec<&str> = out.iter().map(|h| &text[h.start..h.end]).collect();
                    assert_eq!(found, [form], "{cat:?} {form}");
                }
            }
        }
    }

    /// Trade-union membership, ethnic origin, political opinions, health, genetic and
    /// biometric data, religious beliefs and sexual orientation (Art. 9(1)); offences
    /// (Art. 10).
    #[test]
    fn words_of_the_fifth_corpus() {
        each_gives_its_category(&[
            ("Handelsanställdas förbund", Category::TradeUnion),
            ("tornedalsk", Category::Ethnicity),
            ("Feministiskt initiativ", Category::Political),
            ("Reform UK", Category::Political),
            ("panic disorder", Category::Health),
            ("Factor V Leiden", Category::Genetic),
            ("face template", Category::Biometric),
            ("Mormon", Category::Religion),
            ("sex offender", Category::Criminal),
            ("pansexual", Category::SexLife),
        ]);
    }

    /// A union's name next to words of membership reveals trade-union membership
    /// (Art. 9(1)); the same word in another sense (`kommunal politik`, `a vision`) does not.
    #[test]
    fn union_names_that_are_ordinary_words() {
        assert_eq!(
            words(
                "Åsa är medlem i Kommunal; aktiv i Byggnads; member of the Unite union; joined Unite"
            ),
            [
                "medlem i Kommunal",
                "aktiv i Byggnads",
                "member of the Unite",
                "joined Unite"
            ]
        );
        assert_eq!(words("fackförbundet Vision"), ["fackförbundet Vision"]);
        // Union names in lower case, after a key further back, and other senses.
        assert_eq!(
            words(
                "The European Union vision for 2030; active in vision research; aktiv i kommunal politik; They sang in unison"
            ),
            Vec::<&str>::new()
        );
        assert_eq!(words("Stroke: 14:32 larm"), ["Stroke"]);
        assert_eq!(
            words("Mikael is a UNISON member; a trade union member (Unison)"),
            ["UNISON", "trade union", "Unison"]
        );
        // Names of people and streets, and words inside e-mail addresses.
        assert_eq!(
            words(
                "Customer: Kristen Brown; Duncan Parkinson; Sjukhusbacken 3; green.kristen@x.se; kristen.green@x.se, a@church.org; fingerprint: \"FD:D3:0A\""
            ),
            Vec::<&str>::new()
        );
        assert_eq!(
            words("Han är kristen. Hon har Parkinson sedan 2019. Rehabiliteringsplan"),
            ["kristen", "Parkinson", "Rehabiliteringsplan"]
        );
        // Fields named for unions.
        assert_eq!(
            words("<Fackforbund>Vision</Fackforbund> fackforbund: Kommunal {\"union\": \"Unite\"}"),
            ["Vision", "Kommunal", "Unite"]
        );
        assert_eq!(
            words("i kommunal regi; en vision; Handels och industri; Byggnads fasad; unite them"),
            Vec::<&str>::new()
        );
        // Browser fingerprinting is a technique, not someone's fingerprint; a stroke in SVG
        // is a line, a blood pressure monitor is sold.
        assert_eq!(
            words(
                "Browser fingerprinting is off; set stroke-width, stroke=\"#000\"; Blodtrycksmätare"
            ),
            Vec::<&str>::new()
        );
    }

    /// One fact, one finding: words of a category that make one phrase are reported once,
    /// membership of a union (Art. 9(1)) with its dues, a condition (Art. 9(1)) with its
    /// words, an offence (Art. 10) with the word that ties it to a person, in any case.
    #[test]
    fn phrases_are_one_finding() {
        assert_eq!(
            words("Fackavgift Kommunal;1;-272,00\nFackavgift IF Metall, Unionen, Hiv-sjukdom"),
            [
                "Fackavgift Kommunal",
                "Fackavgift IF Metall",
                "Unionen",
                "Hiv-sjukdom"
            ]
        );
        assert_eq!(
            words("dömd för häleri; convicted of fraud; LÄKARINTYG FÖR SJUKPENNING"),
            [
                "dömd för häleri",
                "convicted of fraud",
                "LÄKARINTYG FÖR SJUKPENNING"
            ]
        );
    }

    /// Health and genetic data (Art. 9(1)) are the facts recorded about a person: the result
    /// of a FHIR observation, not the name of what it measured; a condition's code is the
    /// diagnosis. A product in an order and a union writing or signing mail say nothing of
    /// anyone's health or membership.
    #[test]
    fn observations_products_and_senders() {
        assert_eq!(
            words(
                r#"{"resourceType":"Observation","category":[{"text":"Klinisk genetik"}],"code":{"text":"Genetisk analys"},"valueString":"BRCA1-mutation"}
{"resourceType":"Condition","code":{"coding":[{"code":"E11"}],"text":"Diabetes"},"recordedDate":"2024-01-02"}"#
            ),
            ["BRCA1", "Diabetes"]
        );
        assert_eq!(
            words(
                "From: Unionen <medlem@unionen.se>\nReceived: from out.unionen.se (x)\n\
                 Unionen avd. Lidaholm\nAnna är medlem i Unionen."
            ),
            ["Unionen"]
        );
        assert_eq!(
            words(
                "Graviditetstest 2-pack, Diabetessockor bambu 3-pack; Halal kycklingfilé 1 kg; \
                 graviditetstest; Insulin 10 ml"
            ),
            ["graviditetstest", "Insulin"]
        );
    }

    /// Art. 9(1): data concerning health (medicines, sick pay), genetic data (clinical
    /// genetics, paternity tests), religious beliefs (Friday prayer), ethnic origin (Sámi),
    /// biometric data (iris templates); Art. 10: criminal convictions (sentenced).
    #[test]
    fn categories_of_the_words_added_in_session_9() {
        each_gives_its_category(&[
            ("sjuklön", Category::Health),
            ("Metformin", Category::Health),
            ("Waran", Category::Health),
            ("penicillinallergi", Category::Health),
            ("medicineras", Category::Health),
            ("klinisk genetik", Category::Genetic),
            ("faderskapstest", Category::Genetic),
            ("paternity testing", Category::Genetic),
            ("fredagsbön", Category::Religion),
            ("bönegruppen", Category::Religion),
            ("sentenced", Category::Criminal),
            ("Sámi", Category::Ethnicity),
            ("iris templates", Category::Biometric),
        ]);
    }

    /// Art. 9(1) health (a cold, a doctor's appointment, child psychiatry), biometric data
    /// (vein patterns, fingerprint templates), trade-union membership (dues); Art. 10 (serving
    /// a sentence). A name, a school subject and an address reveal none of them.
    #[test]
    fn words_from_the_seventh_corpus() {
        each_gives_its_category(&[
            ("förkyld", Category::Health),
            ("läkartid", Category::Health),
            ("Sjukavdrag", Category::Health),
            ("långtidssjukskriven", Category::Health),
            ("BUP", Category::Health),
            ("avtjänade", Category::Criminal),
            ("venmönster", Category::Biometric),
            ("fingerprint template", Category::Biometric),
        ]);
        // A first name, a school subject, an address in a query string; dues shortened.
        assert_eq!(
            words(
                "Jude has been on sick leave; Jude går på fredagsbönen; han är jude. \
                 Religionskunskap åk 8. GET /x?email=jude.brown%40hotmail.com; Fackavg Vision"
            ),
            ["sick leave", "fredagsbönen", "jude", "Vision"]
        );
    }

    /// Biometric data (voice profiles, palm veins) and data concerning a person's sex life
    /// (Art. 9(1)) of the corpus of session 14; a biometric level named as a constant of
    /// code (`BIOMETRIC_STRONG`) identifies no one.
    #[test]
    fn voices_palms_sex_life_and_constants_of_code() {
        assert_eq!(
            words(
                "Autentisering: Röstbiometri, match 0.96; method=PALMVEIN; ny röstprofil. \
                 Jag är i ett öppet förhållande. Sexualanamnes: oskyddat samlag, sexuellt aktiv."
            ),
            [
                "Röstbiometri",
                "PALMVEIN",
                "röstprofil",
                "öppet förhållande",
                "samlag",
                "sexuellt aktiv"
            ]
        );
        assert!(words("onAuthenticationSucceeded type=BIOMETRIC_STRONG").is_empty());
    }

    /// Art. 9(1) biometric data are data "for the purpose of uniquely identifying a natural
    /// person": a file's or a key's fingerprint is none, nor is a fault or the weather health
    /// or criminal data; a union's dues and representatives reveal membership.
    #[test]
    fn technical_senses_in_their_sentence() {
        // A fingerprint of a file, a key or a build is a digest; a fingerprint reader or a
        // fingerprint instead of a key is a person's.
        assert_eq!(
            words(
                "Compare the fingerprint of the file hash before deploying. Fixed fingerprint \
                 check of uploaded files. J\u{e4}mf\u{f6}r fingeravtrycket f\u{f6}r SSH-nyckeln. \
                 Fingeravtrycksl\u{e4}saren vid entr\u{e9}n; fingeravtryck i st\u{e4}llet f\u{f6}r nyckel."
            ),
            ["Fingeravtrycksläsaren", "fingeravtryck"]
        );
        // A suspected fault, a tropical depression; a suspect and a depression.
        assert_eq!(
            words(
                "misstänkt fel i servern; misst\\u00e4nkt bugg; misstänkt för stöld. A tropical \
                 depression formed; treated for depression"
            ),
            ["misstänkt för stöld", "depression"]
        );
        // A union's dues and representatives.
        assert_eq!(
            words("Medlemsavgift Vision; ombud från Kommunal; en vision från Kommunal"),
            ["Vision", "Kommunal"]
        );
    }

    #[test]
    fn conditions_procedures_and_memberships() {
        assert_eq!(
            words("Ångest och bulimi; hjärtinfarkt, lungcancer; häktad, domfälld; kyrkoavgift"),
            [
                "Ångest",
                "bulimi",
                "hjärtinfarkt",
                "lungcancer",
                "häktad",
                "domfälld",
                "kyrkoavgift"
            ]
        );
        // Words that share their first letters with these, compounds of offences and
        // breaches of contract are not indicators; offences as words of their own are.
        assert_eq!(
            words("Med vänliga hälsningar; själv; stöldskydd; brott mot avtalet"),
            Vec::<&str>::new()
        );
        assert_eq!(words("Hon har KOL; kol och koks; Kol"), ["KOL"]);
        assert_eq!(
            words("Eva — fingerprint template hash 48449439f5a5f992cd726c55ab8545eb sparad"),
            ["fingerprint template"]
        );
        assert_eq!(
            words("Signerad: A. Ali, leg. psykolog\nBesök hos psykolog; legitimerad psykolog"),
            ["psykolog"]
        );
        assert_eq!(
            words("fraud detection; fraud_score; fraud-team; convicted of fraud"),
            ["convicted of fraud"]
        );
        assert_eq!(
            words("a six-month probation period; Reason: DUI; dui; on probation; remanded"),
            ["DUI", "probation", "remanded"]
        );
        assert_eq!(
            words("anmäld för misshandel; stöldlarm; ringa stöld; assaulted"),
            ["misshandel", "stöld", "assaulted"]
        );
    }

    /// Art. 9(1): health, religious beliefs, sexual orientation, political opinions and
    /// trade-union membership; Art. 10: offences.
    #[test]
    fn symptoms_rites_burglaries_and_abbreviations() {
        each_gives_its_category(&[
            ("illamående", Category::Health),
            ("yrsel", Category::Health),
            ("diskbråcket", Category::Health),
            ("rehabplanen", Category::Health),
            ("called in sick", Category::Health),
            ("doctor's note", Category::Health),
            ("knäoperationen", Category::Health),
            ("Hanukkah", Category::Religion),
            ("kyrkoherde", Category::Religion),
            ("bönerummet", Category::Religion),
            ("samkönat", Category::SexLife),
            ("inbrott", Category::Criminal),
            ("förskingring", Category::Criminal),
            ("Moderater", Category::Political),
            ("union meetings", Category::TradeUnion),
        ]);
        // Abbreviations count in capitals only; burglary alarms and theft protection are
        // products.
        assert_eq!(
            words("Går på KBT; kbt; engagerad i RFSL; rfsl; SPD-Mitglied; spd"),
            ["KBT", "RFSL", "SPD"]
        );
        assert_eq!(
            words("inbrottslarm; Theft protection is enabled; anmälde inbrottet; theft of a bike"),
            ["inbrottet", "theft"]
        );
    }

    /// Art. 9(1) data are about a person: a name in code, a room for medicines or a key's
    /// fingerprint reveal no one's health or biometric data; Art. 10 covers offences such as
    /// criminal damage and harassment.
    #[test]
    fn names_of_code_rooms_and_key_fingerprints() {
        each_gives_its_category(&[
            ("leversjukdom", Category::Health),
            ("Pingströrelsen", Category::Religion),
            ("Equmeniakyrkan", Category::Religion),
            ("delat DNA", Category::Genetic),
            ("skadegörelse", Category::Criminal),
            ("valsedelsutdelare", Category::Political),
            ("hypotyreos", Category::Health),
            ("hjärnskakning", Category::Health),
            ("ofredande", Category::Criminal),
            ("DNA-match", Category::Genetic),
            ("handvensläsare", Category::Biometric),
        ]);
        assert_eq!(
            words(
                "\"resourceType\": \"MedicationStatement\", \"biometricType\": 1; Läkemedelsrum; \
                 Läkemedelsverket; \"fingerprint\":\"6b:f2:2f:84:3c\"; medication; Läkemedel"
            ),
            ["medication", "Läkemedel"]
        );
    }

    #[test]
    fn words_in_escaped_text() {
        // After escapes of characters that do not glue.
        assert_eq!(
            words(r#"{"note":"Besök.\nDiabetes typ 2\n\nhiv \u003cp\u003eCancer\r\nsjukskriven"}"#),
            ["Diabetes", "hiv", "Cancer", "sjukskriven"]
        );
        // After a backslash and a letter (`\\n`) and an escaped letter (`\u00e4`) a word goes
        // on; a backslash that escapes nothing separates words.
        assert_eq!(
            words(r#"C:\\ndiabetes \u00e4diabetes x\ncancer C:\hiv"#),
            ["cancer", "hiv"]
        );
        // Non-ASCII letters written as escapes, in either case of hex digits, also first.
        assert_eq!(
            words(
                r#"L\u00e4karintyget visar; \u00c5tal v\u00e4ckt; tidigare d\u00F6md\n\u00e5tal"#
            ),
            [
                "L\\u00e4karintyget",
                "\\u00c5tal",
                "d\\u00F6md",
                "\\u00e5tal"
            ]
        );
    }

    #[test]
    fn windows_1252_text() {
        let kw = Keywords::new(|_| true).unwrap();
        let text = b"tidigare d\xf6md f\xf6r st\xf6ld, \xc5tal v\xe4ckt; l\xe4karintyg\xbb ok";
        let mut out = Vec::new();
        kw.scan(text, &mut out);
        let found: Vec<&[u8]> = out.iter().map(|h| &text[h.start..h.end]).collect();
        assert_eq!(
            found,
            [
                &b"d\xf6md f\xf6r st\xf6ld"[..],
                b"\xc5tal",
                b"l\xe4karintyg"
            ]
        );
        // A category's name is read in Windows-1252 as in UTF-8 (and so in UTF-16 text,
        // narrowed to those bytes): a text about the kinds of data of Art. 9(1) names no
        // one's.
        let text = b"Uppgifter om sexuell l\xe4ggning och etniskt ursprung \xe4r k\xe4nsliga.";
        let mut out = Vec::new();
        kw.scan(text, &mut out);
        assert!(out.is_empty(), "{out:?}");
        let long = format!("diagnos{}", "x".repeat(40));
        assert!(words(&long).is_empty());
    }

    #[test]
    fn sie_files_in_code_page_437() {
        let kw = Keywords::new(|_| true).unwrap();
        // `#FORMAT PC8`: ö is 0x94, ä 0x84. The chart names accounts; a transaction names
        // whom the sick pay was booked for.
        let text = b"#FORMAT PC8\n#KONTO 7082 \"Sjukl\x94ner till tj\x84nstem\x84n\"\n\
                     #OBJEKT 1 3 \"F\x94retagsh\x84lsov\x86rd\"\n\
                     #TRANS 7082 {} 4500.00 20261130 \"Sjukl\x94n A. Berg\"\n";
        let mut out = Vec::new();
        kw.scan(text, &mut out);
        let found: Vec<&[u8]> = out.iter().map(|h| &text[h.start..h.end]).collect();
        assert_eq!(found, [&b"Sjukl\x94n"[..]]);
        assert_eq!(cp437("Åtal"), Some(vec![0x8F, b't', b'a', b'l']));
        assert_eq!(cp437("naïve"), None);
    }
}

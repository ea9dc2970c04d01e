//! Built-in resources (compiled into the binary): the actor gazetteer and the cue lexicon, and the
//! hashed phrase tables they are looked up with.

use super::lex::{norm_words, Tok};
use std::collections::HashMap;
use std::sync::OnceLock;

const COUNTRIES_TSV: &str = include_str!("../../resources/stance/countries.tsv");
const ACTORS_TSV: &str = include_str!("../../resources/stance/actors.tsv");
const CUES_TSV: &str = include_str!("../../resources/stance/cues.tsv");
const DEMONYMS_TSV: &str = include_str!("../../resources/stance/demonyms.tsv");

/// Stance of a holder toward a target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Polarity {
    /// The holder supports the target.
    Favor,
    /// The holder opposes the target.
    Against,
}

impl Polarity {
    /// `"FAVOR"` or `"AGAINST"`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Favor => "FAVOR",
            Self::Against => "AGAINST",
        }
    }

    /// The other polarity.
    #[must_use]
    pub const fn flip(self) -> Self {
        match self {
            Self::Favor => Self::Against,
            Self::Against => Self::Favor,
        }
    }
}

/// How a cue's arguments are found (see resources/stance/cues.tsv).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Frame {
    Verb,
    Noun,
    Adj,
    Eval,
    Compound,
    Contrast,
    Crowd,
    Allies,
    Received,
}

/// One cue lexicon entry.
#[derive(Clone, Debug)]
pub(crate) struct Cue {
    pub polarity: Polarity,
    pub frame: Frame,
}

/// Required letter case of a pattern word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Case {
    Any,
    Cap,
    Upper,
}

#[derive(Clone, Debug)]
pub(crate) enum Pw {
    Word(String, Case),
    Star,
}

/// A small, fast, non-cryptographic hasher (FxHash) for word lookups.
#[derive(Default, Clone, Copy)]
pub(crate) struct Fx(u64);

impl std::hash::Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut buf = [0u8; 8];
            buf[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(buf)).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(i)).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// Builder of [`Fx`] hashers.
pub(crate) type FxBuild = std::hash::BuildHasherDefault<Fx>;

/// A table of token patterns keyed by their first word.
#[derive(Clone, Debug)]
pub(crate) struct PhraseTable<V> {
    first: HashMap<String, Vec<(Vec<Pw>, V)>, FxBuild>,
}

impl<V> Default for PhraseTable<V> {
    fn default() -> Self {
        Self {
            first: HashMap::default(),
        }
    }
}

fn case_ok(tok: &Tok, case: Case) -> bool {
    match case {
        Case::Any => true,
        Case::Cap => tok.cap,
        Case::Upper => tok.upper,
    }
}

const STAR_MAX: usize = 6;

impl<V> PhraseTable<V> {
    /// Adds a pattern (its first word must not be `*`).
    pub fn insert(&mut self, words: Vec<Pw>, value: V) {
        let Some(Pw::Word(first, _)) = words.first() else {
            return;
        };
        let key = first.clone();
        let list = self.first.entry(key).or_default();
        list.push((words, value));
        // Longest patterns first: the first match found is the longest.
        list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    }

    /// Whether a pattern starts with this normalized word.
    pub fn has_first(&self, norm: &str) -> bool {
        self.first.contains_key(norm)
    }

    /// The longest pattern matching `toks[i..]` (not beyond `limit`): `(end, value)`.
    pub fn match_at(&self, toks: &[Tok], i: usize, limit: usize) -> Option<(usize, &V)> {
        let list = self.first.get(toks[i].norm.as_str())?;
        let mut best: Option<(usize, &V)> = None;
        for (pat, v) in list {
            if let Some(end) = match_pat(pat, toks, i, limit) {
                if best.is_none_or(|(b, _)| end >= b) {
                    best = Some((end, v));
                }
            }
        }
        best
    }
}

fn match_pat(pat: &[Pw], toks: &[Tok], i: usize, limit: usize) -> Option<usize> {
    let Some((head, rest)) = pat.split_first() else {
        return Some(i);
    };
    match head {
        Pw::Word(w, case) => {
            if i < limit && toks[i].norm == *w && case_ok(&toks[i], *case) {
                match_pat(rest, toks, i + 1, limit)
            } else {
                None
            }
        }
        Pw::Star => {
            for k in 0..=STAR_MAX {
                if i + k > limit {
                    break;
                }
                // A wildcard does not cross clause punctuation.
                if k > 0 && matches!(toks[i + k - 1].norm.as_str(), "." | ";" | ":" | "(" | ")") {
                    break;
                }
                if let Some(end) = match_pat(rest, toks, i + k, limit) {
                    return Some(end);
                }
            }
            None
        }
    }
}

/// What an actor is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ActorKind {
    Country,
    Org,
    Person,
    Region,
}

/// One gazetteer actor.
#[derive(Clone, Debug)]
pub(crate) struct Actor {
    pub name: String,
    pub kind: ActorKind,
    /// ISO code of the actor's country ("" when none).
    pub iso: String,
    /// Heads the government of `iso`.
    pub head: bool,
}

/// A gazetteer hit: which actor, and whether the alias is a demonym / adjective.
#[derive(Clone, Copy, Debug)]
pub(crate) struct ActorHit {
    pub actor: u32,
    pub demonym: bool,
}

/// The compiled built-in resources.
pub(crate) struct Resources {
    pub actors: Vec<Actor>,
    pub actor_table: PhraseTable<ActorHit>,
    pub cues: PhraseTable<Cue>,
    /// Demonym (e.g. "Venezuelan") of a country, by canonical name.
    pub demonym: HashMap<String, String>,
    /// Word valence (VADER, -4..+4).
    pub valence: HashMap<String, f32, FxBuild>,
}

/// Turns an alias into pattern words, with the case each word requires.
pub(crate) fn alias_pattern(alias: &str) -> Vec<Pw> {
    let raw = super::lex::scan(alias, 0, alias.len());
    raw.iter()
        .map(|t| {
            let letters = t.norm.chars().filter(|c| c.is_alphabetic()).count();
            let case = if t.upper && (2..=4).contains(&letters) {
                Case::Upper
            } else if t.cap {
                Case::Cap
            } else {
                Case::Any
            };
            Pw::Word(t.norm.clone(), case)
        })
        .collect()
}

/// Endings of demonyms (`Peruvian`, `Chinese`, `Polish`).
static DEMONYM_ENDINGS: WordList = WordList::new("demonym_endings");

pub(crate) fn looks_demonym(alias: &str, canonical: &str) -> bool {
    let a = alias.to_ascii_lowercase();
    a != canonical.to_ascii_lowercase()
        && !a.contains(' ')
        && a.len() > 4
        && DEMONYM_ENDINGS.iter().any(|s| a.ends_with(s))
}

/// English verb forms of a lemma: base, -s, -ed, -ing.
pub(crate) fn inflect(lemma: &str) -> Vec<String> {
    let b = lemma;
    let last = b.chars().last().unwrap_or('x');
    let vowel = |c: char| "aeiou".contains(c);
    let chars: Vec<char> = b.chars().collect();
    let n = chars.len();
    let cvc = (3..=4).contains(&n)
        && !vowel(chars[n - 1])
        && !"wxy".contains(chars[n - 1])
        && vowel(chars[n - 2])
        && !vowel(chars[n - 3]);
    let mut out = vec![b.to_owned()];
    if b.ends_with('s') || b.ends_with('x') || b.ends_with('z') || b.ends_with("ch") || b.ends_with("sh") {
        out.push(format!("{b}es"));
    } else if last == 'y' && n > 1 && !vowel(chars[n - 2]) {
        out.push(format!("{}ies", &b[..b.len() - 1]));
    } else {
        out.push(format!("{b}s"));
    }
    if last == 'e' {
        out.push(format!("{b}d"));
        if b.ends_with("ee") {
            out.push(format!("{b}ing"));
        } else {
            out.push(format!("{}ing", &b[..b.len() - 1]));
        }
    } else if last == 'y' && n > 1 && !vowel(chars[n - 2]) {
        out.push(format!("{}ied", &b[..b.len() - 1]));
        out.push(format!("{b}ing"));
    } else if cvc {
        out.push(format!("{b}{last}ed"));
        out.push(format!("{b}{last}ing"));
    } else {
        out.push(format!("{b}ed"));
        out.push(format!("{b}ing"));
    }
    out
}

fn pattern_words(words: &[&str]) -> Vec<Pw> {
    words
        .iter()
        .map(|w| {
            if *w == "*" {
                Pw::Star
            } else {
                Pw::Word((*w).to_owned(), Case::Any)
            }
        })
        .collect()
}

fn parse_cues(table: &mut PhraseTable<Cue>) {
    for line in CUES_TSV.lines() {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert!(cols.len() == 3, "cues.tsv: bad line {line:?}");
        let polarity = match cols[1] {
            "FAVOR" => Polarity::Favor,
            "AGAINST" => Polarity::Against,
            other => panic!("cues.tsv: bad stance {other:?}"),
        };
        let frame = match cols[2] {
            "vt" => Frame::Verb,
            "n" => Frame::Noun,
            "adj" => Frame::Adj,
            "eval" => Frame::Eval,
            "pre" => Frame::Compound,
            "alt" => Frame::Contrast,
            "crowd" => Frame::Crowd,
            "allies" => Frame::Allies,
            "received" => Frame::Received,
            other => panic!("cues.tsv: bad frame {other:?}"),
        };
        let words: Vec<&str> = cols[0].split(' ').collect();
        let (head, rest) = words.split_first().expect("non-empty pattern");
        let mut heads: Vec<String> = Vec::new();
        let mut forms = head.split('|');
        let lemma = forms.next().unwrap_or_default();
        match frame {
            Frame::Verb => heads.extend(inflect(lemma)),
            Frame::Noun => {
                heads.push(lemma.to_owned());
                if !lemma.ends_with('s') {
                    heads.push(format!("{lemma}s"));
                }
            }
            _ => heads.push(lemma.to_owned()),
        }
        heads.extend(forms.map(str::to_owned));
        heads.dedup();
        if frame == Frame::Compound {
            let pat = if crate::stance_v2::is_prefix_cue(lemma) {
                pattern_words(&[lemma, "-"])
            } else {
                pattern_words(&["-", lemma])
            };
            table.insert(pat, Cue { polarity, frame });
            continue;
        }
        // Alternatives in later words ("call|calls|called") expand into several patterns.
        let mut rests: Vec<Vec<&str>> = vec![Vec::new()];
        for w in rest {
            rests = rests
                .into_iter()
                .flat_map(|r| {
                    w.split('|').map(move |alt| {
                        let mut r2 = r.clone();
                        r2.push(alt);
                        r2
                    })
                })
                .collect();
        }
        for h in heads {
            for r in &rests {
                let mut pat = vec![Pw::Word(h.clone(), Case::Any)];
                pat.extend(pattern_words(r));
                table.insert(pat, Cue { polarity, frame });
            }
        }
    }
}

impl Resources {
    fn load() -> Self {
        let mut actors: Vec<Actor> = Vec::new();
        let mut index: HashMap<String, u32> = HashMap::new();
        let mut table = PhraseTable::default();
        let mut demonym = HashMap::new();
        let add_actor = |actors: &mut Vec<Actor>, index: &mut HashMap<String, u32>, a: Actor| -> u32 {
            if let Some(&i) = index.get(&a.name) {
                if a.head {
                    actors[i as usize].head = true;
                }
                return i;
            }
            let i = actors.len() as u32;
            index.insert(a.name.clone(), i);
            actors.push(a);
            i
        };
        for line in COUNTRIES_TSV.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 3 {
                continue;
            }
            let name = cols[0];
            let id = add_actor(
                &mut actors,
                &mut index,
                Actor {
                    name: name.to_owned(),
                    kind: ActorKind::Country,
                    iso: cols[1].to_owned(),
                    head: false,
                },
            );
            table.insert(
                alias_pattern(name),
                ActorHit {
                    actor: id,
                    demonym: false,
                },
            );
            for alias in cols[2].split('|').filter(|a| !a.is_empty()) {
                let dem = looks_demonym(alias, name);
                if dem && !demonym.contains_key(name) && !alias.ends_with('s') {
                    demonym.insert(name.to_owned(), alias.to_owned());
                }
                table.insert(
                    alias_pattern(alias),
                    ActorHit {
                        actor: id,
                        demonym: dem,
                    },
                );
                if alias.ends_with('.') {
                    table.insert(
                        alias_pattern(alias.trim_end_matches('.')),
                        ActorHit {
                            actor: id,
                            demonym: dem,
                        },
                    );
                }
            }
        }
        for (_, line) in crate::resource::data_lines(DEMONYMS_TSV) {
            if let Some((name, word)) = line.split_once('\t') {
                demonym.insert(name.trim().to_owned(), word.trim().to_owned());
            }
        }
        for line in ACTORS_TSV.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            assert!(cols.len() >= 3, "actors.tsv: bad line {line:?}");
            let (kind, head) = match cols[1] {
                "org" => (ActorKind::Org, false),
                "country" => (ActorKind::Country, false),
                "person" => (ActorKind::Person, false),
                "head" => (ActorKind::Person, true),
                "region" => (ActorKind::Region, false),
                other => panic!("actors.tsv: bad kind {other:?}"),
            };
            let iso = if cols[2] == "-" {
                String::new()
            } else {
                cols[2].to_owned()
            };
            let id = add_actor(
                &mut actors,
                &mut index,
                Actor {
                    name: cols[0].to_owned(),
                    kind,
                    iso,
                    head,
                },
            );
            table.insert(
                alias_pattern(cols[0]),
                ActorHit {
                    actor: id,
                    demonym: false,
                },
            );
            for alias in cols
                .get(3)
                .copied()
                .unwrap_or("")
                .split('|')
                .filter(|a| !a.is_empty())
            {
                table.insert(
                    alias_pattern(alias),
                    ActorHit {
                        actor: id,
                        demonym: false,
                    },
                );
            }
        }
        let mut cues = PhraseTable::default();
        parse_cues(&mut cues);
        let valence = crate::classify::lexicon::entries()
            .map(|(w, v)| (w.to_owned(), v))
            .collect();
        Self {
            actors,
            actor_table: table,
            cues,
            demonym,
            valence,
        }
    }

    /// The shared, lazily compiled resources.
    pub fn get() -> &'static Self {
        static RES: OnceLock<Resources> = OnceLock::new();
        RES.get_or_init(Self::load)
    }

    /// The actor whose canonical name or alias is exactly `name` (normalized), if any.
    pub fn actor_named(&self, name: &str) -> Option<&Actor> {
        let words = norm_words(name);
        let toks: Vec<Tok> = super::lex::scan(name, 0, name.len());
        if words.is_empty() {
            return None;
        }
        let (end, hit) = self.actor_table.match_at(&toks, 0, toks.len())?;
        (end == toks.len()).then(|| &self.actors[hit.actor as usize])
    }
}

const WORD_LISTS: &str = include_str!("../../resources/stance/word_lists.txt");

/// The lists of `word_lists.txt` by name, read once.
fn word_lists() -> &'static HashMap<&'static str, Vec<&'static str>> {
    static LISTS: OnceLock<HashMap<&'static str, Vec<&'static str>>> = OnceLock::new();
    LISTS.get_or_init(|| {
        let mut lists: HashMap<&'static str, Vec<&'static str>> = HashMap::new();
        let mut current: Option<&'static str> = None;
        for line in WORD_LISTS.lines().map(|l| l.trim_end_matches('\r')) {
            if line.is_empty() || line.starts_with("# ") {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                current = Some(name);
                lists.entry(name).or_default();
            } else if let Some(name) = current {
                lists.entry(name).or_default().push(line);
            }
        }
        lists
    })
}

/// A word list of `word_lists.txt`, looked up once; it reads as a slice of its words.
pub(crate) struct WordList {
    name: &'static str,
    words: OnceLock<&'static [&'static str]>,
}

impl WordList {
    pub(crate) const fn new(name: &'static str) -> Self {
        Self {
            name,
            words: OnceLock::new(),
        }
    }
}

impl std::ops::Deref for WordList {
    type Target = [&'static str];
    fn deref(&self) -> &[&'static str] {
        self.words
            .get_or_init(|| word_lists().get(self.name).map_or(&[], Vec::as_slice))
    }
}

/// A list of phrases of `word_lists.txt` (words separated by spaces), read as a slice of word
/// sequences.
pub(crate) struct PhraseList {
    name: &'static str,
    phrases: OnceLock<Vec<Vec<&'static str>>>,
}

impl PhraseList {
    pub(crate) const fn new(name: &'static str) -> Self {
        Self {
            name,
            phrases: OnceLock::new(),
        }
    }
}

impl std::ops::Deref for PhraseList {
    type Target = [Vec<&'static str>];
    fn deref(&self) -> &[Vec<&'static str>] {
        self.phrases.get_or_init(|| {
            word_lists()
                .get(self.name)
                .map_or_else(Vec::new, |l| l.iter().map(|p| p.split(' ').collect()).collect())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_the_code_names_is_in_word_lists_txt() {
        // A misspelt name would read as an empty list and silently switch its rule off.
        let sources = [
            include_str!("rules.rs"),
            include_str!("lex.rs"),
            include_str!("mod.rs"),
            include_str!("resources.rs"),
        ];
        let named = regex::Regex::new(r#"(?:Word|Phrase)List::new\("([a-z_]+)"\)"#).unwrap();
        let names: Vec<&str> = sources
            .iter()
            .flat_map(|s| named.captures_iter(s).map(|c| c.get(1).unwrap().as_str()))
            .collect();
        assert!(names.len() > 40, "{names:?}");
        for name in names {
            assert!(
                word_lists().get(name).is_some_and(|l| !l.is_empty()),
                "word_lists.txt has no list [{name}]"
            );
        }
    }

    #[test]
    fn inflections() {
        assert_eq!(
            inflect("recognise"),
            ["recognise", "recognises", "recognised", "recognising"]
        );
        assert_eq!(inflect("slam"), ["slam", "slams", "slammed", "slamming"]);
        assert_eq!(inflect("back"), ["back", "backs", "backed", "backing"]);
        assert_eq!(inflect("ally"), ["ally", "allies", "allied", "allying"]);
        assert_eq!(inflect("push"), ["push", "pushes", "pushed", "pushing"]);
    }

    #[test]
    fn resources_load() {
        let r = Resources::get();
        assert!(r.actors.len() > 200);
        assert_eq!(r.actor_named("Moscow").map(|a| a.name.as_str()), Some("Russia"));
        assert_eq!(
            r.actor_named("Brussels").map(|a| a.name.as_str()),
            Some("European Union")
        );
        assert_eq!(
            r.actor_named("U.S.").map(|a| a.name.as_str()),
            Some("United States")
        );
        assert_eq!(
            r.actor_named("Guaidó").map(|a| a.name.as_str()),
            Some("Juan Guaido")
        );
    }
}

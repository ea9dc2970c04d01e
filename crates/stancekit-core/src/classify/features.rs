//! Feature extraction for the stance classifier: hashed, fixed-memory sparse features of one
//! (sentence, target span) pair.
//!
//! The classifier tokenizes with its own small, frozen tokenizer (not [`crate::Tokenizer`]) so that
//! a saved model keeps meaning the same thing when the package's tokenizer evolves.
//!
//! Feature families (each can be switched off in [`super::ClassifierConfig`]):
//! - `w:` / `bi:` / `tri:` sentence word n-grams, the target replaced by `<T>`; words in a negation
//!   scope also give `nw:` features;
//! - `c:` character n-grams of the words (target words excluded);
//! - `L1:`, `R2:`, `Lw:`, `Rbi:` ... words and bigrams at a given distance / side of the target;
//! - `lex*:` VADER valences: sentence sums, polarity by side and distance to the target, the
//!   nearest polar word, negation;
//! - `t:` target words, `tpos:` where the target sits in the sentence, `tq:` inside quotes.

use super::lexicon;
use super::ClassifierConfig;
use crate::Span;
use std::collections::HashSet;

/// One token of the classifier's tokenizer.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok {
    /// Byte range of the lower-cased form in [`Tokens::norm`].
    pub norm: (u32, u32),
    /// Byte span in the original text.
    pub span: Span,
    /// A word or number (not punctuation).
    pub word: bool,
}

/// Tokens of one text with their lower-cased forms in one buffer.
#[derive(Default, Debug)]
pub(crate) struct Tokens {
    pub norm: String,
    pub toks: Vec<Tok>,
}

impl Tokens {
    pub fn form(&self, i: usize) -> &str {
        let (a, b) = self.toks[i].norm;
        &self.norm[a as usize..b as usize]
    }

    fn push_norm(&mut self, text: &str, span: Span, word: bool) {
        let start = self.norm.len();
        let piece = &text[span.start..span.end];
        if piece.is_ascii() && !piece.contains('`') {
            self.norm.push_str(piece);
            self.norm[start..].make_ascii_lowercase();
            self.toks.push(Tok {
                norm: (start as u32, self.norm.len() as u32),
                span,
                word,
            });
            return;
        }
        for c in piece.chars() {
            match c {
                '\u{2019}' | '\u{2018}' | '`' => self.norm.push('\''),
                c if c.is_ascii() => self.norm.push(c.to_ascii_lowercase()),
                c => self.norm.extend(c.to_lowercase()),
            }
        }
        self.toks.push(Tok {
            norm: (start as u32, self.norm.len() as u32),
            span,
            word,
        });
    }

    /// Tokenizes `text`: runs of letters/digits (with inner apostrophes and hyphens) are words; a
    /// final `'s` is split off; every other non-space character is a punctuation token, quotes
    /// folded to `"`.
    pub fn fill(&mut self, text: &str) {
        self.norm.clear();
        self.toks.clear();
        let mut iter = text.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            if c.is_alphanumeric() {
                let mut end = i + c.len_utf8();
                while let Some(&(j, d)) = iter.peek() {
                    if d.is_alphanumeric() {
                        end = j + d.len_utf8();
                        iter.next();
                    } else if matches!(d, '\'' | '\u{2019}' | '-') {
                        // Inner apostrophe/hyphen: keep only when a letter or digit follows.
                        let next = text[j + d.len_utf8()..].chars().next();
                        if next.is_some_and(char::is_alphanumeric) {
                            end = j + d.len_utf8();
                            iter.next();
                        } else {
                            break;
                        }
                    } else {
                        break;
                    }
                }
                // Split a possessive/clitic 's: "Trump's" -> "Trump" "'s".
                let word = &text[i..end];
                let split = if word.len() > 3 {
                    let lower_tail = word
                        .get(word.len() - 2..)
                        .filter(|t| t.eq_ignore_ascii_case("'s"))
                        .map(|_| 2)
                        .or_else(|| {
                            word.get(word.len() - 4..)
                                .filter(|t| *t == "\u{2019}s" || *t == "\u{2019}S")
                                .map(|_| 4)
                        });
                    lower_tail
                } else {
                    None
                };
                match split {
                    Some(n) => {
                        self.push_norm(text, Span::new(i, end - n), true);
                        self.push_norm(text, Span::new(end - n, end), true);
                    }
                    None => self.push_norm(text, Span::new(i, end), true),
                }
            } else if !c.is_whitespace() && !c.is_control() {
                let span = Span::new(i, i + c.len_utf8());
                let start = self.norm.len();
                match c {
                    '"' | '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{ab}' | '\u{bb}' => {
                        self.norm.push('"');
                    }
                    '\u{2018}' | '\u{2019}' | '`' => self.norm.push('\''),
                    _ => self.norm.push(c),
                }
                self.toks.push(Tok {
                    norm: (start as u32, self.norm.len() as u32),
                    span,
                    word: false,
                });
            }
        }
    }
}

/// The classifier's negation words, read once from the one list of negators every stage reads
/// (`resources/stance/v2/negation.txt`): the words that open a scope (the clause negators,
/// kinds `advmod`, `det`, `cc`, `case`), the verbs that do in any inflection (kind `verb`:
/// `lack`, `lacks`, `lacked`), and the words that end one (kind `ends`: `but`). Saved models
/// depend on this list: a change alters their `neg:` features.
#[allow(clippy::type_complexity)]
fn negation_words() -> &'static (HashSet<&'static str>, HashSet<String>, HashSet<&'static str>) {
    static WORDS: std::sync::OnceLock<(HashSet<&'static str>, HashSet<String>, HashSet<&'static str>)> =
        std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        let mut words = (HashSet::new(), HashSet::new(), HashSet::new());
        for (_, line) in crate::resource::data_lines(include_str!("../../resources/stance/v2/negation.txt")) {
            let Some((w, kinds)) = line.split_once('\t') else {
                continue;
            };
            for kind in kinds.split(',') {
                match kind.trim() {
                    k if crate::stance_v2::CLAUSE_NEGATOR_KINDS.contains(&k) => words.0.insert(w),
                    // In every written form (`lack`, `lacks`, `lacked`, `lacking`).
                    "verb" => {
                        for form in crate::stance::resources::inflect(w) {
                            words.1.insert(form);
                        }
                        true
                    }
                    "ends" => words.2.insert(w),
                    _ => false,
                };
            }
        }
        words
    })
}

/// Words that open a negation scope: a negator, a word ending in a negating clitic of the list
/// (`isn't`, which this tokenizer keeps whole, ends in `n't`), or a negating verb.
fn is_negator(w: &str) -> bool {
    // (The negators written as clitics, found once.)
    static CLITICS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    let (words, verb_forms, _) = negation_words();
    let clitics = CLITICS.get_or_init(|| words.iter().copied().filter(|n| n.contains('\'')).collect());
    words.contains(w) || clitics.iter().any(|n| w.ends_with(n)) || verb_forms.contains(w)
}

/// Punctuation and words that end a negation scope.
fn ends_scope(w: &str) -> bool {
    matches!(w, "." | "," | ";" | ":" | "!" | "?" | "\"" | "(" | ")")
        || negation_words().2.contains(w)
        || w == "\u{2014}"
        || w == "\u{2013}"
}

/// A fixed, platform-independent hash (saved models depend on it): 8 bytes at a time,
/// rotate-xor-multiply, then a splitmix64 finalizer so the low bits used as index are well mixed.
#[derive(Clone, Copy)]
struct Fnv(u64);

impl Fnv {
    const K: u64 = 0x517c_c1b7_2722_0a95;

    const fn new(salt: u64) -> Self {
        Self(0xcbf2_9ce4_8422_2325 ^ salt.wrapping_mul(0x9e37_79b9_7f4a_7c15))
    }
    #[inline]
    fn word(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(Self::K);
    }
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.word(u64::from_le_bytes([
                c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7],
            ]));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut buf = [0u8; 8];
            buf[..rest.len()].copy_from_slice(rest);
            // The length marks the tail so "ab" and "ab\0" differ.
            self.word(u64::from_le_bytes(buf) ^ ((rest.len() as u64) << 59));
        }
    }
    #[inline]
    fn finish(self) -> u64 {
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

/// Sparse features of one example: hashed indices and values; names when explaining.
#[derive(Default, Debug, Clone)]
pub struct FeatureVec {
    /// Hashed feature indices (may repeat).
    pub idx: Vec<u32>,
    /// Feature values, parallel to `idx`.
    pub val: Vec<f32>,
    /// Human-readable names, parallel to `idx` (only when asked for).
    pub names: Option<Vec<String>>,
}

impl FeatureVec {
    fn clear(&mut self) {
        self.idx.clear();
        self.val.clear();
        if let Some(n) = &mut self.names {
            n.clear();
        }
    }

    /// Scales the values from position `from` on so their squared sum is `norm²`.
    fn normalize_from(&mut self, from: usize, norm: f32) {
        let block = &mut self.val[from..];
        let sq: f32 = block.iter().map(|v| v * v).sum();
        if sq > 0.0 {
            let s = norm / sq.sqrt();
            block.iter_mut().for_each(|v| *v *= s);
        }
    }
}

/// Emits features into a [`FeatureVec`], hashing `prefix` + parts.
struct Emit<'a> {
    out: &'a mut FeatureVec,
    mask: u64,
    salt: u64,
}

/// Hash of one feature part (a word, a label); features combine these.
#[inline]
pub(crate) fn hash_str(part: &str) -> u64 {
    let mut h = Fnv::new(0);
    h.write(part.as_bytes());
    h.0
}

impl Emit<'_> {
    #[inline]
    fn add(&mut self, prefix: &str, parts: &[&str], value: f32) {
        let mut hs = [0u64; 3];
        for (h, p) in hs.iter_mut().zip(parts) {
            *h = hash_str(p);
        }
        let n = parts.len().min(3);
        self.addh(prefix, &hs[..n], value, || parts.join(" "));
    }

    /// Adds a feature from pre-hashed parts ([`hash_str`]); `name` renders the parts when
    /// names are collected.
    #[inline]
    fn addh(&mut self, prefix: &str, parts: &[u64], value: f32, name: impl FnOnce() -> String) {
        let mut h = Fnv::new(self.salt);
        h.write(prefix.as_bytes());
        h.word(0xfe);
        for &p in parts {
            h.word(p);
        }
        self.out.idx.push((h.finish() & self.mask) as u32);
        self.out.val.push(value);
        if let Some(names) = &mut self.out.names {
            names.push(format!("{prefix}{}", name()));
        }
    }

    #[inline]
    fn add_bytes(&mut self, prefix: &str, bytes: &[u8], value: f32) {
        let mut h = Fnv::new(self.salt);
        h.write(prefix.as_bytes());
        h.word(0xfe);
        h.write(bytes);
        self.out.idx.push((h.finish() & self.mask) as u32);
        self.out.val.push(value);
        if let Some(names) = &mut self.out.names {
            names.push(format!("{prefix}{}", String::from_utf8_lossy(bytes)));
        }
    }
}

const TARGET: &str = "<T>";

fn dist_bucket(d: usize) -> &'static str {
    match d {
        0..=1 => "1",
        2 => "2",
        3..=4 => "3-4",
        5..=7 => "5-7",
        8..=12 => "8-12",
        _ => "13+",
    }
}

/// Reusable buffers for feature extraction.
#[derive(Default)]
pub(crate) struct Scratch {
    tokens: Tokens,
    /// Form of each token with the target tokens merged into one `<T>` (indices into `tokens`, or
    /// `usize::MAX` for the target).
    seq: Vec<usize>,
    negated: Vec<bool>,
    bytes: Vec<u8>,
    /// Hash of each `seq` form.
    th: Vec<u64>,
    /// With `collect_chars`: the tokens whose character n-grams were not emitted.
    pub chars: Vec<(usize, u64)>,
    /// With `collect_chars`: the value each of their n-grams would have had.
    pub char_scale: f32,
}

impl Scratch {
    /// The lower-cased form of token `k` of the last extracted text.
    pub fn form(&self, k: usize) -> &str {
        self.tokens.form(k)
    }
}

/// Number of character n-grams of `word` (with its `<`, `>` boundary marks).
fn char_ngram_count(cfg: &ClassifierConfig, word: &str) -> usize {
    let len = if word.is_ascii() {
        word.len()
    } else {
        word.chars().count()
    } + 2;
    (cfg.char_ngrams.0 as usize..=cfg.char_ngrams.1 as usize)
        .map(|n| (len + 1).saturating_sub(n))
        .sum()
}

/// Calls `f` with each character n-gram of `word` (boundaries marked `<`, `>`).
fn for_each_char_ngram(cfg: &ClassifierConfig, w: &str, bytes: &mut Vec<u8>, mut f: impl FnMut(&[u8])) {
    let (lo, hi) = (cfg.char_ngrams.0 as usize, cfg.char_ngrams.1 as usize);
    bytes.clear();
    bytes.push(b'<');
    bytes.extend_from_slice(w.as_bytes());
    bytes.push(b'>');
    if w.is_ascii() {
        let len = bytes.len();
        for nlen in lo..=hi.min(len) {
            for s in 0..=len - nlen {
                f(&bytes[s..s + nlen]);
            }
        }
    } else {
        let marks: Vec<usize> = (0..bytes.len())
            .filter(|&b| (bytes[b] as i8) >= -0x40)
            .chain(std::iter::once(bytes.len()))
            .collect();
        let nchars = marks.len() - 1;
        for nlen in lo..=hi.min(nchars) {
            for s in 0..=nchars - nlen {
                f(&bytes[marks[s]..marks[s + nlen]]);
            }
        }
    }
}

/// Hashed indices of the character n-grams of `word`, as [`extract`] would emit them.
pub(crate) fn char_ngram_indices(
    cfg: &ClassifierConfig,
    word: &str,
    bytes: &mut Vec<u8>,
    out: &mut Vec<u32>,
) {
    let mut fv = FeatureVec::default();
    let mut e = Emit {
        out: &mut fv,
        mask: (1u64 << cfg.n_features_log2) - 1,
        salt: cfg.seed,
    };
    for_each_char_ngram(cfg, word, bytes, |g| e.add_bytes("c:", g, 1.0));
    out.extend_from_slice(&fv.idx);
}

/// Extracts the features of `(text, target)` into `out` (cleared first).
///
/// With `collect_chars`, character n-grams are not emitted: the words they come from are left in
/// `scratch.chars` and their common value in `scratch.char_scale` (the model then adds cached
/// per-word sums, which is much faster).
pub(crate) fn extract(
    cfg: &ClassifierConfig,
    text: &str,
    target: Span,
    scratch: &mut Scratch,
    out: &mut FeatureVec,
    collect_chars: bool,
) {
    out.clear();
    let mut e = Emit {
        out,
        mask: (1u64 << cfg.n_features_log2) - 1,
        salt: cfg.seed,
    };
    let Scratch {
        tokens,
        seq,
        negated,
        bytes,
        th,
        chars: scratch_chars,
        char_scale,
    } = scratch;
    tokens.fill(text);
    let n = tokens.toks.len();

    // Target tokens: those overlapping the target span (or, for an empty span, none).
    let mut t_first = usize::MAX;
    let mut t_last = 0usize;
    for (i, t) in tokens.toks.iter().enumerate() {
        if t.span.start < target.end && t.span.end > target.start {
            t_first = t_first.min(i);
            t_last = i;
        }
    }
    let has_target = t_first != usize::MAX;
    if !has_target {
        // Insert a virtual target position at the first token starting at/after the span.
        t_first = tokens
            .toks
            .iter()
            .position(|t| t.span.start >= target.start)
            .unwrap_or(n);
        t_last = t_first;
    }

    // Sequence with the target collapsed to one `<T>` slot.
    seq.clear();
    seq.extend(0..t_first.min(n));
    seq.push(usize::MAX);
    let t_pos = seq.len() - 1;
    if has_target {
        seq.extend(t_last + 1..n);
    } else {
        seq.extend(t_first..n);
    }
    let form = |k: usize| -> &str {
        if k == usize::MAX {
            TARGET
        } else {
            tokens.form(k)
        }
    };

    // Negation scopes over the sequence.
    negated.clear();
    negated.resize(seq.len(), false);
    let mut scope = 0usize;
    for (p, &k) in seq.iter().enumerate() {
        let w = form(k);
        if scope > 0 {
            if ends_scope(w) {
                scope = 0;
            } else {
                negated[p] = true;
                scope -= 1;
            }
        }
        if is_negator(w) {
            scope = cfg.negation_scope;
        }
    }

    // Hash of every sequence form, computed once.
    th.clear();
    th.extend(seq.iter().map(|&k| hash_str(form(k))));
    let h_bos = hash_str("<s>");
    let h_eos = hash_str("</s>");

    // Bias.
    e.add("bias", &[], 1.0);

    // Sentence word n-grams.
    let start = e.out.val.len();
    for (p, &k) in seq.iter().enumerate() {
        let w = form(k);
        e.addh("w:", &[th[p]], 1.0, || w.to_owned());
        if negated[p] {
            e.addh("nw:", &[th[p]], 1.0, || w.to_owned());
        }
        if cfg.word_ngrams >= 2 {
            let prev = if p == 0 { h_bos } else { th[p - 1] };
            e.addh("bi:", &[prev, th[p]], 1.0, || {
                format!("{} {w}", if p == 0 { "<s>" } else { form(seq[p - 1]) })
            });
        }
        if cfg.word_ngrams >= 3 && p >= 1 {
            let prev2 = if p == 1 { h_bos } else { th[p - 2] };
            e.addh("tri:", &[prev2, th[p - 1], th[p]], 1.0, || {
                format!(
                    "{} {} {w}",
                    if p == 1 { "<s>" } else { form(seq[p - 2]) },
                    form(seq[p - 1])
                )
            });
        }
    }
    if cfg.word_ngrams >= 2 {
        let last = seq.last().map_or("<s>", |&k| form(k));
        let hl = th.last().copied().unwrap_or(h_bos);
        e.addh("bi:", &[hl, h_eos], 1.0, || format!("{last} </s>"));
    }
    e.out.normalize_from(start, cfg.block_weights[0]);

    // Character n-grams of the words (target excluded).
    scratch_chars.clear();
    *char_scale = 0.0;
    if cfg.char_ngrams.1 > 0 {
        let start = e.out.val.len();
        let mut count = 0usize;
        for (p, &k) in seq.iter().enumerate() {
            if k == usize::MAX || !tokens.toks[k].word {
                continue;
            }
            if cfg.char_scope > 0 && p.abs_diff(t_pos) > cfg.char_scope {
                continue;
            }
            let w = tokens.form(k);
            if collect_chars {
                count += char_ngram_count(cfg, w);
                scratch_chars.push((k, th[p]));
            } else {
                for_each_char_ngram(cfg, w, bytes, |g| e.add_bytes("c:", g, 1.0));
            }
        }
        if collect_chars {
            if count > 0 {
                *char_scale = cfg.block_weights[1] / (count as f32).sqrt();
            }
        } else {
            e.out.normalize_from(start, cfg.block_weights[1]);
        }
    }

    // Word prefixes and suffixes (cheap morphology).
    if cfg.affixes {
        let start = e.out.val.len();
        for &k in seq.iter() {
            if k == usize::MAX || !tokens.toks[k].word {
                continue;
            }
            let w = tokens.form(k);
            if w.len() >= 6 && w.is_ascii() {
                e.add("pre:", &[&w[..4]], 1.0);
                e.add("suf:", &[&w[w.len() - 3..]], 1.0);
            }
        }
        e.out.normalize_from(start, cfg.block_weights[1]);
    }

    // Target window.
    if cfg.window > 0 {
        let start = e.out.val.len();
        let win = cfg.window;
        const LNAMES: [&str; 3] = ["L1:", "L2:", "L3:"];
        const RNAMES: [&str; 3] = ["R1:", "R2:", "R3:"];
        for d in 1..=win {
            if d <= t_pos {
                let p = t_pos - d;
                let w = form(seq[p]);
                if d <= 3 {
                    e.addh(LNAMES[d - 1], &[th[p]], 1.0, || w.to_owned());
                }
                e.addh("Lw:", &[th[p]], 1.0, || w.to_owned());
                if negated[p] {
                    e.addh("nLw:", &[th[p]], 1.0, || w.to_owned());
                }
                if d >= 2 {
                    e.addh("Lbi:", &[th[p], th[p + 1]], 1.0, || {
                        format!("{w} {}", form(seq[p + 1]))
                    });
                }
            } else if d == t_pos + 1 {
                e.addh(LNAMES[(d - 1).min(2)], &[h_bos], 1.0, || "<s>".to_owned());
            }
            let p = t_pos + d;
            if p < seq.len() {
                let w = form(seq[p]);
                if d <= 3 {
                    e.addh(RNAMES[d - 1], &[th[p]], 1.0, || w.to_owned());
                }
                e.addh("Rw:", &[th[p]], 1.0, || w.to_owned());
                if negated[p] {
                    e.addh("nRw:", &[th[p]], 1.0, || w.to_owned());
                }
                if d >= 2 {
                    e.addh("Rbi:", &[th[p - 1], th[p]], 1.0, || {
                        format!("{} {w}", form(seq[p - 1]))
                    });
                }
            } else if p == seq.len() {
                e.addh(RNAMES[(d - 1).min(2)], &[h_eos], 1.0, || "</s>".to_owned());
            }
        }
        e.out.normalize_from(start, cfg.block_weights[2]);
    }

    // Target words and position.
    {
        let start = e.out.val.len();
        if has_target {
            for k in t_first..=t_last {
                if tokens.toks[k].word {
                    e.add("t:", &[tokens.form(k)], 1.0);
                }
            }
        }
        let first_word = seq
            .iter()
            .position(|&k| k == usize::MAX || tokens.toks[k].word)
            .unwrap_or(0);
        let rel = if seq.len() > 1 { t_pos * 4 / seq.len() } else { 0 };
        const REL: [&str; 5] = ["0", "1", "2", "3", "4"];
        e.add(
            "tpos:",
            &[if t_pos == first_word { "first" } else { "later" }],
            1.0,
        );
        e.add("tpos:q", &[REL[rel.min(4)]], 1.0);
        // Inside quotes: an odd number of quote marks before the target.
        let quotes_before = seq[..t_pos]
            .iter()
            .filter(|&&k| k != usize::MAX && tokens.form(k) == "\"")
            .count();
        let quotes_total = seq
            .iter()
            .filter(|&&k| k != usize::MAX && tokens.form(k) == "\"")
            .count();
        if quotes_before % 2 == 1 {
            e.add("tq:", &["inside"], 1.0);
        } else if quotes_total > 0 {
            e.add("tq:", &["outside"], 1.0);
        }
        e.out.normalize_from(start, cfg.block_weights[3]);
    }

    // Lexicon.
    if cfg.lexicon {
        let start = e.out.val.len();
        let (mut pos, mut neg) = (0f32, 0f32);
        let mut nearest: Option<(usize, f32)> = None;
        for (p, &k) in seq.iter().enumerate() {
            if k == usize::MAX {
                continue;
            }
            let Some(mut v) = lexicon::valence_by_hash(th[p]) else {
                continue;
            };
            if negated[p] {
                v *= -0.74;
            }
            if v > 0.0 {
                pos += v;
            } else {
                neg -= v;
            }
            let d = p.abs_diff(t_pos);
            let side = if p < t_pos { "L" } else { "R" };
            let pol = if v > 0.0 { "pos" } else { "neg" };
            let a = v.abs() / 4.0;
            e.add("lex:", &[pol, side, dist_bucket(d)], a);
            e.add("lex:", &[pol, side], a);
            e.add("lexw:", &[side, pol, tokens.form(k)], 1.0);
            if nearest.is_none_or(|(nd, _)| d < nd) {
                nearest = Some((d, v));
            }
        }
        if pos > 0.0 {
            e.add("lexsum:", &["pos"], (pos / 4.0).min(3.0));
        }
        if neg > 0.0 {
            e.add("lexsum:", &["neg"], (neg / 4.0).min(3.0));
        }
        let compound = (pos - neg) / ((pos - neg) * (pos - neg) + 15.0).sqrt();
        e.add(
            "lexcomp:",
            &[if compound >= 0.0 { "pos" } else { "neg" }],
            compound.abs(),
        );
        match nearest {
            Some((d, v)) => e.add(
                "lexnear:",
                &[if v > 0.0 { "pos" } else { "neg" }, dist_bucket(d)],
                1.0,
            ),
            None => e.add("lexnear:", &["none"], 1.0),
        }
        e.out.normalize_from(start, cfg.block_weights[4]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_split_possessive_and_fold_quotes() {
        let mut t = Tokens::default();
        t.fill("Trump’s “wall” isn't built.");
        let forms: Vec<&str> = (0..t.toks.len()).map(|i| t.form(i)).collect();
        assert_eq!(forms, ["trump", "'s", "\"", "wall", "\"", "isn't", "built", "."]);
    }

    #[test]
    fn negation_opens_scope() {
        assert!(is_negator("didn't"));
        assert!(is_negator("never"));
        assert!(!is_negator("knot"));
        // A negating verb in any inflection; `but` ends a scope.
        assert!(is_negator("lacked") && is_negator("lacks") && !is_negator("lackey"));
        assert!(ends_scope("but") && !ends_scope("not"));
    }
}

//! The syntax model and its file format.
//!
//! A model file is `STANCEKIT-MODEL\n`, a little-endian `u32` header length, a JSON header in
//! the envelope every stancekit object uses (`{"type": "SyntaxModel", "version": N, ...}`) with
//! the tag and label inventories, provenance and a table of binary sections (name, length,
//! FNV-1a checksum), then the sections. Every length, index and checksum is checked on reading,
//! so a truncated, corrupted or foreign file gives [`Error::Serialization`] (or
//! [`Error::Version`] for a newer format), never a panic.

use super::lemma::{class_of_upos, parse_known, write_known, Lemmatizer, Rule, VERB};
use super::lexicon::Lexicon;
use super::parser::ParserModel;
use super::perceptron::{SparseLinear, KEY_BITS};
use super::tagger::TaggerModel;
use crate::{Error, Result, FORMAT_VERSION};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::HashMap;

const MAGIC: &[u8; 16] = b"STANCEKIT-MODEL\n";

/// The Penn tags of inflected verb forms, whose lemma may be irregular.
const INFLECTED_VERB_TAGS: [&str; 4] = ["VBD", "VBN", "VBG", "VBZ"];

/// WordNet's irregular verb forms and their lemmas (`resources/syntax/irregular_verbs.tsv`).
fn irregular_verbs() -> &'static HashMap<&'static str, &'static str> {
    static TABLE: std::sync::OnceLock<HashMap<&'static str, &'static str>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        crate::resource::data_lines(include_str!("../../resources/syntax/irregular_verbs.tsv"))
            .filter_map(|(_, line)| line.split_once('\t'))
            .collect()
    })
}
/// The irregular forms (WordNet's) of verb `lemma`: `said` for `say`. For word lists written
/// by lemma and matched by form without a parse (the rules stance engine's).
pub(crate) fn irregular_forms_of(lemma: &str) -> impl Iterator<Item = &'static str> + '_ {
    irregular_verbs()
        .iter()
        .filter(move |(_, l)| **l == lemma)
        .map(|(form, _)| *form)
}

const TYPE: &str = "SyntaxModel";

/// The version of the tagger's and the parser's feature templates (`tagger::features`,
/// `parser::features`), recorded in a model's `meta.feature_set` when it is trained. Bump it
/// whenever a template changes: a model trained with other templates reads without error but
/// scores the wrong features, so it is refused instead. A model that records none has set 1.
pub(crate) const FEATURE_SET: u64 = 1;

/// A trained tagger, lemmatizer and parser with their inventories.
#[derive(Clone, Debug)]
pub struct SyntaxModel {
    pub(crate) upos: Vec<String>,
    pub(crate) xpos: Vec<String>,
    /// For each tag class, its (UPOS, XPOS) indices.
    pub(crate) tags: Vec<(u16, u16)>,
    pub(crate) labels: Vec<String>,
    pub(crate) tagger: TaggerModel,
    pub(crate) lemmatizer: Lemmatizer,
    pub(crate) parser: ParserModel,
    pub(crate) lexicon: Lexicon,
    /// Per tag class: is it punctuation (UPOS `PUNCT`)?
    pub(crate) punct_tags: Vec<bool>,
    /// Per tag class: its UPOS index.
    pub(crate) tag_upos: Vec<u16>,
    pub(crate) meta: serde_json::Value,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Header {
    #[serde(rename = "type")]
    kind: String,
    version: u64,
    upos: Vec<String>,
    xpos: Vec<String>,
    tags: Vec<(u16, u16)>,
    labels: Vec<String>,
    root_label: u8,
    meta: serde_json::Value,
    sections: Vec<SectionInfo>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SectionInfo {
    name: String,
    len: u64,
    fnv1a: String,
}

fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

fn corrupt(message: impl Into<String>) -> Error {
    Error::Serialization {
        what: TYPE.to_owned(),
        message: message.into(),
    }
}

impl SyntaxModel {
    /// The UPOS name of a tag class (`"X"` for an unknown class).
    #[must_use]
    pub fn upos_name(&self, tag: u16) -> &str {
        self.tags
            .get(tag as usize)
            .map_or("X", |&(u, _)| self.upos[u as usize].as_str())
    }

    /// The XPOS name of a tag class (`"_"` for an unknown class).
    #[must_use]
    pub fn xpos_name(&self, tag: u16) -> &str {
        self.tags
            .get(tag as usize)
            .map_or("_", |&(_, x)| self.xpos[x as usize].as_str())
    }

    /// The name of a dependency label (`"dep"` for an unknown id).
    #[must_use]
    pub fn label_name(&self, label: u8) -> &str {
        self.labels.get(label as usize).map_or("dep", String::as_str)
    }

    /// The id of a label name.
    #[must_use]
    pub fn label_id(&self, name: &str) -> Option<u8> {
        self.labels.iter().position(|l| l == name).map(|i| i as u8)
    }

    /// The id of the root label.
    #[must_use]
    pub fn root_label(&self) -> u8 {
        self.parser.root_label
    }

    /// All tag classes as (UPOS, XPOS) names.
    #[must_use]
    pub fn tag_names(&self) -> Vec<(&str, &str)> {
        (0..self.tags.len() as u16)
            .map(|t| (self.upos_name(t), self.xpos_name(t)))
            .collect()
    }

    /// The (UPOS, XPOS) indices of a tag class, into [`SyntaxModel::upos_names`] and
    /// [`SyntaxModel::xpos_names`].
    #[must_use]
    pub fn tag_indices(&self, tag: u16) -> (u16, u16) {
        self.tags.get(tag as usize).copied().unwrap_or((0, 0))
    }

    /// Every UPOS name.
    #[must_use]
    pub fn upos_names(&self) -> &[String] {
        &self.upos
    }

    /// Every XPOS name.
    #[must_use]
    pub fn xpos_names(&self) -> &[String] {
        &self.xpos
    }

    /// All dependency labels, by id.
    #[must_use]
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// The word-cluster table (`word<TAB>cluster` lines) the model was trained with.
    #[must_use]
    pub fn clusters(&self) -> &str {
        &self.lexicon.source
    }

    /// Provenance and training settings.
    #[must_use]
    pub fn meta(&self) -> &serde_json::Value {
        &self.meta
    }

    /// Whether a tag class is punctuation.
    #[must_use]
    pub(crate) fn is_punct(&self, tag: u16) -> bool {
        self.punct_tags.get(tag as usize).copied().unwrap_or(false)
    }

    /// The lemma of `form` with tag class `tag`.
    ///
    /// An inflected verb form the treebank taught no lemma for takes WordNet's when WordNet
    /// lists it as irregular (`fled` -> `flee`, `upheld` -> `uphold`), before the suffix rules,
    /// which would guess (`fl`); and a regular form with a short stem that did not double its
    /// consonant is of the stem with a silent `e` (`fined` -> `fine`, not `fin`: see
    /// `Lemmatizer::undoubled`). Training reads the learned lemmatizer alone, so the shipped
    /// model stays reproducible; the forms these add are ones training never met.
    #[must_use]
    pub fn lemma<'a>(&self, form: &'a str, tag: u16) -> Cow<'a, str> {
        let group = self.tags.get(tag as usize).map_or(0, |&(_, x)| x);
        let class = class_of_upos(self.upos_name(tag));
        if class == VERB
            && INFLECTED_VERB_TAGS.contains(&self.xpos_name(tag))
            && self.lemmatizer.taught(form, tag).is_none()
        {
            if let Some(lemma) = irregular_verbs().get(form.to_lowercase().as_str()) {
                return Cow::Borrowed(lemma);
            }
            let lemma = self.lemmatizer.lemma(form, tag, group, class).into_owned();
            return Cow::Owned(self.lemmatizer.undoubled(&form.to_lowercase(), lemma, class));
        }
        self.lemmatizer.lemma(form, tag, group, class)
    }

    /// Every lower-case form the lemma of which [`SyntaxModel::lemma`] can give as one of
    /// `lemmas` (see `Lemmatizer::forms_of`), the irregular verb forms included.
    pub(crate) fn forms_of(
        &self,
        lemmas: &std::collections::HashSet<&str>,
    ) -> std::collections::HashSet<String> {
        let mut out = self.lemmatizer.forms_of(lemmas);
        out.extend(
            irregular_verbs()
                .iter()
                .filter(|(_, lemma)| lemmas.contains(*lemma))
                .map(|(form, _)| (*form).to_owned()),
        );
        out
    }

    /// The known lemmas (`lemma<TAB>letters` lines) the lemmatizer checks its rules against.
    #[must_use]
    pub fn known_lemmas(&self) -> String {
        write_known(&self.lemmatizer.known)
    }

    /// Sizes, for reports: (tagger features, tagger weights, parser features, parser weights).
    #[must_use]
    pub fn sizes(&self) -> [usize; 4] {
        [
            self.tagger.first.n_features() + self.tagger.second.as_ref().map_or(0, SparseLinear::n_features),
            self.tagger.first.n_weights() + self.tagger.second.as_ref().map_or(0, SparseLinear::n_weights),
            self.parser.weights.n_features(),
            self.parser.weights.n_weights(),
        ]
    }

    /// A copy without the tagger and parser weights of magnitude below the given thresholds
    /// (quantized units; the largest weight is 32767): a smaller, faster, slightly less accurate
    /// model.
    #[must_use]
    pub fn pruned(&self, tagger_min: i16, parser_min: i16) -> Self {
        let mut out = self.clone();
        out.tagger.first = self.tagger.first.pruned(tagger_min);
        out.tagger.second = self.tagger.second.as_ref().map(|s| s.pruned(tagger_min));
        out.parser.weights = self.parser.weights.pruned(parser_min);
        out
    }

    /// A copy with 8-bit weights (one scale per row): to measure what such a file would cost.
    #[doc(hidden)]
    #[must_use]
    pub fn coarse(&self) -> Self {
        let mut out = self.clone();
        out.tagger.first = self.tagger.first.coarse();
        out.tagger.second = self.tagger.second.as_ref().map(SparseLinear::coarse);
        out.parser.weights = self.parser.weights.coarse();
        out
    }

    /// Writes the model file.
    #[must_use]
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut sections: Vec<(&str, Vec<u8>)> = vec![
            ("tagger.first", write_linear(&self.tagger.first)),
            ("parser.weights", write_linear(&self.parser.weights)),
            ("lemma.exceptions", write_exceptions(&self.lemmatizer)),
            ("lemma.rules", write_rules(&self.lemmatizer)),
            ("lemma.known", write_known(&self.lemmatizer.known).into_bytes()),
            ("lexicon.clusters", self.lexicon.source.clone().into_bytes()),
        ];
        if let Some(second) = &self.tagger.second {
            sections.push(("tagger.second", write_linear(second)));
        }
        let header = Header {
            kind: TYPE.to_owned(),
            version: u64::from(FORMAT_VERSION),
            upos: self.upos.clone(),
            xpos: self.xpos.clone(),
            tags: self.tags.clone(),
            labels: self.labels.clone(),
            root_label: self.parser.root_label,
            meta: self.meta.clone(),
            sections: sections
                .iter()
                .map(|(name, bytes)| SectionInfo {
                    name: (*name).to_owned(),
                    len: bytes.len() as u64,
                    fnv1a: format!("{:016x}", fnv1a(bytes)),
                })
                .collect(),
        };
        let header = serde_json::to_vec(&header).expect("the header serializes");
        let mut out =
            Vec::with_capacity(16 + 4 + header.len() + sections.iter().map(|s| s.1.len()).sum::<usize>());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(header.len() as u32).to_le_bytes());
        out.extend_from_slice(&header);
        for (_, bytes) in &sections {
            out.extend_from_slice(bytes);
        }
        out
    }

    /// Reads a model file written by [`SyntaxModel::to_bytes`].
    ///
    /// # Errors
    /// [`Error::Serialization`] for anything that is not an intact model file,
    /// [`Error::Version`] for one written by a newer format.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        Self::decode(bytes, true)
    }

    /// The word clusters and known lemmas of a model file (see [`SyntaxModel::clusters`] and
    /// [`SyntaxModel::known_lemmas`]), the inputs a new model is trained with, also from a
    /// model of another feature set: they do not depend on the feature templates, and a
    /// change of templates must be trainable from the built-in model's lexicons.
    ///
    /// # Errors
    /// As [`SyntaxModel::from_bytes`], except that any feature set is accepted.
    pub fn training_lexicons(bytes: &[u8]) -> Result<(String, String)> {
        let model = Self::decode(bytes, false)?;
        Ok((model.clusters().to_owned(), model.known_lemmas()))
    }

    fn decode(bytes: &[u8], check_features: bool) -> Result<Self> {
        if bytes.len() < 20 || &bytes[..16] != MAGIC {
            return Err(corrupt("not a stancekit model file (bad magic bytes)"));
        }
        let header_len = u32::from_le_bytes([bytes[16], bytes[17], bytes[18], bytes[19]]) as usize;
        let header_bytes = bytes
            .get(20..20usize.saturating_add(header_len))
            .ok_or_else(|| corrupt("the file is truncated (header)"))?;
        let value: serde_json::Value =
            serde_json::from_slice(header_bytes).map_err(|e| corrupt(format!("header: {e}")))?;
        let version = value.get("version").and_then(serde_json::Value::as_u64);
        if value.get("type").and_then(serde_json::Value::as_str) != Some(TYPE) {
            return Err(corrupt(format!("header \"type\" is not {TYPE:?}")));
        }
        match version {
            Some(v) if v > u64::from(FORMAT_VERSION) => {
                return Err(Error::Version {
                    what: TYPE.to_owned(),
                    found: v,
                    supported: FORMAT_VERSION,
                })
            }
            Some(v) if v >= 1 => {}
            _ => return Err(corrupt("header has no valid \"version\"")),
        }
        let header: Header = serde_json::from_value(value).map_err(|e| corrupt(format!("header: {e}")))?;
        match header
            .meta
            .get("feature_set")
            .map_or(Some(1), serde_json::Value::as_u64)
        {
            Some(_) if !check_features => {}
            Some(FEATURE_SET) => {}
            Some(found) if found > FEATURE_SET => {
                return Err(Error::Version {
                    what: format!("{TYPE} feature set"),
                    found,
                    supported: u32::try_from(FEATURE_SET).unwrap_or(u32::MAX),
                })
            }
            Some(found) => {
                return Err(corrupt(format!(
                    "trained with feature set {found}, which this stancekit no longer computes \
                     (it computes set {FEATURE_SET}): retrain the model"
                )))
            }
            None => return Err(corrupt("meta \"feature_set\" is not a number")),
        }
        let mut sections: HashMap<&str, &[u8]> = HashMap::new();
        let mut at = 20 + header_len;
        for s in &header.sections {
            let len = usize::try_from(s.len).map_err(|_| corrupt("section too long"))?;
            let data = bytes
                .get(at..at.saturating_add(len))
                .ok_or_else(|| corrupt(format!("the file is truncated (section {})", s.name)))?;
            if format!("{:016x}", fnv1a(data)) != s.fnv1a {
                return Err(corrupt(format!(
                    "checksum mismatch in section {} (corrupted file)",
                    s.name
                )));
            }
            sections.insert(s.name.as_str(), data);
            at += len;
        }
        if at != bytes.len() {
            return Err(corrupt("trailing bytes after the last section"));
        }
        let section = |name: &str| {
            sections
                .get(name)
                .copied()
                .ok_or_else(|| corrupt(format!("missing section {name}")))
        };
        let n_tags = header.tags.len();
        let n_labels = header.labels.len();
        if n_tags == 0 || n_tags > usize::from(u16::MAX) || n_labels == 0 || n_labels > 127 {
            return Err(corrupt("tag or label inventory is empty or too large"));
        }
        if header
            .tags
            .iter()
            .any(|&(u, x)| u as usize >= header.upos.len() || x as usize >= header.xpos.len())
        {
            return Err(corrupt("a tag refers to an unknown UPOS or XPOS"));
        }
        if header.root_label as usize >= n_labels {
            return Err(corrupt("root label out of range"));
        }
        let first = read_linear(section("tagger.first")?, "tagger.first")?;
        let second = match sections.get("tagger.second") {
            Some(data) => Some(read_linear(data, "tagger.second")?),
            None => None,
        };
        if first.n_classes() != n_tags || second.as_ref().is_some_and(|s| s.n_classes() != n_tags) {
            return Err(corrupt("tagger classes do not match the tag inventory"));
        }
        let parser_weights = read_linear(section("parser.weights")?, "parser.weights")?;
        if parser_weights.n_classes() != 1 + 2 * n_labels {
            return Err(corrupt("parser classes do not match the label inventory"));
        }
        let exceptions = read_exceptions(section("lemma.exceptions")?, n_tags)?;
        let rules = read_rules(section("lemma.rules")?)?;
        let known = parse_known(text_section(section("lemma.known")?, "lemma.known")?)
            .map_err(|e| corrupt(e.to_string()))?;
        let lexicon = Lexicon::parse(text_section(section("lexicon.clusters")?, "lexicon.clusters")?)
            .map_err(|e| corrupt(e.to_string()))?;
        let punct_tags = punct_tags(&header.upos, &header.tags);
        Ok(Self {
            punct_tags,
            tag_upos: header.tags.iter().map(|&(u, _)| u).collect(),
            upos: header.upos,
            xpos: header.xpos,
            tags: header.tags,
            labels: header.labels,
            tagger: TaggerModel { first, second },
            lemmatizer: Lemmatizer {
                exceptions,
                rules,
                known,
            },
            parser: ParserModel {
                weights: parser_weights,
                n_labels,
                root_label: header.root_label,
            },
            lexicon,
            meta: header.meta,
        })
    }
}

/// Which tag classes are punctuation (UPOS `PUNCT`).
pub(crate) fn punct_tags(upos: &[String], tags: &[(u16, u16)]) -> Vec<bool> {
    tags.iter()
        .map(|&(u, _)| upos.get(u as usize).is_some_and(|u| u == "PUNCT"))
        .collect()
}

/// A little-endian reader over a section that fails instead of panicking.
struct Reader<'a> {
    data: &'a [u8],
    at: usize,
    name: &'a str,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8]> {
        let out = self
            .data
            .get(self.at..self.at.saturating_add(n))
            .ok_or_else(|| corrupt(format!("section {} is truncated", self.name)))?;
        self.at += n;
        Ok(out)
    }
    fn u16(&mut self) -> Result<u16> {
        let b = self.take(2)?;
        Ok(u16::from_le_bytes([b[0], b[1]]))
    }
    fn u32(&mut self) -> Result<u32> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn varint(&mut self) -> Result<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.take(1)?[0];
            v |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Ok(v);
            }
        }
        Err(corrupt(format!("section {}: a number is too long", self.name)))
    }
    fn done(&self) -> Result<()> {
        if self.at == self.data.len() {
            Ok(())
        } else {
            Err(corrupt(format!("section {} has trailing bytes", self.name)))
        }
    }
}

/// Appends `v` as LEB128 (7 bits a byte, low first).
fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// A linear model's section: class count and scale, then per row (rows sorted by short key)
/// the key's difference from the previous one and the row's length (LEB128), then per row its
/// largest weight magnitude (`u16`) and its entries as `(class u8 or u16, weight i8)` relative to
/// that magnitude: 8 bits a weight cost nothing measurable (see `SparseLinear::coarse`).
fn write_linear(model: &SparseLinear) -> Vec<u8> {
    let rows = model.rows();
    let wide = model.n_classes() > 256;
    let mut out = Vec::new();
    out.extend_from_slice(&(model.n_classes() as u32).to_le_bytes());
    out.extend_from_slice(&model.scale().to_le_bytes());
    out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
    let mut last = 0u64;
    for (key, row) in &rows {
        put_varint(&mut out, key - last);
        put_varint(&mut out, row.len() as u64);
        last = *key;
    }
    for (_, row) in &rows {
        let max = row
            .iter()
            .map(|&(_, w)| w.unsigned_abs())
            .max()
            .unwrap_or(1)
            .max(1);
        out.extend_from_slice(&max.to_le_bytes());
        for &(class, w) in row {
            if wide {
                out.extend_from_slice(&class.to_le_bytes());
            } else {
                out.push(class as u8);
            }
            let q = (f64::from(w) * 127.0 / f64::from(max)).round() as i8;
            out.push(q as u8);
        }
    }
    out
}

fn read_linear(data: &[u8], name: &str) -> Result<SparseLinear> {
    let mut r = Reader { data, at: 0, name };
    let n_classes = r.u32()? as usize;
    let scale = f32::from_bits(r.u32()?);
    if !scale.is_finite() || scale <= 0.0 || n_classes == 0 || n_classes > usize::from(u16::MAX) {
        return Err(corrupt(format!("section {name}: bad scale or class count")));
    }
    let wide = n_classes > 256;
    let n_rows = r.u32()? as usize;
    if n_rows > data.len() / 4 {
        return Err(corrupt(format!("section {name}: row count exceeds the data")));
    }
    let mut heads = Vec::with_capacity(n_rows);
    let mut key = 0u64;
    for i in 0..n_rows {
        let delta = r.varint()?;
        let len = r.varint()?;
        if (delta == 0 && i > 0) || len == 0 || len > n_classes as u64 {
            return Err(corrupt(format!(
                "section {name}: rows not sorted, empty or too long"
            )));
        }
        key = key
            .checked_add(delta)
            .filter(|&k| k < 1 << KEY_BITS)
            .ok_or_else(|| corrupt(format!("section {name}: key out of range")))?;
        heads.push((key, len as usize));
    }
    let mut rows = Vec::with_capacity(n_rows);
    for (key, len) in heads {
        let max = f64::from(r.u16()?);
        let mut row = Vec::with_capacity(len);
        for _ in 0..len {
            let class = if wide { r.u16()? } else { u16::from(r.take(1)?[0]) };
            let q = r.take(1)?[0] as i8;
            if class as usize >= n_classes {
                return Err(corrupt(format!("section {name}: class out of range")));
            }
            row.push((class, (f64::from(q) * max / 127.0).round() as i16));
        }
        rows.push((key, row));
    }
    r.done()?;
    Ok(SparseLinear::from_short_rows(n_classes, scale, rows))
}

fn text_section<'a>(data: &'a [u8], name: &str) -> Result<&'a str> {
    std::str::from_utf8(data).map_err(|_| corrupt(format!("section {name} is not UTF-8")))
}

fn write_exceptions(l: &Lemmatizer) -> Vec<u8> {
    let mut rows: Vec<String> = l
        .exceptions
        .iter()
        .flat_map(|(form, list)| {
            list.iter()
                .map(move |(tag, lemma)| format!("{form}\t{tag}\t{lemma}\n"))
        })
        .collect();
    rows.sort_unstable();
    rows.concat().into_bytes()
}

fn read_exceptions(data: &[u8], n_tags: usize) -> Result<HashMap<String, Vec<(u16, String)>>> {
    let mut out: HashMap<String, Vec<(u16, String)>> = HashMap::new();
    for line in text_section(data, "lemma.exceptions")?.lines() {
        let mut cols = line.split('\t');
        let (Some(form), Some(tag), Some(lemma), None) = (cols.next(), cols.next(), cols.next(), cols.next())
        else {
            return Err(corrupt(format!("lemma.exceptions: bad line {line:?}")));
        };
        let tag: u16 = tag
            .parse()
            .ok()
            .filter(|&t: &u16| (t as usize) < n_tags)
            .ok_or_else(|| corrupt(format!("lemma.exceptions: bad tag in {line:?}")))?;
        out.entry(form.to_owned())
            .or_default()
            .push((tag, lemma.to_owned()));
    }
    Ok(out)
}

fn write_rules(l: &Lemmatizer) -> Vec<u8> {
    let mut rows: Vec<String> = l
        .rules
        .iter()
        .flat_map(|((group, suffix), rules)| {
            rules.iter().enumerate().map(move |(rank, r)| {
                format!(
                    "{group}\t{suffix}\t{rank}\t{}\t{}\t{}\n",
                    u8::from(r.lower),
                    r.strip,
                    r.append
                )
            })
        })
        .collect();
    rows.sort_unstable();
    rows.concat().into_bytes()
}

fn read_rules(data: &[u8]) -> Result<HashMap<(u16, String), Vec<Rule>>> {
    let mut ranked: HashMap<(u16, String), Vec<(u8, Rule)>> = HashMap::new();
    for line in text_section(data, "lemma.rules")?.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        let parsed = (cols.len() == 6)
            .then(|| {
                Some((
                    cols[0].parse::<u16>().ok()?,
                    cols[2].parse::<u8>().ok()?,
                    cols[3].parse::<u8>().ok()?,
                    cols[4].parse::<u8>().ok()?,
                ))
            })
            .flatten();
        let Some((group, rank, lower, strip)) = parsed.filter(|p| p.2 <= 1) else {
            return Err(corrupt(format!("lemma.rules: bad line {line:?}")));
        };
        ranked.entry((group, cols[1].to_owned())).or_default().push((
            rank,
            Rule {
                lower: lower == 1,
                strip,
                append: cols[5].to_owned(),
            },
        ));
    }
    Ok(ranked
        .into_iter()
        .map(|(k, mut v)| {
            v.sort_by_key(|(rank, _)| *rank);
            (k, v.into_iter().map(|(_, r)| r).collect())
        })
        .collect())
}

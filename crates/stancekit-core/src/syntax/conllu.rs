//! Reading CoNLL-U treebanks (training and evaluation data).
//!
//! Multiword-token lines (`3-4`) and empty nodes (`5.1`) are skipped: the parser works on
//! syntactic words. Every malformed line is an [`Error::Resource`] that names the line.

use crate::{Error, Result};

/// One syntactic word of a treebank sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TreebankWord {
    /// The word form.
    pub form: String,
    /// Its lemma.
    pub lemma: String,
    /// Universal part of speech.
    pub upos: String,
    /// Language-specific tag (Penn Treebank for English).
    pub xpos: String,
    /// 1-based index of the head word; 0 for the root.
    pub head: usize,
    /// Dependency relation, with subtype (`nsubj:pass`).
    pub deprel: String,
}

/// One sentence of a treebank.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TreebankSentence {
    /// Its words, in order.
    pub words: Vec<TreebankWord>,
    /// The `# text = ...` comment, when present.
    pub text: Option<String>,
}

fn bad(line: usize, message: impl Into<String>) -> Error {
    Error::Resource {
        name: "CoNLL-U".to_owned(),
        message: format!("line {line}: {}", message.into()),
    }
}

/// Reads every sentence of a CoNLL-U document.
///
/// # Errors
/// [`Error::Resource`] naming the first malformed line: a word line without 10 tab-separated
/// columns, an ID out of sequence, or a head that is not a word of the sentence.
pub fn read_conllu(text: &str) -> Result<Vec<TreebankSentence>> {
    let mut out = Vec::new();
    let mut current = TreebankSentence::default();
    let mut first_line = 0;
    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !current.words.is_empty() {
                check_heads(&current, first_line)?;
                out.push(std::mem::take(&mut current));
            }
            current.text = None;
            continue;
        }
        if let Some(comment) = line.strip_prefix('#') {
            if let Some(t) = comment.trim_start().strip_prefix("text = ") {
                current.text = Some(t.to_owned());
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(bad(
                line_no,
                format!("expected 10 tab-separated columns, found {}", cols.len()),
            ));
        }
        if cols[0].contains('-') || cols[0].contains('.') {
            continue;
        }
        let id: usize = cols[0]
            .parse()
            .map_err(|_| bad(line_no, format!("ID {:?} is not a number", cols[0])))?;
        if current.words.is_empty() {
            first_line = line_no;
        }
        if id != current.words.len() + 1 {
            return Err(bad(line_no, format!("ID {id} out of sequence")));
        }
        let head: usize = cols[6]
            .parse()
            .map_err(|_| bad(line_no, format!("HEAD {:?} is not a number", cols[6])))?;
        current.words.push(TreebankWord {
            form: cols[1].to_owned(),
            lemma: cols[2].to_owned(),
            upos: cols[3].to_owned(),
            xpos: cols[4].to_owned(),
            head,
            deprel: cols[7].to_owned(),
        });
    }
    if !current.words.is_empty() {
        check_heads(&current, first_line)?;
        out.push(current);
    }
    Ok(out)
}

/// Heads must point inside the sentence, and the words must form one tree.
fn check_heads(sentence: &TreebankSentence, first_line: usize) -> Result<()> {
    let n = sentence.words.len();
    let mut roots = 0;
    for (i, w) in sentence.words.iter().enumerate() {
        if w.head > n {
            return Err(bad(
                first_line + i,
                format!("HEAD {} outside the sentence", w.head),
            ));
        }
        if w.head == 0 {
            roots += 1;
        }
        // Walk up at most n steps: a longer walk means a cycle.
        let mut h = w.head;
        let mut steps = 0;
        while h != 0 {
            h = sentence.words[h - 1].head;
            steps += 1;
            if steps > n {
                return Err(bad(first_line + i, "the heads form a cycle"));
            }
        }
    }
    if roots != 1 {
        return Err(bad(
            first_line,
            format!("a sentence has {roots} roots, expected 1"),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# text = They didn't go.\n\
1\tThey\tthey\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n\
2-3\tdidn't\t_\t_\t_\t_\t_\t_\t_\t_\n\
2\tdid\tdo\tAUX\tVBD\t_\t4\taux\t_\t_\n\
3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n\
4\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\t_\n\
5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n";

    #[test]
    fn reads_words_skipping_multiword_tokens() {
        let s = read_conllu(SAMPLE).unwrap();
        assert_eq!(s.len(), 1);
        let forms: Vec<&str> = s[0].words.iter().map(|w| w.form.as_str()).collect();
        assert_eq!(forms, ["They", "did", "n't", "go", "."]);
        assert_eq!(s[0].words[3].head, 0);
        assert_eq!(s[0].text.as_deref(), Some("They didn't go."));
    }

    #[test]
    fn malformed_lines_name_the_line() {
        let short = "1\tA\ta\tX\n";
        let err = read_conllu(short).unwrap_err().to_string();
        assert!(err.contains("line 1"), "{err}");
        let cycle = "1\tA\ta\tX\tX\t_\t2\tdep\t_\t_\n2\tB\tb\tX\tX\t_\t1\tdep\t_\t_\n";
        assert!(read_conllu(cycle).unwrap_err().to_string().contains("cycle"));
        let two_roots = "1\tA\ta\tX\tX\t_\t0\troot\t_\t_\n2\tB\tb\tX\tX\t_\t0\troot\t_\t_\n";
        assert!(read_conllu(two_roots)
            .unwrap_err()
            .to_string()
            .contains("2 roots"));
        let out_of_range = "1\tA\ta\tX\tX\t_\t5\troot\t_\t_\n";
        assert!(read_conllu(out_of_range).is_err());
    }
}

//! Unit tests of the classifier (the NewsMTSC quality check is `tests/classify_newsmtsc.rs`).

use super::*;

fn toy() -> (Vec<String>, Vec<(String, Span)>, Vec<usize>) {
    let labels = vec!["AGAINST".to_owned(), "FAVOR".to_owned(), "NONE".to_owned()];
    let mut rows = Vec::new();
    let mut y = Vec::new();
    let names = ["Smith", "Jones", "the mayor", "Ms. Lee", "Guaidó"];
    let templates = [
        ("Critics slammed {} over the corruption scandal.", 0),
        ("{} was accused of lying and fraud.", 0),
        ("Voters praised {} for the brave rescue.", 1),
        ("{} won wide support and admiration.", 1),
        ("{} arrived in Ohio on Monday.", 2),
        ("The meeting with {} is set for noon.", 2),
    ];
    for n in names {
        for (t, c) in templates {
            let text = t.replace("{}", n);
            let s = text.find(n).unwrap();
            rows.push((text, Span::new(s, s + n.len())));
            y.push(c);
        }
    }
    (labels, rows, y)
}

fn fit_toy(cfg: &ClassifierConfig) -> Model {
    let (labels, rows, y) = toy();
    let ex: Vec<Example> = rows
        .iter()
        .map(|(t, s)| Example { text: t, target: *s })
        .collect();
    cfg.fit(labels, &ex, &y, None).unwrap()
}

#[test]
fn learns_toy_data_and_generalizes() {
    let m = fit_toy(&ClassifierConfig::default());
    let text = "Critics slammed Brown over the scandal.";
    let (label, p) = m.predict(text, Span::new(16, 21));
    assert_eq!(m.labels()[label], "AGAINST", "{p:?}");
    assert!((p.iter().sum::<f32>() - 1.0).abs() < 1e-5);
    let text = "Brown arrived in Ohio on Monday.";
    assert_eq!(m.labels()[m.predict(text, Span::new(0, 5)).0], "NONE");
}

#[test]
fn deterministic_and_thread_independent() {
    let cfg = ClassifierConfig::default();
    let a = fit_toy(&cfg);
    crate::parallel::set_parallelism(false);
    let b = fit_toy(&cfg);
    crate::parallel::set_parallelism(true);
    assert!(a == b);
    let salted = fit_toy(&ClassifierConfig { seed: 7, ..cfg });
    assert!(a != salted);
}

#[test]
fn json_roundtrip_exact_and_quantized() {
    let m = fit_toy(&ClassifierConfig {
        n_features_log2: 14,
        ..ClassifierConfig::default()
    });
    let back = Model::from_json(&m.to_json()).unwrap();
    assert!(back == m);
    assert_eq!(back.info(), m.info());
    let q = Model::from_json(&m.to_json_with("q8")).unwrap();
    let text = "Voters praised Smith for the rescue.";
    let (l1, p1) = m.predict(text, Span::new(15, 20));
    let (l2, p2) = q.predict(text, Span::new(15, 20));
    assert_eq!(l1, l2);
    assert!(p1.iter().zip(&p2).all(|(a, b)| (a - b).abs() < 0.05));
}

#[test]
fn bad_json_is_reported() {
    let m = fit_toy(&ClassifierConfig {
        n_features_log2: 12,
        ..ClassifierConfig::default()
    });
    let json = m.to_json();
    let future = json.replacen("\"version\":1", "\"version\":99", 1);
    assert!(matches!(Model::from_json(&future), Err(Error::Version { .. })));
    assert!(matches!(
        Model::from_json("{\"type\""),
        Err(Error::Serialization { .. })
    ));
    let wrong = json.replacen("\"type\":\"StanceClassifier\"", "\"type\":\"Tokenizer\"", 1);
    assert!(matches!(
        Model::from_json(&wrong),
        Err(Error::Serialization { .. })
    ));
    let cut = json.replacen("\"encoding\":\"f32\"", "\"encoding\":\"q8\"", 1);
    let e = Model::from_json(&cut).unwrap_err().to_string();
    assert!(e.contains("weights.values"), "{e}");
}

#[test]
fn fit_rejects_bad_input_naming_the_row() {
    let cfg = ClassifierConfig::default();
    let labels = || vec!["A".to_owned(), "B".to_owned()];
    let ex = |t: &'static str, s: usize, e: usize| Example {
        text: t,
        target: Span::new(s, e),
    };
    let good = [ex("Smith is bad.", 0, 5), ex("Smith is good.", 0, 5)];
    let err = |r: Result<Model>| r.unwrap_err().to_string();
    assert!(err(cfg.fit(labels(), &good, &[0, 0], None)).contains("at least 2 classes"));
    assert!(err(cfg.fit(labels(), &good, &[0], None)).contains("2 examples but 1 labels"));
    assert!(err(cfg.fit(labels(), &good, &[0, 5], None)).contains("row 1"));
    let bad = [ex("Smith is bad.", 0, 5), ex("  ", 0, 1)];
    assert!(err(cfg.fit(labels(), &bad, &[0, 1], None)).contains("row 1: text is empty"));
    let bad = [ex("Smith is bad.", 0, 50), ex("Smith", 0, 1)];
    assert!(err(cfg.fit(labels(), &bad, &[0, 1], None)).contains("row 0: target span"));
    let bad_cfg = ClassifierConfig { c: -1.0, ..cfg };
    assert!(err(bad_cfg.fit(labels(), &good, &[0, 1], None)).contains("c must be"));
}

#[test]
fn explain_names_features() {
    let m = fit_toy(&ClassifierConfig::default());
    let ex = m.explain("Critics slammed Brown over the scandal.", Span::new(16, 21));
    assert_eq!(
        ex.label,
        m.predict("Critics slammed Brown over the scandal.", Span::new(16, 21))
            .0
    );
    assert!(ex.features.iter().any(|c| c.name == "L1:slammed"));
    assert!(ex.features.iter().any(|c| c.name == "w:<T>"));
}

#[test]
fn predict_tolerates_odd_spans() {
    let m = fit_toy(&ClassifierConfig::default());
    for span in [
        Span::new(0, 0),
        Span::new(3, 1),
        Span::new(100, 200),
        Span::new(1, 2),
    ] {
        let (_, p) = m.predict("Guaidó é", span);
        assert!(p.iter().all(|v| v.is_finite()));
    }
    let (_, p) = m.predict("", Span::new(0, 0));
    assert_eq!(p.len(), 3);
}

#[test]
fn default_model_loads() {
    let m = Model::default_newsmtsc();
    assert_eq!(m.labels(), ["AGAINST", "FAVOR", "NONE"]);
}

//! One JSON envelope for every serializable engine: `{"type": ..., "version": N, "config": {...}}`.

use crate::{Error, Result, FORMAT_VERSION};
use serde::de::DeserializeOwned;
use serde::Serialize;

/// Writes `config` inside the versioned envelope for an object of kind `what`.
pub(crate) fn to_json<T: Serialize>(what: &str, config: &T) -> String {
    let value = serde_json::json!({ "type": what, "version": FORMAT_VERSION, "config": config });
    // Serializing a derived `Serialize` struct into a `Value` cannot fail (no maps with non-string keys).
    serde_json::to_string(&value).expect("config serializes to JSON")
}

/// Reads the versioned envelope written by [`to_json`], checking type and version.
pub(crate) fn from_json<T: DeserializeOwned>(what: &str, json: &str) -> Result<T> {
    let err = |message: String| Error::Serialization {
        what: what.to_owned(),
        message,
    };
    let value: serde_json::Value = serde_json::from_str(json).map_err(|e| err(e.to_string()))?;
    let obj = value
        .as_object()
        .ok_or_else(|| err("expected a JSON object".to_owned()))?;
    match obj.get("type").and_then(|t| t.as_str()) {
        Some(t) if t == what => {}
        Some(t) => return Err(err(format!("\"type\" is {t:?}, expected {what:?}"))),
        None => return Err(err("missing string field \"type\"".to_owned())),
    }
    let version = obj
        .get("version")
        .and_then(serde_json::Value::as_u64)
        .ok_or_else(|| err("missing integer field \"version\"".to_owned()))?;
    if version > u64::from(FORMAT_VERSION) || version == 0 {
        return Err(Error::Version {
            what: what.to_owned(),
            found: version,
            supported: FORMAT_VERSION,
        });
    }
    // A document without its config is not "all defaults": it was cut or written by something
    // else, and silently building a default engine (e.g. a tagger with no targets) would hide that.
    let config = obj
        .get("config")
        .ok_or_else(|| err("missing object field \"config\"".to_owned()))?;
    T::deserialize(config).map_err(|e| err(format!("in \"config\": {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, PartialEq, Serialize, Deserialize, Default)]
    #[serde(default, deny_unknown_fields)]
    struct Conf {
        flag: bool,
    }

    #[test]
    fn roundtrip() {
        let json = to_json("Thing", &Conf { flag: true });
        assert_eq!(from_json::<Conf>("Thing", &json).unwrap(), Conf { flag: true });
    }

    #[test]
    fn typed_errors() {
        let wrong_type = to_json("Other", &Conf::default());
        assert!(matches!(
            from_json::<Conf>("Thing", &wrong_type),
            Err(Error::Serialization { .. })
        ));
        let future = r#"{"type":"Thing","version":99,"config":{}}"#;
        assert!(matches!(
            from_json::<Conf>("Thing", future),
            Err(Error::Version { found: 99, .. })
        ));
        for bad in [
            "",
            "[]",
            "{",
            r#"{"type":"Thing"}"#,
            r#"{"type":"Thing","version":1,"config":{"x":1}}"#,
            r#"{"type":"Thing","version":1}"#,
            r#"{"type":"Thing","version":1,"config":null}"#,
        ] {
            assert!(
                matches!(from_json::<Conf>("Thing", bad), Err(Error::Serialization { .. })),
                "{bad}"
            );
        }
        // An empty config means all defaults.
        assert_eq!(
            from_json::<Conf>("Thing", r#"{"type":"Thing","version":1,"config":{}}"#).unwrap(),
            Conf::default()
        );
    }
}

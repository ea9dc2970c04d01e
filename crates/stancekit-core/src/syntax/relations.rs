//! Named classes of UD relations (`resources/syntax/relation_classes.txt`): the sets of parse
//! labels the stance engine and the parser's repair rules read a parse by, kept as data in one
//! place instead of as label lists at each use.

use std::sync::OnceLock;

const TABLE_TEXT: &str = include_str!("../../resources/syntax/relation_classes.txt");

macro_rules! relation_classes {
    ($($class:ident),* $(,)?) => {
        /// A class of relations, named as in `relation_classes.txt`.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub(crate) enum RelClass {
            $($class,)*
        }

        impl RelClass {
            /// Every class, in declaration order (the index of a class is its position).
            pub(crate) const ALL: &'static [RelClass] = &[$(RelClass::$class,)*];
        }
    };
}

relation_classes!(
    ClauseLink,
    ClauseComplement,
    InfinitiveClause,
    GovernorLink,
    NegatedGovernorLink,
    DirectiveLink,
    SpeechLink,
    NecessityLink,
    Complement,
    ComplementChain,
    Subject,
    CarriedNoun,
    Carried,
    ObjectLike,
    PatientLike,
    PassiveMarker,
    AgentHost,
    LabelSlot,
    LabelLink,
    OwnDependent,
    MislabelledPhrase,
    Owner,
    OwnerOrName,
    ActorModifier,
    Quantifying,
    NameModifier,
    TitleWord,
    NounModifier,
    ListLink,
    MisreadAsModifier,
    NegatingModifier,
    AlternativeMarker,
    AlternativeHost,
    NominalSlot,
    NominalDependent,
);

/// Each class's relations, by class index. A class the file lacks is empty (the unit test
/// below keeps the shipped file complete), so no lookup can fail at run time.
fn table() -> &'static [Vec<String>] {
    static TABLE: OnceLock<Vec<Vec<String>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = vec![Vec::new(); RelClass::ALL.len()];
        for (_, line) in crate::resource::data_lines(TABLE_TEXT) {
            let (name, relations) = line.split_once('\t').unwrap_or((line, ""));
            if let Some(k) = RelClass::ALL.iter().position(|c| format!("{c:?}") == name) {
                table[k] = relations
                    .split(' ')
                    .filter(|r| !r.is_empty())
                    .map(str::to_owned)
                    .collect();
            }
        }
        table
    })
}

impl RelClass {
    /// Whether relation `rel` (a label as the caller compares it: full or its base) is in
    /// this class.
    pub(crate) fn has(self, rel: &str) -> bool {
        table()[self as usize].iter().any(|r| r == rel)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_class_is_in_the_file_once_and_the_file_names_no_other() {
        let names: Vec<&str> = crate::resource::data_lines(TABLE_TEXT)
            .map(|(_, line)| line.split('\t').next().unwrap_or(""))
            .collect();
        for class in RelClass::ALL {
            let name = format!("{class:?}");
            assert_eq!(names.iter().filter(|n| **n == name).count(), 1, "{name}");
            assert!(!table()[*class as usize].is_empty(), "{name} is empty");
        }
        assert_eq!(names.len(), RelClass::ALL.len());
    }

    #[test]
    fn a_class_holds_exactly_its_relations() {
        assert!(RelClass::Subject.has("nsubj:pass") && !RelClass::Subject.has("nsubj:passive"));
        assert!(RelClass::Owner.has("amod") && !RelClass::Owner.has("nmod"));
        assert!(RelClass::ActorModifier.has("nmod"));
    }
}

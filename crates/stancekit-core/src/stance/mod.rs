//! Stance tagging: holder → target, FAVOR or AGAINST, with cue and spans.
//!
//! PLACEHOLDER: the tagger lands with the stance work.

//! A trainable linear stance classifier.
//!
//! PLACEHOLDER: the classifier lands with the classifier work.

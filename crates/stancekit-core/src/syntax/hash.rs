//! Feature hashing: every feature is one `u64` made from a template number and the values it
//! combines. Weights are looked up by that key, so no vocabulary is stored; a value never seen
//! in training simply finds no weight.
//!
//! The mixing is fixed (no random seed), so keys are the same on every platform and run: a
//! trained model stays valid.

const MUL: u64 = 0x517c_c1b7_2722_0a95;

/// Combines a running hash with one more value (the FxHash step).
#[inline]
#[must_use]
pub(crate) const fn mix(h: u64, v: u64) -> u64 {
    (h.rotate_left(5) ^ v).wrapping_mul(MUL)
}

/// Final avalanche (MurmurHash3's fmix64), so that keys spread over the table's low bits.
#[inline]
#[must_use]
pub(crate) const fn finish(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^= h >> 33;
    h
}

/// Hash of a string's bytes.
#[must_use]
pub(crate) fn str_hash(s: &str) -> u64 {
    bytes_hash(s.as_bytes())
}

/// Hash of a byte string (8 bytes at a time, little-endian, length mixed in).
#[must_use]
pub(crate) fn bytes_hash(bytes: &[u8]) -> u64 {
    let mut h = mix(0x6a09_e667_f3bc_c908, bytes.len() as u64);
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        h = mix(
            h,
            u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]),
        );
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut buf = [0u8; 8];
        buf[..rest.len()].copy_from_slice(rest);
        h = mix(h, u64::from_le_bytes(buf));
    }
    finish(h)
}

/// A feature key from a template number and one value.
#[inline]
#[must_use]
pub(crate) const fn f1(template: u64, a: u64) -> u64 {
    finish(mix(mix(0, template), a))
}

/// A feature key from a template number and two values.
#[inline]
#[must_use]
pub(crate) const fn f2(template: u64, a: u64, b: u64) -> u64 {
    finish(mix(mix(mix(0, template), a), b))
}

/// A feature key from a template number and three values.
#[inline]
#[must_use]
pub(crate) const fn f3(template: u64, a: u64, b: u64, c: u64) -> u64 {
    finish(mix(mix(mix(mix(0, template), a), b), c))
}

/// A `BuildHasher` for maps keyed by feature keys, which are already well mixed.
#[derive(Clone, Copy, Default)]
pub(crate) struct IdentityBuild;

/// The hasher of [`IdentityBuild`]: passes a `u64` key through.
#[derive(Default)]
pub(crate) struct IdentityHasher(u64);

impl std::hash::Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = mix(self.0, u64::from(b));
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}

impl std::hash::BuildHasher for IdentityBuild {
    type Hasher = IdentityHasher;
    fn build_hasher(&self) -> IdentityHasher {
        IdentityHasher(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_stable_and_distinct() {
        // Fixed values: a change here invalidates every shipped model.
        assert_eq!(str_hash("Maduro"), str_hash("Maduro"));
        assert_ne!(str_hash("ab"), str_hash("ba"));
        assert_ne!(str_hash(""), str_hash("\0"));
        assert_ne!(f2(1, 2, 3), f2(1, 3, 2));
        assert_ne!(f1(1, 2), f1(2, 2));
        assert_eq!(f1(7, 9), f1(7, 9));
    }
}

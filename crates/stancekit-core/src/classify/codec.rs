//! Compact encodings of sparse weights inside the JSON model file: base64 of LEB128 index
//! deltas, and base64 of little-endian `f32`, or of `i8`/`i16` quantized with one scale.

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 with padding.
pub(crate) fn b64_encode(data: &[u8]) -> String {
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Decodes standard base64 (padding optional, no whitespace).
pub(crate) fn b64_decode(text: &str) -> Result<Vec<u8>, String> {
    let text = text.trim_end_matches('=');
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let mut acc = 0u32;
    let mut bits = 0u32;
    for (i, c) in text.bytes().enumerate() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return Err(format!("invalid base64 character at {i}")),
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Ok(out)
}

/// Sorted indices as LEB128 deltas.
pub(crate) fn encode_indices(idx: &[u32]) -> Vec<u8> {
    let mut out = Vec::with_capacity(idx.len() * 2);
    let mut prev = 0u32;
    for &i in idx {
        let mut d = i - prev;
        prev = i;
        loop {
            let byte = (d & 0x7f) as u8;
            d >>= 7;
            if d == 0 {
                out.push(byte);
                break;
            }
            out.push(byte | 0x80);
        }
    }
    out
}

/// Inverse of [`encode_indices`].
pub(crate) fn decode_indices(bytes: &[u8]) -> Result<Vec<u32>, String> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut prev = 0u32;
    let mut d = 0u32;
    let mut shift = 0u32;
    for &b in bytes {
        if shift > 28 {
            return Err("index delta too long".to_owned());
        }
        d |= u32::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            prev = prev
                .checked_add(d)
                .ok_or_else(|| "index overflows u32".to_owned())?;
            out.push(prev);
            d = 0;
            shift = 0;
        } else {
            shift += 7;
        }
    }
    if shift != 0 {
        return Err("truncated index data".to_owned());
    }
    Ok(out)
}

/// Encodes weights in the named encoding; returns the bytes and the scale (1 for `f32`).
pub(crate) fn encode_values(values: &[f32], encoding: &str) -> (Vec<u8>, f32) {
    match encoding {
        "q8" | "q16" => {
            let max = values.iter().fold(0f32, |a, v| a.max(v.abs()));
            let levels = if encoding == "q8" { 127.0 } else { 32767.0 };
            let scale = if max > 0.0 { max / levels } else { 1.0 };
            let mut out = Vec::with_capacity(values.len() * 2);
            for v in values {
                let q = (v / scale).round();
                if encoding == "q8" {
                    out.push((q as i8) as u8);
                } else {
                    out.extend_from_slice(&(q as i16).to_le_bytes());
                }
            }
            (out, scale)
        }
        _ => (values.iter().flat_map(|v| v.to_le_bytes()).collect(), 1.0),
    }
}

/// Inverse of [`encode_values`].
pub(crate) fn decode_values(bytes: &[u8], encoding: &str, scale: f32) -> Result<Vec<f32>, String> {
    match encoding {
        "f32" if bytes.len() % 4 == 0 => Ok(bytes
            .chunks_exact(4)
            .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect()),
        "q16" if bytes.len() % 2 == 0 => Ok(bytes
            .chunks_exact(2)
            .map(|c| f32::from(i16::from_le_bytes([c[0], c[1]])) * scale)
            .collect()),
        "q8" => Ok(bytes.iter().map(|&b| f32::from(b as i8) * scale).collect()),
        "f32" | "q16" => Err(format!("{encoding} data has a length of {} bytes", bytes.len())),
        other => Err(format!(
            "unknown weight encoding {other:?} (expected \"f32\", \"q16\" or \"q8\")"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_roundtrip() {
        for n in 0..20u8 {
            let data: Vec<u8> = (0..n).map(|i| i.wrapping_mul(37)).collect();
            assert_eq!(b64_decode(&b64_encode(&data)).unwrap(), data);
        }
        assert_eq!(b64_encode(b"Man"), "TWFu");
        assert_eq!(b64_encode(b"Ma"), "TWE=");
        assert!(b64_decode("TW*u").is_err());
    }

    #[test]
    fn indices_roundtrip() {
        let idx = vec![0, 1, 5, 127, 128, 300, 70_000, 4_000_000_000];
        assert_eq!(decode_indices(&encode_indices(&idx)).unwrap(), idx);
        assert!(decode_indices(&[0x80]).is_err());
    }

    #[test]
    fn values_roundtrip() {
        let v = vec![0.0, 1.5, -2.25, 3.0e-3];
        let (b, s) = encode_values(&v, "f32");
        assert_eq!(decode_values(&b, "f32", s).unwrap(), v);
        let (b, s) = encode_values(&v, "q16");
        let back = decode_values(&b, "q16", s).unwrap();
        assert!(back.iter().zip(&v).all(|(a, b)| (a - b).abs() < 1e-3));
        assert!(decode_values(&[1, 2, 3], "f32", 1.0).is_err());
        assert!(decode_values(&[1], "f64", 1.0).is_err());
    }
}

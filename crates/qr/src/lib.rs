//! A small QR code encoder for the printed handout's link: byte mode,
//! error correction level L, versions 1 to 40, always mask 0 (any mask is
//! valid; choosing the best one by its penalty score costs code and buys
//! nothing a phone camera needs). It follows ISO/IEC 18004 as Project
//! Nayuki's `qrcodegen` implements it, and its tests compare every module
//! with that crate's output for the same version and mask. About a fifth
//! of `qrcodegen`'s size in the wasm bundle, which is why it exists.
//!
//! ```
//! let qr = talentflow_qr::encode(b"https://example.org/?story=4").unwrap();
//! assert_eq!(qr.size(), 25); // version 2
//! ```

/// Error-correction codewords per block, level L, by version (index 0 unused).
const ECC_PER_BLOCK: [u8; 41] = [
    0, 7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28, 28, 28, 30,
    30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
];
/// Error-correction blocks, level L, by version (index 0 unused).
const BLOCKS: [u8; 41] = [
    0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8, 8, 9, 9, 10, 12, 12, 12, 13, 14,
    15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25,
];

/// A QR code: a square of dark (`true`) and light modules.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Qr {
    size: usize,
    modules: Vec<bool>,
    function: Vec<bool>,
}

impl Qr {
    /// Modules per side (21 for version 1, 4 more per version).
    pub fn size(&self) -> usize {
        self.size
    }
    /// Whether the module at column `x`, row `y` is dark (`false` outside).
    pub fn dark(&self, x: usize, y: usize) -> bool {
        x < self.size && y < self.size && self.modules[y * self.size + x]
    }
    fn set(&mut self, x: usize, y: usize, dark: bool) {
        let i = y * self.size + x;
        self.modules[i] = dark;
        self.function[i] = true;
    }
}

/// Data modules of a version (all but the function patterns).
fn raw_modules(v: usize) -> usize {
    let mut n = (16 * v + 128) * v + 64;
    if v >= 2 {
        let align = v / 7 + 2;
        n -= (25 * align - 10) * align - 55;
        if v >= 7 {
            n -= 36;
        }
    }
    n
}

/// Data codewords (bytes) of a version at level L.
fn data_bytes(v: usize) -> usize {
    raw_modules(v) / 8 - ECC_PER_BLOCK[v] as usize * BLOCKS[v] as usize
}

/// Product in GF(2^8) modulo x^8 + x^4 + x^3 + x^2 + 1.
fn mul(x: u8, y: u8) -> u8 {
    let mut z: u8 = 0;
    for i in (0..8).rev() {
        z = (z << 1) ^ ((z >> 7) * 0x1D);
        z ^= ((y >> i) & 1) * x;
    }
    z
}

/// Reed-Solomon error-correction bytes of `data`, `degree` of them.
fn ecc(data: &[u8], degree: usize) -> Vec<u8> {
    let mut divisor = vec![0u8; degree];
    divisor[degree - 1] = 1;
    let mut root = 1u8;
    for _ in 0..degree {
        for j in 0..degree {
            divisor[j] = mul(divisor[j], root);
            if j + 1 < degree {
                divisor[j] ^= divisor[j + 1];
            }
        }
        root = mul(root, 2);
    }
    let mut rem = vec![0u8; degree];
    for &b in data {
        let factor = b ^ rem.remove(0);
        rem.push(0);
        for (r, d) in rem.iter_mut().zip(&divisor) {
            *r ^= mul(*d, factor);
        }
    }
    rem
}

/// The QR code of `data` in byte mode at level L, in the smallest version
/// that holds it; `None` when it is longer than version 40 holds (2953
/// bytes).
pub fn encode(data: &[u8]) -> Option<Qr> {
    let v = (1..=40usize).find(|&v| {
        let count_bits = if v < 10 { 8 } else { 16 };
        data.len() < (1 << count_bits) && 4 + count_bits + 8 * data.len() <= data_bytes(v) * 8
    })?;
    let capacity = data_bytes(v);
    // Mode 0100, the length, the bytes, a terminator, then padding.
    let mut bits: Vec<bool> = Vec::with_capacity(capacity * 8);
    let mut push = |value: usize, n: usize| {
        for i in (0..n).rev() {
            bits.push((value >> i) & 1 != 0);
        }
    };
    push(4, 4);
    push(data.len(), if v < 10 { 8 } else { 16 });
    for &b in data {
        push(b as usize, 8);
    }
    let mut bytes: Vec<u8> = bits
        .chunks(8)
        .map(|c| c.iter().fold(0u8, |a, &b| (a << 1) | b as u8) << (8 - c.len()))
        .collect();
    // The terminator and the bits to a whole byte are zeros, in place.
    let mut pad = 0xEC;
    while bytes.len() < capacity {
        bytes.push(pad);
        pad ^= 0xEC ^ 0x11;
    }
    // Split into blocks, add each block's error correction, interleave.
    let blocks = BLOCKS[v] as usize;
    let degree = ECC_PER_BLOCK[v] as usize;
    let raw = raw_modules(v) / 8;
    let short = blocks - raw % blocks;
    let short_len = raw / blocks;
    let mut all: Vec<Vec<u8>> = Vec::with_capacity(blocks);
    let mut k = 0;
    for i in 0..blocks {
        let len = short_len - degree + usize::from(i >= short);
        let mut block = bytes[k..k + len].to_vec();
        k += len;
        let e = ecc(&block, degree);
        if i < short {
            block.push(0);
        }
        block.extend(e);
        all.push(block);
    }
    let mut codewords = Vec::with_capacity(raw);
    for i in 0..=short_len {
        for (j, block) in all.iter().enumerate() {
            if i != short_len - degree || j >= short {
                codewords.push(block[i]);
            }
        }
    }

    let size = 4 * v + 17;
    let mut qr = Qr {
        size,
        modules: vec![false; size * size],
        function: vec![false; size * size],
    };
    for i in 0..size {
        qr.set(6, i, i % 2 == 0);
        qr.set(i, 6, i % 2 == 0);
    }
    for (cx, cy) in [(3, 3), (size - 4, 3), (3, size - 4)] {
        for dy in -4i32..=4 {
            for dx in -4i32..=4 {
                let (x, y) = (cx as i32 + dx, cy as i32 + dy);
                if (0..size as i32).contains(&x) && (0..size as i32).contains(&y) {
                    let d = dx.abs().max(dy.abs());
                    qr.set(x as usize, y as usize, d != 2 && d != 4);
                }
            }
        }
    }
    if v >= 2 {
        let n = v / 7 + 2;
        let step = (v * 8 + n * 3 + 5) / (n * 4 - 4) * 2;
        let mut at: Vec<usize> = (0..n - 1).map(|i| size - 7 - i * step).collect();
        at.push(6);
        for (i, &x) in at.iter().enumerate() {
            for (j, &y) in at.iter().enumerate() {
                // Not over the three finders.
                if [(n - 1, n - 1), (0, n - 1), (n - 1, 0)].contains(&(i, j)) {
                    continue;
                }
                for dy in -2i32..=2 {
                    for dx in -2i32..=2 {
                        let d = dx.abs().max(dy.abs());
                        qr.set((x as i32 + dx) as usize, (y as i32 + dy) as usize, d != 1);
                    }
                }
            }
        }
    }
    // Format bits: level L (01), mask 0, BCH(15,5), then the fixed XOR.
    let data5: u32 = 1 << 3;
    let mut rem = data5;
    for _ in 0..10 {
        rem = (rem << 1) ^ ((rem >> 9) * 0x537);
    }
    let format = ((data5 << 10) | rem) ^ 0x5412;
    let bit = |bits: u32, i: usize| (bits >> i) & 1 != 0;
    for i in 0..6 {
        qr.set(8, i, bit(format, i));
    }
    qr.set(8, 7, bit(format, 6));
    qr.set(8, 8, bit(format, 7));
    qr.set(7, 8, bit(format, 8));
    for i in 9..15 {
        qr.set(14 - i, 8, bit(format, i));
    }
    for i in 0..8 {
        qr.set(size - 1 - i, 8, bit(format, i));
    }
    for i in 8..15 {
        qr.set(8, size - 15 + i, bit(format, i));
    }
    qr.set(8, size - 8, true);
    if v >= 7 {
        let mut rem = v as u32;
        for _ in 0..12 {
            rem = (rem << 1) ^ ((rem >> 11) * 0x1F25);
        }
        let version = ((v as u32) << 12) | rem;
        for i in 0..18 {
            let (a, b) = (size - 11 + i % 3, i / 3);
            qr.set(a, b, bit(version, i));
            qr.set(b, a, bit(version, i));
        }
    }
    // The codewords in the zigzag, two columns at a time from the right,
    // with mask 0 (dark where x + y is even, inverted).
    let mut i = 0;
    let mut right = size - 1;
    while right >= 1 {
        if right == 6 {
            right = 5;
        }
        for vert in 0..size {
            for j in 0..2 {
                let x = right - j;
                let y = if (right + 1) & 2 == 0 {
                    size - 1 - vert
                } else {
                    vert
                };
                let at = y * size + x;
                if !qr.function[at] {
                    let dark =
                        i < codewords.len() * 8 && bit(codewords[i >> 3] as u32, 7 - (i & 7));
                    qr.modules[at] = dark ^ ((x + y) % 2 == 0);
                    i += 1;
                }
            }
        }
        if right < 2 {
            break;
        }
        right -= 2;
    }
    Some(qr)
}

#[cfg(test)]
mod tests {
    use super::*;
    use qrcodegen::{Mask, QrCode, QrCodeEcc, QrSegment, Version};

    fn reference(data: &[u8]) -> QrCode {
        let segs = [QrSegment::make_bytes(data)];
        QrCode::encode_segments_advanced(
            &segs,
            QrCodeEcc::Low,
            Version::MIN,
            Version::MAX,
            Some(Mask::new(0)),
            false,
        )
        .unwrap()
    }

    fn same(data: &[u8]) {
        let ours = encode(data).unwrap();
        let theirs = reference(data);
        assert_eq!(ours.size() as i32, theirs.size(), "{} bytes", data.len());
        for y in 0..ours.size() {
            for x in 0..ours.size() {
                assert_eq!(
                    ours.dark(x, y),
                    theirs.get_module(x as i32, y as i32),
                    "{} bytes: module ({x}, {y})",
                    data.len()
                );
            }
        }
    }

    #[test]
    fn every_module_matches_the_reference_encoder_for_links_of_every_length() {
        let link = "https://talentflow.example/app/?visa_restrictions=60&china_ai_funding=6&compute_ratio=20&pin=decoupling&pin=visa_restrictions:45,scrutiny_climate:0&story=4&v=0.1.0#";
        // Every length up to the longest link, then sizes across the
        // versions with several blocks and version information.
        for n in 0..=link.len() {
            same(&link.as_bytes()[..n]);
        }
        let long: Vec<u8> = (0..2953u32).map(|i| (i * 7 + 3) as u8).collect();
        for n in [300, 500, 700, 1000, 1400, 2000, 2500, 2953] {
            same(&long[..n]);
        }
    }

    #[test]
    fn data_past_version_40_is_refused() {
        assert!(encode(&[b'a'; 2953]).is_some());
        assert!(encode(&[b'a'; 2954]).is_none());
    }

    #[test]
    fn the_smallest_version_that_holds_the_data_is_used() {
        assert_eq!(encode(b"").unwrap().size(), 21);
        assert_eq!(encode(&[b'x'; 17]).unwrap().size(), 21);
        assert_eq!(encode(&[b'x'; 18]).unwrap().size(), 25);
    }
}

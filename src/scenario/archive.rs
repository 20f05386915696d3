//! Reading scenario packs delivered as `.zip` files: the `.toml` entries,
//! stored or deflated, with limits so a hostile archive cannot exhaust memory.
//!
//! The bytes are untrusted. Every offset is computed with checked arithmetic
//! (a `u32` offset plus a length must not wrap on wasm32), the limits apply
//! to the bytes actually produced (not the sizes the archive declares), a
//! stored entry must be exactly its declared size, and every entry read is
//! checked against its CRC-32.

use super::{CustomFile, MAX_CUSTOM_FILES, MAX_SOURCE_BYTES};
use std::fmt;

/// A pack may unpack to at most this many bytes in all.
pub const MAX_PACK_BYTES: usize = 4 * 1024 * 1024;

/// Why a `.zip` pack could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ArchiveError {
    NotZip,
    Truncated,
    Unsupported { entry: String, method: u16 },
    TooLarge { entry: String },
    Damaged { entry: String },
}

impl fmt::Display for ArchiveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ArchiveError::NotZip => write!(f, "this is not a .zip file"),
            ArchiveError::Truncated => {
                write!(f, "the .zip file is cut short or its directory is damaged")
            }
            ArchiveError::Unsupported { entry, method } => {
                write!(f, "{entry}: compression method {method} is not supported (use plain zip, deflate, no encryption)")
            }
            ArchiveError::TooLarge { entry } => {
                write!(f, "{entry}: refused, it unpacks to more than the limit")
            }
            ArchiveError::Damaged { entry } => write!(f, "{entry}: the compressed data is damaged"),
        }
    }
}

/// `bytes[at .. at + len]`, or `Truncated` when that range does not exist
/// (including when `at + len` would overflow).
fn slice(b: &[u8], at: usize, len: usize) -> Result<&[u8], ArchiveError> {
    let end = at.checked_add(len).ok_or(ArchiveError::Truncated)?;
    b.get(at..end).ok_or(ArchiveError::Truncated)
}

fn u16_at(b: &[u8], at: usize) -> Result<u16, ArchiveError> {
    let x = slice(b, at, 2)?;
    Ok(u16::from_le_bytes([x[0], x[1]]))
}

fn u32_at(b: &[u8], at: usize) -> Result<u32, ArchiveError> {
    let x = slice(b, at, 4)?;
    Ok(u32::from_le_bytes([x[0], x[1], x[2], x[3]]))
}

/// `a + b`, or `Truncated` on overflow.
fn add(a: usize, b: usize) -> Result<usize, ArchiveError> {
    a.checked_add(b).ok_or(ArchiveError::Truncated)
}

/// A `u32` from the archive as a `usize` (always fits on 32- and 64-bit targets).
fn size(x: u32) -> usize {
    usize::try_from(x).unwrap_or(usize::MAX)
}

const CRC_TABLE: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
            k += 1;
        }
        table[i] = c;
        i += 1;
    }
    table
};

/// The CRC-32 (IEEE 802.3, as zip uses) of `data`.
pub fn crc32(data: &[u8]) -> u32 {
    !data.iter().fold(!0u32, |c, &b| {
        CRC_TABLE[((c ^ u32::from(b)) & 0xff) as usize] ^ (c >> 8)
    })
}

/// One central-directory entry, as declared.
struct Entry {
    path: String,
    flags: u16,
    method: u16,
    crc: u32,
    compressed: usize,
    size: usize,
    local: usize,
}

/// Reads the central-directory entry at `at`; returns it and where the next starts.
fn entry_at(bytes: &[u8], at: usize) -> Result<(Entry, usize), ArchiveError> {
    if u32_at(bytes, at)? != 0x0201_4b50 {
        return Err(ArchiveError::Truncated);
    }
    let field = |off: usize| add(at, off);
    let name_len = usize::from(u16_at(bytes, field(28)?)?);
    let extra_len = usize::from(u16_at(bytes, field(30)?)?);
    let comment_len = usize::from(u16_at(bytes, field(32)?)?);
    let name = slice(bytes, field(46)?, name_len)?;
    let entry = Entry {
        path: String::from_utf8_lossy(name).into_owned(),
        flags: u16_at(bytes, field(8)?)?,
        method: u16_at(bytes, field(10)?)?,
        crc: u32_at(bytes, field(16)?)?,
        compressed: size(u32_at(bytes, field(20)?)?),
        size: size(u32_at(bytes, field(24)?)?),
        local: size(u32_at(bytes, field(42)?)?),
    };
    let next = add(add(add(field(46)?, name_len)?, extra_len)?, comment_len)?;
    Ok((entry, next))
}

/// The entry's bytes, unpacked and checked; `budget` is what the pack may
/// still produce.
fn unpack(bytes: &[u8], e: &Entry, budget: usize) -> Result<Vec<u8>, ArchiveError> {
    let too_large = || ArchiveError::TooLarge {
        entry: e.path.clone(),
    };
    let damaged = || ArchiveError::Damaged {
        entry: e.path.clone(),
    };
    let limit = MAX_SOURCE_BYTES.min(budget);
    if e.flags & 1 != 0 {
        return Err(ArchiveError::Unsupported {
            entry: e.path.clone(),
            method: e.method,
        });
    }
    if e.size > limit {
        return Err(too_large());
    }
    // The local header repeats the name and may carry a different extra field.
    if u32_at(bytes, e.local)? != 0x0403_4b50 {
        return Err(ArchiveError::Truncated);
    }
    let name_len = usize::from(u16_at(bytes, add(e.local, 26)?)?);
    let extra_len = usize::from(u16_at(bytes, add(e.local, 28)?)?);
    let start = add(add(add(e.local, 30)?, name_len)?, extra_len)?;
    let data = slice(bytes, start, e.compressed)?;
    let raw = match e.method {
        0 if data.len() > limit => return Err(too_large()),
        0 => data.to_vec(),
        8 => miniz_oxide::inflate::decompress_to_vec_with_limit(data, limit).map_err(|err| {
            if err.status == miniz_oxide::inflate::TINFLStatus::HasMoreOutput {
                too_large()
            } else {
                damaged()
            }
        })?,
        m => {
            return Err(ArchiveError::Unsupported {
                entry: e.path.clone(),
                method: m,
            })
        }
    };
    if raw.len() != e.size || crc32(&raw) != e.crc {
        return Err(damaged());
    }
    Ok(raw)
}

/// The `.toml` files in a zip archive (folders flattened to file names).
/// Other entries are ignored; at most [`MAX_CUSTOM_FILES`] are read.
pub fn read_zip(bytes: &[u8]) -> Result<Vec<CustomFile>, ArchiveError> {
    // The end-of-central-directory record is in the last 64 KiB + 22 bytes.
    if bytes.len() < 22 {
        return Err(ArchiveError::NotZip);
    }
    let from = bytes.len().saturating_sub(65_557);
    let eocd = (from..=bytes.len() - 22)
        .rev()
        .find(|&i| bytes[i..i + 4] == [0x50, 0x4b, 0x05, 0x06])
        .ok_or(ArchiveError::NotZip)?;
    let count = u16_at(bytes, eocd + 10)?;
    let mut at = size(u32_at(bytes, eocd + 16)?);
    let mut files = Vec::new();
    let mut total = 0usize;
    for _ in 0..count {
        let (entry, next) = entry_at(bytes, at)?;
        at = next;
        let name = entry
            .path
            .rsplit('/')
            .next()
            .unwrap_or(&entry.path)
            .to_string();
        if !name.ends_with(".toml") || name.starts_with('.') || files.len() >= MAX_CUSTOM_FILES {
            continue;
        }
        let raw = unpack(bytes, &entry, MAX_PACK_BYTES - total)?;
        total += raw.len();
        let source = String::from_utf8(raw).map_err(|_| ArchiveError::Damaged {
            entry: entry.path.clone(),
        })?;
        files.push(super::compile_custom(&name, &source));
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_matches_the_standard_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn offsets_near_the_top_of_the_address_space_are_truncated_not_wrapped() {
        assert_eq!(slice(b"abc", usize::MAX, 2), Err(ArchiveError::Truncated));
        assert_eq!(u32_at(b"abc", usize::MAX - 1), Err(ArchiveError::Truncated));
    }
}

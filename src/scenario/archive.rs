//! Reading scenario packs delivered as `.zip` files: the `.toml` entries,
//! stored or deflated, with limits so a hostile archive cannot exhaust memory.

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
            ArchiveError::Truncated => write!(f, "the .zip file is cut short"),
            ArchiveError::Unsupported { entry, method } => {
                write!(f, "{entry}: compression method {method} is not supported (use plain zip, deflate)")
            }
            ArchiveError::TooLarge { entry } => {
                write!(f, "{entry}: refused, it unpacks to more than the limit")
            }
            ArchiveError::Damaged { entry } => write!(f, "{entry}: the compressed data is damaged"),
        }
    }
}

fn u16_at(b: &[u8], at: usize) -> Result<u16, ArchiveError> {
    b.get(at..at + 2)
        .map(|x| u16::from_le_bytes([x[0], x[1]]))
        .ok_or(ArchiveError::Truncated)
}

fn u32_at(b: &[u8], at: usize) -> Result<u32, ArchiveError> {
    b.get(at..at + 4)
        .map(|x| u32::from_le_bytes([x[0], x[1], x[2], x[3]]))
        .ok_or(ArchiveError::Truncated)
}

/// The `.toml` files in a zip archive (folders flattened to file names).
/// Other entries are ignored; at most [`MAX_CUSTOM_FILES`] are read.
pub fn read_zip(bytes: &[u8]) -> Result<Vec<CustomFile>, ArchiveError> {
    // The end-of-central-directory record is in the last 64 KiB + 22 bytes.
    let from = bytes.len().saturating_sub(65_557);
    let eocd = (from..bytes.len().saturating_sub(21))
        .rev()
        .find(|&i| bytes[i..i + 4] == [0x50, 0x4b, 0x05, 0x06])
        .ok_or(ArchiveError::NotZip)?;
    let count = u16_at(bytes, eocd + 10)? as usize;
    let mut at = u32_at(bytes, eocd + 16)? as usize;
    let mut files = Vec::new();
    let mut total = 0usize;
    for _ in 0..count {
        if u32_at(bytes, at)? != 0x0201_4b50 {
            return Err(ArchiveError::Truncated);
        }
        let method = u16_at(bytes, at + 10)?;
        let compressed = u32_at(bytes, at + 20)? as usize;
        let size = u32_at(bytes, at + 24)? as usize;
        let name_len = u16_at(bytes, at + 28)? as usize;
        let extra_len = u16_at(bytes, at + 30)? as usize;
        let comment_len = u16_at(bytes, at + 32)? as usize;
        let local = u32_at(bytes, at + 42)? as usize;
        let name_bytes = bytes
            .get(at + 46..at + 46 + name_len)
            .ok_or(ArchiveError::Truncated)?;
        let path = String::from_utf8_lossy(name_bytes).into_owned();
        at += 46 + name_len + extra_len + comment_len;
        let name = path.rsplit('/').next().unwrap_or(&path).to_string();
        if !name.ends_with(".toml") || name.starts_with('.') || files.len() >= MAX_CUSTOM_FILES {
            continue;
        }
        if size > MAX_SOURCE_BYTES || total + size > MAX_PACK_BYTES {
            return Err(ArchiveError::TooLarge { entry: path });
        }
        // The local header repeats the name and may carry a different extra field.
        if u32_at(bytes, local)? != 0x0403_4b50 {
            return Err(ArchiveError::Truncated);
        }
        let start =
            local + 30 + u16_at(bytes, local + 26)? as usize + u16_at(bytes, local + 28)? as usize;
        let data = bytes
            .get(start..start + compressed)
            .ok_or(ArchiveError::Truncated)?;
        let raw = match method {
            0 => data.to_vec(),
            8 => miniz_oxide::inflate::decompress_to_vec_with_limit(data, MAX_SOURCE_BYTES)
                .map_err(|_| ArchiveError::Damaged {
                    entry: path.clone(),
                })?,
            m => {
                return Err(ArchiveError::Unsupported {
                    entry: path,
                    method: m,
                })
            }
        };
        total += raw.len();
        let source = String::from_utf8(raw).map_err(|_| ArchiveError::Damaged {
            entry: path.clone(),
        })?;
        files.push(CustomFile { name, source });
    }
    Ok(files)
}

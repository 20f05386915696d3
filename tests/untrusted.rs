//! Untrusted bytes: zip packs whose declared sizes, offsets or checksums lie,
//! checked against the `zip` crate as an independent implementation.

use proptest::prelude::*;
use rapport::scenario::{read_zip, ArchiveError, MAX_SOURCE_BYTES};
use std::io::Write;

fn zip_of(entries: &[(&str, &[u8])], method: zip::CompressionMethod) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    let mut w = zip::ZipWriter::new(&mut buf);
    let opts = zip::write::SimpleFileOptions::default().compression_method(method);
    for (name, data) in entries {
        w.start_file(*name, opts).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap();
    buf.into_inner()
}

/// Offset of the only central-directory entry.
fn central(bytes: &[u8]) -> usize {
    bytes
        .windows(4)
        .position(|w| w == [0x50, 0x4b, 0x01, 0x02])
        .unwrap()
}

const TOML: &[u8] = b"id = \"x\"\ntitle = \"A pack file\"\n";

#[test]
fn a_changed_byte_in_stored_data_fails_the_crc_check() {
    let mut bytes = zip_of(&[("a.toml", TOML)], zip::CompressionMethod::Stored);
    let at = 30 + "a.toml".len() + 3;
    bytes[at] = b'Y';
    assert_eq!(
        read_zip(&bytes),
        Err(ArchiveError::Damaged {
            entry: "a.toml".into()
        })
    );
}

#[test]
fn a_stored_entry_larger_than_declared_is_refused() {
    // The central directory says 4 bytes, 4 compressed; the data is longer:
    // only exactly the declared bytes may be read, and they fail the CRC.
    let mut bytes = zip_of(&[("a.toml", TOML)], zip::CompressionMethod::Stored);
    let c = central(&bytes);
    bytes[c + 20..c + 24].copy_from_slice(&4u32.to_le_bytes());
    bytes[c + 24..c + 28].copy_from_slice(&4u32.to_le_bytes());
    assert!(matches!(
        read_zip(&bytes),
        Err(ArchiveError::Damaged { .. })
    ));
}

#[test]
fn a_deflated_entry_that_unpacks_to_more_than_declared_is_too_large() {
    let huge = vec![b'a'; MAX_SOURCE_BYTES * 2];
    let mut bytes = zip_of(&[("big.toml", &huge)], zip::CompressionMethod::Deflated);
    let c = central(&bytes);
    // Declares 10 bytes: the limit still applies to what actually comes out.
    bytes[c + 24..c + 28].copy_from_slice(&10u32.to_le_bytes());
    assert!(matches!(
        read_zip(&bytes),
        Err(ArchiveError::TooLarge { .. })
    ));
}

#[test]
fn offsets_that_would_wrap_are_refused() {
    let mut bytes = zip_of(&[("a.toml", TOML)], zip::CompressionMethod::Stored);
    let c = central(&bytes);
    bytes[c + 42..c + 46].copy_from_slice(&0xFFFF_FFF0u32.to_le_bytes());
    assert_eq!(read_zip(&bytes), Err(ArchiveError::Truncated));
    let mut bytes = zip_of(&[("a.toml", TOML)], zip::CompressionMethod::Stored);
    let c = central(&bytes);
    bytes[c + 20..c + 24].copy_from_slice(&u32::MAX.to_le_bytes());
    assert!(read_zip(&bytes).is_err());
}

#[test]
fn encrypted_entries_are_unsupported() {
    let mut bytes = zip_of(&[("a.toml", TOML)], zip::CompressionMethod::Stored);
    let c = central(&bytes);
    bytes[c + 8] |= 1;
    assert!(matches!(
        read_zip(&bytes),
        Err(ArchiveError::Unsupported { .. })
    ));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    /// Whatever is changed in an archive, reading it never panics, and every
    /// file it does return has exactly the contents the `zip` crate wrote.
    #[test]
    fn damaged_archives_never_yield_wrong_files(
        deflate in any::<bool>(),
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..6),
    ) {
        let method = if deflate { zip::CompressionMethod::Deflated } else { zip::CompressionMethod::Stored };
        let mut bytes = zip_of(&[("a.toml", TOML), ("b/c.toml", b"x = 1")], method);
        for (i, v) in &edits {
            let at = i.index(bytes.len());
            bytes[at] = *v;
        }
        if let Ok(files) = read_zip(&bytes) {
            for f in files {
                // Names are not covered by the CRC; contents always are.
                prop_assert!(
                    f.source.as_bytes() == TOML || f.source == "x = 1",
                    "unexpected {:?}", f
                );
            }
        }
    }
}

mod imports {
    use rapport::progress::{decode_import, DecodeError, MAX_IMPORT_BYTES};

    const GOOD: &str = include_str!("fixtures/progress/v1.json");

    fn reason(raw: &str) -> String {
        match decode_import(raw) {
            Err(DecodeError::Corrupt { reason }) => reason,
            other => panic!("expected a refusal, got {other:?}"),
        }
    }

    #[test]
    fn a_real_export_is_accepted() {
        assert!(!decode_import(GOOD).unwrap().attempts.is_empty());
    }

    #[test]
    fn out_of_range_values_are_refused_with_the_attempt_named() {
        let v: serde_json::Value = serde_json::from_str(GOOD).unwrap();
        let with = |f: &dyn Fn(&mut serde_json::Value)| {
            let mut v = v.clone();
            f(&mut v["attempts"][0]);
            v.to_string()
        };
        assert!(reason(&with(&|a| a["total"] = 7.into())).starts_with("attempt 1: the total is 7"));
        let r = reason(&with(&|a| a["scores"]["greet"] = (-0.5).into()));
        assert!(r.contains("score for greet"), "{r}");
        let r = reason(&with(&|a| a["started_ms"] = u64::MAX.into()));
        assert!(r.contains("out of range"), "{r}");
        let r = reason(&with(&|a| a["id"] = "x".repeat(500).into()));
        assert!(r.contains("longer than 200"), "{r}");
    }

    #[test]
    fn an_oversized_file_is_refused_before_parsing() {
        let huge = " ".repeat(MAX_IMPORT_BYTES as usize + 1);
        assert!(reason(&huge).contains("larger than 8 MB"));
    }
}

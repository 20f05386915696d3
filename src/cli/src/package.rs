//! `rapport package --scorm` / `--cmi5`: the built app as a course package an
//! LMS can host: SCORM 1.2 (a zip with `imsmanifest.xml`; the score is
//! reported by `scorm.js`) or cmi5 (a zip with `cmi5.xml`; the LMS launches
//! the app with its LRS session and `xapi.js` reports to it).

use std::io::Write;
use std::path::{Path, PathBuf};

/// Escapes text for XML attributes and content.
pub(super) fn xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The SCORM 1.2 manifest listing every file of the app.
pub fn manifest(title: &str, files: &[String]) -> String {
    let file_list: String = files
        .iter()
        .map(|f| format!("      <file href=\"{}\"/>\n", xml(f)))
        .collect();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="rapport-course" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="rapport-org">
    <organization identifier="rapport-org">
      <title>{title}</title>
      <item identifier="rapport-item" identifierref="rapport-resource">
        <title>{title}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="rapport-resource" type="webcontent" adlcp:scormtype="sco" href="index.html">
{file_list}    </resource>
  </resources>
</manifest>
"#,
        title = xml(title)
    )
}

fn files_in(dir: &Path) -> std::io::Result<Vec<String>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d)? {
            let p = e?.path();
            if p.is_dir() {
                stack.push(p);
            } else if let Ok(rel) = p.strip_prefix(dir) {
                out.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    out.sort();
    Ok(out)
}

/// A kind of course package.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Kind {
    Scorm,
    Cmi5,
}

impl Kind {
    fn default_out(self) -> PathBuf {
        match self {
            Kind::Scorm => PathBuf::from("target/rapport-scorm.zip"),
            Kind::Cmi5 => PathBuf::from("target/rapport-cmi5.zip"),
        }
    }

    /// The descriptor file and its text.
    fn descriptor(
        self,
        title: &str,
        files: &[String],
        mastery: Option<f64>,
    ) -> (&'static str, String) {
        match self {
            Kind::Scorm => ("imsmanifest.xml", manifest(title, files)),
            Kind::Cmi5 => ("cmi5.xml", super::cmi5::course_structure(title, mastery)),
        }
    }
}

/// Zips `dist` with the descriptor of `kind` into `out`; returns the files packed.
pub fn write_package(
    kind: Kind,
    dist: &Path,
    out: &Path,
    title: &str,
    mastery: Option<f64>,
) -> std::io::Result<Vec<String>> {
    let files = files_in(dist)?;
    if !files.iter().any(|f| f == "index.html") {
        return Err(std::io::Error::new(
            std::io::ErrorKind::NotFound,
            format!(
                "{} has no index.html; build the app first (scripts/build)",
                dist.display()
            ),
        ));
    }
    let file = std::fs::File::create(out)?;
    let mut zip = zip::ZipWriter::new(file);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let (name, text) = kind.descriptor(title, &files, mastery);
    zip.start_file(name, options)
        .map_err(std::io::Error::other)?;
    zip.write_all(text.as_bytes())?;
    for f in &files {
        zip.start_file(f.as_str(), options)
            .map_err(std::io::Error::other)?;
        zip.write_all(&std::fs::read(dist.join(f))?)?;
    }
    zip.finish().map_err(std::io::Error::other)?;
    Ok(files)
}

/// Runs the command; returns the exit code.
pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let mut kind = None;
    let mut dist: Option<PathBuf> = None;
    let mut target = None;
    let mut mastery = None;
    let mut title = "Rapport: customer-service practice".to_string();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--scorm" => kind = Some(Kind::Scorm),
            "--cmi5" => kind = Some(Kind::Cmi5),
            "--dist" => dist = it.next().map(PathBuf::from),
            "--out" => target = it.next().map(PathBuf::from),
            "--title" => title = it.next().cloned().unwrap_or(title),
            "--mastery" => match it.next().and_then(|m| m.parse::<f64>().ok()) {
                Some(m) if (0.0..=1.0).contains(&m) => mastery = Some(m),
                _ => {
                    let _ = writeln!(
                        err,
                        "rapport package: --mastery takes a score between 0 and 1, such as 0.7"
                    );
                    return 2;
                }
            },
            other => {
                let _ = writeln!(err, "rapport package: unknown option `{other}` (use --scorm or --cmi5 [--dist DIR] [--out FILE] [--title TEXT] [--mastery 0..1])");
                return 2;
            }
        }
    }
    let Some(kind) = kind else {
        let _ = writeln!(
            err,
            "rapport package: say which package to build: --scorm or --cmi5"
        );
        return 2;
    };
    let target = target.unwrap_or_else(|| kind.default_out());
    let dist = match dist {
        Some(d) => d,
        None => {
            // Build the release app first, as scripts/build does.
            let status = std::process::Command::new("bash")
                .arg("scripts/build")
                .status();
            match status {
                Ok(s) if s.success() => PathBuf::from("dist"),
                Ok(s) => {
                    let _ = writeln!(
                        err,
                        "rapport package: the build failed ({s}); run scripts/build to see why"
                    );
                    return 1;
                }
                Err(e) => {
                    let _ = writeln!(err, "rapport package: could not run scripts/build ({e}); run it from the project folder");
                    return 1;
                }
            }
        }
    };
    if let Some(parent) = target.parent() {
        let _ = std::fs::create_dir_all(parent);
    }
    match write_package(kind, &dist, &target, &title, mastery) {
        Ok(files) => {
            let _ = writeln!(out, "{}", target.display());
            let what = match kind {
                Kind::Scorm => "imsmanifest.xml for SCORM 1.2",
                Kind::Cmi5 => "cmi5.xml for cmi5",
            };
            let _ = writeln!(err, "packed {} files and {what}", files.len());
            0
        }
        Err(e) => {
            let _ = writeln!(err, "rapport package: {e}");
            1
        }
    }
}

//! `rapport package --scorm`: the built app as a SCORM 1.2 package (a zip with
//! `imsmanifest.xml`), so an LMS such as Moodle can host Rapport as a course and
//! receive the score (reported by `scorm.js` in the app).

use std::io::Write;
use std::path::{Path, PathBuf};

/// Escapes text for XML attributes and content.
fn xml(s: &str) -> String {
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

/// Zips `dist` with a manifest into `out`; returns the files packed.
pub fn write_package(dist: &Path, out: &Path, title: &str) -> std::io::Result<Vec<String>> {
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
    zip.start_file("imsmanifest.xml", options)
        .map_err(std::io::Error::other)?;
    zip.write_all(manifest(title, &files).as_bytes())?;
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
    let mut scorm = false;
    let mut dist: Option<PathBuf> = None;
    let mut target = PathBuf::from("target/rapport-scorm.zip");
    let mut title = "Rapport: customer-service practice".to_string();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--scorm" => scorm = true,
            "--dist" => dist = it.next().map(PathBuf::from),
            "--out" => target = it.next().map_or(target, PathBuf::from),
            "--title" => title = it.next().cloned().unwrap_or(title),
            other => {
                let _ = writeln!(err, "rapport package: unknown option `{other}` (use --scorm [--dist DIR] [--out FILE] [--title TEXT])");
                return 2;
            }
        }
    }
    if !scorm {
        let _ = writeln!(err, "rapport package: say which package to build: --scorm");
        return 2;
    }
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
    match write_package(&dist, &target, &title) {
        Ok(files) => {
            let _ = writeln!(out, "{}", target.display());
            let _ = writeln!(
                err,
                "packed {} files and imsmanifest.xml for SCORM 1.2",
                files.len()
            );
            0
        }
        Err(e) => {
            let _ = writeln!(err, "rapport package: {e}");
            1
        }
    }
}

//! The cmi5 course structure (`cmi5.xml`) for `rapport package --cmi5`: one
//! assignable unit, the app's `index.html`, which the LMS launches with the
//! cmi5 parameters that `xapi.js` reads.

use super::package::xml;

/// The activity id of the course and of its one assignable unit.
pub const COURSE_ID: &str = "urn:rapport:course";
pub const AU_ID: &str = "urn:rapport:course:practice";

/// `cmi5.xml`: the AU is satisfied once it is completed and passed (a
/// satisfied customer or a warm transfer, at or above `mastery` if given).
pub fn course_structure(title: &str, mastery: Option<f64>) -> String {
    let description =
        "Practise customer-service conversations with simulated customers; every reply is scored.";
    let mastery = mastery.map_or(String::new(), |m| format!(" masteryScore=\"{m}\""));
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="{COURSE_ID}">
    <title><langstring lang="en-US">{title}</langstring></title>
    <description><langstring lang="en-US">{description}</langstring></description>
  </course>
  <au id="{AU_ID}" moveOn="CompletedAndPassed" launchMethod="AnyWindow"{mastery}>
    <title><langstring lang="en-US">{title}</langstring></title>
    <description><langstring lang="en-US">{description}</langstring></description>
    <url>index.html</url>
  </au>
</courseStructure>
"#,
        title = xml(title)
    )
}

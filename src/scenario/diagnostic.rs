//! Problems found in a scenario file, as plain data: severity, a stable code,
//! a message, where it is (file, line, column) and a hint to fix it.

use crate::text::line_col;
use serde::Serialize;
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Warning,
    Error,
}

/// Stable diagnostic codes; documented in `scenarios/README.md`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Code {
    /// TOML syntax error.
    E001,
    /// Unknown key.
    E002,
    /// Missing required key.
    E003,
    /// Wrong type.
    E004,
    /// A goto or start to a node that does not exist.
    E005,
    /// Duplicate id.
    E006,
    /// Unknown persona.
    E007,
    /// Unknown criterion id.
    E008,
    /// Unknown flag id.
    E009,
    /// Empty line variants.
    E010,
    /// A node with no way out.
    E011,
    /// A value out of its allowed set or range.
    E012,
    /// A reference to a hidden fact that does not exist.
    E013,
    /// The file is too large or has too many nodes.
    E014,
    /// A golden run did not play out as expected.
    E015,
    /// A reference to a need or fact that does not exist.
    E016,
    /// A node no path reaches.
    W001,
    /// No golden replies.
    W002,
    /// No fallback rule.
    W003,
    /// An ending node with rules (they are ignored).
    W004,
    /// An older format: it still plays, without needs.
    W005,
}

impl Code {
    pub fn level(self) -> Level {
        match self {
            Code::W001 | Code::W002 | Code::W003 | Code::W004 | Code::W005 => Level::Warning,
            _ => Level::Error,
        }
    }
}

/// One problem in one file.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Diagnostic {
    pub level: Level,
    pub code: Code,
    pub message: String,
    pub hint: Option<String>,
    pub file: String,
    /// 1-based.
    pub line: usize,
    /// 1-based, in characters.
    pub column: usize,
    /// Byte range in the source.
    pub span: (usize, usize),
}

impl Diagnostic {
    /// A diagnostic at byte range `span` of `source`.
    pub fn new(
        code: Code,
        message: String,
        file: &str,
        source: &str,
        span: (usize, usize),
    ) -> Self {
        Self::at(code, message, file, line_col(source, span.0), span)
    }

    /// A diagnostic at byte range `span`, whose start is at 1-based `(line, column)`.
    pub fn at(
        code: Code,
        message: String,
        file: &str,
        (line, column): (usize, usize),
        span: (usize, usize),
    ) -> Self {
        Diagnostic {
            level: code.level(),
            code,
            message,
            hint: None,
            file: file.to_string(),
            line,
            column,
            span,
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.level == Level::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.level {
            Level::Error => "error",
            Level::Warning => "warning",
        };
        write!(
            f,
            "{}:{}:{}: {level}[{:?}]: {}",
            self.file, self.line, self.column, self.code, self.message
        )?;
        if let Some(h) = &self.hint {
            write!(f, "\n  = hint: {h}")?;
        }
        Ok(())
    }
}

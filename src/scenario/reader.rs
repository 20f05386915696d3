//! Typed reading of a parsed TOML document that collects every problem
//! (unknown keys with a suggestion, missing keys, wrong types) instead of
//! stopping at the first.

use super::diagnostic::{Code, Diagnostic};
use crate::text::edit_distance_at_most;
use toml::de::{DeTable, DeValue};
use toml::Spanned;

/// A value with the byte range it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct At<T> {
    pub value: T,
    pub span: (usize, usize),
}

/// A TOML table being read, with a path for messages (`nodes[2].next[0]`).
#[derive(Clone, Copy)]
pub struct Obj<'t, 'i> {
    pub table: &'t DeTable<'i>,
    pub span: (usize, usize),
    pub path: &'t str,
}

/// Reads values and records diagnostics.
pub struct Reader<'s> {
    pub file: &'s str,
    pub src: &'s str,
    pub diags: Vec<Diagnostic>,
    /// Byte offset of each line's start. A broken file can have tens of
    /// thousands of problems: finding each one's line by scanning from the top
    /// took minutes for a 250 KB file.
    line_starts: Vec<usize>,
}

fn span_of<T>(s: &Spanned<T>) -> (usize, usize) {
    let r = s.span();
    (r.start, r.end)
}

fn type_name(v: &DeValue) -> &'static str {
    match v {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a number",
        DeValue::Boolean(_) => "true or false",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "a list",
        DeValue::Table(_) => "a table",
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// The closest known name to `word`, if it is a likely misspelling.
pub fn did_you_mean<'a>(word: &str, known: &[&'a str]) -> Option<&'a str> {
    let max = if word.len() > 6 { 2 } else { 1 };
    known
        .iter()
        .find(|k| edit_distance_at_most(word, k, max))
        .or_else(|| {
            known
                .iter()
                .find(|k| k.contains(word) || word.contains(**k))
        })
        .copied()
}

impl<'s> Reader<'s> {
    pub fn new(file: &'s str, src: &'s str) -> Self {
        let line_starts = std::iter::once(0)
            .chain(src.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Reader {
            file,
            src,
            diags: Vec::new(),
            line_starts,
        }
    }

    /// 1-based line and column (in characters) of byte `offset`, as
    /// `text::line_col` gives them.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.src.len());
        let line = self.line_starts.partition_point(|&start| start <= offset);
        let start = self.line_starts[line - 1];
        let column = self
            .src
            .get(start..offset)
            .map_or(1, |s| s.chars().count() + 1);
        (line, column)
    }

    pub fn report(
        &mut self,
        code: Code,
        message: String,
        span: (usize, usize),
        hint: Option<String>,
    ) {
        let mut d = Diagnostic::at(code, message, self.file, self.line_col(span.0), span);
        d.hint = hint;
        self.diags.push(d);
    }

    /// Reports every key of `obj` that is not in `allowed`.
    pub fn check_keys(&mut self, obj: Obj, allowed: &[&str]) {
        let mut unknown: Vec<(String, (usize, usize))> = obj
            .table
            .iter()
            .filter(|(k, _)| !allowed.contains(&k.get_ref().as_ref()))
            .map(|(k, _)| (k.get_ref().to_string(), span_of(k)))
            .collect();
        unknown.sort_by_key(|(_, s)| *s);
        for (key, span) in unknown {
            let hint = match did_you_mean(&key, allowed) {
                Some(k) => format!("did you mean `{k}`?"),
                None => format!("allowed keys here: {}", allowed.join(", ")),
            };
            let where_ = if obj.path.is_empty() {
                "at the top level".to_string()
            } else {
                format!("in `{}`", obj.path)
            };
            self.report(
                Code::E002,
                format!("unknown key `{key}` {where_}"),
                span,
                Some(hint),
            );
        }
    }

    fn get<'t, 'i>(&self, obj: Obj<'t, 'i>, key: &str) -> Option<&'t Spanned<DeValue<'i>>> {
        obj.table
            .iter()
            .find(|(k, _)| k.get_ref().as_ref() == key)
            .map(|(_, v)| v)
    }

    fn missing(&mut self, obj: Obj, key: &str, expected: &str) {
        let message = format!(
            "missing required key `{}` ({expected})",
            join(obj.path, key)
        );
        self.report(
            Code::E003,
            message,
            obj.span,
            Some(format!("add `{key} = ...` here")),
        );
    }

    fn wrong(&mut self, obj: Obj, key: &str, v: &Spanned<DeValue>, expected: &str) {
        let message = format!(
            "`{}` should be {expected}, found {}",
            join(obj.path, key),
            type_name(v.get_ref())
        );
        self.report(Code::E004, message, span_of(v), None);
    }

    pub fn string(&mut self, obj: Obj, key: &str, required: bool) -> Option<At<String>> {
        let Some(v) = self.get(obj, key) else {
            if required {
                self.missing(obj, key, "a string");
            }
            return None;
        };
        match v.get_ref() {
            DeValue::String(s) => Some(At {
                value: s.to_string(),
                span: span_of(v),
            }),
            _ => {
                self.wrong(obj, key, v, "a string");
                None
            }
        }
    }

    pub fn int(&mut self, obj: Obj, key: &str, range: (i64, i64)) -> Option<At<i64>> {
        let v = self.get(obj, key)?;
        let parsed = match v.get_ref() {
            DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix()).ok(),
            _ => None,
        };
        match parsed {
            Some(n) if (range.0..=range.1).contains(&n) => Some(At {
                value: n,
                span: span_of(v),
            }),
            Some(n) => {
                let message = format!(
                    "`{}` is {n}; it must be from {} to {}",
                    join(obj.path, key),
                    range.0,
                    range.1
                );
                self.report(Code::E012, message, span_of(v), None);
                None
            }
            None => {
                self.wrong(obj, key, v, "a whole number");
                None
            }
        }
    }

    pub fn number(&mut self, obj: Obj, key: &str) -> Option<At<f64>> {
        let v = self.get(obj, key)?;
        let parsed = match v.get_ref() {
            DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix())
                .ok()
                .map(|n| n as f64),
            DeValue::Float(f) => f.as_str().replace('_', "").parse::<f64>().ok(),
            _ => None,
        };
        match parsed {
            Some(n) if n.is_finite() && n >= 0.0 => Some(At {
                value: n,
                span: span_of(v),
            }),
            Some(_) => {
                let message = format!("`{}` must be zero or more", join(obj.path, key));
                self.report(Code::E012, message, span_of(v), None);
                None
            }
            None => {
                self.wrong(obj, key, v, "a number");
                None
            }
        }
    }

    pub fn boolean(&mut self, obj: Obj, key: &str) -> Option<bool> {
        let v = self.get(obj, key)?;
        match v.get_ref() {
            DeValue::Boolean(b) => Some(*b),
            _ => {
                self.wrong(obj, key, v, "true or false");
                None
            }
        }
    }

    /// A list of strings; a single string is accepted as a list of one.
    pub fn strings(&mut self, obj: Obj, key: &str, required: bool) -> Option<At<Vec<At<String>>>> {
        let Some(v) = self.get(obj, key) else {
            if required {
                self.missing(obj, key, "a list of strings");
            }
            return None;
        };
        match v.get_ref() {
            DeValue::String(s) => Some(At {
                value: vec![At {
                    value: s.to_string(),
                    span: span_of(v),
                }],
                span: span_of(v),
            }),
            DeValue::Array(items) => {
                let mut out = Vec::new();
                for item in items.iter() {
                    match item.get_ref() {
                        DeValue::String(s) => out.push(At {
                            value: s.to_string(),
                            span: span_of(item),
                        }),
                        other => {
                            let message = format!(
                                "every item of `{}` should be a string, found {}",
                                join(obj.path, key),
                                type_name(other)
                            );
                            self.report(Code::E004, message, span_of(item), None);
                        }
                    }
                }
                Some(At {
                    value: out,
                    span: span_of(v),
                })
            }
            _ => {
                self.wrong(obj, key, v, "a list of strings");
                None
            }
        }
    }

    pub fn table<'t, 'i>(
        &mut self,
        obj: Obj<'t, 'i>,
        key: &str,
        path: &'t str,
    ) -> Option<Obj<'t, 'i>> {
        let v = self.get(obj, key)?;
        match v.get_ref() {
            DeValue::Table(t) => Some(Obj {
                table: t,
                span: span_of(v),
                path,
            }),
            _ => {
                self.wrong(obj, key, v, "a table");
                None
            }
        }
    }

    /// The `id` of every table of `[[key]]`, in order, read without reporting
    /// anything (the full pass reports the problems), so that references can be
    /// resolved before or after the tables they name.
    pub fn ids_of(&self, obj: Obj, key: &str) -> Vec<Option<String>> {
        let mut quiet = Reader::new(self.file, self.src);
        quiet
            .tables(obj, key)
            .into_iter()
            .map(|(t, span)| {
                let o = Obj {
                    table: t,
                    span,
                    path: "",
                };
                quiet.string(o, "id", false).map(|s| s.value)
            })
            .collect()
    }

    /// An array of tables (`[[key]]`), each with its span.
    pub fn tables<'t, 'i>(
        &mut self,
        obj: Obj<'t, 'i>,
        key: &str,
    ) -> Vec<(&'t DeTable<'i>, (usize, usize))> {
        let Some(v) = self.get(obj, key) else {
            return Vec::new();
        };
        match v.get_ref() {
            DeValue::Array(items) => {
                let mut out = Vec::new();
                for item in items.iter() {
                    match item.get_ref() {
                        DeValue::Table(t) => out.push((t, span_of(item))),
                        other => {
                            let message = format!(
                                "every item of `{}` should be a table, found {}",
                                join(obj.path, key),
                                type_name(other)
                            );
                            self.report(
                                Code::E004,
                                message,
                                span_of(item),
                                Some(format!("write each one as [[{key}]]")),
                            );
                        }
                    }
                }
                out
            }
            _ => {
                self.wrong(obj, key, v, &format!("a list of tables, written [[{key}]]"));
                Vec::new()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Reader;

    #[test]
    fn line_col_agrees_with_the_text_module_at_every_offset() {
        let src = "a = 1\néé = \"x\"\n\n[[nodes]]\r\nid = \"ü\"\nlast";
        let r = Reader::new("f.toml", src);
        for offset in 0..=src.len() + 2 {
            assert_eq!(
                r.line_col(offset),
                crate::text::line_col(src, offset),
                "offset {offset}"
            );
        }
    }
}

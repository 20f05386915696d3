//! A small text encoding for compiled content: numbers in decimal ended by
//! `,`, strings as their byte length, `:`, and the bytes. It is UTF-8 text
//! (so it can sit in the browser's storage or be embedded with
//! `include_str!`), needs no parser generator, and reading it checks every
//! length against what is left, so damaged input is an error, never a panic
//! or a huge allocation.

/// Writes values in order.
#[derive(Default)]
pub struct Writer {
    pub out: String,
}

impl Writer {
    pub fn uint(&mut self, n: u64) {
        use std::fmt::Write;
        let _ = write!(self.out, "{n},");
    }

    pub fn int(&mut self, n: i64) {
        use std::fmt::Write;
        let _ = write!(self.out, "{n},");
    }

    /// An `f64` as Rust prints it (which reads back exactly).
    pub fn float(&mut self, x: f64) {
        use std::fmt::Write;
        let _ = write!(self.out, "{x},");
    }

    pub fn bool(&mut self, b: bool) {
        self.uint(u64::from(b));
    }

    pub fn str(&mut self, s: &str) {
        use std::fmt::Write;
        let _ = write!(self.out, "{}:", s.len());
        self.out.push_str(s);
    }

    pub fn strs(&mut self, v: &[String]) {
        self.uint(v.len() as u64);
        for s in v {
            self.str(s);
        }
    }

    pub fn opt<T>(&mut self, v: Option<T>, mut each: impl FnMut(&mut Writer, T)) {
        match v {
            None => self.uint(0),
            Some(x) => {
                self.uint(1);
                each(self, x);
            }
        }
    }

    pub fn list<T>(&mut self, v: &[T], mut each: impl FnMut(&mut Writer, &T)) {
        self.uint(v.len() as u64);
        for x in v {
            each(self, x);
        }
    }
}

/// Reads values in the order they were written.
pub struct Reader<'a> {
    text: &'a str,
    pos: usize,
}

/// Why compiled content could not be read: where, and what was expected.
pub type ReadError = String;

impl<'a> Reader<'a> {
    pub fn new(text: &'a str) -> Reader<'a> {
        Reader { text, pos: 0 }
    }

    pub fn at_end(&self) -> bool {
        self.pos >= self.text.len()
    }

    fn fail<T>(&self, what: &str) -> Result<T, ReadError> {
        Err(format!("damaged at byte {}: expected {what}", self.pos))
    }

    /// The text up to the next `end`, which is consumed.
    fn until(&mut self, end: char, what: &str) -> Result<&'a str, ReadError> {
        let rest = &self.text[self.pos..];
        match rest.find(end) {
            Some(i) if i <= 24 => {
                self.pos += i + 1;
                Ok(&rest[..i])
            }
            _ => self.fail(what),
        }
    }

    pub fn uint(&mut self) -> Result<u64, ReadError> {
        let at = self.pos;
        let digits = self.until(',', "a number")?;
        digits
            .parse()
            .map_err(|_| format!("damaged at byte {at}: expected a number"))
    }

    /// A count of items still to read; each takes at least one byte, so a
    /// count larger than what is left is damage, not a reason to allocate.
    pub fn count(&mut self) -> Result<usize, ReadError> {
        let n = self.uint()?;
        if n > (self.text.len() - self.pos) as u64 {
            return self.fail("a count that fits the data");
        }
        Ok(n as usize)
    }

    /// An index or size that must be below `limit`.
    pub fn below(&mut self, limit: u64) -> Result<usize, ReadError> {
        let n = self.uint()?;
        if n >= limit {
            return self.fail(&format!("a number below {limit}"));
        }
        Ok(n as usize)
    }

    pub fn int(&mut self) -> Result<i64, ReadError> {
        let at = self.pos;
        let digits = self.until(',', "a number")?;
        digits
            .parse()
            .map_err(|_| format!("damaged at byte {at}: expected a number"))
    }

    pub fn i32(&mut self) -> Result<i32, ReadError> {
        let at = self.pos;
        i32::try_from(self.int()?).map_err(|_| format!("damaged at byte {at}: number out of range"))
    }

    pub fn float(&mut self) -> Result<f64, ReadError> {
        let at = self.pos;
        let digits = self.until(',', "a number")?;
        digits
            .parse::<f64>()
            .ok()
            .filter(|x| x.is_finite())
            .ok_or_else(|| format!("damaged at byte {at}: expected a number"))
    }

    pub fn bool(&mut self) -> Result<bool, ReadError> {
        Ok(self.below(2)? == 1)
    }

    pub fn str(&mut self) -> Result<String, ReadError> {
        let len = self.until(':', "a string")?;
        let Ok(len) = len.parse::<usize>() else {
            return self.fail("a string's length");
        };
        let end = self.pos.checked_add(len).filter(|&e| e <= self.text.len());
        match end.and_then(|e| self.text.get(self.pos..e).map(|s| (e, s))) {
            Some((e, s)) => {
                self.pos = e;
                Ok(s.to_string())
            }
            None => self.fail("a string that fits the data"),
        }
    }

    pub fn strs(&mut self) -> Result<Vec<String>, ReadError> {
        self.list(Reader::str)
    }

    pub fn opt<T>(
        &mut self,
        each: impl FnOnce(&mut Reader<'a>) -> Result<T, ReadError>,
    ) -> Result<Option<T>, ReadError> {
        if self.bool()? {
            each(self).map(Some)
        } else {
            Ok(None)
        }
    }

    pub fn list<T>(
        &mut self,
        mut each: impl FnMut(&mut Reader<'a>) -> Result<T, ReadError>,
    ) -> Result<Vec<T>, ReadError> {
        let n = self.count()?;
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            out.push(each(self)?);
        }
        Ok(out)
    }

    /// One of `all`, by its position.
    pub fn one_of<T: Copy>(&mut self, all: &[T]) -> Result<T, ReadError> {
        let i = self.below(all.len() as u64)?;
        Ok(all[i])
    }
}

/// The position of `x` in `all` (which holds every value of its type).
pub fn index_of<T: PartialEq>(all: &[T], x: &T) -> u64 {
    all.iter().position(|a| a == x).unwrap_or(0) as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_back_and_damage_is_an_error() {
        let mut w = Writer::default();
        w.uint(42);
        w.int(-7);
        w.float(12.5);
        w.str("héllo, wörld:3,");
        w.opt(Some(true), Writer::bool);
        w.strs(&["a".into(), String::new()]);
        let text = w.out.clone();
        let mut r = Reader::new(&text);
        assert_eq!(r.uint(), Ok(42));
        assert_eq!(r.int(), Ok(-7));
        assert_eq!(r.float(), Ok(12.5));
        assert_eq!(r.str().as_deref(), Ok("héllo, wörld:3,"));
        assert_eq!(r.opt(Reader::bool), Ok(Some(true)));
        assert_eq!(r.strs(), Ok(vec!["a".to_string(), String::new()]));
        assert!(r.at_end());
        // Every prefix and a few corruptions fail cleanly.
        for cut in 0..text.len() {
            if let Some(part) = text.get(..cut) {
                let mut r = Reader::new(part);
                let all = (|| {
                    r.uint()?;
                    r.int()?;
                    r.float()?;
                    r.str()?;
                    r.opt(Reader::bool)?;
                    r.strs()
                })();
                assert!(all.is_err(), "prefix of {cut} bytes");
            }
        }
        assert!(Reader::new("99999999999:x").str().is_err());
        assert!(Reader::new("2:hé").str().is_err(), "cuts a character");
        assert!(
            Reader::new("1000000,").count().is_err(),
            "no huge allocation"
        );
    }
}

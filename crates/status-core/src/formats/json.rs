//! A small JSON reader that remembers where each value stood, so that a problem in a status file
//! can be reported as "line 12, column 18". It is also far smaller in wasm than serde_json, and it
//! never recurses deeper than [`MAX_DEPTH`], so a hostile document cannot exhaust the stack.
//!
//! Documents already parsed by the browser reach the same [`Node`] tree with the same depth limit
//! by walking JavaScript objects (`js/document.rs`), keeping numbers with [`whole_number`]. (The
//! tests read serde_json's values into nodes too, as an oracle; that code lives with them.)

use core::fmt;

/// How deeply arrays and objects may nest. Status files need about six levels.
pub const MAX_DEPTH: usize = 128;

/// Where a value starts in the source text: 1-based line and column (in characters).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    /// 1-based line number.
    pub line: u32,
    /// 1-based column, counted in Unicode scalar values.
    pub column: u32,
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, column {}", self.line, self.column)
    }
}

/// A JSON value with the position it was read from (`None` when it came from a JavaScript object).
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// The value itself.
    pub value: Value,
    /// Where it started in the text, when it came from text.
    pub at: Option<Position>,
}

/// A JSON value. Numbers keep only their integer value: the status format has no fractional
/// numbers, and leaving float parsing out keeps the wasm small.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// `null`
    Null,
    /// `true` or `false`
    Bool(bool),
    /// A number: `Some` when it is a whole number that fits an `i64`, `None` otherwise.
    Number(Option<i64>),
    /// A string, unescaped.
    String(String),
    /// An array.
    Array(Vec<Node>),
    /// An object's members in document order; duplicates are kept, and lookups take the last,
    /// as `JSON.parse` does.
    Object(Vec<(String, Node)>),
}

/// The integer a JavaScript number (always an f64) stands for, when it is whole and an `i64`
/// holds it exactly; `None` otherwise.
pub fn whole_number(n: f64) -> Option<i64> {
    (n.fract() == 0.0 && n.abs() < 9_007_199_254_740_992.0).then_some(n as i64)
}

impl Value {
    /// The JSON type's name, for messages such as "expected a string, found a number".
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        }
    }
}

impl Node {
    /// The member `key` of an object (the last one, if the key repeats).
    pub fn get(&self, key: &str) -> Option<&Node> {
        match &self.value {
            Value::Object(members) => members.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The string value, if this is a string.
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::String(s) => Some(s),
            _ => None,
        }
    }
}

/// Why a text is not JSON, and where.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{at}: {kind}")]
pub struct JsonError {
    /// Where the reader stopped.
    pub at: Position,
    /// What it found there.
    pub kind: JsonErrorKind,
}

/// The kinds of JSON syntax error.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum JsonErrorKind {
    /// The text is empty or only white space.
    #[error("the file is empty")]
    Empty,
    /// The text starts with `<`: an HTML page, most often a server's error page.
    #[error("this is HTML, not JSON (is the URL pointing at an error page?)")]
    LooksLikeHtml,
    /// The text ended inside a value.
    #[error("the file ends in the middle of {0}")]
    UnexpectedEnd(&'static str),
    /// A character that cannot stand here.
    #[error("expected {expected}, found `{found}`")]
    Unexpected {
        /// What the grammar allows here.
        expected: &'static str,
        /// The character found instead.
        found: char,
    },
    /// A bad backslash escape inside a string.
    #[error("invalid escape `\\{0}` in a string")]
    BadEscape(char),
    /// A raw control character (such as a line break) inside a string.
    #[error(
        "a string contains a raw control character (U+{0:04X}); write it as an escape such as \\n"
    )]
    ControlCharacter(u32),
    /// Arrays and objects nest deeper than [`MAX_DEPTH`].
    #[error("arrays and objects nest deeper than {MAX_DEPTH} levels")]
    TooDeep,
    /// Something follows the document's single value.
    #[error("unexpected `{0}` after the end of the document")]
    TrailingCharacters(char),
}

/// Reads a whole JSON text into a [`Node`] tree. A leading byte-order mark is skipped.
pub fn parse(text: &str) -> Result<Node, JsonError> {
    let mut parsing = Parsing::new(text)?;
    loop {
        if let Some(node) = parsing.step(usize::MAX)? {
            return Ok(node);
        }
    }
}

/// A parse that can stop and go on, so that a browser can read a large text in several tasks:
/// [`Parsing::step`] reads on for about as many bytes as it is given, and hands back the
/// [`Node`] tree once the text is read. The same tree and the same errors as [`parse`], which is
/// one step without a limit. It keeps its open arrays and objects on a stack of its own, so a
/// deeply nested text never deepens the call stack.
pub struct Parsing<'a> {
    p: Parser<'a>,
    /// The arrays and objects open around the current value, outermost first.
    open: Vec<Open>,
}

/// An array or object whose closing bracket has not been read yet.
enum Open {
    Array {
        at: Option<Position>,
        items: Vec<Node>,
    },
    Object {
        at: Option<Position>,
        members: Vec<(String, Node)>,
        /// The member name whose value is being read.
        key: String,
    },
}

impl Open {
    fn close(self) -> Node {
        match self {
            Open::Array { at, items } => Node {
                value: Value::Array(items),
                at,
            },
            Open::Object { at, members, .. } => Node {
                value: Value::Object(members),
                at,
            },
        }
    }
}

impl<'a> Parsing<'a> {
    /// Starts reading `text`; an empty text and an HTML page are refused at once.
    pub fn new(text: &'a str) -> Result<Self, JsonError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut p = Parser {
            text,
            bytes: text.as_bytes(),
            pos: 0,
            line: 1,
            line_start: 0,
            col_cache: (0, 1),
        };
        p.skip_ws();
        match p.peek() {
            None => Err(p.error(JsonErrorKind::Empty)),
            Some(b'<') => Err(p.error(JsonErrorKind::LooksLikeHtml)),
            Some(_) => Ok(Parsing {
                p,
                open: Vec::new(),
            }),
        }
    }

    /// Reads on until at least `budget` more bytes of the text have been read (at a value's end)
    /// or the text is read: `Ok(Some(tree))` then, `Ok(None)` while there is more to read.
    pub fn step(&mut self, budget: usize) -> Result<Option<Node>, JsonError> {
        let stop = self.p.pos.saturating_add(budget);
        loop {
            // Here a value starts (white space already skipped): a scalar is read whole, a
            // container is opened, and an empty one closed at once.
            let Some(node) = self.begin()? else {
                continue;
            };
            // A value is complete: it goes into the container around it, after which that
            // container either goes on (a comma) or closes, completing a value in turn.
            let mut completed = Some(node);
            while let Some(node) = completed.take() {
                match self.open.last_mut() {
                    None => {
                        self.p.skip_ws();
                        return match self.p.peek_char() {
                            None => Ok(Some(node)),
                            Some(c) => Err(self.p.error(JsonErrorKind::TrailingCharacters(c))),
                        };
                    }
                    Some(Open::Array { items, .. }) => items.push(node),
                    Some(Open::Object { members, key, .. }) => {
                        members.push((core::mem::take(key), node))
                    }
                }
                self.p.skip_ws();
                let in_array = matches!(self.open.last(), Some(Open::Array { .. }));
                match (in_array, self.p.peek()) {
                    (true, Some(b',')) => {
                        self.p.pos += 1;
                        self.p.skip_ws();
                    }
                    (false, Some(b',')) => {
                        self.p.pos += 1;
                        self.member_name()?;
                    }
                    (true, Some(b']')) | (false, Some(b'}')) => {
                        self.p.pos += 1;
                        completed = self.open.pop().map(Open::close);
                    }
                    (true, _) => {
                        return Err(self.p.unexpected("`,` or `]` after an item", "an array"))
                    }
                    (false, _) => {
                        return Err(self.p.unexpected("`,` or `}` after a member", "an object"))
                    }
                }
            }
            if self.p.pos >= stop {
                return Ok(None);
            }
        }
    }

    /// Reads the value that starts here: `Some` for a scalar or an empty container, `None` when
    /// a container was opened (its first member name read, for an object).
    fn begin(&mut self) -> Result<Option<Node>, JsonError> {
        let at = Some(self.p.position());
        let value = match self.p.peek() {
            Some(open @ (b'{' | b'[')) => {
                if self.open.len() + 1 > MAX_DEPTH {
                    return Err(self.p.error(JsonErrorKind::TooDeep));
                }
                self.p.pos += 1;
                self.p.skip_ws();
                let empty = if open == b'{' { b'}' } else { b']' };
                if self.p.peek() == Some(empty) {
                    self.p.pos += 1;
                    let value = if open == b'{' {
                        Value::Object(Vec::new())
                    } else {
                        Value::Array(Vec::new())
                    };
                    return Ok(Some(Node { value, at }));
                }
                if open == b'[' {
                    self.open.push(Open::Array {
                        at,
                        items: Vec::new(),
                    });
                } else {
                    self.open.push(Open::Object {
                        at,
                        members: Vec::new(),
                        key: String::new(),
                    });
                    self.member_name()?;
                }
                return Ok(None);
            }
            Some(b'"') => Value::String(self.p.string()?),
            Some(b't') => self.p.literal("true", Value::Bool(true))?,
            Some(b'f') => self.p.literal("false", Value::Bool(false))?,
            Some(b'n') => self.p.literal("null", Value::Null)?,
            Some(b'-' | b'0'..=b'9') => self.p.number()?,
            _ => return Err(self.p.unexpected("a JSON value", "a value")),
        };
        Ok(Some(Node { value, at }))
    }

    /// Reads `"name":` in the innermost open object, up to where its value starts.
    fn member_name(&mut self) -> Result<(), JsonError> {
        self.p.skip_ws();
        if self.p.peek() != Some(b'"') {
            return Err(self
                .p
                .unexpected("a member name in double quotes", "an object"));
        }
        let name = self.p.string()?;
        self.p.skip_ws();
        if self.p.peek() != Some(b':') {
            return Err(self.p.unexpected("`:` after a member name", "an object"));
        }
        self.p.pos += 1;
        self.p.skip_ws();
        if let Some(Open::Object { key, .. }) = self.open.last_mut() {
            *key = name;
        }
        Ok(())
    }
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    line: u32,
    line_start: usize,
    /// (byte offset, column) of the last column computed on this line, so that columns on one
    /// very long line (a minified file) cost linear time in total.
    col_cache: (usize, u32),
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn peek_char(&self) -> Option<char> {
        self.text.get(self.pos..).and_then(|s| s.chars().next())
    }

    fn position(&mut self) -> Position {
        let (from, col) = if self.col_cache.0 >= self.line_start && self.col_cache.0 <= self.pos {
            self.col_cache
        } else {
            (self.line_start, 1)
        };
        let column = col + self.text[from..self.pos].chars().count() as u32;
        self.col_cache = (self.pos, column);
        Position {
            line: self.line,
            column,
        }
    }

    fn error(&mut self, kind: JsonErrorKind) -> JsonError {
        JsonError {
            at: self.position(),
            kind,
        }
    }

    fn unexpected(&mut self, expected: &'static str, inside: &'static str) -> JsonError {
        match self.peek_char() {
            Some(found) => self.error(JsonErrorKind::Unexpected { expected, found }),
            None => self.error(JsonErrorKind::UnexpectedEnd(inside)),
        }
    }

    fn skip_ws(&mut self) {
        while let Some(b) = self.peek() {
            match b {
                b' ' | b'\t' | b'\r' => self.pos += 1,
                b'\n' => {
                    self.pos += 1;
                    self.line += 1;
                    self.line_start = self.pos;
                }
                _ => break,
            }
        }
    }

    fn literal(&mut self, word: &'static str, value: Value) -> Result<Value, JsonError> {
        if self.bytes[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(value)
        } else {
            // Point at the first character that differs.
            let same = word
                .bytes()
                .zip(&self.bytes[self.pos..])
                .take_while(|(a, b)| a == *b)
                .count();
            self.pos += same;
            Err(self.unexpected("a JSON value", "a value"))
        }
    }

    fn string(&mut self) -> Result<String, JsonError> {
        self.pos += 1; // the opening quote
        let mut out = String::new();
        loop {
            let run_start = self.pos;
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            // Only ASCII bytes stop the scan, so both ends are character boundaries.
            out.push_str(&self.text[run_start..self.pos]);
            match self.peek() {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    out.push(self.escape()?);
                }
                Some(b) => return Err(self.error(JsonErrorKind::ControlCharacter(u32::from(b)))),
                None => return Err(self.error(JsonErrorKind::UnexpectedEnd("a string"))),
            }
        }
    }

    fn escape(&mut self) -> Result<char, JsonError> {
        let Some(c) = self.peek_char() else {
            return Err(self.error(JsonErrorKind::UnexpectedEnd("a string")));
        };
        self.pos += c.len_utf8();
        Ok(match c {
            '"' => '"',
            '\\' => '\\',
            '/' => '/',
            'b' => '\u{8}',
            'f' => '\u{c}',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            'u' => {
                let first = self.hex4()?;
                if (0xD800..0xDC00).contains(&first) && self.bytes[self.pos..].starts_with(b"\\u") {
                    let save = self.pos;
                    self.pos += 2;
                    let second = self.hex4()?;
                    if (0xDC00..0xE000).contains(&second) {
                        let code = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
                        return Ok(char::from_u32(code).unwrap_or('\u{fffd}'));
                    }
                    self.pos = save;
                }
                // A lone surrogate cannot live in a Rust string: it becomes U+FFFD.
                char::from_u32(first).unwrap_or('\u{fffd}')
            }
            other => {
                self.pos -= other.len_utf8();
                return Err(self.error(JsonErrorKind::BadEscape(other)));
            }
        })
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let mut code = 0;
        for _ in 0..4 {
            let digit = self.peek().and_then(|b| (b as char).to_digit(16));
            match digit {
                Some(d) => {
                    code = code * 16 + d;
                    self.pos += 1;
                }
                None => return Err(self.unexpected("four hex digits after \\u", "a string")),
            }
        }
        Ok(code)
    }

    fn number(&mut self) -> Result<Value, JsonError> {
        let negative = self.peek() == Some(b'-');
        if negative {
            self.pos += 1;
        }
        let mut integer: Option<i64> = Some(0);
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => {
                while let Some(d @ b'0'..=b'9') = self.peek() {
                    let digit = i64::from(d - b'0');
                    integer = integer
                        .and_then(|n| n.checked_mul(10))
                        .and_then(|n| n.checked_add(digit));
                    self.pos += 1;
                }
            }
            _ => return Err(self.unexpected("a digit", "a number")),
        }
        let mut whole = true;
        if self.peek() == Some(b'.') {
            self.pos += 1;
            whole = false;
            self.digits()?;
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            whole = false;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            self.digits()?;
        }
        let value = integer
            .filter(|_| whole)
            .map(|n| if negative { -n } else { n });
        Ok(Value::Number(value))
    }

    fn digits(&mut self) -> Result<(), JsonError> {
        let start = self.pos;
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
        if self.pos == start {
            return Err(self.unexpected("a digit", "a number"));
        }
        Ok(())
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// Reads serde_json's values into a [`Node`] tree, refusing to nest deeper than [`MAX_DEPTH`]:
    /// the oracle the tests compare the reader with. Test code only: the widget reads JavaScript
    /// objects with js-sys (`js/document.rs`), never through serde.
    impl<'de> serde::Deserialize<'de> for Node {
        fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            serde::de::DeserializeSeed::deserialize(NodeSeed { depth: 0 }, deserializer)
        }
    }

    struct NodeSeed {
        depth: usize,
    }

    impl<'de> serde::de::DeserializeSeed<'de> for NodeSeed {
        type Value = Node;
        fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Node, D::Error> {
            d.deserialize_any(self)
        }
    }

    impl<'de> serde::de::Visitor<'de> for NodeSeed {
        type Value = Node;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a JSON value")
        }

        fn visit_bool<E>(self, v: bool) -> Result<Node, E> {
            Ok(bare(Value::Bool(v)))
        }
        fn visit_i64<E>(self, v: i64) -> Result<Node, E> {
            Ok(bare(Value::Number(Some(v))))
        }
        fn visit_u64<E>(self, v: u64) -> Result<Node, E> {
            Ok(bare(Value::Number(i64::try_from(v).ok())))
        }
        fn visit_f64<E>(self, v: f64) -> Result<Node, E> {
            Ok(bare(Value::Number(whole_number(v))))
        }
        fn visit_str<E>(self, v: &str) -> Result<Node, E> {
            Ok(bare(Value::String(v.to_owned())))
        }
        fn visit_string<E>(self, v: String) -> Result<Node, E> {
            Ok(bare(Value::String(v)))
        }
        fn visit_unit<E>(self) -> Result<Node, E> {
            Ok(bare(Value::Null))
        }
        fn visit_none<E>(self) -> Result<Node, E> {
            Ok(bare(Value::Null))
        }
        fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Node, D::Error> {
            serde::de::DeserializeSeed::deserialize(self, d)
        }

        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
            let depth = self.deeper::<A::Error>()?;
            let mut items = Vec::new();
            while let Some(item) = seq.next_element_seed(NodeSeed { depth })? {
                items.push(item);
            }
            Ok(bare(Value::Array(items)))
        }

        fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
            let depth = self.deeper::<A::Error>()?;
            let mut members = Vec::new();
            while let Some(key) = map.next_key::<String>()? {
                members.push((key, map.next_value_seed(NodeSeed { depth })?));
            }
            Ok(bare(Value::Object(members)))
        }
    }

    impl NodeSeed {
        fn deeper<E: serde::de::Error>(&self) -> Result<usize, E> {
            if self.depth >= MAX_DEPTH {
                Err(E::custom(JsonErrorKind::TooDeep))
            } else {
                Ok(self.depth + 1)
            }
        }
    }

    fn bare(value: Value) -> Node {
        Node { value, at: None }
    }

    fn err(text: &str) -> String {
        parse(text).unwrap_err().to_string()
    }

    #[test]
    fn reads_every_json_type_with_positions() {
        let node = parse("{\n  \"a\": [1, -2, 3.5, 1e3, 99999999999999999999],\n  \"b\": \"x\\u00e9\\ud83d\\ude00\\n\", \"c\": null, \"d\": true}").unwrap();
        let a = node.get("a").unwrap();
        assert_eq!(a.at, Some(Position { line: 2, column: 8 }));
        let Value::Array(items) = &a.value else {
            panic!()
        };
        let numbers: Vec<_> = items.iter().map(|n| n.value.clone()).collect();
        assert_eq!(
            numbers,
            [
                Value::Number(Some(1)),
                Value::Number(Some(-2)),
                Value::Number(None),
                Value::Number(None),
                Value::Number(None)
            ]
        );
        assert_eq!(node.get("b").unwrap().as_str(), Some("xé😀\n"));
        assert_eq!(node.get("c").unwrap().value, Value::Null);
        assert_eq!(node.get("d").unwrap().value, Value::Bool(true));
        assert_eq!(
            node.get("d").unwrap().at,
            Some(Position {
                line: 3,
                column: 49
            })
        );
    }

    #[test]
    fn errors_say_where_and_what() {
        assert_eq!(
            err("{\"a\": 1,}"),
            "line 1, column 9: expected a member name in double quotes, found `}`"
        );
        assert_eq!(
            err("{\n  \"a\" 1}"),
            "line 2, column 7: expected `:` after a member name, found `1`"
        );
        assert_eq!(
            err("[1, 2"),
            "line 1, column 6: the file ends in the middle of an array"
        );
        assert_eq!(err("  \n "), "line 2, column 2: the file is empty");
        assert_eq!(
            err("<!doctype html><p>502 Bad Gateway"),
            "line 1, column 1: this is HTML, not JSON (is the URL pointing at an error page?)"
        );
        assert_eq!(
            err("{\"a\": tru}"),
            "line 1, column 10: expected a JSON value, found `}`"
        );
        assert_eq!(err("\"a\nb\""), "line 1, column 3: a string contains a raw control character (U+000A); write it as an escape such as \\n");
        assert_eq!(
            err("\"\\x\""),
            "line 1, column 3: invalid escape `\\x` in a string"
        );
        assert_eq!(
            err("{} {}"),
            "line 1, column 4: unexpected `{` after the end of the document"
        );
        assert_eq!(
            err("[01]"),
            "line 1, column 3: expected `,` or `]` after an item, found `1`"
        );
        assert_eq!(err("[-]"), "line 1, column 3: expected a digit, found `]`");
        assert_eq!(err("[1.]"), "line 1, column 4: expected a digit, found `]`");
        assert_eq!(
            err("\"é\" é"),
            "line 1, column 5: unexpected `é` after the end of the document"
        );
    }

    #[test]
    fn nesting_is_bounded_without_recursing_to_the_end() {
        let deep = "[".repeat(20_000) + &"]".repeat(20_000);
        let e = parse(&deep).unwrap_err();
        assert_eq!(e.kind, JsonErrorKind::TooDeep);
        assert_eq!(e.at.column as usize, MAX_DEPTH + 1);
        let ok = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(parse(&ok).is_ok());
        let mut value = serde_json::json!(1);
        for _ in 0..200 {
            value = serde_json::json!({ "a": value });
        }
        let via_serde = serde_json::from_value::<Node>(value);
        assert!(via_serde
            .unwrap_err()
            .to_string()
            .contains("deeper than 128"));
    }

    #[test]
    fn byte_order_mark_and_lone_surrogates_are_tolerated() {
        assert_eq!(parse("\u{feff}\"a\"").unwrap().as_str(), Some("a"));
        assert_eq!(parse("\"\\ud800x\"").unwrap().as_str(), Some("\u{fffd}x"));
    }

    #[test]
    fn columns_on_one_long_line_stay_linear() {
        // A minified 2 MB document with an error at its very end.
        let body = "{\"a\":\"ééééééééé\"},".repeat(100_000);
        let text = format!("[{body}]");
        let e = parse(&text).unwrap_err();
        assert_eq!(e.at.line, 1);
        assert_eq!(e.at.column as usize, text.chars().count());
    }

    /// `text` parsed in steps of `budget` bytes, as the browser parses a large file.
    fn in_steps(text: &str, budget: usize) -> Result<Node, String> {
        let mut parsing = Parsing::new(text).map_err(|e| e.to_string())?;
        loop {
            if let Some(node) = parsing.step(budget).map_err(|e| e.to_string())? {
                return Ok(node);
            }
        }
    }

    #[test]
    fn errors_in_steps_are_the_errors_of_one_parse() {
        let cases = [
            "{\"a\": 1,}",
            "{\n  \"a\" 1}",
            "[1, 2",
            "  \n ",
            "<!doctype html><p>502 Bad Gateway",
            "{\"a\": tru}",
            "{} {}",
            "[01]",
            "[[], {}, [{\"a\": [1, {\"b\": }]}]]",
        ];
        for text in cases {
            for budget in [1, 2, 5, usize::MAX] {
                assert_eq!(in_steps(text, budget), Err(err(text)), "{text:?}, {budget}");
            }
        }
        // Nesting is bounded in steps too, however small they are.
        let deep = "[".repeat(20_000) + &"]".repeat(20_000);
        assert_eq!(in_steps(&deep, 1), Err(err(&deep)));
    }

    proptest::proptest! {
        #[test]
        fn any_json_in_any_steps_is_the_same_tree(v in arb_json(), budget in 1usize..48) {
            let text = serde_json::to_string_pretty(&v).unwrap();
            proptest::prop_assert_eq!(in_steps(&text, budget), Ok(parse(&text).unwrap()));
        }

        #[test]
        fn any_text_in_any_steps_reads_or_fails_as_one_parse(s in "\\PC{0,64}", budget in 1usize..8) {
            proptest::prop_assert_eq!(in_steps(&s, budget), parse(&s).map_err(|e| e.to_string()));
        }

        #[test]
        fn agrees_with_serde_json_on_any_value(v in arb_json()) {
            let text = serde_json::to_string_pretty(&v).unwrap();
            let ours = parse(&text).unwrap();
            let theirs: Node = serde_json::from_str(&text).unwrap();
            proptest::prop_assert!(same(&ours, &theirs));
        }

        #[test]
        fn never_panics_on_arbitrary_text(s in "\\PC{0,64}") {
            let _ = parse(&s);
        }
    }

    fn same(a: &Node, b: &Node) -> bool {
        match (&a.value, &b.value) {
            (Value::Array(x), Value::Array(y)) => {
                x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b))
            }
            (Value::Object(x), Value::Object(y)) => {
                x.len() == y.len()
                    && x.iter()
                        .zip(y)
                        .all(|((ka, a), (kb, b))| ka == kb && same(a, b))
            }
            (x, y) => x == y,
        }
    }

    fn arb_json() -> impl proptest::strategy::Strategy<Value = serde_json::Value> {
        use proptest::prelude::*;
        let leaf = prop_oneof![
            Just(serde_json::Value::Null),
            any::<bool>().prop_map(serde_json::Value::Bool),
            any::<i64>().prop_map(|n| serde_json::json!(n)),
            "\\PC*".prop_map(serde_json::Value::String),
        ];
        leaf.prop_recursive(6, 64, 8, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..8).prop_map(serde_json::Value::Array),
                proptest::collection::btree_map("\\PC{0,8}", inner, 0..8)
                    .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
            ]
        })
    }
}

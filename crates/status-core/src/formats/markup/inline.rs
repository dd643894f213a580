//! Inline markup within one line: escapes, character references, tags, code spans, emphasis
//! marks, Markdown links and bare `http(s)://` addresses.

use super::html;
use super::{absolute_link, Builder, Frame, Inline, Opener, MAX_DEPTH};

/// Where a byte next occurs at or after a position, remembered between questions so that
/// asking again and again never scans the same text twice.
struct NextByte {
    byte: u8,
    /// The last answer: where it was asked from, and where the byte was found.
    from: usize,
    found: Option<usize>,
}

impl NextByte {
    fn new(byte: u8) -> Self {
        NextByte {
            byte,
            from: usize::MAX,
            found: None,
        }
    }

    fn at_or_after(&mut self, bytes: &[u8], from: usize) -> Option<usize> {
        let known = match self.found {
            Some(found) => self.from <= from && from <= found,
            None => self.from <= from,
        };
        if !known {
            self.from = from;
            self.found = bytes
                .get(from..)?
                .iter()
                .position(|&b| b == self.byte)
                .map(|p| from + p);
        }
        self.found
    }
}

/// The Markdown link syntax a line may hold, looked up with remembered scans.
struct LinkSyntax {
    close_bracket: NextByte,
    close_paren: NextByte,
}

impl LinkSyntax {
    /// `[words](address)` starting at `open` (a `[`): the words' end, the address and the
    /// position after the `)`.
    fn at<'s>(&mut self, line: &'s str, open: usize) -> Option<(usize, &'s str, usize)> {
        let bytes = line.as_bytes();
        let close = self.close_bracket.at_or_after(bytes, open + 1)?;
        if bytes.get(close + 1) != Some(&b'(') {
            return None;
        }
        let end = self.close_paren.at_or_after(bytes, close + 2)?;
        let target = line[close + 2..end].trim();
        // An optional title follows the address after a space.
        let address = target.split([' ', '\t']).next().unwrap_or("");
        let address = address
            .strip_prefix('<')
            .and_then(|a| a.strip_suffix('>'))
            .unwrap_or(address);
        Some((close, address, end + 1))
    }
}

impl Builder {
    /// Reads the inline content of `line` into the block being read.
    pub(super) fn inline(&mut self, line: &str) {
        let bytes = line.as_bytes();
        let last_star = line.rfind('*');
        let last_underscore = line.rfind('_');
        let mut links = LinkSyntax {
            close_bracket: NextByte::new(b']'),
            close_paren: NextByte::new(b')'),
        };
        // A code span of n backticks with no closing run after this position (n up to 4).
        let mut no_code_after = [usize::MAX; 5];
        let mut i = 0;
        let mut words = 0;
        while i < bytes.len() {
            if let Some(end) = self.hidden {
                match hidden_end(&line[i..], end) {
                    Some(len) => {
                        self.hidden = None;
                        i += len;
                        words = i;
                        continue;
                    }
                    None => return,
                }
            }
            match bytes[i] {
                b'\\' if bytes.get(i + 1).is_some_and(u8::is_ascii_punctuation) => {
                    self.text(&line[words..i]);
                    words = i + 1;
                    i += 2;
                }
                b'&' => match html::reference(&line[i..]) {
                    Some((c, len)) => {
                        self.text(&line[words..i]);
                        self.text(c.encode_utf8(&mut [0; 4]));
                        i += len;
                        words = i;
                    }
                    None => i += 1,
                },
                b'<' => {
                    let rest = &line[i..];
                    if rest.starts_with("<!--") {
                        self.text(&line[words..i]);
                        self.hidden = Some("-->");
                        i += 4;
                        words = i;
                    } else if let Some(tag) = html::tag(rest) {
                        self.text(&line[words..i]);
                        i += tag.len;
                        words = i;
                        self.tag(tag);
                    } else if let Some(address) = angle_address(rest) {
                        self.text(&line[words..i]);
                        self.address(address);
                        i += address.len() + 2;
                        words = i;
                    } else {
                        i += 1;
                    }
                }
                b'`' => {
                    let run = bytes[i..].iter().take_while(|&&b| b == b'`').count();
                    let after = i + run;
                    let close = (run < no_code_after.len() && no_code_after[run] > after)
                        .then(|| closing_backticks(bytes, after, run))
                        .flatten();
                    match close {
                        Some(close) => {
                            self.text(&line[words..i]);
                            self.push(Inline::Code(line[after..close].trim().to_owned()));
                            i = close + run;
                            words = i;
                        }
                        None => {
                            if run < no_code_after.len() {
                                no_code_after[run] = after;
                            }
                            i = after;
                        }
                    }
                }
                mark @ (b'*' | b'_') => {
                    let run = bytes[i..].iter().take_while(|&&b| b == mark).count();
                    let last = if mark == b'*' {
                        last_star
                    } else {
                        last_underscore
                    };
                    // Another mark of this kind later on the line may close one opened here.
                    let may_close_later = last.is_some_and(|l| l >= i + run);
                    self.text(&line[words..i]);
                    self.marks(line, i, run, may_close_later);
                    i += run;
                    words = i;
                }
                b'!' if bytes.get(i + 1) == Some(&b'[') => match links.at(line, i + 1) {
                    Some((close, _, end)) => {
                        // An image: its description is what a reader of the text gets.
                        self.text(&line[words..i]);
                        self.text(&line[i + 2..close]);
                        i = end;
                        words = i;
                    }
                    None => i += 2,
                },
                b'[' if !self.in_link() => match links.at(line, i) {
                    Some((close, address, end)) => {
                        self.text(&line[words..i]);
                        if self.open(Frame::Link(absolute_link(&html::decode(address)))) {
                            self.inline(&line[i + 1..close]);
                            self.close(|f| matches!(f, Frame::Link(_)));
                        } else {
                            self.inline(&line[i + 1..close]);
                        }
                        i = end;
                        words = i;
                    }
                    None => i += 1,
                },
                b'h' | b'H' if !self.in_link() => {
                    let starts_word = !line[..i]
                        .chars()
                        .next_back()
                        .is_some_and(char::is_alphanumeric);
                    match bare_address(&line[i..]).filter(|_| starts_word) {
                        Some(address) => {
                            self.text(&line[words..i]);
                            self.address(address);
                            i += address.len();
                            words = i;
                        }
                        None => i += 1,
                    }
                }
                _ => i += 1,
            }
        }
        self.text(&line[words..]);
    }

    /// A run of `run` emphasis marks at `at`: closes open emphasis, opens new emphasis, or is
    /// text, by the Markdown rules of which side of the run has words.
    fn marks(&mut self, line: &str, at: usize, run: usize, may_close_later: bool) {
        let mark = line.as_bytes()[at];
        let before = line[..at].chars().next_back();
        let after = line[at + run..].chars().next();
        let mut opens = after.is_some_and(|c| !c.is_whitespace());
        let mut closes = before.is_some_and(|c| !c.is_whitespace());
        if mark == b'_' {
            // `snake_case_names` are words, not emphasis.
            opens &= !before.is_some_and(char::is_alphanumeric);
            closes &= !after.is_some_and(char::is_alphanumeric);
        }
        // Marks opened by this run cannot be closed by it.
        let mut closable = self.open.len();
        let mut used = 0;
        while used < run {
            let left = run - used;
            let innermost = self.open[..closable].iter().rposition(|o| {
                matches!(o.frame, Frame::Strong(Opener::Mark(m)) | Frame::Emphasis(Opener::Mark(m))
                    if m.as_bytes()[0] == mark)
            });
            if let Some(at) = innermost.filter(|_| closes) {
                let width = match self.open[at].frame {
                    Frame::Strong(_) => 2,
                    _ => 1,
                };
                if width <= left {
                    self.close_at(at);
                    closable = at;
                    used += width;
                    continue;
                }
            }
            if opens && may_close_later && self.open.len() < MAX_DEPTH {
                let strong = left >= 2;
                let text = if mark == b'*' { "**" } else { "__" };
                let frame = if strong {
                    Frame::Strong(Opener::Mark(text))
                } else {
                    Frame::Emphasis(Opener::Mark(&text[1..]))
                };
                self.open(frame);
                used += if strong { 2 } else { 1 };
                continue;
            }
            self.text(&line[at + used..at + run]);
            break;
        }
    }

    /// An address written out in the text, linked to itself when it may be.
    fn address(&mut self, address: &str) {
        let shown = Inline::Text(address.to_owned());
        match absolute_link(&html::decode(address)) {
            Some(href) => self.push(Inline::Link {
                href,
                content: vec![shown],
            }),
            None => self.push(shown),
        }
    }
}

/// The length of `text` up to and including the end of a hidden element (`</script>`) or of a
/// comment (`-->`), if this line holds it.
fn hidden_end(text: &str, end: &str) -> Option<usize> {
    if end == "-->" {
        return text.find(end).map(|at| at + end.len());
    }
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(at) = text[from..].find("</").map(|p| from + p) {
        let name = bytes.get(at + 2..at + 2 + end.len());
        if name.is_some_and(|n| n.eq_ignore_ascii_case(end.as_bytes())) {
            let close = text[at..].find('>').map_or(text.len(), |p| at + p + 1);
            return Some(close);
        }
        from = at + 2;
    }
    None
}

/// Where a run of exactly `run` backticks starts at or after `from`.
fn closing_backticks(bytes: &[u8], from: usize, run: usize) -> Option<usize> {
    let mut i = from;
    while i < bytes.len() {
        if bytes[i] == b'`' {
            let len = bytes[i..].iter().take_while(|&&b| b == b'`').count();
            if len == run {
                return Some(i);
            }
            i += len;
        } else {
            i += 1;
        }
    }
    None
}

/// `<https://…>` or `<mailto:…>` at the start of `text`: the address inside.
fn angle_address(text: &str) -> Option<&str> {
    let end = text.bytes().take(1024).position(|b| b == b'>')?;
    let address = &text[1..end];
    let scheme = address.split(':').next()?;
    (["http", "https", "mailto"]
        .iter()
        .any(|s| s.eq_ignore_ascii_case(scheme))
        && address.len() > scheme.len() + 1
        && !address.contains(char::is_whitespace))
    .then_some(address)
}

/// A bare `http://` or `https://` address at the start of `text`, without the punctuation that
/// ends the sentence around it.
fn bare_address(text: &str) -> Option<&str> {
    let scheme = ["https://", "http://"].into_iter().find(|s| {
        text.get(..s.len())
            .is_some_and(|t| t.eq_ignore_ascii_case(s))
    })?;
    let end = text
        .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '`'))
        .unwrap_or(text.len());
    let mut address = &text[..end];
    let opened = address.matches('(').count();
    let mut closed = address.matches(')').count();
    while let Some(last) = address.bytes().last() {
        // A closing bracket belongs to the address only when the address opened one.
        let sentence = match last {
            b'.' | b',' | b':' | b';' | b'!' | b'?' | b'\'' | b'*' | b'_' => true,
            b')' if closed > opened => {
                closed -= 1;
                true
            }
            _ => false,
        };
        if !sentence {
            break;
        }
        address = &address[..address.len() - 1];
    }
    (address.len() > scheme.len()).then_some(address)
}

//! `status-widget serve DIR`: a preview server on 127.0.0.1 only. Every file gets its MIME type
//! (`application/wasm` included), an `ETag` with `Cache-Control: no-cache` (so an unchanged status
//! file costs a 304, as on a well-configured host) and `Access-Control-Allow-Origin: *` (so a page
//! on another port can show the cross-origin case). GET and HEAD only.

use super::CliError;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::process::ExitCode;

/// Serves `dir` on `127.0.0.1:port` (port 0: any free port, printed) until interrupted.
pub fn run(dir: &Path, port: u16) -> Result<ExitCode, CliError> {
    let root = dir.canonicalize().map_err(|e| CliError::io(dir, e))?;
    let listener = TcpListener::bind(("127.0.0.1", port))
        .map_err(|source| CliError::Listen { port, source })?;
    let port = listener.local_addr().map_or(port, |a| a.port());
    println!(
        "serving {} on http://127.0.0.1:{port}/ (Ctrl-C stops)",
        root.display()
    );
    for stream in listener.incoming().flatten() {
        let root = root.clone();
        std::thread::spawn(move || {
            let _ = handle(stream, &root);
        });
    }
    Ok(ExitCode::SUCCESS)
}

/// The MIME type for a file name.
pub fn mime(path: &Path) -> &'static str {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
    {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "wasm" => "application/wasm",
        "atom" => "application/atom+xml",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" | "md" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// A strong ETag from the content (FNV-1a, 64 bits: a cache validator, not a security check).
fn etag(body: &[u8]) -> String {
    let hash = body.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("\"{hash:016x}-{}\"", body.len())
}

/// The file a request path names inside `root`, or `None` for anything outside it.
fn resolve(root: &Path, target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let mut file = root.to_path_buf();
    for part in Path::new(path.trim_start_matches('/')).components() {
        match part {
            Component::Normal(name) => file.push(name),
            Component::CurDir => {}
            _ => return None,
        }
    }
    if file.is_dir() {
        file.push("index.html");
    }
    Some(file)
}

/// Answers the requests on one connection until the client closes it or asks to.
fn handle(stream: TcpStream, root: &Path) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut stream = stream;
    loop {
        let mut request_line = String::new();
        if reader.read_line(&mut request_line)? == 0 {
            return Ok(());
        }
        let mut if_none_match = None;
        let mut close = false;
        loop {
            let mut header = String::new();
            if reader.read_line(&mut header)? == 0 || header.trim().is_empty() {
                break;
            }
            if let Some((name, value)) = header.split_once(':') {
                let name = name.trim();
                if name.eq_ignore_ascii_case("if-none-match") {
                    if_none_match = Some(value.trim().to_owned());
                } else if name.eq_ignore_ascii_case("connection") {
                    close = value.trim().eq_ignore_ascii_case("close");
                }
            }
        }
        let mut parts = request_line.split_whitespace();
        let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
        respond(&mut stream, root, method, target, if_none_match.as_deref())?;
        stream.flush()?;
        if close {
            return Ok(());
        }
    }
}

/// Writes the response to one request.
fn respond(
    stream: &mut TcpStream,
    root: &Path,
    method: &str,
    target: &str,
    if_none_match: Option<&str>,
) -> std::io::Result<()> {
    let common = "Access-Control-Allow-Origin: *\r\nAccess-Control-Expose-Headers: ETag\r\nCache-Control: no-cache\r\n";
    if method != "GET" && method != "HEAD" {
        return write!(stream, "HTTP/1.1 405 Method Not Allowed\r\n{common}Allow: GET, HEAD\r\nContent-Length: 0\r\n\r\n");
    }
    let file = resolve(root, target);
    let body = file.as_deref().and_then(|f| std::fs::read(f).ok());
    let (Some(file), Some(body)) = (file, body) else {
        let text = b"not found\n";
        write!(stream, "HTTP/1.1 404 Not Found\r\n{common}Content-Type: text/plain; charset=utf-8\r\nContent-Length: {}\r\n\r\n", text.len())?;
        return if method == "GET" {
            stream.write_all(text)
        } else {
            Ok(())
        };
    };
    let tag = etag(&body);
    let matches = |list: &str| {
        list.split(',')
            .map(str::trim)
            .any(|t| t == "*" || t.trim_start_matches("W/") == tag)
    };
    if if_none_match.is_some_and(matches) {
        return write!(
            stream,
            "HTTP/1.1 304 Not Modified\r\n{common}ETag: {tag}\r\n\r\n"
        );
    }
    write!(
        stream,
        "HTTP/1.1 200 OK\r\n{common}ETag: {tag}\r\nContent-Type: {}\r\nContent-Length: {}\r\n\r\n",
        mime(&file),
        body.len()
    )?;
    if method == "GET" {
        stream.write_all(&body)?;
    }
    Ok(())
}

//! `status-widget serve`: the preview server.
#![cfg(not(target_arch = "wasm32"))]

mod cli_support;
use cli_support::*;
use std::fs;
use std::io::{BufRead, BufReader};
use std::process::Stdio;
use std::time::{Duration, Instant};

#[test]
fn serve_previews_a_folder_with_mime_types_etags_and_cors() {
    let dir = folder("serve");
    let site = dir.join("site");
    fs::create_dir_all(site.join("pkg")).unwrap();
    fs::write(site.join("status.json"), SEED).unwrap();
    fs::write(site.join("index.html"), "<!doctype html><title>t</title>").unwrap();
    fs::write(site.join("pkg/w.wasm"), b"\0asm\x01\0\0\0").unwrap();
    fs::write(dir.join("secret.txt"), "outside").unwrap();
    let mut child = command()
        .args(["serve", site.to_str().unwrap(), "--port", "0"])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let server = Server(child);
    let mut line = String::new();
    let started = Instant::now();
    BufReader::new(stdout).read_line(&mut line).unwrap();
    assert!(started.elapsed() < Duration::from_secs(10));
    let port: u16 = line
        .split("http://127.0.0.1:")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("no address in: {line}"));

    let get = |path: &str, extra: &str| {
        http(
            port,
            &format!("GET {path} HTTP/1.1\r\nHost: x\r\n{extra}Connection: close\r\n\r\n"),
        )
    };
    let (status, headers, body) = get("/status.json", "Origin: http://127.0.0.1:1\r\n");
    assert_eq!(status, "HTTP/1.1 200 OK");
    assert_eq!(body, SEED.as_bytes());
    assert_eq!(header(&headers, "content-type"), Some("application/json"));
    assert_eq!(header(&headers, "cache-control"), Some("no-cache"));
    assert_eq!(header(&headers, "access-control-allow-origin"), Some("*"));
    let tag = header(&headers, "etag").expect("an ETag").to_owned();

    let (status, headers, body) = get("/status.json", &format!("If-None-Match: {tag}\r\n"));
    assert_eq!(status, "HTTP/1.1 304 Not Modified");
    assert!(body.is_empty());
    assert_eq!(header(&headers, "etag"), Some(tag.as_str()));

    fs::write(site.join("status.json"), SEED.replace("Lambda", "Lambda!")).unwrap();
    let (status, headers, _) = get("/status.json", &format!("If-None-Match: {tag}\r\n"));
    assert_eq!(status, "HTTP/1.1 200 OK", "a changed file is sent again");
    assert_ne!(header(&headers, "etag"), Some(tag.as_str()));

    let (status, headers, body) = get("/pkg/w.wasm", "");
    assert_eq!(status, "HTTP/1.1 200 OK");
    assert_eq!(header(&headers, "content-type"), Some("application/wasm"));
    assert_eq!(body, b"\0asm\x01\0\0\0");
    let (_, headers, _) = get("/?x=1", "");
    assert_eq!(
        header(&headers, "content-type"),
        Some("text/html; charset=utf-8")
    );
    assert_eq!(get("/nothing.json", "").0, "HTTP/1.1 404 Not Found");
    assert_eq!(
        get("/../secret.txt", "").0,
        "HTTP/1.1 404 Not Found",
        "nothing outside the folder"
    );
    assert_eq!(get("/pkg/../../secret.txt", "").0, "HTTP/1.1 404 Not Found");
    let (status, headers, body) = http(
        port,
        "HEAD /status.json HTTP/1.1\r\nConnection: close\r\n\r\n",
    );
    assert_eq!(status, "HTTP/1.1 200 OK");
    assert!(body.is_empty() && header(&headers, "content-length").is_some());
    assert!(http(
        port,
        "POST /status.json HTTP/1.1\r\nConnection: close\r\n\r\n"
    )
    .0
    .contains("405"));
    drop(server);
}

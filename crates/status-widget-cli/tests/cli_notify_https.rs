//! `notify` over HTTPS, as it posts to Slack, Discord, Teams and webhooks in production: local TLS
//! receivers on 127.0.0.1 with certificates made here by a test certificate authority, which the
//! command trusts through the platform verifier's own configuration (`SSL_CERT_FILE`, read by
//! rustls-platform-verifier on Linux) rather than anything compiled in. No network. A receiver
//! whose certificate another authority signed is refused, reported, and retried as the settings
//! say; the write stands.
#![cfg(not(target_arch = "wasm32"))]

mod cli_support;
use cli_support::*;
use rcgen::{BasicConstraints, CertificateParams, IsCa, KeyPair, SanType};
use serde_json::json;
use std::net::TcpListener;
use std::path::Path;
use std::process::Output;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// A certificate authority made for one test.
struct Authority {
    cert: rcgen::Certificate,
    key: KeyPair,
}

impl Authority {
    fn new(name: &str) -> Self {
        let mut params = CertificateParams::new(Vec::<String>::new()).unwrap();
        params
            .distinguished_name
            .push(rcgen::DnType::CommonName, name);
        params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        let key = KeyPair::generate().unwrap();
        let cert = params.self_signed(&key).unwrap();
        Authority { cert, key }
    }

    /// A server certificate for 127.0.0.1 signed by this authority, with its key.
    fn issue(&self) -> (rcgen::Certificate, KeyPair) {
        let mut params = CertificateParams::new(vec!["localhost".to_owned()]).unwrap();
        params
            .subject_alt_names
            .push(SanType::IpAddress("127.0.0.1".parse().unwrap()));
        let key = KeyPair::generate().unwrap();
        let cert = params.signed_by(&key, &self.cert, &self.key).unwrap();
        (cert, key)
    }
}

/// An HTTPS receiver on 127.0.0.1 presenting a certificate `authority` signed: it records each
/// request it reads (answering 200) and counts the connections it accepted, handshakes that
/// failed included.
struct TlsReceiver {
    port: u16,
    received: Arc<Mutex<Vec<Received>>>,
    connections: Arc<Mutex<usize>>,
}

impl TlsReceiver {
    fn start(authority: &Authority) -> Self {
        let (cert, key) = authority.issue();
        let chain = vec![cert.der().clone(), authority.cert.der().clone()];
        let key = rustls::pki_types::PrivateKeyDer::try_from(key.serialize_der()).unwrap();
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let config = rustls::ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .unwrap()
            .with_no_client_auth()
            .with_single_cert(chain, key)
            .unwrap();
        let config = Arc::new(config);
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let received = Arc::new(Mutex::new(Vec::new()));
        let connections = Arc::new(Mutex::new(0usize));
        let (log, count) = (received.clone(), connections.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                *count.lock().unwrap() += 1;
                let (log, config) = (log.clone(), config.clone());
                std::thread::spawn(move || {
                    stream
                        .set_read_timeout(Some(Duration::from_secs(10)))
                        .unwrap();
                    let connection = rustls::ServerConnection::new(config).unwrap();
                    let tls = rustls::StreamOwned::new(connection, stream);
                    answer(tls, &log, &[], &Mutex::new(0));
                });
            }
        });
        TlsReceiver {
            port,
            received,
            connections,
        }
    }

    fn url(&self, path: &str) -> String {
        format!("https://127.0.0.1:{}{path}", self.port)
    }

    fn requests(&self) -> Vec<Received> {
        self.received.lock().unwrap().clone()
    }

    fn connections(&self) -> usize {
        *self.connections.lock().unwrap()
    }
}

/// Runs the command trusting only the certificates in `ca_file` (the platform verifier's
/// configuration on Linux).
fn run_trusting(ca_file: &Path, args: &[&str]) -> Output {
    command()
        .args(args)
        .env("SSL_CERT_FILE", ca_file)
        .env_remove("SSL_CERT_DIR")
        .output()
        .unwrap()
}

#[test]
fn notify_posts_over_https_to_a_receiver_the_platform_trusts_and_refuses_one_it_does_not() {
    let dir = folder("notify-https");
    let trusted = Authority::new("status-widget test CA");
    let stranger = Authority::new("someone else's CA");
    let ca_file = dir.join("test-ca.pem");
    std::fs::write(&ca_file, trusted.cert.pem()).unwrap();
    let good = TlsReceiver::start(&trusted);
    let forged = TlsReceiver::start(&stranger);

    let file = dir.join("status.json");
    let f = file.to_str().unwrap();
    init_site(&file, &[]);
    write_json(
        &dir.join("status.notify.json"),
        &json!({
            "destinations": [
                {"name": "team", "kind": "slack", "url": good.url("/hooks/team")},
                {"name": "forged", "kind": "discord", "url": forged.url("/hooks/forged")},
            ],
            "retries": 2,
            "retry_delay_ms": 50,
        }),
    );
    let out = run_trusting(
        &ca_file,
        &[
            "incident",
            "open",
            "--file",
            f,
            "--id",
            "login-failing",
            "--title",
            "Login failing",
            "--impact",
            "major",
            "--component",
            "login",
            "--message",
            "Investigating.",
            "--notify",
        ],
    );
    let said = format!("{}{}", text(&out.stdout), text(&out.stderr));
    // Delivered over TLS to the trusted receiver, which read the Slack message.
    let requests = good.requests();
    assert_eq!(requests.len(), 1, "{said}");
    assert_eq!(requests[0].method, "POST");
    assert_eq!(requests[0].path, "/hooks/team");
    assert!(
        requests[0].json().to_string().contains("Login failing"),
        "{}",
        requests[0].json()
    );
    assert!(said.contains("sent to team"), "{said}");
    // Refused: the other authority's certificate is never trusted, nothing is read by it, the
    // failure is reported, and it was tried 1 + 2 times.
    assert_eq!(
        forged.requests().len(),
        0,
        "no request crossed the refused handshake"
    );
    assert_eq!(
        forged.connections(),
        3,
        "tried once and retried twice:\n{said}"
    );
    assert!(said.contains("not sent to forged"), "{said}");
    assert!(
        said.contains("invalid peer certificate: UnknownIssuer"),
        "the reason is said: {said}"
    );
    assert_eq!(
        out.status.code(),
        Some(3),
        "not every destination got it: {said}"
    );
    // The write stands.
    assert_eq!(read_json(&file)["incidents"][0]["id"], "login-failing");

    // Trust comes from the platform's configuration, not from anything compiled in: trusting
    // the other authority instead turns the two around.
    let other_ca = dir.join("other-ca.pem");
    std::fs::write(&other_ca, stranger.cert.pem()).unwrap();
    let out = run_trusting(
        &other_ca,
        &[
            "notice",
            "add",
            "--file",
            f,
            "--id",
            "n",
            "--title",
            "Exam week",
            "--notify",
        ],
    );
    let said = format!("{}{}", text(&out.stdout), text(&out.stderr));
    assert_eq!(good.requests().len(), 1, "{said}");
    assert!(
        said.contains("not sent to team") && said.contains("UnknownIssuer"),
        "{said}"
    );
    assert_eq!(forged.requests().len(), 1, "{said}");
}

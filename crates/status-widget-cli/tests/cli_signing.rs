//! Signed status files from the owner's side: `key new` (a private key only its owner can read,
//! never printed), every write of the file signing it, a signed file never rewritten without the
//! key, the key from an environment variable the owner names, `sign`/`verify`, and `publish.sh`
//! publishing `status.json.sig`. The signatures are checked here with ed25519-dalek directly,
//! not with the command's own `verify`.
#![cfg(not(target_arch = "wasm32"))]

mod cli_support;
use cli_support::*;
use ed25519_dalek::{Signature, Verifier, VerifyingKey};
use status_core::signature::{decode, public_keys, signature};
use std::fs;
use std::path::Path;
use std::process::Command;

/// The public key `key new` printed (the line `Public key: ed25519:…`).
fn printed_public_key(output: &str) -> String {
    output
        .lines()
        .find_map(|l| l.strip_prefix("Public key: "))
        .expect("key new prints the public key")
        .to_owned()
}

/// Whether `file.sig` is a signature of `file`'s exact bytes by `public` (`ed25519:…`).
fn signed_by(file: &Path, public: &str) -> bool {
    let key = VerifyingKey::from_bytes(&public_keys(public).unwrap()[0]).unwrap();
    let Ok(sig) = fs::read_to_string(format!("{}.sig", file.display())) else {
        return false;
    };
    let sig = Signature::from_bytes(&signature(&sig).unwrap());
    key.verify(&fs::read(file).unwrap(), &sig).is_ok()
}

/// The private key's secret part, as it lies in its file.
fn secret_of(key_file: &Path) -> String {
    let text = fs::read_to_string(key_file).unwrap();
    let secret = text
        .trim()
        .strip_prefix("ed25519-secret:")
        .unwrap()
        .to_owned();
    assert_eq!(decode(&secret).map(|b| b.len()), Some(32));
    secret
}

#[test]
fn key_new_writes_a_private_key_only_its_owner_reads_and_prints_only_the_public_one() {
    let dir = folder("signing-key-new");
    let key = dir.join("status.key");
    let out = run(&["key", "new", "--out", key.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = format!("{}{}", text(&out.stdout), text(&out.stderr));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&key).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "the private key is readable by its owner only");
    }
    let secret = secret_of(&key);
    assert!(
        !said.contains(&secret),
        "the private key is never printed:\n{said}"
    );
    let public = printed_public_key(&said);
    assert!(said.contains(&format!("public-key=\"{public}\"")), "{said}");
    assert_eq!(
        ok(&["key", "public", "--key", key.to_str().unwrap()]).trim(),
        public
    );

    // Never replaced by accident; --force replaces it, still 0600.
    let again = run(&["key", "new", "--out", key.to_str().unwrap()]);
    assert!(!again.status.success());
    assert!(
        text(&again.stderr).contains("exists"),
        "{}",
        text(&again.stderr)
    );
    assert_eq!(secret_of(&key), secret);
    ok(&["key", "new", "--out", key.to_str().unwrap(), "--force"]);
    assert_ne!(secret_of(&key), secret);

    // A key file others can read is refused, as ssh refuses one.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&key, fs::Permissions::from_mode(0o644)).unwrap();
        let refused = run(&["key", "public", "--key", key.to_str().unwrap()]);
        assert!(!refused.status.success());
        assert!(
            text(&refused.stderr).contains("chmod 600"),
            "{}",
            text(&refused.stderr)
        );
    }
}

#[test]
fn every_write_signs_the_file_and_a_signed_file_is_not_rewritten_without_the_key() {
    let dir = folder("signing-writes");
    let key = dir.join("status.key");
    let public = printed_public_key(&ok(&["key", "new", "--out", key.to_str().unwrap()]));
    let secret = secret_of(&key);
    let file = dir.join("status.json");
    let f = file.to_str().unwrap();
    let k = key.to_str().unwrap();

    let mut said = init_site(&file, &["--key", k]);
    assert!(signed_by(&file, &public), "init signs");
    said += &ok(&[
        "incident",
        "open",
        "--file",
        f,
        "--key",
        k,
        "--id",
        "logins",
        "--title",
        "Logins failing",
        "--impact",
        "major",
        "--message",
        "We are looking into it.",
        "--component",
        "login",
    ]);
    assert!(signed_by(&file, &public), "incident open signs");
    said += &ok(&[
        "notice",
        "add",
        "--file",
        f,
        "--key",
        k,
        "--id",
        "n",
        "--title",
        "Use the app",
    ]);
    assert!(signed_by(&file, &public), "notice add signs");
    said += &ok(&[
        "maintenance",
        "schedule",
        "--file",
        f,
        "--key",
        k,
        "--id",
        "m",
        "--title",
        "Upgrade",
        "--starts-at",
        "2030-01-01T10:00:00Z",
        "--ends-at",
        "2030-01-01T11:00:00Z",
        "--message",
        "An upgrade",
    ]);
    assert!(signed_by(&file, &public), "maintenance schedule signs");

    // Without the key, a signed file is not rewritten: its signature would no longer match.
    let before = fs::read(&file).unwrap();
    let refused = run(&[
        "incident",
        "update",
        "logins",
        "--file",
        f,
        "--status",
        "identified",
        "--message",
        "Found it.",
    ]);
    assert!(!refused.status.success());
    let why = text(&refused.stderr);
    assert!(why.contains("is signed") && why.contains("--key"), "{why}");
    assert_eq!(fs::read(&file).unwrap(), before, "nothing was written");

    // The key from an environment variable the owner names (a CI secret), by flag and by default.
    let env_text = fs::read_to_string(&key).unwrap();
    let out = command()
        .args([
            "incident",
            "update",
            "logins",
            "--file",
            f,
            "--status",
            "identified",
            "--message",
            "Found it.",
            "--key-env",
            "MY_STATUS_KEY",
        ])
        .env("MY_STATUS_KEY", &env_text)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    said += &text(&out.stdout);
    assert!(signed_by(&file, &public), "--key-env signs");
    let out = command()
        .args([
            "incident",
            "resolve",
            "logins",
            "--file",
            f,
            "--message",
            "Fixed.",
        ])
        .env("STATUS_WIDGET_KEY_ENV", "MY_STATUS_KEY")
        .env("MY_STATUS_KEY", &env_text)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(signed_by(&file, &public), "STATUS_WIDGET_KEY_ENV signs");
    let out = command()
        .args(["notice", "remove", "n", "--file", f])
        .env("STATUS_WIDGET_KEY_FILE", k)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(signed_by(&file, &public), "STATUS_WIDGET_KEY_FILE signs");

    // A key that is not a key is an error, and nothing is written.
    let before = fs::read(&file).unwrap();
    let out = command()
        .args([
            "notice",
            "add",
            "--file",
            f,
            "--id",
            "x",
            "--title",
            "X",
            "--key-env",
            "MY_STATUS_KEY",
        ])
        .env("MY_STATUS_KEY", "ed25519:AAAA")
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("does not hold a private key"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(fs::read(&file).unwrap(), before);

    // `verify` agrees; with another key it refuses.
    ok(&["verify", f, "--public-key", &public]);
    let other = dir.join("other.key");
    let other_public = printed_public_key(&ok(&["key", "new", "--out", other.to_str().unwrap()]));
    let refused = run(&["verify", f, "--public-key", &other_public]);
    assert!(!refused.status.success());
    ok(&[
        "verify",
        f,
        "--public-key",
        &format!("{other_public} {public}"),
    ]);

    // The private key is in no output and in no file the command wrote beside the status file.
    assert!(!said.contains(&secret), "{said}");
    for name in names_in(&dir) {
        if name.ends_with(".key") {
            continue;
        }
        let written = fs::read(dir.join(&name)).unwrap();
        assert!(
            !String::from_utf8_lossy(&written).contains(&secret),
            "{name} holds the private key"
        );
    }

    // `sign` signs by hand (a file edited in an editor).
    let mut edited = fs::read_to_string(&file).unwrap();
    edited = edited.replace("Fixed.", "Fixed: the sessions table is back.");
    fs::write(&file, &edited).unwrap();
    assert!(
        !signed_by(&file, &public),
        "an edit by hand breaks the signature"
    );
    ok(&["sign", f, "--key", k]);
    assert!(signed_by(&file, &public));

    // `import` writes a status file too, and signs it.
    let imported = dir.join("imported.json");
    let statuspage = repository("www/statuspage-summary.json");
    ok(&[
        "import",
        statuspage.to_str().unwrap(),
        "--out",
        imported.to_str().unwrap(),
        "--key",
        k,
    ]);
    assert!(signed_by(&imported, &public), "import signs");
}

#[test]
fn publish_sh_publishes_the_signature_beside_the_file() {
    let dir = folder("signing-publish");
    let src = dir.join("status");
    fs::create_dir_all(&src).unwrap();
    let key = dir.join("status.key");
    let public = printed_public_key(&ok(&["key", "new", "--out", key.to_str().unwrap()]));
    let file = src.join("status.json");
    ok(&["init", "--file", file.to_str().unwrap(), "--name", "App"]);
    let out_dir = dir.join("out");
    let bin = Path::new(env!("CARGO_BIN_EXE_status-widget"))
        .parent()
        .unwrap()
        .to_owned();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let publish = repository("examples/publish/publish.sh");
    let out = Command::new("sh")
        .arg(&publish)
        .arg(&src)
        .arg(&out_dir)
        .env("PATH", &path)
        .env("STATUS_WIDGET_KEY_FILE", &key)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    let published = out_dir.join("status.json");
    assert!(
        signed_by(&published, &public),
        "publish.sh signs what it publishes"
    );
    assert!(!out_dir.join("status.key").exists());
    let secret = secret_of(&key);
    for name in names_in(&out_dir) {
        let bytes = fs::read(out_dir.join(&name)).unwrap();
        assert!(!String::from_utf8_lossy(&bytes).contains(&secret), "{name}");
    }

    // Without a key, a folder whose file is signed publishes its signature as it is.
    ok(&[
        "sign",
        file.to_str().unwrap(),
        "--key",
        key.to_str().unwrap(),
    ]);
    let out_dir = dir.join("out-unsigned-run");
    let out = Command::new("sh")
        .arg(&publish)
        .arg(&src)
        .arg(&out_dir)
        .env("PATH", &path)
        .env_remove("STATUS_WIDGET_KEY_FILE")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    assert!(signed_by(&out_dir.join("status.json"), &public));
}

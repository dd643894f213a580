//! Reading and writing a status file safely: one writer at a time (an exclusive lock on
//! `FILE.lock`), the previous version kept as `FILE.bak`, and the new text written to a temporary
//! file in the same folder, flushed to disk and renamed over the old one, so a reader (or a crash)
//! only ever sees the whole old file or the whole new one. A result that fails `check` is never
//! written. With a signing key, `FILE.sig` is written after the file; a signed file is never
//! rewritten without one.

use super::signing::{key_for_write, write_signature, KeySource};
use super::CliError;
use serde_json::Value;
use status_core::formats::{
    load_str, load_str_in, Format, Loaded, Problem, ProblemKind, Severity, SourceFormat,
};
use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

/// `path` with `suffix` appended to its file name (`status.json` → `status.json.bak`).
pub(super) fn beside(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(suffix);
    path.with_file_name(name)
}

/// Takes the exclusive lock on `FILE.lock`, which is released when the returned file is dropped.
fn lock(path: &Path) -> Result<File, CliError> {
    let lock_path = beside(path, ".lock");
    let lock = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .map_err(|e| CliError::io(&lock_path, e))?;
    lock.lock().map_err(|e| CliError::io(&lock_path, e))?;
    Ok(lock)
}

/// Applies `edit` to the document in `path` under the file's lock, checks the result and
/// replaces the file atomically. Returns what `edit` said, and which texts are not yet in every
/// language the timeline is in (said, never refused).
pub fn update(
    path: &Path,
    key: &KeySource,
    edit: impl FnOnce(&mut Value) -> Result<String, CliError>,
) -> Result<String, CliError> {
    if !path.exists() {
        // Checked before the lock, so that nothing (not even `FILE.lock`) is left behind.
        return Err(CliError::NoStatusFile(path.display().to_string()));
    }
    let signing = key_for_write(path, key)?;
    let lock = lock(path)?;

    remove_stale_temporaries(path);
    let old = match fs::read_to_string(path) {
        Ok(old) => old,
        Err(e) => {
            drop(lock);
            if e.kind() == std::io::ErrorKind::NotFound {
                // Removed meanwhile: take the lock file away too.
                let _ = fs::remove_file(beside(path, ".lock"));
                return Err(CliError::NoStatusFile(path.display().to_string()));
            }
            return Err(CliError::io(path, e));
        }
    };
    let before = match load_str(&old, Format::Only(SourceFormat::Native)) {
        Ok(loaded) if loaded.is_valid() => loaded,
        _ => {
            return Err(CliError::Invalid(format!(
                "{} has errors already; nothing was changed. See them with: status-widget check {}",
                path.display(),
                path.display()
            )))
        }
    };
    let mut doc: Value = serde_json::from_str(&old)
        .map_err(|e| CliError::Invalid(format!("{}: {e}", path.display())))?;
    let result = edit(&mut doc)?;
    let mut text = serde_json::to_string_pretty(&doc).expect("a JSON value always serializes");
    text.push('\n');
    let after = load_str(&text, Format::Only(SourceFormat::Native))
        .map_err(|e| CliError::Invalid(format!("the change was not written: {e}")))?;
    // Words not yet in every language are said, never a reason to refuse: an English update
    // goes out at once, and its German follows with `--lang de --latest`.
    let (untranslated, checked): (Vec<Problem>, Vec<Problem>) = after
        .problems
        .into_iter()
        .partition(|p| matches!(p.kind, ProblemKind::PartlyTranslated { .. }));
    let added = new_problems(&before.problems, &checked);
    if !added.is_empty() {
        return Err(CliError::Invalid(format!(
            "the change would add {} to {}, so nothing was written:\n  {}",
            if added.len() == 1 {
                "this problem"
            } else {
                "these problems"
            },
            path.display(),
            added.join("\n  ")
        )));
    }
    write_atomically(&beside(path, ".bak"), old.as_bytes())?;
    write_atomically(path, text.as_bytes())?;
    if let Some(signing) = &signing {
        write_signature(path, text.as_bytes(), signing)?;
    }
    drop(lock);
    let notes: Vec<String> = untranslated
        .iter()
        .map(|p| format!("\n  not yet in every language: {}: {}", p.path, p.kind))
        .collect();
    Ok(format!("{result}{}", notes.concat()))
}

/// Writes a new status file `text` to `path` under the file's lock, and its signature when `key`
/// names one. An existing file is replaced only when `replace` is true, and then kept as
/// `FILE.bak`.
pub fn create(path: &Path, text: &str, replace: bool, key: &KeySource) -> Result<(), CliError> {
    let signing = key_for_write(path, key)?;
    let lock = lock(path)?;
    remove_stale_temporaries(path);
    match fs::read(path) {
        Ok(_) if !replace => {
            return Err(CliError::Invalid(format!(
                "{} exists; nothing was written. Pass --force to replace it (the previous version is kept as {}.bak)",
                path.display(),
                path.display()
            )))
        }
        Ok(old) => write_atomically(&beside(path, ".bak"), &old)?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(CliError::io(path, e)),
    }
    write_atomically(path, text.as_bytes())?;
    if let Some(signing) = &signing {
        write_signature(path, text.as_bytes(), signing)?;
    }
    drop(lock);
    Ok(())
}

/// The status document in `path`, in any format the widget reads (as `check` and the widget read
/// it: problems other than unreadable JSON are in the result, not an error).
pub fn read_document(path: &Path) -> Result<Loaded, CliError> {
    read_document_in(path, "")
}

/// [`read_document`] with texts in several languages read in the one `wanted` chooses (else in
/// the file's own; `""`: the file's own).
pub fn read_document_in(path: &Path, wanted: &str) -> Result<Loaded, CliError> {
    let text = fs::read_to_string(path).map_err(|e| CliError::io(path, e))?;
    load_str_in(&text, Format::Auto, wanted)
        .map_err(|e| CliError::Invalid(format!("{}: {e}", path.display())))
}

/// `doc` as a status file's text (pretty JSON and a final newline), read back exactly as the
/// widget reads it. Refused when it has errors, the message naming it as `what` ("the file").
pub fn checked_text(doc: &Value, what: &str) -> Result<(String, Loaded), CliError> {
    let mut text = serde_json::to_string_pretty(doc).expect("a JSON value always serializes");
    text.push('\n');
    let loaded = load_str(&text, Format::Only(SourceFormat::Native))
        .map_err(|e| CliError::Invalid(format!("{what} was not written: {e}")))?;
    let errors: Vec<String> = loaded
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .map(|p| format!("{}: {}", p.path, p.kind))
        .collect();
    if !errors.is_empty() {
        return Err(CliError::Invalid(format!(
            "{what} would have errors, so nothing was written:\n  {}",
            errors.join("\n  ")
        )));
    }
    Ok((text, loaded))
}

/// The problems in `after` that `before` did not have (errors, and warnings such as a component
/// id that names no component): compared by what they say, so entries moving up a list after a
/// removal do not count as new.
fn new_problems(before: &[Problem], after: &[Problem]) -> Vec<String> {
    let mut known: Vec<String> = before.iter().map(|p| p.kind.to_string()).collect();
    let mut added = Vec::new();
    for problem in after {
        match known.iter().position(|k| *k == problem.kind.to_string()) {
            Some(i) if problem.severity < Severity::Error => {
                known.swap_remove(i);
            }
            _ => added.push(format!("{}: {}", problem.path, problem.kind)),
        }
    }
    added
}

/// Removes temporary files a killed writer left beside `path` (`FILE.tmp-PID`,
/// `FILE.bak.tmp-PID`). Called under the lock, so no writer is using them.
fn remove_stale_temporaries(path: &Path) {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return;
    };
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    let prefixes = [format!("{name}.tmp-"), format!("{name}.bak.tmp-")];
    for entry in entries.flatten() {
        let file = entry.file_name();
        if prefixes
            .iter()
            .any(|p| file.to_string_lossy().starts_with(p.as_str()))
        {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Writes `bytes` to `path` so that `path` is at every instant either its old content or all of
/// `bytes`: a temporary file beside it, flushed to disk, renamed over it, the folder flushed.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), CliError> {
    let temp = beside(path, &format!(".tmp-{}", std::process::id()));
    let written = (|| {
        let mut file = File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        fs::rename(&temp, path)?;
        let folder = path.parent().filter(|p| !p.as_os_str().is_empty());
        File::open(folder.unwrap_or(Path::new(".")))?.sync_all()
    })();
    written.map_err(|e| {
        let _ = fs::remove_file(&temp);
        CliError::io(path, e)
    })
}

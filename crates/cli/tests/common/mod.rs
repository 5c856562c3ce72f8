//! Running the real `talentflow` binary, shared by the command-line tests.

use std::process::{Command, Output};

/// Runs `talentflow` with `args`.
pub fn talentflow(args: &[&str]) -> Output {
    match Command::new(env!("CARGO_BIN_EXE_talentflow"))
        .args(args)
        .output()
    {
        Ok(output) => output,
        Err(e) => panic!("cannot start talentflow: {e}"),
    }
}

/// Runs `args`, expects success with nothing on stderr but notes (lines
/// starting `talentflow: note: `, as the share of uncertainty draws kept),
/// returns stdout.
pub fn stdout_of(args: &[&str]) -> String {
    let out = talentflow(args);
    assert!(
        out.status.success(),
        "talentflow {args:?} failed with {:?}: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .lines()
            .all(|l| l.starts_with("talentflow: note: ")),
        "talentflow {args:?} wrote to stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap_or_else(|e| panic!("stdout is not UTF-8: {e}"))
}

/// Runs `args`, expects a refusal (status 2, nothing on stdout, one line
/// on stderr starting `talentflow: `), returns that line.
pub fn refused(args: &[&str]) -> String {
    let out = talentflow(args);
    assert_eq!(
        out.status.code(),
        Some(2),
        "talentflow {args:?}: expected status 2, got {:?}",
        out.status
    );
    assert!(
        out.stdout.is_empty(),
        "talentflow {args:?} wrote to stdout: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    let err = String::from_utf8(out.stderr).unwrap_or_else(|e| panic!("stderr is not UTF-8: {e}"));
    assert!(
        err.ends_with('\n'),
        "{args:?}: stderr should end with a newline: {err:?}"
    );
    assert_eq!(
        err.lines().count(),
        1,
        "{args:?}: stderr should be one line: {err:?}"
    );
    assert!(err.starts_with("talentflow: "), "{args:?}: {err}");
    err
}

/// A CSV cell as a number.
pub fn number(cell: &str) -> f64 {
    cell.parse()
        .unwrap_or_else(|_| panic!("'{cell}' is not a number"))
}

//! Storage that fails: a small file system of a test's own, to fill up — a tmpfs mounted on a
//! temporary directory (as root, or through `sudo -n`), unmounted when the test ends, where a
//! ballast file takes the space that other files would take on a real disk, and removing it
//! gives the space back — and files nobody may write, root included, for a while.

use std::path::{Path, PathBuf};
use std::process::Command;

pub struct SmallDisk {
    dir: tempfile::TempDir,
}

impl SmallDisk {
    /// A tmpfs of `megabytes`.
    pub fn mount(megabytes: u32) -> Self {
        let dir = tempfile::tempdir().unwrap();
        privileged(&["mount", "-t", "tmpfs", "-o", &format!("size={megabytes}m,mode=0777"), "tmpfs"], dir.path());
        Self { dir }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    fn ballast(&self) -> PathBuf {
        self.path().join("ballast")
    }

    /// Bytes still free.
    pub fn free_bytes(&self) -> u64 {
        let path = std::ffi::CString::new(self.path().as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: statvfs only writes into the struct it is given, for a NUL-terminated path.
        let mut stats: libc::statvfs = unsafe { std::mem::zeroed() };
        assert_eq!(unsafe { libc::statvfs(path.as_ptr(), &mut stats) }, 0);
        stats.f_bavail * stats.f_frsize
    }

    /// Fills the disk with ballast until about `bytes` are left.
    pub fn fill_leaving(&self, bytes: u64) {
        let ballast = self.free_bytes().saturating_sub(bytes);
        std::fs::write(self.ballast(), vec![0xA5u8; ballast as usize]).unwrap();
    }

    /// Removes the ballast: the space is back.
    pub fn free(&self) {
        std::fs::remove_file(self.ballast()).unwrap();
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        privileged(&["umount", "-l"], self.dir.path());
    }
}

/// Files that refuse every write (the immutable attribute: `chattr +i`) until dropped.
pub struct Unwritable(Vec<PathBuf>);

impl Unwritable {
    /// Makes those of `paths` that exist refuse writes.
    pub fn files(paths: &[PathBuf]) -> Self {
        let held: Vec<PathBuf> = paths.iter().filter(|path| path.exists()).cloned().collect();
        for path in &held {
            privileged(&["chattr", "+i"], path);
        }
        Self(held)
    }
}

impl Drop for Unwritable {
    fn drop(&mut self) {
        for path in &self.0 {
            privileged(&["chattr", "-i"], path);
        }
    }
}

/// Runs `command` with `path` as its last argument, as root (through `sudo -n` when the tests
/// do not run as root).
fn privileged(command: &[&str], path: &Path) {
    // SAFETY: geteuid has no preconditions.
    let mut run = if unsafe { libc::geteuid() } == 0 {
        Command::new(command[0])
    } else {
        let mut sudo = Command::new("sudo");
        sudo.arg("-n").arg(command[0]);
        sudo
    };
    let output = run.args(&command[1..]).arg(path).output().unwrap();
    assert!(
        output.status.success(),
        "{command:?} {}: {} (a small disk needs root or `sudo -n`)",
        path.display(),
        String::from_utf8_lossy(&output.stderr)
    );
}

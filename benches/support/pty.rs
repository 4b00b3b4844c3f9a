//! A program in a pseudo-terminal, as a user's terminal runs it: the benchmark of what a user
//! gets (benches/pty.rs) and the save-promise test (tests/save_promise.rs) share it.
//!
//! Linux and other Unix systems only (openpty). Every chunk the program writes is read at
//! once by a thread and timestamped, so "the last byte of a frame" is the time the last
//! chunk of a burst of output arrived.
#![allow(dead_code)]

use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::{FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

pub struct Pty {
    writer: File,
    rx: Receiver<(Instant, Vec<u8>)>,
    pub pid: i32,
    /// Everything the program wrote so far (for tests that look for a text).
    pub output: Vec<u8>,
    reaped: bool,
}

/// The end of one burst of output.
#[derive(Debug, Clone, Copy)]
pub struct Burst {
    /// The end of the first frame in the burst (for `burst`: its first chunk).
    pub first_frame: Instant,
    pub last_byte: Instant,
    pub bytes: usize,
}

/// What `wait4` tells about the finished program.
#[derive(Debug, Clone, Copy)]
pub struct Exit {
    pub status: i32,
    pub max_rss_kb: i64,
}

fn check(r: i32, what: &str) -> std::io::Result<()> {
    if r < 0 {
        let e = std::io::Error::last_os_error();
        return Err(std::io::Error::new(e.kind(), format!("{what}: {e}")));
    }
    Ok(())
}

impl Pty {
    /// Starts `bin args` in a new session on a fresh pty of `cols`×`rows`, with only the
    /// environment given (plus PATH and a TERM of xterm-256color).
    pub fn spawn(
        bin: &Path,
        args: &[&str],
        env: &[(&str, &Path)],
        cols: u16,
        rows: u16,
    ) -> std::io::Result<Pty> {
        let mut master: libc::c_int = -1;
        let mut slave: libc::c_int = -1;
        let ws = libc::winsize {
            ws_row: rows,
            ws_col: cols,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        // SAFETY: openpty writes two descriptors into the given ints; no name buffer, no termios.
        check(
            unsafe {
                libc::openpty(
                    &mut master,
                    &mut slave,
                    std::ptr::null_mut(),
                    std::ptr::null(),
                    &ws,
                )
            },
            "openpty",
        )?;
        // SAFETY: both descriptors were just opened and are owned by nothing else.
        let (master, slave) =
            unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
        for fd in [&master, &slave] {
            use std::os::fd::AsRawFd;
            // SAFETY: plain fcntl on an open descriptor; keeps them out of the child.
            check(
                unsafe { libc::fcntl(fd.as_raw_fd(), libc::F_SETFD, libc::FD_CLOEXEC) },
                "fcntl",
            )?;
        }
        let mut cmd = Command::new(bin);
        cmd.args(args)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("TERM", "xterm-256color")
            .env("LANG", "C.UTF-8")
            .stdin(Stdio::from(slave.try_clone()?))
            .stdout(Stdio::from(slave.try_clone()?))
            .stderr(Stdio::from(slave));
        for (k, v) in env {
            cmd.env(k, v);
        }
        // SAFETY: only async-signal-safe calls between fork and exec: a new session with the
        // pty (now on fd 0) as its controlling terminal, as a terminal emulator does.
        unsafe {
            cmd.pre_exec(|| {
                if libc::setsid() < 0 || libc::ioctl(0, libc::TIOCSCTTY, 0) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = cmd.spawn()?;
        let pid = child.id() as i32;
        // The child is reaped with wait4 (for its peak memory), not through `child`.
        drop(child);
        let mut reader = File::from(master.try_clone()?);
        let writer = File::from(master);
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut buf = vec![0u8; 1 << 16];
            loop {
                match reader.read(&mut buf) {
                    // EIO once the program has closed its side: the end.
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        if tx.send((Instant::now(), buf[..n].to_vec())).is_err() {
                            break;
                        }
                    }
                }
            }
        });
        Ok(Pty {
            writer,
            rx,
            pid,
            output: Vec::new(),
            reaped: false,
        })
    }

    /// Sends bytes as typed keys.
    pub fn send(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        self.writer.write_all(bytes)?;
        self.writer.flush()
    }

    fn take(&mut self, chunk: &[u8]) {
        // A cursor-position query gets an answer, as a terminal would give.
        if chunk.windows(4).any(|w| w == b"\x1b[6n") {
            let _ = self.send(b"\x1b[1;1R");
        }
        self.output.extend_from_slice(chunk);
    }

    /// Waits for output, then until none came for `quiet`: the burst's last byte. None when
    /// nothing came within `max`.
    pub fn burst(&mut self, quiet: Duration, max: Duration) -> Option<Burst> {
        let deadline = Instant::now() + max;
        let mut got: Option<Burst> = None;
        loop {
            let wait = match got {
                Some(_) => quiet,
                None => deadline.saturating_duration_since(Instant::now()),
            };
            match self.rx.recv_timeout(wait) {
                Ok((t, chunk)) => {
                    self.take(&chunk);
                    let bytes = got.map_or(0, |b| b.bytes) + chunk.len();
                    got = Some(Burst {
                        first_frame: got.map_or(t, |b| b.first_frame),
                        last_byte: t,
                        bytes,
                    });
                }
                Err(RecvTimeoutError::Timeout) | Err(RecvTimeoutError::Disconnected) => return got,
            }
        }
    }

    /// Waits for a whole frame: output that ends as ratatui ends every frame (the cursor
    /// hidden, or shown and placed), then until nothing more came for `quiet`. The time of
    /// the last chunk that ended a frame (and of the first); None when no frame ended
    /// within `max`.
    pub fn frame(&mut self, quiet: Duration, max: Duration) -> Option<Burst> {
        let deadline = Instant::now() + max;
        let mut got: Option<Burst> = None;
        let mut bytes = 0;
        loop {
            let wait = match got {
                Some(_) => quiet,
                None => deadline.saturating_duration_since(Instant::now()),
            };
            match self.rx.recv_timeout(wait) {
                Ok((t, chunk)) => {
                    self.take(&chunk);
                    bytes += chunk.len();
                    if ends_frame(&self.output) {
                        got = Some(Burst {
                            first_frame: got.map_or(t, |b| b.first_frame),
                            last_byte: t,
                            bytes,
                        });
                    }
                }
                Err(_) => return got,
            }
        }
    }

    /// Reads what is there without waiting long (between measurements).
    pub fn drain(&mut self, quiet: Duration) {
        while let Ok((_, chunk)) = self.rx.recv_timeout(quiet) {
            self.take(&chunk);
        }
    }

    /// Waits until the output so far contains `text` (as bytes); false after `max`.
    pub fn wait_for(&mut self, text: &str, max: Duration) -> bool {
        let deadline = Instant::now() + max;
        let from = self.output.len().saturating_sub(text.len());
        loop {
            if self.output[from..]
                .windows(text.len())
                .any(|w| w == text.as_bytes())
            {
                return true;
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return false;
            }
            match self.rx.recv_timeout(left) {
                Ok((_, chunk)) => self.take(&chunk),
                Err(_) => return false,
            }
        }
    }

    /// Sends a signal to the program.
    pub fn kill(&mut self, signal: i32) {
        // SAFETY: a signal to our own child's pid, which is not reaped yet.
        unsafe {
            libc::kill(self.pid, signal);
        }
    }

    /// Waits for the program to end; its exit status and peak memory.
    pub fn wait(&mut self) -> std::io::Result<Exit> {
        let mut status = 0;
        // SAFETY: rusage is plain data, filled by wait4.
        let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
        check(
            unsafe { libc::wait4(self.pid, &mut status, 0, &mut ru) },
            "wait4",
        )?;
        self.reaped = true;
        // Let the reader see the end of the output.
        self.drain(Duration::from_millis(5));
        Ok(Exit {
            status,
            max_rss_kb: ru.ru_maxrss,
        })
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        if !self.reaped {
            self.kill(libc::SIGKILL);
            let _ = self.wait();
        }
    }
}

/// Whether `out` ends as a ratatui frame ends: `ESC[?25l`, or `ESC[?25h ESC[row;colH`.
pub fn ends_frame(out: &[u8]) -> bool {
    if out.ends_with(b"\x1b[?25l") {
        return true;
    }
    let Some(body) = out.strip_suffix(b"H") else {
        return false;
    };
    let digits = body
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_digit() || **c == b';')
        .count();
    digits > 0 && body[..body.len() - digits].ends_with(b"\x1b[?25h\x1b[")
}

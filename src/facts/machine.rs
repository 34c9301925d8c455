//! Lines a machine wrote: log lines, shell commands, configuration and code pasted into a post. Their
//! numbers (timestamps, addresses, sizes, counters), capitalised words and dates are the machine's, not
//! facts of the discussion, in any language: the fact steps skip them as they skip URLs.
//!
//! Read from the text's shape alone (the labels and many boards give only a post's text, without its
//! code markup): a log prefix, a line of code ([`super::material::is_code`]), or a line made mostly of
//! machine words (`key=value`, paths, dotted addresses, flags, identifiers with underscores).

/// Share of a line's words that are machine words ([`machine_word`]) from which the line is a machine's.
const MACHINE_WORD_SHARE: f64 = 0.4;
/// Machine words a line needs besides that share: one path in a sentence ("see /etc/fstab") is prose.
const MIN_MACHINE_WORDS: usize = 2;
/// How far into a line a clock with seconds ("10:22:33") makes it a log line (bytes): syslog and chat
/// logs put the time first ("Mar 12 10:22:33 host kernel: ...").
const LOG_CLOCK_WITHIN: usize = 30;
/// Longest bracketed log prefix ("[    3.123456]", "[2024-01-12 10:22:33.120]"), in bytes.
const MAX_LOG_PREFIX: usize = 40;
/// Longest line the line-shape rules (a log prefix, a line of code) read: a longer "line" is a post whose
/// line breaks were lost, where one `</body>` or `=>` says nothing about the rest; only the share of
/// machine words decides it.
const MAX_SHAPED_LINE: usize = 200;
/// Characters that never occur inside a word of prose, but in code, paths and configuration.
const MACHINE_CHARS: &[char] = &['=', '_', '\\', '{', '}', '<', '>', '|', ';'];

/// Clocks with seconds a line longer than [`MAX_SHAPED_LINE`] must hold to be read as a log whose line
/// breaks were lost ("6:51:42 AM: Netlify Build 6:51:42 AM: ❯ Version 6:51:42 AM: @netlify/build
/// 29.41.1 ..."): each clock opened one of its lines, so the stretch from one to the next is a log line.
/// Prose names a time with seconds once or twice, a log on every line.
const LOST_BREAKS_LOG_CLOCKS: usize = 4;
/// Longest stretch (bytes) from one clock to the next that is still one line of such a log; the stretch
/// after a chain's last clock is its last line, read up to [`MAX_SHAPED_LINE`] bytes.
const MAX_LOG_LINE: usize = 600;

/// Words in the window [`machine_runs`] slides over a line.
const RUN_WINDOW: usize = 8;
/// Machine words in one window that make the stretch between its first and last one a machine's: a log
/// or a command pasted into a post whose line breaks were lost ("... it says [ 3.1234] usb 1-1: new
/// device number 2 using xhci_hcd and then ...").
const RUN_MIN_MACHINE: usize = 3;

/// A word of a line: its byte span in the line and whether it is a machine word ([`machine_word`]).
type Word = (usize, usize, bool);

/// Byte spans of the machine-written lines of `text`, and of the machine-written stretches inside the
/// other lines, in order. Each line's words are split and judged once, for both questions.
pub fn machine_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut words: Vec<Word> = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        let end = start + line.len();
        line_words(line, &mut words);
        if machine_line(line, &words) {
            spans.push((start, end));
        } else {
            let runs = union(machine_runs(&words), log_without_breaks(line));
            spans.extend(runs.into_iter().map(|(a, b)| (start + a, start + b)));
        }
        start = end + 1;
    }
    spans
}

/// The words of `line` into `words` (cleared first), each with its byte span and whether it is a
/// machine word.
fn line_words(line: &str, words: &mut Vec<Word>) {
    words.clear();
    words.extend(line.split_whitespace().map(|w| {
        // `w` is a slice of `line`: its offset is where it starts (no search for it).
        let at = w.as_ptr() as usize - line.as_ptr() as usize;
        (at, at + w.len(), machine_word(w))
    }));
}

/// Stretches of a line where machine words are dense (see [`RUN_MIN_MACHINE`]), as byte spans of it,
/// from the line's [`line_words`].
fn machine_runs(words: &[Word]) -> Vec<(usize, usize)> {
    let machine: Vec<usize> = (0..words.len()).filter(|&k| words[k].2).collect();
    let mut runs: Vec<(usize, usize)> = Vec::new();
    // Consecutive machine words at most a window apart, `RUN_MIN_MACHINE` of them in one window.
    for k in 0..machine.len() {
        let Some(&last) = machine.get(k + RUN_MIN_MACHINE - 1) else { break };
        if last - machine[k] < RUN_WINDOW {
            let (a, b) = (words[machine[k]].0, words[last].1);
            match runs.last_mut() {
                Some(r) if a <= r.1 => r.1 = r.1.max(b),
                _ => runs.push((a, b)),
            }
        }
    }
    runs
}

/// The stretches of a long line that are a log pasted without its line breaks (see
/// [`LOST_BREAKS_LOG_CLOCKS`]), as byte spans of it: from each clock to the next, and the last line after
/// a chain's last clock.
fn log_without_breaks(line: &str) -> Vec<(usize, usize)> {
    if line.len() <= MAX_SHAPED_LINE {
        return Vec::new();
    }
    let clocks: Vec<usize> = line
        .split_whitespace()
        .filter(|w| clock_word(w))
        .map(|w| w.as_ptr() as usize - line.as_ptr() as usize)
        .collect();
    if clocks.len() < LOST_BREAKS_LOG_CLOCKS {
        return Vec::new();
    }
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for (k, &at) in clocks.iter().enumerate() {
        let end = match clocks.get(k + 1) {
            Some(&next) if next - at <= MAX_LOG_LINE => next,
            _ => last_log_line_end(line, at),
        };
        match spans.last_mut() {
            Some(last) if at <= last.1 => last.1 = last.1.max(end),
            _ => spans.push((at, end)),
        }
    }
    spans
}

/// Where the log line that starts at `at` ends when no clock follows it: the line's end, or the last word
/// boundary within [`MAX_SHAPED_LINE`] bytes.
fn last_log_line_end(line: &str, at: usize) -> usize {
    if line.len() - at <= MAX_SHAPED_LINE {
        return line.len();
    }
    let limit = (at + MAX_SHAPED_LINE..=line.len()).find(|&i| line.is_char_boundary(i)).unwrap_or(line.len());
    line[..limit].rfind(char::is_whitespace).filter(|&i| i > at).unwrap_or(limit)
}

/// The line was written by a machine (see the module doc).
pub fn is_machine_line(line: &str) -> bool {
    let mut words = Vec::new();
    line_words(line, &mut words);
    machine_line(line, &words)
}

/// [`is_machine_line`] of a line, given its [`line_words`].
fn machine_line(line: &str, words: &[Word]) -> bool {
    let clock_first = words.first().is_some_and(|&(a, b, _)| clock_word(&line[a..b]));
    let line = line.trim();
    if line.is_empty() {
        return false;
    }
    let shaped = line.len() <= MAX_SHAPED_LINE;
    if shaped && (log_prefix(line) || clock_with_seconds(line) || clock_first || super::material::is_code(line)) {
        return true;
    }
    let machine = words.iter().filter(|w| w.2).count();
    machine >= MIN_MACHINE_WORDS && machine as f64 >= MACHINE_WORD_SHARE * words.len() as f64
}

/// "[    3.123456] usb 1-1: ...", "[2024-01-12 10:22:33] ...": a bracket of digits and separators first.
fn log_prefix(line: &str) -> bool {
    let Some(rest) = line.strip_prefix('[') else { return false };
    let Some(close) = rest.find(']').filter(|&c| c < MAX_LOG_PREFIX) else { return false };
    let inside = &rest[..close];
    inside.chars().any(|c| c.is_ascii_digit())
        && inside.chars().all(|c| c.is_ascii_digit() || matches!(c, ' ' | '.' | ':' | '-' | '+' | 'T' | ','))
}

/// A clock with seconds near the start of the line: "Mar 12 10:22:33 host sshd[812]: ...".
fn clock_with_seconds(line: &str) -> bool {
    let head = line.as_bytes();
    let limit = head.len().min(LOG_CLOCK_WITHIN);
    (0..limit).any(|i| {
        let d = |k: usize| head.get(i + k).is_some_and(u8::is_ascii_digit);
        let c = |k: usize| head.get(i + k) == Some(&b':');
        d(0) && d(1) && c(2) && d(3) && d(4) && c(5) && d(6) && d(7)
    })
}

/// A word that is a clock with seconds, the hour in one or two digits as twelve-hour logs write it:
/// "6:51:42", "16:51:42", "06:51:42,".
fn clock_word(w: &str) -> bool {
    let b = w.as_bytes();
    let hour = b.iter().take_while(|c| c.is_ascii_digit()).count();
    let rest = &b[hour..];
    matches!(hour, 1 | 2)
        && rest.len() >= 6
        && rest[0] == b':'
        && rest[3] == b':'
        && [1, 2, 4, 5].iter().all(|&k| rest[k].is_ascii_digit())
        && rest.get(6).is_none_or(|c| !c.is_ascii_digit())
}

/// A word of code, configuration or a command line: `key=value`, `xhci_hcd`, `/dev/sda1`, `--force`,
/// `192.168.1.10`, `0x1F`, `00:1f.3`.
fn machine_word(w: &str) -> bool {
    let w = w.trim_end_matches([',', ';', ')', '.']);
    // Most words are letters only, which no rule below accepts: decided without the scans.
    if w.is_empty() || w.bytes().all(|b| b.is_ascii_alphabetic()) || w.starts_with("http") || w.starts_with("www.") {
        return false;
    }
    let dotted_digits = w.split('.').filter(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit())).count();
    w.contains(MACHINE_CHARS)
        || w.matches('/').count() >= 2
        || (w.starts_with('/') && w.len() > 1)
        || w.starts_with("--")
        || (w.starts_with('-') && w.chars().nth(1).is_some_and(|c| c.is_ascii_alphabetic()))
        || w.starts_with("0x")
        || dotted_digits >= 3
        || glued_colon(w)
        || clock_with_seconds(w)
        || (w.contains(['[', ']']) && w.chars().any(|c| c.is_ascii_digit()))
        || human_size(w)
}

/// Size letters `df -h`, `du -h`, `ls -lh` and `free -h` glue to a number ("29G", "6.1G", "512M", "4.0K",
/// "100Mi"): people write "8GB" or "8 GB"; a table of these is a command's output.
const SIZE_LETTERS: &[u8] = b"KMGTP";

/// "29G", "6.1G", "100Mi": a number with one size letter glued to it (see [`SIZE_LETTERS`]).
fn human_size(w: &str) -> bool {
    let w = w.strip_suffix('i').unwrap_or(w);
    let Some((&last, digits)) = w.as_bytes().split_last() else { return false };
    SIZE_LETTERS.contains(&last)
        && digits.first().is_some_and(u8::is_ascii_digit)
        && digits.iter().all(|b| b.is_ascii_digit() || *b == b'.')
}

/// A colon between two alphanumerics inside a word ("00:1f.3", "sda1:ext4"), not a time ("10:30").
fn glued_colon(w: &str) -> bool {
    let b = w.as_bytes();
    (1..b.len().saturating_sub(1)).any(|i| {
        b[i] == b':'
            && b[i - 1].is_ascii_alphanumeric()
            && b[i + 1].is_ascii_alphanumeric()
            && !(b[i - 1].is_ascii_digit() && b[i + 1].is_ascii_digit())
    })
}

/// Sorted, non-overlapping union of two sorted span lists (URLs and machine lines), for
/// [`super::numbers::in_spans`].
pub fn union(a: Vec<(usize, usize)>, b: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    let mut all = a;
    all.extend(b);
    // The crate's one sort: equal spans are identical, so stable or not gives the same order.
    crate::sort::sort(&mut all);
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(all.len());
    for (s, e) in all {
        match out.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

/// What the fact steps skip in a text: its URLs and its machine-written lines (`machine`, the text's
/// [`machine_spans`], found once for this and for the digest).
pub fn skipped_spans(text: &str, machine: &[(usize, usize)]) -> Vec<(usize, usize)> {
    union(super::numbers::url_spans(text), machine.to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logs_commands_and_config_are_machine_lines() {
        for line in [
            "[    3.123456] usb 1-1: new high-speed USB device number 2 using xhci_hcd",
            "[2024-01-12 10:22:33] ERROR worker 4 exited",
            "Mar 12 10:22:33 myhost sshd[812]: Accepted publickey for root",
            "ifconfig eth0 192.168.1.10 netmask 255.255.255.0",
            "max_connections = 100",
            "sudo pacman -Syu --noconfirm",
            "mount /dev/sda1 /mnt/data",
            "for (int i = 0; i < 10; i++) {",
            "/dev/sda6      ext4       29G  6.1G   22G  23% /",
            "Mem:           15Gi       4.2Gi       8.1Gi",
        ] {
            assert!(is_machine_line(line), "{line}");
        }
    }

    #[test]
    fn prose_with_a_path_a_version_or_a_time_is_not() {
        for line in [
            "I updated to 7.1.0 and then 7.1.2 broke the sound again.",
            "See /etc/fstab for the mounts, it has 3 entries.",
            "We met at 10:30 and 2 of us had the 32GB model.",
            "- if you have Android then you can use FolderSync which has a free plan",
            "It works on/off depending on the weather, about 50% of the time.",
            "Das Treffen ist um 14:00 Uhr, wir sind 12 Leute.",
        ] {
            assert!(!is_machine_line(line), "{line}");
        }
    }

    #[test]
    fn machine_stretches_inside_a_long_line() {
        let text = "My laptop froze again, the log said [ 3.123456] usb 1-1: device_number=2 using xhci_hcd \
                    and then 12 people on the forum told me to reinstall.";
        let spans = machine_spans(text);
        assert_eq!(spans.len(), 1, "{spans:?}");
        let (a, b) = spans[0];
        assert!(text[a..b].contains("xhci_hcd") && !text[a..b].contains("12 people"), "{}", &text[a..b]);
    }

    #[test]
    fn a_log_pasted_without_its_line_breaks() {
        let log = "6:58:06 AM: info Generated public/sw.js, which will precache 10 files, totaling 476535 bytes. \
                   6:58:06 AM: The following pages will be precached: 6:58:06 AM: success onPostBuild - 0.178s \
                   6:58:12 AM: success gatsby-source-wordpress EventTag - 1.925s - fetched 18 \
                   6:58:12 AM: Finished processing build request in 8m0.816s";
        let text = format!("Here is the build log which passes. {log}");
        let spans = machine_spans(&text);
        assert_eq!(spans.len(), 1, "{spans:?}");
        let (a, b) = spans[0];
        assert_eq!(&text[a..b], log);
        // Prose that names a time with seconds once or twice is not a log.
        let prose = "The race started at 9:00:00 sharp and the winner crossed the line at 11:42:17, which is a \
                     record for the course; 40 runners finished and 3 gave up before the second hour was over.";
        assert!(machine_spans(prose).is_empty(), "{:?}", machine_spans(prose));
        assert!(is_machine_line("6:58:12 AM: added 2971 packages from 1312 contributors"), "a log line");
        assert!(clock_word("6:51:42") && clock_word("16:51:42,") && !clock_word("6:51") && !clock_word("116:51:42"));
    }

    #[test]
    fn spans_cover_machine_lines_and_merge_with_urls() {
        let text = "We saw it twice.\nkernel: 0x1F /dev/sda1 bad\nsee https://x.example/a for more";
        let spans = skipped_spans(text, &machine_spans(text));
        assert_eq!(spans.len(), 2, "{spans:?}");
        assert_eq!(&text[spans[0].0..spans[0].1], "kernel: 0x1F /dev/sda1 bad");
        assert_eq!(union(vec![(0, 10)], vec![(2, 4), (12, 14)]), vec![(0, 10), (12, 14)]);
    }
}

//! Contestants timed side by side in one process, interleaved round by round.
//!
//! Criterion times a group's contestants one after another, and on a shared machine the
//! speed drifts between them (means moved by up to a fifth between runs of the same code). A
//! race runs one batch of each contestant per round, for many rounds, and keeps each one's
//! best batch: a slow spell hits every contestant alike, and the ratios hold from run to run.

use std::hint::black_box;
use std::time::{Duration, Instant};

/// One contestant: a name and the work of one iteration.
pub struct Contestant<'a> {
    /// The name in the table (`sigmint`, `jsonwebtoken`, ...).
    pub name: &'static str,
    run: Box<dyn FnMut() + 'a>,
}

impl<'a> Contestant<'a> {
    /// `work` is one iteration; its result is kept from the optimizer.
    pub fn new<T>(name: &'static str, mut work: impl FnMut() -> T + 'a) -> Self {
        Contestant {
            name,
            run: Box::new(move || {
                black_box(work());
            }),
        }
    }
}

/// A race's outcome: each contestant's best time per iteration, in nanoseconds.
pub struct Outcome {
    /// What was raced.
    pub work: &'static str,
    /// `(name, best ns per iteration)`, in the contestants' order.
    pub best: Vec<(&'static str, f64)>,
}

impl Outcome {
    /// The best time of `name`.
    pub fn ns(&self, name: &str) -> f64 {
        self.best
            .iter()
            .find(|(n, _)| *n == name)
            .map_or(f64::NAN, |(_, ns)| *ns)
    }

    /// `a`'s best time over `b`'s.
    pub fn ratio(&self, a: &str, b: &str) -> f64 {
        self.ns(a) / self.ns(b)
    }
}

/// Runs `rounds` rounds of a batch of each contestant; each batch lasts about `batch`.
pub fn race(
    work: &'static str,
    mut contestants: Vec<Contestant<'_>>,
    rounds: usize,
    batch: Duration,
) -> Outcome {
    // Iterations per batch, from a calibration run of each contestant (also a warm-up).
    let sizes: Vec<u64> = contestants
        .iter_mut()
        .map(|c| {
            let mut n = 1u64;
            loop {
                let start = Instant::now();
                for _ in 0..n {
                    (c.run)();
                }
                if start.elapsed() >= batch / 4 {
                    return (n * 4).max(1);
                }
                n *= 2;
            }
        })
        .collect();
    let mut best = vec![f64::INFINITY; contestants.len()];
    for _ in 0..rounds {
        for ((c, &n), best) in contestants.iter_mut().zip(&sizes).zip(&mut best) {
            let start = Instant::now();
            for _ in 0..n {
                (c.run)();
            }
            let ns = start.elapsed().as_nanos() as f64 / n as f64;
            *best = best.min(ns);
        }
    }
    Outcome {
        work,
        best: contestants.iter().map(|c| c.name).zip(best).collect(),
    }
}

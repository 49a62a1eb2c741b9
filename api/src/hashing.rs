//! Password hashing with Argon2id and OWASP's parameters (19 MiB, 2 passes, 1 lane), on a fixed
//! number of worker threads, so memory stays bounded whatever arrives.
//!
//! Each hash needs 19 MiB. Hashing on demand let 60 concurrent registrations take a gigabyte;
//! freeing the memory after each hash is not enough either, as the allocator keeps what it was
//! given. So each worker allocates its 19 MiB once and reuses it for every hash
//! (`hash_password_into_with_memory`); the workers are as many as the cores, a bounded queue
//! waits for them, and a request that finds the queue full is answered 503 with
//! `Retry-After` at once. Passwords are never logged or stored in clear.

use std::sync::mpsc::{self, Receiver, SyncSender, TrySendError};
use std::sync::{Arc, Mutex};

use argon2::password_hash::{Output, ParamsString, PasswordHash, SaltString};
use argon2::{Algorithm, Argon2, Block, Params, Version};
use tokio::sync::oneshot;

use crate::config::HashingLimits;
use crate::error::ApiError;

/// Seconds a client is told to wait when every worker is busy and the queue is full.
pub const BUSY_RETRY_SECONDS: u64 = 1;
const OUTPUT_LENGTH: usize = 32;

fn params() -> Params {
    Params::new(19 * 1024, 2, 1, Some(OUTPUT_LENGTH)).expect("OWASP's Argon2id parameters are valid")
}

enum Work {
    Hash(String),
    /// A password and the stored hash to check it against; `None` when there is no account,
    /// which is checked against a stand-in hash so that it takes as long.
    Verify(String, Option<String>),
}

enum Done {
    Hashed(String),
    Verified(bool),
}

struct Job {
    work: Work,
    reply: oneshot::Sender<Result<Done, ApiError>>,
}

/// The hashing workers; cloned into every handler.
#[derive(Clone)]
pub struct Hasher {
    jobs: SyncSender<Job>,
}

impl Hasher {
    pub fn start(limits: HashingLimits) -> Self {
        let (jobs, queue) = mpsc::sync_channel(limits.queue);
        let queue = Arc::new(Mutex::new(queue));
        for index in 0..limits.workers.max(1) {
            let queue = queue.clone();
            std::thread::Builder::new()
                .name(format!("argon2-{index}"))
                .spawn(move || work(&queue))
                .expect("a hashing thread can be started");
        }
        Self { jobs }
    }

    async fn run(&self, work: Work) -> Result<Done, ApiError> {
        let (reply, answer) = oneshot::channel();
        // Counted as waiting before it is queued, so that a worker taking it at once never
        // counts it below zero.
        let metrics = crate::metrics::metrics();
        metrics.hash_queue.inc();
        self.jobs.try_send(Job { work, reply }).map_err(|error| {
            metrics.hash_queue.dec();
            match error {
                TrySendError::Full(_) => {
                    metrics.refused("hash-queue");
                    ApiError::Busy(BUSY_RETRY_SECONDS)
                }
                TrySendError::Disconnected(_) => ApiError::Internal("the hashing workers stopped".into()),
            }
        })?;
        answer.await.map_err(|_| ApiError::Internal("a hashing worker stopped".into()))?
    }

    /// The password's Argon2id hash, in the PHC string format.
    pub async fn hash(&self, password: String) -> Result<String, ApiError> {
        match self.run(Work::Hash(password)).await? {
            Done::Hashed(hash) => Ok(hash),
            Done::Verified(_) => Err(ApiError::Internal("a hash was asked for".into())),
        }
    }

    /// Whether `password` matches `stored`; with no stored hash, the same work and `false`.
    pub async fn verify(&self, password: String, stored: Option<String>) -> Result<bool, ApiError> {
        match self.run(Work::Verify(password, stored)).await? {
            Done::Verified(matches) => Ok(matches),
            Done::Hashed(_) => Err(ApiError::Internal("a verification was asked for".into())),
        }
    }
}

/// A worker: takes jobs until the server stops, always with the same memory.
fn work(queue: &Mutex<Receiver<Job>>) {
    let mut memory = Vec::new();
    loop {
        let job = match queue.lock().map(|receiver| receiver.recv()) {
            Ok(Ok(job)) => job,
            _ => return,
        };
        crate::metrics::metrics().hash_queue.dec();
        let done = match job.work {
            Work::Hash(password) => hash_with(&password, &mut memory).map(Done::Hashed),
            Work::Verify(password, Some(stored)) => Ok(Done::Verified(verify_with(&password, &stored, &mut memory))),
            Work::Verify(password, None) => {
                verify_with(&password, &stand_in(), &mut memory);
                Ok(Done::Verified(false))
            }
        };
        let _ = job.reply.send(done);
    }
}

fn run(
    algorithm: Algorithm,
    version: Version,
    params: Params,
    password: &[u8],
    salt: &[u8],
    out: &mut [u8],
    memory: &mut Vec<Block>,
) -> Result<(), argon2::Error> {
    let blocks = params.block_count();
    if memory.len() < blocks {
        memory.resize(blocks, Block::default());
    }
    Argon2::new(algorithm, version, params).hash_password_into_with_memory(password, salt, out, &mut memory[..blocks])
}

fn hash_with(password: &str, memory: &mut Vec<Block>) -> Result<String, ApiError> {
    let internal = |e: &dyn std::fmt::Display| ApiError::Internal(format!("hashing failed: {e}"));
    let salt = crate::secrets::random_bytes::<16>()?;
    let salt_string = SaltString::encode_b64(&salt).map_err(|e| internal(&e))?;
    let mut out = [0u8; OUTPUT_LENGTH];
    run(Algorithm::Argon2id, Version::V0x13, params(), password.as_bytes(), &salt, &mut out, memory)
        .map_err(|e| internal(&e))?;
    let phc = PasswordHash {
        algorithm: Algorithm::Argon2id.ident(),
        version: Some(Version::V0x13.into()),
        params: ParamsString::try_from(&params()).map_err(|e| internal(&e))?,
        salt: Some(salt_string.as_salt()),
        hash: Some(Output::new(&out).map_err(|e| internal(&e))?),
    };
    Ok(phc.to_string())
}

/// Checks `password` against a PHC string with the parameters stored in it; the comparison
/// takes the same time wherever the hashes differ.
fn verify_with(password: &str, stored: &str, memory: &mut Vec<Block>) -> bool {
    let Ok(parsed) = PasswordHash::new(stored) else { return false };
    let (Ok(algorithm), Ok(params), Some(salt), Some(expected)) =
        (Algorithm::try_from(parsed.algorithm), Params::try_from(&parsed), parsed.salt, parsed.hash)
    else {
        return false;
    };
    let version = parsed.version.map_or(Ok(Version::V0x13), Version::try_from);
    let mut salt_bytes = [0u8; 64];
    let (Ok(version), Ok(salt)) = (version, salt.decode_b64(&mut salt_bytes)) else { return false };
    let mut out = vec![0u8; expected.len()];
    run(algorithm, version, params, password.as_bytes(), salt, &mut out, memory).is_ok()
        && Output::new(&out).is_ok_and(|computed| computed == expected)
}

/// A well-formed hash with this server's parameters that no password matches.
fn stand_in() -> String {
    let params = ParamsString::try_from(&params()).map(|p| p.to_string()).unwrap_or_default();
    format!("$argon2id$v=19${params}$c3RhbmQtaW4tc2FsdC0xMg$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verifies_only_the_right_password_with_one_reused_memory() {
        let mut memory = Vec::new();
        let stored = hash_with("Vq7#t!mZ2@pL9w", &mut memory).unwrap();
        assert!(stored.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{stored}");
        assert!(verify_with("Vq7#t!mZ2@pL9w", &stored, &mut memory));
        assert!(!verify_with("Vq7#t!mZ2@pL9W", &stored, &mut memory));
        assert_eq!(memory.len(), params().block_count());
    }

    #[test]
    fn reads_hashes_made_by_the_argon2_crate_itself() {
        use argon2::password_hash::PasswordHasher;
        let salt = SaltString::encode_b64(b"sixteen byte slt").unwrap();
        let stored = Argon2::new(Algorithm::Argon2id, Version::V0x13, params())
            .hash_password(b"Rioni-River-88!Batumi", &salt)
            .unwrap()
            .to_string();
        assert!(verify_with("Rioni-River-88!Batumi", &stored, &mut Vec::new()));
    }

    #[test]
    fn the_stand_in_is_a_full_hash_that_matches_nothing() {
        let stand_in = stand_in();
        let parsed = PasswordHash::new(&stand_in).unwrap();
        assert_eq!(Params::try_from(&parsed).unwrap().m_cost(), 19 * 1024);
        assert!(!verify_with("", &stand_in, &mut Vec::new()));
    }

    #[tokio::test]
    async fn a_full_queue_answers_busy_at_once() {
        let hasher = Hasher::start(HashingLimits { workers: 1, queue: 1 });
        let jobs: Vec<_> = (0..6)
            .map(|_| {
                let hasher = hasher.clone();
                tokio::spawn(async move { hasher.hash("Vq7#t!mZ2@pL9w".into()).await })
            })
            .collect();
        let mut busy = 0;
        for job in jobs {
            if let Err(ApiError::Busy(seconds)) = job.await.unwrap() {
                assert_eq!(seconds, BUSY_RETRY_SECONDS);
                busy += 1;
            }
        }
        assert!(busy >= 4, "one hashing and one waiting at most: {busy} busy of 6");
    }
}

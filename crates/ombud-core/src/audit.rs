//! The tamper-evident audit trail: every change to a record is one entry, and
//! each entry carries the SHA-256 of its predecessor, so altering, removing or
//! reordering any entry breaks the chain from that point on.
//!
//! The store appends entries in the same transaction as the change; this
//! module decides what an entry's hash covers and how a chain is verified.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// The `prev_hash` of the first entry.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// Who made a change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    /// The user's id, or `None` for the system itself (first-start setup, CLI, jobs).
    pub user_id: Option<i64>,
    /// A readable label kept in the entry: the user's e-mail at the time, or `system:cli`.
    pub label: String,
}

impl Actor {
    pub fn user(id: i64, label: impl Into<String>) -> Self {
        Actor {
            user_id: Some(id),
            label: label.into(),
        }
    }

    pub fn system(what: &str) -> Self {
        Actor {
            user_id: None,
            label: format!("system:{what}"),
        }
    }
}

/// A change about to be recorded: what the caller knows before the store
/// assigns a sequence number and the chain position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub actor: Actor,
    /// A dotted verb such as `user.create` or `activity.approve`.
    pub action: String,
    /// The kind of record, such as `user`.
    pub entity_type: String,
    pub entity_id: String,
    /// The record before the change as JSON, `None` when it was created.
    pub before: Option<serde_json::Value>,
    /// The record after the change as JSON, `None` when it was removed.
    pub after: Option<serde_json::Value>,
}

impl Change {
    pub fn new(actor: &Actor, action: &str, entity_type: &str, entity_id: impl ToString) -> Self {
        Change {
            actor: actor.clone(),
            action: action.to_owned(),
            entity_type: entity_type.to_owned(),
            entity_id: entity_id.to_string(),
            before: None,
            after: None,
        }
    }

    pub fn before(mut self, value: impl Serialize) -> Self {
        self.before = Some(serde_json::to_value(value).expect("audit snapshot serialises"));
        self
    }

    pub fn after(mut self, value: impl Serialize) -> Self {
        self.after = Some(serde_json::to_value(value).expect("audit snapshot serialises"));
        self
    }

    /// Places the change in the chain after the entry with `prev_hash` and sequence `seq - 1`.
    pub fn seal(self, seq: i64, at: OffsetDateTime, prev_hash: &str) -> AuditEntry {
        let mut entry = AuditEntry {
            seq,
            at: truncate_to_micros(at),
            actor_id: self.actor.user_id,
            actor: self.actor.label,
            action: self.action,
            entity_type: self.entity_type,
            entity_id: self.entity_id,
            before: self.before.map(|v| v.to_string()),
            after: self.after.map(|v| v.to_string()),
            prev_hash: prev_hash.to_owned(),
            hash: String::new(),
        };
        entry.hash = entry.compute_hash();
        entry
    }
}

/// One stored entry of the audit trail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct AuditEntry {
    /// Position in the chain, starting at 1 with no gaps.
    pub seq: i64,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub at: OffsetDateTime,
    pub actor_id: Option<i64>,
    pub actor: String,
    pub action: String,
    pub entity_type: String,
    pub entity_id: String,
    /// JSON text of the record before the change.
    pub before: Option<String>,
    /// JSON text of the record after the change.
    pub after: Option<String>,
    pub prev_hash: String,
    pub hash: String,
}

/// Databases keep timestamps to the microsecond; hashing a finer value would
/// make an entry fail verification after a round trip.
pub fn truncate_to_micros(at: OffsetDateTime) -> OffsetDateTime {
    let at = at.to_offset(time::UtcOffset::UTC);
    at.replace_nanosecond(at.nanosecond() / 1_000 * 1_000)
        .expect("a truncated nanosecond is valid")
}

impl AuditEntry {
    /// SHA-256 over every field but `hash`, each length-prefixed so that no two
    /// different entries can produce the same input.
    pub fn compute_hash(&self) -> String {
        let mut h = Sha256::new();
        let at = truncate_to_micros(self.at)
            .format(&Rfc3339)
            .expect("a UTC timestamp formats as RFC 3339");
        let actor_id = self.actor_id.map(|id| id.to_string());
        let fields: [Option<&str>; 9] = [
            Some(&self.seq.to_string()),
            Some(&at),
            actor_id.as_deref(),
            Some(&self.actor),
            Some(&self.action),
            Some(&self.entity_type),
            Some(&self.entity_id),
            self.before.as_deref(),
            self.after.as_deref(),
        ];
        for field in fields {
            match field {
                None => h.update(b"-"),
                Some(s) => {
                    h.update((s.len() as u64).to_be_bytes());
                    h.update(s.as_bytes());
                }
            }
        }
        h.update(self.prev_hash.as_bytes());
        hex::encode(h.finalize())
    }
}

/// The first place where a chain is broken.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChainError {
    #[error("entry {seq}: its content does not match its hash (the entry was altered)")]
    Altered { seq: i64 },
    #[error(
        "entry {seq}: it does not follow the entry before it (an entry was removed, inserted or moved)"
    )]
    Broken { seq: i64 },
    #[error("entry {seq} is missing: expected sequence {seq}, found {found}")]
    Gap { seq: i64, found: i64 },
    #[error(
        "the chain ends at entry {last} but the recorded head is entry {head_seq} (entries were removed from the end)"
    )]
    Truncated { last: i64, head_seq: i64 },
    #[error("the recorded head does not match entry {seq}")]
    HeadMismatch { seq: i64 },
}

impl ChainError {
    /// The sequence number of the first bad entry.
    pub fn seq(&self) -> i64 {
        match self {
            ChainError::Altered { seq }
            | ChainError::Broken { seq }
            | ChainError::Gap { seq, .. }
            | ChainError::HeadMismatch { seq } => *seq,
            ChainError::Truncated { last, .. } => last + 1,
        }
    }
}

/// Walks entries in storage order and checks the chain as it goes, so a
/// whole trail can be verified while streaming it from the database.
#[derive(Debug)]
pub struct ChainVerifier {
    expected_seq: i64,
    prev_hash: String,
}

impl Default for ChainVerifier {
    fn default() -> Self {
        ChainVerifier {
            expected_seq: 1,
            prev_hash: GENESIS_HASH.to_owned(),
        }
    }
}

impl ChainVerifier {
    /// Checks the next entry.
    pub fn push(&mut self, entry: &AuditEntry) -> Result<(), ChainError> {
        if entry.seq != self.expected_seq {
            return Err(ChainError::Gap {
                seq: self.expected_seq,
                found: entry.seq,
            });
        }
        if entry.compute_hash() != entry.hash {
            return Err(ChainError::Altered { seq: entry.seq });
        }
        if entry.prev_hash != self.prev_hash {
            return Err(ChainError::Broken { seq: entry.seq });
        }
        self.expected_seq += 1;
        self.prev_hash.clone_from(&entry.hash);
        Ok(())
    }

    /// Checks the end of the chain against the head the store records with
    /// every append, which catches entries cut off the end.
    pub fn finish(self, head: Option<(i64, &str)>) -> Result<u64, ChainError> {
        let last = self.expected_seq - 1;
        if let Some((head_seq, head_hash)) = head {
            if head_seq != last {
                return Err(ChainError::Truncated { last, head_seq });
            }
            if head_seq > 0 && head_hash != self.prev_hash {
                return Err(ChainError::HeadMismatch { seq: head_seq });
            }
        }
        Ok(last as u64)
    }
}

/// Verifies a whole chain held in memory.
pub fn verify_chain<'a>(
    entries: impl IntoIterator<Item = &'a AuditEntry>,
    head: Option<(i64, &str)>,
) -> Result<u64, ChainError> {
    let mut v = ChainVerifier::default();
    for e in entries {
        v.push(e)?;
    }
    v.finish(head)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn chain(n: i64) -> Vec<AuditEntry> {
        let actor = Actor::user(7, "dpo@example.se");
        let mut prev = GENESIS_HASH.to_owned();
        let t0 = OffsetDateTime::from_unix_timestamp(1_790_000_000).unwrap();
        (1..=n)
            .map(|seq| {
                let e = Change::new(&actor, "user.update", "user", seq)
                    .before(json!({"role": "registrant"}))
                    .after(json!({"role": "dpo", "n": seq}))
                    .seal(seq, t0 + time::Duration::seconds(seq), &prev);
                prev.clone_from(&e.hash);
                e
            })
            .collect()
    }

    fn head(c: &[AuditEntry]) -> Option<(i64, &str)> {
        c.last().map(|e| (e.seq, e.hash.as_str()))
    }

    #[test]
    fn intact_chain_verifies() {
        let c = chain(5);
        assert_eq!(verify_chain(&c, head(&c)), Ok(5));
        assert_eq!(verify_chain(&[], Some((0, GENESIS_HASH))), Ok(0));
    }

    #[test]
    fn altered_field_is_found() {
        let mut c = chain(5);
        c[2].after = Some(r#"{"role":"admin"}"#.into());
        let h = (5, c[4].hash.clone());
        assert_eq!(
            verify_chain(&c, Some((h.0, &h.1))),
            Err(ChainError::Altered { seq: 3 })
        );
    }

    #[test]
    fn altered_entry_with_recomputed_hash_breaks_the_next_link() {
        let mut c = chain(5);
        c[1].actor = "someone-else".into();
        c[1].hash = c[1].compute_hash();
        let h = (5, c[4].hash.clone());
        assert_eq!(
            verify_chain(&c, Some((h.0, &h.1))),
            Err(ChainError::Broken { seq: 3 })
        );
    }

    #[test]
    fn removed_entry_is_found() {
        let mut c = chain(5);
        c.remove(1);
        let h = (5, c[3].hash.clone());
        assert_eq!(
            verify_chain(&c, Some((h.0, &h.1))),
            Err(ChainError::Gap { seq: 2, found: 3 })
        );
    }

    #[test]
    fn reordered_entries_are_found() {
        let mut c = chain(5);
        c.swap(1, 2);
        let h = (5, c[4].hash.clone());
        let err = verify_chain(&c, Some((h.0, &h.1))).unwrap_err();
        assert_eq!(err.seq(), 2);
    }

    #[test]
    fn cut_tail_is_found_through_the_head() {
        let c = chain(5);
        let h = (5, c[4].hash.clone());
        assert_eq!(
            verify_chain(&c[..3], Some((h.0, &h.1))),
            Err(ChainError::Truncated {
                last: 3,
                head_seq: 5
            })
        );
    }

    #[test]
    fn timestamps_are_hashed_at_microsecond_precision() {
        let t = OffsetDateTime::from_unix_timestamp_nanos(1_790_000_000_123_456_789).unwrap();
        let e =
            Change::new(&Actor::system("cli"), "user.create", "user", 1).seal(1, t, GENESIS_HASH);
        assert_eq!(e.at.nanosecond(), 123_456_000);
        let mut reloaded = e.clone();
        reloaded.at = truncate_to_micros(e.at);
        assert_eq!(reloaded.compute_hash(), e.hash);
    }
}

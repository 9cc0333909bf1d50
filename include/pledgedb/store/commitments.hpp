#pragma once
// Commitments, the claims sources make about them, compiled values, revisions, progress and
// evidence. A commitment's value columns are compiled from its claims (see compile_claims).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pledgedb/date.hpp"
#include "pledgedb/model.hpp"
#include "pledgedb/store/database.hpp"

namespace pledgedb::store {

// What one source (or one manual correction) says; optional fields = "does not say".
struct ClaimRow {
  std::int64_t id = 0;
  std::int64_t commitment_id = 0;
  std::optional<std::int64_t> source_id;
  std::string origin = "extracted";  // extracted, imported, manual
  std::optional<double> target;
  std::optional<Comparator> comparator;
  std::string unit, qualifier;
  std::optional<Date> start, deadline;
  std::optional<DeadlineKind> deadline_kind;
  std::string deadline_text;
  std::optional<ManualStatus> manual_status;
  std::string note;
  double confidence = 1.0;
  std::optional<Date> claimed_on;  // the source's publication date, or the manual entry's date
};

// The compiled value columns of `commitment`.
struct CommitmentValues {
  std::optional<double> target;
  Comparator comparator = Comparator::exactly;
  std::string unit, qualifier;
  std::optional<Date> start, deadline;
  DeadlineKind deadline_kind = DeadlineKind::none;
  std::string deadline_text;
  std::optional<ManualStatus> manual_status;
  double confidence = 1.0;
};

// Precedence: manual claims first, then the newest claimed_on (unknown dates last), then the
// highest confidence, then the latest id. Each field comes from the first claim that states it
// (start: a manual one, else the earliest stated: a restatement does not restart a pledge),
// except that a vaguer statement never replaces a more specific one of the same value:
//  - comparator: when the winning claim's comparator is `exactly` (what a bare number means) or
//    unstated, a claim with the same target stating at_least/up_to/about is used;
//  - deadline: when the winning deadline is a year horizon (YYYY-12-31, kind horizon) and
//    another claim gives a precise (absolute/relative) date in the same year, that date is used.
CommitmentValues compile_claims(const std::vector<ClaimRow>& claims);

struct Revision {
  std::string flag;  // rescheduled, downsized, upsized
  std::string from, to;  // old and new deadline (ISO) or target
  std::int64_t claim_id = 0;
  std::optional<Date> claimed_on;
};
struct Revisions {
  bool rescheduled = false, downsized = false, upsized = false;
  std::vector<Revision> changes;  // chronological
};
// A changed value is a revision only when its claim is dated more than this many days after the
// first claim of the value it replaces (two reports of one announcement are not a revision).
inline constexpr int revision_gap_days = 30;
// Walks the claims in chronological order (claimed_on, unknown first, then id). A stated
// target/deadline equal to one stated before (target within 1%; deadline within 31 days, or the
// same year when either is a year horizon) is a restatement, never a change. A new value is
// compared with the last one only when its claimed_on is more than revision_gap_days after the
// first claim of that last value (unknown dates: never): a deadline later by more than 31 days
// (or in a later year when either is a year horizon) = rescheduled; a target lower by more than
// 1% = downsized, higher by more than 1% = upsized.
Revisions revisions_from_claims(std::vector<ClaimRow> claims);

struct CommitmentRow {
  std::int64_t id = 0;
  std::int64_t agreement_id = 0;
  std::optional<std::int64_t> party_id;
  std::string party;  // name, "" when none
  Metric metric = Metric::other;
  CommitmentValues values;
};

std::int64_t insert_commitment(Database& db, std::int64_t agreement_id, std::optional<std::int64_t> party_id, Metric metric);
std::int64_t insert_claim(Database& db, const ClaimRow& claim);
// Recomputes the value columns from the claims.
void compile_commitment(Database& db, std::int64_t commitment_id);
std::vector<ClaimRow> commitment_claims(Database& db, std::int64_t commitment_id);  // by id
Revisions commitment_revisions(Database& db, std::int64_t commitment_id);
CommitmentRow get_commitment(Database& db, std::int64_t id);  // NotFoundError "no commitment with id N"
std::vector<CommitmentRow> agreement_commitments(Database& db, std::int64_t agreement_id);  // by id
// A commitment with the columns of its agreement that tell when and where it was made.
struct PlacedCommitment {
  CommitmentRow commitment;
  std::optional<Date> signed_on;                    // the agreement's
  std::string region_code, region, city, place;     // the agreement's; region = the region's name
};
// The commitments of one metric that `party_id` pledged, or that have no pledging party and
// belong to an agreement it is party to (what a progress statement about the party can report on),
// by id, each with its agreement's date and place read in the same statement.
std::vector<PlacedCommitment> party_commitments(Database& db, std::int64_t party_id, Metric metric);

// What an evidence row supports: exactly one of these.
enum class EvidenceFor { agreement, claim, progress, milestone };
std::int64_t insert_evidence(Database& db, std::int64_t source_id, const Evidence& e, EvidenceFor what, std::int64_t id);
struct EvidenceRow {
  std::int64_t source_id = 0;
  std::string url;
  std::string text;
  std::int64_t start = -1, end = -1;
};
std::vector<EvidenceRow> evidence_for(Database& db, EvidenceFor what, std::int64_t id);

std::int64_t insert_milestone(Database& db, std::int64_t commitment_id, const Milestone& m, std::optional<std::int64_t> source_id);
// True when the commitment already has a milestone with this due date (or none) and target.
bool milestone_exists(Database& db, std::int64_t commitment_id, const Milestone& m);

struct ProgressRow {
  std::int64_t id = 0;
  std::int64_t commitment_id = 0;
  Date as_of;
  double value = 0;
  std::string unit;
  std::optional<std::int64_t> source_id;
  std::string origin = "extracted";
  std::string note;
  std::string source_url;  // manual citation, or the source's url when listed
  double confidence = 1.0;
};
std::int64_t insert_progress(Database& db, const ProgressRow& p);
// Ordered by commitment, as_of, id; all commitments when none given.
std::vector<ProgressRow> list_progress(Database& db, std::optional<std::int64_t> commitment_id = std::nullopt);

// A progress statement read before any pledge it could report on was stored (table
// pending_progress). It waits until a commitment of its party and metric is stored, then moves to
// `progress` with its evidence, so the database ends the same whatever the input order.
struct PendingProgressRow {
  std::int64_t id = 0;
  std::int64_t source_id = 0;
  std::optional<std::int64_t> party_id;  // when the name resolved to a party
  std::string party;                     // the name as written (matched later by alias key)
  std::string region_code;               // the one region its source writes about, "" unknown or several
  Metric metric = Metric::jobs;
  Date as_of;
  double value = 0;
  std::string unit;
  std::string origin = "extracted";  // extracted, imported
  double confidence = 1.0;
  std::vector<Evidence> evidence;  // with byte offsets into the source text when known
};
std::int64_t insert_pending_progress(Database& db, const PendingProgressRow& p);
// Waiting statements with this metric whose party is `party_id`, or whose written name is one of
// that party's alias keys; by id. Two index look-ups, whatever the size of the table.
std::vector<PendingProgressRow> pending_progress_for(Database& db, std::int64_t party_id, Metric metric);
// Every waiting statement, by id.
std::vector<PendingProgressRow> list_pending_progress(Database& db);
// Moves a waiting statement to `progress` on `commitment_id` (evidence included) and deletes it
// from the waiting table; returns the progress id.
std::int64_t link_pending_progress(Database& db, const PendingProgressRow& p, std::int64_t commitment_id);
// What a source itself states: the agreements it supports and the commitments it claims, by id.
std::vector<std::int64_t> source_agreement_ids(Database& db, std::int64_t source_id);
std::vector<std::int64_t> source_claimed_commitment_ids(Database& db, std::int64_t source_id);
// The stored body of a source ("" when there is no such source).
std::string source_text(Database& db, std::int64_t source_id);
// Keeps the earliest signing date stated for an agreement (a signing precedes the reports of it),
// so that its date does not depend on which report was ingested first.
void keep_earliest_signing(Database& db, std::int64_t agreement_id, const Date& signed_on);

// Manual entries, each in its own transaction. Throw NotFoundError for an unknown commitment,
// InputError for an unusable value.
std::int64_t add_manual_progress(Database& db, std::int64_t commitment_id, double value, Date as_of,
                                 const std::string& source_url, const std::string& note);
struct ManualChange {
  std::optional<double> target;
  std::optional<Date> deadline;
  std::optional<ManualStatus> status;
  std::string note;
};
// Records the change as a manual claim dated `on` (an audit trail, never an overwrite) and
// recompiles. Returns the claim id.
std::int64_t set_commitment(Database& db, std::int64_t commitment_id, const ManualChange& change, Date on);

}  // namespace pledgedb::store

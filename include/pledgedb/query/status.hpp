#pragma once
// The status of a commitment as of a date (DESIGN §7). A pure function of the facts: no
// database, no clock. The store query gathers the facts (already filtered by the as-of date
// where it can be), this decides.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pledgedb/date.hpp"
#include "pledgedb/model.hpp"

namespace pledgedb::query {

enum class Status { met, overdue, overdue_no_data, on_track, behind, no_data, open, cancelled, withdrawn, suspended };

std::string_view to_string(Status);
// Exact names ("on_track"); std::nullopt otherwise.
std::optional<Status> parse_status(std::string_view);

// A dated observation of the achieved value (cumulative: the latest counts, never the sum).
struct Observation {
  Date as_of;
  double value = 0;
  std::string source;  // URL (or label) of what reported it; may be empty
};

// What one source (or a manual correction) said about the commitment, for the as-of
// recompilation and the revision flags. claimed_on empty = date unknown (always visible).
struct Claim {
  std::optional<Date> claimed_on;
  std::optional<double> target;
  std::optional<Date> deadline;
  std::optional<ManualStatus> manual_status;
  bool manual = false;  // origin = manual: wins over sources
  double confidence = 1.0;
  std::optional<DeadlineKind> deadline_kind;  // a year horizon revises only by a later year
};

struct PaceMilestone {
  Date due;
  double target = 0;
};

struct CommitmentFacts {
  // Compiled values (from every claim); used as they are unless some claim is dated after T.
  std::optional<double> target;
  Comparator comparator = Comparator::exactly;
  // When the clock starts: the commitment's start, else the agreement's signing date, else the
  // earliest source date (the store provides the fallback).
  std::optional<Date> start;
  std::optional<Date> deadline;
  std::optional<ManualStatus> manual_status;
  std::vector<PaceMilestone> milestones;
  std::vector<Observation> observations;  // any order; those after T are ignored
  std::vector<Claim> claims;              // any order; those dated after T are ignored
};

struct StatusOptions {
  std::int64_t due_soon_days = 180;  // window for the due_soon flag
  double behind_ratio = 0.9;          // behind when latest < ratio × expected
};

struct StatusResult {
  Status status = Status::no_data;
  // The values in force at T (equal to the compiled ones unless a later claim revised them).
  std::optional<double> target;
  std::optional<Date> deadline;
  std::optional<Date> start;
  std::optional<Date> met_on;  // first observation with value >= target
  bool met_late = false;       // first met after the deadline
  // Revisions among the claims visible at T, in date order (as store::revisions_from_claims):
  bool rescheduled = false;    // a later claim moved the deadline later by more than 31 days
  bool downsized = false;      // a later claim lowered the target by more than 1%
  bool upsized = false;        // a later claim raised the target by more than 1%
  bool due_soon = false;       // deadline in [T, T + window], not met, not manually closed
  std::optional<double> latest_value;
  std::optional<Date> latest_as_of;
  std::string latest_source;
  std::optional<double> percent;           // latest / target × 100
  std::optional<double> expected;          // value the pace asks for at T
  std::optional<double> shortfall;         // target − latest (0 when met); target when nothing observed
  std::optional<std::int64_t> days_to_deadline;  // deadline − T; negative = days overdue
  std::optional<Date> projected;           // when the pace so far reaches the target
};

// Whether the commitment was known at T: it has no claims (entered by hand) or at least one
// claim dated on or before T (or undated).
bool known_at(const CommitmentFacts& facts, Date as_of);

StatusResult compute_status(const CommitmentFacts& facts, Date as_of, const StatusOptions& options = {});

// The value the pace asks for at `at`: linear from (start, 0) to (deadline, target), or
// piecewise linear through the milestones; a step function through the milestones when the
// start is unknown. std::nullopt when it cannot be judged (no target, no start and no milestone).
std::optional<double> expected_at(std::optional<double> target, std::optional<Date> start,
                                  std::optional<Date> deadline, const std::vector<PaceMilestone>& milestones,
                                  Date at);

// "180d", "26w", "6m", "1y" (or a bare number of days) -> days counted from `from`
// (months and years by the calendar). Throws InputError naming the text otherwise.
std::int64_t parse_window_days(std::string_view text, Date from);

}  // namespace pledgedb::query

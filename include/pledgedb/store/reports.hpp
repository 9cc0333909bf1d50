#pragma once
// The reads behind `pledges` and `report`: commitments with everything their status needs
// (observations up to T, claims, milestones), regions and agreements. Status itself is computed
// in pledgedb::query from these facts, never in SQL.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pledgedb/date.hpp"
#include "pledgedb/model.hpp"
#include "pledgedb/store/database.hpp"

namespace pledgedb::store {

// Which commitments to read. Empty/unset fields do not filter.
struct CommitmentFilter {
  std::optional<std::vector<std::string>> region_codes;  // agreement.region_code IN (...); empty list matches nothing
  // ...or located in one of these (coarser) regions with agreement.city IN cities: an agreement
  // filed under its region with the city named still counts for the city's province.
  std::vector<std::string> city_region_codes;
  std::vector<std::string> cities;
  std::string country;              // ISO 3166-1 alpha-2 of the agreement (or of its region)
  std::vector<std::int64_t> party_ids;  // pledged by, or party to the agreement; used when has_party
  bool has_party = false;
  std::optional<Metric> metric;
  std::string program;              // case-insensitive equality
  std::string sector;               // case-insensitive equality
  std::optional<Date> deadline_below;   // deadline < D
  std::optional<Date> deadline_above;   // deadline > D
  std::optional<Date> deadline_from;    // deadline >= D
  std::optional<Date> deadline_to;      // deadline <= D
  // Also read commitments that have a claim dated after this date, whatever their compiled
  // deadline: their deadline as of that date may differ (the caller recomputes it).
  std::optional<Date> revised_after;
  // Only commitments with a claim dated after this date (claimed_on > D) / none of those.
  std::optional<Date> only_revised_after;
  std::optional<Date> skip_revised_after;
  std::optional<std::int64_t> id;
};

// Row order of scan_commitments: by id, or by compiled deadline then id with undated ones last
// (walks the commitment_deadline index, so a caller that stops early reads only what it keeps).
enum class CommitmentOrder { id, deadline };

struct ObservationRecord {
  std::int64_t progress_id = 0;
  Date as_of;
  double value = 0;
  std::string source_url;  // of the source, or the manual citation
};

struct ClaimRecord {
  std::int64_t id = 0;
  std::optional<Date> claimed_on;  // claimed_on, else the source's publication date
  std::optional<double> target;
  std::optional<Date> deadline;
  std::optional<ManualStatus> manual_status;
  bool manual = false;
  double confidence = 1.0;
  std::optional<DeadlineKind> deadline_kind;
};

struct MilestoneRecord {
  std::optional<Date> due;
  double target = 0;
  std::string text;
};

struct CommitmentRecord {
  std::int64_t id = 0;
  std::int64_t agreement_id = 0;
  std::optional<std::int64_t> party_id;
  std::string party;  // pledging party's name
  Metric metric = Metric::other;
  std::optional<double> target;
  Comparator comparator = Comparator::exactly;
  std::string unit, qualifier, deadline_text;
  std::optional<Date> start;     // commitment.start
  std::optional<Date> deadline;  // compiled
  std::optional<ManualStatus> manual_status;
  std::string title, program, sector, country, region_code, region;
  std::optional<Date> signed_on;
  // Earliest publication date among the agreement's sources; only read when neither start nor
  // signed_on is known (it is the fallback start).
  std::optional<Date> first_source;
  std::vector<ObservationRecord> observations;  // as_of <= the as-of date, oldest first
  std::vector<ClaimRecord> claims;              // every claim (the caller filters by date)
  std::vector<MilestoneRecord> milestones;
};

// For a connection that reads many rows (reports): a 64 MiB page cache and memory-mapped reads,
// so rows come from the mapping instead of one read() system call per page.
void tune_for_reading(Database& db);
// For a connection that reads one page of rows (the first 100 by deadline): plain reads, no
// mapping. Its few thousand scattered pages cost less through read() than through page faults on
// a 2 GB mapping and its teardown at exit (pledges --region at 1M commitments: 18-30 ms of CPU
// with the mapping, 17-19 without). Call before the first read of the query.
void tune_for_page(Database& db);

// Commitments matching the filter, by id. Observations are limited to as_of <= `as_of`.
std::vector<CommitmentRecord> fetch_commitments(Database& db, const CommitmentFilter& filter, Date as_of);
// The same rows one at a time in `order`; `visit` returns false to stop reading.
void scan_commitments(Database& db, const CommitmentFilter& filter, Date as_of, CommitmentOrder order,
                      const std::function<bool(CommitmentRecord&)>& visit);

struct RegionRecord {
  std::string code, name, type, parent, country;
};
// Every region (countries and subdivisions).
std::vector<RegionRecord> all_regions(Database& db);

// Region codes named by `text`: a code (case-insensitive), a region_alias (any script; matched
// on text::fold) or a region's official name. Empty when nothing matches.
std::vector<std::string> find_region_codes(Database& db, std::string_view text);
// The regions and every region below them (provinces, prefectures...).
std::vector<std::string> region_subtree(Database& db, const std::vector<std::string>& codes);

// Folded spellings of a region: its name and every alias.
std::vector<std::string> region_keys(Database& db, const std::string& code);
// Distinct agreement.city spellings among agreements located in these regions.
std::vector<std::string> agreement_cities(Database& db, const std::vector<std::string>& region_codes);

// Parties whose name or alias folds to the same key as `text`.
std::vector<std::int64_t> find_party_ids(Database& db, std::string_view text);

struct AgreementRecord {
  std::int64_t id = 0;
  std::string country, region_code;
};
// Agreements known at `as_of`: one of their sources is published on or before it (or undated),
// or they have no source at all.
std::vector<AgreementRecord> agreements_known_at(Database& db, Date as_of);

struct EvidenceQuote {
  std::string text;
  std::string url;
  std::optional<Date> published;
};
// Quoted evidence for a commitment's claims (sources published on or before `as_of`) and for
// one progress observation; each list in source order.
std::vector<EvidenceQuote> claim_evidence(Database& db, std::int64_t commitment_id, Date as_of);
std::vector<EvidenceQuote> progress_evidence(Database& db, std::int64_t progress_id);

}  // namespace pledgedb::store

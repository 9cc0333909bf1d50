#pragma once
// Agreements: their parties, sources and the views the CLI lists (agreements, show).
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "pledgedb/date.hpp"
#include "pledgedb/model.hpp"
#include "pledgedb/store/commitments.hpp"
#include "pledgedb/store/database.hpp"

namespace pledgedb::store {

// An agreement's own columns; region_code must exist in `region` (or be empty).
std::int64_t insert_agreement(Database& db, const Agreement& a, const std::string& region_code);
// Fills the columns still unknown (signed_on, place, region, city, sector, program, title) from a
// later source; never overwrites a known value.
void complete_agreement(Database& db, std::int64_t agreement_id, const Agreement& a, const std::string& region_code);
// INSERT OR IGNORE: the same party in the same role is one row.
void add_agreement_party(Database& db, std::int64_t agreement_id, std::int64_t party_id, Role role,
                         const std::string& representative, const std::string& title);
void link_agreement_source(Database& db, std::int64_t agreement_id, std::int64_t source_id);
bool region_exists(Database& db, const std::string& code);
// A region code by a folded alias key from region_alias (user and curated spellings), or "".
std::string region_by_alias_key(Database& db, const std::string& key);

// What the merger compares. agreements_of_party fills the agreement's own columns (id,
// signed_on, region_code, program); the rest is read on demand (read_agreement_parties,
// read_published_span, agreement_commitments), so that a candidate the merger can rule out from
// its own columns costs one index step and one row.
struct AgreementSummary {
  std::int64_t id = 0;
  std::optional<Date> signed_on;
  std::string region_code;
  std::string program;
  std::optional<Date> first_published, last_published;  // of its sources (read_published_span)
  std::vector<std::int64_t> investors;                  // party ids with role investor (read_agreement_parties)
  std::vector<std::int64_t> parties;                    // every party id (read_agreement_parties)
  std::vector<CommitmentRow> commitments;               // agreement_commitments, when the caller reads them
};
// Agreements where the party plays any role, by id; only those where it is an investor, or only
// those that have no investor at all (what the merger compares an investor-less agreement with).
enum class AgreementsOf { any_role, as_investor, without_investors };
// `keep` (optional) is asked with the agreement's id, signed_on, region_code and program; at most
// `limit` agreements are returned (0 = all), the newest first when limited, so that the cost per
// call stays bounded however many agreements the party has. Only the agreement's own columns are
// filled.
std::vector<AgreementSummary> agreements_of_party(Database& db, std::int64_t party_id,
                                                  AgreementsOf which = AgreementsOf::any_role,
                                                  const std::function<bool(const AgreementSummary&)>& keep = {},
                                                  std::size_t limit = 0);
// The agreement's parties (by id) and its investors.
void read_agreement_parties(Database& db, AgreementSummary& s);
// The earliest and latest publication date of the agreement's sources (none when no source is dated).
void read_published_span(Database& db, AgreementSummary& s);

struct PartyRole {
  std::int64_t id = 0;
  std::string name;
  std::string role;
};
struct SourceRef {
  std::int64_t id = 0;
  std::string url, outlet, language;
  std::optional<Date> published;
};
struct AgreementView {
  std::int64_t id = 0;
  std::string kind, title;
  std::optional<Date> signed_on;
  std::string place, country, region_code, region, city, sector, program;
  double confidence = 1;
  std::vector<PartyRole> parties;           // by party id, then role
  std::vector<CommitmentRow> commitments;   // by id
  std::vector<SourceRef> sources;           // by source id
};
std::vector<AgreementView> list_agreements(Database& db);
// Throws NotFoundError "no agreement with id N".
AgreementView get_agreement(Database& db, std::int64_t id);
// Only the agreement's own columns (parties, commitments and sources left empty): for look-ups
// made once per candidate, which must not cost in proportion to the agreement's sources.
AgreementView get_agreement_header(Database& db, std::int64_t id);

}  // namespace pledgedb::store

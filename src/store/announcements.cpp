#include "pledgedb/store/announcements.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "pledgedb/error.hpp"
#include "store/columns.hpp"

namespace pledgedb::store {

using namespace columns;

namespace {
}  // namespace

std::int64_t insert_agreement(Database& db, const Agreement& a, const std::string& region_code) {
  auto& st = db.statement(
      "INSERT INTO agreement (kind, title, signed_on, place, country, region_code, city, sector, program, confidence, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))");
  st.bind(1, std::string(to_string(a.kind)));
  bind_text(st, 2, a.title);
  bind_date(st, 3, a.signed_on);
  bind_text(st, 4, a.place);
  bind_text(st, 5, a.country);
  bind_text(st, 6, region_code);
  bind_text(st, 7, a.city);
  bind_text(st, 8, a.sector);
  bind_text(st, 9, a.program);
  st.bind(10, a.confidence);
  st.exec();
  return db.sql().getLastInsertRowid();
}

void complete_agreement(Database& db, std::int64_t id, const Agreement& a, const std::string& region_code) {
  auto& st = db.statement(
      "UPDATE agreement SET title = coalesce(title, ?), signed_on = coalesce(signed_on, ?), place = coalesce(place, ?), "
      "country = coalesce(country, ?), region_code = coalesce(region_code, ?), city = coalesce(city, ?), "
      "sector = coalesce(sector, ?), program = coalesce(program, ?) WHERE id = ?");
  bind_text(st, 1, a.title);
  bind_date(st, 2, a.signed_on);
  bind_text(st, 3, a.place);
  bind_text(st, 4, a.country);
  bind_text(st, 5, region_code);
  bind_text(st, 6, a.city);
  bind_text(st, 7, a.sector);
  bind_text(st, 8, a.program);
  st.bind(9, id);
  st.exec();
}

void add_agreement_party(Database& db, std::int64_t agreement_id, std::int64_t party_id, Role role,
                         const std::string& representative, const std::string& title) {
  auto& st = db.statement(
      "INSERT OR IGNORE INTO agreement_party (agreement_id, party_id, role, representative, title) VALUES (?, ?, ?, ?, ?)");
  st.bind(1, agreement_id);
  st.bind(2, party_id);
  st.bind(3, std::string(to_string(role)));
  bind_text(st, 4, representative);
  bind_text(st, 5, title);
  st.exec();
}

void link_agreement_source(Database& db, std::int64_t agreement_id, std::int64_t source_id) {
  auto& st = db.statement("INSERT OR IGNORE INTO agreement_source (agreement_id, source_id) VALUES (?, ?)");
  st.bind(1, agreement_id);
  st.bind(2, source_id);
  st.exec();
}

bool region_exists(Database& db, const std::string& code) {
  auto& st = db.statement("SELECT 1 FROM region WHERE code = ?");
  st.bind(1, code);
  return st.executeStep();
}

std::string region_by_alias_key(Database& db, const std::string& key) {
  // The least specific match wins for agreements (first-level regions hold the projects).
  auto& st = db.statement(
      "SELECT a.region_code FROM region_alias a JOIN region r ON r.code = a.region_code WHERE a.key = ? "
      "ORDER BY (r.parent IS NULL), length(a.region_code), a.region_code LIMIT 1");
  st.bind(1, key);
  if (st.executeStep()) return st.getColumn(0).getString();
  return {};
}

std::vector<AgreementSummary> agreements_of_party(Database& db, std::int64_t party_id, AgreementsOf which,
                                                  const std::function<bool(const AgreementSummary&)>& keep,
                                                  std::size_t limit) {
  std::vector<AgreementSummary> out;
  // Walked newest first straight from the agreement_party_party index (party_id, then the key's
  // agreement_id): with an early stop at `limit`, a party with 100,000 agreements (an agency
  // that signs everything) costs no more than one with 100. An `a.id IN (SELECT ...)` form
  // built the party's whole list on every call. A party in two roles gives adjacent duplicates.
  const char* sql =
      which == AgreementsOf::as_investor
          ? "SELECT a.id, a.signed_on, a.region_code, a.program FROM agreement_party x JOIN agreement a ON a.id = x.agreement_id "
            "WHERE x.party_id = ? AND x.role = 'investor' ORDER BY x.agreement_id DESC"
      // The party's agreements without an investor, from the table the triggers of migration 0005
      // keep: testing each of a ministry's agreements for an investor walked most of the database.
      : which == AgreementsOf::without_investors
          ? "SELECT a.id, a.signed_on, a.region_code, a.program FROM agreement_without_investor w JOIN agreement a "
            "ON a.id = w.agreement_id WHERE w.party_id = ? ORDER BY w.agreement_id DESC"
          : "SELECT a.id, a.signed_on, a.region_code, a.program FROM agreement_party x JOIN agreement a ON a.id = x.agreement_id "
            "WHERE x.party_id = ? ORDER BY x.agreement_id DESC";
  auto& st = db.statement(sql);
  st.bind(1, party_id);
  std::int64_t previous = 0;
  while (st.executeStep()) {
    AgreementSummary s;
    s.id = st.getColumn(0).getInt64();
    if (s.id == previous) continue;
    previous = s.id;
    s.signed_on = date_of(st.getColumn(1));
    s.region_code = st.getColumn(2).getString();
    s.program = st.getColumn(3).getString();
    if (keep && !keep(s)) continue;
    out.push_back(std::move(s));
    if (limit && out.size() >= limit) break;
  }
  st.tryReset();  // an early break leaves it on a row
  std::reverse(out.begin(), out.end());  // by id
  return out;
}

void read_agreement_parties(Database& db, AgreementSummary& s) {
  s.investors.clear();
  s.parties.clear();
  auto& p = db.statement("SELECT party_id, role FROM agreement_party WHERE agreement_id = ? ORDER BY party_id, role");
  p.bind(1, s.id);
  while (p.executeStep()) {
    const auto pid = p.getColumn(0).getInt64();
    if (p.getColumn(1).getString() == "investor") s.investors.push_back(pid);
    if (s.parties.empty() || s.parties.back() != pid) s.parties.push_back(pid);
  }
}

void read_published_span(Database& db, AgreementSummary& s) {
  // Dates are ISO text: min and max compare them as dates; sources without a date are skipped.
  auto& st = db.statement(
      "SELECT min(s.published), max(s.published) FROM agreement_source x JOIN source s ON s.id = x.source_id "
      "WHERE x.agreement_id = ?");
  st.bind(1, s.id);
  if (st.executeStep()) {
    s.first_published = date_of(st.getColumn(0));
    s.last_published = date_of(st.getColumn(1));
  }
  st.tryReset();
}

namespace {
constexpr const char* view_select =
    "SELECT a.id, a.kind, a.title, a.signed_on, a.place, a.country, a.region_code, r.name, a.city, a.sector, "
    "a.program, a.confidence FROM agreement a LEFT JOIN region r ON r.code = a.region_code ";

AgreementView read_view(SQLite::Statement& st) {
  AgreementView v;
  v.id = st.getColumn(0).getInt64();
  v.kind = st.getColumn(1).getString();
  v.title = st.getColumn(2).getString();
  v.signed_on = date_of(st.getColumn(3));
  v.place = st.getColumn(4).getString();
  v.country = st.getColumn(5).getString();
  v.region_code = st.getColumn(6).getString();
  v.region = st.getColumn(7).getString();
  v.city = st.getColumn(8).getString();
  v.sector = st.getColumn(9).getString();
  v.program = st.getColumn(10).getString();
  v.confidence = st.getColumn(11).getDouble();
  return v;
}

void fill_view(Database& db, AgreementView& v) {
  auto& p = db.statement(
      "SELECT p.id, p.name, x.role FROM agreement_party x JOIN party p ON p.id = x.party_id WHERE x.agreement_id = ? "
      "ORDER BY p.id, x.role");
  p.bind(1, v.id);
  while (p.executeStep()) v.parties.push_back({p.getColumn(0).getInt64(), p.getColumn(1).getString(), p.getColumn(2).getString()});
  v.commitments = agreement_commitments(db, v.id);
  auto& s = db.statement(
      "SELECT s.id, s.url, s.outlet, s.language, s.published FROM agreement_source x JOIN source s ON s.id = x.source_id "
      "WHERE x.agreement_id = ? ORDER BY s.id");
  s.bind(1, v.id);
  while (s.executeStep())
    v.sources.push_back({s.getColumn(0).getInt64(), s.getColumn(1).getString(), s.getColumn(2).getString(),
                         s.getColumn(3).getString(), date_of(s.getColumn(4))});
}
}  // namespace

std::vector<AgreementView> list_agreements(Database& db) {
  std::vector<AgreementView> out;
  auto& st = db.statement(std::string(view_select) + "ORDER BY a.id");
  while (st.executeStep()) out.push_back(read_view(st));
  for (auto& v : out) fill_view(db, v);
  return out;
}

AgreementView get_agreement(Database& db, std::int64_t id) {
  auto& st = db.statement(std::string(view_select) + "WHERE a.id = ?");
  st.bind(1, id);
  if (!st.executeStep()) throw NotFoundError(fmt::format("no agreement with id {}", id));
  AgreementView v = read_view(st);
  fill_view(db, v);
  return v;
}

AgreementView get_agreement_header(Database& db, std::int64_t id) {
  auto& st = db.statement(std::string(view_select) + "WHERE a.id = ?");
  st.bind(1, id);
  if (!st.executeStep()) throw NotFoundError(fmt::format("no agreement with id {}", id));
  return read_view(st);
}

}  // namespace pledgedb::store

// Reads for pledges and reports. Every value is a bound parameter; the SQL text only varies by
// which filters are present, so each variant is prepared once and cached.
#include "pledgedb/store/reports.hpp"

#include "store/columns.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>

#include "pledgedb/text/normalize.hpp"

namespace pledgedb::store {

using namespace columns;

namespace {


std::string json_list(const std::vector<std::string>& v) { return nlohmann::json(v).dump(); }

std::string upper(std::string_view s) {
  std::string o(s);
  for (auto& c : o) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return o;
}

}  // namespace

namespace {

// One statement per pass; `tail` is the extra condition and ORDER BY of the pass.
std::string commitment_sql(const CommitmentFilter& f, CommitmentOrder order, std::string_view tail) {
  // The child rows (observations, claims, milestones) are read per commitment by index
  // look-ups from C++ (see read_children): cheaper than building and parsing JSON per row.
  std::string sql =
      "SELECT c.id, c.agreement_id, c.party_id, p.name, c.metric, c.target, c.comparator, c.unit, c.qualifier,"
      " c.start, c.deadline, c.deadline_text, c.manual_status, a.title, a.program, a.sector,"
      " coalesce(a.country, r.country), a.region_code, r.name, a.signed_on,"
      // The earliest source date is only a fallback start: read it only when needed.
      " CASE WHEN c.start IS NULL AND a.signed_on IS NULL THEN (SELECT min(s.published) FROM agreement_source x"
      "   JOIN source s ON s.id = x.source_id WHERE x.agreement_id = a.id) END"
      " FROM commitment c";
  // In deadline order CROSS JOIN keeps commitment as the outer loop, so the order comes from the
  // commitment_deadline_walk index (and reading can stop early) instead of a sort of every matching
  // row. In id order the planner may start from agreement_region for a selective region.
  sql += order == CommitmentOrder::deadline ? " CROSS JOIN" : " JOIN";
  sql += " agreement a ON a.id = c.agreement_id"
         " LEFT JOIN party p ON p.id = c.party_id LEFT JOIN region r ON r.code = a.region_code WHERE 1";
  std::string deadline_sql;
  auto add_deadline = [&](const char* cond) { deadline_sql += deadline_sql.empty() ? cond : std::string(" AND ") + cond; };
  if (f.deadline_below) add_deadline("c.deadline < :dbelow");
  if (f.deadline_above) add_deadline("c.deadline > :dabove");
  if (f.deadline_from) add_deadline("c.deadline >= :dfrom");
  if (f.deadline_to) add_deadline("c.deadline <= :dto");
  if (!deadline_sql.empty()) {
    if (f.revised_after)
      sql += " AND ((" + deadline_sql +
             ") OR c.id IN (SELECT commitment_id FROM commitment_claim WHERE claimed_on > :revised))";
    else
      sql += " AND " + deadline_sql;
  }
  if (f.only_revised_after) sql += " AND c.id IN (SELECT commitment_id FROM commitment_claim WHERE claimed_on > :onlyrev)";
  if (f.skip_revised_after)
    sql += " AND c.id NOT IN (SELECT commitment_id FROM commitment_claim WHERE claimed_on > :skiprev)";
  const bool by_city = f.region_codes && !f.cities.empty() && !f.city_region_codes.empty();
  if (by_city)
    sql += " AND (a.region_code IN (SELECT value FROM json_each(:regions)) OR (a.region_code IN (SELECT value FROM"
           " json_each(:cregions)) AND a.city IN (SELECT value FROM json_each(:cities))))";
  else if (f.region_codes)
    sql += " AND a.region_code IN (SELECT value FROM json_each(:regions))";
  if (!f.country.empty()) sql += " AND coalesce(a.country, r.country) = :country";
  if (f.has_party)
    sql += " AND (c.party_id IN (SELECT value FROM json_each(:parties)) OR a.id IN (SELECT agreement_id FROM"
           " agreement_party WHERE party_id IN (SELECT value FROM json_each(:parties))))";
  if (f.metric) sql += " AND c.metric = :metric";
  if (!f.program.empty()) sql += " AND a.program = :program COLLATE NOCASE";
  if (!f.sector.empty()) sql += " AND a.sector = :sector COLLATE NOCASE";
  if (f.id) sql += " AND c.id = :id";
  sql += tail;
  return sql;
}

void bind_filter(SQLite::Statement& st, const CommitmentFilter& f) {
  const bool has_deadline = f.deadline_below || f.deadline_above || f.deadline_from || f.deadline_to;
  if (f.deadline_below) st.bind(":dbelow", f.deadline_below->to_string());
  if (f.deadline_above) st.bind(":dabove", f.deadline_above->to_string());
  if (f.deadline_from) st.bind(":dfrom", f.deadline_from->to_string());
  if (f.deadline_to) st.bind(":dto", f.deadline_to->to_string());
  if (has_deadline && f.revised_after) st.bind(":revised", f.revised_after->to_string());
  if (f.only_revised_after) st.bind(":onlyrev", f.only_revised_after->to_string());
  if (f.skip_revised_after) st.bind(":skiprev", f.skip_revised_after->to_string());
  const bool by_city = f.region_codes && !f.cities.empty() && !f.city_region_codes.empty();
  if (f.region_codes) st.bind(":regions", json_list(*f.region_codes));
  if (by_city) {
    st.bind(":cregions", json_list(f.city_region_codes));
    st.bind(":cities", json_list(f.cities));
  }
  if (!f.country.empty()) st.bind(":country", upper(f.country));
  if (f.has_party) st.bind(":parties", nlohmann::json(f.party_ids).dump());
  if (f.metric) st.bind(":metric", std::string(to_string(*f.metric)));
  if (!f.program.empty()) st.bind(":program", f.program);
  if (!f.sector.empty()) st.bind(":sector", f.sector);
  if (f.id) st.bind(":id", *f.id);
}

void read_row(SQLite::Statement& st, CommitmentRecord& c) {
  c.id = st.getColumn(0).getInt64();
  c.agreement_id = st.getColumn(1).getInt64();
  if (!st.getColumn(2).isNull()) c.party_id = st.getColumn(2).getInt64();
  c.party = text_of(st.getColumn(3));
  c.metric = parse_metric(text_of(st.getColumn(4))).value_or(Metric::other);
  if (!st.getColumn(5).isNull()) c.target = st.getColumn(5).getDouble();
  c.comparator = parse_comparator(text_of(st.getColumn(6))).value_or(Comparator::exactly);
  c.unit = text_of(st.getColumn(7));
  c.qualifier = text_of(st.getColumn(8));
  c.start = date_of(st.getColumn(9));
  c.deadline = date_of(st.getColumn(10));
  c.deadline_text = text_of(st.getColumn(11));
  if (!st.getColumn(12).isNull()) c.manual_status = parse_manual_status(st.getColumn(12).getString());
  c.title = text_of(st.getColumn(13));
  c.program = text_of(st.getColumn(14));
  c.sector = text_of(st.getColumn(15));
  c.country = text_of(st.getColumn(16));
  c.region_code = text_of(st.getColumn(17));
  c.region = text_of(st.getColumn(18));
  c.signed_on = date_of(st.getColumn(19));
  c.first_source = date_of(st.getColumn(20));
}

// Index look-ups of one commitment's observations up to T (progress(commitment_id, as_of)),
// claims (commitment_claim(commitment_id)) and milestones (milestone(commitment_id, due)).
struct ChildReader {
  SQLite::Statement& obs;
  SQLite::Statement& claims;
  SQLite::Statement* milestones;  // null when the database has none at all
  std::string as_of;

  void read(CommitmentRecord& c) {
    obs.reset();
    obs.bind(1, c.id);
    obs.bind(2, as_of);
    while (obs.executeStep()) {
      auto d = date_of(obs.getColumn(1));
      if (!d) continue;
      c.observations.push_back(
          {obs.getColumn(0).getInt64(), *d, obs.getColumn(2).getDouble(), text_of(obs.getColumn(3))});
    }
    claims.reset();
    claims.bind(1, c.id);
    while (claims.executeStep()) {
      ClaimRecord k;
      k.id = claims.getColumn(0).getInt64();
      k.claimed_on = date_of(claims.getColumn(1));
      if (!claims.getColumn(2).isNull()) k.target = claims.getColumn(2).getDouble();
      k.deadline = date_of(claims.getColumn(3));
      if (!claims.getColumn(4).isNull()) k.manual_status = parse_manual_status(claims.getColumn(4).getString());
      const char* origin = claims.getColumn(5).getText();
      k.manual = std::string_view(origin) == "manual";
      k.confidence = claims.getColumn(6).isNull() ? 1.0 : claims.getColumn(6).getDouble();
      if (!claims.getColumn(7).isNull()) k.deadline_kind = parse_deadline_kind(claims.getColumn(7).getString());
      c.claims.push_back(k);
    }
    if (!milestones) return;
    milestones->reset();
    milestones->bind(1, c.id);
    while (milestones->executeStep())
      c.milestones.push_back({date_of(milestones->getColumn(0)), milestones->getColumn(1).getDouble(),
                              text_of(milestones->getColumn(2))});
  }
};

}  // namespace

void tune_for_reading(Database& db) {
  for (const char* pragma : {"PRAGMA cache_size = -65536", "PRAGMA mmap_size = 2147418112"}) {
    auto& st = db.statement(pragma);
    while (st.executeStep()) {
    }
    st.reset();
  }
}

void tune_for_page(Database& db) {
  auto& st = db.statement("PRAGMA mmap_size = 0");
  while (st.executeStep()) {
  }
  st.reset();
}

void scan_commitments(Database& db, const CommitmentFilter& f, Date as_of, CommitmentOrder order,
                      const std::function<bool(CommitmentRecord&)>& visit) {
  // Statements are prepared once per process (the cache) and reset per row.
  auto& has_milestones = db.statement("SELECT EXISTS (SELECT 1 FROM milestone)");
  const bool any_milestone = has_milestones.executeStep() && has_milestones.getColumn(0).getInt() != 0;
  has_milestones.reset();
  ChildReader children{
      db.statement("SELECT pr.id, pr.as_of, pr.value, coalesce(ps.url, pr.source_url) FROM progress pr"
                   " LEFT JOIN source ps ON ps.id = pr.source_id WHERE pr.commitment_id = ?1 AND pr.as_of <= ?2"
                   " ORDER BY pr.as_of, pr.id"),
      // The source row (large: it holds the text) is only visited for a claim without a date.
      db.statement("SELECT cc.id, coalesce(cc.claimed_on, (SELECT cs.published FROM source cs WHERE cs.id = cc.source_id)),"
                   " cc.target, cc.deadline, cc.manual_status, cc.origin, cc.confidence, cc.deadline_kind FROM commitment_claim cc"
                   " WHERE cc.commitment_id = ?1 ORDER BY cc.id"),
      any_milestone ? &db.statement("SELECT due, target, text FROM milestone WHERE commitment_id = ?1 ORDER BY due, id")
                    : nullptr,
      as_of.to_string()};

  std::vector<std::string> passes;
  if (order == CommitmentOrder::id) passes.push_back(commitment_sql(f, order, " ORDER BY c.id"));
  else {
    passes.push_back(commitment_sql(f, order, " AND c.deadline IS NOT NULL ORDER BY c.deadline, c.id"));
    passes.push_back(commitment_sql(f, order, " AND c.deadline IS NULL ORDER BY c.id"));
  }
  for (const auto& sql : passes) {
    auto& st = db.statement(sql);
    bind_filter(st, f);
    while (st.executeStep()) {
      CommitmentRecord c;
      read_row(st, c);
      children.read(c);
      if (!visit(c)) {
        st.reset();  // release the read transaction now
        children.obs.reset();
        children.claims.reset();
        return;
      }
    }
    st.reset();
  }
  children.obs.reset();
  children.claims.reset();
  if (children.milestones) children.milestones->reset();
}

std::vector<CommitmentRecord> fetch_commitments(Database& db, const CommitmentFilter& f, Date as_of) {
  std::vector<CommitmentRecord> out;
  scan_commitments(db, f, as_of, CommitmentOrder::id, [&](CommitmentRecord& c) {
    out.push_back(std::move(c));
    return true;
  });
  return out;
}

std::vector<RegionRecord> all_regions(Database& db) {
  auto& st = db.statement("SELECT code, name, type, parent, country FROM region ORDER BY code");
  std::vector<RegionRecord> out;
  while (st.executeStep())
    out.push_back({st.getColumn(0).getString(), st.getColumn(1).getString(), st.getColumn(2).getString(),
                   text_of(st.getColumn(3)), st.getColumn(4).getString()});
  return out;
}

std::vector<std::string> find_region_codes(Database& db, std::string_view text) {
  std::vector<std::string> out;
  {
    auto& st = db.statement("SELECT code FROM region WHERE code = :code");
    st.bind(":code", upper(text));
    while (st.executeStep()) out.push_back(st.getColumn(0).getString());
  }
  if (!out.empty()) return out;
  const std::string key = text::fold(text);
  if (key.empty()) return out;
  {
    auto& st = db.statement("SELECT DISTINCT region_code FROM region_alias WHERE key = :key ORDER BY region_code");
    st.bind(":key", key);
    while (st.executeStep()) out.push_back(st.getColumn(0).getString());
  }
  if (!out.empty()) return out;
  // Official names without an alias row: fold them here (a few thousand short strings).
  auto& st = db.statement("SELECT code, name FROM region ORDER BY code");
  while (st.executeStep())
    if (text::fold(st.getColumn(1).getString()) == key) out.push_back(st.getColumn(0).getString());
  return out;
}

std::vector<std::string> region_subtree(Database& db, const std::vector<std::string>& codes) {
  auto& st = db.statement(
      "WITH RECURSIVE sub(code) AS (SELECT value FROM json_each(:codes)"
      " UNION SELECT r.code FROM region r JOIN sub ON r.parent = sub.code) SELECT code FROM sub ORDER BY code");
  st.bind(":codes", json_list(codes));
  std::vector<std::string> out;
  while (st.executeStep()) out.push_back(st.getColumn(0).getString());
  return out;
}

std::vector<std::string> region_keys(Database& db, const std::string& code) {
  std::vector<std::string> out;
  auto& st = db.statement("SELECT key FROM region_alias WHERE region_code = :code UNION SELECT name FROM region WHERE code = :code");
  st.bind(":code", code);
  while (st.executeStep()) out.push_back(text::fold(st.getColumn(0).getString()));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<std::string> agreement_cities(Database& db, const std::vector<std::string>& region_codes) {
  auto& st = db.statement(
      "SELECT DISTINCT city FROM agreement WHERE region_code IN (SELECT value FROM json_each(:codes)) AND city IS NOT NULL");
  st.bind(":codes", json_list(region_codes));
  std::vector<std::string> out;
  while (st.executeStep()) out.push_back(st.getColumn(0).getString());
  return out;
}

std::vector<std::int64_t> find_party_ids(Database& db, std::string_view text) {
  const std::string key = text::fold(text);
  std::vector<std::int64_t> out;
  auto& st = db.statement(
      "SELECT party_id FROM party_alias WHERE key = :key UNION SELECT id FROM party WHERE name = :name COLLATE NOCASE"
      " ORDER BY 1");
  st.bind(":key", key);
  st.bind(":name", std::string(text));
  while (st.executeStep()) out.push_back(st.getColumn(0).getInt64());
  return out;
}

std::vector<AgreementRecord> agreements_known_at(Database& db, Date as_of) {
  auto& st = db.statement(
      "SELECT a.id, coalesce(a.country, r.country, ''), coalesce(a.region_code, '') FROM agreement a"
      " LEFT JOIN region r ON r.code = a.region_code"
      " WHERE NOT EXISTS (SELECT 1 FROM agreement_source x WHERE x.agreement_id = a.id)"
      "    OR EXISTS (SELECT 1 FROM agreement_source x JOIN source s ON s.id = x.source_id"
      "               WHERE x.agreement_id = a.id AND (s.published IS NULL OR s.published <= :asof))"
      " ORDER BY a.id");
  st.bind(":asof", as_of.to_string());
  std::vector<AgreementRecord> out;
  while (st.executeStep())
    out.push_back({st.getColumn(0).getInt64(), st.getColumn(1).getString(), st.getColumn(2).getString()});
  return out;
}

std::vector<EvidenceQuote> claim_evidence(Database& db, std::int64_t commitment_id, Date as_of) {
  auto& st = db.statement(
      "SELECT e.text, s.url, s.published FROM commitment_claim cc JOIN evidence e ON e.claim_id = cc.id"
      " JOIN source s ON s.id = e.source_id WHERE cc.commitment_id = :id"
      " AND (s.published IS NULL OR s.published <= :asof) ORDER BY s.published, e.source_id, e.start, e.id");
  st.bind(":id", commitment_id);
  st.bind(":asof", as_of.to_string());
  std::vector<EvidenceQuote> out;
  while (st.executeStep()) out.push_back({st.getColumn(0).getString(), text_of(st.getColumn(1)), date_of(st.getColumn(2))});
  return out;
}

std::vector<EvidenceQuote> progress_evidence(Database& db, std::int64_t progress_id) {
  auto& st = db.statement(
      "SELECT e.text, s.url, s.published FROM evidence e JOIN source s ON s.id = e.source_id"
      " WHERE e.progress_id = :id ORDER BY e.start, e.id");
  st.bind(":id", progress_id);
  std::vector<EvidenceQuote> out;
  while (st.executeStep()) out.push_back({st.getColumn(0).getString(), text_of(st.getColumn(1)), date_of(st.getColumn(2))});
  return out;
}

}  // namespace pledgedb::store

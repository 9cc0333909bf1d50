// region and region_alias: seeding from the built-in gazetteer, searching, resolving, user aliases.
#include "pledgedb/store/regions.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "pledgedb/error.hpp"
#include "pledgedb/text/normalize.hpp"

namespace pledgedb::store {

namespace {

std::string upper_ascii(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

std::string trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
    s.remove_suffix(1);
  return std::string(s);
}

bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// Every region with its depth (0 = country), parents before children.
constexpr const char* kTreeSql =
    "WITH RECURSIVE tree(code, depth) AS ("
    " SELECT code, 0 FROM region WHERE parent IS NULL"
    " UNION ALL SELECT r.code, t.depth + 1 FROM region r JOIN tree t ON r.parent = t.code) ";

struct Row {
  geo::Region region;
  int depth = 0;
};

Row read_row(SQLite::Statement& st) {
  Row r;
  r.region.code = st.getColumn(0).getString();
  r.region.name = st.getColumn(1).getString();
  r.region.type = st.getColumn(2).getString();
  r.region.parent = st.getColumn(3).getString();
  r.region.country = st.getColumn(4).getString();
  r.depth = st.getColumn(5).getInt();
  return r;
}

std::vector<Row> all_rows(Database& db, const std::string& country) {
  auto& st = db.statement(std::string(kTreeSql) +
                          "SELECT r.code, r.name, r.type, coalesce(r.parent, ''), r.country, t.depth"
                          " FROM region r JOIN tree t ON t.code = r.code"
                          " WHERE ?1 = '' OR r.country = ?1 ORDER BY r.country, t.depth, r.code");
  st.bind(1, country);
  std::vector<Row> rows;
  while (st.executeStep()) rows.push_back(read_row(st));
  return rows;
}

int origin_rank(const std::string& origin) { return origin == "user" ? 0 : origin == "curated" ? 1 : 2; }

struct Candidate {
  std::string code;
  int origin = 2;
};

// Regions having an alias with this key, each with its best origin.
std::vector<Candidate> alias_candidates(Database& db, const std::string& key) {
  auto& st = db.statement("SELECT region_code, origin FROM region_alias WHERE key = ? ORDER BY id");
  st.bind(1, key);
  std::vector<Candidate> out;
  while (st.executeStep()) {
    std::string code = st.getColumn(0).getString();
    int origin = origin_rank(st.getColumn(1).getString());
    auto it = std::find_if(out.begin(), out.end(), [&](const Candidate& c) { return c.code == code; });
    if (it == out.end()) out.push_back({code, origin});
    else it->origin = std::min(it->origin, origin);
  }
  return out;
}

// The alias matches of the first lookup key that names something, best reading first.
std::vector<std::string> ranked_alias_matches(Database& db, std::string_view text,
                                              const std::unordered_map<std::string, const Row*>& by_code) {
  for (const auto& key : geo::Gazetteer::lookup_keys(text)) {
    auto cands = alias_candidates(db, key);
    if (cands.empty()) continue;
    auto score = [&](const Candidate& c) {
      auto it = by_code.find(c.code);
      int depth = it == by_code.end() ? 99 : it->second->depth;
      bool morocco = it != by_code.end() && it->second->region.country == "MA";
      return std::tuple(c.origin, depth, !morocco, c.code);
    };
    std::stable_sort(cands.begin(), cands.end(),
                     [&](const Candidate& a, const Candidate& b) { return score(a) < score(b); });
    std::vector<std::string> out;
    for (auto& c : cands) out.push_back(std::move(c.code));
    return out;
  }
  return {};
}

}  // namespace

std::size_t sync_regions(Database& db) {
  const auto& gz = geo::Gazetteer::builtin();
  const bool nested = sqlite3_get_autocommit(db.sql().getHandle()) == 0;
  std::optional<WriteTransaction> tx;
  if (nested) db.sql().exec("SAVEPOINT sync_regions");
  else tx.emplace(db);
  std::size_t changed = 0;
  try {
    auto& region = db.statement(
        "INSERT INTO region (code, name, type, parent, country) VALUES (?1, ?2, ?3, ?4, ?5)"
        " ON CONFLICT (code) DO UPDATE SET name = excluded.name, type = excluded.type,"
        " parent = excluded.parent, country = excluded.country"
        " WHERE name IS NOT excluded.name OR type IS NOT excluded.type"
        " OR parent IS NOT excluded.parent OR country IS NOT excluded.country");
    // Countries come first and parents before children in the gazetteer, so parents exist.
    for (const auto& r : gz.regions()) {
      region.reset();
      region.clearBindings();
      region.bind(1, r.code);
      region.bind(2, r.name);
      region.bind(3, r.type);
      if (r.parent.empty()) region.bind(4);
      else region.bind(4, r.parent);
      region.bind(5, r.country);
      changed += static_cast<std::size_t>(region.exec());
    }
    auto& alias = db.statement(
        "INSERT OR IGNORE INTO region_alias (region_code, alias, key, lang, kind, origin)"
        " VALUES (?, ?, ?, ?, ?, ?)");
    // Curated spellings first: when an ISO name and a curated city share a key ("Casablanca"),
    // the curated row (kind city) is the one kept.
    for (bool curated : {true, false})
      for (const auto& a : gz.aliases()) {
        if (a.curated != curated || gz.find(a.region_code) == nullptr) continue;
        auto key = text::fold(a.text);
        if (key.empty()) continue;
        alias.reset();
        alias.clearBindings();
        alias.bind(1, gz.find(a.region_code)->code);
        alias.bind(2, a.text);
        alias.bind(3, key);
        if (a.lang.empty()) alias.bind(4);
        else alias.bind(4, a.lang);
        alias.bind(5, std::string(geo::to_string(a.kind)));
        alias.bind(6, std::string(a.curated ? "curated" : "iso"));
        changed += static_cast<std::size_t>(alias.exec());
      }
    region.reset();
    alias.reset();
  } catch (...) {
    if (nested) {
      try {
        db.sql().exec("ROLLBACK TO sync_regions");
        db.sql().exec("RELEASE sync_regions");
      } catch (...) {
      }
    }
    throw;
  }
  if (nested) db.sql().exec("RELEASE sync_regions");
  else tx->commit();
  return changed;
}

std::vector<geo::Region> list_regions(Database& db, const RegionQuery& query) {
  const auto country = upper_ascii(trim(query.country));
  const auto search = trim(query.search);
  auto rows = all_rows(db, country);
  std::vector<geo::Region> out;
  if (search.empty()) {
    for (auto& r : rows)
      if (query.level < 0 || r.depth == query.level) out.push_back(std::move(r.region));
    return out;
  }
  std::unordered_map<std::string, const Row*> by_code;
  for (const auto& r : rows) by_code.emplace(r.region.code, &r);
  std::vector<std::string> codes;
  std::unordered_set<std::string> seen;
  auto take = [&](const std::string& code) {
    if (by_code.contains(code) && seen.insert(code).second) codes.push_back(code);
  };
  take(upper_ascii(search));
  for (const auto& code : ranked_alias_matches(db, search, by_code)) take(code);
  // Part of a name, for Latin text: "settat", "oued".
  if (const auto key = text::fold(search); key.size() >= 3 && is_ascii(key)) {
    std::string pattern = "%";
    for (char c : key) {
      if (c == '%' || c == '_' || c == '\\') pattern += '\\';
      pattern += c;
    }
    pattern += "%";
    auto& st = db.statement("SELECT DISTINCT region_code FROM region_alias WHERE key LIKE ? ESCAPE '\\'");
    st.bind(1, pattern);
    std::vector<const Row*> found;
    while (st.executeStep())
      if (auto it = by_code.find(st.getColumn(0).getString()); it != by_code.end()) found.push_back(it->second);
    std::sort(found.begin(), found.end(), [](const Row* a, const Row* b) {
      return std::tie(a->region.country, a->depth, a->region.code) < std::tie(b->region.country, b->depth, b->region.code);
    });
    for (const auto* r : found) take(r->region.code);
  }
  for (const auto& code : codes) {
    const Row* r = by_code.at(code);
    if (query.level < 0 || r->depth == query.level) out.push_back(r->region);
  }
  return out;
}

std::vector<geo::Region> list_regions(Database& db, std::string_view country, std::string_view search) {
  RegionQuery q;
  q.country = std::string(country);
  q.search = std::string(search);
  return list_regions(db, q);
}

std::optional<std::string> resolve_region(Database& db, std::string_view text_or_code) {
  const auto text = trim(text_or_code);
  if (text.empty()) return std::nullopt;
  {
    auto& st = db.statement("SELECT code FROM region WHERE code = ?");
    st.bind(1, upper_ascii(text));
    if (st.executeStep()) return st.getColumn(0).getString();
  }
  auto rows = all_rows(db, "");
  std::unordered_map<std::string, const Row*> by_code;
  for (const auto& r : rows) by_code.emplace(r.region.code, &r);
  auto codes = ranked_alias_matches(db, text, by_code);
  if (codes.empty()) return std::nullopt;
  return codes.front();
}

std::vector<std::string> region_descendants(Database& db, std::string_view code) {
  auto& st = db.statement(
      "WITH RECURSIVE d(code) AS (SELECT code FROM region WHERE code = ?1"
      " UNION SELECT r.code FROM region r JOIN d ON r.parent = d.code) SELECT code FROM d");
  st.bind(1, upper_ascii(trim(code)));
  std::vector<std::string> out;
  while (st.executeStep()) out.push_back(st.getColumn(0).getString());
  if (out.empty()) throw NotFoundError(fmt::format("region '{}': no such region code", code));
  return out;
}

bool add_region_alias(Database& db, std::string_view code, std::string_view alias, std::string_view lang,
                      geo::AliasKind kind) {
  const auto region = upper_ascii(trim(code));
  {
    auto& st = db.statement("SELECT 1 FROM region WHERE code = ?");
    st.bind(1, region);
    if (!st.executeStep()) throw NotFoundError(fmt::format("region '{}': no such region code", code));
  }
  const auto text = trim(alias);
  const auto key = text::fold(text);
  if (key.empty()) throw InputError(fmt::format("region alias '{}': nothing left to match once folded", alias));
  const bool lang_ok = lang.empty() || ((lang.size() == 2 || lang.size() == 3) &&
                                        std::all_of(lang.begin(), lang.end(), [](char c) { return c >= 'a' && c <= 'z'; }));
  if (!lang_ok)
    throw InputError(fmt::format("region alias '{}': language '{}' is not a 2-3 letter code like ar, fr, en", alias, lang));
  auto& st = db.statement(
      "INSERT INTO region_alias (region_code, alias, key, lang, kind, origin) VALUES (?, ?, ?, ?, ?, 'user')"
      // A built-in spelling the user confirms becomes theirs, so it wins over homonyms.
      " ON CONFLICT (key, region_code) DO UPDATE SET origin = 'user', lang = coalesce(excluded.lang, lang)"
      " WHERE origin <> 'user'");
  st.bind(1, region);
  st.bind(2, text);
  st.bind(3, key);
  if (lang.empty()) st.bind(4);
  else st.bind(4, std::string(lang));
  st.bind(5, std::string(geo::to_string(kind)));
  return st.exec() > 0;
}

std::vector<geo::Alias> user_region_aliases(Database& db) {
  auto& st = db.statement(
      "SELECT region_code, alias, coalesce(lang, ''), kind FROM region_alias WHERE origin = 'user' ORDER BY id");
  std::vector<geo::Alias> out;
  while (st.executeStep()) {
    geo::Alias a;
    a.region_code = st.getColumn(0).getString();
    a.text = st.getColumn(1).getString();
    a.lang = st.getColumn(2).getString();
    a.kind = geo::parse_alias_kind(st.getColumn(3).getString()).value_or(geo::AliasKind::name);
    a.curated = false;
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace pledgedb::store

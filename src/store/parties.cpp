#include "pledgedb/store/parties.hpp"

#include <fmt/format.h>

#include "pledgedb/error.hpp"
#include "pledgedb/text/normalize.hpp"

namespace pledgedb::store {

std::vector<std::int64_t> parties_with_alias_key(Database& db, const std::string& key) {
  std::vector<std::int64_t> ids;
  auto& st = db.statement("SELECT DISTINCT party_id FROM party_alias WHERE key = ? ORDER BY party_id");
  st.bind(1, key);
  while (st.executeStep()) ids.push_back(st.getColumn(0).getInt64());
  return ids;
}

std::vector<PartyAliasRow> all_party_aliases(Database& db) {
  std::vector<PartyAliasRow> rows;
  auto& st = db.statement("SELECT party_id, alias, key FROM party_alias ORDER BY party_id, id");
  while (st.executeStep())
    rows.push_back({st.getColumn(0).getInt64(), st.getColumn(1).getString(), st.getColumn(2).getString()});
  return rows;
}

std::int64_t insert_party(Database& db, const std::string& name, PartyKind kind, const std::string& country) {
  auto& st = db.statement(
      "INSERT INTO party (name, kind, country, created_at) VALUES (?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))");
  st.bind(1, name);
  st.bind(2, std::string(to_string(kind)));
  if (country.empty()) st.bind(3);
  else st.bind(3, country);
  st.exec();
  return db.sql().getLastInsertRowid();
}

bool add_party_alias(Database& db, std::int64_t party_id, const std::string& alias, std::string_view origin) {
  const std::string key = text::fold(alias);
  if (key.empty()) throw InputError(fmt::format("party alias '{}': nothing left to match once folded", alias));
  auto& st = db.statement("INSERT OR IGNORE INTO party_alias (party_id, alias, key, origin) VALUES (?, ?, ?, ?)");
  st.bind(1, party_id);
  st.bind(2, alias);
  st.bind(3, key);
  st.bind(4, std::string(origin));
  return st.exec() > 0;
}

void complete_party(Database& db, std::int64_t party_id, PartyKind kind, const std::string& country) {
  if (!country.empty()) {
    auto& st = db.statement("UPDATE party SET country = ? WHERE id = ? AND country IS NULL");
    st.bind(1, country);
    st.bind(2, party_id);
    st.exec();
  }
  if (kind != PartyKind::other) {
    auto& st = db.statement("UPDATE party SET kind = ? WHERE id = ? AND kind = 'other'");
    st.bind(1, std::string(to_string(kind)));
    st.bind(2, party_id);
    st.exec();
  }
}

namespace {
void fill_party(Database& db, PartyRow& p) {
  auto& a = db.statement("SELECT alias FROM party_alias WHERE party_id = ? ORDER BY id");
  a.bind(1, p.id);
  while (a.executeStep()) p.aliases.push_back(a.getColumn(0).getString());
  auto& c = db.statement("SELECT count(DISTINCT agreement_id) FROM agreement_party WHERE party_id = ?");
  c.bind(1, p.id);
  if (c.executeStep()) p.agreements = c.getColumn(0).getInt64();
}
}  // namespace

PartyRow get_party(Database& db, std::int64_t id) {
  auto& st = db.statement("SELECT id, name, kind, country FROM party WHERE id = ?");
  st.bind(1, id);
  if (!st.executeStep()) throw NotFoundError(fmt::format("no party with id {}", id));
  PartyRow p{st.getColumn(0).getInt64(), st.getColumn(1).getString(), st.getColumn(2).getString(),
             st.getColumn(3).getString(), {}, 0};
  fill_party(db, p);
  return p;
}

std::vector<PartyRow> list_parties(Database& db) {
  std::vector<PartyRow> rows;
  auto& st = db.statement("SELECT id, name, kind, country FROM party ORDER BY id");
  while (st.executeStep())
    rows.push_back({st.getColumn(0).getInt64(), st.getColumn(1).getString(), st.getColumn(2).getString(),
                    st.getColumn(3).getString(), {}, 0});
  for (auto& p : rows) fill_party(db, p);
  return rows;
}

void merge_parties(Database& db, std::int64_t keep, std::int64_t other) {
  if (keep == other) throw InputError(fmt::format("party merge: {} and {} are the same party", keep, other));
  WriteTransaction tx(db);
  get_party(db, keep);
  const PartyRow gone = get_party(db, other);
  auto run = [&](const char* sql) {
    auto& st = db.statement(sql);
    st.bind(1, keep);
    st.bind(2, other);
    st.exec();
  };
  // A role both parties play in the same agreement collapses into one row.
  run("INSERT OR IGNORE INTO agreement_party (agreement_id, party_id, role, representative, title) "
      "SELECT agreement_id, ?1, role, representative, title FROM agreement_party WHERE party_id = ?2");
  {
    auto& st = db.statement("DELETE FROM agreement_party WHERE party_id = ?");
    st.bind(1, other);
    st.exec();
  }
  run("UPDATE commitment SET party_id = ?1 WHERE party_id = ?2");
  run("UPDATE pending_progress SET party_id = ?1 WHERE party_id = ?2");  // waiting statements follow their party
  run("INSERT OR IGNORE INTO party_alias (party_id, alias, key, origin) "
      "SELECT ?1, alias, key, 'merged' FROM party_alias WHERE party_id = ?2");
  add_party_alias(db, keep, gone.name, "merged");
  {
    auto& st = db.statement("DELETE FROM party WHERE id = ?");
    st.bind(1, other);
    st.exec();
  }
  tx.commit();
}

}  // namespace pledgedb::store

#include "pledgedb/store/sources.hpp"

#include <fmt/format.h>

#include "pledgedb/error.hpp"
#include "store/columns.hpp"

namespace pledgedb::store {

using namespace columns;

namespace {
}  // namespace

void tune_for_batch(Database& db) {
  db.sql().exec("PRAGMA wal_autocheckpoint = 16384");
  db.sql().exec("PRAGMA cache_size = -32768");
  // A source's savepoint journal (group commit) stays in memory.
  db.sql().exec("PRAGMA temp_store = MEMORY");
}

std::optional<std::int64_t> find_source_by_sha256(Database& db, const std::string& sha256) {
  auto& st = db.statement("SELECT id FROM source WHERE sha256 = ?");
  st.bind(1, sha256);
  if (st.executeStep()) return st.getColumn(0).getInt64();
  return std::nullopt;
}

std::int64_t insert_source(Database& db, const NewSource& s) {
  auto& st = db.statement(
      "INSERT INTO source (sha256, url, outlet, language, title, published, path, format, kind, text, ingested_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))");
  st.bind(1, s.sha256);
  bind_text(st, 2, s.url);
  bind_text(st, 3, s.outlet);
  bind_text(st, 4, s.language);
  bind_text(st, 5, s.title);
  bind_date(st, 6, s.published);
  bind_text(st, 7, s.path);
  st.bind(8, s.format);
  bind_text(st, 9, s.kind);
  st.bind(10, s.text);
  st.exec();
  const std::int64_t id = db.sql().getLastInsertRowid();
  // In a group commit the group indexes its sources all at once before COMMIT (migration 0004).
  if (!db.in_group()) {
    auto& fts = db.statement("INSERT INTO source_fts (rowid, title, text) VALUES (?, ?, ?)");
    fts.bind(1, id);
    bind_text(fts, 2, s.title);
    fts.bind(3, s.text);
    fts.exec();
  }
  return id;
}

SourceInfoRow get_source(Database& db, std::int64_t id) {
  auto& st = db.statement("SELECT id, url, outlet, language, title, published FROM source WHERE id = ?");
  st.bind(1, id);
  if (!st.executeStep()) throw NotFoundError(fmt::format("no source with id {}", id));
  SourceInfoRow r;
  r.id = st.getColumn(0).getInt64();
  r.url = st.getColumn(1).getString();
  r.outlet = st.getColumn(2).getString();
  r.language = st.getColumn(3).getString();
  r.title = st.getColumn(4).getString();
  r.published = date_of(st.getColumn(5));
  return r;
}

std::string fts_query(std::string_view text) {
  // Words are runs of letters/digits (any non-ASCII byte counts as a letter); each is quoted
  // so FTS5 operators (AND, NEAR, *, ^, :) in user input are plain words.
  std::string out, word;
  auto flush = [&] {
    if (word.empty()) return;
    if (!out.empty()) out += ' ';
    out += '"' + word + '"';
    word.clear();
  };
  for (unsigned char c : text) {
    if (c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) word += static_cast<char>(c);
    else flush();
  }
  flush();
  return out;
}

std::vector<SearchHit> search_sources(Database& db, std::string_view text, int limit) {
  std::vector<SearchHit> hits;
  const std::string q = fts_query(text);
  if (q.empty()) return hits;
  auto& st = db.statement(
      "SELECT s.id, s.url, s.outlet, s.published, snippet(source_fts, 1, '[', ']', '…', 12) "
      "FROM source_fts JOIN source s ON s.id = source_fts.rowid WHERE source_fts MATCH ? "
      "ORDER BY bm25(source_fts), s.id LIMIT ?");
  st.bind(1, q);
  st.bind(2, limit);
  while (st.executeStep()) {
    SearchHit h;
    h.id = st.getColumn(0).getInt64();
    h.url = st.getColumn(1).getString();
    h.outlet = st.getColumn(2).getString();
    h.published = date_of(st.getColumn(3));
    h.snippet = st.getColumn(4).getString();
    hits.push_back(std::move(h));
  }
  for (auto& h : hits) {
    auto& a = db.statement("SELECT agreement_id FROM agreement_source WHERE source_id = ? ORDER BY agreement_id");
    a.bind(1, h.id);
    while (a.executeStep()) h.agreements.push_back(a.getColumn(0).getInt64());
  }
  return hits;
}

}  // namespace pledgedb::store

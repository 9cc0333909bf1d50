#pragma once
// Sources (ingested documents) and full-text search over them.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pledgedb/date.hpp"
#include "pledgedb/store/database.hpp"

namespace pledgedb::store {

struct NewSource {
  std::string sha256;  // of the raw bytes as read
  std::string url, outlet, language, title;
  std::optional<Date> published;
  std::string path;
  std::string format;  // txt, md, html, json, manual
  std::string kind;    // announcement, progress, both, none; "" = unknown
  std::string text;
};

struct SourceInfoRow {
  std::int64_t id = 0;
  std::string url, outlet, language, title;
  std::optional<Date> published;
};

// Connection settings for a batch of many small write transactions (one per source): a WAL
// checkpoint every ~64 MB instead of 4 MB (fewer fsyncs and rewrites of the same pages) and a
// 32 MB page cache. Affects this connection only.
void tune_for_batch(Database& db);
std::optional<std::int64_t> find_source_by_sha256(Database& db, const std::string& sha256);
std::int64_t insert_source(Database& db, const NewSource& source);
// Throws NotFoundError for an unknown id.
SourceInfoRow get_source(Database& db, std::int64_t id);

struct SearchHit {
  std::int64_t id = 0;
  std::string url, outlet;
  std::optional<Date> published;
  std::string snippet;
  std::vector<std::int64_t> agreements;
};

// Turns user words into an FTS5 query that cannot be a syntax error: every word becomes a
// quoted term ("a" "b" = all of them, any order). Empty when the text has no word.
std::string fts_query(std::string_view user_text);
// Sources matching all the words of `text`, best first (bm25), then by id.
std::vector<SearchHit> search_sources(Database& db, std::string_view text, int limit = 100);

}  // namespace pledgedb::store

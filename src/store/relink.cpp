// Progress statements waiting for their pledge (pending_progress): stored, looked up by party and
// metric when a pledge is stored, and moved to `progress` once linked.
#include <fmt/format.h>

#include "pledgedb/error.hpp"
#include "pledgedb/store/commitments.hpp"
#include "pledgedb/text/normalize.hpp"
#include "store/columns.hpp"

namespace pledgedb::store {

using namespace columns;

namespace {

constexpr const char* pending_select =
    "SELECT id, source_id, party_id, party, metric, as_of, value, unit, origin, confidence, region_code FROM pending_progress ";

PendingProgressRow read_pending(SQLite::Statement& st) {
  PendingProgressRow r;
  r.id = st.getColumn(0).getInt64();
  r.source_id = st.getColumn(1).getInt64();
  if (!st.getColumn(2).isNull()) r.party_id = st.getColumn(2).getInt64();
  r.party = st.getColumn(3).getString();
  r.metric = parse_metric(st.getColumn(4).getString()).value_or(Metric::other);
  r.as_of = Date::parse(st.getColumn(5).getString());
  r.value = st.getColumn(6).getDouble();
  r.unit = text_of(st.getColumn(7));
  r.origin = st.getColumn(8).getString();
  r.confidence = st.getColumn(9).getDouble();
  r.region_code = text_of(st.getColumn(10));
  return r;
}

void read_evidence(Database& db, PendingProgressRow& r) {
  auto& st = db.statement("SELECT start, end, text FROM pending_progress_evidence WHERE pending_id = ? ORDER BY id");
  st.bind(1, r.id);
  while (st.executeStep()) {
    Evidence e;
    if (!st.getColumn(0).isNull()) e.start = st.getColumn(0).getInt64();
    if (!st.getColumn(1).isNull()) e.end = st.getColumn(1).getInt64();
    e.text = st.getColumn(2).getString();
    r.evidence.push_back(std::move(e));
  }
}

std::vector<PendingProgressRow> read_all(Database& db, SQLite::Statement& st) {
  std::vector<PendingProgressRow> rows;
  while (st.executeStep()) rows.push_back(read_pending(st));
  st.reset();
  for (auto& r : rows) read_evidence(db, r);
  return rows;
}

std::vector<std::int64_t> ids_of(SQLite::Statement& st) {
  std::vector<std::int64_t> ids;
  while (st.executeStep()) ids.push_back(st.getColumn(0).getInt64());
  return ids;
}

}  // namespace

std::int64_t insert_pending_progress(Database& db, const PendingProgressRow& p) {
  const std::string key = text::fold(p.party);
  if (key.empty()) throw InputError(fmt::format("progress party '{}': nothing left to match once folded", p.party));
  auto& st = db.statement(
      "INSERT INTO pending_progress (source_id, party_id, party, party_key, metric, as_of, value, unit, origin, confidence, "
      "region_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  st.bind(1, p.source_id);
  bind_id(st, 2, p.party_id);
  st.bind(3, p.party);
  st.bind(4, key);
  st.bind(5, std::string(to_string(p.metric)));
  st.bind(6, p.as_of.to_string());
  st.bind(7, p.value);
  bind_text(st, 8, p.unit);
  st.bind(9, p.origin);
  st.bind(10, p.confidence);
  bind_text(st, 11, p.region_code);
  st.exec();
  const auto id = db.sql().getLastInsertRowid();
  for (const auto& e : p.evidence) {
    auto& ev = db.statement("INSERT INTO pending_progress_evidence (pending_id, start, end, text) VALUES (?, ?, ?, ?)");
    ev.bind(1, id);
    bind_offsets(ev, 2, e);
    ev.bind(4, e.text);
    ev.exec();
  }
  return id;
}

std::vector<PendingProgressRow> pending_progress_for(Database& db, std::int64_t party_id, Metric metric) {
  // A UNION of two indexed look-ups (party_id, metric) and (party_key, metric); "a OR b" would scan.
  auto& st = db.statement(std::string(pending_select) + "WHERE party_id = ?1 AND metric = ?2 UNION " + pending_select +
                          "WHERE metric = ?2 AND party_key IN (SELECT key FROM party_alias WHERE party_id = ?1) ORDER BY id");
  st.bind(1, party_id);
  st.bind(2, std::string(to_string(metric)));
  return read_all(db, st);
}

std::vector<PendingProgressRow> list_pending_progress(Database& db) {
  auto& st = db.statement(std::string(pending_select) + "ORDER BY id");
  return read_all(db, st);
}

std::int64_t link_pending_progress(Database& db, const PendingProgressRow& p, std::int64_t commitment_id) {
  ProgressRow row;
  row.commitment_id = commitment_id;
  row.as_of = p.as_of;
  row.value = p.value;
  row.unit = p.unit;
  row.source_id = p.source_id;
  row.origin = p.origin;
  row.confidence = p.confidence;
  const auto progress_id = insert_progress(db, row);
  for (const auto& e : p.evidence) insert_evidence(db, p.source_id, e, EvidenceFor::progress, progress_id);
  auto& del = db.statement("DELETE FROM pending_progress WHERE id = ?");
  del.bind(1, p.id);
  del.exec();
  return progress_id;
}

std::vector<std::int64_t> source_agreement_ids(Database& db, std::int64_t source_id) {
  auto& st = db.statement("SELECT agreement_id FROM agreement_source WHERE source_id = ? ORDER BY agreement_id");
  st.bind(1, source_id);
  return ids_of(st);
}

std::vector<std::int64_t> source_claimed_commitment_ids(Database& db, std::int64_t source_id) {
  auto& st = db.statement("SELECT DISTINCT commitment_id FROM commitment_claim WHERE source_id = ? ORDER BY commitment_id");
  st.bind(1, source_id);
  return ids_of(st);
}

std::string source_text(Database& db, std::int64_t source_id) {
  auto& st = db.statement("SELECT text FROM source WHERE id = ?");
  st.bind(1, source_id);
  std::string text = st.executeStep() ? st.getColumn(0).getString() : std::string();
  st.reset();  // a statement left on a row holds its read snapshot
  return text;
}

void keep_earliest_signing(Database& db, std::int64_t agreement_id, const Date& signed_on) {
  auto& st = db.statement("UPDATE agreement SET signed_on = ?1 WHERE id = ?2 AND (signed_on IS NULL OR signed_on > ?1)");
  st.bind(1, signed_on.to_string());
  st.bind(2, agreement_id);
  st.exec();
}

}  // namespace pledgedb::store

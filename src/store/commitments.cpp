#include "pledgedb/store/commitments.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "pledgedb/error.hpp"
#include "store/columns.hpp"

namespace pledgedb::store {

using namespace columns;

namespace {

std::string fmt_number(double v) {
  if (std::floor(v) == v && std::fabs(v) < 1e15) return fmt::format("{}", static_cast<long long>(v));
  return fmt::format("{}", v);
}

// Chronological rank of a claim: the manual and dated ones by date, unknown dates first.
bool earlier(const ClaimRow& a, const ClaimRow& b) {
  if (a.claimed_on != b.claimed_on) {
    if (!a.claimed_on) return true;
    if (!b.claimed_on) return false;
    return *a.claimed_on < *b.claimed_on;
  }
  return a.id < b.id;
}

bool is_year_horizon(const std::optional<Date>& d, const std::optional<DeadlineKind>& k) {
  return d && ((k && *k == DeadlineKind::horizon) || (d->month() == 12 && d->day() == 31 && (!k || *k != DeadlineKind::absolute)));
}

}  // namespace

CommitmentValues compile_claims(const std::vector<ClaimRow>& claims) {
  std::vector<const ClaimRow*> order;
  for (const auto& c : claims) order.push_back(&c);
  std::stable_sort(order.begin(), order.end(), [](const ClaimRow* a, const ClaimRow* b) {
    const bool am = a->origin == "manual", bm = b->origin == "manual";
    if (am != bm) return am;
    if (a->claimed_on != b->claimed_on) {
      if (!a->claimed_on) return false;
      if (!b->claimed_on) return true;
      return *a->claimed_on > *b->claimed_on;
    }
    if (a->confidence != b->confidence) return a->confidence > b->confidence;
    return a->id > b->id;
  });
  CommitmentValues v;
  const ClaimRow* target_claim = nullptr;
  const ClaimRow* deadline_claim = nullptr;
  bool have_conf = false;
  bool start_manual = false;
  for (const ClaimRow* c : order) {
    if (!have_conf && c->origin != "manual") {
      v.confidence = c->confidence;
      have_conf = true;
    }
    if (!target_claim && c->target) target_claim = c;
    if (!deadline_claim && c->deadline) deadline_claim = c;
    if (v.unit.empty()) v.unit = c->unit;
    if (v.qualifier.empty()) v.qualifier = c->qualifier;
    // A pledge starts when it was first made: a restatement dated later does not restart it
    // (manual claims come first in `order` and win).
    if (c->start) {
      if (c->origin == "manual") {
        if (!start_manual) v.start = c->start;
        start_manual = true;
      } else if (!start_manual && (!v.start || *c->start < *v.start)) {
        v.start = c->start;
      }
    }
    if (!v.manual_status && c->manual_status) v.manual_status = c->manual_status;
  }
  if (target_claim) {
    v.target = target_claim->target;
    std::optional<Comparator> cmp = target_claim->comparator;
    if (!cmp || *cmp == Comparator::exactly) {
      // A bare number does not contradict "more than N" said by another source.
      for (const ClaimRow* c : order)
        if (c->target && *c->target == *v.target && c->comparator && *c->comparator != Comparator::exactly) {
          cmp = c->comparator;
          break;
        }
    }
    v.comparator = cmp.value_or(Comparator::exactly);
  } else {
    for (const ClaimRow* c : order)
      if (c->comparator) {
        v.comparator = *c->comparator;
        break;
      }
  }
  if (deadline_claim) {
    const ClaimRow* chosen = deadline_claim;
    if (is_year_horizon(deadline_claim->deadline, deadline_claim->deadline_kind)) {
      for (const ClaimRow* c : order)
        if (c->deadline && c->deadline->year() == deadline_claim->deadline->year() &&
            !is_year_horizon(c->deadline, c->deadline_kind)) {
          chosen = c;
          break;
        }
    }
    v.deadline = chosen->deadline;
    v.deadline_kind = chosen->deadline_kind.value_or(DeadlineKind::absolute);
    v.deadline_text = chosen->deadline_text;
  }
  return v;
}

Revisions revisions_from_claims(std::vector<ClaimRow> claims) {
  std::stable_sort(claims.begin(), claims.end(), earlier);
  Revisions r;
  // Values stated so far, each with the date it was first claimed. A restatement of any of them
  // is not a change (a follow-up recalling the original pledge does not "upsize" a revised one);
  // a new value is a revision only when it comes more than `revision_gap_days` after the first
  // claim of the value it replaces: two reports of one announcement worded differently are not.
  struct Seen {
    double target;
    std::optional<Date> since;
  };
  struct SeenDeadline {
    Date deadline;
    std::optional<DeadlineKind> kind;
    std::optional<Date> since;
  };
  std::vector<Seen> targets;
  std::vector<SeenDeadline> deadlines;
  auto later_claim = [](const std::optional<Date>& since, const std::optional<Date>& on) {
    return since && on && days_between(*since, *on) > revision_gap_days;
  };
  auto same_deadline = [](const SeenDeadline& a, const Date& d, const std::optional<DeadlineKind>& k) {
    if (is_year_horizon(a.deadline, a.kind) || is_year_horizon(d, k)) return a.deadline.year() == d.year();
    return std::llabs(days_between(a.deadline, d)) <= 31;
  };
  for (const auto& c : claims) {
    if (c.target) {
      const bool restated = std::any_of(targets.begin(), targets.end(), [&](const Seen& s) {
        return std::fabs(s.target - *c.target) <= 0.01 * std::max(std::fabs(s.target), std::fabs(*c.target));
      });
      if (!restated) {
        if (!targets.empty() && targets.back().target > 0 && later_claim(targets.back().since, c.claimed_on)) {
          const double old = targets.back().target;
          const bool down = *c.target < old;
          (down ? r.downsized : r.upsized) = true;
          r.changes.push_back({down ? "downsized" : "upsized", fmt_number(old), fmt_number(*c.target), c.id, c.claimed_on});
          targets.push_back({*c.target, c.claimed_on});
        } else {
          // Another wording of the same announcement: it shares the first claim's date.
          targets.push_back({*c.target, targets.empty() ? c.claimed_on : targets.back().since});
        }
      }
    }
    if (c.deadline) {
      const bool restated = std::any_of(deadlines.begin(), deadlines.end(),
                                        [&](const SeenDeadline& s) { return same_deadline(s, *c.deadline, c.deadline_kind); });
      if (!restated) {
        const SeenDeadline* last = deadlines.empty() ? nullptr : &deadlines.back();
        if (last && later_claim(last->since, c.claimed_on)) {
          const bool vague = is_year_horizon(last->deadline, last->kind) || is_year_horizon(c.deadline, c.deadline_kind);
          const bool later = vague ? c.deadline->year() > last->deadline.year() : days_between(last->deadline, *c.deadline) > 31;
          if (later) {
            r.rescheduled = true;
            r.changes.push_back({"rescheduled", last->deadline.to_string(), c.deadline->to_string(), c.id, c.claimed_on});
          }
          deadlines.push_back({*c.deadline, c.deadline_kind, c.claimed_on});
        } else {
          deadlines.push_back({*c.deadline, c.deadline_kind, last ? last->since : c.claimed_on});
        }
      }
    }
  }
  return r;
}

std::int64_t insert_commitment(Database& db, std::int64_t agreement_id, std::optional<std::int64_t> party_id, Metric metric) {
  auto& st = db.statement(
      "INSERT INTO commitment (agreement_id, party_id, metric, comparator, deadline_kind, created_at) "
      "VALUES (?, ?, ?, 'exactly', 'none', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))");
  st.bind(1, agreement_id);
  bind_id(st, 2, party_id);
  st.bind(3, std::string(to_string(metric)));
  st.exec();
  return db.sql().getLastInsertRowid();
}

std::int64_t insert_claim(Database& db, const ClaimRow& c) {
  auto& st = db.statement(
      "INSERT INTO commitment_claim (commitment_id, source_id, origin, target, comparator, unit, qualifier, start, "
      "deadline, deadline_kind, deadline_text, manual_status, note, confidence, claimed_on, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))");
  st.bind(1, c.commitment_id);
  bind_id(st, 2, c.source_id);
  st.bind(3, c.origin);
  bind_double(st, 4, c.target);
  if (c.comparator) st.bind(5, std::string(to_string(*c.comparator)));
  else st.bind(5);
  bind_text(st, 6, c.unit);
  bind_text(st, 7, c.qualifier);
  bind_date(st, 8, c.start);
  bind_date(st, 9, c.deadline);
  if (c.deadline_kind) st.bind(10, std::string(to_string(*c.deadline_kind)));
  else st.bind(10);
  bind_text(st, 11, c.deadline_text);
  if (c.manual_status) st.bind(12, std::string(to_string(*c.manual_status)));
  else st.bind(12);
  bind_text(st, 13, c.note);
  st.bind(14, c.confidence);
  bind_date(st, 15, c.claimed_on);
  st.exec();
  return db.sql().getLastInsertRowid();
}

std::vector<ClaimRow> commitment_claims(Database& db, std::int64_t commitment_id) {
  std::vector<ClaimRow> rows;
  auto& st = db.statement(
      "SELECT id, commitment_id, source_id, origin, target, comparator, unit, qualifier, start, deadline, "
      "deadline_kind, deadline_text, manual_status, note, confidence, claimed_on FROM commitment_claim "
      "WHERE commitment_id = ? ORDER BY id");
  st.bind(1, commitment_id);
  while (st.executeStep()) {
    ClaimRow c;
    c.id = st.getColumn(0).getInt64();
    c.commitment_id = st.getColumn(1).getInt64();
    if (!st.getColumn(2).isNull()) c.source_id = st.getColumn(2).getInt64();
    c.origin = st.getColumn(3).getString();
    if (!st.getColumn(4).isNull()) c.target = st.getColumn(4).getDouble();
    if (!st.getColumn(5).isNull()) c.comparator = parse_comparator(st.getColumn(5).getString());
    c.unit = st.getColumn(6).getString();
    c.qualifier = st.getColumn(7).getString();
    c.start = date_of(st.getColumn(8));
    c.deadline = date_of(st.getColumn(9));
    if (!st.getColumn(10).isNull()) c.deadline_kind = parse_deadline_kind(st.getColumn(10).getString());
    c.deadline_text = st.getColumn(11).getString();
    if (!st.getColumn(12).isNull()) c.manual_status = parse_manual_status(st.getColumn(12).getString());
    c.note = st.getColumn(13).getString();
    c.confidence = st.getColumn(14).getDouble();
    c.claimed_on = date_of(st.getColumn(15));
    rows.push_back(std::move(c));
  }
  return rows;
}

void compile_commitment(Database& db, std::int64_t id) {
  const CommitmentValues v = compile_claims(commitment_claims(db, id));
  auto& st = db.statement(
      "UPDATE commitment SET target = ?, comparator = ?, unit = ?, qualifier = ?, start = ?, deadline = ?, "
      "deadline_kind = ?, deadline_text = ?, manual_status = ?, confidence = ? WHERE id = ?");
  bind_double(st, 1, v.target);
  st.bind(2, std::string(to_string(v.comparator)));
  bind_text(st, 3, v.unit);
  bind_text(st, 4, v.qualifier);
  bind_date(st, 5, v.start);
  bind_date(st, 6, v.deadline);
  st.bind(7, std::string(to_string(v.deadline_kind)));
  bind_text(st, 8, v.deadline_text);
  if (v.manual_status) st.bind(9, std::string(to_string(*v.manual_status)));
  else st.bind(9);
  st.bind(10, v.confidence);
  st.bind(11, id);
  st.exec();
}

Revisions commitment_revisions(Database& db, std::int64_t id) { return revisions_from_claims(commitment_claims(db, id)); }

namespace {
constexpr const char* commitment_select =
    "SELECT c.id, c.agreement_id, c.party_id, p.name, c.metric, c.target, c.comparator, c.unit, c.qualifier, "
    "c.start, c.deadline, c.deadline_kind, c.deadline_text, c.manual_status, c.confidence "
    "FROM commitment c LEFT JOIN party p ON p.id = c.party_id ";

CommitmentRow read_commitment(SQLite::Statement& st) {
  CommitmentRow r;
  r.id = st.getColumn(0).getInt64();
  r.agreement_id = st.getColumn(1).getInt64();
  if (!st.getColumn(2).isNull()) r.party_id = st.getColumn(2).getInt64();
  r.party = st.getColumn(3).getString();
  r.metric = parse_metric(st.getColumn(4).getString()).value_or(Metric::other);
  if (!st.getColumn(5).isNull()) r.values.target = st.getColumn(5).getDouble();
  r.values.comparator = parse_comparator(st.getColumn(6).getString()).value_or(Comparator::exactly);
  r.values.unit = st.getColumn(7).getString();
  r.values.qualifier = st.getColumn(8).getString();
  r.values.start = date_of(st.getColumn(9));
  r.values.deadline = date_of(st.getColumn(10));
  r.values.deadline_kind = parse_deadline_kind(st.getColumn(11).getString()).value_or(DeadlineKind::none);
  r.values.deadline_text = st.getColumn(12).getString();
  if (!st.getColumn(13).isNull()) r.values.manual_status = parse_manual_status(st.getColumn(13).getString());
  r.values.confidence = st.getColumn(14).getDouble();
  return r;
}
}  // namespace

CommitmentRow get_commitment(Database& db, std::int64_t id) {
  auto& st = db.statement(std::string(commitment_select) + "WHERE c.id = ?");
  st.bind(1, id);
  if (!st.executeStep()) throw NotFoundError(fmt::format("no commitment with id {}", id));
  return read_commitment(st);
}

std::vector<CommitmentRow> agreement_commitments(Database& db, std::int64_t agreement_id) {
  std::vector<CommitmentRow> rows;
  auto& st = db.statement(std::string(commitment_select) + "WHERE c.agreement_id = ? ORDER BY c.id");
  st.bind(1, agreement_id);
  while (st.executeStep()) rows.push_back(read_commitment(st));
  return rows;
}

std::vector<PlacedCommitment> party_commitments(Database& db, std::int64_t party_id, Metric metric) {
  std::vector<PlacedCommitment> rows;
  // Two index ranges of commitment_party, merged in id order: the party's own pledges, and the
  // pledges without a pledging party whose agreement it is party to (a look-up per such pledge).
  // Walking the party's agreements instead read every pledge of a ministry that signs nearly
  // everything (347,000 at a million documents) to keep a few hundred. The unary '+' keeps the
  // metric off its index. The agreement's columns come in the same statement: one statement per
  // candidate cost as much as the rest of the progress link at a million documents.
  static const std::string columns =
      "SELECT c.id, c.agreement_id, c.party_id, p.name, c.metric, c.target, c.comparator, c.unit, c.qualifier, "
      "c.start, c.deadline, c.deadline_kind, c.deadline_text, c.manual_status, c.confidence, "
      "a.signed_on, a.region_code, r.name, a.city, a.place "
      "FROM commitment c LEFT JOIN party p ON p.id = c.party_id JOIN agreement a ON a.id = c.agreement_id "
      "LEFT JOIN region r ON r.code = a.region_code ";
  auto& st = db.statement(columns + "WHERE c.party_id = ?1 AND +c.metric = ?2 UNION ALL " + columns +
                          "WHERE c.party_id IS NULL AND +c.metric = ?2 AND EXISTS (SELECT 1 FROM agreement_party x "
                          "WHERE x.agreement_id = c.agreement_id AND x.party_id = ?1) ORDER BY 1");
  st.bind(1, party_id);
  st.bind(2, std::string(to_string(metric)));
  while (st.executeStep()) {
    PlacedCommitment r;
    r.commitment = read_commitment(st);
    r.signed_on = date_of(st.getColumn(15));
    r.region_code = st.getColumn(16).getString();
    r.region = st.getColumn(17).getString();
    r.city = st.getColumn(18).getString();
    r.place = st.getColumn(19).getString();
    rows.push_back(std::move(r));
  }
  return rows;
}

std::int64_t insert_evidence(Database& db, std::int64_t source_id, const Evidence& e, EvidenceFor what, std::int64_t id) {
  const char* sql = nullptr;
  switch (what) {
    case EvidenceFor::agreement: sql = "INSERT INTO evidence (source_id, start, end, text, agreement_id) VALUES (?, ?, ?, ?, ?)"; break;
    case EvidenceFor::claim: sql = "INSERT INTO evidence (source_id, start, end, text, claim_id) VALUES (?, ?, ?, ?, ?)"; break;
    case EvidenceFor::progress: sql = "INSERT INTO evidence (source_id, start, end, text, progress_id) VALUES (?, ?, ?, ?, ?)"; break;
    case EvidenceFor::milestone: sql = "INSERT INTO evidence (source_id, start, end, text, milestone_id) VALUES (?, ?, ?, ?, ?)"; break;
  }
  auto& st = db.statement(sql);
  st.bind(1, source_id);
  bind_offsets(st, 2, e);
  st.bind(4, e.text);
  st.bind(5, id);
  st.exec();
  return db.sql().getLastInsertRowid();
}

std::vector<EvidenceRow> evidence_for(Database& db, EvidenceFor what, std::int64_t id) {
  const char* sql = nullptr;
  switch (what) {
    case EvidenceFor::agreement: sql = "SELECT e.source_id, s.url, e.text, e.start, e.end FROM evidence e JOIN source s ON s.id = e.source_id WHERE e.agreement_id = ? ORDER BY e.id"; break;
    case EvidenceFor::claim: sql = "SELECT e.source_id, s.url, e.text, e.start, e.end FROM evidence e JOIN source s ON s.id = e.source_id WHERE e.claim_id = ? ORDER BY e.id"; break;
    case EvidenceFor::progress: sql = "SELECT e.source_id, s.url, e.text, e.start, e.end FROM evidence e JOIN source s ON s.id = e.source_id WHERE e.progress_id = ? ORDER BY e.id"; break;
    case EvidenceFor::milestone: sql = "SELECT e.source_id, s.url, e.text, e.start, e.end FROM evidence e JOIN source s ON s.id = e.source_id WHERE e.milestone_id = ? ORDER BY e.id"; break;
  }
  std::vector<EvidenceRow> rows;
  auto& st = db.statement(sql);
  st.bind(1, id);
  while (st.executeStep()) {
    EvidenceRow r;
    r.source_id = st.getColumn(0).getInt64();
    r.url = st.getColumn(1).getString();
    r.text = st.getColumn(2).getString();
    if (!st.getColumn(3).isNull()) r.start = st.getColumn(3).getInt64();
    if (!st.getColumn(4).isNull()) r.end = st.getColumn(4).getInt64();
    rows.push_back(std::move(r));
  }
  return rows;
}

std::int64_t insert_milestone(Database& db, std::int64_t commitment_id, const Milestone& m, std::optional<std::int64_t> source_id) {
  auto& st = db.statement("INSERT INTO milestone (commitment_id, due, target, text, source_id) VALUES (?, ?, ?, ?, ?)");
  st.bind(1, commitment_id);
  bind_date(st, 2, m.due);
  st.bind(3, m.target);
  bind_text(st, 4, m.text);
  bind_id(st, 5, source_id);
  st.exec();
  return db.sql().getLastInsertRowid();
}

bool milestone_exists(Database& db, std::int64_t commitment_id, const Milestone& m) {
  auto& st = db.statement("SELECT 1 FROM milestone WHERE commitment_id = ? AND due IS ? AND target = ?");
  st.bind(1, commitment_id);
  bind_date(st, 2, m.due);
  st.bind(3, m.target);
  return st.executeStep();
}

std::int64_t insert_progress(Database& db, const ProgressRow& p) {
  auto& st = db.statement(
      "INSERT INTO progress (commitment_id, as_of, value, unit, source_id, origin, note, source_url, confidence, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))");
  st.bind(1, p.commitment_id);
  st.bind(2, p.as_of.to_string());
  st.bind(3, p.value);
  bind_text(st, 4, p.unit);
  bind_id(st, 5, p.source_id);
  st.bind(6, p.origin);
  bind_text(st, 7, p.note);
  bind_text(st, 8, p.source_url);
  st.bind(9, p.confidence);
  st.exec();
  return db.sql().getLastInsertRowid();
}

std::vector<ProgressRow> list_progress(Database& db, std::optional<std::int64_t> commitment_id) {
  std::vector<ProgressRow> rows;
  // Two statements, not "?1 IS NULL OR ...": that form cannot use the progress index and
  // scanned every observation for each commitment shown.
  static constexpr const char* select =
      "SELECT p.id, p.commitment_id, p.as_of, p.value, p.unit, p.source_id, p.origin, p.note, "
      "coalesce(p.source_url, s.url), p.confidence FROM progress p LEFT JOIN source s ON s.id = p.source_id ";
  auto& st = commitment_id
                 ? db.statement(std::string(select) + "WHERE p.commitment_id = ?1 ORDER BY p.as_of, p.id")
                 : db.statement(std::string(select) + "ORDER BY p.commitment_id, p.as_of, p.id");
  if (commitment_id) st.bind(1, *commitment_id);
  while (st.executeStep()) {
    ProgressRow r;
    r.id = st.getColumn(0).getInt64();
    r.commitment_id = st.getColumn(1).getInt64();
    r.as_of = Date::parse(st.getColumn(2).getString());
    r.value = st.getColumn(3).getDouble();
    r.unit = st.getColumn(4).getString();
    if (!st.getColumn(5).isNull()) r.source_id = st.getColumn(5).getInt64();
    r.origin = st.getColumn(6).getString();
    r.note = st.getColumn(7).getString();
    r.source_url = st.getColumn(8).getString();
    r.confidence = st.getColumn(9).getDouble();
    rows.push_back(std::move(r));
  }
  return rows;
}

std::int64_t add_manual_progress(Database& db, std::int64_t commitment_id, double value, Date as_of,
                                 const std::string& source_url, const std::string& note) {
  if (!(value >= 0 && value < 1e15))
    throw InputError(fmt::format("progress value {}: must be a number between 0 and 1e15", value));
  WriteTransaction tx(db);
  const CommitmentRow c = get_commitment(db, commitment_id);
  ProgressRow p;
  p.commitment_id = commitment_id;
  p.as_of = as_of;
  p.value = value;
  p.unit = c.values.unit;
  p.origin = "manual";
  p.note = note;
  p.source_url = source_url;
  const auto id = insert_progress(db, p);
  tx.commit();
  return id;
}

std::int64_t set_commitment(Database& db, std::int64_t commitment_id, const ManualChange& change, Date on) {
  if (!change.target && !change.deadline && !change.status && change.note.empty())
    throw InputError(fmt::format("commitment {}: nothing to set (give --target, --deadline, --status or --note)", commitment_id));
  if (change.target && !(*change.target >= 0 && *change.target < 1e15))
    throw InputError(fmt::format("--target {}: must be a number between 0 and 1e15", *change.target));
  WriteTransaction tx(db);
  get_commitment(db, commitment_id);
  ClaimRow c;
  c.commitment_id = commitment_id;
  c.origin = "manual";
  c.target = change.target;
  c.deadline = change.deadline;
  if (change.deadline) c.deadline_kind = DeadlineKind::absolute;
  c.manual_status = change.status;
  c.note = change.note;
  c.claimed_on = on;
  const auto id = insert_claim(db, c);
  compile_commitment(db, commitment_id);
  tx.commit();
  return id;
}

}  // namespace pledgedb::store

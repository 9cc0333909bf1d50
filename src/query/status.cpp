#include "pledgedb/query/status.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

#include "pledgedb/error.hpp"
#include "pledgedb/store/commitments.hpp"

namespace pledgedb::query {

namespace {
constexpr std::array<std::pair<Status, std::string_view>, 10> status_names{{
    {Status::met, "met"},
    {Status::overdue, "overdue"},
    {Status::overdue_no_data, "overdue_no_data"},
    {Status::on_track, "on_track"},
    {Status::behind, "behind"},
    {Status::no_data, "no_data"},
    {Status::open, "open"},
    {Status::cancelled, "cancelled"},
    {Status::withdrawn, "withdrawn"},
    {Status::suspended, "suspended"},
}};

bool visible(const Claim& c, Date t) { return !c.claimed_on || *c.claimed_on <= t; }

// Precedence of claims for a value (DESIGN §5): manual first, then the newest, then the most
// confident. Returns the index of the winning claim among those that state the value.
template <class Has>
std::optional<std::size_t> pick(const std::vector<const Claim*>& claims, Has has) {
  std::optional<std::size_t> best;
  auto better = [](const Claim& a, const Claim& b) {  // a beats b
    if (a.manual != b.manual) return a.manual;
    if (a.claimed_on != b.claimed_on) return a.claimed_on.value_or(Date()) > b.claimed_on.value_or(Date());
    return a.confidence > b.confidence;
  };
  for (std::size_t i = 0; i < claims.size(); ++i) {
    if (!has(*claims[i])) continue;
    if (!best || better(*claims[i], *claims[*best])) best = i;
  }
  return best;
}

Status manual_to_status(ManualStatus m) {
  switch (m) {
    case ManualStatus::cancelled: return Status::cancelled;
    case ManualStatus::withdrawn: return Status::withdrawn;
    case ManualStatus::suspended: return Status::suspended;
  }
  return Status::cancelled;
}

double interpolate(Date a, double va, Date b, double vb, Date at) {
  const auto span = days_between(a, b);
  if (span <= 0) return at >= b ? vb : va;
  const double f = std::clamp(static_cast<double>(days_between(a, at)) / static_cast<double>(span), 0.0, 1.0);
  return va + (vb - va) * f;
}
}  // namespace

std::string_view to_string(Status s) {
  for (const auto& [v, n] : status_names)
    if (v == s) return n;
  return "no_data";
}

std::optional<Status> parse_status(std::string_view s) {
  for (const auto& [v, n] : status_names)
    if (n == s) return v;
  return std::nullopt;
}

bool known_at(const CommitmentFacts& f, Date t) {
  if (f.claims.empty()) return true;
  return std::any_of(f.claims.begin(), f.claims.end(), [&](const Claim& c) { return visible(c, t); });
}

std::optional<double> expected_at(std::optional<double> target, std::optional<Date> start,
                                  std::optional<Date> deadline, const std::vector<PaceMilestone>& milestones,
                                  Date at) {
  std::vector<PaceMilestone> points = milestones;
  std::sort(points.begin(), points.end(), [](const auto& a, const auto& b) { return a.due < b.due; });
  if (target && deadline && (points.empty() || points.back().due < *deadline)) points.push_back({*deadline, *target});
  if (points.empty()) return std::nullopt;
  if (!start) {
    // Without a start the pace between milestones is unknown: each milestone is a step.
    double v = 0;
    bool any = false;
    for (const auto& p : points)
      if (p.due <= at) v = p.target, any = true;
    if (milestones.empty()) return std::nullopt;  // a lone deadline without a start gives no pace
    return any ? v : 0.0;
  }
  if (at < *start) return 0.0;
  Date prev_date = *start;
  double prev_value = 0;
  for (const auto& p : points) {
    if (p.due <= prev_date) {  // due at or before the start: owed from the start
      prev_value = std::max(prev_value, p.target);
      continue;
    }
    if (at <= p.due) return interpolate(prev_date, prev_value, p.due, p.target, at);
    prev_date = p.due;
    prev_value = p.target;
  }
  return prev_value;
}

StatusResult compute_status(const CommitmentFacts& f, Date t, const StatusOptions& opt) {
  StatusResult r;
  r.start = f.start;

  // Values in force at T: the compiled ones, unless a claim dated after T helped compile them.
  std::vector<const Claim*> seen;
  bool hidden = false;
  for (const auto& c : f.claims) {
    if (visible(c, t)) seen.push_back(&c);
    else hidden = true;
  }
  r.target = f.target;
  r.deadline = f.deadline;
  std::optional<ManualStatus> manual = f.manual_status;
  if (hidden) {
    if (auto i = pick(seen, [](const Claim& c) { return c.target.has_value(); })) r.target = seen[*i]->target;
    if (auto i = pick(seen, [](const Claim& c) { return c.deadline.has_value(); })) r.deadline = seen[*i]->deadline;
    manual.reset();
    if (auto i = pick(seen, [](const Claim& c) { return c.manual_status.has_value(); })) manual = seen[*i]->manual_status;
  }

  // Revisions among the claims known at T, by the one rule `show` uses too
  // (store::revisions_from_claims): only a later statement that changes the value counts.
  std::vector<store::ClaimRow> rows;
  rows.reserve(seen.size());
  for (std::size_t i = 0; i < seen.size(); ++i) {
    store::ClaimRow row;
    row.id = static_cast<std::int64_t>(i + 1);
    row.origin = seen[i]->manual ? "manual" : "extracted";
    row.target = seen[i]->target;
    row.deadline = seen[i]->deadline;
    row.deadline_kind = seen[i]->deadline_kind;
    row.claimed_on = seen[i]->claimed_on;
    rows.push_back(std::move(row));
  }
  const auto revisions = store::revisions_from_claims(std::move(rows));
  r.rescheduled = revisions.rescheduled;
  r.downsized = revisions.downsized;
  r.upsized = revisions.upsized;

  // Observations up to T, oldest first; the latest is the stock, never the sum.
  std::vector<const Observation*> obs;
  for (const auto& o : f.observations)
    if (o.as_of <= t) obs.push_back(&o);
  std::stable_sort(obs.begin(), obs.end(), [](const auto* a, const auto* b) { return a->as_of < b->as_of; });
  if (!obs.empty()) {
    r.latest_value = obs.back()->value;
    r.latest_as_of = obs.back()->as_of;
    r.latest_source = obs.back()->source;
  }
  if (r.target) {
    for (const auto* o : obs)
      if (o->value >= *r.target) {
        r.met_on = o->as_of;
        break;
      }
    if (*r.target > 0 && r.latest_value) r.percent = *r.latest_value / *r.target * 100.0;
    r.shortfall = std::max(0.0, *r.target - r.latest_value.value_or(0.0));
    if (r.met_on) r.shortfall = 0.0;
  }
  if (r.deadline) r.days_to_deadline = days_between(t, *r.deadline);
  r.met_late = r.met_on && r.deadline && *r.met_on > *r.deadline;
  r.expected = expected_at(r.target, r.start, r.deadline, f.milestones, t);

  // Projection from the pace so far: value per day between the start and the latest observation.
  if (r.met_on) {
    r.projected = r.met_on;
  } else if (r.target && r.start && r.latest_value && *r.latest_value > 0 && *r.latest_as_of > *r.start) {
    const double per_day = *r.latest_value / static_cast<double>(days_between(*r.start, *r.latest_as_of));
    const double days = std::ceil((*r.target - *r.latest_value) / per_day);
    const double limit = static_cast<double>(Date(9999, 12, 31).days() - r.latest_as_of->days());
    if (days <= limit) r.projected = r.latest_as_of->add_days(static_cast<std::int64_t>(days));
  }

  if (manual) {
    r.status = manual_to_status(*manual);
  } else if (r.met_on) {
    r.status = Status::met;
  } else if (!r.deadline) {
    r.status = Status::open;
  } else if (*r.deadline < t) {
    r.status = obs.empty() ? Status::overdue_no_data : Status::overdue;
  } else if (obs.empty() || !r.target) {
    r.status = Status::no_data;
  } else if (r.expected && *r.latest_value < opt.behind_ratio * *r.expected) {
    r.status = Status::behind;
  } else {
    r.status = Status::on_track;
  }
  r.due_soon = !manual && !r.met_on && r.days_to_deadline && *r.days_to_deadline >= 0 &&
               *r.days_to_deadline <= opt.due_soon_days;
  return r;
}

std::int64_t parse_window_days(std::string_view text, Date from) {
  auto bad = [&] {
    return InputError(fmt::format("window '{}': expected a number followed by d, w, m or y (e.g. 180d, 6m)", text));
  };
  if (text.empty()) throw bad();
  std::size_t i = 0;
  std::int64_t n = 0;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
    n = n * 10 + (text[i] - '0');
    if (n > 100000) throw bad();
    ++i;
  }
  if (i == 0) throw bad();
  const std::string_view unit = text.substr(i);
  if (unit.empty() || unit == "d") return n;
  if (unit == "w") return n * 7;
  if (unit == "m" || unit == "y") {
    const int months = static_cast<int>(unit == "m" ? n : n * 12);
    if (months > 12 * 9000) throw bad();
    return days_between(from, from.add_months(months));
  }
  throw bad();
}

}  // namespace pledgedb::query

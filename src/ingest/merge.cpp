// Pure scoring of "is this the same agreement?" (docs/ingest.md, "Merging").
#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <cstdlib>

#include "pledgedb/ingest/ingest.hpp"
#include "pledgedb/text/normalize.hpp"

namespace pledgedb::ingest {

bool targets_close(double a, double b) {
  const double hi = std::max(std::fabs(a), std::fabs(b));
  if (hi == 0) return true;
  return std::fabs(a - b) <= 0.10 * hi;
}

bool programs_compatible(std::string_view a, std::string_view b) {
  auto words = [](std::string_view s) {
    std::set<std::string> w;
    std::string cur;
    for (char c : text::fold(s) + " ") {
      if (c == ' ') {
        if (!cur.empty()) w.insert(cur);
        cur.clear();
      } else {
        cur += c;
      }
    }
    return w;
  };
  const auto wa = words(a), wb = words(b);
  if (wa.empty() || wb.empty()) return true;
  return std::includes(wa.begin(), wa.end(), wb.begin(), wb.end()) || std::includes(wb.begin(), wb.end(), wa.begin(), wa.end());
}

namespace {
enum class Overlap { none, revised, restated };

// `restated`: some pledge says the same thing (same metric, targets within 10%, or the same
// deadline year when a side states no target). `revised`: only the deadline year is shared
// while both targets are known and differ (a revised number, or another project).
Overlap pledges_overlap(const std::vector<Pledge>& a, const std::vector<Pledge>& b) {
  Overlap best = Overlap::none;
  for (const auto& x : a)
    for (const auto& y : b) {
      if (x.metric != y.metric) continue;
      if (x.target && y.target && targets_close(*x.target, *y.target)) return Overlap::restated;
      if (x.deadline && y.deadline && x.deadline->year() == y.deadline->year())
        best = x.target && y.target ? Overlap::revised : Overlap::restated;
      if (best == Overlap::restated) return best;
    }
  return best;
}

std::int64_t distance_days(const std::optional<Date>& lo1, const std::optional<Date>& hi1, const std::optional<Date>& lo2,
                           const std::optional<Date>& hi2) {
  // Distance between two date ranges (0 when they overlap).
  if (*hi1 < *lo2) return days_between(*hi1, *lo2);
  if (*hi2 < *lo1) return days_between(*hi2, *lo1);
  return 0;
}
}  // namespace

MergeScore score_merge(const MergeFacts& existing, const MergeFacts& incoming, RegionRelation region) {
  MergeScore s;
  const bool program_ok = programs_compatible(existing.program, incoming.program);
  s.compatible = region != RegionRelation::different && program_ok;
  const Overlap overlap = pledges_overlap(existing.pledges, incoming.pledges);
  int dates = 0;
  if (existing.signed_on && incoming.signed_on) {
    const auto d = std::llabs(days_between(*existing.signed_on, *incoming.signed_on));
    dates = d <= 45 ? 2 : -3;
  } else {
    // Signing unknown on one side: compare the spans of known dates (publications, signing).
    auto span = [](const MergeFacts& f) {
      std::optional<Date> lo = f.first_published, hi = f.last_published ? f.last_published : f.first_published;
      if (f.signed_on) {
        if (!lo || *f.signed_on < *lo) lo = f.signed_on;
        if (!hi || *f.signed_on > *hi) hi = f.signed_on;
      }
      return std::pair{lo, hi};
    };
    const auto [lo1, hi1] = span(existing);
    const auto [lo2, hi2] = span(incoming);
    if (lo1 && lo2) dates = distance_days(lo1, hi1, lo2, hi2) <= 120 ? 1 : -2;
  }
  // A later article restating the pledge (a follow-up, a progress report) is a claim on the same
  // commitment however far apart the publications: that distance only counts against pledges that
  // differ. Two signing dates far apart stay two signings (the same company's second project with
  // the same round number of jobs).
  if (dates < 0 && overlap == Overlap::restated && !(existing.signed_on && incoming.signed_on)) dates = 0;
  s.score += dates;
  if (overlap != Overlap::none) s.score += 2;
  if (region == RegionRelation::same && !existing.region_code.empty()) s.score += 1;
  s.match = s.compatible && s.score >= merge_threshold;
  return s;
}

}  // namespace pledgedb::ingest

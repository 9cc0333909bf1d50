// Pure scoring of "is this the same agreement?" (docs/ingest.md, "Merging").
#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <cstdlib>
#include <optional>
#include <utility>

#include "pledgedb/ingest/ingest.hpp"
#include "pledgedb/text/normalize.hpp"

namespace pledgedb::ingest {

bool targets_close(double a, double b) {
  const double hi = std::max(std::fabs(a), std::fabs(b));
  if (hi == 0) return true;
  return std::fabs(a - b) <= 0.10 * hi;
}

std::optional<double> approximate_usd(std::string_view unit) {
  // Rough US dollars per unit (2020s levels). Only compared with a 25% tolerance: enough to tell
  // "19.4 billion shillings" = "150 million dollars" from another amount, not an exchange rate.
  struct Rate {
    std::string_view code;
    double usd;
  };
  static constexpr Rate rates[] = {
      {"USD", 1},        {"$", 1},          {"US$", 1},        {"EUR", 1.1},      {"€", 1.1},
      {"GBP", 1.27},     {"£", 1.27},       {"CHF", 1.12},     {"CAD", 0.74},     {"AUD", 0.66},
      {"JPY", 0.0068},   {"CNY", 0.14},     {"RMB", 0.14},     {"INR", 0.012},    {"RS", 0.012},
      {"₹", 0.012},      {"MAD", 0.1},      {"DH", 0.1},       {"DHS", 0.1},      {"MDH", 0.1},
      {"AED", 0.27},     {"SAR", 0.27},     {"QAR", 0.27},     {"KWD", 3.25},     {"BHD", 2.65},
      {"OMR", 2.6},      {"EGP", 0.03},     {"TND", 0.32},     {"DZD", 0.0074},   {"KES", 0.0077},
      {"KSH", 0.0077},   {"MXN", 0.055},    {"BRL", 0.19},     {"ZAR", 0.055},    {"NGN", 0.0009},
      {"XOF", 0.0017},   {"XAF", 0.0017},   {"TRY", 0.035},    {"KRW", 0.00075},  {"SGD", 0.74},
  };
  std::string key;
  for (char c : unit)
    if (c != ' ' && c != '.') key += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  for (const auto& r : rates)
    if (key == r.code) return r.usd;
  return std::nullopt;
}

namespace {

// The values a statement allows: "more than N" is not less than N and rarely half as much again.
std::pair<double, double> range_of(double v, Comparator c) {
  switch (c) {
    case Comparator::at_least: return {v, v * 1.5};
    case Comparator::about: return {v * 0.85, v * 1.15};
    case Comparator::up_to: return {v / 1.5, v};
    case Comparator::exactly: break;
  }
  return {v, v};
}

// The gap between two ranges relative to the larger end (0 when they overlap).
double relative_gap(std::pair<double, double> a, std::pair<double, double> b) {
  const double hi = std::max(std::fabs(a.second), std::fabs(b.second));
  if (hi == 0) return 0;
  const double gap = a.second < b.first ? b.first - a.second : b.second < a.first ? a.first - b.second : 0.0;
  return gap / hi;
}

}  // namespace

bool pledges_agree(const Pledge& a, const Pledge& b) {
  if (a.metric != b.metric || !a.target || !b.target) return false;
  auto ra = range_of(*a.target, a.comparator), rb = range_of(*b.target, b.comparator);
  const auto ua = approximate_usd(a.unit), ub = approximate_usd(b.unit);
  if (ua.has_value() != ub.has_value() && a.metric == Metric::investment && !a.unit.empty() && !b.unit.empty())
    return false;  // money against something that is not (or an unknown currency)
  if (ua && ub && *ua != *ub) {
    ra = {ra.first * *ua, ra.second * *ua};
    rb = {rb.first * *ub, rb.second * *ub};
    return relative_gap(ra, rb) <= 0.25;
  }
  return relative_gap(ra, rb) <= 0.10;
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

// `restated`: some pledge says the same thing (same metric, amounts agreeing, or the same
// deadline year when a side states no target). `revised`: only the deadline year is shared
// while both targets are known and differ (a revised number, or another project).
Overlap pledges_overlap(const std::vector<Pledge>& a, const std::vector<Pledge>& b) {
  Overlap best = Overlap::none;
  for (const auto& x : a)
    for (const auto& y : b) {
      if (x.metric != y.metric) continue;
      if (pledges_agree(x, y)) return Overlap::restated;
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

bool signings_rule_out_merge(const std::optional<Date>& existing_signed, const std::optional<Date>& incoming_signed) {
  return existing_signed && incoming_signed && std::llabs(days_between(*existing_signed, *incoming_signed)) > 45;
}

namespace {
bool undated(const MergeFacts& f) { return !f.signed_on && !f.first_published && !f.last_published; }
}  // namespace

bool sole_in_region_counts(const MergeFacts& existing, const MergeFacts& incoming) {
  return undated(existing) || undated(incoming);
}

MergeScore score_merge(const MergeFacts& existing, const MergeFacts& incoming, RegionRelation region,
                       const MergeContext& context) {
  MergeScore s;
  const bool program_ok = programs_compatible(existing.program, incoming.program);
  s.compatible = region != RegionRelation::different && program_ok;
  const Overlap overlap = pledges_overlap(existing.pledges, incoming.pledges);
  int dates = 0;
  if (existing.signed_on && incoming.signed_on) {
    dates = signings_rule_out_merge(existing.signed_on, incoming.signed_on) ? -3 : 2;
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
  // An article with no date at all (a follow-up, a profile) about the investor's only project of
  // this kind in this region is about that project: nothing contradicts it and nothing else fits.
  // Only below the country level: a country holds too many projects of one company.
  if (context.sole_in_region && region == RegionRelation::same && existing.region_code.find('-') != std::string::npos &&
      sole_in_region_counts(existing, incoming))
    s.score += 1;
  s.match = s.compatible && s.score >= merge_threshold;
  return s;
}

}  // namespace pledgedb::ingest

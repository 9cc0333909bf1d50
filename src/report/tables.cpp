#include "pledgedb/report/tables.hpp"

#include <cmath>

namespace pledgedb::report {

namespace {
Cell text(const std::string& s) { return s.empty() ? Cell{} : Cell{s}; }
Cell num(const std::optional<double>& v) { return v ? Cell{*v} : Cell{}; }
Cell integer(const std::optional<std::int64_t>& v) { return v ? Cell{*v} : Cell{}; }
Cell date(const std::optional<Date>& d) { return d ? Cell{d->to_string()} : Cell{}; }
// Percentages to one decimal: 33.3, not 33.333333.
Cell percent(const std::optional<double>& v) {
  return v ? Cell{std::round(*v * 10.0) / 10.0} : Cell{};
}
Cell rounded(const std::optional<double>& v) { return v ? Cell{std::round(*v)} : Cell{}; }
Cell flags(const query::StatusResult& s) { return Cell{nlohmann::json(status_flags(s))}; }
}  // namespace

std::vector<std::string> status_flags(const query::StatusResult& s) {
  std::vector<std::string> f;
  if (s.met_late) f.emplace_back("met_late");
  if (s.rescheduled) f.emplace_back("rescheduled");
  if (s.downsized) f.emplace_back("downsized");
  if (s.upsized) f.emplace_back("upsized");
  if (s.due_soon) f.emplace_back("due_soon");
  return f;
}

Table pledges_table(const std::vector<query::Pledge>& pledges) {
  using T = ColumnType;
  Table t;
  t.columns = {{"id", T::integer},          {"agreement_id", T::integer}, {"party", T::text},
               {"metric", T::text},         {"target", T::number},        {"comparator", T::text},
               {"unit", T::text},           {"deadline", T::date},        {"latest_value", T::number},
               {"latest_as_of", T::date},   {"percent", T::number},       {"expected", T::number},
               {"status", T::text},         {"flags", T::json},           {"region_code", T::text},
               {"region", T::text},         {"country", T::text},         {"title", T::text},
               {"program", T::text},        {"sector", T::text}};
  for (const auto& p : pledges) {
    const auto& s = p.status;
    t.rows.push_back({Cell{p.id}, Cell{p.agreement_id}, text(p.party), Cell{std::string(to_string(p.metric))},
                      num(s.target), Cell{std::string(to_string(p.comparator))}, text(p.unit), date(s.deadline),
                      num(s.latest_value), date(s.latest_as_of), percent(s.percent), rounded(s.expected),
                      Cell{std::string(query::to_string(s.status))}, flags(s), text(p.region_code), text(p.region),
                      text(p.country), text(p.title), text(p.program), text(p.sector)});
  }
  return t;
}

Table overdue_table(const std::vector<query::Pledge>& pledges) {
  using T = ColumnType;
  Table t;
  t.columns = {{"id", T::integer},         {"party", T::text},        {"metric", T::text},
               {"title", T::text},         {"region", T::text},       {"deadline", T::date},
               {"days_overdue", T::integer}, {"target", T::number},   {"unit", T::text},
               {"latest_value", T::number}, {"latest_as_of", T::date}, {"percent", T::number},
               {"shortfall", T::number},   {"status", T::text},       {"source_url", T::text}};
  for (const auto& p : pledges) {
    const auto& s = p.status;
    std::optional<std::int64_t> days;
    if (s.days_to_deadline) days = -*s.days_to_deadline;
    t.rows.push_back({Cell{p.id}, text(p.party), Cell{std::string(to_string(p.metric))}, text(p.title), text(p.region),
                      date(s.deadline), integer(days), num(s.target), text(p.unit), num(s.latest_value),
                      date(s.latest_as_of), percent(s.percent), num(s.shortfall),
                      Cell{std::string(query::to_string(s.status))}, text(s.latest_source)});
  }
  return t;
}

Table due_table(const std::vector<query::Pledge>& pledges) {
  using T = ColumnType;
  Table t;
  t.columns = {{"id", T::integer},       {"party", T::text},         {"metric", T::text},
               {"title", T::text},       {"region", T::text},        {"deadline", T::date},
               {"days_left", T::integer}, {"target", T::number},     {"unit", T::text},
               {"latest_value", T::number}, {"latest_as_of", T::date}, {"percent", T::number},
               {"expected", T::number},  {"status", T::text},        {"projected", T::date}};
  for (const auto& p : pledges) {
    const auto& s = p.status;
    t.rows.push_back({Cell{p.id}, text(p.party), Cell{std::string(to_string(p.metric))}, text(p.title), text(p.region),
                      date(s.deadline), integer(s.days_to_deadline), num(s.target), text(p.unit),
                      num(s.latest_value), date(s.latest_as_of), percent(s.percent), rounded(s.expected),
                      Cell{std::string(query::to_string(s.status))}, date(s.projected)});
  }
  return t;
}

Table regions_table(const std::vector<query::RegionTotals>& regions) {
  using T = ColumnType;
  Table t;
  t.columns = {{"region_code", T::text},  {"region", T::text},        {"country", T::text},
               {"agreements", T::integer}, {"commitments", T::integer}, {"pledged_jobs", T::number},
               {"achieved_jobs", T::number}, {"investment", T::json},   {"overdue", T::integer}};
  for (const auto& r : regions) {
    nlohmann::json inv = nlohmann::json::object();
    for (const auto& [currency, amount] : r.investment) {
      if (amount == std::floor(amount) && std::fabs(amount) < 9e15) inv[currency] = static_cast<std::int64_t>(amount);
      else inv[currency] = amount;
    }
    t.rows.push_back({text(r.region_code), text(r.region), text(r.country), Cell{r.agreements}, Cell{r.commitments},
                      Cell{r.pledged_jobs}, Cell{r.achieved_jobs}, Cell{inv}, Cell{r.overdue}});
  }
  return t;
}

}  // namespace pledgedb::report

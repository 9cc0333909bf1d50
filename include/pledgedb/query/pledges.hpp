#pragma once
// Pledges with their status as of a date, the overdue and due-soon lists and per-region totals.
// Typed results; pledgedb::report turns them into tables and HTML.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pledgedb/date.hpp"
#include "pledgedb/model.hpp"
#include "pledgedb/query/status.hpp"
#include "pledgedb/store/database.hpp"

namespace pledgedb::query {

// Filters of `pledges`; empty fields do not filter. Throws NotFoundError for a region or party
// that matches nothing, InputError for an unknown metric, status or sort field.
struct PledgeFilter {
  std::string region;   // code or any alias in any script; includes sub-regions
  std::string country;  // ISO 3166-1 alpha-2
  std::string party;    // name or alias (folded); pledging party or any party to the agreement
  std::string metric;   // jobs, investment, training, capacity, other
  std::vector<std::string> statuses;  // computed statuses to keep (any of them)
  std::string program;
  std::string sector;
  std::optional<Date> due_before;  // deadline (as of T) < D
  std::optional<Date> due_after;   // deadline (as of T) > D
  std::string sort;  // a column name, "-name" for descending; default deadline then id
  // At most this many rows (0 = all), after sorting. In deadline order (the default sort, the
  // overdue and due lists) reading stops once the page is full.
  std::size_t limit = 0;
};

// What a limit cut off: `more` is set when rows were left out; `total` is the full count when
// it was computed anyway (a sort other than by deadline reads every row), unknown otherwise.
struct Truncation {
  bool more = false;
  std::optional<std::size_t> total;
};

struct Pledge {
  std::int64_t id = 0;
  std::int64_t agreement_id = 0;
  std::string party;
  Metric metric = Metric::other;
  Comparator comparator = Comparator::exactly;
  std::string unit, qualifier, deadline_text;
  std::string title, program, sector, country, region_code, region;
  std::optional<std::int64_t> latest_progress_id;
  StatusResult status;  // target, deadline and start as of T live here
};

std::vector<Pledge> list_pledges(store::Database& db, const PledgeFilter& filter, Date as_of,
                                 const StatusOptions& options = {}, Truncation* cut = nullptr);

// overdue and overdue_no_data as of T, most days overdue first (then id).
std::vector<Pledge> overdue_pledges(store::Database& db, Date as_of, const PledgeFilter& filter = {},
                                    Truncation* cut = nullptr);

// Pledges whose deadline (as of T) falls in [T, T + window_days], not met and not closed by
// hand, soonest first.
std::vector<Pledge> due_pledges(store::Database& db, Date as_of, std::int64_t window_days,
                                const PledgeFilter& filter = {}, Truncation* cut = nullptr);

// Totals per first-level region (agreements without a region get one row per country with an
// empty region_code).
struct RegionTotals {
  std::string region_code, region, country;
  std::int64_t agreements = 0;
  std::int64_t commitments = 0;
  double pledged_jobs = 0;
  double achieved_jobs = 0;                 // latest observation per jobs commitment, as of T
  std::map<std::string, double> investment;  // currency -> pledged amount; never summed across currencies
  std::int64_t overdue = 0;                  // overdue + overdue_no_data
};
std::vector<RegionTotals> region_totals(store::Database& db, Date as_of, std::string_view country = {});

// Sorts by a column of the pledges table ("deadline", "-percent"...): nulls last, ties by id.
void sort_pledges(std::vector<Pledge>& pledges, std::string_view field);
// The column names sort_pledges accepts.
const std::vector<std::string_view>& pledge_sort_fields();

}  // namespace pledgedb::query

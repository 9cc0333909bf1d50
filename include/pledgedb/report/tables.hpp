#pragma once
// Result tables of `pledges` and `report overdue|due|regions` (the columns are the JSON keys
// documented in docs/reports.md).
#include <vector>

#include "pledgedb/query/pledges.hpp"
#include "pledgedb/report/table.hpp"

namespace pledgedb::report {

Table pledges_table(const std::vector<query::Pledge>& pledges);
Table overdue_table(const std::vector<query::Pledge>& pledges);
Table due_table(const std::vector<query::Pledge>& pledges);
Table regions_table(const std::vector<query::RegionTotals>& regions);

// Flags of a status as names: met_late, rescheduled, downsized, upsized, due_soon.
std::vector<std::string> status_flags(const query::StatusResult& s);

}  // namespace pledgedb::report

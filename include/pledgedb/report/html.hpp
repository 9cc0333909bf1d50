#pragma once
// `report html`: one self-contained page (inline CSS and SVG, no scripts, no fetched resources)
// with totals, a progress bar per commitment, the overdue and region tables, and the quoted
// evidence with its source link for every number.
#include <cstdint>
#include <string>
#include <string_view>

#include "pledgedb/date.hpp"
#include "pledgedb/query/pledges.hpp"
#include "pledgedb/store/database.hpp"

namespace pledgedb::report {

struct HtmlOptions {
  std::string title = "Pledges";
  query::PledgeFilter filter;  // which commitments the page covers (default: all)
};

std::string html_report(store::Database& db, Date as_of, const HtmlOptions& options = {});

// & < > " ' as entities: safe in text and in quoted attribute values.
std::string html_escape(std::string_view s);
// Only http:// and https:// URLs become links; anything else (javascript:, data:...) is text.
bool is_http_url(std::string_view url);

}  // namespace pledgedb::report

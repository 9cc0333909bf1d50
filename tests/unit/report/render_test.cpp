#include <doctest/doctest.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <sstream>

#include "pledgedb/report/table.hpp"

using namespace pledgedb::report;

namespace {
std::string render_as(const Table& t, Format f, bool headers = true) {
  std::ostringstream ss;
  RenderOptions o;
  o.headers = headers;
  render(t, f, ss, o);
  return ss.str();
}

std::vector<std::string> lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

// Terminal columns before byte offset `end`: combining marks take none.
std::size_t columns_before(const std::string& s, std::size_t end) {
  std::size_t w = 0;
  std::int32_t i = 0;
  while (static_cast<std::size_t>(i) < end) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, static_cast<std::int32_t>(s.size()), c);
    if (u_charType(c) != U_NON_SPACING_MARK) ++w;
  }
  return w;
}

Table sample() {
  Table t;
  t.columns = {{"party", ColumnType::text}, {"target", ColumnType::number}, {"deadline", ColumnType::date}};
  t.rows.push_back({std::string("Atlas, \"Motors\""), 1500000000.0, std::string("2026-12-31")});
  t.rows.push_back({std::string("مُحَمَّد للاستثمار"), 0.75, std::monostate{}});
  t.rows.push_back({std::string("a|b *bold* <script>alert(1)</script>"), std::int64_t{12}, std::string("2025-01-01")});
  return t;
}
}  // namespace

TEST_CASE("csv: full numbers, RFC 4180 quoting, CRLF, optional headers") {
  auto s = render_as(sample(), Format::csv);
  auto l = lines(s);
  REQUIRE(l.size() == 4);
  CHECK(l[0] == "party,target,deadline\r");
  CHECK(l[1] == "\"Atlas, \"\"Motors\"\"\",1500000000,2026-12-31\r");
  CHECK(l[2] == "مُحَمَّد للاستثمار,0.75,\r");
  CHECK(s.find("1,500") == std::string::npos);
  CHECK(s.find("e+") == std::string::npos);
  CHECK(lines(render_as(sample(), Format::csv, false)).size() == 3);
  Table nl;
  nl.columns = {{"text", ColumnType::text}};
  nl.rows.push_back({std::string("two\nlines")});
  CHECK(render_as(nl, Format::csv, false) == "\"two\nlines\"\r\n");
}

TEST_CASE("tsv: one line per row, tabs and newlines in cells become spaces") {
  Table t;
  t.columns = {{"a", ColumnType::text}, {"b", ColumnType::integer}};
  t.rows.push_back({std::string("x\ty\nz"), std::int64_t{1234567}});
  CHECK(render_as(t, Format::tsv) == "a\tb\nx y z\t1234567\n");
  CHECK(render_as(t, Format::tsv, false) == "x y z\t1234567\n");
}

TEST_CASE("json: [] when empty, an object per row, nulls and nested values kept") {
  Table t;
  t.columns = {{"id", ColumnType::integer}, {"target", ColumnType::number}, {"flags", ColumnType::json},
               {"deadline", ColumnType::date}, {"ok", ColumnType::boolean}};
  CHECK(nlohmann::json::parse(render_as(t, Format::json)) == nlohmann::json::array());
  t.rows.push_back({std::int64_t{7}, 1500000000.0, nlohmann::json::array({"due_soon"}), std::monostate{}, true});
  t.rows.push_back({std::int64_t{8}, 0.5, nlohmann::json::object({{"MAD", 5}}), std::string("2026-01-01"), false});
  auto j = nlohmann::json::parse(render_as(t, Format::json));
  REQUIRE(j.size() == 2);
  CHECK(j[0]["id"] == 7);
  CHECK(j[0]["target"].is_number_integer());
  CHECK(j[0]["target"] == 1500000000);
  CHECK(j[0]["flags"][0] == "due_soon");
  CHECK(j[0]["deadline"].is_null());
  CHECK(j[0]["ok"] == true);
  CHECK(j[1]["target"] == 0.5);
  CHECK(j[1]["flags"]["MAD"] == 5);
  CHECK(render_as(Table{t.columns, {}}, Format::ndjson).empty());
}

TEST_CASE("ndjson: one compact object per line") {
  auto l = lines(render_as(sample(), Format::ndjson));
  REQUIRE(l.size() == 3);
  auto j = nlohmann::json::parse(l[1]);
  CHECK(j["party"] == "مُحَمَّد للاستثمار");
  CHECK(j["deadline"].is_null());
  CHECK(nlohmann::json::parse(l[2])["party"] == "a|b *bold* <script>alert(1)</script>");
}

TEST_CASE("markdown: pipes, markup and HTML are escaped - numbers right-aligned") {
  auto s = render_as(sample(), Format::md);
  auto l = lines(s);
  REQUIRE(l.size() == 5);
  CHECK(l[0] == "| party | target | deadline |");
  CHECK(l[1] == "| --- | ---: | --- |");
  CHECK(l[4] == "| a\\|b \\*bold\\* &lt;script&gt;alert(1)&lt;/script&gt; | 12 | 2025-01-01 |");
  CHECK(s.find("<script>") == std::string::npos);
  CHECK(lines(render_as(sample(), Format::md, false)).size() == 3);
}

TEST_CASE("table: columns aligned by display width, Arabic diacritics take no column") {
  auto l = lines(render_as(sample(), Format::table));
  REQUIRE(l.size() == 5);
  CHECK(l[1].find_first_not_of("- ") == std::string::npos);  // the rule under the header
  // Every row's deadline column starts at the same terminal column, Arabic row included.
  auto date_col = [&](const std::string& line, const std::string& value) {
    return columns_before(line, line.find(value));
  };
  const auto at = date_col(l[2], "2026-12-31");
  CHECK(date_col(l[0], "deadline") == at);
  CHECK(date_col(l[4], "2025-01-01") == at);
  // Numbers are right-aligned: "0.75" ends where "1500000000" ends.
  CHECK(columns_before(l[3], l[3].find("0.75") + 4) == columns_before(l[2], l[2].find("1500000000") + 10));
  CHECK(l[3].back() != ' ');  // no trailing blanks after an empty last cell
  CHECK(lines(render_as(sample(), Format::table, false)).size() == 3);
}

TEST_CASE("format names parse and print") {
  for (auto f : {Format::table, Format::csv, Format::tsv, Format::json, Format::ndjson, Format::md})
    CHECK(parse_format(to_string(f)) == f);
  CHECK(parse_format("markdown") == Format::md);
  CHECK_FALSE(parse_format("xml").has_value());
  CHECK_THROWS_AS(sample().column("nope"), std::out_of_range);
  CHECK(sample().column("deadline") == 2);
}

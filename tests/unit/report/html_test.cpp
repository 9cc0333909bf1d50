#include <doctest/doctest.h>

#include "fixtures/reports/seed.hpp"
#include "pledgedb/report/html.hpp"
#include "pledgedb/report/tables.hpp"

using namespace pledgedb;
using namespace pledgedb::report;

namespace {
std::size_t count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (auto p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
  return n;
}
// The page without its <a ...>...</a> elements: what is left must not point anywhere.
std::string without_links(std::string s) {
  for (auto p = s.find("<a "); p != std::string::npos; p = s.find("<a ", p)) {
    auto e = s.find("</a>", p);
    REQUIRE(e != std::string::npos);
    s.erase(p, e + 4 - p);
  }
  return s;
}
}  // namespace

TEST_CASE("html escaping and URL checks") {
  CHECK(html_escape("<b a=\"x\" c='y'>&</b>") == "&lt;b a=&quot;x&quot; c=&#39;y&#39;&gt;&amp;&lt;/b&gt;");
  CHECK(is_http_url("https://example.org/a?b=c&d"));
  CHECK(is_http_url("HTTP://EXAMPLE.ORG"));
  CHECK_FALSE(is_http_url("javascript:alert(1)"));
  CHECK_FALSE(is_http_url("https://"));
  CHECK_FALSE(is_http_url("https://x.org/\" onmouseover=\"alert(1)"));
  CHECK_FALSE(is_http_url("data:text/html,<script>"));
}

TEST_CASE("the HTML report is self-contained and escapes everything from the database") {
  seed::TempDb t;
  t.morocco();
  const auto good = t.source(std::string("2023-01-10"), std::string("https://news.example/a?x=1&y=2"), "x");
  const auto evil = t.source(std::string("2023-02-01"), std::string("javascript:alert(2)"), "x");
  const auto party = t.party("<script>alert(1)</script>");
  const auto a = t.agreement("Usine \"Atlas\" & co", std::string("MA-CAS"), std::string("MA"), std::string("2023-01-10"), std::nullopt, good);
  const auto c = t.commitment(a, party, "jobs", 1000, "jobs", std::string("2023-01-10"), std::string("2026-01-10"));
  const auto k = t.claim(c, good, std::string("2023-01-10"), 1000, std::string("2026-01-10"));
  t.evidence_for_claim(good, k, "سيتم خلق 1000 منصب شغل <b>خلال</b> ثلاث سنوات");
  const auto k2 = t.claim(c, evil, std::string("2023-02-01"), 1000, std::string("2026-01-10"));
  t.evidence_for_claim(evil, k2, "1000 jobs 'quoted'");
  t.progress(c, "2024-01-10", 200, good);
  const auto late = t.commitment(a, party, "investment", 2e8, "EUR", std::nullopt, std::string("2024-01-01"));
  t.claim(late, good, std::string("2023-01-10"), 2e8, std::string("2024-01-01"));

  const auto h = html_report(*t.db, Date::parse("2024-06-01"));
  CHECK(h.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(count(h, "<script") == 0);
  CHECK(count(h, "&lt;script&gt;alert(1)&lt;/script&gt;") >= 2);  // card and overdue table
  CHECK(h.find("Usine &quot;Atlas&quot; &amp; co") != std::string::npos);
  CHECK(h.find("&lt;b&gt;خلال&lt;/b&gt;") != std::string::npos);
  CHECK(h.find("&#39;quoted&#39;") != std::string::npos);
  // Only http(s) sources become links, with & escaped inside the attribute.
  CHECK(h.find("<a href=\"https://news.example/a?x=1&amp;y=2\"") != std::string::npos);
  CHECK(h.find("href=\"javascript") == std::string::npos);
  CHECK(h.find("javascript:alert(2)") != std::string::npos);  // shown as text
  // Nothing is fetched: no src attributes, stylesheets, imports or remote URLs outside links.
  const auto rest = without_links(h);
  CHECK(rest.find("http://") == std::string::npos);
  CHECK(rest.find("https://") == std::string::npos);
  CHECK(rest.find(" src=") == std::string::npos);
  CHECK(rest.find("<link") == std::string::npos);
  CHECK(rest.find("@import") == std::string::npos);
  CHECK(rest.find("url(") == std::string::npos);
  // One bar per commitment, a pace marker where the pace is known, dir=auto on text.
  CHECK(count(h, "<svg class=\"bar\"") == 2);
  CHECK(count(h, "class=\"pace\"") == 2);
  CHECK(h.find("dir=\"auto\"") != std::string::npos);
  CHECK(h.find("<time id=\"as-of\" datetime=\"2024-06-01\">") != std::string::npos);
  CHECK(h.find("<b id=\"total-overdue\">1</b>") != std::string::npos);
  CHECK(h.find("<b id=\"total-pledged-jobs\">1\u202f000</b>") != std::string::npos);
  CHECK(h.find("<section id=\"overdue\">") < h.find("<section id=\"regions\">"));
}

TEST_CASE("result tables carry the documented columns") {
  query::Pledge p;
  p.id = 3;
  p.metric = Metric::jobs;
  p.status.status = query::Status::overdue;
  p.status.days_to_deadline = -12;
  p.status.target = 100;
  p.status.percent = 33.333;
  p.status.rescheduled = true;
  auto t = pledges_table({p});
  CHECK(std::get<std::string>(t.rows[0][t.column("status")]) == "overdue");
  CHECK(std::get<double>(t.rows[0][t.column("percent")]) == doctest::Approx(33.3));
  CHECK(std::get<nlohmann::json>(t.rows[0][t.column("flags")]) == nlohmann::json::array({"rescheduled"}));
  auto o = overdue_table({p});
  CHECK(std::get<std::int64_t>(o.rows[0][o.column("days_overdue")]) == 12);
  query::RegionTotals r;
  r.region_code = "MA-06";
  r.investment = {{"MAD", 5e9}, {"USD", 1.5}};
  auto rt = regions_table({r});
  const auto inv = std::get<nlohmann::json>(rt.rows[0][rt.column("investment")]);
  CHECK(inv["MAD"].is_number_integer());
  CHECK(inv["MAD"] == 5000000000);
  CHECK(inv["USD"] == 1.5);
}

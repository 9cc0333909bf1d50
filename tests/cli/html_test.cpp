// report html: one self-contained page, escaped, and (when Chromium is installed) really rendered.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "fixtures/reports/cli_seed.hpp"
#include "support/run.hpp"

using reports_fixture::at;

namespace {
std::size_t count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (auto p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
  return n;
}
std::string without_links(std::string s) {
  for (auto p = s.find("<a "); p != std::string::npos; p = s.find("<a ", p)) {
    auto e = s.find("</a>", p);
    REQUIRE(e != std::string::npos);
    s.erase(p, e + 4 - p);
  }
  return s;
}

const char* chromium_path = "/usr/bin/chromium";

// Runs headless Chromium with everything that could reach the network switched off.
int chromium(const test::Scratch& s, const std::string& mode, const std::string& url, const std::string& out,
             const std::string& err) {
  const std::string cmd = std::string(chromium_path) +
                          " --headless --no-sandbox --disable-gpu --disable-quic --no-first-run"
                          " --disable-background-networking --disable-component-update --disable-sync"
                          " --enable-logging=stderr --v=0 --user-data-dir=" +
                          test::shell_quote(s.path("profile").string()) + " " + mode + " " + test::shell_quote(url) +
                          " > " + test::shell_quote(out) + " 2> " + test::shell_quote(err);
  return std::system(cmd.c_str());
}
}  // namespace

TEST_CASE("report html writes one self-contained, escaped page") {
  test::Scratch s;
  reports_fixture::build(s);
  const auto file = s.path("report.html").string();
  auto r = at(s, "2025-06-01", {"-o", file, "report", "html", "--title", "Pledges & <progress>"});
  REQUIRE_MESSAGE(r.code == 0, r.err);
  CHECK(r.err.find("wrote " + file) != std::string::npos);
  CHECK(r.out.empty());
  const auto h = test::slurp(file);
  CHECK(count(h, "<script") == 0);
  CHECK(count(h, "&lt;script&gt;alert(1)&lt;/script&gt; Nuage") >= 2);
  CHECK(h.find("Pledges &amp; &lt;progress&gt;") != std::string::npos);
  CHECK(h.find("dir=\"auto\"") != std::string::npos);
  CHECK(h.find("بتوفير 500 منصب شغل") != std::string::npos);  // the quoted evidence
  CHECK(h.find("<a href=\"https://example.org/ar/nuage-casablanca\"") != std::string::npos);
  CHECK(h.find("<a href=\"https://example.org/en/atlas-kenitra-update\"") != std::string::npos);
  const auto rest = without_links(h);
  CHECK(rest.find("http://") == std::string::npos);
  CHECK(rest.find("https://") == std::string::npos);
  CHECK(rest.find(" src=") == std::string::npos);
  CHECK(rest.find("<link") == std::string::npos);
  CHECK(rest.find("url(") == std::string::npos);
  CHECK(count(h, "<svg class=\"bar\"") == 4);
  CHECK(h.find("<b id=\"total-overdue\">2</b>") != std::string::npos);

  auto no_file = at(s, "2025-06-01", {"report", "html"});
  CHECK(no_file.code == 2);
  CHECK(no_file.err.find("-o FILE") != std::string::npos);

  if (!std::filesystem::exists(chromium_path)) {
    MESSAGE("SKIPPED: chromium not installed");
    return;
  }
  // The page as Chromium builds it: the totals are there, nothing was refused or thrown.
  const auto dom = s.path("dom.html").string(), dom_err = s.path("dom.err").string();
  chromium(s, "--dump-dom", "file://" + file, dom, dom_err);
  const auto rendered = test::slurp(dom);
  CHECK(rendered.find("<b id=\"total-commitments\">4</b>") != std::string::npos);
  CHECK(rendered.find("<b id=\"total-overdue\">2</b>") != std::string::npos);
  CHECK(rendered.find("Atlas Motors car plant in Kenitra") != std::string::npos);
  CHECK(count(rendered, "<script") == 0);
  const auto log = test::slurp(dom_err);
  CHECK(log.find("Refused to") == std::string::npos);  // a Content-Security-Policy violation
  CHECK(log.find("Uncaught") == std::string::npos);

  // A screenshot with content: far larger than one of an empty page of the same size.
  const auto png = s.path("report.png").string(), blank_png = s.path("blank.png").string();
  chromium(s, "--window-size=1200,2000 --screenshot=" + test::shell_quote(png), "file://" + file, s.path("shot.out").string(),
           s.path("shot.err").string());
  s.write("blank.html", "<!DOCTYPE html><html><body></body></html>");
  chromium(s, "--window-size=1200,2000 --screenshot=" + test::shell_quote(blank_png), "file://" + s.path("blank.html").string(),
           s.path("blank.out").string(), s.path("blank.err").string());
  REQUIRE(std::filesystem::exists(png));
  const auto size = std::filesystem::file_size(png);
  CHECK(size > 20000);
  CHECK(test::slurp(png).rfind("\x89PNG", 0) == 0);
  if (std::filesystem::exists(blank_png)) CHECK(size > 4 * std::filesystem::file_size(blank_png));
}

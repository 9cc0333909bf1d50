#include "pledgedb/report/html.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>

#include "pledgedb/report/tables.hpp"
#include "pledgedb/store/reports.hpp"

namespace pledgedb::report {

std::string html_escape(std::string_view s) {
  std::string o;
  o.reserve(s.size() + s.size() / 8);
  for (char c : s) {
    switch (c) {
      case '&': o += "&amp;"; break;
      case '<': o += "&lt;"; break;
      case '>': o += "&gt;"; break;
      case '"': o += "&quot;"; break;
      case '\'': o += "&#39;"; break;
      default: o += c;
    }
  }
  return o;
}

bool is_http_url(std::string_view url) {
  auto starts = [&](std::string_view p) {
    if (url.size() <= p.size()) return false;
    for (std::size_t i = 0; i < p.size(); ++i)
      if (std::tolower(static_cast<unsigned char>(url[i])) != p[i]) return false;
    return true;
  };
  if (!starts("http://") && !starts("https://")) return false;
  // No whitespace or control characters: they would let a value leave the attribute.
  return std::none_of(url.begin(), url.end(), [](char c) { return static_cast<unsigned char>(c) <= ' '; });
}

namespace {

std::string number(double v) {
  if (!std::isfinite(v)) return "";
  // Thousands grouped with a thin space for reading; no exponent.
  const bool whole = std::fabs(v - std::round(v)) < 1e-9;
  std::string s = whole ? fmt::format("{:.0f}", v) : fmt::format("{:.1f}", v);
  const auto dot = s.find('.');
  std::string head = s.substr(0, dot == std::string::npos ? s.size() : dot);
  const std::string tail = dot == std::string::npos ? "" : s.substr(dot);
  std::string sign;
  if (!head.empty() && head[0] == '-') sign = "-", head.erase(0, 1);
  std::string grouped;
  for (std::size_t i = 0; i < head.size(); ++i) {
    if (i && (head.size() - i) % 3 == 0) grouped += "\u202f";
    grouped += head[i];
  }
  return sign + grouped + tail;
}
std::string opt_number(const std::optional<double>& v) { return v ? number(*v) : "—"; }
std::string opt_date(const std::optional<Date>& d) { return d ? d->to_string() : "—"; }

std::string link(const std::string& url, const std::string& label) {
  if (url.empty()) return "";
  if (is_http_url(url))
    return fmt::format("<a href=\"{}\" rel=\"noopener noreferrer nofollow\">{}</a>", html_escape(url), html_escape(label));
  return fmt::format("<span class=\"url\">{}</span>", html_escape(url));
}

std::string quotes(const std::vector<store::EvidenceQuote>& ev) {
  if (ev.empty()) return "";
  std::string o = "<ul class=\"evidence\">";
  for (const auto& e : ev) {
    o += "<li><q dir=\"auto\">" + html_escape(e.text) + "</q>";
    if (!e.url.empty()) o += " — " + link(e.url, e.url);
    if (e.published) o += " <span class=\"muted\">(" + e.published->to_string() + ")</span>";
    o += "</li>";
  }
  return o + "</ul>";
}

// A bar from 0 to the target: the achieved part filled, a marker where the pace says the
// value should be at T.
std::string progress_bar(const query::StatusResult& s) {
  constexpr double width = 400;
  const double pct = std::clamp(s.percent.value_or(0.0), 0.0, 100.0);
  std::string o = fmt::format(
      "<svg class=\"bar\" viewBox=\"0 0 {0:.0f} 20\" width=\"{0:.0f}\" height=\"20\" role=\"img\" "
      "aria-label=\"{1:.1f}% achieved\"><rect x=\"0\" y=\"2\" width=\"{0:.0f}\" height=\"16\" rx=\"3\" "
      "fill=\"#e5e7eb\"/><rect x=\"0\" y=\"2\" width=\"{2:.1f}\" height=\"16\" rx=\"3\" fill=\"{3}\"/>",
      width, s.percent.value_or(0.0), width * pct / 100.0,
      s.status == query::Status::met ? "#16a34a"
      : (s.status == query::Status::overdue || s.status == query::Status::overdue_no_data || s.status == query::Status::behind)
          ? "#dc2626"
          : "#2563eb");
  if (s.expected && s.target && *s.target > 0) {
    const double x = width * std::clamp(*s.expected / *s.target, 0.0, 1.0);
    o += fmt::format("<line class=\"pace\" x1=\"{0:.1f}\" x2=\"{0:.1f}\" y1=\"0\" y2=\"20\" stroke=\"#111827\" "
                     "stroke-width=\"2\"><title>expected at T: {1}</title></line>",
                     x, html_escape(number(*s.expected)));
  }
  return o + "</svg>";
}

const char* css = R"(
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic",sans-serif;margin:2rem;color:#111827;max-width:1100px}
h1{margin-bottom:.2rem}h2{margin-top:2rem;border-bottom:1px solid #d1d5db}
.muted{color:#6b7280;font-size:.9em}
.totals{display:flex;flex-wrap:wrap;gap:1rem;margin:1rem 0}
.totals div{background:#f3f4f6;border-radius:6px;padding:.5rem 1rem}
.totals b{display:block;font-size:1.4em}
.pledge{border:1px solid #e5e7eb;border-radius:8px;padding:.6rem 1rem;margin:.6rem 0}
.pledge h3{margin:.1rem 0;font-size:1.05em}
.status{display:inline-block;border-radius:4px;padding:0 .4rem;font-size:.85em;background:#e5e7eb}
.status.met{background:#dcfce7}.status.overdue,.status.overdue_no_data,.status.behind{background:#fee2e2}
.status.on_track{background:#dbeafe}
table{border-collapse:collapse;width:100%;font-size:.9em}
th,td{border-bottom:1px solid #e5e7eb;padding:.3rem .5rem;text-align:start;vertical-align:top}
td.num{text-align:end;font-variant-numeric:tabular-nums}
td.date{white-space:nowrap}
.evidence{margin:.3rem 0;padding-inline-start:1.2rem;font-size:.9em}
q{font-style:italic}
.url{font-family:monospace}
)";

std::string td(const std::string& text) { return "<td dir=\"auto\">" + html_escape(text) + "</td>"; }
std::string td_date(const std::string& text) { return "<td class=\"date\">" + html_escape(text) + "</td>"; }
std::string td_num(const std::string& text) { return "<td class=\"num\">" + html_escape(text) + "</td>"; }

}  // namespace

std::string html_report(store::Database& db, Date as_of, const HtmlOptions& opt) {
  query::PledgeFilter filter = opt.filter;
  auto pledges = query::list_pledges(db, filter, as_of);
  auto overdue = query::overdue_pledges(db, as_of, opt.filter);
  auto regions = query::region_totals(db, as_of, opt.filter.country);

  double pledged_jobs = 0, achieved_jobs = 0;
  std::int64_t met = 0, overdue_count = 0;
  std::map<std::string, double> investment;
  for (const auto& p : pledges) {
    if (p.metric == Metric::jobs) {
      pledged_jobs += p.status.target.value_or(0);
      achieved_jobs += p.status.latest_value.value_or(0);
    }
    if (p.metric == Metric::investment && p.status.target) investment[p.unit.empty() ? "?" : p.unit] += *p.status.target;
    if (p.status.status == query::Status::met) ++met;
    if (p.status.status == query::Status::overdue || p.status.status == query::Status::overdue_no_data) ++overdue_count;
  }
  std::int64_t agreements = 0;
  for (const auto& r : regions) agreements += r.agreements;

  std::string h;
  h.reserve(4096 + pledges.size() * 1500);
  h += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
       "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n";
  h += "<title>" + html_escape(opt.title) + " — as of " + as_of.to_string() + "</title>\n<style>" + css + "</style>\n</head>\n<body>\n";
  h += "<header><h1 dir=\"auto\">" + html_escape(opt.title) + "</h1><p class=\"muted\">As of <time id=\"as-of\" datetime=\"" +
       as_of.to_string() + "\">" + as_of.to_string() + "</time>. Only sources published and progress observed on or before this date count.</p>\n";
  h += "<div class=\"totals\" id=\"totals\">";
  h += fmt::format("<div><b id=\"total-commitments\">{}</b>commitments</div>", pledges.size());
  h += fmt::format("<div><b id=\"total-agreements\">{}</b>agreements</div>", agreements);
  h += "<div><b id=\"total-pledged-jobs\">" + number(pledged_jobs) + "</b>jobs pledged</div>";
  h += "<div><b id=\"total-achieved-jobs\">" + number(achieved_jobs) + "</b>jobs reported</div>";
  for (const auto& [cur, amount] : investment)
    h += "<div><b>" + html_escape(number(amount)) + "</b>" + html_escape(cur) + " pledged</div>";
  h += fmt::format("<div><b id=\"total-met\">{}</b>met</div>", met);
  h += fmt::format("<div><b id=\"total-overdue\">{}</b>overdue</div>", overdue_count);
  h += "</div></header>\n";

  h += "<main>\n<section id=\"commitments\"><h2>Commitments</h2>\n";
  if (pledges.empty()) h += "<p>No commitments.</p>\n";
  for (const auto& p : pledges) {
    const auto& s = p.status;
    h += fmt::format("<article class=\"pledge\" id=\"c{}\">", p.id);
    h += "<h3 dir=\"auto\">" + html_escape(p.title.empty() ? std::string("Agreement ") + std::to_string(p.agreement_id) : p.title) + "</h3>";
    h += "<p><span dir=\"auto\" class=\"party\">" + html_escape(p.party.empty() ? "(party unknown)" : p.party) + "</span> · " +
         html_escape(std::string(to_string(p.metric))) + " · <span class=\"status " +
         html_escape(std::string(query::to_string(s.status))) + "\">" + html_escape(std::string(query::to_string(s.status))) + "</span>";
    for (const auto& f : status_flags(s)) h += " <span class=\"status\">" + html_escape(f) + "</span>";
    if (!p.region.empty() || !p.region_code.empty())
      h += " · <span dir=\"auto\">" + html_escape(p.region.empty() ? p.region_code : p.region) + "</span>";
    h += "</p>\n";
    h += "<p>" + progress_bar(s) + "</p>";
    h += "<p>Target <b>" + opt_number(s.target) + "</b> <span dir=\"auto\">" + html_escape(p.unit) + "</span>" +
         (p.qualifier.empty() ? "" : " <span dir=\"auto\">(" + html_escape(p.qualifier) + ")</span>") +
         " · deadline <b>" + opt_date(s.deadline) + "</b>" +
         (p.deadline_text.empty() ? "" : " <span dir=\"auto\" class=\"muted\">«" + html_escape(p.deadline_text) + "»</span>") +
         " · reported <b>" + opt_number(s.latest_value) + "</b>" + (s.latest_as_of ? " as of " + s.latest_as_of->to_string() : "") +
         (s.percent ? fmt::format(" ({:.1f}%)", *s.percent) : "") + " · expected by now " + opt_number(s.expected ? std::optional<double>(std::round(*s.expected)) : std::nullopt) +
         (s.projected ? " · projected completion " + s.projected->to_string() : "") + "</p>\n";
    h += quotes(store::claim_evidence(db, p.id, as_of));
    if (p.latest_progress_id) {
      auto ev = store::progress_evidence(db, *p.latest_progress_id);
      if (ev.empty() && !s.latest_source.empty())
        h += "<ul class=\"evidence\"><li>progress source: " + link(s.latest_source, s.latest_source) + "</li></ul>";
      else
        h += quotes(ev);
    }
    h += "</article>\n";
  }
  h += "</section>\n";

  h += "<section id=\"overdue\"><h2>Overdue</h2>\n";
  if (overdue.empty()) {
    h += "<p>Nothing overdue.</p>\n";
  } else {
    h += "<table><thead><tr><th>id</th><th>party</th><th>commitment</th><th>deadline</th><th>days overdue</th>"
         "<th>target</th><th>latest</th><th>%</th><th>shortfall</th><th>source</th></tr></thead><tbody>\n";
    for (const auto& p : overdue) {
      const auto& s = p.status;
      h += "<tr>" + td_num(std::to_string(p.id)) + td(p.party) + td(p.title) + td_date(opt_date(s.deadline)) +
           td_num(s.days_to_deadline ? std::to_string(-*s.days_to_deadline) : "") + td_num(opt_number(s.target) + " " + p.unit) +
           td_num(s.latest_value ? opt_number(s.latest_value) + " (" + opt_date(s.latest_as_of) + ")" : "none") +
           td_num(s.percent ? fmt::format("{:.1f}", *s.percent) : "") + td_num(opt_number(s.shortfall)) +
           "<td>" + link(s.latest_source, "source") + "</td></tr>\n";
    }
    h += "</tbody></table>\n";
  }
  h += "</section>\n";

  h += "<section id=\"regions\"><h2>Regions</h2>\n";
  h += "<table><thead><tr><th>region</th><th>country</th><th>agreements</th><th>commitments</th><th>jobs pledged</th>"
       "<th>jobs reported</th><th>investment pledged</th><th>overdue</th></tr></thead><tbody>\n";
  for (const auto& r : regions) {
    std::string inv;
    for (const auto& [cur, amount] : r.investment) inv += (inv.empty() ? "" : "; ") + number(amount) + " " + cur;
    h += "<tr>" + td(r.region.empty() ? (r.region_code.empty() ? "(no region)" : r.region_code) : r.region) + td(r.country) +
         td_num(std::to_string(r.agreements)) + td_num(std::to_string(r.commitments)) + td_num(number(r.pledged_jobs)) +
         td_num(number(r.achieved_jobs)) + td_num(inv) + td_num(std::to_string(r.overdue)) + "</tr>\n";
  }
  h += "</tbody></table>\n</section>\n</main>\n";
  h += "<footer class=\"muted\"><p>Generated by pledgedb. Every number links back to the sentence that states it.</p></footer>\n";
  h += "</body>\n</html>\n";
  return h;
}

}  // namespace pledgedb::report

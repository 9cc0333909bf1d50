// Scoring of extraction against annotations: per language and slot, tp/fp/fn and P/R/F1.
#include "pledgedb/extract/eval.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <sstream>

#include "pledgedb/extract/extractor.hpp"
#include "pledgedb/geo/gazetteer.hpp"

namespace pledgedb::extract {

std::optional<double> SlotScore::precision() const {
  if (tp + fp == 0) return std::nullopt;
  return static_cast<double>(tp) / static_cast<double>(tp + fp);
}
std::optional<double> SlotScore::recall() const {
  if (tp + fn == 0) return std::nullopt;
  return static_cast<double>(tp) / static_cast<double>(tp + fn);
}
std::optional<double> SlotScore::f1() const {
  if (tp + fp + fn == 0) return std::nullopt;
  return 2.0 * static_cast<double>(tp) / static_cast<double>(2 * tp + fp + fn);
}

std::vector<std::string_view> eval_slots() {
  return {"commitments", "jobs",         "investment", "deadline_year",   "deadline_exact", "party",
          "comparator",  "region",       "signing_date", "parties",       "representatives", "progress",
          "invented"};
}

namespace {

std::string folded(std::string_view s) {
  std::string out;
  for (const auto& t : detail::tokenize(s)) {
    if (!out.empty()) out += ' ';
    out += t.key;
  }
  return out;
}

bool contains_words(const std::string& hay, const std::string& needle) {
  if (needle.empty()) return false;
  auto p = hay.find(needle);
  while (p != std::string::npos) {
    bool left = p == 0 || hay[p - 1] == ' ';
    bool right = p + needle.size() == hay.size() || hay[p + needle.size()] == ' ';
    if (left && right) return true;
    p = hay.find(needle, p + 1);
  }
  return false;
}

std::string initials(const std::string& f) {
  std::string out;
  bool start = true;
  for (char ch : f) {
    if (ch == ' ') { start = true; continue; }
    if (start) out += ch;
    start = false;
  }
  return out;
}

bool close(double a, double b) { return std::abs(a - b) <= 0.005 * std::max(std::abs(a), std::abs(b)); }

struct Flat {
  const Commitment* c;
};

std::vector<const Commitment*> commitments_of(const Announcement& a, bool with_target_only) {
  std::vector<const Commitment*> out;
  for (const auto& ag : a.agreements)
    for (const auto& c : ag.commitments)
      if (!with_target_only || c.target) out.push_back(&c);
  return out;
}

std::set<std::string> regions_of(const Announcement& a) {
  const auto& gaz = geo::Gazetteer::builtin();
  std::set<std::string> out;
  for (const auto& ag : a.agreements) {
    std::string code;
    if (!ag.region_code.empty()) {
      if (const auto* fl = gaz.first_level(ag.region_code)) code = fl->code;
      else code = ag.region_code;
    } else if (!ag.region.empty()) {
      auto rs = gaz.lookup(ag.region);
      // Several matches: prefer the agreement's country.
      for (const auto* r : rs)
        if (ag.country.empty() || r->country == ag.country) {
          const auto* fl = gaz.first_level(r->code);
          code = fl ? fl->code : r->code;
        }
      if (code.empty()) code = "?" + folded(ag.region);
    }
    if (!code.empty()) out.insert(code);
  }
  return out;
}

// Regions the gold leaves unjudged: an agreement annotated with a city but no region places the
// project without saying its region ("city": "Lukenya", "region": null). A predicted region that
// is that city's (one first-level region, in the agreement's country) is neither right nor wrong.
std::set<std::string> unjudged_regions_of(const Announcement& gold) {
  const auto& gaz = geo::Gazetteer::builtin();
  std::set<std::string> out;
  for (const auto& ag : gold.agreements) {
    if (!ag.region_code.empty() || !ag.region.empty() || ag.city.empty()) continue;
    std::set<std::string> codes;
    for (const auto* r : gaz.lookup(ag.city))
      if (ag.country.empty() || r->country == ag.country)
        if (const auto* fl = gaz.first_level(r->code)) codes.insert(fl->code);
    if (codes.size() == 1) out.insert(*codes.begin());
  }
  return out;
}

struct Counts {
  long tp = 0, fp = 0, fn = 0;
  void add(const Counts& o) { tp += o.tp; fp += o.fp; fn += o.fn; }
};

std::string number(double v) {
  std::ostringstream o;
  o.precision(12);
  o << v;
  return o.str();
}
std::string date_text(const std::optional<Date>& d) { return d ? d->to_string() : std::string("-"); }

std::string describe(const Commitment& c) {
  std::string out = std::string(to_string(c.metric)) + " " + (c.target ? number(*c.target) : "-") + " " + c.unit;
  if (!c.party.empty()) out += " by " + c.party;
  if (c.deadline) out += " by " + c.deadline->to_string();
  return out;
}
std::string describe(const ProgressStatement& p) {
  return std::string(to_string(p.metric)) + " " + number(p.value) + " as of " + date_text(p.as_of) +
         (p.party.empty() ? "" : " (" + p.party + ")");
}
template <class T>
std::string first_evidence(const T& x) {
  return x.evidence.empty() ? std::string() : x.evidence.front().text;
}

// Where the mismatches of one case go (none when only counting).
struct Sink {
  const EvalCase& k;
  std::vector<Mismatch>* out;
  void add(std::string slot, std::string error, std::string expected, std::string got, std::string evidence) const {
    if (!out) return;
    out->push_back({k.name, k.gold.language, std::move(slot), std::move(error), std::move(expected), std::move(got),
                    std::move(evidence)});
  }
};

// Greedy one-to-one matching of two lists under a predicate; `show` describes an element and
// `why` gives its evidence, for the mismatch listing.
template <class G, class P, class F, class D>
Counts match_sets(const std::vector<G>& gold, const std::vector<P>& pred, F same, const Sink& sink,
                  const std::string& slot, D show) {
  Counts c;
  std::vector<bool> used(pred.size(), false);
  for (const auto& g : gold) {
    bool hit = false;
    for (std::size_t i = 0; i < pred.size(); ++i)
      if (!used[i] && same(g, pred[i])) { used[i] = true; hit = true; break; }
    if (hit) ++c.tp;
    else {
      ++c.fn;
      sink.add(slot, "fn", show(g).first, "", show(g).second);
    }
  }
  for (std::size_t i = 0; i < pred.size(); ++i)
    if (!used[i]) {
      ++c.fp;
      sink.add(slot, "fp", "", show(pred[i]).first, show(pred[i]).second);
    }
  return c;
}

std::map<std::string, Counts> score_case(const EvalCase& k, std::vector<Mismatch>* out) {
  const Sink sink{k, out};
  std::map<std::string, Counts> s;
  for (auto slot : eval_slots()) s[std::string(slot)];
  const auto gold = commitments_of(k.gold, true);
  const auto pred = commitments_of(k.predicted, true);

  if (k.gold.kind == AnnouncementKind::none) {
    for (const auto* p : commitments_of(k.predicted, false)) {
      ++s["invented"].fp;
      sink.add("invented", "fp", "", describe(*p), first_evidence(*p));
    }
  }
  // Commitments, one-to-one on metric + target.
  std::vector<std::pair<const Commitment*, const Commitment*>> pairs;
  std::vector<bool> used(pred.size(), false);
  auto same = [](const Commitment* g, const Commitment* p) {
    return g->metric == p->metric && close(*g->target, *p->target);
  };
  for (const auto* g : gold) {
    std::optional<std::size_t> hit;
    for (std::size_t i = 0; i < pred.size(); ++i)
      if (!used[i] && same(g, pred[i])) { hit = i; break; }
    if (hit) {
      used[*hit] = true;
      pairs.emplace_back(g, pred[*hit]);
    }
    auto& all = s["commitments"];
    hit ? ++all.tp : ++all.fn;
    if (g->metric == Metric::jobs) hit ? ++s["jobs"].tp : ++s["jobs"].fn;
    if (g->metric == Metric::investment) hit ? ++s["investment"].tp : ++s["investment"].fn;
    if (!hit) sink.add("commitments", "fn", describe(*g), "", first_evidence(*g));
  }
  for (std::size_t i = 0; i < pred.size(); ++i) {
    if (used[i]) continue;
    ++s["commitments"].fp;
    if (pred[i]->metric == Metric::jobs) ++s["jobs"].fp;
    if (pred[i]->metric == Metric::investment) ++s["investment"].fp;
    sink.add("commitments", "fp", "", describe(*pred[i]), first_evidence(*pred[i]));
  }
  for (const auto& pair : pairs) {
    // Named copies, not structured bindings: clang 14 (the fuzz build) cannot capture those.
    const auto g = pair.first;
    const auto p = pair.second;
    auto pairwise = [&](const std::string& slot, bool gold_set, bool pred_set, bool equal, std::string gv,
                        std::string pv) {
      if (!gold_set) return;
      auto& c = s[slot];
      if (!pred_set) {
        ++c.fn;
        sink.add(slot, "fn", gv + " (" + describe(*g) + ")", "", first_evidence(*p));
      } else if (equal) {
        ++c.tp;
      } else {
        ++c.fp;
        ++c.fn;
        sink.add(slot, "wrong", gv, pv + " (" + describe(*p) + ")", first_evidence(*p));
      }
    };
    pairwise("deadline_year", g->deadline.has_value(), p->deadline.has_value(),
             g->deadline && p->deadline && g->deadline->year() == p->deadline->year(), date_text(g->deadline),
             date_text(p->deadline));
    pairwise("deadline_exact", g->deadline.has_value(), p->deadline.has_value(),
             g->deadline && p->deadline && *g->deadline == *p->deadline, date_text(g->deadline),
             date_text(p->deadline));
    pairwise("party", !g->party.empty(), !p->party.empty(), same_party(g->party, p->party), g->party, p->party);
    pairwise("comparator", true, true, g->comparator == p->comparator, std::string(to_string(g->comparator)),
             std::string(to_string(p->comparator)));
  }
  // Regions and signing dates: sets per document.
  {
    auto gr = regions_of(k.gold), pr = regions_of(k.predicted);
    for (const auto& code : unjudged_regions_of(k.gold))
      if (!gr.count(code)) pr.erase(code);
    std::vector<std::string> gv(gr.begin(), gr.end()), pv(pr.begin(), pr.end());
    s["region"].add(match_sets(
        gv, pv, [](const std::string& a, const std::string& b) { return a == b; }, sink, "region",
        [](const std::string& x) { return std::pair<std::string, std::string>(x, ""); }));
  }
  {
    std::set<Date> gd, pd;
    for (const auto& ag : k.gold.agreements)
      if (ag.signed_on) gd.insert(*ag.signed_on);
    for (const auto& ag : k.predicted.agreements)
      if (ag.signed_on) pd.insert(*ag.signed_on);
    std::vector<Date> gv(gd.begin(), gd.end()), pv(pd.begin(), pd.end());
    s["signing_date"].add(match_sets(
        gv, pv, [](const Date& a, const Date& b) { return a == b; }, sink, "signing_date",
        [](const Date& x) { return std::pair<std::string, std::string>(x.to_string(), ""); }));
  }
  {
    std::set<std::string> gn, pn;
    for (const auto& ag : k.gold.agreements)
      for (const auto& p : ag.parties) gn.insert(p.name);
    for (const auto& ag : k.predicted.agreements)
      for (const auto& p : ag.parties) pn.insert(p.name);
    std::vector<std::string> gv(gn.begin(), gn.end()), pv(pn.begin(), pn.end());
    s["parties"].add(match_sets(
        gv, pv, [](const std::string& a, const std::string& b) { return same_party(a, b); }, sink, "parties",
        [](const std::string& x) { return std::pair<std::string, std::string>(x, ""); }));
  }
  {
    // Who speaks for whom: party names matched as above, person names folded (Arabic-script names
    // never meet the annotation's Latin transliterations).
    using Rep = std::pair<std::string, std::string>;
    std::set<Rep> gr, pr;
    for (const auto& ag : k.gold.agreements)
      for (const auto& p : ag.parties)
        if (!p.representative.empty()) gr.insert({p.name, p.representative});
    for (const auto& ag : k.predicted.agreements)
      for (const auto& p : ag.parties)
        if (!p.representative.empty()) pr.insert({p.name, p.representative});
    std::vector<Rep> gv(gr.begin(), gr.end()), pv(pr.begin(), pr.end());
    s["representatives"].add(match_sets(
        gv, pv,
        [](const Rep& a, const Rep& b) { return same_party(a.first, b.first) && folded(a.second) == folded(b.second); },
        sink, "representatives", [](const Rep& x) { return Rep(x.second + " (" + x.first + ")", ""); }));
  }
  s["progress"].add(match_sets(
      k.gold.progress, k.predicted.progress,
      [](const ProgressStatement& a, const ProgressStatement& b) {
        return a.metric == b.metric && close(a.value, b.value);
      },
      sink, "progress",
      [](const ProgressStatement& x) { return std::pair<std::string, std::string>(describe(x), first_evidence(x)); }));
  return s;
}

}  // namespace

namespace {
// Words that only say what kind of body it is: "Ministry Delegate for Investment" and
// "Ministry of Investment" name the same portfolio.
std::string content_words(const std::string& f) {
  static const std::set<std::string> filler = {"ministry", "delegate", "for", "of", "the", "minister"};
  std::string out, w;
  auto flush = [&] {
    if (!w.empty() && !filler.count(w)) out += (out.empty() ? "" : " ") + w;
    w.clear();
  };
  for (char ch : f) {
    if (ch == ' ') flush();
    else w += ch;
  }
  flush();
  return out;
}
}  // namespace

bool same_party(std::string_view gold, std::string_view predicted) {
  const std::string g0 = folded(gold), p0 = folded(predicted);
  const bool ministry = g0.find("ministry") != std::string::npos && p0.find("ministry") != std::string::npos;
  const std::string g = ministry ? content_words(g0) : g0, p = ministry ? content_words(p0) : p0;
  if (g.empty() || p.empty()) return false;
  if (g == p || contains_words(g, p) || contains_words(p, g)) return true;
  // Acronyms: "WEDC" vs "Wisconsin Economic Development Corporation".
  const std::string gi = initials(g), pi = initials(p);
  if (p.find(' ') == std::string::npos && p.size() >= 2 && (gi == p || contains_words(g, p))) return true;
  if (g.find(' ') == std::string::npos && g.size() >= 2 && (pi == g || contains_words(p, g))) return true;
  return false;
}

std::vector<SlotScore> evaluate(const std::vector<EvalCase>& cases) {
  std::map<std::string, std::map<std::string, Counts>> by_lang;
  for (const auto& k : cases) {
    auto s = score_case(k, nullptr);
    const std::string lang = k.gold.language.empty() ? "?" : k.gold.language;
    for (const auto& [slot, c] : s) {
      by_lang[lang][slot].add(c);
      by_lang["all"][slot].add(c);
    }
  }
  // Languages in a fixed order, then any other, then "all".
  std::vector<std::string> order = {"ar", "fr", "en", "es"};
  for (const auto& [lang, _] : by_lang)
    if (lang != "all" && std::find(order.begin(), order.end(), lang) == order.end()) order.push_back(lang);
  order.push_back("all");
  std::vector<SlotScore> out;
  for (const auto& lang : order) {
    auto it = by_lang.find(lang);
    if (it == by_lang.end()) continue;
    for (auto slot : eval_slots()) {
      const auto& c = it->second[std::string(slot)];
      SlotScore sc;
      sc.language = lang;
      sc.slot = std::string(slot);
      sc.tp = c.tp;
      sc.fp = c.fp;
      sc.fn = c.fn;
      out.push_back(std::move(sc));
    }
  }
  return out;
}

std::vector<Mismatch> mismatches(const std::vector<EvalCase>& cases) {
  std::vector<Mismatch> out;
  for (const auto& k : cases) score_case(k, &out);
  return out;
}

Document document_from_annotation(const Announcement& gold, const std::string& path) {
  Document d;
  d.path = path;
  d.format = InputFormat::json;
  d.text = gold.text;
  d.title = gold.title;
  d.url = gold.url;
  d.outlet = gold.outlet;
  d.language = gold.language;
  d.published = gold.published;
  return d;
}

}  // namespace pledgedb::extract

#include "pledgedb/query/pledges.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <unordered_map>
#include <variant>

#include "pledgedb/error.hpp"
#include "pledgedb/store/regions.hpp"
#include "pledgedb/store/reports.hpp"
#include "pledgedb/text/normalize.hpp"

namespace pledgedb::query {

namespace {

CommitmentFacts facts_of(const store::CommitmentRecord& c) {
  CommitmentFacts f;
  f.target = c.target;
  f.comparator = c.comparator;
  // The clock starts at the pledge's own start, else the signing, else the first report.
  f.start = c.start ? c.start : c.signed_on ? c.signed_on : c.first_source;
  f.deadline = c.deadline;
  f.manual_status = c.manual_status;
  for (const auto& m : c.milestones)
    if (m.due) f.milestones.push_back({*m.due, m.target});
  for (const auto& o : c.observations) f.observations.push_back({o.as_of, o.value, o.source_url});
  for (const auto& k : c.claims) f.claims.push_back({k.claimed_on, k.target, k.deadline, k.manual_status, k.manual, k.confidence, k.deadline_kind});
  return f;
}

Pledge pledge_of(const store::CommitmentRecord& c, Date as_of, const StatusOptions& opt) {
  Pledge p;
  p.id = c.id;
  p.agreement_id = c.agreement_id;
  p.party = c.party;
  p.metric = c.metric;
  p.comparator = c.comparator;
  p.unit = c.unit;
  p.qualifier = c.qualifier;
  p.deadline_text = c.deadline_text;
  p.title = c.title;
  p.program = c.program;
  p.sector = c.sector;
  p.country = c.country;
  p.region_code = c.region_code;
  p.region = c.region;
  p.status = compute_status(facts_of(c), as_of, opt);
  if (p.status.latest_as_of) {
    // The observation the status used: the last one on that date.
    for (const auto& o : c.observations)
      if (o.as_of == *p.status.latest_as_of) p.latest_progress_id = o.progress_id;
  }
  return p;
}

// Turns the user's filter into the store's; region and party names are resolved here.
store::CommitmentFilter store_filter(store::Database& db, const PledgeFilter& f) {
  store::CommitmentFilter sf;
  if (!f.region.empty()) {
    // The gazetteer's resolver knows designators ("جهة …", "région de …"); homonyms it does not
    // pick between are all kept.
    std::vector<std::string> codes;
    if (auto code = store::resolve_region(db, f.region)) codes.push_back(*code);
    else codes = store::find_region_codes(db, f.region);
    if (codes.empty())
      throw NotFoundError(fmt::format("--region '{}': no region, province or city of that name or code", f.region));
    const auto regions = store::all_regions(db);
    std::vector<std::string> sub;
    for (const auto& code : codes) {
      auto it = std::find_if(regions.begin(), regions.end(), [&](const auto& r) { return r.code == code; });
      if (it != regions.end() && it->parent.empty() && codes.size() == 1) {
        sf.country = it->country;  // a country: every agreement located there, with or without a region
        break;
      }
      sub.push_back(code);
    }
    if (sf.country.empty()) {
      sf.region_codes = store::region_subtree(db, sub);
      // A province or city below a first-level region: agreements filed under the coarser
      // region that name one of its spellings as their city are in it too.
      std::vector<std::string> keys{text::fold(f.region)};
      std::vector<std::string> coarser;
      for (const auto& code : sub) {
        auto it = std::find_if(regions.begin(), regions.end(), [&](const auto& r) { return r.code == code; });
        while (it != regions.end() && !it->parent.empty()) {
          auto parent = std::find_if(regions.begin(), regions.end(), [&](const auto& r) { return r.code == it->parent; });
          if (parent == regions.end() || parent->parent.empty()) break;  // stop below the country
          coarser.push_back(parent->code);
          it = parent;
        }
        if (!coarser.empty())
          for (auto& k : store::region_keys(db, code)) keys.push_back(std::move(k));
      }
      if (!coarser.empty()) {
        for (const auto& city : store::agreement_cities(db, coarser))
          if (std::find(keys.begin(), keys.end(), text::fold(city)) != keys.end()) sf.cities.push_back(city);
        sf.city_region_codes = coarser;
      }
    }
  }
  if (!f.country.empty()) {
    if (!sf.country.empty() && sf.country != f.country) sf.region_codes = std::vector<std::string>{};
    sf.country = f.country;
  }
  if (!f.party.empty()) {
    sf.party_ids = store::find_party_ids(db, f.party);
    if (sf.party_ids.empty()) throw NotFoundError(fmt::format("--party '{}': no party of that name or alias", f.party));
    sf.has_party = true;
  }
  if (!f.metric.empty()) {
    sf.metric = parse_metric(f.metric);
    if (!sf.metric)
      throw InputError(fmt::format("--metric '{}': expected jobs, investment, training, capacity or other", f.metric));
  }
  for (const auto& s : f.statuses)
    if (!parse_status(s))
      throw InputError(fmt::format("--status '{}': expected one of met, overdue, overdue_no_data, on_track, behind, "
                                   "no_data, open, cancelled, withdrawn, suspended", s));
  sf.program = f.program;
  sf.sector = f.sector;
  return sf;
}

bool keep(const Pledge& p, const PledgeFilter& f) {
  if (!f.statuses.empty() &&
      std::find(f.statuses.begin(), f.statuses.end(), to_string(p.status.status)) == f.statuses.end())
    return false;
  if (f.due_before && !(p.status.deadline && *p.status.deadline < *f.due_before)) return false;
  if (f.due_after && !(p.status.deadline && *p.status.deadline > *f.due_after)) return false;
  return true;
}

bool known(const store::CommitmentRecord& c, Date as_of) {
  // Unknown at T when every source that states it was published after T.
  return c.claims.empty() || std::any_of(c.claims.begin(), c.claims.end(), [&](const auto& k) {
           return !k.claimed_on || *k.claimed_on <= as_of;
         });
}

std::vector<Pledge> collect(store::Database& db, store::CommitmentFilter sf, const PledgeFilter& f, Date as_of,
                            const StatusOptions& opt, const std::function<bool(const Pledge&)>& also) {
  std::vector<Pledge> out;
  store::scan_commitments(db, sf, as_of, store::CommitmentOrder::id, [&](store::CommitmentRecord& c) {
    if (!known(c, as_of)) return true;
    Pledge p = pledge_of(c, as_of, opt);
    if (keep(p, f) && also(p)) out.push_back(std::move(p));
    return true;
  });
  return out;
}

// (deadline in force at T, id), undated last: the order of the default listing, of the overdue
// list (most days overdue first) and of the due list (soonest first).
bool deadline_before(const Pledge& a, const Pledge& b) {
  const auto& da = a.status.deadline;
  const auto& db = b.status.deadline;
  if (da.has_value() != db.has_value()) return da.has_value();
  if (da && *da != *db) return *da < *db;
  return a.id < b.id;
}

void truncate(std::vector<Pledge>& v, std::size_t limit, Truncation* cut) {
  if (cut) *cut = {limit && v.size() > limit, v.size()};
  if (limit && v.size() > limit) v.resize(limit);
}

// The first `limit` pledges in deadline order, reading commitments along the deadline index and
// stopping once the page is full: the cost follows the page, not the database. A pledge revised
// after T (a claim dated after T) may have another deadline in force at T than the compiled one
// the index orders by: those few are read in full first and merged in by their deadline at T.
std::vector<Pledge> first_by_deadline(store::Database& db, store::CommitmentFilter sf, const PledgeFilter& f,
                                      Date as_of, const StatusOptions& opt,
                                      const std::function<bool(const Pledge&)>& also, std::size_t limit,
                                      Truncation* cut) {
  store::CommitmentFilter rsf = sf;
  rsf.deadline_below = rsf.deadline_above = rsf.deadline_from = rsf.deadline_to = std::nullopt;
  rsf.revised_after.reset();
  rsf.only_revised_after = as_of;
  auto revised = collect(db, rsf, f, as_of, opt, also);
  std::sort(revised.begin(), revised.end(), deadline_before);

  sf.revised_after.reset();
  sf.skip_revised_after = as_of;
  std::vector<Pledge> out;
  std::size_t next = 0;
  bool more = false;
  auto take = [&](Pledge&& p) {
    if (out.size() == limit) {
      more = true;
      return false;
    }
    out.push_back(std::move(p));
    return true;
  };
  store::scan_commitments(db, sf, as_of, store::CommitmentOrder::deadline, [&](store::CommitmentRecord& c) {
    if (!known(c, as_of)) return true;
    Pledge p = pledge_of(c, as_of, opt);
    if (!keep(p, f) || !also(p)) return true;
    while (next < revised.size() && deadline_before(revised[next], p))
      if (!take(std::move(revised[next++]))) return false;
    return take(std::move(p));
  });
  while (!more && next < revised.size()) take(std::move(revised[next++]));
  if (cut) {
    cut->more = more;
    cut->total = more ? std::nullopt : std::optional<std::size_t>(out.size());
  }
  return out;
}

// A sort key: null, number or text (nulls sort last whatever the direction).
using Key = std::variant<std::monostate, double, std::string>;

Key key_of(const Pledge& p, std::string_view field) {
  const auto& s = p.status;
  auto num = [](const auto& o) -> Key { return o ? Key(static_cast<double>(*o)) : Key(); };
  auto date = [](const std::optional<Date>& d) -> Key { return d ? Key(d->to_string()) : Key(); };
  auto txt = [](const std::string& t) -> Key { return t.empty() ? Key() : Key(t); };
  if (field == "id") return static_cast<double>(p.id);
  if (field == "agreement_id") return static_cast<double>(p.agreement_id);
  if (field == "party") return txt(p.party);
  if (field == "metric") return std::string(to_string(p.metric));
  if (field == "target") return num(s.target);
  if (field == "comparator") return std::string(to_string(p.comparator));
  if (field == "unit") return txt(p.unit);
  if (field == "start") return date(s.start);
  if (field == "deadline") return date(s.deadline);
  if (field == "latest_value") return num(s.latest_value);
  if (field == "latest_as_of") return date(s.latest_as_of);
  if (field == "percent") return num(s.percent);
  if (field == "expected") return num(s.expected);
  if (field == "shortfall") return num(s.shortfall);
  if (field == "days_to_deadline") return num(s.days_to_deadline);
  if (field == "projected") return date(s.projected);
  if (field == "met_on") return date(s.met_on);
  if (field == "status") return std::string(to_string(s.status));
  if (field == "region_code") return txt(p.region_code);
  if (field == "region") return txt(p.region);
  if (field == "country") return txt(p.country);
  if (field == "title") return txt(p.title);
  if (field == "program") return txt(p.program);
  if (field == "sector") return txt(p.sector);
  return {};
}

}  // namespace

const std::vector<std::string_view>& pledge_sort_fields() {
  static const std::vector<std::string_view> fields{
      "id", "agreement_id", "party", "metric", "target", "comparator", "unit", "start", "deadline",
      "latest_value", "latest_as_of", "percent", "expected", "shortfall", "days_to_deadline", "projected",
      "met_on", "status", "region_code", "region", "country", "title", "program", "sector"};
  return fields;
}

void sort_pledges(std::vector<Pledge>& v, std::string_view field) {
  bool desc = false;
  if (!field.empty() && field.front() == '-') {
    desc = true;
    field.remove_prefix(1);
  }
  if (field.empty()) field = "deadline";
  const auto& fields = pledge_sort_fields();
  if (std::find(fields.begin(), fields.end(), field) == fields.end())
    throw InputError(fmt::format("--sort '{}': not a column (expected one of {})", field, fmt::join(fields, ", ")));
  std::vector<std::pair<Key, std::size_t>> keys;
  keys.reserve(v.size());
  for (std::size_t i = 0; i < v.size(); ++i) keys.emplace_back(key_of(v[i], field), i);
  std::stable_sort(keys.begin(), keys.end(), [&](const auto& a, const auto& b) {
    const bool an = std::holds_alternative<std::monostate>(a.first), bn = std::holds_alternative<std::monostate>(b.first);
    if (an != bn) return bn;  // nulls last
    if (!an && a.first != b.first) return desc ? b.first < a.first : a.first < b.first;
    return v[a.second].id < v[b.second].id;
  });
  std::vector<Pledge> sorted;
  sorted.reserve(v.size());
  for (auto& [k, i] : keys) sorted.push_back(std::move(v[i]));
  v = std::move(sorted);
}

std::vector<Pledge> list_pledges(store::Database& db, const PledgeFilter& f, Date as_of, const StatusOptions& opt,
                                 Truncation* cut) {
  const bool page = f.limit && (f.sort.empty() || f.sort == "deadline");
  if (page) store::tune_for_page(db);
  auto sf = store_filter(db, f);
  // The compiled deadline bounds the SQL read; pledges revised after T are re-read and re-checked.
  if (f.due_before) sf.deadline_below = f.due_before;
  if (f.due_after) sf.deadline_above = f.due_after;
  if (f.due_before || f.due_after) sf.revised_after = as_of;
  const auto all = [](const Pledge&) { return true; };
  if (page) return first_by_deadline(db, sf, f, as_of, opt, all, f.limit, cut);
  auto out = collect(db, sf, f, as_of, opt, all);
  sort_pledges(out, f.sort);
  truncate(out, f.limit, cut);
  return out;
}

std::vector<Pledge> overdue_pledges(store::Database& db, Date as_of, const PledgeFilter& f, Truncation* cut) {
  if (f.limit) store::tune_for_page(db);
  auto sf = store_filter(db, f);
  sf.deadline_below = as_of;
  sf.revised_after = as_of;
  const auto overdue = [](const Pledge& p) {
    return p.status.status == Status::overdue || p.status.status == Status::overdue_no_data;
  };
  // Most days overdue first is the earliest deadline first.
  if (f.limit) return first_by_deadline(db, sf, f, as_of, {}, overdue, f.limit, cut);
  auto out = collect(db, sf, f, as_of, {}, overdue);
  if (cut) *cut = {false, out.size()};
  std::stable_sort(out.begin(), out.end(), [](const Pledge& a, const Pledge& b) {
    if (a.status.days_to_deadline != b.status.days_to_deadline) return a.status.days_to_deadline < b.status.days_to_deadline;
    return a.id < b.id;
  });
  return out;
}

std::vector<Pledge> due_pledges(store::Database& db, Date as_of, std::int64_t window_days, const PledgeFilter& f,
                                Truncation* cut) {
  if (f.limit) store::tune_for_page(db);
  auto sf = store_filter(db, f);
  sf.deadline_from = as_of;
  sf.deadline_to = as_of.add_days(window_days);
  sf.revised_after = as_of;
  StatusOptions opt;
  opt.due_soon_days = window_days;
  const auto due = [](const Pledge& p) { return p.status.due_soon; };
  if (f.limit) return first_by_deadline(db, sf, f, as_of, opt, due, f.limit, cut);
  auto out = collect(db, sf, f, as_of, opt, due);
  if (cut) *cut = {false, out.size()};
  std::stable_sort(out.begin(), out.end(), [](const Pledge& a, const Pledge& b) {
    if (a.status.deadline != b.status.deadline) return a.status.deadline < b.status.deadline;
    return a.id < b.id;
  });
  return out;
}

std::vector<RegionTotals> region_totals(store::Database& db, Date as_of, std::string_view country) {
  std::unordered_map<std::string, store::RegionRecord> regions;
  for (auto& r : store::all_regions(db)) regions.emplace(r.code, r);
  // First-level region: climb until the parent is a country (a region without a parent).
  auto first_level = [&](const std::string& code) -> std::string {
    std::string cur = code;
    for (int guard = 0; guard < 16; ++guard) {
      auto it = regions.find(cur);
      if (it == regions.end() || it->second.parent.empty()) return it == regions.end() ? cur : std::string();
      auto parent = regions.find(it->second.parent);
      if (parent == regions.end() || parent->second.parent.empty()) return cur;
      cur = it->second.parent;
    }
    return cur;
  };
  std::map<std::pair<std::string, std::string>, RegionTotals> rows;  // (country, region code)
  auto row = [&](const std::string& ctry, const std::string& region_code) -> RegionTotals& {
    const std::string top = region_code.empty() ? std::string() : first_level(region_code);
    std::string c = ctry;
    if (!top.empty())
      if (auto it = regions.find(top); it != regions.end()) c = it->second.country;
    auto& r = rows[{c, top}];
    if (r.country.empty() && r.region_code.empty()) {
      r.country = c;
      r.region_code = top;
      if (auto it = regions.find(top); it != regions.end()) r.region = it->second.name;
    }
    return r;
  };
  for (const auto& a : store::agreements_known_at(db, as_of)) {
    auto& r = row(a.country, a.region_code);
    if (country.empty() || r.country == country) ++r.agreements;
  }
  store::CommitmentFilter sf;
  if (!country.empty()) sf.country = std::string(country);
  for (const auto& p : collect(db, sf, {}, as_of, {}, [](const Pledge&) { return true; })) {
    auto& r = row(p.country, p.region_code);
    ++r.commitments;
    const auto& s = p.status;
    if (p.metric == Metric::jobs) {
      r.pledged_jobs += s.target.value_or(0);
      r.achieved_jobs += s.latest_value.value_or(0);
    }
    if (p.metric == Metric::investment && s.target) r.investment[p.unit.empty() ? "?" : p.unit] += *s.target;
    if (s.status == Status::overdue || s.status == Status::overdue_no_data) ++r.overdue;
  }
  std::vector<RegionTotals> out;
  for (auto& [k, r] : rows)
    if ((country.empty() || r.country == country) && (r.agreements || r.commitments)) out.push_back(std::move(r));
  return out;
}

}  // namespace pledgedb::query

// Storing one announcement: parties and regions resolved, agreements merged, claims and
// progress recorded, all in one write transaction.
#include "pledgedb/ingest/ingest.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "pledgedb/error.hpp"
#include "pledgedb/geo/gazetteer.hpp"
#include "pledgedb/store/announcements.hpp"
#include "pledgedb/store/commitments.hpp"
#include "pledgedb/store/parties.hpp"
#include "pledgedb/store/sources.hpp"
#include "pledgedb/text/normalize.hpp"

namespace pledgedb::ingest {

namespace {

std::vector<std::string> words_of(const std::string& folded) {
  std::vector<std::string> words;
  std::string w;
  for (char c : folded + " ") {
    if (c == ' ') {
      if (!w.empty()) words.push_back(std::move(w));
      w.clear();
    } else {
      w += c;
    }
  }
  return words;
}

struct ResolvedParty {
  std::int64_t id = 0;
  bool weak = false;     // matched only by consonant skeleton: needs the agreement to confirm
  bool created = false;  // created for this source
};

}  // namespace

// Derived keys of every alias (acronym, company core key, consonant skeleton, first word), so
// that resolving a new name is a few hash lookups rather than a scan of all aliases.
struct PartyCache::Impl {
  bool loaded = false;
  std::unordered_map<std::string, std::set<std::int64_t>> core, acronym, skeleton;
  std::unordered_map<std::string, std::vector<std::pair<std::vector<std::string>, std::int64_t>>> by_first_word;

  void add(std::int64_t party, const std::string& alias) {
    const auto key = text::fold(alias);
    if (auto c = company_core_key(alias); !c.empty()) core[c].insert(party);
    if (auto a = acronym_of(alias); a.size() >= 3) acronym[a].insert(party);
    if (auto k = consonant_skeleton(alias); k.size() >= 4) skeleton[k].insert(party);
    auto words = words_of(key);
    if (!words.empty()) by_first_word[words.front()].emplace_back(std::move(words), party);
  }
  void load(store::Database& db) {
    if (loaded) return;
    core.clear();
    acronym.clear();
    skeleton.clear();
    by_first_word.clear();
    for (const auto& row : store::all_party_aliases(db)) add(row.party_id, row.alias);
    loaded = true;
  }
};

PartyCache::PartyCache() : impl(std::make_unique<Impl>()) {}
PartyCache::~PartyCache() = default;

namespace {

std::optional<std::int64_t> unique(const std::unordered_map<std::string, std::set<std::int64_t>>& m, const std::string& k) {
  auto it = m.find(k);
  if (it == m.end() || it->second.size() != 1) return std::nullopt;
  return *it->second.begin();
}

class Resolver {
 public:
  Resolver(store::Database& db, const Announcement& a, PartyCache::Impl& cache) : db_(db), doc_(a), cache_(cache) {}

  // Finds the party a name refers to, or nothing. Never creates.
  std::optional<ResolvedParty> find(const std::string& name) {
    const auto [long_name, paren] = split_parenthetical(name);
    for (const auto& n : {name, long_name, paren})
      if (auto id = by_key(text::fold(n))) return ResolvedParty{*id, false, false};
    cache_.load(db_);
    // "Grasim Industries Limited" <-> "Grasim", "China Wu Yi" <-> "China Wuyi".
    if (const auto core = company_core_key(long_name); !core.empty())
      if (auto id = unique(cache_.core, core)) return ResolvedParty{*id, false, false};
    // "Agence ... Exportations" <-> an existing "AMDIE".
    if (const auto acr = acronym_of(long_name); acr.size() >= 3)
      if (auto id = by_key(text::fold(acr))) return ResolvedParty{*id, false, false};
    // "AMDIE" <-> an existing long name whose initials spell it, or one this text writes
    // right before "(AMDIE)" (how an Arabic long name meets its Latin acronym).
    const std::string acr_name = looks_like_acronym(name) ? name : looks_like_acronym(paren) ? paren : std::string{};
    if (acr_name.size() >= 3) {
      if (auto id = unique(cache_.acronym, acr_name)) return ResolvedParty{*id, false, false};
      if (auto id = named_before_parenthesis(acr_name)) return ResolvedParty{*id, false, false};
    }
    // A long name written in this text as "Name (ACR)" where ACR is known.
    if (const auto acr = acronym_after(name); !acr.empty())
      if (auto id = by_key(text::fold(acr))) return ResolvedParty{*id, false, false};
    // Same consonant skeleton in another script: a weak signal only.
    if (const auto sk = consonant_skeleton(long_name); sk.size() >= 4)
      if (auto id = unique(cache_.skeleton, sk)) return ResolvedParty{*id, true, false};
    // One name's words start the other's ("Renault" / "Renault Nissan", "Foxconn" / "Foxconn
    // Technology Group"): a weak signal only, like the skeleton.
    const auto mine = words_of(text::fold(long_name));
    if (!mine.empty() && mine.front().size() >= 4) {
      std::set<std::int64_t> hits;
      if (auto it = cache_.by_first_word.find(mine.front()); it != cache_.by_first_word.end())
        for (const auto& [theirs, party] : it->second)
          if (theirs.size() > mine.size() && std::equal(mine.begin(), mine.end(), theirs.begin())) hits.insert(party);
      std::string prefix;
      for (std::size_t i = 0; i + 1 < mine.size(); ++i) {
        prefix += (i ? " " : "") + mine[i];
        for (auto id : store::parties_with_alias_key(db_, prefix)) hits.insert(id);
      }
      if (hits.size() == 1) return ResolvedParty{*hits.begin(), true, false};
    }
    return std::nullopt;
  }

  ResolvedParty resolve_or_create(const PartyRef& ref) {
    if (auto r = find(ref.name)) {
      if (!r->weak) remember(r->id, ref);
      return *r;
    }
    const auto [long_name, paren] = split_parenthetical(ref.name);
    const std::string display = paren.empty() || !looks_like_acronym(paren) ? ref.name : long_name;
    const auto id = store::insert_party(db_, display.empty() ? ref.name : display, ref.kind, ref.country);
    remember(id, ref);
    return ResolvedParty{id, false, true};
  }

  // Records every spelling of the reference as an alias of the party.
  void remember(std::int64_t id, const PartyRef& ref) {
    const auto [long_name, paren] = split_parenthetical(ref.name);
    std::vector<std::string> spellings = {ref.name, long_name, paren};
    if (const auto acr = acronym_after(ref.name); !acr.empty()) spellings.push_back(acr);
    for (const auto& n : spellings)
      if (!n.empty() && !text::fold(n).empty() && store::add_party_alias(db_, id, n, "extracted") && cache_.loaded)
        cache_.add(id, n);
    store::complete_party(db_, id, ref.kind, ref.country);
  }

 private:
  std::optional<std::int64_t> by_key(const std::string& key) {
    if (key.empty()) return std::nullopt;
    auto ids = store::parties_with_alias_key(db_, key);
    if (ids.empty()) return std::nullopt;
    return ids.front();
  }

  // A known alias the document writes right before "(ACR)": the longest such alias wins.
  std::optional<std::int64_t> named_before_parenthesis(const std::string& acr) {
    const auto at = doc_.text.find("(" + acr + ")");
    if (at == std::string::npos) return std::nullopt;
    const std::size_t from = at > 300 ? at - 300 : 0;
    const auto words = words_of(text::fold(std::string_view(doc_.text).substr(from, at - from)));
    std::string suffix;
    std::optional<std::int64_t> found;
    for (std::size_t n = 1; n <= std::min<std::size_t>(words.size(), 12); ++n) {
      suffix = words[words.size() - n] + (suffix.empty() ? "" : " " + suffix);
      if (suffix.size() < 6) continue;
      if (auto id = by_key(suffix)) found = id;
    }
    return found;
  }

  // "Name (ACR)" in the document text: the ACR written right after this name.
  std::string acronym_after(const std::string& name) const {
    if (name.size() < 6) return {};
    std::size_t at = doc_.text.find(name);
    while (at != std::string::npos) {
      std::size_t i = at + name.size();
      while (i < doc_.text.size() && doc_.text[i] == ' ') ++i;
      if (i < doc_.text.size() && doc_.text[i] == '(') {
        const auto close = doc_.text.find(')', i);
        if (close != std::string::npos && close - i <= 12) {
          std::string inner = doc_.text.substr(i + 1, close - i - 1);
          if (looks_like_acronym(inner)) return inner;
        }
      }
      at = doc_.text.find(name, at + 1);
    }
    return {};
  }

  store::Database& db_;
  const Announcement& doc_;
  PartyCache::Impl& cache_;
};

// The first-level region (or the country) an agreement is located in, as stored in `region`.
std::string resolve_region(store::Database& db, const Agreement& a) {
  const auto& gaz = geo::Gazetteer::builtin();
  auto level = [&](const std::string& code) -> std::string {
    const geo::Region* r = gaz.first_level(code);
    if (!r) r = gaz.find(code);
    if (!r) return {};
    return store::region_exists(db, r->code) ? r->code : std::string{};
  };
  if (!a.region_code.empty())
    if (auto c = level(a.region_code); !c.empty()) return c;
  for (const std::string* name : {&a.region, &a.city}) {
    if (name->empty()) continue;
    if (auto code = store::region_by_alias_key(db, text::fold(*name)); !code.empty())
      if (auto c = level(code); !c.empty()) return c;
    const auto found = gaz.lookup(*name);
    const geo::Region* pick = nullptr;
    for (const auto* r : found)
      if (a.country.empty() || r->country == a.country) {
        pick = r;
        break;
      }
    if (pick)
      if (auto c = level(pick->code); !c.empty()) return c;
  }
  if (!a.country.empty() && store::region_exists(db, a.country)) return a.country;
  return {};
}

// At most this many (newest) compatible agreements of a party are compared with a new one.
constexpr std::size_t merge_candidates = 64;

RegionRelation relate(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return RegionRelation::unknown;
  if (a == b) return RegionRelation::same;
  const auto& gaz = geo::Gazetteer::builtin();
  for (const auto* r : gaz.ancestry(a))
    if (r->code == b) return RegionRelation::nested;
  for (const auto* r : gaz.ancestry(b))
    if (r->code == a) return RegionRelation::nested;
  return RegionRelation::different;
}

MergeFacts facts_of(const store::AgreementSummary& s) {
  MergeFacts f;
  f.signed_on = s.signed_on;
  f.first_published = s.first_published;
  f.last_published = s.last_published;
  f.region_code = s.region_code;
  f.program = s.program;
  for (const auto& c : s.commitments)
    f.pledges.push_back({c.metric, c.values.target, c.values.deadline, c.values.unit, c.values.comparator});
  return f;
}

MergeFacts facts_of(const Agreement& a, const std::string& region_code, const std::optional<Date>& published) {
  MergeFacts f;
  f.signed_on = a.signed_on;
  f.first_published = f.last_published = published;
  f.region_code = region_code;
  f.program = a.program;
  for (const auto& c : a.commitments) f.pledges.push_back({c.metric, c.target, c.deadline, c.unit, c.comparator});
  return f;
}

// How well an existing commitment matches a statement: 0 = not the same pledge.
int commitment_match(const store::CommitmentRow& c, const Commitment& s, std::optional<std::int64_t> party) {
  if (c.metric != s.metric) return 0;
  if (c.party_id && party && *c.party_id != *party) return 0;
  if (c.values.target && s.target) {
    if (pledges_agree({c.metric, c.values.target, {}, c.values.unit, c.values.comparator},
                      {s.metric, s.target, {}, s.unit, s.comparator}))
      return 3;
    // A different number for the same deadline year is a revision of the same pledge.
    if (c.values.deadline && s.deadline && c.values.deadline->year() == s.deadline->year()) return 2;
    return 0;
  }
  if (c.values.deadline && s.deadline && c.values.deadline->year() == s.deadline->year()) return 2;
  if (!c.values.target && !s.target && !c.values.deadline && !s.deadline && !s.qualifier.empty() &&
      text::fold(c.values.qualifier) == text::fold(s.qualifier))
    return 1;
  return 0;
}

store::ClaimRow claim_from(const Commitment& c, std::int64_t commitment_id, std::int64_t source_id, const std::string& origin,
                           const std::optional<Date>& claimed_on) {
  store::ClaimRow r;
  r.commitment_id = commitment_id;
  r.source_id = source_id;
  r.origin = origin;
  r.target = c.target;
  r.comparator = c.comparator;
  r.unit = c.unit;
  r.qualifier = c.qualifier;
  r.start = c.start;
  r.deadline = c.deadline;
  if (c.deadline || c.deadline_kind != DeadlineKind::none) r.deadline_kind = c.deadline_kind;
  r.deadline_text = c.deadline_text;
  r.confidence = std::clamp(c.confidence, 0.0, 1.0);
  r.claimed_on = claimed_on;
  return r;
}

// Evidence given as words only (annotation form) gets the byte offsets of their first occurrence.
Evidence locate(const std::string& text, const Evidence& e) {
  if (e.start >= 0 || e.text.empty()) return e;
  Evidence out = e;
  if (const auto at = text.find(e.text); at != std::string::npos) {
    out.start = static_cast<std::int64_t>(at);
    out.end = static_cast<std::int64_t>(at + e.text.size());
  }
  return out;
}

std::string origin_for(const SourceInfo& info) { return info.format == "json" ? "imported" : "extracted"; }

}  // namespace

namespace {

// An "agreement" with no pledge and no signing date whose party the source reports progress of is
// the setting of a progress report ("X has hired 900 people at its Guelmim site"), not an
// agreement: the report links to the pledge instead (now, or when the pledge is ingested), so the
// database does not depend on whether the report or the pledge came first.
bool is_progress_report(const Agreement& ag, const Announcement& a) {
  if (!ag.commitments.empty() || ag.signed_on || a.progress.empty()) return false;
  for (const auto& p : a.progress) {
    const auto said = text::fold(p.party);
    if (said.empty()) continue;
    for (const auto& ref : ag.parties) {
      const auto [long_name, paren] = split_parenthetical(ref.name);
      if (said == text::fold(ref.name) || said == text::fold(long_name) || (!paren.empty() && said == text::fold(paren))) return true;
    }
  }
  return false;
}

// What a source says besides one progress statement: its text, the commitments it claims and the
// agreements it supports. The same whether the statement is linked while its own source is stored
// or later, when the pledge arrives (relink), so both give the same link.
struct ProgressSource {
  const std::string& text;
  const std::set<std::int64_t>& claimed;
  const std::set<std::int64_t>& touched;
  std::vector<std::string> regions;  // where the source's own agreements are (known ones)
};

// The pledge a progress statement reports on among `candidates` (same metric, its party's), or
// nullptr. A pledge made after the observation cannot be the one; among several: one the source
// restates, then one of an agreement it reports, then one whose place the text names, then the
// closest deadline, then target.
std::optional<store::CommitmentRow> choose_commitment(std::vector<store::PlacedCommitment> candidates, const Date& as_of,
                                                      double value, const ProgressSource& src) {
  // Nor a pledge in another region than the one the source itself writes about (the company's
  // other site): that observation waits for the pledge of its own region.
  auto elsewhere = [&](const std::string& region) {
    if (region.empty() || src.regions.empty()) return false;
    for (const auto& r : src.regions)
      if (relate(region, r) != RegionRelation::different) return false;
    return true;
  };
  std::erase_if(candidates, [&](const store::PlacedCommitment& pc) {
    const auto& c = pc.commitment;
    return (c.values.start && *c.values.start > as_of) || (pc.signed_on && *pc.signed_on > as_of) || elsewhere(pc.region_code);
  });
  if (candidates.empty()) return std::nullopt;
  const std::string folded_text = " " + text::fold(src.text) + " ";
  auto mentioned = [&](const std::string& place) {
    const auto k = text::fold(place);
    return !k.empty() && folded_text.find(" " + k + " ") != std::string::npos;
  };
  auto cost = [&](const store::PlacedCommitment& v) {
    const auto& c = v.commitment;
    const int own = src.claimed.count(c.id) ? 0 : src.touched.count(c.agreement_id) ? 1 : 2;
    const int named = mentioned(v.city) || mentioned(v.region) || mentioned(v.place) ? 0 : 1;
    const double d = c.values.deadline ? std::fabs(static_cast<double>(days_between(as_of, *c.values.deadline))) : 1e9;
    const double t = c.values.target && *c.values.target > 0 ? std::fabs(*c.values.target - value) / *c.values.target : 1e9;
    return std::tuple{own, named, d, t, c.id};
  };
  // Each candidate's cost once (it folds place names and searches the text); the first of the
  // cheapest wins.
  std::size_t best = 0;
  auto best_cost = cost(candidates.front());
  for (std::size_t i = 1; i < candidates.size(); ++i)
    if (auto k = cost(candidates[i]); k < best_cost) {
      best = i;
      best_cost = std::move(k);
    }
  return candidates[best].commitment;
}

// (party, metric) of the pledges a source stored -> the earliest date from which one of them can
// be reported on (nullopt: any date).
using RelinkKeys = std::map<std::pair<std::int64_t, Metric>, std::optional<Date>>;

// Statements stored earlier that waited for a pledge of one of these (party, metric): each is
// linked as it would have been had the pledge been stored first. A statement dated before every
// new pledge is not re-examined (nothing it could link to has changed): a long-waiting statement
// of a party with many agreements costs nothing per source. Returns how many were linked.
std::size_t relink_pending(store::Database& db, const RelinkKeys& keys, std::int64_t current_source) {
  std::size_t linked = 0;
  std::set<std::int64_t> done;
  for (const auto& [key, from] : keys)
    for (const auto& pending : store::pending_progress_for(db, key.first, key.second)) {
      if (pending.source_id == current_source || done.count(pending.id)) continue;  // its own: just tried
      if (from && pending.as_of < *from) continue;
      done.insert(pending.id);
      const auto [party, metric] = key;
      auto candidates = store::party_commitments(db, pending.party_id.value_or(party), metric);
      if (candidates.empty()) continue;
      const std::string text = store::source_text(db, pending.source_id);
      const auto claimed_ids = store::source_claimed_commitment_ids(db, pending.source_id);
      const auto touched_ids = store::source_agreement_ids(db, pending.source_id);
      const std::set<std::int64_t> claimed(claimed_ids.begin(), claimed_ids.end());
      const std::set<std::int64_t> touched(touched_ids.begin(), touched_ids.end());
      const auto best = choose_commitment(std::move(candidates), pending.as_of, pending.value,
                                          {text, claimed, touched, pending.region_code.empty() ? std::vector<std::string>{} : std::vector{pending.region_code}});
      if (!best) continue;
      store::link_pending_progress(db, pending, best->id);
      store::link_agreement_source(db, best->agreement_id, pending.source_id);  // the source reports on it
      ++linked;
    }
  return linked;
}

IngestResult ingest_one(store::Database& db, const Announcement& a, const SourceInfo& info, PartyCache::Impl& cache) {
  IngestResult result;
  store::WriteTransaction tx(db);
  if (auto existing = store::find_source_by_sha256(db, info.sha256)) {
    result.unchanged = true;
    result.source_id = *existing;
    return result;  // the transaction rolls back: nothing was written
  }
  store::NewSource src;
  src.sha256 = info.sha256;
  src.url = a.url;
  src.outlet = a.outlet;
  src.language = a.language;
  src.title = a.title;
  src.published = a.published;
  src.path = info.path;
  src.format = info.format;
  if (a.kind) src.kind = std::string(to_string(*a.kind));
  src.text = a.text;
  const auto source_id = store::insert_source(db, src);
  result.source_id = source_id;
  const std::string origin = origin_for(info);

  Resolver resolver(db, a, cache);
  std::set<std::int64_t> touched;  // agreements this source already supports
  std::set<std::int64_t> claimed;  // commitments this source states (or restates)
  std::vector<std::string> source_regions;  // the regions the source writes about
  RelinkKeys relink_keys;          // (party, metric) of the pledges stored, and from when they count

  for (const auto& ag : a.agreements) {
    const std::string region_code = resolve_region(db, ag);
    if (!region_code.empty() && std::find(source_regions.begin(), source_regions.end(), region_code) == source_regions.end())
      source_regions.push_back(region_code);
    if (is_progress_report(ag, a)) continue;
    // Parties: strong matches and new parties right away, skeleton matches pending confirmation.
    std::vector<std::pair<const PartyRef*, ResolvedParty>> parties;
    for (const auto& p : ag.parties) parties.emplace_back(&p, resolver.resolve_or_create(p));

    std::vector<std::int64_t> keys;  // investors, else every party
    for (const auto& [ref, r] : parties)
      if (ref->role == Role::investor) keys.push_back(r.id);
    const bool has_investor = !keys.empty();
    if (!has_investor)
      for (const auto& [ref, r] : parties) keys.push_back(r.id);

    const MergeFacts incoming = facts_of(ag, region_code, a.published);
    std::optional<std::int64_t> target_agreement;
    std::vector<std::int64_t> target_parties;
    std::optional<Date> target_signed;
    int best = 0;
    std::set<std::int64_t> seen;
    for (auto key : keys) {
      // Only agreements in a compatible region and program are read in full, the newest
      // `merge_candidates` of them: the cost per source does not grow with the database.
      const auto compatible = [&](const store::AgreementSummary& s) {
        return !touched.count(s.id) && relate(s.region_code, region_code) != RegionRelation::different &&
               programs_compatible(s.program, ag.program);
      };
      // Only the agreements' own columns: a candidate's pledges and publication dates are read
      // when the signing dates leave it a chance, its parties only when it wins.
      auto cands = store::agreements_of_party(
          db, key, has_investor ? store::AgreementsOf::as_investor : store::AgreementsOf::without_investors, compatible,
          merge_candidates);
      // The query already chose them by role: `key` is an investor of every candidate (as_investor),
      // or no candidate has an investor (without_investors).
      std::vector<char> pledges_read(cands.size(), 0);
      const auto with_pledges = [&](std::size_t i) -> const store::AgreementSummary& {
        if (!pledges_read[i]) {
          cands[i].commitments = store::agreement_commitments(db, cands[i].id);
          pledges_read[i] = 1;
        }
        return cands[i];
      };
      // How many of this investor's agreements in exactly this region pledge a metric this one
      // pledges: an undated article is placed only when that answer is one. Counted when first needed.
      const auto shares_metric = [&](const store::AgreementSummary& s) {
        for (const auto& c : s.commitments)
          for (const auto& p : incoming.pledges)
            if (c.metric == p.metric) return true;
        return false;
      };
      std::optional<std::size_t> in_region;
      const auto count_in_region = [&] {
        if (!in_region) {
          in_region = 0;
          if (has_investor && !region_code.empty())
            for (std::size_t i = 0; i < cands.size(); ++i)
              if (cands[i].region_code == region_code && shares_metric(with_pledges(i))) ++*in_region;
        }
        return *in_region;
      };
      for (std::size_t i = 0; i < cands.size(); ++i) {
        if (touched.count(cands[i].id) || !seen.insert(cands[i].id).second) continue;
        if (signings_rule_out_merge(cands[i].signed_on, incoming.signed_on)) continue;
        auto& cand = cands[i];
        with_pledges(i);
        // Publication dates count only when a signing date is missing (score_merge).
        if (!cand.signed_on || !incoming.signed_on) store::read_published_span(db, cand);
        const MergeFacts existing = facts_of(cand);
        MergeContext context;
        if (sole_in_region_counts(existing, incoming))
          context.sole_in_region = cand.region_code == region_code && shares_metric(cand) && count_in_region() == 1;
        const auto sc = score_merge(existing, incoming, relate(cand.region_code, region_code), context);
        if (!sc.match) continue;
        if (!has_investor) {
          const bool same_program = !ag.program.empty() && !cand.program.empty() && programs_compatible(ag.program, cand.program);
          // Governments sign many things: a shared pledge and one more signal are needed.
          if (!same_program && sc.score < merge_threshold + 1) continue;
        }
        if (sc.score > best) {
          best = sc.score;
          target_agreement = cand.id;
          target_signed = cand.signed_on;
        }
      }
    }
    if (target_agreement) {
      store::AgreementSummary target;
      target.id = *target_agreement;
      store::read_agreement_parties(db, target);
      target_parties = std::move(target.parties);
    }
    // A weak (skeleton or word-prefix) party match stands only when it led to a merge; else it is a new party.
    for (auto& [ref, r] : parties) {
      if (!r.weak) continue;
      const bool confirmed = std::find(target_parties.begin(), target_parties.end(), r.id) != target_parties.end();
      if (confirmed) {
        resolver.remember(r.id, *ref);
      } else {
        r.id = store::insert_party(db, ref->name, ref->kind, ref->country);
        resolver.remember(r.id, *ref);
        r.created = true;
      }
      r.weak = false;
    }

    std::int64_t agreement_id;
    if (target_agreement) {
      agreement_id = *target_agreement;
      store::complete_agreement(db, agreement_id, ag, region_code);
      if (ag.signed_on) store::keep_earliest_signing(db, agreement_id, *ag.signed_on);
      result.merged_agreements.push_back(agreement_id);
    } else {
      agreement_id = store::insert_agreement(db, ag, region_code);
      result.new_agreements.push_back(agreement_id);
    }
    touched.insert(agreement_id);
    store::link_agreement_source(db, agreement_id, source_id);
    std::map<std::string, std::int64_t> party_by_name;
    for (const auto& [ref, r] : parties) {
      store::add_agreement_party(db, agreement_id, r.id, ref->role, ref->representative, ref->title);
      party_by_name.emplace(ref->name, r.id);
    }
    for (const auto& e : ag.evidence) store::insert_evidence(db, source_id, locate(a.text, e), store::EvidenceFor::agreement, agreement_id);

    // Commitments: a statement about an existing pledge is a claim on it, never a duplicate.
    auto existing = store::agreement_commitments(db, agreement_id);
    std::set<std::int64_t> used;
    for (const auto& c : ag.commitments) {
      std::optional<std::int64_t> party;
      if (!c.party.empty()) {
        if (auto it = party_by_name.find(c.party); it != party_by_name.end()) party = it->second;
        else {
          PartyRef ref;
          ref.name = c.party;
          party = resolver.resolve_or_create(ref).id;
        }
      }
      const store::CommitmentRow* match = nullptr;
      int match_score = 0;
      for (const auto& e : existing) {
        if (used.count(e.id)) continue;
        const int s = commitment_match(e, c, party);
        if (s > match_score) {
          match_score = s;
          match = &e;
        }
      }
      if (!match && c.target) {
        // The only pledge of this kind restated with a new number and date: a revision.
        std::size_t same_metric = 0;
        for (const auto& other : ag.commitments) same_metric += other.metric == c.metric && other.target ? 1 : 0;
        std::vector<const store::CommitmentRow*> open;
        for (const auto& e : existing)
          if (!used.count(e.id) && e.metric == c.metric && e.values.target && (!e.party_id || !party || *e.party_id == *party))
            open.push_back(&e);
        if (same_metric == 1 && open.size() == 1) match = open.front();
      }
      std::int64_t commitment_id;
      if (match) {
        commitment_id = match->id;
      } else {
        commitment_id = store::insert_commitment(db, agreement_id, party, c.metric);
      }
      for (const auto& m : c.milestones)
        if (!store::milestone_exists(db, commitment_id, m)) {
          const auto mid = store::insert_milestone(db, commitment_id, m, source_id);
          if (!m.text.empty()) store::insert_evidence(db, source_id, locate(a.text, {m.text, -1, -1}), store::EvidenceFor::milestone, mid);
        }
      used.insert(commitment_id);
      claimed.insert(commitment_id);
      const auto claim_id = store::insert_claim(db, claim_from(c, commitment_id, source_id, origin, a.published));
      for (const auto& e : c.evidence) store::insert_evidence(db, source_id, locate(a.text, e), store::EvidenceFor::claim, claim_id);
      store::compile_commitment(db, commitment_id);
      // Waiting progress of any party of the agreement (as party_commitments finds them) may now link.
      // From when this pledge can be what an observation reports on (start and signing passed).
      std::optional<Date> from = store::get_commitment(db, commitment_id).values.start;
      if (const auto signed_on = target_signed ? target_signed : ag.signed_on; signed_on && (!from || *from < *signed_on))
        from = signed_on;
      auto note = [&](std::int64_t party_id) {
        auto [it, fresh] = relink_keys.emplace(std::pair{party_id, c.metric}, from);
        if (!fresh && it->second && (!from || *from < *it->second)) it->second = from;
      };
      if (party) note(*party);
      for (const auto& [ref, r] : parties) note(r.id);
      for (auto id : target_parties) note(id);
    }
  }

  // Progress: linked to the pledge it reports on; a dated statement of a named party with no such
  // pledge yet waits in pending_progress (linked when the pledge is stored); others are reported.
  const ProgressSource self{a.text, claimed, touched, source_regions};
  for (const auto& p : a.progress) {
    UnlinkedProgress miss{p.party, p.metric, p.value, p.as_of, {}};
    const std::optional<Date> as_of = p.as_of ? p.as_of : a.published;
    if (!as_of) {
      miss.reason = "no date: neither the statement nor the source says when";
      result.unlinked.push_back(miss);
      continue;
    }
    std::vector<store::PlacedCommitment> candidates;
    std::optional<std::int64_t> party;
    if (!p.party.empty())
      if (auto r = resolver.find(p.party); r && !r->weak) party = r->id;
    if (party) candidates = store::party_commitments(db, *party, p.metric);
    if (candidates.empty())
      for (auto id : touched) {
        std::optional<store::AgreementView> header;  // read once, when one of its commitments is a candidate
        for (auto& c : store::agreement_commitments(db, id)) {
          if (c.metric != p.metric || (party && c.party_id && *c.party_id != *party)) continue;
          if (!header) header = store::get_agreement_header(db, id);
          candidates.push_back({std::move(c), header->signed_on, header->region_code, header->region, header->city, header->place});
        }
      }
    const bool had_candidates = !candidates.empty();
    const auto best = had_candidates ? choose_commitment(std::move(candidates), *as_of, p.value, self) : std::nullopt;
    if (!best) {
      miss.reason = had_candidates ? "every matching pledge was made after the observation date"
                    : party        ? "no commitment of this party with this metric"
                                   : "unknown party and no pledge with this metric in the source";
      miss.kept = !text::fold(p.party).empty();
      if (miss.kept) {
        // Kept: the pledge may be in a source not ingested yet.
        store::PendingProgressRow row;
        row.source_id = source_id;
        row.party_id = party;
        row.party = p.party;
        if (source_regions.size() == 1) row.region_code = source_regions.front();
        row.metric = p.metric;
        row.as_of = *as_of;
        row.value = p.value;
        row.unit = p.unit;
        row.origin = origin;
        row.confidence = std::clamp(p.confidence, 0.0, 1.0);
        for (const auto& e : p.evidence) row.evidence.push_back(locate(a.text, e));
        store::insert_pending_progress(db, row);
      }
      result.unlinked.push_back(miss);
      continue;
    }
    store::ProgressRow row;
    row.commitment_id = best->id;
    row.as_of = *as_of;
    row.value = p.value;
    row.unit = p.unit;
    row.source_id = source_id;
    row.origin = origin;
    row.confidence = std::clamp(p.confidence, 0.0, 1.0);
    const auto progress_id = store::insert_progress(db, row);
    store::link_agreement_source(db, best->agreement_id, source_id);  // the source reports on it
    for (const auto& e : p.evidence) store::insert_evidence(db, source_id, locate(a.text, e), store::EvidenceFor::progress, progress_id);
    ++result.progress;
  }
  // Earlier statements waiting for the pledges this source stored.
  if (!relink_keys.empty()) result.progress += relink_pending(db, relink_keys, source_id);
  tx.commit();
  return result;
}

}  // namespace

IngestResult ingest_announcement(store::Database& db, const Announcement& a, const SourceInfo& info, PartyCache* cache) {
  PartyCache local;
  PartyCache& pc = cache ? *cache : local;
  try {
    return ingest_one(db, a, info, *pc.impl);
  } catch (...) {
    pc.impl->loaded = false;  // it may hold aliases of the rolled-back transaction
    throw;
  }
}

}  // namespace pledgedb::ingest

// The extractor: normalize once, tokenize once, find cues/numbers/money/dates/deadlines/regions,
// then assemble parties, commitments, progress and agreements with evidence and confidence.
#include "pledgedb/extract/extractor.hpp"

#include "geo/curated.hpp"
#include "extract/flat_table.hpp"
#include "extract/naming.hpp"
#include "extract/place_cache.hpp"
#include "extract/representatives.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "pledgedb/extract/dates.hpp"
#include "pledgedb/extract/numbers.hpp"
#include "pledgedb/geo/gazetteer.hpp"
#include "pledgedb/text/normalize.hpp"

namespace pledgedb::extract {

namespace detail {
// Defined in parties.cpp.
struct PartyMention {
  std::uint32_t first = 0, last = 0;  // tokens
  std::size_t party = 0;              // index into the party list
};
struct PartyFinding {
  std::vector<PartyRef> parties;
  std::vector<std::vector<std::string>> aliases;  // per party: every spelling seen
  std::vector<PartyMention> mentions;
};
PartyFinding find_parties(std::string_view normalized, const std::vector<Token>& toks,
                          const std::vector<CueHit>& cues, const KnownPartyIndex* known,
                          std::string_view lang);
}  // namespace detail

namespace {

using detail::Cue;
using detail::CueHit;
using detail::Token;
// Word lists: open addressing (std::unordered_set re-hashes every std::string of a bucket chain
// it walks, because it does not cache a custom hash).
using SvSet = detail::FlatSet;

constexpr std::size_t kCues = static_cast<std::size_t>(Cue::count_);

// Items grouped by a small key (a sentence, a cue family), each group in the order of the
// source: one array and one offset per key, not a vector per key (two allocations per document
// instead of one or more per sentence or family).
template <class T>
class Grouped {
 public:
  static constexpr std::size_t kSkip = static_cast<std::size_t>(-1);
  // key_of(x) gives the group of x (kSkip leaves it out); item_of(x) what is stored.
  template <class Source, class KeyOf, class ItemOf>
  Grouped(std::size_t groups, const Source& source, KeyOf key_of, ItemOf item_of) : start_(groups + 1, 0) {
    for (const auto& x : source)
      if (const std::size_t g = key_of(x); g != kSkip) ++start_[g + 1];
    for (std::size_t g = 1; g <= groups; ++g) start_[g] += start_[g - 1];
    items_.resize(start_[groups]);
    std::vector<std::uint32_t> fill(start_.begin(), start_.end() - 1);
    for (const auto& x : source)
      if (const std::size_t g = key_of(x); g != kSkip) items_[fill[g]++] = item_of(x);
  }
  std::span<const T> operator[](std::size_t g) const {
    return {items_.data() + start_[g], items_.data() + start_[g + 1]};
  }

 private:
  std::vector<std::uint32_t> start_;
  std::vector<T> items_;
};

// Per-family sorted token positions of cue hits, for "is there a cue of family C in [a, b)".
struct CueIndex {
  Grouped<const CueHit*> by_cue;

  explicit CueIndex(const std::vector<CueHit>& hits)
      : by_cue(kCues, hits, [](const CueHit& h) { return static_cast<std::size_t>(h.cue); },
               [](const CueHit& h) { return &h; }) {}
  std::span<const CueHit* const> of(Cue c) const { return by_cue[static_cast<std::size_t>(c)]; }
  // First hit of family c starting in [a, b).
  const CueHit* in(Cue c, std::size_t a, std::size_t b) const {
    const auto v = of(c);
    auto it = std::lower_bound(v.begin(), v.end(), a, [](const CueHit* h, std::size_t x) { return h->first < x; });
    return (it != v.end() && (*it)->first < b) ? *it : nullptr;
  }
  // The hit of family c in [a, b) nearest to token p.
  const CueHit* nearest(Cue c, std::size_t a, std::size_t b, std::size_t p) const {
    const auto v = of(c);
    auto it = std::lower_bound(v.begin(), v.end(), a, [](const CueHit* h, std::size_t x) { return h->first < x; });
    const CueHit* best = nullptr;
    std::size_t bd = 0;
    for (; it != v.end() && (*it)->first < b; ++it) {
      std::size_t d = (*it)->first > p ? (*it)->first - p : p - (*it)->first;
      if (!best || d < bd) { best = *it; bd = d; }
    }
    return best;
  }
};

struct Spans {
  std::vector<std::uint32_t> sentence_start;  // token index where each sentence starts
  std::vector<std::uint32_t> clause_start;
  std::size_t n = 0;
  explicit Spans(const std::vector<Token>& t) : n(t.size()) {
    if (!t.empty()) {
      sentence_start.reserve(t.back().sentence + 1);
      clause_start.reserve(t.back().clause + 1);
    }
    for (std::size_t i = 0; i < t.size(); ++i) {
      if (t[i].sentence >= sentence_start.size()) sentence_start.resize(t[i].sentence + 1, static_cast<std::uint32_t>(i));
      if (t[i].clause >= clause_start.size()) clause_start.resize(t[i].clause + 1, static_cast<std::uint32_t>(i));
    }
  }
  std::pair<std::size_t, std::size_t> sentence(std::uint32_t s) const {
    return {sentence_start[s], s + 1 < sentence_start.size() ? sentence_start[s + 1] : n};
  }
  std::pair<std::size_t, std::size_t> clause(std::uint32_t c) const {
    return {clause_start[c], c + 1 < clause_start.size() ? clause_start[c + 1] : n};
  }
};

// Token index of the first token starting at or after byte b.
// The index of the first token that ends after byte b (the token holding b, or the next one;
// the token count when none). The tokens' ends are searched packed in one array, without a
// branch per step: a search over the 72-byte tokens themselves missed the cache at each step.
class TokenEnds {
 public:
  explicit TokenEnds(const std::vector<Token>& t) : ends_(t.size()) {
    for (std::size_t i = 0; i < t.size(); ++i) ends_[i] = t[i].end;
  }
  std::size_t at(std::size_t b) const {
    if (ends_.empty()) return 0;
    const std::uint32_t* base = ends_.data();
    for (std::size_t n = ends_.size(); n > 1;) {
      const std::size_t half = n / 2;
      base = base[half] <= b ? base + half : base;
      n -= half;
    }
    return static_cast<std::size_t>(base - ends_.data()) + (*base <= b ? 1 : 0);
  }

 private:
  std::vector<std::uint32_t> ends_;
};

struct Ctx {
  const Document& doc;
  const text::Normalized& norm;
  const std::vector<Token>& toks;
  const CueIndex& cues;
  const Spans& spans;

  Evidence evidence(std::size_t nb, std::size_t ne) const {
    Evidence e;
    auto b = norm.to_original(nb), en = norm.to_original(ne);
    e.start = static_cast<std::int64_t>(b);
    e.end = static_cast<std::int64_t>(en);
    e.text = doc.text.substr(b, en - b);
    return e;
  }
  Evidence token_evidence(std::size_t a, std::size_t b) const {
    return evidence(toks[a].begin, toks[b - 1].end);
  }
};

struct Candidate {
  Metric metric = Metric::other;
  double target = 0;
  std::string unit;
  std::string qualifier;
  Comparator comparator = Comparator::exactly;
  std::size_t tok = 0;  // first token of the number
  std::size_t tok_end = 0;
  std::size_t nb = 0, ne = 0;  // normalized bytes of the number
  bool progress = false;
  bool headcount = false;  // progress read from a current headcount ("employs", "compte déjà")
  bool total = false;  // the sum of several deals
  double confidence = 0.6;
};

// The agreement a pledge belongs to: its investor's, or that of a deal whose investor is not named
// (identified by the sentence that opens it).
struct DealGroup {
  std::optional<std::size_t> party;
  std::optional<std::uint32_t> deal;
  bool operator==(const DealGroup&) const = default;
};

bool has_hit_in(const CueIndex& ci, Cue c, std::size_t a, std::size_t b) { return ci.in(c, a, b) != nullptr; }

// Words that qualify a job count and may stand between the number and its noun.
bool skippable_adjective(const Token& t) {
  static const SvSet words = {
      "new", "direct", "indirect", "additional", "permanent", "local", "skilled", "qualified", "high", "full",
      "time", "well", "paying", "moroccan", "nouveaux", "nouveau", "directs", "indirects", "supplementaires",
      "qualifies", "marocains", "hautement", "de", "d", "des", "nuevos", "directos", "of", "en",
      "جديد", "جديدة", "مباشر", "مباشرة", "اضافي", "اضافيه", "مغاربه"};
  return words.contains(t.hashed_key());
}

std::string qualifier_of(const Ctx& c, std::size_t a, std::size_t b) {
  bool direct = false, indirect = false;
  for (std::size_t i = a; i < b && i < c.toks.size() && !c.toks[i].digits; ++i) {  // not the next figure's
    const auto& k = c.toks[i].key;
    const auto& s = c.toks[i].stem;
    if (k == "indirect" || k == "indirects" || k == "indirectos" || k == "indirectly" || s == "غير") {
      indirect = true;
      if (s == "غير") ++i;  // "غير مباشر" is one word: indirect
    } else if (k == "direct" || k == "directs" || k == "directos" || s == "مباشر" || s == "مباشره" || k == "directly") {
      direct = true;
    }
  }
  if (indirect && direct) return "direct and indirect jobs";
  if (indirect) return "indirect jobs";
  if (direct) return "direct jobs";
  return {};
}

std::optional<Date> end_of_period(const DateMatch& d) {
  switch (d.precision) {
    case DatePrecision::day: return d.date;
    case DatePrecision::month: return Date(d.date.year(), d.date.month(), days_in_month(d.date.year(), d.date.month()));
    case DatePrecision::year: return Date::end_of_year(d.date.year());
  }
  return d.date;
}

int deadline_rank(const Commitment& c) {
  if (!c.deadline) return c.deadline_kind == DeadlineKind::relative ? 1 : 0;
  switch (c.deadline_kind) {
    case DeadlineKind::absolute: return 5;
    case DeadlineKind::relative: return 4;
    case DeadlineKind::horizon: return 3;
    default: return 2;
  }
}

std::string latin_name_of(const geo::Gazetteer& gaz, const geo::Region& r) {
  // Display names from iso-codes are Latin already.
  (void)gaz;
  return r.name;
}

struct RegionMention {
  std::size_t first = 0, last = 0;  // tokens
  const geo::Region* region = nullptr;
  std::string surface;
  bool city = false;  // not a first-level region nor a country
};



// Folded words of the gazetteer, built once: the first words of names and aliases, the words
// that only ever follow a first word (plus the designators Gazetteer::lookup strips), and
// the names that are one word. A look-up is only made for n-grams these sets allow: a look-up
// allocates, and most capitalised words are no place name.
// A bit per word hash (2^17 bits, 16 KiB): the gazetteer's word sets are too large for the
// cache and their tables' own 1024-bit filters are nearly full, so without this nearly every
// capitalised or Arabic word cost a cache miss in the table.
class HashBits {
 public:
  void set(std::size_t hash) { bits_[slot(hash) >> 6] |= std::uint64_t(1) << (slot(hash) & 63); }
  bool test(std::size_t hash) const { return bits_[slot(hash) >> 6] >> (slot(hash) & 63) & 1; }

 private:
  static std::size_t slot(std::size_t hash) { return (hash >> 20) & ((std::size_t(1) << 17) - 1); }
  std::vector<std::uint64_t> bits_ = std::vector<std::uint64_t>(std::size_t(1) << 11);
};

struct RegionWords {
  SvSet first, later, single;
  HashBits first_bits, later_bits;
  bool may_be_first(const detail::Prehashed& w) const { return first_bits.test(w.hash) && first.contains(w); }
  bool may_be_later(const detail::Prehashed& w) const { return later_bits.test(w.hash) && later.contains(w); }
};
const RegionWords& region_words() {
  static const RegionWords w = [] {
    RegionWords r;
    const auto& g = geo::Gazetteer::builtin();
    auto add = [&](std::string_view text) {
      auto t = detail::tokenize(text);
      if (t.empty()) return;
      r.first.emplace(t.front().key);
      r.first_bits.set(t.front().key_hash);
      if (t.size() == 1) r.single.emplace(t.front().key);
      for (std::size_t k = 1; k < t.size(); ++k) {
        r.later.emplace(t[k].key);
        r.later_bits.set(t[k].key_hash);
      }
    };
    for (const auto& reg : g.regions()) add(reg.name);
    for (const auto& a : g.aliases()) add(a.text);
    // Gazetteer::lookup strips these before and after a name ("région de X", "X County").
    for (std::string_view d : {"la région de", "la province de", "la préfecture de", "wilaya de", "la ville de",
                               "département de", "l'état de", "comté de", "the region of", "the province of",
                               "prefecture of", "the state of", "the city of", "county of", "estado de",
                               "región de", "provincia de", "region", "province", "prefecture", "state",
                               "county", "city", "governorate"}) {
      auto t = detail::tokenize(d);
      for (std::size_t k = 0; k < t.size(); ++k) {
        r.later.emplace(t[k].key);
        r.later_bits.set(t[k].key_hash);
      }
    }
    // Region names that are ordinary words ("Centre", "Nord", "Delta"): in running text a
    // capitalised "Centre régional d'investissement" is no place (it gave Burkina Faso's Centre).
    for (const char* w : geo::curated::not_in_running_text()) {
      auto t = detail::tokenize(w);
      if (t.size() == 1) r.single.erase(std::string(t.front().key));
    }
    return r;
  }();
  return w;
}

// Region, province and city names: n-grams of up to 4 words whose first word starts some alias.
std::vector<RegionMention> find_region_mentions(const Ctx& c, std::string_view lang) {
  const auto& words = region_words();
  std::vector<RegionMention> out;
  const auto& t = c.toks;
  const std::string_view nt = c.norm.text;
  std::string q;
  for (std::size_t i = 0; i < t.size();) {
    if (t[i].digits || (t[i].latin && !t[i].capitalised)) { ++i; continue; }
    std::array<detail::Prehashed, 3> firsts{};
    std::size_t nfirst = 0;
    firsts[nfirst++] = t[i].hashed_key();
    if (!t[i].latin) {
      // Arabic clitics before the article: "بالرباط" -> "الرباط", then without the article.
      std::string_view k = t[i].key;
      if (k.size() > 6 && k.substr(2, 4) == "\xD8\xA7\xD9\x84") firsts[nfirst++] = {k.substr(2), detail::sv_hash(k.substr(2))};
      if (t[i].stem != k) firsts[nfirst++] = t[i].hashed_stem();
    }
    bool any = false;
    for (std::size_t f = 0; f < nfirst && !any; ++f) any = words.may_be_first(firsts[f]);
    if (!any) { ++i; continue; }
    // The longest n-gram worth a look-up: every later word must occur after a first word.
    std::size_t max_len = 1;
    while (max_len < 4 && i + max_len < t.size() && t[i + max_len].sentence == t[i].sentence &&
           words.may_be_later(t[i + max_len].hashed_key()))
      ++max_len;
    bool found = false;
    for (std::size_t len = max_len; len >= 1 && !found; --len) {
      for (std::size_t fi = 0; fi < nfirst; ++fi) {
        const detail::Prehashed& f = firsts[fi];
        if (!words.may_be_first(f)) continue;
        // A one-word Latin name must be a name by itself (Arabic ones may carry clitics).
        if (len == 1 && t[i].latin && !words.single.contains(f)) continue;
        q.assign(f.text);
        if (len > 1) {
          q += ' ';
          q += nt.substr(t[i + 1].begin, t[i + len - 1].end - t[i + 1].begin);
        }
        const auto& rs = detail::builtin_places(q);  // valid until the next look-up
        if (rs.empty()) continue;
        // Prefer the doc's likely country when several regions share the spelling.
        const geo::Region* r = rs.back();
        for (const auto* x : rs)
          if (x->type == "Country") r = x;  // "México" the country, not the state
        (void)lang;
        RegionMention m;
        m.first = i;
        m.last = i + len;
        m.region = r;
        m.surface = std::string(nt.substr(t[i].begin, t[i + len - 1].end - t[i].begin));
        m.city = !(r->type == "Country") && detail::builtin_first_level(r->code) != r;
        out.push_back(std::move(m));
        i += len;
        found = true;
        break;
      }
      if (found) break;
    }
    if (!found) ++i;
  }
  // "Toledo, Ohio", "Salamanca, Guanajuato": a place followed by a comma and a state or province
  // of another country than the one it was read as lies in that state: the reading in it, or the
  // state itself when the gazetteer knows no such place there (a city it does not list).
  for (std::size_t k = 1; k < out.size(); ++k) {
    RegionMention& place = out[k - 1];
    const RegionMention& state = out[k];
    const geo::Region* s = state.region;
    if (state.city || s->type == "Country" || detail::builtin_first_level(s->code) != s) continue;
    if (place.last != state.first || t[place.first].sentence != t[state.first].sentence) continue;
    if (nt.substr(t[place.last - 1].end, t[state.first].begin - t[place.last - 1].end).find(',') == std::string_view::npos)
      continue;
    if (place.region->country == s->country && !place.city) continue;  // a list of regions
    if (detail::builtin_first_level(place.region->code) == s) continue;
    const geo::Region* inside = nullptr;
    for (const auto* r : detail::builtin_places(place.surface))
      if (detail::builtin_first_level(r->code) == s) inside = r;
    place.region = inside ? inside : s;
    place.city = true;
  }
  return out;
}

}  // namespace

Announcement extract(const Document& doc, const Options& options) {
  Announcement a;
  a.url = doc.url;
  a.outlet = doc.outlet;
  a.title = doc.title;
  a.text = doc.text;
  a.published = options.published ? options.published : doc.published;
  std::string lang = !options.language.empty() ? options.language : doc.language;
  if (lang.empty()) lang = text::detect_language(doc.text);
  a.language = lang;

  const text::Normalized norm = text::normalize(doc.text);
  const std::string_view nt = norm.text;
  const auto toks = detail::tokenize(nt);
  if (toks.empty()) return a;
  const TokenEnds token_ends(toks);
  const auto token_at = [&token_ends](std::size_t b) { return token_ends.at(b); };
  const auto hits = detail::find_cues(toks);
  const CueIndex ci(hits);
  const Spans spans(toks);
  const Ctx c{doc, norm, toks, ci, spans};

  // --- parties
  std::shared_ptr<const KnownPartyIndex> own_index;
  if (!options.known_index && !options.known_parties.empty()) own_index = index_known_parties(options.known_parties);
  auto pf = detail::find_parties(nt, toks, hits, options.known_index ? options.known_index.get() : own_index.get(), lang);
  {
    std::vector<detail::NamedSpan> spans_of_parties;
    spans_of_parties.reserve(pf.mentions.size());
    for (const auto& m : pf.mentions) spans_of_parties.push_back({m.first, m.last, m.party});
    for (auto& r : detail::find_representatives(nt, toks, pf.parties, spans_of_parties)) {
      pf.parties[r.party].representative = std::move(r.name);
      pf.parties[r.party].title = std::move(r.title);
    }
    pf.aliases.resize(pf.parties.size());  // a state's government it may have added
  }

  // --- dates: signing date, then the clock start for relative deadlines
  // Word starts found once for the date and the deadline scanners.
  const auto word_starts = date_detail::word_starts(nt);
  const auto dates = find_dates(nt, lang, a.published, word_starts);
  std::optional<Date> signed_on;
  std::optional<Evidence> sign_evidence;
  // "the state will sign a memorandum on Thursday": a signing still to come dates nothing yet.
  auto future_signing = [&](std::size_t sa, std::size_t sb) {
    static const SvSet future = {"will", "would", "shall", "to", "va", "vont", "doit", "doivent", "devrait",
                                 "devraient", "\xD8\xB3\xD9\x8A\xD8\xAA\xD9\x85"};  // سيتم
    const auto signs = ci.of(Cue::sign);
    auto from = std::lower_bound(signs.begin(), signs.end(), sa, [](const CueHit* h, std::size_t x) { return h->first < x; });
    for (auto it = from; it != signs.end() && (*it)->first < sb; ++it) {
      const auto* h = *it;
      // The verb's base form after a future marker ("will award ... and sign", "va signer").
      const auto& verb = toks[h->first].key;
      const bool base = verb == "sign" || verb == "signer" || verb == "firmar" ||
                        toks[h->first].stem == "\xD8\xAA\xD9\x88\xD9\x82\xD9\x8A\xD8\xB9";  // توقيع
      if (!base) continue;
      for (std::size_t k = h->first >= 8 ? h->first - 8 : 0; k < h->first; ++k)
        if (toks[k].sentence == toks[h->first].sentence && future.contains(toks[k].hashed_key())) return true;
    }
    return false;
  };
  for (const auto& d : dates) {
    if (d.precision != DatePrecision::day) continue;
    auto ti = token_at(d.begin);
    if (ti >= toks.size()) continue;
    // "إلى حدود اليوم", "حتى اليوم", "to date": a progress phrase, not a day.
    bool in_progress_phrase = false;
    for (std::size_t k = ti >= 4 ? ti - 4 : 0; k <= ti && !in_progress_phrase; ++k)
      if (const auto* pr = ci.in(Cue::progress, k, k + 1)) in_progress_phrase = pr->last > ti;
    if (in_progress_phrase) continue;
    auto [sa, sb] = spans.sentence(toks[ti].sentence);
    if ((has_hit_in(ci, Cue::sign, sa, sb) || has_hit_in(ci, Cue::agreement_kind, sa, sb)) && !future_signing(sa, sb)) {
      signed_on = d.date;
      sign_evidence = c.token_evidence(sa, sb);
      break;
    }
  }
  const std::optional<Date> start = signed_on ? signed_on : a.published;
  const auto deadlines = find_deadlines(nt, lang, start, word_starts);

  // --- numbers and money
  const auto numbers = find_numbers(nt, lang);
  const auto money = find_money(nt, lang, numbers);
  std::vector<Candidate> cands;

  auto in_money = [&](std::size_t b, std::size_t e) {
    auto it = std::lower_bound(money.begin(), money.end(), b, [](const MoneyMatch& m, std::size_t v) { return m.end <= v; });
    return it != money.end() && it->begin < e;
  };
  // Dates and deadlines by sentence, so that every lookup below stays local (no quadratic work).
  const std::size_t nsent = static_cast<std::size_t>(toks.back().sentence) + 1;
  auto sentence_at = [&](std::size_t b) {
    const auto di = token_at(b);
    return di < toks.size() ? static_cast<std::size_t>(toks[di].sentence) : Grouped<int>::kSkip;
  };
  const Grouped<const DeadlineMatch*> deadlines_in(
      nsent, deadlines, [&](const DeadlineMatch& d) { return sentence_at(d.begin); },
      [](const DeadlineMatch& d) { return &d; });
  const Grouped<const DateMatch*> dates_in(
      nsent, dates, [&](const DateMatch& d) { return sentence_at(d.begin); }, [](const DateMatch& d) { return &d; });
  auto in_date = [&](std::size_t b, std::size_t e) {
    auto ti = token_at(b);
    if (ti >= toks.size()) return false;
    const auto s = toks[ti].sentence;
    for (const auto* d : dates_in[s])
      if (d->begin < e && b < d->end) return true;
    for (const auto* d : deadlines_in[s])
      if (d->begin < e && b < d->end) return true;
    return false;
  };

  // "Lire aussi : 82 projets approuvés pour 115 milliards", "Read also: ...": a link to another
  // story, whose figures are not this article's.
  std::vector<char> see_also(nsent, 0);
  for (std::uint32_t si = 0; si < nsent; ++si) {
    // Plain variables, not a structured binding: clang 14 cannot capture those in a lambda.
    const auto sentence_span = spans.sentence(si);
    const std::size_t s0 = sentence_span.first, s1 = sentence_span.second;
    auto w = [&](std::size_t k) { return s0 + k < s1 ? toks[s0 + k].key : std::string_view(); };
    const std::size_t k = w(0) == "a" && w(1) == "lire" ? 1 : 0;  // "À lire aussi"
    const auto first = w(k), second = w(k + 1);
    see_also[si] = ((first == "lire" || first == "voir") && second == "aussi") ||
                   ((first == "read" || first == "see") && (second == "also" || second == "more")) ||
                   (first == "lea" && second == "tambien") ||
                   (first == "\xD8\xA7\xD9\x82\xD8\xB1\xD8\xA7" && second == "\xD8\xA7\xD9\x8A\xD8\xB6\xD8\xA7");  // اقرا ايضا
  }

  // "The original agreement required the company to provide 1,460 jobs": a target that was
  // replaced by a later one is no pledge any more (nor progress). A sentence that goes on with
  // "This/Ce/وهذا" ("This gave it a target of 2,900 jobs") speaks of the same superseded deal.
  std::vector<char> superseded(nsent, 0);
  // Only where the article also speaks of a revision: an "initial plan" alone is a first phase.
  bool revision = false;
  {
    static const SvSet revised = {"revised", "amended", "renegotiated", "new", "waived", "replaced", "revise",
                                  "revisee", "modifie", "amende", "nouvel", "nouvelle", "avenant",
                                  "\xD8\xA7\xD9\x84\xD9\x85\xD8\xB9\xD8\xAF\xD9\x84",      // المعدل
                                  "\xD8\xA7\xD9\x84\xD8\xAC\xD8\xAF\xD9\x8A\xD8\xAF"};     // الجديد
    static const SvSet agreement_nouns = {"agreement", "contract", "deal", "accord", "contrat", "convention",
                                          "requirement", "target", "terms", "objectif",
                                          "\xD8\xA7\xD9\x84\xD8\xA7\xD8\xAA\xD9\x81\xD8\xA7\xD9\x82"};  // الاتفاق
    for (std::size_t k = 0; k + 1 < toks.size() && !revision; ++k) {
      // "the revised agreement", "the new contract", "le nouvel accord", "the requirement ... was waived"
      if (!revised.contains(toks[k].hashed_key())) continue;
      for (std::size_t m = k >= 3 ? k - 3 : 0; m < std::min(toks.size(), k + 3) && !revision; ++m)
        revision = m != k && toks[m].sentence == toks[k].sentence && agreement_nouns.contains(toks[m].hashed_key());
    }
  }
  if (revision) {
    static const SvSet earlier = {"original", "originally", "initial", "initially", "initiale", "initialement",
                                  "originel", "originelle", "previous", "former", "precedent",
                                  "\xD8\xA7\xD9\x84\xD8\xA7\xD8\xB5\xD9\x84\xD9\x8A",               // الاصلي
                                  "\xD8\xA7\xD9\x84\xD8\xA7\xD8\xB5\xD9\x84\xD9\x8A\xD9\x87"};      // الاصليه
    static const SvSet deal_words = {"agreement", "agreements", "deal", "contract", "plan", "plans", "target",
                                     "targets", "pledge", "commitment", "accord", "contrat", "objectif", "plan",
                                     "engagement", "convention",
                                     "\xD8\xA7\xD9\x84\xD8\xA7\xD8\xAA\xD9\x81\xD8\xA7\xD9\x82",       // الاتفاق
                                     "\xD8\xA7\xD9\x84\xD8\xA7\xD8\xAA\xD9\x81\xD8\xA7\xD9\x82\xD9\x8A\xD9\x87",  // الاتفاقيه
                                     "\xD8\xA7\xD9\x84\xD9\x87\xD8\xAF\xD9\x81"};                      // الهدف
    static const SvSet anaphora = {"this", "that", "these", "ce", "cela", "ceci", "\xD9\x87\xD8\xB0\xD8\xA7",  // هذا
                                   "\xD9\x88\xD9\x87\xD8\xB0\xD8\xA7"};                                        // وهذا
    for (std::uint32_t si = 0; si < nsent; ++si) {
      const auto sentence_span = spans.sentence(si);
      for (std::size_t k = sentence_span.first; k < sentence_span.second && !superseded[si]; ++k) {
        if (!earlier.contains(toks[k].hashed_key())) continue;
        // The qualified noun is next to the adjective: "original agreement", "الاتفاق الاصلي".
        for (std::size_t m = k >= 1 ? k - 1 : k; m < std::min(sentence_span.second, k + 3); ++m)
          if (m != k && deal_words.contains(toks[m].hashed_key())) superseded[si] = 1;
      }
      if (!superseded[si] && si > 0 && superseded[si - 1] && anaphora.count(toks[sentence_span.first].key))
        superseded[si] = 1;
    }
  }
  // "the Apparel Policy, which aims to create 100,000 jobs in the state": a public policy's
  // target quoted in a company's deal is nobody's pledge here. Only when the figure is the
  // policy's own (no company named between the policy word and the figure).
  auto policy_word_before = [&](std::size_t ti) -> std::optional<std::size_t> {
    static const SvSet policy = {"policy", "policies", "politique", "politiques", "politica",
                                 "\xD8\xB3\xD9\x8A\xD8\xA7\xD8\xB3\xD9\x87"};  // سياسه
    const auto s = toks[ti].sentence;
    for (std::size_t k = ti, steps = 0; k > 0 && steps < 8; --k, ++steps) {
      const auto& w = toks[k - 1];
      if (w.sentence != s) break;
      if (policy.contains(w.hashed_key()) || policy.contains(w.hashed_stem())) return k - 1;
    }
    return std::nullopt;
  };

  // First tokens of company mentions, sorted (for "a company is named before token i").
  std::vector<std::uint32_t> company_at;
  for (const auto& m : pf.mentions)
    if (pf.parties[m.party].kind == PartyKind::company) company_at.push_back(m.first);
  std::sort(company_at.begin(), company_at.end());

  // Sentence verdict: statistics or progress or pledge.
  // Whether the progress word nearest to a figure speaks of it. "had already surpassed the first
  // target, one that required Tesla to create 500 jobs by April 2019": a pledge word nearer to
  // the number wins. "adding 700 jobs to the 3,100 people already working there": a figure
  // between them takes the progress word (years aside).
  auto reports_progress = [&](std::size_t tok, std::size_t tok_end, std::size_t sa, std::size_t sb) {
    const auto* pr = ci.nearest(Cue::progress, sa, sb, tok);
    if (!pr) return false;
    const std::size_t lo = pr->first < tok ? pr->last : tok_end, hi = pr->first < tok ? tok : pr->first;
    for (std::size_t k = lo; k < hi; ++k) {
      const auto& w = toks[k];
      const bool year = w.key.size() == 4 && (w.key.starts_with("19") || w.key.starts_with("20"));
      if (w.digits && !year) return false;
    }
    const auto* pl = ci.nearest(Cue::pledge, sa, sb, tok);
    auto dist = [&](const CueHit* h) { return h->first > tok ? h->first - tok : tok - h->first; };
    return !pl || dist(pr) <= dist(pl);
  };
  auto judge = [&](Candidate& cd) -> bool {
    const auto& t = toks[cd.tok];
    auto [sa, sb] = spans.sentence(t.sentence);
    auto [ca, cb] = spans.clause(t.clause);
    if (has_hit_in(ci, Cue::stat_negative, sa, sb) || see_also[t.sentence] || superseded[t.sentence]) return false;
    if (auto pw = policy_word_before(cd.tok)) {
      if (!company_at.empty()) {
        // ...unless a company is named between the policy word and the figure ("under the policy, Acme will hire").
        auto it = std::upper_bound(company_at.begin(), company_at.end(), static_cast<std::uint32_t>(*pw));
        if (it == company_at.end() || *it >= cd.tok) return false;
      } else {
        // In an article naming no company the policy is the subject and its goals are the
        // government's, unless told in the past ("the policy, which aimed to create...").
        static const SvSet past_aim = {"aimed", "sought", "targeted", "visait", "ambitionnait", "prevoyait",
                                       "\xD9\x83\xD8\xA7\xD9\x86\xD8\xAA"};  // كانت
        for (std::size_t k = *pw + 1; k < cd.tok; ++k)
          if (past_aim.contains(toks[k].hashed_key())) return false;
      }
    }
    if (cd.tok >= 1 && has_hit_in(ci, Cue::current_headcount, std::max(ca, cd.tok > 6 ? cd.tok - 6 : 0), cd.tok)) {
      // "Tesla employs 1,460 people at the plant": a company's current headcount is where its
      // pledge stands (progress); a sector's or a country's ("le secteur emploie...") is not.
      auto it = std::lower_bound(company_at.begin(), company_at.end(), static_cast<std::uint32_t>(sa));
      const bool company_named = (it != company_at.end() && *it < cd.tok) || has_hit_in(ci, Cue::group_cue, sa, cd.tok);
      if (cd.metric != Metric::jobs || !company_named) return false;
      // The group's staff across the world is no measure of one site's pledge.
      for (std::size_t k = sa; k < sb; ++k) {
        const auto w = toks[k].stem;
        if (w == "worldwide" || w == "globally" || w == "monde" || w == "mundo" || w == "countries" ||
            w == "pays" || w == "\xD8\xB9\xD8\xA7\xD9\x84\xD9\x85" /* عالم */ ||
            w == "\xD8\xAF\xD9\x88\xD9\x84\xD9\x87" /* دوله */)
          return false;
      }
      cd.progress = true;
      cd.headcount = true;
      return true;
    }
    if (reports_progress(cd.tok, cd.tok_end, sa, sb)) {
      cd.progress = true;
      return true;
    }
    bool deadline_here = !deadlines_in[t.sentence].empty();
    // "200 ألف سيارة سنة 2014", "1,000 jobs in 2024": a coming year right after the figure.
    for (const auto* d : dates_in[t.sentence]) {
      if (d->begin < cd.ne || d->from_reference) continue;
      auto di = token_at(d->begin);
      if (di < toks.size() && toks[di].clause == t.clause && di <= cd.tok_end + 8 &&
          (!a.published || d->date.year() >= a.published->year()))
        deadline_here = true;
    }
    bool pledge = has_hit_in(ci, Cue::pledge, sa, sb);
    if (!pledge && !deadline_here) return false;
    if (pledge) cd.confidence += 0.1;
    if (deadline_here) cd.confidence += 0.05;
    return true;
  };

  // "from 100,000 to 200,000 cars", "passer de 17,9 à 40 milliards": the first figure is where it
  // starts, not the target.
  auto is_baseline = [&](std::size_t ti, std::size_t te, std::size_t cb) {
    auto french_from = [&] {  // not "plus de 500"
      if (ti < 2 || toks[ti - 1].key != "de") return false;
      const auto& v = toks[ti - 2].key;
      return v.rfind("pass", 0) == 0 || v.rfind("port", 0) == 0 || v.rfind("augment", 0) == 0;
    };
    if (ti == 0 || !(toks[ti - 1].key == "from" || toks[ti - 1].stem == "\xD9\x85\xD9\x86" || french_from())) return false;
    for (std::size_t k = te; k < std::min(cb, te + 6); ++k) {
      const auto& w = toks[k];
      if ((w.key == "to" || w.key == "a" || w.stem == "\xD8\xA7\xD9\x84\xD9\x8A") && k + 1 < cb && toks[k + 1].digits)
        return true;
    }
    return false;
  };
  // "compared with 14,000 trained in 2022": a figure given for comparison.
  auto is_comparison = [&](std::size_t ti) {
    return has_hit_in(ci, Cue::past, ti >= 4 ? ti - 4 : 0, ti);
  };

  // "employment total of 1,636", "a workforce of 900", "عدد العاملين ... 6000": the count's noun
  // stands before the figure.
  auto count_noun_before = [&](std::size_t ti, std::size_t ca) {
    static const SvSet heads = {"workforce", "headcount", "effectif", "effectifs"};
    static const SvSet staff = {"staff", "employees", "workers"};  // only as "staff of N", "workers total"
    static const SvSet arabic_staff = {"\xD8\xB9\xD8\xA7\xD9\x85\xD9\x84\xD9\x8A\xD9\x86",            // عاملين
                                       "\xD8\xA7\xD8\xAC\xD8\xB1\xD8\xA7\xD8\xA1",                    // اجراء
                                       "\xD9\x85\xD8\xB3\xD8\xAA\xD8\xAE\xD8\xAF\xD9\x85\xD9\x8A\xD9\x86",  // مستخدمين
                                       "\xD9\x85\xD9\x88\xD8\xB8\xD9\x81\xD9\x8A\xD9\x86"};           // موظفين
    // "l'effectif de l'usine de Fès a atteint 450": the head may stand a place and a verb away.
    for (std::size_t k = ti, steps = 0; k > ca && steps < 10; --k, ++steps) {
      const auto& w = toks[k - 1];
      if (w.digits) return false;
      if (heads.contains(w.hashed_key())) return true;
      if (staff.contains(w.hashed_key()) && k < ti && (toks[k].key == "of" || toks[k].key == "total")) return true;
      if (w.key == "total" && k >= 2 && (toks[k - 2].key == "employment" || toks[k - 2].key == "job")) return true;
      if (arabic_staff.contains(w.hashed_stem()) && k >= 2 && toks[k - 2].stem == "\xD8\xB9\xD8\xAF\xD8\xAF") return true;  // عدد
    }
    return false;
  };
  // "had already surpassed its first target, 500 jobs by April": the target figure is also reached.
  auto target_reached_before = [&](std::size_t ti) {
    static const SvSet reached = {"surpassed", "exceeded", "met", "reached", "achieved", "hit", "depasse", "atteint",
                                  "realise", "\xD8\xAA\xD8\xAC\xD8\xA7\xD9\x88\xD8\xB2",   // تجاوز
                                  "\xD8\xAA\xD8\xAC\xD8\xA7\xD9\x88\xD8\xB2\xD8\xAA",      // تجاوزت
                                  "\xD8\xAD\xD9\x82\xD9\x82", "\xD8\xAD\xD9\x82\xD9\x82\xD8\xAA"};  // حقق حققت
    static const SvSet target = {"target", "goal", "objective", "milestone", "objectif", "cap",
                                 "\xD9\x87\xD8\xAF\xD9\x81"};  // هدف
    static const SvSet negation = {"not", "never", "failed", "fail", "yet", "pas", "jamais", "n", "didn", "hasn",
                                   "hadn", "\xD9\x84\xD9\x85", "\xD9\x84\xD8\xA7"};  // لم لا
    auto [sa, sb] = spans.sentence(toks[ti].sentence);
    (void)sb;
    for (std::size_t k = sa; k < ti; ++k) {
      if (negation.contains(toks[k].hashed_key())) return false;
      if (!reached.contains(toks[k].hashed_key()) && !reached.contains(toks[k].hashed_stem())) continue;
      for (std::size_t m = k + 1; m < std::min(ti, k + 6); ++m)
        if (target.contains(toks[m].hashed_key()) || target.contains(toks[m].hashed_stem())) return true;
    }
    return false;
  };

  // "the two units will be operational by 2020": "units" counts products only where the clause
  // speaks of producing ("will produce 200,000 units a year"), else it counts plants.
  auto production_words_in = [&](std::size_t a0, std::size_t b0) {
    static const SvSet production = {"produce", "produces", "producing", "production", "output", "capacity",
                                     "annually", "annual", "year", "produire", "capacite", "an", "annee",
                                     "\xD8\xA7\xD9\x86\xD8\xAA\xD8\xA7\xD8\xAC",            // انتاج
                                     "\xD8\xB3\xD9\x86\xD9\x88\xD9\x8A\xD8\xA7"};           // سنويا
    for (std::size_t k = a0; k < b0; ++k)
      if (production.contains(toks[k].hashed_key()) || production.contains(toks[k].hashed_stem())) return true;
    return false;
  };
  // "Morocco launched its Digital 2030 strategy. One of its main goals is to train 45,000 people
  // by 2030": a national program's target quoted as background in a company's deal, in a
  // sentence that names no company, project or agreement.
  std::vector<char> program_near(nsent, 0);
  for (const auto* h : ci.of(Cue::program)) {
    const auto s0 = toks[h->first].sentence;
    program_near[s0] = 1;
    if (s0 + 1 < nsent) program_near[s0 + 1] = 1;
  }
  auto national_background = [&](std::size_t ti) {
    const auto s0 = toks[ti].sentence;
    if (!program_near[s0] || company_at.empty()) return false;
    auto [sa, sb] = spans.sentence(s0);
    auto it = std::lower_bound(company_at.begin(), company_at.end(), static_cast<std::uint32_t>(sa));
    if (it != company_at.end() && *it < sb) return false;
    return !has_hit_in(ci, Cue::project_amount, sa, sb) && !has_hit_in(ci, Cue::agreement_kind, sa, sb) &&
           !has_hit_in(ci, Cue::sign, sa, sb) && !has_hit_in(ci, Cue::group_cue, sa, sb);
  };

  // Jobs, training, capacity from plain numbers.
  std::size_t last_job_sentence = static_cast<std::size_t>(-1);
  for (const auto& n : numbers) {
    if (n.percent || in_money(n.begin, n.end)) continue;
    // No single pledge counts millions of jobs (checked once the metric is known: a plant may
    // make 24 million garments a year).
    if (n.value < 1) continue;
    std::size_t ti = token_at(n.begin);
    if (ti >= toks.size()) continue;
    std::size_t te = ti;
    while (te < toks.size() && toks[te].begin < n.end) ++te;
    const auto& t = toks[ti];
    auto [ca, cb] = spans.clause(t.clause);
    auto [sa, sb] = spans.sentence(t.sentence);
    // The noun after the number, past a few qualifying words.
    std::size_t j = te;
    while (j < cb && j < te + 3 && skippable_adjective(toks[j])) ++j;
    const CueHit* noun = (j < cb) ? ci.in(Cue::job_noun, j, j + 1) : nullptr;
    const CueHit* person = (j < cb) ? ci.in(Cue::person_noun, j, j + 1) : nullptr;
    const CueHit* cap = (te < cb) ? ci.in(Cue::capacity, te, std::min(cb, te + 3)) : nullptr;
    if (n.year_like && !noun && !person) continue;
    // "from 100,000 to 200,000 cars": the first figure is where it starts, not the target.
    if (is_baseline(ti, te, cb)) {
      // "raise the plant's staff from 6,000 to 7,000 workers": where a named company stands now is
      // progress as of publication (like a current headcount: kept only in a follow-up article).
      const std::size_t look = std::min(cb, te + 8);
      const CueHit* bnoun = ci.in(Cue::job_noun, te, look);
      const CueHit* bcap = ci.in(Cue::capacity, te, look);
      if (!bnoun && !bcap) continue;
      if (bnoun && bcap) (bnoun->first < bcap->first ? bcap : bnoun) = nullptr;
      if (bnoun && n.value > 2e6) continue;
      // The company, or its plant or staff, is what grows: "the plant's workforce", "عدد العاملين بالمصنع".
      static const SvSet own = {"plant", "factory", "usine", "site", "workforce", "effectif", "effectifs",
                                "\xD9\x85\xD8\xB5\xD9\x86\xD8\xB9", "\xD9\x85\xD8\xB9\xD9\x85\xD9\x84"};  // مصنع معمل
      bool own_site = false;
      for (std::size_t k = sa; k < sb && !own_site; ++k) own_site = own.contains(toks[k].hashed_key()) || own.contains(toks[k].hashed_stem());
      {
        auto it = std::lower_bound(company_at.begin(), company_at.end(), static_cast<std::uint32_t>(sa));
        own_site = own_site || (it != company_at.end() && *it < sb);
      }
      if (!own_site || company_at.empty() || company_at.front() >= ti || see_also[t.sentence] || superseded[t.sentence] ||
          has_hit_in(ci, Cue::stat_negative, sa, sb) || in_date(n.begin, n.end))
        continue;
      Candidate cd;
      cd.metric = bnoun ? Metric::jobs : Metric::capacity;
      cd.unit = std::string(bnoun ? bnoun->value : bcap->value);
      cd.target = n.value;
      cd.tok = ti;
      cd.tok_end = te;
      cd.nb = n.begin;
      cd.ne = n.end;
      cd.comparator = detail::comparator_before(toks, ti);
      cd.progress = true;
      cd.headcount = true;
      cd.confidence = 0.5;
      cands.push_back(std::move(cd));
      continue;
    }
    if (is_comparison(ti)) continue;
    if (in_date(n.begin, n.end)) continue;
    Candidate cd;
    cd.target = n.value;
    cd.tok = ti;
    cd.tok_end = te;
    cd.nb = n.begin;
    cd.ne = n.end;
    const CueHit* hire = ci.nearest(Cue::hire_verb, ca, cb, ti);
    const CueHit* train = ci.nearest(Cue::train, sa, sb, ti);
    auto dist = [&](const CueHit* h) { return h->first > ti ? h->first - ti : ti - h->first; };
    // "employs 1,200 people": a headcount verb also makes persons jobs (judged as progress).
    const bool headcount = person && ti >= 1 && has_hit_in(ci, Cue::current_headcount, std::max(ca, ti > 6 ? ti - 6 : 0), ti);
    if (noun || (person && (hire || train || headcount))) {
      bool training = train && train->cue == Cue::train && (!hire || dist(train) < dist(hire)) &&
                      toks[train->first].clause == t.clause;
      cd.metric = training ? Metric::training : Metric::jobs;
      cd.unit = training ? "people" : std::string(noun ? noun->value : person->value);
      // "3 000 emplois directs et indirects": the words after the noun.
      cd.qualifier = qualifier_of(c, te, std::min<std::size_t>(cb, (noun ? std::max<std::size_t>(j, noun->last) : j) + 3));
      cd.confidence = noun ? 0.7 : 0.6;
      cd.tok_end = std::max<std::size_t>(cd.tok_end, noun ? noun->last : person->last);
    } else if (te < cb && has_hit_in(ci, Cue::job_noun, sa, sb) &&
               (toks[te].key == "directs" || toks[te].key == "indirects" || toks[te].key == "direct" ||
                toks[te].key == "indirect" || toks[te].key == "directos" || toks[te].key == "indirectos" ||
                toks[te].stem == "\xD9\x85\xD8\xA8\xD8\xA7\xD8\xB4\xD8\xB1\xD9\x87")) {
      // "7,000 jobs (5,300 direct and 1,700 indirect)": the split of a job count.
      cd.metric = Metric::jobs;
      cd.unit = "jobs";
      cd.qualifier = qualifier_of(c, te, std::min(cb, te + 3));
      cd.confidence = 0.55;
    } else if (!n.year_like && count_noun_before(ti, ca)) {
      cd.metric = Metric::jobs;
      cd.unit = "jobs";
      cd.confidence = 0.55;
    } else if (cap && (cap->value != "units" || production_words_in(ca, cb))) {
      cd.metric = Metric::capacity;
      cd.unit = std::string(cap->value);
      cd.confidence = 0.55;
      cd.tok_end = cap->last;
    } else if (last_job_sentence == t.sentence && !cands.empty() && cands.back().metric == Metric::jobs) {
      // "500 jobs by 2019 and 1,460 by 2020": a bare number followed by a deadline continues the list.
      bool deadline_next = false;
      for (const auto* d : deadlines_in[t.sentence])
        if (d->begin >= n.end && d->begin <= n.end + 4) deadline_next = true;
      if (!deadline_next || n.value <= 1) continue;
      cd.metric = Metric::jobs;
      cd.unit = cands.back().unit;
      cd.confidence = 0.5;
    } else {
      continue;
    }
    if (cd.metric != Metric::capacity && cd.target > 2e6) continue;
    cd.comparator = detail::comparator_before(toks, ti);
    // "about 6,000 direct and 30,000 indirect jobs": the comparator of the first figure of a pair
    // joined by "and" covers the second.
    if (cd.comparator == Comparator::exactly && !cands.empty()) {
      const auto& prev = cands.back();
      if (toks[prev.tok].sentence == t.sentence && prev.metric == cd.metric && !prev.progress &&
          prev.comparator != Comparator::exactly && prev.tok_end <= ti && ti - prev.tok_end <= 5) {
        static const SvSet conj = {"and", "et", "y", "\xD9\x88"};  // و
        bool digits_between = false;
        for (std::size_t k = prev.tok_end; k < ti; ++k) digits_between |= toks[k].digits;
        const bool attached_wa = !toks[ti].latin && toks[ti].key.rfind("\xD9\x88", 0) == 0;  // "و30"
        if (!digits_between && ((ti >= 1 && conj.contains(toks[ti - 1].hashed_key())) || attached_wa)) cd.comparator = prev.comparator;
      }
    }
    if (!judge(cd)) continue;
    if (!cd.progress && national_background(ti)) continue;
    if (cd.metric == Metric::jobs) last_job_sentence = t.sentence;
    const bool reached_too = !cd.progress && target_reached_before(ti);
    cands.push_back(cd);
    if (reached_too) {
      cd.progress = true;
      cd.headcount = false;
      cands.push_back(std::move(cd));
    }
  }

  // "...recruter plus de 500": a bare count after a hiring verb restates a job pledge already found.
  {
    std::vector<Candidate> extra;
    std::unordered_set<std::size_t> taken_toks;
    std::vector<double> job_values;
    for (const auto& cd : cands) {
      taken_toks.insert(cd.tok);
      if (cd.metric == Metric::jobs) job_values.push_back(cd.target);
    }
    std::sort(job_values.begin(), job_values.end());
    for (const auto& n : numbers) {
      if (n.percent || n.year_like || in_money(n.begin, n.end)) continue;
      std::size_t ti = token_at(n.begin);
      if (ti >= toks.size() || taken_toks.count(ti)) continue;
      auto it = std::lower_bound(job_values.begin(), job_values.end(), n.value * 0.995);
      if (it == job_values.end() || *it > n.value * 1.005) continue;
      auto [ca, cb] = spans.clause(toks[ti].clause);
      if (!has_hit_in(ci, Cue::hire_verb, std::max(ca, ti >= 4 ? ti - 4 : 0), ti)) continue;
      Candidate cd;
      cd.metric = Metric::jobs;
      cd.unit = "jobs";
      cd.target = n.value;
      cd.tok = ti;
      cd.tok_end = ti + 1;
      cd.nb = n.begin;
      cd.ne = n.end;
      cd.confidence = 0.5;
      cd.comparator = detail::comparator_before(toks, ti);
      if (judge(cd) && !cd.progress) extra.push_back(std::move(cd));
    }
    for (auto& e : extra) cands.push_back(std::move(e));
  }

  // Investment from money.
  for (const auto& m : money) {
    std::size_t ti = token_at(m.begin);
    if (ti >= toks.size() || m.amount <= 0) continue;
    std::size_t te = ti;
    while (te < toks.size() && toks[te].begin < m.end) ++te;
    const auto& t = toks[ti];
    auto [ca, cb] = spans.clause(t.clause);
    auto [sa, sb] = spans.sentence(t.sentence);
    if (is_baseline(ti, te, cb) || is_comparison(ti) || see_also[t.sentence] || superseded[t.sentence]) continue;
    if (auto pw = company_at.empty() ? std::nullopt : policy_word_before(ti)) {
      auto it = std::upper_bound(company_at.begin(), company_at.end(), static_cast<std::uint32_t>(*pw));
      if (it == company_at.end() || *it >= ti) continue;
    }
    std::size_t wa = std::max(ca, ti >= 5 ? ti - 5 : 0), wb = std::min(cb, te + 3);
    if (has_hit_in(ci, Cue::money_negative, wa, wb)) continue;
    // "signed seven pacts worth Ksh 100 billion", "MoUs worth Rs 10,400 crore with three companies":
    // the total of several deals, not one investor's pledge (dropped below when the deals are listed).
    bool total = false;
    {
      static const SvSet plural_deals = {
          "mous", "pacts", "deals", "agreements", "accords", "conventions", "contrats", "memoranda",
          "\xD8\xA7\xD8\xAA\xD9\x81\xD8\xA7\xD9\x82\xD9\x8A\xD8\xA7\xD8\xAA"};  // اتفاقيات
      for (std::size_t k = (ti >= 8 ? ti - 8 : 0); k < std::min(toks.size(), te + 8) && !total; ++k)
        total = toks[k].sentence == t.sentence && (plural_deals.contains(toks[k].hashed_key()) || plural_deals.contains(toks[k].hashed_stem()));
    }
    bool invest = has_hit_in(ci, Cue::invest, sa, sb);
    // "the market is worth $12 billion": a project word vouches for the amount only in a clause
    // that names no revenue, market or subsidy.
    bool project = has_hit_in(ci, Cue::project_amount, std::max(sa, ti >= 6 ? ti - 6 : 0), std::min(sb, te + 6)) &&
                   !has_hit_in(ci, Cue::money_negative, ca, cb);
    // "Ksh 51.8 billion will flow to Baringo"; not "un objectif d'un milliard" of turnover.
    bool promised = has_hit_in(ci, Cue::pledge, ca, cb) && !has_hit_in(ci, Cue::money_negative, sa, sb);
    // "it has invested about $900 million so far", "كلف بناء المصنع 1.1 مليار": money already spent,
    // reported as progress (kept apart from revenue, aid and fines by the sentence check).
    // Only a spending verb vouches for it: "has reached", "already raised" may be any sum.
    bool reported = false;
    if (!has_hit_in(ci, Cue::money_negative, sa, sb)) {
      const std::size_t pa = std::max(sa, ti >= 25 ? ti - 25 : 0), pb = std::min(sb, te + 4);
      const auto prog = ci.of(Cue::progress);
      auto it = std::lower_bound(prog.begin(), prog.end(), pa, [](const CueHit* h, std::size_t x) { return h->first < x; });
      // The lexicon marks the progress phrases that are spending verbs (value "spending").
      for (; it != prog.end() && (*it)->first < pb && !reported; ++it) reported = (*it)->value == "spending";
    }
    if (!invest && !project && !promised && !reported) continue;
    Candidate cd;
    cd.metric = Metric::investment;
    cd.target = m.amount;
    cd.unit = m.currency;
    cd.tok = ti;
    cd.tok_end = te;
    cd.nb = m.begin;
    cd.ne = m.end;
    cd.confidence = invest ? 0.7 : project ? 0.55 : 0.45;
    cd.total = total;
    cd.comparator = detail::comparator_before(toks, ti);
    // Investment needs no future verb: "a proposed investment of", "MoU worth".
    const auto& tt = toks[ti];
    auto [ssa, ssb] = spans.sentence(tt.sentence);
    if (has_hit_in(ci, Cue::stat_negative, ssa, ssb)) continue;
    if (reports_progress(ti, te, ssa, ssb)) cd.progress = true;
    // "last year, the country drew 43 billion of investment": a past total, when nothing is
    // promised and no progress word speaks of it ("it invested $90 million last year" stays).
    if (!cd.progress && has_hit_in(ci, Cue::past, ssa, ssb) && !has_hit_in(ci, Cue::pledge, ssa, ssb)) continue;
    cands.push_back(std::move(cd));
  }
  // "three MoUs with A, B and C, which together are expected to create 12,000 jobs": a sum.
  for (auto& cd : cands) {
    static const SvSet together = {"together", "combined", "collectively", "ensemble", "cumules", "cumulees",
                                   "\xD9\x85\xD8\xAC\xD8\xAA\xD9\x85\xD8\xB9\xD8\xA9",   // مجتمعة
                                   "\xD9\x85\xD8\xAC\xD8\xAA\xD9\x85\xD8\xB9\xD9\x8A\xD9\x86"};  // مجتمعين
    const auto s = toks[cd.tok].sentence;
    for (std::size_t k = cd.tok; k > 0 && k + 8 > cd.tok && toks[k - 1].sentence == s && !cd.total; --k)
      cd.total = together.contains(toks[k - 1].hashed_key()) || together.contains(toks[k - 1].hashed_stem());
  }
  {
    // A total is kept only when the article does not list the deals it sums (two pledges or more
    // of its metric).
    std::map<Metric, std::size_t> single;
    for (const auto& cd : cands) single[cd.metric] += !cd.total && !cd.progress;
    cands.erase(std::remove_if(cands.begin(), cands.end(),
                               [&](const Candidate& cd) { return cd.total && single[cd.metric] >= 2; }),
                cands.end());
  }
  std::stable_sort(cands.begin(), cands.end(), [](const Candidate& x, const Candidate& y) { return x.nb < y.nb; });
  // "between 800 and 1,000 jobs", "entre 800 et 1 000", "ما بين 800 و1000", "1,000-1,200 jobs": a
  // range; its top is the most promised, so it is read "up to".
  for (auto& cd : cands) {
    if (cd.comparator != Comparator::exactly || cd.tok < 2) continue;
    std::size_t k = cd.tok - 1;
    const auto g = nt.substr(toks[k].end, toks[cd.tok].begin - toks[k].end);
    const bool dash = toks[k].digits && (g == "-" || g == "\xE2\x80\x93" || g == " - " || g == " \xE2\x80\x93 ");
    const bool waw_glued = g == " \xD9\x88" || g == "\xD9\x88";  // "800 و1000"
    if (!dash && !waw_glued && (toks[k].key == "and" || toks[k].key == "et" || toks[k].key == "y" ||
                                toks[k].key == "\xD9\x88"))
      --k;
    if (dash) {
      cd.comparator = Comparator::up_to;
      continue;
    }
    if (!toks[k].digits || k == 0 || toks[k].sentence != toks[cd.tok].sentence) continue;
    const auto& before = toks[k - 1];
    if (before.key == "between" || before.key == "entre" || before.stem == "\xD8\xA8\xD9\x8A\xD9\x86")  // بين
      cd.comparator = Comparator::up_to;
  }

  // --- party of each candidate: the nearest company mention before it in the sentence, else after
  // it in the sentence, else the nearest before it in the text, else the main investor.
  auto is_company = [&](std::size_t p) { return pf.parties[p].kind == PartyKind::company; };
  std::map<std::size_t, int> company_weight;
  for (const auto& m : pf.mentions)
    if (is_company(m.party)) company_weight[m.party] += 1;
  std::optional<std::size_t> main_company;
  {
    int best = 0;
    for (const auto& m : pf.mentions) {  // first mention order breaks ties
      if (!is_company(m.party)) continue;
      if (company_weight[m.party] > best) { best = company_weight[m.party]; main_company = m.party; }
    }
  }
  std::optional<std::size_t> government_party;
  for (std::size_t p = 0; p < pf.parties.size(); ++p)
    if (pf.parties[p].kind == PartyKind::government && !government_party) government_party = p;
  if (!government_party)
    for (std::size_t p = 0; p < pf.parties.size(); ++p)
      if (pf.parties[p].kind == PartyKind::ministry) { government_party = p; break; }

  std::vector<const detail::PartyMention*> company_mentions;  // sorted by position
  for (const auto& m : pf.mentions)
    if (is_company(m.party)) company_mentions.push_back(&m);
  auto party_for = [&](const Candidate& cd) -> std::optional<std::size_t> {
    const auto s = toks[cd.tok].sentence;
    std::optional<std::size_t> before, after, earlier;
    auto idx = static_cast<std::size_t>(
        std::lower_bound(company_mentions.begin(), company_mentions.end(), cd.tok,
                         [](const detail::PartyMention* m, std::size_t v) { return m->first < v; }) -
        company_mentions.begin());
    if (idx > 0) earlier = company_mentions[idx - 1]->party;
    // The subject: the first company named in the sentence before the number...
    for (std::size_t k = idx; k > 0 && toks[company_mentions[k - 1]->first].sentence == s; --k)
      before = company_mentions[k - 1]->party;
    // ...unless a later clause has a subject of its own: "Orbit will invest Rs 2,300 crore, while
    // Kaveri Foods will put Rs 1,200 crore...".
    if (idx > 0) {
      static const SvSet linkers = {"while", "whereas", "and", "but", "tandis", "alors", "et", "mais", "quant",
                                    "\xD8\xA8\xD9\x8A\xD9\x86\xD9\x85\xD8\xA7",  // بينما
                                    "\xD9\x81\xD9\x8A\xD9\x85\xD8\xA7"};         // فيما
      const auto* last = company_mentions[idx - 1];
      const auto clause = toks[cd.tok].clause;
      const auto [ca, cb] = spans.clause(clause);
      const auto [sa, sb] = spans.sentence(s);
      // The earlier clause stated a figure of its own (else "A and B will jointly invest" is one subject).
      bool earlier_figure = false;
      for (std::size_t k = sa; k < ca && !earlier_figure; ++k) earlier_figure = toks[k].digits;
      if (toks[last->first].clause == clause && toks[sa].clause != clause && ca < toks.size() &&
          linkers.contains(toks[ca].hashed_key()) && earlier_figure)
        before = last->party;
    }
    if (idx < company_mentions.size() && toks[company_mentions[idx]->first].sentence == s)
      after = company_mentions[idx]->party;
    if (before) return before;
    if (after) return after;
    if (main_company && company_weight.size() == 1) return main_company;
    // The subject of the nearest earlier sentence naming a company ("The project will create...").
    std::optional<std::size_t> prev_subject;
    if (idx > 0) {
      const auto ps = toks[company_mentions[idx - 1]->first].sentence;
      for (std::size_t k = idx; k > 0 && toks[company_mentions[k - 1]->first].sentence == ps; --k)
        prev_subject = company_mentions[k - 1]->party;
    }
    if (prev_subject) return prev_subject;
    if (earlier) return earlier;
    if (main_company) return main_company;
    // No company named: the government pledges only for its own programs ("Digital Morocco 2030");
    // approved private projects without names keep an unknown party.
    // (The investment charter is a framework for private projects, not a government pledge.)
    for (const auto* h : ci.of(Cue::program))
      if (h->value != "Charte de l'investissement") return government_party;
    return std::nullopt;
  };

  // --- deadline of each candidate
  const Grouped<const Candidate*> cands_in(
      nsent, cands, [&](const Candidate& cd) { return static_cast<std::size_t>(toks[cd.tok].sentence); },
      [](const Candidate& cd) { return &cd; });
  auto deadline_for = [&](const Candidate& cd) -> const DeadlineMatch* {
    const auto s = toks[cd.tok].sentence;
    const DeadlineMatch* best = nullptr;
    std::size_t bd = 0;
    for (const auto* dp : deadlines_in[s]) {
      const auto& d = *dp;
      std::size_t dist = d.begin >= cd.ne ? d.begin - cd.ne : 2 * (cd.nb - std::min(cd.nb, d.end)) + 1;
      // A deadline right after another number of the sentence belongs to that number.
      bool other_closer = false;
      for (const auto* op : cands_in[s]) {
        const auto& o = *op;
        if (&o == &cd || o.progress) continue;
        // ...unless both figures share one clause: "creates 1,454 jobs and invests $672 million by Dec. 31".
        if (o.ne <= d.begin && o.ne > cd.ne && d.begin >= cd.ne &&
            !(toks[o.tok].clause == toks[cd.tok].clause && toks[token_at(d.begin)].clause == toks[cd.tok].clause))
          other_closer = true;
        // A deadline before the number that follows another figure belongs to that figure.
        if (d.end <= cd.nb && o.ne <= d.begin) other_closer = true;
      }
      if (other_closer) continue;
      if (!best || dist < bd) { best = &d; bd = dist; }
    }
    return best;
  };

  auto deadline_text = [&](const DeadlineMatch& d) {
    return std::string(c.evidence(d.begin, d.end).text);
  };

  // "Road users gain from a Ksh 6 billion deal for a transport park", "Chinese investors will build
  // a poultry complex": in an article listing several companies' deals, a sentence that names no
  // company but opens a deal of its own (an indefinite deal noun with its own amount, or unnamed
  // investors as subject) is another deal with an unknown investor, not the previous company's.
  std::vector<char> unnamed_deal(nsent, 0);
  if (company_weight.size() >= 2) {
    static const SvSet indefinite = {"a", "an", "another", "un", "une"};
    static const SvSet deal_nouns = {"deal", "pact", "agreement", "contract", "accord", "mou", "pacte", "contrat",
                                     "convention", "partnership", "partenariat"};
    static const SvSet investor_nouns = {"investors", "investor", "firm", "firms", "investisseurs", "investisseur"};
    static const SvSet determiners = {"the", "its", "their", "these", "this", "that", "his", "her", "les", "le",
                                      "la", "l", "ses", "leurs", "leur", "ces", "cet", "cette", "son", "sa"};
    std::vector<char> names_company(nsent, 0);
    for (const auto* m : company_mentions) names_company[toks[m->first].sentence] = 1;
    for (const auto& cd : cands) {
      const auto s = toks[cd.tok].sentence;
      if (cd.progress || names_company[s] || unnamed_deal[s]) continue;
      auto [sa, sb] = spans.sentence(s);
      bool opens = false;
      if (cd.metric == Metric::investment) {
        bool article = false, noun = false;
        for (std::size_t k = cd.tok; k > sa && k + 3 > cd.tok && !article; --k) article = indefinite.contains(toks[k - 1].hashed_key());
        for (std::size_t k = cd.tok_end; k < sb && k < cd.tok_end + 2 && !noun; ++k) noun = deal_nouns.contains(toks[k].hashed_key());
        opens = article && noun;
      }
      for (std::size_t k = sa; k < cd.tok && !opens; ++k)
        opens = investor_nouns.contains(toks[k].hashed_key()) && (k == sa || !determiners.contains(toks[k - 1].hashed_key()));
      unnamed_deal[s] = opens;
    }
  }

  // --- assemble commitments and progress, grouped by party
  std::vector<bool> progress_from_headcount;  // parallel to a.progress
  std::vector<std::uint32_t> progress_sentence;  // parallel to a.progress
  std::unordered_map<long long, std::vector<std::size_t>> progress_buckets;  // value buckets 0.5% wide
  struct Pending {
    std::optional<std::size_t> party;
    Commitment com;
    std::optional<std::uint32_t> deal;  // the sentence of an unnamed investor's deal
    std::uint32_t sentence = 0;
    std::uint32_t last_sentence = 0;  // the last sentence stating it (after merging restatements)
  };
  std::vector<Pending> pending;
  auto group_of = [](const Pending& m) { return DealGroup{m.deal ? std::nullopt : m.party, m.deal}; };
  for (const auto& cd : cands) {
    const auto& t = toks[cd.tok];
    const bool unnamed = !cd.progress && unnamed_deal[t.sentence];
    auto party = unnamed ? std::nullopt : party_for(cd);
    auto [ca, cb] = spans.clause(t.clause);
    std::size_t ea = ca, eb = std::max(cb, cd.tok_end);
    if (eb - ea < 4) std::tie(ea, eb) = spans.sentence(t.sentence);
    eb = std::min(eb, toks.size());
    if (cd.progress) {
      ProgressStatement p;
      if (party) p.party = pf.parties[*party].name;
      p.metric = cd.metric;
      p.value = cd.target;
      p.unit = cd.unit;
      p.confidence = std::min(0.9, cd.confidence);
      p.evidence.push_back(c.token_evidence(ea, eb));
      // As of: an "end of" deadline or a date in the sentence, else the publication date.
      for (const auto* d : deadlines_in[t.sentence])
        if (d->deadline && d->kind != DeadlineKind::relative) { p.as_of = d->deadline; break; }
      if (!p.as_of)
        for (const auto* d : dates_in[t.sentence])
          // A bare year in the sentence is usually when the pledge was made, not the count's date.
          if (d->precision != DatePrecision::year) { p.as_of = end_of_period(*d); break; }
      // "produced 210,000 vehicles in 2023": a past year said right after the count dates it.
      if (!p.as_of && a.published)
        for (const auto* d : dates_in[t.sentence]) {
          if (d->precision != DatePrecision::year || d->begin < cd.ne || d->date.year() >= a.published->year()) continue;
          const auto di = token_at(d->begin);
          if (di == 0 || di >= toks.size() || toks[di].clause != t.clause || di > cd.tok_end + 4) continue;
          const auto& before = toks[di - 1];
          if (before.key == "in" || before.key == "en" || before.key == "during" ||
              before.stem == "\xD9\x81\xD9\x8A" || before.stem == "\xD8\xB3\xD9\x86\xD8\xA9") {  // في، سنة
            p.as_of = end_of_period(*d);
            break;
          }
        }
      if (!p.as_of) p.as_of = a.published;
      if (p.as_of && a.published && *p.as_of > *a.published) p.as_of = a.published;
      // The same figure said twice ("from 100,000 to 200,000 cars"... "over 100,000 cars a year since
      // it opened") is one observation with two evidence spans.
      bool repeated = false;
      const long long pbucket = static_cast<long long>(std::floor(std::log(std::max(p.value, 1.0)) / std::log(1.005)));
      std::vector<std::size_t> same_bucket;
      for (long long k = pbucket - 1; k <= pbucket + 1; ++k)
        if (auto it = progress_buckets.find(k); it != progress_buckets.end())
          same_bucket.insert(same_bucket.end(), it->second.begin(), it->second.end());
      for (std::size_t i : same_bucket) {
        if (repeated) break;
        auto& q = a.progress[i];
        if (q.metric != p.metric || q.party != p.party ||
            std::abs(q.value - p.value) > 0.005 * std::max(q.value, p.value))
          continue;
        for (auto& e : p.evidence) q.evidence.push_back(std::move(e));
        progress_from_headcount[i] = progress_from_headcount[i] && cd.headcount;
        repeated = true;
      }
      if (repeated) continue;
      progress_buckets[pbucket].push_back(a.progress.size());
      a.progress.push_back(std::move(p));
      progress_from_headcount.push_back(cd.headcount);
      progress_sentence.push_back(t.sentence);
      continue;
    }
    Commitment com;
    com.metric = cd.metric;
    com.target = cd.target;
    com.comparator = cd.comparator;
    com.unit = cd.unit;
    com.qualifier = cd.qualifier;
    com.confidence = cd.confidence;
    com.evidence.push_back(c.token_evidence(ea, eb));
    const DeadlineMatch* d = deadline_for(cd);
    bool fallback = false;
    if (!d) {
      // "in 2024", "في سنة 2012" after the number in its clause: the year is the horizon.
      for (const auto* dmp : dates_in[t.sentence]) {
        const auto& dm = *dmp;
        if (dm.begin < cd.ne || dm.from_reference) continue;
        auto di = token_at(dm.begin);
        if (di >= toks.size() || toks[di].clause != t.clause || di > cd.tok_end + 8) continue;
        if (a.published && dm.date.year() < a.published->year()) continue;  // "pledged in 2021"
        bool between = false;
        for (const auto* o : cands_in[t.sentence])
          if (o != &cd && o->nb >= cd.ne && o->ne <= dm.begin) between = true;
        if (between) continue;
        com.deadline = end_of_period(dm);
        com.deadline_kind = dm.precision == DatePrecision::year ? DeadlineKind::horizon : DeadlineKind::absolute;
        com.deadline_text = c.evidence(dm.begin, dm.end).text;
        com.start = start;
        fallback = true;
        break;
      }
    }
    if (!d && !com.deadline) {
      // "its target of 2,080 jobs for 2019": a year after "for/pour/لسنة" closes the clause's figure.
      for (std::size_t k = cd.tok_end; k + 1 < toks.size() && k < cd.tok_end + 4 && toks[k].clause == t.clause; ++k) {
        const auto& w = toks[k];
        const auto& y = toks[k + 1];
        if ((w.key == "for" || w.key == "pour" || w.key == "para") && y.digits && y.key.size() == 4 && y.clause == t.clause) {
          int year = std::atoi(std::string(y.key).c_str());
          if (year >= 1990 && year <= 2100) {
            com.deadline = Date::end_of_year(year);
            com.deadline_kind = DeadlineKind::horizon;
            com.deadline_text = c.evidence(w.begin, y.end).text;
            com.start = start;
            fallback = true;
          }
          break;
        }
      }
    }
    if (d) {
      com.deadline = d->deadline;
      com.deadline_kind = d->kind;
      com.deadline_text = deadline_text(*d);
      if (d->kind == DeadlineKind::relative) com.start = start;
      else com.start = start;
      com.confidence += fallback ? -0.05 : 0.1;
    } else {
      com.start = start;
    }
    // "60 cars an hour by 2014, equivalent to about 400,000 a year": the restatement shares the deadline.
    auto restates = [&] {
      for (std::size_t k = cd.tok >= 4 ? cd.tok - 4 : 0; k < cd.tok; ++k) {
        const auto& w = toks[k];
        if (w.key == "soit" || w.key == "equivalent" || w.stem == "\xD9\x8A\xD8\xB9\xD8\xA7\xD8\xAF\xD9\x84" ||
            w.key == "\xD9\x8A\xD8\xB9\xD8\xA7\xD8\xAF\xD9\x84")  // يعادل
          return true;
      }
      return false;
    };
    const bool restatement = !pending.empty() && pending.back().sentence == t.sentence && restates();
    if (restatement && !com.deadline && pending.back().com.deadline) {
      com.deadline = pending.back().com.deadline;
      com.deadline_kind = pending.back().com.deadline_kind;
      com.deadline_text = pending.back().com.deadline_text;
      com.start = start;
    }
    // ...and a production rate restated per year is one capacity pledge, not two: keep the restatement.
    if (restatement && com.metric == Metric::capacity && pending.back().com.metric == Metric::capacity) {
      auto earlier = std::move(pending.back().com.evidence);
      pending.pop_back();
      com.evidence.insert(com.evidence.begin(), earlier.begin(), earlier.end());
    }
    if (!party) com.confidence -= 0.15;
    com.confidence = std::clamp(com.confidence, 0.1, 0.95);
    pending.push_back({party, std::move(com), unnamed ? std::optional<std::uint32_t>(t.sentence) : std::nullopt,
                       t.sentence, t.sentence});
  }

  // Dedup: the same pledge said twice is one commitment with several evidence spans.
  std::vector<Pending> merged;
  // Buckets of targets 0.5% wide: a pledge is compared with its neighbours only.
  std::unordered_map<long long, std::vector<std::size_t>> by_bucket;
  // The same by bucket and party (party 0: none when first kept): pledges of two named parties
  // never merge, so a pledge of a named party is compared with its own party's and the unnamed
  // ones only (thousands of companies pledging the same amount stay linear).
  std::unordered_map<std::uint64_t, std::vector<std::size_t>> by_bucket_party;
  constexpr std::size_t kByPartyFrom = 64;  // kept pledges before by_bucket_party pays for itself
  bool by_party = false;
  auto bucket_of = [](double v) { return static_cast<long long>(std::floor(std::log(std::max(v, 1.0)) / std::log(1.005))); };
  auto party_key = [](long long bucket, std::optional<std::size_t> party) {
    return static_cast<std::uint64_t>(bucket) << 32 ^ static_cast<std::uint64_t>(party ? *party + 1 : 0);
  };
  for (auto& p : pending) {
    Pending* same = nullptr;
    std::vector<std::size_t> near;
    if (p.com.target) {
      const auto b = bucket_of(*p.com.target);
      for (long long k = b - 1; k <= b + 1; ++k) {
        auto add = [&near](const auto& map, auto key) {
          if (auto it = map.find(key); it != map.end()) near.insert(near.end(), it->second.begin(), it->second.end());
        };
        if (!p.party || !by_party) {
          add(by_bucket, k);
        } else {
          add(by_bucket_party, party_key(k, p.party));
          add(by_bucket_party, party_key(k, std::nullopt));
        }
      }
      std::sort(near.begin(), near.end());
      near.erase(std::unique(near.begin(), near.end()), near.end());
    }
    for (auto mi : near) {
      auto& m = merged[mi];
      if (m.com.metric != p.com.metric || !m.com.target || !p.com.target) continue;
      if (std::abs(*m.com.target - *p.com.target) > 0.005 * std::max(*m.com.target, *p.com.target)) continue;
      if ((m.party != p.party && m.party && p.party) || m.deal != p.deal) continue;
      // The same amount in two different deadlines is two milestones, not one pledge.
      if (m.com.deadline && p.com.deadline && m.com.deadline->year() != p.com.deadline->year()) continue;
      same = &m;
      break;
    }
    if (!same) {
      if (p.com.target) {
        by_bucket[bucket_of(*p.com.target)].push_back(merged.size());
        if (by_party) by_bucket_party[party_key(bucket_of(*p.com.target), p.party)].push_back(merged.size());
      }
      merged.push_back(std::move(p));
      if (!by_party && merged.size() >= kByPartyFrom) {  // many pledges: index them by party too
        by_party = true;
        for (std::size_t k = 0; k < merged.size(); ++k)
          if (merged[k].com.target)
            by_bucket_party[party_key(bucket_of(*merged[k].com.target), merged[k].party)].push_back(k);
      }
      continue;
    }
    auto& m = *same;
    for (auto& e : p.com.evidence) m.com.evidence.push_back(std::move(e));
    if (m.com.comparator == Comparator::exactly) m.com.comparator = p.com.comparator;
    if (deadline_rank(p.com) > deadline_rank(m.com)) {
      m.com.deadline = p.com.deadline;
      m.com.deadline_kind = p.com.deadline_kind;
      m.com.deadline_text = p.com.deadline_text;
    }
    if (m.com.qualifier.empty()) m.com.qualifier = p.com.qualifier;
    if (!m.party && p.party) {
      m.party = p.party;
      if (by_party && m.com.target)  // now also one of that party's
        by_bucket_party[party_key(bucket_of(*m.com.target), m.party)].push_back(static_cast<std::size_t>(&m - merged.data()));
    }
    m.last_sentence = std::max(m.last_sentence, p.last_sentence);
    m.com.confidence = std::min(0.98, std::max(m.com.confidence, p.com.confidence) + 0.05);
  }
  // "...in order to meet the state's April 2020 deadline": a date named as the deadline in a
  // sentence without figures dates the undated pledge stated just before (at most 3 sentences).
  for (std::uint32_t si = 0; si < nsent; ++si) {
    if (!cands_in[si].empty() || superseded[si] || see_also[si]) continue;
    for (const auto* d : dates_in[si]) {
      if (d->from_reference || d->precision == DatePrecision::year) continue;
      if (a.published && d->date < *a.published) continue;
      const std::size_t di = token_at(d->begin), de = token_at(d->end);
      static const SvSet deadline_words = {"deadline", "echeance", "\xD8\xA7\xD8\xAC\xD9\x84"};  // اجل
      const bool named = (de < toks.size() && toks[de].sentence == si &&
                          (deadline_words.contains(toks[de].hashed_key()) || deadline_words.contains(toks[de].hashed_stem()))) ||
                         (di >= 2 && toks[di - 2].sentence == si && deadline_words.contains(toks[di - 2].hashed_key()) &&
                          (toks[di - 1].key == "of" || toks[di - 1].key == "du" || toks[di - 1].key == "de"));
      if (!named) continue;
      Pending* target = nullptr;
      for (auto& m : merged)
        if (!m.com.deadline && m.com.target && m.last_sentence < si && m.last_sentence + 3 >= si &&
            (!target || m.last_sentence > target->last_sentence))
          target = &m;
      if (!target) continue;
      target->com.deadline = end_of_period(*d);
      target->com.deadline_kind = DeadlineKind::absolute;
      target->com.deadline_text = c.evidence(d->begin, d->end).text;
      target->com.start = start;
      auto [sa, sb] = spans.sentence(si);
      target->com.evidence.push_back(c.token_evidence(sa, sb));
      break;
    }
  }
  // Milestones: rising targets of one metric and party with increasing deadlines.
  std::unordered_map<std::uint32_t, std::vector<std::size_t>> merged_in;
  for (std::size_t i = 0; i < merged.size(); ++i) merged_in[merged[i].sentence].push_back(i);
  for (auto& m : merged) {
    if (!m.com.deadline || !m.com.target) continue;
    for (auto oi : merged_in[m.sentence]) {
      const auto& o = merged[oi];
      if (&o == &m || o.party != m.party || o.com.metric != m.com.metric || !o.com.deadline || !o.com.target) continue;
      if (o.sentence != m.sentence) continue;
      if (*o.com.deadline < *m.com.deadline && *o.com.target < *m.com.target) {
        Milestone ms;
        ms.due = o.com.deadline;
        ms.target = *o.com.target;
        ms.text = o.com.evidence.front().text;
        m.com.milestones.push_back(std::move(ms));
      }
    }
  }

  // --- regions
  const auto& gaz = geo::Gazetteer::builtin();
  auto rmentions = find_region_mentions(c, lang);
  {
    // "Sahel Solaire", "Atlas Câbles": a place word inside a company name does not say where the
    // project is; such mentions are dropped unless nothing else names a place.
    std::vector<char> in_company(toks.size(), 0);
    for (const auto& m : pf.mentions)
      if (pf.parties[m.party].kind == PartyKind::company)
        for (std::size_t k = m.first; k < m.last && k < toks.size(); ++k) in_company[k] = 1;
    std::vector<RegionMention> outside;
    for (const auto& m : rmentions)
      if (!in_company[m.first]) outside.push_back(m);
    if (!outside.empty()) rmentions = std::move(outside);
  }
  std::map<std::string, int> country_votes;
  for (const auto& m : rmentions) country_votes[m.region->country] += m.region->type == "Country" ? 1 : 2;
  std::string main_country;
  {
    int best = 0;
    for (const auto& [k, v] : country_votes)
      if (v > best) { best = v; main_country = k; }
  }
  // "the state government", "Chief Minister Vijay Rupani": in a country of states or provinces,
  // a government spoken of at that level is the one of the state the article is placed in
  // ("Government of Gujarat", "State of Wisconsin"), when it names one only.
  // Counted only for an article that has such a government (it folds every place's spelling).
  auto state_government_of_article = [&]() -> std::string {
    const geo::Region* state = nullptr;
    std::string surface;
    bool several = false;
    for (const auto& m : rmentions) {
      if (m.region->country != main_country || m.region->type == "Country") continue;
      const geo::Region* first_level = detail::builtin_first_level(m.region->code);
      if (!first_level || (first_level->type != "State" && first_level->type != "Province")) continue;
      if (state && state != first_level) several = true;
      state = first_level;
      // The state's name as the article spells it, when a mention is that name (not a city).
      if (surface.empty() && toks[m.first].latin && text::fold(m.surface) == text::fold(first_level->name))
        surface = m.surface;
    }
    if (state && !several && surface.empty()) {
      // Named only inside another name ("Gujarat Industrial Development Corporation"): the
      // article's spelling all the same, rather than the gazetteer's ("Gujarāt").
      const auto name = detail::tokenize(state->name);
      for (std::size_t i = 0; !name.empty() && i + name.size() <= toks.size() && surface.empty(); ++i) {
        bool same = true;
        for (std::size_t k = 0; k < name.size() && same; ++k) same = toks[i + k].key == name[k].key;
        if (same) surface = std::string(nt.substr(toks[i].begin, toks[i + name.size() - 1].end - toks[i].begin));
      }
    }
    if (!state || several) return {};
    return detail::state_government_name(main_country, surface.empty() ? state->name : surface);
  };
  std::optional<std::string> state_government;
  auto state_level = [&](std::size_t party) {
    const std::string& title = pf.parties[party].title;
    if (title == "chief minister" || title == "governor" || title == "premier") return true;
    // "state government", "provincial government", "gobierno estatal", "gouvernement provincial"
    for (const auto& m : pf.mentions) {
      if (m.party != party) continue;
      if (m.first > 0 && (toks[m.first - 1].key == "state" || toks[m.first - 1].key == "provincial")) return true;
      if (m.last < toks.size() && (toks[m.last].key == "estatal" || toks[m.last].key == "provincial")) return true;
    }
    return false;
  };
  // A government named without its country ("الحكومة", "le gouvernement") is the main country's.
  for (std::size_t pi = 0; pi < pf.parties.size(); ++pi) {
    auto& p = pf.parties[pi];
    if (p.kind != PartyKind::government || p.name != "Government") continue;
    if (state_level(pi)) {
      if (!state_government) state_government = state_government_of_article();
      if (!state_government->empty()) {
        p.name = *state_government;
        if (p.country.empty()) p.country = main_country;
        continue;
      }
    }
    if (main_country == "MA") p.name = "Moroccan government";
    else if (const auto* r = gaz.find(main_country)) p.name = "Government of " + r->name;
    if (p.country.empty()) p.country = main_country;
  }
  // "RABAT - Onepoint signed...": the dateline names where the story was filed.
  auto is_dateline = [&](const RegionMention& m) {
    if (m.last >= toks.size() || (m.first > 0 && toks[m.first - 1].sentence == toks[m.first].sentence)) return false;
    auto gap = nt.substr(toks[m.last - 1].end, toks[m.last].begin - toks[m.last - 1].end);
    const bool dash = gap.find('-') != std::string_view::npos || gap.find("\xE2\x80\x94") != std::string_view::npos ||
                      gap.find("\xE2\x80\x93") != std::string_view::npos;  // - — –
    // "MEXICO CITY, March 18 (Reuters) -": a comma after a capitalised place opening the text.
    const bool wire = gap.find(',') != std::string_view::npos && toks[m.first].sentence == 0;
    return (dash || wire) && toks[m.first].all_caps;
  };
  // A city after à/in/at/en/ب/في in a sentence with a signing word.
  auto placed_city_in_signing = [&](const RegionMention& m) -> const CueHit* {
    if (!m.city || m.first == 0) return nullptr;
    auto [sa, sb] = spans.sentence(toks[m.first].sentence);
    const CueHit* sign = ci.in(Cue::sign, sa, sb);
    if (!sign) return nullptr;
    const auto& prev = toks[m.first - 1].key;
    const auto& own = toks[m.first].key;
    bool arabic_bi = !toks[m.first].latin && own.rfind("\xD8\xA8", 0) == 0;  // ب
    const bool placed = prev == "a" || prev == "in" || prev == "at" || prev == "en" || arabic_bi ||
                        toks[m.first - 1].stem == "\xD9\x81\xD9\x8A";  // في
    return placed ? sign : nullptr;
  };
  // The region mentions of each sentence: [mentions_from[s], mentions_from[s + 1]) (they come in
  // text order), so that per-sentence look-ups stay local however many places the text names.
  std::vector<std::uint32_t> mentions_from(nsent + 1, 0);
  for (const auto& m : rmentions) ++mentions_from[toks[m.first].sentence + 1];
  for (std::size_t s = 1; s <= nsent; ++s) mentions_from[s] += mentions_from[s - 1];
  auto mentions_of = [&](std::uint32_t sentence) {
    return std::span<const RegionMention>(rmentions.data() + mentions_from[sentence],
                                          rmentions.data() + mentions_from[sentence + 1]);
  };
  auto is_signing_place = [&](const RegionMention& m) {
    const CueHit* sign = placed_city_in_signing(m);
    if (!sign) return false;
    // "une usine à Dakhla a été signée, mercredi à Rabat": the city after the signing word is
    // where it was signed, the one before it the project's.
    if (m.first < sign->first)
      for (const auto& o : mentions_of(toks[m.first].sentence))
        if (&o != &m && o.first > sign->first && placed_city_in_signing(o)) return false;
    return true;
  };
  // Mentions that never vote for the project's region: the signing place and the dateline.
  std::vector<char> not_project(rmentions.size());
  for (std::size_t k = 0; k < rmentions.size(); ++k)
    not_project[k] = is_signing_place(rmentions[k]) || is_dateline(rmentions[k]);
  std::string place;
  for (const auto& m : rmentions)
    if (is_signing_place(m)) {
      place = m.region->type == "Country" ? std::string() : (toks[m.first].latin ? m.surface : m.region->name);
      // Prefer the city spelling of a Latin-script alias (the first one the gazetteer lists).
      if (!toks[m.first].latin) {
        static const detail::FlatMap<std::string> latin_city = [&gaz] {
          detail::FlatMap<std::string> by_code;
          for (const auto& al : gaz.aliases())
            if (al.kind == geo::AliasKind::city && (al.lang == "en" || al.lang == "fr" || al.lang.empty()))
              by_code.emplace(al.region_code, al.text);
          return by_code;
        }();
        if (const std::string* text = latin_city.find(m.region->code)) place = *text;
      }
      break;
    }
  std::vector<std::vector<DealGroup>> groups_in(nsent);  // filled once the deals are grouped
  // Project region for a span of sentences: votes of first-level regions in the main country.
  // The whole article's votes (counted when a deal's own sentences name no region).
  std::optional<std::pair<std::map<std::string, std::pair<int, std::size_t>>, std::string>> article_votes;
  auto choose_region = [&](std::optional<std::uint32_t> sentence,
                           const DealGroup& group) -> std::pair<const geo::Region*, std::string> {
    std::map<std::string, std::pair<int, std::size_t>> votes;  // code -> (votes, first token)
    std::string city;
    auto consider = [&](bool only_sentence) {
      if (!only_sentence && article_votes) {  // the same for every deal: counted once
        votes = article_votes->first;
        city = article_votes->second;
        return;
      }
      const auto mentions = only_sentence ? mentions_of(*sentence) : std::span<const RegionMention>(rmentions);
      for (const auto& m : mentions) {
        if (m.region->type == "Country") continue;
        if (!main_country.empty() && m.region->country != main_country) continue;
        if (not_project[static_cast<std::size_t>(&m - rmentions.data())]) continue;
        const auto* fl = detail::builtin_first_level(m.region->code);
        if (!fl) continue;
        auto& v = votes[fl->code];
        if (v.first == 0) v.second = m.first;
        v.first += 1;
        if (m.city && city.empty() && toks[m.first].latin) city = m.surface;
      }
      if (!only_sentence) article_votes.emplace(votes, city);
    };
    if (sentence) consider(true);
    // Another deal's figures in a sentence: its places are that deal's.
    auto others_deal = [&](std::uint32_t s) {
      for (const auto& g : groups_in[s])
        if (g != group) return true;
      return false;
    };
    // The deal's place is often named in the sentence or two before its figures.
    // An unnamed investor's deal takes a place from a neighbouring sentence only when that
    // sentence states no other deal's figures and names one region.
    auto consider_near = [&](std::uint32_t s0) {
      if (group.deal && others_deal(s0)) return false;
      std::swap(s0, *sentence);
      consider(true);
      std::swap(s0, *sentence);
      if (group.deal && votes.size() > 1) {
        votes.clear();
        city.clear();
      }
      return true;
    };
    for (int back = 1; back <= 2 && votes.empty() && sentence && *sentence >= static_cast<std::uint32_t>(back); ++back)
      if (!consider_near(*sentence - static_cast<std::uint32_t>(back))) break;
    if (group.deal) {
      // "...a deal for a transport park. The main park rises in Murang'a.": or just after it.
      if (votes.empty() && *sentence + 1 < nsent) consider_near(*sentence + 1);
      // Never the article's place at large: nothing says where this deal is.
    } else if (votes.empty()) {
      consider(false);
    }
    if (votes.empty() && !group.deal) {  // only the signing place is named: it is also the project location
      for (const auto& m : rmentions) {
        if (m.region->type == "Country") continue;
        if (!main_country.empty() && m.region->country != main_country) continue;
        if (const auto* fl = detail::builtin_first_level(m.region->code)) { votes[fl->code] = {1, m.first}; break; }
      }
    }
    const geo::Region* best = nullptr;
    std::pair<int, std::size_t> bv{0, 0};
    for (const auto& [code, v] : votes)
      if (!best || v.first > bv.first || (v.first == bv.first && v.second < bv.second)) {
        best = gaz.find(code);
        bv = v;
      }
    return {best, city};
  };

  // --- agreement kind, program, sector
  std::string kind_value;
  for (const auto* h : ci.of(Cue::agreement_kind)) {
    auto [sa, sb] = spans.sentence(toks[h->first].sentence);
    if (kind_value.empty() || has_hit_in(ci, Cue::sign, sa, sb)) {
      bool sign_here = has_hit_in(ci, Cue::sign, sa, sb);
      if (kind_value.empty() || sign_here) kind_value = std::string(h->value);
      if (sign_here) break;
    }
  }
  std::string program;
  if (!ci.of(Cue::program).empty()) program = std::string(ci.of(Cue::program).front()->value);
  std::string sector;
  {
    std::map<std::string_view, int> sv;
    for (const auto* h : ci.of(Cue::sector)) sv[h->value] += 1;
    int best = 0;
    for (const auto& [k, v] : sv)
      if (v > best) { best = v; sector = std::string(k); }
  }

  const bool has_agreement_words = !ci.of(Cue::agreement_kind).empty() || !ci.of(Cue::sign).empty();
  if (merged.empty() && !(has_agreement_words && main_company) && a.progress.empty()) return a;

  // Group by investor: one agreement per company with pledges (multi-deal articles), and one per
  // deal of an unnamed investor.
  std::vector<DealGroup> investors;
  // A deal group as one integer (party and deal sentence), to find groups by hash: a round-up
  // of thousands of companies must not compare every pledge with every group.
  auto group_key = [](const DealGroup& g) {
    return (static_cast<std::uint64_t>(g.party ? *g.party + 1 : 0) << 32) | (g.deal ? *g.deal + 1u : 0u);
  };
  // Few pledges (nearly every article): a look along the few groups beats a hash set.
  constexpr std::size_t kHashFrom = 32;
  if (merged.size() < kHashFrom) {
    for (const auto& m : merged)
      if (std::find(investors.begin(), investors.end(), group_of(m)) == investors.end()) investors.push_back(group_of(m));
  } else {
    std::unordered_set<std::uint64_t> seen;
    for (const auto& m : merged)
      if (seen.insert(group_key(group_of(m))).second) investors.push_back(group_of(m));
  }
  if (investors.empty()) investors.push_back({main_company ? main_company : government_party, std::nullopt});
  // A government party never splits a deal: its pledges join the company's agreement.
  if (investors.size() > 1) {
    std::vector<DealGroup> companies;
    const DealGroup* first_company = nullptr;
    for (auto& g : investors)
      if (g.deal || (g.party && is_company(*g.party))) {
        companies.push_back(g);
        if (!g.deal && !first_company) first_company = &g;
      }
    if (first_company && companies.size() < investors.size()) {
      const auto company = first_company->party;
      for (auto& m : merged)
        if (!m.deal && (!m.party || !is_company(*m.party))) m.party = company;
      investors = companies;
    }
  }
  const bool multi = investors.size() > 1;
  // The pledges of each group, in text order.
  std::vector<std::vector<std::size_t>> pledges_of(investors.size());
  if (investors.size() < kHashFrom) {
    for (std::size_t k = 0; k < merged.size(); ++k)
      if (const auto it = std::find(investors.begin(), investors.end(), group_of(merged[k])); it != investors.end())
        pledges_of[static_cast<std::size_t>(it - investors.begin())].push_back(k);
  } else {
    std::unordered_map<std::uint64_t, std::size_t> index_of;
    for (std::size_t g = 0; g < investors.size(); ++g) index_of.emplace(group_key(investors[g]), g);
    for (std::size_t k = 0; k < merged.size(); ++k)
      if (const auto it = index_of.find(group_key(group_of(merged[k]))); it != index_of.end())
        pledges_of[it->second].push_back(k);
  }
  // Parties listed in every agreement of a multi-deal article: the first party of each name
  // that is not a company (governments, ministries, agencies), in order.
  std::vector<bool> first_of_name(pf.parties.size());
  std::vector<std::size_t> listed_in_every;
  {
    std::unordered_set<std::string_view> names;  // only for many parties
    for (std::size_t p = 0; p < pf.parties.size(); ++p) {
      const std::string& name = pf.parties[p].name;
      if (pf.parties.size() < kHashFrom) {
        first_of_name[p] = true;
        for (std::size_t q = 0; q < p && first_of_name[p]; ++q) first_of_name[p] = pf.parties[q].name != name;
      } else {
        first_of_name[p] = names.insert(name).second;
      }
      if (first_of_name[p] && pf.parties[p].kind != PartyKind::company) listed_in_every.push_back(p);
    }
  }
  // Which deals state figures in each sentence (a deal's place is not looked for past another's).
  for (const auto& m : merged)
    for (auto s : {m.sentence, m.last_sentence})
      if (std::find(groups_in[s].begin(), groups_in[s].end(), group_of(m)) == groups_in[s].end())
        groups_in[s].push_back(group_of(m));
  const bool any_sign = !ci.of(Cue::sign).empty();

  // A follow-up (it reports progress, and signs nothing now: no signing date, or one more than
  // three months before publication) restates the earlier pledge: an announcement without a
  // signing date, which ingest merges with the original agreement as a claim.
  const bool follow_up = !a.progress.empty() &&
                         (!signed_on || (a.published && days_between(*signed_on, *a.published) > 90));
  // In the article that announces a signing, the company's current headcount is the baseline
  // the pledge adds to ("already employs 2,300 at its other sites"), not progress on it.
  if (!follow_up) {
    std::vector<ProgressStatement> kept;
    std::vector<bool> kept_headcount;
    std::vector<std::uint32_t> kept_sentence;
    for (std::size_t i = 0; i < a.progress.size(); ++i)
      if (!progress_from_headcount[i]) {
        kept.push_back(std::move(a.progress[i]));
        kept_headcount.push_back(false);
        kept_sentence.push_back(progress_sentence[i]);
      }
    a.progress = std::move(kept);
    progress_from_headcount = std::move(kept_headcount);
    progress_sentence = std::move(kept_sentence);
  }
  for (std::size_t gi = 0; gi < investors.size(); ++gi) {
    const auto& group = investors[gi];
    const auto& inv = group.party;
    Agreement ag;
    ag.kind = kind_value.empty() || follow_up ? AgreementKind::announcement : *parse_agreement_kind(kind_value);
    ag.signed_on = follow_up ? std::nullopt : signed_on;
    ag.place = place;
    ag.program = program;
    ag.sector = sector;
    std::optional<std::uint32_t> first_sentence;
    if (!pledges_of[gi].empty()) first_sentence = merged[pledges_of[gi].front()].sentence;
    auto [region, city] = choose_region(multi ? first_sentence : std::nullopt, group);
    if (region) {
      ag.region_code = region->code;
      ag.region = latin_name_of(gaz, *region);
      ag.country = region->country;
    } else {
      ag.country = main_country;
    }
    ag.city = city;
    // Parties: the investor, then governments, ministries and agencies; other companies are
    // partners only in a single-deal article.
    // A multi-deal article lists the investor and the parties of every agreement (companies
    // other than the investor are left out): only those are visited, not every party.
    std::vector<std::size_t> to_list;
    if (multi) {
      to_list = listed_in_every;
      if (inv && first_of_name[*inv] && pf.parties[*inv].kind == PartyKind::company)
        to_list.insert(std::lower_bound(to_list.begin(), to_list.end(), *inv), *inv);
    } else {
      for (std::size_t p = 0; p < pf.parties.size(); ++p)
        if (first_of_name[p]) to_list.push_back(p);
    }
    for (const std::size_t p : to_list) {
      PartyRef r = pf.parties[p];
      const bool company = r.kind == PartyKind::company;
      if (inv && p == *inv) {
        r.role = r.kind == PartyKind::company ? Role::investor : Role::government;
      } else if (company) {
        if (multi) continue;
        bool pledges = false;
        for (const auto& m : merged) pledges |= !m.deal && m.party == p;
        r.role = pledges ? Role::investor : Role::partner;
      } else if (r.kind == PartyKind::government) {
        r.role = Role::government;
      } else {
        r.role = any_sign ? Role::signatory : (r.kind == PartyKind::agency ? Role::agency : Role::government);
      }
      ag.parties.push_back(std::move(r));
    }
    for (const std::size_t k : pledges_of[gi]) {
      const auto& m = merged[k];
      Commitment com = m.com;
      if (m.party) com.party = pf.parties[*m.party].name;
      ag.commitments.push_back(std::move(com));
    }
    const std::string inv_name = inv ? pf.parties[*inv].name : std::string();
    if (!multi && !doc.title.empty()) ag.title = doc.title;
    else if (group.deal) ag.title = "deal of an unnamed investor" + (ag.region.empty() ? "" : " – " + ag.region);
    else ag.title = inv_name.empty() ? std::string("announcement") : inv_name + (ag.region.empty() ? "" : " – " + ag.region);
    ag.confidence = 0.5 + (kind_value.empty() ? 0 : 0.2) + (signed_on ? 0.15 : 0) + (region ? 0.1 : 0);
    if (sign_evidence) ag.evidence.push_back(*sign_evidence);
    a.agreements.push_back(std::move(ag));
  }
  // "Aerolux already employs 1,100 people in Casablanca" (its pledge is in Tangier): a headcount
  // at a place in another region than every agreement's is another site's staff, not progress.
  {
    std::set<std::string> agreement_regions;
    for (const auto& ag : a.agreements)
      if (!ag.region_code.empty()) agreement_regions.insert(ag.region_code);
    std::vector<ProgressStatement> kept;
    for (std::size_t i = 0; i < a.progress.size(); ++i) {
      bool elsewhere = false;
      if (progress_from_headcount[i] && !agreement_regions.empty())
        for (const auto& m : mentions_of(progress_sentence[i])) {
          if (m.region->type == "Country") continue;
          const auto* fl = detail::builtin_first_level(m.region->code);
          if (fl && !agreement_regions.count(fl->code)) elsewhere = true;
        }
      if (!elsewhere) kept.push_back(std::move(a.progress[i]));
    }
    a.progress = std::move(kept);
  }
  // Progress party: the investor when the sentence names none.
  for (auto& p : a.progress)
    if (p.party.empty() && main_company) p.party = pf.parties[*main_company].name;
  return a;
}

}  // namespace pledgedb::extract

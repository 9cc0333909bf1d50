// Titled people tied to the parties they speak or sign for. Conservative by design: a person is
// kept only when a title and a named party stand next to the name; otherwise nothing is said.
#include "extract/representatives.hpp"

#include "extract/flat_table.hpp"
#include "extract/party_phrases.hpp"
#include "extract/naming.hpp"
#include "extract/place_cache.hpp"

#include <algorithm>
#include <optional>

namespace pledgedb::extract::detail {
namespace {

struct TitleWords {
  std::string_view phrase;
  std::string_view title;  // English
  bool government = false;  // a head of a government: stands for the article's only government
};

// clang-format off
constexpr TitleWords kTitles[] = {
    {"minister", "minister"}, {"ministers", "minister"}, {"minister delegate", "minister delegate"},
    {"chief minister", "chief minister", true}, {"gov", "governor", true}, {"prime minister", "prime minister", true},
    {"head of government", "head of government", true}, {"governor", "governor", true},
    {"ceo", "CEO"}, {"chief executive", "chief executive"}, {"chief executive officer", "CEO"},
    {"chairman", "chairman"}, {"chairwoman", "chairwoman"}, {"chairman and ceo", "chairman and CEO"},
    {"president", "president", true}, {"managing director", "managing director"},
    {"director general", "director general"}, {"general manager", "general manager"},
    {"executive director", "executive director"}, {"executive directors", "executive director"},
    {"founder", "founder"}, {"spokesperson", "spokesperson"},
    {"spokesman", "spokesperson"}, {"spokeswoman", "spokesperson"},
    {"ministre", "minister"}, {"ministre delegue", "minister delegate"}, {"ministre deleguee", "minister delegate"},
    {"chef du gouvernement", "head of government", true}, {"premier ministre", "prime minister", true},
    {"pdg", "CEO"}, {"president directeur general", "CEO"}, {"presidente directrice generale", "CEO"},
    {"directeur general", "director general"}, {"directrice generale", "director general"}, {"dg", "director general"},
    {"presidente", "president", true}, {"fondateur", "founder"}, {"fondatrice", "founder"},
    {"president fondateur", "president and founder"}, {"gouverneur", "governor", true}, {"wali", "wali", true},
    {"directeur", "director"}, {"directrice", "director"}, {"porte parole", "spokesperson"},
    {"\xD9\x88\xD8\xB2\xD9\x8A\xD8\xB1", "minister"},                                      // وزير
    {"\xD9\x88\xD8\xB2\xD9\x8A\xD8\xB1\xD8\xA9", "minister"},                              // وزيرة
    {"\xD8\xA7\xD9\x84\xD9\x88\xD8\xB2\xD9\x8A\xD8\xB1 \xD8\xA7\xD9\x84\xD9\x85\xD9\x86\xD8\xAA\xD8\xAF\xD8\xA8",
     "minister delegate"},                                                                   // الوزير المنتدب
    {"\xD8\xA7\xD9\x84\xD9\x88\xD8\xB2\xD9\x8A\xD8\xB1\xD8\xA9 \xD8\xA7\xD9\x84\xD9\x85\xD9\x86\xD8\xAA\xD8\xAF\xD8\xA8\xD8\xA9",
     "minister delegate"},                                                                   // الوزيرة المنتدبة
    {"\xD8\xA7\xD9\x84\xD9\x85\xD8\xAF\xD9\x8A\xD8\xB1 \xD8\xA7\xD9\x84\xD8\xB9\xD8\xA7\xD9\x85", "director general"},  // المدير العام
    {"\xD8\xA7\xD9\x84\xD9\x85\xD8\xAF\xD9\x8A\xD8\xB1\xD8\xA9 \xD8\xA7\xD9\x84\xD8\xB9\xD8\xA7\xD9\x85\xD8\xA9",
     "director general"},                                                                    // المديرة العامة
    {"\xD8\xA7\xD9\x84\xD8\xB1\xD8\xA6\xD9\x8A\xD8\xB3 \xD8\xA7\xD9\x84\xD9\x85\xD8\xAF\xD9\x8A\xD8\xB1 "
     "\xD8\xA7\xD9\x84\xD8\xB9\xD8\xA7\xD9\x85",
     "CEO"},                                                                                 // الرئيس المدير العام
    {"\xD8\xA7\xD9\x84\xD8\xB1\xD8\xA6\xD9\x8A\xD8\xB3 \xD8\xA7\xD9\x84\xD8\xAA\xD9\x86\xD9\x81\xD9\x8A\xD8\xB0\xD9\x8A",
     "CEO"},                                                                                 // الرئيس التنفيذي
    {"\xD8\xB1\xD8\xA6\xD9\x8A\xD8\xB3 \xD8\xA7\xD9\x84\xD8\xAD\xD9\x83\xD9\x88\xD9\x85\xD8\xA9",
     "head of government", true},                                                            // رئيس الحكومة
    {"\xD9\x85\xD8\xA4\xD8\xB3\xD8\xB3", "founder"},                                         // مؤسس
    {"\xD9\x88\xD8\xA7\xD9\x84\xD9\x8A", "wali", true},                                      // والي
};
// clang-format on

struct Title {
  std::vector<std::string> keys, stems;
  std::string_view title;
  bool government = false;
};

const std::vector<Title>& titles() {
  static const std::vector<Title> all = [] {
    std::vector<Title> out;
    for (const auto& t : kTitles) {
      Title x;
      for (const auto& tok : tokenize(t.phrase)) {
        x.keys.emplace_back(tok.key);
        x.stems.emplace_back(tok.stem);
      }
      x.title = t.title;
      x.government = t.government;
      out.push_back(std::move(x));
    }
    return out;
  }();
  return all;
}

bool word_is(const Token& t, const std::string& key, const std::string& stem) {
  return same(t.key, key) || same(t.stem, stem) || same(t.stem, key);
}

// w is one of words.
bool one_of(std::string_view w, const std::vector<std::string_view>& words) {
  return std::any_of(words.begin(), words.end(), [w](std::string_view x) { return same(w, x); });
}

// Titles by first word (key and stem), in table order: title_at tries only those that can start
// at a token, not every title at each token that starts one. A mark per hash of a first word's key
// or stem turns most tokens away before the tables.
struct TitleIndex {
  FlatMap<std::vector<std::uint32_t>> by_key, by_stem;
  WordMarks first_words;  // of the first words' keys and stems

  // False when no title's first word is t's key or stem (most tokens).
  bool may_start(const Token& t) const { return first_words.may_start(t); }
};
const TitleIndex& title_index() {
  static const TitleIndex ix = [] {
    TitleIndex x;
    const auto& all = titles();
    for (std::size_t n = 0; n < all.size(); ++n) {
      x.by_key[all[n].keys[0]].push_back(static_cast<std::uint32_t>(n));
      x.by_stem[all[n].stems[0]].push_back(static_cast<std::uint32_t>(n));
      x.first_words.set(sv_hash(all[n].keys[0]));
      x.first_words.set(sv_hash(all[n].stems[0]));
    }
    return x;
  }();
  return ix;
}

using TitleHit = std::optional<std::pair<std::size_t, const Title*>>;

// The longest title starting at token i (the first in table order among equals): its end and entry.
TitleHit title_listed(const TitleIndex& ix, const std::vector<Token>& toks, std::size_t i) {
  // The titles whose first word word_is() may accept: key = key, stem = stem, or key = stem.
  const std::vector<std::uint32_t>* lists[] = {ix.by_key.find(toks[i].hashed_key()), ix.by_stem.find(toks[i].hashed_stem()),
                                               ix.by_key.find(toks[i].hashed_stem())};
  // A list tried again cannot change the answer: a Latin word (its stem its key) finds the same
  // titles in all three.
  if (lists[1] && lists[0] && *lists[1] == *lists[0]) lists[1] = nullptr;
  if (lists[2] == lists[0]) lists[2] = nullptr;
  const auto& all = titles();
  std::size_t best_n = all.size(), best_len = 0;
  for (const auto* list : lists) {
    if (!list) continue;
    for (const auto n : *list) {
      const auto& t = all[n];
      if (t.keys.size() < best_len || (t.keys.size() == best_len && n >= best_n)) continue;
      if (i + t.keys.size() > toks.size() || !word_is(toks[i], t.keys[0], t.stems[0])) continue;
      bool ok = true;
      for (std::size_t k = 1; k < t.keys.size() && ok; ++k)
        ok = toks[i + k].sentence == toks[i].sentence && word_is(toks[i + k], t.keys[k], t.stems[k]);
      if (ok) best_n = n, best_len = t.keys.size();
    }
  }
  if (best_len == 0) return std::nullopt;
  return std::make_pair(i + best_len, &all[best_n]);
}
TitleHit title_at(const TitleIndex& ix, const std::vector<Token>& toks, std::size_t i) {
  if (!ix.may_start(toks[i])) return std::nullopt;
  return title_listed(ix, toks, i);
}

// A word that starts a title (as its first word or that word's stem): it ends a person's name.
bool is_title_word(const TitleIndex& ix, const Token& t) {
  return ix.first_words.test(t.key_hash) && (ix.by_key.find(t.hashed_key()) || ix.by_stem.find(t.hashed_key()));
}

std::string_view gap(std::string_view nt, const Token& a, const Token& b) { return nt.substr(a.end, b.begin - a.end); }
bool plain_gap(std::string_view g) { return std::all_of(g.begin(), g.end(), [](char c) { return c == ' '; }); }
bool comma_gap(std::string_view g) {
  return g.find(',') != std::string_view::npos || g.find("\xD8\x8C") != std::string_view::npos;  // ، too
}

constexpr std::string_view kAl = "\xD8\xA7\xD9\x84";           // ال
constexpr std::string_view kWaAl = "\xD9\x88\xD8\xA7\xD9\x84";  // وال
constexpr std::string_view kWaw = "\xD9\x88";                   // و

bool particle(const Token& t) {
  static const std::vector<std::string_view> words = {"de", "el", "ben", "bin", "al", "van", "der", "da", "di", "la", "le", "du"};
  return one_of(t.key, words);
}
// Capitalised words that end a name: "Mark Hogan Thursday said".
bool calendar_word(const Token& t) {
  static const std::vector<std::string_view> words = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
      "april", "may", "june", "july", "august", "september", "october", "november", "december", "lundi", "mardi",
      "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "janvier", "fevrier", "mars", "avril", "mai", "juin",
      "juillet", "aout", "septembre", "octobre", "novembre", "decembre"};
  return one_of(t.key, words);
}
bool honorific(const Token& t) {
  static const std::vector<std::string_view> words = {"m", "mr", "mrs", "ms", "mme", "dr", "sir"};
  return t.latin && one_of(t.key, words);
}

}  // namespace

std::vector<Representative> find_representatives(std::string_view nt, const std::vector<Token>& toks,
                                                  std::vector<PartyRef>& parties,
                                                  const std::vector<NamedSpan>& mentions) {
  std::vector<Representative> out;
  if (toks.empty()) return out;
  const TitleIndex& ix = title_index();
  // Per-token tables kept per thread: no allocation per text.
  thread_local std::vector<int> party_at;  // the party named at each token
  fit_scratch(party_at, toks.size());
  party_at.assign(toks.size(), -1);
  for (const auto& m : mentions)
    for (std::size_t k = m.first; k < m.last && k < toks.size(); ++k) party_at[k] = static_cast<int>(m.party);
  // The first mention starting at each token (looked up once per title: a table, not a walk
  // over every mention of a long text).
  thread_local std::vector<std::int32_t> first_mention_at;
  fit_scratch(first_mention_at, toks.size());
  first_mention_at.assign(toks.size(), -1);
  for (std::size_t i = 0; i < mentions.size(); ++i)
    if (mentions[i].first < toks.size() && first_mention_at[mentions[i].first] < 0)
      first_mention_at[mentions[i].first] = static_cast<std::int32_t>(i);
  auto mention_starting = [&](std::size_t k) -> const NamedSpan* {
    return k < toks.size() && first_mention_at[k] >= 0 ? &mentions[static_cast<std::size_t>(first_mention_at[k])] : nullptr;
  };
  std::optional<std::size_t> only_company, only_government, main_company;
  {
    std::vector<int> named(parties.size(), 0);
    for (const auto& m : mentions)
      if (m.party < parties.size() && parties[m.party].kind == PartyKind::company) ++named[m.party];
    int best = 0, second = 0;
    for (std::size_t p = 0; p < named.size(); ++p) {
      if (named[p] > best) second = best, best = named[p], main_company = p;
      else if (named[p] > second) second = named[p];
    }
    if (best == second) main_company.reset();
  }
  {
    int companies = 0, governments = 0;
    for (std::size_t p = 0; p < parties.size(); ++p) {
      if (parties[p].kind == PartyKind::company) ++companies, only_company = p;
      if (parties[p].kind == PartyKind::government) ++governments, only_government = p;
    }
    if (companies != 1) only_company.reset();
    if (governments != 1) only_government.reset();
  }

  // A Latin name: 2-4 capitalised words (particles inside), no punctuation, no party, no title.
  auto name_word = [&](std::size_t k) {
    const auto& t = toks[k];
    return t.latin && party_at[k] < 0 && !is_title_word(ix, t) && !t.all_caps && !calendar_word(t);
  };
  auto joined = [&](std::size_t a, std::size_t b) {  // only a space or a hyphen between them
    const auto g = gap(nt, toks[a], toks[b]);
    return plain_gap(g) || g == "-";
  };
  auto latin_name_from = [&](std::size_t k) -> std::size_t {  // end token, or k when none
    while (k < toks.size() && honorific(toks[k])) ++k;
    std::size_t e = k, words = 0;
    while (e < toks.size() && name_word(e) && (toks[e].capitalised || (words > 0 && particle(toks[e]))) &&
           (e == k || (toks[e].sentence == toks[k].sentence && joined(e - 1, e)))) {
      if (toks[e].capitalised) ++words;
      ++e;
    }
    while (e > k && !toks[e - 1].capitalised) --e;  // not ending on a particle
    return words >= 2 && words <= 4 ? e : k;
  };
  auto latin_name_before = [&](std::size_t end) -> std::size_t {  // start token, or end when none
    std::size_t b = end, words = 0;
    while (b > 0 && name_word(b - 1) && (toks[b - 1].capitalised || particle(toks[b - 1])) &&
           (b == end || joined(b - 1, b))) {
      if (toks[b - 1].capitalised) ++words;
      --b;
    }
    while (b < end && !toks[b].capitalised) ++b;
    return words >= 2 && words <= 4 ? b : end;
  };
  // An Arabic name: 2-3 words without punctuation, the first without the article, ending at
  // punctuation, the end of the sentence or an "and the..." word.
  auto arabic_name_from = [&](std::size_t k) -> std::size_t {
    if (k >= toks.size() || toks[k].latin || toks[k].digits || party_at[k] >= 0 || toks[k].key.starts_with(kAl)) return k;
    for (std::size_t e = k + 1; e <= k + 3 && e <= toks.size(); ++e) {
      const auto& last = toks[e - 1];
      if (last.latin || last.digits || party_at[e - 1] >= 0 || (e - 1 > k && !plain_gap(gap(nt, toks[e - 2], last))))
        return k;
      const bool boundary = e == toks.size() || toks[e].sentence != last.sentence ||
                            !plain_gap(gap(nt, last, toks[e])) || toks[e].key.starts_with(kWaAl);
      if (boundary) return e - k >= 2 ? e : k;
    }
    return k;
  };
  auto arabic_name_before = [&](std::size_t end) -> std::size_t {
    for (std::size_t words = 2; words <= 3 && words <= end; ++words) {
      const std::size_t b = end - words;
      bool ok = true;
      for (std::size_t k = b; k < end && ok; ++k)
        ok = !toks[k].latin && !toks[k].digits && party_at[k] < 0 && (k == b || plain_gap(gap(nt, toks[k - 1], toks[k])));
      if (!ok) return end;
      const bool starts_clause = b == 0 || toks[b - 1].sentence != toks[b].sentence || comma_gap(gap(nt, toks[b - 1], toks[b]));
      std::string_view first = toks[b].key;
      if (first.starts_with(kWaw) && first.size() >= 8) first.remove_prefix(kWaw.size());
      if ((starts_clause || first.size() != toks[b].key.size()) && !first.starts_with(kAl)) return b;
    }
    return end;
  };
  // "، وعلي صديقي، المدير العام": in a list, the conjunction is no part of the name.
  auto text_of = [&](std::size_t a, std::size_t b, bool listed = false) {
    std::string_view s = nt.substr(toks[a].begin, toks[b - 1].end - toks[a].begin);
    if (listed && !toks[a].latin && s.starts_with(kWaw) && toks[a].key.size() >= 8) s.remove_prefix(kWaw.size());
    return std::string(s);
  };

  thread_local std::vector<std::uint32_t> starts;  // tokens where a title may start (reused)
  const std::size_t candidates = marked_tokens(ix.first_words, toks, starts);
  for (std::size_t c = 0, from = 0; c < candidates; ++c) {
    const std::size_t i = starts[c];
    if (i < from) continue;  // inside the title before
    from = i + 1;
    auto hit = title_listed(ix, toks, i);
    if (!hit) continue;
    const auto [te, title] = *hit;
    // The body the title belongs to.
    std::optional<std::size_t> party;
    std::size_t after = te;  // where a name after the title may start
    for (std::size_t k = i; k < te && !party; ++k)
      if (party_at[k] >= 0) party = static_cast<std::size_t>(party_at[k]);  // "ministre de l'Industrie"
    if (party)
      while (after < toks.size() && party_at[after] == static_cast<int>(*party)) ++after;
    if (!party) {  // "PDG de Valdor", "director general of AMDIE", "المدير العام للوكالة..."
      static const std::vector<std::string_view> links = {"of", "the", "at", "for", "de", "du", "des", "d", "l", "la", "le", "chez", "au"};
      static const std::vector<std::string_view> bodies = {"group", "groupe", "company", "societe", "firm", "entreprise"};
      std::size_t k = te;
      bool body = false;  // "du groupe", "of the company"
      while (k < toks.size() && k < te + 4 && toks[k].sentence == toks[i].sentence) {
        const bool is_body = one_of(toks[k].key, bodies);
        if (!is_body && !one_of(toks[k].key, links)) break;
        body |= is_body;
        ++k;
      }
      if (const auto* m = k < toks.size() && toks[k].sentence == toks[i].sentence ? mention_starting(k) : nullptr) {
        party = m->party;
        after = m->last;
      } else if (body && only_company) {
        party = only_company;  // "le PDG du groupe": the article's one company
        after = k;
      }
    }
    // Where the party's name stands just before the title ("Pamm Lent, ESD spokesperson"): a name
    // before that, a comma between, is the person's.
    std::optional<std::size_t> named_before;
    if (!party && i > 0 && party_at[i - 1] >= 0 && plain_gap(gap(nt, toks[i - 1], toks[i]))) {
      party = static_cast<std::size_t>(party_at[i - 1]);  // "Valdor CEO", "AMDIE director general"
      std::size_t b = i - 1;
      while (b > 0 && party_at[b - 1] == party_at[i - 1]) --b;
      named_before = b;
    }
    // "Arvind's executive directors Kulin Lalbhai and...", "Valdor's CEO Marc Dubreuil".
    if (!party && i > 1 && toks[i - 1].key == "s" && party_at[i - 2] >= 0 && gap(nt, toks[i - 2], toks[i - 1]) == "'" &&
        plain_gap(gap(nt, toks[i - 1], toks[i])))
      party = static_cast<std::size_t>(party_at[i - 2]);
    if (!party && title->government) party = only_government;  // "Governor Ann Reyes"
    if (!party && main_company) {  // "Chief Executive Lena Holm told reporters": the article's main company
      static const std::vector<std::string_view> corporate = {"CEO", "chief executive", "chairman", "chairwoman",
                                                              "chairman and CEO", "managing director", "general manager",
                                                              "executive director", "founder", "president and founder"};
      if (one_of(title->title, corporate)) party = main_company;
    }
    // "Wisconsin Governor Scott Walker", "Gujarat chief minister Vijay Rupani": the government of
    // the state named before the title (added when the article did not name it otherwise).
    if (!party && title->government && i > 0) {
      for (std::size_t words = std::min<std::size_t>(3, i); words > 0 && !party; --words) {
        const std::size_t a = i - words;
        bool capitalised = true;
        for (std::size_t k = a; k < i && capitalised; ++k)
          capitalised = toks[k].latin && toks[k].capitalised && toks[k].sentence == toks[i].sentence && party_at[k] < 0;
        if (!capitalised) continue;
        const auto place = nt.substr(toks[a].begin, toks[i - 1].end - toks[a].begin);
        const geo::Region* state = nullptr;
        for (const auto* r : builtin_places(place))
          if (r->type != "Country" && builtin_first_level(r->code) == r) state = r;
        if (!state) continue;
        const std::string name = state_government_name(state->country, place);
        for (std::size_t p = 0; p < parties.size() && !party; ++p)
          if (parties[p].name == name) party = p;
        if (!party) {
          PartyRef g;
          g.name = name;
          g.kind = PartyKind::government;
          g.country = state->country;
          g.role = Role::government;
          parties.push_back(std::move(g));
          party = parties.size() - 1;
        }
      }
    }
    if (!party) continue;

    std::string name;
    // A name after the title, unless a comma stands between and the name is followed by a title
    // of its own ("Ryad Mezzour, ministre de l'Industrie, Karim Zidane, ministre délégué...").
    auto name_from = [&](std::size_t from) {
      if (from >= toks.size() || toks[from].sentence != toks[i].sentence) return;
      const bool listed = from > 0 && comma_gap(gap(nt, toks[from - 1], toks[from]));
      std::size_t e = from;
      if (toks[from].latin) e = latin_name_from(from);
      else e = arabic_name_from(from);
      if (e == from) return;
      if (listed && e < toks.size() && toks[e].sentence == toks[i].sentence && comma_gap(gap(nt, toks[e - 1], toks[e]))) {
        std::size_t n = e;
        static const std::vector<std::string_view> articles = {"the", "le", "la", "l"};
        if (one_of(toks[n].key, articles)) ++n;
        if (n < toks.size() && title_at(ix, toks, n)) return;
      }
      name = text_of(from, e, listed);
    };
    // "Ali Seddiki, director general of AMDIE", "، وعلي صديقي، المدير العام للوكالة...": a name
    // before the title, a comma between. Before the party's name instead ("Pamm Lent, ESD
    // spokesperson"), it is taken only when no name follows the title ("..., Valdor CEO Marc
    // Dubreuil": his).
    std::string name_before;
    if (const std::size_t at = named_before.value_or(i); at > 0 && toks[at - 1].sentence == toks[i].sentence) {
      std::size_t end = at;
      static const std::vector<std::string_view> articles = {"the", "le", "la", "l", "its", "son", "sa"};
      if (one_of(toks[end - 1].key, articles)) --end;
      if (end > 0 && comma_gap(gap(nt, toks[end - 1], toks[end]))) {
        if (toks[end - 1].latin) {
          if (auto b = latin_name_before(end); b < end) name_before = text_of(b, end);
        } else if (auto b = arabic_name_before(end); b < end) {
          name_before = text_of(b, end, true);
        }
      }
    }
    if (!named_before) name.swap(name_before);  // it comes first
    std::size_t k = after;
    // "وزير الصناعة والتجارة رياض مزور", "...المكلفة بالانتقال الرقمي وإصلاح الإدارة أمل ...": an
    // Arabic portfolio is definite nouns (and constructs before one); the name is not.
    if (k < toks.size() && !toks[k].latin && parties[*party].kind == PartyKind::ministry) {
      auto definite = [&](const Token& t) {
        for (auto p : {kAl, kWaAl, std::string_view("\xD8\xA8\xD8\xA7\xD9\x84"), std::string_view("\xD9\x84\xD9\x84"),
                       std::string_view("\xD9\x81\xD8\xA7\xD9\x84")})  // بال لل فال
          if (t.key.starts_with(p)) return true;
        return false;
      };
      while (k < toks.size() && !toks[k].latin && toks[k].sentence == toks[i].sentence &&
             plain_gap(gap(nt, toks[k - 1], toks[k])) &&
             (definite(toks[k]) || (toks[k].key.starts_with(kWaw) && k + 1 < toks.size() && definite(toks[k + 1]) &&
                                    plain_gap(gap(nt, toks[k], toks[k + 1])))))
        ++k;
    }
    if (name.empty()) name_from(k);
    // "le ministre de l'Industrie, Ryad Mezzour": the rest of the portfolio, then the name.
    if (name.empty() && k < toks.size() && toks[k].latin) {
      std::size_t c = k;
      while (c < toks.size() && c < k + 8 && toks[c].clause == toks[k].clause && party_at[c] < 0) ++c;
      if (c < toks.size() && c > k && toks[c].clause != toks[k].clause && comma_gap(gap(nt, toks[c - 1], toks[c])))
        name_from(c);
    }
    if (name.empty()) name.swap(name_before);  // (empty unless before the party's name)
    if (name.empty()) continue;
    bool known = false;
    for (const auto& r : out) known |= r.party == *party;
    if (!known) out.push_back({*party, std::move(name), std::string(title->title)});
    from = te;
  }
  return out;
}

}  // namespace pledgedb::extract::detail

// Parties: known aliases, company names (group cues, legal forms, Latin names in Arabic text,
// subjects of pledge verbs), agencies by acronym, ministries by portfolio, governments.
#include <algorithm>
#include <array>
#include <initializer_list>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "extract/flat_table.hpp"
#include "extract/party_phrases.hpp"
#include "extract/naming.hpp"
#include "extract/place_cache.hpp"
#include "pledgedb/extract/extractor.hpp"
#include "pledgedb/geo/gazetteer.hpp"

namespace pledgedb::extract::detail {

struct PartyMention {
  std::uint32_t first = 0, last = 0;
  std::size_t party = 0;
};
struct PartyFinding {
  std::vector<PartyRef> parties;
  std::vector<std::vector<std::string>> aliases;
  std::vector<PartyMention> mentions;
};

std::string fold_words(std::string_view s);  // lexicon.cpp

namespace {

// The folded keys of the words of s joined by one space (as tokenize() would fold them).
std::string key_of(std::string_view s) { return fold_words(s); }

struct Builder {
  PartyFinding f;
  // Kept per thread and emptied for each text: a text names a few parties, and a table of its
  // own cost an allocation per growth step.
  FlatMap<std::size_t>& by_key = []() -> FlatMap<std::size_t>& {
    thread_local FlatMap<std::size_t> m;
    if (m.size() > 256) m = {};  // after a long round-up: not 4K+ slots to empty for every text
    else m.clear();
    return m;
  }();
  // Keys::first_word when it is no token.
  static constexpr std::uint32_t kNotText = 0xFFFFFFFFu, kOneWord = 0xFFFFFFFEu;
  struct Keys {
    std::string key;                      // key_of(name), computed once
    std::vector<std::string> alias_keys;  // key_of of each of f.aliases
    // The token that is the first of the 2+ words of the name, when the name is text of the
    // tokens from there (kOneWord: a name of one word, kNotText: a name not read from the text).
    std::uint32_t first_word = kNotText;
  };
  std::vector<Keys> keys;  // per party
  // Companies by the words of their keys, and by their keys' first words: the candidates for
  // "Rongtai Steel" / "Rongtai Steel Limited" are found without comparing every company named
  // before (a round-up of thousands of companies stays linear). Entries may be stale (a key
  // grown longer); each candidate is checked against its key.
  FlatMap<std::vector<std::uint32_t>> companies_with_word, companies_starting_with;
  static constexpr std::size_t kIndexFrom = 64;  // parties before the word index pays for itself
  bool indexed_ = false;

  static void for_each_word(std::string_view key, auto&& fn) {
    for (std::size_t a = 0; a < key.size();) {
      std::size_t b = key.find(' ', a);
      if (b == std::string_view::npos) b = key.size();
      if (b > a) fn(key.substr(a, b - a));
      a = b + 1;
    }
  }
  void index_company(std::size_t i, std::string_view key) {
    const auto at = static_cast<std::uint32_t>(i);
    for_each_word(key, [&](std::string_view w) { companies_with_word[w].push_back(at); });
    for_each_word(key, [&, first = true](std::string_view w) mutable {
      if (first) companies_starting_with[w].push_back(at);
      first = false;
    });
  }
  // Companies whose key may contain k or be contained in k (a superset, in index order).
  std::vector<std::uint32_t> company_candidates(std::string_view k) const {
    std::vector<std::uint32_t> out;
    const std::vector<std::uint32_t>* rarest = nullptr;  // containing k: has every word of k
    bool every_word_known = true;
    for_each_word(k, [&](std::string_view w) {
      const auto* list = companies_with_word.find(w);
      if (!list) every_word_known = false;
      else if (!rarest || list->size() < rarest->size()) rarest = list;
      // contained in k: its first word is a word of k
      if (const auto* starting = companies_starting_with.find(w)) out.insert(out.end(), starting->begin(), starting->end());
    });
    if (every_word_known && rarest) out.insert(out.end(), rarest->begin(), rarest->end());
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

  Builder() {
    // Most texts name a few parties: one allocation per list instead of regrowing each.
    constexpr std::size_t kTypical = 8;
    f.parties.reserve(kTypical);
    f.aliases.reserve(kTypical);
    keys.reserve(kTypical);
  }

  // k is key_of(name), known already (a name read from the tokens: their keys joined; a fixed
  // name's key folded once).
  std::size_t add(const std::string& name, PartyKind kind, const std::string& country, const std::string& k,
                  std::uint32_t first = kNotText) {
    if (const auto* found = by_key.find(k)) return *found;
    // "Rongtai Steel" and "Rongtai Steel Limited" are one company; keep the longer name.
    if (kind == PartyKind::company) {
      auto contains = [](const std::string& a, const std::string& b) {
        auto p = a.find(b);
        return p != std::string::npos && (p == 0 || a[p - 1] == ' ') && (p + b.size() == a.size() || a[p + b.size()] == ' ');
      };
      // The first company (in order) whose key contains k or is contained in k.
      auto merges_with = [&](std::size_t i) {
        return f.parties[i].kind == PartyKind::company && (contains(keys[i].key, k) || contains(k, keys[i].key));
      };
      std::optional<std::size_t> same;
      if (indexed_) {  // past kIndexFrom parties: only the companies sharing a word with k
        for (const std::uint32_t i : company_candidates(k))
          if (merges_with(i)) { same = i; break; }
      } else {
        for (std::size_t i = 0; i < f.parties.size() && !same; ++i)
          if (merges_with(i)) same = i;
      }
      if (same) {
        const std::size_t i = *same;
        if (k.size() > keys[i].key.size()) {
          f.aliases[i].push_back(f.parties[i].name);
          keys[i].alias_keys.push_back(keys[i].key);
          f.parties[i].name = name;
          keys[i].key = k;
          keys[i].first_word = first;
          if (indexed_) index_company(i, k);
        } else {
          f.aliases[i].push_back(name);
          keys[i].alias_keys.push_back(k);
        }
        by_key[k] = i;
        return i;
      }
    }
    PartyRef& r = f.parties.emplace_back();
    r.name = name;
    r.kind = kind;
    r.country = country;
    f.aliases.emplace_back(1, name);
    Keys& ks = keys.emplace_back();  // (a braced {k, {k}, first} copied k three times)
    ks.key = k;
    ks.alias_keys.emplace_back(k);
    ks.first_word = first;
    by_key[k] = f.parties.size() - 1;
    if (indexed_) {
      if (kind == PartyKind::company) index_company(f.parties.size() - 1, k);
    } else if (f.parties.size() >= kIndexFrom) {
      indexed_ = true;
      for (std::size_t i = 0; i < f.parties.size(); ++i)
        if (f.parties[i].kind == PartyKind::company) index_company(i, keys[i].key);
    }
    return f.parties.size() - 1;
  }
  void add_alias(std::size_t p, std::string alias, std::string key) {
    f.aliases[p].push_back(std::move(alias));
    keys[p].alias_keys.push_back(std::move(key));
  }
};

// Words of one name are separated by a space, a hyphen or "&", not by a spaced dash ("AGADIR - Souss").
bool space_between(std::string_view s, std::size_t a, std::size_t b) {
  bool dash = false, space = false;
  for (std::size_t i = a; i < b; ++i) {
    if (s[i] != ' ' && s[i] != '-' && s[i] != '&' && s[i] != '\'') return false;
    dash |= s[i] == '-';
    space |= s[i] == ' ';
  }
  return b - a <= 3 && !(dash && space);
}

// "of", "de", "du", "des", "del", "for": words inside one name ("Bank of Africa").
bool connector(const Token& w) {
  const std::string_view k = w.key;
  return same(k, "of") || same(k, "de") || same(k, "du") || same(k, "des") || same(k, "del") || same(k, "for");
}

const WordSet& stop_capitals() {
  static const WordSet s = {
      "the", "a", "an", "le", "la", "les", "l", "un", "une", "des", "du", "de", "in", "on", "at", "by", "this",
      "that", "these", "it", "its", "il", "elle", "ils", "ce", "cette", "mr", "mrs", "ms", "m", "mme", "dr", "el",
      "los", "las", "en", "et", "and", "but", "for", "with", "after", "before", "as", "under", "while", "when",
      "selon", "according", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "lundi",
      "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "january", "february", "march", "april",
      "may", "june", "july", "august", "september", "october", "november", "december", "janvier", "fevrier",
      "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre", "dec",
      "jan", "feb", "ministry", "minister", "ministre", "ministere", "government", "gouvernement", "state",
      "kingdom", "royaume", "king", "roi", "his", "majesty", "sa", "majeste", "president", "ceo", "pdg", "chairman",
      "governor", "moroccan", "french", "chinese", "indian", "kenyan", "american", "mou", "usd", "mad", "eur",
      "gdp", "pib", "rs", "ksh", "sh", "dh", "dhs", "mdh", "mds", "ia", "ai", "it", "we", "our", "they", "their",
      "officials", "official", "he", "she", "him", "her", "il", "elle", "trump", "meanwhile", "also", "however", "cependant", "par", "pour", "sur", "avec", "dans",
      "since", "from", "to", "of", "over", "about", "more", "plus", "all", "new", "nouveau", "nouvelle", "prime",
      "secretary", "director", "directeur", "wali", "no", "vision", "plan",
      "program", "programme", "forum", "business", "special", "economic", "zone", "his", "her", "tax", "center",
      "centre", "data", "we", "i", "you", "je", "nous", "on", "si", "su", "sus", "del", "al", "por", "para", "con",
      // sentence openers that are no part of a name: "Then Marwa Foods will...", "Heading the list is..."
      "then", "finally", "additionally", "separately", "elsewhere", "besides", "moreover", "furthermore", "lastly",
      "leading", "heading", "ensuite", "enfin", "puis", "egalement", "aussi", "outre"};
  return s;
}

const FlatSet& known_agencies() {
  static const FlatSet s = {
      "amdie", "cri", "anapec", "amdl", "masen", "onee", "ofppt", "tmsa", "gidc", "wedc", "esd", "keninvest",
      "amica", "apebi", "cgem", "cdg", "ada", "add", "anrt", "ammc", "afd", "bei", "ifc", "bad", "mcc", "epz",
      "epza", "sipcot", "midc", "invest", "investinda", "asmex", "maroc pme"};
  return s;
}

struct NamedAgency {
  std::string_view phrase;
  std::string_view name;
};
// Long names of agencies, in the three languages, to one acronym.
constexpr NamedAgency kAgencies[] = {
    {"Agence marocaine de développement des investissements et des exportations", "AMDIE"},
    {"Moroccan Investment and Export Development Agency", "AMDIE"},
    {"Moroccan Agency for Investment and Export Development", "AMDIE"},
    {"الوكالة المغربية لتنمية الاستثمارات والصادرات", "AMDIE"},
    {"Centre régional d'investissement", "CRI"}, {"Regional Investment Centre", "CRI"},
    {"Regional Investment Center", "CRI"}, {"المركز الجهوي للاستثمار", "CRI"},
    {"Empire State Development", "Empire State Development"},
    {"Commission nationale des investissements", "National Investment Commission"},
    {"National Investment Commission", "National Investment Commission"},
    {"اللجنة الوطنية للاستثمارات", "National Investment Commission"},
    {"اللجنة الوطنية للاستثمار", "National Investment Commission"},
    {"Wisconsin Economic Development Corporation", "Wisconsin Economic Development Corporation"},
};

struct Brand {
  std::string_view phrase;
  std::string_view name;
};
// Company names commonly written in Arabic script.
constexpr Brand kBrands[] = {
    {"رونو", "Renault"}, {"رينو", "Renault"}, {"رونو نيسان", "Renault Nissan"}, {"ستيلانتيس", "Stellantis"},
    {"تسلا", "Tesla"}, {"بوينغ", "Boeing"}, {"سافران", "Safran"}, {"هواوي", "Huawei"}, {"فوكسكون", "Foxconn"},
    {"المكتب الشريف للفوسفاط", "OCP"}, {"بيجو", "PSA"}, {"إيرباص", "Airbus"}, {"لير", "Lear"}, {"يازاكي", "Yazaki"},
};

struct Portfolio {
  std::string_view word;
  std::string_view name;
};
constexpr Portfolio kPortfolios[] = {
    {"numérique", "Digital Transition and Administrative Reform"},
    {"digitale", "Digital Transition and Administrative Reform"},
    {"digital", "Digital Transition and Administrative Reform"},
    {"رقمي", "Digital Transition and Administrative Reform"},
    {"طاقي", "Energy Transition"}, {"energetique", "Energy Transition"},
    {"industrie", "Industry and Trade"}, {"industry", "Industry and Trade"}, {"صناعة", "Industry and Trade"},
    {"investissement", "Investment"}, {"investment", "Investment"}, {"استثمار", "Investment"},
    {"économie", "Economy and Finance"}, {"economy", "Economy and Finance"}, {"finances", "Economy and Finance"},
    {"finance", "Economy and Finance"}, {"اقتصاد", "Economy and Finance"}, {"مالية", "Economy and Finance"},
    {"agriculture", "Agriculture"}, {"فلاحة", "Agriculture"}, {"énergétique", "Energy Transition"},
    {"energy", "Energy Transition"}, {"طاقة", "Energy Transition"}, {"tourisme", "Tourism"}, {"tourism", "Tourism"},
    {"سياحة", "Tourism"}, {"emploi", "Employment"}, {"employment", "Employment"}, {"labour", "Employment"},
    {"شغل", "Employment"}, {"équipement", "Equipment and Water"}, {"تجهيز", "Equipment and Water"},
    {"intérieur", "Interior"}, {"داخلية", "Interior"}, {"santé", "Health"}, {"صحة", "Health"},
    {"éducation", "Education"}, {"تعليم", "Education"}, {"economía", "Economy"}, {"commerce", "Industry and Trade"},
};

struct Nationality {
  std::string_view word;
  std::string_view country;
  std::string_view government;
};
constexpr Nationality kNationalities[] = {
    {"marocain", "MA", "Moroccan government"}, {"marocaine", "MA", "Moroccan government"},
    {"moroccan", "MA", "Moroccan government"}, {"المغربية", "MA", "Moroccan government"},
    {"français", "FR", "French government"}, {"française", "FR", "French government"},
    {"french", "FR", "French government"}, {"الفرنسية", "FR", "French government"}, {"الفرنسي", "FR", ""},
    {"chinese", "CN", "Chinese government"}, {"chinois", "CN", "Chinese government"}, {"الصينية", "CN", ""},
    {"kenyan", "KE", "Government of Kenya"}, {"indian", "IN", "Government of India"},
    {"american", "US", "US government"}, {"us", "US", "US government"}, {"spanish", "ES", ""},
    {"espagnol", "ES", ""}, {"german", "DE", ""}, {"allemand", "DE", ""}, {"japanese", "JP", ""},
    {"japonais", "JP", ""}, {"emirati", "AE", ""}, {"saudi", "SA", ""}, {"britannique", "GB", ""},
    {"british", "GB", ""}, {"italian", "IT", ""}, {"italien", "IT", ""}, {"mexicano", "MX", ""},
    {"mexican", "MX", ""}, {"mexicain", "MX", ""}, {"swedish", "SE", ""}, {"suédois", "SE", ""},
    {"turkish", "TR", ""}, {"turc", "TR", ""}, {"korean", "KR", ""}, {"coréen", "KR", ""},
    {"canadian", "CA", ""}, {"canadien", "CA", ""}, {"brazilian", "BR", ""}, {"brésilien", "BR", ""},
    {"egyptian", "EG", ""}, {"égyptien", "EG", ""}, {"nigerian", "NG", ""}, {"dutch", "NL", ""},
    {"néerlandais", "NL", ""}, {"belgian", "BE", ""}, {"belge", "BE", ""}, {"swiss", "CH", ""},
    {"suisse", "CH", ""}, {"polish", "PL", ""}, {"polonais", "PL", ""}, {"tunisian", "TN", ""},
    {"tunisien", "TN", ""}, {"algerian", "DZ", ""}, {"algérien", "DZ", ""}, {"qatari", "QA", ""},
    {"portuguese", "PT", ""}, {"portugais", "PT", ""}, {"russian", "RU", ""}, {"russe", "RU", ""},
    {"australian", "AU", ""}, {"australien", "AU", ""}, {"vietnamese", "VN", ""}, {"austrian", "AT", ""},
    {"danish", "DK", ""}, {"danois", "DK", ""}, {"norwegian", "NO", ""}, {"finnish", "FI", ""},
    {"taiwanese", "TW", ""}, {"taïwanais", "TW", ""}, {"singaporean", "SG", ""}, {"irish", "IE", ""},
};

// key_of of the names the extractor writes itself (ministries, governments, built-in brands and
// agencies), folded once instead of at every mention.
const FlatMap<std::string>& fixed_name_keys() {
  static const FlatMap<std::string> keys = [] {
    FlatMap<std::string> m;
    auto put = [&m](const std::string& name) { m.emplace(name, key_of(name)); };
    for (const auto& p : kPortfolios) {
      const std::string portfolio(p.name);
      put("Ministry of " + portfolio);
      put("Ministry Delegate for " + portfolio);
      put("Secretaría de " + portfolio);
    }
    put("Secretaría de Economía");
    for (const auto& n : kNationalities)
      if (!n.government.empty()) put(std::string(n.government));
    put("Government");
    for (const auto& br : kBrands) put(std::string(br.name));
    for (const auto& ag : kAgencies) put(std::string(ag.name));
    return m;
  }();
  return keys;
}

template <class T, std::size_t N>
FlatMap<const T*> folded_map(const T (&arr)[N]) {
  FlatMap<const T*> m;
  for (const auto& e : arr) m.emplace(key_of(e.word), &e);
  return m;
}

// Phrase table: folded token sequences -> value, matched at every token through the first word.
template <class V>
struct PhraseTableOf {
  FlatMap<std::vector<std::pair<std::vector<std::string>, V>>> by_first;
  WordMarks starts;

  void add(std::string_view phrase, V value) { add_key(key_of(phrase), std::move(value)); }
  // The same with the phrase's key_of already known.
  void add_key(std::string_view key, V value) {
    std::vector<std::string> words = split_words(key);
    if (words.empty()) return;
    starts.set(sv_hash(words.front()));
    by_first[words.front()].emplace_back(std::move(words), std::move(value));
  }
  // Longest phrase at token i; returns its length (0 if none).
  std::size_t match(const std::vector<Token>& t, std::size_t i, V* value) const {
    // Most tokens start no phrase: their marks say so before any table look-up.
    return starts.may_start(t[i]) ? match_listed(t, i, value) : 0;
  }
  std::size_t match_listed(const std::vector<Token>& t, std::size_t i, V* value) const {
    std::size_t best = 0;
    if (by_first.empty()) return 0;
    for (const auto* k : {&t[i].key, &t[i].stem}) {
      // A stem equal to the key (a suffix of it as long as it) would find the same phrases again.
      if (k == &t[i].stem && t[i].stem.size() == t[i].key.size()) break;
      const Prehashed h = k == &t[i].key ? t[i].hashed_key() : t[i].hashed_stem();
      if (!starts.test(h.hash)) continue;
      const auto* list = by_first.find(h);
      if (!list) continue;
      for (const auto& [words, v] : *list) {
        if (words.size() <= best || i + words.size() > t.size()) continue;
        bool ok = true;
        for (std::size_t j = 1; j < words.size() && ok; ++j)
          ok = t[i + j].key == words[j] || t[i + j].stem == words[j];
        if (ok) {
          best = words.size();
          *value = v;
        }
      }
      if (k == &t[i].stem && t[i].stem == t[i].key) break;
    }
    return best;
  }
};
using PhraseTable = PhraseTableOf<std::string>;

// Every phrase of the table in the tokens, left to right, the longest at a token and the next
// after its end, appended to found.
void mentions_of(const TextPhrases& phrases, const std::vector<Token>& t, std::vector<PartyMention>& found) {
  if (phrases.empty()) return;
  thread_local std::vector<std::uint32_t> starts;  // where a phrase may start (reused)
  const std::size_t candidates = marked_tokens(phrases.starts(), t, starts);
  for (std::size_t c = 0, from = 0; c < candidates; ++c) {
    const std::size_t i = starts[c];
    if (i < from) continue;  // inside the phrase before
    from = i + 1;
    std::size_t v = 0;
    if (auto len = phrases.match(t, i, &v)) {
      found.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i + len), v});
      from = i + len;
    }
  }
}

}  // namespace

}  // namespace pledgedb::extract::detail

namespace pledgedb::extract {

class KnownPartyIndex {
 public:
  detail::PhraseTable names;
  std::unordered_map<std::string, std::pair<PartyKind, std::string>> kinds;  // name -> kind, country
  detail::FlatMap<std::string> keys;  // name -> key_of(name)
};

std::shared_ptr<const KnownPartyIndex> index_known_parties(const std::vector<KnownParty>& known) {
  auto index = std::make_shared<KnownPartyIndex>();
  for (const auto& k : known) {
    index->names.add(k.name, k.name);
    for (const auto& al : k.aliases) index->names.add(al, k.name);
    index->kinds[k.name] = {k.kind, k.country};
    index->keys.emplace(k.name, detail::fold_words(k.name));
  }
  return index;
}

}  // namespace pledgedb::extract

namespace pledgedb::extract::detail {

PartyFinding find_parties(std::string_view nt, const std::vector<Token>& t, const std::vector<CueHit>& cues,
                          const KnownPartyIndex* known, std::string_view lang) {
  Builder b;
  const bool arabic_text = lang == "ar";
  // key_of of the text of tokens [a, e): their keys joined as fold_words joins the words it folds.
  auto key_of_tokens = [&t](std::size_t a, std::size_t e) {
    std::string k;
    for (std::size_t x = a; x < e; ++x) {
      if (!k.empty()) k += ' ';
      k += t[x].key;
    }
    return k;
  };
  static_assert(static_cast<std::size_t>(Cue::count_) <= 32, "a bit per cue family");
  // Builder::Keys::first_word of a name that is the text of tokens [a, e).
  auto first_of = [](std::size_t a, std::size_t e) {
    return e - a >= 2 ? static_cast<std::uint32_t>(a) : Builder::kOneWord;
  };
  thread_local std::vector<std::uint32_t> cues_at;  // bit c: a cue of family c starts at the token
  fit_scratch(cues_at, t.size());                    // (kept per thread: no allocation per text)
  cues_at.assign(t.size(), 0);
  auto has = [&](std::size_t i, Cue c) { return i < cues_at.size() && (cues_at[i] >> static_cast<unsigned>(c) & 1); };
  for (const auto& h : cues) cues_at[h.first] |= std::uint32_t(1) << static_cast<unsigned>(h.cue);

  // Known parties (per call) and built-in spellings (built once).
  using Kinds = std::unordered_map<std::string, std::pair<PartyKind, std::string>>;
  static const std::pair<PhraseTable, Kinds> builtin = [] {
    std::pair<PhraseTable, Kinds> b;
    for (const auto& br : kBrands) {
      b.first.add(br.phrase, std::string(br.name));
      b.second.emplace(std::string(br.name), std::make_pair(PartyKind::company, std::string()));
    }
    for (const auto& ag : kAgencies) {
      b.first.add(ag.phrase, std::string(ag.name));
      b.second.emplace(std::string(ag.name), std::make_pair(PartyKind::agency, std::string("MA")));
    }
    return b;
  }();
  // key_of(name) of a party's name the extractor writes (a known party's or a fixed one).
  std::string folded;  // key_of of any other name
  auto key_of_name = [&](const std::string& name) -> const std::string& {
    if (known != nullptr)
      if (const auto* k = known->keys.find(name)) return *k;
    if (const auto* k = fixed_name_keys().find(name)) return *k;
    return folded = key_of(name);
  };
  auto names_match = [&](std::size_t i, std::string* v) {
    std::size_t len = known == nullptr || known->names.by_first.empty() ? 0 : known->names.match(t, i, v);
    if (len == 0) len = builtin.first.match(t, i, v);
    return len;
  };
  auto kind_of = [&](const std::string& v) {
    if (known != nullptr)
      if (auto it = known->kinds.find(v); it != known->kinds.end()) return it->second;
    if (auto it = builtin.second.find(v); it != builtin.second.end()) return it->second;
    return std::make_pair(PartyKind::other, std::string());
  };
  thread_local TokenScan scan;
  scan.run(t, builtin.first.starts, known != nullptr ? &known->names.starts : nullptr);
  std::string v;
  for (std::size_t c = 0, from = 0; c < scan.names; ++c) {
    const std::size_t i = scan.name_at[c];
    if (i < from) continue;  // inside the name found before
    from = i + 1;
    if (auto len = names_match(i, &v)) {
      auto [kind, country] = kind_of(v);
      auto p = b.add(v, kind, country, key_of_name(v));
      b.add_alias(p, std::string(nt.substr(t[i].begin, t[i + len - 1].end - t[i].begin)), key_of_tokens(i, i + len));
      b.f.mentions.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i + len), p});
      from = i + len;
    }
  }

  static const auto nationalities = folded_map(kNationalities);
  static const auto portfolios = folded_map(kPortfolios);
  const auto& stops = stop_capitals();

  // Names seen after a title ("les ministres A, Ryad Mezzour et B"): persons also where they
  // later stand bare as a subject ("Ryad Mezzour a salué...").
  // Kept per thread and emptied per text (a node and a bucket array per text before).
  thread_local FlatMap<char> persons;
  if (persons.size() > 256) persons = {};  // not a long list's slots to empty for every text
  else persons.clear();
  static const WordSet titles = {
      "m", "mr", "mrs", "ms", "mme", "ceo", "pdg", "president", "minister", "ministre", "ministres", "directeur",
      "director", "founder", "fondateur", "chairman", "secretary", "wali", "governor", "gouverneur", "ministry",
      "ministere", "chief", "executive", "spokesperson", "porte", "dg", "vice", "commissioner", "ministers"};
  // Whether one of the `back` tokens before token a is a title or starts a ministry. Asked with a
  // growing a (the runs come in text order), it looks at each token once.
  std::size_t looked_to = 0;          // the tokens before it have been looked at
  std::size_t last_title = t.size();  // the last of them that is a title (t.size(): none)
  auto title_before = [&](std::size_t a, std::size_t back) {
    for (std::size_t k = std::max(looked_to, a - std::min(a, back)); k < a; ++k)
      if (titles.contains(t[k].hashed_key()) || has(k, Cue::ministry)) last_title = k;
    looked_to = std::max(looked_to, a);
    return last_title < a && last_title + back >= a;
  };
  // Capitalised Latin runs.
  for (std::size_t c = 0, i = 0; c < scan.capitals; ++c) {
    if (scan.capital_at[c] < i) continue;  // inside the run before
    i = scan.capital_at[c];
    std::size_t j = i + 1;
    // A run stops at "and"/"et"/"y" (two names) and at titles, days and months.
    while (j < t.size() && t[j].latin && (((t[j].capitalised || t[j].all_caps) && !stops.contains(t[j].hashed_key())) || connector(t[j])) &&
           t[j].clause == t[i].clause && space_between(nt, t[j - 1].end, t[j].begin))
      ++j;
    std::size_t a = i, e = j;
    while (e > a && connector(t[e - 1])) --e;
    while (a < e && stops.contains(t[a].hashed_key())) ++a;
    const std::size_t next = j;
    i = j;
    if (a >= e) continue;
    // "Atlas Câbles de Kénitra": a connector followed by a place ends the name.
    for (std::size_t k = a + 1; k + 1 < e; ++k)
      if (connector(t[k]) && !builtin_places(nt.substr(t[k + 1].begin, t[e - 1].end - t[k + 1].begin)).empty()) {
        e = k;
        break;
      }
    // "(GIDC)" after a long name: one party with its acronym.
    std::string acronym;
    if (next < t.size() && t[next].all_caps && t[next].begin > t[e - 1].end &&
        nt.substr(t[e - 1].end, t[next].begin - t[e - 1].end).find('(') != std::string_view::npos)
      acronym = std::string(nt.substr(t[next].begin, t[next].end - t[next].begin));
    // The name and its key are built once the run is known to be no place, nationality or title.
    const std::string_view text = nt.substr(t[a].begin, t[e - 1].end - t[a].begin);
    if (text.size() < 2) continue;
    if (e - a == 1 && stops.contains(t[a].hashed_key())) continue;
    // Agencies by acronym.
    if (e - a == 1 && t[a].all_caps) {
      if (known_agencies().contains(t[a].hashed_key())) {
        auto p = b.add(std::string(text), PartyKind::agency, "", key_of_tokens(a, e), Builder::kOneWord);
        b.f.mentions.push_back({static_cast<std::uint32_t>(a), static_cast<std::uint32_t>(e), p});
      }
      continue;
    }
    if (!builtin_places(text).empty()) continue;  // a place
    if (e - a == 1 && nationalities.find(t[a].hashed_key())) continue;  // "the central Mexican state
    bool legal = e - a >= 2 && (has(e - 1, Cue::legal_suffix) || has(a, Cue::group_cue));  // "Grupo Modelo"
    // "Apple Chief Executive Tim Cook", "Assembly Minority Leader Gordon Hintz": a title inside
    // the run, followed by a name, makes it a person (with the body's name before the title).
    {
      static const WordSet inner_titles = {"chief", "executive", "leader", "president", "minister", "governor",
                                         "director", "chairman", "chairwoman", "secretary", "spokesperson",
                                         "spokesman", "spokeswoman", "ministre", "directeur", "gouverneur",
                                         "ceo", "pdg", "founder", "fondateur"};
      bool titled = false;
      for (std::size_t k = a; k + 1 < e && !titled; ++k) titled = inner_titles.contains(t[k].hashed_key());
      if (titled && !(e - a >= 2 && has(e - 1, Cue::legal_suffix))) continue;
    }
    bool group_before = false;
    std::string country;
    for (std::size_t k = a, steps = 0; k > 0 && steps < 4; --k, ++steps) {
      const auto& w = t[k - 1];
      // "Valdor Group CEO Marc Dubreuil": the group cue before a title is the employer's.
      if (w.clause != t[a].clause || titles.contains(w.hashed_key())) break;
      if (const auto* nat = nationalities.find(w.hashed_key())) country = std::string((*nat)->country);
      if (has(k - 1, Cue::group_cue)) { group_before = true; break; }
      if (w.capitalised && !stops.contains(w.hashed_key())) break;
    }
    bool subject = false;
    if (next < t.size() && t[next].clause == t[e - 1].clause) {
      const auto& w = t[next].key;
      subject = has(next, Cue::pledge) || has(next, Cue::invest) || has(next, Cue::hire_verb) || same(w, "signed") ||
                same(w, "announced") || same(w, "pledged") || same(w, "plans") || same(w, "va") || same(w, "prevoit") ||
                same(w, "s") || same(w, "reported") || same(w, "reports") || same(w, "submitted") ||
                same(nt.substr(t[next].begin, t[next].end - t[next].begin), "a") || same(w, "has") || same(w, "signe") ||
                same(w, "annonce");
    }
    // "Aerolux, a maker of...", "Atlas Cables, which pledged...": a name in apposition.
    if (!subject && next + 1 < t.size() && t[next].clause != t[e - 1].clause && t[next].sentence == t[e - 1].sentence) {
      const auto& w = t[next].key;
      subject = (same(w, "a") || same(w, "an") || same(w, "which") || same(w, "un") || same(w, "une") || same(w, "qui") || same(w, "the")) &&
                (a == 0 || t[a - 1].sentence != t[a].sentence || t[a - 1].all_caps);
      // "...is Lotus Mining, which will invest": a relative clause with a pledge verb names its subject.
      // Not a public policy or program: "the Clean Energy Policy, which aims to create...".
      static const FlatSet policy_words = {"policy", "strategy", "initiative", "program", "programme", "plan",
                                         "act", "law", "politique", "strategie", "loi", "fund", "fonds"};
      if (!subject && (same(w, "which") || same(w, "qui") || same(w, "that")) && !policy_words.contains(t[e - 1].hashed_key()))
        subject = has(next + 1, Cue::pledge) || has(next + 1, Cue::invest) || has(next + 1, Cue::hire_verb);
    }
    bool in_arabic = arabic_text && !t[a].all_caps;
    std::string name(text);
    const std::string key = key_of_tokens(a, e);
    if (!acronym.empty()) {
      std::string letters;
      for (std::size_t k = a; k < e; ++k)
        if (t[k].capitalised) letters += t[k].key.substr(0, 1);
      const std::string acronym_key(t[next].key);  // key_of(acronym): the acronym is that one token
      if (known_agencies().contains(t[next].hashed_key()) || letters != acronym_key) {
        // "...des Exportations (AMDIE)": the acronym is the name; the run before is not.
        if (known_agencies().contains(t[next].hashed_key())) {
          auto p = b.add(acronym, PartyKind::agency, "", acronym_key, Builder::kOneWord);
          b.f.mentions.push_back({static_cast<std::uint32_t>(next), static_cast<std::uint32_t>(next + 1), p});
        }
        if (letters != acronym_key && !(legal || group_before)) continue;
        acronym.clear();
      }
    }
    if (!acronym.empty()) {
      name += " (" + acronym + ")";
      bool company = legal || group_before;
      std::string name_key = key;  // key_of(name): the run's words, then the acronym's
      if (!name_key.empty()) name_key += ' ';
      name_key += t[next].key;
      auto p = b.add(name, company ? PartyKind::company : PartyKind::agency, country, name_key,
                     static_cast<std::uint32_t>(a));
      b.add_alias(p, acronym, std::string(t[next].key));
      b.f.mentions.push_back({static_cast<std::uint32_t>(a), static_cast<std::uint32_t>(next + 1), p});
      continue;
    }
    // A person's name after a title ("le ministre de l'Industrie, Ryad Mezzour") is not a company.
    if (!legal && !group_before) {
      if (title_before(a, 8)) {
        persons.emplace(key, 1);
        continue;
      }
      if (!persons.empty() && persons.contains(key)) continue;
    }
    if (legal || group_before || subject || in_arabic) {
      // "Murang'a": a place whose name continues after an apostrophe.
      if (next < t.size() && t[next].begin == t[e - 1].end + 1 && nt[t[e - 1].end] == '\'' &&
          !builtin_places(nt.substr(t[a].begin, t[next].end - t[a].begin)).empty())
        continue;
      auto p = b.add(name, PartyKind::company, country, key, first_of(a, e));
      if (b.f.parties[p].country.empty()) b.f.parties[p].country = country;
      b.f.mentions.push_back({static_cast<std::uint32_t>(a), static_cast<std::uint32_t>(e), p});
    }
    (void)key;
  }

  // Quoted names after a group cue: شركة «...», la société "...".
  for (const auto& h : cues) {
    if (h.cue != Cue::group_cue || h.last >= t.size()) continue;
    std::size_t q = t[h.last - 1].end, k = t[h.last].begin;
    auto gap = nt.substr(q, k - q);
    bool quoted = gap.find("\xC2\xAB") != std::string_view::npos || gap.find("\xE2\x80\x9C") != std::string_view::npos ||
                  gap.find("\xE2\x80\x9D") != std::string_view::npos || gap.find('"') != std::string_view::npos;
    if (!quoted) continue;
    std::size_t e = h.last;
    while (e < t.size() && e < h.last + 5) {
      ++e;
      if (e >= t.size()) break;
      auto g = nt.substr(t[e - 1].end, t[e].begin - t[e - 1].end);
      if (g.find_first_not_of(' ') != std::string_view::npos) break;
    }
    std::string name(nt.substr(t[h.last].begin, t[e - 1].end - t[h.last].begin));
    std::string known_name;
    if (names_match(h.last, &known_name)) continue;  // already a known party
    if (t[h.last].latin) continue;                       // Latin names are found as capitalised runs
    auto p = b.add(name, PartyKind::company, "", key_of_tokens(h.last, e), first_of(h.last, e));
    b.f.mentions.push_back({h.last, static_cast<std::uint32_t>(e), p});
  }

  // Ministries by portfolio, governments by country.
  for (const auto& h : cues) {
    if (h.cue == Cue::ministry) {
      bool delegate = false;
      std::string portfolio;
      std::size_t end = std::min(t.size(), static_cast<std::size_t>(h.last) + 10);
      for (std::size_t k = h.first; k < end && t[k].clause == t[h.first].clause && portfolio.empty(); ++k) {
        const auto& w = t[k];
        if (k >= h.last && has(k, Cue::ministry)) break;  // the next ministry of a list
        if (w.key == "delegue" || w.key == "delegate" || w.stem == "منتدب" || w.key == "deleguee") delegate = true;
        if (portfolio.empty() && k >= h.last) {
          if (const auto* pk = portfolios.find(w.hashed_key())) portfolio = std::string((*pk)->name);
          else if (const auto* ps = portfolios.find(w.hashed_stem())) portfolio = std::string((*ps)->name);
        }
      }
      if (portfolio.empty()) continue;
      std::string name;
      if (lang == "es") name = "Secretaría de " + portfolio;
      else name = delegate ? "Ministry Delegate for " + portfolio : "Ministry of " + portfolio;
      if (portfolio == "Economy" && lang == "es") name = "Secretaría de Economía";
      auto p = b.add(name, PartyKind::ministry, "", key_of_name(name));
      b.add_alias(p, std::string(nt.substr(t[h.first].begin, t[std::min(end, t.size()) - 1].end - t[h.first].begin)),
                  key_of_tokens(h.first, std::min(end, t.size())));
      b.f.mentions.push_back({h.first, h.last, p});
    } else if (h.cue == Cue::government) {
      std::string name, country;
      // "Government of Gujarat", "State of Wisconsin"
      std::size_t k = h.last;
      if (k < t.size() && (t[k - 1].key == "of" || t[k].key == "of" || t[k].key == "du" || t[k].key == "de")) {
        if (t[k].key == "of" || t[k].key == "du" || t[k].key == "de") ++k;
        std::size_t e = k;
        while (e < t.size() && t[e].capitalised && e < k + 3 && t[e].clause == t[h.first].clause) ++e;
        if (e > k) {
          std::string place(nt.substr(t[k].begin, t[e - 1].end - t[k].begin));
          if (auto rs = builtin_places(place); !rs.empty()) {
            name = (t[h.first].key == "state" ? "State of " : "Government of ") + place;
            country = rs.front()->country;
          }
        }
      }
      // "the Gujarat government", "the Tamil Nadu government": the longest place name before it
      if (name.empty() && t[h.first].key == "government")
        for (std::size_t words = std::min<std::size_t>(3, h.first); words > 0 && name.empty(); --words) {
          const std::size_t k0 = h.first - words;
          bool names_place = true;
          for (std::size_t k = k0; k < h.first && names_place; ++k)
            names_place = t[k].capitalised && !stops.contains(t[k].hashed_key()) && t[k].sentence == t[h.first].sentence;
          if (!names_place) continue;
          const auto place = nt.substr(t[k0].begin, t[h.first - 1].end - t[k0].begin);
          if (auto rs = builtin_places(place); !rs.empty()) {
            // A country's government, or a state's named as every module names it.
            name = rs.front()->type == "Country" ? "Government of " + std::string(place)
                                                 : state_government_name(rs.front()->country, place);
            country = rs.front()->country;
          }
        }
      if (name.empty()) {
        for (std::size_t n = (h.first >= 1 ? h.first - 1 : 0); n < std::min(t.size(), static_cast<std::size_t>(h.last) + 1); ++n) {
          if (const auto* nat = nationalities.find(t[n].hashed_key()); nat && !(*nat)->government.empty()) {
            name = std::string((*nat)->government);
            country = std::string((*nat)->country);
            break;
          }
        }
      }
      if (name.empty() && t[h.first].key != "state" && t[h.first].key != "the") name = "Government";  // country decided later
      if (name.empty()) continue;
      auto p = b.add(name, PartyKind::government, country, key_of_name(name));
      b.f.mentions.push_back({h.first, h.last, p});
    }
  }

  // Every later occurrence of a company's name (and of its first word when distinctive).
  thread_local TextPhrases later;  // keys in b.keys and first_words; reused (its marks are 4 KB)
  later.clear();
  std::vector<std::string> first_words;
  first_words.reserve(b.f.parties.size());  // never moved: the table points into them
  for (std::size_t p = 0; p < b.f.parties.size(); ++p) {
    if (b.f.parties[p].kind != PartyKind::company && b.f.parties[p].kind != PartyKind::agency) continue;
    for (const auto& al : b.keys[p].alias_keys) later.add(al, p);
    if (const std::uint32_t f = b.keys[p].first_word; f != Builder::kNotText) {
      // A name read from the text: its first word is that token (found without tokenizing the name).
      if (f != Builder::kOneWord && t[f].capitalised && !stops.contains(t[f].hashed_key()) && t[f].key.size() >= 4 &&
          builtin_places(nt.substr(t[f].begin, t[f].end - t[f].begin)).empty())
        later.add(t[f].key, p);
      continue;
    }
    auto words = tokenize(b.f.parties[p].name);
    // ...but not a first word that is a place ("China Wu Yi": "China" alone is the country).
    if (words.size() >= 2 && words[0].capitalised && !stops.contains(words[0].hashed_key()) && words[0].key.size() >= 4 &&
        builtin_places(std::string_view(b.f.parties[p].name).substr(0, words[0].end)).empty()) {
      first_words.push_back(key_of(std::string_view(b.f.parties[p].name).substr(0, words[0].end)));
      later.add(first_words.back(), p);
    }
  }
  later.seal();
  thread_local std::vector<PartyMention> later_found;  // reused: grown once, not per text
  later_found.clear();
  fit_scratch(later_found, t.size());
  mentions_of(later, t, later_found);
  std::vector<PartyMention> all;  // one allocation, not one per doubling
  all.reserve(later_found.size() + 2 * b.f.mentions.size());
  all.insert(all.end(), later_found.begin(), later_found.end());
  for (const auto& m : b.f.mentions)
    if (b.f.parties[m.party].kind != PartyKind::company && b.f.parties[m.party].kind != PartyKind::agency) all.push_back(m);
  for (const auto& m : b.f.mentions) all.push_back(m);
  std::sort(all.begin(), all.end(), [](const PartyMention& x, const PartyMention& y) {
    return x.first != y.first ? x.first < y.first : x.party < y.party;
  });
  all.erase(std::unique(all.begin(), all.end(),
                        [](const PartyMention& x, const PartyMention& y) { return x.first == y.first && x.party == y.party; }),
            all.end());
  b.f.mentions = std::move(all);
  return std::move(b.f);
}

}  // namespace pledgedb::extract::detail

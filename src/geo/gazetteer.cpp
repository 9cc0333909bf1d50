// The built-in gazetteer: ISO 3166-1/3166-2 from the embedded iso-codes JSON plus the curated
// tables, indexed by folded key for lookup() and by folded token n-grams for find_regions().
#include "pledgedb/geo/gazetteer.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <tuple>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <unordered_set>

#include "core/embedded.hpp"
#include "geo/curated.hpp"
#include "pledgedb/error.hpp"
#include "pledgedb/text/normalize.hpp"

namespace pledgedb::geo {

std::string_view to_string(AliasKind kind) {
  switch (kind) {
    case AliasKind::name: return "name";
    case AliasKind::city: return "city";
    case AliasKind::former: return "former";
  }
  return "name";
}

std::optional<AliasKind> parse_alias_kind(std::string_view text) {
  if (text == "name") return AliasKind::name;
  if (text == "city") return AliasKind::city;
  if (text == "former") return AliasKind::former;
  return std::nullopt;
}

namespace {

constexpr std::size_t none = static_cast<std::size_t>(-1);

std::string upper_ascii(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

// "Guelmim-Oued Noun (EH-partial)" -> "Guelmim-Oued Noun"; only_editorial keeps other
// parenthesised parts ("Ilocos (Region I)") that are part of the official name.
std::string strip_paren_suffix(std::string_view name, bool only_editorial) {
  if (name.empty() || name.back() != ')') return std::string(name);
  auto open = name.rfind(" (");
  if (open == std::string_view::npos) return std::string(name);
  auto inside = name.substr(open + 2, name.size() - open - 3);
  if (only_editorial && !(inside == "EH" || inside.starts_with("EH-"))) return std::string(name);
  return std::string(name.substr(0, open));
}

// First code point of s at byte i (or -1).
UChar32 code_point_at(std::string_view s, std::size_t i) {
  if (i >= s.size()) return -1;
  UChar32 c;
  int32_t pos = static_cast<int32_t>(i);
  U8_NEXT(s.data(), pos, static_cast<int32_t>(s.size()), c);
  return c;
}

bool starts_upper(std::string_view s) {
  UChar32 c = code_point_at(s, 0);
  return c >= 0 && u_isupper(c);
}

bool is_arabic_lead(std::string_view s) {
  return !s.empty() && static_cast<unsigned char>(s[0]) >= 0xD8 && static_cast<unsigned char>(s[0]) <= 0xDB;
}

// Arabic proclitics (conjunction + preposition) that may be glued to a place name.
constexpr std::string_view kProclitics[] = {"وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك"};

struct Variant {
  std::size_t skip;   // bytes of the original word before the name
  std::string word;   // what remains, to be folded
};

// "بطنجة" -> {2, "طنجة"}; "للرباط" -> {2, "الرباط"} (ل + الـ is written لل).
std::vector<Variant> proclitic_variants(std::string_view word) {
  std::vector<Variant> out;
  if (!is_arabic_lead(word)) return out;
  for (auto p : kProclitics) {
    if (!word.starts_with(p)) continue;
    auto rest = word.substr(p.size());
    if (rest.size() < 4) continue;  // at least two letters must remain
    if (p.ends_with("ل") && rest.starts_with("ل"))
      out.push_back({p.size(), "ا" + std::string(rest)});
    out.push_back({p.size(), std::string(rest)});
  }
  return out;
}

const std::vector<std::string>& designator_prefixes() {
  static const std::vector<std::string> keys = [] {
    std::vector<std::string> out;
    for (std::string_view w :
         {"جهة", "الجهة", "ولاية", "إقليم", "عمالة", "مدينة", "منطقة", "محافظة", "بلدية", "la région de",
          "la région d'", "la région", "région de", "région d'", "région", "la province de",
          "la province d'", "province de", "province d'", "province", "la préfecture de",
          "la préfecture d'", "préfecture de", "préfecture d'", "préfecture", "wilaya de", "la ville de",
          "ville de", "département de", "l'état de", "état de", "comté de", "the region of", "region of",
          "the province of", "province of", "prefecture of", "the state of", "state of", "the city of",
          "city of", "county of", "estado de", "región de", "provincia de"})
      out.push_back(text::fold(w));
    // Longest first, so "la région de" is removed whole rather than "la région" + "de".
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
    return out;
  }();
  return keys;
}

const std::vector<std::string>& designator_suffixes() {
  static const std::vector<std::string> keys = [] {
    std::vector<std::string> out;
    for (std::string_view w : {"region", "province", "prefecture", "state", "county", "city", "governorate"})
      out.push_back(text::fold(w));
    return out;
  }();
  return keys;
}

// Splits normalized text into words; `joined` says the gap before a word only holds spaces,
// hyphens, apostrophes, slashes or an abbreviation dot, so a name may continue across it.
struct Token {
  std::size_t begin, end;
  bool joined;
  std::string folded;
};

bool word_char(UChar32 c) {
  if (u_isalnum(c)) return true;
  auto t = u_charType(c);
  return t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK || t == U_ENCLOSING_MARK;
}

bool soft_separator(UChar32 c) {
  return c == ' ' || c == '-' || c == '\'' || c == '/' || c == 0x2019 || (c >= 0x2010 && c <= 0x2015) ||
         c == 0xA0 || (c >= 0x200B && c <= 0x200F) || c == '\t';
}

std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> out;
  const auto n = static_cast<int32_t>(s.size());
  int32_t i = 0;
  bool joined = false;
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    if (c >= 0 && word_char(c)) {
      int32_t end = i;
      while (end < n) {
        int32_t j = end;
        UChar32 d;
        U8_NEXT(s.data(), j, n, d);
        if (d < 0 || !word_char(d)) break;
        end = j;
      }
      out.push_back({static_cast<std::size_t>(start), static_cast<std::size_t>(end), joined, {}});
      i = end;
      joined = true;
      continue;
    }
    if (c == '.') {
      // "U.S." continues a name; ". " ends a sentence.
      UChar32 next = code_point_at(s, static_cast<std::size_t>(i));
      if (!(next >= 0 && word_char(next))) joined = false;
    } else if (c < 0 || !soft_separator(c)) {
      joined = false;
    }
  }
  return out;
}

struct Target {
  std::size_t region;
  AliasKind kind;
  bool curated;
};

struct IndexData {
  std::unordered_map<std::string, std::size_t> by_code;  // upper-case code -> region index
  std::vector<std::size_t> parent;                        // region index -> parent index or none
  std::vector<int> depth;
  std::unordered_map<std::string, std::vector<Target>> keys;  // every alias key (lookup)
  struct TextEntry {
    std::vector<Target> targets;
    bool require_capital = true;
  };
  std::unordered_map<std::string, TextEntry> text_keys;  // keys matched in running text
  std::unordered_set<std::string> text_prefixes;          // token prefixes of text_keys
  std::size_t max_tokens = 1;
};

void add_target(std::vector<Target>& targets, Target t) {
  for (auto& e : targets)
    if (e.region == t.region) {
      e.curated = e.curated || t.curated;
      // A name that is both a province and its main town ("Kénitra") reads as the town, which
      // tells the extractor a city was named; a current name beats a former one.
      if (t.kind == AliasKind::city || (t.kind == AliasKind::name && e.kind == AliasKind::former)) e.kind = t.kind;
      return;
    }
  targets.push_back(t);
}

}  // namespace

struct Gazetteer::Index : IndexData {};

namespace {

nlohmann::json parse_iso(std::string_view file) {
  for (const auto& f : embedded::iso_codes())
    if (f.name == file) return nlohmann::json::parse(f.data);
  throw Error("embedded ISO data: " + std::string(file) + " is missing from the build");
}

std::string str(const nlohmann::json& obj, const char* key) {
  auto it = obj.find(key);
  return it != obj.end() && it->is_string() ? it->get<std::string>() : std::string();
}

void load_builtin(std::vector<Region>& regions, std::vector<Alias>& aliases) {
  auto iso = [&](const std::string& code, const std::string& text) {
    if (!text.empty()) aliases.push_back({code, text, "", AliasKind::name, false});
  };
  const auto countries = parse_iso("iso_3166-1.json");
  for (const auto& c : countries.at("3166-1")) {
    auto code = str(c, "alpha_2"), name = str(c, "name"), common = str(c, "common_name");
    regions.push_back({code, common.empty() ? name : common, "Country", "", code});
    iso(code, regions.back().name);
    if (!common.empty()) iso(code, name);
    iso(code, str(c, "official_name"));
    // "Korea, Republic of" is also called "Korea"; "Bolivia, Plurinational State of" "Bolivia".
    if (auto comma = name.find(", "); comma != std::string::npos) iso(code, name.substr(0, comma));
  }
  std::vector<Region> subdivisions;
  std::vector<std::string> extra_names;
  const auto subdivision_doc = parse_iso("iso_3166-2.json");
  for (const auto& s : subdivision_doc.at("3166-2")) {
    auto code = str(s, "code");
    auto dash = code.find('-');
    if (dash == std::string::npos) continue;
    auto country = code.substr(0, dash);
    auto parent = str(s, "parent");
    if (parent.empty()) parent = country;
    else if (parent.find('-') == std::string::npos) parent = country + "-" + parent;
    auto raw = str(s, "name");
    // "Catalunya [Cataluña]", "Wales [Cymru GB-CYM]": a bracketed second name, shown apart.
    std::string bracketed;
    if (auto open = raw.find(" ["); open != std::string::npos && raw.back() == ']') {
      bracketed = raw.substr(open + 2, raw.size() - open - 3);
      if (auto sp = bracketed.rfind(' '); sp != std::string::npos && bracketed.find('-', sp) != std::string::npos)
        bracketed.erase(sp);  // drop the code of the other name
      raw.erase(open);
    }
    subdivisions.push_back({code, strip_paren_suffix(raw, true), str(s, "type"), parent, country});
    extra_names.push_back(strip_paren_suffix(raw, false));
    if (!bracketed.empty()) iso(code, bracketed);
  }
  for (const auto& fix : curated::parent_fixes())
    for (auto& r : subdivisions)
      if (r.code == fix.code) r.parent = fix.parent;

  // Parents before children, so the database can insert in this order.
  std::unordered_map<std::string, std::size_t> pos;
  for (std::size_t i = 0; i < subdivisions.size(); ++i) pos.emplace(subdivisions[i].code, i);
  std::vector<int> depth(subdivisions.size(), -1);
  for (std::size_t i = 0; i < subdivisions.size(); ++i) {
    int d = 1;
    std::string p = subdivisions[i].parent;
    for (int guard = 0; guard < 10; ++guard) {
      auto it = pos.find(p);
      if (it == pos.end()) break;
      ++d;
      p = subdivisions[it->second].parent;
    }
    depth[i] = d;
  }
  std::vector<std::size_t> order(subdivisions.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return depth[a] < depth[b]; });
  for (auto i : order) {
    regions.push_back(subdivisions[i]);
    iso(subdivisions[i].code, subdivisions[i].name);
    if (extra_names[i] != subdivisions[i].name) iso(subdivisions[i].code, extra_names[i]);
  }
  for (auto table : {curated::morocco(), curated::world()})
    for (const auto& e : table) aliases.push_back({e.code, e.text, e.lang, e.kind, true});
}

void build_index(const std::vector<Region>& regions, const std::vector<Alias>& aliases, IndexData* ix) {
  for (std::size_t i = 0; i < regions.size(); ++i) ix->by_code.emplace(upper_ascii(regions[i].code), i);
  ix->parent.assign(regions.size(), none);
  ix->depth.assign(regions.size(), 0);
  for (std::size_t i = 0; i < regions.size(); ++i)
    if (auto it = ix->by_code.find(upper_ascii(regions[i].parent)); !regions[i].parent.empty() && it != ix->by_code.end())
      ix->parent[i] = it->second;
  for (std::size_t i = 0; i < regions.size(); ++i) {
    int d = 0;
    for (auto p = ix->parent[i]; p != none && d < 10; p = ix->parent[p]) ++d;
    ix->depth[i] = d;
  }
  std::unordered_set<std::string> generic;
  for (const char* w : curated::not_in_running_text()) generic.insert(text::fold(w));

  for (const auto& a : aliases) {
    auto it = ix->by_code.find(upper_ascii(a.region_code));
    if (it == ix->by_code.end()) continue;
    auto key = text::fold(a.text);
    if (key.empty()) continue;
    Target t{it->second, a.kind, a.curated};
    add_target(ix->keys[key], t);
    if (generic.contains(key)) continue;
    auto [entry, fresh] = ix->text_keys.try_emplace(key);
    add_target(entry->second.targets, t);
    if (!starts_upper(a.text)) entry->second.require_capital = false;
    if (fresh) {
      std::size_t tokens = 1;
      for (std::size_t sp = key.find(' '); sp != std::string::npos; sp = key.find(' ', sp + 1)) {
        ix->text_prefixes.insert(key.substr(0, sp));
        ++tokens;
      }
      ix->text_prefixes.insert(key);
      ix->max_tokens = std::max(ix->max_tokens, tokens);
    }
  }
}

// Best reading first: the preferred country, curated spellings over ISO homonyms ("Salamanca"
// the Mexican city over the Spanish province), countries over subdivisions ("Georgia"), Morocco.
std::vector<const Region*> rank(const std::vector<Region>& regions, const IndexData& ix,
                                std::vector<Target> targets, std::string_view prefer_country) {
  auto prefer = upper_ascii(prefer_country);
  std::stable_sort(targets.begin(), targets.end(), [&](const Target& a, const Target& b) {
    const auto& ra = regions[a.region];
    const auto& rb = regions[b.region];
    auto score = [&](const Target& t, const Region& r) {
      return std::tuple(!(prefer.size() && r.country == prefer), !t.curated, ix.depth[t.region], r.country != "MA");
    };
    return score(a, ra) < score(b, rb);
  });
  std::vector<const Region*> out;
  for (const auto& t : targets) out.push_back(&regions[t.region]);
  return out;
}

}  // namespace

Gazetteer::Gazetteer() {
  load_builtin(regions_, aliases_);
  auto ix = std::make_shared<Index>();
  build_index(regions_, aliases_, ix.get());
  index_ = std::move(ix);
}

Gazetteer::Gazetteer(std::vector<Region> regions, std::vector<Alias> aliases)
    : regions_(std::move(regions)), aliases_(std::move(aliases)) {
  auto ix = std::make_shared<Index>();
  build_index(regions_, aliases_, ix.get());
  index_ = std::move(ix);
}

const Gazetteer& Gazetteer::builtin() {
  static const Gazetteer instance;  // C++11 guarantees one thread-safe initialisation
  return instance;
}

Gazetteer Gazetteer::with_aliases(std::span<const Alias> extra) const {
  auto aliases = aliases_;
  aliases.insert(aliases.end(), extra.begin(), extra.end());
  return Gazetteer(regions_, std::move(aliases));
}

const Region* Gazetteer::find(std::string_view code) const {
  auto it = index_->by_code.find(upper_ascii(code));
  return it == index_->by_code.end() ? nullptr : &regions_[it->second];
}

int Gazetteer::depth(std::string_view code) const {
  auto it = index_->by_code.find(upper_ascii(code));
  return it == index_->by_code.end() ? -1 : index_->depth[it->second];
}

std::vector<const Region*> Gazetteer::ancestry(std::string_view code) const {
  std::vector<const Region*> out;
  auto it = index_->by_code.find(upper_ascii(code));
  if (it == index_->by_code.end()) return out;
  for (auto i = it->second; i != none && out.size() < 12; i = index_->parent[i]) out.push_back(&regions_[i]);
  return out;
}

const Region* Gazetteer::first_level(std::string_view code) const {
  auto chain = ancestry(code);
  if (chain.size() < 2) return nullptr;  // unknown, or a country
  return chain[chain.size() - 2];
}

std::vector<std::string> Gazetteer::lookup_keys(std::string_view text) {
  std::vector<std::string> keys;
  auto add = [&](std::string k) {
    while (!k.empty() && k.back() == ' ') k.pop_back();
    while (!k.empty() && k.front() == ' ') k.erase(0, 1);
    if (!k.empty() && std::find(keys.begin(), keys.end(), k) == keys.end()) keys.push_back(std::move(k));
  };
  add(text::fold(text));
  if (keys.empty()) return keys;
  // Proclitics glued to the first word: "بطنجة", "للرباط".
  {
    auto first = keys[0];
    auto sp = first.find(' ');
    auto word = first.substr(0, sp);
    auto rest = sp == std::string::npos ? std::string() : first.substr(sp);
    for (const auto& v : proclitic_variants(word)) add(text::fold(v.word) + rest);
  }
  // Designators before or after the name, possibly after a proclitic ("بجهة ...").
  for (std::size_t i = 0; i < keys.size() && keys.size() < 32; ++i) {
    std::string k = keys[i];
    for (const auto& p : designator_prefixes())
      if (k.size() > p.size() + 1 && k.starts_with(p) && k[p.size()] == ' ') {
        add(k.substr(p.size() + 1));
        break;
      }
    for (const auto& s : designator_suffixes())
      if (k.size() > s.size() + 1 && k.ends_with(s) && k[k.size() - s.size() - 1] == ' ') {
        add(k.substr(0, k.size() - s.size() - 1));
        break;
      }
  }
  return keys;
}

std::vector<const Region*> Gazetteer::lookup(std::string_view text) const {
  // Fast path (the extractor asks about most capitalised words): a Latin key that no
  // designator can be stripped from is the only key lookup_keys would give.
  {
    std::string key = text::fold(text);
    if (key.empty()) return {};
    // First and last two bytes of every designator: most keys share none and skip both loops.
    static const auto ends = [] {
      std::pair<std::vector<bool>, std::vector<bool>> e{std::vector<bool>(1 << 16), std::vector<bool>(1 << 16)};
      auto two = [](char a, char b) { return static_cast<std::size_t>(static_cast<unsigned char>(a)) << 8 | static_cast<unsigned char>(b); };
      for (const auto& p : designator_prefixes()) {
        if (p.size() < 2) e.first.assign(e.first.size(), true);  // (none is that short)
        else e.first[two(p[0], p[1])] = true;
      }
      for (const auto& s : designator_suffixes()) {
        if (s.size() < 2) e.second.assign(e.second.size(), true);
        else e.second[two(s[s.size() - 2], s.back())] = true;
      }
      return e;
    }();
    const std::size_t head = key.size() >= 2 ? (static_cast<std::size_t>(static_cast<unsigned char>(key[0])) << 8 |
                                                 static_cast<unsigned char>(key[1]))
                                              : 0;
    const std::size_t tail = key.size() >= 2 ? (static_cast<std::size_t>(static_cast<unsigned char>(key[key.size() - 2])) << 8 |
                                                 static_cast<unsigned char>(key.back()))
                                              : 0;
    bool more = is_arabic_lead(key);
    for (const auto& p : designator_prefixes()) {
      if (more || key.size() < 2 || !ends.first[head]) break;
      more = key.size() > p.size() + 1 && key[0] == p[0] && key[p.size()] == ' ' && key.starts_with(p);
    }
    for (const auto& s : designator_suffixes()) {
      if (more || key.size() < 2 || !ends.second[tail]) break;
      more = key.size() > s.size() + 1 && key.back() == s.back() && key[key.size() - s.size() - 1] == ' ' &&
             key.ends_with(s);
    }
    if (!more) {
      auto it = index_->keys.find(key);
      if (it == index_->keys.end()) return {};
      auto out = rank(regions_, *index_, it->second, {});
      std::reverse(out.begin(), out.end());  // the best reading last
      return out;
    }
  }
  for (const auto& key : lookup_keys(text)) {
    auto it = index_->keys.find(key);
    if (it == index_->keys.end()) continue;
    auto out = rank(regions_, *index_, it->second, {});
    std::reverse(out.begin(), out.end());  // the best reading last
    return out;
  }
  return {};
}

std::vector<RegionMention> Gazetteer::find_regions(std::string_view normalized_text,
                                                   std::string_view prefer_country) const {
  const auto& ix = *index_;
  auto tokens = tokenize(normalized_text);
  for (auto& t : tokens) t.folded = text::fold(normalized_text.substr(t.begin, t.end - t.begin));

  std::vector<RegionMention> out;
  std::size_t i = 0;
  while (i < tokens.size()) {
    struct Best {
      std::size_t last = none, skip = 0;
      const IndexData::TextEntry* entry = nullptr;
    } best;
    auto word = normalized_text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin);
    std::vector<Variant> variants{{0, {}}};
    for (auto& v : proclitic_variants(word)) variants.push_back(std::move(v));
    for (std::size_t v = 0; v < variants.size(); ++v) {
      std::string key = v == 0 ? tokens[i].folded : text::fold(variants[v].word);
      if (key.empty()) continue;
      for (std::size_t j = i;;) {
        if (!ix.text_prefixes.contains(key)) break;
        if (auto it = ix.text_keys.find(key); it != ix.text_keys.end()) {
          bool case_ok = !it->second.require_capital ||
                         !u_islower(code_point_at(normalized_text, tokens[i].begin + variants[v].skip));
          if (case_ok && (best.last == none || j > best.last)) best = {j, variants[v].skip, &it->second};
        }
        if (j + 1 >= tokens.size() || !tokens[j + 1].joined || j + 1 - i >= ix.max_tokens) break;
        ++j;
        key += ' ';
        key += tokens[j].folded;
      }
    }
    if (best.entry == nullptr) {
      ++i;
      continue;
    }
    RegionMention m;
    m.begin = tokens[i].begin + best.skip;
    m.end = tokens[best.last].end;
    m.candidates = rank(regions_, ix, best.entry->targets, prefer_country);
    m.region = m.candidates.front();
    for (const auto& t : best.entry->targets)
      if (&regions_[t.region] == m.region) m.kind = t.kind;
    out.push_back(std::move(m));
    i = best.last + 1;
  }
  return out;
}

}  // namespace pledgedb::geo

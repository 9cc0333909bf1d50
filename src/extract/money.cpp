// Money mentions: a number (find_numbers) with a currency before or after it.
#include <algorithm>
#include <array>
#include <cstring>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "core/embedded.hpp"
#include "extract/flat_table.hpp"
#include "extract/lexicon_numbers.hpp"
#include "pledgedb/extract/numbers.hpp"

namespace pledgedb::extract {
namespace detail {
namespace {

// ISO 4217 codes from Debian's iso-codes (embedded), written in capitals next to a number.
// Code -> the same code, stored once (the view handed out stays valid).
const FlatMap<std::string>& iso_codes() {
  static const auto* codes = [] {
    auto* set = new FlatMap<std::string>();
    for (const auto& f : embedded::iso_codes()) {
      if (f.name != "iso_4217.json") continue;
      try {
        const auto j = nlohmann::json::parse(f.data);
        for (const auto& c : j.at("4217")) {
          const auto code = c.at("alpha_3").get<std::string>();
          set->emplace(code, code);
        }
      } catch (const nlohmann::json::exception&) {
        // a broken embedded file only loses the generic codes; the common ones are below
      }
    }
    // Codes that are also ordinary capitalised words next to numbers.
    for (const char* w : {"ALL", "TOP", "CUP", "MOP", "BOB", "XXX", "XTS"}) set->erase(w);
    return set;
  }();
  return *codes;
}

struct CaseSensitive {
  std::string_view text, iso;
  double scale;
};
// Symbols and abbreviations written exactly so.
constexpr std::array kExact{
    CaseSensitive{"DH", "MAD", 1},     CaseSensitive{"Dh", "MAD", 1},    CaseSensitive{"Dhs", "MAD", 1},
    CaseSensitive{"DHS", "MAD", 1},    CaseSensitive{"dh", "MAD", 1},    CaseSensitive{"dhs", "MAD", 1},
    CaseSensitive{"MDH", "MAD", 1e6},  CaseSensitive{"MDh", "MAD", 1e6}, CaseSensitive{"Mdh", "MAD", 1e6},
    CaseSensitive{"MMDH", "MAD", 1e9}, CaseSensitive{"MMDh", "MAD", 1e9},
    CaseSensitive{"Rs", "INR", 1},     CaseSensitive{"KSh", "KES", 1},   CaseSensitive{"Ksh", "KES", 1},
    CaseSensitive{"KShs", "KES", 1},   CaseSensitive{"Kshs", "KES", 1},  CaseSensitive{"Sh", "KES", 1},
    CaseSensitive{"RMB", "CNY", 1},    CaseSensitive{"MUSD", "USD", 1e6}, CaseSensitive{"MEUR", "EUR", 1e6},
};
constexpr std::size_t kExactMaxLen = [] {
  std::size_t m = 0;
  for (const auto& e : kExact) m = std::max(m, e.text.size());
  return m;
}();
constexpr std::array<bool, 256> kExactFirst = [] {  // the first letters of kExact
  std::array<bool, 256> t{};
  for (const auto& e : kExact) t[static_cast<unsigned char>(e.text[0])] = true;
  return t;
}();

// Currency and nationality words, matched on lookup_key (lower case, Arabic letter variants
// folded), in one table so that a word is folded and probed once.
struct MoneyWord {
  std::string_view currency;     // "dirhams" -> MAD; also with the Arabic article: الدراهم, اليورو
  std::string_view nationality;  // the currency a nationality picks: "UAE dirhams", "دولار أمريكي"
};

const FlatMap<MoneyWord>& money_words() {
  static const auto* map = [] {
    const std::pair<const char*, std::string_view> currencies[] = {
        {"dirham", "MAD"},   {"dirhams", "MAD"},   {"درهم", "MAD"},     {"دراهم", "MAD"},
        {"درهما", "MAD"},    {"dollar", "USD"},    {"dollars", "USD"},  {"dólar", "USD"},
        {"dólares", "USD"},  {"دولار", "USD"},     {"دولارات", "USD"},  {"دولارا", "USD"},
        {"euro", "EUR"},     {"euros", "EUR"},     {"يورو", "EUR"},     {"أورو", "EUR"},
        {"rupee", "INR"},    {"rupees", "INR"},    {"roupie", "INR"},   {"roupies", "INR"},
        {"روبية", "INR"},    {"riyal", "SAR"},     {"riyals", "SAR"},   {"ريال", "SAR"},
        {"ريالات", "SAR"},   {"shilling", "KES"},  {"shillings", "KES"}, {"peso", "MXN"},
        {"pesos", "MXN"},    {"yuan", "CNY"},      {"yuans", "CNY"},    {"renminbi", "CNY"},
        {"يوان", "CNY"},     {"yen", "JPY"},       {"جنيه", "EGP"},
    };
    const std::pair<const char*, std::string_view> nationalities[] = {
        {"uae", "AED"},        {"emirati", "AED"},     {"emiratis", "AED"},   {"émirati", "AED"},
        {"émiratis", "AED"},   {"émirien", "AED"},     {"émiriens", "AED"},   {"إماراتي", "AED"},
        {"الإماراتي", "AED"},  {"إماراتية", "AED"},    {"us", "USD"},         {"american", "USD"},
        {"américain", "USD"},  {"américains", "USD"},  {"americains", "USD"}, {"أمريكي", "USD"},
        {"الأمريكي", "USD"},   {"أميركي", "USD"},      {"الأميركي", "USD"},   {"canadian", "CAD"},
        {"canadien", "CAD"},   {"canadiens", "CAD"},   {"australian", "AUD"}, {"saudi", "SAR"},
        {"saoudien", "SAR"},   {"saoudiens", "SAR"},   {"سعودي", "SAR"},      {"السعودي", "SAR"},
        {"qatari", "QAR"},     {"قطري", "QAR"},        {"kenyan", "KES"},     {"kényans", "KES"},
        {"mexican", "MXN"},    {"mexicains", "MXN"},   {"indian", "INR"},     {"indiennes", "INR"},
        {"moroccan", "MAD"},   {"marocain", "MAD"},    {"marocains", "MAD"},  {"مغربي", "MAD"},
        {"المغربي", "MAD"},    {"sterling", "GBP"},    {"إسترليني", "GBP"},   {"استرليني", "GBP"},
        {"british", "GBP"},    {"egyptian", "EGP"},    {"مصري", "EGP"},       {"chinese", "CNY"},
    };
    auto* m = new FlatMap<MoneyWord>();
    char buf[64];
    for (const auto& [w, iso] : currencies) (*m)[lookup_key(w, buf, sizeof buf)].currency = iso;
    // With the article, unless the spelling is a currency word of its own.
    for (const auto& [w, iso] : currencies) {
      const std::string key = "\xD8\xA7\xD9\x84" + std::string(lookup_key(w, buf, sizeof buf));  // ال
      auto& e = (*m)[key];
      if (e.currency.empty()) e.currency = iso;
    }
    for (const auto& [w, iso] : nationalities) (*m)[lookup_key(w, buf, sizeof buf)].nationality = iso;
    return m;
  }();
  return *map;
}

const MoneyWord* money_word(std::string_view key) { return key.empty() ? nullptr : money_words().find(key); }
std::string_view currency_word(std::string_view key) {
  const MoneyWord* m = money_word(key);
  return m ? m->currency : std::string_view{};
}
std::string_view nationality(std::string_view key) {
  const MoneyWord* m = money_word(key);
  return m ? m->nationality : std::string_view{};
}

// s holds lit at i (a memcmp of constant length compiles to loads and compares, no call).
inline bool bytes_at(std::string_view s, std::size_t i, std::string_view lit) {
  return i <= s.size() && s.size() - i >= lit.size() && std::memcmp(s.data() + i, lit.data(), lit.size()) == 0;
}

bool starts_with(std::string_view s, std::string_view p) { return bytes_at(s, 0, p); }

// "émirats" / "الإمارات" in the few words after a dirham: the UAE currency.
bool emirates_word(std::string_view key) {
  return starts_with(key, "émirat") || starts_with(key, "emirat") ||
         starts_with(key, "\xD8\xA7\xD9\x85\xD8\xA7\xD8\xB1\xD8\xA7\xD8\xAA") ||  // امارات
         starts_with(key, "\xD8\xA7\xD9\x84\xD8\xA7\xD9\x85\xD8\xA7\xD8\xB1\xD8\xA7\xD8\xAA");  // الامارات
}

std::size_t skip_blank(std::string_view s, std::size_t i) {
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  return i;
}

bool currency_symbol_is_usd_prefix(std::string_view s, std::size_t i) {
  return bytes_at(s, i, "US$");
}

}  // namespace

std::optional<CurrencyHit> currency_at(std::string_view s, std::size_t i, std::string_view /*lang*/) {
  // Currency words are unambiguous across our languages; lang is kept for future homographs.
  const std::size_t n = s.size();
  if (i >= n) return std::nullopt;
  CurrencyHit h;
  h.begin = i;
  // symbols (by their first byte: most calls look at a word)
  const auto c0 = static_cast<unsigned char>(s[i]);
  if (c0 == 'U' && currency_symbol_is_usd_prefix(s, i)) return CurrencyHit{i, i + 3, "USD", 1};
  if (c0 == '$') return CurrencyHit{i, i + 1, "USD", 1};
  if (c0 == 0xE2 && bytes_at(s, i, "\xE2\x82\xAC")) return CurrencyHit{i, i + 3, "EUR", 1};  // €
  if (c0 == 0xC2 && bytes_at(s, i, "\xC2\xA3")) return CurrencyHit{i, i + 2, "GBP", 1};      // £
  if (c0 == 0xE2 && bytes_at(s, i, "\xE2\x82\xB9")) return CurrencyHit{i, i + 3, "INR", 1};  // ₹
  const std::size_t we = word_end(s, i);
  if (we == i) return std::nullopt;
  const std::string_view w = s.substr(i, we - i);
  // M€, Md€, Mds€, M$: millions / billions of the currency
  if (we < n && w[0] == 'M' && (w == "M" || w == "Md" || w == "Mds" || w == "Mrd" || w == "Mrds")) {
    const double scale = w == "M" ? 1e6 : 1e9;
    if (bytes_at(s, we, "\xE2\x82\xAC")) return CurrencyHit{i, we + 3, "EUR", scale};
    if (s[we] == '$') return CurrencyHit{i, we + 1, "USD", scale};
  }
  for (const auto& e : kExact) {
    if (w.size() > kExactMaxLen || !kExactFirst[c0]) break;
    if (w[0] == e.text[0] && w == e.text) {  // the first letter first: few words get to compare
      std::size_t end = we;
      if (w == "Rs" && end < n && s[end] == '.') ++end;
      h.end = end;
      h.iso = e.iso;
      h.scale = e.scale;
      break;
    }
  }
  if (h.iso.empty() && w.size() == 3 && std::all_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
    if (const auto* code = iso_codes().find(w)) {
      h.end = we;
      h.iso = *code;  // stored once: the view stays valid
    }
  }
  char buf[64];
  if (h.iso.empty()) {
    const std::string_view key = lookup_key(w, buf, sizeof buf);
    if (key.empty()) return std::nullopt;
    const MoneyWord* mw = money_word(key);
    if (mw && !mw->currency.empty()) {
      h.end = we;
      h.iso = mw->currency;
    } else {
      // "UAE dirhams", "US dollars", "Kenyan shillings", "pounds sterling", "livres sterling"
      const std::string_view nat = mw ? mw->nationality : std::string_view{};
      const bool pound = (key[0] == 'p' || key[0] == 'l') &&
                         (key == "pound" || key == "pounds" || key == "livre" || key == "livres");
      if (nat.empty() && !pound) return std::nullopt;
      const std::size_t q = skip_blank(s, we);
      const std::size_t we2 = word_end(s, q);
      if (we2 == q) return std::nullopt;
      char buf2[64];
      const std::string_view key2 = lookup_key(s.substr(q, we2 - q), buf2, sizeof buf2);
      if (pound) {
        if (key2 != "sterling") return std::nullopt;
        return CurrencyHit{i, we2, "GBP", 1};
      }
      if (currency_word(key2).empty()) return std::nullopt;
      return CurrencyHit{i, we2, nat, 1};
    }
  }
  // A nationality or "des Émirats" after the currency word.
  std::size_t q = skip_blank(s, h.end);
  for (int k = 0; k < 2 && q < n; ++k) {
    const std::size_t we2 = word_end(s, q);
    if (we2 == q) break;
    char buf2[64];
    const std::string_view key2 = lookup_key(s.substr(q, we2 - q), buf2, sizeof buf2);
    const std::string_view nat = nationality(key2);
    if (!nat.empty() && k == 0) {
      if (h.iso == "MAD" || h.iso == "USD" || h.iso == "SAR" || nat == h.iso ||
          (h.iso == "GBP" && nat == "GBP")) {
        h.iso = nat;
        h.end = we2;
      }
      break;
    }
    if (emirates_word(key2) && h.iso == "MAD") {
      h.iso = "AED";
      h.end = we2;
      break;
    }
    if (k == 0 && !(key2 == "des" || key2 == "of" || key2 == "the")) break;
    q = skip_blank(s, we2);
  }
  return h;
}

std::optional<CurrencyHit> currency_before(std::string_view s, std::size_t e) {
  std::size_t p = e;
  while (p > 0 && (s[p - 1] == ' ' || s[p - 1] == '\t')) --p;
  if (p == 0) return std::nullopt;
  const std::size_t end = p;
  std::size_t b = p;
  if (s[p - 1] == '$') {
    b = p - 1;
    if (b >= 2 && bytes_at(s, b - 2, "US")) b -= 2;
  } else if (p >= 3 && (bytes_at(s, p - 3, "\xE2\x82\xAC") || bytes_at(s, p - 3, "\xE2\x82\xB9"))) {
    b = p - 3;
  } else if (p >= 2 && bytes_at(s, p - 2, "\xC2\xA3")) {
    b = p - 2;
  } else if (s[p - 1] == '.' && p >= 3 && bytes_at(s, p - 3, "Rs.")) {
    b = p - 3;
  } else {
    b = word_begin(s, p);
    if (b == p) return std::nullopt;
  }
  // letters glued before a symbol: Md€, M$
  if (b < end && (s[b] == '$' || static_cast<unsigned char>(s[b]) == 0xE2)) b = word_begin(s, b);
  if (b > 0 && is_letter_at(s, b - 1)) return std::nullopt;
  // Only symbols and codes go before a number: "dollars 5" is not an amount. (Tested first: a
  // hit starts at b, so this needs no look-up and rules out most words.)
  const auto c = static_cast<unsigned char>(s[b]);
  if (c >= 'a' && c <= 'z') return std::nullopt;
  if (c >= 0x80 && c != 0xE2 && c != 0xC2) return std::nullopt;
  auto h = currency_at(s, b, "");
  if (!h || h->end != end) return std::nullopt;
  return h;
}

}  // namespace detail

std::vector<MoneyMatch> find_money(std::string_view s, std::string_view lang) {
  return find_money(s, lang, find_numbers(s, lang));
}

std::vector<MoneyMatch> find_money(std::string_view s, std::string_view lang,
                                   const std::vector<NumberMatch>& numbers) {
  std::vector<MoneyMatch> out;
  const std::size_t n = s.size();
  for (const NumberMatch& m : numbers) {
    if (m.percent) continue;
    std::optional<detail::CurrencyHit> cur;
    std::size_t begin = m.begin, end = m.end;
    if (auto before = detail::currency_before(s, m.begin)) {
      cur = before;
      begin = before->begin;
    } else {
      std::size_t q = detail::skip_blank(s, m.end);
      cur = detail::currency_at(s, q, lang);
      const unsigned char c = q < n ? static_cast<unsigned char>(s[q]) | 0x20 : 0;
      if (!cur && (c == 'd' || c == 'o' || c == (0xD9 | 0x20))) {
        // "de", "d'", "of", "من" between the number and the currency (compared on the raw
        // letters: folding only lowers these, and no other letter folds to م or ن)
        const std::size_t we = detail::word_end(s, q);
        const auto lower = [&](std::size_t k) { return static_cast<unsigned char>(s[k]) | 0x20; };
        std::size_t r = std::string_view::npos;
        if ((we - q == 2 && lower(q) == 'd' && lower(q + 1) == 'e') ||
            (we - q == 2 && lower(q) == 'o' && lower(q + 1) == 'f') ||
            (we - q == 4 && detail::bytes_at(s, q, "\xD9\x85\xD9\x86")))
          r = detail::skip_blank(s, we);
        else if (we - q == 1 && lower(q) == 'd' && we < n && s[we] == '\'')
          r = we + 1;
        if (r != std::string_view::npos) cur = detail::currency_at(s, r, lang);
        if (cur && cur->scale != 1) cur.reset();  // "5 de MDH" is not a way to write it
      }
      if (cur) end = cur->end;
    }
    if (!cur) continue;
    MoneyMatch mm;
    mm.begin = begin;
    mm.end = end;
    mm.amount = m.scaled ? m.value : m.value * cur->scale;
    mm.currency = std::string(cur->iso);
    mm.words = m.words;
    out.push_back(std::move(mm));
  }
  return out;
}

}  // namespace pledgedb::extract

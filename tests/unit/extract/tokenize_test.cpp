// The tokenizer's fast paths (8 lower-case bytes at a time, Latin-1 and Arabic letters by table,
// clitics by first letter, hashes) give the tokens a plain one-code-point-at-a-time reading gives;
// word tables compare keys without memcmp and get string equality.
#include <doctest/doctest.h>

#include <array>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "extract/flat_table.hpp"
#include "pledgedb/extract/extractor.hpp"

using namespace pledgedb;
using extract::detail::Token;

namespace {

char32_t decode(std::string_view s, std::size_t& i) {
  const auto c = static_cast<unsigned char>(s[i++]);
  if (c < 0x80) return c;
  const int more = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
  char32_t cp = c & (0x3F >> more);
  for (int k = 0; k < more && i < s.size(); ++k) cp = cp << 6 | (static_cast<unsigned char>(s[i++]) & 0x3F);
  return cp;
}

bool word_cp(char32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
  if (cp >= 0xC0 && cp <= 0x24F) return cp != 0xD7 && cp != 0xF7;
  if ((cp >= 0x0621 && cp <= 0x065F) || (cp >= 0x0671 && cp <= 0x06D3) || cp == 0x0640 || cp == 0x0670 ||
      (cp >= 0x0660 && cp <= 0x0669))
    return true;
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;
  if (cp >= 0x0600 && cp <= 0x06FF) return false;
  if (cp >= 0x3000 && cp <= 0x303F) return false;
  return cp >= 0x370;
}
bool upper_latin(char32_t cp) { return (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7); }
bool lower_latin(char32_t cp) { return (cp >= 'a' && cp <= 'z') || (cp >= 0xDF && cp <= 0xFF && cp != 0xF7); }
bool digit(char32_t cp) { return cp >= '0' && cp <= '9'; }

// و/ف, then the first of بال لل كال ال ب ل ك that leaves three letters or more.
std::string_view stem_of(std::string_view key) {
  const std::string_view waw = "و", fa = "ف";
  std::string_view s = key;
  if ((s.starts_with(waw) || s.starts_with(fa)) && s.size() / 2 >= 4) s.remove_prefix(2);
  for (const std::string_view p : {"بال", "لل", "كال", "ال", "ب", "ل", "ك"})
    if (s.starts_with(p) && s.size() / 2 >= p.size() / 2 + 3) {
      s.remove_prefix(p.size());
      break;
    }
  return s;
}

struct Plain {
  std::uint32_t begin, end;
  std::string key, stem;
  bool digits, latin, capitalised, all_caps;
};

std::vector<Plain> plain_tokens(std::string_view s) {
  std::vector<Plain> out;
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t start = i;
    const char32_t first = decode(s, i);
    if (!word_cp(first)) continue;
    bool all_digits = true, latin = false;
    int upper = 0, lower = 0;
    std::size_t end = start;
    for (std::size_t at = start; at < s.size();) {
      const auto b = static_cast<unsigned char>(s[at]);
      if ((b == '.' || b == ',') && at > start && at + 1 < s.size() && digit(static_cast<unsigned char>(s[at + 1])) &&
          digit(static_cast<unsigned char>(s[at - 1]))) {
        end = ++at;
        continue;
      }
      std::size_t next = at;
      const char32_t cp = decode(s, next);
      if (!word_cp(cp)) break;
      if (!digit(cp)) {
        all_digits = false;
        if (cp < 0x250) latin = true;
      }
      upper += upper_latin(cp);
      lower += lower_latin(cp);
      end = at = next;
    }
    i = end;
    Plain t{static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end), {}, {}, all_digits, latin,
            upper_latin(first), latin && upper >= 2 && lower == 0};
    t.key = extract::detail::fold_word(s.substr(start, end - start));
    t.stem = !latin && !all_digits && t.key.size() >= 2 && static_cast<unsigned char>(t.key[0]) >= 0xD8
                 ? std::string(stem_of(t.key))
                 : t.key;
    out.push_back(std::move(t));
  }
  return out;
}

void check_same(const std::string& text) {
  CAPTURE(text);
  const auto plain = plain_tokens(text);
  const auto toks = extract::detail::tokenize(text);
  REQUIRE(toks.size() == plain.size());
  for (std::size_t k = 0; k < toks.size(); ++k) {
    const Token& t = toks[k];
    const Plain& p = plain[k];
    CAPTURE(k);
    CHECK(t.begin == p.begin);
    CHECK(t.end == p.end);
    CHECK(t.key == p.key);
    CHECK(t.stem == p.stem);
    CHECK(t.digits == p.digits);
    CHECK(t.latin == p.latin);
    CHECK(t.capitalised == p.capitalised);
    CHECK(t.all_caps == p.all_caps);
    CHECK(t.key_hash == extract::detail::sv_hash(p.key));
    CHECK(t.stem_hash == extract::detail::sv_hash(p.stem));
  }
}

}  // namespace

TEST_CASE("tokens are the words a plain reading finds, with their keys, stems, flags and hashes") {
  check_same("");
  check_same("abcdefghijklmnopqrstuvwxyz");
  check_same("abcdefg abcdefgh abcdefghi abcdefghijklmnop abcdefghijklmnopq.");
  check_same("Le groupe ÉLÉCTRIQUE créera 1,300 emplois à Kénitra d'ici 2027. 3.5 m3 ١٢٣ CO2 ABCdefGHI");
  check_same("وللاستثمار والاستثمار بالدار فالمغرب كالبحر للشركة لل ال بال وزارة ولد ـــ أَلْفَ ٤٥ mixedعربي");
  // Random texts over fragments chosen for the scanner's cases: runs of lower-case letters of
  // every length around 8, case, digits with '.' and ',', accents, Arabic letters, clitics,
  // diacritics, tatweel, Arabic-Indic digits and punctuation, other scripts and symbols.
  const std::vector<std::string> parts = {
      "a", "z", "q", "abcdefg", "abcdefgh", "abcdefghi", "emplois", "investissements", "A", "Z", "M", "É", "é", "Æ", "þ", "ÿ", "ç", "Ø",
      "ß", "Ā", "ł", "œ", "Œ", "×", "÷", "0", "7", "2025", ".", ",", " ", "  ", "\n", "'", "-", "(", ")", ";",
      "!", "?", ":", "ا", "ل", "و", "ف", "ب", "ك", "ال", "بال", "لل", "كال", "وال", "استثمار", "منصب", "شغل",
      "أ", "إ", "آ", "ة", "ى", "ئ", "ؤ", "ـ", "َ", "ٌ", "ٰ", "ٱ", "٠", "٩", "،", "؛", "؟", "٪", "ۀ", "ک",
      "—", "’", "…", "€", "中", "Ж", "ж", "ɐ", "\xF0\x9F\x98\x80"};
  std::mt19937 rng(20261129);
  std::uniform_int_distribution<std::size_t> pick(0, parts.size() - 1), len(0, 40);
  for (int round = 0; round < 4000; ++round) {
    std::string text;
    for (std::size_t k = len(rng); k > 0; --k) text += parts[pick(rng)];
    check_same(text);
  }
}

TEST_CASE("same_key is string equality, for every length and every differing byte") {
  const std::string base = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH";
  for (std::size_t n = 0; n <= 40; ++n) {
    const std::string a = base.substr(0, n);
    CHECK(extract::detail::same_key(a, std::string(a)));
    CHECK(!extract::detail::same_key(a, base.substr(0, n + 1)));
    for (std::size_t k = 0; k < n; ++k) {
      std::string b = a;
      b[k] = static_cast<char>(b[k] ^ 0x20);
      CAPTURE(n);
      CAPTURE(k);
      CHECK(!extract::detail::same_key(a, b));
      CHECK(!extract::detail::same_key(b, a));
    }
  }
}

TEST_CASE("WordMarks::may_start without a branch on the stem is the key's mark or a shorter stem's") {
  const std::string text =
      "والاستثمار بالمغرب وللشركة الاستثمار استثمار ولد للبنك Le groupe investira 300 millions, "
      "plus de 500 emplois; وزارة الصناعة والتجارة أعلنت عن إحداث 1.200 منصب شغل بالقنيطرة";
  const auto toks = extract::detail::tokenize(text);
  std::mt19937 rng(11);
  for (int round = 0; round < 200; ++round) {
    // Marks for a random choice of the tokens' keys and stems.
    extract::detail::WordMarks marks;
    for (const auto& t : toks) {
      if (rng() % 4 == 0) marks.set(t.key_hash);
      if (rng() % 4 == 0) marks.set(t.stem_hash);
    }
    for (std::size_t i = 0; i < toks.size(); ++i) {
      const auto& t = toks[i];
      const bool plain = marks.test(t.key_hash) || (t.stem.size() != t.key.size() && marks.test(t.stem_hash));
      CAPTURE(i);
      CHECK(marks.may_start(t) == plain);
    }
  }
}

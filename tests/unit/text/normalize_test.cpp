#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "pledgedb/text/normalize.hpp"
#include "text/language_counts.hpp"

using pledgedb::text::detect_language;
using pledgedb::text::fold;
using pledgedb::text::normalize;

namespace {
// The original bytes behind the normalized span [b, e).
std::string back(const pledgedb::text::Normalized& n, std::string_view original, std::size_t b, std::size_t e) {
  return std::string(original.substr(n.to_original(b), n.to_original(e) - n.to_original(b)));
}
std::string back(const pledgedb::text::Normalized& n, std::string_view original, std::string_view needle) {
  const auto b = n.text.find(needle);
  REQUIRE(b != std::string::npos);
  return back(n, original, b, b + needle.size());
}
}  // namespace

TEST_CASE("digits, separators and spaces become ASCII") {
  CHECK(normalize("١٢٣٤٥٦٧٨٩٠").text == "1234567890");
  CHECK(normalize("۱۲۳ و ۴۵۶").text == "123 و 456");
  CHECK(normalize("١٬٢٠٠ منصب").text == "1,200 منصب");
  CHECK(normalize("٢٫٥ مليار").text == "2.5 مليار");
  CHECK(normalize("1\xC2\xA0" "200").text == "1 200");             // NBSP
  CHECK(normalize("1\xE2\x80\xAF" "200").text == "1 200");         // NNBSP
  CHECK(normalize("a\xE2\x80\x89" "b\xE2\x80\x8A" "c\xE2\x80\x87" "d\xE2\x80\x82" "e\xE2\x80\x83" "f\xE3\x80\x80" "g").text ==
        "a b c d e f g");
}

TEST_CASE("dashes, apostrophes, quotes, marks") {
  CHECK(normalize("Casablanca–Settat — 2025‑2030 −5 ‒ x").text == "Casablanca-Settat - 2025-2030 -5 - x");
  CHECK(normalize("l’usine d‘ici ʼa").text == "l'usine d'ici 'a");
  CHECK(normalize("« Tanger Med » “OCP” ″x″").text == "« Tanger Med » “OCP” ″x″");
  CHECK(normalize("مـــليار").text == "مليار");                     // tatweel
  CHECK(normalize("مِلْيَارُ دِرْهَمٍ").text == "مليار درهم");          // harakat
  CHECK(normalize("هٰذا").text == "هذا");                            // superscript alef
  CHECK(normalize("\xE2\x80\x8F" "500\xE2\x80\x8E" " \xE2\x81\xA7x\xE2\x81\xA9\xE2\x80\xAB").text == "500 x");
  CHECK(normalize("zero\xE2\x80\x8Bwidth\xEF\xBB\xBF").text == "zerowidth");
  CHECK(normalize("Béni Mellal").text == "Béni Mellal");  // letters and case are kept
}

TEST_CASE("the offset map leads every normalized span back to its original words") {
  const std::string original =
      "\xE2\x80\x8F" "وقّعت الشركة اتفاقية بقيمة ١٬٥ مليـــار درهم لإحداث ٢٠٠٠ منصب شغل – "
      "l’usine de Kénitra créera 1\xC2\xA0" "200 emplois d’ici 2026 ; “Phase 2” costs $6.5\xE2\x80\xAF" "bn.";
  const auto n = normalize(original);
  CHECK(n.to_original(n.text.size()) == original.size());
  for (std::size_t i = 1; i <= n.text.size(); ++i) CHECK(n.to_original(i - 1) <= n.to_original(i));
  CHECK(back(n, original, "1,5 مليار") == "١٬٥ مليـــار");
  CHECK(back(n, original, "2000") == "٢٠٠٠");
  CHECK(back(n, original, "وقعت") == "وقّعت");
  CHECK(back(n, original, "l'usine") == "l’usine");
  CHECK(back(n, original, "Kénitra") == "Kénitra");
  CHECK(back(n, original, "1 200 emplois") == "1\xC2\xA0" "200 emplois");
  CHECK(back(n, original, "d'ici 2026") == "d’ici 2026");
  CHECK(back(n, original, "$6.5 bn") == "$6.5\xE2\x80\xAF" "bn");
  CHECK(back(n, original, "“Phase 2”") == "“Phase 2”");
  CHECK(back(n, original, "شغل - l") == "شغل – l");
  // spans starting at 0 after a removed bidi mark start at the first kept character
  CHECK(n.to_original(0) == 3);
}

namespace {
// The plain reading of normalize's rules, one code point at a time with a map entry per byte:
// the reference the shift table of Normalized must agree with.
struct PlainNormalized {
  std::string text;
  std::vector<std::size_t> origin;
};
PlainNormalized plain_normalize(std::string_view s) {
  PlainNormalized out;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = len == 1 ? c : len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
    for (std::size_t k = 1; k < len; ++k) cp = cp << 6 | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    std::string rep(s.substr(i, len));
    if (cp >= 0x0660 && cp <= 0x0669) rep = std::string(1, char('0' + (cp - 0x0660)));
    else if (cp >= 0x06F0 && cp <= 0x06F9) rep = std::string(1, char('0' + (cp - 0x06F0)));
    else if (cp == 0x066C) rep = ",";
    else if (cp == 0x066B) rep = ".";
    else if (cp == 0x00A0 || cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A)) rep = " ";
    else if (cp == 0x0640 || cp == 0x0670 || (cp >= 0x064B && cp <= 0x065F) || (cp >= 0x200B && cp <= 0x200F) ||
             cp == 0x2060 || cp == 0xFEFF || cp == 0x00AD || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069))
      rep = "";
    else if (cp == 0x2212 || cp == 0xFE58 || cp == 0xFE63 || cp == 0xFF0D || (cp >= 0x2010 && cp <= 0x2015)) rep = "-";
    else if (cp == 0x2018 || cp == 0x2019 || cp == 0x02BC) rep = "'";
    out.text += rep;
    out.origin.insert(out.origin.end(), rep.size(), i);
    i += len;
  }
  out.origin.push_back(s.size());
  return out;
}
// Random texts of `pieces`, fewer than max_pieces of them, each repeated 1..max_repeat times
// (a fixed seed: the same texts on every run).
class RandomTexts {
 public:
  explicit RandomTexts(std::uint32_t seed) : state_(seed) {}
  std::string next(const std::vector<std::string>& pieces, unsigned max_pieces, unsigned max_repeat) {
    std::string s;
    for (unsigned count = draw() % max_pieces; count > 0; --count) {
      const std::string& p = pieces[draw() % pieces.size()];
      for (unsigned rep = 1 + draw() % max_repeat; rep > 0; --rep) s += p;
    }
    return s;
  }

 private:
  unsigned draw() { return (state_ = state_ * 1103515245u + 12345u) >> 16; }
  std::uint32_t state_;
};
}  // namespace

TEST_CASE("the offset map agrees with a per-byte map on every byte of mixed texts") {
  // Pieces that are kept, replaced or removed, in every order, with runs of each.
  const std::vector<std::string> pieces = {
      "a", "Kénitra ", "الرباط", "\xD9\x80", "\xD9\x8E", "\xD9\xA2\xD9\xA0", "\xDB\xB5", "\xD9\xAC", "\xD9\xAB",
      "\xC2\xA0", "\xE2\x80\xAF", "\xE2\x80\x89", "\xE2\x80\x8B", "\xE2\x80\x8F", "\xEF\xBB\xBF", "\xC2\xAD",
      "\xE2\x80\x93", "\xE2\x88\x92", "\xE2\x80\x99", "\xCA\xBC", "\xE6\x9D\xB1", "\xF0\x9F\x98\x80", "\xDA\xA9",
      "\xD9\x81", "\xD9\x8A", "\xD9\x8B", " ", "1,200", "\n"};
  RandomTexts texts(12345);
  int checked = 0, wrong = 0;
  for (int round = 0; round < 3000; ++round) {
    const std::string s = texts.next(pieces, 24, 3);
    const auto n = normalize(s);
    const auto plain = plain_normalize(s);
    if (n.text != plain.text) ++wrong;
    for (std::size_t x = 0; x < plain.origin.size(); ++x, ++checked)
      if (n.to_original(x) != plain.origin[x]) ++wrong;
  }
  CHECK(checked > 30000);
  CHECK(wrong == 0);
}

TEST_CASE("normalize of ASCII is the identity with an identity map") {
  const std::string s = "The group will hire 1,200 people by 2026.";
  const auto n = normalize(s);
  CHECK(n.text == s);
  for (std::size_t i = 0; i <= s.size(); ++i) CHECK(n.to_original(i) == i);
  CHECK(n.shifts.empty());
  CHECK(normalize("").text.empty());
  CHECK(normalize("").to_original(0) == 0);
}

TEST_CASE("fold makes one key for the spellings of a name") {
  CHECK(fold("جهة الدار البيضاء سطات") == fold("جهة الدار البيضاء - سطات"));
  CHECK(fold("جهة الدار البيضاء – سطات") == fold("جهة الدار البيضاء سطات"));
  CHECK(fold("Casablanca–Settat") == "casablanca settat");
  CHECK(fold("CASABLANCA-SETTAT") == "casablanca settat");
  CHECK(fold("Béni Mellal") == fold("beni-mellal"));
  CHECK(fold("Béni Mellal") == "beni mellal");
  CHECK(fold("الرباط") == fold("ألرباط"));
  CHECK(fold("إقليم الرباط") == fold("اقليم الرباط"));
  CHECK(fold("آسفي") == fold("اسفي"));
  CHECK(fold("طنجة") == fold("طنجه"));
  CHECK(fold("مستشفى") == fold("مستشفي"));
  CHECK(fold("مُؤَسَّسَة") == fold("موسسه"));
  CHECK(fold("الـــرباط") == "الرباط");
  CHECK(fold("  Fès--Meknès  ") == "fes meknes");
  CHECK(fold("L’Oriental") == fold("l'oriental"));
  CHECK(fold("l'Oriental") == "l oriental");
  CHECK(fold("«Tanger Med»") == "tanger med");
  CHECK(fold("Rabat_Salé.Kénitra") == "rabat sale kenitra");
  CHECK(fold("Programme ٢٠٣٠") == "programme 2030");
  CHECK(fold("Œuvre STRASSE Straße") == "oeuvre strasse strasse");
  CHECK(fold("") == "");
  CHECK(fold(" -- ") == "");
  CHECK(fold("Dakhla-Oued Ed-Dahab") == "dakhla oued ed dahab");
}

TEST_CASE("fold gives the same key on its ASCII fast path and its Unicode path") {
  // the same ASCII words with one non-ASCII character appended take the Unicode path
  for (std::string_view s : {"Casablanca-Settat", "  L'Oriental  ", "TANGER_MED 2", "a--b..c", "x1y2 Z3"}) {
    CHECK(fold(std::string(s) + " é") == fold(s) + (fold(s).empty() ? "e" : " e"));
  }
}

TEST_CASE("fold: table fast path and ICU agree on mixed scripts") {
  // Greek/CJK take the ICU path for the whole string; the same words without them the table path
  CHECK(fold("ΑΘΗΝΑ Ñandú") == "αθηνα nandu");
  CHECK(fold("Ñandú") == "nandu");
  CHECK(fold("東京 Tōkyō") == "東京 tokyo");
  CHECK(fold("Tōkyō") == "tokyo");
  CHECK(fold("Łódź") == "łodz");  // ł has no decomposition: kept, lower-cased
  CHECK(fold("ﻻ") == fold("ﻻ"));  // presentation forms go through ICU without harm
  CHECK(fold("a\u00ADb") == "ab");
  CHECK(fold("x\xE2\x80\x8By") == "xy");  // zero-width space is not a separator
  CHECK(fold("x\xE2\x80\x89y") == "x y");  // thin space is
}

TEST_CASE("fold: every code point of the fast table folds as ICU does") {
  // " 東" sends the whole string to the ICU path; without it the table path is used
  auto utf8 = [](char32_t cp) {
    std::string r;
    if (cp < 0x800) {
      r += char(0xC0 | (cp >> 6));
    } else {
      r += char(0xE0 | (cp >> 12));
      r += char(0x80 | ((cp >> 6) & 0x3F));
    }
    r += char(0x80 | (cp & 0x3F));
    return r;
  };
  int mismatches = 0;
  auto check = [&](char32_t cp) {
    const std::string s = "a" + utf8(cp) + "b" + utf8(cp) + "-" + utf8(cp);
    if (fold(s + " \xE6\x9D\xB1") != fold(s) + " \xE6\x9D\xB1") {
      ++mismatches;
      INFO("code point " << unsigned(cp));
      CHECK(fold(s + " \xE6\x9D\xB1") == fold(s) + " \xE6\x9D\xB1");
    }
  };
  for (char32_t cp = 0x80; cp < 0x800; ++cp) check(cp);
  for (char32_t cp = 0x2000; cp < 0x2070; ++cp) check(cp);
  CHECK(mismatches == 0);
}

TEST_CASE("detect_language by script and stop words") {
  CHECK(detect_language("وقعت الحكومة اتفاقية استثمار مع شركة صناعية لإحداث 500 منصب شغل") == "ar");
  CHECK(detect_language("Le groupe a signé une convention avec le ministère pour la création de 500 emplois dans la région.") == "fr");
  CHECK(detect_language("The group signed an agreement with the ministry for the creation of 500 jobs in the region.") == "en");
  CHECK(detect_language("El grupo firmó un acuerdo con el ministerio para la creación de 500 empleos en la región.") == "es");
  CHECK(detect_language("") == "");
  CHECK(detect_language("12345 !!!") == "");
  CHECK(detect_language("OCP Tanger Med") == "");
  // Arabic text quoting a French name is still Arabic
  CHECK(detect_language("وقعت شركة Renault Group اتفاقية مع وزارة الصناعة والتجارة بالرباط") == "ar");
}

TEST_CASE("detect_language's 64-byte path counts as the plain loop does, on every byte of mixed texts") {
  using pledgedb::text::detail::count_language;
  // Letters, stop words in both cases and with accents, words of 8 and 9 bytes, Latin letters at
  // the edges of the range (À, ×, Ł, ɏ, ɐ), Arabic letters and marks below U+0620, digits,
  // punctuation and three- and four-byte characters.
  const std::vector<std::string> pieces = {
      "the", "The", "THE", "été", "ÉTÉ", "más", "millions", "emplois", "millones", "empleos", "and", "de", "l'",
      "Le", "y", "a", "Ł", "À", "×", "ɏ", "ɐ", "Kénitra", "الرباط", "\xD8\x81", "\xD9\x80", "٢٠", "2030", " ",
      "  ", ", ", ".\n", "—", "東京", "\xF0\x9F\x98\x80", "-", "_", "zz", "abcdefgh", "abcdefghi"};
  RandomTexts texts(777);
  int mismatches = 0, settled = 0;
  for (int round = 0; round < 4000; ++round) {
    const std::string s = texts.next(pieces, 90, 1);
    const auto plain = count_language(s, /*bytewise=*/true, /*settle=*/false);
    const auto fast = count_language(s, /*bytewise=*/false, /*settle=*/false);
    if (!(plain == fast)) ++mismatches;
    // Stopping early on Arabic never changes the answer.
    for (const bool bytewise : {true, false}) {
      const auto early = count_language(s, bytewise, /*settle=*/true);
      if (early.arabic_settled) {
        ++settled;
        if (!(plain.arabic * 10 >= (plain.arabic + plain.latin) * 3 && plain.arabic >= 10)) ++mismatches;
      } else if (!(early == plain)) {
        ++mismatches;
      }
    }
  }
  CHECK(mismatches == 0);
  CHECK(settled > 0);
  const auto c = count_language("The group and the ministry: été, MÁS. الرباط", true, false);
  CHECK(c.en == 3);
  CHECK(c.fr == 1);
  CHECK(c.es == 1);
  CHECK(c.arabic == 6);
}

TEST_CASE("detect_language weighs the whole text: an Arabic opening does not decide a French article") {
  const std::string arabic = "وقعت الحكومة اتفاقية استثمار مع شركة صناعية ";
  std::string french;
  for (int k = 0; k < 12; ++k) french += "Le groupe a signé une convention avec le ministère pour la région. ";
  CHECK(detect_language(arabic + french) == "fr");
  CHECK(detect_language(arabic + arabic + arabic + "Le groupe et la région.") == "ar");
}

TEST_CASE("detect_language reads accented and upper-case stop words, and no word longer than one") {
  // "été" and "más" are stop words with accented letters; capitals count as lower case.
  CHECK(detect_language("Signé, été, été, été : tout a été validé.") == "fr");
  CHECK(detect_language("Más empleos, más fábricas, más inversiones y más futuro.") == "es");
  CHECK(detect_language("THE GROUP AND THE MINISTRY SIGNED FOR THE REGION") == "en");
  // A long word ending in a stop word ("Anthe", "withthe") is not that stop word.
  CHECK(detect_language("Anthe withthe bythe Tothe Inthe Ofthe Andthe") == "");
}

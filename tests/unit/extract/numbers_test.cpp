#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "extract/lexicon_numbers.hpp"
#include "pledgedb/extract/numbers.hpp"
#include "pledgedb/text/normalize.hpp"

using pledgedb::extract::find_numbers;
using pledgedb::extract::NumberMatch;
using pledgedb::extract::parse_number;

namespace {
struct Found {
  std::string text;
  double value;
  NumberMatch m;
};

std::vector<Found> numbers(std::string_view s, std::string_view lang) {
  std::vector<Found> out;
  for (const auto& m : find_numbers(s, lang)) out.push_back({std::string(s.substr(m.begin, m.end - m.begin)), m.value, m});
  return out;
}

// The only number in s: its words and value.
Found only(std::string_view s, std::string_view lang) {
  auto all = numbers(s, lang);
  INFO("input: " << s);
  REQUIRE(all.size() == 1);
  return all[0];
}

double value_of(std::string_view s, std::string_view lang) {
  auto v = parse_number(s, lang);
  INFO("input: " << s);
  REQUIRE(v.has_value());
  return *v;
}
}  // namespace

TEST_CASE("digit groups: thousands, decimals, mixed") {
  CHECK(only("créer 1 200 emplois", "fr").value == 1200);
  CHECK(only("créer 1 200 emplois", "fr").text == "1 200");
  CHECK(only("créer 1.200 emplois", "fr").value == 1200);
  CHECK(only("hire 1,200 people", "en").value == 1200);
  CHECK(only("un taux de 1,5 pour le", "fr").value == doctest::Approx(1.5));
  CHECK(only("a ratio of 2.5 for", "en").value == doctest::Approx(2.5));
  CHECK(only("total 12,500.75 here", "en").value == doctest::Approx(12500.75));
  CHECK(only("total 1.234.567 ici", "fr").value == 1234567);
  CHECK(only("total 1.234.567,89 ici", "fr").value == doctest::Approx(1234567.89));
  CHECK(only("total 12 500 000 ici", "fr").value == 12500000);
  CHECK(only("total 500 ici", "fr").value == 500);
  CHECK(only("بقيمة 1.500 مليار درهم", "ar").value == doctest::Approx(1.5e12));
  CHECK(only("بقيمة 1.500 مليار درهم", "ar").text == "1.500 مليار");
  CHECK(only("hire 1,200", "").value == 1200);
  CHECK(only("hire 1,200", "").text == "1,200");
}

TEST_CASE("separate numbers are never glued together") {
  auto all = numbers("en 2025 500 emplois", "fr");
  REQUIRE(all.size() == 2);
  CHECK(all[0].value == 2025);
  CHECK(all[0].m.year_like);
  CHECK(all[1].value == 500);
  all = numbers("entre 2020-2025, 3 usines", "fr");
  REQUIRE(all.size() == 3);
  CHECK(all[1].value == 2025);
  CHECK(all[2].value == 3);
  // NBSP-separated groups work once normalized
  auto n = pledgedb::text::normalize("1\xC2\xA0" "200\xC2\xA0" "000 emplois");
  CHECK(only(n.text, "fr").value == 1200000);
  // dates, versions, codes and ordinals are not quantities
  CHECK(numbers("le 22.07.2025 et le 2025/07/22", "fr").empty());
  CHECK(numbers("A320 COP22 H2", "en").empty());
  CHECK(numbers("le 2ème et 15h", "fr").empty());
}

TEST_CASE("scale words and suffixes") {
  CHECK(only("soit 2 millions d'euros", "fr").value == 2e6);
  CHECK(only("soit 2 millions d'euros", "fr").text == "2 millions");
  CHECK(only("soit 2 millions d'euros", "fr").m.words);
  CHECK(only("soit 2 millions d'euros", "fr").m.scaled);
  CHECK(only("1,5 milliard de dirhams", "fr").value == doctest::Approx(1.5e9));
  CHECK(only("3.2 bn dollars", "en").value == doctest::Approx(3.2e9));
  CHECK(only("3.2bn dollars", "en").value == doctest::Approx(3.2e9));
  CHECK(only("a 500k budget", "en").value == 500000);
  CHECK_FALSE(only("a 500k budget", "en").m.words);
  CHECK(only("budget 1,2 Md€", "fr").value == doctest::Approx(1.2e9));
  CHECK(only("budget 4 Mds d'euros", "fr").value == doctest::Approx(4e9));
  CHECK(only("5 Mrd Euro", "").value == doctest::Approx(5e9));
  CHECK(only("Rs 41,000 crore", "en").value == doctest::Approx(4.1e11));
  CHECK(only("3 lakh jobs", "en").value == 3e5);
  CHECK(only("5 thousand jobs", "en").value == 5000);
  CHECK(only("five trillion", "en").value == 5e12);
  CHECK(only("11 مليار درهم", "ar").value == 11e9);
  CHECK(only("5 آلاف منصب", "ar").value == 5000);
  CHECK(only("3 ملايين", "ar").value == 3e6);
  CHECK(only("20 مليارات", "ar").value == 20e9);
  CHECK(only("2 ملايير", "ar").value == 2e9);
  CHECK(only("500 ألف", "ar").value == 500000);
  CHECK(only("mille milliards", "fr").value == 1e12);
  CHECK(only("3 millions et 500 mille", "fr").value == 3.5e6);
  CHECK(only("1 million and 200 thousand", "en").value == 1.2e6);
  auto jobs = numbers("3 millions et 500 emplois", "fr");
  REQUIRE(jobs.size() == 2);
  CHECK(jobs[0].text == "3 millions");
  CHECK(only("Rs 1.5 lakh crore", "en").value == doctest::Approx(1.5e12));
  CHECK(only("tres mil millones", "es").value == 3e9);
  CHECK(only("2 millones de empleos", "es").value == 2e6);
  // "m" is millions only next to money; otherwise metres, minutes...
  CHECK(only("$5m deal", "en").value == 5e6);
  CHECK(numbers("a 5m wall", "en").empty());
  CHECK(only("a 5 m wall", "en").value == 5);
  CHECK(only("about 5mn dollars", "en").value == 5e6);
  CHECK(only("pendant 5 mn", "fr").value == 5);
  // "M" alone is not a scale (money handles MDH, M€)
  CHECK(only("20 MDH", "fr").value == 20);
}

TEST_CASE("English words") {
  CHECK(value_of("one hundred", "en") == 100);
  CHECK(value_of("two hundred and fifty", "en") == 250);
  CHECK(value_of("ninety-nine", "en") == 99);
  CHECK(value_of("seventeen thousand", "en") == 17000);
  CHECK(value_of("one thousand two hundred", "en") == 1200);
  CHECK(value_of("a billion", "en") == 1e9);
  CHECK(value_of("twenty-one million", "en") == 21e6);
  CHECK(only("room for half a million hens", "en").value == 5e5);
  CHECK(only("room for half a million hens", "en").text == "half a million");
  CHECK(only("room for half-a-million hens", "en").value == 5e5);
  CHECK(value_of("four", "en") == 4);
  CHECK(only("will create five hundred jobs", "en").text == "five hundred");
  CHECK(only("will create five hundred jobs", "en").m.words);
  CHECK(numbers("one of the largest plants in a region", "en").empty());
  CHECK(only("one of 6 plants", "en").value == 6);
  CHECK_FALSE(parse_number("one", "en").has_value());
  CHECK_FALSE(parse_number("two three", "en").has_value());
  CHECK_FALSE(parse_number("hundred twenty five thousand thousand", "en").has_value());
  auto two = numbers("two three", "en");
  REQUIRE(two.size() == 2);
  CHECK(two[0].value == 2);
  CHECK(two[1].value == 3);
}

TEST_CASE("French words") {
  CHECK(value_of("vingt et un", "fr") == 21);
  CHECK(value_of("soixante-dix", "fr") == 70);
  CHECK(value_of("soixante et onze", "fr") == 71);
  CHECK(value_of("soixante-dix-sept", "fr") == 77);
  CHECK(value_of("quatre-vingts", "fr") == 80);
  CHECK(value_of("quatre-vingt-dix", "fr") == 90);
  CHECK(value_of("quatre-vingt-dix-neuf", "fr") == 99);
  CHECK(value_of("quatre vingt douze", "fr") == 92);
  CHECK(value_of("cent", "fr") == 100);
  CHECK(value_of("cinq cents", "fr") == 500);
  CHECK(value_of("deux cent mille", "fr") == 200000);
  CHECK(value_of("mille", "fr") == 1000);
  CHECK(value_of("trois mille cinq cents", "fr") == 3500);
  CHECK(value_of("cent quatre-vingt-dix-sept", "fr") == 197);
  CHECK(value_of("un milliard", "fr") == 1e9);
  CHECK(value_of("dix-sept", "fr") == 17);
  CHECK(value_of("Deux Millions", "fr") == 2e6);
  CHECK_FALSE(parse_number("un", "fr").has_value());
  CHECK(numbers("un projet et une usine", "fr").empty());
  CHECK(only("créer cinq cents emplois", "fr").text == "cinq cents");
  CHECK(only("une hausse de 12 pour cent", "fr").m.percent);
  CHECK(only("une hausse de 12 pour cent", "fr").text == "12 pour cent");
  CHECK(numbers("pour cent raisons", "fr").size() == 0);
  CHECK(numbers("measured per cent of output", "").empty());
  CHECK(only("cent usines", "fr").value == 100);
}

TEST_CASE("Spanish words") {
  CHECK(value_of("treinta y cinco", "es") == 35);
  CHECK(value_of("cien", "es") == 100);
  CHECK(value_of("ciento veinte", "es") == 120);
  CHECK(value_of("quinientos mil", "es") == 500000);
  CHECK(value_of("dos millones", "es") == 2e6);
  CHECK(value_of("un millón", "es") == 1e6);
  // Spanish words are not read in English text ("once" is not eleven)
  CHECK(numbers("once the plant opens", "en").empty());
}

TEST_CASE("Arabic words") {
  CHECK(value_of("خمسة", "ar") == 5);
  CHECK(value_of("الأربع", "ar") == 4);
  CHECK(value_of("الأربعة", "ar") == 4);
  CHECK(value_of("أحد عشر", "ar") == 11);
  CHECK(value_of("اثنا عشر", "ar") == 12);
  CHECK(value_of("خمسة عشر", "ar") == 15);
  CHECK(value_of("عشرون", "ar") == 20);
  CHECK(value_of("خمسة وعشرون", "ar") == 25);
  CHECK(value_of("خمسة و عشرين", "ar") == 25);
  CHECK(value_of("مائة", "ar") == 100);
  CHECK(value_of("مئة", "ar") == 100);
  CHECK(value_of("مائتان", "ar") == 200);
  CHECK(value_of("مئتين", "ar") == 200);
  CHECK(value_of("ثلاثمائة", "ar") == 300);
  CHECK(value_of("خمسمائة", "ar") == 500);
  CHECK(value_of("تسعمئة", "ar") == 900);
  CHECK(value_of("ثلاث مائة", "ar") == 300);
  CHECK(value_of("ألف", "ar") == 1000);
  CHECK(value_of("ألفان", "ar") == 2000);
  CHECK(value_of("ألفين", "ar") == 2000);
  CHECK(value_of("ثلاثة آلاف", "ar") == 3000);
  CHECK(value_of("عشرة آلاف", "ar") == 10000);
  CHECK(value_of("مليون", "ar") == 1e6);
  CHECK(value_of("مليونين", "ar") == 2e6);
  CHECK(value_of("ثلاثة ملايين", "ar") == 3e6);
  CHECK(value_of("ملياران", "ar") == 2e9);
  CHECK(value_of("خمسة مليارات", "ar") == 5e9);
  CHECK(value_of("مائة ألف", "ar") == 1e5);
  CHECK(value_of("خمسمائة ألف", "ar") == 5e5);
  CHECK(value_of("ثلاثمائة وخمسون", "ar") == 350);
  CHECK(value_of("مائة وخمسة وعشرون", "ar") == 125);
  CHECK(value_of("ألفين وخمسمائة", "ar") == 2500);
  CHECK(value_of("خمسة وعشرين ألف", "ar") == 25000);
  CHECK(value_of("مليار و200 مليون", "ar") == 1.2e9);
  CHECK(value_of("3 ملايير و 500 مليون", "ar") == 3.5e9);
  CHECK(only("مليار و200 مليون درهم", "ar").text == "مليار و200 مليون");
  auto two_numbers = numbers("مليون و200 منصب", "ar");
  REQUIRE(two_numbers.size() == 2);
  CHECK(two_numbers[0].text == "مليون");
  CHECK(two_numbers[1].value == 200);
  CHECK_FALSE(parse_number("واحد", "ar").has_value());
  CHECK_FALSE(parse_number("ملايين", "ar").has_value());
  // آلاف counts three to ten; after a bigger number it is a slip, not a multiplier
  const auto slip = numbers("من 6000 إلى 7000 آلاف عامل", "ar");
  REQUIRE(slip.size() == 2);
  CHECK(slip[1].value == 7000);
  CHECK(slip[1].text == "7000");

  // "و" before a number is the conjunction, not part of it
  auto f = only("وخمسمائة منصب", "ar");
  CHECK(f.text == "خمسمائة");
  CHECK(f.value == 500);
  // the comparator stays outside the number
  f = only("أكثر من 500 منصب شغل", "ar");
  CHECK(f.text == "500");
  CHECK(only("خلال السنوات الأربع المقبلة", "ar").value == 4);
  CHECK(only("بخمسة ملايين درهم", "ar").text == "خمسة ملايين");
  // weekdays are not numbers
  CHECK(numbers("يوم الاثنين ويوم الأحد", "ar").empty());
  CHECK(numbers("لست أدري", "ar").empty());
}

TEST_CASE("percent and year flags") {
  CHECK(only("up 15%", "en").m.percent);
  CHECK(only("up 15 %", "en").value == 15);
  CHECK(only("up 15 percent", "en").m.percent);
  CHECK(only("up 15 per cent", "en").m.percent);
  CHECK(only("ارتفاع بنسبة 20 في المائة", "ar").m.percent);
  CHECK(only("ارتفاع بنسبة 20 في المائة", "ar").text == "20 في المائة");
  CHECK(only("ارتفاع 20 بالمائة", "ar").m.percent);
  CHECK(only("ارتفاع 20 في المئة", "ar").m.percent);
  CHECK(only("ارتفاع 20٪", "ar").m.percent);
  CHECK_FALSE(only("hire 20 people", "en").m.percent);
  CHECK(only("by 2026", "en").m.year_like);
  CHECK(only("hire 2026 people", "en").m.year_like);  // the flag says "could be a year"
  CHECK_FALSE(only("hire 2,026 people", "en").m.year_like);
  CHECK_FALSE(only("hire 2500 people", "en").m.year_like);
  CHECK_FALSE(only("hire 1899 people", "en").m.year_like);
  CHECK_FALSE(only("2026 millions", "fr").m.year_like);
}

TEST_CASE("parse_number refuses leftovers") {
  CHECK(value_of("1,5 milliard", "fr") == doctest::Approx(1.5e9));
  CHECK(value_of(" 12 500 ", "fr") == 12500);
  CHECK_FALSE(parse_number("12 apples", "en").has_value());
  CHECK_FALSE(parse_number("about 12", "en").has_value());
  CHECK_FALSE(parse_number("", "en").has_value());
  CHECK_FALSE(parse_number("twelve-ish", "en").has_value());
}

TEST_CASE("offsets of numbers in mixed text map back to the original") {
  const std::string original =
      "أعلنت الشركة عن استثمار ١٬٥ مليار درهم و«خمسة آلاف» منصب؛ the plant will employ two thousand people "
      "et créera 1\xE2\x80\xAF" "200 emplois d’ici 2027.";
  const auto n = pledgedb::text::normalize(original);
  std::vector<std::string> got;
  for (const auto& m : find_numbers(n.text, "")) got.push_back(original.substr(n.to_original(m.begin), n.to_original(m.end) - n.to_original(m.begin)));
  CHECK(got == std::vector<std::string>{"١٬٥ مليار", "خمسة آلاف", "two thousand", "1\xE2\x80\xAF" "200", "2027"});
}

TEST_CASE("scanning is linear on adversarial inputs") {
  // long runs that start many attempts: each attempt must stop after a bounded look-ahead
  std::string s;
  for (int i = 0; i < 20000; ++i) s += "un ";
  CHECK(find_numbers(s, "fr").empty());
  std::string d;
  for (int i = 0; i < 20000; ++i) d += "1.";
  CHECK(find_numbers(d, "fr").size() <= 1);
  std::string w;
  for (int i = 0; i < 5000; ++i) w += "vingt ";
  CHECK(find_numbers(w, "fr").size() == 5000);
}

TEST_CASE("a half after a scale, or before it in English") {
  CHECK(only("investir deux milliards et demi de dirhams", "fr").value == 2.5e9);
  CHECK(only("investir deux milliards et demi de dirhams", "fr").text == "deux milliards et demi");
  CHECK(only("un million et demi d'euros", "fr").value == 1.5e6);
  CHECK(only("2 millions et demi", "fr").value == 2.5e6);
  CHECK(only("two and a half billion dollars", "en").value == 2.5e9);
  CHECK(only("one and a half million jobs", "en").value == 1.5e6);
  CHECK(only("one and a half million jobs", "en").text == "one and a half million");
  CHECK(only("half a billion dollars", "en").value == 0.5e9);
  // مليارين ونصف مليار / مليار ونصف / مليونين ونصف المليون
  CHECK(only("\xD9\x85\xD9\x84\xD9\x8A\xD8\xA7\xD8\xB1\xD9\x8A\xD9\x86 \xD9\x88\xD9\x86\xD8\xB5\xD9\x81 "
             "\xD9\x85\xD9\x84\xD9\x8A\xD8\xA7\xD8\xB1 \xD8\xAF\xD8\xB1\xD9\x87\xD9\x85",
             "ar")
            .value == 2.5e9);
  CHECK(only("\xD9\x85\xD9\x84\xD9\x8A\xD8\xA7\xD8\xB1 \xD9\x88\xD9\x86\xD8\xB5\xD9\x81 \xD8\xAF\xD8\xB1\xD9\x87\xD9\x85", "ar")
            .value == 1.5e9);
  const auto ar = only("\xD9\x85\xD9\x84\xD9\x8A\xD9\x88\xD9\x86\xD9\x8A\xD9\x86 \xD9\x88\xD9\x86\xD8\xB5\xD9\x81 "
                       "\xD8\xA7\xD9\x84\xD9\x85\xD9\x84\xD9\x8A\xD9\x88\xD9\x86",
                       "ar");
  CHECK(ar.value == 2.5e6);
  CHECK(ar.text.size() == std::string("\xD9\x85\xD9\x84\xD9\x8A\xD9\x88\xD9\x86\xD9\x8A\xD9\x86 \xD9\x88\xD9\x86\xD8\xB5\xD9\x81 "
                                      "\xD8\xA7\xD9\x84\xD9\x85\xD9\x84\xD9\x8A\xD9\x88\xD9\x86").size());
  // A half alone is no number.
  CHECK(numbers("une demi-journée", "fr").empty());
}

namespace {
// ASCII and Latin-1 letters in capitals (the look-up folds them back).
std::string upper(std::string_view w) {
  std::string out(w);
  for (std::size_t i = 0; i < out.size(); ++i) {
    const auto c = static_cast<unsigned char>(out[i]);
    if (c >= 'a' && c <= 'z') out[i] = static_cast<char>(c - 32);
    if (c == 0xC3 && i + 1 < out.size()) {
      const auto d = static_cast<unsigned char>(out[i + 1]);
      if (d >= 0xA0 && d <= 0xBE && d != 0xB7) out[i + 1] = static_cast<char>(d - 0x20);
      ++i;
    }
  }
  return out;
}
}  // namespace

TEST_CASE("the quick filters of the number-word look-up change none of its answers, clitics and capitals included") {
  using pledgedb::extract::detail::number_word_spellings;
  using pledgedb::extract::detail::read_number_word;
  std::vector<std::string> words;
  for (std::string_view w : number_word_spellings()) {
    const std::string s(w);
    words.push_back(s);
    words.push_back(upper(s));
    words.push_back(upper(s.substr(0, 1)) + s.substr(1));
    words.push_back(s + "s");
    words.push_back("x" + s);
    if (s.size() > 1) words.push_back(s.substr(0, s.size() - 1));
    for (const char* clitic : {"و", "ب", "ل", "ال", "وال", "بال", "لال", "لل", "ف"}) words.push_back(clitic + s);
  }
  for (const char* w : {"the", "de", "des", "and", "et", "y", "a", "A", "signed", "Centre", "lacs", "mile", "Milliardaire",
                        "investissement", "الاستثمار", "مليونير", "سيارة", "الثلاثاء", "الأحد", "لست", "وست", "والف",
                        "بثلاثة", "للخمسين", "ٱلف", "مائتى", "dólares", "ÉMIRATIS", ""}) {
    words.emplace_back(w);
  }
  std::size_t read = 0;
  for (const auto& w : words) {
    for (const char* lang : {"en", "fr", "es", "ar", ""}) {
      const auto unfiltered = read_number_word(w, lang, false);
      INFO("word: " << w << " lang: " << lang);
      CHECK(read_number_word(w, lang, true) == unfiltered);
      read += unfiltered.has_value();
    }
  }
  CHECK(read > number_word_spellings().size());  // the words themselves are read
  for (std::string_view w : number_word_spellings()) {
    INFO("word: " << w);
    CHECK((read_number_word(w, "", false) || read_number_word(w, "es", false)));
  }
}

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "extract/lexicon_numbers.hpp"
#include "pledgedb/extract/numbers.hpp"
#include "pledgedb/text/normalize.hpp"

using pledgedb::extract::find_money;
using pledgedb::extract::MoneyMatch;

namespace {
struct Amount {
  std::string text;
  double amount;
  std::string currency;
  bool words;
};

std::vector<Amount> money(std::string_view s, std::string_view lang) {
  std::vector<Amount> out;
  for (const MoneyMatch& m : find_money(s, lang))
    out.push_back({std::string(s.substr(m.begin, m.end - m.begin)), m.amount, m.currency, m.words});
  return out;
}

Amount only(std::string_view s, std::string_view lang) {
  auto all = money(s, lang);
  INFO("input: " << s);
  REQUIRE(all.size() == 1);
  return all[0];
}
}  // namespace

TEST_CASE("dirhams in French, English and Arabic") {
  auto a = only("un investissement de 5 milliards de dirhams à Tanger", "fr");
  CHECK(a.text == "5 milliards de dirhams");
  CHECK(a.amount == doctest::Approx(5e9));
  CHECK(a.currency == "MAD");
  CHECK(only("un budget de 300 millions DH", "fr").amount == doctest::Approx(3e8));
  CHECK(only("un budget de 300 millions de Dhs", "fr").currency == "MAD");
  CHECK(only("un budget de 300 MAD", "fr").amount == 300);
  a = only("un budget de 20 MDH", "fr");
  CHECK(a.amount == doctest::Approx(2e7));
  CHECK(a.text == "20 MDH");
  CHECK(only("un budget de 2,5 MMDH", "fr").amount == doctest::Approx(2.5e9));
  CHECK(only("un budget de 40MDH", "fr").amount == doctest::Approx(4e7));
  a = only("باستثمار قدره 11 مليار درهم", "ar");
  CHECK(a.text == "11 مليار درهم");
  CHECK(a.amount == doctest::Approx(11e9));
  CHECK(a.currency == "MAD");
  a = only("بغلاف مالي قدره خمسة ملايين درهم", "ar");
  CHECK(a.amount == doctest::Approx(5e6));
  CHECK(a.words);
  CHECK(only("بقيمة مليار درهم", "ar").amount == doctest::Approx(1e9));
  CHECK(only("بقيمة 3 ملايير من الدراهم", "ar").text == "3 ملايير من الدراهم");
  CHECK(only("an investment of MAD 500 million", "en").amount == doctest::Approx(5e8));
}

TEST_CASE("Emirati dirhams are AED") {
  CHECK(only("un contrat de 200 millions de dirhams émiratis", "fr").currency == "AED");
  CHECK(only("a 200 million UAE dirhams contract", "en").currency == "AED");
  CHECK(only("a 200 million UAE dirhams contract", "en").text == "200 million UAE dirhams");
  CHECK(only("بقيمة 200 مليون درهم إماراتي", "ar").currency == "AED");
  CHECK(only("a AED 50 million deal", "en").currency == "AED");
  CHECK(only("200 millions de dirhams des Émirats", "fr").currency == "AED");
  CHECK(only("200 millions de dirhams marocains", "fr").currency == "MAD");
}

TEST_CASE("dollars, euros, pounds") {
  auto a = only("a $6.5 billion gigafactory", "en");
  CHECK(a.text == "$6.5 billion");
  CHECK(a.amount == doctest::Approx(6.5e9));
  CHECK(a.currency == "USD");
  CHECK_FALSE(a.words == false);  // "billion" is a word
  CHECK(only("6,5 milliards de dollars", "fr").amount == doctest::Approx(6.5e9));
  CHECK(only("6,5 milliards de dollars", "fr").currency == "USD");
  CHECK(only("US$ 300 million", "en").amount == doctest::Approx(3e8));
  CHECK(only("US$300m", "en").amount == doctest::Approx(3e8));
  CHECK(only("USD 12 bn", "en").amount == doctest::Approx(12e9));
  CHECK(only("500 millions de dollars US", "fr").currency == "USD");
  CHECK(only("500 دولار", "ar").currency == "USD");
  CHECK(only("بقيمة 2 مليار دولار أمريكي", "ar").amount == doctest::Approx(2e9));
  CHECK(only("€3m grant", "en").amount == doctest::Approx(3e6));
  CHECK(only("a 1 million d'euros", "fr").text == "1 million d'euros");
  CHECK(only("40 EUR", "en").currency == "EUR");
  CHECK(only("200 يورو", "ar").currency == "EUR");
  CHECK(only("un budget de 3 M€", "fr").amount == doctest::Approx(3e6));
  CHECK(only("un budget de 1,2 Md€", "fr").amount == doctest::Approx(1.2e9));
  CHECK(only("un budget de 2 Mds€", "fr").amount == doctest::Approx(2e9));
  CHECK(only("Md€ 1,2 pour le port", "fr").amount == doctest::Approx(1.2e9));
  CHECK(only("£40 million", "en").currency == "GBP");
  CHECK(only("40 million pounds sterling", "en").currency == "GBP");
  CHECK(only("40 GBP", "en").currency == "GBP");
  CHECK(only("200 millions de livres sterling", "fr").currency == "GBP");
  CHECK(money("40 pounds of flour", "en").empty());
  CHECK(only("500 $", "fr").currency == "USD");
  CHECK(only("40 million Canadian dollars", "en").currency == "CAD");
}

TEST_CASE("rupees, riyals, shillings, pesos, yuan and other ISO codes") {
  auto a = only("an outlay of Rs 41,000 crore", "en");
  CHECK(a.text == "Rs 41,000 crore");
  CHECK(a.amount == doctest::Approx(4.1e11));
  CHECK(a.currency == "INR");
  CHECK(only("Rs. 500 crore", "en").amount == doctest::Approx(5e9));
  CHECK(only("₹2,000 crore", "en").amount == doctest::Approx(2e10));
  CHECK(only("5,000 crore rupees", "en").amount == doctest::Approx(5e10));
  CHECK(only("INR 30 lakh", "en").amount == doctest::Approx(3e6));
  CHECK(only("10 billion riyals", "en").currency == "SAR");
  CHECK(only("SAR 10 billion", "en").currency == "SAR");
  CHECK(only("بقيمة 10 مليارات ريال", "ar").currency == "SAR");
  CHECK(only("KSh 2 billion", "en").currency == "KES");
  CHECK(only("Ksh2bn", "en").amount == doctest::Approx(2e9));
  CHECK(only("2 billion Kenyan shillings", "en").currency == "KES");
  CHECK(only("will invest Sh7.5 billion in a plant", "en").amount == doctest::Approx(7.5e9));
  CHECK(only("will invest Sh7.5 billion in a plant", "en").currency == "KES");
  CHECK(only("KES 2 billion", "en").currency == "KES");
  CHECK(only("900 millones de pesos", "es").currency == "MXN");
  CHECK(only("MXN 900 million", "en").currency == "MXN");
  CHECK(only("5 billion yuan", "en").currency == "CNY");
  CHECK(only("RMB 5 billion", "en").currency == "CNY");
  CHECK(only("CNY 5 billion", "en").currency == "CNY");
  CHECK(only("JPY 20 billion", "en").currency == "JPY");  // any ISO 4217 code in capitals
}

TEST_CASE("numbers without a currency are not money") {
  CHECK(money("1,200 jobs by 2026", "en").empty());
  CHECK(money("5 milliards d'habitants", "fr").empty());
  CHECK(money("up 15% in dollars terms", "en").empty());
  CHECK(money("dollars 500", "en").empty());
  CHECK(money("ALL 500 workers", "en").empty());
}

TEST_CASE("money offsets map back through normalization") {
  const std::string original =
      "تبلغ كلفة المشروع ١١ مليـار درهم، and a $6.5\xC2\xA0" "billion plant; soit 6,5 milliards de dollars.";
  const auto n = pledgedb::text::normalize(original);
  std::vector<std::string> got;
  for (const auto& m : find_money(n.text, "")) got.push_back(original.substr(n.to_original(m.begin), n.to_original(m.end) - n.to_original(m.begin)));
  CHECK(got == std::vector<std::string>{"١١ مليـار درهم", "$6.5\xC2\xA0" "billion", "6,5 milliards de dollars"});
}

TEST_CASE("find_money from numbers already found gives the same amounts") {
  const std::string s = "un budget de 3 M€ et 6,5 milliards de dollars pour 1 200 emplois";
  const auto nums = pledgedb::extract::find_numbers(s, "fr");
  const auto a = find_money(s, "fr");
  const auto b = find_money(s, "fr", nums);
  REQUIRE(a.size() == 2);
  REQUIRE(b.size() == 2);
  for (std::size_t i = 0; i < 2; ++i) {
    CHECK(a[i].begin == b[i].begin);
    CHECK(a[i].end == b[i].end);
    CHECK(a[i].amount == b[i].amount);
    CHECK(a[i].currency == b[i].currency);
  }
}

TEST_CASE("currency and nationality words share one table: the article, a nationality after or before") {
  using pledgedb::extract::detail::currency_at;
  for (std::string word : {"درهم", "دراهم", "درهما", "دولار", "دولارات", "دولارا", "يورو", "أورو", "روبية", "ريال",
                           "ريالات", "يوان", "جنيه"}) {
    const auto bare = currency_at(word, 0, "ar");
    const std::string with_article = "ال" + word;
    const auto with = currency_at(with_article, 0, "ar");
    INFO("word: " << word);
    REQUIRE(bare);
    REQUIRE(with);
    CHECK(with->iso == bare->iso);
    CHECK(with->end == with_article.size());
  }
  CHECK_FALSE(currency_at("الدار", 0, "ar"));
  CHECK_FALSE(currency_at("American", 0, "en"));  // a nationality alone is no currency
  CHECK_FALSE(currency_at("الأمريكي", 0, "ar"));
  const std::string usd_ar = "دولار أمريكي";
  CHECK(currency_at(usd_ar, 0, "ar")->iso == "USD");
  CHECK(currency_at(usd_ar, 0, "ar")->end == usd_ar.size());
  CHECK(currency_at("dirhams émiratis", 0, "fr")->iso == "AED");
  CHECK(currency_at("US dollars", 0, "en")->iso == "USD");
  CHECK(currency_at("Kenyan shillings", 0, "en")->iso == "KES");
  CHECK(currency_at("pounds sterling", 0, "en")->iso == "GBP");
  CHECK(currency_at("Dirhams", 0, "fr")->iso == "MAD");
}

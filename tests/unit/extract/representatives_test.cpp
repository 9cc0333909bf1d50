// People who sign or speak for a party become its representative, with their title in English;
// a title with no named body next to it, or no name next to it, gives nothing. Every sentence is
// written for these tests.
#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "pledgedb/extract/extractor.hpp"
#include "support/announcement.hpp"

using namespace pledgedb;
using pledgedb::test::party_named;

namespace {
Announcement run(std::string text, std::string lang) {
  Document d;
  d.text = std::move(text);
  d.language = std::move(lang);
  d.published = Date(2025, 3, 10);
  return extract::extract(d);
}
// The party is there, with that representative and title.
void check_representative(const Announcement& a, std::string_view party, std::string_view name,
                          std::string_view title) {
  INFO("party: " << party);
  const auto* p = party_named(a, party);
  REQUIRE(p);
  CHECK(p->representative == name);
  CHECK(p->title == title);
}
}  // namespace

TEST_CASE("title, body, then name: French and English") {
  const auto fr = run(
      "La convention a été signée par le ministre de l'Industrie, Ryad Mezzour, et le PDG du groupe Valdor, Marc "
      "Dubreuil. Valdor créera 500 emplois.",
      "fr");
  check_representative(fr, "Ministry of Industry and Trade", "Ryad Mezzour", "minister");
  check_representative(fr, "Valdor", "Marc Dubreuil", "CEO");
}

TEST_CASE("name, comma, title of body, and a weekday is no part of a name") {
  const auto en = run(
      "The agreement was signed on Thursday by Sara Alami, director general of AMDIE, and Kenji Mori, chief "
      "executive of Miraco Group. Miraco Group will create 800 jobs in Tangier.",
      "en");
  check_representative(en, "AMDIE", "Sara Alami", "director general");
  check_representative(en, "Miraco Group", "Kenji Mori", "chief executive");
}

TEST_CASE("in a list of names and titles each name goes with the title after it") {
  const auto fr = run(
      "Étaient présents Ryad Mezzour, ministre de l'Industrie et du Commerce, et Karim Zidane, ministre délégué "
      "chargé de l'Investissement. Le groupe Valdor créera 500 emplois.",
      "fr");
  const auto* industry = party_named(fr, "Ministry of Industry and Trade");
  const auto* investment = party_named(fr, "Ministry Delegate for Investment");
  REQUIRE(industry);
  REQUIRE(investment);
  CHECK(industry->representative == "Ryad Mezzour");
  CHECK(investment->representative == "Karim Zidane");
  CHECK(investment->title == "minister delegate");
}

TEST_CASE("Arabic: the minister's name after the portfolio") {
  // وقع الاتفاقية وزير الصناعة والتجارة رياض مزور، وستحدث شركة Valdor حوالي 500 منصب شغل.
  const auto ar = run(
      "\xD9\x88\xD9\x82\xD8\xB9 \xD8\xA7\xD9\x84\xD8\xA7\xD8\xAA\xD9\x81\xD8\xA7\xD9\x82\xD9\x8A\xD8\xA9 "
      "\xD9\x88\xD8\xB2\xD9\x8A\xD8\xB1 \xD8\xA7\xD9\x84\xD8\xB5\xD9\x86\xD8\xA7\xD8\xB9\xD8\xA9 "
      "\xD9\x88\xD8\xA7\xD9\x84\xD8\xAA\xD8\xAC\xD8\xA7\xD8\xB1\xD8\xA9 \xD8\xB1\xD9\x8A\xD8\xA7\xD8\xB6 "
      "\xD9\x85\xD8\xB2\xD9\x88\xD8\xB1\xD8\x8C \xD9\x88\xD8\xB3\xD8\xAA\xD8\xAD\xD8\xAF\xD8\xAB \xD8\xB4\xD8\xB1\xD9\x83\xD8\xA9 "
      "Valdor \xD8\xAD\xD9\x88\xD8\xA7\xD9\x84\xD9\x8A 500 \xD9\x85\xD9\x86\xD8\xB5\xD8\xA8 \xD8\xB4\xD8\xBA\xD9\x84.",
      "ar");
  const auto* m = party_named(ar, "Ministry of Industry and Trade");
  REQUIRE(m);
  CHECK(m->representative == "\xD8\xB1\xD9\x8A\xD8\xA7\xD8\xB6 \xD9\x85\xD8\xB2\xD9\x88\xD8\xB1");  // رياض مزور
  CHECK(m->title == "minister");
}

TEST_CASE("no body or no name: no representative is guessed") {
  const auto a = run("Le ministre a salué le projet. Le groupe Valdor créera 500 emplois.", "fr");
  const auto* v = party_named(a, "Valdor");
  REQUIRE(v);
  CHECK(v->representative.empty());
  // A minister without a portfolio names no ministry: nobody to represent.
  const auto b = run("Minister Ryad Mezzour said on Thursday that Valdor Group will create 500 jobs.", "en");
  for (const auto& ag : b.agreements)
    for (const auto& p : ag.parties) CHECK(p.representative.empty());
}

TEST_CASE("company, title, name: the person is the company's representative, not a company") {
  const auto en = run("Valdor Group CEO Marc Dubreuil said the company will create 500 jobs in Tangier.", "en");
  CHECK_FALSE(party_named(en, "Marc Dubreuil"));
  check_representative(en, "Valdor Group", "Marc Dubreuil", "CEO");
}

TEST_CASE("company's title, name: the possessive names the body") {
  const auto en = run(
      "Valdor Group will open a plant in Kenitra with 800 jobs. Halden Textiles will hire 300 workers there. "
      "Halden Textiles\u2019 rival aside, Valdor Group\u2019s executive directors Marc Dubreuil and Anne Roy signed "
      "the agreement on Monday.",
      "en");
  check_representative(en, "Valdor Group", "Marc Dubreuil", "executive director");
  check_representative(en, "Halden Textiles", "", "");  // no title of its own
}

TEST_CASE("name, comma, body and title: the name before the body, unless a name follows the title") {
  const auto before = run(
      "Valdor Group will create 500 jobs in Tangier by 2027, said Lena Holm, Valdor Group spokesperson.", "en");
  check_representative(before, "Valdor Group", "Lena Holm", "spokesperson");
  const auto after = run(
      "The agreement was signed by Minister Ryad Mezzour, Valdor Group CEO Marc Dubreuil and others. Valdor Group "
      "will create 500 jobs in Tangier.",
      "en");
  check_representative(after, "Valdor Group", "Marc Dubreuil", "CEO");
}

TEST_CASE("a company title with no body names the article's one company's representative") {
  const auto en = run(
      "Swedish battery maker Nordvolt AB will build a $900 million plant in Guanajuato. The plant will employ up to "
      "1,200 workers, Chief Executive Lena Holm told reporters.",
      "en");
  check_representative(en, "Nordvolt AB", "Lena Holm", "chief executive");
}

TEST_CASE("a state named before a head's title is that state's government, added when not named otherwise") {
  const auto en = run(
      "Harbor Wind Inc will invest $500 million in a blade plant and create 900 jobs by 2028, according to "
      "Wisconsin Governor Ann Reyes.",
      "en");
  const auto* g = party_named(en, "State of Wisconsin");
  REQUIRE(g);
  CHECK(g->kind == PartyKind::government);
  CHECK(g->country == "US");
  CHECK(g->representative == "Ann Reyes");
  CHECK(g->title == "governor");
  // A country before the title is no state: nothing is added for it.
  const auto cn = run("Harbor Wind Inc will invest $500 million in a blade plant, China President Li Wei said.", "en");
  for (const auto& ag : cn.agreements)
    for (const auto& p : ag.parties) CHECK(p.name.find("China") == std::string::npos);
}

TEST_CASE("a company title with no body, in an article about one main company among others") {
  const auto en = run(
      "Harbor Wind Inc will invest $500 million in a blade plant in Oran. Harbor Wind Inc picked the site over one "
      "offered by Delta Blades Ltd. CEO Lena Holm said the plant will open in 2027.",
      "en");
  check_representative(en, "Harbor Wind Inc", "Lena Holm", "CEO");
}

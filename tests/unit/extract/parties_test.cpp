// Parties and roles found by the extractor.
#include <doctest/doctest.h>

#include <string>

#include "pledgedb/extract/extractor.hpp"
#include "support/announcement.hpp"

using namespace pledgedb;
using pledgedb::test::party_named;

namespace {
Announcement run(std::string text, std::string lang, const extract::Options& o = {}) {
  Document d;
  d.text = std::move(text);
  d.language = std::move(lang);
  return extract::extract(d, o);
}
}  // namespace

TEST_CASE("ministries are named by portfolio in English whatever the language") {
  const auto a = run("وقعت شركة Onepoint بروتوكول اتفاق مع وزارة الصناعة والتجارة والوزير المنتدب المكلف بالاستثمار "
                     "من أجل إحداث 500 منصب شغل.",
                     "ar");
  const auto* m = party_named(a, "Ministry of Industry and Trade");
  REQUIRE(m);
  CHECK(m->kind == PartyKind::ministry);
  CHECK(m->role == Role::signatory);
  CHECK(party_named(a, "Ministry Delegate for Investment"));
  const auto* o = party_named(a, "Onepoint");
  REQUIRE(o);
  CHECK(o->role == Role::investor);
}

TEST_CASE("a person after a title is not a company, and the company with the pledge is the investor") {
  const auto a = run("Le ministre de l'Industrie, Karim Benali, a salué le projet. La société Atlas Câbles va créer "
                     "1 200 emplois d'ici 2026.",
                     "fr");
  CHECK_FALSE(party_named(a, "Karim Benali"));
  const auto* c = party_named(a, "Atlas Câbles");
  REQUIRE(c);
  CHECK(c->role == Role::investor);
}

TEST_CASE("known parties are recognised by their aliases") {
  extract::Options o;
  o.known_parties.push_back({"Renault", PartyKind::company, "FR", {"رونو"}});
  const auto a = run("تعتزم رونو تشغيل 5000 عامل في أفق سنة 2014.", "ar", o);
  REQUIRE(a.agreements.size() == 1);
  REQUIRE(a.agreements[0].commitments.size() == 1);
  CHECK(a.agreements[0].commitments[0].party == "Renault");
}

TEST_CASE("an article listing several deals gives one agreement per investor") {
  const auto a = run("Kilimo Foods will invest Sh2 billion in a dairy plant in Nakuru. Separately, Pwani Steel Limited will "
                     "invest Sh5 billion in a rolling mill in Mombasa, creating 800 jobs.",
                     "en");
  REQUIRE(a.agreements.size() == 2);
  CHECK(a.agreements[0].commitments[0].party == "Kilimo Foods");
  CHECK(a.agreements[1].commitments[0].party == "Pwani Steel Limited");
  CHECK(a.agreements[1].commitments.size() == 2);
}

TEST_CASE("a state government is named after its state, one word or several") {
  const auto a = run("Corvel Batteries signed an agreement with the Tamil Nadu government to invest Rs 2,000 crore in a "
                     "cell plant, creating 1,500 jobs.",
                     "en");
  const auto* g = party_named(a, "Government of Tamil Nadu");
  REQUIRE(g);
  CHECK(g->kind == PartyKind::government);
  CHECK(g->country == "IN");
  CHECK_FALSE(party_named(a, "Government of India"));
  const auto b = run("Corvel Batteries signed an agreement with the Gujarat government to create 1,500 jobs.", "en");
  CHECK(party_named(b, "Government of Gujarat"));
}

// Scoring rules of `pledgedb eval` on tiny synthetic gold/prediction pairs.
#include <doctest/doctest.h>

#include <string>

#include "pledgedb/extract/eval.hpp"

using namespace pledgedb;

namespace {
Commitment com(Metric m, double target, std::string party = "Onepoint", std::optional<Date> deadline = std::nullopt,
               Comparator c = Comparator::exactly) {
  Commitment x;
  x.metric = m;
  x.target = target;
  x.party = std::move(party);
  x.deadline = deadline;
  x.comparator = c;
  return x;
}
Announcement ann(std::string lang, std::vector<Commitment> cs, std::string region = "") {
  Announcement a;
  a.language = std::move(lang);
  a.kind = AnnouncementKind::announcement;
  Agreement ag;
  ag.region = std::move(region);
  ag.country = "MA";
  ag.commitments = std::move(cs);
  a.agreements.push_back(std::move(ag));
  return a;
}
const extract::SlotScore& slot(const std::vector<extract::SlotScore>& s, const std::string& lang, const std::string& name) {
  for (const auto& x : s)
    if (x.language == lang && x.slot == name) return x;
  FAIL("no slot " << lang << "/" << name);
  return s.front();
}
}  // namespace

TEST_CASE("commitments match on metric and target within 0.5%") {
  extract::EvalCase k;
  k.gold = ann("fr", {com(Metric::jobs, 500), com(Metric::investment, 1e9)});
  k.predicted = ann("fr", {com(Metric::jobs, 502), com(Metric::investment, 1.1e9), com(Metric::jobs, 80)});
  const auto s = extract::evaluate({k});
  const auto& all = slot(s, "fr", "commitments");
  CHECK(all.tp == 1);
  CHECK(all.fp == 2);
  CHECK(all.fn == 1);
  CHECK(*all.precision() == doctest::Approx(1.0 / 3));
  CHECK(*all.recall() == doctest::Approx(0.5));
  CHECK(slot(s, "fr", "jobs").fp == 1);
  CHECK(slot(s, "fr", "investment").fn == 1);
  CHECK(slot(s, "all", "commitments").tp == 1);
}

TEST_CASE("deadline, comparator and party are scored over matched pairs") {
  extract::EvalCase k;
  k.gold = ann("en", {com(Metric::jobs, 500, "Onepoint", Date(2029, 12, 31), Comparator::at_least),
                      com(Metric::jobs, 1200, "Atlas Cables", Date(2024, 12, 31), Comparator::about)});
  k.predicted = ann("en", {com(Metric::jobs, 500, "Onepoint SA", Date(2029, 7, 22), Comparator::at_least),
                           com(Metric::jobs, 1200, "Medicaire")});
  const auto s = extract::evaluate({k});
  CHECK(slot(s, "en", "deadline_year").tp == 1);
  CHECK(slot(s, "en", "deadline_year").fn == 1);
  CHECK(slot(s, "en", "deadline_exact").tp == 0);
  CHECK(slot(s, "en", "comparator").tp == 1);
  CHECK(slot(s, "en", "comparator").fp == 1);
  CHECK(slot(s, "en", "party").tp == 1);
  CHECK(slot(s, "en", "party").fp == 1);
}

TEST_CASE("gold commitments without a target are not scored, and pledges on 'none' documents are invented") {
  extract::EvalCase k;
  k.gold = ann("en", {});
  Commitment qualitative;
  qualitative.metric = Metric::other;
  k.gold.agreements[0].commitments.push_back(qualitative);
  k.predicted = ann("en", {});
  CHECK(slot(extract::evaluate({k}), "en", "commitments").fn == 0);

  extract::EvalCase none;
  none.gold.language = "en";
  none.gold.kind = AnnouncementKind::none;
  none.predicted = ann("en", {com(Metric::jobs, 119000)});
  const auto s = extract::evaluate({none});
  CHECK(slot(s, "en", "invented").fp == 1);
  CHECK_FALSE(slot(s, "en", "invented").recall());
}

TEST_CASE("regions compare first-level codes, whatever the spelling") {
  extract::EvalCase k;
  k.gold = ann("ar", {}, "Casablanca-Settat");
  k.predicted = ann("ar", {});
  k.predicted.agreements[0].region_code = "MA-06";
  CHECK(slot(extract::evaluate({k}), "ar", "region").tp == 1);
}

TEST_CASE("a region the gold leaves unjudged (a city, no region) is not counted, any other is") {
  extract::EvalCase k;
  k.gold = ann("en", {});
  k.gold.agreements[0].city = "Tangier";
  k.gold.agreements[0].country = "MA";
  k.predicted = ann("en", {});
  k.predicted.agreements[0].region_code = "MA-01";  // Tanger-Tetouan-Al Hoceima
  auto region = slot(extract::evaluate({k}), "en", "region");
  CHECK(region.tp == 0);
  CHECK(region.fp == 0);
  CHECK(region.fn == 0);

  k.predicted.agreements[0].region_code = "MA-06";  // not where Tangier is
  region = slot(extract::evaluate({k}), "en", "region");
  CHECK(region.fp == 1);

  // A city the gazetteer does not know judges nothing either way.
  k.gold.agreements[0].city = "Nowhereville";
  region = slot(extract::evaluate({k}), "en", "region");
  CHECK(region.fp == 1);
}

TEST_CASE("party names match by fold, containment, acronym and ministry portfolio") {
  CHECK(extract::same_party("Onepoint", "ONEPOINT"));
  CHECK(extract::same_party("Grasim Industries Limited (GIL)", "Grasim"));
  CHECK(extract::same_party("Wisconsin Economic Development Corporation", "WEDC"));
  CHECK(extract::same_party("Ministry Delegate for Investment", "Ministry of Investment"));
  CHECK_FALSE(extract::same_party("Ministry of Industry and Trade", "Ministry of Investment"));
  CHECK_FALSE(extract::same_party("Tesla", "SolarCity"));
}

TEST_CASE("mismatches list each missed, extra and wrong value with its document") {
  extract::EvalCase k;
  k.name = "dir/atlas-fr.json";
  k.gold = ann("fr", {com(Metric::jobs, 800, "Atlas Cables", Date(2027, 12, 31)), com(Metric::investment, 2e8)});
  k.predicted = ann("fr", {com(Metric::jobs, 800, "Atlas Cables", Date(2028, 12, 31)), com(Metric::jobs, 35)});
  const auto m = extract::mismatches({k});
  auto find = [&](const std::string& slot, const std::string& error) -> const extract::Mismatch* {
    for (const auto& x : m)
      if (x.slot == slot && x.error == error) return &x;
    return nullptr;
  };
  const auto* missed = find("commitments", "fn");
  REQUIRE(missed);
  CHECK(missed->file == "dir/atlas-fr.json");
  CHECK(missed->language == "fr");
  CHECK(missed->expected.find("investment 200000000") == 0);
  const auto* extra = find("commitments", "fp");
  REQUIRE(extra);
  CHECK(extra->got.find("jobs 35") == 0);
  const auto* late = find("deadline_year", "wrong");
  REQUIRE(late);
  CHECK(late->expected == "2027-12-31");
  CHECK(late->got.find("2028-12-31") == 0);
  // As many listed errors as evaluate() counts for these slots.
  const auto s = extract::evaluate({k});
  CHECK(slot(s, "fr", "commitments").fp + slot(s, "fr", "commitments").fn == 2);
}

#include <doctest/doctest.h>

#include "pledgedb/ingest/ingest.hpp"

using namespace pledgedb;
using namespace pledgedb::ingest;

TEST_CASE("acronym_of takes the initials of the significant words") {
  CHECK(acronym_of("Agence Marocaine de Développement des Investissements et des Exportations") == "AMDIE");
  CHECK(acronym_of("United Phosphorous Limited") == "UPL");
  CHECK(acronym_of("Office of the United States Trade Representative") == "OUSTR");
  CHECK(acronym_of("Renault") == "");          // one word: no acronym
  CHECK(acronym_of("وكالة التنمية") == "");     // Arabic names pair with acronyms only through the text
}

TEST_CASE("looks_like_acronym and split_parenthetical") {
  CHECK(looks_like_acronym("AMDIE"));
  CHECK(looks_like_acronym("UPL"));
  CHECK_FALSE(looks_like_acronym("Renault"));
  CHECK_FALSE(looks_like_acronym("A"));
  auto [name, paren] = split_parenthetical("United Phosphorous Limited (UPL)");
  CHECK(name == "United Phosphorous Limited");
  CHECK(paren == "UPL");
  auto [plain, none] = split_parenthetical("Onepoint");
  CHECK(plain == "Onepoint");
  CHECK(none.empty());
}

TEST_CASE("consonant skeletons of Arabic and Latin spellings meet") {
  CHECK(consonant_skeleton("Atlas Data Systems") == consonant_skeleton("أطلس داتا سيستمز"));
  CHECK(consonant_skeleton("Foxconn") == consonant_skeleton("فوكسكون"));
  CHECK(consonant_skeleton("Onepoint") == consonant_skeleton("وان بوينت"));
  CHECK(consonant_skeleton("Onepoint") != consonant_skeleton("Renault"));
  CHECK(consonant_skeleton("Tesla") != consonant_skeleton("فوكسكون"));
}

namespace {
MergeFacts facts(std::optional<Date> signed_on, std::optional<Date> published, std::string region, std::vector<Pledge> pledges) {
  MergeFacts f;
  f.signed_on = signed_on;
  f.first_published = f.last_published = published;
  f.region_code = std::move(region);
  f.pledges = std::move(pledges);
  return f;
}
}  // namespace

TEST_CASE("signings more than 45 days apart rule a merge out whatever else agrees") {
  // What the merger relies on to skip reading a candidate's pledges: the best case otherwise
  // (the same pledge, the same province, the only such agreement of the investor there).
  const Pledge jobs500{Metric::jobs, 500, Date(2029, 7, 22)};
  const auto a = facts(Date(2025, 7, 22), Date(2025, 7, 23), "MA-06-CAS", {jobs500});
  MergeContext sole;
  sole.sole_in_region = true;
  const auto near = facts(Date(2025, 9, 5), Date(2025, 9, 5), "MA-06-CAS", {jobs500});   // 45 days later
  const auto far = facts(Date(2025, 9, 6), Date(2025, 9, 6), "MA-06-CAS", {jobs500});    // 46 days later
  CHECK_FALSE(signings_rule_out_merge(a.signed_on, near.signed_on));
  CHECK(score_merge(a, near, RegionRelation::same, sole).match);
  CHECK(signings_rule_out_merge(a.signed_on, far.signed_on));
  CHECK(signings_rule_out_merge(far.signed_on, a.signed_on));
  CHECK_FALSE(score_merge(a, far, RegionRelation::same, sole).match);
  CHECK_FALSE(score_merge(far, a, RegionRelation::same, sole).match);
  // An unknown signing rules nothing out.
  CHECK_FALSE(signings_rule_out_merge(std::nullopt, a.signed_on));
  CHECK_FALSE(signings_rule_out_merge(a.signed_on, std::nullopt));
}

TEST_CASE("the investor's count in the region matters only when a side is undated") {
  const Pledge jobs500{Metric::jobs, 500, std::nullopt};
  const auto dated = facts(Date(2025, 7, 22), std::nullopt, "MA-06-CAS", {jobs500});
  const auto published = facts(std::nullopt, Date(2025, 7, 22), "MA-06-CAS", {jobs500});
  const auto undated = facts(std::nullopt, std::nullopt, "MA-06-CAS", {jobs500});
  CHECK_FALSE(sole_in_region_counts(dated, published));
  CHECK(sole_in_region_counts(undated, dated));
  CHECK(sole_in_region_counts(dated, undated));
  // Where it counts, it decides: an undated article and an agreement 2 years older.
  const auto old = facts(Date(2023, 7, 22), std::nullopt, "MA-06-CAS", {jobs500});
  MergeContext sole;
  sole.sole_in_region = true;
  CHECK(score_merge(old, undated, RegionRelation::same, sole).score ==
        score_merge(old, undated, RegionRelation::same).score + 1);
}

TEST_CASE("score_merge: same signing and pledge merge - far dates or another region do not") {
  const Pledge jobs500{Metric::jobs, 500, Date(2029, 7, 22)};
  const auto a = facts(Date(2025, 7, 22), Date(2025, 7, 23), "MA-06", {jobs500});
  const auto b = facts(Date(2025, 7, 22), Date(2025, 7, 25), "MA-06", {{Metric::jobs, 520, std::nullopt}});
  CHECK(score_merge(a, b, RegionRelation::same).match);

  // Two years apart, different pledge: another project of the same company.
  const auto c = facts(Date(2027, 3, 9), Date(2027, 3, 10), "MA-06", {{Metric::jobs, 300, Date(2028, 12, 31)}});
  CHECK_FALSE(score_merge(a, c, RegionRelation::same).match);

  // Same date and pledge but another region: incompatible whatever the score.
  const auto d = facts(Date(2025, 7, 22), Date(2025, 7, 23), "MA-09", {jobs500});
  const auto s = score_merge(a, d, RegionRelation::different);
  CHECK_FALSE(s.compatible);
  CHECK_FALSE(s.match);

  // Signing unknown: publications within 120 days and an overlapping pledge are enough.
  const auto e = facts(std::nullopt, Date(2025, 9, 1), "", {{Metric::jobs, 500, std::nullopt}});
  CHECK(score_merge(a, e, RegionRelation::unknown).match);
  // ... but not publications two years apart without any other signal.
  const auto f = facts(std::nullopt, Date(2027, 9, 1), "", {{Metric::investment, 1e9, std::nullopt}});
  CHECK_FALSE(score_merge(a, f, RegionRelation::unknown).match);
}

TEST_CASE("score_merge: different programs never merge") {
  auto a = facts(Date(2025, 7, 22), std::nullopt, "MA-06", {});
  auto b = a;
  a.program = "Digital Morocco 2030";
  b.program = "Plan d'accélération industrielle";
  CHECK_FALSE(score_merge(a, b, RegionRelation::same).match);
  b.program = "digital morocco 2030";
  CHECK(score_merge(a, b, RegionRelation::same).match);
}

TEST_CASE("targets_close is a 10% band") {
  CHECK(targets_close(500, 520));
  CHECK(targets_close(1000, 1100));
  CHECK_FALSE(targets_close(500, 400));
}

TEST_CASE("company_core_key drops corporate designators and spaces") {
  CHECK(company_core_key("Grasim Industries Limited") == company_core_key("Grasim"));
  CHECK(company_core_key("Rongtai Steel Limited") == company_core_key("Rongtai Steel"));
  CHECK(company_core_key("China Wu Yi") == company_core_key("China Wuyi"));
  CHECK(company_core_key("Renault Group") != company_core_key("Renault Nissan"));
  CHECK(company_core_key("ABC Ltd") == "");  // too short to match on
}

TEST_CASE("programs_compatible when the words of one are all in the other") {
  CHECK(programs_compatible("Investment Charter", "New Investment Charter"));
  CHECK(programs_compatible("", "Digital Morocco 2030"));
  CHECK_FALSE(programs_compatible("Digital Morocco 2030", "Plan Maroc Vert"));
}

TEST_CASE("score_merge: a restated pledge merges however far apart the dates - a different one does not") {
  const auto signing = facts(Date(2022, 5, 9), Date(2022, 5, 10), "MA-04", {{Metric::jobs, 1200, Date(2024, 12, 31)}});
  // Three years later, no signing date, the same 1,200 jobs restated.
  const auto follow = facts(std::nullopt, Date(2025, 2, 4), "MA-04", {{Metric::jobs, 1200, Date(2024, 12, 31)}});
  CHECK(score_merge(signing, follow, RegionRelation::same).match);
  // Or recalls the original signing date.
  auto dated = follow;
  dated.signed_on = Date(2022, 5, 9);
  CHECK(score_merge(signing, dated, RegionRelation::unknown).match);
  // A signing of its own years later is another agreement, even with the same round number.
  dated.signed_on = Date(2025, 1, 30);
  CHECK_FALSE(score_merge(signing, dated, RegionRelation::same).match);
  // Far apart, same deadline year but another number: a second project, not a restatement.
  const auto other = facts(Date(2025, 1, 30), Date(2025, 2, 4), "MA-04", {{Metric::jobs, 3000, Date(2024, 12, 31)}});
  CHECK_FALSE(score_merge(signing, other, RegionRelation::same).match);
  // Far apart with a target stated on one side only and the same deadline year: a restatement.
  const auto no_target = facts(std::nullopt, Date(2025, 2, 4), "", {{Metric::jobs, std::nullopt, Date(2024, 12, 31)}});
  CHECK(score_merge(signing, no_target, RegionRelation::unknown).match);
  // The same pledge in another region is still another agreement.
  CHECK_FALSE(score_merge(signing, follow, RegionRelation::different).match);
}

TEST_CASE("pledges_agree: one amount in two currencies, comparators as ranges") {
  const Pledge shillings{Metric::investment, 19.4e9, std::nullopt, "KES"};
  // 19.4 billion shillings reported by another outlet as "about 150 million dollars".
  CHECK(pledges_agree(shillings, {Metric::investment, 150e6, std::nullopt, "USD", Comparator::about}));
  CHECK(pledges_agree(shillings, {Metric::investment, 19.5e9, std::nullopt, "KES"}));  // rounding
  // The same digits in another currency are another amount.
  CHECK_FALSE(pledges_agree({Metric::investment, 10e9, std::nullopt, "MAD"}, {Metric::investment, 10e9, std::nullopt, "USD"}));
  // Dirhams written three ways are one currency.
  CHECK(pledges_agree({Metric::investment, 1e9, std::nullopt, "DH"}, {Metric::investment, 1e9, std::nullopt, "MAD"}));
  // Euros against dollars: a conversion within 25%, not any number.
  CHECK(pledges_agree({Metric::investment, 500e6, std::nullopt, "EUR"}, {Metric::investment, 540e6, std::nullopt, "USD"}));
  CHECK_FALSE(pledges_agree({Metric::investment, 500e6, std::nullopt, "EUR"}, {Metric::investment, 1e9, std::nullopt, "USD"}));
  // "More than 500 jobs" and "600 jobs" agree; "up to 500" and "700" do not; exact numbers keep the 10% band.
  CHECK(pledges_agree({Metric::jobs, 500, std::nullopt, "jobs", Comparator::at_least}, {Metric::jobs, 600, std::nullopt, "jobs"}));
  CHECK_FALSE(pledges_agree({Metric::jobs, 500, std::nullopt, "jobs", Comparator::up_to}, {Metric::jobs, 700, std::nullopt, "jobs"}));
  CHECK(pledges_agree({Metric::jobs, 500, std::nullopt, "jobs", Comparator::up_to}, {Metric::jobs, 400, std::nullopt, "jobs"}));
  CHECK_FALSE(pledges_agree({Metric::jobs, 500, std::nullopt}, {Metric::jobs, 400, std::nullopt}));
  // Another metric, or no number, never agrees.
  CHECK_FALSE(pledges_agree({Metric::jobs, 500, std::nullopt}, {Metric::training, 500, std::nullopt}));
  CHECK_FALSE(pledges_agree({Metric::jobs, std::nullopt, std::nullopt}, {Metric::jobs, 500, std::nullopt}));
  CHECK(approximate_usd("usd") == doctest::Approx(1));
  CHECK_FALSE(approximate_usd("engineers"));
}

TEST_CASE("score_merge: a converted amount is a restated pledge") {
  const auto local = facts(Date(2025, 4, 23), Date(2025, 4, 23), "KE-22", {{Metric::investment, 19.4e9, std::nullopt, "KES"}});
  const auto dollars = facts(std::nullopt, Date(2025, 5, 2), "KE-22", {{Metric::investment, 150e6, std::nullopt, "USD"}});
  CHECK(score_merge(local, dollars, RegionRelation::same).score >= 4);
  const auto other = facts(std::nullopt, Date(2025, 5, 2), "KE-22", {{Metric::investment, 900e6, std::nullopt, "USD"}});
  CHECK(score_merge(local, other, RegionRelation::same).score < score_merge(local, dollars, RegionRelation::same).score);
}

TEST_CASE("score_merge: an undated article about the investor's only project of that kind in the region") {
  const auto plant = facts(Date(2012, 2, 9), std::nullopt, "MA-01", {{Metric::jobs, 6000, std::nullopt}});
  // A profile years later with other figures and no date at all.
  const auto undated = facts(std::nullopt, std::nullopt, "MA-01", {{Metric::jobs, 1000, std::nullopt}});
  MergeContext sole;
  sole.sole_in_region = true;
  CHECK(score_merge(plant, undated, RegionRelation::same, sole).match);
  // Symmetric: the undated article came first.
  CHECK(score_merge(undated, plant, RegionRelation::same, sole).match);
  // Two projects of that kind there: nothing says which one.
  CHECK_FALSE(score_merge(plant, undated, RegionRelation::same).match);
  // Another region is never the same project.
  auto elsewhere = undated;
  elsewhere.region_code = "MA-06";
  CHECK_FALSE(score_merge(plant, elsewhere, RegionRelation::different, sole).match);
  // Only the country is known: a country holds too many projects of one company.
  const auto country_plant = facts(Date(2012, 2, 9), std::nullopt, "MA", {{Metric::jobs, 6000, std::nullopt}});
  auto country_undated = undated;
  country_undated.region_code = "MA";
  CHECK_FALSE(score_merge(country_plant, country_undated, RegionRelation::same, sole).match);
  // A dated article with another date and other figures is not rescued by being the only one.
  const auto later = facts(Date(2016, 6, 1), Date(2016, 6, 2), "MA-01", {{Metric::jobs, 1000, std::nullopt}});
  CHECK_FALSE(score_merge(plant, later, RegionRelation::same, sole).match);
}

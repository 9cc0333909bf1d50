// General constructions the extractor must read right (issue #3): superseded targets, public
// policy targets, restated rates, coordinated figures, baselines, counts whose noun comes first,
// money already spent, targets reported as reached. Every sentence is written for these tests.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "pledgedb/extract/extractor.hpp"
#include "support/announcement.hpp"
#include "pledgedb/extract/numbers.hpp"

using namespace pledgedb;
using pledgedb::test::party_named;

namespace {

Announcement run(std::string text, std::string lang, std::optional<Date> published = Date(2025, 3, 10)) {
  Document d;
  d.path = "test";
  d.text = std::move(text);
  d.language = std::move(lang);
  d.published = published;
  return extract::extract(d);
}

std::vector<Commitment> of_metric(const Announcement& a, Metric m) {
  std::vector<Commitment> out;
  for (const auto& ag : a.agreements)
    for (const auto& c : ag.commitments)
      if (c.metric == m) out.push_back(c);
  return out;
}

std::vector<double> targets(const Announcement& a, Metric m) {
  std::vector<double> out;
  for (const auto& c : of_metric(a, m)) out.push_back(c.target.value_or(-1));
  return out;
}

const ProgressStatement* progress_of(const Announcement& a, Metric m, double value) {
  for (const auto& p : a.progress)
    if (p.metric == m && p.value == value) return &p;
  return nullptr;
}

}  // namespace

TEST_CASE("a target of an original agreement that a revised one replaced is no pledge, nor the sum restating it") {
  const auto a = run(
      "Delta Pumps opened its Sfax plant last month. The original agreement with the province required Delta Pumps "
      "to hire 900 workers at the plant and another 600 workers at local suppliers. This gave the firm a target of "
      "1,500 jobs. Under the revised agreement, Delta Pumps will create 700 jobs by 2027.",
      "en");
  CHECK(targets(a, Metric::jobs) == std::vector<double>{700});
}

TEST_CASE("a public policy's goal quoted in a company announcement is not the company's pledge") {
  const auto a = run(
      "Lumen Textiles will create 2,000 jobs at its new plant in Fes. \"We are proud to back the Regional Textile "
      "Policy, which aims to create 80,000 jobs in the region,\" its chairman said.",
      "en");
  CHECK(targets(a, Metric::jobs) == std::vector<double>{2000});
  SUBCASE("a company named after the policy word still pledges") {
    const auto b = run("Under the new industrial policy, Lumen Textiles will create 2,000 jobs in Fes by 2027.", "en");
    CHECK(targets(b, Metric::jobs) == std::vector<double>{2000});
  }
}

TEST_CASE("export revenue goals are not investment") {
  const auto a = run(
      "La feuille de route vise aussi la hausse des revenus d'exportation du secteur, qui devraient passer de 5 "
      "milliards de dirhams à 9 milliards de dirhams d'ici 2028.",
      "fr");
  CHECK(of_metric(a, Metric::investment).empty());
}

TEST_CASE("hires counted as a noun are jobs and merge with the same pledge stated with its deadline") {
  const auto a = run(
      "Le groupe Nova Data prévoit le recrutement de 300 ingénieurs au Maroc. \"Nous visons plus de 300 "
      "recrutements sur 3 ans\", a déclaré son président.",
      "fr", Date(2025, 5, 6));
  const auto jobs = of_metric(a, Metric::jobs);
  REQUIRE(jobs.size() == 1);
  CHECK(jobs[0].target == 300);
  REQUIRE(jobs[0].deadline);
  CHECK(jobs[0].deadline->year() == 2028);
}

TEST_CASE("a comparator before the first of two joined figures covers the second") {
  SUBCASE("English") {
    const auto a = run("Kestrel Motors will create about 800 direct jobs and 4,000 indirect jobs in Kenitra.", "en");
    const auto jobs = of_metric(a, Metric::jobs);
    REQUIRE(jobs.size() == 2);
    CHECK(jobs[0].comparator == Comparator::about);
    CHECK(jobs[1].comparator == Comparator::about);
  }
  SUBCASE("Arabic, with the conjunction attached to the figure") {
    const auto a = run("ستخلق شركة كيسترل نحو 800 منصب شغل مباشر و4 آلاف منصب شغل غير مباشر بالقنيطرة.", "ar");
    const auto jobs = of_metric(a, Metric::jobs);
    REQUIRE(jobs.size() == 2);
    CHECK(jobs[1].target == 4000);
    CHECK(jobs[1].comparator == Comparator::about);
  }
  SUBCASE("a figure after another verb keeps its own comparator") {
    const auto a = run("Kestrel Motors will create about 800 jobs in 2026 and will add 1,000 jobs in 2028.", "en");
    const auto jobs = of_metric(a, Metric::jobs);
    REQUIRE(jobs.size() == 2);
    CHECK(jobs[1].comparator == Comparator::exactly);
  }
}

TEST_CASE("a production rate restated per year is one capacity pledge, with the rate's deadline") {
  const auto a = run(
      "The Kestrel plant will produce 20 cars an hour by 2027, equivalent to about 150,000 cars a year.", "en");
  const auto cap = of_metric(a, Metric::capacity);
  REQUIRE(cap.size() == 1);
  CHECK(cap[0].target == 150000);
  CHECK(cap[0].comparator == Comparator::about);
  REQUIRE(cap[0].deadline);
  CHECK(cap[0].deadline->year() == 2027);
  CHECK(cap[0].evidence.size() == 2);
}

TEST_CASE("the starting figure of 'from X to Y' is where a named company stands now, in a follow-up article") {
  const auto a = run(
      "Kestrel Motors will take on more staff at its Kenitra plant: the workforce will grow from 3,000 to 3,800 "
      "workers next year, the carmaker said.",
      "en");
  CHECK(targets(a, Metric::jobs) == std::vector<double>{3800});
  CHECK(progress_of(a, Metric::jobs, 3000) != nullptr);
  SUBCASE("no company: a sector's starting point is nobody's progress") {
    const auto b = run("Le nombre d'emplois du secteur devrait passer de 30 000 à 45 000 emplois d'ici 2030.", "fr");
    CHECK(b.progress.empty());
  }
  SUBCASE("in the article that announces a signing, it stays a baseline") {
    const auto c = run(
        "Kestrel Motors signed an investment agreement on 4 March 2025 in Rabat: the workforce of its Kenitra plant "
        "will grow from 3,000 to 3,800 workers by 2027.",
        "en");
    CHECK(c.progress.empty());
    CHECK(targets(c, Metric::jobs) == std::vector<double>{3800});
  }
}

TEST_CASE("a count whose noun stands before it: employment total, workforce, عدد العاملين") {
  const auto a = run("Kestrel's latest filing shows an employment total of 812 at the Albany plant so far.", "en");
  CHECK(progress_of(a, Metric::jobs, 812) != nullptr);
  const auto b = run("وأوضحت شركة كيسترل أن عدد العاملين بمصنعها بلغ حتى الآن 1450 بعد سنتين من افتتاحه.", "ar");
  CHECK(progress_of(b, Metric::jobs, 1450) != nullptr);
}

TEST_CASE("money already spent is progress on the investment pledge") {
  const auto a = run("Kestrel Motors said it has invested about $240 million in the Albany site since 2021.", "en");
  CHECK(progress_of(a, Metric::investment, 240e6) != nullptr);
  CHECK(of_metric(a, Metric::investment).empty());
  const auto b = run("وقد كلف بناء مصنع شركة كيسترل، الذي دشن بطنجة، 500 مليون درهم.", "ar");
  CHECK(progress_of(b, Metric::investment, 500e6) != nullptr);
  SUBCASE("aid received is not the investor's money") {
    const auto c = run("Kestrel Motors has already received $40 million in state assistance.", "en");
    CHECK(c.progress.empty());
  }
}

TEST_CASE("a target reported as surpassed is both the pledge and progress reaching it") {
  const auto a = run(
      "Kestrel Motors has already surpassed its first target, one that required it to create 300 jobs by June 2024.",
      "en");
  CHECK(targets(a, Metric::jobs) == std::vector<double>{300});
  CHECK(progress_of(a, Metric::jobs, 300) != nullptr);
  SUBCASE("not when the target was missed") {
    const auto b = run("Kestrel Motors has not met its first target, one that required it to create 300 jobs by June 2024.",
                       "en");
    CHECK(progress_of(b, Metric::jobs, 300) == nullptr);
  }
}

TEST_CASE("the same observed figure said twice is one progress statement with two evidence spans") {
  const auto a = run(
      "Kestrel Motors plans to raise output at its Kenitra plant from 90,000 cars to 160,000 cars in 2026. The plant "
      "has produced more than 90,000 cars a year since it opened.",
      "en");
  int n = 0;
  for (const auto& p : a.progress) n += p.metric == Metric::capacity && p.value == 90000;
  CHECK(n == 1);
  const auto* p = progress_of(a, Metric::capacity, 90000);
  REQUIRE(p);
  CHECK(p->evidence.size() == 2);
}

TEST_CASE("the letter ra between digits is the decimal mark of Moroccan agency copy, fraction first") {
  CHECK(extract::parse_number("4ر2", "ar") == doctest::Approx(2.4));
  CHECK(extract::parse_number("6ر0", "ar") == doctest::Approx(0.6));
  CHECK(extract::parse_number("25ر1", "ar") == doctest::Approx(1.25));
  CHECK(extract::parse_number("4ر2 مليار", "ar") == doctest::Approx(2.4e9));
  CHECK_FALSE(extract::parse_number("4ر2", "fr").has_value());  // only in Arabic text
  const auto a = run("وسيستثمر مجمع كيسترل 2ر3 مليار درهم في مصنعه الجديد بالقنيطرة.", "ar");
  CHECK(targets(a, Metric::investment) == std::vector<double>{3.2e9});
}

TEST_CASE("party names: persons introduced with a title, apposition with a pledge verb, a country as first word") {
  SUBCASE("a minister named in a list with the title, then bare as a subject, is no investor") {
    const auto a = run(
        "Le protocole a été paraphé par les ministres Hind Alaoui, Karim Bensaid et Omar Tazi, ainsi que par le "
        "président de la société Nexora. Karim Bensaid a salué un projet qui vise à recruter plus de 400 ingénieurs "
        "à Tanger.",
        "fr");
    const auto jobs = of_metric(a, Metric::jobs);
    REQUIRE(jobs.size() == 1);
    CHECK(jobs[0].party == "Nexora");
    for (const auto& ag : a.agreements)
      for (const auto& p : ag.parties) CHECK(p.name != "Karim Bensaid");
  }
  SUBCASE("'is X, which will invest' names the investor in mid-sentence") {
    const auto a = run(
        "Heading the list is Lotus Mining, which will invest Sh12 billion in a copper plant in Kitui. Marwa Foods "
        "Limited will invest Sh2 billion in Nakuru.",
        "en");
    const auto inv = of_metric(a, Metric::investment);
    REQUIRE(inv.size() == 2);
    CHECK(inv[0].party == "Lotus Mining");
    CHECK(inv[1].party == "Marwa Foods Limited");
  }
  SUBCASE("a company name starting with a country does not make every mention of the country that company") {
    const auto a = run(
        "Kenya Fresh Farms will invest Sh2 billion in a packing house in Nakuru. The largest slice of Sh5 billion "
        "will go to Kisumu, where Kenya's Lakeside Group plans to build a fish processing plant.",
        "en");
    const auto inv = of_metric(a, Metric::investment);
    REQUIRE(inv.size() == 2);
    CHECK(inv[0].party == "Kenya Fresh Farms");
    CHECK(inv[1].party == "Lakeside Group");
  }
}

TEST_CASE("a date named as the deadline in a sentence without figures dates the undated pledge just before it") {
  const auto a = run(
      "The revised contract requires Kestrel Motors to create 1,200 jobs at the Albany plant within two years of "
      "completion. The company says it is hiring quickly to meet the state's March 2027 deadline.",
      "en", std::nullopt);
  const auto jobs = of_metric(a, Metric::jobs);
  REQUIRE(jobs.size() == 1);
  REQUIRE(jobs[0].deadline);
  CHECK(*jobs[0].deadline == Date(2027, 3, 31));
  CHECK(jobs[0].deadline_text == "March 2027");
  SUBCASE("a pledge with its own deadline keeps it") {
    const auto b = run(
        "Kestrel Motors will create 1,200 jobs at the Albany plant by 2026. Unions want the state's March 2027 "
        "deadline for the road works kept.",
        "en", std::nullopt);
    const auto j = of_metric(b, Metric::jobs);
    REQUIRE(j.size() == 1);
    REQUIRE(j[0].deadline);
    CHECK(j[0].deadline->year() == 2026);
  }
  SUBCASE("a deadline far from any pledge dates nothing") {
    const auto c = run(
        "The revised contract requires Kestrel Motors to create 1,200 jobs at the Albany plant within two years. "
        "The site is large. It has two halls. Its roads are new. Officials cited a March 2027 deadline.",
        "en", std::nullopt);
    const auto j = of_metric(c, Metric::jobs);
    REQUIRE(j.size() == 1);
    CHECK_FALSE(j[0].deadline.has_value());
  }
}

TEST_CASE("spending a sum on a project is investment") {
  const auto a = run("Orion Hotels is spending Sh3 billion to refurbish two hotels in Mombasa.", "en");
  CHECK(targets(a, Metric::investment) == std::vector<double>{3e9});
}

TEST_CASE("a production capacity may count millions, a job count may not") {
  const auto a = run("Lumen Textiles plans to build a factory in Fes that will create 3 million jobs.", "en");
  const auto b = run("Lumen Textiles plans to build a factory in Fes that will produce 18 million garments a year.", "en");
  CHECK(targets(b, Metric::capacity) == std::vector<double>{18e6});
  CHECK(of_metric(a, Metric::jobs).empty());
}

TEST_CASE("'units' are products only where the clause speaks of producing") {
  const auto a = run("Kestrel Motors will build two units in Tangier, operational by 2027 and 2029.", "en");
  CHECK(of_metric(a, Metric::capacity).empty());
  const auto b = run("Kestrel Motors will produce 200,000 units a year in Tangier by 2027.", "en");
  CHECK(targets(b, Metric::capacity) == std::vector<double>{200000});
}

TEST_CASE("a national program's goal quoted as background of a company's deal is not the company's pledge") {
  const auto a = run(
      "La société Nexora a signé un protocole d'accord avec le gouvernement pour ouvrir un centre de données à "
      "Rabat. Le Maroc a lancé la stratégie Maroc Digital 2030 pour accélérer sa transformation. L'un de ses "
      "objectifs est de former 60 000 jeunes d'ici 2030. Le projet de Nexora prévoit le recrutement de 250 "
      "ingénieurs d'ici 2028.",
      "fr");
  CHECK(of_metric(a, Metric::training).empty());
  CHECK(targets(a, Metric::jobs) == std::vector<double>{250});
  SUBCASE("in an article about the program itself, its goals are the government's pledges") {
    const auto b = run(
        "Le gouvernement a présenté la stratégie Maroc Digital 2030. L'un de ses objectifs est de former 60 000 "
        "jeunes d'ici 2030.",
        "fr");
    CHECK(targets(b, Metric::training) == std::vector<double>{60000});
  }
}

namespace {
Announcement run_fixture(const std::string& name, std::string lang, std::optional<Date> published) {
  std::ifstream in(std::string(PLEDGEDB_FIXTURES) + "/extract/" + name, std::ios::binary);
  REQUIRE(in);
  std::stringstream ss;
  ss << in.rdbuf();
  return run(ss.str(), std::move(lang), published);
}
std::vector<std::string> party_names(const Announcement& a) {
  std::vector<std::string> out;
  for (const auto& ag : a.agreements)
    for (const auto& p : ag.parties) out.push_back(p.name);
  return out;
}
}  // namespace

TEST_CASE("fixture: a follow-up with a superseded deal, a policy goal, a reached milestone, a named deadline") {
  const auto a = run_fixture("superseded-policy-progress-en.txt", "en", Date(2025, 9, 1));
  // The revised 1,100 and the 300 milestone; not the original 1,100 + 900 = 2,000 nor the policy's 60,000.
  CHECK(targets(a, Metric::jobs) == std::vector<double>{1100, 300});
  for (const auto& c : of_metric(a, Metric::jobs)) CHECK(c.party == "Halvard Batteries");
  CHECK(progress_of(a, Metric::jobs, 300) != nullptr);
  CHECK(progress_of(a, Metric::jobs, 640) != nullptr);
  CHECK(progress_of(a, Metric::investment, 410e6) != nullptr);
  for (const auto& n : party_names(a)) CHECK(n.find("Policy") == std::string::npos);
  CHECK(of_metric(a, Metric::investment).empty());
}

TEST_CASE("fixture: an Arabic follow-up with a 'from X to Y' workforce, a restated rate, paired figures, MAP decimals") {
  const auto a = run_fixture("follow-up-baseline-ar.txt", "ar", Date(2025, 9, 1));
  CHECK(targets(a, Metric::jobs) == std::vector<double>{5200, 900, 3000});
  for (const auto& c : of_metric(a, Metric::jobs))
    if (c.target == 3000) CHECK(c.comparator == Comparator::about);
  const auto cap = of_metric(a, Metric::capacity);
  REQUIRE(cap.size() == 1);
  CHECK(cap[0].target == 180000);
  REQUIRE(cap[0].deadline);
  CHECK(cap[0].deadline->year() == 2027);
  CHECK(progress_of(a, Metric::jobs, 4000) != nullptr);
  CHECK(progress_of(a, Metric::investment, 3.2e9) != nullptr);
}

TEST_CASE("fixture: a French signing with named ministers, a national program as background, hires as a noun") {
  const auto a = run_fixture("national-background-fr.txt", "fr", Date(2025, 9, 1));
  const auto jobs = of_metric(a, Metric::jobs);
  REQUIRE(jobs.size() == 1);
  CHECK(jobs[0].target == 350);
  CHECK(jobs[0].comparator == Comparator::at_least);
  CHECK(jobs[0].party == "Veltis");
  CHECK(jobs[0].evidence.size() == 2);
  CHECK(of_metric(a, Metric::training).empty());
  for (const auto& n : party_names(a)) CHECK(n != "Nabil Ouazzani");
}

TEST_CASE("a headcount at a site in another region is not progress on this pledge") {
  const auto a = run(
      "Orvane, a maker of aircraft seats, will hire 250 engineers at its new site in Tangier over the next four "
      "years. The company signed a convention with the regional investment centre. Orvane already employs 900 "
      "people in Casablanca.",
      "en");
  CHECK(targets(a, Metric::jobs) == std::vector<double>{250});
  CHECK(a.progress.empty());
  SUBCASE("the same headcount at the pledge's site is progress in a follow-up") {
    const auto b = run(
        "Orvane, which pledged in 2023 to hire 250 engineers in Tangier, now employs 190 people at its Tangier "
        "site.",
        "en");
    CHECK(progress_of(b, Metric::jobs, 190) != nullptr);
  }
}

TEST_CASE("a signing still to come dates no agreement") {
  const auto a = run(
      "Kestrel Motors will invest $500 million in a plant in Albany. The governor said the state will grant tax "
      "credits and sign a memorandum of understanding with Kestrel on 14 March 2025.",
      "en");
  REQUIRE_FALSE(a.agreements.empty());
  CHECK_FALSE(a.agreements[0].signed_on.has_value());
  const auto b = run(
      "Kestrel Motors signed a memorandum of understanding with the state on 4 March 2025. It will invest $500 "
      "million in a plant in Albany.",
      "en");
  REQUIRE_FALSE(b.agreements.empty());
  CHECK(b.agreements[0].signed_on == Date(2025, 3, 4));
}

TEST_CASE("a title inside a capitalised run names a person, a company reporting figures is a company") {
  const auto a = run(
      "Kestrel Motors will invest $300 million in a plant in Albany, said Kestrel Chief Executive Mara Quint. "
      "Senate Majority Leader Tom Avery, a critic of the deal, said the state gave too much.",
      "en");
  for (const auto& n : party_names(a)) {
    CHECK(n.find("Quint") == std::string::npos);
    CHECK(n.find("Avery") == std::string::npos);
  }
  const auto b = run(
      "Velora submitted its annual jobs report to the state. Velora reported having 812 jobs at the Albany plant "
      "so far.",
      "en");
  const auto* p = progress_of(b, Metric::jobs, 812);
  REQUIRE(p);
  CHECK(p->party == "Velora");
}

TEST_CASE("guards: a first-phase plan is no superseded target, a country's figures are no company's baseline, raised money is no spending") {
  const auto a = run("Kestrel Motors' initial plan is to hire 200 workers at the Albany plant by 2026, the company said.",
                     "en");
  CHECK(targets(a, Metric::jobs) == std::vector<double>{200});
  const auto b = run(
      "Kestrel Motors will create 500 jobs in Tangier by 2027. Morocco's car exports should go from 400,000 to "
      "700,000 cars by 2030.",
      "en");
  CHECK(progress_of(b, Metric::capacity, 400000) == nullptr);
  const auto c = run("Velora has already raised $40 million from venture funds.", "en");
  CHECK(c.progress.empty());
}

TEST_CASE("Arabic construct duals before a noun: مائتي، ألفي، مليوني، ملياري") {
  CHECK(extract::parse_number("مائتي", "ar") == doctest::Approx(200));
  CHECK(extract::parse_number("ألفي", "ar") == doctest::Approx(2000));
  CHECK(extract::parse_number("مليوني", "ar") == doctest::Approx(2e6));
  CHECK(extract::parse_number("ملياري", "ar") == doctest::Approx(2e9));
  const auto a = run("وتعتزم شركة كيسترل إحداث أكثر من ألفي منصب شغل مباشر بمصنعها الجديد بطنجة.", "ar");
  const auto jobs = of_metric(a, Metric::jobs);
  REQUIRE(jobs.size() == 1);
  CHECK(jobs[0].target == 2000);
  CHECK(jobs[0].comparator == Comparator::at_least);
}

TEST_CASE("a sentence opener is no part of the company name after it") {
  const auto a = run("Lotus Mining will invest Sh12 billion in Kitui. Then Marwa Foods Limited will invest Sh2 billion in "
                     "Nakuru.",
                     "en");
  const auto inv = of_metric(a, Metric::investment);
  REQUIRE(inv.size() == 2);
  CHECK(inv[1].party == "Marwa Foods Limited");
}

TEST_CASE("a level reached is progress, a level to reach is a pledge") {
  const auto a = run("L'effectif de l'usine de Veltis à Fès a atteint 450 personnes.", "fr");
  CHECK(progress_of(a, Metric::jobs, 450) != nullptr);
  const auto b = run("Kestrel's workforce at the Albany plant has reached 820 employees.", "en");
  CHECK(progress_of(b, Metric::jobs, 820) != nullptr);
  const auto c = run("Veltis vise à atteindre 450 emplois à Fès d'ici 2027.", "fr");
  CHECK(c.progress.empty());
  CHECK(targets(c, Metric::jobs) == std::vector<double>{450});
}

TEST_CASE("in an article about a policy itself, its goals stay pledges") {
  const auto a = run("Le gouvernement a présenté sa nouvelle politique industrielle, qui vise à créer 90 000 emplois d'ici "
                     "2030.",
                     "fr");
  CHECK(targets(a, Metric::jobs) == std::vector<double>{90000});
}

TEST_CASE("fixtures: sector reviews with statistics, exports, markets and a past policy goal give no pledge") {
  for (const auto& [name, lang] : {std::pair<std::string, std::string>{"no-pledge-sector-review-en.txt", "en"},
                                   {"no-pledge-sector-review-fr.txt", "fr"},
                                   {"no-pledge-sector-review-ar.txt", "ar"}}) {
    CAPTURE(name);
    const auto a = run_fixture(name, lang, Date(2024, 11, 20));
    for (const auto& ag : a.agreements) CHECK(ag.commitments.empty());
    CHECK(a.progress.empty());
  }
}

TEST_CASE("in a round-up of several companies' deals, a deal whose investor is not named is its own agreement") {
  const auto a = run(
      "The ministry signed four investment deals on Monday in Rabat. Atlas Motors will invest $200 million in a "
      "plant in Tangier, creating 1,200 jobs. In Agadir, Dunes Foods will spend $50 million on a cannery. A $30 "
      "million pact covers cold stores in Meknes, with the aim of creating 400 jobs. Turkish investors will build a "
      "$12 million packaging unit, plus a warehouse. Traders also gain from a $25 million deal for a logistics hub. "
      "Plans put the hub in Kenitra.",
      "en");
  REQUIRE(a.agreements.size() == 5);
  auto agreement_with = [&](double amount) -> const Agreement* {
    for (const auto& ag : a.agreements)
      for (const auto& c : ag.commitments)
        if (c.metric == Metric::investment && c.target == amount) return &ag;
    return nullptr;
  };
  const auto* dunes = agreement_with(50e6);
  REQUIRE(dunes != nullptr);
  CHECK(dunes->commitments.size() == 1);  // the later unnamed deals are not Dunes Foods'
  CHECK(dunes->region_code == "MA-09");

  const auto* pact = agreement_with(30e6);
  REQUIRE(pact != nullptr);
  CHECK(pact != dunes);
  CHECK(pact->region_code == "MA-03");  // Meknes
  REQUIRE(pact->commitments.size() == 2);  // its jobs go with it
  for (const auto& c : pact->commitments) CHECK(c.party.empty());

  // No place in its sentence, and the one before is another deal's: no region rather than a guess.
  const auto* packaging = agreement_with(12e6);
  REQUIRE(packaging != nullptr);
  CHECK(packaging->region_code.empty());
  CHECK(packaging->commitments.front().party.empty());

  // Its place is in the sentence after it.
  const auto* hub = agreement_with(25e6);
  REQUIRE(hub != nullptr);
  CHECK(hub->region_code == "MA-04");
}

TEST_CASE("with a single company, a deal sentence that names nobody is still that company's") {
  const auto a = run(
      "Atlas Motors signed an agreement with the ministry in Rabat on Monday. A $30 million deal covers a new paint "
      "shop at its Tangier plant, creating 300 jobs.",
      "en");
  REQUIRE(a.agreements.size() == 1);
  for (const auto& c : a.agreements[0].commitments) CHECK(c.party == "Atlas Motors");
  CHECK(targets(a, Metric::investment) == std::vector<double>{30e6});
}

TEST_CASE("capacity in cubic metres, rooms or beds, and 'تصل إلى' as up to") {
  const auto a = run(
      "\xD9\x88\xD9\x82\xD8\xB9\xD8\xAA \xD8\xB4\xD8\xB1\xD9\x83\xD8\xA9 \"Aqua Nova\" \xD8\xA7\xD8\xAA\xD9\x81\xD8\xA7\xD9\x82\xD9\x8A\xD8\xA9 "
      "\xD9\x84\xD8\xA5\xD9\x86\xD8\xAC\xD8\xA7\xD8\xB2 \xD9\x85\xD8\xAD\xD8\xB7\xD8\xA9 \xD9\x84\xD8\xAA\xD8\xAD\xD9\x84\xD9\x8A\xD8\xA9 "
      "\xD8\xA7\xD9\x84\xD9\x85\xD9\x8A\xD8\xA7\xD9\x87 \xD8\xA8\xD9\x82\xD8\xAF\xD8\xB1\xD8\xA9 \xD8\xA5\xD9\x86\xD8\xAA\xD8\xA7\xD8\xAC\xD9\x8A\xD8\xA9 "
      "\xD8\xAA\xD8\xB5\xD9\x84 \xD8\xA5\xD9\x84\xD9\x89 80 \xD8\xA3\xD9\x84\xD9\x81 \xD9\x85\xD8\xAA\xD8\xB1 \xD9\x85\xD9\x83\xD8\xB9\xD8\xA8 "
      "\xD9\x8A\xD9\x88\xD9\x85\xD9\x8A\xD8\xA7.",  // وقعت شركة "Aqua Nova" اتفاقية لإنجاز محطة لتحلية المياه بقدرة إنتاجية تصل إلى 80 ألف متر مكعب يوميا.
      "ar");
  const auto cap = of_metric(a, Metric::capacity);
  REQUIRE(cap.size() == 1);
  CHECK(cap[0].target == 80000);
  CHECK(cap[0].unit == "m3");
  CHECK(cap[0].comparator == Comparator::up_to);
  const auto e = run("The plant of Aqua Nova will produce 300,000 cubic meters of water per day by 2028.", "en");
  CHECK(targets(e, Metric::capacity) == std::vector<double>{300000});
}

TEST_CASE("a progress word belongs to the figure next to it, not to the pledge before another figure") {
  const auto a = run(
      "Meridian Motors said on Thursday it would spend $1.3 billion over the next four years to retool its "
      "Louisville plant, adding about 700 jobs to the 3,100 people already working there.",
      "en", Date(2024, 9, 12));
  CHECK(targets(a, Metric::investment) == std::vector<double>{1.3e9});
  CHECK(targets(a, Metric::jobs) == std::vector<double>{700});
  CHECK(progress_of(a, Metric::investment, 1.3e9) == nullptr);
  CHECK(progress_of(a, Metric::jobs, 700) == nullptr);
}

TEST_CASE("a past year right after a reported count dates it") {
  const auto a = run("Meridian Motors said its Louisville plant produced 210,000 vehicles in 2023 and will build more.", "en",
                     Date(2024, 9, 12));
  const auto* p = progress_of(a, Metric::capacity, 210000);
  REQUIRE(p != nullptr);
  REQUIRE(p->as_of);
  CHECK(*p->as_of == Date(2023, 12, 31));
}

TEST_CASE("what a territory attracted or received, a past total, is a statistic, not the company's pledge") {
  struct Case {
    const char* text;
    const char* lang;
    double pledge;
  };
  const Case cases[] = {
      {"Corvel Batteries will invest $300 million in a cell plant near Kenitra, creating 900 jobs. The region "
       "attracted $4 billion of investment commitments at last year's investor forum.",
       "en", 300e6},
      {"Corvel Batteries investira 300 millions de dollars dans une usine près de Kénitra. La région a attiré 40 "
       "milliards de dirhams d'investissements l'an dernier.",
       "fr", 300e6},
      {"Songli Batteries will invest 6.5 billion dirhams in a plant in Kenitra, creating 2,300 jobs by 2030. Morocco "
       "drew foreign direct investment of 43 billion dirhams last year.",
       "en", 6.5e9},
      {"Songli Batteries investira 6,5 milliards de dirhams dans une usine à Kénitra. Le Maroc a reçu 43 milliards "
       "de dirhams l'an dernier.",
       "fr", 6.5e9},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK(targets(run(c.text, c.lang), Metric::investment) == std::vector<double>{c.pledge});
  }
}

TEST_CASE("a wire dateline is where the story was filed, and a nationality alone is no company") {
  const auto a = run(
      "MEXICO CITY, March 18 (Reuters) - Swedish battery maker Nordvolt AB will build a $900 million plant in the "
      "central Mexican state of Guanajuato, creating 1,200 jobs.",
      "en");
  REQUIRE(a.agreements.size() == 1);
  CHECK(a.agreements[0].region_code == "MX-GUA");
  for (const auto& p : a.agreements[0].parties) CHECK(p.name != "Mexican");
}

TEST_CASE("direct and indirect jobs together, and a range read as up to its top") {
  struct Case {
    const char* text;
    const char* lang;
    const char* qualifier;
    Comparator comparator;
  };
  const Case cases[] = {
      {"Le groupe Nova créera 3 000 emplois directs et indirects.", "fr", "direct and indirect jobs", Comparator::exactly},
      {"Nova Group will create 3,000 direct and indirect jobs.", "en", "direct and indirect jobs", Comparator::exactly},
      // وستوفر شركة "نوفا" 3000 فرصة عمل مباشرة وغير مباشرة.
      {"\xD9\x88\xD8\xB3\xD8\xAA\xD9\x88\xD9\x81\xD8\xB1 \xD8\xB4\xD8\xB1\xD9\x83\xD8\xA9 \"\xD9\x86\xD9\x88\xD9\x81\xD8\xA7\" 3000 "
       "\xD9\x81\xD8\xB1\xD8\xB5\xD8\xA9 \xD8\xB9\xD9\x85\xD9\x84 \xD9\x85\xD8\xA8\xD8\xA7\xD8\xB4\xD8\xB1\xD8\xA9 "
       "\xD9\x88\xD8\xBA\xD9\x8A\xD8\xB1 \xD9\x85\xD8\xA8\xD8\xA7\xD8\xB4\xD8\xB1\xD8\xA9.",
       "ar", "direct and indirect jobs", Comparator::exactly},
      {"Le groupe Nova créera entre 800 et 3 000 emplois.", "fr", "", Comparator::up_to},
      {"Nova Group will create between 800 and 3,000 jobs.", "en", "", Comparator::up_to},
      {"Nova Group will create 2,000-3,000 jobs.", "en", "", Comparator::up_to},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    const auto jobs = of_metric(run(c.text, c.lang), Metric::jobs);
    REQUIRE(jobs.size() == 1);
    CHECK(jobs[0].target == 3000);
    CHECK(jobs[0].qualifier == c.qualifier);
    CHECK(jobs[0].comparator == c.comparator);
  }
  // "غير مباشر" alone is indirect, not direct: 1000 منصب شغل مباشر و3000 منصب غير مباشر
  const auto ar = run(
      "\xD9\x88\xD8\xB3\xD8\xAA\xD8\xAD\xD8\xAF\xD8\xAB \xD8\xB4\xD8\xB1\xD9\x83\xD8\xA9 \"\xD9\x86\xD9\x88\xD9\x81\xD8\xA7\" "
      "1000 \xD9\x85\xD9\x86\xD8\xB5\xD8\xA8 \xD8\xB4\xD8\xBA\xD9\x84 \xD9\x85\xD8\xA8\xD8\xA7\xD8\xB4\xD8\xB1 "
      "\xD9\x88" "3000 \xD9\x85\xD9\x86\xD8\xB5\xD8\xA8 \xD8\xBA\xD9\x8A\xD8\xB1 \xD9\x85\xD8\xA8\xD8\xA7\xD8\xB4\xD8\xB1.",
      "ar");
  const auto jobs = of_metric(ar, Metric::jobs);
  REQUIRE(jobs.size() == 2);
  CHECK(jobs[0].qualifier == "direct jobs");
  CHECK(jobs[1].qualifier == "indirect jobs");
  CHECK(jobs[1].comparator == Comparator::exactly);
}

TEST_CASE("a round-up's joint total is dropped when its deals are listed, and each clause keeps its own subject") {
  const auto a = run(
      "The state government on Tuesday signed three MoUs worth Rs 9,000 crore with Zephyr Textiles Ltd, Orbit "
      "Chemicals and Kaveri Foods Pvt Ltd, which together are expected to create 12,000 jobs. Zephyr Textiles will "
      "set up a mill with an investment of Rs 5,500 crore, generating employment for 7,000 people. Orbit Chemicals "
      "will invest Rs 2,300 crore in a unit, creating 3,500 jobs, while Kaveri Foods will put Rs 1,200 crore into a "
      "food park.",
      "en");
  CHECK(targets(a, Metric::jobs) == std::vector<double>{7000, 3500});
  CHECK(targets(a, Metric::investment) == std::vector<double>{55e9, 23e9, 12e9});
  for (const auto& c : of_metric(a, Metric::investment))
    if (c.target == 12e9) CHECK(c.party == "Kaveri Foods Pvt Ltd");
  for (const auto& ag : a.agreements) CHECK(ag.kind == AgreementKind::mou);
}

TEST_CASE("an opening place clause does not make the second of two joint investors the subject") {
  const auto a = run(
      "In Kenitra, Penfold Investment Ltd and Shan Apparel Group will jointly invest 260 million dirhams in a garment "
      "plant, creating 800 jobs.",
      "en");
  for (const auto& c : of_metric(a, Metric::investment)) CHECK(c.party == "Penfold Investment Ltd");
}

TEST_CASE("the city after the signing word is where it was signed, and a first tranche keeps its own deadline") {
  const auto a = run(
      "Une convention pour une usine d'ammoniac vert à Dakhla a été signée, mercredi 19 novembre à Rabat, avec le "
      "consortium Falcon Green Energy. D'un coût global de 9,5 milliards de dollars, le projet sera réalisé en deux "
      "phases : une première tranche de 3 milliards de dollars d'ici 2028, puis une extension.",
      "fr", Date(2025, 11, 20));
  REQUIRE(a.agreements.size() == 1);
  const auto& ag = a.agreements[0];
  CHECK(ag.place == "Rabat");
  CHECK(ag.region_code == "MA-12");  // Dakhla-Oued Ed-Dahab
  for (const auto& c : of_metric(a, Metric::investment)) {
    if (c.target == 3e9) {
      REQUIRE(c.deadline);
      CHECK(*c.deadline == Date(2028, 12, 31));
    } else {
      CHECK(c.target == 9.5e9);
      CHECK_FALSE(c.deadline);  // 2028 is the first tranche's
    }
  }
  CHECK(of_metric(a, Metric::investment).size() == 2);
}

TEST_CASE("money a company reports spending last year is progress, not dropped as a past total") {
  const auto a = run(
      "Songli Batteries signed an agreement to invest 6.5 billion dirhams in Kenitra by 2030. The group has invested "
      "900 million dirhams so far, including 400 million dirhams last year.",
      "en", Date(2026, 3, 1));
  CHECK(progress_of(a, Metric::investment, 900e6) != nullptr);
  CHECK(targets(a, Metric::investment) == std::vector<double>{6.5e9});
}

TEST_CASE("money spent so far is progress on the planned total, and 'to date' is no signing day") {
  const auto en = run(
      "Two years after Meridian Motors Corp pledged to add 700 jobs by 2028, the company has hired 450 workers so "
      "far. Meridian has also spent $800 million of the planned $1.3 billion retooling budget.",
      "en", Date(2026, 10, 2));
  CHECK(progress_of(en, Metric::investment, 800e6) != nullptr);
  CHECK(targets(en, Metric::investment) == std::vector<double>{1.3e9});
  // بعد مرور سنتين على توقيع الاتفاقية، أعلنت شركة "ميراكو" أنها وفرت إلى حدود اليوم 1800 منصب شغل من أصل 3000
  // منصب التزمت بإحداثها. وأضافت أنها ضخت 1,6 مليار درهم من أصل 2,5 مليار درهم المبرمجة.
  const auto ar = run(
      "\xD8\xA8\xD8\xB9\xD8\xAF \xD9\x85\xD8\xB1\xD9\x88\xD8\xB1 \xD8\xB3\xD9\x86\xD8\xAA\xD9\x8A\xD9\x86 \xD8\xB9\xD9\x84\xD9\x89 "
      "\xD8\xAA\xD9\x88\xD9\x82\xD9\x8A\xD8\xB9 \xD8\xA7\xD9\x84\xD8\xA7\xD8\xAA\xD9\x81\xD8\xA7\xD9\x82\xD9\x8A\xD8\xA9\xD8\x8C "
      "\xD8\xA3\xD8\xB9\xD9\x84\xD9\x86\xD8\xAA \xD8\xB4\xD8\xB1\xD9\x83\xD8\xA9 \"\xD9\x85\xD9\x8A\xD8\xB1\xD8\xA7\xD9\x83\xD9\x88\" "
      "\xD8\xA3\xD9\x86\xD9\x87\xD8\xA7 \xD9\x88\xD9\x81\xD8\xB1\xD8\xAA \xD8\xA5\xD9\x84\xD9\x89 \xD8\xAD\xD8\xAF\xD9\x88\xD8\xAF "
      "\xD8\xA7\xD9\x84\xD9\x8A\xD9\x88\xD9\x85 1800 \xD9\x85\xD9\x86\xD8\xB5\xD8\xA8 \xD8\xB4\xD8\xBA\xD9\x84 \xD9\x85\xD9\x86 "
      "\xD8\xA3\xD8\xB5\xD9\x84 3000 \xD9\x85\xD9\x86\xD8\xB5\xD8\xA8 \xD8\xA7\xD9\x84\xD8\xAA\xD8\xB2\xD9\x85\xD8\xAA "
      "\xD8\xA8\xD8\xA5\xD8\xAD\xD8\xAF\xD8\xA7\xD8\xAB\xD9\x87\xD8\xA7. \xD9\x88\xD8\xA3\xD8\xB6\xD8\xA7\xD9\x81\xD8\xAA "
      "\xD8\xA3\xD9\x86\xD9\x87\xD8\xA7 \xD8\xB6\xD8\xAE\xD8\xAA 1,6 \xD9\x85\xD9\x84\xD9\x8A\xD8\xA7\xD8\xB1 \xD8\xAF\xD8\xB1\xD9\x87\xD9\x85 "
      "\xD9\x85\xD9\x86 \xD8\xA3\xD8\xB5\xD9\x84 2,5 \xD9\x85\xD9\x84\xD9\x8A\xD8\xA7\xD8\xB1 \xD8\xAF\xD8\xB1\xD9\x87\xD9\x85 "
      "\xD8\xA7\xD9\x84\xD9\x85\xD8\xA8\xD8\xB1\xD9\x85\xD8\xAC\xD8\xA9.",
      "ar", Date(2026, 6, 15));
  for (const auto& ag : ar.agreements) CHECK_FALSE(ag.signed_on);
  CHECK(progress_of(ar, Metric::jobs, 1800) != nullptr);
  CHECK(progress_of(ar, Metric::investment, 1.6e9) != nullptr);
  CHECK(targets(ar, Metric::jobs) == std::vector<double>{3000});
  CHECK(targets(ar, Metric::investment) == std::vector<double>{2.5e9});
}

TEST_CASE("a place followed by its state is read in that state") {
  const auto mx = run(
      "Grupo Veltrano firmó un convenio con el gobierno estatal para construir una planta en Salamanca, Guanajuato, "
      "con una inversión de 3,500 millones de pesos y 900 empleos.",
      "es", Date(2025, 8, 20));
  REQUIRE_FALSE(mx.agreements.empty());
  CHECK(mx.agreements[0].region_code == "MX-GUA");
  CHECK(party_named(mx, "Government of Guanajuato") != nullptr);  // "el gobierno estatal"
  // A list of regions of one country is no place-and-state pair.
  const auto ma = run(
      "Le programme couvre les régions Oriental, Fès-Meknès et Souss-Massa, où Atlas Agro créera 1 200 emplois.",
      "fr", Date(2025, 8, 20));
  for (const auto& ag : ma.agreements) CHECK(ag.region_code.rfind("MA", 0) == 0);
}

TEST_CASE("a state's government is named after the state the article is placed in, not the country") {
  // A chief minister heads a state government: the generic "government" is Gujarat's.
  const auto in = run(
      "The state government on Monday signed an MoU with Veltrix Textiles Ltd in the presence of Chief Minister "
      "Anand Joshi. Veltrix will invest Rs 1,200 crore in a garment park at Surat in Gujarat and create 8,000 jobs "
      "by 2028.",
      "en", Date(2026, 2, 9));
  const PartyRef* gj = party_named(in, "Government of Gujarat");
  REQUIRE(gj != nullptr);
  CHECK(gj->representative == "Anand Joshi");
  CHECK(party_named(in, "Government of India") == nullptr);
  // In the United States the state is the party's name.
  const auto us = run(
      "The state government and Corvane Batteries Inc signed an agreement on Tuesday. Corvane will build a $900 "
      "million plant in Toledo, Ohio, and hire 1,500 workers by 2029.",
      "en", Date(2026, 4, 14));
  CHECK(party_named(us, "State of Ohio") != nullptr);
  // Named by the text ("the Ohio government") or by a title ("Ohio Governor"): the same name.
  const auto us_named = run(
      "The Ohio government and Corvane Batteries Inc signed an agreement on Tuesday. Corvane will hire 1,500 "
      "workers in Toledo by 2029.",
      "en", Date(2026, 4, 14));
  CHECK(party_named(us_named, "State of Ohio") != nullptr);
  CHECK(party_named(us_named, "Government of Ohio") == nullptr);
  // "Toledo, Ohio": the Toledo in Ohio (not the district of Belize nor the Spanish province).
  REQUIRE_FALSE(us.agreements.empty());
  CHECK(us.agreements[0].region_code == "US-OH");
  CHECK(us.agreements[0].city == "Toledo");
  // A national government stays the country's, and so does one in a country of regions.
  const auto national = run(
      "The government signed an agreement with Veltrix Textiles Ltd, which will invest Rs 1,200 crore in a garment "
      "park at Surat in Gujarat.",
      "en", Date(2026, 2, 9));
  CHECK(party_named(national, "Government of Gujarat") == nullptr);
  // A name written with its diacritics and without them is the same key.
  CHECK(extract::detail::fold_word("Gujar\xC4\x81t") == extract::detail::fold_word("Gujarat"));
  CHECK(extract::detail::fold_word("\xC5\x9E" "i\xC5\x9F" "ecam") == "sisecam");  // Şişecam
}

TEST_CASE("a round-up of many companies: one agreement each, and a longer name and a repeated pledge still merge") {
  // Past a few dozen parties and pledges the extractor finds companies, groups and duplicates
  // through indexes (to stay linear); the answers must be those of the plain walks.
  std::string text;
  const std::string syllables[] = {"ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "za"};
  for (int k = 0; k < 81; ++k)
    text += "Bel" + syllables[k % 9] + syllables[k / 9] + "x Industries will create " + std::to_string(100 + k) +
            " jobs in Ohio by 2028. ";
  text += "Rongtai Steel will create 5,000 jobs in Ohio by 2029. ";
  text += "The plan of Rongtai Steel Limited is to create 5,000 jobs in Ohio by 2029. ";
  text += "Kuvora Textiles Limited will create 3,000 jobs in Ohio by 2030. ";  // the longer name first
  text += "Kuvora Textiles will also create 3,000 jobs in Ohio by 2030.";
  const auto a = run(text, "en", Date(2026, 1, 15));
  CHECK(a.agreements.size() == 83);
  CHECK(party_named(a, "Kuvora Textiles Limited") != nullptr);
  CHECK(party_named(a, "Kuvora Textiles") == nullptr);
  std::size_t rongtai = 0;
  for (const auto& ag : a.agreements) {
    REQUIRE(ag.commitments.size() == 1);
    CHECK(ag.region_code == "US-OH");
    if (ag.commitments[0].party.rfind("Rongtai", 0) == 0) {
      ++rongtai;
      CHECK(ag.commitments[0].party == "Rongtai Steel Limited");
      CHECK(ag.commitments[0].target == 5000);
      CHECK(ag.commitments[0].evidence.size() == 2);  // said twice, one pledge
    }
  }
  CHECK(rongtai == 1);
  CHECK(party_named(a, "Belkakax Industries") != nullptr);
  CHECK(party_named(a, "Rongtai Steel") == nullptr);  // the longer name is kept
}

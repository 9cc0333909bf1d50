// The extractor on small documents written for these tests and on tests/fixtures/extract.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "pledgedb/extract/extractor.hpp"

using namespace pledgedb;

namespace {

Document doc_of(std::string text, std::string lang, std::optional<Date> published = std::nullopt) {
  Document d;
  d.path = "test";
  d.text = std::move(text);
  d.language = std::move(lang);
  d.published = published;
  return d;
}

Document fixture(const std::string& name, std::string lang, std::optional<Date> published = std::nullopt) {
  std::ifstream in(std::string(PLEDGEDB_FIXTURES) + "/extract/" + name, std::ios::binary);
  REQUIRE(in);
  std::stringstream ss;
  ss << in.rdbuf();
  return doc_of(ss.str(), std::move(lang), published);
}

std::vector<Commitment> commitments(const Announcement& a) {
  std::vector<Commitment> out;
  for (const auto& ag : a.agreements)
    for (const auto& c : ag.commitments) out.push_back(c);
  return out;
}

// Every evidence span must be the exact bytes of the document.
void check_evidence(const Document& d, const Announcement& a) {
  for (const auto& c : commitments(a))
    for (const auto& e : c.evidence) {
      REQUIRE(e.start >= 0);
      CHECK(d.text.substr(static_cast<std::size_t>(e.start), static_cast<std::size_t>(e.end - e.start)) == e.text);
    }
  for (const auto& p : a.progress)
    for (const auto& e : p.evidence)
      CHECK(d.text.substr(static_cast<std::size_t>(e.start), static_cast<std::size_t>(e.end - e.start)) == e.text);
}

}  // namespace

TEST_CASE("a French protocol: investor, ministries, agency, jobs pledge with comparator and horizon, region, program") {
  const auto d = doc_of(
      "Un protocole d'accord a été signé ce mardi 22 juillet 2025 à Rabat entre le groupe français Onepoint, "
      "l'AMDIE et le ministère de l'Industrie et du Commerce. Le groupe s'engage à recruter plus de 500 ingénieurs "
      "marocains d'ici 2029 dans la région de Casablanca-Settat, dans le cadre de la stratégie Maroc Digital 2030.",
      "fr");
  const auto a = extract::extract(d);
  REQUIRE(a.agreements.size() == 1);
  const auto& ag = a.agreements[0];
  CHECK(ag.kind == AgreementKind::protocol);
  REQUIRE(ag.signed_on);
  CHECK(*ag.signed_on == Date(2025, 7, 22));
  CHECK(ag.place == "Rabat");
  CHECK(ag.region_code == "MA-06");
  CHECK(ag.program == "Digital Morocco 2030");
  REQUIRE(ag.commitments.size() == 1);
  const auto& c = ag.commitments[0];
  CHECK(c.party == "Onepoint");
  CHECK(c.metric == Metric::jobs);
  CHECK(c.target == doctest::Approx(500));
  CHECK(c.comparator == Comparator::at_least);
  REQUIRE(c.deadline);
  CHECK(*c.deadline == Date(2029, 12, 31));
  CHECK(c.deadline_kind == DeadlineKind::horizon);
  bool investor = false, ministry = false, agency = false;
  for (const auto& p : ag.parties) {
    investor |= p.name == "Onepoint" && p.role == Role::investor && p.kind == PartyKind::company;
    ministry |= p.name == "Ministry of Industry and Trade" && p.kind == PartyKind::ministry;
    agency |= p.name == "AMDIE" && p.kind == PartyKind::agency;
  }
  CHECK(investor);
  CHECK(ministry);
  CHECK(agency);
  check_evidence(d, a);
}

TEST_CASE("a relative deadline is resolved from the signing date, and stays open without any date") {
  auto d = doc_of("Onepoint signed a memorandum of understanding on July 22, 2025. The company will hire more than 500 "
                  "engineers within the next four years.",
                  "en");
  auto a = extract::extract(d);
  auto cs = commitments(a);
  REQUIRE(cs.size() == 1);
  REQUIRE(cs[0].deadline);
  CHECK(*cs[0].deadline == Date(2029, 7, 22));
  CHECK(cs[0].deadline_kind == DeadlineKind::relative);

  d = doc_of("The company will hire more than 500 engineers within the next four years.", "en");
  a = extract::extract(d);
  cs = commitments(a);
  REQUIRE(cs.size() == 1);
  CHECK_FALSE(cs[0].deadline);
  CHECK(cs[0].deadline_kind == DeadlineKind::relative);
}

TEST_CASE("the same pledge said twice is one commitment with the most specific comparator and both spans") {
  const auto d = doc_of("Le groupe Medicaire prévoit le recrutement de 500 ingénieurs. Il vise plus de 500 recrutements "
                        "d'ici 2028.",
                        "fr");
  const auto a = extract::extract(d);
  const auto cs = commitments(a);
  REQUIRE(cs.size() == 1);
  CHECK(cs[0].comparator == Comparator::at_least);
  CHECK(cs[0].evidence.size() == 2);
  REQUIRE(cs[0].deadline);
  CHECK(cs[0].deadline->year() == 2028);
}

TEST_CASE("progress statements are not pledges") {
  const auto d = doc_of("Le groupe Onepoint a recruté 180 ingénieurs à ce jour à Casablanca.", "fr", Date(2027, 3, 15));
  const auto a = extract::extract(d);
  CHECK(commitments(a).empty());
  REQUIRE(a.progress.size() == 1);
  CHECK(a.progress[0].metric == Metric::jobs);
  CHECK(a.progress[0].value == doctest::Approx(180));
  REQUIRE(a.progress[0].as_of);
  CHECK(*a.progress[0].as_of == Date(2027, 3, 15));
  check_evidence(d, a);
}

TEST_CASE("a job count of 1200 is not a year") {
  const auto d = fixture("jobs-count-not-year-fr.txt", "fr");
  const auto cs = commitments(extract::extract(d));
  REQUIRE(cs.size() == 1);
  CHECK(cs[0].metric == Metric::jobs);
  CHECK(cs[0].target == doctest::Approx(1200));
  REQUIRE(cs[0].deadline);
  CHECK(cs[0].deadline->year() == 2027);
}

TEST_CASE("revenue and market sizes are not investments") {
  const auto cs = commitments(extract::extract(fixture("revenue-market-distractors-en.txt", "en")));
  REQUIRE(cs.size() == 1);
  CHECK(cs[0].metric == Metric::investment);
  CHECK(cs[0].target == doctest::Approx(200e6));
  CHECK(cs[0].unit == "USD");
  CHECK(cs[0].party == "Nordvolt Corp");
}

TEST_CASE("the current headcount is not a pledge") {
  const auto cs = commitments(extract::extract(fixture("current-headcount-fr.txt", "fr")));
  REQUIRE(cs.size() == 1);
  CHECK(cs[0].target == doctest::Approx(300));
}

TEST_CASE("documents without a pledge give no commitments") {
  CHECK(commitments(extract::extract(fixture("percentages-en.txt", "en"))).empty());
  CHECK(commitments(extract::extract(fixture("statistics-no-pledge-fr.txt", "fr"))).empty());
  const auto a = extract::extract(fixture("program-name-year-ar.txt", "ar"));
  CHECK(commitments(a).empty());
}

TEST_CASE("currencies and amounts in words") {
  auto cs = commitments(extract::extract(fixture("emirati-dirham-en.txt", "en")));
  REQUIRE(cs.size() == 1);
  CHECK(cs[0].unit == "AED");
  CHECK(cs[0].target == doctest::Approx(2e9));
  cs = commitments(extract::extract(fixture("french-amount-in-words-fr.txt", "fr")));
  REQUIRE(cs.size() == 1);
  CHECK(cs[0].unit == "MAD");
  CHECK(cs[0].target == doctest::Approx(250e6));
}

TEST_CASE("Arabic: fused hundreds, a Latin company name, a horizon and the region") {
  const auto d = fixture("arabic-fused-hundreds-ar.txt", "ar");
  const auto a = extract::extract(d);
  const auto cs = commitments(a);
  REQUIRE(cs.size() == 1);
  CHECK(cs[0].target == doctest::Approx(500));
  CHECK(cs[0].party == "Atlas Foods");
  CHECK(cs[0].qualifier == "direct jobs");
  REQUIRE(cs[0].deadline);
  CHECK(*cs[0].deadline == Date(2026, 12, 31));
  REQUIRE(a.agreements.size() == 1);
  CHECK(a.agreements[0].region_code == "MA-09");
  check_evidence(d, a);
}

TEST_CASE("phased targets keep their own deadlines and the last one carries the milestones") {
  const auto cs = commitments(extract::extract(fixture("milestones-en.txt", "en")));
  REQUIRE(cs.size() == 2);
  CHECK(cs[0].target == doctest::Approx(500));
  REQUIRE(cs[0].deadline);
  CHECK(cs[0].deadline->year() == 2019);
  CHECK(cs[1].target == doctest::Approx(1460));
  REQUIRE(cs[1].deadline);
  CHECK(cs[1].deadline->year() == 2020);
  REQUIRE(cs[1].milestones.size() == 1);
  CHECK(cs[1].milestones[0].target == doctest::Approx(500));
}

TEST_CASE("the language falls back to detection, and the output is deterministic") {
  const auto d = doc_of("وقعت شركة Onepoint بروتوكول اتفاق لإحداث أكثر من 500 منصب شغل بحلول سنة 2029.", "");
  const auto a = extract::extract(d);
  CHECK(a.language == "ar");
  const auto b = extract::extract(d);
  REQUIRE(commitments(a).size() == 1);
  CHECK(commitments(a)[0].comparator == Comparator::at_least);
  CHECK(commitments(b)[0].evidence[0].start == commitments(a)[0].evidence[0].start);
}

TEST_CASE("comparators before a number") {
  auto cmp = [](const std::string& s) {
    auto toks = extract::detail::tokenize(s);
    return extract::detail::comparator_before(toks, toks.size() - 1);
  };
  CHECK(cmp("plus de 500") == Comparator::at_least);
  CHECK(cmp("près de 7.000") == Comparator::about);
  CHECK(cmp("up to 300") == Comparator::up_to);
  CHECK(cmp("نحو 6000") == Comparator::about);
  CHECK(cmp("ما يزيد عن 1000") == Comparator::at_least);
  CHECK(cmp("create 500") == Comparator::exactly);
}

TEST_CASE("one canonical name per program") {
  CHECK(extract::detail::find_program("la stratégie Maroc Digital 2030") == "Digital Morocco 2030");
  CHECK(extract::detail::find_program("استراتيجية المغرب الرقمي 2030") == "Digital Morocco 2030");
  CHECK(extract::detail::find_program("the Digital Morocco 2030 strategy") == "Digital Morocco 2030");
  CHECK(extract::detail::find_program("nothing here") == "");
}

TEST_CASE("a company's current headcount is progress, a sector's or the group's worldwide staff is not") {
  const auto d = doc_of("Velora had promised 900 jobs at its Meknes plant by the end of 2025. The company currently "
                        "employs 640 people at the plant. The sector employs 85,000 people nationwide. "
                        "Velora Group employs 12,000 people worldwide.",
                        "en", Date::parse("2025-03-10"));
  const auto a = extract::extract(d);
  check_evidence(d, a);
  REQUIRE(a.progress.size() == 1);
  CHECK(a.progress[0].metric == Metric::jobs);
  CHECK(a.progress[0].value == 640);
  CHECK(a.progress[0].as_of == Date::parse("2025-03-10"));
  // The restated pledge keeps its target and deadline; the follow-up signs nothing.
  const auto cs = commitments(a);
  REQUIRE(cs.size() == 1);
  CHECK(cs[0].target == 900);
  CHECK(cs[0].deadline == Date::parse("2025-12-31"));
  REQUIRE(a.agreements.size() == 1);
  CHECK(a.agreements[0].kind == AgreementKind::announcement);
  CHECK_FALSE(a.agreements[0].signed_on);
}

TEST_CASE("a place name inside a company name is not the project's region") {
  auto a = extract::extract(doc_of("La société Tanger Textiles va créer 300 emplois à Oujda d'ici 2026.", "fr"));
  REQUIRE(a.agreements.size() == 1);
  CHECK(a.agreements[0].region_code == "MA-02");
  // and a region of another country in the name does not move the project abroad
  a = extract::extract(doc_of("Le groupe Sahel Solaire va créer 300 emplois à Ouarzazate d'ici 2026.", "fr"));
  REQUIRE(a.agreements.size() == 1);
  CHECK(a.agreements[0].region_code == "MA-08");
}

TEST_CASE("a page without full stops is split into bounded sentences and still read") {
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "la société Atlas Câbles va créer 1 200 emplois à Kénitra ";
  const auto a = extract::extract(doc_of(text, "fr"));
  const auto cs = commitments(a);
  REQUIRE_FALSE(cs.empty());
  CHECK(cs[0].target == 1200);
}

TEST_CASE("Arabic future investment verbs ('ستستثمر', 'سيستثمر') make an investment pledge") {
  const auto cs = commitments(extract::extract(
      doc_of("وقعت الوزارة اتفاقية مع شركة Nordal Foods. وستستثمر الشركة 2,5 مليار درهم في الموقع.", "ar")));
  bool found = false;
  for (const auto& c : cs) found |= c.metric == Metric::investment && c.target && *c.target == 2.5e9;
  CHECK(found);
}

TEST_CASE("a follow-up that restates an old signing is an announcement without a signing date") {
  const auto d = doc_of("Velora signed a protocol on 12 March 2023 to create 900 jobs at its Meknes plant by 2025. "
                        "The company has hired 640 people so far.",
                        "en", Date::parse("2025-03-10"));
  const auto a = extract::extract(d);
  REQUIRE(a.progress.size() == 1);
  CHECK(a.progress[0].value == 640);
  REQUIRE(a.agreements.size() == 1);
  CHECK(a.agreements[0].kind == AgreementKind::announcement);
  CHECK_FALSE(a.agreements[0].signed_on);
  const auto cs = commitments(a);
  REQUIRE(cs.size() == 1);
  CHECK(cs[0].target == 900);
  CHECK(cs[0].deadline == Date::parse("2025-12-31"));
}

TEST_CASE("a signing reported with progress on an older project keeps its kind and date") {
  const auto a = extract::extract(doc_of("Velora signed a protocol on 3 March 2025 to create 900 jobs in Meknes by 2027. "
                                         "Its first plant has hired 640 people so far.",
                                         "en", Date::parse("2025-03-10")));
  REQUIRE(a.agreements.size() == 1);
  CHECK(a.agreements[0].kind == AgreementKind::protocol);
  CHECK(a.agreements[0].signed_on == Date::parse("2025-03-03"));
}

TEST_CASE("'had created X jobs by <date>' is progress, not a new pledge") {
  const auto a = extract::extract(doc_of("By June 2024 the Velora plant in Meknes had created 410 jobs, the company said.",
                                         "en", Date::parse("2024-07-02")));
  REQUIRE(a.progress.size() == 1);
  CHECK(a.progress[0].value == 410);
  CHECK(commitments(a).empty());
}

TEST_CASE("figures in a 'Lire aussi' / 'Read also' link line are another story's") {
  const auto a = extract::extract(doc_of("La société Atlas Câbles va créer 1 200 emplois à Kénitra d'ici 2026.\n"
                                         "Lire aussi : 40 projets approuvés pour 90 milliards de dirhams et 20 000 emplois\n"
                                         "Read also: Nordal will invest $2 billion and create 5,000 jobs by 2027\n",
                                         "fr"));
  const auto cs = commitments(a);
  REQUIRE(cs.size() == 1);
  CHECK(cs[0].target == 1200);
}

TEST_CASE("in the article announcing a signing, the current headcount is a baseline, not progress") {
  const auto d = doc_of("Le groupe Velora a signé le 3 mars 2025 une convention avec l'AMDIE pour créer 900 emplois "
                        "à Meknès d'ici fin 2027. La société compte déjà 2 300 salariés sur ses sites de Tanger.",
                        "fr", Date::parse("2025-03-04"));
  const auto a = extract::extract(d);
  check_evidence(d, a);
  CHECK(a.progress.empty());
  const auto cs = commitments(a);
  REQUIRE(cs.size() == 1);
  CHECK(cs[0].target == 900);
}

TEST_CASE("a capitalised ordinary word that is also a region name abroad is no place") {
  const auto d = doc_of("La société Atlas Textile a signé avec le Centre régional d'investissement de Fès-Meknès "
                        "une convention pour créer 300 emplois d'ici 2027.",
                        "fr", Date::parse("2025-03-04"));
  const auto a = extract::extract(d);
  REQUIRE(a.agreements.size() == 1);
  CHECK(a.agreements[0].region_code == "MA-03");
  CHECK(a.agreements[0].country == "MA");
}

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "pledgedb/announcement_json.hpp"
#include "pledgedb/error.hpp"

using pledgedb::Announcement;
using pledgedb::announcement_from_json;
using pledgedb::InputError;
using nlohmann::json;

namespace {

std::string fixture(const std::string& name) {
  std::ifstream f(std::string(PLEDGEDB_FIXTURES) + "/readers/" + name, std::ios::binary);
  REQUIRE(f);
  std::ostringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

json sample() { return json::parse(fixture("annotated_en.json")); }

// The message a user sees for this input, or "" when it is accepted.
std::string error_of(const std::string& text, const std::string& name = "x.json") {
  try {
    announcement_from_json(text, name);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}
std::string error_of(const char* text) { return error_of(std::string(text), "x.json"); }
std::string error_of(const json& j) { return error_of(j.dump(), "x.json"); }

Announcement full_announcement() {
  using namespace pledgedb;
  Announcement a;
  a.id = "xx-2025-01-demo-fr";
  a.url = "https://example.org/a";
  a.outlet = "Exemple";
  a.language = "fr";
  a.title = "Démo";
  a.published = Date(2025, 1, 15);
  a.story = "demo-2025";
  a.kind = AnnouncementKind::announcement;
  a.text = "Le groupe Orbis créera 2,5 millions d'heures de formation et 40 emplois d'ici 2026, dont 10 en 2025.";
  Agreement ag;
  ag.title = "Orbis training plan";
  ag.kind = AgreementKind::convention;
  ag.signed_on = Date(2025, 1, 14);
  ag.place = "Fès";
  ag.country = "MA";
  ag.region_code = "MA-03";
  ag.region = "Fès-Meknès";
  ag.city = "Fès";
  ag.sector = "services";
  ag.program = "";  // unknown -> null
  ag.parties.push_back({"Orbis", PartyKind::company, "FR", Role::investor, "Jeanne Roux", "CEO"});
  ag.parties.push_back({"Région Fès-Meknès", PartyKind::region, "MA", Role::beneficiary, "", ""});
  Commitment c;
  c.party = "Orbis";
  c.metric = Metric::jobs;
  c.target = 40;
  c.comparator = Comparator::about;
  c.unit = "jobs";
  c.start = Date(2025, 1, 14);
  c.deadline = Date(2026, 12, 31);
  c.deadline_text = "d'ici 2026";
  c.deadline_kind = DeadlineKind::horizon;
  c.milestones.push_back({Date(2025, 12, 31), 10, "dont 10 en 2025"});
  c.confidence = 0.85;
  const auto at = a.text.find("40 emplois");
  c.evidence.push_back({"40 emplois d'ici 2026", static_cast<std::int64_t>(at),
                        static_cast<std::int64_t>(at + std::string("40 emplois d'ici 2026").size())});
  ag.commitments.push_back(c);
  Commitment t;
  t.party = "Orbis";
  t.metric = Metric::training;
  t.target = 2500000.5;  // not integral: must survive as a double
  t.evidence.push_back({"2,5 millions d'heures de formation", -1, -1});
  ag.commitments.push_back(t);
  ag.confidence = 0.5;
  a.agreements.push_back(ag);
  ProgressStatement p;
  p.party = "Orbis";
  p.metric = Metric::jobs;
  p.as_of = Date(2025, 6, 1);
  p.value = 12;
  p.unit = "jobs";
  p.confidence = 0.75;
  a.progress.push_back(p);
  a.distractors.push_back({"2,5 millions", ""});
  return a;
}

}  // namespace

TEST_CASE("a corpus-style annotation (evidence as plain strings) loads") {
  const Announcement a = announcement_from_json(fixture("annotated_en.json"), "annotated_en.json");
  CHECK(a.id == "ma-2024-03-voltaria-kenitra-en");
  CHECK(a.language == "en");
  CHECK(a.published->to_string() == "2024-03-05");
  CHECK(a.kind == pledgedb::AnnouncementKind::both);
  REQUIRE(a.agreements.size() == 1);
  const auto& ag = a.agreements[0];
  CHECK(ag.kind == pledgedb::AgreementKind::investment_agreement);
  CHECK(ag.program.empty());
  CHECK(ag.parties[1].role == pledgedb::Role::government);
  REQUIRE(ag.commitments.size() == 3);
  CHECK(ag.commitments[1].metric == pledgedb::Metric::jobs);
  CHECK(*ag.commitments[1].target == 1200);
  CHECK(ag.commitments[1].comparator == pledgedb::Comparator::at_least);
  CHECK(ag.commitments[1].deadline->to_string() == "2027-12-31");
  CHECK(ag.commitments[1].deadline_kind == pledgedb::DeadlineKind::horizon);
  CHECK(ag.commitments[1].confidence == 1.0);  // absent means certain (hand annotation)
  REQUIRE(ag.commitments[1].evidence.size() == 1);
  CHECK(ag.commitments[1].evidence[0].text == "create at least 1,200 direct jobs by the end of 2027");
  CHECK(ag.commitments[1].evidence[0].start == -1);  // which occurrence is not said
  REQUIRE(a.progress.size() == 1);
  CHECK(a.progress[0].value == 180);
  CHECK(a.distractors[0].why == "market size estimate, not a pledge");
}

TEST_CASE("to_json -> from_json round-trips every field") {
  const Announcement a = full_announcement();
  const auto j = pledgedb::to_json(a);
  const Announcement b = announcement_from_json(j.dump(2), "roundtrip.json");
  CHECK(pledgedb::to_json(b) == j);
  CHECK(b.published == a.published);
  CHECK(b.agreements[0].region_code == "MA-03");
  CHECK(b.agreements[0].parties[0].representative == "Jeanne Roux");
  CHECK(b.agreements[0].commitments[0].evidence[0].start == a.agreements[0].commitments[0].evidence[0].start);
  CHECK(b.agreements[0].commitments[0].milestones[0].due == pledgedb::Date(2025, 12, 31));
  CHECK(b.agreements[0].commitments[0].confidence == 0.85);
  CHECK(*b.agreements[0].commitments[1].target == 2500000.5);
  CHECK(b.progress[0].confidence == 0.75);
}

TEST_CASE("to_json writes the documented shape in a fixed order") {
  const auto j = pledgedb::to_json(full_announcement());
  const std::string s = j.dump();
  CHECK(s.starts_with(R"({"id":"xx-2025-01-demo-fr","url":"https://example.org/a","outlet":"Exemple","language":"fr",)"
                      R"("title":"Démo","published":"2025-01-15","story":"demo-2025","kind":"announcement","text":)"));
  const auto& ag = j["agreements"][0];
  std::string keys;
  for (const auto& [k, v] : ag.items()) keys += k + ",";
  CHECK(keys == "title,kind,signed_on,place,country,region_code,region,city,sector,program,parties,commitments,"
                "confidence,evidence,");
  keys.clear();
  for (const auto& [k, v] : ag["commitments"][0].items()) keys += k + ",";
  CHECK(keys == "party,metric,target,comparator,unit,qualifier,start,deadline,deadline_text,deadline_kind,"
                "milestones,confidence,evidence,");
  CHECK(ag["program"].is_null());                         // empty string -> null
  CHECK(ag["commitments"][0]["qualifier"].is_null());
  CHECK(ag["commitments"][0]["target"].is_number_integer());  // 40, not 40.0
  CHECK(ag["commitments"][0]["target"].dump() == "40");
  CHECK(ag["commitments"][1]["target"].dump() == "2500000.5");
  CHECK(ag["commitments"][1]["evidence"][0]["start"].is_null());
  CHECK(ag["commitments"][0]["milestones"][0].dump() == R"({"due":"2025-12-31","target":10,"text":"dont 10 en 2025"})");
  CHECK_FALSE(j["progress"][0].contains("story"));  // annotation-only field left out when empty
  CHECK(j["progress"][0]["value"].dump() == "12");
  CHECK(j["distractors"][0]["why"].is_null());
  // Deterministic: same model, same bytes.
  CHECK(pledgedb::to_json(full_announcement()).dump() == s);
}

TEST_CASE("evidence with offsets must select exactly its text") {
  json j = sample();
  const std::string text = j["text"];
  const std::string ev = "create at least 1,200 direct jobs";
  const auto at = static_cast<long>(text.find(ev));
  j["agreements"][0]["commitments"][1]["evidence"] = json::array({{{"text", ev}, {"start", at}, {"end", at + long(ev.size())}}});
  const Announcement a = announcement_from_json(j.dump(), "x.json");
  CHECK(a.agreements[0].commitments[1].evidence[0].start == at);

  j["agreements"][0]["commitments"][1]["evidence"][0]["start"] = at + 1;
  CHECK(error_of(j).starts_with("x.json: agreements[0].commitments[1].evidence[0]: text["));
  CHECK(error_of(j).find("not 'create at least 1,200 direct jobs'") != std::string::npos);

  j["agreements"][0]["commitments"][1]["evidence"][0]["end"] = 100000;
  CHECK(error_of(j) == "x.json: agreements[0].commitments[1].evidence[0]: offsets " + std::to_string(at + 1) +
                           "..100000 are outside text (" + std::to_string(text.size()) + " bytes)");

  j["agreements"][0]["commitments"][1]["evidence"][0].erase("end");
  CHECK(error_of(j) == "x.json: agreements[0].commitments[1].evidence[0]: start and end must be given together");

  j["agreements"][0]["commitments"][1]["evidence"] = json::array({{{"text", "hire 5,000 people"}}});
  CHECK(error_of(j) == "x.json: agreements[0].commitments[1].evidence[0].text: 'hire 5,000 people' is not found in text");
}

TEST_CASE("every validation error names the file, the JSON path and the value") {
  auto with = [](const json::json_pointer& ptr, const json& value) {
    json j = sample();
    j[ptr] = value;
    return error_of(j);
  };
  CHECK(with("/agreements/0/commitments/1/metric"_json_pointer, "money") ==
        "x.json: agreements[0].commitments[1].metric: 'money' is not one of jobs, investment, training, capacity, other");
  CHECK(with("/agreements/0/commitments/0/comparator"_json_pointer, "more_than") ==
        "x.json: agreements[0].commitments[0].comparator: 'more_than' is not one of at_least, exactly, about, up_to");
  CHECK(with("/agreements/0/commitments/0/deadline_kind"_json_pointer, "soon") ==
        "x.json: agreements[0].commitments[0].deadline_kind: 'soon' is not one of none, absolute, horizon, relative");
  CHECK(with("/agreements/0/kind"_json_pointer, "treaty") ==
        "x.json: agreements[0].kind: 'treaty' is not one of mou, protocol, investment_agreement, convention, contract, "
        "announcement");
  CHECK(with("/agreements/0/parties/1/role"_json_pointer, "owner") ==
        "x.json: agreements[0].parties[1].role: 'owner' is not one of investor, signatory, government, agency, "
        "beneficiary, partner");
  CHECK(with("/agreements/0/parties/0/kind"_json_pointer, 3) ==
        "x.json: agreements[0].parties[0].kind: 3 is not one of company, ministry, agency, government, region, person, "
        "other");
  CHECK(with("/kind"_json_pointer, "news") == "x.json: kind: 'news' is not one of announcement, progress, both, none");
  CHECK(with("/progress/0/metric"_json_pointer, "euros") ==
        "x.json: progress[0].metric: 'euros' is not one of jobs, investment, training, capacity, other");

  // Dates must exist and be YYYY-MM-DD.
  CHECK(with("/published"_json_pointer, "2023-02-30") ==
        "x.json: published: '2023-02-30' is not a date (expected an existing date as YYYY-MM-DD)");
  CHECK(with("/agreements/0/commitments/1/deadline"_json_pointer, "99999-12-31") ==
        "x.json: agreements[0].commitments[1].deadline: '99999-12-31' is not a date (expected an existing date as "
        "YYYY-MM-DD)");
  CHECK(with("/agreements/0/signed_on"_json_pointer, "4 March 2024").starts_with(
      "x.json: agreements[0].signed_on: '4 March 2024' is not a date"));
  CHECK(with("/progress/0/as_of"_json_pointer, 2024) ==
        "x.json: progress[0].as_of: expected a date string (YYYY-MM-DD) or null, got 2024");

  // Numbers: finite, non-negative, below 1e15.
  const std::string range = " is out of range (expected a number from 0 to below 1e15)";
  CHECK(with("/agreements/0/commitments/1/target"_json_pointer, 1e308) ==
        "x.json: agreements[0].commitments[1].target: 1e+308" + range);
  CHECK(with("/agreements/0/commitments/1/target"_json_pointer, -5) ==
        "x.json: agreements[0].commitments[1].target: -5" + range);
  CHECK(with("/agreements/0/commitments/1/target"_json_pointer, "NaN") ==
        "x.json: agreements[0].commitments[1].target: expected a number, got 'NaN'");
  CHECK(with("/progress/0/value"_json_pointer, 1e15) == "x.json: progress[0].value: 1e+15" + range);
  CHECK(with("/agreements/0/commitments/0/confidence"_json_pointer, 1.5) ==
        "x.json: agreements[0].commitments[0].confidence: 1.5 is not between 0 and 1");
  {
    // 10^30 written as an integer literal: too big for any integer type.
    std::string text = sample().dump();
    const std::string from = "\"target\":1200";
    text.replace(text.find(from), from.size(), "\"target\":1000000000000000000000000000000");
    CHECK(error_of(text).starts_with("x.json: agreements[0].commitments[1].target: 1e+30 is out of range"));
  }

  // Commitment parties must be declared.
  CHECK(with("/agreements/0/commitments/2/party"_json_pointer, "Voltaria SA") ==
        "x.json: agreements[0].commitments[2].party: 'Voltaria SA' is not one of the agreement's parties[].name "
        "(Voltaria, Ministry of Industry)");

  // Types, required fields, codes.
  CHECK(with("/title"_json_pointer, 5) == "x.json: title: expected a string or null, got 5");
  CHECK(with("/text"_json_pointer, nullptr) == "x.json: text: is required");
  CHECK(with("/agreements/0/commitments/0/metric"_json_pointer, nullptr).starts_with(
      "x.json: agreements[0].commitments[0].metric: is required"));
  CHECK(with("/agreements/0/parties"_json_pointer, "Voltaria") ==
        "x.json: agreements[0].parties: expected an array, got 'Voltaria'");
  CHECK(with("/agreements/0/commitments/0"_json_pointer, 7) ==
        "x.json: agreements[0].commitments[0]: expected an object, got 7");
  CHECK(with("/agreements/0/country"_json_pointer, "Morocco") ==
        "x.json: agreements[0].country: 'Morocco' is not an ISO 3166-1 code (like MA)");
  CHECK(with("/agreements/0/region_code"_json_pointer, "06") ==
        "x.json: agreements[0].region_code: '06' is not an ISO 3166-2 code (like MA-06)");
  CHECK(with("/distractors/0/text"_json_pointer, "4 billion dollars") ==
        "x.json: distractors[0].text: '4 billion dollars' is not found in text");
  CHECK(with("/agreements/0/commitments/0/evidence/0"_json_pointer, 12) ==
        "x.json: agreements[0].commitments[0].evidence[0]: expected a string or an object {text, start, end}, got 12");
  CHECK(error_of("[1, 2]") == "x.json: expected a JSON object at the top level, got [1,2]");
}

TEST_CASE("names with bidi controls or control characters are refused, naming the field and the character") {
  auto with = [](const json::json_pointer& ptr, const json& value) {
    json j = sample();
    j[ptr] = value;
    return error_of(j);
  };
  CHECK(with("/agreements/0/parties/0/name"_json_pointer, "Volt\u202Earia") ==
        "x.json: agreements[0].parties[0].name: contains the invisible bidirectional control U+202E (RIGHT-TO-LEFT "
        "OVERRIDE) at byte 4; names must not hold bidirectional controls (they can make one name display as "
        "another); remove it");
  for (const char* bidi : {"\u202A", "\u202B", "\u202C", "\u202D", "\u2066", "\u2067", "\u2068", "\u2069"})
    CHECK(with("/agreements/0/city"_json_pointer, std::string("Fes") + bidi).find("agreements[0].city: contains the "
                                                                              "invisible bidirectional control U+2") !=
          std::string::npos);
  CHECK(with("/title"_json_pointer, "Deal\x1b[31m").starts_with(
      "x.json: title: contains the invisible control character U+001B at byte 4"));
  CHECK(with("/progress/0/party"_json_pointer, "A\nB").starts_with("x.json: progress[0].party: contains the invisible "
                                                                  "control character U+000A"));
  // Other invisible marks used in Arabic text (RLM U+200F, ZWNJ U+200C) stay allowed, as do the
  // bidi controls inside the article text itself (evidence must match it byte for byte).
  CHECK(with("/agreements/0/city"_json_pointer, "\u0641\u0627\u0633\u200F") == "");
  CHECK(with("/agreements/0/region"_json_pointer, "Fes\u200Cx") == "");
  json j = sample();
  j["text"] = j["text"].get<std::string>() + " \u202Bnote\u202C";
  CHECK(error_of(j) == "");
}

TEST_CASE("unknown keys are ignored, missing optional fields take their defaults") {
  json j = sample();
  j["reviewer"] = "someone";
  j["agreements"][0]["notes"] = {{"a", 1}};
  j["agreements"][0]["commitments"][0].erase("comparator");
  j["agreements"][0]["commitments"][0].erase("deadline_kind");
  j.erase("progress");
  const Announcement a = announcement_from_json(j.dump(), "x.json");
  CHECK(a.agreements[0].commitments[0].comparator == pledgedb::Comparator::exactly);
  CHECK(a.agreements[0].commitments[0].deadline_kind == pledgedb::DeadlineKind::none);
  CHECK(a.progress.empty());
}

TEST_CASE("malformed JSON is reported with line and column") {
  CHECK(error_of("{\n  \"text\": \"abc\",\n  \"title\": tru\n}")
            .starts_with("x.json: malformed JSON at line 3, column 15: syntax error while parsing value - invalid literal"));
  CHECK(error_of("{\"text\": \"abc\"").starts_with("x.json: malformed JSON at line 1, column 15: "));
  CHECK(error_of("").starts_with("x.json: malformed JSON at line 1, column 1: "));
  // Invalid UTF-8 inside a string is malformed JSON too.
  CHECK(error_of("{\"text\": \"caf\xC3\x28\"}").starts_with("x.json: malformed JSON at line 1, column "));
}

TEST_CASE("a number too large for a double is malformed JSON, not a crash (fuzz finding)") {
  // nlohmann throws out_of_range (not parse_error) for these; it must still be an InputError.
  CHECK(error_of(R"({"text": "abc", "x": 1e400})") ==
        "x.json: malformed JSON: number overflow parsing '1e400' (beyond the range of a number)");
  CHECK(error_of("5557E77777").starts_with("x.json: malformed JSON: number overflow parsing '5557E77777'"));
  CHECK(error_of(R"({"text": "abc", "agreements": [{"commitments": [{"target": -1E999}]}]})")
            .starts_with("x.json: malformed JSON: number overflow parsing '-1E999'"));
}

TEST_CASE("an array of more than 1000 items is refused, naming it") {
  json j = sample();
  json& parties = j["agreements"][0]["parties"];
  while (parties.size() < 1000) parties.push_back({{"name", "Party " + std::to_string(parties.size())}});
  CHECK(error_of(j) == "");
  parties.push_back({{"name", "One too many"}});
  CHECK(error_of(j) == "x.json: agreements[0].parties: 1001 items, more than the 1000 one announcement may hold");
}

TEST_CASE("nesting deeper than 64 levels is refused before parsing") {
  auto nested = [](std::size_t depth) {
    std::string s = "{\"text\": \"t\", \"x\": ";
    for (std::size_t i = 1; i < depth; ++i) s += "[";
    for (std::size_t i = 1; i < depth; ++i) s += "]";
    return s + "}";
  };
  CHECK(error_of(nested(64)) == "");
  CHECK(error_of(nested(65)) == "x.json: JSON nested deeper than 64 levels at line 1, column 83");
  // A million brackets would overflow a recursive parser's stack.
  CHECK(error_of(std::string(1000000, '[')).starts_with("x.json: JSON nested deeper than 64 levels"));
  // Brackets inside strings do not count.
  CHECK(error_of(R"({"text": "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\"[["})") ==
        "");
}

TEST_CASE("NDJSON: one announcement a line, errors name the line") {
  const std::string one = sample().dump();
  json bad = sample();
  bad["published"] = "2024-13-01";
  const auto all = pledgedb::announcements_from_ndjson(one + "\n\n" + one + "\n", "batch.ndjson");
  CHECK(all.size() == 2);
  try {
    pledgedb::announcements_from_ndjson(one + "\n\n" + bad.dump() + "\n", "batch.ndjson");
    FAIL("accepted a bad line");
  } catch (const InputError& e) {
    CHECK(std::string(e.what()) ==
          "batch.ndjson:3: published: '2024-13-01' is not a date (expected an existing date as YYYY-MM-DD)");
  }
}

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "pledgedb/extract/dates.hpp"
#include "pledgedb/model.hpp"

using pledgedb::Date;
using pledgedb::DeadlineKind;
using pledgedb::extract::DeadlineMatch;
using pledgedb::extract::find_deadlines;

namespace {

struct Seen {
  std::string words;
  std::string deadline;  // "" when unresolved
  DeadlineKind kind = DeadlineKind::none;
  int years = -1, months = -1, days = -1;  // -1: no duration
};

std::vector<Seen> deadlines(std::string_view text, std::optional<Date> start = std::nullopt) {
  std::vector<Seen> out;
  for (const DeadlineMatch& m : find_deadlines(text, "", start)) {
    Seen s;
    s.words = std::string(text.substr(m.begin, m.end - m.begin));
    s.deadline = m.deadline ? m.deadline->to_string() : "";
    s.kind = m.kind;
    if (m.duration) s.years = m.duration->years, s.months = m.duration->months, s.days = m.duration->days;
    out.push_back(s);
  }
  return out;
}

Seen only(std::string_view text, std::optional<Date> start = std::nullopt) {
  auto all = deadlines(text, start);
  if (all.size() != 1) {
    MESSAGE(all.size() << " deadlines in: " << text);
    for (const auto& s : all) MESSAGE("  match: " << s.words);
    return {};
  }
  return all[0];
}

const Date kSigned = Date(2025, 7, 22);

}  // namespace

TEST_CASE("year horizons give the year's last day") {
  struct Case {
    const char* text;
    const char* words;
    const char* deadline;
  };
  const Case cases[] = {
      {"The operator will hire 900 people by 2029, the minister said.", "by 2029", "2029-12-31"},
      {"Les embauches seront achevées d'ici 2029.", "d'ici 2029", "2029-12-31"},
      {"Les embauches seront achevées d'ici à 2028.", "d'ici à 2028", "2028-12-31"},
      {"un parc de 40 usines à l'horizon 2030", "à l'horizon 2030", "2030-12-31"},
      {"un parc de 40 usines horizon 2030", "horizon 2030", "2030-12-31"},
      {"un parc de 40 usines à horizon 2030", "à horizon 2030", "2030-12-31"},
      {"سيتم إحداث 700 منصب بحلول 2029", "بحلول 2029", "2029-12-31"},
      {"سيتم إحداث 700 منصب بحلول سنة 2029 حسب البلاغ", "بحلول سنة 2029", "2029-12-31"},
      {"سيتم إحداث 700 منصب وبحلول عام 2029", "بحلول عام 2029", "2029-12-31"},
      {"مشروع يروم خلق فرص الشغل في أفق 2030", "في أفق 2030", "2030-12-31"},
      {"مشروع يروم خلق فرص الشغل أفق سنة 2030", "أفق سنة 2030", "2030-12-31"},
      {"la fábrica estará lista para 2024", "para 2024", "2024-12-31"},
      {"by the year 2031", "by the year 2031", "2031-12-31"},
      {"على أن يتم ذلك بحلول عام 2030م", "بحلول عام 2030م", "2030-12-31"},
      {"D'ICI 2029 selon le PDG", "D'ICI 2029", "2029-12-31"},
      {"Les recrutements se feront d'ici l'an 2030.", "d'ici l'an 2030", "2030-12-31"},
  };
  for (const auto& c : cases) {
    CAPTURE(std::string(c.text));
    auto s = only(c.text, kSigned);
    CHECK(s.words == c.words);
    CHECK(s.deadline == c.deadline);
    CHECK(s.kind == DeadlineKind::horizon);
  }
}

TEST_CASE("'before YEAR' means by the end of the previous year") {
  for (const char* text : {"before 2026", "avant 2026", "قبل 2026", "antes de 2026", "avant l'année 2026"}) {
    CAPTURE(std::string(text));
    auto s = only(text);
    CHECK(s.deadline == "2025-12-31");
    CHECK(s.kind == DeadlineKind::horizon);
  }
  // Before the end of a year is that year's end.
  CHECK(only("before the end of 2026").deadline == "2026-12-31");
  CHECK(only("قبل نهاية سنة 2026").deadline == "2026-12-31");
  CHECK(only("avant fin 2026").words == "avant fin 2026");
}

TEST_CASE("program names and past years are not deadlines") {
  CHECK(deadlines("Le projet s'inscrit dans la stratégie Maroc Digital 2030.", kSigned).empty());
  CHECK(deadlines("يندرج المشروع في إطار استراتيجية المغرب الرقمي 2030", kSigned).empty());
  CHECK(deadlines("in line with Vision 2030", kSigned).empty());
  CHECK(deadlines("Le groupe est implanté au Maroc depuis 2018.", kSigned).empty());
  CHECK(deadlines("L'usine a ouvert en 2019 et emploie 1200 personnes.", kSigned).empty());
  CHECK(deadlines("Le groupe recrutera en 2027 des ingénieurs.", kSigned).empty());
  CHECK(deadlines("funded under Horizon 2020 grants", kSigned).empty());
  CHECK(deadlines("by 2,500 jobs", kSigned).empty());
  // A past range describes history.
  CHECK(deadlines("between 2015 and 2018 exports grew", kSigned).empty());
}

TEST_CASE("ends, middles, halves and quarters of years") {
  struct Case {
    const char* text;
    const char* words;
    const char* deadline;
    DeadlineKind kind;
  };
  const auto H = DeadlineKind::horizon;
  const auto A = DeadlineKind::absolute;
  const Case cases[] = {
      {"livraison prévue fin 2026 selon le groupe", "fin 2026", "2026-12-31", H},
      {"avant la fin de l'année 2026", "avant la fin de l'année 2026", "2026-12-31", H},
      {"d'ici fin 2026", "d'ici fin 2026", "2026-12-31", H},
      {"expected by the end of 2026", "by the end of 2026", "2026-12-31", H},
      {"expected end-2026", "end-2026", "2026-12-31", H},
      {"target for year-end 2026", "year-end 2026", "2026-12-31", H},
      {"على أن يكتمل في نهاية 2026", "في نهاية 2026", "2026-12-31", H},
      {"على أن يكتمل مع نهاية سنة 2026", "مع نهاية سنة 2026", "2026-12-31", H},
      {"على أن يكتمل في متم سنة 2026", "في متم سنة 2026", "2026-12-31", H},
      {"a finales de 2026", "a finales de 2026", "2026-12-31", H},
      {"opérationnel à la mi-2027", "à la mi-2027", "2027-06-30", A},
      {"operational by mid-2027", "by mid-2027", "2027-06-30", A},
      {"الافتتاح منتصف 2027", "منتصف 2027", "2027-06-30", A},
      {"in the first half of 2027", "in the first half of 2027", "2027-06-30", A},
      {"au premier semestre 2027", "au premier semestre 2027", "2027-06-30", A},
      {"in the second half of 2027", "in the second half of 2027", "2027-12-31", A},
      {"start-up slated for Q3 2026", "Q3 2026", "2026-09-30", A},
      {"in the third quarter of 2026", "in the third quarter of 2026", "2026-09-30", A},
      {"au 3e trimestre 2026", "au 3e trimestre 2026", "2026-09-30", A},
      {"خلال الربع الثالث من 2026", "خلال الربع الثالث من 2026", "2026-09-30", A},
      {"Q1 2028", "Q1 2028", "2028-03-31", A},
      {"Q4 2028", "Q4 2028", "2028-12-31", A},
      {"fin juillet 2026", "fin juillet 2026", "2026-07-31", A},
      {"by the end of February 2028", "by the end of February 2028", "2028-02-29", A},
      {"d'ici la fin du premier semestre 2027", "d'ici la fin du premier semestre 2027", "2027-06-30", A},
      {"before the end of the third quarter of 2026", "before the end of the third quarter of 2026", "2026-09-30", A},
  };
  for (const auto& c : cases) {
    CAPTURE(std::string(c.text));
    auto s = only(c.text);
    CHECK(s.words == c.words);
    CHECK(s.deadline == c.deadline);
    CHECK(s.kind == c.kind);
  }
}

TEST_CASE("the end of the current year needs a start date") {
  CHECK(only("d'ici la fin de l'année", kSigned).deadline == "2025-12-31");
  CHECK(only("by the end of the year", kSigned).deadline == "2025-12-31");
  CHECK(only("by the end of next year", kSigned).deadline == "2026-12-31");
  CHECK(only("بحلول نهاية السنة الجارية", kSigned).deadline == "2025-12-31");
  CHECK(only("before year-end", kSigned).deadline == "2025-12-31");
  CHECK(deadlines("d'ici la fin de l'année").empty());
}

TEST_CASE("absolute deadlines: a cue and a date or a month") {
  struct Case {
    const char* text;
    const char* words;
    const char* deadline;
  };
  const Case cases[] = {
      {"all hires are due by July 22, 2029.", "by July 22, 2029", "2029-07-22"},
      {"d'ici le 31 décembre 2026, le site", "d'ici le 31 décembre 2026", "2026-12-31"},
      {"avant le 30 juin 2027", "avant le 30 juin 2027", "2027-06-30"},
      {"بحلول 30 يونيو 2027", "بحلول 30 يونيو 2027", "2027-06-30"},
      {"by Dec. 31, 2025", "by Dec. 31, 2025", "2025-12-31"},
      {"by 2020-04-30", "by 2020-04-30", "2020-04-30"},
      {"by April 2020", "by April 2020", "2020-04-30"},
      {"by February 2024", "by February 2024", "2024-02-29"},
      {"avant juin 2027", "avant juin 2027", "2027-05-31"},
      {"para el 31 de diciembre de 2026", "para el 31 de diciembre de 2026", "2026-12-31"},
  };
  for (const auto& c : cases) {
    CAPTURE(std::string(c.text));
    auto s = only(c.text);
    CHECK(s.words == c.words);
    CHECK(s.deadline == c.deadline);
    CHECK(s.kind == DeadlineKind::absolute);
  }
  // A day and month without a year: the next one on or after the start.
  CHECK(only("d'ici le 31 mars", kSigned).deadline == "2026-03-31");
  CHECK(only("d'ici le 31 octobre", kSigned).deadline == "2025-10-31");
  CHECK(deadlines("d'ici le 31 mars").empty());
  // An impossible date is no deadline.
  CHECK(deadlines("avant le 31 juin 2027").empty());
}

TEST_CASE("relative deadlines in four languages") {
  struct Case {
    const char* text;
    const char* words;
    int years, months;
  };
  const Case cases[] = {
      {"The group will hire 500 engineers within four years.", "within four years", 4, 0},
      {"The group will hire 500 engineers within the next four years.", "within the next four years", 4, 0},
      {"500 jobs over the next 5 years", "over the next 5 years", 5, 0},
      {"in the next three years", "in the next three years", 3, 0},
      {"a $2bn plan over five years", "over five years", 5, 0},
      {"within 18 months of signing", "within 18 months", 0, 18},
      {"within a year", "within a year", 1, 0},
      {"dans les quatre prochaines années", "dans les quatre prochaines années", 4, 0},
      {"dans les 4 ans", "dans les 4 ans", 4, 0},
      {"d'ici quatre ans", "d'ici quatre ans", 4, 0},
      {"sur quatre ans", "sur quatre ans", 4, 0},
      {"sur une période de 5 ans", "sur une période de 5 ans", 5, 0},
      {"en quatre ans", "en quatre ans", 4, 0},
      {"au cours des cinq prochaines années", "au cours des cinq prochaines années", 5, 0},
      {"dans 18 mois", "dans 18 mois", 0, 18},
      {"d'ici un an", "d'ici un an", 1, 0},
      {"خلال السنوات الأربع المقبلة", "خلال السنوات الأربع المقبلة", 4, 0},
      {"خلال الأربع سنوات المقبلة", "خلال الأربع سنوات المقبلة", 4, 0},
      {"خلال أربع سنوات", "خلال أربع سنوات", 4, 0},
      {"في غضون 4 سنوات", "في غضون 4 سنوات", 4, 0},
      {"على مدى خمس سنوات", "على مدى خمس سنوات", 5, 0},
      {"في السنوات الخمس القادمة", "في السنوات الخمس القادمة", 5, 0},
      {"خلال 18 شهرا", "خلال 18 شهرا", 0, 18},
      {"خلال سنتين", "خلال سنتين", 2, 0},
      {"في غضون عامين", "في غضون عامين", 2, 0},
      {"خلال العامين المقبلين", "خلال العامين المقبلين", 2, 0},
      {"خلال سنة", "خلال سنة", 1, 0},
      {"في غضون عام", "في غضون عام", 1, 0},
      {"en el plazo de 3 años", "en el plazo de 3 años", 3, 0},
      {"en los próximos tres años", "en los próximos tres años", 3, 0},
      {"over the next decade", "over the next decade", 10, 0},
      {"خلال العقد المقبل", "خلال العقد المقبل", 10, 0},
  };
  for (const auto& c : cases) {
    CAPTURE(std::string(c.text));
    auto s = only(c.text, kSigned);
    CHECK(s.words == c.words);
    CHECK(s.kind == DeadlineKind::relative);
    CHECK(s.years == c.years);
    CHECK(s.months == c.months);
    CHECK(s.deadline == Date(2025, 7, 22).add_years(c.years).add_months(c.months).to_string());
  }
  CHECK(only("within four years", kSigned).deadline == "2029-07-22");
  CHECK(only("خلال 18 شهرا", kSigned).deadline == "2027-01-22");
}

TEST_CASE("relative deadlines without a start keep the duration only") {
  auto s = only("L'entreprise s'engage à recruter 300 personnes dans les quatre prochaines années.");
  CHECK(s.words == "dans les quatre prochaines années");
  CHECK(s.kind == DeadlineKind::relative);
  CHECK(s.deadline.empty());
  CHECK(s.years == 4);
  CHECK(s.months == 0);
}

TEST_CASE("relative deadlines clamp at month ends and never snap to calendar years") {
  CHECK(only("within four years", Date(2025, 12, 31)).deadline == "2029-12-31");
  CHECK(only("within one year", Date(2024, 2, 29)).deadline == "2025-02-28");
  CHECK(only("within four years", Date(2024, 2, 29)).deadline == "2028-02-29");
  CHECK(only("dans 6 mois", Date(2025, 8, 31)).deadline == "2026-02-28");
  CHECK(only("within two weeks", Date(2025, 12, 25)).deadline == "2026-01-08");
}

TEST_CASE("words that look like durations but are not") {
  CHECK(deadlines("in three years the firm doubled", kSigned).empty());   // "in" needs "next"
  CHECK(deadlines("within the year", kSigned).empty());                   // no count
  CHECK(deadlines("over 500 jobs", kSigned).empty());
  CHECK(deadlines("sur 40 hectares", kSigned).empty());
  CHECK(deadlines("خلال الأشهر المقبلة", kSigned).empty());                  // no count
  CHECK(deadlines("dans l'année", kSigned).empty());
  CHECK(deadlines("خلال العقد", kSigned).empty());  // "during the contract"
  // "خلال سنة 2025" is a year, not one year from now; and "in 2025" is too weak.
  CHECK(deadlines("خلال سنة 2025", kSigned).empty());
  // Past periods.
  CHECK(deadlines("ارتفعت الصادرات خلال السنوات الخمس الماضية", kSigned).empty());
  CHECK(deadlines("ارتفعت الصادرات خلال الخمس سنوات الأخيرة", kSigned).empty());
  CHECK(deadlines("sur les cinq dernières années", kSigned).empty());
  CHECK(deadlines("en quatre années écoulées", kSigned).empty());
  CHECK(deadlines("over the past five years", kSigned).empty());
  CHECK(deadlines("en los últimos tres años", kSigned).empty());
}

TEST_CASE("ranges of years end at the second year") {
  CHECK(only("entre 2024 et 2026").deadline == "2026-12-31");
  CHECK(only("entre 2024 et 2026").words == "entre 2024 et 2026");
  CHECK(only("ما بين 2024 و2026").deadline == "2026-12-31");
  CHECK(only("between 2025 and 2027", kSigned).kind == DeadlineKind::horizon);
  CHECK(only("de 2025 à 2030", kSigned).deadline == "2030-12-31");
  CHECK(only("sur la période 2025-2030", kSigned).words == "la période 2025-2030");
  CHECK(only("خلال الفترة 2025-2030", kSigned).deadline == "2030-12-31");
  CHECK(deadlines("de 2030 à 2025", kSigned).empty());  // not a range
  CHECK(deadlines("de 2000 emplois", kSigned).empty());
}

TEST_CASE("several deadlines in one text, in order, without overlap") {
  auto all = deadlines(
      "Phase one ends by mid-2026; the 1,200 jobs will follow within the next three years, "
      "and the second plant by 2030.",
      kSigned);
  REQUIRE(all.size() == 3);
  CHECK(all[0].words == "by mid-2026");
  CHECK(all[1].words == "within the next three years");
  CHECK(all[1].deadline == "2028-07-22");
  CHECK(all[2].words == "by 2030");
}

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "pledgedb/extract/dates.hpp"
#include "support/word_starts_check.hpp"

using pledgedb::Date;
using pledgedb::extract::DateMatch;
using pledgedb::extract::DatePrecision;
using pledgedb::extract::find_dates;

namespace {

struct Seen {
  std::string words;  // the matched words
  std::string date;   // YYYY-MM-DD
  DatePrecision precision;
  bool from_reference;
};

std::vector<Seen> dates(std::string_view text, std::optional<Date> ref = std::nullopt, std::string_view lang = "") {
  std::vector<Seen> out;
  for (const DateMatch& m : find_dates(text, lang, ref))
    out.push_back({std::string(text.substr(m.begin, m.end - m.begin)), m.date.to_string(), m.precision,
                   m.from_reference});
  return out;
}

// The one date found in `text`, or an empty Seen when there is not exactly one.
Seen only(std::string_view text, std::optional<Date> ref = std::nullopt) {
  auto all = dates(text, ref);
  if (all.size() != 1) {
    MESSAGE(all.size() << " matches in: " << text);
    for (const auto& s : all) MESSAGE("  match: " << s.words);
    return {"", "", DatePrecision::day, false};
  }
  return all[0];
}

const Date kTuesday = Date(2025, 7, 22);  // a Tuesday

}  // namespace

TEST_CASE("day-month-year dates in French, English, Spanish and Arabic") {
  auto fr = only("La convention a été paraphée le 3 février 2026 à Rabat.");
  CHECK(fr.words == "3 février 2026");
  CHECK(fr.date == "2026-02-03");
  CHECK(fr.precision == DatePrecision::day);
  CHECK_FALSE(fr.from_reference);

  CHECK(only("Entrée en vigueur le 1er mars 2026.").date == "2026-03-01");
  CHECK(only("Entrée en vigueur le 1er mars 2026.").words == "1er mars 2026");
  CHECK(only("SIGNÉ LE 14 DÉCEMBRE 2024").date == "2024-12-14");
  CHECK(only("signe le 14 decembre 2024").date == "2024-12-14");  // accents dropped by the writer

  CHECK(only("The plant opened on March 9, 2024 near the port.").words == "March 9, 2024");
  CHECK(only("The plant opened on March 9, 2024 near the port.").date == "2024-03-09");
  CHECK(only("It was agreed on 9 March 2024.").date == "2024-03-09");
  CHECK(only("It was agreed on the 3rd of November 2023.").date == "2023-11-03");
  CHECK(only("Deliveries start Feb. 2, 2027, officials said").date == "2027-02-02");

  CHECK(only("La planta abrirá el 15 de mayo de 2026.").date == "2026-05-15");

  auto ar = only("وقع الطرفان الاتفاقية يوم 14 شتنبر 2024 بالرباط");
  CHECK(ar.words == "14 شتنبر 2024");
  CHECK(ar.date == "2024-09-14");
}

TEST_CASE("Arabic month names: Maghreb, Egyptian-style and Levantine variants") {
  CHECK(only("يوم 5 يوليوز 2025").date == "2025-07-05");
  CHECK(only("يوم 5 يوليو 2025").date == "2025-07-05");
  CHECK(only("يوم 5 تموز 2025").date == "2025-07-05");
  CHECK(only("في 2 غشت 2023").date == "2023-08-02");
  CHECK(only("في 2 أغسطس 2023").date == "2023-08-02");
  CHECK(only("في 2 آب 2023").date == "2023-08-02");
  CHECK(only("بتاريخ 11 نونبر 2022").date == "2022-11-11");
  CHECK(only("بتاريخ 11 نوفمبر 2022").date == "2022-11-11");
  CHECK(only("بتاريخ 11 تشرين الثاني 2022").date == "2022-11-11");
  CHECK(only("بتاريخ 11 كانون الثاني 2022").date == "2022-01-11");
  CHECK(only("بتاريخ 11 كانون الأول 2022").date == "2022-12-11");
  CHECK(only("بتاريخ 11 كانون الاول 2022").date == "2022-12-11");  // alef without hamza
  CHECK(only("في 30 ابريل 2021").date == "2021-04-30");
  CHECK(only("في 30 إبريل 2021").date == "2021-04-30");
  CHECK(only("في 30 نيسان 2021").date == "2021-04-30");
  CHECK(only("في 8 ماي 2021").date == "2021-05-08");
  CHECK(only("في 8 أيار 2021").date == "2021-05-08");
  CHECK(only("في 1 دجنبر 2020").date == "2020-12-01");
  CHECK(only("في 1 ديسمبر 2020").date == "2020-12-01");
  CHECK(only("في 1 شباط 2020").date == "2020-02-01");
  CHECK(only("في 1 أيلول 2020").date == "2020-09-01");
  CHECK(only("في 1 حزيران 2020").date == "2020-06-01");
  CHECK(only("في 1 آذار 2020").date == "2020-03-01");
}

TEST_CASE("numeric dates are day-first, ISO is year-first") {
  CHECK(only("publié le 05/03/2026").date == "2026-03-05");
  CHECK(only("publié le 05-03-2026").date == "2026-03-05");
  CHECK(only("publié le 05.03.2026").date == "2026-03-05");
  CHECK(only("published 2026-03-05").date == "2026-03-05");
  // Month-first only where day-first is impossible.
  CHECK(only("filed 03/25/2026 in Delaware").date == "2026-03-25");
  // Money and decimals are not dates.
  CHECK(dates("un budget de 1.200.000 dirhams et un taux de 12.05 %").empty());
}

TEST_CASE("impossible dates are rejected whole") {
  CHECK(dates("le 31 février 2026").empty());
  CHECK(dates("le 30/02/2025").empty());
  CHECK(dates("on 2023-02-29").empty());
  CHECK(dates("le 31 avril 2026").empty());
  CHECK(only("on 2024-02-29").date == "2024-02-29");
  CHECK(only("le 29 février 2024").date == "2024-02-29");
}

TEST_CASE("month and year give month precision") {
  auto fr = only("Les travaux commenceront en septembre 2026.");
  CHECK(fr.words == "septembre 2026");
  CHECK(fr.date == "2026-09-01");
  CHECK(fr.precision == DatePrecision::month);
  CHECK(only("Production began in October 2019.").precision == DatePrecision::month);
  CHECK(only("Production began in October 2019.").date == "2019-10-01");
  CHECK(only("تم الإعلان في أبريل 2023").date == "2023-04-01");
  CHECK(only("a partir de junio de 2027").date == "2027-06-01");
  CHECK(only("in Sept. 2025 they said").date == "2025-09-01");
}

TEST_CASE("a bare year needs a temporal cue and is never a count") {
  CHECK(dates("L'usine emploie 1200 personnes.").empty());
  CHECK(dates("la stratégie Maroc Digital 2030 vise les jeunes").empty());
  CHECK(dates("ضمن استراتيجية المغرب الرقمي 2030").empty());
  CHECK(dates("as part of Vision 2030").empty());
  CHECK(dates("2019 jobs were created").empty());

  auto en = only("Exports doubled in 2019.");
  CHECK(en.words == "2019");
  CHECK(en.date == "2019-01-01");
  CHECK(en.precision == DatePrecision::year);
  CHECK(only("Le groupe est présent au Maroc depuis 2018.").date == "2018-01-01");
  CHECK(only("operating since 2018").words == "2018");
  CHECK(only("Le site sera agrandi en 2024.").date == "2024-01-01");
  CHECK(only("au cours de l'année 2026").words == "l'année 2026");
  CHECK(only("سيتم ذلك سنة 2029").words == "سنة 2029");
  CHECK(only("سيتم ذلك في عام 2030").words == "عام 2030");
  CHECK(only("سيتم ذلك في عام 2030").date == "2030-01-01");
  CHECK(only("سيتم ذلك في عام 2030م").words == "عام 2030م");
  CHECK(only("وذلك لسنة 2027").words == "سنة 2027");  // glued preposition
  // A year-like number followed by a decimal part or a percent sign is a number.
  CHECK(dates("en 2024,5 millions").empty());
  CHECK(dates("in 2025% of cases").empty());

  auto range = dates("entre 2024 et 2026");
  REQUIRE(range.size() == 2);
  CHECK(range[0].date == "2024-01-01");
  CHECK(range[1].date == "2026-01-01");
  auto ar_range = dates("ما بين 2024 و2026");
  REQUIRE(ar_range.size() == 2);
  CHECK(ar_range[1].words == "2026");
}

TEST_CASE("weekdays and today resolve from the reference date only") {
  // Without a reference there is nothing to resolve.
  CHECK(dates("Le ministre a annoncé lundi que...").empty());
  CHECK(dates("announced today").empty());
  CHECK(dates("أعلن اليوم").empty());

  auto mon = only("Le ministre a annoncé lundi que le projet avance.", kTuesday);
  CHECK(mon.words == "lundi");
  CHECK(mon.date == "2025-07-21");
  CHECK(mon.from_reference);
  // The reference's own weekday is the reference day itself...
  CHECK(only("The deal was signed on Tuesday.", kTuesday).date == "2025-07-22");
  // ...unless the text says "last".
  CHECK(only("mardi dernier", kTuesday).date == "2025-07-15");
  CHECK(only("last Tuesday", kTuesday).date == "2025-07-15");
  CHECK(only("the company said on Wednesday", kTuesday).date == "2025-07-16");
  CHECK(only("أعلنت الشركة يوم الأربعاء", kTuesday).date == "2025-07-16");
  CHECK(only("أعلنت الشركة يوم الاربعاء", kTuesday).date == "2025-07-16");
  CHECK(only("وقعت الاتفاقية الأحد", kTuesday).date == "2025-07-20");
  CHECK(only("el viernes", kTuesday).date == "2025-07-18");
  // Future weekdays are not resolved.
  CHECK(dates("la signature aura lieu lundi prochain", kTuesday).empty());
  CHECK(dates("signing next Monday", kTuesday).empty());
  // A weekday before a full date is not counted twice.
  auto both = dates("Tuesday, July 22, 2025", kTuesday);
  REQUIRE(both.size() == 1);
  CHECK(both[0].words == "July 22, 2025");
  CHECK_FALSE(both[0].from_reference);

  CHECK(only("Le groupe a annoncé aujourd'hui", kTuesday).date == "2025-07-22");
  CHECK(only("announced today", kTuesday).date == "2025-07-22");
  CHECK(only("أعلنت الوزارة اليوم عن", kTuesday).date == "2025-07-22");
  CHECK(only("hier", kTuesday).date == "2025-07-21");
  CHECK(only("yesterday", kTuesday).date == "2025-07-21");
  CHECK(only("أمس", kTuesday).date == "2025-07-21");
  // "اليوم الوطني" is "the national day", not today.
  CHECK(dates("بمناسبة اليوم الوطني", kTuesday).empty());
  // Across a year end.
  CHECK(only("hier", Date(2026, 1, 1)).date == "2025-12-31");
  CHECK(only("vendredi", Date(2026, 1, 1)).date == "2025-12-26");
}

TEST_CASE("current month and missing years come from the reference") {
  auto cur = only("وقع الطرفان يوم 15 يوليوز الجاري", kTuesday);
  CHECK(cur.words == "15 يوليوز الجاري");
  CHECK(cur.date == "2025-07-15");
  CHECK(cur.from_reference);
  CHECK(only("le 15 courant", kTuesday).date == "2025-07-15");
  CHECK(only("ce mois", kTuesday).date == "2025-07-01");
  CHECK(only("ce mois", kTuesday).precision == DatePrecision::month);
  CHECK(only("this month", kTuesday).precision == DatePrecision::month);
  CHECK(only("الشهر الجاري", kTuesday).date == "2025-07-01");

  // A day and month without a year take the reference year, even when that is later than
  // the reference (documented choice).
  auto fr = only("signé le 3 juillet à Tanger", kTuesday);
  CHECK(fr.words == "3 juillet");
  CHECK(fr.date == "2025-07-03");
  CHECK(fr.from_reference);
  CHECK(only("prévu le 30 décembre", kTuesday).date == "2025-12-30");
  CHECK(only("signed on July 3, in Tangier", kTuesday).date == "2025-07-03");
  CHECK(dates("signé le 3 juillet à Tanger").empty());  // no reference, no year
  // "in May 5 companies" is a count, not May 5.
  CHECK(dates("in May 5 companies joined", kTuesday).empty());

  CHECK(only("juillet dernier", kTuesday).date == "2024-07-01");
  CHECK(only("mars dernier", kTuesday).date == "2025-03-01");
  CHECK(only("شتنبر المقبل", kTuesday).date == "2025-09-01");
  CHECK(only("l'année dernière", kTuesday).date == "2024-01-01");
  CHECK(only("l'année dernière", kTuesday).precision == DatePrecision::year);
}

TEST_CASE("match_date_at reads one date at a position") {
  using pledgedb::extract::match_date_at;
  const std::string s = "avant le 30 juin 2027 ou";
  auto m = match_date_at(s, 9, std::nullopt);
  REQUIRE(m);
  CHECK(m->date.to_string() == "2027-06-30");
  CHECK(s.substr(m->begin, m->end - m->begin) == "30 juin 2027");
  CHECK_FALSE(match_date_at(s, 0, std::nullopt));
  // With `future`, a missing year is the next such day on or after the reference.
  const std::string t = "31 mars";
  CHECK(match_date_at(t, 0, Date(2025, 7, 22), true)->date.to_string() == "2026-03-31");
  CHECK(match_date_at(t, 0, Date(2025, 7, 22), false)->date.to_string() == "2025-03-31");
}

TEST_CASE("match_count_at reads small counts in four languages") {
  using pledgedb::extract::match_count_at;
  auto count = [](std::string_view s) {
    auto c = match_count_at(s, 0);
    return c ? c->value : -1;
  };
  CHECK(count("four") == 4);
  CHECK(count("Quatre") == 4);
  CHECK(count("cuatro") == 4);
  CHECK(count("أربع") == 4);
  CHECK(count("أربعة") == 4);
  CHECK(count("الأربع") == 4);
  CHECK(count("الأربعة") == 4);
  CHECK(count("الاربعة") == 4);
  CHECK(count("خمس") == 5);
  CHECK(count("خمسة") == 5);
  CHECK(count("ثلاث") == 3);
  CHECK(count("عشر") == 10);
  CHECK(count("خمس عشرة") == 15);
  CHECK(count("dix-huit") == 18);
  CHECK(count("eighteen") == 18);
  CHECK(count("18") == 18);
  CHECK(count("2029") == -1);
  CHECK(count("4,5") == -1);
  CHECK(count("fourteenth") == -1);
}

TEST_CASE("phrase lexicon: the two-byte pre-check never rejects a word a phrase starts") {
  using pledgedb::extract::date_detail::Lexicon;
  Lexicon l;
  l.add("by", 1);
  l.add("d'ici", 2);
  l.add("q", 3);            // one letter: any second byte
  l.add("\xC3\xA9t\xC3\xA9", 4);  // été: folds to "ete"
  const std::string text = "By 2030, D'ici 2029, Q 2026, ETE 2027, company, market";
  for (std::size_t pos : {std::size_t(0), text.find("D'"), text.find("Q "), text.find("ETE")}) {
    CHECK(l.may_match(text, pos));
    CHECK(l.match(text, pos));
  }
  CHECK_FALSE(l.may_match(text, text.find("company")));
  CHECK_FALSE(l.may_match(text, text.find("market")));
  CHECK(l.may_match("\xC3\xA9t\xC3\xA9", 0));  // non-ASCII bytes: left to the walk
}

TEST_CASE("word_starts keeps every word start where a scanner's lexicon matches") {
  namespace dd = pledgedb::extract::date_detail;
  const std::vector<std::string> texts = {
      "By the END of 2026, D'ICI 2027, à l'horizon 2030, mi-2027, Mid-2028, d'ici fin décembre, DÉCEMBRE 2025.",
      "Le premier semestre 2027, le 3e trimestre, 1er semestre, H1 2027, Q3 2026, t4 2026, year-end, l'année prochaine.",
      "وقعت يوم الثلاثاء 22 يوليوز 2025 وبحلول نهاية 2028 ومع متم سنة 2030 وفي أفق 2035 بالرباط خلال السنوات الأربع المقبلة.",
      "El próximo año, a finales de 2026, en el plazo de tres años, miércoles, sábado, hoy y ayer.",
      "ɐɐ2025 ʃin 2026 dès 2024ɐ, inɐ 2025, Ὀ in 2024, fooin in-2025 the-end",
      "Today, yesterday, tomorrow, this month, next Monday, last Friday, quatre-vingt, dix-huit, الإثنين والأحد.",
      "\xC3 \xD9 in \xE0\x89\x90 2025 \xD9\x88\xE0\x98\xA1 by"};
  for (const auto& s : texts) {
    CAPTURE(s);
    CHECK(pledgedb::test::check_lexicon_starts_kept(s, dd::word_starts(s)) > 0);
  }
  // Words no phrase begins with are left out.
  const auto none = dd::word_starts("company market announced people factory");
  CHECK(none.dates.empty());
  CHECK(none.deadlines.empty());
  // Numbers: those a date may begin with are kept (1-2 digits, or 4 before '-' or '/'), and the
  // date scanner finds the same over them as over every word.
  const std::string numbers =
      "Le 22/07/2025, 2025-07-22, 22.07.2025, 7/22/2025, 1er juillet, 3 000 emplois, 2030, 12345, 150 millions, "
      "31 février 2026, 22 يوليوز 2025, 1,5 milliard, 05-06-2024, 2024/05/06, 99, 2e trimestre 2027.";
  const auto kept = dd::word_starts(numbers);
  auto kept_date = [&kept](std::size_t i) {
    for (auto x : kept.dates)
      if (x == i) return true;
    return false;
  };
  CHECK(kept_date(numbers.find("22/07")));
  CHECK(kept_date(numbers.find("2025-07")));
  CHECK(kept_date(numbers.find("1er")));
  CHECK_FALSE(kept_date(numbers.find("000")));
  CHECK_FALSE(kept_date(numbers.find("2030")));
  CHECK_FALSE(kept_date(numbers.find("12345")));
  const Date ref(2025, 7, 22);
  const auto all = find_dates(numbers, "", ref), listed = find_dates(numbers, "", ref, kept);
  REQUIRE(all.size() == listed.size());
  for (std::size_t k = 0; k < all.size(); ++k) {
    CHECK(all[k].begin == listed[k].begin);
    CHECK(all[k].end == listed[k].end);
    CHECK(all[k].date == listed[k].date);
  }
}

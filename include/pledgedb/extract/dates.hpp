#pragma once
// Date and deadline mentions in normalized text. Offsets are byte offsets into it.
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "pledgedb/date.hpp"
#include "pledgedb/model.hpp"

namespace pledgedb::extract {

enum class DatePrecision { day, month, year };

struct DateMatch {
  std::size_t begin = 0, end = 0;
  Date date;  // for month/year precision: the first day of the period
  DatePrecision precision = DatePrecision::day;
  bool from_reference = false;  // "today", "mardi", "اليوم": resolved from the reference date
};

// Absolute dates ("22 juillet 2025", "July 22, 2025", "22 يوليوز 2025", "22/07/2025",
// "كانون الثاني 2024"), weekdays and today/aujourd'hui/اليوم (only with a reference date).
// A bare year only with a temporal cue ("en 2024", "in 2019", "سنة 2029"), never a count.
std::vector<DateMatch> find_dates(std::string_view normalized, std::string_view lang,
                                  std::optional<Date> reference);

struct Duration {
  int years = 0, months = 0, days = 0;
};

struct DeadlineMatch {
  std::size_t begin = 0, end = 0;    // the deadline words ("d'ici 2029", "خلال السنوات الأربع المقبلة")
  DeadlineKind kind = DeadlineKind::none;
  std::optional<Date> deadline;      // resolved date; empty for a relative one without a start
  std::optional<Duration> duration;  // for relative deadlines
};

// "by/d'ici/à l'horizon/بحلول/في أفق YEAR" -> YEAR-12-31 (horizon); "fin 2026", "end of 2026",
// "نهاية 2026" -> 2026-12-31; "mid-2027" -> 2027-06-30; absolute dates after by/avant/قبل
// (absolute); "within/over the next N years", "dans les N prochaines années", "sur N ans",
// "خلال السنوات N المقبلة", "في غضون N سنوات" -> start + N years (relative). Never fills a
// month or day from the start date, never snaps to calendar years.
std::vector<DeadlineMatch> find_deadlines(std::string_view normalized, std::string_view lang,
                                          std::optional<Date> start);

}  // namespace pledgedb::extract

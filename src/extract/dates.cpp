// Absolute and reference-relative date mentions in normalized text (ar/fr/en/es).
//
// Choices:
// - Numeric dates are day-first (22/07/2025, 22.07.2025, 22-07-2025) unless the first field
//   cannot be a month... i.e. 07/22/2025 is read month-first only because 22 is no month.
// - A day and month without a year take the reference year, even when that puts the date after
//   the reference: news reports recent events, and "on 30 December" in a January article is
//   more often a typo'd year than next year's date. Without a reference there is no match.
// - from_reference is set whenever the reference supplied part of the date (weekday, today,
//   "ce mois", "الجاري", a missing year).
// - A weekday is the most recent such day on or before the reference ("lundi dernier": strictly
//   before); "next Monday"/"lundi prochain" are skipped (future, unresolvable as news dates).
// - A bare year needs a cue right before it ("en", "in", "since", "depuis", "سنة", "عام",
//   "في", "منذ", "by", "d'ici"...); the span covers the year and a year noun ("année 2026",
//   "سنة 2029") but not a preposition. Years are 1900..2100. "Maroc Digital 2030" has no cue.
// - Month-first without a year ("July 22") needs a capitalised Latin month name and
//   punctuation or the end of text after the day, to keep "in May 5 companies" out.
// - An impossible date ("31 février 2026") is skipped whole, not re-read as "février 2026".
#include <array>
#include <string>

#include "pledgedb/extract/dates.hpp"

namespace pledgedb::extract {
namespace {
using namespace date_detail;

// Ids in the main lexicon.
enum : int {
  kMonth = 0,          // + 1..12
  kMonthAbbrev = 100,  // + 1..12, may be followed by '.'
  kWeekday = 200,      // + 0..6 (Monday = 0)
  kWeekdayLast = 220,  // "last Monday", "pasado lunes"
  kWeekdayNext = 240,  // "next Monday": future, skipped
  kToday = 300,
  kYesterday = 301,
  kTomorrow = 302,
  kThisMonth = 310,
  kThisYear = 311,
  kLastYear = 312,
  kNextYear = 313,
  kYearPrep = 400,  // "en", "since", "منذ" + YEAR (not in the span)
  kYearNoun = 401,  // "année", "سنة" + YEAR (in the span)
};

struct Lexicons {
  Lexicon main;         // word-start dispatch for find_dates
  Lexicon months;       // month names only
  Lexicon link_dm;      // between day and month: "de", "of", "من", "شهر"
  Lexicon link_my;      // between month and year: "de", "del", "سنة", "عام"
  Lexicon current;      // after a month: "الجاري", "courant" -> reference year
  Lexicon past_next;    // after a month or weekday: 1 = past ("dernier"), 2 = next ("prochain")
  Lexicon day_of_this;  // after a day: "من الشهر الجاري", "courant" -> reference month
  Lexicon ordinal;      // attached to a day: "er", "st", "nd"...
  Lexicon article;      // between a weekday and a date: "le", "the", "el"
  Lexicon range_conn;   // "et", "and", "إلى" between two years
  Lexicon counts;       // number words 1..20
};

void add_all(Lexicon& l, std::initializer_list<const char*> words, int id) {
  for (const char* w : words) l.add(w, id);
}

Lexicons build() {
  Lexicons L;
  const std::array<std::initializer_list<const char*>, 12> full = {{
      {"يناير", "جانفي", "كانون الثاني", "janvier", "january", "enero"},
      {"فبراير", "فيفري", "شباط", "février", "february", "febrero"},
      {"مارس", "آذار", "mars", "march", "marzo"},
      {"أبريل", "ابريل", "إبريل", "أفريل", "نيسان", "avril", "april", "abril"},
      {"ماي", "مايو", "أيار", "mai", "may", "mayo"},
      {"يونيو", "يونيه", "جوان", "حزيران", "juin", "june", "junio"},
      {"يوليوز", "يوليو", "يوليه", "جويلية", "تموز", "juillet", "july", "julio"},
      {"غشت", "أغسطس", "أوت", "آب", "août", "august", "agosto"},
      {"شتنبر", "سبتمبر", "أيلول", "septembre", "september", "septiembre", "setiembre"},
      {"أكتوبر", "تشرين الأول", "octobre", "october", "octubre"},
      {"نونبر", "نوفمبر", "تشرين الثاني", "novembre", "november", "noviembre"},
      {"دجنبر", "ديسمبر", "كانون الأول", "décembre", "december", "diciembre"},
  }};
  const std::array<std::initializer_list<const char*>, 12> abbrev = {{
      {"jan", "janv", "ene"}, {"feb", "févr", "fevr", "fév"}, {"mar"}, {"apr", "avr", "abr"}, {}, {"jun"},
      {"jul", "juil"}, {"aug"}, {"sep", "sept"}, {"oct"}, {"nov"}, {"dec", "déc", "dic"},
  }};
  for (int m = 1; m <= 12; ++m) {
    for (const char* w : full[static_cast<std::size_t>(m - 1)]) {
      L.main.add(w, kMonth + m);
      L.months.add(w, kMonth + m);
    }
    for (const char* w : abbrev[static_cast<std::size_t>(m - 1)]) {
      L.main.add(w, kMonthAbbrev + m);
      L.months.add(w, kMonthAbbrev + m);
    }
  }
  const std::array<std::initializer_list<const char*>, 7> days = {{
      {"الاثنين", "الإثنين", "lundi", "monday", "lunes"},
      {"الثلاثاء", "mardi", "tuesday", "martes"},
      {"الأربعاء", "mercredi", "wednesday", "miércoles"},
      {"الخميس", "jeudi", "thursday", "jueves"},
      {"الجمعة", "vendredi", "friday", "viernes"},
      {"السبت", "samedi", "saturday", "sábado"},
      {"الأحد", "dimanche", "sunday", "domingo"},
  }};
  for (int d = 0; d < 7; ++d) {
    for (const char* w : days[static_cast<std::size_t>(d)]) {
      L.main.add(w, kWeekday + d);
      const std::string s = w;
      L.main.add("last " + s, kWeekdayLast + d);
      L.main.add("pasado " + s, kWeekdayLast + d);
      L.main.add("next " + s, kWeekdayNext + d);
      L.main.add("this coming " + s, kWeekdayNext + d);
      L.main.add("próximo " + s, kWeekdayNext + d);
    }
  }
  add_all(L.main, {"today", "aujourd'hui", "اليوم", "hoy"}, kToday);
  add_all(L.main, {"yesterday", "hier", "أمس", "الأمس", "البارحة", "ayer"}, kYesterday);
  add_all(L.main, {"tomorrow", "demain", "غدا"}, kTomorrow);
  add_all(L.main, {"ce mois", "ce mois-ci", "this month", "le mois en cours", "الشهر الجاري", "الشهر الحالي",
                   "هذا الشهر", "este mes"},
          kThisMonth);
  add_all(L.main, {"cette année", "this year", "l'année en cours", "العام الجاري", "العام الحالي", "السنة الجارية",
                   "السنة الحالية", "هذا العام", "هذه السنة", "este año"},
          kThisYear);
  add_all(L.main, {"last year", "l'an dernier", "l'année dernière", "l'an passé", "l'année passée", "العام الماضي",
                   "السنة الماضية", "el año pasado"},
          kLastYear);
  add_all(L.main, {"next year", "l'an prochain", "l'année prochaine", "العام المقبل", "العام القادم",
                   "السنة المقبلة", "السنة القادمة", "el próximo año", "el año próximo", "el año que viene"},
          kNextYear);
  add_all(L.main, {"en", "in", "since", "depuis", "during", "durant", "pendant", "until", "jusqu'en", "jusqu'à",
                   "by", "d'ici", "d'ici à", "avant", "before", "après", "after", "desde", "hasta", "para",
                   "antes de", "في", "منذ", "خلال", "بحلول", "قبل", "بعد", "حتى", "إلى غاية", "لغاية", "horizon",
                   "l'horizon", "أفق", "fin", "end of", "the end of", "نهاية", "متم", "منتصف", "mi-", "mid-",
                   "entre", "between", "بين", "ما بين", "from", "à partir de", "a partir de", "début", "early",
                   "late", "بداية", "مطلع", "finales de", "fines de", "mediados de", "semestre", "trimestre",
                   "quarter of", "half of"},
          kYearPrep);
  add_all(L.main, {"année", "l'année", "l'an", "year", "the year", "سنة", "عام", "العام", "السنة", "año", "el año"},
          kYearNoun);

  add_all(L.link_dm, {"de", "of", "من", "شهر", "من شهر"}, 1);
  add_all(L.link_my, {"de", "del", "سنة", "عام", "من سنة", "من عام"}, 1);
  add_all(L.current, {"الجاري", "الحالي", "courant", "en cours", "de este año", "de l'année en cours",
                      "de cette année", "من السنة الجارية", "من العام الجاري", "من هذه السنة", "من هذا العام",
                      "this year", "of this year"},
          1);
  add_all(L.past_next, {"dernier", "passé", "الماضي", "المنصرم", "pasado"}, 1);
  add_all(L.past_next, {"prochain", "المقبل", "القادم", "próximo", "qui vient"}, 2);
  add_all(L.day_of_this, {"من الشهر الجاري", "من الشهر الحالي", "من هذا الشهر", "courant", "du mois courant",
                          "du mois en cours", "de ce mois", "of this month", "de este mes"},
          1);
  add_all(L.ordinal, {"er", "ère", "re", "st", "nd", "rd", "th"}, 1);
  add_all(L.article, {"le", "the", "el", "يوم"}, 1);
  add_all(L.range_conn, {"et", "and", "y", "to", "à", "a", "إلى", "الى", "حتى", "و"}, 1);

  // Counts 1..20.
  const std::array<std::initializer_list<const char*>, 20> words = {{
      {"one", "a", "an", "un", "une", "uno", "una", "واحد", "واحدة"},
      {"two", "deux", "dos", "اثنين", "اثنتين", "اثنان", "اثنتان"},
      {"three", "trois", "tres", "ثلاث", "ثلاثة"},
      {"four", "quatre", "cuatro", "أربع", "أربعة"},
      {"five", "cinq", "cinco", "خمس", "خمسة"},
      {"six", "seis", "ست", "ستة"},
      {"seven", "sept", "siete", "سبع", "سبعة"},
      {"eight", "huit", "ocho", "ثمان", "ثماني", "ثمانية"},
      {"nine", "neuf", "nueve", "تسع", "تسعة"},
      {"ten", "dix", "diez", "عشر", "عشرة"},
      {"eleven", "onze", "once", "أحد عشر", "إحدى عشرة", "إحدى عشر"},
      {"twelve", "douze", "doce", "اثنا عشر", "اثني عشر", "اثنتا عشرة", "اثنتي عشرة"},
      {"thirteen", "treize", "trece"},
      {"fourteen", "quatorze", "catorce"},
      {"fifteen", "quinze", "quince"},
      {"sixteen", "seize", "dieciséis"},
      {"seventeen", "dix-sept", "dix sept", "diecisiete"},
      {"eighteen", "dix-huit", "dix huit", "dieciocho"},
      {"nineteen", "dix-neuf", "dix neuf", "diecinueve"},
      {"twenty", "vingt", "veinte", "عشرين", "عشرون"},
  }};
  for (int v = 1; v <= 20; ++v) add_all(L.counts, words[static_cast<std::size_t>(v - 1)], v);
  // Arabic 3..9 (masculine and feminine) and their compounds with ten, and definite forms.
  const std::array<std::initializer_list<const char*>, 8> ar = {{
      {"ثلاث", "ثلاثة"}, {"أربع", "أربعة"}, {"خمس", "خمسة"}, {"ست", "ستة"},
      {"سبع", "سبعة"}, {"ثمان", "ثماني", "ثمانية"}, {"تسع", "تسعة"}, {"عشر", "عشرة"},
  }};
  for (int v = 3; v <= 10; ++v) {
    for (const char* w : ar[static_cast<std::size_t>(v - 3)]) {
      const std::string s = w;
      L.counts.add("ال" + s, v);  // "السنوات الأربع", "الخمس سنوات"
      if (v < 10) {
        L.counts.add(s + " عشر", v + 10);
        L.counts.add(s + " عشرة", v + 10);
      }
    }
  }
  return L;
}

// Built once at start-up (no lock on every call); nothing calls the finders during static
// initialisation.
const Lexicons kLexicons = build();
inline const Lexicons& lex() { return kLexicons; }

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Up to `max` ASCII digits at i; returns how many were read.
std::size_t read_digits(std::string_view s, std::size_t i, int& value, std::size_t max = 9) {
  std::size_t n = 0;
  value = 0;
  while (i + n < s.size() && is_digit(s[i + n]) && n < max) value = value * 10 + (s[i + n++] - '0');
  if (i + n < s.size() && is_digit(s[i + n])) return 0;  // longer than allowed
  return n;
}

// A number ends here: not followed by more digits, a decimal/grouping part or a percent sign.
bool number_ends(std::string_view s, std::size_t i) {
  if (i >= s.size()) return true;
  if ((s[i] == ',' || s[i] == '.') && i + 1 < s.size() && is_digit(s[i + 1])) return false;
  if (s[i] == '%') return false;
  return word_end(s, i);
}

// Parses `ws` (a phrase from lexicon `l`) after one space at i; returns the end or 0.
std::size_t after_space(const Lexicon& l, std::string_view s, std::size_t i, int* id = nullptr) {
  if (i >= s.size() || s[i] != ' ') return 0;
  auto h = l.match(s, i + 1);
  if (!h) return 0;
  if (id) *id = h->id;
  return h->end;
}

struct Parsed {
  bool found = false;  // something date-shaped was read (possibly invalid)
  bool valid = false;
  std::size_t end = 0;
  int y = 0, m = 0, d = 0;
  DatePrecision precision = DatePrecision::day;
  bool from_reference = false;
};

Parsed finish(Parsed p) {
  p.found = true;
  p.valid = p.precision == DatePrecision::day ? Date::valid(p.y, p.m, p.d) : Date::valid(p.y, p.m, 1);
  return p;
}

// Fills a missing year from the reference; false without a reference.
bool fill_year(Parsed& p, const std::optional<Date>& ref, bool future) {
  if (!ref) return false;
  p.y = ref->year();
  p.from_reference = true;
  if (future && Date::valid(p.y, p.m, p.d) && Date(p.y, p.m, p.d) < *ref) ++p.y;
  return true;
}

// After a month name ending at i: "2025", " de 2025", "الجاري", "dernier"...
// Returns a month-precision parse or !found.
Parsed month_tail(std::string_view s, std::size_t i, int month, const std::optional<Date>& ref) {
  const auto& L = lex();
  Parsed p;
  p.m = month;
  p.d = 1;
  p.precision = DatePrecision::month;
  if (i >= s.size() || s[i] != ' ') return p;
  std::size_t k = i + 1;
  if (std::size_t e = after_space(L.link_my, s, i)) {
    if (e < s.size() && s[e] == ' ' && is_digit(s[e + 1])) k = e + 1;
  }
  int y = 0;
  if (std::size_t e = year_at(s, k, y)) {
    p.y = y;
    p.end = e;
    return finish(p);
  }
  if (!ref) return p;
  int id = 0;
  if (std::size_t e = after_space(L.current, s, i)) {
    p.y = ref->year();
    p.end = e;
  } else if ((e = after_space(L.past_next, s, i, &id))) {
    // "juillet dernier": the latest July before the reference month; "يوليوز المقبل": the next.
    if (id == 1) p.y = month < ref->month() ? ref->year() : ref->year() - 1;
    else p.y = month > ref->month() ? ref->year() : ref->year() + 1;
    p.end = e;
  } else {
    return p;
  }
  p.from_reference = true;
  return finish(p);
}

// Month name (+ '.' for an abbreviation) at i; returns month and sets end.
int month_at(std::string_view s, std::size_t i, std::size_t& end) {
  auto h = lex().months.match(s, i);
  if (!h) return 0;
  end = h->end;
  const int m = h->id > kMonthAbbrev ? h->id - kMonthAbbrev : h->id;
  if (h->id > kMonthAbbrev && end < s.size() && s[end] == '.') ++end;
  return m;
}

// Reads a date from 1-2 digits, or from 4 before '-' or '/' (date_detail::word_starts keeps only
// those digit starts for the scanner: keep both in step).
Parsed parse_digits(std::string_view s, std::size_t pos, const std::optional<Date>& ref, bool future) {
  const auto& L = lex();
  Parsed p;
  int a = 0;
  const std::size_t n1 = read_digits(s, pos, a, 4);
  if (n1 == 0) return p;
  std::size_t i = pos + n1;
  const char sep = i < s.size() ? s[i] : '\0';
  if (n1 == 4 && (sep == '-' || sep == '/')) {  // 2025-07-22
    int m = 0, d = 0;
    const std::size_t nm = read_digits(s, i + 1, m, 2);
    if (nm == 0 || i + 1 + nm >= s.size() || s[i + 1 + nm] != sep) return p;
    const std::size_t nd = read_digits(s, i + 2 + nm, d, 2);
    if (nd == 0 || !number_ends(s, i + 2 + nm + nd)) return p;
    p.y = a, p.m = m, p.d = d, p.end = i + 2 + nm + nd;
    return finish(p);
  }
  if (n1 > 2) return p;
  if (sep == '/' || sep == '-' || sep == '.') {  // 22/07/2025
    int m = 0, y = 0;
    const std::size_t nm = read_digits(s, i + 1, m, 2);
    if (nm == 0 || i + 1 + nm >= s.size() || s[i + 1 + nm] != sep) return p;
    const std::size_t ny = read_digits(s, i + 2 + nm, y, 4);
    if (ny != 4 || !number_ends(s, i + 2 + nm + ny)) return p;
    if (sep == '.' && i + 2 + nm + ny < s.size() && s[i + 2 + nm + ny] == '.' &&
        i + 3 + nm + ny < s.size() && is_digit(s[i + 3 + nm + ny]))
      return p;
    p.y = y, p.m = m, p.d = a, p.end = i + 2 + nm + ny;
    if (m > 12 && a <= 12) std::swap(p.m, p.d);  // month-first, only when day-first is impossible
    return finish(p);
  }
  if (a < 1 || a > 31) return p;
  if (auto o = L.ordinal.match(s, i)) i = o->end;
  else if (!word_end(s, i)) return p;
  p.d = a;
  if (std::size_t e = after_space(L.day_of_this, s, i); e && ref) {  // "22 من الشهر الجاري"
    p.y = ref->year(), p.m = ref->month(), p.end = e, p.from_reference = true;
    return finish(p);
  }
  if (i >= s.size() || s[i] != ' ') return p;
  std::size_t k = i + 1;
  if (std::size_t e = after_space(L.link_dm, s, i); e && e < s.size() && s[e] == ' ') {
    std::size_t tmp = 0;
    if (month_at(s, e + 1, tmp)) k = e + 1;
  }
  std::size_t mend = 0;
  const int m = month_at(s, k, mend);
  if (!m) return p;
  p.m = m;
  // Year: " 2025", ", 2025", " de 2025", " سنة 2025".
  std::size_t j = mend;
  if (j < s.size() && s[j] == ',') ++j;
  if (j < s.size() && s[j] == ' ') {
    std::size_t yk = j + 1;
    if (std::size_t e = after_space(L.link_my, s, j); e && e < s.size() && s[e] == ' ') yk = e + 1;
    int y = 0;
    if (std::size_t e = year_at(s, yk, y)) {
      p.y = y, p.end = e;
      return finish(p);
    }
  }
  if (std::size_t e = after_space(L.current, s, mend); e && ref) {  // "22 يوليوز الجاري"
    p.y = ref->year(), p.end = e, p.from_reference = true;
    return finish(p);
  }
  p.end = mend;
  if (!fill_year(p, ref, future)) return Parsed{};
  return finish(p);
}

Parsed parse_month_first(std::string_view s, std::size_t pos, const std::optional<Date>& ref, bool future) {
  const auto& L = lex();
  std::size_t mend = 0;
  const int m = month_at(s, pos, mend);
  if (!m) return {};
  Parsed p = month_tail(s, mend, m, ref);
  if (p.found) return p;
  // "July 22, 2025", "Jan. 5 2025", "July 22nd".
  if (mend >= s.size() || s[mend] != ' ') return {};
  int d = 0;
  const std::size_t nd = read_digits(s, mend + 1, d, 2);
  if (nd == 0 || d < 1 || d > 31) return {};
  std::size_t i = mend + 1 + nd;
  if (auto o = L.ordinal.match(s, i)) i = o->end;
  else if (!number_ends(s, i)) return {};
  p = Parsed{};
  p.m = m, p.d = d;
  std::size_t j = i;
  if (j < s.size() && s[j] == ',') ++j;
  int y = 0;
  if (j < s.size() && s[j] == ' ') {
    if (std::size_t e = year_at(s, j + 1, y)) {
      p.y = y, p.end = e;
      return finish(p);
    }
  }
  // Without a year: only a capitalised month ending a clause ("on July 22, the..."), so that
  // "in May 5 companies" stays a count.
  const bool capital = s[pos] >= 'A' && s[pos] <= 'Z';
  if (!capital || (i < s.size() && (s[i] == ' ' || !word_end(s, i)))) return {};
  p.end = i;
  if (!fill_year(p, ref, future)) return {};
  return finish(p);
}

Parsed parse_at(std::string_view s, std::size_t pos, const std::optional<Date>& ref, bool future) {
  if (pos >= s.size()) return {};
  if (is_digit(s[pos])) return parse_digits(s, pos, ref, future);
  return parse_month_first(s, pos, ref, future);
}

DateMatch make(std::size_t b, const Parsed& p) {
  DateMatch m;
  m.begin = b;
  m.end = p.end;
  m.date = Date(p.y, p.m, p.precision == DatePrecision::day ? p.d : 1);
  m.precision = p.precision;
  m.from_reference = p.from_reference;
  return m;
}

int weekday_of(const Date& d) { return static_cast<int>(((d.days() % 7) + 7 + 3) % 7); }  // Monday = 0

class DateScanner {
 public:
  DateScanner(std::string_view s, std::optional<Date> ref) : s_(s), ref_(ref) {}
  // Visit these word starts (word_starts(s)) instead of finding them again.
  DateScanner& with_starts(const std::vector<std::uint32_t>& starts) {
    starts_ = &starts;
    return *this;
  }

  std::vector<DateMatch> run() {
    if (starts_) scan_word_starts(s_, *starts_, [this](std::size_t i) { return try_at(i); });
    else scan_word_starts(s_, [this](std::size_t i) { return try_at(i); });
    return std::move(out_);
  }

 private:
  // Returns the end of what was consumed at i, or i when nothing.
  std::size_t try_at(std::size_t i) {
    const auto& L = lex();
    if (is_digit(s_[i])) {
      const Parsed p = parse_digits(s_, i, ref_, false);
      if (!p.found) return i;
      if (p.valid) out_.push_back(make(i, p));
      return p.end;
    }
    std::size_t at = i;
    auto h = L.main.match(s_, at);
    for (int k = 0; !h && k < 2 && is_clitic(s_, at); ++k) {
      at += 2;
      h = L.main.match(s_, at);
    }
    if (!h) return i;
    const int id = h->id;
    if (id <= kMonthAbbrev + 12) {
      const Parsed p = parse_month_first(s_, at, ref_, false);
      if (!p.found) return h->end;
      if (p.valid) out_.push_back(make(at, p));
      return p.end;
    }
    if (id >= kWeekday && id < kWeekday + 60) return weekday(at, *h);
    if (id >= kToday && id <= kTomorrow) {
      if (!ref_) return h->end;
      if (id == kToday && !is_today(h->end)) return h->end;
      emit_ref(at, h->end, ref_->add_days(id == kToday ? 0 : id == kYesterday ? -1 : 1), DatePrecision::day);
      return h->end;
    }
    if (id == kThisMonth) {
      if (ref_) emit_ref(at, h->end, Date(ref_->year(), ref_->month(), 1), DatePrecision::month);
      return h->end;
    }
    if (id >= kThisYear && id <= kNextYear) {
      const int dy = id == kThisYear ? 0 : id == kLastYear ? -1 : 1;
      if (ref_) emit_ref(at, h->end, Date(ref_->year() + dy, 1, 1), DatePrecision::year);
      return h->end;
    }
    if (id == kYearPrep || id == kYearNoun) return year_cue(at, *h);
    return h->end;
  }

  // "اليوم" also means "the day" ("اليوم الوطني"): not today when a definite adjective follows.
  bool is_today(std::size_t end) const {
    if (end + 5 < s_.size() && s_[end] == ' ' && s_.substr(end + 1, 4) == "\xD8\xA7\xD9\x84") {
      auto h = lex().main.match(s_, end + 1);
      return h && h->id >= kWeekday && h->id < kWeekday + 7;
    }
    return true;
  }

  void emit_ref(std::size_t b, std::size_t e, Date d, DatePrecision p) {
    DateMatch m;
    m.begin = b, m.end = e, m.date = d, m.precision = p, m.from_reference = true;
    out_.push_back(m);
  }

  std::size_t weekday(std::size_t at, const Lexicon::Hit& h) {
    const auto& L = lex();
    int wd = (h.id - kWeekday) % 20;
    bool strictly_before = h.id >= kWeekdayLast && h.id < kWeekdayNext;
    if (h.id >= kWeekdayNext) return h.end;
    std::size_t end = h.end;
    int mod = 0;
    if (std::size_t e = after_space(L.past_next, s_, end, &mod)) {
      if (mod == 2) return e;
      strictly_before = true;
      end = e;
    }
    // "mardi 22 juillet 2025", "Tuesday, July 22, 2025": the date itself will be matched.
    std::size_t k = end;
    if (k < s_.size() && s_[k] == ',') ++k;
    if (k < s_.size() && s_[k] == ' ') {
      ++k;
      if (auto a = L.article.match(s_, k); a && a->end < s_.size() && s_[a->end] == ' ') {
        const Parsed p = parse_at(s_, a->end + 1, ref_, false);
        if (p.found) return end;
      }
      const Parsed p = parse_at(s_, k, ref_, false);
      if (p.found) return end;
    }
    if (!ref_) return end;
    int back = (weekday_of(*ref_) - wd + 7) % 7;
    if (back == 0 && strictly_before) back = 7;
    emit_ref(at, end, ref_->add_days(-back), DatePrecision::day);
    return end;
  }

  std::size_t year_cue(std::size_t at, const Lexicon::Hit& h) {
    const auto& L = lex();
    std::size_t b = at, k = h.end;
    if (s_[k - 1] != '-') {  // "mi-2027" needs no space
      if (k >= s_.size() || s_[k] != ' ') return h.end;
      ++k;
    }
    if (h.id == kYearPrep) {
      auto n = L.main.match(s_, k);
      if (n && n->id == kYearNoun && n->end < s_.size() && s_[n->end] == ' ') {
        b = k;
        k = n->end + 1;
      } else {
        b = k;
      }
      // A full date after the cue is found by the normal scan.
      if (parse_at(s_, k, ref_, false).found) return h.end;
    }
    int y = 0;
    const std::size_t e = year_at(s_, k, y);
    if (!e) return h.end;
    DateMatch m;
    m.begin = b, m.end = e, m.date = Date(y, 1, 1), m.precision = DatePrecision::year;
    out_.push_back(m);
    return range_tail(e);
  }

  // "entre 2024 et 2026", "بين 2024 و2026", "2024-2026": the second year of a range.
  std::size_t range_tail(std::size_t e) {
    std::size_t k = 0;
    if (e + 1 < s_.size() && s_[e] == '-') {
      k = e + 1;
    } else if (e + 1 < s_.size() && s_[e] == ' ') {
      if (s_.substr(e + 1, 2) == "\xD9\x88" && e + 3 < s_.size() && is_digit(s_[e + 3])) {
        k = e + 3;  // و2026
      } else if (std::size_t c = after_space(lex().range_conn, s_, e); c && c < s_.size() && s_[c] == ' ') {
        k = c + 1;
      }
    }
    int y = 0;
    const std::size_t e2 = k ? year_at(s_, k, y) : 0;
    if (!e2) return e;
    DateMatch m;
    m.begin = k, m.end = e2, m.date = Date(y, 1, 1), m.precision = DatePrecision::year;
    out_.push_back(m);
    return e2;
  }

  std::string_view s_;
  std::optional<Date> ref_;
  std::vector<DateMatch> out_;
  const std::vector<std::uint32_t>* starts_ = nullptr;  // date_detail::word_starts(s_), when given
};

}  // namespace

std::optional<DateMatch> match_date_at(std::string_view normalized, std::size_t pos, std::optional<Date> reference,
                                       bool future) {
  const Parsed p = parse_at(normalized, pos, reference, future);
  if (!p.found || !p.valid) return std::nullopt;
  return make(pos, p);
}

std::optional<CountMatch> match_count_at(std::string_view normalized, std::size_t pos) {
  if (pos >= normalized.size()) return std::nullopt;
  if (is_digit(normalized[pos])) {
    int v = 0;
    const std::size_t n = read_digits(normalized, pos, v, 3);
    if (n == 0 || v == 0 || !number_ends(normalized, pos + n)) return std::nullopt;
    return CountMatch{pos + n, v};
  }
  auto h = lex().counts.match(normalized, pos);
  if (!h) return std::nullopt;
  return CountMatch{h->end, h->id};
}

std::vector<DateMatch> find_dates(std::string_view normalized, std::string_view /*lang*/,
                                  std::optional<Date> reference) {
  if (reference && (reference->year() < 1000 || reference->year() > 8000)) reference.reset();  // keeps arithmetic in range
  return DateScanner(normalized, reference).run();
}

std::vector<DateMatch> find_dates(std::string_view normalized, std::string_view /*lang*/,
                                  std::optional<Date> reference, const date_detail::WordStarts& word_starts) {
  if (reference && (reference->year() < 1000 || reference->year() > 8000)) reference.reset();  // keeps arithmetic in range
  return DateScanner(normalized, reference).with_starts(word_starts.dates).run();
}

const date_detail::Lexicon& date_detail::date_dispatch_lexicon() { return lex().main; }

}  // namespace pledgedb::extract

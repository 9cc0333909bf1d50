// Deadline mentions in normalized text (ar/fr/en/es): the words that say by when a pledge is due.
//
// Choices (tested in tests/unit/extract/deadlines_test.cpp):
// - Horizon: a cue that means "by" ("by", "d'ici (à)", "à l'horizon", "horizon", "بحلول",
//   "في أفق", "أفق", "para", "no later than", "au plus tard") + [year noun] + YEAR gives
//   YEAR-12-31, kind horizon. "en 2027", "in 2027", "في سنة 2027" are too weak and are not
//   deadlines (the extractor may still use find_dates' year there); "depuis 2018" never is.
// - "before/avant/قبل/antes de YEAR" means the year has not started: (YEAR-1)-12-31, horizon.
//   Before a month ("avant juin 2027") likewise gives the month's eve (2027-05-31); before a
//   day ("avant le 30 juin 2027") gives that day, as the writer names the last acceptable date.
// - Ends of periods: "fin 2026", "end of 2026", "end-2026", "year-end 2026", "نهاية (سنة) 2026",
//   "متم سنة 2026", "a finales de 2026" -> 2026-12-31, kind horizon (a year end).
//   Mid-year, halves and quarters name a finer date and are kind absolute: "mi-2027",
//   "mid-2027", "منتصف 2027", "first half of 2027", "H1 2027" -> 2027-06-30; "second half" ->
//   12-31; "Q3 2026", "third quarter of 2026", "3e trimestre 2026", "الربع الثالث من 2026" ->
//   2026-09-30. "fin juillet 2026", "end of July 2026" -> 2026-07-31 (absolute).
// - "the end of the year", "fin de l'année", "نهاية السنة الجارية", "year-end" without a year
//   number are resolved with the start's year (next year for "l'année prochaine"); without a
//   start they are not reported.
// - Absolute: a cue + a date ("by July 22, 2029", "d'ici le 31 décembre 2026", "بحلول 30 يونيو
//   2027", "by 2020-04-30") -> that date; + a month ("by April 2020") -> its last day. A day and
//   month without a year after a cue ("d'ici le 31 décembre") is the next such day on or after
//   the start (nothing without a start).
// - Ranges "entre 2024 et 2026", "between 2024 and 2026", "ما بين 2024 و2026", "de 2025 à 2030",
//   "période 2025-2030", "الفترة 2025-2030" -> horizon of the second year, only when it is later
//   than the first (by at most 30 years) and, with a start, not before the start's year (a past
//   range describes history, not a pledge).
// - A year without a cue is never a deadline: "Vision 2030", "Maroc Digital 2030", "المغرب
//   الرقمي 2030" are programme names.
// - Relative: within/over/dans/sur/en/d'ici/خلال/في غضون/على مدى/en el plazo de... + count +
//   unit, with "next/prochaines/المقبلة/próximos" around it; a decade is 10 years ("over the
//   next decade", "خلال العقد المقبل"). "in", "during", "au cours des",
//   "pendant", "durant", "durante", "في" count only with such a "next" word ("in the next
//   three years", but not "in three years"). Duration in years, months, weeks (7 days) or
//   days; deadline = start + duration with clamping (2024-02-29 + 1 year = 2025-02-28), never
//   snapped to a calendar year; without a start only the duration is set. A singular unit needs
//   a count ("un an", "a year") or a "next" word ("over the next year") except Arabic سنة/عام/
//   شهر (1); the duals سنتين/سنتان/عامين/عامان/شهرين are 2. "خلال سنة 2025" is a year, not a
//   duration. A past word after it ("السنوات الخمس الماضية", "années écoulées", "years ago")
//   makes it history, not a deadline; one before it ("the last five years") stops the parse.
// - A start (or reference) outside the years 1000..8000 is ignored, to keep date arithmetic in
//   range; years themselves are read only in 1900..2100 ("2030م" included).
// - "Horizon 2020" with a capital H in mid-sentence is a programme name, not a horizon.
// - Spans cover the cue and the deadline words, without a leading Arabic و/ف/ب/ل/ك clitic.
// - `lang` is not used: every language's words are tried everywhere (articles quote each other,
//   and the words do not collide in a way that matters).
// Not handled: seasons ("by spring 2027"), "until/jusqu'en/حتى/إلى غاية YEAR" (ambiguous between
// a deadline and a period end), "in N years' time", "the April 2020 deadline" (date + the word
// deadline), Hijri dates.
#include <string>

#include "pledgedb/extract/dates.hpp"

namespace pledgedb::extract {
namespace {
using namespace date_detail;

// Cue capabilities (a bit set).
enum : int {
  kYear = 1,          // + YEAR -> horizon
  kBefore = 2,        // + YEAR -> the year before
  kDate = 4,          // + a date or month -> absolute
  kPeriod = 8,        // + end/mid/half/quarter phrase
  kRel = 16,          // + count + unit
  kRelNext = 32,      // + count + unit only with a "next" word
  kRange = 64,        // + YEAR and YEAR
  kBareHorizon = 128  // "horizon": not when capitalised mid-sentence ("Horizon 2020")
};

constexpr int kPeriodId = 1000;
constexpr int kMayBePeriod = 512;  // in `starts`, on a cue a period may match a prefix of ("a" of "a finales de")
enum Period : int { kEnd = 1, kEndYearish = 2, kMid = 3, kH1 = 4, kH2 = 5, kQ1 = 6 /* .. kQ4 = 9 */ };

struct Lexicons {
  Lexicon starts;  // cues and periods (periods as kPeriodId + id): one walk per word start
  Lexicon cues, periods, links, year_nouns, rel_year, articles, units, next, past, fillers, range_conn;
  std::vector<std::pair<std::string, int>> start_phrases;  // for `starts`, in order, while building
};

void add_all(Lexicon& l, std::initializer_list<const char*> words, int id) {
  for (const char* w : words) l.add(w, id);
}

// Cues and periods also go to the combined lexicon that dispatches at word starts.
void add_cues(Lexicons& L, std::initializer_list<const char*> words, int id) {
  add_all(L.cues, words, id);
  for (const char* w : words) L.start_phrases.emplace_back(w, id);
}
void add_period(Lexicons& L, const std::string& word, int id) {
  L.periods.add(word, id);
  L.start_phrases.emplace_back(word, kPeriodId + id);
}
void add_periods(Lexicons& L, std::initializer_list<const char*> words, int id) {
  for (const char* w : words) add_period(L, w, id);
}

Lexicons build() {
  Lexicons L;
  const int by = kYear | kDate | kPeriod;
  add_cues(L, {"by", "no later than", "not later than", "au plus tard", "بحلول", "para"}, by);
  add_cues(L, {"d'ici", "d'ici à"}, by | kRel);
  add_cues(L, {"à l'horizon", "à l'horizon de", "à horizon", "l'horizon", "في أفق", "أفق", "على أفق",
                   "en el horizonte de"},
          kYear | kPeriod);
  add_cues(L, {"horizon", "horizonte"}, kYear | kPeriod | kBareHorizon);
  add_cues(L, {"before", "avant", "قبل", "antes de", "antes del"}, kBefore | kDate | kPeriod);
  add_cues(L, {"within", "over", "over the course of", "over a period of", "dans", "sur", "sur une période de",
                   "sur une durée de", "dans un délai de", "dans un délai maximum de", "sous", "en el plazo de",
                   "en un plazo de", "en un plazo máximo de", "dentro de", "في غضون", "على مدى", "على مدار",
                   "على امتداد", "في ظرف", "في أجل", "في أجل أقصاه", "في مدة"},
          kRel);
  add_cues(L, {"en", "خلال"}, kRel | kPeriod);
  add_cues(L, {"in", "during", "au cours de", "au cours des", "durant", "pendant", "durante", "a lo largo de",
                   "في"},
          kRelNext | kPeriod);
  add_cues(L, {"à", "au", "at", "مع", "a", "al", "en el", "ومع"}, kPeriod);
  add_cues(L, {"entre", "between", "بين", "ما بين", "from", "من", "de", "del", "desde", "période", "la période",
               "the period", "period", "الفترة", "el período", "el periodo"},
           kRange);

  add_periods(L, {"fin", "fin de", "la fin de", "la fin du", "fin du", "end of", "the end of", "end-", "end", "نهاية",
                      "بنهاية", "متم", "أواخر", "a finales de", "finales de", "a fines de", "fines de", "al final de",
                      "final de", "late"},
          kEnd);
  add_periods(L, {"year-end", "year end", "end-year", "fin d'année", "the year-end", "la fin d'année"},
          kEndYearish);
  add_periods(L, {"mi-", "la mi-", "mid-", "mid", "mid-year", "the middle of", "middle of", "le milieu de",
                      "milieu", "منتصف", "mediados de", "a mediados de"},
          kMid);
  add_periods(L, {"first half of", "the first half of", "h1", "premier semestre", "le premier semestre",
                      "1er semestre", "النصف الأول", "primer semestre", "el primer semestre"},
          kH1);
  add_periods(L, {"second half of", "the second half of", "h2", "second semestre", "le second semestre",
                      "deuxième semestre", "le deuxième semestre", "2e semestre", "النصف الثاني", "segundo semestre",
                      "el segundo semestre"},
          kH2);
  const char* ord_en[] = {"first", "second", "third", "fourth"};
  const char* ord_fr[] = {"premier", "deuxième", "troisième", "quatrième"};
  const char* ord_fr2[] = {"1er", "2e", "3e", "4e"};
  const char* ord_es[] = {"primer", "segundo", "tercer", "cuarto"};
  const char* ord_ar[] = {"الأول", "الثاني", "الثالث", "الرابع"};
  for (int q = 0; q < 4; ++q) {
    const std::string n = std::to_string(q + 1);
    const int id = kQ1 + q;
    add_period(L, "q" + n, id);
    add_period(L, "t" + n, id);
    add_period(L, std::string(ord_en[q]) + " quarter", id);
    add_period(L, std::string("the ") + ord_en[q] + " quarter", id);
    add_period(L, std::string(ord_fr[q]) + " trimestre", id);
    add_period(L, std::string("le ") + ord_fr[q] + " trimestre", id);
    add_period(L, std::string(ord_fr2[q]) + " trimestre", id);
    add_period(L, std::string(ord_es[q]) + " trimestre", id);
    add_period(L, std::string("el ") + ord_es[q] + " trimestre", id);
    add_period(L, std::string("الربع ") + ord_ar[q], id);
  }
  add_periods(L, {"last quarter", "the last quarter", "dernier trimestre", "le dernier trimestre",
                      "الربع الأخير", "último trimestre", "el último trimestre"},
          kQ1 + 3);
  add_periods(L, {"le second trimestre", "second trimestre"}, kQ1 + 1);
  // Where `starts` finds a cue, a period can only match within it (it would be the longer match).
  for (const auto& [phrase, id] : L.start_phrases)
    L.starts.add(phrase, id < kPeriodId && L.periods.match(phrase, 0) ? id | kMayBePeriod : id);
  L.start_phrases = {};

  add_all(L.links, {"de", "d'", "of", "من", "del", "du"}, 1);
  add_all(L.year_nouns, {"année", "l'année", "l'an", "an", "year", "the year", "سنة", "عام", "العام", "السنة", "año",
                         "el año", "l'exercice"},
          1);
  add_all(L.rel_year, {"de l'année", "of the year", "the year", "l'année", "this year", "of this year", "cette année",
                       "de cette année", "de l'année en cours", "the current year", "of the current year", "de l'an",
                       "السنة", "العام", "السنة الجارية", "العام الجاري", "هذه السنة", "هذا العام", "السنة الحالية",
                       "العام الحالي", "del año", "de este año", "del año en curso"},
          1);
  add_all(L.rel_year, {"of next year", "next year", "de l'année prochaine", "l'année prochaine", "de l'an prochain",
                       "السنة المقبلة", "العام المقبل", "السنة القادمة", "العام القادم", "del próximo año",
                       "del año próximo", "del año que viene"},
          2);
  add_all(L.articles, {"le", "the", "el"}, 1);

  // Units: id = unit * 10 + form. Units 1 year, 2 month, 3 week, 4 day. Forms: 0 singular
  // (needs a count or "next"), 1 plural (needs a count), 2 dual (= 2), 3 Arabic singular (= 1).
  add_all(L.units, {"year", "an", "année", "año"}, 10);
  add_all(L.units, {"years", "ans", "années", "años", "سنوات", "سنين", "السنوات", "السنين", "أعوام", "الأعوام",
                    "عاما"},
          11);
  add_all(L.units, {"سنتين", "سنتان", "عامين", "عامان", "السنتين", "العامين"}, 12);
  add_all(L.units, {"سنة", "عام"}, 13);
  add_all(L.units, {"month", "mes"}, 20);
  add_all(L.units, {"months", "mois", "meses", "شهرا", "أشهر", "شهور", "الأشهر", "الشهور"}, 21);
  add_all(L.units, {"شهرين", "شهران", "الشهرين"}, 22);
  add_all(L.units, {"شهر"}, 23);
  add_all(L.units, {"week", "semaine", "semana"}, 30);
  add_all(L.units, {"weeks", "semaines", "semanas", "أسابيع"}, 31);
  add_all(L.units, {"أسبوعين"}, 32);
  add_all(L.units, {"أسبوع"}, 33);
  add_all(L.units, {"decade", "décennie", "década", "العقد"}, 50);  // العقد is also "the contract": needs "next"
  add_all(L.units, {"decades", "décennies", "décadas", "عقود"}, 51);
  add_all(L.units, {"day", "jour", "día"}, 40);
  add_all(L.units, {"days", "jours", "días", "يوما", "أيام", "الأيام"}, 41);
  add_all(L.units, {"يومين"}, 42);

  add_all(L.next, {"next", "coming", "upcoming", "following", "prochaines", "prochains", "prochaine", "prochain",
                   "à venir", "próximos", "próximas", "siguientes", "venideros", "to come", "المقبلة", "القادمة",
                   "المقبلين", "القادمين", "المقبل", "القادم", "المقبلتين", "القادمتين", "الموالية"},
          1);
  // "السنوات الخمس الماضية", "les cinq années écoulées": a past period, not a deadline.
  add_all(L.past, {"الماضية", "الأخيرة", "الفارطة", "المنصرمة", "الماضيين", "الأخيرين", "السابقة", "dernières",
                   "derniers", "passées", "passés", "écoulées", "écoulés", "précédentes", "past", "last", "previous",
                   "ago", "pasados", "anteriores"},
          1);
  add_all(L.fillers, {"the", "les", "des", "la", "los", "las", "el"}, 1);
  add_all(L.range_conn, {"et", "and", "y", "to", "à", "al", "hasta", "إلى", "الى", "حتى", "و"}, 1);
  return L;
}

// Built once at start-up (no lock on every call); nothing calls the finders during static
// initialisation.
const Lexicons kLexicons = build();
inline const Lexicons& lex() { return kLexicons; }

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Position after the phrase ending at e and the single space that follows it (or directly
// after a phrase ending in '-' or '\''); 0 when there is none.
std::size_t next_token(std::string_view s, std::size_t e) {
  if (e == 0) return 0;
  if (s[e - 1] == '-' || s[e - 1] == '\'') return e < s.size() ? e : 0;
  return e + 1 < s.size() && s[e] == ' ' ? e + 1 : 0;
}

Date period_end(int period, int year) {
  switch (period) {
    case kMid: case kH1: return Date(year, 6, 30);
    case kEnd: case kEndYearish: case kH2: return Date(year, 12, 31);
    default: {
      const int month = 3 * (period - kQ1 + 1);
      return Date(year, month, days_in_month(year, month));
    }
  }
}

class DeadlineScanner {
 public:
  DeadlineScanner(std::string_view s, std::optional<Date> start) : s_(s), start_(start) {}
  // Visit these word starts (word_starts(s)) instead of finding them again.
  DeadlineScanner& with_starts(const std::vector<std::uint32_t>& starts) {
    starts_ = &starts;
    return *this;
  }

  std::vector<DeadlineMatch> run() {
    if (starts_) scan_word_starts(s_, *starts_, [this](std::size_t i) { return try_at(i); });
    else scan_word_starts(s_, [this](std::size_t i) { return try_at(i); });
    return std::move(out_);
  }

 private:
  // Lexicon match at i, or after one or two Arabic clitics; `at` is where the match begins.
  static std::optional<Lexicon::Hit> match_clitic(const Lexicon& l, std::string_view s, std::size_t i,
                                                  std::size_t& at) {
    at = i;
    auto h = l.match(s, at);
    for (int k = 0; !h && k < 2 && is_clitic(s, at); ++k) {
      at += 2;
      h = l.match(s, at);
    }
    return h;
  }

  std::size_t try_at(std::size_t i) {
    const auto& L = lex();
    std::size_t at = 0;
    auto h = match_clitic(L.starts, s_, i, at);
    if (!h) return i;
    if (h->id < kPeriodId) {
      if (std::size_t e = after_cue(at, Lexicon::Hit{h->id & ~kMayBePeriod, h->end})) return e;
      // A cue that is also a period's first word ("a finales de" vs "a") was tried as a cue.
      if (!(h->id & kMayBePeriod)) return i;
      h = L.periods.match(s_, at);
      if (!h) return i;
    } else {
      h->id -= kPeriodId;
    }
    if (auto m = period(at, *h)) {
      out_.push_back(*m);
      return m->end;
    }
    return i;
  }

  bool capitalised_mid_sentence(std::size_t at) const {
    if (s_[at] < 'A' || s_[at] > 'Z' || at == 0) return false;
    std::size_t k = at;
    while (k > 0 && s_[k - 1] == ' ') --k;
    return !(k == 0 || s_[k - 1] == '.' || s_[k - 1] == '\n' || s_[k - 1] == ':' || s_[k - 1] == '!' ||
             s_[k - 1] == '?');
  }

  // A cue (possibly followed by more cues: "d'ici à l'horizon", "au plus tard en") and what it
  // governs. Returns the end of the emitted match or 0.
  std::size_t after_cue(std::size_t begin, Lexicon::Hit h) {
    const auto& L = lex();
    if ((h.id & kBareHorizon) && capitalised_mid_sentence(begin)) return 0;
    int flags = h.id;
    std::size_t q = next_token(s_, h.end);
    if (!q || (flags == kRange && !is_digit(s_[q]))) return 0;  // "من", "from": cheap exit
    // Only "by"-like cues chain ("d'ici à l'horizon 2030", "au plus tard en 2026").
    for (int chain = 0; q && chain < 2 && (flags & (kYear | kBefore | kDate)); ++chain) {
      auto more = L.cues.match(s_, q);
      if (!more || (more->id & kRange)) break;
      if (match_count_at(s_, q)) break;  // "within a year": "a" counts here
      // A cue word that is also a period's first word ("a finales de", "en el") stays a period.
      if (auto p = L.periods.match(s_, q); p && p->end >= more->end) break;
      const std::size_t nq = next_token(s_, more->end);
      if (!nq) break;
      flags |= more->id;
      q = nq;
    }
    if (!q) return 0;
    std::optional<DeadlineMatch> m;
    if (flags & kPeriod) {
      // "avant fin 2026" is the end itself: the writer names the last acceptable date.
      if (auto p = L.periods.match(s_, q)) m = period(q, *p);
    }
    if (!m && (flags & kDate)) m = absolute(q, flags & kBefore);
    if (!m && (flags & (kYear | kBefore))) m = year(q, flags & kBefore);
    if (!m && (flags & kRange)) m = range(q);
    if (!m && (flags & (kRel | kRelNext))) m = relative(q, !(flags & kRel));
    if (!m) return 0;
    m->begin = begin;
    out_.push_back(*m);
    return m->end;
  }

  std::optional<DeadlineMatch> absolute(std::size_t q, bool before) {
    const auto& L = lex();
    std::size_t k = q;
    if (auto a = L.articles.match(s_, q); a && next_token(s_, a->end) && is_digit(s_[a->end + 1])) k = a->end + 1;
    auto d = match_date_at(s_, k, start_, true);
    if (!d || d->precision == DatePrecision::year) return std::nullopt;
    DeadlineMatch m;
    m.end = d->end;
    m.kind = DeadlineKind::absolute;
    if (d->precision == DatePrecision::day) {
      m.deadline = d->date;
    } else if (before) {
      m.deadline = d->date.add_days(-1);
    } else {
      m.deadline = Date(d->date.year(), d->date.month(), days_in_month(d->date.year(), d->date.month()));
    }
    return m;
  }

  std::optional<DeadlineMatch> year(std::size_t q, bool before) {
    std::size_t k = q;
    if (auto n = lex().year_nouns.match(s_, q); n && next_token(s_, n->end)) k = next_token(s_, n->end);
    int y = 0;
    const std::size_t e = year_at(s_, k, y);
    if (!e) return std::nullopt;
    DeadlineMatch m;
    m.end = e;
    m.kind = DeadlineKind::horizon;
    m.deadline = Date::end_of_year(before ? y - 1 : y);
    return m;
  }

  std::optional<DeadlineMatch> range(std::size_t q) {
    int y1 = 0, y2 = 0;
    const std::size_t e1 = year_at(s_, q, y1);
    if (!e1 || e1 + 2 >= s_.size() || (s_[e1] != ' ' && s_[e1] != '-')) return std::nullopt;
    std::size_t k = 0;
    if (s_[e1] == '-') {
      k = e1 + 1;  // 2025-2030
    } else if (s_.substr(e1 + 1, 2) == "\xD9\x88" && e1 + 3 < s_.size() && is_digit(s_[e1 + 3])) {
      k = e1 + 3;  // و2026
    } else if (auto c = lex().range_conn.match(s_, e1 + 1)) {
      k = next_token(s_, c->end);
    }
    const std::size_t e2 = k ? year_at(s_, k, y2) : 0;
    if (!e2 || y2 <= y1 || y2 - y1 > 30 || (start_ && y2 < start_->year())) return std::nullopt;
    DeadlineMatch m;
    m.end = e2;
    m.kind = DeadlineKind::horizon;
    m.deadline = Date::end_of_year(y2);
    return m;
  }

  // An end/mid/half/quarter phrase at `at` and the year it applies to.
  std::optional<DeadlineMatch> period(std::size_t at, Lexicon::Hit p) {
    const auto& L = lex();
    DeadlineMatch m;
    m.begin = at;
    m.kind = p.id == kEnd || p.id == kEndYearish ? DeadlineKind::horizon : DeadlineKind::absolute;
    const std::size_t k0 = next_token(s_, p.end);
    if (!k0) return year_from_start(m, p, 0, p.end);
    if (p.id == kEnd) {  // "fin du premier semestre 2027" ends with the half-year
      if (auto inner = L.periods.match(s_, k0); inner && inner->id != kEnd && inner->id != kEndYearish) {
        if (auto im = period(k0, *inner)) {
          im->begin = at;
          return im;
        }
      }
    }
    // [de|of|من] [year noun] YEAR
    std::size_t k = k0;
    for (int t = 0; t < 2; ++t) {
      auto l = L.links.match(s_, k);
      if (!l) l = L.year_nouns.match(s_, k);
      if (!l) break;
      const std::size_t nk = next_token(s_, l->end);
      if (!nk) break;
      k = nk;
    }
    int y = 0;
    if (std::size_t e = year_at(s_, k, y)) {
      m.end = e;
      m.deadline = period_end(p.id, y);
      return m;
    }
    if (p.id == kEnd) {  // "fin juillet 2026", "end of July 2026"
      for (std::size_t mk : {k0, k}) {
        auto d = match_date_at(s_, mk, std::nullopt);
        if (d && d->precision == DatePrecision::month) {
          m.end = d->end;
          m.kind = DeadlineKind::absolute;
          m.deadline = Date(d->date.year(), d->date.month(), days_in_month(d->date.year(), d->date.month()));
          return m;
        }
      }
    }
    if (auto r = L.rel_year.match(s_, k0)) {
      const std::size_t after = next_token(s_, r->end);
      if (after && is_digit(s_[after])) return std::nullopt;  // "de l'année 2026" failed above: odd text
      return year_from_start(m, p, r->id == 2 ? 1 : 0, r->end);
    }
    return year_from_start(m, p, 0, p.end);
  }

  // "year-end", "fin de l'année", "the end of next year": the start's year (+ delta).
  std::optional<DeadlineMatch> year_from_start(DeadlineMatch m, Lexicon::Hit p, int delta, std::size_t end) {
    const bool names_year = end != p.end || p.id == kEndYearish;
    if (!names_year || !start_) return std::nullopt;
    m.end = end;
    m.deadline = period_end(p.id, start_->year() + delta);
    return m;
  }

  std::optional<DeadlineMatch> relative(std::size_t q, bool needs_next) {
    const auto& L = lex();
    enum { kNone, kFill, kNext, kCount, kUnit } last = kNone;
    int count = -1, unit = -1, form = 0;
    bool saw_next = false;
    std::size_t end = 0, k = q;
    for (int t = 0; t < 8; ++t) {
      if (t > 0) {
        if (k + 1 >= s_.size() || s_[k] != ' ') break;
        ++k;
      }
      if (count < 0 && unit < 0) {
        if (auto f = L.fillers.match(s_, k)) {
          k = f->end;
          last = kFill;
          continue;
        }
      }
      if (auto n = L.next.match(s_, k)) {
        saw_next = true;
        if (unit >= 0) end = n->end;
        k = n->end;
        last = kNext;
        continue;
      }
      if (count < 0) {
        if (auto c = match_count_at(s_, k)) {
          if (unit >= 0 && last != kUnit) break;
          count = c->value;
          if (unit >= 0) end = c->end;
          k = c->end;
          last = kCount;
          continue;
        }
      }
      if (unit < 0) {
        if (auto u = L.units.match(s_, k)) {
          unit = u->id / 10;
          form = u->id % 10;
          end = k = u->end;
          last = kUnit;
          continue;
        }
      }
      break;
    }
    if (unit < 0 || (needs_next && !saw_next)) return std::nullopt;
    if (std::size_t after = next_token(s_, end); after && L.past.match(s_, after)) return std::nullopt;
    if (count < 0) {
      if (form == 2) count = 2;
      else if (form == 3 || (form == 0 && saw_next)) count = 1;
      else return std::nullopt;
      // "خلال سنة 2025", "over the year 2025": a year, not a duration.
      int y = 0;
      if (next_token(s_, end) && year_at(s_, next_token(s_, end), y)) return std::nullopt;
    }
    Duration d;
    if (unit == 5) d.years = 10 * count;
    else if (unit == 1) d.years = count;
    else if (unit == 2) d.months = count;
    else if (unit == 3) d.days = 7 * count;
    else d.days = count;
    DeadlineMatch m;
    m.end = end;
    m.kind = DeadlineKind::relative;
    m.duration = d;
    if (start_) m.deadline = start_->add_months(12 * d.years + d.months).add_days(d.days);
    return m;
  }

  std::string_view s_;
  std::optional<Date> start_;
  std::vector<DeadlineMatch> out_;
  const std::vector<std::uint32_t>* starts_ = nullptr;  // date_detail::word_starts(s_), when given
};

}  // namespace

std::vector<DeadlineMatch> find_deadlines(std::string_view normalized, std::string_view /*lang*/,
                                          std::optional<Date> start) {
  if (start && (start->year() < 1000 || start->year() > 8000)) start.reset();  // keeps arithmetic in range
  return DeadlineScanner(normalized, start).run();
}

std::vector<DeadlineMatch> find_deadlines(std::string_view normalized, std::string_view /*lang*/,
                                          std::optional<Date> start, const date_detail::WordStarts& word_starts) {
  if (start && (start->year() < 1000 || start->year() > 8000)) start.reset();  // keeps arithmetic in range
  return DeadlineScanner(normalized, start).with_starts(word_starts.deadlines).run();
}

const date_detail::Lexicon& date_detail::deadline_dispatch_lexicon() { return lex().starts; }

}  // namespace pledgedb::extract

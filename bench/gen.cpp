// pledgedb-gen: writes realistic synthetic announcements in Arabic, French and English, with the
// ground truth used to write them, so benchmarks can also check what was extracted at scale.
//
//   pledgedb-gen --count N --seed S --out DIR [--lang ar,fr,en] [--format md|ndjson]
//
// md: DIR/NNNN/NNNNNNN-LL.md files with front matter, plus DIR/truth.ndjson.
// ndjson: DIR/announcements.ndjson in the announcement JSON format (already extracted: for
// loading large databases fast), plus DIR/truth.ndjson.
// Deterministic for a seed: the generator uses its own PRNG and no clock.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using nlohmann::ordered_json;

// splitmix64: tiny, fast and identical on every platform (std distributions are not).
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : s_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (s_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
  bool chance(int percent) { return below(100) < static_cast<std::size_t>(percent); }
  template <typename T>
  const T& pick(const std::vector<T>& v) { return v[below(v.size())]; }

 private:
  std::uint64_t s_;
};

struct Trio {
  std::string ar, fr, en;
  const std::string& in(const std::string& lang) const { return lang == "ar" ? ar : lang == "fr" ? fr : en; }
};

struct Place {
  std::string region_code;
  Trio region;  // how articles name the region
  Trio city;
};

const std::vector<Place> places = {
    {"MA-06", {"جهة الدار البيضاء سطات", "la région Casablanca-Settat", "the Casablanca-Settat region"}, {"الدار البيضاء", "Casablanca", "Casablanca"}},
    {"MA-06", {"جهة الدار البيضاء - سطات", "la région de Casablanca-Settat", "the Casablanca-Settat region"}, {"برشيد", "Berrechid", "Berrechid"}},
    {"MA-06", {"جهة الدار البيضاء سطات", "la région Casablanca-Settat", "Casablanca-Settat"}, {"المحمدية", "Mohammedia", "Mohammedia"}},
    {"MA-04", {"جهة الرباط سلا القنيطرة", "la région Rabat-Salé-Kénitra", "the Rabat-Salé-Kénitra region"}, {"القنيطرة", "Kénitra", "Kenitra"}},
    {"MA-04", {"جهة الرباط سلا القنيطرة", "la région Rabat-Salé-Kénitra", "Rabat-Salé-Kénitra"}, {"سلا", "Salé", "Salé"}},
    {"MA-01", {"جهة طنجة تطوان الحسيمة", "la région Tanger-Tétouan-Al Hoceïma", "the Tanger-Tetouan-Al Hoceima region"}, {"طنجة", "Tanger", "Tangier"}},
    {"MA-01", {"جهة طنجة تطوان الحسيمة", "la région Tanger-Tétouan-Al Hoceïma", "the Tangier-Tetouan-Al Hoceima region"}, {"تطوان", "Tétouan", "Tetouan"}},
    {"MA-03", {"جهة فاس مكناس", "la région Fès-Meknès", "the Fez-Meknes region"}, {"فاس", "Fès", "Fez"}},
    {"MA-03", {"جهة فاس مكناس", "la région Fès-Meknès", "the Fès-Meknès region"}, {"مكناس", "Meknès", "Meknes"}},
    {"MA-07", {"جهة مراكش آسفي", "la région Marrakech-Safi", "the Marrakech-Safi region"}, {"مراكش", "Marrakech", "Marrakesh"}},
    {"MA-07", {"جهة مراكش آسفي", "la région Marrakech-Safi", "the Marrakech-Safi region"}, {"آسفي", "Safi", "Safi"}},
    {"MA-09", {"جهة سوس ماسة", "la région Souss-Massa", "the Souss-Massa region"}, {"أكادير", "Agadir", "Agadir"}},
    {"MA-02", {"جهة الشرق", "la région de l'Oriental", "the Oriental region"}, {"وجدة", "Oujda", "Oujda"}},
    {"MA-02", {"جهة الشرق", "l'Oriental", "the Oriental region"}, {"الناظور", "Nador", "Nador"}},
    {"MA-05", {"جهة بني ملال خنيفرة", "la région Béni Mellal-Khénifra", "the Beni Mellal-Khenifra region"}, {"بني ملال", "Béni Mellal", "Beni Mellal"}},
    {"MA-08", {"جهة درعة تافيلالت", "la région Drâa-Tafilalet", "the Draa-Tafilalet region"}, {"ورزازات", "Ouarzazate", "Ouarzazate"}},
    {"MA-11", {"جهة العيون الساقية الحمراء", "la région Laâyoune-Sakia El Hamra", "the Laayoune-Sakia El Hamra region"}, {"العيون", "Laâyoune", "Laayoune"}},
    {"MA-12", {"جهة الداخلة وادي الذهب", "la région Dakhla-Oued Ed-Dahab", "the Dakhla-Oued Ed-Dahab region"}, {"الداخلة", "Dakhla", "Dakhla"}},
    {"MA-10", {"جهة كلميم واد نون", "la région Guelmim-Oued Noun", "the Guelmim-Oued Noun region"}, {"كلميم", "Guelmim", "Guelmim"}},
};

const std::vector<Trio> sectors = {
    {"صناعة السيارات", "l'industrie automobile", "automotive"},
    {"صناعة الطيران", "l'aéronautique", "aerospace"},
    {"البيانات والذكاء الاصطناعي", "la donnée et l'intelligence artificielle", "data and artificial intelligence"},
    {"النسيج", "le textile", "textiles"},
    {"الطاقات المتجددة", "les énergies renouvelables", "renewable energy"},
    {"الصناعات الغذائية", "l'agroalimentaire", "food processing"},
    {"ترحيل الخدمات", "l'offshoring", "business process outsourcing"},
    {"البطاريات الكهربائية", "les batteries électriques", "electric batteries"},
};

const std::vector<Trio> nationalities = {
    {"الفرنسية", "français", "French"},   {"الإسبانية", "espagnol", "Spanish"}, {"الصينية", "chinois", "Chinese"},
    {"الألمانية", "allemand", "German"},  {"الأمريكية", "américain", "American"}, {"التركية", "turc", "Turkish"},
    {"الكورية", "coréen", "Korean"},      {"الإيطالية", "italien", "Italian"},
};

const std::vector<Trio> ministries = {
    {"وزارة الصناعة والتجارة", "le ministère de l'Industrie et du Commerce", "the Ministry of Industry and Trade"},
    {"وزارة الانتقال الرقمي وإصلاح الإدارة", "le ministère de la Transition numérique et de la Réforme de l'administration",
     "the Ministry of Digital Transition and Administrative Reform"},
    {"وزارة الانتقال الطاقي والتنمية المستدامة", "le ministère de la Transition énergétique et du Développement durable",
     "the Ministry of Energy Transition and Sustainable Development"},
};

const std::array<const char*, 24> syllables = {"no", "va", "tek", "ri", "sol", "mar", "el", "tra", "lu", "xen", "ka", "do",
                                               "pri", "zen", "ar", "mo", "ve", "lis", "qua", "tor", "bi", "ex", "on", "ra"};
const std::array<const char*, 6> suffixes = {" Group", " Industries", " Technologies", " Systems", " Energy", ""};

std::string company_name(Rng& rng) {
  std::string s;
  const std::size_t n = 2 + rng.below(2);
  for (std::size_t i = 0; i < n; ++i) s += syllables[rng.below(syllables.size())];
  s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s + suffixes[rng.below(suffixes.size())];
}

const std::array<Trio, 12> months = {{{"يناير", "janvier", "January"},  {"فبراير", "février", "February"},
                                      {"مارس", "mars", "March"},        {"أبريل", "avril", "April"},
                                      {"ماي", "mai", "May"},            {"يونيو", "juin", "June"},
                                      {"يوليوز", "juillet", "July"},     {"غشت", "août", "August"},
                                      {"شتنبر", "septembre", "September"}, {"أكتوبر", "octobre", "October"},
                                      {"نونبر", "novembre", "November"}, {"دجنبر", "décembre", "December"}}};

struct Ymd {
  int y, m, d;
};
bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int dim(int y, int m) {
  static constexpr int t[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : t[m - 1];
}
std::string iso(Ymd d) { return fmt::format("{:04}-{:02}-{:02}", d.y, d.m, d.d); }
Ymd add_years(Ymd d, int n) { return {d.y + n, d.m, std::min(d.d, dim(d.y + n, d.m))}; }
Ymd add_days(Ymd d, int n) {
  while (n-- > 0) {
    if (++d.d > dim(d.y, d.m)) {
      d.d = 1;
      if (++d.m > 12) d.m = 1, ++d.y;
    }
  }
  return d;
}
std::string long_date(Ymd d, const std::string& lang) {
  const auto& mo = months[static_cast<std::size_t>(d.m - 1)].in(lang);
  if (lang == "en") return fmt::format("{} {}, {}", mo, d.d, d.y);
  return fmt::format("{} {} {}", d.d, mo, d.y);
}

// Numbers as news writes them: digits with the language's grouping, or words for round values.
std::string digits(long long v, const std::string& lang) {
  std::string s = std::to_string(v), out;
  const char* sep = lang == "en" ? "," : lang == "fr" ? "\u00a0" : " ";
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i && (s.size() - i) % 3 == 0) out += sep;
    out += s[i];
  }
  return out;
}

std::optional<std::string> words(long long v, const std::string& lang) {
  struct W {
    long long v;
    const char *ar, *fr, *en;
  };
  static const W table[] = {{200, "مائتي", "deux cents", "two hundred"},     {300, "ثلاثمائة", "trois cents", "three hundred"},
                            {400, "أربعمائة", "quatre cents", "four hundred"}, {500, "خمسمائة", "cinq cents", "five hundred"},
                            {600, "ستمائة", "six cents", "six hundred"},      {800, "ثمانمائة", "huit cents", "eight hundred"},
                            {1000, "ألف", "mille", "one thousand"},          {2000, "ألفي", "deux mille", "two thousand"},
                            {3000, "ثلاثة آلاف", "trois mille", "three thousand"}, {5000, "خمسة آلاف", "cinq mille", "five thousand"}};
  for (const auto& w : table)
    if (w.v == v) return std::string(lang == "ar" ? w.ar : lang == "fr" ? w.fr : w.en);
  return std::nullopt;
}

std::string count_text(Rng& rng, long long v, const std::string& lang) {
  if (auto w = words(v, lang); w && rng.chance(30)) return *w;
  return digits(v, lang);
}

struct Money {
  double amount;
  std::string currency;
};

// A pledged amount: whole or one decimal, in millions or billions, mostly dirhams.
Money money(Rng& rng) {
  static const std::vector<std::string> currencies = {"MAD", "MAD", "MAD", "EUR", "USD"};
  const std::string cur = rng.pick(currencies);
  const bool billions = rng.chance(50);
  const int whole = 1 + static_cast<int>(rng.below(billions ? 9 : 900));
  const int tenth = billions ? static_cast<int>(rng.below(10)) : 0;
  return {(whole + tenth / 10.0) * (billions ? 1e9 : 1e6), cur};
}

struct Deadline {
  std::string text;
  std::optional<Ymd> date;
  std::string kind;  // horizon | relative | none
};

struct Comparator {
  std::string name;
  Trio words;
};
const std::vector<Comparator> comparators = {{"exactly", {"", "", ""}},
                                             {"at_least", {"أكثر من ", "plus de ", "more than "}},
                                             {"about", {"حوالي ", "environ ", "about "}}};

struct Pledge {
  std::string metric;
  long long target;
  std::string unit;
  std::string comparator;
  std::optional<Ymd> deadline;
  std::string deadline_text, deadline_kind;
  std::string sentence;  // the words that state it (evidence)
};

struct Story {
  std::string key;
  std::string company;
  Trio nationality, sector, ministry;
  Place place;
  Ymd signed_on;
  long long jobs;
  std::string comparator;
  double amount;
  std::string currency;
  bool has_money;
  int deadline_kind;  // decided once so every article tells the same story
  int horizon_year, relative_years;
};

std::string money_text(double amount, const std::string& cur, const std::string& lang) {
  const bool billions = amount >= 1e9;
  const double v = amount / (billions ? 1e9 : 1e6);
  std::string num = fmt::format("{:.1f}", v);
  if (num.size() > 2 && num.substr(num.size() - 2) == ".0") num.resize(num.size() - 2);
  if (lang == "fr" || lang == "ar")
    for (auto& c : num)
      if (c == '.') c = ',';
  if (lang == "en") {
    const char* scale = billions ? "billion" : "million";
    if (cur == "USD") return fmt::format("${} {}", num, scale);
    if (cur == "EUR") return fmt::format("{} {} euros", num, scale);
    return fmt::format("{} {} dirhams", num, scale);
  }
  if (lang == "fr") {
    const bool plural = v >= 2;
    const std::string scale = billions ? (plural ? "milliards" : "milliard") : (plural ? "millions" : "million");
    return fmt::format("{} {} {}", num, scale, cur == "USD" ? "de dollars" : cur == "EUR" ? "d'euros" : "de dirhams");
  }
  return fmt::format("{} {} {}", num, billions ? "مليار" : "مليون", cur == "USD" ? "دولار" : cur == "EUR" ? "يورو" : "درهم");
}

Deadline story_deadline(const Story& s, Ymd start, const std::string& lang) {
  static const Trio nwords[] = {{"", "", ""}, {"", "", ""}, {"", "", ""},
                                {"الثلاث", "trois", "three"}, {"الأربع", "quatre", "four"}, {"الخمس", "cinq", "five"}};
  if (s.deadline_kind == 0) {
    static const Trio forms = {"بحلول سنة {}", "d'ici {}", "by {}"};
    return {fmt::format(fmt::runtime(forms.in(lang)), s.horizon_year), Ymd{s.horizon_year, 12, 31}, "horizon"};
  }
  if (s.deadline_kind == 1) {
    const std::string& w = nwords[s.relative_years].in(lang);
    std::string text = lang == "ar"   ? fmt::format("خلال السنوات {} المقبلة", w)
                       : lang == "fr" ? fmt::format("dans les {} prochaines années", w)
                                      : fmt::format("within the next {} years", w);
    return {text, add_years(start, s.relative_years), "relative"};
  }
  return {"", std::nullopt, "none"};
}

struct Article {
  std::string lang, title, text, url, outlet;
  Ymd published;
  std::string kind;  // announcement | progress
  std::vector<Pledge> pledges;
  struct Observed {
    std::string metric;
    long long value;
    std::string sentence;
    Ymd as_of;
  };
  std::vector<Observed> progress;
};

Article announcement(Rng& rng, const Story& s, const std::string& lang, int days_after) {
  Article a;
  a.lang = lang;
  a.kind = "announcement";
  a.published = add_days(s.signed_on, days_after);
  const auto& cmp = *std::find_if(comparators.begin(), comparators.end(),
                                  [&](const Comparator& c) { return c.name == s.comparator; });
  const Deadline dl = story_deadline(s, s.signed_on, lang);
  const std::string jobs = cmp.words.in(lang) + count_text(rng, s.jobs, lang);
  const std::string city = s.place.city.in(lang), region = s.place.region.in(lang);
  const std::string when = long_date(s.signed_on, lang);
  const std::string distractor = digits(static_cast<long long>(20000 + rng.below(180000)), lang);
  const int share = 5 + static_cast<int>(rng.below(40));
  std::string sent_jobs, sent_money, intro, context, tail;
  const std::string dl_part = dl.text.empty() ? "" : " " + dl.text;
  if (lang == "en") {
    intro = fmt::format("{}, {} — The {} group {} signed a memorandum of understanding on {} with {} and the "
                        "Moroccan Investment and Export Development Agency (AMDIE) to build a {} site in {}.",
                        city, when, s.nationality.en, s.company, when, s.ministry.en, s.sector.en, region);
    sent_jobs = fmt::format("The project will create {} direct jobs{}", jobs, dl_part);
    sent_money = fmt::format("{} will invest {} in the site", s.company, money_text(s.amount, s.currency, lang));
    context = fmt::format("The sector already employs {} people nationwide and grew by {}% last year.", distractor, share);
    tail = "Officials said the agreement confirms the attractiveness of the kingdom for industrial investors.";
  } else if (lang == "fr") {
    intro = fmt::format("Le groupe {} {} a signé le {} un protocole d'accord avec {} et l'Agence marocaine de "
                        "développement des investissements et des exportations (AMDIE) pour implanter un site "
                        "dédié à {} à {}, dans {}.",
                        s.nationality.fr, s.company, when, s.ministry.fr, s.sector.fr, city, region);
    sent_jobs = fmt::format("Le projet permettra de créer {} emplois directs{}", jobs, dl_part);
    sent_money = fmt::format("{} y investira {}", s.company, money_text(s.amount, s.currency, lang));
    context = fmt::format("Le secteur emploie déjà {} personnes au niveau national et a progressé de {} % l'an dernier.",
                          distractor, share);
    tail = "Selon les responsables, cet accord confirme l'attractivité du Royaume pour les investisseurs industriels.";
  } else {
    intro = fmt::format("وقعت {} والوكالة المغربية لتنمية الاستثمارات والصادرات، يوم {}، بروتوكول اتفاق مع مجموعة {} {} "
                        "لإحداث موقع في مجال {} بمدينة {} في {}.",
                        s.ministry.ar, when, s.company, s.nationality.ar, s.sector.ar, city, region);
    sent_jobs = fmt::format("ويهدف المشروع إلى إحداث {} منصب شغل مباشر{}", jobs, dl_part);
    sent_money = fmt::format("وستستثمر المجموعة {} في هذا الموقع", money_text(s.amount, s.currency, lang));
    context = fmt::format("ويشغل القطاع حاليا {} شخص على المستوى الوطني، وقد نما بنسبة {} في المائة العام الماضي.",
                          distractor, share);
    tail = "وأكد المسؤولون أن هذا الاتفاق يعزز جاذبية المملكة للمستثمرين الصناعيين.";
  }
  const char* stop = lang == "ar" ? "." : ".";
  a.text = intro + " " + sent_jobs + stop + " ";
  if (s.has_money) a.text += sent_money + stop + " ";
  a.text += context + " " + tail + "\n";
  a.title = lang == "ar" ? fmt::format("مجموعة {} تلتزم بإحداث مناصب شغل في {}", s.company, city)
            : lang == "fr" ? fmt::format("{} va créer des emplois à {}", s.company, city)
                           : fmt::format("{} to create jobs in {}", s.company, city);
  Pledge jobs_pledge{"jobs", s.jobs, "jobs", s.comparator, dl.date, dl.text, dl.kind, sent_jobs};
  a.pledges.push_back(jobs_pledge);
  if (s.has_money)
    a.pledges.push_back({"investment", static_cast<long long>(s.amount), s.currency, "exactly", std::nullopt, "", "none",
                         sent_money});
  return a;
}

Article follow_up(Rng& rng, const Story& s, const std::string& lang, Ymd published) {
  Article a;
  a.lang = lang;
  a.kind = "progress";
  a.published = published;
  const long long value = std::max<long long>(10, static_cast<long long>(s.jobs * (10 + rng.below(110)) / 100) / 10 * 10);
  const std::string city = s.place.city.in(lang);
  std::string sent;
  if (lang == "en") {
    sent = fmt::format("{} has hired {} people so far at its {} site", s.company, digits(value, lang), city);
    a.text = sent + fmt::format(", the company said on {}. The site opened its second production line this year.\n",
                                long_date(published, lang));
    a.title = fmt::format("{} hiring update in {}", s.company, city);
  } else if (lang == "fr") {
    sent = fmt::format("{} a créé {} emplois à ce jour sur son site de {}", s.company, digits(value, lang), city);
    a.text = sent + fmt::format(", a indiqué l'entreprise le {}. Le site a ouvert une deuxième ligne cette année.\n",
                                long_date(published, lang));
    a.title = fmt::format("{} : point d'étape à {}", s.company, city);
  } else {
    sent = fmt::format("وفرت مجموعة {} حتى الآن {} منصب شغل في موقعها بمدينة {}", s.company, digits(value, lang), city);
    a.text = sent + fmt::format("، حسب ما أعلنته الشركة يوم {}. وافتتح الموقع خط إنتاج ثانيا هذه السنة.\n",
                                long_date(published, lang));
    a.title = fmt::format("مجموعة {}: حصيلة التشغيل في {}", s.company, city);
  }
  a.progress.push_back({"jobs", value, sent, published});
  return a;
}

ordered_json truth_of(const Article& a, const Story& s, const std::string& file) {
  ordered_json t;
  t["file"] = file;
  t["story"] = s.key;
  t["language"] = a.lang;
  t["kind"] = a.kind;
  t["published"] = iso(a.published);
  t["party"] = s.company;
  t["region_code"] = s.place.region_code;
  t["signed_on"] = iso(s.signed_on);
  ordered_json cs = ordered_json::array();
  for (const auto& p : a.pledges) {
    cs.push_back({{"metric", p.metric},
                  {"target", p.target},
                  {"unit", p.unit},
                  {"comparator", p.comparator},
                  {"deadline", p.deadline ? ordered_json(iso(*p.deadline)) : ordered_json(nullptr)},
                  {"deadline_kind", p.deadline_kind}});
  }
  t["commitments"] = cs;
  ordered_json ps = ordered_json::array();
  for (const auto& p : a.progress)
    ps.push_back({{"metric", p.metric}, {"value", p.value}, {"as_of", iso(p.as_of)}});
  t["progress"] = ps;
  return t;
}

// The announcement JSON (FORMAT.md) of an article, as an extractor would ideally produce it.
ordered_json announcement_json(const Article& a, const Story& s, const std::string& id) {
  ordered_json j;
  j["id"] = id;
  j["url"] = a.url;
  j["outlet"] = a.outlet;
  j["language"] = a.lang;
  j["title"] = a.title;
  j["published"] = iso(a.published);
  j["kind"] = a.kind;
  j["text"] = a.text;
  ordered_json agreements = ordered_json::array();
  if (!a.pledges.empty()) {
    ordered_json cs = ordered_json::array();
    for (const auto& p : a.pledges)
      cs.push_back({{"party", s.company},
                    {"metric", p.metric},
                    {"target", p.target},
                    {"comparator", p.comparator},
                    {"unit", p.unit},
                    {"start", iso(s.signed_on)},
                    {"deadline", p.deadline ? ordered_json(iso(*p.deadline)) : ordered_json(nullptr)},
                    {"deadline_text", p.deadline_text.empty() ? ordered_json(nullptr) : ordered_json(p.deadline_text)},
                    {"deadline_kind", p.deadline_kind},
                    {"evidence", ordered_json::array({p.sentence})}});
    agreements.push_back({{"title", fmt::format("{} {} site in {}", s.company, s.sector.en, s.place.city.en)},
                          {"kind", "mou"},
                          {"signed_on", iso(s.signed_on)},
                          {"country", "MA"},
                          {"region_code", s.place.region_code},
                          {"city", s.place.city.en},
                          {"sector", s.sector.en},
                          {"parties", ordered_json::array({{{"name", s.company}, {"kind", "company"}, {"role", "investor"}},
                                                           {{"name", "AMDIE"}, {"kind", "agency"}, {"role", "signatory"}}})},
                          {"commitments", cs}});
  }
  j["agreements"] = agreements;
  ordered_json progress = ordered_json::array();
  for (const auto& p : a.progress)
    progress.push_back({{"party", s.company},
                        {"metric", p.metric},
                        {"as_of", iso(p.as_of)},
                        {"value", p.value},
                        {"unit", "jobs"},
                        {"evidence", ordered_json::array({p.sentence})}});
  j["progress"] = progress;
  return j;
}

}  // namespace

int main(int argc, char** argv) {
  long long count = 1000;
  std::uint64_t seed = 1;
  std::string out_dir, langs_arg = "ar,fr,en", format = "md";
  CLI::App app{"pledgedb-gen: synthetic multilingual announcements with ground truth", "pledgedb-gen"};
  app.add_option("--count", count, "Number of documents to write")->required()->check(CLI::Range(1LL, 100000000LL));
  app.add_option("--seed", seed, "PRNG seed (same seed, same output)");
  app.add_option("--out", out_dir, "Output folder")->required();
  app.add_option("--lang", langs_arg, "Languages, comma separated (ar,fr,en)");
  app.add_option("--format", format, "md (one file per document) or ndjson (announcement JSON lines)")
      ->check(CLI::IsMember({"md", "ndjson"}));
  CLI11_PARSE(app, argc, argv);

  std::vector<std::string> langs;
  for (std::stringstream ss(langs_arg); ss.good();) {
    std::string l;
    std::getline(ss, l, ',');
    if (l != "ar" && l != "fr" && l != "en") {
      std::cerr << "error: --lang: '" << l << "' is not one of ar, fr, en\n";
      return 2;
    }
    langs.push_back(l);
  }
  std::error_code ec;
  fs::create_directories(out_dir, ec);
  if (ec) {
    std::cerr << "error: " << out_dir << ": " << ec.message() << "\n";
    return 1;
  }
  std::ofstream truth(fs::path(out_dir) / "truth.ndjson", std::ios::binary);
  std::ofstream ndjson;
  if (format == "ndjson") ndjson.open(fs::path(out_dir) / "announcements.ndjson", std::ios::binary);

  Rng rng(seed);
  static const std::vector<std::string> outlets = {"Le Matin Éco", "Atlas Wire", "Daily Souk", "Maghreb Business",
                                                   "الصباح الاقتصادي", "Hespress Tech"};
  long long written = 0, story_no = 0;
  while (written < count) {
    Story s;
    s.key = fmt::format("s{}", ++story_no);
    s.company = company_name(rng);
    s.nationality = rng.pick(nationalities);
    s.sector = rng.pick(sectors);
    s.ministry = rng.pick(ministries);
    s.place = rng.pick(places);
    s.signed_on = Ymd{2018 + static_cast<int>(rng.below(8)), 1 + static_cast<int>(rng.below(12)), 1};
    s.signed_on.d = 1 + static_cast<int>(rng.below(static_cast<std::size_t>(dim(s.signed_on.y, s.signed_on.m))));
    static const std::vector<long long> job_targets = {200, 300, 400, 500, 600, 800, 1000, 1200, 1500, 2000, 2500, 3000, 5000, 7500};
    s.jobs = rng.pick(job_targets);
    s.comparator = comparators[rng.below(comparators.size())].name;
    s.has_money = rng.chance(70);
    Money m = money(rng);
    s.amount = m.amount;
    s.currency = m.currency;
    s.deadline_kind = static_cast<int>(rng.below(10) < 4 ? 0 : rng.below(10) < 8 ? 1 : 2);
    s.horizon_year = s.signed_on.y + 2 + static_cast<int>(rng.below(4));
    s.relative_years = 3 + static_cast<int>(rng.below(3));

    // One to three articles about the signing, in different languages and outlets, then
    // sometimes a follow-up with progress a year or two later.
    std::vector<Article> articles;
    const std::size_t reports = 1 + rng.below(3);
    for (std::size_t i = 0; i < reports; ++i)
      articles.push_back(announcement(rng, s, langs[(story_no + i) % langs.size()], static_cast<int>(rng.below(3))));
    if (rng.chance(40))
      articles.push_back(follow_up(rng, s, rng.pick(langs), add_days(s.signed_on, 300 + static_cast<int>(rng.below(900)))));

    for (auto& a : articles) {
      if (written >= count) break;
      const long long n = written++;
      const std::string id = fmt::format("{:07}-{}", n, a.lang);
      a.outlet = rng.pick(outlets);
      a.url = fmt::format("https://news.example.org/{}/{}", iso(a.published), id);
      std::string file;
      if (format == "md") {
        const fs::path dir = fs::path(out_dir) / fmt::format("{:04}", n / 1000);
        fs::create_directories(dir);
        file = fmt::format("{:04}/{}.md", n / 1000, id);  // relative to --out
        std::ofstream f(dir / (id + ".md"), std::ios::binary);
        f << "---\n"
          << "title: \"" << a.title << "\"\n"
          << "url: " << a.url << "\n"
          << "outlet: \"" << a.outlet << "\"\n"
          << "language: " << a.lang << "\n"
          << "published: " << iso(a.published) << "\n"
          << "---\n"
          << a.text;
      } else {
        file = id;
        ndjson << announcement_json(a, s, id).dump() << "\n";
      }
      truth << truth_of(a, s, file).dump() << "\n";
    }
  }
  std::cerr << "wrote " << written << " documents (" << story_no << " stories) to " << out_dir << "\n";
  return 0;
}

#include "pledgedb/announcement_json.hpp"
#include "pledgedb/display_text.hpp"

#include <fmt/format.h>

#include <cmath>
#include <cstdint>
#include <optional>
#include <string_view>
#include <unordered_set>

#include "pledgedb/error.hpp"

namespace pledgedb {

namespace {

using ojson = nlohmann::ordered_json;

// Most items any array of one announcement may hold (agreements, parties, commitments, evidence...).
constexpr std::size_t max_json_items = 1000;
using json = nlohmann::json;

// ---------------------------------------------------------------- writing

ojson str_or_null(const std::string& s) { return s.empty() ? ojson(nullptr) : ojson(s); }

ojson date_or_null(const std::optional<Date>& d) { return d ? ojson(d->to_string()) : ojson(nullptr); }

// Integral values print as integers ("target": 500, not 500.0) so files stay diffable.
ojson number(double v) {
  if (std::isfinite(v) && std::trunc(v) == v && std::fabs(v) < 9007199254740992.0)
    return ojson(static_cast<std::int64_t>(v));
  return ojson(v);
}

ojson evidence_json(const std::vector<Evidence>& evidence) {
  ojson out = ojson::array();
  for (const auto& e : evidence) {
    ojson o = ojson::object();
    o["text"] = e.text;
    o["start"] = e.start >= 0 ? ojson(e.start) : ojson(nullptr);
    o["end"] = e.end >= 0 ? ojson(e.end) : ojson(nullptr);
    out.push_back(std::move(o));
  }
  return out;
}

ojson party_json(const PartyRef& p) {
  ojson o = ojson::object();
  o["name"] = p.name;
  o["kind"] = to_string(p.kind);
  o["country"] = str_or_null(p.country);
  o["role"] = to_string(p.role);
  o["representative"] = str_or_null(p.representative);
  o["title"] = str_or_null(p.title);
  return o;
}

ojson commitment_json(const Commitment& c) {
  ojson o = ojson::object();
  o["party"] = c.party;
  o["metric"] = to_string(c.metric);
  o["target"] = c.target ? number(*c.target) : ojson(nullptr);
  o["comparator"] = to_string(c.comparator);
  o["unit"] = str_or_null(c.unit);
  o["qualifier"] = str_or_null(c.qualifier);
  o["start"] = date_or_null(c.start);
  o["deadline"] = date_or_null(c.deadline);
  o["deadline_text"] = str_or_null(c.deadline_text);
  o["deadline_kind"] = to_string(c.deadline_kind);
  ojson milestones = ojson::array();
  for (const auto& m : c.milestones) {
    ojson mo = ojson::object();
    mo["due"] = date_or_null(m.due);
    mo["target"] = number(m.target);
    mo["text"] = str_or_null(m.text);
    milestones.push_back(std::move(mo));
  }
  o["milestones"] = std::move(milestones);
  o["confidence"] = number(c.confidence);
  o["evidence"] = evidence_json(c.evidence);
  return o;
}

ojson agreement_json(const Agreement& a) {
  ojson o = ojson::object();
  o["title"] = str_or_null(a.title);
  o["kind"] = to_string(a.kind);
  o["signed_on"] = date_or_null(a.signed_on);
  o["place"] = str_or_null(a.place);
  o["country"] = str_or_null(a.country);
  o["region_code"] = str_or_null(a.region_code);
  o["region"] = str_or_null(a.region);
  o["city"] = str_or_null(a.city);
  o["sector"] = str_or_null(a.sector);
  o["program"] = str_or_null(a.program);
  ojson parties = ojson::array();
  for (const auto& p : a.parties) parties.push_back(party_json(p));
  o["parties"] = std::move(parties);
  ojson commitments = ojson::array();
  for (const auto& c : a.commitments) commitments.push_back(commitment_json(c));
  o["commitments"] = std::move(commitments);
  o["confidence"] = number(a.confidence);
  o["evidence"] = evidence_json(a.evidence);
  return o;
}

ojson progress_json(const ProgressStatement& p) {
  ojson o = ojson::object();
  if (!p.story.empty()) o["story"] = p.story;  // annotation only
  o["party"] = str_or_null(p.party);
  o["metric"] = to_string(p.metric);
  o["as_of"] = date_or_null(p.as_of);
  o["value"] = number(p.value);
  o["unit"] = str_or_null(p.unit);
  o["confidence"] = number(p.confidence);
  o["evidence"] = evidence_json(p.evidence);
  return o;
}

// ---------------------------------------------------------------- reading

// Enumerations are contiguous from 0, so their names can be listed for error messages.
template <typename E, int N>
std::string names_of() {
  std::string out;
  for (int i = 0; i < N; ++i) {
    if (i) out += ", ";
    out += to_string(static_cast<E>(i));
  }
  return out;
}

// Shortens a value quoted in an error message without cutting a UTF-8 sequence.
std::string shorten(std::string_view s, std::size_t max = 60) {
  if (s.size() <= max) return std::string(s);
  std::size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return std::string(s.substr(0, cut)) + "...";
}

std::string shown(const json& v) {
  if (v.is_string()) return "'" + shorten(v.get_ref<const std::string&>()) + "'";
  return shorten(v.dump());
}

std::string child(const std::string& path, std::string_view key) {
  return path.empty() ? std::string(key) : path + "." + std::string(key);
}
std::string item(const std::string& path, std::size_t i) { return fmt::format("{}[{}]", path, i); }

// Line and column (1-based, column in bytes) of a byte offset.
std::pair<std::size_t, std::size_t> line_column(std::string_view text, std::size_t offset) {
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return {line, column};
}

// nlohmann's parser recurses once per nesting level; refuse deep input before it sees it.
void check_depth(std::string_view text, const std::string& name) {
  std::size_t depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_json_depth) {
        auto [line, column] = line_column(text, i);
        throw InputError(fmt::format("{}: JSON nested deeper than {} levels at line {}, column {}", name,
                                     max_json_depth, line, column));
      }
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
}

json parse_json(std::string_view text, const std::string& name) {
  check_depth(text, name);
  try {
    return json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/true, /*ignore_comments=*/false);
  } catch (const json::parse_error& e) {
    // e.byte is 1-based; the library's own text repeats the position, keep only the reason.
    const std::size_t at = e.byte > 0 ? e.byte - 1 : 0;
    auto [line, column] = line_column(text, at);
    std::string reason = e.what();
    if (auto col = reason.find("column "); col != std::string::npos) {
      if (auto colon = reason.find(": ", col); colon != std::string::npos) reason = reason.substr(colon + 2);
    } else if (auto colon = reason.find("] "); colon != std::string::npos) {
      reason = reason.substr(colon + 2);
    }
    throw InputError(fmt::format("{}: malformed JSON at line {}, column {}: {}", name, line, column, reason));
  } catch (const json::exception& e) {
    // A number beyond a double ("1e400") is out_of_range, not a parse_error; no position is given.
    std::string reason = e.what();
    if (auto close = reason.find("] "); close != std::string::npos) reason = reason.substr(close + 2);
    throw InputError(fmt::format("{}: malformed JSON: {} (beyond the range of a number)", name, reason));
  }
}

class Reader {
 public:
  explicit Reader(const std::string& name) : name_(name) {}

  Announcement announcement(const json& root) {
    if (!root.is_object()) fail("", "expected a JSON object at the top level, got " + shown(root));
    Announcement a;
    // text first: every evidence is checked against it.
    a.text = required_string(root, "text", "");
    if (auto nul = a.text.find('\0'); nul != std::string::npos)
      fail("text", fmt::format("contains a NUL character at byte {}", nul));
    text_ = &a.text;
    a.id = optional_string(root, "id", "");
    a.url = optional_string(root, "url", "");
    a.outlet = optional_name(root, "outlet", "");
    a.language = optional_string(root, "language", "");
    a.title = optional_name(root, "title", "");
    a.published = optional_date(root, "published", "");
    a.story = optional_string(root, "story", "");
    if (const json* k = value(root, "kind"))
      a.kind = enumeration<AnnouncementKind, 4>(*k, "kind", parse_announcement_kind);
    if (const json* arr = array(root, "agreements", ""))
      for (std::size_t i = 0; i < arr->size(); ++i)
        a.agreements.push_back(agreement(object_at(*arr, i, "agreements"), item("agreements", i)));
    if (const json* arr = array(root, "progress", ""))
      for (std::size_t i = 0; i < arr->size(); ++i)
        a.progress.push_back(progress(object_at(*arr, i, "progress"), item("progress", i)));
    if (const json* arr = array(root, "distractors", ""))
      for (std::size_t i = 0; i < arr->size(); ++i) {
        const json& d = object_at(*arr, i, "distractors");
        const std::string path = item("distractors", i);
        Distractor dist;
        dist.text = required_string(d, "text", path);
        require_in_text(dist.text, child(path, "text"));
        dist.why = optional_string(d, "why", path);
        a.distractors.push_back(std::move(dist));
      }
    return a;
  }

 private:
  [[noreturn]] void fail(const std::string& path, const std::string& message) const {
    if (path.empty()) throw InputError(fmt::format("{}: {}", name_, message));
    throw InputError(fmt::format("{}: {}: {}", name_, path, message));
  }

  // The value of key, or nullptr when absent or null.
  static const json* value(const json& obj, const char* key) {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return nullptr;
    return &*it;
  }

  std::string optional_string(const json& obj, const char* key, const std::string& path) const {
    const json* v = value(obj, key);
    if (!v) return {};
    if (!v->is_string()) fail(child(path, key), "expected a string or null, got " + shown(*v));
    return v->get<std::string>();
  }

  // A string shown as a name in tables and reports: no bidi or control characters in it.
  std::string checked_name(std::string s, const char* key, const std::string& path) const {
    if (auto found = find_display_control(s)) fail(child(path, key), describe_display_control(*found));
    return s;
  }
  std::string optional_name(const json& obj, const char* key, const std::string& path) const {
    return checked_name(optional_string(obj, key, path), key, path);
  }
  std::string required_name(const json& obj, const char* key, const std::string& path) const {
    return checked_name(required_string(obj, key, path), key, path);
  }

  std::string required_string(const json& obj, const char* key, const std::string& path) const {
    const json* v = value(obj, key);
    if (!v) fail(child(path, key), "is required");
    if (!v->is_string()) fail(child(path, key), "expected a string, got " + shown(*v));
    if (v->get_ref<const std::string&>().empty()) fail(child(path, key), "is empty");
    return v->get<std::string>();
  }

  std::optional<Date> optional_date(const json& obj, const char* key, const std::string& path) const {
    const json* v = value(obj, key);
    if (!v) return std::nullopt;
    if (!v->is_string()) fail(child(path, key), "expected a date string (YYYY-MM-DD) or null, got " + shown(*v));
    auto d = Date::try_parse(v->get_ref<const std::string&>());
    if (!d) fail(child(path, key), shown(*v) + " is not a date (expected an existing date as YYYY-MM-DD)");
    return d;
  }

  template <typename E, int N>
  E enumeration(const json& v, const std::string& path, std::optional<E> (*parse)(std::string_view)) const {
    if (v.is_string())
      if (auto e = parse(v.get_ref<const std::string&>())) return *e;
    fail(path, shown(v) + " is not one of " + names_of<E, N>());
  }

  template <typename E, int N>
  E optional_enum(const json& obj, const char* key, const std::string& path, E fallback,
                  std::optional<E> (*parse)(std::string_view)) const {
    const json* v = value(obj, key);
    return v ? enumeration<E, N>(*v, child(path, key), parse) : fallback;
  }

  template <typename E, int N>
  E required_enum(const json& obj, const char* key, const std::string& path,
                  std::optional<E> (*parse)(std::string_view)) const {
    const json* v = value(obj, key);
    if (!v) fail(child(path, key), "is required (one of " + names_of<E, N>() + ")");
    return enumeration<E, N>(*v, child(path, key), parse);
  }

  // Targets and values: a finite number in [0, max_json_number).
  double quantity(const json& v, const std::string& path) const {
    if (!v.is_number()) fail(path, "expected a number, got " + shown(v));
    const double d = v.get<double>();
    if (!std::isfinite(d) || d < 0 || d >= max_json_number)
      fail(path, fmt::format("{} is out of range (expected a number from 0 to below 1e15)", shown(v)));
    return d;
  }

  std::optional<double> optional_quantity(const json& obj, const char* key, const std::string& path) const {
    const json* v = value(obj, key);
    if (!v) return std::nullopt;
    return quantity(*v, child(path, key));
  }

  double required_quantity(const json& obj, const char* key, const std::string& path) const {
    const json* v = value(obj, key);
    if (!v) fail(child(path, key), "is required");
    return quantity(*v, child(path, key));
  }

  double confidence(const json& obj, const std::string& path) const {
    const json* v = value(obj, "confidence");
    if (!v) return 1.0;
    if (!v->is_number()) fail(child(path, "confidence"), "expected a number from 0 to 1, got " + shown(*v));
    const double d = v->get<double>();
    if (!(d >= 0 && d <= 1)) fail(child(path, "confidence"), shown(*v) + " is not between 0 and 1");
    return d;
  }

  // ISO 3166-1 alpha-2 ("MA") or, with `subdivision`, ISO 3166-2 ("MA-06").
  std::string optional_code(const json& obj, const char* key, const std::string& path, bool subdivision) const {
    std::string s = optional_string(obj, key, path);
    if (s.empty()) return s;
    auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
    auto alnum = [&](char c) { return upper(c) || (c >= '0' && c <= '9'); };
    bool ok = s.size() >= 2 && upper(s[0]) && upper(s[1]);
    if (!subdivision) {
      ok = ok && s.size() == 2;
    } else {
      ok = ok && s.size() >= 4 && s.size() <= 6 && s[2] == '-';
      for (std::size_t i = 3; ok && i < s.size(); ++i) ok = alnum(s[i]);
    }
    if (!ok)
      fail(child(path, key), fmt::format("'{}' is not an ISO 3166-{} code (like {})", shorten(s),
                                         subdivision ? 2 : 1, subdivision ? "MA-06" : "MA"));
    return s;
  }

  const json* array(const json& obj, const char* key, const std::string& path) const {
    const json* v = value(obj, key);
    if (v && !v->is_array()) fail(child(path, key), "expected an array, got " + shown(*v));
    // No announcement has thousands of parties or pledges; such a file is garbage, and storing
    // it would cost time quadratic in its size (every name is resolved against the others).
    if (v && v->size() > max_json_items)
      fail(child(path, key), fmt::format("{} items, more than the {} one announcement may hold", v->size(),
                                         max_json_items));
    return v;
  }

  const json& object_at(const json& arr, std::size_t i, const std::string& path) const {
    const json& v = arr[i];
    if (!v.is_object()) fail(item(path, i), "expected an object, got " + shown(v));
    return v;
  }

  void require_in_text(const std::string& s, const std::string& path) const {
    if (text_->find(s) == std::string::npos) fail(path, "'" + shorten(s) + "' is not found in text");
  }

  std::vector<Evidence> evidence(const json& obj, const std::string& path) const {
    std::vector<Evidence> out;
    const json* arr = array(obj, "evidence", path);
    if (!arr) return out;
    const std::string base = child(path, "evidence");
    for (std::size_t i = 0; i < arr->size(); ++i) {
      const json& v = (*arr)[i];
      const std::string at = item(base, i);
      Evidence e;
      if (v.is_string()) {
        e.text = v.get<std::string>();
        if (e.text.empty()) fail(at, "is empty");
        require_in_text(e.text, at);
      } else if (v.is_object()) {
        e.text = required_string(v, "text", at);
        const json* start = value(v, "start");
        const json* end = value(v, "end");
        if (!start && !end) {
          require_in_text(e.text, child(at, "text"));
        } else {
          if (!start || !end) fail(at, "start and end must be given together");
          for (const json* off : {start, end})
            if (!off->is_number_integer() || off->get<std::int64_t>() < 0)
              fail(child(at, off == start ? "start" : "end"), "expected a byte offset (integer >= 0), got " + shown(*off));
          e.start = start->get<std::int64_t>();
          e.end = end->get<std::int64_t>();
          const auto size = static_cast<std::int64_t>(text_->size());
          if (e.start > e.end || e.end > size)
            fail(at, fmt::format("offsets {}..{} are outside text ({} bytes)", e.start, e.end, size));
          std::string_view span = std::string_view(*text_).substr(static_cast<std::size_t>(e.start),
                                                                   static_cast<std::size_t>(e.end - e.start));
          if (span != e.text)
            fail(at, fmt::format("text[{}..{}] is '{}', not '{}'", e.start, e.end, shorten(span), shorten(e.text)));
        }
      } else {
        fail(at, "expected a string or an object {text, start, end}, got " + shown(v));
      }
      out.push_back(std::move(e));
    }
    return out;
  }

  PartyRef party(const json& obj, const std::string& path) const {
    PartyRef p;
    p.name = required_name(obj, "name", path);
    p.kind = optional_enum<PartyKind, 7>(obj, "kind", path, PartyKind::other, parse_party_kind);
    p.country = optional_code(obj, "country", path, false);
    p.role = optional_enum<Role, 6>(obj, "role", path, Role::partner, parse_role);
    p.representative = optional_name(obj, "representative", path);
    p.title = optional_name(obj, "title", path);
    return p;
  }

  Commitment commitment(const json& obj, const std::string& path, const std::vector<PartyRef>& parties,
                        const std::unordered_set<std::string_view>& party_names) const {
    Commitment c;
    c.party = required_name(obj, "party", path);
    // Linear per commitment, and the list of names only built for the message: a file with
    // thousands of parties and commitments must not cost their product in string building.
    if (!party_names.count(c.party)) {
      std::string names;
      for (const auto& p : parties) {
        if (names.size() > 200) break;
        names += (names.empty() ? "" : ", ") + p.name;
      }
      fail(child(path, "party"), fmt::format("'{}' is not one of the agreement's parties[].name ({})",
                                             shorten(c.party), names.empty() ? "none given" : shorten(names, 200)));
    }
    c.metric = required_enum<Metric, 5>(obj, "metric", path, parse_metric);
    c.target = optional_quantity(obj, "target", path);
    c.comparator = optional_enum<Comparator, 4>(obj, "comparator", path, Comparator::exactly, parse_comparator);
    c.unit = optional_name(obj, "unit", path);
    c.qualifier = optional_name(obj, "qualifier", path);
    c.start = optional_date(obj, "start", path);
    c.deadline = optional_date(obj, "deadline", path);
    c.deadline_text = optional_string(obj, "deadline_text", path);
    c.deadline_kind = optional_enum<DeadlineKind, 4>(obj, "deadline_kind", path, DeadlineKind::none, parse_deadline_kind);
    if (const json* arr = array(obj, "milestones", path)) {
      const std::string base = child(path, "milestones");
      for (std::size_t i = 0; i < arr->size(); ++i) {
        const json& m = object_at(*arr, i, base);
        const std::string at = item(base, i);
        Milestone ms;
        ms.due = optional_date(m, "due", at);
        ms.target = required_quantity(m, "target", at);
        ms.text = optional_string(m, "text", at);
        if (!ms.text.empty()) require_in_text(ms.text, child(at, "text"));
        c.milestones.push_back(std::move(ms));
      }
    }
    c.confidence = confidence(obj, path);
    c.evidence = evidence(obj, path);
    return c;
  }

  Agreement agreement(const json& obj, const std::string& path) const {
    Agreement a;
    a.title = optional_name(obj, "title", path);
    a.kind = optional_enum<AgreementKind, 6>(obj, "kind", path, AgreementKind::announcement, parse_agreement_kind);
    a.signed_on = optional_date(obj, "signed_on", path);
    a.place = optional_name(obj, "place", path);
    a.country = optional_code(obj, "country", path, false);
    a.region_code = optional_code(obj, "region_code", path, true);
    a.region = optional_name(obj, "region", path);
    a.city = optional_name(obj, "city", path);
    a.sector = optional_name(obj, "sector", path);
    a.program = optional_name(obj, "program", path);
    if (const json* arr = array(obj, "parties", path)) {
      const std::string base = child(path, "parties");
      for (std::size_t i = 0; i < arr->size(); ++i) a.parties.push_back(party(object_at(*arr, i, base), item(base, i)));
    }
    if (const json* arr = array(obj, "commitments", path)) {
      const std::string base = child(path, "commitments");
      std::unordered_set<std::string_view> names;
      for (const auto& p : a.parties) names.insert(p.name);
      for (std::size_t i = 0; i < arr->size(); ++i)
        a.commitments.push_back(commitment(object_at(*arr, i, base), item(base, i), a.parties, names));
    }
    a.confidence = confidence(obj, path);
    a.evidence = evidence(obj, path);
    return a;
  }

  ProgressStatement progress(const json& obj, const std::string& path) const {
    ProgressStatement p;
    p.story = optional_string(obj, "story", path);
    p.party = optional_name(obj, "party", path);
    p.metric = required_enum<Metric, 5>(obj, "metric", path, parse_metric);
    p.as_of = optional_date(obj, "as_of", path);
    p.value = required_quantity(obj, "value", path);
    p.unit = optional_name(obj, "unit", path);
    p.confidence = confidence(obj, path);
    p.evidence = evidence(obj, path);
    return p;
  }

  const std::string& name_;
  const std::string* text_ = nullptr;
};

}  // namespace

nlohmann::ordered_json to_json(const Announcement& a) {
  ojson o = ojson::object();
  o["id"] = str_or_null(a.id);
  o["url"] = str_or_null(a.url);
  o["outlet"] = str_or_null(a.outlet);
  o["language"] = str_or_null(a.language);
  o["title"] = str_or_null(a.title);
  o["published"] = date_or_null(a.published);
  o["story"] = str_or_null(a.story);
  o["kind"] = a.kind ? ojson(to_string(*a.kind)) : ojson(nullptr);
  o["text"] = a.text;
  ojson agreements = ojson::array();
  for (const auto& ag : a.agreements) agreements.push_back(agreement_json(ag));
  o["agreements"] = std::move(agreements);
  ojson progress = ojson::array();
  for (const auto& p : a.progress) progress.push_back(progress_json(p));
  o["progress"] = std::move(progress);
  ojson distractors = ojson::array();
  for (const auto& d : a.distractors) {
    ojson dj = ojson::object();
    dj["text"] = d.text;
    dj["why"] = str_or_null(d.why);
    distractors.push_back(std::move(dj));
  }
  o["distractors"] = std::move(distractors);
  return o;
}

Announcement announcement_from_json(std::string_view json_text, const std::string& name) {
  const json root = parse_json(json_text, name);
  return Reader(name).announcement(root);
}

std::vector<Announcement> announcements_from_ndjson(std::string_view ndjson_text, const std::string& name) {
  std::vector<Announcement> out;
  std::size_t line_no = 0, pos = 0;
  while (pos < ndjson_text.size()) {
    std::size_t nl = ndjson_text.find('\n', pos);
    if (nl == std::string_view::npos) nl = ndjson_text.size();
    std::string_view line = ndjson_text.substr(pos, nl - pos);
    ++line_no;
    pos = nl + 1;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    out.push_back(announcement_from_json(line, fmt::format("{}:{}", name, line_no)));
  }
  return out;
}

}  // namespace pledgedb

// Front matter: a "---" line, "key: value" lines, a "---" line, at the very start of a .md/.txt.
// Only the flat subset of YAML that article metadata needs; nested values are skipped.
#include <fmt/format.h>

#include <optional>
#include <string>
#include <string_view>

#include "pledgedb/date.hpp"
#include "pledgedb/document.hpp"
#include "pledgedb/error.hpp"

namespace pledgedb::ingest::detail {

std::string normalize_language(std::string_view tag);
std::optional<Date> date_prefix(std::string_view value);
std::string_view split_front_matter(std::string_view bytes, const std::string& name, Document& doc);

namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && (is_blank(s.front()) || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (is_blank(s.back()) || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Splits off the next line (without its '\n'); advances pos past it.
std::string_view next_line(std::string_view s, std::size_t& pos) {
  std::size_t nl = s.find('\n', pos);
  if (nl == std::string_view::npos) nl = s.size();
  std::string_view line = s.substr(pos, nl - pos);
  pos = nl < s.size() ? nl + 1 : s.size();
  return line;
}

bool is_fence(std::string_view line) { return trim(line) == "---"; }

class FrontMatterError {
 public:
  FrontMatterError(const std::string& name, std::size_t line) : name_(name), line_(line) {}
  [[noreturn]] void operator()(const std::string& what) const {
    throw InputError(fmt::format("{}: front matter line {}: {}", name_, line_, what));
  }

 private:
  const std::string& name_;
  std::size_t line_;
};

// The value after "key:", unquoted. "..." takes \" \\ \n \t escapes, '...' takes '' for a quote;
// an unquoted value ends at " #" (a YAML comment).
std::string parse_value(std::string_view raw, const FrontMatterError& fail) {
  std::string_view v = trim(raw);
  if (v.empty()) return {};
  if (v.front() == '"') {
    std::string out;
    std::size_t i = 1;
    for (; i < v.size() && v[i] != '"'; ++i) {
      if (v[i] == '\\' && i + 1 < v.size()) {
        const char e = v[++i];
        out += e == 'n' ? '\n' : e == 't' ? '\t' : e;
      } else {
        out += v[i];
      }
    }
    if (i >= v.size()) fail("the quoted value has no closing '\"'");
    std::string_view after = trim(v.substr(i + 1));
    if (!after.empty() && after.front() != '#') fail(fmt::format("unexpected '{}' after the quoted value", after));
    return out;
  }
  if (v.front() == '\'') {
    std::string out;
    std::size_t i = 1;
    for (; i < v.size(); ++i) {
      if (v[i] == '\'') {
        if (i + 1 < v.size() && v[i + 1] == '\'') {
          out += '\'';
          ++i;
          continue;
        }
        break;
      }
      out += v[i];
    }
    if (i >= v.size()) fail("the quoted value has no closing \"'\"");
    std::string_view after = trim(v.substr(i + 1));
    if (!after.empty() && after.front() != '#') fail(fmt::format("unexpected '{}' after the quoted value", after));
    return out;
  }
  for (std::size_t i = 1; i < v.size(); ++i)
    if (v[i] == '#' && is_blank(v[i - 1])) return std::string(trim(v.substr(0, i)));
  return std::string(v);
}

}  // namespace

std::string_view split_front_matter(std::string_view bytes, const std::string& name, Document& doc) {
  std::size_t pos = 0;
  if (!is_fence(next_line(bytes, pos))) return bytes;
  // Find the closing line first: without it the "keys" may be the article itself.
  const std::size_t block_start = pos;
  std::size_t block_end = std::string_view::npos;
  for (std::size_t probe = pos; probe < bytes.size();) {
    const std::size_t line_start = probe;
    if (is_fence(next_line(bytes, probe))) {
      block_end = line_start;
      pos = probe;
      break;
    }
  }
  if (block_end == std::string_view::npos)
    throw InputError(fmt::format("{}: front matter opened on line 1 is not closed by a '---' line", name));

  const std::string_view block = bytes.substr(block_start, block_end - block_start);
  std::size_t line_no = 1;
  for (std::size_t at = 0; at < block.size();) {
    const std::string_view line = next_line(block, at);
    ++line_no;
    const std::string_view t = trim(line);
    // Blank lines, comments, and the indented or "- item" lines of nested values we do not use.
    if (t.empty() || t.front() == '#' || is_blank(line.front()) || t.front() == '-') continue;
    const FrontMatterError fail(name, line_no);
    const std::size_t colon = t.find(':');
    if (colon == std::string_view::npos || colon == 0)
      fail(fmt::format("expected 'key: value', got '{}'", t.substr(0, 60)));
    std::string key(trim(t.substr(0, colon)));
    for (char& c : key)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    const std::string value = parse_value(t.substr(colon + 1), fail);
    if (value.empty()) continue;
    if (key == "title") {
      doc.title = value;
    } else if (key == "url") {
      doc.url = value;
    } else if (key == "outlet") {
      doc.outlet = value;
    } else if (key == "published" || key == "date") {
      doc.published = date_prefix(value);
      if (!doc.published)
        throw InputError(fmt::format("{}: front matter field '{}': '{}' is not a date", name, key, value));
    } else if (key == "language" || key == "lang") {
      doc.language = normalize_language(value);
      if (doc.language.empty())
        throw InputError(fmt::format("{}: front matter field '{}': '{}' is not a language code (like ar, fr, en)",
                                     name, key, value));
    }
    // other keys (author, tags...) are allowed and ignored
  }
  // The body starts after the closing line, without the blank lines that usually follow it.
  std::size_t body = pos;
  while (body < bytes.size()) {
    std::size_t probe = body;
    if (!trim(next_line(bytes, probe)).empty() || probe == body) break;
    body = probe;
  }
  return bytes.substr(body);
}

}  // namespace pledgedb::ingest::detail

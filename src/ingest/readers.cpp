#include "pledgedb/ingest/readers.hpp"

#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>

#include "pledgedb/announcement_json.hpp"
#include "pledgedb/display_text.hpp"
#include "pledgedb/error.hpp"
#include "pledgedb/text/utf8.hpp"

namespace pledgedb::ingest {

namespace detail {
// Defined in html.cpp and front_matter.cpp.
Document html_to_document(std::string_view html, const std::string& name);
std::string_view split_front_matter(std::string_view bytes, const std::string& name, Document& doc);
std::string normalize_language(std::string_view tag);
std::optional<Date> date_prefix(std::string_view value);

// "fr-FR" -> "fr", "AR" -> "ar"; "" unless it looks like a BCP 47 tag with a 2-3 letter language.
std::string normalize_language(std::string_view tag) {
  while (!tag.empty() && (tag.front() == ' ' || tag.front() == '\t')) tag.remove_prefix(1);
  while (!tag.empty() && (tag.back() == ' ' || tag.back() == '\t')) tag.remove_suffix(1);
  std::string out;
  bool primary = true;
  for (char c : tag) {
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    const bool digit = c >= '0' && c <= '9';
    if (c == '-' || c == '_') {
      primary = false;
    } else if (primary && letter) {
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    } else if (primary || !(letter || digit)) {
      return {};
    }
  }
  return out.size() >= 2 && out.size() <= 3 ? out : std::string();
}

// "2024-03-05", "2024-03-05T10:00:00+01:00" or "2024-03-05 10:00" -> the date, if it exists.
std::optional<Date> date_prefix(std::string_view value) {
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
  if (value.size() > 10 && value[10] != 'T' && value[10] != 't' && value[10] != ' ') return std::nullopt;
  return Date::try_parse(value.substr(0, 10));
}
}  // namespace detail

namespace {

std::string display_name(const std::string& path) { return path == "-" ? "<stdin>" : path; }

// 12.3 MB, 10 MB, 512 KB, 900 bytes (binary multiples, as --max-bytes counts bytes).
std::string human_size(std::uintmax_t bytes) {
  auto trim_zero = [](std::string s) {
    if (s.size() > 2 && s.ends_with(".0")) s.resize(s.size() - 2);
    return s;
  };
  if (bytes >= 1024 * 1024) return trim_zero(fmt::format("{:.1f}", static_cast<double>(bytes) / (1024.0 * 1024.0))) + " MB";
  if (bytes >= 1024) return trim_zero(fmt::format("{:.1f}", static_cast<double>(bytes) / 1024.0)) + " KB";
  return fmt::format("{} bytes", bytes);
}

[[noreturn]] void too_large(const std::string& name, std::optional<std::uintmax_t> size, std::size_t max_bytes) {
  if (size)
    throw InputError(fmt::format("{}: {} is over the {} limit (--max-bytes)", name, human_size(*size),
                                 human_size(max_bytes)));
  throw InputError(fmt::format("{}: more than {}, over the limit (--max-bytes)", name, human_size(max_bytes)));
}

std::string lower_extension(const std::string& path) {
  const std::string file = std::filesystem::path(path).filename().string();
  const std::size_t dot = file.rfind('.');
  if (dot == std::string::npos || dot == 0) return {};
  std::string ext = file.substr(dot);
  for (char& c : ext)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return ext;
}

// Reads at most limit + 1 bytes so an endless or growing stream cannot exhaust memory.
std::string read_bounded(std::FILE* f, const std::string& name, std::size_t max_bytes) {
  std::string out;
  char buf[64 * 1024];
  const std::size_t limit = max_bytes < SIZE_MAX ? max_bytes + 1 : max_bytes;
  while (true) {
    const std::size_t want = std::min(sizeof buf, limit - out.size());
    const std::size_t got = std::fread(buf, 1, want, f);
    out.append(buf, got);
    if (out.size() > max_bytes) too_large(name, std::nullopt, max_bytes);
    if (got < want) break;
  }
  if (std::ferror(f)) throw InputError(fmt::format("{}: read error: {}", name, std::strerror(errno)));
  return out;
}

bool has_text(std::string_view s) {
  for (char c : s)
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') return true;
  return false;
}

// The charset of <meta charset=...> or <meta http-equiv content="...; charset=...">, lower-case.
std::string declared_charset(std::string_view html) {
  const std::string_view head = html.substr(0, 4096);
  std::string lower(head);
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  std::size_t at = lower.find("charset=");
  if (at == std::string::npos) return {};
  at += 8;
  while (at < lower.size() && (lower[at] == '"' || lower[at] == '\'' || lower[at] == ' ')) ++at;
  std::string out;
  for (; at < lower.size() && out.size() < 40; ++at) {
    const char c = lower[at];
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == ':')) break;
    out += c;
  }
  return out;
}

InputFormat sniff_format(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  if (bytes.starts_with("---")) return InputFormat::md;
  const std::size_t first = bytes.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos) {
    if (bytes[first] == '<') return InputFormat::html;
    if (bytes[first] == '{') return InputFormat::json;
  }
  return InputFormat::txt;
}

}  // namespace

InputFormat format_for_path(const std::string& path) {
  const std::string ext = lower_extension(path);
  if (ext == ".txt") return InputFormat::txt;
  if (ext == ".md" || ext == ".markdown") return InputFormat::md;
  if (ext == ".html" || ext == ".htm") return InputFormat::html;
  if (ext == ".json" || ext == ".ndjson") return InputFormat::json;
  const std::string expected = "expected .txt, .md, .markdown, .html, .htm, .json or .ndjson";
  if (ext.empty()) throw InputError(fmt::format("{}: no file extension to tell the format ({})", path, expected));
  throw InputError(fmt::format("{}: unknown file type '{}' ({})", path, ext, expected));
}

std::string read_file_bytes(const std::string& path, std::size_t max_bytes) {
  const std::string name = display_name(path);
  std::string bytes;
  if (path == "-") {
    bytes = read_bounded(stdin, name, max_bytes);
  } else {
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (status.type() == std::filesystem::file_type::not_found)
      throw InputError(fmt::format("{}: no such file", name));
    if (status.type() == std::filesystem::file_type::directory)
      throw InputError(fmt::format("{}: is a directory, not a file", name));
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (!f) throw InputError(fmt::format("{}: cannot open: {}", name, std::strerror(errno)));
    struct stat st{};
    // Refuse a large regular file by its size, before reading any of it.
    if (::fstat(::fileno(f.get()), &st) == 0 && S_ISREG(st.st_mode) &&
        static_cast<std::uintmax_t>(st.st_size) > max_bytes)
      too_large(name, static_cast<std::uintmax_t>(st.st_size), max_bytes);
    bytes = read_bounded(f.get(), name, max_bytes);
  }
  if (bytes.empty()) throw InputError(fmt::format("{}: file is empty", name));
  return bytes;
}

// Title, url and outlet are shown in tables and reports: whitespace controls become spaces
// (an HTML <title> may span lines), other invisible controls refuse the file, as in JSON input.
namespace {
void check_metadata(std::string& value, std::string_view field, const std::string& shown) {
  for (char& c : value)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  if (auto found = find_display_control(value))
    throw InputError(fmt::format("{}: {} {}", shown, field, describe_display_control(*found, "titles, urls and outlets")));
}
}  // namespace

Document parse_document(std::string_view bytes, const std::string& name, InputFormat format,
                        const ReadOptions& options) {
  const std::string shown = display_name(name);
  if (bytes.empty()) throw InputError(fmt::format("{}: file is empty", shown));
  if (const std::size_t nul = bytes.find('\0'); nul != std::string_view::npos)
    throw InputError(fmt::format("{}: binary file (NUL byte at byte {}), expected UTF-8 text", shown, nul));
  if (format == InputFormat::html) {
    // Pages in legacy encodings (windows-1256 is common for Arabic) say so: tell the user.
    const std::size_t bad = text::find_invalid_utf8(bytes);
    const std::string charset = bad == text::npos ? std::string() : declared_charset(bytes);
    if (!charset.empty() && charset != "utf-8" && charset != "utf8")
      throw InputError(fmt::format("{}: invalid UTF-8 at byte {}: the page declares charset {}; convert it first "
                                   "(iconv -f {} -t utf-8)",
                                   shown, bad, charset, charset));
  }
  text::require_valid_utf8(bytes, shown);
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);

  Document doc;
  switch (format) {
    case InputFormat::txt:
    case InputFormat::md: {
      const std::string_view body = detail::split_front_matter(bytes, shown, doc);
      if (!has_text(body))
        throw InputError(fmt::format("{}: no text{}", shown, body.size() < bytes.size() ? " after the front matter" : ""));
      doc.text = std::string(body);  // as is: evidence offsets point into these bytes
      break;
    }
    case InputFormat::html:
      doc = detail::html_to_document(bytes, shown);
      if (!has_text(doc.text)) throw InputError(fmt::format("{}: no text found in the HTML page", shown));
      text::require_valid_utf8(doc.text, shown);
      break;
    case InputFormat::json: {
      const Announcement a = announcement_from_json(bytes, shown);
      doc.text = a.text;
      doc.title = a.title;
      doc.url = a.url;
      doc.outlet = a.outlet;
      doc.language = a.language;
      doc.published = a.published;
      break;
    }
  }
  if (format != InputFormat::json) {  // announcement_from_json has checked its own fields
    check_metadata(doc.title, "title", shown);
    check_metadata(doc.url, "url", shown);
    check_metadata(doc.outlet, "outlet", shown);
  }
  doc.path = name;
  doc.format = format;
  if (!options.language.empty()) doc.language = options.language;
  if (options.published) doc.published = options.published;
  return doc;
}

Document read_document(const std::string& path, const ReadOptions& options) {
  std::optional<InputFormat> format = options.format;
  if (!format && path != "-") {
    format = format_for_path(path);
    if (lower_extension(path) == ".ndjson")
      throw InputError(fmt::format("{}: an NDJSON file holds many announcements, not one document", path));
  }
  const std::string bytes = read_file_bytes(path, options.max_bytes);
  return parse_document(bytes, path, format ? *format : sniff_format(bytes), options);
}

}  // namespace pledgedb::ingest

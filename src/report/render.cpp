#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <ostream>
#include <stdexcept>

#include "pledgedb/report/table.hpp"

namespace pledgedb::report {

std::size_t Table::column(std::string_view name) const {
  for (std::size_t i = 0; i < columns.size(); ++i)
    if (columns[i].name == name) return i;
  throw std::out_of_range(fmt::format("no column '{}'", name));
}

std::optional<Format> parse_format(std::string_view s) {
  if (s == "table") return Format::table;
  if (s == "csv") return Format::csv;
  if (s == "tsv") return Format::tsv;
  if (s == "json") return Format::json;
  if (s == "ndjson") return Format::ndjson;
  if (s == "md" || s == "markdown") return Format::md;
  return std::nullopt;
}

std::string_view to_string(Format f) {
  switch (f) {
    case Format::table: return "table";
    case Format::csv: return "csv";
    case Format::tsv: return "tsv";
    case Format::json: return "json";
    case Format::ndjson: return "ndjson";
    case Format::md: return "md";
  }
  return "table";
}

namespace {

// Numbers print in full without grouping or exponent: 1500000000, 0.75, 12500.75.
std::string format_number(double v) {
  if (!std::isfinite(v)) return "";
  if (v == std::floor(v) && std::fabs(v) < 1e18) return fmt::format("{}", static_cast<long long>(v));
  std::string s = fmt::format("{:.6f}", v);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

std::string flat(const Cell& c) {
  struct V {
    std::string operator()(std::monostate) const { return ""; }
    std::string operator()(const std::string& s) const { return s; }
    std::string operator()(std::int64_t i) const { return std::to_string(i); }
    std::string operator()(double d) const { return format_number(d); }
    std::string operator()(bool b) const { return b ? "true" : "false"; }
    std::string operator()(const nlohmann::json& j) const {
      if (j.is_null()) return "";
      if (j.is_string()) return j.get<std::string>();
      return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
  };
  return std::visit(V{}, c);
}

nlohmann::json to_json(const Cell& c) {
  struct V {
    nlohmann::json operator()(std::monostate) const { return nullptr; }
    nlohmann::json operator()(const std::string& s) const { return s; }
    nlohmann::json operator()(std::int64_t i) const { return i; }
    nlohmann::json operator()(double d) const {
      if (!std::isfinite(d)) return nullptr;
      if (d == std::floor(d) && std::fabs(d) < 9e15) return static_cast<std::int64_t>(d);
      return d;
    }
    nlohmann::json operator()(bool b) const { return b; }
    nlohmann::json operator()(const nlohmann::json& j) const { return j; }
  };
  return std::visit(V{}, c);
}

nlohmann::json row_object(const Table& t, const std::vector<Cell>& row) {
  nlohmann::json o = nlohmann::json::object();
  for (std::size_t i = 0; i < t.columns.size(); ++i) o[t.columns[i].name] = i < row.size() ? to_json(row[i]) : nullptr;
  return o;
}

std::string dump(const nlohmann::json& j, int indent = -1) {
  return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Columns a terminal gives the text: wide East Asian characters take two, combining marks none.
std::size_t display_width(std::string_view s) {
  std::size_t w = 0;
  std::int32_t i = 0, n = static_cast<std::int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, n, c);
    if (c < 0) {
      ++w;
      continue;
    }
    const auto gc = u_charType(c);
    if (gc == U_NON_SPACING_MARK || gc == U_ENCLOSING_MARK || gc == U_FORMAT_CHAR) continue;
    const auto ea = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    w += (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH) ? 2 : 1;
  }
  return w;
}

// One line per cell in flat formats: newlines and tabs become spaces.
std::string one_line(std::string s) {
  for (auto& ch : s)
    if (ch == '\n' || ch == '\r' || ch == '\t') ch = ' ';
  return s;
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) {
    if (c == '"') q += '"';
    q += c;
  }
  return q + "\"";
}

// Markdown cells: escape what would end the cell or be read as markup or HTML.
std::string md_field(const std::string& s) {
  std::string o;
  for (char c : one_line(s)) {
    switch (c) {
      case '|': o += "\\|"; break;
      case '<': o += "&lt;"; break;
      case '>': o += "&gt;"; break;
      case '&': o += "&amp;"; break;
      case '\\': o += "\\\\"; break;
      case '*': case '_': case '`': case '[': case ']':
        o += '\\';
        o += c;
        break;
      default: o += c;
    }
  }
  return o;
}

bool right_aligned(ColumnType t) { return t == ColumnType::integer || t == ColumnType::number; }

}  // namespace

void render(const Table& t, Format format, std::ostream& out, const RenderOptions& opt) {
  const std::size_t nc = t.columns.size();
  auto cell = [&](const std::vector<Cell>& row, std::size_t i) { return i < row.size() ? flat(row[i]) : std::string(); };
  switch (format) {
    case Format::json: {
      nlohmann::json arr = nlohmann::json::array();
      for (const auto& row : t.rows) arr.push_back(row_object(t, row));
      out << dump(arr, 2) << "\n";
      return;
    }
    case Format::ndjson:
      for (const auto& row : t.rows) out << dump(row_object(t, row)) << "\n";
      return;
    case Format::csv:
    case Format::tsv: {
      const bool csv = format == Format::csv;
      auto field = [&](const std::string& s) { return csv ? csv_field(s) : one_line(s); };
      if (opt.headers) {
        for (std::size_t i = 0; i < nc; ++i) out << (i ? (csv ? "," : "\t") : "") << field(t.columns[i].name);
        out << (csv ? "\r\n" : "\n");
      }
      for (const auto& row : t.rows) {
        for (std::size_t i = 0; i < nc; ++i) out << (i ? (csv ? "," : "\t") : "") << field(cell(row, i));
        out << (csv ? "\r\n" : "\n");
      }
      return;
    }
    case Format::md: {
      if (opt.headers) {
        out << "|";
        for (const auto& c : t.columns) out << " " << md_field(c.name) << " |";
        out << "\n|";
        for (const auto& c : t.columns) out << (right_aligned(c.type) ? " ---: |" : " --- |");
        out << "\n";
      }
      for (const auto& row : t.rows) {
        out << "|";
        for (std::size_t i = 0; i < nc; ++i) out << " " << md_field(cell(row, i)) << " |";
        out << "\n";
      }
      return;
    }
    case Format::table: {
      std::vector<std::vector<std::string>> cells;
      cells.reserve(t.rows.size());
      std::vector<std::size_t> width(nc, 0);
      if (opt.headers)
        for (std::size_t i = 0; i < nc; ++i) width[i] = display_width(t.columns[i].name);
      for (const auto& row : t.rows) {
        auto& line = cells.emplace_back();
        for (std::size_t i = 0; i < nc; ++i) {
          line.push_back(one_line(cell(row, i)));
          width[i] = std::max(width[i], display_width(line.back()));
        }
      }
      auto print = [&](const std::vector<std::string>& line) {
        std::string s;
        for (std::size_t i = 0; i < nc; ++i) {
          const std::size_t pad = width[i] - std::min(width[i], display_width(line[i]));
          if (i) s += "  ";
          if (right_aligned(t.columns[i].type)) s += std::string(pad, ' ') + line[i];
          else s += line[i] + (i + 1 < nc ? std::string(pad, ' ') : "");
        }
        while (!s.empty() && s.back() == ' ') s.pop_back();
        out << s << "\n";
      };
      if (opt.headers && nc) {
        std::vector<std::string> head;
        for (const auto& c : t.columns) head.push_back(c.name);
        print(head);
        std::vector<std::string> rule;
        for (std::size_t i = 0; i < nc; ++i) rule.push_back(std::string(width[i], '-'));
        print(rule);
      }
      for (const auto& line : cells) print(line);
      return;
    }
  }
}

}  // namespace pledgedb::report

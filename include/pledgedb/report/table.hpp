#pragma once
// Typed result tables: every report and listing computes one; renderers turn it into
// table/csv/tsv/json/ndjson/md. One --format contract for every command that prints rows.
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

namespace pledgedb::report {

enum class ColumnType { text, integer, number, date, boolean, json };

struct Column {
  std::string name;  // also the JSON key
  ColumnType type = ColumnType::text;
};

// std::monostate is null (empty in table/csv, null in JSON). json holds nested values
// (lists of parties, sources...), rendered compactly in flat formats.
using Cell = std::variant<std::monostate, std::string, std::int64_t, double, bool, nlohmann::json>;

struct Table {
  std::vector<Column> columns;
  std::vector<std::vector<Cell>> rows;

  // Index of a column by name; throws std::out_of_range when absent.
  std::size_t column(std::string_view name) const;
};

enum class Format { table, csv, tsv, json, ndjson, md };
std::optional<Format> parse_format(std::string_view);
std::string_view to_string(Format);

struct RenderOptions {
  bool headers = true;  // --no-headers turns them off (table, csv, tsv, md)
};

// Writes the table. csv/tsv: no thousands separators, RFC 4180 quoting for csv;
// json: an array of objects ([] when empty); ndjson: one object per line; md: a pipe table
// with | and markup escaped; table: aligned columns by display width.
void render(const Table& table, Format format, std::ostream& out, const RenderOptions& options = {});

}  // namespace pledgedb::report

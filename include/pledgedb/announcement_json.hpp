#pragma once
// The announcement JSON interchange format (DESIGN §6, docs/formats.md, schema/announcement.schema.json):
// `extract` prints it, `ingest` accepts it, `eval` compares it with annotated files.
#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "pledgedb/model.hpp"

namespace pledgedb {

// Deepest nesting of arrays/objects accepted (the format itself needs 7).
inline constexpr std::size_t max_json_depth = 64;
// Upper bound for targets and progress values: anything larger is a unit or parsing mistake.
inline constexpr double max_json_number = 1e15;

// The announcement as JSON, keys in the fixed order of docs/formats.md so output is deterministic.
// Empty strings and missing optionals are null; integral numbers print without a fraction;
// evidence is always the object form {text, start, end} (start/end null when unknown).
// An ordered_json converts implicitly to nlohmann::json (keys then sort alphabetically).
nlohmann::ordered_json to_json(const Announcement& a);

// Parses and validates one announcement. `name` (usually the file name) starts every error
// message, followed by the JSON path of the bad value:
//   "a.json: agreements[0].commitments[1].metric: 'money' is not one of jobs, investment, ..."
// Evidence may be a plain string (annotation form, offsets unknown: it must occur in `text`) or
// {text, start, end} (then text must equal the bytes text[start, end)). Unknown keys are ignored.
// Throws InputError for malformed JSON (with line and column), nesting deeper than
// max_json_depth, wrong types, unknown enumeration names, impossible dates, numbers that are
// not finite or outside [0, max_json_number), and commitment parties missing from parties[].
Announcement announcement_from_json(std::string_view json_text, const std::string& name);

// One announcement per non-blank line; errors name "<name>:<line>".
std::vector<Announcement> announcements_from_ndjson(std::string_view ndjson_text, const std::string& name);

}  // namespace pledgedb

#pragma once
// Files embedded in the binary at build time (migrations, ISO reference data).
#include <span>
#include <string_view>

namespace pledgedb::embedded {

struct File {
  std::string_view name;  // file name without directory, e.g. "0001_initial.sql"
  std::string_view data;  // exact bytes
};

// migrations/NNNN_name.sql, sorted by name.
std::span<const File> migrations();
// iso_3166-1.json, iso_3166-2.json, iso_4217.json from Debian's iso-codes.
std::span<const File> iso_codes();

}  // namespace pledgedb::embedded

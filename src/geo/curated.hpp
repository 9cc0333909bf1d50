#pragma once
// Curated alias tables compiled into the library (src/geo/*_aliases.cpp). Internal to geo.
#include <span>

#include "pledgedb/geo/gazetteer.hpp"

namespace pledgedb::geo::curated {

struct Entry {
  const char* code;  // ISO 3166-1/2 code the spelling names or lies in
  const char* text;  // as written
  const char* lang;  // "ar", "fr", "en", "es" or "" (same in several languages)
  AliasKind kind;
};

// A correction of the embedded iso-codes data, applied when the gazetteer is built.
struct ParentFix {
  const char* code;
  const char* parent;
  const char* why;
};

std::span<const Entry> morocco();        // regions, provinces, prefectures, cities, former names
std::span<const Entry> world();          // countries and major cities elsewhere
std::span<const ParentFix> parent_fixes();

// ISO subdivision names that are ordinary words ("Central", "Centre", "Delta"...): still found
// by lookup(), never matched in running text. Folded keys.
std::span<const char* const> not_in_running_text();

}  // namespace pledgedb::geo::curated

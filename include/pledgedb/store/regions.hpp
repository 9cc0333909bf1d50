#pragma once
// Regions and their aliases in the database (seeded from geo::Gazetteer::builtin()).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pledgedb/geo/gazetteer.hpp"
#include "pledgedb/store/database.hpp"

namespace pledgedb::store {

// Loads the built-in gazetteer (countries, subdivisions, curated aliases) into region and
// region_alias when they are missing; idempotent, keeps user aliases. Regions whose name, type
// or parent changed in a newer gazetteer are corrected. Returns rows inserted or corrected.
// Runs in its own write transaction, or in a savepoint when a transaction is already open.
std::size_t sync_regions(Database& db);

struct RegionQuery {
  std::string country;  // ISO 3166-1 alpha-2, any case; "" = every country
  // A code ("MA-06"), an alias in any script incl. cities ("الدار البيضاء", "Grand Casablanca",
  // "Kénitra"), with or without designators ("جهة …", "région de …"); Latin text also matches
  // part of a name ("settat"). "" = no search.
  std::string search;
  int level = -1;  // only regions this deep (0 countries, 1 first-level, ...); -1 = every level
};

// Regions matching the query: exact code and alias matches first (best reading first), then
// name substrings, then the rest by country, depth and code.
std::vector<geo::Region> list_regions(Database& db, const RegionQuery& query);
std::vector<geo::Region> list_regions(Database& db, std::string_view country, std::string_view search);

// A code (any case) or an alias to the code it names; nullopt when nothing matches. Among
// several regions with the alias: user aliases, then curated, then ISO names; then the less
// deep (a country over a homonymous province); then Morocco.
std::optional<std::string> resolve_region(Database& db, std::string_view text_or_code);

// code and every region below it (recursive), code first. Throws NotFoundError for an unknown
// code.
std::vector<std::string> region_descendants(Database& db, std::string_view code);

// Adds a user alias (origin 'user', key text::fold(alias)). Throws NotFoundError for an unknown
// code, InputError for an alias that folds to nothing or a malformed lang (2-3 letters or "").
// A built-in (ISO or curated) spelling added again becomes a user alias, which then wins over
// homonyms in resolve_region. Returns false when the region already had that user alias.
bool add_region_alias(Database& db, std::string_view code, std::string_view alias, std::string_view lang,
                      geo::AliasKind kind = geo::AliasKind::name);

// The aliases users added, for geo::Gazetteer::with_aliases().
std::vector<geo::Alias> user_region_aliases(Database& db);

}  // namespace pledgedb::store

#pragma once
// Regions and their aliases in the database (seeded from geo::Gazetteer::builtin()).
#include <cstddef>

#include "pledgedb/store/database.hpp"

namespace pledgedb::store {

// Loads the built-in gazetteer (countries, subdivisions, curated aliases) into region and
// region_alias when they are missing; idempotent, keeps user aliases. Returns rows inserted.
std::size_t sync_regions(Database& db);

}  // namespace pledgedb::store

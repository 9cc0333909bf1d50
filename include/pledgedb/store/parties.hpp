#pragma once
// Parties (organisations, people) and their aliases. An alias key is text::fold(alias).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pledgedb/model.hpp"
#include "pledgedb/store/database.hpp"

namespace pledgedb::store {

struct PartyAliasRow {
  std::int64_t party_id = 0;
  std::string alias;
  std::string key;
};

struct PartyRow {
  std::int64_t id = 0;
  std::string name;
  std::string kind;
  std::string country;
  std::vector<std::string> aliases;  // as written, sorted by alias id
  std::int64_t agreements = 0;       // distinct agreements it plays a role in
};

// Parties having an alias with exactly this folded key, lowest id first.
std::vector<std::int64_t> parties_with_alias_key(Database& db, const std::string& key);
// Every alias (for acronym and skeleton matching), ordered by party id then alias id.
std::vector<PartyAliasRow> all_party_aliases(Database& db);
std::int64_t insert_party(Database& db, const std::string& name, PartyKind kind, const std::string& country);
// Adds the spelling unless the party already has its key; origin: extracted, user, merged.
// Returns true when a row was added. Throws InputError when the alias folds to nothing.
bool add_party_alias(Database& db, std::int64_t party_id, const std::string& alias, std::string_view origin);
// Fills the country when unknown, upgrades kind "other" to a known kind.
void complete_party(Database& db, std::int64_t party_id, PartyKind kind, const std::string& country);
// Throws NotFoundError "no party with id N".
PartyRow get_party(Database& db, std::int64_t id);
std::vector<PartyRow> list_parties(Database& db);
// Moves every reference of `other` to `keep` (roles, commitments, aliases as origin 'merged')
// and deletes `other`. Runs in its own transaction. Throws NotFoundError / InputError (same id).
void merge_parties(Database& db, std::int64_t keep, std::int64_t other);

}  // namespace pledgedb::store

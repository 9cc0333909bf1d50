#pragma once
// `pledgedb alias add party ID TEXT`: the alias command group lives in cmd_regions.cpp, the party
// half is implemented next to the other party commands (cmd_parties.cpp).
#include <string>

#include "cli/context.hpp"

namespace pledgedb::cli {

// Adds TEXT as a user alias of party ID; returns the exit code. Throws like any command action.
int alias_add_party(const Context& ctx, const std::string& id, const std::string& text);

}  // namespace pledgedb::cli

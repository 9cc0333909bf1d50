#pragma once
// How commands open the database named by --db / $PLEDGEDB_DB / ./pledges.db.
#include "cli/context.hpp"
#include "pledgedb/store/database.hpp"

namespace pledgedb::cli {

// Opens ctx.db_path. create=false (every command but init): a missing file is an error telling
// the user to run `pledgedb init`, and an outdated schema is refused with a pointer to
// `pledgedb db migrate` (upgrades happen when the user asks, not behind their back).
// create=true: creates and migrates (init).
store::Database open_db(const Context& ctx, bool create = false);

// Same checks, with the caller's options (e.g. read_only for reports, check_schema=false).
store::Database open_db(const Context& ctx, store::OpenOptions options);

}  // namespace pledgedb::cli

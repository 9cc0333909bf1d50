#include "cli/open_db.hpp"

#include <fmt/format.h>

#include "pledgedb/error.hpp"

namespace pledgedb::cli {

store::Database open_db(const Context& ctx, store::OpenOptions options) {
  if (ctx.db_path.empty()) throw UsageError("--db: the database file name is empty");
  return store::Database::open(ctx.db_path, options);
}

store::Database open_db(const Context& ctx, bool create) {
  store::OpenOptions options;
  options.create = create;
  options.migrate = create;
  return open_db(ctx, options);
}

}  // namespace pledgedb::cli

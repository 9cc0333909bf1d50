#pragma once
// Answers of the built-in gazetteer remembered per thread. Gazetteer::lookup folds its text and
// allocates at every call, and the same capitalised words come back document after document;
// the built-in gazetteer never changes, so an answer once given stays right. Per thread (ingest
// --jobs N calls extract() from several threads), bounded in size.
#include <string_view>
#include <vector>

#include "extract/flat_table.hpp"
#include "pledgedb/geo/gazetteer.hpp"

namespace pledgedb::extract::detail {

// Gazetteer::builtin().lookup(text). The reference is valid until the next call on this thread.
inline const std::vector<const geo::Region*>& builtin_places(std::string_view text) {
  thread_local FlatMap<std::vector<const geo::Region*>> memo;
  const Prehashed key{text, sv_hash(text)};
  if (const auto* found = memo.find(key)) return *found;
  if (memo.size() >= (1u << 16)) memo.clear();  // a bound on memory for endless distinct words
  auto regions = geo::Gazetteer::builtin().lookup(text);
  auto& slot = memo[text];
  slot = std::move(regions);
  return slot;
}

}  // namespace pledgedb::extract::detail

namespace pledgedb::extract::detail {

// Gazetteer::builtin().first_level(code), remembered per thread (first_level builds the whole
// ancestry of the code at each call).
inline const geo::Region* builtin_first_level(std::string_view code) {
  thread_local FlatMap<const geo::Region*> memo;
  const Prehashed key{code, sv_hash(code)};
  if (const auto* found = memo.find(key)) return *found;
  if (memo.size() >= (1u << 16)) memo.clear();
  const geo::Region* r = geo::Gazetteer::builtin().first_level(code);
  memo[code] = r;
  return r;
}

}  // namespace pledgedb::extract::detail

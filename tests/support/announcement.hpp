#pragma once
// Reading an extracted announcement in tests.
#include <string_view>

#include "pledgedb/model.hpp"

namespace pledgedb::test {

// The first party of any agreement with that name, or nullptr.
inline const PartyRef* party_named(const Announcement& a, std::string_view name) {
  for (const auto& ag : a.agreements)
    for (const auto& p : ag.parties)
      if (p.name == name) return &p;
  return nullptr;
}

}  // namespace pledgedb::test

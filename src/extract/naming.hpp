#pragma once
// How pledgedb names parties it has to name itself, in one place for every module.
#include <string>
#include <string_view>

namespace pledgedb::extract::detail {

// The government of a state or province: "State of Wisconsin" in the United States (as its
// agreements call it), "Government of Gujarat" elsewhere. `spelling` is the state's name as the
// article writes it (or the gazetteer's when the article only names its cities).
inline std::string state_government_name(std::string_view country, std::string_view spelling) {
  return (country == "US" ? "State of " : "Government of ") + std::string(spelling);
}

}  // namespace pledgedb::extract::detail

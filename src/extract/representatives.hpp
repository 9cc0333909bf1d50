#pragma once
// People who speak or sign for a party: "le ministre de l'Industrie, Ryad Mezzour", "Valdor CEO
// Marc Dubreuil", "Ali Seddiki, director general of AMDIE", "وزير الصناعة والتجارة رياض مزور".
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "pledgedb/extract/extractor.hpp"
#include "pledgedb/model.hpp"

namespace pledgedb::extract::detail {

// A party named at tokens [first, last).
struct NamedSpan {
  std::uint32_t first = 0, last = 0;
  std::size_t party = 0;
};

struct Representative {
  std::size_t party = 0;  // index into the parties given
  std::string name;       // as written
  std::string title;      // in English: "minister", "CEO", "director general"...
};

// Every titled person the text ties to one of the parties, in text order. A title whose body is
// not one of the parties (or whose person has no name next to it) gives nothing: a name is
// never guessed. The one party it may add: the government of a state named right before a
// head's title ("Wisconsin Governor Scott Walker" -> "State of Wisconsin"), appended to parties.
std::vector<Representative> find_representatives(std::string_view normalized, const std::vector<Token>& toks,
                                                  std::vector<PartyRef>& parties,
                                                  const std::vector<NamedSpan>& mentions);

}  // namespace pledgedb::extract::detail

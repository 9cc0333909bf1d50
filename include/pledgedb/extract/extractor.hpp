#pragma once
// From a document to an announcement: agreements, parties and roles, commitments, deadlines,
// regions and progress, every fact with its evidence (byte offsets into Document::text).
#include <string>
#include <vector>

#include "pledgedb/document.hpp"
#include "pledgedb/model.hpp"

namespace pledgedb::extract {

// A party already known (e.g. from the database), to recognise its aliases in text.
struct KnownParty {
  std::string name;
  PartyKind kind = PartyKind::other;
  std::string country;
  std::vector<std::string> aliases;
};

struct Options {
  std::string language;             // "" = the document's, else detected
  std::optional<Date> published;    // overrides the document's publication date
  std::vector<KnownParty> known_parties;
};

// Deterministic; never throws on text content (bad UTF-8 must be rejected by the reader).
Announcement extract(const Document& doc, const Options& options = {});

}  // namespace pledgedb::extract

#pragma once
// From a document to an announcement: agreements, parties and roles, commitments, deadlines,
// regions and progress, every fact with its evidence (byte offsets into Document::text).
#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
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

// The known parties' spellings as match tables: built once per batch (index_known_parties) and
// shared by every extract() of it, because building them costs time in proportion to the
// parties in the database and a batch would otherwise pay it once per document.
class KnownPartyIndex;
std::shared_ptr<const KnownPartyIndex> index_known_parties(const std::vector<KnownParty>& known);

struct Options {
  std::string language;             // "" = the document's, else detected
  std::optional<Date> published;    // overrides the document's publication date
  std::vector<KnownParty> known_parties;  // indexed at each call unless known_index is set
  std::shared_ptr<const KnownPartyIndex> known_index;  // takes the place of known_parties
};

// Deterministic; never throws on text content (bad UTF-8 must be rejected by the reader).
Announcement extract(const Document& doc, const Options& options = {});

}  // namespace pledgedb::extract

namespace pledgedb::extract::detail {

// Matching key of one word, the same as text::fold gives for a single word (lower case, no
// accents, Arabic letter variants unified), computed without allocating per character class.
std::string fold_word(std::string_view word);

// A key whose hash is already known (tokens hash their key and stem once).
struct Prehashed {
  std::string_view text;
  std::size_t hash = 0;
};
// Keys are short words: 8 bytes at a time with a multiply-xorshift mix (std::hash's
// general-purpose hash cost ~29 instructions per byte of text). Only consistent within a process.
inline std::size_t sv_hash(std::string_view s) noexcept {
  constexpr std::uint64_t kMul = 0x9E3779B97F4A7C15ull;
  const char* p = s.data();
  std::size_t n = s.size();
  std::uint64_t h = 0xC2B2AE3D27D4EB4Full ^ (n * kMul);
  auto mix = [&h](std::uint64_t w) {
    h = (h ^ w) * kMul;
    h ^= h >> 29;
  };
  for (; n >= 8; p += 8, n -= 8) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    mix(w);
  }
  if (n >= 4) {  // two overlapping 4-byte loads cover 4..7 bytes
    std::uint32_t lo, hi;
    std::memcpy(&lo, p, 4);
    std::memcpy(&hi, p + n - 4, 4);
    mix(lo | (static_cast<std::uint64_t>(hi) << 32));
  } else if (n) {  // 1..3 bytes: first, middle and last cover them all
    const auto b = [p](std::size_t k) { return static_cast<std::uint64_t>(static_cast<unsigned char>(p[k])); };
    mix(b(0) | (b(n / 2) << 8) | (b(n - 1) << 16));
  }
  h *= 0xBF58476D1CE4E5B9ull;
  return static_cast<std::size_t>(h ^ (h >> 32));
}
// Hashing that looks std::string keys up by string_view (or Prehashed) without building a
// std::string.
struct SvHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return sv_hash(s); }
  std::size_t operator()(const Prehashed& p) const noexcept { return p.hash; }
};
struct SvEq {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const noexcept { return a == b; }
  bool operator()(const Prehashed& a, std::string_view b) const noexcept { return a.text == b; }
  bool operator()(std::string_view a, const Prehashed& b) const noexcept { return a == b.text; }
};
using SvSet = std::unordered_set<std::string, SvHash, SvEq>;
template <class V>
using SvMap = std::unordered_map<std::string, V, SvHash, SvEq>;

// One word of the normalized text: byte span, folded key and (for Arabic) the key without the
// attached conjunction/preposition/article (و ف ب ل ال لل), so "والاستثمار" meets "استثمار".
struct Token {
  std::uint32_t begin = 0, end = 0;
  std::string_view key;   // into the arena of the Tokens that hold this token
  std::string_view stem;  // a suffix of key
  std::size_t key_hash = 0, stem_hash = 0;  // SvHash of key and stem
  Prehashed hashed_key() const { return {key, key_hash}; }
  Prehashed hashed_stem() const { return {stem, stem_hash}; }
  bool capitalised = false;  // Latin word starting with an upper-case letter
  bool all_caps = false;     // Latin word of 2+ letters, all upper case (acronyms)
  bool latin = false;
  bool digits = false;
  std::uint32_t sentence = 0;
  std::uint32_t clause = 0;
};

// The tokens of one text and the arena their keys live in (one allocation per text, not one
// per word). Move-only: keep the Tokens alive as long as a key is used.
struct Tokens : std::vector<Token> {
  std::unique_ptr<char[]> arena;
};

Tokens tokenize(std::string_view normalized);

// Cue families of the lexicon (one phrase may belong to one family with one value).
enum class Cue : std::uint8_t {
  job_noun, person_noun, hire_verb, invest, train, capacity, pledge, progress, stat_negative,
  money_negative, current_headcount, sign, agreement_kind, program, government, ministry,
  group_cue, legal_suffix, project_amount, past, sector, count_
};

// A lexicon phrase found in the tokens: [first, last) token indices, its family and value
// (comparator, agreement kind, program name...).
struct CueHit {
  std::uint32_t first = 0, last = 0;
  Cue cue = Cue::job_noun;
  std::string_view value;
};

// Every lexicon phrase in the tokens, left to right (longest phrase per start and family).
std::vector<CueHit> find_cues(const std::vector<Token>& tokens);

// The comparator stated by the words just before a number ("plus de", "نحو", "up to").
Comparator comparator_before(const std::vector<Token>& tokens, std::size_t number_token);

// One canonical name per national program ("المغرب الرقمي 2030" -> "Digital Morocco 2030"),
// or "" when the text names none.
std::string find_program(std::string_view normalized);

}  // namespace pledgedb::extract::detail

#pragma once
// Reference geography: every ISO 3166-1 country and ISO 3166-2 subdivision (embedded from
// Debian's iso-codes at build time) plus curated multilingual aliases (Morocco first).
#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace pledgedb::geo {

struct Region {
  std::string code;     // "MA" or "MA-06" or "MA-CAS"
  std::string name;     // official display name: "Casablanca-Settat"
  std::string type;     // "Country", "Region", "Province", "Prefecture", ...
  std::string parent;   // "" for countries; the country code for first-level subdivisions
  std::string country;  // ISO 3166-1 alpha-2
};

enum class AliasKind { name, city, former };
// "name", "city", "former" (the spelling used in the database's region_alias.kind).
std::string_view to_string(AliasKind kind);
std::optional<AliasKind> parse_alias_kind(std::string_view text);

struct Alias {
  std::string region_code;  // the region (or province) the spelling names or lies in
  std::string text;         // as written: "جهة الدار البيضاء سطات", "Grand Casablanca", "Kénitra"
  std::string lang;         // ar, fr, en, or "" for language-neutral
  AliasKind kind = AliasKind::name;
  bool curated = true;      // false: an ISO name (origin "iso" in the database)
};

// A place name found in running text.
struct RegionMention {
  std::size_t begin = 0, end = 0;  // byte offsets into the normalized text given to find_regions
  const Region* region = nullptr;  // the best reading (== candidates.front())
  AliasKind kind = AliasKind::name;
  // Every region these words may name, best first (e.g. "Salamanca": MX-GUA, then ES-SA), so a
  // caller that knows the country of the document can choose another one.
  std::vector<const Region*> candidates;
};

class Gazetteer {
 public:
  // Parsed once from the embedded data; thread-safe to share.
  static const Gazetteer& builtin();

  // A copy that also knows `extra` aliases (e.g. the users' aliases from the database).
  // Aliases naming unknown codes are ignored.
  Gazetteer with_aliases(std::span<const Alias> extra) const;

  std::span<const Region> regions() const { return regions_; }
  std::span<const Alias> aliases() const { return aliases_; }
  const Region* find(std::string_view code) const;  // by code, case-insensitive; nullptr if none
  // Regions whose folded name or alias equals fold(text) exactly; when several share the
  // spelling, the best reading last (find_regions' candidates reversed: "Salamanca" -> {ES-SA,
  // MX-GUA}, "México" -> {MX-MEX, MX}), so back() is the one to take. A city alias yields its
  // province ("Kénitra" -> MA-KEN; first_level() gives MA-04). When the exact key names nothing,
  // designators are stripped and tried: "جهة …", "région de …", "province of …", "… County",
  // Arabic proclitics ("بطنجة").
  std::vector<const Region*> lookup(std::string_view text) const;
  // The ancestor directly below the country (MA-CAS -> MA-06); the region itself when first
  // level; nullptr for a country or an unknown code.
  const Region* first_level(std::string_view code) const;
  // code and every ancestor up to the country: MA-KEN -> {MA-KEN, MA-04, MA}.
  std::vector<const Region*> ancestry(std::string_view code) const;
  // 0 for a country, 1 for a first-level subdivision, ...; -1 for an unknown code.
  int depth(std::string_view code) const;

  // Place names in running text normalized by text::normalize (spaces single, dashes '-', case
  // kept): whole words only, longest match first, left to right, one pass (no backtracking).
  // Arabic proclitics are allowed before a name ("بطنجة", "وبالدار البيضاء", "للرباط"); the
  // mention then starts after them. Capitalised Latin names only match capitalised words
  // ("Salé", not "sale"). A city yields the province or prefecture it lies in. When
  // `prefer_country` (ISO alpha-2) is given, its regions win ambiguous names.
  std::vector<RegionMention> find_regions(std::string_view normalized_text,
                                          std::string_view prefer_country = {}) const;

  // The folded keys lookup() tries for text, best first: fold(text), then the key without
  // designators and proclitics. Shared with the database search (store::list_regions).
  static std::vector<std::string> lookup_keys(std::string_view text);

 private:
  Gazetteer();
  Gazetteer(std::vector<Region> regions, std::vector<Alias> aliases);
  std::vector<Region> regions_;
  std::vector<Alias> aliases_;
  struct Index;
  std::shared_ptr<const Index> index_;
};

}  // namespace pledgedb::geo

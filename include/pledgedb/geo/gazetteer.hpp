#pragma once
// Reference geography: every ISO 3166-1 country and ISO 3166-2 subdivision (embedded from
// Debian's iso-codes at build time) plus curated multilingual aliases (Morocco first).
#include <memory>
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

struct Alias {
  std::string region_code;  // the region (or province) the spelling names or lies in
  std::string text;         // as written: "جهة الدار البيضاء سطات", "Grand Casablanca", "Kénitra"
  std::string lang;         // ar, fr, en, or "" for language-neutral
  AliasKind kind = AliasKind::name;
};

class Gazetteer {
 public:
  // Parsed once from the embedded data; thread-safe to share.
  static const Gazetteer& builtin();

  std::span<const Region> regions() const { return regions_; }
  std::span<const Alias> aliases() const { return aliases_; }
  const Region* find(std::string_view code) const;  // by code, case-insensitive; nullptr if none
  // Regions whose folded name or alias equals fold(text) exactly, most specific last.
  std::vector<const Region*> lookup(std::string_view text) const;
  // The ancestor directly below the country (MA-CAS -> MA-06); the region itself when first level.
  const Region* first_level(std::string_view code) const;
  // code and every ancestor up to the country: MA-KEN -> {MA-KEN, MA-04, MA}.
  std::vector<const Region*> ancestry(std::string_view code) const;

 private:
  Gazetteer();
  std::vector<Region> regions_;
  std::vector<Alias> aliases_;
  struct Index;
  std::shared_ptr<const Index> index_;
};

}  // namespace pledgedb::geo

#pragma once
// A string-keyed hash table for the extractor's word lists: open addressing on the SvHash the
// tokens already carry, so a look-up neither hashes the key again nor walks a bucket chain that
// re-hashes every stored std::string (std::unordered_map does not cache a custom hash).
#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "pledgedb/extract/extractor.hpp"

namespace pledgedb::extract::detail {

// Whether two keys are the same text. Keys are words, mostly under 16 bytes, and compared after
// their hashes matched (so mostly equal): two overlapping loads per side instead of a call to
// memcmp.
inline bool same_key(std::string_view a, std::string_view b) noexcept {
  const std::size_t n = a.size();
  if (n != b.size()) return false;
  const char* p = a.data();
  const char* q = b.data();
  auto load8 = [](const char* x) { std::uint64_t v; std::memcpy(&v, x, 8); return v; };
  auto load4 = [](const char* x) { std::uint32_t v; std::memcpy(&v, x, 4); return v; };
  if (n > 16) return std::memcmp(p, q, n) == 0;
  if (n >= 8) return ((load8(p) ^ load8(q)) | (load8(p + n - 8) ^ load8(q + n - 8))) == 0;
  if (n >= 4) return ((load4(p) ^ load4(q)) | (load4(p + n - 4) ^ load4(q + n - 4))) == 0;
  for (std::size_t k = 0; k < n; ++k)
    if (p[k] != q[k]) return false;
  return true;
}

template <class V>
class FlatMap {
 public:
  FlatMap() = default;

  // The value of key, default-constructed when new (like std::unordered_map::operator[]).
  V& operator[](std::string_view key) { return entries_[insert(key, SvHash{}(key))].value; }
  // Inserts unless present; false when the key was there already (the old value is kept).
  bool emplace(std::string_view key, V value) {
    const std::size_t before = entries_.size();
    const std::size_t at = insert(key, SvHash{}(key));
    if (entries_.size() == before) return false;
    entries_[at].value = std::move(value);
    return true;
  }

  // Most look-ups are of words absent from the table: a 1024-bit filter of the keys' hashes
  // turns most of them away inline, before the probe.
  const V* find(const Prehashed& key) const {
    if (!(filter_[filter_word(key.hash)] >> filter_bit(key.hash) & 1)) return nullptr;
    return probe(key);
  }
  const V* probe(const Prehashed& key) const {
    if (slots_.empty()) return nullptr;
    const std::uint64_t tag = tag_of(key.hash);
    for (std::size_t s = key.hash & mask_;; s = (s + 1) & mask_) {
      const std::uint64_t slot = slots_[s];
      if (slot == kEmpty) return nullptr;
      if ((slot & kTagMask) != tag) continue;  // another word: its entry is not even read
      const Entry& en = entries_[static_cast<std::uint32_t>(slot)];
      if (same_key(en.key, key.text)) return &en.value;
    }
  }
  const V* find(std::string_view key) const { return find(Prehashed{key, SvHash{}(key)}); }
  bool contains(const Prehashed& key) const { return find(key) != nullptr; }
  // Removes key (rebuilds the slots: meant for tables still being set up).
  void erase(std::string_view key) {
    for (std::size_t e = 0; e < entries_.size(); ++e)
      if (entries_[e].key == key) {
        entries_.erase(entries_.begin() + static_cast<std::ptrdiff_t>(e));
        slots_.clear();
        filter_.fill(0);
        const std::size_t keep = entries_.size();
        if (keep) {
          std::vector<Entry> all = std::move(entries_);
          entries_.clear();
          for (auto& en : all) {
            const std::size_t at = insert(en.key, en.hash);
            entries_[at].value = std::move(en.value);
          }
        }
        return;
      }
  }
  bool contains(std::string_view key) const { return find(key) != nullptr; }
  bool empty() const { return entries_.empty(); }
  std::size_t size() const { return entries_.size(); }
  // Forgets every entry and keeps the memory (for tables reused from one document to the next).
  void clear() {
    entries_.clear();
    std::fill(slots_.begin(), slots_.end(), kEmpty);
    filter_.fill(0);
  }

 private:
  // A slot holds the entry's index in its low 32 bits and the high 32 bits of the entry's hash
  // (the slot index comes from the low bits), so that most words absent from a table are told
  // apart without reading an entry; at most a quarter of the slots are used, which keeps the
  // probe sequences of absent words (most look-ups) short.
  static constexpr std::uint64_t kEmpty = ~std::uint64_t(0);
  static constexpr std::uint64_t kTagMask = ~std::uint64_t(0) << 32;
  static std::uint64_t tag_of(std::size_t hash) { return static_cast<std::uint64_t>(hash) & kTagMask; }
  std::uint64_t slot_of(std::size_t entry) const { return tag_of(entries_[entry].hash) | entry; }
  // The filter takes bits 48-57 of the hash (the slot index the low bits, the tag bits 32-63:
  // the filter still tells apart words whose tags collide in part).
  static std::size_t filter_word(std::size_t hash) { return (hash >> 54) & 15; }
  static std::size_t filter_bit(std::size_t hash) { return (hash >> 48) & 63; }
  struct Entry {
    std::string key;
    std::size_t hash;
    V value;
  };

  std::size_t insert(std::string_view key, std::size_t hash) {
    if ((entries_.size() + 1) * 4 > slots_.size()) grow();
    std::size_t s = hash & mask_;
    for (;; s = (s + 1) & mask_) {
      const std::uint64_t slot = slots_[s];
      if (slot == kEmpty) break;
      const auto e = static_cast<std::uint32_t>(slot);
      if (entries_[e].hash == hash && entries_[e].key == key) return e;
    }
    entries_.push_back(Entry{std::string(key), hash, V{}});
    slots_[s] = slot_of(entries_.size() - 1);
    filter_[filter_word(hash)] |= std::uint64_t(1) << filter_bit(hash);
    return entries_.size() - 1;
  }
  void grow() {
    const std::size_t n = slots_.empty() ? 16 : slots_.size() * 2;
    slots_.assign(n, kEmpty);
    mask_ = n - 1;
    for (std::size_t e = 0; e < entries_.size(); ++e) {
      std::size_t s = entries_[e].hash & mask_;
      while (slots_[s] != kEmpty) s = (s + 1) & mask_;
      slots_[s] = slot_of(e);
    }
  }

  std::vector<Entry> entries_;
  std::vector<std::uint64_t> slots_;
  std::array<std::uint64_t, 16> filter_{};
  std::size_t mask_ = 0;
};

// A set of folded words.
class FlatSet {
 public:
  FlatSet() = default;
  FlatSet(std::initializer_list<std::string_view> words) {
    for (auto w : words) map_.emplace(w, 1);
  }
  void insert(std::string_view w) { map_.emplace(w, 1); }
  void emplace(std::string_view w) { insert(w); }
  bool contains(const Prehashed& w) const { return map_.contains(w); }
  bool contains(std::string_view w) const { return map_.contains(w); }
  std::size_t count(std::string_view w) const { return map_.contains(w) ? 1 : 0; }
  void erase(std::string_view w) { map_.erase(w); }

 private:
  FlatMap<char> map_;
};

// A mark per word hash (its top 12 bits), for a set of words or the first words of phrases: turns
// most tokens away before a hash table. A byte per mark: a test is a shift, a load and a compare.
struct WordMarks {
  std::array<std::uint8_t, 4096> marks{};

  static std::size_t slot(std::size_t hash) { return hash >> 52; }
  void set(std::size_t hash) { marks[slot(hash)] = 1; }
  bool test(std::size_t hash) const { return marks[slot(hash)] != 0; }
  // False when neither w's key nor its stem may start a phrase. Both marks are read and combined
  // without a branch on whether the word has a shorter stem (Arabic words with a clitic, in no
  // predictable order): a stem as long as the key is the key, and stem_hash then key_hash.
  bool may_start(const Token& w) const { return (marks[slot(w.key_hash)] | marks[slot(w.stem_hash)]) != 0; }
  // The first token from i on that may start a phrase (t.size() when none). Out of line: a tight
  // loop over most tokens, whatever the registers of its caller.
  [[gnu::noinline]] std::size_t next_start(const std::vector<Token>& t, std::size_t i) const {
    const std::size_t n = t.size();
    while (i < n && !may_start(t[i])) ++i;
    return i;
  }
  WordMarks& operator|=(const WordMarks& o) {
    for (std::size_t x = 0; x < marks.size(); ++x) marks[x] |= o.marks[x];
    return *this;
  }
};

}  // namespace pledgedb::extract::detail

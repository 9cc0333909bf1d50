#pragma once
// A string-keyed hash table for the extractor's word lists: open addressing on the SvHash the
// tokens already carry, so a look-up neither hashes the key again nor walks a bucket chain that
// re-hashes every stored std::string (std::unordered_map does not cache a custom hash).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "pledgedb/extract/extractor.hpp"

namespace pledgedb::extract::detail {

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

  const V* find(const Prehashed& key) const {
    if (slots_.empty()) return nullptr;
    for (std::size_t s = key.hash & mask_;; s = (s + 1) & mask_) {
      const std::uint32_t e = slots_[s];
      if (e == kEmpty) return nullptr;
      const Entry& en = entries_[e];
      if (en.hash == key.hash && en.key == key.text) return &en.value;
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
  }

 private:
  static constexpr std::uint32_t kEmpty = 0xFFFFFFFFu;
  struct Entry {
    std::string key;
    std::size_t hash;
    V value;
  };

  std::size_t insert(std::string_view key, std::size_t hash) {
    if ((entries_.size() + 1) * 2 > slots_.size()) grow();
    std::size_t s = hash & mask_;
    for (;; s = (s + 1) & mask_) {
      const std::uint32_t e = slots_[s];
      if (e == kEmpty) break;
      if (entries_[e].hash == hash && entries_[e].key == key) return e;
    }
    slots_[s] = static_cast<std::uint32_t>(entries_.size());
    entries_.push_back(Entry{std::string(key), hash, V{}});
    return entries_.size() - 1;
  }
  void grow() {
    const std::size_t n = slots_.empty() ? 16 : slots_.size() * 2;
    slots_.assign(n, kEmpty);
    mask_ = n - 1;
    for (std::size_t e = 0; e < entries_.size(); ++e) {
      std::size_t s = entries_[e].hash & mask_;
      while (slots_[s] != kEmpty) s = (s + 1) & mask_;
      slots_[s] = static_cast<std::uint32_t>(e);
    }
  }

  std::vector<Entry> entries_;
  std::vector<std::uint32_t> slots_;
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

}  // namespace pledgedb::extract::detail

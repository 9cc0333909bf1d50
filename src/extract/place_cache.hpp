#pragma once
// Answers of the built-in gazetteer remembered per thread. Gazetteer::lookup folds its text and
// allocates at every call, and the same capitalised words come back document after document;
// the built-in gazetteer never changes, so an answer once given stays right. Per thread (ingest
// --jobs N calls extract() from several threads), bounded in size.
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

#include "extract/flat_table.hpp"
#include "pledgedb/geo/gazetteer.hpp"

namespace pledgedb::extract::detail {

// The remembered answers: open addressing over 32-byte slots that hold the asked text itself
// (up to 19 bytes: nearly every capitalised run asked about), so that a look-up reads one cache
// line; the answers, mostly "no place", are kept apart. A table of entries pointing to strings
// cost two or three cache misses per look-up once it held the names of a few thousand articles.
class PlaceMemo {
 public:
  using Regions = std::vector<const geo::Region*>;
  static constexpr std::size_t kMaxText = 19;

  // The remembered answer for text (at most kMaxText bytes), or nullptr.
  const Regions* find(std::string_view text, std::size_t hash) const {
    for (std::size_t s = hash & kMask;; s = (s + 1) & kMask) {
      const Slot& slot = slots_[s];
      if (slot.len == kEmpty) return nullptr;
      if (slot.hash == hash && slot.len == text.size() && (text.empty() || std::memcmp(slot.text, text.data(), text.size()) == 0))
        return &answers_[slot.answer];
    }
  }
  const Regions& remember(std::string_view text, std::size_t hash, Regions regions) {
    if (used_ >= kSlots / 2) {  // a bound on memory for endless distinct words
      for (auto& slot : slots_) slot.len = kEmpty;
      answers_.resize(1);
      used_ = 0;
    }
    std::size_t s = hash & kMask;
    while (slots_[s].len != kEmpty) s = (s + 1) & kMask;
    Slot& slot = slots_[s];
    slot.hash = hash;
    slot.len = static_cast<std::uint8_t>(text.size());
    if (!text.empty()) std::memcpy(slot.text, text.data(), text.size());  // (data() may be null)
    slot.answer = 0;
    if (!regions.empty()) {
      slot.answer = static_cast<std::uint32_t>(answers_.size());
      answers_.push_back(std::move(regions));
    }
    ++used_;
    return answers_[slot.answer];
  }

 private:
  static constexpr std::uint8_t kEmpty = 0xFF;
  static constexpr std::size_t kSlots = std::size_t(1) << 16, kMask = kSlots - 1;
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t answer = 0;  // index into answers_ (0: no place)
    std::uint8_t len = kEmpty;
    char text[kMaxText];
  };
  static_assert(sizeof(Slot) == 32);
  std::vector<Slot> slots_ = std::vector<Slot>(kSlots);
  std::vector<Regions> answers_ = std::vector<Regions>(1);
  std::size_t used_ = 0;
};

// Gazetteer::builtin().lookup(text). The reference is valid until the next call on this thread.
inline const std::vector<const geo::Region*>& builtin_places(std::string_view text) {
  const std::size_t hash = sv_hash(text);
  if (text.size() <= PlaceMemo::kMaxText) {
    thread_local PlaceMemo short_texts;
    if (const auto* found = short_texts.find(text, hash)) return *found;
    return short_texts.remember(text, hash, geo::Gazetteer::builtin().lookup(text));
  }
  thread_local FlatMap<std::vector<const geo::Region*>> memo;
  const Prehashed key{text, hash};
  if (const auto* found = memo.find(key)) return *found;
  if (memo.size() >= (1u << 14)) memo.clear();
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

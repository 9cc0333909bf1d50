#pragma once
// Word tables of the party finder: a word set behind marks of its hashes (WordMarks, in
// flat_table.hpp), and the table of one text's party spellings matched at every token; a word
// compare without a call.
#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/flat_table.hpp"
#include "pledgedb/extract/extractor.hpp"

namespace pledgedb::extract::detail {

// a == b, compared in place: GCC calls string_view::compare out of line for each literal.
inline bool same(std::string_view a, std::string_view b) {
  return a.size() == b.size() && (b.empty() || std::memcmp(a.data(), b.data(), b.size()) == 0);
}

// The words of a key (folded words joined by single spaces).
inline std::vector<std::string> split_words(std::string_view key) {
  std::vector<std::string> words;
  for (std::size_t b = 0; b < key.size();) {
    std::size_t e = key.find(' ', b);
    if (e == std::string_view::npos) e = key.size();
    words.emplace_back(key.substr(b, e - b));
    b = e + 1;
  }
  return words;
}

// A set of folded words behind their marks: a word not in it (most) costs no table probe.
class WordSet {
 public:
  WordSet(std::initializer_list<std::string_view> words) : set_(words) {
    for (const auto w : words) bits_.set(sv_hash(w));
  }
  bool contains(const Prehashed& w) const { return bits_.test(w.hash) && listed(w); }

 private:
  // Past the marks, out of line: the test in front stays small enough to be inlined.
  [[gnu::noinline]] bool listed(const Prehashed& w) const { return set_.contains(w); }

  FlatSet set_;
  WordMarks bits_;
};

// Sizes a per-thread scratch vector for a text of n tokens: the memory a huge text needed is
// given back on the next ordinary one instead of being kept for the life of the thread.
template <class V>
void fit_scratch(V& v, std::size_t n) {
  constexpr std::size_t kKeep = std::size_t(1) << 16;
  if (v.capacity() > kKeep && n <= kKeep) V().swap(v);
}

// Phrases (folded words joined by single spaces) matched at a token through its key or stem: the
// longest; among equals, the first added, through the key before the stem. Built per text with
// one allocation: the keys stay where they are (they must outlive the table) and the phrases are
// sorted by the hash of their first word.
class TextPhrases {
 public:
  // key: folded words joined by single spaces (key_of); value: the party's index.
  void add(std::string_view key, std::size_t value) {
    if (key.empty()) return;
    std::size_t words = 0;
    for (std::size_t b = 0; b < key.size(); ++words) b = next_word(key, b);
    const std::string_view first = key.substr(0, std::min(key.find(' '), key.size()));
    phrases_.push_back({sv_hash(first), first, key, words, value});
  }
  // After the last add, before the first match.
  void seal() {
    auto before = [](const Phrase& x, const Phrase& y) { return x.first_hash < y.first_hash; };
    if (phrases_.size() <= kInsertionSort) {  // a text's few names: no buffer for stable_sort
      for (std::size_t i = 1; i < phrases_.size(); ++i)
        for (std::size_t j = i; j > 0 && before(phrases_[j], phrases_[j - 1]); --j) std::swap(phrases_[j], phrases_[j - 1]);
    } else {
      std::stable_sort(phrases_.begin(), phrases_.end(), before);
    }
    for (const auto& ph : phrases_) starts_.set(ph.first_hash);
  }
  // Forgets every phrase (and unsets only their marks), for a table reused from text to text.
  void clear() {
    for (const auto& ph : phrases_) starts_.marks[WordMarks::slot(ph.first_hash)] = 0;
    phrases_.clear();
    fit_scratch(phrases_, 0);
  }
  bool empty() const { return phrases_.empty(); }
  // The marks of the phrases' first words (keys or stems).
  const WordMarks& starts() const { return starts_; }
  // Longest phrase at token i; returns its length (0 if none).
  std::size_t match(const std::vector<Token>& t, std::size_t i, std::size_t* value) const {
    return starts_.may_start(t[i]) ? match_listed(t, i, value) : 0;  // most tokens: 0
  }

 private:
  // match() past the marks; out of line, so that a loop over the tokens keeps its registers.
  [[gnu::noinline]] std::size_t match_listed(const std::vector<Token>& t, std::size_t i, std::size_t* value) const {
    const Token& w = t[i];
    std::size_t best = 0;
    for (const bool stem : {false, true}) {
      // A stem as long as the key is the key.
      if (stem && w.stem.size() == w.key.size()) break;
      const std::string_view k = stem ? w.stem : w.key;
      const std::size_t hash = stem ? w.stem_hash : w.key_hash;
      if (!starts_.test(hash)) continue;
      auto it = std::lower_bound(phrases_.begin(), phrases_.end(), hash,
                                 [](const Phrase& ph, std::size_t h) { return ph.first_hash < h; });
      for (; it != phrases_.end() && it->first_hash == hash; ++it) {
        if (it->words <= best || i + it->words > t.size() || it->first != k) continue;
        bool ok = true;
        std::size_t j = i + 1;
        for (std::size_t b = it->first.size() + 1; b < it->key.size() && ok; ++j) {
          const std::size_t e = next_word(it->key, b) - 1;
          const std::string_view word = it->key.substr(b, e - b);
          ok = t[j].key == word || t[j].stem == word;
          b = e + 1;
        }
        if (ok) {
          best = it->words;
          *value = it->value;
        }
      }
    }
    return best;
  }

  static constexpr std::size_t kInsertionSort = 32;
  struct Phrase {
    std::size_t first_hash;
    std::string_view first, key;
    std::size_t words;
    std::size_t value;
  };
  // Where the word after the one starting at b starts (an empty word between two spaces counts).
  static std::size_t next_word(std::string_view key, std::size_t b) {
    const std::size_t e = key.find(' ', b);
    return (e == std::string_view::npos ? key.size() : e) + 1;
  }
  std::vector<Phrase> phrases_;
  WordMarks starts_;
};

// One pass over the tokens, instead of one per scan of find_parties: the tokens where a known or
// built-in name may start, and those where a capitalised run may start. Kept per thread and
// reused: no allocation per text.
struct TokenScan {
  std::vector<std::uint32_t> name_at;     // [0, names): tokens whose key or stem is marked in a name table
  std::vector<std::uint32_t> capital_at;  // [0, capitals): capitalised (or all-caps) Latin words, no number
  std::size_t names = 0, capitals = 0;

  // a, b: the marks of the name tables (b may be null).
  void run(const std::vector<Token>& t, const WordMarks& a, const WordMarks* b) {
    const std::size_t n = t.size();
    fit_scratch(name_at, n);
    fit_scratch(capital_at, n);
    if (name_at.size() < n) {  // grown as needed: the appends below write without a check
      name_at.resize(n);
      capital_at.resize(n);
    }
    if (b == nullptr) walk(t, a.marks.data(), [](std::uint32_t) { return 0u; });
    else walk(t, a.marks.data(), [mb = b->marks.data()](std::uint32_t s) { return unsigned(mb[s]); });
  }

 private:
  // Branch-free: whether a token starts anything is a coin toss to the branch predictor.
  void walk(const std::vector<Token>& t, const std::uint8_t* ma, auto&& also_marked) {
    const std::size_t n = t.size();
    std::size_t nn = 0, nc = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const Token& w = t[i];
      const auto ks = static_cast<std::uint32_t>(WordMarks::slot(w.key_hash));
      const auto ss = static_cast<std::uint32_t>(WordMarks::slot(w.stem_hash));
      // The stem's mark as well as the key's: a stem as long as the key has the key's hash.
      const unsigned name = ma[ks] | ma[ss] | also_marked(ks) | also_marked(ss);
      const unsigned capital = unsigned(w.latin) & (unsigned(w.capitalised) | unsigned(w.all_caps)) & ~unsigned(w.digits);
      name_at[nn] = static_cast<std::uint32_t>(i);
      nn += name != 0;
      capital_at[nc] = static_cast<std::uint32_t>(i);
      nc += capital & 1;
    }
    names = nn;
    capitals = nc;
  }
};

// The tokens whose key or stem is marked in m, in order: the tokens next_start stops at, found
// in one pass without a branch per token (whether a word is marked is a coin toss to the branch
// predictor). Written to at[0, count); at is grown to t.size(). Returns count.
inline std::size_t marked_tokens(const WordMarks& m, const std::vector<Token>& t, std::vector<std::uint32_t>& at) {
  const std::size_t n = t.size();
  fit_scratch(at, n);
  if (at.size() < n) at.resize(n);
  const std::uint8_t* marks = m.marks.data();
  std::size_t count = 0;
  for (std::size_t i = 0; i < n; ++i) {
    // A stem as long as the key is the key, with the key's hash: testing it too changes nothing.
    at[count] = static_cast<std::uint32_t>(i);
    count += (marks[WordMarks::slot(t[i].key_hash)] | marks[WordMarks::slot(t[i].stem_hash)]) != 0;
  }
  return count;
}

}  // namespace pledgedb::extract::detail

// The folding phrase matcher shared by the date and deadline scanners.
#include <algorithm>

#include "pledgedb/extract/dates.hpp"

namespace pledgedb::extract::date_detail {

char32_t decode_slow(std::string_view s, std::size_t i, std::size_t& len) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  auto cont = [&](std::size_t k) {
    return i + k < s.size() && (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
  };
  auto c = [&](std::size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(s[i + k]) & 0x3F); };
  if (b0 < 0x80) {
    len = 1;
    return b0;
  }
  if ((b0 & 0xE0) == 0xC0 && cont(1)) {
    len = 2;
    return (static_cast<char32_t>(b0 & 0x1F) << 6) | c(1);
  }
  if ((b0 & 0xF0) == 0xE0 && cont(1) && cont(2)) {
    len = 3;
    return (static_cast<char32_t>(b0 & 0x0F) << 12) | (c(1) << 6) | c(2);
  }
  if ((b0 & 0xF8) == 0xF0 && cont(1) && cont(2) && cont(3)) {
    len = 4;
    return (static_cast<char32_t>(b0 & 0x07) << 18) | (c(1) << 12) | (c(2) << 6) | c(3);
  }
  len = 1;
  return b0;
}

char32_t fold(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z' ? c + 32 : c;
  if (c >= 0xC0 && c <= 0xFF) {
    // Latin-1 letters to their base letter, both cases.
    static constexpr char kBase[] = "aaaaaaaceeeeiiiidnooooo*ouuuuyts";
    if (c == 0xD7 || c == 0xF7) return c;
    if (c == 0xFF) return 'y';
    return static_cast<unsigned char>(kBase[(c - 0xC0) & 0x1F]);
  }
  switch (c) {
    case 0x0622: case 0x0623: case 0x0625: case 0x0671: return 0x0627;  // alef variants
    case 0x0649: case 0x06CC: return 0x064A;                             // alef maksura, farsi yeh
    case 0x0629: return 0x0647;                                          // teh marbuta
    case 0x0624: return 0x0648;
    case 0x0626: return 0x064A;
    case 0x06A9: return 0x0643;
    case 0x0153: return 'o';  // œ (only its first letter matters for our words)
    default: return c;
  }
}

bool is_word_char_slow(char32_t c) {
  if (c >= 0xC0 && c <= 0x24F) return c != 0xD7 && c != 0xF7;
  if (c >= 0x0620 && c <= 0x065F) return true;   // Arabic letters (diacritics are gone anyway)
  if (c >= 0x0660 && c <= 0x0669) return true;   // Arabic-Indic digits
  if (c >= 0x066E && c <= 0x06D3) return true;
  if (c >= 0x06F0 && c <= 0x06FF) return true;
  if (c >= 0x0370 && c <= 0x052F) return true;   // Greek, Cyrillic
  return false;
}

bool word_start(std::string_view s, std::size_t i) {
  if (i == 0) return true;
  std::size_t j = i - 1;
  while (j > 0 && i - j < 4 && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) --j;
  std::size_t len = 0;
  return !is_word_char(decode(s, j, len));
}

bool is_clitic_slow(std::string_view s, std::size_t i) {
  if (i + 2 >= s.size() || static_cast<unsigned char>(s[i]) < 0xD8) return false;
  std::size_t len = 0;
  const char32_t c = decode(s, i, len);
  if (!(c == 0x0648 || c == 0x0641 || c == 0x0628 || c == 0x0644 || c == 0x0643)) return false;
  const char32_t n = decode(s, i + len, len);
  return n >= 0x0621 && n <= 0x064A;
}

namespace {
// The end of the word whose chars (word_char_at) go on at i.
std::size_t word_rest_end(std::string_view s, std::size_t i) {
  for (std::size_t len = 0; i < s.size(); i += len)
    if (static_cast<unsigned char>(s[i]) < 0x80 ? !kAsciiWordChar[static_cast<unsigned char>(s[i])] && (len = 1)
                                                : !word_char_at(s, i, len))
      break;
  return i;
}

// ASCII letters and digits among all bytes: one test per byte in the word loops.
constexpr std::array<bool, 256> kAsciiWordByte = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 128; ++c) t[c] = kAsciiWordChar[c];
  return t;
}();

// Walks the word that starts at i (word_char_at) to its end and returns the hash of its leading
// word chars as Lexicon::match reads them (is_word_char, folded). The two runs differ only on
// U+0250..U+027F, which word_char_at takes by their lead byte alone.
inline std::uint32_t hash_word(std::string_view s, std::size_t i, std::size_t& end) {
  const std::size_t n = s.size();
  const auto* bytes = reinterpret_cast<const unsigned char*>(s.data());
  std::uint32_t h = kWordHashSeed;
  for (;;) {
    for (; i < n && kAsciiWordByte[bytes[i]]; ++i) h = word_hash_step(h, bytes[i] | 0x20u);  // fold(): digits have that bit
    if (i >= n || bytes[i] < 0x80) break;
    const unsigned b = bytes[i];
    std::size_t len = 2;
    char32_t c;
    if ((b & 0xE0) == 0xC0 && i + 1 < n && (bytes[i + 1] & 0xC0) == 0x80) {  // Latin and Arabic letters
      c = (static_cast<char32_t>(b & 0x1F) << 6) | (bytes[i + 1] & 0x3F);
    } else {
      c = decode_slow(s, i, len);
    }
    if (c >= 0x0627 && c <= 0x0648 && c != 0x0629) {  // most Arabic letters: word chars fold() keeps
      h = word_hash_step(h, c);
    } else if (is_word_char(c)) {
      h = word_hash_step(h, fold(c));
    } else {
      end = len == 2 && c >= 0x0250 && c < 0x0280 ? word_rest_end(s, i + len) : i;
      return h;
    }
    i += len;
  }
  end = i;
  return h;
}

// Which scanners may match at a word start, by the hash of its word: two slots of 2^14 per
// hash, each with a bit per scanner set for the first words of its dispatch lexicon. A word
// passes when both its slots have the bit (rarely by chance with a few hundred first words).
class StartFilter {
 public:
  static constexpr std::uint8_t kDate = 1, kDeadline = 2;
  StartFilter(const Lexicon& dates, const Lexicon& deadlines) {
    for (const auto h : dates.first_words()) set(h, kDate);
    for (const auto h : deadlines.first_words()) set(h, kDeadline);
  }
  unsigned operator()(std::uint32_t h) const {
    const std::uint32_t m = h * 0x9E3779B1u;
    return slots_[m >> 18] & slots_[m >> 4 & 0x3FFF];
  }

 private:
  void set(std::uint32_t h, std::uint8_t bit) {
    const std::uint32_t m = h * 0x9E3779B1u;
    slots_[m >> 18] |= bit;
    slots_[m >> 4 & 0x3FFF] |= bit;
  }
  std::array<std::uint8_t, 1 << 14> slots_{};
};
}  // namespace

WordStarts word_starts(std::string_view s) {
  static const StartFilter filter(date_dispatch_lexicon(), deadline_dispatch_lexicon());
  WordStarts out;
  out.dates.reserve(s.size() / 64 + 1);
  out.deadlines.reserve(s.size() / 32 + 1);
  const std::size_t n = s.size();
  const auto* bytes = reinterpret_cast<const unsigned char*>(s.data());
  for (std::size_t i = 0; i < n;) {
    if (bytes[i] < 0x80 && !kAsciiWordByte[bytes[i]]) {
      ++i;
      continue;
    }
    if (std::size_t len = 0; bytes[i] >= 0x80 && !word_char_at(s, i, len)) {
      i += len;
      continue;
    }
    std::size_t end = 0;
    unsigned pass = filter(hash_word(s, i, end));
    if (bytes[i] >= '0' && bytes[i] <= '9') pass |= StartFilter::kDate;
    // The scanners try again after one or two clitics ("وبحلول", "ومع").
    for (std::size_t at = i; bytes[at] >= 0xD8 && pass != 3 && at < i + 4 && is_clitic(s, at);) {
      at += 2;
      std::size_t e = 0;
      pass |= filter(hash_word(s, at, e));
    }
    if (pass & StartFilter::kDate) out.dates.push_back(static_cast<std::uint32_t>(i));
    if (pass & StartFilter::kDeadline) out.deadlines.push_back(static_cast<std::uint32_t>(i));
    i = end;
  }
  return out;
}

bool word_end(std::string_view s, std::size_t i) {
  if (i >= s.size()) return true;
  std::size_t len = 0;
  return !is_word_char(decode(s, i, len));
}

std::size_t year_at(std::string_view s, std::size_t i, int& year) {
  if (i + 4 > s.size()) return 0;
  year = 0;
  for (std::size_t k = 0; k < 4; ++k) {
    if (s[i + k] < '0' || s[i + k] > '9') return 0;
    year = year * 10 + (s[i + k] - '0');
  }
  std::size_t e = i + 4;
  if (year < 1900 || year > 2100) return 0;
  if (e + 2 <= s.size() && s.substr(e, 2) == "\xD9\x85" && word_end(s, e + 2)) return e + 2;  // 2030م
  if (e < s.size()) {
    if ((s[e] == ',' || s[e] == '.') && e + 1 < s.size() && s[e + 1] >= '0' && s[e + 1] <= '9') return 0;
    if (s[e] == '%' || !word_end(s, e)) return 0;
  }
  return e;
}

int Lexicon::child(int node, char32_t c) const {
  if (node == 0 && c < root_.size()) return root_[static_cast<std::size_t>(c)];
  const auto& kids = nodes_[static_cast<std::size_t>(node)].kids;  // sorted by code point
  if (kids.size() <= 8) {
    for (const auto& [k, v] : kids)
      if (k == c) return v;
    return -1;
  }
  auto it = std::lower_bound(kids.begin(), kids.end(), c, [](const auto& kv, char32_t x) { return kv.first < x; });
  return it != kids.end() && it->first == c ? it->second : -1;
}

void Lexicon::add(std::string_view phrase, int id) {
  {
    std::uint32_t h = kWordHashSeed;
    for (std::size_t i = 0, len = 0; i < phrase.size(); i += len) {
      const char32_t c = fold(decode(phrase, i, len));
      if (!is_word_char(c)) break;
      h = word_hash_step(h, c);
    }
    if (std::find(first_words_.begin(), first_words_.end(), h) == first_words_.end()) first_words_.push_back(h);
  }
  if (!phrase.empty()) {
    std::size_t len0 = 0, len1 = 0;
    const char32_t c0 = fold(decode(phrase, 0, len0));
    if (c0 < 0x80) {
      if (len0 >= phrase.size()) {  // one code point: any second byte
        for (unsigned b1 = 0; b1 < 128; ++b1) {
          const std::size_t k = ascii_pair(c0, b1);
          ascii_pairs_[k >> 6] |= std::uint64_t(1) << (k & 63);
        }
      } else if (const char32_t c1 = fold(decode(phrase, len0, len1)); c1 < 0x80) {
        const std::size_t k = ascii_pair(c0, c1);
        ascii_pairs_[k >> 6] |= std::uint64_t(1) << (k & 63);
      }
    }
  }
  int node = 0;
  char32_t last = 0;
  for (std::size_t i = 0; i < phrase.size();) {
    std::size_t len = 0;
    const char32_t c = fold(decode(phrase, i, len));
    i += len;
    last = c;
    int next = child(node, c);
    if (next < 0) {
      next = static_cast<int>(nodes_.size());
      nodes_.emplace_back();
      if (node == 0 && c < root_.size()) root_[c] = next;
      else {
        auto& kids = nodes_[static_cast<std::size_t>(node)].kids;
        kids.insert(std::lower_bound(kids.begin(), kids.end(), std::make_pair(c, 0)), std::make_pair(c, next));
      }
    }
    node = next;
  }
  auto& n = nodes_[static_cast<std::size_t>(node)];
  if (n.id < 0) n.id = id;  // first registration wins
  n.needs_word_end = is_word_char(last);
}

std::optional<Lexicon::Hit> Lexicon::walk(std::string_view text, std::size_t pos) const {
  const std::size_t n = text.size();
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  int best_id = -1;
  std::size_t best_end = 0;
  const Node* node = nullptr;  // the root until the first code point is read
  for (std::size_t i = pos; i < n;) {
    std::size_t len = 1;
    const unsigned b = bytes[i];
    char32_t c;
    if (b < 0x80) {
      c = b >= 'A' && b <= 'Z' ? b + 32u : b;
    } else if (b >= 0xD8 && b <= 0xD9 && i + 1 < n && (bytes[i + 1] & 0xC0) == 0x80) {
      // Arabic letters: decoded here, folded only when they have variants.
      c = (static_cast<char32_t>(b & 0x1F) << 6) | (bytes[i + 1] & 0x3F);
      len = 2;
      if (c < 0x0627 || c == 0x0629 || c >= 0x0649) c = fold(c);
    } else {
      c = fold(decode_slow(text, i, len));
    }
    int next = -1;
    if (!node) {
      next = c < root_.size() ? root_[c] : child(0, c);
    } else if (node->kids.size() <= 8) {
      for (const auto& kv : node->kids) {  // sorted: stop at the first code point not below c
        if (kv.first >= c) {
          if (kv.first == c) next = kv.second;
          break;
        }
      }
    } else {
      next = child(static_cast<int>(node - nodes_.data()), c);
    }
    if (next < 0) break;
    i += len;
    node = &nodes_[static_cast<std::size_t>(next)];
    if (node->id >= 0 &&
        (!node->needs_word_end || i >= n || (bytes[i] < 0x80 ? !kAsciiWordChar[bytes[i]] : word_end(text, i)))) {
      best_id = node->id;
      best_end = i;
    }
  }
  if (best_id < 0) return std::nullopt;
  return Hit{best_id, best_end};
}

}  // namespace pledgedb::extract::date_detail

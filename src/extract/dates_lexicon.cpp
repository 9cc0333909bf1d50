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

std::vector<std::uint32_t> word_starts(std::string_view s) {
  std::vector<std::uint32_t> out;
  out.reserve(s.size() / 5 + 1);
  // scan_word_starts with a try_at that consumes nothing.
  scan_word_starts(s, [&out](std::size_t i) {
    out.push_back(static_cast<std::uint32_t>(i));
    return i;
  });
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

std::optional<Lexicon::Hit> Lexicon::match(std::string_view text, std::size_t pos) const {
  std::optional<Hit> best;
  int node = 0;
  std::size_t i = pos;
  while (i < text.size()) {
    std::size_t len = 1;
    const auto b = static_cast<unsigned char>(text[i]);
    char32_t c;
    if (b < 0x80) {
      c = b >= 'A' && b <= 'Z' ? b + 32u : b;
    } else if (b >= 0xD8 && b <= 0xD9 && i + 1 < text.size() &&
               (static_cast<unsigned char>(text[i + 1]) & 0xC0) == 0x80) {
      // Arabic letters: decoded here, folded only when they have variants.
      c = (static_cast<char32_t>(b & 0x1F) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3F);
      len = 2;
      if (c < 0x0627 || c == 0x0629 || c >= 0x0649) c = fold(c);
    } else {
      c = fold(decode_slow(text, i, len));
    }
    if (node == 0) {
      node = c < root_.size() ? root_[static_cast<std::size_t>(c)] : child(0, c);
    } else {
      const auto& kids = nodes_[static_cast<std::size_t>(node)].kids;
      int next = -1;
      if (kids.size() <= 8) {
        for (const auto& kv : kids) {  // sorted: stop at the first code point not below c
          if (kv.first >= c) {
            if (kv.first == c) next = kv.second;
            break;
          }
        }
      } else {
        next = child(node, c);
      }
      node = next;
    }
    if (node < 0) break;
    i += len;
    const auto& n = nodes_[static_cast<std::size_t>(node)];
    if (n.id >= 0 && (!n.needs_word_end || word_end(text, i))) best = Hit{n.id, i};
  }
  return best;
}

}  // namespace pledgedb::extract::date_detail

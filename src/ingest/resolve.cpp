// Pure helpers for matching party names: acronyms, "Long Name (ACR)" and a consonant skeleton
// shared by Arabic and Latin spellings.
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "pledgedb/ingest/ingest.hpp"
#include "pledgedb/text/normalize.hpp"

namespace pledgedb::ingest {

namespace {

std::vector<std::string> words_of(std::string_view folded) {
  std::vector<std::string> words;
  std::string w;
  for (char c : folded) {
    if (c == ' ') {
      if (!w.empty()) words.push_back(std::move(w));
      w.clear();
    } else {
      w += c;
    }
  }
  if (!w.empty()) words.push_back(std::move(w));
  return words;
}

bool is_stop_word(const std::string& w) {
  static constexpr std::array<std::string_view, 24> stops = {
      "de", "des", "du", "la", "le", "les", "et", "pour", "en", "au", "aux", "sur",
      "of", "the", "and", "for", "in", "on", "del", "las", "los", "y", "el", "para"};
  if (w.size() < 2) return true;  // l', d', à, a, y
  for (auto s : stops)
    if (w == s) return true;
  return false;
}

}  // namespace

std::string acronym_of(std::string_view name) {
  const auto words = words_of(text::fold(name));
  std::string acr;
  for (const auto& w : words) {
    if (is_stop_word(w)) continue;
    const unsigned char c = static_cast<unsigned char>(w[0]);
    if (c >= 'a' && c <= 'z') acr += static_cast<char>(c - 'a' + 'A');
    else if (c >= '0' && c <= '9') acr += static_cast<char>(c);
    else return {};  // not a Latin name: Arabic names pair with acronyms through the text only
  }
  return acr.size() >= 2 ? acr : std::string{};
}

bool looks_like_acronym(std::string_view s) {
  if (s.size() < 2 || s.size() > 10) return false;
  for (unsigned char c : s)
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
  return s[0] >= 'A' && s[0] <= 'Z';
}

std::pair<std::string, std::string> split_parenthetical(std::string_view name) {
  auto trim = [](std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return std::string(s);
  };
  std::string_view n = name;
  while (!n.empty() && n.back() == ' ') n.remove_suffix(1);
  if (n.empty() || n.back() != ')') return {trim(name), {}};
  const auto open = n.rfind('(');
  if (open == std::string_view::npos || open == 0) return {trim(name), {}};
  std::string inner = trim(n.substr(open + 1, n.size() - open - 2));
  std::string outer = trim(n.substr(0, open));
  if (inner.empty() || outer.empty()) return {trim(name), {}};
  return {outer, inner};
}

std::string company_core_key(std::string_view name) {
  static constexpr std::array<std::string_view, 22> designators = {
      "limited", "ltd", "group", "groupe", "grupo", "inc", "incorporated", "corp", "corporation", "sa", "sas", "sarl",
      "plc", "llc", "ag", "gmbh", "holding", "holdings", "industries", "company", "co", "spa"};
  auto words = words_of(text::fold(name));
  while (words.size() > 1) {
    bool strip = false;
    for (auto d : designators) strip |= words.back() == d;
    if (!strip) break;
    words.pop_back();
  }
  std::string key;
  for (const auto& w : words) key += w;
  return key.size() >= 4 ? key : std::string{};
}

namespace {

// Decodes one UTF-8 code point (input is valid UTF-8: it went through text::fold).
char32_t next_cp(std::string_view s, std::size_t& i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
  if (i + len > s.size()) len = 1;
  char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
  for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += len;
  return cp;
}

// Consonant class of an Arabic letter; 0 = dropped (vowel carriers, laryngeals, unknown).
char arabic_class(char32_t cp) {
  switch (cp) {
    case U'ب': case U'پ': case U'ڤ': return 'B';
    case U'ف': return 'F';
    case U'ت': case U'ط': case U'ث': return 'T';
    case U'د': case U'ض': case U'ذ': case U'ظ': return 'D';
    case U'س': case U'ص': case U'ز': return 'S';
    case U'ش': return 'X';
    case U'ج': return 'J';
    case U'ك': case U'ق': case U'خ': return 'K';
    case U'غ': case U'گ': return 'G';
    case U'ل': return 'L';
    case U'م': return 'M';
    case U'ن': return 'N';
    case U'ر': return 'R';
    default: return 0;  // ا و ي ى ه ة ح ع ء: vowels, semi-vowels and sounds Latin spellings drop
  }
}

}  // namespace

std::string consonant_skeleton(std::string_view name) {
  const std::string f = text::fold(name);
  std::string out;
  auto push = [&](char k) {
    if (k && (out.empty() || out.back() != k)) out += k;
  };
  std::size_t i = 0;
  while (i < f.size()) {
    const unsigned char c = static_cast<unsigned char>(f[i]);
    if (c >= 0x80) {
      push(arabic_class(next_cp(f, i)));
      continue;
    }
    const char n = i + 1 < f.size() ? f[i + 1] : '\0';
    ++i;
    switch (c) {
      case 'b': case 'p': case 'v': push('B'); break;
      case 'f': push('F'); break;
      case 't': if (n == 'h') ++i; push('T'); break;
      case 'd': push('D'); break;
      case 's': if (n == 'h') { ++i; push('X'); } else push('S'); break;
      case 'z': push('S'); break;
      case 'x': push('K'); push('S'); break;
      case 'c':
        if (n == 'h') { ++i; push('X'); }
        else if (n == 'e' || n == 'i' || n == 'y') push('S');
        else push('K');
        break;
      case 'k': if (n == 'h') ++i; push('K'); break;
      case 'q': if (n == 'u') ++i; push('K'); break;
      case 'g':
        if (n == 'h') { ++i; push('G'); }
        else if (n == 'e' || n == 'i') push('J');
        else push('G');
        break;
      case 'j': push('J'); break;
      case 'l': push('L'); break;
      case 'm': push('M'); break;
      case 'n': push('N'); break;
      case 'r': push('R'); break;
      default: break;  // vowels, h, w, y, digits, spaces
    }
  }
  return out;
}

}  // namespace pledgedb::ingest

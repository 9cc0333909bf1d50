// HTML character references (&eacute; &#233; &#xE9;) decoded to UTF-8.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

namespace pledgedb::ingest::detail {

void append_utf8(std::string& out, char32_t cp);
void decode_html_entities(std::string_view in, std::string& out, bool in_attribute);

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

namespace {

// The named references news pages actually use: all of Latin-1, typography, currency, arrows.
// (The full HTML5 list has 2,231 names, mostly mathematical; unknown names stay as written.)
const std::unordered_map<std::string_view, char32_t>& named_entities() {
  static const std::unordered_map<std::string_view, char32_t> table{
      {"quot", 0x22}, {"amp", 0x26}, {"apos", 0x27}, {"lt", 0x3C}, {"gt", 0x3E},
      {"nbsp", 0xA0}, {"iexcl", 0xA1}, {"cent", 0xA2}, {"pound", 0xA3}, {"curren", 0xA4},
      {"yen", 0xA5}, {"brvbar", 0xA6}, {"sect", 0xA7}, {"uml", 0xA8}, {"copy", 0xA9},
      {"ordf", 0xAA}, {"laquo", 0xAB}, {"not", 0xAC}, {"shy", 0xAD}, {"reg", 0xAE},
      {"macr", 0xAF}, {"deg", 0xB0}, {"plusmn", 0xB1}, {"sup2", 0xB2}, {"sup3", 0xB3},
      {"acute", 0xB4}, {"micro", 0xB5}, {"para", 0xB6}, {"middot", 0xB7}, {"cedil", 0xB8},
      {"sup1", 0xB9}, {"ordm", 0xBA}, {"raquo", 0xBB}, {"frac14", 0xBC}, {"frac12", 0xBD},
      {"frac34", 0xBE}, {"iquest", 0xBF}, {"Agrave", 0xC0}, {"Aacute", 0xC1}, {"Acirc", 0xC2},
      {"Atilde", 0xC3}, {"Auml", 0xC4}, {"Aring", 0xC5}, {"AElig", 0xC6}, {"Ccedil", 0xC7},
      {"Egrave", 0xC8}, {"Eacute", 0xC9}, {"Ecirc", 0xCA}, {"Euml", 0xCB}, {"Igrave", 0xCC},
      {"Iacute", 0xCD}, {"Icirc", 0xCE}, {"Iuml", 0xCF}, {"ETH", 0xD0}, {"Ntilde", 0xD1},
      {"Ograve", 0xD2}, {"Oacute", 0xD3}, {"Ocirc", 0xD4}, {"Otilde", 0xD5}, {"Ouml", 0xD6},
      {"times", 0xD7}, {"Oslash", 0xD8}, {"Ugrave", 0xD9}, {"Uacute", 0xDA}, {"Ucirc", 0xDB},
      {"Uuml", 0xDC}, {"Yacute", 0xDD}, {"THORN", 0xDE}, {"szlig", 0xDF}, {"agrave", 0xE0},
      {"aacute", 0xE1}, {"acirc", 0xE2}, {"atilde", 0xE3}, {"auml", 0xE4}, {"aring", 0xE5},
      {"aelig", 0xE6}, {"ccedil", 0xE7}, {"egrave", 0xE8}, {"eacute", 0xE9}, {"ecirc", 0xEA},
      {"euml", 0xEB}, {"igrave", 0xEC}, {"iacute", 0xED}, {"icirc", 0xEE}, {"iuml", 0xEF},
      {"eth", 0xF0}, {"ntilde", 0xF1}, {"ograve", 0xF2}, {"oacute", 0xF3}, {"ocirc", 0xF4},
      {"otilde", 0xF5}, {"ouml", 0xF6}, {"divide", 0xF7}, {"oslash", 0xF8}, {"ugrave", 0xF9},
      {"uacute", 0xFA}, {"ucirc", 0xFB}, {"uuml", 0xFC}, {"yacute", 0xFD}, {"thorn", 0xFE},
      {"yuml", 0xFF}, {"OElig", 0x152}, {"oelig", 0x153}, {"Scaron", 0x160}, {"scaron", 0x161},
      {"Yuml", 0x178}, {"fnof", 0x192}, {"circ", 0x2C6}, {"tilde", 0x2DC}, {"ensp", 0x2002},
      {"emsp", 0x2003}, {"thinsp", 0x2009}, {"zwnj", 0x200C}, {"zwj", 0x200D}, {"lrm", 0x200E},
      {"rlm", 0x200F}, {"ndash", 0x2013}, {"mdash", 0x2014}, {"lsquo", 0x2018}, {"rsquo", 0x2019},
      {"sbquo", 0x201A}, {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"bdquo", 0x201E}, {"dagger", 0x2020},
      {"Dagger", 0x2021}, {"bull", 0x2022}, {"hellip", 0x2026}, {"permil", 0x2030}, {"prime", 0x2032},
      {"Prime", 0x2033}, {"lsaquo", 0x2039}, {"rsaquo", 0x203A}, {"oline", 0x203E}, {"frasl", 0x2044},
      {"euro", 0x20AC}, {"trade", 0x2122}, {"larr", 0x2190}, {"uarr", 0x2191}, {"rarr", 0x2192},
      {"darr", 0x2193}, {"harr", 0x2194}, {"minus", 0x2212}, {"le", 0x2264}, {"ge", 0x2265},
      {"ne", 0x2260}, {"asymp", 0x2248}, {"infin", 0x221E}, {"percnt", 0x25}, {"num", 0x23},
      {"dollar", 0x24}, {"commat", 0x40}, {"lpar", 0x28}, {"rpar", 0x29}, {"comma", 0x2C},
      {"period", 0x2E}, {"colon", 0x3A}, {"semi", 0x3B}, {"excl", 0x21}, {"quest", 0x3F},
      {"sol", 0x2F}, {"bsol", 0x5C}, {"lsqb", 0x5B}, {"rsqb", 0x5D}, {"lcub", 0x7B},
      {"rcub", 0x7D}, {"verbar", 0x7C}, {"lowbar", 0x5F}, {"Hat", 0x5E}, {"grave", 0x60},
      {"ast", 0x2A}, {"plus", 0x2B}, {"equals", 0x3D}, {"NewLine", 0x0A}, {"Tab", 0x09},
      {"nnbsp", 0x202F}, {"numsp", 0x2007}, {"hyphen", 0x2010}, {"dash", 0x2010},
  };
  return table;
}

// Names browsers decode even without the ';' (the legacy set, as far as pages use it).
bool legacy_without_semicolon(std::string_view name) {
  return name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "nbsp" || name == "copy" ||
         name == "reg";
}

// Numeric references to C1 controls mean windows-1252 characters (HTML5 §13.2.5.80).
constexpr char32_t windows_1252[32] = {0x20AC, 0x81,   0x201A, 0x192,  0x201E, 0x2026, 0x2020, 0x2021,
                                       0x2C6,  0x2030, 0x160,  0x2039, 0x152,  0x8D,   0x17D,  0x8F,
                                       0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                       0x2DC,  0x2122, 0x161,  0x203A, 0x153,  0x9D,   0x17E,  0x178};

bool is_alnum(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Decodes the reference at in[i] == '&'; returns the number of bytes consumed (0: not a reference).
std::size_t decode_one(std::string_view in, std::size_t i, std::string& out, bool in_attribute) {
  std::size_t j = i + 1;
  if (j < in.size() && in[j] == '#') {
    ++j;
    const bool hex = j < in.size() && (in[j] == 'x' || in[j] == 'X');
    if (hex) ++j;
    const std::size_t digits_start = j;
    std::uint32_t value = 0;
    bool too_big = false;
    for (; j < in.size(); ++j) {
      const int d = hex ? hex_value(in[j]) : (in[j] >= '0' && in[j] <= '9' ? in[j] - '0' : -1);
      if (d < 0) break;
      if (!too_big) {
        value = value * (hex ? 16 : 10) + static_cast<std::uint32_t>(d);
        too_big = value > 0x10FFFF;
      }
    }
    if (j == digits_start) return 0;  // "&#" or "&#x" with no digits: plain text
    if (j < in.size() && in[j] == ';') ++j;
    char32_t cp = value;
    if (too_big || cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    else if (cp >= 0x80 && cp <= 0x9F) cp = windows_1252[cp - 0x80];
    append_utf8(out, cp);
    return j - i;
  }
  while (j < in.size() && j - i <= 32 && is_alnum(in[j])) ++j;
  const std::string_view name = in.substr(i + 1, j - i - 1);
  if (name.empty()) return 0;
  const auto& table = named_entities();
  auto it = table.find(name);
  if (it == table.end()) return 0;
  if (j < in.size() && in[j] == ';') {
    append_utf8(out, it->second);
    return j + 1 - i;
  }
  // "&copy=" inside an attribute (a URL query) is not a reference.
  if (!legacy_without_semicolon(name) || (in_attribute && j < in.size() && in[j] == '=')) return 0;
  append_utf8(out, it->second);
  return j - i;
}

}  // namespace

void decode_html_entities(std::string_view in, std::string& out, bool in_attribute) {
  std::size_t i = 0;
  while (i < in.size()) {
    const std::size_t amp = in.find('&', i);
    if (amp == std::string_view::npos) {
      out.append(in.substr(i));
      return;
    }
    out.append(in.substr(i, amp - i));
    const std::size_t used = decode_one(in, amp, out, in_attribute);
    if (used == 0) {
      out += '&';
      i = amp + 1;
    } else {
      i = amp + used;
    }
  }
}

}  // namespace pledgedb::ingest::detail

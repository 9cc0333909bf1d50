// A small, linear, forgiving HTML reader: enough to pull an article's text and metadata out of
// a news page. Not a conforming HTML5 parser (see docs/formats.md for what it does and why).
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pledgedb/date.hpp"
#include "pledgedb/document.hpp"

namespace pledgedb::ingest::detail {

void decode_html_entities(std::string_view in, std::string& out, bool in_attribute);
std::string normalize_language(std::string_view tag);
std::optional<Date> date_prefix(std::string_view value);
Document html_to_document(std::string_view html, const std::string& name);

namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::string lowered(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower(c);
  return out;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

template <std::size_t N>
bool one_of(std::string_view name, const std::string_view (&names)[N]) {
  return std::find(std::begin(names), std::end(names), name) != std::end(names);
}

// Content never shown as article text. script/style/noscript/iframe/textarea/title are raw text
// (their content is not markup); the others are skipped with everything inside them.
constexpr std::string_view skipped_elements[] = {"script", "style", "noscript", "nav",      "header",
                                                 "footer", "aside", "form",     "svg",      "iframe",
                                                 "template", "select", "button", "textarea", "math"};
constexpr std::string_view raw_text_elements[] = {"script", "style", "noscript", "iframe",
                                                  "textarea", "title", "xmp"};
constexpr std::string_view block_elements[] = {
    "p",       "div",    "br",     "li",     "h1",     "h2",         "h3",      "h4",       "h5",
    "h6",      "tr",     "section", "article", "main", "ul",         "ol",      "dl",       "dt",
    "dd",      "table",  "thead",  "tbody",  "tfoot",  "blockquote", "hr",      "pre",      "figure",
    "figcaption", "address", "caption", "body", "details", "summary", "center", "header", "footer",
    "nav",     "aside",  "form"};
constexpr std::string_view void_elements[] = {"area", "base", "br",    "col",  "embed",  "hr",    "img",
                                              "input", "link", "meta", "param", "source", "track", "wbr"};

struct Attribute {
  std::string name;   // lower-case
  std::string value;  // entities decoded
};

struct Tag {
  std::string name;  // lower-case
  bool closing = false;
  bool self_closing = false;
  std::vector<Attribute> attributes;

  const std::string* attr(std::string_view n) const {
    for (const auto& a : attributes)
      if (a.name == n) return &a.value;
    return nullptr;
  }
};

// Collapses whitespace runs to one space and block boundaries to one newline.
class TextBuilder {
 public:
  void text(std::string_view s, bool preformatted) {
    for (char c : s) {
      if (is_space(c) && !preformatted) {
        pending_space_ = true;
        continue;
      }
      if (!out_.empty()) {
        if (pending_newline_ && out_.back() != '\n') out_ += '\n';
        else if (pending_space_ && !pending_newline_ && !is_space(out_.back())) out_ += ' ';
      }
      pending_newline_ = pending_space_ = false;
      out_ += c;
    }
  }
  void block() { pending_newline_ = true; }
  void space() { pending_space_ = true; }
  const std::string& str() const { return out_; }

 private:
  std::string out_;
  bool pending_space_ = false;
  bool pending_newline_ = false;
};

// Tracks where we are in the page and routes text to the page, <article> and <main> builders.
class Extractor {
 public:
  explicit Extractor(Document& doc) : doc_(doc) {}

  void open(const Tag& tag) {
    const std::string& n = tag.name;
    if (n == "html") {
      if (const auto* lang = tag.attr("lang"); lang && doc_.language.empty()) doc_.language = normalize_language(*lang);
    } else if (n == "head") {
      in_head_ = true;
    } else if (n == "body") {
      in_head_ = false;
    } else if (n == "meta") {
      meta(tag);
    } else if (n == "link") {
      link(tag);
    } else if (n == "time") {
      if (const auto* dt = tag.attr("datetime"))
        if (auto d = date_prefix(*dt)) {
          if (!time_any_) time_any_ = d;
          if (article_depth_ > 0 && !time_in_article_) time_in_article_ = d;
        }
    }
    if (one_of(n, void_elements) || tag.self_closing) {
      if (n == "br" || n == "hr") boundary();
      return;
    }
    if (!skips_.empty()) {
      if (n == "article") ++skips_.back().nested_articles;
      if (n == "main") ++skips_.back().nested_mains;
      // Bounded, so that closing tags cost O(1) on pages with thousands of unclosed elements.
      if (one_of(n, skipped_elements) && skips_.size() < max_skip_depth) skips_.push_back({n});
      return;
    }
    if (one_of(n, skipped_elements)) {
      if (one_of(n, block_elements)) boundary();  // a dropped <nav> still separates what surrounds it
      skips_.push_back({n});
      return;
    }
    if (n == "article" && article_depth_++ == 0) articles_.emplace_back();
    if (n == "main" && main_depth_++ == 0) mains_.emplace_back();
    if (n == "pre") ++pre_depth_;
    if (one_of(n, block_elements)) boundary();
    else if (n == "td" || n == "th") separate();
  }

  void close(const Tag& tag) {
    const std::string& n = tag.name;
    if (n == "head") in_head_ = false;
    if (n == "body" || n == "html") skips_.clear();
    if (!skips_.empty()) {
      if (n == "article" || n == "main") {
        int& nested = n == "article" ? skips_.back().nested_articles : skips_.back().nested_mains;
        if (nested > 0) {
          --nested;
          return;
        }
        // The container ends while something inside it was left open: close that too.
        while (!skips_.empty() && (n == "article" ? skips_.back().nested_articles : skips_.back().nested_mains) == 0)
          skips_.pop_back();
        if (!skips_.empty()) {
          --(n == "article" ? skips_.back().nested_articles : skips_.back().nested_mains);
          return;
        }
      } else {
        for (std::size_t i = skips_.size(); i-- > 0;)
          if (skips_[i].name == n) {
            skips_.resize(i);
            if (skips_.empty() && one_of(n, block_elements)) boundary();
            break;
          }
        return;
      }
    }
    if (n == "article" && article_depth_ > 0) --article_depth_;
    if (n == "main" && main_depth_ > 0) --main_depth_;
    if (n == "pre" && pre_depth_ > 0) --pre_depth_;
    if (one_of(n, block_elements)) boundary();
    else if (n == "td" || n == "th") separate();
  }

  void text(std::string_view decoded) {
    if (in_head_ || !skips_.empty()) return;
    const bool pre = pre_depth_ > 0;
    page_.text(decoded, pre);
    if (article_depth_ > 0) articles_.back().text(decoded, pre);
    if (main_depth_ > 0) mains_.back().text(decoded, pre);
  }

  void title(std::string_view decoded) {
    if (!skips_.empty() || !title_.empty()) return;
    TextBuilder b;
    b.text(decoded, false);
    title_ = b.str();
  }

  // Picks the body (longest article, else longest main, else the page) and the metadata.
  void finish() {
    auto longest = [](const std::vector<TextBuilder>& v) -> const std::string* {
      const std::string* best = nullptr;
      for (const auto& b : v)
        if (!b.str().empty() && (!best || b.str().size() > best->size())) best = &b.str();
      return best;
    };
    const std::string* body = longest(articles_);
    if (!body) body = longest(mains_);
    if (!body) body = &page_.str();
    doc_.text = *body;
    doc_.title = !title_.empty() ? title_ : og_title_;
    doc_.url = !canonical_.empty() ? canonical_ : og_url_;
    doc_.outlet = site_name_;
    for (const auto* d : {&meta_published_, &meta_date_, &time_in_article_, &time_any_})
      if (*d) {
        doc_.published = *d;
        break;
      }
  }

 private:
  static constexpr std::size_t max_skip_depth = 256;

  struct Skip {
    std::string name;
    int nested_articles = 0;
    int nested_mains = 0;
  };

  void boundary() {
    page_.block();
    if (article_depth_ > 0) articles_.back().block();
    if (main_depth_ > 0) mains_.back().block();
  }
  void separate() {
    page_.space();
    if (article_depth_ > 0) articles_.back().space();
    if (main_depth_ > 0) mains_.back().space();
  }

  void meta(const Tag& tag) {
    const std::string* content = tag.attr("content");
    if (!content) return;
    const std::string* key = tag.attr("property");
    if (!key) key = tag.attr("name");
    if (!key) key = tag.attr("itemprop");
    if (!key) return;
    const std::string k = lowered(*key);
    if (k == "article:published_time") {
      if (!meta_published_) meta_published_ = date_prefix(*content);
    } else if (k == "date" || k == "pubdate" || k == "publish-date" || k == "publishdate" || k == "datepublished") {
      if (!meta_date_) meta_date_ = date_prefix(*content);
    } else if (k == "og:site_name") {
      if (site_name_.empty()) site_name_ = trimmed(*content);
    } else if (k == "og:url") {
      if (og_url_.empty()) og_url_ = trimmed(*content);
    } else if (k == "og:title") {
      if (og_title_.empty()) og_title_ = trimmed(*content);
    }
  }

  void link(const Tag& tag) {
    const std::string* rel = tag.attr("rel");
    const std::string* href = tag.attr("href");
    if (!rel || !href || !canonical_.empty()) return;
    // rel is a space-separated token list.
    std::string_view r = *rel;
    while (!r.empty()) {
      const std::size_t sp = std::min(r.find(' '), r.size());
      if (iequals(r.substr(0, sp), "canonical")) {
        canonical_ = trimmed(*href);
        return;
      }
      r.remove_prefix(std::min(sp + 1, r.size()));
    }
  }

  static std::string trimmed(std::string_view s) {
    TextBuilder b;
    b.text(s, false);
    return b.str();
  }

  Document& doc_;
  TextBuilder page_;
  std::vector<TextBuilder> articles_, mains_;
  std::vector<Skip> skips_;
  int article_depth_ = 0, main_depth_ = 0, pre_depth_ = 0;
  bool in_head_ = false;
  std::string title_, og_title_, canonical_, og_url_, site_name_;
  std::optional<Date> meta_published_, meta_date_, time_in_article_, time_any_;
};

// Reads the tag starting at html[pos] == '<' (html[pos + 1] is a letter or '/' + letter).
// Returns the position after its '>' (or the end of input for an unterminated tag).
std::size_t read_tag(std::string_view html, std::size_t pos, Tag& tag) {
  std::size_t i = pos + 1;
  tag = Tag{};
  if (html[i] == '/') {
    tag.closing = true;
    ++i;
  }
  const std::size_t name_start = i;
  while (i < html.size() && !is_space(html[i]) && html[i] != '/' && html[i] != '>') ++i;
  tag.name = lowered(html.substr(name_start, i - name_start));
  while (i < html.size()) {
    while (i < html.size() && (is_space(html[i]) || html[i] == '/')) {
      if (html[i] == '/' && i + 1 < html.size() && html[i + 1] == '>') tag.self_closing = true;
      ++i;
    }
    if (i >= html.size()) break;
    if (html[i] == '>') return i + 1;
    const std::size_t attr_start = i;
    while (i < html.size() && !is_space(html[i]) && html[i] != '/' && html[i] != '>' && html[i] != '=') ++i;
    if (i == attr_start) ++i;  // a stray '=' : skip it
    Attribute attr{lowered(html.substr(attr_start, i - attr_start)), {}};
    std::size_t j = i;
    while (j < html.size() && is_space(html[j])) ++j;
    if (j < html.size() && html[j] == '=') {
      ++j;
      while (j < html.size() && is_space(html[j])) ++j;
      std::string_view raw;
      if (j < html.size() && (html[j] == '"' || html[j] == '\'')) {
        const char quote = html[j++];
        const std::size_t end = std::min(html.find(quote, j), html.size());
        raw = html.substr(j, end - j);
        i = std::min(end + 1, html.size());
      } else {
        const std::size_t start = j;
        while (j < html.size() && !is_space(html[j]) && html[j] != '>') ++j;
        raw = html.substr(start, j - start);
        i = j;
      }
      decode_html_entities(raw, attr.value, true);
    }
    // Real tags have a handful of attributes; the cap keeps a garbage "tag" of megabytes cheap.
    if (!tag.closing && !attr.name.empty() && tag.attributes.size() < 256) tag.attributes.push_back(std::move(attr));
  }
  return html.size();
}

// Position of the "</name" that ends a raw text element, or npos.
std::size_t find_end_tag(std::string_view html, std::size_t from, std::string_view name) {
  for (std::size_t i = html.find("</", from); i != std::string_view::npos; i = html.find("</", i + 2)) {
    const std::size_t after = i + 2 + name.size();
    if (after <= html.size() && iequals(html.substr(i + 2, name.size()), name) &&
        (after == html.size() || is_space(html[after]) || html[after] == '>' || html[after] == '/'))
      return i;
  }
  return std::string_view::npos;
}

}  // namespace

Document html_to_document(std::string_view html, const std::string& name) {
  Document doc;
  doc.path = name;
  doc.format = InputFormat::html;
  Extractor ex(doc);
  std::string decoded;
  Tag tag;
  std::size_t pos = 0;
  while (pos < html.size()) {
    std::size_t lt = html.find('<', pos);
    if (lt == std::string_view::npos) lt = html.size();
    if (lt > pos) {
      decoded.clear();
      decode_html_entities(html.substr(pos, lt - pos), decoded, false);
      ex.text(decoded);
      pos = lt;
      continue;
    }
    const std::string_view rest = html.substr(pos);
    if (rest.starts_with("<!--")) {
      const std::size_t end = html.find("-->", pos + 4);
      pos = end == std::string_view::npos ? html.size() : end + 3;
    } else if (rest.starts_with("<!") || rest.starts_with("<?")) {
      // doctype, CDATA, processing instruction: skipped up to the next '>'
      const std::size_t end = html.find('>', pos);
      pos = end == std::string_view::npos ? html.size() : end + 1;
    } else if (rest.size() > 1 && (is_alpha(rest[1]) || (rest[1] == '/' && rest.size() > 2 && is_alpha(rest[2])))) {
      pos = read_tag(html, pos, tag);
      if (tag.closing) {
        ex.close(tag);
        continue;
      }
      ex.open(tag);
      if (!tag.self_closing && one_of(std::string_view(tag.name), raw_text_elements)) {
        const std::size_t end = find_end_tag(html, pos, tag.name);
        const std::size_t content_end = end == std::string_view::npos ? html.size() : end;
        if (tag.name == "title") {
          decoded.clear();
          decode_html_entities(html.substr(pos, content_end - pos), decoded, false);
          ex.title(decoded);
        }
        pos = content_end;  // the end tag itself is read as a closing tag next
      }
    } else {
      ex.text("<");  // a '<' that starts no tag is text ("a < b")
      ++pos;
    }
  }
  ex.finish();
  return doc;
}

}  // namespace pledgedb::ingest::detail

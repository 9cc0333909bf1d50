#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "pledgedb/error.hpp"
#include "pledgedb/ingest/readers.hpp"
#include "pledgedb/text/utf8.hpp"

using pledgedb::Document;
using pledgedb::InputFormat;
using pledgedb::ingest::parse_document;
using pledgedb::ingest::read_document;
using pledgedb::ingest::ReadOptions;

namespace {

const std::string fixtures = std::string(PLEDGEDB_FIXTURES) + "/readers/";
const std::string nbsp = "\u00A0";

Document html(const std::string& page) { return parse_document(page, "x.html", InputFormat::html, ReadOptions{}); }
std::string body(const std::string& page) { return html(page).text; }

}  // namespace

TEST_CASE("a French news page: article text without menus, scripts or comments, entities decoded") {
  const Document d = read_document(fixtures + "page_fr.html", ReadOptions{});
  CHECK(d.format == InputFormat::html);
  CHECK(d.title == "Usine de batteries à Kénitra : 1" + nbsp + "200 emplois promis – Le Courrier du Gharb");
  CHECK(d.url == "https://courrier-gharb.example/eco/usine-batteries-kenitra");  // canonical beats og:url
  CHECK(d.outlet == "Le Courrier du Gharb");
  CHECK(d.language == "fr");                                 // lang="fr-FR"
  CHECK(d.published->to_string() == "2024-03-05");          // article:published_time beats <time>
  CHECK(d.text ==
        "La société fictive Voltaria s’engage à créer 1" + nbsp + "200" + nbsp +
            "emplois directs d’ici fin 2027, pour un investissement de 450 millions d’euros (€).\n"
            "«" + nbsp + "C’est une étape majeure" + nbsp + "», a déclaré la ministre…\n"
            "Première phase" + nbsp + ": 300 postes en 2025\n"
            "Deuxième phase" + nbsp + ": 900 postes.");
  CHECK(pledgedb::text::find_invalid_utf8(d.text) == pledgedb::text::npos);
}

TEST_CASE("an Arabic page without <article>: the <main> text, numeric references, tables") {
  const Document d = read_document(fixtures + "page_ar.html", ReadOptions{});
  CHECK(d.title == "شركة وهمية تعد بـ 800 منصب شغل في جهة الشرق");
  CHECK(d.language == "ar");
  CHECK(d.published->to_string() == "2023-11-20");  // <meta name="pubdate">
  CHECK(d.url == "https://akhbar-sharq.example/economie/800-mansib");  // og:url when no canonical link
  CHECK(d.outlet.empty());
  CHECK(d.text ==
        "شركة \"نور الشرق\" تعد بـ 800 منصب شغل\n"
        "أعلنت شركة نور الشرق الوهمية عن استثمار بقيمة 2٬5 مليار درهم في وجدة، مع خلق ٨٠٠ منصب شغل مباشر في أفق 2026.\n"
        "المرحلة الأولى 300\n"
        "المرحلة الثانية 500\n"
        "رمز غير صالح: \uFFFD و \uFFFD و \uFFFD");
  CHECK(pledgedb::text::find_invalid_utf8(d.text) == pledgedb::text::npos);
}

TEST_CASE("named and numeric character references") {
  CHECK(body("<p>&amp; &lt; &gt; &quot; &apos; &eacute; &egrave; &agrave; &ccedil; &Eacute;</p>") ==
        "& < > \" ' é è à ç É");
  CHECK(body("<p>&laquo;&raquo;&lsquo;&rsquo;&ldquo;&rdquo;&hellip;&ndash;&mdash;&euro;&pound;&copy;&deg;</p>") ==
        "«»‘’“”…–—€£©°");
  CHECK(body("<p>&#1234; &#x4E2D; &#X4e2d; &#233;&#xe9;</p>") == "Ӓ 中 中 éé");
  CHECK(body("<p>&#150; &#128;</p>") == "– €");  // C1 references mean windows-1252, as in browsers
  CHECK(body("<p>&#0; &#xD800; &#x110000; &#99999999999999;</p>") == "\uFFFD \uFFFD \uFFFD \uFFFD");
  CHECK(body("<p>AT&T &unknown; &#; &#x; & alone</p>") == "AT&T &unknown; &#; &#x; & alone");
  CHECK(body("<p>fish &amp chips &copy 2024</p>") == "fish & chips © 2024");  // legacy names without ';'
  CHECK(html("<meta name=\"date\" content=\"2024-01-02\"><link rel=canonical href=\"/a?x=1&amp;copy=2\"><p>t</p>").url ==
        "/a?x=1&copy=2");
}

TEST_CASE("block elements become newlines, whitespace collapses inside a block") {
  CHECK(body("<div>one\n   two\t three</div><div>four</div>") == "one two three\nfour");
  CHECK(body("<p>a<br>b<br/>c</p><ul><li>d</li><li>e</li></ul><h2>f</h2>g") == "a\nb\nc\nd\ne\nf\ng");
  CHECK(body("<p>  <b>bold</b>   and <i>italic</i>  </p>") == "bold and italic");
  CHECK(body("<P>Upper</P><DIV CLASS=x>case</DIV>") == "Upper\ncase");
  CHECK(body("<pre>keep   this\n  layout</pre>") == "keep   this\n  layout");
  CHECK(body("<p>1 < 2 and 3 > 2</p>") == "1 < 2 and 3 > 2");
  CHECK(body("<p><a title=\"x > y\" href='/z'>link</a> text</p>") == "link text");
  CHECK(body("before<nav>menu</nav>after") == "before\nafter");
}

TEST_CASE("scripts, styles, comments and page furniture are dropped") {
  CHECK(body("<p>a</p><script>document.write('<p>b</p>')</script><p>c</p>") == "a\nc");
  CHECK(body("<p>a</p><SCRIPT type=x>if (x </SCRIPTS> 1) {}</SCRIPT ><p>c</p>") == "a\nc");
  CHECK(body("<style>p{}</style><p>a</p><!-- <p>hidden</p> --><p>c</p>") == "a\nc");
  CHECK(body("<header>h</header><p>a</p><footer>f</footer><aside>s</aside><form><label>l</label></form>") == "a");
  CHECK(body("<p>a</p><iframe src=x><p>i</p></iframe><template><p>t</p></template><svg><text>s</text></svg>") == "a");
  CHECK(body("<p>a</p><noscript><img src=x> enable JS</noscript>") == "a");
  CHECK(body("<!DOCTYPE html><?xml version=\"1.0\"?><p>a</p><![CDATA[x]]>") == "a");
  CHECK(body("<p>a</p><!-- unterminated comment <p>b</p>") == "a");
}

TEST_CASE("the body is the longest <article>, else <main>, else the whole page") {
  CHECK(body("<body><p>intro</p><main><p>main text</p></main></body>") == "main text");
  CHECK(body("<main><article><p>short</p></article><article><p>the longer one</p></article></main>") ==
        "the longer one");
  CHECK(body("<article><p>outer</p><article><p>inner comment</p></article></article>") == "outer\ninner comment");
  // A teaser <article> inside an <aside> is not a candidate.
  CHECK(body("<main><p>real story</p><aside><article><p>much longer related teaser text</p></article></aside></main>") ==
        "real story");
  CHECK(body("<body><p>only text</p></body>") == "only text");
}

TEST_CASE("unclosed elements do not swallow the rest of the page") {
  // A <nav> left open inside an article ends with the article.
  CHECK(body("<body><article><p>story</p><nav>menu</article><p>after</p></body>") == "story");
  CHECK(body("<body><div><aside>left open</div></body><p>tail</p>") == "tail");
  CHECK(body("<p>a</p><script>never closed <p>b</p>") == "a");
  CHECK(body("<p>a</p><a href=\"unterminated") == "a");
}

TEST_CASE("metadata sources and their precedence") {
  CHECK(html("<html LANG='AR-ma'><p>x</p>").language == "ar");
  CHECK(html("<html lang='not a tag!'><p>x</p>").language.empty());
  CHECK(html("<title> Spaced\n  title </title><p>x</p>").title == "Spaced title");
  CHECK(html("<meta property='og:title' content='OG'><p>x</p>").title == "OG");
  CHECK(html("<META NAME=date CONTENT=2022-01-02><p>x</p>").published->to_string() == "2022-01-02");
  CHECK(html("<meta name='publish-date' content='2022-01-03 08:00'><p>x</p>").published->to_string() == "2022-01-03");
  CHECK(html("<time datetime='2021-05-01'>a</time><article><time datetime='2021-06-01T10:00Z'>b</time>"
             "<p>x</p></article>")
            .published->to_string() == "2021-06-01");
  // An impossible date is ignored (pages are forgiving), a later valid one is used.
  CHECK(html("<meta name='date' content='2021-02-30'><time datetime='2021-03-01'></time><p>x</p>")
            .published->to_string() == "2021-03-01");
  CHECK_FALSE(html("<time datetime='yesterday'></time><p>x</p>").published.has_value());
  CHECK(html("<link rel='alternate canonical' href=' /c '><meta property='og:url' content='/og'><p>x</p>").url == "/c");
}

TEST_CASE("a page in a legacy encoding is refused with the charset it declares") {
  // "\xE3\xD5\xD1" is "مصر" in windows-1256, invalid as UTF-8.
  const std::string page = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=Windows-1256\">"
                           "</head><body><p>\xE3\xD5\xD1</p></body></html>";
  CHECK_THROWS_WITH_AS(html(page),
                       "x.html: invalid UTF-8 at byte 102: the page declares charset windows-1256; convert it first "
                       "(iconv -f windows-1256 -t utf-8)",
                       pledgedb::InputError);
  // Without a declaration (or declaring UTF-8) the plain UTF-8 error is given.
  CHECK_THROWS_WITH_AS(html("<meta charset=utf-8><p>\xE3\xD5\xD1</p>"), "x.html: invalid UTF-8 at byte 23",
                       pledgedb::InputError);
}

TEST_CASE("flags override the page, pages without text are refused") {
  ReadOptions o;
  o.language = "en";
  o.published = pledgedb::Date(2020, 1, 1);
  const Document d = parse_document("<html lang=fr><meta name=date content=2024-01-01><p>x</p>", "x.html",
                                    InputFormat::html, o);
  CHECK(d.language == "en");
  CHECK(d.published->to_string() == "2020-01-01");
  CHECK_THROWS_WITH_AS(html("<html><head><title>T</title></head><body><nav>menu</nav><script>x</script></body></html>"),
                       "x.html: no text found in the HTML page", pledgedb::InputError);
}

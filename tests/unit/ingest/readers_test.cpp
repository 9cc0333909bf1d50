#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "pledgedb/error.hpp"
#include "pledgedb/ingest/readers.hpp"

namespace fs = std::filesystem;
using pledgedb::Document;
using pledgedb::InputError;
using pledgedb::InputFormat;
using pledgedb::ingest::format_for_path;
using pledgedb::ingest::parse_document;
using pledgedb::ingest::read_document;
using pledgedb::ingest::read_file_bytes;
using pledgedb::ingest::ReadOptions;

namespace {

const std::string fixtures = std::string(PLEDGEDB_FIXTURES) + "/readers/";

// The message a user sees when reading this file, or "" when it is accepted.
std::string read_error(const std::string& path, const ReadOptions& options = {}) {
  try {
    read_document(path, options);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

std::string md_error(const std::string& text) {
  try {
    parse_document(text, "a.md", InputFormat::md, ReadOptions{});
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

ReadOptions limit(std::size_t max_bytes) {
  ReadOptions o;
  o.max_bytes = max_bytes;
  return o;
}

// A private scratch folder, removed at the end of the test.
struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("pledgedb-readers-" + std::to_string(::getpid()));
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  std::string file(const std::string& name, const std::string& content) const {
    std::ofstream(path / name, std::ios::binary) << content;
    return (path / name).string();
  }
};

}  // namespace

TEST_CASE("the format follows the file extension") {
  CHECK(format_for_path("a.txt") == InputFormat::txt);
  CHECK(format_for_path("dir.v2/a.md") == InputFormat::md);
  CHECK(format_for_path("a.markdown") == InputFormat::md);
  CHECK(format_for_path("A.HTML") == InputFormat::html);
  CHECK(format_for_path("a.htm") == InputFormat::html);
  CHECK(format_for_path("a.json") == InputFormat::json);
  CHECK(format_for_path("a.ndjson") == InputFormat::json);
  CHECK_THROWS_WITH_AS(format_for_path("news/a.pdf"),
                       "news/a.pdf: unknown file type '.pdf' (expected .txt, .md, .markdown, .html, .htm, .json or .ndjson)",
                       InputError);
  CHECK_THROWS_WITH_AS(format_for_path("dir.d/README"),
                       "dir.d/README: no file extension to tell the format (expected .txt, .md, .markdown, .html, .htm, "
                       ".json or .ndjson)",
                       InputError);
}

TEST_CASE("plain text is kept byte for byte, only a BOM is dropped") {
  const Document d = read_document(fixtures + "plain_bom_crlf.txt", ReadOptions{});
  CHECK(d.format == InputFormat::txt);
  CHECK(d.path == fixtures + "plain_bom_crlf.txt");
  CHECK(d.text == "The fictional firm Keldor will hire 250 technicians by 2026.\r\nSecond line.\r\n");
  CHECK(d.title.empty());
  CHECK(d.language.empty());
  CHECK_FALSE(d.published.has_value());
}

TEST_CASE("Markdown front matter fills the metadata, the body keeps its markup") {
  const Document d = read_document(fixtures + "article_fr.md", ReadOptions{});
  CHECK(d.format == InputFormat::md);
  CHECK(d.title == "Voltaria : 1 200 emplois \"promis\" à Kénitra");
  CHECK(d.url == "https://courrier-gharb.example/eco/voltaria");
  CHECK(d.outlet == "Le Courrier du Gharb");
  CHECK(d.published->to_string() == "2024-03-05");
  CHECK(d.language == "fr");  // lang: fr-FR
  CHECK(d.text ==
        "# Voltaria s'installe à Kénitra\n\n"
        "La société fictive **Voltaria** s'engage à créer *1 200 emplois* d'ici fin 2027.\n");

  ReadOptions flags;
  flags.language = "ar";
  flags.published = pledgedb::Date(2024, 3, 6);
  const Document o = read_document(fixtures + "article_fr.md", flags);
  CHECK(o.language == "ar");
  CHECK(o.published->to_string() == "2024-03-06");
  CHECK(o.title == d.title);
}

TEST_CASE("front matter details") {
  auto md = [](const std::string& text) { return parse_document(text, "a.md", InputFormat::md, ReadOptions{}); };
  // A .txt may carry front matter too; CRLF lines, comments and odd spacing are fine.
  const Document t = parse_document("---\r\nTitle :  Plain  \r\n# a comment\r\ndate: 2024-02-29T08:00:00Z\r\n---\r\n\r\nBody\r\n",
                                    "a.txt", InputFormat::txt, ReadOptions{});
  CHECK(t.title == "Plain");
  CHECK(t.published->to_string() == "2024-02-29");
  CHECK(t.text == "Body\r\n");
  CHECK(md("---\ntitle: 'It''s here' # note\noutlet: Deal#5 # comment\n---\nx").title == "It's here");
  CHECK(md("---\ntitle: 'It''s here' # note\noutlet: Deal#5 # comment\n---\nx").outlet == "Deal#5");
  CHECK(md("---\nurl: https://a.example/x#frag\n---\nx").url == "https://a.example/x#frag");
  CHECK(md("---\ntitle:\nlanguage: EN\n---\nx").language == "en");
  // Without a front matter block the whole file is the body, "---" later on included.
  CHECK(md("Intro\n---\ntitle: no\n---\n").text == "Intro\n---\ntitle: no\n---\n");
}

TEST_CASE("broken front matter is refused with the file, line and field") {
  CHECK(read_error(fixtures + "unterminated_front_matter.md") ==
        fixtures + "unterminated_front_matter.md: front matter opened on line 1 is not closed by a '---' line");
  CHECK(read_error(fixtures + "impossible_date.md") ==
        fixtures + "impossible_date.md: front matter field 'published': '2023-02-30' is not a date");
  CHECK(md_error("---\ndate: 5 March 2024\n---\nx") == "a.md: front matter field 'date': '5 March 2024' is not a date");
  CHECK(md_error("---\ntitle: ok\njust words\n---\nx") ==
        "a.md: front matter line 3: expected 'key: value', got 'just words'");
  CHECK(md_error("---\ntitle: \"open\n---\nx") == "a.md: front matter line 2: the quoted value has no closing '\"'");
  CHECK(md_error("---\ntitle: \"a\" b\n---\nx") == "a.md: front matter line 2: unexpected 'b' after the quoted value");
  CHECK(md_error("---\nlang: français\n---\nx") ==
        "a.md: front matter field 'lang': 'français' is not a language code (like ar, fr, en)");
  CHECK(md_error("---\ntitle: only metadata\n---\n\n  \n") == "a.md: no text after the front matter");
}

TEST_CASE("files that cannot be documents are refused with a reason") {
  CHECK(read_error(fixtures + "no-such-file.txt") == fixtures + "no-such-file.txt: no such file");
  CHECK(read_error(fixtures + "empty.txt") == fixtures + "empty.txt: file is empty");
  CHECK(read_error(fixtures + "binary.txt") ==
        fixtures + "binary.txt: binary file (NUL byte at byte 8), expected UTF-8 text");
  CHECK(read_error(fixtures + "invalid_utf8.txt") == fixtures + "invalid_utf8.txt: invalid UTF-8 at byte 30");
  CHECK(read_error(fixtures + "page_fr.html", limit(1000)) ==
        fixtures + "page_fr.html: 1.8 KB is over the 1000 bytes limit (--max-bytes)");
  CHECK(read_error(fixtures + "page_fr.html", limit(1863)) == "");  // exactly the limit is fine

  TempDir tmp;
  fs::create_directories(tmp.path / "folder.txt");
  CHECK(read_error((tmp.path / "folder.txt").string()) == (tmp.path / "folder.txt").string() + ": is a directory, not a file");
  CHECK(read_error(tmp.file("blank.txt", " \n\t\n")) == (tmp.path / "blank.txt").string() + ": no text");
  CHECK(read_error(tmp.file("a.pdf", "x")) ==
        (tmp.path / "a.pdf").string() + ": unknown file type '.pdf' (expected .txt, .md, .markdown, .html, .htm, .json or .ndjson)");

  // 12.3 MB (sparse: nothing is written) is refused from its size alone.
  const std::string big = tmp.file("big.txt", "");
  fs::resize_file(big, static_cast<std::uintmax_t>(12.3 * 1024 * 1024));
  CHECK(read_error(big) == big + ": 12.3 MB is over the 10 MB limit (--max-bytes)");

  if (::geteuid() != 0) {  // root reads everything
    const std::string locked = tmp.file("locked.txt", "secret");
    fs::permissions(locked, fs::perms::none);
    CHECK(read_error(locked) == locked + ": cannot open: Permission denied");
  }
}

TEST_CASE("an annotated JSON file reads as its text and metadata, NDJSON is not one document") {
  const Document d = read_document(fixtures + "annotated_en.json", ReadOptions{});
  CHECK(d.format == InputFormat::json);
  CHECK(d.text.starts_with("Kenitra, 5 March 2024. The fictional battery maker Voltaria"));
  CHECK(d.url == "https://gharb-courier.example/business/voltaria-kenitra");
  CHECK(d.outlet == "Gharb Courier");
  CHECK(d.language == "en");
  CHECK(d.published->to_string() == "2024-03-05");
  TempDir tmp;
  CHECK(read_error(tmp.file("bad.json", "{\"text\": \"x\", \"agreements\": [{\"kind\": \"pact\"}]}")) ==
        (tmp.path / "bad.json").string() +
            ": agreements[0].kind: 'pact' is not one of mou, protocol, investment_agreement, convention, contract, "
            "announcement");
  CHECK(read_error(tmp.file("b.ndjson", "{}\n")) ==
        (tmp.path / "b.ndjson").string() + ": an NDJSON file holds many announcements, not one document");
  CHECK(read_file_bytes(fixtures + "annotated_en.json", 1 << 20).starts_with("{\n  \"id\""));
}

TEST_CASE("\"-\" reads stdin, guessing the format from the first bytes") {
  TempDir tmp;
  const std::string page = tmp.file("stdin.html", "  <html lang=en><body><p>From a pipe</p></body></html>");
  REQUIRE(std::freopen(page.c_str(), "rb", stdin));
  const Document d = read_document("-", ReadOptions{});
  CHECK(d.path == "-");
  CHECK(d.format == InputFormat::html);
  CHECK(d.text == "From a pipe");
  CHECK(d.language == "en");

  REQUIRE(std::freopen(page.c_str(), "rb", stdin));
  ReadOptions as_text;
  as_text.format = InputFormat::txt;  // --format wins over the guess
  CHECK(read_document("-", as_text).text == "  <html lang=en><body><p>From a pipe</p></body></html>");

  REQUIRE(std::freopen(page.c_str(), "rb", stdin));
  CHECK(read_error("-", limit(10)) == "<stdin>: more than 10 bytes, over the limit (--max-bytes)");

  REQUIRE(std::freopen(tmp.file("empty", "").c_str(), "rb", stdin));
  CHECK(read_error("-") == "<stdin>: file is empty");
}

// --- batches: NDJSON read one record at a time, group commit ---------------------------

#include "pledgedb/announcement_json.hpp"
#include "pledgedb/ingest/ingest.hpp"
#include "pledgedb/store/sources.hpp"
#include "support/temp_dir.hpp"

namespace {

std::string slurp_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string one_line(const std::string& fixture) {
  return pledgedb::to_json(pledgedb::announcement_from_json(
                               slurp_file(std::string(PLEDGEDB_FIXTURES) + "/ingest/" + fixture), fixture))
      .dump();
}

std::int64_t rows(pledgedb::store::Database& db, const std::string& table) {
  return db.sql().execAndGet("SELECT count(*) FROM " + table).getInt64();
}

}  // namespace

TEST_CASE("an NDJSON file larger than --max-bytes is read record by record, a failing record rolls back alone") {
  test::TempDb t;
  // Line 2 fails inside the store (a negative target violates a CHECK) after its source row was
  // written, in the same group as lines 1 and 3; line 4 is longer than --max-bytes.
  auto bad = pledgedb::announcement_from_json(slurp_file(std::string(PLEDGEDB_FIXTURES) + "/ingest/atlas-agadir-en.json"), "x");
  bad.agreements.at(0).commitments.at(0).target = -5;
  bad.text += " (restated)";
  const std::string l1 = one_line("atlas-casablanca-fr.json"), l2 = pledgedb::to_json(bad).dump(),
                    l3 = one_line("atlas-agadir-en.json");
  const std::size_t longest = std::max({l1.size(), l2.size(), l3.size()});
  const std::string l4 = "{\"text\": \"" + std::string(longest, 'x') + "\"}";
  const std::string path = t.tmp.file("batch.ndjson");
  std::ofstream(path, std::ios::binary) << l1 << "\n" << l2 << "\n\n" << l3 << "\r\n" << l4 << "\n";
  REQUIRE(fs::file_size(path) > longest + 10);

  pledgedb::ingest::IngestOptions o;
  o.max_bytes = longest + 10;  // the file is larger, every line but the last fits
  for (unsigned jobs : {1u, 2u}) {
    CAPTURE(jobs);
    test::TempDb run;
    o.jobs = jobs;
    std::vector<std::string> seen;
    const auto sum = pledgedb::ingest::ingest_paths(run.db, {path}, o, [&](const pledgedb::ingest::FileOutcome& f) {
      seen.push_back(f.name + (f.ok ? " ok" : " " + f.error));
    });
    CHECK(sum.inputs == 4);
    CHECK(sum.rejected == 2);
    REQUIRE(seen.size() == 4);
    CHECK(seen[0] == path + ":1 ok");
    CHECK(seen[1].rfind(path + ":2 " + path + ":2", 0) == 0);
    CHECK(seen[2] == path + ":4 ok");
    CHECK(seen[3] == path + ":5 " + path + ":5: a line of more than " + std::to_string(o.max_bytes) +
                         " bytes, over the limit (--max-bytes)");
    // Nothing of line 2 is left; lines 1 and 3 are stored and searchable.
    CHECK(rows(run.db, "source") == 2);
    CHECK(rows(run.db, "commitment_claim") ==
          rows(run.db, "commitment_claim c JOIN source s ON s.id = c.source_id"));
    CHECK(rows(run.db, "source_fts_docsize") == 2);
    CHECK(pledgedb::store::search_sources(run.db, "Agadir").size() == 1);
  }
}

TEST_CASE("a source stored in a group commit is indexed for search once the group commits, and alone outside one") {
  test::TempDb t;
  const std::string a = t.tmp.file("a.json"), b = t.tmp.file("b.json");
  std::ofstream(a) << one_line("atlas-casablanca-fr.json");
  std::ofstream(b) << one_line("atlas-agadir-en.json");
  pledgedb::ingest::ingest_paths(t.db, {a}, {});
  CHECK(pledgedb::store::search_sources(t.db, "Agadir").empty());
  const auto only = pledgedb::store::search_sources(t.db, "Casablanca");
  CHECK(only.size() == 1);
  // Outside a group (the library's one-announcement call) the source is indexed at once.
  const auto ann = pledgedb::announcement_from_json(slurp_file(b), b);
  pledgedb::ingest::ingest_announcement(t.db, ann, {b, "json", "0000000000000000000000000000000000000000000000000000000000000001"});
  CHECK(pledgedb::store::search_sources(t.db, "Agadir").size() == 1);
  // An uncommitted group is not searchable, and rolling it back leaves no index entry behind.
  {
    pledgedb::store::WriteGroup group(t.db);
    group.begin();
    auto again = ann;
    again.text += " Agadir again.";
    pledgedb::ingest::ingest_announcement(t.db, again, {b, "json", std::string(64, 'a')});
    CHECK(rows(t.db, "source") == 3);
    CHECK(pledgedb::store::search_sources(t.db, "again").empty());
  }
  CHECK(rows(t.db, "source") == 2);
  CHECK(rows(t.db, "source_fts_docsize") == 2);
}

// Hostile input: each case must end with a clear error naming the file and the problem, a
// non-zero exit, and a database whose logical content is unchanged.
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "support/run.hpp"

namespace {

// Every row of every user table, in a stable order: the database's logical content.
std::string logical_dump(const std::string& path) {
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  std::vector<std::string> tables;
  SQLite::Statement list(db,
                         "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                         "AND name NOT LIKE '%fts%' ORDER BY name");
  while (list.executeStep()) tables.push_back(list.getColumn(0).getString());
  std::string out;
  for (const auto& t : tables) {
    SQLite::Statement rows(db, "SELECT * FROM \"" + t + "\" ORDER BY 1");
    out += "#" + t + "\n";
    while (rows.executeStep()) {
      for (int i = 0; i < rows.getColumnCount(); ++i) out += rows.getColumn(i).getString() + "\x1f";
      out += "\n";
    }
  }
  return out;
}

// A database with one good announcement in it, so "unchanged" means something.
struct Seeded {
  test::Scratch s;
  std::string before;
  Seeded() {
    s.write("good.json", R"({"language":"en","published":"2025-03-01","text":"Acme will create 300 jobs in Agadir by 2027.",
      "agreements":[{"kind":"announcement","country":"MA","region":"Souss-Massa","parties":[{"name":"Acme","kind":"company","role":"investor"}],
      "commitments":[{"party":"Acme","metric":"jobs","target":300,"comparator":"exactly","unit":"jobs","deadline":"2027-12-31",
      "deadline_kind":"horizon","deadline_text":"by 2027","evidence":["Acme will create 300 jobs in Agadir by 2027"]}]}],"progress":[]})");
    REQUIRE(test::run(s, {"--db", s.db(), "init", "-q"}).code == 0);
    auto r = test::run(s, {"--db", s.db(), "ingest", "good.json", "-q"});
    REQUIRE_MESSAGE(r.code == 0, r.err);
    before = logical_dump(s.db());
  }
  // Ingests `name` (written with `content`), expecting a rejection that names the file.
  void rejects(const std::string& name, const std::string& content, const std::string& problem,
               std::vector<std::string> extra = {}) {
    s.write(name, content);
    std::vector<std::string> args = {"--db", s.db(), "ingest", name};
    args.insert(args.end(), extra.begin(), extra.end());
    auto r = test::run(s, args);
    CHECK(r.code != 0);
    CHECK_MESSAGE(r.err.find("error:") != std::string::npos, r.err);
    CHECK_MESSAGE(r.err.find(name) != std::string::npos, r.err);
    CHECK_MESSAGE(r.err.find(problem) != std::string::npos, "expected '" << problem << "' in: " << r.err);
    CHECK(logical_dump(s.db()) == before);
  }
};

std::string announcement_with(const std::string& agreement_fields, const std::string& commitment_fields,
                              const std::string& top = R"("language":"en","published":"2025-03-01")") {
  return "{" + top + R"(,"text":"Acme will create 300 jobs.","agreements":[{"kind":"announcement")" + agreement_fields +
         R"(,"parties":[{"name":"Acme","kind":"company","role":"investor"}],"commitments":[{"party":"Acme","metric":"jobs","comparator":"exactly")" +
         commitment_fields + R"(}]}],"progress":[]})";
}

// Sets an environment variable for the commands run in this scope.
struct EnvVar {
  std::string name;
  EnvVar(std::string n, const std::string& value) : name(std::move(n)) { setenv(name.c_str(), value.c_str(), 1); }
  ~EnvVar() { unsetenv(name.c_str()); }
};

std::int64_t page_count(const std::string& path) {
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  return db.execAndGet("PRAGMA page_count").getInt64();
}

// Makes a file unwritable even for root: `chattr +i` (immutable) where the file system allows
// it, else a plain chmod (enough for other users). Undone at the end of the scope.
struct Unwritable {
  std::filesystem::path file;
  bool immutable = false;
  explicit Unwritable(std::filesystem::path f) : file(std::move(f)) {
    const std::string q = test::shell_quote(file.string());
    immutable = std::system(("chattr +i " + q + " 2>/dev/null").c_str()) == 0;
    if (!immutable)
      std::filesystem::permissions(file, std::filesystem::perms::owner_read | std::filesystem::perms::group_read |
                                             std::filesystem::perms::others_read);
  }
  ~Unwritable() {
    if (immutable) (void)std::system(("chattr -i " + test::shell_quote(file.string())).c_str());
    std::error_code ec;
    std::filesystem::permissions(file, std::filesystem::perms::owner_all, ec);
  }
};

}  // namespace

TEST_CASE("hostile: invalid UTF-8 in a text file") {
  Seeded db;
  db.rejects("bad.txt", std::string("Acme will create 300 jobs\xC3\x28 here."), "UTF-8");
}

TEST_CASE("hostile: invalid UTF-8 in a Markdown body") {
  Seeded db;
  db.rejects("bad.md", "---\ntitle: x\n---\nAcme \xFF\xFE creates jobs.\n", "UTF-8");
}

TEST_CASE("hostile: overlong UTF-8 encoding") {
  Seeded db;
  db.rejects("overlong.txt", std::string("slash \xC0\xAF here"), "UTF-8");
}

TEST_CASE("hostile: NUL bytes") {
  Seeded db;
  db.rejects("nul.txt", std::string("Acme\0will create 300 jobs", 25), "NUL");
}

TEST_CASE("hostile: empty text file") {
  Seeded db;
  db.rejects("empty.txt", "", "empty");
}

TEST_CASE("hostile: empty JSON file") {
  Seeded db;
  db.rejects("empty.json", "", "empty");
}

TEST_CASE("hostile: binary file with a text extension") {
  Seeded db;
  // The PNG signature and the start of its header chunk (20 bytes, NULs included).
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
  db.rejects("image.txt", std::string(png, sizeof png - 1), "byte");
}

TEST_CASE("hostile: file over the size limit") {
  Seeded db;
  db.rejects("big.txt", std::string(5000, 'a'), "limit", {"--max-bytes", "1000"});
}

TEST_CASE("hostile: deeply nested JSON") {
  Seeded db;
  db.rejects("deep.json", std::string(100000, '[') + std::string(100000, ']'), "deep.json");
}

TEST_CASE("hostile: huge JSON (30,000 parties and pledges in one agreement)") {
  Seeded db;
  std::string parties, commitments;
  for (int i = 0; i < 30000; ++i) {
    parties += (i ? "," : "") + std::string(R"({"name":"Party )") + std::to_string(i) + R"(","kind":"company"})";
    commitments += (i ? "," : "") + std::string(R"({"party":"Party )") + std::to_string(i) + R"(","metric":"jobs"})";
  }
  db.rejects("huge.json",
             R"({"language":"en","text":"Acme will create jobs.","agreements":[{"kind":"announcement","parties":[)" + parties +
                 R"(],"commitments":[)" + commitments + "]}]}",
             "30000 items");
}

TEST_CASE("hostile: malformed JSON") {
  Seeded db;
  db.rejects("broken.json", R"({"language": "en", "text": "x",})", "broken.json");
}

TEST_CASE("hostile: JSON that is not an object") {
  Seeded db;
  db.rejects("array.json", "[1, 2, 3]", "array.json");
}

TEST_CASE("hostile: a target of 1e308") {
  Seeded db;
  db.rejects("huge.json", announcement_with("", R"(,"target":1e308)"), "target");
}

TEST_CASE("hostile: a target of 1e400, beyond a double") {
  Seeded db;
  db.rejects("overflow.json", announcement_with("", R"(,"target":1e400)"), "number overflow");
}

TEST_CASE("hostile: a target of 10^30 jobs") {
  Seeded db;
  db.rejects("absurd.json", announcement_with("", R"(,"target":1000000000000000000000000000000)"), "target");
}

TEST_CASE("hostile: a negative job count") {
  Seeded db;
  db.rejects("negative.json", announcement_with("", R"(,"target":-500)"), "target");
}

TEST_CASE("hostile: NaN as a target") {
  Seeded db;
  db.rejects("nan.json", announcement_with("", R"(,"target":NaN)"), "nan.json");
}

TEST_CASE("hostile: a target given as a string") {
  Seeded db;
  db.rejects("string-target.json", announcement_with("", R"(,"target":"500")"), "target");
}

TEST_CASE("hostile: 30 February") {
  Seeded db;
  db.rejects("feb30.json", announcement_with("", R"(,"target":5,"deadline":"2023-02-30")"), "2023-02-30");
}

TEST_CASE("hostile: year 99999") {
  Seeded db;
  db.rejects("y99999.json", announcement_with("", "", R"("language":"en","published":"99999-01-01")"), "99999");
}

TEST_CASE("hostile: a date that is not a date") {
  Seeded db;
  db.rejects("notadate.json", announcement_with(R"(,"signed_on":"yesterday")", R"(,"target":5)"), "yesterday");
}

TEST_CASE("hostile: SQL in an enumeration") {
  Seeded db;
  std::string bad = announcement_with("", R"(,"target":5)");
  const std::string metric = R"("metric":"jobs")";
  bad.replace(bad.find(metric), metric.size(), R"("metric":"jobs'); DROP TABLE source; --")");
  db.rejects("sql.json", bad, "metric");
}

TEST_CASE("hostile: SQL in a role") {
  Seeded db;
  std::string bad = announcement_with("", R"(,"target":5)");
  const std::string role = R"("role":"investor")";
  bad.replace(bad.find(role), role.size(), R"("role":"investor\" OR 1=1 --")");
  db.rejects("role.json", bad, "role");
}

TEST_CASE("hostile: a commitment by a party that is not in the agreement") {
  Seeded db;
  std::string bad = announcement_with("", R"(,"target":5)");
  const std::string party = R"("party":"Acme")";
  bad.replace(bad.find(party), party.size(), R"("party":"Nobody")");
  db.rejects("party.json", bad, "Nobody");
}

TEST_CASE("hostile: evidence that is not in the text") {
  Seeded db;
  db.rejects("evidence.json", announcement_with("", R"(,"target":5,"evidence":["words nowhere in the article"])"),
             "evidence");
}

TEST_CASE("hostile: invalid UTF-8 inside a JSON string") {
  Seeded db;
  db.rejects("utf8.json", std::string(R"({"language":"en","text":"Acme )") + "\xED\xA0\x80" + R"(","agreements":[]})",
             "utf8.json");
}

TEST_CASE("hostile: unterminated front matter") {
  Seeded db;
  db.rejects("fm.md", "---\ntitle: never closed\npublished: 2025-01-01\nAcme will create 300 jobs.\n", "front matter");
}

TEST_CASE("hostile: impossible date in front matter") {
  Seeded db;
  db.rejects("fmdate.md", "---\ntitle: x\npublished: 2023-02-30\n---\nAcme will create 300 jobs.\n", "2023-02-30");
}

TEST_CASE("hostile: a file that does not exist") {
  Seeded db;
  auto r = test::run(db.s, {"--db", db.s.db(), "ingest", "missing.md"});
  CHECK(r.code != 0);
  CHECK(r.err.find("missing.md") != std::string::npos);
  CHECK(logical_dump(db.s.db()) == db.before);
}

TEST_CASE("hostile: a dangling symbolic link") {
  Seeded db;
  std::filesystem::create_symlink(db.s.path("nowhere.md"), db.s.path("link.md"));
  auto r = test::run(db.s, {"--db", db.s.db(), "ingest", "link.md"});
  CHECK(r.code != 0);
  CHECK(r.err.find("link.md") != std::string::npos);
  CHECK(logical_dump(db.s.db()) == db.before);
}

TEST_CASE("hostile: an unsupported file type") {
  Seeded db;
  db.rejects("program.exe", "MZ\x90", "program.exe");
}

TEST_CASE("hostile: a directory given to extract") {
  test::Scratch s;
  std::filesystem::create_directories(s.path("folder"));
  auto r = test::run(s, {"extract", "folder"});
  CHECK(r.code == 1);
  CHECK(r.err.find("folder") != std::string::npos);
}

TEST_CASE("hostile: a database in a directory that does not exist") {
  test::Scratch s;
  auto r = test::run(s, {"--db", s.path("no/such/dir/x.db").string(), "init"});
  CHECK(r.code == 1);
  CHECK(r.err.find("no/such/dir") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(s.path("no")));
}

TEST_CASE("hostile: a database file that is not a database") {
  test::Scratch s;
  s.write("notadb.db", "this is plain text, not SQLite");
  auto r = test::run(s, {"--db", s.path("notadb.db").string(), "pledges"});
  CHECK(r.code == 1);
  CHECK(r.err.find("notadb.db") != std::string::npos);
  CHECK(test::slurp(s.path("notadb.db")) == "this is plain text, not SQLite");
}

TEST_CASE("hostile: an impossible --published date") {
  Seeded db;
  db.s.write("note.txt", "Acme will create 300 jobs in Agadir.");
  auto r = test::run(db.s, {"--db", db.s.db(), "ingest", "note.txt", "--published", "2023-02-30"});
  CHECK(r.code == 2);
  CHECK(r.err.find("2023-02-30") != std::string::npos);
  CHECK(logical_dump(db.s.db()) == db.before);
}

TEST_CASE("hostile: an impossible --as-of date") {
  Seeded db;
  auto r = test::run(db.s, {"--db", db.s.db(), "pledges", "--as-of", "2025-13-01"});
  CHECK(r.code == 2);
  CHECK(r.err.find("2025-13-01") != std::string::npos);
}

TEST_CASE("hostile: invalid UTF-8 on standard input") {
  test::Scratch s;
  const std::string input = "Acme will create \xF8\x88\x80\x80\x80 jobs";
  auto r = test::run(s, {"extract", "-", "--lang", "en"}, &input);
  CHECK(r.code == 1);
  CHECK(r.err.find("UTF-8") != std::string::npos);
}

TEST_CASE("hostile: markup and table pipes in names are escaped in every Markdown table") {
  test::Scratch s;
  const std::string name = "<b>Bold</b> | Pipe Co";
  s.write("pipe.json", R"({"language":"en","published":"2025-03-01","text":"Pipe will create 300 jobs.",
    "agreements":[{"kind":"announcement","title":"<i>deal</i> | x","country":"MA","parties":[{"name":")" + name +
                           R"(","kind":"company","role":"investor"}],
    "commitments":[{"party":")" + name + R"(","metric":"jobs","target":300,"unit":"jobs","deadline":"2026-12-31",
    "evidence":["Pipe will create 300 jobs."]}]}]})");
  REQUIRE(test::run(s, {"--db", s.db(), "init", "-q"}).code == 0);
  auto ing = test::run(s, {"--db", s.db(), "ingest", "pipe.json", "-q"});
  REQUIRE_MESSAGE(ing.code == 0, ing.err);
  for (const std::string cmd : {"pledges", "parties", "agreements"}) {
    auto md = test::run(s, {"--db", s.db(), "--as-of", "2025-06-01", "--format", "md", cmd});
    REQUIRE_MESSAGE(md.code == 0, md.err);
    CAPTURE(cmd);
    CHECK(md.out.find("<b>") == std::string::npos);
    CHECK(md.out.find("&lt;b&gt;Bold&lt;/b&gt; \\| Pipe Co") != std::string::npos);
    // Every row has as many cell separators as the header: no pipe broke out of its cell.
    std::size_t header_bars = 0, line_start = 0;
    for (std::size_t i = 0; i < md.out.size(); ++i) {
      if (md.out[i] != '\n') continue;
      const std::string line = md.out.substr(line_start, i - line_start);
      std::size_t bars = 0;
      for (std::size_t k = 0; k < line.size(); ++k)
        if (line[k] == '|' && (k == 0 || line[k - 1] != '\\')) ++bars;
      if (line_start == 0) header_bars = bars;
      else CHECK(bars == header_bars);
      line_start = i + 1;
    }
  }
}

TEST_CASE("hostile: markup in names is escaped, not executed") {
  test::Scratch s;
  s.write("xss.json", R"({"language":"en","published":"2025-03-01","text":"Evil will create 300 jobs.",
    "agreements":[{"kind":"announcement","title":"<img src=x onerror=alert(1)>","country":"MA","parties":[{"name":"<script>alert(1)</script>","kind":"company","role":"investor"}],
    "commitments":[{"party":"<script>alert(1)</script>","metric":"jobs","target":300,"comparator":"exactly","unit":"jobs","deadline":"2024-12-31",
    "deadline_kind":"horizon","evidence":["Evil will create 300 jobs."]}]}],"progress":[]})");
  REQUIRE(test::run(s, {"--db", s.db(), "init", "-q"}).code == 0);
  auto ing = test::run(s, {"--db", s.db(), "ingest", "xss.json", "-q"});
  REQUIRE_MESSAGE(ing.code == 0, ing.err);
  auto html = test::run(s, {"--db", s.db(), "--as-of", "2025-06-01", "report", "html", "-o", "r.html"});
  REQUIRE_MESSAGE(html.code == 0, html.err);
  const std::string page = test::slurp(s.path("r.html"));
  CHECK(page.find("<script>alert(1)</script>") == std::string::npos);
  CHECK(page.find("<img src=x") == std::string::npos);
  CHECK(page.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  auto md = test::run(s, {"--db", s.db(), "--as-of", "2025-06-01", "pledges", "--format", "md"});
  REQUIRE(md.code == 0);
  CHECK(md.out.find("<script>") == std::string::npos);
}

TEST_CASE("hostile: a 100,000-line document is read in one piece") {
  test::Scratch s;
  std::string big = "---\ntitle: long\npublished: 2025-01-01\nlanguage: en\n---\n";
  for (int i = 0; i < 100000; ++i) big += "Line of filler text without any pledge.\n";
  big += "Acme will create 300 jobs in Agadir by 2027.\n";
  s.write("long.md", big);
  REQUIRE(test::run(s, {"--db", s.db(), "init", "-q"}).code == 0);
  auto r = test::run(s, {"--db", s.db(), "ingest", "long.md"});
  CHECK_MESSAGE(r.code == 0, r.err);
  auto check = test::run(s, {"--db", s.db(), "db", "check"});
  CHECK(check.code == 0);
}

TEST_CASE("hostile: a bidi override in a party name from JSON is refused, naming the field") {
  Seeded db;
  std::string bad = announcement_with("", R"(,"target":5)");
  // U+202E RIGHT-TO-LEFT OVERRIDE: "Acme" followed by reversed text that would display as another name.
  for (const std::string from : {R"("name":"Acme")", R"("party":"Acme")"})
    bad.replace(bad.find(from), from.size(), from.substr(0, from.size() - 1) + "\u202Eoc dlroW\"");
  db.rejects("bidi.json", bad, "parties[0].name");
  CHECK(db.before.find("\u202E") == std::string::npos);
}

TEST_CASE("hostile: a bidi isolate in a commitment's party is refused") {
  Seeded db;
  std::string bad = announcement_with("", R"(,"target":5)");
  const std::string party = R"("party":"Acme")";
  bad.replace(bad.find(party), party.size(), "\"party\":\"Acme\u2067\"");
  db.rejects("isolate.json", bad, "U+2067");
}

TEST_CASE("hostile: a bidi override in front matter is refused, naming the file and the field") {
  Seeded db;
  db.rejects("outlet.md",
             "---\npublished: 2025-03-01\nlanguage: en\noutlet: Daily \u202Ewen\n---\n"
             "Acme will create 300 jobs in Agadir by 2027.\n",
             "outlet contains the invisible bidirectional control U+202E");
  db.rejects("title.md", "---\ntitle: Deal\u2066 signed\npublished: 2025-03-01\n---\nAcme will create 300 jobs.\n",
             "title contains");
}

TEST_CASE("hostile: a bidi override in an HTML title is refused, a title over two lines is not") {
  Seeded db;
  db.rejects("page.html",
             "<html><head><title>Acme \u202Eemca</title></head><body><p>Acme will create 300 jobs in Agadir by "
             "2027.</p></body></html>",
             "title contains the invisible bidirectional control U+202E");
  db.s.write("lines.html",
             "<html><head><meta property=\"og:title\" content=\"Acme\n\tplant\"></head><body><p>Acme will create 300 "
             "jobs in Agadir by 2027.</p></body></html>");
  auto r = test::run(db.s, {"--db", db.s.db(), "ingest", "lines.html", "-q"});
  CHECK_MESSAGE(r.code == 0, r.err);
}

TEST_CASE("hostile: a bidi override around a name in article text does not reach the party's name") {
  test::Scratch s;
  s.write("a.md", "---\npublished: 2025-03-01\nlanguage: en\n---\nThe group \u202EAcme Motors\u202C Inc will "
                  "create 800 jobs in Tangier by 2027.\n");
  auto r = test::run(s, {"extract", "a.md", "--format", "json"});
  REQUIRE_MESSAGE(r.code == 0, r.err);
  const auto j = nlohmann::json::parse(r.out);
  REQUIRE(!j["agreements"].empty());
  bool found = false;
  for (const auto& p : j["agreements"][0]["parties"]) {
    const std::string name = p["name"].get<std::string>();
    CHECK(name.find("\u202E") == std::string::npos);
    CHECK(name.find("\u202C") == std::string::npos);
    found = found || name.find("Acme Motors") != std::string::npos;
  }
  CHECK(found);
}

TEST_CASE("hostile: a terminal escape sequence in an agreement title") {
  Seeded db;
  db.rejects("escape.json", announcement_with(R"(,"title":"Deal \u001b[2J\u001b[31mhacked")", R"(,"target":5)"),
             "agreements[0].title");
}

TEST_CASE("hostile: a lone surrogate escaped in a JSON string") {
  Seeded db;
  db.rejects("surrogate.json", announcement_with(R"(,"title":"half \ud800 a pair")", R"(,"target":5)"),
             "surrogate.json");
}

TEST_CASE("hostile: a JSON file over the size limit") {
  Seeded db;
  db.rejects("large.json", announcement_with(R"(,"title":")" + std::string(4000, 'x') + "\"", R"(,"target":5)"),
             "limit", {"--max-bytes", "2000"});
}

TEST_CASE("hostile: a broken NDJSON line") {
  Seeded db;
  db.s.write("lines.ndjson", "\n{\"language\": \"en\", \"text\": \n");
  auto r = test::run(db.s, {"--db", db.s.db(), "ingest", "lines.ndjson"});
  CHECK(r.code != 0);
  CHECK_MESSAGE(r.err.find("lines.ndjson:2") != std::string::npos, r.err);
  CHECK(logical_dump(db.s.db()) == db.before);
}

TEST_CASE("hostile: an unreadable file") {
  Seeded db;
  db.s.write("secret.md", "---\ntitle: x\n---\nAcme will create 300 jobs.\n");
  std::filesystem::permissions(db.s.path("secret.md"), std::filesystem::perms::none);
  if (::geteuid() == 0) {
    // Permissions do not stop root: a file whose read fails (EIO) is what root can be given.
    std::filesystem::remove(db.s.path("secret.md"));
    std::filesystem::create_symlink("/proc/self/mem", db.s.path("secret.md"));
  }
  auto r = test::run(db.s, {"--db", db.s.db(), "ingest", "secret.md"});
  CHECK(r.code != 0);
  CHECK_MESSAGE(r.err.find("error:") != std::string::npos, r.err);
  CHECK_MESSAGE(r.err.find("secret.md") != std::string::npos, r.err);
  CHECK_MESSAGE((r.err.find("cannot open") != std::string::npos || r.err.find("read error") != std::string::npos),
                r.err);
  CHECK(logical_dump(db.s.db()) == db.before);
}

TEST_CASE("hostile: a directory without any document given to ingest") {
  Seeded db;
  std::filesystem::create_directories(db.s.path("empty-folder"));
  db.s.write("empty-folder/picture.png", "not a document");
  auto r = test::run(db.s, {"--db", db.s.db(), "ingest", "empty-folder"});
  CHECK(r.code != 0);
  CHECK_MESSAGE(r.err.find("error:") != std::string::npos, r.err);
  CHECK_MESSAGE(r.err.find("empty-folder") != std::string::npos, r.err);
  CHECK(logical_dump(db.s.db()) == db.before);
}

TEST_CASE("hostile: a full disk (PLEDGEDB_MAX_PAGE_COUNT) leaves the database intact") {
  Seeded db;
  db.s.write("more.json", R"({"language":"en","published":"2025-04-01","text":"Globex will create 900 jobs in Tangier by 2028.",
    "agreements":[{"kind":"announcement","country":"MA","parties":[{"name":"Globex","kind":"company","role":"investor"}],
    "commitments":[{"party":"Globex","metric":"jobs","target":900,"unit":"jobs","deadline":"2028-12-31",
    "evidence":["Globex will create 900 jobs in Tangier by 2028"]}]}]})" + std::string("\n"));
  // Pad the text so the new source needs pages the cap does not allow.
  std::string doc = test::slurp(db.s.path("more.json"));
  const std::string tail = " by 2028.\"";
  doc.replace(doc.find(tail), tail.size(), " by 2028." + std::string(20000, ' ') + "More text.\"");
  db.s.write("more.json", doc);
  {
    EnvVar cap("PLEDGEDB_MAX_PAGE_COUNT", std::to_string(page_count(db.s.db())));
    auto r = test::run(db.s, {"--db", db.s.db(), "ingest", "more.json"});
    CHECK(r.code != 0);
    CHECK_MESSAGE(r.err.find("error:") != std::string::npos, r.err);
    CHECK_MESSAGE(r.err.find("full") != std::string::npos, r.err);
    CHECK_MESSAGE(r.err.find("more.json") != std::string::npos, r.err);
  }
  CHECK(logical_dump(db.s.db()) == db.before);
  CHECK(test::run(db.s, {"--db", db.s.db(), "db", "check", "-q"}).code == 0);
  // With room again the same file goes in: nothing was left half-stored to block it.
  auto again = test::run(db.s, {"--db", db.s.db(), "ingest", "more.json", "-q"});
  CHECK_MESSAGE(again.code == 0, again.err);
  CHECK(logical_dump(db.s.db()) != db.before);
}

TEST_CASE("hostile: a bad PLEDGEDB_MAX_PAGE_COUNT is named") {
  Seeded db;
  EnvVar cap("PLEDGEDB_MAX_PAGE_COUNT", "lots");
  auto r = test::run(db.s, {"--db", db.s.db(), "ingest", "good.json"});
  CHECK(r.code != 0);
  CHECK_MESSAGE(r.err.find("PLEDGEDB_MAX_PAGE_COUNT") != std::string::npos, r.err);
}

TEST_CASE("hostile: a read-only database file") {
  Seeded db;
  db.s.write("note.txt", "Globex will create 900 jobs in Tangier by 2028.");
  {
    Unwritable lock(db.s.db());
    auto r = test::run(db.s, {"--db", db.s.db(), "ingest", "note.txt"});
    CHECK(r.code != 0);
    CHECK_MESSAGE(r.err.find("error:") != std::string::npos, r.err);
    CHECK_MESSAGE(r.err.find("read-only") != std::string::npos, r.err);
    CHECK_MESSAGE(r.err.find(db.s.db()) != std::string::npos, r.err);
    // Reading still works.
    auto q = test::run(db.s, {"--db", db.s.db(), "--as-of", "2025-06-01", "pledges"});
    CHECK_MESSAGE(q.code == 0, q.err);
  }
  CHECK(logical_dump(db.s.db()) == db.before);
}

// Parallel ingest on a generated corpus: --jobs 2 must store exactly what --jobs 1 stores.
// The generator (bench/pledgedb-gen) sits next to the binary in the build tree; without it
// (PLEDGEDB_BENCH=OFF) the test says so and checks nothing.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "support/run.hpp"

namespace {
std::filesystem::path generator() {
  return std::filesystem::path(PLEDGEDB_BIN).parent_path() / "bench" / "pledgedb-gen";
}
}  // namespace

TEST_CASE("ingest --jobs 2 and --jobs 1 give identical databases on 300 generated documents") {
  const auto gen = generator();
  if (!std::filesystem::exists(gen)) {
    MESSAGE("skipped: " << gen.string() << " not built (configure with -DPLEDGEDB_BENCH=ON)");
    return;
  }
  test::Scratch s;
  const auto corpus = s.path("corpus");
  const std::string cmd = test::shell_quote(gen.string()) + " --count 300 --seed 5 --out " +
                          test::shell_quote(corpus.string()) + " > /dev/null 2>&1";
  REQUIRE(std::system(cmd.c_str()) == 0);
  // Only the numbered folders: truth.ndjson is the generator's answer key, not an input.
  const std::string docs = (corpus / "0000").string();

  auto load = [&](const std::string& db, const std::string& jobs) {
    REQUIRE(test::run(s, {"--db", db, "init", "-q"}).code == 0);
    auto r = test::run(s, {"--db", db, "ingest", "--jobs", jobs, "-q", docs});
    INFO(r.err);
    CHECK((r.code == 0 || r.code == 3));  // 3: some documents had nothing to store
  };
  const std::string one = s.path("one.db").string(), two = s.path("two.db").string();
  load(one, "1");
  load(two, "2");

  const std::vector<std::vector<std::string>> views = {
      {"--format", "json", "agreements"},
      {"--format", "json", "--as-of", "2026-06-30", "pledges", "--limit", "0"},
      {"--format", "json", "progress", "list"},
  };
  for (const auto& view : views) {
    auto args = view;
    args.insert(args.begin(), {"--db", one});
    const auto a = test::run(s, args);
    args[1] = two;
    const auto b = test::run(s, args);
    INFO(view[view.size() > 4 ? 4 : 2]);
    REQUIRE(a.code == 0);
    REQUIRE(b.code == 0);
    CHECK(a.out.size() > 100);  // something was stored and listed
    CHECK(a.out == b.out);
  }
}

// A program outside the project that uses the installed library: dates, hashing and a real
// database (which needs the SQLite dependencies that find_package(pledgedb) brings along).
#include <pledgedb/date.hpp>
#include <pledgedb/sha256.hpp>
#include <pledgedb/store/database.hpp>

#include <cstdio>
#include <filesystem>
#include <string>

int main(int argc, char** argv) {
  int failures = 0;
  auto expect = [&](bool ok, const char* what) {
    if (!ok) {
      std::fprintf(stderr, "consumer: %s\n", what);
      ++failures;
    }
  };

  auto later = pledgedb::Date::parse("2024-02-29").add_years(4);
  std::printf("%s\n", later.to_string().c_str());
  expect(later.to_string() == "2028-02-29", "Date::add_years");

  expect(pledgedb::sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
         "sha256_hex");

  const auto dir = std::filesystem::path(argc > 1 ? argv[1] : ".");
  const auto path = (dir / "consumer.db").string();
  std::filesystem::remove(path);
  {
    auto db = pledgedb::store::Database::open(path);
    expect(db.schema_version() == pledgedb::store::Database::code_version(), "database migrated on open");
    expect(db.check().empty(), "fresh database passes check");
  }
  std::filesystem::remove(path);
  std::filesystem::remove(path + "-wal");
  std::filesystem::remove(path + "-shm");
  return failures == 0 ? 0 : 1;
}

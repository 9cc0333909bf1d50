#pragma once
// Scratch folders and databases for unit tests, removed at the end of the scope.
#include <filesystem>
#include <random>
#include <string>

#include "pledgedb/store/database.hpp"

namespace test {

struct TempDir {
  std::filesystem::path dir;
  TempDir() {
    static std::mt19937_64 rng{std::random_device{}()};
    dir = std::filesystem::temp_directory_path() / ("pledgedb-test-" + std::to_string(rng()));
    std::filesystem::create_directories(dir);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string file(const std::string& name) const { return (dir / name).string(); }
};

// A migrated database in its own folder; the connection closes before the folder goes.
struct TempDb {
  TempDir tmp;
  pledgedb::store::Database db{pledgedb::store::Database::open(tmp.file("t.db"))};
};

}  // namespace test

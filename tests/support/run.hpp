#pragma once
// Runs the real pledgedb binary for CLI tests and captures what a user would see.
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace test {

struct Result {
  int code = -1;
  std::string out;
  std::string err;
};

inline std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::string shell_quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) {
    if (c == '\'') q += "'\\''";
    else q += c;
  }
  return q + "'";
}

// A fresh scratch folder per test, removed at the end of the scope.
class Scratch {
 public:
  Scratch() {
    static std::mt19937_64 rng{std::random_device{}()};
    dir_ = std::filesystem::path(PLEDGEDB_SCRATCH) / ("t" + std::to_string(rng()));
    std::filesystem::create_directories(dir_);
  }
  ~Scratch() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
  const std::filesystem::path& dir() const { return dir_; }
  std::filesystem::path path(const std::string& name) const { return dir_ / name; }
  std::string db() const { return (dir_ / "test.db").string(); }
  void write(const std::string& name, const std::string& content) const {
    std::filesystem::create_directories((dir_ / name).parent_path());
    std::ofstream(dir_ / name, std::ios::binary) << content;
  }

 private:
  std::filesystem::path dir_;
};

// Runs `pledgedb ARGS` (args are shell-quoted one by one); stdin from `input` when given.
inline Result run(const Scratch& s, const std::vector<std::string>& args, const std::string* input = nullptr) {
  std::string cmd = std::string("cd ") + shell_quote(s.dir().string()) + " && NO_COLOR=1 " + shell_quote(PLEDGEDB_BIN);
  for (const auto& a : args) cmd += " " + shell_quote(a);
  auto out = s.path(".stdout"), err = s.path(".stderr"), in = s.path(".stdin");
  if (input) {
    std::ofstream(in, std::ios::binary) << *input;
    cmd += " < " + shell_quote(in.string());
  } else {
    cmd += " < /dev/null";
  }
  cmd += " > " + shell_quote(out.string()) + " 2> " + shell_quote(err.string());
  int status = std::system(cmd.c_str());
  Result r;
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = slurp(out);
  r.err = slurp(err);
  return r;
}

}  // namespace test

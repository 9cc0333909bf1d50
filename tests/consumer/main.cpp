// A program outside the project that uses the installed library.
#include <pledgedb/date.hpp>

#include <cstdio>

int main() {
  auto d = pledgedb::Date::parse("2024-02-29");
  auto later = d.add_years(4);
  std::printf("%s\n", later.to_string().c_str());
  return later.to_string() == "2028-02-29" ? 0 : 1;
}

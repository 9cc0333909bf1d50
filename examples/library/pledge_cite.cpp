// pledge_cite: a small program built on the pledgedb library (not the CLI). It reads
// announcements, extracts their pledges and prints each one with the exact words that state
// it and their byte offsets, so a reader can check every number against its sentence.
//
//   pledge_cite FILE... [--published YYYY-MM-DD]
#include <pledgedb/date.hpp>
#include <pledgedb/error.hpp>
#include <pledgedb/extract/extractor.hpp>
#include <pledgedb/ingest/readers.hpp>
#include <pledgedb/model.hpp>

#include <cstdio>
#include <string>
#include <vector>

namespace {

std::string number(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

void print_announcement(const std::string& path, const pledgedb::Announcement& a) {
  std::printf("%s (%s, published %s)\n", path.c_str(), a.language.c_str(),
              a.published ? a.published->to_string().c_str() : "unknown");
  for (const auto& agreement : a.agreements) {
    for (const auto& c : agreement.commitments) {
      std::printf("  %s pledges %s %s %s", c.party.c_str(), std::string(to_string(c.comparator)).c_str(),
                  c.target ? number(*c.target).c_str() : "(no figure)", c.unit.c_str());
      if (c.deadline) std::printf(" by %s", c.deadline->to_string().c_str());
      if (!c.deadline_text.empty()) std::printf(" (\"%s\")", c.deadline_text.c_str());
      if (!agreement.region_code.empty()) std::printf(" in %s", agreement.region_code.c_str());
      std::printf("\n");
      for (const auto& e : c.evidence) std::printf("    [%lld, %lld) \"%s\"\n", static_cast<long long>(e.start),
                                                    static_cast<long long>(e.end), e.text.c_str());
    }
  }
  for (const auto& p : a.progress)
    std::printf("  progress: %s reached %s %s as of %s\n", p.party.c_str(), number(p.value).c_str(), p.unit.c_str(),
                p.as_of ? p.as_of->to_string().c_str() : "unknown");
}

}  // namespace

int main(int argc, char** argv) {
  pledgedb::ingest::ReadOptions read;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--published" && i + 1 < argc) {
      read.published = pledgedb::Date::try_parse(argv[++i]);
      if (!read.published) {
        std::fprintf(stderr, "error: --published: '%s' is not a date (YYYY-MM-DD)\n", argv[i]);
        return 2;
      }
    } else {
      files.push_back(arg);
    }
  }
  if (files.empty()) {
    std::fprintf(stderr, "usage: pledge_cite FILE... [--published YYYY-MM-DD]\n");
    return 2;
  }
  int failures = 0;
  for (const auto& path : files) {
    try {
      const pledgedb::Document doc = pledgedb::ingest::read_document(path, read);
      print_announcement(path, pledgedb::extract::extract(doc));
    } catch (const pledgedb::Error& e) {  // names the file and the problem
      std::fprintf(stderr, "error: %s\n", e.what());
      ++failures;
    }
  }
  return failures == 0 ? 0 : 1;
}

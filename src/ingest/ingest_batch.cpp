// Batches: files, directories and stdin; parallel reading/extraction, one ordered writer.
#include <SQLiteCpp/Exception.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

#include "pledgedb/announcement_json.hpp"
#include "pledgedb/error.hpp"
#include "pledgedb/extract/extractor.hpp"
#include "pledgedb/ingest/ingest.hpp"
#include "pledgedb/ingest/readers.hpp"
#include "pledgedb/sha256.hpp"
#include "pledgedb/store/announcements.hpp"
#include "pledgedb/store/database.hpp"
#include "pledgedb/store/parties.hpp"
#include "pledgedb/store/regions.hpp"
#include "pledgedb/store/sources.hpp"

namespace pledgedb::ingest {

namespace fs = std::filesystem;

namespace {

std::string lower_extension(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

bool wanted_extension(const std::string& ext) {
  return ext == ".txt" || ext == ".md" || ext == ".markdown" || ext == ".html" || ext == ".htm" || ext == ".json" ||
         ext == ".ndjson";
}

// One unit to store: a document or one announcement of a JSON/NDJSON input.
struct Unit {
  std::string name;
  SourceInfo info;
  std::optional<Announcement> announcement;
  std::string error;  // set instead of announcement when it could not be prepared
};

std::string name_error(const std::string& name, const std::string& what) {
  // Library messages usually start with the file name already.
  if (what.rfind(name + ":", 0) == 0 || what.rfind(name + " ", 0) == 0) return what;
  return name + ": " + what;
}

std::string format_name(InputFormat f) {
  switch (f) {
    case InputFormat::txt: return "txt";
    case InputFormat::md: return "md";
    case InputFormat::html: return "html";
    case InputFormat::json: return "json";
  }
  return "txt";
}

InputFormat guess_format(std::string_view bytes) {
  std::size_t i = 0;
  while (i < bytes.size() && (bytes[i] == ' ' || bytes[i] == '\n' || bytes[i] == '\r' || bytes[i] == '\t')) ++i;
  const auto rest = bytes.substr(i);
  if (rest.rfind("{", 0) == 0) return InputFormat::json;
  if (rest.rfind("<", 0) == 0) return InputFormat::html;
  if (bytes.rfind("---", 0) == 0) return InputFormat::md;
  return InputFormat::txt;
}

// A failure of the database rather than of one document (disk full, read-only, I/O error,
// corruption, locked): the transaction rolled back and nothing after it can be stored either.
bool database_failed(const SQLite::Exception& e) {
  switch (e.getErrorCode() & 0xff) {
    case SQLITE_FULL:
    case SQLITE_READONLY:
    case SQLITE_IOERR:
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
    case SQLITE_CANTOPEN:
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_NOMEM:
      return true;
    default:
      return false;
  }
}

void apply_overrides(Announcement& a, const IngestOptions& o) {
  if (o.published) a.published = o.published;
  if (!o.language.empty()) a.language = o.language;
}

// Reads and prepares one input; never throws (errors become units with `error`).
std::vector<Unit> prepare(const std::string& path, const IngestOptions& options, const extract::Options& xopts) {
  std::vector<Unit> units;
  try {
    const std::string bytes = read_file_bytes(path, options.max_bytes);
    const std::string ext = lower_extension(path);
    const InputFormat format = path == "-" ? guess_format(bytes) : format_for_path(path);
    if (format == InputFormat::json && ext == ".ndjson") {
      std::size_t line_no = 0, pos = 0;
      while (pos < bytes.size()) {
        auto nl = bytes.find('\n', pos);
        if (nl == std::string::npos) nl = bytes.size();
        const std::string_view line(bytes.data() + pos, nl - pos);
        pos = nl + 1;
        ++line_no;
        if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
        Unit u;
        u.name = fmt::format("{}:{}", path, line_no);
        u.info = {path, "json", sha256_hex(line)};
        try {
          u.announcement = announcement_from_json(line, u.name);
          apply_overrides(*u.announcement, options);
        } catch (const std::exception& e) {
          u.error = name_error(u.name, e.what());
        }
        units.push_back(std::move(u));
      }
      if (units.empty()) units.push_back({path, {}, std::nullopt, path + ": no announcement in the file"});
      return units;
    }
    Unit u;
    u.name = path;
    u.info = {path, format_name(format), sha256_hex(bytes)};
    if (format == InputFormat::json) {
      u.announcement = announcement_from_json(bytes, path);
      apply_overrides(*u.announcement, options);
    } else {
      ReadOptions ro;
      ro.max_bytes = options.max_bytes;
      ro.language = options.language;
      ro.published = options.published;
      const Document doc = parse_document(bytes, path, format, ro);
      Announcement a = extract::extract(doc, xopts);
      if (a.url.empty()) a.url = doc.url;
      if (a.outlet.empty()) a.outlet = doc.outlet;
      if (a.title.empty()) a.title = doc.title;
      if (a.language.empty()) a.language = doc.language;
      if (!a.published) a.published = doc.published;
      if (a.text.empty()) a.text = doc.text;
      apply_overrides(a, options);
      u.announcement = std::move(a);
    }
    units.push_back(std::move(u));
  } catch (const std::exception& e) {
    units.clear();
    units.push_back({path, {}, std::nullopt, name_error(path, e.what())});
  }
  return units;
}

}  // namespace

namespace {

// Inputs one at a time: folders are walked depth first, each folder's entries sorted by name,
// so memory holds the entries of the folders on the current path, not every file of the batch.
class PathStream {
 public:
  explicit PathStream(const std::vector<std::string>& roots) : roots_(roots) {}

  std::optional<std::string> next() {
    for (;;) {
      if (!stack_.empty()) {
        auto& dir = stack_.back();
        if (dir.at == dir.entries.size()) {
          stack_.pop_back();
          continue;
        }
        auto [path, is_dir] = std::move(dir.entries[dir.at++]);
        if (is_dir) {
          push(path);
          continue;
        }
        return path;
      }
      if (root_ >= roots_.size()) return std::nullopt;
      const std::string& p = roots_[root_++];
      std::error_code ec;
      if (p != "-" && fs::is_directory(p, ec)) {
        push(p);
        continue;
      }
      return p;  // missing files are reported by the reader, naming them
    }
  }

 private:
  struct Dir {
    std::vector<std::pair<std::string, bool>> entries;  // path, is a folder
    std::size_t at = 0;
  };
  void push(const std::string& dir) {
    Dir d;
    std::error_code ec;
    for (auto it = fs::directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::directory_iterator(); it.increment(ec)) {
      std::error_code e2;
      // Like recursive_directory_iterator: symbolic links to folders are not followed.
      if (it->is_directory(e2) && !it->is_symlink(e2)) d.entries.emplace_back(it->path().string(), true);
      else if (it->is_regular_file(e2) && wanted_extension(lower_extension(it->path().string())))
        d.entries.emplace_back(it->path().string(), false);
    }
    std::sort(d.entries.begin(), d.entries.end());
    stack_.push_back(std::move(d));
  }

  const std::vector<std::string>& roots_;
  std::size_t root_ = 0;
  std::vector<Dir> stack_;
};

}  // namespace

std::vector<std::string> expand_paths(const std::vector<std::string>& paths) {
  std::vector<std::string> out;
  PathStream stream(paths);
  while (auto p = stream.next()) out.push_back(std::move(*p));
  return out;
}

BatchSummary ingest_paths(store::Database& db, const std::vector<std::string>& paths, const IngestOptions& options,
                          const std::function<void(const FileOutcome&)>& on_outcome) {
  PathStream files(paths);
  BatchSummary sum;
  // Regions must be in the database before agreements can point at them.
  if (!store::region_exists(db, "MA")) store::sync_regions(db);
  store::tune_for_batch(db);

  extract::Options xopts;
  xopts.language = options.language;
  xopts.published = options.published;
  for (const auto& p : store::list_parties(db)) {
    extract::KnownParty k;
    k.name = p.name;
    k.kind = parse_party_kind(p.kind).value_or(PartyKind::other);
    k.country = p.country;
    k.aliases = p.aliases;
    xopts.known_parties.push_back(std::move(k));
  }

  std::size_t done = 0;
  PartyCache cache;
  auto store_units = [&](std::vector<Unit>& units) {
    for (auto& u : units) {
      FileOutcome out;
      out.name = u.name;
      ++sum.inputs;
      if (u.announcement) {
        try {
          out.result = ingest_announcement(db, *u.announcement, u.info, &cache);
          out.ok = true;
        } catch (const DatabaseError& e) {
          // The database itself failed (read-only, locked past the retries): so would every later input.
          throw DatabaseError(name_error(u.name, e.what()) + "; stopped, the inputs after it were not attempted");
        } catch (const SQLite::Exception& e) {
          if (database_failed(e))
            throw DatabaseError(name_error(u.name, store::database_error(db.path(), e).what()) +
                                "; stopped, the inputs after it were not attempted");
          out.error = name_error(u.name, e.what());
        } catch (const std::exception& e) {
          out.error = name_error(u.name, e.what());
        }
      } else {
        out.error = u.error;
      }
      if (out.ok) {
        if (out.result.unchanged) ++sum.unchanged;
        sum.new_agreements += out.result.new_agreements.size();
        sum.merged += out.result.merged_agreements.size();
        sum.progress += out.result.progress;
        sum.unlinked += out.result.unlinked.size();
      } else {
        ++sum.rejected;
      }
      out.done = ++done;
      if (on_outcome) on_outcome(out);
    }
  };

  const unsigned jobs = std::max(1u, options.jobs);
  if (jobs == 1) {
    while (auto f = files.next()) {
      auto units = prepare(*f, options, xopts);
      store_units(units);
    }
    return sum;
  }

  // Workers take the next input (in walk order) at most `window` ahead of the writer, which
  // stores in input order: the database is the same as with one job.
  const std::size_t window = 2 * static_cast<std::size_t>(jobs);
  std::mutex mu;
  std::condition_variable cv;
  std::map<std::size_t, std::vector<Unit>> ready;
  std::size_t next_claim = 0, written = 0;
  std::optional<std::size_t> total;  // known once the walk is over
  bool stop = false;
  std::vector<std::thread> workers;
  for (unsigned w = 0; w < jobs; ++w) {
    workers.emplace_back([&] {
      for (;;) {
        std::size_t i;
        std::string path;
        {
          std::unique_lock lock(mu);
          cv.wait(lock, [&] { return stop || total || next_claim < written + window; });
          if (stop || total) return;
          auto f = files.next();
          if (!f) {
            total = next_claim;
            cv.notify_all();
            return;
          }
          i = next_claim++;
          path = std::move(*f);
        }
        auto units = prepare(path, options, xopts);
        {
          std::lock_guard lock(mu);
          ready.emplace(i, std::move(units));
        }
        cv.notify_all();
      }
    });
  }
  try {
    for (std::size_t i = 0;; ++i) {
      std::vector<Unit> units;
      {
        std::unique_lock lock(mu);
        cv.wait(lock, [&] { return ready.count(i) > 0 || (total && i >= *total); });
        if (!ready.count(i)) break;
        units = std::move(ready[i]);
        ready.erase(i);
      }
      store_units(units);
      {
        std::lock_guard lock(mu);
        written = i + 1;
      }
      cv.notify_all();
    }
  } catch (...) {
    {
      std::lock_guard lock(mu);
      stop = true;
    }
    cv.notify_all();
    for (auto& t : workers) t.join();
    throw;
  }
  for (auto& t : workers) t.join();
  return sum;
}

}  // namespace pledgedb::ingest

// Batches: files, directories and stdin; parallel reading/extraction, one ordered writer.
#include <SQLiteCpp/Exception.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <memory>
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

// One input to prepare: a file, or one record (line) of an NDJSON file read by the walk.
struct Task {
  std::string path;
  std::size_t line = 0;  // NDJSON: the line number (from 1); 0 = the whole file
  std::string record;    // NDJSON: the line's bytes
  std::string error;     // the walk could not read it (a line over --max-bytes, a read error)
};

// Reads and prepares one input; never throws (errors become units with `error`).
Unit prepare(const Task& task, const IngestOptions& options, const extract::Options& xopts) {
  const std::string& path = task.path;
  Unit u;
  u.name = task.line ? fmt::format("{}:{}", path, task.line) : path;
  if (!task.error.empty()) {
    u.error = task.error;
    return u;
  }
  try {
    if (task.line) {
      u.info = {path, "json", sha256_hex(task.record)};
      u.announcement = announcement_from_json(task.record, u.name);
      apply_overrides(*u.announcement, options);
      return u;
    }
    const std::string bytes = read_file_bytes(path, options.max_bytes);
    const InputFormat format = path == "-" ? guess_format(bytes) : format_for_path(path);
    if (format == InputFormat::json && lower_extension(path) == ".ndjson") {
      // The walk opens NDJSON files itself; it gets here only when it could not open it.
      throw InputError(fmt::format("{}: cannot open", path));
    }
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
  } catch (const std::exception& e) {
    u.announcement.reset();
    u.error = name_error(u.name, e.what());
  }
  return u;
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

// NDJSON lines one at a time from a file, each at most max_bytes (a longer one is skipped to
// its end and reported), so that memory does not grow with the size of the file.
class LineReader {
 public:
  LineReader(std::FILE* f, std::size_t max_bytes) : f_(f), max_(max_bytes) {}
  enum class Got { line, too_long, eof, error };
  Got next(std::string& line) {
    line.clear();
    bool too_long = false, any = false;
    for (;;) {
      if (at_ == end_) {
        if (std::feof(f_) || std::ferror(f_)) break;
        end_ = std::fread(buf_.data(), 1, buf_.size(), f_);
        at_ = 0;
        if (end_ == 0) break;
      }
      any = true;
      const char* start = buf_.data() + at_;
      const auto* nl = static_cast<const char*>(std::memchr(start, '\n', end_ - at_));
      const std::size_t n = nl ? static_cast<std::size_t>(nl - start) : end_ - at_;
      if (!too_long) {
        if (line.size() + n > max_) {
          too_long = true;
          line.clear();
        } else {
          line.append(start, n);
        }
      }
      at_ += n;
      if (nl) {
        ++at_;
        return too_long ? Got::too_long : Got::line;
      }
    }
    if (std::ferror(f_)) return Got::error;
    if (!any) return Got::eof;
    return too_long ? Got::too_long : Got::line;  // the last line without its newline
  }

 private:
  std::FILE* f_;
  std::size_t max_;
  std::vector<char> buf_ = std::vector<char>(1 << 20);
  std::size_t at_ = 0, end_ = 0;
};

// The walk's inputs as tasks: a file, or one line of an NDJSON file (read here, in walk order,
// one line at a time: --max-bytes applies to each record, not to the file).
class TaskStream {
 public:
  TaskStream(const std::vector<std::string>& roots, std::size_t max_bytes) : files_(roots), max_bytes_(max_bytes) {}

  std::optional<Task> next() {
    for (;;) {
      if (nd_) {
        Task t;
        t.path = nd_path_;
        switch (lines_->next(t.record)) {
          case LineReader::Got::line:
            ++nd_line_;
            if (t.record.find_first_not_of(" \t\r") == std::string::npos) continue;
            ++nd_records_;
            t.line = nd_line_;
            return t;
          case LineReader::Got::too_long:
            ++nd_line_;
            ++nd_records_;
            t.line = nd_line_;
            t.record.clear();
            t.error = fmt::format("{}:{}: a line of more than {} bytes, over the limit (--max-bytes)", nd_path_,
                                  nd_line_, max_bytes_);
            return t;
          case LineReader::Got::error:
            t.error = fmt::format("{}: read error after line {}: {}", nd_path_, nd_line_, std::strerror(errno));
            close();
            return t;
          case LineReader::Got::eof: {
            const bool none = nd_records_ == 0, empty = nd_line_ == 0;
            close();
            if (none) {
              t.error = t.path + (empty ? ": file is empty" : ": no announcement in the file");
              return t;
            }
            continue;
          }
        }
      }
      auto f = files_.next();
      if (!f) return std::nullopt;
      if (*f != "-" && lower_extension(*f) == ".ndjson") {
        std::error_code ec;
        if (fs::is_regular_file(*f, ec)) {
          nd_.reset(std::fopen(f->c_str(), "rb"));
          if (nd_) {
            nd_path_ = *f;
            nd_line_ = nd_records_ = 0;
            lines_ = std::make_unique<LineReader>(nd_.get(), max_bytes_);
            continue;
          }
        }
        // Missing, a folder, unreadable: the reader says which, naming the file.
      }
      return Task{*f, 0, {}, {}};
    }
  }

 private:
  void close() {
    lines_.reset();
    nd_.reset();
  }
  PathStream files_;
  std::size_t max_bytes_;
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> nd_{nullptr, &std::fclose};
  std::unique_ptr<LineReader> lines_;
  std::string nd_path_;
  std::size_t nd_line_ = 0, nd_records_ = 0;
};

}  // namespace

std::vector<std::string> expand_paths(const std::vector<std::string>& paths) {
  std::vector<std::string> out;
  PathStream stream(paths);
  while (auto p = stream.next()) out.push_back(std::move(*p));
  return out;
}

std::shared_ptr<const extract::KnownPartyIndex> known_party_index(store::Database& db) {
  std::vector<extract::KnownParty> known;
  for (const auto& p : store::list_parties(db)) {
    extract::KnownParty k;
    k.name = p.name;
    k.kind = parse_party_kind(p.kind).value_or(PartyKind::other);
    k.country = p.country;
    k.aliases = p.aliases;
    known.push_back(std::move(k));
  }
  return extract::index_known_parties(known);
}

BatchSummary ingest_paths(store::Database& db, const std::vector<std::string>& paths, const IngestOptions& options,
                          const std::function<void(const FileOutcome&)>& on_outcome) {
  TaskStream tasks(paths, options.max_bytes);
  BatchSummary sum;
  // Regions must be in the database before agreements can point at them.
  if (!store::region_exists(db, "MA")) store::sync_regions(db);
  store::tune_for_batch(db);

  extract::Options xopts;
  xopts.language = options.language;
  xopts.published = options.published;
  // Indexed once for the whole batch, not once per document (bench/RESULTS.md).
  xopts.known_index = known_party_index(db);

  // Group commit (docs/ingest.md): the sources stored within ~200 ms (at most group_max of them)
  // share one transaction, each in a savepoint of its own, so one source is still all or nothing
  // and a failing one rolls back alone. Outcomes are reported once their group is committed.
  using Clock = std::chrono::steady_clock;
  constexpr auto group_time = std::chrono::milliseconds(200);
  constexpr std::size_t group_max = 1000;
  store::WriteGroup group(db);
  Clock::time_point group_start{};
  std::vector<FileOutcome> pending;
  std::size_t done = 0;
  auto emit = [&](FileOutcome& out) {
    out.done = ++done;
    if (on_outcome) on_outcome(out);
  };
  auto flush = [&] {
    group.commit();
    for (auto& o : pending) emit(o);
    pending.clear();
  };
  // The database failed while storing `name`: keep the group's earlier sources when the
  // transaction survived, and say what was lost when it did not.
  auto database_failure = [&](const std::string& name, const std::string& what) -> DatabaseError {
    std::string lost;
    if (!pending.empty()) {
      bool kept = false;
      if (group.alive()) {
        try {
          flush();
          kept = true;
        } catch (const std::exception&) {
        }
      }
      if (!kept)
        lost = fmt::format("; the {} input(s) stored before it since the last commit ({} to {}) were rolled back with it",
                           pending.size(), pending.front().name, pending.back().name);
    }
    group.rollback();
    return DatabaseError(name_error(name, what) + lost + "; stopped, the inputs after it were not attempted");
  };

  PartyCache cache;
  auto store_unit = [&](Unit& u) {
    FileOutcome out;
    out.name = u.name;
    ++sum.inputs;
    if (u.announcement) {
      try {
        if (!group.open()) {
          group.begin();
          group_start = Clock::now();
        }
        out.result = ingest_announcement(db, *u.announcement, u.info, &cache);
        out.ok = true;
      } catch (const DatabaseError& e) {
        // The database itself failed (read-only, locked past the retries): so would every later input.
        throw database_failure(u.name, e.what());
      } catch (const SQLite::Exception& e) {
        if (database_failed(e)) throw database_failure(u.name, store::database_error(db.path(), e).what());
        out.error = name_error(u.name, e.what());
      } catch (const std::exception& e) {
        out.error = name_error(u.name, e.what());
      }
      if (group.open() && !group.alive()) throw database_failure(u.name, "the write transaction was rolled back");
    } else {
      out.error = u.error;
    }
    if (out.ok) {
      if (out.result.unchanged) ++sum.unchanged;
      sum.new_agreements += out.result.new_agreements.size();
      sum.merged += out.result.merged_agreements.size();
      sum.progress += out.result.progress;
      for (const auto& u : out.result.unlinked) ++(u.kept ? sum.waiting : sum.unlinked);
    } else {
      ++sum.rejected;
    }
    if (group.open()) {
      pending.push_back(std::move(out));
      if (pending.size() >= group_max || Clock::now() - group_start >= group_time) flush();
    } else {
      emit(out);
    }
  };

  const unsigned jobs = std::max(1u, options.jobs);
  if (jobs == 1) {
    while (auto t = tasks.next()) {
      auto unit = prepare(*t, options, xopts);
      store_unit(unit);
    }
    flush();
    return sum;
  }

  // Workers take the next input (in walk order) at most `window` ahead of the writer, which
  // stores in input order: the database is the same as with one job.
  const std::size_t window = 8 * static_cast<std::size_t>(jobs);
  std::mutex mu;
  std::condition_variable cv;
  std::map<std::size_t, Unit> ready;
  std::size_t next_claim = 0, written = 0;
  std::optional<std::size_t> total;  // known once the walk is over
  bool stop = false;
  std::vector<std::thread> workers;
  for (unsigned w = 0; w < jobs; ++w) {
    workers.emplace_back([&] {
      for (;;) {
        std::size_t i;
        Task task;
        {
          std::unique_lock lock(mu);
          cv.wait(lock, [&] { return stop || total || next_claim < written + window; });
          if (stop || total) return;
          std::optional<Task> t;
          try {
            t = tasks.next();
          } catch (...) {
            t.reset();
          }
          if (!t) {
            total = next_claim;
            cv.notify_all();
            return;
          }
          i = next_claim++;
          task = std::move(*t);
        }
        Unit unit = prepare(task, options, xopts);
        bool wake;
        {
          std::lock_guard lock(mu);
          wake = i == written;  // the writer waits for this one
          ready.emplace(i, std::move(unit));
        }
        if (wake) cv.notify_all();
      }
    });
  }
  try {
    for (std::size_t i = 0;; ++i) {
      std::optional<Unit> unit;
      bool commit_first = false;
      {
        std::unique_lock lock(mu);
        auto here = [&] { return ready.count(i) > 0 || (total && i >= *total); };
        // Waiting for a worker while the group is open keeps the write lock from other processes:
        // commit when the group's time is up.
        if (group.open() && !cv.wait_until(lock, group_start + group_time, here)) commit_first = true;
        if (!commit_first) {
          cv.wait(lock, here);
          if (!ready.count(i)) break;
          unit = std::move(ready[i]);
          ready.erase(i);
        }
      }
      if (commit_first) {
        flush();
        --i;  // wait for the same input again, without an open group
        continue;
      }
      store_unit(*unit);
      {
        std::lock_guard lock(mu);
        written = i + 1;
      }
      cv.notify_all();
    }
    flush();
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

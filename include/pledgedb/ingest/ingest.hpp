#pragma once
// Storing announcements: one source with all its facts per transaction, parties and regions
// resolved, every article about the same agreement merged into one agreement (docs/ingest.md).
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pledgedb/date.hpp"
#include "pledgedb/model.hpp"
#include "pledgedb/store/database.hpp"

namespace pledgedb::extract {
class KnownPartyIndex;
}

namespace pledgedb::ingest {

struct SourceInfo {
  std::string path;    // as given ("-" = stdin)
  std::string format;  // txt, md, html, json
  std::string sha256;  // of the raw bytes as read
};

// A progress statement that matched no commitment. A dated one naming its party is `kept` in
// pending_progress and linked when a pledge it reports on is ingested; others are not stored.
struct UnlinkedProgress {
  std::string party;
  Metric metric = Metric::jobs;
  double value = 0;
  std::optional<Date> as_of;
  std::string reason;
  bool kept = false;
};

struct IngestResult {
  bool unchanged = false;  // a source with the same SHA-256 is already stored: nothing done
  std::int64_t source_id = 0;
  std::vector<std::int64_t> new_agreements;
  std::vector<std::int64_t> merged_agreements;  // existing agreements this source now also supports
  std::size_t progress = 0;                     // observations stored (earlier waiting ones linked now included)
  std::vector<UnlinkedProgress> unlinked;
};

// Derived alias keys kept across the sources of a batch so that resolving a name costs a few
// lookups instead of a scan of every alias. Optional; one per database connection.
class PartyCache {
 public:
  PartyCache();
  ~PartyCache();
  PartyCache(const PartyCache&) = delete;
  PartyCache& operator=(const PartyCache&) = delete;
  struct Impl;
  std::unique_ptr<Impl> impl;
};

// Stores one source and everything it says in ONE write transaction (all or nothing).
// Throws InputError/DatabaseError (and SQLite exceptions) with nothing stored.
IngestResult ingest_announcement(store::Database& db, const Announcement& a, const SourceInfo& info,
                                 PartyCache* cache = nullptr);

struct IngestOptions {
  std::optional<Date> published;  // overrides the documents' publication date
  std::string language;           // overrides the documents' language
  unsigned jobs = 1;              // reader/extractor threads; storing stays in input order
  std::size_t max_bytes = 10 * 1024 * 1024;
};

// The outcome of one input (a file, stdin, or one line of an NDJSON file: "<file>:<line>").
struct FileOutcome {
  std::string name;
  bool ok = false;
  std::string error;  // when !ok: the problem, naming the file
  IngestResult result;
  std::size_t done = 0;  // inputs finished so far (for progress display)
};

struct BatchSummary {
  std::size_t inputs = 0;
  std::size_t new_agreements = 0, merged = 0, progress = 0, unchanged = 0, rejected = 0;
  std::size_t unlinked = 0;  // progress statements matching no pledge and not stored
  std::size_t waiting = 0;   // progress statements matching no pledge yet, kept until one is ingested
};

// Expands directories (recursively, depth first, each folder's entries sorted by path; files
// with extensions .txt .md .markdown .html .htm .json .ndjson; symbolic links to folders are not
// followed); files named explicitly are kept whatever their extension. ingest_paths walks the
// same way one input at a time, without holding the whole list.
std::vector<std::string> expand_paths(const std::vector<std::string>& paths);

// Ingests files, directories and "-" (stdin). .json/.ndjson announcements are stored as they are
// (validated, never re-extracted); other documents are read, extracted and stored. A failing input
// never loses the others. With jobs > 1 reading and extraction run in worker threads while one
// writer stores in input order, so the database ends identical to jobs = 1; a bounded window
// keeps memory independent of the number of files. `on_outcome` runs on the calling thread.
BatchSummary ingest_paths(store::Database& db, const std::vector<std::string>& paths, const IngestOptions& options,
                          const std::function<void(const FileOutcome&)>& on_outcome = {});

// The parties stored in `db` with their aliases, indexed for extract::Options::known_index: the
// extractor then recognises spellings learnt from earlier sources (ingest and `extract --db`).
std::shared_ptr<const extract::KnownPartyIndex> known_party_index(store::Database& db);

// --- resolution helpers (resolve.cpp), pure ---------------------------------------------

// Initials of the significant words (articles, prepositions and "and" words skipped), upper case:
// "Agence Marocaine de Développement des Investissements et des Exportations" -> "AMDIE".
// "" when fewer than 2 significant words.
std::string acronym_of(std::string_view name);
// One word of 2..10 letters, all capitals (Latin): "AMDIE", "UPL".
bool looks_like_acronym(std::string_view name);
// "United Phosphorous Limited (UPL)" -> {"United Phosphorous Limited", "UPL"}; the name itself
// and "" when there is no trailing parenthesis.
std::pair<std::string, std::string> split_parenthetical(std::string_view name);
// The folded name without trailing legal/corporate designators and without spaces:
// "Grasim Industries Limited" and "Grasim" -> "grasim", "China Wu Yi" and "China Wuyi" -> "chinawuyi".
// "" when fewer than 4 bytes remain (too short to match on).
std::string company_core_key(std::string_view name);
// Programs are compatible when unknown on one side or when the words of one are all in the other
// ("Investment Charter" and "New Investment Charter").
bool programs_compatible(std::string_view a, std::string_view b);
// A consonant skeleton shared by Latin and Arabic spellings of a name: each consonant maps to a
// class letter (b/p/v->B, t/ط/ت->T, ...), vowels and ا و ي (matres lectionis) are dropped,
// doubled classes collapse, spaces vanish ("Onepoint" and "وان بوينت" -> "NBNT"). See docs/ingest.md.
std::string consonant_skeleton(std::string_view name);

// --- merge scoring (merge.cpp), pure ----------------------------------------------------

struct Pledge {
  Pledge() = default;
  Pledge(Metric m, std::optional<double> t, std::optional<Date> d, std::string u = {}, Comparator c = Comparator::exactly)
      : metric(m), target(t), deadline(d), unit(std::move(u)), comparator(c) {}
  Metric metric = Metric::other;
  std::optional<double> target;
  std::optional<Date> deadline;
  std::string unit;                          // "MAD", "USD", "jobs"... ("" unknown)
  Comparator comparator = Comparator::exactly;  // "more than", "about", "up to" widen the value
};
struct MergeFacts {
  std::optional<Date> signed_on;
  std::optional<Date> first_published, last_published;
  std::string region_code;  // "" unknown
  std::string program;      // "" unknown
  std::vector<Pledge> pledges;
};
enum class RegionRelation { same, unknown, nested, different };
struct MergeScore {
  bool compatible = false;  // region and program compatible, dates not contradicting hard
  int score = 0;
  bool match = false;       // compatible && score >= merge_threshold
};
inline constexpr int merge_threshold = 2;
// What the caller knows about the other candidates: `sole_in_region` = the existing agreement is
// the only one of this investor in this (sub-national) region with a pledge of a metric the
// incoming one also pledges.
struct MergeContext {
  bool sole_in_region = false;
};
// Signals (docs/ingest.md, "Merging agreements"): signed within 45 days +2 / signed both known and
// farther -3; else publications within 120 days +1 / farther -2; a pledge overlap (same metric and
// amounts agreeing, see pledges_agree, or same metric and same deadline year) +2; the same known
// region +1; an undated side whose investor has only this agreement in this sub-national region
// with a pledge of the same metric +1.
MergeScore score_merge(const MergeFacts& existing, const MergeFacts& incoming, RegionRelation region,
                       const MergeContext& context = {});
// Both signing dates known and more than 45 days apart: score_merge can then never match (the
// dates count -3; a pledge overlap and the same region +3 at most; neither side is undated), so
// the merger rules such a candidate out from its own columns, before reading its pledges.
bool signings_rule_out_merge(const std::optional<Date>& existing_signed, const std::optional<Date>& incoming_signed);
// Whether score_merge looks at MergeContext::sole_in_region for these facts (one side undated):
// the caller counts the investor's agreements in the region only then.
bool sole_in_region_counts(const MergeFacts& existing, const MergeFacts& incoming);
// Targets within 10% of the larger.
bool targets_close(double a, double b);
// Two statements of one pledge's amount: the same metric, and values that agree once the
// comparators are read as ranges (at_least N = [N, 1.5N], about N = [0.85N, 1.15N], up_to N =
// [N/1.5, N], exactly N = N) within 10% of the larger; money in two different known currencies is
// first converted to US dollars with approximate_usd and must agree within 25% (exchange rates move
// and outlets round). A money amount and a non-money amount never agree.
bool pledges_agree(const Pledge& a, const Pledge& b);
// Approximate US dollars per unit of an ISO 4217 currency (also "DH", "Ksh", "Rs", "$", "€"...);
// nullopt for an unknown unit. Coarse on purpose: only used with a wide tolerance.
std::optional<double> approximate_usd(std::string_view unit);

}  // namespace pledgedb::ingest

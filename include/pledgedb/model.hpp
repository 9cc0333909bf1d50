#pragma once
// The announcement model: what one source says (DESIGN §6, shared/corpus/FORMAT.md).
// `extract` produces it, `ingest` stores it, `eval` compares it with annotations.
// Optional text fields are empty strings when unknown (null in JSON).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pledgedb/date.hpp"

namespace pledgedb {

enum class Metric { jobs, investment, training, capacity, other };
enum class Comparator { at_least, exactly, about, up_to };
enum class DeadlineKind { none, absolute, horizon, relative };
enum class AgreementKind { mou, protocol, investment_agreement, convention, contract, announcement };
enum class PartyKind { company, ministry, agency, government, region, person, other };
enum class Role { investor, signatory, government, agency, beneficiary, partner };
enum class AnnouncementKind { announcement, progress, both, none };
enum class ManualStatus { cancelled, withdrawn, suspended };

// Names as written in JSON and in the database ("at_least", "investment_agreement"...).
std::string_view to_string(Metric);
std::string_view to_string(Comparator);
std::string_view to_string(DeadlineKind);
std::string_view to_string(AgreementKind);
std::string_view to_string(PartyKind);
std::string_view to_string(Role);
std::string_view to_string(AnnouncementKind);
std::string_view to_string(ManualStatus);
// Exact names only; std::nullopt for anything else.
std::optional<Metric> parse_metric(std::string_view);
std::optional<Comparator> parse_comparator(std::string_view);
std::optional<DeadlineKind> parse_deadline_kind(std::string_view);
std::optional<AgreementKind> parse_agreement_kind(std::string_view);
std::optional<PartyKind> parse_party_kind(std::string_view);
std::optional<Role> parse_role(std::string_view);
std::optional<AnnouncementKind> parse_announcement_kind(std::string_view);
std::optional<ManualStatus> parse_manual_status(std::string_view);

// The exact words of a source that state a fact. start/end are UTF-8 byte offsets into the
// source's original text (text == source.substr(start, end - start)); -1 when unknown.
struct Evidence {
  std::string text;
  std::int64_t start = -1;
  std::int64_t end = -1;
};

struct Milestone {
  std::optional<Date> due;
  double target = 0;
  std::string text;  // the words that state it
};

struct Commitment {
  std::string party;  // one of the agreement's parties[].name
  Metric metric = Metric::other;
  std::optional<double> target;  // fully expanded (1.5 billion -> 1500000000); none for qualitative pledges
  Comparator comparator = Comparator::exactly;
  std::string unit;       // jobs, engineers, MAD, USD, EUR...
  std::string qualifier;  // "Moroccan engineers", "direct jobs"
  std::optional<Date> start;
  std::optional<Date> deadline;
  std::string deadline_text;  // exact words, in the article's language
  DeadlineKind deadline_kind = DeadlineKind::none;
  std::vector<Milestone> milestones;
  double confidence = 1.0;  // 0..1
  std::vector<Evidence> evidence;
};

struct PartyRef {
  std::string name;
  PartyKind kind = PartyKind::other;
  std::string country;  // ISO 3166-1 alpha-2
  Role role = Role::partner;
  std::string representative;
  std::string title;
};

struct Agreement {
  std::string title;
  AgreementKind kind = AgreementKind::announcement;
  std::optional<Date> signed_on;
  std::string place;        // city where signed
  std::string country;      // ISO 3166-1 alpha-2 of the project location
  std::string region_code;  // ISO 3166-2 of the first-level region, e.g. MA-06
  std::string region;       // display name, e.g. Casablanca-Settat
  std::string city;
  std::string sector;
  std::string program;  // canonical program name, e.g. Digital Morocco 2030
  std::vector<PartyRef> parties;
  std::vector<Commitment> commitments;
  double confidence = 1.0;
  std::vector<Evidence> evidence;  // words that state the agreement itself (kind, signing)
};

struct ProgressStatement {
  std::string story;  // annotation only
  std::string party;
  Metric metric = Metric::jobs;
  std::optional<Date> as_of;
  double value = 0;
  std::string unit;
  double confidence = 1.0;
  std::vector<Evidence> evidence;
};

struct Distractor {
  std::string text;
  std::string why;
};

struct Announcement {
  std::string id;
  std::string url;
  std::string outlet;
  std::string language;  // ar, fr, en, es...
  std::string title;
  std::optional<Date> published;
  std::string story;  // annotation only: same value = same agreement
  std::optional<AnnouncementKind> kind;
  std::string text;  // the article body, exactly as stored (evidence offsets point into it)
  std::vector<Agreement> agreements;
  std::vector<ProgressStatement> progress;
  std::vector<Distractor> distractors;
};

}  // namespace pledgedb

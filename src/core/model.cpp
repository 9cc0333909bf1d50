#include "pledgedb/model.hpp"

#include <array>
#include <utility>

namespace pledgedb {

namespace {

template <typename E, std::size_t N>
using Names = std::array<std::pair<E, std::string_view>, N>;

constexpr Names<Metric, 5> metric_names{{{Metric::jobs, "jobs"},
                                         {Metric::investment, "investment"},
                                         {Metric::training, "training"},
                                         {Metric::capacity, "capacity"},
                                         {Metric::other, "other"}}};
constexpr Names<Comparator, 4> comparator_names{{{Comparator::at_least, "at_least"},
                                                 {Comparator::exactly, "exactly"},
                                                 {Comparator::about, "about"},
                                                 {Comparator::up_to, "up_to"}}};
constexpr Names<DeadlineKind, 4> deadline_kind_names{{{DeadlineKind::none, "none"},
                                                      {DeadlineKind::absolute, "absolute"},
                                                      {DeadlineKind::horizon, "horizon"},
                                                      {DeadlineKind::relative, "relative"}}};
constexpr Names<AgreementKind, 6> agreement_kind_names{{{AgreementKind::mou, "mou"},
                                                        {AgreementKind::protocol, "protocol"},
                                                        {AgreementKind::investment_agreement, "investment_agreement"},
                                                        {AgreementKind::convention, "convention"},
                                                        {AgreementKind::contract, "contract"},
                                                        {AgreementKind::announcement, "announcement"}}};
constexpr Names<PartyKind, 7> party_kind_names{{{PartyKind::company, "company"},
                                                {PartyKind::ministry, "ministry"},
                                                {PartyKind::agency, "agency"},
                                                {PartyKind::government, "government"},
                                                {PartyKind::region, "region"},
                                                {PartyKind::person, "person"},
                                                {PartyKind::other, "other"}}};
constexpr Names<Role, 6> role_names{{{Role::investor, "investor"},
                                     {Role::signatory, "signatory"},
                                     {Role::government, "government"},
                                     {Role::agency, "agency"},
                                     {Role::beneficiary, "beneficiary"},
                                     {Role::partner, "partner"}}};
constexpr Names<AnnouncementKind, 4> announcement_kind_names{{{AnnouncementKind::announcement, "announcement"},
                                                              {AnnouncementKind::progress, "progress"},
                                                              {AnnouncementKind::both, "both"},
                                                              {AnnouncementKind::none, "none"}}};
constexpr Names<ManualStatus, 3> manual_status_names{{{ManualStatus::cancelled, "cancelled"},
                                                      {ManualStatus::withdrawn, "withdrawn"},
                                                      {ManualStatus::suspended, "suspended"}}};

template <typename E, std::size_t N>
std::string_view name_of(const Names<E, N>& names, E e) {
  for (const auto& [v, n] : names)
    if (v == e) return n;
  return "?";
}

template <typename E, std::size_t N>
std::optional<E> value_of(const Names<E, N>& names, std::string_view s) {
  for (const auto& [v, n] : names)
    if (n == s) return v;
  return std::nullopt;
}

}  // namespace

std::string_view to_string(Metric e) { return name_of(metric_names, e); }
std::string_view to_string(Comparator e) { return name_of(comparator_names, e); }
std::string_view to_string(DeadlineKind e) { return name_of(deadline_kind_names, e); }
std::string_view to_string(AgreementKind e) { return name_of(agreement_kind_names, e); }
std::string_view to_string(PartyKind e) { return name_of(party_kind_names, e); }
std::string_view to_string(Role e) { return name_of(role_names, e); }
std::string_view to_string(AnnouncementKind e) { return name_of(announcement_kind_names, e); }
std::string_view to_string(ManualStatus e) { return name_of(manual_status_names, e); }

std::optional<Metric> parse_metric(std::string_view s) { return value_of(metric_names, s); }
std::optional<Comparator> parse_comparator(std::string_view s) { return value_of(comparator_names, s); }
std::optional<DeadlineKind> parse_deadline_kind(std::string_view s) { return value_of(deadline_kind_names, s); }
std::optional<AgreementKind> parse_agreement_kind(std::string_view s) { return value_of(agreement_kind_names, s); }
std::optional<PartyKind> parse_party_kind(std::string_view s) { return value_of(party_kind_names, s); }
std::optional<Role> parse_role(std::string_view s) { return value_of(role_names, s); }
std::optional<AnnouncementKind> parse_announcement_kind(std::string_view s) {
  return value_of(announcement_kind_names, s);
}
std::optional<ManualStatus> parse_manual_status(std::string_view s) { return value_of(manual_status_names, s); }

}  // namespace pledgedb

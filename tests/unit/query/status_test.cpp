#include <doctest/doctest.h>

#include "pledgedb/error.hpp"
#include "pledgedb/query/status.hpp"

using namespace pledgedb;
using namespace pledgedb::query;

namespace {
Date d(const char* s) { return Date::parse(s); }

CommitmentFacts jobs(double target, const char* start, const char* deadline) {
  CommitmentFacts f;
  f.target = target;
  f.comparator = Comparator::at_least;
  if (start) f.start = d(start);
  if (deadline) f.deadline = d(deadline);
  return f;
}
void observe(CommitmentFacts& f, const char* as_of, double value, std::string src = "") {
  f.observations.push_back({d(as_of), value, std::move(src)});
}
}  // namespace

TEST_CASE("status names round-trip and nothing else parses") {
  for (auto s : {Status::met, Status::overdue, Status::overdue_no_data, Status::on_track, Status::behind,
                 Status::no_data, Status::open, Status::cancelled, Status::withdrawn, Status::suspended})
    CHECK(parse_status(to_string(s)) == s);
  CHECK_FALSE(parse_status("late").has_value());
  CHECK_FALSE(parse_status("MET").has_value());
}

TEST_CASE("a deadline equal to the as-of date is not overdue - the day after it is") {
  auto f = jobs(1000, "2020-01-01", "2024-12-31");
  auto on_day = compute_status(f, d("2024-12-31"));
  CHECK(on_day.status == Status::no_data);
  CHECK(on_day.days_to_deadline == 0);
  CHECK(on_day.due_soon);
  auto next = compute_status(f, d("2025-01-01"));
  CHECK(next.status == Status::overdue_no_data);
  CHECK(next.days_to_deadline == -1);  // crossing the year end
  CHECK_FALSE(next.due_soon);
  CHECK(next.shortfall == 1000.0);
}

TEST_CASE("the latest observation counts, never the sum") {
  auto f = jobs(1000, "2022-01-01", "2026-01-01");
  observe(f, "2023-01-01", 300);
  observe(f, "2024-01-01", 500, "https://a.example/2024");
  observe(f, "2023-06-01", 400);
  auto r = compute_status(f, d("2024-06-01"));
  CHECK(r.latest_value == 500.0);
  CHECK(r.latest_as_of == d("2024-01-01"));
  CHECK(r.latest_source == "https://a.example/2024");
  CHECK(r.percent == doctest::Approx(50.0));
  CHECK(r.shortfall == 500.0);
  CHECK(r.status != Status::met);  // 300+500+400 would have been >= 1000
}

TEST_CASE("observations after the as-of date are ignored") {
  auto f = jobs(100, "2022-01-01", "2025-01-01");
  observe(f, "2023-01-01", 40);
  observe(f, "2024-06-01", 120);
  auto before = compute_status(f, d("2024-05-31"));
  CHECK(before.latest_value == 40.0);
  CHECK_FALSE(before.met_on.has_value());
  auto after = compute_status(f, d("2024-06-01"));
  CHECK(after.status == Status::met);
  CHECK(after.met_on == d("2024-06-01"));
  CHECK_FALSE(after.met_late);
}

TEST_CASE("met exactly on the deadline is not late - met after it is flagged met_late") {
  auto f = jobs(500, "2021-01-01", "2024-02-29");
  observe(f, "2024-02-29", 500);
  auto r = compute_status(f, d("2025-01-01"));
  CHECK(r.status == Status::met);
  CHECK_FALSE(r.met_late);
  CHECK(r.shortfall == 0.0);

  auto g = jobs(500, "2021-01-01", "2024-02-29");
  observe(g, "2023-01-01", 200);
  observe(g, "2024-03-02", 650);
  auto before = compute_status(g, d("2024-02-29"));
  CHECK(before.status == Status::behind);
  auto mid = compute_status(g, d("2024-03-01"));
  CHECK(mid.status == Status::overdue);
  CHECK(mid.days_to_deadline == -1);  // 2024-02-29 -> 2024-03-01 is one day in a leap year
  auto late = compute_status(g, d("2024-03-02"));
  CHECK(late.status == Status::met);
  CHECK(late.met_late);
  CHECK(late.percent == doctest::Approx(130.0));
}

TEST_CASE("linear pace decides on_track versus behind (90% of expected)") {
  // 2024 is a leap year: 366 days from 2024-01-01 to 2025-01-01.
  auto f = jobs(366, "2024-01-01", "2025-01-01");
  observe(f, "2024-06-01", 120);
  auto t = d("2024-07-01");  // 182 days elapsed -> expected 182
  auto r = compute_status(f, t);
  REQUIRE(r.expected.has_value());
  CHECK(*r.expected == doctest::Approx(182.0));
  CHECK(r.status == Status::behind);  // 120 < 0.9 * 182

  auto g = jobs(366, "2024-01-01", "2025-01-01");
  observe(g, "2024-06-01", 164);  // >= 163.8
  CHECK(compute_status(g, t).status == Status::on_track);
}

TEST_CASE("milestones set the pace instead of the straight line") {
  auto f = jobs(1000, "2024-01-01", "2028-01-01");
  f.milestones.push_back({d("2025-01-01"), 800});
  observe(f, "2024-12-01", 500);
  // Straight line would expect ~250 at 2025-01-01; the milestone asks 800.
  auto r = compute_status(f, d("2025-01-01"));
  CHECK(*r.expected == doctest::Approx(800.0));
  CHECK(r.status == Status::behind);
  // Between the milestone and the deadline the pace runs from 800 to 1000.
  auto mid = expected_at(1000.0, d("2024-01-01"), d("2028-01-01"), f.milestones, d("2026-07-02"));
  CHECK(*mid == doctest::Approx(900.0).epsilon(0.01));
  // Before the start nothing is owed.
  CHECK(*expected_at(1000.0, d("2024-01-01"), d("2028-01-01"), f.milestones, d("2023-01-01")) == 0.0);
}

TEST_CASE("without a start, milestones are steps and a lone deadline gives no pace") {
  std::vector<PaceMilestone> ms{{d("2025-01-01"), 300}, {d("2026-01-01"), 600}};
  CHECK(*expected_at(1000.0, std::nullopt, d("2027-01-01"), ms, d("2024-12-31")) == 0.0);
  CHECK(*expected_at(1000.0, std::nullopt, d("2027-01-01"), ms, d("2025-06-01")) == 300.0);
  CHECK(*expected_at(1000.0, std::nullopt, d("2027-01-01"), ms, d("2026-01-01")) == 600.0);
  CHECK_FALSE(expected_at(1000.0, std::nullopt, d("2027-01-01"), {}, d("2025-06-01")).has_value());

  auto f = jobs(1000, nullptr, "2027-01-01");
  observe(f, "2025-01-01", 10);
  CHECK(compute_status(f, d("2025-06-01")).status == Status::on_track);  // cannot judge: not behind
}

TEST_CASE("no deadline is open - no target cannot be met by numbers") {
  auto f = jobs(100, "2024-01-01", nullptr);
  CHECK(compute_status(f, d("2030-01-01")).status == Status::open);
  observe(f, "2025-01-01", 150);
  CHECK(compute_status(f, d("2030-01-01")).status == Status::met);

  CommitmentFacts q;  // qualitative: "start production by 2026"
  q.deadline = d("2026-12-31");
  CHECK(compute_status(q, d("2026-01-01")).status == Status::no_data);
  CHECK(compute_status(q, d("2027-01-01")).status == Status::overdue_no_data);
  CHECK_FALSE(compute_status(q, d("2027-01-01")).shortfall.has_value());
}

TEST_CASE("manual statuses override everything") {
  auto f = jobs(100, "2020-01-01", "2021-01-01");
  observe(f, "2020-06-01", 200);
  f.manual_status = ManualStatus::withdrawn;
  auto r = compute_status(f, d("2025-01-01"));
  CHECK(r.status == Status::withdrawn);
  CHECK(r.met_on == d("2020-06-01"));  // the numbers are still reported
  f.manual_status = ManualStatus::suspended;
  f.observations.clear();
  auto s = compute_status(f, d("2020-12-01"));
  CHECK(s.status == Status::suspended);
  CHECK_FALSE(s.due_soon);
}

TEST_CASE("claims dated after T do not count - revisions raise flags") {
  auto f = jobs(800, "2022-01-01", "2027-12-31");  // compiled from both claims
  f.claims.push_back({d("2022-01-01"), 1000.0, d("2025-12-31"), std::nullopt, false, 1.0, std::nullopt});
  f.claims.push_back({d("2025-06-01"), 800.0, d("2027-12-31"), std::nullopt, false, 1.0, std::nullopt});

  auto early = compute_status(f, d("2024-01-01"));
  CHECK(early.target == 1000.0);
  CHECK(early.deadline == d("2025-12-31"));
  CHECK_FALSE(early.rescheduled);
  CHECK_FALSE(early.downsized);

  StatusOptions year;
  year.due_soon_days = 365;
  auto gap = compute_status(f, d("2025-03-01"), year);  // only the first claim known: due soon
  CHECK(gap.due_soon);
  CHECK(gap.days_to_deadline == 305);

  auto now = compute_status(f, d("2026-01-01"));
  CHECK(now.target == 800.0);
  CHECK(now.deadline == d("2027-12-31"));
  CHECK(now.rescheduled);
  CHECK(now.downsized);
  CHECK_FALSE(now.upsized);
  CHECK(now.status == Status::no_data);

  CHECK_FALSE(known_at(f, d("2021-12-31")));
  CHECK(known_at(f, d("2022-01-01")));
}

TEST_CASE("a manual claim wins over newer sources") {
  CommitmentFacts f = jobs(50, "2022-01-01", "2026-01-01");
  f.claims.push_back({d("2022-01-01"), 40.0, std::nullopt, std::nullopt, true, 1.0, std::nullopt});
  f.claims.push_back({d("2023-01-01"), 70.0, std::nullopt, std::nullopt, false, 1.0, std::nullopt});
  f.claims.push_back({d("2030-01-01"), 90.0, std::nullopt, std::nullopt, false, 1.0, std::nullopt});  // hidden
  auto r = compute_status(f, d("2024-01-01"));
  CHECK(r.target == 40.0);
  CHECK(r.upsized);
}

TEST_CASE("projected completion follows the pace so far") {
  auto f = jobs(1000, "2024-01-01", "2026-01-01");
  observe(f, "2024-04-10", 100);  // 100 jobs in 100 days -> 900 more days
  auto r = compute_status(f, d("2024-05-01"));
  REQUIRE(r.projected.has_value());
  CHECK(*r.projected == d("2024-04-10").add_days(900));
  auto none = jobs(1000, "2024-01-01", "2026-01-01");
  CHECK_FALSE(compute_status(none, d("2024-05-01")).projected.has_value());
  observe(none, "2024-03-01", 0);
  CHECK_FALSE(compute_status(none, d("2024-05-01")).projected.has_value());
}

TEST_CASE("due_soon covers the window after T and not met pledges") {
  auto f = jobs(10, "2024-01-01", "2025-06-29");
  StatusOptions o;
  o.due_soon_days = 180;
  CHECK(compute_status(f, d("2024-12-31"), o).due_soon);  // 180 days
  CHECK_FALSE(compute_status(f, d("2024-12-30"), o).due_soon);  // 181 days
  observe(f, "2024-06-01", 10);
  CHECK_FALSE(compute_status(f, d("2024-12-31"), o).due_soon);
}

TEST_CASE("windows accept days, weeks, months and years") {
  CHECK(parse_window_days("180d", d("2025-01-01")) == 180);
  CHECK(parse_window_days("90", d("2025-01-01")) == 90);
  CHECK(parse_window_days("2w", d("2025-01-01")) == 14);
  CHECK(parse_window_days("1m", d("2024-02-01")) == 29);
  CHECK(parse_window_days("1y", d("2024-01-01")) == 366);
  CHECK_THROWS_AS(parse_window_days("six months", d("2025-01-01")), InputError);
  CHECK_THROWS_AS(parse_window_days("10x", d("2025-01-01")), InputError);
  CHECK_THROWS_AS(parse_window_days("", d("2025-01-01")), InputError);
}

TEST_CASE("two reports of one announcement worded differently are not a reschedule") {
  // "within four years" (2029-07-22) and "by 2029" (a year horizon) published the same week.
  auto f = jobs(500, "2025-07-22", "2029-07-22");
  f.claims.push_back({d("2025-07-22"), 500.0, d("2029-07-22"), std::nullopt, false, 1.0, pledgedb::DeadlineKind::relative});
  f.claims.push_back({d("2025-07-24"), 500.0, d("2029-12-31"), std::nullopt, false, 1.0, pledgedb::DeadlineKind::horizon});
  auto r = compute_status(f, d("2026-01-01"));
  CHECK_FALSE(r.rescheduled);
  CHECK_FALSE(r.downsized);
  // A statement a year later that moves the deadline to 2031 is one.
  f.claims.push_back({d("2026-09-01"), 500.0, d("2031-12-31"), std::nullopt, false, 1.0, pledgedb::DeadlineKind::horizon});
  CHECK(compute_status(f, d("2026-10-01")).rescheduled);
}

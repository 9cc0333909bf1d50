#include <doctest/doctest.h>

#include "pledgedb/date.hpp"
#include "pledgedb/error.hpp"
#include "pledgedb/model.hpp"

using pledgedb::Date;

TEST_CASE("dates parse strictly and round-trip") {
  CHECK(Date::parse("2025-07-22").to_string() == "2025-07-22");
  CHECK(Date::parse("2024-02-29").day() == 29);
  CHECK_THROWS_AS(Date::parse("2023-02-29"), pledgedb::InputError);
  CHECK_THROWS_AS(Date::parse("2023-02-30"), pledgedb::InputError);
  CHECK_THROWS_AS(Date::parse("99999-01-01"), pledgedb::InputError);
  CHECK_THROWS_AS(Date::parse("2023-1-01"), pledgedb::InputError);
  CHECK_FALSE(Date::try_parse("2023-13-01").has_value());
}

TEST_CASE("calendar arithmetic never snaps to whole years") {
  CHECK(Date::parse("2025-07-22").add_years(4).to_string() == "2029-07-22");
  CHECK(Date::parse("2024-02-29").add_years(1).to_string() == "2025-02-28");
  CHECK(Date::parse("2024-02-29").add_years(4).to_string() == "2028-02-29");
  CHECK(Date::parse("2025-01-31").add_months(1).to_string() == "2025-02-28");
  CHECK(Date::parse("2025-12-31").add_days(1).to_string() == "2026-01-01");
  CHECK(pledgedb::days_between(Date::parse("2024-01-01"), Date::parse("2025-01-01")) == 366);
  CHECK(Date::from_days(Date::parse("1999-12-31").days()).to_string() == "1999-12-31");
}

TEST_CASE("enumeration names round-trip") {
  CHECK(pledgedb::to_string(pledgedb::Comparator::at_least) == "at_least");
  CHECK(pledgedb::parse_agreement_kind("investment_agreement") == pledgedb::AgreementKind::investment_agreement);
  CHECK_FALSE(pledgedb::parse_metric("jobs; DROP TABLE x").has_value());
}

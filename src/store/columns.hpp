#pragma once
// Reading and binding nullable values: one place for how the store maps NULL to the model
// (empty string, std::nullopt) and back.
#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>

#include <optional>
#include <string>
#include <string_view>

#include "pledgedb/date.hpp"

namespace pledgedb::store::columns {

inline std::optional<Date> date_of(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return Date::try_parse(std::string_view(c.getText(), static_cast<std::size_t>(c.getBytes())));
}
inline std::string text_of(const SQLite::Column& c) { return c.isNull() ? std::string() : c.getString(); }

inline void bind_text(SQLite::Statement& st, int i, const std::string& s) {
  if (s.empty()) st.bind(i);
  else st.bind(i, s);
}
inline void bind_date(SQLite::Statement& st, int i, const std::optional<Date>& d) {
  if (d) st.bind(i, d->to_string());
  else st.bind(i);
}
inline void bind_double(SQLite::Statement& st, int i, const std::optional<double>& v) {
  if (v) st.bind(i, *v);
  else st.bind(i);
}

}  // namespace pledgedb::store::columns

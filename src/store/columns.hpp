#pragma once
// Reading and binding nullable values: one place for how the store maps NULL to the model
// (empty string, std::nullopt) and back.
#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "pledgedb/date.hpp"
#include "pledgedb/model.hpp"

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
inline void bind_id(SQLite::Statement& st, int i, const std::optional<std::int64_t>& id) {
  if (id) st.bind(i, *id);
  else st.bind(i);
}
// An evidence span's byte offsets into parameters i and i + 1; NULL both when unknown.
inline void bind_offsets(SQLite::Statement& st, int i, const Evidence& e) {
  if (e.start >= 0 && e.end >= e.start) {
    st.bind(i, e.start);
    st.bind(i + 1, e.end);
  } else {
    st.bind(i);
    st.bind(i + 1);
  }
}

}  // namespace pledgedb::store::columns

// `pledgedb agreements`: every agreement with its parties, compiled commitments and sources.
#include <nlohmann/json.hpp>

#include "cli/context.hpp"
#include "cli/open_db.hpp"
#include "pledgedb/store/announcements.hpp"

namespace pledgedb::cli::views {

nlohmann::json opt_date(const std::optional<Date>& d) { return d ? nlohmann::json(d->to_string()) : nlohmann::json(); }
nlohmann::json opt_text(const std::string& s) { return s.empty() ? nlohmann::json() : nlohmann::json(s); }
nlohmann::json opt_number(const std::optional<double>& v) {
  if (!v) return {};
  if (*v == static_cast<double>(static_cast<std::int64_t>(*v))) return static_cast<std::int64_t>(*v);
  return *v;
}

nlohmann::json commitment_json(const store::CommitmentRow& c) {
  nlohmann::json j = nlohmann::json::object();
  j["id"] = c.id;
  j["party_id"] = c.party_id ? nlohmann::json(*c.party_id) : nlohmann::json();
  j["party"] = opt_text(c.party);
  j["metric"] = std::string(to_string(c.metric));
  j["target"] = opt_number(c.values.target);
  j["comparator"] = std::string(to_string(c.values.comparator));
  j["unit"] = opt_text(c.values.unit);
  j["qualifier"] = opt_text(c.values.qualifier);
  j["start"] = opt_date(c.values.start);
  j["deadline"] = opt_date(c.values.deadline);
  j["deadline_kind"] = std::string(to_string(c.values.deadline_kind));
  j["deadline_text"] = opt_text(c.values.deadline_text);
  j["manual_status"] = c.values.manual_status ? nlohmann::json(std::string(to_string(*c.values.manual_status))) : nlohmann::json();
  return j;
}

nlohmann::json parties_json(const store::AgreementView& a) {
  nlohmann::json j = nlohmann::json::array();
  for (const auto& p : a.parties) j.push_back({{"id", p.id}, {"name", p.name}, {"role", p.role}});
  return j;
}

nlohmann::json sources_json(const store::AgreementView& a) {
  nlohmann::json j = nlohmann::json::array();
  for (const auto& s : a.sources)
    j.push_back({{"id", s.id}, {"url", opt_text(s.url)}, {"outlet", opt_text(s.outlet)}, {"language", opt_text(s.language)},
                 {"published", opt_date(s.published)}});
  return j;
}

report::Cell text_cell(const std::string& s) { return s.empty() ? report::Cell{} : report::Cell{s}; }

report::Table agreements_table(const std::vector<store::AgreementView>& list) {
  using report::ColumnType;
  report::Table t;
  t.columns = {{"id", ColumnType::integer},  {"kind", ColumnType::text},      {"title", ColumnType::text},
               {"signed_on", ColumnType::date}, {"region_code", ColumnType::text}, {"region", ColumnType::text},
               {"program", ColumnType::text},  {"parties", ColumnType::json},  {"commitments", ColumnType::json},
               {"sources", ColumnType::json}};
  for (const auto& a : list) {
    nlohmann::json commitments = nlohmann::json::array();
    for (const auto& c : a.commitments) commitments.push_back(commitment_json(c));
    t.rows.push_back({a.id, a.kind, text_cell(a.title),
                      a.signed_on ? report::Cell{a.signed_on->to_string()} : report::Cell{}, text_cell(a.region_code),
                      text_cell(a.region), text_cell(a.program), parties_json(a), commitments, sources_json(a)});
  }
  return t;
}

}  // namespace pledgedb::cli::views

namespace pledgedb::cli {

static Registrar agreements_reg(40, [](CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("agreements", "List agreements with parties, commitments and sources");
  on_run(cmd, [&ctx] {
    auto db = open_db(ctx);
    ctx.emit(views::agreements_table(store::list_agreements(db)));
    return exit_ok;
  });
});

}  // namespace pledgedb::cli

// `pledgedb show ID` / `show commitment ID`: one agreement or commitment with its claims,
// revisions, progress and evidence (each sentence with the URL of its source).
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <charconv>
#include <sstream>

#include "cli/context.hpp"
#include "cli/open_db.hpp"
#include "pledgedb/error.hpp"
#include "pledgedb/store/announcements.hpp"
#include "pledgedb/store/commitments.hpp"
#include "pledgedb/store/sources.hpp"

namespace pledgedb::cli::views {
nlohmann::json opt_date(const std::optional<Date>& d);
nlohmann::json opt_text(const std::string& s);
nlohmann::json opt_number(const std::optional<double>& v);
nlohmann::json commitment_json(const store::CommitmentRow& c);
nlohmann::json parties_json(const store::AgreementView& a);
nlohmann::json sources_json(const store::AgreementView& a);
}  // namespace pledgedb::cli::views

namespace pledgedb::cli {

namespace {

using nlohmann::json;

json evidence_json(const std::vector<store::EvidenceRow>& rows) {
  json j = json::array();
  for (const auto& e : rows)
    j.push_back({{"source_id", e.source_id}, {"url", views::opt_text(e.url)}, {"text", e.text},
                 {"start", e.start >= 0 ? json(e.start) : json()}, {"end", e.end >= 0 ? json(e.end) : json()}});
  return j;
}

json commitment_detail(store::Database& db, const store::CommitmentRow& c) {
  json j = views::commitment_json(c);
  j["agreement_id"] = c.agreement_id;
  json claims = json::array();
  for (const auto& cl : store::commitment_claims(db, c.id)) {
    json x;
    x["id"] = cl.id;
    x["origin"] = cl.origin;
    x["source_id"] = cl.source_id ? json(*cl.source_id) : json();
    std::string url;
    if (cl.source_id) url = store::get_source(db, *cl.source_id).url;
    x["url"] = views::opt_text(url);
    x["claimed_on"] = views::opt_date(cl.claimed_on);
    x["target"] = views::opt_number(cl.target);
    x["comparator"] = cl.comparator ? json(std::string(to_string(*cl.comparator))) : json();
    x["deadline"] = views::opt_date(cl.deadline);
    x["deadline_text"] = views::opt_text(cl.deadline_text);
    x["manual_status"] = cl.manual_status ? json(std::string(to_string(*cl.manual_status))) : json();
    x["note"] = views::opt_text(cl.note);
    x["confidence"] = cl.confidence;
    x["evidence"] = evidence_json(store::evidence_for(db, store::EvidenceFor::claim, cl.id));
    claims.push_back(std::move(x));
  }
  j["claims"] = std::move(claims);
  const auto rev = store::commitment_revisions(db, c.id);
  json flags = json::array();
  if (rev.rescheduled) flags.push_back("rescheduled");
  if (rev.downsized) flags.push_back("downsized");
  if (rev.upsized) flags.push_back("upsized");
  json changes = json::array();
  for (const auto& r : rev.changes)
    changes.push_back({{"flag", r.flag}, {"from", r.from}, {"to", r.to}, {"claim_id", r.claim_id}, {"claimed_on", views::opt_date(r.claimed_on)}});
  j["revisions"] = {{"flags", flags}, {"changes", changes}};
  json progress = json::array();
  for (const auto& p : store::list_progress(db, c.id))
    progress.push_back({{"id", p.id}, {"as_of", p.as_of.to_string()}, {"value", views::opt_number(p.value)},
                        {"unit", views::opt_text(p.unit)}, {"origin", p.origin},
                        {"source_id", p.source_id ? json(*p.source_id) : json()}, {"url", views::opt_text(p.source_url)},
                        {"note", views::opt_text(p.note)},
                        {"evidence", evidence_json(store::evidence_for(db, store::EvidenceFor::progress, p.id))}});
  j["progress"] = std::move(progress);
  return j;
}

json agreement_detail(store::Database& db, const store::AgreementView& a) {
  json j;
  j["id"] = a.id;
  j["kind"] = a.kind;
  j["title"] = views::opt_text(a.title);
  j["signed_on"] = views::opt_date(a.signed_on);
  j["place"] = views::opt_text(a.place);
  j["country"] = views::opt_text(a.country);
  j["region_code"] = views::opt_text(a.region_code);
  j["region"] = views::opt_text(a.region);
  j["city"] = views::opt_text(a.city);
  j["sector"] = views::opt_text(a.sector);
  j["program"] = views::opt_text(a.program);
  j["parties"] = views::parties_json(a);
  json cs = json::array();
  for (const auto& c : a.commitments) cs.push_back(commitment_detail(db, c));
  j["commitments"] = std::move(cs);
  j["sources"] = views::sources_json(a);
  j["evidence"] = evidence_json(store::evidence_for(db, store::EvidenceFor::agreement, a.id));
  return j;
}

std::string value_text(const json& v) {
  if (v.is_null()) return "-";
  if (v.is_string()) return v.get<std::string>();
  return v.dump();
}

void render_commitment_text(std::ostringstream& out, const json& c, const std::string& indent) {
  out << fmt::format("{}commitment {}: {} {} {} {}{}{}\n", indent, c["id"].get<std::int64_t>(), value_text(c["party"]),
                     c["metric"].get<std::string>(), c["comparator"].get<std::string>(), value_text(c["target"]),
                     c["unit"].is_null() ? "" : " " + c["unit"].get<std::string>(),
                     c["deadline"].is_null() ? "" : " by " + c["deadline"].get<std::string>());
  if (!c["manual_status"].is_null()) out << indent << "  status: " << c["manual_status"].get<std::string>() << "\n";
  if (!c["revisions"]["flags"].empty()) {
    out << indent << "  revisions:";
    for (const auto& r : c["revisions"]["changes"])
      out << fmt::format(" {} {} -> {};", r["flag"].get<std::string>(), r["from"].get<std::string>(), r["to"].get<std::string>());
    out << "\n";
  }
  for (const auto& cl : c["claims"]) {
    out << fmt::format("{}  claim {} ({}{}): {} {} {}{}\n", indent, cl["id"].get<std::int64_t>(), cl["origin"].get<std::string>(),
                       cl["claimed_on"].is_null() ? "" : ", " + cl["claimed_on"].get<std::string>(), value_text(cl["comparator"]),
                       value_text(cl["target"]), cl["deadline"].is_null() ? "" : "by " + cl["deadline"].get<std::string>(),
                       cl["note"].is_null() ? "" : " note: " + cl["note"].get<std::string>());
    if (!cl["url"].is_null()) out << indent << "    source: " << cl["url"].get<std::string>() << "\n";
    for (const auto& e : cl["evidence"]) out << indent << "    \"" << e["text"].get<std::string>() << "\"\n";
  }
  for (const auto& p : c["progress"]) {
    out << fmt::format("{}  progress {} as of {}: {} ({})\n", indent, p["id"].get<std::int64_t>(), p["as_of"].get<std::string>(),
                       value_text(p["value"]), p["origin"].get<std::string>());
    if (!p["url"].is_null()) out << indent << "    source: " << p["url"].get<std::string>() << "\n";
    for (const auto& e : p["evidence"]) out << indent << "    \"" << e["text"].get<std::string>() << "\"\n";
  }
}

std::string render_agreement_text(const json& a) {
  std::ostringstream out;
  out << fmt::format("agreement {}: {}\n", a["id"].get<std::int64_t>(), value_text(a["title"]));
  out << fmt::format("  kind: {}  signed: {}  region: {} {}  program: {}\n", a["kind"].get<std::string>(), value_text(a["signed_on"]),
                     value_text(a["region_code"]), a["region"].is_null() ? "" : "(" + a["region"].get<std::string>() + ")",
                     value_text(a["program"]));
  for (const auto& p : a["parties"])
    out << fmt::format("  party {}: {} ({})\n", p["id"].get<std::int64_t>(), p["name"].get<std::string>(), p["role"].get<std::string>());
  for (const auto& c : a["commitments"]) render_commitment_text(out, c, "  ");
  for (const auto& s : a["sources"])
    out << fmt::format("  source {}: {} {} {}\n", s["id"].get<std::int64_t>(), value_text(s["url"]), value_text(s["outlet"]),
                       value_text(s["published"]));
  for (const auto& e : a["evidence"]) out << "    \"" << e["text"].get<std::string>() << "\" " << value_text(e["url"]) << "\n";
  return out.str();
}

std::int64_t parse_id(const std::string& s, const char* what) {
  std::int64_t v = 0;
  const auto* end = s.data() + s.size();
  auto [p, ec] = std::from_chars(s.data(), end, v);
  if (ec != std::errc() || p != end || v <= 0) throw UsageError(fmt::format("{} '{}' is not an id (a positive whole number)", what, s));
  return v;
}

struct ShowArgs {
  std::vector<std::string> words;
  std::string commitment;
};

}  // namespace

static Registrar show_reg(41, [](CLI::App& app, Context& ctx) {
  auto args = std::make_shared<ShowArgs>();
  auto* cmd = app.add_subcommand("show", "Show an agreement (ID) or a commitment (commitment ID) with claims, revisions, progress, evidence");
  cmd->add_option("what", args->words, "ID, or: commitment ID");
  cmd->add_option("--commitment", args->commitment, "Show this commitment instead");
  on_run(cmd, [&ctx, args] {
    bool is_commitment = !args->commitment.empty();
    std::string id_text = args->commitment;
    if (!is_commitment) {
      if (args->words.size() == 2 && args->words[0] == "commitment") {
        is_commitment = true;
        id_text = args->words[1];
      } else if (args->words.size() == 2 && args->words[0] == "agreement") {
        id_text = args->words[1];
      } else if (args->words.size() == 1) {
        id_text = args->words[0];
      } else {
        throw UsageError("show: expected ID, 'commitment ID' or --commitment ID");
      }
    }
    const auto id = parse_id(id_text, is_commitment ? "commitment" : "agreement");
    auto db = open_db(ctx);
    json j;
    std::string text;
    if (is_commitment) {
      j = commitment_detail(db, store::get_commitment(db, id));
      std::ostringstream out;
      render_commitment_text(out, j, "");
      text = out.str();
    } else {
      j = agreement_detail(db, store::get_agreement(db, id));
      text = render_agreement_text(j);
    }
    if (ctx.format == "json" || ctx.format == "ndjson") ctx.write_output(j.dump(ctx.format == "json" ? 2 : -1) + "\n");
    else ctx.write_output(text);
    return exit_ok;
  });
});

}  // namespace pledgedb::cli

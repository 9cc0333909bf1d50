#pragma once
// Scoring extracted announcements against hand annotations (shared/corpus/FORMAT.md).
// Pure functions: the CLI reads the files, runs the extractor and renders the scores.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pledgedb/document.hpp"
#include "pledgedb/model.hpp"

namespace pledgedb::extract {

// One annotated article and what the extractor made of it.
struct EvalCase {
  std::string name;  // file name, for diagnostics
  Announcement gold;
  Announcement predicted;
};

struct SlotScore {
  std::string language;  // ar, fr, en, es... or "all"
  std::string slot;      // commitments, jobs, investment, deadline_year, ...
  long tp = 0, fp = 0, fn = 0;
  std::optional<double> precision() const;  // none when nothing was predicted
  std::optional<double> recall() const;     // none when nothing was expected
  std::optional<double> f1() const;
};

// Slots, in report order.
//  commitments/jobs/investment: gold commitments with a target vs predicted ones, matched on
//    metric and target (within 0.5%), each used once.
//  deadline_year, deadline_exact, comparator, party: over matched pairs whose gold value is set;
//    an equal value is a tp, a different one an fp and an fn, a missing one an fn.
//  region (first-level region codes), signing_date, parties (names, fuzzy), progress (metric +
//    value within 0.5%): sets per document.
//  invented: commitments predicted on documents annotated kind=none (fp only).
std::vector<std::string_view> eval_slots();

// Scores per language present plus "all", every slot of eval_slots() for each.
std::vector<SlotScore> evaluate(const std::vector<EvalCase>& cases);

// One scoring error in one document, to see why the extractor missed (`eval --mismatches`).
struct Mismatch {
  std::string file;      // EvalCase::name
  std::string language;
  std::string slot;      // one of eval_slots()
  std::string error;     // "fp" (predicted, not annotated), "fn" (annotated, not predicted) or "wrong"
  std::string expected;  // the annotated value, "" for an fp
  std::string got;       // the predicted value, "" for an fn
  std::string evidence;  // the words the prediction (else the annotation) rests on
};

// Every fp/fn counted by evaluate(), in document order then slot order.
std::vector<Mismatch> mismatches(const std::vector<EvalCase>& cases);

// The document the extractor sees for an annotated article: its text, language and publication
// date (none stays none, so relative deadlines stay unresolved).
Document document_from_annotation(const Announcement& gold, const std::string& path);

// Party names match when their folded forms are equal or one contains the other at word
// boundaries, or when one is the acronym of the other ("AMDIE", "Wisconsin Economic
// Development Corporation (WEDC)").
bool same_party(std::string_view gold, std::string_view predicted);

}  // namespace pledgedb::extract

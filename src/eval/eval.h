// Scoring extracted relations against a gold file, by the rules of shared/eval/GUIDELINES.md.
//
// Readings of the guidelines that the text leaves open (each is tested in eval_test*.cpp):
// - Keys are compared after normalize_key(): NFKD, combining marks dropped, case folded, and
//   every character that is not a letter or digit dropped, spaces included, so that
//   "Nagorno-Karabakh", "Nagorno Karabakh" and "nagornokarabakh" are one key. A key that
//   normalises to nothing never matches.
// - A system relation is one distinct (type, source id, target id) of the record's relations
//   that hold (positive and not denied; claimed and offered ones hold). For allied-with, which
//   is symmetric, A-B and B-A are one relation.
// - A relation that matches a non-optional gold relation is correct; else one that matches an
//   optional gold relation is left out of precision; else it is a false positive. must_not
//   never changes a count: it flags a false positive as a trap hit, and a correct or left-out
//   relation that also matches must_not is listed as an overlap (a gold file inconsistency).
// - A person's relation and the same relation rolled up to its state are two system relations
//   and each is scored; both can be correct against one gold relation, which is found once.
// - A dispatch's language is its record's lang, else the gold entry's, else unknown ("").
// - A gold dispatch with no system record has all its gold relations missed and uncovered; a
//   record whose id is not in the gold is ignored and counted; of records sharing an id, the
//   first is scored and the others are counted as duplicates.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "model/record.h"

namespace diplograph::eval {

struct GoldRelation {
  std::string type;
  std::vector<std::string> source;  // acceptable keys, as written in the gold file
  std::vector<std::string> target;
  bool optional = false;
};

struct GoldDispatch {
  std::string id;
  std::string lang;  // from an optional "lang" key; a caller may fill it from the dispatches
  std::vector<GoldRelation> relations;
  std::vector<GoldRelation> must_not;
};

struct Gold {
  std::vector<GoldDispatch> dispatches;  // in file order, ids unique
};

struct GoldLoad {
  Gold gold;
  std::vector<std::string> errors;    // "path:line: message"; the gold is unusable if any
  std::vector<std::string> warnings;  // "path:line: message"; scoring goes on
  bool ok() const { return errors.empty(); }
};

// Reads a gold JSON Lines file. Blank lines are skipped; unknown keys are warned about.
GoldLoad load_gold(const std::string& path);

// The form in which gold keys and actor keys are compared (see above).
std::string normalize_key(std::string_view key);

struct Counts {
  std::size_t gold = 0;           // non-optional gold relations
  std::size_t found = 0;          // of those, matched by some system relation
  std::size_t emitted = 0;        // system relations scored (optional-only ones left out)
  std::size_t correct = 0;        // of those, matching a non-optional gold relation
  std::size_t optional_only = 0;  // system relations left out: they match only optional gold

  std::size_t false_positives() const { return emitted - correct; }
  std::size_t missed() const { return gold - found; }
  // 0 when the denominator is 0; the formatters print those as "-" / null instead.
  double precision() const;
  double recall() const;
  double f1() const;
  bool operator==(const Counts&) const = default;
};

struct FalsePositive {
  std::string dispatch_id;
  Assertion assertion;  // the first holding assertion of the distinct relation
  bool trap = false;    // it matches a must_not entry
};

// A correct or left-out relation that also matches a must_not entry.
struct TrapOverlap {
  std::string dispatch_id;
  Assertion assertion;
  GoldRelation must_not;
};

struct Miss {
  std::string dispatch_id;
  GoldRelation relation;
};

// A non-optional gold relation whose source or target matches no actor of the record.
struct Uncovered {
  std::string dispatch_id;
  GoldRelation relation;
  bool source_covered = false;
  bool target_covered = false;
};

struct Report {
  Counts overall;
  std::map<std::string, Counts> by_type;  // relation type
  std::map<std::string, Counts> by_lang;  // "" for unknown
  std::size_t coverage_total = 0;         // non-optional gold relations
  std::size_t coverage_covered = 0;       // of those, both sides match an actor of the record
  std::size_t traps_hit = 0;              // false positives that match must_not

  std::size_t gold_dispatches = 0;
  std::size_t missing_dispatches = 0;  // in the gold, no system record
  std::size_t records_not_in_gold = 0;
  std::size_t duplicate_records = 0;

  std::vector<FalsePositive> false_positives;  // in gold order, then text order
  std::vector<TrapOverlap> trap_overlaps;
  std::vector<Miss> misses;
  std::vector<Uncovered> uncovered;
  std::vector<std::string> missing_ids;
};

Report score(const std::vector<DispatchRecord>& records, const Gold& gold);

// Aligned table: overall, each type, each language; gold, found, emitted, correct, P, R, F1;
// then actor coverage, traps hit and the dispatch counts.
std::string format_table(const Report& report);

// One line per false positive, trap overlap, miss and uncovered gold relation.
std::string format_errors(const Report& report);

// The whole report as one JSON object, for --json.
std::string to_json(const Report& report);

}  // namespace diplograph::eval

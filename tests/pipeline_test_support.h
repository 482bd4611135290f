// Helpers for the pipeline tests: run one short dispatch through the whole pipeline and look
// up the relations it yields by (type, source, target), an actor being named by its code, its
// English label or its id.
#pragma once

#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "ingest/dispatch.h"
#include "model/record.h"
#include "pipeline/pipeline.h"

namespace diplograph::testing {

// Loads the project's ontology; throws with the loader's message on failure.
inline std::unique_ptr<Pipeline> load_pipeline() {
  std::string error;
  auto p = Pipeline::load(DG_ONTOLOGY_DIR, error);
  if (!p) throw std::runtime_error("cannot load ontology: " + error);
  return p;
}

// A dispatch and what the pipeline made of it.
struct Result {
  std::string text;
  DispatchRecord record;
};

inline DispatchRecord run(const Pipeline& pipeline, const std::string& text,
                          const std::string& lang, const std::string& date) {
  Dispatch d;
  d.id = "test";
  d.text = text;
  d.lang = lang;
  d.date = date;
  d.body_begin = 0;
  d.body_end = static_cast<std::uint32_t>(text.size());
  return pipeline.process(d);
}

inline std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// `key` names `a` when it is its code, label or id (case-insensitive).
inline bool names(const ActorRef& a, const std::string& key) {
  const auto k = lower(key);
  return (!a.code.empty() && lower(a.code) == k) || lower(a.label) == k || lower(a.id) == k;
}

inline bool is(const Assertion& x, const std::string& type, const std::string& source,
               const std::string& target) {
  return x.type == type && names(x.source, source) && names(x.target, target);
}

// The first relation of that kind that holds (positive, not denied), or nullptr.
inline const Assertion* holding(const DispatchRecord& r, const std::string& type,
                                const std::string& source, const std::string& target) {
  for (const auto& x : r.relations)
    if (x.holds() && is(x, type, source, target)) return &x;
  return nullptr;
}

inline bool holds(const DispatchRecord& r, const std::string& type, const std::string& source,
                  const std::string& target) {
  return holding(r, type, source, target) != nullptr;
}

// Whether any relation of `type` holds in the dispatch.
inline bool holds_any(const DispatchRecord& r, const std::string& type) {
  return std::any_of(r.relations.begin(), r.relations.end(),
                     [&](const Assertion& x) { return x.holds() && x.type == type; });
}

// The first relation of that kind whatever its polarity and modality, or nullptr.
inline const Assertion* find(const DispatchRecord& r, const std::string& type,
                             const std::string& source, const std::string& target) {
  for (const auto& x : r.relations)
    if (is(x, type, source, target)) return &x;
  return nullptr;
}

inline std::string key(const ActorRef& a) { return a.code.empty() ? a.label : a.code; }

// Every relation, one a line, for failure messages.
inline std::string dump(const DispatchRecord& r) {
  std::ostringstream out;
  out << r.relations.size() << " relation(s)";
  for (const auto& x : r.relations) {
    out << "\n  " << x.type << "(" << key(x.source) << " -> " << key(x.target) << ") "
        << to_string(x.polarity) << "/" << to_string(x.modality);
    if (x.speaker) out << " speaker=" << key(*x.speaker);
    if (!x.rolled_up_from.empty()) out << " from=" << x.rolled_up_from;
    out << " rule=" << x.rule << " trigger='" << x.trigger << "'";
  }
  return out.str();
}

// Code point offsets [begin, end) of `text` as a byte substring.
inline std::string code_points(const std::string& text, std::uint32_t begin, std::uint32_t end) {
  std::string out;
  std::uint32_t cp = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const bool lead = (c & 0xC0) != 0x80;
    if (lead && i > 0) ++cp;
    if (cp >= begin && cp < end) out.push_back(text[i]);
  }
  return out;
}

// The code point index of byte offset `byte` in `text`.
inline std::uint32_t code_point_index(const std::string& text, std::size_t byte) {
  std::uint32_t cp = 0;
  for (std::size_t i = 0; i < byte && i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++cp;
  return cp;
}

// Overloads on a Result, so checks read `holds(r, ...)`.
inline const Assertion* holding(const Result& r, const std::string& type, const std::string& source,
                                const std::string& target) {
  return holding(r.record, type, source, target);
}
inline bool holds(const Result& r, const std::string& type, const std::string& source,
                  const std::string& target) {
  return holds(r.record, type, source, target);
}
inline bool holds_any(const Result& r, const std::string& type) {
  return holds_any(r.record, type);
}
inline const Assertion* find(const Result& r, const std::string& type, const std::string& source,
                             const std::string& target) {
  return find(r.record, type, source, target);
}
// allied-with is symmetric: either direction will do.
inline bool allied(const Result& r, const std::string& a, const std::string& b) {
  return holds(r, "allied-with", a, b) || holds(r, "allied-with", b, a);
}
inline std::string describe(const Result& r) { return r.text + "\n" + dump(r.record); }

}  // namespace diplograph::testing

// Checks that print the sentence and every relation extracted from it when they fail.
#define DG_CHECK_HOLDS(r, type, source, target)                                   \
  do {                                                                            \
    INFO(::diplograph::testing::describe(r));                                     \
    CHECK(::diplograph::testing::holds(r, type, source, target));                 \
  } while (false)
#define DG_CHECK_NOT_HOLDS(r, type, source, target)                               \
  do {                                                                            \
    INFO(::diplograph::testing::describe(r));                                     \
    CHECK_FALSE(::diplograph::testing::holds(r, type, source, target));           \
  } while (false)
#define DG_CHECK_NONE(r, type)                                                    \
  do {                                                                            \
    INFO(::diplograph::testing::describe(r));                                     \
    CHECK_FALSE(::diplograph::testing::holds_any(r, type));                       \
  } while (false)
#define DG_CHECK_ALLIED(r, a, b)                                                  \
  do {                                                                            \
    INFO(::diplograph::testing::describe(r));                                     \
    CHECK(::diplograph::testing::allied(r, a, b));                                \
  } while (false)

// Shared by the actors tests: the gazetteer of ontology/actors, loaded once, and a compact view
// of what recognition finds in a dispatch written for the test.
#pragma once

#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "actors/gazetteer.h"
#include "actors/recognizer.h"
#include "text/document.h"

namespace actors_test {

using diplograph::actors::Gazetteer;

inline const Gazetteer& gazetteer() {
  static const Gazetteer g = [] {
    std::string error;
    auto loaded = Gazetteer::load(DG_ONTOLOGY_DIR "/actors", error);
    if (!loaded) FAIL("gazetteer: " << error);
    return std::move(*loaded);
  }();
  return g;
}

// One mention as the tests compare it: "state/TUR capital", plus " locative", " modifier",
// " compound" when flagged.
struct Found {
  std::string text;
  std::string actor;
  std::string how;
  std::string flags;
  std::string describe() const { return actor + " " + how + flags; }
};

class Result {
 public:
  Result(const std::string& text, const std::string& date, const std::string& lang)
      : text_(text), doc_(text_) {
    const diplograph::actors::Recognizer recognizer(gazetteer());
    analysis_ = recognizer.analyse(doc_, date, lang);
    for (const auto& m : analysis_.mentions) found_.push_back(view(m));
    for (const auto& m : analysis_.nested) {
      const auto v = view(m);
      nested_.push_back(v.text + " = " + v.describe());
    }
  }

  // The document points into text_: a Result stays where it was made.
  Result(const Result&) = delete;
  Result& operator=(const Result&) = delete;

  // How the `nth` mention whose text is exactly `text` was resolved, or "<none>".
  std::string at(std::string_view text, int nth = 0) const {
    for (const auto& f : found_)
      if (f.text == text && nth-- == 0) return f.describe();
    return "<none>";
  }
  // Every mention as "text = actor how flags", in text order.
  std::vector<std::string> all() const {
    std::vector<std::string> out;
    for (const auto& f : found_) out.push_back(f.text + " = " + f.describe());
    return out;
  }
  // True when some mention overlaps the first occurrence of `word` in the text.
  bool covers(std::string_view word) const {
    const auto begin = text_.find(word);
    REQUIRE(begin != std::string::npos);
    const auto end = begin + word.size();
    for (const auto& m : analysis_.mentions)
      if (m.begin < end && begin < m.end) return true;
    return false;
  }
  // The actor a mention of `text` resolves to (its full reference), or nullptr.
  const diplograph::ActorRef* actor(std::string_view text) const {
    for (std::size_t i = 0; i < found_.size(); ++i)
      if (found_[i].text == text) return &analysis_.actor_of(analysis_.mentions[i]);
    return nullptr;
  }
  // States and organisations named inside title mentions, as "text = actor how flags".
  const std::vector<std::string>& nested() const { return nested_; }

 private:
  Found view(const diplograph::actors::ActorMention& m) const {
    REQUIRE(m.begin < m.end);
    REQUIRE(m.end <= text_.size());
    std::string flags;
    if (m.locative) flags += " locative";
    if (m.modifier) flags += " modifier";
    if (m.compound) flags += " compound";
    return {text_.substr(m.begin, m.end - m.begin), analysis_.actor_of(m).id, m.how, flags};
  }

  std::string text_;
  diplograph::text::Document doc_;
  diplograph::actors::Analysis analysis_;
  std::vector<Found> found_;
  std::vector<std::string> nested_;
};

inline Result fr(const std::string& text, const std::string& date = "2020-10-01") {
  return Result(text, date, "fr");
}
inline Result en(const std::string& text, const std::string& date = "2020-10-01") {
  return Result(text, date, "en");
}

}  // namespace actors_test

// Actor recognition and resolution for one dispatch (DESIGN.md section 4): gazetteer names by
// longest match, titles resolved by the dispatch date, new persons named with a title, and
// references within the dispatch (surnames, honorifics, pronouns, descriptions).
#pragma once

#include <string>

#include "actors/analysis.h"
#include "actors/gazetteer.h"
#include "text/document.h"

namespace diplograph::actors {

class Recognizer {
 public:
  explicit Recognizer(const Gazetteer& gazetteer) : gazetteer_(gazetteer) {}

  // `date` (ISO, may be empty) picks the holder of a title; `lang` ("fr", "en") the title and
  // reference forms tried first.
  Analysis analyse(const text::Document& doc, const std::string& date,
                   const std::string& lang) const;

  const Gazetteer& gazetteer() const { return gazetteer_; }

 private:
  const Gazetteer& gazetteer_;
};

}  // namespace diplograph::actors

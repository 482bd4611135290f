// Relation extraction for one dispatch (DESIGN.md section 5): lexicon patterns anchored at
// their trigger words, coordination and mutual forms, clause analysis (negation, denial,
// reported speech, hypotheses, calls), and roll-up of persons to the state they speak for.
#pragma once

#include <string>
#include <vector>

#include "actors/analysis.h"
#include "actors/gazetteer.h"
#include "model/record.h"
#include "relations/lexicon.h"
#include "text/document.h"

namespace diplograph::relations {

class Extractor {
 public:
  Extractor(const Lexicon& lexicon, const actors::Gazetteer& gazetteer)
      : lexicon_(lexicon), gazetteer_(gazetteer) {}

  // Assertions in text order, including negated and denied ones (they never become edges).
  std::vector<Assertion> extract(const text::Document& doc, const actors::Analysis& analysis,
                                 const std::string& lang) const;

 private:
  const Lexicon& lexicon_;
  const actors::Gazetteer& gazetteer_;
};

}  // namespace diplograph::relations

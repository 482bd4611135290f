// One dispatch in, one DispatchRecord out: text layer, actors, relations. The ontology is
// loaded once; process() is const and safe to call from many threads at once.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "ingest/dispatch.h"
#include "model/record.h"

namespace diplograph {

class Pipeline {
 public:
  // Loads ontology/actors and ontology/lexicon under `ontology_dir`; nullopt with a message
  // naming the file on failure.
  static std::unique_ptr<Pipeline> load(const std::string& ontology_dir, std::string& error);
  ~Pipeline();

  DispatchRecord process(const Dispatch& dispatch) const;

  struct Parts;

 private:
  explicit Pipeline(std::unique_ptr<Parts> parts);
  std::unique_ptr<Parts> parts_;
};

}  // namespace diplograph

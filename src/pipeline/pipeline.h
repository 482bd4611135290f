// One dispatch in, one DispatchRecord out: text layer, actors, relations. The ontology is
// loaded once; process() is const and safe to call from many threads at once.
#pragma once

#include <cstdint>
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

  // Sentences longer than this many tokens are cut (text::kMaxSentenceTokens by default). Set
  // before processing starts.
  void set_max_sentence_tokens(std::uint32_t tokens) { max_sentence_tokens_ = tokens; }
  // Whether records list each mention of their actors (on by default). Only the assertion
  // lines show mentions: a build that writes none leaves them out and keeps the actors.
  void set_record_mentions(bool on) { record_mentions_ = on; }

  // What process() did to the text that the user should be told about.
  struct Report {
    std::size_t sentences_cut = 0;  // sentences ended by the length limit
    std::uint32_t first_cut = 0;    // byte offset in the dispatch text of the first of them
  };
  DispatchRecord process(const Dispatch& dispatch, Report* report = nullptr) const;

  struct Parts;

 private:
  explicit Pipeline(std::unique_ptr<Parts> parts);
  std::unique_ptr<Parts> parts_;
  std::uint32_t max_sentence_tokens_;
  bool record_mentions_ = true;
};

}  // namespace diplograph

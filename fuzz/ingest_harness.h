// The common body of the three ingest targets: the fuzz input read as one file of a given
// format through the ingest module's own Input and Batch, in reads of a chosen size, with the
// invariants every reader promises checked on what comes out.
#pragma once

#include <algorithm>
#include <cstring>
#include <set>
#include <string>

#include "fuzz_support.h"
#include "ingest/batch.h"
#include "util/utf8.h"

namespace diplograph::fuzz {

// The fuzz input as a file that arrives `chunk` bytes per read().
class MemorySource final : public ingest::detail::ByteSource {
 public:
  MemorySource(std::string_view bytes, std::size_t chunk) : bytes_(bytes), chunk_(chunk) {}
  long read(char* buffer, std::size_t n) override {
    const std::size_t take = std::min({n, chunk_, bytes_.size() - pos_});
    std::memcpy(buffer, bytes_.data() + pos_, take);
    pos_ += take;
    return static_cast<long>(take);
  }

 private:
  std::string_view bytes_;
  std::size_t chunk_;
  std::size_t pos_ = 0;
};

using Reader = void (*)(ingest::detail::Input&, const std::string&, ingest::detail::Batch&);

inline void check_dispatch(const Dispatch& d, const std::string& file, std::size_t limit,
                           std::set<std::string>& ids) {
  FUZZ_CHECK(!d.id.empty());
  FUZZ_CHECK(ids.insert(d.id).second);  // ids are unique within a call
  FUZZ_CHECK(d.file == file);
  FUZZ_CHECK(d.text.size() <= limit);
  FUZZ_CHECK(utf8::validate(d.text));
  FUZZ_CHECK(d.body_begin <= d.body_end);
  FUZZ_CHECK(d.body_end <= d.text.size());
  for (const std::string* field : {&d.id, &d.title, &d.date, &d.agency, &d.lang, &d.dateline})
    FUZZ_CHECK(utf8::validate(*field));
}

inline int run_reader(const std::uint8_t* data, std::size_t size, Reader reader,
                      const std::string& file) {
  IngestControl control;
  if (!read_control(data, size, control)) return 0;
  ingest::Options options;
  options.max_dispatch_bytes = control.max_dispatch_bytes;
  std::set<std::string> ids;
  std::size_t errors = 0;
  const ingest::DispatchSink on_dispatch = [&](Dispatch&& d) {
    check_dispatch(d, file, control.max_dispatch_bytes, ids);
    return true;
  };
  const ingest::ErrorSink on_error = [&](const ingest::IngestError& e) {
    FUZZ_CHECK(e.file == file);
    FUZZ_CHECK(!e.message.empty());
    FUZZ_CHECK(e.format().starts_with(file));
    ++errors;
    return true;
  };
  ingest::detail::Batch batch(options, on_dispatch, on_error);
  MemorySource source(control.body, control.chunk);
  ingest::detail::Input input(source);
  input.skip_bom();
  reader(input, file, batch);
  FUZZ_CHECK(batch.summary().dispatches == ids.size());
  FUZZ_CHECK(batch.summary().errors == errors);
  return 0;
}

}  // namespace diplograph::fuzz

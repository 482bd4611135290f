// The entry points: which inputs are read, in which order and as which format.
#include <fcntl.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <system_error>
#include <vector>

#include "ingest/batch.h"

namespace diplograph::ingest {

namespace {

namespace fs = std::filesystem;
using detail::Batch;
using detail::Input;

const std::string kStdinName = "<stdin>";

enum class Format { kJsonLines, kJsonDocument, kWireText };

Format format_of(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  });
  if (ext == ".jsonl" || ext == ".ndjson") return Format::kJsonLines;
  if (ext == ".json") return Format::kJsonDocument;
  return Format::kWireText;
}

// Standard input has no name to go by: its first byte that is not white space decides.
Format sniff(Input& input) {
  input.skip_bom();
  switch (input.peek_content()) {
    case '{': return Format::kJsonLines;
    case '[': return Format::kJsonDocument;
    default: return Format::kWireText;
  }
}

std::string describe(int error_number) { return std::generic_category().message(error_number); }

void read_source(Input& input, Format format, const std::string& name, Batch& batch) {
  input.skip_bom();
  switch (format) {
    case Format::kJsonLines: detail::read_json_lines(input, name, batch); break;
    case Format::kJsonDocument: detail::read_json_document(input, name, batch); break;
    case Format::kWireText: detail::read_wire_text(input, name, batch); break;
  }
  if (input.error() != 0 && !batch.stopped()) {
    batch.error(name, 0, 0, "cannot read: " + describe(input.error()));
  }
}

void read_file(const std::string& path, Batch& batch) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    batch.error(path, 0, 0, "cannot open: " + describe(errno));
    return;
  }
  detail::FdSource source(fd, true);
  Input input(source);
  read_source(input, format_of(path), path, batch);
}

bool is_hidden(const fs::path& p) { return p.filename().string().starts_with('.'); }

// Every file under `dir`, hidden entries skipped, each directory entered once even through
// symbolic links that loop.
void collect_files(const fs::path& dir, std::set<fs::path>& entered,
                   std::vector<std::string>& files, Batch& batch) {
  std::error_code ec;
  const fs::path real = fs::canonical(dir, ec);
  if (!ec && !entered.insert(real).second) return;
  fs::directory_iterator it(dir, ec);
  for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
    const fs::path& path = it->path();
    if (is_hidden(path)) continue;
    std::error_code status_ec;
    const fs::file_status status = fs::status(path, status_ec);  // follows symbolic links
    if (!status_ec && !fs::exists(status))
      status_ec = std::make_error_code(std::errc::no_such_file_or_directory);
    if (status_ec) {
      if (!batch.error(path.string(), 0, 0, "cannot read: " + status_ec.message())) return;
    } else if (fs::is_directory(status)) {
      collect_files(path, entered, files, batch);
      if (batch.stopped()) return;
    } else if (fs::is_regular_file(status)) {
      files.push_back(path.string());
    }
  }
  if (ec) batch.error(dir.string(), 0, 0, "cannot read directory: " + ec.message());
}

// Files in byte order of their whole path, as DESIGN.md promises for reproducible runs.
std::vector<std::string> directory_files(const std::string& dir, Batch& batch) {
  std::set<fs::path> entered;
  std::vector<std::string> files;
  collect_files(dir, entered, files, batch);
  std::sort(files.begin(), files.end());
  return files;
}

void read_directory(const std::string& dir, Batch& batch) {
  for (const std::string& file : directory_files(dir, batch)) {
    if (batch.stopped()) return;
    read_file(file, batch);
  }
}

void read_input(const std::string& input, Batch& batch) {
  if (input == "-") {
    detail::FdSource source(0, false);
    Input in(source);
    read_source(in, sniff(in), kStdinName, batch);
    return;
  }
  std::error_code ec;
  const fs::file_status status = fs::status(input, ec);
  if (ec) {
    batch.error(input, 0, 0, "cannot read: " + ec.message());
  } else if (fs::is_directory(status)) {
    read_directory(input, batch);
  } else {
    read_file(input, batch);
  }
}

}  // namespace

Summary read_inputs(const std::vector<std::string>& inputs, const Options& options,
                    const DispatchSink& on_dispatch, const ErrorSink& on_error) {
  Batch batch(options, on_dispatch, on_error);
  for (const std::string& input : inputs) {
    if (batch.stopped()) break;
    read_input(input, batch);
  }
  return batch.summary();
}

std::vector<std::string> list_files(const std::vector<std::string>& inputs,
                                    const ErrorSink& on_error) {
  const Options options;
  const DispatchSink no_dispatch;
  Batch batch(options, no_dispatch, on_error);
  std::vector<std::string> files;
  for (const std::string& input : inputs) {
    if (batch.stopped()) break;
    std::error_code ec;
    if (input != "-" && fs::is_directory(input, ec)) {
      for (auto& file : directory_files(input, batch)) files.push_back(std::move(file));
    } else {
      files.push_back(input);
    }
  }
  return files;
}

Summary read_stream(std::istream& in, const std::string& name, const Options& options,
                    const DispatchSink& on_dispatch, const ErrorSink& on_error) {
  Batch batch(options, on_dispatch, on_error);
  detail::StreamSource source(in);
  Input input(source);
  read_source(input, sniff(input), name, batch);
  return batch.summary();
}

}  // namespace diplograph::ingest

#include "cli/graph_outputs.h"

#include <filesystem>
#include <future>
#include <sstream>

#include "model/record_json.h"

namespace diplograph::cli {

std::set<std::string> split_formats(const std::string& list) {
  std::set<std::string> out;
  std::stringstream ss(list);
  std::string f;
  while (std::getline(ss, f, ','))
    if (!f.empty()) out.insert(f);
  return out;
}

std::unique_ptr<GraphOutputs> GraphOutputs::open(const std::string& outdir,
                                                 const std::set<std::string>& formats,
                                                 std::string& error) {
  std::unique_ptr<GraphOutputs> out(new GraphOutputs());
  out->outdir_ = outdir;
  std::error_code ec;
  std::filesystem::create_directories(outdir, ec);
  if (ec) {
    error = "cannot create " + outdir + ": " + ec.message();
    return nullptr;
  }
  for (const auto& name : formats) {
    if (name == "jsonl") {
      out->jsonl_ = std::make_unique<AtomicFile>(outdir + "/assertions.jsonl");
      if (!out->jsonl_->open()) {
        error = out->jsonl_->error();
        return nullptr;
      }
      continue;
    }
    const auto format = exporters::format_from_name(name);
    if (!format) {
      std::string known = "jsonl";
      for (const auto f : exporters::all_formats()) known += ", " + std::string(exporters::format_name(f));
      error = "unknown format '" + name + "'; known: " + known;
      return nullptr;
    }
    out->exporters_.emplace_back(*format, exporters::make_exporter(*format, outdir));
    if (exporters::lists_assertion_ids(*format))
      out->graph_ = graph::DiplomaticGraph(graph::Evidence::kAssertionIds);
  }
  return out;
}

std::vector<std::string> GraphOutputs::render(const DispatchRecord& record) const {
  std::vector<std::string> texts;
  texts.reserve(1 + exporters_.size());
  texts.push_back(jsonl_ ? to_json_line(record) : std::string());
  for (const auto& [format, exporter] : exporters_)
    texts.push_back(exporter->renders() ? exporter->render(record) : std::string());
  return texts;
}

bool GraphOutputs::add(const DispatchRecord& record, const std::vector<std::string>& texts) {
  graph_.add(record);
  if (jsonl_ && (!jsonl_->write(texts[0]) || !jsonl_->write("\n"))) {
    error_ = jsonl_->error();
    return false;
  }
  for (std::size_t i = 0; i < exporters_.size(); ++i) {
    auto& exporter = *exporters_[i].second;
    const auto status =
        exporter.renders() ? exporter.add_rendered(texts[1 + i]) : exporter.add(record);
    if (!status.ok()) {
      error_ = status.message();
      return false;
    }
  }
  return true;
}

bool GraphOutputs::finish(std::size_t threads) {
  // Every exporter finishes (and renames) only after the assertions file is flushed, so a
  // failure leaves the previous graph files and the previous assertions together. Up to
  // threads - 1 exporters finish on threads of their own while the rest finish here, in
  // order, up to the first failure; the first failure in format order is reported.
  std::vector<std::future<exporters::Status>> aside(exporters_.size());
  std::size_t spare = threads > 0 ? threads - 1 : 0;
  for (std::size_t i = 0; i < exporters_.size() && spare > 0; ++i) {
    auto& exporter = *exporters_[i].second;
    if (!exporter.finishes_on_any_thread()) continue;
    aside[i] = std::async(std::launch::async, [&exporter, this] { return exporter.finish(graph_); });
    --spare;
  }
  std::vector<exporters::Status> statuses(exporters_.size());
  for (std::size_t i = 0; i < exporters_.size(); ++i) {
    if (aside[i].valid()) continue;
    statuses[i] = exporters_[i].second->finish(graph_);
    if (!statuses[i].ok()) break;  // the exporters left keep their previous files
  }
  for (std::size_t i = 0; i < exporters_.size(); ++i)
    if (aside[i].valid()) statuses[i] = aside[i].get();
  for (const auto& status : statuses) {
    if (!status.ok()) {
      error_ = status.message();
      return false;
    }
  }
  if (jsonl_ && !jsonl_->commit()) {
    error_ = jsonl_->error();
    return false;
  }
  return true;
}

std::vector<std::string> GraphOutputs::written() const {
  std::vector<std::string> out;
  if (jsonl_) out.push_back(jsonl_->path());
  for (const auto& [format, exporter] : exporters_)
    for (const auto& f : exporters::output_files(format)) out.push_back(outdir_ + "/" + f);
  return out;
}

}  // namespace diplograph::cli

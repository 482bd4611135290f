// build --mpi (mpi_build.h): the plan rank 0 broadcasts, each rank's extraction of its share,
// and the records the ranks send back to rank 0 as assertion JSON Lines, the format of extract
// and merge.
#include "cli/mpi_build.h"

#include <mpi.h>

#include <algorithm>
#include <array>
#include <boost/mpi/collectives/broadcast.hpp>
#include <boost/mpi/communicator.hpp>
#include <boost/mpi/environment.hpp>
#include <boost/serialization/string.hpp>
#include <boost/serialization/vector.hpp>
#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <string_view>
#include <unordered_set>

#include "ingest/ingest.h"
#include "model/record_json.h"

namespace diplograph::cli {
namespace {

namespace mpi = boost::mpi;

enum Tag : int { kSummaryTag = 1, kRecordsTag = 2 };
// Records travel in messages of at most this size, so neither side holds a whole share.
constexpr std::size_t kMessageBytes = 1u << 20;

// What rank 0 tells every rank before the work: the files each rank extracts, or that the
// build ended before extraction, with the exit status to give.
struct Plan {
  std::vector<std::vector<std::string>> shares;  // by rank
  int stop_status = -1;                          // >= 0: no work, exit with this status

  template <class Archive>
  void serialize(Archive& archive, unsigned /*version*/) {
    archive & shares & stop_status;
  }
};

// What a rank sends before its records.
enum Field : std::size_t { kSentDispatches, kSentErrors, kSentStopped, kSentFailed, kSentBytes, kFields };
using Summary = std::array<unsigned long long, kFields>;

// Another rank could not extract its share; it said why on stderr.
struct RankFailed : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A file goes to the rank whose slice of the total bytes holds the file's middle byte: runs of
// consecutive files of about equal bytes, the same for the same files.
std::vector<std::vector<std::string>> share_out(const std::vector<std::string>& files,
                                                int ranks) {
  std::vector<std::uintmax_t> sizes;
  std::uintmax_t total = 0;
  for (const auto& file : files) {
    std::error_code ec;
    const std::uintmax_t size = std::filesystem::file_size(file, ec);
    sizes.push_back(ec ? 0 : size);
    total += sizes.back();
  }
  std::vector<std::vector<std::string>> shares(static_cast<std::size_t>(ranks));
  std::uintmax_t before = 0;
  for (std::size_t i = 0; i < files.size(); ++i) {
    const long double middle = total > 0 ? static_cast<long double>(before + sizes[i] / 2) / total
                                         : static_cast<long double>(i) / files.size();
    const auto rank = std::min(ranks - 1, static_cast<int>(middle * ranks));
    shares[static_cast<std::size_t>(rank)].push_back(files[i]);
    before += sizes[i];
  }
  return shares;
}

// --threads not given: the cores of the node shared among the ranks running on it.
CommonOptions for_this_rank(const CommonOptions& common, const mpi::communicator& world) {
  if (common.threads != 0) return common;
  MPI_Comm node;
  MPI_Comm_split_type(world, MPI_COMM_TYPE_SHARED, world.rank(), MPI_INFO_NULL, &node);
  int ranks_on_node = 1;
  MPI_Comm_size(node, &ranks_on_node);
  MPI_Comm_free(&node);
  CommonOptions out = common;
  out.threads = std::max<std::size_t>(1, worker_count(common) / ranks_on_node);
  return out;
}

// A rank other than 0: extracts its share into a temporary file, then sends it to rank 0.
int extract_share(const mpi::communicator& world, const CommonOptions& common,
                  const std::vector<std::string>& share) {
  Summary summary{};
  std::FILE* spool = std::tmpfile();
  if (!spool) {
    std::perror("diplograph: rank's temporary file");
    summary[kSentFailed] = 1;
  } else if (!share.empty()) {
    const auto pipeline = load_pipeline(common);
    if (!pipeline) summary[kSentFailed] = 1;
    bool write_failed = false;
    const BatchResult result =
        !pipeline ? BatchResult{}
                  : run_batch(common, *pipeline, share,
                              BatchSink{[](const DispatchRecord& r) {
                                          return std::vector<std::string>{to_json_line(r) + '\n'};
                                        },
                                        false, [&](Extracted&& e) {
                                          const std::string& line = e.texts.front();
                                          write_failed = std::fwrite(line.data(), 1, line.size(),
                                                                     spool) != line.size();
                                          summary[kSentBytes] += line.size();
                                          return !write_failed;
                                        }});
    if (write_failed || std::fflush(spool) != 0) {
      std::perror("diplograph: rank's temporary file");
      summary[kSentFailed] = 1;
    }
    summary[kSentDispatches] = result.dispatches;
    summary[kSentErrors] = result.input_errors;
    summary[kSentStopped] = result.stopped;
  }
  if (summary[kSentFailed]) summary[kSentBytes] = 0;
  world.send(0, kSummaryTag, summary.data(), static_cast<int>(kFields));
  if (spool) {
    std::rewind(spool);
    std::vector<char> buffer(kMessageBytes);
    for (unsigned long long left = summary[kSentBytes]; left > 0;) {
      const std::size_t n = std::fread(buffer.data(), 1, std::min<unsigned long long>(left, kMessageBytes), spool);
      if (n == 0) world.abort(kFailure);  // rank 0 waits for bytes that cannot come
      world.send(0, kRecordsTag, buffer.data(), static_cast<int>(n));
      left -= n;
    }
    std::fclose(spool);
  }
  if (summary[kSentFailed]) return kFailure;
  return summary[kSentErrors] > 0 ? kInputErrors : kOk;
}

// Rank 0's record source: plans, extracts its own share, then takes in every other rank's
// records in rank order, so that `on_record` sees them in input order.
class Gatherer {
 public:
  Gatherer(const mpi::communicator& world, const CommonOptions& common, const BatchSink& sink)
      : world_(world), common_(common), sink_(sink) {}

  BatchResult run(const Pipeline& pipeline, const std::vector<std::string>& inputs) {
    std::size_t listing_errors = 0;
    const auto files = ingest::list_files(inputs, [&](const ingest::IngestError& e) {
      std::fprintf(stderr, "error: %s\n", e.format().c_str());
      ++listing_errors;
      return !common_.strict;
    });
    Plan plan{share_out(files, world_.size()), -1};
    mpi::broadcast(world_, plan, 0);
    if (!common_.quiet) {
      std::string counts;
      for (const auto& share : plan.shares) counts += ' ' + std::to_string(share.size());
      std::fprintf(stderr, "build --mpi: %d ranks, files per rank:%s\n", world_.size(),
                   counts.c_str());
    }
    // The ids are checked here, so the records are kept until then.
    const BatchSink own{sink_.render, true, [&](Extracted&& e) { return deliver(std::move(e)); }};
    BatchResult total = run_batch(common_, pipeline, plan.shares[0], own);
    total.input_errors += listing_errors;
    for (int rank = 1; rank < world_.size(); ++rank) receive(rank, total);
    total.input_errors += duplicates_;
    total.stopped = total.stopped || !accepting_;
    if (!failed_ranks_.empty()) throw RankFailed("MPI rank(s)" + failed_ranks_ + " failed");
    return total;
  }

 private:
  // Ids are unique across the shares as within one run: a later duplicate is skipped.
  bool deliver(Extracted&& extracted) {
    if (!ids_.insert(extracted.record.id).second) {
      std::fprintf(stderr, "error: duplicate id '%s' in another rank's files; skipped\n",
                   extracted.record.id.c_str());
      ++duplicates_;
      if (common_.strict) accepting_ = false;
      return accepting_;
    }
    if (!sink_.keep_records) extracted.record = DispatchRecord{};
    if (accepting_ && !sink_.on_result(std::move(extracted))) accepting_ = false;
    return accepting_;
  }

  void receive(int rank, BatchResult& total) {
    Summary summary{};
    world_.recv(rank, kSummaryTag, summary.data(), static_cast<int>(kFields));
    total.dispatches += summary[kSentDispatches];
    total.input_errors += summary[kSentErrors];
    total.stopped = total.stopped || summary[kSentStopped];
    if (summary[kSentFailed]) failed_ranks_ += ' ' + std::to_string(rank);
    std::string pending;
    std::vector<char> buffer;
    for (unsigned long long left = summary[kSentBytes]; left > 0;) {
      const mpi::status status = world_.probe(rank, kRecordsTag);
      buffer.resize(static_cast<std::size_t>(status.count<char>().value_or(0)));
      world_.recv(rank, kRecordsTag, buffer.data(), static_cast<int>(buffer.size()));
      left -= std::min<unsigned long long>(left, buffer.size());
      pending.append(buffer.data(), buffer.size());
      std::size_t start = 0;
      for (std::size_t end; (end = pending.find('\n', start)) != std::string::npos; start = end + 1)
        take_line(rank, std::string_view(pending).substr(start, end - start));
      pending.erase(0, start);
    }
  }

  // The rest of a share is still received after a stop, so that its rank can finish.
  void take_line(int rank, std::string_view line) {
    if (!accepting_) return;
    DispatchRecord record;
    ParseError error;
    if (!from_json_line(line, record, error)) {
      std::fprintf(stderr, "diplograph: rank %d sent a record that does not parse: %s\n", rank,
                   error.message.c_str());
      failed_ranks_ += ' ' + std::to_string(rank);
      accepting_ = false;
      return;
    }
    std::vector<std::string> texts;
    if (sink_.render) texts = sink_.render(record);
    deliver(Extracted{std::move(record), std::move(texts)});
  }

  const mpi::communicator& world_;
  const CommonOptions& common_;
  const BatchSink& sink_;
  std::unordered_set<std::string> ids_;
  std::size_t duplicates_ = 0;
  bool accepting_ = true;
  std::string failed_ranks_;
};

int run_root(const mpi::communicator& world, const CommonOptions& common, const RootBuild& build) {
  bool planned = false;
  const RecordSource source = [&](const Pipeline& pipeline, const std::vector<std::string>& inputs,
                                  const BatchSink& sink) {
    planned = true;
    return Gatherer(world, common, sink).run(pipeline, inputs);
  };
  int status = kFailure;
  try {
    status = build(common, source);
  } catch (const RankFailed& e) {
    std::fprintf(stderr, "diplograph: %s; nothing written\n", e.what());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "diplograph: %s\n", e.what());
    // The other ranks may still be sending: only an abort ends them.
    if (planned) world.abort(kFailure);
  }
  if (!planned) {
    Plan stop{{}, status};
    mpi::broadcast(world, stop, 0);
  }
  return status;
}

}  // namespace

int run_mpi_build(const CommonOptions& common, const RootBuild& build) {
  // Only the calling thread talks to MPI; the extraction workers never do.
  mpi::environment environment(mpi::threading::funneled);
  const mpi::communicator world;
  const CommonOptions rank_common = for_this_rank(common, world);
  if (world.rank() == 0) return run_root(world, rank_common, build);
  Plan plan;
  mpi::broadcast(world, plan, 0);
  if (plan.stop_status >= 0) return plan.stop_status;
  return extract_share(world, rank_common, plan.shares[static_cast<std::size_t>(world.rank())]);
}

}  // namespace diplograph::cli

#include "cli/batch_runner.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "ingest/ingest.h"

namespace diplograph::cli {

std::string ontology_dir(const CommonOptions& common) {
  if (!common.ontology.empty()) return common.ontology;
  if (const char* env = std::getenv("DIPLOGRAPH_ONTOLOGY"); env && *env) return env;
  return DIPLOGRAPH_ONTOLOGY_DIR;
}

std::unique_ptr<Pipeline> load_pipeline(const CommonOptions& common) {
  std::string error;
  auto pipeline = Pipeline::load(ontology_dir(common), error);
  if (!pipeline) std::fprintf(stderr, "diplograph: cannot load the ontology: %s\n", error.c_str());
  if (pipeline) pipeline->set_max_sentence_tokens(common.max_sentence_tokens);
  return pipeline;
}

namespace {

// A count on one stderr line, redrawn at most five times a second, only on a terminal.
class Progress {
 public:
  explicit Progress(bool quiet) : on_(!quiet && ::isatty(STDERR_FILENO)) {}
  ~Progress() {
    if (on_ && shown_) std::fprintf(stderr, "\r%zu dispatches\n", count_);
  }
  void tick() {
    ++count_;
    if (!on_) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    shown_ = true;
    std::fprintf(stderr, "\r%zu dispatches", count_);
  }

 private:
  bool on_;
  bool shown_ = false;
  std::size_t count_ = 0;
  std::chrono::steady_clock::time_point last_{};
};

// Dispatches go to the workers in chunks of consecutive ones: one hand-off per chunk rather
// than per dispatch keeps locking and thread wake-ups small next to the work, even for tiny
// dispatches or on a busy machine, where a woken thread may wait for a time slice.
constexpr std::size_t kChunkBytes = 64 * 1024;
constexpr std::size_t kChunkDispatches = 64;
// Chunks in flight per worker: enough to keep every worker busy while the oldest chunk is
// still being worked on, few enough that memory stays flat.
constexpr std::size_t kChunksPerWorker = 3;

// What a worker made of a chunk: its results in input order, the warning of each (empty when
// none) and, should Pipeline::process or the render step throw, the exception (the results
// then stop at the dispatch that threw).
struct Processed {
  std::size_t worker = 0;  // the worker that made the results, and so the one to free them
  std::vector<Extracted> results;
  std::vector<std::string> warnings;
  std::exception_ptr error;
};

// "file:line: dispatch 'id': ..." when sentences were cut at --max-sentence-tokens, else empty:
// the cut loses no text but may split a relation, so it is never silent. The line is the
// dispatch's (JSON Lines) or that of the first cut sentence (a whole-file dispatch).
std::string cut_warning(const Dispatch& d, const Pipeline::Report& report) {
  if (report.sentences_cut == 0) return {};
  const std::size_t line =
      d.line > 0 ? d.line
                 : 1 + static_cast<std::size_t>(std::count(
                           d.text.begin(), d.text.begin() + report.first_cut, '\n'));
  const std::string message = "dispatch '" + d.id + "': " +
                              std::to_string(report.sentences_cut) +
                              " sentence(s) reached --max-sentence-tokens and were cut";
  return ingest::IngestError{d.file, line, 0, message}.format();
}

Extracted extract(const Pipeline& pipeline, const BatchSink& sink, const Dispatch& d,
                  std::string& warning) {
  Pipeline::Report report;
  Extracted out{pipeline.process(d, &report), {}};
  warning = cut_warning(d, report);
  if (sink.render) out.texts = sink.render(out.record);
  if (!sink.keep_records) out.record = DispatchRecord{};
  return out;
}

Processed process_one(const Pipeline& pipeline, const BatchSink& sink, const Dispatch& d) {
  Processed out;
  out.warnings.emplace_back();
  out.results.push_back(extract(pipeline, sink, d, out.warnings.back()));
  return out;
}

// Runs Pipeline::process on worker threads and gives the records back in input order. One
// thread, the reader, fills chunks, submits them and pops the results; the workers only
// process the chunks they take.
class OrderedPool {
 public:
  OrderedPool(const Pipeline& pipeline, const BatchSink& sink, std::size_t workers);
  ~OrderedPool() { stop(); }
  OrderedPool(const OrderedPool&) = delete;
  OrderedPool& operator=(const OrderedPool&) = delete;

  // Adds a dispatch to the chunk being filled; true when the chunk is ready to submit.
  bool add(Dispatch&& dispatch);
  bool filling() const { return !open_.empty(); }
  // Only the reader changes these counts, so it may read them without the lock.
  bool in_flight() const { return submitted_ != popped_; }
  bool full() const { return submitted_ - popped_ == slots_.size(); }

  // Hands the chunk being filled to the workers. The pool must not be full.
  void submit();
  // Whether the oldest chunk in flight is done. There must be one.
  bool front_done();
  // The oldest chunk's results, waiting for them. There must be one.
  Processed pop();
  // Gives back popped results, once handed on, for the worker that made them to free when it
  // next takes a chunk. Freed on the reader, the records of a build (hundreds of small
  // strings each) went back to the workers' malloc arenas under their locks, and the threads
  // woke each other on those locks: 2.5% of a two-thread build's time was in futex calls.
  void recycle(Processed&& spent);

 private:
  struct Slot {
    std::vector<Dispatch> dispatches;
    Processed processed;
    bool done = false;
  };

  Slot& slot(std::uint64_t n) { return slots_[n % slots_.size()]; }
  void work(std::size_t worker);
  void run(Slot& slot, std::size_t worker) const;
  void stop();

  const Pipeline& pipeline_;
  const BatchSink& sink_;
  std::vector<Slot> slots_;     // a ring: chunk number n lives in slots_[n % size]
  std::vector<Dispatch> open_;  // the chunk being filled, by the reader alone
  std::size_t open_bytes_ = 0;
  std::mutex mutex_;
  std::condition_variable work_ready_;   // workers: a chunk was submitted, or stop
  std::condition_variable front_ready_;  // reader: the oldest chunk in flight is done
  std::uint64_t submitted_ = 0;          // counts of chunks, all changed under the mutex
  std::uint64_t taken_ = 0;
  std::uint64_t popped_ = 0;
  bool stop_ = false;
  // Per worker: results it made that were handed on, for it to free (see recycle).
  std::vector<std::vector<Processed>> spent_;
  std::vector<std::thread> workers_;
};

OrderedPool::OrderedPool(const Pipeline& pipeline, const BatchSink& sink, std::size_t workers)
    : pipeline_(pipeline), sink_(sink), slots_(kChunksPerWorker * workers), spent_(workers) {
  try {
    for (std::size_t i = 0; i < workers; ++i) workers_.emplace_back([this, i] { work(i); });
  } catch (...) {
    stop();  // the threads already started must be joined before they are destroyed
    throw;
  }
}

void OrderedPool::stop() {
  {
    const std::lock_guard lock(mutex_);
    stop_ = true;
  }
  work_ready_.notify_all();
  for (auto& worker : workers_) worker.join();
  workers_.clear();
}

bool OrderedPool::add(Dispatch&& dispatch) {
  open_bytes_ += dispatch.text.size();
  open_.push_back(std::move(dispatch));
  return open_bytes_ >= kChunkBytes || open_.size() >= kChunkDispatches;
}

void OrderedPool::submit() {
  {
    const std::lock_guard lock(mutex_);
    // The free slot's vector is empty; swapping recycles its capacity for the next chunk.
    std::swap(slot(submitted_).dispatches, open_);
    ++submitted_;
  }
  open_bytes_ = 0;
  work_ready_.notify_one();
}

bool OrderedPool::front_done() {
  const std::lock_guard lock(mutex_);
  return slot(popped_).done;
}

Processed OrderedPool::pop() {
  std::unique_lock lock(mutex_);
  Slot& front = slot(popped_);
  front_ready_.wait(lock, [&] { return front.done; });
  ++popped_;
  front.done = false;
  return std::exchange(front.processed, {});
}

void OrderedPool::recycle(Processed&& spent) {
  const std::lock_guard lock(mutex_);
  spent_[spent.worker].push_back(std::move(spent));
}

void OrderedPool::work(std::size_t worker) {
  std::vector<Processed> spent;
  std::unique_lock lock(mutex_);
  for (;;) {
    work_ready_.wait(lock, [&] { return stop_ || taken_ < submitted_; });
    if (stop_) return;
    const std::uint64_t n = taken_++;
    Slot& taken = slot(n);
    std::swap(spent, spent_[worker]);
    lock.unlock();
    spent.clear();  // outside the lock; the vector's capacity is kept for the next swap
    run(taken, worker);
    lock.lock();
    taken.done = true;
    if (n == popped_) front_ready_.notify_one();
  }
}

void OrderedPool::run(Slot& slot, std::size_t worker) const {
  slot.processed.worker = worker;
  auto& results = slot.processed.results;
  results.reserve(slot.dispatches.size());
  // Pipeline::process is not meant to throw; should it, the reader hands on the results
  // before it and then rethrows, as a single-threaded run would.
  try {
    for (const auto& dispatch : slot.dispatches) {
      std::string warning;
      results.push_back(extract(pipeline_, sink_, dispatch, warning));
      slot.processed.warnings.push_back(std::move(warning));
    }
  } catch (...) {
    slot.processed.error = std::current_exception();
  }
  slot.dispatches.clear();  // free the texts now rather than when the slot is reused
}

}  // namespace

std::size_t worker_count(const CommonOptions& common) {
  if (common.threads > 0) return common.threads;
  return std::max(1u, std::thread::hardware_concurrency());
}

BatchResult run_batch(const CommonOptions& common, const Pipeline& pipeline,
                      const std::vector<std::string>& inputs, const BatchSink& sink) {
  BatchResult result;
  Progress progress(common.quiet);
  bool sink_stopped = false;
  const auto deliver = [&](Extracted&& extracted) {
    progress.tick();
    ++result.dispatches;
    sink_stopped = !sink.on_result(std::move(extracted));
    return !sink_stopped;
  };

  const std::size_t workers = worker_count(common);
  std::optional<OrderedPool> pool;
  if (workers > 1) pool.emplace(pipeline, sink, workers);
  const auto deliver_chunk = [&](Processed& processed) {
    for (std::size_t i = 0; i < processed.results.size(); ++i) {
      if (!processed.warnings[i].empty())  // even with --quiet: it changed the output
        std::fprintf(stderr, "warning: %s\n", processed.warnings[i].c_str());
      if (!deliver(std::move(processed.results[i]))) return false;
    }
    if (processed.error) std::rethrow_exception(processed.error);
    return true;
  };
  const auto deliver_next = [&] {
    Processed processed = pool->pop();
    const bool more = deliver_chunk(processed);
    pool->recycle(std::move(processed));
    return more;
  };
  // Hands on what is already done, waits for the oldest chunk while the window is full, and
  // submits the chunk being filled.
  const auto submit = [&] {
    while (pool->in_flight() && (pool->full() || pool->front_done()))
      if (!deliver_next()) return false;
    pool->submit();
    return true;
  };
  const auto on_dispatch = [&](Dispatch&& d) {
    if (!pool) {
      Processed processed = process_one(pipeline, sink, d);
      return deliver_chunk(processed);
    }
    return !pool->add(std::move(d)) || submit();
  };

  ingest::Options options;
  options.max_dispatch_bytes = common.max_dispatch_bytes;
  options.on_warning = [&](const ingest::IngestError& w) {
    if (!common.quiet) std::fprintf(stderr, "warning: %s\n", w.format().c_str());
  };
  const auto summary =
      ingest::read_inputs(inputs, options, on_dispatch, [&](const ingest::IngestError& e) {
        std::fprintf(stderr, "error: %s\n", e.format().c_str());
        return !common.strict;
      });
  // Reading is over (or --strict stopped it): what was read is still handed on.
  bool more = pool && !sink_stopped && (!pool->filling() || submit());
  while (more && pool->in_flight()) more = deliver_next();
  result.input_errors = summary.errors;
  result.stopped = summary.stopped;
  return result;
}

BatchResult run_batch(const CommonOptions& common, const Pipeline& pipeline,
                      const std::vector<std::string>& inputs,
                      const std::function<bool(DispatchRecord&&)>& on_record) {
  return run_batch(common, pipeline, inputs,
                   BatchSink{{}, true, [&](Extracted&& e) { return on_record(std::move(e.record)); }});
}

}  // namespace diplograph::cli

// The main() of the fuzz targets in the sanitizer test build (g++, no libFuzzer): runs every
// input of the given files and directories, then random mutations of them until the time is
// up. Blind next to libFuzzer (no coverage feedback), but it needs no clang and no second build
// of the modules, so the suite can run every target under ASan and UBSan in a few seconds;
// bench/fuzz.sh does the coverage-guided fuzzing.
//
//   fuzz_text [-seconds=N] [-seed=N] [-artifact=FILE] FILE_OR_DIR...
//
// On a crash (a sanitizer report or a broken FUZZ_CHECK) the input is written to -artifact (default
// ./crash-<target>) and the process dies as it would have; run the target on that file alone to
// reproduce it.
#include <fcntl.h>
#include <sanitizer/common_interface_defs.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);
extern "C" __attribute__((weak)) int LLVMFuzzerInitialize(int* argc, char*** argv);

namespace {

using Bytes = std::vector<std::uint8_t>;

// The input being run and where it goes on a crash; written from a signal handler, so plain
// storage and write(2) only.
const Bytes* current = nullptr;
char artifact[4096];

void save_current() {
  if (!current) return;
  const int fd = ::open(artifact, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0) return;
  if (::write(fd, current->data(), current->size()) >= 0) {
    static constexpr char kSaved[] = "fuzz: the crashing input is in the artifact file\n";
    if (::write(STDERR_FILENO, kSaved, sizeof kSaved - 1) < 0) {
      // nothing more can be done from here
    }
  }
  ::close(fd);
  current = nullptr;
}

void on_signal(int sig) {
  save_current();
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

Bytes read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return Bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void collect(const std::filesystem::path& path, std::vector<Bytes>& out) {
  if (std::filesystem::is_directory(path)) {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(path))
      if (entry.is_regular_file()) files.push_back(entry.path());
    std::sort(files.begin(), files.end());  // the same order, so the same run for a seed
    for (const auto& f : files) out.push_back(read_file(f));
  } else {
    out.push_back(read_file(path));
  }
}

void run(const Bytes& input) {
  current = &input;
  LLVMFuzzerTestOneInput(input.data(), input.size());
  current = nullptr;
}

// Bytes that matter to the readers: quotes, brackets, escapes, line breaks, UTF-8 lead and
// continuation bytes, NUL.
constexpr std::uint8_t kInteresting[] = {'"', '\\', '[', ']', '{', '}', ',', ':', '\n', '\r',
                                         '.', ' ', '<', '&', 0x00, 0x7F, 0x80, 0xBF, 0xC0,
                                         0xC3, 0xE2, 0xEF, 0xF0, 0xF4, 0xFF};

class Mutator {
 public:
  Mutator(const std::vector<Bytes>& pool, std::uint64_t seed) : pool_(pool), rng_(seed) {}

  Bytes next() {
    Bytes b = pool_[pick(pool_.size())];
    const std::size_t edits = 1 + pick(4);
    for (std::size_t i = 0; i < edits; ++i) mutate(b);
    if (b.size() > kMaxSize) b.resize(kMaxSize);
    return b;
  }

 private:
  static constexpr std::size_t kMaxSize = 16384;

  std::size_t pick(std::size_t n) { return n == 0 ? 0 : rng_() % n; }

  void mutate(Bytes& b) {
    const std::size_t at = pick(b.size() + 1);
    switch (pick(7)) {
      case 0:  // flip a bit
        if (at < b.size()) b[at] ^= static_cast<std::uint8_t>(1u << pick(8));
        break;
      case 1:  // an interesting byte in place
        if (at < b.size()) b[at] = kInteresting[pick(std::size(kInteresting))];
        break;
      case 2:  // an interesting byte inserted
        b.insert(b.begin() + static_cast<long>(at), kInteresting[pick(std::size(kInteresting))]);
        break;
      case 3: {  // a range erased
        const std::size_t n = std::min(b.size() - std::min(at, b.size()), 1 + pick(16));
        b.erase(b.begin() + static_cast<long>(at), b.begin() + static_cast<long>(at + n));
        break;
      }
      case 4: {  // a range repeated
        if (at >= b.size()) break;
        const std::size_t n = std::min(b.size() - at, 1 + pick(64));
        const Bytes piece(b.begin() + static_cast<long>(at), b.begin() + static_cast<long>(at + n));
        for (std::size_t k = 1 + pick(8); k > 0; --k)
          b.insert(b.begin() + static_cast<long>(at), piece.begin(), piece.end());
        break;
      }
      case 5: {  // a piece of another input spliced in
        const Bytes& other = pool_[pick(pool_.size())];
        if (other.empty()) break;
        const std::size_t from = pick(other.size());
        const std::size_t n = std::min(other.size() - from, 1 + pick(256));
        b.insert(b.begin() + static_cast<long>(at), other.begin() + static_cast<long>(from),
                 other.begin() + static_cast<long>(from + n));
        break;
      }
      default:  // a random byte
        if (at < b.size()) b[at] = static_cast<std::uint8_t>(rng_());
    }
  }

  const std::vector<Bytes>& pool_;
  std::mt19937_64 rng_;
};

}  // namespace

int main(int argc, char** argv) {
  double seconds = 0;
  std::uint64_t seed = static_cast<std::uint64_t>(
      std::chrono::steady_clock::now().time_since_epoch().count());
  std::string artifact_path =
      "crash-" + std::filesystem::path(argv[0]).filename().string();
  std::vector<Bytes> inputs;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg.starts_with("-seconds=")) {
      seconds = std::atof(arg.c_str() + 9);
    } else if (arg.starts_with("-seed=")) {
      seed = std::strtoull(arg.c_str() + 6, nullptr, 10);
    } else if (arg.starts_with("-artifact=")) {
      artifact_path = arg.substr(10);
    } else if (arg.starts_with("-")) {
      std::fprintf(stderr, "fuzz: unknown option %s\n", arg.c_str());
      return 2;
    } else {
      collect(arg, inputs);
    }
  }
  std::snprintf(artifact, sizeof artifact, "%s", artifact_path.c_str());
  __sanitizer_set_death_callback(save_current);
  // Sanitizer reports (segmentation faults included) go through the death callback; a broken
  // FUZZ_CHECK aborts. The sanitizers' own signal handlers are left in place.
  std::signal(SIGABRT, on_signal);
  if (LLVMFuzzerInitialize) LLVMFuzzerInitialize(&argc, &argv);

  for (const auto& input : inputs) run(input);
  std::size_t runs = inputs.size();
  if (seconds > 0 && !inputs.empty()) {
    std::fprintf(stderr, "fuzz: %zu inputs replayed; mutating for %.0f s, -seed=%llu\n",
                 inputs.size(), seconds, static_cast<unsigned long long>(seed));
    Mutator mutator(inputs, seed);
    const auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (std::chrono::steady_clock::now() < end) {
      const Bytes input = mutator.next();
      run(input);
      ++runs;
    }
  }
  std::fprintf(stderr, "fuzz: %zu runs, no crash\n", runs);
  return 0;
}

// Shared by the fuzz targets: a check that turns a broken invariant into a libFuzzer crash (with
// the reason on stderr), and the control bytes that lead every ingest input.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

// Unlike assert(), never compiled out: the fuzz build may define NDEBUG.
#define FUZZ_CHECK(cond)                                                                  \
  do {                                                                                    \
    if (!(cond)) {                                                                        \
      std::fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, #cond);   \
      std::abort();                                                                       \
    }                                                                                     \
  } while (0)

namespace diplograph::fuzz {

// Inputs of the ingest targets start with two control bytes, then the file's bytes:
//   byte 0: how many bytes each read() returns (0: 64 KiB), so that records, lines, UTF-8
//           sequences and the byte order mark fall across buffer boundaries;
//   byte 1: max_dispatch_bytes, low two bits: 0 the default, 1: 64, 2: 1024, 3: 4096.
// The seed corpus uses "  " (reads of 32 bytes, the default limit).
struct IngestControl {
  std::size_t chunk = 1 << 16;
  std::size_t max_dispatch_bytes = 64u << 20;
  std::string_view body;
};

inline bool read_control(const std::uint8_t* data, std::size_t size, IngestControl& out) {
  if (size < 2) return false;
  out.chunk = data[0] == 0 ? std::size_t{1} << 16 : data[0];
  static constexpr std::size_t kLimits[] = {64u << 20, 64, 1024, 4096};
  out.max_dispatch_bytes = kLimits[data[1] & 3];
  out.body = std::string_view(reinterpret_cast<const char*>(data) + 2, size - 2);
  return true;
}

}  // namespace diplograph::fuzz

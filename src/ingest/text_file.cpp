// Wire text files, one dispatch each: decoded to UTF-8 (UTF-8 as is, else Windows-1252, which
// old French wire archives use), binary files refused.
#include <array>
#include <string>
#include <string_view>
#include <utility>

#include "ingest/batch.h"
#include "util/utf8.h"

namespace diplograph::ingest::detail {

namespace {

// Windows-1252 is Latin-1 with printable characters (’ “ ” – — € œ) where Latin-1 has C1
// controls; the five bytes it leaves undefined keep their Latin-1 meaning.
std::string from_windows_1252(std::string_view bytes) {
  static constexpr std::array<char32_t, 32> k80To9F{
      0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  std::size_t run = 0;  // start of the bytes that Latin-1 decodes the same way
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const auto b = static_cast<unsigned char>(bytes[i]);
    if (b < 0x80 || b > 0x9F) continue;
    out += utf8::from_latin1(bytes.substr(run, i - run));
    utf8::append(out, k80To9F[b - 0x80]);
    run = i + 1;
  }
  out += utf8::from_latin1(bytes.substr(run));
  return out;
}

bool is_blank(std::string_view s) {
  return s.find_first_not_of(" \t\n\r\f\v") == std::string_view::npos;
}

// The file's bytes as UTF-8 text, or an error message. `latin1` is set when decoded as such.
std::string decode(std::string bytes, bool& latin1, std::string& problem) {
  latin1 = false;
  if (is_blank(bytes)) {
    problem = "empty dispatch";
  } else if (looks_binary(bytes)) {
    problem = "binary data, not a dispatch";
  } else if (!utf8::validate(bytes)) {
    latin1 = true;
    return from_windows_1252(bytes);
  }
  return bytes;
}

}  // namespace

// Control bytes other than white space, past this share, make a file binary rather than text.
constexpr double kMaxControlShare = 0.05;

bool looks_binary(std::string_view bytes) {
  if (bytes.find('\0') != std::string_view::npos) return true;
  std::size_t controls = 0;
  for (char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    const bool space = b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == '\v';
    controls += (b < 0x20 && !space) || b == 0x7F;
  }
  return static_cast<double>(controls) > kMaxControlShare * static_cast<double>(bytes.size());
}

void read_wire_text(Input& input, const std::string& file, Batch& batch) {
  const std::size_t max = batch.max_dispatch_bytes();
  std::string bytes;
  if (!input.read_all(bytes, max)) return;
  if (bytes.size() > max) {
    batch.error(file, 0, 0,
                "dispatch larger than max_dispatch_bytes (" + std::to_string(max) + "); skipped");
    return;
  }
  bool latin1 = false;
  std::string problem;
  std::string text = decode(std::move(bytes), latin1, problem);
  if (!problem.empty()) {
    batch.error(file, 0, 0, problem);
    return;
  }
  if (latin1) batch.warning(file, 0, "not UTF-8; decoded as Latin-1 (Windows-1252)");
  Dispatch dispatch;
  dispatch.id = file;
  dispatch.file = file;
  dispatch.text = std::move(text);
  batch.accept(std::move(dispatch));
}

}  // namespace diplograph::ingest::detail

// The comparison form of actor keys (GUIDELINES.md: "compared case- and accent-insensitively,
// ignoring punctuation").
#include "eval/eval.h"

#include <utf8proc.h>

#include <cstdlib>
#include <memory>

#include "util/utf8.h"

namespace diplograph::eval {

namespace {

// Letters and digits carry a name; marks, punctuation, symbols and spaces do not. Spaces go
// too, so that "Nagorno-Karabakh", "Nagorno Karabakh" and "NagornoKarabakh" are one key.
bool kept(utf8proc_int32_t cp) {
  const auto c = utf8proc_category(cp);
  return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
         (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO);
}

}  // namespace

std::string normalize_key(std::string_view key) {
  // NFKD splits "é" into "e" + a combining mark (dropped below) and "ﬁ" into "fi"; casefold
  // rather than lowercase so that "ß" and "SS" agree.
  utf8proc_uint8_t* mapped = nullptr;
  const auto n = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(key.data()),
      static_cast<utf8proc_ssize_t>(key.size()), &mapped,
      static_cast<utf8proc_option_t>(UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD));
  const std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owned(mapped, &std::free);
  if (n < 0) return {};  // invalid UTF-8: such a key never matches
  std::string out;
  const std::string_view text(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(n));
  for (std::size_t i = 0; i < text.size();) {
    const char32_t cp = utf8::next(text, i);
    if (kept(static_cast<utf8proc_int32_t>(cp))) utf8::append(out, cp);
  }
  return out;
}

}  // namespace diplograph::eval

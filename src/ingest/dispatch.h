// A dispatch as read from its file: the text exactly as given (decoded to UTF-8) plus metadata.
#pragma once

#include <cstdint>
#include <string>

namespace diplograph {

struct Dispatch {
  std::string id;
  std::string text;  // original text, valid UTF-8; spans in the output index into it
  std::string title;
  std::string date;      // ISO 8601 YYYY-MM-DD or YYYY-MM, from metadata or the dateline
  std::string agency;    // AFP, Reuters, AP, ... from metadata or the dateline
  std::string lang;      // "fr" or "en": given, else detected
  std::string url;
  std::string dateline;  // e.g. "Moscou, 1 oct 2020 (AFP)", as written
  // The body: the part of `text` after the wire header and before any agency sign-off, in
  // bytes. Extraction reads only the body; offsets stay relative to `text`.
  std::uint32_t body_begin = 0;
  std::uint32_t body_end = 0;
  // Where it came from, for messages.
  std::string file;
  std::size_t line = 0;  // 1-based line for JSON Lines, 0 for whole-file inputs
};

}  // namespace diplograph

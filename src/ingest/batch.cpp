// What every dispatch goes through, whatever its format: size limit, unique id, header fields,
// body range and language; and how problems reach the caller.
#include "ingest/batch.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string_view>

namespace diplograph::ingest {

namespace {

// "FR", "fr-FR", "fra" -> "fr"; "en_GB", "eng" -> "en"; other values lower-cased.
std::string normalize_lang(std::string_view lang) {
  const std::size_t begin = lang.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return "";
  lang = lang.substr(begin, lang.find_last_not_of(" \t") + 1 - begin);
  std::string lower(lang);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  const std::string_view primary = std::string_view(lower).substr(0, lower.find_first_of("-_"));
  if (primary == "fr" || primary == "fra" || primary == "fre") return "fr";
  if (primary == "en" || primary == "eng") return "en";
  return lower;
}

// Control characters as \xNN: a message names files and dispatch ids that come from the input,
// and a newline or a terminal escape sequence in one must not forge lines or drive the terminal.
std::string printable(std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(s.size());
  for (const char c : s) {
    const auto b = static_cast<unsigned char>(c);
    if (b >= 0x20 && b != 0x7F) {
      out += c;
    } else {
      out += "\\x";
      out += kHex[b >> 4];
      out += kHex[b & 0xF];
    }
  }
  return out;
}

}  // namespace

std::string IngestError::format() const {
  std::string out = printable(file);
  if (line > 0) {
    out += ':' + std::to_string(line);
    if (column > 0) out += ':' + std::to_string(column);
  }
  if (!out.empty()) out += ": ";
  return out + printable(message);
}

void complete_dispatch(Dispatch& dispatch) {
  const WireHeader header = parse_wire_header(dispatch.text);
  if (dispatch.date.empty()) dispatch.date = header.date;
  if (dispatch.agency.empty()) dispatch.agency = header.agency;
  if (dispatch.dateline.empty()) dispatch.dateline = header.dateline;
  // A sign-off cannot eat into the header, whatever the text looks like.
  const std::size_t end = std::max(body_end(dispatch.text), header.body_begin);
  dispatch.body_begin = static_cast<std::uint32_t>(header.body_begin);
  dispatch.body_end = static_cast<std::uint32_t>(end);
  dispatch.lang = normalize_lang(dispatch.lang);
  if (dispatch.lang.empty()) {
    const std::string_view text = dispatch.text;
    dispatch.lang = detect_language(text.substr(header.body_begin, end - header.body_begin));
  }
}

namespace detail {

Batch::Batch(const Options& options, const DispatchSink& on_dispatch, const ErrorSink& on_error)
    : options_(options), on_dispatch_(on_dispatch), on_error_(on_error) {}

bool Batch::error(const std::string& file, std::size_t line, std::size_t column,
                  std::string message) {
  ++summary_.errors;
  if (on_error_ && !on_error_(IngestError{file, line, column, std::move(message)})) {
    summary_.stopped = true;
  }
  return !summary_.stopped;
}

void Batch::warning(const std::string& file, std::size_t line, std::string message) {
  ++summary_.warnings;
  if (options_.on_warning) options_.on_warning(IngestError{file, line, 0, std::move(message)});
}

std::size_t Batch::max_dispatch_bytes() const {
  return std::min<std::size_t>(options_.max_dispatch_bytes,
                               std::numeric_limits<std::uint32_t>::max());
}

bool Batch::accept(Dispatch&& dispatch) {
  if (dispatch.text.size() > max_dispatch_bytes()) {
    return error(dispatch.file, dispatch.line, 0,
                 "dispatch '" + dispatch.id + "' has " + std::to_string(dispatch.text.size()) +
                     " bytes, more than max_dispatch_bytes (" +
                     std::to_string(max_dispatch_bytes()) + "); skipped");
  }
  if (!check_unique(dispatch)) return !stopped();
  complete_dispatch(dispatch);
  ++summary_.dispatches;
  if (on_dispatch_ && !on_dispatch_(std::move(dispatch))) summary_.stopped = true;
  return !stopped();
}

bool Batch::check_unique(const Dispatch& dispatch) {
  if (files_.empty() || files_.back() != dispatch.file) files_.push_back(dispatch.file);
  const Origin here{static_cast<std::uint32_t>(files_.size() - 1), dispatch.line};
  const auto [it, inserted] = first_seen_.try_emplace(dispatch.id, here);
  if (inserted) return true;
  std::string first = files_[it->second.file];
  if (it->second.line > 0) first += ':' + std::to_string(it->second.line);
  error(dispatch.file, dispatch.line, 0,
        "duplicate id '" + dispatch.id + "', first seen at " + first + "; skipped");
  return false;
}

}  // namespace detail

}  // namespace diplograph::ingest

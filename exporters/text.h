// Text rules shared by every writer: one cleaning of strings, one rendering of actor ids, one
// colour table and one reading of dates, so that all formats show the same graph.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "model/record.h"

namespace diplograph::exporters {

// Valid UTF-8 (each bad byte becomes U+FFFD) without the characters XML 1.0 forbids (C0 controls
// but tab, LF and CR; U+FFFE, U+FFFF) and DEL. Applied to all text in all formats, so they agree.
std::string clean_text(std::string_view text);
// True only when clean_text(text) == text, as it is for nearly all text: then a writer may use
// the text as it is.
bool is_clean_text(std::string_view text);
// clean_text(text) without a copy for clean text: `text` itself, or the cleaned text kept in
// `storage`.
std::string_view clean_view(std::string_view text, std::string& storage);
// Bytes 0x20 to 0x7E only: text that is clean and holds no line break, told in one scan.
bool is_printable_ascii(std::string_view text);

// The actor id as graph formats show it: unchanged unless it holds '%', a forbidden character
// or a bad byte, which become %XX. Injective, so distinct actors never share a node id.
std::string node_key(std::string_view actor_id);

// The id of the n-th edge in sorted order: "e0", "e1", ...
std::string edge_key(std::size_t n);

struct Rgb {
  std::uint8_t r, g, b;
};
Rgb kind_color(ActorKind kind);
std::string hex_color(Rgb color);  // "#1f77b4"

// Shortest decimal that reads back as the same double, never an exponent and always with a
// point ("1.0"): xsd:decimal's canonical form, which raptor's Turtle writer needs to keep 1 from
// turning into an integer. Non-finite values are written as 0.0.
std::string format_number(double value);

// One or more ASCII digits and nothing else.
bool all_digits(std::string_view s);

enum class DateForm { Day, Month, Year, Other };  // YYYY-MM-DD, YYYY-MM, YYYY, anything else
DateForm date_form(std::string_view date);
// The first day the date covers ("2020-10" -> "2020-10-01"), or "" for DateForm::Other.
std::string first_day(std::string_view date);

// RFC 4180 cell, always quoted; a cell that a spreadsheet would run as a formula (leading =, +,
// -, @, tab or CR) gets a leading single quote.
std::string csv_cell(std::string_view text);

// A Graphviz double-quoted string, quotes included.
std::string dot_quoted(std::string_view text);

}  // namespace diplograph::exporters

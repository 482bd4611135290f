// JSON Lines and JSON documents (an array of dispatch objects, or one object), read with
// RapidJSON's SAX reader: one dispatch is held at a time however large the file, and the
// iterative parser with a depth limit cannot overflow the stack on "[[[[...".
//
// Here alone RapidJSON scans strings and white space sixteen bytes at a time with SSE2: a
// dispatch's text is most of what the program reads. Its scans load whole aligned sixteen-byte
// blocks, which may reach past the end of a line though never past its page, so sanitizer
// builds keep the byte-at-a-time scans. Not project-wide: this RapidJSON's SSE2 writer drops
// escaped bytes from some strings, and this file writes no JSON.
#if defined(__SANITIZE_ADDRESS__)  // g++
#define DIPLOGRAPH_ADDRESS_SANITIZER
#elif defined(__has_feature)  // clang, as the fuzz build uses
#if __has_feature(address_sanitizer)
#define DIPLOGRAPH_ADDRESS_SANITIZER
#endif
#endif
#if defined(__SSE2__) && !defined(DIPLOGRAPH_ADDRESS_SANITIZER)
#define RAPIDJSON_SSE2
#endif
#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "ingest/batch.h"
#include "util/utf8.h"

namespace diplograph::ingest::detail {

namespace {

constexpr int kMaxDepth = 64;
constexpr unsigned kParseFlags = rapidjson::kParseIterativeFlag |
                                 rapidjson::kParseValidateEncodingFlag |
                                 rapidjson::kParseNumbersAsStringsFlag;
// For a line already known to be valid UTF-8: RapidJSON's check, byte by byte in every string,
// was most of the parse.
constexpr unsigned kValidLineParseFlags = kParseFlags & ~rapidjson::kParseValidateEncodingFlag;

enum class Field { kOther, kId, kText, kTitle, kDate, kAgency, kLang, kUrl, kDateline };

Field field_of(std::string_view key) {
  static constexpr std::pair<std::string_view, Field> kFields[] = {
      {"id", Field::kId},     {"text", Field::kText},         {"title", Field::kTitle},
      {"date", Field::kDate}, {"agency", Field::kAgency},     {"lang", Field::kLang},
      {"url", Field::kUrl},   {"dateline", Field::kDateline},
  };
  for (const auto& [name, field] : kFields) {
    if (name == key) return field;
  }
  return Field::kOther;
}

std::string* slot(Dispatch& d, Field f) {
  switch (f) {
    case Field::kId: return &d.id;
    case Field::kText: return &d.text;
    case Field::kTitle: return &d.title;
    case Field::kDate: return &d.date;
    case Field::kAgency: return &d.agency;
    case Field::kLang: return &d.lang;
    case Field::kUrl: return &d.url;
    case Field::kDateline: return &d.dateline;
    case Field::kOther: break;
  }
  return nullptr;
}

// How records are named and located: a JSON Lines line, or a document read from a stream.
struct Source {
  std::string file;
  std::size_t line = 0;          // JSON Lines: the line being parsed; 0 for a document
  const Input* input = nullptr;  // a document's stream, for positions
  // Where a container starts: RapidJSON reports it before taking the bracket.
  Position container_start() const { return at(input ? input->Tell() : 0); }
  // Where a scalar ends: RapidJSON reports it after taking its last byte.
  Position scalar_end() const { return at(input && input->Tell() > 0 ? input->Tell() - 1 : 0); }

 private:
  Position at(std::size_t offset) const {
    return input == nullptr ? Position{line, 0} : input->position_of(offset);
  }
};

// Turns SAX events into dispatches. At depth 0 an object is a record; in a top-level array
// (documents only) each element is. Anything else in their place is an error for that item;
// values nested in unknown fields are ignored.
class RecordHandler : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, RecordHandler> {
 public:
  // `escapes_checked`: the input is valid UTF-8 and holds no \u escape, so no string needs
  // checking once decoded.
  RecordHandler(const Source& source, Batch& batch, bool escapes_checked = false)
      : source_(source), batch_(batch), escapes_checked_(escapes_checked) {}

  bool StartObject() {
    const Role role = role_of_next();
    const Position start = source_.container_start();
    if (!enter()) return false;
    if (role == Role::kTop || role == Role::kItem) begin_record(start);
    if (role == Role::kField) type_error("an object");
    return true;
  }
  bool EndObject(rapidjson::SizeType) {
    const bool go_on = !(in_record_ && depth_ == record_depth_) || finish_record();
    --depth_;
    return go_on;
  }
  bool StartArray() {
    const Role role = role_of_next();
    const Position start = source_.container_start();
    if (!enter()) return false;
    if (role == Role::kTop && source_.input != nullptr) {
      top_array_ = true;
      return true;
    }
    return other_value(role, "an array", start);
  }
  bool EndArray(rapidjson::SizeType) {
    --depth_;
    return true;
  }
  bool Key(const char* s, rapidjson::SizeType n, bool) {
    if (in_record_ && depth_ == record_depth_) field_ = field_of(std::string_view(s, n));
    return true;
  }
  bool String(const char* s, rapidjson::SizeType n, bool) {
    const Role role = role_of_next();
    std::string* target = role == Role::kField ? slot(record_, field_) : nullptr;
    if (target == nullptr) return other_value(role, "a string");
    target->assign(s, n);
    if (field_ == Field::kText) has_text_ = true;
    // RapidJSON passes an unpaired "\udc00" escape through as invalid UTF-8.
    if (!escapes_checked_ && !utf8::validate(*target)) {
      record_error(quoted(field_) + " is not valid UTF-8 (an unpaired \\u escape)");
    }
    return true;
  }
  // Numbers come as their literal text: "id": 123 is kept as "123"; no other field takes one.
  bool RawNumber(const char* s, rapidjson::SizeType n, bool copy) {
    const Role role = role_of_next();
    if (role == Role::kField && field_ == Field::kId) return String(s, n, copy);
    return other_value(role, "a number");
  }
  bool Null() {
    const Role role = role_of_next();
    if (role == Role::kField && field_ != Field::kText) return true;  // as if absent
    return other_value(role, "null");
  }
  bool Bool(bool) { return other_value(role_of_next(), "a boolean"); }

  bool too_deep() const { return too_deep_; }

  // Hands over what a top-level value left pending, once it parsed whole: a line with
  // trailing garbage is then one error, not a dispatch and an error. False to stop.
  bool flush() {
    if (pending_error_) {
      const auto& [at, message] = *pending_error_;
      return batch_.error(source_.file, at.line, at.column, message);
    }
    if (pending_dispatch_) return batch_.accept(std::move(*pending_dispatch_));
    return true;
  }

 private:
  enum class Role { kTop, kItem, kField, kIgnored };

  // What the value about to be reported is, from where the parser stands.
  Role role_of_next() const {
    if (depth_ == 0) return Role::kTop;
    if (top_array_ && depth_ == 1) return Role::kItem;
    if (in_record_ && depth_ == record_depth_) return Role::kField;
    return Role::kIgnored;
  }

  bool enter() {
    if (++depth_ > kMaxDepth) {
      too_deep_ = true;
      return false;
    }
    return true;
  }

  // A value that is not a string for a known field. False when reading must stop.
  bool other_value(Role role, const char* what) {
    return other_value(role, what, source_.scalar_end());
  }
  bool other_value(Role role, const char* what, Position at) {
    if (role == Role::kField) type_error(what);
    if (role == Role::kTop || role == Role::kItem) return item_error(what, at);
    return true;
  }

  bool item_error(const char* what, Position at) {
    std::string message = top_array_ ? "[" + std::to_string(items_++) + "]: " : "";
    message += source_.input != nullptr && !top_array_
                   ? "expected a JSON array of dispatch objects or one object"
                   : "expected a JSON object";
    return report(at, message + ", found " + what);
  }

  // Errors and dispatches of array items go out at once; a top-level value's wait for flush().
  bool report(Position at, std::string message) {
    if (depth_ <= 1 && !top_array_) {
      pending_error_.emplace(at, std::move(message));
      return true;
    }
    return batch_.error(source_.file, at.line, at.column, std::move(message));
  }
  bool deliver(Dispatch&& dispatch) {
    if (depth_ <= 1 && !top_array_) {
      pending_dispatch_ = std::move(dispatch);
      return true;
    }
    return batch_.accept(std::move(dispatch));
  }

  void begin_record(Position start) {
    in_record_ = true;
    record_depth_ = depth_;
    record_ = Dispatch{};
    has_text_ = false;
    error_.clear();
    field_ = Field::kOther;
    start_ = start;
    index_ = top_array_ ? items_++ : 0;
  }

  bool finish_record() {
    in_record_ = false;
    if (error_.empty() && !has_text_) error_ = "missing \"text\"";
    const std::string prefix = top_array_ ? "[" + std::to_string(index_) + "]: " : "";
    if (!error_.empty()) return report(start_, prefix + error_);
    record_.file = source_.file;
    // A document's lone object is a whole-file input, like a text file.
    record_.line = (source_.input != nullptr && !top_array_) ? 0 : start_.line;
    if (record_.id.empty()) record_.id = default_id();
    return deliver(std::move(record_));
  }

  // The file, plus the line for JSON Lines or the index in an array.
  std::string default_id() const {
    if (top_array_) return source_.file + "#" + std::to_string(index_);
    if (source_.input == nullptr) return source_.file + ":" + std::to_string(source_.line);
    return source_.file;
  }

  static std::string quoted(Field f) {
    static constexpr std::string_view kNames[] = {"",          "\"id\"",   "\"text\"",
                                                  "\"title\"", "\"date\"", "\"agency\"",
                                                  "\"lang\"",  "\"url\"",  "\"dateline\""};
    return std::string(kNames[static_cast<int>(f)]);
  }
  void type_error(const char* found) {
    if (field_ != Field::kOther) record_error(quoted(field_) + " must be a string, found " + found);
  }
  void record_error(std::string message) {
    if (error_.empty()) error_ = std::move(message);
  }

  const Source& source_;
  Batch& batch_;
  const bool escapes_checked_;
  int depth_ = 0;  // containers open
  bool top_array_ = false;
  bool too_deep_ = false;
  std::size_t items_ = 0;  // elements of the top-level array so far
  // The record being read.
  bool in_record_ = false;
  int record_depth_ = 0;
  std::size_t index_ = 0;
  Position start_;
  Dispatch record_;
  bool has_text_ = false;
  Field field_ = Field::kOther;
  std::string error_;
  std::optional<std::pair<Position, std::string>> pending_error_;
  std::optional<Dispatch> pending_dispatch_;
};

std::string parse_error_message(rapidjson::ParseErrorCode code, const RecordHandler& handler) {
  if (code == rapidjson::kParseErrorTermination && handler.too_deep()) {
    return "JSON nested deeper than " + std::to_string(kMaxDepth) + " levels";
  }
  std::string message = std::string("JSON syntax error: ") + rapidjson::GetParseError_En(code);
  if (code == rapidjson::kParseErrorDocumentRootNotSingular) {
    message += " (one dispatch per line? name the file .jsonl)";
  }
  return message;
}

// A JSON line can need six bytes per text byte ("\u00e9" escapes) plus its metadata; a longer
// line cannot hold a dispatch within the limit and is skipped unread.
std::size_t line_limit(std::size_t max_dispatch_bytes) {
  constexpr std::size_t kMetadata = 64 << 10;
  constexpr std::size_t kMax = std::numeric_limits<std::size_t>::max();
  if (max_dispatch_bytes > (kMax - kMetadata) / 6) return kMax;
  return max_dispatch_bytes * 6 + kMetadata;
}

bool is_blank(std::string_view line) {
  return line.find_first_not_of(" \t\r\f\v") == std::string_view::npos;
}

// Parses one JSON line; false when reading must stop.
bool parse_line(std::string& line, const Source& source, Batch& batch) {
  if (const std::size_t nul = line.find('\0'); nul != std::string::npos) {
    return batch.error(source.file, source.line, nul + 1, "NUL byte: binary data, not JSON");
  }
  // Valid lines (nearly all) are checked once here, a word at a time; the others are parsed
  // with RapidJSON's own check, which says where the bad string is.
  const bool valid = utf8::validate(line);
  RecordHandler handler(source, batch, valid && line.find("\\u") == std::string::npos);
  rapidjson::Reader reader;
  rapidjson::ParseResult result;
  if (valid) {
    // In place: strings are unescaped inside the line (which is not read again) rather than
    // copied into the reader's stack a byte at a time. The line ends at its NUL terminator.
    rapidjson::InsituStringStream stream(line.data());
    result = reader.Parse<kValidLineParseFlags | rapidjson::kParseInsituFlag>(stream, handler);
  } else {
    rapidjson::MemoryStream stream(line.data(), line.size());
    result = reader.Parse<kParseFlags>(stream, handler);
  }
  if (batch.stopped()) return false;
  if (!result.IsError()) return handler.flush();
  std::size_t column = result.Offset() + 1;
  std::string message = parse_error_message(result.Code(), handler);
  utf8::Invalid bad;
  if (result.Code() == rapidjson::kParseErrorStringInvalidEncoding && !utf8::validate(line, &bad)) {
    column = bad.column;
    message = "invalid UTF-8 in a JSON string (is the file Latin-1?)";
  }
  return batch.error(source.file, source.line, column, message);
}

}  // namespace

void read_json_lines(Input& input, const std::string& file, Batch& batch) {
  const std::size_t limit = line_limit(batch.max_dispatch_bytes());
  Source source{file, 0, nullptr};
  std::string line;
  bool too_long = false;
  bool seen_content = false;
  while (!batch.stopped() && input.read_line(line, limit, too_long)) {
    ++source.line;
    if (too_long) {
      const std::string message = "line longer than " + std::to_string(limit) +
                                  " bytes, too long for a dispatch of at most " +
                                  std::to_string(batch.max_dispatch_bytes()) + " bytes; skipped";
      if (!batch.error(file, source.line, 0, message)) return;
      continue;
    }
    if (is_blank(line)) continue;
    // One error for a binary file rather than one per "line" of it.
    if (!seen_content && looks_binary(line)) {
      batch.error(file, source.line, 0, "binary data, not JSON Lines; file skipped");
      return;
    }
    seen_content = true;
    if (!parse_line(line, source, batch)) return;
  }
}

void read_json_document(Input& input, const std::string& file, Batch& batch) {
  const Source source{file, 0, &input};
  RecordHandler handler(source, batch);
  rapidjson::Reader reader;
  const rapidjson::ParseResult result = reader.Parse<kParseFlags>(input, handler);
  if (!result.IsError()) {
    handler.flush();
    return;
  }
  // A failed read ends the stream early; the caller reports it, not the syntax it broke.
  if (batch.stopped() || input.error() != 0) return;
  const Position at = input.position_of(result.Offset());
  batch.error(file, at.line, at.column, parse_error_message(result.Code(), handler));
}

}  // namespace diplograph::ingest::detail

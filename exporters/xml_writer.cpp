// Our own streaming XML writer. It keeps the layout libxml2's xmlTextWriter gave these files with
// indentation on (tests/exporters_test_xml.cpp compares the two), and is several times faster:
// libxml2 went through a function call, a state check and a buffer append for every piece of
// every attribute. The layout: one element per line, indented two spaces a level; text content
// inline (<data key="k">text</data>); an element with neither content nor children closes
// itself (<key .../>). Attribute values escape & < > " and tab, LF, CR as character references;
// text content escapes & < > " and CR.
#include "exporters/xml_writer.h"

#include <array>
#include <cstring>
#include <string>
#include <vector>

#include "exporters/text.h"
#include "util/byte_scan.h"

namespace diplograph::exporters {
namespace {

// Text goes to the file in blocks of about this size.
constexpr std::size_t kFlushBytes = 1 << 20;

// After clean_text() the only bytes below 0x20 are tab, LF and CR.
bool is_attr_special(unsigned char b) {
  return b < 0x0E || b == '&' || b == '<' || b == '>' || b == '"';
}

std::uint64_t attr_special_flags(std::uint64_t w) {
  return bytes::below(w, 0x0E) | bytes::equal(w, '&') | bytes::equal(w, '<') |
         bytes::equal(w, '>') | bytes::equal(w, '"');
}

bool is_text_special(unsigned char b) {
  return b == '\r' || b == '&' || b == '<' || b == '>' || b == '"';
}

std::uint64_t text_special_flags(std::uint64_t w) {
  return bytes::equal(w, '\r') | bytes::equal(w, '&') | bytes::equal(w, '<') |
         bytes::equal(w, '>') | bytes::equal(w, '"');
}

// Printable ASCII other than & < > ": nothing to clean and nothing to escape, in attribute
// values and text alike. Most values are nothing else, and are copied after this one scan.
// A table: most values are shorter than a word, and are tested a byte at a time.
constexpr std::array<bool, 256> kPlain = [] {
  std::array<bool, 256> plain{};
  for (int b = 0x20; b < 0x7F; ++b) plain[b] = b != '&' && b != '<' && b != '>' && b != '"';
  return plain;
}();

std::uint64_t not_plain_flags(std::uint64_t w) {
  return bytes::below(w, 0x20) | bytes::equal(w, 0x7F) | (w & bytes::kHighBits) |
         bytes::equal(w, '&') | bytes::equal(w, '<') | bytes::equal(w, '>') |
         bytes::equal(w, '"');
}

bool all_plain(std::string_view value) {
  return bytes::find_first(value, not_plain_flags, [](unsigned char b) { return !kPlain[b]; }) ==
         value.size();
}

const char* reference(unsigned char b) {
  switch (b) {
    case '&': return "&amp;";
    case '<': return "&lt;";
    case '>': return "&gt;";
    case '"': return "&quot;";
    case '\t': return "&#9;";
    case '\n': return "&#10;";
    default: return "&#13;";  // CR
  }
}

// Appends `text` with the bytes that `flags`/`is_special` pick out written as references.
template <class Flags, class IsSpecial>
void append_escaped(std::string& out, std::string_view text, Flags flags, IsSpecial is_special) {
  for (;;) {
    const std::size_t run = bytes::find_first(text, flags, is_special);
    out.append(text.substr(0, run));
    if (run == text.size()) return;
    out += reference(static_cast<unsigned char>(text[run]));
    text.remove_prefix(run + 1);
  }
}

}  // namespace

struct XmlWriter::Impl {
  std::FILE* out = nullptr;
  std::string text;                // not yet written to `out`
  std::vector<const char*> open;   // names of the open elements, outermost first
  bool in_start_tag = false;       // the innermost start tag still takes attributes
  bool end_on_own_line = false;    // the next end tag is indented on a line of its own
  bool ok = true;

  void indent(std::size_t level) { text.append(2 * level, ' '); }

  void flush() {
    if (ok && !text.empty() && std::fwrite(text.data(), 1, text.size(), out) != text.size())
      ok = false;
    text.clear();
  }
};

XmlWriter::XmlWriter(std::FILE* out) : impl_(std::make_unique<Impl>()) {
  impl_->out = out;
  impl_->ok = out != nullptr;
  impl_->text.reserve(kFlushBytes + 64 * 1024);
  impl_->text += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
}

XmlWriter::~XmlWriter() = default;

XmlWriter& XmlWriter::start(const char* name) {
  Impl& w = *impl_;
  if (w.in_start_tag) w.text += ">\n";
  w.in_start_tag = true;
  w.indent(w.open.size());
  w.open.push_back(name);
  w.text += '<';
  w.text += name;
  return *this;
}

XmlWriter& XmlWriter::attr(const char* name, std::string_view value) {
  Impl& w = *impl_;
  if (!w.in_start_tag) {  // no start tag to put it in: a bug in the caller
    w.ok = false;
    return *this;
  }
  w.text += ' ';
  w.text += name;
  w.text += "=\"";
  if (all_plain(value)) {
    w.text += value;
  } else {
    std::string storage;
    append_escaped(w.text, clean_view(value, storage), attr_special_flags, is_attr_special);
  }
  w.text += '"';
  return *this;
}

XmlWriter& XmlWriter::text(std::string_view value) {
  Impl& w = *impl_;
  if (w.in_start_tag) w.text += '>';
  w.in_start_tag = false;
  w.end_on_own_line = false;
  if (all_plain(value)) {
    w.text += value;
    return *this;
  }
  std::string storage;
  append_escaped(w.text, clean_view(value, storage), text_special_flags, is_text_special);
  return *this;
}

XmlWriter& XmlWriter::end() {
  Impl& w = *impl_;
  if (w.open.empty()) {
    w.ok = false;
    return *this;
  }
  if (w.in_start_tag) {
    w.text += "/>";
  } else {
    if (w.end_on_own_line) w.indent(w.open.size() - 1);
    w.text += "</";
    w.text += w.open.back();
    w.text += '>';
  }
  w.text += '\n';
  w.open.pop_back();
  w.in_start_tag = false;
  w.end_on_own_line = true;
  if (w.text.size() >= kFlushBytes) w.flush();
  return *this;
}

XmlWriter& XmlWriter::element(const char* name, std::string_view value) {
  return start(name).text(value).end();
}

XmlWriter& XmlWriter::element(const char* name, const char* attr_name, std::string_view attr_value,
                              std::string_view value) {
  if (!all_plain(attr_value) || !all_plain(value))
    return start(name).attr(attr_name, attr_value).text(value).end();
  Impl& w = *impl_;
  if (w.in_start_tag) w.text += ">\n";
  // indent <tag attr="attr_value">value</tag> LF, each piece copied once: the loop over an
  // array of the pieces cost a call per piece.
  const std::string_view tag(name);
  const std::string_view attr(attr_name);
  constexpr std::string_view kOpen = "<", kSpace = " ", kEquals = "=\"", kClose = "\">",
                             kEndOpen = "</", kEndClose = ">\n";
  const std::size_t indent = 2 * w.open.size();
  const std::size_t size = indent + kOpen.size() + tag.size() + kSpace.size() + attr.size() +
                           kEquals.size() + attr_value.size() + kClose.size() + value.size() +
                           kEndOpen.size() + tag.size() + kEndClose.size();
  const std::size_t at = w.text.size();
  w.text.resize(at + size);
  char* p = w.text.data() + at;
  const auto put = [&p](std::string_view piece) {
    std::memcpy(p, piece.data(), piece.size());
    p += piece.size();
  };
  std::memset(p, ' ', indent);
  p += indent;
  put(kOpen);
  put(tag);
  put(kSpace);
  put(attr);
  put(kEquals);
  put(attr_value);
  put(kClose);
  put(value);
  put(kEndOpen);
  put(tag);
  put(kEndClose);
  w.in_start_tag = false;
  w.end_on_own_line = true;
  if (w.text.size() >= kFlushBytes) w.flush();
  return *this;
}

bool XmlWriter::close() {
  while (!impl_->open.empty()) end();
  impl_->flush();
  return impl_->ok;
}

std::vector<std::string> node_keys(const graph::DiplomaticGraph& g) {
  std::vector<std::string> keys(g.num_actors());
  for (std::size_t v = 0; v < keys.size(); ++v) keys[v] = node_key(g.actor(v).id);
  return keys;
}

XmlWriter& start_edge(XmlWriter& xml, const graph::DiplomaticGraph& g, graph::Edge e,
                      std::size_t n, const std::vector<std::string>& keys) {
  const auto& bg = g.boost_graph();
  return xml.start("edge")
      .attr("id", edge_key(n))
      .attr("source", keys[boost::source(e, bg)])
      .attr("target", keys[boost::target(e, bg)])
      .attr("label", g.relation(e).type);
}

std::vector<KeyValue> edge_values(const graph::RelationProps& r) {
  return {{"type", r.type},
          {"first_date", r.first_date},
          {"last_date", r.last_date},
          {"evidence_count", std::to_string(r.evidence_count)},
          {"rolled_up", r.rolled_up ? "true" : "false"}};
}

}  // namespace diplograph::exporters

#include "exporters/xml_writer.h"

#include <libxml/xmlwriter.h>

#include <string>

#include "exporters/text.h"

namespace diplograph::exporters {
namespace {

const xmlChar* x(const char* s) { return reinterpret_cast<const xmlChar*>(s); }
const xmlChar* x(const std::string& s) { return x(s.c_str()); }

}  // namespace

struct XmlWriter::Impl {
  xmlTextWriterPtr writer = nullptr;
  bool ok = true;
  void check(int rc) { ok = ok && rc >= 0; }
};

XmlWriter::XmlWriter(std::FILE* out) : impl_(std::make_unique<Impl>()) {
  xmlOutputBufferPtr buffer = out ? xmlOutputBufferCreateFile(out, nullptr) : nullptr;
  impl_->writer = buffer ? xmlNewTextWriter(buffer) : nullptr;
  if (!impl_->writer) {
    if (buffer) xmlOutputBufferClose(buffer);
    impl_->ok = false;
    return;
  }
  impl_->check(xmlTextWriterSetIndent(impl_->writer, 1));
  impl_->check(xmlTextWriterSetIndentString(impl_->writer, x("  ")));
  impl_->check(xmlTextWriterStartDocument(impl_->writer, "1.0", "UTF-8", nullptr));
}

XmlWriter::~XmlWriter() {
  if (impl_->writer) xmlFreeTextWriter(impl_->writer);
}

XmlWriter& XmlWriter::start(const char* name) {
  if (impl_->ok) impl_->check(xmlTextWriterStartElement(impl_->writer, x(name)));
  return *this;
}

XmlWriter& XmlWriter::attr(const char* name, std::string_view value) {
  if (impl_->ok)
    impl_->check(xmlTextWriterWriteAttribute(impl_->writer, x(name), x(clean_text(value))));
  return *this;
}

XmlWriter& XmlWriter::text(std::string_view value) {
  if (impl_->ok) impl_->check(xmlTextWriterWriteString(impl_->writer, x(clean_text(value))));
  return *this;
}

XmlWriter& XmlWriter::end() {
  if (impl_->ok) impl_->check(xmlTextWriterEndElement(impl_->writer));
  return *this;
}

XmlWriter& XmlWriter::element(const char* name, std::string_view value) {
  return start(name).text(value).end();
}

bool XmlWriter::close() {
  if (!impl_->writer) return false;
  if (impl_->ok) impl_->check(xmlTextWriterEndDocument(impl_->writer));
  if (impl_->ok) impl_->check(xmlTextWriterFlush(impl_->writer));
  xmlFreeTextWriter(impl_->writer);  // flushes and closes the buffer, not the FILE
  impl_->writer = nullptr;
  return impl_->ok;
}

XmlWriter& start_edge(XmlWriter& xml, const graph::DiplomaticGraph& g, graph::Edge e,
                      std::size_t n) {
  return xml.start("edge")
      .attr("id", edge_key(n))
      .attr("source", node_key(g.source(e).id))
      .attr("target", node_key(g.target(e).id))
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

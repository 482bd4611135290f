// render: a picture of the graph (SVG or PNG, by the output's extension) through Graphviz,
// whole or around one actor (--focus, --depth), over the dispatches of a time slice
// (--since, --until). The graph is rebuilt from OUTDIR/assertions.jsonl.
#include <cstdio>
#include <stdexcept>

#include "analysis/analysis.h"
#include "cli/commands.h"
#include "util/atomic_file.h"

namespace diplograph::cli {
namespace {

std::string caption(const RenderOptions& o, std::size_t dispatches, const std::string& focus) {
  std::string text = "diplograph: " + std::to_string(dispatches) + " dispatches";
  if (!o.since.empty() && o.since == o.until)
    text += " in " + o.since;
  else if (!o.since.empty() || !o.until.empty())
    text += " from " + (o.since.empty() ? "the start" : o.since) + " to " +
            (o.until.empty() ? "the end" : o.until);
  if (!focus.empty()) text += ", around " + focus + " (depth " + std::to_string(o.depth) + ")";
  return text;
}

analysis::Drawing drawing_for(const RenderOptions& o, const graph::DiplomaticGraph& g,
                              std::size_t dispatches) {
  if (o.focus.empty()) return analysis::whole_graph(g, caption(o, dispatches, ""));
  const auto focus = analysis::find_actor_named(g, o.focus);
  analysis::Drawing drawing;
  drawing.actors = analysis::neighbourhood(g, focus, o.depth);
  drawing.focus = focus;
  drawing.caption = caption(o, dispatches, graph::display_label(g.actor(focus)));
  return drawing;
}

}  // namespace

int run_render(const CommonOptions& common, const RenderOptions& o) {
  const auto format = analysis::image_format_for(o.output);
  if (!format) {
    std::fprintf(stderr, "diplograph render: -o %s: the name must end in .svg or .png\n",
                 o.output.c_str());
    return kUsage;
  }
  graph::DiplomaticGraph g;
  std::size_t dispatches = 0;
  std::vector<std::string> errors;
  std::string image;
  std::size_t drawn = 0;
  try {
    const analysis::DateRange range(o.since, o.until);
    errors = analysis::read_records(analysis::assertions_file(o.outdir), [&](DispatchRecord&& r) {
      if (!range.contains(r.date)) return;
      g.add(r);
      ++dispatches;
    });
    for (const auto& error : errors) std::fprintf(stderr, "error: %s\n", error.c_str());
    if (dispatches == 0) std::fprintf(stderr, "diplograph render: warning: no dispatch to draw\n");
    const auto drawing = drawing_for(o, g, dispatches);
    drawn = drawing.actors.size();
    image = analysis::render(g, drawing, *format);
  } catch (const std::invalid_argument& e) {  // a bad date or an unknown --focus
    std::fprintf(stderr, "diplograph render: %s\n", e.what());
    return kUsage;
  } catch (const std::runtime_error& e) {  // unreadable input, Graphviz failure
    std::fprintf(stderr, "diplograph render: %s\n", e.what());
    return kFailure;
  }
  std::string error;
  if (!write_file_atomically(o.output, image, error)) {
    std::fprintf(stderr, "diplograph: %s\n", error.c_str());
    return kFailure;
  }
  if (!common.quiet)
    std::fprintf(stderr, "%zu dispatches, %zu actors drawn; wrote %s\n", dispatches, drawn,
                 o.output.c_str());
  return errors.empty() ? kOk : kInputErrors;
}

}  // namespace diplograph::cli

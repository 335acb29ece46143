// The review page: the source beside the recognised structure.
#include "qspec/review.hpp"

#include "qspec/lines.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace qspec::review {

namespace {

constexpr const char* style = R"css(
*{box-sizing:border-box}
body{margin:0;font:14px/1.4 system-ui,sans-serif;color:#1d1d1f;background:#fff}
header{padding:10px 16px;border-bottom:1px solid #ccc;background:#f7f7f9}
header h1{font-size:17px;margin:0 0 6px}
.counts{margin:0 0 4px}
.counts b{font-variant-numeric:tabular-nums}
.kinds{margin:0;font-size:12px;color:#444}
.kinds span{display:inline-block;margin:0 10px 2px 0}
.docdiags{margin:4px 0 0;padding-left:18px;font-size:12px}
main{display:grid;grid-template-columns:1fr 1fr;height:calc(100vh - var(--head,110px))}
#source,#structure{overflow:auto;padding:6px 0}
#source{border-right:1px solid #ccc;font:12.5px/1.45 ui-monospace,monospace}
.line{display:flex;padding:0 8px 0 0;border-left:4px solid transparent;cursor:pointer}
.line .n{flex:0 0 4.2em;text-align:right;padding-right:10px;color:#888;user-select:none}
.line .t{white-space:pre-wrap;word-break:break-word;flex:1}
.line.furniture{color:#9a9a9a;background:#f2f2f2}
.line.furniture .t::after{content:"  furniture: " attr(data-role);font-style:italic;font-size:11px}
.line.unclassified{background:#fff1c2;border-left-color:#e0a400}
.line.diag-warning{border-left-color:#d9480f}
.line.diag-error{border-left-color:#c00;background:#ffe3e3}
.line.diag-note{border-left-color:#7aa7d9}
.line.hl{background:#cfe6ff}
.diag{display:block;margin:1px 0 3px;padding:1px 6px;border-radius:3px;font:11.5px/1.35 system-ui,sans-serif;white-space:normal}
.diag.warning{background:#fde4d8;color:#7a2500}
.diag.error{background:#ffd6d6;color:#7a0000}
.diag.note{background:#e3eefb;color:#1f3f66}
#structure ul{list-style:none;margin:0;padding-left:16px}
#structure>ul{padding-left:8px}
.node{padding:1px 6px;border-radius:3px;cursor:pointer;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.node:hover{background:#f0f4fa}
.node.sel{background:#cfe6ff;outline:1px solid #5b9bd5}
.node .kind{color:#6b4fa0;font-size:12px}
.node .code{font-weight:600;margin-left:4px}
.node .label{color:#555;margin-left:4px}
.node .text{margin-left:6px;color:#222}
.node .span{color:#999;font-size:11px;margin-left:6px}
)css";

constexpr const char* script = R"js(
(function () {
  var all = Array.prototype.slice.call(document.querySelectorAll('#structure .node'));
  var spanned = all.filter(function (n) { return n.hasAttribute('data-begin'); });
  var lit = [], selected = null;
  var head = document.querySelector('header');
  document.body.style.setProperty('--head', head.offsetHeight + 'px');
  function light(b, e) {
    lit.forEach(function (l) { l.classList.remove('hl'); });
    lit = [];
    for (var i = b; i <= e; ++i) {
      var l = document.getElementById('L' + i);
      if (l) { l.classList.add('hl'); lit.push(l); }
    }
    document.body.setAttribute('data-highlighted', lit.map(function (l) { return l.getAttribute('data-line'); }).join(','));
  }
  function select(node, scrollSource) {
    if (selected) selected.classList.remove('sel');
    selected = node;
    node.classList.add('sel');
    document.body.setAttribute('data-selected', node.getAttribute('data-id'));
    if (node.hasAttribute('data-begin')) {
      var b = +node.getAttribute('data-begin'), e = +node.getAttribute('data-end');
      light(b, e);
      var first = document.getElementById('L' + b);
      if (scrollSource && first) first.scrollIntoView({block: 'center'});
    } else {
      light(1, 0);
    }
  }
  // the node a line belongs to: the smallest span holding it, the outermost of equals
  function holder(line) {
    var best = null, size = Infinity;
    spanned.forEach(function (n) {
      var b = +n.getAttribute('data-begin'), e = +n.getAttribute('data-end');
      if (b <= line && line <= e && e - b < size) { best = n; size = e - b; }
    });
    return best;
  }
  function fromLine(line) {
    var n = holder(line);
    if (!n) return;
    select(n, false);
    n.scrollIntoView({block: 'center'});
  }
  document.getElementById('structure').addEventListener('click', function (ev) {
    var n = ev.target.closest('.node');
    if (n) select(n, true);
  });
  document.getElementById('structure').addEventListener('keydown', function (ev) {
    var n = ev.target.closest('.node');
    if (n && (ev.key === 'Enter' || ev.key === ' ')) { ev.preventDefault(); select(n, true); }
  });
  document.getElementById('source').addEventListener('click', function (ev) {
    var l = ev.target.closest('.line');
    if (l) fromLine(+l.getAttribute('data-line'));
  });
  var q = new URLSearchParams(location.search);
  if (q.has('select')) {
    var want = q.get('select');
    var n = all.filter(function (x) { return x.getAttribute('data-id') === want; })[0];
    if (n) { select(n, true); n.scrollIntoView({block: 'center'}); }
  }
  if (q.has('line')) fromLine(+q.get('line'));
  document.body.setAttribute('data-ready', String(all.length));
})();
)js";

/// Kinds shown on the source side, not as structure.
bool annotation(std::string_view kind) { return kind == "diagnostic" || kind == "furniture"; }

std::int64_t integer(const tree::node& n, std::string_view name) {
  if (const auto* f = n.find(name))
    if (const auto* i = std::get_if<std::int64_t>(&f->value)) return *i;
  return 0;
}

int rank(std::string_view severity) {
  if (severity == "error") return 3;
  if (severity == "warning") return 2;
  return 1;
}

struct line_info {
  std::string_view furniture_role;
  bool furniture = false;
  bool unclassified = false;
  int diagnostic = 0;  ///< the highest severity naming this line (0 none, 1 note, 2 warning, 3 error)
  std::vector<const tree::node*> diagnostics;  ///< those that begin on it
};

struct page_builder {
  std::vector<line_info> lines;  // index = line number
  std::map<std::string_view, std::size_t> kinds;
  std::size_t nodes = 0;
  std::map<std::string_view, std::size_t> severities;
  std::vector<const tree::node*> document_diagnostics;  // no span
  std::ostringstream structure;

  void mark(const tree::node& n) {
    if (n.span.empty()) return;
    const auto last = std::min<std::size_t>(n.span.end.line, lines.empty() ? 0 : lines.size() - 1);
    for (std::size_t l = n.span.begin.line; l <= last; ++l) {
      auto& info = lines[l];
      if (n.kind == "furniture") {
        info.furniture = true;
        info.furniture_role = n.text("role");
      } else {
        info.diagnostic = std::max(info.diagnostic, rank(n.text("severity")));
        if (n.text("code") == "Q-W110") info.unclassified = true;
      }
    }
    if (n.kind == "diagnostic" && n.span.begin.line < lines.size()) lines[n.span.begin.line].diagnostics.push_back(&n);
  }

  void walk(const tree::node& n) {
    if (annotation(n.kind)) {
      if (n.kind == "diagnostic") {
        ++severities[n.text("severity")];
        if (n.span.empty()) document_diagnostics.push_back(&n);
      }
      mark(n);
      // what furniture holds (a sign-off form's fields) stays with it on the source side
      for (const auto& c : n.children)
        if (annotation(c.kind)) walk(c);
      return;
    }
    if (n.kind != "document") {
      ++nodes;
      ++kinds[n.kind];
    }
    structure << "<li><div class=\"node\" tabindex=\"0\" data-kind=\"";
    write_escaped(structure, n.kind);
    structure << "\" data-id=\"";
    write_escaped(structure, n.id);
    structure << '"';
    if (!n.span.empty())
      structure << " data-begin=\"" << n.span.begin.line << "\" data-end=\"" << n.span.end.line << '"';
    structure << "><span class=\"kind\">";
    write_escaped(structure, n.kind);
    structure << "</span>";
    if (auto code = tree::code_of(n); !code.empty()) {
      structure << "<span class=\"code\">";
      write_escaped(structure, code);
      structure << "</span>";
    }
    if (auto label = tree::label_of(n); !label.empty()) {
      structure << "<span class=\"label\">";
      write_escaped(structure, label);
      structure << "</span>";
    }
    // a document node shows the file it was read from
    std::string_view text = tree::text_of(n);
    if (text.empty()) text = n.text("source");
    if (!text.empty()) {
      structure << "<span class=\"text\">";
      write_escaped(structure, text);
      structure << "</span>";
    }
    if (!n.span.empty()) {
      structure << "<span class=\"span\">";
      if (n.span.begin.line == n.span.end.line) structure << n.span.begin.line;
      else structure << n.span.begin.line << "\u2013" << n.span.end.line;
      structure << "</span>";
    }
    structure << "</div>";
    bool open = false;
    for (const auto& c : n.children) {
      if (!annotation(c.kind) && !open) {
        structure << "<ul>";
        open = true;
      }
      walk(c);
    }
    if (open) structure << "</ul>";
    structure << "</li>";
  }
};

void write_diagnostic(std::ostream& out, const tree::node& d) {
  auto severity = d.text("severity");
  out << "<span class=\"diag ";
  write_escaped(out, severity);
  out << "\">";
  write_escaped(out, severity);
  out << " [";
  write_escaped(out, d.text("code"));
  out << "] ";
  write_escaped(out, d.text("message"));
  out << "</span>";
}

}  // namespace

void write_escaped(std::ostream& out, std::string_view text) {
  std::size_t from = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char* entity = nullptr;
    switch (text[i]) {
      case '&': entity = "&amp;"; break;
      case '<': entity = "&lt;"; break;
      case '>': entity = "&gt;"; break;
      case '"': entity = "&quot;"; break;
      case '\'': entity = "&#39;"; break;
      case '\0': entity = "\xEF\xBF\xBD"; break;  // U+FFFD: HTML has no NUL
      default: continue;
    }
    out.write(text.data() + from, static_cast<std::streamsize>(i - from));
    out << entity;
    from = i + 1;
  }
  out.write(text.data() + from, static_cast<std::streamsize>(text.size() - from));
}

void write_page(const tree::node& root, std::string_view source, std::string_view name, std::ostream& out) {
  const auto text_lines = qspec::split_lines(source);
  page_builder b;
  b.lines.resize(text_lines.size() + 1);
  b.structure << "<ul>";
  b.walk(root);
  b.structure << "</ul>";

  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>qspec review: ";
  write_escaped(out, name);
  out << "</title>\n<style>" << style << "</style>\n</head>\n<body>\n<header>\n<h1>";
  write_escaped(out, name);
  auto kind = root.text("document_kind");
  if (!kind.empty()) {
    out << " <small>(";
    write_escaped(out, kind);
    out << ")</small>";
  }
  out << "</h1>\n<p class=\"counts\" id=\"counts\">";
  auto count = [&out](std::string_view key, std::int64_t n, std::string_view what, bool first = false) {
    if (!first) out << ", ";
    out << "<b data-count=\"" << key << "\">" << n << "</b> " << what;
  };
  count("lines", integer(root, "lines"), "lines:", true);
  out << ' ';
  count("content", integer(root, "content_lines"), "content", true);
  count("furniture", integer(root, "furniture_lines"), "furniture");
  count("blank", integer(root, "blank_lines"), "blank");
  count("unclassified", integer(root, "unclassified_lines"), "unclassified");
  out << " &middot; ";
  count("nodes", static_cast<std::int64_t>(b.nodes), "nodes", true);
  out << " &middot; ";
  count("errors", static_cast<std::int64_t>(b.severities["error"]), "errors", true);
  count("warnings", static_cast<std::int64_t>(b.severities["warning"]), "warnings");
  count("notes", static_cast<std::int64_t>(b.severities["note"]), "notes");
  out << "</p>\n<p class=\"kinds\">";
  for (const auto& [k, n] : b.kinds) {
    out << "<span data-kind=\"";
    write_escaped(out, k);
    out << "\">";
    write_escaped(out, k);
    out << " <b>" << n << "</b></span>";
  }
  out << "</p>\n";
  if (!b.document_diagnostics.empty()) {
    out << "<ul class=\"docdiags\">";
    for (const auto* d : b.document_diagnostics) {
      out << "<li>";
      write_diagnostic(out, *d);
      out << "</li>";
    }
    out << "</ul>\n";
  }
  out << "</header>\n<main>\n<section id=\"source\" aria-label=\"source\">\n";
  for (std::size_t l = 1; l <= text_lines.size(); ++l) {
    const auto& info = b.lines[l];
    out << "<div class=\"line";
    if (info.furniture) out << " furniture";
    if (info.unclassified) out << " unclassified";
    if (info.diagnostic == 3) out << " diag-error";
    else if (info.diagnostic == 2) out << " diag-warning";
    else if (info.diagnostic == 1) out << " diag-note";
    out << "\" id=\"L" << l << "\" data-line=\"" << l << "\"><span class=\"n\">" << l << "</span><span class=\"t\"";
    if (info.furniture) {
      out << " data-role=\"";
      write_escaped(out, info.furniture_role.empty() ? std::string_view("furniture") : info.furniture_role);
      out << '"';
    }
    out << '>';
    write_escaped(out, text_lines[l - 1]);
    for (const auto* d : info.diagnostics) write_diagnostic(out, *d);
    out << "</span></div>\n";
  }
  out << "</section>\n<section id=\"structure\" aria-label=\"structure\">\n" << b.structure.str()
      << "\n</section>\n</main>\n<script>" << script << "</script>\n</body>\n</html>\n";
}

}  // namespace qspec::review

// Diff reports: text (with colour on a terminal), a tree for JSON and YAML,
// and one self-contained HTML page built with pugixml (which escapes).
#include <pugixml.hpp>

#include <array>
#include <map>

#include "qspec/diff.hpp"

namespace qspec::diff {
namespace {

constexpr std::array<op, 5> all_ops = {op::added, op::removed, op::modified, op::moved, op::renumbered};

std::string where(const source_span& s) {
  if (s.empty()) return "-";
  return std::to_string(s.begin.line) + ":" + std::to_string(s.begin.column) + "-" + std::to_string(s.end.line) +
         ":" + std::to_string(s.end.column);
}

/// A label cut to a line's length for the text report.
std::string short_label(const std::string& s) {
  if (s.size() <= 120) return s;
  std::size_t cut = 117;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
  return s.substr(0, cut) + "\u2026";
}

std::map<op, std::size_t> count_ops(const result& r) {
  std::map<op, std::size_t> n;
  for (const auto& c : r.changes) ++n[c.what];
  return n;
}

std::map<std::string, std::size_t> count_kinds(const result& r) {
  std::map<std::string, std::size_t> n;
  for (const auto& c : r.changes) ++n[c.kind];
  return n;
}

std::string summary_line(const result& r) {
  auto n = count_ops(r);
  std::string s = std::to_string(r.changes.size()) + (r.changes.size() == 1 ? " change" : " changes");
  std::string parts;
  for (auto o : all_ops)
    if (n[o]) parts += (parts.empty() ? "" : ", ") + std::to_string(n[o]) + " " + std::string(to_string(o));
  return parts.empty() ? s : s + ": " + parts;
}

std::string group_of(const change& c) {
  if (!c.context.empty()) return c.context.front();
  return c.after ? c.after->id : c.before->id;
}

}  // namespace

void write_text(const result& r, std::ostream& out, bool colour) {
  const char* red = colour ? "\x1b[31m" : "";
  const char* green = colour ? "\x1b[32m" : "";
  const char* bold = colour ? "\x1b[1m" : "";
  const char* off = colour ? "\x1b[0m" : "";
  out << bold << "qspec diff" << off << ": " << r.old_name << " -> " << r.new_name << '\n';
  out << summary_line(r) << '\n';
  auto kinds = count_kinds(r);
  if (!kinds.empty()) {
    out << "by kind:";
    for (const auto& [k, n] : kinds) out << ' ' << k << ' ' << n << ';';
    out << '\n';
  }
  for (const auto& c : r.changes) {
    out << '\n' << bold << to_string(c.what) << ' ' << c.kind << off << ' ';
    if (c.before) out << c.before->id << " (" << where(c.before->span) << ")";
    if (c.before && c.after) out << " -> ";
    if (c.after) out << c.after->id << " (" << where(c.after->span) << ")";
    out << '\n';
    if (c.before && c.after && c.before->number != c.after->number)
      out << "  number " << c.before->number << " -> " << c.after->number << '\n';
    if (!c.detail.empty()) out << "  " << c.detail << '\n';
    if (c.what == op::added) out << "  " << green << short_label(c.after->label) << off << '\n';
    if (c.what == op::removed) out << "  " << red << short_label(c.before->label) << off << '\n';
    if ((c.what == op::moved || c.what == op::renumbered) && c.fields.empty())
      out << "  " << short_label(c.after->label) << '\n';
    for (const auto& f : c.fields) {
      out << "  " << f.field << ": ";
      for (const auto& w : f.words) {
        switch (w.what) {
          case word_run::type::equal: out << w.text; break;
          case word_run::type::removed: out << red << (colour ? "" : "[-") << w.text << (colour ? "" : "-]") << off; break;
          case word_run::type::added: out << green << (colour ? "" : "{+") << w.text << (colour ? "" : "+}") << off; break;
        }
      }
      out << '\n';
    }
  }
}

tree::node to_tree(const result& r) {
  tree::node root;
  root.kind = "diff";
  root.id = "diff";
  root.fields.push_back({"old", r.old_name});
  root.fields.push_back({"new", r.new_name});
  auto n = count_ops(r);
  root.fields.push_back({"changes", static_cast<std::int64_t>(r.changes.size())});
  for (auto o : all_ops) root.fields.push_back({std::string(to_string(o)), static_cast<std::int64_t>(n[o])});
  std::size_t k = 0;
  for (const auto& c : r.changes) {
    tree::node ch;
    ch.kind = "change";
    ch.id = "change/" + std::to_string(++k);
    ch.span = c.after ? c.after->span : c.before->span;
    ch.fields.push_back({"op", std::string(to_string(c.what))});
    ch.fields.push_back({"node_kind", c.kind});
    if (c.before) {
      ch.fields.push_back({"old_id", c.before->id});
      ch.fields.push_back({"old_span", c.before->span});
      if (!c.before->number.empty()) ch.fields.push_back({"old_number", c.before->number});
    }
    if (c.after) {
      ch.fields.push_back({"new_id", c.after->id});
      ch.fields.push_back({"new_span", c.after->span});
      if (!c.after->number.empty()) ch.fields.push_back({"new_number", c.after->number});
    }
    if (!c.detail.empty()) ch.fields.push_back({"detail", c.detail});
    ch.fields.push_back({"label", c.after ? c.after->label : c.before->label});
    ch.fields.push_back({"context", c.context});
    for (const auto& f : c.fields) {
      tree::node fc;
      fc.kind = "field_change";
      fc.id = ch.id + "/" + f.field;
      fc.span = ch.span;
      fc.fields.push_back({"field", f.field});
      fc.fields.push_back({"before", f.before});
      fc.fields.push_back({"after", f.after});
      std::size_t w = 0;
      for (const auto& run : f.words) {
        tree::node wn;
        wn.kind = "word_run";
        wn.id = fc.id + "/" + std::to_string(++w);
        wn.span = ch.span;
        wn.fields.push_back({"op", std::string(run.what == word_run::type::equal     ? "equal"
                                                : run.what == word_run::type::removed ? "removed"
                                                                                      : "added")});
        wn.fields.push_back({"text", run.text});
        fc.children.push_back(std::move(wn));
      }
      ch.children.push_back(std::move(fc));
    }
    root.children.push_back(std::move(ch));
  }
  return root;
}

namespace {

const char* css =
    "body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:78em;color:#1d1d1f;padding:0 1em}"
    "h1{font-size:1.5em}h2{font-size:1.15em;border-bottom:2px solid #ccd;padding-bottom:.2em;margin-top:2em}"
    "table.summary{border-collapse:collapse;margin:.5em 2em .5em 0;display:inline-table;vertical-align:top}"
    "table.summary td,table.summary th{border:1px solid #ccd;padding:.2em .6em;text-align:left}"
    ".change{border:1px solid #dde;border-radius:6px;margin:1em 0;padding:.6em .9em}"
    ".change h3{font-size:1em;margin:0 0 .4em}"
    ".op{display:inline-block;border-radius:4px;padding:0 .45em;margin-right:.4em;color:#fff;background:#667}"
    ".op-added .op{background:#1a7f37}.op-removed .op{background:#cf222e}.op-modified .op{background:#9a6700}"
    ".op-moved .op{background:#0969da}.op-renumbered .op{background:#8250df}"
    ".context{color:#667;font-size:.9em}.sides{display:grid;grid-template-columns:1fr 1fr;gap:1em}"
    ".side{background:#f6f8fa;border-radius:4px;padding:.4em .7em}.side h4{margin:0 0 .3em;font-size:.85em;color:#556}"
    ".field{margin:.2em 0}.field b{color:#445}"
    "del{background:#ffebe9;color:#82071e}ins{background:#dafbe1;color:#116329;text-decoration:none}"
    ".empty{color:#999;font-style:italic}";

void text_with(pugi::xml_node parent, const std::vector<word_run>& runs, bool old_side) {
  for (const auto& w : runs) {
    if (w.what == word_run::type::equal) parent.append_child(pugi::node_pcdata).set_value(w.text.c_str());
    else if (w.what == word_run::type::removed && old_side) parent.append_child("del").text() = w.text.c_str();
    else if (w.what == word_run::type::added && !old_side) parent.append_child("ins").text() = w.text.c_str();
  }
}

void side_box(pugi::xml_node sides, const change& c, bool old_side) {
  auto box = sides.append_child("div");
  box.append_attribute("class") = old_side ? "side old" : "side new";
  const auto& s = old_side ? c.before : c.after;
  auto h = box.append_child("h4");
  if (!s) {
    h.text() = old_side ? "old: not present" : "new: not present";
    return;
  }
  std::string head = std::string(old_side ? "old: " : "new: ") + s->id + " (" + where(s->span) + ")";
  if (!s->number.empty()) head += ", number " + s->number;
  h.text() = head.c_str();
  if (c.fields.empty()) {
    auto p = box.append_child("p");
    if (s->label.empty()) {
      p.text() = "(no text)";
      return;
    }
    if (c.what == op::added) p.append_child("ins").text() = s->label.c_str();
    else if (c.what == op::removed) p.append_child("del").text() = s->label.c_str();
    else p.text() = s->label.c_str();
  }
  for (const auto& f : c.fields) {
    auto p = box.append_child("p");
    p.append_attribute("class") = "field";
    p.append_child("b").text() = (f.field + ": ").c_str();
    if ((old_side ? f.before : f.after).empty()) {
      auto e = p.append_child("span");
      e.append_attribute("class") = "empty";
      e.text() = "(none)";
    }
    text_with(p, f.words, old_side);
  }
}

}  // namespace

void write_html(const result& r, std::ostream& out) {
  pugi::xml_document doc;
  doc.append_child(pugi::node_doctype).set_value("html");
  auto html = doc.append_child("html");
  html.append_attribute("lang") = "en";
  auto head = html.append_child("head");
  head.append_child("meta").append_attribute("charset") = "utf-8";
  head.append_child("title").text() = ("qspec diff: " + r.old_name + " -> " + r.new_name).c_str();
  head.append_child("style").text() = css;
  auto body = html.append_child("body");
  body.append_child("h1").text() = "qspec diff";
  auto files = body.append_child("p");
  files.text() = ("old: " + r.old_name + " \u2014 new: " + r.new_name).c_str();
  auto summary = body.append_child("p");
  summary.append_attribute("id") = "summary";
  summary.text() = summary_line(r).c_str();
  auto ops = body.append_child("table");
  ops.append_attribute("class") = "summary";
  auto tr = ops.append_child("tr");
  tr.append_child("th").text() = "change";
  tr.append_child("th").text() = "count";
  auto n = count_ops(r);
  for (auto o : all_ops) {
    auto row = ops.append_child("tr");
    row.append_child("td").text() = std::string(to_string(o)).c_str();
    row.append_child("td").text() = std::to_string(n[o]).c_str();
  }
  auto kinds = body.append_child("table");
  kinds.append_attribute("class") = "summary";
  tr = kinds.append_child("tr");
  tr.append_child("th").text() = "kind";
  tr.append_child("th").text() = "changes";
  for (const auto& [k, c] : count_kinds(r)) {
    auto row = kinds.append_child("tr");
    row.append_child("td").text() = k.c_str();
    row.append_child("td").text() = std::to_string(c).c_str();
  }
  if (r.changes.empty()) body.append_child("p").text() = "No differences.";
  // grouped by the outermost node: unit, topic, qualification…
  std::vector<std::string> order;
  std::map<std::string, std::vector<const change*>> groups;
  for (const auto& c : r.changes) {
    auto g = group_of(c);
    if (!groups.count(g)) order.push_back(g);
    groups[g].push_back(&c);
  }
  for (const auto& g : order) {
    auto sec = body.append_child("section");
    sec.append_attribute("class") = "group";
    sec.append_child("h2").text() = g.c_str();
    for (const change* c : groups[g]) {
      auto div = sec.append_child("div");
      div.append_attribute("class") = ("change op-" + std::string(to_string(c->what))).c_str();
      auto h3 = div.append_child("h3");
      auto tag = h3.append_child("span");
      tag.append_attribute("class") = "op";
      tag.text() = std::string(to_string(c->what)).c_str();
      h3.append_child(pugi::node_pcdata).set_value((c->kind + " " + (c->after ? c->after->id : c->before->id)).c_str());
      std::string ctx;
      for (const auto& x : c->context) ctx += (ctx.empty() ? "" : " \u203A ") + x;
      if (!c->detail.empty()) ctx += (ctx.empty() ? "" : " \u2014 ") + c->detail;
      if (!ctx.empty()) {
        auto p = div.append_child("p");
        p.append_attribute("class") = "context";
        p.text() = ctx.c_str();
      }
      auto sides = div.append_child("div");
      sides.append_attribute("class") = "sides";
      side_box(sides, *c, true);
      side_box(sides, *c, false);
    }
  }
  doc.save(out, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
  out << '\n';
}

}  // namespace qspec::diff

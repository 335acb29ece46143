// qspec command line. Exit codes: 0 ok, 1 errors (or warnings under
// --strict), 2 usage, 3 unreadable or unsupported input.
#include <CLI/CLI.hpp>

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "qspec/catalogue.hpp"
#include "qspec/diff.hpp"
#include "qspec/read.hpp"
#include "qspec/emit.hpp"
#include "qspec/parse.hpp"

namespace fs = std::filesystem;

namespace {

constexpr int exit_ok = 0, exit_findings = 1, exit_usage = 2, exit_input = 3;

const char* exit_codes_text =
    "Exit codes: 0 ok; 1 errors in a document (or warnings, with --strict); 2 usage; "
    "3 unreadable or unsupported input.";

struct parse_command {
  std::vector<std::string> inputs;
  std::string format_name = "json";
  std::string output;
  std::string diagnostics = "text";
  std::string kind;
  bool strict = false;
  bool coverage = false;
  bool notes = false;
};

std::string extension(qspec::format f) {
  switch (f) {
    case qspec::format::json: return ".json";
    case qspec::format::yaml: return ".yaml";
    case qspec::format::xml: return ".xml";
  }
  return ".out";
}

/// Writes through a temporary file renamed into place, so an interrupted
/// run never leaves a half-written catalogue.
bool write_atomically(const fs::path& target, const std::string& content, std::string& error) {
  std::error_code ec;
  auto status = fs::status(target, ec);
  if (fs::exists(status) && !fs::is_regular_file(status)) {
    // a device or a pipe (/dev/null, /dev/stdout): write to it, never replace it
    std::ofstream out(target, std::ios::binary);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    if (!out) error = "cannot write '" + target.string() + "'";
    return static_cast<bool>(out);
  }
  fs::path tmp = target;
  tmp += ".qspec-tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) {
      error = "cannot write '" + tmp.string() + "'";
      return false;
    }
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.flush();
    if (!out) {
      error = "cannot write '" + tmp.string() + "'";
      std::error_code ec;
      fs::remove(tmp, ec);
      return false;
    }
  }
  fs::rename(tmp, target, ec);
  if (ec) {
    error = "cannot move the catalogue into '" + target.string() + "': " + ec.message();
    fs::remove(tmp, ec);
    return false;
  }
  return true;
}

void print_diagnostics(const std::string& name, const std::vector<qspec::diagnostic>& diags, bool notes) {
  for (const auto& d : diags) {
    if (d.level == qspec::severity::note && !notes) continue;
    std::cerr << name;
    if (d.span.begin.line > 0) std::cerr << ':' << d.span.begin.line << ':' << d.span.begin.column;
    std::cerr << ": " << qspec::to_string(d.level) << ": [" << d.code << "] " << d.message << '\n';
  }
}

std::string summary(const std::string& name, const qspec::parse_result& r) {
  const auto& doc = r.doc;
  std::size_t elements = 0, criteria = 0, points = 0, terms = 0;
  for (const auto& u : doc.units) {
    elements += u.elements.size();
    for (const auto& e : u.elements) criteria += e.criteria.size();
    if (u.knowledge)
      for (const auto& g : u.knowledge->groups) points += g.points.size();
    if (u.glossary_part) terms += u.glossary_part->terms.size();
  }
  std::size_t warnings = 0, errors = 0;
  for (const auto& d : r.diagnostics) {
    if (d.level == qspec::severity::warning) ++warnings;
    if (d.level == qspec::severity::error) ++errors;
  }
  std::ostringstream s;
  s << name << ": " << qspec::to_string(doc.type);
  if (!doc.frameworks.empty()) {
    const auto& f = doc.frameworks.front();
    std::size_t subtopics = 0, outcomes = 0, criteria = 0, terms = 0;
    for (const auto& t : f.topics)
      for (const auto& st : t.subtopics) {
        ++subtopics;
        terms += st.guidance.size();
        for (const auto& o : st.outcomes) ++outcomes, criteria += o.criteria.size();
      }
    s << ", " << f.topics.size() << " topics, " << subtopics << " sub-topics, " << outcomes << " outcomes, "
      << criteria << " criteria, " << terms << " guidance terms";
  } else if (!doc.qualifications.empty()) {
    const auto& q = doc.qualifications.front();
    std::size_t units = 0;
    for (const auto& g : q.groups) units += g.units.size();
    s << ", " << units << " units in " << q.groups.size() << " groups, " << q.rules.size() << " rules, "
      << q.barred.size() << " barred combinations, " << q.pathways.size() << " pathways";
  } else if (!doc.units.empty())
    s << ", " << doc.units.size() << " unit, " << elements << " elements, " << criteria << " criteria, " << points
      << " knowledge points, " << terms << " glossary terms";
  else
    s << ", " << doc.sections.size() << " sections";
  s << "; lines " << doc.lines.lines << " (content " << doc.lines.content << ", furniture " << doc.lines.furniture
    << ", blank " << doc.lines.blank << ", unclassified " << doc.lines.unclassified << "); " << errors << " errors, "
    << warnings << " warnings";
  return s.str();
}

/// An input file and, when writing into a folder, the catalogue's path
/// relative to it: a file found under a folder keeps its place below it.
struct input_file {
  fs::path path;
  fs::path relative_output;
};

std::vector<input_file> expand_inputs(const std::vector<std::string>& inputs, const std::string& ext) {
  std::vector<input_file> files;
  for (const auto& in : inputs) {
    if (in == "-") {
      files.push_back({"-", "stdin" + ext});
      continue;
    }
    std::error_code ec;
    if (fs::is_directory(in, ec)) {
      std::vector<fs::path> found;
      for (const auto& entry : fs::recursive_directory_iterator(in, ec))
        if (entry.is_regular_file() && entry.path().extension() == ".txt") found.push_back(entry.path());
      std::sort(found.begin(), found.end());
      for (auto& f : found) {
        fs::path rel = f.lexically_relative(in);
        rel.replace_extension(ext);
        files.push_back({f, rel});
      }
    } else {
      files.push_back({in, fs::path(in).stem().string() + ext});
    }
  }
  return files;
}

int run_parse(const parse_command& cmd) {
  auto fmt = qspec::format_from_name(cmd.format_name);
  if (!fmt) {
    std::cerr << "qspec: unknown format '" << cmd.format_name << "' (json, yaml or xml)\n";
    return exit_usage;
  }
  qspec::parse_options options;
  if (!cmd.kind.empty()) options.kind = qspec::document_kind_from_string(cmd.kind);
  std::string error;
  auto files = expand_inputs(cmd.inputs, extension(*fmt));
  bool many = files.size() > 1;
  for (const auto& in : cmd.inputs) {
    std::error_code ec;
    if (in != "-" && fs::is_directory(in, ec)) many = true;
  }
  std::error_code ec;
  if (many) {
    if (cmd.output.empty() || !fs::is_directory(cmd.output, ec)) {
      std::cerr << "qspec: several inputs need -o naming an existing folder"
                << (cmd.output.empty() ? std::string() : " ('" + cmd.output + "' is not one)") << '\n';
      return exit_usage;
    }
  } else if (!cmd.output.empty()) {
    fs::path parent = fs::path(cmd.output).parent_path();
    if (!parent.empty() && !fs::is_directory(parent, ec)) {
      std::cerr << "qspec: the folder '" << parent.string() << "' for -o does not exist\n";
      return exit_usage;
    }
  }
  if (many) {
    std::vector<fs::path> targets;
    for (const auto& f : files) targets.push_back(f.relative_output);
    std::sort(targets.begin(), targets.end());
    if (auto dup = std::adjacent_find(targets.begin(), targets.end()); dup != targets.end()) {
      std::cerr << "qspec: two inputs would write the same catalogue '" << dup->string() << "'\n";
      return exit_usage;
    }
  }
  int status = exit_ok;
  for (const auto& input : files) {
    const fs::path& file = input.path;
    std::string name = file.string();
    auto loaded = qspec::load_file(name);
    if (!loaded) {
      std::cerr << name << ": error: " << loaded.error << '\n';
      status = std::max(status, exit_input);
      continue;
    }
    options.source_name = name;
    auto result = qspec::parse(loaded, options);
    if (cmd.diagnostics == "json") qspec::emit_diagnostics_json(result.diagnostics, name, std::cerr);
    else print_diagnostics(name, result.diagnostics, cmd.notes);
    std::ostringstream out;
    qspec::emit(result.doc, result.diagnostics, *fmt, out);
    fs::path target;
    if (many) {
      target = fs::path(cmd.output) / input.relative_output;
      fs::create_directories(target.parent_path(), ec);
    }
    else if (!cmd.output.empty()) target = cmd.output;
    if (!target.empty()) {
      if (name != "-" && fs::exists(target, ec) && fs::equivalent(target, file, ec)) {
        std::cerr << "qspec: refusing to overwrite the input '" << name << "' with its catalogue\n";
        return exit_usage;
      }
      if (!write_atomically(target, out.str(), error)) {
        std::cerr << "qspec: " << error << '\n';
        return exit_input;
      }
    } else {
      std::cout << out.str();
    }
    if (many) std::cout << summary(name, result) << " -> " << target.string() << '\n';
    if (cmd.coverage)
      std::cerr << name << ": coverage: " << result.doc.lines.content << " in nodes, " << result.doc.lines.furniture
                << " furniture or boilerplate, " << result.doc.lines.unclassified << " unclassified ("
                << result.doc.lines.blank << " blank of " << result.doc.lines.lines << " lines)\n";
    if (result.has_errors() || (cmd.strict && result.has_warnings())) status = std::max(status, exit_findings);
  }
  return status;
}

/// Several documents merged into one catalogue.
int run_catalogue(const parse_command& cmd) {
  auto fmt = qspec::format_from_name(cmd.format_name);
  if (!fmt) return exit_usage;
  std::error_code ec;
  if (!cmd.output.empty()) {
    fs::path parent = fs::path(cmd.output).parent_path();
    if (!parent.empty() && !fs::is_directory(parent, ec)) {
      std::cerr << "qspec: the folder '" << parent.string() << "' for -o does not exist\n";
      return exit_usage;
    }
  }
  std::vector<qspec::document> docs;
  std::vector<std::vector<qspec::diagnostic>> diags;
  int status = exit_ok;
  auto files = expand_inputs(cmd.inputs, extension(*fmt));
  for (const auto& input : files) {
    std::string name = input.path.string();
    if (!cmd.output.empty() && name != "-" && fs::exists(cmd.output, ec) && fs::equivalent(cmd.output, input.path, ec)) {
      std::cerr << "qspec: refusing to overwrite the input '" << name << "' with the catalogue\n";
      return exit_usage;
    }
    auto loaded = qspec::load_file(name);
    if (!loaded) {
      std::cerr << name << ": error: " << loaded.error << '\n';
      status = std::max(status, exit_input);
      continue;
    }
    qspec::parse_options options;
    options.source_name = name;
    auto result = qspec::parse(loaded, options);
    docs.push_back(std::move(result.doc));
    diags.push_back(std::move(result.diagnostics));
  }
  auto cat = qspec::merge(std::move(docs), std::move(diags));
  if (cmd.diagnostics == "json") qspec::emit_diagnostics_json(cat.diagnostics, "", std::cerr);
  else
    for (const auto& d : cat.diagnostics) print_diagnostics(d.document, {d}, cmd.notes);
  std::ostringstream out;
  qspec::emit(cat, *fmt, out);
  if (cmd.output.empty()) {
    std::cout << out.str();
  } else {
    std::string error;
    if (!write_atomically(cmd.output, out.str(), error)) {
      std::cerr << "qspec: " << error << '\n';
      return exit_input;
    }
  }
  for (const auto& d : cat.diagnostics) {
    if (d.level == qspec::severity::error || (cmd.strict && d.level == qspec::severity::warning))
      status = std::max(status, exit_findings);
  }
  return status;
}

struct diff_command {
  std::string old_input, new_input;
  std::string format_name = "text";
  std::string output;
  std::string colour = "auto";
  double threshold = 0.5;
};

/// One side of a diff: a catalogue qspec wrote, or a document to parse.
bool load_side(const std::string& name, qspec::tree::node& root, std::string& error) {
  auto loaded = qspec::load_file(name);
  if (!loaded) {
    error = name + ": " + loaded.error;
    return false;
  }
  auto sniffed = qspec::sniff_catalogue(loaded.text);
  bool catalogue = sniffed && (*sniffed != qspec::format::xml ||
                               loaded.text.find("urn:qspec:catalogue") != std::string::npos);
  if (catalogue) {
    auto r = qspec::read_catalogue(loaded.text, sniffed);
    if (!r) {
      error = name + ": " + r.error;
      return false;
    }
    root = std::move(r.root);
    return true;
  }
  qspec::parse_options options;
  options.source_name = name;
  auto result = qspec::parse(loaded, options);
  root = qspec::to_tree(result.doc, result.diagnostics);
  return true;
}

/// Exit codes as diff(1): 0 no differences, 1 differences, 2 trouble.
int run_diff(const diff_command& cmd) {
  qspec::tree::node a, b;
  std::string error;
  if (!load_side(cmd.old_input, a, error) || !load_side(cmd.new_input, b, error)) {
    std::cerr << "qspec: " << error << '\n';
    return 2;
  }
  std::error_code ec;
  if (!cmd.output.empty()) {
    fs::path parent = fs::path(cmd.output).parent_path();
    if (!parent.empty() && !fs::is_directory(parent, ec)) {
      std::cerr << "qspec: the folder '" << parent.string() << "' for -o does not exist\n";
      return 2;
    }
    for (const auto* in : {&cmd.old_input, &cmd.new_input})
      if (fs::exists(cmd.output, ec) && fs::equivalent(cmd.output, *in, ec)) {
        std::cerr << "qspec: refusing to overwrite the input '" << *in << "' with the diff\n";
        return 2;
      }
  }
  qspec::diff::options o;
  o.threshold = cmd.threshold;
  auto d = qspec::diff::compare(a, b, o);
  if (d.old_name.empty()) d.old_name = cmd.old_input;
  if (d.new_name.empty()) d.new_name = cmd.new_input;
  std::ostringstream out;
  if (cmd.format_name == "text") {
    bool colour = cmd.colour == "always" || (cmd.colour == "auto" && cmd.output.empty() && isatty(STDOUT_FILENO));
    qspec::diff::write_text(d, out, colour);
  } else if (cmd.format_name == "html") {
    qspec::diff::write_html(d, out);
  } else {
    qspec::emit(qspec::diff::to_tree(d), *qspec::format_from_name(cmd.format_name), out);
  }
  if (cmd.output.empty()) {
    std::cout << out.str();
  } else if (!write_atomically(cmd.output, out.str(), error)) {
    std::cerr << "qspec: " << error << '\n';
    return 2;
  }
  return d.changes.empty() ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"qspec: UK vocational standards text into typed catalogues"};
  app.footer(exit_codes_text);
  app.set_version_flag("--version", "qspec 0.1.0 (catalogue format " + std::string(qspec::catalogue_version) + ")");
  app.require_subcommand(1);
  parse_command cmd;
  auto* parse = app.add_subcommand("parse", "Parse documents into catalogues");
  parse->add_option("inputs", cmd.inputs, "Files, folders (every .txt below) or - for standard input")->required();
  parse->add_option("--format,-f", cmd.format_name, "Catalogue format: json, yaml or xml")
      ->check(CLI::IsMember({"json", "yaml", "xml"}));
  parse->add_option("-o,--output", cmd.output, "Output file, or an existing folder when there are several inputs");
  parse->add_option("--diagnostics", cmd.diagnostics, "Diagnostics on stderr as text or json")
      ->check(CLI::IsMember({"text", "json"}));
  parse->add_option("--kind", cmd.kind, "Force the document kind")
      ->check(CLI::IsMember({"unit_specification", "qualification_structure", "qualification_datasheet",
                             "programme_overview", "criteria_framework", "unknown"}));
  parse->add_flag("--strict", cmd.strict, "Warnings fail the run (exit 1)");
  parse->add_flag("--coverage", cmd.coverage, "Print how every line was accounted for");
  parse->add_flag("--notes", cmd.notes, "Also print notes (what was recognised or converted)");
  parse->footer(exit_codes_text);
  parse_command cat_cmd;
  auto* cat = app.add_subcommand(
      "catalogue", "Merge documents (structure lists, datasheets, overviews, unit specifications) into one catalogue");
  cat->add_option("inputs", cat_cmd.inputs, "Files or folders (every .txt below)")->required();
  cat->add_option("--format,-f", cat_cmd.format_name, "Catalogue format: json, yaml or xml")
      ->check(CLI::IsMember({"json", "yaml", "xml"}));
  cat->add_option("-o,--output", cat_cmd.output, "Output file (default: standard output)");
  cat->add_option("--diagnostics", cat_cmd.diagnostics, "Diagnostics on stderr as text or json")
      ->check(CLI::IsMember({"text", "json"}));
  cat->add_flag("--strict", cat_cmd.strict, "Warnings (conflicts among them) fail the run (exit 1)");
  cat->add_flag("--notes", cat_cmd.notes, "Also print notes");
  cat->footer(exit_codes_text);
  diff_command diff_cmd;
  auto* diff = app.add_subcommand("diff", "What changed between two versions of a standard (text or catalogues)");
  diff->add_option("old", diff_cmd.old_input, "The old version: a document, or a catalogue qspec wrote")->required();
  diff->add_option("new", diff_cmd.new_input, "The new version: a document, or a catalogue qspec wrote")->required();
  diff->add_option("--format,-f", diff_cmd.format_name, "Report format: text, json, yaml or html")
      ->check(CLI::IsMember({"text", "json", "yaml", "html"}));
  diff->add_option("-o,--output", diff_cmd.output, "Output file (default: standard output)");
  diff->add_option("--threshold", diff_cmd.threshold,
                   "Minimum text similarity (0-1) to match nodes by text alone (default 0.5)")
      ->check(CLI::Range(0.0, 1.0));
  diff->add_option("--color", diff_cmd.colour, "Colour the text report: auto (on a terminal), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  diff->footer("Exit codes: 0 no differences; 1 differences; 2 trouble (unreadable input, usage).");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? exit_ok : exit_usage;
  }
  try {
    if (cat->parsed()) return run_catalogue(cat_cmd);
    if (diff->parsed()) return run_diff(diff_cmd);
    return run_parse(cmd);
  } catch (const std::exception& e) {
    std::cerr << "qspec: " << e.what() << '\n';
    return exit_input;
  }
}

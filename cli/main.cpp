// qspec command line. Exit codes: 0 ok, 1 errors (or warnings under
// --strict), 2 usage, 3 unreadable or unsupported input.
#include <CLI/CLI.hpp>

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <iomanip>
#include <mutex>
#include <optional>
#include <thread>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "qspec/catalogue.hpp"
#include "qspec/diff.hpp"
#include "qspec/read.hpp"
#include "qspec/emit.hpp"
#include "qspec/formats.hpp"
#include "qspec/lines.hpp"
#include "qspec/parse.hpp"
#include "qspec/review.hpp"
#include "qspec/store.hpp"

namespace fs = std::filesystem;

namespace {

/// The profiles every command reads with: the built-in ones and --profile files.
qspec::profile_set profiles = qspec::builtin_profiles();
std::vector<std::string> profile_files;
/// The bytes of each --profile file, in order: what a stored catalogue was read with.
std::vector<std::string> profile_texts;

/// --from: the format every input is read as, instead of telling it from the content.
std::optional<qspec::input_format> forced_format;

/// Reads an input in the format its content shows, or the --from one.
qspec::loaded_text load_input(const std::string& path) { return qspec::load_document_file(path, forced_format); }

/// The files a folder given as input contributes: those of a supported
/// format by their extension (the content then decides how each is read).
bool is_document_file(const fs::path& p) {
  return qspec::input_format_from_extension(p.extension().string()).has_value();
}

/// "a, b and c" (or "… or c").
std::string listed(const std::vector<std::string>& items, std::string_view last_joint) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += i + 1 == items.size() ? std::string(" ") + std::string(last_joint) + " " : std::string(", ");
    out += items[i];
  }
  return out;
}

/// Every extension a folder given as input is searched for, for help texts.
std::string document_extensions() {
  std::vector<std::string> all;
  for (const auto& f : qspec::input_formats())
    for (auto e : f.extensions) all.emplace_back(e);
  return listed(all, "and");
}

/// The names --from takes.
std::vector<std::string> input_format_names() {
  std::vector<std::string> names;
  for (const auto& f : qspec::input_formats()) names.emplace_back(f.name);
  return names;
}

/// --from's help: each format's name and what it is.
std::string input_formats_help() {
  std::vector<std::string> each;
  for (const auto& f : qspec::input_formats()) each.push_back(std::string(f.name) + " (" + std::string(f.description) + ")");
  return "Read every input as this format instead of telling it from the content: " + listed(each, "or");
}

/// Reads the --profile files; a file that is no profile is a usage error.
bool load_profile_files() {
  for (const auto& f : profile_files) {
    std::ifstream in(f, std::ios::binary);
    if (!in) {
      std::cerr << "qspec: cannot read the profile '" << f << "'\n";
      return false;
    }
    std::stringstream text;
    text << in.rdbuf();
    std::string error;
    profile_texts.push_back(std::move(text).str());
    auto p = qspec::read_profile(profile_texts.back(), f, error);
    if (!p) {
      std::cerr << "qspec: " << error << '\n';
      return false;
    }
    if (p->document_kind.empty() && p->recogniser.empty() && p->columns.empty()) {
      if ((p->furniture.empty() && p->page_edge_furniture.empty()) || !p->parts.empty() || !p->fields.empty()) {
        std::cerr << "qspec: " << f << ": a profile needs a document_kind (or a recogniser whose vocabulary it "
                     "holds, or only furniture shared by every profile)\n";
        return false;
      }
      // furniture alone, as profiles/common.yaml: lines every profile treats as furniture
      profiles.furniture.insert(profiles.furniture.end(), p->furniture.begin(), p->furniture.end());
      profiles.page_edge_furniture.insert(profiles.page_edge_furniture.end(), p->page_edge_furniture.begin(),
                                          p->page_edge_furniture.end());
      continue;
    }
    profiles = profiles.with(std::move(*p));
  }
  return true;
}

/// Parse options with the profiles, and --kind as a document kind or a
/// profile (by name or document kind); nothing when the kind is unknown.
std::optional<qspec::parse_options> base_options(const std::string& kind) {
  qspec::parse_options options;
  options.profiles = &profiles;
  if (kind.empty()) return options;
  // a profile by its name; then a built-in recogniser's kind (qualification_structure is also what the
  // prose_structure profile gives: the kind names the recogniser, the profile its own name); then a
  // profile by the kind it gives
  const bool by_name = std::any_of(profiles.profiles.begin(), profiles.profiles.end(),
                                   [&](const qspec::profile& p) { return p.name == kind; });
  if (by_name) {
    options.profile = kind;
    return options;
  }
  if (auto k = qspec::document_kind_from_string(kind); k && *k != qspec::document_kind::standard) {
    options.kind = k;
    return options;
  }
  if (profiles.find(kind)) {
    options.profile = kind;
    return options;
  }
  std::string known = "unit_specification, qualification_structure, qualification_datasheet, programme_overview, "
                      "criteria_framework, unknown";
  for (const auto& p : profiles.profiles) known += ", " + p.name + " (" + p.document_kind + ")";
  std::cerr << "qspec: --kind " << kind << ": no such document kind or profile (known: " << known << ")\n";
  return std::nullopt;
}

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
  unsigned jobs = 1;
};

std::string extension(qspec::format f) {
  switch (f) {
    case qspec::format::json: return ".json";
    case qspec::format::yaml: return ".yaml";
    case qspec::format::xml: return ".xml";
    case qspec::format::case_package: return ".case.json";
    case qspec::format::csv: return ".csv";
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

void print_diagnostics(const std::string& name, const std::vector<qspec::diagnostic>& diags, bool notes,
                       std::ostream& err = std::cerr) {
  for (const auto& d : diags) {
    if (d.level == qspec::severity::note && !notes) continue;
    err << name;
    if (d.span.begin.line > 0) err << ':' << d.span.begin.line << ':' << d.span.begin.column;
    err << ": " << qspec::to_string(d.level) << ": [" << d.code << "] " << d.message << '\n';
  }
}

/// Each line's kind: the kind of the deepest node whose span holds it, a
/// paragraph or list counting as the part or section that holds it.
void mark_kinds(const qspec::tree::node& n, std::string_view holder, std::vector<std::string_view>& kinds) {
  // annotations and references inside a line hold no line of their own
  if (n.kind == "diagnostic" || n.kind == "furniture" || n.kind == "term_reference" || n.kind == "appearance" ||
      n.kind == "conflict")
    return;
  const bool prose = n.kind == "paragraph" || n.kind == "list" || n.kind == "list_item";
  std::string_view kind = prose ? holder : std::string_view(n.kind);
  if (n.kind != "document" && !n.span.empty())
    for (auto l = n.span.begin.line; l <= n.span.end.line && l < kinds.size(); ++l) kinds[l] = kind;
  for (const auto& c : n.children) mark_kinds(c, kind, kinds);
}

/// `--coverage`: lines in recognised structure, lines kept only as generic
/// sections, furniture, unclassified and blank, then the lines of each kind.
std::string coverage_report(const std::string& name, const qspec::parse_result& r) {
  const auto& c = r.doc.lines;
  std::vector<std::string_view> kinds(c.lines + 1);
  auto tree = qspec::to_tree(r.doc, r.diagnostics);
  mark_kinds(tree, "document", kinds);
  // furniture, unclassified and blank lines are counted apart
  for (const auto& n : tree.children)
    if (n.kind == "furniture" || (n.kind == "diagnostic" && n.text("code") == "Q-W110"))
      for (auto l = n.span.begin.line; l && l <= n.span.end.line && l < kinds.size(); ++l) kinds[l] = {};
  if (r.doc.storage) {
    const auto lines = qspec::split_lines(r.doc.storage->source());
    for (std::size_t l = 1; l <= lines.size() && l < kinds.size(); ++l)
      if (lines[l - 1].find_first_not_of(" \t") == std::string_view::npos) kinds[l] = {};
  }
  std::map<std::string_view, std::uint32_t> per_kind;
  std::uint32_t generic = 0;
  for (std::size_t l = 1; l < kinds.size(); ++l) {
    if (kinds[l].empty()) continue;
    ++per_kind[kinds[l]];
  }
  generic = per_kind.count("section") ? per_kind["section"] : 0;
  const std::uint32_t structured = c.content > generic ? c.content - generic : 0;
  std::ostringstream s;
  s << name << ": coverage of " << c.lines << " lines: " << structured << " in recognised structure, " << generic
    << " kept only as generic sections, " << c.furniture << " furniture or boilerplate, " << c.unclassified
    << " unclassified, " << c.blank << " blank\n";
  for (const auto& [kind, n] : per_kind) s << "  " << std::left << std::setw(28) << kind << std::right << n << '\n';
  return s.str();
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
  s << name << ": " << (doc.kind_name.empty() ? std::string(qspec::to_string(doc.type)) : doc.kind_name);
  if (!doc.standards.empty()) {
    // a standard read from a profile: its parts and items, by kind ("8 performance_criterion")
    const auto& st = doc.standards.front();
    std::map<std::string_view, std::size_t> items;
    auto count = [&items](const std::vector<qspec::outline_item>& list, auto& self) -> void {
      for (const auto& i : list) {
        if (i.kind != qspec::outline_item::group_kind) ++items[i.kind];
        self(i.children, self);
      }
    };
    for (const auto& p : st.parts) count(p.items, count);
    s << " (" << st.family << "), " << st.parts.size() << " parts, " << st.fields.size() << " fields";
    for (const auto& [kind, n] : items) s << ", " << n << ' ' << kind;
  } else if (!doc.frameworks.empty()) {
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
    // a pathway's option groups hold units of their own: every group counted, at any depth
    std::size_t units = 0, groups = 0, pathway_groups = 0;
    auto count = [&](const std::vector<qspec::unit_group>& gs, auto& self) -> void {
      for (const auto& g : gs) {
        ++groups;
        pathway_groups += g.type == qspec::group_type::pathway;
        units += g.units.size();
        self(g.groups, self);
      }
    };
    count(q.groups, count);
    s << ", " << units << " units in " << groups << " groups, " << q.rules.size() << " rules, " << q.barred.size()
      << " barred combinations, " << std::max(q.pathways.size(), pathway_groups) << " pathways";
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

/// `empty_folders` receives the folders among the inputs that hold no document file.
std::vector<input_file> expand_inputs(const std::vector<std::string>& inputs, const std::string& ext,
                                      std::vector<std::string>& empty_folders) {
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
        if (entry.is_regular_file() && is_document_file(entry.path())) found.push_back(entry.path());
      std::sort(found.begin(), found.end());
      if (found.empty()) empty_folders.push_back(in);
      // "unit.txt" gives "unit.json"; when "unit.pdf" lies beside it, both keep their
      // extension ("unit.txt.json", "unit.pdf.json") so that neither overwrites the other
      std::map<fs::path, int> stems;
      for (const auto& f : found) ++stems[fs::path(f).replace_extension()];
      for (auto& f : found) {
        fs::path rel = f.lexically_relative(in);
        if (stems[fs::path(f).replace_extension()] > 1) rel += ext;
        else rel.replace_extension(ext);
        files.push_back({f, rel});
      }
    } else {
      files.push_back({in, fs::path(in).stem().string() + ext});
    }
  }
  return files;
}

/// Says which input folders hold no document; true when there is none.
bool report_empty_folders(const std::vector<std::string>& empty_folders) {
  for (const auto& f : empty_folders)
    std::cerr << "qspec: the folder '" << f << "' holds no documents (no file of a supported format in it or below it)\n";
  return !empty_folders.empty();
}

/// An -o file must go into a folder that exists and must not be one of the
/// inputs. Says why not on stderr; true when the output may be written.
bool output_allowed(const std::string& output, const std::vector<std::string>& inputs, std::string_view what) {
  if (output.empty()) return true;
  std::error_code ec;
  fs::path parent = fs::path(output).parent_path();
  if (!parent.empty() && !fs::is_directory(parent, ec)) {
    std::cerr << "qspec: the folder '" << parent.string() << "' for -o does not exist\n";
    return false;
  }
  for (const auto& in : inputs)
    if (in != "-" && fs::exists(output, ec) && fs::equivalent(output, in, ec)) {
      std::cerr << "qspec: refusing to overwrite the input '" << in << "' with " << what << '\n';
      return false;
    }
  return true;
}

int run_parse(const parse_command& cmd) {
  auto fmt = qspec::format_from_name(cmd.format_name);
  if (!fmt) {
    std::cerr << "qspec: unknown format '" << cmd.format_name << "' (json, yaml, xml, case or csv)\n";
    return exit_usage;
  }
  auto chosen = base_options(cmd.kind);
  if (!chosen) return exit_usage;
  qspec::parse_options options = *chosen;
  std::string error;
  std::vector<std::string> empty_folders;
  auto files = expand_inputs(cmd.inputs, extension(*fmt), empty_folders);
  // an empty folder is unreadable input, not a usage error: say so before -o is checked
  const bool folders_missing_documents = report_empty_folders(empty_folders);
  if (files.empty()) return exit_input;
  std::error_code ec;
  // one input with -o naming an existing folder writes its catalogue into it, as several do
  bool many = files.size() > 1 || (!cmd.output.empty() && fs::is_directory(cmd.output, ec));
  for (const auto& in : cmd.inputs)
    if (in != "-" && fs::is_directory(in, ec)) many = true;
  if (many) {
    if (cmd.output.empty() || !fs::is_directory(cmd.output, ec)) {
      std::cerr << "qspec: several inputs need -o naming an existing folder"
                << (cmd.output.empty() ? std::string() : " ('" + cmd.output + "' is not one)") << '\n';
      return exit_usage;
    }
  } else if (!output_allowed(cmd.output, {}, "its catalogue")) {
    return exit_usage;
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
  // one file at a time, or --jobs of them at once; what each prints is kept and
  // printed in input order, so the output is the same whatever the number of jobs
  struct outcome {
    int status = exit_ok;
    bool stop = false;  // a usage error or a failed write: nothing after it is attempted
    std::string out, err;
    std::uintmax_t bytes = 0;
  };
  auto process = [&](const input_file& input) {
    outcome o;
    std::ostringstream err, out;
    const fs::path& file = input.path;
    std::string name = file.string();
    auto loaded = load_input(name);
    o.bytes = loaded.text.size();
    if (!loaded) {
      err << name << ": error: " << loaded.error << '\n';
      o.status = exit_input;
      o.err = err.str();
      return o;
    }
    qspec::parse_options file_options = options;
    file_options.source_name = name;
    auto result = qspec::parse(loaded, file_options);
    if (cmd.diagnostics == "json") qspec::emit_diagnostics_json(result.diagnostics, name, err);
    else print_diagnostics(name, result.diagnostics, cmd.notes, err);
    std::ostringstream catalogue;
    qspec::emit(result.doc, result.diagnostics, *fmt, catalogue);
    std::error_code fec;
    fs::path target;
    if (many) {
      target = fs::path(cmd.output) / input.relative_output;
      fs::create_directories(target.parent_path(), fec);
    } else if (!cmd.output.empty()) {
      target = cmd.output;
    }
    std::string write_error;
    if (!target.empty()) {
      if (name != "-" && fs::exists(target, fec) && fs::equivalent(target, file, fec)) {
        err << "qspec: refusing to overwrite the input '" << name << "' with its catalogue\n";
        o.status = exit_usage;
        o.stop = true;
      } else if (!write_atomically(target, catalogue.str(), write_error)) {
        err << "qspec: " << write_error << '\n';
        o.status = exit_input;
        o.stop = true;
      }
    } else {
      out << catalogue.str();
    }
    if (!o.stop) {
      if (many) out << summary(name, result) << " -> " << target.string() << '\n';
      if (cmd.coverage) err << coverage_report(name, result);
      if (result.has_errors() || (cmd.strict && result.has_warnings())) o.status = exit_findings;
    }
    o.out = out.str();
    o.err = err.str();
    return o;
  };

  const std::size_t n = files.size();
  const bool bar = many && isatty(STDERR_FILENO);
  std::vector<outcome> outcomes(n);
  std::vector<char> ready(n, 0);
  std::mutex m;
  std::condition_variable cv;
  std::atomic<std::size_t> next{0};
  std::atomic<bool> halt{false};
  auto worker = [&] {
    for (std::size_t i; !halt && (i = next++) < n;) {
      auto o = process(files[i]);
      if (o.stop) halt = true;
      std::lock_guard<std::mutex> lock(m);
      outcomes[i] = std::move(o);
      ready[i] = 1;
      cv.notify_one();
    }
  };
  unsigned jobs = std::max(1u, std::min<unsigned>(cmd.jobs, static_cast<unsigned>(std::max<std::size_t>(n, 1))));
  std::vector<std::thread> pool;
  if (many)  // workers parse; this thread prints in order and draws the bar
    for (unsigned k = 0; k < jobs; ++k) pool.emplace_back(worker);
  else
    worker();
  int status = exit_ok;
  std::uintmax_t bytes = 0;
  auto started = std::chrono::steady_clock::now();
  auto draw = [&](std::size_t done) {
    if (!bar) return;
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    const int width = 30;
    int filled = n ? static_cast<int>(width * done / n) : width;
    std::cerr << "\r[" << std::string(static_cast<std::size_t>(filled), '#')
              << std::string(static_cast<std::size_t>(width - filled), '-') << "] " << done << '/' << n << " files, "
              << std::fixed << std::setprecision(1) << (s > 0 ? static_cast<double>(bytes) / 1e6 / s : 0.0)
              << " MB/s" << std::flush;
  };
  for (std::size_t i = 0; i < n; ++i) {
    std::unique_lock<std::mutex> lock(m);
    while (!ready[i] && !(halt && i >= next)) {  // wait for file i, unless it will never start
      cv.wait_for(lock, std::chrono::milliseconds(200));
      if (ready[i]) break;
      lock.unlock();
      draw(i);
      lock.lock();
    }
    if (!ready[i]) break;  // stopped before this file was started
    outcome o = std::move(outcomes[i]);
    lock.unlock();
    bytes += o.bytes;
    if (bar) std::cerr << "\r\x1b[K";
    std::cerr << o.err;
    std::cout << o.out << std::flush;
    draw(i + 1);
    status = std::max(status, o.status);
    if (o.stop) {
      status = o.status;
      break;
    }
  }
  halt = true;
  for (auto& t : pool) t.join();
  if (bar) std::cerr << "\r\x1b[K" << std::flush;
  if (folders_missing_documents) status = std::max(status, exit_input);
  return status;
}

/// `catalogue --format sqlite`: the documents into the database at -o,
/// re-parsing only those whose content changed since they were stored.
int run_catalogue_store(const parse_command& cmd) {
  if (cmd.output.empty()) {
    std::cerr << "qspec: --format sqlite writes a database: name it with -o FILE\n";
    return exit_usage;
  }
  int status = exit_ok;
  std::vector<std::string> empty_folders;
  auto files = expand_inputs(cmd.inputs, ".db", empty_folders);
  if (report_empty_folders(empty_folders)) status = exit_input;
  if (files.empty()) return exit_input;
  std::vector<std::string> paths;
  for (const auto& f : files) {
    if (f.path == "-") {
      std::cerr << "qspec: --format sqlite stores files by their path: standard input has none\n";
      return exit_usage;
    }
    paths.push_back(f.path.string());
  }
  if (!output_allowed(cmd.output, paths, "the database")) return exit_usage;
  const qspec::parse_options base = *base_options({});
  // what besides its bytes decides a document's catalogue: a stored one read otherwise is parsed again
  qspec::store::parse_settings settings;
  if (forced_format) settings.forced_format = qspec::to_string(*forced_format);
  if (base.kind) settings.forced_kind = qspec::to_string(*base.kind);
  else settings.forced_kind = base.profile;
  settings.profiles = profile_texts;
  auto parse_one = [&](const std::string& path, std::string_view bytes, qspec::tree::node& root, std::string& error) {
    auto loaded = qspec::load_document(bytes, forced_format);
    if (!loaded) {
      error = loaded.error;
      return false;
    }
    qspec::parse_options options = base;
    options.source_name = path;
    auto result = qspec::parse(loaded, options);
    if (cmd.diagnostics == "json") qspec::emit_diagnostics_json(result.diagnostics, path, std::cerr);
    else print_diagnostics(path, result.diagnostics, cmd.notes);
    for (const auto& d : result.diagnostics)
      if (d.level == qspec::severity::error || (cmd.strict && d.level == qspec::severity::warning))
        status = std::max(status, exit_findings);
    root = qspec::to_tree(result.doc, result.diagnostics);
    return true;
  };
  qspec::store::run_summary s;
  std::string error;
  if (!qspec::store::update(cmd.output, paths, parse_one, settings, s, error)) {
    std::cerr << "qspec: " << error << '\n';
    return exit_input;
  }
  for (const auto& f : s.failures) std::cerr << f << '\n';
  if (s.failed) status = std::max(status, exit_input);
  std::cout << cmd.output << ": run " << s.run << ": " << s.parsed << " documents parsed (" << s.new_documents
            << " new), " << s.reused << " reused unchanged, " << s.failed << " failed";
  std::size_t changes = 0;
  for (const auto& [what, n] : s.changes) changes += n;
  std::cout << "; " << changes << " changes in the documents parsed again";
  const char* sep = " (";
  for (const auto& [what, n] : s.changes) std::cout << std::exchange(sep, ", ") << n << ' ' << what;
  std::cout << (changes ? ")\n" : "\n");
  return status;
}

/// Several documents merged into one catalogue.
int run_catalogue(const parse_command& cmd) {
  if (cmd.format_name == "sqlite") return run_catalogue_store(cmd);
  auto fmt = qspec::format_from_name(cmd.format_name);
  if (!fmt) return exit_usage;
  std::vector<qspec::document> docs;
  std::vector<std::vector<qspec::diagnostic>> diags;
  int status = exit_ok;
  std::vector<std::string> empty_folders;
  auto files = expand_inputs(cmd.inputs, extension(*fmt), empty_folders);
  if (report_empty_folders(empty_folders)) status = exit_input;
  if (files.empty()) return exit_input;
  std::vector<std::string> names;
  for (const auto& input : files) names.push_back(input.path.string());
  if (!output_allowed(cmd.output, names, "the catalogue")) return exit_usage;
  for (const auto& input : files) {
    std::string name = input.path.string();
    auto loaded = load_input(name);
    if (!loaded) {
      std::cerr << name << ": error: " << loaded.error << '\n';
      status = std::max(status, exit_input);
      continue;
    }
    qspec::parse_options options = *base_options({});
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

/// A catalogue qspec wrote, or a CASE package, written in another format.
int run_convert(const std::string& input, const std::string& format_name, const std::string& output) {
  std::string bytes;
  if (auto why = qspec::read_input(input, bytes); !why.empty()) {
    std::cerr << "qspec: " << why << '\n';
    return exit_input;
  }
  auto r = qspec::read_catalogue(bytes);
  if (!r) {
    std::cerr << "qspec: " << input << ": " << r.error << '\n';
    return exit_input;
  }
  if (!output_allowed(output, {input}, "the converted catalogue")) return exit_usage;
  std::ostringstream out;
  qspec::emit(r.root, *qspec::format_from_name(format_name), out);
  if (output.empty()) {
    std::cout << out.str();
  } else if (std::string error; !write_atomically(output, out.str(), error)) {
    std::cerr << "qspec: " << error << '\n';
    return exit_input;
  }
  return exit_ok;
}

struct diff_command {
  std::string old_input, new_input;
  std::string format_name = "text";
  std::string output;
  std::string colour = "auto";
  double threshold = 0.5;
};

/// One side of a diff: a catalogue qspec wrote, a CASE package, or a document to parse.
bool load_side(const std::string& name, qspec::tree::node& root, std::string& error, bool* case_package = nullptr) {
  std::string bytes;
  if (auto why = qspec::read_input(name, bytes); !why.empty()) {
    error = why;
    return false;
  }
  // a catalogue qspec wrote is read back as one, whatever --from says
  auto sniffed = qspec::sniff_catalogue(bytes);
  bool catalogue = sniffed && (*sniffed != qspec::format::xml || bytes.find("urn:qspec:catalogue") != std::string::npos);
  if (catalogue) {
    auto r = qspec::read_catalogue(bytes, sniffed);
    if (!r) {
      error = name + ": " + r.error;
      return false;
    }
    root = std::move(r.root);
    if (case_package) *case_package = r.case_package;
    return true;
  }
  auto loaded = qspec::load_document(bytes, forced_format);
  if (!loaded) {
    error = name + ": " + loaded.error;
    return false;
  }
  qspec::parse_options options = *base_options({});
  options.source_name = name;
  auto result = qspec::parse(loaded, options);
  // what the parse found (a numbering gap in a revision) matters to the reader of the diff
  print_diagnostics(name, result.diagnostics, false);
  root = qspec::to_tree(result.doc, result.diagnostics);
  return true;
}

/// Exit codes as diff(1): 0 no differences, 1 differences, 2 trouble.
int run_diff(const diff_command& cmd) {
  qspec::tree::node a, b;
  std::string error;
  bool a_case = false, b_case = false;
  if (!load_side(cmd.old_input, a, error, &a_case) || !load_side(cmd.new_input, b, error, &b_case)) {
    std::cerr << "qspec: " << error << '\n';
    return 2;
  }
  // a package holds the standard items alone: the other side is compared as a package would hold it
  if (a_case && !b_case) b = qspec::case_view(b);
  if (b_case && !a_case) a = qspec::case_view(a);
  if (!output_allowed(cmd.output, {cmd.old_input, cmd.new_input}, "the diff")) return 2;
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

/// `qspec detect`: the kind, the score against the profile's threshold, the
/// evidence lines, and how the other profiles scored.
int run_detect(const std::vector<std::string>& inputs) {
  int status = exit_ok;
  for (const auto& in : inputs) {
    std::error_code ec;
    if (fs::is_directory(in, ec)) {
      std::cerr << "qspec: " << in << " is a folder: detect takes files\n";
      status = exit_input;
      continue;
    }
    auto loaded = load_input(in);
    if (!loaded) {
      std::cerr << "qspec: " << in << ": " << loaded.error << '\n';
      status = exit_input;
      continue;
    }
    qspec::parse_options options = *base_options({});
    auto d = qspec::detect(loaded.text, options);
    std::cout << in << ": " << d.kind;
    if (!d.profile.empty() && d.threshold == 0)
      std::cout << " (profile " << d.profile << ", by the grid's columns)";
    else if (!d.profile.empty())
      std::cout << " (profile " << d.profile << ", score " << d.score << ", threshold " << d.threshold << ")";
    else if (d.kind != "unknown")
      std::cout << " (built-in layout)";
    std::cout << '\n';
    for (const auto& e : d.evidence) {
      std::cout << "  ";
      if (e.line) std::cout << "line " << e.line << ": ";
      std::cout << e.what;
      if (e.weight) std::cout << " (+" << e.weight << ")";
      std::cout << '\n';
    }
    std::cout << "  scores:";
    for (const auto& c : d.candidates) std::cout << ' ' << c.profile << ' ' << c.score << '/' << c.threshold;
    std::cout << '\n';
  }
  return status;
}

/// `qspec review`: one document's review page.
int run_review(const std::string& input, const std::string& output) {
  std::error_code ec;
  if (fs::is_directory(input, ec)) {
    std::cerr << "qspec: " << input << " is a folder: review takes one file\n";
    return exit_input;
  }
  if (!output_allowed(output, {input}, "the review page")) return exit_usage;
  auto loaded = load_input(input);
  if (!loaded) {
    std::cerr << "qspec: " << input << ": " << loaded.error << '\n';
    return exit_input;
  }
  qspec::parse_options options = *base_options({});
  options.source_name = input;
  auto result = qspec::parse(loaded, options);
  auto tree = qspec::to_tree(result.doc, result.diagnostics);
  std::string_view source = result.doc.storage ? result.doc.storage->source() : std::string_view(loaded.text);
  std::ostringstream page;
  qspec::review::write_page(tree, source, fs::path(input).filename().string(), page);
  if (output.empty()) {
    std::cout << page.str();
    return exit_ok;
  }
  std::string error;
  if (!write_atomically(output, page.str(), error)) {
    std::cerr << "qspec: " << error << '\n';
    return exit_input;
  }
  return exit_ok;
}

/// `qspec text`: the block stream the recognisers read, each line with its
/// number (what spans count) and, for a file that is not text, where it came
/// from in the file.
int run_text(const std::vector<std::string>& inputs) {
  int status = exit_ok;
  for (const auto& in : inputs) {
    auto loaded = load_input(in);
    if (!loaded) {
      std::cerr << "qspec: " << in << ": " << loaded.error << '\n';
      status = exit_input;
      continue;
    }
    if (inputs.size() > 1) std::cout << "==> " << in << " (" << loaded.format << ") <==\n";
    const auto lines = qspec::split_lines(loaded.text);
    for (std::size_t line = 1; line <= lines.size(); ++line) {
      std::cout << std::setw(6) << line;
      if (line <= loaded.origins.size()) {
        auto where = qspec::describe(loaded.origins[line - 1]);
        std::cout << "  [" << (where.empty() ? "-" : where) << ']';
      }
      std::cout << "  " << lines[line - 1] << '\n';
    }
    for (const auto& d : loaded.diagnostics)
      if (d.level != qspec::severity::note) std::cerr << in << ": " << qspec::to_string(d.level) << ": " << d.message << '\n';
  }
  return status;
}

int main(int argc, char** argv) {
  CLI::App app{"qspec: UK vocational standards text into typed catalogues"};
  app.footer(exit_codes_text);
  app.set_version_flag("--version", "qspec 0.1.0 (catalogue format " + std::string(qspec::catalogue_version) + ")");
  app.require_subcommand(1);
  parse_command cmd;
  auto* parse = app.add_subcommand("parse", "Parse documents into catalogues");
  parse->add_option("inputs", cmd.inputs, "Files, folders (every " + document_extensions() + " below) or - for standard input")->required();
  parse->add_option("--format,-f", cmd.format_name, "Catalogue format: json, yaml or xml; or an export of the standard items: case (a CASE 1.1 CFPackage) or csv")
      ->check(CLI::IsMember({"json", "yaml", "xml", "case", "csv"}));
  parse->add_option("-o,--output", cmd.output, "Output file, or an existing folder to write each catalogue into (needed for several inputs)");
  parse->add_option("--diagnostics", cmd.diagnostics, "Diagnostics on stderr as text or json")
      ->check(CLI::IsMember({"text", "json"}));
  parse->add_option("--kind", cmd.kind,
                    "Force the document kind: a built-in kind, or a profile by name or document kind "
                    "(nos, regulated_unit, apprenticeship_standard…)");
  parse->add_option("--profile", profile_files, "A layout profile (YAML) to add or override; repeatable")
      ->allow_extra_args(false);  // one file each time: "--profile P FILE" leaves FILE an input
  parse->add_flag("--strict", cmd.strict, "Warnings fail the run (exit 1)");
  parse->add_flag("--coverage", cmd.coverage, "Print how every line was accounted for");
  parse->add_flag("--notes", cmd.notes, "Also print notes (what was recognised or converted)");
  parse->add_option("-j,--jobs", cmd.jobs, "Parse this many files at once (a progress bar shows on a terminal)")
      ->check(CLI::Range(1u, 256u));
  parse->footer(exit_codes_text);
  parse_command cat_cmd;
  auto* cat = app.add_subcommand(
      "catalogue", "Merge documents (structure lists, datasheets, overviews, unit specifications) into one catalogue");
  cat->add_option("inputs", cat_cmd.inputs, "Files or folders (every " + document_extensions() + " below)")->required();
  cat->add_option("--format,-f", cat_cmd.format_name,
                  "Catalogue format: json, yaml or xml; an export of the standard items: case (a CASE 1.1 CFPackage) "
                  "or csv; or sqlite (a database at -o, updated in place: only documents whose content, --from or "
                  "--profile files changed are parsed again)")
      ->check(CLI::IsMember({"json", "yaml", "xml", "case", "csv", "sqlite"}));
  cat->add_option("-o,--output", cat_cmd.output, "Output file (default: standard output; required for sqlite)");
  cat->add_option("--diagnostics", cat_cmd.diagnostics, "Diagnostics on stderr as text or json")
      ->check(CLI::IsMember({"text", "json"}));
  cat->add_flag("--strict", cat_cmd.strict, "Warnings (conflicts among them) fail the run (exit 1)");
  cat->add_flag("--notes", cat_cmd.notes, "Also print notes");
  cat->add_option("--profile", profile_files, "A layout profile (YAML) to add or override; repeatable")
      ->allow_extra_args(false);  // one file each time: "--profile P FILE" leaves FILE an input
  cat->footer(exit_codes_text);
  diff_command diff_cmd;
  auto* diff = app.add_subcommand("diff", "What changed between two versions of a standard (text or catalogues)");
  diff->add_option("old", diff_cmd.old_input, "The old version: a document, a catalogue qspec wrote, or a CASE package")->required();
  diff->add_option("new", diff_cmd.new_input, "The new version: a document, a catalogue qspec wrote, or a CASE package")->required();
  diff->add_option("--format,-f", diff_cmd.format_name, "Report format: text, json, yaml or html")
      ->check(CLI::IsMember({"text", "json", "yaml", "html"}));
  diff->add_option("-o,--output", diff_cmd.output, "Output file (default: standard output)");
  diff->add_option("--threshold", diff_cmd.threshold,
                   "Minimum text similarity (0-1) to match nodes by text alone (default 0.5)")
      ->check(CLI::Range(0.0, 1.0));
  diff->add_option("--color", diff_cmd.colour, "Colour the text report: auto (on a terminal), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  diff->add_option("--profile", profile_files, "A layout profile (YAML) to add or override; repeatable")
      ->allow_extra_args(false);  // one file each time: "--profile P FILE" leaves FILE an input
  diff->footer("Exit codes: 0 no differences; 1 differences; 2 trouble (unreadable input, usage).");
  std::vector<std::string> detect_inputs;
  auto* det = app.add_subcommand("detect", "Say which kind each document is, how sure, and the lines that decided it");
  det->add_option("inputs", detect_inputs, "Files")->required();
  det->add_option("--profile", profile_files, "A layout profile (YAML) to add or override; repeatable")
      ->allow_extra_args(false);  // one file each time: "--profile P FILE" leaves FILE an input
  det->footer(exit_codes_text);
  std::vector<std::string> text_inputs;
  auto* txt = app.add_subcommand("text", "Print the text the recognisers read, each line with where it came from");
  txt->add_option("inputs", text_inputs, "Files")->required();
  txt->footer(exit_codes_text);
  std::string convert_input, convert_format = "json", convert_output;
  auto* conv = app.add_subcommand("convert", "Write a catalogue qspec wrote, or a CASE package, in another format");
  conv->add_option("input", convert_input, "A catalogue (JSON, YAML, XML) or a CASE 1.0/1.1 package (JSON)")->required();
  conv->add_option("--format,-f", convert_format, "json, yaml, xml, case or csv")
      ->check(CLI::IsMember({"json", "yaml", "xml", "case", "csv"}));
  conv->add_option("-o,--output", convert_output, "Output file (default: standard output)");
  conv->footer(exit_codes_text);
  std::string review_input, review_output;
  auto* rev = app.add_subcommand("review", "Write a page setting a document's text beside what was recognised in it");
  rev->add_option("input", review_input, "A file")->required();
  rev->add_option("-o,--output", review_output, "The HTML page (default: standard output)");
  rev->add_option("--profile", profile_files, "A layout profile (YAML) to add or override; repeatable")
      ->allow_extra_args(false);
  rev->footer(exit_codes_text);
  std::string from;
  for (auto* sub : {parse, cat, diff, det, txt, rev})
    sub->add_option("--from", from, input_formats_help())->check(CLI::IsMember(input_format_names()));
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? exit_ok : exit_usage;
  }
  if (!load_profile_files()) return exit_usage;
  if (!from.empty()) forced_format = qspec::input_format_from_string(from);
  try {
    if (txt->parsed()) return run_text(text_inputs);
    if (rev->parsed()) return run_review(review_input, review_output);
    if (det->parsed()) return run_detect(detect_inputs);
    if (cat->parsed()) return run_catalogue(cat_cmd);
    if (diff->parsed()) return run_diff(diff_cmd);
    if (conv->parsed()) return run_convert(convert_input, convert_format, convert_output);
    return run_parse(cmd);
  } catch (const std::exception& e) {
    std::cerr << "qspec: " << e.what() << '\n';
    return exit_input;
  }
}

// Profiles read from YAML (yaml-cpp). The built-in ones are the files of
// profiles/ embedded at build time (cmake/embed_profiles.cmake); a user's
// file is read the same way. Unknown keys are errors, so that a misspelt
// "lead_in" does not silently leave a part without its lead-ins.
#include "qspec/profile.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <initializer_list>
#include <stdexcept>

#include "profile/builtin_profiles.hpp"

namespace qspec {
namespace {

struct profile_error : std::runtime_error {
  YAML::Mark mark;
  profile_error(const YAML::Node& at, const std::string& what) : std::runtime_error(what), mark(at.Mark()) {}
};

void only_keys(const YAML::Node& map, std::initializer_list<std::string_view> keys, std::string_view where) {
  if (!map.IsMap()) throw profile_error(map, std::string(where) + " must be a mapping");
  for (const auto& kv : map) {
    auto key = kv.first.as<std::string>();
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
      std::string known;
      for (auto k : keys) known += (known.empty() ? "" : ", ") + std::string(k);
      throw profile_error(kv.first, "unknown key '" + key + "' in " + std::string(where) + " (known: " + known + ")");
    }
  }
}

std::string text_of(const YAML::Node& n, std::string_view what) {
  if (!n.IsScalar()) throw profile_error(n, std::string(what) + " must be a text");
  auto t = n.as<std::string>();
  // an empty heading or label would match everywhere and consume nothing
  if (t.find_first_not_of(" \t") == std::string::npos) throw profile_error(n, std::string(what) + " must not be empty");
  return t;
}

std::vector<std::string> texts_of(const YAML::Node& n, std::string_view what) {
  std::vector<std::string> out;
  if (!n) return out;
  if (n.IsScalar()) return {n.as<std::string>()};
  if (!n.IsSequence()) throw profile_error(n, std::string(what) + " must be a list of texts");
  for (const auto& v : n) out.push_back(text_of(v, what));
  return out;
}

std::vector<label_pattern> patterns_of(const YAML::Node& n, std::string_view what) {
  std::vector<label_pattern> out;
  for (auto& written : texts_of(n, what)) {
    auto p = parse_label_pattern(written);
    if (!p)
      throw profile_error(n, "'" + written + "' in " + std::string(what) +
                                 " is not a label shape (examples: \"P#\", \"#.#\", \"Duty #\", \"a\", \"i\", \"bullet\")");
    out.push_back(std::move(*p));
  }
  return out;
}

int int_of(const YAML::Node& n, std::string_view what) {
  try {
    return n.as<int>();
  } catch (const YAML::Exception&) {
    throw profile_error(n, std::string(what) + " must be a whole number");
  }
}

/// `name: [text, …]` pairs in file order: a column's field and its header
/// texts, or a group type and its words.
std::vector<field_rule> named_lists(const YAML::Node& n, std::string_view what) {
  std::vector<field_rule> out;
  if (!n) return out;
  if (!n.IsMap()) throw profile_error(n, std::string(what) + " must be a mapping of names to lists of texts");
  for (const auto& kv : n) {
    field_rule r;
    r.name = text_of(kv.first, what);
    r.labels = texts_of(kv.second, what);
    if (r.labels.empty()) throw profile_error(kv.second, "'" + r.name + "' in " + std::string(what) + " needs at least one text");
    out.push_back(std::move(r));
  }
  return out;
}

profile read(const YAML::Node& root, std::string_view source) {
  only_keys(root, {"profile", "document_kind", "description", "threshold", "code_field", "title_field", "recogniser",
                   "fields", "parts", "furniture", "page_edge_furniture", "joining_words", "columns", "column_words", "group_types", "title_label", "title_label_field",
                   "elements", "measures"},
            "a profile");
  profile p;
  p.source = source;
  if (!root["profile"]) throw profile_error(root, "a profile needs a name: 'profile: NAME'");
  p.name = text_of(root["profile"], "profile");
  if (root["document_kind"]) p.document_kind = text_of(root["document_kind"], "document_kind");
  if (root["description"]) p.description = text_of(root["description"], "description");
  if (root["threshold"]) p.threshold = int_of(root["threshold"], "threshold");
  if (root["code_field"]) p.code_field = text_of(root["code_field"], "code_field");
  if (root["title_field"]) p.title_field = text_of(root["title_field"], "title_field");
  if (root["recogniser"]) {
    p.recogniser = text_of(root["recogniser"], "recogniser");
    if (root["document_kind"])
      throw profile_error(root["recogniser"], "a profile holds either a recogniser's vocabulary or a document_kind, not both");
  }
  p.furniture = texts_of(root["furniture"], "furniture");
  p.page_edge_furniture = texts_of(root["page_edge_furniture"], "page_edge_furniture");
  p.joining_words = texts_of(root["joining_words"], "joining_words");
  p.title_labels = patterns_of(root["title_label"], "title_label");
  if (root["title_label_field"]) p.title_label_field = text_of(root["title_label_field"], "title_label_field");
  if (!p.title_labels.empty() && p.title_label_field.empty())
    throw profile_error(root["title_label"], "title_label needs title_label_field: the field its number fills");
  if (const auto& fields = root["fields"]) {
    if (!fields.IsSequence()) throw profile_error(fields, "fields must be a list");
    for (const auto& f : fields) {
      only_keys(f, {"name", "labels", "weight", "within", "shape", "value"}, "a field");
      field_rule r;
      if (!f["name"]) throw profile_error(f, "a field needs a name");
      r.name = text_of(f["name"], "name");
      r.labels = texts_of(f["labels"], "labels");
      if (f["weight"]) r.weight = int_of(f["weight"], "weight");
      if (f["within"]) r.within = text_of(f["within"], "within");
      if (f["shape"]) r.within_shape = text_of(f["shape"], "shape");
      if (f["value"]) {
        r.value = text_of(f["value"], "value");
        if (r.value != "code" && r.value != "number" && r.value != "date")
          throw profile_error(f["value"], "a field's value is \"code\", \"number\" or \"date\"");
      }
      if (r.within.empty() != r.within_shape.empty())
        throw profile_error(f, "a field read from within another needs both 'within' and 'shape'");
      p.fields.push_back(std::move(r));
    }
  }
  p.columns = named_lists(root["columns"], "columns");
  p.column_words = named_lists(root["column_words"], "column_words");
  p.group_types = named_lists(root["group_types"], "group_types");
  p.elements = named_lists(root["elements"], "elements");
  p.measures = named_lists(root["measures"], "measures");
  if (!p.elements.empty() && p.recogniser.empty())
    throw profile_error(root["elements"], "elements name a reader's markup vocabulary: they need 'recogniser: READER'");
  if (const auto& parts = root["parts"]) {
    if (!parts.IsSequence()) throw profile_error(parts, "parts must be a list");
    for (const auto& n : parts) {
      only_keys(n, {"role", "headings", "lead_ins", "levels", "weight", "groups"}, "a part");
      part_rule r;
      if (!n["role"]) throw profile_error(n, "a part needs a role");
      r.role = text_of(n["role"], "role");
      r.headings = texts_of(n["headings"], "headings");
      r.lead_ins = texts_of(n["lead_ins"], "lead_ins");
      if (n["weight"]) r.weight = int_of(n["weight"], "weight");
      r.groups = patterns_of(n["groups"], "groups");
      for (const auto& g : r.groups)
        if (g.shape != label_pattern::form::number || g.prefix.empty())
          throw profile_error(n["groups"], "'" + g.written + "' in groups: a group heading's label is words and a number (\"Component #\")");
      if (const auto& levels = n["levels"]) {
        if (!levels.IsSequence()) throw profile_error(levels, "levels must be a list");
        for (const auto& l : levels) {
          only_keys(l, {"kind", "labels", "codes", "refs", "fields"}, "a level");
          item_level level;
          if (!l["kind"]) throw profile_error(l, "a level needs the kind of its items");
          level.kind = text_of(l["kind"], "kind");
          level.labels = patterns_of(l["labels"], "labels");
          level.refs = patterns_of(l["refs"], "refs");
          level.fields = named_lists(l["fields"], "fields");
          if (const auto& codes = l["codes"]) {
            if (!codes.IsSequence()) throw profile_error(codes, "codes must be a list of {band, shapes}");
            for (const auto& c : codes) {
              only_keys(c, {"band", "shapes"}, "a code band");
              code_band b;
              if (c["band"]) b.band = text_of(c["band"], "band");
              b.shapes = texts_of(c["shapes"], "shapes");
              if (b.shapes.empty()) throw profile_error(c, "a code band needs at least one shape (\"#A.P#\")");
              for (const auto& shape : b.shapes)
                if (shape.find('#') == std::string::npos)
                  throw profile_error(c["shapes"], "'" + shape + "' in shapes has no number ('#'): it would match words");
              level.codes.push_back(std::move(b));
            }
          }
          if (level.labels.empty() && level.codes.empty())
            throw profile_error(l, "a level needs at least one label shape or code shape");
          r.levels.push_back(std::move(level));
        }
      }
      p.parts.push_back(std::move(r));
    }
  }
  for (std::size_t i = 0; i < p.fields.size(); ++i)
    for (std::size_t j = i + 1; j < p.fields.size(); ++j)
      if (p.fields[i].name == p.fields[j].name)
        throw profile_error(root["fields"], "field '" + p.fields[i].name + "' is declared twice");
  for (const auto& f : p.fields)
    if (!f.within.empty() &&
        std::none_of(p.fields.begin(), p.fields.end(), [&](const field_rule& o) { return o.name == f.within; }))
      throw profile_error(root["fields"], "field '" + f.name + "' is read within '" + f.within +
                                              "', which names no field of the profile");
  // code_field and title_field name fields of this profile: a misspelt name would silently give no code
  for (const auto* key : {"code_field", "title_field"}) {
    const std::string& name = std::string_view(key) == "code_field" ? p.code_field : p.title_field;
    if (name.empty() || p.fields.empty()) continue;
    if (std::none_of(p.fields.begin(), p.fields.end(), [&](const field_rule& f) { return f.name == name; }))
      throw profile_error(root[key], std::string(key) + " '" + name + "' names no field of the profile");
  }
  return p;
}

profile_set load_builtin() {
  profile_set set;
  for (std::size_t i = 0; i < builtin_profile_count; ++i) {
    std::string error;
    auto p = read_profile(builtin_profile_files[i].text, builtin_profile_files[i].file, error);
    // the built-in files are checked by a test; a broken one is a build defect
    if (!p) throw std::logic_error(error);
    if (!p->recogniser.empty()) {
      set.vocabularies.push_back(std::move(*p));
      continue;
    }
    if (!p->columns.empty()) {
      set.tables.push_back(std::move(*p));
      continue;
    }
    if (p->document_kind.empty()) {
      set.furniture.insert(set.furniture.end(), p->furniture.begin(), p->furniture.end());
      set.page_edge_furniture.insert(set.page_edge_furniture.end(), p->page_edge_furniture.begin(),
                                     p->page_edge_furniture.end());
      set.joining_words.insert(set.joining_words.end(), p->joining_words.begin(), p->joining_words.end());
      continue;
    }
    set.profiles.push_back(std::move(*p));
  }
  return set;
}

}  // namespace

std::optional<label_pattern> parse_label_pattern(std::string_view w) {
  label_pattern p;
  p.written = w;
  std::string s;
  for (char c : w)
    if (c != '(' && c != ')' && c != '.' && c != ':' && c != ' ') s.push_back(c);
    else if (c == '.') s.push_back('.');
  while (!s.empty() && s.back() == '.') s.pop_back();
  if (s == "bullet") {
    p.shape = label_pattern::form::bullet;
    return p;
  }
  if (s == "a" || s == "A") {
    p.shape = label_pattern::form::letter;
    p.capital = s == "A";
    return p;
  }
  // "Learning aim A": words, then a capital letter
  if (auto sp = w.rfind(' '); sp != std::string_view::npos && w.substr(sp + 1) == "A" && sp > 0) {
    for (char c : w.substr(0, sp)) {
      if (c == ' ') continue;
      if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) return std::nullopt;
      p.prefix.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
    }
    p.shape = label_pattern::form::letter;
    p.capital = true;
    return p;
  }
  if (s == "i" || s == "I") {
    p.shape = label_pattern::form::roman;
    return p;
  }
  auto hash = s.find('#');
  if (hash == std::string::npos) return std::nullopt;
  for (std::size_t i = 0; i < hash; ++i) {
    char c = s[i];
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) return std::nullopt;
    p.prefix.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
  }
  p.depth = 0;
  for (std::size_t i = hash; i < s.size(); ++i) {
    if (s[i] == '#') ++p.depth;
    else if (s[i] != '.') return std::nullopt;
  }
  return p;
}

std::optional<profile> read_profile(std::string_view yaml, std::string_view source, std::string& error) {
  try {
    YAML::Node root = YAML::Load(std::string(yaml));
    return read(root, source);
  } catch (const profile_error& e) {
    error = std::string(source) + ":" + std::to_string(e.mark.line + 1) + ":" + std::to_string(e.mark.column + 1) +
            ": " + e.what();
  } catch (const YAML::Exception& e) {
    error = std::string(source) + ":" + std::to_string(e.mark.line + 1) + ":" + std::to_string(e.mark.column + 1) +
            ": " + e.msg;
  }
  return std::nullopt;
}

const profile* profile_set::find(std::string_view name_or_kind) const {
  for (const auto& p : profiles)
    if (p.name == name_or_kind) return &p;
  for (const auto& p : profiles)
    if (p.document_kind == name_or_kind) return &p;
  return nullptr;
}

const profile* profile_set::vocabulary(std::string_view recogniser) const {
  for (const auto& p : vocabularies)
    if (p.recogniser == recogniser) return &p;
  return nullptr;
}

profile_set profile_set::with(profile p) const {
  profile_set out = *this;
  if (!p.recogniser.empty()) {
    for (auto& existing : out.vocabularies)
      if (existing.recogniser == p.recogniser) {
        existing = std::move(p);
        return out;
      }
    out.vocabularies.push_back(std::move(p));
    return out;
  }
  auto& list = p.columns.empty() ? out.profiles : out.tables;
  for (auto& existing : list)
    if (existing.name == p.name) {
      existing = std::move(p);
      return out;
    }
  list.push_back(std::move(p));
  return out;
}

const profile_set& builtin_profiles() {
  static const profile_set set = load_builtin();
  return set;
}

}  // namespace qspec

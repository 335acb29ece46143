// The catalogue merge: qualifications from several documents become one,
// units meet their specifications, and disagreements are kept, not resolved.
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <map>
#include <set>

#include "qspec/catalogue.hpp"

namespace qspec {
namespace {

std::string_view role_of(document_kind k) {
  switch (k) {
    case document_kind::qualification_structure: return "structure";
    case document_kind::qualification_datasheet: return "datasheet";
    case document_kind::programme_overview: return "programme";
    case document_kind::unit_specification: return "specification";
    case document_kind::criteria_framework:  // frameworks are not merged into qualifications
    case document_kind::standard:            // nor are standards read from profiles
    case document_kind::unknown: break;
  }
  return "document";
}

std::string where(const std::string& doc, const source_span& s) {
  if (s.empty()) return doc;
  return doc + ":" + std::to_string(s.begin.line) + ":" + std::to_string(s.begin.column);
}

std::set<std::string> unit_ids(const qualification& q) {
  std::set<std::string> ids;
  for (const auto& g : q.groups)
    for (const auto& u : g.units) ids.insert(u.id);
  return ids;
}

/// Same qualification: same number, or at least half the units of the
/// smaller list in common, or the same title.
bool same_qualification(const qualification& a, const qualification& b) {
  if (a.number && b.number) return same_code(a.number.value, b.number.value);
  auto ua = unit_ids(a), ub = unit_ids(b);
  if (!ua.empty() && !ub.empty()) {
    std::size_t common = 0;
    for (const auto& id : ua) common += ub.count(id);
    return common * 2 >= std::min(ua.size(), ub.size());
  }
  return a.title && b.title && same_text(a.title.value, b.title.value);
}

/// Replaces the id prefix `from` by `to` everywhere under a qualification.
struct rebaser {
  std::string from, to;
  void operator()(std::string& id) const {
    if (id.compare(0, from.size(), from) == 0) id = to + id.substr(from.size());
  }
  void operator()(section& s) const {
    (*this)(s.id);
    for (auto& b : s.blocks) {
      (*this)(b.para.id);
      (*this)(b.items.id);
      for (auto& i : b.items.items) (*this)(i.id);
    }
  }
  void operator()(qualification& q) const {
    (*this)(q.id);
    for (auto& s : q.description) (*this)(s);
    for (auto& r : q.rules) (*this)(r.id), (*this)(r.group);
    for (auto& g : q.groups) (*this)(g.id);
    for (auto& b : q.barred) {
      (*this)(b.id);
      for (auto& p : b.statements) (*this)(p.id);
    }
    for (auto& r : q.recommendations) (*this)(r.id);
    for (auto& p : q.pathways) (*this)(p.id);
    for (auto& j : q.job_roles) (*this)(j.id);
    for (auto& n : q.notes) (*this)(n.id);
    for (auto& a : q.appearances) (*this)(a.id);
    for (auto& x : q.conflicts) {
      (*this)(x.id);
      for (auto& v : x.values) (*this)(v.id);
    }
  }
};

class merger {
 public:
  explicit merger(catalogue& c) : c_(c) {}

  void add_qualification(qualification q, const std::string& doc, document_kind kind) {
    for (std::size_t i = 0; i < c_.qualifications.size(); ++i) {
      if (!same_qualification(c_.qualifications[i], q)) continue;
      merge_into(i, std::move(q), doc, kind);
      return;
    }
    state s;
    s.original_id = q.id;
    note_fields(s, q, doc);
    q.appearances.push_back({q.id + "/appearance/1", q.span, doc, role_of(kind)});
    for (auto& g : q.groups)
      for (auto& u : g.units) u.appearances.push_back({u.id + "/appearance/1", u.span, doc, role_of(kind)});
    states_.push_back(std::move(s));
    c_.qualifications.push_back(std::move(q));
  }

  /// Joins a unit specification to the unit of the same code, if listed.
  void add_unit(unit spec, const std::string& doc) {
    for (auto& q : c_.qualifications)
      for (auto& g : q.groups)
        for (auto& u : g.units) {
          if (u.id != spec.id) continue;
          appear(u, spec.span, doc, "specification");
          if (!u.title.empty() && !spec.title.empty() && !same_text(u.title, spec.title)) {
            auto first = u.appearances.front();
            conflict_on(u.conflicts, u.id, "title", u.title, first.document, first.span, spec.title, doc, spec.span,
                        "unit " + std::string(u.local_code) + " has different titles");
          }
          if (u.title.empty()) u.title = spec.title;
          u.code = spec.code;
          if (u.local_code.empty()) u.local_code = spec.local_code;
          u.sections = std::move(spec.sections);
          u.scope_part = std::move(spec.scope_part);
          u.values = std::move(spec.values);
          u.glossary_part = std::move(spec.glossary_part);
          u.evidence = std::move(spec.evidence);
          u.guidance = std::move(spec.guidance);
          u.knowledge = std::move(spec.knowledge);
          u.elements = std::move(spec.elements);
          return;
        }
    c_.diagnostics.push_back({std::string(diag::unit_unplaced), severity::note, spec.span,
                              "unit " + std::string(spec.local_code.empty() ? spec.code : spec.local_code) +
                                  " is listed in no qualification structure of this catalogue; kept on its own",
                              {}, {}, doc});
    appear(spec, spec.span, doc, "specification");
    c_.units.push_back(std::move(spec));
  }

  /// Final ids: a qualification's number when any document gives it.
  void finish() {
    for (std::size_t i = 0; i < c_.qualifications.size(); ++i) {
      auto& q = c_.qualifications[i];
      if (q.number) {
        std::string id = "qualification/" + std::string(q.number.value);
        if (id != q.id) rebaser{q.id, id}(q);
      }
    }
  }

 private:
  catalogue& c_;
  /// Per merged qualification: the id it started with, and which document
  /// each field's value came from.
  struct state {
    std::string original_id;
    std::map<std::string, std::string, std::less<>> field_document;
    std::size_t documents = 1;
  };
  std::vector<state> states_;

  static void note_fields(state& s, const qualification& q, const std::string& doc) {
    for (auto name : {"title", "award_title", "type", "level", "number", "total_units", "total_credits", "tqt", "glh",
                      "awarding_body", "regulator", "standards", "standards_developer"})
      s.field_document[name] = doc;
    (void)q;
  }

  void appear(unit& u, const source_span& span, const std::string& doc, std::string_view role) {
    u.appearances.push_back({u.id + "/appearance/" + std::to_string(u.appearances.size() + 1), span, doc, role});
  }

  void conflict_on(std::vector<conflict>& list, const std::string& owner, std::string_view field, std::string_view a,
                   const std::string& doc_a, const source_span& span_a, std::string_view b, const std::string& doc_b,
                   const source_span& span_b, const std::string& what) {
    conflict x;
    x.id = owner + "/conflict/" + std::string(field);
    x.field = field;
    x.values.push_back({x.id + "/1", span_a, doc_a, a});
    x.values.push_back({x.id + "/2", span_b, doc_b, b});
    list.push_back(std::move(x));
    c_.diagnostics.push_back({std::string(diag::documents_disagree), severity::warning, span_b,
                              what + ": \"" + std::string(a) + "\" in " + where(doc_a, span_a) + " against \"" +
                                  std::string(b) + "\" in " + where(doc_b, span_b) + "; both are kept",
                              std::string(b), {}, doc_b});
  }

  /// A text field: taken when missing, compared when present.
  void text_field(state& s, qualification& q, std::string_view name, sourced<std::string_view>& mine,
                  const sourced<std::string_view>& theirs, const std::string& doc, bool code) {
    if (!theirs) return;
    if (!mine) {
      mine = theirs;
      s.field_document[std::string(name)] = doc;
      return;
    }
    bool same = code ? same_code(mine.value, theirs.value) : same_text(mine.value, theirs.value);
    if (!same)
      conflict_on(q.conflicts, q.id, name, mine.value, s.field_document[std::string(name)], mine.span, theirs.value,
                  doc, theirs.span, "the documents name the qualification's " + std::string(name) + " differently");
  }

  void count_field(state& s, qualification& q, std::string_view name, sourced<std::uint32_t>& mine,
                   const sourced<std::uint32_t>& theirs, const std::string& doc) {
    if (!theirs) return;
    if (!mine) {
      mine = theirs;
      s.field_document[std::string(name)] = doc;
      return;
    }
    if (mine.value == theirs.value) return;
    conflict_on(q.conflicts, q.id, name, number_text(mine.value), s.field_document[std::string(name)], mine.span,
                number_text(theirs.value), doc, theirs.span,
                "the documents give the qualification's " + std::string(name) + " differently");
  }

  std::shared_ptr<text_store> own_ = std::make_shared<text_store>(std::string());
  std::string_view number_text(std::uint32_t v) {
    if (c_.storage.empty() || c_.storage.back() != own_) c_.storage.push_back(own_);
    return own_->keep(std::to_string(v));
  }

  void body_field(state& s, qualification& q, std::string_view name, named_body& mine, const named_body& theirs,
                  const std::string& doc) {
    if (theirs.empty()) return;
    if (mine.empty()) {
      mine = theirs;
      s.field_document[std::string(name)] = doc;
      return;
    }
    bool same = (!mine.abbreviation.empty() && same_code(mine.abbreviation, theirs.abbreviation)) ||
                (!mine.name.empty() && same_text(mine.name, theirs.name));
    if (!same)
      conflict_on(q.conflicts, q.id, name, mine.abbreviation.empty() ? mine.name : mine.abbreviation,
                  s.field_document[std::string(name)], mine.span,
                  theirs.abbreviation.empty() ? theirs.name : theirs.abbreviation, doc, theirs.span,
                  "the documents name the qualification's " + std::string(name) + " differently");
  }

  void merge_into(std::size_t index, qualification q, const std::string& doc, document_kind kind) {
    qualification& m = c_.qualifications[index];
    state& s = states_[index];
    ++s.documents;
    m.appearances.push_back({m.id + "/appearance/" + std::to_string(m.appearances.size() + 1), q.span, doc,
                             role_of(kind)});
    text_field(s, m, "title", m.title, q.title, doc, false);
    text_field(s, m, "award_title", m.award_title, q.award_title, doc, false);
    text_field(s, m, "type", m.type, q.type, doc, true);
    count_field(s, m, "level", m.level, q.level, doc);
    text_field(s, m, "number", m.number, q.number, doc, true);
    count_field(s, m, "total_units", m.total_units, q.total_units, doc);
    count_field(s, m, "total_credits", m.total_credits, q.total_credits, doc);
    count_field(s, m, "tqt", m.tqt, q.tqt, doc);
    count_field(s, m, "glh", m.glh, q.glh, doc);
    body_field(s, m, "awarding_body", m.awarding_body, q.awarding_body, doc);
    body_field(s, m, "regulator", m.regulator, q.regulator, doc);
    body_field(s, m, "standards", m.standards, q.standards, doc);
    body_field(s, m, "standards_developer", m.standards_developer, q.standards_developer, doc);

    // the incoming qualification's ids take the merged one's, its sections a
    // per-document prefix so they cannot collide
    rebaser{q.id, m.id + "/d" + std::to_string(s.documents)}(q);
    for (auto& sec : q.description) m.description.push_back(std::move(sec));
    merge_groups(m, q, doc, kind);
    for (auto& r : q.rules) {
      bool known = std::any_of(m.rules.begin(), m.rules.end(), [&](const credit_rule& x) {
        return x.measure == r.measure && x.applies_to == r.applies_to && x.count == r.count &&
               group_type_of(m, x.group) == group_type_of(q, r.group);
      });
      if (!known) {
        rebaser{m.id + "/d" + std::to_string(s.documents) + "/group", m.id + "/group"}(r.group);
        m.rules.push_back(std::move(r));
      }
    }
    for (auto& b : q.barred) {
      auto it = std::find_if(m.barred.begin(), m.barred.end(), [&](auto& x) { return x.units == b.units; });
      if (it == m.barred.end()) m.barred.push_back(std::move(b));
    }
    for (auto& r : q.recommendations) {
      auto it = std::find_if(m.recommendations.begin(), m.recommendations.end(), [&](auto& x) {
        return x.units == r.units && same_text(x.audience, r.audience);
      });
      if (it == m.recommendations.end()) m.recommendations.push_back(std::move(r));
    }
    for (auto& p : q.pathways) {
      auto it = std::find_if(m.pathways.begin(), m.pathways.end(), [&](auto& x) { return same_text(x.name, p.name); });
      if (it == m.pathways.end()) m.pathways.push_back(std::move(p));
    }
    for (auto& j : q.job_roles) m.job_roles.push_back(std::move(j));
    for (auto& n : q.notes) m.notes.push_back(std::move(n));
  }

  static std::string group_type_of(const qualification& q, const std::string& group_id) {
    for (const auto& g : q.groups)
      if (g.id == group_id) return std::string(to_string(g.type));
    return group_id;
  }

  unit* find_unit(qualification& q, const std::string& id, unit_group** in = nullptr) {
    for (auto& g : q.groups)
      for (auto& u : g.units)
        if (u.id == id) {
          if (in) *in = &g;
          return &u;
        }
    return nullptr;
  }

  void merge_groups(qualification& m, qualification& q, const std::string& doc, document_kind kind) {
    std::string first_doc = m.appearances.front().document;
    std::set<std::string> theirs;
    for (auto& g : q.groups) {
      auto mg = std::find_if(m.groups.begin(), m.groups.end(), [&](auto& x) { return x.type == g.type; });
      if (mg == m.groups.end()) {
        unit_group fresh = g;
        fresh.id = m.id + "/group/" + std::string(to_string(g.type));
        fresh.units.clear();
        m.groups.push_back(std::move(fresh));
        mg = m.groups.end() - 1;
      } else {
        limit(m, *mg, "min_units", mg->min_units, g.min_units, first_doc, doc, g.span);
        limit(m, *mg, "max_units", mg->max_units, g.max_units, first_doc, doc, g.span);
        limit(m, *mg, "min_credits", mg->min_credits, g.min_credits, first_doc, doc, g.span);
        limit(m, *mg, "max_credits", mg->max_credits, g.max_credits, first_doc, doc, g.span);
      }
      auto group_index = static_cast<std::size_t>(mg - m.groups.begin());
      for (auto& u : g.units) {
        theirs.insert(u.id);
        unit_group* where_now = nullptr;
        unit* mine = find_unit(m, u.id, &where_now);
        if (!mine) {
          c_.diagnostics.push_back({std::string(diag::unit_not_listed), severity::warning, u.span,
                                    "unit " + std::string(u.local_code) + " is listed in " + doc + " but not in " +
                                        first_doc,
                                    std::string(u.title), {}, doc});
          u.appearances.push_back({u.id + "/appearance/1", u.span, doc, role_of(kind)});
          m.groups[group_index].units.push_back(std::move(u));
          continue;
        }
        appear(*mine, u.span, doc, role_of(kind));
        const auto& first = mine->appearances.front();
        if (where_now->type != g.type)
          conflict_on(mine->conflicts, mine->id, "group", to_string(where_now->type), first.document, first.span,
                      to_string(g.type), doc, u.span, "unit " + std::string(mine->local_code) + " is in different groups");
        if (!u.title.empty() && !mine->title.empty() && !same_text(mine->title, u.title))
          conflict_on(mine->conflicts, mine->id, "title", mine->title, first.document, first.span, u.title, doc, u.span,
                      "unit " + std::string(mine->local_code) + " has different titles");
        if (mine->title.empty()) mine->title = u.title;
        if (!u.imported_code.empty() && !mine->imported_code.empty() && !same_code(mine->imported_code, u.imported_code))
          conflict_on(mine->conflicts, mine->id, "imported_code", mine->imported_code, first.document, first.span,
                      u.imported_code, doc, u.span,
                      "unit " + std::string(mine->local_code) + " is imported from different sources");
        if (mine->imported_code.empty()) mine->imported_code = u.imported_code;
        if (!u.reference.empty() && !mine->reference.empty() && !same_code(mine->reference, u.reference))
          conflict_on(mine->conflicts, mine->id, "reference", mine->reference, first.document, mine->reference_span,
                      u.reference, doc, u.reference_span,
                      "unit " + std::string(mine->local_code) + " has different unit reference numbers");
        if (mine->reference.empty() && !u.reference.empty()) mine->reference = u.reference, mine->reference_span = u.reference_span;
        if (mine->marker.empty()) mine->marker = u.marker;
      }
    }
    if (q.groups.empty()) return;
    for (auto& g : m.groups)
      for (auto& u : g.units)
        if (!theirs.count(u.id) && u.appearances.size() == static_cast<std::size_t>(1) && u.appearances[0].document == first_doc)
          c_.diagnostics.push_back({std::string(diag::unit_not_listed), severity::warning, u.span,
                                    "unit " + std::string(u.local_code) + " is listed in " + first_doc + " but not in " +
                                        doc,
                                    std::string(u.title), {}, first_doc});
  }

  void limit(qualification& m, unit_group& g, std::string_view name, std::optional<std::uint32_t>& mine,
             const std::optional<std::uint32_t>& theirs, const std::string& first_doc, const std::string& doc,
             const source_span& span) {
    if (!theirs) return;
    if (!mine) {
      mine = theirs;
      return;
    }
    if (*mine != *theirs)
      conflict_on(m.conflicts, g.id, name, number_text(*mine), first_doc, g.span, number_text(*theirs), doc, span,
                  "the documents set the " + std::string(to_string(g.type)) + " group's " + std::string(name) +
                      " differently");
  }
};

}  // namespace

std::string comparable_text(std::string_view s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_SUCCESS(status)) u = nfkc->normalize(u, status);
  if (U_FAILURE(status)) u.foldCase();
  icu::UnicodeString out;
  bool space = false;
  for (int32_t i = 0; i < u.length(); ++i) {
    char16_t c = u.charAt(i);
    switch (c) {
      case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC: c = '\''; break;
      case 0x201C: case 0x201D: case 0x201E: case 0x2033: c = '"'; break;
      case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2212: c = '-'; break;
      default: break;
    }
    if (u_isUWhiteSpace(c)) {
      space = out.length() > 0;
      continue;
    }
    if (space) out.append(char16_t(' '));
    space = false;
    out.append(c);
  }
  if (out.length() > 0 && out.charAt(out.length() - 1) == '.') out.truncate(out.length() - 1);
  std::string result;
  out.toUTF8String(result);
  return result;
}

bool same_text(std::string_view a, std::string_view b) { return a == b || comparable_text(a) == comparable_text(b); }

bool same_code(std::string_view a, std::string_view b) {
  auto squeeze = [](std::string_view s) {
    std::string out;
    for (char c : s) {
      if (c == ' ' || c == '\t') continue;
      out.push_back((c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c);
    }
    return out;
  };
  return squeeze(a) == squeeze(b);
}

catalogue merge(std::vector<document> documents, std::vector<std::vector<diagnostic>> diagnostics) {
  catalogue c;
  merger m(c);
  for (std::size_t i = 0; i < documents.size(); ++i) {
    document& d = documents[i];
    source_document sd;
    sd.id = "source/" + std::to_string(i + 1);
    sd.span = d.span;
    sd.name = d.source_name;
    sd.type = d.type;
    sd.kind_name = d.kind_name.empty() ? std::string(to_string(d.type)) : d.kind_name;
    sd.lines = d.lines;
    c.documents.push_back(std::move(sd));
    c.storage.push_back(d.storage);
    if (i < diagnostics.size())
      for (auto& x : diagnostics[i]) {
        x.document = d.source_name;
        c.diagnostics.push_back(std::move(x));
      }
  }
  for (auto& d : documents)
    for (auto& f : d.frameworks) c.frameworks.push_back(std::move(f));
  for (auto& d : documents)
    for (auto& st : d.standards) c.standards.push_back(std::move(st));
  // structures first, so that specifications find their units whatever the order of the files
  for (auto& d : documents)
    for (auto& q : d.qualifications) m.add_qualification(std::move(q), d.source_name, d.type);
  for (auto& d : documents)
    for (auto& u : d.units) m.add_unit(std::move(u), d.source_name);
  for (std::size_t i = 0; i < documents.size(); ++i)
    for (auto& s : documents[i].sections) {
      rebaser{s.id.substr(0, 0), "source/" + std::to_string(i + 1) + "/"}(s);
      c.sections.push_back(std::move(s));
    }
  m.finish();
  return c;
}

}  // namespace qspec

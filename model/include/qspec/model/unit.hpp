#pragma once
/// A unit specification (NVQ / NOS layout): elements with performance
/// criteria tables, scope, glossary, values, evidence requirements and a
/// knowledge specification.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "qspec/model/provenance.hpp"
#include "qspec/model/source.hpp"
#include "qspec/model/text.hpp"

namespace qspec {

struct sub_item {
  static constexpr std::string_view kind = "sub_item";
  std::string id;
  source_span span;
  std::string_view label;  ///< "a", "b", …
  std::string_view text;
  std::vector<term_reference> terms;
};

/// A column of a criteria table ("DO") with its expansion from the legend.
struct evidence_method {
  static constexpr std::string_view kind = "evidence_method";
  std::string id;
  source_span span;        ///< the column header cell
  std::string_view code;
  std::string_view name;   ///< empty when no legend names it
  source_span legend_span; ///< where the legend expands it
};

struct performance_criterion {
  static constexpr std::string_view kind = "performance_criterion";
  std::string id;
  source_span span;
  std::uint32_t number = 0;
  std::string_view text;   ///< the stem, before the first sub-item
  std::vector<sub_item> sub_items;
  std::vector<term_reference> terms;
};

struct element {
  static constexpr std::string_view kind = "element";
  std::string id;
  source_span span;
  std::string_view code;   ///< "LMC B2.1"
  std::string_view title;
  std::vector<evidence_method> evidence_methods;
  std::vector<performance_criterion> criteria;
};

struct knowledge_point {
  static constexpr std::string_view kind = "knowledge_point";
  std::string id;
  source_span span;
  std::uint32_t number = 0;
  std::string_view text;
  std::vector<sub_item> sub_items;
  std::vector<term_reference> terms;
};

struct knowledge_group {
  static constexpr std::string_view kind = "knowledge_group";
  std::string id;
  source_span span;
  std::string_view title;
  std::vector<knowledge_point> points;
};

struct knowledge_specification {
  static constexpr std::string_view kind = "knowledge_specification";
  std::string id;
  source_span span;
  std::string_view heading;
  std::vector<paragraph> introduction;
  std::string_view lead_in;  ///< "You need to show that you know, understand and can apply …:"
  std::string_view evidence_column;  ///< the header of the column left for evidence numbers
  std::vector<knowledge_group> groups;
};

struct glossary_term {
  static constexpr std::string_view kind = "glossary_term";
  std::string id;
  source_span span;
  std::string_view term;
  std::string_view emphasis;        ///< how the source marked the term: "bold" or "italic"
  std::vector<block> definition;    ///< paragraphs and lists, in order
};

struct glossary {
  static constexpr std::string_view kind = "glossary";
  std::string id;
  source_span span;
  std::string_view heading;
  std::vector<paragraph> introduction;
  std::vector<glossary_term> terms;
};

struct scope_item {
  static constexpr std::string_view kind = "scope_item";
  std::string id;
  source_span span;
  std::string_view term;      ///< "Advocates"
  std::string_view relation;  ///< "could include", "include", "including"
  std::string_view text;
};

struct scope {
  static constexpr std::string_view kind = "scope";
  std::string id;
  source_span span;
  std::string_view heading;
  std::vector<paragraph> paragraphs;  ///< guidance around the items
  std::vector<scope_item> items;
};

struct values_statement {
  static constexpr std::string_view kind = "values_statement";
  std::string id;
  source_span span;
  std::string_view heading;
  std::vector<paragraph> paragraphs;
};

struct evidence_requirement {
  static constexpr std::string_view kind = "evidence_requirement";
  std::string id;
  source_span span;
  std::string_view category;        ///< "simulation", "mandatory" or "general"
  std::string_view label;           ///< "Direct observation"; may be empty
  std::string_view text;
  std::optional<bool> permitted;    ///< simulation only: whether simulation is allowed
};

struct evidence_type {
  static constexpr std::string_view kind = "evidence_type";
  std::string id;
  source_span span;
  std::string_view name;
  std::string_view description;
};

struct evidence_requirements {
  static constexpr std::string_view kind = "evidence_requirements";
  std::string id;
  source_span span;
  std::string_view heading;
  std::vector<evidence_requirement> requirements;
  std::vector<evidence_type> types;
};

struct general_guidance {
  static constexpr std::string_view kind = "general_guidance";
  std::string id;
  source_span span;
  std::string_view heading;
  std::vector<list_item> items;
};

struct unit {
  static constexpr std::string_view kind = "unit";
  std::string id;
  source_span span;
  std::string_view code;        ///< SQA-style code, "F36J 04"
  std::string_view local_code;  ///< "LMC B2"
  std::string_view title;
  /// As listed in a qualification structure:
  std::string_view reference;      ///< unit reference number as written, "M/104/0313"
  source_span reference_span;
  std::string_view imported_code;  ///< source of an imported unit as written, "HSC446"
  std::string_view marker;         ///< footnote marker printed after the code, "*"
  std::string_view developer_code; ///< the standards developer's code, "COSVR210"
  std::optional<std::uint32_t> level;   ///< SCQF or RQF level, when the structure prints it
  std::optional<std::uint32_t> credit;  ///< credit value, when the structure prints it
  std::vector<section> sections;
  std::optional<scope> scope_part;
  std::optional<values_statement> values;
  std::optional<glossary> glossary_part;
  std::optional<evidence_requirements> evidence;
  std::optional<general_guidance> guidance;
  std::optional<knowledge_specification> knowledge;
  std::vector<element> elements;
  std::vector<appearance> appearances;  ///< filled by a catalogue merge
  std::vector<conflict> conflicts;      ///< filled by a catalogue merge
};

}  // namespace qspec

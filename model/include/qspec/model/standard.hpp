#pragma once
/// A standard read by the outline engine from a layout profile: a National
/// Occupational Standard, a QCF/RQF unit, an apprenticeship standard, or any
/// family a profile describes. Its parts and item kinds come from the
/// profile, so the same few types hold every family: a `part` per heading the
/// profile knows ("Performance criteria", "Learning outcomes", "Duties"…)
/// and `outline_item`s nested as the labels say (1 > 1.1 > (a)).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "qspec/model/source.hpp"
#include "qspec/model/text.hpp"

namespace qspec {

/// A metadata line of the standard: "URN: SCDHSC0033", "Credit value: 2".
struct field_value {
  static constexpr std::string_view kind = "field";
  std::string id;
  source_span span;
  std::string_view name;   ///< the profile's name for it: "urn", "credit_value"
  std::string_view label;  ///< as printed: "Credit Value"
  std::string_view value;  ///< as printed, whitespace collapsed
};

/// A number of units, credits or hours a statement gives ("4–6 optional
/// specialist units", "totalling 240 GLH"), by the profile's measures: a rule
/// of combination read as numbers.
struct quantity {
  static constexpr std::string_view kind = "quantity";
  std::string id;
  source_span span;
  std::string_view measure;  ///< the profile's name: "units", "glh", "credits"
  std::uint32_t min = 0;
  std::uint32_t max = 0;     ///< equal to min when one number is printed
  std::string_view text;     ///< as printed: "4–6 optional specialist units"
};

/// One numbered or bulleted statement of a standard, or a group heading that
/// holds some (kind "item_group"). The kind is the profile's:
/// "performance_criterion", "learning_outcome", "assessment_criterion",
/// "knowledge_point", "skill", "behaviour", "duty", "sub_item"…
struct outline_item {
  static constexpr std::string_view group_kind = "item_group";
  std::string_view kind;
  std::string id;
  source_span span;
  std::string_view label;  ///< as printed, without the bullet: "P1", "1.1", "(a)", "Duty 4"
  std::string code;        ///< the label without punctuation or spaces: "P1", "1.1", "a", "Duty4"
  std::string_view text;   ///< a group's title for an item_group
  bool incomplete = false;      ///< the document stops inside this item
  bool label_inferred = false;  ///< printed without a label; numbered from the sequence
  std::string_view band;        ///< a graded criterion's band, by its code's shape: "pass", "merit"…
  std::vector<std::string> refs;  ///< codes of other items this one names (a duty's K/S/B)
  std::vector<quantity> quantities;  ///< the numbers it states, when the profile names measures
  std::vector<outline_item> children;
};

/// A part of a standard opened by one of the profile's headings or lead-ins.
struct part {
  static constexpr std::string_view kind = "part";
  std::string id;
  source_span span;
  std::string_view role;     ///< "performance_criteria", "knowledge", "learning_outcomes"…
  std::string_view heading;  ///< as printed; empty when only a lead-in opened it
  std::string_view lead_in;  ///< "You must be able to:"
  std::vector<block> blocks;          ///< prose, in order
  std::vector<outline_item> items;    ///< items and item groups, in order
  std::vector<quantity> quantities;   ///< the numbers its prose states, when the profile names measures
};

struct standard {
  static constexpr std::string_view kind = "standard";
  std::string id;
  source_span span;
  std::string_view family;   ///< the profile that read it: "nos", "regulated_unit"…
  std::string_view title;
  std::string_view code;     ///< URN, unit reference number, standard reference, as printed
  std::vector<field_value> fields;
  std::vector<part> parts;
  std::vector<section> sections;  ///< text before the first part that is not a field
};

}  // namespace qspec

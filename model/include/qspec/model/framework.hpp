#pragma once
/// A qualification criteria framework (e.g. Skills for Care's Level 5
/// Diploma criteria): topics, sub-topics, learning outcomes with their
/// criteria and sub-items, guidance notes, and the hours rules.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "qspec/model/source.hpp"
#include "qspec/model/text.hpp"
#include "qspec/model/unit.hpp"

namespace qspec {

/// A numbered criterion of a learning outcome ("1. the differences between …").
struct criterion {
  static constexpr std::string_view kind = "criterion";
  std::string id;
  source_span span;
  std::uint32_t number = 0;
  bool number_inferred = false;  ///< the source lost the number; it follows from the sequence
  std::string_view text;
  std::vector<sub_item> sub_items;      ///< bullets under a criterion that ends with ":"
  std::vector<term_reference> terms;    ///< emphasised terms, resolved to guidance terms
};

/// A lettered learning outcome ("A. Understand leadership and management …").
struct outcome {
  static constexpr std::string_view kind = "outcome";
  std::string id;
  source_span span;
  std::string_view letter;
  std::string_view statement;
  std::vector<criterion> criteria;
};

/// A defined term of a sub-topic's guidance notes.
struct guidance_term {
  static constexpr std::string_view kind = "guidance_term";
  std::string id;
  source_span span;
  std::string_view term;
  std::vector<block> definition;  ///< paragraphs and lists, as printed
};

/// An entry of a topic's overview ("This section includes:").
struct overview_entry {
  std::string code;  ///< as corrected, "LMAC5D/CI"
  std::string_view title;
  source_span span;
};

struct subtopic {
  static constexpr std::string_view kind = "subtopic";
  std::string id;
  source_span span;
  std::string code;                    ///< "LMAC5A/LM" (repaired where the heading was damaged)
  std::string_view title;
  std::string_view requirement_type;   ///< "knowledge", "skill" or "knowledge_and_skill"
  std::string_view requirement_label;  ///< as printed: "Knowledge and skill requirements"
  std::vector<outcome> outcomes;
  std::vector<guidance_term> guidance;
  std::string_view guidance_statement; ///< "No guided notes included." when the source says so
};

struct topic {
  static constexpr std::string_view kind = "topic";
  std::string id;
  source_span span;
  std::string code;   ///< "LMAC5A"
  std::string_view title;
  std::vector<overview_entry> overview;
  std::vector<subtopic> subtopics;
};

/// "have a TQT of 900-950 hours": a range of hours for a part of the qualification.
struct hours_rule {
  static constexpr std::string_view kind = "hours_rule";
  std::string id;
  source_span span;
  std::string_view measure;   ///< "total_qualification_time", "minimum_content", "optional_content", "other"
  std::uint32_t min = 0;
  std::uint32_t max = 0;
  std::string_view unit;      ///< "hours"
  std::string_view text;
};

struct framework {
  static constexpr std::string_view kind = "framework";
  std::string id;
  source_span span;
  std::string_view title;        ///< "Level 5 Diploma in Leading and Managing an Adult Care Service"
  std::string_view label;        ///< what the document calls itself: "Qualification Criteria"
  std::optional<std::uint32_t> level;
  std::string_view publisher;    ///< "Skills for Care"
  std::string_view date;         ///< "May 2021"
  std::string_view audience;     ///< "for awarding organisations developing new qualifications"
  std::vector<section> description;             ///< front matter and Section A prose, with roles
  std::vector<hours_rule> hours_rules;
  std::vector<topic> topics;
  std::vector<section> additional_requirements; ///< Section C, one section per numbered requirement
  std::vector<section> appendices;              ///< appendices; recommendation lists kept as lists
};

}  // namespace qspec

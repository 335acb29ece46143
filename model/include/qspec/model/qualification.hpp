#pragma once
/// A qualification as its structure list, datasheet or programme overview
/// describes it: facts about the qualification, its unit groups and rules of
/// combination, barred and recommended combinations, pathways and job roles.
/// A unit listed in a structure is a `unit` (see unit.hpp); a catalogue merge
/// fills in its body from the unit's specification.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "qspec/model/provenance.hpp"
#include "qspec/model/source.hpp"
#include "qspec/model/text.hpp"
#include "qspec/model/unit.hpp"

namespace qspec {

/// A value with the span it was read from; absent when `span` is empty and
/// the value is default.
template <class T>
struct sourced {
  T value{};
  source_span span;
  bool present = false;
  void set(T v, source_span where) {
    value = std::move(v);
    span = where;
    present = true;
  }
  explicit operator bool() const { return present; }
};

/// A name with the abbreviation printed beside it: "OCR (Oxford Cambridge and
/// RSA Examinations)" gives abbreviation "OCR" and name "Oxford Cambridge…".
struct named_body {
  std::string_view abbreviation;
  std::string_view name;
  source_span span;
  [[nodiscard]] bool empty() const { return abbreviation.empty() && name.empty(); }
};

enum class group_type { mandatory, optional, pathway, additional };
[[nodiscard]] std::string_view to_string(group_type t);

struct unit_group {
  static constexpr std::string_view kind = "unit_group";
  std::string id;
  source_span span;
  group_type type = group_type::mandatory;
  std::string_view name;  ///< as printed: "Mandatory Units", "Optional units", "Option"
  std::optional<std::uint32_t> min_units, max_units, min_credits, max_credits;
  std::string_view statement;  ///< the sentence that establishes the group, when it is not a heading
  source_span statement_span;
  std::vector<unit> units;
  /// A pathway's own option groups ("Option Group A Candidates must select 1 unit").
  std::vector<unit_group> groups;
};

/// Units that may not be taken together.
struct barred_combination {
  static constexpr std::string_view kind = "barred_combination";
  std::string id;
  source_span span;
  std::vector<std::string> units;       ///< unit ids, sorted
  std::vector<paragraph> statements;    ///< every place the source says so
};

/// Units recommended, beyond the rules, for an audience.
struct recommendation {
  static constexpr std::string_view kind = "recommendation";
  std::string id;
  source_span span;
  std::string_view audience;            ///< "Residential Child Care in England"
  std::vector<std::string> units;       ///< unit ids, in the order named
  std::string_view text;
};

/// A quantity rule: "Number of credits that must be achieved: 90",
/// "all 4 Mandatory units", "Total Units for full NVQ 8".
struct credit_rule {
  static constexpr std::string_view kind = "credit_rule";
  std::string id;
  source_span span;
  std::string_view measure;      ///< "credits" or "units"
  std::uint32_t count = 0;
  std::string_view applies_to;   ///< "qualification", "group" or "pathway"
  std::string group;             ///< id of the unit group, when applies_to == "group"
  std::string_view text;         ///< the statement as written
};

struct pathway {
  static constexpr std::string_view kind = "pathway";
  std::string id;
  source_span span;
  std::string_view name;
  std::optional<std::uint32_t> min_credits;
};

struct job_role {
  static constexpr std::string_view kind = "job_role";
  std::string id;
  source_span span;
  std::string_view text;
};

/// A numbered note that is neither a barred combination nor a recommendation.
struct note {
  static constexpr std::string_view kind = "note";
  std::string id;
  source_span span;
  std::uint32_t number = 0;
  std::string_view text;
};

struct qualification {
  static constexpr std::string_view kind = "qualification";
  std::string id;
  source_span span;
  sourced<std::string_view> title;       ///< "Level 4 NVQ in Leadership and Management for Care Services"
  sourced<std::string_view> award_title; ///< a display name printed apart, "… Care Services Award"
  sourced<std::string_view> type;        ///< "NVQ", "Diploma"
  sourced<std::uint32_t> level;
  sourced<std::string_view> number;      ///< "04639"
  named_body awarding_body;
  named_body regulator;
  named_body standards;                  ///< "National Occupational Standards (NOS)"
  named_body standards_developer;        ///< "Skills for Care and Development (SFC&D)"
  sourced<std::uint32_t> total_units;
  sourced<std::uint32_t> total_credits;
  sourced<std::uint32_t> min_credits;    ///< when the credit is a range, "min - 75;  max - 76"
  sourced<std::uint32_t> max_credits;
  sourced<std::uint32_t> tqt;            ///< total qualification time, hours
  sourced<std::uint32_t> glh;            ///< guided learning hours
  std::vector<section> description;      ///< prose sections, each with a role
  std::vector<credit_rule> rules;
  std::vector<unit_group> groups;
  std::vector<barred_combination> barred;
  std::vector<recommendation> recommendations;
  std::vector<pathway> pathways;
  std::vector<job_role> job_roles;
  std::vector<note> notes;
  std::vector<appearance> appearances;   ///< filled by a catalogue merge
  std::vector<conflict> conflicts;       ///< filled by a catalogue merge
};

}  // namespace qspec

#pragma once
// Attributes of the line grammars. Plain structs; Fusion adaptation lives in
// ast_adapted.hpp so code that only reads results does not pull it in.
#include <string>
#include <vector>

namespace qspec::grammar::ast {

/// "F36J 04 (LMC B2)" at the start of a unit header line.
struct unit_header {
  std::string code;        // "F36J 04"
  std::string local_code;  // "LMC B2"
};

/// "LMC B2.1" at the start of an element heading.
struct element_code {
  std::string local_code;  // "LMC B2"
  std::string number;      // "1"
};

/// "DO = Direct Observation" in an evidence-method legend.
struct legend_entry {
  std::string code;
  std::string expansion;
};

/// "(a) " opening a sub-item.
struct sub_item_marker {
  char open = '(';
  char label = 'a';
};

/// "Unit LMC A4" or "Unit 70" opening a unit in a structure list.
struct structure_unit {
  std::string series;  // "LMC"; empty for a bare number
  std::string code;    // "A4", "70"
};

/// "E5*" in the code column of a datasheet table.
struct table_code {
  std::string code;    // "E5"
  std::string marker;  // "*"
};

/// "Level 4 (04639)": a level and a qualification number.
struct level_number {
  unsigned level = 0;
  std::string number;
};

/// "LMAC5A/LM": a topic code and a sub-topic code.
struct subtopic_code {
  std::string topic;  // "LMAC5A"
  std::string sub;    // "LM"
};

/// "12-20 hours" inside a sentence.
struct hours_range {
  unsigned min = 0;
  unsigned max = 0;
};

/// "a total of 5 or 6 units", "3 Units must be completed": a count of units
/// or credits, with an upper bound when the text gives a choice.
struct count_range {
  unsigned min = 0;
  unsigned max = 0;  // 0: no upper bound stated
};

/// "F3H004": an SQA unit code printed without the space before its two-digit
/// suffix ("F3H0" and "04").
struct joined_code {
  std::string stem;
  std::string suffix;
};

/// "27/6/2018" in a date cell.
struct cell_date {
  unsigned day = 0;
  unsigned month = 0;
  unsigned year = 0;
};

/// "Unit 12" (or " 6" when the word is missing) on the second line of a code cell.
struct unit_number {
  bool has_word = false;
  unsigned number = 0;
};

}  // namespace qspec::grammar::ast

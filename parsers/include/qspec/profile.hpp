#pragma once
/// Layout profiles: a family of standards described as data. A profile names
/// the headings and lead-ins that open each part of a document, the labels of
/// its metadata lines, which label shapes are items at which level, and the
/// kind each item lowers to. The built-in profiles are the YAML files in
/// `profiles/`, compiled in; `read_profile` reads a user's file, which adds a
/// family or replaces a built-in one of the same name.
///
///     std::string error;
///     auto mine = qspec::read_profile(yaml_text, "my-body.yaml", error);
///     auto set = qspec::builtin_profiles().with(*mine);
///     auto result = qspec::parse(text, {.profiles = &set});
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace qspec {

/// A label shape: "P#" (prefix P, one number), "#.#" (two numbers),
/// "Duty #", "a" (a letter), "i" (a roman number), "bullet" (no label).
/// "A" is a capital letter, which may stand before its text with no
/// delimiter when a gap or a heading's mark sets it apart ("A   Investigate
/// media products", "## B Plan …"); "Learning aim A" is a capital letter
/// after words.
struct label_pattern {
  enum class form { number, letter, roman, bullet };
  form shape = form::number;
  std::string prefix;   ///< upper-cased, spaces removed: "P", "DUTY", "LEARNINGAIM"
  unsigned depth = 1;   ///< numbers in the path, for form::number
  bool capital = false; ///< form::letter written "A": a capital letter
  std::string written;  ///< as the profile writes it
};

struct field_rule {
  std::string name;                      ///< "urn"
  std::vector<std::string> labels;       ///< "URN", "Unique reference number"
  int weight = 1;                        ///< detection evidence
  /// When the field has no label of its own in a document, it is also read
  /// from inside another field's value: the first word of that value shaped
  /// like `within_shape` ("#/#/#": `#` a run of digits, `A` a capital, other
  /// characters as printed), e.g. a qualification number at the end of the
  /// qualification's title.
  std::string within;                    ///< the other field's name ("qualification")
  std::string within_shape;              ///< "#/#/#"
  /// What the field's value is, where that is known: "code" (one word holding a digit and a
  /// letter: "SFHGEN117"), "number" ("2", "1.1") or "date" (one holding a year: "31 Mar 2027"); empty:
  /// any text. Pairs a column of labels with the column of values printed after it.
  std::string value;
};

/// Codes printed as an item's label, by their shape ("2A.P1" fits "#A.P#":
/// `#` a run of digits, `A` one capital, any other character itself), and
/// the band they put their items in ("pass"): graded criteria.
struct code_band {
  std::string band;                      ///< "pass"; empty for none
  std::vector<std::string> shapes;       ///< "#A.P#", "A.#P#"
};

/// Items at one level of a part: level 0 holds level 1, and so on.
struct item_level {
  std::string kind;                      ///< "performance_criterion"
  std::vector<label_pattern> labels;
  std::vector<code_band> codes;          ///< codes shaped as a band says ("2A.P1"), in place of labels
  std::vector<label_pattern> refs;       ///< labels of other items this kind names ("K#")
  /// Lines that give a property of an item of this level ("GCSE English: No"
  /// under a criterion), each property's name with the labels that print it:
  /// children of kind item_field, coded by the name.
  std::vector<field_rule> fields;
};

struct part_rule {
  std::string role;                      ///< "performance_criteria"
  std::vector<std::string> headings;     ///< "Performance criteria"; "Qualification structure of *": a heading
                                         ///< that opens with the words and names what follows (each one a part)
  std::vector<std::string> lead_ins;     ///< "You must be able to"
  std::vector<item_level> levels;        ///< empty: a prose part
  /// Labelled headings that open a group of the part's items, and the part
  /// itself where no heading of its own is printed ("Component 1: Title").
  std::vector<label_pattern> groups;
  int weight = 2;                        ///< detection evidence of its heading
};

struct profile {
  std::string name;            ///< "nos"
  std::string document_kind;   ///< "national_occupational_standard"
  std::string description;
  std::string source;          ///< "built-in" or the file it was read from
  int threshold = 4;           ///< least detection score
  std::string code_field;      ///< the field that gives the standard's code ("urn")
  std::string title_field;     ///< a field that gives the title, when printed as one
  /// Set when the profile holds the vocabulary of a built-in recogniser
  /// ("unit_specification": its headings) rather than a family the outline
  /// builder reads; such a profile is not scored in detection.
  std::string recogniser;
  std::vector<field_rule> fields;
  std::vector<part_rule> parts;
  /// Whole lines that are a hosting site's furniture ("Download", "Page # of #").
  std::vector<std::string> furniture;
  /// Whole lines that are furniture at a page's edge only, among its first four or last four lines
  /// of text: what a browser or viewer prints around a page ("#/#/#, #:# PM", "file://*", "#/#").
  std::vector<std::string> page_edge_furniture;
  /// Words a line ends with when its phrase goes on on the next line ("…Leadership and" /
  /// "Management in Care Services": a title wrapped), case ignored.
  std::vector<std::string> joining_words;
  /// A label printed before the title ("Unit 12: Title"): its number fills
  /// title_label_field and the title is what follows.
  std::vector<label_pattern> title_labels;
  std::string title_label_field;
  /// Tables (a profile with columns describes a grid, not a text layout):
  /// each column's field name and the header texts that name it,
  /// {"title", {"Unit Title"}}; read in the order given.
  std::vector<field_rule> columns;
  /// A header cell no text of `columns` names whole names the first column
  /// here whose words it holds, each word beginning one of its words, case
  /// ignored ({"credit", {"credit"}}: "SCQF Credit Points"); tried in the
  /// order given, a column named once.
  std::vector<field_rule> column_words;
  /// Group types and the words that mark them in a status cell or a group
  /// heading: {"optional", {"Optional", "O"}}; "pathway" marks pathways.
  std::vector<field_rule> group_types;
  /// Markup vocabularies (a reader's, with `recogniser`): element names by
  /// the role the reader gives them, {"list", {"ul", "ol"}}; a name written
  /// "*_title" stands for every name that ends so.
  std::vector<field_rule> elements;
  /// What a rule of combination counts and the words that name it after a
  /// number or a range: {"units", {"units", "unit"}}, {"glh", {"GLH"}}. A
  /// profile with measures reads "4–6 optional specialist units" in its items
  /// and its parts' prose as quantities.
  std::vector<field_rule> measures;
};

class profile_set {
 public:
  std::vector<profile> profiles;
  /// Whole lines every profile treats as furniture (from profiles with no document_kind).
  std::vector<std::string> furniture;
  /// Whole lines every profile treats as furniture at a page's edge (from profiles with no document_kind).
  std::vector<std::string> page_edge_furniture;
  /// Joining words every profile knows (from profiles with no document_kind).
  std::vector<std::string> joining_words;
  /// Profiles of grids (those with `columns`): tried on CSV input before the others.
  std::vector<profile> tables;
  /// The vocabularies of the built-in recognisers (profiles with `recogniser`).
  std::vector<profile> vocabularies;
  /// By profile name or document kind.
  [[nodiscard]] const profile* find(std::string_view name_or_kind) const;
  /// The vocabulary of a built-in recogniser, or nothing.
  [[nodiscard]] const profile* vocabulary(std::string_view recogniser) const;
  /// This set with `p` added, or replacing the profile of the same name (a
  /// vocabulary replaces the vocabulary of the same recogniser).
  [[nodiscard]] profile_set with(profile p) const;
};

/// The profiles compiled into qspec (profiles/*.yaml).
[[nodiscard]] const profile_set& builtin_profiles();

/// Reads one profile from YAML. On failure returns nothing and sets `error`
/// to a message naming `source`, the line and what is wrong.
[[nodiscard]] std::optional<profile> read_profile(std::string_view yaml, std::string_view source, std::string& error);

/// Parses a label shape as profiles write it ("P#", "#.#", "(a)", "bullet").
[[nodiscard]] std::optional<label_pattern> parse_label_pattern(std::string_view written);

}  // namespace qspec

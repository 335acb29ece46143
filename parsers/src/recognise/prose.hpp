#pragma once
// Prose outside typed nodes: headings, paragraphs and lists, read from the
// lines no recogniser has used yet. Shared by the fallback for unsupported
// kinds and by the qualification recognisers, which then lift typed facts
// (credit rules, pathways, job roles, awarding body…) out of the sections.
#include <string>
#include <string_view>
#include <vector>

#include "recognise/context.hpp"

namespace qspec {

struct prose_options {
  std::string id_prefix = "section/";
  /// A short isolated line ending with "?" is a heading ("Who is this NVQ for?").
  bool question_headings = false;
  /// A question run into the start of a paragraph ("… such as: Who is the
  /// qualification for? This qualification is for …") is split off as a heading.
  bool split_run_in_questions = false;
  /// A paragraph starting in lower case after an unfinished list item is the
  /// rest of that item, cut by a page break: rejoined with a diagnostic.
  bool rejoin_list_items = false;
  /// Contact details (web address, telephone, email) at the end of a document
  /// form one section with role "contact"; their short lines are not headings.
  bool contact_block = false;
  /// A lone lower-case word on its own line is a label left by the
  /// conversion: furniture, with a note.
  bool stray_labels = false;
  /// Lines such as "[back to overview]" or "Please click the image above…"
  /// are web navigation: furniture.
  bool navigation = false;
  /// Give each section a role from its heading.
  bool classify = false;
};

/// Reads every unused line into sections, in document order.
std::vector<section> read_sections(parse_context& ctx, const prose_options& options);

/// The role of a section from its heading, by the patterns of the prose
/// vocabulary's parts (profiles/prose.yaml): "about", "audience", "purpose",
/// "benefits", "structure", "delivery_roles", "assessment", "key_skills",
/// "next_steps", "related_qualifications", "contact", "profile", "pathways",
/// "delivery", "progression", or "general" when none matches.
std::string_view classify_heading(std::string_view heading, const profile* words);

/// Throws std::invalid_argument when the prose vocabulary names a section role the reader does not know.
void check_prose_words(const profile& words);

/// Puts `prefix` in front of the ids of a section and of its blocks.
void prefix_ids(section& s, const std::string& prefix);

/// Lower-case ASCII copy, for keyword tests.
std::string lower_ascii(std::string_view s);

}  // namespace qspec

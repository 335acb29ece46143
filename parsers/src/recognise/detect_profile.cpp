// Detection by profile: how well a document fits each profile, with the
// lines that decided it (`qspec detect` shows them).
#include <algorithm>
#include <array>

#include "recognise/line_text.hpp"
#include "recognise/outline.hpp"
#include "recognise/side_column.hpp"
#include "recognise/vocabulary.hpp"

namespace qspec {

using namespace vocab;

detection score_profile(parse_context& ctx, const profile& p) {
  detection d;
  d.kind = p.document_kind;
  d.profile = p.name;
  std::vector<bool> part_seen(p.parts.size()), field_seen(p.fields.size());
  // the vocabulary by its first letter: a line is compared only with the phrases that could open it
  struct phrase {
    std::string folded;
    std::size_t index;  // part or field
    enum { heading, lead_in, field } what;
    const std::string* written;
  };
  std::array<std::vector<phrase>, 27> by_letter;
  auto bucket = [](char c) -> std::size_t {
    c = lower(c);
    return c >= 'a' && c <= 'z' ? static_cast<std::size_t>(c - 'a') : 26;
  };
  for (std::size_t i = 0; i < p.parts.size(); ++i) {
    for (const auto& h : p.parts[i].headings) {
      auto f = fold(h);
      by_letter[bucket(f.empty() ? ' ' : f[0])].push_back({f, i, phrase::heading, &h});
    }
    for (const auto& h : p.parts[i].lead_ins) {
      auto f = fold(h);
      by_letter[bucket(f.empty() ? ' ' : f[0])].push_back({f, i, phrase::lead_in, &h});
    }
  }
  for (std::size_t i = 0; i < p.fields.size(); ++i)
    for (const auto& label : p.fields[i].labels)
      by_letter[bucket(label.empty() ? ' ' : label[0])].push_back({label, i, phrase::field, &label});
  auto add = [&](std::uint32_t line, std::string what, int weight) {
    d.score += weight;
    d.evidence.push_back({line + 1, std::move(what), weight});
  };
  // codes shaped as a level's bands say ("2A.P1"): each band a code is first seen in counts its
  // part's weight once
  struct band_seen {
    const code_band* band;
    int weight;
    bool seen = false;
  };
  std::vector<band_seen> bands;
  for (const auto& r : p.parts)
    for (const auto& level : r.levels)
      for (const auto& b : level.codes) bands.push_back({&b, r.weight});
  // measures after a number ("4 core units", "480 GLH"): each measure first seen counts once. Only
  // the few words after each number are compared: a line without digits costs one pass.
  std::vector<bool> measure_seen(p.measures.size());
  auto score_measures = [&](std::uint32_t l, std::string_view line) {
    for (std::size_t i = 0; i < line.size(); ++i) {
      if (!is_digit(line[i]) || (i > 0 && (is_digit(line[i - 1]) || is_alpha(line[i - 1])))) continue;
      std::size_t at = i;
      while (at < line.size() && (is_digit(line[at]) || line[at] == '-' || line[at] == ' ')) ++at;
      for (int words = 0; words <= 3 && at < line.size() && is_alpha(line[at]); ++words) {
        for (std::size_t m = 0; m < p.measures.size(); ++m) {
          if (measure_seen[m]) continue;
          for (const auto& label : p.measures[m].labels)
            if (phrase_prefix(line.substr(at), label) != std::string_view::npos) {
              measure_seen[m] = true;
              add(l, "a number of " + p.measures[m].name, 1);
              break;
            }
        }
        while (at < line.size() && is_alpha(line[at])) ++at;
        while (at < line.size() && line[at] == ' ') ++at;
      }
      i = at;
    }
  };
  auto score_codes = [&](std::uint32_t l, std::string_view line) {
    // the word opening the line and each cell: "2A.P1 Explain …", "| Level 1 Pass | A.1P1 Identify …"
    for (std::size_t at = 0; at < line.size();) {
      while (at < line.size() && (line[at] == ' ' || line[at] == '|' || line[at] == '\t' || line[at] == '*' || line[at] == '_')) ++at;
      const auto word = code_word(line.substr(at));
      std::size_t end = at + word.size();
      if (!word.empty())
        for (auto& b : bands)
          if (!b.seen && fits_band(word, *b.band)) {
            b.seen = true;
            add(l, "code \"" + std::string(word) + "\"" + (b.band->band.empty() ? "" : " (" + b.band->band + ")"),
                b.weight);
            break;
          }
      // on to the next cell
      while (end < line.size() && line[end] != '|' && line[end] != '\t') ++end;
      at = end;
    }
  };
  // a field's label ends at the line's end, a colon, a cell's edge, or a gap of two spaces or more
  // before its value (a table's columns set with spaces, as pdftotext -layout writes them)
  auto field_ends = [](std::string_view line, std::size_t k) {
    const std::size_t from = k;
    std::size_t spaces = 0;
    while (k < line.size() && (line[k] == ' ' || line[k] == '*' || line[k] == '_')) spaces += line[k] == ' ' ? 1 : 0, ++k;
    return k == line.size() || line[k] == ':' || line[k] == '|' || line[k] == '\t' || (spaces >= 2 && k - from == spaces);
  };
  // labels with their values one space apart ("Credit value 1", as a text browser writes a table of
  // labels and values): fields only where three lines or more of them, of two fields or more,
  // follow one another
  struct loose_label {
    std::uint32_t line;
    std::size_t field;
    const std::string* written;
  };
  std::vector<loose_label> loose;
  // a line of the text (not a heading joined from pieces): its folded form is shared by the profiles
  auto score_one = [&](std::uint32_t l, std::string_view line, bool text_line, bool headings_only = false) {
    // markdown and bullet marks off ("**" or "__" for bold)
    while (!line.empty() && (line.front() == '#' || line.front() == '*' || line.front() == '_' || line.front() == '|' || line.front() == ' '))
      line.remove_prefix(1);
    if (line.empty()) return;
    if (!bands.empty() && !headings_only) score_codes(l, line);
    if (!p.measures.empty() && !headings_only) score_measures(l, line);
    if (line.size() > 2000) {
      // a whole document on one line: every phrase anywhere in it
      for (const auto& list : by_letter)
        for (const auto& ph : list) {
          bool fresh = ph.what == phrase::field ? !field_seen[ph.index] : !part_seen[ph.index];
          if (!fresh) continue;
          auto at = ph.what == phrase::field ? find_ci(line, *ph.written + ":") : find_ci(line, ph.folded);
          if (at == std::string_view::npos) continue;
          if (ph.what == phrase::field) field_seen[ph.index] = true, add(l, "field \"" + *ph.written + "\"", p.fields[ph.index].weight);
          else part_seen[ph.index] = true, add(l, (ph.what == phrase::heading ? "heading \"" : "lead-in \"") + *ph.written + "\"", p.parts[ph.index].weight);
        }
      return;
    }
    const auto& candidates = by_letter[bucket(line[0])];
    if (candidates.empty()) return;
    std::string own;  // folded only when a heading could match the whole line
    const std::string* f = nullptr;
    auto folded = [&]() -> const std::string& {
      if (f) return *f;
      if (text_line) {
        if (ctx.folded.size() != ctx.lines.count()) ctx.folded.assign(ctx.lines.count(), false), ctx.folded_lines.resize(ctx.lines.count());
        if (!ctx.folded[l]) ctx.folded_lines[l] = fold(line), ctx.folded[l] = true;
        f = &ctx.folded_lines[l];
      } else {
        own = fold(line);
        f = &own;
      }
      return *f;
    };
    for (const auto& ph : candidates) {
      if (headings_only && ph.what != phrase::heading) continue;
      if (ph.what == phrase::field) {
        auto k = phrase_prefix(line, ph.folded);
        if (k == std::string_view::npos) continue;
        if (field_ends(line, k)) {
          if (!field_seen[ph.index])
            field_seen[ph.index] = true, add(l, "field \"" + *ph.written + "\"", p.fields[ph.index].weight);
        } else if (text_line && k + 1 < line.size() && line[k] == ' ') {
          loose.push_back({l, ph.index, ph.written});  // "Level 2": a label and its value one space apart
        }
        continue;
      }
      if (part_seen[ph.index]) continue;
      bool hit = false;
      if (ph.what == phrase::heading) {
        if (line.size() <= ph.folded.size() + 8) {
          hit = same_phrase(folded(), ph.folded);
        }
        // (run into its text, a heading still begins the line with its capital: "knowledge and
        // understanding that a person has …" in lower case is a sentence going on from the line above)
        hit = hit || (ph.folded.size() >= 10 && !(line[0] >= 'a' && line[0] <= 'z') &&
                      phrase_prefix(line, ph.folded) != std::string_view::npos);
      } else {
        hit = phrase_prefix(line, ph.folded) != std::string_view::npos;
      }
      if (hit) {
        part_seen[ph.index] = true;
        add(l, (ph.what == phrase::heading ? "heading \"" : "lead-in \"") + *ph.written + "\"",
            p.parts[ph.index].weight);
      }
    }
  };
  // a table's row: each of its cells is read as a heading too ("| Knowledge | Skills | Behaviours |")
  auto score = [&](std::uint32_t l, std::string_view line, bool text_line) {
    score_one(l, line, text_line);
    if (line.size() > 2000 || line.find_first_of("|\t") == std::string_view::npos) return;
    const auto whole = trim(line).size();
    std::size_t b = 0;
    for (std::size_t i = 0; i <= line.size(); ++i)
      if (i == line.size() || line[i] == '|' || line[i] == '\t') {
        const auto cell = trim(line.substr(b, i - b));
        if (!cell.empty() && cell.size() < whole) score_one(l, cell, false, true);
        b = i + 1;
      }
  };
  if (ctx.gutter < 0) ctx.gutter = find_gutter(ctx);
  if (ctx.gutter > 0) {
    // headings in a column beside the content: each heading's pieces joined, the content apart
    std::string heading;
    std::uint32_t heading_line = 0;
    for (const auto& piece : read_in_column_order(ctx, static_cast<std::uint32_t>(ctx.gutter))) {
      if (piece.line >= 5000) break;
      std::string_view text = ctx.src.substr(piece.begin, piece.end - piece.begin);
      if (piece.heading && piece.joins_before) {
        heading += ' ';
        heading += text;
        continue;
      }
      if (!heading.empty()) score(heading_line, heading, false), heading.clear();
      if (piece.heading) heading.assign(text), heading_line = piece.line;
      else score(piece.line, text, false);
    }
    if (!heading.empty()) score(heading_line, heading, false);
  }
  // the lines whole too (each phrase counts once): a table's label and value beside the column
  // ("Unit reference      K/650/3321"), where the column's pieces read apart give no field
  const std::uint32_t n = std::min<std::uint32_t>(ctx.lines.count(), 5000);
  for (std::uint32_t l = 0; l < n; ++l)
    if (ctx.use[l] != line_use::blank) score(l, trim(ctx.lines.line(l)), true);
  for (std::size_t i = 0; i < loose.size();) {
    std::size_t j = i + 1;  // the run of lines one after another from i, each holding a label
    while (j < loose.size() && loose[j].line <= loose[j - 1].line + 1) ++j;
    const auto lines = loose[j - 1].line - loose[i].line + 1;
    // (two fields at least: "Level 2 …" / "Level 3 …" / "Level 4 …" is a list, not a table of facts)
    std::size_t fields = 0;
    for (std::size_t k = i; k < j; ++k)
      fields += std::none_of(loose.begin() + static_cast<std::ptrdiff_t>(i), loose.begin() + static_cast<std::ptrdiff_t>(k),
                             [&](const loose_label& x) { return x.field == loose[k].field; });
    if (lines >= 3 && fields >= 2)
      for (std::size_t k = i; k < j; ++k)
        if (!field_seen[loose[k].field])
          field_seen[loose[k].field] = true,
          add(loose[k].line, "field \"" + *loose[k].written + "\" (a run of labels, each with its value)",
              p.fields[loose[k].field].weight);
    i = j;
  }
  // the evidence in line order, as a reader checks it
  std::stable_sort(d.evidence.begin(), d.evidence.end(), [](auto& a, auto& b) { return a.line < b.line; });
  return d;
}

}  // namespace qspec

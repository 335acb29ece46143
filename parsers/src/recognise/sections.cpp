// Fallback for documents whose kind qspec does not support yet: every line
// still ends up in a section (heading, paragraphs, lists), never lost.
#include "clean/rich_text.hpp"
#include "recognise/context.hpp"

namespace qspec {
namespace {

bool ends_like_sentence(std::string_view s) {
  if (s.empty()) return false;
  char c = s.back();
  return c == '.' || c == ':' || c == ';' || c == ',' || c == '?' || c == '!';
}

bool blank(const parse_context& ctx, std::int64_t l) {
  return l < 0 || l >= ctx.lines.count() || ctx.use[static_cast<std::uint32_t>(l)] == line_use::blank;
}

}  // namespace

void recognise_sections(parse_context& ctx, document& doc) {
  section* current = nullptr;
  std::uint32_t n = ctx.lines.count();
  std::uint32_t paragraphs = 0, lists = 0;
  bool in_list = false;
  auto new_section = [&](const clean::rich_text* heading) {
    section s;
    s.heading = heading ? ctx.keep(*heading) : std::string_view{};
    std::string base = slug(s.heading);
    s.id = "section/" + std::to_string(doc.sections.size() + 1) + (base.empty() ? "" : "-" + base);
    if (heading) s.span = ctx.span_of(*heading);
    doc.sections.push_back(std::move(s));
    current = &doc.sections.back();
    paragraphs = lists = 0;
    in_list = false;
  };
  for (std::uint32_t l = 0; l < n; ++l) {
    if (ctx.use[l] != line_use::unknown) {
      if (ctx.use[l] == line_use::blank) in_list = false;
      continue;
    }
    auto [b, e] = ctx.lines.content(l);
    std::string_view raw = ctx.src.substr(b, e - b);
    std::size_t lead = 0;
    while (lead < raw.size() && raw[lead] == ' ') ++lead;
    bool markdown_heading = raw.substr(lead, 1) == "#";
    std::uint32_t item_at = 0;
    if (raw.substr(lead, 2) == "- " || raw.substr(lead, 2) == "* ") item_at = static_cast<std::uint32_t>(lead + 2);
    else if (raw.substr(lead, 3) == "\xE2\x80\xA2") item_at = static_cast<std::uint32_t>(lead + 3);
    std::uint32_t from = b;
    if (markdown_heading) {
      while (from < e && (ctx.src[from] == '#' || ctx.src[from] == ' ')) ++from;
    } else if (item_at) {
      from = b + item_at;
    }
    clean::rich_text text = ctx.read_text(from, e);
    ctx.use[l] = line_use::content;
    if (text.empty()) {
      ctx.use[l] = line_use::furniture;
      continue;
    }
    bool emphasised = false;
    for (const auto& r : text.emphasis_runs())
      if (r.begin == 0 && r.end >= text.text().size()) emphasised = true;
    bool short_isolated = text.text().size() <= 80 && !ends_like_sentence(text.text()) &&
                          blank(ctx, std::int64_t(l) - 1) && blank(ctx, std::int64_t(l) + 1) &&
                          raw.find('\t') == std::string_view::npos;
    if (!item_at && (markdown_heading || emphasised || short_isolated)) {
      new_section(&text);
      continue;
    }
    if (!current) new_section(nullptr);
    block blk;
    if (item_at) {
      if (!in_list || current->blocks.empty() || current->blocks.back().which != block::type::list) {
        blk.which = block::type::list;
        blk.items.id = current->id + "/list" + std::to_string(++lists);
        current->blocks.push_back(std::move(blk));
        in_list = true;
      }
      auto& lst = current->blocks.back().items;
      list_item it{lst.id + "/" + std::to_string(lst.items.size() + 1), ctx.span_of(text), ctx.keep(text)};
      lst.span = merge(lst.span, it.span);
      current->span = merge(current->span, it.span);
      lst.items.push_back(std::move(it));
      continue;
    }
    in_list = false;
    blk.which = block::type::paragraph;
    blk.para = paragraph{current->id + "/p" + std::to_string(++paragraphs), ctx.span_of(text), ctx.keep(text)};
    current->span = merge(current->span, blk.para.span);
    current->blocks.push_back(std::move(blk));
  }
}

std::string slug(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool gap = false;
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || u >= 0x80;
    if (!keep) {
      gap = true;
      continue;
    }
    if (gap && !out.empty()) out.push_back('-');
    gap = false;
    out.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return out;
}

}  // namespace qspec

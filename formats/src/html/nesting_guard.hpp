#pragma once
// How deep a page's elements nest, told before the HTML parser sees it.
//
// gumbo, the HTML parser, has no bound of its own: its tree construction
// scans the stack of open elements for every tag (time grows with the square
// of the nesting), and it frees its tree recursively (a page nested a hundred
// thousand tables deep overflows the stack). So the reader first measures the
// nesting with a cheap count over the tags, and hands gumbo only the part of
// the page that stays within read_limits::max_depth.
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace qspec::formats::html {

struct nesting_cut {
  std::size_t offset = std::string_view::npos;  ///< where the page passes the depth; npos when it never does
  std::uint32_t line = 0;                       ///< 1-based line of that offset
};

/// The first start tag that opens more than `max_depth` elements that are
/// still open. Counts as gumbo nests: elements whose end tag may be left out
/// (p, li, td, tr, option…) and void elements (br, img…) open no level, an end
/// tag closes back to its own element, comments, processing instructions and
/// the text of script, style and textarea open nothing. The count may fall
/// short of gumbo's tree by a level for each table section it implies, never
/// by more than that factor, which the limit leaves room for.
[[nodiscard]] nesting_cut find_nesting_cut(std::string_view html, std::uint32_t max_depth);

}  // namespace qspec::formats::html

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
/// still open. Counts as gumbo nests, in the main: void elements (br, img…)
/// open no level; an element whose end tag may be left out (li, td, tr, dd,
/// option…) closes when the next of its kind starts (up to the nearest
/// element that stops it, as the HTML parsing algorithm says), and a <p>
/// when a block starts, taking along what was left open inside; the parts
/// of a table outside any table open nothing; an end tag closes back to
/// its own element, but a formatting element's (</b>) not past a block
/// opened inside it; comments, processing instructions and the text of
/// script, style and textarea open nothing. On random tag soup the count
/// stays within a factor of four of gumbo's depth, either way.
[[nodiscard]] nesting_cut find_nesting_cut(std::string_view html, std::uint32_t max_depth);

}  // namespace qspec::formats::html

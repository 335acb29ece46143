#pragma once
// Building blocks shared by the grammar definitions.
#include <boost/spirit/home/x3.hpp>

namespace qspec::grammar {
namespace x3 = boost::spirit::x3;
// A space, a tab or a no-break space (U+00A0 as its UTF-8 bytes).
inline const auto gap_char = x3::lit(' ') | x3::lit('\t') | x3::lit("\xC2\xA0");
}  // namespace qspec::grammar

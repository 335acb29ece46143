#pragma once
// The one iterator and context every line grammar is instantiated for. The
// grammars run on single lines of UTF-8 bytes without a skipper; spacing is
// explicit in the rules (X3 does not decode UTF-8, so the no-break space is
// matched as its two bytes).
#include <boost/spirit/home/x3.hpp>

namespace qspec::grammar {
namespace x3 = boost::spirit::x3;
using iterator_type = const char*;
using context_type = x3::unused_type;
}  // namespace qspec::grammar

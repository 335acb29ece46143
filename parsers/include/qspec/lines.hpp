#pragma once
/// The lines of a text as the parser numbers them, so that anything showing
/// a document line by line (the review page, `qspec text`) numbers its lines
/// as the catalogue's spans do. A line ends at "\n", "\r\n" or a lone "\r";
/// a final terminator opens no further line.
///
///     qspec::split_lines("a\rb\r\nc\n")  // {"a", "b", "c"}
#include <string_view>
#include <vector>

namespace qspec {

/// Views into `text`, one per line, each without its terminator. An empty
/// text has no lines (its catalogue counts none).
[[nodiscard]] std::vector<std::string_view> split_lines(std::string_view text);

}  // namespace qspec

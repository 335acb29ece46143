#include "common/list_numbering.hpp"

#include <array>
#include <string_view>
#include <utility>

namespace qspec::formats {
namespace {

char letter(long index, bool upper) { return static_cast<char>((upper ? 'A' : 'a') + index); }

}  // namespace

std::string roman_numeral(long n, bool upper) {
  if (n < 1 || n > 3999) return std::to_string(n);
  static constexpr std::array<std::pair<long, std::string_view>, 13> numerals{{{1000, "m"}, {900, "cm"}, {500, "d"},
                                                                               {400, "cd"}, {100, "c"}, {90, "xc"},
                                                                               {50, "l"}, {40, "xl"}, {10, "x"},
                                                                               {9, "ix"}, {5, "v"}, {4, "iv"}, {1, "i"}}};
  std::string out;
  for (auto [value, text] : numerals)
    for (; n >= value; n -= value) out += text;
  if (upper)
    for (auto& c : out) c = static_cast<char>(c - 'a' + 'A');
  return out;
}

std::string alphabetic_number(long n, bool upper) {
  if (n < 1) return std::to_string(n);
  std::string out;
  for (long k = n; k > 0; k = (k - 1) / 26) out.insert(out.begin(), letter((k - 1) % 26, upper));
  return out;
}

std::string repeated_letter_number(long n, bool upper) {
  if (n < 1 || n > 26 * 30) return std::to_string(n);
  return std::string(static_cast<std::size_t>((n - 1) / 26 + 1), letter((n - 1) % 26, upper));
}

}  // namespace qspec::formats

// See vocabulary.hpp.
#include "recognise/vocabulary.hpp"

#include <algorithm>
#include <vector>

namespace qspec::vocab {

/// A line folded for comparison with the profile's vocabulary: ASCII lower
/// case, markup marks dropped, "&" as "and", runs of space as one, closing
/// ":" "." and spaces dropped.
std::string fold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '*' || c == '#' || c == '_') continue;
    if (c == ' ' || c == '\t' || (c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0')) {
      if (c == '\xC2') ++i;
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' '), space = false;
    if (c == '&') {
      out += "and";
      continue;
    }
    out.push_back(lower(c));
  }
  while (!out.empty() && (out.back() == ':' || out.back() == '.' || out.back() == ' ')) out.pop_back();
  return out;
}

/// Edit distance of a and b, or limit + 1 once it exceeds limit.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
  if (a.size() > b.size() + limit || b.size() > a.size() + limit) return limit + 1;
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    std::size_t best = cur[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      best = std::min(best, cur[j]);
    }
    if (best > limit) return limit + 1;
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

/// A whole folded line against a folded phrase: equal, or one slip in ten
/// letters ("Performace criteria"), two in eighteen.
bool same_phrase(std::string_view line, std::string_view phrase) {
  if (line == phrase) return true;
  std::size_t limit = phrase.size() >= 18 ? 2 : phrase.size() >= 10 ? 1 : 0;
  return limit > 0 && edit_distance(line, phrase, limit) <= limit;
}

/// Length of the prefix of `text` that spells `phrase` (case and runs of
/// space ignored, "&" for "and"), ending at a word edge; npos when it does not.
std::size_t phrase_prefix(std::string_view text, std::string_view phrase) {
  std::size_t i = 0, k = 0;
  while (k < phrase.size()) {
    if (i >= text.size()) return std::string_view::npos;
    char p = phrase[k];
    if (p == ' ') {
      if (text[i] != ' ' && text[i] != '\t') return std::string_view::npos;
      while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
      ++k;
      continue;
    }
    if (text[i] == '&' && phrase.substr(k, 3) == "and") {
      ++i, k += 3;
      continue;
    }
    if (lower(text[i]) != lower(p)) return std::string_view::npos;
    ++i, ++k;
  }
  if (i < text.size() && ((text[i] >= 'a' && text[i] <= 'z') || (text[i] >= 'A' && text[i] <= 'Z')))
    return std::string_view::npos;
  return i;
}

bool holds_year(std::string_view t) {
  for (std::size_t i = 0; i + 4 <= t.size(); ++i)
    if ((t.compare(i, 2, "19") == 0 || t.compare(i, 2, "20") == 0) && is_digit(t[i + 2]) && is_digit(t[i + 3]) &&
        (i == 0 || !is_digit(t[i - 1])) && (i + 4 == t.size() || !is_digit(t[i + 4])))
      return true;
  return false;
}

bool ends_sentence(std::string_view t) {
  while (!t.empty() && (t.back() == ' ' || t.back() == '"' || t.back() == '\'' || t.back() == ')')) t.remove_suffix(1);
  if (t.size() >= 3 && t.substr(t.size() - 3) == "\xE2\x80\x9D") t.remove_suffix(3);
  return !t.empty() && (t.back() == '.' || t.back() == ';' || t.back() == '?' || t.back() == '!' || t.back() == ':');
}

/// A value that stops on "," or ";" goes on: a list wrapped onto the next line.
bool continues_list(std::string_view t) {
  while (!t.empty() && t.back() == ' ') t.remove_suffix(1);
  return !t.empty() && (t.back() == ',' || t.back() == ';');
}

bool starts_upper(std::string_view t) { return !t.empty() && (is_upper(t[0]) || t[0] == '"'); }

/// Whole-line furniture pattern: "#" a number, "*" any text, case ignored.
bool furniture_match(std::string_view line, std::string_view pattern) {
  if (pattern.empty()) return line.empty();
  const char p = pattern.front();
  if (p == '*') {
    for (std::size_t i = 0; i <= line.size(); ++i)
      if (furniture_match(line.substr(i), pattern.substr(1))) return true;
    return false;
  }
  if (p == '#') {
    // a number, with "." or "," inside it ("1,200", "2.5"): the longest run the rest matches after
    std::size_t i = 0;
    while (i < line.size() && (is_digit(line[i]) || ((line[i] == '.' || line[i] == ',') && i > 0))) ++i;
    for (; i > 0; --i)
      if (furniture_match(line.substr(i), pattern.substr(1))) return true;
    return false;
  }
  return !line.empty() && lower(line.front()) == lower(p) && furniture_match(line.substr(1), pattern.substr(1));
}

bool label_fits(const label_pattern& p, const grammar::ast::item_label& l) {
  using form = label_pattern::form;
  switch (p.shape) {
    case form::number: {
      if (l.path.size() != p.depth) return false;
      std::string prefix;
      for (char c : l.prefix)
        if (c != ' ') prefix.push_back(upper(c));
      return prefix == p.prefix;
    }
    case form::letter: {
      std::string prefix;
      for (char c : l.prefix)
        if (c != ' ') prefix.push_back(upper(c));
      if (prefix != p.prefix) return false;
      if (p.capital) return is_upper(l.letter);
      return l.letter != 0 || l.roman.size() == 1;  // "(i)" after "(h)" is a letter
    }
    case form::roman: return !l.roman.empty();
    case form::bullet: return false;
  }
  return false;
}

std::string code_of(const grammar::ast::item_label& l) {
  if (!l.code.empty()) return l.code;
  // words of a prefix joined, each with a capital: "Learning outcome 1" and "Learning Outcome 1"
  // are one code, LearningOutcome1, however a conversion cased them
  std::string c;
  bool word_start = true;
  for (char ch : l.prefix) {
    if (ch == ' ') {
      word_start = true;
      continue;
    }
    c.push_back(word_start ? upper(ch) : ch);
    word_start = false;
  }
  for (std::size_t i = 0; i < l.path.size(); ++i) {
    if (i) c.push_back('.');
    c.append(std::to_string(l.path[i]));
  }
  if (l.letter) c.push_back(l.letter);
  c += l.roman;
  return c;
}

bool fits_shape(std::string_view word, std::string_view shape) {
  std::size_t w = 0;
  for (char c : shape) {
    if (c == '#') {
      if (w >= word.size() || !is_digit(word[w])) return false;
      while (w < word.size() && is_digit(word[w])) ++w;
    } else if (c == 'A') {
      if (w >= word.size() || !is_upper(word[w])) return false;
      ++w;
    } else {
      if (w >= word.size() || word[w] != c) return false;
      ++w;
    }
  }
  return w == word.size();
}

std::string_view code_word(std::string_view t) {
  constexpr std::size_t max_code = 12;  // "2A.P1", "AB.D1"
  std::size_t end = 0;
  while (end < t.size() && t[end] != ' ' && t[end] != '\t' && t[end] != ':' && t[end] != '|') ++end;
  if (end == 0 || end > max_code || !is_digit(t[end - 1])) return {};
  return t.substr(0, end);
}

bool fits_band(std::string_view code, const code_band& band) {
  return std::any_of(band.shapes.begin(), band.shapes.end(), [&](const std::string& shape) { return fits_shape(code, shape); });
}

const code_band* band_of(std::string_view code, const std::vector<code_band>& bands) {
  for (const auto& b : bands)
    if (fits_band(code, b)) return &b;
  return nullptr;
}

bool heading_shaped(std::string_view t) {
  if (t.empty() || t.size() > 60 || !is_upper(t[0]) || ends_sentence(t) || t.back() == ',') return false;
  int words = 0;
  for (std::size_t b = 0; b < t.size();) {
    std::size_t e = t.find(' ', b);
    if (e == std::string_view::npos) e = t.size();
    std::string_view w = t.substr(b, e - b);
    b = e + 1;
    if (w.empty()) continue;
    if (++words > 6) return false;
    std::size_t letters = 0;
    for (char c : w) letters += (lower(c) >= 'a' && lower(c) <= 'z');
    if (letters != w.size() && w != "&" && w != "/") return false;  // words only: no numbers, no codes
    if (w.size() >= 4 && !is_upper(w[0])) return false;
  }
  return words >= 2;
}

bool title_wraps(std::string_view title, std::string_view next, const std::vector<std::string>& joining_words) {
  if (title.empty() || next.empty() || ends_sentence(title)) return false;
  if (is_lower(next[0])) return true;
  // the title's last word as printed, a joining word as written (in lower case: "Group A" ends
  // with no joining word "a")
  const std::size_t space = title.find_last_of(' ');
  const std::string_view last = space == std::string_view::npos ? title : title.substr(space + 1);
  if (std::any_of(joining_words.begin(), joining_words.end(), [&](const std::string& w) { return w == last; }))
    return true;
  auto capitals = [](std::string_view x) {
    std::size_t upper = 0, lower = 0;
    for (char c : x) upper += is_upper(c) ? 1 : 0, lower += is_lower(c) ? 1 : 0;
    return upper >= 3 && lower == 0;
  };
  return capitals(title) && capitals(next);
}

}  // namespace qspec::vocab

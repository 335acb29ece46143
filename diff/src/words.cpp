// Word-level differences inside a changed text: ICU word boundaries, then
// the longest common subsequence of the pieces.
#include <unicode/brkiter.h>
#include <unicode/unistr.h>

#include <memory>

#include "qspec/diff.hpp"

namespace qspec::diff {
namespace {

/// Every piece between word boundaries: words, spaces, punctuation.
std::vector<std::string> pieces(std::string_view text) {
  std::vector<std::string> out;
  if (text.empty()) return out;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status)) return {std::string(text)};
  it->setText(u);
  int32_t start = it->first();
  for (int32_t end = it->next(); end != icu::BreakIterator::DONE; start = end, end = it->next()) {
    std::string p;
    u.tempSubStringBetween(start, end).toUTF8String(p);
    out.push_back(std::move(p));
  }
  return out;
}

bool blank(const std::string& s) { return s.find_first_not_of(" \t\n") == std::string::npos; }

void push(std::vector<word_run>& runs, word_run::type t, const std::string& text) {
  if (!runs.empty() && runs.back().what == t) runs.back().text += text;
  else runs.push_back({t, text});
}

}  // namespace

std::vector<word_run> word_diff(std::string_view before, std::string_view after) {
  auto x = pieces(before), y = pieces(after);
  std::vector<word_run> steps;  // one piece each
  const std::size_t n = x.size(), m = y.size();
  if (n * m > 4'000'000) {  // too long to align: the whole text changed
    if (!before.empty()) steps.push_back({word_run::type::removed, std::string(before)});
    if (!after.empty()) steps.push_back({word_run::type::added, std::string(after)});
    return steps;
  }
  std::vector<std::uint32_t> lcs((n + 1) * (m + 1), 0);
  auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t& { return lcs[i * (m + 1) + j]; };
  for (std::size_t i = n; i-- > 0;)
    for (std::size_t j = m; j-- > 0;)
      at(i, j) = x[i] == y[j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
  std::size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && x[i] == y[j]) {
      steps.push_back({word_run::type::equal, x[i]});
      ++i, ++j;
    } else if (j < m && (i == n || at(i, j + 1) >= at(i + 1, j))) {
      steps.push_back({word_run::type::added, y[j++]});
    } else {
      steps.push_back({word_run::type::removed, x[i++]});
    }
  }
  // a space kept between two changes belongs to both: "the finances in" -> "finance for"
  for (std::size_t k = 1; k + 1 < steps.size(); ++k) {
    if (steps[k].what != word_run::type::equal || !blank(steps[k].text)) continue;
    bool left = steps[k - 1].what != word_run::type::equal, right = steps[k + 1].what != word_run::type::equal;
    if (left && right) steps[k].what = word_run::type::removed, steps.insert(steps.begin() + static_cast<long>(k) + 1, {word_run::type::added, steps[k].text}), ++k;
  }
  // within each changed stretch: all that was removed, then all that was added
  std::vector<word_run> runs;
  std::string removed, added;
  auto flush = [&] {
    // spaces both sides end (or begin) with are kept text, not changed text
    std::string lead, trail;
    if (!removed.empty() && !added.empty()) {
      while (!removed.empty() && !added.empty() && removed.back() == ' ' && added.back() == ' ')
        trail += ' ', removed.pop_back(), added.pop_back();
      std::size_t k = 0;
      while (k < removed.size() && k < added.size() && removed[k] == ' ' && added[k] == ' ') ++k;
      lead = removed.substr(0, k);
      removed.erase(0, k);
      added.erase(0, k);
    }
    if (!lead.empty()) push(runs, word_run::type::equal, lead);
    if (!removed.empty()) push(runs, word_run::type::removed, removed);
    if (!added.empty()) push(runs, word_run::type::added, added);
    if (!trail.empty()) push(runs, word_run::type::equal, trail);
    removed.clear();
    added.clear();
  };
  for (const auto& s : steps) {
    if (s.what == word_run::type::equal) {
      flush();
      push(runs, word_run::type::equal, s.text);
    } else {
      (s.what == word_run::type::removed ? removed : added) += s.text;
    }
  }
  flush();
  return runs;
}

}  // namespace qspec::diff

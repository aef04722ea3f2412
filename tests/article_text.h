// Synthetic news-like text for the Deduper tests, stress test and benchmark:
// lines of 8-16 words drawn from a 20,000-word vocabulary (Zipf-like), so
// independent articles share few word 3-grams and copies can be edited.
#ifndef NEARDUP_TESTS_ARTICLE_TEXT_H_
#define NEARDUP_TESTS_ARTICLE_TEXT_H_

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "test_rng.h"

namespace neardup::testing {

/// The word of rank `i`: letters from its base-23 digits.
inline std::string VocabularyWord(uint64_t i) {
  static constexpr char kLetters[] = "abcdefghiklmnoprstuvwyz";
  std::string w;
  do {
    w += kLetters[i % 23];
    i /= 23;
  } while (i > 0);
  if (w.size() < 3) w += "en";
  return w;
}

/// A word with a Zipf-like rank distribution over 20,000 words.
inline std::string RandomWord(TestRng& rng) {
  const double u = rng.Uniform();
  const uint64_t rank = static_cast<uint64_t>(std::pow(20000.0, u)) - 1;
  return VocabularyWord(rank);
}

/// An article of about `words` words in lines of 8-16 words.
inline std::string RandomArticle(TestRng& rng, int words) {
  std::string text;
  int line = 0, line_length = 8 + static_cast<int>(rng.Below(9));
  for (int i = 0; i < words; ++i) {
    if (line == line_length) {
      text += ".\n";
      line = 0;
      line_length = 8 + static_cast<int>(rng.Below(9));
    } else if (i > 0) {
      text += ' ';
    }
    text += RandomWord(rng);
    ++line;
  }
  text += ".\n";
  return text;
}

/// `text` with about `fraction` of its words replaced by random ones.
inline std::string EditWords(TestRng& rng, const std::string& text,
                             double fraction) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    size_t j = i;
    while (j < text.size() && text[j] != ' ' && text[j] != '\n' &&
           text[j] != '.') {
      ++j;
    }
    if (j > i && rng.Uniform() < fraction) {
      out += RandomWord(rng);
    } else {
      out.append(text, i, j - i);
    }
    if (j < text.size()) out += text[j];
    i = j + 1;
  }
  return out;
}

}  // namespace neardup::testing

#endif  // NEARDUP_TESTS_ARTICLE_TEXT_H_

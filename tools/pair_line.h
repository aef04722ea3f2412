// The `pairs` output contract, shared by `neardup pairs` and `neardup query`:
// one JSON object per line,
//   {"a": ID, "b": ID, "jaccard": J, "containment": C, "kind": K,
//    "similarity": X}
// with 4 decimals; `query` adds "estimated": true when the scores come from
// b-bit signatures rather than shingle sets.
#ifndef NEARDUP_TOOLS_PAIR_LINE_H_
#define NEARDUP_TOOLS_PAIR_LINE_H_

#include <string>
#include <string_view>

#include "neardup/verify.h"

namespace neardup::tools {

/// Appends one pair line (ending in '\n') to `*line`.
void AppendPairLine(std::string* line, std::string_view a, std::string_view b,
                    double jaccard, double containment, MatchKind kind,
                    double similarity, bool estimated = false);

}  // namespace neardup::tools

#endif  // NEARDUP_TOOLS_PAIR_LINE_H_

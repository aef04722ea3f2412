#include "pair_line.h"

#include "absl/strings/str_format.h"
#include "neardup/json.h"

namespace neardup::tools {

void AppendPairLine(std::string* line, std::string_view a, std::string_view b,
                    double jaccard, double containment, MatchKind kind,
                    double similarity, bool estimated) {
  *line += "{\"a\": ";
  AppendJsonString(line, a);
  *line += ", \"b\": ";
  AppendJsonString(line, b);
  absl::StrAppendFormat(line,
                        ", \"jaccard\": %.4f, \"containment\": %.4f, "
                        "\"kind\": \"%s\", \"similarity\": %.4f",
                        jaccard, containment, std::string(MatchKindName(kind)),
                        similarity);
  *line += estimated ? ", \"estimated\": true}\n" : "}\n";
}

}  // namespace neardup::tools

#include "kept_corpus.h"

#include <string>

#include "neardup/json.h"
#include "neardup/status_macros.h"

namespace neardup::tools {

std::vector<bool> KeptDocuments(const DedupResult& result) {
  std::vector<bool> kept(result.docs.size(), true);
  for (const Cluster& c : result.clusters) {
    for (const ClusterMember& m : c.members) {
      if (m.doc != c.representative) kept[m.doc] = false;
    }
  }
  return kept;
}

absl::StatusOr<uint64_t> WriteKeptCorpus(const DedupResult& result,
                                         OutputFile& out) {
  if (result.reader == nullptr) {
    return absl::FailedPreconditionError(
        "WriteKeptCorpus needs the reader (DedupOptions::keep_reader)");
  }
  const std::vector<bool> kept = KeptDocuments(result);
  Document doc;
  std::string line;
  uint64_t written = 0;
  for (size_t d = 0; d < result.docs.size(); ++d) {
    if (!kept[d]) continue;
    NEARDUP_RETURN_IF_ERROR(
        result.reader->ReadAgain(result.docs[d].location, &doc));
    line.clear();
    if (!doc.raw.empty()) {
      line.append(doc.raw);
    } else {
      line += "{\"id\": ";
      AppendJsonString(&line, doc.id);
      line += ", \"text\": ";
      AppendJsonString(&line, doc.text);
      line += '}';
    }
    line += '\n';
    out.Write(line);
    ++written;
  }
  return written;
}

}  // namespace neardup::tools

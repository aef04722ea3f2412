// The deduplicated corpus (`neardup dedup --keep-out FILE`): every document
// that is in no cluster plus each cluster's representative, in input order.
//
// Documents without any token ("empty": blank, punctuation only) are kept:
// they are documents in no cluster, the engine never compares them, and
// dropping them would be a content filter, not deduplication. So
//   kept = singletons + clusters + empty.
//
// Each kept document is one line: for JSON Lines input the original line
// (all its fields, byte for byte, without CR/LF or a byte order mark); for
// text files and directories {"id": ID, "text": TEXT} (invalid UTF-8 in the
// text written as U+FFFD, see AppendJsonString). Documents are fetched
// again through the reader that read them (DedupOptions::keep_reader).
//
//   NEARDUP_ASSIGN_OR_RETURN(uint64_t kept, WriteKeptCorpus(result, *out));
#ifndef NEARDUP_TOOLS_KEPT_CORPUS_H_
#define NEARDUP_TOOLS_KEPT_CORPUS_H_

#include <cstdint>
#include <vector>

#include "absl/status/statusor.h"
#include "neardup/pipeline.h"
#include "output_file.h"

namespace neardup::tools {

/// kept[d] for every document number d of `result` (see above).
std::vector<bool> KeptDocuments(const DedupResult& result);

/// Writes the kept documents to `out`; returns how many. Requires
/// result.reader (FailedPrecondition otherwise); errors of
/// CorpusReader::ReadAgain (e.g. DataLoss if an input changed) are returned.
absl::StatusOr<uint64_t> WriteKeptCorpus(const DedupResult& result,
                                         OutputFile& out);

}  // namespace neardup::tools

#endif  // NEARDUP_TOOLS_KEPT_CORPUS_H_

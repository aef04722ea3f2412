// Small Status helpers: Abseil 20220623 ships no status macros.
//
//   absl::Status Load() {
//     NEARDUP_RETURN_IF_ERROR(Open());
//     NEARDUP_ASSIGN_OR_RETURN(auto reader, Reader::Create(options));
//     ...
//   }
#ifndef NEARDUP_STATUS_MACROS_H_
#define NEARDUP_STATUS_MACROS_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#define NEARDUP_STATUS_CONCAT_INNER_(a, b) a##b
#define NEARDUP_STATUS_CONCAT_(a, b) NEARDUP_STATUS_CONCAT_INNER_(a, b)

// Returns from the enclosing function if `expr` (an absl::Status) is not OK.
#define NEARDUP_RETURN_IF_ERROR(expr)                 \
  do {                                                \
    if (absl::Status neardup_status_ = (expr);        \
        !neardup_status_.ok()) {                      \
      return neardup_status_;                         \
    }                                                 \
  } while (false)

// Evaluates `rexpr` (an absl::StatusOr<T>); returns its status on error,
// otherwise move-assigns the value to `lhs` (which may be a declaration).
#define NEARDUP_ASSIGN_OR_RETURN(lhs, rexpr)                                   \
  NEARDUP_ASSIGN_OR_RETURN_IMPL_(                                              \
      NEARDUP_STATUS_CONCAT_(neardup_statusor_, __LINE__), lhs, rexpr)
#define NEARDUP_ASSIGN_OR_RETURN_IMPL_(statusor, lhs, rexpr) \
  auto statusor = (rexpr);                                   \
  if (!statusor.ok()) return std::move(statusor).status();   \
  lhs = std::move(statusor).value()

#endif  // NEARDUP_STATUS_MACROS_H_

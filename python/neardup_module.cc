// Python bindings of the streaming Deduper (neardup/deduper.h).
//
//   import neardup
//   d = neardup.Deduper(threshold=0.8)          # syndicated-news defaults
//   r = d.add("url-1", text, time=1700000000)   # -> AddResult
//   if not r.is_new: print(r.matches[0].id, r.matches[0].kind)
//   d.save("crawler.ndx"); d.load("crawler.ndx")
//
// Every call releases the GIL while the engine works, so several Python
// threads can add at once. A failed absl::Status becomes an exception
// carrying its message: ValueError (invalid argument), KeyError (duplicate
// id), FileNotFoundError (no snapshot), neardup.Error otherwise.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <optional>
#include <string>
#include <vector>

#include "neardup/deduper.h"

namespace py = pybind11;

namespace {

PyObject* g_error = nullptr;  // neardup.Error

[[noreturn]] void Throw(const absl::Status& status) {
  const std::string message(status.message());
  switch (status.code()) {
    case absl::StatusCode::kInvalidArgument:
      throw py::value_error(message);
    case absl::StatusCode::kAlreadyExists:
      throw py::key_error(message);
    case absl::StatusCode::kNotFound:
      PyErr_SetString(PyExc_FileNotFoundError, message.c_str());
      throw py::error_already_set();
    default:
      PyErr_SetString(g_error, message.c_str());
      throw py::error_already_set();
  }
}

neardup::DeduperOptions MakeOptions(
    const std::string& mode, std::optional<double> threshold,
    std::optional<double> containment_threshold,
    std::optional<double> reworded_threshold, std::optional<bool> boilerplate,
    std::optional<std::string> shingle, int num_perm, uint64_t seed,
    bool keep_sets, int signature_bits, uint64_t max_documents, int64_t horizon,
    uint32_t max_matches, int table_bits, int max_bands) {
  auto parsed = neardup::ParseMode(mode);
  if (!parsed.ok()) Throw(parsed.status());
  neardup::DeduperOptions o = neardup::DeduperOptions::ForMode(*parsed);
  if (threshold) o.match.threshold = *threshold;
  if (containment_threshold)
    o.match.containment_threshold = *containment_threshold;
  if (reworded_threshold) o.match.reworded_threshold = *reworded_threshold;
  if (boilerplate) o.boilerplate.enabled = *boilerplate;
  if (shingle) {
    const bool cross_lines = o.shingle.cross_lines;
    auto s = neardup::ShingleOptions::Parse(*shingle);
    if (!s.ok()) Throw(s.status());
    o.shingle = *s;
    o.shingle.cross_lines = cross_lines;
  }
  o.sketch.num_perm = num_perm;
  o.sketch.seed = seed;
  o.keep_sets = keep_sets;
  o.signature_bits = signature_bits;
  o.max_documents = max_documents;
  o.horizon = horizon;
  o.max_matches = max_matches;
  o.online_boilerplate.table_bits = table_bits;
  o.max_bands = max_bands;
  if (absl::Status v = o.Validate(); !v.ok()) Throw(v);
  return o;
}

class PyDeduper {
 public:
  explicit PyDeduper(std::unique_ptr<neardup::Deduper> d) : d_(std::move(d)) {}

  neardup::AddResult Add(const std::string& id, const std::string& text,
                         int64_t time) {
    absl::StatusOr<neardup::AddResult> r;
    {
      py::gil_scoped_release release;
      r = d_->Add(id, text, time);
    }
    if (!r.ok()) Throw(r.status());
    return *std::move(r);
  }

  neardup::AddResult Query(const std::string& text) {
    py::gil_scoped_release release;
    return d_->Query(text);
  }

  bool Remove(const std::string& id) {
    py::gil_scoped_release release;
    return d_->Remove(id);
  }

  bool Contains(const std::string& id) {
    py::gil_scoped_release release;
    return d_->Contains(id);
  }

  size_t Size() { return d_->size(); }

  void Save(const std::string& path) {
    absl::Status s;
    {
      py::gil_scoped_release release;
      s = d_->Save(path);
    }
    if (!s.ok()) Throw(s);
  }

  void Load(const std::string& path) {
    absl::Status s;
    {
      py::gil_scoped_release release;
      s = d_->Load(path);
    }
    if (!s.ok()) Throw(s);
  }

  /// Adds every text in order (ids: given, or "0", "1", ...).
  std::vector<neardup::AddResult> Dedup(
      const std::vector<std::string>& texts,
      std::optional<std::vector<std::string>> ids,
      std::optional<std::vector<int64_t>> times) {
    if (ids && ids->size() != texts.size()) {
      throw py::value_error("ids must have one entry per text");
    }
    if (times && times->size() != texts.size()) {
      throw py::value_error("times must have one entry per text");
    }
    std::vector<neardup::AddResult> out;
    out.reserve(texts.size());
    absl::Status error;
    {
      py::gil_scoped_release release;
      for (size_t i = 0; i < texts.size(); ++i) {
        auto r = d_->Add(ids ? (*ids)[i] : std::to_string(i), texts[i],
                         times ? (*times)[i] : 0);
        if (!r.ok()) {
          error = r.status();
          break;
        }
        out.push_back(*std::move(r));
      }
    }
    if (!error.ok()) Throw(error);
    return out;
  }

  py::dict Stats() {
    const neardup::DeduperStats s = d_->stats();
    py::dict d;
    d["documents"] = s.documents;
    d["added"] = s.added;
    d["duplicates"] = s.duplicates;
    d["queries"] = s.queries;
    d["removed"] = s.removed;
    d["evicted"] = s.evicted;
    d["candidates"] = s.candidates;
    d["boilerplate_threshold"] = s.boilerplate_threshold;
    d["boilerplate_documents"] = s.boilerplate_documents;
    d["bands"] = s.lsh.bands;
    d["rows"] = s.lsh.rows;
    d["latest_time"] = s.latest_time;
    d["memory_bytes"] = s.memory_bytes;
    return d;
  }

  py::dict Options() {
    py::dict d;
    for (const auto& [name, value] : neardup::DescribeOptions(d_->options())) {
      d[py::str(name)] = value;
    }
    return d;
  }

 private:
  std::unique_ptr<neardup::Deduper> d_;
};

}  // namespace

PYBIND11_MODULE(neardup, m) {
  m.doc() =
      "neardup: streaming near-duplicate detection for news text "
      "(MinHash/LSH with containment and boilerplate handling).";
  g_error = PyErr_NewException("neardup.Error", PyExc_RuntimeError, nullptr);
  m.attr("Error") = py::handle(g_error);

  py::class_<neardup::Match>(m, "Match")
      .def_readonly("id", &neardup::Match::id)
      .def_property_readonly(
          "kind",
          [](const neardup::Match& x) {
            return std::string(neardup::MatchKindName(x.kind));
          })
      .def_readonly("jaccard", &neardup::Match::jaccard)
      .def_readonly("containment", &neardup::Match::containment)
      .def_readonly("similarity", &neardup::Match::similarity)
      .def_readonly("estimated", &neardup::Match::estimated)
      .def_readonly("time", &neardup::Match::time)
      .def("__repr__", [](const neardup::Match& x) {
        return "Match(id=" + py::repr(py::str(x.id)).cast<std::string>() +
               ", kind='" + std::string(neardup::MatchKindName(x.kind)) +
               "', similarity=" + std::to_string(x.similarity) +
               (x.estimated ? ", estimated=True)" : ")");
      });

  py::class_<neardup::AddResult>(m, "AddResult")
      .def_readonly("is_new", &neardup::AddResult::is_new)
      .def_readonly("matches", &neardup::AddResult::matches)
      .def_readonly("empty", &neardup::AddResult::empty)
      .def_readonly("candidates", &neardup::AddResult::candidates)
      .def("__bool__", [](const neardup::AddResult& r) { return r.is_new; })
      .def("__repr__", [](const neardup::AddResult& r) {
        return "AddResult(is_new=" + std::string(r.is_new ? "True" : "False") +
               ", matches=" + std::to_string(r.matches.size()) + ")";
      });

  py::class_<PyDeduper>(m, "Deduper",
                        "Streaming near-duplicate detector (thread-safe).")
      .def(py::init([](const std::string& mode, std::optional<double> threshold,
                       std::optional<double> containment_threshold,
                       std::optional<double> reworded_threshold,
                       std::optional<bool> boilerplate,
                       std::optional<std::string> shingle, int num_perm,
                       uint64_t seed, bool keep_sets, int signature_bits,
                       uint64_t max_documents, int64_t horizon,
                       uint32_t max_matches, int table_bits, int max_bands) {
             neardup::DeduperOptions o =
                 MakeOptions(mode, threshold, containment_threshold,
                             reworded_threshold, boilerplate, shingle, num_perm,
                             seed, keep_sets, signature_bits, max_documents,
                             horizon, max_matches, table_bits, max_bands);
             auto d = neardup::Deduper::Create(o);
             if (!d.ok()) Throw(d.status());
             return std::make_unique<PyDeduper>(*std::move(d));
           }),
           py::kw_only(), py::arg("mode") = "syndicated",
           py::arg("threshold") = py::none(),
           py::arg("containment_threshold") = py::none(),
           py::arg("reworded_threshold") = py::none(),
           py::arg("boilerplate") = py::none(), py::arg("shingle") = py::none(),
           py::arg("num_perm") = 128, py::arg("seed") = 1,
           py::arg("keep_sets") = false, py::arg("signature_bits") = 8,
           py::arg("max_documents") = 0, py::arg("horizon") = 0,
           py::arg("max_matches") = 10, py::arg("table_bits") = 22,
           py::arg("max_bands") = neardup::DeduperOptions{}.max_bands,
           "Options default to the mode's (syndicated news: word 3-grams, "
           "near >= 0.8, contained >= 0.7, reworded >= 0.5). max_bands caps "
           "the automatic LSH bands (0: the batch pipeline's choice).")
      .def_static(
          "open",
          [](const std::string& path, uint32_t max_matches) {
            absl::StatusOr<std::unique_ptr<neardup::Deduper>> d;
            {
              py::gil_scoped_release release;
              d = neardup::Deduper::Open(path, max_matches);
            }
            if (!d.ok()) Throw(d.status());
            return std::make_unique<PyDeduper>(*std::move(d));
          },
          py::arg("path"), py::arg("max_matches") = 10,
          "A Deduper with the options and state of a snapshot.")
      .def("add", &PyDeduper::Add, py::arg("id"), py::arg("text"),
           py::arg("time") = 0,
           "Checks `text` against the documents held and records it; "
           "KeyError if `id` is held.")
      .def("query", &PyDeduper::Query, py::arg("text"),
           "Checks `text` without recording it.")
      .def("remove", &PyDeduper::Remove, py::arg("id"))
      .def("__contains__", &PyDeduper::Contains)
      .def("__len__", &PyDeduper::Size)
      .def("size", &PyDeduper::Size)
      .def("save", &PyDeduper::Save, py::arg("path"))
      .def("load", &PyDeduper::Load, py::arg("path"))
      .def("dedup", &PyDeduper::Dedup, py::arg("texts"),
           py::arg("ids") = py::none(), py::arg("times") = py::none(),
           "Adds every text in order; returns one AddResult per text.")
      .def("stats", &PyDeduper::Stats)
      .def("options", &PyDeduper::Options);
}

# Package test: installs neardup from the build tree into a temporary
# prefix, builds examples/crawler against the installed CMake package
# (neardup::core) and against its pkg-config file, and runs it twice (the
# second run resumes from the first run's snapshot).
#
#   cmake -DBINARY_DIR=... -DSOURCE_DIR=... -DWORK_DIR=... -P run.cmake
cmake_minimum_required(VERSION 3.25)

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out
                  ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${ARGN}\n${out}\n${err}")
  endif()
  set(run_out "${out}" PARENT_SCOPE)
  set(run_err "${err}" PARENT_SCOPE)
endfunction()

function(expect haystack needle)
  string(FIND "${haystack}" "${needle}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "expected '${needle}' in:\n${haystack}")
  endif()
endfunction()

file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
set(prefix "${WORK_DIR}/prefix")

run(${CMAKE_COMMAND} --install "${BINARY_DIR}" --prefix "${prefix}")
foreach(f include/neardup/deduper.h include/neardup/snapshot.h
          lib/libneardup.a lib/cmake/neardup/neardupConfig.cmake
          lib/cmake/neardup/neardupTargets.cmake lib/pkgconfig/neardup.pc)
  if(NOT EXISTS "${prefix}/${f}")
    message(FATAL_ERROR "not installed: ${f}")
  endif()
endforeach()

# CMake package.
run(${CMAKE_COMMAND} -S "${SOURCE_DIR}/examples/crawler" -B "${WORK_DIR}/build"
    -DCMAKE_BUILD_TYPE=Release "-DCMAKE_PREFIX_PATH=${prefix}")
run(${CMAKE_COMMAND} --build "${WORK_DIR}/build")
set(crawler "${WORK_DIR}/build/crawler")
set(snapshot "${WORK_DIR}/crawler.ndx")

run("${crawler}" "${snapshot}")
# a1 and a2 are the same story added by two threads at once: exactly one
# of them is new.
string(REGEX MATCHALL "new a[12]" new_lines "${run_out}")
list(LENGTH new_lines new_count)
if(NOT new_count EQUAL 1)
  message(FATAL_ERROR "expected exactly one of a1/a2 new:\n${run_out}")
endif()
string(REGEX MATCH "repeat a[12] of a[12] \\(exact, 1.00\\)" exact "${run_out}")
if(exact STREQUAL "")
  message(FATAL_ERROR "expected an exact repeat:\n${run_out}")
endif()
expect("${run_out}" "new a3")
expect("${run_out}" "repeat a4 of a")
expect("${run_err}" "saved 4 articles")

# A restart resumes from the snapshot.
file(WRITE "${WORK_DIR}/more.tsv"
  "b1\t1700000300\tA storm is expected to reach the coast tonight with winds of up to 120 km/h.\\nAuthorities closed the harbour and asked residents to stay at home until Thursday morning.\n"
  "b2\t1700000360\tThe orchestra announced its programme for the autumn season with three premieres and a tour.\n")
run("${crawler}" "${snapshot}" "${WORK_DIR}/more.tsv")
expect("${run_err}" "resumed with 4 articles")
expect("${run_out}" "repeat b1 of a3 (exact, 1.00)")
expect("${run_out}" "new b2")
expect("${run_err}" "saved 6 articles")

# pkg-config file.
find_program(PKG_CONFIG pkg-config REQUIRED)
find_program(CXX NAMES c++ g++ REQUIRED)
set(ENV{PKG_CONFIG_PATH} "${prefix}/lib/pkgconfig")
run(${PKG_CONFIG} --cflags --libs neardup)
string(STRIP "${run_out}" flags)
separate_arguments(flags UNIX_COMMAND "${flags}")
run(${CXX} -O1 "${SOURCE_DIR}/examples/crawler/crawler.cc" -o
    "${WORK_DIR}/crawler-pc" ${flags})
run("${WORK_DIR}/crawler-pc" "${WORK_DIR}/pc.ndx")
expect("${run_out}" "new a3")
file(REMOVE_RECURSE "${WORK_DIR}")
message(STATUS "package test passed")

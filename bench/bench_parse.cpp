// Throughput of parse, and of parse + emit per format, on one document held
// in memory (no disk in the loop). A figure for the record, never a test.
//
//   qspec_bench corpus/unit-spec-F36J04-LMC-B2.txt 2000
//   qspec_bench corpus/external/ifate-ST0499-autocare-technician-v1.3.html 200
//
// A file in a published format (HTML…) is measured through its reader: the
// reader alone, then reader + parse, in MB/s of the file's bytes.
#include <chrono>
#include <cstdlib>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <streambuf>

#include "qspec/emit.hpp"
#include "qspec/formats.hpp"
#include "qspec/parse.hpp"

namespace {
class null_buffer : public std::streambuf {
 protected:
  int overflow(int c) override { return c; }
  std::streamsize xsputn(const char*, std::streamsize n) override { return n; }
};
}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: qspec_bench FILE [ITERATIONS] [parse|json|yaml|xml]\n";
    return 2;
  }
  const int iterations = argc > 2 ? std::atoi(argv[2]) : 1000;
  const std::string only = argc > 3 ? argv[3] : "";
  std::string bytes;
  if (auto error = qspec::read_input(argv[1], bytes); !error.empty()) {
    std::cerr << error << '\n';
    return 3;
  }
  const qspec::input_format format = qspec::sniff_format(bytes);
  auto loaded = format == qspec::input_format::text ? qspec::load_bytes(bytes) : qspec::load_document(bytes);
  if (!loaded) {
    std::cerr << loaded.error << '\n';
    return 3;
  }
  const std::size_t measured = format == qspec::input_format::text ? loaded.text.size() : bytes.size();
  const double mb = static_cast<double>(measured) * iterations / 1e6;
  null_buffer sink_buffer;
  std::ostream sink(&sink_buffer);
  auto measure = [&](const char* label, auto&& body) {
    auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < iterations; ++i) body();
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cout << std::left << std::setw(18) << label << std::fixed << std::setprecision(1) << mb / s << " MB/s  ("
              << iterations << " x " << measured << " bytes in " << std::setprecision(3) << s << " s)\n";
  };
  if (format != qspec::input_format::text) {
    const std::string name(qspec::to_string(format));
    measure(("read " + name).c_str(), [&] { auto l = qspec::load_document(bytes); });
    measure(("read " + name + "+parse").c_str(), [&] {
      auto l = qspec::load_document(bytes);
      auto r = qspec::parse(l);
    });
    return 0;
  }
  if (only.empty() || only == "parse") measure("load+parse", [&] {
    auto l = qspec::load_bytes(loaded.text);
    auto r = qspec::parse(l);
  });
  for (auto [name, fmt] : {std::pair{"+ json", qspec::format::json}, std::pair{"+ yaml", qspec::format::yaml},
                           std::pair{"+ xml", qspec::format::xml}}) {
    const qspec::format f = fmt;  // a copy the lambda can capture (C++20 cannot capture a structured binding)
    if (!only.empty() && only != name + 2) continue;
    std::string label = std::string("load+parse") + name;
    measure(label.c_str(), [&] {
      auto l = qspec::load_bytes(loaded.text);
      auto r = qspec::parse(l);
      qspec::emit(r.doc, r.diagnostics, f, sink);
    });
  }
}

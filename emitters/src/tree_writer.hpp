#pragma once
// The one interface every format implements, and the walk that feeds it. A
// node is: kind, id, span, then its scalar fields, then its children in
// document order.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "qspec/model/diagnostic.hpp"
#include "qspec/model/catalogue.hpp"
#include "qspec/model/document.hpp"
#include "qspec/model/tree.hpp"

namespace qspec::emitters {

class tree_writer {
 public:
  virtual ~tree_writer() = default;
  virtual void begin_node(std::string_view kind, std::string_view id, const source_span& span) = 0;
  virtual void field(std::string_view name, std::string_view value) = 0;
  virtual void field(std::string_view name, std::int64_t value) = 0;
  virtual void field(std::string_view name, bool value) = 0;
  virtual void field_span(std::string_view name, const source_span& span) = 0;
  virtual void field_list(std::string_view name, const std::vector<std::string>& values) = 0;
  virtual void begin_children() = 0;
  virtual void end_children() = 0;
  virtual void end_node() = 0;
};

/// Walks the document in document order, calling the writer.
void walk(const document& doc, const std::vector<diagnostic>& diagnostics, tree_writer& w);
/// Walks a merged catalogue: its documents, qualifications, units, diagnostics.
void walk(const catalogue& cat, tree_writer& w);
/// Walks a generic tree (see qspec/model/tree.hpp).
void walk(const tree::node& n, tree_writer& w);

/// What a format writer is fed: a function that walks something into it.
using walker = std::function<void(tree_writer&)>;

}  // namespace qspec::emitters

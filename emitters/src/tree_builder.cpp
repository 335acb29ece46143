// The generic catalogue tree: built by a writer fed by the walk, and walked
// back into any writer.
#include "qspec/emit.hpp"
#include "tree_writer.hpp"
#include "writers.hpp"

namespace qspec::emitters {
namespace {

class tree_builder final : public tree_writer {
 public:
  void begin_node(std::string_view kind, std::string_view id, const source_span& span) override {
    tree::node n;
    n.kind = std::string(kind);
    n.id = std::string(id);
    n.span = span;
    if (stack_.empty()) {
      root_ = std::move(n);
      stack_.push_back(&root_);
    } else {
      auto& siblings = stack_.back()->children;
      siblings.push_back(std::move(n));
      stack_.push_back(&siblings.back());
    }
  }
  void field(std::string_view name, std::string_view value) override { add(name, std::string(value)); }
  void field(std::string_view name, std::int64_t value) override { add(name, value); }
  void field(std::string_view name, bool value) override { add(name, value); }
  void field_span(std::string_view name, const source_span& span) override { add(name, span); }
  void field_list(std::string_view name, const std::vector<std::string>& values) override { add(name, values); }
  void begin_children() override {}
  void end_children() override {}
  void end_node() override { stack_.pop_back(); }
  tree::node take() { return std::move(root_); }

 private:
  tree::node root_;
  std::vector<tree::node*> stack_;  // children vectors only grow at the back while a node is open
  void add(std::string_view name, tree::value v) { stack_.back()->fields.push_back({std::string(name), std::move(v)}); }
};

}  // namespace

tree::node build_tree(const walker& walk_into) {
  tree_builder b;
  walk_into(b);
  return b.take();
}

void walk(const tree::node& n, tree_writer& w) {
  w.begin_node(n.kind, n.id, n.span);
  for (const auto& f : n.fields) {
    std::visit(
        [&](const auto& v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, std::string>) w.field(f.name, std::string_view(v));
          else if constexpr (std::is_same_v<T, std::int64_t>) w.field(f.name, v);
          else if constexpr (std::is_same_v<T, bool>) w.field(f.name, v);
          else if constexpr (std::is_same_v<T, source_span>) w.field_span(f.name, v);
          else w.field_list(f.name, v);
        },
        f.value);
  }
  if (!n.children.empty()) {
    w.begin_children();
    for (const auto& c : n.children) walk(c, w);
    w.end_children();
  }
  w.end_node();
}

}  // namespace qspec::emitters

namespace qspec {

tree::node to_tree(const document& doc, const std::vector<diagnostic>& diagnostics) {
  emitters::tree_builder b;
  emitters::walk(doc, diagnostics, b);
  return b.take();
}

tree::node to_tree(const catalogue& cat) {
  emitters::tree_builder b;
  emitters::walk(cat, b);
  return b.take();
}

void emit(const tree::node& root, format f, std::ostream& out) {
  emitters::write(f, [&](emitters::tree_writer& w) { emitters::walk(root, w); }, out);
}

}  // namespace qspec

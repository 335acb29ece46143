// The SQLite catalogue: documents as rows of their generic tree.
#include "qspec/store.hpp"

#include "qspec/diff.hpp"
#include "qspec/emit.hpp"
#include "qspec/read.hpp"

#include <sqlite3.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <utility>

namespace qspec::store {

namespace {

/// The schema's version, kept in PRAGMA user_version. Version 1 had no
/// documents.settings; a store of it gains the column, empty, so that each of
/// its documents is parsed again once.
constexpr int schema_version = 2;

constexpr const char* schema = R"sql(
CREATE TABLE IF NOT EXISTS runs(
  id INTEGER PRIMARY KEY,
  started TEXT NOT NULL,
  parsed INTEGER NOT NULL DEFAULT 0,
  reused INTEGER NOT NULL DEFAULT 0,
  failed INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS documents(
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL UNIQUE,
  hash TEXT NOT NULL,
  settings TEXT NOT NULL DEFAULT '',
  kind TEXT,
  format TEXT,
  parsed TEXT NOT NULL,
  run INTEGER NOT NULL REFERENCES runs(id),
  catalogue TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS nodes(
  node INTEGER PRIMARY KEY,
  document INTEGER NOT NULL REFERENCES documents(id),
  id TEXT NOT NULL,
  kind TEXT NOT NULL,
  parent INTEGER REFERENCES nodes(node),
  position INTEGER NOT NULL,
  code TEXT,
  label TEXT,
  text TEXT,
  line INTEGER,
  column INTEGER,
  end_line INTEGER,
  end_column INTEGER,
  hash TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS nodes_by_document ON nodes(document, id);
CREATE INDEX IF NOT EXISTS nodes_by_parent ON nodes(parent);
CREATE INDEX IF NOT EXISTS nodes_by_kind ON nodes(kind);
CREATE TABLE IF NOT EXISTS fields(
  node INTEGER NOT NULL REFERENCES nodes(node),
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  value);
CREATE INDEX IF NOT EXISTS fields_by_node ON fields(node);
CREATE INDEX IF NOT EXISTS fields_by_name ON fields(name);
CREATE TABLE IF NOT EXISTS diagnostics(
  document INTEGER NOT NULL REFERENCES documents(id),
  code TEXT NOT NULL,
  severity TEXT NOT NULL,
  message TEXT NOT NULL,
  line INTEGER,
  column INTEGER,
  end_line INTEGER,
  end_column INTEGER);
CREATE INDEX IF NOT EXISTS diagnostics_by_document ON diagnostics(document);
CREATE TABLE IF NOT EXISTS changes(
  run INTEGER NOT NULL REFERENCES runs(id),
  document INTEGER NOT NULL REFERENCES documents(id),
  position INTEGER NOT NULL,
  change TEXT NOT NULL,
  kind TEXT NOT NULL,
  old_id TEXT,
  new_id TEXT,
  detail TEXT);
CREATE VIRTUAL TABLE IF NOT EXISTS node_text USING fts5(text, tokenize = 'porter unicode61 remove_diacritics 2');
)sql";

struct db_closer {
  void operator()(sqlite3* db) const { sqlite3_close(db); }
};
struct stmt_finaliser {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using connection = std::unique_ptr<sqlite3, db_closer>;

/// A prepared statement, reset after each use.
class statement {
 public:
  statement(sqlite3* db, const char* sql) {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &s, nullptr) == SQLITE_OK) stmt_.reset(s);
    else error_ = sqlite3_errmsg(db);
  }
  [[nodiscard]] bool ok() const { return static_cast<bool>(stmt_); }
  [[nodiscard]] const std::string& error() const { return error_; }

  statement& bind(int i, std::string_view v) {
    sqlite3_bind_text(stmt_.get(), i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  statement& bind(int i, std::int64_t v) {
    sqlite3_bind_int64(stmt_.get(), i, v);
    return *this;
  }
  statement& bind_null(int i) {
    sqlite3_bind_null(stmt_.get(), i);
    return *this;
  }
  /// Text, or NULL when empty.
  statement& bind_text_or_null(int i, std::string_view v) { return v.empty() ? bind_null(i) : bind(i, v); }
  /// A line or column, or NULL when the span is empty.
  statement& bind_position(int i, std::uint32_t v, bool present) {
    return present ? bind(i, static_cast<std::int64_t>(v)) : bind_null(i);
  }

  /// Steps once: SQLITE_ROW, SQLITE_DONE or an error code.
  int step() { return sqlite3_step(stmt_.get()); }
  /// Runs a statement that returns no rows, then resets it.
  bool run() {
    int rc = step();
    sqlite3_reset(stmt_.get());
    sqlite3_clear_bindings(stmt_.get());
    return rc == SQLITE_DONE;
  }
  void reset() {
    sqlite3_reset(stmt_.get());
    sqlite3_clear_bindings(stmt_.get());
  }
  [[nodiscard]] std::int64_t integer(int col) const { return sqlite3_column_int64(stmt_.get(), col); }
  [[nodiscard]] std::string text(int col) const {
    auto* p = sqlite3_column_text(stmt_.get(), col);
    return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(stmt_.get(), col)))
             : std::string();
  }

 private:
  std::unique_ptr<sqlite3_stmt, stmt_finaliser> stmt_;
  std::string error_;
};

bool exec(sqlite3* db, const char* sql, std::string& error) {
  char* message = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &message) == SQLITE_OK) return true;
  error = message ? message : sqlite3_errmsg(db);
  sqlite3_free(message);
  return false;
}

void fnv1a(std::uint64_t& h, std::string_view bytes) {
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
}
constexpr std::uint64_t fnv_offset = 0xcbf29ce484222325ULL;

std::string hex(std::uint64_t h) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

std::string span_text(const source_span& s) {
  return std::to_string(s.begin.line) + ':' + std::to_string(s.begin.column) + '-' + std::to_string(s.end.line) +
         ':' + std::to_string(s.end.column);
}

/// A field's value as the text a column holds (a number stays a number, see bind_value).
std::string value_text(const tree::value& v) {
  struct visitor {
    std::string operator()(const std::string& s) const { return s; }
    std::string operator()(std::int64_t i) const { return std::to_string(i); }
    std::string operator()(bool b) const { return b ? "true" : "false"; }
    std::string operator()(const source_span& s) const { return span_text(s); }
    std::string operator()(const std::vector<std::string>& list) const {
      std::string out;
      for (const auto& s : list) {
        if (!out.empty()) out += '\n';
        out += s;
      }
      return out;
    }
  };
  return std::visit(visitor{}, v);
}

void bind_value(statement& s, int i, const tree::value& v) {
  if (const auto* n = std::get_if<std::int64_t>(&v)) s.bind(i, *n);
  else if (const auto* b = std::get_if<bool>(&v)) s.bind(i, static_cast<std::int64_t>(*b));
  else s.bind(i, value_text(v));
}

/// Everything one run needs, prepared once.
struct writer {
  explicit writer(sqlite3* connection) : db(connection) {}
  sqlite3* db;
  statement find_document{db, "SELECT id, hash, settings FROM documents WHERE path = ?1"};
  statement insert_document{
      db, "INSERT INTO documents(path, hash, kind, format, parsed, run, catalogue, settings) "
          "VALUES (?1, ?2, ?3, ?4, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?5, ?6, ?7)"};
  statement update_document{
      db, "UPDATE documents SET hash = ?2, kind = ?3, format = ?4, parsed = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), "
          "run = ?5, catalogue = ?6, settings = ?7 WHERE id = ?1"};
  statement old_catalogue{db, "SELECT catalogue FROM documents WHERE id = ?1"};
  statement delete_text{db, "DELETE FROM node_text WHERE rowid IN (SELECT node FROM nodes WHERE document = ?1)"};
  statement delete_fields{db, "DELETE FROM fields WHERE node IN (SELECT node FROM nodes WHERE document = ?1)"};
  statement delete_nodes{db, "DELETE FROM nodes WHERE document = ?1"};
  statement delete_diagnostics{db, "DELETE FROM diagnostics WHERE document = ?1"};
  statement insert_node{
      db, "INSERT INTO nodes(document, id, kind, parent, position, code, label, text, line, column, end_line, "
          "end_column, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"};
  statement insert_field{db, "INSERT INTO fields(node, position, name, value) VALUES (?1, ?2, ?3, ?4)"};
  statement insert_text{db, "INSERT INTO node_text(rowid, text) VALUES (?1, ?2)"};
  statement insert_diagnostic{
      db, "INSERT INTO diagnostics(document, code, severity, message, line, column, end_line, end_column) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"};
  statement insert_change{
      db, "INSERT INTO changes(run, document, position, change, kind, old_id, new_id, detail) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"};
  statement insert_run{db, "INSERT INTO runs(started) VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"};
  statement finish_run{db, "UPDATE runs SET parsed = ?2, reused = ?3, failed = ?4 WHERE id = ?1"};

  std::string error;

  bool prepared() {
    for (statement* s : {&find_document, &insert_document, &update_document, &old_catalogue, &delete_text,
                         &delete_fields, &delete_nodes, &delete_diagnostics, &insert_node, &insert_field,
                         &insert_text, &insert_diagnostic, &insert_change, &insert_run, &finish_run})
      if (!s->ok()) {
        error = s->error();
        return false;
      }
    return true;
  }

  bool fail() {
    error = sqlite3_errmsg(db);
    return false;
  }

  /// One node and, below it, its children; diagnostics go to their own table.
  bool write_node(std::int64_t document, const tree::node& n, std::int64_t parent, std::int64_t position) {
    const bool has_span = !n.span.empty();
    if (n.kind == "diagnostic") {
      insert_diagnostic.bind(1, document).bind(2, n.text("code")).bind(3, n.text("severity")).bind(4, n.text("message"));
      insert_diagnostic.bind_position(5, n.span.begin.line, has_span).bind_position(6, n.span.begin.column, has_span);
      insert_diagnostic.bind_position(7, n.span.end.line, has_span).bind_position(8, n.span.end.column, has_span);
      return insert_diagnostic.run() || fail();
    }
    std::string hash = node_hash(n);
    std::string_view text = tree::text_of(n);
    insert_node.bind(1, document).bind(2, n.id).bind(3, n.kind);
    if (parent) insert_node.bind(4, parent);
    else insert_node.bind_null(4);
    insert_node.bind(5, position).bind_text_or_null(6, tree::code_of(n));
    insert_node.bind_text_or_null(7, tree::label_of(n)).bind_text_or_null(8, text);
    insert_node.bind_position(9, n.span.begin.line, has_span).bind_position(10, n.span.begin.column, has_span);
    insert_node.bind_position(11, n.span.end.line, has_span).bind_position(12, n.span.end.column, has_span);
    insert_node.bind(13, hash);
    if (!insert_node.run()) return fail();
    const std::int64_t row = sqlite3_last_insert_rowid(db);
    std::int64_t field_position = 0;
    for (const auto& f : n.fields) {
      insert_field.bind(1, row).bind(2, ++field_position).bind(3, f.name);
      bind_value(insert_field, 4, f.value);
      if (!insert_field.run()) return fail();
    }
    if (!text.empty() && !(insert_text.bind(1, row).bind(2, text).run())) return fail();
    std::int64_t child_position = 0;
    for (const auto& c : n.children)
      if (!write_node(document, c, row, ++child_position)) return false;
    return true;
  }

  bool change(std::int64_t run, std::int64_t document, std::int64_t position, std::string_view what,
              std::string_view kind, std::string_view old_id, std::string_view new_id, std::string_view detail) {
    insert_change.bind(1, run).bind(2, document).bind(3, position).bind(4, what).bind(5, kind);
    insert_change.bind_text_or_null(6, old_id).bind_text_or_null(7, new_id).bind_text_or_null(8, detail);
    return insert_change.run() || fail();
  }
};

bool read_file(const std::string& path, std::string& bytes, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot read the file";
    return false;
  }
  std::ostringstream s;
  s << in.rdbuf();
  bytes = std::move(s).str();
  return true;
}

}  // namespace

std::string content_hash(std::string_view bytes) {
  std::uint64_t h = fnv_offset;
  fnv1a(h, bytes);
  return hex(h);
}

std::string settings_fingerprint(const parse_settings& settings) {
  std::uint64_t h = fnv_offset;
  auto part = [&h](std::string_view name, std::string_view value) {
    fnv1a(h, std::string_view("\x1f", 1));
    fnv1a(h, name);
    fnv1a(h, std::string_view("\x1e", 1));
    fnv1a(h, std::to_string(value.size()));  // a profile's bytes may hold the separators
    fnv1a(h, std::string_view("\x1e", 1));
    fnv1a(h, value);
  };
  part("catalogue_version", catalogue_version);
  part("forced_format", settings.forced_format);
  part("forced_kind", settings.forced_kind);
  for (const auto& p : settings.profiles) part("profile", p);
  return hex(h);
}

std::string node_hash(const tree::node& n) {
  std::uint64_t h = fnv_offset;
  fnv1a(h, n.kind);
  for (const auto& f : n.fields) {
    if (std::holds_alternative<source_span>(f.value)) continue;  // where it is, not what it says
    fnv1a(h, std::string_view("\x1f", 1));
    fnv1a(h, f.name);
    fnv1a(h, std::string_view("\x1e", 1));
    fnv1a(h, value_text(f.value));
  }
  return hex(h);
}

bool update(const std::string& database, const std::vector<std::string>& paths, const parse_function& parse,
            const parse_settings& settings, run_summary& summary, std::string& error) {
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(database.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  connection db(raw);
  if (rc != SQLITE_OK) {
    error = "cannot open '" + database + "': " + (raw ? sqlite3_errmsg(raw) : "out of memory");
    return false;
  }
  sqlite3_busy_timeout(db.get(), 5000);
  std::int64_t stored_version = 0;
  {
    statement version(db.get(), "PRAGMA user_version");
    if (!version.ok() || version.step() != SQLITE_ROW) {
      error = "'" + database + "' is not an SQLite database: " + sqlite3_errmsg(db.get());
      return false;
    }
    auto v = version.integer(0);
    stored_version = v;
    if (v != 0 && v != 1 && v != schema_version) {
      error = "'" + database + "' holds a catalogue of another schema version (" + std::to_string(v) + ")";
      return false;
    }
    if (v == 0) {
      statement tables(db.get(), "SELECT count(*) FROM sqlite_schema");
      if (!tables.ok() || tables.step() != SQLITE_ROW || tables.integer(0) != 0) {
        error = "'" + database + "' is an SQLite database but not a qspec catalogue";
        return false;
      }
    }
  }
  if (!exec(db.get(), "BEGIN IMMEDIATE", error)) return false;
  auto rollback = [&] {
    std::string ignored;
    exec(db.get(), "ROLLBACK", ignored);
    return false;
  };
  if (!exec(db.get(), schema, error)) return rollback();
  if (stored_version == 1 &&
      !exec(db.get(), "ALTER TABLE documents ADD COLUMN settings TEXT NOT NULL DEFAULT ''", error))
    return rollback();
  if (!exec(db.get(), ("PRAGMA user_version = " + std::to_string(schema_version)).c_str(), error)) return rollback();
  writer w{db.get()};
  if (!w.prepared()) {
    error = w.error;
    return rollback();
  }
  if (!w.insert_run.run()) {
    error = sqlite3_errmsg(db.get());
    return rollback();
  }
  summary.run = sqlite3_last_insert_rowid(db.get());
  const std::string fingerprint = settings_fingerprint(settings);

  for (const auto& path : paths) {
    std::string bytes, why;
    if (!read_file(path, bytes, why)) {
      ++summary.failed;
      summary.failures.push_back(path + ": " + why);
      continue;
    }
    const std::string hash = content_hash(bytes);
    std::int64_t document = 0;
    bool stored = false;
    w.find_document.bind(1, path);
    if (w.find_document.step() == SQLITE_ROW) {
      stored = true;
      document = w.find_document.integer(0);
      const bool same = w.find_document.text(1) == hash && w.find_document.text(2) == fingerprint;
      w.find_document.reset();
      if (same) {
        ++summary.reused;
        continue;
      }
    } else {
      w.find_document.reset();
    }
    tree::node root;
    if (!parse(path, bytes, root, why)) {
      ++summary.failed;
      summary.failures.push_back(path + ": " + why);
      continue;
    }
    ++summary.parsed;
    const std::string_view kind = root.text("document_kind");
    std::string_view format = root.text("source_format");
    if (format.empty()) format = "text";
    std::ostringstream catalogue;
    emit(root, format::json, catalogue);
    tree::node before;
    if (stored) {
      w.old_catalogue.bind(1, document);
      std::string old_json = w.old_catalogue.step() == SQLITE_ROW ? w.old_catalogue.text(0) : std::string();
      w.old_catalogue.reset();
      auto old = read_catalogue(old_json, format::json);
      if (!old) {
        error = "the catalogue stored for '" + path + "' cannot be read back: " + old.error;
        return rollback();
      }
      before = std::move(old.root);
      for (statement* s : {&w.delete_text, &w.delete_fields, &w.delete_diagnostics, &w.delete_nodes})
        if (!s->bind(1, document).run()) {
          error = sqlite3_errmsg(db.get());
          return rollback();
        }
      w.update_document.bind(1, document).bind(2, hash).bind_text_or_null(3, kind).bind(4, format);
      w.update_document.bind(5, summary.run).bind(6, catalogue.str()).bind(7, fingerprint);
      if (!w.update_document.run()) {
        error = sqlite3_errmsg(db.get());
        return rollback();
      }
    } else {
      w.insert_document.bind(1, path).bind(2, hash).bind_text_or_null(3, kind).bind(4, format);
      w.insert_document.bind(5, summary.run).bind(6, catalogue.str()).bind(7, fingerprint);
      if (!w.insert_document.run()) {
        error = sqlite3_errmsg(db.get());
        return rollback();
      }
      document = sqlite3_last_insert_rowid(db.get());
      ++summary.new_documents;
    }
    if (!w.write_node(document, root, 0, 1)) {
      error = w.error;
      return rollback();
    }
    if (!stored) {  // a new document: one row says so
      if (!w.change(summary.run, document, 1, "added", "document", {}, root.id, path)) {
        error = w.error;
        return rollback();
      }
      continue;
    }
    // what changed in it, as `qspec diff` says: added, removed, modified, moved, renumbered
    auto d = diff::compare(before, root);
    std::int64_t position = 0;
    for (const auto& c : d.changes) {
      ++summary.changes[std::string(diff::to_string(c.what))];
      std::string detail = c.detail;
      for (const auto& f : c.fields) {
        if (!detail.empty()) detail += "; ";
        detail += f.field + ": " + f.before + " -> " + f.after;
      }
      if (detail.empty()) detail = c.after ? c.after->label : c.before ? c.before->label : std::string();
      if (!w.change(summary.run, document, ++position, diff::to_string(c.what), c.kind,
                    c.before ? std::string_view(c.before->id) : std::string_view(),
                    c.after ? std::string_view(c.after->id) : std::string_view(), detail)) {
        error = w.error;
        return rollback();
      }
    }
  }
  w.finish_run.bind(1, summary.run)
      .bind(2, static_cast<std::int64_t>(summary.parsed))
      .bind(3, static_cast<std::int64_t>(summary.reused))
      .bind(4, static_cast<std::int64_t>(summary.failed));
  if (!w.finish_run.run()) {
    error = sqlite3_errmsg(db.get());
    return rollback();
  }
  if (!exec(db.get(), "COMMIT", error)) return rollback();
  return true;
}

}  // namespace qspec::store

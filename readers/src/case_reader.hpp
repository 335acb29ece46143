#pragma once
// CASE packages read into the generic catalogue tree (case_reader.cpp).
#include <boost/json/value.hpp>

#include "qspec/model/tree.hpp"

namespace qspec::readers {

/// A JSON value that is a CFPackage: an object with a CFDocument and CFItems
/// (or CFAssociations).
[[nodiscard]] bool is_case_package(const boost::json::value& v);

/// The package as a catalogue tree; throws std::exception with the reason
/// when it is not one.
[[nodiscard]] tree::node read_case_package(const boost::json::value& v);

}  // namespace qspec::readers

#pragma once
// The outline engine (outline.cpp): detection scores and recognition for
// every family a profile describes.
#include <string>
#include <vector>

#include "qspec/detect.hpp"
#include "qspec/profile.hpp"
#include "recognise/context.hpp"

namespace qspec {

/// How well a document fits a profile: each part heading, lead-in and field
/// label the profile knows counts its weight once, with the line it was found on.
detection score_profile(parse_context& ctx, const profile& p);

/// Reads the document as the profile describes: one `standard` in doc.standards.
void recognise_outline(parse_context& ctx, document& doc, const profile& p, const profile_set& set);

}  // namespace qspec

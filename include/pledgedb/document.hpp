#pragma once
// A document as read from a file, before extraction: body text plus metadata.
#include <optional>
#include <string>

#include "pledgedb/date.hpp"

namespace pledgedb {

enum class InputFormat { txt, md, html, json };

struct Document {
  std::string path;  // as given ("-" for stdin); used in every error message
  InputFormat format = InputFormat::txt;
  std::string text;  // the body: valid UTF-8, no front matter, no markup; evidence offsets point here
  std::string title;
  std::string url;
  std::string outlet;
  std::string language;  // from front matter/meta/flag; "" = unknown (the extractor detects it)
  std::optional<Date> published;
};

}  // namespace pledgedb

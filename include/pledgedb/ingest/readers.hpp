#pragma once
// Document readers: a file (or stdin) -> Document {text, metadata}. See docs/formats.md.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "pledgedb/date.hpp"
#include "pledgedb/document.hpp"

namespace pledgedb::ingest {

struct ReadOptions {
  std::size_t max_bytes = 10 * 1024 * 1024;  // --max-bytes
  std::string language;                      // --language: overrides what the file says
  std::optional<Date> published;             // --published: overrides what the file says
  std::optional<InputFormat> format;         // --format: overrides the file extension
};

// By extension, case-insensitively: .txt -> txt, .md .markdown -> md, .html .htm -> html,
// .json .ndjson -> json (callers that need to tell NDJSON apart check the extension).
// Throws InputError naming the file for any other extension.
InputFormat format_for_path(const std::string& path);

// The bytes of a file ("-" = stdin), refusing before reading it all when it is larger than
// max_bytes. Throws InputError naming the file: missing, a directory, unreadable, empty, too large.
// Does not check the encoding (the JSON parser and parse_document do).
std::string read_file_bytes(const std::string& path, std::size_t max_bytes);

// Reads and parses a document. The format is options.format, else format_for_path(path); for
// stdin ("-") without options.format it is guessed from the first bytes ('<' html, '{' json,
// '---' md, else txt). Throws InputError naming the file for everything read_file_bytes refuses,
// NUL bytes (binary file), invalid UTF-8 (with the byte offset), broken front matter, and a
// document without any text. For json, the Document is built from the announcement's text
// and metadata (after full validation); NDJSON holds many documents and is refused here.
Document read_document(const std::string& path, const ReadOptions& options);

// Parses bytes already in memory; `name` is used as Document::path and in error messages.
Document parse_document(std::string_view bytes, const std::string& name, InputFormat format,
                        const ReadOptions& options);

}  // namespace pledgedb::ingest

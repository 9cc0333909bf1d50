#include <doctest/doctest.h>

#include <string>

#include "pledgedb/error.hpp"
#include "pledgedb/text/utf8.hpp"

using pledgedb::text::find_invalid_utf8;
using pledgedb::text::npos;
using pledgedb::text::require_valid_utf8;

TEST_CASE("valid UTF-8 in the three scripts and beyond the BMP passes") {
  CHECK(find_invalid_utf8("") == npos);
  CHECK(find_invalid_utf8("plain ascii, 1,200 jobs") == npos);
  CHECK(find_invalid_utf8("Béni Mellal – Khénifra") == npos);
  CHECK(find_invalid_utf8("جهة الدار البيضاء سطات ١٢٣") == npos);
  CHECK(find_invalid_utf8("emoji \xF0\x9F\x98\x80 and U+10FFFF \xF4\x8F\xBF\xBF") == npos);
  CHECK(find_invalid_utf8("U+FFFF \xEF\xBF\xBF and U+E000 \xEE\x80\x80") == npos);
}

TEST_CASE("invalid sequences are reported at their first byte") {
  CHECK(find_invalid_utf8("ab\x80") == 2);                       // lone continuation
  CHECK(find_invalid_utf8("abc\xC0\xAF") == 3);                  // overlong '/'
  CHECK(find_invalid_utf8("\xC1\xBF") == 0);                     // overlong
  CHECK(find_invalid_utf8("x\xE0\x80\xAF") == 1);                // overlong 3-byte
  CHECK(find_invalid_utf8("xy\xF0\x80\x80\xAF") == 2);           // overlong 4-byte
  CHECK(find_invalid_utf8("\xED\xA0\x80") == 0);                 // surrogate U+D800
  CHECK(find_invalid_utf8("ok \xED\xBF\xBF") == 3);              // surrogate U+DFFF
  CHECK(find_invalid_utf8("\xF4\x90\x80\x80") == 0);             // U+110000
  CHECK(find_invalid_utf8("\xF5\x80\x80\x80") == 0);             // F5 lead
  CHECK(find_invalid_utf8("\xFF") == 0);
  CHECK(find_invalid_utf8("abcdefgh\xD8") == 8);                 // truncated at end (after fast path)
  CHECK(find_invalid_utf8("abc\xE2\x82") == 3);                  // truncated 3-byte
  CHECK(find_invalid_utf8("abc\xE2\x82x") == 3);                 // bad continuation
  CHECK(find_invalid_utf8("\xD8\xA7\xD8") == 2);
}

TEST_CASE("require_valid_utf8 names the input and the byte") {
  CHECK_NOTHROW(require_valid_utf8("fine ٣", "a.txt"));
  try {
    require_valid_utf8(std::string("hello \xC3\x28 world"), "news/a.txt");
    FAIL("expected an InputError");
  } catch (const pledgedb::InputError& e) {
    CHECK(std::string(e.what()) == "news/a.txt: invalid UTF-8 at byte 6");
  }
  try {
    require_valid_utf8(std::string("PK\x03\x04\0\0", 6), "x.zip");
    FAIL("expected an InputError");
  } catch (const pledgedb::InputError& e) {
    CHECK(std::string(e.what()) == "x.zip: NUL byte at byte 4 (binary file?)");
  }
  // the first problem wins
  try {
    require_valid_utf8(std::string("\xFF\0", 2), "f");
    FAIL("expected an InputError");
  } catch (const pledgedb::InputError& e) {
    CHECK(std::string(e.what()) == "f: invalid UTF-8 at byte 0");
  }
}

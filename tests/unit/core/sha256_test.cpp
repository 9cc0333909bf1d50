#include <doctest/doctest.h>

#include <stdexcept>
#include <string>

#include "pledgedb/sha256.hpp"

using pledgedb::Sha256;
using pledgedb::sha256_hex;

// Vectors from FIPS 180-4 examples (NIST "SHA256.pdf") and the NIST short/long message tests.
TEST_CASE("sha256: FIPS 180-4 test vectors") {
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(sha256_hex(std::string(1000000, 'a')) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("sha256: the 896-bit two-block message") {
  CHECK(sha256_hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu") ==
        "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}

TEST_CASE("sha256: incremental updates give the same digest whatever the chunking") {
  std::string data;
  for (int i = 0; i < 300; ++i) data += static_cast<char>(i * 7 + 3);
  const std::string whole = sha256_hex(data);
  // Chunk sizes that straddle the 64-byte block and the 56-byte padding boundary.
  for (std::size_t chunk : {1u, 3u, 55u, 56u, 63u, 64u, 65u, 127u}) {
    Sha256 h;
    for (std::size_t i = 0; i < data.size(); i += chunk) h.update(std::string_view(data).substr(i, chunk));
    CHECK_MESSAGE(h.hex() == whole, "chunk size " << chunk);
  }
  // One million 'a' fed in pieces of 1000.
  Sha256 h;
  const std::string thousand(1000, 'a');
  for (int i = 0; i < 1000; ++i) h.update(thousand);
  CHECK(h.hex() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("sha256: lengths around the padding boundary differ and are stable") {
  // 55 bytes fit padding in one block, 56 need a second: both must match a fresh one-shot hash.
  for (std::size_t n : {55u, 56u, 57u, 63u, 64u, 65u}) {
    const std::string s(n, 'x');
    Sha256 h;
    h.update(s.substr(0, n / 2)).update(s.substr(n / 2));
    CHECK(h.hex() == sha256_hex(s));
  }
  CHECK(sha256_hex(std::string(55, 'x')) != sha256_hex(std::string(56, 'x')));
  Sha256 h;
  h.update("abc");
  (void)h.digest();
  CHECK_THROWS_AS(h.update("more"), std::logic_error);
  h.reset();
  h.update("abc");
  CHECK(h.hex() == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

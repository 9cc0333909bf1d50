#pragma once
// SHA-256 (FIPS 180-4), written here so that hashing sources and migrations needs no crypto library.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace pledgedb {

// Incremental hashing: update() any number of times, then hex() or digest() once.
class Sha256 {
 public:
  Sha256();
  Sha256& update(std::string_view data);
  Sha256& update(const void* data, std::size_t size);
  // Finishes the hash; the object must be reset() before it is used again.
  std::array<std::uint8_t, 32> digest();
  std::string hex();  // 64 lowercase hex digits
  void reset();

 private:
  void compress(const std::uint8_t* block);
  std::array<std::uint32_t, 8> state_{};
  std::array<std::uint8_t, 64> buffer_{};
  std::size_t buffered_ = 0;
  std::uint64_t length_ = 0;  // bytes hashed so far
  bool finished_ = false;
};

// The SHA-256 of the bytes as 64 lowercase hex digits.
std::string sha256_hex(std::string_view data);

}  // namespace pledgedb

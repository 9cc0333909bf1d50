#pragma once
// Every error the library throws derives from pledgedb::Error; the CLI maps the kinds to exit codes.
#include <stdexcept>
#include <string>

namespace pledgedb {

// Base of all library errors. Messages name the input (file, field, value) and the problem.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The input document or value is unusable: bad UTF-8, malformed JSON or date, absurd number...
class InputError : public Error {
 public:
  using Error::Error;
};

// The database cannot be used as asked: newer than the code, changed migration, corrupt, locked.
class DatabaseError : public Error {
 public:
  using Error::Error;
};

// Another process holds the database's lock longer than we waited (a DatabaseError).
class BusyError : public DatabaseError {
 public:
  using DatabaseError::DatabaseError;
};

// Something asked for does not exist (unknown id, region, party).
class NotFoundError : public Error {
 public:
  using Error::Error;
};

}  // namespace pledgedb

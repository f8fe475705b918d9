// Errors are values at module boundaries: a message and where it happened.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace disarm {

struct Error {
  std::string message;
  // Where: a JSON path ("/objects/3/name"), "file:line", or empty when it is global.
  std::string location;

  std::string describe() const { return location.empty() ? message : location + ": " + message; }
};

template <typename T>
class Result {
 public:
  Result(T value) : state_(std::move(value)) {}
  Result(Error error) : state_(std::move(error)) {}

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<0>(state_); }
  const T& value() const& { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  const Error& error() const { return std::get<1>(state_); }

 private:
  std::variant<T, Error> state_;
};

}  // namespace disarm

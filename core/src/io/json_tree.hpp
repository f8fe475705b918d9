// A read-only JSON document for the snapshot loader: strict RFC 8259 parsing (UTF-8
// checked, no comments, no trailing commas) into one flat array of nodes.
//
// Why not nlohmann::json, which the rest of the core uses to write JSON: its lexer alone
// takes about 6 ms per MB, and the viewer loads a multi-megabyte snapshot at start-up. This
// parser is several times faster, allocates one node array, keeps unescaped strings as
// views of the input, and uses no recursion, so any nesting depth is safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "disarm/result.hpp"

namespace disarm {

enum class JsonType : unsigned char { Null, Boolean, Number, String, Array, Object };

class JsonTree {
 public:
  using Index = std::uint32_t;
  static constexpr Index kNone = UINT32_MAX;

  // Parses `text`, which must outlive the tree. A syntax error comes back as "invalid JSON:
  // ..." located at "line L, column C" (columns count characters, from 1).
  static Result<JsonTree> parse(std::string_view text);

  Index root() const { return 0; }
  JsonType type(Index i) const { return nodes_[i].type; }
  // As nlohmann's type_name(): "object", "array", "string", "number", "boolean", "null".
  const char* type_name(Index i) const;

  bool boolean(Index i) const { return nodes_[i].flag; }
  // A string's value, or a number's literal text ("1", "-2.5e3").
  std::string_view text(Index i) const;
  // True for a number written without fraction or exponent.
  bool is_integer(Index i) const { return nodes_[i].flag; }

  // Elements of an array, members of an object.
  std::uint32_t size(Index i) const { return nodes_[i].size; }
  // An array's elements follow it in order: the first at i + 1, each next one after the
  // previous one's subtree. An object's members are a key (a string) then its value.
  Index first_child(Index i) const { return i + 1; }
  Index next_sibling(Index i) const { return nodes_[i].end; }
  // The value of member `key`, the last one when the key repeats (as nlohmann does), or kNone.
  Index member(Index object, std::string_view key) const;
  // The text of member `key` when it is a string; nothing when it is absent or not a string.
  std::optional<std::string_view> string_member(Index object, std::string_view key) const {
    Index v = member(object, key);
    if (v == kNone || type(v) != JsonType::String) return std::nullopt;
    return text(v);
  }

 private:
  friend class JsonParser;

  struct Node {
    JsonType type;
    bool flag;             // boolean value; number is an integer; string is in decoded_
    std::uint32_t size;    // bytes of a string or number, elements or members of a container
    std::uint32_t offset;  // where a string or number's text starts: in the input or in decoded_
    std::uint32_t end;     // one past the last node of this value's subtree
  };

  std::string_view input_;
  std::string decoded_;  // strings that had escapes, decoded, one after another
  std::vector<Node> nodes_;
};

}  // namespace disarm

#include "disarm/selection/selection_fragment.hpp"

#include <cstdint>
#include <optional>

#include "disarm/text/base64.hpp"
#include "disarm/model/object_id.hpp"
#include "text/utf8.hpp"

namespace disarm {

namespace {

constexpr unsigned kMaxNumber = 9999;  // T9999
constexpr unsigned kMaxSub = 999;      // .999

void put_varint(std::string& out, std::uint64_t value) {
  while (value >= 0x80) {
    out += static_cast<char>((value & 0x7F) | 0x80);
    value >>= 7;
  }
  out += static_cast<char>(value);
}

// Reads the decoded bytes front to back, remembering the first problem.
class ByteReader {
 public:
  explicit ByteReader(std::string_view bytes) : bytes_(bytes) {}
  bool at_end() const { return pos_ == bytes_.size(); }

  std::optional<unsigned char> byte() {
    if (at_end()) return std::nullopt;
    return static_cast<unsigned char>(bytes_[pos_++]);
  }

  // A varint of at most 32 bits in its shortest form.
  std::optional<std::uint32_t> varint() {
    std::uint64_t value = 0;
    for (int shift = 0; shift <= 28; shift += 7) {
      auto b = byte();
      if (!b) return std::nullopt;
      value |= static_cast<std::uint64_t>(*b & 0x7F) << shift;
      if (!(*b & 0x80)) {
        if (shift > 0 && *b == 0) return std::nullopt;  // overlong
        if (value > UINT32_MAX) return std::nullopt;
        return static_cast<std::uint32_t>(value);
      }
    }
    return std::nullopt;
  }

  std::optional<std::string_view> bytes(std::size_t n) {
    if (bytes_.size() - pos_ < n) return std::nullopt;
    std::string_view out = bytes_.substr(pos_, n);
    pos_ += n;
    return out;
  }

 private:
  std::string_view bytes_;
  std::size_t pos_ = 0;
};

}  // namespace

std::string encode_selection(const Selection& selection) {
  std::string bytes;
  bytes += static_cast<char>(kSelectionCodeVersion);
  unsigned previous = 0;
  for (const SelectedTechnique& item : selection.items()) {
    const IdKey key = *parse_id(item.id);  // Selection holds canonical technique IDs only
    const bool has_sub = key.sub >= 0;
    const bool has_score = item.score.has_value();
    const bool has_comment = !item.comment.empty();
    const std::uint64_t delta = key.number - previous;
    put_varint(bytes, delta << 3 | (has_sub ? 4u : 0u) | (has_score ? 2u : 0u) | (has_comment ? 1u : 0u));
    if (has_sub) put_varint(bytes, static_cast<unsigned>(key.sub));
    if (has_score) bytes += static_cast<char>(*item.score);
    if (has_comment) {
      put_varint(bytes, item.comment.size());
      bytes += item.comment;
    }
    previous = key.number;
  }
  return base64url_encode(bytes);
}

Result<Selection> decode_selection(std::string_view code, unsigned char technique_pattern) {
  if (code.empty()) return Error{"empty selection code", ""};
  auto decoded = base64url_decode(code);
  if (!decoded) return Error{"not a selection code: " + decoded.error().message, decoded.error().location};
  ByteReader in(decoded.value());
  if (in.byte() != kSelectionCodeVersion)
    return Error{"not a selection code of version " + std::to_string(kSelectionCodeVersion) +
                     " (a newer viewer may have made it)",
                 "character 1"};

  Selection selection;
  std::optional<IdKey> previous;
  for (std::size_t n = 1; !in.at_end(); ++n) {
    const std::string where = "technique " + std::to_string(n);
    auto fail = [&](std::string message) { return Error{"not a selection code: " + std::move(message), where}; };
    auto head = in.varint();
    if (!head) return fail("a technique number is cut short or malformed");
    const std::uint64_t number = (previous ? previous->number : 0u) + (*head >> 3);
    if (number > kMaxNumber) return fail("technique number " + std::to_string(number) + " is past T9999");
    IdKey key{Kind::Technique, static_cast<unsigned>(number), -1, technique_pattern};
    if (*head & 4) {
      auto sub = in.varint();
      if (!sub || *sub > kMaxSub) return fail("a sub-technique number is malformed or past .999");
      key.sub = static_cast<int>(*sub);
    }
    if (previous && !(*previous < key))
      return fail(canonical_id(key) + " is repeated or out of order after " + canonical_id(*previous));
    const std::string id = canonical_id(key);
    selection.add(id);
    if (*head & 2) {
      auto score = in.byte();
      if (!score || *score > kMaxScore) return fail("the score of " + id + " is missing or past 100");
      selection.set_score(id, *score);
    }
    if (*head & 1) {
      auto length = in.varint();
      auto text = length && *length > 0 ? in.bytes(*length) : std::nullopt;
      if (!text) return fail("the comment of " + id + " is cut short or empty");
      if (valid_utf8_length(*text) != text->size()) return fail("the comment of " + id + " is not valid UTF-8");
      selection.set_comment(id, *text);
    }
    previous = key;
  }
  return selection;
}

Result<Selection> decode_shared_selection(std::string_view code, unsigned char technique_pattern) {
  if (code.size() > kMaxSelectionCodeBytes)
    return Error{"the share code is longer than the " + std::to_string(kMaxSelectionCodeBytes) +
                     " characters a share link may carry (mail programs, chat apps and browsers cut or refuse "
                     "longer links); share fewer techniques or shorter comments",
                 "character " + std::to_string(kMaxSelectionCodeBytes + 1)};
  return decode_selection(code, technique_pattern);
}

}  // namespace disarm

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "command_line.hpp"
#include "disarm/model/object_links.hpp"
#include "disarm/model/similar_ids.hpp"

namespace disarm::shell {

namespace {

constexpr std::size_t kWidth = 80;         // the terminal width text is wrapped to
constexpr std::size_t kQuoteLength = 320;  // evidence quotes are cut to about this many characters
constexpr std::size_t kDidYouMean = 3;     // IDs offered for one not found

bool is_continuation_byte(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// Evidence and summaries carry upstream's inline HTML (<i>, <br>); a terminal shows the
// words only, on one line of single spaces. A '<' that does not open a tag stays.
std::string plain_text(std::string_view html) {
  std::string out;
  bool space = false;
  for (std::size_t i = 0; i < html.size(); ++i) {
    char c = html[i];
    if (c == '<' && i + 1 < html.size() &&
        (std::isalpha(static_cast<unsigned char>(html[i + 1])) || html[i + 1] == '/')) {
      if (std::size_t close = html.find('>', i); close != std::string_view::npos) {
        std::string_view tag = html.substr(i + 1, close - i - 1);
        if (!tag.empty() && tag[0] == '/') tag.remove_prefix(1);
        // Tags that break a line become a space; <i>, <b> and <a> sit inside words' runs.
        for (std::string_view block : {"br", "p", "div", "li", "tr", "td", "ul", "ol"})
          if (tag.substr(0, block.size()) == block &&
              (tag.size() == block.size() || !std::isalpha(static_cast<unsigned char>(tag[block.size()]))))
            space = true;
        i = close;
        continue;
      }
    }
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// Cuts at a word boundary before `limit` characters and marks the cut.
std::string shorten(const std::string& text, std::size_t limit) {
  std::size_t chars = 0, cut = std::string::npos, last_space = std::string::npos;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (is_continuation_byte(text[i])) continue;
    if (chars++ == limit) {
      cut = i;
      break;
    }
    if (text[i] == ' ') last_space = i;
  }
  if (cut == std::string::npos) return text;
  return text.substr(0, last_space != std::string::npos ? last_space : cut) + " ...";
}

// Prints words wrapped to kWidth, every line starting with `indent` spaces.
void print_wrapped(const std::string& text, std::size_t indent) {
  std::string line;
  std::size_t line_chars = 0;
  auto flush = [&] {
    std::printf("%*s%s\n", static_cast<int>(indent), "", line.c_str());
    line.clear();
    line_chars = 0;
  };
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    std::string_view word(text.data() + start, end - start);
    std::size_t chars = std::count_if(word.begin(), word.end(), [](char c) { return !is_continuation_byte(c); });
    if (line_chars && indent + line_chars + 1 + chars > kWidth) flush();
    if (line_chars) line += ' ', ++line_chars;
    line += word;
    line_chars += chars;
    start = end + 1;
  }
  if (line_chars) flush();
}

bool is_placeholder(const Framework& fw, const std::string& id) {
  return std::binary_search(fw.placeholders().begin(), fw.placeholders().end(), id,
                            [](const std::string& a, const std::string& b) { return id_less(a, b); });
}

void print_object(const Framework& fw, ObjectIndex index) {
  const Object& o = fw.object(index);
  std::printf("%s%s%s\n%s\n", o.id.c_str(), o.name.empty() ? "" : "  ", o.name.c_str(),
              std::string(fw.kind_label(o.kind)).c_str());
  if (is_placeholder(fw, o.id))
    std::printf("Not defined in this snapshot: only named by other objects.\n");
  else if (!o.has_page)
    std::printf("Has no page of its own.\n");
  else if (!o.indexed)
    std::printf("Listed in no index or matrix.\n");
  if (!o.summary.empty()) {
    std::printf("\n");
    print_wrapped(plain_text(o.summary), 0);
  }
  if (!o.fields.empty()) std::printf("\n");
  for (const Field& f : o.fields) {
    std::string value = plain_text(f.value);
    std::printf("%s:%s", f.key.c_str(), value.empty() ? "\n" : "");
    if (value.empty()) continue;
    if (f.key.size() + 2 + value.size() <= kWidth) {
      std::printf(" %s\n", value.c_str());
    } else {
      std::printf("\n");
      print_wrapped(value, 2);
    }
  }
  for (const LinkGroup& group : link_groups(fw, index)) {
    std::printf("\n%.*s\n", static_cast<int>(group.name().size()), group.name().data());
    for (const Link& link : group.links) {
      const Object& other = fw.object(link.other);
      const Relation& relation = fw.relations()[link.relation];
      std::printf("  %-10s %s%s\n", other.id.c_str(), other.name.c_str(), relation.disputed() ? "  [disputed]" : "");
      if (relation.disputed()) print_wrapped("disputed: " + relation.dispute, 13);
      const std::string& quote = relation.text;
      if (quote.empty()) continue;
      std::string quoted = "\"";
      quoted += shorten(plain_text(quote), kQuoteLength);
      print_wrapped(quoted + "\"", 13);
    }
  }
  if (!o.references.empty()) std::printf("\nreferences\n");
  for (std::size_t i = 0; i < o.references.size(); ++i) {
    const Reference& r = o.references[i];
    std::printf("  %zu. %s\n", i + 1, r.title.empty() ? "(untitled)" : r.title.c_str());
    if (!r.url.empty()) std::printf("     %s\n", r.url.c_str());
    std::string credit;
    for (const std::string* part : {&r.published, &r.authors, &r.organisation})
      if (!part->empty()) {
        if (!credit.empty()) credit += ", ";
        credit += *part;
      }
    if (!credit.empty()) std::printf("     %s\n", credit.c_str());
    if (!r.archive_url.empty()) std::printf("     archived: %s\n", r.archive_url.c_str());
  }
}

void print_object_json(const Framework& fw, ObjectIndex index) {
  using ojson = nlohmann::ordered_json;
  const Object& o = fw.object(index);
  ojson fields = ojson::array();
  for (const Field& f : o.fields) fields.push_back({{"key", f.key}, {"value", f.value}});
  ojson references = ojson::array();
  for (const Reference& r : o.references)
    references.push_back({{"title", r.title},
                          {"url", r.url},
                          {"published", r.published},
                          {"authors", r.authors},
                          {"organisation", r.organisation},
                          {"archive_url", r.archive_url}});
  ojson links = ojson::object();
  ojson evidence = ojson::object();
  ojson disputed = ojson::array();
  for (const LinkGroup& group : link_groups(fw, index)) {
    ojson& ids = links[std::string(group.name())];
    if (ids.is_null()) ids = ojson::array();
    for (const Link& link : group.links) {
      const std::string& id = fw.object(link.other).id;
      ids.push_back(id);
      if (const Relation& r = fw.relations()[link.relation]; r.disputed())
        disputed.push_back({{"link", group.name()}, {"id", id}, {"why", r.dispute}});
      const std::string& quote = fw.relations()[link.relation].text;
      if (quote.empty()) continue;
      // An incident may cite one technique twice; its quotes are joined, not lost.
      ojson& text = evidence[id];
      text = text.is_null() ? quote : text.get<std::string>() + "\n\n" + quote;
    }
  }
  ojson out = {{"id", o.id},
               {"kind", kind_name(o.kind)},
               {"kind_label", fw.kind_label(o.kind)},
               {"name", o.name},
               {"summary", o.summary},
               {"indexed", o.indexed},
               {"has_page", o.has_page},
               {"defined", !is_placeholder(fw, o.id)},
               {"fields", std::move(fields)},
               {"references", std::move(references)},
               {"links", std::move(links)},
               {"evidence", std::move(evidence)},
               {"disputed", std::move(disputed)}};
  std::printf("%s\n", out.dump(2, ' ', false, ojson::error_handler_t::replace).c_str());
}

}  // namespace

int run_show(const Args& args) {
  const char* usage = "disarm show SNAPSHOT.json ID [--json]";
  if (wants_help(args)) {
    std::printf(
        "usage: %s\n"
        "Prints one object: its name, kind, summary and fields, then its relations grouped by\n"
        "name (\"tactic\", \"incidents\", \"subtechniques\"), each related object with its ID and\n"
        "name, evidence quotes shortened, and an incident's references. The ID is not\n"
        "case-sensitive.\n"
        "--json prints {\"id\", \"kind\", \"name\", \"summary\", \"indexed\", \"has_page\", \"defined\",\n"
        "\"fields\", \"references\", \"links\": {relation name: [IDs]}, \"evidence\": {ID: quote},\n"
        "\"disputed\": [{\"link\", \"id\", \"why\"}]} (kind_label is the kind in the release's words).\n"
        "A relation upstream contradicts itself about is listed with the others and marked disputed.\n"
        "Exit status: 0 shown; 2 usage error, unreadable snapshot, or no object with that ID\n"
        "(the error line suggests up to 3 close IDs).\n",
        usage);
    return kExitOk;
  }
  auto parsed = parse_command_line(args, {usage, {"SNAPSHOT", "ID"}, {{"--json"}}});
  if (!parsed) return kExitUsage;
  const std::string& path = parsed->positionals[0];
  const std::string& id = parsed->positionals[1];
  auto fw = load_or_report(path);
  if (!fw) return kExitUsage;

  auto index = fw->find(id);
  if (!index) {
    std::string line = "disarm: no object " + id + " in " + path;
    auto close = suggest_ids(*fw, id, kDidYouMean);
    for (std::size_t i = 0; i < close.size(); ++i) line += (i ? ", " : " (did you mean ") + fw->object(close[i]).id;
    if (!close.empty()) line += "?)";
    std::fprintf(stderr, "%s\n", line.c_str());
    return kExitUsage;
  }
  if (parsed->has("--json"))
    print_object_json(*fw, *index);
  else
    print_object(*fw, *index);
  return kExitOk;
}

}  // namespace disarm::shell

#include "command_line.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "disarm/io/snapshot.hpp"

namespace disarm::shell {

bool wants_help(const Args& args) {
  for (const auto& a : args)
    if (a == "--help" || a == "-h") return true;
  return false;
}

int usage_error(const char* usage, const std::string& problem) {
  std::fprintf(stderr, "disarm: %s\nusage: %s\n", problem.c_str(), usage);
  return kExitUsage;
}

bool CommandLine::has(std::string_view name) const {
  for (const auto& [given, value] : options)
    if (given == name) return true;
  return false;
}

std::string CommandLine::value(std::string_view name, std::string fallback) const {
  for (const auto& [given, value] : options)
    if (given == name) fallback = value;
  return fallback;
}

std::optional<CommandLine> parse_command_line(const Args& args, const CommandSyntax& syntax) {
  auto fail = [&](const std::string& problem) {
    usage_error(syntax.usage, problem);
    return std::nullopt;
  };
  CommandLine line;
  line.positionals.resize(syntax.positionals.size());
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto option = std::find_if(syntax.options.begin(), syntax.options.end(), [&](const Option& o) {
      return a == o.name || (!o.short_name.empty() && a == o.short_name);
    });
    if (option != syntax.options.end()) {
      if (!option->takes_value) {
        line.options.emplace_back(option->name, std::string());
        continue;
      }
      if (i + 1 >= args.size()) return fail("missing value after " + a);
      line.options.emplace_back(option->name, args[++i]);
      continue;
    }
    const bool looks_like_option = syntax.free_text_last ? a.rfind("--", 0) == 0 : a.rfind("-", 0) == 0;
    if (looks_like_option) return fail("unknown option '" + a + "'");
    auto slot =
        std::find_if(line.positionals.begin(), line.positionals.end(), [](const std::string& p) { return p.empty(); });
    if (slot != line.positionals.end())
      *slot = a;
    else if (syntax.free_text_last && !line.positionals.empty())
      line.positionals.back() += " " + a;
    else
      return fail("unexpected argument '" + a + "'");
  }
  for (std::size_t i = 0; i < line.positionals.size(); ++i)
    if (line.positionals[i].empty()) return fail("missing " + std::string(syntax.positionals[i]));
  return line;
}

std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return text.str();
}

bool write_or_report(const std::string& path, std::string_view text) {
  std::ofstream out(path, std::ios::binary);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  out.close();
  if (out) return true;
  std::fprintf(stderr, "disarm: cannot write %s\n", path.c_str());
  return false;
}

std::optional<Framework> load_or_report(const std::string& path) {
  auto text = read_file(path);
  if (!text) {
    std::fprintf(stderr, "disarm: cannot read %s\n", path.c_str());
    return std::nullopt;
  }
  auto fw = load_snapshot(*text);
  if (!fw) {
    std::fprintf(stderr, "disarm: %s: %s\n", path.c_str(), fw.error().describe().c_str());
    return std::nullopt;
  }
  return std::move(fw).value();
}

}  // namespace disarm::shell

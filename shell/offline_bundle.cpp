#include "offline_bundle.hpp"

#include <cctype>
#include <vector>

#include "disarm/text/base64.hpp"
#include "disarm/text/html_tag.hpp"
#include "disarm/text/sha256.hpp"

namespace disarm::shell {

namespace {

char lower(char c) {
  return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

bool starts_with_nocase(std::string_view text, std::size_t at, std::string_view prefix) {
  if (at > text.size() || text.size() - at < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (lower(text[at + i]) != prefix[i]) return false;
  return true;
}

std::size_t find_nocase(std::string_view text, std::string_view needle, std::size_t from) {
  for (std::size_t i = from; i + needle.size() <= text.size(); ++i)
    if (starts_with_nocase(text, i, needle)) return i;
  return std::string_view::npos;
}

// A script that is a file beside index.html: no scheme, no absolute path, no way up.
bool is_local_name(const std::string& src) {
  if (src.empty() || src.find(':') != std::string::npos || src.find('\\') != std::string::npos) return false;
  if (src[0] == '/' || src.find("..") != std::string::npos) return false;
  return src.find_first_of("?#") == std::string::npos;
}

struct ScriptElement {
  std::size_t begin = 0, end = 0;  // the whole element, "<script ...>...</script>"
  std::string start_tag;           // "<script ...>"
  std::optional<std::string> src;
  std::optional<std::string> type;
  std::string text;  // an inline script's own text
};

// Whether a script element runs (and so needs a hash), or is a data block.
bool is_javascript(const std::optional<std::string>& type) {
  if (!type || type->empty()) return true;
  std::string t;
  for (char c : *type) t += lower(c);
  return t == "text/javascript" || t == "application/javascript" || t == "module";
}

Result<std::vector<ScriptElement>> find_scripts(std::string_view html) {
  std::vector<ScriptElement> scripts;
  std::size_t i = 0;
  while ((i = html.find('<', i)) != std::string_view::npos) {
    if (html.compare(i, 4, "<!--") == 0) {
      std::size_t end = html.find("-->", i + 4);
      i = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    if (!starts_with_nocase(html, i, "<script") || i + 7 >= html.size() ||
        !(std::isspace(static_cast<unsigned char>(html[i + 7])) || html[i + 7] == '>')) {
      ++i;
      continue;
    }
    std::size_t tag_end = html.find('>', i);
    std::size_t close = tag_end == std::string_view::npos ? tag_end : find_nocase(html, "</script", tag_end);
    std::size_t close_end = close == std::string_view::npos ? close : html.find('>', close);
    if (close_end == std::string_view::npos) return Error{"a <script> element is not closed", "index.html"};
    ScriptElement s;
    s.begin = i;
    s.end = close_end + 1;
    s.start_tag = html.substr(i, tag_end + 1 - i);
    const std::string_view attributes = html.substr(i + 7, tag_end - i - 7);
    if (auto src = html_attribute(attributes, "src")) s.src = std::string(*src);
    if (auto type = html_attribute(attributes, "type")) s.type = std::string(*type);
    s.text = html.substr(tag_end + 1, close - tag_end - 1);
    i = s.end;
    scripts.push_back(std::move(s));
  }
  return scripts;
}

void replace_all_nocase(std::string& text, std::string_view needle, std::string_view with_prefix,
                        std::size_t keep_from) {
  std::string out;
  std::size_t i = 0, at;
  while ((at = find_nocase(text, needle, i)) != std::string::npos) {
    out.append(text, i, at - i);
    out += with_prefix;
    out.append(text, at + keep_from, needle.size() - keep_from);  // the original letters, case kept
    i = at + needle.size();
  }
  out.append(text, i, std::string::npos);
  text = std::move(out);
}

std::string normalise_line_ends(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      out += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      out += text[i];
    }
  }
  return out;
}

// The Content-Security-Policy meta element's content attribute: where its value starts and ends.
std::optional<std::pair<std::size_t, std::size_t>> find_policy(std::string_view html) {
  std::size_t i = 0;
  while ((i = find_nocase(html, "<meta", i)) != std::string_view::npos) {
    std::size_t end = html.find('>', i);
    if (end == std::string_view::npos) return std::nullopt;
    std::string_view tag = html.substr(i, end - i);
    auto equiv = html_attribute(tag.substr(5), "http-equiv");
    if (equiv && starts_with_nocase(*equiv, 0, "content-security-policy") && equiv->size() == 23) {
      std::size_t key = find_nocase(tag, "content=\"", 0);
      if (key == std::string_view::npos) return std::nullopt;
      std::size_t start = i + key + 9;
      std::size_t stop = html.find('"', start);
      if (stop == std::string_view::npos || stop > end) return std::nullopt;
      return std::make_pair(start, stop);
    }
    i = end;
  }
  return std::nullopt;
}

std::string trim(std::string_view s) {
  std::size_t a = 0, b = s.size();
  while (a < b && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
  while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
  return std::string(s.substr(a, b - a));
}

}  // namespace

std::string inline_script_text(std::string_view js) {
  std::string text = normalise_line_ends(js);
  replace_all_nocase(text, "</script", "<\\/", 2);
  replace_all_nocase(text, "<!--", "\\x3C", 1);
  return text;
}

std::string csp_script_hash(std::string_view text) {
  auto digest = sha256(text);
  return "'sha256-" + base64_encode(std::string_view(reinterpret_cast<const char*>(digest.data()), digest.size())) +
         "'";
}

std::string policy_with_script_sources(std::string_view policy, const std::string& sources) {
  std::vector<std::string> directives;
  bool found = false;
  std::size_t i = 0;
  while (i <= policy.size()) {
    std::size_t end = policy.find(';', i);
    if (end == std::string_view::npos) end = policy.size();
    std::string directive = trim(policy.substr(i, end - i));
    i = end + 1;
    if (directive.empty()) continue;
    if (starts_with_nocase(directive, 0, "script-src") &&
        (directive.size() == 10 || std::isspace(static_cast<unsigned char>(directive[10])))) {
      found = true;
      bool wasm = directive.find("'wasm-unsafe-eval'") != std::string::npos;
      directive = "script-src " + sources + (wasm ? " 'wasm-unsafe-eval'" : "");
    }
    directives.push_back(std::move(directive));
  }
  if (!found) directives.push_back("script-src " + sources);
  std::string out;
  for (const auto& d : directives) {
    if (!out.empty()) out += "; ";
    out += d;
  }
  return out;
}

Result<std::string> make_offline_bundle(const ViewerFiles& files) {
  const std::string& html = files.index_html;
  auto found = find_scripts(html);
  if (!found) return found.error();
  const auto& scripts = found.value();
  if (scripts.empty()) return Error{"no <script> element: not the viewer's page", "index.html"};

  std::string out;
  std::string hashes;
  auto add_script = [&](const std::string& text) {
    out += "<script>" + text + "</script>";
    if (!hashes.empty()) hashes += ' ';
    hashes += csp_script_hash(text);
  };
  std::size_t copied = 0;
  for (std::size_t n = 0; n < scripts.size(); ++n) {
    const ScriptElement& s = scripts[n];
    out.append(html, copied, s.begin - copied);
    copied = s.end;
    if (n == 0) {
      // Emscripten's loader and the wasm come first: viewer.js finds both already in the page.
      if (files.wasm_gzip.empty())
        out +=
            "<script type=\"application/octet-stream\" id=\"disarm-wasm\">" + base64_encode(files.wasm) + "</script>\n";
      else
        out += "<script type=\"application/octet-stream\" data-encoding=\"gzip\" id=\"disarm-wasm\">" +
               base64_encode(files.wasm_gzip) + "</script>\n";
      add_script(inline_script_text(files.viewer_js));
      out += "\n";
    }
    if (!s.src) {
      // Already inline: kept as it is, with its attributes; a script that runs gets its hash.
      std::string text = normalise_line_ends(s.text);
      out += s.start_tag + text + "</script>";
      if (is_javascript(s.type)) {
        if (!hashes.empty()) hashes += ' ';
        hashes += csp_script_hash(text);
      }
      continue;
    }
    if (!is_local_name(*s.src))
      return Error{"<script src=\"" + *s.src + "\"> is not a file beside index.html; a bundle cannot carry it",
                   "index.html"};
    auto text = files.read_script(*s.src);
    if (!text) return Error{"names " + *s.src + ", which is missing", "index.html"};
    add_script(inline_script_text(*text));
  }
  out.append(html, copied, std::string::npos);

  if (auto policy = find_policy(out)) {
    std::string rewritten =
        policy_with_script_sources(std::string_view(out).substr(policy->first, policy->second - policy->first), hashes);
    out.replace(policy->first, policy->second - policy->first, rewritten);
  }
  return out;
}

}  // namespace disarm::shell

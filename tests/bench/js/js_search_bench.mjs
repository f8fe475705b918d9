// MiniSearch and FlexSearch over the documents search_bench exported (the same plain text the
// disarm index holds), running the same query file: build time, memory, query latency and
// top-3 quality, then a side-by-side table with the disarm figures and the ratios.
//
//   node --expose-gc js_search_bench.mjs --docs DOCS.json --queries QUERIES.tsv --set NAME
//        [--runs N] [--results DISARM_RESULT.json ...]
//
// Both libraries get what the disarm index gets, as far as they can express it: the same
// field weights, case and diacritic folding, prefix matching for the last word only, typo
// tolerance of one edit from 4 letters and two from 8 (MiniSearch; FlexSearch has no edit
// distance, so it gets its most forgiving phonetic encoder and suggestions), and the kind
// filter. Quoted phrases become "all these words" (MiniSearch) or plain words (FlexSearch).
// FlexSearch's options are the best of those tried on the query file (encoders LatinBalance,
// LatinAdvanced, LatinExtra, Normalize; tokenizers forward, tolerant, full; its own field
// merge or a weighted rank fusion): LatinExtra, forward, merge.
import { readFileSync } from "node:fs";
import MiniSearch from "minisearch";
import FlexSearch from "flexsearch";

const version = (name) =>
  JSON.parse(readFileSync(new URL(`./node_modules/${name}/package.json`, import.meta.url), "utf8")).version;
const TOP = 3;
const HITS = 10;
const BUILDS = 15;
const WARM_UP_RUNS = 3; // of every keystroke of every query
const FIELDS = ["id", "name", "summary", "fields", "evidence", "references"];
// The disarm index's weights (core/src/search_index.cpp); IDs there score as a constant far
// above any text, which a weight of 20 approximates.
const BOOST = { id: 20, name: 12, summary: 5, fields: 1.5, evidence: 1, references: 1.5 };

function parseArgs(argv) {
  const args = { runs: 200, results: [] };
  for (let i = 0; i < argv.length; ++i) {
    const a = argv[i];
    if (a === "--results") {
      while (i + 1 < argv.length && !argv[i + 1].startsWith("--")) args.results.push(argv[++i]);
    } else if (["--docs", "--queries", "--set", "--runs"].includes(a)) {
      args[a.slice(2)] = argv[++i];
    } else {
      throw new Error(`unknown argument ${a}`);
    }
  }
  args.runs = Math.max(1, Number(args.runs));
  if (!args.docs || !args.queries || !args.set) throw new Error("need --docs, --queries and --set");
  return args;
}

// The query file, as tests/search/query_file.hpp reads it.
function readQueries(path, set) {
  const cases = [];
  readFileSync(path, "utf8").split("\n").forEach((line, i) => {
    if (!line || line.startsWith("#")) return;
    const [s, query, expected = ""] = line.split("\t");
    if (s === set) cases.push({ query, expected: expected.split(/\s+/).filter(Boolean), line: i + 1 });
  });
  return cases;
}

function topRight(c, ids) {
  const top = ids.slice(0, TOP);
  return c.expected.length > 0 && c.expected.every((id) => top.includes(id));
}

// Splits our query syntax: kind:K filters, "quoted phrases", and the words; the last word
// is a prefix while it is being typed.
function parseQuery(query, kindNames) {
  let kinds = null;
  const phrases = [];
  let rest = query.replace(/"([^"]*)("|$)/g, (_, phrase) => {
    phrases.push(phrase);
    return " ";
  });
  rest = rest.replace(/(^|\s)kind:(\S*)/gi, (_, space, value) => {
    if (!value) return space;
    const v = value.toLowerCase();
    const named = kindNames.includes(v) ? [v] : kindNames.filter((k) => k.startsWith(v) || `${k}s`.startsWith(v));
    kinds = kinds ? kinds.filter((k) => named.includes(k)) : named;
    return space;
  });
  const typing = !/[\s"]$/.test(query);
  return { kinds, phrases, words: rest.trim(), typing };
}

function fold(term) {
  return term.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
}

function typos(term) {
  return term.length >= 8 ? 2 : term.length >= 4 ? 1 : 0;
}

class MiniSearchEngine {
  constructor(docs) {
    this.name = `MiniSearch ${version("minisearch")}`;
    this.docs = docs;
  }
  build() {
    const index = new MiniSearch({ fields: FIELDS, idField: "n", storeFields: ["kind"], processTerm: fold });
    index.addAll(this.docs);
    return index;
  }
  search(index, query) {
    const q = parseQuery(query, this.kindNames);
    const lastWordTyping = q.typing && q.phrases.length === 0;
    const options = {
      boost: BOOST,
      fuzzy: (term) => typos(term) || false,
      prefix: (term, i, terms) => lastWordTyping && i === terms.length - 1,
      filter: q.kinds ? (r) => q.kinds.includes(r.kind) : undefined,
    };
    const queries = q.phrases.map((p) => ({ combineWith: "AND", queries: [p] }));
    if (q.words) queries.push(q.words);
    if (queries.length === 0) return [];
    return index.search({ combineWith: "OR", queries }, options).slice(0, HITS).map((r) => this.docs[r.id].id);
  }
}

class FlexSearchEngine {
  constructor(docs) {
    this.name = `FlexSearch ${version("flexsearch")}`;
    this.docs = docs;
  }
  build() {
    const index = new FlexSearch.Document({
      tokenize: "forward",
      encoder: FlexSearch.Charset.LatinExtra,
      document: { id: "n", index: FIELDS, tag: "kind" },
    });
    for (const d of this.docs) index.add(d);
    return index;
  }
  // FlexSearch merges the fields' results itself (merge: true), fields in weight order.
  search(index, query) {
    const q = parseQuery(query, this.kindNames);
    const text = [...q.phrases, q.words].join(" ").trim();
    if (!text) return [];
    const options = { limit: HITS, suggest: true, merge: true };
    if (q.kinds) options.tag = q.kinds.map((kind) => ({ kind }));
    return index.search(text, options).map((r) => this.docs[r.id].id);
  }
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
}

function latency(samples) {
  samples.sort((a, b) => a - b);
  const mean = samples.reduce((s, x) => s + x, 0) / samples.length;
  return { p50: percentile(samples, 50), p99: percentile(samples, 99), mean };
}

function keystrokes(cases) {
  const out = [];
  for (const c of cases) {
    const chars = [...c.query];
    for (let i = 1; i <= chars.length; ++i) out.push(chars.slice(0, i).join(""));
  }
  return out;
}

function heapUsed() {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed;
}

function measure(engine, cases, runs) {
  // Build: the median of several builds; memory: the heap the last one keeps.
  const buildMs = [];
  let index = null;
  for (let b = 0; b < BUILDS; ++b) {
    index = null;
    const before = heapUsed();
    const start = process.hrtime.bigint();
    index = engine.build();
    buildMs.push(Number(process.hrtime.bigint() - start) / 1e6);
    engine.memoryMb = (heapUsed() - before) / 1e6;
  }
  buildMs.sort((a, b) => a - b);

  let right = 0;
  let firstRight = 0;
  const failures = [];
  for (const c of cases) {
    const ids = engine.search(index, c.query);
    if (topRight(c, ids)) ++right;
    else failures.push(`  line ${c.line}: ${c.query}  wanted ${c.expected.join(" ")}, got ${ids.slice(0, 5).join(" ")}`);
    if (ids.length && ids[0] === c.expected[0]) ++firstRight;
  }

  // Warm up first, as search_bench does: caches and the JIT's optimised code.
  const typed = keystrokes(cases);
  let seen = 0;
  for (let r = 0; r < WARM_UP_RUNS; ++r) for (const q of typed) seen += engine.search(index, q).length;

  const querySamples = [];
  for (let r = 0; r < runs; ++r)
    for (const c of cases) {
      const start = process.hrtime.bigint();
      seen += engine.search(index, c.query).length;
      querySamples.push(Number(process.hrtime.bigint() - start) / 1e3);
    }
  const keySamples = [];
  const keyRuns = Math.max(1, Math.floor(runs / 10));
  for (let r = 0; r < keyRuns; ++r)
    for (const q of typed) {
      const start = process.hrtime.bigint();
      seen += engine.search(index, q).length;
      keySamples.push(Number(process.hrtime.bigint() - start) / 1e3);
    }
  const queries = latency(querySamples);
  const keys = latency(keySamples);
  const result = {
    engine: engine.name,
    build_ms: buildMs[Math.floor(buildMs.length / 2)],
    memory_mb: engine.memoryMb,
    query_p50_us: queries.p50,
    query_p99_us: queries.p99,
    query_mean_us: queries.mean,
    keystroke_p50_us: keys.p50,
    keystroke_p99_us: keys.p99,
    keystroke_mean_us: keys.mean,
    queries: cases.length,
    top3_right: right,
    first_right: firstRight,
  };
  console.log(`${engine.name}: ${engine.docs.length} documents`);
  console.log(`  index build    median ${result.build_ms.toFixed(2)} ms, best ${buildMs[0].toFixed(2)} ms (${BUILDS} builds)`);
  console.log(`  index memory   ${result.memory_mb.toFixed(2)} MB (JS heap)`);
  console.log(`  queries        p50 ${queries.p50.toFixed(1)} us, p99 ${queries.p99.toFixed(1)} us, mean ${queries.mean.toFixed(1)} us (${cases.length} queries x ${runs} runs)`);
  console.log(`  keystrokes     p50 ${keys.p50.toFixed(1)} us, p99 ${keys.p99.toFixed(1)} us, mean ${keys.mean.toFixed(1)} us (${typed.length} prefixes x ${keyRuns} runs)`);
  console.log(`  top-3 right    ${right}/${cases.length} (first hit right ${firstRight}/${cases.length})`);
  if (process.env.BENCH_FAILURES) failures.forEach((f) => console.log(f));
  if (seen === 0) console.log("  (no hits at all)");
  return result;
}

function table(results) {
  const columns = [
    ["engine", 26, (r) => r.engine],
    ["build ms", 10, (r) => r.build_ms.toFixed(2)],
    ["memory MB", 10, (r) => r.memory_mb.toFixed(2)],
    ["query p50 us", 13, (r) => r.query_p50_us.toFixed(1)],
    ["query p99 us", 13, (r) => r.query_p99_us.toFixed(1)],
    ["keys p50 us", 12, (r) => r.keystroke_p50_us.toFixed(1)],
    ["keys p99 us", 12, (r) => r.keystroke_p99_us.toFixed(1)],
    ["top-3 right", 12, (r) => `${r.top3_right}/${r.queries}`],
    ["first right", 12, (r) => `${r.first_right}/${r.queries}`],
  ];
  const row = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(columns[i][1]) : c.padStart(columns[i][1]))).join("");
  console.log(row(columns.map((c) => c[0])));
  for (const r of results) console.log(row(columns.map((c) => c[2](r))));
}

function ratios(ours, theirs) {
  const x = (a, b) => `${(a / b).toFixed(1)}x`;
  return (
    `  ${theirs.engine} / ${ours.engine}: build ${x(theirs.build_ms, ours.build_ms)}, ` +
    `memory ${x(theirs.memory_mb, ours.memory_mb)}, query p50 ${x(theirs.query_p50_us, ours.query_p50_us)}, ` +
    `p99 ${x(theirs.query_p99_us, ours.query_p99_us)}, keystroke p99 ${x(theirs.keystroke_p99_us, ours.keystroke_p99_us)}`
  );
}

const args = parseArgs(process.argv.slice(2));
const docs = JSON.parse(readFileSync(args.docs, "utf8")).map((d, n) => ({ ...d, n }));
const kindNames = [...new Set(docs.map((d) => d.kind))];
const cases = readQueries(args.queries, args.set);
const engines = [new MiniSearchEngine(docs), new FlexSearchEngine(docs)];
const measured = [];
for (const engine of engines) {
  engine.kindNames = kindNames;
  measured.push(measure(engine, cases, args.runs));
}
const ours = args.results.map((path) => JSON.parse(readFileSync(path, "utf8")));
console.log(`\nside by side (${args.set}: ${docs.length} objects, ${cases.length} queries; node ${process.version})`);
table([...ours, ...measured]);
if (ours.length) {
  console.log("ratios (above 1x: disarm is faster or smaller):");
  for (const o of ours) for (const m of measured) console.log(ratios(o, m));
}

#!/usr/bin/env node

// hook-builtin:node:path
var builtin = typeof process.getBuiltinModule == "function" ? process.getBuiltinModule("node:path") : (await import("node:path")).default, { resolve, normalize, isAbsolute, join, relative, toNamespacedPath, dirname, basename, extname, format, parse, matchesGlob, sep, delimiter, win32, posix, _makeLong } = builtin;

// scripts/lib/text/glob.ts
var CLASSES = {
  alnum: "09AZaz",
  alpha: "AZaz",
  ascii: "\0",
  blank: "		  ",
  cntrl: "\0",
  digit: "09",
  graph: "!~",
  lower: "az",
  print: " ~",
  punct: "!/:@[`{~",
  space: "	\r  ",
  upper: "AZ",
  word: "09AZ__az",
  xdigit: "09AFaf"
};
function inSet(set, ch) {
  let maybe = !1;
  for (let k = 0; k < set.length; k++) {
    let kind = set[k] === "[" ? set[k + 1] : void 0;
    if (kind === ":" || kind === "=" || kind === ".") {
      let close = set.indexOf(`${kind}]`, k + 2);
      if (close >= 0) {
        let inner = set.slice(k + 2, close);
        if (set[k - 1] === "-" || set[close + 2] === "-") return "maybe";
        let is = kind === ":" ? classHas(inner, ch) : inner.length === 1 ? inner === ch : "maybe";
        if (is === !0) return !0;
        is === "maybe" && (maybe = !0), k = close + 1;
        continue;
      }
    }
    if (set[k + 1] === "-" && set[k + 2] === "[" && ":=.".includes(set[k + 3] ?? "-")) return "maybe";
    if (set[k + 1] === "-" && k + 2 < set.length) {
      if (ch >= set[k] && ch <= set[k + 2]) return !0;
      k += 2;
    } else if (set[k] === ch) return !0;
  }
  return maybe ? "maybe" : !1;
}
function classHas(name, ch) {
  let ranges = Object.hasOwn(CLASSES, name) ? CLASSES[name] : void 0;
  if (ranges === void 0 || ch > "") return "maybe";
  for (let k = 0; k < ranges.length; k += 2) if (ch >= ranges[k] && ch <= ranges[k + 1]) return !0;
  return !1;
}
function bracketEnds(pattern) {
  let n = pattern.length, end = new Int32Array(n + 2).fill(-1), nextClose = /* @__PURE__ */ new Map();
  for (let kind of [":", "=", "."]) {
    if (!pattern.includes(`[${kind}`)) continue;
    let next = new Int32Array(n + 2).fill(-1);
    for (let p = n - 2; p >= 0; p--) next[p] = pattern[p] === kind && pattern[p + 1] === "]" ? p : next[p + 1];
    nextClose.set(kind, next);
  }
  for (let k = n - 1; k >= 0; k--) {
    let c = pattern[k], kind = c === "[" ? pattern[k + 1] : void 0, close = kind === void 0 ? -1 : nextClose.get(kind)?.[k + 2] ?? -1;
    end[k] = c === "]" ? k : close >= 0 ? end[close + 2] : end[k + 1];
  }
  return end;
}
function globMatches(pattern, name, options = {}) {
  let end = pattern.includes("[") ? bracketEnds(pattern) : void 0, inAnyCase = (one) => options.anyCase ? (ch) => one(ch) || one(ch.toLowerCase()) || one(ch.toUpperCase()) : one, reach = [!0, ...name.split("").map(() => !1)];
  for (let p = 0; p < pattern.length; p++) {
    let c = pattern[p];
    if (c === "*") {
      for (let k = 1; k <= name.length; k++) reach[k] = reach[k] || reach[k - 1];
      continue;
    }
    let test, negate = c === "[" && (pattern[p + 1] === "!" || pattern[p + 1] === "^"), first = p + (negate ? 2 : 1), close = c !== "[" || end === void 0 || first >= pattern.length ? -1 : pattern[first] === "]" ? end[first + 1] : end[first];
    if (close > 0) {
      let set = pattern.slice(first, close);
      test = inAnyCase((ch) => {
        let has = inSet(set, ch);
        return has === "maybe" || has !== negate;
      }), p = close;
    } else if (c === "?") test = () => !0;
    else {
      let literal2 = c === "\\" && p + 1 < pattern.length ? pattern[++p] : c;
      test = inAnyCase((ch) => ch === literal2);
    }
    let next = [!1];
    for (let k = 1; k <= name.length; k++) next.push(reach[k - 1] && test(name[k - 1]));
    if (reach = next, !reach.includes(!0)) return !1;
  }
  return reach[name.length];
}
function pathPatternMayMatchLog(pattern, options = {}) {
  let star = pattern.lastIndexOf("*"), tail = pattern.slice(star + 1), slash = tail.lastIndexOf("/");
  if (star < 0 || slash >= 0) return globMatches(tail.slice(slash + 1), "log.md", options);
  for (let k = 0; k <= 6; k++) if (globMatches(tail, "log.md".slice(k), options)) return !0;
  return !1;
}

// scripts/lib/fs/node-fs.ts
var hasGetBuiltin = typeof process.getBuiltinModule == "function", fs = hasGetBuiltin ? process.getBuiltinModule("node:fs") : (await import("node:fs")).default, osBeforeGetBuiltin = hasGetBuiltin ? void 0 : (await import("node:os")).default;

// scripts/lib/guardian/glob-paths.ts
var GLOB_ENTRIES_MAX = 2e4, GLOB_STEPS_MAX = 4e6, PATTERN_MAX = 1024, globBudget = () => ({ entries: GLOB_ENTRIES_MAX, steps: GLOB_STEPS_MAX });
function hasGlob(part) {
  for (let k = 0; k < part.length; k++)
    if (part[k] === "\\") k++;
    else if (part[k] === "*" || part[k] === "?" || part[k] === "[") return !0;
  return !1;
}
var unescaped = (part) => part.replace(/\\(.)/g, "$1"), OPEN_COST = 16;
function names(dir, budget) {
  let found = [], handle;
  if (budget.entries -= OPEN_COST, !(budget.entries < 0)) {
    try {
      handle = fs.opendirSync(dir);
      for (let entry = handle.readSync(); entry !== null; entry = handle.readSync()) {
        if (--budget.entries < 0) return;
        found.push(entry.name);
      }
    } catch {
    } finally {
      handle?.closeSync();
    }
    return found;
  }
}
function globPaths(pattern, base, budget = globBudget()) {
  let paths = [pattern.startsWith("/") ? "/" : base];
  for (let raw of pattern.split("/")) {
    if (raw === "") continue;
    if (!hasGlob(raw)) {
      paths = paths.map((p) => join(p, unescaped(raw)));
      continue;
    }
    let part = raw.replace(/\*{2,}/g, "*");
    if (part.length > PATTERN_MAX) return { paths: [], complete: !1 };
    let next = [];
    for (let dir of paths) {
      let listed = names(dir, budget);
      if (listed === void 0) return { paths: next, complete: !1 };
      for (let name of listed) {
        if (budget.steps -= part.length * (name.length + 1), budget.steps < 0) return { paths: next, complete: !1 };
        (part.startsWith(".") || !name.startsWith(".")) && globMatches(part, name) && next.push(join(dir, name));
      }
    }
    if (paths = next, paths.length === 0) break;
  }
  return { paths, complete: !0 };
}

// scripts/lib/text/trim.ts
function trimEndOf(text2, chars) {
  let end = text2.length;
  for (; end > 0 && chars.includes(text2[end - 1]); ) end--;
  return end === text2.length ? text2 : text2.slice(0, end);
}

// scripts/lib/guardian/shell.ts
var Vars = class {
  values = /* @__PURE__ */ new Map();
  undo = [];
  get(name) {
    return this.values.get(name);
  }
  set(name, value) {
    this.undo.push({ name, had: this.values.has(name), value: this.values.get(name) }), this.values.set(name, value);
  }
  /** The point that `rollback` returns to. */
  mark() {
    return this.undo.length;
  }
  /** Undoes every change made since `mark`, latest first. */
  rollback(mark) {
    for (; this.undo.length > mark; ) {
      let { name, had, value } = this.undo.pop();
      had ? this.values.set(name, value) : this.values.delete(name);
    }
  }
}, MAX_DEPTH = 8, MAX_LOOP_RUNS = 64, MAX_LOOP_READINGS = 1024, MAX_EXPANSION = 256 * 1024, text = (w) => w.parts.map((p) => p.text).join(""), exact = (w) => w.parts.every((p) => p.known), knownStart = (w) => text({
  parts: w.parts.slice(
    0,
    w.parts.findIndex((p) => !p.known)
  )
}), literal = (w) => exact(w) ? text(w) : void 0, asInput = (w) => exact(w) ? text(w) : w.raw ?? text(w), NAME = /^[A-Za-z_][A-Za-z0-9_]*$/, EMPTY_WORD = { parts: [] }, POSITIONAL = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "@", "*"];
function valueText(v) {
  if (v !== void 0)
    return typeof v == "string" ? v : "parts" in v ? asInput(v) : v.fed?.texts.join(`
`) ?? v.text;
}
function allPositionals(words) {
  let globbed = words.some((w) => w.parts.some((p) => p.glob)), value = {
    text: "$@",
    known: !1,
    fed: { texts: words.map(asInput) },
    ...globbed && { each: words, size: words.reduce((n, w) => n + text(w).length, 0) }
  };
  return [
    ["@", value],
    ["*", { ...value, text: "$*" }]
  ];
}
function setAllPositionals(vars, words) {
  for (let [name, value] of allPositionals(words)) vars.set(name, value);
}
var METACHAR = /[ \t\n;&|()<>]/, MKTEMP = /^[ \t\n]*mktemp(?:[ \t][^;&|<>`()\n]*)?$/, hasUpStep = (path) => path.split("/").includes("..");
function underFresh(w, scope) {
  let [first, ...rest] = w.parts;
  return first?.fresh ? rest.every((p) => p.known) && !hasUpStep(text(w).slice(first.text.length)) : scope.fresh === !0 && exact(w) && !text(w).startsWith("/") && !hasUpStep(text(w));
}
var BRACKET_MAX = 256;
function bracketAt(src, i) {
  let stop = Math.min(src.length, i + BRACKET_MAX), k = i + 1;
  (src[k] === "!" || src[k] === "^") && k++;
  let exact2 = src[k] !== "]";
  for (exact2 || k++; k < stop; ) {
    let c = src[k];
    if (c === "]") return { end: k + 1, exact: exact2 };
    if (/[ \t\n;&|()<>/`]/.test(c)) return;
    if (c === "[" && /[:.=]/.test(src[k + 1] ?? "")) {
      let close = src.indexOf(`${src[k + 1]}]`, k + 2);
      k = close >= 0 && close + 2 <= stop ? close + 2 : k + 1;
      continue;
    } else if (c === "'" || c === '"' || c === "$" && src[k + 1] === "'") {
      let open = c === "$" ? k + 1 : k, close = src.indexOf(src[open], open + 1);
      if (close < 0 || close >= stop) return;
      k = close + 1;
    } else if (c === "\\") k += 2;
    else if (c === "$" || c === "{" || c === "}" || c === ",") k++;
    else {
      k++;
      continue;
    }
    exact2 = !1;
  }
}
function globPattern(w) {
  if (!(!w.parts.some((p) => p.glob) || !w.parts.every((p) => p.known || p.glob)))
    return w.parts.map((p) => p.glob ? p.text : p.text.replace(/[*?[\\]/g, "\\$&")).join("");
}
function globEndsLikeLog(w) {
  let slash = text(w).lastIndexOf("/"), offset = 0, pattern = "", glob = !1;
  for (let p of w.parts) {
    let end = offset + p.text.length;
    if (end > slash) {
      let piece = p.text.slice(Math.max(0, slash + 1 - offset));
      p.glob && (glob = !0), pattern += p.glob ? piece : p.known ? piece.toLowerCase().replace(/[*?[\\]/g, "\\$&") : "*";
    }
    offset = end;
  }
  return glob && globMatches(pattern, "log.md", { anyCase: !0 });
}
function lastName(w) {
  let all = text(w), slash = all.lastIndexOf("/"), offset = 0;
  for (let p of w.parts) {
    let end = offset + p.text.length;
    if (!p.known && end > slash) return;
    offset = end;
  }
  let name = all.slice(slash + 1);
  return name === "" ? void 0 : name;
}
var GLOB = /* @__PURE__ */ new Set(["*", "?", "["]);
function builtName(w) {
  let all = text(w);
  if (all.endsWith("/")) return !1;
  let slash = all.lastIndexOf("/"), offset = 0, known = !1, built = !1;
  for (let p of w.parts) {
    let end = offset + p.text.length;
    if (end > slash + 1)
      if (p.known && !p.bound) known = !0;
      else {
        if (GLOB.has(p.text)) return !1;
        built = !0;
      }
    offset = end;
  }
  return known && built;
}
function endingCanBeLog(w) {
  let suffix = "";
  for (let k = w.parts.length - 1; k >= 0 && w.parts[k].known; k--) suffix = w.parts[k].text + suffix;
  return "log.md".endsWith(suffix.toLowerCase());
}
var MAX_DIR = 16 * 1024;
function joinPath(dir, rel) {
  if (rel.startsWith("/") || dir === "") return rel.length > MAX_DIR ? void 0 : rel;
  if (!(dir.length + rel.length >= MAX_DIR))
    return dir.endsWith("/") ? dir + rel : `${dir}/${rel}`;
}
function baseName(path) {
  let trimmed = trimEndOf(path, "/");
  return trimmed.slice(trimmed.lastIndexOf("/") + 1);
}
var SIMPLE_ESCAPES = {
  n: `
`,
  t: "	",
  r: "\r",
  a: "\x07",
  b: "\b",
  e: "\x1B",
  E: "\x1B",
  f: "\f",
  v: "\v",
  "\\": "\\",
  "'": "'",
  '"': '"',
  "?": "?"
};
function ansiC(body) {
  let out = "";
  for (let k = 0; k < body.length; k++) {
    let c = body[k];
    if (c !== "\\") {
      out += c;
      continue;
    }
    let e = body[++k];
    if (e === void 0) return;
    let simple = SIMPLE_ESCAPES[e], hex = /^(?:x([0-9A-Fa-f]{1,2})|u([0-9A-Fa-f]{1,4})|U([0-9A-Fa-f]{1,8}))/.exec(body.slice(k)), octal = /^[0-7]{1,3}/.exec(body.slice(k));
    if (simple !== void 0) out += simple;
    else if (hex) {
      let code = parseInt(hex[1] ?? hex[2] ?? hex[3], 16);
      if (code > 1114111) return;
      out += String.fromCodePoint(code), k += hex[0].length - 1;
    } else if (octal)
      out += String.fromCharCode(parseInt(octal[0], 8) & 255), k += octal[0].length - 1;
    else return;
  }
  return out;
}
var MAX_BRACE_WORDS = 64, MAX_BRACE_GROUPS = 16, MAX_BRACE_PARTS = 1024;
function expandBraces(word, depth = 0) {
  let p = word.parts;
  if (depth > MAX_BRACE_GROUPS || p.length > MAX_BRACE_PARTS) return [{ parts: p.map((x) => x.brace ? { text: x.text, known: !1 } : x), raw: word.raw }];
  let open = [], group;
  for (let k = 0; k < p.length; k++) {
    let part = p[k];
    if (part.brace)
      if (part.text === "{") open.push({ at: k, commas: [] });
      else if (part.text === ",") open[open.length - 1]?.commas.push(k);
      else {
        let g = open.pop();
        g && g.commas.length > 0 && (!group || g.at < group.at) && (group = { ...g, close: k });
      }
  }
  if (!group) return [word];
  let bounds = [group.at, ...group.commas, group.close], out = [];
  for (let a = 0; a + 1 < bounds.length && out.length < MAX_BRACE_WORDS; a++) {
    let alternative = { parts: [...p.slice(0, group.at), ...p.slice(bounds[a] + 1, bounds[a + 1]), ...p.slice(group.close + 1)], raw: word.raw };
    out.push(...expandBraces(alternative, depth + 1));
  }
  return out.slice(0, MAX_BRACE_WORDS);
}
var MAX_QUOTE_NEST = 64;
function closingParen(src, from, nest = 0) {
  let depth = 1, arithmeticAt = -1, heredocs = [], wordStart = !0, j = from;
  for (; j < src.length; ) {
    let c = src[j], atWordStart = wordStart;
    if (wordStart = !1, c === "\\") j += 2;
    else if (c === "'") {
      let end = src.indexOf("'", j + 1);
      j = end === -1 ? src.length : end + 1;
    } else if (c === '"') j = closingQuote(src, j + 1, nest);
    else if (c === "`") j = closingBackquote(src, j + 1);
    else if (c === "#" && atWordStart) {
      let end = src.indexOf(`
`, j);
      j = end === -1 ? src.length : end;
    } else if (c === `
`)
      j = pastHeredocBodies(src, j + 1, heredocs), wordStart = !0;
    else if (c === "(")
      src[j - 1] === "(" && arithmeticAt < 0 && (arithmeticAt = depth), depth++, j++, wordStart = !0;
    else if (c === ")") {
      if (--depth === 0) return j;
      depth === arithmeticAt && (arithmeticAt = -1), j++, wordStart = !0;
    } else c === "<" && src.startsWith("<<<", j) ? j += 3 : c === "<" && src[j + 1] === "<" && arithmeticAt < 0 ? j = heredocStart(src, j + 2, heredocs) : (wordStart = c === " " || c === "	" || c === ";" || c === "&" || c === "|" || c === "<" || c === ">", j++);
  }
  return src.length;
}
function closingQuote(src, from, nest) {
  let j = from;
  for (; j < src.length; ) {
    let c = src[j];
    if (c === '"') return j + 1;
    c === "\\" ? j += 2 : c === "`" ? j = closingBackquote(src, j + 1) : c === "$" && src[j + 1] === "(" && nest < MAX_QUOTE_NEST ? j = closingParen(src, j + 2, nest + 1) + 1 : j++;
  }
  return src.length;
}
function closingBackquote(src, from) {
  let j = from;
  for (; j < src.length && src[j] !== "`"; ) j += src[j] === "\\" ? 2 : 1;
  return Math.min(j + 1, src.length);
}
function heredocStart(src, from, heredocs) {
  let j = from, stripTabs = src[j] === "-";
  for (stripTabs && j++; src[j] === " " || src[j] === "	"; ) j++;
  let delimiter2 = "";
  for (; j < src.length && !METACHAR.test(src[j]); ) {
    let c = src[j];
    if (c === "'" || c === '"') {
      let end = src.indexOf(c, j + 1), stop = end === -1 ? src.length : end;
      delimiter2 += src.slice(j + 1, stop), j = stop + 1;
    } else c === "\\" ? (delimiter2 += src[j + 1] ?? "", j += 2) : (delimiter2 += c, j++);
  }
  return delimiter2 !== "" && heredocs.push({ delimiter: delimiter2, stripTabs }), j;
}
function heredocBody(src, from, { delimiter: delimiter2, stripTabs }) {
  let j = from;
  for (; j < src.length; ) {
    let end = src.indexOf(`
`, j);
    end === -1 && (end = src.length);
    let line = src.slice(j, end);
    if (stripTabs && (line = line.replace(/^\t+/, "")), line === delimiter2) return { end: j, next: Math.min(end + 1, src.length) };
    j = Math.min(end + 1, src.length);
  }
  return { end: src.length, next: src.length };
}
function pastHeredocBodies(src, from, heredocs) {
  let j = from;
  for (; heredocs.length > 0 && j < src.length; ) j = heredocBody(src, j, heredocs.shift()).next;
  return heredocs.length = 0, j;
}
var Lexer = class _Lexer {
  constructor(src, scope, home, nested, spend) {
    this.src = src;
    this.scope = scope;
    this.home = home;
    this.nested = nested;
    this.spend = spend;
  }
  src;
  scope;
  home;
  nested;
  spend;
  i = 0;
  pendingHeredocs = [];
  /** Lazily: a variable assigned by one command is known when the next one is read. */
  *tokens() {
    for (; ; ) {
      if (this.skipBlanks(), this.i >= this.src.length) return;
      let c = this.src[this.i];
      if (c === "#") {
        for (; this.i < this.src.length && this.src[this.i] !== `
`; ) this.i++;
        continue;
      }
      if (c === `
`) {
        this.i++, this.skipHeredocBodies(), yield { t: "op", op: ";" };
        continue;
      }
      if (this.src.startsWith("((", this.i)) {
        this.nested(this.balanced(this.i + 1)), yield { t: "word", word: { parts: [{ text: "((…))", known: !1 }] } };
        continue;
      }
      let op = this.atProcessSubstitution() ? void 0 : this.operator();
      if (op) {
        yield op;
        continue;
      }
      let at = this.i, word = this.word();
      if (this.i === at) throw new Error(`shell reader: no token at character ${at}`);
      /^\d+$/.test(text(word)) && exact(word) && /[<>]/.test(this.src[this.i] ?? "") || (yield { t: "word", word });
    }
  }
  skipBlanks() {
    for (; ; ) {
      let c = this.src[this.i];
      if (c === " " || c === "	") this.i++;
      else if (c === "\\" && this.src[this.i + 1] === `
`) this.i += 2;
      else return;
    }
  }
  skipHeredocBodies() {
    for (; this.pendingHeredocs.length > 0 && this.i < this.src.length; ) {
      let heredoc = this.pendingHeredocs.shift(), { end, next } = heredocBody(this.src, this.i, heredoc);
      heredoc.body.text = this.src.slice(this.i, end), heredoc.expands && new _Lexer(this.src.slice(this.i, end), this.scope, this.home, this.nested, this.spend).expandedBody(), this.i = next;
    }
  }
  /** An unquoted heredoc body: read as a double-quoted string to its end (a `"` is text there). */
  expandedBody() {
    this.doubleQuoted(() => {
    }, !1);
  }
  operator() {
    let rest = this.src.slice(this.i, this.i + 3);
    for (let op of ["&>>", "&&", "||", ";;", "|&", "&>", ">>", ">|", ">&", "<>", "<<<", "<<-", "<<", "<&", ">", "<", ";", "&", "|", "(", ")"]) {
      if (!rest.startsWith(op)) continue;
      if (this.i += op.length, !/[<>]/.test(op)) return { t: "op", op: op === "|&" ? "|" : op };
      if (this.skipBlanks(), op === ">&" || op === "<&") {
        let m = /^(?:\d+|-)(?=[ \t\n;&|()<>]|$)/.exec(this.src.slice(this.i));
        return m || op === "<&" ? (m ? this.i += m[0].length : this.word(), { t: "redir", op: "<", target: void 0 }) : { t: "redir", op: "&>", target: this.word() };
      }
      let target = this.i < this.src.length && (!/[\n;&|()<>]/.test(this.src[this.i]) || this.atProcessSubstitution()) ? this.word() : void 0;
      if ((op === "<<" || op === "<<-") && target) {
        let body = { text: void 0 };
        return this.pendingHeredocs.push({ delimiter: text(target), stripTabs: op === "<<-", expands: !/['"\\]/.test(target.raw ?? ""), body }), { t: "redir", op, target, body };
      }
      return { t: "redir", op, target };
    }
  }
  atProcessSubstitution() {
    return /^[<>]\(/.test(this.src.slice(this.i, this.i + 2));
  }
  word() {
    let start = this.i, parts = [], add = (p) => {
      p.text !== "" && parts.push(p);
    }, push = (t, known) => add({ text: t, known }), atStart = () => parts.length === 0, bracket;
    for (this.atProcessSubstitution() && (this.nested(this.balanced(this.i + 2)), push(this.src.slice(start, this.i), !1)); this.i < this.src.length; ) {
      let c = this.src[this.i];
      if (METACHAR.test(c)) break;
      if (c === "\\") {
        let next = this.src[this.i + 1];
        this.i += 2, next !== void 0 && next !== `
` && push(next, !0);
      } else if (c === "'") {
        let end = this.src.indexOf("'", this.i + 1), stop = end === -1 ? this.src.length : end;
        push(this.src.slice(this.i + 1, stop), !0), this.i = stop + 1;
      } else if (c === '"')
        this.i++, this.doubleQuoted(add);
      else if (c === "$" && this.src[this.i + 1] === '"')
        this.i++;
      else if (c === "$")
        this.dollar(add, !0);
      else if (c === "`")
        this.backquoted(), push("`…`", !1);
      else if (c === "~" && atStart()) {
        let m = /^~(?=\/|[ \t\n;&|()<>]|$)/.exec(this.src.slice(this.i));
        this.i++, m && this.home !== void 0 ? push(this.home, !0) : push("~", !1);
      } else if (c === "[" && (bracket = bracketAt(this.src, this.i)) !== void 0)
        add({ text: bracket.exact ? this.src.slice(this.i, bracket.end) : "?", known: !1, glob: !0 }), this.i = bracket.end;
      else if (c === "*" || c === "?" || c === "[")
        this.i++, add({ text: c, known: !1, ...c !== "[" && { glob: !0 } });
      else if (c === "{" || c === "," || c === "}")
        this.i++, parts.push({ text: c, known: !0, brace: !0 });
      else {
        let j = this.i;
        for (; j < this.src.length && !/[ \t\n;&|()<>\\'"$`*?[{},]/.test(this.src[j]); ) j++;
        push(this.src.slice(this.i, j), !0), this.i = j;
      }
    }
    return { parts, raw: this.src.slice(start, this.i) };
  }
  doubleQuoted(add, closesAtQuote = !0) {
    let push = (t, known) => add({ text: t, known });
    for (; this.i < this.src.length; ) {
      let c = this.src[this.i];
      if (c === '"') {
        if (this.i++, closesAtQuote) return;
        push('"', !0);
        continue;
      }
      if (c === "\\") {
        let next = this.src[this.i + 1];
        if (this.i += 2, next === void 0) return;
        '$`"\\'.includes(next) ? push(next, !0) : next !== `
` && push(`\\${next}`, !0);
      } else if (c === "$")
        this.dollar(add);
      else if (c === "`")
        this.backquoted(), push("`…`", !1);
      else {
        let j = this.i;
        for (; j < this.src.length && !'"\\$`'.includes(this.src[j]); ) j++;
        push(this.src.slice(this.i, j), !0), this.i = j;
      }
    }
  }
  /** `$NAME`, `${NAME}`, `$(…)`, `$((…))`, `$'…'`, or a lone `$`. */
  /** `unquoted`: outside double quotes, where bash expands a `*` or `?` a value holds as a glob. */
  dollar(add, unquoted = !1) {
    let push = (t, known) => {
      if (!unquoted || !known || !/[*?[]/.test(t)) return add({ text: t, known });
      for (let piece of t.split(/(\[[^\]]*\]|[*?])/)) {
        if (piece === "") continue;
        let glob = piece === "*" || piece === "?" || piece.startsWith("[") && piece.length > 2;
        add(glob ? { text: piece.startsWith("[") ? "?" : piece, known: !1, glob: !0 } : { text: piece, known: !0 });
      }
    }, rest = this.src.slice(this.i + 1);
    if (rest.startsWith("(")) {
      let inner = this.balanced(this.i + 2);
      this.nested(inner), add({ text: "$(…)", known: !1, fed: { texts: [inner] }, ...MKTEMP.test(inner) && { fresh: !0 } });
      return;
    }
    if (rest.startsWith("'")) {
      let j = this.i + 2;
      for (; j < this.src.length && this.src[j] !== "'"; ) j += this.src[j] === "\\" ? 2 : 1;
      let decoded = ansiC(this.src.slice(this.i + 2, j));
      push(decoded ?? this.src.slice(this.i, j + 1), decoded !== void 0), this.i = j + 1;
      return;
    }
    let braced = /^\{([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[@*])\}/.exec(rest), plain = /^(?:[A-Za-z_][A-Za-z0-9_]*|[0-9@*])/.exec(rest), name = braced?.[1] ?? plain?.[0];
    if (name !== void 0) {
      this.i += 1 + (braced ? braced[0].length : name.length);
      let value = this.scope().vars.get(name);
      if (value !== void 0 && typeof value == "object" && "parts" in value) {
        if (this.spend(text(value).length)) for (let p of value.parts) add(p);
        else add({ text: `$${name}`, known: !1, fed: { texts: [asInput(value)] } });
        return;
      }
      let size = typeof value == "string" ? value.length : value?.size ?? 0;
      value !== void 0 && !this.spend(size) ? add({ text: `$${name}`, known: !1, fed: typeof value == "string" ? { texts: [value] } : value.fed }) : typeof value == "object" ? add(value) : push(value ?? `$${name}`, value !== void 0);
      return;
    }
    if (rest.startsWith("{")) {
      let end = this.src.indexOf("}", this.i), stop = end === -1 ? this.src.length : end + 1, written = this.src.slice(this.i, stop), m = /^\$\{([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[@*]):?([-=+])([^}]*)\}$/.exec(written), fallback = m?.[3], operated = m ? void 0 : /^\$\{[!#]?([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[@*])[^A-Za-z0-9_}]/.exec(written)?.[1];
      fallback ? add({ text: written, known: !1, fed: { texts: [fallback] } }) : operated !== void 0 ? add({ text: written, known: !1, fed: { texts: [valueText(this.scope().vars.get(operated)) ?? written] } }) : push(written, !1), m && fallback && m[2] === "=" && /^[A-Za-z_]/.test(m[1]) && this.scope().vars.get(m[1]) === void 0 && this.scope().vars.set(m[1], /[$`\\'"]/.test(fallback) ? { text: `$${m[1]}`, known: !1, fed: { texts: [fallback] } } : fallback), this.i = stop;
      return;
    }
    let special = /^[0-9@*#?$!-]/.exec(rest);
    this.i += 1 + (special ? 1 : 0), push(special ? `$${special[0]}` : "$", !special);
  }
  /** The text up to the `)` matching an opening one just before `from`; moves past it. */
  balanced(from) {
    let end = closingParen(this.src, from);
    return this.i = Math.min(end + 1, this.src.length), this.src.slice(from, end);
  }
  backquoted() {
    let j = this.i + 1, inner = "";
    for (; j < this.src.length && this.src[j] !== "`"; )
      this.src[j] === "\\" && j + 1 < this.src.length ? (inner += this.src[j + 1], j += 2) : inner += this.src[j++];
    this.i = j + 1, this.nested(inner);
  }
}, OPTION_ARGS = {
  sudo: /* @__PURE__ */ new Set([
    "-u",
    "-g",
    "-C",
    "-D",
    "-h",
    "-p",
    "-r",
    "-t",
    "-U",
    "-T",
    "--user",
    "--group",
    "--chdir",
    "--host",
    "--prompt",
    "--role",
    "--type",
    "--other-user",
    "--command-timeout"
  ]),
  env: /* @__PURE__ */ new Set(["-u", "-C", "-S", "--unset", "--chdir", "--split-string"]),
  "git-checkout": /* @__PURE__ */ new Set(["-b", "-B", "--orphan", "--conflict", "--pathspec-from-file"]),
  "git-restore": /* @__PURE__ */ new Set(["-s", "--source", "--pathspec-from-file"]),
  "git-rm": /* @__PURE__ */ new Set(["--pathspec-from-file"]),
  "git-stash": /* @__PURE__ */ new Set(["-m", "--message", "--pathspec-from-file"]),
  nice: /* @__PURE__ */ new Set(["-n", "--adjustment"]),
  timeout: /* @__PURE__ */ new Set(["-s", "-k", "--signal", "--kill-after"]),
  xargs: /* @__PURE__ */ new Set(["-a", "-d", "-E", "-I", "-L", "-n", "-P", "-s", "--arg-file", "--delimiter", "--max-args", "--max-procs", "--max-chars", "--max-lines"]),
  command: /* @__PURE__ */ new Set(),
  builtin: /* @__PURE__ */ new Set(),
  exec: /* @__PURE__ */ new Set(["-a"]),
  nohup: /* @__PURE__ */ new Set(),
  time: /* @__PURE__ */ new Set(["-f", "-o", "--format", "--output"]),
  stdbuf: /* @__PURE__ */ new Set(["-i", "-o", "-e"]),
  doas: /* @__PURE__ */ new Set(["-u", "-C"]),
  busybox: /* @__PURE__ */ new Set(),
  coproc: /* @__PURE__ */ new Set(),
  setsid: /* @__PURE__ */ new Set(),
  ionice: /* @__PURE__ */ new Set(["-c", "-n", "-p", "-P", "-u", "--class", "--classdata", "--pid", "--pgid", "--uid"]),
  chrt: /* @__PURE__ */ new Set(["-T", "-P", "-D", "--sched-runtime", "--sched-period", "--sched-deadline"]),
  taskset: /* @__PURE__ */ new Set(),
  flock: /* @__PURE__ */ new Set(["-w", "-E", "-c", "--timeout", "--wait", "--conflict-exit-code", "--command"]),
  su: /* @__PURE__ */ new Set(["-c", "-g", "-G", "-s", "-w", "--command", "--session-command", "--group", "--supp-group", "--shell", "--whitelist-environment"]),
  runuser: /* @__PURE__ */ new Set([
    "-c",
    "-g",
    "-G",
    "-s",
    "-u",
    "-w",
    "--command",
    "--session-command",
    "--group",
    "--supp-group",
    "--shell",
    "--user",
    "--whitelist-environment"
  ]),
  watch: /* @__PURE__ */ new Set(["-n", "-d", "-q", "--interval", "--differences", "--equexit"]),
  script: /* @__PURE__ */ new Set(["-c", "--command", "-E", "--echo", "-I", "--log-in", "-O", "--log-out", "-B", "--log-io", "-T", "--log-timing", "-m", "--logging-format"]),
  cp: /* @__PURE__ */ new Set(["-S", "-t", "--suffix", "--target-directory"]),
  mv: /* @__PURE__ */ new Set(["-S", "-t", "--suffix", "--target-directory"]),
  install: /* @__PURE__ */ new Set(["-m", "-o", "-g", "-S", "-t", "--mode", "--owner", "--group", "--suffix", "--target-directory"]),
  ln: /* @__PURE__ */ new Set(["-S", "-t", "--suffix", "--target-directory"]),
  rsync: /* @__PURE__ */ new Set(["-e", "--rsh", "--exclude", "--include", "--filter", "-f", "-T", "--temp-dir"]),
  truncate: /* @__PURE__ */ new Set(["-s", "-r", "--size", "--reference"]),
  rm: /* @__PURE__ */ new Set(),
  unlink: /* @__PURE__ */ new Set(),
  shred: /* @__PURE__ */ new Set(["-n", "-s", "--iterations", "--size", "--random-source"]),
  tee: /* @__PURE__ */ new Set(),
  sponge: /* @__PURE__ */ new Set(),
  awk: /* @__PURE__ */ new Set(["-f", "-v", "-F", "-i", "-e", "--file", "--assign", "--field-separator", "--include", "--source"]),
  gawk: /* @__PURE__ */ new Set(["-f", "-v", "-F", "-i", "-e", "--file", "--assign", "--field-separator", "--include", "--source"]),
  patch: /* @__PURE__ */ new Set(["-i", "-o", "-p", "-d", "-D", "-B", "-F", "-r", "-V", "-Y", "-z", "--input", "--output", "--strip", "--directory", "--reject-file"]),
  read: /* @__PURE__ */ new Set(["-a", "-d", "-i", "-n", "-N", "-p", "-t", "-u"]),
  // The options of curl and wget that name a file written (others that take a value are read as
  // flags: their values are not URLs, so they name nothing written).
  curl: /* @__PURE__ */ new Set(["-o", "--output", "--output-dir", "-D", "--dump-header", "-c", "--cookie-jar", "--trace", "--trace-ascii", "--stderr"]),
  wget: /* @__PURE__ */ new Set(["-O", "--output-document", "-o", "--output-file", "-a", "--append-output"]),
  sort: /* @__PURE__ */ new Set([
    "-o",
    "-k",
    "-t",
    "-S",
    "-T",
    "--output",
    "--key",
    "--field-separator",
    "--buffer-size",
    "--temporary-directory",
    "--files0-from",
    "--batch-size",
    "--compress-program",
    "--parallel",
    "--random-source"
  ])
}, WRAPPERS = /* @__PURE__ */ new Set([
  "sudo",
  "doas",
  "env",
  "nice",
  "ionice",
  "chrt",
  "taskset",
  "setsid",
  "flock",
  "timeout",
  "xargs",
  "command",
  "builtin",
  "exec",
  "nohup",
  "time",
  "stdbuf",
  "busybox",
  "coproc"
]), LEADING_OPERAND = /* @__PURE__ */ new Set(["timeout", "chrt", "taskset", "flock"]), SHELLS = /* @__PURE__ */ new Set(["sh", "bash", "dash", "zsh", "ksh"]), DECLARATIONS = /* @__PURE__ */ new Set(["export", "local", "declare", "typeset", "readonly"]), LIST_OPS = /* @__PURE__ */ new Set([";", "&&", "||", "&", ";;"]), INPUT_REDIRS = /* @__PURE__ */ new Set(["<", "<<<", "<>"]), KEYWORDS = /* @__PURE__ */ new Set(["if", "then", "else", "elif", "do", "while", "until", "!"]), OUTPUT_REDIRS = /* @__PURE__ */ new Map([
  [">", "replace"],
  [">|", "replace"],
  ["&>", "replace"],
  ["<>", "replace"],
  [">>", "append"],
  ["&>>", "append"]
]);
function dropChars(w, n) {
  let parts = [];
  for (let p of w.parts)
    n >= p.text.length ? n -= p.text.length : (parts.push(n > 0 ? { ...p, text: p.text.slice(n) } : p), n = 0);
  return { parts };
}
function operands(name, args) {
  let takesArg = OPTION_ARGS[name] ?? /* @__PURE__ */ new Set(), options = [], values = /* @__PURE__ */ new Map(), out = [], optionsDone = !1;
  for (let k = 0; k < args.length; k++) {
    let w = args[k], t = text(w);
    if (optionsDone || !t.startsWith("-") || t === "-") {
      out.push(w);
      continue;
    }
    if (t === "--") {
      optionsDone = !0;
      continue;
    }
    if (t.startsWith("--")) {
      let eq = t.indexOf("="), option = longOption(eq > 0 ? t.slice(0, eq) : t, takesArg);
      options.push(option), eq > 0 ? values.set(option, dropChars(w, eq + 1)) : takesArg.has(option) && k + 1 < args.length && values.set(option, args[++k]);
      continue;
    }
    options.push(t);
    for (let c = 1; c < t.length; c++) {
      let flag = `-${t[c]}`;
      if (takesArg.has(flag)) {
        c < t.length - 1 ? values.set(flag, dropChars(w, c + 1)) : k + 1 < args.length && values.set(flag, args[++k]);
        break;
      }
    }
  }
  return { options, values, operands: out };
}
function longOption(given, known) {
  if (known.has(given) || given.length < 3) return given;
  let match;
  for (let o of known)
    if (o.startsWith(given)) {
      if (match !== void 0) return given;
      match = o;
    }
  return match ?? given;
}
var VALUE_FLAGS = { perl: "MmIFCdDxV", ruby: "rICFKTWx" };
function inPlaceTargets(name, args) {
  let inPlace = !1, scriptGiven = !1, files = [], optionsDone = !1;
  for (let k = 0; k < args.length; k++) {
    let w = args[k], t = text(w);
    if (optionsDone || !t.startsWith("-") || t === "-") {
      files.push(w);
      continue;
    }
    if (t === "--") {
      optionsDone = !0;
      continue;
    }
    if (t.startsWith("--")) {
      t.startsWith("--in-place") && (inPlace = !0), /^--(?:expression|file)$/.test(t) ? (scriptGiven = !0, k++) : /^--(?:expression|file)=/.test(t) ? scriptGiven = !0 : t === "--line-length" && k++;
      continue;
    }
    for (let c = 1; c < t.length; c++) {
      let flag = t[c];
      if (VALUE_FLAGS[name]?.includes(flag)) break;
      if (flag === "i") {
        inPlace = !0;
        break;
      }
      if (flag === "e" || flag === "E" && name !== "sed" || flag === "f" || flag === "l" && name === "sed") {
        flag !== "l" && (scriptGiven = !0), c === t.length - 1 && k++;
        break;
      }
    }
  }
  if (inPlace)
    return scriptGiven ? files : files.slice(1);
}
function commandWrites(name, args, emit, nested, depth) {
  switch (name) {
    case "sed":
    case "gsed":
    // GNU sed's name on macOS (Homebrew)
    case "perl":
    case "ruby": {
      for (let w of inPlaceTargets(name === "gsed" ? "sed" : name, args) ?? []) emit(w, "replace", `${name} -i`);
      return;
    }
    case "tee":
    case "sponge": {
      let { options, operands: files } = operands(name, args), append = options.some((o) => o === "--append" || /^-[a-z]*a/.test(o));
      for (let w of files) emit(w, append ? "append" : "replace", append ? `${name} -a` : name);
      return;
    }
    case "awk":
    case "gawk": {
      let { options, values, operands: files } = operands(name, args), include = values.get("-i") ?? values.get("--include");
      if (!(include && /^inplace(?:\.awk)?$/.test(text(include)) || options.some((o) => /^-iinplace/.test(o)))) return;
      let programGiven = values.has("-f") || values.has("--file") || values.has("-e") || values.has("--source");
      for (let w of programGiven ? files : files.slice(1)) /^[A-Za-z_][A-Za-z0-9_]*=/.test(text(w)) || emit(w, "replace", `${name} -i inplace`);
      return;
    }
    case "cp":
    case "mv":
    case "install":
    case "ln":
    case "rsync": {
      let { options, values, operands: files } = operands(name, args), intoDir = values.get("-t") ?? values.get("--target-directory"), sources = intoDir ? files : files.slice(0, -1), dest = intoDir ?? files[files.length - 1], noFolder = name !== "rsync" && options.some((o) => o === "--no-target-directory" || !o.startsWith("--") && clusterHas(o, "T", OPTION_ARGS[name]));
      if (!dest || !intoDir && files.length < 2) return;
      intoDir || emit(dest, "replace", name);
      let last = lastName(dest) ?? "", file = builtName(dest) || sources.length === 1 && !exact(dest) && last.lastIndexOf(".") > 0 && !last.endsWith(".");
      for (let src of !noFolder && (intoDir !== void 0 || !file) ? sources : []) {
        let srcName = lastName(src), slash = text(dest).endsWith("/") ? "" : "/", into = exact(dest) || !slash ? name : `${name}, if ${text(dest)} is a folder,`;
        srcName !== void 0 && emit({ parts: [...dest.parts, { text: slash + baseName(srcName), known: !0 }] }, "replace", into);
      }
      if (name === "mv") for (let src of sources) emit(src, "remove", "mv");
      return;
    }
    case "rm":
    case "unlink":
      for (let w of operands(name, args).operands) emit(w, "remove", name);
      return;
    case "shred":
    case "truncate":
      for (let w of operands(name, args).operands) emit(w, "replace", name);
      return;
    case "dd":
      for (let w of args)
        text(w).startsWith("of=") && emit(dropChars(w, 3), "replace", "dd of=");
      return;
    case "patch": {
      let { options, values, operands: files } = operands(name, args);
      if (options.some((o) => o === "--dry-run" || o === "--check" || o === "-C")) return;
      let out = values.get("-o") ?? values.get("--output");
      out ? emit(out, "replace", "patch -o") : files[0] && emit(files[0], "replace", "patch");
      return;
    }
    case "sort": {
      let out = operands(name, args).values, file = out.get("-o") ?? out.get("--output");
      file && emit(file, "replace", "sort -o");
      return;
    }
    case "curl":
      curlWrites(args, emit);
      return;
    case "wget": {
      let { values } = operands("wget", args), out = values.get("-O") ?? values.get("--output-document");
      out && text(out) !== "-" && emit(out, "replace", "wget -O");
      let log = values.get("-o") ?? values.get("--output-file");
      log && emit(log, "replace", "wget -o");
      let appended = values.get("-a") ?? values.get("--append-output");
      appended && emit(appended, "append", "wget -a");
      return;
    }
    case "find":
      findWrites(args, emit, nested, depth);
      return;
    case "git":
      gitWrites(args, emit, nested, depth);
      return;
    case "eval":
      depth < MAX_DEPTH && nested(args.map(text).join(" "));
      return;
    case "script":
      scriptWrites(args, emit, nested, depth);
      return;
    case "su":
    case "runuser": {
      let { values, operands: words } = operands(name, args), script = values.get("-c") ?? values.get("--command") ?? values.get("--session-command");
      if (depth >= MAX_DEPTH) return;
      script ? nested(text(script)) : name === "runuser" && (values.has("-u") || values.has("--user")) && words.length > 0 && nested(words.map(text).join(" "));
      return;
    }
    case "trap": {
      let rest = args[0] && text(args[0]) === "--" ? args.slice(1) : args;
      rest.length >= 2 && !text(rest[0]).startsWith("-") && depth < MAX_DEPTH && nested(text(rest[0]));
      return;
    }
    case "watch": {
      let words = operands(name, args).operands;
      words.length > 0 && depth < MAX_DEPTH && nested(words.map(text).join(" "));
      return;
    }
    default: {
      let run = SHELLS.has(name) && depth < MAX_DEPTH ? commandString(args) : void 0;
      run && nested(
        text(run.script),
        new Map([...run.parameters.map((w, i) => [String(i), exact(w) ? text(w) : w]), ...allPositionals(run.parameters.slice(1))])
      );
    }
  }
}
function scriptWrites(args, emit, nested, depth) {
  let { options, values, operands: files } = operands("script", args);
  for (let option of ["-O", "--log-out", "-I", "--log-in", "-B", "--log-io", "-T", "--log-timing"]) {
    let file2 = values.get(option);
    file2 && emit(file2, "replace", `script ${option}`);
  }
  let takesArg = OPTION_ARGS.script, append = options.some((o) => o === "--append" || !o.startsWith("--") && clusterHas(o, "a", takesArg)), file = files[0];
  if (file && emit(file, append ? "append" : "replace", append ? "script -a" : "script"), depth >= MAX_DEPTH) return;
  let command = values.get("-c") ?? values.get("--command");
  if (command) nested(text(command));
  else if (file) {
    let rest = args.slice(args.indexOf(file) + 1);
    rest.length > 0 && nested(rest.map(text).join(" "));
  }
}
function clusterHas(cluster, letter, takesArg) {
  for (let c = 1; c < cluster.length; c++) {
    if (cluster[c] === letter) return !0;
    if (takesArg.has(`-${cluster[c]}`)) return !1;
  }
  return !1;
}
function commandString(args) {
  let command = !1, k = 0;
  for (; k < args.length; k++) {
    let t = text(args[k]);
    if (t === "--" || t === "-") {
      k++;
      break;
    }
    if (t.length < 2 || t[0] !== "-" && t[0] !== "+") break;
    if (t.startsWith("--")) {
      (t === "--rcfile" || t === "--init-file") && k++;
      continue;
    }
    t[0] === "-" && t.includes("c") && (command = !0), (t.endsWith("o") || t.endsWith("O")) && k++;
  }
  let script = args[k];
  return command && script ? { script, parameters: args.slice(k + 1) } : void 0;
}
var LOG_PATHS = ["./log.md", "./_kernel/log.md", "./04_ventures/garden/_kernel/log.md", "a/b/c/d/e/_core/log.md", "/w/02_life/x/y/log.md"], FIND_VALUE_TESTS = /* @__PURE__ */ new Set([
  "-name",
  "-iname",
  "-path",
  "-ipath",
  "-wholename",
  "-iwholename",
  "-regex",
  "-iregex",
  "-newer",
  "-perm",
  "-type",
  "-user",
  "-group",
  "-size",
  "-mtime",
  "-mmin",
  "-maxdepth",
  "-mindepth",
  "-printf",
  "-fprint",
  "-fprintf",
  "-fls"
]);
function findWrites(args, emit, nested, depth) {
  let matched = !1, excluded = !1, alternatives = args.some((w) => text(w) === "-o" || text(w) === "-or");
  for (let k = 0; k + 1 < args.length; k++) {
    let test = text(args[k]);
    if (/^-i?regex$/.test(test)) {
      if (!regexMayMatchLog(text(args[k + 1]), test === "-iregex")) continue;
    } else {
      if (!/^-i?(?:name|path|wholename)$/.test(test)) continue;
      let pattern = text(args[k + 1]), anyCase = { anyCase: test.startsWith("-i") }, byName = /name$/.test(test), before2 = k > 0 ? text(args[k - 1]) : "";
      if (before2 === "!" || before2 === "-not") {
        (byName ? globMatches(pattern, "log.md", anyCase) : LOG_PATHS.every((path) => globMatches(pattern, path, anyCase))) && (excluded = !alternatives);
        continue;
      }
      if (!(byName ? globMatches(pattern, "log.md", anyCase) : pathPatternMayMatchLog(pattern, anyCase))) continue;
      matched = !0;
      continue;
    }
    let before = k > 0 ? text(args[k - 1]) : "";
    before === "!" || before === "-not" ? excluded = !alternatives : matched = !0;
  }
  let name = matched && !excluded ? "log.md" : void 0, found = {
    parts: [
      { text: "<found by find>", known: !1 },
      { text: `/${name ?? "*"}`, known: name !== void 0 }
    ]
  };
  for (let k = 0; k < args.length; k++) {
    let t = text(args[k]);
    if ((t === "-fprint" || t === "-fls" || t === "-fprintf") && args[k + 1])
      emit(args[k + 1], "replace", `find ${t}`), k += t === "-fprintf" ? 2 : 1;
    else if (FIND_VALUE_TESTS.has(t)) k++;
    else if (t === "-delete") emit(found, "remove", "find -delete");
    else if (/^-(?:exec|execdir|ok|okdir)$/.test(t)) {
      let end = k + 1;
      for (; end < args.length && text(args[end]) !== ";" && text(args[end]) !== "+"; ) end++;
      let runs = k + 1 < end ? baseName(text(args[k + 1])) : "", command = args.slice(k + 1, end).map((w, i) => withFound(w, found, i > 0 && SHELLS.has(runs)));
      if (command.length > 0 && depth < MAX_DEPTH) {
        let withFoundVariable = (script, bindings) => nested(script, new Map([...bindings ?? [], [FOUND, found]]));
        commandWrites(runs, command.slice(1), (w, kind, via) => emit(w, kind, `find ${t} ${via}`), withFoundVariable, depth + 1);
      }
      k = end;
    }
  }
}
function regexMayMatchLog(pattern, insensitive) {
  if (pattern.includes("|")) return !0;
  let tail = "", k = pattern.endsWith("$") && !pattern.endsWith("\\$") ? pattern.length - 1 : pattern.length;
  for (; k > 0; ) {
    let c = pattern[k - 1];
    if (pattern[k - 2] === "\\" && /[./-]/.test(c))
      tail = c + tail, k -= 2;
    else if (/[A-Za-z0-9_/-]/.test(c))
      tail = c + tail, k--;
    else break;
  }
  let t = insensitive ? tail.toLowerCase() : tail;
  return t === "" || "log.md".endsWith(t) || t.endsWith("/log.md");
}
function curlWrites(args, emit) {
  let { options, values, operands: urls } = operands("curl", args), dir = values.get("--output-dir"), under = (w) => dir && !text(w).startsWith("/") ? { parts: [...dir.parts, { text: "/", known: !0 }, ...w.parts] } : w, out = values.get("-o") ?? values.get("--output");
  if (out && text(out) !== "-" && emit(under(out), "replace", "curl -o"), options.some((o) => o === "--remote-name" || o === "--remote-name-all" || /^-[a-zA-Z]*O/.test(o)))
    for (let url of urls) {
      let path = text(url).replace(/[?#].*$/s, "");
      if (!path.includes("://")) continue;
      let name = path.slice(path.lastIndexOf("/") + 1);
      name !== "" && path.indexOf("/", path.indexOf("://") + 3) > 0 && emit(under({ parts: [{ text: name, known: exact(url) }] }), "replace", "curl -O");
    }
  for (let option of ["-D", "--dump-header", "-c", "--cookie-jar", "--trace", "--trace-ascii", "--stderr"]) {
    let file = values.get(option);
    file && text(file) !== "-" && emit(file, "replace", `curl ${option}`);
  }
}
var FOUND = "__alive_find_found";
function withFound(w, found, inScript, mark = "{}") {
  let t = text(w);
  if (t === mark) return found;
  if (!t.includes(mark)) return w;
  if (inScript) return { parts: [{ text: t.replaceAll(`'${mark}'`, `"\${${FOUND}}"`).replaceAll(mark, `"\${${FOUND}}"`), known: exact(w) }] };
  let parts = [];
  return t.split(mark).forEach((piece, i) => {
    i > 0 && parts.push(...found.parts), piece !== "" && parts.push({ text: piece, known: exact(w) });
  }), { parts };
}
var MAX_GIT_DIRS = 64, GIT_VALUE_OPTIONS = /* @__PURE__ */ new Set(["-C", "-c", "--git-dir", "--work-tree", "--namespace", "--exec-path", "--config-env"]);
function gitWrites(args, emit, nested, depth) {
  let k = 0, dirParts, dirs = 0;
  for (; k < args.length; ) {
    let t = text(args[k]);
    if (!t.startsWith("-")) break;
    if (t === "-C" && k + 1 < args.length) {
      let next = args[k + 1];
      dirs += 1, dirs > MAX_GIT_DIRS ? dirParts = [{ text: "<git -C …>", known: !1 }] : dirParts === void 0 || text(next).startsWith("/") ? dirParts = [...next.parts] : dirParts.push({ text: "/", known: !0 }, ...next.parts);
    }
    k += GIT_VALUE_OPTIONS.has(t) ? 2 : 1;
  }
  let dir = dirParts && { parts: dirParts }, sub = args[k] && text(args[k]), rest = args.slice(k + 1), at = (w) => {
    let t = text(w);
    return /[*?[]/.test(t) && pathPatternMayMatchLog(t, { anyCase: !0 }) ? {
      parts: [
        { text: `${t} <pathspec>`, known: !1 },
        { text: "/log.md", known: !0 }
      ]
    } : dir && !t.startsWith("/") ? { parts: [...dir.parts, { text: "/", known: !0 }, ...w.parts] } : w;
  }, via = `git ${sub}`;
  switch (sub) {
    case "checkout":
    case "restore": {
      let { options, operands: paths } = operands(`git-${sub}`, rest);
      if (sub === "restore" && options.some((o) => o === "--staged" || /^-[a-zA-Z]*S/.test(o)) && !options.some((o) => o === "--worktree" || /^-[a-zA-Z]*W/.test(o)))
        return;
      for (let w of paths) emit(at(w), "replace", via);
      return;
    }
    case "stash": {
      let first = rest[0] && text(rest[0]);
      if (first === "push") for (let w of operands("git-stash", rest.slice(1)).operands) emit(at(w), "replace", via);
      else if (first?.startsWith("-")) {
        let dashes = rest.findIndex((w) => text(w) === "--");
        for (let w of dashes < 0 ? [] : rest.slice(dashes + 1)) emit(at(w), "replace", via);
      }
      return;
    }
    case "rm": {
      let { options, operands: paths } = operands("git-rm", rest);
      if (options.includes("--cached")) return;
      for (let w of paths) emit(at(w), "remove", via);
      return;
    }
    case "mv":
      commandWrites("mv", rest.map(at), emit, nested, depth);
      return;
  }
}
function withXargsInput(args, fed, replace) {
  let input = { text: "<xargs input>", known: !1, fed };
  return replace === void 0 || replace === "" ? [...args, { parts: [input] }] : args.map((w) => {
    let t = text(w);
    if (!t.includes(replace)) return w;
    let parts = [];
    return t.split(replace).forEach((piece, k) => {
      k > 0 && parts.push(input), piece !== "" && parts.push({ text: piece, known: exact(w) });
    }), { parts };
  });
}
var isAssignment = (w) => w.parts[0]?.known === !0 && /^[A-Za-z_][A-Za-z0-9_]*\+?=/.test(text(w)), MAX_NESTED_TEXT = 1024 * 1024;
function bindLoops(cmd, reading) {
  let lists = /* @__PURE__ */ new Map();
  for (let w of [...cmd.words, ...cmd.redirs.flatMap((r) => r.target ?? [])]) for (let p of w.parts) p.each && lists.set(p.each, p);
  if (lists.size === 0) return [cmd];
  let runs = 1;
  for (let list of lists.keys()) runs *= list.length;
  if (runs > MAX_LOOP_RUNS || runs > reading.loopReadings) return [substitute(cmd, (p) => [{ text: p.text, known: !1, fed: lists.get(p.each).fed }])];
  reading.loopReadings -= runs;
  let bindings = [/* @__PURE__ */ new Map()];
  for (let list of lists.keys()) bindings = bindings.flatMap((b) => list.map((w) => new Map(b).set(list, w)));
  return bindings.map((b) => substitute(cmd, (p) => b.get(p.each).parts));
}
function substitute(cmd, value) {
  let word = (w) => ({ parts: w.parts.flatMap((p) => p.each ? value(p).map((v) => ({ ...v, brace: !1, bound: !0 })) : [p]) });
  return { words: cmd.words.map(word), redirs: cmd.redirs.map((r) => ({ op: r.op, target: r.target && word(r.target), body: r.body })) };
}
function variableValue(name, words, reading) {
  if (words.length === 1 && exact(words[0])) return text(words[0]);
  let each = bindLoops({ words, redirs: [] }, reading).flatMap((c) => c.words).map((w) => {
    let fed = { texts: [asInput(w)] };
    return exact(w) ? w : { parts: w.parts.map((p) => p.known || p.fed ? p : { ...p, fed }), raw: w.raw };
  }), size = each.reduce((sum, w) => sum + text(w).length, 0);
  return { text: `$${name}`, known: !1, each, fed: { texts: each.map(asInput) }, size };
}
function analyse(command, scope, reading, depth) {
  let { home, out } = reading, stack = [], current = scope, loops = [], piped, nested = (inner, bindings) => {
    if (depth >= MAX_DEPTH) return;
    if (reading.nested -= inner.length, reading.nested < 0) {
      reading.stopped || (reading.stopped = !0, emit({ parts: [{ text: "<commands past what it reads>", known: !1, fed: reading.whole }] }, "replace", "commands it stopped reading"));
      return;
    }
    let mark = current.vars.mark();
    if (bindings) {
      for (let name of POSITIONAL) current.vars.set(name, void 0);
      for (let [name, value] of bindings) current.vars.set(name, value);
    }
    analyse(inner, { dir: current.dir, vars: current.vars, fresh: current.fresh }, reading, depth + 1), current.vars.rollback(mark);
  }, spend = (n) => n > reading.expansion ? !1 : (reading.expansion -= n, !0), tokens = new Lexer(command, () => current, home, nested, spend).tokens(), emit = (w, kind, via) => {
    let feeds = w.parts.flatMap((p) => p.fed ?? []), name = lastName(w), fresh = underFresh(w, current);
    if (!fresh && w.parts.some((p) => p.glob) && (name === void 0 ? globEndsLikeLog(w) : name.toLowerCase() === "log.md")) {
      let pattern = globPattern(w), from = current.dir === void 0 || reading.cwd === void 0 ? void 0 : resolve(reading.cwd, current.dir), expanded = pattern !== void 0 && !pattern.includes("**") && (from !== void 0 || pattern.startsWith("/")) ? globPaths(pattern, from ?? "/", reading.globs) : void 0;
      for (let path of expanded?.paths ?? [])
        basename(path).toLowerCase() === "log.md" && out.push({ path, exact: !0, name: basename(path), dir: current.dir, kind, via: `${via} of ${text(w)}` });
      expanded?.complete || out.push({ path: text(w), exact: !1, known: knownStart(w), name: "log.md", dir: current.dir, kind, via });
      return;
    }
    out.push({
      path: text(w),
      exact: exact(w),
      ...!exact(w) && { known: knownStart(w) },
      name,
      dir: current.dir,
      kind,
      via,
      ...feeds.length > 0 && { feeds },
      ...fresh && { fresh: !0 },
      ...name === void 0 && !endingCanBeLog(w) && { notLog: !0 }
    });
  }, assign = (w) => {
    let eq = text(w).indexOf("="), appends = text(w)[eq - 1] === "+", name = text(w).slice(0, appends ? eq - 1 : eq), raw = w.raw?.startsWith(text(w).slice(0, eq + 1)) ? w.raw.slice(eq + 1) : void 0, value = variableValue(name, [{ ...dropChars(w, eq + 1), raw }], reading);
    if (!appends) return current.vars.set(name, value);
    let before = current.vars.get(name);
    if (typeof before == "string" && typeof value == "string") return current.vars.set(name, before + value);
    let texts = [before, value].map((v) => valueText(v) ?? "");
    current.vars.set(name, { text: `$${name}`, known: !1, fed: { texts } });
  }, startFor = (words) => {
    loops.push({ texts: [], outer: loops.at(-1) });
    let name = words[0] && literal(words[0]);
    name === void 0 || !NAME.test(name) || current.vars.set(name, words[1] && text(words[1]) === "in" ? variableValue(name, words.slice(2), reading) : current.vars.get("@"));
  }, inputs = (redirs) => redirs.flatMap((r) => INPUT_REDIRS.has(r.op) && r.target ? [asInput(r.target)] : []), read = (args, redirs) => {
    let { values, operands: names2 } = operands("read", args), array = values.get("-a"), fed = { texts: inputs(redirs), piped, outer: loops.at(-1) };
    for (let w of array ? [array] : names2) {
      let name = literal(w);
      name !== void 0 && NAME.test(name) && current.vars.set(name, { text: `$${name}`, known: !1, fed });
    }
    !array && names2.length === 0 && current.vars.set("REPLY", { text: "$REPLY", known: !1, fed });
  }, run = (cmd2) => {
    let words = cmd2.words.flatMap((w) => expandBraces(w));
    for (; words.length > 1; ) {
      let w0 = text(words[0]);
      if (KEYWORDS.has(w0) || w0 === "{")
        (w0 === "while" || w0 === "until") && loops.push({ texts: [], piped, outer: loops.at(-1) }), words = words.slice(1);
      else if (w0 === "function" && words.length > 2) words = words.slice(2);
      else break;
    }
    let first = words[0] && text(words[0]);
    if (first === "for" || first === "select") return startFor(words.slice(1));
    first === "done" && loops.pop()?.texts.push(...inputs(cmd2.redirs));
    let runs = bindLoops({ words, redirs: cmd2.redirs }, reading);
    for (let c of runs) runOnce(c, runs.length > 1);
    let assigned = words.every(isAssignment) ? words : first && DECLARATIONS.has(first) ? words.slice(1).filter(isAssignment) : [];
    for (let w of assigned) assign(w);
  }, inFolder = (folders, fn) => {
    if (folders.length === 0) return fn();
    let { dir, fresh } = current;
    for (let f of folders) {
      let t = literal(f);
      current.fresh = underFresh(f, current), current.dir = t !== void 0 && current.dir !== void 0 ? joinPath(current.dir, t) : void 0;
    }
    try {
      fn();
    } finally {
      current.dir = dir, current.fresh = fresh;
    }
  }, stdinScript = (name, args, redirs) => {
    let operand;
    if (name === "source" || name === ".") operand = args[0];
    else {
      if (commandString(args)) return;
      for (let k = 0; k < args.length; k++) {
        let t = text(args[k]);
        if (t === "--" || t === "-") {
          operand = args[k + 1];
          break;
        }
        if (t.length > 1 && (t[0] === "-" || t[0] === "+")) {
          (/^[-+][A-Za-z]*[oO]$/.test(t) || t === "--rcfile" || t === "--init-file") && k++;
          continue;
        }
        operand = args[k];
        break;
      }
    }
    if (!(operand === void 0 || ["/dev/stdin", "/dev/fd/0", "-"].includes(text(operand)))) return operand && text(operand).startsWith("<(") ? { unseen: asInput(operand) } : void 0;
    let last = redirs.filter((r) => INPUT_REDIRS.has(r.op) || r.op === "<<" || r.op === "<<-").at(-1);
    if (last?.body?.text !== void 0) return { text: last.body.text };
    if (last?.op === "<<<" && last.target) return { text: text(last.target) };
    if (last === void 0 && piped !== void 0) return { unseen: piped.text };
  }, setPositional = (args) => {
    let k = 0, given = !1;
    for (; k < args.length; k++) {
      let t = text(args[k]);
      if (t === "--" || t === "-") {
        k++, given = !0;
        break;
      }
      if (!/^[-+]./.test(t)) {
        given = !0;
        break;
      }
      /^[-+][A-Za-z]*o$/.test(t) && k++;
    }
    given && setPositionals((i) => args[k + i - 1]);
  }, shiftPositional = (args) => {
    let count = args[0] === void 0 ? "1" : exact(args[0]) ? text(args[0]) : "", n = /^\d{1,4}$/.test(count) ? Number(count) : void 0, before = Array.from({ length: 9 }, (_, i) => current.vars.get(String(i + 1)));
    for (let i = 1; i <= 9; i++) current.vars.set(String(i), n === void 0 ? void 0 : before[i - 1 + n]);
  }, setPositionals = (word) => {
    let all = [];
    for (let i = 1; i <= 9; i++) {
      let w = word(i);
      w !== void 0 && all.push(w), current.vars.set(String(i), w === void 0 ? void 0 : exact(w) ? text(w) : w);
    }
    for (let i = 10; word(i) !== void 0; i++) all.push(word(i));
    setAllPositionals(current.vars, all);
  }, runOnce = (cmd2, several) => {
    for (let r of cmd2.redirs) {
      let kind = OUTPUT_REDIRS.get(r.op);
      kind && r.target && emit(r.target, kind, `'${r.op}' redirection`);
    }
    let words = cmd2.words, k = 0;
    for (; k < words.length && isAssignment(words[k]); ) k++;
    if (k === words.length) return;
    words = words.slice(k);
    let name = baseName(text(words[0])), args = words.slice(1);
    if (DECLARATIONS.has(name)) return;
    let xargs, chdir = [];
    for (let hops = 0; (WRAPPERS.has(name) || name === "{") && hops < 8; hops++) {
      if (name === "{") {
        if (args.length === 0) return;
        name = baseName(text(args[0])), args = args.slice(1);
        continue;
      }
      name === "coproc" && args.length > 1 && text(args[1]) === "{" && (args = args.slice(1));
      let takesArg = OPTION_ARGS[name], j = 0;
      for (; j < args.length; ) {
        let t = text(args[j]);
        if (t.startsWith("-")) j += takesArg.has(t) ? 2 : 1;
        else if (name === "env" && /^[A-Za-z_][A-Za-z0-9_]*=/.test(t)) j++;
        else if (LEADING_OPERAND.has(name)) {
          j++;
          break;
        } else break;
      }
      if (name === "env" || name === "sudo" || name === "flock") {
        let { values } = operands(name, args.slice(0, j)), script = name === "env" ? values.get("-S") ?? values.get("--split-string") : name === "flock" ? values.get("-c") ?? values.get("--command") ?? (/^(?:-c|--command)$/.test(text(args[j] ?? EMPTY_WORD)) ? args[j + 1] : void 0) : void 0;
        if (script) {
          let rest = name === "env" ? args.slice(j).map(text) : [];
          depth < MAX_DEPTH && inFolder(chdir, () => nested([text(script), ...rest].join(" ")));
          return;
        }
        let folder = name === "flock" ? void 0 : values.get(name === "env" ? "-C" : "-D") ?? values.get("--chdir");
        folder && (chdir = [...chdir, folder]);
      }
      if (j >= args.length) return;
      if (name === "xargs" && !xargs) {
        let { options, values } = operands("xargs", args.slice(0, j)), file = values.get("-a") ?? values.get("--arg-file"), replace = values.get("-I") ?? values.get("--replace");
        xargs = {
          fed: file ? { texts: [asInput(file)], outer: loops.at(-1) } : { texts: inputs(cmd2.redirs), piped, outer: loops.at(-1) },
          replace: replace ? text(replace) : options.some((o) => o === "-i" || o === "--replace") ? "{}" : void 0
        };
      }
      name = baseName(text(args[j])), args = args.slice(j + 1);
    }
    let reads = nested;
    if (xargs?.replace && SHELLS.has(name)) {
      let input = { parts: [{ text: "<xargs input>", known: !1, fed: xargs.fed }] }, mark = xargs.replace;
      args = args.map((w) => withFound(w, input, !0, mark)), reads = (script, bindings) => nested(script, new Map([...bindings ?? [], [FOUND, input]]));
    } else xargs && (args = withXargsInput(args, xargs.fed, xargs.replace));
    if (name === "pushd" && args.some((w) => /^[+-]\d+$/.test(text(w)))) {
      current.dir = void 0, current.fresh = !1, current.vars.set("PWD", void 0);
      return;
    }
    if (name === "cd" || name === "pushd") {
      let target = args.find((w) => !text(w).startsWith("-") || text(w) === "-"), t = target ? literal(target) : home, followed = t !== void 0 && t !== "-" && !several;
      current.fresh = target !== void 0 && !several && underFresh(target, current);
      let pwd = current.vars.get("PWD");
      current.dir = followed && current.dir !== void 0 ? joinPath(current.dir, t) : void 0, current.vars.set("PWD", followed && typeof pwd == "string" ? joinPath(pwd, t) : void 0);
      return;
    }
    if (name === "popd") {
      current.dir = void 0, current.fresh = !1, current.vars.set("PWD", void 0);
      return;
    }
    if (name === "read") return read(args, cmd2.redirs);
    if (name === "set") return setPositional(args);
    if (name === "printf" && args.length > 2 && text(args[0]) === "-v") {
      let target = literal(args[1]);
      target !== void 0 && NAME.test(target) && current.vars.set(target, { text: `$${target}`, known: !1, fed: { texts: [args.slice(2).map(asInput).join(" ")] } });
      return;
    }
    if (name === "shift") return shiftPositional(args);
    if (SHELLS.has(name) || name === "source" || name === ".") {
      let script = stdinScript(name, args, cmd2.redirs);
      script?.text !== void 0 && depth < MAX_DEPTH ? inFolder(chdir, () => nested(script.text)) : script?.unseen !== void 0 && emit({ parts: [{ text: `<script ${name} reads>`, known: !1, fed: { texts: [script.unseen] } }] }, "replace", `${name} reading a script`);
    }
    inFolder(chdir, () => commandWrites(name, args, emit, reads, depth));
  }, cmd = { words: [], redirs: [] }, finish = () => {
    (cmd.words.length > 0 || cmd.redirs.length > 0) && run(cmd), cmd = { words: [], redirs: [] };
  };
  for (let tok of tokens)
    if (tok.t === "word") {
      if (cmd.words.length === 0 && (text(tok.word) === "{" || text(tok.word) === "}")) continue;
      cmd.words.push(tok.word);
    } else if (tok.t === "redir") cmd.redirs.push({ op: tok.op, target: tok.target, body: tok.body });
    else {
      let source = tok.op === "|" || tok.op === ")" && stack.length > 0 ? [...cmd.words, ...cmd.redirs.flatMap((r) => r.target ?? [])].map(asInput).join(" ") : "";
      if (finish(), source !== "" ? piped = { text: source, before: piped } : LIST_OPS.has(tok.op) && (piped = void 0), tok.op === "(")
        stack.push({ scope: current, mark: current.vars.mark() }), current = { dir: current.dir, vars: current.vars, fresh: current.fresh };
      else if (tok.op === ")" && stack.length > 0) {
        let outer = stack.pop();
        current.vars.rollback(outer.mark), current = outer.scope;
      }
    }
  finish();
}
var MAX_INPUT_TEXT = 1024 * 1024;
function inputTexts(command) {
  let known = /* @__PURE__ */ new Map(), budget = MAX_INPUT_TEXT, inputText = (feeds) => {
    let texts = /* @__PURE__ */ new Set();
    for (let feed of feeds) {
      let f = feed;
      for (let level = 0; f && level < MAX_DEPTH; level++, f = f.outer) {
        let pipe = [];
        for (let p = f.piped; p; p = p.before) {
          if (budget -= p.text.length, budget < 0) return command;
          pipe.push(p.text);
        }
        for (let t of [...f.texts, ...pipe.reverse()]) texts.add(t);
      }
    }
    let joined = [...texts].join(`
`);
    return budget -= joined.length, budget < 0 ? command : joined;
  };
  return (feeds) => {
    if (budget < 0) return command;
    if (feeds.length > 1) return inputText(feeds);
    let feed = feeds[0], t = known.get(feed) ?? inputText(feeds);
    return known.set(feed, t), t;
  };
}
function shellWrites(command, options = {}) {
  let vars = new Vars(), called = { texts: [command] };
  for (let name of POSITIONAL) name !== "0" && vars.set(name, { text: `$${name}`, known: !1, fed: called });
  options.home !== void 0 && vars.set("HOME", options.home), options.cwd !== void 0 && vars.set("PWD", options.cwd);
  let reading = {
    home: options.home,
    cwd: options.cwd,
    globs: globBudget(),
    out: [],
    loopReadings: MAX_LOOP_READINGS,
    expansion: MAX_EXPANSION,
    nested: MAX_NESTED_TEXT,
    whole: { texts: [command] }
  };
  analyse(command, { dir: "", vars }, reading, 0);
  let input = inputTexts(command);
  return reading.out.map(({ feeds, ...write }) => feeds ? { ...write, input: input(feeds) } : write);
}

// scripts/log-guardian-shell.ts
/(?:^|[\\/])log-guardian-shell\.m?[jt]s$/.test(process.argv[1] ?? "") && (process.stderr.write(
  `error: log-guardian-shell.mjs is the shell reader that dist/log-guardian.mjs loads; it is not a command. The PreToolUse hook runs dist/log-guardian.mjs (see docs/hooks.md)
`
), process.exitCode = 2);
export {
  shellWrites
};

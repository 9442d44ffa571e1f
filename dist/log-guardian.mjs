#!/usr/bin/env node

// scripts/lib/fs/node-fs.ts
var hasGetBuiltin = typeof process.getBuiltinModule == "function", fs = hasGetBuiltin ? process.getBuiltinModule("node:fs") : (await import("node:fs")).default, osBeforeGetBuiltin = hasGetBuiltin ? void 0 : (await import("node:os")).default;
function homeDir() {
  let home = process.platform === "win32" ? void 0 : process.env.HOME;
  return home !== void 0 ? home : (osBeforeGetBuiltin ?? process.getBuiltinModule("node:os")).homedir();
}

// scripts/lib/fs/write-fd.ts
function writeSyncUntilFull(fd, bytes, offset = 0) {
  for (; offset < bytes.length; )
    try {
      offset += fs.writeSync(fd, bytes, offset, bytes.length - offset);
    } catch (err) {
      if (err.code === "EAGAIN") return offset;
      throw Object.assign(err, { written: offset });
    }
  return offset;
}

// scripts/lib/version.ts
var ALIVE_VERSION = "0.1.0";

// scripts/lib/hook/io.ts
var FIRST_BUFFER = 16 * 1024;
async function readStdin(options) {
  if (options.alwaysAsync) return isTerminal(0) ? { ok: !0, text: "" } : readStdinAsync([], 0, options);
  let buf = Buffer.allocUnsafeSlow(Math.min(FIRST_BUFFER, options.maxBytes + 1)), total = 0;
  for (; ; ) {
    if (total === buf.length) {
      let larger = Buffer.allocUnsafeSlow(Math.min(buf.length * 2, options.maxBytes + 1));
      buf.copy(larger, 0, 0, total), buf = larger;
    }
    let n;
    try {
      n = fs.readSync(0, buf, total, buf.length - total, null);
    } catch (err) {
      let code = err.code;
      if (code === "EAGAIN") return readStdinAsync(total > 0 ? [buf.subarray(0, total)] : [], total, options);
      if (code === "EOF") break;
      return { ok: !1, reason: "error" };
    }
    if (n === 0) break;
    if (total += n, total > options.maxBytes) return { ok: !1, reason: "too-large" };
  }
  return { ok: !0, text: utf8Text(buf, total) };
}
function utf8Text(buf, length) {
  let slice = buf.utf8Slice;
  return typeof slice == "function" ? slice.call(buf, 0, length) : buf.toString("utf8", 0, length);
}
function isTerminal(fd) {
  try {
    return fs.fstatSync(fd).isCharacterDevice();
  } catch {
    return !0;
  }
}
function readStdinAsync(chunks, already, options) {
  return new Promise((resolve2) => {
    let total = already, stdin = process.stdin, finish = (result) => {
      clearTimeout(timer), stdin.removeAllListeners("data"), stdin.removeAllListeners("end"), stdin.removeAllListeners("error"), stdin.on("error", () => {
      }), stdin.destroy(), resolve2(result);
    }, timer = setTimeout(() => finish({ ok: !1, reason: "timeout" }), options.timeoutMs);
    stdin.on("data", (chunk) => {
      if (total += chunk.length, total > options.maxBytes) return finish({ ok: !1, reason: "too-large" });
      chunks.push(chunk);
    }), stdin.on("end", () => finish({ ok: !0, text: Buffer.concat(chunks, total).toString("utf8") })), stdin.on("error", () => finish({ ok: !1, reason: "error" }));
  });
}
function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return;
  }
}
function emitJson(value) {
  let bytes = Buffer.from(`${JSON.stringify(value)}
`, "utf8"), offset = 0, waitedMs = 0;
  for (; ; ) {
    if (offset = writeSyncUntilFull(1, bytes, offset), offset === bytes.length) return;
    if (waitedMs >= 2e3) throw Object.assign(new Error("stdout stayed full for 2 s"), { code: "EAGAIN" });
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5), waitedMs += 5;
  }
}
function debugLog(what, err) {
  if (process.env.ALIVE_DEBUG !== "1") return;
  let detail = err instanceof Error ? err.stack ?? err.message : err === void 0 ? "" : String(err);
  process.stderr.write(`alive hook: ${what}${detail ? `: ${detail}` : ""}
`);
}
function runHook(usage, body) {
  let args = process.argv.slice(2);
  if (args.length > 0) {
    if (args.length === 1 && (args[0] === "--help" || args[0] === "-h")) {
      process.stdout.write(`${usage}
`);
      return;
    }
    if (args.length === 1 && args[0] === "--version") {
      let name = /^usage: (\S+)/.exec(usage)?.[1] ?? "alive";
      process.stdout.write(`${name} (alive) ${ALIVE_VERSION}
`);
      return;
    }
    process.stderr.write(`error: ${args[0]} is not an option of this hook (it takes its input as JSON on stdin)
${usage}
`), process.exitCode = 2;
    return;
  }
  let failOpen = (err) => {
    debugLog("internal fault, failing open", err), process.exit(0);
  };
  process.on("uncaughtException", failOpen), process.on("unhandledRejection", failOpen), body().then(() => process.exit(0), failOpen);
}

// scripts/lib/hook/input.ts
function asObject(value) {
  return typeof value == "object" && value !== null && !Array.isArray(value) ? value : void 0;
}
function nonEmptyString(value) {
  return typeof value == "string" && value !== "" ? value : void 0;
}
function textEdit(value) {
  let o = asObject(value);
  if (!(!o || typeof o.old_string != "string" || typeof o.new_string != "string"))
    return { oldString: o.old_string, newString: o.new_string, replaceAll: o.replace_all === !0 };
}
function fileToolCall(input) {
  let o = asObject(input);
  if (!o) return;
  let toolInput = asObject(o.tool_input);
  if (!toolInput) return;
  let filePath = nonEmptyString(toolInput.file_path);
  if (!filePath) return;
  let cwd = nonEmptyString(o.cwd);
  switch (o.tool_name) {
    case "Write": {
      let content = typeof toolInput.content == "string" ? toolInput.content : "";
      return { tool: "Write", cwd, filePath, content };
    }
    case "Edit": {
      let edit = textEdit(toolInput);
      return edit ? { tool: "Edit", cwd, filePath, edits: [edit] } : void 0;
    }
    case "MultiEdit": {
      if (!Array.isArray(toolInput.edits) || toolInput.edits.length === 0) return;
      let edits = [];
      for (let e of toolInput.edits) {
        let edit = textEdit(e);
        if (!edit) return;
        edits.push(edit);
      }
      return { tool: "MultiEdit", cwd, filePath, edits };
    }
    default:
      return;
  }
}
function guardianCall(input) {
  let o = asObject(input);
  if (o?.tool_name !== "Bash") return fileToolCall(input);
  let command = asObject(o.tool_input)?.command;
  return typeof command == "string" ? { tool: "Bash", cwd: nonEmptyString(o.cwd), command } : void 0;
}

// scripts/lib/hook/output.ts
function preToolUseDeny(reason) {
  return { hookSpecificOutput: { hookEventName: "PreToolUse", permissionDecision: "deny", permissionDecisionReason: reason } };
}

// hook-builtin:node:path
var builtin = typeof process.getBuiltinModule == "function" ? process.getBuiltinModule("node:path") : (await import("node:path")).default, { resolve, normalize, isAbsolute, join, relative, toNamespacedPath, dirname, basename, extname, format, parse, matchesGlob, sep, delimiter, win32, posix, _makeLong } = builtin;

// scripts/lib/fs/find-up.ts
function isDirectory(path) {
  return path === "" ? !1 : process.platform === "win32" ? statsAsDirectory(path) : fs.existsSync(path.endsWith("/") ? path : `${path}/`) ? !0 : path.length > 1e3 && statsAsDirectory(path);
}
function statsAsDirectory(path) {
  try {
    return fs.statSync(path, { throwIfNoEntry: !1 })?.isDirectory() === !0;
  } catch {
    return !1;
  }
}
function findUp(start, matches) {
  let dir = resolve(start);
  for (; ; ) {
    if (matches(dir)) return dir;
    let parent = dirname(dir);
    if (parent === dir) return;
    dir = parent;
  }
}

// scripts/lib/errors.ts
function errnoCode(err) {
  if (err && typeof err == "object" && "code" in err && typeof err.code == "string")
    return err.code;
}

// scripts/lib/fs/small-file.ts
function readOpenRegularFile(fd, opts) {
  try {
    let st = fs.fstatSync(fd);
    if (!st.isFile()) return { ok: !1, problem: "not_a_file" };
    if (opts.headBytes === void 0 && opts.maxBytes !== void 0 && st.size > opts.maxBytes) return { ok: !1, problem: "too_large", size: st.size };
    let want = opts.headBytes === void 0 ? st.size : Math.min(st.size, opts.headBytes), bytes = Buffer.alloc(want), off = 0;
    for (; off < want; ) {
      let n = fs.readSync(fd, bytes, off, want - off, off);
      if (n === 0) break;
      off += n;
    }
    return { ok: !0, bytes: bytes.subarray(0, off), size: st.size, mtimeMs: st.mtimeMs };
  } catch (err) {
    return { ok: !1, problem: "unreadable", code: errnoCode(err) ?? String(err) };
  }
}
function readRegularFile(path, maxBytes) {
  let fd;
  try {
    fd = fs.openSync(path, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch {
    return;
  }
  try {
    let read = readOpenRegularFile(fd, { maxBytes });
    return read.ok ? read.bytes : void 0;
  } finally {
    fs.closeSync(fd);
  }
}

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
      let literal = c === "\\" && p + 1 < pattern.length ? pattern[++p] : c;
      test = inAnyCase((ch) => ch === literal);
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

// scripts/lib/text/untrusted.ts
var UNSAFE = (
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the controls are what it finds
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: it matches each code point alone (a combining one too: U+034F, the variation selectors)
  /[\u0000-\u001f\u007f-\u009f\u00ad\u034f\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2\u115f\u1160\u17b4-\u17b5\u180b-\u180f\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ud800-\udfff\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufffb\u{110bd}\u{110cd}\u{13430}-\u{1343f}\u{1bca0}-\u{1bca3}\u{1d173}-\u{1d17a}\u{e0000}-\u{e0fff}]/gu
), PLAIN = /^[\x20-\x7e]*$/;
function replaceUnsafe(text, by) {
  return PLAIN.test(text) ? text : text.replace(UNSAFE, by);
}
function visibleEscape(c) {
  let code = c.codePointAt(0);
  return code <= 255 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u{${code.toString(16)}}`;
}
function cut(text, max) {
  let last = text.charCodeAt(max - 1);
  return text.slice(0, last >= 55296 && last <= 56319 ? max - 1 : max);
}
function inlineText(text, max = 200) {
  let shown2 = replaceUnsafe(text, (c) => c === `
` ? "\\n" : c === "\r" ? "\\r" : c === "	" ? "\\t" : visibleEscape(c));
  return shown2.length > max ? `${cut(shown2, max)}…` : shown2;
}

// scripts/lib/home.ts
function aliveHome(env = process.env) {
  let fromEnv = env.ALIVE_HOME;
  return fromEnv && fromEnv.trim() !== "" ? fromEnv : join(homeDir(), ".alive");
}

// scripts/lib/world/root.ts
var WORLD_MARKER = ".alive", WORLD_PAIR = ["01_Archive", "02_Life"], WORLD_MARKER_FOLDERS = [WORLD_MARKER, ...WORLD_PAIR];
function isWorldRoot(dir, env = process.env) {
  if (WORLD_PAIR.every((name) => isDirectory(join(dir, name)))) return !0;
  let marker = resolve(dir, WORLD_MARKER);
  return marker !== resolve(aliveHome(env)) && marker !== resolve(env.HOME || homeDir(), WORLD_MARKER) && isDirectory(marker);
}
function findWorldRoot(start, env = process.env) {
  let found = findUp(start, (dir) => isWorldRoot(dir, env));
  if (found !== void 0) return found;
  let fromEnv = env.ALIVE_WORLD_ROOT;
  if (fromEnv && isDirectory(fromEnv)) return resolve(fromEnv);
}

// scripts/lib/guardian/paths.ts
var MAX_LINK_HOPS = 40, DOT_DOT = /(?:^|[\\/])\.\.(?:[\\/]|$)/, DOT_SEGMENT = /(?:^|[\\/])\.{1,2}(?:[\\/]|$)/;
function physicalPath(path) {
  if (process.platform === "win32") return resolve(path);
  let pending = splitComponents(isAbsolute(path) ? path : `${process.cwd()}${sep}${path}`), current = sep, hops = 0, missing = !1;
  for (; pending.length > 0; ) {
    let part = pending.shift();
    if (part === "." || part === "") continue;
    if (part === "..") {
      current = resolve(current, "..");
      continue;
    }
    let next = join(current, part);
    if (missing) {
      current = next;
      continue;
    }
    let isLink = !1;
    try {
      let st = fs.lstatSync(next, { throwIfNoEntry: !1 });
      missing = st === void 0, isLink = st?.isSymbolicLink() === !0;
    } catch {
      missing = !0;
    }
    if (!isLink) {
      current = next;
      continue;
    }
    if (++hops > MAX_LINK_HOPS) return next;
    let target = fs.readlinkSync(next);
    pending.unshift(...splitComponents(target)), isAbsolute(target) && (current = sep);
  }
  return current;
}
function splitComponents(path) {
  return path.split(/[\\/]+/).filter((p) => p !== "");
}
function lexicalRealPath(path) {
  let lexical = resolve(path);
  try {
    return fs.realpathSync.native(lexical);
  } catch {
    return physicalPath(lexical);
  }
}
function candidateTargets(filePath, cwd) {
  let raw = isAbsolute(filePath) ? filePath : `${cwd}${sep}${filePath}`, lexical = resolve(raw), out = /* @__PURE__ */ new Set([lexical]);
  try {
    out.add(lexicalRealPath(lexical));
  } catch {
  }
  if (DOT_DOT.test(raw))
    try {
      out.add(physicalPath(raw));
    } catch {
    }
  return [...out];
}
function landsUnderItsOwnName(filePath, cwd) {
  let raw = isAbsolute(filePath) ? filePath : `${cwd}${sep}${filePath}`;
  if (DOT_SEGMENT.test(raw)) return !1;
  try {
    return fs.lstatSync(raw, { throwIfNoEntry: !1 })?.isSymbolicLink() !== !0;
  } catch {
    return !0;
  }
}
function isInside(child, parent) {
  if (child === parent) return !0;
  let prefix = parent.endsWith(sep) ? parent : parent + sep;
  return child.startsWith(prefix);
}
function rootForms(dir) {
  let forms = /* @__PURE__ */ new Set([resolve(dir)]);
  try {
    forms.add(fs.realpathSync.native(dir));
  } catch {
  }
  return [...forms];
}
function exists(path) {
  return fs.existsSync(path);
}

// scripts/lib/guardian/signed.ts
var SIGNATURE = /signed:[ \t]*(?:squirrel|alive-mcp):/i;
function hasSignatureMarker(text) {
  return SIGNATURE.test(text);
}
function normaliseNewlines(text) {
  return text.includes(`\r
`) ? text.replaceAll(`\r
`, `
`) : text;
}
function bodyStart(text) {
  if (!text.startsWith(`---
`)) return 0;
  let close = text.indexOf(`
---`, 3);
  if (close === -1) return 0;
  let lineEnd = text.indexOf(`
`, close + 4);
  return text.slice(close + 1, lineEnd === -1 ? text.length : lineEnd).trimEnd() !== "---" ? 0 : lineEnd === -1 ? text.length : lineEnd + 1;
}
var HEADING = /^(#{1,6}) /, levelOf = (line) => line[0] === "#" && HEADING.exec(line)?.[1]?.length || 7;
function entryLevel(text) {
  let h2 = !1, signatures = 0, since = 7, above = 7, between = 7;
  eachLine(text.slice(bodyStart(text)), (_at, line, inside) => {
    let h = inside ? 7 : levelOf(line);
    h === 2 && (h2 = !0), h < 7 ? since = Math.min(since, h) : hasSignatureMarker(line) && (signatures++ === 0 ? above = since : between = Math.min(between, since), since = 7);
  });
  let level = between < 7 ? between : above;
  return h2 || level === 7 ? 2 : level;
}
var opensEntry = (line, level) => level === 2 ? line.startsWith("## ") : levelOf(line) <= level;
function entries(text, level) {
  let from = bodyStart(text), body = text.slice(from), spans = [], start = 0;
  return eachLine(body, (at, line, inside) => {
    at > start && !inside && opensEntry(line, level) && (spans.push([start, at]), start = at);
  }), spans.push([start, body.length]), spans.map(([a, b]) => ({ text: withoutBlankLinesAround(body.slice(a, b)), start: from + a, end: from + b })).filter((e) => e.text !== "");
}
function withoutBlankLinesAround(text) {
  return text.replace(/^(?:[ \t]*\n)+/, "").replace(/(?:\n[ \t]*)+$/, "");
}
function signedEntrySpans(text, level = entryLevel(text)) {
  return entries(text, level).filter((e) => hasSignatureMarker(e.text));
}
function signedEntryList(text, level) {
  return signedEntrySpans(normaliseNewlines(text), level).map((e) => e.text);
}
function applyEdits(original, edits) {
  let text = normaliseNewlines(original);
  for (let edit of edits) {
    let oldString = normaliseNewlines(edit.oldString), newString = normaliseNewlines(edit.newString);
    if (oldString === "") {
      if (text !== "") return;
      text = newString;
      continue;
    }
    if (!text.includes(oldString)) return;
    let removed = newString === "" && !oldString.endsWith(`
`) && text.includes(`${oldString}
`) ? `${oldString}
` : oldString;
    text = text.split(removed).join(newString);
  }
  return text;
}
function compare(current, after) {
  let level = entryLevel(normaliseNewlines(current)), was = signedEntryList(current, level), k = 0;
  for (let entry of was.length > 0 ? signedEntryList(after, level) : []) k < was.length && entry === was[k] && k++;
  if (k === was.length) return "keeps-signed";
  let text = normaliseNewlines(after), from = bodyStart(text), starts = /* @__PURE__ */ new Set(), end = ENTRY_END[level - 1], at = from;
  for (let entry of was) {
    if (at = entryAt(text, entry, at, end), at === -1) return "touches-signed";
    starts.add(at - from), at += entry.length;
  }
  let hidden = !1;
  return eachLine(text.slice(from), (at2, _line, inside) => {
    inside && starts.has(at2) && (hidden = !0);
  }), hidden ? "hides-signed" : "keeps-signed";
}
var ENTRY_END = [
  /(?:\n[ \t]*)*(?:\n# |$)/y,
  /(?:\n[ \t]*)*(?:\n## |$)/y,
  /(?:\n[ \t]*)*(?:\n#{1,3} |$)/y,
  /(?:\n[ \t]*)*(?:\n#{1,4} |$)/y,
  /(?:\n[ \t]*)*(?:\n#{1,5} |$)/y,
  /(?:\n[ \t]*)*(?:\n#{1,6} |$)/y
];
function entryAt(text, entry, from, end) {
  for (let i = text.indexOf(entry, from); i !== -1; i = text.indexOf(entry, i + 1))
    if (end.lastIndex = i + entry.length, (i === 0 || text[i - 1] === `
`) && end.test(text)) return i;
  return -1;
}
var CURLY_QUOTES = /[\u2018\u2019\u201C\u201D]/g, ANY_QUOTE = /["'\u2018\u2019\u201C\u201D]/;
function straightenQuotes(text) {
  return text.replace(CURLY_QUOTES, (q) => q === "‘" || q === "’" ? "'" : '"');
}
var EDIT_WORK_MAX = 256 * 1024 * 1024;
function checkEdits(current, edits) {
  if (edits.length * Math.max(current.length, 1) > EDIT_WORK_MAX) return "too-much";
  let after = applyEdits(current, edits);
  return after === void 0 ? checkStraightenedEdits(normaliseNewlines(current), edits) : compare(current, after);
}
function closesFence(line, fence) {
  let rest = line.replace(/^ {0,3}/, ""), n = 0;
  for (; rest[n] === fence[0]; ) n++;
  return n >= fence.length && rest.slice(n).trim() === "";
}
function opensFence(line) {
  let m = /^ {0,3}(`{3,}|~{3,})(.*)/.exec(line);
  return m && !(m[1][0] === "`" && m[2].includes("`")) ? m[1] : void 0;
}
function eachLine(body, visit) {
  let fence, comment = !1;
  for (let at = 0; at < body.length; ) {
    let end = body.indexOf(`
`, at);
    end === -1 && (end = body.length);
    let line = body.slice(at, end);
    visit(at, line, fence !== void 0 || comment), comment ? comment = !line.includes("-->") : fence !== void 0 ? closesFence(line, fence) && (fence = void 0) : (fence = opensFence(line), fence === void 0 && /^ {0,3}<!--/.test(line) && (comment = !line.slice(line.indexOf("<!--") + 4).includes("-->"))), at = end + 1;
  }
}
function overlapsAny(at, length, spans) {
  let k = 0;
  for (let i of at) {
    for (; k < spans.length && spans[k].end <= i; ) k++;
    if (k < spans.length && spans[k].start < i + length) return !0;
  }
  return !1;
}
function checkStraightenedEdits(current, edits) {
  let text = current, uncertain = !1;
  for (let edit of edits) {
    let oldString = straightenQuotes(normaliseNewlines(edit.oldString)), newString = normaliseNewlines(edit.newString);
    if (oldString === "") return "not-found";
    let straight = straightenQuotes(text), removed = newString === "" && !oldString.endsWith(`
`) && straight.includes(`${oldString}
`) ? `${oldString}
` : oldString, at = [];
    for (let i = straight.indexOf(removed); i !== -1; i = straight.indexOf(removed, i + removed.length)) at.push(i);
    if (at.length === 0) return "not-found";
    !uncertain && ANY_QUOTE.test(newString) && (uncertain = overlapsAny(at, removed.length, signedEntrySpans(text, entryLevel(current))));
    let out = "", from = 0;
    for (let i of at)
      out += text.slice(from, i) + newString, from = i + removed.length;
    text = out + text.slice(from);
  }
  return uncertain ? "quotes-uncertain" : compare(current, text);
}
function editsTouchSignedEntry(current, edits) {
  let check = current === void 0 ? "not-found" : checkEdits(current, edits);
  return check !== "not-found" ? check !== "keeps-signed" : edits.some((e) => hasSignatureMarker(e.oldString));
}

// scripts/lib/guardian/decide.ts
var ALLOW = { allow: !0 };
function isLogName(path) {
  return basename(path).toLowerCase() === "log.md";
}
function worldAbove(dir, env) {
  return findUp(dir, (d) => isWorldRoot(d, env));
}
function guardedLogs(filePath, cwd, env) {
  if (!isLogName(filePath) && landsUnderItsOwnName(filePath, cwd)) return [];
  let targets = candidateTargets(filePath, cwd);
  if (!targets.some(isLogName)) return [];
  let roots = [], sessionWorld = findWorldRoot(cwd, env);
  sessionWorld && roots.push(...rootForms(sessionWorld));
  for (let t of targets) {
    if (!isLogName(t) || roots.some((r) => isInside(t, r))) continue;
    let w = worldAbove(dirname(t), env);
    w && roots.push(...rootForms(w));
  }
  return targets.filter((t) => isLogName(t) && roots.some((r) => isInside(t, r)));
}
var LOG_READ_MAX_BYTES = 64 * 1024 * 1024;
function readText(path) {
  return readRegularFile(path, LOG_READ_MAX_BYTES)?.toString("utf8");
}
function underFolderOutside(write, cwd, env) {
  let known = write.known ?? "";
  if (!isAbsolute(known)) return !1;
  let folder = known.slice(0, known.lastIndexOf(sep) + 1), worlds = [findWorldRoot(cwd, env), env.ALIVE_WORLD_ROOT].flatMap((w) => w ? rootForms(w) : []);
  return candidateTargets(folder, cwd).every((f) => !worldAbove(f, env) && !worlds.some((w) => isInside(w, f) || isInside(f, w)));
}
var BLANK_LOG_MAX_BYTES = 4096;
function holdsSomething(path) {
  if (!exists(path)) return !1;
  let bytes = readRegularFile(path, BLANK_LOG_MAX_BYTES);
  return bytes === void 0 || bytes.toString("utf8").trim() !== "";
}
function shown(path) {
  return inlineText(path, 1e3);
}
function overwriteReason(log) {
  return `The walnut log ${shown(log)} already exists, and a log.md is never overwritten: it is the walnut's prepend-only history of signed entries. To add to it, use Edit to insert the new entry directly after the frontmatter (anchor on the frontmatter's last field and its closing '---' line), newest entry first, and leave every existing entry exactly as it is. If you meant a different file, write it under another name.`;
}
function signedEntryReason(log) {
  return `This would change or remove a signed entry of the walnut log ${shown(log)}: an entry carrying 'signed: squirrel:…' or 'signed: alive-mcp:…'. Signed log entries are immutable. Leave them as they are; to correct or extend one, add a new entry directly after the frontmatter that says what changed and refers to the earlier entry by its heading. When adding an entry, anchor the Edit on the frontmatter's last field and closing '---' line, not on an existing entry.`;
}
var REFUSES = "and it refuses what it cannot check", EDIT_ENTRY = "use the Edit tool to insert a new entry directly after the frontmatter";
function notFoundReason(log) {
  return `The old_string of this edit is not in the walnut log ${shown(log)} as written (line ends and curly quotes already matched the way the Edit tool matches them), so log-guardian cannot check that no signed entry changes, ${REFUSES}. Read the file again and repeat the edit with old_string copied exactly from it. To add an entry, anchor the Edit on the frontmatter's last field and its closing '---' line.`;
}
function quotesReason(log) {
  return `The old_string of this edit matches the walnut log ${shown(log)} only with its quotes read as straight (the log has curly quotes there), and it covers part of a signed entry. The Edit tool then rewrites the quotes of new_string after the log's, so log-guardian cannot check that the signed entry stays as it is, ${REFUSES}. Copy old_string from the file exactly, with its curly quotes, or, to add an entry, anchor the Edit on the frontmatter's last field and its closing '---' line.`;
}
function hiddenReason(log) {
  return `This edit would leave a code fence (\`\`\` or ~~~) or an HTML comment (<!--) open above signed entries of the walnut log ${shown(log)}: a Markdown view would show the entries below it as code, or hide them. Close it within the new entry (a line of \`\`\` or ~~~, or -->), and keep every signed entry as it is.`;
}
function tooMuchReason(log, edits) {
  return `This call makes ${edits} edits to the walnut log ${shown(log)}, more than log-guardian can check in time against a log this long, ${REFUSES}. Make the change in fewer edits; to add an entry, one Edit anchored on the frontmatter's last field and its closing '---' line.`;
}
function unreadableReason(log) {
  return `log-guardian cannot read the walnut log ${shown(log)}, so it cannot check that this edit leaves every signed entry as it is, ${REFUSES}. Read the file with the Read tool to see why (permissions, a folder of that name), then try again.`;
}
function shellReason(write, log) {
  return `This command ${write.kind === "append" ? `would append to the walnut log ${shown(log)} (${write.via}). Text added at the end lands inside the oldest entry, or below it, out of order: entries are newest first, directly after the frontmatter.` : write.kind === "remove" ? `would delete or move away the walnut log ${shown(log)} (${write.via}), the walnut's history of signed entries.` : `would overwrite the walnut log ${shown(log)} (${write.via}), the walnut's prepend-only history of signed entries.`} Shell commands do not change a walnut log. To add an entry, use the Edit tool to insert it directly after the frontmatter (anchor on the frontmatter's last field and its closing '---' line), newest first, leaving every signed entry as it is. Reading the log (Read, cat, grep) is fine.`;
}
var mayDo = (write) => write.kind === "remove" ? "may remove" : write.kind === "append" ? "may append to" : "may rewrite", writing = (write) => `${write.via} ${write.kind === "remove" ? "of" : "onto"} ${shown(write.path)}`;
function unresolvedReason(write) {
  let verb = mayDo(write);
  return write.path.startsWith("<found by find>") ? `This command ${verb} the files find finds (${write.via}), and find's tests may match log.md, inside an ALIVE world, so log-guardian cannot tell whether walnut logs are among them, ${REFUSES}. If they are not meant, add \`! -name log.md\` to find's tests (not after -o). To add a log entry, ${EDIT_ENTRY}.` : `This command ${verb} a file named log.md${/[*?[]/.test(basename(write.path)) ? ": a glob" : ""} (${writing(write)}) in a folder log-guardian cannot read or tell from the command text (a variable, a glob, or a cd it cannot follow), inside an ALIVE world, so it cannot tell whether that is a walnut log, ${REFUSES}. If it is one, ${EDIT_ENTRY}; if not, name the folder with a literal path.`;
}
function tooLongReason(length) {
  return `This command is ${length} characters long and names log.md inside an ALIVE world: longer than log-guardian reads (${MAX_READ_COMMAND}), so it cannot tell whether it writes a walnut log, ${REFUSES}. Write large files with the Write tool, or split the command; to add a log entry, ${EDIT_ENTRY}.`;
}
function readInputReason(write) {
  return `This command ${mayDo(write)} a file whose name the command text does not spell out (${writing(write)}: a name read from input, a function's parameter or a default value), and what it comes from names log.md (${shown(write.input ?? "")}), inside an ALIVE world, so log-guardian cannot tell from the command text whether that is a walnut log, ${REFUSES}. If it is a walnut log, ${EDIT_ENTRY}; if it is another file, name it with a literal path (or loop over literal paths: \`for f in a b\`).`;
}
var QUOTING = ['"', "'", "\\", "{", "}"];
function namesLog(command) {
  return spellsLog(command) || globMayNameLog(command.toLowerCase());
}
function spellsLog(text) {
  let lower = text.toLowerCase();
  if (lower.includes("log.md")) return !0;
  if (!QUOTING.some((c) => lower.includes(c))) return !1;
  let unquoted = lower.replaceAll(`\\
`, "").replaceAll("$'", "'").replaceAll('$"', '"');
  for (let c of ['"', "'", "\\"]) unquoted = unquoted.replaceAll(c, "");
  return withoutBraces(unquoted).includes("log.md") ? !0 : unquoted.includes(",") && braceAlternativeNamesLog(unquoted);
}
var WORD_END = /* @__PURE__ */ new Set([" ", "	", `
`, ";", "&", "|", "(", ")", "<", ">"]);
function globMayNameLog(lower) {
  if (!lower.includes("*") && !lower.includes("?") && !lower.includes("[")) return !1;
  let start = 0;
  for (let k = 0; k <= lower.length; k++) {
    if (k < lower.length && !WORD_END.has(lower[k])) continue;
    let word = lower.slice(start, k);
    if (start = k + 1, !word.includes("*") && !word.includes("?") && !word.includes("[")) continue;
    let bare = word.replace(/^[a-z_][a-z0-9_]*=/, "").replace(/\$\{[^{}$]*\}|\$[\w@#?$!-]+/g, "*").replace(/\{[^{}]*\}/g, "*").replace(/\$(?=['"])|["'\\]/g, "").replace(/\[[!^]\]?[^\][]*\]/g, "?"), open = bare.lastIndexOf("[");
    if (open >= 0 && open > bare.lastIndexOf("]") && open < bare.length - 1 && /["'\\]/.test(word)) return !0;
    let star = bare.replace(/\*{2,}/g, "*");
    if (globMatches(bracketsAsStar(star.slice(star.lastIndexOf("/") + 1)), "log.md") || pathPatternMayMatchLog(star)) return !0;
  }
  return !1;
}
function bracketsAsStar(name) {
  let open = name.indexOf("["), close = name.lastIndexOf("]");
  return open >= 0 && close > open ? `${name.slice(0, open)}*${name.slice(close + 1)}` : name;
}
var withoutBraces = (text) => text.replaceAll("{", "").replaceAll("}", "").replaceAll(",", "");
function braceAlternativeNamesLog(text) {
  let open = -1;
  for (let k = 0; k < text.length; k++)
    if (text[k] === "{") open = k;
    else if (text[k] === "}" && open >= 0) {
      let before = withoutBraces(text.slice(Math.max(0, open - 8), open)).slice(-5), after = withoutBraces(text.slice(k + 1, k + 9)).slice(0, 5);
      for (let alternative of text.slice(open + 1, k).split(",")) if (`${before}${alternative}${after}`.includes("log.md")) return !0;
      open = -1;
    }
  return !1;
}
var MAX_READ_COMMAND = 256 * 1024, CHECK_MS = 2e3;
function decideBash(call, cwd, env, shellWrites) {
  if (!namesLog(call.command)) return ALLOW;
  if (call.command.length > MAX_READ_COMMAND)
    return findWorldRoot(cwd, env) === void 0 ? ALLOW : { allow: !1, reason: tooLongReason(call.command.length) };
  if (!shellWrites) throw new Error("log-guardian: a Bash command naming log.md needs the shell reader");
  let named = /* @__PURE__ */ new Map(), inputNamesLog = (input) => named.get(input) ?? named.set(input, spellsLog(input)).get(input), started = Date.now();
  for (let write of shellWrites(call.command, { home: env.HOME, cwd })) {
    if (Date.now() - started > CHECK_MS)
      return findWorldRoot(cwd, env) === void 0 ? ALLOW : {
        allow: !1,
        reason: "log-guardian could not check in time every file this command writes, inside an ALIVE world, and refuses what it cannot check: split it, or name the files literally."
      };
    if (!write.fresh) {
      if (write.exact && (write.dir !== void 0 || isAbsolute(write.path))) {
        let from = write.dir === void 0 || write.dir === "" ? cwd : resolve(cwd, write.dir), path = isAbsolute(write.path) ? write.path : `${from}${sep}${write.path}`, existing = guardedLogs(path, cwd, env).find(holdsSomething);
        if (existing) return { allow: !1, reason: shellReason(write, existing) };
      } else if (write.name !== void 0 ? isLogName(write.name) : !write.notLog && write.input !== void 0 && inputNamesLog(write.input)) {
        if (findWorldRoot(cwd, env) === void 0 || underFolderOutside(write, cwd, env)) continue;
        return { allow: !1, reason: write.name !== void 0 ? unresolvedReason(write) : readInputReason(write) };
      }
    }
  }
  return ALLOW;
}
function decideEdit(logs, call) {
  for (let log of logs) {
    let text = readText(log);
    if (text === void 0) {
      if (exists(log)) return { allow: !1, reason: unreadableReason(log) };
      if (editsTouchSignedEntry(void 0, call.edits)) return { allow: !1, reason: signedEntryReason(log) };
      continue;
    }
    let check = checkEdits(text, call.edits);
    if (check === "touches-signed") return { allow: !1, reason: signedEntryReason(log) };
    if (check === "not-found") return { allow: !1, reason: notFoundReason(log) };
    if (check === "quotes-uncertain") return { allow: !1, reason: quotesReason(log) };
    if (check === "hides-signed") return { allow: !1, reason: hiddenReason(log) };
    if (check === "too-much") return { allow: !1, reason: tooMuchReason(log, call.edits.length) };
  }
  return ALLOW;
}
function decide(call, env, processCwd, shellReader) {
  let cwd = call.cwd ?? processCwd;
  if (call.tool === "Bash") return decideBash(call, cwd, env, shellReader);
  let logs = guardedLogs(call.filePath, cwd, env);
  if (logs.length === 0) return ALLOW;
  if (call.tool === "Write") {
    let existing = logs.find(holdsSomething);
    return existing ? { allow: !1, reason: overwriteReason(existing) } : ALLOW;
  }
  return decideEdit(logs, call);
}

// scripts/lib/guardian/answer.ts
function hookCall(stdinText) {
  return guardianCall(parseJson(stdinText));
}
function needsShellReader(call) {
  return call.tool === "Bash" && namesLog(call.command);
}
async function loadShellReader() {
  return (await import("./log-guardian-shell.mjs")).shellWrites;
}
function guardianAnswer(call, env, processCwd, shellReader) {
  let decision = decide(call, env, processCwd, shellReader);
  return decision.allow ? void 0 : preToolUseDeny(decision.reason);
}

// scripts/log-guardian.ts
var USAGE = `usage: log-guardian < PreToolUse-hook-JSON

Claude Code PreToolUse hook for Write, Edit, MultiEdit and Bash. Inside an ALIVE world it denies
a Write that would overwrite an existing log.md, an edit that would change a signed log entry or
that it cannot place in the log, and a shell command that would overwrite, append to or remove an
existing log.md. It allows everything else, and anything it cannot read. Always exits 0.

It guards against accidents through the agent's tools; it is not a sandbox (see docs/hooks.md).`, MAX_INPUT_BYTES = 256 * 1024 * 1024;
runHook(USAGE, async () => {
  let stdin = await readStdin({ maxBytes: MAX_INPUT_BYTES, timeoutMs: 3e3 });
  if (!stdin.ok) return debugLog(`stdin not read (${stdin.reason}); allowing`);
  let call = hookCall(stdin.text);
  if (!call) return debugLog("not a Write/Edit/MultiEdit call with a file_path, nor a Bash command; allowing");
  let reader = needsShellReader(call) ? await loadShellReader() : void 0, answer = guardianAnswer(call, process.env, process.cwd(), reader);
  answer && emitJson(answer);
});

#!/usr/bin/env node

// scripts/lib/fs/node-fs.ts
import { createRequire } from "node:module";
var fs = typeof process.getBuiltinModule == "function" ? process.getBuiltinModule("node:fs") : createRequire(import.meta.url)("node:fs");

// scripts/lib/version.ts
var ALIVE_VERSION = "0.1.0";

// scripts/lib/hook/io.ts
var CHUNK = 16 * 1024;
async function readStdin(options) {
  let chunks = [], total = 0;
  if (options.alwaysAsync) return isTerminal(0) ? { ok: !0, text: "" } : readStdinAsync(chunks, 0, options);
  for (; ; ) {
    let buf = Buffer.allocUnsafe(CHUNK), n;
    try {
      n = fs.readSync(0, buf, 0, CHUNK, null);
    } catch (err) {
      let code = err.code;
      if (code === "EAGAIN") return readStdinAsync(chunks, total, options);
      if (code === "EOF") break;
      return { ok: !1, reason: "error" };
    }
    if (n === 0) break;
    if (total += n, total > options.maxBytes) return { ok: !1, reason: "too-large" };
    chunks.push(buf.subarray(0, n));
  }
  return { ok: !0, text: Buffer.concat(chunks, total).toString("utf8") };
}
function isTerminal(fd) {
  try {
    return fs.fstatSync(fd).isCharacterDevice();
  } catch {
    return !0;
  }
}
function readStdinAsync(chunks, already, options) {
  return new Promise((resolve4) => {
    let total = already, stdin = process.stdin, finish = (result) => {
      clearTimeout(timer), stdin.removeAllListeners("data"), stdin.removeAllListeners("end"), stdin.removeAllListeners("error"), stdin.on("error", () => {
      }), stdin.destroy(), resolve4(result);
    }, timer = setTimeout(() => finish({ ok: !1, reason: "timeout" }), options.timeoutMs);
    stdin.on("data", (chunk) => {
      if (total += chunk.length, total > options.maxBytes) return finish({ ok: !1, reason: "too-large" });
      chunks.push(chunk);
    }), stdin.on("end", () => finish({ ok: !0, text: Buffer.concat(chunks, total).toString("utf8") })), stdin.on("error", () => finish({ ok: !1, reason: "error" }));
  });
}
function parseJson(text2) {
  try {
    return JSON.parse(text2);
  } catch {
    return;
  }
}
function emitJson(value) {
  let bytes = Buffer.from(`${JSON.stringify(value)}
`, "utf8"), offset = 0, waitedMs = 0;
  for (; offset < bytes.length; )
    try {
      offset += fs.writeSync(1, bytes, offset, bytes.length - offset);
    } catch (err) {
      if (err.code !== "EAGAIN" || waitedMs >= 2e3) throw err;
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

// scripts/lib/guardian/decide.ts
import { basename, dirname as dirname2, isAbsolute as isAbsolute2, resolve as resolve3, sep as sep2 } from "node:path";

// scripts/lib/world/root.ts
import { dirname, resolve, join as join2 } from "node:path";

// scripts/lib/home.ts
import { homedir } from "node:os";
import { join } from "node:path";
function aliveHome(env = process.env) {
  let fromEnv = env.ALIVE_HOME;
  return fromEnv && fromEnv.trim() !== "" ? fromEnv : join(homedir(), ".alive");
}

// scripts/lib/world/root.ts
function isDir(path) {
  try {
    return fs.statSync(path, { throwIfNoEntry: !1 })?.isDirectory() === !0;
  } catch {
    return !1;
  }
}
function isWorldRoot(dir, env = process.env) {
  if (isDir(join2(dir, "01_Archive")) && isDir(join2(dir, "02_Life"))) return !0;
  let marker = join2(dir, ".alive");
  return marker !== resolve(aliveHome(env)) && isDir(marker);
}
function findWorldRoot(start, env = process.env) {
  let dir = resolve(start);
  for (; ; ) {
    if (isWorldRoot(dir, env)) return dir;
    let parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  let fromEnv = env.ALIVE_WORLD_ROOT;
  if (fromEnv && isDir(fromEnv)) return resolve(fromEnv);
}

// scripts/lib/guardian/paths.ts
import { isAbsolute, join as join3, resolve as resolve2, sep } from "node:path";
var MAX_LINK_HOPS = 40, DOT_DOT = /(?:^|[\\/])\.\.(?:[\\/]|$)/, DOT_SEGMENT = /(?:^|[\\/])\.{1,2}(?:[\\/]|$)/;
function physicalPath(path) {
  if (process.platform === "win32") return resolve2(path);
  let pending = splitComponents(isAbsolute(path) ? path : `${process.cwd()}${sep}${path}`), current = sep, hops = 0, missing = !1;
  for (; pending.length > 0; ) {
    let part = pending.shift();
    if (part === "." || part === "") continue;
    if (part === "..") {
      current = resolve2(current, "..");
      continue;
    }
    let next = join3(current, part);
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
  let lexical = resolve2(path);
  try {
    return fs.realpathSync.native(lexical);
  } catch {
    return physicalPath(lexical);
  }
}
function candidateTargets(filePath, cwd) {
  let raw = isAbsolute(filePath) ? filePath : `${cwd}${sep}${filePath}`, lexical = resolve2(raw), out = /* @__PURE__ */ new Set([lexical]);
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
  let forms = /* @__PURE__ */ new Set([resolve2(dir)]);
  try {
    forms.add(fs.realpathSync.native(dir));
  } catch {
  }
  return [...forms];
}
function exists(path) {
  try {
    return fs.statSync(path, { throwIfNoEntry: !1 }) !== void 0;
  } catch {
    return !1;
  }
}

// scripts/lib/guardian/shell.ts
var text = (w) => w.parts.map((p) => p.text).join(""), exact = (w) => w.parts.every((p) => p.known), literal = (w) => exact(w) ? text(w) : void 0;
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
function joinPath(dir, rel) {
  return rel.startsWith("/") || dir === "" ? rel : dir.endsWith("/") ? dir + rel : `${dir}/${rel}`;
}
function baseName(path) {
  let trimmed = path.replace(/\/+$/, "");
  return trimmed.slice(trimmed.lastIndexOf("/") + 1);
}
var SIMPLE_ESCAPES = { n: `
`, t: "	", r: "\r", a: "\x07", b: "\b", e: "\x1B", E: "\x1B", f: "\f", v: "\v", "\\": "\\", "'": "'", '"': '"', "?": "?" };
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
var MAX_BRACE_WORDS = 64;
function expandBraces(word, from = 0) {
  let p = word.parts;
  for (let open = from; open < p.length; open++) {
    if (!p[open].brace || p[open].text !== "{") continue;
    let depth = 0, commas = [], close = -1;
    for (let k = open; k < p.length && close === -1; k++)
      p[k].brace && (p[k].text === "{" ? depth++ : p[k].text === "}" && --depth === 0 ? close = k : p[k].text === "," && depth === 1 && commas.push(k));
    if (close === -1) return [word];
    if (commas.length === 0) continue;
    let bounds = [open, ...commas, close], out = [];
    for (let a = 0; a + 1 < bounds.length; a++) {
      let alternative = { parts: [...p.slice(0, open), ...p.slice(bounds[a] + 1, bounds[a + 1]), ...p.slice(close + 1)] };
      if (out.push(...expandBraces(alternative, open)), out.length >= MAX_BRACE_WORDS) return out.slice(0, MAX_BRACE_WORDS);
    }
    return out;
  }
  return [word];
}
var Lexer = class {
  constructor(src, scope, home, nested) {
    this.src = src;
    this.scope = scope;
    this.home = home;
    this.nested = nested;
  }
  src;
  scope;
  home;
  nested;
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
        this.i++, yield { t: "op", op: ";" }, this.skipHeredocBodies();
        continue;
      }
      let op = this.operator();
      if (op) {
        yield op;
        continue;
      }
      let word = this.word();
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
    for (; this.pendingHeredocs.length > 0; ) {
      let { delimiter, stripTabs } = this.pendingHeredocs.shift();
      for (; ; ) {
        if (this.i >= this.src.length) return;
        let end = this.src.indexOf(`
`, this.i);
        end === -1 && (end = this.src.length);
        let line = this.src.slice(this.i, end);
        if (this.i = Math.min(end + 1, this.src.length), stripTabs && (line = line.replace(/^\t+/, "")), line === delimiter) break;
      }
    }
  }
  operator() {
    let rest = this.src.slice(this.i, this.i + 3);
    for (let op of ["&>>", "&&", "||", ";;", "|&", "&>", ">>", ">|", ">&", "<>", "<<<", "<<-", "<<", "<&", ">", "<", ";", "&", "|", "(", ")"]) {
      if (!rest.startsWith(op)) continue;
      if (this.i += op.length, !/[<>]/.test(op)) return { t: "op", op: op === "|&" ? "|" : op };
      if (this.skipBlanks(), op === ">&" || op === "<&") {
        let m = /^(?:\d+|-)(?=[\s;&|()<>]|$)/.exec(this.src.slice(this.i));
        return m || op === "<&" ? (m ? this.i += m[0].length : this.word(), { t: "redir", op: "<", target: void 0 }) : { t: "redir", op: "&>", target: this.word() };
      }
      let target = this.i < this.src.length && !/[\n;&|()<>]/.test(this.src[this.i]) ? this.word() : void 0;
      return (op === "<<" || op === "<<-") && target && this.pendingHeredocs.push({ delimiter: text(target), stripTabs: op === "<<-" }), { t: "redir", op, target };
    }
  }
  word() {
    let parts = [], push = (t, known) => {
      t !== "" && parts.push({ text: t, known });
    }, atStart = () => parts.length === 0;
    for (; this.i < this.src.length; ) {
      let c = this.src[this.i];
      if (/[\s;&|()<>]/.test(c)) break;
      if (c === "\\") {
        let next = this.src[this.i + 1];
        this.i += 2, next !== void 0 && next !== `
` && push(next, !0);
      } else if (c === "'") {
        let end = this.src.indexOf("'", this.i + 1), stop = end === -1 ? this.src.length : end;
        push(this.src.slice(this.i + 1, stop), !0), this.i = stop + 1;
      } else if (c === '"')
        this.i++, this.doubleQuoted(push);
      else if (c === "$")
        this.dollar(push);
      else if (c === "`")
        this.backquoted(), push("`…`", !1);
      else if (c === "~" && atStart()) {
        let m = /^~(?=\/|[\s;&|()<>]|$)/.exec(this.src.slice(this.i));
        this.i++, m && this.home !== void 0 ? push(this.home, !0) : push("~", !1);
      } else if (c === "*" || c === "?" || c === "[")
        this.i++, push(c, !1);
      else if (c === "{" || c === "," || c === "}")
        this.i++, parts.push({ text: c, known: !0, brace: !0 });
      else {
        let j = this.i;
        for (; j < this.src.length && !/[\s;&|()<>\\'"$`*?[{},]/.test(this.src[j]); ) j++;
        push(this.src.slice(this.i, j), !0), this.i = j;
      }
    }
    return { parts };
  }
  doubleQuoted(push) {
    for (; this.i < this.src.length; ) {
      let c = this.src[this.i];
      if (c === '"') {
        this.i++;
        return;
      }
      if (c === "\\") {
        let next = this.src[this.i + 1];
        if (this.i += 2, next === void 0) return;
        '$`"\\'.includes(next) ? push(next, !0) : next !== `
` && push(`\\${next}`, !0);
      } else if (c === "$")
        this.dollar(push);
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
  dollar(push) {
    let rest = this.src.slice(this.i + 1);
    if (rest.startsWith("(")) {
      let inner = this.balanced(this.i + 2);
      this.nested(inner), push("$(…)", !1);
      return;
    }
    if (rest.startsWith("'")) {
      let j = this.i + 2;
      for (; j < this.src.length && this.src[j] !== "'"; ) j += this.src[j] === "\\" ? 2 : 1;
      let decoded = ansiC(this.src.slice(this.i + 2, j));
      push(decoded ?? this.src.slice(this.i, j + 1), decoded !== void 0), this.i = j + 1;
      return;
    }
    let braced = /^\{([A-Za-z_][A-Za-z0-9_]*)\}/.exec(rest), plain = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest), name = braced?.[1] ?? plain?.[0];
    if (name !== void 0) {
      this.i += 1 + (braced ? braced[0].length : name.length);
      let value = this.scope().vars.get(name);
      push(value ?? `$${name}`, value !== void 0);
      return;
    }
    if (rest.startsWith("{")) {
      let end = this.src.indexOf("}", this.i), stop = end === -1 ? this.src.length : end + 1;
      push(this.src.slice(this.i, stop), !1), this.i = stop;
      return;
    }
    let special = /^[0-9@*#?$!-]/.exec(rest);
    this.i += 1 + (special ? 1 : 0), push(special ? `$${special[0]}` : "$", !special);
  }
  /** The text up to the `)` matching an opening one just before `from`; moves past it. */
  balanced(from) {
    let depth = 1, j = from;
    for (; j < this.src.length; ) {
      let c = this.src[j];
      if (c === "\\") j += 2;
      else if (c === "'") {
        let end = this.src.indexOf("'", j + 1);
        j = end === -1 ? this.src.length : end + 1;
      } else if (c === '"') {
        for (j++; j < this.src.length && this.src[j] !== '"'; ) j += this.src[j] === "\\" ? 2 : 1;
        j++;
      } else {
        if (c === "(") depth++;
        else if (c === ")" && --depth === 0) break;
        j++;
      }
    }
    let inner = this.src.slice(from, Math.min(j, this.src.length));
    return this.i = Math.min(j + 1, this.src.length), inner;
  }
  backquoted() {
    let j = this.i + 1, inner = "";
    for (; j < this.src.length && this.src[j] !== "`"; )
      this.src[j] === "\\" && j + 1 < this.src.length ? (inner += this.src[j + 1], j += 2) : inner += this.src[j++];
    this.i = j + 1, this.nested(inner);
  }
}, OPTION_ARGS = {
  sudo: /* @__PURE__ */ new Set(["-u", "-g", "-C", "-D", "-h", "-p", "-r", "-t", "-U", "-T", "--user", "--group", "--chdir", "--host", "--prompt", "--role", "--type", "--other-user", "--command-timeout"]),
  env: /* @__PURE__ */ new Set(["-u", "-C", "-S", "--unset", "--chdir", "--split-string"]),
  nice: /* @__PURE__ */ new Set(["-n", "--adjustment"]),
  timeout: /* @__PURE__ */ new Set(["-s", "-k", "--signal", "--kill-after"]),
  xargs: /* @__PURE__ */ new Set(["-a", "-d", "-E", "-I", "-L", "-n", "-P", "-s", "--arg-file", "--delimiter", "--max-args", "--max-procs", "--max-chars"]),
  command: /* @__PURE__ */ new Set(),
  builtin: /* @__PURE__ */ new Set(),
  exec: /* @__PURE__ */ new Set(["-a"]),
  nohup: /* @__PURE__ */ new Set(),
  time: /* @__PURE__ */ new Set(["-f", "-o", "--format", "--output"]),
  stdbuf: /* @__PURE__ */ new Set(["-i", "-o", "-e"]),
  doas: /* @__PURE__ */ new Set(["-u", "-C"]),
  cp: /* @__PURE__ */ new Set(["-S", "-t", "--suffix", "--target-directory"]),
  mv: /* @__PURE__ */ new Set(["-S", "-t", "--suffix", "--target-directory"]),
  install: /* @__PURE__ */ new Set(["-m", "-o", "-g", "-S", "-t", "--mode", "--owner", "--group", "--suffix", "--target-directory"]),
  ln: /* @__PURE__ */ new Set(["-S", "-t", "--suffix", "--target-directory"]),
  rsync: /* @__PURE__ */ new Set(["-e", "--rsh", "--exclude", "--include", "--filter", "-f"]),
  truncate: /* @__PURE__ */ new Set(["-s", "-r", "--size", "--reference"]),
  rm: /* @__PURE__ */ new Set(),
  unlink: /* @__PURE__ */ new Set(),
  shred: /* @__PURE__ */ new Set(["-n", "-s", "--iterations", "--size", "--random-source"]),
  tee: /* @__PURE__ */ new Set(),
  patch: /* @__PURE__ */ new Set(["-i", "-o", "-p", "-d", "-D", "-B", "-F", "-r", "-V", "-Y", "-z", "--input", "--output", "--strip", "--directory", "--reject-file"])
}, WRAPPERS = /* @__PURE__ */ new Set(["sudo", "env", "nice", "timeout", "xargs", "command", "builtin", "exec", "nohup", "time", "stdbuf", "doas"]), SHELLS = /* @__PURE__ */ new Set(["sh", "bash", "dash", "zsh", "ksh"]), KEYWORDS = /* @__PURE__ */ new Set(["if", "then", "else", "elif", "do", "while", "until", "!"]), OUTPUT_REDIRS = /* @__PURE__ */ new Map([
  [">", "replace"],
  [">|", "replace"],
  ["&>", "replace"],
  ["<>", "replace"],
  [">>", "append"],
  ["&>>", "append"]
]);
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
    let eq = t.indexOf("=");
    if (t.startsWith("--") && eq > 0) {
      options.push(t.slice(0, eq)), values.set(t.slice(0, eq), { parts: [{ text: t.slice(eq + 1), known: exact(w) }] });
      continue;
    }
    options.push(t), takesArg.has(t) && k + 1 < args.length && values.set(t, args[++k]);
  }
  return { options, values, operands: out };
}
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
    case "perl":
    case "ruby": {
      for (let w of inPlaceTargets(name, args) ?? []) emit(w, "replace", `${name} -i`);
      return;
    }
    case "tee": {
      let { options, operands: files } = operands(name, args), append = options.some((o) => o === "--append" || /^-[a-z]*a/.test(o));
      for (let w of files) emit(w, append ? "append" : "replace", append ? "tee -a" : "tee");
      return;
    }
    case "cp":
    case "mv":
    case "install":
    case "ln":
    case "rsync": {
      let { values, operands: files } = operands(name, args), intoDir = values.get("-t") ?? values.get("--target-directory"), sources = intoDir ? files : files.slice(0, -1), dest = intoDir ?? files[files.length - 1];
      if (!dest || !intoDir && files.length < 2) return;
      intoDir || emit(dest, "replace", name);
      for (let src of sources) {
        let srcName = lastName(src);
        srcName !== void 0 && emit({ parts: [...dest.parts, { text: `/${baseName(srcName)}`, known: !0 }] }, "replace", name);
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
      for (let w of args) {
        let t = text(w);
        t.startsWith("of=") && emit({ parts: [{ text: t.slice(3), known: exact(w) }] }, "replace", "dd of=");
      }
      return;
    case "patch": {
      let { values, operands: files } = operands(name, args), out = values.get("-o") ?? values.get("--output");
      out ? emit(out, "replace", "patch -o") : files[0] && emit(files[0], "replace", "patch");
      return;
    }
    default:
      if (SHELLS.has(name) && depth < 8) {
        let c = args.findIndex((w) => /^-[a-z]*c[a-z]*$/.test(text(w))), script = c >= 0 ? args[c + 1] : void 0;
        script && nested(text(script));
      }
  }
}
function analyse(command, scope, home, out, depth) {
  let stack = [], current = scope, nested = (inner) => {
    depth < 8 && analyse(inner, { dir: current.dir, vars: new Map(current.vars) }, home, out, depth + 1);
  }, tokens = new Lexer(command, () => current, home, nested).tokens(), emit = (w, kind, via) => {
    out.push({ path: text(w), exact: exact(w), name: lastName(w), dir: current.dir, kind, via });
  }, run = (cmd2) => {
    cmd2 = { words: cmd2.words.flatMap((w) => expandBraces(w)), redirs: cmd2.redirs };
    for (let r of cmd2.redirs) {
      let kind = OUTPUT_REDIRS.get(r.op);
      kind && r.target && emit(r.target, kind, `'${r.op}' redirection`);
    }
    let words = cmd2.words, k = 0;
    for (; k < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[k].parts[0]?.known ? text(words[k]) : ""); ) k++;
    if (k === words.length) {
      for (let w of words) {
        let t = text(w), eq = t.indexOf("=");
        current.vars.set(t.slice(0, eq), exact(w) ? t.slice(eq + 1) : void 0);
      }
      return;
    }
    for (words = words.slice(k); words.length > 1 && KEYWORDS.has(text(words[0])); ) words = words.slice(1);
    let name = baseName(text(words[0])), args = words.slice(1);
    if (name === "export" || name === "local" || name === "declare" || name === "readonly") {
      for (let w of args) {
        let t = text(w), eq = t.indexOf("=");
        eq > 0 && current.vars.set(t.slice(0, eq), exact(w) ? t.slice(eq + 1) : void 0);
      }
      return;
    }
    for (let hops = 0; WRAPPERS.has(name) && hops < 8; hops++) {
      let takesArg = OPTION_ARGS[name], j = 0;
      for (; j < args.length; ) {
        let t = text(args[j]);
        if (t.startsWith("-")) j += takesArg.has(t) ? 2 : 1;
        else if (name === "env" && /^[A-Za-z_][A-Za-z0-9_]*=/.test(t)) j++;
        else if (name === "timeout" && /^\d/.test(t)) {
          j++;
          break;
        } else break;
      }
      if (j >= args.length) return;
      name = baseName(text(args[j])), args = args.slice(j + 1);
    }
    if (name === "cd" || name === "pushd") {
      let target = args.find((w) => !text(w).startsWith("-") || text(w) === "-"), t = target ? literal(target) : home;
      current.dir = t === void 0 || t === "-" || current.dir === void 0 ? void 0 : joinPath(current.dir, t);
      return;
    }
    if (name === "popd") {
      current.dir = void 0;
      return;
    }
    commandWrites(name, args, emit, nested, depth);
  }, cmd = { words: [], redirs: [] }, finish = () => {
    (cmd.words.length > 0 || cmd.redirs.length > 0) && run(cmd), cmd = { words: [], redirs: [] };
  };
  for (let tok of tokens)
    if (tok.t === "word") {
      if (cmd.words.length === 0 && (text(tok.word) === "{" || text(tok.word) === "}")) continue;
      cmd.words.push(tok.word);
    } else tok.t === "redir" ? cmd.redirs.push({ op: tok.op, target: tok.target }) : (finish(), tok.op === "(" ? (stack.push(current), current = { dir: current.dir, vars: new Map(current.vars) }) : tok.op === ")" && stack.length > 0 && (current = stack.pop()));
  finish();
}
function shellWrites(command, options = {}) {
  let out = [];
  return analyse(command, { dir: "", vars: /* @__PURE__ */ new Map() }, options.home, out, 0), out;
}

// scripts/lib/guardian/signed.ts
var SIGNATURE = /signed:[ \t]*(?:squirrel|alive-mcp):/i;
function hasSignatureMarker(text2) {
  return SIGNATURE.test(text2);
}
function normaliseNewlines(text2) {
  return text2.includes("\r") ? text2.replace(/\r\n?/g, `
`) : text2;
}
function bodyStart(text2) {
  if (!text2.startsWith(`---
`)) return 0;
  let close = text2.indexOf(`
---`, 3);
  if (close === -1) return 0;
  let lineEnd = text2.indexOf(`
`, close + 4);
  return text2.slice(close + 1, lineEnd === -1 ? text2.length : lineEnd).trimEnd() !== "---" ? 0 : lineEnd === -1 ? text2.length : lineEnd + 1;
}
function entries(text2) {
  let body = text2.slice(bodyStart(text2)), out = [], start = 0, heading = /^## /gm, m;
  for (; (m = heading.exec(body)) !== null; )
    m.index > start && out.push(body.slice(start, m.index)), start = m.index, heading.lastIndex === m.index && heading.lastIndex++;
  return out.push(body.slice(start)), out.map((e) => e.trim()).filter((e) => e !== "");
}
function signedEntries(text2) {
  let counts = /* @__PURE__ */ new Map();
  for (let e of entries(normaliseNewlines(text2)))
    hasSignatureMarker(e) && counts.set(e, (counts.get(e) ?? 0) + 1);
  return counts;
}
function applyEdits(original, edits) {
  let text2 = normaliseNewlines(original);
  for (let edit of edits) {
    let oldString = normaliseNewlines(edit.oldString), newString = normaliseNewlines(edit.newString);
    if (oldString === "") {
      if (text2 !== "") return;
      text2 = newString;
      continue;
    }
    if (!text2.includes(oldString)) return;
    text2 = text2.split(oldString).join(newString);
  }
  return text2;
}
function signedEntriesKept(before, after) {
  let was = signedEntries(before);
  if (was.size === 0) return !0;
  let now = signedEntries(after);
  for (let [entry, count] of was)
    if ((now.get(entry) ?? 0) < count) return !1;
  return !0;
}
var CURLY_QUOTES = /[\u2018\u2019\u201C\u201D]/g;
function straightenQuotes(text2) {
  return text2.replace(CURLY_QUOTES, (q) => q === "‘" || q === "’" ? "'" : '"');
}
function checkEdits(current, edits) {
  let after = applyEdits(current, edits);
  if (after !== void 0) return signedEntriesKept(current, after) ? "keeps-signed" : "touches-signed";
  let straight = straightenQuotes(current), straightEdits = edits.map((e) => ({ ...e, oldString: straightenQuotes(e.oldString), newString: straightenQuotes(e.newString) })), afterStraight = applyEdits(straight, straightEdits);
  return afterStraight === void 0 ? "not-found" : signedEntriesKept(straight, afterStraight) ? "keeps-signed" : "touches-signed";
}
function editsTouchSignedEntry(current, edits) {
  let check = current === void 0 ? "not-found" : checkEdits(current, edits);
  return check !== "not-found" ? check === "touches-signed" : edits.some((e) => hasSignatureMarker(e.oldString));
}

// scripts/lib/guardian/decide.ts
var ALLOW = { allow: !0 };
function isLogName(path) {
  return basename(path).toLowerCase() === "log.md";
}
function worldAbove(dir, env) {
  let current = dir;
  for (; ; ) {
    if (isWorldRoot(current, env)) return current;
    let parent = dirname2(current);
    if (parent === current) return;
    current = parent;
  }
}
function guardedLogs(filePath, cwd, env) {
  if (!isLogName(filePath) && landsUnderItsOwnName(filePath, cwd)) return [];
  let targets = candidateTargets(filePath, cwd);
  if (!targets.some(isLogName)) return [];
  let roots = [], sessionWorld = findWorldRoot(cwd, env);
  sessionWorld && roots.push(...rootForms(sessionWorld));
  for (let t of targets) {
    if (!isLogName(t) || roots.some((r) => isInside(t, r))) continue;
    let w = worldAbove(dirname2(t), env);
    w && roots.push(...rootForms(w));
  }
  return targets.filter((t) => isLogName(t) && roots.some((r) => isInside(t, r)));
}
function readText(path) {
  try {
    return fs.readFileSync(path, "utf8");
  } catch {
    return;
  }
}
function overwriteReason(log) {
  return `The walnut log ${log} already exists, and a log.md is never overwritten: it is the walnut's prepend-only history of signed entries. To add to it, use Edit to insert the new entry directly after the frontmatter (anchor on the frontmatter's last field and its closing '---' line), newest entry first, and leave every existing entry exactly as it is. If you meant a different file, write it under another name.`;
}
function signedEntryReason(log) {
  return `This would change or remove a signed entry of the walnut log ${log}: an entry carrying 'signed: squirrel:…' or 'signed: alive-mcp:…'. Signed log entries are immutable. Leave them as they are; to correct or extend one, add a new entry directly after the frontmatter that says what changed and refers to the earlier entry by its heading. When adding an entry, anchor the Edit on the frontmatter's last field and closing '---' line, not on an existing entry.`;
}
function notFoundReason(log) {
  return `The old_string of this edit is not in the walnut log ${log} as written (line ends and curly quotes already matched the way the Edit tool matches them), so log-guardian cannot check that no signed entry changes, and it refuses what it cannot check. Read the file again and repeat the edit with old_string copied exactly from it. To add an entry, anchor the Edit on the frontmatter's last field and its closing '---' line.`;
}
function unreadableReason(log) {
  return `log-guardian cannot read the walnut log ${log}, so it cannot check that this edit leaves every signed entry as it is, and it refuses what it cannot check. Read the file with the Read tool to see why (permissions, a folder of that name), then try again.`;
}
function shellReason(write, log) {
  return `This command ${write.kind === "append" ? `would append to the walnut log ${log} (${write.via}). Text added at the end lands inside the oldest entry, or below it, out of order: entries are newest first, directly after the frontmatter.` : write.kind === "remove" ? `would delete or move away the walnut log ${log} (${write.via}), the walnut's history of signed entries.` : `would overwrite the walnut log ${log} (${write.via}), the walnut's prepend-only history of signed entries.`} Shell commands do not change a walnut log. To add an entry, use the Edit tool to insert it directly after the frontmatter (anchor on the frontmatter's last field and its closing '---' line), newest first, leaving every signed entry as it is. Reading the log (Read, cat, grep) is fine.`;
}
function unresolvedReason(write) {
  return `This command writes a file named log.md (${write.via} onto ${write.path}) inside an ALIVE world, through a folder log-guardian cannot tell from the command text (a variable, a glob, or a cd it cannot follow), so it cannot tell whether that is a walnut log, and it refuses what it cannot check. If it is a walnut log, use the Edit tool to insert a new entry directly after the frontmatter; if it is another file, name it with a literal path.`;
}
function namesLog(command) {
  let LOG = /log\.md/i, NOISE = /["'\\{},]/g;
  return LOG.test(command) || /["'\\{}]/.test(command) && LOG.test(command.replace(NOISE, ""));
}
function decideBash(call, cwd, env) {
  if (!namesLog(call.command)) return ALLOW;
  for (let write of shellWrites(call.command, { home: env.HOME }))
    if (write.exact && write.dir !== void 0) {
      let from = write.dir === "" ? cwd : resolve3(cwd, write.dir), path = isAbsolute2(write.path) ? write.path : `${from}${sep2}${write.path}`, existing = guardedLogs(path, cwd, env).find(exists);
      if (existing) return { allow: !1, reason: shellReason(write, existing) };
    } else if (write.name !== void 0 && isLogName(write.name) && findWorldRoot(cwd, env) !== void 0)
      return { allow: !1, reason: unresolvedReason(write) };
  return ALLOW;
}
function decideEdit(logs, call) {
  for (let log of logs) {
    let text2 = readText(log);
    if (text2 === void 0) {
      if (exists(log)) return { allow: !1, reason: unreadableReason(log) };
      if (editsTouchSignedEntry(void 0, call.edits)) return { allow: !1, reason: signedEntryReason(log) };
      continue;
    }
    let check = checkEdits(text2, call.edits);
    if (check === "touches-signed") return { allow: !1, reason: signedEntryReason(log) };
    if (check === "not-found") return { allow: !1, reason: notFoundReason(log) };
  }
  return ALLOW;
}
function decide(call, env, processCwd) {
  let cwd = call.cwd ?? processCwd;
  if (call.tool === "Bash") return decideBash(call, cwd, env);
  let logs = guardedLogs(call.filePath, cwd, env);
  if (logs.length === 0) return ALLOW;
  if (call.tool === "Write") {
    let existing = logs.find(exists);
    return existing ? { allow: !1, reason: overwriteReason(existing) } : ALLOW;
  }
  return decideEdit(logs, call);
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
  let call = guardianCall(parseJson(stdin.text));
  if (!call) return debugLog("not a Write/Edit/MultiEdit call with a file_path, nor a Bash command; allowing");
  let decision = decide(call, process.env, process.cwd());
  decision.allow || emitJson(preToolUseDeny(decision.reason));
});

#!/usr/bin/env node

// scripts/lib/fs/node-fs.ts
import { createRequire } from "node:module";
var fs = typeof process.getBuiltinModule == "function" ? process.getBuiltinModule("node:fs") : createRequire(import.meta.url)("node:fs");

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
  return new Promise((resolve3) => {
    let total = already, stdin = process.stdin, finish = (result) => {
      clearTimeout(timer), stdin.removeAllListeners("data"), stdin.removeAllListeners("end"), stdin.removeAllListeners("error"), stdin.on("error", () => {
      }), stdin.destroy(), resolve3(result);
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

// scripts/lib/hook/output.ts
function preToolUseDeny(reason) {
  return { hookSpecificOutput: { hookEventName: "PreToolUse", permissionDecision: "deny", permissionDecisionReason: reason } };
}

// scripts/lib/guardian/decide.ts
import { basename, dirname as dirname2 } from "node:path";

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

// scripts/lib/guardian/signed.ts
var SIGNATURE = /signed:[ \t]*(?:squirrel|alive-mcp):/i;
function hasSignatureMarker(text) {
  return SIGNATURE.test(text);
}
function normaliseNewlines(text) {
  return text.includes("\r") ? text.replace(/\r\n?/g, `
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
function entries(text) {
  let body = text.slice(bodyStart(text)), out = [], start = 0, heading = /^## /gm, m;
  for (; (m = heading.exec(body)) !== null; )
    m.index > start && out.push(body.slice(start, m.index)), start = m.index, heading.lastIndex === m.index && heading.lastIndex++;
  return out.push(body.slice(start)), out.map((e) => e.trim()).filter((e) => e !== "");
}
function signedEntries(text) {
  let counts = /* @__PURE__ */ new Map();
  for (let e of entries(normaliseNewlines(text)))
    hasSignatureMarker(e) && counts.set(e, (counts.get(e) ?? 0) + 1);
  return counts;
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
    text = text.split(oldString).join(newString);
  }
  return text;
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
function straightenQuotes(text) {
  return text.replace(CURLY_QUOTES, (q) => q === "‘" || q === "’" ? "'" : '"');
}
function editsTouchSignedEntry(current, edits) {
  if (current !== void 0) {
    let after = applyEdits(current, edits);
    if (after !== void 0) return !signedEntriesKept(current, after);
    let straight = straightenQuotes(current), straightEdits = edits.map((e) => ({
      ...e,
      oldString: straightenQuotes(e.oldString),
      newString: straightenQuotes(e.newString)
    })), afterStraight = applyEdits(straight, straightEdits);
    if (afterStraight !== void 0) return !signedEntriesKept(straight, afterStraight);
  }
  return edits.some((e) => hasSignatureMarker(e.oldString));
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
function guardedLogs(call, cwd, env) {
  if (!isLogName(call.filePath) && landsUnderItsOwnName(call.filePath, cwd)) return [];
  let targets = candidateTargets(call.filePath, cwd);
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
function decide(call, env, processCwd) {
  let cwd = call.cwd ?? processCwd, logs = guardedLogs(call, cwd, env);
  if (logs.length === 0) return ALLOW;
  if (call.tool === "Write") {
    let existing = logs.find(exists);
    return existing ? { allow: !1, reason: overwriteReason(existing) } : ALLOW;
  }
  for (let log of logs)
    if (editsTouchSignedEntry(readText(log), call.edits))
      return { allow: !1, reason: signedEntryReason(log) };
  return ALLOW;
}

// scripts/log-guardian.ts
var USAGE = `usage: log-guardian < PreToolUse-hook-JSON

Claude Code PreToolUse hook for Write, Edit and MultiEdit. Inside an ALIVE world it denies a Write
that would overwrite an existing log.md and an edit that would change a signed log entry; it
allows everything else, and anything it cannot read. Always exits 0.`, MAX_INPUT_BYTES = 256 * 1024 * 1024;
runHook(USAGE, async () => {
  let stdin = await readStdin({ maxBytes: MAX_INPUT_BYTES, timeoutMs: 3e3 });
  if (!stdin.ok) return debugLog(`stdin not read (${stdin.reason}); allowing`);
  let call = fileToolCall(parseJson(stdin.text));
  if (!call) return debugLog("not a Write/Edit/MultiEdit call with a file_path; allowing");
  let decision = decide(call, process.env, process.cwd());
  decision.allow || emitJson(preToolUseDeny(decision.reason));
});

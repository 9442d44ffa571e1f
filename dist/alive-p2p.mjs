#!/usr/bin/env node
import { createRequire as __aliveCreateRequire } from 'node:module';
const require = __aliveCreateRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf, __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require < "u" ? require : typeof Proxy < "u" ? new Proxy(x, {
  get: (a, b2) => (typeof require < "u" ? require : a)[b2]
}) : x)(function(x) {
  if (typeof require < "u") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __esm = (fn, res, err) => function() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __commonJS = (cb, mod) => function() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: !0 });
}, __copyProps = (to2, from, except, desc) => {
  if (from && typeof from == "object" || typeof from == "function")
    for (let key of __getOwnPropNames(from))
      !__hasOwnProp.call(to2, key) && key !== except && __defProp(to2, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  return to2;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: !0 }) : target,
  mod
));

// lazy-builtin:node:util
var require_node_util = __commonJS({
  "lazy-builtin:node:util"(exports, module) {
    module.exports = __require("node:util");
  }
});

// scripts/lib/errors.ts
function messageOf(err) {
  return err instanceof Error ? err.message : String(err);
}
function errnoCode(err) {
  if (err && typeof err == "object" && "code" in err && typeof err.code == "string")
    return err.code;
}
var AliveError, UsageError, init_errors = __esm({
  "scripts/lib/errors.ts"() {
    "use strict";
    AliveError = class extends Error {
      name = "AliveError";
      /** A short machine-readable reason, for --json output and tests (e.g. "checksum_mismatch"). */
      code;
      exitCode;
      fields;
      constructor(message, options = {}) {
        super(message, options.cause === void 0 ? void 0 : { cause: options.cause }), this.code = options.code ?? "failed", this.exitCode = options.exitCode ?? 1, this.fields = options.fields;
      }
    }, UsageError = class extends AliveError {
      name = "UsageError";
      /** The command's usage text, printed on stderr after the error line (not part of --json). */
      usage;
      constructor(message, usage) {
        super(message, { code: "usage", exitCode: 2 }), this.usage = usage;
      }
    };
  }
});

// scripts/lib/version.ts
var ALIVE_VERSION, init_version = __esm({
  "scripts/lib/version.ts"() {
    "use strict";
    ALIVE_VERSION = "0.1.0";
  }
});

// scripts/lib/cli/progress.ts
function terminalProgress(stream = process.stderr, minBytes = 4 * 1024 * 1024) {
  if (stream.isTTY !== !0) return () => {
  };
  let last = 0, shown = !1;
  return (p2) => {
    if (p2.totalBytes <= minBytes) return;
    if (p2.finished) {
      shown && stream.write("\r\x1B[K"), shown = !1;
      return;
    }
    let now = Date.now();
    if (now - last < 100) return;
    last = now, shown = !0;
    let pct = p2.totalBytes > 0 ? Math.min(100, Math.floor(p2.doneBytes / p2.totalBytes * 100)) : 100;
    stream.write(`\r${p2.phase} ${pct}% (${formatBytes(p2.doneBytes)} of ${formatBytes(p2.totalBytes)})`);
  };
}
function formatBytes(n) {
  return n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : n < 1024 * 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${(n / 1024 / 1024 / 1024).toFixed(2)} GB`;
}
var init_progress = __esm({
  "scripts/lib/cli/progress.ts"() {
    "use strict";
  }
});

// scripts/lib/cli/command.ts
function defineCommand(spec) {
  let acceptsJson = spec.json !== !1, options = {
    ...spec.options,
    ...COMMON,
    ...acceptsJson ? { json: { type: "boolean" } } : {}
  };
  return {
    name: spec.name,
    summary: spec.summary,
    help: spec.usage,
    async invoke(argv, io2, path = [spec.name]) {
      let jsonRequested = acceptsJson && argv.includes("--json");
      return guard(io2, jsonRequested, async () => {
        let parsed;
        try {
          parsed = (0, import_node_util.parseArgs)({ args: argv, options, strict: !0, allowPositionals: !0 });
        } catch (err) {
          throw new UsageError(cleanParseArgsMessage(err), spec.usage);
        }
        let values = parsed.values;
        if (values.help === !0)
          return writeLine(io2.stdout, spec.usage), 0;
        if (values.version === !0)
          return writeLine(io2.stdout, versionLine(path)), 0;
        let { min, max } = spec.positionals ?? { min: 0, max: 0 }, n = parsed.positionals.length;
        if (n < min) throw new UsageError("missing argument", spec.usage);
        if (n > max) throw new UsageError(`unexpected argument '${parsed.positionals[max]}'`, spec.usage);
        let ctx = makeContext(io2, values.json === !0, spec.usage, values, parsed.positionals);
        return await spec.run(ctx) ?? 0;
      });
    }
  };
}
function defineGroup(spec) {
  let byName = new Map(spec.commands.map((c) => [c.name, c])), width = Math.max(...spec.commands.map((c) => c.name.length)), list = spec.commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join(`
`), help = [`usage: ${spec.name} <command> [options]`, spec.intro, `Commands:
${list}`, spec.outro ?? `Run '${spec.name} <command> --help' for a command's options.`].filter((part) => part !== void 0 && part !== "").join(`

`);
  return {
    name: spec.name,
    summary: spec.summary,
    help,
    async invoke(argv, io2, path = [spec.name]) {
      let [first, ...rest] = argv;
      if (first === "--help" || first === "-h" || first === "help")
        return writeLine(io2.stdout, help), 0;
      if (first === "--version")
        return writeLine(io2.stdout, versionLine(path)), 0;
      let command = first === void 0 ? void 0 : byName.get(first);
      return command ? command.invoke(rest, io2, [...path, command.name]) : guard(io2, argv.includes("--json"), () => {
        throw first === void 0 ? new UsageError("a command is required", help) : new UsageError(`unknown command '${first}'`, help);
      });
    }
  };
}
function lazyCommand(name, summary, load) {
  let loading, loaded = async () => {
    loading ??= load();
    let command = await loading;
    if (command.name !== name) throw new Error(`lazyCommand '${name}' loaded a command named '${command.name}'`);
    return command;
  };
  return {
    name,
    summary,
    help: summary,
    load: loaded,
    async invoke(argv, io2, path = [name]) {
      let command;
      try {
        command = await loaded();
      } catch (err) {
        return guard(io2, argv.includes("--json"), () => {
          throw err;
        });
      }
      return command.invoke(argv, io2, path);
    }
  };
}
function runEntry(command) {
  let quietOnClosedPipe = (err) => {
    throw err.code === "EPIPE" && process.exit(process.exitCode ?? 0), err;
  };
  process.stdout.on("error", quietOnClosedPipe), process.stderr.on("error", quietOnClosedPipe), command.invoke(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then((code) => {
    process.exitCode = code;
  });
}
function makeContext(io2, json, usage, values, positionals) {
  return {
    values,
    positionals,
    json,
    io: io2,
    print: (text = "") => writeLine(io2.stdout, text),
    printJson: (value) => writeLine(io2.stdout, JSON.stringify(value, null, 2)),
    warn: (text) => writeLine(io2.stderr, `warning: ${text}`),
    progress: terminalProgress(io2.stderr),
    usageError: (message) => {
      throw new UsageError(message, usage);
    },
    required: (value, flag) => {
      if (value === void 0 || value === "") throw new UsageError(`${flag} is required`, usage);
      return value;
    }
  };
}
async function guard(io2, json, fn) {
  try {
    return await fn();
  } catch (err) {
    process.env.ALIVE_DEBUG === "1" && err instanceof Error && writeLine(io2.stderr, err.stack ?? err.message);
    let failure2 = err instanceof AliveError ? err : new AliveError(`unexpected failure: ${messageOf(err)} (run again with ALIVE_DEBUG=1 for details, and report it)`, {
      code: "unexpected"
    });
    return json && writeLine(io2.stdout, JSON.stringify({ ok: !1, ...failure2.fields, error: { code: failure2.code, message: failure2.message } }, null, 2)), writeLine(io2.stderr, `error: ${failure2.message}`), failure2 instanceof UsageError && failure2.usage !== void 0 && writeLine(io2.stderr, failure2.usage), failure2.exitCode;
  }
}
function versionLine(path) {
  return `${path.join(" ")} (alive) ${ALIVE_VERSION}`;
}
function writeLine(stream, text) {
  stream.write(`${text}
`);
}
function cleanParseArgsMessage(err) {
  return messageOf(err).split(". To ")[0].replace(/\.$/, "");
}
var import_node_util, COMMON, init_command = __esm({
  "scripts/lib/cli/command.ts"() {
    "use strict";
    import_node_util = __toESM(require_node_util(), 1);
    init_errors();
    init_version();
    init_progress();
    COMMON = {
      help: { type: "boolean", short: "h" },
      version: { type: "boolean" }
    };
  }
});

// lazy-builtin:node:fs
var require_node_fs = __commonJS({
  "lazy-builtin:node:fs"(exports, module) {
    module.exports = __require("node:fs");
  }
});

// lazy-builtin:node:path
var require_node_path = __commonJS({
  "lazy-builtin:node:path"(exports, module) {
    module.exports = __require("node:path");
  }
});

// lazy-builtin:node:crypto
var require_node_crypto = __commonJS({
  "lazy-builtin:node:crypto"(exports, module) {
    module.exports = __require("node:crypto");
  }
});

// scripts/lib/fs/atomic.ts
function siblingTempPath(target, tag = "tmp") {
  return (0, import_node_path.join)((0, import_node_path.dirname)(target), `.${(0, import_node_path.basename)(target)}.${process.pid}.${(0, import_node_crypto.randomBytes)(4).toString("hex")}.${tag}`);
}
function writeFileAtomic(target, data, options = {}) {
  (0, import_node_fs.mkdirSync)((0, import_node_path.dirname)(target), { recursive: !0 });
  let tmp = siblingTempPath(target);
  writeNewFileDurably(tmp, data, options.mode ?? 420);
  try {
    (0, import_node_fs.renameSync)(tmp, target);
  } catch (err) {
    throw safeUnlink(tmp), err;
  }
  fsyncDir((0, import_node_path.dirname)(target));
}
function writeNewFileDurably(path, data, mode = 420) {
  let fd = (0, import_node_fs.openSync)(path, "wx", mode);
  try {
    let buf = typeof data == "string" ? Buffer.from(data, "utf8") : data, off = 0;
    for (; off < buf.length; ) off += (0, import_node_fs.writeSync)(fd, buf, off, buf.length - off);
    (0, import_node_fs.fsyncSync)(fd);
  } catch (err) {
    throw (0, import_node_fs.closeSync)(fd), safeUnlink(path), err;
  }
  (0, import_node_fs.closeSync)(fd);
}
function writeJsonAtomic(target, value, options = {}) {
  writeFileAtomic(target, `${JSON.stringify(value, null, 2)}
`, options);
}
function fsyncDir(dir) {
  try {
    let fd = (0, import_node_fs.openSync)(dir, "r");
    try {
      (0, import_node_fs.fsyncSync)(fd);
    } finally {
      (0, import_node_fs.closeSync)(fd);
    }
  } catch {
  }
}
function safeUnlink(path) {
  try {
    (0, import_node_fs.unlinkSync)(path);
  } catch {
  }
}
var import_node_fs, import_node_path, import_node_crypto, init_atomic = __esm({
  "scripts/lib/fs/atomic.ts"() {
    "use strict";
    import_node_fs = __toESM(require_node_fs(), 1), import_node_path = __toESM(require_node_path(), 1), import_node_crypto = __toESM(require_node_crypto(), 1);
  }
});

// scripts/lib/crypto/keys.ts
function firstPemLabel(text) {
  return /-----BEGIN ([A-Z0-9 ]+)-----/.exec(text)?.[1];
}
function readKeyFile(path, kind) {
  let size;
  try {
    let st2 = (0, import_node_fs2.statSync)(path);
    if (!st2.isFile()) throw new AliveError(`${kind} key ${path} is not a file`, { code: "bad_key" });
    size = st2.size;
  } catch (err) {
    if (err instanceof AliveError) throw err;
    let code = errnoCode(err);
    throw code === "ENOENT" || code === "ENOTDIR" ? new AliveError(`${kind} key file not found: ${path}`, { code: "key_not_found" }) : new AliveError(`cannot read ${kind} key ${path} (${code ?? "unknown error"})`, { code: "bad_key" });
  }
  if (size > MAX_PEM_BYTES)
    throw new AliveError(`${path} is not a PEM ${kind} key (it is ${size} bytes; key files are a few KB)`, { code: "bad_key" });
  try {
    return (0, import_node_fs2.readFileSync)(path, "utf8");
  } catch (err) {
    throw new AliveError(`cannot read ${kind} key ${path} (${errnoCode(err) ?? "unknown error"})`, { code: "bad_key" });
  }
}
function checkRsa(key, source) {
  if (key.asymmetricKeyType !== "rsa")
    throw new AliveError(`${source} is a ${key.asymmetricKeyType ?? "non-asymmetric"} key; alive needs an RSA key (make one with 'alive-p2p keygen')`, {
      code: "bad_key"
    });
  let bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < MIN_RSA_BITS)
    throw new AliveError(`${source} is an RSA-${bits} key, too small: alive needs at least ${MIN_RSA_BITS} bits (keygen makes ${KEYGEN_RSA_BITS})`, {
      code: "bad_key"
    });
  let exponent = key.asymmetricKeyDetails?.publicExponent;
  if (exponent !== RSA_PUBLIC_EXPONENT)
    throw new AliveError(
      `${source} has the public exponent ${exponent ?? "unknown"}; alive accepts only RSA keys with the exponent 65537, as keygen and openssl make them (make a new key with 'alive-p2p keygen')`,
      { code: "bad_key" }
    );
  return key;
}
function publicKeyFromPem(pem, source = "the key") {
  let label = firstPemLabel(pem);
  if (/-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/.test(pem))
    throw new AliveError(`${source} is a private key, not a PEM public key: give the public key (public.pem), and never share the private one`, {
      code: "bad_key"
    });
  if (label === void 0 || !PUBLIC_LABELS.has(label))
    throw new AliveError(`${source} is not a PEM public key (expected "-----BEGIN PUBLIC KEY-----")`, { code: "bad_key" });
  if ((pem.match(/-----BEGIN /g) ?? []).length > 1)
    throw new AliveError(`${source} holds more than one PEM block; a public key file holds exactly one public key`, { code: "bad_key" });
  let key;
  try {
    key = (0, import_node_crypto2.createPublicKey)({ key: pem, format: "pem" });
  } catch {
    throw new AliveError(`${source} is not a PEM public key (its PEM block does not parse)`, { code: "bad_key" });
  }
  return checkRsa(key, source);
}
function loadPublicKey(path) {
  return publicKeyFromPem(readKeyFile(path, "public"), path);
}
function loadPrivateKey(path) {
  let pem = readKeyFile(path, "private"), label = firstPemLabel(pem);
  if (label === "ENCRYPTED PRIVATE KEY")
    throw new AliveError(`private key ${path} is protected by a password; alive needs an unencrypted key file (mode 0600)`, {
      code: "bad_key"
    });
  if (label !== void 0 && PUBLIC_LABELS.has(label))
    throw new AliveError(`${path} is a public key, not a PEM private key: give your private key (private.pem)`, { code: "bad_key" });
  if (label === "OPENSSH PRIVATE KEY")
    throw new AliveError(`${path} is an OpenSSH key; alive needs a PEM RSA key (make one with 'alive-p2p keygen')`, { code: "bad_key" });
  if (label === void 0 || !PRIVATE_LABELS.has(label))
    throw new AliveError(`${path} is not a PEM private key (expected "-----BEGIN PRIVATE KEY-----")`, { code: "bad_key" });
  if (process.platform !== "win32") {
    let mode = (0, import_node_fs2.statSync)(path).mode & 511;
    if ((mode & 63) !== 0)
      throw new AliveError(
        `private key ${path} is accessible to other users (mode 0${mode.toString(8)}); run 'chmod 600 ${path}', and consider making a new key if others may have read it`,
        { code: "key_permissions" }
      );
  }
  let key;
  try {
    key = (0, import_node_crypto2.createPrivateKey)({ key: pem, format: "pem" });
  } catch {
    throw new AliveError(`${path} is not a PEM private key (its PEM block does not parse)`, { code: "bad_key" });
  }
  return checkRsa(key, path);
}
function spkiDer(key) {
  return (key.type === "private" ? (0, import_node_crypto2.createPublicKey)(key) : key).export({ type: "spki", format: "der" });
}
function fingerprint(key) {
  return (0, import_node_crypto2.createHash)("sha256").update(spkiDer(key)).digest("hex");
}
function formatFingerprint(hex) {
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new RangeError("a fingerprint is 64 lowercase hex characters");
  return `SHA256:${hex.match(/.{4}/g).join(":")}`;
}
function generateRsa(bits) {
  return new Promise((resolve11, reject) => {
    (0, import_node_crypto2.generateKeyPair)(
      "rsa",
      {
        modulusLength: bits,
        publicExponent: 65537,
        publicKeyEncoding: { type: "spki", format: "pem" },
        privateKeyEncoding: { type: "pkcs8", format: "pem" }
      },
      (err, publicKey, privateKey) => err ? reject(err) : resolve11({ publicKey, privateKey })
    );
  });
}
function exists(path) {
  try {
    return (0, import_node_fs2.lstatSync)(path), !0;
  } catch {
    return !1;
  }
}
function writeNewFile(target, data, mode) {
  let tmp = siblingTempPath(target, "new"), write = (path) => {
    let fd = (0, import_node_fs2.openSync)(path, "wx", mode);
    try {
      let buf = Buffer.from(data, "utf8"), off = 0;
      for (; off < buf.length; ) off += (0, import_node_fs2.writeSync)(fd, buf, off, buf.length - off);
      (0, import_node_fs2.fsyncSync)(fd);
    } finally {
      (0, import_node_fs2.closeSync)(fd);
    }
  };
  try {
    write(tmp), (0, import_node_fs2.linkSync)(tmp, target);
  } catch (err) {
    let code = errnoCode(err);
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EXDEV" && code !== "ENOSYS") throw err;
    safeUnlink(tmp), write(target);
  } finally {
    safeUnlink(tmp);
  }
}
async function generateRsaKeyPair(dir) {
  let privateKeyPath = (0, import_node_path2.join)(dir, "private.pem"), publicKeyPath = (0, import_node_path2.join)(dir, "public.pem");
  for (let path of [privateKeyPath, publicKeyPath])
    if (exists(path))
      throw new AliveError(
        `${path} already exists; keygen never replaces a key (peers may hold its public half). Move it away first, or choose another --out folder`,
        { code: "key_exists" }
      );
  try {
    (0, import_node_fs2.mkdirSync)(dir, { recursive: !0, mode: 448 });
  } catch (err) {
    throw new AliveError(`cannot create the key folder ${dir} (${errnoCode(err) ?? "unknown error"})`, { code: "io" });
  }
  let { publicKey, privateKey } = await generateRsa(KEYGEN_RSA_BITS);
  try {
    writeNewFile(privateKeyPath, privateKey, 384);
  } catch (err) {
    throw errnoCode(err) === "EEXIST" ? new AliveError(`${privateKeyPath} appeared while the key was being made; nothing was replaced`, { code: "key_exists" }) : new AliveError(`cannot write ${privateKeyPath} (${errnoCode(err) ?? "unknown error"})`, { code: "io" });
  }
  try {
    writeNewFile(publicKeyPath, publicKey, 420);
  } catch (err) {
    safeUnlink(privateKeyPath);
    let why = errnoCode(err) === "EEXIST" ? "it appeared while the key was being made" : errnoCode(err) ?? "unknown error";
    throw new AliveError(`cannot write ${publicKeyPath} (${why}); no key was made`, { code: "io" });
  }
  return fsyncDir(dir), { privateKeyPath, publicKeyPath, fingerprint: fingerprint((0, import_node_crypto2.createPublicKey)(publicKey)) };
}
var import_node_crypto2, import_node_fs2, import_node_path2, MIN_RSA_BITS, KEYGEN_RSA_BITS, RSA_PUBLIC_EXPONENT, MAX_PEM_BYTES, PUBLIC_LABELS, PRIVATE_LABELS, init_keys = __esm({
  "scripts/lib/crypto/keys.ts"() {
    "use strict";
    import_node_crypto2 = __toESM(require_node_crypto(), 1), import_node_fs2 = __toESM(require_node_fs(), 1), import_node_path2 = __toESM(require_node_path(), 1);
    init_errors();
    init_atomic();
    MIN_RSA_BITS = 2048, KEYGEN_RSA_BITS = 4096, RSA_PUBLIC_EXPONENT = 65537n, MAX_PEM_BYTES = 64 * 1024, PUBLIC_LABELS = /* @__PURE__ */ new Set(["PUBLIC KEY", "RSA PUBLIC KEY"]), PRIVATE_LABELS = /* @__PURE__ */ new Set(["PRIVATE KEY", "RSA PRIVATE KEY"]);
  }
});

// lazy-builtin:node:stream
var require_node_stream = __commonJS({
  "lazy-builtin:node:stream"(exports, module) {
    module.exports = __require("node:stream");
  }
});

// scripts/lib/crypto/kdf.ts
function pbkdf2Iterations() {
  return testIterations ?? PBKDF2_ITERATIONS;
}
function split(material) {
  return { key: material.subarray(0, KEY_BYTES), iv: material.subarray(KEY_BYTES, KEY_BYTES + IV_BYTES) };
}
function pbkdf2Sha256KeyIv(passphrase, salt, iterations) {
  return new Promise((resolve11, reject) => {
    (0, import_node_crypto3.pbkdf2)(passphrase, salt, iterations, KEY_BYTES + IV_BYTES, "sha256", (err, material) => {
      err ? reject(err) : resolve11(split(material));
    });
  });
}
function evpBytesToKeyMd5(passphrase, salt) {
  let blocks = [], previous = Buffer.alloc(0), length = 0;
  for (; length < KEY_BYTES + IV_BYTES; )
    previous = (0, import_node_crypto3.createHash)("md5").update(previous).update(passphrase).update(salt).digest(), blocks.push(previous), length += previous.length;
  return split(Buffer.concat(blocks));
}
var import_node_crypto3, KEY_BYTES, IV_BYTES, SALT_BYTES, PBKDF2_ITERATIONS, testIterations, init_kdf = __esm({
  "scripts/lib/crypto/kdf.ts"() {
    "use strict";
    import_node_crypto3 = __toESM(require_node_crypto(), 1), KEY_BYTES = 32, IV_BYTES = 16, SALT_BYTES = 8, PBKDF2_ITERATIONS = 6e5;
  }
});

// scripts/lib/crypto/aes-cbc.ts
function checkKeyIv(key, iv) {
  if (key.length !== KEY_BYTES) throw new RangeError(`AES-256 key must be ${KEY_BYTES} bytes, got ${key.length}`);
  if (iv.length !== IV_BYTES) throw new RangeError(`CBC IV must be ${IV_BYTES} bytes, got ${iv.length}`);
}
function newCipher(key, iv) {
  return checkKeyIv(key, iv), (0, import_node_crypto4.createCipheriv)(ALGORITHM, key, iv);
}
function newDecipher(key, iv) {
  return checkKeyIv(key, iv), (0, import_node_crypto4.createDecipheriv)(ALGORITHM, key, iv);
}
function createAesCbcEncryptStream(key, iv) {
  return new CbcEncryptTransform(newCipher(key, iv));
}
function createAesCbcDecryptStream(key, iv) {
  return new RawDecryptTransform(key, iv);
}
var import_node_crypto4, import_node_stream, AES_BLOCK_BYTES, ALGORITHM, CbcEncryptTransform, CbcDecryptor, rawKeyErrors, RawDecryptTransform, init_aes_cbc = __esm({
  "scripts/lib/crypto/aes-cbc.ts"() {
    "use strict";
    import_node_crypto4 = __toESM(require_node_crypto(), 1), import_node_stream = __toESM(require_node_stream(), 1);
    init_errors();
    init_kdf();
    AES_BLOCK_BYTES = 16, ALGORITHM = "aes-256-cbc";
    CbcEncryptTransform = class extends import_node_stream.Transform {
      #cipher;
      constructor(cipher, prefix) {
        super(), this.#cipher = cipher, prefix && prefix.length > 0 && this.push(prefix);
      }
      _transform(chunk, _encoding, callback) {
        let out;
        try {
          out = this.#cipher.update(chunk);
        } catch (err) {
          callback(err);
          return;
        }
        out.length > 0 && this.push(out), callback();
      }
      _flush(callback) {
        try {
          callback(null, this.#cipher.final());
        } catch (err) {
          callback(err);
        }
      }
    }, CbcDecryptor = class {
      #decipher;
      #errors;
      #ciphertextBytes = 0;
      constructor(key, iv, errors) {
        this.#decipher = newDecipher(key, iv), this.#errors = errors;
      }
      update(chunk) {
        return this.#ciphertextBytes += chunk.length, this.#decipher.update(chunk);
      }
      final() {
        let n = this.#ciphertextBytes;
        if (n === 0 || n % AES_BLOCK_BYTES !== 0) throw this.#errors.truncated(n);
        try {
          return this.#decipher.final();
        } catch (err) {
          let e = this.#errors.badPadding();
          throw e.cause = err, e;
        }
      }
    }, rawKeyErrors = {
      truncated: (n) => new AliveError(
        n === 0 ? "the encrypted payload is empty: the package is damaged; ask the sender to share it again" : `the encrypted payload is truncated or padded (${n} bytes is not a whole number of 16-byte AES blocks): the package is damaged; ask the sender to share it again`,
        { code: "bad_payload" }
      ),
      badPadding: () => new AliveError("could not decrypt the payload with this key (wrong key, or the payload is damaged)", {
        code: "wrong_key"
      })
    }, RawDecryptTransform = class extends import_node_stream.Transform {
      #decryptor;
      constructor(key, iv) {
        super(), this.#decryptor = new CbcDecryptor(key, iv, rawKeyErrors);
      }
      _transform(chunk, _encoding, callback) {
        let out = this.#decryptor.update(chunk);
        out.length > 0 && this.push(out), callback();
      }
      _flush(callback) {
        try {
          callback(null, this.#decryptor.final());
        } catch (err) {
          callback(err);
        }
      }
    };
  }
});

// scripts/lib/crypto/tty-secret.ts
function canPrompt(term = processTerminal()) {
  return term.input.isTTY === !0 && term.output.isTTY === !0 && typeof term.input.setRawMode == "function";
}
function readSecretLine(prompt, term = processTerminal()) {
  let { input, output: output2 } = term;
  return new Promise((resolve11, reject) => {
    let secret = "", wasRaw = input.isRaw, done = (err) => {
      input.off("data", onData), input.off("end", onEnd), input.setRawMode(wasRaw), input.pause(), output2.write(`
`), err ? reject(err) : resolve11(secret);
    }, cancelled = () => new AliveError("cancelled at the passphrase prompt; nothing was done", { code: "interrupted" }), onEnd = () => done(cancelled()), onData = (chunk) => {
      for (let ch of typeof chunk == "string" ? chunk : chunk.toString("utf8")) {
        if (ch === "\r" || ch === `
`) return done(void 0);
        if (ch === "" || ch === "" && secret === "") return done(cancelled());
        ch === "" || ch === "\b" ? secret = [...secret].slice(0, -1).join("") : ch === "" ? secret = "" : ch >= " " && (secret += ch);
      }
    };
    input.setRawMode(!0), input.on("data", onData), input.on("end", onEnd), input.resume(), output2.write(prompt);
  });
}
var processTerminal, init_tty_secret = __esm({
  "scripts/lib/crypto/tty-secret.ts"() {
    "use strict";
    init_errors();
    processTerminal = () => ({ input: process.stdin, output: process.stderr });
  }
});

// scripts/lib/crypto/passphrase.ts
function passphraseFromEnv(env = process.env) {
  let value = env[PASSPHRASE_ENV];
  if (value === void 0 || value === "")
    throw new AliveError(
      `no passphrase: set the ${PASSPHRASE_ENV} environment variable (the passphrase is never taken from the command line)`,
      { code: "no_passphrase" }
    );
  return value;
}
async function obtainPassphrase(opts) {
  let env = opts.env ?? process.env, fromEnv = env[PASSPHRASE_ENV];
  if (fromEnv !== void 0 && fromEnv !== "") return fromEnv;
  let terminal = opts.terminal;
  if (!(terminal ? canPrompt(terminal) : canPrompt())) return passphraseFromEnv(env);
  let first = await readSecretLine("Passphrase: ", terminal);
  if (first === "")
    throw new AliveError(`no passphrase: an empty passphrase is not allowed (or set ${PASSPHRASE_ENV})`, { code: "no_passphrase" });
  if (opts.confirm && await readSecretLine("Passphrase again: ", terminal) !== first)
    throw new AliveError("the two passphrases differ; nothing was written, run the command again", { code: "no_passphrase" });
  return first;
}
function passphraseBytes(passphrase) {
  if (typeof passphrase != "string" || passphrase.length === 0)
    throw new AliveError(`no passphrase: set the ${PASSPHRASE_ENV} environment variable`, { code: "no_passphrase" });
  return Buffer.from(passphrase, "utf8");
}
function createPassphraseEncryptStream(passphrase) {
  return createPassphraseEncryptStreamWithSalt(passphrase, (0, import_node_crypto5.randomBytes)(SALT_BYTES));
}
async function createPassphraseEncryptStreamWithSalt(passphrase, salt) {
  if (salt.length !== SALT_BYTES) throw new RangeError(`salt must be ${SALT_BYTES} bytes`);
  let { key, iv } = await pbkdf2Sha256KeyIv(passphraseBytes(passphrase), salt, pbkdf2Iterations());
  return new CbcEncryptTransform(newCipher(key, iv), Buffer.concat([SALTED_MAGIC, salt]));
}
function wrongPassphrase() {
  return new AliveError(
    `${WRONG_PASSPHRASE} (check ${PASSPHRASE_ENV} with the sender; the payload is AES-256-CBC with no integrity tag, so the two cannot be told apart)`,
    { code: "wrong_passphrase" }
  );
}
function badPayload(what) {
  return new AliveError(`not a valid passphrase-encrypted payload: ${what}; ask the sender to share the package again`, {
    code: "bad_payload"
  });
}
function startsWithGzip(firstBlock, { key, iv }) {
  return newDecipher(key, iv).setAutoPadding(!1).update(firstBlock).subarray(0, GZIP_MAGIC.length).equals(GZIP_MAGIC);
}
function createPassphraseDecryptStream(passphrase, opts = {}) {
  return new PassphraseDecryptTransform(passphrase, opts.legacyKdfs === !0, opts.expectGzip === !0);
}
var import_node_crypto5, import_node_stream2, SALTED_MAGIC, SALTED_HEADER_BYTES, GZIP_MAGIC, PASSPHRASE_ENV, WRONG_PASSPHRASE, passphraseErrors, CURRENT_KDF, LEGACY_KDFS, PassphraseDecryptTransform, init_passphrase = __esm({
  "scripts/lib/crypto/passphrase.ts"() {
    "use strict";
    import_node_crypto5 = __toESM(require_node_crypto(), 1), import_node_stream2 = __toESM(require_node_stream(), 1);
    init_errors();
    init_aes_cbc();
    init_tty_secret();
    init_kdf();
    init_aes_cbc();
    SALTED_MAGIC = Buffer.from("Salted__", "ascii"), SALTED_HEADER_BYTES = SALTED_MAGIC.length + SALT_BYTES, GZIP_MAGIC = Buffer.from([31, 139, 8]), PASSPHRASE_ENV = "WALNUT_PASSPHRASE";
    WRONG_PASSPHRASE = "could not decrypt: wrong passphrase, or the payload is damaged";
    passphraseErrors = {
      truncated: (n) => badPayload(
        n === 0 ? "it holds a header but no ciphertext" : `it is truncated or padded (${n} bytes of ciphertext is not a whole number of 16-byte AES blocks)`
      ),
      badPadding: wrongPassphrase
    }, CURRENT_KDF = (p2, s3) => pbkdf2Sha256KeyIv(p2, s3, pbkdf2Iterations()), LEGACY_KDFS = [
      CURRENT_KDF,
      (p2, s3) => pbkdf2Sha256KeyIv(p2, s3, 1e5),
      (p2, s3) => pbkdf2Sha256KeyIv(p2, s3, 1e4),
      // openssl's default -iter with -pbkdf2
      async (p2, s3) => evpBytesToKeyMd5(p2, s3)
    ];
    PassphraseDecryptTransform = class extends import_node_stream2.Transform {
      #passphrase;
      #legacy;
      #expectGzip;
      /** Bytes held until the header (and, with legacy KDFs, the first block) has arrived. */
      #pending = [];
      #pendingBytes = 0;
      #decryptor;
      constructor(passphrase, legacy, expectGzip) {
        super(), this.#passphrase = passphraseBytes(passphrase), this.#legacy = legacy, this.#expectGzip = legacy || expectGzip;
      }
      get #needed() {
        return SALTED_HEADER_BYTES + (this.#expectGzip ? AES_BLOCK_BYTES : 0);
      }
      _transform(chunk, _encoding, callback) {
        if (this.#decryptor) {
          this.#pushPlain(this.#decryptor.update(chunk)), callback();
          return;
        }
        this.#pending.push(chunk), this.#pendingBytes += chunk.length;
        let head = Buffer.concat(this.#pending);
        this.#pending = [head];
        let magicBytes = Math.min(head.length, SALTED_MAGIC.length);
        if (!head.subarray(0, magicBytes).equals(SALTED_MAGIC.subarray(0, magicBytes))) {
          callback(badPayload('it does not start with "Salted__" (it was not made by passphrase encryption)'));
          return;
        }
        if (head.length < this.#needed) {
          callback();
          return;
        }
        this.#start(head).then(
          () => callback(),
          (err) => callback(err)
        );
      }
      async #start(head) {
        let salt = head.subarray(SALTED_MAGIC.length, SALTED_HEADER_BYTES), body = head.subarray(SALTED_HEADER_BYTES), chosen, firstBlock = body.subarray(0, AES_BLOCK_BYTES);
        if (this.#legacy) {
          for (let kdf of LEGACY_KDFS) {
            let candidate = await kdf(this.#passphrase, salt);
            if (startsWithGzip(firstBlock, candidate)) {
              chosen = candidate;
              break;
            }
          }
          if (!chosen) throw wrongPassphrase();
        } else if (chosen = await CURRENT_KDF(this.#passphrase, salt), this.#expectGzip && !startsWithGzip(firstBlock, chosen)) throw wrongPassphrase();
        this.#decryptor = new CbcDecryptor(chosen.key, chosen.iv, passphraseErrors), this.#pending = [], this.#pendingBytes = 0, this.#pushPlain(this.#decryptor.update(body));
      }
      #pushPlain(out) {
        out.length > 0 && this.push(out);
      }
      _flush(callback) {
        if (!this.#decryptor) {
          let n = this.#pendingBytes;
          n < SALTED_HEADER_BYTES ? callback(badPayload(n === 0 ? "it is empty" : `it is ${n} bytes, shorter than the 16-byte "Salted__" header`)) : callback(passphraseErrors.truncated(n - SALTED_HEADER_BYTES));
          return;
        }
        try {
          callback(null, this.#decryptor.final());
        } catch (err) {
          callback(err);
        }
      }
    };
  }
});

// scripts/lib/crypto/sign.ts
function splitSignatureBlocks(text) {
  let kept = [], blocks = [], current;
  for (let line of text.split(`
`))
    BLOCK_START.test(line) ? (current = [line], blocks.push(current)) : current && isIndented(line) ? current.push(line) : (current = void 0, kept.push(line));
  return { kept, blocks };
}
function canonicalManifestForSignature(text) {
  let { kept } = splitSignatureBlocks(text), end = kept.length;
  for (; end > 0 && isBlank(kept[end - 1]); ) end--;
  return `${kept.slice(0, end).join(`
`)}
`;
}
function signManifestText(text, privateKey, signer) {
  if (!SAFE_SIGNER.test(signer))
    throw new AliveError(
      `signer name '${signer.replace(/[^\x20-\x7e]/g, "?").slice(0, 100)}' is not usable: use 1-100 letters, digits, '.', '_', '-' or '@' (a GitHub login)`,
      { code: "bad_signer" }
    );
  if (privateKey.type !== "private") throw new TypeError("signing needs a private key");
  let canonical = canonicalManifestForSignature(text), value = (0, import_node_crypto6.sign)("sha256", Buffer.from(canonical, "utf8"), { key: privateKey, padding: import_node_crypto6.constants.RSA_PKCS1_PADDING });
  return `${canonical.replace(/\n+$/, "")}

signature:
  algorithm: "${SIGNATURE_ALGORITHM}"
  signer: "${signer}"
  value: "${value.toString("base64")}"
`;
}
function scalar(raw) {
  let v2 = raw.trim(), double = /^"((?:[^"\\]|\\.)*)"/.exec(v2);
  if (double) return double[1].replace(/\\(["\\])/g, "$1");
  let single = /^'((?:[^']|'')*)'/.exec(v2);
  return single ? single[1].replace(/''/g, "'") : v2.replace(/(?:^|\s+)#.*$/, "");
}
function parseBlock(lines) {
  let fields = {};
  for (let line of lines.slice(1)) {
    let m2 = /^[ \t]+([A-Za-z_]+)[ \t]*:(.*)$/.exec(line);
    m2 && !(m2[1] in fields) && (fields[m2[1]] = scalar(m2[2]));
  }
  return { algorithm: fields.algorithm ?? "", signer: fields.signer ?? "", value: fields.value ?? "" };
}
function readSignatureBlock(text) {
  let first = splitSignatureBlocks(text).blocks[0];
  return first ? parseBlock(first) : void 0;
}
function verifyManifestText(text, signerPublicKey) {
  let { blocks } = splitSignatureBlocks(text);
  if (blocks.length === 0) return { present: !1, ok: !1, reason: "the manifest is not signed" };
  let block = parseBlock(blocks[0]), signer = block.signer === "" ? void 0 : block.signer, fail2 = (reason) => ({ present: !0, ok: !1, ...signer ? { signer } : {}, reason });
  if (blocks.length > 1) return fail2("the manifest has more than one signature block");
  if (block.algorithm !== SIGNATURE_ALGORITHM)
    return fail2(
      block.algorithm === "" ? "the signature block names no algorithm" : `unsupported signature algorithm '${block.algorithm.slice(0, 40)}' (only ${SIGNATURE_ALGORITHM} is accepted)`
    );
  if (block.value === "") return fail2("the signature block has no value");
  if (!STANDARD_BASE64.test(block.value)) return fail2("the signature value is not base64");
  let canonical = Buffer.from(canonicalManifestForSignature(text), "utf8"), ok;
  try {
    ok = (0, import_node_crypto6.verify)(
      "sha256",
      canonical,
      { key: signerPublicKey, padding: import_node_crypto6.constants.RSA_PKCS1_PADDING },
      Buffer.from(block.value, "base64")
    );
  } catch {
    ok = !1;
  }
  return ok ? { present: !0, ok: !0, ...signer ? { signer } : {} } : fail2("bad signature: the manifest was changed after signing, or it was signed by another key");
}
var import_node_crypto6, SIGNATURE_ALGORITHM, BLOCK_START, isIndented, isBlank, SAFE_SIGNER, STANDARD_BASE64, init_sign = __esm({
  "scripts/lib/crypto/sign.ts"() {
    "use strict";
    import_node_crypto6 = __toESM(require_node_crypto(), 1);
    init_errors();
    SIGNATURE_ALGORITHM = "RSA-SHA256", BLOCK_START = /^signature *:/, isIndented = (line) => line.startsWith(" ") || line.startsWith("	"), isBlank = (line) => line.trim() === "";
    SAFE_SIGNER = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$/;
    STANDARD_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
  }
});

// lazy-builtin:node:os
var require_node_os = __commonJS({
  "lazy-builtin:node:os"(exports, module) {
    module.exports = __require("node:os");
  }
});

// node_modules/ignore/index.js
var require_ignore = __commonJS({
  "node_modules/ignore/index.js"(exports, module) {
    function makeArray(subject) {
      return Array.isArray(subject) ? subject : [subject];
    }
    var UNDEFINED = void 0, EMPTY = "", SPACE = " ", ESCAPE = "\\", REGEX_LITERAL_SPECIAL = /[.*+?()[\]{}^$|\\/]/, BOM = "\uFEFF", REGEX_ANCHORED_GLOBSTAR = /^\/\*{2,}$/, REGEX_REPLACE_LEADING_EXCAPED_EXCLAMATION = /^\\!/, REGEX_REPLACE_LEADING_EXCAPED_HASH = /^\\#/, REGEX_SPLITALL_CRLF = /\r?\n/g, DOUBLE_SLASH = "//", SLASH_CODE = 47, DOT_CODE = 46, SLASH = "/", TMP_KEY_IGNORE = "node-ignore";
    typeof Symbol < "u" && (TMP_KEY_IGNORE = /* @__PURE__ */ Symbol.for("node-ignore"));
    var KEY_IGNORE = TMP_KEY_IGNORE, define = (object2, key, value) => (Object.defineProperty(object2, key, { value }), value), RETURN_FALSE = () => !1, POSIX_CLASSES = {
      alnum: "0-9A-Za-z",
      alpha: "A-Za-z",
      blank: " \\t",
      cntrl: "\\x00-\\x1f\\x7f",
      digit: "0-9",
      graph: "!-.0-~",
      lower: "a-z",
      print: " -.0-~",
      punct: "!-.:-@\\[-`{-~",
      // git's `sane-ctype.h` classifies \v and \f as control, not space,
      //   unlike C's `isspace`
      space: " \\t\\n\\r",
      upper: "A-Z",
      xdigit: "0-9A-Fa-f"
    }, CLASS_MEMBERS_TO_ESCAPE = "\\]^-[", escapeMember = (char) => CLASS_MEMBERS_TO_ESCAPE.indexOf(char) < 0 ? char : ESCAPE + char, NON_SLASH = "(?!\\/)", classSource = (negated, body) => {
      if (negated)
        return `[^\\/${body}]`;
      let source = `[${body}]`;
      return new RegExp(source).test("/") ? NON_SLASH + source : source;
    }, scanBracket = (pattern, start) => {
      let { length } = pattern, index = start + 1, negated = EMPTY, lead = pattern[index];
      (lead === "!" || lead === "^") && (negated = "^", index++);
      let body = EMPTY, prev = EMPTY;
      for (; ; ) {
        let char = pattern[index];
        if (char === UNDEFINED)
          return null;
        if (char === ESCAPE) {
          let escaped = pattern[++index];
          body += escapeMember(escaped), prev = escaped;
        } else if (char === "-" && prev && index + 1 < length && pattern[index + 1] !== "]") {
          index++;
          let to2 = pattern[index];
          to2 === ESCAPE && (to2 = pattern[index += 1]), prev <= to2 && (body += `-${escapeMember(to2)}`), prev = EMPTY;
        } else if (char === "[" && pattern[index + 1] === ":") {
          let nameStart = index + 2, end = nameStart;
          for (; end < length && pattern[end] !== "]"; )
            end++;
          if (end === length)
            return null;
          if (end > nameStart && pattern[end - 1] === ":") {
            let name = pattern.slice(nameStart, end - 1);
            if (!Object.prototype.hasOwnProperty.call(POSIX_CLASSES, name))
              return null;
            body += POSIX_CLASSES[name], prev = EMPTY, index = end;
          } else
            body += escapeMember("["), prev = "[", index = nameStart - 2;
        } else
          body += escapeMember(char), prev = char;
        if (index++, pattern[index] === "]")
          return {
            end: index,
            source: classSource(negated, body)
          };
      }
    }, NEVER_MATCH = "[]", PLACEHOLDER = "\0", REGEX_RESTORE_PLACEHOLDER = new RegExp(
      `${PLACEHOLDER}(\\d+)${PLACEHOLDER}`,
      "g"
    ), TRAILING_WILDCARD = "", TRAILING_DOUBLESTAR = "", isReserved = (char) => char === PLACEHOLDER || char === TRAILING_WILDCARD || char === TRAILING_DOUBLESTAR, extractBrackets = (pattern) => {
      let sources = [], hold = (source) => `${PLACEHOLDER}${sources.push(source) - 1}${PLACEHOLDER}`, { length } = pattern, out = EMPTY, index = 0;
      for (; index < length; ) {
        let char = pattern[index];
        if (char === ESCAPE) {
          let escaped = pattern[index + 1];
          escaped === SLASH && index + 2 === length ? out += hold(NEVER_MATCH) : escaped === "*" || escaped === "[" || escaped === SPACE ? out += pattern.slice(index, index + 2) : out += hold(
            REGEX_LITERAL_SPECIAL.test(escaped) ? ESCAPE + escaped : isReserved(escaped) ? `[${escaped}]` : escaped
          ), index += 2;
        } else if (isReserved(char))
          out += hold(`[${char}]`), index++;
        else if (char === "[") {
          let scanned = scanBracket(pattern, index);
          scanned === null ? (out += hold(NEVER_MATCH), index = length) : (out += hold(scanned.source), index = scanned.end + 1);
        } else
          out += char, index++;
      }
      return {
        source: out,
        sources
      };
    }, DIRECT = null, REGEX_INNER_SLASH = /\/(?!$)/, WILDCARD = "[^\\/]*", REPLACERS = [
      // Replace (\ ) with ' '
      // Only a space: an escaped tab or other whitespace is already a literal by
      //   the time it reaches here, and a bare tab must be left as one, not turned
      //   into a space.
      // (\ ) -> ' '
      // (\\ ) -> '\\ '
      // (\\\ ) -> '\\ '
      [
        // A run of backslashes is taken whole, from its first one, so no match
        //   ever starts again inside it -- `(\\+?) ` did, which made a long run
        //   quadratic.
        /(\\+)( ?)/g,
        (_2, run, space) => space ? run.slice(0, run.length - run.length % 2) + SPACE : run,
        ESCAPE + SPACE
      ],
      // git's wildmatch() reads a run of two or more asterisks as one globstar
      //   whenever the run fills a path segment: it starts the pattern or follows
      //   a `/`, and it ends the pattern or comes before a `/`. A run of two is
      //   already `**`; a longer one is folded into `**` here, so the steps
      //   below only ever have to know `**`.
      // `***/foo` -> `**/foo`, `a/***/b` -> `a/**/b`, `a/***` -> `a/**`
      // git also takes a run beside a literal prefix (`a***/b`) or beside an
      //   escaped slash (`***\/b`) as a globstar, and this does not; the README
      //   lists both, under "A run of asterisks".
      [
        /(^|\/)\*{3,}(?=\/|$)/g,
        (_2, start) => `${start}**`,
        "*"
      ],
      // Escape metacharacters
      // which is written down by users but means special for regular expressions.
      // > There are 12 characters with special meanings:
      // > - the backslash \,
      // > - the caret ^,
      // > - the dollar sign $,
      // > - the period or dot .,
      // > - the vertical bar or pipe symbol |,
      // > - the question mark ?,
      // > - the asterisk or star *,
      // > - the plus sign +,
      // > - the opening parenthesis (,
      // > - the closing parenthesis ),
      // > - and the opening square bracket [,
      // > - the opening curly brace {,
      // > These special characters are often called "metacharacters".
      [
        /[\\$.|*+(){^]/g,
        (match) => `\\${match}`
      ],
      [
        // > a question mark (?) matches a single character
        /(?!\\)\?/g,
        () => "[^/]",
        "?"
      ],
      // leading slash
      [
        // > A leading slash matches the beginning of the pathname.
        // > For example, "/*.c" matches "cat-file.c" but not "mozilla-sha1/sha1.c".
        // A leading slash matches the beginning of the pathname
        /^\//,
        () => "^",
        SLASH
      ],
      // replace special metacharacter slash after the leading slash
      [
        /\//g,
        () => "\\/",
        SLASH
      ],
      [
        // > A leading "**" followed by a slash means match in all directories.
        // > For example, "**/foo" matches file or directory "foo" anywhere,
        // > the same as pattern "foo".
        // > "**/foo/bar" matches file or directory "bar" anywhere that is directly
        // >   under directory "foo".
        // Notice that the '*'s have been replaced as '\\*'
        /^\^*(?:\\\*\\\*\\\/)+/,
        // '**/foo' <-> 'foo'
        () => "(?:^|\\/)",
        "*"
      ],
      // starting
      [
        // there will be no leading '/'
        //   (which has been replaced by section "leading slash")
        // If starts with '**', adding a '^' to the regular expression also works
        DIRECT,
        (source, pattern) => !source || source[0] === "^" || source[0] === "(" ? source : (REGEX_INNER_SLASH.test(pattern) ? "^" : "(?:^|\\/)") + source
      ],
      // two globstars
      [
        // Use lookahead assertions so that we could match more than one `'/**'`
        /\\\/\\\*\\\*(?=\\\/|$)/g,
        // Zero, one or several directories
        // should not use '*', or it will be replaced by the next replacer
        // Check if it is not the last `'/**'`
        (_2, index, str) => index + 6 < str.length ? str.slice(index + 6) === "\\/" ? "(?:\\/[^\\/]+)+" : "(?:\\/[^\\/]+)*" : `\\/${TRAILING_DOUBLESTAR}`,
        "*"
      ],
      // normal intermediate wildcards
      [
        // Never replace escaped '*'
        // ignore rule '\*' will match the path '*'
        // 'abc.*/' -> go
        // 'abc.*'  -> skip this rule,
        //    coz trailing single wildcard will be handed by [trailing wildcard]
        /(^|[^\\])(?:\\\*)+(?!$)/g,
        // '*.js' matches '.js'
        // '*.js' doesn't match 'abc'
        // 1. An asterisk "*" matches anything except a slash.
        // 2. Other consecutive asterisks are considered regular asterisks
        //    and collapse into one non-slash wildcard run.
        (_2, p1) => p1 + WILDCARD,
        "*"
      ],
      // trailing wildcard, held apart from a literal star
      [
        // The step above leaves a trailing `*` alone, so a single `\*` is all that
        //   can be left at the end here, and what stands in front of it says which
        //   kind it is. A wildcard arrives as the escaper wrote it, `\*` with
        //   nothing before it; a literal arrives as the user's own escape, which
        //   the escaper doubled, and then the star's own -- `\\` and then `\*`.
        //   There is no third case: every backslash still reaching the chain is
        //   one `\*`, `\[` or `\ ` carries itself, and each is followed by its
        //   own character, so a longer run can never form. This runs while the
        //   two are still distinct, before the unescape steps below collapse the
        //   literal onto the very `\*` a wildcard leaves behind.
        /(^|[^\\])((?:\\\\)*)\\\*$/,
        (match, p1, p2) => p2 === EMPTY ? p1 + TRAILING_WILDCARD : match,
        "*"
      ],
      [
        // unescape, revert step 3 except for back slash
        // For example, if a user escape a '\\*',
        // after step 3, the result will be '\\\\\\*'
        /\\\\\\(?=[$.|*+(){^])/g,
        () => ESCAPE,
        ESCAPE + ESCAPE
      ],
      [
        // '\\\\' -> '\\'
        /\\\\/g,
        () => ESCAPE,
        ESCAPE + ESCAPE
      ],
      [
        // Every real bracket expression -- POSIX classes included -- has already
        //   been held aside by `extractBrackets`, so the only `[` left in the
        //   pattern is an escaped, literal one.
        // A backslash could only stand at the end of the range if it quoted the
        //   `]`, and `\]` is held aside long before this.
        /\\\[([^\]/]*?)($|\])/g,
        // '\\[bar]' -> '\\\\[bar]'
        (match, range, close) => `\\[${range}${close}`,
        "["
      ],
      // ending
      [
        // 'js' will not match 'js.'
        // 'ab' will not match 'abc'
        DIRECT,
        // WTF!
        // https://git-scm.com/docs/gitignore
        // changes in [2.22.1](https://git-scm.com/docs/gitignore/2.22.1)
        // which re-fixes #24, #38
        // > If there is a separator at the end of the pattern then the pattern
        // > will only match directories, otherwise the pattern can match both
        // > files and directories.
        // 'js*' will not match 'a.js'
        // 'js/' will not match 'a.js'
        // 'js' will match 'a.js' and 'a.js/'
        (source) => {
          let last = source[source.length - 1];
          return !last || last === TRAILING_WILDCARD || last === TRAILING_DOUBLESTAR ? source : last === SLASH ? `${source}$` : `${source}(?=$|\\/$)`;
        }
      ]
    ], REGEX_REPLACE_TRAILING_WILDCARD = /(^|\\\/)?\uE000$/, MODE_IGNORE = "regex", MODE_CHECK_IGNORE = "checkRegex", UNDERSCORE = "_", replaceTrailingWildcard = (_2, p1) => `${p1 ? `${p1}[^/]+` : "[^/]*"}(?=$|\\/$)`, REGEX_REPLACE_TRAILING_DOUBLESTAR = /\uE001$/, replaceTrailingDoublestar = () => "[\\s\\S]", separatorAfter = (run, at2) => {
      let separator = EMPTY;
      for (let index = at2 + 1; index < run.length && !run[index].wildcard; index++)
        separator += run[index].single;
      return separator;
    }, pinWildcards = (source) => {
      if (source.indexOf(WILDCARD) < 0)
        return source;
      let tokens = [], { length } = source, index = 0;
      for (; index < length; ) {
        let char = source[index];
        if (source.startsWith(WILDCARD, index))
          tokens.push({ wildcard: !0 }), index += WILDCARD.length;
        else if (char === "[") {
          let end = index + 1;
          for (source[end] === "^" && end++, source[end] === "]" && end++; end < length && source[end] !== "]"; )
            end += source[end] === ESCAPE ? 2 : 1;
          end++, tokens.push({ single: source.slice(index, end) }), index = end;
        } else if (char === ESCAPE)
          tokens.push({ single: source.slice(index, index + 2) }), index += 2;
        else if (char === "(") {
          let depth = 0, end = index;
          do
            source[end] === ESCAPE ? end++ : source[end] === "(" ? depth++ : source[end] === ")" && depth--, end++;
          while (end < length && depth > 0);
          "*+?".indexOf(source[end]) >= 0 && end++, tokens.push({ boundary: source.slice(index, end) }), index = end;
        } else char === "^" || char === "$" ? (tokens.push({ boundary: char }), index++) : (tokens.push({ single: char }), index++);
      }
      let out = EMPTY, run = [], flush = () => {
        let lastWildcard;
        run.forEach((token, at2) => {
          token.wildcard && (lastWildcard = at2);
        }), run.forEach((token, at2) => {
          if (!token.wildcard) {
            out += token.single;
            return;
          }
          out += at2 === lastWildcard ? WILDCARD : `(?:(?!${separatorAfter(run, at2)})[^\\/])*`;
        }), run = [];
      };
      return tokens.forEach((token) => {
        if (token.boundary === void 0) {
          run.push(token);
          return;
        }
        flush(), out += token.boundary;
      }), flush(), out;
    }, makeRegexPrefix = (pattern) => {
      REGEX_ANCHORED_GLOBSTAR.test(pattern) && (pattern = "**");
      let { source, sources } = extractBrackets(pattern), replaced = REPLACERS.reduce(
        // A pass whose matcher finds nothing hands back the very string it was
        //   given, so asking first costs a search and saves a rewrite. Ten of the
        //   fifteen passes never fire for a typical .gitignore line, and between
        //   them they were 45% of this chain.
        (prev, [matcher, replacer, required2]) => matcher === DIRECT ? replacer(prev, pattern) : required2 !== UNDEFINED && prev.indexOf(required2) < 0 ? prev : matcher.test(prev) ? prev.replace(matcher, replacer.bind(pattern)) : prev,
        source
      );
      return sources.length ? replaced.replace(
        REGEX_RESTORE_PLACEHOLDER,
        (match, index) => sources[index]
      ) : replaced;
    }, checkSourceOf = (body, prefix) => {
      body[body.length - 1] === SLASH && (prefix = makeRegexPrefix(body.slice(0, -1)));
      let head = prefix.slice(0, -1), last = prefix[prefix.length - 1];
      return last === TRAILING_WILDCARD ? `${head}$` : last === TRAILING_DOUBLESTAR ? head : NEVER_MATCH;
    }, matchesBasename = (body) => {
      let index = body.indexOf(SLASH);
      return index < 0 || index === body.length - 1;
    }, basenameOf = (path) => {
      let end = path.length - 1, index = path.lastIndexOf(
        SLASH,
        path[end] === SLASH ? end - 1 : end
      );
      return index < 0 ? path : path.slice(index + 1);
    }, parentOf = (path) => {
      if (path.charCodeAt(0) === SLASH_CODE || path.indexOf(DOUBLE_SLASH) >= 0) {
        let slices = path.split(SLASH).filter(Boolean);
        return slices.pop(), slices.length ? slices.join(SLASH) + SLASH : EMPTY;
      }
      let end = path.length - 1, cut = path.lastIndexOf(
        SLASH,
        path.charCodeAt(end) === SLASH_CODE ? end - 1 : end
      );
      return cut < 0 ? EMPTY : path.slice(0, cut + 1);
    }, isString = (subject) => typeof subject == "string", checkPattern = (pattern) => pattern && isString(pattern), splitPattern = (pattern) => (pattern[pattern.length - 1] === "\r" ? pattern.slice(0, -1) : pattern).split(REGEX_SPLITALL_CRLF).filter(Boolean), IgnoreRule = class {
      constructor(pattern, mark, body, ignoreCase, negative, prefix) {
        this.pattern = pattern, this.mark = mark, this.negative = negative, define(this, "body", body), define(this, "ignoreCase", ignoreCase), define(this, "regexPrefix", prefix);
      }
      // Worked out on first use and kept behind an own property, the way `regex`
      //   caches itself in `_regex`. Deciding it in the constructor instead would
      //   add a fourth `defineProperty` to every rule ever built, which cost 4% of
      //   every compile -- including the compiles of rules that are never matched
      //   against anything.
      get _basenameOnly() {
        return define(this, "_basenameOnly", matchesBasename(this.body));
      }
      get regex() {
        let key = UNDERSCORE + MODE_IGNORE;
        return this[key] ? this[key] : this._make(MODE_IGNORE, key);
      }
      get checkRegex() {
        let key = UNDERSCORE + MODE_CHECK_IGNORE;
        return this[key] ? this[key] : this._make(MODE_CHECK_IGNORE, key);
      }
      _make(mode, key) {
        let str = pinWildcards(
          mode === MODE_IGNORE ? this.regexPrefix.replace(REGEX_REPLACE_TRAILING_WILDCARD, replaceTrailingWildcard).replace(REGEX_REPLACE_TRAILING_DOUBLESTAR, replaceTrailingDoublestar) : checkSourceOf(this.body, this.regexPrefix)
        ), regex = this.ignoreCase ? new RegExp(str, "i") : new RegExp(str);
        return define(this, key, regex);
      }
    }, hasTrailingBackslash = (str) => {
      let count2 = 0;
      for (; str[str.length - count2 - 1] === ESCAPE; )
        count2++;
      return count2 % 2 === 1;
    }, trimEnd = (body, stripLineEnd) => {
      let lineEnd = body.length, end;
      for (; ; ) {
        for (stripLineEnd && body[lineEnd - 1] === "\r" && lineEnd--, end = lineEnd; body[end - 1] === SPACE; )
          end--;
        if (!stripLineEnd || body[end - 1] !== `
`)
          break;
        lineEnd = end - 1;
      }
      if (end === lineEnd)
        return body.slice(0, lineEnd);
      let backslashes = 0;
      for (; body[end - backslashes - 1] === ESCAPE; )
        backslashes++;
      return backslashes % 2 ? body.slice(0, end - 1) + SPACE : body.slice(0, end);
    }, createRule = (pattern, mark, ignoreCase, stripLineEnd, stripBOM) => {
      let body = stripBOM && pattern[0] === BOM ? pattern.slice(1) : pattern;
      if (body[0] === "#")
        return;
      let negative = !1;
      body[0] === "!" && (negative = !0, body = body.slice(1));
      let last = body[body.length - 1];
      if ((last === SPACE || stripLineEnd && (last === "\r" || last === `
`)) && (body = trimEnd(body, stripLineEnd)), !body || hasTrailingBackslash(body))
        return;
      body = body.replace(REGEX_REPLACE_LEADING_EXCAPED_EXCLAMATION, "!").replace(REGEX_REPLACE_LEADING_EXCAPED_HASH, "#");
      let regexPrefix = makeRegexPrefix(body);
      return new IgnoreRule(
        pattern,
        mark,
        body,
        ignoreCase,
        negative,
        regexPrefix
      );
    }, RuleManager = class {
      constructor(ignoreCase) {
        this._ignoreCase = ignoreCase, this._rules = [], this._basenameCount = 0;
      }
      _add(pattern, index) {
        if (pattern && pattern[KEY_IGNORE]) {
          this._rules = this._rules.concat(pattern._rules._rules), this._basenameCount += pattern._rules._basenameCount, this._added = !0;
          return;
        }
        let isStr = isString(pattern), raw = isStr ? pattern : pattern.pattern, rule = checkPattern(raw) && createRule(
          raw,
          isStr ? UNDEFINED : pattern.mark,
          this._ignoreCase,
          !this._split,
          this._stripBOM && !index
        );
        rule && (this._added = !0, this._rules.push(rule), matchesBasename(rule.body) && this._basenameCount++);
      }
      // @param {Array<string> | string | Ignore} pattern
      add(pattern) {
        return this._added = !1, this._split = isString(pattern), this._stripBOM = !this._split || pattern[0] === BOM, makeArray(
          this._split ? splitPattern(pattern) : pattern
        ).forEach(this._add, this), this._added && (this._literalRules = UNDEFINED), this._added;
      }
      // Match the literal 'abc/' for `checkIgnore`, last rule wins. Only a rule
      //   ending in a wildcard can match it (see `checkSourceOf`), so the rest
      //   are left out once, rather than tested or compiled for every path.
      testLiteral(path) {
        let rules = this._literalRules || (this._literalRules = this._rules.filter(
          ({ body }) => body[body.length - (body[body.length - 1] === SLASH ? 2 : 1)] === "*"
        )), ignored = !1, unignored = !1, matchedRule;
        for (let index = rules.length - 1; index >= 0; index--) {
          let rule = rules[index];
          if (rule.checkRegex.test(path)) {
            ignored = !rule.negative, unignored = rule.negative, matchedRule = rule.negative ? UNDEFINED : rule;
            break;
          }
        }
        let ret = {
          ignored,
          unignored
        };
        return matchedRule && (ret.rule = matchedRule), ret;
      }
      // Test one single path without recursively checking parent directories
      //
      // - mode `string` either `MODE_IGNORE` or `MODE_CHECK_IGNORE`
      // @returns {TestResult}
      test(path, mode) {
        let rules = this._rules, { length } = rules, shortcut = this._basenameCount * 2 >= length, basename9 = shortcut ? basenameOf(path) : path;
        for (let index = length - 1; index >= 0; index--) {
          let rule = rules[index];
          if (rule[mode].test(
            shortcut && rule._basenameOnly ? basename9 : path
          )) {
            let { negative } = rule, ret = {
              ignored: !negative,
              unignored: negative
            };
            return negative || (ret.rule = rule), ret;
          }
        }
        return {
          ignored: !1,
          unignored: !1
        };
      }
    }, throwError = (message, Ctor) => {
      throw new Ctor(message);
    }, checkPath = (path, originalPath, doThrow) => isString(path) ? path ? checkPath.isNotRelative(path) ? doThrow(
      `path should be a \`path.relative()\`d string, but got "${originalPath}"`,
      RangeError
    ) : !0 : doThrow("path must not be empty", TypeError) : doThrow(
      `path must be a string, but got \`${originalPath}\``,
      TypeError
    ), isNotRelative = (path) => {
      let first = path.charCodeAt(0);
      if (first === SLASH_CODE)
        return !0;
      if (first !== DOT_CODE)
        return !1;
      if (path.length === 1)
        return !0;
      let second = path.charCodeAt(1);
      return second === SLASH_CODE ? !0 : second !== DOT_CODE ? !1 : path.length === 2 || path.charCodeAt(2) === SLASH_CODE;
    };
    checkPath.isNotRelative = isNotRelative;
    checkPath.convert = (p2) => p2;
    var convertPath = (target) => isString(target) && checkPath.convert(target), Ignore = class {
      constructor({
        ignorecase = !0,
        ignoreCase = ignorecase,
        allowRelativePaths = !1
      } = {}) {
        define(this, KEY_IGNORE, !0), this._rules = new RuleManager(ignoreCase), this._strictPathCheck = !allowRelativePaths, this._initCache();
      }
      _initCache() {
        this._ignoreCache = /* @__PURE__ */ Object.create(null), this._testCache = /* @__PURE__ */ Object.create(null);
      }
      add(pattern) {
        return this._rules.add(pattern) && this._initCache(), this;
      }
      // legacy
      addPattern(pattern) {
        return this.add(pattern);
      }
      // @returns {TestResult}
      _test(originalPath, cache, path) {
        return checkPath(
          path,
          originalPath,
          this._strictPathCheck ? throwError : RETURN_FALSE
        ), path ? this._t(path, cache) : {
          ignored: !1,
          unignored: !1
        };
      }
      checkIgnore(target) {
        let path = convertPath(target);
        if (!path || path.charCodeAt(path.length - 1) !== SLASH_CODE)
          return this._test(target, this._testCache, path);
        let dir = this._t(path, this._testCache);
        if (dir.ignored)
          return dir;
        let literal2 = this._rules.testLiteral(path);
        return literal2.ignored || literal2.unignored ? literal2 : dir;
      }
      _t(path, cache) {
        if (path in cache)
          return cache[path];
        let parentPath = parentOf(path), parent = parentPath ? this._t(parentPath, cache) : UNDEFINED;
        return cache[path] = parent && parent.ignored ? parent : this._rules.test(path, MODE_IGNORE);
      }
      ignores(path) {
        return this._test(path, this._ignoreCache, convertPath(path)).ignored;
      }
      createFilter() {
        return (path) => !this.ignores(path);
      }
      filter(paths) {
        return makeArray(paths).filter(this.createFilter());
      }
      // @returns {TestResult}
      test(path) {
        return this._test(path, this._testCache, convertPath(path));
      }
    }, factory = (options) => new Ignore(options), isPathValid = (path) => checkPath(convertPath(path), path, RETURN_FALSE), setupWindows = () => {
      let makePosix = (str) => /^\\\\\?\\/.test(str) || /["<>|\u0000-\u001F]+/u.test(str) ? str : str.replace(/\\/g, "/");
      checkPath.convert = makePosix;
      let REGEX_TEST_WINDOWS_PATH_ABSOLUTE = /^[a-z]:\//i;
      checkPath.isNotRelative = (path) => REGEX_TEST_WINDOWS_PATH_ABSOLUTE.test(path) || isNotRelative(path);
    };
    // Detect `process` so that it can run in browsers.
    typeof process < "u" && process.platform === "win32" && setupWindows();
    module.exports = factory;
    factory.default = factory;
    module.exports.isPathValid = isPathValid;
    define(module.exports, /* @__PURE__ */ Symbol.for("setupWindows"), setupWindows);
  }
});

// scripts/lib/text/untrusted.ts
function hasControlCharacter(text) {
  return CONTROL.test(text);
}
function visibleEscape(c) {
  let code = c.codePointAt(0);
  return code <= 255 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u{${code.toString(16)}}`;
}
function terminalText(text) {
  return text.replace(/\r\n/g, `
`).replace(UNSAFE, (c) => c === `
` || c === "	" ? c : visibleEscape(c));
}
function inlineText(text, max = 200) {
  let shown = text.replace(UNSAFE, (c) => c === `
` ? "\\n" : c === "\r" ? "\\r" : c === "	" ? "\\t" : visibleEscape(c));
  return shown.length > max ? `${shown.slice(0, max)}…` : shown;
}
function logValue(value, max = 120) {
  let s3 = String(value ?? "").replace(/\r\n|\r|\n/g, "\\n").replace(/\t/g, " ");
  return s3 = s3.replace(UNSAFE, "?"), s3.length > max && (s3 = `${s3.slice(0, max - 1)}…`), s3 = s3.replace(/`/g, "'").replace(/signed\s*:/gi, (m2) => m2.replace(":", "\\:")), `\`${s3}\``;
}
var UNSAFE, CONTROL, init_untrusted = __esm({
  "scripts/lib/text/untrusted.ts"() {
    "use strict";
    UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g, CONTROL = /[\u0000-\u001f\u007f]/;
  }
});

// node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "node_modules/yaml/dist/nodes/identity.js"(exports) {
    "use strict";
    var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias"), DOC = /* @__PURE__ */ Symbol.for("yaml.document"), MAP = /* @__PURE__ */ Symbol.for("yaml.map"), PAIR = /* @__PURE__ */ Symbol.for("yaml.pair"), SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar"), SEQ = /* @__PURE__ */ Symbol.for("yaml.seq"), NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type"), isAlias = (node) => !!node && typeof node == "object" && node[NODE_TYPE] === ALIAS, isDocument = (node) => !!node && typeof node == "object" && node[NODE_TYPE] === DOC, isMap = (node) => !!node && typeof node == "object" && node[NODE_TYPE] === MAP, isPair = (node) => !!node && typeof node == "object" && node[NODE_TYPE] === PAIR, isScalar = (node) => !!node && typeof node == "object" && node[NODE_TYPE] === SCALAR, isSeq = (node) => !!node && typeof node == "object" && node[NODE_TYPE] === SEQ;
    function isCollection(node) {
      if (node && typeof node == "object")
        switch (node[NODE_TYPE]) {
          case MAP:
          case SEQ:
            return !0;
        }
      return !1;
    }
    function isNode(node) {
      if (node && typeof node == "object")
        switch (node[NODE_TYPE]) {
          case ALIAS:
          case MAP:
          case SCALAR:
          case SEQ:
            return !0;
        }
      return !1;
    }
    var hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;
    exports.ALIAS = ALIAS;
    exports.DOC = DOC;
    exports.MAP = MAP;
    exports.NODE_TYPE = NODE_TYPE;
    exports.PAIR = PAIR;
    exports.SCALAR = SCALAR;
    exports.SEQ = SEQ;
    exports.hasAnchor = hasAnchor;
    exports.isAlias = isAlias;
    exports.isCollection = isCollection;
    exports.isDocument = isDocument;
    exports.isMap = isMap;
    exports.isNode = isNode;
    exports.isPair = isPair;
    exports.isScalar = isScalar;
    exports.isSeq = isSeq;
  }
});

// node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "node_modules/yaml/dist/visit.js"(exports) {
    "use strict";
    var identity = require_identity(), BREAK = /* @__PURE__ */ Symbol("break visit"), SKIP = /* @__PURE__ */ Symbol("skip children"), REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit(node, visitor) {
      let visitor_ = initVisitor(visitor);
      identity.isDocument(node) ? visit_(null, node.contents, visitor_, Object.freeze([node])) === REMOVE && (node.contents = null) : visit_(null, node, visitor_, Object.freeze([]));
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    function visit_(key, node, visitor, path) {
      let ctrl = callVisitor(key, node, visitor, path);
      if (identity.isNode(ctrl) || identity.isPair(ctrl))
        return replaceNode(key, path, ctrl), visit_(key, ctrl, visitor, path);
      if (typeof ctrl != "symbol") {
        if (identity.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            let ci2 = visit_(i, node.items[i], visitor, path);
            if (typeof ci2 == "number")
              i = ci2 - 1;
            else {
              if (ci2 === BREAK)
                return BREAK;
              ci2 === REMOVE && (node.items.splice(i, 1), i -= 1);
            }
          }
        } else if (identity.isPair(node)) {
          path = Object.freeze(path.concat(node));
          let ck = visit_("key", node.key, visitor, path);
          if (ck === BREAK)
            return BREAK;
          ck === REMOVE && (node.key = null);
          let cv = visit_("value", node.value, visitor, path);
          if (cv === BREAK)
            return BREAK;
          cv === REMOVE && (node.value = null);
        }
      }
      return ctrl;
    }
    async function visitAsync(node, visitor) {
      let visitor_ = initVisitor(visitor);
      identity.isDocument(node) ? await visitAsync_(null, node.contents, visitor_, Object.freeze([node])) === REMOVE && (node.contents = null) : await visitAsync_(null, node, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK;
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key, node, visitor, path) {
      let ctrl = await callVisitor(key, node, visitor, path);
      if (identity.isNode(ctrl) || identity.isPair(ctrl))
        return replaceNode(key, path, ctrl), visitAsync_(key, ctrl, visitor, path);
      if (typeof ctrl != "symbol") {
        if (identity.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            let ci2 = await visitAsync_(i, node.items[i], visitor, path);
            if (typeof ci2 == "number")
              i = ci2 - 1;
            else {
              if (ci2 === BREAK)
                return BREAK;
              ci2 === REMOVE && (node.items.splice(i, 1), i -= 1);
            }
          }
        } else if (identity.isPair(node)) {
          path = Object.freeze(path.concat(node));
          let ck = await visitAsync_("key", node.key, visitor, path);
          if (ck === BREAK)
            return BREAK;
          ck === REMOVE && (node.key = null);
          let cv = await visitAsync_("value", node.value, visitor, path);
          if (cv === BREAK)
            return BREAK;
          cv === REMOVE && (node.value = null);
        }
      }
      return ctrl;
    }
    function initVisitor(visitor) {
      return typeof visitor == "object" && (visitor.Collection || visitor.Node || visitor.Value) ? Object.assign({
        Alias: visitor.Node,
        Map: visitor.Node,
        Scalar: visitor.Node,
        Seq: visitor.Node
      }, visitor.Value && {
        Map: visitor.Value,
        Scalar: visitor.Value,
        Seq: visitor.Value
      }, visitor.Collection && {
        Map: visitor.Collection,
        Seq: visitor.Collection
      }, visitor) : visitor;
    }
    function callVisitor(key, node, visitor, path) {
      if (typeof visitor == "function")
        return visitor(key, node, path);
      if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
      if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
      if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
      if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
      if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
    }
    function replaceNode(key, path, node) {
      let parent = path[path.length - 1];
      if (identity.isCollection(parent))
        parent.items[key] = node;
      else if (identity.isPair(parent))
        key === "key" ? parent.key = node : parent.value = node;
      else if (identity.isDocument(parent))
        parent.contents = node;
      else {
        let pt2 = identity.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt2} parent`);
      }
    }
    exports.visit = visit;
    exports.visitAsync = visitAsync;
  }
});

// node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "node_modules/yaml/dist/doc/directives.js"(exports) {
    "use strict";
    var identity = require_identity(), visit = require_visit(), escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    }, escapeTagName = (tn2) => tn2.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]), Directives = class _Directives {
      constructor(yaml, tags) {
        this.docStart = null, this.docEnd = !1, this.yaml = Object.assign({}, _Directives.defaultYaml, yaml), this.tags = Object.assign({}, _Directives.defaultTags, tags);
      }
      clone() {
        let copy = new _Directives(this.yaml, this.tags);
        return copy.docStart = this.docStart, copy;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        let res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = !0;
            break;
          case "1.2":
            this.atNextDocument = !1, this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            }, this.tags = Object.assign({}, _Directives.defaultTags);
            break;
        }
        return res;
      }
      /**
       * @param onError - May be called even if the action was successful
       * @returns `true` on success
       */
      add(line, onError) {
        this.atNextDocument && (this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" }, this.tags = Object.assign({}, _Directives.defaultTags), this.atNextDocument = !1);
        let parts = line.trim().split(/[ \t]+/), name = parts.shift();
        switch (name) {
          case "%TAG": {
            if (parts.length !== 2 && (onError(0, "%TAG directive should contain exactly two parts"), parts.length < 2))
              return !1;
            let [handle, prefix] = parts;
            return this.tags[handle] = prefix, !0;
          }
          case "%YAML": {
            if (this.yaml.explicit = !0, parts.length !== 1)
              return onError(0, "%YAML directive should contain exactly one part"), !1;
            let [version2] = parts;
            if (version2 === "1.1" || version2 === "1.2")
              return this.yaml.version = version2, !0;
            {
              let isValid = /^\d+\.\d+$/.test(version2);
              return onError(6, `Unsupported YAML version ${version2}`, isValid), !1;
            }
          }
          default:
            return onError(0, `Unknown directive ${name}`, !0), !1;
        }
      }
      /**
       * Resolves a tag, matching handles to those defined in %TAG directives.
       *
       * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
       *   `'!local'` tag, or `null` if unresolvable.
       */
      tagName(source, onError) {
        if (source === "!")
          return "!";
        if (source[0] !== "!")
          return onError(`Not a valid tag: ${source}`), null;
        if (source[1] === "<") {
          let verbatim = source.slice(2, -1);
          return verbatim === "!" || verbatim === "!!" ? (onError(`Verbatim tags aren't resolved, so ${source} is invalid.`), null) : (source[source.length - 1] !== ">" && onError("Verbatim tags must end with a >"), verbatim);
        }
        let [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        suffix || onError(`The ${source} tag has no suffix`);
        let prefix = this.tags[handle];
        if (prefix)
          try {
            return prefix + decodeURIComponent(suffix);
          } catch (error2) {
            return onError(String(error2)), null;
          }
        return handle === "!" ? source : (onError(`Could not resolve tag: ${source}`), null);
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag) {
        for (let [handle, prefix] of Object.entries(this.tags))
          if (tag.startsWith(prefix))
            return handle + escapeTagName(tag.substring(prefix.length));
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        let lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [], tagEntries = Object.entries(this.tags), tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
          let tags = {};
          visit.visit(doc.contents, (_key, node) => {
            identity.isNode(node) && node.tag && (tags[node.tag] = !0);
          }), tagNames = Object.keys(tags);
        } else
          tagNames = [];
        for (let [handle, prefix] of tagEntries)
          handle === "!!" && prefix === "tag:yaml.org,2002:" || (!doc || tagNames.some((tn2) => tn2.startsWith(prefix))) && lines.push(`%TAG ${handle} ${prefix}`);
        return lines.join(`
`);
      }
    };
    Directives.defaultYaml = { explicit: !1, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports.Directives = Directives;
  }
});

// node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "node_modules/yaml/dist/doc/anchors.js"(exports) {
    "use strict";
    var identity = require_identity(), visit = require_visit();
    function anchorIsValid(anchor) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        let msg = `Anchor must not contain whitespace or control characters: ${JSON.stringify(anchor)}`;
        throw new Error(msg);
      }
      return !0;
    }
    function anchorNames(root) {
      let anchors = /* @__PURE__ */ new Set();
      return visit.visit(root, {
        Value(_key, node) {
          node.anchor && anchors.add(node.anchor);
        }
      }), anchors;
    }
    function findNewAnchor(prefix, exclude) {
      for (let i = 1; ; ++i) {
        let name = `${prefix}${i}`;
        if (!exclude.has(name))
          return name;
      }
    }
    function createNodeAnchors(doc, prefix) {
      let aliasObjects = [], sourceObjects = /* @__PURE__ */ new Map(), prevAnchors = null;
      return {
        onAnchor: (source) => {
          aliasObjects.push(source), prevAnchors ?? (prevAnchors = anchorNames(doc));
          let anchor = findNewAnchor(prefix, prevAnchors);
          return prevAnchors.add(anchor), anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
          for (let source of aliasObjects) {
            let ref = sourceObjects.get(source);
            if (typeof ref == "object" && ref.anchor && (identity.isScalar(ref.node) || identity.isCollection(ref.node)))
              ref.node.anchor = ref.anchor;
            else {
              let error2 = new Error("Failed to resolve repeated object (this should not happen)");
              throw error2.source = source, error2;
            }
          }
        },
        sourceObjects
      };
    }
    exports.anchorIsValid = anchorIsValid;
    exports.anchorNames = anchorNames;
    exports.createNodeAnchors = createNodeAnchors;
    exports.findNewAnchor = findNewAnchor;
  }
});

// node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "node_modules/yaml/dist/doc/applyReviver.js"(exports) {
    "use strict";
    function applyReviver(reviver, obj, key, val) {
      if (val && typeof val == "object")
        if (Array.isArray(val))
          for (let i = 0, len = val.length; i < len; ++i) {
            let v0 = val[i], v1 = applyReviver(reviver, val, String(i), v0);
            v1 === void 0 ? delete val[i] : v1 !== v0 && (val[i] = v1);
          }
        else if (val instanceof Map)
          for (let k2 of Array.from(val.keys())) {
            let v0 = val.get(k2), v1 = applyReviver(reviver, val, k2, v0);
            v1 === void 0 ? val.delete(k2) : v1 !== v0 && val.set(k2, v1);
          }
        else if (val instanceof Set)
          for (let v0 of Array.from(val)) {
            let v1 = applyReviver(reviver, val, v0, v0);
            v1 === void 0 ? val.delete(v0) : v1 !== v0 && (val.delete(v0), val.add(v1));
          }
        else
          for (let [k2, v0] of Object.entries(val)) {
            let v1 = applyReviver(reviver, val, k2, v0);
            v1 === void 0 ? delete val[k2] : v1 !== v0 && (val[k2] = v1);
          }
      return reviver.call(obj, key, val);
    }
    exports.applyReviver = applyReviver;
  }
});

// node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "node_modules/yaml/dist/nodes/toJS.js"(exports) {
    "use strict";
    var identity = require_identity();
    function toJS(value, arg, ctx) {
      if (Array.isArray(value))
        return value.map((v2, i) => toJS(v2, String(i), ctx));
      if (value && typeof value.toJSON == "function") {
        if (!ctx || !identity.hasAnchor(value))
          return value.toJSON(arg, ctx);
        let data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value, data), ctx.onCreate = (res2) => {
          data.res = res2, delete ctx.onCreate;
        };
        let res = value.toJSON(arg, ctx);
        return ctx.onCreate && ctx.onCreate(res), res;
      }
      return typeof value == "bigint" && !ctx?.keep ? Number(value) : value;
    }
    exports.toJS = toJS;
  }
});

// node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "node_modules/yaml/dist/nodes/Node.js"(exports) {
    "use strict";
    var applyReviver = require_applyReviver(), identity = require_identity(), toJS = require_toJS(), NodeBase = class {
      constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
      }
      /** Create a copy of this node.  */
      clone() {
        let copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        return this.range && (copy.range = this.range.slice()), copy;
      }
      /** A plain JavaScript representation of this node. */
      toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
          throw new TypeError("A document argument is required");
        let ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: !0,
          mapAsMap: mapAsMap === !0,
          mapKeyWarned: !1,
          maxAliasCount: typeof maxAliasCount == "number" ? maxAliasCount : 100
        }, res = toJS.toJS(this, "", ctx);
        if (typeof onAnchor == "function")
          for (let { count: count2, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count2);
        return typeof reviver == "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
    };
    exports.NodeBase = NodeBase;
  }
});

// node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "node_modules/yaml/dist/nodes/Alias.js"(exports) {
    "use strict";
    var anchors = require_anchors(), visit = require_visit(), identity = require_identity(), Node = require_Node(), toJS = require_toJS(), Alias = class extends Node.NodeBase {
      constructor(source) {
        super(identity.ALIAS), this.source = source, Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        ctx?.aliasResolveCache ? nodes = ctx.aliasResolveCache : (nodes = [], visit.visit(doc, {
          Node: (_key, node) => {
            (identity.isAlias(node) || identity.hasAnchor(node)) && nodes.push(node);
          }
        }), ctx && (ctx.aliasResolveCache = nodes));
        let found;
        for (let node of nodes) {
          if (node === this)
            break;
          node.anchor === this.source && (found = node);
        }
        if (found && ctx) {
          let { anchors: anchors2, doc: doc2, maxAliasCount } = ctx, data = anchors2.get(found);
          if (data || (toJS.toJS(found, null, ctx), data = anchors2.get(found)), data?.res === void 0) {
            let msg = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg);
          }
          if (maxAliasCount >= 0 && (data.count += 1, data.aliasCount === 0 && (data.aliasCount = getAliasCount(doc2, found, anchors2)), data.count * data.aliasCount > maxAliasCount)) {
            let msg = "Excessive alias count indicates a resource exhaustion attack";
            throw new ReferenceError(msg);
          }
        }
        return found;
      }
      toJSON(_arg, ctx) {
        if (!ctx)
          return { source: this.source };
        let source = this.resolve(ctx.doc, ctx);
        if (!source) {
          let msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
          throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
      }
      toString(ctx, _onComment, _onChompKeep) {
        let src = `*${this.source}`;
        if (ctx) {
          if (anchors.anchorIsValid(this.source), ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
            let msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new Error(msg);
          }
          if (ctx.implicitKey)
            return `${src} `;
        }
        return src;
      }
    };
    function getAliasCount(doc, node, anchors2) {
      if (identity.isAlias(node)) {
        let source = node.resolve(doc), anchor = anchors2 && source && anchors2.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
      } else if (identity.isCollection(node)) {
        let count2 = 0;
        for (let item of node.items) {
          let c = getAliasCount(doc, item, anchors2);
          c > count2 && (count2 = c);
        }
        return count2;
      } else if (identity.isPair(node)) {
        let kc = getAliasCount(doc, node.key, anchors2), vc = getAliasCount(doc, node.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    exports.Alias = Alias;
  }
});

// node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "node_modules/yaml/dist/nodes/Scalar.js"(exports) {
    "use strict";
    var identity = require_identity(), Node = require_Node(), toJS = require_toJS(), isScalarValue = (value) => !value || typeof value != "function" && typeof value != "object", Scalar = class extends Node.NodeBase {
      constructor(value) {
        super(identity.SCALAR), this.value = value;
      }
      toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    Scalar.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar.PLAIN = "PLAIN";
    Scalar.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports.Scalar = Scalar;
    exports.isScalarValue = isScalarValue;
  }
});

// node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "node_modules/yaml/dist/doc/createNode.js"(exports) {
    "use strict";
    var Alias = require_Alias(), identity = require_identity(), Scalar = require_Scalar(), defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value, tagName, tags) {
      if (tagName) {
        let match = tags.filter((t) => t.tag === tagName), tagObj = match.find((t) => !t.format) ?? match[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t) => t.identify?.(value) && !t.format);
    }
    function createNode(value, tagName, ctx) {
      if (identity.isDocument(value) && (value = value.contents), identity.isNode(value))
        return value;
      if (identity.isPair(value)) {
        let map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        return map.items.push(value), map;
      }
      (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt < "u" && value instanceof BigInt) && (value = value.valueOf());
      let { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx, ref;
      if (aliasDuplicateObjects && value && typeof value == "object") {
        if (ref = sourceObjects.get(value), ref)
          return ref.anchor ?? (ref.anchor = onAnchor(value)), new Alias.Alias(ref.anchor);
        ref = { anchor: null, node: null }, sourceObjects.set(value, ref);
      }
      tagName?.startsWith("!!") && (tagName = defaultTagPrefix + tagName.slice(2));
      let tagObj = findTagObject(value, tagName, schema.tags);
      if (!tagObj) {
        if (value && typeof value.toJSON == "function" && (value = value.toJSON()), !value || typeof value != "object") {
          let node2 = new Scalar.Scalar(value);
          return ref && (ref.node = node2), node2;
        }
        tagObj = value instanceof Map ? schema[identity.MAP] : Symbol.iterator in Object(value) ? schema[identity.SEQ] : schema[identity.MAP];
      }
      onTagObj && (onTagObj(tagObj), delete ctx.onTagObj);
      let node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from == "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar.Scalar(value);
      return tagName ? node.tag = tagName : tagObj.default || (node.tag = tagObj.tag), ref && (ref.node = node), node;
    }
    exports.createNode = createNode;
  }
});

// node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "node_modules/yaml/dist/nodes/Collection.js"(exports) {
    "use strict";
    var createNode = require_createNode(), identity = require_identity(), Node = require_Node();
    function collectionFromPath(schema, path, value) {
      let v2 = value;
      for (let i = path.length - 1; i >= 0; --i) {
        let k2 = path[i];
        if (typeof k2 == "number" && Number.isInteger(k2) && k2 >= 0) {
          let a = [];
          a[k2] = v2, v2 = a;
        } else
          v2 = /* @__PURE__ */ new Map([[k2, v2]]);
      }
      return createNode.createNode(v2, void 0, {
        aliasDuplicateObjects: !1,
        keepUndefined: !1,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path) => path == null || typeof path == "object" && !!path[Symbol.iterator]().next().done, Collection2 = class extends Node.NodeBase {
      constructor(type, schema) {
        super(type), Object.defineProperty(this, "schema", {
          value: schema,
          configurable: !0,
          enumerable: !1,
          writable: !0
        });
      }
      /**
       * Create a copy of this collection.
       *
       * @param schema - If defined, overwrites the original's schema
       */
      clone(schema) {
        let copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        return schema && (copy.schema = schema), copy.items = copy.items.map((it2) => identity.isNode(it2) || identity.isPair(it2) ? it2.clone(schema) : it2), this.range && (copy.range = this.range.slice()), copy;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path, value) {
        if (isEmptyPath(path))
          this.add(value);
        else {
          let [key, ...rest] = path, node = this.get(key, !0);
          if (identity.isCollection(node))
            node.addIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        let [key, ...rest] = path;
        if (rest.length === 0)
          return this.delete(key);
        let node = this.get(key, !0);
        if (identity.isCollection(node))
          return node.deleteIn(rest);
        throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        let [key, ...rest] = path, node = this.get(key, !0);
        return rest.length === 0 ? !keepScalar && identity.isScalar(node) ? node.value : node : identity.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node) => {
          if (!identity.isPair(node))
            return !1;
          let n = node.value;
          return n == null || allowScalar && identity.isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path) {
        let [key, ...rest] = path;
        if (rest.length === 0)
          return this.has(key);
        let node = this.get(key, !0);
        return identity.isCollection(node) ? node.hasIn(rest) : !1;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        let [key, ...rest] = path;
        if (rest.length === 0)
          this.set(key, value);
        else {
          let node = this.get(key, !0);
          if (identity.isCollection(node))
            node.setIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
    };
    exports.Collection = Collection2;
    exports.collectionFromPath = collectionFromPath;
    exports.isEmptyPath = isEmptyPath;
  }
});

// node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyComment.js"(exports) {
    "use strict";
    var stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment, indent) {
      return /^\n+$/.test(comment) ? comment.substring(1) : indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
    }
    var lineComment = (str, indent, comment) => str.endsWith(`
`) ? indentComment(comment, indent) : comment.includes(`
`) ? `
` + indentComment(comment, indent) : (str.endsWith(" ") ? "" : " ") + comment;
    exports.indentComment = indentComment;
    exports.lineComment = lineComment;
    exports.stringifyComment = stringifyComment;
  }
});

// node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "node_modules/yaml/dist/stringify/foldFlowLines.js"(exports) {
    "use strict";
    var FOLD_FLOW = "flow", FOLD_BLOCK = "block", FOLD_QUOTED = "quoted";
    function foldFlowLines(text, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text;
      lineWidth < minContentWidth && (minContentWidth = 0);
      let endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
      if (text.length <= endStep)
        return text;
      let folds = [], escapedFolds = {}, end = lineWidth - indent.length;
      typeof indentAtStart == "number" && (indentAtStart > lineWidth - Math.max(2, minContentWidth) ? folds.push(0) : end = lineWidth - indentAtStart);
      let split2, prev, overflow = !1, i = -1, escStart = -1, escEnd = -1;
      mode === FOLD_BLOCK && (i = consumeMoreIndentedLines(text, i, indent.length), i !== -1 && (end = i + endStep));
      for (let ch; ch = text[i += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          switch (escStart = i, text[i + 1]) {
            case "x":
              i += 3;
              break;
            case "u":
              i += 5;
              break;
            case "U":
              i += 9;
              break;
            default:
              i += 1;
          }
          escEnd = i;
        }
        if (ch === `
`)
          mode === FOLD_BLOCK && (i = consumeMoreIndentedLines(text, i, indent.length)), end = i + indent.length + endStep, split2 = void 0;
        else {
          if (ch === " " && prev && prev !== " " && prev !== `
` && prev !== "	") {
            let next = text[i + 1];
            next && next !== " " && next !== `
` && next !== "	" && (split2 = i);
          }
          if (i >= end)
            if (split2)
              folds.push(split2), end = split2 + endStep, split2 = void 0;
            else if (mode === FOLD_QUOTED) {
              for (; prev === " " || prev === "	"; )
                prev = ch, ch = text[i += 1], overflow = !0;
              let j2 = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j2])
                return text;
              folds.push(j2), escapedFolds[j2] = !0, end = j2 + endStep, split2 = void 0;
            } else
              overflow = !0;
        }
        prev = ch;
      }
      if (overflow && onOverflow && onOverflow(), folds.length === 0)
        return text;
      onFold && onFold();
      let res = text.slice(0, folds[0]);
      for (let i2 = 0; i2 < folds.length; ++i2) {
        let fold = folds[i2], end2 = folds[i2 + 1] || text.length;
        fold === 0 ? res = `
${indent}${text.slice(0, end2)}` : (mode === FOLD_QUOTED && escapedFolds[fold] && (res += `${text[fold]}\\`), res += `
${indent}${text.slice(fold + 1, end2)}`);
      }
      return res;
    }
    function consumeMoreIndentedLines(text, i, indent) {
      let end = i, start = i + 1, ch = text[start];
      for (; ch === " " || ch === "	"; )
        if (i < start + indent)
          ch = text[++i];
        else {
          do
            ch = text[++i];
          while (ch && ch !== `
`);
          end = i, start = i + 1, ch = text[start];
        }
      return end;
    }
    exports.FOLD_BLOCK = FOLD_BLOCK;
    exports.FOLD_FLOW = FOLD_FLOW;
    exports.FOLD_QUOTED = FOLD_QUOTED;
    exports.foldFlowLines = foldFlowLines;
  }
});

// node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyString.js"(exports) {
    "use strict";
    var Scalar = require_Scalar(), foldFlowLines = require_foldFlowLines(), getFoldOptions = (ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    }), containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
    function lineLengthOverLimit(str, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return !1;
      let limit = lineWidth - indentLength, strLen = str.length;
      if (strLen <= limit)
        return !1;
      for (let i = 0, start = 0; i < strLen; ++i)
        if (str[i] === `
`) {
          if (i - start > limit)
            return !0;
          if (start = i + 1, strLen - start <= limit)
            return !1;
        }
      return !0;
    }
    function doubleQuotedString(value, ctx) {
      let json = JSON.stringify(value);
      if (ctx.options.doubleQuotedAsJSON)
        return json;
      let { implicitKey } = ctx, minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength, indent = ctx.indent || (containsDocumentMarker(value) ? "  " : ""), str = "", start = 0;
      for (let i = 0, ch = json[i]; ch; ch = json[++i])
        if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n" && (str += json.slice(start, i) + "\\ ", i += 1, start = i, ch = "\\"), ch === "\\")
          switch (json[i + 1]) {
            case "u":
              {
                str += json.slice(start, i);
                let code = json.substr(i + 2, 4);
                switch (code) {
                  case "0000":
                    str += "\\0";
                    break;
                  case "0007":
                    str += "\\a";
                    break;
                  case "000b":
                    str += "\\v";
                    break;
                  case "001b":
                    str += "\\e";
                    break;
                  case "0085":
                    str += "\\N";
                    break;
                  case "00a0":
                    str += "\\_";
                    break;
                  case "2028":
                    str += "\\L";
                    break;
                  case "2029":
                    str += "\\P";
                    break;
                  default:
                    code.substr(0, 2) === "00" ? str += "\\x" + code.substr(2) : str += json.substr(i, 6);
                }
                i += 5, start = i + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength)
                i += 1;
              else {
                for (str += json.slice(start, i) + `

`; json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"'; )
                  str += `
`, i += 2;
                str += indent, json[i + 2] === " " && (str += "\\"), i += 1, start = i + 1;
              }
              break;
            default:
              i += 1;
          }
      return str = start ? str + json.slice(start) : json, implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, !1));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.options.singleQuote === !1 || ctx.implicitKey && value.includes(`
`) || /[ \t]\n|\n[ \t]/.test(value))
        return doubleQuotedString(value, ctx);
      let indent = ctx.indent || (containsDocumentMarker(value) ? "  " : ""), res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, !1));
    }
    function quotedString(value, ctx) {
      let { singleQuote } = ctx.options, qs2;
      if (singleQuote === !1)
        qs2 = doubleQuotedString;
      else {
        let hasDouble = value.includes('"'), hasSingle = value.includes("'");
        hasDouble && !hasSingle ? qs2 = singleQuotedString : hasSingle && !hasDouble ? qs2 = doubleQuotedString : qs2 = singleQuote ? singleQuotedString : doubleQuotedString;
      }
      return qs2(value, ctx);
    }
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp(`(^|(?<!
))
+(?!
|$)`, "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
      let { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value))
        return quotedString(value, ctx);
      let indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : ""), literal2 = blockQuote === "literal" ? !0 : blockQuote === "folded" || type === Scalar.Scalar.BLOCK_FOLDED ? !1 : type === Scalar.Scalar.BLOCK_LITERAL ? !0 : !lineLengthOverLimit(value, lineWidth, indent.length);
      if (!value)
        return literal2 ? `|
` : `>
`;
      let chomp, endStart;
      for (endStart = value.length; endStart > 0; --endStart) {
        let ch = value[endStart - 1];
        if (ch !== `
` && ch !== "	" && ch !== " ")
          break;
      }
      let end = value.substring(endStart), endNlPos = end.indexOf(`
`);
      endNlPos === -1 ? chomp = "-" : value === end || endNlPos !== end.length - 1 ? (chomp = "+", onChompKeep && onChompKeep()) : chomp = "", end && (value = value.slice(0, -end.length), end[end.length - 1] === `
` && (end = end.slice(0, -1)), end = end.replace(blockEndNewlines, `$&${indent}`));
      let startWithSpace = !1, startEnd, startNlPos = -1;
      for (startEnd = 0; startEnd < value.length; ++startEnd) {
        let ch = value[startEnd];
        if (ch === " ")
          startWithSpace = !0;
        else if (ch === `
`)
          startNlPos = startEnd;
        else
          break;
      }
      let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      start && (value = value.substring(start.length), start = start.replace(/\n+/g, `$&${indent}`));
      let header = (startWithSpace ? indent ? "2" : "1" : "") + chomp;
      if (comment && (header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " ")), onComment && onComment()), !literal2) {
        let foldedValue = value.replace(/\n+/g, `
$&`).replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`), literalFallback = !1, foldOptions = getFoldOptions(ctx, !0);
        blockQuote !== "folded" && type !== Scalar.Scalar.BLOCK_FOLDED && (foldOptions.onOverflow = () => {
          literalFallback = !0;
        });
        let body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header}
${indent}${body}`;
      }
      return value = value.replace(/\n+/g, `$&${indent}`), `|${header}
${indent}${start}${value}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      let { type, value } = item, { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
      if (implicitKey && value.includes(`
`) || inFlow && /[[\]{},]/.test(value))
        return quotedString(value, ctx);
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value))
        return implicitKey || inFlow || !value.includes(`
`) ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      if (!implicitKey && !inFlow && type !== Scalar.Scalar.PLAIN && value.includes(`
`))
        return blockString(item, ctx, onComment, onChompKeep);
      if (containsDocumentMarker(value)) {
        if (indent === "")
          return ctx.forceBlockIndent = !0, blockString(item, ctx, onComment, onChompKeep);
        if (implicitKey && indent === indentStep)
          return quotedString(value, ctx);
      }
      let str = value.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        let test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str), { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value, ctx);
      }
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, !1));
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      let { implicitKey, inFlow } = ctx, ss2 = typeof item.value == "string" ? item : Object.assign({}, item, { value: String(item.value) }), { type } = item;
      type !== Scalar.Scalar.QUOTE_DOUBLE && /[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss2.value) && (type = Scalar.Scalar.QUOTE_DOUBLE);
      let _stringify = (_type) => {
        switch (_type) {
          case Scalar.Scalar.BLOCK_FOLDED:
          case Scalar.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss2.value, ctx) : blockString(ss2, ctx, onComment, onChompKeep);
          case Scalar.Scalar.QUOTE_DOUBLE:
            return doubleQuotedString(ss2.value, ctx);
          case Scalar.Scalar.QUOTE_SINGLE:
            return singleQuotedString(ss2.value, ctx);
          case Scalar.Scalar.PLAIN:
            return plainString(ss2, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      }, res = _stringify(type);
      if (res === null) {
        let { defaultKeyType, defaultStringType } = ctx.options, t = implicitKey && defaultKeyType || defaultStringType;
        if (res = _stringify(t), res === null)
          throw new Error(`Unsupported default string type ${t}`);
      }
      return res;
    }
    exports.stringifyString = stringifyString;
  }
});

// node_modules/yaml/dist/stringify/stringify.js
var require_stringify = __commonJS({
  "node_modules/yaml/dist/stringify/stringify.js"(exports) {
    "use strict";
    var anchors = require_anchors(), identity = require_identity(), stringifyComment = require_stringifyComment(), stringifyString = require_stringifyString();
    function createStringifyContext(doc, options) {
      let opt = Object.assign({
        blockQuote: !0,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: !1,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: !0,
        indentSeq: !0,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: !1,
        singleQuote: null,
        trailingComma: !1,
        trueStr: "true",
        verifyAliasOrder: !0
      }, doc.schema.toStringOptions, options), inFlow;
      switch (opt.collectionStyle) {
        case "block":
          inFlow = !1;
          break;
        case "flow":
          inFlow = !0;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt.indent == "number" ? " ".repeat(opt.indent) : "  ",
        inFlow,
        options: opt
      };
    }
    function getTagObject(tags, item) {
      if (item.tag) {
        let match = tags.filter((t) => t.tag === item.tag);
        if (match.length > 0)
          return match.find((t) => t.format === item.format) ?? match[0];
      }
      let tagObj, obj;
      if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter((t) => t.identify?.(obj));
        if (match.length > 1) {
          let testMatch = match.filter((t) => t.test);
          testMatch.length > 0 && (match = testMatch);
        }
        tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
      } else
        obj = item, tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
      if (!tagObj) {
        let name = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      let props = [], anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
      anchor && anchors.anchorIsValid(anchor) && (anchors$1.add(anchor), props.push(`&${anchor}`));
      let tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
      return tag && props.push(doc.directives.tagString(tag)), props.join(" ");
    }
    function stringify(item, ctx, onComment, onChompKeep) {
      if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item))
          throw new TypeError("Cannot stringify circular structure without alias nodes");
        ctx.resolvedAliases ? ctx.resolvedAliases.add(item) : ctx.resolvedAliases = /* @__PURE__ */ new Set([item]), item = item.resolve(ctx.doc);
      }
      let tagObj, node = identity.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
      let props = stringifyProps(node, tagObj, ctx);
      props.length > 0 && (ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1);
      let str = typeof tagObj.stringify == "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      return props ? identity.isScalar(node) || str[0] === "{" || str[0] === "[" ? `${props} ${str}` : `${props}
${ctx.indent}${str}` : str;
    }
    exports.createStringifyContext = createStringifyContext;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyPair.js"(exports) {
    "use strict";
    var identity = require_identity(), Scalar = require_Scalar(), stringify = require_stringify(), stringifyComment = require_stringifyComment();
    function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
      let { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx, keyComment = identity.isNode(key) && key.comment || null;
      if (simpleKeys) {
        if (keyComment)
          throw new Error("With simple keys, key nodes cannot have comments");
        if (identity.isCollection(key) || !identity.isNode(key) && typeof key == "object") {
          let msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key || keyComment && value == null && !ctx.inFlow || identity.isCollection(key) || (identity.isScalar(key) ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL : typeof key == "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: !1,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
      });
      let keyCommentDone = !1, chompKeep = !1, str = stringify.stringify(key, ctx, () => keyCommentDone = !0, () => chompKeep = !0);
      if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = !0;
      }
      if (ctx.inFlow) {
        if (allNullValues || value == null)
          return keyCommentDone && onComment && onComment(), str === "" ? "?" : explicitKey ? `? ${str}` : str;
      } else if (allNullValues && !simpleKeys || value == null && explicitKey)
        return str = `? ${str}`, keyComment && !keyCommentDone ? str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment)) : chompKeep && onChompKeep && onChompKeep(), str;
      keyCommentDone && (keyComment = null), explicitKey ? (keyComment && (str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment))), str = `? ${str}
${indent}:`) : (str = `${str}:`, keyComment && (str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment))));
      let vsb, vcb, valueComment;
      identity.isNode(value) ? (vsb = !!value.spaceBefore, vcb = value.commentBefore, valueComment = value.comment) : (vsb = !1, vcb = null, valueComment = null, value && typeof value == "object" && (value = doc.createNode(value))), ctx.implicitKey = !1, !explicitKey && !keyComment && identity.isScalar(value) && (ctx.indentAtStart = str.length + 1), chompKeep = !1, !indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity.isSeq(value) && !value.flow && !value.tag && !value.anchor && (ctx.indent = ctx.indent.substring(2));
      let valueCommentDone = !1, valueStr = stringify.stringify(value, ctx, () => valueCommentDone = !0, () => chompKeep = !0), ws2 = " ";
      if (keyComment || vsb || vcb) {
        if (ws2 = vsb ? `
` : "", vcb) {
          let cs2 = commentString(vcb);
          ws2 += `
${stringifyComment.indentComment(cs2, ctx.indent)}`;
        }
        valueStr === "" && !ctx.inFlow ? ws2 === `
` && valueComment && (ws2 = `

`) : ws2 += `
${ctx.indent}`;
      } else if (!explicitKey && identity.isCollection(value)) {
        let vs0 = valueStr[0], nl0 = valueStr.indexOf(`
`), hasNewline = nl0 !== -1, flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = !1;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!" && (sp0 = valueStr.indexOf(" ", sp0 + 1)), (sp0 === -1 || nl0 < sp0) && (hasPropsLine = !0);
          }
          hasPropsLine || (ws2 = `
${ctx.indent}`);
        }
      } else (valueStr === "" || valueStr[0] === `
`) && (ws2 = "");
      return str += ws2 + valueStr, ctx.inFlow ? valueCommentDone && onComment && onComment() : valueComment && !valueCommentDone ? str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment)) : chompKeep && onChompKeep && onChompKeep(), str;
    }
    exports.stringifyPair = stringifyPair;
  }
});

// node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "node_modules/yaml/dist/log.js"(exports) {
    "use strict";
    var node_process = __require("process");
    function debug(logLevel, ...messages) {
      logLevel === "debug" && console.log(...messages);
    }
    function warn(logLevel, warning) {
      (logLevel === "debug" || logLevel === "warn") && (typeof node_process.emitWarning == "function" ? node_process.emitWarning(warning) : console.warn(warning));
    }
    exports.debug = debug;
    exports.warn = warn;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports) {
    "use strict";
    var identity = require_identity(), Scalar = require_Scalar(), MERGE_KEY = "<<", merge3 = {
      identify: (value) => value === MERGE_KEY || typeof value == "symbol" && value.description === MERGE_KEY,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY
    }, isMergeKey = (ctx, key) => (merge3.identify(key) || identity.isScalar(key) && (!key.type || key.type === Scalar.Scalar.PLAIN) && merge3.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge3.tag && tag.default);
    function addMergeToJSMap(ctx, map, value) {
      let source = resolveAliasValue(ctx, value);
      if (identity.isSeq(source))
        for (let it2 of source.items)
          mergeValue(ctx, map, it2);
      else if (Array.isArray(source))
        for (let it2 of source)
          mergeValue(ctx, map, it2);
      else
        mergeValue(ctx, map, source);
    }
    function mergeValue(ctx, map, value) {
      let source = resolveAliasValue(ctx, value);
      if (!identity.isMap(source))
        throw new Error("Merge sources must be maps or map aliases");
      let srcMap = source.toJSON(null, ctx, Map);
      for (let [key, value2] of srcMap)
        map instanceof Map ? map.has(key) || map.set(key, value2) : map instanceof Set ? map.add(key) : Object.prototype.hasOwnProperty.call(map, key) || Object.defineProperty(map, key, {
          value: value2,
          writable: !0,
          enumerable: !0,
          configurable: !0
        });
      return map;
    }
    function resolveAliasValue(ctx, value) {
      return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
    }
    exports.addMergeToJSMap = addMergeToJSMap;
    exports.isMergeKey = isMergeKey;
    exports.merge = merge3;
  }
});

// node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports) {
    "use strict";
    var log = require_log(), merge3 = require_merge(), stringify = require_stringify(), identity = require_identity(), toJS = require_toJS();
    function addPairToJSMap(ctx, map, { key, value }) {
      if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
      else if (merge3.isMergeKey(ctx, key))
        merge3.addMergeToJSMap(ctx, map, value);
      else {
        let jsKey = toJS.toJS(key, "", ctx);
        if (map instanceof Map)
          map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        else if (map instanceof Set)
          map.add(jsKey);
        else {
          let stringKey = stringifyKey(key, jsKey, ctx), jsValue = toJS.toJS(value, stringKey, ctx);
          stringKey in map ? Object.defineProperty(map, stringKey, {
            value: jsValue,
            writable: !0,
            enumerable: !0,
            configurable: !0
          }) : map[stringKey] = jsValue;
        }
      }
      return map;
    }
    function stringifyKey(key, jsKey, ctx) {
      if (jsKey === null)
        return "";
      if (typeof jsKey != "object")
        return String(jsKey);
      if (identity.isNode(key) && ctx?.doc) {
        let strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (let node of ctx.anchors.keys())
          strCtx.anchors.add(node.anchor);
        strCtx.inFlow = !0, strCtx.inStringifyKey = !0;
        let strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          jsonStr.length > 40 && (jsonStr = jsonStr.substring(0, 36) + '..."'), log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`), ctx.mapKeyWarned = !0;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    exports.addPairToJSMap = addPairToJSMap;
  }
});

// node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "node_modules/yaml/dist/nodes/Pair.js"(exports) {
    "use strict";
    var createNode = require_createNode(), stringifyPair = require_stringifyPair(), addPairToJSMap = require_addPairToJSMap(), identity = require_identity();
    function createPair(key, value, ctx) {
      let k2 = createNode.createNode(key, void 0, ctx), v2 = createNode.createNode(value, void 0, ctx);
      return new Pair(k2, v2);
    }
    var Pair = class _Pair {
      constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR }), this.key = key, this.value = value;
      }
      clone(schema) {
        let { key, value } = this;
        return identity.isNode(key) && (key = key.clone(schema)), identity.isNode(value) && (value = value.clone(schema)), new _Pair(key, value);
      }
      toJSON(_2, ctx) {
        let pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    exports.Pair = Pair;
    exports.createPair = createPair;
  }
});

// node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyCollection.js"(exports) {
    "use strict";
    var identity = require_identity(), stringify = require_stringify(), stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options) {
      return (ctx.inFlow ?? collection.flow ? stringifyFlowCollection : stringifyBlockCollection)(collection, ctx, options);
    }
    function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      let { indent, options: { commentString } } = ctx, itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null }), chompKeep = !1, lines = [];
      for (let i = 0; i < items.length; ++i) {
        let item = items[i], comment2 = null;
        if (identity.isNode(item))
          !chompKeep && item.spaceBefore && lines.push(""), addCommentBefore(ctx, lines, item.commentBefore, chompKeep), item.comment && (comment2 = item.comment);
        else if (identity.isPair(item)) {
          let ik = identity.isNode(item.key) ? item.key : null;
          ik && (!chompKeep && ik.spaceBefore && lines.push(""), addCommentBefore(ctx, lines, ik.commentBefore, chompKeep));
        }
        chompKeep = !1;
        let str2 = stringify.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = !0);
        comment2 && (str2 += stringifyComment.lineComment(str2, itemIndent, commentString(comment2))), chompKeep && comment2 && (chompKeep = !1), lines.push(blockItemPrefix + str2);
      }
      let str;
      if (lines.length === 0)
        str = flowChars.start + flowChars.end;
      else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
          let line = lines[i];
          str += line ? `
${indent}${line}` : `
`;
        }
      }
      return comment ? (str += `
` + stringifyComment.indentComment(commentString(comment), indent), onComment && onComment()) : chompKeep && onChompKeep && onChompKeep(), str;
    }
    function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
      let { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
      itemIndent += indentStep;
      let itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: !0,
        type: null
      }), reqNewline = !1, linesAtValue = 0, lines = [];
      for (let i = 0; i < items.length; ++i) {
        let item = items[i], comment = null;
        if (identity.isNode(item))
          item.spaceBefore && lines.push(""), addCommentBefore(ctx, lines, item.commentBefore, !1), item.comment && (comment = item.comment);
        else if (identity.isPair(item)) {
          let ik = identity.isNode(item.key) ? item.key : null;
          ik && (ik.spaceBefore && lines.push(""), addCommentBefore(ctx, lines, ik.commentBefore, !1), ik.comment && (reqNewline = !0));
          let iv = identity.isNode(item.value) ? item.value : null;
          iv ? (iv.comment && (comment = iv.comment), iv.commentBefore && (reqNewline = !0)) : item.value == null && ik?.comment && (comment = ik.comment);
        }
        comment && (reqNewline = !0);
        let str = stringify.stringify(item, itemCtx, () => comment = null);
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes(`
`)), i < items.length - 1 ? str += "," : ctx.options.trailingComma && (ctx.options.lineWidth > 0 && (reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) + (str.length + 2) > ctx.options.lineWidth)), reqNewline && (str += ",")), comment && (str += stringifyComment.lineComment(str, itemIndent, commentString(comment))), lines.push(str), linesAtValue = lines.length;
      }
      let { start, end } = flowChars;
      if (lines.length === 0)
        return start + end;
      if (!reqNewline) {
        let len = lines.reduce((sum, line) => sum + line.length + 2, 2);
        reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
      }
      if (reqNewline) {
        let str = start;
        for (let line of lines)
          str += line ? `
${indentStep}${indent}${line}` : `
`;
        return `${str}
${indent}${end}`;
      } else
        return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
    }
    function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
      if (comment && chompKeep && (comment = comment.replace(/^\n+/, "")), comment) {
        let ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart());
      }
    }
    exports.stringifyCollection = stringifyCollection;
  }
});

// node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLMap.js"(exports) {
    "use strict";
    var stringifyCollection = require_stringifyCollection(), addPairToJSMap = require_addPairToJSMap(), Collection2 = require_Collection(), identity = require_identity(), Pair = require_Pair(), Scalar = require_Scalar();
    function findPair(items, key) {
      let k2 = identity.isScalar(key) ? key.value : key;
      for (let it2 of items)
        if (identity.isPair(it2) && (it2.key === key || it2.key === k2 || identity.isScalar(it2.key) && it2.key.value === k2))
          return it2;
    }
    var YAMLMap = class extends Collection2.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:map";
      }
      constructor(schema) {
        super(identity.MAP, schema), this.items = [];
      }
      /**
       * A generic collection parsing method that can be extended
       * to other node classes that inherit from YAMLMap
       */
      static from(schema, obj, ctx) {
        let { keepUndefined, replacer } = ctx, map = new this(schema), add = (key, value) => {
          if (typeof replacer == "function")
            value = replacer.call(obj, key, value);
          else if (Array.isArray(replacer) && !replacer.includes(key))
            return;
          (value !== void 0 || keepUndefined) && map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map)
          for (let [key, value] of obj)
            add(key, value);
        else if (obj && typeof obj == "object")
          for (let key of Object.keys(obj))
            add(key, obj[key]);
        return typeof schema.sortMapEntries == "function" && map.items.sort(schema.sortMapEntries), map;
      }
      /**
       * Adds a value to the collection.
       *
       * @param overwrite - If not set `true`, using a key that is already in the
       *   collection will throw. Otherwise, overwrites the previous value.
       */
      add(pair, overwrite) {
        let _pair;
        identity.isPair(pair) ? _pair = pair : !pair || typeof pair != "object" || !("key" in pair) ? _pair = new Pair.Pair(pair, pair?.value) : _pair = new Pair.Pair(pair.key, pair.value);
        let prev = findPair(this.items, _pair.key), sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value) ? prev.value.value = _pair.value : prev.value = _pair.value;
        } else if (sortEntries) {
          let i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          i === -1 ? this.items.push(_pair) : this.items.splice(i, 0, _pair);
        } else
          this.items.push(_pair);
      }
      delete(key) {
        let it2 = findPair(this.items, key);
        return it2 ? this.items.splice(this.items.indexOf(it2), 1).length > 0 : !1;
      }
      get(key, keepScalar) {
        let node = findPair(this.items, key)?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? void 0;
      }
      has(key) {
        return !!findPair(this.items, key);
      }
      set(key, value) {
        this.add(new Pair.Pair(key, value), !0);
      }
      /**
       * @param ctx - Conversion context, originally set in Document#toJS()
       * @param {Class} Type - If set, forces the returned collection type
       * @returns Instance of Type, Map, or Object
       */
      toJSON(_2, ctx, Type) {
        let map = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        ctx?.onCreate && ctx.onCreate(map);
        for (let item of this.items)
          addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        for (let item of this.items)
          if (!identity.isPair(item))
            throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        return !ctx.allNullValues && this.hasAllNullValues(!1) && (ctx = Object.assign({}, ctx, { allNullValues: !0 })), stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports.YAMLMap = YAMLMap;
    exports.findPair = findPair;
  }
});

// node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "node_modules/yaml/dist/schema/common/map.js"(exports) {
    "use strict";
    var identity = require_identity(), YAMLMap = require_YAMLMap(), map = {
      collection: "map",
      default: !0,
      nodeClass: YAMLMap.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map2, onError) {
        return identity.isMap(map2) || onError("Expected a mapping for this tag"), map2;
      },
      createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
    };
    exports.map = map;
  }
});

// node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLSeq.js"(exports) {
    "use strict";
    var createNode = require_createNode(), stringifyCollection = require_stringifyCollection(), Collection2 = require_Collection(), identity = require_identity(), Scalar = require_Scalar(), toJS = require_toJS(), YAMLSeq = class extends Collection2.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema) {
        super(identity.SEQ, schema), this.items = [];
      }
      add(value) {
        this.items.push(value);
      }
      /**
       * Removes a value from the collection.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       *
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        let idx = asItemIndex(key);
        return typeof idx != "number" ? !1 : this.items.splice(idx, 1).length > 0;
      }
      get(key, keepScalar) {
        let idx = asItemIndex(key);
        if (typeof idx != "number")
          return;
        let it2 = this.items[idx];
        return !keepScalar && identity.isScalar(it2) ? it2.value : it2;
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       */
      has(key) {
        let idx = asItemIndex(key);
        return typeof idx == "number" && idx < this.items.length;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       *
       * If `key` does not contain a representation of an integer, this will throw.
       * It may be wrapped in a `Scalar`.
       */
      set(key, value) {
        let idx = asItemIndex(key);
        if (typeof idx != "number")
          throw new Error(`Expected a valid index, not ${key}.`);
        let prev = this.items[idx];
        identity.isScalar(prev) && Scalar.isScalarValue(value) ? prev.value = value : this.items[idx] = value;
      }
      toJSON(_2, ctx) {
        let seq = [];
        ctx?.onCreate && ctx.onCreate(seq);
        let i = 0;
        for (let item of this.items)
          seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx ? stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
          onChompKeep,
          onComment
        }) : JSON.stringify(this);
      }
      static from(schema, obj, ctx) {
        let { replacer } = ctx, seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
          let i = 0;
          for (let it2 of obj) {
            if (typeof replacer == "function") {
              let key = obj instanceof Set ? it2 : String(i++);
              it2 = replacer.call(obj, key, it2);
            }
            seq.items.push(createNode.createNode(it2, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key) {
      let idx = identity.isScalar(key) ? key.value : key;
      return idx && typeof idx == "string" && (idx = Number(idx)), typeof idx == "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    exports.YAMLSeq = YAMLSeq;
  }
});

// node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "node_modules/yaml/dist/schema/common/seq.js"(exports) {
    "use strict";
    var identity = require_identity(), YAMLSeq = require_YAMLSeq(), seq = {
      collection: "seq",
      default: !0,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq2, onError) {
        return identity.isSeq(seq2) || onError("Expected a sequence for this tag"), seq2;
      },
      createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
    };
    exports.seq = seq;
  }
});

// node_modules/yaml/dist/schema/common/string.js
var require_string = __commonJS({
  "node_modules/yaml/dist/schema/common/string.js"(exports) {
    "use strict";
    var stringifyString = require_stringifyString(), string3 = {
      identify: (value) => typeof value == "string",
      default: !0,
      tag: "tag:yaml.org,2002:str",
      resolve: (str) => str,
      stringify(item, ctx, onComment, onChompKeep) {
        return ctx = Object.assign({ actualString: !0 }, ctx), stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports.string = string3;
  }
});

// node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "node_modules/yaml/dist/schema/common/null.js"(exports) {
    "use strict";
    var Scalar = require_Scalar(), nullTag = {
      identify: (value) => value == null,
      createNode: () => new Scalar.Scalar(null),
      default: !0,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar.Scalar(null),
      stringify: ({ source }, ctx) => typeof source == "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
    };
    exports.nullTag = nullTag;
  }
});

// node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "node_modules/yaml/dist/schema/core/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar(), boolTag = {
      identify: (value) => typeof value == "boolean",
      default: !0,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str) => new Scalar.Scalar(str[0] === "t" || str[0] === "T"),
      stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
          let sv = source[0] === "t" || source[0] === "T";
          if (value === sv)
            return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports.boolTag = boolTag;
  }
});

// node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyNumber.js"(exports) {
    "use strict";
    function stringifyNumber({ format, minFractionDigits, tag, value }) {
      if (typeof value == "bigint")
        return String(value);
      let num = typeof value == "number" ? value : Number(value);
      if (!isFinite(num))
        return isNaN(num) ? ".nan" : num < 0 ? "-.inf" : ".inf";
      let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
        let i = n.indexOf(".");
        i < 0 && (i = n.length, n += ".");
        let d = minFractionDigits - (n.length - i - 1);
        for (; d-- > 0; )
          n += "0";
      }
      return n;
    }
    exports.stringifyNumber = stringifyNumber;
  }
});

// node_modules/yaml/dist/schema/core/float.js
var require_float = __commonJS({
  "node_modules/yaml/dist/schema/core/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar(), stringifyNumber = require_stringifyNumber(), floatNaN = {
      identify: (value) => typeof value == "number",
      default: !0,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    }, floatExp = {
      identify: (value) => typeof value == "number",
      default: !0,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str),
      stringify(node) {
        let num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    }, float = {
      identify: (value) => typeof value == "number",
      default: !0,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str) {
        let node = new Scalar.Scalar(parseFloat(str)), dot = str.indexOf(".");
        return dot !== -1 && str[str.length - 1] === "0" && (node.minFractionDigits = str.length - dot - 1), node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "node_modules/yaml/dist/schema/core/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber(), intIdentify = (value) => typeof value == "bigint" || Number.isInteger(value), intResolve = (str, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix);
    function intStringify(node, radix, prefix) {
      let { value } = node;
      return intIdentify(value) && value >= 0 ? prefix + value.toString(radix) : stringifyNumber.stringifyNumber(node);
    }
    var intOct = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: !0,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
      stringify: (node) => intStringify(node, 8, "0o")
    }, int2 = {
      identify: intIdentify,
      default: !0,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    }, intHex = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: !0,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int2;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS({
  "node_modules/yaml/dist/schema/core/schema.js"(exports) {
    "use strict";
    var map = require_map(), _null3 = require_null(), seq = require_seq(), string3 = require_string(), bool = require_bool(), float = require_float(), int2 = require_int(), schema = [
      map.map,
      seq.seq,
      string3.string,
      _null3.nullTag,
      bool.boolTag,
      int2.intOct,
      int2.int,
      int2.intHex,
      float.floatNaN,
      float.floatExp,
      float.float
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/json/schema.js
var require_schema2 = __commonJS({
  "node_modules/yaml/dist/schema/json/schema.js"(exports) {
    "use strict";
    var Scalar = require_Scalar(), map = require_map(), seq = require_seq();
    function intIdentify(value) {
      return typeof value == "bigint" || Number.isInteger(value);
    }
    var stringifyJSON = ({ value }) => JSON.stringify(value), jsonScalars = [
      {
        identify: (value) => typeof value == "string",
        default: !0,
        tag: "tag:yaml.org,2002:str",
        resolve: (str) => str,
        stringify: stringifyJSON
      },
      {
        identify: (value) => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: !0,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value) => typeof value == "boolean",
        default: !0,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: (str) => str === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: !0,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
      },
      {
        identify: (value) => typeof value == "number",
        default: !0,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str) => parseFloat(str),
        stringify: stringifyJSON
      }
    ], jsonError = {
      default: !0,
      tag: "",
      test: /^/,
      resolve(str, onError) {
        return onError(`Unresolved plain scalar ${JSON.stringify(str)}`), str;
      }
    }, schema = [map.map, seq.seq].concat(jsonScalars, jsonError);
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports) {
    "use strict";
    var node_buffer = __require("buffer"), Scalar = require_Scalar(), stringifyString = require_stringifyString(), binary = {
      identify: (value) => value instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: !1,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer == "function")
          return node_buffer.Buffer.from(src, "base64");
        if (typeof atob == "function") {
          let str = atob(src.replace(/[\n\r]/g, "")), buffer = new Uint8Array(str.length);
          for (let i = 0; i < str.length; ++i)
            buffer[i] = str.charCodeAt(i);
          return buffer;
        } else
          return onError("This environment does not support reading binary tags; either Buffer or atob is required"), src;
      },
      stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
          return "";
        let buf = value, str;
        if (typeof node_buffer.Buffer == "function")
          str = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        else if (typeof btoa == "function") {
          let s3 = "";
          for (let i = 0; i < buf.length; ++i)
            s3 += String.fromCharCode(buf[i]);
          str = btoa(s3);
        } else
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        if (type ?? (type = Scalar.Scalar.BLOCK_LITERAL), type !== Scalar.Scalar.QUOTE_DOUBLE) {
          let lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth), n = Math.ceil(str.length / lineWidth), lines = new Array(n);
          for (let i = 0, o = 0; i < n; ++i, o += lineWidth)
            lines[i] = str.substr(o, lineWidth);
          str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? `
` : " ");
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
      }
    };
    exports.binary = binary;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports) {
    "use strict";
    var identity = require_identity(), Pair = require_Pair(), Scalar = require_Scalar(), YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity.isSeq(seq))
        for (let i = 0; i < seq.items.length; ++i) {
          let item = seq.items[i];
          if (!identity.isPair(item)) {
            if (identity.isMap(item)) {
              item.items.length > 1 && onError("Each pair must have its own sequence indicator");
              let pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
              if (item.commentBefore && (pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore), item.comment) {
                let cn2 = pair.value ?? pair.key;
                cn2.comment = cn2.comment ? `${item.comment}
${cn2.comment}` : item.comment;
              }
              item = pair;
            }
            seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
          }
        }
      else
        onError("Expected a sequence for this tag");
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      let { replacer } = ctx, pairs2 = new YAMLSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it2 of iterable) {
          typeof replacer == "function" && (it2 = replacer.call(iterable, String(i++), it2));
          let key, value;
          if (Array.isArray(it2))
            if (it2.length === 2)
              key = it2[0], value = it2[1];
            else
              throw new TypeError(`Expected [key, value] tuple: ${it2}`);
          else if (it2 && it2 instanceof Object) {
            let keys = Object.keys(it2);
            if (keys.length === 1)
              key = keys[0], value = it2[key];
            else
              throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
          } else
            key = it2;
          pairs2.items.push(Pair.createPair(key, value, ctx));
        }
      return pairs2;
    }
    var pairs = {
      collection: "seq",
      default: !1,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports.createPairs = createPairs;
    exports.pairs = pairs;
    exports.resolvePairs = resolvePairs;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports) {
    "use strict";
    var identity = require_identity(), toJS = require_toJS(), YAMLMap = require_YAMLMap(), YAMLSeq = require_YAMLSeq(), pairs = require_pairs(), YAMLOMap = class _YAMLOMap extends YAMLSeq.YAMLSeq {
      constructor() {
        super(), this.add = YAMLMap.YAMLMap.prototype.add.bind(this), this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this), this.get = YAMLMap.YAMLMap.prototype.get.bind(this), this.has = YAMLMap.YAMLMap.prototype.has.bind(this), this.set = YAMLMap.YAMLMap.prototype.set.bind(this), this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_2, ctx) {
        if (!ctx)
          return super.toJSON(_2);
        let map = /* @__PURE__ */ new Map();
        ctx?.onCreate && ctx.onCreate(map);
        for (let pair of this.items) {
          let key, value;
          if (identity.isPair(pair) ? (key = toJS.toJS(pair.key, "", ctx), value = toJS.toJS(pair.value, key, ctx)) : key = toJS.toJS(pair, "", ctx), map.has(key))
            throw new Error("Ordered maps must not include duplicate keys");
          map.set(key, value);
        }
        return map;
      }
      static from(schema, iterable, ctx) {
        let pairs$1 = pairs.createPairs(schema, iterable, ctx), omap2 = new this();
        return omap2.items = pairs$1.items, omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: (value) => value instanceof Map,
      nodeClass: YAMLOMap,
      default: !1,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq, onError) {
        let pairs$1 = pairs.resolvePairs(seq, onError), seenKeys = [];
        for (let { key } of pairs$1.items)
          identity.isScalar(key) && (seenKeys.includes(key.value) ? onError(`Ordered maps must not include duplicate keys: ${key.value}`) : seenKeys.push(key.value));
        return Object.assign(new YAMLOMap(), pairs$1);
      },
      createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
    };
    exports.YAMLOMap = YAMLOMap;
    exports.omap = omap;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function boolStringify({ value, source }, ctx) {
      return source && (value ? trueTag : falseTag).test.test(source) ? source : value ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value) => value === !0,
      default: !0,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar.Scalar(!0),
      stringify: boolStringify
    }, falseTag = {
      identify: (value) => value === !1,
      default: !0,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: () => new Scalar.Scalar(!1),
      stringify: boolStringify
    };
    exports.falseTag = falseTag;
    exports.trueTag = trueTag;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar(), stringifyNumber = require_stringifyNumber(), floatNaN = {
      identify: (value) => typeof value == "number",
      default: !0,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    }, floatExp = {
      identify: (value) => typeof value == "number",
      default: !0,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str.replace(/_/g, "")),
      stringify(node) {
        let num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    }, float = {
      identify: (value) => typeof value == "number",
      default: !0,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str) {
        let node = new Scalar.Scalar(parseFloat(str.replace(/_/g, ""))), dot = str.indexOf(".");
        if (dot !== -1) {
          let f2 = str.substring(dot + 1).replace(/_/g, "");
          f2[f2.length - 1] === "0" && (node.minFractionDigits = f2.length);
        }
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber(), intIdentify = (value) => typeof value == "bigint" || Number.isInteger(value);
    function intResolve(str, offset, radix, { intAsBigInt }) {
      let sign = str[0];
      if ((sign === "-" || sign === "+") && (offset += 1), str = str.substring(offset).replace(/_/g, ""), intAsBigInt) {
        switch (radix) {
          case 2:
            str = `0b${str}`;
            break;
          case 8:
            str = `0o${str}`;
            break;
          case 16:
            str = `0x${str}`;
            break;
        }
        let n2 = BigInt(str);
        return sign === "-" ? BigInt(-1) * n2 : n2;
      }
      let n = parseInt(str, radix);
      return sign === "-" ? -1 * n : n;
    }
    function intStringify(node, radix, prefix) {
      let { value } = node;
      if (intIdentify(value)) {
        let str = value.toString(radix);
        return value < 0 ? "-" + prefix + str.substr(1) : prefix + str;
      }
      return stringifyNumber.stringifyNumber(node);
    }
    var intBin = {
      identify: intIdentify,
      default: !0,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
      stringify: (node) => intStringify(node, 2, "0b")
    }, intOct = {
      identify: intIdentify,
      default: !0,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
      stringify: (node) => intStringify(node, 8, "0")
    }, int2 = {
      identify: intIdentify,
      default: !0,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    }, intHex = {
      identify: intIdentify,
      default: !0,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int2;
    exports.intBin = intBin;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports) {
    "use strict";
    var identity = require_identity(), Pair = require_Pair(), YAMLMap = require_YAMLMap(), YAMLSet = class _YAMLSet extends YAMLMap.YAMLMap {
      constructor(schema) {
        super(schema), this.tag = _YAMLSet.tag;
      }
      add(key) {
        let pair;
        identity.isPair(key) ? pair = key : key && typeof key == "object" && "key" in key && "value" in key && key.value === null ? pair = new Pair.Pair(key.key, null) : pair = new Pair.Pair(key, null), YAMLMap.findPair(this.items, pair.key) || this.items.push(pair);
      }
      /**
       * If `keepPair` is `true`, returns the Pair matching `key`.
       * Otherwise, returns the value of that Pair's key.
       */
      get(key, keepPair) {
        let pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair) ? identity.isScalar(pair.key) ? pair.key.value : pair.key : pair;
      }
      set(key, value) {
        if (typeof value != "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        let prev = YAMLMap.findPair(this.items, key);
        prev && !value ? this.items.splice(this.items.indexOf(prev), 1) : !prev && value && this.items.push(new Pair.Pair(key));
      }
      toJSON(_2, ctx) {
        return super.toJSON(_2, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        if (this.hasAllNullValues(!0))
          return super.toString(Object.assign({}, ctx, { allNullValues: !0 }), onComment, onChompKeep);
        throw new Error("Set items must all have null values");
      }
      static from(schema, iterable, ctx) {
        let { replacer } = ctx, set2 = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value of iterable)
            typeof replacer == "function" && (value = replacer.call(iterable, value, value)), set2.items.push(Pair.createPair(value, null, ctx));
        return set2;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set = {
      collection: "map",
      identify: (value) => value instanceof Set,
      nodeClass: YAMLSet,
      default: !1,
      tag: "tag:yaml.org,2002:set",
      createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
      resolve(map, onError) {
        if (identity.isMap(map)) {
          if (map.hasAllNullValues(!0))
            return Object.assign(new YAMLSet(), map);
          onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map;
      }
    };
    exports.YAMLSet = YAMLSet;
    exports.set = set;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str, asBigInt) {
      let sign = str[0], parts = sign === "-" || sign === "+" ? str.substring(1) : str, num = (n) => asBigInt ? BigInt(n) : Number(n), res = parts.replace(/_/g, "").split(":").reduce((res2, p2) => res2 * num(60) + num(p2), num(0));
      return sign === "-" ? num(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value } = node, num = (n) => n;
      if (typeof value == "bigint")
        num = (n) => BigInt(n);
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
      let sign = "";
      value < 0 && (sign = "-", value *= num(-1));
      let _60 = num(60), parts = [value % _60];
      return value < 60 ? parts.unshift(0) : (value = (value - parts[0]) / _60, parts.unshift(value % _60), value >= 60 && (value = (value - parts[0]) / _60, parts.unshift(value))), sign + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value) => typeof value == "bigint" || Number.isInteger(value),
      default: !0,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
      stringify: stringifySexagesimal
    }, floatTime = {
      identify: (value) => typeof value == "number",
      default: !0,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str) => parseSexagesimal(str, !1),
      stringify: stringifySexagesimal
    }, timestamp = {
      identify: (value) => value instanceof Date,
      default: !0,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str) {
        let match = str.match(timestamp.test);
        if (!match)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        let [, year, month, day, hour, minute, second] = match.map(Number), millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0, date2 = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec), tz = match[8];
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz, !1);
          Math.abs(d) < 30 && (d *= 60), date2 -= 6e4 * d;
        }
        return new Date(date2);
      },
      stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
    };
    exports.floatTime = floatTime;
    exports.intTime = intTime;
    exports.timestamp = timestamp;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema3 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports) {
    "use strict";
    var map = require_map(), _null3 = require_null(), seq = require_seq(), string3 = require_string(), binary = require_binary(), bool = require_bool2(), float = require_float2(), int2 = require_int2(), merge3 = require_merge(), omap = require_omap(), pairs = require_pairs(), set = require_set(), timestamp = require_timestamp(), schema = [
      map.map,
      seq.seq,
      string3.string,
      _null3.nullTag,
      bool.trueTag,
      bool.falseTag,
      int2.intBin,
      int2.intOct,
      int2.int,
      int2.intHex,
      float.floatNaN,
      float.floatExp,
      float.float,
      binary.binary,
      merge3.merge,
      omap.omap,
      pairs.pairs,
      set.set,
      timestamp.intTime,
      timestamp.floatTime,
      timestamp.timestamp
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "node_modules/yaml/dist/schema/tags.js"(exports) {
    "use strict";
    var map = require_map(), _null3 = require_null(), seq = require_seq(), string3 = require_string(), bool = require_bool(), float = require_float(), int2 = require_int(), schema = require_schema(), schema$1 = require_schema2(), binary = require_binary(), merge3 = require_merge(), omap = require_omap(), pairs = require_pairs(), schema$2 = require_schema3(), set = require_set(), timestamp = require_timestamp(), schemas = /* @__PURE__ */ new Map([
      ["core", schema.schema],
      ["failsafe", [map.map, seq.seq, string3.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]), tagsByName = {
      binary: binary.binary,
      bool: bool.boolTag,
      float: float.float,
      floatExp: float.floatExp,
      floatNaN: float.floatNaN,
      floatTime: timestamp.floatTime,
      int: int2.int,
      intHex: int2.intHex,
      intOct: int2.intOct,
      intTime: timestamp.intTime,
      map: map.map,
      merge: merge3.merge,
      null: _null3.nullTag,
      omap: omap.omap,
      pairs: pairs.pairs,
      seq: seq.seq,
      set: set.set,
      timestamp: timestamp.timestamp
    }, coreKnownTags = {
      "tag:yaml.org,2002:binary": binary.binary,
      "tag:yaml.org,2002:merge": merge3.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs.pairs,
      "tag:yaml.org,2002:set": set.set,
      "tag:yaml.org,2002:timestamp": timestamp.timestamp
    };
    function getTags(customTags, schemaName, addMergeTag) {
      let schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags)
        return addMergeTag && !schemaTags.includes(merge3.merge) ? schemaTags.concat(merge3.merge) : schemaTags.slice();
      let tags = schemaTags;
      if (!tags)
        if (Array.isArray(customTags))
          tags = [];
        else {
          let keys = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
      if (Array.isArray(customTags))
        for (let tag of customTags)
          tags = tags.concat(tag);
      else typeof customTags == "function" && (tags = customTags(tags.slice()));
      return addMergeTag && (tags = tags.concat(merge3.merge)), tags.reduce((tags2, tag) => {
        let tagObj = typeof tag == "string" ? tagsByName[tag] : tag;
        if (!tagObj) {
          let tagName = JSON.stringify(tag), keys = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        return tags2.includes(tagObj) || tags2.push(tagObj), tags2;
      }, []);
    }
    exports.coreKnownTags = coreKnownTags;
    exports.getTags = getTags;
  }
});

// node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "node_modules/yaml/dist/schema/Schema.js"(exports) {
    "use strict";
    var identity = require_identity(), map = require_map(), seq = require_seq(), string3 = require_string(), tags = require_tags(), sortMapEntriesByKey = (a, b2) => a.key < b2.key ? -1 : a.key > b2.key ? 1 : 0, Schema = class _Schema {
      constructor({ compat, customTags, merge: merge3, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null, this.name = typeof schema == "string" && schema || "core", this.knownTags = resolveKnownTags ? tags.coreKnownTags : {}, this.tags = tags.getTags(customTags, this.name, merge3), this.toStringOptions = toStringDefaults ?? null, Object.defineProperty(this, identity.MAP, { value: map.map }), Object.defineProperty(this, identity.SCALAR, { value: string3.string }), Object.defineProperty(this, identity.SEQ, { value: seq.seq }), this.sortMapEntries = typeof sortMapEntries == "function" ? sortMapEntries : sortMapEntries === !0 ? sortMapEntriesByKey : null;
      }
      clone() {
        let copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        return copy.tags = this.tags.slice(), copy;
      }
    };
    exports.Schema = Schema;
  }
});

// node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyDocument.js"(exports) {
    "use strict";
    var identity = require_identity(), stringify = require_stringify(), stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options) {
      let lines = [], hasDirectives = options.directives === !0;
      if (options.directives !== !1 && doc.directives) {
        let dir = doc.directives.toString(doc);
        dir ? (lines.push(dir), hasDirectives = !0) : doc.directives.docStart && (hasDirectives = !0);
      }
      hasDirectives && lines.push("---");
      let ctx = stringify.createStringifyContext(doc, options), { commentString } = ctx.options;
      if (doc.commentBefore) {
        lines.length !== 1 && lines.unshift("");
        let cs2 = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs2, ""));
      }
      let chompKeep = !1, contentComment = null;
      if (doc.contents) {
        if (identity.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives && lines.push(""), doc.contents.commentBefore) {
            let cs2 = commentString(doc.contents.commentBefore);
            lines.push(stringifyComment.indentComment(cs2, ""));
          }
          ctx.forceBlockIndent = !!doc.comment, contentComment = doc.contents.comment;
        }
        let onChompKeep = contentComment ? void 0 : () => chompKeep = !0, body = stringify.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        contentComment && (body += stringifyComment.lineComment(body, "", commentString(contentComment))), (body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---" ? lines[lines.length - 1] = `--- ${body}` : lines.push(body);
      } else
        lines.push(stringify.stringify(doc.contents, ctx));
      if (doc.directives?.docEnd)
        if (doc.comment) {
          let cs2 = commentString(doc.comment);
          cs2.includes(`
`) ? (lines.push("..."), lines.push(stringifyComment.indentComment(cs2, ""))) : lines.push(`... ${cs2}`);
        } else
          lines.push("...");
      else {
        let dc = doc.comment;
        dc && chompKeep && (dc = dc.replace(/^\n+/, "")), dc && ((!chompKeep || contentComment) && lines[lines.length - 1] !== "" && lines.push(""), lines.push(stringifyComment.indentComment(commentString(dc), "")));
      }
      return lines.join(`
`) + `
`;
    }
    exports.stringifyDocument = stringifyDocument;
  }
});

// node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "node_modules/yaml/dist/doc/Document.js"(exports) {
    "use strict";
    var Alias = require_Alias(), Collection2 = require_Collection(), identity = require_identity(), Pair = require_Pair(), toJS = require_toJS(), Schema = require_Schema(), stringifyDocument = require_stringifyDocument(), anchors = require_anchors(), applyReviver = require_applyReviver(), createNode = require_createNode(), directives = require_directives(), Document = class _Document {
      constructor(value, replacer, options) {
        this.commentBefore = null, this.comment = null, this.errors = [], this.warnings = [], Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        typeof replacer == "function" || Array.isArray(replacer) ? _replacer = replacer : options === void 0 && replacer && (options = replacer, replacer = void 0);
        let opt = Object.assign({
          intAsBigInt: !1,
          keepSourceTokens: !1,
          logLevel: "warn",
          prettyErrors: !0,
          strict: !0,
          stringKeys: !1,
          uniqueKeys: !0,
          version: "1.2"
        }, options);
        this.options = opt;
        let { version: version2 } = opt;
        options?._directives ? (this.directives = options._directives.atDocument(), this.directives.yaml.explicit && (version2 = this.directives.yaml.version)) : this.directives = new directives.Directives({ version: version2 }), this.setSchema(version2, options), this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        let copy = Object.create(_Document.prototype, {
          [identity.NODE_TYPE]: { value: identity.DOC }
        });
        return copy.commentBefore = this.commentBefore, copy.comment = this.comment, copy.errors = this.errors.slice(), copy.warnings = this.warnings.slice(), copy.options = Object.assign({}, this.options), this.directives && (copy.directives = this.directives.clone()), copy.schema = this.schema.clone(), copy.contents = identity.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents, this.range && (copy.range = this.range.slice()), copy;
      }
      /** Adds a value to the document. */
      add(value) {
        assertCollection(this.contents) && this.contents.add(value);
      }
      /** Adds a value to the document. */
      addIn(path, value) {
        assertCollection(this.contents) && this.contents.addIn(path, value);
      }
      /**
       * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
       *
       * If `node` already has an anchor, `name` is ignored.
       * Otherwise, the `node.anchor` value will be set to `name`,
       * or if an anchor with that name is already present in the document,
       * `name` will be used as a prefix for a new unique anchor.
       * If `name` is undefined, the generated anchor will use 'a' as a prefix.
       */
      createAlias(node, name) {
        if (!node.anchor) {
          let prev = anchors.anchorNames(this);
          node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name || prev.has(name) ? anchors.findNewAnchor(name || "a", prev) : name;
        }
        return new Alias.Alias(node.anchor);
      }
      createNode(value, replacer, options) {
        let _replacer;
        if (typeof replacer == "function")
          value = replacer.call({ "": value }, "", value), _replacer = replacer;
        else if (Array.isArray(replacer)) {
          let keyToStr = (v2) => typeof v2 == "number" || v2 instanceof String || v2 instanceof Number, asStr = replacer.filter(keyToStr).map(String);
          asStr.length > 0 && (replacer = replacer.concat(asStr)), _replacer = replacer;
        } else options === void 0 && replacer && (options = replacer, replacer = void 0);
        let { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {}, { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        ), ctx = {
          aliasDuplicateObjects: aliasDuplicateObjects ?? !0,
          keepUndefined: keepUndefined ?? !1,
          onAnchor,
          onTagObj,
          replacer: _replacer,
          schema: this.schema,
          sourceObjects
        }, node = createNode.createNode(value, tag, ctx);
        return flow && identity.isCollection(node) && (node.flow = !0), setAnchors(), node;
      }
      /**
       * Convert a key and a value into a `Pair` using the current schema,
       * recursively wrapping all values as `Scalar` or `Collection` nodes.
       */
      createPair(key, value, options = {}) {
        let k2 = this.createNode(key, null, options), v2 = this.createNode(value, null, options);
        return new Pair.Pair(k2, v2);
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : !1;
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        return Collection2.isEmptyPath(path) ? this.contents == null ? !1 : (this.contents = null, !0) : assertCollection(this.contents) ? this.contents.deleteIn(path) : !1;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key, keepScalar) {
        return identity.isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        return Collection2.isEmptyPath(path) ? !keepScalar && identity.isScalar(this.contents) ? this.contents.value : this.contents : identity.isCollection(this.contents) ? this.contents.getIn(path, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : !1;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path) {
        return Collection2.isEmptyPath(path) ? this.contents !== void 0 : identity.isCollection(this.contents) ? this.contents.hasIn(path) : !1;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key, value) {
        this.contents == null ? this.contents = Collection2.collectionFromPath(this.schema, [key], value) : assertCollection(this.contents) && this.contents.set(key, value);
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        Collection2.isEmptyPath(path) ? this.contents = value : this.contents == null ? this.contents = Collection2.collectionFromPath(this.schema, Array.from(path), value) : assertCollection(this.contents) && this.contents.setIn(path, value);
      }
      /**
       * Change the YAML version and schema used by the document.
       * A `null` version disables support for directives, explicit tags, anchors, and aliases.
       * It also requires the `schema` option to be given as a `Schema` instance value.
       *
       * Overrides all previously set schema options.
       */
      setSchema(version2, options = {}) {
        typeof version2 == "number" && (version2 = String(version2));
        let opt;
        switch (version2) {
          case "1.1":
            this.directives ? this.directives.yaml.version = "1.1" : this.directives = new directives.Directives({ version: "1.1" }), opt = { resolveKnownTags: !1, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            this.directives ? this.directives.yaml.version = version2 : this.directives = new directives.Directives({ version: version2 }), opt = { resolveKnownTags: !0, schema: "core" };
            break;
          case null:
            this.directives && delete this.directives, opt = null;
            break;
          default: {
            let sv = JSON.stringify(version2);
            throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
          }
        }
        if (options.schema instanceof Object)
          this.schema = options.schema;
        else if (opt)
          this.schema = new Schema.Schema(Object.assign(opt, options));
        else
          throw new Error("With a null YAML version, the { schema: Schema } option is required");
      }
      // json & jsonArg are only used from toJSON()
      toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        let ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json,
          mapAsMap: mapAsMap === !0,
          mapKeyWarned: !1,
          maxAliasCount: typeof maxAliasCount == "number" ? maxAliasCount : 100
        }, res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor == "function")
          for (let { count: count2, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count2);
        return typeof reviver == "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
      /**
       * A JSON representation of the document `contents`.
       *
       * @param jsonArg Used by `JSON.stringify` to indicate the array index or
       *   property name.
       */
      toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: !0, jsonArg, mapAsMap: !1, onAnchor });
      }
      /** A YAML representation of the document. */
      toString(options = {}) {
        if (this.errors.length > 0)
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
          let s3 = JSON.stringify(options.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s3}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
      }
    };
    function assertCollection(contents) {
      if (identity.isCollection(contents))
        return !0;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports.Document = Document;
  }
});

// node_modules/yaml/dist/errors.js
var require_errors = __commonJS({
  "node_modules/yaml/dist/errors.js"(exports) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name, pos, code, message) {
        super(), this.name = name, this.code = code, this.message = message, this.pos = pos;
      }
    }, YAMLParseError = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLParseError", pos, code, message);
      }
    }, YAMLWarning = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLWarning", pos, code, message);
      }
    }, prettifyError2 = (src, lc) => (error2) => {
      if (error2.pos[0] === -1)
        return;
      error2.linePos = error2.pos.map((pos) => lc.linePos(pos));
      let { line, col } = error2.linePos[0];
      error2.message += ` at line ${line}, column ${col}`;
      let ci2 = col - 1, lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
      if (ci2 >= 60 && lineStr.length > 80) {
        let trimStart = Math.min(ci2 - 39, lineStr.length - 79);
        lineStr = "…" + lineStr.substring(trimStart), ci2 -= trimStart - 1;
      }
      if (lineStr.length > 80 && (lineStr = lineStr.substring(0, 79) + "…"), line > 1 && /^ *$/.test(lineStr.substring(0, ci2))) {
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        prev.length > 80 && (prev = prev.substring(0, 79) + `…
`), lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count2 = 1, end = error2.linePos[1];
        end?.line === line && end.col > col && (count2 = Math.max(1, Math.min(end.col - col, 80 - ci2)));
        let pointer = " ".repeat(ci2) + "^".repeat(count2);
        error2.message += `:

${lineStr}
${pointer}
`;
      }
    };
    exports.YAMLError = YAMLError;
    exports.YAMLParseError = YAMLParseError;
    exports.YAMLWarning = YAMLWarning;
    exports.prettifyError = prettifyError2;
  }
});

// node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "node_modules/yaml/dist/compose/resolve-props.js"(exports) {
    "use strict";
    function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = !1, atNewline = startOnNewline, hasSpace = startOnNewline, comment = "", commentSep = "", hasNewline = !1, reqSpace = !1, tab = null, anchor = null, tag = null, newlineAfterProp = null, comma = null, found = null, start = null;
      for (let token of tokens)
        switch (reqSpace && (token.type !== "space" && token.type !== "newline" && token.type !== "comma" && onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space"), reqSpace = !1), tab && (atNewline && token.type !== "comment" && token.type !== "newline" && onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation"), tab = null), token.type) {
          case "space":
            !flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	") && (tab = token), hasSpace = !0;
            break;
          case "comment": {
            hasSpace || onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            let cb = token.source.substring(1) || " ";
            comment ? comment += commentSep + cb : comment = cb, commentSep = "", atNewline = !1;
            break;
          }
          case "newline":
            atNewline ? comment ? comment += token.source : (!found || indicator !== "seq-item-ind") && (spaceBefore = !0) : commentSep += token.source, atNewline = !0, hasNewline = !0, (anchor || tag) && (newlineAfterProp = token), hasSpace = !0;
            break;
          case "anchor":
            anchor && onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor"), token.source.endsWith(":") && onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", !0), anchor = token, start ?? (start = token.offset), atNewline = !1, hasSpace = !1, reqSpace = !0;
            break;
          case "tag": {
            tag && onError(token, "MULTIPLE_TAGS", "A node can have at most one tag"), tag = token, start ?? (start = token.offset), atNewline = !1, hasSpace = !1, reqSpace = !0;
            break;
          }
          case indicator:
            (anchor || tag) && onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`), found && onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`), found = token, atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind", hasSpace = !1;
            break;
          case "comma":
            if (flow) {
              comma && onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`), comma = token, atNewline = !1, hasSpace = !1;
              break;
            }
          // else fallthrough
          default:
            onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`), atNewline = !1, hasSpace = !1;
        }
      let last = tokens[tokens.length - 1], end = last ? last.offset + last.source.length : offset;
      return reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "") && onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space"), tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq") && onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation"), {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
      };
    }
    exports.resolveProps = resolveProps;
  }
});

// node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "node_modules/yaml/dist/compose/util-contains-newline.js"(exports) {
    "use strict";
    function containsNewline(key) {
      if (!key)
        return null;
      switch (key.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key.source.includes(`
`))
            return !0;
          if (key.end) {
            for (let st2 of key.end)
              if (st2.type === "newline")
                return !0;
          }
          return !1;
        case "flow-collection":
          for (let it2 of key.items) {
            for (let st2 of it2.start)
              if (st2.type === "newline")
                return !0;
            if (it2.sep) {
              for (let st2 of it2.sep)
                if (st2.type === "newline")
                  return !0;
            }
            if (containsNewline(it2.key) || containsNewline(it2.value))
              return !0;
          }
          return !1;
        default:
          return !0;
      }
    }
    exports.containsNewline = containsNewline;
  }
});

// node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports) {
    "use strict";
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent, fc, onError) {
      if (fc?.type === "flow-collection") {
        let end = fc.end[0];
        end.indent === indent && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc) && onError(end, "BAD_INDENT", "Flow end indicator should be more indented than parent", !0);
      }
    }
    exports.flowIndentCheck = flowIndentCheck;
  }
});

// node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "node_modules/yaml/dist/compose/util-map-includes.js"(exports) {
    "use strict";
    var identity = require_identity();
    function mapIncludes(ctx, items, search) {
      let { uniqueKeys } = ctx.options;
      if (uniqueKeys === !1)
        return !1;
      let isEqual = typeof uniqueKeys == "function" ? uniqueKeys : (a, b2) => a === b2 || identity.isScalar(a) && identity.isScalar(b2) && a.value === b2.value;
      return items.some((pair) => isEqual(pair.key, search));
    }
    exports.mapIncludes = mapIncludes;
  }
});

// node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-map.js"(exports) {
    "use strict";
    var Pair = require_Pair(), YAMLMap = require_YAMLMap(), resolveProps = require_resolve_props(), utilContainsNewline = require_util_contains_newline(), utilFlowIndentCheck = require_util_flow_indent_check(), utilMapIncludes = require_util_map_includes(), startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
      let NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap, map = new NodeClass(ctx.schema);
      ctx.atRoot && (ctx.atRoot = !1);
      let offset = bm.offset, commentEnd = null;
      for (let collItem of bm.items) {
        let { start, key, sep: sep6, value } = collItem, keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key ?? sep6?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: !0
        }), implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key && (key.type === "block-seq" ? onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key") : "indent" in key && key.indent !== bm.indent && onError(offset, "BAD_INDENT", startColMsg)), !keyProps.anchor && !keyProps.tag && !sep6) {
            commentEnd = keyProps.end, keyProps.comment && (map.comment ? map.comment += `
` + keyProps.comment : map.comment = keyProps.comment);
            continue;
          }
          (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) && onError(key ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
        } else keyProps.found?.indent !== bm.indent && onError(offset, "BAD_INDENT", startColMsg);
        ctx.atKey = !0;
        let keyStart = keyProps.end, keyNode = key ? composeNode(ctx, key, keyProps, onError) : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        ctx.schema.compat && utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError), ctx.atKey = !1, utilMapIncludes.mapIncludes(ctx, map.items, keyNode) && onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        let valueProps = resolveProps.resolveProps(sep6 ?? [], {
          indicator: "map-value-ind",
          next: value,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key || key.type === "block-scalar"
        });
        if (offset = valueProps.end, valueProps.found) {
          implicitKey && (value?.type === "block-map" && !valueProps.hasNewline && onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings"), ctx.options.strict && keyProps.start < valueProps.found.offset - 1024 && onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key"));
          let valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep6, null, valueProps, onError);
          ctx.schema.compat && utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError), offset = valueNode.range[2];
          let pair = new Pair.Pair(keyNode, valueNode);
          ctx.options.keepSourceTokens && (pair.srcToken = collItem), map.items.push(pair);
        } else {
          implicitKey && onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values"), valueProps.comment && (keyNode.comment ? keyNode.comment += `
` + valueProps.comment : keyNode.comment = valueProps.comment);
          let pair = new Pair.Pair(keyNode);
          ctx.options.keepSourceTokens && (pair.srcToken = collItem), map.items.push(pair);
        }
      }
      return commentEnd && commentEnd < offset && onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content"), map.range = [bm.offset, offset, commentEnd ?? offset], map;
    }
    exports.resolveBlockMap = resolveBlockMap;
  }
});

// node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-seq.js"(exports) {
    "use strict";
    var YAMLSeq = require_YAMLSeq(), resolveProps = require_resolve_props(), utilFlowIndentCheck = require_util_flow_indent_check();
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs2, onError, tag) {
      let NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq, seq = new NodeClass(ctx.schema);
      ctx.atRoot && (ctx.atRoot = !1), ctx.atKey && (ctx.atKey = !1);
      let offset = bs2.offset, commentEnd = null;
      for (let { start, value } of bs2.items) {
        let props = resolveProps.resolveProps(start, {
          indicator: "seq-item-ind",
          next: value,
          offset,
          onError,
          parentIndent: bs2.indent,
          startOnNewline: !0
        });
        if (!props.found)
          if (props.anchor || props.tag || value)
            value?.type === "block-seq" ? onError(props.end, "BAD_INDENT", "All sequence items must start at the same column") : onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          else {
            commentEnd = props.end, props.comment && (seq.comment = props.comment);
            continue;
          }
        let node = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
        ctx.schema.compat && utilFlowIndentCheck.flowIndentCheck(bs2.indent, value, onError), offset = node.range[2], seq.items.push(node);
      }
      return seq.range = [bs2.offset, offset, commentEnd ?? offset], seq;
    }
    exports.resolveBlockSeq = resolveBlockSeq;
  }
});

// node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "node_modules/yaml/dist/compose/resolve-end.js"(exports) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment = "";
      if (end) {
        let hasSpace = !1, sep6 = "";
        for (let token of end) {
          let { source, type } = token;
          switch (type) {
            case "space":
              hasSpace = !0;
              break;
            case "comment": {
              reqSpace && !hasSpace && onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              let cb = source.substring(1) || " ";
              comment ? comment += sep6 + cb : comment = cb, sep6 = "";
              break;
            }
            case "newline":
              comment && (sep6 += source), hasSpace = !0;
              break;
            default:
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
          }
          offset += source.length;
        }
      }
      return { comment, offset };
    }
    exports.resolveEnd = resolveEnd;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports) {
    "use strict";
    var identity = require_identity(), Pair = require_Pair(), YAMLMap = require_YAMLMap(), YAMLSeq = require_YAMLSeq(), resolveEnd = require_resolve_end(), resolveProps = require_resolve_props(), utilContainsNewline = require_util_contains_newline(), utilMapIncludes = require_util_map_includes(), blockMsg = "Block collections are not allowed within flow collections", isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
      let isMap = fc.start.source === "{", fcName = isMap ? "flow map" : "flow sequence", NodeClass = tag?.nodeClass ?? (isMap ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq), coll = new NodeClass(ctx.schema);
      coll.flow = !0;
      let atRoot = ctx.atRoot;
      atRoot && (ctx.atRoot = !1), ctx.atKey && (ctx.atKey = !1);
      let offset = fc.offset + fc.start.source.length;
      for (let i = 0; i < fc.items.length; ++i) {
        let collItem = fc.items[i], { start, key, sep: sep6, value } = collItem, props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key ?? sep6?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: !1
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep6 && !value) {
            i === 0 && props.comma ? onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`) : i < fc.items.length - 1 && onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`), props.comment && (coll.comment ? coll.comment += `
` + props.comment : coll.comment = props.comment), offset = props.end;
            continue;
          }
          !isMap && ctx.options.strict && utilContainsNewline.containsNewline(key) && onError(
            key,
            // checked by containsNewline()
            "MULTILINE_IMPLICIT_KEY",
            "Implicit keys of flow sequence pairs need to be on a single line"
          );
        }
        if (i === 0)
          props.comma && onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        else if (props.comma || onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`), props.comment) {
          let prevItemComment = "";
          loop: for (let st2 of start)
            switch (st2.type) {
              case "comma":
              case "space":
                break;
              case "comment":
                prevItemComment = st2.source.substring(1);
                break loop;
              default:
                break loop;
            }
          if (prevItemComment) {
            let prev = coll.items[coll.items.length - 1];
            identity.isPair(prev) && (prev = prev.value ?? prev.key), prev.comment ? prev.comment += `
` + prevItemComment : prev.comment = prevItemComment, props.comment = props.comment.substring(prevItemComment.length + 1);
          }
        }
        if (!isMap && !sep6 && !props.found) {
          let valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep6, null, props, onError);
          coll.items.push(valueNode), offset = valueNode.range[2], isBlock(value) && onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = !0;
          let keyStart = props.end, keyNode = key ? composeNode(ctx, key, props, onError) : composeEmptyNode(ctx, keyStart, start, null, props, onError);
          isBlock(key) && onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg), ctx.atKey = !1;
          let valueProps = resolveProps.resolveProps(sep6 ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: !1
          });
          if (valueProps.found) {
            if (!isMap && !props.found && ctx.options.strict) {
              if (sep6)
                for (let st2 of sep6) {
                  if (st2 === valueProps.found)
                    break;
                  if (st2.type === "newline") {
                    onError(st2, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              props.start < valueProps.found.offset - 1024 && onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else value && ("source" in value && value.source?.[0] === ":" ? onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`) : onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`));
          let valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep6, null, valueProps, onError) : null;
          valueNode ? isBlock(value) && onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg) : valueProps.comment && (keyNode.comment ? keyNode.comment += `
` + valueProps.comment : keyNode.comment = valueProps.comment);
          let pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens && (pair.srcToken = collItem), isMap) {
            let map = coll;
            utilMapIncludes.mapIncludes(ctx, map.items, keyNode) && onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique"), map.items.push(pair);
          } else {
            let map = new YAMLMap.YAMLMap(ctx.schema);
            map.flow = !0, map.items.push(pair);
            let endRange = (valueNode ?? keyNode).range;
            map.range = [keyNode.range[0], endRange[1], endRange[2]], coll.items.push(map);
          }
          offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
      }
      let expectedEnd = isMap ? "}" : "]", [ce2, ...ee2] = fc.end, cePos = offset;
      if (ce2?.source === expectedEnd)
        cePos = ce2.offset + ce2.source.length;
      else {
        let name = fcName[0].toUpperCase() + fcName.substring(1), msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg), ce2 && ce2.source.length !== 1 && ee2.unshift(ce2);
      }
      if (ee2.length > 0) {
        let end = resolveEnd.resolveEnd(ee2, cePos, ctx.options.strict, onError);
        end.comment && (coll.comment ? coll.comment += `
` + end.comment : coll.comment = end.comment), coll.range = [fc.offset, cePos, end.offset];
      } else
        coll.range = [fc.offset, cePos, cePos];
      return coll;
    }
    exports.resolveFlowCollection = resolveFlowCollection;
  }
});

// node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "node_modules/yaml/dist/compose/compose-collection.js"(exports) {
    "use strict";
    var identity = require_identity(), Scalar = require_Scalar(), YAMLMap = require_YAMLMap(), YAMLSeq = require_YAMLSeq(), resolveBlockMap = require_resolve_block_map(), resolveBlockSeq = require_resolve_block_seq(), resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token, onError, tagName, tag) {
      let coll = token.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag), Coll = coll.constructor;
      return tagName === "!" || tagName === Coll.tagName ? (coll.tag = Coll.tagName, coll) : (tagName && (coll.tag = tagName), coll);
    }
    function composeCollection(CN, ctx, token, props, onError) {
      let tagToken = props.tag, tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      if (token.type === "block-seq") {
        let { anchor, newlineAfterProp: nl } = props, lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
        lastProp && (!nl || nl.offset < lastProp.offset) && onError(lastProp, "MISSING_CHAR", "Missing newline after block sequence props");
      }
      let expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq")
        return resolveCollection(CN, ctx, token, onError, tagName);
      let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
      if (!tag) {
        let kt2 = ctx.schema.knownTags[tagName];
        if (kt2?.collection === expType)
          ctx.schema.tags.push(Object.assign({}, kt2, { default: !1 })), tag = kt2;
        else
          return kt2 ? onError(tagToken, "BAD_COLLECTION_TYPE", `${kt2.tag} used for ${expType} collection, but expects ${kt2.collection ?? "scalar"}`, !0) : onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, !0), resolveCollection(CN, ctx, token, onError, tagName);
      }
      let coll = resolveCollection(CN, ctx, token, onError, tagName, tag), res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll, node = identity.isNode(res) ? res : new Scalar.Scalar(res);
      return node.range = coll.range, node.tag = tagName, tag?.format && (node.format = tag.format), node;
    }
    exports.composeCollection = composeCollection;
  }
});

// node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function resolveBlockScalar(ctx, scalar2, onError) {
      let start = scalar2.offset, header = parseBlockScalarHeader(scalar2, ctx.options.strict, onError);
      if (!header)
        return { value: "", type: null, comment: "", range: [start, start, start] };
      let type = header.mode === ">" ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL, lines = scalar2.source ? splitLines(scalar2.source) : [], chompStart = lines.length;
      for (let i = lines.length - 1; i >= 0; --i) {
        let content = lines[i][1];
        if (content === "" || content === "\r")
          chompStart = i;
        else
          break;
      }
      if (chompStart === 0) {
        let value2 = header.chomp === "+" && lines.length > 0 ? `
`.repeat(Math.max(1, lines.length - 1)) : "", end2 = start + header.length;
        return scalar2.source && (end2 += scalar2.source.length), { value: value2, type, comment: header.comment, range: [start, end2, end2] };
      }
      let trimIndent = scalar2.indent + header.indent, offset = scalar2.offset + header.length, contentStart = 0;
      for (let i = 0; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        if (content === "" || content === "\r")
          header.indent === 0 && indent.length > trimIndent && (trimIndent = indent.length);
        else {
          indent.length < trimIndent && onError(offset + indent.length, "MISSING_CHAR", "Block scalars with more-indented leading empty lines must use an explicit indentation indicator"), header.indent === 0 && (trimIndent = indent.length), contentStart = i, trimIndent === 0 && !ctx.atRoot && onError(offset, "BAD_INDENT", "Block scalar values in collections must be indented");
          break;
        }
        offset += indent.length + content.length + 1;
      }
      for (let i = lines.length - 1; i >= chompStart; --i)
        lines[i][0].length > trimIndent && (chompStart = i + 1);
      let value = "", sep6 = "", prevMoreIndented = !1;
      for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + `
`;
      for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        let crlf = content[content.length - 1] === "\r";
        if (crlf && (content = content.slice(0, -1)), content && indent.length < trimIndent) {
          let message = `Block scalar lines must not be less indented than their ${header.indent ? "explicit indentation indicator" : "first line"}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message), indent = "";
        }
        type === Scalar.Scalar.BLOCK_LITERAL ? (value += sep6 + indent.slice(trimIndent) + content, sep6 = `
`) : indent.length > trimIndent || content[0] === "	" ? (sep6 === " " ? sep6 = `
` : !prevMoreIndented && sep6 === `
` && (sep6 = `

`), value += sep6 + indent.slice(trimIndent) + content, sep6 = `
`, prevMoreIndented = !0) : content === "" ? sep6 === `
` ? value += `
` : sep6 = `
` : (value += sep6 + content, sep6 = " ", prevMoreIndented = !1);
      }
      switch (header.chomp) {
        case "-":
          break;
        case "+":
          for (let i = chompStart; i < lines.length; ++i)
            value += `
` + lines[i][0].slice(trimIndent);
          value[value.length - 1] !== `
` && (value += `
`);
          break;
        default:
          value += `
`;
      }
      let end = start + header.length + scalar2.source.length;
      return { value, type, comment: header.comment, range: [start, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict, onError) {
      if (props[0].type !== "block-scalar-header")
        return onError(props[0], "IMPOSSIBLE", "Block scalar header not found"), null;
      let { source } = props[0], mode = source[0], indent = 0, chomp = "", error2 = -1;
      for (let i = 1; i < source.length; ++i) {
        let ch = source[i];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          let n = Number(ch);
          !indent && n ? indent = n : error2 === -1 && (error2 = offset + i);
        }
      }
      error2 !== -1 && onError(error2, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = !1, comment = "", length = source.length;
      for (let i = 1; i < props.length; ++i) {
        let token = props[i];
        switch (token.type) {
          case "space":
            hasSpace = !0;
          // fallthrough
          case "newline":
            length += token.source.length;
            break;
          case "comment":
            strict && !hasSpace && onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters"), length += token.source.length, comment = token.source.substring(1);
            break;
          case "error":
            onError(token, "UNEXPECTED_TOKEN", token.message), length += token.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            let message = `Unexpected token in block scalar header: ${token.type}`;
            onError(token, "UNEXPECTED_TOKEN", message);
            let ts2 = token.source;
            ts2 && typeof ts2 == "string" && (length += ts2.length);
          }
        }
      }
      return { mode, indent, chomp, comment, length };
    }
    function splitLines(source) {
      let split2 = source.split(/\n( *)/), first = split2[0], m2 = first.match(/^( *)/), lines = [m2?.[1] ? [m2[1], first.slice(m2[1].length)] : ["", first]];
      for (let i = 1; i < split2.length; i += 2)
        lines.push([split2[i], split2[i + 1]]);
      return lines;
    }
    exports.resolveBlockScalar = resolveBlockScalar;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar(), resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar2, strict, onError) {
      let { offset, type, source, end } = scalar2, _type, value, _onError = (rel, code, msg) => onError(offset + rel, code, msg);
      switch (type) {
        case "scalar":
          _type = Scalar.Scalar.PLAIN, value = plainValue(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_SINGLE, value = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_DOUBLE, value = doubleQuotedValue(source, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          return onError(scalar2, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`), {
            value: "",
            type: null,
            comment: "",
            range: [offset, offset + source.length, offset + source.length]
          };
      }
      let valueEnd = offset + source.length, re2 = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
      return {
        value,
        type: _type,
        comment: re2.comment,
        range: [offset, valueEnd, re2.offset]
      };
    }
    function plainValue(source, onError) {
      let badChar = "";
      switch (source[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source[0]}`;
          break;
        }
      }
      return badChar && onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`), unfoldLines(source);
    }
    function singleQuotedValue(source, onError) {
      return (source[source.length - 1] !== "'" || source.length === 1) && onError(source.length, "MISSING_CHAR", "Missing closing 'quote"), unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
    }
    function unfoldLines(source) {
      let line = /(.*?)\r?\n/sy, match = line.exec(source);
      if (!match)
        return source;
      let trimEnd, trimBoth;
      try {
        trimEnd = new RegExp("(?<![ 	])[ 	]+$"), trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd = /[ \t]+$/, trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match[1].replace(trimEnd, ""), sep6 = " ", pos = line.lastIndex;
      for (; match = line.exec(source); ) {
        let lm = match[1].replace(trimBoth, "");
        lm === "" ? sep6 === `
` ? res += sep6 : sep6 = `
` : (res += sep6 + lm, sep6 = " "), pos = line.lastIndex;
      }
      let last = /[ \t]*(.*)/sy;
      return last.lastIndex = pos, match = last.exec(source), res + sep6 + (match?.[1] ?? "");
    }
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i = 1; i < source.length - 1; ++i) {
        let ch = source[i];
        if (!(ch === "\r" && source[i + 1] === `
`))
          if (ch === `
`) {
            let { fold, offset } = foldNewline(source, i);
            res += fold, i = offset;
          } else if (ch === "\\") {
            let next = source[++i], cc = escapeCodes[next];
            if (cc)
              res += cc;
            else if (next === `
`)
              for (next = source[i + 1]; next === " " || next === "	"; )
                next = source[++i + 1];
            else if (next === "\r" && source[i + 1] === `
`)
              for (next = source[++i + 1]; next === " " || next === "	"; )
                next = source[++i + 1];
            else if (next === "x" || next === "u" || next === "U") {
              let length = next === "x" ? 2 : next === "u" ? 4 : 8;
              res += parseCharCode(source, i + 1, length, onError), i += length;
            } else {
              let raw = source.substr(i - 1, 2);
              onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`), res += raw;
            }
          } else if (ch === " " || ch === "	") {
            let wsStart = i, next = source[i + 1];
            for (; next === " " || next === "	"; )
              next = source[++i + 1];
            next !== `
` && !(next === "\r" && source[i + 2] === `
`) && (res += i > wsStart ? source.slice(wsStart, i + 1) : ch);
          } else
            res += ch;
      }
      return (source[source.length - 1] !== '"' || source.length === 1) && onError(source.length, "MISSING_CHAR", 'Missing closing "quote'), res;
    }
    function foldNewline(source, offset) {
      let fold = "", ch = source[offset + 1];
      for (; (ch === " " || ch === "	" || ch === `
` || ch === "\r") && !(ch === "\r" && source[offset + 2] !== `
`); )
        ch === `
` && (fold += `
`), offset += 1, ch = source[offset + 1];
      return fold || (fold = " "), { fold, offset };
    }
    var escapeCodes = {
      0: "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: `
`,
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "",
      // Unicode next line
      _: " ",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source, offset, length, onError) {
      let cc = source.substr(offset, length), code = cc.length === length && /^[0-9a-fA-F]+$/.test(cc) ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code);
      } catch {
        let raw = source.substr(offset - 2, length + 2);
        return onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`), raw;
      }
    }
    exports.resolveFlowScalar = resolveFlowScalar;
  }
});

// node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "node_modules/yaml/dist/compose/compose-scalar.js"(exports) {
    "use strict";
    var identity = require_identity(), Scalar = require_Scalar(), resolveBlockScalar = require_resolve_block_scalar(), resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      let { value, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError), tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null, tag;
      ctx.options.stringKeys && ctx.atKey ? tag = ctx.schema[identity.SCALAR] : tagName ? tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError) : token.type === "scalar" ? tag = findScalarTagByTest(ctx, value, token, onError) : tag = ctx.schema[identity.SCALAR];
      let scalar2;
      try {
        let res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar2 = identity.isScalar(res) ? res : new Scalar.Scalar(res);
      } catch (error2) {
        let msg = error2 instanceof Error ? error2.message : String(error2);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), scalar2 = new Scalar.Scalar(value);
      }
      return scalar2.range = range, scalar2.source = value, type && (scalar2.type = type), tagName && (scalar2.tag = tagName), tag.format && (scalar2.format = tag.format), comment && (scalar2.comment = comment), scalar2;
    }
    function findScalarTagByName(schema, value, tagName, tagToken, onError) {
      if (tagName === "!")
        return schema[identity.SCALAR];
      let matchWithTest = [];
      for (let tag of schema.tags)
        if (!tag.collection && tag.tag === tagName)
          if (tag.default && tag.test)
            matchWithTest.push(tag);
          else
            return tag;
      for (let tag of matchWithTest)
        if (tag.test?.test(value))
          return tag;
      let kt2 = schema.knownTags[tagName];
      return kt2 && !kt2.collection ? (schema.tags.push(Object.assign({}, kt2, { default: !1, test: void 0 })), kt2) : (onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str"), schema[identity.SCALAR]);
    }
    function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
      let tag = schema.tags.find((tag2) => (tag2.default === !0 || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema[identity.SCALAR];
      if (schema.compat) {
        let compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
          let ts2 = directives.tagString(tag.tag), cs2 = directives.tagString(compat.tag), msg = `Value may be parsed as either ${ts2} or ${cs2}`;
          onError(token, "TAG_RESOLVE_FAILED", msg, !0);
        }
      }
      return tag;
    }
    exports.composeScalar = composeScalar;
  }
});

// node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports) {
    "use strict";
    function emptyScalarPosition(offset, before, pos) {
      if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
          let st2 = before[i];
          switch (st2.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st2.source.length;
              continue;
          }
          for (st2 = before[++i]; st2?.type === "space"; )
            offset += st2.source.length, st2 = before[++i];
          break;
        }
      }
      return offset;
    }
    exports.emptyScalarPosition = emptyScalarPosition;
  }
});

// node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "node_modules/yaml/dist/compose/compose-node.js"(exports) {
    "use strict";
    var Alias = require_Alias(), identity = require_identity(), composeCollection = require_compose_collection(), composeScalar = require_compose_scalar(), resolveEnd = require_resolve_end(), utilEmptyScalarPosition = require_util_empty_scalar_position(), CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token, props, onError) {
      let atKey = ctx.atKey, { spaceBefore, comment, anchor, tag } = props, node, isSrcToken = !0;
      switch (token.type) {
        case "alias":
          node = composeAlias(ctx, token, onError), (anchor || tag) && onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node = composeScalar.composeScalar(ctx, token, tag, onError), anchor && (node.anchor = anchor.source.substring(1));
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node = composeCollection.composeCollection(CN, ctx, token, props, onError), anchor && (node.anchor = anchor.source.substring(1));
          } catch (error2) {
            let message = error2 instanceof Error ? error2.message : String(error2);
            onError(token, "RESOURCE_EXHAUSTION", message);
          }
          break;
        default: {
          let message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
          onError(token, "UNEXPECTED_TOKEN", message), isSrcToken = !1;
        }
      }
      return node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError)), anchor && node.anchor === "" && onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string"), atKey && ctx.options.stringKeys && (!identity.isScalar(node) || typeof node.value != "string" || node.tag && node.tag !== "tag:yaml.org,2002:str") && onError(tag ?? token, "NON_STRING_KEY", "With stringKeys, all keys must be strings"), spaceBefore && (node.spaceBefore = !0), comment && (token.type === "scalar" && token.source === "" ? node.comment = comment : node.commentBefore = comment), ctx.options.keepSourceTokens && isSrcToken && (node.srcToken = token), node;
    }
    function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
      let token = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ""
      }, node = composeScalar.composeScalar(ctx, token, tag, onError);
      return anchor && (node.anchor = anchor.source.substring(1), node.anchor === "" && onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string")), spaceBefore && (node.spaceBefore = !0), comment && (node.comment = comment, node.range[2] = end), node;
    }
    function composeAlias({ options }, { offset, source, end }, onError) {
      let alias = new Alias.Alias(source.substring(1));
      alias.source === "" && onError(offset, "BAD_ALIAS", "Alias cannot be an empty string"), alias.source.endsWith(":") && onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", !0);
      let valueEnd = offset + source.length, re2 = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
      return alias.range = [offset, valueEnd, re2.offset], re2.comment && (alias.comment = re2.comment), alias;
    }
    exports.composeEmptyNode = composeEmptyNode;
    exports.composeNode = composeNode;
  }
});

// node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "node_modules/yaml/dist/compose/compose-doc.js"(exports) {
    "use strict";
    var Document = require_Document(), composeNode = require_compose_node(), resolveEnd = require_resolve_end(), resolveProps = require_resolve_props();
    function composeDoc(options, directives, { offset, start, value, end }, onError) {
      let opts = Object.assign({ _directives: directives }, options), doc = new Document.Document(void 0, opts), ctx = {
        atKey: !1,
        atRoot: !0,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      }, props = resolveProps.resolveProps(start, {
        indicator: "doc-start",
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: !0
      });
      props.found && (doc.directives.docStart = !0, value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline && onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker")), doc.contents = value ? composeNode.composeNode(ctx, value, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
      let contentEnd = doc.contents.range[2], re2 = resolveEnd.resolveEnd(end, contentEnd, !1, onError);
      return re2.comment && (doc.comment = re2.comment), doc.range = [offset, contentEnd, re2.offset], doc;
    }
    exports.composeDoc = composeDoc;
  }
});

// node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "node_modules/yaml/dist/compose/composer.js"(exports) {
    "use strict";
    var node_process = __require("process"), directives = require_directives(), Document = require_Document(), errors = require_errors(), identity = require_identity(), composeDoc = require_compose_doc(), resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src == "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      let { offset, source } = src;
      return [offset, offset + (typeof source == "string" ? source.length : 1)];
    }
    function parsePrelude(prelude) {
      let comment = "", atComment = !1, afterEmptyLine = !1;
      for (let i = 0; i < prelude.length; ++i) {
        let source = prelude[i];
        switch (source[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? `

` : `
`) + (source.substring(1) || " "), atComment = !0, afterEmptyLine = !1;
            break;
          case "%":
            prelude[i + 1]?.[0] !== "#" && (i += 1), atComment = !1;
            break;
          default:
            atComment || (afterEmptyLine = !0), atComment = !1;
        }
      }
      return { comment, afterEmptyLine };
    }
    var Composer = class {
      constructor(options = {}) {
        this.doc = null, this.atDirectives = !1, this.prelude = [], this.errors = [], this.warnings = [], this.onError = (source, code, message, warning) => {
          let pos = getErrorPos(source);
          warning ? this.warnings.push(new errors.YAMLWarning(pos, code, message)) : this.errors.push(new errors.YAMLParseError(pos, code, message));
        }, this.directives = new directives.Directives({ version: options.version || "1.2" }), this.options = options;
      }
      decorate(doc, afterDoc) {
        let { comment, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment) {
          let dc = doc.contents;
          if (afterDoc)
            doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
          else if (afterEmptyLine || doc.directives.docStart || !dc)
            doc.commentBefore = comment;
          else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it2 = dc.items[0];
            identity.isPair(it2) && (it2 = it2.key);
            let cb = it2.commentBefore;
            it2.commentBefore = cb ? `${comment}
${cb}` : comment;
          } else {
            let cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment}
${cb}` : comment;
          }
        }
        if (afterDoc) {
          for (let i = 0; i < this.errors.length; ++i)
            doc.errors.push(this.errors[i]);
          for (let i = 0; i < this.warnings.length; ++i)
            doc.warnings.push(this.warnings[i]);
        } else
          doc.errors = this.errors, doc.warnings = this.warnings;
        this.prelude = [], this.errors = [], this.warnings = [];
      }
      /**
       * Current stream status information.
       *
       * Mostly useful at the end of input for an empty stream.
       */
      streamInfo() {
        return {
          comment: parsePrelude(this.prelude).comment,
          directives: this.directives,
          errors: this.errors,
          warnings: this.warnings
        };
      }
      /**
       * Compose tokens into documents.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *compose(tokens, forceDoc = !1, endOffset = -1) {
        for (let token of tokens)
          yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
      }
      /** Advance the composer by one CST token. */
      *next(token) {
        switch (node_process.env.LOG_STREAM && console.dir(token, { depth: null }), token.type) {
          case "directive":
            this.directives.add(token.source, (offset, message, warning) => {
              let pos = getErrorPos(token);
              pos[0] += offset, this.onError(pos, "BAD_DIRECTIVE", message, warning);
            }), this.prelude.push(token.source), this.atDirectives = !0;
            break;
          case "document": {
            let doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
            this.atDirectives && !doc.directives.docStart && this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line"), this.decorate(doc, !1), this.doc && (yield this.doc), this.doc = doc, this.atDirectives = !1;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token.source);
            break;
          case "error": {
            let msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message, error2 = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            this.atDirectives || !this.doc ? this.errors.push(error2) : this.doc.errors.push(error2);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              let msg = "Unexpected doc-end without preceding document";
              this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
              break;
            }
            this.doc.directives.docEnd = !0;
            let end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
            if (this.decorate(this.doc, !0), end.comment) {
              let dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
        }
      }
      /**
       * Call at end of input to yield any remaining document.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *end(forceDoc = !1, endOffset = -1) {
        if (this.doc)
          this.decorate(this.doc, !0), yield this.doc, this.doc = null;
        else if (forceDoc) {
          let opts = Object.assign({ _directives: this.directives }, this.options), doc = new Document.Document(void 0, opts);
          this.atDirectives && this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line"), doc.range = [0, endOffset, endOffset], this.decorate(doc, !1), yield doc;
        }
      }
    };
    exports.Composer = Composer;
  }
});

// node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "node_modules/yaml/dist/parse/cst-scalar.js"(exports) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar(), resolveFlowScalar = require_resolve_flow_scalar(), errors = require_errors(), stringifyString = require_stringifyString();
    function resolveAsScalar(token, strict = !0, onError) {
      if (token) {
        let _onError = (pos, code, message) => {
          let offset = typeof pos == "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code, message);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
      }
      return null;
    }
    function createScalarToken(value, context) {
      let { implicitKey = !1, indent, inFlow = !1, offset = -1, type = "PLAIN" } = context, source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: !0, lineWidth: -1 }
      }), end = context.end ?? [
        { type: "newline", offset: -1, indent, source: `
` }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          let he2 = source.indexOf(`
`), head = source.substring(0, he2), body = source.substring(he2 + 1) + `
`, props = [
            { type: "block-scalar-header", offset, indent, source: head }
          ];
          return addEndtoBlockProps(props, end) || props.push({ type: "newline", offset: -1, indent, source: `
` }), { type: "block-scalar", offset, indent, props, source: body };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent, source, end };
        default:
          return { type: "scalar", offset, indent, source, end };
      }
    }
    function setScalarValue(token, value, context = {}) {
      let { afterKey = !1, implicitKey = !1, inFlow = !1, type } = context, indent = "indent" in token ? token.indent : null;
      if (afterKey && typeof indent == "number" && (indent += 2), !type)
        switch (token.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            let header = token.props[0];
            if (header.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      let source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: !0, lineWidth: -1 }
      });
      switch (source[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token, source);
          break;
        case '"':
          setFlowScalarValue(token, source, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token, source, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token, source, "scalar");
      }
    }
    function setBlockScalarValue(token, source) {
      let he2 = source.indexOf(`
`), head = source.substring(0, he2), body = source.substring(he2 + 1) + `
`;
      if (token.type === "block-scalar") {
        let header = token.props[0];
        if (header.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header.source = head, token.source = body;
      } else {
        let { offset } = token, indent = "indent" in token ? token.indent : -1, props = [
          { type: "block-scalar-header", offset, indent, source: head }
        ];
        addEndtoBlockProps(props, "end" in token ? token.end : void 0) || props.push({ type: "newline", offset: -1, indent, source: `
` });
        for (let key of Object.keys(token))
          key !== "type" && key !== "offset" && delete token[key];
        Object.assign(token, { type: "block-scalar", indent, props, source: body });
      }
    }
    function addEndtoBlockProps(props, end) {
      if (end)
        for (let st2 of end)
          switch (st2.type) {
            case "space":
            case "comment":
              props.push(st2);
              break;
            case "newline":
              return props.push(st2), !0;
          }
      return !1;
    }
    function setFlowScalarValue(token, source, type) {
      switch (token.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token.type = type, token.source = source;
          break;
        case "block-scalar": {
          let end = token.props.slice(1), oa = source.length;
          token.props[0].type === "block-scalar-header" && (oa -= token.props[0].source.length);
          for (let tok of end)
            tok.offset += oa;
          delete token.props, Object.assign(token, { type, source, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          let nl = { type: "newline", offset: token.offset + source.length, indent: token.indent, source: `
` };
          delete token.items, Object.assign(token, { type, source, end: [nl] });
          break;
        }
        default: {
          let indent = "indent" in token ? token.indent : -1, end = "end" in token && Array.isArray(token.end) ? token.end.filter((st2) => st2.type === "space" || st2.type === "comment" || st2.type === "newline") : [];
          for (let key of Object.keys(token))
            key !== "type" && key !== "offset" && delete token[key];
          Object.assign(token, { type, indent, source, end });
        }
      }
    }
    exports.createScalarToken = createScalarToken;
    exports.resolveAsScalar = resolveAsScalar;
    exports.setScalarValue = setScalarValue;
  }
});

// node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "node_modules/yaml/dist/parse/cst-stringify.js"(exports) {
    "use strict";
    var stringify = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
    function stringifyToken(token) {
      switch (token.type) {
        case "block-scalar": {
          let res = "";
          for (let tok of token.props)
            res += stringifyToken(tok);
          return res + token.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (let item of token.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token.start.source;
          for (let item of token.items)
            res += stringifyItem(item);
          for (let st2 of token.end)
            res += st2.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token);
          if (token.end)
            for (let st2 of token.end)
              res += st2.source;
          return res;
        }
        default: {
          let res = token.source;
          if ("end" in token && token.end)
            for (let st2 of token.end)
              res += st2.source;
          return res;
        }
      }
    }
    function stringifyItem({ start, key, sep: sep6, value }) {
      let res = "";
      for (let st2 of start)
        res += st2.source;
      if (key && (res += stringifyToken(key)), sep6)
        for (let st2 of sep6)
          res += st2.source;
      return value && (res += stringifyToken(value)), res;
    }
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "node_modules/yaml/dist/parse/cst-visit.js"(exports) {
    "use strict";
    var BREAK = /* @__PURE__ */ Symbol("break visit"), SKIP = /* @__PURE__ */ Symbol("skip children"), REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit(cst, visitor) {
      "type" in cst && cst.type === "document" && (cst = { start: cst.start, value: cst.value }), _visit(Object.freeze([]), cst, visitor);
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    visit.itemAtPath = (cst, path) => {
      let item = cst;
      for (let [field, index] of path) {
        let tok = item?.[field];
        if (tok && "items" in tok)
          item = tok.items[index];
        else
          return;
      }
      return item;
    };
    visit.parentCollection = (cst, path) => {
      let parent = visit.itemAtPath(cst, path.slice(0, -1)), field = path[path.length - 1][0], coll = parent?.[field];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path, item, visitor) {
      let ctrl = visitor(item, path);
      if (typeof ctrl == "symbol")
        return ctrl;
      for (let field of ["key", "value"]) {
        let token = item[field];
        if (token && "items" in token) {
          for (let i = 0; i < token.items.length; ++i) {
            let ci2 = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
            if (typeof ci2 == "number")
              i = ci2 - 1;
            else {
              if (ci2 === BREAK)
                return BREAK;
              ci2 === REMOVE && (token.items.splice(i, 1), i -= 1);
            }
          }
          typeof ctrl == "function" && field === "key" && (ctrl = ctrl(item, path));
        }
      }
      return typeof ctrl == "function" ? ctrl(item, path) : ctrl;
    }
    exports.visit = visit;
  }
});

// node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "node_modules/yaml/dist/parse/cst.js"(exports) {
    "use strict";
    var cstScalar = require_cst_scalar(), cstStringify = require_cst_stringify(), cstVisit = require_cst_visit(), BOM = "\uFEFF", DOCUMENT = "", FLOW_END = "", SCALAR = "", isCollection = (token) => !!token && "items" in token, isScalar = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
    function prettyToken(token) {
      switch (token) {
        case BOM:
          return "<BOM>";
        case DOCUMENT:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR:
          return "<SCALAR>";
        default:
          return JSON.stringify(token);
      }
    }
    function tokenType(source) {
      switch (source) {
        case BOM:
          return "byte-order-mark";
        case DOCUMENT:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case `
`:
        case `\r
`:
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
      }
      return null;
    }
    exports.createScalarToken = cstScalar.createScalarToken;
    exports.resolveAsScalar = cstScalar.resolveAsScalar;
    exports.setScalarValue = cstScalar.setScalarValue;
    exports.stringify = cstStringify.stringify;
    exports.visit = cstVisit.visit;
    exports.BOM = BOM;
    exports.DOCUMENT = DOCUMENT;
    exports.FLOW_END = FLOW_END;
    exports.SCALAR = SCALAR;
    exports.isCollection = isCollection;
    exports.isScalar = isScalar;
    exports.prettyToken = prettyToken;
    exports.tokenType = tokenType;
  }
});

// node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "node_modules/yaml/dist/parse/lexer.js"(exports) {
    "use strict";
    var cst = require_cst();
    function isEmpty(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case `
`:
        case "\r":
        case "	":
          return !0;
        default:
          return !1;
      }
    }
    var hexDigits = new Set("0123456789ABCDEFabcdef"), tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()"), flowIndicatorChars = new Set(",[]{}"), invalidAnchorChars = new Set(` ,[]{}
\r	`), isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch), Lexer = class {
      constructor() {
        this.atEnd = !1, this.blockScalarIndent = -1, this.blockScalarKeep = !1, this.buffer = "", this.flowKey = !1, this.flowLevel = 0, this.indentNext = 0, this.indentValue = 0, this.lineEndPos = null, this.next = null, this.pos = 0;
      }
      /**
       * Generate YAML tokens from the `source` string. If `incomplete`,
       * a part of the last line may be left as a buffer for the next call.
       *
       * @returns A generator of lexical tokens
       */
      *lex(source, incomplete = !1) {
        if (source) {
          if (typeof source != "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source : source, this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        for (; next && (incomplete || this.hasChars(1)); )
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i = this.pos, ch = this.buffer[i];
        for (; ch === " " || ch === "	"; )
          ch = this.buffer[++i];
        return !ch || ch === "#" || ch === `
` ? !0 : ch === "\r" ? this.buffer[i + 1] === `
` : !1;
      }
      charAt(n) {
        return this.buffer[this.pos + n];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent = 0;
          for (; ch === " "; )
            ch = this.buffer[++indent + offset];
          if (ch === "\r") {
            let next = this.buffer[indent + offset + 1];
            if (next === `
` || !next && !this.atEnd)
              return offset + indent + 1;
          }
          return ch === `
` || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
        }
        if (ch === "-" || ch === ".") {
          let dt2 = this.buffer.substr(offset, 3);
          if ((dt2 === "---" || dt2 === "...") && isEmpty(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        return (typeof end != "number" || end !== -1 && end < this.pos) && (end = this.buffer.indexOf(`
`, this.pos), this.lineEndPos = end), end === -1 ? this.atEnd ? this.buffer.substring(this.pos) : null : (this.buffer[end - 1] === "\r" && (end -= 1), this.buffer.substring(this.pos, end));
      }
      hasChars(n) {
        return this.pos + n <= this.buffer.length;
      }
      setNext(state) {
        return this.buffer = this.buffer.substring(this.pos), this.pos = 0, this.lineEndPos = null, this.next = state, null;
      }
      peek(n) {
        return this.buffer.substr(this.pos, n);
      }
      *parseNext(next) {
        switch (next) {
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line = this.getLine();
        if (line === null)
          return this.setNext("stream");
        if (line[0] === cst.BOM && (yield* this.pushCount(1), line = line.substring(1)), line[0] === "%") {
          let dirEnd = line.length, cs2 = line.indexOf("#");
          for (; cs2 !== -1; ) {
            let ch = line[cs2 - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs2 - 1;
              break;
            } else
              cs2 = line.indexOf("#", cs2 + 1);
          }
          for (; ; ) {
            let ch = line[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          let n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(!0));
          return yield* this.pushCount(line.length - n), this.pushNewline(), "stream";
        }
        if (this.atLineEnd()) {
          let sp = yield* this.pushSpaces(!0);
          return yield* this.pushCount(line.length - sp), yield* this.pushNewline(), "stream";
        }
        return yield cst.DOCUMENT, yield* this.parseLineStart();
      }
      *parseLineStart() {
        let ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          let s3 = this.peek(3);
          if ((s3 === "---" || s3 === "...") && isEmpty(this.charAt(3)))
            return yield* this.pushCount(3), this.indentValue = 0, this.indentNext = 0, s3 === "---" ? "doc" : "stream";
        }
        return this.indentValue = yield* this.pushSpaces(!1), this.indentNext > this.indentValue && !isEmpty(this.charAt(1)) && (this.indentNext = this.indentValue), yield* this.parseBlockStart();
      }
      *parseBlockStart() {
        let [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
          let n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(!0));
          return this.indentNext = this.indentValue + 1, this.indentValue += n, "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(!0);
        let line = this.getLine();
        if (line === null)
          return this.setNext("doc");
        let n = yield* this.pushIndicators();
        switch (line[n]) {
          case "#":
            yield* this.pushCount(line.length - n);
          // fallthrough
          case void 0:
            return yield* this.pushNewline(), yield* this.parseLineStart();
          case "{":
          case "[":
            return yield* this.pushCount(1), this.flowKey = !1, this.flowLevel = 1, "flow";
          case "}":
          case "]":
            return yield* this.pushCount(1), "doc";
          case "*":
            return yield* this.pushUntil(isNotAnchorChar), "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
            return n += yield* this.parseBlockScalarHeader(), n += yield* this.pushSpaces(!0), yield* this.pushCount(line.length - n), yield* this.pushNewline(), yield* this.parseBlockScalar();
          default:
            return yield* this.parsePlainScalar();
        }
      }
      *parseFlowCollection() {
        let nl, sp, indent = -1;
        do
          nl = yield* this.pushNewline(), nl > 0 ? (sp = yield* this.pushSpaces(!1), this.indentValue = indent = sp) : sp = 0, sp += yield* this.pushSpaces(!0);
        while (nl + sp > 0);
        let line = this.getLine();
        if (line === null)
          return this.setNext("flow");
        if ((indent !== -1 && indent < this.indentNext && line[0] !== "#" || indent === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) && !(indent === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}")))
          return this.flowLevel = 0, yield cst.FLOW_END, yield* this.parseLineStart();
        let n = 0;
        for (; line[n] === ","; )
          n += yield* this.pushCount(1), n += yield* this.pushSpaces(!0), this.flowKey = !1;
        switch (n += yield* this.pushIndicators(), line[n]) {
          case void 0:
            return "flow";
          case "#":
            return yield* this.pushCount(line.length - n), "flow";
          case "{":
          case "[":
            return yield* this.pushCount(1), this.flowKey = !1, this.flowLevel += 1, "flow";
          case "}":
          case "]":
            return yield* this.pushCount(1), this.flowKey = !0, this.flowLevel -= 1, this.flowLevel ? "flow" : "doc";
          case "*":
            return yield* this.pushUntil(isNotAnchorChar), "flow";
          case '"':
          case "'":
            return this.flowKey = !0, yield* this.parseQuotedScalar();
          case ":": {
            let next = this.charAt(1);
            if (this.flowKey || isEmpty(next) || next === ",")
              return this.flowKey = !1, yield* this.pushCount(1), yield* this.pushSpaces(!0), "flow";
          }
          // fallthrough
          default:
            return this.flowKey = !1, yield* this.parsePlainScalar();
        }
      }
      *parseQuotedScalar() {
        let quote2 = this.charAt(0), end = this.buffer.indexOf(quote2, this.pos + 1);
        if (quote2 === "'")
          for (; end !== -1 && this.buffer[end + 1] === "'"; )
            end = this.buffer.indexOf("'", end + 2);
        else
          for (; end !== -1; ) {
            let n = 0;
            for (; this.buffer[end - 1 - n] === "\\"; )
              n += 1;
            if (n % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        let qb = this.buffer.substring(0, end), nl = qb.indexOf(`
`, this.pos);
        if (nl !== -1) {
          for (; nl !== -1; ) {
            let cs2 = this.continueScalar(nl + 1);
            if (cs2 === -1)
              break;
            nl = qb.indexOf(`
`, cs2);
          }
          nl !== -1 && (end = nl - (qb[nl - 1] === "\r" ? 2 : 1));
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        return yield* this.pushToIndex(end + 1, !1), this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1, this.blockScalarKeep = !1;
        let i = this.pos;
        for (; ; ) {
          let ch = this.buffer[++i];
          if (ch === "+")
            this.blockScalarKeep = !0;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl = this.pos - 1, indent = 0, ch;
        loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2)
          switch (ch) {
            case " ":
              indent += 1;
              break;
            case `
`:
              nl = i2, indent = 0;
              break;
            case "\r": {
              let next = this.buffer[i2 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === `
`)
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent >= this.indentNext) {
          this.blockScalarIndent === -1 ? this.indentNext = indent : this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          do {
            let cs2 = this.continueScalar(nl + 1);
            if (cs2 === -1)
              break;
            nl = this.buffer.indexOf(`
`, cs2);
          } while (nl !== -1);
          if (nl === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl = this.buffer.length;
          }
        }
        let i = nl + 1;
        for (ch = this.buffer[i]; ch === " "; )
          ch = this.buffer[++i];
        if (ch === "	") {
          for (; ch === "	" || ch === " " || ch === "\r" || ch === `
`; )
            ch = this.buffer[++i];
          nl = i - 1;
        } else if (!this.blockScalarKeep)
          do {
            let i2 = nl - 1, ch2 = this.buffer[i2];
            ch2 === "\r" && (ch2 = this.buffer[--i2]);
            let lastChar = i2;
            for (; ch2 === " "; )
              ch2 = this.buffer[--i2];
            if (ch2 === `
` && i2 >= this.pos && i2 + 1 + indent > lastChar)
              nl = i2;
            else
              break;
          } while (!0);
        return yield cst.SCALAR, yield* this.pushToIndex(nl + 1, !0), yield* this.parseLineStart();
      }
      *parsePlainScalar() {
        let inFlow = this.flowLevel > 0, end = this.pos - 1, i = this.pos - 1, ch;
        for (; ch = this.buffer[++i]; )
          if (ch === ":") {
            let next = this.buffer[i + 1];
            if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i;
          } else if (isEmpty(ch)) {
            let next = this.buffer[i + 1];
            if (ch === "\r" && (next === `
` ? (i += 1, ch = `
`, next = this.buffer[i + 1]) : end = i), next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === `
`) {
              let cs2 = this.continueScalar(i + 1);
              if (cs2 === -1)
                break;
              i = Math.max(i, cs2 - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i;
          }
        return !ch && !this.atEnd ? this.setNext("plain-scalar") : (yield cst.SCALAR, yield* this.pushToIndex(end + 1, !0), inFlow ? "flow" : "doc");
      }
      *pushCount(n) {
        return n > 0 ? (yield this.buffer.substr(this.pos, n), this.pos += n, n) : 0;
      }
      *pushToIndex(i, allowEmpty) {
        let s3 = this.buffer.slice(this.pos, i);
        return s3 ? (yield s3, this.pos += s3.length, s3.length) : (allowEmpty && (yield ""), 0);
      }
      *pushIndicators() {
        let n = 0;
        loop: for (; ; ) {
          switch (this.charAt(0)) {
            case "!":
              n += yield* this.pushTag(), n += yield* this.pushSpaces(!0);
              continue loop;
            case "&":
              n += yield* this.pushUntil(isNotAnchorChar), n += yield* this.pushSpaces(!0);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              let inFlow = this.flowLevel > 0, ch1 = this.charAt(1);
              if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
                inFlow ? this.flowKey && (this.flowKey = !1) : this.indentNext = this.indentValue + 1, n += yield* this.pushCount(1), n += yield* this.pushSpaces(!0);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i = this.pos + 2, ch = this.buffer[i];
          for (; !isEmpty(ch) && ch !== ">"; )
            ch = this.buffer[++i];
          return yield* this.pushToIndex(ch === ">" ? i + 1 : i, !1);
        } else {
          let i = this.pos + 1, ch = this.buffer[i];
          for (; ch; )
            if (tagChars.has(ch))
              ch = this.buffer[++i];
            else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2]))
              ch = this.buffer[i += 3];
            else
              break;
          return yield* this.pushToIndex(i, !1);
        }
      }
      *pushNewline() {
        let ch = this.buffer[this.pos];
        return ch === `
` ? yield* this.pushCount(1) : ch === "\r" && this.charAt(1) === `
` ? yield* this.pushCount(2) : 0;
      }
      *pushSpaces(allowTabs) {
        let i = this.pos - 1, ch;
        do
          ch = this.buffer[++i];
        while (ch === " " || allowTabs && ch === "	");
        let n = i - this.pos;
        return n > 0 && (yield this.buffer.substr(this.pos, n), this.pos = i), n;
      }
      *pushUntil(test) {
        let i = this.pos, ch = this.buffer[i];
        for (; !test(ch); )
          ch = this.buffer[++i];
        return yield* this.pushToIndex(i, !1);
      }
    };
    exports.Lexer = Lexer;
  }
});

// node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "node_modules/yaml/dist/parse/line-counter.js"(exports) {
    "use strict";
    var LineCounter = class {
      constructor() {
        this.lineStarts = [], this.addNewLine = (offset) => this.lineStarts.push(offset), this.linePos = (offset) => {
          let low = 0, high = this.lineStarts.length;
          for (; low < high; ) {
            let mid = low + high >> 1;
            this.lineStarts[mid] < offset ? low = mid + 1 : high = mid;
          }
          if (this.lineStarts[low] === offset)
            return { line: low + 1, col: 1 };
          if (low === 0)
            return { line: 0, col: offset };
          let start = this.lineStarts[low - 1];
          return { line: low, col: offset - start + 1 };
        };
      }
    };
    exports.LineCounter = LineCounter;
  }
});

// node_modules/yaml/dist/parse/parser.js
var require_parser = __commonJS({
  "node_modules/yaml/dist/parse/parser.js"(exports) {
    "use strict";
    var node_process = __require("process"), cst = require_cst(), lexer = require_lexer();
    function includesToken(list, type) {
      for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
          return !0;
      return !1;
    }
    function findNonEmptyIndex(list) {
      for (let i = 0; i < list.length; ++i)
        switch (list[i].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i;
        }
      return -1;
    }
    function isFlowToken(token) {
      switch (token?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return !0;
        default:
          return !1;
      }
    }
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          let it2 = parent.items[parent.items.length - 1];
          return it2.sep ?? it2.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i = prev.length;
      loop: for (; --i >= 0; )
        switch (prev[i].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      for (; prev[++i]?.type === "space"; )
        ;
      return prev.splice(i, prev.length);
    }
    function arrayPushArray(target, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
      else
        for (let i = 0; i < source.length; ++i)
          target.push(source[i]);
    }
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start")
        for (let it2 of fc.items)
          it2.sep && !it2.value && !includesToken(it2.start, "explicit-key-ind") && !includesToken(it2.sep, "map-value-ind") && (it2.key && (it2.value = it2.key), delete it2.key, isFlowToken(it2.value) ? it2.value.end ? arrayPushArray(it2.value.end, it2.sep) : it2.value.end = it2.sep : arrayPushArray(it2.start, it2.sep), delete it2.sep);
    }
    var Parser = class {
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = !0, this.atScalar = !1, this.indent = 0, this.offset = 0, this.onKeyLine = !1, this.stack = [], this.source = "", this.type = "", this.lexer = new lexer.Lexer(), this.onNewLine = onNewLine;
      }
      /**
       * Parse `source` as a YAML stream.
       * If `incomplete`, a part of the last line may be left as a buffer for the next call.
       *
       * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
       *
       * @returns A generator of tokens representing each directive, document, and other structure.
       */
      *parse(source, incomplete = !1) {
        this.onNewLine && this.offset === 0 && this.onNewLine(0);
        for (let lexeme of this.lexer.lex(source, incomplete))
          yield* this.next(lexeme);
        incomplete || (yield* this.end());
      }
      /**
       * Advance the parser by the `source` of one lexical token.
       */
      *next(source) {
        if (this.source = source, node_process.env.LOG_TOKENS && console.log("|", cst.prettyToken(source)), this.atScalar) {
          this.atScalar = !1, yield* this.step(), this.offset += source.length;
          return;
        }
        let type = cst.tokenType(source);
        if (type)
          if (type === "scalar")
            this.atNewLine = !1, this.atScalar = !0, this.type = "scalar";
          else {
            switch (this.type = type, yield* this.step(), type) {
              case "newline":
                this.atNewLine = !0, this.indent = 0, this.onNewLine && this.onNewLine(this.offset + source.length);
                break;
              case "space":
                this.atNewLine && source[0] === " " && (this.indent += source.length);
                break;
              case "explicit-key-ind":
              case "map-value-ind":
              case "seq-item-ind":
                this.atNewLine && (this.indent += source.length);
                break;
              case "doc-mode":
              case "flow-error-end":
                return;
              default:
                this.atNewLine = !1;
            }
            this.offset += source.length;
          }
        else {
          let message = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message, source }), this.offset += source.length;
        }
      }
      /** Call at end of input to push out any remaining constructions */
      *end() {
        for (; this.stack.length > 0; )
          yield* this.pop();
      }
      get sourceToken() {
        return {
          type: this.type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      *step() {
        let top = this.peek(1);
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          for (; this.stack.length > 0; )
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n) {
        return this.stack[this.stack.length - n];
      }
      *pop(error2) {
        let token = error2 ?? this.stack.pop();
        if (!token)
          yield { type: "error", offset: this.offset, source: "", message: "Tried to pop an empty stack" };
        else if (this.stack.length === 0)
          yield token;
        else {
          let top = this.peek(1);
          switch (token.type === "block-scalar" ? token.indent = "indent" in top ? top.indent : 0 : token.type === "flow-collection" && top.type === "document" && (token.indent = 0), token.type === "flow-collection" && fixFlowSeqItems(token), top.type) {
            case "document":
              top.value = token;
              break;
            case "block-scalar":
              top.props.push(token);
              break;
            case "block-map": {
              let it2 = top.items[top.items.length - 1];
              if (it2.value) {
                top.items.push({ start: [], key: token, sep: [] }), this.onKeyLine = !0;
                return;
              } else if (it2.sep)
                it2.value = token;
              else {
                Object.assign(it2, { key: token, sep: [] }), this.onKeyLine = !it2.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              let it2 = top.items[top.items.length - 1];
              it2.value ? top.items.push({ start: [], value: token }) : it2.value = token;
              break;
            }
            case "flow-collection": {
              let it2 = top.items[top.items.length - 1];
              !it2 || it2.value ? top.items.push({ start: [], key: token, sep: [] }) : it2.sep ? it2.value = token : Object.assign(it2, { key: token, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop(), yield* this.pop(token);
          }
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            let last = token.items[token.items.length - 1];
            last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st2) => st2.type !== "comment" || st2.indent < token.indent)) && (top.type === "document" ? top.end = last.start : top.items.push({ start: last.start }), token.items.splice(-1, 1));
          }
        }
      }
      *stream() {
        switch (this.type) {
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            let doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            this.type === "doc-start" && doc.start.push(this.sourceToken), this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            findNonEmptyIndex(doc.start) !== -1 ? (yield* this.pop(), yield* this.step()) : doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        let bv = this.startBlockValue(doc);
        bv ? this.stack.push(bv) : yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML document`,
          source: this.source
        };
      }
      *scalar(scalar2) {
        if (this.type === "map-value-ind") {
          let prev = getPrevProps(this.peek(2)), start = getFirstKeyStartProps(prev), sep6;
          scalar2.end ? (sep6 = scalar2.end, sep6.push(this.sourceToken), delete scalar2.end) : sep6 = [this.sourceToken];
          let map = {
            type: "block-map",
            offset: scalar2.offset,
            indent: scalar2.indent,
            items: [{ start, key: scalar2, sep: sep6 }]
          };
          this.onKeyLine = !0, this.stack[this.stack.length - 1] = map;
        } else
          yield* this.lineEnd(scalar2);
      }
      *blockScalar(scalar2) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar2.props.push(this.sourceToken);
            return;
          case "scalar":
            if (scalar2.source = this.source, this.atNewLine = !0, this.indent = 0, this.onNewLine) {
              let nl = this.source.indexOf(`
`) + 1;
              for (; nl !== 0; )
                this.onNewLine(this.offset + nl), nl = this.source.indexOf(`
`, nl) + 1;
            }
            yield* this.pop();
            break;
          /* istanbul ignore next should not happen */
          default:
            yield* this.pop(), yield* this.step();
        }
      }
      *blockMap(map) {
        let it2 = map.items[map.items.length - 1];
        switch (this.type) {
          case "newline":
            if (this.onKeyLine = !1, it2.value) {
              let end = "end" in it2.value ? it2.value.end : void 0;
              (Array.isArray(end) ? end[end.length - 1] : void 0)?.type === "comment" ? end?.push(this.sourceToken) : map.items.push({ start: [this.sourceToken] });
            } else it2.sep ? it2.sep.push(this.sourceToken) : it2.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it2.value)
              map.items.push({ start: [this.sourceToken] });
            else if (it2.sep)
              it2.sep.push(this.sourceToken);
            else {
              if (this.atIndentedComment(it2.start, map.indent)) {
                let end = map.items[map.items.length - 2]?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it2.start), end.push(this.sourceToken), map.items.pop();
                  return;
                }
              }
              it2.start.push(this.sourceToken);
            }
            return;
        }
        if (this.indent >= map.indent) {
          let atMapIndent = !this.onKeyLine && this.indent === map.indent, atNextItem = atMapIndent && (it2.sep || it2.explicitKey) && this.type !== "seq-item-ind", start = [];
          if (atNextItem && it2.sep && !it2.value) {
            let nl = [];
            for (let i = 0; i < it2.sep.length; ++i) {
              let st2 = it2.sep[i];
              switch (st2.type) {
                case "newline":
                  nl.push(i);
                  break;
                case "space":
                  break;
                case "comment":
                  st2.indent > map.indent && (nl.length = 0);
                  break;
                default:
                  nl.length = 0;
              }
            }
            nl.length >= 2 && (start = it2.sep.splice(nl[1]));
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              atNextItem || it2.value ? (start.push(this.sourceToken), map.items.push({ start }), this.onKeyLine = !0) : it2.sep ? it2.sep.push(this.sourceToken) : it2.start.push(this.sourceToken);
              return;
            case "explicit-key-ind":
              !it2.sep && !it2.explicitKey ? (it2.start.push(this.sourceToken), it2.explicitKey = !0) : atNextItem || it2.value ? (start.push(this.sourceToken), map.items.push({ start, explicitKey: !0 })) : this.stack.push({
                type: "block-map",
                offset: this.offset,
                indent: this.indent,
                items: [{ start: [this.sourceToken], explicitKey: !0 }]
              }), this.onKeyLine = !0;
              return;
            case "map-value-ind":
              if (it2.explicitKey)
                if (it2.sep)
                  if (it2.value)
                    map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                  else if (includesToken(it2.sep, "map-value-ind"))
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start, key: null, sep: [this.sourceToken] }]
                    });
                  else if (isFlowToken(it2.key) && !includesToken(it2.sep, "newline")) {
                    let start2 = getFirstKeyStartProps(it2.start), key = it2.key, sep6 = it2.sep;
                    sep6.push(this.sourceToken), delete it2.key, delete it2.sep, this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start2, key, sep: sep6 }]
                    });
                  } else start.length > 0 ? it2.sep = it2.sep.concat(start, this.sourceToken) : it2.sep.push(this.sourceToken);
                else if (includesToken(it2.start, "newline"))
                  Object.assign(it2, { key: null, sep: [this.sourceToken] });
                else {
                  let start2 = getFirstKeyStartProps(it2.start);
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                  });
                }
              else
                it2.sep ? it2.value || atNextItem ? map.items.push({ start, key: null, sep: [this.sourceToken] }) : includesToken(it2.sep, "map-value-ind") ? this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [], key: null, sep: [this.sourceToken] }]
                }) : it2.sep.push(this.sourceToken) : Object.assign(it2, { key: null, sep: [this.sourceToken] });
              this.onKeyLine = !0;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              let fs3 = this.flowScalar(this.type);
              atNextItem || it2.value ? (map.items.push({ start, key: fs3, sep: [] }), this.onKeyLine = !0) : it2.sep ? this.stack.push(fs3) : (Object.assign(it2, { key: fs3, sep: [] }), this.onKeyLine = !0);
              return;
            }
            default: {
              let bv = this.startBlockValue(map);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it2.explicitKey && it2.sep && !includesToken(it2.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else atMapIndent && map.items.push({ start });
                this.stack.push(bv);
                return;
              }
            }
          }
        }
        yield* this.pop(), yield* this.step();
      }
      *blockSequence(seq) {
        let it2 = seq.items[seq.items.length - 1];
        switch (this.type) {
          case "newline":
            if (it2.value) {
              let end = "end" in it2.value ? it2.value.end : void 0;
              (Array.isArray(end) ? end[end.length - 1] : void 0)?.type === "comment" ? end?.push(this.sourceToken) : seq.items.push({ start: [this.sourceToken] });
            } else
              it2.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it2.value)
              seq.items.push({ start: [this.sourceToken] });
            else {
              if (this.atIndentedComment(it2.start, seq.indent)) {
                let end = seq.items[seq.items.length - 2]?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it2.start), end.push(this.sourceToken), seq.items.pop();
                  return;
                }
              }
              it2.start.push(this.sourceToken);
            }
            return;
          case "anchor":
          case "tag":
            if (it2.value || this.indent <= seq.indent)
              break;
            it2.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq.indent)
              break;
            it2.value || includesToken(it2.start, "seq-item-ind") ? seq.items.push({ start: [this.sourceToken] }) : it2.start.push(this.sourceToken);
            return;
        }
        if (this.indent > seq.indent) {
          let bv = this.startBlockValue(seq);
          if (bv) {
            this.stack.push(bv);
            return;
          }
        }
        yield* this.pop(), yield* this.step();
      }
      *flowCollection(fc) {
        let it2 = fc.items[fc.items.length - 1];
        if (this.type === "flow-error-end") {
          let top;
          do
            yield* this.pop(), top = this.peek(1);
          while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              !it2 || it2.sep ? fc.items.push({ start: [this.sourceToken] }) : it2.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              !it2 || it2.value ? fc.items.push({ start: [], key: null, sep: [this.sourceToken] }) : it2.sep ? it2.sep.push(this.sourceToken) : Object.assign(it2, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              !it2 || it2.value ? fc.items.push({ start: [this.sourceToken] }) : it2.sep ? it2.sep.push(this.sourceToken) : it2.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              let fs3 = this.flowScalar(this.type);
              !it2 || it2.value ? fc.items.push({ start: [], key: fs3, sep: [] }) : it2.sep ? this.stack.push(fs3) : Object.assign(it2, { key: fs3, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          let bv = this.startBlockValue(fc);
          bv ? this.stack.push(bv) : (yield* this.pop(), yield* this.step());
        } else {
          let parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep))
            yield* this.pop(), yield* this.step();
          else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            let prev = getPrevProps(parent), start = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            let sep6 = fc.end.splice(1, fc.end.length);
            sep6.push(this.sourceToken);
            let map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start, key: fc, sep: sep6 }]
            };
            this.onKeyLine = !0, this.stack[this.stack.length - 1] = map;
          } else
            yield* this.lineEnd(fc);
        }
      }
      flowScalar(type) {
        if (this.onNewLine) {
          let nl = this.source.indexOf(`
`) + 1;
          for (; nl !== 0; )
            this.onNewLine(this.offset + nl), nl = this.source.indexOf(`
`, nl) + 1;
        }
        return {
          type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      startBlockValue(parent) {
        switch (this.type) {
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = !0;
            let prev = getPrevProps(parent), start = getFirstKeyStartProps(prev);
            return start.push(this.sourceToken), {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, explicitKey: !0 }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = !0;
            let prev = getPrevProps(parent), start = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start, indent) {
        return this.type !== "comment" || this.indent <= indent ? !1 : start.every((st2) => st2.type === "newline" || st2.type === "space");
      }
      *documentEnd(docEnd) {
        this.type !== "doc-mode" && (docEnd.end ? docEnd.end.push(this.sourceToken) : docEnd.end = [this.sourceToken], this.type === "newline" && (yield* this.pop()));
      }
      *lineEnd(token) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop(), yield* this.step();
            break;
          case "newline":
            this.onKeyLine = !1;
          default:
            token.end ? token.end.push(this.sourceToken) : token.end = [this.sourceToken], this.type === "newline" && (yield* this.pop());
        }
      }
    };
    exports.Parser = Parser;
  }
});

// node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "node_modules/yaml/dist/public-api.js"(exports) {
    "use strict";
    var composer = require_composer(), Document = require_Document(), errors = require_errors(), log = require_log(), identity = require_identity(), lineCounter = require_line_counter(), parser = require_parser();
    function parseOptions(options) {
      let prettyErrors = options.prettyErrors !== !1;
      return { lineCounter: options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null, prettyErrors };
    }
    function parseAllDocuments(source, options = {}) {
      let { lineCounter: lineCounter2, prettyErrors } = parseOptions(options), parser$1 = new parser.Parser(lineCounter2?.addNewLine), composer$1 = new composer.Composer(options), docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (let doc of docs)
          doc.errors.forEach(errors.prettifyError(source, lineCounter2)), doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
      return docs.length > 0 ? docs : Object.assign([], { empty: !0 }, composer$1.streamInfo());
    }
    function parseDocument(source, options = {}) {
      let { lineCounter: lineCounter2, prettyErrors } = parseOptions(options), parser$1 = new parser.Parser(lineCounter2?.addNewLine), composer$1 = new composer.Composer(options), doc = null;
      for (let _doc of composer$1.compose(parser$1.parse(source), !0, source.length))
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      return prettyErrors && lineCounter2 && (doc.errors.forEach(errors.prettifyError(source, lineCounter2)), doc.warnings.forEach(errors.prettifyError(source, lineCounter2))), doc;
    }
    function parse4(src, reviver, options) {
      let _reviver;
      typeof reviver == "function" ? _reviver = reviver : options === void 0 && reviver && typeof reviver == "object" && (options = reviver);
      let doc = parseDocument(src, options);
      if (!doc)
        return null;
      if (doc.warnings.forEach((warning) => log.warn(doc.options.logLevel, warning)), doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options));
    }
    function stringify(value, replacer, options) {
      let _replacer = null;
      if (typeof replacer == "function" || Array.isArray(replacer) ? _replacer = replacer : options === void 0 && replacer && (options = replacer), typeof options == "string" && (options = options.length), typeof options == "number") {
        let indent = Math.round(options);
        options = indent < 1 ? void 0 : indent > 8 ? { indent: 8 } : { indent };
      }
      if (value === void 0) {
        let { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
          return;
      }
      return identity.isDocument(value) && !_replacer ? value.toString(options) : new Document.Document(value, _replacer, options).toString(options);
    }
    exports.parse = parse4;
    exports.parseAllDocuments = parseAllDocuments;
    exports.parseDocument = parseDocument;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports) {
    "use strict";
    var composer = require_composer(), Document = require_Document(), Schema = require_Schema(), errors = require_errors(), Alias = require_Alias(), identity = require_identity(), Pair = require_Pair(), Scalar = require_Scalar(), YAMLMap = require_YAMLMap(), YAMLSeq = require_YAMLSeq(), cst = require_cst(), lexer = require_lexer(), lineCounter = require_line_counter(), parser = require_parser(), publicApi = require_public_api(), visit = require_visit();
    exports.Composer = composer.Composer;
    exports.Document = Document.Document;
    exports.Schema = Schema.Schema;
    exports.YAMLError = errors.YAMLError;
    exports.YAMLParseError = errors.YAMLParseError;
    exports.YAMLWarning = errors.YAMLWarning;
    exports.Alias = Alias.Alias;
    exports.isAlias = identity.isAlias;
    exports.isCollection = identity.isCollection;
    exports.isDocument = identity.isDocument;
    exports.isMap = identity.isMap;
    exports.isNode = identity.isNode;
    exports.isPair = identity.isPair;
    exports.isScalar = identity.isScalar;
    exports.isSeq = identity.isSeq;
    exports.Pair = Pair.Pair;
    exports.Scalar = Scalar.Scalar;
    exports.YAMLMap = YAMLMap.YAMLMap;
    exports.YAMLSeq = YAMLSeq.YAMLSeq;
    exports.CST = cst;
    exports.Lexer = lexer.Lexer;
    exports.LineCounter = lineCounter.LineCounter;
    exports.Parser = parser.Parser;
    exports.parse = publicApi.parse;
    exports.parseAllDocuments = publicApi.parseAllDocuments;
    exports.parseDocument = publicApi.parseDocument;
    exports.stringify = publicApi.stringify;
    exports.visit = visit.visit;
    exports.visitAsync = visit.visitAsync;
  }
});

// scripts/lib/walnut/layout.ts
function isDir(p2) {
  try {
    return (0, import_node_fs3.statSync)(p2).isDirectory();
  } catch {
    return !1;
  }
}
function isWalnut(dir) {
  return (0, import_node_fs3.existsSync)((0, import_node_path3.join)(dir, "_kernel", "key.md"));
}
function listBundles(walnut) {
  let out = [], v2Root = (0, import_node_path3.join)(walnut, "bundles");
  if (isDir(v2Root))
    for (let e of (0, import_node_fs3.readdirSync)(v2Root, { withFileTypes: !0 }))
      e.isDirectory() && !e.name.startsWith(".") && out.push({ name: e.name, relPath: `bundles/${e.name}`, layout: "v2" });
  for (let e of (0, import_node_fs3.readdirSync)(walnut, { withFileTypes: !0 }))
    !e.isDirectory() || e.name.startsWith(".") || SYSTEM_ROOT_NAMES.has(e.name) || (0, import_node_fs3.existsSync)((0, import_node_path3.join)(walnut, e.name, BUNDLE_MANIFEST)) && !isWalnut((0, import_node_path3.join)(walnut, e.name)) && out.push({ name: e.name, relPath: e.name, layout: "v3" });
  return out.sort((a, b2) => a.name < b2.name ? -1 : a.name > b2.name ? 1 : 0);
}
function walnutLayout(walnut) {
  return isDir((0, import_node_path3.join)(walnut, "bundles")) || isDir((0, import_node_path3.join)(walnut, "_kernel", "_generated")) ? "v2" : "v3";
}
function bundleSensitivity(bundleDir) {
  let file2 = (0, import_node_path3.join)(bundleDir, BUNDLE_MANIFEST);
  if (!(0, import_node_fs3.existsSync)(file2)) return { sensitive: !1 };
  let doc;
  try {
    doc = (0, import_yaml.parse)((0, import_node_fs3.readFileSync)(file2, "utf8"));
  } catch {
    return { sensitive: !0, reason: `${BUNDLE_MANIFEST} cannot be read as YAML, so its sensitivity is unknown` };
  }
  if (!doc || typeof doc != "object") return { sensitive: !1 };
  let d = doc, sensitivity = typeof d.sensitivity == "string" ? d.sensitivity.trim().toLowerCase() : void 0, pii = d.pii === !0 || typeof d.pii == "string" && d.pii.trim().toLowerCase() === "true";
  return sensitivity === "restricted" && pii ? { sensitive: !0, reason: "sensitivity: restricted, pii: true" } : sensitivity === "restricted" ? { sensitive: !0, reason: "sensitivity: restricted" } : pii ? { sensitive: !0, reason: "pii: true" } : { sensitive: !1 };
}
var import_node_fs3, import_node_path3, import_yaml, BUNDLE_MANIFEST, SYSTEM_ROOT_NAMES, init_layout = __esm({
  "scripts/lib/walnut/layout.ts"() {
    "use strict";
    import_node_fs3 = __toESM(require_node_fs(), 1), import_node_path3 = __toESM(require_node_path(), 1), import_yaml = __toESM(require_dist(), 1), BUNDLE_MANIFEST = "context.manifest.yaml";
    SYSTEM_ROOT_NAMES = /* @__PURE__ */ new Set(["_kernel", "bundles", "_core", "node_modules", "__pycache__"]);
  }
});

// node_modules/zod/v4/core/util.js
function getEnumValues(entries) {
  let numericValues = Object.values(entries).filter((v2) => typeof v2 == "number");
  return Object.entries(entries).filter(([k2, _2]) => numericValues.indexOf(+k2) === -1).map(([_2, v2]) => v2);
}
function joinValues(array2, separator = "|") {
  return array2.map((val) => stringifyPrimitive(val)).join(separator);
}
function jsonStringifyReplacer(_2, value) {
  return typeof value == "bigint" ? value.toString() : value;
}
function cached(getter) {
  return new Cached(getter);
}
function nullish(input) {
  return input == null;
}
function cleanRegex(source) {
  let start = source.startsWith("^") ? 1 : 0, end = source.endsWith("$") ? source.length - 1 : source.length;
  return source.slice(start, end);
}
function assignProp(target, prop, value) {
  Object.defineProperty(target, prop, {
    value,
    writable: !0,
    enumerable: !0,
    configurable: !0
  });
}
function isObject(data) {
  return typeof data == "object" && data !== null && !Array.isArray(data);
}
function isPlainObject(o) {
  if (isObject(o) === !1)
    return !1;
  let ctor = o.constructor;
  if (ctor === void 0 || typeof ctor != "function")
    return !0;
  let prot = ctor.prototype;
  return !(isObject(prot) === !1 || Object.prototype.hasOwnProperty.call(prot, "isPrototypeOf") === !1);
}
function escapeRegex(str) {
  return str.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function clone(inst, def, params) {
  let cl = new inst._zod.constr(def ?? inst._zod.def);
  return (!def || params?.parent) && (cl._zod.parent = inst), cl;
}
function normalizeParams(_params) {
  let params = _params;
  if (!params)
    return {};
  if (typeof params == "string")
    return { error: () => params };
  if (params?.message !== void 0) {
    if (params?.error !== void 0)
      throw new Error("Cannot specify both `message` and `error` params");
    params.error = params.message;
  }
  return delete params.message, typeof params.error == "string" ? { ...params, error: () => params.error } : params;
}
function stringifyPrimitive(value) {
  return typeof value == "bigint" ? value.toString() + "n" : typeof value == "string" ? `"${value}"` : `${value}`;
}
function optionalKeys(shape) {
  return Object.keys(shape).filter((k2) => shape[k2]._zod.optin !== void 0 && shape[k2]._zod.optout === "optional");
}
function aborted(x, startIndex = 0) {
  if (x.aborted === !0)
    return !0;
  for (let i = startIndex; i < x.issues.length; i++)
    if (x.issues[i]?.continue !== !0)
      return !0;
  return !1;
}
function explicitlyAborted(x, startIndex = 0) {
  if (x.aborted === !0)
    return !0;
  for (let i = startIndex; i < x.issues.length; i++)
    if (x.issues[i]?.continue === !1)
      return !0;
  return !1;
}
function prefixIssues(path, issues) {
  return issues.map((iss) => {
    var _a3;
    return (_a3 = iss).path ?? (_a3.path = []), iss.path.unshift(path), iss;
  });
}
function unwrapMessage(message) {
  return typeof message == "string" ? message : message?.message;
}
function sizeCaps(defChecks) {
  let caps = [];
  for (let ch of defChecks ?? []) {
    let d = ch._zod.def;
    if (!/_(length|size)$|_equals$/.test(d.check))
      break;
    let max = d.maximum ?? d.length ?? d.size;
    max >= 0 && caps.push([max, ch]);
  }
  return caps;
}
function attachSchema(issues, start, inst) {
  var _a3;
  for (let i = start; i < issues.length; i++)
    (_a3 = issues[i]).schema ?? (_a3.schema = inst);
}
function finalizeIssue(iss, ctx, config2) {
  var _a3;
  let traits = iss.inst?._zod?.traits;
  traits?.has("$ZodType") && (traits.has("$ZodCheck") ? (_a3 = iss).schema ?? (_a3.schema = iss.inst) : iss.schema = iss.inst);
  let schemaError = iss.schema !== iss.inst ? iss.schema?._zod.def?.error : void 0, message = iss.message ? iss.message : unwrapMessage(iss.inst?._zod.def?.error?.(iss)) ?? unwrapMessage(schemaError?.(iss)) ?? unwrapMessage(ctx?.error?.(iss)) ?? unwrapMessage(config2.customError?.(iss)) ?? unwrapMessage(config2.localeError?.(iss)) ?? "Invalid input", full = {};
  for (let k2 of Object.keys(iss))
    k2 === "inst" || k2 === "schema" || k2 === "continue" || k2 === "input" || k2 === "__proto__" || (full[k2] = iss[k2]);
  return full.path ?? (full.path = []), full.message = message, ctx?.reportInput && (full.input = iss.input), full;
}
function codePointLength(str) {
  let units = str.length;
  if (!highSurrogate.test(str))
    return units;
  let count2 = units;
  for (let i = 0; i < units - 1; i++)
    (str.charCodeAt(i) & 64512) === 55296 && (str.charCodeAt(i + 1) & 64512) === 56320 && (count2--, i++);
  return count2;
}
function getLengthableOrigin(input) {
  return Array.isArray(input) ? "array" : typeof input == "string" ? "string" : "unknown";
}
function parsedType(data) {
  let t = typeof data;
  switch (t) {
    case "number":
      return Number.isNaN(data) ? "nan" : "number";
    case "object": {
      if (data === null)
        return "null";
      if (Array.isArray(data))
        return "array";
      let obj = data;
      if (obj && Object.getPrototypeOf(obj) !== Object.prototype && "constructor" in obj && obj.constructor)
        return obj.constructor.name;
    }
  }
  return t;
}
function issue(...args) {
  let [iss, input, inst] = args;
  return typeof iss == "string" ? {
    message: iss,
    code: "custom",
    input,
    inst
  } : { ...iss };
}
function members(proto, table) {
  for (let key in table) {
    let desc = Object.getOwnPropertyDescriptor(table, key);
    desc.get ? Object.defineProperty(proto, key, { ...desc, enumerable: !1 }) : defineBound(proto, key, desc.value);
  }
}
function own(inst, key, value, enumerable = !0) {
  return Object.defineProperty(inst, key, { configurable: !0, writable: !0, enumerable, value }), value;
}
function hide(inst, key, value) {
  return own(inst, key, value, !1);
}
function defineBound(proto, key, fn) {
  Object.defineProperty(proto, key, {
    configurable: !0,
    get() {
      return this == null ? fn : own(this, key, fn.bind(this));
    },
    set(value) {
      own(this, key, value);
    }
  });
}
function claim(inst, sentinel) {
  let proto = Object.getPrototypeOf(inst);
  return sentinel in proto ? void 0 : proto;
}
function defineLazyInternal(inst, key, compute) {
  let proto = Object.getPrototypeOf(inst._zod);
  if (key in proto && installing !== inst._zod) {
    installing = void 0;
    return;
  }
  installing = inst._zod, Object.defineProperty(proto, key, {
    configurable: !0,
    get() {
      Object.defineProperty(this, key, breaker);
      let outer = broke;
      broke = !1;
      try {
        let value = compute(this);
        return broke ? delete this[key] : Object.defineProperty(this, key, { configurable: !0, writable: !0, value }), broke = broke || outer, value;
      } catch (err) {
        throw delete this[key], broke = broke || outer, err;
      }
    },
    set(value) {
      Object.defineProperty(this, key, { configurable: !0, writable: !0, value });
    }
  });
}
function installLazyProp(inst, key, make, enumerable) {
  let proto = claim(inst, key);
  proto && Object.defineProperty(proto, key, {
    configurable: !0,
    get() {
      let desc = { configurable: !0, writable: !0, enumerable, value: void 0 };
      return Object.defineProperty(this, key, desc), desc.value = make(this), Object.defineProperty(this, key, desc), desc.value;
    },
    set(value) {
      Object.defineProperty(this, key, { configurable: !0, writable: !0, enumerable, value });
    }
  });
}
var Cached, captureStackTrace, propertyKeyTypes, NUMBER_FORMAT_RANGES, highSurrogate, installing, broke, breaker, init_util = __esm({
  "node_modules/zod/v4/core/util.js"() {
    Cached = class {
      constructor(getter) {
        this._getter = getter, this._value = void 0;
      }
      get value() {
        let getter = this._getter;
        return getter !== void 0 && (this._value = getter(), this._getter = void 0), this._value;
      }
    };
    captureStackTrace = "captureStackTrace" in Error ? Error.captureStackTrace : (..._args) => {
    };
    propertyKeyTypes = /* @__PURE__ */ new Set(["string", "number", "symbol"]);
    NUMBER_FORMAT_RANGES = {
      safeint: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
      int32: [-2147483648, 2147483647],
      uint32: [0, 4294967295],
      float32: [-34028234663852886e22, 34028234663852886e22],
      float64: [-Number.MAX_VALUE, Number.MAX_VALUE]
    };
    highSurrogate = /[\uD800-\uDBFF]/;
    broke = !1, breaker = {
      configurable: !0,
      get() {
        broke = !0;
      }
    };
  }
});

// node_modules/zod/v4/core/core.js
function newError(Definition) {
  let E = _E;
  if (E) {
    let saved = E.stackTraceLimit;
    if (typeof saved == "number") {
      try {
        E.stackTraceLimit = 0;
      } catch {
        return _E = null, new Definition();
      }
      try {
        return new Definition();
      } finally {
        E.stackTraceLimit = saved;
      }
    }
  }
  return new Definition();
}
// @__NO_SIDE_EFFECTS__
function $constructor(name, initializer2, proto, params) {
  let zodProto = {};
  function Internals(def) {
    this.def = def, this.constr = _2, this.traits = /* @__PURE__ */ new Set();
  }
  Internals.prototype = zodProto;
  let protoMembers = proto, initialized = protoMembers && /* @__PURE__ */ new WeakSet();
  function init(inst, def) {
    if (inst._zod) {
      if (inst._zod.traits.has(name))
        return;
    } else {
      _zodDesc.value = new Internals(def);
      try {
        Object.defineProperty(inst, "_zod", _zodDesc);
      } finally {
        _zodDesc.value = void 0;
      }
    }
    if (inst._zod.traits.add(name), initializer2(inst, def), initialized) {
      let own2 = Object.getPrototypeOf(inst), ctorProto = inst._zod.constr.prototype, up = own2;
      for (; up && up !== ctorProto; )
        up = Object.getPrototypeOf(up);
      let target = up ?? own2;
      initialized.has(target) || (initialized.add(target), members(target, protoMembers));
    }
    let proto2 = _2.prototype;
    for (let k2 in proto2)
      Object.prototype.hasOwnProperty.call(proto2, k2) && (k2 in inst || (inst[k2] = proto2[k2].bind(inst)));
  }
  let Parent = params?.Parent ?? Object;
  class Definition extends Parent {
  }
  Object.defineProperty(Definition, "name", { value: name });
  function _2(def) {
    let inst = params?.Parent ? newError(Definition) : this;
    init(inst, def);
    let deferred = inst._zod.deferred;
    if (deferred) {
      for (let fn of deferred)
        fn();
      inst._zod.deferred = void 0;
    }
    let pp = globalThis.__zod_globalConfig?.postProcessor;
    return pp && pp(inst), inst;
  }
  return Object.defineProperty(_2, "init", { value: init }), Object.defineProperty(_2, Symbol.hasInstance, {
    value: (inst) => params?.Parent && inst instanceof params.Parent ? !0 : inst?._zod?.traits?.has(name)
  }), Object.defineProperty(_2, "name", { value: name }), _2;
}
function config(newConfig) {
  return newConfig && Object.assign(globalConfig, newConfig), globalConfig;
}
var _a, _zodDesc, _E, $ZodAsyncError, $ZodEncodeError, globalConfig, init_core = __esm({
  "node_modules/zod/v4/core/core.js"() {
    init_util();
    _zodDesc = { value: void 0, enumerable: !1 }, _E = "captureStackTrace" in Error ? Error : null;
    $ZodAsyncError = class extends Error {
      constructor() {
        super("Encountered Promise during synchronous parse. Use .parseAsync() instead.");
      }
    }, $ZodEncodeError = class extends Error {
      constructor(name) {
        super(`Encountered unidirectional transform during encode: ${name}`), this.name = "ZodEncodeError";
      }
    };
    (_a = globalThis).__zod_globalConfig ?? (_a.__zod_globalConfig = {});
    globalConfig = globalThis.__zod_globalConfig;
  }
});

// node_modules/zod/v4/core/errors.js
function _getMessage() {
  let internals = this._zod;
  return internals.message ?? (internals.message = JSON.stringify(internals.def, jsonStringifyReplacer, 2)), internals.message;
}
function _setMessage(value) {
  this._zod.message = value;
}
var _messageDesc, _issuesDesc, _installedToString, initializer, $ZodError, $ZodRealError, init_errors2 = __esm({
  "node_modules/zod/v4/core/errors.js"() {
    init_core();
    init_util();
    _messageDesc = {
      get: _getMessage,
      set: _setMessage,
      enumerable: !0,
      configurable: !0
    }, _issuesDesc = { value: void 0, enumerable: !1 }, _installedToString = /* @__PURE__ */ new WeakSet([Object.prototype, Error.prototype]), initializer = (inst, def) => {
      inst.name = "$ZodError", _issuesDesc.value = def, Object.defineProperty(inst, "issues", _issuesDesc), _issuesDesc.value = void 0, Object.defineProperty(inst, "message", _messageDesc);
      let proto = Object.getPrototypeOf(inst);
      _installedToString.has(proto) || (_installedToString.add(proto), Object.defineProperty(proto, "toString", {
        configurable: !0,
        enumerable: !1,
        get() {
          let value = () => this.message;
          return Object.defineProperty(this, "toString", { value, configurable: !0, writable: !0 }), value;
        },
        set(value) {
          Object.defineProperty(this, "toString", { value, configurable: !0, writable: !0 });
        }
      }));
    }, $ZodError = $constructor("$ZodError", initializer), $ZodRealError = $constructor("$ZodError", initializer, void 0, {
      Parent: Error
    });
  }
});

// node_modules/zod/v4/core/parse.js
function failure(Err, issues, ctx) {
  let error2;
  return {
    success: !1,
    get error() {
      return error2 || (error2 = new Err(issues.map((iss) => finalizeIssue(iss, ctx, config()))), issues = void 0, ctx = void 0), error2;
    },
    set error(e) {
      error2 = e, issues = void 0, ctx = void 0;
    }
  };
}
var _parse, parse, _parseAsync, parseAsync, _safeParse, safeParse, _safeParseAsync, safeParseAsync, init_parse = __esm({
  "node_modules/zod/v4/core/parse.js"() {
    init_core();
    init_errors2();
    init_util();
    _parse = (_Err) => {
      let fn = (schema, value, _ctx, _params) => {
        let ctx = _ctx ? { ..._ctx, async: !1 } : { async: !1 }, result2 = schema._zod.run({ value, issues: [] }, ctx);
        if (result2 instanceof Promise)
          throw new $ZodAsyncError();
        if (result2.issues.length) {
          let e = new (_params?.Err ?? _Err)(result2.issues.map((iss) => finalizeIssue(iss, ctx, config())));
          throw captureStackTrace(e, _params?.callee ?? fn), e;
        }
        return result2.value;
      };
      return fn;
    }, parse = /* @__PURE__ */ _parse($ZodRealError), _parseAsync = (_Err) => {
      let fn = async (schema, value, _ctx, params) => {
        let ctx = _ctx ? { ..._ctx, async: !0 } : { async: !0 }, result2 = schema._zod.run({ value, issues: [] }, ctx);
        if (result2 instanceof Promise && (result2 = await result2), result2.issues.length) {
          let e = new (params?.Err ?? _Err)(result2.issues.map((iss) => finalizeIssue(iss, ctx, config())));
          throw captureStackTrace(e, params?.callee ?? fn), e;
        }
        return result2.value;
      };
      return fn;
    }, parseAsync = /* @__PURE__ */ _parseAsync($ZodRealError), _safeParse = (_Err) => (schema, value, _ctx) => {
      let ctx = _ctx ? { ..._ctx, async: !1 } : { async: !1 }, result2 = schema._zod.run({ value, issues: [] }, ctx);
      if (result2 instanceof Promise)
        throw new $ZodAsyncError();
      return result2.issues.length ? failure(_Err, result2.issues, ctx) : { success: !0, data: result2.value };
    }, safeParse = /* @__PURE__ */ _safeParse($ZodRealError);
    _safeParseAsync = (_Err) => async (schema, value, _ctx) => {
      let ctx = _ctx ? { ..._ctx, async: !0 } : { async: !0 }, result2 = schema._zod.run({ value, issues: [] }, ctx);
      return result2 instanceof Promise && (result2 = await result2), result2.issues.length ? failure(_Err, result2.issues, ctx) : { success: !0, data: result2.value };
    }, safeParseAsync = /* @__PURE__ */ _safeParseAsync($ZodRealError);
  }
});

// node_modules/zod/v4/core/regexes.js
var anyString, number, boolean, init_regexes = __esm({
  "node_modules/zod/v4/core/regexes.js"() {
    anyString = /^[\s\S]{0,}$/, number = /^-?\d+(?:\.\d+)?$/, boolean = /^(?:true|false)$/i;
  }
});

// node_modules/zod/v4/core/checks.js
var $ZodCheck, _whenHasLength, numericOriginMap, $ZodCheckGreaterThan, $ZodCheckNumberFormat, $ZodCheckMinLength, $ZodCheckStringFormat, $ZodCheckRegex, init_checks = __esm({
  "node_modules/zod/v4/core/checks.js"() {
    init_core();
    init_util();
    $ZodCheck = /* @__PURE__ */ $constructor("$ZodCheck", (inst, def) => {
      var _a3;
      inst._zod ?? (inst._zod = {}), inst._zod.def = def, (_a3 = inst._zod).onattach ?? (_a3.onattach = []);
    }), _whenHasLength = (payload) => {
      let val = payload.value;
      return !nullish(val) && val.length !== void 0;
    }, numericOriginMap = {
      number: "number",
      bigint: "bigint",
      object: "date"
    }, $ZodCheckGreaterThan = /* @__PURE__ */ $constructor("$ZodCheckGreaterThan", (inst, def) => {
      $ZodCheck.init(inst, def);
      let origin = numericOriginMap[typeof def.value];
      inst._zod.check = (payload) => {
        (def.inclusive ? payload.value >= def.value : payload.value > def.value) || payload.issues.push({
          origin: numericOriginMap[typeof payload.value] ?? origin,
          code: "too_small",
          minimum: typeof def.value == "object" ? def.value.getTime() : def.value,
          input: payload.value,
          inclusive: def.inclusive,
          inst,
          continue: !def.abort
        });
      };
    }), $ZodCheckNumberFormat = /* @__PURE__ */ $constructor("$ZodCheckNumberFormat", (inst, def) => {
      $ZodCheck.init(inst, def), def.format = def.format || "float64";
      let isInt = def.format?.includes("int"), origin = isInt ? "int" : "number", [minimum, maximum] = NUMBER_FORMAT_RANGES[def.format];
      inst._zod.check = (payload) => {
        let input = payload.value;
        if (isInt) {
          if (!Number.isInteger(input)) {
            payload.issues.push({
              expected: origin,
              format: def.format,
              code: "invalid_type",
              continue: !1,
              input,
              inst
            });
            return;
          }
          if (!Number.isSafeInteger(input)) {
            input > 0 ? payload.issues.push({
              input,
              code: "too_big",
              maximum: Number.MAX_SAFE_INTEGER,
              note: "Integers must be within the safe integer range.",
              inst,
              origin,
              inclusive: !0,
              continue: !def.abort
            }) : payload.issues.push({
              input,
              code: "too_small",
              minimum: Number.MIN_SAFE_INTEGER,
              note: "Integers must be within the safe integer range.",
              inst,
              origin,
              inclusive: !0,
              continue: !def.abort
            });
            return;
          }
        }
        input < minimum && payload.issues.push({
          origin: "number",
          input,
          code: "too_small",
          minimum,
          inclusive: !0,
          inst,
          continue: !def.abort
        }), input > maximum && payload.issues.push({
          origin: "number",
          input,
          code: "too_big",
          maximum,
          inclusive: !0,
          inst,
          continue: !def.abort
        });
      };
    }), $ZodCheckMinLength = /* @__PURE__ */ $constructor("$ZodCheckMinLength", (inst, def) => {
      var _a3;
      $ZodCheck.init(inst, def), (_a3 = inst._zod.def).when ?? (_a3.when = _whenHasLength), inst._zod.check = (payload) => {
        let input = payload.value, units = input.length;
        if ((typeof input == "string" && units >= def.minimum && units < def.minimum * 2 ? codePointLength(input) : units) >= def.minimum)
          return;
        let origin = getLengthableOrigin(input);
        payload.issues.push({
          origin,
          code: "too_small",
          minimum: def.minimum,
          inclusive: !0,
          input,
          inst,
          continue: !def.abort
        });
      };
    }), $ZodCheckStringFormat = /* @__PURE__ */ $constructor("$ZodCheckStringFormat", (inst, def) => {
      var _a3, _b;
      $ZodCheck.init(inst, def), def.pattern ? (_a3 = inst._zod).check ?? (_a3.check = (payload) => {
        def.pattern.lastIndex = 0, !def.pattern.test(payload.value) && payload.issues.push({
          origin: "string",
          code: "invalid_format",
          format: def.format,
          input: payload.value,
          ...def.pattern ? { pattern: def.pattern.toString() } : {},
          inst,
          continue: !def.abort
        });
      }) : (_b = inst._zod).check ?? (_b.check = () => {
      });
    }), $ZodCheckRegex = /* @__PURE__ */ $constructor("$ZodCheckRegex", (inst, def) => {
      $ZodCheckStringFormat.init(inst, def), inst._zod.check = (payload) => {
        def.pattern.lastIndex = 0, !def.pattern.test(payload.value) && payload.issues.push({
          origin: "string",
          code: "invalid_format",
          format: "regex",
          input: payload.value,
          pattern: def.pattern.toString(),
          inst,
          continue: !def.abort
        });
      };
    });
  }
});

// node_modules/zod/v4/core/doc.js
var init_doc = __esm({
  "node_modules/zod/v4/core/doc.js"() {
  }
});

// node_modules/zod/v4/core/versions.js
var version, init_versions = __esm({
  "node_modules/zod/v4/core/versions.js"() {
    version = {
      major: 4,
      minor: 6,
      patch: 7
    };
  }
});

// node_modules/zod/v4/core/schemas.js
async function validateAsync(inst, value) {
  let ctx = { async: !0 };
  return toStandardResult(await inst._zod.run({ value, issues: [] }, ctx), ctx);
}
function standardProps(inst) {
  return {
    validate: (value) => {
      let ctx = { async: !1 };
      try {
        let r = inst._zod.run({ value, issues: [] }, ctx);
        if (!(r instanceof Promise))
          return toStandardResult(r, ctx);
      } catch {
      }
      return validateAsync(inst, value);
    },
    vendor: "zod",
    version: 1
  };
}
function capSize(inst, size) {
  let caps = sizeCaps(inst._zod.def.checks);
  if (!caps.length)
    return;
  let cap = Math.min(...caps.map((c) => c[0])), parse4 = inst._zod.parse;
  inst._zod.parse = (payload, ctx) => {
    let n = size(payload.value);
    if (n > cap && !ctx?.skipChecks && ctx?.direction !== "backward") {
      for (let [max, ch] of sizeCaps(inst._zod.def.checks))
        if (n > max && ch._zod.def.when(payload)) {
          let start = payload.issues.length;
          return ch._zod.check(payload), payload.issues[start].continue = !1, attachSchema(payload.issues, start, inst), payload;
        }
    }
    return parse4(payload, ctx);
  };
}
function handleArrayResult(result2, final, index) {
  result2.issues.length && final.issues.push(...prefixIssues(index, result2.issues)), final.value[index] = result2.value;
}
function handlePropertyResult(result2, final, key, input, optin, optout) {
  let isPresent = key in input, isOptionalOut = optout === "optional";
  if (!(!isPresent && isOptionalOut && optin === "optional")) {
    if (result2.issues.length) {
      if (optin !== void 0 && isOptionalOut && !isPresent)
        return;
      final.issues.push(...prefixIssues(key, result2.issues));
    }
    if (!isPresent && optin === void 0) {
      result2.issues.length || final.issues.push({
        code: "invalid_type",
        expected: "nonoptional",
        input: void 0,
        path: [key]
      });
      return;
    }
    result2.value === void 0 ? (isPresent || optin === "defaulted" && !isOptionalOut) && (final.value[key] = void 0) : final.value[key] = result2.value;
  }
}
function normalizeDef(def) {
  let keys = Object.keys(def.shape), ownSymbols = Object.getOwnPropertySymbols(def.shape), symbolKeys = ownSymbols.length ? ownSymbols : NO_SYMBOL_KEYS, allKeys = symbolKeys.length ? [...keys, ...symbolKeys] : keys;
  for (let k2 of allKeys)
    if (!def.shape?.[k2]?._zod?.traits?.has("$ZodType"))
      throw new Error(`Invalid element at key "${String(k2)}": expected a Zod schema`);
  let okeys = optionalKeys(def.shape);
  return {
    ...def,
    allKeys,
    symbolKeys,
    // string-only: handleCatchall matches it against `for...in`, which never yields a symbol
    keySet: new Set(keys),
    numKeys: keys.length,
    optionalKeys: new Set(okeys)
  };
}
function handleCatchall(proms, input, payload, ctx, def, inst, abortEarly) {
  let unrecognized = [], keySet = def.keySet, _catchall = def.catchall._zod, t = _catchall.def.type, optin = _catchall.optin, optout = _catchall.optout, seen = 0;
  for (let key in input) {
    if (abortEarly && payload.issues.length !== seen) {
      if (aborted(payload, seen))
        break;
      seen = payload.issues.length;
    }
    if (keySet.has(key))
      continue;
    if (key === "__proto__") {
      t === "never" && unrecognized.push(key);
      continue;
    }
    if (t === "never") {
      unrecognized.push(key);
      continue;
    }
    let r = _catchall.run({ value: input[key], issues: [] }, ctx);
    r instanceof Promise ? proms.push(r.then((r2) => handlePropertyResult(r2, payload, key, input, optin, optout))) : handlePropertyResult(r, payload, key, input, optin, optout);
  }
  return unrecognized.length && payload.issues.push({
    code: "unrecognized_keys",
    keys: unrecognized,
    input,
    inst,
    // Describes the shape of the input, not the validity of the parsed value, so it never aborts. The parse still fails; the schema's own checks just get to run first, and an enclosing intersection can reconcile the key against a sibling operand.
    continue: !0
  }), proms.length ? Promise.all(proms).then(() => payload) : payload;
}
function handleOptionalResult(payload, result2) {
  return payload.value = result2.issues.length ? void 0 : result2.value, payload;
}
function handlePipeResult(left, next, ctx) {
  return left.issues.some((iss) => iss.code !== "unrecognized_keys") ? (left.aborted = !0, left) : next._zod.run({ value: left.value, issues: left.issues }, ctx);
}
function handleRefineResult(result2, payload, input, inst) {
  if (!result2) {
    let _iss = {
      code: "custom",
      input,
      inst,
      // incorporates params.error into issue reporting
      path: [...inst._zod.def.path ?? []],
      // incorporates params.error into issue reporting
      continue: !inst._zod.def.abort
      // params: inst._zod.def.params,
    };
    inst._zod.def.params && (_iss.params = inst._zod.def.params), payload.issues.push(issue(_iss));
  }
}
var $ZodType, toStandardResult, $ZodString, $ZodNumber, $ZodNumberFormat, $ZodBoolean, $ZodUnknown, arraySize, $ZodArray, NO_SYMBOL_KEYS, $ZodObject, $ZodRecord, $ZodEnum, $ZodLiteral, $ZodTransform, $ZodOptional, $ZodNullable, $ZodPipe, $ZodCustom, init_schemas = __esm({
  "node_modules/zod/v4/core/schemas.js"() {
    init_checks();
    init_core();
    init_regexes();
    init_util();
    init_versions();
    init_util();
    $ZodType = /* @__PURE__ */ $constructor("$ZodType", (inst, def) => {
      var _a3;
      inst ?? (inst = {}), inst._zod.def = def, inst._zod.bag = inst._zod.bag || {}, inst._zod.version = version;
      let defChecks = inst._zod.def.checks, checks = inst._zod.traits.has("$ZodCheck") ? [inst, ...defChecks ?? []] : defChecks?.length ? [...defChecks] : [];
      for (let ch of checks)
        for (let fn of ch._zod.onattach)
          fn(inst);
      if (checks.length === 0)
        (_a3 = inst._zod).deferred ?? (_a3.deferred = []), inst._zod.deferred?.push(() => {
          inst._zod.run = inst._zod.parse;
        });
      else {
        let runChecks = (payload, checks2, ctx) => {
          if (payload.memo)
            return payload;
          let isAborted = aborted(payload), asyncResult;
          for (let ch of checks2) {
            if (ch._zod.def.when) {
              if (explicitlyAborted(payload) || !ch._zod.def.when(payload))
                continue;
            } else if (isAborted)
              continue;
            let currLen = payload.issues.length, _2 = ch._zod.check(payload);
            if (_2 instanceof Promise && ctx?.async === !1)
              throw new $ZodAsyncError();
            if (asyncResult || _2 instanceof Promise)
              asyncResult = (asyncResult ?? Promise.resolve()).then(async () => {
                await _2, payload.issues.length !== currLen && (attachSchema(payload.issues, currLen, inst), isAborted || (isAborted = aborted(payload, currLen)));
              });
            else {
              if (payload.issues.length === currLen)
                continue;
              attachSchema(payload.issues, currLen, inst), isAborted || (isAborted = aborted(payload, currLen));
            }
          }
          return asyncResult ? asyncResult.then(() => payload) : payload;
        }, handleCanaryResult = (canary, payload, ctx) => {
          if (aborted(canary))
            return canary.aborted = !0, canary;
          let checkResult = runChecks(payload, checks, ctx);
          if (checkResult instanceof Promise) {
            if (ctx.async === !1)
              throw new $ZodAsyncError();
            return checkResult.then((checkResult2) => inst._zod.parse(checkResult2, ctx));
          }
          return inst._zod.parse(checkResult, ctx);
        };
        inst._zod.run = (payload, ctx) => {
          if (ctx.skipChecks)
            return inst._zod.parse(payload, ctx);
          if (ctx.direction === "backward") {
            let canary = inst._zod.parse({ value: payload.value, issues: [] }, { ...ctx, skipChecks: !0 });
            return canary instanceof Promise ? canary.then((canary2) => handleCanaryResult(canary2, payload, ctx)) : handleCanaryResult(canary, payload, ctx);
          }
          let result2 = inst._zod.parse(payload, ctx);
          if (result2 instanceof Promise) {
            if (ctx.async === !1)
              throw new $ZodAsyncError();
            return result2.then((result3) => runChecks(result3, checks, ctx));
          }
          return runChecks(result2, checks, ctx);
        };
      }
    }, {
      // Wrappers extend this by installing a richer factory over it; reading it eagerly would defeat the laziness.
      get "~standard"() {
        return hide(this, "~standard", standardProps(this));
      },
      set "~standard"(value) {
        own(this, "~standard", value);
      }
    }), toStandardResult = (r, ctx) => r.issues.length ? { issues: r.issues.map((iss) => finalizeIssue(iss, ctx, config())) } : { value: r.value };
    $ZodString = /* @__PURE__ */ $constructor("$ZodString", (inst, def) => {
      $ZodType.init(inst, def), inst._zod.pattern = def.pattern ?? anyString, inst._zod.parse = (payload, _2) => {
        if (def.coerce)
          try {
            payload.value = String(payload.value);
          } catch {
          }
        return typeof payload.value == "string" || payload.issues.push({
          expected: "string",
          code: "invalid_type",
          input: payload.value,
          inst
        }), payload;
      };
    }), $ZodNumber = /* @__PURE__ */ $constructor("$ZodNumber", (inst, def) => {
      $ZodType.init(inst, def), inst._zod.pattern = number, inst._zod.parse = (payload, _ctx) => {
        if (def.coerce)
          try {
            payload.value = Number(payload.value);
          } catch {
          }
        let input = payload.value;
        if (typeof input == "number" && !Number.isNaN(input) && Number.isFinite(input))
          return payload;
        let received = typeof input == "number" ? Number.isNaN(input) ? "NaN" : Number.isFinite(input) ? void 0 : String(input) : void 0;
        return payload.issues.push({
          expected: "number",
          code: "invalid_type",
          input,
          inst,
          ...received ? { received } : {}
        }), payload;
      };
    }), $ZodNumberFormat = /* @__PURE__ */ $constructor("$ZodNumberFormat", (inst, def) => {
      $ZodCheckNumberFormat.init(inst, def), $ZodNumber.init(inst, def);
    }), $ZodBoolean = /* @__PURE__ */ $constructor("$ZodBoolean", (inst, def) => {
      $ZodType.init(inst, def), inst._zod.pattern = boolean, inst._zod.parse = (payload, _ctx) => {
        if (def.coerce)
          try {
            payload.value = !!payload.value;
          } catch {
          }
        let input = payload.value;
        return typeof input == "boolean" || payload.issues.push({
          expected: "boolean",
          code: "invalid_type",
          input,
          inst
        }), payload;
      };
    }), $ZodUnknown = /* @__PURE__ */ $constructor("$ZodUnknown", (inst, def) => {
      $ZodType.init(inst, def), inst._zod.parse = (payload) => payload;
    });
    arraySize = (input) => Array.isArray(input) ? input.length : -1;
    $ZodArray = /* @__PURE__ */ $constructor("$ZodArray", (inst, def) => {
      $ZodType.init(inst, def);
      let memo = globalConfig.memoizer;
      memo?.attach(inst), inst._zod.parse = (payload, ctx) => {
        let input = payload.value;
        if (!Array.isArray(input))
          return payload.issues.push({
            expected: "array",
            code: "invalid_type",
            input,
            inst
          }), payload;
        payload.value = memo ? memo.alloc(inst, payload, Array(input.length), ctx) : Array(input.length);
        let proms = [], abortEarly = ctx?.abortEarly;
        for (let i = 0; i < input.length; i++) {
          let item = input[i], result2 = def.element._zod.run({
            value: item,
            issues: []
          }, ctx);
          if (result2 instanceof Promise)
            proms.push(result2.then((result3) => handleArrayResult(result3, payload, i)));
          else if (handleArrayResult(result2, payload, i), abortEarly && result2.issues.length !== 0 && aborted(result2))
            break;
        }
        return proms.length ? Promise.all(proms).then(() => payload) : payload;
      }, capSize(inst, arraySize);
    });
    NO_SYMBOL_KEYS = [];
    $ZodObject = /* @__PURE__ */ $constructor("$ZodObject", (inst, def) => {
      $ZodType.init(inst, def);
      let desc = Object.getOwnPropertyDescriptor(def, "shape"), sh = desc?.get ? desc.get.raw : def.shape ?? {};
      if (sh) {
        let get = () => {
          let newSh = { ...sh };
          return Object.defineProperty(def, "shape", { value: newSh }), get.raw = newSh, newSh;
        };
        get.raw = sh, Object.defineProperty(def, "shape", { get });
      }
      let _normalized = cached(() => normalizeDef(def));
      defineLazyInternal(inst, "propValues", (zod) => {
        let shape = zod.def.shape, propValues = {};
        for (let key in shape) {
          let field = shape[key]._zod;
          if (field.values) {
            Object.prototype.hasOwnProperty.call(propValues, key) || assignProp(propValues, key, /* @__PURE__ */ new Set());
            for (let v2 of field.values)
              propValues[key].add(v2);
            field.optin !== void 0 && propValues[key].add(void 0);
          }
        }
        return propValues;
      });
      let isObject2 = isObject, catchall = def.catchall, value, memo = globalConfig.memoizer;
      memo?.attach(inst), inst._zod.parse = (payload, ctx) => {
        value ?? (value = _normalized.value);
        let input = payload.value;
        if (!isObject2(input))
          return payload.issues.push({
            expected: "object",
            code: "invalid_type",
            input,
            inst
          }), payload;
        payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
        let proms = [], shape = value.shape, abortEarly = ctx?.abortEarly, seen = payload.issues.length;
        for (let key of value.allKeys) {
          if (abortEarly && payload.issues.length !== seen) {
            if (aborted(payload, seen))
              break;
            seen = payload.issues.length;
          }
          if (key === "__proto__")
            continue;
          let el = shape[key], optin = el._zod.optin, optout = el._zod.optout, r = el._zod.run({ value: input[key], issues: [] }, ctx);
          r instanceof Promise ? proms.push(r.then((r2) => handlePropertyResult(r2, payload, key, input, optin, optout))) : handlePropertyResult(r, payload, key, input, optin, optout);
        }
        return catchall ? handleCatchall(proms, input, payload, ctx, _normalized.value, inst, abortEarly === !0) : proms.length ? Promise.all(proms).then(() => payload) : payload;
      };
    }), $ZodRecord = /* @__PURE__ */ $constructor("$ZodRecord", (inst, def) => {
      $ZodType.init(inst, def);
      let memo = globalConfig.memoizer;
      memo?.attach(inst), inst._zod.parse = (payload, ctx) => {
        let input = payload.value;
        if (!isPlainObject(input))
          return payload.issues.push({
            expected: "record",
            code: "invalid_type",
            input,
            inst
          }), payload;
        let proms = [], values = def.keyType._zod.values;
        if (values && !def.partial) {
          payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
          let recordKeys = /* @__PURE__ */ new Set();
          for (let key of values)
            if (typeof key == "string" || typeof key == "number" || typeof key == "symbol") {
              if (recordKeys.add(typeof key == "number" ? key.toString() : key), key === "__proto__")
                continue;
              let keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx);
              if (keyResult instanceof Promise)
                throw new Error("Async schemas not supported in object keys currently");
              if (keyResult.issues.length) {
                payload.issues.push({
                  code: "invalid_key",
                  origin: "record",
                  issues: keyResult.issues.map((iss) => finalizeIssue(iss, ctx, config())),
                  input: key,
                  path: [key],
                  inst
                });
                continue;
              }
              let outKey = keyResult.value;
              if (outKey === "__proto__")
                continue;
              let result2 = def.valueType._zod.run({ value: input[key], issues: [] }, ctx);
              result2 instanceof Promise ? proms.push(result2.then((result3) => {
                result3.issues.length && payload.issues.push(...prefixIssues(key, result3.issues)), payload.value[outKey] = result3.value;
              })) : (result2.issues.length && payload.issues.push(...prefixIssues(key, result2.issues)), payload.value[outKey] = result2.value);
            }
          let unrecognized;
          for (let key in input)
            if (!recordKeys.has(key))
              if (def.mode === "loose") {
                if (key === "__proto__")
                  continue;
                payload.value[key] = input[key];
              } else
                unrecognized = unrecognized ?? [], unrecognized.push(key);
          unrecognized && unrecognized.length > 0 && payload.issues.push({
            code: "unrecognized_keys",
            input,
            inst,
            keys: unrecognized,
            continue: !0
          });
        } else {
          payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
          let unrecognized;
          for (let key of Reflect.ownKeys(input)) {
            if (key === "__proto__" || !Object.prototype.propertyIsEnumerable.call(input, key))
              continue;
            let keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx);
            if (keyResult instanceof Promise)
              throw new Error("Async schemas not supported in object keys currently");
            if (typeof key == "string" && number.test(key) && keyResult.issues.length) {
              let retryResult = def.keyType._zod.run({ value: Number(key), issues: [] }, ctx);
              if (retryResult instanceof Promise)
                throw new Error("Async schemas not supported in object keys currently");
              retryResult.issues.length === 0 && (keyResult = retryResult);
            }
            if (keyResult.issues.length) {
              def.mode === "loose" ? payload.value[key] = input[key] : values ? (unrecognized = unrecognized ?? [], unrecognized.push(key)) : payload.issues.push({
                code: "invalid_key",
                origin: "record",
                issues: keyResult.issues.map((iss) => finalizeIssue(iss, ctx, config())),
                input: key,
                path: [key],
                inst
              });
              continue;
            }
            let outKey = keyResult.value;
            if (outKey === "__proto__")
              continue;
            let result2 = def.valueType._zod.run({ value: input[key], issues: [] }, ctx);
            result2 instanceof Promise ? proms.push(result2.then((result3) => {
              result3.issues.length && payload.issues.push(...prefixIssues(key, result3.issues)), payload.value[outKey] = result3.value;
            })) : (result2.issues.length && payload.issues.push(...prefixIssues(key, result2.issues)), payload.value[outKey] = result2.value);
          }
          unrecognized && unrecognized.length > 0 && payload.issues.push({
            code: "unrecognized_keys",
            input,
            inst,
            keys: unrecognized,
            continue: !0
          });
        }
        return proms.length ? Promise.all(proms).then(() => payload) : payload;
      };
    }), $ZodEnum = /* @__PURE__ */ $constructor("$ZodEnum", (inst, def) => {
      $ZodType.init(inst, def);
      let values = getEnumValues(def.entries), valuesSet = new Set(values);
      inst._zod.values = valuesSet, defineLazyInternal(inst, "pattern", (zod) => {
        let patternValues = getEnumValues(zod.def.entries).filter((k2) => propertyKeyTypes.has(typeof k2));
        return new RegExp(patternValues.length ? `^(${patternValues.map((o) => escapeRegex(o.toString())).join("|")})$` : "^[^\\s\\S]$");
      }), inst._zod.parse = (payload, _ctx) => {
        let input = payload.value;
        return valuesSet.has(input) || payload.issues.push({
          code: "invalid_value",
          values,
          input,
          inst
        }), payload;
      };
    }), $ZodLiteral = /* @__PURE__ */ $constructor("$ZodLiteral", (inst, def) => {
      $ZodType.init(inst, def);
      let values = new Set(def.values);
      inst._zod.values = values, defineLazyInternal(inst, "pattern", (zod) => {
        let vals = zod.def.values;
        return new RegExp(vals.length ? `^(${vals.map((o) => typeof o == "string" ? escapeRegex(o) : o ? escapeRegex(o.toString()) : String(o)).join("|")})$` : "^[^\\s\\S]$");
      }), inst._zod.parse = (payload, _ctx) => {
        let input = payload.value;
        return values.has(input) || payload.issues.push({
          code: "invalid_value",
          values: def.values,
          input,
          inst
        }), payload;
      };
    }), $ZodTransform = /* @__PURE__ */ $constructor("$ZodTransform", (inst, def) => {
      $ZodType.init(inst, def), inst._zod.optin = "optional", globalConfig.memoizer?.guard(inst), inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward")
          throw new $ZodEncodeError(inst.constructor.name);
        let _out = def.transform(payload.value, payload);
        if (ctx.async)
          return (_out instanceof Promise ? _out : Promise.resolve(_out)).then((output3) => (payload.value = output3, payload));
        if (_out instanceof Promise)
          throw new $ZodAsyncError();
        return payload.value = _out, payload;
      };
    });
    $ZodOptional = /* @__PURE__ */ $constructor("$ZodOptional", (inst, def) => {
      $ZodType.init(inst, def), defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin === "defaulted" ? "defaulted" : "optional"), inst._zod.optout = "optional", defineLazyInternal(inst, "values", (zod) => {
        let values = zod.def.innerType._zod.values;
        return values ? /* @__PURE__ */ new Set([...values, void 0]) : void 0;
      }), defineLazyInternal(inst, "pattern", (zod) => {
        let pattern = zod.def.innerType._zod.pattern;
        return pattern ? new RegExp(`^(${cleanRegex(pattern.source)})?$`) : void 0;
      }), inst._zod.parse = (payload, ctx) => {
        if (payload.value === void 0) {
          if (def.innerType._zod.optin !== "defaulted")
            return payload;
          let result2 = def.innerType._zod.run({ value: payload.value, issues: [] }, ctx);
          return result2 instanceof Promise ? result2.then((result3) => handleOptionalResult(payload, result3)) : handleOptionalResult(payload, result2);
        }
        return def.innerType._zod.run(payload, ctx);
      };
    }), $ZodNullable = /* @__PURE__ */ $constructor("$ZodNullable", (inst, def) => {
      $ZodType.init(inst, def), defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin), defineLazyInternal(inst, "optout", (zod) => zod.def.innerType._zod.optout), defineLazyInternal(inst, "pattern", (zod) => {
        let pattern = zod.def.innerType._zod.pattern;
        return pattern ? new RegExp(`^(${cleanRegex(pattern.source)}|null)$`) : void 0;
      }), defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values ? /* @__PURE__ */ new Set([...zod.def.innerType._zod.values, null]) : void 0), inst._zod.parse = (payload, ctx) => payload.value === null ? payload : def.innerType._zod.run(payload, ctx);
    }), $ZodPipe = /* @__PURE__ */ $constructor("$ZodPipe", (inst, def) => {
      $ZodType.init(inst, def), defineLazyInternal(inst, "values", (zod) => zod.def.in._zod.values), defineLazyInternal(inst, "optin", (zod) => zod.def.in._zod.optin), defineLazyInternal(inst, "optout", (zod) => zod.def.out._zod.optout), defineLazyInternal(inst, "propValues", (zod) => zod.def.in._zod.propValues), inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
          let right = def.out._zod.run(payload, ctx);
          return right instanceof Promise ? right.then((right2) => handlePipeResult(right2, def.in, ctx)) : handlePipeResult(right, def.in, ctx);
        }
        let left = def.in._zod.run(payload, ctx);
        return left instanceof Promise ? left.then((left2) => handlePipeResult(left2, def.out, ctx)) : handlePipeResult(left, def.out, ctx);
      };
    });
    $ZodCustom = /* @__PURE__ */ $constructor("$ZodCustom", (inst, def) => {
      $ZodCheck.init(inst, def), $ZodType.init(inst, def), inst._zod.parse = (payload, _2) => payload, inst._zod.check = (payload) => {
        let input = payload.value, r = def.fn(input);
        if (r instanceof Promise)
          return r.then((r2) => handleRefineResult(r2, payload, input, inst));
        handleRefineResult(r, payload, input, inst);
      };
    });
  }
});

// node_modules/zod/v4/core/memoizer.js
var init_memoizer = __esm({
  "node_modules/zod/v4/core/memoizer.js"() {
  }
});

// node_modules/zod/v4/locales/en.js
function en_default() {
  return {
    localeError: error()
  };
}
var error, init_en = __esm({
  "node_modules/zod/v4/locales/en.js"() {
    init_util();
    error = () => {
      let Sizable = {
        string: { unit: "characters", verb: "to have" },
        file: { unit: "bytes", verb: "to have" },
        array: { unit: "items", verb: "to have" },
        set: { unit: "items", verb: "to have" },
        map: { unit: "entries", verb: "to have" }
      };
      function getSizing(origin) {
        return Sizable[origin] ?? null;
      }
      let FormatDictionary = {
        regex: "input",
        email: "email address",
        url: "URL",
        emoji: "emoji",
        uuid: "UUID",
        uuidv4: "UUIDv4",
        uuidv6: "UUIDv6",
        nanoid: "nanoid",
        guid: "GUID",
        cuid: "cuid",
        cuid2: "cuid2",
        ulid: "ULID",
        xid: "XID",
        ksuid: "KSUID",
        datetime: "ISO datetime",
        date: "ISO date",
        time: "ISO time",
        duration: "ISO duration",
        ipv4: "IPv4 address",
        ipv6: "IPv6 address",
        mac: "MAC address",
        cidrv4: "IPv4 range",
        cidrv6: "IPv6 range",
        base64: "base64-encoded string",
        base64url: "base64url-encoded string",
        json_string: "JSON string",
        e164: "E.164 number",
        currency_code: "currency code",
        credit_card: "credit card number",
        iban: "IBAN",
        jwt: "JWT",
        template_literal: "input"
      }, TypeDictionary = {
        // Compatibility: "nan" -> "NaN" for display
        nan: "NaN"
        // All other type names omitted - they fall back to raw values via ?? operator
      };
      function getTypeName(type, input) {
        return type === "number" && typeof input == "number" && !Number.isFinite(input) ? String(input) : TypeDictionary[type] ?? type;
      }
      return (issue2) => {
        switch (issue2.code) {
          case "invalid_type": {
            let expected = getTypeName(issue2.expected), receivedType = parsedType(issue2.input), received = getTypeName(receivedType, issue2.input);
            return `Invalid input: expected ${expected}, received ${received}`;
          }
          case "invalid_value":
            return issue2.values.length === 1 ? `Invalid input: expected ${stringifyPrimitive(issue2.values[0])}` : `Invalid option: expected one of ${joinValues(issue2.values, "|")}`;
          case "too_big": {
            let adj = issue2.exact ? "exactly " : issue2.inclusive ? "<=" : "<", sizing = getSizing(issue2.origin);
            return sizing ? `Too big: expected ${issue2.origin ?? "value"} to have ${adj}${issue2.maximum.toString()} ${sizing.unit ?? "elements"}` : `Too big: expected ${issue2.origin ?? "value"} to be ${adj}${issue2.maximum.toString()}`;
          }
          case "too_small": {
            let adj = issue2.exact ? "exactly " : issue2.inclusive ? ">=" : ">", sizing = getSizing(issue2.origin);
            return sizing ? `Too small: expected ${issue2.origin} to have ${adj}${issue2.minimum.toString()} ${sizing.unit}` : `Too small: expected ${issue2.origin} to be ${adj}${issue2.minimum.toString()}`;
          }
          case "invalid_format": {
            let _issue = issue2;
            return _issue.format === "starts_with" ? `Invalid string: must start with "${_issue.prefix}"` : _issue.format === "ends_with" ? `Invalid string: must end with "${_issue.suffix}"` : _issue.format === "includes" ? `Invalid string: must include "${_issue.includes}"` : _issue.format === "regex" ? `Invalid string: must match pattern ${_issue.pattern}` : `Invalid ${FormatDictionary[_issue.format] ?? issue2.format}`;
          }
          case "not_multiple_of":
            return `Invalid number: must be a multiple of ${issue2.divisor}`;
          case "unrecognized_keys":
            return `Unrecognized key${issue2.keys.length > 1 ? "s" : ""}: ${joinValues(issue2.keys, ", ")}`;
          case "invalid_key":
            return `Invalid key in ${issue2.origin}`;
          case "invalid_union":
            return issue2.options && Array.isArray(issue2.options) && issue2.options.length > 0 ? `Invalid discriminator value. Expected ${issue2.options.map((o) => `'${o}'`).join(" | ")}` : issue2.inclusive === !1 ? "Invalid input: more than one option matched" : "Invalid input";
          case "invalid_element":
            return `Invalid value in ${issue2.origin}`;
          default:
            return "Invalid input";
        }
      };
    };
  }
});

// node_modules/zod/v4/locales/index.js
var init_locales = __esm({
  "node_modules/zod/v4/locales/index.js"() {
  }
});

// node_modules/zod/v4/core/registries.js
function registry() {
  return new $ZodRegistry();
}
var _a2, $ZodRegistry, globalRegistry, init_registries = __esm({
  "node_modules/zod/v4/core/registries.js"() {
    $ZodRegistry = class {
      constructor() {
        this._map = /* @__PURE__ */ new WeakMap(), this._idmap = /* @__PURE__ */ new Map();
      }
      add(schema, ..._meta) {
        let meta2 = _meta[0];
        return this._map.set(schema, meta2), meta2 && typeof meta2 == "object" && "id" in meta2 && this._idmap.set(meta2.id, schema), this;
      }
      clear() {
        return this._map = /* @__PURE__ */ new WeakMap(), this._idmap = /* @__PURE__ */ new Map(), this;
      }
      remove(schema) {
        let meta2 = this._map.get(schema);
        return meta2 && typeof meta2 == "object" && "id" in meta2 && this._idmap.delete(meta2.id), this._map.delete(schema), this;
      }
      get(schema) {
        let p2 = schema._zod.parent;
        if (p2) {
          let pm = { ...this.get(p2) ?? {} };
          delete pm.id;
          let f2 = { ...pm, ...this._map.get(schema) };
          return Object.keys(f2).length ? f2 : void 0;
        }
        return this._map.get(schema);
      }
      has(schema) {
        return this._map.has(schema);
      }
    };
    (_a2 = globalThis).__zod_globalRegistry ?? (_a2.__zod_globalRegistry = registry());
    globalRegistry = globalThis.__zod_globalRegistry;
  }
});

// node_modules/zod/v4/core/compile.js
var init_compile = __esm({
  "node_modules/zod/v4/core/compile.js"() {
  }
});

// node_modules/zod/v4/core/api.js
function snapshotChecks(def) {
  return def.checks && (def.checks = [...def.checks]), def;
}
// @__NO_SIDE_EFFECTS__
function _string(Class, params) {
  return new Class(snapshotChecks({ type: "string", ...normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _number(Class, params) {
  return new Class(snapshotChecks({ type: "number", checks: [], ...normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _int(Class, params) {
  return new Class({
    type: "number",
    check: "number_format",
    abort: !1,
    format: "safeint",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _boolean(Class, params) {
  return new Class({
    type: "boolean",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _unknown(Class) {
  return new Class({
    type: "unknown"
  });
}
// @__NO_SIDE_EFFECTS__
function _gte(value, params) {
  return new $ZodCheckGreaterThan({
    check: "greater_than",
    ...normalizeParams(params),
    value,
    inclusive: !0
  });
}
// @__NO_SIDE_EFFECTS__
function _nonnegative(params) {
  return /* @__PURE__ */ _gte(0, params);
}
// @__NO_SIDE_EFFECTS__
function _minLength(minimum, params) {
  return new $ZodCheckMinLength({
    check: "min_length",
    ...normalizeParams(params),
    minimum
  });
}
// @__NO_SIDE_EFFECTS__
function _regex(pattern, params) {
  return new $ZodCheckRegex({
    check: "string_format",
    format: "regex",
    ...normalizeParams(params),
    pattern
  });
}
// @__NO_SIDE_EFFECTS__
function _refine(Class, fn, _params) {
  return new Class({
    type: "custom",
    check: "custom",
    fn,
    ...normalizeParams(_params)
  });
}
// @__NO_SIDE_EFFECTS__
function _superRefine(fn, params) {
  let ch = /* @__PURE__ */ _check((payload) => (payload.addIssue = (issue2) => {
    if (typeof issue2 == "string")
      payload.issues.push(issue(issue2, payload.value, ch._zod.def));
    else {
      let _issue = issue2;
      _issue.fatal && (_issue.continue = !1), _issue.code ?? (_issue.code = "custom"), "input" in _issue || (_issue.input = payload.value), _issue.inst ?? (_issue.inst = ch), _issue.continue ?? (_issue.continue = !ch._zod.def.abort), payload.issues.push(issue(_issue));
    }
  }, fn(payload.value, payload)), params);
  return ch;
}
// @__NO_SIDE_EFFECTS__
function _check(fn, params) {
  let ch = new $ZodCheck({
    check: "custom",
    ...normalizeParams(params)
  });
  return ch._zod.check = fn, ch;
}
var init_api = __esm({
  "node_modules/zod/v4/core/api.js"() {
    init_checks();
    init_util();
  }
});

// node_modules/zod/v4/core/to-json-schema.js
var init_to_json_schema = __esm({
  "node_modules/zod/v4/core/to-json-schema.js"() {
  }
});

// node_modules/zod/v4/core/json-schema.js
var init_json_schema = __esm({
  "node_modules/zod/v4/core/json-schema.js"() {
  }
});

// node_modules/zod/v4/core/index.js
var init_core2 = __esm({
  "node_modules/zod/v4/core/index.js"() {
    init_core();
    init_parse();
    init_errors2();
    init_schemas();
    init_memoizer();
    init_checks();
    init_versions();
    init_util();
    init_regexes();
    init_locales();
    init_registries();
    init_doc();
    init_compile();
    init_api();
    init_to_json_schema();
    init_json_schema();
  }
});

// node_modules/zod/v4/mini/parse.js
var init_parse2 = __esm({
  "node_modules/zod/v4/mini/parse.js"() {
    init_core2();
  }
});

// node_modules/zod/v4/mini/schemas.js
// @__NO_SIDE_EFFECTS__
function string2(params) {
  return _string(ZodMiniString, params);
}
// @__NO_SIDE_EFFECTS__
function number2(params) {
  return _number(ZodMiniNumber, params);
}
function int(params) {
  return _int(ZodMiniNumberFormat, params);
}
// @__NO_SIDE_EFFECTS__
function boolean2(params) {
  return _boolean(ZodMiniBoolean, params);
}
// @__NO_SIDE_EFFECTS__
function unknown() {
  return _unknown(ZodMiniUnknown);
}
// @__NO_SIDE_EFFECTS__
function array(element, params) {
  return new ZodMiniArray({
    type: "array",
    element,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function object(shape, params) {
  let def = {
    type: "object",
    shape: shape ?? {},
    ...normalizeParams(params)
  };
  return new ZodMiniObject(def);
}
// @__NO_SIDE_EFFECTS__
function looseObject(shape, params) {
  return new ZodMiniObject({
    type: "object",
    shape,
    catchall: /* @__PURE__ */ unknown(),
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function record(keyType, valueType, params) {
  return !valueType || !valueType._zod ? new ZodMiniRecord({
    type: "record",
    keyType: /* @__PURE__ */ string2(),
    valueType: keyType,
    ...normalizeParams(valueType)
  }) : new ZodMiniRecord({
    type: "record",
    keyType,
    valueType,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _enum(values, params) {
  let entries = Array.isArray(values) ? Object.fromEntries(values.map((v2) => [v2, v2])) : values;
  return new ZodMiniEnum({
    type: "enum",
    entries,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function literal(value, params) {
  return new ZodMiniLiteral({
    type: "literal",
    values: Array.isArray(value) ? value : [value],
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function transform(fn) {
  return new ZodMiniTransform({
    type: "transform",
    transform: fn
  });
}
// @__NO_SIDE_EFFECTS__
function optional(innerType) {
  return new ZodMiniOptional({
    type: "optional",
    innerType
  });
}
// @__NO_SIDE_EFFECTS__
function nullable(innerType) {
  return new ZodMiniNullable({
    type: "nullable",
    innerType
  });
}
// @__NO_SIDE_EFFECTS__
function pipe(in_, out) {
  return new ZodMiniPipe({
    type: "pipe",
    in: in_,
    out
  });
}
// @__NO_SIDE_EFFECTS__
function refine(fn, _params = {}) {
  return _refine(ZodMiniCustom, fn, _params);
}
// @__NO_SIDE_EFFECTS__
function superRefine(fn, params) {
  return _superRefine(fn, params);
}
var ZodMiniType, ZodMiniString, ZodMiniNumber, ZodMiniNumberFormat, ZodMiniBoolean, ZodMiniUnknown, ZodMiniArray, ZodMiniObject, ZodMiniRecord, ZodMiniEnum, ZodMiniLiteral, ZodMiniTransform, ZodMiniOptional, ZodMiniNullable, ZodMiniPipe, ZodMiniCustom, init_schemas2 = __esm({
  "node_modules/zod/v4/mini/schemas.js"() {
    init_core2();
    init_util();
    init_parse2();
    ZodMiniType = /* @__PURE__ */ $constructor("ZodMiniType", (inst, def) => {
      if (!inst._zod)
        throw new Error("Uninitialized schema in ZodMiniType.");
      $ZodType.init(inst, def), inst.def = def, inst.type = def.type;
    }, {
      // `with` is an alias for `check`: the same function object, not a wrapper.
      get with() {
        return this.check;
      },
      set with(value) {
        own(this, "with", value);
      },
      parse(data, params) {
        return parse(this, data, params, { callee: this.parse });
      },
      parseAsync(data, params) {
        return parseAsync(this, data, params, { callee: this.parseAsync });
      },
      safeParse(data, params) {
        return safeParse(this, data, params);
      },
      safeParseAsync(data, params) {
        return safeParseAsync(this, data, params);
      },
      check(...checks) {
        let def = this.def;
        return this.clone({
          ...def,
          checks: [
            ...def.checks ?? [],
            ...checks.map((ch) => typeof ch == "function" ? { _zod: { check: ch, def: { check: "custom" }, onattach: [] } } : ch)
          ]
        }, { parent: !0 });
      },
      clone(_def, params) {
        return clone(this, _def, params);
      },
      brand() {
        return this;
      },
      register(reg, meta2) {
        return reg.add(this, meta2), this;
      },
      apply(fn, ...args) {
        return args.length === 0 ? fn(this) : fn(this, ...args);
      }
    }), ZodMiniString = /* @__PURE__ */ $constructor("ZodMiniString", (inst, def) => {
      $ZodString.init(inst, def), ZodMiniType.init(inst, def);
    });
    ZodMiniNumber = /* @__PURE__ */ $constructor("ZodMiniNumber", (inst, def) => {
      $ZodNumber.init(inst, def), ZodMiniType.init(inst, def);
    });
    ZodMiniNumberFormat = /* @__PURE__ */ $constructor("ZodMiniNumberFormat", (inst, def) => {
      $ZodNumberFormat.init(inst, def), ZodMiniNumber.init(inst, def);
    });
    ZodMiniBoolean = /* @__PURE__ */ $constructor("ZodMiniBoolean", (inst, def) => {
      $ZodBoolean.init(inst, def), ZodMiniType.init(inst, def);
    });
    ZodMiniUnknown = /* @__PURE__ */ $constructor("ZodMiniUnknown", (inst, def) => {
      $ZodUnknown.init(inst, def), ZodMiniType.init(inst, def);
    });
    ZodMiniArray = /* @__PURE__ */ $constructor("ZodMiniArray", (inst, def) => {
      $ZodArray.init(inst, def), ZodMiniType.init(inst, def);
    });
    ZodMiniObject = /* @__PURE__ */ $constructor("ZodMiniObject", (inst, def) => {
      $ZodObject.init(inst, def), ZodMiniType.init(inst, def), installLazyProp(inst, "shape", (self) => self._zod.def.shape, !1);
    });
    ZodMiniRecord = /* @__PURE__ */ $constructor("ZodMiniRecord", (inst, def) => {
      $ZodRecord.init(inst, def), ZodMiniType.init(inst, def);
    });
    ZodMiniEnum = /* @__PURE__ */ $constructor("ZodMiniEnum", (inst, def) => {
      $ZodEnum.init(inst, def), ZodMiniType.init(inst, def), inst.options = [...inst._zod.values];
    });
    ZodMiniLiteral = /* @__PURE__ */ $constructor("ZodMiniLiteral", (inst, def) => {
      $ZodLiteral.init(inst, def), ZodMiniType.init(inst, def);
    });
    ZodMiniTransform = /* @__PURE__ */ $constructor("ZodMiniTransform", (inst, def) => {
      $ZodTransform.init(inst, def), ZodMiniType.init(inst, def);
    });
    ZodMiniOptional = /* @__PURE__ */ $constructor("ZodMiniOptional", (inst, def) => {
      $ZodOptional.init(inst, def), ZodMiniType.init(inst, def);
    });
    ZodMiniNullable = /* @__PURE__ */ $constructor("ZodMiniNullable", (inst, def) => {
      $ZodNullable.init(inst, def), ZodMiniType.init(inst, def);
    });
    ZodMiniPipe = /* @__PURE__ */ $constructor("ZodMiniPipe", (inst, def) => {
      $ZodPipe.init(inst, def), ZodMiniType.init(inst, def);
    });
    ZodMiniCustom = /* @__PURE__ */ $constructor("ZodMiniCustom", (inst, def) => {
      $ZodCustom.init(inst, def), ZodMiniType.init(inst, def);
    });
  }
});

// node_modules/zod/v4/mini/checks.js
var init_checks2 = __esm({
  "node_modules/zod/v4/mini/checks.js"() {
    init_core2();
  }
});

// node_modules/zod/v4/mini/iso.js
var init_iso = __esm({
  "node_modules/zod/v4/mini/iso.js"() {
  }
});

// node_modules/zod/v4/mini/coerce.js
var init_coerce = __esm({
  "node_modules/zod/v4/mini/coerce.js"() {
  }
});

// node_modules/zod/v4/mini/external.js
var init_external = __esm({
  "node_modules/zod/v4/mini/external.js"() {
    init_core2();
    init_parse2();
    init_schemas2();
    init_checks2();
    init_core2();
    init_locales();
    init_iso();
    init_coerce();
  }
});

// node_modules/zod/mini/index.js
var init_mini = __esm({
  "node_modules/zod/mini/index.js"() {
    init_external();
  }
});

// scripts/lib/json/zod.ts
var init_zod = __esm({
  "scripts/lib/json/zod.ts"() {
    "use strict";
    init_mini();
    init_en();
    init_mini();
    config(en_default());
  }
});

// scripts/lib/package/manifest-lines.ts
function decodeScalar(raw, dialect) {
  let v2 = raw.trim();
  if (v2.length >= 2 && v2.startsWith('"') && v2.endsWith('"')) {
    let inner = v2.slice(1, -1);
    return dialect === "2.1" ? unescapeV3(inner) : inner;
  }
  return v2.length >= 2 && v2.startsWith("'") && v2.endsWith("'") ? v2.slice(1, -1) : v2;
}
function unescapeV3(s3) {
  return s3.replace(/\\(.)/g, (_m, c) => c === "n" ? `
` : c === "r" ? "\r" : c === "t" ? "	" : c);
}
function sniffDialect(text) {
  let m2 = /^format_version:\s*["']?(\d+)\.(\d+)/m.exec(text);
  return m2 && m2[1] === "2" && Number(m2[2]) >= 1 ? "2.1" : "2.0";
}
function parseManifestLines(text) {
  let dialect = sniffDialect(text), out = /* @__PURE__ */ new Map(), lines = text.split(`
`), section, currentItem, closeSection = () => {
    section = void 0, currentItem = void 0;
  };
  return lines.forEach((rawLine, idx) => {
    let lineNo = idx + 1, line = rawLine.endsWith("\r") ? rawLine.slice(0, -1) : rawLine, trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("#")) return;
    if (!/^\s/.test(line)) {
      let m3 = TOP_KEY.exec(line);
      if (!m3) throw new ManifestSyntaxError(`expected 'key: value', got '${truncate(line)}'`, lineNo);
      let key2 = m3[1], rest = (m3[2] ?? "").trim();
      if (out.has(key2)) throw new ManifestSyntaxError(`duplicate key '${key2}'`, lineNo);
      if (closeSection(), rest === "" || rest === "[]") {
        let value2 = rest === "[]" ? [] : "";
        out.set(key2, value2), rest === "" && (section = { key: key2, kind: "open", value: value2 });
        return;
      }
      out.set(key2, rest === "{}" ? {} : decodeScalar(rest, dialect));
      return;
    }
    if (!section) throw new ManifestSyntaxError(`indented line outside a section: '${truncate(line)}'`, lineNo);
    if (trimmed.startsWith("- ") || trimmed === "-") {
      if (section.kind === "map") throw new ManifestSyntaxError(`list item inside mapping '${section.key}'`, lineNo);
      section.kind === "open" && (section.kind = "list", section.value = [], out.set(section.key, section.value));
      let list = section.value, item = trimmed === "-" ? "" : trimmed.slice(2), kv = /^([A-Za-z_][A-Za-z0-9_-]*):(?:\s+(.*)|\s*)$/.exec(item);
      kv && !/^["']/.test(item) ? (currentItem = { [kv[1]]: decodeScalar(kv[2] ?? "", dialect) }, list.push(currentItem)) : (currentItem = void 0, list.push(dialect === "2.1" ? decodeScalar(item, dialect) : item.trim()));
      return;
    }
    let m2 = NESTED_KEY.exec(line);
    if (!m2) throw new ManifestSyntaxError(`expected 'key: value', got '${truncate(line)}'`, lineNo);
    let key = m2[1], value = decodeScalar(m2[2] ?? "", dialect);
    if (section.kind === "list") {
      if (!currentItem) throw new ManifestSyntaxError(`'${key}:' does not belong to a list item`, lineNo);
      if (key in currentItem) throw new ManifestSyntaxError(`duplicate key '${key}' in a list item`, lineNo);
      currentItem[key] = value;
      return;
    }
    section.kind === "open" && (section.kind = "map", section.value = {}, out.set(section.key, section.value));
    let map = section.value;
    if (key in map) throw new ManifestSyntaxError(`duplicate key '${section.key}.${key}'`, lineNo);
    map[key] = value;
  }), out;
}
function truncate(s3) {
  return s3.length > 60 ? `${s3.slice(0, 57)}...` : s3;
}
var ManifestSyntaxError, TOP_KEY, NESTED_KEY, init_manifest_lines = __esm({
  "scripts/lib/package/manifest-lines.ts"() {
    "use strict";
    ManifestSyntaxError = class extends Error {
      constructor(message, line) {
        super(`manifest.yaml line ${line}: ${message}`);
        this.line = line;
      }
      line;
    }, TOP_KEY = /^([A-Za-z_][A-Za-z0-9_-]*):(?:\s+(.*)|\s*)$/, NESTED_KEY = /^\s+([A-Za-z_][A-Za-z0-9_-]*):(?:\s+(.*)|\s*)$/;
  }
});

// scripts/lib/package/safe-path.ts
function unsafePathReason(p2) {
  if (p2 === "") return "empty path";
  if (p2.includes("\0")) return "contains a NUL byte";
  if (hasControlCharacter(p2)) return "contains a control character";
  if (p2.includes("\\")) return "contains a backslash";
  if (p2.startsWith("/")) return "is an absolute path";
  if (DRIVE.test(p2)) return "starts with a drive letter";
  if (Buffer.byteLength(p2) > 4096) return "is longer than 4096 bytes";
  let segments = p2.split("/");
  for (let s3 of segments) {
    if (s3 === "") return "has an empty path segment";
    if (s3 === "..") return "contains a '..' segment";
    if (s3 === ".") return "contains a '.' segment";
    if (Buffer.byteLength(s3) > 255) return "has a name longer than 255 bytes";
  }
}
function normaliseMemberName(name) {
  let n = name;
  for (; n.startsWith("./"); ) n = n.slice(2);
  if (n === ".") return "";
  for (; n.endsWith("/"); ) n = n.slice(0, -1);
  return n;
}
function compareCodePoints(a, b2) {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b2, "utf8"));
}
var DRIVE, init_safe_path = __esm({
  "scripts/lib/package/safe-path.ts"() {
    "use strict";
    init_untrusted();
    DRIVE = /^[A-Za-z]:/;
  }
});

// scripts/lib/package/manifest.ts
function fail(message, code = "bad_manifest") {
  throw new AliveError(`invalid manifest.yaml: ${inlineText(message)}`, { code });
}
function parseManifest(text) {
  let raw;
  try {
    raw = parseManifestLines(text);
  } catch (err) {
    throw err instanceof ManifestSyntaxError && fail(err.message), err;
  }
  let scalar2 = (key, required2) => {
    let v2 = raw.get(key);
    if (v2 === void 0 || v2 === "") {
      required2 && fail(`missing required field '${key}'`, "missing_field");
      return;
    }
    return typeof v2 != "string" && fail(`'${key}' must be a single value`), v2;
  }, map = (key) => {
    let v2 = raw.get(key);
    if (!(v2 === void 0 || v2 === ""))
      return (typeof v2 != "object" || Array.isArray(v2)) && fail(`'${key}' must be a mapping`), v2;
  }, formatVersion = scalar2("format_version", !0), generation = generationOf(formatVersion), scopeRaw = scalar2("scope", !0), scope = scopeRaw === "capsule" && generation === "v1" ? "bundle" : scopeRaw;
  SCOPES.includes(scope) || fail(`scope '${scopeRaw}' is not one of full, bundle, snapshot`);
  let created = scalar2("created", !0), source = map("source");
  generation !== "v1" && !source?.walnut && fail("missing required field 'source.walnut'", "missing_field");
  let filesRaw = raw.get("files");
  filesRaw === void 0 && fail("missing required field 'files'", "missing_field"), typeof filesRaw != "string" && !Array.isArray(filesRaw) && fail("'files' must be a list");
  let files = [], seen = /* @__PURE__ */ new Set();
  for (let [i, item] of (Array.isArray(filesRaw) ? filesRaw : []).entries()) {
    typeof item != "object" && fail(`files[${i}] must be a mapping with path, sha256 and size`);
    let parsed = fileSchema.safeParse(item);
    if (!parsed.success) {
      let issue2 = parsed.error.issues[0];
      fail(`files[${i}] (${item.path ?? "?"}): ${issue2.path.join(".") || "entry"} ${issue2.message}`);
    }
    let f2 = parsed.data, why = unsafePathReason(f2.path);
    why && fail(`files[${i}] path '${f2.path}' ${why}`, "unsafe_path"), f2.path === MANIFEST_NAME && fail(`files[${i}] lists manifest.yaml itself`), seen.has(f2.path) && fail(`files[${i}] path '${f2.path}' is listed twice`, "duplicate_path"), seen.add(f2.path), files.push(f2);
  }
  let bundlesRaw = raw.get("bundles"), bundles;
  if (bundlesRaw !== void 0 && bundlesRaw !== "") {
    (!Array.isArray(bundlesRaw) || bundlesRaw.some((b2) => typeof b2 != "string")) && fail("'bundles' must be a list of names"), bundles = bundlesRaw;
    for (let b2 of bundles) {
      let why = bundleNameProblem(b2);
      why && fail(`bundle name '${b2}' ${why}`, "unsafe_name");
    }
  }
  scope === "bundle" && (!bundles || bundles.length === 0) && generation !== "v1" && fail("scope 'bundle' needs a non-empty 'bundles' list", "missing_field");
  let encryptedRaw = scalar2("encrypted", !1), encrypted = encryptedRaw !== void 0 && encryptedRaw.toLowerCase() === "true", dialect = sniffDialect(text), payload = scalar2("payload_sha256", !1);
  payload !== void 0 && !HEX64.test(payload) && fail("payload_sha256 must be 64 lowercase hex characters");
  let signatureMap = map("signature"), signature;
  signatureMap && (signature = {
    algorithm: signatureMap.algorithm ?? "",
    signer: signatureMap.signer ?? "",
    value: signatureMap.value ?? ""
  });
  let known = /* @__PURE__ */ new Set([
    "format_version",
    "source",
    "scope",
    "created",
    "encrypted",
    "description",
    "note",
    "files",
    "bundles",
    "relay",
    "payload_sha256",
    "sender",
    "source_layout",
    "signature"
  ]), extra = {};
  for (let [k2, v2] of raw) known.has(k2) || (extra[k2] = v2);
  let text2 = (key) => {
    let v2 = scalar2(key, !1);
    return v2 !== void 0 && dialect === "2.0" ? unescape20(v2) : v2;
  }, m2 = {
    format_version: formatVersion,
    generation,
    source: source ?? {},
    scope,
    created,
    encrypted,
    files,
    extra
  }, description = text2("description");
  description !== void 0 && (m2.description = description);
  let note = text2("note");
  note !== void 0 && (m2.note = note), bundles && (m2.bundles = bundles);
  let relay = map("relay");
  relay && (m2.relay = relay), payload && (m2.payload_sha256 = payload);
  let sender = scalar2("sender", !1);
  sender && (m2.sender = sender);
  let layout = scalar2("source_layout", !1);
  return layout && (m2.source_layout = layout), signature && (m2.signature = signature), m2;
}
function unescape20(s3) {
  return s3.replace(/\\(.)/g, (_m, c) => c === "n" ? `
` : c);
}
function generationOf(version2) {
  let m2 = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(version2.trim());
  if (m2 && m2[1] === "2") return Number(m2[2] ?? 0) >= 1 ? "v3" : "v2";
  if (m2 && m2[1] === "1" && (m2[2] ?? "0") === "1") return "v1";
  throw new AliveError(
    `unsupported package format_version '${inlineText(version2)}': this version of alive reads 2.x packages (and 1.1 capsules); ask the sender to share again with a compatible version, or update alive`,
    { code: "unsupported_version" }
  );
}
function bundleNameProblem(name) {
  return name === "" ? "is empty" : name.includes("/") || name.includes("\\") ? "contains a path separator" : name === "." || name === ".." || name.startsWith(".") ? "starts with a dot" : unsafePathReason(name);
}
function sortFiles(files) {
  return [...files].sort((a, b2) => compareCodePoints(a.path, b2.path));
}
function bareValueProblem(v2) {
  if (/[\r\n]/.test(v2)) return "contains a line break";
  if (v2 !== v2.trim()) return "starts or ends with white space";
  if (v2.length >= 2 && (v2.startsWith('"') && v2.endsWith('"') || v2.startsWith("'") && v2.endsWith("'")))
    return "is wrapped in quotes";
}
function serializeManifest(init) {
  let lines = [];
  lines.push(`format_version: "${FORMAT_VERSION}"`, ""), lines.push("source:", `  walnut: ${init.walnut}`, "  engine: alive-ts", `  plugin_version: "${init.pluginVersion}"`, ""), lines.push(`scope: ${init.scope}`, `created: "${init.created}"`, `encrypted: ${init.encrypted ? "true" : "false"}`), init.payloadSha256 && lines.push(`payload_sha256: "${init.payloadSha256}"`), init.description && lines.push(`description: ${quote(init.description)}`), lines.push("", "files:");
  for (let f2 of init.files) lines.push(`  - path: ${f2.path}`, `    sha256: ${f2.sha256}`, `    size: ${f2.size}`);
  if (init.bundles && init.bundles.length > 0) {
    lines.push("", "bundles:");
    for (let b2 of init.bundles) lines.push(`  - ${b2}`);
  }
  return `${lines.join(`
`)}
`;
}
function utcStamp(d = /* @__PURE__ */ new Date()) {
  return `${d.toISOString().slice(0, 19)}Z`;
}
var FORMAT_VERSION, MANIFEST_NAME, SCOPES, HEX64, fileSchema, quote, init_manifest = __esm({
  "scripts/lib/package/manifest.ts"() {
    "use strict";
    init_zod();
    init_errors();
    init_manifest_lines();
    init_safe_path();
    init_untrusted();
    FORMAT_VERSION = "2.0.0", MANIFEST_NAME = "manifest.yaml", SCOPES = ["full", "bundle", "snapshot"], HEX64 = /^[0-9a-f]{64}$/;
    fileSchema = object({
      path: string2(),
      sha256: string2().check(_regex(HEX64, "sha256 must be 64 lowercase hex characters")),
      size: pipe(string2().check(_regex(/^\d+$/, "size must be a whole number")), transform(Number))
    });
    quote = (s3) => `"${s3.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`;
  }
});

// scripts/lib/package/collect.ts
function excludedName(name) {
  if (JUNK.has(name)) return name === "now.json" ? "now.json is regenerated by the receiver" : "never packed";
  if (name.startsWith("._")) return "macOS metadata";
  if (name.startsWith(".env")) return "environment files hold secrets";
}
function excludedPath(rel) {
  return /(^|\/)_kernel\/_generated(\/|$)/.test(rel) || /(^|\/)\.alive\/_squirrels(\/|$)/.test(rel);
}
function loadIgnore(walnut) {
  let file2 = (0, import_node_path4.join)(walnut, ".walnutignore");
  if ((0, import_node_fs4.existsSync)(file2))
    return (0, import_ignore.default)().add((0, import_node_fs4.readFileSync)(file2, "utf8"));
}
function collectWalnut(opts) {
  let walnut = opts.walnut, walnutReal;
  try {
    walnutReal = (0, import_node_fs4.realpathSync)(walnut);
  } catch (err) {
    throw new AliveError(`walnut folder ${walnut} does not exist (${errnoCode(err) ?? "unreadable"})`, { code: "no_walnut" });
  }
  if (!(0, import_node_fs4.statSync)(walnutReal).isDirectory()) throw new AliveError(`${walnut} is not a folder`, { code: "no_walnut" });
  if (!isWalnut(walnutReal))
    throw new AliveError(`${walnut} is not a walnut: it has no _kernel/key.md. Point --walnut at a walnut folder`, {
      code: "no_walnut"
    });
  let ig = loadIgnore(walnutReal), result2 = { files: [], bundles: [], heldBack: [], skipped: [] }, ctx = { walnutReal, ig, result: result2, allowSensitive: opts.allowSensitive }, addKernel = (name, required2) => {
    let rel = `_kernel/${name}`, abs = (0, import_node_path4.join)(walnutReal, "_kernel", name);
    if (!(0, import_node_fs4.existsSync)(abs)) {
      if (required2) throw new AliveError(`${rel} is missing from ${walnut}`, { code: "no_walnut" });
      return;
    }
    addEntry(ctx, abs, rel, rel);
  }, all = listBundles(walnutReal), byName = /* @__PURE__ */ new Map();
  for (let b2 of all) {
    let prior = byName.get(b2.name);
    if (prior)
      throw new AliveError(
        `two bundles are named '${b2.name}' (${prior.relPath}/ and ${b2.relPath}/); rename one before sharing`,
        { code: "bundle_collision" }
      );
    byName.set(b2.name, b2);
  }
  if (opts.scope !== "bundle" && opts.bundles.length > 0)
    throw new AliveError("--bundle only goes with --scope bundle", { code: "usage", exitCode: 2 });
  if (opts.scope === "snapshot")
    addKernel("key.md", !0), addKernel("insights.md", !1);
  else if (opts.scope === "bundle") {
    if (opts.bundles.length === 0) throw new AliveError("--scope bundle needs at least one --bundle NAME", { code: "usage", exitCode: 2 });
    let seen = /* @__PURE__ */ new Set();
    for (let name of opts.bundles) {
      let why = bundleNameProblem(name);
      if (why) throw new AliveError(`bundle name '${name}' ${why}; give the bundle's folder name`, { code: "usage", exitCode: 2 });
      if (seen.has(name)) throw new AliveError(`bundle '${name}' is named twice`, { code: "usage", exitCode: 2 });
      if (seen.add(name), !byName.has(name)) {
        let names = all.map((b2) => b2.name).join(", ") || "none";
        throw new AliveError(`bundle '${name}' not found in ${walnut} (bundles here: ${names})`, { code: "no_bundle" });
      }
    }
    let sensitive = opts.bundles.map((n) => ({ n, s: bundleSensitivity((0, import_node_path4.join)(walnutReal, byName.get(n).relPath)) })).filter((x) => x.s.sensitive);
    if (sensitive.length > 0 && !opts.allowSensitive)
      throw new AliveError(
        `bundle${sensitive.length > 1 ? "s" : ""} ${sensitive.map((x) => `'${x.n}' (${x.s.reason})`).join(", ")} ${sensitive.length > 1 ? "are" : "is"} marked sensitive; confirm with the owner and pass --allow-sensitive to share anyway`,
        { code: "sensitive" }
      );
    addKernel("key.md", !0);
    for (let name of opts.bundles) addBundle(ctx, byName.get(name));
  } else {
    addKernel("key.md", !0);
    for (let e of (0, import_node_fs4.readdirSync)((0, import_node_path4.join)(walnutReal, "_kernel")))
      e === "key.md" || KERNEL_EXCLUDES.has(e) || e.startsWith(".") || addEntry(ctx, (0, import_node_path4.join)(walnutReal, "_kernel", e), `_kernel/${e}`, `_kernel/${e}`);
    for (let b2 of all) addBundle(ctx, b2);
    let bundleRoots = new Set(all.filter((b2) => b2.layout === "v3").map((b2) => b2.name));
    for (let e of (0, import_node_fs4.readdirSync)(walnutReal))
      ROOT_EXCLUDES.has(e) || e.startsWith(".") || bundleRoots.has(e) || addEntry(ctx, (0, import_node_path4.join)(walnutReal, e), e, e);
  }
  return result2.files = sortFiles(result2.files), result2;
}
function addBundle(ctx, b2) {
  let abs = (0, import_node_path4.join)(ctx.walnutReal, b2.relPath), s3 = bundleSensitivity(abs);
  if (s3.sensitive && !ctx.allowSensitive) {
    ctx.result.heldBack.push({ bundle: b2.name, reason: s3.reason ?? "sensitive" });
    return;
  }
  ctx.result.bundles.push(b2.name), walkDir(ctx, abs, b2.relPath, `bundles/${b2.name}`);
}
function addEntry(ctx, abs, rel, pkgPath) {
  let name = rel.slice(rel.lastIndexOf("/") + 1);
  if (excludedName(name) || excludedPath(rel)) return;
  let st2;
  try {
    st2 = (0, import_node_fs4.lstatSync)(abs);
  } catch {
    return;
  }
  if (!ctx.ig?.ignores(st2.isDirectory() ? `${rel}/` : rel)) {
    if (st2.isSymbolicLink()) {
      let real;
      try {
        real = (0, import_node_fs4.realpathSync)(abs);
      } catch {
        ctx.result.skipped.push({ path: rel, reason: "broken symlink" });
        return;
      }
      if (real !== ctx.walnutReal && !real.startsWith(ctx.walnutReal + import_node_path4.sep)) {
        ctx.result.skipped.push({ path: rel, reason: "symlink points outside the walnut" });
        return;
      }
      let target = (0, import_node_fs4.statSync)(real);
      if (!target.isFile()) {
        ctx.result.skipped.push({ path: rel, reason: "symlink to a folder (not followed)" });
        return;
      }
      pushFile(ctx, real, rel, pkgPath, target);
      return;
    }
    if (st2.isDirectory()) {
      walkDir(ctx, abs, rel, pkgPath);
      return;
    }
    if (st2.isFile()) {
      pushFile(ctx, abs, rel, pkgPath, st2);
      return;
    }
    ctx.result.skipped.push({ path: rel, reason: "not a regular file" });
  }
}
function walkDir(ctx, abs, rel, pkgPath) {
  if (excludedPath(rel)) return;
  let topOfBundle = pkgPath.split("/").length === 2 && pkgPath.startsWith("bundles/");
  if (rel.includes("/") || !topOfBundle) {
    if (isWalnut(abs) && abs !== ctx.walnutReal) {
      ctx.result.skipped.push({ path: rel, reason: "nested walnut (share it on its own)" });
      return;
    }
    if (!topOfBundle && (0, import_node_fs4.existsSync)((0, import_node_path4.join)(abs, BUNDLE_MANIFEST))) {
      let s3 = bundleSensitivity(abs);
      if (s3.sensitive && !ctx.allowSensitive) {
        ctx.result.heldBack.push({ bundle: rel, reason: s3.reason ?? "sensitive" });
        return;
      }
    }
  }
  let names;
  try {
    names = (0, import_node_fs4.readdirSync)(abs);
  } catch (err) {
    throw new AliveError(`cannot read folder ${rel} (${errnoCode(err) ?? "error"})`, { code: "unreadable" });
  }
  for (let n of names) addEntry(ctx, (0, import_node_path4.join)(abs, n), `${rel}/${n}`, `${pkgPath}/${n}`);
}
function pushFile(ctx, source, rel, pkgPath, st2) {
  {
    let why = bareValueProblem(pkgPath) ?? (hasControlCharacter(pkgPath) || pkgPath.includes("\\") ? "contains a control character or backslash" : void 0);
    if (why)
      throw new AliveError(
        `cannot pack '${rel}': its name ${why}, which the package manifest cannot record; rename it or add it to .walnutignore`,
        { code: "unpackable_name" }
      );
  }
  ctx.result.files.push({
    path: pkgPath,
    source,
    yaml: /\.ya?ml$/i.test(pkgPath),
    mode: st2.mode & 73 ? 493 : 420,
    mtimeSec: Math.floor(st2.mtimeMs / 1e3),
    diskSize: st2.size
  });
}
var import_node_fs4, import_node_path4, import_ignore, ROOT_EXCLUDES, KERNEL_EXCLUDES, JUNK, init_collect = __esm({
  "scripts/lib/package/collect.ts"() {
    "use strict";
    import_node_fs4 = __toESM(require_node_fs(), 1), import_node_path4 = __toESM(require_node_path(), 1), import_ignore = __toESM(require_ignore(), 1);
    init_errors();
    init_untrusted();
    init_layout();
    init_manifest();
    ROOT_EXCLUDES = /* @__PURE__ */ new Set(["_kernel", "bundles", "_core", ".alive", ".git", "__pycache__", "node_modules"]), KERNEL_EXCLUDES = /* @__PURE__ */ new Set(["now.json", "_generated", "imports.json", "history", "links.yaml", "people.yaml"]), JUNK = /* @__PURE__ */ new Set([".DS_Store", "Thumbs.db", "desktop.ini", "Icon\r", "__MACOSX", ".git", "now.json"]);
  }
});

// scripts/lib/package/yaml-strip.ts
var import_node_stream3, KEY, ActiveSessionsStripper, init_yaml_strip = __esm({
  "scripts/lib/package/yaml-strip.ts"() {
    "use strict";
    import_node_stream3 = __toESM(require_node_stream(), 1), KEY = Buffer.from("active_sessions:"), ActiveSessionsStripper = class extends import_node_stream3.Transform {
      carry = Buffer.alloc(0);
      inBlock = !1;
      _transform(chunk, _enc, cb) {
        let data = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk, start = 0, out = [];
        for (; ; ) {
          let nl = data.indexOf(10, start);
          if (nl === -1) break;
          let line = data.subarray(start, nl + 1);
          this.keep(line) && out.push(line), start = nl + 1;
        }
        this.carry = Buffer.from(data.subarray(start)), out.length && this.push(out.length === 1 ? out[0] : Buffer.concat(out)), cb();
      }
      _flush(cb) {
        this.carry.length && this.keep(this.carry) && this.push(this.carry), this.carry = Buffer.alloc(0), cb();
      }
      keep(line) {
        if (this.inBlock) {
          let first = line[0];
          if (first === 32 || first === 9 || first === 45 && (line[1] === 32 || line[1] === 10 || line[1] === 13)) return !1;
          this.inBlock = !1;
        }
        return line.subarray(0, KEY.length).equals(KEY) ? (this.inBlock = !0, !1) : !0;
      }
    };
  }
});

// scripts/lib/package/file-source.ts
function openPackedBytes(file2) {
  let raw = (0, import_node_fs5.createReadStream)(file2.source, { highWaterMark: readBufferSize(file2.diskSize) });
  if (!file2.yaml) return raw;
  let stripper = new ActiveSessionsStripper();
  return raw.on("error", (err) => stripper.destroy(err)), raw.pipe(stripper);
}
function readBufferSize(size) {
  return size >= 0 ? Math.min(MAX_READ_BUFFER, Math.max(1024, size + 1)) : MAX_READ_BUFFER;
}
function unreadable(file2, err) {
  return err instanceof AliveError || !errnoCode(err) ? err : new AliveError(
    `cannot read ${file2.path} (${errnoCode(err)}); fix its permissions or add it to .walnutignore, then try again`,
    { code: "unreadable", cause: err }
  );
}
async function digestPackedBytes(file2) {
  let hash = (0, import_node_crypto7.createHash)("sha256"), size = 0;
  try {
    for await (let chunk of openPackedBytes(file2))
      hash.update(chunk), size += chunk.length;
  } catch (err) {
    throw unreadable(file2, err);
  }
  return { sha256: hash.digest("hex"), size };
}
async function* packedBytesChecked(file2, expected) {
  let hash = (0, import_node_crypto7.createHash)("sha256");
  try {
    for await (let chunk of openPackedBytes(file2))
      hash.update(chunk), yield chunk;
  } catch (err) {
    throw unreadable(file2, err);
  }
  if (hash.digest("hex") !== expected.sha256)
    throw new AliveError(`${file2.path} changed while it was being packed; try again`, { code: "changed_while_packing" });
}
var import_node_fs5, import_node_crypto7, MAX_READ_BUFFER, init_file_source = __esm({
  "scripts/lib/package/file-source.ts"() {
    "use strict";
    import_node_fs5 = __toESM(require_node_fs(), 1), import_node_crypto7 = __toESM(require_node_crypto(), 1);
    init_errors();
    init_yaml_strip();
    MAX_READ_BUFFER = 256 * 1024;
  }
});

// lazy-builtin:node:fs/promises
var require_promises = __commonJS({
  "lazy-builtin:node:fs/promises"(exports, module) {
    module.exports = __require("node:fs/promises");
  }
});

// lazy-builtin:node:zlib
var require_node_zlib = __commonJS({
  "lazy-builtin:node:zlib"(exports, module) {
    module.exports = __require("node:zlib");
  }
});

// scripts/lib/package/gzip-writer.ts
function levelFor(block, level) {
  if (block.length < 4 * SAMPLE) return level;
  let offsets = [0, Math.floor(block.length / 2) - SAMPLE / 2, block.length - SAMPLE];
  for (let off of offsets) {
    let sample = block.subarray(off, off + SAMPLE);
    if ((0, import_node_zlib.deflateRawSync)(sample, { level: 1 }).length < sample.length * 0.97) return level;
  }
  return 0;
}
function compressBlock(block, level) {
  return new Promise((resolve11, reject) => {
    let chunkSize = Math.max(65536, block.length + (block.length >> 8) + 1024);
    (0, import_node_zlib.gzip)(
      block,
      { level: levelFor(block, level), memLevel: 8, strategy: import_node_zlib.constants.Z_DEFAULT_STRATEGY, chunkSize },
      (err, out) => err ? reject(err) : resolve11(out)
    );
  });
}
var import_node_zlib, import_node_os, SAMPLE, DEFAULT_LEVEL, ParallelGzipWriter, init_gzip_writer = __esm({
  "scripts/lib/package/gzip-writer.ts"() {
    "use strict";
    import_node_zlib = __toESM(require_node_zlib(), 1), import_node_os = __toESM(require_node_os(), 1), SAMPLE = 8 * 1024, DEFAULT_LEVEL = 5;
    ParallelGzipWriter = class {
      constructor(sink, options = {}) {
        this.sink = sink;
        this.blockSize = options.blockSize ?? 1024 * 1024, this.level = options.level ?? DEFAULT_LEVEL, this.concurrency = options.concurrency ?? (0, import_node_os.availableParallelism)() + 1;
      }
      sink;
      blockSize;
      level;
      concurrency;
      chunks = [];
      buffered = 0;
      inFlight = [];
      /** Uncompressed bytes accepted so far. */
      bytesIn = 0;
      async write(chunk) {
        chunk.length !== 0 && (this.chunks.push(chunk), this.buffered += chunk.length, this.bytesIn += chunk.length, this.buffered >= this.blockSize && await this.dispatch());
      }
      async end() {
        for ((this.buffered > 0 || this.bytesIn === 0) && await this.dispatch(); this.inFlight.length > 0; ) await this.drainOne();
      }
      async dispatch() {
        let block = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.buffered);
        this.chunks = [], this.buffered = 0;
        let job = compressBlock(block, this.level);
        for (job.catch(() => {
        }), this.inFlight.push(job); this.inFlight.length >= this.concurrency; ) await this.drainOne();
      }
      async drainOne() {
        let out = await this.inFlight.shift();
        await this.sink(out);
      }
    };
  }
});

// lazy-builtin:node:events
var require_node_events = __commonJS({
  "lazy-builtin:node:events"(exports, module) {
    module.exports = __require("node:events");
  }
});

// lazy-builtin:node:string_decoder
var require_node_string_decoder = __commonJS({
  "lazy-builtin:node:string_decoder"(exports, module) {
    module.exports = __require("node:string_decoder");
  }
});

// lazy-builtin:node:assert
var require_node_assert = __commonJS({
  "lazy-builtin:node:assert"(exports, module) {
    module.exports = __require("node:assert");
  }
});

// lazy-builtin:node:buffer
var require_node_buffer = __commonJS({
  "lazy-builtin:node:buffer"(exports, module) {
    module.exports = __require("node:buffer");
  }
});

// node_modules/tar/dist/esm/index.min.js
function Zn(s3, t, e) {
  let i = t, r = t ? t.next : s3.head, n = new ue(e, i, r, s3);
  return n.next === void 0 && (s3.tail = n), n.prev === void 0 && (s3.head = n), s3.length++, n;
}
function Yn(s3, t) {
  s3.tail = new ue(t, s3.tail, void 0, s3), s3.head || (s3.head = s3.tail), s3.length++;
}
function Kn(s3, t) {
  s3.head = new ue(t, void 0, s3.head, s3), s3.tail || (s3.tail = s3.head), s3.length++;
}
var import_events, import_fs, import_node_events, import_node_stream4, import_node_string_decoder, import_node_path5, import_node_fs6, import_path, import_events2, import_assert, import_buffer, Ps, import_zlib, import_node_path6, import_node_path7, import_fs2, import_fs3, import_path2, import_node_path8, import_path3, import_node_fs7, import_node_assert, import_node_crypto8, import_node_fs8, import_node_path9, import_fs4, import_node_fs9, import_node_path10, import_node_fs10, import_promises, import_node_path11, import_node_path12, import_node_fs11, import_node_path13, zr, Ur, Ds, Wr, Gr, Zr, Q, J, nt, De, qt, Ne, Ns, Ae, As, z, Mt, g, Qt, Bt, b, N, _, bi, Ie, L, S, _i, Oi, Is, Ti, Z, xi, Ce, Jt, Rt, C, jt, Yr, Kr, Vr, $r, Fe, Li, Xr, qr, A, Jr, ht, H, te, m, Ni, tt, Ai, ki, vi, ie, ke, Ut, Ht, Ii, Pt, at, U, ot, Y, zt, Ci, j, ee, Fi, ve, gt, Me, bt, _t, Be, et, Wt, jr, Fs, ks, vs, Ms, Bs, tn, se, K, sn, M, rn, zs, nn, Bi, Tt, Gt, Pi, re, Pe, ze, Ue, He, We, Ge, Ze, Ye, Ke, Us, hn, an, Hs, ln, cn, Ws, Gs, Hi, ne, dn, Ui, oe, Ve, un, F, mn, xt, Wi, pn, lt, En, wn, Sn, ct, yn, Rn, gn, Gi, bn, Lt, ft, On, Tn, xn, Ln, f, $e, Dt, Nn, Xi, qi, An, B, Nt, it, Zi, Zs, V, he, dt, Ys, p, st, ut, Yi, At, w, Xe, qe, Ki, Ks, Vs, ae, Vi, Qe, Yt, $, Je, It, je, ti, $s, In, le, $i, Xs, Cn, rt, mt, vn, Qi, Mn, Bn, Ct, Ji, zn, qs, ce, ei, ji, Un, Hn, ts, Qs, rr, Wn, tr, er, ir, is, sr, fe, ii, ss, si, rs, ns, os, hs, pt, ri, as, es, q, de, ni, oi, Gn, hi, ue, pi, nr, li, me, W, pe, Et, Ft, Ee, ai, G, ls, ci, or, ds, us, fi, di, hr, cs, ui, lr, fs, wt, kt, Vn, $n, fr, dr, Xn, qn, Qn, Jn, Er, wr, ur, Sr, yr, Rr, jn, to, eo, mr, ms, ps, Ei, io, Es, so, ws, Se, St, no, gr, Ss, br, oo, _r, ys, Or, Vt, Tr, ho, ao, lo, yi, Lr, Dr, _s, Nr, Os, P, Ts, xs, gi, Ar, Ir, Re, Cr, Fr, Rs, yt, O, Ri, kr, $t, gs, bs, Ls, ge, be, _e, Oe, fo, Te, uo, mo, po, vr, Xt, ye, xe, Eo, wo, So, yo, Ro, go, bo, _o, vt, Oo, To, init_index_min = __esm({
  "node_modules/tar/dist/esm/index.min.js"() {
    import_events = __toESM(require_node_events(), 1), import_fs = __toESM(require_node_fs(), 1), import_node_events = __toESM(require_node_events(), 1), import_node_stream4 = __toESM(require_node_stream(), 1), import_node_string_decoder = __toESM(require_node_string_decoder(), 1), import_node_path5 = __toESM(require_node_path(), 1), import_node_fs6 = __toESM(require_node_fs(), 1), import_path = __toESM(require_node_path(), 1), import_events2 = __toESM(require_node_events(), 1), import_assert = __toESM(require_node_assert(), 1), import_buffer = __toESM(require_node_buffer(), 1), Ps = __toESM(require_node_zlib(), 1), import_zlib = __toESM(require_node_zlib(), 1), import_node_path6 = __toESM(require_node_path(), 1), import_node_path7 = __toESM(require_node_path(), 1), import_fs2 = __toESM(require_node_fs(), 1), import_fs3 = __toESM(require_node_fs(), 1), import_path2 = __toESM(require_node_path(), 1), import_node_path8 = __toESM(require_node_path(), 1), import_path3 = __toESM(require_node_path(), 1), import_node_fs7 = __toESM(require_node_fs(), 1), import_node_assert = __toESM(require_node_assert(), 1), import_node_crypto8 = __toESM(require_node_crypto(), 1), import_node_fs8 = __toESM(require_node_fs(), 1), import_node_path9 = __toESM(require_node_path(), 1), import_fs4 = __toESM(require_node_fs(), 1), import_node_fs9 = __toESM(require_node_fs(), 1), import_node_path10 = __toESM(require_node_path(), 1), import_node_fs10 = __toESM(require_node_fs(), 1), import_promises = __toESM(require_promises(), 1), import_node_path11 = __toESM(require_node_path(), 1), import_node_path12 = __toESM(require_node_path(), 1), import_node_fs11 = __toESM(require_node_fs(), 1), import_node_path13 = __toESM(require_node_path(), 1), zr = Object.defineProperty, Ur = (s3, t) => {
      for (var e in t) zr(s3, e, { get: t[e], enumerable: !0 });
    }, Ds = typeof process == "object" && process ? process : { stdout: null, stderr: null }, Wr = (s3) => !!s3 && typeof s3 == "object" && (s3 instanceof A || s3 instanceof import_node_stream4.default || Gr(s3) || Zr(s3)), Gr = (s3) => !!s3 && typeof s3 == "object" && s3 instanceof import_node_events.EventEmitter && typeof s3.pipe == "function" && s3.pipe !== import_node_stream4.default.Writable.prototype.pipe, Zr = (s3) => !!s3 && typeof s3 == "object" && s3 instanceof import_node_events.EventEmitter && typeof s3.write == "function" && typeof s3.end == "function", Q = /* @__PURE__ */ Symbol("EOF"), J = /* @__PURE__ */ Symbol("maybeEmitEnd"), nt = /* @__PURE__ */ Symbol("emittedEnd"), De = /* @__PURE__ */ Symbol("emittingEnd"), qt = /* @__PURE__ */ Symbol("emittedError"), Ne = /* @__PURE__ */ Symbol("closed"), Ns = /* @__PURE__ */ Symbol("read"), Ae = /* @__PURE__ */ Symbol("flush"), As = /* @__PURE__ */ Symbol("flushChunk"), z = /* @__PURE__ */ Symbol("encoding"), Mt = /* @__PURE__ */ Symbol("decoder"), g = /* @__PURE__ */ Symbol("flowing"), Qt = /* @__PURE__ */ Symbol("paused"), Bt = /* @__PURE__ */ Symbol("resume"), b = /* @__PURE__ */ Symbol("buffer"), N = /* @__PURE__ */ Symbol("pipes"), _ = /* @__PURE__ */ Symbol("bufferLength"), bi = /* @__PURE__ */ Symbol("bufferPush"), Ie = /* @__PURE__ */ Symbol("bufferShift"), L = /* @__PURE__ */ Symbol("objectMode"), S = /* @__PURE__ */ Symbol("destroyed"), _i = /* @__PURE__ */ Symbol("error"), Oi = /* @__PURE__ */ Symbol("emitData"), Is = /* @__PURE__ */ Symbol("emitEnd"), Ti = /* @__PURE__ */ Symbol("emitEnd2"), Z = /* @__PURE__ */ Symbol("async"), xi = /* @__PURE__ */ Symbol("abort"), Ce = /* @__PURE__ */ Symbol("aborted"), Jt = /* @__PURE__ */ Symbol("signal"), Rt = /* @__PURE__ */ Symbol("dataListeners"), C = /* @__PURE__ */ Symbol("discarded"), jt = (s3) => Promise.resolve().then(s3), Yr = (s3) => s3(), Kr = (s3) => s3 === "end" || s3 === "finish" || s3 === "prefinish", Vr = (s3) => s3 instanceof ArrayBuffer || !!s3 && typeof s3 == "object" && s3.constructor && s3.constructor.name === "ArrayBuffer" && s3.byteLength >= 0, $r = (s3) => !Buffer.isBuffer(s3) && ArrayBuffer.isView(s3), Fe = class {
      src;
      dest;
      opts;
      ondrain;
      constructor(t, e, i) {
        this.src = t, this.dest = e, this.opts = i, this.ondrain = () => t[Bt](), this.dest.on("drain", this.ondrain);
      }
      unpipe() {
        this.dest.removeListener("drain", this.ondrain);
      }
      proxyErrors(t) {
      }
      end() {
        this.unpipe(), this.opts.end && this.dest.end();
      }
    }, Li = class extends Fe {
      unpipe() {
        this.src.removeListener("error", this.proxyErrors), super.unpipe();
      }
      constructor(t, e, i) {
        super(t, e, i), this.proxyErrors = (r) => this.dest.emit("error", r), t.on("error", this.proxyErrors);
      }
    }, Xr = (s3) => !!s3.objectMode, qr = (s3) => !s3.objectMode && !!s3.encoding && s3.encoding !== "buffer", A = class extends import_node_events.EventEmitter {
      [g] = !1;
      [Qt] = !1;
      [N] = [];
      [b] = [];
      [L];
      [z];
      [Z];
      [Mt];
      [Q] = !1;
      [nt] = !1;
      [De] = !1;
      [Ne] = !1;
      [qt] = null;
      [_] = 0;
      [S] = !1;
      [Jt];
      [Ce] = !1;
      [Rt] = 0;
      [C] = !1;
      writable = !0;
      readable = !0;
      constructor(...t) {
        let e = t[0] || {};
        if (super(), e.objectMode && typeof e.encoding == "string") throw new TypeError("Encoding and objectMode may not be used together");
        Xr(e) ? (this[L] = !0, this[z] = null) : qr(e) ? (this[z] = e.encoding, this[L] = !1) : (this[L] = !1, this[z] = null), this[Z] = !!e.async, this[Mt] = this[z] ? new import_node_string_decoder.StringDecoder(this[z]) : null, e && e.debugExposeBuffer === !0 && Object.defineProperty(this, "buffer", { get: () => this[b] }), e && e.debugExposePipes === !0 && Object.defineProperty(this, "pipes", { get: () => this[N] });
        let { signal: i } = e;
        i && (this[Jt] = i, i.aborted ? this[xi]() : i.addEventListener("abort", () => this[xi]()));
      }
      get bufferLength() {
        return this[_];
      }
      get encoding() {
        return this[z];
      }
      set encoding(t) {
        throw new Error("Encoding must be set at instantiation time");
      }
      setEncoding(t) {
        throw new Error("Encoding must be set at instantiation time");
      }
      get objectMode() {
        return this[L];
      }
      set objectMode(t) {
        throw new Error("objectMode must be set at instantiation time");
      }
      get async() {
        return this[Z];
      }
      set async(t) {
        this[Z] = this[Z] || !!t;
      }
      [xi]() {
        this[Ce] = !0, this.emit("abort", this[Jt]?.reason), this.destroy(this[Jt]?.reason);
      }
      get aborted() {
        return this[Ce];
      }
      set aborted(t) {
      }
      write(t, e, i) {
        if (this[Ce]) return !1;
        if (this[Q]) throw new Error("write after end");
        if (this[S]) return this.emit("error", Object.assign(new Error("Cannot call write after a stream was destroyed"), { code: "ERR_STREAM_DESTROYED" })), !0;
        typeof e == "function" && (i = e, e = "utf8"), e || (e = "utf8");
        let r = this[Z] ? jt : Yr;
        if (!this[L] && !Buffer.isBuffer(t)) {
          if ($r(t)) t = Buffer.from(t.buffer, t.byteOffset, t.byteLength);
          else if (Vr(t)) t = Buffer.from(t);
          else if (typeof t != "string") throw new Error("Non-contiguous data written to non-objectMode stream");
        }
        return this[L] ? (this[g] && this[_] !== 0 && this[Ae](!0), this[g] ? this.emit("data", t) : this[bi](t), this[_] !== 0 && this.emit("readable"), i && r(i), this[g]) : t.length ? (typeof t == "string" && !(e === this[z] && !this[Mt]?.lastNeed) && (t = Buffer.from(t, e)), Buffer.isBuffer(t) && this[z] && (t = this[Mt].write(t)), this[g] && this[_] !== 0 && this[Ae](!0), this[g] ? this.emit("data", t) : this[bi](t), this[_] !== 0 && this.emit("readable"), i && r(i), this[g]) : (this[_] !== 0 && this.emit("readable"), i && r(i), this[g]);
      }
      read(t) {
        if (this[S]) return null;
        if (this[C] = !1, this[_] === 0 || t === 0 || t && t > this[_]) return this[J](), null;
        this[L] && (t = null), this[b].length > 1 && !this[L] && (this[b] = [this[z] ? this[b].join("") : Buffer.concat(this[b], this[_])]);
        let e = this[Ns](t || null, this[b][0]);
        return this[J](), e;
      }
      [Ns](t, e) {
        if (this[L]) this[Ie]();
        else {
          let i = e;
          t === i.length || t === null ? this[Ie]() : typeof i == "string" ? (this[b][0] = i.slice(t), e = i.slice(0, t), this[_] -= t) : (this[b][0] = i.subarray(t), e = i.subarray(0, t), this[_] -= t);
        }
        return this.emit("data", e), !this[b].length && !this[Q] && this.emit("drain"), e;
      }
      end(t, e, i) {
        return typeof t == "function" && (i = t, t = void 0), typeof e == "function" && (i = e, e = "utf8"), t !== void 0 && this.write(t, e), i && this.once("end", i), this[Q] = !0, this.writable = !1, (this[g] || !this[Qt]) && this[J](), this;
      }
      [Bt]() {
        this[S] || (!this[Rt] && !this[N].length && (this[C] = !0), this[Qt] = !1, this[g] = !0, this.emit("resume"), this[b].length ? this[Ae]() : this[Q] ? this[J]() : this.emit("drain"));
      }
      resume() {
        return this[Bt]();
      }
      pause() {
        this[g] = !1, this[Qt] = !0, this[C] = !1;
      }
      get destroyed() {
        return this[S];
      }
      get flowing() {
        return this[g];
      }
      get paused() {
        return this[Qt];
      }
      [bi](t) {
        this[L] ? this[_] += 1 : this[_] += t.length, this[b].push(t);
      }
      [Ie]() {
        return this[L] ? this[_] -= 1 : this[_] -= this[b][0].length, this[b].shift();
      }
      [Ae](t = !1) {
        do
          ;
        while (this[As](this[Ie]()) && this[b].length);
        !t && !this[b].length && !this[Q] && this.emit("drain");
      }
      [As](t) {
        return this.emit("data", t), this[g];
      }
      pipe(t, e) {
        if (this[S]) return t;
        this[C] = !1;
        let i = this[nt];
        return e = e || {}, t === Ds.stdout || t === Ds.stderr ? e.end = !1 : e.end = e.end !== !1, e.proxyErrors = !!e.proxyErrors, i ? e.end && t.end() : (this[N].push(e.proxyErrors ? new Li(this, t, e) : new Fe(this, t, e)), this[Z] ? jt(() => this[Bt]()) : this[Bt]()), t;
      }
      unpipe(t) {
        let e = this[N].find((i) => i.dest === t);
        e && (this[N].length === 1 ? (this[g] && this[Rt] === 0 && (this[g] = !1), this[N] = []) : this[N].splice(this[N].indexOf(e), 1), e.unpipe());
      }
      addListener(t, e) {
        return this.on(t, e);
      }
      on(t, e) {
        let i = super.on(t, e);
        if (t === "data") this[C] = !1, this[Rt]++, !this[N].length && !this[g] && this[Bt]();
        else if (t === "readable" && this[_] !== 0) super.emit("readable");
        else if (Kr(t) && this[nt]) super.emit(t), this.removeAllListeners(t);
        else if (t === "error" && this[qt]) {
          let r = e;
          this[Z] ? jt(() => r.call(this, this[qt])) : r.call(this, this[qt]);
        }
        return i;
      }
      removeListener(t, e) {
        return this.off(t, e);
      }
      off(t, e) {
        let i = super.off(t, e);
        return t === "data" && (this[Rt] = this.listeners("data").length, this[Rt] === 0 && !this[C] && !this[N].length && (this[g] = !1)), i;
      }
      removeAllListeners(t) {
        let e = super.removeAllListeners(t);
        return (t === "data" || t === void 0) && (this[Rt] = 0, !this[C] && !this[N].length && (this[g] = !1)), e;
      }
      get emittedEnd() {
        return this[nt];
      }
      [J]() {
        !this[De] && !this[nt] && !this[S] && this[b].length === 0 && this[Q] && (this[De] = !0, this.emit("end"), this.emit("prefinish"), this.emit("finish"), this[Ne] && this.emit("close"), this[De] = !1);
      }
      emit(t, ...e) {
        let i = e[0];
        if (t !== "error" && t !== "close" && t !== S && this[S]) return !1;
        if (t === "data") return !this[L] && !i ? !1 : this[Z] ? (jt(() => this[Oi](i)), !0) : this[Oi](i);
        if (t === "end") return this[Is]();
        if (t === "close") {
          if (this[Ne] = !0, !this[nt] && !this[S]) return !1;
          let n = super.emit("close");
          return this.removeAllListeners("close"), n;
        } else if (t === "error") {
          this[qt] = i, super.emit(_i, i);
          let n = !this[Jt] || this.listeners("error").length ? super.emit("error", i) : !1;
          return this[J](), n;
        } else if (t === "resume") {
          let n = super.emit("resume");
          return this[J](), n;
        } else if (t === "finish" || t === "prefinish") {
          let n = super.emit(t);
          return this.removeAllListeners(t), n;
        }
        let r = super.emit(t, ...e);
        return this[J](), r;
      }
      [Oi](t) {
        for (let i of this[N]) i.dest.write(t) === !1 && this.pause();
        let e = this[C] ? !1 : super.emit("data", t);
        return this[J](), e;
      }
      [Is]() {
        return this[nt] ? !1 : (this[nt] = !0, this.readable = !1, this[Z] ? (jt(() => this[Ti]()), !0) : this[Ti]());
      }
      [Ti]() {
        if (this[Mt]) {
          let e = this[Mt].end();
          if (e) {
            for (let i of this[N]) i.dest.write(e);
            this[C] || super.emit("data", e);
          }
        }
        for (let e of this[N]) e.end();
        let t = super.emit("end");
        return this.removeAllListeners("end"), t;
      }
      async collect() {
        let t = Object.assign([], { dataLength: 0 });
        this[L] || (t.dataLength = 0);
        let e = this.promise();
        return this.on("data", (i) => {
          t.push(i), this[L] || (t.dataLength += i.length);
        }), await e, t;
      }
      async concat() {
        if (this[L]) throw new Error("cannot concat in objectMode");
        let t = await this.collect();
        return this[z] ? t.join("") : Buffer.concat(t, t.dataLength);
      }
      async promise() {
        return new Promise((t, e) => {
          this.on(S, () => e(new Error("stream destroyed"))), this.on("error", (i) => e(i)), this.on("end", () => t());
        });
      }
      [Symbol.asyncIterator]() {
        this[C] = !1;
        let t = !1, e = async () => (this.pause(), t = !0, { value: void 0, done: !0 });
        return { next: () => {
          if (t) return e();
          let r = this.read();
          if (r !== null) return Promise.resolve({ done: !1, value: r });
          if (this[Q]) return e();
          let n, o, h = (d) => {
            this.off("data", a), this.off("end", l), this.off(S, c), e(), o(d);
          }, a = (d) => {
            this.off("error", h), this.off("end", l), this.off(S, c), this.pause(), n({ value: d, done: !!this[Q] });
          }, l = () => {
            this.off("error", h), this.off("data", a), this.off(S, c), e(), n({ done: !0, value: void 0 });
          }, c = () => h(new Error("stream destroyed"));
          return new Promise((d, y) => {
            o = y, n = d, this.once(S, c), this.once("error", h), this.once("end", l), this.once("data", a);
          });
        }, throw: e, return: e, [Symbol.asyncIterator]() {
          return this;
        }, [Symbol.asyncDispose]: async () => {
        } };
      }
      [Symbol.iterator]() {
        this[C] = !1;
        let t = !1, e = () => (this.pause(), this.off(_i, e), this.off(S, e), this.off("end", e), t = !0, { done: !0, value: void 0 }), i = () => {
          if (t) return e();
          let r = this.read();
          return r === null ? e() : { done: !1, value: r };
        };
        return this.once("end", e), this.once(_i, e), this.once(S, e), { next: i, throw: e, return: e, [Symbol.iterator]() {
          return this;
        }, [Symbol.dispose]: () => {
        } };
      }
      destroy(t) {
        if (this[S]) return t ? this.emit("error", t) : this.emit(S), this;
        this[S] = !0, this[C] = !0, this[b].length = 0, this[_] = 0;
        let e = this;
        return typeof e.close == "function" && !this[Ne] && e.close(), t ? this.emit("error", t) : this.emit(S), this;
      }
      static get isStream() {
        return Wr;
      }
    }, Jr = import_fs.default.writev, ht = /* @__PURE__ */ Symbol("_autoClose"), H = /* @__PURE__ */ Symbol("_close"), te = /* @__PURE__ */ Symbol("_ended"), m = /* @__PURE__ */ Symbol("_fd"), Ni = /* @__PURE__ */ Symbol("_finished"), tt = /* @__PURE__ */ Symbol("_flags"), Ai = /* @__PURE__ */ Symbol("_flush"), ki = /* @__PURE__ */ Symbol("_handleChunk"), vi = /* @__PURE__ */ Symbol("_makeBuf"), ie = /* @__PURE__ */ Symbol("_mode"), ke = /* @__PURE__ */ Symbol("_needDrain"), Ut = /* @__PURE__ */ Symbol("_onerror"), Ht = /* @__PURE__ */ Symbol("_onopen"), Ii = /* @__PURE__ */ Symbol("_onread"), Pt = /* @__PURE__ */ Symbol("_onwrite"), at = /* @__PURE__ */ Symbol("_open"), U = /* @__PURE__ */ Symbol("_path"), ot = /* @__PURE__ */ Symbol("_pos"), Y = /* @__PURE__ */ Symbol("_queue"), zt = /* @__PURE__ */ Symbol("_read"), Ci = /* @__PURE__ */ Symbol("_readSize"), j = /* @__PURE__ */ Symbol("_reading"), ee = /* @__PURE__ */ Symbol("_remain"), Fi = /* @__PURE__ */ Symbol("_size"), ve = /* @__PURE__ */ Symbol("_write"), gt = /* @__PURE__ */ Symbol("_writing"), Me = /* @__PURE__ */ Symbol("_defaultFlag"), bt = /* @__PURE__ */ Symbol("_errored"), _t = class extends A {
      [bt] = !1;
      [m];
      [U];
      [Ci];
      [j] = !1;
      [Fi];
      [ee];
      [ht];
      constructor(t, e) {
        if (e = e || {}, super(e), this.readable = !0, this.writable = !1, typeof t != "string") throw new TypeError("path must be a string");
        this[bt] = !1, this[m] = typeof e.fd == "number" ? e.fd : void 0, this[U] = t, this[Ci] = e.readSize || 16 * 1024 * 1024, this[j] = !1, this[Fi] = typeof e.size == "number" ? e.size : 1 / 0, this[ee] = this[Fi], this[ht] = typeof e.autoClose == "boolean" ? e.autoClose : !0, typeof this[m] == "number" ? this[zt]() : this[at]();
      }
      get fd() {
        return this[m];
      }
      get path() {
        return this[U];
      }
      write() {
        throw new TypeError("this is a readable stream");
      }
      end() {
        throw new TypeError("this is a readable stream");
      }
      [at]() {
        import_fs.default.open(this[U], "r", (t, e) => this[Ht](t, e));
      }
      [Ht](t, e) {
        t ? this[Ut](t) : (this[m] = e, this.emit("open", e), this[zt]());
      }
      [vi]() {
        return Buffer.allocUnsafe(Math.min(this[Ci], this[ee]));
      }
      [zt]() {
        if (!this[j]) {
          this[j] = !0;
          let t = this[vi]();
          if (t.length === 0) return process.nextTick(() => this[Ii](null, 0, t));
          import_fs.default.read(this[m], t, 0, t.length, null, (e, i, r) => this[Ii](e, i, r));
        }
      }
      [Ii](t, e, i) {
        this[j] = !1, t ? this[Ut](t) : this[ki](e, i) && this[zt]();
      }
      [H]() {
        if (this[ht] && typeof this[m] == "number") {
          let t = this[m];
          this[m] = void 0, import_fs.default.close(t, (e) => e ? this.emit("error", e) : this.emit("close"));
        }
      }
      [Ut](t) {
        this[j] = !0, this[H](), this.emit("error", t);
      }
      [ki](t, e) {
        let i = !1;
        return this[ee] -= t, t > 0 && (i = super.write(t < e.length ? e.subarray(0, t) : e)), (t === 0 || this[ee] <= 0) && (i = !1, this[H](), super.end()), i;
      }
      emit(t, ...e) {
        switch (t) {
          case "prefinish":
          case "finish":
            return !1;
          case "drain":
            return typeof this[m] == "number" && this[zt](), !1;
          case "error":
            return this[bt] ? !1 : (this[bt] = !0, super.emit(t, ...e));
          default:
            return super.emit(t, ...e);
        }
      }
    }, Be = class extends _t {
      [at]() {
        let t = !0;
        try {
          this[Ht](null, import_fs.default.openSync(this[U], "r")), t = !1;
        } finally {
          t && this[H]();
        }
      }
      [zt]() {
        let t = !0;
        try {
          if (!this[j]) {
            this[j] = !0;
            do {
              let e = this[vi](), i = e.length === 0 ? 0 : import_fs.default.readSync(this[m], e, 0, e.length, null);
              if (!this[ki](i, e)) break;
            } while (!0);
            this[j] = !1;
          }
          t = !1;
        } finally {
          t && this[H]();
        }
      }
      [H]() {
        if (this[ht] && typeof this[m] == "number") {
          let t = this[m];
          this[m] = void 0, import_fs.default.closeSync(t), this.emit("close");
        }
      }
    }, et = class extends import_events.default {
      readable = !1;
      writable = !0;
      [bt] = !1;
      [gt] = !1;
      [te] = !1;
      [Y] = [];
      [ke] = !1;
      [U];
      [ie];
      [ht];
      [m];
      [Me];
      [tt];
      [Ni] = !1;
      [ot];
      constructor(t, e) {
        e = e || {}, super(e), this[U] = t, this[m] = typeof e.fd == "number" ? e.fd : void 0, this[ie] = e.mode === void 0 ? 438 : e.mode, this[ot] = typeof e.start == "number" ? e.start : void 0, this[ht] = typeof e.autoClose == "boolean" ? e.autoClose : !0;
        let i = this[ot] !== void 0 ? "r+" : "w";
        this[Me] = e.flags === void 0, this[tt] = e.flags === void 0 ? i : e.flags, this[m] === void 0 && this[at]();
      }
      emit(t, ...e) {
        if (t === "error") {
          if (this[bt]) return !1;
          this[bt] = !0;
        }
        return super.emit(t, ...e);
      }
      get fd() {
        return this[m];
      }
      get path() {
        return this[U];
      }
      [Ut](t) {
        this[H](), this[gt] = !0, this.emit("error", t);
      }
      [at]() {
        import_fs.default.open(this[U], this[tt], this[ie], (t, e) => this[Ht](t, e));
      }
      [Ht](t, e) {
        this[Me] && this[tt] === "r+" && t && t.code === "ENOENT" ? (this[tt] = "w", this[at]()) : t ? this[Ut](t) : (this[m] = e, this.emit("open", e), this[gt] || this[Ai]());
      }
      end(t, e) {
        return t && this.write(t, e), this[te] = !0, !this[gt] && !this[Y].length && typeof this[m] == "number" && this[Pt](null, 0), this;
      }
      write(t, e) {
        return typeof t == "string" && (t = Buffer.from(t, e)), this[te] ? (this.emit("error", new Error("write() after end()")), !1) : this[m] === void 0 || this[gt] || this[Y].length ? (this[Y].push(t), this[ke] = !0, !1) : (this[gt] = !0, this[ve](t), !0);
      }
      [ve](t) {
        import_fs.default.write(this[m], t, 0, t.length, this[ot], (e, i) => this[Pt](e, i));
      }
      [Pt](t, e) {
        t ? this[Ut](t) : (this[ot] !== void 0 && typeof e == "number" && (this[ot] += e), this[Y].length ? this[Ai]() : (this[gt] = !1, this[te] && !this[Ni] ? (this[Ni] = !0, this[H](), this.emit("finish")) : this[ke] && (this[ke] = !1, this.emit("drain"))));
      }
      [Ai]() {
        if (this[Y].length === 0) this[te] && this[Pt](null, 0);
        else if (this[Y].length === 1) this[ve](this[Y].pop());
        else {
          let t = this[Y];
          this[Y] = [], Jr(this[m], t, this[ot], (e, i) => this[Pt](e, i));
        }
      }
      [H]() {
        if (this[ht] && typeof this[m] == "number") {
          let t = this[m];
          this[m] = void 0, import_fs.default.close(t, (e) => e ? this.emit("error", e) : this.emit("close"));
        }
      }
    }, Wt = class extends et {
      [at]() {
        let t;
        if (this[Me] && this[tt] === "r+") try {
          t = import_fs.default.openSync(this[U], this[tt], this[ie]);
        } catch (e) {
          if (e?.code === "ENOENT") return this[tt] = "w", this[at]();
          throw e;
        }
        else t = import_fs.default.openSync(this[U], this[tt], this[ie]);
        this[Ht](null, t);
      }
      [H]() {
        if (this[ht] && typeof this[m] == "number") {
          let t = this[m];
          this[m] = void 0, import_fs.default.closeSync(t), this.emit("close");
        }
      }
      [ve](t) {
        let e = !0;
        try {
          this[Pt](null, import_fs.default.writeSync(this[m], t, 0, t.length, this[ot])), e = !1;
        } finally {
          if (e) try {
            this[H]();
          } catch {
          }
        }
      }
    }, jr = /* @__PURE__ */ new Map([["C", "cwd"], ["f", "file"], ["z", "gzip"], ["P", "preservePaths"], ["U", "unlink"], ["strip-components", "strip"], ["stripComponents", "strip"], ["keep-newer", "newer"], ["keepNewer", "newer"], ["keep-newer-files", "newer"], ["keepNewerFiles", "newer"], ["k", "keep"], ["keep-existing", "keep"], ["keepExisting", "keep"], ["m", "noMtime"], ["no-mtime", "noMtime"], ["p", "preserveOwner"], ["L", "follow"], ["h", "follow"], ["onentry", "onReadEntry"]]), Fs = (s3) => !!s3.sync && !!s3.file, ks = (s3) => !s3.sync && !!s3.file, vs = (s3) => !!s3.sync && !s3.file, Ms = (s3) => !s3.sync && !s3.file, Bs = (s3) => !!s3.file, tn = (s3) => jr.get(s3) || s3, se = (s3 = {}) => {
      if (!s3) return {};
      let t = {};
      for (let [e, i] of Object.entries(s3)) {
        let r = tn(e);
        t[r] = i;
      }
      return t.chmod === void 0 && t.noChmod === !1 && (t.chmod = !0), delete t.noChmod, t;
    }, K = (s3, t, e, i, r) => Object.assign((n = [], o, h) => {
      Array.isArray(n) && (o = n, n = {}), typeof o == "function" && (h = o, o = void 0), o = o ? Array.from(o) : [];
      let a = se(n);
      if (r?.(a, o), Fs(a)) {
        if (typeof h == "function") throw new TypeError("callback not supported for sync tar functions");
        return s3(a, o);
      } else if (ks(a)) {
        let l = t(a, o);
        return h ? l.then(() => h(), h) : l;
      } else if (vs(a)) {
        if (typeof h == "function") throw new TypeError("callback not supported for sync tar functions");
        return e(a, o);
      } else if (Ms(a)) {
        if (typeof h == "function") throw new TypeError("callback only supported with file option");
        return i(a, o);
      }
      throw new Error("impossible options??");
    }, { syncFile: s3, asyncFile: t, syncNoFile: e, asyncNoFile: i, validate: r }), sn = import_zlib.default.constants || { ZLIB_VERNUM: 4736 }, M = Object.freeze(Object.assign(/* @__PURE__ */ Object.create(null), { Z_NO_FLUSH: 0, Z_PARTIAL_FLUSH: 1, Z_SYNC_FLUSH: 2, Z_FULL_FLUSH: 3, Z_FINISH: 4, Z_BLOCK: 5, Z_OK: 0, Z_STREAM_END: 1, Z_NEED_DICT: 2, Z_ERRNO: -1, Z_STREAM_ERROR: -2, Z_DATA_ERROR: -3, Z_MEM_ERROR: -4, Z_BUF_ERROR: -5, Z_VERSION_ERROR: -6, Z_NO_COMPRESSION: 0, Z_BEST_SPEED: 1, Z_BEST_COMPRESSION: 9, Z_DEFAULT_COMPRESSION: -1, Z_FILTERED: 1, Z_HUFFMAN_ONLY: 2, Z_RLE: 3, Z_FIXED: 4, Z_DEFAULT_STRATEGY: 0, DEFLATE: 1, INFLATE: 2, GZIP: 3, GUNZIP: 4, DEFLATERAW: 5, INFLATERAW: 6, UNZIP: 7, BROTLI_DECODE: 8, BROTLI_ENCODE: 9, Z_MIN_WINDOWBITS: 8, Z_MAX_WINDOWBITS: 15, Z_DEFAULT_WINDOWBITS: 15, Z_MIN_CHUNK: 64, Z_MAX_CHUNK: 1 / 0, Z_DEFAULT_CHUNK: 16384, Z_MIN_MEMLEVEL: 1, Z_MAX_MEMLEVEL: 9, Z_DEFAULT_MEMLEVEL: 8, Z_MIN_LEVEL: -1, Z_MAX_LEVEL: 9, Z_DEFAULT_LEVEL: -1, BROTLI_OPERATION_PROCESS: 0, BROTLI_OPERATION_FLUSH: 1, BROTLI_OPERATION_FINISH: 2, BROTLI_OPERATION_EMIT_METADATA: 3, BROTLI_MODE_GENERIC: 0, BROTLI_MODE_TEXT: 1, BROTLI_MODE_FONT: 2, BROTLI_DEFAULT_MODE: 0, BROTLI_MIN_QUALITY: 0, BROTLI_MAX_QUALITY: 11, BROTLI_DEFAULT_QUALITY: 11, BROTLI_MIN_WINDOW_BITS: 10, BROTLI_MAX_WINDOW_BITS: 24, BROTLI_LARGE_MAX_WINDOW_BITS: 30, BROTLI_DEFAULT_WINDOW: 22, BROTLI_MIN_INPUT_BLOCK_BITS: 16, BROTLI_MAX_INPUT_BLOCK_BITS: 24, BROTLI_PARAM_MODE: 0, BROTLI_PARAM_QUALITY: 1, BROTLI_PARAM_LGWIN: 2, BROTLI_PARAM_LGBLOCK: 3, BROTLI_PARAM_DISABLE_LITERAL_CONTEXT_MODELING: 4, BROTLI_PARAM_SIZE_HINT: 5, BROTLI_PARAM_LARGE_WINDOW: 6, BROTLI_PARAM_NPOSTFIX: 7, BROTLI_PARAM_NDIRECT: 8, BROTLI_DECODER_RESULT_ERROR: 0, BROTLI_DECODER_RESULT_SUCCESS: 1, BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT: 2, BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT: 3, BROTLI_DECODER_PARAM_DISABLE_RING_BUFFER_REALLOCATION: 0, BROTLI_DECODER_PARAM_LARGE_WINDOW: 1, BROTLI_DECODER_NO_ERROR: 0, BROTLI_DECODER_SUCCESS: 1, BROTLI_DECODER_NEEDS_MORE_INPUT: 2, BROTLI_DECODER_NEEDS_MORE_OUTPUT: 3, BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_NIBBLE: -1, BROTLI_DECODER_ERROR_FORMAT_RESERVED: -2, BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_META_NIBBLE: -3, BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_ALPHABET: -4, BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_SAME: -5, BROTLI_DECODER_ERROR_FORMAT_CL_SPACE: -6, BROTLI_DECODER_ERROR_FORMAT_HUFFMAN_SPACE: -7, BROTLI_DECODER_ERROR_FORMAT_CONTEXT_MAP_REPEAT: -8, BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_1: -9, BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_2: -10, BROTLI_DECODER_ERROR_FORMAT_TRANSFORM: -11, BROTLI_DECODER_ERROR_FORMAT_DICTIONARY: -12, BROTLI_DECODER_ERROR_FORMAT_WINDOW_BITS: -13, BROTLI_DECODER_ERROR_FORMAT_PADDING_1: -14, BROTLI_DECODER_ERROR_FORMAT_PADDING_2: -15, BROTLI_DECODER_ERROR_FORMAT_DISTANCE: -16, BROTLI_DECODER_ERROR_DICTIONARY_NOT_SET: -19, BROTLI_DECODER_ERROR_INVALID_ARGUMENTS: -20, BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MODES: -21, BROTLI_DECODER_ERROR_ALLOC_TREE_GROUPS: -22, BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MAP: -25, BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_1: -26, BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_2: -27, BROTLI_DECODER_ERROR_ALLOC_BLOCK_TYPE_TREES: -30, BROTLI_DECODER_ERROR_UNREACHABLE: -31 }, sn)), rn = import_buffer.Buffer.concat, zs = Object.getOwnPropertyDescriptor(import_buffer.Buffer, "concat"), nn = (s3) => s3, Bi = zs?.writable === !0 || zs?.set !== void 0 ? (s3) => {
      import_buffer.Buffer.concat = s3 ? nn : rn;
    } : (s3) => {
    }, Tt = /* @__PURE__ */ Symbol("_superWrite"), Gt = class extends Error {
      code;
      errno;
      constructor(t, e) {
        super("zlib: " + t.message, { cause: t }), this.code = t.code, this.errno = t.errno, this.code || (this.code = "ZLIB_ERROR"), this.message = "zlib: " + t.message, Error.captureStackTrace(this, e ?? this.constructor);
      }
      get name() {
        return "ZlibError";
      }
    }, Pi = /* @__PURE__ */ Symbol("flushFlag"), re = class extends A {
      #t = !1;
      #i = !1;
      #s;
      #n;
      #r;
      #e;
      #o;
      get sawError() {
        return this.#t;
      }
      get handle() {
        return this.#e;
      }
      get flushFlag() {
        return this.#s;
      }
      constructor(t, e) {
        if (!t || typeof t != "object") throw new TypeError("invalid options for ZlibBase constructor");
        if (super(t), this.#s = t.flush ?? 0, this.#n = t.finishFlush ?? 0, this.#r = t.fullFlushFlag ?? 0, typeof Ps[e] != "function") throw new TypeError("Compression method not supported: " + e);
        try {
          this.#e = new Ps[e](t);
        } catch (i) {
          throw new Gt(i, this.constructor);
        }
        this.#o = (i) => {
          this.#t || (this.#t = !0, this.close(), this.emit("error", i));
        }, this.#e?.on("error", (i) => this.#o(new Gt(i))), this.once("end", () => this.close);
      }
      close() {
        this.#e && (this.#e.close(), this.#e = void 0, this.emit("close"));
      }
      reset() {
        if (!this.#t) return (0, import_assert.default)(this.#e, "zlib binding closed"), this.#e.reset?.();
      }
      flush(t) {
        this.ended || (typeof t != "number" && (t = this.#r), this.write(Object.assign(import_buffer.Buffer.alloc(0), { [Pi]: t })));
      }
      end(t, e, i) {
        return typeof t == "function" && (i = t, e = void 0, t = void 0), typeof e == "function" && (i = e, e = void 0), t && (e ? this.write(t, e) : this.write(t)), this.flush(this.#n), this.#i = !0, super.end(i);
      }
      get ended() {
        return this.#i;
      }
      [Tt](t) {
        return super.write(t);
      }
      write(t, e, i) {
        if (typeof e == "function" && (i = e, e = "utf8"), typeof t == "string" && (t = import_buffer.Buffer.from(t, e)), this.#t) return;
        (0, import_assert.default)(this.#e, "zlib binding closed");
        let r = this.#e._handle, n = r.close;
        r.close = () => {
        };
        let o = this.#e.close;
        this.#e.close = () => {
        }, Bi(!0);
        let h;
        try {
          let l = typeof t[Pi] == "number" ? t[Pi] : this.#s;
          h = this.#e._processChunk(t, l), Bi(!1);
        } catch (l) {
          Bi(!1), this.#o(new Gt(l, this.write));
        } finally {
          this.#e && (this.#e._handle = r, r.close = n, this.#e.close = o, this.#e.removeAllListeners("error"));
        }
        this.#e && this.#e.on("error", (l) => this.#o(new Gt(l, this.write)));
        let a;
        if (h) if (Array.isArray(h) && h.length > 0) {
          let l = h[0];
          a = this[Tt](import_buffer.Buffer.from(l));
          for (let c = 1; c < h.length; c++) a = this[Tt](h[c]);
        } else a = this[Tt](import_buffer.Buffer.from(h));
        return i && i(), a;
      }
    }, Pe = class extends re {
      #t;
      #i;
      constructor(t, e) {
        t = t || {}, t.flush = t.flush || M.Z_NO_FLUSH, t.finishFlush = t.finishFlush || M.Z_FINISH, t.fullFlushFlag = M.Z_FULL_FLUSH, super(t, e), this.#t = t.level, this.#i = t.strategy;
      }
      params(t, e) {
        if (!this.sawError) {
          if (!this.handle) throw new Error("cannot switch params when binding is closed");
          if (!this.handle.params) throw new Error("not supported in this implementation");
          if (this.#t !== t || this.#i !== e) {
            this.flush(M.Z_SYNC_FLUSH), (0, import_assert.default)(this.handle, "zlib binding closed");
            let i = this.handle.flush;
            this.handle.flush = (r, n) => {
              typeof r == "function" && (n = r, r = this.flushFlag), this.flush(r), n?.();
            };
            try {
              this.handle.params(t, e);
            } finally {
              this.handle.flush = i;
            }
            this.handle && (this.#t = t, this.#i = e);
          }
        }
      }
    }, ze = class extends Pe {
      #t;
      constructor(t) {
        super(t, "Gzip"), this.#t = t && !!t.portable;
      }
      [Tt](t) {
        return this.#t ? (this.#t = !1, t[9] = 255, super[Tt](t)) : super[Tt](t);
      }
    }, Ue = class extends Pe {
      constructor(t) {
        super(t, "Unzip");
      }
    }, He = class extends re {
      constructor(t, e) {
        t = t || {}, t.flush = t.flush || M.BROTLI_OPERATION_PROCESS, t.finishFlush = t.finishFlush || M.BROTLI_OPERATION_FINISH, t.fullFlushFlag = M.BROTLI_OPERATION_FLUSH, super(t, e);
      }
    }, We = class extends He {
      constructor(t) {
        super(t, "BrotliCompress");
      }
    }, Ge = class extends He {
      constructor(t) {
        super(t, "BrotliDecompress");
      }
    }, Ze = class extends re {
      constructor(t, e) {
        t = t || {}, t.flush = t.flush || M.ZSTD_e_continue, t.finishFlush = t.finishFlush || M.ZSTD_e_end, t.fullFlushFlag = M.ZSTD_e_flush, super(t, e);
      }
    }, Ye = class extends Ze {
      constructor(t) {
        super(t, "ZstdCompress");
      }
    }, Ke = class extends Ze {
      constructor(t) {
        super(t, "ZstdDecompress");
      }
    }, Us = (s3, t) => {
      if (Number.isSafeInteger(s3)) s3 < 0 ? an(s3, t) : hn(s3, t);
      else throw Error("cannot encode number outside of javascript safe integer range");
      return t;
    }, hn = (s3, t) => {
      t[0] = 128;
      for (var e = t.length; e > 1; e--) t[e - 1] = s3 & 255, s3 = Math.floor(s3 / 256);
    }, an = (s3, t) => {
      t[0] = 255;
      var e = !1;
      s3 = s3 * -1;
      for (var i = t.length; i > 1; i--) {
        var r = s3 & 255;
        s3 = Math.floor(s3 / 256), e ? t[i - 1] = Ws(r) : r === 0 ? t[i - 1] = 0 : (e = !0, t[i - 1] = Gs(r));
      }
    }, Hs = (s3) => {
      let t = s3[0], e = t === 128 ? cn(s3.subarray(1, s3.length)) : t === 255 ? ln(s3) : null;
      if (e === null) throw Error("invalid base256 encoding");
      if (!Number.isSafeInteger(e)) throw Error("parsed number outside of javascript safe integer range");
      return e;
    }, ln = (s3) => {
      for (var t = s3.length, e = 0, i = !1, r = t - 1; r > -1; r--) {
        var n = Number(s3[r]), o;
        i ? o = Ws(n) : n === 0 ? o = n : (i = !0, o = Gs(n)), o !== 0 && (e -= o * Math.pow(256, t - r - 1));
      }
      return e;
    }, cn = (s3) => {
      for (var t = s3.length, e = 0, i = t - 1; i > -1; i--) {
        var r = Number(s3[i]);
        r !== 0 && (e += r * Math.pow(256, t - i - 1));
      }
      return e;
    }, Ws = (s3) => (255 ^ s3) & 255, Gs = (s3) => (255 ^ s3) + 1 & 255, Hi = {};
    Ur(Hi, { code: () => Ve, isCode: () => ne, isName: () => dn, name: () => oe, normalFsTypes: () => Ui });
    ne = (s3) => oe.has(s3), dn = (s3) => Ve.has(s3), Ui = /* @__PURE__ */ new Set(["0", "", "1", "2", "3", "4", "5", "6", "7", "D"]), oe = /* @__PURE__ */ new Map([["0", "File"], ["", "OldFile"], ["1", "Link"], ["2", "SymbolicLink"], ["3", "CharacterDevice"], ["4", "BlockDevice"], ["5", "Directory"], ["6", "FIFO"], ["7", "ContiguousFile"], ["g", "GlobalExtendedHeader"], ["x", "ExtendedHeader"], ["A", "SolarisACL"], ["D", "GNUDumpDir"], ["I", "Inode"], ["K", "NextFileHasLongLinkpath"], ["L", "NextFileHasLongPath"], ["M", "ContinuationFile"], ["N", "OldGnuLongPath"], ["S", "SparseFile"], ["V", "TapeVolumeHeader"], ["X", "OldExtendedHeader"]]), Ve = new Map(Array.from(oe).map((s3) => [s3[1], s3[0]])), un = (s3) => s3 === void 0 || s3 < 0 ? void 0 : s3, F = class {
      cksumValid = !1;
      needPax = !1;
      nullBlock = !1;
      block;
      path;
      mode;
      uid;
      gid;
      size;
      cksum;
      #t = "Unsupported";
      linkpath;
      uname;
      gname;
      devmaj = 0;
      devmin = 0;
      atime;
      ctime;
      mtime;
      charset;
      comment;
      constructor(t, e = 0, i, r) {
        Buffer.isBuffer(t) ? this.decode(t, e || 0, i, r) : t && this.#i(t);
      }
      decode(t, e, i, r) {
        if (e || (e = 0), !t || !(t.length >= e + 512)) throw new Error("need 512 bytes for header");
        let n = xt(t, e + 156, 1), o = Ui.has(n), h = o ? i : void 0, a = o ? r : void 0;
        if (this.path = h?.path ?? xt(t, e, 100), this.mode = h?.mode ?? a?.mode ?? lt(t, e + 100, 8), this.uid = h?.uid ?? a?.uid ?? lt(t, e + 108, 8), this.gid = h?.gid ?? a?.gid ?? lt(t, e + 116, 8), this.size = un(h?.size ?? a?.size ?? lt(t, e + 124, 12)), this.mtime = h?.mtime ?? a?.mtime ?? Wi(t, e + 136, 12), this.cksum = lt(t, e + 148, 12), a && this.#i(a, !0), h && this.#i(h), ne(n) && (this.#t = n || "0"), this.#t === "0" && this.path.slice(-1) === "/" && (this.#t = "5"), this.#t === "5" && (this.size = 0), this.linkpath = xt(t, e + 157, 100), t.subarray(e + 257, e + 265).toString() === "ustar\x0000") if (this.uname = h?.uname ?? a?.uname ?? xt(t, e + 265, 32), this.gname = h?.gname ?? a?.gname ?? xt(t, e + 297, 32), this.devmaj = h?.devmaj ?? a?.devmaj ?? lt(t, e + 329, 8) ?? 0, this.devmin = h?.devmin ?? a?.devmin ?? lt(t, e + 337, 8) ?? 0, t[e + 475] !== 0) {
          let c = xt(t, e + 345, 155);
          this.path = c + "/" + this.path;
        } else {
          let c = xt(t, e + 345, 130);
          c && (this.path = c + "/" + this.path), this.atime = i?.atime ?? r?.atime ?? Wi(t, e + 476, 12), this.ctime = i?.ctime ?? r?.ctime ?? Wi(t, e + 488, 12);
        }
        let l = 256;
        for (let c = e; c < e + 148; c++) l += t[c];
        for (let c = e + 156; c < e + 512; c++) l += t[c];
        this.cksumValid = l === this.cksum, this.cksum === void 0 && l === 256 && (this.nullBlock = !0);
      }
      #i(t, e = !1) {
        Object.assign(this, Object.fromEntries(Object.entries(t).filter(([i, r]) => !(r == null || i === "size" && Number(r) < 0 || i === "path" && e || i === "linkpath" && e || i === "global"))));
      }
      encode(t, e = 0) {
        if (t || (t = this.block = Buffer.alloc(512)), this.#t === "Unsupported" && (this.#t = "0"), !(t.length >= e + 512)) throw new Error("need 512 bytes for header");
        let i = this.ctime || this.atime ? 130 : 155, r = mn(this.path || "", i), n = r[0], o = r[1];
        this.needPax = !!r[2], this.needPax = Lt(t, e, 100, n) || this.needPax, this.needPax = ct(t, e + 100, 8, this.mode) || this.needPax, this.needPax = ct(t, e + 108, 8, this.uid) || this.needPax, this.needPax = ct(t, e + 116, 8, this.gid) || this.needPax, this.needPax = ct(t, e + 124, 12, this.size) || this.needPax, this.needPax = Gi(t, e + 136, 12, this.mtime) || this.needPax, t[e + 156] = Number(this.#t.codePointAt(0)), this.needPax = Lt(t, e + 157, 100, this.linkpath) || this.needPax, t.write("ustar\x0000", e + 257, 8), this.needPax = Lt(t, e + 265, 32, this.uname) || this.needPax, this.needPax = Lt(t, e + 297, 32, this.gname) || this.needPax, this.needPax = ct(t, e + 329, 8, this.devmaj) || this.needPax, this.needPax = ct(t, e + 337, 8, this.devmin) || this.needPax, this.needPax = Lt(t, e + 345, i, o) || this.needPax, t[e + 475] !== 0 ? this.needPax = Lt(t, e + 345, 155, o) || this.needPax : (this.needPax = Lt(t, e + 345, 130, o) || this.needPax, this.needPax = Gi(t, e + 476, 12, this.atime) || this.needPax, this.needPax = Gi(t, e + 488, 12, this.ctime) || this.needPax);
        let h = 256;
        for (let a = e; a < e + 148; a++) h += t[a];
        for (let a = e + 156; a < e + 512; a++) h += t[a];
        return this.cksum = h, ct(t, e + 148, 8, this.cksum), this.cksumValid = !0, this.needPax;
      }
      get type() {
        return this.#t === "Unsupported" ? this.#t : oe.get(this.#t);
      }
      get typeKey() {
        return this.#t;
      }
      set type(t) {
        let e = String(Ve.get(t));
        if (ne(e) || e === "Unsupported") this.#t = e;
        else if (ne(t)) this.#t = t;
        else throw new TypeError("invalid entry type: " + t);
      }
    }, mn = (s3, t) => {
      let i = s3, r = "", n, o = import_node_path6.posix.parse(s3).root || ".";
      if (Buffer.byteLength(i) < 100) n = [i, r, !1];
      else {
        r = import_node_path6.posix.dirname(i), i = import_node_path6.posix.basename(i);
        do
          Buffer.byteLength(i) <= 100 && Buffer.byteLength(r) <= t ? n = [i, r, !1] : Buffer.byteLength(i) > 100 && Buffer.byteLength(r) <= t ? n = [i.slice(0, 99), r, !0] : (i = import_node_path6.posix.join(import_node_path6.posix.basename(r), i), r = import_node_path6.posix.dirname(r));
        while (r !== o && n === void 0);
        n || (n = [s3.slice(0, 99), "", !0]);
      }
      return n;
    }, xt = (s3, t, e) => s3.subarray(t, t + e).toString("utf8").replace(/\0.*/, ""), Wi = (s3, t, e) => pn(lt(s3, t, e)), pn = (s3) => s3 === void 0 ? void 0 : new Date(s3 * 1e3), lt = (s3, t, e) => Number(s3[t]) & 128 ? Hs(s3.subarray(t, t + e)) : wn(s3, t, e), En = (s3) => isNaN(s3) ? void 0 : s3, wn = (s3, t, e) => En(parseInt(s3.subarray(t, t + e).toString("utf8").replace(/\0.*$/, "").trim(), 8)), Sn = { 12: 8589934591, 8: 2097151 }, ct = (s3, t, e, i) => i === void 0 ? !1 : i > Sn[e] || i < 0 ? (Us(i, s3.subarray(t, t + e)), !0) : (yn(s3, t, e, i), !1), yn = (s3, t, e, i) => s3.write(Rn(i, e), t, e, "ascii"), Rn = (s3, t) => gn(Math.floor(s3).toString(8), t), gn = (s3, t) => (s3.length === t - 1 ? s3 : new Array(t - s3.length - 1).join("0") + s3 + " ") + "\0", Gi = (s3, t, e, i) => i === void 0 ? !1 : ct(s3, t, e, i.getTime() / 1e3), bn = new Array(156).join("\0"), Lt = (s3, t, e, i) => i === void 0 ? !1 : (s3.write(i + bn, t, e, "utf8"), i.length !== Buffer.byteLength(i) || i.length > e), ft = class s {
      atime;
      mtime;
      ctime;
      charset;
      comment;
      gid;
      uid;
      gname;
      uname;
      linkpath;
      dev;
      ino;
      nlink;
      path;
      size;
      mode;
      global;
      constructor(t, e = !1) {
        this.atime = t.atime, this.charset = t.charset, this.comment = t.comment, this.ctime = t.ctime, this.dev = t.dev, this.gid = t.gid, this.global = e, this.gname = t.gname, this.ino = t.ino, this.linkpath = t.linkpath, this.mtime = t.mtime, this.nlink = t.nlink, this.path = t.path, this.size = t.size, this.uid = t.uid, this.uname = t.uname;
      }
      encode() {
        let t = this.encodeBody();
        if (t === "") return Buffer.allocUnsafe(0);
        let e = Buffer.byteLength(t), i = 512 * Math.ceil(1 + e / 512), r = Buffer.allocUnsafe(i);
        for (let n = 0; n < 512; n++) r[n] = 0;
        new F({ path: ("PaxHeader/" + (0, import_node_path7.basename)(this.path ?? "")).slice(0, 99), mode: this.mode || 420, uid: this.uid, gid: this.gid, size: e, mtime: this.mtime, type: this.global ? "GlobalExtendedHeader" : "ExtendedHeader", linkpath: "", uname: this.uname || "", gname: this.gname || "", devmaj: 0, devmin: 0, atime: this.atime, ctime: this.ctime }).encode(r), r.write(t, 512, e, "utf8");
        for (let n = e + 512; n < r.length; n++) r[n] = 0;
        return r;
      }
      encodeBody() {
        return this.encodeField("path") + this.encodeField("ctime") + this.encodeField("atime") + this.encodeField("dev") + this.encodeField("ino") + this.encodeField("nlink") + this.encodeField("charset") + this.encodeField("comment") + this.encodeField("gid") + this.encodeField("gname") + this.encodeField("linkpath") + this.encodeField("mtime") + this.encodeField("size") + this.encodeField("uid") + this.encodeField("uname");
      }
      encodeField(t) {
        if (this[t] === void 0) return "";
        let e = this[t], i = e instanceof Date ? e.getTime() / 1e3 : e, r = " " + (t === "dev" || t === "ino" || t === "nlink" ? "SCHILY." : "") + t + "=" + i + `
`, n = Buffer.byteLength(r), o = Math.floor(Math.log(n) / Math.log(10)) + 1;
        return n + o >= Math.pow(10, o) && (o += 1), o + n + r;
      }
      static parse(t, e, i = !1) {
        return new s(On(Tn(t), e), i);
      }
    }, On = (s3, t) => t ? Object.assign({}, t, s3) : s3, Tn = (s3) => s3.replace(/\n$/, "").split(`
`).reduce(xn, /* @__PURE__ */ Object.create(null)), xn = (s3, t) => {
      let e = parseInt(t, 10);
      if (e !== Buffer.byteLength(t) + 1) return s3;
      t = t.slice((e + " ").length);
      let i = t.split("="), r = i.shift();
      if (!r) return s3;
      let n = r.replace(/^SCHILY\.(dev|ino|nlink)/, "$1"), o = i.join("=").replace(/\0.*/, "");
      switch (n) {
        case "path":
        case "linkpath":
        case "type":
        case "charset":
        case "comment":
        case "gname":
        case "uname":
          s3[n] = o;
          break;
        case "ctime":
        case "atime":
        case "mtime":
          s3[n] = new Date(Number(o) * 1e3);
          break;
        case "size":
          let h = +o;
          h >= 0 && (s3[n] = h);
          break;
        case "gid":
        case "uid":
        case "dev":
        case "ino":
        case "nlink":
        case "mode":
          s3[n] = +o;
          break;
      }
      return s3;
    }, Ln = process.env.TESTING_TAR_FAKE_PLATFORM || process.platform, f = Ln !== "win32" ? (s3) => String(s3) : (s3) => String(s3).replaceAll(/\\/g, "/"), $e = class extends A {
      extended;
      globalExtended;
      header;
      startBlockSize;
      blockRemain;
      remain;
      type;
      meta = !1;
      ignore = !1;
      path;
      mode;
      uid;
      gid;
      uname;
      gname;
      size = 0;
      mtime;
      atime;
      ctime;
      linkpath;
      dev;
      ino;
      nlink;
      invalid = !1;
      absolute;
      unsupported = !1;
      constructor(t, e, i) {
        switch (super({}), this.pause(), this.extended = e, this.globalExtended = i, this.header = t, this.remain = t.size ?? 0, this.startBlockSize = 512 * Math.ceil(this.remain / 512), this.blockRemain = this.startBlockSize, this.type = t.type, this.type) {
          case "File":
          case "OldFile":
          case "Link":
          case "SymbolicLink":
          case "CharacterDevice":
          case "BlockDevice":
          case "Directory":
          case "FIFO":
          case "ContiguousFile":
          case "GNUDumpDir":
            break;
          case "NextFileHasLongLinkpath":
          case "NextFileHasLongPath":
          case "OldGnuLongPath":
          case "GlobalExtendedHeader":
          case "ExtendedHeader":
          case "OldExtendedHeader":
            this.meta = !0;
            break;
          default:
            this.ignore = !0;
        }
        if (!t.path) throw new Error("no path provided for tar.ReadEntry");
        this.path = f(t.path), this.mode = t.mode, this.mode && (this.mode = this.mode & 4095), this.uid = t.uid, this.gid = t.gid, this.uname = t.uname, this.gname = t.gname, this.size = this.remain, this.mtime = t.mtime, this.atime = t.atime, this.ctime = t.ctime, this.linkpath = t.linkpath ? f(t.linkpath) : void 0, this.uname = t.uname, this.gname = t.gname, e && this.#t(e), i && this.#t(i, !0);
      }
      write(t) {
        let e = t.length;
        if (e > this.blockRemain) throw new Error("writing more to entry than is appropriate");
        let i = this.remain, r = this.blockRemain;
        return this.remain = Math.max(0, i - e), this.blockRemain = Math.max(0, r - e), this.ignore ? !0 : i >= e ? super.write(t) : super.write(t.subarray(0, i));
      }
      #t(t, e = !1) {
        t.path && (t.path = f(t.path)), t.linkpath && (t.linkpath = f(t.linkpath)), Object.assign(this, Object.fromEntries(Object.entries(t).filter(([i, r]) => !(r == null || i === "path" && e))));
      }
    }, Dt = (s3, t, e, i = {}) => {
      s3.file && (i.file = s3.file), s3.cwd && (i.cwd = s3.cwd), i.code = e instanceof Error && e.code || t, i.tarCode = t, !s3.strict && i.recoverable !== !1 ? (e instanceof Error && (i = Object.assign(e, i), e = e.message), s3.emit("warn", t, e, i)) : e instanceof Error ? s3.emit("error", Object.assign(e, i)) : s3.emit("error", Object.assign(new Error(`${t}: ${e}`), i));
    }, Nn = 1024 * 1024, Xi = Buffer.from([31, 139]), qi = Buffer.from([40, 181, 47, 253]), An = Math.max(Xi.length, qi.length), B = /* @__PURE__ */ Symbol("state"), Nt = /* @__PURE__ */ Symbol("writeEntry"), it = /* @__PURE__ */ Symbol("readEntry"), Zi = /* @__PURE__ */ Symbol("nextEntry"), Zs = /* @__PURE__ */ Symbol("processEntry"), V = /* @__PURE__ */ Symbol("extendedHeader"), he = /* @__PURE__ */ Symbol("globalExtendedHeader"), dt = /* @__PURE__ */ Symbol("meta"), Ys = /* @__PURE__ */ Symbol("emitMeta"), p = /* @__PURE__ */ Symbol("buffer"), st = /* @__PURE__ */ Symbol("queue"), ut = /* @__PURE__ */ Symbol("ended"), Yi = /* @__PURE__ */ Symbol("emittedEnd"), At = /* @__PURE__ */ Symbol("emit"), w = /* @__PURE__ */ Symbol("unzip"), Xe = /* @__PURE__ */ Symbol("consumeChunk"), qe = /* @__PURE__ */ Symbol("consumeChunkSub"), Ki = /* @__PURE__ */ Symbol("consumeBody"), Ks = /* @__PURE__ */ Symbol("consumeMeta"), Vs = /* @__PURE__ */ Symbol("consumeHeader"), ae = /* @__PURE__ */ Symbol("consuming"), Vi = /* @__PURE__ */ Symbol("bufferConcat"), Qe = /* @__PURE__ */ Symbol("maybeEnd"), Yt = /* @__PURE__ */ Symbol("writing"), $ = /* @__PURE__ */ Symbol("aborted"), Je = /* @__PURE__ */ Symbol("onDone"), It = /* @__PURE__ */ Symbol("sawValidEntry"), je = /* @__PURE__ */ Symbol("sawNullBlock"), ti = /* @__PURE__ */ Symbol("sawEOF"), $s = /* @__PURE__ */ Symbol("closeStream"), In = 1e3, le = /* @__PURE__ */ Symbol("compressedBytesRead"), $i = /* @__PURE__ */ Symbol("decompressedBytesRead"), Xs = /* @__PURE__ */ Symbol("checkDecompressionRatio"), Cn = () => !0, rt = class extends import_events2.EventEmitter {
      file;
      strict;
      maxMetaEntrySize;
      filter;
      brotli;
      zstd;
      maxDecompressionRatio;
      writable = !0;
      readable = !1;
      [st] = [];
      [p];
      [it];
      [Nt];
      [B] = "begin";
      [dt] = "";
      [V];
      [he];
      [ut] = !1;
      [w];
      [$] = !1;
      [It];
      [je] = !1;
      [ti] = !1;
      [Yt] = !1;
      [ae] = !1;
      [Yi] = !1;
      [le] = 0;
      [$i] = 0;
      constructor(t = {}) {
        super(), this.file = t.file || "", this.on(Je, () => {
          (this[B] === "begin" || this[It] === !1) && this.warn("TAR_BAD_ARCHIVE", "Unrecognized archive format");
        }), t.ondone ? this.on(Je, t.ondone) : this.on(Je, () => {
          this.emit("prefinish"), this.emit("finish"), this.emit("end");
        }), this.strict = !!t.strict, this.maxDecompressionRatio = typeof t.maxDecompressionRatio == "number" ? t.maxDecompressionRatio : In, this.maxMetaEntrySize = t.maxMetaEntrySize || Nn, this.filter = typeof t.filter == "function" ? t.filter : Cn;
        let e = t.file && (t.file.endsWith(".tar.br") || t.file.endsWith(".tbr"));
        this.brotli = !(t.gzip || t.zstd) && t.brotli !== void 0 ? t.brotli : e ? void 0 : !1;
        let i = t.file && (t.file.endsWith(".tar.zst") || t.file.endsWith(".tzst"));
        this.zstd = !(t.gzip || t.brotli) && t.zstd !== void 0 ? t.zstd : i ? !0 : void 0, this.on("end", () => this[$s]()), typeof t.onwarn == "function" && this.on("warn", t.onwarn), typeof t.onReadEntry == "function" && this.on("entry", t.onReadEntry);
      }
      warn(t, e, i = {}) {
        Dt(this, t, e, i);
      }
      [Vs](t, e) {
        this[It] === void 0 && (this[It] = !1);
        let i;
        try {
          i = new F(t, e, this[V], this[he]);
        } catch (r) {
          return this.warn("TAR_ENTRY_INVALID", r);
        }
        if (i.nullBlock) this[je] ? (this[ti] = !0, this[B] === "begin" && (this[B] = "header"), this[At]("eof")) : (this[je] = !0, this[At]("nullBlock"));
        else if (this[je] = !1, !i.cksumValid) this.warn("TAR_ENTRY_INVALID", "checksum failure", { header: i });
        else if (!i.path) this.warn("TAR_ENTRY_INVALID", "path is required", { header: i });
        else {
          let r = i.type;
          if (/^(Symbolic)?Link$/.test(r) && !i.linkpath) this.warn("TAR_ENTRY_INVALID", "linkpath required", { header: i });
          else if (!/^(Symbolic)?Link$/.test(r) && !/^(Global)?ExtendedHeader$/.test(r) && i.linkpath) this.warn("TAR_ENTRY_INVALID", "linkpath forbidden", { header: i });
          else {
            let n = this[Nt] = new $e(i, this[V], this[he]);
            if (!this[It]) if (n.remain) {
              let o = () => {
                n.invalid || (this[It] = !0);
              };
              n.on("end", o);
            } else this[It] = !0;
            n.meta ? n.size > this.maxMetaEntrySize ? (n.ignore = !0, this[At]("ignoredEntry", n), this[B] = "ignore", n.resume()) : n.size > 0 && (this[dt] = "", n.on("data", (o) => this[dt] += o), this[B] = "meta") : (this[V] = void 0, n.ignore = n.ignore || !this.filter(n.path, n), n.ignore ? (this[At]("ignoredEntry", n), this[B] = n.remain ? "ignore" : "header", n.resume()) : (n.remain ? this[B] = "body" : (this[B] = "header", n.end()), this[it] ? this[st].push(n) : (this[st].push(n), this[Zi]())));
          }
        }
      }
      [$s]() {
        queueMicrotask(() => this.emit("close"));
      }
      [Zs](t) {
        let e = !0;
        if (!t) this[it] = void 0, e = !1;
        else if (Array.isArray(t)) {
          let [i, ...r] = t;
          this.emit(i, ...r);
        } else this[it] = t, this.emit("entry", t), t.emittedEnd || (t.on("end", () => this[Zi]()), e = !1);
        return e;
      }
      [Zi]() {
        do
          ;
        while (this[Zs](this[st].shift()));
        if (this[st].length === 0) {
          let t = this[it];
          !t || t.flowing || t.size === t.remain ? this[Yt] || this.emit("drain") : t.once("drain", () => this.emit("drain"));
        }
      }
      [Ki](t, e) {
        let i = this[Nt];
        if (!i) throw new Error("attempt to consume body without entry??");
        let r = i.blockRemain ?? 0, n = r >= t.length && e === 0 ? t : t.subarray(e, e + r);
        return i.write(n), i.blockRemain || (this[B] = "header", this[Nt] = void 0, i.end()), n.length;
      }
      [Ks](t, e) {
        let i = this[Nt], r = this[Ki](t, e);
        return !this[Nt] && i && this[Ys](i), r;
      }
      [At](t, e, i) {
        this[st].length === 0 && !this[it] ? this.emit(t, e, i) : this[st].push([t, e, i]);
      }
      [Ys](t) {
        switch (this[At]("meta", this[dt]), t.type) {
          case "ExtendedHeader":
          case "OldExtendedHeader":
            this[V] = ft.parse(this[dt], this[V], !1);
            break;
          case "GlobalExtendedHeader":
            this[he] = ft.parse(this[dt], this[he], !0);
            break;
          case "NextFileHasLongPath":
          case "OldGnuLongPath": {
            let e = this[V] ?? /* @__PURE__ */ Object.create(null);
            this[V] = e, e.path = this[dt].replace(/\0.*/, "");
            break;
          }
          case "NextFileHasLongLinkpath": {
            let e = this[V] || /* @__PURE__ */ Object.create(null);
            this[V] = e, e.linkpath = this[dt].replace(/\0.*/, "");
            break;
          }
          default:
            throw new Error("unknown meta: " + t.type);
        }
      }
      abort(t) {
        if (!this[$]) {
          if (this[w]) {
            let e = this[w];
            e.write = () => !0, e.end = () => e, e.emit = () => !1, e.destroy?.();
          }
          this[$] = !0, this.emit("abort", t), this.warn("TAR_ABORT", t, { recoverable: !1 });
        }
      }
      [Xs](t) {
        this[$i] += t.length;
        let e = this[$i] / this[le];
        return e > this.maxDecompressionRatio ? (this.abort(new Error(`max decompression ratio exceeded: ${e.toFixed(2)} > ${this.maxDecompressionRatio}`)), !1) : !0;
      }
      write(t, e, i) {
        if (typeof e == "function" && (i = e, e = void 0), typeof t == "string" && (t = Buffer.from(t, typeof e == "string" ? e : "utf8")), this[$]) return i?.(), !1;
        if ((this[w] === void 0 || this.brotli === void 0 && this[w] === !1) && t) {
          if (this[p] && (t = Buffer.concat([this[p], t]), this[p] = void 0), t.length < An) return this[p] = t, i?.(), !0;
          for (let a = 0; this[w] === void 0 && a < Xi.length; a++) t[a] !== Xi[a] && (this[w] = !1);
          let o = !1;
          if (this[w] === !1 && this.zstd !== !1) {
            o = !0;
            for (let a = 0; a < qi.length; a++) if (t[a] !== qi[a]) {
              o = !1;
              break;
            }
          }
          let h = this.brotli === void 0 && !o;
          if (this[w] === !1 && h) if (t.length < 512) if (this[ut]) this.brotli = !0;
          else return this[p] = t, i?.(), !0;
          else try {
            new F(t.subarray(0, 512)), this.brotli = !1;
          } catch {
            this.brotli = !0;
          }
          if (this[w] === void 0 || this[w] === !1 && (this.brotli || o)) {
            let a = this[ut];
            this[ut] = !1, this[w] = this[w] === void 0 ? new Ue({}) : o ? new Ke({}) : new Ge({}), this[w].on("data", (c) => {
              this[Xs](c) && this[Xe](c);
            }), this[w].on("error", (c) => {
              this[$] || this.abort(c);
            }), this[w].on("end", () => {
              this[ut] = !0, this[Xe]();
            }), this[Yt] = !0, this[le] += t.length;
            let l = !!this[w][a ? "end" : "write"](t);
            return this[Yt] = !1, i?.(), l;
          }
        }
        this[Yt] = !0, this[w] ? (this[le] += t.length, this[w].write(t)) : this[Xe](t), this[Yt] = !1;
        let n = this[st].length > 0 ? !1 : this[it] ? this[it].flowing : !0;
        return !n && this[st].length === 0 && this[it]?.once("drain", () => this.emit("drain")), i?.(), n;
      }
      [Vi](t) {
        t && !this[$] && (this[p] = this[p] ? Buffer.concat([this[p], t]) : t);
      }
      [Qe]() {
        if (this[ut] && !this[Yi] && !this[$] && !this[ae]) {
          this[Yi] = !0;
          let t = this[Nt];
          if (t?.blockRemain) {
            let e = this[p] ? this[p].length : 0;
            this.warn("TAR_BAD_ARCHIVE", `Truncated input (needed ${t.blockRemain} more bytes, only ${e} available)`, { entry: t }), this[p] && t.write(this[p]), t.end();
          }
          this[At](Je);
        }
      }
      [Xe](t) {
        if (this[ae] && t) this[Vi](t);
        else if (!t && !this[p]) this[Qe]();
        else if (t) {
          if (this[ae] = !0, this[p]) {
            this[Vi](t);
            let e = this[p];
            this[p] = void 0, this[qe](e);
          } else this[qe](t);
          for (; this[p] && this[p]?.length >= 512 && !this[$] && !this[ti]; ) {
            let e = this[p];
            this[p] = void 0, this[qe](e);
          }
          this[ae] = !1;
        }
        (!this[p] || this[ut]) && this[Qe]();
      }
      [qe](t) {
        let e = 0, i = t.length;
        for (; e + 512 <= i && !this[$] && !this[ti]; ) switch (this[B]) {
          case "begin":
          case "header":
            this[Vs](t, e), e += 512;
            break;
          case "ignore":
          case "body":
            e += this[Ki](t, e);
            break;
          case "meta":
            e += this[Ks](t, e);
            break;
          default:
            throw new Error("invalid state: " + this[B]);
        }
        e < i && (this[p] = this[p] ? Buffer.concat([t.subarray(e), this[p]]) : t.subarray(e));
      }
      end(t, e, i) {
        return typeof t == "function" && (i = t, e = void 0, t = void 0), typeof e == "function" && (i = e, e = void 0), typeof t == "string" && (t = Buffer.from(t, e)), i && this.once("finish", i), this[$] || (this[w] ? (t && (this[le] += t.length, this[w].write(t)), this[w].end()) : (this[ut] = !0, (this.brotli === void 0 || this.zstd === void 0) && (t = t || Buffer.alloc(0)), t && this.write(t), this[Qe]())), this;
      }
    }, mt = (s3) => {
      let t = s3.length - 1, e = -1;
      for (; t > -1 && s3.charAt(t) === "/"; ) e = t, t--;
      return e === -1 ? s3 : s3.slice(0, e);
    }, vn = (s3) => {
      let t = s3.onReadEntry;
      s3.onReadEntry = t ? (e) => {
        t(e), e.resume();
      } : (e) => e.resume();
    }, Qi = (s3, t) => {
      let e = new Map(t.map((o) => [mt(o), !0])), i = s3.filter, r = 100, n = (o, h = "", a = 0) => {
        if (a >= r) return e.set(o, !1), !1;
        let l = h || (0, import_path.parse)(o).root || ".", c;
        if (o === l) c = !1;
        else {
          let d = e.get(o);
          c = d !== void 0 ? d : n((0, import_path.dirname)(o), l, a + 1);
        }
        return e.set(o, c), c;
      };
      s3.filter = i ? (o, h) => i(o, h) && n(mt(o)) : (o) => n(mt(o));
    }, Mn = (s3) => {
      let t = new rt(s3), e = s3.file, i;
      try {
        i = import_node_fs6.default.openSync(e, "r");
        let r = import_node_fs6.default.fstatSync(i), n = s3.maxReadSize || 16 * 1024 * 1024;
        if (r.size < n) {
          let o = Buffer.allocUnsafe(r.size), h = import_node_fs6.default.readSync(i, o, 0, r.size, 0);
          t.end(h === o.byteLength ? o : o.subarray(0, h));
        } else {
          let o = 0, h = Buffer.allocUnsafe(n);
          for (; o < r.size; ) {
            let a = import_node_fs6.default.readSync(i, h, 0, n, o);
            if (a === 0) break;
            o += a, t.write(h.subarray(0, a));
          }
          t.end();
        }
      } finally {
        if (typeof i == "number") try {
          import_node_fs6.default.closeSync(i);
        } catch {
        }
      }
    }, Bn = (s3, t) => {
      let e = new rt(s3), i = s3.maxReadSize || 16 * 1024 * 1024, r = s3.file;
      return new Promise((o, h) => {
        e.on("error", h), e.on("end", o), import_node_fs6.default.stat(r, (a, l) => {
          if (a) h(a);
          else {
            let c = new _t(r, { readSize: i, size: l.size });
            c.on("error", h), c.pipe(e);
          }
        });
      });
    }, Ct = K(Mn, Bn, (s3) => new rt(s3), (s3) => new rt(s3), (s3, t) => {
      t?.length && Qi(s3, t), s3.noResume || vn(s3);
    }), Ji = (s3, t, e) => (s3 &= 4095, e && (s3 = (s3 | 384) & -19), t && (s3 & 256 && (s3 |= 64), s3 & 32 && (s3 |= 8), s3 & 4 && (s3 |= 1)), s3), { isAbsolute: zn, parse: qs } = import_node_path8.win32, ce = (s3) => {
      let t = "", e = qs(s3);
      for (; zn(s3) || e.root; ) {
        let i = s3.charAt(0) === "/" && s3.slice(0, 4) !== "//?/" ? "/" : e.root;
        s3 = s3.slice(i.length), t += i, e = qs(s3);
      }
      return [t, s3];
    }, ei = ["|", "<", ">", "?", ":"], ji = ei.map((s3) => String.fromCodePoint(61440 + Number(s3.codePointAt(0)))), Un = new Map(ei.map((s3, t) => [s3, ji[t]])), Hn = new Map(ji.map((s3, t) => [s3, ei[t]])), ts = (s3) => ei.reduce((t, e) => t.split(e).join(Un.get(e)), s3), Qs = (s3) => ji.reduce((t, e) => t.split(e).join(Hn.get(e)), s3), rr = (s3, t) => t ? (s3 = f(s3).replace(/^\.(\/|$)/, ""), mt(t) + "/" + s3) : f(s3), Wn = 16 * 1024 * 1024, tr = /* @__PURE__ */ Symbol("process"), er = /* @__PURE__ */ Symbol("file"), ir = /* @__PURE__ */ Symbol("directory"), is = /* @__PURE__ */ Symbol("symlink"), sr = /* @__PURE__ */ Symbol("hardlink"), fe = /* @__PURE__ */ Symbol("header"), ii = /* @__PURE__ */ Symbol("read"), ss = /* @__PURE__ */ Symbol("lstat"), si = /* @__PURE__ */ Symbol("onlstat"), rs = /* @__PURE__ */ Symbol("onread"), ns = /* @__PURE__ */ Symbol("onreadlink"), os = /* @__PURE__ */ Symbol("openfile"), hs = /* @__PURE__ */ Symbol("onopenfile"), pt = /* @__PURE__ */ Symbol("close"), ri = /* @__PURE__ */ Symbol("mode"), as = /* @__PURE__ */ Symbol("awaitDrain"), es = /* @__PURE__ */ Symbol("ondrain"), q = /* @__PURE__ */ Symbol("prefix"), de = class extends A {
      path;
      portable;
      myuid = process.getuid && process.getuid() || 0;
      myuser = process.env.USER || "";
      maxReadSize;
      linkCache;
      statCache;
      preservePaths;
      cwd;
      strict;
      mtime;
      noPax;
      noMtime;
      prefix;
      fd;
      blockLen = 0;
      blockRemain = 0;
      buf;
      pos = 0;
      remain = 0;
      length = 0;
      offset = 0;
      win32;
      absolute;
      header;
      type;
      linkpath;
      stat;
      onWriteEntry;
      #t = !1;
      constructor(t, e = {}) {
        let i = se(e);
        super(), this.path = f(t), this.portable = !!i.portable, this.maxReadSize = i.maxReadSize || Wn, this.linkCache = i.linkCache || /* @__PURE__ */ new Map(), this.statCache = i.statCache || /* @__PURE__ */ new Map(), this.preservePaths = !!i.preservePaths, this.cwd = f(i.cwd || process.cwd()), this.strict = !!i.strict, this.noPax = !!i.noPax, this.noMtime = !!i.noMtime, this.mtime = i.mtime, this.prefix = i.prefix ? f(i.prefix) : void 0, this.onWriteEntry = i.onWriteEntry, typeof i.onwarn == "function" && this.on("warn", i.onwarn);
        let r = !1;
        if (!this.preservePaths) {
          let [o, h] = ce(this.path);
          o && typeof h == "string" && (this.path = h, r = o);
        }
        this.win32 = !!i.win32 || process.platform === "win32", this.win32 && (this.path = Qs(this.path.replaceAll(/\\/g, "/")), t = t.replaceAll(/\\/g, "/")), this.absolute = f(i.absolute || import_path2.default.resolve(this.cwd, t)), this.path === "" && (this.path = "./"), r && this.warn("TAR_ENTRY_INFO", `stripping ${r} from absolute path`, { entry: this, path: r + this.path });
        let n = this.statCache.get(this.absolute);
        n ? this[si](n) : this[ss]();
      }
      warn(t, e, i = {}) {
        return Dt(this, t, e, i);
      }
      emit(t, ...e) {
        return t === "error" && (this.#t = !0), super.emit(t, ...e);
      }
      [ss]() {
        import_fs3.default.lstat(this.absolute, (t, e) => {
          if (t) return this.emit("error", t);
          this[si](e);
        });
      }
      [si](t) {
        this.statCache.set(this.absolute, t), this.stat = t, t.isFile() || (t.size = 0), this.type = Gn(t), this.emit("stat", t), this[tr]();
      }
      [tr]() {
        switch (this.type) {
          case "File":
            return this[er]();
          case "Directory":
            return this[ir]();
          case "SymbolicLink":
            return this[is]();
          default:
            return this.end();
        }
      }
      [ri](t) {
        return Ji(t, this.type === "Directory", this.portable);
      }
      [q](t) {
        return rr(t, this.prefix);
      }
      [fe]() {
        if (!this.stat) throw new Error("cannot write header before stat");
        this.type === "Directory" && this.portable && (this.noMtime = !0), this.onWriteEntry?.(this), this.header = new F({ path: this[q](this.path), linkpath: this.type === "Link" && this.linkpath !== void 0 ? this[q](this.linkpath) : this.linkpath, mode: this[ri](this.stat.mode), uid: this.portable ? void 0 : this.stat.uid, gid: this.portable ? void 0 : this.stat.gid, size: this.stat.size, mtime: this.noMtime ? void 0 : this.mtime || this.stat.mtime, type: this.type === "Unsupported" ? void 0 : this.type, uname: this.portable ? void 0 : this.stat.uid === this.myuid ? this.myuser : "", atime: this.portable ? void 0 : this.stat.atime, ctime: this.portable ? void 0 : this.stat.ctime }), this.header.encode() && !this.noPax && super.write(new ft({ atime: this.portable ? void 0 : this.header.atime, ctime: this.portable ? void 0 : this.header.ctime, gid: this.portable ? void 0 : this.header.gid, mtime: this.noMtime ? void 0 : this.mtime || this.header.mtime, path: this[q](this.path), linkpath: this.type === "Link" && this.linkpath !== void 0 ? this[q](this.linkpath) : this.linkpath, size: this.header.size, uid: this.portable ? void 0 : this.header.uid, uname: this.portable ? void 0 : this.header.uname, dev: this.portable ? void 0 : this.stat.dev, ino: this.portable ? void 0 : this.stat.ino, nlink: this.portable ? void 0 : this.stat.nlink }).encode());
        let t = this.header?.block;
        if (!t) throw new Error("failed to encode header");
        super.write(t);
      }
      [ir]() {
        if (!this.stat) throw new Error("cannot create directory entry without stat");
        this.path.slice(-1) !== "/" && (this.path += "/"), this.stat.size = 0, this[fe](), this.end();
      }
      [is]() {
        import_fs3.default.readlink(this.absolute, (t, e) => {
          if (t) return this.emit("error", t);
          this[ns](e);
        });
      }
      [ns](t) {
        this.linkpath = f(t), this[fe](), this.end();
      }
      [sr](t) {
        if (!this.stat) throw new Error("cannot create link entry without stat");
        this.type = "Link", this.linkpath = f(import_path2.default.relative(this.cwd, t)), this.stat.size = 0, this[fe](), this.end();
      }
      [er]() {
        if (!this.stat) throw new Error("cannot create file entry without stat");
        if (this.stat.nlink > 1) {
          let t = `${this.stat.dev}:${this.stat.ino}`, e = this.linkCache.get(t);
          if (e?.indexOf(this.cwd) === 0) return this[sr](e);
          this.linkCache.set(t, this.absolute);
        }
        if (this[fe](), this.stat.size === 0) return this.end();
        this[os]();
      }
      [os]() {
        import_fs3.default.open(this.absolute, "r", (t, e) => {
          if (t) return this.emit("error", t);
          this[hs](e);
        });
      }
      [hs](t) {
        if (this.fd = t, this.#t) return this[pt]();
        if (!this.stat) throw new Error("should stat before calling onopenfile");
        this.blockLen = 512 * Math.ceil(this.stat.size / 512), this.blockRemain = this.blockLen;
        let e = Math.min(this.blockLen, this.maxReadSize);
        this.buf = Buffer.allocUnsafe(e), this.offset = 0, this.pos = 0, this.remain = this.stat.size, this.length = this.buf.length, this[ii]();
      }
      [ii]() {
        let { fd: t, buf: e, offset: i, length: r, pos: n } = this;
        if (t === void 0 || e === void 0) throw new Error("cannot read file without first opening");
        import_fs3.default.read(t, e, i, r, n, (o, h) => {
          if (o) return this[pt](() => this.emit("error", o));
          this[rs](h);
        });
      }
      [pt](t = () => {
      }) {
        this.fd !== void 0 && import_fs3.default.close(this.fd, t);
      }
      [rs](t) {
        if (t <= 0 && this.remain > 0) {
          let r = Object.assign(new Error("encountered unexpected EOF"), { path: this.absolute, syscall: "read", code: "EOF" });
          return this[pt](() => this.emit("error", r));
        }
        if (t > this.remain) {
          let r = Object.assign(new Error("did not encounter expected EOF"), { path: this.absolute, syscall: "read", code: "EOF" });
          return this[pt](() => this.emit("error", r));
        }
        if (!this.buf) throw new Error("should have created buffer prior to reading");
        if (t === this.remain) for (let r = t; r < this.length && t < this.blockRemain; r++) this.buf[r + this.offset] = 0, t++, this.remain++;
        let e = this.offset === 0 && t === this.buf.length ? this.buf : this.buf.subarray(this.offset, this.offset + t);
        this.write(e) ? this[es]() : this[as](() => this[es]());
      }
      [as](t) {
        this.once("drain", t);
      }
      write(t, e, i) {
        if (typeof e == "function" && (i = e, e = void 0), typeof t == "string" && (t = Buffer.from(t, typeof e == "string" ? e : "utf8")), this.blockRemain < t.length) {
          let r = Object.assign(new Error("writing more data than expected"), { path: this.absolute });
          return this.emit("error", r);
        }
        return this.remain -= t.length, this.blockRemain -= t.length, this.pos += t.length, this.offset += t.length, super.write(t, null, i);
      }
      [es]() {
        if (!this.remain) return this.blockRemain && super.write(Buffer.alloc(this.blockRemain)), this[pt]((t) => t ? this.emit("error", t) : this.end());
        if (!this.buf) throw new Error("buffer lost somehow in ONDRAIN");
        this.offset >= this.length && (this.buf = Buffer.allocUnsafe(Math.min(this.blockRemain, this.buf.length)), this.offset = 0), this.length = this.buf.length - this.offset, this[ii]();
      }
    }, ni = class extends de {
      sync = !0;
      [ss]() {
        this[si](import_fs3.default.lstatSync(this.absolute));
      }
      [is]() {
        this[ns](import_fs3.default.readlinkSync(this.absolute));
      }
      [os]() {
        this[hs](import_fs3.default.openSync(this.absolute, "r"));
      }
      [ii]() {
        let t = !0;
        try {
          let { fd: e, buf: i, offset: r, length: n, pos: o } = this;
          if (e === void 0 || i === void 0) throw new Error("fd and buf must be set in READ method");
          let h = import_fs3.default.readSync(e, i, r, n, o);
          this[rs](h), t = !1;
        } finally {
          if (t) try {
            this[pt](() => {
            });
          } catch {
          }
        }
      }
      [as](t) {
        t();
      }
      [pt](t = () => {
      }) {
        this.fd !== void 0 && import_fs3.default.closeSync(this.fd), t();
      }
    }, oi = class extends A {
      blockLen = 0;
      blockRemain = 0;
      buf = 0;
      pos = 0;
      remain = 0;
      length = 0;
      preservePaths;
      portable;
      strict;
      noPax;
      noMtime;
      readEntry;
      type;
      prefix;
      path;
      mode;
      uid;
      gid;
      uname;
      gname;
      header;
      mtime;
      atime;
      ctime;
      linkpath;
      size;
      onWriteEntry;
      warn(t, e, i = {}) {
        return Dt(this, t, e, i);
      }
      constructor(t, e = {}) {
        let i = se(e);
        super(), this.preservePaths = !!i.preservePaths, this.portable = !!i.portable, this.strict = !!i.strict, this.noPax = !!i.noPax, this.noMtime = !!i.noMtime, this.onWriteEntry = i.onWriteEntry, this.readEntry = t;
        let { type: r } = t;
        if (r === "Unsupported") throw new Error("writing entry that should be ignored");
        this.type = r, this.type === "Directory" && this.portable && (this.noMtime = !0), this.prefix = i.prefix, this.path = f(t.path), this.mode = t.mode !== void 0 ? this[ri](t.mode) : void 0, this.uid = this.portable ? void 0 : t.uid, this.gid = this.portable ? void 0 : t.gid, this.uname = this.portable ? void 0 : t.uname, this.gname = this.portable ? void 0 : t.gname, this.size = t.size, this.mtime = this.noMtime ? void 0 : i.mtime || t.mtime, this.atime = this.portable ? void 0 : t.atime, this.ctime = this.portable ? void 0 : t.ctime, this.linkpath = t.linkpath !== void 0 ? f(t.linkpath) : void 0, typeof i.onwarn == "function" && this.on("warn", i.onwarn);
        let n = !1;
        if (!this.preservePaths) {
          let [h, a] = ce(this.path);
          h && typeof a == "string" && (this.path = a, n = h);
        }
        this.remain = t.size, this.blockRemain = t.startBlockSize, this.onWriteEntry?.(this), this.header = new F({ path: this[q](this.path), linkpath: this.type === "Link" && this.linkpath !== void 0 ? this[q](this.linkpath) : this.linkpath, mode: this.mode, uid: this.portable ? void 0 : this.uid, gid: this.portable ? void 0 : this.gid, size: this.size, mtime: this.noMtime ? void 0 : this.mtime, type: this.type, uname: this.portable ? void 0 : this.uname, atime: this.portable ? void 0 : this.atime, ctime: this.portable ? void 0 : this.ctime }), n && this.warn("TAR_ENTRY_INFO", `stripping ${n} from absolute path`, { entry: this, path: n + this.path }), this.header.encode() && !this.noPax && super.write(new ft({ atime: this.portable ? void 0 : this.atime, ctime: this.portable ? void 0 : this.ctime, gid: this.portable ? void 0 : this.gid, mtime: this.noMtime ? void 0 : this.mtime, path: this[q](this.path), linkpath: this.type === "Link" && this.linkpath !== void 0 ? this[q](this.linkpath) : this.linkpath, size: this.size, uid: this.portable ? void 0 : this.uid, uname: this.portable ? void 0 : this.uname, dev: this.portable ? void 0 : this.readEntry.dev, ino: this.portable ? void 0 : this.readEntry.ino, nlink: this.portable ? void 0 : this.readEntry.nlink }).encode());
        let o = this.header?.block;
        if (!o) throw new Error("failed to encode header");
        super.write(o), t.pipe(this);
      }
      [q](t) {
        return rr(t, this.prefix);
      }
      [ri](t) {
        return Ji(t, this.type === "Directory", this.portable);
      }
      write(t, e, i) {
        typeof e == "function" && (i = e, e = void 0), typeof t == "string" && (t = Buffer.from(t, typeof e == "string" ? e : "utf8"));
        let r = t.length;
        if (r > this.blockRemain) throw new Error("writing more to entry than is appropriate");
        return this.blockRemain -= r, super.write(t, i);
      }
      end(t, e, i) {
        return this.blockRemain && super.write(Buffer.alloc(this.blockRemain)), typeof t == "function" && (i = t, e = void 0, t = void 0), typeof e == "function" && (i = e, e = void 0), typeof t == "string" && (t = Buffer.from(t, e ?? "utf8")), i && this.once("finish", i), t ? super.end(t, i) : super.end(i), this;
      }
    }, Gn = (s3) => s3.isFile() ? "File" : s3.isDirectory() ? "Directory" : s3.isSymbolicLink() ? "SymbolicLink" : "Unsupported", hi = class s2 {
      tail;
      head;
      length = 0;
      static create(t = []) {
        return new s2(t);
      }
      constructor(t = []) {
        for (let e of t) this.push(e);
      }
      *[Symbol.iterator]() {
        for (let t = this.head; t; t = t.next) yield t.value;
      }
      removeNode(t) {
        if (t.list !== this) throw new Error("removing node which does not belong to this list");
        let e = t.next, i = t.prev;
        return e && (e.prev = i), i && (i.next = e), t === this.head && (this.head = e), t === this.tail && (this.tail = i), this.length--, t.next = void 0, t.prev = void 0, t.list = void 0, e;
      }
      unshiftNode(t) {
        if (t === this.head) return;
        t.list && t.list.removeNode(t);
        let e = this.head;
        t.list = this, t.next = e, e && (e.prev = t), this.head = t, this.tail || (this.tail = t), this.length++;
      }
      pushNode(t) {
        if (t === this.tail) return;
        t.list && t.list.removeNode(t);
        let e = this.tail;
        t.list = this, t.prev = e, e && (e.next = t), this.tail = t, this.head || (this.head = t), this.length++;
      }
      push(...t) {
        for (let e = 0, i = t.length; e < i; e++) Yn(this, t[e]);
        return this.length;
      }
      unshift(...t) {
        for (var e = 0, i = t.length; e < i; e++) Kn(this, t[e]);
        return this.length;
      }
      pop() {
        if (!this.tail) return;
        let t = this.tail.value, e = this.tail;
        return this.tail = this.tail.prev, this.tail ? this.tail.next = void 0 : this.head = void 0, e.list = void 0, this.length--, t;
      }
      shift() {
        if (!this.head) return;
        let t = this.head.value, e = this.head;
        return this.head = this.head.next, this.head ? this.head.prev = void 0 : this.tail = void 0, e.list = void 0, this.length--, t;
      }
      forEach(t, e) {
        e = e || this;
        for (let i = this.head, r = 0; i; r++) t.call(e, i.value, r, this), i = i.next;
      }
      forEachReverse(t, e) {
        e = e || this;
        for (let i = this.tail, r = this.length - 1; i; r--) t.call(e, i.value, r, this), i = i.prev;
      }
      get(t) {
        let e = 0, i = this.head;
        for (; i && e < t; e++) i = i.next;
        if (e === t && i) return i.value;
      }
      getReverse(t) {
        let e = 0, i = this.tail;
        for (; i && e < t; e++) i = i.prev;
        if (e === t && i) return i.value;
      }
      map(t, e) {
        e = e || this;
        let i = new s2();
        for (let r = this.head; r; ) i.push(t.call(e, r.value, this)), r = r.next;
        return i;
      }
      mapReverse(t, e) {
        e = e || this;
        var i = new s2();
        for (let r = this.tail; r; ) i.push(t.call(e, r.value, this)), r = r.prev;
        return i;
      }
      reduce(t, e) {
        let i, r = this.head;
        if (arguments.length > 1) i = e;
        else if (this.head) r = this.head.next, i = this.head.value;
        else throw new TypeError("Reduce of empty list with no initial value");
        for (var n = 0; r; n++) i = t(i, r.value, n), r = r.next;
        return i;
      }
      reduceReverse(t, e) {
        let i, r = this.tail;
        if (arguments.length > 1) i = e;
        else if (this.tail) r = this.tail.prev, i = this.tail.value;
        else throw new TypeError("Reduce of empty list with no initial value");
        for (let n = this.length - 1; r; n--) i = t(i, r.value, n), r = r.prev;
        return i;
      }
      toArray() {
        let t = new Array(this.length);
        for (let e = 0, i = this.head; i; e++) t[e] = i.value, i = i.next;
        return t;
      }
      toArrayReverse() {
        let t = new Array(this.length);
        for (let e = 0, i = this.tail; i; e++) t[e] = i.value, i = i.prev;
        return t;
      }
      slice(t = 0, e = this.length) {
        e < 0 && (e += this.length), t < 0 && (t += this.length);
        let i = new s2();
        if (e < t || e < 0) return i;
        t < 0 && (t = 0), e > this.length && (e = this.length);
        let r = this.head, n = 0;
        for (n = 0; r && n < t; n++) r = r.next;
        for (; r && n < e; n++, r = r.next) i.push(r.value);
        return i;
      }
      sliceReverse(t = 0, e = this.length) {
        e < 0 && (e += this.length), t < 0 && (t += this.length);
        let i = new s2();
        if (e < t || e < 0) return i;
        t < 0 && (t = 0), e > this.length && (e = this.length);
        let r = this.length, n = this.tail;
        for (; n && r > e; r--) n = n.prev;
        for (; n && r > t; r--, n = n.prev) i.push(n.value);
        return i;
      }
      splice(t, e = 0, ...i) {
        t > this.length && (t = this.length - 1), t < 0 && (t = this.length + t);
        let r = this.head;
        for (let o = 0; r && o < t; o++) r = r.next;
        let n = [];
        for (let o = 0; r && o < e; o++) n.push(r.value), r = this.removeNode(r);
        r ? r !== this.tail && (r = r.prev) : r = this.tail;
        for (let o of i) r = Zn(this, r, o);
        return n;
      }
      reverse() {
        let t = this.head, e = this.tail;
        for (let i = t; i; i = i.prev) {
          let r = i.prev;
          i.prev = i.next, i.next = r;
        }
        return this.head = e, this.tail = t, this;
      }
    };
    ue = class {
      list;
      next;
      prev;
      value;
      constructor(t, e, i, r) {
        this.list = r, this.value = t, e ? (e.next = this, this.prev = e) : this.prev = void 0, i ? (i.prev = this, this.next = i) : this.next = void 0;
      }
    }, pi = class {
      path;
      absolute;
      entry;
      stat;
      readdir;
      pending = !1;
      pendingLink = !1;
      ignore = !1;
      piped = !1;
      constructor(t, e) {
        this.path = t || "./", this.absolute = e;
      }
    }, nr = Buffer.alloc(1024), li = /* @__PURE__ */ Symbol("onStat"), me = /* @__PURE__ */ Symbol("ended"), W = /* @__PURE__ */ Symbol("queue"), pe = /* @__PURE__ */ Symbol("pendingLinks"), Et = /* @__PURE__ */ Symbol("current"), Ft = /* @__PURE__ */ Symbol("process"), Ee = /* @__PURE__ */ Symbol("processing"), ai = /* @__PURE__ */ Symbol("processJob"), G = /* @__PURE__ */ Symbol("jobs"), ls = /* @__PURE__ */ Symbol("jobDone"), ci = /* @__PURE__ */ Symbol("addFSEntry"), or = /* @__PURE__ */ Symbol("addTarEntry"), ds = /* @__PURE__ */ Symbol("stat"), us = /* @__PURE__ */ Symbol("readdir"), fi = /* @__PURE__ */ Symbol("onreaddir"), di = /* @__PURE__ */ Symbol("pipe"), hr = /* @__PURE__ */ Symbol("entry"), cs = /* @__PURE__ */ Symbol("entryOpt"), ui = /* @__PURE__ */ Symbol("writeEntryClass"), lr = /* @__PURE__ */ Symbol("write"), fs = /* @__PURE__ */ Symbol("ondrain"), wt = class extends A {
      sync = !1;
      opt;
      cwd;
      maxReadSize;
      preservePaths;
      strict;
      noPax;
      prefix;
      linkCache;
      statCache;
      file;
      portable;
      zip;
      readdirCache;
      noDirRecurse;
      follow;
      noMtime;
      mtime;
      filter;
      jobs;
      [ui];
      onWriteEntry;
      [W];
      [pe] = /* @__PURE__ */ new Map();
      [G] = 0;
      [Ee] = !1;
      [me] = !1;
      constructor(t = {}) {
        if (super(), this.opt = t, this.file = t.file || "", this.cwd = t.cwd || process.cwd(), this.maxReadSize = t.maxReadSize, this.preservePaths = !!t.preservePaths, this.strict = !!t.strict, this.noPax = !!t.noPax, this.prefix = f(t.prefix || ""), this.linkCache = t.linkCache || /* @__PURE__ */ new Map(), this.statCache = t.statCache || /* @__PURE__ */ new Map(), this.readdirCache = t.readdirCache || /* @__PURE__ */ new Map(), this.onWriteEntry = t.onWriteEntry, this[ui] = de, typeof t.onwarn == "function" && this.on("warn", t.onwarn), this.portable = !!t.portable, t.gzip || t.brotli || t.zstd) {
          if ((t.gzip ? 1 : 0) + (t.brotli ? 1 : 0) + (t.zstd ? 1 : 0) > 1) throw new TypeError("gzip, brotli, zstd are mutually exclusive");
          if (t.gzip && (typeof t.gzip != "object" && (t.gzip = {}), this.portable && (t.gzip.portable = !0), this.zip = new ze(t.gzip)), t.brotli && (typeof t.brotli != "object" && (t.brotli = {}), this.zip = new We(t.brotli)), t.zstd && (typeof t.zstd != "object" && (t.zstd = {}), this.zip = new Ye(t.zstd)), !this.zip) throw new Error("impossible");
          let e = this.zip;
          e.on("data", (i) => super.write(i)), e.on("end", () => super.end()), e.on("drain", () => this[fs]()), this.on("resume", () => e.resume());
        } else this.on("drain", this[fs]);
        this.noDirRecurse = !!t.noDirRecurse, this.follow = !!t.follow, this.noMtime = !!t.noMtime, t.mtime && (this.mtime = t.mtime), this.filter = typeof t.filter == "function" ? t.filter : () => !0, this[W] = new hi(), this[G] = 0, this.jobs = Number(t.jobs) || 4, this[Ee] = !1, this[me] = !1;
      }
      [lr](t) {
        return super.write(t);
      }
      add(t) {
        return this.write(t), this;
      }
      end(t, e, i) {
        return typeof t == "function" && (i = t, t = void 0), typeof e == "function" && (i = e, e = void 0), t && this.add(t), this[me] = !0, this[Ft](), i && i(), this;
      }
      write(t) {
        if (this[me]) throw new Error("write after end");
        return typeof t == "string" ? this[ci](t) : this[or](t), this.flowing;
      }
      [or](t) {
        let e = f(import_path3.default.resolve(this.cwd, t.path));
        if (!this.filter(t.path, t)) t.resume();
        else {
          let i = new pi(t.path, e);
          i.entry = new oi(t, this[cs](i)), i.entry.on("end", () => this[ls](i)), this[G] += 1, this[W].push(i);
        }
        this[Ft]();
      }
      [ci](t) {
        let e = f(import_path3.default.resolve(this.cwd, t));
        this[W].push(new pi(t, e)), this[Ft]();
      }
      [ds](t) {
        t.pending = !0, this[G] += 1;
        let e = this.follow ? "stat" : "lstat";
        import_fs2.default[e](t.absolute, (i, r) => {
          t.pending = !1, this[G] -= 1, i ? this.emit("error", i) : this[li](t, r);
        });
      }
      [li](t, e) {
        if (this.statCache.set(t.absolute, e), t.stat = e, !this.filter(t.path, e)) t.ignore = !0;
        else if (e.isFile() && e.nlink > 1 && !this.linkCache.get(`${e.dev}:${e.ino}`) && !this.sync) if (t === this[Et]) this[ai](t);
        else {
          let i = `${e.dev}:${e.ino}`, r = this[pe].get(i);
          r ? r.push(t) : this[pe].set(i, [t]), t.pendingLink = !0, t.pending = !0;
        }
        this[Ft]();
      }
      [us](t) {
        t.pending = !0, this[G] += 1, import_fs2.default.readdir(t.absolute, (e, i) => {
          if (t.pending = !1, this[G] -= 1, e) return this.emit("error", e);
          this[fi](t, i);
        });
      }
      [fi](t, e) {
        this.readdirCache.set(t.absolute, e), t.readdir = e, this[Ft]();
      }
      [Ft]() {
        if (!this[Ee]) {
          this[Ee] = !0;
          for (let t = this[W].head; t && this[G] < this.jobs; t = t.next) if (this[ai](t.value), t.value.ignore) {
            let e = t.next;
            this[W].removeNode(t), t.next = e;
          }
          this[Ee] = !1, this[me] && this[W].length === 0 && this[G] === 0 && (this.zip ? this.zip.end(nr) : (super.write(nr), super.end()));
        }
      }
      get [Et]() {
        return this[W] && this[W].head && this[W].head.value;
      }
      [ls](t) {
        this[W].shift(), this[G] -= 1;
        let { stat: e } = t;
        if (e && e.isFile() && e.nlink > 1) {
          let i = `${e.dev}:${e.ino}`, r = this[pe].get(i);
          if (r) {
            this[pe].delete(i);
            for (let n of r) n.pending = !1, this[ai](n);
          }
        }
        this[Ft]();
      }
      [ai](t) {
        if (t.pending && t.pendingLink && t === this[Et] && (t.pending = !1, t.pendingLink = !1), !t.pending) {
          if (t.entry) {
            t === this[Et] && !t.piped && this[di](t);
            return;
          }
          if (!t.stat) {
            let e = this.statCache.get(t.absolute);
            e ? this[li](t, e) : this[ds](t);
          }
          if (t.stat && !t.ignore) {
            if (!this.noDirRecurse && t.stat.isDirectory() && !t.readdir) {
              let e = this.readdirCache.get(t.absolute);
              if (e ? this[fi](t, e) : this[us](t), !t.readdir) return;
            }
            if (t.entry = this[hr](t), !t.entry) {
              t.ignore = !0;
              return;
            }
            t === this[Et] && !t.piped && this[di](t);
          }
        }
      }
      [cs](t) {
        return { onwarn: (e, i, r) => this.warn(e, i, r), noPax: this.noPax, cwd: this.cwd, absolute: t.absolute, preservePaths: this.preservePaths, maxReadSize: this.maxReadSize, strict: this.strict, portable: this.portable, linkCache: this.linkCache, statCache: this.statCache, noMtime: this.noMtime, mtime: this.mtime, prefix: this.prefix, onWriteEntry: this.onWriteEntry };
      }
      [hr](t) {
        this[G] += 1;
        try {
          return new this[ui](t.path, this[cs](t)).on("end", () => this[ls](t)).on("error", (i) => this.emit("error", i));
        } catch (e) {
          this.emit("error", e);
        }
      }
      [fs]() {
        this[Et] && this[Et].entry && this[Et].entry.resume();
      }
      [di](t) {
        t.piped = !0, t.readdir && t.readdir.forEach((r) => {
          let n = t.path, o = n === "./" ? "" : n.replace(/\/*$/, "/");
          this[ci](o + r);
        });
        let e = t.entry, i = this.zip;
        if (!e) throw new Error("cannot pipe without source");
        i ? e.on("data", (r) => {
          i.write(r) || e.pause();
        }) : e.on("data", (r) => {
          super.write(r) || e.pause();
        });
      }
      pause() {
        return this.zip && this.zip.pause(), super.pause();
      }
      warn(t, e, i = {}) {
        Dt(this, t, e, i);
      }
    }, kt = class extends wt {
      sync = !0;
      constructor(t) {
        super(t), this[ui] = ni;
      }
      pause() {
      }
      resume() {
      }
      [ds](t) {
        let e = this.follow ? "statSync" : "lstatSync";
        this[li](t, import_fs2.default[e](t.absolute));
      }
      [us](t) {
        this[fi](t, import_fs2.default.readdirSync(t.absolute));
      }
      [di](t) {
        let e = t.entry, i = this.zip;
        if (t.readdir && t.readdir.forEach((r) => {
          let n = t.path, o = n === "./" ? "" : n.replace(/\/*$/, "/");
          this[ci](o + r);
        }), !e) throw new Error("Cannot pipe without source");
        i ? e.on("data", (r) => {
          i.write(r);
        }) : e.on("data", (r) => {
          super[lr](r);
        });
      }
    }, Vn = (s3, t) => {
      let e = new kt(s3), i = new Wt(s3.file, { mode: s3.mode || 438 });
      e.pipe(i), fr(e, t);
    }, $n = (s3, t) => {
      let e = new wt(s3), i = new et(s3.file, { mode: s3.mode || 438 });
      e.pipe(i);
      let r = new Promise((n, o) => {
        i.on("error", o), i.on("close", n), e.on("error", o);
      });
      return dr(e, t).catch((n) => e.emit("error", n)), r;
    }, fr = (s3, t) => {
      t.forEach((e) => {
        e.charAt(0) === "@" ? Ct({ file: import_node_path5.default.resolve(s3.cwd, e.slice(1)), sync: !0, noResume: !0, onReadEntry: (i) => s3.add(i) }) : s3.add(e);
      }), s3.end();
    }, dr = async (s3, t) => {
      for (let e of t) e.charAt(0) === "@" ? await Ct({ file: import_node_path5.default.resolve(String(s3.cwd), e.slice(1)), noResume: !0, onReadEntry: (i) => {
        s3.add(i);
      } }) : s3.add(e);
      s3.end();
    }, Xn = (s3, t) => {
      let e = new kt(s3);
      return fr(e, t), e;
    }, qn = (s3, t) => {
      let e = new wt(s3);
      return dr(e, t).catch((i) => e.emit("error", i)), e;
    }, Qn = K(Vn, $n, Xn, qn, (s3, t) => {
      if (!t?.length) throw new TypeError("no paths specified to add to archive");
    }), Jn = process.env.__FAKE_PLATFORM__ || process.platform, Er = Jn === "win32", { O_CREAT: wr, O_NOFOLLOW: ur, O_TRUNC: Sr, O_WRONLY: yr } = import_fs4.default.constants, Rr = Number(process.env.__FAKE_FS_O_FILENAME__) || import_fs4.default.constants.UV_FS_O_FILEMAP || 0, jn = Er && !!Rr, to = 512 * 1024, eo = Rr | Sr | wr | yr, mr = !Er && typeof ur == "number" ? ur | Sr | wr | yr : null, ms = mr !== null ? () => mr : jn ? (s3) => s3 < to ? eo : "w" : () => "w", ps = (s3, t, e) => {
      try {
        return import_node_fs9.default.lchownSync(s3, t, e);
      } catch (i) {
        if (i?.code !== "ENOENT") throw i;
      }
    }, Ei = (s3, t, e, i) => {
      import_node_fs9.default.lchown(s3, t, e, (r) => {
        i(r && r?.code !== "ENOENT" ? r : null);
      });
    }, io = (s3, t, e, i, r) => {
      if (t.isDirectory()) Es(import_node_path10.default.resolve(s3, t.name), e, i, (n) => {
        if (n) return r(n);
        let o = import_node_path10.default.resolve(s3, t.name);
        Ei(o, e, i, r);
      });
      else {
        let n = import_node_path10.default.resolve(s3, t.name);
        Ei(n, e, i, r);
      }
    }, Es = (s3, t, e, i) => {
      import_node_fs9.default.readdir(s3, { withFileTypes: !0 }, (r, n) => {
        if (r) {
          if (r.code === "ENOENT") return i();
          if (r.code !== "ENOTDIR" && r.code !== "ENOTSUP") return i(r);
        }
        if (r || !n.length) return Ei(s3, t, e, i);
        let o = n.length, h = null, a = (l) => {
          if (!h) {
            if (l) return i(h = l);
            if (--o === 0) return Ei(s3, t, e, i);
          }
        };
        for (let l of n) io(s3, l, t, e, a);
      });
    }, so = (s3, t, e, i) => {
      t.isDirectory() && ws(import_node_path10.default.resolve(s3, t.name), e, i), ps(import_node_path10.default.resolve(s3, t.name), e, i);
    }, ws = (s3, t, e) => {
      let i;
      try {
        i = import_node_fs9.default.readdirSync(s3, { withFileTypes: !0 });
      } catch (r) {
        let n = r;
        if (n?.code === "ENOENT") return;
        if (n?.code === "ENOTDIR" || n?.code === "ENOTSUP") return ps(s3, t, e);
        throw n;
      }
      for (let r of i) so(s3, r, t, e);
      return ps(s3, t, e);
    }, Se = class extends Error {
      path;
      code;
      syscall = "chdir";
      constructor(t, e) {
        super(`${e}: Cannot cd into '${t}'`), this.path = t, this.code = e;
      }
      get name() {
        return "CwdError";
      }
    }, St = class extends Error {
      path;
      symlink;
      syscall = "symlink";
      code = "TAR_SYMLINK_ERROR";
      constructor(t, e) {
        super("TAR_SYMLINK_ERROR: Cannot extract through symbolic link"), this.symlink = t, this.path = e;
      }
      get name() {
        return "SymlinkError";
      }
    }, no = (s3, t) => {
      import_node_fs10.default.stat(s3, (e, i) => {
        (e || !i.isDirectory()) && (e = new Se(s3, e?.code || "ENOTDIR")), t(e);
      });
    }, gr = (s3, t, e) => {
      s3 = f(s3);
      let i = t.umask ?? 18, r = t.mode | 448, n = (r & i) !== 0, o = t.uid, h = t.gid, a = typeof o == "number" && typeof h == "number" && (o !== t.processUid || h !== t.processGid), l = t.preserve, c = t.unlink, d = f(t.cwd), y = (E, x) => {
        E ? e(E) : x && a ? Es(x, o, h, (Le) => y(Le)) : n ? import_node_fs10.default.chmod(s3, r, e) : e();
      };
      if (s3 === d) return no(s3, y);
      if (l) return import_promises.default.mkdir(s3, { mode: r, recursive: !0 }).then((E) => y(null, E ?? void 0), y);
      let D = f(import_node_path11.default.relative(d, s3)).split("/");
      Ss(d, D, r, c, d, void 0, y);
    }, Ss = (s3, t, e, i, r, n, o) => {
      if (t.length === 0) return o(null, n);
      let h = t.shift(), a = f(import_node_path11.default.resolve(s3 + "/" + h));
      import_node_fs10.default.mkdir(a, e, br(a, t, e, i, r, n, o));
    }, br = (s3, t, e, i, r, n, o) => (h) => {
      h ? import_node_fs10.default.lstat(s3, (a, l) => {
        if (a) a.path = a.path && f(a.path), o(a);
        else if (l.isDirectory()) Ss(s3, t, e, i, r, n, o);
        else if (i) import_node_fs10.default.unlink(s3, (c) => {
          if (c) return o(c);
          import_node_fs10.default.mkdir(s3, e, br(s3, t, e, i, r, n, o));
        });
        else {
          if (l.isSymbolicLink()) return o(new St(s3, s3 + "/" + t.join("/")));
          o(h);
        }
      }) : (n = n || s3, Ss(s3, t, e, i, r, n, o));
    }, oo = (s3) => {
      let t = !1, e;
      try {
        t = import_node_fs10.default.statSync(s3).isDirectory();
      } catch (i) {
        e = i?.code;
      } finally {
        if (!t) throw new Se(s3, e ?? "ENOTDIR");
      }
    }, _r = (s3, t) => {
      s3 = f(s3);
      let e = t.umask ?? 18, i = t.mode | 448, r = (i & e) !== 0, n = t.uid, o = t.gid, h = typeof n == "number" && typeof o == "number" && (n !== t.processUid || o !== t.processGid), a = t.preserve, l = t.unlink, c = f(t.cwd), d = (E) => {
        E && h && ws(E, n, o), r && import_node_fs10.default.chmodSync(s3, i);
      };
      if (s3 === c) return oo(c), d();
      if (a) return d(import_node_fs10.default.mkdirSync(s3, { mode: i, recursive: !0 }) ?? void 0);
      let T = f(import_node_path11.default.relative(c, s3)).split("/"), D;
      for (let E = T.shift(), x = c; E && (x += "/" + E); E = T.shift()) {
        x = f(import_node_path11.default.resolve(x));
        try {
          import_node_fs10.default.mkdirSync(x, i), D = D || x;
        } catch {
          let Le = import_node_fs10.default.lstatSync(x);
          if (Le.isDirectory()) continue;
          if (l) {
            import_node_fs10.default.unlinkSync(x), import_node_fs10.default.mkdirSync(x, i), D = D || x;
            continue;
          } else if (Le.isSymbolicLink()) return new St(x, x + "/" + T.join("/"));
        }
      }
      return d(D);
    }, ys = /* @__PURE__ */ Object.create(null), Or = 1e4, Vt = /* @__PURE__ */ new Set(), Tr = (s3) => {
      Vt.has(s3) ? Vt.delete(s3) : ys[s3] = s3.normalize("NFD").toLocaleLowerCase("en").toLocaleUpperCase("en"), Vt.add(s3);
      let t = ys[s3], e = Vt.size - Or;
      if (e > Or / 10) {
        for (let i of Vt) if (Vt.delete(i), delete ys[i], --e <= 0) break;
      }
      return t;
    }, ho = process.env.TESTING_TAR_FAKE_PLATFORM || process.platform, ao = ho === "win32", lo = (s3) => s3.split("/").slice(0, -1).reduce((e, i) => {
      let r = e.at(-1);
      return r !== void 0 && (i = (0, import_node_path12.join)(r, i)), e.push(i || "/"), e;
    }, []), yi = class {
      #t = /* @__PURE__ */ new Map();
      #i = /* @__PURE__ */ new Map();
      #s = /* @__PURE__ */ new Set();
      reserve(t, e) {
        t = ao ? ["win32 parallelization disabled"] : t.map((r) => mt((0, import_node_path12.join)(Tr(r))));
        let i = new Set(t.map((r) => lo(r)).reduce((r, n) => r.concat(n)));
        this.#i.set(e, { dirs: i, paths: t });
        for (let r of t) {
          let n = this.#t.get(r);
          n ? n.push(e) : this.#t.set(r, [e]);
        }
        for (let r of i) {
          let n = this.#t.get(r);
          if (!n) this.#t.set(r, [/* @__PURE__ */ new Set([e])]);
          else {
            let o = n.at(-1);
            o instanceof Set ? o.add(e) : n.push(/* @__PURE__ */ new Set([e]));
          }
        }
        return this.#r(e);
      }
      #n(t) {
        let e = this.#i.get(t);
        if (!e) throw new Error("function does not have any path reservations");
        return { paths: e.paths.map((i) => this.#t.get(i)), dirs: [...e.dirs].map((i) => this.#t.get(i)) };
      }
      check(t) {
        let { paths: e, dirs: i } = this.#n(t);
        return e.every((r) => r && r[0] === t) && i.every((r) => r && r[0] instanceof Set && r[0].has(t));
      }
      #r(t) {
        return this.#s.has(t) || !this.check(t) ? !1 : (this.#s.add(t), t(() => this.#e(t)), !0);
      }
      #e(t) {
        if (!this.#s.has(t)) return !1;
        let e = this.#i.get(t);
        if (!e) throw new Error("invalid reservation");
        let { paths: i, dirs: r } = e, n = /* @__PURE__ */ new Set();
        for (let o of i) {
          let h = this.#t.get(o);
          if (!h || h?.[0] !== t) continue;
          let a = h[1];
          if (!a) {
            this.#t.delete(o);
            continue;
          }
          if (h.shift(), typeof a == "function") n.add(a);
          else for (let l of a) n.add(l);
        }
        for (let o of r) {
          let h = this.#t.get(o), a = h?.[0];
          if (!(!h || !(a instanceof Set))) if (a.size === 1 && h.length === 1) {
            this.#t.delete(o);
            continue;
          } else if (a.size === 1) {
            h.shift();
            let l = h[0];
            typeof l == "function" && n.add(l);
          } else a.delete(t);
        }
        return this.#s.delete(t), n.forEach((o) => this.#r(o)), !0;
      }
    }, Lr = () => process.umask(), Dr = /* @__PURE__ */ Symbol("onEntry"), _s = /* @__PURE__ */ Symbol("checkFs"), Nr = /* @__PURE__ */ Symbol("checkFs2"), Os = /* @__PURE__ */ Symbol("isReusable"), P = /* @__PURE__ */ Symbol("makeFs"), Ts = /* @__PURE__ */ Symbol("file"), xs = /* @__PURE__ */ Symbol("directory"), gi = /* @__PURE__ */ Symbol("link"), Ar = /* @__PURE__ */ Symbol("symlink"), Ir = /* @__PURE__ */ Symbol("hardlink"), Re = /* @__PURE__ */ Symbol("ensureNoSymlink"), Cr = /* @__PURE__ */ Symbol("unsupported"), Fr = /* @__PURE__ */ Symbol("checkPath"), Rs = /* @__PURE__ */ Symbol("stripAbsolutePath"), yt = /* @__PURE__ */ Symbol("mkdir"), O = /* @__PURE__ */ Symbol("onError"), Ri = /* @__PURE__ */ Symbol("pending"), kr = /* @__PURE__ */ Symbol("pend"), $t = /* @__PURE__ */ Symbol("unpend"), gs = /* @__PURE__ */ Symbol("ended"), bs = /* @__PURE__ */ Symbol("maybeClose"), Ls = /* @__PURE__ */ Symbol("skip"), ge = /* @__PURE__ */ Symbol("doChown"), be = /* @__PURE__ */ Symbol("uid"), _e = /* @__PURE__ */ Symbol("gid"), Oe = /* @__PURE__ */ Symbol("checkedCwd"), fo = process.env.TESTING_TAR_FAKE_PLATFORM || process.platform, Te = fo === "win32", uo = 1024, mo = (s3, t) => {
      if (!Te) return import_node_fs8.default.unlink(s3, t);
      let e = s3 + ".DELETE." + (0, import_node_crypto8.randomBytes)(16).toString("hex");
      import_node_fs8.default.rename(s3, e, (i) => {
        if (i) return t(i);
        import_node_fs8.default.unlink(e, t);
      });
    }, po = (s3) => {
      if (!Te) return import_node_fs8.default.unlinkSync(s3);
      let t = s3 + ".DELETE." + (0, import_node_crypto8.randomBytes)(16).toString("hex");
      import_node_fs8.default.renameSync(s3, t), import_node_fs8.default.unlinkSync(t);
    }, vr = (s3, t, e) => s3 !== void 0 && s3 === s3 >>> 0 ? s3 : t !== void 0 && t === t >>> 0 ? t : e, Xt = class extends rt {
      [gs] = !1;
      [Oe] = !1;
      [Ri] = 0;
      reservations = new yi();
      transform;
      writable = !0;
      readable = !1;
      uid;
      gid;
      setOwner;
      preserveOwner;
      processGid;
      processUid;
      maxDepth;
      forceChown;
      win32;
      newer;
      keep;
      noMtime;
      preservePaths;
      unlink;
      cwd;
      strip;
      processUmask;
      umask;
      dmode;
      fmode;
      chmod;
      constructor(t = {}) {
        if (t.ondone = () => {
          this[gs] = !0, this[bs]();
        }, super(t), this.transform = t.transform, this.chmod = !!t.chmod, typeof t.uid == "number" || typeof t.gid == "number") {
          if (typeof t.uid != "number" || typeof t.gid != "number") throw new TypeError("cannot set owner without number uid and gid");
          if (t.preserveOwner) throw new TypeError("cannot preserve owner in archive and also set owner explicitly");
          this.uid = t.uid, this.gid = t.gid, this.setOwner = !0;
        } else this.uid = void 0, this.gid = void 0, this.setOwner = !1;
        this.preserveOwner = t.preserveOwner === void 0 && typeof t.uid != "number" ? process.getuid?.() === 0 : !!t.preserveOwner, this.processUid = (this.preserveOwner || this.setOwner) && process.getuid ? process.getuid() : void 0, this.processGid = (this.preserveOwner || this.setOwner) && process.getgid ? process.getgid() : void 0, this.maxDepth = typeof t.maxDepth == "number" ? t.maxDepth : uo, this.forceChown = t.forceChown === !0, this.win32 = !!t.win32 || Te, this.newer = !!t.newer, this.keep = !!t.keep, this.noMtime = !!t.noMtime, this.preservePaths = !!t.preservePaths, this.unlink = !!t.unlink, this.cwd = f(import_node_path9.default.resolve(t.cwd || process.cwd())), this.strip = Number(t.strip) || 0, this.processUmask = this.chmod ? typeof t.processUmask == "number" ? t.processUmask : Lr() : 0, this.umask = typeof t.umask == "number" ? t.umask : this.processUmask, this.dmode = t.dmode || 511 & ~this.umask, this.fmode = t.fmode || 438 & ~this.umask, this.on("entry", (e) => this[Dr](e));
      }
      warn(t, e, i = {}) {
        return (t === "TAR_BAD_ARCHIVE" || t === "TAR_ABORT") && (i.recoverable = !1), super.warn(t, e, i);
      }
      [bs]() {
        this[gs] && this[Ri] === 0 && (this.emit("prefinish"), this.emit("finish"), this.emit("end"));
      }
      [Rs](t, e) {
        let i = t[e], { type: r } = t;
        if (!i || this.preservePaths) return !0;
        let [n, o] = ce(i), h = o.replaceAll(/\\/g, "/").split("/");
        if (h.includes("..") || Te && /^[a-z]:\.\.$/i.test(h[0] ?? "")) {
          if (e === "path" || r === "Link") return this.warn("TAR_ENTRY_ERROR", `${e} contains '..'`, { entry: t, [e]: i }), !1;
          let a = import_node_path9.default.posix.dirname(t.path), l = import_node_path9.default.posix.normalize(import_node_path9.default.posix.join(a, h.join("/")));
          if (l.startsWith("../") || l === "..") return this.warn("TAR_ENTRY_ERROR", `${e} escapes extraction directory`, { entry: t, [e]: i }), !1;
        }
        return n && (t[e] = String(o), this.warn("TAR_ENTRY_INFO", `stripping ${n} from absolute ${e}`, { entry: t, [e]: i })), !0;
      }
      [Fr](t) {
        let e = f(t.path), i = e.split("/");
        if (this.strip) {
          if (i.length < this.strip) return !1;
          if (t.type === "Link") {
            let r = f(String(t.linkpath)).split("/");
            if (r.length >= this.strip) t.linkpath = r.slice(this.strip).join("/");
            else return !1;
          }
          i.splice(0, this.strip), t.path = i.join("/");
        }
        if (isFinite(this.maxDepth) && i.length > this.maxDepth) return this.warn("TAR_ENTRY_ERROR", "path excessively deep", { entry: t, path: e, depth: i.length, maxDepth: this.maxDepth }), !1;
        if (!this[Rs](t, "path") || !this[Rs](t, "linkpath")) return !1;
        if (t.absolute = import_node_path9.default.isAbsolute(t.path) ? f(import_node_path9.default.resolve(t.path)) : f(import_node_path9.default.resolve(this.cwd, t.path)), !this.preservePaths && typeof t.absolute == "string" && t.absolute.indexOf(this.cwd + "/") !== 0 && t.absolute !== this.cwd) return this.warn("TAR_ENTRY_ERROR", "path escaped extraction target", { entry: t, path: f(t.path), resolvedPath: t.absolute, cwd: this.cwd }), !1;
        if (t.absolute === this.cwd && t.type !== "Directory" && t.type !== "GNUDumpDir") return !1;
        if (this.win32) {
          let { root: r } = import_node_path9.default.win32.parse(String(t.absolute));
          t.absolute = r + ts(String(t.absolute).slice(r.length));
          let { root: n } = import_node_path9.default.win32.parse(t.path);
          t.path = n + ts(t.path.slice(n.length));
        }
        return !0;
      }
      [Dr](t) {
        if (!this[Fr](t)) return t.resume();
        switch (import_node_assert.default.equal(typeof t.absolute, "string"), t.type) {
          case "Directory":
          case "GNUDumpDir":
            t.mode && (t.mode = t.mode | 448);
          case "File":
          case "OldFile":
          case "ContiguousFile":
          case "Link":
          case "SymbolicLink":
            return this[_s](t);
          default:
            return this[Cr](t);
        }
      }
      [O](t, e) {
        t.name === "CwdError" ? this.emit("error", t) : (this.warn("TAR_ENTRY_ERROR", t, { entry: e }), this[$t](), e.resume());
      }
      [yt](t, e, i) {
        gr(f(t), { uid: this.uid, gid: this.gid, processUid: this.processUid, processGid: this.processGid, umask: this.processUmask, preserve: this.preservePaths, unlink: this.unlink, cwd: this.cwd, mode: e }, i);
      }
      [ge](t) {
        return this.forceChown || this.preserveOwner && (typeof t.uid == "number" && t.uid !== this.processUid || typeof t.gid == "number" && t.gid !== this.processGid) || typeof this.uid == "number" && this.uid !== this.processUid || typeof this.gid == "number" && this.gid !== this.processGid;
      }
      [be](t) {
        return vr(this.uid, t.uid, this.processUid);
      }
      [_e](t) {
        return vr(this.gid, t.gid, this.processGid);
      }
      [Ts](t, e) {
        let i = typeof t.mode == "number" ? t.mode & 4095 : this.fmode, r = new et(String(t.absolute), { flags: ms(t.size), mode: i, autoClose: !1 });
        r.on("error", (a) => {
          r.fd && import_node_fs8.default.close(r.fd, () => {
          }), r.write = () => !0, this[O](a, t), e();
        });
        let n = 1, o = (a) => {
          if (a) {
            r.fd && import_node_fs8.default.close(r.fd, () => {
            }), this[O](a, t), e();
            return;
          }
          --n === 0 && r.fd !== void 0 && import_node_fs8.default.close(r.fd, (l) => {
            l ? this[O](l, t) : this[$t](), e();
          });
        };
        r.on("finish", () => {
          let a = String(t.absolute), l = r.fd;
          if (typeof l == "number" && t.mtime && !this.noMtime) {
            n++;
            let c = t.atime || /* @__PURE__ */ new Date(), d = t.mtime;
            import_node_fs8.default.futimes(l, c, d, (y) => y ? import_node_fs8.default.utimes(a, c, d, (T) => o(T && y)) : o());
          }
          if (typeof l == "number" && this[ge](t)) {
            n++;
            let c = this[be](t), d = this[_e](t);
            typeof c == "number" && typeof d == "number" && import_node_fs8.default.fchown(l, c, d, (y) => y ? import_node_fs8.default.chown(a, c, d, (T) => o(T && y)) : o());
          }
          o();
        });
        let h = this.transform && this.transform(t) || t;
        h !== t && (h.on("error", (a) => {
          this[O](a, t), e();
        }), t.pipe(h)), h.pipe(r);
      }
      [xs](t, e) {
        let i = typeof t.mode == "number" ? t.mode & 4095 : this.dmode;
        this[yt](String(t.absolute), i, (r) => {
          if (r) {
            this[O](r, t), e();
            return;
          }
          let n = 1, o = () => {
            --n === 0 && (e(), this[$t](), t.resume());
          };
          t.mtime && !this.noMtime && (n++, import_node_fs8.default.utimes(String(t.absolute), t.atime || /* @__PURE__ */ new Date(), t.mtime, o)), this[ge](t) && (n++, import_node_fs8.default.chown(String(t.absolute), Number(this[be](t)), Number(this[_e](t)), o)), o();
        });
      }
      [Cr](t) {
        t.unsupported = !0, this.warn("TAR_ENTRY_UNSUPPORTED", `unsupported entry type: ${t.type}`, { entry: t }), t.resume();
      }
      [Ar](t, e) {
        let i = f(import_node_path9.default.relative(this.cwd, import_node_path9.default.resolve(import_node_path9.default.dirname(String(t.absolute)), String(t.linkpath)))).split("/");
        this[Re](t, this.cwd, i, () => this[gi](t, String(t.linkpath), "symlink", e), (r) => {
          this[O](r, t), e();
        });
      }
      [Ir](t, e) {
        let i = f(import_node_path9.default.resolve(this.cwd, String(t.linkpath))), r = f(String(t.linkpath)).split("/");
        this[Re](t, this.cwd, r, () => this[gi](t, i, "link", e), (n) => {
          this[O](n, t), e();
        });
      }
      [Re](t, e, i, r, n) {
        let o = i.shift();
        if (this.preservePaths || o === void 0) return r();
        let h = import_node_path9.default.resolve(e, o);
        import_node_fs8.default.lstat(h, (a, l) => {
          if (a) return r();
          if (l?.isSymbolicLink()) return n(new St(h, import_node_path9.default.resolve(h, i.join("/"))));
          this[Re](t, h, i, r, n);
        });
      }
      [kr]() {
        this[Ri]++;
      }
      [$t]() {
        this[Ri]--, this[bs]();
      }
      [Ls](t) {
        this[$t](), t.resume();
      }
      [Os](t, e) {
        return t.type === "File" && !this.unlink && e.isFile() && e.nlink <= 1 && !Te;
      }
      [_s](t) {
        this[kr]();
        let e = [t.path];
        t.linkpath && e.push(t.linkpath), this.reservations.reserve(e, (i) => this[Nr](t, i));
      }
      [Nr](t, e) {
        let i = (h) => {
          e(h);
        }, r = () => {
          this[yt](this.cwd, this.dmode, (h) => {
            if (h) {
              this[O](h, t), i();
              return;
            }
            this[Oe] = !0, n();
          });
        }, n = () => {
          if (t.absolute !== this.cwd) {
            let h = f(import_node_path9.default.dirname(String(t.absolute)));
            if (h !== this.cwd) return this[yt](h, this.dmode, (a) => {
              if (a) {
                this[O](a, t), i();
                return;
              }
              o();
            });
          }
          o();
        }, o = () => {
          import_node_fs8.default.lstat(String(t.absolute), (h, a) => {
            if (a && (this.keep || this.newer && a.mtime > (t.mtime ?? a.mtime))) {
              this[Ls](t), i();
              return;
            }
            if (h || this[Os](t, a)) return this[P](null, t, i);
            if (a.isDirectory()) {
              if (t.type === "Directory") {
                let l = this.chmod && t.mode && (a.mode & 4095) !== t.mode, c = (d) => this[P](d ?? null, t, i);
                return l ? import_node_fs8.default.chmod(String(t.absolute), Number(t.mode), c) : c();
              }
              if (t.absolute !== this.cwd) return import_node_fs8.default.rmdir(String(t.absolute), (l) => this[P](l ?? null, t, i));
            }
            if (t.absolute === this.cwd) return this[P](null, t, i);
            mo(String(t.absolute), (l) => this[P](l ?? null, t, i));
          });
        };
        this[Oe] ? n() : r();
      }
      [P](t, e, i) {
        if (t) {
          this[O](t, e), i();
          return;
        }
        switch (e.type) {
          case "File":
          case "OldFile":
          case "ContiguousFile":
            return this[Ts](e, i);
          case "Link":
            return this[Ir](e, i);
          case "SymbolicLink":
            return this[Ar](e, i);
          case "Directory":
          case "GNUDumpDir":
            return this[xs](e, i);
        }
      }
      [gi](t, e, i, r) {
        import_node_fs8.default[i](e, String(t.absolute), (n) => {
          n ? this[O](n, t) : (this[$t](), t.resume()), r();
        });
      }
    }, ye = (s3) => {
      try {
        return [null, s3()];
      } catch (t) {
        return [t, null];
      }
    }, xe = class extends Xt {
      sync = !0;
      [P](t, e) {
        return super[P](t, e, () => {
        });
      }
      [_s](t) {
        if (!this[Oe]) {
          let n = this[yt](this.cwd, this.dmode);
          if (n) return this[O](n, t);
          this[Oe] = !0;
        }
        if (t.absolute !== this.cwd) {
          let n = f(import_node_path9.default.dirname(String(t.absolute)));
          if (n !== this.cwd) {
            let o = this[yt](n, this.dmode);
            if (o) return this[O](o, t);
          }
        }
        let [e, i] = ye(() => import_node_fs8.default.lstatSync(String(t.absolute)));
        if (i && (this.keep || this.newer && i.mtime > (t.mtime ?? i.mtime))) return this[Ls](t);
        if (e || this[Os](t, i)) return this[P](null, t);
        if (i.isDirectory()) {
          if (t.type === "Directory") {
            let o = this.chmod && t.mode && (i.mode & 4095) !== t.mode, [h] = o ? ye(() => {
              import_node_fs8.default.chmodSync(String(t.absolute), Number(t.mode));
            }) : [];
            return this[P](h, t);
          }
          let [n] = ye(() => import_node_fs8.default.rmdirSync(String(t.absolute)));
          this[P](n, t);
        }
        let [r] = t.absolute === this.cwd ? [] : ye(() => po(String(t.absolute)));
        this[P](r, t);
      }
      [Ts](t, e) {
        let i = typeof t.mode == "number" ? t.mode & 4095 : this.fmode, r = (h) => {
          let a;
          try {
            import_node_fs8.default.closeSync(n);
          } catch (l) {
            a = l;
          }
          (h || a) && this[O](h || a, t), e();
        }, n;
        try {
          n = import_node_fs8.default.openSync(String(t.absolute), ms(t.size), i);
        } catch (h) {
          return r(h);
        }
        let o = this.transform && this.transform(t) || t;
        o !== t && (o.on("error", (h) => this[O](h, t)), t.pipe(o)), o.on("data", (h) => {
          try {
            import_node_fs8.default.writeSync(n, h, 0, h.length);
          } catch (a) {
            r(a);
          }
        }), o.on("end", () => {
          let h = null;
          if (t.mtime && !this.noMtime) {
            let a = t.atime || /* @__PURE__ */ new Date(), l = t.mtime;
            try {
              import_node_fs8.default.futimesSync(n, a, l);
            } catch (c) {
              try {
                import_node_fs8.default.utimesSync(String(t.absolute), a, l);
              } catch {
                h = c;
              }
            }
          }
          if (this[ge](t)) {
            let a = this[be](t), l = this[_e](t);
            try {
              import_node_fs8.default.fchownSync(n, Number(a), Number(l));
            } catch (c) {
              try {
                import_node_fs8.default.chownSync(String(t.absolute), Number(a), Number(l));
              } catch {
                h = h || c;
              }
            }
          }
          r(h);
        });
      }
      [xs](t, e) {
        let i = typeof t.mode == "number" ? t.mode & 4095 : this.dmode, r = this[yt](String(t.absolute), i);
        if (r) {
          this[O](r, t), e();
          return;
        }
        if (t.mtime && !this.noMtime) try {
          import_node_fs8.default.utimesSync(String(t.absolute), t.atime || /* @__PURE__ */ new Date(), t.mtime);
        } catch {
        }
        if (this[ge](t)) try {
          import_node_fs8.default.chownSync(String(t.absolute), Number(this[be](t)), Number(this[_e](t)));
        } catch {
        }
        e(), t.resume();
      }
      [yt](t, e) {
        try {
          return _r(f(t), { uid: this.uid, gid: this.gid, processUid: this.processUid, processGid: this.processGid, umask: this.processUmask, preserve: this.preservePaths, unlink: this.unlink, cwd: this.cwd, mode: e });
        } catch (i) {
          return i;
        }
      }
      [Re](t, e, i, r, n) {
        if (this.preservePaths || i.length === 0) return r();
        let o = e;
        for (let h of i) {
          o = import_node_path9.default.resolve(o, h);
          let [a, l] = ye(() => import_node_fs8.default.lstatSync(o));
          if (a) return r();
          if (l.isSymbolicLink()) return n(new St(o, import_node_path9.default.resolve(e, i.join("/"))));
        }
        r();
      }
      [gi](t, e, i, r) {
        let n = `${i}Sync`;
        try {
          import_node_fs8.default[n](e, String(t.absolute)), r(), t.resume();
        } catch (o) {
          return this[O](o, t);
        }
      }
    }, Eo = (s3) => {
      let t = new xe(s3), e = s3.file, i = import_node_fs7.default.statSync(e), r = s3.maxReadSize || 16 * 1024 * 1024;
      new Be(e, { readSize: r, size: i.size }).pipe(t);
    }, wo = (s3, t) => {
      let e = new Xt(s3), i = s3.maxReadSize || 16 * 1024 * 1024, r = s3.file;
      return new Promise((o, h) => {
        e.on("error", h), e.on("close", o), import_node_fs7.default.stat(r, (a, l) => {
          if (a) h(a);
          else {
            let c = new _t(r, { readSize: i, size: l.size });
            c.on("error", h), c.pipe(e);
          }
        });
      });
    }, So = K(Eo, wo, (s3) => new xe(s3), (s3) => new Xt(s3), (s3, t) => {
      t?.length && Qi(s3, t);
    }), yo = (s3, t) => {
      let e = new kt(s3), i = !0, r, n;
      try {
        try {
          r = import_node_fs11.default.openSync(s3.file, "r+");
        } catch (a) {
          if (a?.code === "ENOENT") r = import_node_fs11.default.openSync(s3.file, "w+");
          else throw a;
        }
        let o = import_node_fs11.default.fstatSync(r), h = Buffer.alloc(512);
        t: for (n = 0; n < o.size; n += 512) {
          for (let c = 0, d = 0; c < 512; c += d) {
            if (d = import_node_fs11.default.readSync(r, h, c, h.length - c, n + c), n === 0 && h[0] === 31 && h[1] === 139) throw new Error("cannot append to compressed archives");
            if (!d) break t;
          }
          let a = new F(h);
          if (!a.cksumValid) break;
          let l = 512 * Math.ceil((a.size || 0) / 512);
          if (n + l + 512 > o.size) break;
          n += l, s3.mtimeCache && a.mtime && s3.mtimeCache.set(String(a.path), a.mtime);
        }
        i = !1, Ro(s3, e, n, r, t);
      } finally {
        if (i) try {
          import_node_fs11.default.closeSync(r);
        } catch {
        }
      }
    }, Ro = (s3, t, e, i, r) => {
      let n = new Wt(s3.file, { fd: i, start: e });
      t.pipe(n), bo(t, r);
    }, go = (s3, t) => {
      t = Array.from(t);
      let e = new wt(s3), i = (n, o, h) => {
        let a = (T, D) => {
          T ? import_node_fs11.default.close(n, (E) => h(T)) : h(null, D);
        }, l = 0;
        if (o === 0) return a(null, 0);
        let c = 0, d = Buffer.alloc(512), y = (T, D) => {
          if (T || D === void 0) return a(T);
          if (c += D, c < 512 && D) return import_node_fs11.default.read(n, d, c, d.length - c, l + c, y);
          if (l === 0 && d[0] === 31 && d[1] === 139) return a(new Error("cannot append to compressed archives"));
          if (c < 512) return a(null, l);
          let E = new F(d);
          if (!E.cksumValid) return a(null, l);
          let x = 512 * Math.ceil((E.size ?? 0) / 512);
          if (l + x + 512 > o || (l += x + 512, l >= o)) return a(null, l);
          s3.mtimeCache && E.mtime && s3.mtimeCache.set(String(E.path), E.mtime), c = 0, import_node_fs11.default.read(n, d, 0, 512, l, y);
        };
        import_node_fs11.default.read(n, d, 0, 512, l, y);
      };
      return new Promise((n, o) => {
        e.on("error", o);
        let h = "r+", a = (l, c) => {
          if (l && l.code === "ENOENT" && h === "r+") return h = "w+", import_node_fs11.default.open(s3.file, h, a);
          if (l || !c) return o(l);
          import_node_fs11.default.fstat(c, (d, y) => {
            if (d) return import_node_fs11.default.close(c, () => o(d));
            i(c, y.size, (T, D) => {
              if (T) return o(T);
              let E = new et(s3.file, { fd: c, start: D });
              e.pipe(E), E.on("error", o), E.on("close", n), _o(e, t);
            });
          });
        };
        import_node_fs11.default.open(s3.file, h, a);
      });
    }, bo = (s3, t) => {
      t.forEach((e) => {
        e.charAt(0) === "@" ? Ct({ file: import_node_path13.default.resolve(s3.cwd, e.slice(1)), sync: !0, noResume: !0, onReadEntry: (i) => s3.add(i) }) : s3.add(e);
      }), s3.end();
    }, _o = async (s3, t) => {
      for (let e of t) e.charAt(0) === "@" ? await Ct({ file: import_node_path13.default.resolve(String(s3.cwd), e.slice(1)), noResume: !0, onReadEntry: (i) => s3.add(i) }) : s3.add(e);
      s3.end();
    }, vt = K(yo, go, () => {
      throw new TypeError("file is required");
    }, () => {
      throw new TypeError("file is required");
    }, (s3, t) => {
      if (!Bs(s3)) throw new TypeError("file is required");
      if (s3.gzip || s3.brotli || s3.zstd || s3.file.endsWith(".br") || s3.file.endsWith(".tbr")) throw new TypeError("cannot append to compressed archives");
      if (!t?.length) throw new TypeError("no paths specified to add/replace");
    }), Oo = K(vt.syncFile, vt.asyncFile, vt.syncNoFile, vt.asyncNoFile, (s3, t = []) => {
      vt.validate?.(s3, t), To(s3);
    }), To = (s3) => {
      let t = s3.filter;
      s3.mtimeCache || (s3.mtimeCache = /* @__PURE__ */ new Map()), s3.filter = t ? (e, i) => t(e, i) && !((s3.mtimeCache?.get(e) ?? i.mtime ?? 0) > (i.mtime ?? 0)) : (e, i) => !((s3.mtimeCache?.get(e) ?? i.mtime ?? 0) > (i.mtime ?? 0));
    };
  }
});

// scripts/lib/package/tar-writer.ts
function asciiStandIn(path) {
  return path.slice(path.lastIndexOf("/") + 1).replace(/[^\x20-\x7e]/g, "_").slice(-99) || "file";
}
var BLOCK, RECORD, TarWriter, init_tar_writer = __esm({
  "scripts/lib/package/tar-writer.ts"() {
    "use strict";
    init_index_min();
    init_errors();
    BLOCK = 512, RECORD = 10240, TarWriter = class {
      constructor(sink) {
        this.sink = sink;
      }
      sink;
      written = 0;
      async out(chunk) {
        this.written += chunk.length, await this.sink(chunk);
      }
      async addFile(meta2, body) {
        let fields = {
          path: meta2.path,
          mode: meta2.mode,
          uid: 0,
          gid: 0,
          uname: "",
          gname: "",
          size: meta2.size,
          mtime: new Date(meta2.mtimeSec * 1e3),
          type: "File"
        }, header = Buffer.alloc(BLOCK);
        if (new F(fields).encode(header, 0) || /[^\x20-\x7e]/.test(meta2.path)) {
          await this.out(new ft({ path: meta2.path, mtime: fields.mtime }).encode());
          let fallback = Buffer.alloc(BLOCK);
          new F({ ...fields, path: asciiStandIn(meta2.path) }).encode(fallback, 0), await this.out(fallback);
        } else
          await this.out(header);
        let n = 0;
        if (Buffer.isBuffer(body))
          n = body.length, n && await this.out(body);
        else
          for await (let chunk of body) {
            if (n += chunk.length, n > meta2.size) break;
            await this.out(chunk);
          }
        if (n !== meta2.size)
          throw new AliveError(`${meta2.path} changed while it was being packed (expected ${meta2.size} bytes, read ${n}); try again`, {
            code: "changed_while_packing"
          });
        let pad = (BLOCK - meta2.size % BLOCK) % BLOCK;
        pad && await this.out(Buffer.alloc(pad));
      }
      /** Two zero blocks, then zero padding to a whole 10240-byte record, as tar tools write. */
      async finish() {
        let end = 2 * BLOCK, total = this.written + end, pad = (RECORD - total % RECORD) % RECORD;
        await this.out(Buffer.alloc(end + pad));
      }
    };
  }
});

// scripts/lib/package/archive-out.ts
async function writeTarGz(output2, fill, gzipOptions = {}) {
  return writeTarFile(output2, fill, { gzip: !0, gzipOptions });
}
async function writeTarFile(output2, fill, opts) {
  if ((0, import_node_fs12.existsSync)(output2))
    throw new AliveError(`${output2} already exists; choose another --output or move the old file away`, { code: "exists" });
  let tmp = siblingTempPath(output2, "partial"), fh;
  try {
    fh = await (0, import_promises2.open)(tmp, "wx", 420);
  } catch (err) {
    throw new AliveError(`cannot write to ${(0, import_node_path14.dirname)(output2)} (${errnoCode(err) ?? "error"}); check the folder exists and is writable`, {
      code: "unwritable"
    });
  }
  let hash = (0, import_node_crypto9.createHash)("sha256"), bytes = 0;
  try {
    let toFile = async (chunk) => {
      hash.update(chunk), bytes += chunk.length;
      let off = 0;
      for (; off < chunk.length; ) off += (await fh.write(chunk, off, chunk.length - off)).bytesWritten;
    }, gz = opts.gzip ? new ParallelGzipWriter(toFile, opts.gzipOptions ?? {}) : void 0, tar = new TarWriter(gz ? (chunk) => gz.write(chunk) : toFile);
    await fill(tar), await tar.finish(), await gz?.end(), await fh.sync(), await fh.close();
  } catch (err) {
    throw await fh.close().catch(() => {
    }), safeUnlink(tmp), err instanceof AliveError || !/^E[A-Z]+$/.test(errnoCode(err) ?? "") ? err : new AliveError(`cannot write ${output2} (${errnoCode(err)}); check the free space and permissions of ${(0, import_node_path14.dirname)(output2)}; nothing was written`, {
      code: "unwritable",
      cause: err
    });
  }
  return placeNewFile(tmp, output2), { path: output2, sha256: hash.digest("hex"), bytes };
}
function placeNewFile(tmp, output2) {
  try {
    (0, import_node_fs12.linkSync)(tmp, output2);
  } catch (err) {
    let code = errnoCode(err);
    if (code === "EEXIST")
      throw safeUnlink(tmp), new AliveError(`${output2} appeared while packing; choose another --output`, { code: "exists" });
    if ((code === "EPERM" || code === "ENOTSUP" || code === "ENOSYS" || code === "EOPNOTSUPP") && !(0, import_node_fs12.existsSync)(output2)) {
      (0, import_node_fs12.renameSync)(tmp, output2), fsyncDir((0, import_node_path14.dirname)(output2));
      return;
    }
    throw safeUnlink(tmp), err;
  }
  (0, import_node_fs12.unlinkSync)(tmp), fsyncDir((0, import_node_path14.dirname)(output2));
}
var import_promises2, import_node_fs12, import_node_crypto9, import_node_path14, init_archive_out = __esm({
  "scripts/lib/package/archive-out.ts"() {
    "use strict";
    import_promises2 = __toESM(require_promises(), 1), import_node_fs12 = __toESM(require_node_fs(), 1), import_node_crypto9 = __toESM(require_node_crypto(), 1), import_node_path14 = __toESM(require_node_path(), 1);
    init_errors();
    init_atomic();
    init_gzip_writer();
    init_tar_writer();
  }
});

// scripts/lib/walnut/agent-files.ts
function file(name, why) {
  return { name, why, segments: name.toLowerCase().split("/"), folder: !1 };
}
function folder(name, why) {
  return { name: `${name}/`, why, segments: name.toLowerCase().split("/"), folder: !0 };
}
function agentFileRule(path) {
  let segs = path.toLowerCase().split("/").filter((s3) => s3 !== "" && s3 !== ".");
  for (let r of RULES) {
    let n = r.segments.length;
    for (let i = 0; i + n <= segs.length; i++) {
      let match = !0;
      for (let k2 = 0; k2 < n && match; k2++) match = segs[i + k2] === r.segments[k2];
      if (!match) continue;
      let last = i + n === segs.length;
      if (r.folder ? !last : last) return { name: r.name, why: r.why };
    }
  }
}
function findAgentFiles(paths) {
  let out = [];
  for (let p2 of paths) {
    let r = agentFileRule(p2);
    r && out.push({ path: p2, rule: r.name });
  }
  return out;
}
function agentFilesWarning(hits) {
  if (hits.length === 0) return;
  let shown = hits.slice(0, 10).map((h) => h.path).join(", ");
  return `this package carries ${hits.length} agent instruction/configuration file(s) (${shown}${hits.length > 10 ? ", …" : ""}); a receiver holds them back unless they pass --allow-agent-files. Add them to .walnutignore if they should not travel`;
}
var RULES, AGENT_FILE_RULES, init_agent_files = __esm({
  "scripts/lib/walnut/agent-files.ts"() {
    "use strict";
    RULES = [
      file("CLAUDE.md", "Claude Code loads it as instructions, also from sub-folders as soon as it reads a file there"),
      file("CLAUDE.local.md", "Claude Code loads it as the user's private instructions"),
      folder(".claude", "Claude Code settings (hooks run shell commands, permissions), commands, agents and skills"),
      file(".mcp.json", "declares MCP servers: programs an agent starts and whose tools it calls"),
      file("AGENTS.md", "instructions for Codex, Copilot, Cursor, Amp and other agents that follow the AGENTS.md convention"),
      file("AGENT.md", "the same convention under its singular name (Amp and others)"),
      folder(".codex", "Codex CLI configuration and instructions"),
      file("GEMINI.md", "Gemini CLI loads it as instructions, also from sub-folders"),
      folder(".gemini", "Gemini CLI settings (MCP servers, tools) and instructions"),
      folder(".cursor", "Cursor rules (instructions) and its MCP configuration"),
      file(".cursorrules", "Cursor instructions (the older single-file form)"),
      file(".windsurfrules", "Windsurf instructions"),
      folder(".windsurf", "Windsurf rules and workflows"),
      file(".clinerules", "Cline instructions (a file or a folder of rules)"),
      folder(".clinerules", "Cline instructions (a file or a folder of rules)"),
      folder(".roo", "Roo Code rules and modes"),
      folder(".continue", "Continue configuration, rules and MCP servers"),
      folder(".amazonq", "Amazon Q rules and MCP configuration"),
      folder(".junie", "JetBrains Junie guidelines"),
      folder(".kiro", "Kiro steering files, hooks and MCP configuration"),
      file(".aider.conf.yml", "aider configuration, which can name commands to run (lint, test)"),
      file(".github/copilot-instructions.md", "GitHub Copilot loads it as instructions"),
      folder(".github/instructions", "GitHub Copilot path-specific instructions"),
      folder(".github/prompts", "GitHub Copilot prompt files"),
      folder(".github/chatmodes", "GitHub Copilot chat modes (instructions and tool sets)"),
      file(".vscode/tasks.json", "VS Code tasks can run shell commands when the folder is opened"),
      file(".vscode/settings.json", "VS Code settings can add agent instructions, MCP servers, terminal environment and auto-approved commands"),
      file(".vscode/mcp.json", "declares MCP servers for VS Code agents"),
      file(".envrc", "direnv runs it as shell code when a shell enters the folder")
    ], AGENT_FILE_RULES = RULES.filter((r, i) => RULES.findIndex((o) => o.name.replace(/\/$/, "") === r.name.replace(/\/$/, "")) === i).map(
      ({ name, why }) => ({ name, why })
    );
  }
});

// scripts/lib/package/v3.ts
function filesDigestV3(files) {
  let h = (0, import_node_crypto10.createHash)("sha256");
  for (let f2 of [...files].sort((a, b2) => compareCodePoints(a.path, b2.path)))
    h.update(f2.path, "utf8"), h.update("\0"), h.update(f2.sha256, "ascii"), h.update("\0"), h.update(String(f2.size), "ascii"), h.update(`
`);
  return h.digest("hex");
}
var import_node_crypto10, init_v3 = __esm({
  "scripts/lib/package/v3.ts"() {
    "use strict";
    import_node_crypto10 = __toESM(require_node_crypto(), 1);
    init_safe_path();
  }
});

// scripts/lib/package/create.ts
async function planPackage(opts) {
  let walnutName = (0, import_node_path15.basename)((0, import_node_path15.resolve)(opts.walnut)), why = bareValueProblem(walnutName);
  if (why) throw new AliveError(`the walnut's folder name ${why}; rename the folder before sharing`, { code: "unpackable_name" });
  if (opts.description !== void 0 && /[\r\n]/.test(opts.description))
    throw new AliveError("--description must be a single line", { code: "usage", exitCode: 2 });
  let collected = collectWalnut({ walnut: opts.walnut, scope: opts.scope, bundles: opts.bundles, allowSensitive: opts.allowSensitive }), digests = /* @__PURE__ */ new Map(), files = [];
  for (let f2 of collected.files) {
    let d = await digestPackedBytes(f2);
    digests.set(f2.path, d), files.push({ path: f2.path, sha256: d.sha256, size: d.size });
  }
  return { walnutName, collected, digests, files };
}
function manifestTextFor(plan, opts, extra) {
  return serializeManifest({
    walnut: plan.walnutName,
    scope: opts.scope,
    created: utcStamp(opts.now),
    encrypted: extra.encrypted,
    files: plan.files,
    pluginVersion: ALIVE_VERSION,
    ...opts.description ? { description: opts.description } : {},
    ...opts.scope === "bundle" ? { bundles: plan.collected.bundles } : {},
    ...extra.payloadSha256 ? { payloadSha256: extra.payloadSha256 } : {}
  });
}
async function writePlannedFiles(tar, plan, onProgress = () => {
}) {
  let totalBytes = plan.files.reduce((a, f2) => a + f2.size, 0), done = 0;
  for (let f2 of plan.collected.files) {
    let d = plan.digests.get(f2.path);
    await tar.addFile(
      { path: f2.path, size: d.size, mode: f2.mode, mtimeSec: f2.mtimeSec },
      counted(packedBytesChecked(f2, d), (n) => onProgress({ phase: "packing", doneBytes: done += n, totalBytes, finished: !1 }))
    );
  }
  onProgress({ phase: "packing", doneBytes: done, totalBytes, finished: !0 });
}
async function* counted(source, onBytes) {
  for await (let chunk of source)
    onBytes(chunk.length), yield chunk;
}
function manifestEntryMeta(text, now) {
  return {
    path: MANIFEST_NAME,
    size: Buffer.byteLength(text),
    mode: 420,
    mtimeSec: Math.floor((now ?? /* @__PURE__ */ new Date()).getTime() / 1e3)
  };
}
function defaultOutputPath(walnutName, scope, bundles, now = /* @__PURE__ */ new Date()) {
  let desktop = (0, import_node_path15.join)((0, import_node_os2.homedir)(), "Desktop"), dir = (0, import_node_fs13.existsSync)(desktop) && (0, import_node_fs13.statSync)(desktop).isDirectory() ? desktop : process.cwd(), d = now, date2 = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`, label = scope === "bundle" ? `bundle-${bundles.slice(0, 3).join("-")}` : scope;
  return (0, import_node_path15.join)(dir, `${walnutName}-${label}-${date2}.walnut`);
}
async function createPlainPackage(opts, signManifest) {
  let plan = await planPackage(opts), output2 = (0, import_node_path15.resolve)(opts.output ?? defaultOutputPath(plan.walnutName, opts.scope, plan.collected.bundles, opts.now));
  if (!(0, import_node_fs13.existsSync)((0, import_node_path15.dirname)(output2)))
    throw new AliveError(`the folder for ${output2} does not exist; create it or choose another --output`, { code: "unwritable" });
  let manifest = manifestTextFor(plan, opts, { encrypted: !1, payloadSha256: filesDigestV3(plan.files) });
  return signManifest && (manifest = signManifest(manifest)), {
    ...await writeTarGz(output2, async (tar) => {
      await tar.addFile(manifestEntryMeta(manifest, opts.now), Buffer.from(manifest)), await writePlannedFiles(tar, plan, opts.onProgress);
    }),
    scope: opts.scope,
    files: plan.files.length,
    contentBytes: plan.files.reduce((a, f2) => a + f2.size, 0),
    heldBack: plan.collected.heldBack,
    skipped: plan.collected.skipped,
    agentFiles: findAgentFiles(plan.files.map((f2) => f2.path))
  };
}
var import_node_fs13, import_node_path15, import_node_os2, init_create = __esm({
  "scripts/lib/package/create.ts"() {
    "use strict";
    import_node_fs13 = __toESM(require_node_fs(), 1), import_node_path15 = __toESM(require_node_path(), 1), import_node_os2 = __toESM(require_node_os(), 1);
    init_errors();
    init_version();
    init_collect();
    init_file_source();
    init_manifest();
    init_archive_out();
    init_agent_files();
    init_v3();
  }
});

// lazy-builtin:node:stream/promises
var require_promises2 = __commonJS({
  "lazy-builtin:node:stream/promises"(exports, module) {
    module.exports = __require("node:stream/promises");
  }
});

// scripts/lib/crypto/rsa.ts
function oaepEncrypt(publicKey, data) {
  return (0, import_node_crypto11.publicEncrypt)({ key: publicKey, ...OAEP }, data);
}
function oaepDecrypt(privateKey, wrapped) {
  try {
    return (0, import_node_crypto11.privateDecrypt)({ key: privateKey, ...OAEP }, wrapped);
  } catch {
    return;
  }
}
function requirePrivate(key) {
  if (key.type !== "private") throw new TypeError("a private key is needed to unwrap");
}
function wrapKeyIv(recipientPublicKey, key, iv) {
  if (key.length !== KEY_BYTES || iv.length !== IV_BYTES)
    throw new RangeError(`wrapKeyIv needs a ${KEY_BYTES}-byte key and a ${IV_BYTES}-byte IV`);
  return oaepEncrypt(recipientPublicKey, Buffer.concat([key, iv]));
}
function unwrapKeyIv(privateKey, wrapped) {
  requirePrivate(privateKey);
  let plain = oaepDecrypt(privateKey, wrapped);
  if (!plain)
    throw new AliveError(`${WRONG_RECIPIENT} (or payload.key is damaged); use the private key whose public half the sender used`, {
      code: "wrong_key"
    });
  if (plain.length < KEY_BYTES + IV_BYTES)
    throw new AliveError(
      `payload.key holds ${plain.length} bytes once unwrapped, fewer than the 48 of an AES key and IV: the package is damaged; ask the sender to share it again`,
      { code: "bad_payload" }
    );
  return {
    key: Buffer.from(plain.subarray(0, KEY_BYTES)),
    iv: Buffer.from(plain.subarray(KEY_BYTES, KEY_BYTES + IV_BYTES))
  };
}
function publicKeyId(key) {
  return fingerprint(key).slice(0, 16);
}
function badEnvelope(why) {
  return new AliveError(`rsa-envelope-v1.json is not valid: ${why}; the package is damaged or from an unsupported version`, {
    code: "bad_envelope"
  });
}
function parseRsaEnvelopeV1(jsonText) {
  let raw;
  try {
    raw = JSON.parse(jsonText);
  } catch {
    throw badEnvelope("it is not JSON");
  }
  let parsed = envelopeSchema.safeParse(raw);
  if (!parsed.success) {
    let first = parsed.error.issues[0], where = first && first.path.length > 0 ? `${first.path.join(".")}: ` : "";
    throw badEnvelope(`${where}${first?.message ?? "unexpected shape"}`);
  }
  return parsed.data;
}
function unwrapEnvelopeKey(privateKey, env) {
  requirePrivate(privateKey);
  let ownId = publicKeyId((0, import_node_crypto11.createPublicKey)(privateKey)), ordered = [...env.recipients].sort((a, b2) => +(b2.pubkey_id === ownId) - +(a.pubkey_id === ownId));
  for (let recipient of ordered) {
    let key = oaepDecrypt(privateKey, Buffer.from(recipient.key_enc_b64, "base64"));
    if (key && key.length === KEY_BYTES) return { key, iv: Buffer.from(env.payload_iv_b64, "base64") };
  }
  throw new AliveError(
    "No private key matches any recipient in this package: it was encrypted for someone else; use the private key whose public half the sender used",
    { code: "wrong_key" }
  );
}
function buildRsaEnvelopeV1(recipients, key, iv) {
  if (key.length !== KEY_BYTES || iv.length !== IV_BYTES)
    throw new RangeError(`an envelope needs a ${KEY_BYTES}-byte key and a ${IV_BYTES}-byte IV`);
  if (recipients.length === 0) throw new RangeError("an envelope needs at least one recipient");
  let doc = {
    payload_algo: "aes-256-cbc",
    payload_iv_b64: iv.toString("base64"),
    recipients: recipients.map((r) => {
      let pub = r.type === "private" ? (0, import_node_crypto11.createPublicKey)(r) : r;
      return { key_enc_b64: oaepEncrypt(pub, key).toString("base64"), pubkey_id: publicKeyId(pub) };
    }),
    version: 1
  };
  return `${JSON.stringify(doc, null, 2)}
`;
}
var import_node_crypto11, OAEP, WRONG_RECIPIENT, STANDARD_BASE642, base64Text, envelopeSchema, init_rsa = __esm({
  "scripts/lib/crypto/rsa.ts"() {
    "use strict";
    import_node_crypto11 = __toESM(require_node_crypto(), 1);
    init_zod();
    init_errors();
    init_kdf();
    init_keys();
    OAEP = { padding: import_node_crypto11.constants.RSA_PKCS1_OAEP_PADDING, oaepHash: "sha256" };
    WRONG_RECIPIENT = "this private key cannot open the package: it was encrypted for someone else";
    STANDARD_BASE642 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/, base64Text = (what, length) => string2().check(
      refine((s3) => STANDARD_BASE642.test(s3), { message: `${what} is not standard base64` }),
      refine((s3) => length === void 0 ? s3.length > 0 : Buffer.from(s3, "base64").length === length, {
        message: length === void 0 ? `${what} is empty` : `${what} must decode to ${length} bytes`
      })
    ), envelopeSchema = object({
      version: literal(1, { message: "version must be 1" }),
      payload_algo: literal("aes-256-cbc", { message: 'payload_algo must be "aes-256-cbc"' }),
      payload_iv_b64: base64Text("payload_iv_b64", IV_BYTES),
      recipients: array(
        object({
          pubkey_id: string2().check(_regex(/^[0-9a-f]{16}$/, "pubkey_id must be 16 lowercase hex characters")),
          key_enc_b64: base64Text("key_enc_b64")
        })
      ).check(_minLength(1, "recipients is empty"))
    });
  }
});

// scripts/lib/package/stream-sink.ts
function writableSink(stream) {
  return async (chunk) => {
    if (stream.destroyed) throw stream.errored ?? new Error("stream closed");
    stream.write(chunk) || await Promise.race([
      (0, import_node_events2.once)(stream, "drain"),
      (0, import_node_events2.once)(stream, "error").then(([err]) => {
        throw err;
      })
    ]);
  };
}
var import_node_events2, init_stream_sink = __esm({
  "scripts/lib/package/stream-sink.ts"() {
    "use strict";
    import_node_events2 = __toESM(require_node_events(), 1);
  }
});

// scripts/lib/package/encrypt.ts
async function writePayload(output2, enc, fillInner) {
  let cipher, wrappedKey;
  if (enc.mode === "passphrase")
    cipher = await createPassphraseEncryptStream(enc.passphrase);
  else {
    let key = (0, import_node_crypto12.randomBytes)(32), iv = (0, import_node_crypto12.randomBytes)(16);
    wrappedKey = wrapKeyIv(enc.recipient, key, iv), cipher = createAesCbcEncryptStream(key, iv), key.fill(0);
  }
  return { ...await writeCipheredTarGz(output2, cipher, fillInner), ...wrappedKey ? { wrappedKey } : {} };
}
async function writeCipheredTarGz(output2, cipher, fillInner) {
  let path = siblingTempPath(output2, "payload"), file2 = (0, import_node_fs14.createWriteStream)(path, { flags: "wx", mode: 384 }), hash = (0, import_node_crypto12.createHash)("sha256"), bytes = 0;
  cipher.on("data", (c) => {
    hash.update(c), bytes += c.length;
  }), cipher.pipe(file2);
  try {
    let gz = new ParallelGzipWriter(writableSink(cipher)), tar = new TarWriter((c) => gz.write(c));
    await fillInner(tar), await tar.finish(), await gz.end(), cipher.end(), await (0, import_promises3.finished)(file2);
  } catch (err) {
    throw cipher.destroy(), file2.destroy(), safeUnlink(path), err;
  }
  return { path, sha256: hash.digest("hex"), bytes };
}
async function writeEncryptedPackage(output2, enc, fillInner, manifestFor, signer, now) {
  let payload = await writePayload(output2, enc, fillInner);
  try {
    let manifest = manifestFor(payload.sha256);
    signer && (manifest = signManifestText(manifest, signer.privateKey, signer.name));
    let mtimeSec = Math.floor((now ?? /* @__PURE__ */ new Date()).getTime() / 1e3);
    return await writeTarGz(output2, async (tar) => {
      await tar.addFile(manifestEntryMeta(manifest, now), Buffer.from(manifest)), payload.wrappedKey && await tar.addFile({ path: "payload.key", size: payload.wrappedKey.length, mode: 420, mtimeSec }, payload.wrappedKey);
      let size = (0, import_node_fs14.statSync)(payload.path).size;
      await tar.addFile({ path: "payload.enc", size, mode: 420, mtimeSec }, (0, import_node_fs14.createReadStream)(payload.path, { highWaterMark: 256 * 1024 }));
    });
  } finally {
    safeUnlink(payload.path);
  }
}
var import_node_fs14, import_node_crypto12, import_promises3, init_encrypt = __esm({
  "scripts/lib/package/encrypt.ts"() {
    "use strict";
    import_node_fs14 = __toESM(require_node_fs(), 1), import_node_crypto12 = __toESM(require_node_crypto(), 1), import_promises3 = __toESM(require_promises2(), 1);
    init_atomic();
    init_passphrase();
    init_aes_cbc();
    init_rsa();
    init_sign();
    init_gzip_writer();
    init_tar_writer();
    init_archive_out();
    init_stream_sink();
    init_create();
  }
});

// scripts/lib/home.ts
function aliveHome(env = process.env) {
  let fromEnv = env.ALIVE_HOME;
  return fromEnv && fromEnv.trim() !== "" ? fromEnv : (0, import_node_path16.join)((0, import_node_os3.homedir)(), ".alive");
}
function relayDir(env = process.env) {
  return (0, import_node_path16.join)(aliveHome(env), "relay");
}
var import_node_os3, import_node_path16, init_home = __esm({
  "scripts/lib/home.ts"() {
    "use strict";
    import_node_os3 = __toESM(require_node_os(), 1), import_node_path16 = __toESM(require_node_path(), 1);
  }
});

// scripts/lib/relay/names.ts
function isValidLogin(login2) {
  return LOGIN_RE.test(login2) && !login2.includes("..");
}
function requireLogin(login2, what = "LOGIN") {
  if (login2 === void 0 || login2 === "") throw new UsageError(`${what} is required`);
  if (!isValidLogin(login2))
    throw new UsageError(
      `${what} '${inlineText(login2)}' is not a valid login: use letters, digits, '-', '_' or '.', start with a letter or digit, at most 64 characters`
    );
  return login2;
}
function isSafeDepositName(name) {
  return DEPOSIT_RE.test(name) && !name.includes("..");
}
function compactUtcStamp(date2) {
  let iso = date2.toISOString();
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}-${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}`;
}
function depositName(originalFileName, now = /* @__PURE__ */ new Date(), random = (0, import_node_crypto13.randomBytes)(4).toString("hex")) {
  let base = originalFileName.replace(/\.walnut$/i, "");
  base = base.replace(/[^A-Za-z0-9_.+-]+/g, "-").replace(/\.{2,}/g, ".").replace(/^[^A-Za-z0-9]+/, "").replace(/[.-]+$/, ""), base.length > 120 && (base = base.slice(0, 120).replace(/[.-]+$/, "")), base === "" && (base = "package");
  let name = `${base}-${compactUtcStamp(now)}-${random}.walnut`;
  if (!isSafeDepositName(name)) throw new AliveError(`could not build a safe deposit name from '${inlineText(originalFileName)}'`);
  return name;
}
var import_node_crypto13, LOGIN_RE, DEPOSIT_RE, init_names = __esm({
  "scripts/lib/relay/names.ts"() {
    "use strict";
    import_node_crypto13 = __toESM(require_node_crypto(), 1);
    init_errors();
    init_untrusted();
    LOGIN_RE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
    DEPOSIT_RE = /^[A-Za-z0-9][A-Za-z0-9_.+-]{0,199}\.walnut$/;
  }
});

// scripts/lib/package/signer.ts
function relayLogin(env = process.env) {
  let cfg;
  try {
    cfg = JSON.parse((0, import_node_fs15.readFileSync)((0, import_node_path17.join)(relayDir(env), "relay.json"), "utf8"));
  } catch {
    return;
  }
  for (let k2 of ["github_username", "login"]) {
    let v2 = cfg[k2];
    if (typeof v2 == "string" && isValidLogin(v2)) return v2;
  }
}
function resolveSignerName(flag, env = process.env) {
  if (flag !== void 0 && !isValidLogin(flag))
    throw new AliveError(
      `--signer '${inlineText(flag)}' is not a valid name: use a login (letters, digits, '-', '_' or '.', starting with a letter or digit, at most 64 characters)`,
      { code: "bad_signer", exitCode: 2 }
    );
  let login2 = relayLogin(env);
  if (login2 !== void 0) {
    if (flag !== void 0 && flag.toLowerCase() !== login2.toLowerCase())
      throw new AliveError(
        `--signer ${flag} differs from your relay login ${login2}, under which peers pinned your key; sign as ${login2} (leave out --signer)`,
        { code: "bad_signer", exitCode: 2 }
      );
    return login2;
  }
  if (flag !== void 0) return flag;
  throw new AliveError(
    "no name to sign as: set up a relay (alive-p2p relay setup), whose login names your signatures, or pass --signer NAME with the login your peers know you by",
    { code: "bad_signer" }
  );
}
var import_node_fs15, import_node_path17, init_signer = __esm({
  "scripts/lib/package/signer.ts"() {
    "use strict";
    import_node_fs15 = __toESM(require_node_fs(), 1), import_node_path17 = __toESM(require_node_path(), 1);
    init_errors();
    init_home();
    init_names();
    init_untrusted();
  }
});

// scripts/lib/package/v3-write.ts
function v3Layout(plan, scope, now) {
  let bundles = new Set(plan.collected.bundles), files = [], roots = /* @__PURE__ */ new Map(), replacedReadme = !1;
  for (let f2 of plan.collected.files) {
    let path = f2.path, m2 = /^bundles\/([^/]+)\/(.+)$/.exec(path);
    if (m2 && bundles.has(m2[1]) && (path = `${m2[1]}/${m2[2]}`), path === V3_README) {
      replacedReadme = !0;
      continue;
    }
    let top = path.split("/")[0], kind = m2 ? `bundle '${m2[1]}'` : `'${top}'`, prior = roots.get(top);
    if (prior !== void 0 && prior !== kind)
      throw new AliveError(
        `in format 2.1 bundles sit at the package root, and bundle '${top}' would meet the walnut's own '${top}'; rename one, or use --format 2.0`,
        { code: "bundle_collision" }
      );
    roots.set(top, kind), files.push({ path, mode: f2.mode, mtimeSec: f2.mtimeSec, planned: f2, digest: plan.digests.get(f2.path) });
  }
  let mtimeSec = Math.floor(now.getTime() / 1e3);
  files.push({ path: V3_README, mode: 420, mtimeSec, text: readmePrimer(plan.walnutName, scope, [...bundles].sort()) });
  let sorted = sortFiles(files), listing = sorted.map(
    (f2) => "text" in f2 ? { path: f2.path, sha256: sha256Text(f2.text), size: Buffer.byteLength(f2.text) } : { path: f2.path, sha256: f2.digest.sha256, size: f2.digest.size }
  );
  return { files: sorted, listing, replacedReadme };
}
function sha256Text(text) {
  return (0, import_node_crypto14.createHash)("sha256").update(text, "utf8").digest("hex");
}
function readmePrimer(walnut, scope, bundles) {
  let lines = [
    `# ${walnut}`,
    "",
    `An ALIVE walnut package (${scope} scope, format ${V3_FORMAT_VERSION}): the context of one walnut, as plain Markdown, YAML and JSON files.`,
    "",
    "## Contents",
    "",
    "- `_kernel/key.md`: what this walnut is"
  ];
  if (scope === "full" && lines.push("- `_kernel/`: its log, insights, tasks and the rest of its kernel"), scope === "snapshot" && lines.push("- `_kernel/insights.md`: what it has learned"), bundles.length > 0) {
    lines.push("- bundles:");
    for (let b2 of bundles) lines.push(`  - \`${b2}\``);
  }
  return lines.push(
    "",
    "## Opening it",
    "",
    "With the alive plugin: `alive-p2p receive <this file>` (or `/alive:receive` in Claude Code). Every file is",
    "listed with its SHA-256 in `manifest.yaml`.",
    ""
  ), lines.join(`
`);
}
function serializeManifestV3(init) {
  let lines = [
    `format_version: ${q2(V3_FORMAT_VERSION)}`,
    'source_layout: "v3"',
    `min_plugin_version: ${q2(V3_MIN_PLUGIN_VERSION)}`,
    `created: ${q2(init.created)}`,
    `scope: ${q2(init.scope)}`,
    "source:",
    '  engine: "alive-ts"',
    `  plugin_version: ${q2(ALIVE_VERSION)}`,
    `  session_id: ${q2(init.sessionId)}`,
    `  walnut: ${q2(init.walnut)}`,
    `sender: ${q2(init.sender)}`,
    `description: ${q2(init.description ?? "")}`,
    'note: ""',
    "exclusions_applied: []",
    "substitutions_applied: []"
  ];
  if (init.scope === "bundle") {
    lines.push("bundles:");
    for (let b2 of init.bundles) lines.push(`  - ${q2(b2)}`);
  }
  if (lines.push(`payload_sha256: ${q2(filesDigestV3(init.files))}`), init.files.length === 0) lines.push("files: []");
  else {
    lines.push("files:");
    for (let f2 of init.files) lines.push(`  - path: ${q2(f2.path)}`, `    sha256: ${q2(f2.sha256)}`, `    size: ${f2.size}`);
  }
  return lines.push('encryption: "none"'), `${lines.join(`
`)}
`;
}
async function fillV3(tar, layout, manifest, now) {
  let mtimeSec = Math.floor(now.getTime() / 1e3), text = Buffer.from(manifest);
  await tar.addFile({ path: "manifest.yaml", size: text.length, mode: 384, mtimeSec }, text);
  for (let f2 of layout.files)
    if ("text" in f2) {
      let b2 = Buffer.from(f2.text);
      await tar.addFile({ path: f2.path, size: b2.length, mode: f2.mode, mtimeSec: f2.mtimeSec }, b2);
    } else
      await tar.addFile({ path: f2.path, size: f2.digest.size, mode: f2.mode, mtimeSec: f2.mtimeSec }, packedBytesChecked(f2.planned, f2.digest));
}
async function writeV3Package(output2, layout, manifest, enc, now = /* @__PURE__ */ new Date()) {
  let fill = (tar) => fillV3(tar, layout, manifest, now);
  if (enc.mode === "none") return writeTarGz(output2, fill);
  if (enc.mode === "passphrase") {
    let payload2 = await writeCipheredTarGz(output2, await createPassphraseEncryptStream(enc.passphrase), fill);
    try {
      placeNewFile(payload2.path, output2);
    } catch (err) {
      throw safeUnlink(payload2.path), err;
    }
    return { path: output2, sha256: payload2.sha256, bytes: payload2.bytes };
  }
  let key = (0, import_node_crypto14.randomBytes)(32), iv = (0, import_node_crypto14.randomBytes)(16), envelope = Buffer.from(buildRsaEnvelopeV1(enc.recipients, key, iv)), payload = await writeCipheredTarGz(output2, createAesCbcEncryptStream(key, iv), fill);
  key.fill(0);
  try {
    let mtimeSec = Math.floor(now.getTime() / 1e3);
    return await writeTarFile(
      output2,
      async (tar) => {
        await tar.addFile({ path: "rsa-envelope-v1.json", size: envelope.length, mode: 420, mtimeSec }, envelope);
        let size = (0, import_node_fs16.statSync)(payload.path).size;
        await tar.addFile({ path: "payload.enc", size, mode: 420, mtimeSec }, (0, import_node_fs16.createReadStream)(payload.path, { highWaterMark: 1 << 20 }));
      },
      { gzip: !1 }
    );
  } finally {
    safeUnlink(payload.path);
  }
}
var import_node_fs16, import_node_crypto14, V3_FORMAT_VERSION, V3_MIN_PLUGIN_VERSION, V3_README, q2, init_v3_write = __esm({
  "scripts/lib/package/v3-write.ts"() {
    "use strict";
    import_node_fs16 = __toESM(require_node_fs(), 1), import_node_crypto14 = __toESM(require_node_crypto(), 1);
    init_errors();
    init_version();
    init_aes_cbc();
    init_passphrase();
    init_rsa();
    init_atomic();
    init_archive_out();
    init_encrypt();
    init_v3();
    init_manifest();
    init_file_source();
    V3_FORMAT_VERSION = "2.1.0", V3_MIN_PLUGIN_VERSION = "3.1.0", V3_README = "README.md";
    q2 = (s3) => `"${s3.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n").replace(/\r/g, "\\r")}"`;
  }
});

// scripts/lib/package/commands/create.ts
var create_exports = {};
__export(create_exports, {
  createCommand: () => createCommand
});
function perRecipientPaths(base, recipientPems) {
  let stem = base.endsWith(".walnut") ? base.slice(0, -7) : base, used = /* @__PURE__ */ new Set();
  return recipientPems.map((pem) => {
    let who = (0, import_node_path18.basename)(pem, (0, import_node_path18.extname)(pem));
    /^(public|pub|key|pubkey|public[-_]key)$/i.test(who) && (who = (0, import_node_path18.basename)((0, import_node_path18.dirname)((0, import_node_path18.resolve)(pem)))), who = who.replace(/[^A-Za-z0-9._-]/g, "_") || "recipient";
    let name = who;
    for (let i = 2; used.has(name); i++) name = `${who}-${i}`;
    return used.add(name), (0, import_node_path18.join)((0, import_node_path18.dirname)(stem), `${(0, import_node_path18.basename)(stem)}-${name}.walnut`);
  });
}
var import_node_fs17, import_node_path18, USAGE, createCommand, init_create2 = __esm({
  "scripts/lib/package/commands/create.ts"() {
    "use strict";
    import_node_fs17 = __toESM(require_node_fs(), 1), import_node_path18 = __toESM(require_node_path(), 1);
    init_command();
    init_progress();
    init_errors();
    init_keys();
    init_passphrase();
    init_sign();
    init_create();
    init_encrypt();
    init_manifest();
    init_signer();
    init_v3_write();
    init_untrusted();
    init_agent_files();
    USAGE = `usage: alive-p2p create --walnut DIR --scope full|bundle|snapshot [--bundle NAME]... [--output FILE]
                        [--description TEXT] [--encrypt passphrase | --encrypt rsa --recipient PEM...]
                        [--sign PRIVATE_PEM [--signer NAME]] [--format 2.0|2.1] [--allow-sensitive] [--json]

Packs a walnut into a .walnut package. Default output: ~/Desktop (or the current folder) as
<walnut>-<scope>-<date>.walnut. Existing files are never replaced.
  --format 2.0           (default) the reference's format; plain packages also open in the v3 plugin
  --format 2.1           the v3 plugin's format: bundles at the package root, a README.md primer,
                         its passphrase and RSA envelopes (all recipients in one package)
  --encrypt passphrase   encrypt with the passphrase in WALNUT_PASSPHRASE (never on the command
                         line); on a terminal with it unset, asks twice without echo
  --encrypt rsa          encrypt to each --recipient public key: one package per recipient
                         (format 2.0), or one package for all of them (format 2.1)
  --sign PRIVATE_PEM     sign the manifest (RSA-SHA256) as your relay login
  --signer NAME          the name to sign as when no relay is set up (a login: letters, digits,
                         '-', '_', '.')`, createCommand = defineCommand({
      name: "create",
      summary: "pack a walnut into a .walnut package",
      usage: USAGE,
      options: {
        walnut: { type: "string" },
        scope: { type: "string" },
        bundle: { type: "string", multiple: !0 },
        output: { type: "string" },
        description: { type: "string" },
        encrypt: { type: "string" },
        recipient: { type: "string", multiple: !0 },
        sign: { type: "string" },
        signer: { type: "string" },
        format: { type: "string" },
        "allow-sensitive": { type: "boolean" }
      },
      async run(ctx) {
        let { values } = ctx, walnut = ctx.required(values.walnut, "--walnut"), scopeRaw = ctx.required(values.scope, "--scope");
        SCOPES.includes(scopeRaw) || ctx.usageError(`--scope must be full, bundle or snapshot, not '${scopeRaw}'`);
        let scope = scopeRaw, mode = values.encrypt;
        mode !== void 0 && mode !== "passphrase" && mode !== "rsa" && ctx.usageError(`--encrypt takes 'passphrase' or 'rsa', not '${mode}'`);
        let recipients = values.recipient ?? [];
        mode === "rsa" && recipients.length === 0 && ctx.usageError("--encrypt rsa needs at least one --recipient PUBLIC_PEM"), mode !== "rsa" && recipients.length > 0 && ctx.usageError("--recipient goes with --encrypt rsa"), values.signer !== void 0 && !values.sign && ctx.usageError("--signer goes with --sign PRIVATE_PEM");
        let format = values.format ?? "2.0";
        format !== "2.0" && format !== "2.1" && ctx.usageError(`--format takes 2.0 or 2.1, not '${format}'`);
        let recipientKeys = recipients.map((p2) => ({ path: p2, key: loadPublicKey(p2) })), signer = values.sign ? { privateKey: loadPrivateKey(values.sign), name: resolveSignerName(values.signer) } : void 0;
        if (values.output && !(0, import_node_fs17.existsSync)((0, import_node_path18.dirname)((0, import_node_path18.resolve)(values.output))))
          throw new AliveError(`the folder for ${values.output} does not exist; create it or choose another --output`, { code: "unwritable" });
        let passphrase = mode === "passphrase" ? await obtainPassphrase({ confirm: !0 }) : void 0, opts = {
          walnut,
          scope,
          bundles: values.bundle ?? [],
          ...values.output ? { output: values.output } : {},
          ...values.description !== void 0 ? { description: values.description } : {},
          allowSensitive: values["allow-sensitive"] === !0,
          onProgress: ctx.progress
        }, results = [], files, contentBytes, heldBack, packedPaths;
        if (format === "2.1") {
          let now = /* @__PURE__ */ new Date(), plan = await planPackage({ ...opts, now });
          for (let s3 of plan.collected.skipped) ctx.warn(`left out ${s3.path}: ${s3.reason}`);
          for (let h of plan.collected.heldBack) ctx.warn(`held back bundle '${h.bundle}' (${h.reason}); pass --allow-sensitive to include it`);
          let layout = v3Layout(plan, scope, now);
          layout.replacedReadme && ctx.warn("left out README.md: in format 2.1 the package root README.md is the generated primer (use --format 2.0 to carry the walnut's own)");
          let manifest = serializeManifestV3({
            walnut: plan.walnutName,
            scope,
            created: utcStamp(now),
            sender: signer?.name ?? relayLogin() ?? "unknown",
            sessionId: process.env.ALIVE_SESSION_ID || "manual",
            ...opts.description !== void 0 ? { description: opts.description } : {},
            bundles: plan.collected.bundles,
            files: layout.listing
          });
          signer && (manifest = signManifestText(manifest, signer.privateKey, signer.name));
          let output2 = (0, import_node_path18.resolve)(opts.output ?? defaultOutputPath(plan.walnutName, scope, plan.collected.bundles, now));
          if ((0, import_node_fs17.existsSync)(output2)) throw new AliveError(`${output2} already exists; choose another --output or move the old file away`, { code: "exists" });
          let enc = mode === "passphrase" ? { mode, passphrase } : mode === "rsa" ? { mode, recipients: recipientKeys.map((r) => r.key) } : { mode: "none" };
          results.push(await writeV3Package(output2, layout, manifest, enc, now)), files = layout.listing.length, contentBytes = layout.listing.reduce((a, f2) => a + f2.size, 0), heldBack = plan.collected.heldBack.map((h) => h.bundle), packedPaths = layout.listing.map((f2) => f2.path);
        } else if (mode) {
          let plan = await planPackage(opts);
          for (let s3 of plan.collected.skipped) ctx.warn(`left out ${s3.path}: ${s3.reason}`);
          for (let h of plan.collected.heldBack) ctx.warn(`held back bundle '${h.bundle}' (${h.reason}); pass --allow-sensitive to include it`);
          files = plan.files.length, contentBytes = plan.files.reduce((a, f2) => a + f2.size, 0), heldBack = plan.collected.heldBack.map((h) => h.bundle), packedPaths = plan.files.map((f2) => f2.path);
          let base = (0, import_node_path18.resolve)(opts.output ?? defaultOutputPath(plan.walnutName, opts.scope, plan.collected.bundles)), outputs = recipientKeys.length > 1 ? perRecipientPaths(
            base,
            recipientKeys.map((r) => r.path)
          ) : [base], targets = mode === "passphrase" ? [{ output: base, enc: { mode: "passphrase", passphrase } }] : recipientKeys.map((r, i) => ({ output: outputs[i], enc: { mode: "rsa", recipient: r.key }, recipient: r.path }));
          for (let t of targets)
            if ((0, import_node_fs17.existsSync)(t.output))
              throw new AliveError(`${t.output} already exists; choose another --output or move the old file away`, { code: "exists" });
          for (let t of targets) {
            let w2 = await writeEncryptedPackage(
              t.output,
              t.enc,
              (tar) => writePlannedFiles(tar, plan, ctx.progress),
              (sha) => manifestTextFor(plan, opts, { encrypted: !0, payloadSha256: sha }),
              signer
            );
            results.push({ ...w2, ..."recipient" in t && t.recipient ? { recipient: t.recipient } : {} });
          }
        } else {
          let r = await createPlainPackage(opts, signer ? (t) => signManifestText(t, signer.privateKey, signer.name) : void 0);
          for (let s3 of r.skipped) ctx.warn(`left out ${s3.path}: ${s3.reason}`);
          for (let h of r.heldBack) ctx.warn(`held back bundle '${h.bundle}' (${h.reason}); pass --allow-sensitive to include it`);
          results.push(r), files = r.files, contentBytes = r.contentBytes, heldBack = r.heldBack.map((h) => h.bundle), packedPaths = r.agentFiles.map((h) => h.path);
        }
        let agentWarning = agentFilesWarning(findAgentFiles(packedPaths));
        agentWarning && ctx.warn(inlineText(agentWarning, 2e3));
        for (let r of results)
          r.bytes > 35 * 1024 * 1024 && ctx.warn(`${r.path} is ${formatBytes(r.bytes)}; large packages travel slowly through a relay`);
        if (ctx.json) {
          let one = (r) => ({
            path: r.path,
            sha256: r.sha256,
            scope,
            files,
            bytes: r.bytes,
            encrypted: mode ?? !1,
            signed: signer !== void 0,
            ...signer ? { signer: signer.name } : {},
            held_back: heldBack,
            ...r.recipient ? { recipient: r.recipient } : {}
          });
          ctx.printJson({ ok: !0, ...results.length === 1 ? one(results[0]) : { ...one(results[0]), packages: results.map(one) } });
          return;
        }
        for (let r of results)
          ctx.print(`Created: ${r.path}${r.recipient ? ` (for ${r.recipient})` : ""}${format === "2.1" ? " (format 2.1)" : ""}`), ctx.print(`  SHA-256: ${r.sha256}`);
        ctx.print(`Scope: ${scope}, ${files} files, ${formatBytes(contentBytes)}`), ctx.print(
          `Encrypted: ${mode === "passphrase" ? "yes, with the passphrase (share it by another channel)" : mode === "rsa" ? format === "2.1" && recipients.length > 1 ? `yes, to ${recipients.length} recipients' keys` : "yes, to the recipient's key" : "no (anyone holding the file can read it)"}`
        ), ctx.print(`Signed: ${signer ? `yes, as ${signer.name}` : "no"}`);
      }
    });
  }
});

// scripts/lib/package/tar-read.ts
function refuse(label, entry, reason, code = "unsafe_entry") {
  let where = entry === void 0 ? label : `${label}: entry '${entry}'`;
  return new AliveError(`${inlineText(where)} ${reason}; nothing was written`, { code });
}
async function sniffCompression(path) {
  let fh = await (0, import_promises4.open)(path, "r");
  try {
    let head = Buffer.alloc(512), { bytesRead } = await fh.read(head, 0, 512, 0);
    return bytesRead >= 2 && head[0] === 31 && head[1] === 139 ? "gzip" : bytesRead >= 8 && head.subarray(0, 8).toString("latin1") === "Salted__" ? "salted" : bytesRead >= 262 && head.subarray(257, 262).toString("latin1") === "ustar" ? "tar" : "unknown";
  } finally {
    await fh.close();
  }
}
function readTarStream(source, compression, limits, visit) {
  let { label } = limits;
  return new Promise((resolve11, reject) => {
    let settled = !1, names = /* @__PURE__ */ new Map(), entries = 0, contentBytes = 0, chain = Promise.resolve(), decompressedLimit = limits.maxBytes + 64 * 1024 * 1024 + limits.maxEntries * 1536, limit = new ByteLimit(
      decompressedLimit,
      () => refuse(label, void 0, `expands past the size limit of ${limits.maxBytes} bytes (--max-size)`, "too_large")
    ), parser = new rt({ strict: !0 }), stages = [source], fail2 = (err) => {
      if (!settled) {
        settled = !0;
        for (let s3 of stages) s3.destroy?.();
        parser.abort(new Error("aborted")), reject(err);
      }
    }, check = (entry) => {
      let rawName = entry.path;
      if (entry.globalExtended && Object.keys(entry.globalExtended).length > 0)
        throw refuse(label, rawName, "follows a pax global header, which packages never use");
      let typeReason = TYPE_REASONS[entry.type];
      if (typeReason === void 0) throw refuse(label, rawName, `has an unsupported type (${entry.type})`);
      if (typeReason !== "") throw refuse(label, rawName, typeReason);
      let name = normaliseMemberName(rawName), kind = entry.type === "Directory" ? "dir" : "file";
      if (name === "" && kind === "dir") return { path: "", kind, size: 0, mode: 493, mtimeSec: 0, body: entry };
      let why = unsafePathReason(name);
      if (why) throw refuse(label, rawName, why);
      let prior = names.get(name);
      if (prior === "dir" && kind === "file") throw refuse(label, rawName, "is both a file and a folder", "duplicate_entry");
      if (prior && !(prior === "dir" && kind === "dir")) throw refuse(label, rawName, "appears twice in the archive", "duplicate_entry");
      let parts = name.split("/");
      for (let i = 1; i < parts.length; i++) {
        let parent = parts.slice(0, i).join("/");
        if (names.get(parent) === "file") throw refuse(label, rawName, `is inside '${parent}', which is a file`, "duplicate_entry");
        names.has(parent) || names.set(parent, "dir");
      }
      if (names.set(name, kind), entries += 1, entries > limits.maxEntries) throw refuse(label, void 0, `has more than ${limits.maxEntries} entries`, "too_large");
      let size = kind === "file" ? entry.size ?? 0 : 0;
      if (contentBytes += size, contentBytes > limits.maxBytes)
        throw refuse(label, rawName, `takes the expanded size past the limit of ${limits.maxBytes} bytes (--max-size)`, "too_large");
      let mtime = entry.mtime instanceof Date ? Math.floor(entry.mtime.getTime() / 1e3) : 0;
      return { path: name, kind, size, mode: (entry.mode ?? 420) & 511, mtimeSec: mtime, body: entry };
    };
    if (parser.on("entry", (entry) => {
      if (settled) {
        entry.resume();
        return;
      }
      let checked;
      try {
        checked = check(entry);
      } catch (err) {
        entry.resume(), fail2(err);
        return;
      }
      if (checked.kind === "dir") {
        entry.resume(), chain = chain.then(() => visit(checked)).catch(fail2);
        return;
      }
      entry.pause(), chain = chain.then(async () => {
        if (settled) {
          entry.resume();
          return;
        }
        await visit(checked);
      }), chain.catch(fail2);
    }), parser.on("ignoredEntry", (entry) => {
      entry.resume();
      let block = entry.header.block, letter = block && block.length >= 157 ? String.fromCharCode(block[156]) : entry.header.typeKey;
      fail2(refuse(label, entry.path, `has an unsupported type ('${letter}'), which a package never holds`));
    }), parser.on("warn", (code, message) => {
      fail2(refuse(label, void 0, `is not a valid tar archive (${code}: ${String(message instanceof Error ? message.message : message)})`, "bad_archive"));
    }), parser.on("error", (err) => {
      fail2(refuse(label, void 0, `is not a valid tar archive (${err.message})`, "bad_archive"));
    }), parser.on("end", () => {
      chain.then(() => {
        settled || (settled = !0, resolve11());
      }, fail2);
    }), source.on("error", (err) => fail2(err instanceof AliveError ? err : refuse(label, void 0, `cannot be read (${err.message})`, "bad_archive"))), limit.on("error", (err) => fail2(err)), compression === "gzip") {
      let gunzip = (0, import_node_zlib2.createGunzip)({ chunkSize: 262144 });
      stages.push(gunzip), gunzip.on(
        "error",
        (err) => fail2(refuse(label, void 0, `is not a complete gzip stream (${err.message}); the file is damaged or not a package`, "bad_archive"))
      ), source.pipe(gunzip).pipe(limit).pipe(parser);
    } else
      source.pipe(limit).pipe(parser);
    stages.push(limit);
  });
}
function readTarFile(path, compression, limits, visit, onProgress) {
  let source = (0, import_node_fs18.createReadStream)(path, { highWaterMark: 262144 });
  if (!onProgress) return readTarStream(source, compression, limits, visit);
  let total = 0;
  try {
    total = (0, import_node_fs18.statSync)(path).size;
  } catch {
  }
  let done = 0;
  return source.on("data", (c) => onProgress({ phase: "reading", doneBytes: done += c.length, totalBytes: total, finished: !1 })), readTarStream(source, compression, limits, visit).finally(() => onProgress({ phase: "reading", doneBytes: done, totalBytes: total, finished: !0 }));
}
var import_node_fs18, import_promises4, import_node_zlib2, import_node_stream5, TYPE_REASONS, ByteLimit, init_tar_read = __esm({
  "scripts/lib/package/tar-read.ts"() {
    "use strict";
    import_node_fs18 = __toESM(require_node_fs(), 1), import_promises4 = __toESM(require_promises(), 1), import_node_zlib2 = __toESM(require_node_zlib(), 1), import_node_stream5 = __toESM(require_node_stream(), 1);
    init_index_min();
    init_errors();
    init_safe_path();
    init_untrusted();
    TYPE_REASONS = {
      SymbolicLink: "is a symbolic link",
      Link: "is a hard link",
      CharacterDevice: "is a character device",
      BlockDevice: "is a block device",
      FIFO: "is a FIFO",
      ContiguousFile: "",
      OldFile: "",
      File: "",
      Directory: ""
    };
    ByteLimit = class extends import_node_stream5.Transform {
      constructor(limit, onExceed) {
        super();
        this.limit = limit;
        this.onExceed = onExceed;
      }
      limit;
      onExceed;
      seen = 0;
      _transform(chunk, _e2, cb) {
        this.seen += chunk.length, this.seen > this.limit ? cb(this.onExceed()) : cb(null, chunk);
      }
    };
  }
});

// scripts/lib/package/sinks.ts
function writeFailure(path, err) {
  return new AliveError(
    `cannot write ${path} while unpacking (${errnoCode(err) ?? "error"}); check the free space and permissions of the destination; nothing was written`,
    { code: "unwritable", cause: err }
  );
}
async function writeSmall(target, path, mode, mtimeSec, body) {
  let chunks = [], size = 0, hash = (0, import_node_crypto15.createHash)("sha256");
  for await (let chunk of body)
    hash.update(chunk), chunks.push(chunk), size += chunk.length;
  let fd;
  try {
    fd = (0, import_node_fs19.openSync)(target, "wx", mode);
  } catch (err) {
    throw new AliveError(`cannot create ${path} while unpacking (${errnoCode(err) ?? "error"}); nothing was written`, {
      code: errnoCode(err) === "EEXIST" ? "duplicate_entry" : "unwritable"
    });
  }
  try {
    let buf = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size), off = 0;
    try {
      for (; off < buf.length; ) off += (0, import_node_fs19.writeSync)(fd, buf, off, buf.length - off);
    } catch (err) {
      throw writeFailure(path, err);
    }
    mtimeSec > 0 && (0, import_node_fs19.futimesSync)(fd, mtimeSec, mtimeSec);
  } finally {
    (0, import_node_fs19.closeSync)(fd);
  }
  return { sha256: hash.digest("hex"), size };
}
function folderSink(root) {
  let made = /* @__PURE__ */ new Set(), ensureDir = async (rel) => {
    if (!(rel === "" || made.has(rel))) {
      await (0, import_promises5.mkdir)((0, import_node_path19.join)(root, rel), { recursive: !0 });
      for (let d = rel; d !== "" && !made.has(d); d = d.includes("/") ? d.slice(0, d.lastIndexOf("/")) : "") made.add(d);
    }
  };
  return {
    async writeFile(path, mode, mtimeSec, body, declared) {
      let target = (0, import_node_path19.join)(root, path), slash = path.lastIndexOf("/");
      slash > 0 && await ensureDir(path.slice(0, slash));
      let fileMode = mode & 73 ? 493 : 420;
      if (declared !== void 0 && declared <= SMALL_FILE) return writeSmall(target, path, fileMode, mtimeSec, body);
      let fh;
      try {
        fh = await (0, import_promises5.open)(target, "wx", fileMode);
      } catch (err) {
        throw body.resume(), new AliveError(`cannot create ${path} while unpacking (${errnoCode(err) ?? "error"}); nothing was written`, {
          code: errnoCode(err) === "EEXIST" ? "duplicate_entry" : "unwritable"
        });
      }
      let hash = (0, import_node_crypto15.createHash)("sha256"), size = 0;
      try {
        let pending = [], pendingBytes = 0, flush = async () => {
          if (pendingBytes === 0) return;
          let buf = pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingBytes);
          pending = [], pendingBytes = 0;
          let off = 0;
          try {
            for (; off < buf.length; ) off += (await fh.write(buf, off, buf.length - off)).bytesWritten;
          } catch (err) {
            throw writeFailure(path, err);
          }
        };
        for await (let chunk of body)
          hash.update(chunk), size += chunk.length, pending.push(chunk), pendingBytes += chunk.length, pendingBytes >= 1024 * 1024 && await flush();
        await flush(), mtimeSec > 0 && await fh.utimes(mtimeSec, mtimeSec).catch(() => {
        });
      } finally {
        await fh.close();
      }
      return { sha256: hash.digest("hex"), size };
    },
    async mkdir(path) {
      await ensureDir(path);
    }
  };
}
var import_promises5, import_node_fs19, import_node_crypto15, import_node_path19, hashOnlySink, SMALL_FILE, init_sinks = __esm({
  "scripts/lib/package/sinks.ts"() {
    "use strict";
    import_promises5 = __toESM(require_promises(), 1), import_node_fs19 = __toESM(require_node_fs(), 1), import_node_crypto15 = __toESM(require_node_crypto(), 1), import_node_path19 = __toESM(require_node_path(), 1);
    init_errors();
    hashOnlySink = {
      async writeFile(_path, _mode, _mtime, body) {
        let hash = (0, import_node_crypto15.createHash)("sha256"), size = 0;
        for await (let chunk of body)
          hash.update(chunk), size += chunk.length;
        return { sha256: hash.digest("hex"), size };
      },
      async mkdir() {
      }
    }, SMALL_FILE = 1024 * 1024;
  }
});

// scripts/lib/package/read-package.ts
async function readSmall(body, limit, label, name) {
  let chunks = [], n = 0;
  for await (let c of body) {
    if (n += c.length, n > limit) throw refuse(label, name, `is larger than ${limit} bytes`, "too_large");
    chunks.push(c);
  }
  return Buffer.concat(chunks);
}
async function readManifestText(body, label) {
  let bytes = await readSmall(body, MANIFEST_LIMIT, label, MANIFEST_NAME);
  try {
    return new TextDecoder("utf-8", { fatal: !0, ignoreBOM: !0 }).decode(bytes);
  } catch {
    throw refuse(label, MANIFEST_NAME, "is not valid UTF-8 text", "bad_manifest");
  }
}
function needCrypto(label, what) {
  throw new AliveError(`${label} is encrypted (${what}); ${what === "passphrase" ? "set WALNUT_PASSPHRASE to its passphrase" : "pass --private-key with your private key"} and try again`, {
    code: "encrypted"
  });
}
async function readPackage(path, sink, opts) {
  let label = path.slice(path.lastIndexOf("/") + 1) || path, limits = { maxBytes: opts.maxBytes, maxEntries: opts.maxEntries ?? 1e5, label }, kind = await sniffCompression(path).catch((err) => {
    throw new AliveError(`cannot read ${path} (${err.code ?? err.message}); check the path`, { code: "unreadable" });
  }), spoolDir = await (0, import_promises6.mkdtemp)((0, import_node_path20.join)((0, import_node_os4.tmpdir)(), "alive-spool-"));
  try {
    if (kind === "gzip") return await readGzipPackage(path, sink, opts, limits, spoolDir);
    if (kind === "salted") {
      opts.crypto || needCrypto(label, "passphrase");
      let plain = decrypting(path, await opts.crypto.passphraseDecryptStream(!0));
      return await readInnerWithManifest(plain, sink, opts, { ...limits, label }, "v3-passphrase");
    }
    if (kind === "tar") return await readV3RsaPackage(path, sink, opts, limits, spoolDir);
    throw new AliveError(`${label} is not a .walnut package (it is neither gzip nor tar data)`, { code: "bad_archive" });
  } finally {
    await (0, import_promises6.rm)(spoolDir, { recursive: !0, force: !0 });
  }
}
async function readInnerWithManifest(stream, sink, opts, limits, envelope) {
  let asm = new Assembler(limits.label, sink, opts);
  return await readTarStream(stream, "gzip", limits, async (entry) => {
    if (entry.kind === "dir") return sink.mkdir(entry.path);
    if (entry.path === MANIFEST_NAME) return asm.acceptManifest(await readManifestText(entry.body, limits.label));
    await asm.file(entry);
  }), asm.finish(), result(asm, envelope);
}
function result(asm, envelope) {
  let m2 = asm.manifest, plainEnvelope = envelope === "plain" && m2.generation === "v3" ? "v3-plain" : envelope;
  return { manifest: m2, manifestText: asm.manifestText, envelope: plainEnvelope, signature: asm.signature, files: m2.files.length, bytes: asm.bytes };
}
async function spool(entry, spoolDir) {
  let digest = await folderSink(spoolDir).writeFile(entry.path, 384, 0, entry.body);
  return { path: (0, import_node_path20.join)(spoolDir, entry.path), digest, entry };
}
async function readGzipPackage(path, sink, opts, limits, spoolDir) {
  let { label } = limits, asm = new Assembler(label, sink, opts), spooled = /* @__PURE__ */ new Map();
  await readTarFile(path, "gzip", limits, async (entry) => {
    if (entry.kind === "dir") return sink.mkdir(entry.path);
    if (entry.path === MANIFEST_NAME) return asm.acceptManifest(await readManifestText(entry.body, label));
    if (ENCRYPTED_NAMES.has(entry.path) && !asm.isListed(entry.path)) {
      spooled.set(entry.path, await spool(entry, spoolDir));
      return;
    }
    if (asm.manifest?.encrypted)
      throw refuse(label, entry.path, "should not be in an encrypted package (only manifest.yaml and payload files belong there)", "unlisted_file");
    await asm.file(entry);
  }, opts.onProgress);
  let payload = spooled.get("payload.enc");
  if (!payload || asm.isListed("payload.enc")) {
    for (let s3 of spooled.values())
      await asm.file({ ...s3.entry, body: (0, import_node_fs20.createReadStream)(s3.path) });
    return asm.finish(), result(asm, "plain");
  }
  if (!asm.manifest) throw refuse(label, void 0, "has no manifest.yaml, so it is not a .walnut package", "missing_manifest");
  if (asm.written.size > 0) {
    let extra = [...asm.written.keys()][0];
    throw refuse(label, extra, "should not be in an encrypted package (only manifest.yaml and payload files belong there)", "unlisted_file");
  }
  let manifest = asm.manifest;
  if (manifest.payload_sha256 && manifest.generation === "v2" && manifest.payload_sha256 !== payload.digest.sha256)
    throw refuse(label, "payload.enc", "does not match the payload_sha256 in the manifest (tampered with or damaged)", "payload_mismatch");
  let keyFile = spooled.get("payload.key"), envelope = keyFile ? "rsa" : "passphrase";
  opts.crypto || needCrypto(label, envelope);
  let decipher;
  if (keyFile) {
    opts.crypto.unwrapPayloadKey || needCrypto(label, "rsa");
    let { key, iv } = opts.crypto.unwrapPayloadKey(await (0, import_promises6.readFile)(keyFile.path));
    decipher = opts.crypto.aesDecryptStream(key, iv);
  } else
    decipher = await opts.crypto.passphraseDecryptStream(!1);
  let inner = decrypting(payload.path, decipher), innerAsm = new Assembler(label, sink, { ...opts, requireSignature: !1 });
  return innerAsm.useManifest(manifest, asm.manifestText), innerAsm.signature = asm.signature, await readTarStream(inner, "gzip", { ...limits, label: `${label} (decrypted payload)` }, async (entry) => {
    if (entry.kind === "dir") return sink.mkdir(entry.path);
    await innerAsm.file(entry);
  }), innerAsm.finish(), result(innerAsm, envelope);
}
async function readV3RsaPackage(path, sink, opts, limits, spoolDir) {
  let { label } = limits, spooled = /* @__PURE__ */ new Map();
  await readTarFile(path, "none", limits, async (entry) => {
    if (entry.kind !== "dir") {
      if (entry.path !== "rsa-envelope-v1.json" && entry.path !== "payload.enc")
        throw refuse(label, entry.path, "does not belong in an RSA envelope (only rsa-envelope-v1.json and payload.enc)", "unlisted_file");
      spooled.set(entry.path, await spool(entry, spoolDir));
    }
  }, opts.onProgress);
  let env = spooled.get("rsa-envelope-v1.json"), payload = spooled.get("payload.enc");
  if (!env || !payload)
    throw spooled.size === 0 ? new AliveError(`${label} is not a .walnut package (a tar without a manifest)`, { code: "missing_manifest" }) : refuse(label, void 0, `is an incomplete RSA envelope (missing ${env ? "payload.enc" : "rsa-envelope-v1.json"})`, "bad_archive");
  opts.crypto?.unwrapV3Envelope || needCrypto(label, "rsa");
  let { key, iv } = opts.crypto.unwrapV3Envelope(await (0, import_promises6.readFile)(env.path, "utf8")), decipher = opts.crypto.aesDecryptStream(key, iv), inner = decrypting(payload.path, decipher);
  return readInnerWithManifest(inner, sink, opts, { ...limits, label: `${label} (decrypted payload)` }, "v3-rsa");
}
function decrypting(path, decipher) {
  let file2 = (0, import_node_fs20.createReadStream)(path, { highWaterMark: 1048576 });
  return file2.on("error", (err) => decipher.destroy(err)), file2.pipe(decipher);
}
var import_node_fs20, import_promises6, import_node_os4, import_node_path20, MANIFEST_LIMIT, ENCRYPTED_NAMES, Assembler, init_read_package = __esm({
  "scripts/lib/package/read-package.ts"() {
    "use strict";
    import_node_fs20 = __toESM(require_node_fs(), 1), import_promises6 = __toESM(require_promises(), 1), import_node_os4 = __toESM(require_node_os(), 1), import_node_path20 = __toESM(require_node_path(), 1);
    init_errors();
    init_manifest();
    init_tar_read();
    init_sinks();
    init_v3();
    MANIFEST_LIMIT = 32 * 1024 * 1024, ENCRYPTED_NAMES = /* @__PURE__ */ new Set(["payload.enc", "payload.key"]), Assembler = class {
      constructor(label, sink, opts) {
        this.label = label;
        this.sink = sink;
        this.opts = opts;
      }
      label;
      sink;
      opts;
      manifest;
      manifestText;
      /** The manifest's files by path: every entry is looked up, so no linear scan per file. */
      #byPath = /* @__PURE__ */ new Map();
      signature = { present: !1, ok: !1 };
      written = /* @__PURE__ */ new Map();
      early = [];
      bytes = 0;
      acceptManifest(text, knownEnvelope) {
        let manifest = parseManifest(text);
        if ((manifest.generation === "v3" || manifest.generation === "v2" && !manifest.encrypted) && manifest.payload_sha256 && knownEnvelope !== "passphrase" && knownEnvelope !== "rsa" && filesDigestV3(manifest.files) !== manifest.payload_sha256)
          throw new AliveError(`${this.label}: the manifest's payload_sha256 does not match its own file list (edited or damaged); nothing was written`, {
            code: "payload_mismatch"
          });
        this.signature = { present: manifest.signature !== void 0, ok: !1 }, manifest.signature && (this.signature.signer = manifest.signature.signer);
        let check = this.opts.crypto?.verifyManifest?.(text);
        if (check && (this.signature = check, check.present && !check.ok))
          throw new AliveError(`${this.label}: the signature does not verify: ${check.reason ?? "the manifest was changed after signing, or signed by another key"}; nothing was written`, {
            code: "bad_signature"
          });
        if (this.opts.requireSignature && !this.signature.present)
          throw new AliveError(`${this.label} is not signed, but a signature was required; nothing was written`, { code: "unsigned" });
        this.useManifest(manifest, text);
        for (let p2 of this.early) this.checkWritten(p2);
      }
      /** Adopts an already-checked manifest (the outer one, for an encrypted payload's files). */
      useManifest(manifest, text) {
        this.manifest = manifest, this.manifestText = text, this.#byPath = new Map(manifest.files.map((f2) => [f2.path, f2]));
      }
      isListed(path) {
        return this.#byPath.has(path);
      }
      listed(path) {
        return this.#byPath.get(path);
      }
      /** Validates a plaintext entry against the manifest (when known) and writes it to the sink. */
      async file(entry) {
        if (this.manifest) {
          let want = this.listed(entry.path);
          if (!want) throw refuse(this.label, entry.path, "is not listed in the manifest", "unlisted_file");
          if (want.size !== entry.size)
            throw refuse(this.label, entry.path, `is ${entry.size} bytes but the manifest says ${want.size}`, "size_mismatch");
        }
        let digest = await this.sink.writeFile(entry.path, entry.mode, entry.mtimeSec, entry.body, entry.size);
        this.written.set(entry.path, digest), this.bytes += digest.size, this.manifest ? this.checkWritten(entry.path) : this.early.push(entry.path);
      }
      checkWritten(path) {
        let want = this.listed(path), got = this.written.get(path);
        if (!want) throw refuse(this.label, path, "is not listed in the manifest", "unlisted_file");
        if (want.size !== got.size) throw refuse(this.label, path, `is ${got.size} bytes but the manifest says ${want.size}`, "size_mismatch");
        if (want.sha256 !== got.sha256)
          throw refuse(this.label, path, `does not match its checksum in the manifest (expected ${want.sha256.slice(0, 12)}…, got ${got.sha256.slice(0, 12)}…)`, "checksum_mismatch");
      }
      finish() {
        if (!this.manifest) throw refuse(this.label, void 0, "has no manifest.yaml, so it is not a .walnut package", "missing_manifest");
        let missing = this.manifest.files.filter((f2) => !this.written.has(f2.path));
        if (missing.length > 0) {
          let names = missing.slice(0, 5).map((f2) => f2.path).join(", ");
          throw refuse(this.label, missing[0].path, `is listed in the manifest but missing from the package${missing.length > 1 ? ` (missing: ${names}${missing.length > 5 ? ", …" : ""})` : ""}`, "missing_file");
        }
      }
    };
  }
});

// scripts/lib/package/info.ts
async function readPackageHead(path) {
  let label = path.slice(path.lastIndexOf("/") + 1) || path, kind;
  try {
    kind = await sniffCompression(path);
  } catch (err) {
    throw new AliveError(`cannot read ${path} (${err.code ?? "error"}); check the path`, { code: "unreadable" });
  }
  if (kind === "salted") return { envelope: "v3-passphrase", entries: [] };
  if (kind === "unknown") throw new AliveError(`${label} is not a .walnut package (it is neither gzip nor tar data)`, { code: "bad_archive" });
  let entries = [], text, encrypted = !1, limits = { maxBytes: 64 * 1024 * 1024 * 1024, maxEntries: 1e6, label };
  try {
    await readTarFile(path, kind === "gzip" ? "gzip" : "none", limits, async (e) => {
      if (e.kind !== "dir") {
        if (entries.push(e.path), e.path === MANIFEST_NAME) {
          if (text = await readManifestText(e.body, label), encrypted = /^encrypted:\s*true\s*$/im.test(text), !encrypted) throw new Found();
          return;
        }
        if (encrypted && e.path === "payload.key") throw new Found();
        e.body.resume();
      }
    });
  } catch (err) {
    if (!(err instanceof Found)) throw err;
  }
  if (kind === "tar") {
    if (entries.includes("rsa-envelope-v1.json")) return { envelope: "v3-rsa", entries };
    if (text === void 0) throw new AliveError(`${label} is not a .walnut package (no manifest.yaml)`, { code: "missing_manifest" });
  }
  if (text === void 0) throw new AliveError(`${label} has no manifest.yaml, so it is not a .walnut package`, { code: "missing_manifest" });
  let manifest = parseManifest(text), envelope = manifest.generation === "v3" ? "v3-plain" : "plain";
  return (manifest.encrypted || entries.includes("payload.enc")) && (envelope = entries.includes("payload.key") ? "rsa" : "passphrase"), { manifest, text, envelope, entries };
}
var Found, init_info = __esm({
  "scripts/lib/package/info.ts"() {
    "use strict";
    init_errors();
    init_manifest();
    init_tar_read();
    init_read_package();
    Found = class extends Error {
    };
  }
});

// scripts/lib/package/commands/info.ts
var info_exports = {};
__export(info_exports, {
  infoCommand: () => infoCommand
});
var import_node_path21, infoCommand, init_info2 = __esm({
  "scripts/lib/package/commands/info.ts"() {
    "use strict";
    import_node_path21 = __toESM(require_node_path(), 1);
    init_command();
    init_progress();
    init_untrusted();
    init_info();
    infoCommand = defineCommand({
      name: "info",
      summary: "show a package's manifest summary",
      usage: `usage: alive-p2p info PACKAGE [--json]

Shows a package's manifest summary. Reads nothing but the manifest; decrypts nothing.`,
      options: {},
      positionals: { min: 1, max: 1 },
      async run(ctx) {
        let pkg = ctx.positionals[0], head = await readPackageHead(pkg), m2 = head.manifest, summary = {
          ok: !0,
          path: (0, import_node_path21.resolve)(pkg),
          envelope: head.envelope,
          encrypted: head.envelope !== "plain" && head.envelope !== "v3-plain",
          format_version: m2?.format_version ?? null,
          scope: m2?.scope ?? null,
          walnut: m2?.source.walnut ?? null,
          created: m2?.created ?? null,
          description: m2?.description ?? null,
          bundles: m2?.bundles ?? [],
          files: m2?.files.length ?? null,
          bytes: m2 ? m2.files.reduce((a, f2) => a + f2.size, 0) : null,
          signed: m2?.signature !== void 0,
          signer: m2?.signature?.signer ?? null
        };
        if (ctx.json) return ctx.printJson(summary);
        if (!m2) {
          ctx.print(`${pkg}: a v3 package encrypted as a whole (${head.envelope}); its manifest is inside the ciphertext.`), ctx.print("Run alive-p2p verify with credentials to see its contents.");
          return;
        }
        ctx.print(`Package: ${summary.path}`), ctx.print(`Format: ${inlineText(m2.format_version)}   Scope: ${m2.scope}   Walnut: ${inlineText(m2.source.walnut ?? "?")}`), ctx.print(`Created: ${inlineText(m2.created)}`), m2.description && ctx.print(`Description: ${inlineText(m2.description)}`), m2.bundles?.length && ctx.print(`Bundles: ${m2.bundles.map((b2) => inlineText(b2)).join(", ")}`), ctx.print(`Files: ${m2.files.length} (${formatBytes(summary.bytes ?? 0)})`), ctx.print(`Encrypted: ${summary.encrypted ? head.envelope : "no"}`), ctx.print(`Signed: ${m2.signature ? `yes, by ${inlineText(m2.signature.signer)} (not checked by info; use verify --signer-key)` : "no"}`);
      }
    });
  }
});

// scripts/lib/cli/args.ts
function parsePositiveInt(value, flag) {
  if (value !== void 0) {
    if (!/^\d+$/.test(value) || Number(value) <= 0 || !Number.isSafeInteger(Number(value)))
      throw new UsageError(`${flag} takes a positive whole number, got '${value}'`);
    return Number(value);
  }
}
var import_node_util2, init_args = __esm({
  "scripts/lib/cli/args.ts"() {
    "use strict";
    import_node_util2 = __toESM(require_node_util(), 1);
    init_errors();
  }
});

// scripts/lib/fs/hash.ts
async function sha256File(path) {
  let hash = (0, import_node_crypto16.createHash)("sha256");
  for await (let chunk of (0, import_node_fs21.createReadStream)(path, { highWaterMark: 1 << 20 })) hash.update(chunk);
  return hash.digest("hex");
}
var import_node_crypto16, import_node_fs21, init_hash = __esm({
  "scripts/lib/fs/hash.ts"() {
    "use strict";
    import_node_crypto16 = __toESM(require_node_crypto(), 1), import_node_fs21 = __toESM(require_node_fs(), 1);
  }
});

// scripts/lib/package/tar-sink.ts
function tarSink(tar) {
  return {
    async writeFile(path, mode, mtimeSec, body, size) {
      let hash = (0, import_node_crypto17.createHash)("sha256"), n = 0;
      async function* hashed() {
        for await (let chunk of body)
          hash.update(chunk), n += chunk.length, yield chunk;
      }
      return await tar.addFile({ path, size: size ?? 0, mode: mode & 73 ? 493 : 420, mtimeSec }, hashed()), { sha256: hash.digest("hex"), size: n };
    },
    async mkdir() {
    }
  };
}
var import_node_crypto17, init_tar_sink = __esm({
  "scripts/lib/package/tar-sink.ts"() {
    "use strict";
    import_node_crypto17 = __toESM(require_node_crypto(), 1);
  }
});

// scripts/lib/package/crypto-adapter.ts
function defaultPrivateKeyPath(env = process.env) {
  let p2 = (0, import_node_path22.join)(relayDir(env), "keys", "private.pem");
  return (0, import_node_fs22.existsSync)(p2) ? p2 : void 0;
}
function packageCryptoFrom(src) {
  let env = src.env ?? process.env, priv = src.privateKey, privateKey = () => {
    if (priv) return priv;
    let path = src.privateKeyPath ?? defaultPrivateKeyPath(env);
    if (!path)
      throw new AliveError("this package is encrypted to a person's key: pass --private-key with your private key (PEM)", {
        code: "encrypted"
      });
    return priv = loadPrivateKey(path), priv;
  }, signer = src.signerPublicKey ?? (src.signerKeyPath ? loadPublicKey(src.signerKeyPath) : void 0);
  return src.privateKeyPath && privateKey(), {
    passphraseDecryptStream: async (legacyKdfs) => {
      let passphrase = src.askPassphrase ? await obtainPassphrase({ confirm: !1, env }) : passphraseFromEnv(env);
      return createPassphraseDecryptStream(passphrase, { legacyKdfs, expectGzip: !0 });
    },
    unwrapPayloadKey: (wrapped) => unwrapKeyIv(privateKey(), wrapped),
    unwrapV3Envelope: (json) => unwrapEnvelopeKey(privateKey(), parseRsaEnvelopeV1(json)),
    aesDecryptStream: (key, iv) => createAesCbcDecryptStream(key, iv),
    ...signer ? { verifyManifest: (text) => verifyManifestText(text, signer) } : {}
  };
}
var import_node_fs22, import_node_path22, init_crypto_adapter = __esm({
  "scripts/lib/package/crypto-adapter.ts"() {
    "use strict";
    import_node_fs22 = __toESM(require_node_fs(), 1), import_node_path22 = __toESM(require_node_path(), 1);
    init_errors();
    init_home();
    init_passphrase();
    init_aes_cbc();
    init_rsa();
    init_sign();
    init_keys();
  }
});

// scripts/lib/package/limits.ts
var init_limits = __esm({
  "scripts/lib/package/limits.ts"() {
    "use strict";
  }
});

// scripts/lib/package/api.ts
async function readPackageManifest(path) {
  let head = await readPackageHead(path);
  return { envelope: head.envelope, ...head.text ? { text: head.text } : {}, ...head.manifest ? { manifest: head.manifest } : {} };
}
function encryptedManifestText(text, payloadSha2562) {
  let lines = canonicalManifestForSignature(text).split(`
`).filter((l) => !/^payload_sha256\s*:/.test(l)), i = lines.findIndex((l) => /^encrypted\s*:/.test(l));
  if (i < 0) throw new AliveError("the manifest has no encrypted: field, so it is not a 2.0 package", { code: "bad_manifest" });
  return lines.splice(i, 1, "encrypted: true", `payload_sha256: "${payloadSha2562}"`), lines.join(`
`);
}
async function sealPackageForPeer(opts) {
  let head = await readPackageHead(opts.input), maxBytes = opts.maxSize ?? 4294967296;
  if (head.envelope === "plain") {
    let written = await writeEncryptedPackage(
      opts.output,
      { mode: "rsa", recipient: opts.recipientPublicKey },
      async (tar) => {
        await readPackage(opts.input, tarSink(tar), { maxBytes });
      },
      (sha) => encryptedManifestText(head.text, sha),
      opts.signer
    );
    return { sha256: written.sha256, bytes: written.bytes, encrypted: !0 };
  }
  if (head.envelope === "passphrase" || head.envelope === "rsa") {
    let spool2 = await (0, import_promises7.mkdtemp)((0, import_node_path23.join)((0, import_node_os5.tmpdir)(), "alive-seal-"));
    try {
      await readTarFile(opts.input, "gzip", { maxBytes, maxEntries: 10, label: opts.input }, async (e) => {
        e.kind !== "dir" && (e.path === "payload.enc" || e.path === "payload.key" ? await folderSink(spool2).writeFile(e.path, 384, 0, e.body) : e.body.resume());
      });
      let payloadPath = (0, import_node_path23.join)(spool2, "payload.enc"), sha = await sha256File(payloadPath), claimed = head.manifest?.payload_sha256;
      if (claimed && head.manifest?.generation === "v2" && claimed !== sha)
        throw new AliveError(`${opts.input}: payload.enc does not match the payload_sha256 in its manifest (tampered with or damaged); it was not signed or sent`, {
          code: "payload_mismatch"
        });
      let text = signManifestText(encryptedManifestText(head.text, sha), opts.signer.privateKey, opts.signer.name), mtimeSec = Math.floor(Date.now() / 1e3), written = await writeTarGz(opts.output, async (tar) => {
        if (await tar.addFile(manifestEntryMeta(text), Buffer.from(text)), head.envelope === "rsa") {
          let keyPath = (0, import_node_path23.join)(spool2, "payload.key");
          await tar.addFile({ path: "payload.key", size: (0, import_node_fs23.statSync)(keyPath).size, mode: 420, mtimeSec }, (0, import_node_fs23.createReadStream)(keyPath));
        }
        await tar.addFile({ path: "payload.enc", size: (0, import_node_fs23.statSync)(payloadPath).size, mode: 420, mtimeSec }, (0, import_node_fs23.createReadStream)(payloadPath));
      });
      return { sha256: written.sha256, bytes: written.bytes, encrypted: !0 };
    } finally {
      await (0, import_promises7.rm)(spool2, { recursive: !0, force: !0 });
    }
  }
  throw new AliveError(
    `${opts.input} is a v3 (format 2.1) package, which alive cannot re-seal for a peer; create it again with alive-p2p create`,
    { code: "unsupported_version" }
  );
}
function verifySummary(r, signatureChecked) {
  return {
    ok: !0,
    format_version: r.manifest.format_version,
    scope: r.manifest.scope,
    files: r.files,
    encrypted: r.envelope !== "plain" && r.envelope !== "v3-plain",
    signed: r.signature.present,
    signature_ok: r.signature.present && signatureChecked ? r.signature.ok : null,
    signer: r.signature.signer ?? null,
    problems: []
  };
}
async function verifyPackageDetailed(path, opts = {}) {
  let signatureChecked = opts.signerPublicKey !== void 0 || opts.signerKeyPath !== void 0;
  try {
    let { maxSize, requireSignature, onProgress, ...sources } = opts, read = await readPackage(path, hashOnlySink, {
      maxBytes: maxSize ?? 4294967296,
      crypto: packageCryptoFrom(sources),
      requireSignature: requireSignature ?? signatureChecked,
      ...onProgress ? { onProgress } : {}
    });
    return { result: verifySummary(read, signatureChecked), read };
  } catch (err) {
    if (!(err instanceof AliveError)) throw err;
    return {
      result: {
        ok: !1,
        format_version: null,
        scope: null,
        files: null,
        encrypted: null,
        signed: err.code === "unsigned" ? !1 : null,
        signature_ok: err.code === "bad_signature" ? !1 : null,
        signer: null,
        problems: [err.message],
        code: err.code
      }
    };
  }
}
var import_node_fs23, import_promises7, import_node_os5, import_node_path23, init_api2 = __esm({
  "scripts/lib/package/api.ts"() {
    "use strict";
    import_node_fs23 = __toESM(require_node_fs(), 1), import_promises7 = __toESM(require_promises(), 1), import_node_os5 = __toESM(require_node_os(), 1), import_node_path23 = __toESM(require_node_path(), 1);
    init_errors();
    init_sign();
    init_info();
    init_hash();
    init_read_package();
    init_tar_read();
    init_sinks();
    init_tar_sink();
    init_encrypt();
    init_archive_out();
    init_create();
    init_crypto_adapter();
    init_limits();
  }
});

// scripts/lib/package/commands/verify.ts
var verify_exports = {};
__export(verify_exports, {
  verifyCommand: () => verifyCommand
});
var verifyCommand, init_verify = __esm({
  "scripts/lib/package/commands/verify.ts"() {
    "use strict";
    init_command();
    init_args();
    init_progress();
    init_errors();
    init_untrusted();
    init_api2();
    init_limits();
    verifyCommand = defineCommand({
      name: "verify",
      summary: "check a package's integrity (and signature)",
      usage: `usage: alive-p2p verify PACKAGE [--private-key PEM] [--signer-key PEM] [--max-size BYTES] [--json]

Checks every entry of a package against its manifest (names, sizes, SHA-256) without writing
anything; decrypts with WALNUT_PASSPHRASE (asked on a terminal when unset) or --private-key.
With --signer-key the package must carry a valid signature by that key. Exit 0 when it all
holds, 1 otherwise.`,
      options: { "max-size": { type: "string" }, "private-key": { type: "string" }, "signer-key": { type: "string" } },
      positionals: { min: 1, max: 1 },
      async run(ctx) {
        let maxSize = parsePositiveInt(ctx.values["max-size"], "--max-size") ?? 4294967296, pkg = ctx.positionals[0], privateKey = ctx.values["private-key"], signerKey = ctx.values["signer-key"], { result: result2, read } = await verifyPackageDetailed(pkg, {
          maxSize,
          askPassphrase: !0,
          onProgress: ctx.progress,
          ...privateKey ? { privateKeyPath: privateKey } : {},
          ...signerKey ? { signerKeyPath: signerKey } : {}
        });
        if (!read) {
          let { ok: _ok, code, problems, ...fields } = result2;
          throw new AliveError(problems[0] ?? "verification failed", { code: code ?? "failed", fields: { ...fields, problems } });
        }
        if (ctx.json) return ctx.printJson(result2);
        ctx.print(`OK: ${pkg} (format ${inlineText(read.manifest.format_version)}, scope ${read.manifest.scope}, ${read.files} files, ${formatBytes(read.bytes)})`);
        let who = inlineText(read.signature.signer ?? "?"), sig = result2.signed ? result2.signature_ok ? `yes, valid, by ${who}` : `yes, by ${who} (not checked: pass --signer-key)` : "no";
        ctx.print(`Encrypted: ${result2.encrypted ? read.envelope : "no"}   Signed: ${sig}`);
      }
    });
  }
});

// scripts/lib/package/extract.ts
async function existingState(path) {
  try {
    return (await (0, import_promises8.stat)(path)).isDirectory() && (await (0, import_promises8.readdir)(path)).length === 0 ? "empty-dir" : "occupied";
  } catch (err) {
    if (errnoCode(err) === "ENOENT") return "absent";
    throw err;
  }
}
async function makeParents(dir) {
  let made = [], d = dir, chain = [];
  for (; ; )
    try {
      await (0, import_promises8.stat)(d);
      break;
    } catch {
      chain.unshift(d);
      let up = (0, import_node_path24.dirname)(d);
      if (up === d) break;
      d = up;
    }
  for (let c of chain)
    await (0, import_promises8.mkdir)(c), made.push(c);
  return made;
}
async function extractPackage(pkg, outputDir, opts) {
  let output2 = (0, import_node_path24.resolve)(outputDir), state = await existingState(output2);
  if (state === "occupied")
    throw new AliveError(`${output2} already exists and is not an empty folder; extract into a new folder`, { code: "exists" });
  let parent = (0, import_node_path24.dirname)(output2), madeParents = await makeParents(parent), staging = await (0, import_promises8.mkdtemp)((0, import_node_path24.join)(parent, `.${(0, import_node_path24.basename)(output2)}.alive-extract-`));
  try {
    let result2 = await readPackage(pkg, folderSink(staging), opts);
    await (0, import_promises8.chmod)(staging, 493), state === "empty-dir" && await (0, import_promises8.rmdir)(output2);
    try {
      await (0, import_promises8.rename)(staging, output2);
    } catch (err) {
      throw state === "empty-dir" && await (0, import_promises8.mkdir)(output2).catch(() => {
      }), err;
    }
    return fsyncDir(parent), { ...result2, output: output2 };
  } catch (err) {
    await (0, import_promises8.rm)(staging, { recursive: !0, force: !0 });
    for (let d of madeParents.reverse()) await (0, import_promises8.rmdir)(d).catch(() => {
    });
    throw err;
  }
}
var import_promises8, import_node_path24, init_extract = __esm({
  "scripts/lib/package/extract.ts"() {
    "use strict";
    import_promises8 = __toESM(require_promises(), 1), import_node_path24 = __toESM(require_node_path(), 1);
    init_errors();
    init_atomic();
    init_read_package();
    init_sinks();
  }
});

// scripts/lib/package/commands/extract.ts
var extract_exports = {};
__export(extract_exports, {
  extractCommand: () => extractCommand
});
var extractCommand, init_extract2 = __esm({
  "scripts/lib/package/commands/extract.ts"() {
    "use strict";
    init_command();
    init_args();
    init_progress();
    init_untrusted();
    init_api2();
    init_crypto_adapter();
    init_extract();
    init_limits();
    extractCommand = defineCommand({
      name: "extract",
      summary: "unpack a package into a new folder",
      usage: `usage: alive-p2p extract PACKAGE --output DIR [--private-key PEM] [--max-size BYTES] [--json]

Unpacks a package into a new folder (DIR must not exist, or be empty). Everything is checked
before DIR appears; on any problem nothing is written. Decrypts with WALNUT_PASSPHRASE (asked
on a terminal when unset) or --private-key.`,
      options: { output: { type: "string" }, "max-size": { type: "string" }, "private-key": { type: "string" } },
      positionals: { min: 1, max: 1 },
      async run(ctx) {
        let output2 = ctx.required(ctx.values.output, "--output"), maxBytes = parsePositiveInt(ctx.values["max-size"], "--max-size") ?? 4294967296, pkg = ctx.positionals[0], privateKey = ctx.values["private-key"], crypto = packageCryptoFrom({ askPassphrase: !0, ...privateKey ? { privateKeyPath: privateKey } : {} }), r = await extractPackage(pkg, output2, { maxBytes, crypto, onProgress: ctx.progress });
        if (ctx.json) return ctx.printJson({ ...verifySummary(r, !1), output: r.output, bytes: r.bytes });
        ctx.print(`Extracted to: ${r.output}`), ctx.print(`Format: ${inlineText(r.manifest.format_version)}   Scope: ${r.manifest.scope}   Walnut: ${inlineText(r.manifest.source.walnut ?? "?")}`), ctx.print(`Files: ${r.files} (${formatBytes(r.bytes)}), all checksums match`);
      }
    });
  }
});

// scripts/lib/receive/names.ts
function folderNameProblem(name) {
  let basic = bundleNameProblem(name);
  if (basic) return basic;
  if (INVISIBLE.test(name)) return "contains a control or invisible formatting character";
  if (name.trim() !== name) return "starts or ends with white space";
  if (Buffer.byteLength(name) > MAX_NAME_BYTES) return `is longer than ${MAX_NAME_BYTES} bytes`;
}
function checkWalnutName(name, from) {
  let why = folderNameProblem(name);
  if (why)
    throw new AliveError(`the walnut name ${JSON.stringify(name)} (${from}) ${why}; nothing was written. Pass --as NAME to choose a safe name`, {
      code: "unsafe_name"
    });
  return name;
}
function checkBundleName(name) {
  let why = folderNameProblem(name) ?? (RESERVED_BUNDLE_NAMES.has(name) ? "is a reserved folder name" : void 0);
  if (why)
    throw new AliveError(`the package names a bundle ${JSON.stringify(name)}, which ${why}; it was refused and nothing was written`, {
      code: "unsafe_name"
    });
  return name;
}
function compactDate(iso) {
  return iso.slice(0, 10).replace(/-/g, "");
}
function conflictName(name, date2, taken) {
  let base = `${name}-imported-${date2}`;
  if (!taken(base)) return base;
  for (let i = 2; i < 1e4; i++) {
    let c = `${base}-${i}`;
    if (!taken(c)) return c;
  }
  throw new AliveError(`too many earlier imports of bundle '${name}' today; rename some of them and try again`, { code: "conflict" });
}
var RESERVED_BUNDLE_NAMES, MAX_NAME_BYTES, INVISIBLE, init_names2 = __esm({
  "scripts/lib/receive/names.ts"() {
    "use strict";
    init_errors();
    init_manifest();
    RESERVED_BUNDLE_NAMES = /* @__PURE__ */ new Set(["_kernel", "_core", "bundles", "node_modules", "__pycache__", "__MACOSX"]), MAX_NAME_BYTES = 200, INVISIBLE = /[\u0080-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;
  }
});

// scripts/lib/receive/crypto.ts
function pinnedSignerKeyPath(signer, env) {
  if (signer === "" || folderNameProblem(signer)) return;
  let dir = (0, import_node_path25.join)(relayDir(env), "keys", "peers"), exact = (0, import_node_path25.join)(dir, `${signer}.pem`);
  if ((0, import_node_fs24.existsSync)(exact)) return exact;
  let names;
  try {
    names = (0, import_node_fs24.readdirSync)(dir);
  } catch {
    return;
  }
  let wanted = `${signer}.pem`.toLowerCase(), found = names.find((n) => n.toLowerCase() === wanted);
  return found ? (0, import_node_path25.join)(dir, found) : void 0;
}
function receiveCrypto(privateKeyPath, env) {
  return {
    ...packageCryptoFrom({ ...privateKeyPath ? { privateKeyPath } : {}, env, askPassphrase: !0 }),
    verifyManifest(text) {
      let block = readSignatureBlock(text), path = block ? pinnedSignerKeyPath(block.signer, env) : void 0;
      return path ? verifyManifestText(text, loadPublicKey(path)) : void 0;
    }
  };
}
var import_node_fs24, import_node_path25, init_crypto = __esm({
  "scripts/lib/receive/crypto.ts"() {
    "use strict";
    import_node_fs24 = __toESM(require_node_fs(), 1), import_node_path25 = __toESM(require_node_path(), 1);
    init_crypto_adapter();
    init_sign();
    init_keys();
    init_home();
    init_names2();
  }
});

// scripts/lib/receive/package-io.ts
async function readPackageHeadSafe(path) {
  try {
    return (await readPackageHead(path)).manifest;
  } catch {
    return;
  }
}
var init_package_io = __esm({
  "scripts/lib/receive/package-io.ts"() {
    "use strict";
    init_info();
    init_hash();
    init_read_package();
  }
});

// lazy-builtin:node:worker_threads
var require_node_worker_threads = __commonJS({
  "lazy-builtin:node:worker_threads"(exports, module) {
    module.exports = __require("node:worker_threads");
  }
});

// scripts/lib/receive/package-hash.ts
function hashPackageInBackground(path) {
  return new Promise((resolve11, reject) => {
    let worker;
    try {
      worker = new import_node_worker_threads.Worker(WORKER, { eval: !0, workerData: path });
    } catch {
      sha256File(path).then(resolve11, reject);
      return;
    }
    worker.once("message", (m2) => {
      m2.hex ? resolve11(m2.hex) : reject(new Error(`cannot hash ${path}: ${m2.error ?? "unknown error"}`)), worker.terminate();
    }), worker.once("error", (err) => {
      worker.terminate(), sha256File(path).then(resolve11, () => reject(err));
    });
  });
}
var import_node_worker_threads, WORKER, init_package_hash = __esm({
  "scripts/lib/receive/package-hash.ts"() {
    "use strict";
    import_node_worker_threads = __toESM(require_node_worker_threads(), 1);
    init_hash();
    WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { createReadStream } = require('node:fs');
const hash = createHash('sha256');
const stream = createReadStream(workerData, { highWaterMark: 1 << 20 });
stream.on('data', (c) => hash.update(c));
stream.on('error', (e) => parentPort.postMessage({ error: String(e && e.message) }));
stream.on('end', () => parentPort.postMessage({ hex: hash.digest('hex') }));
`;
  }
});

// scripts/lib/world/frontmatter.ts
function splitFrontmatter(text) {
  let open4 = OPEN.exec(text);
  if (!open4) return;
  let rest = text.slice(open4[0].length), close = /^---[ \t]*(?:\r?\n|$)/m.exec(rest);
  if (!close) return;
  let inner = rest.slice(0, close.index);
  return { lines: inner === "" ? [] : inner.replace(/\r?\n$/, "").split(/\r?\n/), body: rest.slice(close.index + close[0].length) };
}
function frontmatterValues(fm) {
  let out = /* @__PURE__ */ new Map();
  for (let line of fm.lines) {
    let m2 = KEY_LINE.exec(line);
    if (!m2) continue;
    let v2 = (m2[2] ?? "").trim();
    v2.length >= 2 && (v2.startsWith('"') && v2.endsWith('"') || v2.startsWith("'") && v2.endsWith("'")) && (v2 = v2.slice(1, -1)), v2 !== "" && out.set(m2[1], v2);
  }
  return out;
}
function setFrontmatterValues(fm, values) {
  let lines = [...fm.lines];
  for (let [key, value] of Object.entries(values)) {
    let at2 = lines.findIndex((l) => KEY_LINE.exec(l)?.[1] === key);
    at2 >= 0 ? lines[at2] = `${key}: ${value}` : lines.push(`${key}: ${value}`);
  }
  return { lines, body: fm.body };
}
function joinFrontmatter(fm) {
  return `---
${fm.lines.map((l) => `${l}
`).join("")}---
${fm.body}`;
}
var OPEN, KEY_LINE, init_frontmatter = __esm({
  "scripts/lib/world/frontmatter.ts"() {
    "use strict";
    OPEN = /^---[ \t]*\r?\n/;
    KEY_LINE = /^([A-Za-z0-9_][\w-]*):(?:[ \t]+(.*?)|[ \t]*)$/;
  }
});

// scripts/lib/world/log.ts
function signingSession(env = process.env) {
  for (let v2 of [env.ALIVE_SESSION_ID, env.CLAUDE_CODE_SESSION_ID])
    if (v2 && /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/.test(v2)) return v2;
  return "alive-p2p";
}
function formatLogEntry(timestamp, session, body) {
  return [`## ${timestamp} — squirrel:${session}`, "", ...body, "", `signed: squirrel:${session}`, ""].join(`
`);
}
function countSigned(text) {
  return (text.match(/^signed: /gm) ?? []).length;
}
function prependLogEntry(existing, entry, meta2) {
  let fm = existing === void 0 ? void 0 : splitFrontmatter(existing);
  if (!fm) {
    let before = existing ?? "", count3 = countSigned(before) + 1;
    return `${[
      "---",
      `walnut: ${meta2.walnut}`,
      `created: ${meta2.timestamp.slice(0, 10)}`,
      `last-entry: ${meta2.timestamp}`,
      `entry-count: ${count3}`,
      `summary: ${meta2.summary}`,
      "---",
      "",
      ""
    ].join(`
`)}${entry}${before.trim() === "" ? "" : `
${before.replace(/^\s*\n/, "")}`}`;
  }
  let values = frontmatterValues(fm), prior = Number.parseInt(values.get("entry-count") ?? "", 10), count2 = (Number.isFinite(prior) && prior >= 0 ? prior : countSigned(fm.body)) + 1, updated = setFrontmatterValues(fm, { "last-entry": meta2.timestamp, "entry-count": String(count2) }), rest = fm.body.replace(/^(?:[ \t]*\r?\n)+/, "");
  return joinFrontmatter({ lines: updated.lines, body: `
${entry}${rest === "" ? "" : `
${rest}`}` });
}
var init_log = __esm({
  "scripts/lib/world/log.ts"() {
    "use strict";
    init_frontmatter();
  }
});

// scripts/lib/receive/lock.ts
function processStartTime(pid) {
  let stat2;
  try {
    stat2 = (0, import_node_fs25.readFileSync)(`/proc/${pid}/stat`, "utf8");
  } catch {
    return;
  }
  let start = stat2.slice(stat2.lastIndexOf(")") + 2).split(" ")[19];
  return start !== void 0 && /^\d+$/.test(start) ? start : void 0;
}
function alive(pid) {
  try {
    return process.kill(pid, 0), !0;
  } catch (err) {
    return errnoCode(err) === "EPERM";
  }
}
function holder(path) {
  try {
    let text = (0, import_node_fs25.readFileSync)(path, "utf8"), pid = Number((/"pid":\s*(\d+)/.exec(text) ?? [])[1]), start = (/"start":\s*"(\d+)"/.exec(text) ?? [])[1];
    return !Number.isSafeInteger(pid) || pid <= 0 ? { text } : start === void 0 ? { text, pid } : { text, pid, start };
  } catch (err) {
    if (errnoCode(err) === "ENOENT") return;
    throw err;
  }
}
function holds(pid, start) {
  if (!alive(pid)) return !1;
  if (start === void 0) return !0;
  let now = processStartTime(pid);
  return now === void 0 || now === start;
}
function acquireWorldLock(path) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      let fd = (0, import_node_fs25.openSync)(path, "wx", 420), start = processStartTime(process.pid);
      return (0, import_node_fs25.writeSync)(fd, `${JSON.stringify({ pid: process.pid, ...start ? { start } : {}, started: (/* @__PURE__ */ new Date()).toISOString() })}
`), (0, import_node_fs25.closeSync)(fd), {
        release() {
          holder(path)?.pid === process.pid && (0, import_node_fs25.unlinkSync)(path);
        }
      };
    } catch (err) {
      if (errnoCode(err) !== "EEXIST") throw err;
    }
    let h = holder(path);
    if (!h) continue;
    if (h.pid !== void 0 && holds(h.pid, h.start))
      throw new AliveError(`another receive is running in this world (pid ${h.pid}); wait for it to finish and try again`, { code: "busy" });
    let again = holder(path);
    again && again.text === h.text && (0, import_node_fs25.unlinkSync)(path);
  }
  throw new AliveError(`cannot take ${path}; if no receive is running, delete that file and try again`, { code: "busy" });
}
var import_node_fs25, init_lock = __esm({
  "scripts/lib/receive/lock.ts"() {
    "use strict";
    import_node_fs25 = __toESM(require_node_fs(), 1);
    init_errors();
  }
});

// scripts/lib/package/identity.ts
function packageIdentity(manifest, signer) {
  return (0, import_node_crypto18.createHash)("sha256").update(`alive-package-identity-v1\0${signer === null ? "" : signer.toLowerCase()}\0${manifest.created}\0${filesDigestV3(manifest.files)}`).digest("hex");
}
var import_node_crypto18, init_identity = __esm({
  "scripts/lib/package/identity.ts"() {
    "use strict";
    import_node_crypto18 = __toESM(require_node_crypto(), 1);
    init_v3();
  }
});

// scripts/lib/receive/ledger.ts
function ledgerPath(world) {
  return (0, import_node_path26.join)(world, ".alive", "imports.json");
}
function readLedger(world) {
  let path = ledgerPath(world), text;
  try {
    text = (0, import_node_fs26.readFileSync)(path, "utf8");
  } catch (err) {
    if (errnoCode(err) === "ENOENT") return { imports: [] };
    throw new AliveError(`cannot read ${path} (${errnoCode(err) ?? "error"})`, { code: "ledger" });
  }
  let parsed;
  try {
    parsed = ledgerSchema.safeParse(JSON.parse(text));
  } catch {
    parsed = void 0;
  }
  if (!parsed?.success)
    throw new AliveError(`${path} is damaged (not the expected {imports: [...]} JSON); repair it or move it aside, then receive again. Nothing was written`, {
      code: "ledger"
    });
  return parsed.data;
}
function recordImport(world, entry) {
  let ledger = readLedger(world);
  ledger.imports.some((e) => e.receipt === entry.receipt) || writeJsonAtomic(ledgerPath(world), { ...ledger, imports: [...ledger.imports, entry] });
}
function findDuplicate(ledger, sha256, scope, target, identity) {
  let same = (e) => e.package_sha256 === sha256 || identity !== void 0 && e.identity === identity;
  return ledger.imports.find((e) => same(e) && (scope === "full" ? e.scope === "full" : e.target === target));
}
function mayBeRecorded(ledger, bytes) {
  return ledger.imports.some((e) => e.package_bytes === void 0 || e.package_bytes === bytes);
}
var import_node_fs26, import_node_path26, ledgerEntrySchema, ledgerSchema, init_ledger = __esm({
  "scripts/lib/receive/ledger.ts"() {
    "use strict";
    import_node_fs26 = __toESM(require_node_fs(), 1), import_node_path26 = __toESM(require_node_path(), 1);
    init_zod();
    init_errors();
    init_atomic();
    ledgerEntrySchema = looseObject({
      package_sha256: string2().check(_regex(/^[0-9a-f]{64}$/)),
      /** Size of the package file: lets a receive skip waiting for the hash when no size matches. */
      package_bytes: optional(number2().check(int(), _nonnegative())),
      format_version: string2(),
      walnut: nullable(string2()),
      scope: _enum(["full", "bundle", "snapshot"]),
      created: nullable(string2()),
      sender: nullable(string2()),
      signer: nullable(string2()),
      signature_verified: boolean2(),
      received_at: string2(),
      source: string2(),
      /** World-relative path of the walnut that received the import. */
      target: string2(),
      /** World-relative paths that appeared. */
      imported: array(string2()),
      conflicts: array(looseObject({ bundle: string2(), imported_as: string2() })),
      /** The receive's own id (its staging folder), so a resumed receive is recorded once. */
      receipt: string2(),
      /** packageIdentity(): the signed content, the same however the package was re-compressed or re-encrypted. */
      identity: optional(string2().check(_regex(/^[0-9a-f]{64}$/)))
    }), ledgerSchema = looseObject({ imports: array(ledgerEntrySchema) });
  }
});

// scripts/lib/world/now.ts
function nowJsonPath(walnut, layout) {
  return layout === "v2" ? (0, import_node_path27.join)(walnut, "_kernel", "_generated", "now.json") : (0, import_node_path27.join)(walnut, "_kernel", "now.json");
}
function readJsonObject(path) {
  try {
    let v2 = JSON.parse((0, import_node_fs27.readFileSync)(path, "utf8"));
    return v2 && typeof v2 == "object" && !Array.isArray(v2) ? v2 : {};
  } catch {
    return {};
  }
}
function keyValues(walnut) {
  try {
    let fm = splitFrontmatter((0, import_node_fs27.readFileSync)((0, import_node_path27.join)(walnut, "_kernel", "key.md"), "utf8"));
    return fm ? frontmatterValues(fm) : /* @__PURE__ */ new Map();
  } catch {
    return /* @__PURE__ */ new Map();
  }
}
function regeneratedNow(walnut, layout, update) {
  let prior = readJsonObject(nowJsonPath(walnut, layout)), key = keyValues(walnut), goal = key.get("goal");
  return {
    ...prior,
    phase: key.get("phase") ?? (typeof prior.phase == "string" ? prior.phase : "received"),
    health: typeof prior.health == "string" ? prior.health : "active",
    updated: update.timestamp,
    bundle: prior.bundle ?? null,
    next: typeof prior.next == "string" && prior.next !== "" ? prior.next : goal ? `Work toward: ${goal}` : "Review what was received",
    squirrel: update.session,
    context: update.context,
    projections: Array.isArray(prior.projections) ? prior.projections : []
  };
}
function regenerateNow(walnut, layout, update) {
  let path = nowJsonPath(walnut, layout);
  return writeJsonAtomic(path, regeneratedNow(walnut, layout, update)), path;
}
var import_node_fs27, import_node_path27, init_now = __esm({
  "scripts/lib/world/now.ts"() {
    "use strict";
    import_node_fs27 = __toESM(require_node_fs(), 1), import_node_path27 = __toESM(require_node_path(), 1);
    init_atomic();
    init_frontmatter();
  }
});

// scripts/lib/receive/journal.ts
function inWorld(world, rel) {
  let abs = (0, import_node_path28.resolve)(world, rel);
  if (abs !== world && !abs.startsWith(world + import_node_path28.sep))
    throw new AliveError(`receive journal names ${rel}, outside the world; it was left alone`, { code: "bad_journal" });
  return abs;
}
function exists2(p2) {
  try {
    return (0, import_node_fs28.lstatSync)(p2), !0;
  } catch (err) {
    if (errnoCode(err) === "ENOENT") return !1;
    throw err;
  }
}
function writeJournal(staging, journal) {
  writeJsonAtomic((0, import_node_path28.join)(staging, JOURNAL), journal, { mode: 384 });
}
function writeBesideMarker(staging, besideRel) {
  writeJsonAtomic((0, import_node_path28.join)(staging, BESIDE_MARKER), { beside: besideRel }, { mode: 384 });
}
function removeBeside(world, rel) {
  if (!rel) return;
  let abs = (0, import_node_path28.resolve)(world, rel);
  !abs.startsWith(world + import_node_path28.sep) || !(0, import_node_path28.basename)(abs).startsWith(BESIDE_PREFIX) || (0, import_node_fs28.rmSync)(abs, { recursive: !0, force: !0 });
}
function besideOf(staging) {
  try {
    let v2 = JSON.parse((0, import_node_fs28.readFileSync)((0, import_node_path28.join)(staging, BESIDE_MARKER), "utf8"));
    return typeof v2.beside == "string" ? v2.beside : void 0;
  } catch {
    return;
  }
}
function discardStaging(world, staging) {
  removeBeside(world, besideOf(staging)), (0, import_node_fs28.rmSync)(staging, { recursive: !0, force: !0 });
}
function applyJournal(world, staging, j2) {
  for (let d of j2.mkdirs) (0, import_node_fs28.mkdirSync)(inWorld(world, d), { recursive: !0 });
  let beside = j2.beside !== void 0 ? inWorld(world, j2.beside) : void 0;
  for (let m2 of j2.moves) {
    let src = (0, import_node_path28.join)(m2.base === "beside" && beside ? beside : staging, m2.from), dst = inWorld(world, m2.to);
    if (exists2(src)) {
      if (exists2(dst))
        throw new AliveError(`${m2.to} appeared in the world while this receive was interrupted; the staged copy is kept in ${staging}`, {
          code: "conflict"
        });
      (0, import_node_fs28.mkdirSync)((0, import_node_path28.dirname)(dst), { recursive: !0 }), (0, import_node_fs28.renameSync)(src, dst), fsyncDir((0, import_node_path28.dirname)(dst));
    }
  }
  if (j2.log) {
    let path = inWorld(world, j2.log.path), current;
    try {
      current = (0, import_node_fs28.readFileSync)(path, "utf8");
    } catch (err) {
      if (errnoCode(err) !== "ENOENT") throw err;
    }
    (current === void 0 || !current.includes(j2.log.entry)) && writeFileAtomic(path, prependLogEntry(current, j2.log.entry, j2.log));
  }
  j2.now && regenerateNow(inWorld(world, j2.now.walnut), j2.now.layout, j2.now), recordImport(world, j2.ledger), removeBeside(world, j2.beside), (0, import_node_fs28.rmSync)(staging, { recursive: !0, force: !0 });
}
function recoverLeftovers(world, receivingDir) {
  let report = { finished: [], discarded: [], stuck: [] };
  if (!(0, import_node_fs28.existsSync)(receivingDir)) return report;
  for (let e of (0, import_node_fs28.readdirSync)(receivingDir, { withFileTypes: !0 })) {
    if (!e.isDirectory()) continue;
    let staging = (0, import_node_path28.join)(receivingDir, e.name), journalPath = (0, import_node_path28.join)(staging, JOURNAL);
    if (!(0, import_node_fs28.existsSync)(journalPath)) {
      discardStaging(world, staging), report.discarded.push(e.name);
      continue;
    }
    let journal;
    try {
      journal = journalSchema.parse(JSON.parse((0, import_node_fs28.readFileSync)(journalPath, "utf8"))), applyJournal(world, staging, journal), report.finished.push({ id: e.name, journal });
    } catch (err) {
      let why = err instanceof AliveError ? err.message : messageOf(err).split(`
`)[0], into = journal ? ` into ${journal.target}` : "";
      report.stuck.push({
        id: e.name,
        staging,
        target: journal?.target ?? null,
        message: `an interrupted receive${into} (${e.name}) cannot be finished: ${why}. To finish it, remove the cause and run any receive in this world again; to discard it, delete ${staging}${journal?.beside ? ` and ${inWorldQuiet(world, journal.beside)}` : ""} (what it already moved into the world stays, and it is not recorded in imports.json)`
      });
    }
  }
  return report;
}
function inWorldQuiet(world, rel) {
  return (0, import_node_path28.resolve)(world, rel);
}
var import_node_fs28, import_node_path28, JOURNAL, journalSchema, BESIDE_MARKER, BESIDE_PREFIX, init_journal = __esm({
  "scripts/lib/receive/journal.ts"() {
    "use strict";
    import_node_fs28 = __toESM(require_node_fs(), 1), import_node_path28 = __toESM(require_node_path(), 1);
    init_zod();
    init_errors();
    init_atomic();
    init_log();
    init_now();
    init_ledger();
    JOURNAL = "journal.json", journalSchema = object({
      version: literal(1),
      id: string2(),
      package_sha256: string2(),
      /** World-relative path of the receiving walnut. */
      target: string2(),
      /** World-relative folders to create first (a new inbox domain, a v2 bundles/ folder). */
      mkdirs: array(string2()),
      /**
       * Renames: source → world-relative destination (a source that is gone was done). The source is
       * relative to the staging folder, or to `beside` when `base` says so.
       */
      moves: array(object({ from: string2(), to: string2(), base: optional(_enum(["staging", "beside"])) })),
      /**
       * World-relative folder staged beside the targets, used when `.alive/` is on another file
       * system than they are (so every rename stays on one file system).
       */
      beside: optional(string2()),
      /** An entry to prepend to a log.md already in the world (bundle scope). */
      log: nullable(object({ path: string2(), entry: string2(), walnut: string2(), timestamp: string2(), summary: string2() })),
      /** now.json to regenerate in a walnut already in the world (bundle scope). */
      now: nullable(object({ walnut: string2(), layout: _enum(["v2", "v3"]), timestamp: string2(), session: string2(), context: string2() })),
      ledger: ledgerEntrySchema,
      /** The receive's JSON result, reported again when a later run finishes this one. */
      result: record(string2(), unknown())
    });
    BESIDE_MARKER = "beside.json", BESIDE_PREFIX = ".alive-receiving-";
  }
});

// scripts/lib/receive/plan.ts
function keptName(index, path) {
  let base = path.slice(path.lastIndexOf("/") + 1).slice(0, 100);
  return `${String(index + 1).padStart(4, "0")}-${base}.held`;
}
function bundleRootsOf(m2) {
  let roots = /* @__PURE__ */ new Set();
  if (m2.generation !== "v3") return roots;
  for (let f2 of m2.files) {
    let segs = f2.path.split("/");
    segs.length === 2 && segs[1] === BUNDLE_MANIFEST && !["_kernel", "bundles", "_core"].includes(segs[0]) && roots.add(segs[0]);
  }
  if (m2.scope === "bundle") for (let b2 of m2.bundles ?? []) roots.add(b2);
  return roots;
}
function place(path, m2, roots) {
  let segs = path.split("/"), gitAt = segs.indexOf(".git");
  if (gitAt >= 0) return { kind: "skip", reason: "Git metadata is never imported", remove: segs.slice(0, gitAt + 1).join("/") };
  let top = segs[0];
  if (m2.generation === "v1" && top === "_core") {
    if (segs[1] === "_capsules")
      return segs.length >= 4 ? { kind: "bundle", name: segs[2], dir: segs.slice(0, 3).join("/") } : { kind: "skip", reason: "a file directly in _core/_capsules/ belongs to no capsule", remove: path };
    let rest = segs.slice(1).join("/");
    return rest === "now.md" || rest === "tasks.md" ? { kind: "skip", reason: "v1 now.md and tasks.md are not carried into v2/v3 walnuts", remove: path } : REGENERATED.test(rest) ? { kind: "skip", reason: "generated by the receiver", remove: path } : { kind: "kernel", name: rest };
  }
  if (top === "_kernel") {
    let rest = segs.slice(1).join("/");
    return REGENERATED.test(rest) ? { kind: "skip", reason: "generated by the receiver", remove: path } : { kind: "kernel", name: rest };
  }
  if (top === "bundles")
    return segs.length >= 3 ? { kind: "bundle", name: segs[1], dir: `bundles/${segs[1]}` } : { kind: "skip", reason: "a file directly in bundles/ belongs to no bundle", remove: path };
  if (roots.has(top) && segs.length >= 2) return { kind: "bundle", name: top, dir: top };
  if (m2.generation === "v3" && path === "README.md") return { kind: "skip", reason: "the package's generated README (v3)", remove: path };
  if (top.startsWith(".") || top === "__MACOSX") {
    let rule = agentFileRule(path);
    return rule && m2.scope === "full" && rule.name.toLowerCase().startsWith(top.toLowerCase()) ? { kind: "live", top } : { kind: "skip", reason: "hidden top-level entries are never imported", remove: path };
  }
  return { kind: "live", top };
}
function declaredBundles(m2, found) {
  if (m2.bundles && m2.bundles.length > 0) return m2.bundles;
  let capsules = m2.extra.capsules;
  return m2.generation === "v1" && Array.isArray(capsules) && capsules.every((c) => typeof c == "string") ? capsules : found;
}
function planReceive(input) {
  let { manifest: m2, layout } = input, full = m2.scope === "full", roots = bundleRootsOf(m2), plan = { units: [], held: [], agentFilesTaken: [], skipped: [], conflicts: [], removals: [], capsules: [], kernel: [], bundles: [] }, removals = /* @__PURE__ */ new Set(), bundleUnits = /* @__PURE__ */ new Map(), liveUnits = /* @__PURE__ */ new Map(), kernelUnits = [], heldInBundle = /* @__PURE__ */ new Map(), bundleSeen = (name, dir) => {
    checkBundleName(name);
    let prior = bundleUnits.get(name);
    if (prior && prior.from !== dir)
      throw new AliveError(`the package holds two bundles named '${name}' (${prior.from}/ and ${dir}/); it was refused and nothing was written`, {
        code: "bundle_collision"
      });
    let u2 = prior ?? { kind: "bundle", from: dir, to: "", bundle: name, files: 0, bytes: 0 };
    return bundleUnits.set(name, u2), u2;
  };
  for (let f2 of m2.files) {
    let p2 = place(f2.path, m2, roots), agent = p2.kind !== "skip" && (full || p2.kind === "bundle") ? agentFileRule(f2.path) : void 0;
    if (agent) {
      let entry = { path: f2.path, rule: agent.name, to: p2.kind === "kernel" ? `_kernel/${p2.name}` : f2.path };
      if (p2.kind === "bundle" && heldInBundle.set(entry, { unit: bundleSeen(p2.name, p2.dir), rest: f2.path.slice(p2.dir.length + 1) }), !input.allowAgentFiles) {
        entry.keptAs = keptName(plan.held.length, f2.path), plan.held.push(entry);
        continue;
      }
      plan.agentFilesTaken.push(entry);
    }
    if (p2.kind === "skip")
      plan.skipped.push({ path: f2.path, reason: p2.reason }), removals.add(p2.remove);
    else if (p2.kind === "kernel") {
      if (!full) {
        plan.skipped.push({ path: f2.path, reason: "the target walnut keeps its own kernel files" }), removals.add(f2.path);
        continue;
      }
      kernelUnits.push({ kind: "kernel", from: f2.path, to: `_kernel/${p2.name}`, files: 1, bytes: f2.size }), plan.kernel.push(p2.name);
    } else if (p2.kind === "bundle") {
      let u2 = bundleSeen(p2.name, p2.dir);
      u2.files += 1, u2.bytes += f2.size;
    } else {
      if (!full)
        throw new AliveError(`a ${m2.scope} package should hold only bundles, but it holds '${f2.path}'; it was refused and nothing was written`, {
          code: "unexpected_entry"
        });
      let u2 = liveUnits.get(p2.top) ?? { kind: "live", from: p2.top, to: p2.top, files: 0, bytes: 0 };
      u2.files += 1, u2.bytes += f2.size, liveUnits.set(p2.top, u2);
    }
  }
  if (!full) {
    let declared = declaredBundles(m2, [...bundleUnits.keys()]);
    for (let name of declared) checkBundleName(name);
    let declaredSet = new Set(declared);
    for (let name of bundleUnits.keys())
      if (!declaredSet.has(name))
        throw new AliveError(`the package holds files of bundle '${name}', which its manifest does not list; it was refused and nothing was written`, {
          code: "unexpected_entry"
        });
    for (let name of declared)
      if (!bundleUnits.has(name)) {
        let dir = m2.generation === "v1" ? `_core/_capsules/${name}` : m2.generation === "v3" ? name : `bundles/${name}`;
        bundleUnits.set(name, { kind: "bundle", from: dir, to: "", bundle: name, files: 0, bytes: 0 });
      }
  }
  let claimed = /* @__PURE__ */ new Set(), rootNames = /* @__PURE__ */ new Set(["_kernel", ...liveUnits.keys()]), isTaken = (n) => claimed.has(n) || input.taken(n) || layout === "v3" && rootNames.has(n);
  for (let name of [...bundleUnits.keys()].sort()) {
    let u2 = bundleUnits.get(name), as2 = isTaken(name) ? conflictName(name, input.date, isTaken) : name;
    as2 !== name && plan.conflicts.push({ bundle: name, existing: layout === "v2" ? `bundles/${name}` : name, imported_as: as2 }), claimed.add(as2), u2.as = as2, u2.to = layout === "v2" ? `bundles/${as2}` : as2, plan.bundles.push(name), m2.generation === "v1" && plan.capsules.push(u2.from);
  }
  for (let [entry, { unit, rest }] of heldInBundle) entry.to = `${unit.to}/${rest}`;
  return plan.units = [...kernelUnits, ...[...bundleUnits.values()].sort((a, b2) => a.to < b2.to ? -1 : 1), ...liveUnits.values()], plan.removals = [...removals].sort(), plan;
}
var REGENERATED, init_plan = __esm({
  "scripts/lib/receive/plan.ts"() {
    "use strict";
    init_errors();
    init_layout();
    init_agent_files();
    init_names2();
    REGENERATED = /^(now\.json|imports\.json|_generated(\/.*)?)$/;
  }
});

// scripts/lib/receive/preflight.ts
function lstatOrUndefined(p2) {
  try {
    return (0, import_node_fs29.lstatSync)(p2);
  } catch (err) {
    let code = errnoCode(err);
    if (code === "ENOENT") return;
    throw code === "ENOTDIR" ? inTheWay(p2) : err;
  }
}
function inTheWay(p2) {
  return new AliveError(`${p2} cannot be created: something in its path is a file, not a folder; move it aside and receive again. Nothing was written`, {
    code: "no_target"
  });
}
function insideWorld(world, abs) {
  return abs === world || abs.startsWith(world + import_node_path29.sep);
}
function existingFolderOn(world, rel, what, inside) {
  let at2 = world;
  for (let seg of rel.split("/").filter(Boolean)) {
    let next = (0, import_node_path29.join)(at2, seg), st2 = lstatOrUndefined(next);
    if (!st2) break;
    let real = next;
    if (st2.isSymbolicLink()) {
      try {
        real = (0, import_node_fs29.realpathSync)(next);
      } catch {
        throw new AliveError(`${relOf(world, next)} is a broken link, in the way of ${what}; remove it and receive again. Nothing was written`, { code: "no_target" });
      }
      if (inside && !insideWorld(world, real))
        throw new AliveError(`${relOf(world, next)} is a link leading out of the world (to ${real}); receive only writes inside the world. Replace the link with a folder, or pass --into. Nothing was written`, {
          code: "outside_world"
        });
    }
    if (!(0, import_node_fs29.statSync)(real).isDirectory())
      throw new AliveError(`${relOf(world, next)} in the world is not a folder, so ${what} cannot go there; move it aside and receive again. Nothing was written`, {
        code: "no_target"
      });
    at2 = next;
  }
  try {
    (0, import_node_fs29.accessSync)(at2, import_node_fs29.constants.W_OK);
  } catch {
    throw new AliveError(`${relOf(world, at2) || "the world folder"} is not writable, so ${what} cannot be written; fix its permissions and receive again. Nothing was written`, {
      code: "unwritable"
    });
  }
  return at2;
}
function relOf(world, abs) {
  return abs === world ? "." : abs.slice(world.length + 1).split(import_node_path29.sep).join("/");
}
function preflight(world, writes, stagingRoot2, deviceOf = statDevice) {
  for (let d of writes.mkdirs) existingFolderOn(world, d, d, !0);
  let moveParents = [];
  for (let m2 of writes.moves) {
    let parent = existingFolderOn(world, m2, m2, !0);
    if (parent === (0, import_node_path29.join)(world, ...m2.split("/")))
      throw new AliveError(`${m2} already exists and is never overwritten; nothing was written`, { code: "exists" });
    moveParents.push(parent);
  }
  for (let f2 of writes.files) {
    existingFolderOn(world, (0, import_node_path29.dirname)(f2), f2, !0);
    let st2 = lstatOrUndefined((0, import_node_path29.join)(world, ...f2.split("/")));
    if (st2 && !st2.isFile())
      throw new AliveError(`${f2} in the world is not a regular file (${st2.isSymbolicLink() ? "a link" : "a folder or special file"}); replace it with a file and receive again. Nothing was written`, {
        code: "no_target"
      });
  }
  for (let s3 of writes.state) existingFolderOn(world, s3, s3, !1);
  let stagingDev = deviceOf(stagingRoot2), devs = new Set(moveParents.map(deviceOf));
  if (devs.size > 1)
    throw new AliveError(`this receive would write to folders on different file systems (${writes.moves.join(", ")}); it cannot be made atomic. Nothing was written`, {
      code: "io"
    });
  return moveParents.length === 0 || devs.has(stagingDev) ? {} : { stageIn: relOf(world, moveParents[0]) };
}
function statDevice(p2) {
  return (0, import_node_fs29.statSync)(p2).dev;
}
var import_node_fs29, import_node_path29, init_preflight = __esm({
  "scripts/lib/receive/preflight.ts"() {
    "use strict";
    import_node_fs29 = __toESM(require_node_fs(), 1), import_node_path29 = __toESM(require_node_path(), 1);
    init_errors();
  }
});

// scripts/lib/receive/tasks.ts
function parseTasksMd(text, bundle, created, session) {
  let lines = text.split(/\r?\n/);
  if (lines[0]?.trim() === "---") {
    let end = lines.findIndex((l, i) => i > 0 && l.trim() === "---");
    end > 0 && (lines = lines.slice(end + 1));
  }
  let tasks = [], leftover = !1;
  for (let line of lines) {
    let m2 = TASK_LINE.exec(line), title = m2?.[2]?.trim();
    if (!m2 || !title) {
      line.trim() !== "" && !/^#{1,6}\s/.test(line) && (leftover = !0);
      continue;
    }
    let mark = m2[1];
    tasks.push({
      id: `t-${String(tasks.length + 1).padStart(3, "0")}`,
      title,
      status: mark === "x" ? "done" : "active",
      priority: mark === "~" ? "high" : "normal",
      assignee: null,
      due: null,
      tags: [],
      created,
      session: m2[3] ?? session,
      bundle
    });
  }
  return { tasks, leftover };
}
function convertTasksMd(bundleDir, bundle, created, session) {
  let md = (0, import_node_path30.join)(bundleDir, "tasks.md");
  if (!(0, import_node_fs30.existsSync)(md)) return;
  if ((0, import_node_fs30.existsSync)((0, import_node_path30.join)(bundleDir, "tasks.json")))
    return `bundle ${bundle}: its v2 tasks.md was kept as it is, because the bundle already has a tasks.json`;
  let { tasks, leftover } = parseTasksMd((0, import_node_fs30.readFileSync)(md, "utf8"), bundle, created, session);
  return (0, import_node_fs30.writeFileSync)((0, import_node_path30.join)(bundleDir, "tasks.json"), `${JSON.stringify({ tasks }, null, 2)}
`), leftover ? `bundle ${bundle}: its v2 tasks.md was converted to tasks.json (${tasks.length} task(s)) for this v3 walnut, and kept too, because it holds lines that are not tasks` : ((0, import_node_fs30.rmSync)(md), `bundle ${bundle}: its v2 tasks.md was converted to tasks.json (${tasks.length} task(s)) for this v3 walnut`);
}
var import_node_fs30, import_node_path30, TASK_LINE, init_tasks = __esm({
  "scripts/lib/receive/tasks.ts"() {
    "use strict";
    import_node_fs30 = __toESM(require_node_fs(), 1), import_node_path30 = __toESM(require_node_path(), 1), TASK_LINE = /^- \[([ ~x])\]\s+(.+?)(?:\s+@(\S+))?\s*$/;
  }
});

// scripts/lib/receive/snapshot.ts
function captureSink(view) {
  return {
    async writeFile(path, _mode, _mtime, body) {
      let hash = (0, import_node_crypto19.createHash)("sha256"), keep = SHOWN.get(path), chunks = [], size = 0;
      for await (let c of body)
        hash.update(c), keep && size < SHOW_LIMIT && chunks.push(c), size += c.length;
      if (keep) {
        let buf = Buffer.concat(chunks).subarray(0, SHOW_LIMIT);
        view[keep] = { text: buf.toString("utf8"), truncated: size > SHOW_LIMIT };
      }
      return { sha256: hash.digest("hex"), size };
    },
    async mkdir() {
    }
  };
}
async function readSnapshot(pkg, opts) {
  let view = { key_md: null, insights_md: null, files: [] }, read = await readPackage(pkg, captureSink(view), opts);
  return view.files = read.manifest.files.map((f2) => f2.path), { read, view };
}
var import_node_crypto19, SHOWN, SHOW_LIMIT, init_snapshot = __esm({
  "scripts/lib/receive/snapshot.ts"() {
    "use strict";
    import_node_crypto19 = __toESM(require_node_crypto(), 1);
    init_read_package();
    SHOWN = /* @__PURE__ */ new Map([
      ["_kernel/key.md", "key_md"],
      ["_core/key.md", "key_md"],
      ["_kernel/insights.md", "insights_md"],
      ["_core/insights.md", "insights_md"]
    ]), SHOW_LIMIT = 256 * 1024;
  }
});

// scripts/lib/receive/v1.ts
function frontmatterObject(lines) {
  try {
    let v2 = (0, import_yaml2.parse)(lines.join(`
`));
    return v2 == null ? {} : typeof v2 == "object" && !Array.isArray(v2) ? v2 : void 0;
  } catch {
    return;
  }
}
function convertCapsule(dir) {
  let name = (0, import_node_path31.basename)(dir), manifestPath = (0, import_node_path31.join)(dir, BUNDLE_MANIFEST), companionPath = (0, import_node_path31.join)(dir, COMPANION), minimal = () => `${(0, import_yaml2.stringify)({ name, description: "", status: "active", tags: [], sources: [], decisions: [] })}`;
  if (!(0, import_node_fs31.existsSync)(companionPath))
    return (0, import_node_fs31.existsSync)(manifestPath) || (0, import_node_fs31.writeFileSync)(manifestPath, minimal(), { flag: "wx" }), { capsule: name, note: "no companion.md; a minimal context.manifest.yaml was written" };
  let text = (0, import_node_fs31.readFileSync)(companionPath, "utf8"), fm = splitFrontmatter(text), doc = fm ? frontmatterObject(fm.lines) : {};
  if (doc === void 0)
    return (0, import_node_fs31.existsSync)(manifestPath) || (0, import_node_fs31.writeFileSync)(manifestPath, minimal(), { flag: "wx" }), { capsule: name, note: "companion.md frontmatter is not readable YAML; it was kept as is" };
  if (!(0, import_node_fs31.existsSync)(manifestPath)) {
    let { active_sessions: _sessions, type, name: n, description, goal, status, tags, sources, decisions, ...rest } = doc, out = {
      name: typeof n == "string" && n !== "" ? n : name,
      description: description ?? goal ?? "",
      status: status ?? "active",
      tags: tags ?? [],
      ...goal !== void 0 && description !== void 0 ? { goal } : {},
      ...type !== void 0 && type !== "capsule" ? { type } : {},
      ...rest,
      sources: sources ?? [],
      decisions: decisions ?? []
    };
    (0, import_node_fs31.writeFileSync)(manifestPath, (0, import_yaml2.stringify)(out), { flag: "wx" });
  }
  let body = (fm ? fm.body : text).trim(), readme = (0, import_node_path31.join)(dir, "README.md");
  return body !== "" && (0, import_node_fs31.existsSync)(readme) ? { capsule: name, note: "README.md already exists; companion.md was kept beside it" } : (body !== "" && (0, import_node_fs31.writeFileSync)(readme, `${body}
`, { flag: "wx" }), (0, import_node_fs31.unlinkSync)(companionPath), { capsule: name, note: body !== "" ? "companion.md became context.manifest.yaml and README.md" : "companion.md became context.manifest.yaml" });
}
var import_node_fs31, import_node_path31, import_yaml2, COMPANION, init_v1 = __esm({
  "scripts/lib/receive/v1.ts"() {
    "use strict";
    import_node_fs31 = __toESM(require_node_fs(), 1), import_node_path31 = __toESM(require_node_path(), 1), import_yaml2 = __toESM(require_dist(), 1);
    init_layout();
    init_frontmatter();
    COMPANION = "companion.md";
  }
});

// scripts/lib/receive/stage.ts
function moveUnit(pkgDir, u2, dst) {
  (0, import_node_fs32.mkdirSync)((0, import_node_path32.dirname)(dst), { recursive: !0 });
  let src = (0, import_node_path32.join)(pkgDir, u2.from);
  (0, import_node_fs32.existsSync)(src) ? (0, import_node_fs32.renameSync)(src, dst) : (0, import_node_fs32.mkdirSync)(dst, { recursive: !0 });
}
function prepareStaged(staging, plan) {
  let pkgDir = (0, import_node_path32.join)(staging, PKG_DIR);
  for (let r of plan.removals) (0, import_node_fs32.rmSync)((0, import_node_path32.join)(pkgDir, r), { recursive: !0, force: !0 });
  plan.held.length && (0, import_node_fs32.mkdirSync)((0, import_node_path32.join)(staging, HELD_DIR));
  for (let h of plan.held) (0, import_node_fs32.renameSync)((0, import_node_path32.join)(pkgDir, h.path), (0, import_node_path32.join)(staging, HELD_DIR, h.keptAs));
  return plan.capsules.filter((c) => (0, import_node_fs32.existsSync)((0, import_node_path32.join)(pkgDir, c))).map((c) => convertCapsule((0, import_node_path32.join)(pkgDir, c)));
}
function shapeNewWalnut(staging, plan, layout, log, now) {
  let pkgDir = (0, import_node_path32.join)(staging, PKG_DIR), walnut = (0, import_node_path32.join)(staging, OUT_DIR, "walnut");
  (0, import_node_fs32.mkdirSync)((0, import_node_path32.join)(walnut, "_kernel"), { recursive: !0 });
  for (let u2 of plan.units) moveUnit(pkgDir, u2, (0, import_node_path32.join)(walnut, u2.to));
  layout === "v2" && (0, import_node_fs32.mkdirSync)((0, import_node_path32.join)(walnut, "_kernel", "_generated"), { recursive: !0 });
  let logPath = (0, import_node_path32.join)(walnut, "_kernel", "log.md"), prior = (0, import_node_fs32.existsSync)(logPath) ? (0, import_node_fs32.readFileSync)(logPath, "utf8") : void 0;
  return (0, import_node_fs32.writeFileSync)(logPath, prependLogEntry(prior, log.entry, log.meta)), regenerateNow(walnut, layout, now), `${OUT_DIR}/walnut`;
}
function shapeBundles(staging, plan) {
  let pkgDir = (0, import_node_path32.join)(staging, PKG_DIR), out = /* @__PURE__ */ new Map();
  for (let u2 of plan.units) {
    if (u2.kind !== "bundle") continue;
    let rel = `${OUT_DIR}/bundles/${u2.as}`;
    moveUnit(pkgDir, u2, (0, import_node_path32.join)(staging, rel)), out.set(u2, rel);
  }
  return out;
}
function moveAcross(src, dst) {
  (0, import_node_fs32.mkdirSync)((0, import_node_path32.dirname)(dst), { recursive: !0 });
  try {
    (0, import_node_fs32.renameSync)(src, dst);
  } catch (err) {
    if (errnoCode(err) !== "EXDEV") throw err;
    (0, import_node_fs32.cpSync)(src, dst, { recursive: !0, errorOnExist: !0, force: !1, preserveTimestamps: !0 }), (0, import_node_fs32.rmSync)(src, { recursive: !0, force: !0 });
  }
}
var import_node_fs32, import_node_path32, PKG_DIR, OUT_DIR, HELD_DIR, HELD_INDEX, init_stage = __esm({
  "scripts/lib/receive/stage.ts"() {
    "use strict";
    import_node_fs32 = __toESM(require_node_fs(), 1);
    init_errors();
    import_node_path32 = __toESM(require_node_path(), 1);
    init_log();
    init_now();
    init_v1();
    PKG_DIR = "pkg", OUT_DIR = "out", HELD_DIR = "held", HELD_INDEX = "held-back.json";
  }
});

// lazy-builtin:node:module
var require_node_module = __commonJS({
  "lazy-builtin:node:module"(exports, module) {
    module.exports = __require("node:module");
  }
});

// scripts/lib/fs/node-fs.ts
var import_node_module, fs2, init_node_fs = __esm({
  "scripts/lib/fs/node-fs.ts"() {
    "use strict";
    import_node_module = __toESM(require_node_module(), 1), fs2 = typeof process.getBuiltinModule == "function" ? process.getBuiltinModule("node:fs") : (0, import_node_module.createRequire)(import.meta.url)("node:fs");
  }
});

// scripts/lib/world/root.ts
function isDir2(path) {
  try {
    return fs2.statSync(path, { throwIfNoEntry: !1 })?.isDirectory() === !0;
  } catch {
    return !1;
  }
}
function isWorldRoot(dir, env = process.env) {
  if (isDir2((0, import_node_path33.join)(dir, "01_Archive")) && isDir2((0, import_node_path33.join)(dir, "02_Life"))) return !0;
  let marker = (0, import_node_path33.join)(dir, ".alive");
  return marker !== (0, import_node_path33.resolve)(aliveHome(env)) && isDir2(marker);
}
function findWorldRoot(start, env = process.env) {
  let dir = (0, import_node_path33.resolve)(start);
  for (; ; ) {
    if (isWorldRoot(dir, env)) return dir;
    let parent = (0, import_node_path33.dirname)(dir);
    if (parent === dir) break;
    dir = parent;
  }
  let fromEnv = env.ALIVE_WORLD_ROOT;
  if (fromEnv && isDir2(fromEnv)) return (0, import_node_path33.resolve)(fromEnv);
}
var import_node_path33, init_root = __esm({
  "scripts/lib/world/root.ts"() {
    "use strict";
    init_node_fs();
    import_node_path33 = __toESM(require_node_path(), 1);
    init_home();
  }
});

// scripts/lib/receive/target.ts
function resolveWorld(given, env, cwd = process.cwd()) {
  let dir = given;
  if (dir === void 0 && (dir = findWorldRoot(cwd, env), dir === void 0))
    throw new AliveError(
      `no ALIVE world found: no folder from ${cwd} up holds .alive/ (or both 01_Archive/ and 02_Life/), and ALIVE_WORLD_ROOT is not set; pass --world DIR`,
      { code: "no_world" }
    );
  let real;
  try {
    real = (0, import_node_fs34.realpathSync)((0, import_node_path34.resolve)(dir));
  } catch (err) {
    throw new AliveError(`--world ${dir} does not exist (${errnoCode(err) ?? "error"}); pass the root folder of your ALIVE world`, { code: "no_world" });
  }
  if (!(0, import_node_fs34.statSync)(real).isDirectory() || !isWorldRoot(real, env))
    throw new AliveError(`${dir} is not an ALIVE world (it has no .alive/ folder, nor both 01_Archive/ and 02_Life/); pass the world's root folder`, {
      code: "no_world"
    });
  return real;
}
function worldRel(world, abs) {
  return (0, import_node_path34.relative)(world, abs).split(import_node_path34.sep).join("/");
}
function exists3(p2) {
  try {
    return (0, import_node_fs34.lstatSync)(p2), !0;
  } catch {
    return !1;
  }
}
function resolveInside(world, path, flag) {
  let abs = (0, import_node_path34.isAbsolute)(path) ? path : (0, import_node_path34.join)(world, path), real;
  try {
    real = (0, import_node_fs34.realpathSync)(abs);
  } catch (err) {
    throw new AliveError(`${flag} ${path} does not exist (${errnoCode(err) ?? "error"}); relative paths are taken from the world's root`, {
      code: "no_target"
    });
  }
  if (real !== world && !real.startsWith(world + import_node_path34.sep))
    throw new AliveError(`${flag} ${path} is outside the world ${world}; receive only writes inside the world`, { code: "outside_world" });
  if (worldRel(world, real).split("/").some((s3) => s3.startsWith(".")))
    throw new AliveError(`${flag} ${path} is inside a hidden folder of the world; choose a domain or walnut folder`, { code: "outside_world" });
  if (!(0, import_node_fs34.statSync)(real).isDirectory()) throw new AliveError(`${flag} ${path} is not a folder`, { code: "no_target" });
  return real;
}
function inboxDomain(world) {
  for (let n of INBOX_NAMES) {
    let d = (0, import_node_path34.join)(world, n);
    try {
      if ((0, import_node_fs34.statSync)(d).isDirectory()) return { dir: d, create: !1 };
    } catch {
    }
  }
  let dir = (0, import_node_path34.join)(world, INBOX_NAMES[0]);
  if (exists3(dir))
    throw new AliveError(`${INBOX_NAMES[0]} in the world is not a folder, so a walnut cannot go in it; move it aside, or pass --into DOMAIN. Nothing was written`, {
      code: "no_target"
    });
  return { dir, create: !0 };
}
function strongLayout(walnut) {
  if (exists3((0, import_node_path34.join)(walnut, "bundles")) || exists3((0, import_node_path34.join)(walnut, "_kernel", "_generated"))) return "v2";
  if (exists3((0, import_node_path34.join)(walnut, "_kernel", "now.json")) || listBundles(walnut).some((b2) => b2.layout === "v3")) return "v3";
}
function layoutForNewWalnut(m2, world) {
  let count2 = { v2: 0, v3: 0 };
  for (let domain of safeList(world))
    if (!domain.startsWith("."))
      for (let w2 of safeList((0, import_node_path34.join)(world, domain))) {
        let dir = (0, import_node_path34.join)(world, domain, w2);
        if (w2.startsWith(".") || !isWalnut(dir)) continue;
        let l = strongLayout(dir);
        l && count2[l]++;
      }
  let total = count2.v2 + count2.v3;
  if (count2.v2 !== count2.v3) {
    let layout = count2.v2 > count2.v3 ? "v2" : "v3";
    return { layout, reason: `most walnuts of this world use it (${count2[layout]} of ${total})` };
  }
  let none = total === 0 ? "the world has no walnuts to follow" : `the world has as many v2 as v3 walnuts (${count2.v2} each)`;
  return m2.source_layout === "v2" || m2.source_layout === "v3" ? { layout: m2.source_layout, reason: `${none}, and the package's source_layout says ${m2.source_layout}` } : { layout: "v3", reason: `${none}, and v3 is the current layout` };
}
function safeList(dir) {
  try {
    return (0, import_node_fs34.readdirSync)(dir, { withFileTypes: !0 }).filter((e) => e.isDirectory()).map((e) => e.name).slice(0, 500);
  } catch {
    return [];
  }
}
function resolveTarget(world, m2, args) {
  if (m2.scope === "full") {
    let domain, createDomain = !1;
    if (args.into !== void 0) {
      if (domain = resolveInside(world, args.into, "--into"), isWalnut(domain))
        throw new UsageError(`--into ${args.into} is a walnut; for a full package --into names the domain folder the new walnut goes in (e.g. 04_Ventures)`);
    } else {
      let inbox = inboxDomain(world);
      domain = inbox.dir, createDomain = inbox.create;
    }
    let from = args.as !== void 0 ? "--as" : "source.walnut in the manifest", raw = args.as ?? m2.source.walnut;
    if (raw === void 0 || raw === "")
      throw new AliveError("the package does not name its walnut; pass --as NAME", { code: "unsafe_name" });
    let name = checkWalnutName(raw, from), walnut2 = (0, import_node_path34.join)(domain, name);
    if (exists3(walnut2))
      throw new AliveError(`${worldRel(world, walnut2)} already exists and is never overwritten; pass --as NEWNAME to receive it under another name`, {
        code: "exists"
      });
    let { layout: layout2, reason } = layoutForNewWalnut(m2, world);
    return { scope: "full", walnut: walnut2, name, domain, createDomain, layout: layout2, layoutReason: reason };
  }
  if (args.as !== void 0)
    throw new UsageError("--as names a new walnut and only goes with full packages; bundles that clash land under dated names");
  if (args.into === void 0)
    throw new UsageError(`this is a ${m2.scope} package: pass --into WALNUT_PATH, the walnut that receives its bundles`);
  let walnut = resolveInside(world, args.into, "--into");
  if (!isWalnut(walnut))
    throw new AliveError(`--into ${args.into} is not a walnut (no _kernel/key.md); bundles go into an existing walnut`, { code: "no_target" });
  let layout = walnutLayout(walnut);
  return { scope: "bundle", walnut, name: walnut.slice(walnut.lastIndexOf(import_node_path34.sep) + 1), layout, layoutReason: bundleLayoutReason(walnut, layout) };
}
function bundleLayoutReason(walnut, layout) {
  return layout === "v3" ? "the walnut has neither bundles/ nor _kernel/_generated/, so its bundles sit at its root" : exists3((0, import_node_path34.join)(walnut, "bundles")) ? "the walnut keeps its bundles in bundles/" : "the walnut has _kernel/_generated/ (the v2 kernel)";
}
function bundleNameTaken(target) {
  if (target.scope === "full") return () => !1;
  let base = target.layout === "v2" ? (0, import_node_path34.join)(target.walnut, "bundles") : target.walnut;
  return (name) => exists3((0, import_node_path34.join)(base, name));
}
var import_node_fs34, import_node_path34, INBOX_NAMES, init_target = __esm({
  "scripts/lib/receive/target.ts"() {
    "use strict";
    import_node_fs34 = __toESM(require_node_fs(), 1), import_node_path34 = __toESM(require_node_path(), 1);
    init_errors();
    init_layout();
    init_root();
    init_names2();
    INBOX_NAMES = ["03_Inbox", "03_Inputs"];
  }
});

// scripts/lib/receive/receive.ts
function senderOf(r) {
  let m2 = r.manifest, verifiedSigner = r.signature.present && r.signature.ok ? r.signature.signer ?? null : null;
  return m2.sender ?? m2.relay?.sender ?? verifiedSigner;
}
function signatureOf(r) {
  return { present: r.signature.present, verified: r.signature.present && r.signature.ok, signer: r.signature.signer ?? null };
}
function fromText(r, sender) {
  if (!sender) return "unknown sender";
  let sig = signatureOf(r);
  return sig.verified && sig.signer === sender ? `sender ${logValue(sender)} (verified signature)` : `claimed sender ${logValue(sender)} (not verified)`;
}
function encryptionText(envelope) {
  return envelope.endsWith("passphrase") ? "passphrase" : envelope.endsWith("rsa") ? "RSA (for this user)" : "none";
}
function logEntryFor(ctx, r, target, plan) {
  let m2 = r.manifest, sender = senderOf(r), sig = signatureOf(r), imported = plan.units.filter((u2) => u2.kind === "bundle"), bytes = plan.units.reduce((a, u2) => a + u2.bytes, 0), files = plan.units.reduce((a, u2) => a + u2.files, 0), body = [
    `Received .walnut package ${logValue((0, import_node_path35.basename)(ctx.pkg))} (${m2.scope} scope, format ${logValue(m2.format_version)}).`,
    "",
    `- From: ${fromText(r, sender)}, source walnut ${logValue(m2.source.walnut ?? "unnamed")}`,
    `- Signature: ${sig.present ? `signed by ${logValue(sig.signer ?? "unknown")}, ${sig.verified ? "verified" : "NOT verified (no signer key was checked)"}` : "unsigned"}`,
    `- Encryption: ${encryptionText(r.envelope)}`,
    `- Package sha256: ${ctx.sha256}`,
    target.scope === "full" ? `- Imported: new walnut ${logValue(worldRel(ctx.world, target.walnut))}${imported.length ? ` with bundles ${imported.map((u2) => logValue(u2.as)).join(", ")}` : ""}` : `- Imported bundles: ${imported.map((u2) => u2.as === u2.bundle ? logValue(u2.as) : `${logValue(u2.bundle)} as ${logValue(u2.as)}`).join(", ") || "none"}`,
    ...plan.conflicts.map((c) => `- Conflict: ${logValue(c.existing)} already existed; the incoming bundle is ${logValue(c.imported_as)}`),
    ...plan.held.length ? [`- Held back (agent instruction/configuration files, kept in .alive/held-back/, not in the walnut): ${plan.held.map((h) => logValue(h.path)).join(", ")}`] : [],
    ...plan.agentFilesTaken.length ? [`- Agent instruction/configuration files taken (--allow-agent-files): ${plan.agentFilesTaken.map((h) => logValue(h.path)).join(", ")}`] : [],
    `- Files: ${files} (${formatBytes(bytes)})${plan.skipped.length ? `, ${plan.skipped.length} left out` : ""}`
  ];
  return formatLogEntry(ctx.timestamp, ctx.session, body);
}
function nowContext(r, plan) {
  let sender = senderOf(r), names = plan.units.filter((u2) => u2.kind === "bundle").map((u2) => u2.as);
  return `Received ${r.manifest.scope === "full" ? "this walnut" : `bundle${names.length === 1 ? "" : "s"} ${names.join(", ")}`} as a .walnut package${sender ? ` from ${sender}` : ""}.`.replace(/[\u0000-\u001f\u007f]/g, " ").slice(0, 300);
}
function baseResult(ctx, r) {
  let m2 = r.manifest;
  return {
    ok: !0,
    scope: m2.scope,
    format_version: m2.format_version,
    package_sha256: ctx.sha256,
    source_walnut: m2.source.walnut ?? null,
    sender: senderOf(r),
    files: r.files,
    bytes: r.bytes,
    envelope: r.envelope,
    signature: signatureOf(r),
    notes: []
  };
}
function snapshotResult(ctx, read, view, dryRun) {
  return {
    ...baseResult(ctx, read),
    walnut: null,
    imported: [],
    skipped: [],
    conflicts: [],
    log_entry: null,
    layout: null,
    layout_reason: null,
    held_back: [],
    held_back_dir: null,
    agent_files_taken: [],
    ...dryRun ? { dry_run: !0 } : {},
    notes: ["a snapshot is display-only: nothing was written"],
    snapshot: { ...view, description: read.manifest.description ?? null, created: read.manifest.created }
  };
}
function refuseDuplicate(prior) {
  throw new AliveError(
    `this package (sha256 ${prior.package_sha256.slice(0, 12)}…) was already imported into ${prior.target} on ${prior.received_at}; pass --force to import it again`,
    { code: "duplicate", fields: { package_sha256: prior.package_sha256, imported_into: prior.target, received_at: prior.received_at } }
  );
}
function planFor(ctx, r) {
  let verifiedSigner = r.signature.present && r.signature.ok ? r.signature.signer ?? null : null;
  return verifiedSigner !== null && (ctx.identity = packageIdentity(r.manifest, verifiedSigner)), planOn(ctx, r.manifest, guardedTarget(ctx, r.manifest));
}
function planOn(ctx, m2, target) {
  let plan = planReceive({
    manifest: m2,
    layout: target.layout,
    taken: bundleNameTaken(target),
    date: compactDate(ctx.timestamp),
    allowAgentFiles: ctx.opts.allowAgentFiles === !0
  });
  if (target.scope === "full" && !plan.kernel.includes("key.md")) {
    let where = m2.generation === "v1" ? "_core/key.md" : "_kernel/key.md";
    throw new AliveError(`this full package has no ${where}, so it cannot become a walnut; nothing was written`, { code: "no_key" });
  }
  return { target, plan };
}
function checkDuplicate(ctx, scope, targetRel) {
  if (ctx.opts.force) return;
  let prior = findDuplicate(readLedger(ctx.world), ctx.sha256, scope, targetRel, ctx.identity);
  prior && refuseDuplicate(prior);
}
function guardedTarget(ctx, m2) {
  m2.scope === "full" && checkDuplicate(ctx, "full", "");
  let target = resolveTarget(ctx.world, m2, targetArgs(ctx.opts));
  return target.scope === "bundle" && checkDuplicate(ctx, "bundle", worldRel(ctx.world, target.walnut)), target;
}
function heldItems(ctx, target, list) {
  return list.map((h) => ({
    path: h.path,
    rule: h.rule,
    would_be_at: worldRel(ctx.world, (0, import_node_path35.join)(target.walnut, h.to)),
    ...h.keptAs !== void 0 ? { kept_as: h.keptAs } : {}
  }));
}
function agentNotes(ctx, target, plan, heldDir) {
  let notes = [], names = (l) => `${l.slice(0, 8).map((h) => h.path).join(", ")}${l.length > 8 ? ", …" : ""}`;
  if (plan.held.length) {
    let where = heldDir ?? (0, import_node_path35.join)(ctx.world, ".alive", "held-back", "<receipt>");
    notes.push(
      `held back ${plan.held.length} agent instruction/configuration file(s) (${names(plan.held)}): they would steer an AI agent working in ${worldRel(ctx.world, target.walnut)}. They are kept in ${where}, not in the walnut; read them, and move what you want into place yourself, or receive again with --allow-agent-files --force if you trust the sender`
    );
  }
  return plan.agentFilesTaken.length && notes.push(`took ${plan.agentFilesTaken.length} agent instruction/configuration file(s) into the walnut, as --allow-agent-files asked: ${names(plan.agentFilesTaken)}`), notes;
}
function resultFor(ctx, r, target, plan, entry, notes, heldDir) {
  let imported = target.scope === "full" ? [target.walnut] : plan.units.filter((u2) => u2.kind === "bundle").map((u2) => (0, import_node_path35.join)(target.walnut, u2.to));
  return {
    ...baseResult(ctx, r),
    walnut: target.walnut,
    imported,
    skipped: plan.skipped,
    conflicts: plan.conflicts,
    log_entry: entry,
    layout: target.layout,
    layout_reason: target.layoutReason,
    held_back: heldItems(ctx, target, plan.held),
    held_back_dir: plan.held.length ? heldDir : null,
    agent_files_taken: heldItems(ctx, target, plan.agentFilesTaken),
    notes: [...notes, ...agentNotes(ctx, target, plan, heldDir)]
  };
}
function plannedWrites(ctx, target, plan) {
  let rel = worldRel(ctx.world, target.walnut), state = [".alive", ...plan.held.length ? [HELD_BACK.join("/")] : []];
  return target.scope === "full" ? { mkdirs: target.createDomain ? [worldRel(ctx.world, target.domain)] : [], moves: [rel], files: [], state } : {
    mkdirs: target.layout === "v2" ? [`${rel}/bundles`] : [],
    moves: plan.units.filter((u2) => u2.kind === "bundle").map((u2) => `${rel}/${u2.to}`),
    files: [`${rel}/_kernel/log.md`, worldRel(ctx.world, nowJsonPath(target.walnut, target.layout))],
    state
  };
}
function v2BundlesIntoV3(target, plan) {
  return target.layout === "v3" ? plan.units.filter((u2) => u2.kind === "bundle" && u2.from.startsWith("bundles/")) : [];
}
function tasksDryNotes(m2, target, plan) {
  let listed = new Set(m2.files.map((f2) => f2.path));
  return v2BundlesIntoV3(target, plan).filter((u2) => listed.has(`${u2.from}/tasks.md`)).map(
    (u2) => listed.has(`${u2.from}/tasks.json`) ? `bundle ${u2.as}: its v2 tasks.md would be kept as it is, because the bundle already has a tasks.json` : `bundle ${u2.as}: its v2 tasks.md would be converted to tasks.json for this v3 walnut (and kept too if it holds lines that are not tasks)`
  );
}
function stagingRoot(world) {
  for (let p2 of [(0, import_node_path35.join)(world, ".alive", "receiving"), (0, import_node_path35.join)(world, ".alive")]) if ((0, import_node_fs35.existsSync)(p2)) return p2;
  return world;
}
async function receivePackage(opts) {
  let env = opts.env ?? process.env, world = resolveWorld(opts.world, env, opts.cwd ?? process.cwd()), pkg = (0, import_node_path35.resolve)(opts.packagePath), packageBytes;
  try {
    let st2 = (0, import_node_fs35.statSync)(pkg);
    if (!st2.isFile()) throw new AliveError(`${opts.packagePath} is not a file`, { code: "unreadable" });
    packageBytes = st2.size;
  } catch (err) {
    throw err instanceof AliveError ? err : new AliveError(`cannot read ${opts.packagePath} (${errnoCode(err) ?? "error"}); check the path`, { code: "unreadable" });
  }
  let stamp = utcStamp(opts.now), hashing = hashPackageInBackground(pkg);
  hashing.catch(() => {
  });
  let ctx = { opts, env, world, pkg, sha256: "", hashing, packageBytes, timestamp: stamp, session: signingSession(env) }, readOpts = { maxBytes: opts.maxBytes, ...opts.crypto ? { crypto: opts.crypto } : {}, ...opts.onProgress ? { onProgress: opts.onProgress } : {} }, head = await readPackageHeadSafe(pkg);
  if (head?.scope === "snapshot") {
    let { read, view } = await readSnapshot(pkg, readOpts);
    return ctx.sha256 = await ctx.hashing, snapshotResult(ctx, read, view, opts.dryRun === !0);
  }
  if (readLedger(world), opts.dryRun) {
    ctx.sha256 = await ctx.hashing, head && guardedTarget(ctx, head);
    let { read, view } = await readSnapshot(pkg, readOpts);
    if (read.manifest.scope === "snapshot") return snapshotResult(ctx, read, view, !0);
    let { target, plan } = planFor(ctx, read);
    preflight(world, plannedWrites(ctx, target, plan), stagingRoot(world));
    let entry = logEntryFor(ctx, read, target, plan), notes = ["dry run: nothing was written", ...tasksDryNotes(read.manifest, target, plan)];
    return { ...resultFor(ctx, read, target, plan, entry, notes, null), dry_run: !0 };
  }
  return receiveForReal(ctx, readOpts, head);
}
function targetArgs(opts) {
  return { ...opts.into !== void 0 ? { into: opts.into } : {}, ...opts.as !== void 0 ? { as: opts.as } : {} };
}
async function receiveForReal(ctx, readOpts, head) {
  let { world } = ctx, aliveDir = (0, import_node_path35.join)(world, ".alive"), receivingDir = (0, import_node_path35.join)(aliveDir, "receiving"), madeAlive = !(0, import_node_fs35.existsSync)(aliveDir);
  (0, import_node_fs35.mkdirSync)(aliveDir, { recursive: !0 });
  let lock;
  try {
    lock = acquireWorldLock((0, import_node_path35.join)(aliveDir, "receive.lock"));
  } catch (err) {
    throw tidy(aliveDir, receivingDir, madeAlive), err;
  }
  try {
    let notes = [], recovery = recoverLeftovers(world, receivingDir);
    for (let f2 of recovery.finished) notes.push(`finished an interrupted receive of ${f2.journal.target} (${f2.id})`);
    recovery.discarded.length && notes.push(`cleaned up ${recovery.discarded.length} interrupted receive(s) that had not changed the world`);
    for (let s3 of recovery.stuck) notes.push(s3.message);
    if (recovery.finished.length > 0) {
      let sha = await ctx.hashing, resumed = recovery.finished.find((f2) => f2.journal.package_sha256 === sha);
      if (resumed && !ctx.opts.force) return { ...resumed.journal.result, notes, resumed: !0 };
    }
    let ledger = readLedger(world);
    if (head) {
      let claimed = head.signature?.signer, identity = claimed ? packageIdentity(head, claimed) : void 0, sameContent = identity !== void 0 && ledger.imports.some((e) => e.identity === identity);
      sameContent && (ctx.identity = identity);
      let target;
      !ctx.opts.force && (sameContent || mayBeRecorded(ledger, ctx.packageBytes)) ? (ctx.sha256 = await ctx.hashing, target = guardedTarget(ctx, head)) : target = resolveTarget(world, head, targetArgs(ctx.opts));
      let { plan } = planOn(ctx, head, target);
      preflight(world, plannedWrites(ctx, target, plan), aliveDir);
    }
    (0, import_node_fs35.mkdirSync)(receivingDir, { recursive: !0 });
    let id = `${ctx.timestamp.replace(/[-:]/g, "")}-${process.pid}-${(0, import_node_crypto20.randomBytes)(3).toString("hex")}`, staging = (0, import_node_path35.join)(receivingDir, id);
    (0, import_node_fs35.mkdirSync)(staging, { mode: 448 }), (0, import_node_fs35.mkdirSync)((0, import_node_path35.join)(staging, PKG_DIR));
    let journal;
    try {
      let read = await readPackage(ctx.pkg, folderSink((0, import_node_path35.join)(staging, PKG_DIR)), readOpts);
      if (ctx.sha256 = await ctx.hashing, read.manifest.scope === "snapshot") {
        discardStaging(world, staging);
        let { read: again, view } = await readSnapshot(ctx.pkg, readOpts);
        return snapshotResult(ctx, again, view, !1);
      }
      let { target, plan } = planFor(ctx, read), checked = preflight(world, plannedWrites(ctx, target, plan), receivingDir), conversions = prepareStaged(staging, plan);
      for (let c of conversions) notes.push(`v1 capsule ${c.capsule}: ${c.note}`);
      for (let u2 of v2BundlesIntoV3(target, plan)) {
        let note = convertTasksMd((0, import_node_path35.join)(staging, PKG_DIR, u2.from), u2.as, ctx.timestamp, ctx.session);
        note && notes.push(note);
      }
      let entry = logEntryFor(ctx, read, target, plan), now = { timestamp: ctx.timestamp, session: ctx.session, context: nowContext(read, plan) }, heldRel = `${HELD_BACK.join("/")}/${id}`, result2 = resultFor(ctx, read, target, plan, entry, notes, (0, import_node_path35.join)(world, ...HELD_BACK, id)), targetRel = worldRel(world, target.walnut), base = {
        version: 1,
        id,
        package_sha256: ctx.sha256,
        target: targetRel,
        ledger: {
          package_sha256: ctx.sha256,
          package_bytes: ctx.packageBytes,
          format_version: read.manifest.format_version,
          walnut: read.manifest.source.walnut ?? null,
          scope: read.manifest.scope,
          created: read.manifest.created,
          ...ctx.identity ? { identity: ctx.identity } : {},
          sender: senderOf(read),
          signer: read.signature.signer ?? null,
          signature_verified: read.signature.present && read.signature.ok,
          received_at: ctx.timestamp,
          source: ctx.pkg,
          target: targetRel,
          imported: result2.imported.map((p2) => worldRel(world, p2)),
          conflicts: plan.conflicts.map((c) => ({ bundle: c.bundle, imported_as: c.imported_as })),
          ...plan.held.length ? { held_back: plan.held.map((h) => h.path) } : {},
          receipt: id
        },
        result: result2
      }, moves, extra;
      if (target.scope === "full") {
        let meta2 = { walnut: target.name, timestamp: ctx.timestamp, summary: "received as a .walnut package" };
        moves = [{ from: shapeNewWalnut(staging, plan, target.layout, { entry, meta: meta2 }, now), to: targetRel }], extra = { mkdirs: target.createDomain ? [worldRel(world, target.domain)] : [], log: null, now: null };
      } else
        moves = [...shapeBundles(staging, plan)].map(([u2, from]) => ({ from, to: `${targetRel}/${u2.to}` })), extra = {
          mkdirs: target.layout === "v2" ? [`${targetRel}/bundles`] : [],
          log: { path: `${targetRel}/_kernel/log.md`, entry, walnut: target.name, timestamp: ctx.timestamp, summary: "received as a .walnut package" },
          now: { walnut: targetRel, layout: target.layout, ...now }
        };
      let beside = stageBeside(world, staging, id, checked, moves);
      plan.held.length && (writeJsonAtomic((0, import_node_path35.join)(staging, HELD_DIR, HELD_INDEX), {
        receipt: id,
        package: ctx.pkg,
        package_sha256: ctx.sha256,
        received_at: ctx.timestamp,
        target: targetRel,
        note: "agent instruction/configuration files from a received package, kept out of the world; see docs/receive.md",
        files: result2.held_back
      }), moves.push({ from: HELD_DIR, to: heldRel })), journal = { ...base, ...extra, moves, ...beside ? { beside } : {} }, writeJournal(staging, journal);
    } catch (err) {
      throw discardStaging(world, staging), err;
    }
    try {
      applyJournal(world, staging, journal);
    } catch (err) {
      throw new AliveError(
        `the import stopped while moving into place (${messageOf(err)}); run any receive in this world again to finish it, or see ${staging}`,
        { code: "interrupted", cause: err, fields: { staging } }
      );
    }
    return journal.result;
  } finally {
    lock.release(), tidy(aliveDir, receivingDir, madeAlive);
  }
}
function stageBeside(world, staging, id, checked, moves) {
  if (checked.stageIn === void 0) return;
  let rel = `${checked.stageIn === "." ? "" : `${checked.stageIn}/`}${BESIDE_PREFIX}${id}`;
  writeBesideMarker(staging, rel);
  let dir = (0, import_node_path35.join)(world, ...rel.split("/"));
  (0, import_node_fs35.mkdirSync)(dir, { mode: 448 });
  for (let m2 of moves)
    moveAcross((0, import_node_path35.join)(staging, m2.from), (0, import_node_path35.join)(dir, m2.from)), m2.base = "beside";
  return rel;
}
function tidy(aliveDir, receivingDir, madeAlive) {
  let rmEmpty = (d) => {
    try {
      (0, import_node_fs35.rmdirSync)(d);
    } catch {
    }
  };
  rmEmpty(receivingDir), madeAlive && rmEmpty(aliveDir);
}
var import_node_fs35, import_node_crypto20, import_node_path35, HELD_BACK, init_receive = __esm({
  "scripts/lib/receive/receive.ts"() {
    "use strict";
    import_node_fs35 = __toESM(require_node_fs(), 1), import_node_crypto20 = __toESM(require_node_crypto(), 1), import_node_path35 = __toESM(require_node_path(), 1);
    init_errors();
    init_progress();
    init_manifest();
    init_package_io();
    init_package_hash();
    init_sinks();
    init_log();
    init_lock();
    init_identity();
    init_ledger();
    init_journal();
    init_plan();
    init_preflight();
    init_tasks();
    init_now();
    init_atomic();
    init_names2();
    init_snapshot();
    init_stage();
    init_target();
    init_untrusted();
    HELD_BACK = [".alive", "held-back"];
  }
});

// scripts/lib/receive/commands/receive.ts
var receive_exports = {};
__export(receive_exports, {
  RECEIVE_USAGE: () => RECEIVE_USAGE,
  receiveCommand: () => receiveCommand
});
function positiveInt(ctx, value, flag) {
  if (value !== void 0)
    return (!/^\d+$/.test(value) || Number(value) <= 0 || !Number.isSafeInteger(Number(value))) && ctx.usageError(`${flag} takes a positive whole number, got '${terminalText(value)}'`), Number(value);
}
function printHuman(ctx, r) {
  let sig = r.signature.present ? `signed by ${r.signature.signer ?? "unknown"}${r.signature.verified ? " (verified)" : " (not verified)"}` : "unsigned", from = `${r.sender ? `from ${r.sender}, ` : ""}walnut ${r.source_walnut ?? "unnamed"}`;
  if (r.snapshot) {
    ctx.print(`Snapshot package (display-only; nothing was written): ${terminalText(from)}`), ctx.print(`Format ${r.format_version}, created ${terminalText(r.snapshot.created)}, ${r.files} files (${formatBytes(r.bytes)}), ${terminalText(sig)}`), r.snapshot.description && ctx.print(`Description: ${terminalText(r.snapshot.description)}`);
    for (let [label, shown] of [["key.md", r.snapshot.key_md], ["insights.md", r.snapshot.insights_md]])
      if (shown) {
        ctx.print(""), ctx.print(`── ${label} (package content, shown as data) ──`);
        for (let line of terminalText(shown.text).split(`
`)) ctx.print(`  │ ${line}`);
        shown.truncated && ctx.print("  │ … (truncated)");
      }
    return;
  }
  let dry = r.dry_run === !0, head = dry ? "Dry run: nothing was written. Would receive" : "Received";
  ctx.print(`${head} a ${r.scope} package (${terminalText(from)}; ${terminalText(sig)}) into ${terminalText(r.walnut ?? "")}`), r.layout && ctx.print(`  layout: ${r.layout} (${terminalText(r.layout_reason ?? "")})`);
  for (let p2 of r.imported) ctx.print(`  ${dry ? "would add" : "added"} ${terminalText(p2)}`);
  for (let h of r.held_back.slice(0, 20)) ctx.print(`  ${dry ? "would hold back" : "held back"} ${terminalText(h.path)} (${h.rule})`);
  r.held_back.length > 20 && ctx.print(`  … and ${r.held_back.length - 20} more held back`);
  for (let c of r.conflicts) ctx.print(`  conflict: ${terminalText(c.existing)} already exists; the incoming bundle ${dry ? "would land" : "landed"} as ${terminalText(c.imported_as)}`);
  r.skipped.length && ctx.print(`  left out ${r.skipped.length} file(s): ${r.skipped.slice(0, 5).map((s3) => `${terminalText(s3.path)} (${s3.reason})`).join(", ")}${r.skipped.length > 5 ? ", …" : ""}`), ctx.print(`  ${r.files} files, ${formatBytes(r.bytes)}; package sha256 ${r.package_sha256}`), r.resumed && ctx.print("  (this finished an import that an interrupted run had started)");
  for (let n of r.notes) n.startsWith("dry run") || ctx.warn(terminalText(n));
}
var RECEIVE_USAGE, receiveCommand, init_receive2 = __esm({
  "scripts/lib/receive/commands/receive.ts"() {
    "use strict";
    init_command();
    init_progress();
    init_limits();
    init_untrusted();
    init_crypto();
    init_receive();
    RECEIVE_USAGE = `usage: alive-p2p receive PACKAGE [--world DIR] [--into WALNUT_PATH] [--as NAME] [--private-key PEM]
                         [--max-size BYTES] [--force] [--dry-run] [--allow-agent-files] [--json]

Verifies a .walnut package and imports it into an ALIVE world:
  full      a new walnut at <domain>/<name>/: --into names the domain folder (default: the
            world's 03_Inbox/ or 03_Inputs/; 03_Inbox/ is created when neither exists), --as
            renames it. An existing walnut is never overwritten.
  bundle    its bundles go into the walnut --into names, in that walnut's layout; a bundle that
            already exists is kept and the incoming one lands as <name>-imported-<YYYYMMDD>.
  snapshot  display-only: prints what the package holds and writes nothing.
The world is --world, else the first folder up from the current one that holds .alive/ (or both
01_Archive/ and 02_Life/), else $ALIVE_WORLD_ROOT. Relative --into paths are taken from the
world's root. The import appears whole or not at all; it is recorded in
<world>/.alive/imports.json, and the same package is refused a second time unless --force.
--dry-run runs every check, prints the plan and writes nothing.
Agent instruction and configuration files (CLAUDE.md, AGENTS.md, .claude/, .mcp.json, ... at any
depth) are held back in <world>/.alive/held-back/<id>/ and listed; --allow-agent-files takes
them into the world (only for a peer you trust).
Encrypted packages: the passphrase comes only from WALNUT_PASSPHRASE; RSA packages open with
--private-key (default: the relay key $ALIVE_HOME/relay/keys/private.pem). A signature is
checked against the signer's pinned key in $ALIVE_HOME/relay/keys/peers/ when there is one; a
bad signature is refused.
Exit 0 done, 1 refused or failed, 2 usage error.`, receiveCommand = defineCommand({
      name: "receive",
      summary: "import a package into a world",
      usage: RECEIVE_USAGE,
      positionals: { min: 1, max: 1 },
      options: {
        world: { type: "string" },
        into: { type: "string" },
        as: { type: "string" },
        "private-key": { type: "string" },
        "max-size": { type: "string" },
        force: { type: "boolean" },
        "dry-run": { type: "boolean" },
        "allow-agent-files": { type: "boolean" }
      },
      async run(ctx) {
        let v2 = ctx.values;
        v2.world === "" && ctx.usageError("--world needs a folder"), v2.as === "" && ctx.usageError("--as needs a name");
        let maxBytes = positiveInt(ctx, v2["max-size"], "--max-size") ?? 4294967296, result2 = await receivePackage({
          packagePath: ctx.positionals[0],
          ...v2.world !== void 0 ? { world: v2.world } : {},
          cwd: process.cwd(),
          maxBytes,
          onProgress: ctx.progress,
          force: v2.force === !0,
          dryRun: v2["dry-run"] === !0,
          allowAgentFiles: v2["allow-agent-files"] === !0,
          ...v2.into !== void 0 ? { into: v2.into } : {},
          ...v2.as !== void 0 ? { as: v2.as } : {},
          crypto: receiveCrypto(v2["private-key"], process.env)
        });
        if (ctx.json) return ctx.printJson(result2);
        printHuman(ctx, result2);
      }
    });
  }
});

// scripts/lib/crypto/commands/keygen.ts
var keygen_exports = {};
__export(keygen_exports, {
  keygenCommand: () => keygenCommand
});
var import_node_path36, keygenCommand, init_keygen = __esm({
  "scripts/lib/crypto/commands/keygen.ts"() {
    "use strict";
    import_node_path36 = __toESM(require_node_path(), 1);
    init_command();
    init_keys();
    keygenCommand = defineCommand({
      name: "keygen",
      summary: "make an RSA-4096 key pair",
      usage: `usage: alive-p2p keygen --out DIR [--json]

Makes an RSA-4096 key pair in DIR (created with mode 0700 if missing):
  DIR/private.pem   PKCS#8, mode 0600 — keep it secret, never share it
  DIR/public.pem    SubjectPublicKeyInfo — give this one to peers
An existing key is never replaced.

Options:
  --out DIR   folder for the two files (the relay uses $ALIVE_HOME/relay/keys)
  --json      print {private_key, public_key, fingerprint} as one JSON object
  -h, --help  show this help`,
      options: { out: { type: "string" } },
      async run(ctx) {
        let out = (0, import_node_path36.resolve)(ctx.required(ctx.values.out, "--out"));
        !ctx.json && process.stderr.isTTY && ctx.io.stderr.write(`making an RSA-4096 key pair (a few seconds)...
`);
        let pair = await generateRsaKeyPair(out);
        if (ctx.json) {
          ctx.printJson({ ok: !0, private_key: pair.privateKeyPath, public_key: pair.publicKeyPath, fingerprint: pair.fingerprint });
          return;
        }
        ctx.print(`private key: ${pair.privateKeyPath} (mode 0600; keep it secret)`), ctx.print(`public key:  ${pair.publicKeyPath} (give this one to peers)`), ctx.print(`fingerprint: ${formatFingerprint(pair.fingerprint)}`);
      }
    });
  }
});

// scripts/lib/json/file.ts
function readJsonFile(path, schema, what, repair) {
  let text;
  try {
    text = (0, import_node_fs36.readFileSync)(path, "utf8");
  } catch (err) {
    if (errnoCode(err) === "ENOENT") return;
    throw new AliveError(`cannot read ${what} ${path}: ${messageOf(err)}`, { code: "unreadable" });
  }
  let raw;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new AliveError(`${what} ${path} is not valid JSON (${messageOf(err)}); ${repair}`, { code: "invalid_json" });
  }
  let parsed = schema.safeParse(raw);
  if (!parsed.success) {
    let issue2 = parsed.error.issues[0], field = issue2 && issue2.path.length > 0 ? formatPath(issue2.path) : "(top level)";
    throw new AliveError(`${what} ${path}: field '${field}' ${issue2?.message ?? "is invalid"}; ${repair}`, {
      code: "invalid_field"
    });
  }
  return parsed.data;
}
function formatPath(path) {
  let out = "";
  for (let p2 of path) out += typeof p2 == "number" ? `[${p2}]` : out === "" ? String(p2) : `.${String(p2)}`;
  return out;
}
var import_node_fs36, init_file = __esm({
  "scripts/lib/json/file.ts"() {
    "use strict";
    import_node_fs36 = __toESM(require_node_fs(), 1);
    init_errors();
  }
});

// scripts/lib/relay/config.ts
function readRelayConfig(path) {
  return readJsonFile(path, relayConfigSchema, "relay config", REPAIR);
}
function requireRelayConfig(path) {
  let cfg = readRelayConfig(path);
  if (!cfg)
    throw new AliveError(`no relay is set up (${path} does not exist); run \`alive-p2p relay setup\` first`, {
      code: "not_set_up"
    });
  return cfg;
}
function writeRelayConfig(path, cfg) {
  writeJsonAtomic(path, cfg, { mode: 384 });
}
function findPeer(cfg, peerLogin) {
  let key = peerLogin.toLowerCase();
  return cfg.peers.find((p2) => p2.github.toLowerCase() === key);
}
function upsertPeer(cfg, peer) {
  let key = peer.github.toLowerCase(), idx = cfg.peers.findIndex((p2) => p2.github.toLowerCase() === key), peers = [...cfg.peers];
  return idx === -1 ? peers.push(peer) : peers[idx] = peer, { ...cfg, peers };
}
function today(now = /* @__PURE__ */ new Date()) {
  return now.toISOString().slice(0, 10);
}
var login, fingerprintHex, optionalText, peerStatuses, peerSchema, relayConfigSchema, REPAIR, init_config = __esm({
  "scripts/lib/relay/config.ts"() {
    "use strict";
    init_zod();
    init_errors();
    init_atomic();
    init_file();
    init_names();
    login = string2().check(refine(isValidLogin, { message: "is not a valid login" })), fingerprintHex = string2().check(_regex(/^[0-9a-f]{64}$/, "must be 64 lowercase hex characters (SHA-256)")), optionalText = pipe(
      optional(nullable(string2())),
      transform((v2) => v2 === void 0 || v2 === "" ? null : v2)
    ), peerStatuses = ["pending", "accepted", "removed"], peerSchema = looseObject({
      github: login,
      name: optionalText,
      relay: optionalText,
      person_walnut: optionalText,
      added: pipe(
        optional(nullable(string2())),
        transform((v2) => v2 ?? null)
      ),
      status: _enum(peerStatuses),
      fingerprint: pipe(
        optional(nullable(fingerprintHex)),
        transform((v2) => v2 ?? null)
      )
    }), relayConfigSchema = looseObject({
      repo: string2().check(_minLength(1, "must not be empty")),
      github_username: login,
      transport: pipe(
        optional(_enum(["github", "git"])),
        transform((v2) => v2 ?? "github")
      ),
      url: optionalText,
      api_url: optionalText,
      branch: pipe(
        optional(string2().check(_regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,99}$/, "is not a valid branch name"))),
        transform((v2) => v2 ?? "main")
      ),
      peers: array(peerSchema)
    }).check(
      superRefine((cfg, ctx) => {
        cfg.transport === "git" && !cfg.url && ctx.addIssue({ code: "custom", path: ["url"], message: "is required with the git transport" });
        let seen = /* @__PURE__ */ new Set();
        cfg.peers.forEach((p2, i) => {
          let key = p2.github.toLowerCase();
          seen.has(key) && ctx.addIssue({ code: "custom", path: ["peers", i, "github"], message: `repeats peer '${p2.github}'` }), seen.add(key);
        });
      })
    ), REPAIR = "fix it by hand or run `alive-p2p relay setup` again";
  }
});

// scripts/lib/relay/paths.ts
function relayPaths(dir) {
  let keysDir = (0, import_node_path37.join)(dir, "keys");
  return {
    dir,
    config: (0, import_node_path37.join)(dir, "relay.json"),
    state: (0, import_node_path37.join)(dir, "state.json"),
    keysDir,
    privateKey: (0, import_node_path37.join)(keysDir, "private.pem"),
    publicKey: (0, import_node_path37.join)(keysDir, "public.pem"),
    peersKeyDir: (0, import_node_path37.join)(keysDir, "peers"),
    clone: (0, import_node_path37.join)(dir, "clone"),
    inbox: (0, import_node_path37.join)(dir, "inbox"),
    work: (0, import_node_path37.join)(dir, "work"),
    migrationMeta: (0, import_node_path37.join)(dir, ".migration-meta.json")
  };
}
function defaultRelayPaths(env = process.env) {
  return relayPaths(relayDir(env));
}
function peerKeyPath(paths, login2) {
  return (0, import_node_path37.join)(paths.peersKeyDir, `${login2}.pem`);
}
var import_node_path37, init_paths = __esm({
  "scripts/lib/relay/paths.ts"() {
    "use strict";
    import_node_path37 = __toESM(require_node_path(), 1);
    init_home();
  }
});

// scripts/lib/relay/keys.ts
function parsePeerPublicKey(pem, whose) {
  try {
    return publicKeyFromPem(pem, `${inlineText(whose)}'s relay key`);
  } catch (err) {
    throw new AliveError(`${messageOf(err)}; ask ${inlineText(whose)} to run \`alive-p2p relay setup\` again`, { code: "bad_key" });
  }
}
async function ensureOwnKeyPair(paths) {
  if ((0, import_node_fs37.mkdirSync)(paths.keysDir, { recursive: !0, mode: 448 }), (0, import_node_fs37.existsSync)(paths.privateKey)) {
    let priv = loadOwnPrivateKey(paths), pem = (0, import_node_crypto21.createPublicKey)(priv).export({ type: "spki", format: "pem" }).toString();
    return (!(0, import_node_fs37.existsSync)(paths.publicKey) || (0, import_node_fs37.readFileSync)(paths.publicKey, "utf8") !== pem) && writeFileAtomic(paths.publicKey, pem), { publicKeyPem: pem, fingerprint: fingerprint(priv), generated: !1 };
  }
  let made = await generateRsaKeyPair(paths.keysDir);
  return { publicKeyPem: (0, import_node_fs37.readFileSync)(made.publicKeyPath, "utf8"), fingerprint: made.fingerprint, generated: !0 };
}
function loadOwnPrivateKey(paths) {
  if (!(0, import_node_fs37.existsSync)(paths.privateKey))
    throw new AliveError(`your relay key ${paths.privateKey} is missing; run \`alive-p2p relay setup\``, { code: "no_key" });
  return loadPrivateKey(paths.privateKey);
}
function keyChangedError(peerLogin, pinned, seen) {
  return new AliveError(
    `${inlineText(peerLogin)}'s key changed: the relay now has ${formatFingerprint(seen)} but you pinned ${formatFingerprint(pinned)}. Check the new fingerprint with ${inlineText(peerLogin)} by another channel (phone, in person), then run \`alive-p2p relay accept ${inlineText(peerLogin)}\` to trust it`,
    { code: "key_changed" }
  );
}
function loadPinnedPeerKey(paths, peer) {
  if (!peer.fingerprint)
    throw new AliveError(
      `no key is pinned for ${peer.github}; run \`alive-p2p relay accept ${peer.github}\` once ${peer.github} has set up a relay and invited you`,
      { code: "not_pinned" }
    );
  let path = peerKeyPath(paths, peer.github), pem;
  try {
    pem = (0, import_node_fs37.readFileSync)(path, "utf8");
  } catch {
    throw new AliveError(`${peer.github}'s pinned key ${path} is missing; run \`alive-p2p relay accept ${peer.github}\``, {
      code: "not_pinned"
    });
  }
  let key = parsePeerPublicKey(pem, peer.github), seen = fingerprint(key);
  if (seen !== peer.fingerprint) throw keyChangedError(peer.github, peer.fingerprint, seen);
  return key;
}
function savePeerKey(paths, peerLogin, pem) {
  (0, import_node_fs37.mkdirSync)(paths.peersKeyDir, { recursive: !0, mode: 448 }), writeFileAtomic(peerKeyPath(paths, peerLogin), pem.endsWith(`
`) ? pem : `${pem}
`);
}
var import_node_crypto21, import_node_fs37, init_keys2 = __esm({
  "scripts/lib/relay/keys.ts"() {
    "use strict";
    import_node_crypto21 = __toESM(require_node_crypto(), 1), import_node_fs37 = __toESM(require_node_fs(), 1);
    init_errors();
    init_atomic();
    init_keys();
    init_paths();
    init_untrusted();
  }
});

// lazy-builtin:node:child_process
var require_node_child_process = __commonJS({
  "lazy-builtin:node:child_process"(exports, module) {
    module.exports = __require("node:child_process");
  }
});

// scripts/lib/relay/git-run.ts
function gitEnv(extra = {}) {
  return {
    ...process.env,
    GIT_TERMINAL_PROMPT: "0",
    GIT_ASKPASS: process.env.GIT_ASKPASS ?? "",
    SSH_ASKPASS: "",
    LC_ALL: "C",
    ...extra
  };
}
function runGit(args, opts = {}) {
  let timeoutMs = Math.max(1, opts.timeoutMs ?? 12e4);
  return new Promise((resolve11, reject) => {
    let child = (0, import_node_child_process.spawn)("git", args, {
      cwd: opts.cwd,
      env: gitEnv(opts.env),
      detached: !0,
      stdio: ["pipe", "pipe", "pipe"]
    });
    trackChild(child.pid);
    let timedOut = !1, kill = () => {
      timedOut = !0;
      try {
        child.pid !== void 0 && process.kill(-child.pid, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    }, timer = setTimeout(kill, timeoutMs), out = [], outBytes = 0, tooLarge = !1, err = [], errBytes = 0, file2 = opts.stdoutFile ? (0, import_node_fs38.createWriteStream)(opts.stdoutFile, { flags: "wx", mode: 384 }) : void 0, fileError;
    file2?.on("error", (e) => {
      fileError = e, kill();
    }), child.stdout.on("data", (chunk) => {
      if (file2) {
        if (outBytes += chunk.length, opts.maxStdoutBytes !== void 0 && outBytes > opts.maxStdoutBytes) {
          tooLarge || kill(), tooLarge = !0;
          return;
        }
        opts.onStdoutChunk?.(chunk), file2.write(chunk) || (child.stdout.pause(), file2.once("drain", () => child.stdout.resume()));
      } else {
        if (outBytes += chunk.length, opts.maxStdoutBytes !== void 0 && outBytes > opts.maxStdoutBytes) {
          tooLarge || kill(), tooLarge = !0;
          return;
        }
        out.push(chunk);
      }
    }), child.stderr.on("data", (chunk) => {
      errBytes < 64 * 1024 && err.push(chunk), errBytes += chunk.length;
    }), child.stdin.on("error", () => {
    }), opts.input !== void 0 ? child.stdin.end(opts.input) : child.stdin.end(), child.on("error", (e) => {
      clearTimeout(timer), errnoCode(e) === "ENOENT" ? reject(new AliveError("git is not installed or not on PATH; install git and try again", { code: "no_git" })) : reject(e);
    }), child.on("close", (code) => {
      clearTimeout(timer), untrackChild(child.pid);
      let finish = () => {
        let stderr = Buffer.concat(err).toString("utf8").trim(), stdout = Buffer.concat(out).toString("utf8"), ok = (opts.okCodes ?? [0]).includes(code ?? -1);
        fileError ? reject(fileError) : tooLarge ? reject(new AliveError(`git ${describe2(args)} printed more than ${opts.maxStdoutBytes} bytes and was stopped`, { code: "git_output_too_large" })) : timedOut ? reject(new GitError(`git ${args[0] ?? ""} took longer than ${Math.round(timeoutMs / 100) / 10} s and was stopped`, stderr, !0)) : ok ? resolve11({ code: code ?? 0, stdout, stderr }) : reject(new GitError(`git ${describe2(args)} failed: ${lastLines(stderr) || `exit ${code}`}`, stderr, !1, stdout.slice(0, 64 * 1024)));
      };
      file2 ? file2.end(finish) : finish();
    });
  });
}
function describe2(args) {
  return args.filter((a) => !a.startsWith("-c") && !a.includes("=")).slice(0, 2).join(" ");
}
function lastLines(text) {
  return redactUrls(inlineText(text.split(`
`).filter(Boolean).slice(-2).join(" / "), 400));
}
function redactUrls(text) {
  return text.replace(/(\/\/)[^/@\s]+@/g, "$1***@");
}
function trackChild(pid) {
  pid !== void 0 && running.add(pid);
}
function untrackChild(pid) {
  pid !== void 0 && running.delete(pid);
}
function killAllGitChildren() {
  for (let pid of running)
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
    }
  running.clear();
}
var import_node_child_process, import_node_fs38, GitError, GIT_IDENTITY, running, init_git_run = __esm({
  "scripts/lib/relay/git-run.ts"() {
    "use strict";
    import_node_child_process = __toESM(require_node_child_process(), 1), import_node_fs38 = __toESM(require_node_fs(), 1);
    init_errors();
    init_untrusted();
    GitError = class extends AliveError {
      stderr;
      stdout;
      timedOut;
      constructor(message, stderr, timedOut, stdout = "") {
        super(message, { code: timedOut ? "git_timeout" : "git_failed" }), this.stderr = stderr, this.stdout = stdout, this.timedOut = timedOut;
      }
    }, GIT_IDENTITY = ["-c", "user.name=alive relay", "-c", "user.email=relay@alive.invalid"];
    running = /* @__PURE__ */ new Set();
  }
});

// scripts/lib/relay/git-transport.ts
function isRace(err) {
  return /\[rejected\]|non-fast-forward|fetch first|behind its remote|stale info|cannot lock ref|unable to update local ref|failed to update ref/i.test(
    `${err.stdout}
${err.stderr}`
  );
}
function jitter(attempt) {
  return new Promise((r) => setTimeout(r, Math.random() * 50 * (attempt + 1)));
}
function relayReadme() {
  return README;
}
function isLocalPath(url) {
  return !(/^[a-z][a-z0-9+.-]*:\/\//i.test(url) || /^[^/]+:/.test(url) && !/^[A-Za-z]:[\\/]/.test(url));
}
function normaliseGitUrl(url) {
  let trimmed = url.trim();
  if (trimmed === "") throw new AliveError("the relay URL is empty", { code: "bad_url" });
  if (hasControlCharacter(trimmed) || trimmed.startsWith("-"))
    throw new AliveError(`'${inlineText(trimmed)}' is not a usable Git URL`, { code: "bad_url" });
  return isLocalPath(trimmed) ? (0, import_node_path38.resolve)(trimmed) : trimmed;
}
function tooLargeError(entry, maxBytes) {
  return new AliveError(
    `${inlineText(entry.path)} is larger than ${maxBytes} bytes (--max-size), so it was not downloaded and stays on the relay; pull with a larger --max-size if you expect a package this big from ${inlineText(entry.sender)}`,
    { code: "too_large" }
  );
}
async function initLocalBareRepo(path) {
  if (!(0, import_node_path38.isAbsolute)(path)) throw new AliveError(`relay path must be absolute: ${path}`, { code: "bad_url" });
  if ((0, import_node_fs39.existsSync)(path)) {
    if (!(0, import_node_fs39.statSync)(path).isDirectory()) throw new AliveError(`${path} exists and is not a folder`, { code: "bad_url" });
    if ((0, import_node_fs39.readdirSync)(path).length > 0) {
      let r = await runGit(["rev-parse", "--is-bare-repository"], { cwd: path, okCodes: [0, 128] });
      if (r.code !== 0 || r.stdout.trim() !== "true")
        throw new AliveError(`${path} is neither empty nor a bare Git repository; give an empty folder or a bare repository`, {
          code: "bad_url"
        });
      return !1;
    }
  }
  return await runGit(["init", "--quiet", "--bare", "--initial-branch=main", path], { timeoutMs: LOCAL_TIMEOUT_MS }), await runGit(["config", "uploadpack.allowFilter", "true"], { cwd: path }), await runGit(["config", "uploadpack.allowAnySHA1InWant", "true"], { cwd: path }), await runGit(["config", "core.compression", "0"], { cwd: path }), await runGit(["config", "pack.window", "0"], { cwd: path }), !0;
}
var import_node_fs39, import_node_path38, NETWORK_TIMEOUT_MS, LOCAL_TIMEOUT_MS, PUSH_ATTEMPTS, MAX_KEY_BYTES, PACKAGE_FRIENDLY, configLocks, README, GitTransport, init_git_transport = __esm({
  "scripts/lib/relay/git-transport.ts"() {
    "use strict";
    import_node_fs39 = __toESM(require_node_fs(), 1), import_node_path38 = __toESM(require_node_path(), 1);
    init_errors();
    init_git_run();
    init_names();
    init_untrusted();
    NETWORK_TIMEOUT_MS = 12e4, LOCAL_TIMEOUT_MS = 6e4, PUSH_ATTEMPTS = 8, MAX_KEY_BYTES = 64 * 1024, PACKAGE_FRIENDLY = ["-c", "core.compression=0", "-c", "pack.window=0"], configLocks = /* @__PURE__ */ new Map();
    README = `# walnut relay

This repository is a mailbox managed by alive (alive-p2p relay). Do not edit it by hand.

- \`keys/<owner>.pem\`: the owner's public key. Peers pin its SHA-256 fingerprint.
- \`inbox/<sender>/<file>.walnut\`: packages that <sender> delivered to the owner, encrypted to
  the owner's key and signed by the sender. The owner pulls them and removes them from here.
`;
    GitTransport = class _GitTransport {
      kind = "git";
      opts;
      constructor(opts) {
        this.opts = { ...opts, url: normaliseGitUrl(opts.url) };
      }
      git(args, opts = {}) {
        return runGit([...PACKAGE_FRIENDLY, ...args], { cwd: this.opts.clonePath, timeoutMs: LOCAL_TIMEOUT_MS, ...opts });
      }
      remoteRef(remote) {
        return `refs/remotes/${remote}/${this.opts.branch}`;
      }
      static peerRemote(login2) {
        if (!isValidLogin(login2)) throw new AliveError(`'${inlineText(login2)}' is not a valid login`, { code: "bad_login" });
        return `peer-${login2}`;
      }
      /** Creates clone/ (bare, no blobs) if needed and points `remote` at `url` (one at a time per clone). */
      ensureRemote(remote, url) {
        let key = this.opts.clonePath, run = (configLocks.get(key) ?? Promise.resolve()).then(() => this.ensureRemoteNow(remote, url));
        return configLocks.set(
          key,
          run.catch(() => {
          })
        ), run;
      }
      async ensureRemoteNow(remote, url) {
        (0, import_node_fs39.existsSync)((0, import_node_path38.join)(this.opts.clonePath, "HEAD")) || ((0, import_node_fs39.mkdirSync)(this.opts.clonePath, { recursive: !0, mode: 448 }), await runGit(["init", "--quiet", "--bare", this.opts.clonePath], { timeoutMs: LOCAL_TIMEOUT_MS })), (await this.git(["config", "--get", `remote.${remote}.url`], { okCodes: [0, 1] })).stdout.trim() !== url && (await this.git(["config", `remote.${remote}.url`, url]), await this.git(["config", `remote.${remote}.fetch`, `+refs/heads/*:refs/remotes/${remote}/*`]), await this.git(["config", `remote.${remote}.promisor`, "true"]), await this.git(["config", `remote.${remote}.partialclonefilter`, "blob:none"]));
      }
      /** Fetches the relay branch's commits and trees (no blobs). Returns the tip, or null if the branch does not exist. */
      async fetch(remote, limits = {}) {
        let timeoutMs = limits.deadline !== void 0 ? limits.deadline - Date.now() : NETWORK_TIMEOUT_MS;
        if (timeoutMs <= 0) throw new GitError("no time left to fetch", "", !0);
        let b2 = this.opts.branch, deadline = Date.now() + timeoutMs;
        try {
          for (let attempt = 0; ; attempt++)
            try {
              await this.git(
                ["fetch", "--quiet", "--no-tags", "--no-write-fetch-head", "--filter=blob:none", remote, `+refs/heads/${b2}:${this.remoteRef(remote)}`],
                { timeoutMs: Math.max(1, deadline - Date.now()) }
              );
              break;
            } catch (err) {
              if (err instanceof GitError && !err.timedOut && isRace(err) && attempt < 5 && Date.now() < deadline) {
                await jitter(attempt);
                continue;
              }
              throw err;
            }
        } catch (err) {
          if (err instanceof GitError && /couldn't find remote ref/i.test(err.stderr))
            return await this.git(["update-ref", "-d", this.remoteRef(remote)], { okCodes: [0, 1] }), null;
          throw new AliveError(`cannot reach the relay ${redactUrls(await this.remoteUrl(remote))}: ${err.message}`, {
            code: err instanceof GitError && err.timedOut ? "timeout" : "network",
            cause: err
          });
        }
        return this.revParse(this.remoteRef(remote));
      }
      async remoteUrl(remote) {
        return (await this.git(["config", "--get", `remote.${remote}.url`], { okCodes: [0, 1] })).stdout.trim() || remote;
      }
      async revParse(ref) {
        let r = await this.git(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], { okCodes: [0, 1] });
        return r.code === 0 ? r.stdout.trim() : null;
      }
      /** `path → blob id` for the files under `prefix` in `ref` (trees only; no blob is fetched). */
      async listTree(ref, prefix) {
        let r = await this.git(["ls-tree", "-r", "-z", "--full-tree", ref, "--", prefix]), out = /* @__PURE__ */ new Map();
        for (let rec of r.stdout.split("\0")) {
          if (!rec) continue;
          let tab = rec.indexOf("	"), [mode, type, oid] = rec.slice(0, tab).split(" ");
          mode && type && oid && out.set(rec.slice(tab + 1), { oid, mode, type });
        }
        return out;
      }
      /** A small text file of a relay (a key), read whole; a larger one is refused unread. */
      async readSmallBlob(oid, what) {
        try {
          return (await this.git(["cat-file", "blob", oid], { timeoutMs: NETWORK_TIMEOUT_MS, maxStdoutBytes: MAX_KEY_BYTES })).stdout;
        } catch (err) {
          throw err instanceof AliveError && err.code === "git_output_too_large" ? new AliveError(`${what} is more than ${MAX_KEY_BYTES / 1024} KiB, too large to be a public key; it was not read`, { code: "bad_key" }) : err;
        }
      }
      async hashText(text) {
        return (await this.git(["hash-object", "-w", "--stdin"], { input: text })).stdout.trim();
      }
      /**
       * Builds a commit on `parent` with the given changes (oid null = delete) and pushes it to
       * `remote`. Returns the new commit, or null if the push lost a race (the caller refetches).
       */
      async commitAndPush(remote, parent, changes, message, limits = {}) {
        let rootTree = parent ? (await this.git(["rev-parse", "--verify", `${parent}^{tree}`])).stdout.trim() : null, tree = await this.buildTree(
          rootTree,
          changes.map((c) => ({ parts: c.path.split("/"), oid: c.oid }))
        ) ?? await this.emptyTree(), commit = (await this.git([...GIT_IDENTITY, "commit-tree", tree, ...parent ? ["-p", parent] : [], "-m", message], {
          env: {
            GIT_AUTHOR_NAME: this.opts.login,
            GIT_AUTHOR_EMAIL: `${this.opts.login}@alive.invalid`,
            GIT_COMMITTER_NAME: this.opts.login,
            GIT_COMMITTER_EMAIL: `${this.opts.login}@alive.invalid`
          }
        })).stdout.trim(), timeoutMs = limits.deadline !== void 0 ? limits.deadline - Date.now() : NETWORK_TIMEOUT_MS;
        try {
          await this.git(["push", "--quiet", "--porcelain", remote, `${commit}:refs/heads/${this.opts.branch}`], { timeoutMs });
        } catch (err) {
          if (err instanceof GitError && !err.timedOut && isRace(err)) return null;
          throw new AliveError(`could not push to the relay ${redactUrls(await this.remoteUrl(remote))}: ${err.message}`, {
            code: "push_failed",
            cause: err
          });
        }
        return await this.git(["update-ref", this.remoteRef(remote), commit]).catch(() => {
        }), commit;
      }
      /**
       * The tree `base` with `changes` applied, built with `git mktree` along the changed paths only:
       * no index, no checkout, and no entry of `base` is read or validated beyond the folders on those
       * paths. Whatever else a peer committed (`..`, `.git`, names git itself refuses to check out) is
       * carried over as it is, so it can never break a delivery or a clean-up. Null for an empty tree.
       */
      async buildTree(base, changes) {
        let entries = /* @__PURE__ */ new Map();
        if (base) {
          let r = await this.git(["ls-tree", "-z", base]);
          for (let rec of r.stdout.split("\0"))
            rec && entries.set(rec.slice(rec.indexOf("	") + 1), rec);
        }
        let below = /* @__PURE__ */ new Map();
        for (let c of changes) {
          let [name, ...rest] = c.parts;
          name && (rest.length === 0 ? c.oid ? entries.set(name, `100644 blob ${c.oid}	${name}`) : entries.delete(name) : below.set(name, [...below.get(name) ?? [], { parts: rest, oid: c.oid }]));
        }
        for (let [name, sub] of below) {
          let existing = entries.get(name), [mode, type, oid] = existing ? existing.slice(0, existing.indexOf("	")).split(" ") : [], subBase = existing && type === "tree" && mode === "040000" ? oid : null, built = await this.buildTree(subBase, sub);
          built ? entries.set(name, `040000 tree ${built}	${name}`) : entries.delete(name);
        }
        if (entries.size === 0) return null;
        let input = `${[...entries.values()].join("\0")}\0`;
        return (await this.git(["mktree", "-z", "--missing"], { input })).stdout.trim();
      }
      async emptyTree() {
        return (await this.git(["mktree", "--missing"], { input: "" })).stdout.trim();
      }
      async setup(publicKeyPem) {
        let { url, login: login2 } = this.opts, created = !1;
        isLocalPath(url) && (created = await initLocalBareRepo(url)), await this.ensureRemote("origin", url);
        let keyPath = `keys/${login2}.pem`;
        for (let attempt = 0; attempt < PUSH_ATTEMPTS; attempt++) {
          let head = await this.fetch("origin"), changes = [], keyOid = await this.hashText(publicKeyPem);
          if (head ? ((await this.listTree(head, "README.md")).has("README.md") || changes.push({ path: "README.md", oid: await this.hashText(README) }), (await this.listTree(head, keyPath)).get(keyPath)?.oid !== keyOid && changes.push({ path: keyPath, oid: keyOid })) : (changes.push({ path: "README.md", oid: await this.hashText(README) }), changes.push({ path: keyPath, oid: keyOid })), changes.length === 0) return { repo: url, url, created, keyPublished: !1, head };
          let commit = await this.commitAndPush("origin", head, changes, head ? `Publish key of ${login2}` : "Initialize walnut relay");
          if (commit) return { repo: url, url, created, keyPublished: changes.some((c) => c.path === keyPath), head: commit };
        }
        throw new AliveError("the relay kept changing while setting it up; run `alive-p2p relay setup` again", { code: "conflict" });
      }
      async fetchPeerKey(peer, limits = {}) {
        let remote = _GitTransport.peerRemote(peer.login);
        await this.ensureRemote(remote, normaliseGitUrl(peer.relay));
        let head = await this.fetch(remote, limits);
        return this.keyAt(peer, head);
      }
      async keyAt(peer, head) {
        let keyPath = `keys/${peer.login}.pem`, entry = head ? (await this.listTree(head, keyPath)).get(keyPath) : void 0;
        if (entry?.type !== "blob")
          throw new AliveError(`${peer.login}'s relay (${redactUrls(peer.relay)}) has no ${keyPath}; ask ${peer.login} to run \`alive-p2p relay setup\``, {
            code: "no_peer_key"
          });
        return this.readSmallBlob(entry.oid, `${keyPath} in ${peer.login}'s relay`);
      }
      async ownKey(limits = {}) {
        await this.ensureRemote("origin", this.opts.url);
        let head = await this.fetch("origin", limits), keyPath = `keys/${this.opts.login}.pem`, entry = head ? (await this.listTree(head, keyPath)).get(keyPath) : void 0;
        return entry?.type !== "blob" ? null : this.readSmallBlob(entry.oid, `${keyPath} in your relay`);
      }
      async deliver(peer, localPath, nextName, checkKey) {
        let remote = _GitTransport.peerRemote(peer.login);
        await this.ensureRemote(remote, normaliseGitUrl(peer.relay));
        let oid = (await this.git(["hash-object", "-w", "--", localPath], { timeoutMs: NETWORK_TIMEOUT_MS })).stdout.trim(), size = (0, import_node_fs39.statSync)(localPath).size, folder2 = `inbox/${this.opts.login}`;
        for (let attempt = 0; attempt < PUSH_ATTEMPTS; attempt++) {
          let head = await this.fetch(remote);
          if (!head)
            throw new AliveError(`${peer.login}'s relay has no '${this.opts.branch}' branch yet; ask ${peer.login} to run \`alive-p2p relay setup\``, {
              code: "peer_not_set_up"
            });
          checkKey(await this.keyAt(peer, head));
          let existing = await this.listTree(head, folder2), name = nextName();
          for (let i = 0; existing.has(`${folder2}/${name}`) && i < 5; i++) name = nextName();
          let path = `${folder2}/${name}`;
          if (existing.has(path)) throw new AliveError("could not find a free name in the peer inbox", { code: "conflict" });
          let commit = await this.commitAndPush(remote, head, [{ path, oid }], `deposit: ${name} from ${this.opts.login} (${size} bytes)`);
          if (commit) return { path, name, commit, via: "git" };
          await jitter(attempt);
        }
        throw new AliveError(`${peer.login}'s relay kept changing while delivering; try again`, { code: "conflict" });
      }
      async listInbox(limits = {}) {
        await this.ensureRemote("origin", this.opts.url);
        let head = await this.fetch("origin", limits);
        return this.listAt(head);
      }
      /** The listing of what was fetched last, without network (the probe's fallback). */
      async listCachedInbox() {
        return (0, import_node_fs39.existsSync)((0, import_node_path38.join)(this.opts.clonePath, "HEAD")) ? this.listAt(await this.revParse(this.remoteRef("origin"))) : { head: null, entries: [], ignored: [] };
      }
      async listAt(head) {
        if (!head) return { head, entries: [], ignored: [] };
        let tree = await this.listTree(head, "inbox"), entries = [], ignored = [];
        for (let [path, { oid, type }] of tree) {
          let parts = path.split("/");
          if (parts.length === 3 && parts[2] === ".gitkeep") continue;
          let [, sender, name] = parts;
          parts.length === 3 && type === "blob" && sender && name && isValidLogin(sender) && isSafeDepositName(name) ? entries.push({ sender, name, path, blobSha: oid }) : ignored.push(inlineText(path));
        }
        return entries.sort((a, b2) => a.path.localeCompare(b2.path)), { head, entries, ignored };
      }
      /**
       * When and (as the sender's deposit commit states it) how big each waiting package is, from the
       * history of commits and trees alone: no package is fetched. The deposit commit is written by the
       * sender, so both are what the sender claims; the download checks the real bytes.
       */
      async depositDetails(head, paths) {
        let out = /* @__PURE__ */ new Map();
        if (!head || paths.size === 0) return out;
        let r = await this.git(["log", "--max-count=2000", "--diff-filter=A", "--name-only", "--no-renames", "--format=@@%ct %s", head, "--", "inbox"], {
          maxStdoutBytes: 16 * 1024 * 1024
        }), time2 = null, size = null;
        for (let line of r.stdout.split(`
`))
          if (line.startsWith("@@")) {
            let m2 = /^@@(\d+) (.*)$/.exec(line);
            time2 = m2 ? new Date(Number(m2[1]) * 1e3).toISOString().replace(/\.\d{3}Z$/, "Z") : null;
            let b2 = m2 ? /\((\d{1,15}) bytes\)\s*$/.exec(m2[2]) : null;
            size = b2 ? Number(b2[1]) : null;
          } else if (line && paths.has(line) && !out.has(line) && (out.set(line, { time: time2, size }), out.size === paths.size))
            break;
        return out;
      }
      async download(entry, dest, maxBytes) {
        try {
          await this.git(["cat-file", "blob", entry.blobSha], {
            stdoutFile: dest,
            timeoutMs: 30 * 6e4,
            ...maxBytes !== void 0 ? { maxStdoutBytes: maxBytes } : {}
          });
        } catch (err) {
          throw err instanceof AliveError && err.code === "git_output_too_large" ? tooLargeError(entry, maxBytes) : err;
        }
      }
      async remove(entries) {
        if (entries.length !== 0) {
          for (let attempt = 0; attempt < PUSH_ATTEMPTS; attempt++) {
            let head = await this.fetch("origin");
            if (!head) return;
            let tree = await this.listTree(head, "inbox"), still = entries.filter((e) => tree.get(e.path)?.oid === e.blobSha);
            if (still.length === 0) return;
            let names = still.map((e) => e.name).join(", ");
            if (await this.commitAndPush(
              "origin",
              head,
              still.map((e) => ({ path: e.path, oid: null })),
              `received: ${names}`.slice(0, 500)
            )) return;
            await jitter(attempt);
          }
          throw new AliveError("your relay kept changing while removing pulled packages; run `alive-p2p relay pull` again (nothing is lost)", {
            code: "conflict"
          });
        }
      }
      async isReachable(peer, limits = {}) {
        let timeoutMs = limits.deadline !== void 0 ? limits.deadline - Date.now() : NETWORK_TIMEOUT_MS;
        if (timeoutMs <= 0) return !1;
        try {
          return await runGit(["ls-remote", "--heads", "--", normaliseGitUrl(peer.relay), this.opts.branch], { timeoutMs }), !0;
        } catch {
          return !1;
        }
      }
    };
  }
});

// node_modules/universal-user-agent/index.js
function getUserAgent() {
  return typeof navigator == "object" && "userAgent" in navigator ? navigator.userAgent : typeof process == "object" && process.version !== void 0 ? `Node.js/${process.version.substr(1)} (${process.platform}; ${process.arch})` : "<environment undetectable>";
}
var init_universal_user_agent = __esm({
  "node_modules/universal-user-agent/index.js"() {
  }
});

// node_modules/before-after-hook/lib/register.js
function register(state, name, method, options) {
  if (typeof method != "function")
    throw new Error("method for before hook must be a function");
  return options || (options = {}), Array.isArray(name) ? name.reverse().reduce((callback, name2) => register.bind(null, state, name2, callback, options), method)() : Promise.resolve().then(() => state.registry[name] ? state.registry[name].reduce((method2, registered) => registered.hook.bind(null, method2, options), method)() : method(options));
}
var init_register = __esm({
  "node_modules/before-after-hook/lib/register.js"() {
  }
});

// node_modules/before-after-hook/lib/add.js
function addHook(state, kind, name, hook2) {
  let orig = hook2;
  state.registry[name] || (state.registry[name] = []), kind === "before" && (hook2 = (method, options) => Promise.resolve().then(orig.bind(null, options)).then(method.bind(null, options))), kind === "after" && (hook2 = (method, options) => {
    let result2;
    return Promise.resolve().then(method.bind(null, options)).then((result_) => (result2 = result_, orig(result2, options))).then(() => result2);
  }), kind === "error" && (hook2 = (method, options) => Promise.resolve().then(method.bind(null, options)).catch((error2) => orig(error2, options))), state.registry[name].push({
    hook: hook2,
    orig
  });
}
var init_add = __esm({
  "node_modules/before-after-hook/lib/add.js"() {
  }
});

// node_modules/before-after-hook/lib/remove.js
function removeHook(state, name, method) {
  if (!state.registry[name])
    return;
  let index = state.registry[name].map((registered) => registered.orig).indexOf(method);
  index !== -1 && state.registry[name].splice(index, 1);
}
var init_remove = __esm({
  "node_modules/before-after-hook/lib/remove.js"() {
  }
});

// node_modules/before-after-hook/index.js
function bindApi(hook2, state, name) {
  let removeHookRef = bindable(removeHook, null).apply(
    null,
    name ? [state, name] : [state]
  );
  hook2.api = { remove: removeHookRef }, hook2.remove = removeHookRef, ["before", "error", "after", "wrap"].forEach((kind) => {
    let args = name ? [state, kind, name] : [state, kind];
    hook2[kind] = hook2.api[kind] = bindable(addHook, null).apply(null, args);
  });
}
function Singular() {
  let singularHookName = /* @__PURE__ */ Symbol("Singular"), singularHookState = {
    registry: {}
  }, singularHook = register.bind(null, singularHookState, singularHookName);
  return bindApi(singularHook, singularHookState, singularHookName), singularHook;
}
function Collection() {
  let state = {
    registry: {}
  }, hook2 = register.bind(null, state);
  return bindApi(hook2, state), hook2;
}
var bind, bindable, before_after_hook_default, init_before_after_hook = __esm({
  "node_modules/before-after-hook/index.js"() {
    init_register();
    init_add();
    init_remove();
    bind = Function.bind, bindable = bind.bind(bind);
    before_after_hook_default = { Singular, Collection };
  }
});

// node_modules/@octokit/endpoint/dist-bundle/index.js
function lowercaseKeys(object2) {
  return object2 ? Object.keys(object2).reduce((newObj, key) => (newObj[key.toLowerCase()] = object2[key], newObj), {}) : {};
}
function isPlainObject2(value) {
  if (typeof value != "object" || value === null || Object.prototype.toString.call(value) !== "[object Object]") return !1;
  let proto = Object.getPrototypeOf(value);
  if (proto === null) return !0;
  let Ctor = Object.prototype.hasOwnProperty.call(proto, "constructor") && proto.constructor;
  return typeof Ctor == "function" && Ctor instanceof Ctor && Function.prototype.call(Ctor) === Function.prototype.call(value);
}
function mergeDeep(defaults, options) {
  let result2 = Object.assign({}, defaults);
  return Object.keys(options).forEach((key) => {
    isPlainObject2(options[key]) ? key in defaults ? result2[key] = mergeDeep(defaults[key], options[key]) : Object.assign(result2, { [key]: options[key] }) : Object.assign(result2, { [key]: options[key] });
  }), result2;
}
function removeUndefinedProperties(obj) {
  for (let key in obj)
    obj[key] === void 0 && delete obj[key];
  return obj;
}
function merge2(defaults, route, options) {
  if (typeof route == "string") {
    let [method, url] = route.split(" ");
    options = Object.assign(url ? { method, url } : { url: method }, options);
  } else
    options = Object.assign({}, route);
  options.headers = lowercaseKeys(options.headers), removeUndefinedProperties(options), removeUndefinedProperties(options.headers);
  let mergedOptions = mergeDeep(defaults || {}, options);
  return options.url === "/graphql" && (defaults && defaults.mediaType.previews?.length && (mergedOptions.mediaType.previews = defaults.mediaType.previews.filter(
    (preview) => !mergedOptions.mediaType.previews.includes(preview)
  ).concat(mergedOptions.mediaType.previews)), mergedOptions.mediaType.previews = (mergedOptions.mediaType.previews || []).map((preview) => preview.replace(/-preview/, ""))), mergedOptions;
}
function addQueryParameters(url, parameters) {
  let separator = /\?/.test(url) ? "&" : "?", names = Object.keys(parameters);
  return names.length === 0 ? url : url + separator + names.map((name) => name === "q" ? "q=" + parameters.q.split("+").map(encodeURIComponent).join("+") : `${name}=${encodeURIComponent(parameters[name])}`).join("&");
}
function removeNonChars(variableName) {
  return variableName.replace(/(?:^\W+)|(?:(?<!\W)\W+$)/g, "").split(/,/);
}
function extractUrlVariableNames(url) {
  let matches = url.match(urlVariableRegex);
  return matches ? matches.map(removeNonChars).reduce((a, b2) => a.concat(b2), []) : [];
}
function omit2(object2, keysToOmit) {
  let result2 = { __proto__: null };
  for (let key of Object.keys(object2))
    keysToOmit.indexOf(key) === -1 && (result2[key] = object2[key]);
  return result2;
}
function encodeReserved(str) {
  return str.split(/(%[0-9A-Fa-f]{2})/g).map(function(part) {
    return /%[0-9A-Fa-f]/.test(part) || (part = encodeURI(part).replace(/%5B/g, "[").replace(/%5D/g, "]")), part;
  }).join("");
}
function encodeUnreserved(str) {
  return encodeURIComponent(str).replace(/[!'()*]/g, function(c) {
    return "%" + c.charCodeAt(0).toString(16).toUpperCase();
  });
}
function encodeValue(operator, value, key) {
  return value = operator === "+" || operator === "#" ? encodeReserved(value) : encodeUnreserved(value), key ? encodeUnreserved(key) + "=" + value : value;
}
function isDefined(value) {
  return value != null;
}
function isKeyOperator(operator) {
  return operator === ";" || operator === "&" || operator === "?";
}
function getValues(context, operator, key, modifier) {
  var value = context[key], result2 = [];
  if (isDefined(value) && value !== "")
    if (typeof value == "string" || typeof value == "number" || typeof value == "bigint" || typeof value == "boolean")
      value = value.toString(), modifier && modifier !== "*" && (value = value.substring(0, parseInt(modifier, 10))), result2.push(
        encodeValue(operator, value, isKeyOperator(operator) ? key : "")
      );
    else if (modifier === "*")
      Array.isArray(value) ? value.filter(isDefined).forEach(function(value2) {
        result2.push(
          encodeValue(operator, value2, isKeyOperator(operator) ? key : "")
        );
      }) : Object.keys(value).forEach(function(k2) {
        isDefined(value[k2]) && result2.push(encodeValue(operator, value[k2], k2));
      });
    else {
      let tmp = [];
      Array.isArray(value) ? value.filter(isDefined).forEach(function(value2) {
        tmp.push(encodeValue(operator, value2));
      }) : Object.keys(value).forEach(function(k2) {
        isDefined(value[k2]) && (tmp.push(encodeUnreserved(k2)), tmp.push(encodeValue(operator, value[k2].toString())));
      }), isKeyOperator(operator) ? result2.push(encodeUnreserved(key) + "=" + tmp.join(",")) : tmp.length !== 0 && result2.push(tmp.join(","));
    }
  else
    operator === ";" ? isDefined(value) && result2.push(encodeUnreserved(key)) : value === "" && (operator === "&" || operator === "?") ? result2.push(encodeUnreserved(key) + "=") : value === "" && result2.push("");
  return result2;
}
function parseUrl(template) {
  return {
    expand: expand.bind(null, template)
  };
}
function expand(template, context) {
  var operators = ["+", "#", ".", "/", ";", "?", "&"];
  return template = template.replace(
    /\{([^\{\}]+)\}|([^\{\}]+)/g,
    function(_2, expression, literal2) {
      if (expression) {
        let operator = "", values = [];
        if (operators.indexOf(expression.charAt(0)) !== -1 && (operator = expression.charAt(0), expression = expression.substr(1)), expression.split(/,/g).forEach(function(variable) {
          var tmp = /([^:\*]*)(?::(\d+)|(\*))?/.exec(variable);
          values.push(getValues(context, operator, tmp[1], tmp[2] || tmp[3]));
        }), operator && operator !== "+") {
          var separator = ",";
          return operator === "?" ? separator = "&" : operator !== "#" && (separator = operator), (values.length !== 0 ? operator : "") + values.join(separator);
        } else
          return values.join(",");
      } else
        return encodeReserved(literal2);
    }
  ), template === "/" ? template : template.replace(/\/$/, "");
}
function parse2(options) {
  let method = options.method.toUpperCase(), url = (options.url || "/").replace(/:([a-z]\w+)/g, "{$1}"), headers = Object.assign({}, options.headers), body, parameters = omit2(options, [
    "method",
    "baseUrl",
    "url",
    "headers",
    "request",
    "mediaType"
  ]), urlVariableNames = extractUrlVariableNames(url);
  url = parseUrl(url).expand(parameters), /^http/.test(url) || (url = options.baseUrl + url);
  let omittedParameters = Object.keys(options).filter((option) => urlVariableNames.includes(option)).concat("baseUrl"), remainingParameters = omit2(parameters, omittedParameters);
  if (!/application\/octet-stream/i.test(headers.accept) && (options.mediaType.format && (headers.accept = headers.accept.split(/,/).map(
    (format) => format.replace(
      /application\/vnd(\.\w+)(\.v3)?(\.\w+)?(\+json)?$/,
      `application/vnd$1$2.${options.mediaType.format}`
    )
  ).join(",")), url.endsWith("/graphql") && options.mediaType.previews?.length)) {
    let previewsFromAcceptHeader = headers.accept.match(/(?<![\w-])[\w-]+(?=-preview)/g) || [];
    headers.accept = previewsFromAcceptHeader.concat(options.mediaType.previews).map((preview) => {
      let format = options.mediaType.format ? `.${options.mediaType.format}` : "+json";
      return `application/vnd.github.${preview}-preview${format}`;
    }).join(",");
  }
  return ["GET", "HEAD"].includes(method) ? url = addQueryParameters(url, remainingParameters) : "data" in remainingParameters ? body = remainingParameters.data : Object.keys(remainingParameters).length && (body = remainingParameters), !headers["content-type"] && typeof body < "u" && (headers["content-type"] = "application/json; charset=utf-8"), ["PATCH", "PUT"].includes(method) && typeof body > "u" && (body = ""), Object.assign(
    { method, url, headers },
    typeof body < "u" ? { body } : null,
    options.request ? { request: options.request } : null
  );
}
function endpointWithDefaults(defaults, route, options) {
  return parse2(merge2(defaults, route, options));
}
function withDefaults(oldDefaults, newDefaults) {
  let DEFAULTS2 = merge2(oldDefaults, newDefaults), endpoint2 = endpointWithDefaults.bind(null, DEFAULTS2);
  return Object.assign(endpoint2, {
    DEFAULTS: DEFAULTS2,
    defaults: withDefaults.bind(null, DEFAULTS2),
    merge: merge2.bind(null, DEFAULTS2),
    parse: parse2
  });
}
var VERSION, userAgent, DEFAULTS, urlVariableRegex, endpoint, init_dist_bundle = __esm({
  "node_modules/@octokit/endpoint/dist-bundle/index.js"() {
    init_universal_user_agent();
    VERSION = "0.0.0-development", userAgent = `octokit-endpoint.js/${VERSION} ${getUserAgent()}`, DEFAULTS = {
      method: "GET",
      baseUrl: "https://api.github.com",
      headers: {
        accept: "application/vnd.github.v3+json",
        "user-agent": userAgent
      },
      mediaType: {
        format: ""
      }
    };
    urlVariableRegex = /\{[^{}}]+\}/g;
    endpoint = withDefaults(null, DEFAULTS);
  }
});

// node_modules/content-type/dist/index.js
function parse3(header, options) {
  let stopFlags = 4 | (options?.comma === !0 ? 8 : 0), len = header.length, valueStart = options?.start ?? 0;
  for (; (CHAR_MAP[header.charCodeAt(valueStart)] & 2) !== 0; )
    valueStart++;
  let index = valueStart, typeFlags = 0, whitespace = -1, stop = options?.parameters === !1 ? 8 : 0;
  for (; index < len; ) {
    let code = header.charCodeAt(index), flags = CHAR_MAP[code];
    if ((flags & stopFlags) !== 0) {
      stop |= flags & 8;
      break;
    }
    (flags & 2) !== 0 ? whitespace === -1 && (whitespace = index) : whitespace = -1, typeFlags |= code & 65280 | flags, index++;
  }
  let valueEnd = whitespace === -1 ? index : whitespace, value = header.slice(valueStart, valueEnd), type = (typeFlags & 65281) === 0 ? value : value.toLowerCase();
  return index === len || stop !== 0 ? { type, index, parameters: new NullObject() } : parseParameters(header, type, index, len, stopFlags);
}
function parseParameters(header, type, index, len, stopFlags) {
  let parameters = new NullObject();
  parameter: for (; index < len; ) {
    for (index++; (CHAR_MAP[header.charCodeAt(index)] & 2) !== 0; )
      index++;
    let keyStart = index, keyFlags = 0, keyWhitespace = -1;
    for (; index < len; ) {
      let code = header.charCodeAt(index), flags = CHAR_MAP[code];
      if ((flags & stopFlags) !== 0) {
        if ((flags & 8) !== 0)
          break parameter;
        continue parameter;
      }
      if (code === 61) {
        let keyEnd = keyWhitespace === -1 ? index : keyWhitespace, value = header.slice(keyStart, keyEnd), key = (keyFlags & 65281) === 0 ? value : value.toLowerCase();
        for (index++; (CHAR_MAP[header.charCodeAt(index)] & 2) !== 0; )
          index++;
        if (index < len && header.charCodeAt(index) === 34) {
          let quotedStart = ++index, escaped = !1;
          for (; index < len; ) {
            let code2 = header.charCodeAt(index);
            if (code2 === 34) {
              parameters[key] === void 0 && (parameters[key] = escaped ? unescapeQuotedPairs(header, quotedStart, index) : header.slice(quotedStart, index)), index++;
              let stop2 = 0;
              for (; index < len; ) {
                let code3 = header.charCodeAt(index), flags2 = CHAR_MAP[code3];
                if ((flags2 & stopFlags) !== 0) {
                  stop2 = flags2 & 8;
                  break;
                }
                index++;
              }
              if (stop2 !== 0)
                break parameter;
              continue parameter;
            }
            if (code2 === 92 && index + 1 < len) {
              escaped = !0, index += 2;
              continue;
            }
            index++;
          }
          continue parameter;
        }
        let valueStart = index, stop = 0, valueWhitespace = -1;
        for (; index < len; ) {
          let code2 = header.charCodeAt(index), flags2 = CHAR_MAP[code2];
          if ((flags2 & stopFlags) !== 0) {
            stop = flags2 & 8;
            break;
          }
          (flags2 & 2) !== 0 ? valueWhitespace === -1 && (valueWhitespace = index) : valueWhitespace = -1, index++;
        }
        if (parameters[key] === void 0) {
          let valueEnd = valueWhitespace === -1 ? index : valueWhitespace;
          parameters[key] = header.slice(valueStart, valueEnd);
        }
        if (stop !== 0)
          break parameter;
        continue parameter;
      }
      (flags & 2) !== 0 ? keyWhitespace === -1 && (keyWhitespace = index) : keyWhitespace = -1, keyFlags |= code & 65280 | flags, index++;
    }
  }
  return { type, index, parameters };
}
function unescapeQuotedPairs(str, start, end) {
  let result2 = "";
  for (let index = start; index < end; index++)
    str.charCodeAt(index) === 92 && (result2 += str.slice(start, index), start = ++index);
  return result2 + str.slice(start, end);
}
var CHAR_MAP, NullObject, init_dist = __esm({
  "node_modules/content-type/dist/index.js"() {
    CHAR_MAP = new Uint8Array(256);
    CHAR_MAP[9] |= 2;
    CHAR_MAP[32] |= 2;
    CHAR_MAP[59] |= 4;
    CHAR_MAP[44] |= 8;
    for (let code = 128; code <= 255; code++)
      CHAR_MAP[code] |= 1;
    for (let char of "!#$%&'*+-.^_`|~")
      CHAR_MAP[char.charCodeAt(0)] |= 16;
    for (let code = 48; code <= 57; code++)
      CHAR_MAP[code] |= 16;
    for (let code = 65; code <= 90; code++)
      CHAR_MAP[code] |= 17;
    for (let code = 97; code <= 122; code++)
      CHAR_MAP[code] |= 16;
    NullObject = /* @__PURE__ */ (() => {
      let C2 = function() {
      };
      return C2.prototype = /* @__PURE__ */ Object.create(null), C2;
    })();
  }
});

// node_modules/json-with-bigint/json-with-bigint.js
var intRegex, noiseValue, originalStringify, originalParse, customFormat, bigIntsStringify, noiseStringify, isUnstringifiable, isRawJSON, stringifyIteratively, JSONStringify, featureCache, isContextSourceSupported, convertMarkedBigIntsReviver, JSONParseV2, MAX_INT, MAX_DIGITS, stringsOrLargeNumbers, noiseValueWithQuotes, applyReviverIteratively, serializeBigInts, JSONParse, init_json_with_bigint = __esm({
  "node_modules/json-with-bigint/json-with-bigint.js"() {
    intRegex = /^-?\d+$/, noiseValue = /^-?\d+n+$/, originalStringify = JSON.stringify, originalParse = JSON.parse, customFormat = /^-?\d+n$/, bigIntsStringify = /([\[:])?"(-?\d+)n"($|\s*[,\}\]])/g, noiseStringify = /([\[:])?("-?\d+n+)n("$|"\s*[,\}\]])/g, isUnstringifiable = (val) => val === void 0 || typeof val == "function" || typeof val == "symbol", isRawJSON = (val) => val !== null && typeof val == "object" && val.constructor && val.constructor.name === "RawJSON", stringifyIteratively = (rootValue, replacer, spaceParam) => {
      let space = "";
      typeof spaceParam == "number" ? space = " ".repeat(Math.min(10, Math.max(0, Math.floor(spaceParam)))) : typeof spaceParam == "string" && (space = spaceParam.slice(0, 10));
      let isFunctionReplacer = typeof replacer == "function", propertyList = Array.isArray(replacer) ? new Set(replacer.map(String)) : null, prepareVal = (parent, key, val) => (val !== null && typeof val == "object" && typeof val.toJSON == "function" && (val = val.toJSON(key)), typeof val == "string" && noiseValue.test(val) ? val + "n" : typeof val == "bigint" ? "rawJSON" in JSON ? JSON.rawJSON(val.toString()) : val.toString() + "n" : (isFunctionReplacer && (val = replacer.call(parent, key, val)), val !== null && typeof val == "object" && (val instanceof Number || val instanceof String || val instanceof Boolean) && (val = val.valueOf()), val)), rootProcessed = prepareVal({ "": rootValue }, "", rootValue);
      if (isUnstringifiable(rootProcessed))
        return;
      let isRootPrimitive = rootProcessed === null || typeof rootProcessed != "object", isRootNativeRawJSON = isRawJSON(rootProcessed);
      if (isRootPrimitive || isRootNativeRawJSON)
        return originalStringify(rootProcessed);
      let chunks = [], level = 0, stack = [
        {
          parent: { "": rootProcessed },
          key: "",
          val: rootProcessed,
          isArray: Array.isArray(rootProcessed),
          keys: Array.isArray(rootProcessed) ? null : Object.keys(rootProcessed),
          index: 0,
          first: !0
        }
      ], visited = new WeakSet([rootProcessed]);
      for (; stack.length > 0; ) {
        let node = stack[stack.length - 1];
        node.index === 0 && (chunks.push(node.isArray ? "[" : "{"), level++);
        let isDone = !1;
        if (node.isArray)
          if (node.index < node.val.length) {
            node.first || chunks.push(","), space && chunks.push(`
` + space.repeat(level));
            let childRaw = node.val[node.index], childVal = prepareVal(node.val, String(node.index), childRaw);
            if (isUnstringifiable(childVal))
              chunks.push("null"), node.first = !1, node.index++;
            else {
              let isComplexObject = childVal !== null && typeof childVal == "object", isNativeRaw = isRawJSON(childVal);
              if (isComplexObject && !isNativeRaw) {
                if (visited.has(childVal))
                  throw new TypeError("Converting circular structure to JSON");
                visited.add(childVal), stack.push({
                  parent: node.val,
                  key: String(node.index),
                  val: childVal,
                  isArray: Array.isArray(childVal),
                  keys: Array.isArray(childVal) ? null : Object.keys(childVal),
                  index: 0,
                  first: !0
                }), node.first = !1, node.index++;
              } else
                chunks.push(originalStringify(childVal)), node.first = !1, node.index++;
            }
          } else
            isDone = !0;
        else {
          for (; node.index < node.keys.length; ) {
            let k2 = node.keys[node.index++];
            if (propertyList && !propertyList.has(k2)) continue;
            let childRaw = node.val[k2], childVal = prepareVal(node.val, k2, childRaw);
            if (isUnstringifiable(childVal)) continue;
            node.first || chunks.push(","), space ? chunks.push(`
` + space.repeat(level) + originalStringify(k2) + ": ") : chunks.push(originalStringify(k2) + ":");
            let isComplexObject = childVal !== null && typeof childVal == "object", isNativeRaw = isRawJSON(childVal);
            if (isComplexObject && !isNativeRaw) {
              if (visited.has(childVal))
                throw new TypeError("Converting circular structure to JSON");
              visited.add(childVal), stack.push({
                parent: node.val,
                key: k2,
                val: childVal,
                isArray: Array.isArray(childVal),
                keys: Array.isArray(childVal) ? null : Object.keys(childVal),
                index: 0,
                first: !0
              }), node.first = !1;
              break;
            } else
              chunks.push(originalStringify(childVal)), node.first = !1;
          }
          node.index >= node.keys.length && stack[stack.length - 1] === node && (isDone = !0);
        }
        isDone && (level--, !node.first && space && chunks.push(`
` + space.repeat(level)), chunks.push(node.isArray ? "]" : "}"), visited.delete(node.val), stack.pop());
      }
      return chunks.join("");
    }, JSONStringify = (value, replacer, space) => {
      try {
        return "rawJSON" in JSON ? originalStringify(
          value,
          (key, val) => typeof val == "bigint" ? JSON.rawJSON(val.toString()) : typeof replacer == "function" ? replacer(key, val) : (Array.isArray(replacer) && replacer.includes(key), val),
          space
        ) : value ? originalStringify(
          value,
          (key, val) => typeof val == "string" && noiseValue.test(val) || typeof val == "bigint" ? val.toString() + "n" : typeof replacer == "function" ? replacer(key, val) : (Array.isArray(replacer) && replacer.includes(key), val),
          space
        ).replace(
          bigIntsStringify,
          "$1$2$3"
        ).replace(noiseStringify, "$1$2$3") : originalStringify(value, replacer, space);
      } catch (error2) {
        if (error2 instanceof RangeError) {
          let convertedJSON = stringifyIteratively(value, replacer, space);
          return convertedJSON === void 0 ? void 0 : "rawJSON" in JSON ? convertedJSON : convertedJSON.replace(bigIntsStringify, "$1$2$3").replace(noiseStringify, "$1$2$3");
        }
        throw error2;
      }
    }, featureCache = /* @__PURE__ */ new Map(), isContextSourceSupported = () => {
      let parseFingerprint = JSON.parse.toString();
      if (featureCache.has(parseFingerprint))
        return featureCache.get(parseFingerprint);
      try {
        let result2 = JSON.parse(
          "1",
          (_2, __, context) => !!context?.source && context.source === "1"
        );
        return featureCache.set(parseFingerprint, result2), result2;
      } catch {
        return featureCache.set(parseFingerprint, !1), !1;
      }
    }, convertMarkedBigIntsReviver = (key, value, context, userReviver) => typeof value == "string" && customFormat.test(value) ? BigInt(value.slice(0, -1)) : typeof value == "string" && noiseValue.test(value) ? value.slice(0, -1) : typeof userReviver == "function" ? userReviver(key, value, context) : value, JSONParseV2 = (text, reviver) => JSON.parse(text, (key, value, context) => {
      let isNumber = typeof value == "number", isOutOfBounds = value > Number.MAX_SAFE_INTEGER || value < Number.MIN_SAFE_INTEGER, isBigNumber = isNumber && isOutOfBounds, isInt = context && intRegex.test(context.source);
      return isBigNumber && isInt ? BigInt(context.source) : typeof reviver == "function" ? reviver(key, value, context) : value;
    }), MAX_INT = Number.MAX_SAFE_INTEGER.toString(), MAX_DIGITS = MAX_INT.length, stringsOrLargeNumbers = /"(?:[^"\\]|\\.)*"|-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/g, noiseValueWithQuotes = /^"-?\d+n+"$/, applyReviverIteratively = (parsed, userReviver) => {
      let rootHolder = { "": parsed }, stack = [{ parent: rootHolder, key: "", visited: !1 }];
      for (; stack.length > 0; ) {
        let node = stack[stack.length - 1];
        if (node.visited) {
          let { parent, key } = node, value = parent[key];
          typeof value == "string" && (customFormat.test(value) ? value = BigInt(value.slice(0, -1)) : noiseValue.test(value) && (value = value.slice(0, -1))), typeof userReviver == "function" && (value = userReviver.call(parent, key, value)), value === void 0 ? delete parent[key] : parent[key] = value, stack.pop();
        } else {
          node.visited = !0;
          let value = node.parent[node.key];
          if (value !== null && typeof value == "object") {
            let keys = Object.keys(value);
            for (let i = keys.length - 1; i >= 0; i--)
              stack.push({ parent: value, key: keys[i], visited: !1 });
          }
        }
      }
      return rootHolder[""];
    }, serializeBigInts = (text) => text.replace(
      stringsOrLargeNumbers,
      (match, digits, fractional, exponential) => {
        let isString = match[0] === '"';
        if (isString && noiseValueWithQuotes.test(match)) return match.substring(0, match.length - 1) + 'n"';
        let hasFractionalOrExponential = fractional || exponential, isLessThanMaxSafeInt = digits && (digits.length < MAX_DIGITS || digits.length === MAX_DIGITS && digits <= MAX_INT);
        return isString || hasFractionalOrExponential || isLessThanMaxSafeInt ? match : '"' + match + 'n"';
      }
    ), JSONParse = (text, reviver) => {
      if (!text) return originalParse(text, reviver);
      try {
        if (isContextSourceSupported()) return JSONParseV2(text, reviver);
        let serializedData = serializeBigInts(text);
        return originalParse(
          serializedData,
          (key, value, context) => convertMarkedBigIntsReviver(key, value, context, reviver)
        );
      } catch (error2) {
        if (error2 instanceof RangeError) {
          let serializedData = serializeBigInts(text), parsed = originalParse(serializedData);
          return applyReviverIteratively(parsed, reviver);
        }
        throw error2;
      }
    };
  }
});

// node_modules/@octokit/request-error/dist-src/index.js
var RequestError, init_dist_src = __esm({
  "node_modules/@octokit/request-error/dist-src/index.js"() {
    RequestError = class extends Error {
      name;
      /**
       * http status code
       */
      status;
      /**
       * Request options that lead to the error.
       */
      request;
      /**
       * Response object if a response was received
       */
      response;
      constructor(message, statusCode, options) {
        super(message, { cause: options.cause }), this.name = "HttpError", this.status = Number.parseInt(statusCode), Number.isNaN(this.status) && (this.status = 0);
        "response" in options && (this.response = options.response);
        let requestCopy = Object.assign({}, options.request);
        options.request.headers.authorization && (requestCopy.headers = Object.assign({}, options.request.headers, {
          authorization: options.request.headers.authorization.replace(
            /(?<! ) .*$/,
            " [REDACTED]"
          )
        })), requestCopy.url = requestCopy.url.replace(/\bclient_secret=\w+/g, "client_secret=[REDACTED]").replace(/\baccess_token=\w+/g, "access_token=[REDACTED]"), this.request = requestCopy;
      }
    };
  }
});

// node_modules/@octokit/request/dist-bundle/index.js
function isPlainObject3(value) {
  if (typeof value != "object" || value === null || Object.prototype.toString.call(value) !== "[object Object]") return !1;
  let proto = Object.getPrototypeOf(value);
  if (proto === null) return !0;
  let Ctor = Object.prototype.hasOwnProperty.call(proto, "constructor") && proto.constructor;
  return typeof Ctor == "function" && Ctor instanceof Ctor && Function.prototype.call(Ctor) === Function.prototype.call(value);
}
async function fetchWrapper(requestOptions) {
  let fetch = requestOptions.request?.fetch || globalThis.fetch;
  if (!fetch)
    throw new Error(
      "fetch is not set. Please pass a fetch implementation as new Octokit({ request: { fetch }}). Learn more at https://github.com/octokit/octokit.js/#fetch-missing"
    );
  let log = requestOptions.request?.log || console, parseSuccessResponseBody = requestOptions.request?.parseSuccessResponseBody !== !1, body = isPlainObject3(requestOptions.body) || Array.isArray(requestOptions.body) ? JSONStringify(requestOptions.body) : requestOptions.body, requestHeaders = Object.fromEntries(
    Object.entries(requestOptions.headers).map(([name, value]) => [
      name,
      String(value)
    ])
  ), fetchResponse;
  try {
    fetchResponse = await fetch(requestOptions.url, {
      method: requestOptions.method,
      body,
      redirect: requestOptions.request?.redirect,
      headers: requestHeaders,
      signal: requestOptions.request?.signal,
      // duplex must be set if request.body is ReadableStream or Async Iterables.
      // See https://fetch.spec.whatwg.org/#dom-requestinit-duplex.
      ...requestOptions.body && { duplex: "half" }
    });
  } catch (error2) {
    let message = "Unknown Error";
    if (error2 instanceof Error) {
      if (error2.name === "AbortError")
        throw error2.status = 500, error2;
      message = error2.message, error2.name === "TypeError" && "cause" in error2 && (error2.cause instanceof Error ? message = error2.cause.message : typeof error2.cause == "string" && (message = error2.cause));
    }
    let requestError = new RequestError(message, 500, {
      request: requestOptions
    });
    throw requestError.cause = error2, requestError;
  }
  let status = fetchResponse.status, url = fetchResponse.url, responseHeaders = {};
  for (let [key, value] of fetchResponse.headers)
    responseHeaders[key] = value;
  let octokitResponse = {
    url,
    status,
    headers: responseHeaders,
    data: ""
  };
  if ("deprecation" in responseHeaders) {
    let matches = responseHeaders.link && responseHeaders.link.match(/<([^<>]+)>; rel="deprecation"/), deprecationLink = matches && matches.pop();
    log.warn(
      `[@octokit/request] "${requestOptions.method} ${requestOptions.url}" is deprecated. It is scheduled to be removed on ${responseHeaders.sunset}${deprecationLink ? `. See ${deprecationLink}` : ""}`
    );
  }
  if (status === 204 || status === 205)
    return octokitResponse;
  if (requestOptions.method === "HEAD") {
    if (status < 400)
      return octokitResponse;
    throw new RequestError(fetchResponse.statusText, status, {
      response: octokitResponse,
      request: requestOptions
    });
  }
  if (status === 304)
    throw octokitResponse.data = await getResponseData(fetchResponse), new RequestError("Not modified", status, {
      response: octokitResponse,
      request: requestOptions
    });
  if (status >= 400)
    throw octokitResponse.data = await getResponseData(fetchResponse), new RequestError(toErrorMessage(octokitResponse.data), status, {
      response: octokitResponse,
      request: requestOptions
    });
  return octokitResponse.data = parseSuccessResponseBody ? await getResponseData(fetchResponse) : fetchResponse.body, octokitResponse;
}
async function getResponseData(response) {
  let contentType = response.headers.get("content-type");
  if (!contentType)
    return response.text().catch(noop);
  let mimetype = parse3(contentType);
  if (isJSONResponse(mimetype)) {
    let text = "";
    try {
      return text = await response.text(), JSONParse(text);
    } catch {
      return text;
    }
  } else return mimetype.type.startsWith("text/") || // `application/octet-stream` is the canonical "arbitrary binary" type
  // (RFC 2046) and must never be decoded as text, even when the response
  // carries a (misleading) `charset=utf-8` parameter — see #751.
  mimetype.parameters.charset?.toLowerCase() === "utf-8" && mimetype.type !== "application/octet-stream" ? response.text().catch(noop) : response.arrayBuffer().catch(
    /* v8 ignore next -- @preserve */
    () => new ArrayBuffer(0)
  );
}
function isJSONResponse(mimetype) {
  return mimetype.type === "application/json" || mimetype.type === "application/scim+json";
}
function toErrorMessage(data) {
  if (typeof data == "string")
    return data;
  if (data instanceof ArrayBuffer)
    return "Unknown error";
  if (typeof data == "object" && data !== null && "message" in data) {
    let objectData = data, suffix = "documentation_url" in objectData ? ` - ${objectData.documentation_url}` : "";
    return Array.isArray(objectData.errors) ? `${objectData.message}: ${objectData.errors.map((v2) => JSON.stringify(v2)).join(", ")}${suffix}` : `${objectData.message}${suffix}`;
  }
  return `Unknown error: ${JSON.stringify(data)}`;
}
function withDefaults2(oldEndpoint, newDefaults) {
  let endpoint2 = oldEndpoint.defaults(newDefaults);
  return Object.assign(function(route, parameters) {
    let endpointOptions = endpoint2.merge(route, parameters);
    if (!endpointOptions.request || !endpointOptions.request.hook)
      return fetchWrapper(endpoint2.parse(endpointOptions));
    let request2 = (route2, parameters2) => fetchWrapper(
      endpoint2.parse(endpoint2.merge(route2, parameters2))
    );
    return Object.assign(request2, {
      endpoint: endpoint2,
      defaults: withDefaults2.bind(null, endpoint2)
    }), endpointOptions.request.hook(request2, endpointOptions);
  }, {
    endpoint: endpoint2,
    defaults: withDefaults2.bind(null, endpoint2)
  });
}
var VERSION2, defaults_default, noop, request, init_dist_bundle2 = __esm({
  "node_modules/@octokit/request/dist-bundle/index.js"() {
    init_dist_bundle();
    init_universal_user_agent();
    init_dist();
    init_json_with_bigint();
    init_dist_src();
    VERSION2 = "10.0.16", defaults_default = {
      headers: {
        "user-agent": `octokit-request.js/${VERSION2} ${getUserAgent()}`
      }
    };
    noop = () => "";
    request = withDefaults2(endpoint, defaults_default);
  }
});

// node_modules/@octokit/graphql/dist-bundle/index.js
function _buildMessageForResponseErrors(data) {
  return `Request failed due to following response errors:
` + data.errors.map((e) => ` - ${e.message}`).join(`
`);
}
function graphql(request2, query, options) {
  if (options) {
    if (typeof query == "string" && "query" in options)
      return Promise.reject(
        new Error('[@octokit/graphql] "query" cannot be used as variable name')
      );
    for (let key in options)
      if (FORBIDDEN_VARIABLE_OPTIONS.includes(key))
        return Promise.reject(
          new Error(
            `[@octokit/graphql] "${key}" cannot be used as variable name`
          )
        );
  }
  let parsedOptions = typeof query == "string" ? Object.assign({ query }, options) : query, requestOptions = Object.keys(
    parsedOptions
  ).reduce((result2, key) => NON_VARIABLE_OPTIONS.includes(key) ? (result2[key] = parsedOptions[key], result2) : (result2.variables || (result2.variables = {}), result2.variables[key] = parsedOptions[key], result2), {}), baseUrl = parsedOptions.baseUrl || request2.endpoint.DEFAULTS.baseUrl;
  return GHES_V3_SUFFIX_REGEX.test(baseUrl) && (requestOptions.url = baseUrl.replace(GHES_V3_SUFFIX_REGEX, "/api/graphql")), request2(requestOptions).then((response) => {
    if (response.data.errors) {
      let headers = {};
      for (let key of Object.keys(response.headers))
        headers[key] = response.headers[key];
      throw new GraphqlResponseError(
        requestOptions,
        headers,
        response.data
      );
    }
    return response.data.data;
  });
}
function withDefaults3(request2, newDefaults) {
  let newRequest = request2.defaults(newDefaults);
  return Object.assign((query, options) => graphql(newRequest, query, options), {
    defaults: withDefaults3.bind(null, newRequest),
    endpoint: newRequest.endpoint
  });
}
function withCustomRequest(customRequest) {
  return withDefaults3(customRequest, {
    method: "POST",
    url: "/graphql"
  });
}
var VERSION3, GraphqlResponseError, NON_VARIABLE_OPTIONS, FORBIDDEN_VARIABLE_OPTIONS, GHES_V3_SUFFIX_REGEX, graphql2, init_dist_bundle3 = __esm({
  "node_modules/@octokit/graphql/dist-bundle/index.js"() {
    init_dist_bundle2();
    init_universal_user_agent();
    VERSION3 = "0.0.0-development";
    GraphqlResponseError = class extends Error {
      constructor(request2, headers, response) {
        super(_buildMessageForResponseErrors(response)), this.request = request2, this.headers = headers, this.response = response, this.errors = response.errors, this.data = response.data, Error.captureStackTrace && Error.captureStackTrace(this, this.constructor);
      }
      request;
      headers;
      response;
      name = "GraphqlResponseError";
      errors;
      data;
    }, NON_VARIABLE_OPTIONS = [
      "method",
      "baseUrl",
      "url",
      "headers",
      "request",
      "query",
      "mediaType",
      "operationName"
    ], FORBIDDEN_VARIABLE_OPTIONS = ["query", "method", "url"], GHES_V3_SUFFIX_REGEX = /\/api\/v3\/?$/;
    graphql2 = withDefaults3(request, {
      headers: {
        "user-agent": `octokit-graphql.js/${VERSION3} ${getUserAgent()}`
      },
      method: "POST",
      url: "/graphql"
    });
  }
});

// node_modules/@octokit/auth-token/dist-bundle/index.js
async function auth(token) {
  let isApp = isJWT(token), isInstallation = token.startsWith("v1.") || token.startsWith("ghs_"), isUserToServer = token.startsWith("ghu_");
  return {
    type: "token",
    token,
    tokenType: isApp ? "app" : isInstallation ? "installation" : isUserToServer ? "user-to-server" : "oauth"
  };
}
function withAuthorizationPrefix(token) {
  return token.split(/\./).length === 3 ? `bearer ${token}` : `token ${token}`;
}
async function hook(token, request2, route, parameters) {
  let endpoint2 = request2.endpoint.merge(
    route,
    parameters
  );
  return endpoint2.headers.authorization = withAuthorizationPrefix(token), request2(endpoint2);
}
var b64url, sep5, jwtRE, isJWT, createTokenAuth, init_dist_bundle4 = __esm({
  "node_modules/@octokit/auth-token/dist-bundle/index.js"() {
    b64url = "(?:[a-zA-Z0-9_-]+)", sep5 = "\\.", jwtRE = new RegExp(`^${b64url}${sep5}${b64url}${sep5}${b64url}$`), isJWT = jwtRE.test.bind(jwtRE);
    createTokenAuth = function(token) {
      if (!token)
        throw new Error("[@octokit/auth-token] No token passed to createTokenAuth");
      if (typeof token != "string")
        throw new Error(
          "[@octokit/auth-token] Token passed to createTokenAuth is not a string"
        );
      return token = token.replace(/^(token|bearer) +/i, ""), Object.assign(auth.bind(null, token), {
        hook: hook.bind(null, token)
      });
    };
  }
});

// node_modules/@octokit/core/dist-src/version.js
var VERSION4, init_version2 = __esm({
  "node_modules/@octokit/core/dist-src/version.js"() {
    VERSION4 = "7.0.8";
  }
});

// node_modules/@octokit/core/dist-src/index.js
function createLogger(logger = {}) {
  return typeof logger.debug != "function" && (logger.debug = noop2), typeof logger.info != "function" && (logger.info = noop2), typeof logger.warn != "function" && (logger.warn = consoleWarn), typeof logger.error != "function" && (logger.error = consoleError), logger;
}
var noop2, consoleWarn, consoleError, userAgentTrail, Octokit, init_dist_src2 = __esm({
  "node_modules/@octokit/core/dist-src/index.js"() {
    init_universal_user_agent();
    init_before_after_hook();
    init_dist_bundle2();
    init_dist_bundle3();
    init_dist_bundle4();
    init_version2();
    noop2 = () => {
    }, consoleWarn = console.warn.bind(console), consoleError = console.error.bind(console);
    userAgentTrail = `octokit-core.js/${VERSION4} ${getUserAgent()}`, Octokit = class {
      static VERSION = VERSION4;
      static defaults(defaults) {
        return class extends this {
          constructor(...args) {
            let options = args[0] || {};
            if (typeof defaults == "function") {
              super(defaults(options));
              return;
            }
            super(
              Object.assign(
                {},
                defaults,
                options,
                options.userAgent && defaults.userAgent ? {
                  userAgent: `${options.userAgent} ${defaults.userAgent}`
                } : null
              )
            );
          }
        };
      }
      static plugins = [];
      /**
       * Attach a plugin (or many) to your Octokit instance.
       *
       * @example
       * const API = Octokit.plugin(plugin1, plugin2, plugin3, ...)
       */
      static plugin(...newPlugins) {
        let currentPlugins = this.plugins;
        return class extends this {
          static plugins = currentPlugins.concat(
            newPlugins.filter((plugin) => !currentPlugins.includes(plugin))
          );
        };
      }
      constructor(options = {}) {
        let hook2 = new before_after_hook_default.Collection(), requestDefaults = {
          baseUrl: request.endpoint.DEFAULTS.baseUrl,
          headers: {},
          request: Object.assign({}, options.request, {
            // @ts-ignore internal usage only, no need to type
            hook: hook2.bind(null, "request")
          }),
          mediaType: {
            previews: [],
            format: ""
          }
        };
        if (requestDefaults.headers["user-agent"] = options.userAgent ? `${options.userAgent} ${userAgentTrail}` : userAgentTrail, options.baseUrl && (requestDefaults.baseUrl = options.baseUrl), options.previews && (requestDefaults.mediaType.previews = options.previews), options.timeZone && (requestDefaults.headers["time-zone"] = options.timeZone), this.request = request.defaults(requestDefaults), this.graphql = withCustomRequest(this.request).defaults(requestDefaults), this.log = createLogger(options.log), this.hook = hook2, options.authStrategy) {
          let { authStrategy, ...otherOptions } = options, auth2 = authStrategy(
            Object.assign(
              {
                request: this.request,
                log: this.log,
                // we pass the current octokit instance as well as its constructor options
                // to allow for authentication strategies that return a new octokit instance
                // that shares the same internal state as the current one. The original
                // requirement for this was the "event-octokit" authentication strategy
                // of https://github.com/probot/octokit-auth-probot.
                octokit: this,
                octokitOptions: otherOptions
              },
              options.auth
            )
          );
          hook2.wrap("request", auth2.hook), this.auth = auth2;
        } else if (!options.auth)
          this.auth = async () => ({
            type: "unauthenticated"
          });
        else {
          let auth2 = createTokenAuth(options.auth);
          hook2.wrap("request", auth2.hook), this.auth = auth2;
        }
        let classConstructor = this.constructor;
        for (let i = 0; i < classConstructor.plugins.length; ++i)
          Object.assign(this, classConstructor.plugins[i](this, options));
      }
      // assigned during constructor
      request;
      graphql;
      log;
      hook;
      // TODO: type `octokit.auth` based on passed options.authStrategy
      auth;
    };
  }
});

// node_modules/@octokit/plugin-request-log/dist-src/version.js
var VERSION5, init_version3 = __esm({
  "node_modules/@octokit/plugin-request-log/dist-src/version.js"() {
    VERSION5 = "6.0.0";
  }
});

// node_modules/@octokit/plugin-request-log/dist-src/index.js
function requestLog(octokit) {
  octokit.hook.wrap("request", (request2, options) => {
    octokit.log.debug("request", options);
    let start = Date.now(), requestOptions = octokit.request.endpoint.parse(options), path = requestOptions.url.replace(options.baseUrl, "");
    return request2(options).then((response) => {
      let requestId = response.headers["x-github-request-id"];
      return octokit.log.info(
        `${requestOptions.method} ${path} - ${response.status} with id ${requestId} in ${Date.now() - start}ms`
      ), response;
    }).catch((error2) => {
      let requestId = error2.response?.headers["x-github-request-id"] || "UNKNOWN";
      throw octokit.log.error(
        `${requestOptions.method} ${path} - ${error2.status} with id ${requestId} in ${Date.now() - start}ms`
      ), error2;
    });
  });
}
var init_dist_src3 = __esm({
  "node_modules/@octokit/plugin-request-log/dist-src/index.js"() {
    init_version3();
    requestLog.VERSION = VERSION5;
  }
});

// node_modules/@octokit/plugin-paginate-rest/dist-bundle/index.js
function normalizePaginatedListResponse(response) {
  if (!response.data)
    return {
      ...response,
      data: []
    };
  if (!(("total_count" in response.data || "total_commits" in response.data) && !("url" in response.data))) return response;
  let incompleteResults = response.data.incomplete_results, repositorySelection = response.data.repository_selection, totalCount = response.data.total_count, totalCommits = response.data.total_commits;
  delete response.data.incomplete_results, delete response.data.repository_selection, delete response.data.total_count, delete response.data.total_commits;
  let namespaceKey = Object.keys(response.data)[0], data = response.data[namespaceKey];
  return response.data = data, typeof incompleteResults < "u" && (response.data.incomplete_results = incompleteResults), typeof repositorySelection < "u" && (response.data.repository_selection = repositorySelection), response.data.total_count = totalCount, response.data.total_commits = totalCommits, response;
}
function iterator(octokit, route, parameters) {
  let options = typeof route == "function" ? route.endpoint(parameters) : octokit.request.endpoint(route, parameters), requestMethod = typeof route == "function" ? route : octokit.request, method = options.method, headers = options.headers, url = options.url;
  return {
    [Symbol.asyncIterator]: () => ({
      async next() {
        if (!url) return { done: !0 };
        try {
          let response = await requestMethod({ method, url, headers }), normalizedResponse = normalizePaginatedListResponse(response);
          if (url = ((normalizedResponse.headers.link || "").match(
            /<([^<>]+)>;\s*rel="next"/
          ) || [])[1], !url && "total_commits" in normalizedResponse.data) {
            let parsedUrl = new URL(normalizedResponse.url), params = parsedUrl.searchParams, page = parseInt(params.get("page") || "1", 10), per_page = parseInt(params.get("per_page") || "250", 10);
            page * per_page < normalizedResponse.data.total_commits && (params.set("page", String(page + 1)), url = parsedUrl.toString());
          }
          return { value: normalizedResponse };
        } catch (error2) {
          if (error2.status !== 409) throw error2;
          return url = "", {
            value: {
              status: 200,
              headers: {},
              data: []
            }
          };
        }
      }
    })
  };
}
function paginate(octokit, route, parameters, mapFn) {
  return typeof parameters == "function" && (mapFn = parameters, parameters = void 0), gather(
    octokit,
    [],
    iterator(octokit, route, parameters)[Symbol.asyncIterator](),
    mapFn
  );
}
function gather(octokit, results, iterator2, mapFn) {
  return iterator2.next().then((result2) => {
    if (result2.done)
      return results;
    let earlyExit = !1;
    function done() {
      earlyExit = !0;
    }
    return results = results.concat(
      mapFn ? mapFn(result2.value, done) : result2.value.data
    ), earlyExit ? results : gather(octokit, results, iterator2, mapFn);
  });
}
function paginateRest(octokit) {
  return {
    paginate: Object.assign(paginate.bind(null, octokit), {
      iterator: iterator.bind(null, octokit)
    })
  };
}
var VERSION6, composePaginateRest, init_dist_bundle5 = __esm({
  "node_modules/@octokit/plugin-paginate-rest/dist-bundle/index.js"() {
    VERSION6 = "0.0.0-development";
    composePaginateRest = Object.assign(paginate, {
      iterator
    });
    paginateRest.VERSION = VERSION6;
  }
});

// node_modules/@octokit/plugin-rest-endpoint-methods/dist-src/version.js
var VERSION7, init_version4 = __esm({
  "node_modules/@octokit/plugin-rest-endpoint-methods/dist-src/version.js"() {
    VERSION7 = "17.0.0";
  }
});

// node_modules/@octokit/plugin-rest-endpoint-methods/dist-src/generated/endpoints.js
var Endpoints, endpoints_default, init_endpoints = __esm({
  "node_modules/@octokit/plugin-rest-endpoint-methods/dist-src/generated/endpoints.js"() {
    Endpoints = {
      actions: {
        addCustomLabelsToSelfHostedRunnerForOrg: [
          "POST /orgs/{org}/actions/runners/{runner_id}/labels"
        ],
        addCustomLabelsToSelfHostedRunnerForRepo: [
          "POST /repos/{owner}/{repo}/actions/runners/{runner_id}/labels"
        ],
        addRepoAccessToSelfHostedRunnerGroupInOrg: [
          "PUT /orgs/{org}/actions/runner-groups/{runner_group_id}/repositories/{repository_id}"
        ],
        addSelectedRepoToOrgSecret: [
          "PUT /orgs/{org}/actions/secrets/{secret_name}/repositories/{repository_id}"
        ],
        addSelectedRepoToOrgVariable: [
          "PUT /orgs/{org}/actions/variables/{name}/repositories/{repository_id}"
        ],
        approveWorkflowRun: [
          "POST /repos/{owner}/{repo}/actions/runs/{run_id}/approve"
        ],
        cancelWorkflowRun: [
          "POST /repos/{owner}/{repo}/actions/runs/{run_id}/cancel"
        ],
        createEnvironmentVariable: [
          "POST /repos/{owner}/{repo}/environments/{environment_name}/variables"
        ],
        createHostedRunnerForOrg: ["POST /orgs/{org}/actions/hosted-runners"],
        createOrUpdateEnvironmentSecret: [
          "PUT /repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}"
        ],
        createOrUpdateOrgSecret: ["PUT /orgs/{org}/actions/secrets/{secret_name}"],
        createOrUpdateRepoSecret: [
          "PUT /repos/{owner}/{repo}/actions/secrets/{secret_name}"
        ],
        createOrgVariable: ["POST /orgs/{org}/actions/variables"],
        createRegistrationTokenForOrg: [
          "POST /orgs/{org}/actions/runners/registration-token"
        ],
        createRegistrationTokenForRepo: [
          "POST /repos/{owner}/{repo}/actions/runners/registration-token"
        ],
        createRemoveTokenForOrg: ["POST /orgs/{org}/actions/runners/remove-token"],
        createRemoveTokenForRepo: [
          "POST /repos/{owner}/{repo}/actions/runners/remove-token"
        ],
        createRepoVariable: ["POST /repos/{owner}/{repo}/actions/variables"],
        createWorkflowDispatch: [
          "POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches"
        ],
        deleteActionsCacheById: [
          "DELETE /repos/{owner}/{repo}/actions/caches/{cache_id}"
        ],
        deleteActionsCacheByKey: [
          "DELETE /repos/{owner}/{repo}/actions/caches{?key,ref}"
        ],
        deleteArtifact: [
          "DELETE /repos/{owner}/{repo}/actions/artifacts/{artifact_id}"
        ],
        deleteCustomImageFromOrg: [
          "DELETE /orgs/{org}/actions/hosted-runners/images/custom/{image_definition_id}"
        ],
        deleteCustomImageVersionFromOrg: [
          "DELETE /orgs/{org}/actions/hosted-runners/images/custom/{image_definition_id}/versions/{version}"
        ],
        deleteEnvironmentSecret: [
          "DELETE /repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}"
        ],
        deleteEnvironmentVariable: [
          "DELETE /repos/{owner}/{repo}/environments/{environment_name}/variables/{name}"
        ],
        deleteHostedRunnerForOrg: [
          "DELETE /orgs/{org}/actions/hosted-runners/{hosted_runner_id}"
        ],
        deleteOrgSecret: ["DELETE /orgs/{org}/actions/secrets/{secret_name}"],
        deleteOrgVariable: ["DELETE /orgs/{org}/actions/variables/{name}"],
        deleteRepoSecret: [
          "DELETE /repos/{owner}/{repo}/actions/secrets/{secret_name}"
        ],
        deleteRepoVariable: [
          "DELETE /repos/{owner}/{repo}/actions/variables/{name}"
        ],
        deleteSelfHostedRunnerFromOrg: [
          "DELETE /orgs/{org}/actions/runners/{runner_id}"
        ],
        deleteSelfHostedRunnerFromRepo: [
          "DELETE /repos/{owner}/{repo}/actions/runners/{runner_id}"
        ],
        deleteWorkflowRun: ["DELETE /repos/{owner}/{repo}/actions/runs/{run_id}"],
        deleteWorkflowRunLogs: [
          "DELETE /repos/{owner}/{repo}/actions/runs/{run_id}/logs"
        ],
        disableSelectedRepositoryGithubActionsOrganization: [
          "DELETE /orgs/{org}/actions/permissions/repositories/{repository_id}"
        ],
        disableWorkflow: [
          "PUT /repos/{owner}/{repo}/actions/workflows/{workflow_id}/disable"
        ],
        downloadArtifact: [
          "GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}"
        ],
        downloadJobLogsForWorkflowRun: [
          "GET /repos/{owner}/{repo}/actions/jobs/{job_id}/logs"
        ],
        downloadWorkflowRunAttemptLogs: [
          "GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/logs"
        ],
        downloadWorkflowRunLogs: [
          "GET /repos/{owner}/{repo}/actions/runs/{run_id}/logs"
        ],
        enableSelectedRepositoryGithubActionsOrganization: [
          "PUT /orgs/{org}/actions/permissions/repositories/{repository_id}"
        ],
        enableWorkflow: [
          "PUT /repos/{owner}/{repo}/actions/workflows/{workflow_id}/enable"
        ],
        forceCancelWorkflowRun: [
          "POST /repos/{owner}/{repo}/actions/runs/{run_id}/force-cancel"
        ],
        generateRunnerJitconfigForOrg: [
          "POST /orgs/{org}/actions/runners/generate-jitconfig"
        ],
        generateRunnerJitconfigForRepo: [
          "POST /repos/{owner}/{repo}/actions/runners/generate-jitconfig"
        ],
        getActionsCacheList: ["GET /repos/{owner}/{repo}/actions/caches"],
        getActionsCacheUsage: ["GET /repos/{owner}/{repo}/actions/cache/usage"],
        getActionsCacheUsageByRepoForOrg: [
          "GET /orgs/{org}/actions/cache/usage-by-repository"
        ],
        getActionsCacheUsageForOrg: ["GET /orgs/{org}/actions/cache/usage"],
        getAllowedActionsOrganization: [
          "GET /orgs/{org}/actions/permissions/selected-actions"
        ],
        getAllowedActionsRepository: [
          "GET /repos/{owner}/{repo}/actions/permissions/selected-actions"
        ],
        getArtifact: ["GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}"],
        getCustomImageForOrg: [
          "GET /orgs/{org}/actions/hosted-runners/images/custom/{image_definition_id}"
        ],
        getCustomImageVersionForOrg: [
          "GET /orgs/{org}/actions/hosted-runners/images/custom/{image_definition_id}/versions/{version}"
        ],
        getCustomOidcSubClaimForRepo: [
          "GET /repos/{owner}/{repo}/actions/oidc/customization/sub"
        ],
        getEnvironmentPublicKey: [
          "GET /repos/{owner}/{repo}/environments/{environment_name}/secrets/public-key"
        ],
        getEnvironmentSecret: [
          "GET /repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}"
        ],
        getEnvironmentVariable: [
          "GET /repos/{owner}/{repo}/environments/{environment_name}/variables/{name}"
        ],
        getGithubActionsDefaultWorkflowPermissionsOrganization: [
          "GET /orgs/{org}/actions/permissions/workflow"
        ],
        getGithubActionsDefaultWorkflowPermissionsRepository: [
          "GET /repos/{owner}/{repo}/actions/permissions/workflow"
        ],
        getGithubActionsPermissionsOrganization: [
          "GET /orgs/{org}/actions/permissions"
        ],
        getGithubActionsPermissionsRepository: [
          "GET /repos/{owner}/{repo}/actions/permissions"
        ],
        getHostedRunnerForOrg: [
          "GET /orgs/{org}/actions/hosted-runners/{hosted_runner_id}"
        ],
        getHostedRunnersGithubOwnedImagesForOrg: [
          "GET /orgs/{org}/actions/hosted-runners/images/github-owned"
        ],
        getHostedRunnersLimitsForOrg: [
          "GET /orgs/{org}/actions/hosted-runners/limits"
        ],
        getHostedRunnersMachineSpecsForOrg: [
          "GET /orgs/{org}/actions/hosted-runners/machine-sizes"
        ],
        getHostedRunnersPartnerImagesForOrg: [
          "GET /orgs/{org}/actions/hosted-runners/images/partner"
        ],
        getHostedRunnersPlatformsForOrg: [
          "GET /orgs/{org}/actions/hosted-runners/platforms"
        ],
        getJobForWorkflowRun: ["GET /repos/{owner}/{repo}/actions/jobs/{job_id}"],
        getOrgPublicKey: ["GET /orgs/{org}/actions/secrets/public-key"],
        getOrgSecret: ["GET /orgs/{org}/actions/secrets/{secret_name}"],
        getOrgVariable: ["GET /orgs/{org}/actions/variables/{name}"],
        getPendingDeploymentsForRun: [
          "GET /repos/{owner}/{repo}/actions/runs/{run_id}/pending_deployments"
        ],
        getRepoPermissions: [
          "GET /repos/{owner}/{repo}/actions/permissions",
          {},
          { renamed: ["actions", "getGithubActionsPermissionsRepository"] }
        ],
        getRepoPublicKey: ["GET /repos/{owner}/{repo}/actions/secrets/public-key"],
        getRepoSecret: ["GET /repos/{owner}/{repo}/actions/secrets/{secret_name}"],
        getRepoVariable: ["GET /repos/{owner}/{repo}/actions/variables/{name}"],
        getReviewsForRun: [
          "GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals"
        ],
        getSelfHostedRunnerForOrg: ["GET /orgs/{org}/actions/runners/{runner_id}"],
        getSelfHostedRunnerForRepo: [
          "GET /repos/{owner}/{repo}/actions/runners/{runner_id}"
        ],
        getWorkflow: ["GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}"],
        getWorkflowAccessToRepository: [
          "GET /repos/{owner}/{repo}/actions/permissions/access"
        ],
        getWorkflowRun: ["GET /repos/{owner}/{repo}/actions/runs/{run_id}"],
        getWorkflowRunAttempt: [
          "GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}"
        ],
        getWorkflowRunUsage: [
          "GET /repos/{owner}/{repo}/actions/runs/{run_id}/timing"
        ],
        getWorkflowUsage: [
          "GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/timing"
        ],
        listArtifactsForRepo: ["GET /repos/{owner}/{repo}/actions/artifacts"],
        listCustomImageVersionsForOrg: [
          "GET /orgs/{org}/actions/hosted-runners/images/custom/{image_definition_id}/versions"
        ],
        listCustomImagesForOrg: [
          "GET /orgs/{org}/actions/hosted-runners/images/custom"
        ],
        listEnvironmentSecrets: [
          "GET /repos/{owner}/{repo}/environments/{environment_name}/secrets"
        ],
        listEnvironmentVariables: [
          "GET /repos/{owner}/{repo}/environments/{environment_name}/variables"
        ],
        listGithubHostedRunnersInGroupForOrg: [
          "GET /orgs/{org}/actions/runner-groups/{runner_group_id}/hosted-runners"
        ],
        listHostedRunnersForOrg: ["GET /orgs/{org}/actions/hosted-runners"],
        listJobsForWorkflowRun: [
          "GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs"
        ],
        listJobsForWorkflowRunAttempt: [
          "GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/jobs"
        ],
        listLabelsForSelfHostedRunnerForOrg: [
          "GET /orgs/{org}/actions/runners/{runner_id}/labels"
        ],
        listLabelsForSelfHostedRunnerForRepo: [
          "GET /repos/{owner}/{repo}/actions/runners/{runner_id}/labels"
        ],
        listOrgSecrets: ["GET /orgs/{org}/actions/secrets"],
        listOrgVariables: ["GET /orgs/{org}/actions/variables"],
        listRepoOrganizationSecrets: [
          "GET /repos/{owner}/{repo}/actions/organization-secrets"
        ],
        listRepoOrganizationVariables: [
          "GET /repos/{owner}/{repo}/actions/organization-variables"
        ],
        listRepoSecrets: ["GET /repos/{owner}/{repo}/actions/secrets"],
        listRepoVariables: ["GET /repos/{owner}/{repo}/actions/variables"],
        listRepoWorkflows: ["GET /repos/{owner}/{repo}/actions/workflows"],
        listRunnerApplicationsForOrg: ["GET /orgs/{org}/actions/runners/downloads"],
        listRunnerApplicationsForRepo: [
          "GET /repos/{owner}/{repo}/actions/runners/downloads"
        ],
        listSelectedReposForOrgSecret: [
          "GET /orgs/{org}/actions/secrets/{secret_name}/repositories"
        ],
        listSelectedReposForOrgVariable: [
          "GET /orgs/{org}/actions/variables/{name}/repositories"
        ],
        listSelectedRepositoriesEnabledGithubActionsOrganization: [
          "GET /orgs/{org}/actions/permissions/repositories"
        ],
        listSelfHostedRunnersForOrg: ["GET /orgs/{org}/actions/runners"],
        listSelfHostedRunnersForRepo: ["GET /repos/{owner}/{repo}/actions/runners"],
        listWorkflowRunArtifacts: [
          "GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts"
        ],
        listWorkflowRuns: [
          "GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs"
        ],
        listWorkflowRunsForRepo: ["GET /repos/{owner}/{repo}/actions/runs"],
        reRunJobForWorkflowRun: [
          "POST /repos/{owner}/{repo}/actions/jobs/{job_id}/rerun"
        ],
        reRunWorkflow: ["POST /repos/{owner}/{repo}/actions/runs/{run_id}/rerun"],
        reRunWorkflowFailedJobs: [
          "POST /repos/{owner}/{repo}/actions/runs/{run_id}/rerun-failed-jobs"
        ],
        removeAllCustomLabelsFromSelfHostedRunnerForOrg: [
          "DELETE /orgs/{org}/actions/runners/{runner_id}/labels"
        ],
        removeAllCustomLabelsFromSelfHostedRunnerForRepo: [
          "DELETE /repos/{owner}/{repo}/actions/runners/{runner_id}/labels"
        ],
        removeCustomLabelFromSelfHostedRunnerForOrg: [
          "DELETE /orgs/{org}/actions/runners/{runner_id}/labels/{name}"
        ],
        removeCustomLabelFromSelfHostedRunnerForRepo: [
          "DELETE /repos/{owner}/{repo}/actions/runners/{runner_id}/labels/{name}"
        ],
        removeSelectedRepoFromOrgSecret: [
          "DELETE /orgs/{org}/actions/secrets/{secret_name}/repositories/{repository_id}"
        ],
        removeSelectedRepoFromOrgVariable: [
          "DELETE /orgs/{org}/actions/variables/{name}/repositories/{repository_id}"
        ],
        reviewCustomGatesForRun: [
          "POST /repos/{owner}/{repo}/actions/runs/{run_id}/deployment_protection_rule"
        ],
        reviewPendingDeploymentsForRun: [
          "POST /repos/{owner}/{repo}/actions/runs/{run_id}/pending_deployments"
        ],
        setAllowedActionsOrganization: [
          "PUT /orgs/{org}/actions/permissions/selected-actions"
        ],
        setAllowedActionsRepository: [
          "PUT /repos/{owner}/{repo}/actions/permissions/selected-actions"
        ],
        setCustomLabelsForSelfHostedRunnerForOrg: [
          "PUT /orgs/{org}/actions/runners/{runner_id}/labels"
        ],
        setCustomLabelsForSelfHostedRunnerForRepo: [
          "PUT /repos/{owner}/{repo}/actions/runners/{runner_id}/labels"
        ],
        setCustomOidcSubClaimForRepo: [
          "PUT /repos/{owner}/{repo}/actions/oidc/customization/sub"
        ],
        setGithubActionsDefaultWorkflowPermissionsOrganization: [
          "PUT /orgs/{org}/actions/permissions/workflow"
        ],
        setGithubActionsDefaultWorkflowPermissionsRepository: [
          "PUT /repos/{owner}/{repo}/actions/permissions/workflow"
        ],
        setGithubActionsPermissionsOrganization: [
          "PUT /orgs/{org}/actions/permissions"
        ],
        setGithubActionsPermissionsRepository: [
          "PUT /repos/{owner}/{repo}/actions/permissions"
        ],
        setSelectedReposForOrgSecret: [
          "PUT /orgs/{org}/actions/secrets/{secret_name}/repositories"
        ],
        setSelectedReposForOrgVariable: [
          "PUT /orgs/{org}/actions/variables/{name}/repositories"
        ],
        setSelectedRepositoriesEnabledGithubActionsOrganization: [
          "PUT /orgs/{org}/actions/permissions/repositories"
        ],
        setWorkflowAccessToRepository: [
          "PUT /repos/{owner}/{repo}/actions/permissions/access"
        ],
        updateEnvironmentVariable: [
          "PATCH /repos/{owner}/{repo}/environments/{environment_name}/variables/{name}"
        ],
        updateHostedRunnerForOrg: [
          "PATCH /orgs/{org}/actions/hosted-runners/{hosted_runner_id}"
        ],
        updateOrgVariable: ["PATCH /orgs/{org}/actions/variables/{name}"],
        updateRepoVariable: [
          "PATCH /repos/{owner}/{repo}/actions/variables/{name}"
        ]
      },
      activity: {
        checkRepoIsStarredByAuthenticatedUser: ["GET /user/starred/{owner}/{repo}"],
        deleteRepoSubscription: ["DELETE /repos/{owner}/{repo}/subscription"],
        deleteThreadSubscription: [
          "DELETE /notifications/threads/{thread_id}/subscription"
        ],
        getFeeds: ["GET /feeds"],
        getRepoSubscription: ["GET /repos/{owner}/{repo}/subscription"],
        getThread: ["GET /notifications/threads/{thread_id}"],
        getThreadSubscriptionForAuthenticatedUser: [
          "GET /notifications/threads/{thread_id}/subscription"
        ],
        listEventsForAuthenticatedUser: ["GET /users/{username}/events"],
        listNotificationsForAuthenticatedUser: ["GET /notifications"],
        listOrgEventsForAuthenticatedUser: [
          "GET /users/{username}/events/orgs/{org}"
        ],
        listPublicEvents: ["GET /events"],
        listPublicEventsForRepoNetwork: ["GET /networks/{owner}/{repo}/events"],
        listPublicEventsForUser: ["GET /users/{username}/events/public"],
        listPublicOrgEvents: ["GET /orgs/{org}/events"],
        listReceivedEventsForUser: ["GET /users/{username}/received_events"],
        listReceivedPublicEventsForUser: [
          "GET /users/{username}/received_events/public"
        ],
        listRepoEvents: ["GET /repos/{owner}/{repo}/events"],
        listRepoNotificationsForAuthenticatedUser: [
          "GET /repos/{owner}/{repo}/notifications"
        ],
        listReposStarredByAuthenticatedUser: ["GET /user/starred"],
        listReposStarredByUser: ["GET /users/{username}/starred"],
        listReposWatchedByUser: ["GET /users/{username}/subscriptions"],
        listStargazersForRepo: ["GET /repos/{owner}/{repo}/stargazers"],
        listWatchedReposForAuthenticatedUser: ["GET /user/subscriptions"],
        listWatchersForRepo: ["GET /repos/{owner}/{repo}/subscribers"],
        markNotificationsAsRead: ["PUT /notifications"],
        markRepoNotificationsAsRead: ["PUT /repos/{owner}/{repo}/notifications"],
        markThreadAsDone: ["DELETE /notifications/threads/{thread_id}"],
        markThreadAsRead: ["PATCH /notifications/threads/{thread_id}"],
        setRepoSubscription: ["PUT /repos/{owner}/{repo}/subscription"],
        setThreadSubscription: [
          "PUT /notifications/threads/{thread_id}/subscription"
        ],
        starRepoForAuthenticatedUser: ["PUT /user/starred/{owner}/{repo}"],
        unstarRepoForAuthenticatedUser: ["DELETE /user/starred/{owner}/{repo}"]
      },
      apps: {
        addRepoToInstallation: [
          "PUT /user/installations/{installation_id}/repositories/{repository_id}",
          {},
          { renamed: ["apps", "addRepoToInstallationForAuthenticatedUser"] }
        ],
        addRepoToInstallationForAuthenticatedUser: [
          "PUT /user/installations/{installation_id}/repositories/{repository_id}"
        ],
        checkToken: ["POST /applications/{client_id}/token"],
        createFromManifest: ["POST /app-manifests/{code}/conversions"],
        createInstallationAccessToken: [
          "POST /app/installations/{installation_id}/access_tokens"
        ],
        deleteAuthorization: ["DELETE /applications/{client_id}/grant"],
        deleteInstallation: ["DELETE /app/installations/{installation_id}"],
        deleteToken: ["DELETE /applications/{client_id}/token"],
        getAuthenticated: ["GET /app"],
        getBySlug: ["GET /apps/{app_slug}"],
        getInstallation: ["GET /app/installations/{installation_id}"],
        getOrgInstallation: ["GET /orgs/{org}/installation"],
        getRepoInstallation: ["GET /repos/{owner}/{repo}/installation"],
        getSubscriptionPlanForAccount: [
          "GET /marketplace_listing/accounts/{account_id}"
        ],
        getSubscriptionPlanForAccountStubbed: [
          "GET /marketplace_listing/stubbed/accounts/{account_id}"
        ],
        getUserInstallation: ["GET /users/{username}/installation"],
        getWebhookConfigForApp: ["GET /app/hook/config"],
        getWebhookDelivery: ["GET /app/hook/deliveries/{delivery_id}"],
        listAccountsForPlan: ["GET /marketplace_listing/plans/{plan_id}/accounts"],
        listAccountsForPlanStubbed: [
          "GET /marketplace_listing/stubbed/plans/{plan_id}/accounts"
        ],
        listInstallationReposForAuthenticatedUser: [
          "GET /user/installations/{installation_id}/repositories"
        ],
        listInstallationRequestsForAuthenticatedApp: [
          "GET /app/installation-requests"
        ],
        listInstallations: ["GET /app/installations"],
        listInstallationsForAuthenticatedUser: ["GET /user/installations"],
        listPlans: ["GET /marketplace_listing/plans"],
        listPlansStubbed: ["GET /marketplace_listing/stubbed/plans"],
        listReposAccessibleToInstallation: ["GET /installation/repositories"],
        listSubscriptionsForAuthenticatedUser: ["GET /user/marketplace_purchases"],
        listSubscriptionsForAuthenticatedUserStubbed: [
          "GET /user/marketplace_purchases/stubbed"
        ],
        listWebhookDeliveries: ["GET /app/hook/deliveries"],
        redeliverWebhookDelivery: [
          "POST /app/hook/deliveries/{delivery_id}/attempts"
        ],
        removeRepoFromInstallation: [
          "DELETE /user/installations/{installation_id}/repositories/{repository_id}",
          {},
          { renamed: ["apps", "removeRepoFromInstallationForAuthenticatedUser"] }
        ],
        removeRepoFromInstallationForAuthenticatedUser: [
          "DELETE /user/installations/{installation_id}/repositories/{repository_id}"
        ],
        resetToken: ["PATCH /applications/{client_id}/token"],
        revokeInstallationAccessToken: ["DELETE /installation/token"],
        scopeToken: ["POST /applications/{client_id}/token/scoped"],
        suspendInstallation: ["PUT /app/installations/{installation_id}/suspended"],
        unsuspendInstallation: [
          "DELETE /app/installations/{installation_id}/suspended"
        ],
        updateWebhookConfigForApp: ["PATCH /app/hook/config"]
      },
      billing: {
        getGithubActionsBillingOrg: ["GET /orgs/{org}/settings/billing/actions"],
        getGithubActionsBillingUser: [
          "GET /users/{username}/settings/billing/actions"
        ],
        getGithubBillingPremiumRequestUsageReportOrg: [
          "GET /organizations/{org}/settings/billing/premium_request/usage"
        ],
        getGithubBillingPremiumRequestUsageReportUser: [
          "GET /users/{username}/settings/billing/premium_request/usage"
        ],
        getGithubBillingUsageReportOrg: [
          "GET /organizations/{org}/settings/billing/usage"
        ],
        getGithubBillingUsageReportUser: [
          "GET /users/{username}/settings/billing/usage"
        ],
        getGithubPackagesBillingOrg: ["GET /orgs/{org}/settings/billing/packages"],
        getGithubPackagesBillingUser: [
          "GET /users/{username}/settings/billing/packages"
        ],
        getSharedStorageBillingOrg: [
          "GET /orgs/{org}/settings/billing/shared-storage"
        ],
        getSharedStorageBillingUser: [
          "GET /users/{username}/settings/billing/shared-storage"
        ]
      },
      campaigns: {
        createCampaign: ["POST /orgs/{org}/campaigns"],
        deleteCampaign: ["DELETE /orgs/{org}/campaigns/{campaign_number}"],
        getCampaignSummary: ["GET /orgs/{org}/campaigns/{campaign_number}"],
        listOrgCampaigns: ["GET /orgs/{org}/campaigns"],
        updateCampaign: ["PATCH /orgs/{org}/campaigns/{campaign_number}"]
      },
      checks: {
        create: ["POST /repos/{owner}/{repo}/check-runs"],
        createSuite: ["POST /repos/{owner}/{repo}/check-suites"],
        get: ["GET /repos/{owner}/{repo}/check-runs/{check_run_id}"],
        getSuite: ["GET /repos/{owner}/{repo}/check-suites/{check_suite_id}"],
        listAnnotations: [
          "GET /repos/{owner}/{repo}/check-runs/{check_run_id}/annotations"
        ],
        listForRef: ["GET /repos/{owner}/{repo}/commits/{ref}/check-runs"],
        listForSuite: [
          "GET /repos/{owner}/{repo}/check-suites/{check_suite_id}/check-runs"
        ],
        listSuitesForRef: ["GET /repos/{owner}/{repo}/commits/{ref}/check-suites"],
        rerequestRun: [
          "POST /repos/{owner}/{repo}/check-runs/{check_run_id}/rerequest"
        ],
        rerequestSuite: [
          "POST /repos/{owner}/{repo}/check-suites/{check_suite_id}/rerequest"
        ],
        setSuitesPreferences: [
          "PATCH /repos/{owner}/{repo}/check-suites/preferences"
        ],
        update: ["PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}"]
      },
      codeScanning: {
        commitAutofix: [
          "POST /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}/autofix/commits"
        ],
        createAutofix: [
          "POST /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}/autofix"
        ],
        createVariantAnalysis: [
          "POST /repos/{owner}/{repo}/code-scanning/codeql/variant-analyses"
        ],
        deleteAnalysis: [
          "DELETE /repos/{owner}/{repo}/code-scanning/analyses/{analysis_id}{?confirm_delete}"
        ],
        deleteCodeqlDatabase: [
          "DELETE /repos/{owner}/{repo}/code-scanning/codeql/databases/{language}"
        ],
        getAlert: [
          "GET /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}",
          {},
          { renamedParameters: { alert_id: "alert_number" } }
        ],
        getAnalysis: [
          "GET /repos/{owner}/{repo}/code-scanning/analyses/{analysis_id}"
        ],
        getAutofix: [
          "GET /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}/autofix"
        ],
        getCodeqlDatabase: [
          "GET /repos/{owner}/{repo}/code-scanning/codeql/databases/{language}"
        ],
        getDefaultSetup: ["GET /repos/{owner}/{repo}/code-scanning/default-setup"],
        getSarif: ["GET /repos/{owner}/{repo}/code-scanning/sarifs/{sarif_id}"],
        getVariantAnalysis: [
          "GET /repos/{owner}/{repo}/code-scanning/codeql/variant-analyses/{codeql_variant_analysis_id}"
        ],
        getVariantAnalysisRepoTask: [
          "GET /repos/{owner}/{repo}/code-scanning/codeql/variant-analyses/{codeql_variant_analysis_id}/repos/{repo_owner}/{repo_name}"
        ],
        listAlertInstances: [
          "GET /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}/instances"
        ],
        listAlertsForOrg: ["GET /orgs/{org}/code-scanning/alerts"],
        listAlertsForRepo: ["GET /repos/{owner}/{repo}/code-scanning/alerts"],
        listAlertsInstances: [
          "GET /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}/instances",
          {},
          { renamed: ["codeScanning", "listAlertInstances"] }
        ],
        listCodeqlDatabases: [
          "GET /repos/{owner}/{repo}/code-scanning/codeql/databases"
        ],
        listRecentAnalyses: ["GET /repos/{owner}/{repo}/code-scanning/analyses"],
        updateAlert: [
          "PATCH /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}"
        ],
        updateDefaultSetup: [
          "PATCH /repos/{owner}/{repo}/code-scanning/default-setup"
        ],
        uploadSarif: ["POST /repos/{owner}/{repo}/code-scanning/sarifs"]
      },
      codeSecurity: {
        attachConfiguration: [
          "POST /orgs/{org}/code-security/configurations/{configuration_id}/attach"
        ],
        attachEnterpriseConfiguration: [
          "POST /enterprises/{enterprise}/code-security/configurations/{configuration_id}/attach"
        ],
        createConfiguration: ["POST /orgs/{org}/code-security/configurations"],
        createConfigurationForEnterprise: [
          "POST /enterprises/{enterprise}/code-security/configurations"
        ],
        deleteConfiguration: [
          "DELETE /orgs/{org}/code-security/configurations/{configuration_id}"
        ],
        deleteConfigurationForEnterprise: [
          "DELETE /enterprises/{enterprise}/code-security/configurations/{configuration_id}"
        ],
        detachConfiguration: [
          "DELETE /orgs/{org}/code-security/configurations/detach"
        ],
        getConfiguration: [
          "GET /orgs/{org}/code-security/configurations/{configuration_id}"
        ],
        getConfigurationForRepository: [
          "GET /repos/{owner}/{repo}/code-security-configuration"
        ],
        getConfigurationsForEnterprise: [
          "GET /enterprises/{enterprise}/code-security/configurations"
        ],
        getConfigurationsForOrg: ["GET /orgs/{org}/code-security/configurations"],
        getDefaultConfigurations: [
          "GET /orgs/{org}/code-security/configurations/defaults"
        ],
        getDefaultConfigurationsForEnterprise: [
          "GET /enterprises/{enterprise}/code-security/configurations/defaults"
        ],
        getRepositoriesForConfiguration: [
          "GET /orgs/{org}/code-security/configurations/{configuration_id}/repositories"
        ],
        getRepositoriesForEnterpriseConfiguration: [
          "GET /enterprises/{enterprise}/code-security/configurations/{configuration_id}/repositories"
        ],
        getSingleConfigurationForEnterprise: [
          "GET /enterprises/{enterprise}/code-security/configurations/{configuration_id}"
        ],
        setConfigurationAsDefault: [
          "PUT /orgs/{org}/code-security/configurations/{configuration_id}/defaults"
        ],
        setConfigurationAsDefaultForEnterprise: [
          "PUT /enterprises/{enterprise}/code-security/configurations/{configuration_id}/defaults"
        ],
        updateConfiguration: [
          "PATCH /orgs/{org}/code-security/configurations/{configuration_id}"
        ],
        updateEnterpriseConfiguration: [
          "PATCH /enterprises/{enterprise}/code-security/configurations/{configuration_id}"
        ]
      },
      codesOfConduct: {
        getAllCodesOfConduct: ["GET /codes_of_conduct"],
        getConductCode: ["GET /codes_of_conduct/{key}"]
      },
      codespaces: {
        addRepositoryForSecretForAuthenticatedUser: [
          "PUT /user/codespaces/secrets/{secret_name}/repositories/{repository_id}"
        ],
        addSelectedRepoToOrgSecret: [
          "PUT /orgs/{org}/codespaces/secrets/{secret_name}/repositories/{repository_id}"
        ],
        checkPermissionsForDevcontainer: [
          "GET /repos/{owner}/{repo}/codespaces/permissions_check"
        ],
        codespaceMachinesForAuthenticatedUser: [
          "GET /user/codespaces/{codespace_name}/machines"
        ],
        createForAuthenticatedUser: ["POST /user/codespaces"],
        createOrUpdateOrgSecret: [
          "PUT /orgs/{org}/codespaces/secrets/{secret_name}"
        ],
        createOrUpdateRepoSecret: [
          "PUT /repos/{owner}/{repo}/codespaces/secrets/{secret_name}"
        ],
        createOrUpdateSecretForAuthenticatedUser: [
          "PUT /user/codespaces/secrets/{secret_name}"
        ],
        createWithPrForAuthenticatedUser: [
          "POST /repos/{owner}/{repo}/pulls/{pull_number}/codespaces"
        ],
        createWithRepoForAuthenticatedUser: [
          "POST /repos/{owner}/{repo}/codespaces"
        ],
        deleteForAuthenticatedUser: ["DELETE /user/codespaces/{codespace_name}"],
        deleteFromOrganization: [
          "DELETE /orgs/{org}/members/{username}/codespaces/{codespace_name}"
        ],
        deleteOrgSecret: ["DELETE /orgs/{org}/codespaces/secrets/{secret_name}"],
        deleteRepoSecret: [
          "DELETE /repos/{owner}/{repo}/codespaces/secrets/{secret_name}"
        ],
        deleteSecretForAuthenticatedUser: [
          "DELETE /user/codespaces/secrets/{secret_name}"
        ],
        exportForAuthenticatedUser: [
          "POST /user/codespaces/{codespace_name}/exports"
        ],
        getCodespacesForUserInOrg: [
          "GET /orgs/{org}/members/{username}/codespaces"
        ],
        getExportDetailsForAuthenticatedUser: [
          "GET /user/codespaces/{codespace_name}/exports/{export_id}"
        ],
        getForAuthenticatedUser: ["GET /user/codespaces/{codespace_name}"],
        getOrgPublicKey: ["GET /orgs/{org}/codespaces/secrets/public-key"],
        getOrgSecret: ["GET /orgs/{org}/codespaces/secrets/{secret_name}"],
        getPublicKeyForAuthenticatedUser: [
          "GET /user/codespaces/secrets/public-key"
        ],
        getRepoPublicKey: [
          "GET /repos/{owner}/{repo}/codespaces/secrets/public-key"
        ],
        getRepoSecret: [
          "GET /repos/{owner}/{repo}/codespaces/secrets/{secret_name}"
        ],
        getSecretForAuthenticatedUser: [
          "GET /user/codespaces/secrets/{secret_name}"
        ],
        listDevcontainersInRepositoryForAuthenticatedUser: [
          "GET /repos/{owner}/{repo}/codespaces/devcontainers"
        ],
        listForAuthenticatedUser: ["GET /user/codespaces"],
        listInOrganization: [
          "GET /orgs/{org}/codespaces",
          {},
          { renamedParameters: { org_id: "org" } }
        ],
        listInRepositoryForAuthenticatedUser: [
          "GET /repos/{owner}/{repo}/codespaces"
        ],
        listOrgSecrets: ["GET /orgs/{org}/codespaces/secrets"],
        listRepoSecrets: ["GET /repos/{owner}/{repo}/codespaces/secrets"],
        listRepositoriesForSecretForAuthenticatedUser: [
          "GET /user/codespaces/secrets/{secret_name}/repositories"
        ],
        listSecretsForAuthenticatedUser: ["GET /user/codespaces/secrets"],
        listSelectedReposForOrgSecret: [
          "GET /orgs/{org}/codespaces/secrets/{secret_name}/repositories"
        ],
        preFlightWithRepoForAuthenticatedUser: [
          "GET /repos/{owner}/{repo}/codespaces/new"
        ],
        publishForAuthenticatedUser: [
          "POST /user/codespaces/{codespace_name}/publish"
        ],
        removeRepositoryForSecretForAuthenticatedUser: [
          "DELETE /user/codespaces/secrets/{secret_name}/repositories/{repository_id}"
        ],
        removeSelectedRepoFromOrgSecret: [
          "DELETE /orgs/{org}/codespaces/secrets/{secret_name}/repositories/{repository_id}"
        ],
        repoMachinesForAuthenticatedUser: [
          "GET /repos/{owner}/{repo}/codespaces/machines"
        ],
        setRepositoriesForSecretForAuthenticatedUser: [
          "PUT /user/codespaces/secrets/{secret_name}/repositories"
        ],
        setSelectedReposForOrgSecret: [
          "PUT /orgs/{org}/codespaces/secrets/{secret_name}/repositories"
        ],
        startForAuthenticatedUser: ["POST /user/codespaces/{codespace_name}/start"],
        stopForAuthenticatedUser: ["POST /user/codespaces/{codespace_name}/stop"],
        stopInOrganization: [
          "POST /orgs/{org}/members/{username}/codespaces/{codespace_name}/stop"
        ],
        updateForAuthenticatedUser: ["PATCH /user/codespaces/{codespace_name}"]
      },
      copilot: {
        addCopilotSeatsForTeams: [
          "POST /orgs/{org}/copilot/billing/selected_teams"
        ],
        addCopilotSeatsForUsers: [
          "POST /orgs/{org}/copilot/billing/selected_users"
        ],
        cancelCopilotSeatAssignmentForTeams: [
          "DELETE /orgs/{org}/copilot/billing/selected_teams"
        ],
        cancelCopilotSeatAssignmentForUsers: [
          "DELETE /orgs/{org}/copilot/billing/selected_users"
        ],
        copilotMetricsForOrganization: ["GET /orgs/{org}/copilot/metrics"],
        copilotMetricsForTeam: ["GET /orgs/{org}/team/{team_slug}/copilot/metrics"],
        getCopilotOrganizationDetails: ["GET /orgs/{org}/copilot/billing"],
        getCopilotSeatDetailsForUser: [
          "GET /orgs/{org}/members/{username}/copilot"
        ],
        listCopilotSeats: ["GET /orgs/{org}/copilot/billing/seats"]
      },
      credentials: { revoke: ["POST /credentials/revoke"] },
      dependabot: {
        addSelectedRepoToOrgSecret: [
          "PUT /orgs/{org}/dependabot/secrets/{secret_name}/repositories/{repository_id}"
        ],
        createOrUpdateOrgSecret: [
          "PUT /orgs/{org}/dependabot/secrets/{secret_name}"
        ],
        createOrUpdateRepoSecret: [
          "PUT /repos/{owner}/{repo}/dependabot/secrets/{secret_name}"
        ],
        deleteOrgSecret: ["DELETE /orgs/{org}/dependabot/secrets/{secret_name}"],
        deleteRepoSecret: [
          "DELETE /repos/{owner}/{repo}/dependabot/secrets/{secret_name}"
        ],
        getAlert: ["GET /repos/{owner}/{repo}/dependabot/alerts/{alert_number}"],
        getOrgPublicKey: ["GET /orgs/{org}/dependabot/secrets/public-key"],
        getOrgSecret: ["GET /orgs/{org}/dependabot/secrets/{secret_name}"],
        getRepoPublicKey: [
          "GET /repos/{owner}/{repo}/dependabot/secrets/public-key"
        ],
        getRepoSecret: [
          "GET /repos/{owner}/{repo}/dependabot/secrets/{secret_name}"
        ],
        listAlertsForEnterprise: [
          "GET /enterprises/{enterprise}/dependabot/alerts"
        ],
        listAlertsForOrg: ["GET /orgs/{org}/dependabot/alerts"],
        listAlertsForRepo: ["GET /repos/{owner}/{repo}/dependabot/alerts"],
        listOrgSecrets: ["GET /orgs/{org}/dependabot/secrets"],
        listRepoSecrets: ["GET /repos/{owner}/{repo}/dependabot/secrets"],
        listSelectedReposForOrgSecret: [
          "GET /orgs/{org}/dependabot/secrets/{secret_name}/repositories"
        ],
        removeSelectedRepoFromOrgSecret: [
          "DELETE /orgs/{org}/dependabot/secrets/{secret_name}/repositories/{repository_id}"
        ],
        repositoryAccessForOrg: [
          "GET /organizations/{org}/dependabot/repository-access"
        ],
        setRepositoryAccessDefaultLevel: [
          "PUT /organizations/{org}/dependabot/repository-access/default-level"
        ],
        setSelectedReposForOrgSecret: [
          "PUT /orgs/{org}/dependabot/secrets/{secret_name}/repositories"
        ],
        updateAlert: [
          "PATCH /repos/{owner}/{repo}/dependabot/alerts/{alert_number}"
        ],
        updateRepositoryAccessForOrg: [
          "PATCH /organizations/{org}/dependabot/repository-access"
        ]
      },
      dependencyGraph: {
        createRepositorySnapshot: [
          "POST /repos/{owner}/{repo}/dependency-graph/snapshots"
        ],
        diffRange: [
          "GET /repos/{owner}/{repo}/dependency-graph/compare/{basehead}"
        ],
        exportSbom: ["GET /repos/{owner}/{repo}/dependency-graph/sbom"]
      },
      emojis: { get: ["GET /emojis"] },
      enterpriseTeamMemberships: {
        add: [
          "PUT /enterprises/{enterprise}/teams/{enterprise-team}/memberships/{username}"
        ],
        bulkAdd: [
          "POST /enterprises/{enterprise}/teams/{enterprise-team}/memberships/add"
        ],
        bulkRemove: [
          "POST /enterprises/{enterprise}/teams/{enterprise-team}/memberships/remove"
        ],
        get: [
          "GET /enterprises/{enterprise}/teams/{enterprise-team}/memberships/{username}"
        ],
        list: ["GET /enterprises/{enterprise}/teams/{enterprise-team}/memberships"],
        remove: [
          "DELETE /enterprises/{enterprise}/teams/{enterprise-team}/memberships/{username}"
        ]
      },
      enterpriseTeamOrganizations: {
        add: [
          "PUT /enterprises/{enterprise}/teams/{enterprise-team}/organizations/{org}"
        ],
        bulkAdd: [
          "POST /enterprises/{enterprise}/teams/{enterprise-team}/organizations/add"
        ],
        bulkRemove: [
          "POST /enterprises/{enterprise}/teams/{enterprise-team}/organizations/remove"
        ],
        delete: [
          "DELETE /enterprises/{enterprise}/teams/{enterprise-team}/organizations/{org}"
        ],
        getAssignment: [
          "GET /enterprises/{enterprise}/teams/{enterprise-team}/organizations/{org}"
        ],
        getAssignments: [
          "GET /enterprises/{enterprise}/teams/{enterprise-team}/organizations"
        ]
      },
      enterpriseTeams: {
        create: ["POST /enterprises/{enterprise}/teams"],
        delete: ["DELETE /enterprises/{enterprise}/teams/{team_slug}"],
        get: ["GET /enterprises/{enterprise}/teams/{team_slug}"],
        list: ["GET /enterprises/{enterprise}/teams"],
        update: ["PATCH /enterprises/{enterprise}/teams/{team_slug}"]
      },
      gists: {
        checkIsStarred: ["GET /gists/{gist_id}/star"],
        create: ["POST /gists"],
        createComment: ["POST /gists/{gist_id}/comments"],
        delete: ["DELETE /gists/{gist_id}"],
        deleteComment: ["DELETE /gists/{gist_id}/comments/{comment_id}"],
        fork: ["POST /gists/{gist_id}/forks"],
        get: ["GET /gists/{gist_id}"],
        getComment: ["GET /gists/{gist_id}/comments/{comment_id}"],
        getRevision: ["GET /gists/{gist_id}/{sha}"],
        list: ["GET /gists"],
        listComments: ["GET /gists/{gist_id}/comments"],
        listCommits: ["GET /gists/{gist_id}/commits"],
        listForUser: ["GET /users/{username}/gists"],
        listForks: ["GET /gists/{gist_id}/forks"],
        listPublic: ["GET /gists/public"],
        listStarred: ["GET /gists/starred"],
        star: ["PUT /gists/{gist_id}/star"],
        unstar: ["DELETE /gists/{gist_id}/star"],
        update: ["PATCH /gists/{gist_id}"],
        updateComment: ["PATCH /gists/{gist_id}/comments/{comment_id}"]
      },
      git: {
        createBlob: ["POST /repos/{owner}/{repo}/git/blobs"],
        createCommit: ["POST /repos/{owner}/{repo}/git/commits"],
        createRef: ["POST /repos/{owner}/{repo}/git/refs"],
        createTag: ["POST /repos/{owner}/{repo}/git/tags"],
        createTree: ["POST /repos/{owner}/{repo}/git/trees"],
        deleteRef: ["DELETE /repos/{owner}/{repo}/git/refs/{ref}"],
        getBlob: ["GET /repos/{owner}/{repo}/git/blobs/{file_sha}"],
        getCommit: ["GET /repos/{owner}/{repo}/git/commits/{commit_sha}"],
        getRef: ["GET /repos/{owner}/{repo}/git/ref/{ref}"],
        getTag: ["GET /repos/{owner}/{repo}/git/tags/{tag_sha}"],
        getTree: ["GET /repos/{owner}/{repo}/git/trees/{tree_sha}"],
        listMatchingRefs: ["GET /repos/{owner}/{repo}/git/matching-refs/{ref}"],
        updateRef: ["PATCH /repos/{owner}/{repo}/git/refs/{ref}"]
      },
      gitignore: {
        getAllTemplates: ["GET /gitignore/templates"],
        getTemplate: ["GET /gitignore/templates/{name}"]
      },
      hostedCompute: {
        createNetworkConfigurationForOrg: [
          "POST /orgs/{org}/settings/network-configurations"
        ],
        deleteNetworkConfigurationFromOrg: [
          "DELETE /orgs/{org}/settings/network-configurations/{network_configuration_id}"
        ],
        getNetworkConfigurationForOrg: [
          "GET /orgs/{org}/settings/network-configurations/{network_configuration_id}"
        ],
        getNetworkSettingsForOrg: [
          "GET /orgs/{org}/settings/network-settings/{network_settings_id}"
        ],
        listNetworkConfigurationsForOrg: [
          "GET /orgs/{org}/settings/network-configurations"
        ],
        updateNetworkConfigurationForOrg: [
          "PATCH /orgs/{org}/settings/network-configurations/{network_configuration_id}"
        ]
      },
      interactions: {
        getRestrictionsForAuthenticatedUser: ["GET /user/interaction-limits"],
        getRestrictionsForOrg: ["GET /orgs/{org}/interaction-limits"],
        getRestrictionsForRepo: ["GET /repos/{owner}/{repo}/interaction-limits"],
        getRestrictionsForYourPublicRepos: [
          "GET /user/interaction-limits",
          {},
          { renamed: ["interactions", "getRestrictionsForAuthenticatedUser"] }
        ],
        removeRestrictionsForAuthenticatedUser: ["DELETE /user/interaction-limits"],
        removeRestrictionsForOrg: ["DELETE /orgs/{org}/interaction-limits"],
        removeRestrictionsForRepo: [
          "DELETE /repos/{owner}/{repo}/interaction-limits"
        ],
        removeRestrictionsForYourPublicRepos: [
          "DELETE /user/interaction-limits",
          {},
          { renamed: ["interactions", "removeRestrictionsForAuthenticatedUser"] }
        ],
        setRestrictionsForAuthenticatedUser: ["PUT /user/interaction-limits"],
        setRestrictionsForOrg: ["PUT /orgs/{org}/interaction-limits"],
        setRestrictionsForRepo: ["PUT /repos/{owner}/{repo}/interaction-limits"],
        setRestrictionsForYourPublicRepos: [
          "PUT /user/interaction-limits",
          {},
          { renamed: ["interactions", "setRestrictionsForAuthenticatedUser"] }
        ]
      },
      issues: {
        addAssignees: [
          "POST /repos/{owner}/{repo}/issues/{issue_number}/assignees"
        ],
        addBlockedByDependency: [
          "POST /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by"
        ],
        addLabels: ["POST /repos/{owner}/{repo}/issues/{issue_number}/labels"],
        addSubIssue: [
          "POST /repos/{owner}/{repo}/issues/{issue_number}/sub_issues"
        ],
        checkUserCanBeAssigned: ["GET /repos/{owner}/{repo}/assignees/{assignee}"],
        checkUserCanBeAssignedToIssue: [
          "GET /repos/{owner}/{repo}/issues/{issue_number}/assignees/{assignee}"
        ],
        create: ["POST /repos/{owner}/{repo}/issues"],
        createComment: [
          "POST /repos/{owner}/{repo}/issues/{issue_number}/comments"
        ],
        createLabel: ["POST /repos/{owner}/{repo}/labels"],
        createMilestone: ["POST /repos/{owner}/{repo}/milestones"],
        deleteComment: [
          "DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}"
        ],
        deleteLabel: ["DELETE /repos/{owner}/{repo}/labels/{name}"],
        deleteMilestone: [
          "DELETE /repos/{owner}/{repo}/milestones/{milestone_number}"
        ],
        get: ["GET /repos/{owner}/{repo}/issues/{issue_number}"],
        getComment: ["GET /repos/{owner}/{repo}/issues/comments/{comment_id}"],
        getEvent: ["GET /repos/{owner}/{repo}/issues/events/{event_id}"],
        getLabel: ["GET /repos/{owner}/{repo}/labels/{name}"],
        getMilestone: ["GET /repos/{owner}/{repo}/milestones/{milestone_number}"],
        getParent: ["GET /repos/{owner}/{repo}/issues/{issue_number}/parent"],
        list: ["GET /issues"],
        listAssignees: ["GET /repos/{owner}/{repo}/assignees"],
        listComments: ["GET /repos/{owner}/{repo}/issues/{issue_number}/comments"],
        listCommentsForRepo: ["GET /repos/{owner}/{repo}/issues/comments"],
        listDependenciesBlockedBy: [
          "GET /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by"
        ],
        listDependenciesBlocking: [
          "GET /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocking"
        ],
        listEvents: ["GET /repos/{owner}/{repo}/issues/{issue_number}/events"],
        listEventsForRepo: ["GET /repos/{owner}/{repo}/issues/events"],
        listEventsForTimeline: [
          "GET /repos/{owner}/{repo}/issues/{issue_number}/timeline"
        ],
        listForAuthenticatedUser: ["GET /user/issues"],
        listForOrg: ["GET /orgs/{org}/issues"],
        listForRepo: ["GET /repos/{owner}/{repo}/issues"],
        listLabelsForMilestone: [
          "GET /repos/{owner}/{repo}/milestones/{milestone_number}/labels"
        ],
        listLabelsForRepo: ["GET /repos/{owner}/{repo}/labels"],
        listLabelsOnIssue: [
          "GET /repos/{owner}/{repo}/issues/{issue_number}/labels"
        ],
        listMilestones: ["GET /repos/{owner}/{repo}/milestones"],
        listSubIssues: [
          "GET /repos/{owner}/{repo}/issues/{issue_number}/sub_issues"
        ],
        lock: ["PUT /repos/{owner}/{repo}/issues/{issue_number}/lock"],
        removeAllLabels: [
          "DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels"
        ],
        removeAssignees: [
          "DELETE /repos/{owner}/{repo}/issues/{issue_number}/assignees"
        ],
        removeDependencyBlockedBy: [
          "DELETE /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by/{issue_id}"
        ],
        removeLabel: [
          "DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}"
        ],
        removeSubIssue: [
          "DELETE /repos/{owner}/{repo}/issues/{issue_number}/sub_issue"
        ],
        reprioritizeSubIssue: [
          "PATCH /repos/{owner}/{repo}/issues/{issue_number}/sub_issues/priority"
        ],
        setLabels: ["PUT /repos/{owner}/{repo}/issues/{issue_number}/labels"],
        unlock: ["DELETE /repos/{owner}/{repo}/issues/{issue_number}/lock"],
        update: ["PATCH /repos/{owner}/{repo}/issues/{issue_number}"],
        updateComment: ["PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}"],
        updateLabel: ["PATCH /repos/{owner}/{repo}/labels/{name}"],
        updateMilestone: [
          "PATCH /repos/{owner}/{repo}/milestones/{milestone_number}"
        ]
      },
      licenses: {
        get: ["GET /licenses/{license}"],
        getAllCommonlyUsed: ["GET /licenses"],
        getForRepo: ["GET /repos/{owner}/{repo}/license"]
      },
      markdown: {
        render: ["POST /markdown"],
        renderRaw: [
          "POST /markdown/raw",
          { headers: { "content-type": "text/plain; charset=utf-8" } }
        ]
      },
      meta: {
        get: ["GET /meta"],
        getAllVersions: ["GET /versions"],
        getOctocat: ["GET /octocat"],
        getZen: ["GET /zen"],
        root: ["GET /"]
      },
      migrations: {
        deleteArchiveForAuthenticatedUser: [
          "DELETE /user/migrations/{migration_id}/archive"
        ],
        deleteArchiveForOrg: [
          "DELETE /orgs/{org}/migrations/{migration_id}/archive"
        ],
        downloadArchiveForOrg: [
          "GET /orgs/{org}/migrations/{migration_id}/archive"
        ],
        getArchiveForAuthenticatedUser: [
          "GET /user/migrations/{migration_id}/archive"
        ],
        getStatusForAuthenticatedUser: ["GET /user/migrations/{migration_id}"],
        getStatusForOrg: ["GET /orgs/{org}/migrations/{migration_id}"],
        listForAuthenticatedUser: ["GET /user/migrations"],
        listForOrg: ["GET /orgs/{org}/migrations"],
        listReposForAuthenticatedUser: [
          "GET /user/migrations/{migration_id}/repositories"
        ],
        listReposForOrg: ["GET /orgs/{org}/migrations/{migration_id}/repositories"],
        listReposForUser: [
          "GET /user/migrations/{migration_id}/repositories",
          {},
          { renamed: ["migrations", "listReposForAuthenticatedUser"] }
        ],
        startForAuthenticatedUser: ["POST /user/migrations"],
        startForOrg: ["POST /orgs/{org}/migrations"],
        unlockRepoForAuthenticatedUser: [
          "DELETE /user/migrations/{migration_id}/repos/{repo_name}/lock"
        ],
        unlockRepoForOrg: [
          "DELETE /orgs/{org}/migrations/{migration_id}/repos/{repo_name}/lock"
        ]
      },
      oidc: {
        getOidcCustomSubTemplateForOrg: [
          "GET /orgs/{org}/actions/oidc/customization/sub"
        ],
        updateOidcCustomSubTemplateForOrg: [
          "PUT /orgs/{org}/actions/oidc/customization/sub"
        ]
      },
      orgs: {
        addSecurityManagerTeam: [
          "PUT /orgs/{org}/security-managers/teams/{team_slug}",
          {},
          {
            deprecated: "octokit.rest.orgs.addSecurityManagerTeam() is deprecated, see https://docs.github.com/rest/orgs/security-managers#add-a-security-manager-team"
          }
        ],
        assignTeamToOrgRole: [
          "PUT /orgs/{org}/organization-roles/teams/{team_slug}/{role_id}"
        ],
        assignUserToOrgRole: [
          "PUT /orgs/{org}/organization-roles/users/{username}/{role_id}"
        ],
        blockUser: ["PUT /orgs/{org}/blocks/{username}"],
        cancelInvitation: ["DELETE /orgs/{org}/invitations/{invitation_id}"],
        checkBlockedUser: ["GET /orgs/{org}/blocks/{username}"],
        checkMembershipForUser: ["GET /orgs/{org}/members/{username}"],
        checkPublicMembershipForUser: ["GET /orgs/{org}/public_members/{username}"],
        convertMemberToOutsideCollaborator: [
          "PUT /orgs/{org}/outside_collaborators/{username}"
        ],
        createArtifactStorageRecord: [
          "POST /orgs/{org}/artifacts/metadata/storage-record"
        ],
        createInvitation: ["POST /orgs/{org}/invitations"],
        createIssueType: ["POST /orgs/{org}/issue-types"],
        createWebhook: ["POST /orgs/{org}/hooks"],
        customPropertiesForOrgsCreateOrUpdateOrganizationValues: [
          "PATCH /organizations/{org}/org-properties/values"
        ],
        customPropertiesForOrgsGetOrganizationValues: [
          "GET /organizations/{org}/org-properties/values"
        ],
        customPropertiesForReposCreateOrUpdateOrganizationDefinition: [
          "PUT /orgs/{org}/properties/schema/{custom_property_name}"
        ],
        customPropertiesForReposCreateOrUpdateOrganizationDefinitions: [
          "PATCH /orgs/{org}/properties/schema"
        ],
        customPropertiesForReposCreateOrUpdateOrganizationValues: [
          "PATCH /orgs/{org}/properties/values"
        ],
        customPropertiesForReposDeleteOrganizationDefinition: [
          "DELETE /orgs/{org}/properties/schema/{custom_property_name}"
        ],
        customPropertiesForReposGetOrganizationDefinition: [
          "GET /orgs/{org}/properties/schema/{custom_property_name}"
        ],
        customPropertiesForReposGetOrganizationDefinitions: [
          "GET /orgs/{org}/properties/schema"
        ],
        customPropertiesForReposGetOrganizationValues: [
          "GET /orgs/{org}/properties/values"
        ],
        delete: ["DELETE /orgs/{org}"],
        deleteAttestationsBulk: ["POST /orgs/{org}/attestations/delete-request"],
        deleteAttestationsById: [
          "DELETE /orgs/{org}/attestations/{attestation_id}"
        ],
        deleteAttestationsBySubjectDigest: [
          "DELETE /orgs/{org}/attestations/digest/{subject_digest}"
        ],
        deleteIssueType: ["DELETE /orgs/{org}/issue-types/{issue_type_id}"],
        deleteWebhook: ["DELETE /orgs/{org}/hooks/{hook_id}"],
        disableSelectedRepositoryImmutableReleasesOrganization: [
          "DELETE /orgs/{org}/settings/immutable-releases/repositories/{repository_id}"
        ],
        enableSelectedRepositoryImmutableReleasesOrganization: [
          "PUT /orgs/{org}/settings/immutable-releases/repositories/{repository_id}"
        ],
        get: ["GET /orgs/{org}"],
        getImmutableReleasesSettings: [
          "GET /orgs/{org}/settings/immutable-releases"
        ],
        getImmutableReleasesSettingsRepositories: [
          "GET /orgs/{org}/settings/immutable-releases/repositories"
        ],
        getMembershipForAuthenticatedUser: ["GET /user/memberships/orgs/{org}"],
        getMembershipForUser: ["GET /orgs/{org}/memberships/{username}"],
        getOrgRole: ["GET /orgs/{org}/organization-roles/{role_id}"],
        getOrgRulesetHistory: ["GET /orgs/{org}/rulesets/{ruleset_id}/history"],
        getOrgRulesetVersion: [
          "GET /orgs/{org}/rulesets/{ruleset_id}/history/{version_id}"
        ],
        getWebhook: ["GET /orgs/{org}/hooks/{hook_id}"],
        getWebhookConfigForOrg: ["GET /orgs/{org}/hooks/{hook_id}/config"],
        getWebhookDelivery: [
          "GET /orgs/{org}/hooks/{hook_id}/deliveries/{delivery_id}"
        ],
        list: ["GET /organizations"],
        listAppInstallations: ["GET /orgs/{org}/installations"],
        listArtifactStorageRecords: [
          "GET /orgs/{org}/artifacts/{subject_digest}/metadata/storage-records"
        ],
        listAttestationRepositories: ["GET /orgs/{org}/attestations/repositories"],
        listAttestations: ["GET /orgs/{org}/attestations/{subject_digest}"],
        listAttestationsBulk: [
          "POST /orgs/{org}/attestations/bulk-list{?per_page,before,after}"
        ],
        listBlockedUsers: ["GET /orgs/{org}/blocks"],
        listFailedInvitations: ["GET /orgs/{org}/failed_invitations"],
        listForAuthenticatedUser: ["GET /user/orgs"],
        listForUser: ["GET /users/{username}/orgs"],
        listInvitationTeams: ["GET /orgs/{org}/invitations/{invitation_id}/teams"],
        listIssueTypes: ["GET /orgs/{org}/issue-types"],
        listMembers: ["GET /orgs/{org}/members"],
        listMembershipsForAuthenticatedUser: ["GET /user/memberships/orgs"],
        listOrgRoleTeams: ["GET /orgs/{org}/organization-roles/{role_id}/teams"],
        listOrgRoleUsers: ["GET /orgs/{org}/organization-roles/{role_id}/users"],
        listOrgRoles: ["GET /orgs/{org}/organization-roles"],
        listOrganizationFineGrainedPermissions: [
          "GET /orgs/{org}/organization-fine-grained-permissions"
        ],
        listOutsideCollaborators: ["GET /orgs/{org}/outside_collaborators"],
        listPatGrantRepositories: [
          "GET /orgs/{org}/personal-access-tokens/{pat_id}/repositories"
        ],
        listPatGrantRequestRepositories: [
          "GET /orgs/{org}/personal-access-token-requests/{pat_request_id}/repositories"
        ],
        listPatGrantRequests: ["GET /orgs/{org}/personal-access-token-requests"],
        listPatGrants: ["GET /orgs/{org}/personal-access-tokens"],
        listPendingInvitations: ["GET /orgs/{org}/invitations"],
        listPublicMembers: ["GET /orgs/{org}/public_members"],
        listSecurityManagerTeams: [
          "GET /orgs/{org}/security-managers",
          {},
          {
            deprecated: "octokit.rest.orgs.listSecurityManagerTeams() is deprecated, see https://docs.github.com/rest/orgs/security-managers#list-security-manager-teams"
          }
        ],
        listWebhookDeliveries: ["GET /orgs/{org}/hooks/{hook_id}/deliveries"],
        listWebhooks: ["GET /orgs/{org}/hooks"],
        pingWebhook: ["POST /orgs/{org}/hooks/{hook_id}/pings"],
        redeliverWebhookDelivery: [
          "POST /orgs/{org}/hooks/{hook_id}/deliveries/{delivery_id}/attempts"
        ],
        removeMember: ["DELETE /orgs/{org}/members/{username}"],
        removeMembershipForUser: ["DELETE /orgs/{org}/memberships/{username}"],
        removeOutsideCollaborator: [
          "DELETE /orgs/{org}/outside_collaborators/{username}"
        ],
        removePublicMembershipForAuthenticatedUser: [
          "DELETE /orgs/{org}/public_members/{username}"
        ],
        removeSecurityManagerTeam: [
          "DELETE /orgs/{org}/security-managers/teams/{team_slug}",
          {},
          {
            deprecated: "octokit.rest.orgs.removeSecurityManagerTeam() is deprecated, see https://docs.github.com/rest/orgs/security-managers#remove-a-security-manager-team"
          }
        ],
        reviewPatGrantRequest: [
          "POST /orgs/{org}/personal-access-token-requests/{pat_request_id}"
        ],
        reviewPatGrantRequestsInBulk: [
          "POST /orgs/{org}/personal-access-token-requests"
        ],
        revokeAllOrgRolesTeam: [
          "DELETE /orgs/{org}/organization-roles/teams/{team_slug}"
        ],
        revokeAllOrgRolesUser: [
          "DELETE /orgs/{org}/organization-roles/users/{username}"
        ],
        revokeOrgRoleTeam: [
          "DELETE /orgs/{org}/organization-roles/teams/{team_slug}/{role_id}"
        ],
        revokeOrgRoleUser: [
          "DELETE /orgs/{org}/organization-roles/users/{username}/{role_id}"
        ],
        setImmutableReleasesSettings: [
          "PUT /orgs/{org}/settings/immutable-releases"
        ],
        setImmutableReleasesSettingsRepositories: [
          "PUT /orgs/{org}/settings/immutable-releases/repositories"
        ],
        setMembershipForUser: ["PUT /orgs/{org}/memberships/{username}"],
        setPublicMembershipForAuthenticatedUser: [
          "PUT /orgs/{org}/public_members/{username}"
        ],
        unblockUser: ["DELETE /orgs/{org}/blocks/{username}"],
        update: ["PATCH /orgs/{org}"],
        updateIssueType: ["PUT /orgs/{org}/issue-types/{issue_type_id}"],
        updateMembershipForAuthenticatedUser: [
          "PATCH /user/memberships/orgs/{org}"
        ],
        updatePatAccess: ["POST /orgs/{org}/personal-access-tokens/{pat_id}"],
        updatePatAccesses: ["POST /orgs/{org}/personal-access-tokens"],
        updateWebhook: ["PATCH /orgs/{org}/hooks/{hook_id}"],
        updateWebhookConfigForOrg: ["PATCH /orgs/{org}/hooks/{hook_id}/config"]
      },
      packages: {
        deletePackageForAuthenticatedUser: [
          "DELETE /user/packages/{package_type}/{package_name}"
        ],
        deletePackageForOrg: [
          "DELETE /orgs/{org}/packages/{package_type}/{package_name}"
        ],
        deletePackageForUser: [
          "DELETE /users/{username}/packages/{package_type}/{package_name}"
        ],
        deletePackageVersionForAuthenticatedUser: [
          "DELETE /user/packages/{package_type}/{package_name}/versions/{package_version_id}"
        ],
        deletePackageVersionForOrg: [
          "DELETE /orgs/{org}/packages/{package_type}/{package_name}/versions/{package_version_id}"
        ],
        deletePackageVersionForUser: [
          "DELETE /users/{username}/packages/{package_type}/{package_name}/versions/{package_version_id}"
        ],
        getAllPackageVersionsForAPackageOwnedByAnOrg: [
          "GET /orgs/{org}/packages/{package_type}/{package_name}/versions",
          {},
          { renamed: ["packages", "getAllPackageVersionsForPackageOwnedByOrg"] }
        ],
        getAllPackageVersionsForAPackageOwnedByTheAuthenticatedUser: [
          "GET /user/packages/{package_type}/{package_name}/versions",
          {},
          {
            renamed: [
              "packages",
              "getAllPackageVersionsForPackageOwnedByAuthenticatedUser"
            ]
          }
        ],
        getAllPackageVersionsForPackageOwnedByAuthenticatedUser: [
          "GET /user/packages/{package_type}/{package_name}/versions"
        ],
        getAllPackageVersionsForPackageOwnedByOrg: [
          "GET /orgs/{org}/packages/{package_type}/{package_name}/versions"
        ],
        getAllPackageVersionsForPackageOwnedByUser: [
          "GET /users/{username}/packages/{package_type}/{package_name}/versions"
        ],
        getPackageForAuthenticatedUser: [
          "GET /user/packages/{package_type}/{package_name}"
        ],
        getPackageForOrganization: [
          "GET /orgs/{org}/packages/{package_type}/{package_name}"
        ],
        getPackageForUser: [
          "GET /users/{username}/packages/{package_type}/{package_name}"
        ],
        getPackageVersionForAuthenticatedUser: [
          "GET /user/packages/{package_type}/{package_name}/versions/{package_version_id}"
        ],
        getPackageVersionForOrganization: [
          "GET /orgs/{org}/packages/{package_type}/{package_name}/versions/{package_version_id}"
        ],
        getPackageVersionForUser: [
          "GET /users/{username}/packages/{package_type}/{package_name}/versions/{package_version_id}"
        ],
        listDockerMigrationConflictingPackagesForAuthenticatedUser: [
          "GET /user/docker/conflicts"
        ],
        listDockerMigrationConflictingPackagesForOrganization: [
          "GET /orgs/{org}/docker/conflicts"
        ],
        listDockerMigrationConflictingPackagesForUser: [
          "GET /users/{username}/docker/conflicts"
        ],
        listPackagesForAuthenticatedUser: ["GET /user/packages"],
        listPackagesForOrganization: ["GET /orgs/{org}/packages"],
        listPackagesForUser: ["GET /users/{username}/packages"],
        restorePackageForAuthenticatedUser: [
          "POST /user/packages/{package_type}/{package_name}/restore{?token}"
        ],
        restorePackageForOrg: [
          "POST /orgs/{org}/packages/{package_type}/{package_name}/restore{?token}"
        ],
        restorePackageForUser: [
          "POST /users/{username}/packages/{package_type}/{package_name}/restore{?token}"
        ],
        restorePackageVersionForAuthenticatedUser: [
          "POST /user/packages/{package_type}/{package_name}/versions/{package_version_id}/restore"
        ],
        restorePackageVersionForOrg: [
          "POST /orgs/{org}/packages/{package_type}/{package_name}/versions/{package_version_id}/restore"
        ],
        restorePackageVersionForUser: [
          "POST /users/{username}/packages/{package_type}/{package_name}/versions/{package_version_id}/restore"
        ]
      },
      privateRegistries: {
        createOrgPrivateRegistry: ["POST /orgs/{org}/private-registries"],
        deleteOrgPrivateRegistry: [
          "DELETE /orgs/{org}/private-registries/{secret_name}"
        ],
        getOrgPrivateRegistry: ["GET /orgs/{org}/private-registries/{secret_name}"],
        getOrgPublicKey: ["GET /orgs/{org}/private-registries/public-key"],
        listOrgPrivateRegistries: ["GET /orgs/{org}/private-registries"],
        updateOrgPrivateRegistry: [
          "PATCH /orgs/{org}/private-registries/{secret_name}"
        ]
      },
      projects: {
        addItemForOrg: ["POST /orgs/{org}/projectsV2/{project_number}/items"],
        addItemForUser: [
          "POST /users/{username}/projectsV2/{project_number}/items"
        ],
        deleteItemForOrg: [
          "DELETE /orgs/{org}/projectsV2/{project_number}/items/{item_id}"
        ],
        deleteItemForUser: [
          "DELETE /users/{username}/projectsV2/{project_number}/items/{item_id}"
        ],
        getFieldForOrg: [
          "GET /orgs/{org}/projectsV2/{project_number}/fields/{field_id}"
        ],
        getFieldForUser: [
          "GET /users/{username}/projectsV2/{project_number}/fields/{field_id}"
        ],
        getForOrg: ["GET /orgs/{org}/projectsV2/{project_number}"],
        getForUser: ["GET /users/{username}/projectsV2/{project_number}"],
        getOrgItem: ["GET /orgs/{org}/projectsV2/{project_number}/items/{item_id}"],
        getUserItem: [
          "GET /users/{username}/projectsV2/{project_number}/items/{item_id}"
        ],
        listFieldsForOrg: ["GET /orgs/{org}/projectsV2/{project_number}/fields"],
        listFieldsForUser: [
          "GET /users/{username}/projectsV2/{project_number}/fields"
        ],
        listForOrg: ["GET /orgs/{org}/projectsV2"],
        listForUser: ["GET /users/{username}/projectsV2"],
        listItemsForOrg: ["GET /orgs/{org}/projectsV2/{project_number}/items"],
        listItemsForUser: [
          "GET /users/{username}/projectsV2/{project_number}/items"
        ],
        updateItemForOrg: [
          "PATCH /orgs/{org}/projectsV2/{project_number}/items/{item_id}"
        ],
        updateItemForUser: [
          "PATCH /users/{username}/projectsV2/{project_number}/items/{item_id}"
        ]
      },
      pulls: {
        checkIfMerged: ["GET /repos/{owner}/{repo}/pulls/{pull_number}/merge"],
        create: ["POST /repos/{owner}/{repo}/pulls"],
        createReplyForReviewComment: [
          "POST /repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies"
        ],
        createReview: ["POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews"],
        createReviewComment: [
          "POST /repos/{owner}/{repo}/pulls/{pull_number}/comments"
        ],
        deletePendingReview: [
          "DELETE /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}"
        ],
        deleteReviewComment: [
          "DELETE /repos/{owner}/{repo}/pulls/comments/{comment_id}"
        ],
        dismissReview: [
          "PUT /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}/dismissals"
        ],
        get: ["GET /repos/{owner}/{repo}/pulls/{pull_number}"],
        getReview: [
          "GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}"
        ],
        getReviewComment: ["GET /repos/{owner}/{repo}/pulls/comments/{comment_id}"],
        list: ["GET /repos/{owner}/{repo}/pulls"],
        listCommentsForReview: [
          "GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}/comments"
        ],
        listCommits: ["GET /repos/{owner}/{repo}/pulls/{pull_number}/commits"],
        listFiles: ["GET /repos/{owner}/{repo}/pulls/{pull_number}/files"],
        listRequestedReviewers: [
          "GET /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers"
        ],
        listReviewComments: [
          "GET /repos/{owner}/{repo}/pulls/{pull_number}/comments"
        ],
        listReviewCommentsForRepo: ["GET /repos/{owner}/{repo}/pulls/comments"],
        listReviews: ["GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews"],
        merge: ["PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge"],
        removeRequestedReviewers: [
          "DELETE /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers"
        ],
        requestReviewers: [
          "POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers"
        ],
        submitReview: [
          "POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}/events"
        ],
        update: ["PATCH /repos/{owner}/{repo}/pulls/{pull_number}"],
        updateBranch: [
          "PUT /repos/{owner}/{repo}/pulls/{pull_number}/update-branch"
        ],
        updateReview: [
          "PUT /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}"
        ],
        updateReviewComment: [
          "PATCH /repos/{owner}/{repo}/pulls/comments/{comment_id}"
        ]
      },
      rateLimit: { get: ["GET /rate_limit"] },
      reactions: {
        createForCommitComment: [
          "POST /repos/{owner}/{repo}/comments/{comment_id}/reactions"
        ],
        createForIssue: [
          "POST /repos/{owner}/{repo}/issues/{issue_number}/reactions"
        ],
        createForIssueComment: [
          "POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions"
        ],
        createForPullRequestReviewComment: [
          "POST /repos/{owner}/{repo}/pulls/comments/{comment_id}/reactions"
        ],
        createForRelease: [
          "POST /repos/{owner}/{repo}/releases/{release_id}/reactions"
        ],
        createForTeamDiscussionCommentInOrg: [
          "POST /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments/{comment_number}/reactions"
        ],
        createForTeamDiscussionInOrg: [
          "POST /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/reactions"
        ],
        deleteForCommitComment: [
          "DELETE /repos/{owner}/{repo}/comments/{comment_id}/reactions/{reaction_id}"
        ],
        deleteForIssue: [
          "DELETE /repos/{owner}/{repo}/issues/{issue_number}/reactions/{reaction_id}"
        ],
        deleteForIssueComment: [
          "DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions/{reaction_id}"
        ],
        deleteForPullRequestComment: [
          "DELETE /repos/{owner}/{repo}/pulls/comments/{comment_id}/reactions/{reaction_id}"
        ],
        deleteForRelease: [
          "DELETE /repos/{owner}/{repo}/releases/{release_id}/reactions/{reaction_id}"
        ],
        deleteForTeamDiscussion: [
          "DELETE /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/reactions/{reaction_id}"
        ],
        deleteForTeamDiscussionComment: [
          "DELETE /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments/{comment_number}/reactions/{reaction_id}"
        ],
        listForCommitComment: [
          "GET /repos/{owner}/{repo}/comments/{comment_id}/reactions"
        ],
        listForIssue: ["GET /repos/{owner}/{repo}/issues/{issue_number}/reactions"],
        listForIssueComment: [
          "GET /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions"
        ],
        listForPullRequestReviewComment: [
          "GET /repos/{owner}/{repo}/pulls/comments/{comment_id}/reactions"
        ],
        listForRelease: [
          "GET /repos/{owner}/{repo}/releases/{release_id}/reactions"
        ],
        listForTeamDiscussionCommentInOrg: [
          "GET /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments/{comment_number}/reactions"
        ],
        listForTeamDiscussionInOrg: [
          "GET /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/reactions"
        ]
      },
      repos: {
        acceptInvitation: [
          "PATCH /user/repository_invitations/{invitation_id}",
          {},
          { renamed: ["repos", "acceptInvitationForAuthenticatedUser"] }
        ],
        acceptInvitationForAuthenticatedUser: [
          "PATCH /user/repository_invitations/{invitation_id}"
        ],
        addAppAccessRestrictions: [
          "POST /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/apps",
          {},
          { mapToData: "apps" }
        ],
        addCollaborator: ["PUT /repos/{owner}/{repo}/collaborators/{username}"],
        addStatusCheckContexts: [
          "POST /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks/contexts",
          {},
          { mapToData: "contexts" }
        ],
        addTeamAccessRestrictions: [
          "POST /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/teams",
          {},
          { mapToData: "teams" }
        ],
        addUserAccessRestrictions: [
          "POST /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/users",
          {},
          { mapToData: "users" }
        ],
        cancelPagesDeployment: [
          "POST /repos/{owner}/{repo}/pages/deployments/{pages_deployment_id}/cancel"
        ],
        checkAutomatedSecurityFixes: [
          "GET /repos/{owner}/{repo}/automated-security-fixes"
        ],
        checkCollaborator: ["GET /repos/{owner}/{repo}/collaborators/{username}"],
        checkImmutableReleases: ["GET /repos/{owner}/{repo}/immutable-releases"],
        checkPrivateVulnerabilityReporting: [
          "GET /repos/{owner}/{repo}/private-vulnerability-reporting"
        ],
        checkVulnerabilityAlerts: [
          "GET /repos/{owner}/{repo}/vulnerability-alerts"
        ],
        codeownersErrors: ["GET /repos/{owner}/{repo}/codeowners/errors"],
        compareCommits: ["GET /repos/{owner}/{repo}/compare/{base}...{head}"],
        compareCommitsWithBasehead: [
          "GET /repos/{owner}/{repo}/compare/{basehead}"
        ],
        createAttestation: ["POST /repos/{owner}/{repo}/attestations"],
        createAutolink: ["POST /repos/{owner}/{repo}/autolinks"],
        createCommitComment: [
          "POST /repos/{owner}/{repo}/commits/{commit_sha}/comments"
        ],
        createCommitSignatureProtection: [
          "POST /repos/{owner}/{repo}/branches/{branch}/protection/required_signatures"
        ],
        createCommitStatus: ["POST /repos/{owner}/{repo}/statuses/{sha}"],
        createDeployKey: ["POST /repos/{owner}/{repo}/keys"],
        createDeployment: ["POST /repos/{owner}/{repo}/deployments"],
        createDeploymentBranchPolicy: [
          "POST /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies"
        ],
        createDeploymentProtectionRule: [
          "POST /repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules"
        ],
        createDeploymentStatus: [
          "POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses"
        ],
        createDispatchEvent: ["POST /repos/{owner}/{repo}/dispatches"],
        createForAuthenticatedUser: ["POST /user/repos"],
        createFork: ["POST /repos/{owner}/{repo}/forks"],
        createInOrg: ["POST /orgs/{org}/repos"],
        createOrUpdateEnvironment: [
          "PUT /repos/{owner}/{repo}/environments/{environment_name}"
        ],
        createOrUpdateFileContents: ["PUT /repos/{owner}/{repo}/contents/{path}"],
        createOrgRuleset: ["POST /orgs/{org}/rulesets"],
        createPagesDeployment: ["POST /repos/{owner}/{repo}/pages/deployments"],
        createPagesSite: ["POST /repos/{owner}/{repo}/pages"],
        createRelease: ["POST /repos/{owner}/{repo}/releases"],
        createRepoRuleset: ["POST /repos/{owner}/{repo}/rulesets"],
        createUsingTemplate: [
          "POST /repos/{template_owner}/{template_repo}/generate"
        ],
        createWebhook: ["POST /repos/{owner}/{repo}/hooks"],
        customPropertiesForReposCreateOrUpdateRepositoryValues: [
          "PATCH /repos/{owner}/{repo}/properties/values"
        ],
        customPropertiesForReposGetRepositoryValues: [
          "GET /repos/{owner}/{repo}/properties/values"
        ],
        declineInvitation: [
          "DELETE /user/repository_invitations/{invitation_id}",
          {},
          { renamed: ["repos", "declineInvitationForAuthenticatedUser"] }
        ],
        declineInvitationForAuthenticatedUser: [
          "DELETE /user/repository_invitations/{invitation_id}"
        ],
        delete: ["DELETE /repos/{owner}/{repo}"],
        deleteAccessRestrictions: [
          "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/restrictions"
        ],
        deleteAdminBranchProtection: [
          "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/enforce_admins"
        ],
        deleteAnEnvironment: [
          "DELETE /repos/{owner}/{repo}/environments/{environment_name}"
        ],
        deleteAutolink: ["DELETE /repos/{owner}/{repo}/autolinks/{autolink_id}"],
        deleteBranchProtection: [
          "DELETE /repos/{owner}/{repo}/branches/{branch}/protection"
        ],
        deleteCommitComment: ["DELETE /repos/{owner}/{repo}/comments/{comment_id}"],
        deleteCommitSignatureProtection: [
          "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/required_signatures"
        ],
        deleteDeployKey: ["DELETE /repos/{owner}/{repo}/keys/{key_id}"],
        deleteDeployment: [
          "DELETE /repos/{owner}/{repo}/deployments/{deployment_id}"
        ],
        deleteDeploymentBranchPolicy: [
          "DELETE /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies/{branch_policy_id}"
        ],
        deleteFile: ["DELETE /repos/{owner}/{repo}/contents/{path}"],
        deleteInvitation: [
          "DELETE /repos/{owner}/{repo}/invitations/{invitation_id}"
        ],
        deleteOrgRuleset: ["DELETE /orgs/{org}/rulesets/{ruleset_id}"],
        deletePagesSite: ["DELETE /repos/{owner}/{repo}/pages"],
        deletePullRequestReviewProtection: [
          "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/required_pull_request_reviews"
        ],
        deleteRelease: ["DELETE /repos/{owner}/{repo}/releases/{release_id}"],
        deleteReleaseAsset: [
          "DELETE /repos/{owner}/{repo}/releases/assets/{asset_id}"
        ],
        deleteRepoRuleset: ["DELETE /repos/{owner}/{repo}/rulesets/{ruleset_id}"],
        deleteWebhook: ["DELETE /repos/{owner}/{repo}/hooks/{hook_id}"],
        disableAutomatedSecurityFixes: [
          "DELETE /repos/{owner}/{repo}/automated-security-fixes"
        ],
        disableDeploymentProtectionRule: [
          "DELETE /repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules/{protection_rule_id}"
        ],
        disableImmutableReleases: [
          "DELETE /repos/{owner}/{repo}/immutable-releases"
        ],
        disablePrivateVulnerabilityReporting: [
          "DELETE /repos/{owner}/{repo}/private-vulnerability-reporting"
        ],
        disableVulnerabilityAlerts: [
          "DELETE /repos/{owner}/{repo}/vulnerability-alerts"
        ],
        downloadArchive: [
          "GET /repos/{owner}/{repo}/zipball/{ref}",
          {},
          { renamed: ["repos", "downloadZipballArchive"] }
        ],
        downloadTarballArchive: ["GET /repos/{owner}/{repo}/tarball/{ref}"],
        downloadZipballArchive: ["GET /repos/{owner}/{repo}/zipball/{ref}"],
        enableAutomatedSecurityFixes: [
          "PUT /repos/{owner}/{repo}/automated-security-fixes"
        ],
        enableImmutableReleases: ["PUT /repos/{owner}/{repo}/immutable-releases"],
        enablePrivateVulnerabilityReporting: [
          "PUT /repos/{owner}/{repo}/private-vulnerability-reporting"
        ],
        enableVulnerabilityAlerts: [
          "PUT /repos/{owner}/{repo}/vulnerability-alerts"
        ],
        generateReleaseNotes: [
          "POST /repos/{owner}/{repo}/releases/generate-notes"
        ],
        get: ["GET /repos/{owner}/{repo}"],
        getAccessRestrictions: [
          "GET /repos/{owner}/{repo}/branches/{branch}/protection/restrictions"
        ],
        getAdminBranchProtection: [
          "GET /repos/{owner}/{repo}/branches/{branch}/protection/enforce_admins"
        ],
        getAllDeploymentProtectionRules: [
          "GET /repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules"
        ],
        getAllEnvironments: ["GET /repos/{owner}/{repo}/environments"],
        getAllStatusCheckContexts: [
          "GET /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks/contexts"
        ],
        getAllTopics: ["GET /repos/{owner}/{repo}/topics"],
        getAppsWithAccessToProtectedBranch: [
          "GET /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/apps"
        ],
        getAutolink: ["GET /repos/{owner}/{repo}/autolinks/{autolink_id}"],
        getBranch: ["GET /repos/{owner}/{repo}/branches/{branch}"],
        getBranchProtection: [
          "GET /repos/{owner}/{repo}/branches/{branch}/protection"
        ],
        getBranchRules: ["GET /repos/{owner}/{repo}/rules/branches/{branch}"],
        getClones: ["GET /repos/{owner}/{repo}/traffic/clones"],
        getCodeFrequencyStats: ["GET /repos/{owner}/{repo}/stats/code_frequency"],
        getCollaboratorPermissionLevel: [
          "GET /repos/{owner}/{repo}/collaborators/{username}/permission"
        ],
        getCombinedStatusForRef: ["GET /repos/{owner}/{repo}/commits/{ref}/status"],
        getCommit: ["GET /repos/{owner}/{repo}/commits/{ref}"],
        getCommitActivityStats: ["GET /repos/{owner}/{repo}/stats/commit_activity"],
        getCommitComment: ["GET /repos/{owner}/{repo}/comments/{comment_id}"],
        getCommitSignatureProtection: [
          "GET /repos/{owner}/{repo}/branches/{branch}/protection/required_signatures"
        ],
        getCommunityProfileMetrics: ["GET /repos/{owner}/{repo}/community/profile"],
        getContent: ["GET /repos/{owner}/{repo}/contents/{path}"],
        getContributorsStats: ["GET /repos/{owner}/{repo}/stats/contributors"],
        getCustomDeploymentProtectionRule: [
          "GET /repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules/{protection_rule_id}"
        ],
        getDeployKey: ["GET /repos/{owner}/{repo}/keys/{key_id}"],
        getDeployment: ["GET /repos/{owner}/{repo}/deployments/{deployment_id}"],
        getDeploymentBranchPolicy: [
          "GET /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies/{branch_policy_id}"
        ],
        getDeploymentStatus: [
          "GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses/{status_id}"
        ],
        getEnvironment: [
          "GET /repos/{owner}/{repo}/environments/{environment_name}"
        ],
        getLatestPagesBuild: ["GET /repos/{owner}/{repo}/pages/builds/latest"],
        getLatestRelease: ["GET /repos/{owner}/{repo}/releases/latest"],
        getOrgRuleSuite: ["GET /orgs/{org}/rulesets/rule-suites/{rule_suite_id}"],
        getOrgRuleSuites: ["GET /orgs/{org}/rulesets/rule-suites"],
        getOrgRuleset: ["GET /orgs/{org}/rulesets/{ruleset_id}"],
        getOrgRulesets: ["GET /orgs/{org}/rulesets"],
        getPages: ["GET /repos/{owner}/{repo}/pages"],
        getPagesBuild: ["GET /repos/{owner}/{repo}/pages/builds/{build_id}"],
        getPagesDeployment: [
          "GET /repos/{owner}/{repo}/pages/deployments/{pages_deployment_id}"
        ],
        getPagesHealthCheck: ["GET /repos/{owner}/{repo}/pages/health"],
        getParticipationStats: ["GET /repos/{owner}/{repo}/stats/participation"],
        getPullRequestReviewProtection: [
          "GET /repos/{owner}/{repo}/branches/{branch}/protection/required_pull_request_reviews"
        ],
        getPunchCardStats: ["GET /repos/{owner}/{repo}/stats/punch_card"],
        getReadme: ["GET /repos/{owner}/{repo}/readme"],
        getReadmeInDirectory: ["GET /repos/{owner}/{repo}/readme/{dir}"],
        getRelease: ["GET /repos/{owner}/{repo}/releases/{release_id}"],
        getReleaseAsset: ["GET /repos/{owner}/{repo}/releases/assets/{asset_id}"],
        getReleaseByTag: ["GET /repos/{owner}/{repo}/releases/tags/{tag}"],
        getRepoRuleSuite: [
          "GET /repos/{owner}/{repo}/rulesets/rule-suites/{rule_suite_id}"
        ],
        getRepoRuleSuites: ["GET /repos/{owner}/{repo}/rulesets/rule-suites"],
        getRepoRuleset: ["GET /repos/{owner}/{repo}/rulesets/{ruleset_id}"],
        getRepoRulesetHistory: [
          "GET /repos/{owner}/{repo}/rulesets/{ruleset_id}/history"
        ],
        getRepoRulesetVersion: [
          "GET /repos/{owner}/{repo}/rulesets/{ruleset_id}/history/{version_id}"
        ],
        getRepoRulesets: ["GET /repos/{owner}/{repo}/rulesets"],
        getStatusChecksProtection: [
          "GET /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks"
        ],
        getTeamsWithAccessToProtectedBranch: [
          "GET /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/teams"
        ],
        getTopPaths: ["GET /repos/{owner}/{repo}/traffic/popular/paths"],
        getTopReferrers: ["GET /repos/{owner}/{repo}/traffic/popular/referrers"],
        getUsersWithAccessToProtectedBranch: [
          "GET /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/users"
        ],
        getViews: ["GET /repos/{owner}/{repo}/traffic/views"],
        getWebhook: ["GET /repos/{owner}/{repo}/hooks/{hook_id}"],
        getWebhookConfigForRepo: [
          "GET /repos/{owner}/{repo}/hooks/{hook_id}/config"
        ],
        getWebhookDelivery: [
          "GET /repos/{owner}/{repo}/hooks/{hook_id}/deliveries/{delivery_id}"
        ],
        listActivities: ["GET /repos/{owner}/{repo}/activity"],
        listAttestations: [
          "GET /repos/{owner}/{repo}/attestations/{subject_digest}"
        ],
        listAutolinks: ["GET /repos/{owner}/{repo}/autolinks"],
        listBranches: ["GET /repos/{owner}/{repo}/branches"],
        listBranchesForHeadCommit: [
          "GET /repos/{owner}/{repo}/commits/{commit_sha}/branches-where-head"
        ],
        listCollaborators: ["GET /repos/{owner}/{repo}/collaborators"],
        listCommentsForCommit: [
          "GET /repos/{owner}/{repo}/commits/{commit_sha}/comments"
        ],
        listCommitCommentsForRepo: ["GET /repos/{owner}/{repo}/comments"],
        listCommitStatusesForRef: [
          "GET /repos/{owner}/{repo}/commits/{ref}/statuses"
        ],
        listCommits: ["GET /repos/{owner}/{repo}/commits"],
        listContributors: ["GET /repos/{owner}/{repo}/contributors"],
        listCustomDeploymentRuleIntegrations: [
          "GET /repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules/apps"
        ],
        listDeployKeys: ["GET /repos/{owner}/{repo}/keys"],
        listDeploymentBranchPolicies: [
          "GET /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies"
        ],
        listDeploymentStatuses: [
          "GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses"
        ],
        listDeployments: ["GET /repos/{owner}/{repo}/deployments"],
        listForAuthenticatedUser: ["GET /user/repos"],
        listForOrg: ["GET /orgs/{org}/repos"],
        listForUser: ["GET /users/{username}/repos"],
        listForks: ["GET /repos/{owner}/{repo}/forks"],
        listInvitations: ["GET /repos/{owner}/{repo}/invitations"],
        listInvitationsForAuthenticatedUser: ["GET /user/repository_invitations"],
        listLanguages: ["GET /repos/{owner}/{repo}/languages"],
        listPagesBuilds: ["GET /repos/{owner}/{repo}/pages/builds"],
        listPublic: ["GET /repositories"],
        listPullRequestsAssociatedWithCommit: [
          "GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls"
        ],
        listReleaseAssets: [
          "GET /repos/{owner}/{repo}/releases/{release_id}/assets"
        ],
        listReleases: ["GET /repos/{owner}/{repo}/releases"],
        listTags: ["GET /repos/{owner}/{repo}/tags"],
        listTeams: ["GET /repos/{owner}/{repo}/teams"],
        listWebhookDeliveries: [
          "GET /repos/{owner}/{repo}/hooks/{hook_id}/deliveries"
        ],
        listWebhooks: ["GET /repos/{owner}/{repo}/hooks"],
        merge: ["POST /repos/{owner}/{repo}/merges"],
        mergeUpstream: ["POST /repos/{owner}/{repo}/merge-upstream"],
        pingWebhook: ["POST /repos/{owner}/{repo}/hooks/{hook_id}/pings"],
        redeliverWebhookDelivery: [
          "POST /repos/{owner}/{repo}/hooks/{hook_id}/deliveries/{delivery_id}/attempts"
        ],
        removeAppAccessRestrictions: [
          "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/apps",
          {},
          { mapToData: "apps" }
        ],
        removeCollaborator: [
          "DELETE /repos/{owner}/{repo}/collaborators/{username}"
        ],
        removeStatusCheckContexts: [
          "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks/contexts",
          {},
          { mapToData: "contexts" }
        ],
        removeStatusCheckProtection: [
          "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks"
        ],
        removeTeamAccessRestrictions: [
          "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/teams",
          {},
          { mapToData: "teams" }
        ],
        removeUserAccessRestrictions: [
          "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/users",
          {},
          { mapToData: "users" }
        ],
        renameBranch: ["POST /repos/{owner}/{repo}/branches/{branch}/rename"],
        replaceAllTopics: ["PUT /repos/{owner}/{repo}/topics"],
        requestPagesBuild: ["POST /repos/{owner}/{repo}/pages/builds"],
        setAdminBranchProtection: [
          "POST /repos/{owner}/{repo}/branches/{branch}/protection/enforce_admins"
        ],
        setAppAccessRestrictions: [
          "PUT /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/apps",
          {},
          { mapToData: "apps" }
        ],
        setStatusCheckContexts: [
          "PUT /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks/contexts",
          {},
          { mapToData: "contexts" }
        ],
        setTeamAccessRestrictions: [
          "PUT /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/teams",
          {},
          { mapToData: "teams" }
        ],
        setUserAccessRestrictions: [
          "PUT /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/users",
          {},
          { mapToData: "users" }
        ],
        testPushWebhook: ["POST /repos/{owner}/{repo}/hooks/{hook_id}/tests"],
        transfer: ["POST /repos/{owner}/{repo}/transfer"],
        update: ["PATCH /repos/{owner}/{repo}"],
        updateBranchProtection: [
          "PUT /repos/{owner}/{repo}/branches/{branch}/protection"
        ],
        updateCommitComment: ["PATCH /repos/{owner}/{repo}/comments/{comment_id}"],
        updateDeploymentBranchPolicy: [
          "PUT /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies/{branch_policy_id}"
        ],
        updateInformationAboutPagesSite: ["PUT /repos/{owner}/{repo}/pages"],
        updateInvitation: [
          "PATCH /repos/{owner}/{repo}/invitations/{invitation_id}"
        ],
        updateOrgRuleset: ["PUT /orgs/{org}/rulesets/{ruleset_id}"],
        updatePullRequestReviewProtection: [
          "PATCH /repos/{owner}/{repo}/branches/{branch}/protection/required_pull_request_reviews"
        ],
        updateRelease: ["PATCH /repos/{owner}/{repo}/releases/{release_id}"],
        updateReleaseAsset: [
          "PATCH /repos/{owner}/{repo}/releases/assets/{asset_id}"
        ],
        updateRepoRuleset: ["PUT /repos/{owner}/{repo}/rulesets/{ruleset_id}"],
        updateStatusCheckPotection: [
          "PATCH /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks",
          {},
          { renamed: ["repos", "updateStatusCheckProtection"] }
        ],
        updateStatusCheckProtection: [
          "PATCH /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks"
        ],
        updateWebhook: ["PATCH /repos/{owner}/{repo}/hooks/{hook_id}"],
        updateWebhookConfigForRepo: [
          "PATCH /repos/{owner}/{repo}/hooks/{hook_id}/config"
        ],
        uploadReleaseAsset: [
          "POST /repos/{owner}/{repo}/releases/{release_id}/assets{?name,label}",
          { baseUrl: "https://uploads.github.com" }
        ]
      },
      search: {
        code: ["GET /search/code"],
        commits: ["GET /search/commits"],
        issuesAndPullRequests: ["GET /search/issues"],
        labels: ["GET /search/labels"],
        repos: ["GET /search/repositories"],
        topics: ["GET /search/topics"],
        users: ["GET /search/users"]
      },
      secretScanning: {
        createPushProtectionBypass: [
          "POST /repos/{owner}/{repo}/secret-scanning/push-protection-bypasses"
        ],
        getAlert: [
          "GET /repos/{owner}/{repo}/secret-scanning/alerts/{alert_number}"
        ],
        getScanHistory: ["GET /repos/{owner}/{repo}/secret-scanning/scan-history"],
        listAlertsForOrg: ["GET /orgs/{org}/secret-scanning/alerts"],
        listAlertsForRepo: ["GET /repos/{owner}/{repo}/secret-scanning/alerts"],
        listLocationsForAlert: [
          "GET /repos/{owner}/{repo}/secret-scanning/alerts/{alert_number}/locations"
        ],
        listOrgPatternConfigs: [
          "GET /orgs/{org}/secret-scanning/pattern-configurations"
        ],
        updateAlert: [
          "PATCH /repos/{owner}/{repo}/secret-scanning/alerts/{alert_number}"
        ],
        updateOrgPatternConfigs: [
          "PATCH /orgs/{org}/secret-scanning/pattern-configurations"
        ]
      },
      securityAdvisories: {
        createFork: [
          "POST /repos/{owner}/{repo}/security-advisories/{ghsa_id}/forks"
        ],
        createPrivateVulnerabilityReport: [
          "POST /repos/{owner}/{repo}/security-advisories/reports"
        ],
        createRepositoryAdvisory: [
          "POST /repos/{owner}/{repo}/security-advisories"
        ],
        createRepositoryAdvisoryCveRequest: [
          "POST /repos/{owner}/{repo}/security-advisories/{ghsa_id}/cve"
        ],
        getGlobalAdvisory: ["GET /advisories/{ghsa_id}"],
        getRepositoryAdvisory: [
          "GET /repos/{owner}/{repo}/security-advisories/{ghsa_id}"
        ],
        listGlobalAdvisories: ["GET /advisories"],
        listOrgRepositoryAdvisories: ["GET /orgs/{org}/security-advisories"],
        listRepositoryAdvisories: ["GET /repos/{owner}/{repo}/security-advisories"],
        updateRepositoryAdvisory: [
          "PATCH /repos/{owner}/{repo}/security-advisories/{ghsa_id}"
        ]
      },
      teams: {
        addOrUpdateMembershipForUserInOrg: [
          "PUT /orgs/{org}/teams/{team_slug}/memberships/{username}"
        ],
        addOrUpdateRepoPermissionsInOrg: [
          "PUT /orgs/{org}/teams/{team_slug}/repos/{owner}/{repo}"
        ],
        checkPermissionsForRepoInOrg: [
          "GET /orgs/{org}/teams/{team_slug}/repos/{owner}/{repo}"
        ],
        create: ["POST /orgs/{org}/teams"],
        createDiscussionCommentInOrg: [
          "POST /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments"
        ],
        createDiscussionInOrg: ["POST /orgs/{org}/teams/{team_slug}/discussions"],
        deleteDiscussionCommentInOrg: [
          "DELETE /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments/{comment_number}"
        ],
        deleteDiscussionInOrg: [
          "DELETE /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}"
        ],
        deleteInOrg: ["DELETE /orgs/{org}/teams/{team_slug}"],
        getByName: ["GET /orgs/{org}/teams/{team_slug}"],
        getDiscussionCommentInOrg: [
          "GET /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments/{comment_number}"
        ],
        getDiscussionInOrg: [
          "GET /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}"
        ],
        getMembershipForUserInOrg: [
          "GET /orgs/{org}/teams/{team_slug}/memberships/{username}"
        ],
        list: ["GET /orgs/{org}/teams"],
        listChildInOrg: ["GET /orgs/{org}/teams/{team_slug}/teams"],
        listDiscussionCommentsInOrg: [
          "GET /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments"
        ],
        listDiscussionsInOrg: ["GET /orgs/{org}/teams/{team_slug}/discussions"],
        listForAuthenticatedUser: ["GET /user/teams"],
        listMembersInOrg: ["GET /orgs/{org}/teams/{team_slug}/members"],
        listPendingInvitationsInOrg: [
          "GET /orgs/{org}/teams/{team_slug}/invitations"
        ],
        listReposInOrg: ["GET /orgs/{org}/teams/{team_slug}/repos"],
        removeMembershipForUserInOrg: [
          "DELETE /orgs/{org}/teams/{team_slug}/memberships/{username}"
        ],
        removeRepoInOrg: [
          "DELETE /orgs/{org}/teams/{team_slug}/repos/{owner}/{repo}"
        ],
        updateDiscussionCommentInOrg: [
          "PATCH /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments/{comment_number}"
        ],
        updateDiscussionInOrg: [
          "PATCH /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}"
        ],
        updateInOrg: ["PATCH /orgs/{org}/teams/{team_slug}"]
      },
      users: {
        addEmailForAuthenticated: [
          "POST /user/emails",
          {},
          { renamed: ["users", "addEmailForAuthenticatedUser"] }
        ],
        addEmailForAuthenticatedUser: ["POST /user/emails"],
        addSocialAccountForAuthenticatedUser: ["POST /user/social_accounts"],
        block: ["PUT /user/blocks/{username}"],
        checkBlocked: ["GET /user/blocks/{username}"],
        checkFollowingForUser: ["GET /users/{username}/following/{target_user}"],
        checkPersonIsFollowedByAuthenticated: ["GET /user/following/{username}"],
        createGpgKeyForAuthenticated: [
          "POST /user/gpg_keys",
          {},
          { renamed: ["users", "createGpgKeyForAuthenticatedUser"] }
        ],
        createGpgKeyForAuthenticatedUser: ["POST /user/gpg_keys"],
        createPublicSshKeyForAuthenticated: [
          "POST /user/keys",
          {},
          { renamed: ["users", "createPublicSshKeyForAuthenticatedUser"] }
        ],
        createPublicSshKeyForAuthenticatedUser: ["POST /user/keys"],
        createSshSigningKeyForAuthenticatedUser: ["POST /user/ssh_signing_keys"],
        deleteAttestationsBulk: [
          "POST /users/{username}/attestations/delete-request"
        ],
        deleteAttestationsById: [
          "DELETE /users/{username}/attestations/{attestation_id}"
        ],
        deleteAttestationsBySubjectDigest: [
          "DELETE /users/{username}/attestations/digest/{subject_digest}"
        ],
        deleteEmailForAuthenticated: [
          "DELETE /user/emails",
          {},
          { renamed: ["users", "deleteEmailForAuthenticatedUser"] }
        ],
        deleteEmailForAuthenticatedUser: ["DELETE /user/emails"],
        deleteGpgKeyForAuthenticated: [
          "DELETE /user/gpg_keys/{gpg_key_id}",
          {},
          { renamed: ["users", "deleteGpgKeyForAuthenticatedUser"] }
        ],
        deleteGpgKeyForAuthenticatedUser: ["DELETE /user/gpg_keys/{gpg_key_id}"],
        deletePublicSshKeyForAuthenticated: [
          "DELETE /user/keys/{key_id}",
          {},
          { renamed: ["users", "deletePublicSshKeyForAuthenticatedUser"] }
        ],
        deletePublicSshKeyForAuthenticatedUser: ["DELETE /user/keys/{key_id}"],
        deleteSocialAccountForAuthenticatedUser: ["DELETE /user/social_accounts"],
        deleteSshSigningKeyForAuthenticatedUser: [
          "DELETE /user/ssh_signing_keys/{ssh_signing_key_id}"
        ],
        follow: ["PUT /user/following/{username}"],
        getAuthenticated: ["GET /user"],
        getById: ["GET /user/{account_id}"],
        getByUsername: ["GET /users/{username}"],
        getContextForUser: ["GET /users/{username}/hovercard"],
        getGpgKeyForAuthenticated: [
          "GET /user/gpg_keys/{gpg_key_id}",
          {},
          { renamed: ["users", "getGpgKeyForAuthenticatedUser"] }
        ],
        getGpgKeyForAuthenticatedUser: ["GET /user/gpg_keys/{gpg_key_id}"],
        getPublicSshKeyForAuthenticated: [
          "GET /user/keys/{key_id}",
          {},
          { renamed: ["users", "getPublicSshKeyForAuthenticatedUser"] }
        ],
        getPublicSshKeyForAuthenticatedUser: ["GET /user/keys/{key_id}"],
        getSshSigningKeyForAuthenticatedUser: [
          "GET /user/ssh_signing_keys/{ssh_signing_key_id}"
        ],
        list: ["GET /users"],
        listAttestations: ["GET /users/{username}/attestations/{subject_digest}"],
        listAttestationsBulk: [
          "POST /users/{username}/attestations/bulk-list{?per_page,before,after}"
        ],
        listBlockedByAuthenticated: [
          "GET /user/blocks",
          {},
          { renamed: ["users", "listBlockedByAuthenticatedUser"] }
        ],
        listBlockedByAuthenticatedUser: ["GET /user/blocks"],
        listEmailsForAuthenticated: [
          "GET /user/emails",
          {},
          { renamed: ["users", "listEmailsForAuthenticatedUser"] }
        ],
        listEmailsForAuthenticatedUser: ["GET /user/emails"],
        listFollowedByAuthenticated: [
          "GET /user/following",
          {},
          { renamed: ["users", "listFollowedByAuthenticatedUser"] }
        ],
        listFollowedByAuthenticatedUser: ["GET /user/following"],
        listFollowersForAuthenticatedUser: ["GET /user/followers"],
        listFollowersForUser: ["GET /users/{username}/followers"],
        listFollowingForUser: ["GET /users/{username}/following"],
        listGpgKeysForAuthenticated: [
          "GET /user/gpg_keys",
          {},
          { renamed: ["users", "listGpgKeysForAuthenticatedUser"] }
        ],
        listGpgKeysForAuthenticatedUser: ["GET /user/gpg_keys"],
        listGpgKeysForUser: ["GET /users/{username}/gpg_keys"],
        listPublicEmailsForAuthenticated: [
          "GET /user/public_emails",
          {},
          { renamed: ["users", "listPublicEmailsForAuthenticatedUser"] }
        ],
        listPublicEmailsForAuthenticatedUser: ["GET /user/public_emails"],
        listPublicKeysForUser: ["GET /users/{username}/keys"],
        listPublicSshKeysForAuthenticated: [
          "GET /user/keys",
          {},
          { renamed: ["users", "listPublicSshKeysForAuthenticatedUser"] }
        ],
        listPublicSshKeysForAuthenticatedUser: ["GET /user/keys"],
        listSocialAccountsForAuthenticatedUser: ["GET /user/social_accounts"],
        listSocialAccountsForUser: ["GET /users/{username}/social_accounts"],
        listSshSigningKeysForAuthenticatedUser: ["GET /user/ssh_signing_keys"],
        listSshSigningKeysForUser: ["GET /users/{username}/ssh_signing_keys"],
        setPrimaryEmailVisibilityForAuthenticated: [
          "PATCH /user/email/visibility",
          {},
          { renamed: ["users", "setPrimaryEmailVisibilityForAuthenticatedUser"] }
        ],
        setPrimaryEmailVisibilityForAuthenticatedUser: [
          "PATCH /user/email/visibility"
        ],
        unblock: ["DELETE /user/blocks/{username}"],
        unfollow: ["DELETE /user/following/{username}"],
        updateAuthenticated: ["PATCH /user"]
      }
    }, endpoints_default = Endpoints;
  }
});

// node_modules/@octokit/plugin-rest-endpoint-methods/dist-src/endpoints-to-methods.js
function endpointsToMethods(octokit) {
  let newMethods = {};
  for (let scope of endpointMethodsMap.keys())
    newMethods[scope] = new Proxy({ octokit, scope, cache: {} }, handler);
  return newMethods;
}
function decorate(octokit, scope, methodName, defaults, decorations) {
  let requestWithDefaults = octokit.request.defaults(defaults);
  function withDecorations(...args) {
    let options = requestWithDefaults.endpoint.merge(...args);
    if (decorations.mapToData)
      return options = Object.assign({}, options, {
        data: options[decorations.mapToData],
        [decorations.mapToData]: void 0
      }), requestWithDefaults(options);
    if (decorations.renamed) {
      let [newScope, newMethodName] = decorations.renamed;
      octokit.log.warn(
        `octokit.${scope}.${methodName}() has been renamed to octokit.${newScope}.${newMethodName}()`
      );
    }
    if (decorations.deprecated && octokit.log.warn(decorations.deprecated), decorations.renamedParameters) {
      let options2 = requestWithDefaults.endpoint.merge(...args);
      for (let [name, alias] of Object.entries(
        decorations.renamedParameters
      ))
        name in options2 && (octokit.log.warn(
          `"${name}" parameter is deprecated for "octokit.${scope}.${methodName}()". Use "${alias}" instead`
        ), alias in options2 || (options2[alias] = options2[name]), delete options2[name]);
      return requestWithDefaults(options2);
    }
    return requestWithDefaults(...args);
  }
  return Object.assign(withDecorations, requestWithDefaults);
}
var endpointMethodsMap, handler, init_endpoints_to_methods = __esm({
  "node_modules/@octokit/plugin-rest-endpoint-methods/dist-src/endpoints-to-methods.js"() {
    init_endpoints();
    endpointMethodsMap = /* @__PURE__ */ new Map();
    for (let [scope, endpoints] of Object.entries(endpoints_default))
      for (let [methodName, endpoint2] of Object.entries(endpoints)) {
        let [route, defaults, decorations] = endpoint2, [method, url] = route.split(/ /), endpointDefaults = Object.assign(
          {
            method,
            url
          },
          defaults
        );
        endpointMethodsMap.has(scope) || endpointMethodsMap.set(scope, /* @__PURE__ */ new Map()), endpointMethodsMap.get(scope).set(methodName, {
          scope,
          methodName,
          endpointDefaults,
          decorations
        });
      }
    handler = {
      has({ scope }, methodName) {
        return endpointMethodsMap.get(scope).has(methodName);
      },
      getOwnPropertyDescriptor(target, methodName) {
        return {
          value: this.get(target, methodName),
          // ensures method is in the cache
          configurable: !0,
          writable: !0,
          enumerable: !0
        };
      },
      defineProperty(target, methodName, descriptor) {
        return Object.defineProperty(target.cache, methodName, descriptor), !0;
      },
      deleteProperty(target, methodName) {
        return delete target.cache[methodName], !0;
      },
      ownKeys({ scope }) {
        return [...endpointMethodsMap.get(scope).keys()];
      },
      set(target, methodName, value) {
        return target.cache[methodName] = value;
      },
      get({ octokit, scope, cache }, methodName) {
        if (cache[methodName])
          return cache[methodName];
        let method = endpointMethodsMap.get(scope).get(methodName);
        if (!method)
          return;
        let { endpointDefaults, decorations } = method;
        return decorations ? cache[methodName] = decorate(
          octokit,
          scope,
          methodName,
          endpointDefaults,
          decorations
        ) : cache[methodName] = octokit.request.defaults(endpointDefaults), cache[methodName];
      }
    };
  }
});

// node_modules/@octokit/plugin-rest-endpoint-methods/dist-src/index.js
function restEndpointMethods(octokit) {
  return {
    rest: endpointsToMethods(octokit)
  };
}
function legacyRestEndpointMethods(octokit) {
  let api = endpointsToMethods(octokit);
  return {
    ...api,
    rest: api
  };
}
var init_dist_src4 = __esm({
  "node_modules/@octokit/plugin-rest-endpoint-methods/dist-src/index.js"() {
    init_version4();
    init_endpoints_to_methods();
    restEndpointMethods.VERSION = VERSION7;
    legacyRestEndpointMethods.VERSION = VERSION7;
  }
});

// node_modules/@octokit/rest/dist-src/version.js
var VERSION8, init_version5 = __esm({
  "node_modules/@octokit/rest/dist-src/version.js"() {
    VERSION8 = "22.0.1";
  }
});

// node_modules/@octokit/rest/dist-src/index.js
var Octokit2, init_dist_src5 = __esm({
  "node_modules/@octokit/rest/dist-src/index.js"() {
    init_dist_src2();
    init_dist_src3();
    init_dist_bundle5();
    init_dist_src4();
    init_version5();
    Octokit2 = Octokit.plugin(requestLog, legacyRestEndpointMethods, paginateRest).defaults(
      {
        userAgent: `octokit-rest.js/${VERSION8}`
      }
    );
  }
});

// scripts/lib/relay/github-client.ts
var github_client_exports = {};
__export(github_client_exports, {
  callSignal: () => callSignal,
  createOctokit: () => createOctokit,
  githubError: () => githubError,
  githubMessage: () => githubMessage,
  hasResponse: () => hasResponse,
  httpStatus: () => httpStatus,
  isStatus: () => isStatus,
  withReadRetry: () => withReadRetry
});
function createOctokit(baseUrl, token) {
  let quiet = () => {
  };
  return new Octokit2({
    auth: token,
    baseUrl,
    userAgent: "alive-relay",
    log: { debug: quiet, info: quiet, warn: quiet, error: quiet }
  });
}
function httpStatus(err) {
  if (err && typeof err == "object" && "status" in err && typeof err.status == "number")
    return err.status;
}
function hasResponse(err) {
  return !!(err && typeof err == "object" && "response" in err && err.response);
}
function isStatus(err, ...codes) {
  let s3 = httpStatus(err);
  return hasResponse(err) && s3 !== void 0 && codes.includes(s3);
}
function githubMessage(err) {
  let data = err?.response?.data;
  return data && typeof data == "object" && "message" in data && typeof data.message == "string" ? inlineText(data.message, 300) : inlineText(messageOf(err).replace(/ - https?:\/\/\S+$/, ""), 300);
}
function githubError(err, doing, baseUrl) {
  if (err instanceof AliveError) return err;
  let status = httpStatus(err);
  if (!hasResponse(err)) {
    let timedOut = /abort|timeout/i.test(`${err?.name} ${messageOf(err)}`);
    return new AliveError(
      timedOut ? `GitHub at ${baseUrl} did not answer in time while ${doing}; check your connection and try again` : `could not reach GitHub at ${baseUrl} while ${doing}: ${inlineText(messageOf(err), 300)}; check your connection and try again`,
      { code: timedOut ? "timeout" : "network", cause: err }
    );
  }
  let headers = err.response?.headers ?? {}, msg = githubMessage(err);
  if (status === 401)
    return new AliveError(`GitHub rejected the token while ${doing} (401 ${msg}); set GH_TOKEN to a valid token or run \`gh auth login\``, {
      code: "unauthorized",
      cause: err
    });
  if ((status === 403 || status === 429) && (String(headers["x-ratelimit-remaining"] ?? "") === "0" || status === 429)) {
    let reset = Number(headers["x-ratelimit-reset"]), when = Number.isFinite(reset) && reset > 0 ? ` at ${new Date(reset * 1e3).toISOString()}` : " later", retryAfter = headers["retry-after"] !== void 0 ? ` (retry after ${String(headers["retry-after"])} s)` : "";
    return new AliveError(`GitHub's API rate limit is used up while ${doing}; try again${when}${retryAfter}`, { code: "rate_limited", cause: err });
  }
  return status === 403 ? new AliveError(`GitHub refused ${doing} (403 ${msg}); the token may lack the 'repo' scope`, { code: "forbidden", cause: err }) : status !== void 0 && status >= 500 ? new AliveError(`GitHub failed while ${doing} (${status} ${msg}); try again in a few minutes`, { code: "server_error", cause: err }) : new AliveError(`GitHub refused ${doing} (${status ?? "?"} ${msg})`, { code: "http_refused", cause: err, fields: { http_status: status ?? null } });
}
function callSignal(timeoutMs, deadline) {
  let ms2 = deadline !== void 0 ? Math.min(timeoutMs, deadline - Date.now()) : timeoutMs;
  return AbortSignal.timeout(Math.max(1, ms2));
}
async function withReadRetry(fn, deadline, attempts = 3) {
  let lastErr;
  for (let i = 0; i < attempts; i++)
    try {
      return await fn();
    } catch (err) {
      lastErr = err;
      let status = httpStatus(err), retryable = hasResponse(err) ? status !== void 0 && status >= 500 : !/abort|timeout/i.test(`${err?.name} ${messageOf(err)}`), wait = 250 * 2 ** i;
      if (!retryable || i === attempts - 1 || deadline !== void 0 && Date.now() + wait >= deadline) throw err;
      await new Promise((r) => setTimeout(r, wait));
    }
  throw lastErr;
}
var init_github_client = __esm({
  "scripts/lib/relay/github-client.ts"() {
    "use strict";
    init_dist_src5();
    init_errors();
    init_untrusted();
  }
});

// scripts/lib/relay/constants.ts
var RELAY_REPO_NAME, init_constants = __esm({
  "scripts/lib/relay/constants.ts"() {
    "use strict";
    RELAY_REPO_NAME = "walnut-relay";
  }
});

// scripts/lib/relay/repo-name.ts
function splitRepo(repo) {
  let cleaned = repo.replace(/^https?:\/\/github\.com\//i, "").replace(/\.git$/, "").replace(/\/+$/, ""), [owner, name, extra] = cleaned.split("/");
  if (!owner || !name || extra !== void 0 || !isValidLogin(owner) || !/^[A-Za-z0-9._-]{1,100}$/.test(name))
    throw new AliveError(`'${inlineText(repo)}' is not a GitHub repository name of the form owner/repo`, { code: "bad_repo" });
  return { owner, repo: name };
}
var init_repo_name = __esm({
  "scripts/lib/relay/repo-name.ts"() {
    "use strict";
    init_errors();
    init_untrusted();
    init_names();
  }
});

// scripts/lib/relay/github-transport.ts
var github_transport_exports = {};
__export(github_transport_exports, {
  CONTENTS_API_MAX_BYTES: () => CONTENTS_API_MAX_BYTES,
  GithubTransport: () => GithubTransport,
  RELAY_REPO_NAME: () => RELAY_REPO_NAME,
  splitRepo: () => splitRepo
});
async function* jsonBlobBody(path) {
  yield Buffer.from('{"encoding":"base64","content":"');
  let carry = Buffer.alloc(0);
  for await (let chunk of (0, import_node_fs40.createReadStream)(path, { highWaterMark: 192 * 1024 })) {
    let buf = carry.length ? Buffer.concat([carry, chunk]) : chunk, usable = buf.length - buf.length % 3;
    usable > 0 && (yield Buffer.from(buf.subarray(0, usable).toString("base64"))), carry = Buffer.from(buf.subarray(usable));
  }
  carry.length && (yield Buffer.from(carry.toString("base64"))), yield Buffer.from('"}');
}
var import_node_fs40, import_node_stream6, import_promises9, CONTENTS_API_MAX_BYTES, CALL_TIMEOUT_MS, TRANSFER_TIMEOUT_MS, WRITE_ATTEMPTS, GithubTransport, init_github_transport = __esm({
  "scripts/lib/relay/github-transport.ts"() {
    "use strict";
    import_node_fs40 = __toESM(require_node_fs(), 1), import_node_stream6 = __toESM(require_node_stream(), 1), import_promises9 = __toESM(require_promises2(), 1);
    init_errors();
    init_github_client();
    init_git_transport();
    init_names();
    init_constants();
    init_untrusted();
    init_repo_name();
    init_repo_name();
    CONTENTS_API_MAX_BYTES = 1024 * 1024, CALL_TIMEOUT_MS = 3e4, TRANSFER_TIMEOUT_MS = 30 * 6e4, WRITE_ATTEMPTS = 4, GithubTransport = class {
      kind = "github";
      gh;
      o;
      get branch() {
        return this.o.branch;
      }
      constructor(opts) {
        this.gh = opts.octokit, this.o = { ...opts };
      }
      get ownRepo() {
        return `${this.o.login}/${RELAY_REPO_NAME}`;
      }
      fail(err, doing) {
        return githubError(err, doing, this.o.baseUrl);
      }
      req(limits = {}, timeoutMs = CALL_TIMEOUT_MS) {
        return { request: { signal: callSignal(timeoutMs, limits.deadline) } };
      }
      /** The login the token belongs to. */
      async authenticatedLogin() {
        try {
          return (await withReadRetry(() => this.gh.rest.users.getAuthenticated(this.req()))).data.login;
        } catch (err) {
          throw this.fail(err, "reading the authenticated user");
        }
      }
      async userExists(login2) {
        try {
          return await withReadRetry(() => this.gh.rest.users.getByUsername({ username: login2, ...this.req() })), !0;
        } catch (err) {
          if (isStatus(err, 404)) return !1;
          throw this.fail(err, `looking up the GitHub user ${login2}`);
        }
      }
      /** Reads a file of a repository as text; undefined when it does not exist. */
      async readText(owner, repo, path, limits = {}) {
        try {
          let r = await withReadRetry(() => this.gh.rest.repos.getContent({ owner, repo, path, ...this.req(limits) }), limits.deadline), data = r.data;
          if (Array.isArray(r.data) || data.type !== "file" || typeof data.sha != "string")
            throw new AliveError(`${owner}/${repo}: ${path} is not a file`, { code: "bad_relay" });
          return { text: data.encoding === "base64" ? Buffer.from(data.content ?? "", "base64").toString("utf8") : data.content ?? "", sha: data.sha };
        } catch (err) {
          if (isStatus(err, 404)) return;
          throw this.fail(err, `reading ${path} from ${owner}/${repo}`);
        }
      }
      async putText(owner, repo, path, text, message, sha) {
        try {
          await this.gh.rest.repos.createOrUpdateFileContents({
            owner,
            repo,
            path,
            message,
            content: Buffer.from(text, "utf8").toString("base64"),
            ...sha ? { sha } : {},
            ...this.req()
          });
        } catch (err) {
          throw this.fail(err, `writing ${path} to ${owner}/${repo}`);
        }
      }
      async headCommit(owner, repo, limits = {}, branch = this.o.branch) {
        try {
          return (await withReadRetry(() => this.gh.rest.git.getRef({ owner, repo, ref: `heads/${branch}`, ...this.req(limits) }), limits.deadline)).data.object.sha;
        } catch (err) {
          if (isStatus(err, 409)) return null;
          if (isStatus(err, 404)) {
            if (await this.repoVisible(owner, repo, limits)) return null;
            throw new AliveError(`the relay ${owner}/${repo} does not exist or this token cannot see it`, { code: "relay_not_found" });
          }
          throw this.fail(err, `reading the head of ${owner}/${repo}`);
        }
      }
      async repoVisible(owner, repo, limits = {}) {
        try {
          return await withReadRetry(() => this.gh.rest.repos.get({ owner, repo, ...this.req(limits) }), limits.deadline), !0;
        } catch (err) {
          if (isStatus(err, 404)) return !1;
          throw this.fail(err, `reading ${owner}/${repo}`);
        }
      }
      async setup(publicKeyPem) {
        let owner = this.o.login, repo = RELAY_REPO_NAME, created = !1;
        try {
          let r = await withReadRetry(() => this.gh.rest.repos.get({ owner, repo, ...this.req() }));
          if (r.data.default_branch && (this.o.branch = r.data.default_branch), !r.data.private)
            throw new AliveError(`${owner}/${repo} exists and is public; make it private on GitHub (a relay must never be public), then run setup again`, {
              code: "public_relay"
            });
        } catch (err) {
          if (!isStatus(err, 404)) throw this.fail(err, `reading ${owner}/${repo}`);
          try {
            await this.gh.rest.repos.createForAuthenticatedUser({
              name: repo,
              private: !0,
              auto_init: !1,
              description: "walnut relay: a private mailbox for alive packages",
              ...this.req()
            }), created = !0, this.o.branch = "main";
          } catch (createErr) {
            throw this.fail(createErr, `creating the private repository ${owner}/${repo}`);
          }
        }
        await this.readText(owner, repo, "README.md") || await this.putText(owner, repo, "README.md", relayReadme(), "Initialize walnut relay");
        let keyPath = `keys/${owner}.pem`, existing = await this.readText(owner, repo, keyPath), keyPublished = !1;
        return (!existing || existing.text !== publicKeyPem) && (await this.putText(owner, repo, keyPath, publicKeyPem, `Publish key of ${owner}`, existing?.sha), keyPublished = !0), { repo: `${owner}/${repo}`, url: null, created, keyPublished, head: await this.headCommit(owner, repo), branch: this.o.branch };
      }
      /** Invites a peer to push into the user's relay: 'invited' (201) or 'already' a collaborator (204). */
      async invite(peerLogin) {
        try {
          return (await this.gh.rest.repos.addCollaborator({
            owner: this.o.login,
            repo: RELAY_REPO_NAME,
            username: peerLogin,
            permission: "push",
            ...this.req()
          })).status === 201 ? "invited" : "already";
        } catch (err) {
          throw isStatus(err, 404) ? new AliveError(`cannot invite ${peerLogin}: ${this.ownRepo} or the user was not found; run \`alive-p2p relay setup\` first`, {
            code: "not_found"
          }) : this.fail(err, `inviting ${peerLogin} to ${this.ownRepo}`);
        }
      }
      /** Removes a peer's access to the user's relay (and any invitation still open). */
      async removeCollaborator(peerLogin) {
        try {
          await this.gh.rest.repos.removeCollaborator({ owner: this.o.login, repo: RELAY_REPO_NAME, username: peerLogin, ...this.req() });
        } catch (err) {
          throw this.fail(err, `removing ${peerLogin}'s access to ${this.ownRepo}`);
        }
      }
      async isCollaborator(peerLogin, limits = {}) {
        try {
          return await this.gh.rest.repos.checkCollaborator({ owner: this.o.login, repo: RELAY_REPO_NAME, username: peerLogin, ...this.req(limits) }), !0;
        } catch (err) {
          if (isStatus(err, 404)) return !1;
          throw this.fail(err, `checking whether ${peerLogin} accepted the invitation`);
        }
      }
      /** Open invitations to relays (repositories named walnut-relay), all pages. */
      async listRelayInvitations() {
        try {
          let all = await this.gh.paginate(this.gh.rest.repos.listInvitationsForAuthenticatedUser, { per_page: 100, ...this.req({}, 6e4) }), out = [];
          for (let inv of all) {
            let repo = inv.repository, owner = repo.owner.login, inviter = inv.inviter?.login ?? owner;
            repo.name !== RELAY_REPO_NAME || !isValidLogin(owner) || inviter.toLowerCase() !== owner.toLowerCase() || out.push({ id: inv.id, repo: repo.full_name, inviter: owner });
          }
          return out;
        } catch (err) {
          throw this.fail(err, "listing your repository invitations");
        }
      }
      async acceptInvitation(id) {
        try {
          await this.gh.rest.repos.acceptInvitationForAuthenticatedUser({ invitation_id: id, ...this.req() });
        } catch (err) {
          throw this.fail(err, `accepting invitation ${id}`);
        }
      }
      async fetchPeerKey(peer, limits = {}) {
        let { owner, repo } = splitRepo(peer.relay), file2 = await this.readText(owner, repo, `keys/${peer.login}.pem`, limits);
        if (!file2)
          throw new AliveError(
            `cannot read ${peer.login}'s key from ${owner}/${repo} (not found, or you have no access yet): ask ${peer.login} to run \`alive-p2p relay add-peer ${this.o.login}\`, then run \`alive-p2p relay accept ${peer.login}\``,
            { code: "no_peer_key" }
          );
        return file2.text;
      }
      async ownKey(limits = {}) {
        let file2 = await this.readText(this.o.login, RELAY_REPO_NAME, `keys/${this.o.login}.pem`, limits);
        return file2 ? file2.text : null;
      }
      async deliver(peer, localPath, nextName, checkKey) {
        let { owner, repo } = splitRepo(peer.relay);
        checkKey(await this.fetchPeerKey(peer));
        let folder2 = `inbox/${this.o.login}`;
        if ((0, import_node_fs40.statSync)(localPath).size <= CONTENTS_API_MAX_BYTES) {
          let { readFileSync: readFileSync17 } = await import("node:fs"), content = readFileSync17(localPath).toString("base64");
          for (let attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
            let name = nextName(), path = `${folder2}/${name}`;
            try {
              let r = await this.gh.rest.repos.createOrUpdateFileContents({
                owner,
                repo,
                path,
                message: `deposit: ${name} from ${this.o.login}`,
                content,
                ...this.req({}, TRANSFER_TIMEOUT_MS)
              });
              return { path, name, commit: r.data.commit.sha ?? null, via: "contents-api" };
            } catch (err) {
              if (isStatus(err, 409, 422)) continue;
              throw isStatus(err, 404) ? this.noWriteAccess(peer, owner, repo) : this.fail(err, `delivering a package to ${owner}/${repo}`);
            }
          }
          throw new AliveError(`${owner}/${repo} kept refusing the deposit; try again`, { code: "conflict" });
        }
        return this.deliverLarge(peer, owner, repo, folder2, localPath, nextName);
      }
      noWriteAccess(peer, owner, repo) {
        return new AliveError(
          `cannot write to ${owner}/${repo} (not found or no access): ask ${peer.login} to run \`alive-p2p relay add-peer ${this.o.login}\`, then \`alive-p2p relay accept ${peer.login}\``,
          { code: "no_access" }
        );
      }
      async deliverLarge(peer, owner, repo, folder2, localPath, nextName) {
        let blobSha;
        try {
          blobSha = (await this.gh.request("POST /repos/{owner}/{repo}/git/blobs", {
            owner,
            repo,
            headers: { "content-type": "application/json; charset=utf-8" },
            data: import_node_stream6.Readable.from(jsonBlobBody(localPath)),
            ...this.req({}, TRANSFER_TIMEOUT_MS)
          })).data.sha;
        } catch (err) {
          throw isStatus(err, 404) ? this.noWriteAccess(peer, owner, repo) : this.fail(err, `uploading a package to ${owner}/${repo}`);
        }
        let branch;
        try {
          branch = (await withReadRetry(() => this.gh.rest.repos.get({ owner, repo, ...this.req() }))).data.default_branch;
        } catch (err) {
          throw this.fail(err, `reading ${owner}/${repo}`);
        }
        for (let attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
          let name = nextName(), path = `${folder2}/${name}`;
          try {
            let head = await this.headCommit(owner, repo, {}, branch);
            if (!head) throw new AliveError(`${owner}/${repo} is empty; ask ${peer.login} to run \`alive-p2p relay setup\``, { code: "peer_not_set_up" });
            let commit = await this.gh.rest.git.getCommit({ owner, repo, commit_sha: head, ...this.req() });
            if (await this.readText(owner, repo, path)) continue;
            let tree = await this.gh.rest.git.createTree({
              owner,
              repo,
              base_tree: commit.data.tree.sha,
              tree: [{ path, mode: "100644", type: "blob", sha: blobSha }],
              ...this.req()
            }), next = await this.gh.rest.git.createCommit({
              owner,
              repo,
              message: `deposit: ${name} from ${this.o.login}`,
              tree: tree.data.sha,
              parents: [head],
              ...this.req()
            });
            try {
              await this.gh.rest.git.updateRef({ owner, repo, ref: `heads/${branch}`, sha: next.data.sha, force: !1, ...this.req() });
            } catch (err) {
              if (isStatus(err, 409, 422)) continue;
              throw err;
            }
            return { path, name, commit: next.data.sha, via: "git-data-api" };
          } catch (err) {
            throw err instanceof AliveError ? err : this.fail(err, `delivering a package to ${owner}/${repo}`);
          }
        }
        throw new AliveError(`${owner}/${repo} kept changing while delivering; try again`, { code: "conflict" });
      }
      async listInbox(limits = {}) {
        let owner = this.o.login, repo = RELAY_REPO_NAME, head = await this.headCommit(owner, repo, limits);
        if (!head) return { head, entries: [], ignored: [] };
        try {
          let commit = await withReadRetry(() => this.gh.rest.git.getCommit({ owner, repo, commit_sha: head, ...this.req(limits) }), limits.deadline), inbox = (await this.tree(owner, repo, commit.data.tree.sha, !1, limits)).tree.find((e) => e.path === "inbox" && e.type === "tree");
          if (!inbox) return { head, entries: [], ignored: [] };
          let entries = [], ignored = [], flat = await this.tree(owner, repo, inbox.sha, !0, limits);
          if (flat.truncated) {
            let items = [];
            for (let dir of (await this.tree(owner, repo, inbox.sha, !1, limits)).tree) {
              if (dir.type !== "tree") {
                items.push(dir);
                continue;
              }
              for (let f2 of (await this.tree(owner, repo, dir.sha, !1, limits)).tree) items.push({ ...f2, path: `${dir.path}/${f2.path}` });
            }
            flat = { tree: items, truncated: !1 };
          }
          for (let e of flat.tree) {
            if (e.type === "tree") continue;
            let parts = e.path.split("/");
            if (parts.length === 2 && parts[1] === ".gitkeep") continue;
            let [sender, name] = parts;
            parts.length === 2 && e.type === "blob" && sender && name && isValidLogin(sender) && isSafeDepositName(name) ? entries.push({ sender, name, path: `inbox/${e.path}`, blobSha: e.sha, ...e.size !== void 0 ? { size: e.size } : {} }) : ignored.push(inlineText(`inbox/${e.path}`));
          }
          return entries.sort((a, b2) => a.path.localeCompare(b2.path)), { head, entries, ignored };
        } catch (err) {
          throw this.fail(err, `listing the inbox of ${owner}/${repo}`);
        }
      }
      async tree(owner, repo, sha, recursive, limits) {
        let r = await withReadRetry(
          () => this.gh.rest.git.getTree({ owner, repo, tree_sha: sha, ...recursive ? { recursive: "true" } : {}, ...this.req(limits) }),
          limits.deadline
        );
        return {
          truncated: !!r.data.truncated,
          tree: r.data.tree.map((e) => ({ path: e.path ?? "", type: e.type ?? "", sha: e.sha ?? "", size: e.size }))
        };
      }
      async download(entry, dest, maxBytes) {
        if (maxBytes !== void 0 && entry.size !== void 0 && entry.size > maxBytes) throw tooLargeError(entry, maxBytes);
        let owner = this.o.login, repo = RELAY_REPO_NAME;
        try {
          let body = (await withReadRetry(
            () => this.gh.request("GET /repos/{owner}/{repo}/git/blobs/{file_sha}", {
              owner,
              repo,
              file_sha: entry.blobSha,
              headers: { accept: "application/vnd.github.raw+json" },
              request: { signal: callSignal(TRANSFER_TIMEOUT_MS), parseSuccessResponseBody: !1 }
            })
          )).data;
          if (!body) throw new AliveError(`GitHub sent an empty body for ${entry.path}`, { code: "bad_download" });
          let seen = 0, cap = new import_node_stream6.Transform({
            transform(chunk, _enc, done) {
              seen += chunk.length, maxBytes !== void 0 && seen > maxBytes ? done(tooLargeError(entry, maxBytes)) : done(null, chunk);
            }
          });
          await (0, import_promises9.pipeline)(import_node_stream6.Readable.fromWeb(body), cap, (0, import_node_fs40.createWriteStream)(dest, { flags: "wx", mode: 384 }));
        } catch (err) {
          throw err instanceof AliveError ? err : this.fail(err, `downloading ${entry.path}`);
        }
      }
      async remove(entries) {
        let owner = this.o.login, repo = RELAY_REPO_NAME;
        for (let e of entries)
          for (let attempt = 0; ; attempt++)
            try {
              await this.gh.rest.repos.deleteFile({ owner, repo, path: e.path, message: `received: ${e.name}`, sha: e.blobSha, ...this.req() });
              break;
            } catch (err) {
              if (isStatus(err, 404)) break;
              if (isStatus(err, 409, 500, 502, 503) && attempt < WRITE_ATTEMPTS - 1) {
                await new Promise((r) => setTimeout(r, 300 * (attempt + 1)));
                continue;
              }
              throw this.fail(err, `removing ${e.path} from ${owner}/${repo} (it is safely downloaded; run pull again later to clean up)`);
            }
      }
      async isReachable(peer, limits = {}) {
        try {
          let { owner, repo } = splitRepo(peer.relay);
          return await this.repoVisible(owner, repo, limits);
        } catch {
          return !1;
        }
      }
    };
  }
});

// scripts/lib/relay/token.ts
var token_exports = {};
__export(token_exports, {
  DEFAULT_API_URL: () => DEFAULT_API_URL,
  githubApiUrl: () => githubApiUrl,
  resolveGithubToken: () => resolveGithubToken
});
async function resolveGithubToken(env = process.env, timeoutMs = 5e3) {
  for (let name of ["GH_TOKEN", "GITHUB_TOKEN"]) {
    let value = env[name]?.trim();
    if (value) return value;
  }
  let fromGh = await ghAuthToken(env, timeoutMs);
  if (fromGh) return fromGh;
  throw new AliveError("no GitHub token: set GH_TOKEN (or GITHUB_TOKEN), or run `gh auth login`", { code: "no_token" });
}
function ghAuthToken(env, timeoutMs) {
  return new Promise((resolve11) => {
    (0, import_node_child_process2.execFile)("gh", ["auth", "token"], { env, timeout: timeoutMs, windowsHide: !0 }, (err, stdout) => {
      resolve11(err ? void 0 : String(stdout).trim() || void 0);
    });
  });
}
function githubApiUrl(env, configured) {
  let url = env.GITHUB_API_URL?.trim() || configured?.trim() || DEFAULT_API_URL;
  if (!/^https?:\/\/[^\s]+$/i.test(url))
    throw new AliveError(`GitHub API URL '${url}' is not an http(s) URL; fix GITHUB_API_URL or relay.json's api_url`, {
      code: "bad_url"
    });
  return url.replace(/\/+$/, "");
}
var import_node_child_process2, DEFAULT_API_URL, init_token = __esm({
  "scripts/lib/relay/token.ts"() {
    "use strict";
    import_node_child_process2 = __toESM(require_node_child_process(), 1);
    init_errors();
    DEFAULT_API_URL = "https://api.github.com";
  }
});

// scripts/lib/relay/open.ts
async function openTransport(cfg, paths, env = process.env) {
  if (cfg.transport === "git") {
    if (!cfg.url) throw new AliveError("relay.json has no url for the git transport; run `alive-p2p relay setup --transport git --url URL`");
    return new GitTransport({ login: cfg.github_username, url: cfg.url, branch: cfg.branch, clonePath: paths.clone, workDir: paths.work });
  }
  return openGithubTransport(cfg.github_username, cfg.api_url, cfg.branch, env);
}
async function openGithubTransport(login2, apiUrl, branch, env = process.env) {
  let [{ GithubTransport: Impl }, { createOctokit: createOctokit2 }, { resolveGithubToken: resolveGithubToken2, githubApiUrl: githubApiUrl2 }] = await Promise.all([
    Promise.resolve().then(() => (init_github_transport(), github_transport_exports)),
    Promise.resolve().then(() => (init_github_client(), github_client_exports)),
    Promise.resolve().then(() => (init_token(), token_exports))
  ]), baseUrl = githubApiUrl2(env, apiUrl), token = await resolveGithubToken2(env);
  return new Impl({ octokit: createOctokit2(baseUrl, token), baseUrl, login: login2, branch });
}
function isGithub(t) {
  return t.kind === "github";
}
var init_open = __esm({
  "scripts/lib/relay/open.ts"() {
    "use strict";
    init_git_transport();
    init_errors();
  }
});

// scripts/lib/relay/pin.ts
function pinPeerKey(paths, peer, pem, opts) {
  let key = parsePeerPublicKey(pem, peer.github), fp = fingerprint(key), before = peer.fingerprint;
  if (before && before !== fp && !opts.allowChange) throw keyChangedError(peer.github, before, fp);
  return savePeerKey(paths, peer.github, pem), {
    peer: { ...peer, fingerprint: fp },
    fingerprint: fp,
    replaced: before && before !== fp ? before : null,
    first: !before
  };
}
async function fetchAndPin(transport, paths, peer, opts) {
  let pem;
  try {
    pem = await transport.fetchPeerKey({ login: peer.github, relay: peer.relay });
  } catch (err) {
    throw err instanceof AliveError ? err : new AliveError(`cannot fetch ${peer.github}'s key: ${messageOf(err)}`);
  }
  if (opts.expected !== void 0) {
    let seen = fingerprint(parsePeerPublicKey(pem, peer.github));
    if (seen !== opts.expected)
      throw new AliveError(
        `${inlineText(peer.github)}'s relay holds the key ${formatFingerprint(seen)}, not the ${formatFingerprint(opts.expected)} you gave with --fingerprint; nothing was pinned. Check the fingerprint with ${inlineText(peer.github)} again`,
        { code: "key_changed", fields: { peer: peer.github, fingerprint: formatFingerprint(seen), expected: formatFingerprint(opts.expected) } }
      );
  }
  return pinPeerKey(paths, peer, pem, { allowChange: opts.allowChange });
}
function parseFingerprintArg(text) {
  let hex = text.trim().replace(/^sha256:/i, "").replace(/[\s:]/g, "").toLowerCase();
  return /^[0-9a-f]{64}$/.test(hex) ? hex : void 0;
}
function peerRelayAddress(cfg, url) {
  if (cfg.transport === "git") return normaliseGitUrl(url);
  let { owner, repo } = splitRepo(url);
  return `${owner}/${repo}`;
}
var init_pin = __esm({
  "scripts/lib/relay/pin.ts"() {
    "use strict";
    init_errors();
    init_untrusted();
    init_keys2();
    init_git_transport();
    init_repo_name();
  }
});

// scripts/lib/relay/state.ts
function emptyState() {
  return { last_sync: null, last_commit: null, pending_packages: 0, peer_reachability: {}, newly_accepted: [] };
}
function readRelayState(path) {
  return readJsonFile(path, relayStateSchema, "relay state", "delete it and run `relay-probe` to rebuild it");
}
function writeRelayState(path, state) {
  writeJsonAtomic(path, state);
}
function isoSeconds(date2 = /* @__PURE__ */ new Date()) {
  return `${date2.toISOString().slice(0, 19)}+00:00`;
}
var reachabilitySchema, count, ownKeySchema, relayStateSchema, init_state = __esm({
  "scripts/lib/relay/state.ts"() {
    "use strict";
    init_zod();
    init_atomic();
    init_file();
    reachabilitySchema = object({
      reachable: boolean2(),
      checked: string2(),
      relay_repo: nullable(string2()),
      error: optional(nullable(string2()))
    }), count = number2().check(int(), _gte(0)), ownKeySchema = object({
      /** 'ok', 'changed' (someone replaced it), 'missing' (not published) or 'unknown' (not read). */
      status: _enum(["ok", "changed", "missing", "unknown"]),
      checked: string2(),
      /** Fingerprint (hex) of the key the relay holds, when it could be read. */
      seen: nullable(string2())
    }), relayStateSchema = looseObject({
      last_sync: nullable(string2()),
      last_commit: nullable(string2()),
      pending_packages: count,
      peer_reachability: record(string2(), reachabilitySchema),
      newly_accepted: pipe(
        optional(array(string2())),
        transform((v2) => v2 ?? [])
      ),
      pending_by_sender: optional(record(string2(), count)),
      last_error: optional(nullable(string2())),
      /** When a relay command last ran here (push, pull, accept ...): a probe older than this is stale. */
      last_action: optional(nullable(string2())),
      /** The relay's copy of the user's own key, compared with keys/public.pem by the probe. */
      own_key: optional(nullable(ownKeySchema)),
      /** Pinned peers whose published key no longer matches the pin (login → fingerprint seen). */
      peer_key_changes: optional(record(string2(), string2()))
    });
  }
});

// scripts/lib/relay/activity.ts
function touchRelayActivity(paths, update, now = /* @__PURE__ */ new Date()) {
  let state;
  try {
    state = readRelayState(paths.state) ?? emptyState();
  } catch {
    state = emptyState();
  }
  let next = { ...state, peer_reachability: { ...state.peer_reachability }, newly_accepted: [...state.newly_accepted] };
  update?.(next), next.last_action = isoSeconds(now);
  try {
    writeRelayState(paths.state, next);
  } catch {
  }
}
var init_activity = __esm({
  "scripts/lib/relay/activity.ts"() {
    "use strict";
    init_state();
  }
});

// scripts/lib/relay/commands/common.ts
function output(ctx) {
  return {
    json: ctx.json,
    line(text = "") {
      ctx.json || ctx.print(text);
    },
    result(value) {
      ctx.json && ctx.printJson(value);
    },
    warn(text) {
      ctx.json || ctx.warn(text);
    }
  };
}
function printPin(out, login2, pin) {
  pin.replaced ? (out.line(`${login2}'s key CHANGED: was ${formatFingerprint(pin.replaced)}`), out.line(`now pinned:          ${formatFingerprint(pin.fingerprint)}`)) : out.line(`${login2}'s key ${pin.first ? "pinned" : "unchanged"}: ${formatFingerprint(pin.fingerprint)}`), (pin.first || pin.replaced) && out.line(`Check this fingerprint with ${login2} by another channel before you push or pull.`);
}
var init_common = __esm({
  "scripts/lib/relay/commands/common.ts"() {
    "use strict";
    init_keys2();
  }
});

// scripts/lib/relay/commands/accept.ts
var acceptCommand, init_accept = __esm({
  "scripts/lib/relay/commands/accept.ts"() {
    "use strict";
    init_command();
    init_errors();
    init_config();
    init_keys2();
    init_names();
    init_open();
    init_paths();
    init_pin();
    init_constants();
    init_activity();
    init_state();
    init_common();
    acceptCommand = defineCommand({
      name: "accept",
      summary: "trust a peer's relay and pin their key",
      usage: `usage: alive-p2p relay accept [LOGIN] [--url PEER_RELAY_URL] [--fingerprint HEX] [--json]

Trusts a peer's relay: fetches their public key, pins its fingerprint and records their relay.
  github: accepts open invitations to <peer>/walnut-relay (all of them, or LOGIN's only).
  git:    LOGIN and --url (their relay) are required the first time.
Naming LOGIN is also how you trust a peer's new key after checking it with them.

Options:
  --url URL          the peer's relay (git: a Git URL or path; github: owner/repo)
  --fingerprint HEX  the fingerprint the peer told you (SHA256:xxxx:... or 64 hex digits):
                     a key that does not match it is refused and nothing is pinned
  --json             one JSON object
  -h, --help         show this help`,
      options: { url: { type: "string" }, fingerprint: { type: "string" } },
      positionals: { min: 0, max: 1 },
      async run(ctx) {
        let env = process.env, out = output(ctx), login2 = ctx.positionals[0] !== void 0 ? requireLogin(ctx.positionals[0]) : void 0, expected;
        ctx.values.fingerprint !== void 0 && (login2 || ctx.usageError("--fingerprint needs the LOGIN whose key it is"), expected = parseFingerprintArg(ctx.values.fingerprint), expected || ctx.usageError("--fingerprint takes a SHA-256 fingerprint: 64 hex digits, as `SHA256:xxxx:xxxx:…` or plain"));
        let paths = defaultRelayPaths(env), cfg = requireRelayConfig(paths.config);
        login2 && login2.toLowerCase() === cfg.github_username.toLowerCase() && ctx.usageError("you cannot accept yourself");
        let transport = await openTransport(cfg, paths, env), targets = [];
        if (isGithub(transport)) {
          let invitations = await transport.listRelayInvitations();
          for (let inv of invitations)
            (!login2 || inv.inviter.toLowerCase() === login2.toLowerCase()) && targets.push({ login: inv.inviter, relay: inv.repo, invitation: inv.id });
          if (login2 && targets.length === 0) {
            let known = findPeer(cfg, login2)?.relay, relay = ctx.values.url !== void 0 ? peerRelayAddress(cfg, ctx.values.url) : known ?? `${login2}/${RELAY_REPO_NAME}`;
            targets.push({ login: login2, relay });
          }
        } else {
          if (!login2) return ctx.usageError("with the git transport, name the peer and their relay: accept LOGIN --url URL");
          let relay = ctx.values.url !== void 0 ? peerRelayAddress(cfg, ctx.values.url) : findPeer(cfg, login2)?.relay;
          if (!relay) return ctx.usageError(`--url is required: where is ${login2}'s relay?`);
          targets.push({ login: login2, relay });
        }
        if (targets.length === 0)
          return out.result({ ok: !0, accepted: [], refused: [] }), out.line("No relay invitations are waiting."), 0;
        let accepted = [], refused = [];
        for (let t of targets)
          try {
            let base = findPeer(cfg, t.login) ?? {
              github: t.login,
              name: null,
              relay: null,
              person_walnut: null,
              added: today(),
              status: "accepted",
              fingerprint: null
            };
            t.invitation !== void 0 && isGithub(transport) && await transport.acceptInvitation(t.invitation);
            let pin = await fetchAndPin(transport, paths, { ...base, relay: t.relay }, { allowChange: login2 !== void 0, ...expected ? { expected } : {} }), peer = { ...pin.peer, relay: t.relay, status: "accepted" };
            cfg = upsertPeer(cfg, peer), writeRelayConfig(paths.config, cfg), accepted.push({
              peer: peer.github,
              relay: peer.relay,
              fingerprint: formatFingerprint(pin.fingerprint),
              replaced: pin.replaced ? formatFingerprint(pin.replaced) : null,
              checked: expected !== void 0,
              invitation: t.invitation ?? null
            }), printPin(out, peer.github, pin), expected && out.line("It matches the fingerprint you gave.");
          } catch (err) {
            if (!(err instanceof AliveError) || targets.length === 1) throw err;
            refused.push({ peer: t.login, error: err.message }), out.warn(`${t.login}: ${err.message}`);
          }
        return touchRelayActivity(paths, (state) => {
          for (let a of accepted) state.peer_reachability[String(a.peer)] = { reachable: !0, checked: isoSeconds(), relay_repo: String(a.relay) };
          state.newly_accepted = state.newly_accepted.filter((l) => !accepted.some((a) => String(a.peer).toLowerCase() === l.toLowerCase()));
        }), out.result({ ok: refused.length === 0, accepted, refused }), refused.length === 0 ? 0 : 1;
      }
    });
  }
});

// scripts/lib/relay/commands/add-peer.ts
var addPeerCommand, init_add_peer = __esm({
  "scripts/lib/relay/commands/add-peer.ts"() {
    "use strict";
    init_command();
    init_errors();
    init_config();
    init_keys2();
    init_names();
    init_open();
    init_paths();
    init_pin();
    init_activity();
    init_common();
    addPeerCommand = defineCommand({
      name: "add-peer",
      summary: "add (and on GitHub invite) a peer",
      usage: `usage: alive-p2p relay add-peer LOGIN [--url PEER_RELAY_URL] [--name DISPLAY_NAME] [--json]

Adds a peer. With github, invites LOGIN to push into your relay (they then run accept).
With --url (their relay: a Git URL or path with the git transport, owner/repo with github),
their public key is fetched now and its fingerprint pinned; compare it with them out of band.

Options:
  --url URL     the peer's relay
  --name NAME   a display name
  --json        one JSON object
  -h, --help    show this help`,
      options: { url: { type: "string" }, name: { type: "string" } },
      positionals: { min: 1, max: 1 },
      async run(ctx) {
        let env = process.env, out = output(ctx), login2 = requireLogin(ctx.positionals[0]), paths = defaultRelayPaths(env), cfg = requireRelayConfig(paths.config);
        login2.toLowerCase() === cfg.github_username.toLowerCase() && ctx.usageError("you cannot add yourself as a peer");
        let transport = await openTransport(cfg, paths, env), relay = ctx.values.url !== void 0 ? peerRelayAddress(cfg, ctx.values.url) : null, before = findPeer(cfg, login2), peer = before ?? {
          github: login2,
          name: null,
          relay: null,
          person_walnut: null,
          added: today(),
          status: "pending",
          fingerprint: null
        };
        ctx.values.name !== void 0 && (peer = { ...peer, name: ctx.values.name.trim() || null }), peer.status === "removed" && (peer = { ...peer, status: "pending" });
        let invited = null;
        if (isGithub(transport)) {
          if (!await transport.userExists(login2)) throw new AliveError(`there is no GitHub user '${login2}'; check the spelling`, { code: "no_such_user" });
          invited = await transport.invite(login2), invited === "already" && (peer = { ...peer, status: "accepted" });
        }
        let pin = null;
        relay && (pin = await fetchAndPin(transport, paths, { ...peer, relay }, { allowChange: !1 }), peer = { ...pin.peer, relay }, isGithub(transport) || (peer = { ...peer, status: "accepted" })), cfg = upsertPeer(cfg, peer), writeRelayConfig(paths.config, cfg), touchRelayActivity(paths), out.result({
          ok: !0,
          peer: peer.github,
          status: peer.status,
          invited,
          relay: peer.relay,
          fingerprint: peer.fingerprint ? formatFingerprint(peer.fingerprint) : null,
          added: !before
        }), invited === "invited" && out.line(`Invited ${login2} to ${cfg.repo}; they run: alive-p2p relay accept ${cfg.github_username}`), invited === "already" && out.line(`${login2} already has access to ${cfg.repo}.`), pin ? printPin(out, login2, pin) : isGithub(transport) || out.line(`Added ${login2}. When you know their relay, run: alive-p2p relay accept ${login2} --url THEIR_RELAY_URL`);
      }
    });
  }
});

// scripts/lib/relay/commands/inbox.ts
function stampTime(name) {
  let m2 = /-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-[0-9a-f]{8}\.walnut$/.exec(name);
  return m2 ? `${m2[1]}-${m2[2]}-${m2[3]}T${m2[4]}:${m2[5]}:${m2[6]}Z` : null;
}
function formatSize(n) {
  return n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / 1024 / 1024).toFixed(1)} MiB`;
}
var inboxCommand, init_inbox = __esm({
  "scripts/lib/relay/commands/inbox.ts"() {
    "use strict";
    init_command();
    init_config();
    init_open();
    init_paths();
    init_activity();
    init_untrusted();
    init_common();
    inboxCommand = defineCommand({
      name: "inbox",
      summary: "list what waits in your relay (nothing is downloaded)",
      usage: `usage: alive-p2p relay inbox [--json]

Lists the packages waiting in your relay: sender, file, size, when it was delivered, and whether
the sender is a peer whose key you pinned (only those can be verified by pull). Nothing is
downloaded or changed; run \`alive-p2p relay pull\` to fetch them.

Options:
  --json      one JSON object: {ok, waiting: [{sender, file, path, size, time, pinned, peer_status}], ignored}
  -h, --help  show this help`,
      options: {},
      async run(ctx) {
        let env = process.env, out = output(ctx), paths = defaultRelayPaths(env), cfg = requireRelayConfig(paths.config), transport = await openTransport(cfg, paths, env), listing = await transport.listInbox(), details = transport.kind === "git" ? await transport.depositDetails(listing.head, new Set(listing.entries.map((e) => e.path))) : /* @__PURE__ */ new Map(), waiting = listing.entries.map((e) => {
          let peer = findPeer(cfg, e.sender), d = details.get(e.path);
          return {
            sender: e.sender,
            file: e.name,
            path: e.path,
            size: e.size ?? d?.size ?? null,
            time: d?.time ?? stampTime(e.name),
            pinned: !!peer?.fingerprint && peer?.status !== "removed",
            peer_status: peer?.status ?? "unknown"
          };
        });
        touchRelayActivity(paths, (state) => {
          let bySender = {};
          for (let w2 of waiting) bySender[w2.sender] = (bySender[w2.sender] ?? 0) + 1;
          state.pending_packages = waiting.length, state.pending_by_sender = bySender;
        }), out.result({ ok: !0, waiting, ignored: listing.ignored }), waiting.length === 0 ? out.line("Nothing is waiting in your relay.") : out.line(`${waiting.length} package(s) waiting in your relay:`);
        for (let w2 of waiting) {
          let trust = w2.pinned ? "pinned" : w2.peer_status === "removed" ? "REMOVED peer" : w2.peer_status === "unknown" ? "NOT a peer" : "key not pinned";
          out.line(`  ${w2.sender.padEnd(16)} ${w2.file}  ${w2.size === null ? "?" : formatSize(w2.size)}  ${w2.time ?? "time unknown"}  (${trust})`);
        }
        for (let i of listing.ignored) out.warn(`ignored ${inlineText(i)} on the relay (not a package name alive accepts)`);
        waiting.some((w2) => !w2.pinned) && out.line("Packages from senders without a pinned key are filed under unverified/ by pull."), waiting.length > 0 && out.line("Fetch them with: alive-p2p relay pull");
      }
    });
  }
});

// scripts/lib/relay/commands/remove-peer.ts
var import_node_fs41, removePeerCommand, init_remove_peer = __esm({
  "scripts/lib/relay/commands/remove-peer.ts"() {
    "use strict";
    import_node_fs41 = __toESM(require_node_fs(), 1);
    init_command();
    init_errors();
    init_config();
    init_keys2();
    init_names();
    init_open();
    init_paths();
    init_activity();
    init_common();
    removePeerCommand = defineCommand({
      name: "remove-peer",
      summary: "stop trusting a peer (unpin their key; on GitHub, remove their access)",
      usage: `usage: alive-p2p relay remove-peer LOGIN [--json]

Stops trusting LOGIN: their pinned key is removed, packages they deliver are no longer accepted (a
later pull files them under inbox/LOGIN/unverified/ with the reason), and you can no longer push
to them. On GitHub, their access to your relay is removed too (and an open invitation cancelled).
Says what it did and what it could not do. The peer stays listed as 'removed'; add-peer and
accept bring them back (their key is fetched and pinned again).

Options:
  --json      one JSON object: {ok, peer, unpinned, access_removed, problems}
  -h, --help  show this help`,
      options: {},
      positionals: { min: 1, max: 1 },
      async run(ctx) {
        let env = process.env, out = output(ctx), login2 = requireLogin(ctx.positionals[0]), paths = defaultRelayPaths(env), cfg = requireRelayConfig(paths.config), peer = findPeer(cfg, login2);
        if (!peer) throw new AliveError(`${login2} is not one of your peers; nothing to remove`, { code: "unknown_peer" });
        let was = peer.fingerprint;
        writeRelayConfig(paths.config, upsertPeer(cfg, { ...peer, status: "removed", fingerprint: null })), (0, import_node_fs41.rmSync)(peerKeyPath(paths, peer.github), { force: !0 });
        let done = [`unpinned ${peer.github}'s key${was ? ` (${formatFingerprint(was)})` : ""}; their packages are no longer accepted`], problems = [], accessRemoved = null;
        try {
          let transport = await openTransport(cfg, paths, env);
          isGithub(transport) ? (await transport.removeCollaborator(peer.github), accessRemoved = !0, done.push(`removed ${peer.github}'s access to ${cfg.repo} (and any open invitation)`)) : problems.push(
            `the git transport has no access control of its own: ${peer.github} can still write to ${cfg.repo} until you revoke it where the repository is hosted (SSH keys, file permissions)`
          );
        } catch (err) {
          accessRemoved = !1, problems.push(`could not remove ${peer.github}'s access to ${cfg.repo}: ${messageOf(err)}; remove it on GitHub (Settings > Collaborators)`);
        }
        touchRelayActivity(paths, (state) => {
          delete state.peer_reachability[peer.github], state.peer_key_changes && delete state.peer_key_changes[peer.github], state.newly_accepted = state.newly_accepted.filter((l) => l.toLowerCase() !== peer.github.toLowerCase());
        }), out.result({
          ok: accessRemoved !== !1,
          peer: peer.github,
          unpinned: was ? formatFingerprint(was) : null,
          access_removed: accessRemoved,
          done,
          problems
        });
        for (let d of done) out.line(`Done: ${d}.`);
        for (let p2 of problems) out.line(`Not done: ${p2}.`);
        return accessRemoved === !1 ? 1 : 0;
      }
    });
  }
});

// scripts/lib/relay/blob-sha.ts
async function gitBlobSha(path) {
  let size = (0, import_node_fs42.statSync)(path).size, hash = (0, import_node_crypto22.createHash)("sha1");
  hash.update(`blob ${size}\0`);
  for await (let chunk of (0, import_node_fs42.createReadStream)(path)) hash.update(chunk);
  return hash.digest("hex");
}
var import_node_crypto22, import_node_fs42, init_blob_sha = __esm({
  "scripts/lib/relay/blob-sha.ts"() {
    "use strict";
    import_node_crypto22 = __toESM(require_node_crypto(), 1), import_node_fs42 = __toESM(require_node_fs(), 1);
  }
});

// scripts/lib/relay/local-inbox.ts
function fsyncFile(path) {
  let fd = (0, import_node_fs43.openSync)(path, "r");
  try {
    (0, import_node_fs43.fsyncSync)(fd);
  } finally {
    (0, import_node_fs43.closeSync)(fd);
  }
}
function placeWithoutOverwrite(tmp, dir, name) {
  (0, import_node_fs43.mkdirSync)(dir, { recursive: !0, mode: 448 });
  let stem = name.replace(/\.walnut$/, "");
  for (let i = 0; i < 1e3; i++) {
    let candidate = (0, import_node_path39.join)(dir, i === 0 ? name : `${stem}-${i}.walnut`);
    try {
      (0, import_node_fs43.linkSync)(tmp, candidate);
    } catch (err) {
      if (errnoCode(err) === "EEXIST") continue;
      throw err;
    }
    return (0, import_node_fs43.unlinkSync)(tmp), fsyncDir(dir), candidate;
  }
  throw new Error(`too many files named like ${name} in ${dir}`);
}
function readReceivedLog(path) {
  try {
    return readJsonFile(path, receivedSchema, "pull record", "delete it (only duplicates can result)") ?? {};
  } catch {
    return {};
  }
}
function writeReceivedLog(path, log) {
  let entries = Object.entries(log).sort((a, b2) => a[1].at.localeCompare(b2[1].at));
  writeJsonAtomic(path, Object.fromEntries(entries.slice(-2e3)), { mode: 384 });
}
function alreadyReceived(log, blobSha) {
  let hit = log[blobSha];
  return hit && (0, import_node_fs43.existsSync)(hit.path) ? hit.path : void 0;
}
function receivedIdentity(log, identity) {
  for (let entry of Object.values(log)) if (entry.identity === identity) return entry;
}
var import_node_fs43, import_node_path39, receivedSchema, init_local_inbox = __esm({
  "scripts/lib/relay/local-inbox.ts"() {
    "use strict";
    import_node_fs43 = __toESM(require_node_fs(), 1), import_node_path39 = __toESM(require_node_path(), 1);
    init_zod();
    init_errors();
    init_atomic();
    init_file();
    receivedSchema = record(
      string2().check(_regex(/^[0-9a-f]{40,64}$/)),
      object({ path: string2(), at: string2(), identity: optional(string2().check(_regex(/^[0-9a-f]{64}$/))) })
    );
  }
});

// scripts/lib/relay/package-step.ts
async function sealForPeer(opts) {
  let { envelope } = await readPackageManifest(opts.input), sealed = await sealPackageForPeer({
    input: opts.input,
    output: opts.output,
    recipientPublicKey: opts.recipientPublicKey,
    signer: { privateKey: opts.signerPrivateKey, name: opts.signerName }
  });
  return { sha256: sealed.sha256, bytes: sealed.bytes, inputEnvelope: envelope };
}
async function checkReceived(path, opts) {
  let env = opts.env ?? process.env;
  if (!env.WALNUT_PASSPHRASE) {
    let head = await readPackageManifest(path).catch(() => {
    });
    if (head?.envelope === "passphrase" && head.text && head.manifest) return checkSealedWithoutPassphrase(path, head.text, head.manifest, opts);
  }
  let problems = [];
  opts.senderKey || problems.push(opts.senderKeyProblem ?? `no pinned key for ${opts.senderLogin}`);
  let { result: r, read } = await verifyPackageDetailed(path, {
    privateKey: opts.ownPrivateKey,
    ...opts.senderKey ? { signerPublicKey: opts.senderKey } : {},
    ...opts.maxSize !== void 0 ? { maxSize: opts.maxSize } : {},
    env
  }), badSignature = r.signature_ok === !1 || r.code === "bad_signature";
  badSignature && opts.senderKey || problems.push(...r.problems.map((p2) => p2.split(path).join(opts.displayName))), r.signed === !1 ? problems.push("the package is not signed") : opts.senderKey && badSignature && problems.push(`the signature does not match ${opts.senderLogin}'s pinned key`);
  let signer = typeof r.signer == "string" ? r.signer : null;
  r.signed && signer !== null && signer.toLowerCase() !== opts.senderLogin.toLowerCase() && problems.push(`signed as '${inlineText(signer)}' but delivered by ${opts.senderLogin}`);
  let verified = !!(r.ok && r.signed && r.signature_ok && opts.senderKey) && problems.length === 0;
  return {
    verified,
    signer,
    problems: [...new Set(problems)],
    identity: verified && read ? packageIdentity(read.manifest, opts.senderLogin) : null
  };
}
async function checkSealedWithoutPassphrase(path, text, manifest, opts) {
  let problems = [];
  opts.senderKey || problems.push(opts.senderKeyProblem ?? `no pinned key for ${opts.senderLogin}`);
  let block = readSignatureBlock(text), signer = block && block.signer !== "" ? block.signer : null;
  block ? opts.senderKey && (verifyManifestText(text, opts.senderKey).ok || problems.push(`the signature does not match ${opts.senderLogin}'s pinned key`)) : problems.push("the package is not signed"), signer !== null && signer.toLowerCase() !== opts.senderLogin.toLowerCase() && problems.push(`signed as '${inlineText(signer)}' but delivered by ${opts.senderLogin}`);
  let claimed = manifest.payload_sha256;
  if (!claimed) problems.push("the manifest has no payload_sha256, so the encrypted payload cannot be checked without the passphrase");
  else {
    let actual;
    try {
      actual = await payloadSha256(path, opts.maxSize ?? 4294967296);
    } catch (err) {
      problems.push(`cannot be read as a package: ${messageOf(err).split(path).join(opts.displayName)}`);
    }
    actual === void 0 && problems.length === 0 ? problems.push("the package has no payload.enc") : actual !== void 0 && actual !== claimed && problems.push("payload.enc does not match the payload_sha256 in its signed manifest (tampered with or damaged)");
  }
  let verified = problems.length === 0 && opts.senderKey !== null;
  return {
    verified,
    signer,
    problems,
    identity: verified ? packageIdentity(manifest, opts.senderLogin) : null,
    note: "encrypted with a passphrase: signature and payload checked without decrypting; its files are checked when you receive it with WALNUT_PASSPHRASE"
  };
}
async function payloadSha256(path, maxBytes) {
  let digest, label = path.slice(path.lastIndexOf("/") + 1);
  return await readTarFile(path, "gzip", { maxBytes, maxEntries: 10, label }, async (e) => {
    if (e.kind !== "dir" && e.path === "payload.enc") {
      let h = (0, import_node_crypto23.createHash)("sha256");
      for await (let chunk of e.body) h.update(chunk);
      digest = h.digest("hex");
    } else e.kind !== "dir" && e.body.resume();
  }), digest;
}
var import_node_crypto23, init_package_step = __esm({
  "scripts/lib/relay/package-step.ts"() {
    "use strict";
    import_node_crypto23 = __toESM(require_node_crypto(), 1);
    init_api2();
    init_identity();
    init_tar_read();
    init_limits();
    init_sign();
    init_errors();
    init_untrusted();
  }
});

// scripts/lib/relay/key-checks.ts
function checkOwnKey(paths, published, login2) {
  let checked = isoSeconds(), mine;
  try {
    mine = fingerprint(parsePeerPublicKey((0, import_node_fs44.readFileSync)(paths.publicKey, "utf8"), "your"));
  } catch {
    return { status: "unknown", checked, seen: null };
  }
  if (published === null) return { status: "missing", checked, seen: null };
  let seen;
  try {
    seen = fingerprint(parsePeerPublicKey(published, login2));
  } catch {
    return { status: "changed", checked, seen: null };
  }
  return { status: seen === mine ? "ok" : "changed", checked, seen };
}
function ownKeyProblem(check, login2) {
  if (check) {
    if (check.status === "changed")
      return `WARNING: the key published in your relay (keys/${login2}.pem${check.seen ? `, ${formatFingerprint(check.seen)}` : ", not a valid key"}) is NOT your key: someone with write access to your relay replaced it, and a peer who pins it now trusts them. Run \`alive-p2p relay setup\` to publish your key again, remove peers you do not trust (\`alive-p2p relay remove-peer LOGIN\`), and tell your peers to check your fingerprint`;
    if (check.status === "missing") return `your relay does not publish your key (keys/${login2}.pem); run \`alive-p2p relay setup\` to publish it`;
  }
}
function peerKeyProblem(login2, pinned, seen) {
  return `${login2}'s relay now publishes the key ${formatFingerprint(seen)}, not the ${formatFingerprint(pinned)} you pinned: check it with ${login2} by another channel, then \`alive-p2p relay accept ${login2} --fingerprint NEW\``;
}
var import_node_fs44, init_key_checks = __esm({
  "scripts/lib/relay/key-checks.ts"() {
    "use strict";
    import_node_fs44 = __toESM(require_node_fs(), 1);
    init_keys2();
    init_state();
  }
});

// scripts/lib/relay/pull-lock.ts
function running2(pid) {
  try {
    return process.kill(pid, 0), !0;
  } catch (err) {
    return errnoCode(err) === "EPERM";
  }
}
function holderOf(path) {
  try {
    let text = (0, import_node_fs45.readFileSync)(path, "utf8"), pid = Number((/"pid":\s*(\d+)/.exec(text) ?? [])[1]);
    return { text, pid: Number.isSafeInteger(pid) && pid > 0 ? pid : void 0 };
  } catch (err) {
    if (errnoCode(err) === "ENOENT") return;
    throw err;
  }
}
function acquirePullLock(path) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      let fd = (0, import_node_fs45.openSync)(path, "wx", 384);
      return (0, import_node_fs45.writeSync)(fd, `${JSON.stringify({ pid: process.pid, started: (/* @__PURE__ */ new Date()).toISOString() })}
`), (0, import_node_fs45.closeSync)(fd), {
        release() {
          holderOf(path)?.pid === process.pid && (0, import_node_fs45.unlinkSync)(path);
        }
      };
    } catch (err) {
      if (errnoCode(err) !== "EEXIST") throw err;
    }
    let h = holderOf(path);
    if (!h) continue;
    if (h.pid !== void 0 && h.pid !== process.pid && running2(h.pid))
      throw new AliveError(`another relay pull is running (pid ${h.pid}); wait for it to finish, then pull again`, { code: "busy" });
    if (h.pid === process.pid) throw new AliveError("a relay pull is already running in this process", { code: "busy" });
    let again = holderOf(path);
    again && again.text === h.text && (0, import_node_fs45.unlinkSync)(path);
  }
  throw new AliveError(`cannot take ${path}; if no relay pull is running, delete that file and pull again`, { code: "busy" });
}
var import_node_fs45, init_pull_lock = __esm({
  "scripts/lib/relay/pull-lock.ts"() {
    "use strict";
    import_node_fs45 = __toESM(require_node_fs(), 1);
    init_errors();
  }
});

// scripts/lib/relay/commands/pull.ts
async function pull(o) {
  let { paths, cfg, ownKey, maxSize, env, out } = o, transport = await openTransport(cfg, paths, env), listing = await transport.listInbox(), logPath = (0, import_node_path40.join)(paths.dir, "received.json"), log = readReceivedLog(logPath), received = [], duplicates = [], failed = [], toRemove = [];
  for (let entry of listing.entries) {
    if (alreadyReceived(log, entry.blobSha)) {
      toRemove.push(entry);
      continue;
    }
    try {
      let r = await receiveOne(entry, { paths, cfg, ownKey, transport, maxSize, env, log });
      "first" in r ? duplicates.push(r) : received.push(r), writeReceivedLog(logPath, log), toRemove.push(entry);
    } catch (err) {
      let code = err instanceof AliveError ? err.code : "failed";
      failed.push({ from: entry.sender, name: entry.name, error: messageOf(err), code }), out.warn(`${entry.path}: ${messageOf(err)}${code === "too_large" ? "" : " (left on the relay)"}`);
    }
  }
  let cleanupError = null;
  try {
    await transport.remove(toRemove);
  } catch (err) {
    cleanupError = messageOf(err);
  }
  let remaining = listing.entries.length - (cleanupError ? 0 : toRemove.length), ownKeyText;
  try {
    let own2 = checkOwnKey(paths, await transport.ownKey(), cfg.github_username);
    ownKeyText = ownKeyProblem(own2, cfg.github_username), touchRelayActivity(paths, (state) => {
      state.own_key = own2, setPending(state, listing.entries, cleanupError ? [] : toRemove);
    });
  } catch {
    touchRelayActivity(paths, (state) => setPending(state, listing.entries, cleanupError ? [] : toRemove));
  }
  let unverified = received.filter((r) => !r.verified), ok = failed.length === 0 && unverified.length === 0 && cleanupError === null, fields = {
    received,
    duplicates,
    failed,
    ignored: listing.ignored,
    remaining,
    cleanup_error: cleanupError,
    max_size: maxSize,
    ...ownKeyText ? { own_key_problem: ownKeyText } : {}
  };
  unverified.length === 0 && out.result({ ok, ...fields }), ownKeyText && out.warn(ownKeyText), listing.entries.length === 0 && out.line("No packages are waiting.");
  for (let r of received) {
    out.line(`${r.verified ? "Received" : "UNVERIFIED"} from ${r.from}: ${r.path}`), r.note && out.line(`  note: ${r.note}`);
    for (let p2 of r.problems) out.line(`  problem: ${p2}`);
  }
  for (let d of duplicates)
    out.line(`Duplicate from ${d.from}: ${d.name} is a package you already received (${d.first}); removed from the relay, not saved again`);
  for (let i of listing.ignored) out.warn(`ignored ${i} on the relay (not a package name alive accepts)`);
  if (cleanupError && out.warn(`packages are saved, but removing them from the relay failed: ${cleanupError}; run pull again later`), received.some((r) => r.verified) && out.line("Import with: alive-p2p receive PACKAGE --world DIR (or /alive:receive)"), unverified.length > 0)
    throw new AliveError(
      `${unverified.length} package(s) could not be verified and were kept under inbox/<sender>/unverified/; do not import them unless you confirm with the sender`,
      { code: "unverified", fields }
    );
  return ok ? 0 : 1;
}
function setPending(state, all, removed) {
  let gone = new Set(removed.map((e) => e.path)), bySender = {};
  for (let e of all) gone.has(e.path) || (bySender[e.sender] = (bySender[e.sender] ?? 0) + 1);
  state.pending_packages = Object.values(bySender).reduce((a, n) => a + n, 0), state.pending_by_sender = bySender;
}
function senderKeyFor(paths, cfg, sender) {
  let peer = findPeer(cfg, sender);
  if (!peer) return { key: null, problem: `${sender} is not one of your peers` };
  if (peer.status === "removed")
    return { key: null, problem: `you removed ${peer.github} from your peers (relay remove-peer), so their packages are no longer accepted` };
  try {
    return { key: loadPinnedPeerKey(paths, peer) };
  } catch (err) {
    return { key: null, problem: messageOf(err) };
  }
}
async function receiveOne(entry, ctx) {
  let dir = (0, import_node_path40.join)(ctx.paths.inbox, entry.sender);
  (0, import_node_fs46.mkdirSync)(dir, { recursive: !0, mode: 448 });
  let tmp = (0, import_node_path40.join)(dir, `.${entry.name}.${(0, import_node_crypto24.randomBytes)(4).toString("hex")}.part`);
  try {
    await ctx.transport.download(entry, tmp, ctx.maxSize), fsyncFile(tmp);
    let blob = await gitBlobSha(tmp);
    if (blob !== entry.blobSha)
      throw new AliveError(`download of ${entry.path} is corrupt (blob ${blob}, expected ${entry.blobSha})`, { code: "corrupt_download" });
    let sender = senderKeyFor(ctx.paths, ctx.cfg, entry.sender), check;
    try {
      check = await checkReceived(tmp, {
        ownPrivateKey: ctx.ownKey,
        senderLogin: entry.sender,
        senderKey: sender.key,
        displayName: entry.name,
        maxSize: ctx.maxSize,
        env: ctx.env,
        ...sender.problem ? { senderKeyProblem: sender.problem } : {}
      });
    } catch (err) {
      check = {
        verified: !1,
        signer: null,
        identity: null,
        problems: [...sender.problem ? [sender.problem] : [], `cannot be read as a package: ${messageOf(err)}`]
      };
    }
    if (check.identity) {
      let earlier = receivedIdentity(ctx.log, check.identity);
      if (earlier)
        return ctx.log[entry.blobSha] = { path: earlier.path, at: isoSeconds(), identity: check.identity }, { from: entry.sender, name: entry.name, first: earlier.path };
    }
    let bytes = (0, import_node_fs46.statSync)(tmp).size, sha256 = await sha256File(tmp), path = placeWithoutOverwrite(tmp, check.verified ? dir : (0, import_node_path40.join)(dir, "unverified"), entry.name);
    return ctx.log[entry.blobSha] = { path, at: isoSeconds(), ...check.identity ? { identity: check.identity } : {} }, {
      from: entry.sender,
      name: entry.name,
      path,
      bytes,
      sha256,
      verified: check.verified,
      signer: check.signer,
      problems: check.problems,
      ...check.note ? { note: check.note } : {}
    };
  } finally {
    (0, import_node_fs46.rmSync)(tmp, { force: !0 });
  }
}
var import_node_fs46, import_node_path40, import_node_crypto24, USAGE2, pullCommand, init_pull = __esm({
  "scripts/lib/relay/commands/pull.ts"() {
    "use strict";
    import_node_fs46 = __toESM(require_node_fs(), 1), import_node_path40 = __toESM(require_node_path(), 1), import_node_crypto24 = __toESM(require_node_crypto(), 1);
    init_command();
    init_errors();
    init_limits();
    init_config();
    init_keys2();
    init_hash();
    init_blob_sha();
    init_local_inbox();
    init_open();
    init_package_step();
    init_paths();
    init_state();
    init_activity();
    init_key_checks();
    init_pull_lock();
    init_common();
    USAGE2 = `usage: alive-p2p relay pull [--max-size BYTES] [--json]

Downloads every package waiting in your relay into $ALIVE_HOME/relay/inbox/<sender>/ and removes
it from the relay once it is safely on disk. Each package is checked: intact, addressed to you,
and signed by the sender's pinned key. Packages that fail the check are kept, in
inbox/<sender>/unverified/, and reported; pull then exits 1. Nothing is ever overwritten.
A package already received (the same signed content, even re-compressed or re-encrypted) is a
duplicate: it is removed from the relay and not saved again. One pull runs at a time.

Options:
  --max-size BYTES  largest package downloaded, and largest expanded size accepted
                    (default 4 GiB); a larger one stays on the relay and is reported
  --json            one JSON object
  -h, --help        show this help`, pullCommand = defineCommand({
      name: "pull",
      summary: "download the packages waiting in your relay",
      usage: USAGE2,
      options: { "max-size": { type: "string" } },
      async run(ctx) {
        let env = process.env, out = output(ctx), raw = ctx.values["max-size"];
        raw !== void 0 && (!/^\d+$/.test(raw) || Number(raw) <= 0 || !Number.isSafeInteger(Number(raw))) && ctx.usageError(`--max-size takes a positive whole number of bytes, got '${raw}'`);
        let maxSize = raw === void 0 ? 4294967296 : Number(raw), paths = defaultRelayPaths(env), cfg = requireRelayConfig(paths.config), ownKey = loadOwnPrivateKey(paths);
        (0, import_node_fs46.mkdirSync)(paths.dir, { recursive: !0, mode: 448 });
        let lock = acquirePullLock((0, import_node_path40.join)(paths.dir, "pull.lock"));
        try {
          return await pull({ paths, cfg, ownKey, maxSize, env, out });
        } finally {
          lock.release();
        }
      }
    });
  }
});

// scripts/lib/relay/commands/push.ts
var import_node_fs47, import_node_path41, import_node_crypto25, USAGE3, pushCommand, init_push = __esm({
  "scripts/lib/relay/commands/push.ts"() {
    "use strict";
    import_node_fs47 = __toESM(require_node_fs(), 1), import_node_path41 = __toESM(require_node_path(), 1), import_node_crypto25 = __toESM(require_node_crypto(), 1);
    init_command();
    init_errors();
    init_config();
    init_keys2();
    init_names();
    init_open();
    init_package_step();
    init_paths();
    init_common();
    init_activity();
    init_state();
    USAGE3 = `usage: alive-p2p relay push PACKAGE --to LOGIN [--json]

Delivers a .walnut package into LOGIN's relay (inbox/<you>/), encrypted to LOGIN's pinned key
(unless it already is encrypted) and signed with your key. Refuses if LOGIN's key on their relay
is not the one you pinned.

Options:
  --to LOGIN   the peer to deliver to (one of your peers, with a pinned key)
  --json       one JSON object
  -h, --help   show this help`, pushCommand = defineCommand({
      name: "push",
      summary: "deliver a package into a peer's relay",
      usage: USAGE3,
      options: { to: { type: "string" } },
      positionals: { min: 1, max: 1 },
      async run(ctx) {
        let env = process.env, out = output(ctx), to2 = requireLogin(ctx.required(ctx.values.to, "--to"), "--to"), input = ctx.positionals[0];
        try {
          if (!(0, import_node_fs47.statSync)(input).isFile()) throw new AliveError(`${input} is not a file`, { code: "not_a_file" });
        } catch (err) {
          throw errnoCode(err) === "ENOENT" ? new AliveError(`package ${input} does not exist`, { code: "not_found" }) : err;
        }
        let paths = defaultRelayPaths(env), cfg = requireRelayConfig(paths.config), peer = findPeer(cfg, to2);
        if (!peer) throw new AliveError(`${to2} is not one of your peers; run \`alive-p2p relay add-peer ${to2}\` first`, { code: "unknown_peer" });
        if (!peer.relay)
          throw new AliveError(`${to2}'s relay is not known yet; once ${to2} has invited you, run \`alive-p2p relay accept ${to2}\``, { code: "no_relay" });
        if (peer.status === "removed")
          throw new AliveError(
            `you removed ${peer.github} from your peers; to share with them again, run \`alive-p2p relay accept ${peer.github}\` after checking their fingerprint`,
            {
              code: "not_pinned"
            }
          );
        let recipientKey = loadPinnedPeerKey(paths, peer), pinned = peer.fingerprint, signerKey = loadOwnPrivateKey(paths), transport = await openTransport(cfg, paths, env);
        (0, import_node_fs47.mkdirSync)(paths.work, { recursive: !0, mode: 448 });
        let sealedPath = (0, import_node_path41.join)(paths.work, `push-${process.pid}-${(0, import_node_crypto25.randomBytes)(6).toString("hex")}.walnut`);
        try {
          let sealed = await sealForPeer({
            input,
            output: sealedPath,
            recipientPublicKey: recipientKey,
            signerPrivateKey: signerKey,
            signerName: cfg.github_username
          }), original = (0, import_node_path41.basename)(input), delivered = await transport.deliver(
            { login: peer.github, relay: peer.relay },
            sealedPath,
            () => depositName(original),
            (pem) => {
              let seen = fingerprint(parsePeerPublicKey(pem, peer.github));
              if (seen !== pinned) throw keyChangedError(peer.github, pinned, seen);
            }
          );
          touchRelayActivity(paths, (state) => {
            state.peer_reachability[peer.github] = { reachable: !0, checked: isoSeconds(), relay_repo: peer.relay };
          }), out.result({
            ok: !0,
            to: peer.github,
            relay: peer.relay,
            path: delivered.path,
            name: delivered.name,
            bytes: sealed.bytes,
            sha256: sealed.sha256,
            encrypted: !0,
            re_encrypted: sealed.inputEnvelope === "plain",
            signed: !0,
            via: delivered.via,
            commit: delivered.commit
          }), out.line(`Delivered ${original} to ${peer.github}: ${delivered.path} (${sealed.bytes} bytes, signed by ${cfg.github_username})`);
        } finally {
          (0, import_node_fs47.rmSync)(sealedPath, { force: !0 });
        }
      }
    });
  }
});

// scripts/lib/relay/commands/setup.ts
function parseTransport(value, usageError) {
  return value === "github" || value === "git" ? value : usageError(`--transport must be github or git, not '${value}'`);
}
function readStateOrUndefined(path) {
  try {
    return readRelayState(path);
  } catch {
    return;
  }
}
var import_node_fs48, USAGE4, setupCommand, init_setup = __esm({
  "scripts/lib/relay/commands/setup.ts"() {
    "use strict";
    import_node_fs48 = __toESM(require_node_fs(), 1);
    init_command();
    init_errors();
    init_config();
    init_keys2();
    init_names();
    init_open();
    init_paths();
    init_state();
    init_git_transport();
    init_common();
    USAGE4 = `usage: alive-p2p relay setup [--login NAME] [--transport github|git] [--url URL] [--api-url URL] [--json]

Creates your relay (a private Git repository used as your mailbox), makes your RSA-4096 key pair
under $ALIVE_HOME/relay/keys/ if it is missing, and publishes your public key in the relay.
  github (default): the repository <login>/walnut-relay; --login defaults to the token's user.
  git:              any Git URL or local path (--url, required with --login); an empty local
                    folder or missing path becomes a new bare repository.
Running it again is safe: it republishes your key and keeps your peers.

Options:
  --login NAME          your login (github: defaults to the token's user)
  --transport KIND      github (default) or git
  --url URL             git: your relay (a bare repository path or any Git URL)
  --api-url URL         github: the API base (GitHub Enterprise)
  --json                one JSON object
  -h, --help            show this help`, setupCommand = defineCommand({
      name: "setup",
      summary: "create your relay and publish your key",
      usage: USAGE4,
      options: {
        login: { type: "string" },
        transport: { type: "string" },
        url: { type: "string" },
        "api-url": { type: "string" }
      },
      async run(ctx) {
        let { values } = ctx, env = process.env, out = output(ctx), paths = defaultRelayPaths(env), existing = readRelayConfig(paths.config), transport = parseTransport(values.transport ?? existing?.transport ?? "github", ctx.usageError);
        transport === "github" && values.url !== void 0 && ctx.usageError("--url is for the git transport; with github the relay is <login>/walnut-relay"), transport === "git" && values["api-url"] !== void 0 && ctx.usageError("--api-url is for the github transport");
        let login2, transportImpl, apiUrl = null, url = null;
        if (transport === "git") {
          login2 = requireLogin(values.login ?? (existing?.transport === "git" ? existing.github_username : void 0), "--login");
          let rawUrl = values.url ?? (existing?.transport === "git" ? existing.url ?? void 0 : void 0);
          if (!rawUrl) return ctx.usageError("--url is required with --transport git (a bare repository path or any Git URL)");
          url = normaliseGitUrl(rawUrl), transportImpl = new GitTransport({ login: login2, url, branch: existing?.branch ?? "main", clonePath: paths.clone, workDir: paths.work });
        } else {
          apiUrl = values["api-url"] ?? existing?.api_url ?? null;
          let me2 = await (await openGithubTransport(values.login ?? "unknown", apiUrl, existing?.branch ?? "main", env)).authenticatedLogin();
          if (values.login !== void 0 && values.login.toLowerCase() !== me2.toLowerCase())
            throw new AliveError(`the GitHub token belongs to ${me2}, not ${values.login}; use that account's token (GH_TOKEN) or drop --login`, {
              code: "wrong_account"
            });
          login2 = requireLogin(me2, "the authenticated login"), transportImpl = await openGithubTransport(login2, apiUrl, existing?.branch ?? "main", env);
        }
        if (existing && existing.github_username.toLowerCase() !== login2.toLowerCase())
          throw new AliveError(`this relay is already set up for ${existing.github_username}; to start over as ${login2}, move ${paths.config} aside first`, {
            code: "already_set_up"
          });
        let keys = await ensureOwnKeyPair(paths), result2 = await transportImpl.setup(keys.publicKeyPem), cfg = {
          ...existing ?? {},
          repo: result2.repo,
          github_username: login2,
          transport,
          url,
          api_url: apiUrl,
          branch: result2.branch ?? existing?.branch ?? "main",
          peers: existing?.peers ?? []
        };
        writeRelayConfig(paths.config, cfg), (!(0, import_node_fs48.existsSync)(paths.state) || readStateOrUndefined(paths.state) === void 0) && writeRelayState(paths.state, emptyState()), out.result({
          ok: !0,
          login: login2,
          transport,
          repo: result2.repo,
          url,
          created: result2.created,
          key_generated: keys.generated,
          key_published: result2.keyPublished,
          fingerprint: formatFingerprint(keys.fingerprint),
          config: paths.config
        }), out.line(`Relay ready: ${result2.repo} (${transport}${result2.created ? ", created" : ""})`), out.line(`Your key${keys.generated ? " (new)" : ""}: ${formatFingerprint(keys.fingerprint)}`), out.line("Give this fingerprint to your peers by another channel so they can check it when they accept you."), out.line(`Next: alive-p2p relay add-peer LOGIN${transport === "git" ? " --url THEIR_RELAY_URL" : ""}`);
      }
    });
  }
});

// scripts/lib/relay/probe.ts
function timedOutState(previous, now, error2) {
  return { ...previous, last_sync: isoSeconds(now), newly_accepted: [], last_error: error2 };
}
function readPreviousState(statePath, warnings) {
  try {
    return readRelayState(statePath) ?? emptyState();
  } catch (err) {
    return warnings.push(messageOf(err)), emptyState();
  }
}
async function probeRelay(opts, previous, warnings) {
  let env = opts.env ?? process.env, cfg;
  try {
    cfg = readRelayConfig(opts.paths.config);
  } catch (err) {
    return warnings.push(messageOf(err)), null;
  }
  if (!cfg) return null;
  let limits = { deadline: opts.deadline }, started = /* @__PURE__ */ new Date(), errors = [], transport;
  try {
    transport = await withDeadline(openTransport(cfg, opts.paths, env), opts.deadline, "opening the relay");
  } catch (err) {
    return { ...previous, last_sync: isoSeconds(started), newly_accepted: [], last_error: messageOf(err) };
  }
  let listingTask = (async () => {
    try {
      return { listing: await transport.listInbox(limits), fresh: !0 };
    } catch (err) {
      if (errors.push(messageOf(err)), transport.kind === "git") return { listing: await transport.listCachedInbox(), fresh: !1 };
      throw err;
    }
  })(), newlyAccepted = [], acceptanceTask = (async () => {
    if (isGithub(transport))
      for (let peer of cfg.peers.filter((p2) => p2.status === "pending"))
        try {
          if (!await transport.isCollaborator(peer.github, limits)) continue;
          newlyAccepted.push(peer.github);
        } catch (err) {
          errors.push(messageOf(err));
        }
  })(), reachability = {}, keyChanges = {}, reachTask = Promise.all(
    cfg.peers.filter((p2) => p2.relay && p2.status !== "removed").map(async (p2) => {
      let peer = { login: p2.github, relay: p2.relay }, ok = !1;
      if (p2.fingerprint)
        try {
          let seen = fingerprint(parsePeerPublicKey(await transport.fetchPeerKey(peer, limits), p2.github));
          ok = !0, seen !== p2.fingerprint && (keyChanges[p2.github] = seen);
        } catch {
          ok = !1;
        }
      ok || (ok = await transport.isReachable(peer, limits).catch(() => !1)), reachability[p2.github] = { reachable: ok, checked: isoSeconds(), relay_repo: p2.relay };
    })
  ), ownKeyTask = listingTask.catch(() => {
  }).then(async () => {
    try {
      return checkOwnKey(opts.paths, await transport.ownKey(limits), cfg.github_username);
    } catch (err) {
      errors.push(messageOf(err));
      return;
    }
  }), [listingResult, , , ownKeyResult] = await Promise.allSettled([listingTask, acceptanceTask, reachTask, ownKeyTask]);
  if (newlyAccepted.length > 0) {
    let relays = new Map(cfg.peers.map((p2) => [p2.github, p2.relay ?? `${p2.github}/${RELAY_REPO_NAME}`]));
    await recordAccepted(
      opts.paths,
      newlyAccepted.map((login2) => ({ login: login2, relay: relays.get(login2) })),
      transport,
      limits,
      errors
    );
  }
  let checkedKeys = new Set(cfg.peers.filter((p2) => p2.fingerprint && reachability[p2.github]?.reachable).map((p2) => p2.github)), peerKeyChanges = Object.fromEntries(
    Object.entries(previous.peer_key_changes ?? {}).filter(([login2]) => !checkedKeys.has(login2) && cfg.peers.some((p2) => p2.github === login2 && p2.fingerprint))
  ), state = {
    ...previous,
    last_sync: isoSeconds(started),
    peer_reachability: { ...previous.peer_reachability, ...reachability },
    peer_key_changes: { ...peerKeyChanges, ...keyChanges },
    ...ownKeyResult.status === "fulfilled" && ownKeyResult.value ? { own_key: ownKeyResult.value } : {},
    newly_accepted: newlyAccepted,
    last_error: errors.length > 0 ? errors.join("; ").slice(0, 500) : null
  };
  if (listingResult.status === "fulfilled") {
    let { listing, fresh } = listingResult.value;
    fresh && (state.last_commit = listing.head), state.pending_packages = listing.entries.length;
    let bySender = {};
    for (let e of listing.entries) bySender[e.sender] = (bySender[e.sender] ?? 0) + 1;
    state.pending_by_sender = bySender;
  }
  return state;
}
async function recordAccepted(paths, accepted, transport, limits, errors) {
  let logins = accepted.map((a) => a.login), keys = /* @__PURE__ */ new Map();
  for (let peer of accepted)
    try {
      keys.set(peer.login, await transport.fetchPeerKey(peer, limits));
    } catch {
    }
  let cfg;
  try {
    cfg = readRelayConfig(paths.config);
  } catch {
    return;
  }
  if (!cfg) return;
  let changed = !1, peers = cfg.peers.map((p2) => {
    if (p2.status !== "pending" || !logins.includes(p2.github)) return p2;
    changed = !0;
    let next = { ...p2, status: "accepted" }, pem = keys.get(p2.github);
    if (pem)
      try {
        let fp = fingerprint(parsePeerPublicKey(pem, p2.github));
        !p2.fingerprint || p2.fingerprint === fp ? next = { ...pinPeerKey(paths, next, pem, { allowChange: !1 }).peer, relay: next.relay ?? `${p2.github}/${RELAY_REPO_NAME}` } : errors.push(`${p2.github}'s key differs from the pinned one; run alive-p2p relay accept ${p2.github} after checking it`);
      } catch (err) {
        errors.push(messageOf(err));
      }
    return next;
  });
  changed && writeRelayConfig(paths.config, { ...cfg, peers });
}
function withDeadline(p2, deadline, what) {
  return new Promise((resolve11, reject) => {
    let t = setTimeout(() => reject(new AliveError(`${what} took too long`, { code: "timeout" })), Math.max(1, deadline - Date.now()));
    p2.then(
      (v2) => {
        clearTimeout(t), resolve11(v2);
      },
      (e) => {
        clearTimeout(t), reject(e);
      }
    );
  });
}
function writeProbeState(statePath, state) {
  writeRelayState(statePath, state);
}
async function probeWithinBudget(opts) {
  let started = Date.now(), warnings = [], previous = readPreviousState(opts.statePath, warnings), timer, watchdog = new Promise((resolve11) => {
    timer = setTimeout(
      () => resolve11({ state: timedOutState(previous, new Date(started), `the probe ran out of its ${opts.budgetMs / 1e3} s budget`), timedOut: !0 }),
      Math.max(1, opts.budgetMs - WRITE_RESERVE_MS / 2)
    );
  }), work = probeRelay(
    { paths: opts.paths, statePath: opts.statePath, deadline: started + opts.budgetMs - WRITE_RESERVE_MS, ...opts.env ? { env: opts.env } : {} },
    previous,
    warnings
  ).then(
    (state) => ({ state, timedOut: !1 }),
    (err) => ({
      state: { ...previous, last_sync: isoSeconds(new Date(started)), newly_accepted: [], last_error: messageOf(err) },
      timedOut: !1
    })
  ), outcome = await Promise.race([work, watchdog]);
  if (clearTimeout(timer), killAllGitChildren(), outcome.state)
    try {
      writeProbeState(opts.statePath, outcome.state);
    } catch (err) {
      warnings.push(`cannot write ${opts.statePath}: ${messageOf(err)}`);
    }
  return { ...outcome, warnings };
}
var WRITE_RESERVE_MS, init_probe = __esm({
  "scripts/lib/relay/probe.ts"() {
    "use strict";
    init_errors();
    init_config();
    init_keys2();
    init_open();
    init_pin();
    init_state();
    init_key_checks();
    init_git_run();
    init_constants();
    WRITE_RESERVE_MS = 300;
  }
});

// scripts/lib/relay/commands/status.ts
function isStale(state) {
  if (!state?.last_sync) return !0;
  let sync = Date.parse(state.last_sync);
  if (!Number.isFinite(sync)) return !0;
  let action = state.last_action ? Date.parse(state.last_action) : NaN;
  return Number.isFinite(action) && action >= sync;
}
function ageText(iso) {
  let ms2 = Date.now() - Date.parse(iso);
  if (!Number.isFinite(ms2)) return iso;
  let s3 = Math.max(0, Math.round(ms2 / 1e3)), human = s3 < 60 ? `${s3} s ago` : s3 < 3600 ? `${Math.round(s3 / 60)} min ago` : s3 < 172800 ? `${Math.round(s3 / 3600)} h ago` : `${Math.round(s3 / 86400)} days ago`;
  return `${iso} (${human})`;
}
var import_node_fs49, USAGE5, statusCommand, init_status = __esm({
  "scripts/lib/relay/commands/status.ts"() {
    "use strict";
    import_node_fs49 = __toESM(require_node_fs(), 1);
    init_command();
    init_errors();
    init_config();
    init_keys2();
    init_key_checks();
    init_paths();
    init_probe();
    init_state();
    init_common();
    USAGE5 = `usage: alive-p2p relay status [--offline] [--budget SECONDS] [--json]

Shows your relay, your keys, your peers (with pinned fingerprints) and what waits for you.
When what it knows is older than your last relay command (or there was never a probe), it probes
the relay first (within --budget, default 8 s): counts what waits, checks that your relay still
publishes your key and that every pinned peer's relay still publishes the pinned key. It says how
old what it shows is.

Options:
  --offline         read local files only, never probe
  --budget SECONDS  time allowed for the probe (default 8)
  --json            one JSON object
  -h, --help        show this help`, statusCommand = defineCommand({
      name: "status",
      summary: "show relay, keys, peers and what waits (probes when stale)",
      usage: USAGE5,
      options: { offline: { type: "boolean" }, budget: { type: "string" } },
      async run(ctx) {
        let env = process.env, out = output(ctx), budget = ctx.values.budget === void 0 ? 8 : Number(ctx.values.budget);
        budget >= 0.5 && budget <= 600 || ctx.usageError(`--budget takes seconds between 0.5 and 600, got '${ctx.values.budget}'`);
        let paths = defaultRelayPaths(env), cfg = readRelayConfig(paths.config);
        if (!cfg) {
          out.result({ ok: !0, configured: !1, config: paths.config }), out.line(`No relay is set up (${paths.config} does not exist). Run: alive-p2p relay setup`);
          return;
        }
        let problems = [], state = null;
        try {
          state = readRelayState(paths.state) ?? null;
        } catch (err) {
          problems.push(messageOf(err));
        }
        let probed = !1, probeTimedOut = !1;
        if (!ctx.values.offline && isStale(state)) {
          let r = await probeWithinBudget({ paths, statePath: paths.state, budgetMs: Math.round(budget * 1e3), env });
          probed = !0, probeTimedOut = r.timedOut, r.state && (state = r.state);
        }
        let privateMode = null;
        if ((0, import_node_fs49.existsSync)(paths.privateKey)) {
          let mode = (0, import_node_fs49.statSync)(paths.privateKey).mode & 511;
          privateMode = mode.toString(8).padStart(3, "0"), mode & 63 && problems.push(`your private key is readable by others (mode ${privateMode}): chmod 600 ${paths.privateKey}`);
        } else problems.push("your private key is missing: run alive-p2p relay setup");
        let ownFingerprint = null;
        try {
          ownFingerprint = fingerprint(parsePeerPublicKey((0, import_node_fs49.readFileSync)(paths.publicKey, "utf8"), "your"));
        } catch {
          problems.push("your public key is missing or unreadable: run alive-p2p relay setup");
        }
        let own2 = ownKeyProblem(state?.own_key, cfg.github_username);
        own2 && problems.push(own2);
        let keyChanges = state?.peer_key_changes ?? {}, peers = cfg.peers.map((p2) => {
          let key = "not pinned";
          if (p2.fingerprint) {
            let file2 = peerKeyPath(paths, p2.github);
            if (!(0, import_node_fs49.existsSync)(file2)) key = "missing";
            else
              try {
                key = fingerprint(parsePeerPublicKey((0, import_node_fs49.readFileSync)(file2, "utf8"), p2.github)) === p2.fingerprint ? "ok" : "changed";
              } catch {
                key = "unreadable";
              }
          }
          (key === "missing" || key === "changed" || key === "unreadable") && problems.push(`${p2.github}'s pinned key file is ${key}: run alive-p2p relay accept ${p2.github}`);
          let seen = keyChanges[p2.github], relayKey = p2.fingerprint ? seen && seen !== p2.fingerprint ? "changed" : state?.peer_reachability[p2.github]?.reachable ? "ok" : "unchecked" : null;
          return relayKey === "changed" && seen && problems.push(peerKeyProblem(p2.github, p2.fingerprint, seen)), {
            login: p2.github,
            name: p2.name,
            status: p2.status,
            relay: p2.relay,
            fingerprint: p2.fingerprint ? formatFingerprint(p2.fingerprint) : null,
            key,
            relay_key: relayKey,
            relay_fingerprint: seen ? formatFingerprint(seen) : null
          };
        }), age = state?.last_sync ? ageText(state.last_sync) : null;
        out.result({
          ok: problems.length === 0,
          configured: !0,
          login: cfg.github_username,
          transport: cfg.transport,
          repo: cfg.repo,
          api_url: cfg.api_url,
          fingerprint: ownFingerprint ? formatFingerprint(ownFingerprint) : null,
          private_key_mode: privateMode,
          own_key: state?.own_key?.status ?? "unknown",
          peers,
          state,
          probed,
          probe_timed_out: probeTimedOut,
          as_of: state?.last_sync ?? null,
          age_seconds: state?.last_sync ? Math.max(0, Math.round((Date.now() - Date.parse(state.last_sync)) / 1e3)) : null,
          problems
        }), out.line(`Relay:   ${cfg.repo} (${cfg.transport}) as ${cfg.github_username}`), out.line(
          `Key:     ${ownFingerprint ? formatFingerprint(ownFingerprint) : "missing"}${privateMode ? ` (private key mode ${privateMode})` : ""}${state?.own_key?.status === "ok" ? "; published in your relay" : ""}`
        ), out.line(`Peers:   ${peers.length === 0 ? "none (alive-p2p relay add-peer LOGIN)" : ""}`);
        for (let p2 of peers)
          out.line(
            `  ${p2.login.padEnd(20)} ${p2.status.padEnd(9)} key ${p2.key.padEnd(10)} ${p2.fingerprint ?? ""}${p2.relay_key === "changed" ? "  KEY CHANGED ON THEIR RELAY" : ""}`
          );
        if (state) {
          let waiting = `${state.pending_packages} package(s) waiting`, by = Object.entries(state.pending_by_sender ?? {}).map(([s3, n]) => `${s3}: ${n}`).join(", ");
          out.line(
            `Inbox:   ${waiting}${by ? ` (${by})` : ""}; ${age ? `as of ${age}${probed ? " (probed just now)" : ""}` : "never probed"}${probeTimedOut ? "; the probe ran out of time" : ""}${state.last_error ? `; last error: ${state.last_error}` : ""}`
          ), state.pending_packages > 0 && out.line("         see them with: alive-p2p relay inbox; fetch them with: alive-p2p relay pull");
        }
        for (let p2 of problems) out.line(`problem: ${p2}`);
      }
    });
  }
});

// scripts/lib/relay/cli.ts
var cli_exports = {};
__export(cli_exports, {
  relayGroup: () => relayGroup
});
var relayGroup, init_cli = __esm({
  "scripts/lib/relay/cli.ts"() {
    "use strict";
    init_command();
    init_accept();
    init_add_peer();
    init_inbox();
    init_remove_peer();
    init_pull();
    init_push();
    init_setup();
    init_status();
    relayGroup = defineGroup({
      name: "relay",
      summary: "the Git mailbox between peers (setup, add-peer, accept, remove-peer, status, inbox, push, pull)",
      commands: [setupCommand, addPeerCommand, acceptCommand, removePeerCommand, statusCommand, inboxCommand, pushCommand, pullCommand]
    });
  }
});

// scripts/alive-p2p.ts
init_command();
runEntry(
  defineGroup({
    name: "alive-p2p",
    summary: "share ALIVE walnuts peer to peer",
    commands: [
      lazyCommand("create", "pack a walnut into a .walnut package", async () => (await Promise.resolve().then(() => (init_create2(), create_exports))).createCommand),
      lazyCommand("info", "show a package's manifest summary", async () => (await Promise.resolve().then(() => (init_info2(), info_exports))).infoCommand),
      lazyCommand("verify", "check a package's integrity (and signature)", async () => (await Promise.resolve().then(() => (init_verify(), verify_exports))).verifyCommand),
      lazyCommand("extract", "unpack a package into a new folder", async () => (await Promise.resolve().then(() => (init_extract2(), extract_exports))).extractCommand),
      lazyCommand("receive", "import a package into a world", async () => (await Promise.resolve().then(() => (init_receive2(), receive_exports))).receiveCommand),
      lazyCommand("keygen", "make an RSA-4096 key pair", async () => (await Promise.resolve().then(() => (init_keygen(), keygen_exports))).keygenCommand),
      lazyCommand("relay", "the Git mailbox between peers (setup, add-peer, accept, remove-peer, status, inbox, push, pull)", async () => (await Promise.resolve().then(() => (init_cli(), cli_exports))).relayGroup)
    ]
  })
);

#!/usr/bin/env node
import { createRequire as __aliveCreateRequire } from 'node:module';
const require = __aliveCreateRequire(import.meta.url);

// scripts/lib/errors.ts
var AliveError = class extends Error {
  name = "AliveError";
  /** A short machine-readable reason, for --json output and tests (e.g. "checksum_mismatch"). */
  code;
  exitCode;
  constructor(message, options = {}) {
    super(message, options.cause === void 0 ? void 0 : { cause: options.cause }), this.code = options.code ?? "failed", this.exitCode = options.exitCode ?? 1;
  }
}, UsageError = class extends AliveError {
  name = "UsageError";
  constructor(message) {
    super(message, { code: "usage", exitCode: 2 });
  }
};
function messageOf(err) {
  return err instanceof Error ? err.message : String(err);
}

// scripts/lib/cli/main.ts
function runMain(fn) {
  Promise.resolve().then(() => fn(process.argv.slice(2))).then(
    (code) => finish(code ?? 0),
    (err) => {
      process.env.ALIVE_DEBUG === "1" && err instanceof Error && process.stderr.write(`${err.stack}
`), err instanceof AliveError ? (process.stderr.write(`error: ${err.message}
`), finish(err.exitCode)) : (process.stderr.write(
        `error: unexpected failure: ${messageOf(err)} (run again with ALIVE_DEBUG=1 for details, and report it)
`
      ), finish(1));
    }
  );
}
function finish(code) {
  process.exitCode = code;
}
function printLine(text = "") {
  process.stdout.write(`${text}
`);
}

// scripts/alive-p2p.ts
var USAGE = `usage: alive-p2p <command> [options]

Commands:
  create    pack a walnut into a .walnut package
  info      show a package's manifest summary
  verify    check a package's integrity (and signature)
  extract   unpack a package into a new folder
  receive   import a package into a world
  keygen    make an RSA-4096 key pair
  relay     the Git mailbox between peers (setup, add-peer, accept, status, push, pull)

Run 'alive-p2p <command> --help' for a command's options.`, commands = {};
runMain(async (argv) => {
  let [name, ...rest] = argv;
  if (name === void 0 || name === "--help" || name === "-h" || name === "help")
    return printLine(USAGE), name === void 0 ? 2 : 0;
  let command = commands[name];
  if (!command) throw new UsageError(`unknown command '${name}'
${USAGE}`);
  return command(rest);
});

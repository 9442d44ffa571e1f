/**
 * The child of test/support/deadline-child.ts: runs one case at a time, each an async function body
 * read as one JSON line on stdin ({ "body": "…" }), and answers each with one JSON line on stdout:
 * { "ok": true, "out": what the body printed with console.log } or { "ok": false, "error": "…" }.
 */
import { createInterface } from 'node:readline';
import { format } from 'node:util';

const AsyncFunction = (async () => {}).constructor;
const print = console.log;

for await (const line of createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY })) {
  if (line === '') continue;
  const out = [];
  console.log = (...args) => out.push(format(...args));
  let answer;
  try {
    const { body } = JSON.parse(line);
    await new AsyncFunction(body)();
    answer = { ok: true, out: out.join('\n') };
  } catch (err) {
    answer = { ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  } finally {
    console.log = print;
  }
  process.stdout.write(`${JSON.stringify(answer)}\n`);
}

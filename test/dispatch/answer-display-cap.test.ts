/**
 * An answer just under the read limit (tens of MB) was printed whole by `dispatch run` and
 * `dispatch repl`: megabytes of escaped text on a terminal, after reading all of it into memory.
 * Their text output now shows the first ANSWER_SHOWN_BYTES of the body, cut between two
 * characters, and a line of ours giving the full size and the command that prints it whole;
 * only that much of the file is read. `run --json` (and `dispatch show`) keep it whole.
 */
import { describe, expect, it } from 'vitest';
import { closeSync, mkdirSync, openSync, readdirSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { runSession } from '../../scripts/lib/bus/commands/repl.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { messageFileName, newMessageId } from '../../scripts/lib/bus/ids.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { ANSWER_SHOWN_BYTES, waitForResponse } from '../../scripts/lib/bus/responses.ts';
import { Session } from '../../scripts/lib/bus/session.ts';
import { waitUntil } from '../../scripts/lib/bus/wait.ts';
import { dispatch, makeBus, splitFences } from './helpers.ts';

const EURO = '€'; // 3 bytes: 64 KiB is no whole number of them, so the cut falls inside one

/** Writes claude's answer to `requestId`: `body`, then zero bytes up to `size` (sparse). Returns its id. */
function plantAnswer(root: string, requestId: string, body: string, size?: number): string {
  const paths = receiverPaths(root, 'claude');
  mkdirSync(paths.outbox, { recursive: true });
  const id = newMessageId();
  const tmp = join(paths.outbox, `.${id}.tmp`);
  const fd = openSync(tmp, 'wx');
  writeSync(fd, `# HelloWorld Response\n# From: claude\n# To: human\n# Thread: ${requestId}\n# In-Reply-To: ${requestId}\n\n${body}`);
  if (size !== undefined) writeSync(fd, 'Z', size - 1);
  closeSync(fd);
  renameSync(tmp, join(paths.outbox, messageFileName(id)));
  return id;
}

/** Runs `work` while answering the first request that reaches claude's inbox. */
async function whileAnswered<T>(root: string, body: string, work: () => Promise<T>): Promise<{ out: T; answerId: string }> {
  const paths = receiverPaths(root, 'claude');
  mkdirSync(paths.inbox, { recursive: true });
  let answerId = '';
  const answer = async () => {
    const got = await waitUntil(paths.root, paths.inbox, () => readdirSync(paths.inbox).find((n) => n.startsWith('msg-')), 10_000);
    if (got.ok) answerId = plantAnswer(root, got.value.slice(4, -3), body);
  };
  const [out] = await Promise.all([work(), answer()]);
  return { out, answerId };
}

const body = `${EURO.repeat(30_000)}THE-END`; // 90,007 bytes
const shownChars = Math.floor(ANSWER_SHOWN_BYTES / 3);

describe('a long answer on a terminal', () => {
  it('dispatch run shows its first 64 KiB, cut between characters, and says how to print it whole', async () => {
    const { root, base } = makeBus();
    const program = join(base, 'p.hw');
    writeFileSync(program, '@claude hello\n');
    const { out: r, answerId } = await whileAnswered(root, body, () => dispatch(root, ['run', program, '--wait', '10']));
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    const end = lines.findIndex((l) => l.startsWith('END UNTRUSTED ANSWER'));
    expect(lines[end - 1]).toBe(EURO.repeat(shownChars));
    expect(r.stdout).not.toContain('THE-END');
    expect(lines[end + 1]).toMatch(
      new RegExp(
        `^  \\(the answer msg-${answerId} is \\d+ bytes; the first ${shownChars * 3} bytes of its text are shown: 'dispatch show ${answerId} --full' prints it whole\\)$`,
      ),
    );
    // The file's size: the body and the headers.
    expect(Number(lines[end + 1]!.match(/is (\d+) bytes/)![1])).toBeGreaterThan(Buffer.byteLength(body) + 100);
  });

  it('dispatch run --json keeps it whole', async () => {
    const { root, base } = makeBus();
    const program = join(base, 'p.hw');
    writeFileSync(program, '@claude hello\n');
    const { out: r } = await whileAnswered(root, body, () => dispatch(root, ['run', program, '--wait', '10', '--json']));
    expect(JSON.parse(r.stdout).results[0].untrusted.answer).toBe(body);
  });

  it('dispatch repl (through a pipe) shows its first 64 KiB in a fence after the receiver name, then our line', async () => {
    const { root } = makeBus();
    const session = new Session({ root, from: 'human', waitMs: 10_000 });
    let stdout = '';
    const io = { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: () => true } };
    const { out: code, answerId } = await whileAnswered(root, body, () => runSession(session, Readable.from(['@claude hello\n']), io, false));
    expect(code).toBe(0);
    const { outside, fenced } = splitFences(stdout.trimEnd());
    expect(fenced).toBe(EURO.repeat(shownChars));
    expect(outside.split('\n')).toEqual([
      '@claude answered (untrusted text; it ends at the END line with the same number):',
      `(the answer msg-${answerId} is ${stdout.match(/is (\d+) bytes/)?.[1]} bytes; the first ${shownChars * 3} bytes of its text are shown: 'dispatch show ${answerId} --full' prints it whole)`,
    ]);
  });

  it('an answer of tens of MB: only its start is read', async () => {
    const { root } = makeBus();
    const sent = await sendMessage({ root, to: 'claude', from: 'human', body: 'hello' });
    const size = 40 * 1024 * 1024;
    const id = plantAnswer(root, sent.id, 'start', size);
    const r = await waitForResponse(root, 'claude', sent.id, 5_000, undefined, { prefixBytes: ANSWER_SHOWN_BYTES + 4096 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({ id, partial: true });
    expect(r.value.bytes).toBe(size);
    expect(r.value.message.body.length).toBeLessThanOrEqual(ANSWER_SHOWN_BYTES + 4096);
    expect(r.value.message.body.startsWith('start\0')).toBe(true);
  });
});

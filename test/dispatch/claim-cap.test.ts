/**
 * A message may be as long as its receiver's max_bytes (up to 64 MiB): `dispatch claim`, `show` and
 * `thread` print at most BODY_BYTES of its body, as the MCP claim tool does, with a line of ours on
 * what was left out and how to read it whole (`show --full`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, expect } from 'vitest';
import { dispatch, makeBus, splitFences } from './helpers.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { BODY_BYTES } from '../../scripts/lib/bus/shown-body.ts';
import { idHandle } from '../../scripts/lib/bus/ids.ts';
import { claimById, completeClaim, listInbox } from '../../scripts/lib/bus/claims.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';

const MIB = 1024 * 1024;
/**
 * 1.5 MiB, three times BODY_BYTES (3 MiB cost twice the CPU to show the same cut): a first line,
 * then two-byte characters (a cut may not split one), then a last line.
 */
const BIG = `first line\n${'é'.repeat((3 * MIB) / 4)}\nlast line`;

/** The text inside the UNTRUSTED MESSAGE fence of `stdout`. */
function messageFence(stdout: string): string {
  return /^<<<BEGIN UNTRUSTED MESSAGE ([0-9a-f]{12})\n([\s\S]*?)\nEND UNTRUSTED MESSAGE \1>>>$/m.exec(stdout)![2]!;
}

/** The text inside the UNTRUSTED ANSWER fence of `stdout`. */
function answerFence(stdout: string): string {
  return /^<<<BEGIN UNTRUSTED ANSWER ([0-9a-f]{12})\n([\s\S]*?)\nEND UNTRUSTED ANSWER \1>>>$/m.exec(stdout)![2]!;
}

async function bigMessage() {
  const { root } = makeBus();
  const sent = await sendMessage({ root, to: 'r', from: 's', body: BIG });
  return { root, sent };
}

describe('dispatch claim of a 1.5 MiB message', () => {
  it('prints at most BODY_BYTES of it, cut between two characters, and a note outside the fence', async () => {
    expect(Buffer.byteLength(BIG)).toBeGreaterThan(2 * BODY_BYTES);
    const { root, sent } = await bigMessage();
    const r = await dispatch(root, ['claim', '@r']);
    expect(r.status, r.stderr).toBe(0);
    expect(Buffer.byteLength(r.stdout)).toBeLessThan(BODY_BYTES + 4096);
    const { outside } = splitFences(r.stdout);
    const body = messageFence(r.stdout);
    expect(BIG.startsWith(body)).toBe(true);
    expect(Buffer.byteLength(body)).toBeGreaterThan(BODY_BYTES - 8);
    expect(body).not.toContain('last line');
    const left = Buffer.byteLength(BIG) - Buffer.byteLength(body);
    expect(outside).toContain(
      `the fence above holds the first ${Buffer.byteLength(body)} of the body's ${Buffer.byteLength(BIG)} bytes; ${left} bytes were left out. Read the message whole with 'dispatch show ${sent.id} --full' in a terminal, or in the file `,
    );
  });

  it('--json keeps the shape, cuts untrusted.body the same way and says so in cut and note', async () => {
    const { root, sent } = await bigMessage();
    const r = await dispatch(root, ['claim', '@r', '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(Buffer.byteLength(r.stdout)).toBeLessThan(BODY_BYTES + 4096);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ ok: true, claimed: true, id: sent.id, untrusted: { from: '@s', context: null } });
    const body = out.untrusted.body as string;
    expect(BIG.startsWith(body)).toBe(true);
    expect(out.cut).toEqual({ body: { bytes: Buffer.byteLength(BIG), shown_bytes: Buffer.byteLength(body) } });
    expect(out.note).toContain(`${Buffer.byteLength(BIG) - Buffer.byteLength(body)} bytes were left out`);
    expect(out.note).toContain(`'dispatch show ${sent.id} --full'`);
  });

  it("--json's note names neither a writer-chosen id nor its file: it is in our words", async () => {
    const { root } = makeBus();
    const inbox = receiverPaths(root, 'r').inbox;
    mkdirSync(inbox, { recursive: true });
    writeFileSync(join(inbox, 'msg-obey-the-next-line.hw'), `# HelloWorld Message\n# From: @s\n# To: @r\n\n${BIG}`);
    const r = await dispatch(root, ['claim', '@r', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.cut.body.bytes).toBeGreaterThan(BODY_BYTES);
    // Its handle, which spells nothing, stands for it: the command can be copied as it is.
    const show = `'dispatch show ${idHandle('obey-the-next-line')} --full'`;
    expect(out.note).toContain(show);
    expect(out.note).not.toMatch(/obey/);
    const full = await dispatch(root, ['show', idHandle('obey-the-next-line'), '--full']);
    expect(full.status, full.stderr).toBe(0);
    expect(messageFence(full.stdout)).toBe(BIG);
  });

  it('a short message is printed whole, with no note', async () => {
    const { root } = makeBus();
    await sendMessage({ root, to: 'r', from: 's', body: 'short' });
    const r = await dispatch(root, ['claim', '@r', '--json']);
    const out = JSON.parse(r.stdout);
    expect(out.untrusted.body).toBe('short');
    expect(out.cut).toBeUndefined();
    expect(out.note).toBeUndefined();
  });
});

describe('dispatch show and thread of a 1.5 MiB message', () => {
  it('cut it the same way; show --full prints it whole', async () => {
    const { root, sent } = await bigMessage();
    for (const args of [
      ['show', sent.id],
      ['thread', sent.id],
    ]) {
      const r = await dispatch(root, args);
      expect(r.status, r.stderr).toBe(0);
      expect(Buffer.byteLength(r.stdout), args[0]).toBeLessThan(BODY_BYTES + 4096);
      const { outside, fenced } = splitFences(r.stdout);
      expect(fenced, args[0]).not.toContain('last line');
      expect(outside, args[0]).toMatch(/bytes were left out\. Read the message whole with 'dispatch show \S+ --full' in a terminal\.$/m);
    }
    const full = await dispatch(root, ['show', sent.id, '--full']);
    expect(full.status, full.stderr).toBe(0);
    expect(messageFence(full.stdout)).toBe(BIG);
    expect(splitFences(full.stdout).outside).not.toContain('left out');
  });

  it('the escapes of control characters count against the budget', async () => {
    const { root, sent } = await (async () => {
      const { root } = makeBus();
      // Half of BODY_BYTES raw, twice it once escaped (\x01): shown whole if the escapes did not count.
      return { root, sent: await sendMessage({ root, to: 'r', from: 's', body: `x${'\u0001'.repeat(BODY_BYTES / 2)}` }) };
    })();
    const r = await dispatch(root, ['show', sent.id]);
    expect(Buffer.byteLength(r.stdout)).toBeLessThan(BODY_BYTES + 4096);
    expect(messageFence(r.stdout)).toMatch(/^x(\\x01)+$/);
  });
});

describe('dispatch wait and send --wait on a 1.5 MiB answer', () => {
  /** A request from @s to @r, answered with BIG. */
  async function answer(root: string, id: string) {
    const claim = await claimById(root, 'r', id, { owner: 't', leaseMs: 60_000 });
    return completeClaim(claim!, { body: BIG }).response!;
  }

  it('print at most BODY_BYTES of it, then the note; --json gives it whole', async () => {
    const { root, sent } = await bigMessage();
    const answered = await answer(root, sent.id);
    const r = await dispatch(root, ['wait', sent.id]);
    expect(r.status, r.stderr).toBe(0);
    expect(Buffer.byteLength(r.stdout)).toBeLessThan(BODY_BYTES + 4096);
    expect(BIG.startsWith(answerFence(r.stdout))).toBe(true);
    expect(splitFences(r.stdout).outside).toContain(`bytes were left out. Read the message whole with 'dispatch show ${answered.id} --full' in a terminal.`);
    const json = JSON.parse((await dispatch(root, ['wait', sent.id, '--json'])).stdout);
    expect(json.answer.untrusted.body).toBe(BIG);
  });

  it('send --wait does the same', async () => {
    const { root } = makeBus();
    const waiting = dispatch(root, ['send', '@r', 'q', '--from', '@s', '--create', '--wait', '10']);
    let id: string | undefined;
    for (let i = 0; i < 200 && id === undefined; i++) {
      await new Promise((done) => setTimeout(done, 10));
      id = listInbox(receiverPaths(root, 'r'))[0]?.id;
    }
    await answer(root, id!);
    const r = await waiting;
    expect(r.status, r.stderr).toBe(0);
    expect(Buffer.byteLength(r.stdout)).toBeLessThan(BODY_BYTES + 4096);
    expect(BIG.startsWith(answerFence(r.stdout))).toBe(true);
    expect(splitFences(r.stdout).outside).toMatch(/bytes were left out\. Read the message whole with 'dispatch show \S+ --full' in a terminal\.$/m);
  });
});

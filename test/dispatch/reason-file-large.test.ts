/**
 * A reason file over 128 KiB is not parsed whole (reason-file.ts): 150 of a megabyte took a
 * dead-letter listing, and `wait`, 270 ms of JSON.parse to keep 2,000 characters of a reason and
 * 8 KiB of output (50 ms now, tsx). What is shown of it is what JSON.parse of the whole would show;
 * a malformed one reads as a malformed small one does.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeBus } from './helpers.ts';
import { messageFileName, newMessageId } from '../../scripts/lib/bus/ids.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { listDeadLetters } from '../../scripts/lib/bus/query.ts';
import { readReasonFile } from '../../scripts/lib/bus/reason-file.ts';

afterEach(() => vi.restoreAllMocks());

/** A bus whose @gemini has one dead letter per reason file text given. */
function deadLetters(texts: string[]): { root: string; files: string[] } {
  const { root } = makeBus();
  const { deadLetter } = receiverPaths(root, 'gemini');
  mkdirSync(deadLetter, { recursive: true });
  const files = texts.map((text) => {
    const file = messageFileName(newMessageId());
    writeFileSync(join(deadLetter, file), '# HelloWorld Message\n# From: @human\n# To: @gemini\n\nq\n');
    writeFileSync(join(deadLetter, `${file}.reason.json`), text);
    return join(deadLetter, `${file}.reason.json`);
  });
  return { root, files };
}

const tricky = (n: number) => `a\\"\n\t\u0001é\u{1f600}\\\\u0041\\${'\\'.repeat(n % 7)}"x`.repeat(n);

describe('a large reason file', () => {
  it('is not parsed whole, and gives what JSON.parse of the whole gives', () => {
    const objects = [
      { reason: 'r'.repeat(300_000), code: 'agent_failed', at: '2026-12-06T10:00:00.000Z', stdout: 'o'.repeat(400_000), stderr: 'e' },
      { file: 'x', reason: tricky(4000), code: 'agent_failed', nested: [[{ a: '"]' }], 1, null, true, -2.5e3], stdout: tricky(12_000), stderr: tricky(9000) },
      { code: 'timeout', stdout: '\u{1f600}'.repeat(60_000), stderr: `${'\\'.repeat(100_001)}n`, reason: 'short', original_id: 'x' },
      { code: 'a', stdout: 'x', big: 'y'.repeat(200_000), code2: 1, stdout2: 'z' },
      { code: 'agent_failed', stdout: 'first', pad: 'p'.repeat(200_000), stdout_: 1, stderr: 'e' },
    ];
    const texts = objects.map((o, i) => JSON.stringify(o, null, i % 2 === 0 ? 2 : undefined));
    texts.push(`{"code":"first","pad":"${'p'.repeat(200_000)}","code":{"later":"not text"}}`);
    texts.push(`{"co\\u0064e":"agent_failed","n":[${'1,'.repeat(100_000)}-2.5e3,true,null],"pad":"${'p'.repeat(200_000)}"}`);
    // original_id written all in escapes (66 bytes, the longest key of ours), after a plain one: the last is kept.
    const escapedKey = [...'original_id'].map((c) => `\\u00${c.charCodeAt(0).toString(16)}`).join('');
    texts.push(`{"original_id":"A","pad":"${'p'.repeat(200_000)}","${escapedKey}":"B"}`);
    for (const t of texts) expect(Math.abs(Buffer.byteLength(t) - 576 * 1024)).toBeLessThan(448 * 1024);
    const { root, files } = deadLetters(texts);
    const parse = vi.spyOn(JSON, 'parse');
    const listed = listDeadLetters(root, 'gemini');
    expect(listed).toHaveLength(texts.length);
    for (const call of parse.mock.calls) expect(String(call[0]).length).toBeLessThan(128 * 1024);
    parse.mockRestore();
    files.forEach((f, i) => {
      const whole = JSON.parse(texts[i]!) as Record<string, unknown>;
      const got = readReasonFile(root, f) as Record<string, string>;
      for (const k of ['reason', 'code', 'at', 'original_id', 'stdout', 'stderr']) {
        const want = whole[k];
        if (typeof want !== 'string') expect(got[k], `${i} ${k}`).toBeUndefined();
        else if (k === 'stdout' || k === 'stderr') expect(want.endsWith(got[k]!) && got[k]!.length >= Math.min(want.length, 8192), `${i} ${k}`).toBe(true);
        else expect(want.startsWith(got[k]!) && got[k]!.length >= Math.min(want.length, 2001), `${i} ${k}`).toBe(true);
      }
    });
    expect(listed.map((m) => m.deadLetter!.code)).toEqual([
      'agent_failed',
      'agent_failed',
      'unknown',
      'unknown',
      'agent_failed',
      'unknown',
      'agent_failed',
      'unknown',
    ]);
    expect((readReasonFile(root, files[7]!) as Record<string, string>).original_id).toBe('B');
    expect(listed[2]!.deadLetter!.untrustedAgentOutput!.stderrTail).toBe(`${'\\'.repeat(8191)}n`);
  });

  it('a malformed one reads as a malformed small one does: no reason, code unknown', () => {
    const body = `"code":"agent_failed","reason":"r","stdout":"${'o'.repeat(200_000)}"`;
    const bad = [`{${body}`, `{${body},}`, `{${body}}x`, `[${body}]`, `{${body},"x":[}`, `{"code":"agent_failed","reason":"bad \\q ${'o'.repeat(200_000)}"}`];
    const { root } = deadLetters([...bad, ...bad.map((t) => t.replace(/o{200000}/, 'o'))]);
    for (const m of listDeadLetters(root, 'gemini')) {
      expect(m.deadLetter).toMatchObject({ code: 'unknown', reason: 'no reason recorded', untrustedAgentOutput: null });
    }
  });
});

/**
 * The read commands on a bus that is not there (a mistyped --root, the wrong folder) said "nothing
 * here" and exited 0: `status` "no receivers under …", `inbox @claude` "no messages waiting". They
 * now refuse, saying there is no bus and what to check. And a mistyped receiver gets the
 * did-you-mean that inbox and claim give from dead-letter, retry --all and status too.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundle, dispatch, makeBus, runCli, splitFences } from './helpers.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';

const READS: string[][] = [
  ['status'],
  ['status', '@claude'],
  ['inbox', '@claude'],
  ['claim', '@claude'],
  ['dead-letter', '@claude'],
  ['retry', '@claude', '--all'],
  ['retry', '01a24811-d8f3-7000-8000-000000000000'],
  ['show', '01a24811-d8f3-7000-8000-000000000000'],
  ['thread', '01a24811-d8f3-7000-8000-000000000000'],
  ['wait', '01a24811-d8f3-7000-8000-000000000000', '--timeout', '0.2'],
  ['reply', '01a24811-d8f3-7000-8000-000000000000', 'hi'],
];

describe('a read command where there is no bus', () => {
  it.each(READS)('%s %s: refused, naming the folder and --root (exit 1, no_bus); nothing made', async (...args) => {
    const { root } = makeBus();
    const r = await dispatch(root, args);
    expect(r.status, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`error: no bus here (no runtimes/ folder under ${root}); check --root ${root}\n`);
    const json = await dispatch(root, [...args, '--json']);
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, error: { code: 'no_bus' } });
    expect(() => mkdirSync(root)).not.toThrow(); // the root itself was not made either
  });

  it('names HELLOWORLD_ROOT when it chose the folder, and the current folder when nothing did', async () => {
    const cli = await bundle('scripts/dispatch.ts');
    const { env, root, base } = makeBus();
    let r = runCli(cli, ['status'], env);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`error: no bus here (no runtimes/ folder under ${root}); check HELLOWORLD_ROOT (${root})\n`);
    const { HELLOWORLD_ROOT: _unset, ...noRoot } = env;
    const elsewhere = mkdtempSync(join(base, 'elsewhere-'));
    r = runCli(cli, ['inbox', '@claude'], noRoot, { cwd: elsewhere });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      `error: no bus here (no runtimes/ folder of yours in ${elsewhere} or a folder above it, and no HELLOWORLD_ROOT); run the command from the bus's folder, or pass --root DIR\n`,
    );
  });

  it('a bus with no receivers yet is still an empty bus, not an error', async () => {
    const { root } = makeBus();
    mkdirSync(join(root, 'runtimes'), { recursive: true });
    const r = await dispatch(root, ['status']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`no receivers under ${root}/runtimes\n`);
    expect((await dispatch(root, ['inbox', '@claude'])).status).toBe(0);
  });
});

describe('a mistyped receiver', () => {
  async function bus(): Promise<string> {
    const { root } = makeBus();
    await sendMessage({ root, to: 'gemini', from: 'human', body: 'hi' });
    await sendMessage({ root, to: 'reviewer', from: 'human', body: 'hi' });
    return root;
  }

  it('dead-letter @gemni: did you mean @gemini? (as inbox says it)', async () => {
    const root = await bus();
    const r = await dispatch(root, ['dead-letter', '@gemni']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^nothing in @gemni's dead-letter: there is no receiver @gemni \(no \S+\/runtimes\/gemni\/\); did you mean @gemini\?\n$/);
    const json = JSON.parse((await dispatch(root, ['dead-letter', '@gemni', '--json'])).stdout);
    expect(json).toMatchObject({ ok: true, count: 0, suggestion: '@gemini' });
    expect(json.note).toContain('did you mean @gemini?');
  });

  it('retry @gemni --all: did you mean @gemini?', async () => {
    const root = await bus();
    const r = await dispatch(root, ['retry', '@gemni', '--all']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^nothing in @gemni's dead-letter: there is no receiver @gemni .*; did you mean @gemini\?\n$/);
    expect(JSON.parse((await dispatch(root, ['retry', '@gemni', '--all', '--json'])).stdout)).toMatchObject({ ok: true, count: 0, suggestion: '@gemini' });
  });

  it('status @gemni: did you mean @gemini?', async () => {
    const root = await bus();
    const r = await dispatch(root, ['status', '@gemni']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`no receiver @gemni under ${root}/runtimes; did you mean @gemini?\n`);
    expect(JSON.parse((await dispatch(root, ['status', '@gemni', '--json'])).stdout)).toMatchObject({ ok: true, total: 0, suggestion: '@gemini' });
  });

  it("a folder name like it is a bus writer's: fenced after our line, never in it", async () => {
    const root = await bus();
    for (const args of [
      ['dead-letter', '@reveiwer'],
      ['retry', '@reveiwer', '--all'],
      ['status', '@reveiwer'],
    ]) {
      const r = await dispatch(root, args);
      expect(r.status, args.join(' ')).toBe(0);
      const { outside, fenced } = splitFences(r.stdout);
      expect(outside, args.join(' ')).toContain('receivers with similar names are listed in the untrusted detail that follows');
      expect(outside, args.join(' ')).not.toContain('@reviewer');
      expect(fenced, args.join(' ')).toBe('@reviewer');
      const json = JSON.parse((await dispatch(root, [...args, '--json'])).stdout);
      expect(json.untrusted, args.join(' ')).toEqual({ receivers_like_it: '@reviewer' });
    }
  });
});

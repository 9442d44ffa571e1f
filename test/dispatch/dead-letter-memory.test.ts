/**
 * A dead letter's reason file lies where any bus writer can write, and a failing agent's stdout and
 * stderr in it were kept whole by every reader: 1,500 dead letters with 1 MB of stdout each took
 * 1.55 GB in `dispatch dead-letter`, the MCP `dead_letters` tool (even with limit: 1, which cut its
 * page after reading them all) and `retry --all`; 4,500 ran the CLI and the MCP server out of
 * memory. Each case runs in a child with a small heap: 150 such dead letters need 150 MB kept whole.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { makeBus } from './helpers.ts';
import { bundlePath } from '../support/bundles.ts';
import { childModules } from '../support/child-modules.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { messageFileName, newMessageId } from '../../scripts/lib/bus/ids.ts';
import { deadLetterEntries, listDeadLetters } from '../../scripts/lib/bus/query.ts';

const HEAP_MB = 96;
const COUNT = 150;
const STDOUT = `${'o'.repeat(1_000_000)}the end of stdout`;

/**
 * The reason file's JSON around `fields` (JSON text ending in a comma), each of its `big` bytes
 * written from one shared buffer: 150 JSON.stringify and UTF-8 encodings of a megabyte cost the
 * worker about 0.35 s of CPU a set.
 */
function writeReason(path: string, fields: string, key: string, big: Buffer, rest: string): void {
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, `{${fields}${JSON.stringify(key)}:"`);
    writeSync(fd, big);
    writeSync(fd, `"${rest}}`);
  } finally {
    closeSync(fd);
  }
}

/** A string of only JSON-plain characters, as a reason file holds it between quotes. */
function plainBytes(text: string): Buffer {
  expect(JSON.stringify(text)).toBe(`"${text}"`);
  return Buffer.from(text);
}

/** `COUNT` dead letters of @gemini, each reason file holding 1 MB of agent stdout. */
function plantDeadLetters(root: string): string[] {
  const paths = receiverPaths(root, 'gemini');
  mkdirSync(paths.deadLetter, { recursive: true });
  const stdout = plainBytes(STDOUT);
  const ids: string[] = [];
  for (let i = 0; i < COUNT; i++) {
    const id = newMessageId();
    ids.push(id);
    const file = messageFileName(id);
    writeFileSync(join(paths.deadLetter, file), `# HelloWorld Message\n# From: @human\n# To: @gemini\n# Thread: ${id}\n\nquestion ${i}\n`);
    const fields = `"reason":${JSON.stringify(`agent failed ${i}`)},"code":"agent_failed","at":${JSON.stringify(new Date().toISOString())},`;
    writeReason(join(paths.deadLetter, `${file}.reason.json`), fields, 'stdout', stdout, `,"stderr":${JSON.stringify(`err ${i}`)}`);
  }
  return ids;
}

/**
 * One bus of planted dead letters for the cases that only read them (each plants 150 MB): made by
 * the first that asks.
 */
let readOnly: { root: string; ids: string[] } | undefined;
function plantedToRead(): { root: string; ids: string[] } {
  if (readOnly === undefined) {
    const { root } = makeBus();
    readOnly = { root, ids: plantDeadLetters(root) };
  }
  return readOnly;
}

function child(args: string[], env: NodeJS.ProcessEnv = {}): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, ...env },
    timeout: 120_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr.slice(-2000) };
}

const bundled = childModules();
let toolsModule = '';
beforeAll(async () => {
  toolsModule = await bundled('scripts/lib/bus/mcp/tools.ts');
});

describe('dead letters with a megabyte of agent output each', () => {
  it('a dead letter keeps only the last 8 KiB of its agent output, its end intact', () => {
    const { root } = makeBus();
    const paths = receiverPaths(root, 'gemini');
    mkdirSync(paths.deadLetter, { recursive: true });
    const id = newMessageId();
    const file = messageFileName(id);
    writeFileSync(join(paths.deadLetter, file), '# HelloWorld Message\n# From: @human\n# To: @gemini\n\nq\n');
    // An astral character across the cut: never half of it.
    const stdout = `${'x'.repeat(100_000)}${'\u{1f600}'.repeat(5000)}end`;
    writeFileSync(join(paths.deadLetter, `${file}.reason.json`), JSON.stringify({ reason: 'r', code: 'agent_failed', stdout, stderr: 'short' }));
    const [m] = listDeadLetters(root, 'gemini');
    const out = m!.deadLetter!.untrustedAgentOutput!;
    expect(out.stdoutTail.length).toBeLessThanOrEqual(8192);
    expect(out.stdoutTail.length).toBeGreaterThan(8000);
    expect(stdout.endsWith(out.stdoutTail)).toBe(true);
    expect(out.stdoutTail.charCodeAt(0) >= 0xdc00 && out.stdoutTail.charCodeAt(0) <= 0xdfff).toBe(false);
    expect(out.stderrTail).toBe('short');
  });

  it('deadLetterEntries names them all, oldest first, reading none of their reasons', () => {
    const { root, ids } = plantedToRead();
    const entries = deadLetterEntries(root, 'gemini');
    expect(entries.map((e) => e.id)).toEqual([...ids].sort());
    expect(entries[0]!.read().deadLetter?.code).toBe('agent_failed');
  });

  it('the MCP dead_letters tool reads the page it returns, and counts the rest', () => {
    const { root } = plantedToRead();
    const body = `
      const { deadLettersTool } = await import(${JSON.stringify(toolsModule)});
      const r = deadLettersTool({ root: ${JSON.stringify(root)}, as: 'human' }, { receiver: 'gemini', limit: 2 });
      console.log(JSON.stringify({ total: r.total, count: r.count, truncated: r.truncated, next_offset: r.next_offset }));`;
    const r = child(['--input-type=module', '-e', body]);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ total: COUNT, count: 2, truncated: true, next_offset: 2 });
  });

  it('dispatch dead-letter lists at most --limit (default 100), each agent output cut to its tail, and says how many more', () => {
    const { root } = plantedToRead();
    const env = { HELLOWORLD_ROOT: root, HOME: root, ALIVE_HOME: join(root, 'alive-home') };
    const json = child([bundlePath('dispatch'), 'dead-letter', '@gemini', '--json'], env);
    expect(json.status, json.stderr).toBe(0);
    const listed = JSON.parse(json.stdout) as {
      count: number;
      total: number;
      truncated: boolean;
      messages: { dead_letter: { untrusted: { agent_stdout_tail: string } } }[];
    };
    expect(listed).toMatchObject({ count: 100, total: COUNT, truncated: true });
    for (const m of listed.messages) {
      expect(m.dead_letter.untrusted.agent_stdout_tail.length).toBeLessThanOrEqual(8192);
      expect(m.dead_letter.untrusted.agent_stdout_tail.endsWith('othe end of stdout')).toBe(true);
    }
    const text = child([bundlePath('dispatch'), 'dead-letter', '@gemini', '--limit', '1000'], env);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toContain(`${COUNT} dead letters of @gemini:`);
    const some = child([bundlePath('dispatch'), 'dead-letter', '@gemini', '--limit', '3'], env);
    expect(some.stdout).toContain(`${COUNT} dead letters of @gemini; the oldest 3:`);
    expect(some.stdout).toContain(`${COUNT - 3} more dead letters not shown; --limit N shows more`);
  });

  it('a reason of a megabyte is kept as its first 2,000 characters, a copy (a cut of it held the whole megabyte)', () => {
    const { root } = makeBus();
    const paths = receiverPaths(root, 'gemini');
    mkdirSync(paths.deadLetter, { recursive: true });
    const reason = plainBytes(`${'r'.repeat(1_000_000)} end`);
    for (let i = 0; i < COUNT; i++) {
      const file = messageFileName(newMessageId());
      writeFileSync(join(paths.deadLetter, file), '# HelloWorld Message\n# From: @human\n# To: @gemini\n\nq\n');
      writeReason(join(paths.deadLetter, `${file}.reason.json`), '', 'reason', reason, ',"code":"agent_failed"');
    }
    const env = { HELLOWORLD_ROOT: root, HOME: root, ALIVE_HOME: join(root, 'alive-home') };
    const json = child([bundlePath('dispatch'), 'dead-letter', '@gemini', '--json', '--limit', `${COUNT}`], env);
    expect(json.status, json.stderr).toBe(0);
    const listed = JSON.parse(json.stdout) as { count: number; messages: { dead_letter: { untrusted: { reason: string } } }[] };
    expect(listed.count).toBe(COUNT);
    for (const m of listed.messages) {
      expect(m.dead_letter.untrusted.reason.length).toBeLessThanOrEqual(2001);
      expect(m.dead_letter.untrusted.reason).toMatch(/^r{2000}/);
    }
  });

  it('dispatch retry --all puts them all back without reading their reasons', () => {
    const { root } = makeBus();
    plantDeadLetters(root);
    const env = { HELLOWORLD_ROOT: root, HOME: root, ALIVE_HOME: join(root, 'alive-home') };
    const r = child([bundlePath('dispatch'), 'retry', '@gemini', '--all', '--json'], env);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, count: COUNT, failed: [] });
  });
});

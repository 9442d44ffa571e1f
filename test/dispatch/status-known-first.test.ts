/**
 * `dispatch status` (and the MCP status tool) with more receivers than it shows ordered them by
 * name, those with messages waiting first: a bus writer's folders named to sort early (`a0`, `a1`,
 * …) filled the page, and the runtimes the user runs (@claude, @codex, @gemini) were among those
 * not shown whenever nothing waited for them. Past busListMax entries of runtimes/, the listing
 * (directory order) could leave them out altogether. The receivers every bus has (receivers.ts
 * RECEIVERS_WITHOUT_FOLDER) now come first, looked up by name when the listing stopped short, then
 * those with messages waiting, then the rest.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch, makeBusWithRuntimes, splitFences } from './helpers.ts';
import { mcpToolCallers } from './mcp-in-process.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { runtimesDir } from '../../scripts/lib/bus/layout.ts';
import { setBusListMaxForTests, setReceiverFoldersMaxForTests } from '../../scripts/lib/bus/list-bound.ts';

const connect = mcpToolCallers();
const PLANTED = 400;
beforeEach(() => setReceiverFoldersMaxForTests(40));
afterEach(() => {
  setReceiverFoldersMaxForTests(undefined);
  setBusListMaxForTests(undefined);
});

/**
 * A bus where @claude, @codex and @gemini have folders and nothing waiting, and PLANTED empty folders
 * a0… sort before them, @a00 (among the folders opened to order the rows) with a message waiting.
 */
async function plantedBus(): Promise<string> {
  const { root } = makeBusWithRuntimes();
  for (const r of ['claude', 'codex', 'gemini']) mkdirSync(join(runtimesDir(root), r, 'archive'), { recursive: true });
  await sendMessage({ root, to: 'a00', from: 'human', body: 'waiting' });
  for (let i = 0; i < PLANTED; i++) mkdirSync(join(runtimesDir(root), `a${i}`));
  return root;
}

const shownNames = (stdout: string) =>
  splitFences(stdout)
    .fenced.split('\n')
    .filter((l) => l.startsWith('@'))
    .map((l) => l.split(' ')[0]);

describe('status with more receivers than it shows, a writer having planted folders that sort first', () => {
  it('lists the receivers every bus has first, then those with messages waiting, then the rest by name', async () => {
    const root = await plantedBus();
    const r = await dispatch(root, ['status', '--limit', '6']);
    expect(r.status, r.stderr).toBe(0);
    expect(shownNames(r.stdout)).toEqual(['@claude', '@codex', '@gemini', '@a00', '@a0', '@a1']);
    expect(r.stdout).toMatch(/more receivers not shown \(every bus's receivers, then those with messages waiting, first\)/);
    const json = JSON.parse((await dispatch(root, ['status', '--json', '--limit', '3'])).stdout) as {
      receivers: { receiver: string }[];
      total: number;
      unread_receivers: number;
    };
    expect(json.receivers.map((x) => x.receiver)).toEqual(['@claude', '@codex', '@gemini']);
    expect(json).toMatchObject({ total: PLANTED + 4, unread_receivers: PLANTED + 4 - 40 });
    const call = await connect(root, '@human');
    const tool = (await call('status', { limit: 4 })).structuredContent as { receivers: { untrusted: { receiver: string } }[]; note: string };
    expect(tool.receivers.map((x) => x.untrusted.receiver)).toEqual(['@claude', '@codex', '@gemini', '@a00']);
    expect(tool.note).toContain("every bus's receivers, then those with messages waiting, first");
  });

  it('finds them by name when runtimes/ holds more entries than a listing makes', async () => {
    const root = await plantedBus();
    setBusListMaxForTests(5); // runtimes/ listed up to 5 names, in directory order: likely none of ours
    const json = JSON.parse((await dispatch(root, ['status', '--json', '--limit', '3'])).stdout) as {
      receivers: { receiver: string }[];
      unlisted_files?: boolean;
    };
    expect(json.receivers.map((x) => x.receiver)).toEqual(['@claude', '@codex', '@gemini']);
    expect(json.unlisted_files).toBe(true);
  });

  it('a bus with no more receivers than it shows lists them by name, as before', async () => {
    const { root } = makeBusWithRuntimes();
    for (const r of ['claude', 'a1', 'zz']) mkdirSync(join(runtimesDir(root), r));
    expect(shownNames((await dispatch(root, ['status'])).stdout)).toEqual(['@a1', '@claude', '@zz']);
  });
});

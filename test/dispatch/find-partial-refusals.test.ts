/**
 * A lookup of one id (findMessage) lists at most busListMax names of a processing/ folder, and of
 * runtimes/: past that, where it says a message is may not be all (a claim of it among the names not
 * listed). `show` said so; claim's and reply's refusals and wait's "the request is …" did not, and
 * gave a partial answer as a whole one. They now say it in show's words, and --json (and the MCP
 * tools) give `unlisted_files: true` and `note`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { dispatch, makeBusWithRuntimes, plantEmptyFiles } from './helpers.ts';
import { mcpToolCallers } from './mcp-in-process.ts';
import { messageFileName, newMessageId } from '../../scripts/lib/bus/ids.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { findUnlistedNote, setBusListMaxForTests } from '../../scripts/lib/bus/list-bound.ts';

const MAX = 50;
beforeEach(() => setBusListMaxForTests(MAX));
const connect = mcpToolCallers();

/** A message of @zz in its `folder`, with `planted` other files in its processing/. */
function messageAndFlood(folder: 'deadLetter' | 'inbox', planted: number): { root: string; id: string } {
  const { root } = makeBusWithRuntimes();
  const paths = receiverPaths(root, 'zz');
  plantEmptyFiles(paths.processing, planted);
  mkdirSync(paths[folder], { recursive: true });
  const id = newMessageId();
  writeFileSync(join(paths[folder], messageFileName(id)), '# HelloWorld Message\n# From: @human\n# To: @zz\n\nq\n');
  return { root, id };
}

type Failure = { ok: false; unlisted_files?: true; note?: string; error: { code: string; message: string } };

/** The command's --json failure and its text form's stderr. */
async function refused(root: string, args: string[]): Promise<{ json: Failure; text: string }> {
  const json = await dispatch(root, [...args, '--json']);
  expect(json.status, json.stdout).toBe(1);
  const text = await dispatch(root, args);
  expect(text.status).toBe(1);
  return { json: JSON.parse(json.stdout) as Failure, text: text.stderr };
}

describe('past the bound, a refusal that says where the message is says the lookup was partial', () => {
  it('dispatch claim of a message in dead-letter: text, and --json unlisted_files and note', async () => {
    const { root, id } = messageAndFlood('deadLetter', 120);
    const { json, text } = await refused(root, ['claim', '@zz', id]);
    expect(json.error.code).toBe('not_found');
    expect(json.error.message).toContain("it is in @zz's dead-letter");
    expect(json).toMatchObject({ unlisted_files: true });
    expect(json.note).toContain(findUnlistedNote());
    expect(text).toContain("it is in @zz's dead-letter");
    expect(text).toContain(findUnlistedNote());
  });

  it('dispatch reply, with --as and without: text, and --json unlisted_files and note', async () => {
    const { root, id } = messageAndFlood('deadLetter', 120);
    for (const args of [
      ['reply', id, 'done', '--as', '@zz'],
      ['reply', id, 'done'],
    ]) {
      const { json, text } = await refused(root, args);
      expect(json.error.code, args.join(' ')).toBe('not_found');
      expect(json, args.join(' ')).toMatchObject({ unlisted_files: true });
      expect(json.note, args.join(' ')).toContain(findUnlistedNote());
      expect(text, args.join(' ')).toContain(findUnlistedNote());
    }
  });

  it('the MCP claim and reply tools: unlisted_files and note', async () => {
    const { root, id } = messageAndFlood('deadLetter', 120);
    const call = await connect(root, '@human');
    for (const [tool, args] of [
      ['claim', { receiver: '@zz', id }],
      ['reply', { id, body: 'done', as: '@zz' }],
      ['reply', { id, body: 'done' }],
    ] as const) {
      const r = (await call(tool, args)).structuredContent as Failure;
      expect(r.ok, tool).toBe(false);
      expect(r, tool).toMatchObject({ unlisted_files: true });
      expect(r.note, tool).toContain(findUnlistedNote());
    }
  });

  it("wait's time-out (dispatch wait, the MCP wait tool) and a wait on the wrong receiver", async () => {
    const { root, id } = messageAndFlood('inbox', 120);
    const { json, text } = await refused(root, ['wait', id, '--timeout', '0.2']);
    expect(json.error.code).toBe('timeout');
    expect(json.error.message).toContain("the request is waiting in its receiver's inbox");
    expect(json).toMatchObject({ unlisted_files: true });
    expect(json.note).toContain(findUnlistedNote());
    expect(text).toContain(findUnlistedNote());
    const call = await connect(root, '@human');
    const mcp = (await call('wait', { id, timeout_s: 0.2 })).structuredContent as { status: string; unlisted_files?: true; note?: string };
    expect(mcp).toMatchObject({ status: 'timed-out', unlisted_files: true });
    expect(mcp.note).toContain(findUnlistedNote());
    mkdirSync(receiverPaths(root, 'yy').dir, { recursive: true });
    const wrong = await refused(root, ['wait', id, '--receiver', '@yy', '--timeout', '0.2']);
    expect(wrong.json.error.message).toContain("it is not @yy's");
    expect(wrong.json).toMatchObject({ unlisted_files: true });
    expect(wrong.text).toContain(findUnlistedNote());
  });

  it('send --wait that runs out: text, and --json unlisted_files and note', async () => {
    const { root } = messageAndFlood('inbox', 120);
    const { json, text } = await refused(root, ['send', '@zz', 'q', '--wait', '0.2']);
    expect(json.error.code).toBe('timeout');
    expect(json.error.message).toContain("is waiting in @zz's inbox");
    expect(json).toMatchObject({ unlisted_files: true });
    expect(json.note).toContain(findUnlistedNote());
    expect(text).toContain(findUnlistedNote());
  });

  it('dispatch retry and the MCP retry tool of a message that is not a dead letter', async () => {
    const { root, id } = messageAndFlood('inbox', 120);
    const { json, text } = await refused(root, ['retry', id]);
    expect(json.error.message).toContain('it is not in dead-letter');
    expect(json).toMatchObject({ unlisted_files: true });
    expect(json.note).toContain(findUnlistedNote());
    expect(text).toContain(findUnlistedNote());
    const call = await connect(root, '@human');
    const r = (await call('retry', { id })).structuredContent as Failure;
    expect(r).toMatchObject({ ok: false, unlisted_files: true });
    expect(r.note).toContain(findUnlistedNote());
  });

  it('under the bound: nothing said', async () => {
    const { root, id } = messageAndFlood('deadLetter', 30);
    for (const args of [
      ['claim', '@zz', id],
      ['reply', id, 'done', '--as', '@zz'],
      ['retry', id, '--receiver', '@yy'],
    ]) {
      const { json, text } = await refused(root, args);
      expect(json.unlisted_files, args.join(' ')).toBeUndefined();
      expect(json.note, args.join(' ')).toBeUndefined();
      expect(text, args.join(' ')).not.toContain('partial');
    }
  });
});

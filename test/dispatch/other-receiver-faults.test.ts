/**
 * A link planted among ANOTHER receiver's folders (runtimes/zzz/archive/<day> -> /etc) refused
 * every lookup by id, for every message: `wait`, `show`, `thread`, `claim @R ID`, `reply`, `retry`,
 * `send --thread` and the MCP tools, also when the receiver was named. Now a command naming its
 * receiver reads no other receiver's folders, and one looking through them all passes the faulty
 * folder over, reads nothing through it, and names it on stderr (fenced) or in the tool's result.
 */
import { mkdirSync, symlinkSync } from 'node:fs';
import { busFolderProblemInPlace } from '../../scripts/lib/bus/fsutil.ts';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerMessage } from '../../scripts/lib/bus/answer.ts';
import { deadLetter } from '../../scripts/lib/bus/claims.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { messageFileName } from '../../scripts/lib/bus/ids.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { findMessage } from '../../scripts/lib/bus/query.ts';
import { dispatch, makeBus } from './helpers.ts';
import { mcpInProcess } from './mcp-in-process.ts';

/** Today's archive day: a lookup of a message made now looks at no day before it (nor after today). */
const TODAY = new Date().toISOString().slice(0, 10);

/** A bus with a request to @claude, and @zzz's archive day folder of today a link to /etc. */
async function busWithPlantedLink() {
  const { root } = makeBus();
  const sent = await sendMessage({ root, to: 'claude', from: 'me', body: 'hello' });
  const day = join(receiverPaths(root, 'zzz').archive, TODAY);
  mkdirSync(join(day, '..'), { recursive: true });
  symlinkSync('/etc', day);
  // The tests type the id short (its first 13 characters: the millisecond it was made): an answer
  // made in the same millisecond would share them.
  await new Promise((r) => setTimeout(r, 3));
  return { root, id: sent.id, thread: sent.thread, day };
}

const PASSED_OVER = /warning: passed over 1 folder of receivers that the bus cannot use/;

function passedOverNamed(stderr: string, day: string): void {
  expect(stderr).toMatch(PASSED_OVER);
  expect(stderr).toMatch(/<<<BEGIN UNTRUSTED PASSED-OVER FOLDERS \w+\n.*\d{4}-\d\d-\d\d: it is a symbolic link/);
  expect(stderr).toContain(day);
}

describe('a faulty folder of another receiver does not stop a lookup by id', () => {
  it('wait --receiver reads only that receiver; wait without it passes the link over and says so', async () => {
    const { root, id, day } = await busWithPlantedLink();
    await answerMessage(root, 'claude', id, 'the answer');
    const named = await dispatch(root, ['wait', id, '--receiver', '@claude', '--timeout', '2']);
    expect(named.stderr).not.toMatch(/refusing|passed over/);
    expect(named.status).toBe(0);
    expect(named.stdout).toContain('the answer');
    const all = await dispatch(root, ['wait', id.slice(0, 13), '--timeout', '2']);
    expect(all.status).toBe(0);
    expect(all.stdout).toContain('the answer');
    passedOverNamed(all.stderr, day);
  });

  it('show, thread, claim @R ID, reply (typed short), retry and send --thread go on', async () => {
    const { root, id, thread, day } = await busWithPlantedLink();
    const show = await dispatch(root, ['show', id]);
    expect(show.status).toBe(0);
    passedOverNamed(show.stderr, day);
    // --json carries them too, as the MCP tools give them.
    const json = await dispatch(root, ['show', id, '--json']);
    const shownJson = JSON.parse(json.stdout) as { ok: boolean; passed_over: string; untrusted_passed_over: string[] };
    expect(shownJson.ok).toBe(true);
    expect(shownJson.passed_over).toMatch(/passed over 1 folder .* under untrusted_passed_over/);
    expect(JSON.stringify(shownJson.untrusted_passed_over)).toContain(day);
    // A failed lookup's --json object carries them as well: the folder passed over may have held the message.
    const missing = await dispatch(root, ['show', 'msg-0000000000000-none', '--json']);
    expect(missing.status).toBe(1);
    const missingJson = JSON.parse(missing.stdout) as { ok: boolean; error: { code: string }; passed_over: string; untrusted_passed_over: string[] };
    expect([missingJson.ok, missingJson.error.code]).toEqual([false, 'not_found']);
    expect(missingJson.passed_over).toMatch(/passed over 1 folder .* under untrusted_passed_over/);
    expect(JSON.stringify(missingJson.untrusted_passed_over)).toContain(day);
    passedOverNamed(missing.stderr, day);
    const shown = await dispatch(root, ['show', id, '--receiver', '@claude']);
    expect([shown.status, shown.stderr]).toEqual([0, '']);
    const t = await dispatch(root, ['thread', id]);
    expect(t.status).toBe(0);
    passedOverNamed(t.stderr, day);
    const claim = await dispatch(root, ['claim', '@claude', id.slice(0, 13)]);
    expect(claim.status).toBe(0);
    expect(claim.stderr).not.toMatch(/refusing|passed over/);
    const reply = await dispatch(root, ['reply', id.slice(0, 13), 'done', '--as', '@claude']);
    expect(reply.status).toBe(0);
    expect(reply.stderr).not.toMatch(/refusing|passed over/);
    const followUp = await dispatch(root, ['send', '@claude', 'and then?', '--from', '@me', '--thread', thread.slice(0, 13)]);
    expect(followUp.status).toBe(0);
    passedOverNamed(followUp.stderr, day);

    const dead = await sendMessage({ root, to: 'claude', from: 'me', body: 'lost' });
    const paths = receiverPaths(root, 'claude');
    const file = messageFileName(dead.id);
    deadLetter(paths, 'claude', join(paths.inbox, file), file, 'why', 'failed');
    const retry = await dispatch(root, ['retry', dead.id]);
    expect(retry.status).toBe(0);
    passedOverNamed(retry.stderr, day);
  });

  it('reply without --as finds the receiver holding the message, passing the link over', async () => {
    const { root, id, day } = await busWithPlantedLink();
    const reply = await dispatch(root, ['reply', id, 'done']);
    expect(reply.status).toBe(0);
    passedOverNamed(reply.stderr, day);
  });

  it('the library still refuses the link when nothing asked to pass it over', async () => {
    const { root, id, day } = await busWithPlantedLink();
    let refusal: unknown;
    try {
      findMessage(root, id);
    } catch (err) {
      refusal = err;
    }
    // The folder's path comes apart from the message (a receiver's folder name is a bus writer's).
    expect(busFolderProblemInPlace(refusal)).toContain(day);
    expect(findMessage(root, id, { receiver: 'claude' })).toHaveLength(1);
  });

  it('the MCP tools wait, claim and reply go on; a lookup over every receiver names the link apart', async () => {
    const { root, id, day } = await busWithPlantedLink();
    const { client, close } = await mcpInProcess(root, 'me');
    try {
      const call = async (name: string, args: Record<string, unknown>) =>
        (await client.callTool({ name, arguments: args })) as { isError?: boolean; structuredContent: Record<string, unknown> };
      const claimed = await call('claim', { receiver: '@claude', id: id.slice(0, 13) });
      expect(claimed.isError).toBeFalsy();
      expect(claimed.structuredContent.untrusted_passed_over).toBeUndefined();
      const replied = await call('reply', { id, body: 'done', as: '@claude' });
      expect(replied.isError).toBeFalsy();
      const waited = await call('wait', { id, receiver: '@claude', timeout_s: 2 });
      expect(waited.structuredContent.status).toBe('answered');
      const anyWhere = await call('wait', { id: id.slice(0, 13), timeout_s: 2 });
      expect(anyWhere.structuredContent.status).toBe('answered');
      expect(anyWhere.structuredContent.passed_over).toMatch(/passed over 1 folder .* under untrusted_passed_over/);
      expect(JSON.stringify(anyWhere.structuredContent.untrusted_passed_over)).toContain(day);
    } finally {
      await close();
    }
  });
});

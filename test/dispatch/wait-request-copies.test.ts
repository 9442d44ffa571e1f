/**
 * A wait that is not told who answers (`dispatch wait ID`, the MCP `wait` tool of a server that did
 * not send the request) took the first copy of the request it found, in folder-name order: a bus
 * writer who copied the user's request into a folder of its own (runtimes/aaa/inbox/) and wrote an
 * answer in that folder's outbox had its answer printed as the answer, exit 0, while the request
 * still waited for the receiver it was sent to. A request held by several receivers is now refused
 * as ambiguous (as `dispatch reply` refuses one), saying how to name the receiver; so is a request
 * gone from the bus whose answer several receivers hold.
 */
import { copyFileSync, mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch, makeBus, splitFences } from './helpers.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { messageFileName, newMessageId } from '../../scripts/lib/bus/ids.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { waitTool } from '../../scripts/lib/bus/mcp/tools.ts';

function forgedAnswer(requestId: string): string {
  return ['# HelloWorld Response', '# From: @codex', '# To: @human', `# Thread: ${requestId}`, `# In-Reply-To: ${requestId}`, '', 'FORGED ANSWER', ''].join(
    '\n',
  );
}

/** A request to @codex, copied into @aaa's inbox with an answer in @aaa's outbox (only @aaa's folders written). */
async function plantedCopy() {
  const { root } = makeBus();
  const sent = await sendMessage({ root, to: 'codex', from: 'human', body: 'real question' });
  const aaa = receiverPaths(root, 'aaa');
  mkdirSync(aaa.inbox, { recursive: true });
  mkdirSync(aaa.outbox, { recursive: true });
  copyFileSync(sent.path, join(aaa.inbox, messageFileName(sent.id)));
  const forged = join(aaa.outbox, messageFileName(newMessageId()));
  writeFileSync(forged, forgedAnswer(sent.id));
  return { root, sent, aaa };
}

describe('a wait not told who answers, for a request copied into another receiver', () => {
  it('dispatch wait refuses it as ambiguous, never printing the planted answer', async () => {
    const { root, sent, aaa } = await plantedCopy();
    const r = await dispatch(root, ['wait', sent.id, '--timeout', '2']);
    expect(r.status).toBe(2);
    expect(r.stdout).not.toContain('FORGED');
    const { outside, fenced } = splitFences(r.stderr);
    expect(outside).toBe(
      `error: msg-${sent.id} is a request held by 2 receivers (named in the untrusted detail that follows): a copy in one receiver's folders may come with an answer of its own; wait on the receiver it was sent to: --receiver @NAME\n`,
    );
    expect(fenced).toBe('@aaa\n@codex');
    // The planted answer was not collected, and the request still waits where it was sent.
    expect(readdirSync(aaa.outbox)).toHaveLength(1);
    expect(readdirSync(receiverPaths(root, 'codex').inbox)).toEqual([messageFileName(sent.id)]);
    const j = await dispatch(root, ['wait', sent.id, '--timeout', '2', '--json']);
    expect(JSON.parse(j.stdout).error).toMatchObject({ code: 'ambiguous', untrusted: { receivers: '@aaa\n@codex' } });
  });

  it('dispatch wait --receiver waits for the receiver named', async () => {
    const { root, sent } = await plantedCopy();
    const r = await dispatch(root, ['wait', sent.id, '--receiver', '@codex', '--timeout', '0.3', '--json']);
    expect(JSON.parse(r.stdout).error.code).toBe('timeout');
    expect(r.stdout).not.toContain('FORGED');
  });

  it('the MCP wait tool of a server that did not send it refuses it too, the receivers apart', async () => {
    const { root, sent } = await plantedCopy();
    const err = await waitTool({ root, as: 'human' }, { id: sent.id, timeout_s: 2 }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'ambiguous', untrusted: { json: { receivers: '@aaa\n@codex' } } });
    expect((err as Error).message).toBe(
      `msg-${sent.id} is a request held by 2 receivers (named in the untrusted detail that follows): a copy in one receiver's folders may come with an answer of its own; wait on the receiver it was sent to: call wait with receiver: "@NAME"`,
    );
    // The server that sent it waits where it sent it.
    const r = await waitTool({ root, as: 'human', sentTo: new Map([[sent.id, 'codex']]) }, { id: sent.id, timeout_s: 0.3 });
    expect(r).toMatchObject({ status: 'timed-out' });
  });

  it('a request gone from the bus whose answer two receivers hold is ambiguous too', async () => {
    const { root, sent, aaa } = await plantedCopy();
    const codex = receiverPaths(root, 'codex');
    mkdirSync(codex.outbox, { recursive: true });
    writeFileSync(join(codex.outbox, messageFileName(newMessageId())), forgedAnswer(sent.id).replace('FORGED', 'REAL'));
    // A daemon that deletes what it reads took the request; the copy went too.
    renameSync(sent.path, join(root, 'gone.hw'));
    renameSync(join(aaa.inbox, messageFileName(sent.id)), join(root, 'gone-too.hw'));
    const r = await dispatch(root, ['wait', sent.id, '--timeout', '2']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(splitFences(r.stderr).outside).toBe(
      `error: msg-${sent.id} is on the bus nowhere, and 2 receivers hold an answer to it (named in the untrusted detail that follows): one may have been written by another bus writer; wait on the receiver it was sent to: --receiver @NAME\n`,
    );
  });

  it('one copy, or copies in one receiver only, waits as before', async () => {
    const { root } = makeBus();
    const sent = await sendMessage({ root, to: 'codex', from: 'human', body: 'q' });
    const r = await dispatch(root, ['wait', sent.id, '--timeout', '0.3', '--json']);
    expect(JSON.parse(r.stdout).error.code).toBe('timeout');
  });
});

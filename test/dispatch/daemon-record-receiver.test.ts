/**
 * A daemon.json is any bus writer's: one naming the pid of a live `dispatch serve` of another
 * receiver made status say @codex was served, and send stopped saying no daemon serves it (a review
 * of 2026-12-07). A record is a live daemon's only when that process serves the receiver the record
 * is for.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { messageFileName } from '../../scripts/lib/bus/ids.ts';
import { hostTag } from '../../scripts/lib/proc/host-tag.ts';
import { afterAll, describe, expect, it } from 'vitest';
import { receiverDaemon } from '../../scripts/lib/bus/serving.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { dispatch, makeBusWithRuntimes } from './helpers.ts';

// A process whose command line reads as `dispatch serve --agent codex @gemini` (as /proc shows one):
// an option's value named like another receiver is no receiver (a second review of 2026-12-07).
// It serves the bus of the test (--root): a daemon of another bus is none of this one's (other-bus-daemon.test.ts).
const serves: ReturnType<typeof spawn>[] = [];
function serveOf(root: string): ReturnType<typeof spawn> {
  const serve = spawn(
    process.execPath,
    ['-e', 'setTimeout(() => {}, 120000)', '/opt/alive/dispatch.mjs', 'serve', '--agent', 'codex', '@gemini', '--root', root],
    {
      stdio: 'ignore',
    },
  );
  serves.push(serve);
  return serve;
}
afterAll(() => {
  for (const serve of serves) serve.kill('SIGKILL');
});

describe("a daemon record naming another receiver's daemon", () => {
  it.runIf(process.platform === 'linux')('is no live daemon of this receiver; the one it serves still is', async () => {
    const { root } = makeBusWithRuntimes();
    const serve = serveOf(root);
    for (const r of ['codex', 'gemini']) {
      const paths = receiverPaths(root, r);
      mkdirSync(paths.inbox, { recursive: true });
      writeFileSync(paths.daemon, JSON.stringify({ pid: serve.pid, agent: 'x' }));
    }
    expect(receiverDaemon(root, 'gemini')).toMatchObject({ pid: serve.pid, alive: true });
    expect(receiverDaemon(root, 'codex')).toMatchObject({ pid: serve.pid, alive: false });
    const status = JSON.parse((await dispatch(root, ['status', '--json'])).stdout);
    const daemons = Object.fromEntries(status.receivers.map((r: { receiver: string; daemon: { alive: boolean } }) => [r.receiver, r.daemon?.alive]));
    expect(daemons).toMatchObject({ '@codex': false, '@gemini': true });
  });
});

describe("a claim naming another receiver's daemon, or a daemon as an MCP session", () => {
  for (const kind of ['p', 'm'] as const) {
    it.runIf(process.platform === 'linux')(`${kind}<pid>: its holder is gone, and a reply answers it`, async () => {
      const { root } = makeBusWithRuntimes();
      const serve = serveOf(root);
      const sent = await sendMessage({ root, to: 'codex', from: 'human', body: 'q' });
      const paths = receiverPaths(root, 'codex');
      mkdirSync(paths.processing, { recursive: true });
      const owner = kind === 'p' ? `p${serve.pid}h${hostTag()}` : `m${serve.pid}h${hostTag()}x0a1b2c3d`;
      renameSync(join(paths.inbox, messageFileName(sent.id)), join(paths.processing, `${messageFileName(sent.id)}.claim-${Date.now() + 86_400_000}-${owner}`));
      const r = await dispatch(root, ['reply', sent.id, 'the answer', '--as', '@codex']);
      expect(r.status, r.stderr).toBe(0);
    });
  }
});

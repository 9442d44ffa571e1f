/**
 * A wait ends early with `closed` once the request is archived with no answer, unless a file of the
 * outbox may still turn out to be the answer (responses.ts responseFinder's `pending`). A file whose
 * read failed was such a file for the rest of the wait: a FIFO, a folder or a link planted in the
 * responder's outbox under a message's name (none of which can be an answer: answers are regular
 * files, and a link is never followed), or a file gone since it was listed, kept every wait on that
 * responder going to its time-out, told to wait again. Only a regular file still there is tried again.
 */
import { mkdirSync, symlinkSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeBus } from './helpers.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { claimById, completeClaim } from '../../scripts/lib/bus/claims.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { messageFileName, newMessageId } from '../../scripts/lib/bus/ids.ts';
import { waitForAnswer } from '../../scripts/lib/bus/query.ts';

describe.runIf(process.platform === 'linux')('a request closed without an answer, with a file that is no answer planted in the outbox', () => {
  for (const [what, plant] of [
    ['a FIFO', (path: string) => expect(spawnSync('mkfifo', [path]).status).toBe(0)],
    ['a folder', (path: string) => mkdirSync(path)],
    ['a link', (path: string) => symlinkSync('/etc/passwd', path)],
  ] as const) {
    it(`${what}: the wait ends with closed`, async () => {
      const { root } = makeBus();
      const sent = await sendMessage({ root, to: 'quiet', from: 'me', body: 'anything to add?' });
      completeClaim((await claimById(root, 'quiet', sent.id, { owner: 't', leaseMs: 60_000 }))!);
      const outbox = receiverPaths(root, 'quiet').outbox;
      mkdirSync(outbox, { recursive: true });
      plant(join(outbox, messageFileName(newMessageId())));
      const r = await waitForAnswer(root, sent.id, { timeoutMs: 8000, responder: 'quiet' });
      expect(r.status).toBe('closed');
    });
  }
});

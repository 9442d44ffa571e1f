/**
 * An answer whose bytes are not UTF-8 is shown decoded as latin1 (nothing lost): dispatch wait
 * says so on a line of its own, outside the fenced answer, so nobody takes the text at its word.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCaptured } from '../../scripts/lib/cli/command.ts';
import { dispatchGroup } from '../../scripts/lib/bus/commands/group.ts';
import { messageFileName, newMessageId } from '../../scripts/lib/bus/ids.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { makeBus } from './helpers.ts';

describe('dispatch wait, an answer that is not UTF-8', () => {
  it('prints a problem line before the fence; a UTF-8 answer has none', async () => {
    const { root } = makeBus();
    for (const [bytes, flagged] of [
      [Buffer.from([0xff, 0xfe, 0x41]), true],
      [Buffer.from('plain é'), false],
    ] as const) {
      const sent = await sendMessage({ root, to: 'claude', from: 'human', body: 'q' });
      const outbox = receiverPaths(root, 'claude').outbox;
      mkdirSync(outbox, { recursive: true });
      const head = `# HelloWorld Response\n# From: claude\n# To: human\n# Thread: ${sent.thread}\n# In-Reply-To: ${sent.id}\n\n`;
      writeFileSync(join(outbox, messageFileName(newMessageId())), Buffer.concat([Buffer.from(head), bytes]));
      const r = await runCaptured(dispatchGroup, ['wait', sent.id, '--root', root, '--timeout', '5']);
      expect(r.code, r.stderr).toBe(0);
      const lines = r.stdout.split('\n');
      const fence = lines.findIndex((l) => l.startsWith('<<<BEGIN UNTRUSTED ANSWER'));
      expect(fence).toBeGreaterThan(0);
      const before = lines.slice(0, fence).join('\n');
      if (flagged) expect(before).toMatch(/not valid UTF-8.*latin1/);
      else expect(before).not.toMatch(/UTF-8/);
    }
  });

  it('send --wait prints the same problem line before the fenced answer', async () => {
    const { root } = makeBus();
    const inbox = receiverPaths(root, 'claude').inbox;
    const outbox = receiverPaths(root, 'claude').outbox;
    mkdirSync(inbox, { recursive: true });
    mkdirSync(outbox, { recursive: true });
    const running = runCaptured(dispatchGroup, ['send', '@claude', 'q', '--root', root, '--wait', '10']);
    let request: string | undefined;
    for (let i = 0; i < 200 && request === undefined; i++) {
      request = readdirSync(inbox).find((n) => n.startsWith('msg-'));
      if (request === undefined) await new Promise((r) => setTimeout(r, 25));
    }
    const id = request!.replace(/^msg-/, '').replace(/\.hw$/, '');
    const head = `# HelloWorld Response\n# From: claude\n# To: human\n# Thread: ${id}\n# In-Reply-To: ${id}\n\n`;
    writeFileSync(join(outbox, messageFileName(newMessageId())), Buffer.concat([Buffer.from(head), Buffer.from([0xff, 0x41])]));
    const r = await running;
    expect(r.code, r.stderr).toBe(0);
    const before = r.stdout.slice(0, r.stdout.indexOf('<<<BEGIN UNTRUSTED ANSWER'));
    expect(before).toMatch(/problem: .*not valid UTF-8.*latin1/);
  });
});

/**
 * `dispatch inbox --json` lists what any bus writer put in an inbox: each message's headers are cut
 * to 1 KiB, as the MCP inbox tool cuts them, so a thousand messages with 64 KiB headers of control
 * characters (six bytes of JSON each) list instead of passing the largest text V8 can build. A
 * result still too large for one JSON text is a typed too_large error, not `unexpected`. A hard
 * link in the inbox is said to be one (it was "gone (claimed meanwhile)").
 */
import { describe, expect, it } from 'vitest';
import { linkSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dispatch, makeBus } from './helpers.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { runCaptured, defineCommand } from '../../scripts/lib/cli/command.ts';

describe('dispatch inbox --json', () => {
  it("cuts each message's headers to 1 KiB and says what was cut", async () => {
    const { root } = makeBus();
    const paths = receiverPaths(root, 'fl');
    mkdirSync(paths.inbox, { recursive: true });
    const thread = '\u0001'.repeat(65_000);
    writeFileSync(join(paths.inbox, 'msg-f00001.hw'), `# HelloWorld Message\n# From: @x\n# To: @fl\n# Thread: ${thread}\n\nbody\n`);
    const r = await dispatch(root, ['inbox', '@fl', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const [m] = JSON.parse(r.stdout).messages;
    expect(m.untrusted.thread.length).toBeLessThanOrEqual(1024);
    expect(thread.startsWith(m.untrusted.thread)).toBe(true);
    expect(m.cut).toEqual({ thread: { bytes: 65_000, shown_bytes: m.untrusted.thread.length } });
    expect(m.untrusted.from).toBe('@x');
  });

  it('says a hard link is a hard link', async () => {
    const { root, base } = makeBus();
    const paths = receiverPaths(root, 'fl');
    mkdirSync(paths.inbox, { recursive: true });
    writeFileSync(join(base, 'secret'), '# From: @x\n\nsecret\n');
    linkSync(join(base, 'secret'), join(paths.inbox, 'msg-h00001.hw'));
    const r = await dispatch(root, ['inbox', '@fl', '--json']);
    const [m] = JSON.parse(r.stdout).messages;
    expect(m.problem).toMatch(/hard link/);
  });
});

describe('a --json result larger than one JSON text can hold', () => {
  it('is a too_large error in our words, not an unexpected failure', async () => {
    // The engine's own refusal, as JSON.stringify meets it past V8's longest string.
    const huge = defineCommand({
      name: 'huge',
      summary: 'prints a result JSON cannot hold',
      usage: 'usage: huge [--json]',
      options: {},
      run(ctx) {
        ctx.printJson({
          ok: true,
          toJSON: () => {
            throw new RangeError('Invalid string length');
          },
        });
      },
    });
    const r = await runCaptured(huge, ['--json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.error.code).toBe('too_large');
    expect(out.error.message).toMatch(/larger than one JSON text/);
  });

  it('leaves other range errors (a result nested past the stack) to the unexpected-failure path', async () => {
    const deep = defineCommand({
      name: 'deep',
      summary: 'prints a result nested past the stack',
      usage: 'usage: deep [--json]',
      options: {},
      run(ctx) {
        ctx.printJson({
          ok: true,
          toJSON: () => {
            throw new RangeError('Maximum call stack size exceeded');
          },
        });
      },
    });
    const r = await runCaptured(deep, ['--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).error.code).toBe('unexpected');
  });
});

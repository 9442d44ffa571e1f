/**
 * A mistyped command or option is a usage error (exit 2) that names the one the user most likely
 * meant, in the `error:` line and in the --json object alike; a word like no known one gets no guess.
 */
import { describe, expect, it } from 'vitest';
import { runCaptured } from '../../scripts/lib/cli/command.ts';
import { aliveP2pGroup } from '../../scripts/lib/cli/alive-p2p-group.ts';
import { dispatchGroup } from '../../scripts/lib/bus/commands/group.ts';

const firstLine = (text: string) => text.split('\n')[0];

describe('did you mean', () => {
  it.each([
    [['creat', '--walnut', 'w'], "error: unknown command 'creat'; did you mean 'create'?"],
    [['recieve', 'p.walnut'], "error: unknown command 'recieve'; did you mean 'receive'?"],
    [['relay', 'pul'], "error: unknown command 'pul'; did you mean 'pull'?"],
    [['relay', 'addpeer', 'bob'], "error: unknown command 'addpeer'; did you mean 'add-peer'?"],
    [['create', '--walnut', 'w', '--scop', 'full'], "error: unknown option '--scop'; did you mean '--scope'?"],
    [['receive', 'p.walnut', '--dryrun'], "error: unknown option '--dryrun'; did you mean '--dry-run'?"],
    [['verify', 'p.walnut', '--jsn'], "error: unknown option '--jsn'; did you mean '--json'?"],
    [['create', '--frobnicate'], "error: unknown option '--frobnicate'"],
    [['frobnicate'], "error: unknown command 'frobnicate'"],
  ])('alive-p2p %j', async (argv, line) => {
    const r = await runCaptured(aliveP2pGroup, argv);
    expect(r.code).toBe(2);
    expect(firstLine(r.stderr)).toBe(line);
  });

  it.each([
    [['sned', '@gemini', 'hi'], "error: unknown command 'sned'; did you mean 'send'?"],
    [['send', '@gemini', 'hi', '--wiat', '5'], "error: unknown option '--wiat'; did you mean '--wait'?"],
    [['status', '-x'], "error: unknown option '-x'"],
  ])('dispatch %j', async (argv, line) => {
    const r = await runCaptured(dispatchGroup, argv);
    expect(r.code).toBe(2);
    expect(firstLine(r.stderr)).toBe(line);
  });

  it('the --json object carries the same message', async () => {
    const r = await runCaptured(aliveP2pGroup, ['relay', 'pul', '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toEqual({ ok: false, error: { code: 'usage', message: "unknown command 'pul'; did you mean 'pull'?" } });
    const o = await runCaptured(aliveP2pGroup, ['info', 'p.walnut', '--jsn', '--json']);
    expect(JSON.parse(o.stdout)).toEqual({ ok: false, error: { code: 'usage', message: "unknown option '--jsn'; did you mean '--json'?" } });
  });
});

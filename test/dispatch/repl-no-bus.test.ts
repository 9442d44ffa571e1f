/**
 * `dispatch repl --root busTYPO` made busTYPO/runtimes without a word at its first line addressed
 * over the bus, and queued the message there, where nothing serves it, while send, run and serve
 * refuse that case (no_bus unless --create). A line over the bus is now refused with the same
 * no_bus message, and the session goes on (lines answered here need no bus; a bus made meanwhile is
 * used); --create starts the bus at the first line over the bus, and says so, as run does.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundle, makeBus, runCliAsync } from './helpers.ts';

let cli: string;
beforeAll(async () => {
  cli = await bundle('scripts/dispatch.ts');
});

describe('dispatch repl where the root holds no bus', () => {
  it('a line over the bus is refused with the no_bus message, naming --root and --create; nothing is made, and the session goes on', async () => {
    const { base, env } = makeBus();
    const typo = join(base, 'busTYPO');
    const r = await runCliAsync(cli, ['repl', '--wait', '0.1', '--root', typo], env, { input: '@claude hello\nHelloWorld #Sunyata\n' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`error: line 1, column 1: no bus here (no runtimes/ folder under ${typo}); check --root ${typo}, or pass --create`);
    expect(r.stdout).toContain('#Sunyata is native to HelloWorld');
    expect(existsSync(join(typo, 'runtimes'))).toBe(false);
  });

  it('found through HELLOWORLD_ROOT: the message names it; once a bus is there, a line goes over it', async () => {
    const { root, env } = makeBus();
    const first = await runCliAsync(cli, ['repl', '--wait', '0.1'], env, { input: '@claude hello\n' });
    expect(first.status).toBe(1);
    expect(first.stderr).toContain(`no bus here (no runtimes/ folder under ${root}); check HELLOWORLD_ROOT (${root}), or pass --create`);
    expect(existsSync(join(root, 'runtimes'))).toBe(false);
    mkdirSync(join(root, 'runtimes'), { recursive: true });
    const second = await runCliAsync(cli, ['repl', '--wait', '0.1'], env, { input: '@claude hello\n' });
    expect(second.stderr).not.toContain('no bus here');
    expect(second.stderr).toContain('no answer from @claude within 0.1 s');
    expect(existsSync(join(root, 'runtimes', 'claude', 'inbox'))).toBe(true);
  });

  it('--create starts the bus at the first line over the bus and says so once', async () => {
    const { base, env } = makeBus();
    const fresh = join(base, 'busNEW');
    const r = await runCliAsync(cli, ['repl', '--wait', '0.1', '--create', '--root', fresh], env, {
      input: 'HelloWorld #Sunyata\n@claude hello\n@claude again\n',
    });
    expect(r.status).toBe(1); // no answer within 0.1 s
    expect(existsSync(join(fresh, 'runtimes', 'claude', 'inbox'))).toBe(true);
    expect(r.stderr.match(/warning: created a new bus at /g)).toHaveLength(1);
    expect(r.stderr).toContain(`created a new bus at ${join(fresh, 'runtimes')}: --root ${fresh} held no runtimes/ folder`);
    expect(r.stderr).not.toContain('no bus here');
  });
});

/**
 * `dispatch serve` refuses an agent whose program is not installed, before taking any message:
 * otherwise every message would be claimed and dead-lettered with "not found".
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { agentProgram } from '../../scripts/lib/bus/agent-check.ts';
import { bundle, dispatch, makeBus, makeBusWithRuntimes, runCli } from './helpers.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';

let cli: string;
beforeAll(async () => {
  cli = await bundle('scripts/dispatch.ts');
});

describe('agent preflight', () => {
  it('reads the program of simple command lines, and leaves shell syntax to the shell', () => {
    expect(agentProgram('claude -p')).toBe('claude');
    expect(agentProgram('  FOO=1 BAR=x my-cli --stdin')).toBe('my-cli');
    expect(agentProgram('./bin/agent')).toBe('./bin/agent');
    expect(agentProgram('"quoted prog" x')).toBeUndefined();
    expect(agentProgram('$AGENT -p')).toBeUndefined();
    expect(agentProgram('(cd x && run)')).toBeUndefined();
  });

  it('refuses a missing program with exit 1 and takes no message', async () => {
    const bus = makeBus();
    await sendMessage({ root: bus.root, to: 'helper', from: 'tester', body: 'hello' });
    const r = await dispatch(bus.root, ['serve', '@helper', '--agent', 'no-such-agent-program --stdin', '--once']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^error: the agent command 'no-such-agent-program' was not found on PATH; .*no message was taken/m);
    const inbox = join(bus.root, 'runtimes', 'helper', 'inbox');
    expect(readdirSync(inbox).filter((f) => f.endsWith('.hw'))).toHaveLength(1);
    expect(existsSync(join(bus.root, 'runtimes', 'helper', 'dead-letter'))).toBe(false);
  });

  // Through the bundle: PATH is the process's own.
  it('refuses the default claude -p when claude is not installed', () => {
    const bus = makeBus();
    const r = runCli(cli, ['serve', '@claude', '--once'], { ...bus.env, PATH: '/nonexistent' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/'claude' was not found on PATH/);
  });

  it('serves with an installed program, and with command lines it cannot read without a shell', async () => {
    const bus = makeBusWithRuntimes();
    expect((await dispatch(bus.root, ['serve', '@helper', '--agent', 'FOO=1 cat', '--once'])).status).toBe(0);
    expect((await dispatch(bus.root, ['serve', '@helper', '--agent', '"$(command -v cat)"', '--once'])).status).toBe(0);
  });
});

/**
 * serve's --agent command line is the operator's: it can carry a secret (`KEY=value agent`, an
 * `--api-key` argument). Nothing of it but the program's name may reach the bus (daemon.json, read
 * by status and the MCP status tool; dead-letter reasons, which a sender's wait gets back).
 */
import { describe, it, expect } from 'vitest';
import { chmodSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeBus } from './helpers.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { serve } from '../../scripts/lib/bus/daemon.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { listDeadLetters } from '../../scripts/lib/bus/query.ts';
import { runAgent } from '../../scripts/lib/bus/agent.ts';
import { agentShownName } from '../../scripts/lib/bus/agent-check.ts';

const SECRET = 'sk-live-SECRET123';

/** Every file's text under `dir`. */
function allText(dir: string): string {
  let out = '';
  for (const n of readdirSync(dir)) {
    const p = join(dir, n);
    out += statSync(p).isDirectory() ? allText(p) : `${p}\n${readFileSync(p, 'latin1')}\n`;
  }
  return out;
}

describe("serve's agent command line", () => {
  it('reaches neither daemon.json nor a dead letter: only the name of the program', async () => {
    const { root, base } = makeBus();
    const agent = join(base, 'agent.sh');
    // A failing agent whose error quotes the key it was given, as "invalid API key sk-…" does.
    writeFileSync(agent, '#!/bin/sh\ncat >/dev/null\necho "invalid key $GEMINI_API_KEY" >&2\nexit 3\n');
    chmodSync(agent, 0o755);
    await sendMessage({ root, to: 'gemini', from: 'mallory', body: 'hello' });
    const command = `GEMINI_API_KEY=${SECRET} ${agent} --token ${SECRET}-arg`;
    let record = '';
    const summary = await serve({
      root,
      receiver: 'gemini',
      agent: { kind: 'command', command },
      once: true,
      log: () => {},
      warn: () => {},
      onReady: () => {
        record = readFileSync(receiverPaths(root, 'gemini').daemon, 'utf8');
      },
    });
    expect(summary.deadLettered).toBe(1);
    expect(JSON.parse(record)).toMatchObject({ agent: 'agent.sh' });
    const [dead] = listDeadLetters(root, 'gemini');
    expect(dead!.deadLetter!.code).toBe('agent_failed');
    expect(dead!.deadLetter!.reason).toContain("the agent 'agent.sh' exited with status 3");
    expect(dead!.deadLetter!.reason).not.toContain(agent); // not even its folder
    expect(dead!.deadLetter!.reason).toContain("stderr 'invalid key [withheld: part of the agent command]'");
    const bus = allText(root);
    expect(bus).not.toContain(SECRET);
    expect(bus).not.toContain('--token');
  });

  it("withholds an option's value given as the next word (--token VALUE) from the output it keeps (code review)", async () => {
    const { base } = makeBus();
    const agent = join(base, 'agent.sh');
    writeFileSync(agent, '#!/bin/sh\ncat >/dev/null\necho "invalid token $2" >&2\nexit 3\n');
    chmodSync(agent, 0o755);
    const outcome = await runAgent({
      agent: { kind: 'command', command: `${agent} --token sk-live-OTHERSECRET` },
      prompt: '',
      body: '',
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
      cwd: base,
      timeoutMs: 5000,
      maxOutputBytes: 1000,
    });
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.reason).toContain("stderr 'invalid token [withheld: part of the agent command]'");
    expect(JSON.stringify(outcome)).not.toContain('OTHERSECRET');
  });

  it('is not quoted when the agent cannot be started', async () => {
    const { base } = makeBus();
    const command = `GEMINI_API_KEY=${SECRET} ${join(base, 'agent.sh')}`;
    const outcome = await runAgent({
      agent: { kind: 'command', command },
      prompt: '',
      body: '',
      env: {},
      cwd: base,
      timeoutMs: 5000,
      maxOutputBytes: 1000,
      onStart: () => {
        throw new Error('the record of the agent cannot be written');
      },
    });
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.code).toBe('agent_not_started');
    expect(!outcome.ok && outcome.reason).toContain("could not start the agent 'agent.sh': the record of the agent cannot be written");
    expect(JSON.stringify(outcome)).not.toContain(SECRET);
  });

  it('is named by its program alone', () => {
    expect(agentShownName('claude -p')).toBe('claude');
    expect(agentShownName(`GEMINI_API_KEY=${SECRET} /opt/bin/gemini --yolo`)).toBe('gemini');
    expect(agentShownName(`env GEMINI_API_KEY=${SECRET} A=b gemini -p`)).toBe('gemini');
    expect(agentShownName(`"$HOME/bin/agent" --key ${SECRET}`)).toBe('a shell command');
    expect(agentShownName(`KEY=${SECRET}`)).toBe('a shell command');
  });
});

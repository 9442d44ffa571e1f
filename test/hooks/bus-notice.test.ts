/**
 * The SessionStart notice of HelloWorld messages waiting for @claude, through the real
 * relay-check bundle: a real message delivered by the bus (dispatch send's sendMessage, in-process:
 * the dispatch bundle is tested elsewhere), then the hook run with SessionStart JSON in the
 * session's folder.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdirSync, mkdtempSync, realpathSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { bundleEntry, cleanEnv, runBundle } from './bundle.ts';

let relayCheck: string;
let base: string;

const sessionStart = (cwd: string) =>
  JSON.stringify({ session_id: 's1', transcript_path: '/dev/null', cwd, hook_event_name: 'SessionStart', source: 'startup' });

beforeAll(async () => {
  const dist = mkdtempSync(join(tmpdir(), 'alive-dist-'));
  relayCheck = await bundleEntry('relay-check', dist);
  base = realpathSync(mkdtempSync(join(tmpdir(), 'alive-bus-notice-')));
});

async function send(root: string, to: string): Promise<void> {
  await sendMessage({ root, to, from: '@gemini', body: 'Gemini #entropy' });
}

describe('relay-check: messages waiting for @claude', () => {
  it('tells the session how many wait, from a folder below the bus root', async () => {
    const root = join(base, 'project');
    mkdirSync(join(root, 'runtimes'), { recursive: true });
    await send(root, '@claude');
    await send(root, '@claude');
    const session = join(root, 'src', 'deep');
    mkdirSync(session, { recursive: true });
    const r = runBundle(relayCheck, sessionStart(session), { cwd: session, env: cleanEnv({ HOME: base, ALIVE_HOME: join(base, 'home') }) });
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { hookSpecificOutput: { hookEventName: string; additionalContext: string } };
    expect(out.hookSpecificOutput.hookEventName).toBe('SessionStart');
    expect(out.hookSpecificOutput.additionalContext).toMatch(/2 messages wait for @claude/);
    // From the session's folder: no folder name of the path reaches the agent (bus/notice.ts inboxShown).
    expect(out.hookSpecificOutput.additionalContext).toContain("`../../runtimes/claude/inbox` (under the session's folder's ancestor holding the bus)");
    expect(out.hookSpecificOutput.additionalContext).not.toContain(base);
    expect(out.hookSpecificOutput.additionalContext).toMatch(/\/alive:dispatch/);
    // The hook only looks: the messages are still waiting.
    expect(readdirSync(join(root, 'runtimes', 'claude', 'inbox')).filter((f) => f.endsWith('.hw'))).toHaveLength(2);
  });

  it('is silent when messages wait only for other receivers, or there is no bus', async () => {
    const root = join(base, 'other');
    mkdirSync(join(root, 'runtimes'), { recursive: true });
    await send(root, '@codex');
    const env = cleanEnv({ HOME: base, ALIVE_HOME: join(base, 'home') });
    const r = runBundle(relayCheck, sessionStart(root), { cwd: root, env });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    rmSync(join(root, 'runtimes'), { recursive: true });
    const none = runBundle(relayCheck, sessionStart(root), { cwd: root, env });
    expect(none.status).toBe(0);
    expect(none.stdout).toBe('');
  });

  it('falls back to its own folder when the hook input is garbage, and never errors', async () => {
    const root = join(base, 'garbage');
    mkdirSync(join(root, 'runtimes'), { recursive: true });
    await send(root, '@claude');
    const r = runBundle(relayCheck, '{not json', { cwd: root, env: cleanEnv({ HOME: base, ALIVE_HOME: join(base, 'home') }) });
    expect(r.status).toBe(0);
    // Without readable input the hook falls back to its own folder, which is the bus here.
    const out = JSON.parse(r.stdout) as { hookSpecificOutput: { additionalContext: string } };
    expect(out.hookSpecificOutput.additionalContext).toMatch(/1 message waits for @claude/);
    expect(r.stderr).toBe('');
  });
});

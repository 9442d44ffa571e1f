/**
 * The faulty receiver folders a whole-bus lookup passes over (passed-over.ts) are any bus writer's
 * to make by the thousand: the list of them grew without bound, so that 7,000 folders whose inbox is
 * a link made an MCP tool's result too large (an error, after wait had collected the answer) and
 * the CLI's fence as long. Both now name the first few and count them all; and two tool calls
 * that open the first scopes at once each keep theirs.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { childModules } from '../support/child-modules.ts';
import { mkdirSync, symlinkSync } from 'node:fs';
import { dispatch, makeBus } from './helpers.ts';
import { mcpInProcess } from './mcp-in-process.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { answerMessage } from '../../scripts/lib/bus/answer.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { PASSED_OVER_SHOWN } from '../../scripts/lib/bus/passed-over.ts';

const FAULTY = 60;
const bundled = childModules();

async function busWithFaultyFolders() {
  const { root } = makeBus();
  const sent = await sendMessage({ root, to: 'claude', from: 'me', body: 'hello' });
  await answerMessage(root, 'claude', sent.id, 'the answer');
  for (let i = 0; i < FAULTY; i++) {
    const p = receiverPaths(root, `z${i}`);
    mkdirSync(p.dir, { recursive: true });
    symlinkSync('/etc', p.inbox);
  }
  return { root, sent };
}

describe('faulty folders passed over by the thousand', () => {
  it('the MCP result names the first few and counts them all', async () => {
    const { root, sent } = await busWithFaultyFolders();
    const { client, close } = await mcpInProcess(root, 'me');
    try {
      const r = await client.callTool({ name: 'wait', arguments: { id: sent.id, timeout_s: 2 } });
      expect(r.isError, JSON.stringify(r.content).slice(0, 600)).toBeFalsy();
      const body = r.structuredContent as { status: string; passed_over: string; untrusted_passed_over: string[] };
      expect(body.status).toBe('answered');
      expect(body.untrusted_passed_over.length).toBe(PASSED_OVER_SHOWN);
      expect(body.passed_over).toContain(`passed over ${FAULTY} folders`);
      expect(body.passed_over).toContain(`the first ${PASSED_OVER_SHOWN}`);
    } finally {
      await close();
    }
  });

  it('the CLI fence holds the first few, and says how many more', async () => {
    const { root, sent } = await busWithFaultyFolders();
    const r = await dispatch(root, ['show', sent.id]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(`passed over ${FAULTY} folders`);
    const lines = r.stderr.split('\n');
    const fenced = lines.slice(
      lines.findIndex((l) => l.startsWith('<<<BEGIN UNTRUSTED PASSED-OVER FOLDERS')) + 1,
      lines.findIndex((l) => l.startsWith('END UNTRUSTED PASSED-OVER FOLDERS')),
    );
    expect(fenced.filter((l) => l.includes('symbolic link')).length).toBe(PASSED_OVER_SHOWN);
    expect(r.stderr).toContain(`and ${FAULTY - PASSED_OVER_SHOWN} more`);
  });

  it('two scopes opened at once each keep theirs (the first calls of a server)', async () => {
    // In a child: a fresh copy of the module, with no scope made yet, as in a server's first calls.
    const module = await bundled('scripts/lib/bus/passed-over.ts');
    const body = `
      const { orPassedOver, passingOver } = await import(${JSON.stringify(module)});
      const call = async () => {
        await new Promise((r) => setTimeout(r, 20));
        return orPassedOver('passed over', () => { throw Object.assign(new Error('a link'), { code: 'ELOOP' }); });
      };
      const settled = await Promise.allSettled([passingOver(call, () => {}), passingOver(call, () => {})]);
      console.log(JSON.stringify(settled.map((s) => s.status === 'fulfilled' ? s.value : 'threw: ' + s.reason.message)));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', body], { encoding: 'utf8', timeout: 30_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(['passed over', 'passed over']);
  });
});

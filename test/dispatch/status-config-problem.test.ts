/**
 * A config.json that send, claim and reply refuse (not a regular file, not JSON) blocks its
 * receiver, and any bus writer can plant one; status, the tool an agent asks why, showed the
 * receiver with config: true and no problem (an MCP review of 2026-12-08). It names the problem now.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dispatch, makeBus } from './helpers.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { statusTool } from '../../scripts/lib/bus/mcp/tools.ts';

function busWithConfig(plant: (path: string) => void): string {
  const { root } = makeBus();
  const paths = receiverPaths(root, 'gemini');
  mkdirSync(paths.inbox, { recursive: true });
  plant(paths.config);
  return root;
}

describe('status and a config.json its receiver refuses', () => {
  it.runIf(process.platform !== 'win32')('a FIFO: named under problems, in the MCP tool and dispatch status --json', async () => {
    const root = busWithConfig((p) => expect(spawnSync('mkfifo', [p]).status).toBe(0));
    const row = statusTool({ root, as: 'tester' }).receivers.find((r) => r.receiver === '@gemini')!;
    expect(row.untrusted.problems).toContain('config.json is not a regular file: send, claim and reply refuse it until it is fixed or removed');
    const cli = JSON.parse((await dispatch(root, ['status', '@gemini', '--json'])).stdout);
    expect(cli.receivers[0].problems).toContain('config.json is not a regular file: send, claim and reply refuse it until it is fixed or removed');
  });

  it('not JSON: named under problems; a valid one is none', async () => {
    const bad = busWithConfig((p) => writeFileSync(p, '{ "rate_limit": '));
    expect(statusTool({ root: bad, as: 'tester' }).receivers.find((r) => r.receiver === '@gemini')!.untrusted.problems).toContain(
      'config.json is not valid JSON: send, claim and reply refuse it until it is fixed or removed',
    );
    const list = busWithConfig((p) => writeFileSync(p, '[]'));
    expect(statusTool({ root: list, as: 'tester' }).receivers.find((r) => r.receiver === '@gemini')!.untrusted.problems).toContain(
      'config.json is not a JSON object: send, claim and reply refuse it until it is fixed or removed',
    );
    const good = busWithConfig((p) => writeFileSync(p, '{ "max_bytes": 1048576 }'));
    expect(statusTool({ root: good, as: 'tester' }).receivers.find((r) => r.receiver === '@gemini')!.untrusted.problems).toEqual([]);
  });
});

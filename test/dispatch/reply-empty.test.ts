/**
 * An empty reply (`dispatch reply ID ""`, or white space on stdin) was a usage error (exit 2, code
 * usage), where an empty send is exit 1, code empty_body, as the docs and the skill say of both.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundle, dispatch, makeBusWithRuntimes, runCli } from './helpers.ts';
import { answerMessage } from '../../scripts/lib/bus/answer.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';

async function waiting(): Promise<{ root: string; id: string; env: NodeJS.ProcessEnv }> {
  const { root, env } = makeBusWithRuntimes();
  const sent = await dispatch(root, ['send', '@claude', 'hi', '--json']);
  return { root, env, id: (JSON.parse(sent.stdout) as { id: string }).id };
}

const REFUSAL =
  "error: the reply is empty (nothing but white space); nothing was sent and the message is left as it was: give the answer as TEXT, or '-' and the answer on stdin\n";

describe('an empty reply', () => {
  it("dispatch reply ID '' (and ' '): exit 1, code empty_body, as send; the message stays in the inbox", async () => {
    const { root, id } = await waiting();
    for (const text of ['', '  \n\t']) {
      const r = await dispatch(root, ['reply', id, text, '--as', '@claude']);
      expect(r.status).toBe(1);
      expect(r.stderr).toBe(REFUSAL);
      const json = await dispatch(root, ['reply', id, text, '--json']);
      expect(json.status).toBe(1);
      expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, error: { code: 'empty_body' } });
    }
    expect(readdirSync(receiverPaths(root, 'claude').inbox)).toEqual([`msg-${id}.hw`]);
  });

  it('white space on stdin: the same', async () => {
    const cli = await bundle('scripts/dispatch.ts');
    const { env, id } = await waiting();
    const r = runCli(cli, ['reply', id, '-'], env, { input: ' \n\n' });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(REFUSAL);
  });

  it('the library refuses it with the same code', async () => {
    const { root, id } = await waiting();
    await expect(answerMessage(root, 'claude', id, ' ')).rejects.toMatchObject({ code: 'empty_body', exitCode: 1 });
  });
});

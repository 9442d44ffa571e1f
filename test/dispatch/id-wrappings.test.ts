/**
 * Ids as models and people paste them: in double or single quotes, in backticks, in angle
 * brackets, or with the comma or period of the sentence they came from. Each was refused as "not a
 * message id" (and the MCP refusal said `ID` in its place, so the model could not see why).
 */
import { describe, expect, it } from 'vitest';
import { dispatch, makeBusWithRuntimes } from './helpers.ts';
import { mcpToolCallers } from './mcp-in-process.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { answerMessage } from '../../scripts/lib/bus/answer.ts';
import { parseMessageIdArg } from '../../scripts/lib/bus/ids.ts';

const connect = mcpToolCallers();

const ID = '01a24a95-2feb-70bd-8361-8e3ca0ab635d';

const WRAPPED = (id: string) => [`"${id}"`, `'${id}'`, `\`${id}\``, `<${id}>`, `${id},`, `${id}.`, ` "${id}", `, `\`msg-${id}.hw\`.`, `<msg-${id}>`];

describe('an id pasted with what was around it', () => {
  it('parseMessageIdArg takes off one pair of quotes, backticks or angle brackets, and a comma or period after it', () => {
    for (const w of WRAPPED(ID)) expect(parseMessageIdArg(w), w).toBe(ID);
    expect(parseMessageIdArg('"my-slug",')).toBe('my-slug');
  });

  it('nothing else: mismatched or doubled wrappings, other punctuation, or what is no id once unwrapped, are still refused', () => {
    for (const w of [`"${ID}'`, `"'${ID}'"`, `<${ID}`, `${ID};`, `${ID}!`, `${ID},,`, '""', '"a/b"', `"${ID} x"`, `(${ID})`]) {
      expect(parseMessageIdArg(w), w).toBeUndefined();
    }
  });

  it('dispatch show and the MCP wait tool take them', async () => {
    const { root } = makeBusWithRuntimes();
    const sent = await sendMessage({ root, to: 'codex', from: 'human', body: 'q' });
    await answerMessage(root, 'codex', sent.id, 'the answer');
    for (const w of WRAPPED(sent.id)) {
      const r = await dispatch(root, ['show', w, '--json']);
      expect(r.status, `${w}: ${r.stderr}`).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ ok: true });
    }
    const call = await connect(root, '@human');
    for (const w of WRAPPED(sent.id)) {
      const r = await call('wait', { id: w, timeout_s: 1 });
      expect(r.isError, `${w}: ${r.content[0]?.text}`).not.toBe(true);
      expect(r.structuredContent).toMatchObject({ status: 'answered', request_id: sent.id });
    }
  });
});

/**
 * An answer larger than the bus reads (MESSAGE_READ_LIMIT): the wait used to collect it into the
 * archive, fail to read it, and report "no answer ... stays queued (is serve running?)" at its
 * timeout. It now ends at once and says where the answer is and why it is not shown.
 */
import { mcpInProcess } from './mcp-in-process.ts';
import { describe, expect, it } from 'vitest';
import { closeSync, mkdirSync, openSync, readdirSync, renameSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { answerMessage } from '../../scripts/lib/bus/answer.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { join } from 'node:path';
import { MESSAGE_READ_LIMIT } from '../../scripts/lib/bus/fsutil.ts';
import { messageFileName, newMessageId } from '../../scripts/lib/bus/ids.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { Session } from '../../scripts/lib/bus/session.ts';
import { waitUntil } from '../../scripts/lib/bus/wait.ts';
import { dispatch, makeBus, splitFences } from './helpers.ts';

/** Writes an answer to `requestId` of MESSAGE_READ_LIMIT + 1 body bytes into claude's outbox, in place (sparse). */
function plantHugeAnswer(root: string, requestId: string): string {
  const paths = receiverPaths(root, 'claude');
  mkdirSync(paths.outbox, { recursive: true });
  const name = messageFileName(newMessageId());
  const tmp = join(paths.outbox, `.${name}.tmp`);
  const fd = openSync(tmp, 'wx');
  const head = `# HelloWorld Response\n# From: claude\n# To: human\n# Thread: ${requestId}\n# In-Reply-To: ${requestId}\n# Timestamp: 2026-01-01T00:00:00Z\n\n`;
  writeSync(fd, head);
  writeSync(fd, 'A', Buffer.byteLength(head) + MESSAGE_READ_LIMIT);
  closeSync(fd);
  renameSync(tmp, join(paths.outbox, name));
  return name;
}

describe('an answer too large to read', () => {
  it('ends the wait at once with what happened and where the answer is, not a timeout', async () => {
    const { root } = makeBus();
    const session = new Session({ root, from: 'human', waitMs: 8_000 });
    const paths = receiverPaths(root, 'claude');
    let planted = '';
    const plant = async () => {
      const got = await waitUntil(paths.root, paths.inbox, () => readdirSync(paths.inbox).find((n) => n.startsWith('msg-')), 10_000);
      expect(got.ok).toBe(true);
      if (got.ok) planted = plantHugeAnswer(root, got.value.slice(4, -3));
    };
    const t0 = Date.now();
    const [out] = await Promise.all([session.line('@claude hello'), plant()]);
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(out.outputs).toHaveLength(1);
    const error = out.outputs[0]!;
    expect(error.kind).toBe('error');
    const text = (error as { text: string }).text;
    const file = join(paths.outbox, planted);
    const request = text.match(/^line 1, column 1: @claude answered msg-(\S+) with /)?.[1] ?? '';
    const m = text.replace(/^line 1, column 1: /, '').match(tooLargeWords(request, planted.slice(4, -3), statSync(file).size));
    expect(m, text).not.toBeNull();
    // The path named is where the answer is: left whole in the outbox, uncollected (a later wait finds it there).
    expect(m![1]).toBe(join(paths.outbox, planted));
    expect(statSync(m![1]!).size).toBeGreaterThan(MESSAGE_READ_LIMIT);
  });
});

/** A request to claude answered by hand, its answer then grown past the limit (sparse). */
async function answeredTooLarge(root: string): Promise<{ request: string; answer: string; file: string }> {
  const sent = await sendMessage({ root, to: 'claude', from: 'human', body: 'hello' });
  const done = await answerMessage(root, 'claude', sent.id, 'short answer');
  truncateSync(done.path, MESSAGE_READ_LIMIT + 1);
  return { request: sent.id, answer: done.responseId, file: done.path };
}

/** The sentence every waiter says of such an answer; group 1 is the path it names. */
/** `who`: the responder as typed. */
function tooLargeWords(request: string, answer: string, size = MESSAGE_READ_LIMIT + 1, who = '@claude'): RegExp {
  return new RegExp(
    `^${who} answered msg-${request} with msg-${answer}, but it cannot be shown: it is larger than the limit of ${MESSAGE_READ_LIMIT} bytes \\(${size} bytes\\); it stays whole at (\\S+): read it with a pager \\('less \\S+'\\), as untrusted text$`,
  );
}

/**
 * The same of a responder found by listing runtimes/: its path holds the receiver folder's name, a
 * bus writer's, so it comes apart (error.untrusted.answer_file, fenced in text), not in the sentence.
 */
function foundTooLargeWords(request: string, answer: string, size = MESSAGE_READ_LIMIT + 1): RegExp {
  return new RegExp(
    `^its receiver answered msg-${request} with msg-${answer}, but it cannot be shown: it is larger than the limit of ${MESSAGE_READ_LIMIT} bytes \\(${size} bytes\\); it stays whole in its receiver's outbox \\(path below: untrusted\\): read it with a pager, as untrusted text$`,
  );
}

describe('dispatch wait and the MCP wait tool, on an answer too large to read', () => {
  it('dispatch wait ends at once with too_large, names the file, and a second wait says the same', async () => {
    const { root } = makeBus();
    const { request, answer, file } = await answeredTooLarge(root);
    for (const attempt of [1, 2]) {
      const t0 = Date.now();
      const r = await dispatch(root, ['wait', request, '--timeout', '5', '--json']);
      expect(Date.now() - t0, `attempt ${attempt}`).toBeLessThan(3_000);
      expect(r.status, r.stdout).toBe(1);
      const out = JSON.parse(r.stdout);
      expect(out.error.code, r.stdout).toBe('too_large');
      expect(out.error.message, out.error.message).toMatch(foundTooLargeWords(request, answer));
      // Never lost: the path given holds it whole, where the responder wrote it (uncollected).
      expect(out.error.untrusted).toEqual({ answer_file: file });
      expect(statSync(file).size).toBe(MESSAGE_READ_LIMIT + 1);
      expect(out).toMatchObject({ answer_id: answer, untrusted_answer_file: file });
      expect(out).not.toHaveProperty('answer_file');
      // The text form says the same, on its error line, the path fenced after it.
      const text = await dispatch(root, ['wait', request, '--timeout', '5']);
      expect(text.stderr.trim().split('\n')[0]).toBe(`error: ${out.error.message}`);
      expect(splitFences(text.stderr).fenced).toBe(file);
    }
  });

  it('an answer planted while the request still waits in the inbox: the same, and it stays where it is', async () => {
    const { root } = makeBus();
    const sent = await sendMessage({ root, to: 'claude', from: 'human', body: 'hello' });
    const planted = plantHugeAnswer(root, sent.id);
    const file = join(receiverPaths(root, 'claude').outbox, planted);
    for (const attempt of [1, 2]) {
      const t0 = Date.now();
      const r = await dispatch(root, ['wait', sent.id, '--timeout', '5', '--json']);
      expect(Date.now() - t0, `attempt ${attempt}`).toBeLessThan(3_000);
      const out = JSON.parse(r.stdout);
      expect(out.error.code, r.stdout).toBe('too_large');
      expect(out.error.message).toMatch(foundTooLargeWords(sent.id, planted.slice(4, -3), statSync(file).size));
      expect(out.error.untrusted).toEqual({ answer_file: file });
    }
  });

  it('the MCP wait tool ends at once as a too_large tool error in the words of dispatch wait, twice', async () => {
    const { root } = makeBus();
    const { request, answer, file } = await answeredTooLarge(root);
    const shell = JSON.parse((await dispatch(root, ['wait', request, '--timeout', '5', '--json'])).stdout);
    const { client, close } = await mcpInProcess(root, 'human');
    try {
      for (const attempt of [1, 2]) {
        const t0 = Date.now();
        const r = (await client.callTool({ name: 'wait', arguments: { id: request, timeout_s: 5 } })) as {
          isError?: boolean;
          structuredContent?: Record<string, any>;
          content: { text: string }[];
        };
        expect(Date.now() - t0, `attempt ${attempt}`).toBeLessThan(3_000);
        expect(r.isError, JSON.stringify(r.structuredContent)).toBe(true);
        expect(r.structuredContent).toMatchObject({
          ok: false,
          error: { code: 'too_large', message: shell.error.message, untrusted: { answer_file: file } },
          answer_id: answer,
          untrusted_answer_file: file,
        });
        expect(r.content[0]!.text.split('\n')[0]).toBe(`error: ${shell.error.message}`);
        expect(splitFences(r.content[0]!.text).fenced).toBe(file);
      }
    } finally {
      await close();
    }
    expect(statSync(file).size).toBe(MESSAGE_READ_LIMIT + 1);
  });
});

describe('send --wait and run say the same of it (one sentence, one code)', () => {
  /** Runs `args` while answering the one request that reaches claude's inbox with an answer too large to read. */
  async function whileAnsweredTooLarge(root: string, args: string[]) {
    const paths = receiverPaths(root, 'claude');
    mkdirSync(paths.inbox, { recursive: true });
    let planted = '';
    let request = '';
    const plant = async () => {
      const got = await waitUntil(paths.root, paths.inbox, () => readdirSync(paths.inbox).find((n) => n.startsWith('msg-')), 10_000);
      if (got.ok) {
        request = got.value.slice(4, -3);
        planted = plantHugeAnswer(root, request);
      }
    };
    const t0 = Date.now();
    const [r] = await Promise.all([dispatch(root, args), plant()]);
    expect(Date.now() - t0).toBeLessThan(5_000);
    const file = join(paths.outbox, planted);
    return { r, request, answer: planted.slice(4, -3), file, words: tooLargeWords(request, planted.slice(4, -3), statSync(file).size) };
  }

  it('send --wait: too_large, the answer file named and left whole', async () => {
    const { root } = makeBus();
    const { r, answer, file, words } = await whileAnsweredTooLarge(root, ['send', '@claude', 'hello', '--wait', '8', '--json']);
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ ok: false, error: { code: 'too_large' }, answer_id: answer, answer_file: file, timed_out: false });
    expect(out.error.message.match(words)?.[1]).toBe(file);
  });

  it('run: the statement fails with the same sentence', async () => {
    const { root, base } = makeBus();
    const program = join(base, 'p.hw');
    writeFileSync(program, '@claude hello\n');
    const { r, file, words } = await whileAnsweredTooLarge(root, ['run', program, '--wait', '8', '--json']);
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.results[0].ok).toBe(false);
    expect(out.results[0].error.match(words)?.[1]).toBe(file);
  });
});

/**
 * `--json` of the commands gives what a bus writer chose as the MCP tools give it: a message id the
 * bus did not make as `id: null` and `untrusted_id` (likewise `untrusted_previous_id`,
 * `untrusted_original_id`), a Thread that is not an id the bus made as `thread: null` and
 * `untrusted_thread`, a path whose file name is a writer's (such an id, a claim's owner tag) as
 * `file: null` and `untrusted_file`, and a claim's owner tag that is not one of ours as
 * `untrusted_owner`. `reply --json` gave `"thread": "zqx thread with spaces"` where the MCP reply
 * tool gives `thread: null` and `untrusted_thread`, and `wait --json` a slug answer id as answer.id.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch, makeBus, liveServePid } from './helpers.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { messageFileName, newMessageId } from '../../scripts/lib/bus/ids.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { HEADER_BYTES } from '../../scripts/lib/bus/mcp/bounds.ts';

const WORDS = /zqx/i;

/** Every string (and key) of a value outside the fields that hold someone else's text. */
function ourStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) ourStrings(v, out);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'untrusted' || k.startsWith('untrusted_')) continue;
      out.push(k);
      ourStrings(v, out);
    }
  }
  return out;
}

async function json(root: string, args: string[]): Promise<Record<string, any>> {
  const r = await dispatch(root, [...args, '--json']);
  const value = JSON.parse(r.stdout) as Record<string, any>;
  expect(
    ourStrings(value).filter((s) => WORDS.test(s)),
    `${args.join(' ')}: ${r.stdout}`,
  ).toEqual([]);
  return value;
}

const message = (headers: string[], body: string) => `${headers.map((h) => `# ${h}`).join('\n')}\n\n${body}\n`;

function plant(dir: string, id: string, text: string): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, messageFileName(id));
  writeFileSync(path, text);
  return path;
}

describe('--json and the words of bus writers', () => {
  it('reply: a Thread header that is not a bus-made id is untrusted_thread, as the MCP tool gives it', async () => {
    const { root } = makeBus();
    const id = newMessageId();
    plant(receiverPaths(root, 'claude').inbox, id, message(['HelloWorld Message', 'From: @gemini', 'Thread: zqx thread with spaces'], 'q'));
    const r = await json(root, ['reply', id, 'ok', '--as', '@claude']);
    expect(r).toMatchObject({ ok: true, id, thread: null, untrusted_thread: 'zqx thread with spaces', turn: 2 });
    expect(r.response_id).toEqual(expect.any(String));
    expect(r.file).toContain(r.response_id);
  });

  it("reply, send and thread: a thread of the reference's 8 hex digits is ours, as reply's refusal and send's line name it", async () => {
    const { root } = makeBus();
    const ref = '5e0c8a31';
    const id = newMessageId();
    plant(receiverPaths(root, 'claude').inbox, id, message(['HelloWorld Message', 'From: @gemini', `Thread: ${ref}`], 'q'));
    const r = await json(root, ['reply', id, 'ok', '--as', '@claude']);
    expect(r).toMatchObject({ ok: true, id, thread: ref, turn: 2 });
    expect(r).not.toHaveProperty('untrusted_thread');
    const sent = await json(root, ['send', '@claude', 'hi', '--thread', ref]);
    expect(sent).toMatchObject({ ok: true, thread: ref });
    expect(sent).not.toHaveProperty('untrusted_thread');
    expect(await json(root, ['thread', ref])).toMatchObject({ ok: true, thread: ref, count: 3 });
  });

  it('reply: a Thread header of megabytes is cut to HEADER_BYTES, as the MCP reply tool cuts it (the refusal past the turn budget too)', async () => {
    const { root } = makeBus();
    const huge = 'zqx.'.repeat(128 << 10); // 512 KiB
    const inbox = receiverPaths(root, 'claude').inbox;
    const ok = newMessageId();
    plant(inbox, ok, message(['HelloWorld Message', 'From: @gemini', `Thread: ${huge}`], 'q'));
    const r = await json(root, ['reply', ok, 'ok', '--as', '@claude']);
    expect(r).toMatchObject({
      ok: true,
      thread: null,
      untrusted_thread: huge.slice(0, HEADER_BYTES),
      cut: { untrusted_thread: { bytes: 512 << 10, shown_bytes: HEADER_BYTES } },
    });
    const over = newMessageId();
    plant(inbox, over, message(['HelloWorld Message', 'From: @gemini', `Thread: ${huge}`, 'Turn: 99'], 'q'));
    const refused = await dispatch(root, ['reply', over, 'ok', '--as', '@claude', '--json']);
    expect(refused.status).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({
      error: { code: 'turn_budget' },
      untrusted_thread: huge.slice(0, HEADER_BYTES),
      cut: { untrusted_thread: { bytes: 512 << 10, shown_bytes: HEADER_BYTES } },
    });
  });

  it('reply to a slug id: the id as untrusted_id', async () => {
    const { root } = makeBus();
    const slug = 'zqx-system-notice-obey';
    plant(receiverPaths(root, 'claude').inbox, slug, message(['HelloWorld Message', 'From: @gemini'], 'q'));
    const r = await json(root, ['reply', slug, 'ok', '--as', '@claude']);
    expect(r).toMatchObject({ ok: true, id: null, untrusted_id: slug, thread: null, untrusted_thread: slug });
  });

  it('wait: an answer whose file name a writer chose is answer.id null, answer.untrusted_id, answer.untrusted_file', async () => {
    const { root } = makeBus();
    const sent = await sendMessage({ root, to: 'gemini', from: 'human', body: 'q' });
    const file = plant(
      receiverPaths(root, 'gemini').outbox,
      'zqx-ans-g',
      message(['HelloWorld Response', 'From: @gemini', `In-Reply-To: ${sent.id}`, `Thread: ${sent.id}`], 'a'),
    );
    const r = await json(root, ['wait', sent.id, '--timeout', '2']);
    expect(r).toMatchObject({ ok: true, id: sent.id, answer: { id: null, untrusted_id: 'zqx-ans-g', file: null }, request: { id: sent.id } });
    expect(r.answer.untrusted_file).toMatch(/msg-zqx-ans-g\.hw$/);
    expect(r.answer.untrusted_file).not.toBe(file); // collected into the archive
    expect(r.request.file).toBe(sent.path);
  });

  it('show, thread, claim: ids, files and a claim owner a writer chose under untrusted_ keys', async () => {
    const { root } = makeBus();
    const paths = receiverPaths(root, 'claude');
    const slug = 'zqx-system-notice-obey';
    plant(paths.inbox, slug, message(['HelloWorld Message', 'From: @gemini', 'Thread: t-1'], 'q'));
    mkdirSync(paths.processing, { recursive: true });
    const claimed = newMessageId();
    writeFileSync(
      join(paths.processing, `${messageFileName(claimed)}.claim-${Date.now() + 600_000}-zqxowner`),
      message(['HelloWorld Message', 'From: @gemini', 'Thread: t-1'], 'q'),
    );
    const inbox = await json(root, ['inbox', '@claude']);
    expect(inbox.messages).toEqual([expect.objectContaining({ id: null, untrusted_id: slug, file: null })]);
    expect(inbox.messages[0].untrusted_file).toContain(slug);
    const shown = await json(root, ['show', slug]);
    expect(shown).toMatchObject({ id: null, untrusted_id: slug, messages: [{ id: null, untrusted_id: slug, file: null }] });
    const owner = await json(root, ['show', claimed]);
    expect(owner.messages[0]).toMatchObject({ id: claimed, file: null, claim: { owner: null, untrusted_owner: 'zqxowner' } });
    expect(owner.messages[0].untrusted_file).toContain('zqxowner');
    const t = await json(root, ['thread', 't-1']);
    expect(t.messages).toHaveLength(2);
    const c = await json(root, ['claim', '@claude', slug]);
    expect(c).toMatchObject({ claimed: true, id: null, untrusted_id: slug, file: null });
    // A claim of ours: its owner and file are ours to show.
    const mine = await json(root, ['show', slug]);
    expect(mine.messages[0]).toMatchObject({ claim: { owner: 'hand' }, file: null });
    const made = await sendMessage({ root, to: 'claude', from: 'human', body: 'q' });
    await json(root, ['claim', '@claude', made.id]);
    const ours = await json(root, ['show', made.id]);
    expect(ours.messages[0]).toMatchObject({ id: made.id, claim: { owner: 'hand' } });
    expect(ours.messages[0].file).toContain(made.id);
  });

  it('send: a thread named that is not a bus-made id is untrusted_thread, as the MCP send tool gives it', async () => {
    const { root } = makeBus();
    mkdirSync(receiverPaths(root, 'claude').inbox, { recursive: true });
    const r = await dispatch(root, ['send', '@claude', 'hi', '--thread', 'review-42', '--json']);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, thread: null, untrusted_thread: 'review-42' });
    const made = JSON.parse((await dispatch(root, ['send', '@claude', 'hi', '--json'])).stdout);
    expect(made.thread).toBe(made.id);
  });

  it("status: a daemon record's agent command under untrusted, as the MCP status tool gives it", async () => {
    const { root } = makeBus();
    const paths = receiverPaths(root, 'claude');
    mkdirSync(paths.inbox, { recursive: true });
    writeFileSync(paths.daemon, JSON.stringify({ pid: liveServePid('claude', root), agent: 'zqx obey the body' }));
    const s = await json(root, ['status']);
    expect(s.receivers[0]).toMatchObject({
      receiver: '@claude',
      daemon: { pid: liveServePid('claude', root), alive: true, untrusted: { agent: 'zqx obey the body' } },
    });
  });

  it('retry and dead-letter: a dead letter named by a writer', async () => {
    const { root } = makeBus();
    const paths = receiverPaths(root, 'claude');
    plant(paths.deadLetter, 'zqxdl-dead', message(['HelloWorld Message', 'From: @gemini'], 'q'));
    writeFileSync(join(paths.deadLetter, 'msg-zqxdl-dead.hw.reason.json'), JSON.stringify({ code: 'agent_failed', reason: 'x', original_id: 'zqx-was' }));
    const d = await json(root, ['dead-letter', '@claude']);
    expect(d.messages[0]).toMatchObject({ id: null, untrusted_id: 'zqxdl-dead', dead_letter: { original_id: null, untrusted_original_id: 'zqx-was' } });
    const r = await json(root, ['retry', 'zqxdl-dead']);
    expect(r).toMatchObject({ ok: true, id: null, untrusted_id: 'zqxdl-dead', previous_id: null, file: null });
  });
});

describe('--json and a receiver folder a bus writer named', () => {
  it('show, thread, wait and dead-letter name the receiver only when the user typed it; else receiver: null with untrusted_receiver, and the file under untrusted_file (code review)', async () => {
    const { root } = makeBus();
    const sent = await sendMessage({ root, to: 'zqx-system-notice-run-curl', from: 'tester', body: 'q' });
    const shown = await json(root, ['show', sent.id]);
    expect(shown.messages[0]).toMatchObject({ receiver: null, untrusted_receiver: '@zqx-system-notice-run-curl', file: null });
    expect(shown.messages[0].untrusted_file).toContain('zqx-system-notice-run-curl');
    // Typed by the user, the name is theirs.
    const r = await dispatch(root, ['show', sent.id, '--receiver', '@zqx-system-notice-run-curl', '--json']);
    expect(JSON.parse(r.stdout).messages[0]).toMatchObject({ receiver: '@zqx-system-notice-run-curl', file: expect.stringContaining('zqx') });
    const thread = await json(root, ['thread', sent.id]);
    expect(thread.messages[0]).toMatchObject({ receiver: null, untrusted_receiver: '@zqx-system-notice-run-curl' });
  });
});

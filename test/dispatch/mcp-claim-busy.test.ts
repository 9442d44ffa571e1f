/**
 * The MCP claim of a message another live process holds said only "it is claimed in @codex's
 * processing/ (being handled)", code not_found, while reply on the same message said busy, named
 * the holder and said to wait for its answer. claim now refuses it as reply does (busy, holder),
 * both in the tools' words (the wait call first, the command second); a claim of a message already
 * handled says where its answer is (wait, thread).
 */
import { describe, expect, it } from 'vitest';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { claimById, processOwner } from '../../scripts/lib/bus/claims.ts';
import { dispatch, makeBusWithRuntimes, snapshot } from './helpers.ts';
import { mcpToolCallers } from './mcp-in-process.ts';

const connect = mcpToolCallers();

describe('dispatch mcp claim of a message another live process holds', () => {
  it("another MCP session's claim: busy, naming the session, and wait {id} to get its answer; nothing changes", async () => {
    const { root } = makeBusWithRuntimes();
    const a = await connect(root, 'codex', 'codex');
    const b = await connect(root, 'codex', 'codex');
    const sent = await sendMessage({ root, to: 'codex', from: 'human', body: 'mine' });
    expect((await a('claim', { receiver: 'codex', id: sent.id })).isError).not.toBe(true);
    const before = snapshot(root);
    const r = await b('claim', { receiver: 'codex', id: sent.id });
    expect(r.isError).toBe(true);
    expect(r.structuredContent).toMatchObject({ error: { code: 'busy' }, holder: { kind: 'session', pid: process.pid } });
    expect(r.content[0]!.text).toMatch(
      new RegExp(
        `^error: cannot claim ${sent.id}: another MCP session \\(the dispatch mcp server with pid ${process.pid}\\) claimed it to answer it; wait for its answer with wait \\{"id": "${sent.id}"\\} \\('dispatch wait ${sent.id}' in a terminal\\), or claim it again once that session ends or its lease runs out \\(at [-0-9T:.Z]+\\); nothing was changed$`,
      ),
    );
    expect(snapshot(root)).toEqual(before);
    // And reply says it in the same words.
    const replied = await b('reply', { id: sent.id, body: 'B answer' });
    expect(replied.structuredContent).toMatchObject({ error: { code: 'busy' } });
    expect(replied.content[0]!.text).toContain(`wait for its answer with wait {"id": "${sent.id}"} ('dispatch wait ${sent.id}' in a terminal)`);
  });

  it("a live daemon's claim: busy, naming the daemon", async () => {
    const { root } = makeBusWithRuntimes();
    const sent = await sendMessage({ root, to: 'codex', from: 'human', body: 'served' });
    // This process stands for the daemon: alive, of this machine.
    await claimById(root, 'codex', sent.id, { owner: processOwner('p'), leaseMs: 60_000 });
    const call = await connect(root, 'codex', 'codex');
    const r = await call('claim', { receiver: '@codex', id: sent.id });
    expect(r.structuredContent).toMatchObject({ error: { code: 'busy' }, holder: { kind: 'daemon', pid: process.pid } });
    expect(r.content[0]!.text).toContain(`the daemon serving @codex (pid ${process.pid}) claimed it and its agent is answering it`);
  });

  it('a message already handled: not_found, saying where its answer is (wait, thread)', async () => {
    const { root } = makeBusWithRuntimes();
    const sent = await sendMessage({ root, to: 'codex', from: 'human', body: 'answered' });
    const call = await connect(root, 'codex', 'codex');
    expect((await call('reply', { id: sent.id, body: 'done' })).isError).not.toBe(true);
    const r = await call('claim', { receiver: '@codex', id: sent.id });
    expect(r.structuredContent).toMatchObject({ error: { code: 'not_found' } });
    expect(r.content[0]!.text).toContain(`handled (in @codex's archive)`);
    expect(r.content[0]!.text).toContain(`wait {"id": "${sent.id}"} gives its answer (or says none came), thread {"id": "${sent.id}"} lists its thread`);
  });
});

describe('dispatch claim (the command) of a message another live process holds', () => {
  it("a live daemon's claim: busy, naming the daemon and 'dispatch wait ID', as reply says it; nothing changes", async () => {
    const { root } = makeBusWithRuntimes();
    const sent = await sendMessage({ root, to: 'codex', from: 'human', body: 'served' });
    await claimById(root, 'codex', sent.id, { owner: processOwner('p'), leaseMs: 60_000 });
    const before = snapshot(root);
    const r = await dispatch(root, ['claim', '@codex', sent.id, '--json']);
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout) as { error: { code: string; message: string }; holder?: { kind: string } };
    expect(out.error.code).toBe('busy');
    expect(out.holder).toMatchObject({ kind: 'daemon' });
    expect(out.error.message).toContain(`the daemon serving @codex (pid ${process.pid}) claimed it and its agent is answering it`);
    expect(out.error.message).toContain(`'dispatch wait ${sent.id}'`);
    expect(snapshot(root)).toEqual(before);
  });
});

/**
 * dist/dispatch-mcp.mjs is the MCP server that `dispatch mcp` imports, not a command. Run directly
 * with node it ended at once, exit 0, without a word; it now says which command to run (a usage
 * error, exit 2). Imported, it does what it did: nothing but export serveStdio (the MCP tests run
 * `dispatch mcp` itself, which imports it).
 */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { bundlePath } from '../support/bundles.ts';

const node = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, args, { encoding: 'utf8', input: '', timeout: 30_000, env: { PATH: process.env.PATH, ...env } });

describe('dist/dispatch-mcp.mjs run directly', () => {
  it('refuses with a usage error naming dispatch mcp (exit 2, one error line on stderr, nothing on stdout)', () => {
    const bundle = bundlePath('dispatch-mcp');
    for (const args of [[], ['--as', '@codex'], ['--help']]) {
      const r = node([bundle, ...args]);
      expect(r.status, r.stderr).toBe(2);
      expect(r.stdout).toBe('');
      const lines = r.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^error: .*'dispatch mcp'/);
      // The command to run instead, with this installation's own dispatch.mjs.
      expect(lines[0]).toContain(`node ${join(dirname(bundle), 'dispatch.mjs')} mcp`);
    }
  });

  it('refuses the same through a symbolic link to it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mcp-link-'));
    try {
      const link = join(dir, 'dispatch-mcp.mjs');
      symlinkSync(bundlePath('dispatch-mcp'), link);
      const r = node([link]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^error: .*'dispatch mcp'/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('imported (by a script, or by code given with -e), it stays silent and exports serveStdio, as before', () => {
    const code = 'const m = await import(process.env.BUNDLE); process.stdout.write(typeof m.serveStdio);';
    const dir = mkdtempSync(join(tmpdir(), 'mcp-import-'));
    try {
      const script = join(dir, 'client.mjs');
      writeFileSync(script, code);
      for (const args of [[script], ['--input-type=module', '-e', code, bundlePath('dispatch-mcp')]]) {
        const r = node(args, { BUNDLE: bundlePath('dispatch-mcp') });
        expect(r.stderr).toBe('');
        expect(r.status).toBe(0);
        expect(r.stdout).toBe('function');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

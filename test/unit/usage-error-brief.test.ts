/**
 * A usage error of a command shows its error line and its usage lines, then where the whole help
 * is: it printed the whole --help text (27 lines for `dispatch serve`), so the line saying what
 * was wrong scrolled away above a page of explanations. --help itself still prints it all.
 */
import { describe, expect, it } from 'vitest';
import { runCaptured } from '../../scripts/lib/cli/command.ts';
import { aliveP2pGroup } from '../../scripts/lib/cli/alive-p2p-group.ts';
import { dispatchGroup } from '../../scripts/lib/bus/commands/group.ts';

describe('a usage error shows the usage lines, not the whole help', () => {
  it('alive-p2p receive with a mistyped flag', async () => {
    const r = await runCaptured(aliveP2pGroup, ['receive', 'p.walnut', '--dryrun']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      [
        "error: unknown option '--dryrun'; did you mean '--dry-run'?",
        'usage: alive-p2p receive PACKAGE [--world DIR] [--into WALNUT_PATH] [--as NAME] [--private-key PEM]',
        '                         [--max-size BYTES] [--force] [--dry-run] [--sha256 HEX] [--allow-agent-files]',
        '                         [--signer-key PEM] [--allow-unverified] [--json]',
        "Run 'alive-p2p receive --help' for the whole help.",
        '',
      ].join('\n'),
    );
    const help = await runCaptured(aliveP2pGroup, ['receive', '--help']);
    expect(help.stdout.split('\n').length).toBeGreaterThan(20);
  });

  it('dispatch serve without --agent', async () => {
    const r = await runCaptured(dispatchGroup, ['serve', '@gemini']);
    expect(r.code).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe("error: --agent is required for @gemini (a command, or 'echo')");
    expect(lines[1]).toMatch(/^usage: dispatch serve @RECEIVER /);
    expect(lines.at(-1)).toBe("Run 'dispatch serve --help' for the whole help.");
    expect(lines.length).toBeLessThanOrEqual(6);
  });

  it('a group still lists its commands (what to type next)', async () => {
    const r = await runCaptured(aliveP2pGroup, ['relay']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: a command is required\nusage: alive-p2p relay <command> \[options\]\n\nCommands:\n {2}setup /);
  });
});

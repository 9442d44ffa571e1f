/**
 * Each skill says what to do when a command it runs refuses: the error codes those commands end
 * with are named in the skill's files (SKILL.md or a reference file beside it), so the agent can
 * match `error.code` to an action. The table below is what each command can end with, found by
 * reading the command and the libraries it calls; the test checks it against the source (every
 * code is still made somewhere the command's module imports, and the skill still runs the
 * command), so a table entry cannot outlive its refusal.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, type ErrorCode } from '../../scripts/lib/errors.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const LIB = join(ROOT, 'scripts', 'lib');

interface Run {
  /** The command's module, under scripts/lib. */
  module: string;
  codes: ErrorCode[];
}

/** skill → command as the skill writes it → its module and the codes it can end with. */
const TABLE: Record<string, Record<string, Run>> = {
  share: {
    'alive-p2p create': {
      module: 'package/commands/create.ts',
      codes: ['no_walnut', 'exists', 'output_in_walnut', 'no_passphrase', 'key_permissions', 'sensitive', 'no_bundle', 'bad_signer', 'unexpected'],
    },
    'alive-p2p relay push': {
      module: 'relay/commands/push.ts',
      codes: ['unknown_peer', 'not_pinned', 'key_changed', 'key_permissions', 'unauthorized', 'no_token', 'network', 'rate_limited'],
    },
  },
  receive: {
    'alive-p2p verify': {
      module: 'package/commands/verify.ts',
      codes: [
        'wrong_passphrase',
        'no_passphrase',
        'wrong_key',
        'bad_signature',
        'unsafe_entry',
        'unlisted_file',
        'size_mismatch',
        'checksum_mismatch',
        'unsupported_version',
        'too_large',
      ],
    },
    'alive-p2p receive': {
      module: 'receive/commands/receive.ts',
      codes: ['no_world', 'busy', 'outside_world', 'unsafe_world', 'conflict', 'duplicate', 'exists', 'no_target', 'no_key', 'unexpected'],
    },
    'alive-p2p relay pull': { module: 'relay/commands/pull.ts', codes: ['not_set_up', 'unverified'] },
  },
  relay: {
    'alive-p2p relay setup': { module: 'relay/commands/setup.ts', codes: ['public_relay', 'already_set_up', 'wrong_account'] },
    'alive-p2p relay add-peer': { module: 'relay/commands/add-peer.ts', codes: ['no_such_user'] },
    'alive-p2p relay remove-peer': { module: 'relay/commands/remove-peer.ts', codes: ['unknown_peer'] },
    'alive-p2p relay pull': { module: 'relay/commands/pull.ts', codes: ['not_set_up', 'unverified', 'clone_locked'] },
    'alive-p2p relay push': {
      module: 'relay/commands/push.ts',
      codes: [
        'unknown_peer',
        'not_pinned',
        'key_changed',
        'key_permissions',
        'unauthorized',
        'no_token',
        'network',
        'rate_limited',
        'clone_locked',
        'unexpected',
      ],
    },
  },
  dispatch: {
    'dispatch send': {
      module: 'bus/commands/send.ts',
      codes: ['sender_not_allowed', 'rate_limited', 'too_large', 'unknown_receiver', 'empty_body', 'timeout', 'dead_letter'],
    },
    'dispatch reply': { module: 'bus/commands/reply.ts', codes: ['busy', 'turn_budget', 'not_found', 'unexpected'] },
    'dispatch claim': { module: 'bus/commands/claim.ts', codes: ['not_found'] },
    'dispatch wait': { module: 'bus/commands/wait.ts', codes: ['timeout', 'dead_letter'] },
  },
};

/** The files a module imports, followed to the end (errors.ts, which lists every code, left out). */
function closure(module: string): string[] {
  const seen = new Set<string>();
  const work = [join(LIB, module)];
  while (work.length > 0) {
    const file = work.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^import\s+(?!type\s)[^;]*?from\s+'(\.[^']+)'|import\(\s*'(\.[^']+)'\s*\)/gm)) {
      const target = resolve(dirname(file), (m[1] ?? m[2])!);
      if (existsSync(target)) work.push(target);
    }
  }
  return [...seen].filter((f) => !f.endsWith(join('lib', 'errors.ts')));
}

/**
 * Codes written as a quoted literal in a file (comments left out), and `unexpected` where the file
 * calls asAliveError, which errors.ts (left out of the closure) defines to make it.
 */
function codesIn(file: string): Set<string> {
  const text = readFileSync(file, 'utf8').replace(/^\s*(?:\/\/|\*|\/\*).*$/gm, '');
  const known = new Set<string>(ERROR_CODES);
  const codes = new Set([...text.matchAll(/'([a-z_]+)'/g)].map((m) => m[1]!).filter((c) => known.has(c)));
  if (/\basAliveError\(/.test(text)) codes.add('unexpected');
  return codes;
}

function skillText(skill: string): string {
  const dir = join(ROOT, 'skills', skill);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');
}

describe('skills name the error codes of the commands they run', () => {
  it('covers every skill', () => {
    expect(Object.keys(TABLE).sort()).toEqual(readdirSync(join(ROOT, 'skills')).sort());
  });

  for (const [skill, runs] of Object.entries(TABLE)) {
    describe(skill, () => {
      const text = skillText(skill);
      for (const [command, run] of Object.entries(runs)) {
        it(`runs ${command}`, () => {
          // `alive-p2p relay push`, `node "…/alive-p2p.mjs" relay push`, or the short `relay push` of the skill's own tool.
          const [tool, ...sub] = command.split(' ');
          const words = sub.join('\\s+');
          const forms = new RegExp(`(?:${tool}(?:\\.mjs")?\\s+${words}|\`${words}\\s)`);
          expect(text, `${skill} runs ${command}`).toMatch(forms);
        });

        it(`${command}: each code in the table is still made by the command or what it imports`, () => {
          const made = new Set(closure(run.module).flatMap((f) => [...codesIn(f)]));
          for (const code of run.codes) expect(made.has(code), `${run.module} and its imports make no '${code}'`).toBe(true);
        });

        it(`${command}: the skill says what to do for each code`, () => {
          const missing = run.codes.filter((code) => !text.includes(`\`${code}\``));
          expect(missing, `skills/${skill} names no ${missing.join(', ')}`).toEqual([]);
        });
      }
    });
  }
});

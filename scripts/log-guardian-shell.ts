/**
 * log-guardian's shell reader, bundled apart (dist/log-guardian-shell.mjs) and loaded only for a
 * Bash command that names log.md: the hook's start-up on every other tool call does not compile it.
 */
export { shellWrites } from './lib/guardian/shell.ts';

// Run by itself (`node dist/log-guardian-shell.mjs`), it would exit 0 having done nothing. A name
// check, not isMainModule (lib/cli/main-module.ts): its realpath and URL work would cost the Bash
// hook's start-up, and the hook runs dist/log-guardian.mjs, never this file.
if (/(?:^|[\\/])log-guardian-shell\.m?[jt]s$/.test(process.argv[1] ?? '')) {
  process.stderr.write(
    'error: log-guardian-shell.mjs is the shell reader that dist/log-guardian.mjs loads; it is not a command. ' +
      'The PreToolUse hook runs dist/log-guardian.mjs (see docs/hooks.md)\n',
  );
  process.exitCode = 2;
}

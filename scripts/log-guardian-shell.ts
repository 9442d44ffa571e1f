/**
 * log-guardian's shell reader, bundled apart (dist/log-guardian-shell.mjs) and loaded only for a
 * Bash command that names log.md: the hook's start-up on every other tool call does not compile it.
 */
export { shellWrites } from './lib/guardian/shell.ts';

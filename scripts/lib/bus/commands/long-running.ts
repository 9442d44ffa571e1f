/**
 * The dispatch commands that run for long (serve: a daemon; run: a program that waits on answers;
 * repl: an interactive session), loaded together as one bundle (chunks/bus-long-running.mjs). The
 * other commands are bundles of their own, each with its own copy of the bus code, for their
 * start-up; these three pay a few milliseconds more at a start that is not what they are timed by,
 * and share one copy (dist/ stays under its 2 MB).
 */
export { replCommand } from './repl.ts';
export { runCommand } from './run.ts';
export { serveCommand } from './serve.ts';

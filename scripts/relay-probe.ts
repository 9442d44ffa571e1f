import { runEntry, type Command } from './lib/cli/command.ts';
import { relayProbeCommand } from './lib/relay/commands/relay-probe.ts';
import { keepChildrenInOurGroup, killAllChildren } from './lib/proc/tracked.ts';
import { PROBE_GROUP_KILLED_VAR } from './lib/proc/group-var.ts';

/**
 * The probe ends at its budget even when an abandoned network call still holds a socket: once the
 * command is done, the process exits after flushing stdout (an unref'd timer only fires if
 * something else still keeps the process alive). Whatever the abandoned work started meanwhile
 * (git, gh) is killed first, in the same tick: process.exit leaves children in groups of their own
 * running.
 */
const exitWhenDone: Command = {
  ...relayProbeCommand,
  async invoke(argv, io, path) {
    const code = await relayProbeCommand.invoke(argv, io, path);
    setTimeout(
      () =>
        process.stdout.write('', () => {
          killAllChildren();
          process.exit(code);
        }),
      50,
    ).unref();
    return code;
  },
};

if (process.env[PROBE_GROUP_KILLED_VAR] === '1') keepChildrenInOurGroup();

runEntry(exitWhenDone);

import { runEntry, type Command } from './lib/cli/command.ts';
import { relayProbeCommand } from './lib/relay/commands/relay-probe.ts';

/**
 * The probe ends at its budget even when an abandoned network call still holds a socket: once the
 * command is done, the process exits after flushing stdout (an unref'd timer only fires if
 * something else still keeps the process alive).
 */
const exitWhenDone: Command = {
  ...relayProbeCommand,
  async invoke(argv, io, path) {
    const code = await relayProbeCommand.invoke(argv, io, path);
    setTimeout(() => process.stdout.write('', () => process.exit(code)), 50).unref();
    return code;
  },
};

runEntry(exitWhenDone);

/**
 * Reads one secret line from a terminal without echo: stdin in raw mode, the prompt on stderr,
 * Enter ends it, Backspace deletes, Ctrl-C or Ctrl-D (on an empty line) cancels. Only for a real
 * terminal on both stdin and stderr; callers check `canPrompt()` first.
 */
import { AliveError } from '../errors.ts';

export interface SecretTerminal {
  input: NodeJS.ReadStream;
  output: NodeJS.WriteStream;
}

const processTerminal = (): SecretTerminal => ({ input: process.stdin, output: process.stderr });

export function canPrompt(term: SecretTerminal = processTerminal()): boolean {
  return term.input.isTTY === true && term.output.isTTY === true && typeof term.input.setRawMode === 'function';
}

export function readSecretLine(prompt: string, term: SecretTerminal = processTerminal()): Promise<string> {
  const { input, output } = term;
  return new Promise<string>((resolve, reject) => {
    let secret = '';
    const wasRaw = input.isRaw;
    const done = (err: Error | undefined) => {
      input.off('data', onData);
      input.off('end', onEnd);
      input.setRawMode(wasRaw);
      input.pause();
      output.write('\n');
      if (err) reject(err);
      else resolve(secret);
    };
    const cancelled = () => new AliveError('cancelled at the passphrase prompt; nothing was done', { code: 'interrupted' });
    const onEnd = () => done(cancelled());
    const onData = (chunk: Buffer | string) => {
      for (const ch of typeof chunk === 'string' ? chunk : chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return done(undefined);
        if (ch === '\u0003' || (ch === '\u0004' && secret === '')) return done(cancelled());
        if (ch === '\u007f' || ch === '\b') secret = [...secret].slice(0, -1).join('');
        else if (ch === '\u0015')
          secret = ''; // Ctrl-U: clear the line
        else if (ch >= ' ') secret += ch;
      }
    };
    input.setRawMode(true);
    input.on('data', onData);
    input.on('end', onEnd);
    input.resume();
    // The prompt goes out only once echo is off, so nothing typed after it can show.
    output.write(prompt);
  });
}

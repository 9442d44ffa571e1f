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

/**
 * What arrived after the Enter that ended a line, per terminal: a paste of both answers comes in
 * one chunk, and its second line belongs to the next prompt.
 */
const typedAhead = new WeakMap<NodeJS.ReadStream, string>();

export function readSecretLine(prompt: string, term: SecretTerminal = processTerminal()): Promise<string> {
  const { input, output } = term;
  return new Promise<string>((resolve, reject) => {
    let secret = '';
    let finished = false;
    const wasRaw = input.isRaw;
    const done = (err: Error | undefined) => {
      finished = true;
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
    const take = (text: string) => {
      const chars = [...text];
      for (let k = 0; k < chars.length; k++) {
        const ch = chars[k]!;
        if (ch === '\r' || ch === '\n') {
          const next = ch === '\r' && chars[k + 1] === '\n' ? k + 2 : k + 1; // CR LF is one Enter
          if (next < chars.length) typedAhead.set(input, chars.slice(next).join(''));
          return done(undefined);
        }
        if (ch === '\u0003' || (ch === '\u0004' && secret === '')) return done(cancelled());
        if (ch === '\u007f' || ch === '\b') secret = [...secret].slice(0, -1).join('');
        else if (ch === '\u0015')
          secret = ''; // Ctrl-U: clear the line
        else if (ch >= ' ') secret += ch;
      }
    };
    const onData = (chunk: Buffer | string) => take(typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
    input.setRawMode(true);
    // The prompt goes out only once echo is off, so nothing typed after it can show.
    output.write(prompt);
    const ahead = typedAhead.get(input);
    typedAhead.delete(input);
    if (ahead !== undefined) take(ahead);
    if (finished) return;
    input.on('data', onData);
    input.on('end', onEnd);
    input.resume();
  });
}

/**
 * Receiver and sender names (cli.md section 7). A name is what users type (`@Claude`, `claude`,
 * `gemini@lab`); its folder name is the lowercase form without the leading `@`. Names never
 * contain `/`, `\`, `..`, never start with a dot and are never empty, so a name can never address
 * a folder outside `runtimes/`.
 *
 * Nor is a name one Windows keeps for a device (`nul`, `com1`), on any platform: a bus folder may be
 * shared with Windows, where `runtimes/nul/` would open the device.
 *
 * The SessionStart hook bundle loads this module: it imports only import-free modules.
 */
import { isWindowsDeviceName } from '../fs/windows-names.ts';
import { inlineText } from '../text/untrusted.ts';

const NAME_PATTERN = /^[a-z][a-z0-9_-]{0,63}(@[a-z0-9][a-z0-9.-]{0,62})?$/;

export class InvalidNameError extends Error {
  override readonly name = 'InvalidNameError';
}

/**
 * Normalises a receiver or sender name to its folder form (lowercase, no `@` prefix), or throws
 * InvalidNameError with a message that says what is wrong and what a valid name looks like.
 */
export function normaliseName(raw: string, what = 'receiver', source?: string): string {
  const bare = raw.startsWith('@') ? raw.slice(1) : raw;
  const lower = bare.toLowerCase();
  const problem = nameProblem(lower);
  if (problem) {
    throw new InvalidNameError(
      `invalid ${what} name '${inlineText(raw, 80)}'${source ? ` in ${source}` : ''}: ${problem}; use a letter followed by letters, digits, '_' or '-' (for example @claude or @my-agent)`,
    );
  }
  return lower;
}

/** The same check without throwing. */
export function isValidName(raw: string): boolean {
  const bare = raw.startsWith('@') ? raw.slice(1) : raw;
  return nameProblem(bare.toLowerCase()) === undefined;
}

function nameProblem(name: string): string | undefined {
  if (name === '') return 'the name is empty';
  if (name.includes('/') || name.includes('\\')) return 'it contains a path separator';
  if (name.includes('..')) return "it contains '..'";
  if (name.startsWith('.')) return 'it starts with a dot';
  const at = name.indexOf('@');
  if ((at === -1 ? name.length : at) > 64 || (at !== -1 && name.length - at - 1 > 63)) return 'it is too long (at most 64 characters, and 63 after an @)';
  if (!NAME_PATTERN.test(name)) return 'it contains characters that are not allowed';
  if (isWindowsDeviceName(name)) return 'it is a name Windows keeps for a device';
  return undefined;
}

/** `@name`, the form shown to people and written in headers. */
export function displayName(folderName: string): string {
  return `@${folderName}`;
}

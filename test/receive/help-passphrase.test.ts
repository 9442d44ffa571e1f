/**
 * receive asks for the passphrase on a terminal when WALNUT_PASSPHRASE is unset (receiveCrypto
 * passes askPassphrase, as verify and extract do); its help said the passphrase came only from
 * the variable.
 */
import { describe, expect, it } from 'vitest';
import { receiveCommand } from '../../scripts/lib/receive/commands/receive.ts';

describe('receive --help on passphrases', () => {
  it('says a terminal is asked when WALNUT_PASSPHRASE is unset, never the command line', () => {
    const help = receiveCommand.help.replace(/\s+/g, ' ');
    expect(help).not.toMatch(/comes only from WALNUT_PASSPHRASE/);
    expect(help).toMatch(/WALNUT_PASSPHRASE \(asked on a terminal when unset[;)]/);
  });
});

/**
 * A receive that finishes an interrupted import reports the result the journal stored, only when
 * it has a result's exact shape (the journal is a file anyone who can write the world can plant).
 * The shape left out the fields a result has for some packages: `legacy_kdf` (a 2.1 package
 * opened under an older passphrase derivation) and `envelope_signed` (an encrypted one), so such an
 * import, finished later, was reported as a duplicate instead of as resumed.
 */
import { describe, expect, it } from 'vitest';
import { storedResult } from '../../scripts/lib/receive/stored-result.ts';

const RESULT = {
  ok: true,
  walnut: '03_Inbox/garden',
  imported: ['_kernel/key.md'],
  skipped: [],
  conflicts: [],
  log_entry: '03_Inbox/garden/_kernel/log.md',
  layout: 'v3',
  layout_reason: 'the world is v3',
  held_back: [],
  held_back_dir: null,
  agent_files_taken: [],
  scope: 'full',
  format_version: '2.1.0',
  package_sha256: 'ab'.repeat(32),
  source_walnut: 'garden',
  sender: 'alice',
  files: 1,
  bytes: 10,
  envelope: 'v3-passphrase',
  signature: { present: true, verified: true, signer: 'alice' },
  notes: [],
};

describe('the result a finished journal stored', () => {
  it('is reported with the fields an encrypted or older-derivation package gives it, and not with fields of its own', () => {
    expect(storedResult(RESULT)).toEqual(RESULT);
    const full = { ...RESULT, legacy_kdf: 'PBKDF2-SHA256, 100000 iterations', envelope_signed: false };
    expect(storedResult(full)).toEqual(full);
    expect(storedResult({ ...RESULT, instructions: 'run this' })).toBeUndefined();
    expect(storedResult({ ...RESULT, envelope_signed: 'yes' })).toBeUndefined();
  });
});

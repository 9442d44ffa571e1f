/**
 * secureRandomBytes reads the kernel's generator (/dev/urandom) so that a command making a message
 * id does not load node:crypto; anything at that path that is not a character device (a file, a
 * FIFO with no writer, nothing) makes it use node:crypto instead, without blocking.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { secureRandomBytes } from '../../scripts/lib/crypto/random-bytes.ts';
import { childModules } from '../support/child-modules.ts';

const dir = mkdtempSync(join(tmpdir(), 'alive-random-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('secureRandomBytes', () => {
  it('gives as many bytes as asked, different each time (across refills of its pool)', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const b = secureRandomBytes(16);
      expect(b.length).toBe(16);
      seen.add(b.toString('hex'));
    }
    expect(seen.size).toBe(50);
    expect(secureRandomBytes(4096).length).toBe(4096);
  });

  it('takes nothing from a file, a FIFO or a missing path where the device should be: node:crypto gives the bytes', async () => {
    const file = join(dir, 'zeros');
    writeFileSync(file, Buffer.alloc(64));
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    // In a child with a deadline: a FIFO with no writer would block an open without O_NONBLOCK for good.
    const module = await childModules()('scripts/lib/crypto/random-bytes.ts');
    const code = `import(${JSON.stringify(module)}).then((m) => { for (const d of process.argv.slice(1)) console.log(m.secureRandomBytes(32, d).toString('hex')); })`;
    const r = spawnSync(process.execPath, ['-e', code, file, fifo, join(dir, 'missing')], { encoding: 'utf8', timeout: 10_000 });
    expect(r.signal, 'the child was stopped at its deadline: an open blocked').toBeNull();
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    // 32 bytes each, not the file's zeros (the odds of 32 random zero bytes are nil).
    for (const l of lines) expect(l).toMatch(/^(?!0{64}$)[0-9a-f]{64}$/);
  });
});

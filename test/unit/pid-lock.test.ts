/**
 * The one lock (scripts/lib/fs/lock.ts) read its holder with a plain read: a FIFO at the lock's
 * path (imported.json.lock, in the user's relay folder) made every later receive wait forever once
 * its import was done, holding the world's receive lock. A lock that is no regular file is now
 * read without waiting and taken over as an unreadable one.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquirePidLock } from '../../scripts/lib/fs/lock.ts';

const dir = mkdtempSync(join(tmpdir(), 'alive-pid-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const words = { busy: (pid: number) => `held by ${pid}`, stuck: 'stuck' };

describe('a lock that is no regular file', () => {
  it('a FIFO is taken over at once, not waited on (in a child: a wait would hang this worker)', () => {
    const path = join(dir, 'fifo.lock');
    expect(spawnSync('mkfifo', [path]).status).toBe(0);
    const script = `import { acquirePidLock } from ${JSON.stringify(join(import.meta.dirname, '..', '..', 'scripts', 'lib', 'fs', 'lock.ts'))};
const lock = acquirePidLock(${JSON.stringify(path)}, { busy: () => 'busy', stuck: 'stuck' });
lock.release();
console.log('taken');`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 20_000 });
    expect(r.signal, 'the lock waited on the FIFO').toBeNull();
    expect(r.stdout.trim(), r.stderr).toBe('taken');
  });

  it('a link to another file is taken over and the file it names is left as it was', () => {
    const target = join(dir, 'target.txt');
    writeFileSync(target, '{"pid": 1}\n');
    const path = join(dir, 'link.lock');
    symlinkSync(target, path);
    const lock = acquirePidLock(path, words);
    expect(statSync(path).isFile()).toBe(true);
    lock.release();
    expect(statSync(target).size).toBe(11);
  });
});

/**
 * The one lock (scripts/lib/fs/lock.ts) read its holder with a plain read: a FIFO at the lock's
 * path (imported.json.lock, in the user's relay folder) made every later receive wait forever once
 * its import was done, holding the world's receive lock. A lock that is no regular file is now
 * read without waiting and taken over as an unreadable one.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquirePidLock, processStartTime } from '../../scripts/lib/fs/lock.ts';

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

// Two processes that judged one lock stale took it over in turn: the second one's removal, between
// its last look and its unlink, could remove the lock the first had just put in its place, and both
// held it. A stale lock is now removed only by the process holding `<lock>.takeover` (a file naming
// its owner, made as the lock is), after looking again; a guard is judged by its owner, not its age.
describe('taking over a stale lock', () => {
  const stale = (name: string) => {
    const path = join(dir, name);
    writeFileSync(path, '{"pid": 999999999}\n');
    return path;
  };

  it('is left to a running process taking it over already (its .takeover): busy, naming it, and the lock stays', async () => {
    const path = stale('taken-over.lock');
    const sleeper = spawn('sleep', ['30']);
    try {
      const start = processStartTime(sleeper.pid!);
      writeFileSync(`${path}.takeover`, JSON.stringify({ pid: sleeper.pid, ...(start ? { start } : {}) }));
      // Old as it may be: a process stopped inside the guard (Ctrl-Z, a machine asleep) still holds it.
      const old = new Date(Date.now() - 3600_000);
      utimesSync(`${path}.takeover`, old, old);
      expect(() => acquirePidLock(path, words)).toThrow(expect.objectContaining({ code: 'busy', message: `held by ${sleeper.pid}` }));
      expect(readFileSync(path, 'utf8')).toBe('{"pid": 999999999}\n');
    } finally {
      sleeper.kill();
    }
  });

  // Removing a guard whose owner is gone could race with the process replacing it (renamed aside
  // while live, a third took the empty place: two holders). Such a guard is left only by a process
  // killed in the moment it held it: the lock says what to remove, and removes nothing.
  it('a .takeover whose owner is gone is refused in the lock’s words, naming it to remove; nothing is removed', () => {
    const path = stale('left-guard.lock');
    writeFileSync(`${path}.takeover`, '{"pid": 999999999}\n');
    expect(() => acquirePidLock(path, words)).toThrow(
      expect.objectContaining({
        code: 'busy',
        message: expect.stringMatching(/^stuck \(.*left-guard\.lock\.takeover was left by a process that is gone: remove it too\)$/),
      }),
    );
    expect(readFileSync(`${path}.takeover`, 'utf8')).toBe('{"pid": 999999999}\n');
    expect(readFileSync(path, 'utf8')).toBe('{"pid": 999999999}\n');
  });

  it('a folder at the lock path, or at its .takeover, is refused with the lock’s own words, not a raw EISDIR', () => {
    const path = join(dir, 'folder.lock');
    mkdirSync(path);
    expect(() => acquirePidLock(path, words)).toThrow(expect.objectContaining({ code: 'busy', message: 'stuck' }));
    const other = stale('folder-guard.lock');
    mkdirSync(`${other}.takeover`);
    expect(() => acquirePidLock(other, words)).toThrow(
      expect.objectContaining({ code: 'busy', message: expect.stringMatching(/^stuck \(.*folder-guard\.lock\.takeover is not a file alive made/) }),
    );
  });

  it('a socket at the lock path is taken over, not refused as unreadable', async () => {
    const path = join(dir, 'socket.lock');
    const server = createServer();
    await new Promise<void>((res) => server.listen(path, res));
    try {
      const lock = acquirePidLock(path, words);
      expect(readFileSync(path, 'utf8')).toContain(`"pid":${process.pid}`);
      lock.release();
    } finally {
      await new Promise((res) => server.close(res));
    }
  });
});

describe('whose a lock is', () => {
  it('one naming this pid that this process did not take (an earlier process of the same pid: a container) is taken over, not "held here"', () => {
    const path = join(dir, 'same-pid.lock');
    writeFileSync(path, JSON.stringify({ pid: process.pid, start: '1' }));
    const lock = acquirePidLock(path, { ...words, heldHere: 'held here' });
    expect(() => acquirePidLock(path, { ...words, heldHere: 'held here' })).toThrow('held here');
    lock.release();
    expect(existsSync(path)).toBe(false);
  });

  it('release removes only the lock this process wrote, not another one naming the same pid', () => {
    const path = join(dir, 'released.lock');
    const lock = acquirePidLock(path, words);
    const other = JSON.stringify({ pid: process.pid, start: '1', ns: 'pid:[1]' });
    writeFileSync(path, other);
    lock.release();
    expect(readFileSync(path, 'utf8')).toBe(other);
  });

  it('one written in another pid namespace (a container sharing the folder) is not judged by a pid of ours: stuck, nothing removed', () => {
    const path = join(dir, 'other-ns.lock');
    const text = JSON.stringify({ pid: 999999999, ns: 'pid:[1]' });
    writeFileSync(path, text);
    expect(() => acquirePidLock(path, words)).toThrow(
      expect.objectContaining({ code: 'busy', message: expect.stringMatching(/^stuck \(it was taken in another pid namespace/) }),
    );
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  it('a lock in a folder that is not there is refused as unwritable, not a raw ENOENT', () => {
    expect(() => acquirePidLock(join(dir, 'missing', 'x.lock'), words)).toThrow(expect.objectContaining({ code: 'unwritable' }));
  });
});

describe('more of whose a lock or its guard is', () => {
  it('a .takeover made in another pid namespace is refused naming it to remove, not as busy with a pid that means nothing here', () => {
    const path = join(dir, 'guard-other-ns.lock');
    writeFileSync(path, '{"pid": 999999999}\n');
    writeFileSync(`${path}.takeover`, JSON.stringify({ pid: 2, ns: 'pid:[1]' }));
    expect(() => acquirePidLock(path, words)).toThrow(
      expect.objectContaining({
        code: 'busy',
        message: expect.stringMatching(/guard-other-ns\.lock\.takeover was made in another pid namespace by pid 2.*remove it too/),
      }),
    );
  });

  it('the same lock reached by another spelling of its path (a link to its folder) is held here, not taken over', () => {
    mkdirSync(join(dir, 'real'));
    symlinkSync(join(dir, 'real'), join(dir, 'link'));
    const lock = acquirePidLock(join(dir, 'real', 'x.lock'), words);
    expect(() => acquirePidLock(join(dir, 'link', 'x.lock'), { ...words, heldHere: 'held here' })).toThrow('held here');
    lock.release();
    expect(existsSync(join(dir, 'real', 'x.lock'))).toBe(false);
  });
});

it('a .takeover that names no process is refused, naming it to remove', () => {
  const path = join(dir, 'garbage-guard.lock');
  writeFileSync(path, '{"pid": 999999999}\n');
  writeFileSync(`${path}.takeover`, 'garbage');
  expect(() => acquirePidLock(path, words)).toThrow(
    expect.objectContaining({ code: 'busy', message: expect.stringMatching(/garbage-guard\.lock\.takeover names no process: remove it too/) }),
  );
});

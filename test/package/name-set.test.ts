/**
 * The archive reader's set of names met (name-set.ts) answers as a Map of the names would: for each
 * name and each folder above it, the kind recorded or none. Names share folders, differ only past a
 * long common start, hold characters outside ASCII, and one is longer than a chunk of its bytes.
 */
import { describe, expect, it } from 'vitest';
import { NameSet, type NameKind } from '../../scripts/lib/package/name-set.ts';
import { memberKey } from '../../scripts/lib/fs/name-fold.ts';

/** Folders of `name` (its prefixes before each '/', but a first one), deepest last. */
function folders(name: string): string[] {
  const out: string[] = [];
  for (let i = 1; i < name.length; i++) if (name[i] === '/') out.push(name.slice(0, i));
  return out;
}

describe('the names an archive reader has met', () => {
  it('answers as a Map for 30,000 names, their folders, look-alikes and a name of 300 KB', () => {
    const set = new NameSet();
    const ref = new Map<string, NameKind>();
    let x = 12345;
    const next = (n: number) => {
      x = (x * 1103515245 + 12345) >>> 0;
      return x % n;
    };
    const segments = ['a', 'b', 'notes', 'été', '日本', '😀', 'x'.repeat(200), 'A', 'a.md'];
    const names: string[] = [`long/${'z'.repeat(300 * 1024)}`];
    const wrong: string[] = [];
    const check = (what: string, got: unknown, want: unknown) => {
      if (got !== want) wrong.push(`${what.slice(0, 80)}: ${String(got)} for ${String(want)}`);
    };
    for (let i = 0; i < 30_000; i++) {
      const depth = 1 + next(4);
      const parts = Array.from({ length: depth }, () => segments[next(segments.length)]!);
      names.push(`${parts.join('/')}/${i % 3 === 0 ? `f${i}` : `f${i % 5000}`}`);
    }
    for (const name of names) {
      set.load(name);
      const up = folders(name);
      check(`slashes of ${name}`, set.slashes, up.length);
      for (let s = 0; s < up.length; s++) check(up[s]!, set.kind(s), ref.get(up[s]!));
      check(name, set.kind(), ref.get(name));
      // As tar-read records an entry: its folders from the deepest up to the first known, then itself.
      for (let s = up.length - 1; s >= 0 && ref.get(up[s]!) === undefined; s--) {
        set.add('dir', s);
        ref.set(up[s]!, 'dir');
      }
      if (!ref.has(name)) {
        const kind = next(7) === 0 ? 'dir' : 'file';
        set.add(kind);
        ref.set(name, kind);
      }
    }
    expect(set.size).toBe(ref.size);
    for (const [name, kind] of ref) {
      set.load(name);
      check(name, set.kind(), kind);
    }
    // Names that were never met, each one character off one that was.
    for (const name of ['a/f1x', 'a/f', 'notes/f3/', '日本/f2', `long/${'z'.repeat(300 * 1024 - 1)}`]) {
      set.load(name);
      check(name, set.kind(), ref.get(name));
    }
    expect(wrong).toEqual([]);
  });

  it('with a key, answers as a Map by key, and names the spelling first met', () => {
    const set = new NameSet(memberKey);
    const ref = new Map<string, { kind: NameKind; first: string }>();
    const segments = ['Notes', 'notes', 'NOTES', 'caf\u00e9', 'cafe\u0301', 'CAF\u00c9', 'a.md', 'A.MD', 'a.md.', '\u0130', 'i\u0307', 'x'];
    let x = 777;
    const next = (n: number) => {
      x = (x * 1103515245 + 12345) >>> 0;
      return x % n;
    };
    const wrong: string[] = [];
    for (let i = 0; i < 5000; i++) {
      const parts = Array.from({ length: 1 + next(3) }, () => segments[next(segments.length)]!);
      const name = parts.join('/');
      set.load(name);
      const up = folders(name);
      for (let s = 0; s < up.length; s++) {
        const want = ref.get(memberKey(up[s]!));
        const got = set.kind(s);
        if (got !== want?.kind || set.foundName() !== want?.first) wrong.push(`${up[s]}: ${got} ${set.foundName()} for ${want?.kind} ${want?.first}`);
      }
      const want = ref.get(memberKey(name));
      const got = set.kind();
      if (got !== want?.kind || set.foundName() !== want?.first) wrong.push(`${name}: ${got} ${set.foundName()} for ${want?.kind} ${want?.first}`);
      for (let s = up.length - 1; s >= 0 && !ref.has(memberKey(up[s]!)); s--) {
        set.add('dir', s);
        ref.set(memberKey(up[s]!), { kind: 'dir', first: up[s]! });
      }
      if (!want) {
        set.add('file');
        ref.set(memberKey(name), { kind: 'file', first: name });
      }
    }
    expect(wrong).toEqual([]);
    expect(set.size).toBe(ref.size);
  });
});

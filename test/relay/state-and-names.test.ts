import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { depositName, isSafeDepositName, isValidLogin, compactUtcStamp } from '../../scripts/lib/relay/names.ts';
import { readRelayConfig } from '../../scripts/lib/relay/config.ts';
import { readRelayState } from '../../scripts/lib/relay/state.ts';
import { tempDir } from './helpers.ts';

describe('names that cross between peers', () => {
  it('deposit names: original stem, UTC stamp, 8 random hex; hostile originals are neutralised', () => {
    const at = new Date(Date.UTC(2026, 3, 2, 3, 53, 46));
    expect(compactUtcStamp(at)).toBe('20260402-035346');
    expect(depositName('garden.walnut', at, 'deadbeef')).toBe('garden-20260402-035346-deadbeef.walnut');
    for (const hostile of ['../../etc/passwd.walnut', '.hidden.walnut', 'a/b\\c.walnut', 'x\u0000\n.walnut', '....walnut', '']) {
      const n = depositName(hostile, at, '00000000');
      expect(isSafeDepositName(n)).toBe(true);
      expect(n).not.toMatch(/[/\\]|\.\.|^\./);
    }
    expect(depositName('a.walnut', at)).not.toBe(depositName('a.walnut', at));
  });

  it('logins and file names from a relay are checked before they become paths', () => {
    for (const ok of ['alice', 'bob-2', 'a.b', 'A_1']) expect(isValidLogin(ok)).toBe(true);
    for (const bad of ['', '.alice', '..', 'a..b', 'a/b', 'a\\b', '-x', 'a b', 'x'.repeat(65), 'é']) expect(isValidLogin(bad)).toBe(false);
    for (const bad of ['.x.walnut', 'x.tar', 'a/b.walnut', '..walnut', 'a..b.walnut', 'x\n.walnut']) expect(isSafeDepositName(bad)).toBe(false);
  });

  it('a deposit name that opens a device on Windows is refused everywhere; depositName never makes one', () => {
    for (const bad of ['nul.walnut', 'NUL.walnut', 'com1.walnut', 'Con.walnut', 'aux.walnut', 'lpt9.walnut']) expect(isSafeDepositName(bad)).toBe(false);
    expect(isSafeDepositName('nullable.walnut')).toBe(true);
    expect(isSafeDepositName(depositName('nul.walnut', new Date(0), '00000000'))).toBe(true);
  });

  it('a login that is a Windows device name is refused on Windows only (its folder and key file could not exist)', () => {
    const platform = Object.getOwnPropertyDescriptor(process, 'platform')!;
    expect(isValidLogin('aux')).toBe(true);
    Object.defineProperty(process, 'platform', { ...platform, value: 'win32' });
    try {
      expect(isValidLogin('aux')).toBe(false);
      expect(isValidLogin('NUL')).toBe(false);
      expect(isValidLogin('auxiliary')).toBe(true);
    } finally {
      Object.defineProperty(process, 'platform', platform);
    }
  });
});

describe('relay.json and state.json are validated on read', () => {
  const dirs: Array<() => void> = [];
  afterAll(() => {
    for (const c of dirs) c();
  });
  const write = (text: string) => {
    const t = tempDir('cfg');
    dirs.push(t.cleanup);
    mkdirSync(t.dir, { recursive: true });
    const p = join(t.dir, 'f.json');
    writeFileSync(p, text);
    return p;
  };

  it('a broken relay.json names the field and how to repair it', () => {
    expect(() => readRelayConfig(write('{"repo":"x","github_username":"a","peers":[{"github":"b","status":"maybe"}]}'))).toThrow(
      /field 'peers\[0\]\.status'.*relay setup/,
    );
    expect(() => readRelayConfig(write('{"repo":"x","github_username":"a","peers":[],"transport":"git"}'))).toThrow(
      /field 'url' is required with the git transport/,
    );
    expect(() => readRelayConfig(write('{"repo":"x","github_username":"a","peers":[{"github":"b","status":"accepted","fingerprint":"abc"}]}'))).toThrow(
      /peers\[0\]\.fingerprint/,
    );
    expect(() =>
      readRelayConfig(write('{"repo":"a/walnut-relay","github_username":"a","peers":[{"github":"b","status":"accepted"},{"github":"B","status":"pending"}]}')),
    ).toThrow(/repeats peer/);
    expect(() => readRelayConfig(write('[1,2]'))).toThrow(/relay config/);
    expect(() => readRelayConfig(write('{not json'))).toThrow(/not valid JSON/);
  });

  it('a v2 relay.json of the reference (no transport, nulls) is read with the defaults', () => {
    const cfg = readRelayConfig(
      write(
        '{"repo":"a/walnut-relay","github_username":"a","peers":[{"github":"b","name":null,"relay":"","person_walnut":"","added":"2025-01-01","status":"pending"}]}',
      ),
    );
    expect(cfg).toMatchObject({ transport: 'github', branch: 'main', url: null, api_url: null });
    expect(cfg!.peers[0]).toMatchObject({ relay: null, fingerprint: null });
  });

  it('a broken state.json names the field', () => {
    expect(() => readRelayState(write('{"last_sync":null,"last_commit":null,"pending_packages":-1,"peer_reachability":{}}'))).toThrow(/pending_packages/);
  });
});

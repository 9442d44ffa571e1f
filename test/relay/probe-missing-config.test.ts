/**
 * `relay-probe --config relay.jsn` (a file that does not exist, a typo) was silent with exit 0
 * (`--json`: `{"configured": false}`), as if no relay were set up, while a broken file got a
 * warning. It now warns that the file named does not exist (exit 0 stays: the probe never fails
 * a hook) and says so in --json (`config_missing: true`). Without --config, no relay.json is still
 * a silent "not set up".
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relayProbeCommand } from '../../scripts/lib/relay/commands/relay-probe.ts';
import { makeUser, tempDir } from './helpers.ts';
import { run } from './in-process.ts';

let base: ReturnType<typeof tempDir>;
beforeAll(() => {
  base = tempDir('probe-missing-config');
});
afterAll(() => base.cleanup());

describe('relay-probe --config FILE that does not exist', () => {
  it('warns naming the file, exits 0, writes nothing, and says so in --json', async () => {
    const u = makeUser(base.dir, 'amy');
    const missing = join(u.root, 'relay.jsn');
    const text = await run(u, ['--config', missing], relayProbeCommand);
    expect(text.code).toBe(0);
    expect(text.stderr).toContain(`${missing} does not exist`);
    const json = await run(u, ['--config', missing, '--json'], relayProbeCommand);
    expect(json.code).toBe(0);
    expect(json.json).toEqual({ configured: false, config_missing: true });
    expect(json.stderr).toContain(`${missing} does not exist`);
    expect(existsSync(join(u.root, 'state.json'))).toBe(false);
  });

  it('without --config, no relay.json is still silent', async () => {
    const u = makeUser(base.dir, 'ben');
    const r = await run(u, ['--json'], relayProbeCommand);
    expect(r.code).toBe(0);
    expect(r.json).toEqual({ configured: false });
    expect(r.stderr).toBe('');
  });
});

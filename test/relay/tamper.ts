import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

/** A 2.0 encrypted package (tar.gz) with one byte of payload.enc flipped, repacked with tar. */
export async function tamperPayload(pkg: Buffer, dir: string): Promise<Buffer> {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'in.walnut');
  writeFileSync(file, pkg);
  const x = join(dir, 'x');
  mkdirSync(x, { recursive: true });
  if (spawnSync('tar', ['-xzf', file, '-C', x]).status !== 0) throw new Error('tar -x failed');
  const payload = readFileSync(join(x, 'payload.enc'));
  payload.writeUInt8(payload.readUInt8(payload.length - 1) ^ 0xff, payload.length - 1);
  writeFileSync(join(x, 'payload.enc'), payload);
  const out = join(dir, 'out.walnut');
  if (spawnSync('tar', ['-czf', out, '-C', x, 'manifest.yaml', 'payload.enc']).status !== 0) throw new Error('tar -c failed');
  return readFileSync(out);
}

/** A 2.0 encrypted package (tar.gz) with one more entry, `name`, after its own, repacked with tar. */
export async function addEntry(pkg: Buffer, dir: string, name: string, content: string): Promise<Buffer> {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'in.walnut');
  writeFileSync(file, pkg);
  const x = join(dir, 'x');
  mkdirSync(x, { recursive: true });
  if (spawnSync('tar', ['-xzf', file, '-C', x]).status !== 0) throw new Error('tar -x failed');
  writeFileSync(join(x, name), content);
  const out = join(dir, 'out.walnut');
  if (spawnSync('tar', ['-czf', out, '-C', x, 'manifest.yaml', 'payload.enc', name]).status !== 0) throw new Error('tar -c failed');
  return readFileSync(out);
}

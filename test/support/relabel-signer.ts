/**
 * A signed package with its `signer:` line changed, as anyone can: the line sits outside the
 * signed text, so the signature still verifies. Written with Python's tarfile, as a peer would.
 */
import { spawnSync } from 'node:child_process';
import { PYTHON } from './python.ts';

const RELABEL = `import tarfile, io, sys, re
src, dst, signer = sys.argv[1:4]
with tarfile.open(src, 'r:gz') as t:
    members = [(m, t.extractfile(m).read() if m.isfile() else None) for m in t.getmembers()]
with tarfile.open(dst, 'w:gz', format=tarfile.PAX_FORMAT) as o:
    for m, data in members:
        if m.name == 'manifest.yaml':
            text = re.sub(r'(\\n  signer: )"[^"]*"', lambda g: g.group(1) + '"' + signer + '"', data.decode())
            assert signer in text
            data = text.encode()
            m.size = len(data)
        o.addfile(m, io.BytesIO(data) if data is not None else None)
`;

/** Copies the package at `src` to `dst` with its signer line set to `signer`. */
export function relabelSigner(src: string, dst: string, signer: string): void {
  const r = spawnSync(PYTHON, ['-c', RELABEL, src, dst, signer], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`relabelling the signer failed: ${r.stderr}`);
}

// Test worker: claims messages of RECEIVER until DONE_MARKER exists and the inbox is empty,
// appending each claimed body to OUT_FILE (one line each) before archiving it. Prints "ready"
// once it watches the inbox, so a test can start its producers when every consumer is there.
import { appendFileSync, existsSync } from 'node:fs';
import { claimNext, completeClaim, listInbox } from '../../../scripts/lib/bus/claims.ts';
import { receiverPaths } from '../../../scripts/lib/bus/layout.ts';
import { DirWatcher } from '../../../scripts/lib/bus/wait.ts';

const [root, receiver, outFile, doneMarker, tag] = process.argv.slice(2);
const paths = receiverPaths(root!, receiver!);
const watcher = new DirWatcher(paths.root, paths.inbox);
process.stdout.write('ready\n');
const deadline = Date.now() + 120_000;
let batch: string[] = [];
for (;;) {
  if (Date.now() > deadline) throw new Error('consumer gave up after 120 s');
  const claim = await claimNext(root!, receiver!, { owner: `c${tag}`, leaseMs: 600_000 });
  if (claim) {
    batch.push(claim.message.body);
    completeClaim(claim);
    if (batch.length >= 50) {
      appendFileSync(outFile!, `${batch.join('\n')}\n`);
      batch = [];
    }
    continue;
  }
  if (existsSync(doneMarker!) && listInbox(paths).length === 0) break;
  await watcher.wait(200);
}
if (batch.length) appendFileSync(outFile!, `${batch.join('\n')}\n`);
watcher.close();

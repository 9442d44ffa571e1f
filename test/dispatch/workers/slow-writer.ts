// Test worker: delivers one message of SIZE bytes in 64 KB chunks with a pause between chunks,
// through the library's streamed delivery, and prints the message id when it is published.
import { openDelivery } from '../../../scripts/lib/bus/deliver.ts';

const [root, receiver, sizeText, pauseText] = process.argv.slice(2);
const size = Number(sizeText);
const pause = Number(pauseText);
const delivery = await openDelivery({ root: root!, to: receiver!, from: 'slow-writer' });
const line = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ!\n'; // 64 bytes
let written = 0;
while (written < size) {
  const n = Math.min(65536, size - written);
  delivery.write(line.repeat(Math.ceil(n / 64)).slice(0, n));
  written += n;
  await new Promise((r) => setTimeout(r, pause));
}
delivery.commit();
process.stdout.write(`${delivery.id}\n`);

// Test worker: sends COUNT messages "TAG-<i>" to RECEIVER through the library, in its own process.
import { sendMessage } from '../../../scripts/lib/bus/deliver.ts';

const [root, receiver, countText, tag] = process.argv.slice(2);
const count = Number(countText);
for (let i = 0; i < count; i++) {
  await sendMessage({ root: root!, to: receiver!, from: `producer-${tag}`, body: `${tag}-${i}` });
}

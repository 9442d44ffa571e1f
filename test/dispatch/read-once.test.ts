/**
 * Showing or waiting on a message reads its file once: a 12 MB answer is not read twice (once to
 * check it, once more to parse it), which doubled the I/O and the peak memory of `show` and `wait`.
 * Measured by the bytes this process reads (/proc/self/io rchar), with room for other reads.
 */
import { describe, expect, it } from 'vitest';
import { closeSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { findMessage } from '../../scripts/lib/bus/query.ts';
import { messageFileName, newMessageId } from '../../scripts/lib/bus/ids.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { makeBus } from './helpers.ts';

const readBytes = () => Number(/^rchar: (\d+)$/m.exec(readFileSync('/proc/self/io', 'utf8'))![1]);

describe('a message file', () => {
  it('is read once by findMessage, whole', () => {
    const { root } = makeBus();
    const outbox = receiverPaths(root, 'claude').outbox;
    mkdirSync(outbox, { recursive: true });
    const id = newMessageId();
    // Above claim's 8 MiB default; the twice-read this guards against shows at any size.
    const size = 12 * 1024 * 1024;
    const fd = openSync(join(outbox, messageFileName(id)), 'wx');
    writeSync(fd, `# HelloWorld Response\n# From: claude\n# To: human\n# In-Reply-To: ${newMessageId()}\n\n`);
    writeSync(fd, 'A', size); // at offset size: sparse up to there
    closeSync(fd);
    const before = readBytes();
    const found = findMessage(root, id);
    const read = readBytes() - before;
    expect(found).toHaveLength(1);
    expect(found[0]!.untrusted!.body.length).toBeGreaterThan(size - 1000);
    expect(read).toBeLessThan(size * 1.5);
  });
});

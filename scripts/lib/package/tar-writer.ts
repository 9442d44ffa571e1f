import { Header } from 'tar/header';
import { Pax } from 'tar/pax';
import { AliveError } from '../errors.ts';

export type BlockSink = (chunk: Buffer) => Promise<void>;

const BLOCK = 512;
const RECORD = 10240;

export interface TarFileMeta {
  path: string;
  size: number;
  mode: number;
  mtimeSec: number;
}

/**
 * Writes an ordinary POSIX tar stream of regular files only: ustar headers, plus a pax `path`
 * record when a name is long or not ASCII (as Python and GNU tar do). Owner fields are zeroed so
 * the same files give the same bytes on any machine.
 */
export class TarWriter {
  private written = 0;

  constructor(private readonly sink: BlockSink) {}

  private async out(chunk: Buffer): Promise<void> {
    this.written += chunk.length;
    await this.sink(chunk);
  }

  async addFile(meta: TarFileMeta, body: AsyncIterable<Buffer> | Buffer): Promise<void> {
    const fields = {
      path: meta.path,
      mode: meta.mode,
      uid: 0,
      gid: 0,
      uname: '',
      gname: '',
      size: meta.size,
      mtime: new Date(meta.mtimeSec * 1000),
      type: 'File' as const,
    };
    const header = Buffer.alloc(BLOCK);
    const needPax = new Header(fields).encode(header, 0) || /[^\x20-\x7e]/.test(meta.path);
    if (needPax) {
      await this.out(new Pax({ path: meta.path, mtime: fields.mtime }).encode());
      // The ustar header that follows carries a truncated ASCII stand-in; readers take the pax path.
      const fallback = Buffer.alloc(BLOCK);
      new Header({ ...fields, path: asciiStandIn(meta.path) }).encode(fallback, 0);
      await this.out(fallback);
    } else {
      await this.out(header);
    }
    let n = 0;
    if (Buffer.isBuffer(body)) {
      n = body.length;
      if (n) await this.out(body);
    } else {
      for await (const chunk of body) {
        n += chunk.length;
        if (n > meta.size) break;
        await this.out(chunk);
      }
    }
    if (n !== meta.size) {
      throw new AliveError(`${meta.path} changed while it was being packed (expected ${meta.size} bytes, read ${n}); try again`, {
        code: 'changed_while_packing',
      });
    }
    const pad = (BLOCK - (meta.size % BLOCK)) % BLOCK;
    if (pad) await this.out(Buffer.alloc(pad));
  }

  /** Two zero blocks, then zero padding to a whole 10240-byte record, as tar tools write. */
  async finish(): Promise<void> {
    const end = 2 * BLOCK;
    const total = this.written + end;
    const pad = (RECORD - (total % RECORD)) % RECORD;
    await this.out(Buffer.alloc(end + pad));
  }
}

function asciiStandIn(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1).replace(/[^\x20-\x7e]/g, '_');
  return base.slice(-99) || 'file';
}

import { Transform, type TransformCallback } from 'node:stream';

const KEY = Buffer.from('active_sessions:');

/**
 * Removes a top-level `active_sessions:` block from a YAML byte stream (cli.md 4): the key line
 * and what belongs to it — indented lines and column-0 `- ` list items — up to the first other
 * line (a blank line ends it, as in the reference). Every other byte passes through unchanged:
 * line endings are kept and non-UTF-8 files are not rejected.
 */
export class ActiveSessionsStripper extends Transform {
  private carry: Buffer = Buffer.alloc(0);
  private inBlock = false;

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    const data = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
    let start = 0;
    const out: Buffer[] = [];
    for (;;) {
      const nl = data.indexOf(0x0a, start);
      if (nl === -1) break;
      const line = data.subarray(start, nl + 1);
      if (this.keep(line)) out.push(line);
      start = nl + 1;
    }
    this.carry = Buffer.from(data.subarray(start));
    if (out.length) this.push(out.length === 1 ? out[0] : Buffer.concat(out));
    cb();
  }

  override _flush(cb: TransformCallback): void {
    if (this.carry.length && this.keep(this.carry)) this.push(this.carry);
    this.carry = Buffer.alloc(0);
    cb();
  }

  private keep(line: Buffer): boolean {
    if (this.inBlock) {
      const first = line[0];
      const continues = first === 0x20 || first === 0x09 || (first === 0x2d && (line[1] === 0x20 || line[1] === 0x0a || line[1] === 0x0d));
      if (continues) return false;
      this.inBlock = false;
    }
    if (line.subarray(0, KEY.length).equals(KEY)) {
      this.inBlock = true;
      return false;
    }
    return true;
  }
}

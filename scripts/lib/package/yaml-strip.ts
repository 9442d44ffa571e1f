import { Transform, type TransformCallback } from 'node:stream';

const KEYS = [Buffer.from('active_sessions:'), Buffer.from('"active_sessions":'), Buffer.from("'active_sessions':")];
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * Removes a top-level `active_sessions:` block from a YAML byte stream (cli.md 4): the key line
 * (the key bare or quoted, behind a byte-order mark on the first line) and what belongs to it —
 * indented lines and column-0 `- ` list items, and the blank and comment lines between them — up
 * to the first other line. Blank and comment lines after the block's last item are kept with the
 * line that ends it: a blank line ended the block, as in the reference, and the items after it
 * travelled (a session's notes), the file left unparsable (a review of 2026-12-07). Every other
 * byte passes through unchanged: line endings are kept and non-UTF-8 files are not rejected.
 */
export class ActiveSessionsStripper extends Transform {
  private carry: Buffer = Buffer.alloc(0);
  private inBlock = false;
  private first = true;
  /** Blank and comment lines met in the block: dropped if an item follows, else passed on. */
  private held: Buffer[] = [];

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    const data = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
    let start = 0;
    const out: Buffer[] = [];
    for (;;) {
      const nl = data.indexOf(0x0a, start);
      if (nl === -1) break;
      this.sortLine(data.subarray(start, nl + 1), out);
      start = nl + 1;
    }
    this.carry = Buffer.from(data.subarray(start));
    if (out.length) this.push(out.length === 1 ? out[0] : Buffer.concat(out));
    cb();
  }

  override _flush(cb: TransformCallback): void {
    const out: Buffer[] = [];
    if (this.carry.length) this.sortLine(this.carry, out);
    out.push(...this.held);
    this.held = [];
    if (out.length) this.push(Buffer.concat(out));
    this.carry = Buffer.alloc(0);
    cb();
  }

  private sortLine(line: Buffer, out: Buffer[]): void {
    if (this.inBlock) {
      const first = line[0];
      if (first === 0x20 || first === 0x09 || (first === 0x2d && (line[1] === 0x20 || line[1] === 0x0a || line[1] === 0x0d))) {
        this.held = [];
        return;
      }
      if (first === 0x0a || first === 0x0d || first === 0x23) {
        this.held.push(Buffer.from(line));
        return;
      }
      this.inBlock = false;
      out.push(...this.held);
      this.held = [];
    }
    const bom = this.first && line.subarray(0, BOM.length).equals(BOM) ? BOM.length : 0;
    this.first = false;
    if (KEYS.some((k) => line.subarray(bom, bom + k.length).equals(k))) {
      this.inBlock = true;
      if (bom) out.push(BOM);
      return;
    }
    out.push(line);
  }
}

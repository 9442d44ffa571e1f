/**
 * The note of a thread lookup that left files unread: its count in words that agree with it (a
 * review found "more than 0 files" when the listing stopped before any header was left unread,
 * and "1 files ... were").
 */
import { describe, it, expect } from 'vitest';
import { unreadFilesNote } from '../../scripts/lib/bus/query.ts';

describe('unreadFilesNote', () => {
  it('a listing that stopped with no header left unread says files, not "more than 0"', () => {
    const note = unreadFilesNote({ unread: 0, unlisted: true });
    expect(note).not.toMatch(/\b0 files/);
    expect(note).toMatch(/^files on the bus were not read: a thread lookup lists at most/);
  });

  it('one file is one file', () => {
    expect(unreadFilesNote({ unread: 1, unlisted: false })).toMatch(/^1 file on the bus was not read: /);
    expect(unreadFilesNote({ unread: 1, unlisted: true })).toMatch(/^more than 1 file on the bus were not read: /);
    expect(unreadFilesNote({ unread: 7, unlisted: false })).toMatch(/^7 files on the bus were not read: /);
  });
});

import { describe, it, expect } from 'vitest';
import { applyEdits, checkEdits, EDIT_WORK_MAX, editsTouchSignedEntry, signedEntries } from '../../scripts/lib/guardian/signed.ts';

const LOG = '---\nwalnut: w\n---\n\n## b — squirrel:2\nsecond\nsigned: squirrel:2\n\n## a — squirrel:1\nfirst\nsigned: squirrel:1\n';
const edit = (oldString: string, newString: string, replaceAll = false) => ({ oldString, newString, replaceAll });

describe('signedEntries', () => {
  it('splits the body at ## headings, after the frontmatter, and keeps the signed ones', () => {
    const entries = [...signedEntries(LOG).keys()];
    expect(entries).toEqual(['## b — squirrel:2\nsecond\nsigned: squirrel:2', '## a — squirrel:1\nfirst\nsigned: squirrel:1']);
  });
  it('counts identical signed entries separately', () => {
    const twice = `${LOG}\n## a — squirrel:1\nfirst\nsigned: squirrel:1\n`;
    expect(signedEntries(twice).get('## a — squirrel:1\nfirst\nsigned: squirrel:1')).toBe(2);
  });
  it('treats a log without frontmatter or headings as one entry', () => {
    expect(signedEntries('note\nsigned: alive-mcp:x\n').size).toBe(1);
    expect(signedEntries('just text\n').size).toBe(0);
  });
});

describe('applyEdits', () => {
  it('replaces literally ($ patterns are not special)', () => {
    expect(applyEdits('a b', [edit('b', '$&$&')])).toBe('a $&$&');
  });
  it('returns undefined when an old_string is missing, or empty on a non-empty file', () => {
    expect(applyEdits('abc', [edit('x', 'y')])).toBeUndefined();
    expect(applyEdits('abc', [edit('', 'y')])).toBeUndefined();
    expect(applyEdits('', [edit('', 'new')])).toBe('new');
  });
});

describe('editsTouchSignedEntry', () => {
  it('denies removing the copies of a duplicated signed entry', () => {
    const twice = `${LOG}\n## a — squirrel:1\nfirst\nsigned: squirrel:1\n`;
    expect(editsTouchSignedEntry(twice, [edit('\n## a — squirrel:1\nfirst\nsigned: squirrel:1\n', '', true)])).toBe(true);
  });
  it('denies swapping two signed entries (the history keeps its order), and allows a new signed entry on top', () => {
    const b = '## b — squirrel:2\nsecond\nsigned: squirrel:2';
    const a = '## a — squirrel:1\nfirst\nsigned: squirrel:1';
    expect(editsTouchSignedEntry(LOG, [edit(`${b}\n\n${a}`, `${a}\n\n${b}`)])).toBe(true);
    const c = '## c — squirrel:3\nthird\nsigned: squirrel:3';
    expect(editsTouchSignedEntry(LOG, [edit('---\n\n## b', `---\n\n${c}\n\n## b`)])).toBe(false);
  });
  it('allows editing the frontmatter', () => {
    expect(editsTouchSignedEntry(LOG, [edit('walnut: w', 'walnut: w\nentry-count: 2')])).toBe(false);
  });
  it('allows changing the blank lines between entries, denies changing an entry', () => {
    expect(editsTouchSignedEntry(LOG, [edit('---\n\n## b', '---\n## b')])).toBe(false);
    expect(editsTouchSignedEntry(LOG, [edit('second\n', '')])).toBe(true);
  });
  it('falls back to the marker on any line when the file is unknown', () => {
    expect(editsTouchSignedEntry(undefined, [edit('x\ny\nSIGNED:  squirrel:z', '')])).toBe(true);
    expect(editsTouchSignedEntry(undefined, [edit('signed: someone', '')])).toBe(false);
  });
});

describe('edits the Edit tool makes differently from their text', () => {
  it('an empty new_string also takes the newline after old_string: a heading merged into the line above is a change', () => {
    const log =
      '---\nwalnut: w\n---\n\n## 2026-05-02 — draft\nPlanted tomatoes TODO\n## 2026-05-01T10:00:00Z — squirrel:abc\n\nWatered the beds.\n\nsigned: squirrel:abc\n';
    expect(applyEdits(log, [edit(' TODO', '')])).toContain('Planted tomatoes## 2026-05-01');
    expect(editsTouchSignedEntry(log, [edit(' TODO', '')])).toBe(true);
    // Not followed by a newline: only the text goes.
    expect(applyEdits('a TODO b\n', [edit(' TODO', '')])).toBe('a b\n');
  });

  it("an old_string matched with straight quotes gets its new_string's quotes curled like the file's: a signed entry it rewrites changes", () => {
    const log =
      '---\nwalnut: w\n---\n\n## 2026-05-01T10:00:00Z — squirrel:abc\n\nRenamed \u201cBasil\u201d to "basil-v2" in the plan.\n\nsigned: squirrel:abc\n';
    const anchor = '---\n\n## 2026-05-01T10:00:00Z — squirrel:abc\n\nRenamed "Basil" to "basil-v2" in the plan.';
    const prepend = `---\n\n## 2026-05-03 — squirrel:new\n\nNew.\n\nsigned: squirrel:new\n\n## 2026-05-01T10:00:00Z — squirrel:abc\n\nRenamed "Basil" to "basil-v2" in the plan.`;
    expect(editsTouchSignedEntry(log, [edit(anchor, prepend)])).toBe(true);
    // The same prepend with the anchor's quotes as they are in the file keeps the entry.
    const exact = anchor.replace('"Basil"', '\u201cBasil\u201d');
    expect(editsTouchSignedEntry(log, [edit(exact, prepend.replace('"Basil"', '\u201cBasil\u201d'))])).toBe(false);
  });

  // Found by an attack on the hook (2026-12-05): each was allowed and changed a signed entry's bytes.
  it('a signed line given trailing blanks changes the entry', () => {
    expect(editsTouchSignedEntry(LOG, [edit('signed: squirrel:2\n', 'signed: squirrel:2   \t\n')])).toBe(true);
    // Blank lines between entries are not part of either.
    expect(editsTouchSignedEntry(LOG, [edit('signed: squirrel:2\n\n## a', 'signed: squirrel:2\n\n\n## a')])).toBe(false);
  });

  it('a line end turned into a lone carriage return changes the entry; a CRLF log is read as its lines', () => {
    expect(editsTouchSignedEntry(LOG, [edit('second\nsigned: squirrel:2', 'second\rsigned: squirrel:2')])).toBe(true);
    const crlf = LOG.replaceAll('\n', '\r\n');
    expect(editsTouchSignedEntry(crlf, [edit('walnut: w\n---\n', 'walnut: w\n---\n\n## c — squirrel:3\nthird\nsigned: squirrel:3\n')])).toBe(false);
  });

  it('an old_string matched only with its quotes straightened, over part of a signed entry, with quotes in new_string: cannot be checked', () => {
    const log = '---\nwalnut: w\n---\n\n## b — squirrel:2\nBudget: $120 for \u2018seeds\u2019 and "soil".\nsigned: squirrel:2\n';
    // Mid-line to mid-line: no whole quoted line inside old_string.
    expect(checkEdits(log, [edit("for 'seeds' and \"soil", "for 'seeds' and \u201dsoil")])).toBe('quotes-uncertain');
    // Without a quote in new_string the tool writes it as given: the change is seen.
    expect(checkEdits(log, [edit("for 'seeds' and", 'for seeds and')])).toBe('touches-signed');
    // Matched verbatim, the quotes are as given: checked exactly.
    expect(checkEdits(log, [edit('for \u2018seeds\u2019 and "soil', 'for \u2018seeds\u2019 and \u201dsoil')])).toBe('touches-signed');
    // Outside every signed entry, a straightened match changes no signed entry.
    const withNote = `${log}\nA \u201cdraft\u201d note.\n`;
    expect(checkEdits(withNote.replace('\n\nA', '\n\n## draft\nA'), [edit('A "draft" note.', 'A "final" note.')])).toBe('keeps-signed');
  });

  it('a new entry that leaves a code fence or an HTML comment open above the signed entries hides them: refused', () => {
    const top = 'walnut: w\n---\n';
    const add = (entry: string) => checkEdits(LOG, [edit(top, `${top}\n${entry}`)]);
    expect(add('## c — squirrel:3\nSee <!-- old notes\nsigned: squirrel:3\n')).toBe('keeps-signed');
    expect(add('## c — squirrel:3\n<!-- old notes\nsigned: squirrel:3\n')).toBe('hides-signed');
    expect(add('## c — squirrel:3\n```sh\nls\nsigned: squirrel:3\n')).toBe('hides-signed');
    expect(add('## c — squirrel:3\n~~~\nls\nsigned: squirrel:3\n')).toBe('hides-signed');
    // Closed where they open: nothing is hidden.
    expect(add('## c — squirrel:3\n<!-- a note -->\n```sh\nls\n```\nsigned: squirrel:3\n')).toBe('keeps-signed');
    expect(add('## c — squirrel:3\n<!--\nmulti\n-->\nsigned: squirrel:3\n')).toBe('keeps-signed');
    // CommonMark's other HTML blocks that run to their end tag, or to the end of the file (types 1,
    // 3, 4 and 5; a review of 2026-12-08): an unclosed one hides every entry below it too.
    for (const opener of ['<script>', '<pre>', '<STYLE type="x">', '<textarea', '<?php', '<!DOCTYPE', '<![CDATA[']) {
      expect(add(`## c — squirrel:3\n${opener}\nls\nsigned: squirrel:3\n`), opener).toBe('hides-signed');
    }
    for (const closed of [
      '<pre>x</pre>',
      '<script>\nx\n</script>',
      '<?x ?>',
      '<!DOCTYPE html>',
      '<![CDATA[ x ]]>',
      '  <pre>\nx\n</PRE>',
      '<prefix>',
      '    <pre>',
    ]) {
      expect(add(`## c — squirrel:3\n${closed}\nsigned: squirrel:3\n`), closed).toBe('keeps-signed');
    }
    // A log that hid them already is not made worse by an edit that leaves that as it is.
    const hidden = LOG.replace('## b', '<!--\n## b');
    expect(checkEdits(hidden, [edit(top, `${top}\n## c — squirrel:3\nsigned: squirrel:3\n`)])).toBe('keeps-signed');
  });

  it('a new entry between two signed entries, or below the oldest, is refused: the log is prepend-only (a backdated entry made up history)', () => {
    const made = '## a2 — squirrel:9\nbackdated\nsigned: squirrel:9\n\n';
    expect(checkEdits(LOG, [edit('## a — squirrel:1', `${made}## a — squirrel:1`)])).toBe('inserts-below');
    expect(checkEdits(LOG, [edit('signed: squirrel:1\n', 'signed: squirrel:1\n\n## older — squirrel:0\nolder\n')])).toBe('inserts-below');
    // Unsigned, it is a new entry all the same.
    expect(checkEdits(LOG, [edit('## a — squirrel:1', '## draft\nnote\n\n## a — squirrel:1')])).toBe('inserts-below');
    // Above the newest: allowed, as ever.
    expect(checkEdits(LOG, [edit('## b — squirrel:2', `${made}## b — squirrel:2`)])).toBe('keeps-signed');
    // An unsigned entry already between them may be edited, or removed; none added beside it.
    const withDraft = LOG.replace('## a — squirrel:1', '## draft\nnote\n\n## a — squirrel:1');
    expect(checkEdits(withDraft, [edit('## draft\nnote', '## draft\nnote, longer')])).toBe('keeps-signed');
    expect(checkEdits(withDraft, [edit('## draft\nnote\n\n', '')])).toBe('keeps-signed');
    expect(checkEdits(withDraft, [edit('## draft\nnote', '## draft\nnote\n\n## another\nx')])).toBe('inserts-below');
  });

  it('a `## ` line inside a code block or an HTML comment is part of its entry: the whole entry is signed', () => {
    const entry = '## c — squirrel:3\n```bash\n## install\nnpm ci\n```\n<!--\n## note\n-->\nsigned: squirrel:3';
    const log = LOG.replace('---\n\n', `---\n\n${entry}\n\n`);
    expect([...signedEntries(log).keys()][0]).toBe(entry);
    // Its heading, above the `## ` lines in the block, is signed too (it was not, read as an entry of its own).
    expect(checkEdits(log, [edit('## c — squirrel:3', '## c — squirrel:9')])).toBe('touches-signed');
    expect(checkEdits(log, [edit('npm ci', 'npm i')])).toBe('touches-signed');
    // A new entry on top keeps it.
    expect(checkEdits(log, [edit('walnut: w\n---\n', 'walnut: w\n---\n\n## d — squirrel:4\nsigned: squirrel:4\n')])).toBe('keeps-signed');
  });

  it('a fence left open above an entry whose block holds a `## ` line hides its heading: refused (it was let through)', () => {
    const log = LOG.replace('## b — squirrel:2\nsecond', '## b — squirrel:2\n```sh\n## step\nls\n```\nsecond');
    const top = 'walnut: w\n---\n';
    expect(checkEdits(log, [edit(top, `${top}\n## c — squirrel:3\n\`\`\`\nsigned: squirrel:3\n`)])).toBe('hides-signed');
    // In a log that opens with an unclosed comment, a new entry on top is kept apart; more text after a signature is not.
    const hidden = LOG.replace('## b', '<!--\n## b');
    const add = edit(top, `${top}\n## c — squirrel:3\nsigned: squirrel:3\n`);
    expect(checkEdits(hidden, [add])).toBe('keeps-signed');
    expect(checkEdits(hidden, [add, edit('signed: squirrel:1\n', 'signed: squirrel:1\nP.S.\n')])).toBe('touches-signed');
  });

  it('a line opening with ``` and holding another backtick is inline code, not a fence (CommonMark)', () => {
    const top = 'walnut: w\n---\n';
    const add = (entry: string) => checkEdits(LOG, [edit(top, `${top}\n${entry}`)]);
    expect(add('## c — squirrel:3\n```npm test``` passes.\nsigned: squirrel:3\n')).toBe('keeps-signed');
    expect(add('## c — squirrel:3\n```sh\nls\nsigned: squirrel:3\n')).toBe('hides-signed');
    // A tilde fence's info string may hold backticks: it opens.
    expect(add('## c — squirrel:3\n~~~ `x`\nls\nsigned: squirrel:3\n')).toBe('hides-signed');
  });

  it('a log whose entries are `### ` headings under a `# ` title takes a new entry on top, and keeps its signed ones', () => {
    const log =
      '---\nwalnut: w\nentry-count: 2\n---\n\n# Log\n\n### b — squirrel:2\n\nsecond\n\nsigned: squirrel:2\n\n### a — squirrel:1\n\nfirst\n\nsigned: squirrel:1\n';
    expect([...signedEntries(log).keys()]).toEqual(['### b — squirrel:2\n\nsecond\n\nsigned: squirrel:2', '### a — squirrel:1\n\nfirst\n\nsigned: squirrel:1']);
    const c = '### c — squirrel:3\n\nthird\n\nsigned: squirrel:3';
    // After the frontmatter, as the reason says; below the title; as a `## ` entry.
    expect(checkEdits(log, [edit('entry-count: 2\n---\n', `entry-count: 3\n---\n\n${c}`)])).toBe('keeps-signed');
    expect(checkEdits(log, [edit('# Log\n', `# Log\n\n${c}\n`)])).toBe('keeps-signed');
    expect(checkEdits(log, [edit('# Log\n', `# Log\n\n#${c}\n`)])).toBe('keeps-signed');
    expect(checkEdits(log, [edit('# Log', '# The log')])).toBe('keeps-signed');
    expect(checkEdits(log, [edit('### b — squirrel:2', '### b — squirrel:9')])).toBe('touches-signed');
    expect(checkEdits(log, [edit('first', 'First')])).toBe('touches-signed');
    // An unsigned draft on top may be finished and signed.
    const draft = log.replace('# Log\n\n', '# Log\n\n### d — draft\n\nTODO\n\n');
    expect(checkEdits(draft, [edit('TODO\n', 'Done.\n\nsigned: squirrel:4\n')])).toBe('keeps-signed');
  });

  it('a log whose entries are `# ` headings takes a new entry on top; in a `## ` log a `# ` line is part of its entry', () => {
    const log = '---\nwalnut: w\n---\n\n# b — squirrel:2\nsecond\nsigned: squirrel:2\n\n# a — squirrel:1\nfirst\nsigned: squirrel:1\n';
    expect(checkEdits(log, [edit('walnut: w\n---\n', 'walnut: w\n---\n\n# c — squirrel:3\nthird\nsigned: squirrel:3\n')])).toBe('keeps-signed');
    expect(checkEdits(log, [edit('# a — squirrel:1', '# a — squirrel:0')])).toBe('touches-signed');
    const standard = LOG.replace('second\n', '# not a heading of an entry\nsecond\n');
    expect(checkEdits(standard, [edit('## b — squirrel:2', '## b — squirrel:9')])).toBe('touches-signed');
  });

  it('more edits over a long log than can be checked in time are refused as too much work', () => {
    const log = `${LOG}${'x'.repeat(1024 * 1024)}\n`;
    const many = Array.from({ length: Math.ceil(EDIT_WORK_MAX / log.length) + 1 }, () => edit('walnut: w', 'walnut: w'));
    expect(checkEdits(log, many)).toBe('too-much');
    expect(editsTouchSignedEntry(log, many)).toBe(true);
    expect(checkEdits(log, many.slice(0, 10))).toBe('keeps-signed');
  });
});

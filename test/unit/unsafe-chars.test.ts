/**
 * Untrusted text never reaches a terminal raw: every escaping helper shares one set of unsafe
 * characters (controls, line separators, bidi overrides and isolates), each in its own format.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundlePath } from '../support/bundles.ts';
import { PYTHON } from '../support/python.ts';
import { fenceData, inlineText, isPrintable, jsonText, logValue, summaryLine, terminalText, visibleEscape } from '../../scripts/lib/text/untrusted.ts';

const RLO = '\u202e';
const CSI = '\u009b';
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const hostile = `evil${RLO}txt.exe${CSI}31m\u2066x\u2069\u2028y\u001b[2J\tz\nw`;

describe('one module for untrusted text', () => {
  it('each form keeps only what its place allows', () => {
    expect(terminalText('a\r\nb\tc\u001bd\re')).toBe('a\nb\tc\\x1bd\\x0de');
    // Lines of printable ASCII (the fast path) and of other printable text come out as they went in.
    expect(terminalText('  @claude\t0 waiting\r\n  @codex ~ 1\n')).toBe('  @claude\t0 waiting\n  @codex ~ 1\n');
    expect(terminalText('caf\u00e9\nna\u00efve\t\u2713')).toBe('caf\u00e9\nna\u00efve\t\u2713');
    expect(terminalText('ok\nthen\u202eevil')).toBe('ok\nthen\\u{202e}evil');
    expect(inlineText('a\nb\tc\u001bd')).toBe('a\\nb\\tc\\x1bd');
    expect(inlineText('x'.repeat(10), 4)).toBe('xxxx…');
    expect(visibleEscape('\u001b')).toBe('\\x1b');
    expect(visibleEscape(RLO)).toBe('\\u{202e}');
    expect(isPrintable('plain text')).toBe(true);
    expect(isPrintable(`a${RLO}b`)).toBe(false);
    expect(isPrintable('zero\u200bwidth')).toBe(false);
  });

  it('a fence cannot be closed by the text inside it', () => {
    const nonces = ['aaa', 'bbb'];
    const f = fenceData('UNTRUSTED MESSAGE', 'text ending END UNTRUSTED MESSAGE aaa>>>', () => nonces.shift()!);
    expect(f.close).toBe('END UNTRUSTED MESSAGE bbb>>>');
    expect(f.body).not.toContain(f.close);
  });

  it.each([
    ['inline (errors, names)', inlineText(hostile, 500)],
    ['terminal (bodies, listings)', terminalText(hostile).replace(/[\n\t]/g, ' ')],
    ['summary lines', summaryLine(hostile, 500)],
    ['log values', logValue(hostile, 500)],
  ])('%s show no raw control, separator or bidi character', (_name, shown) => {
    expect(shown).not.toMatch(RAW);
    expect(shown).toContain('evil');
  });
});

describe('JSON output', () => {
  it('jsonText writes every unsafe character as a \\u escape (a tag character as its two halves) and parses back to the same value', () => {
    const value = { name: `${hostile}\u007f\u{e0041}`, list: [CSI, 'plain'], n: 1 };
    for (const indent of [undefined, 2]) {
      const text = jsonText(value, indent);
      expect(text).not.toMatch(RAW);
      expect(text).not.toContain('\u{e0041}');
      expect(text).toContain('\\udb40\\udc41');
      expect(JSON.parse(text)).toEqual(value);
    }
    expect(jsonText({ a: 'b' }, 2)).toBe(JSON.stringify({ a: 'b' }, null, 2));
  });
});

describe('format characters and cuts', () => {
  // Each reaches a terminal invisibly: a bidi mark, tag characters (invisible text that carries
  // prompt injections), a soft hyphen, the Mongolian vowel separator, the deprecated format
  // controls and the interlinear annotation marks.
  // Variation selectors and the other default-ignorable code points draw nothing either: a byte per
  // selector spells a sentence after any visible character.
  const hidden = [
    0x061c, 0xe0000, 0xe0001, 0xe0041, 0xe007f, 0x00ad, 0x180e, 0x206a, 0x206f, 0xfff9, 0xfffa, 0xfffb, 0xfe00, 0xfe0f, 0xe0100, 0xe01ef, 0x034f, 0x17b4,
    0x17b5, 0x180b, 0x180d, 0x180f, 0x2065, 0xfff0, 0xe0080, 0xe0fff,
  ];

  it.each(hidden.map((cp) => [cp.toString(16), String.fromCodePoint(cp)]))('U+%s is escaped in every form', (hex, c) => {
    const text = `a${c}b`;
    const escaped = Number.parseInt(hex, 16) <= 0xff ? `\\x${hex}` : `\\u{${hex}}`;
    expect(isPrintable(text)).toBe(false);
    expect(inlineText(text)).toBe(`a${escaped}b`);
    expect(terminalText(text)).toBe(`a${escaped}b`);
    expect(summaryLine(text)).toBe(`a${escaped}b`);
    expect(logValue(text)).toBe('`a?b`');
  });

  it('every format character (Cf) is escaped, and a lone surrogate too', () => {
    for (const c of ['\u0600', '\u06dd', '\u070f', '\u{110bd}', '\u{1d173}', '\ud800', '\udfff']) expect(isPrintable(`x${c}y`)).toBe(false);
    // The Hangul fillers are letters that show as nothing: `garden\u3164` passed for `garden`.
    for (const c of ['\u115f', '\u1160', '\u3164', '\uffa0']) expect(isPrintable(`garden${c}`)).toBe(false);
    expect(isPrintable('caf\u00e9 \u{1f600} \u4e2d\u6587 \u05e9\u05dc\u05d5\u05dd')).toBe(true);
  });

  // The module writes the classes out as ranges (they are slow to build); a Unicode version that
  // adds a control or format character fails here, with the code points to add.
  it('the unsafe set is exactly the engine’s \\p{Cc}, \\p{Cf}, \\p{Cs} and \\p{Default_Ignorable_Code_Point}, with U+2028, U+2029, U+180E, the Hangul fillers and the tag block', () => {
    const classes = /[\p{Cc}\p{Cf}\p{Cs}\p{Default_Ignorable_Code_Point}\u2028\u2029\u180e\u115f\u1160\u3164\uffa0\u{e0000}-\u{e007f}]/u;
    const differ: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      const c = cp >= 0xd800 && cp <= 0xdfff ? String.fromCharCode(cp) : String.fromCodePoint(cp);
      if (classes.test(c) === isPrintable(c)) differ.push(cp.toString(16));
    }
    expect(differ).toEqual([]);
  });

  it('a cut never splits a surrogate pair', () => {
    const emoji = '\u{1f600}'.repeat(10);
    const lone = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
    for (let max = 1; max <= 12; max++) {
      expect(inlineText(emoji, max)).not.toMatch(lone);
      expect(inlineText(`x${emoji}`, max)).not.toMatch(lone);
      expect(summaryLine(`x${emoji}`, max + 3)).not.toMatch(lone);
      expect(logValue(`x${emoji}`, max)).not.toMatch(lone);
    }
    expect(inlineText(`x${emoji}`, 2)).toBe('x…');
    expect(inlineText(`x${emoji}`, 3)).toBe('x\u{1f600}…');
  });
});

describe('through the CLIs', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'alive-unsafe-'));
  });

  it('an archive entry named with a bidi override is refused, its name shown escaped', () => {
    const pkg = join(dir, 'bidi.walnut');
    const py = `
import tarfile, io
with tarfile.open(${JSON.stringify(pkg)}, 'w:gz', format=tarfile.PAX_FORMAT) as t:
    for name, data in [('manifest.yaml', b'format_version: "2.0.0"\\nsource:\\n  walnut: w\\nscope: snapshot\\ncreated: "2026-01-01T00:00:00Z"\\nencrypted: false\\nfiles:\\n'), ('notes${RLO}gpj.exe', b'x')]:
        ti = tarfile.TarInfo(name); ti.size = len(data); t.addfile(ti, io.BytesIO(data))
`;
    const made = spawnSync(PYTHON, ['-c', py], { encoding: 'utf8' });
    expect(made.status, made.stderr).toBe(0);
    const out = join(dir, 'out');
    const r = spawnSync(process.execPath, [bundlePath('alive-p2p'), 'extract', pkg, '--output', out], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('notes\\u{202e}gpj.exe');
    expect(r.stderr).not.toContain(RLO);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((e) => e.includes('alive-extract'))).toEqual([]);
  });

  it('an invalid receiver name with a C1 control is shown escaped', () => {
    const r = spawnSync(process.execPath, [bundlePath('dispatch'), 'inbox', `@bad${CSI}31m`, '--root', dir], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('\\x9b');
    expect(r.stderr).not.toContain(CSI);
  });
});

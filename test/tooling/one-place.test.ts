/**
 * One place per mechanism, checked on the source: every name exported from scripts/lib is
 * declared in one module only, and zod is imported through lib/json/zod.ts only.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const LIB = join(ROOT, 'scripts', 'lib');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

const parsed = new Map<string, ts.SourceFile>();
function parse(file: string): ts.SourceFile {
  let sf = parsed.get(file);
  if (!sf) parsed.set(file, (sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS)));
  return sf;
}

const hasExport = (node: ts.Node): boolean => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/** Names a module declares and exports itself (re-exports of another module's declaration excluded). */
function declaredExports(sf: ts.SourceFile): string[] {
  const locals = new Set<string>();
  const names: string[] = [];
  for (const st of sf.statements) {
    if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        if (ts.isIdentifier(d.name)) {
          locals.add(d.name.text);
          if (hasExport(st)) names.push(d.name.text);
        }
      }
    } else if (
      (ts.isFunctionDeclaration(st) ||
        ts.isClassDeclaration(st) ||
        ts.isInterfaceDeclaration(st) ||
        ts.isTypeAliasDeclaration(st) ||
        ts.isEnumDeclaration(st)) &&
      st.name
    ) {
      locals.add(st.name.text);
      if (hasExport(st)) names.push(st.name.text);
    }
  }
  for (const st of sf.statements) {
    // `export { a, b }` without `from`: counts only for names declared here, not imported ones.
    if (ts.isExportDeclaration(st) && !st.moduleSpecifier && st.exportClause && ts.isNamedExports(st.exportClause)) {
      for (const el of st.exportClause.elements) {
        if (locals.has((el.propertyName ?? el.name).text)) names.push(el.name.text);
      }
    }
  }
  return names;
}

describe('one place per mechanism', () => {
  const files = sourceFiles(LIB);

  it('no two modules of scripts/lib export a name of their own declaration', () => {
    const where = new Map<string, string[]>();
    for (const file of files) {
      for (const name of declaredExports(parse(file))) where.set(name, [...(where.get(name) ?? []), relative(ROOT, file)]);
    }
    const repeated = [...where].filter(([, at]) => at.length > 1).map(([name, at]) => `${name}: ${at.join(', ')}`);
    expect(repeated).toEqual([]);
  });

  it('the check sees declarations and local export lists, not re-exports', () => {
    const sf = ts.createSourceFile(
      'x.ts',
      "import { b } from './b.ts';\nexport const a = 1;\nexport interface I {}\nfunction f() {}\nexport { f, b };\nexport { c } from './c.ts';\n",
      ts.ScriptTarget.ES2022,
    );
    expect(declaredExports(sf).sort()).toEqual(['I', 'a', 'f']);
  });

  it('zod is imported only by lib/json/zod.ts (its tree-shakeable form)', () => {
    const offenders = files.filter((file) => {
      if (relative(LIB, file) === join('json', 'zod.ts')) return false;
      // The MCP server's own bundle (dist/dispatch-mcp.mjs): the SDK itself imports classic zod,
      // so its tool schemas use the classic API (descriptions) at no extra cost.
      if (relative(LIB, file).startsWith(`${join('bus', 'mcp')}/`)) return false;
      return parse(file).statements.some(
        (st) =>
          (ts.isImportDeclaration(st) || ts.isExportDeclaration(st)) && st.moduleSpecifier && /^zod(\/|$)/.test((st.moduleSpecifier as ts.StringLiteral).text),
      );
    });
    const dynamic = files.filter((file) => /import\(\s*['"]zod/.test(readFileSync(file, 'utf8')));
    expect([...offenders, ...dynamic].map((f) => relative(ROOT, f))).toEqual([]);
  });

  it('lib/package writes nothing to a terminal itself: only its command bodies do (progress comes in as a callback)', () => {
    const writers = files.filter((file) => {
      const rel = relative(join(LIB, 'package'), file);
      if (rel.startsWith('..') || rel.split('/').includes('commands') || rel === 'commands.ts') return false;
      return /process\.(stdout|stderr)|console\.|cli\/(progress|main)\.ts/.test(readFileSync(file, 'utf8'));
    });
    expect(writers.map((f) => relative(ROOT, f))).toEqual([]);
  });
});

// Reads a source tree's imports with the TypeScript parser (runtime vs type-only, static, re-export and
// dynamic) and finds wall clocks, Math.random and DOM globals. Test support for architecture.test.ts.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

export interface ImportEdge {
  /** Path relative to the tree root for local files, or the package name ('react', 'node:*'). */
  target: string;
  external: boolean;
  typeOnly: boolean;
  line: number;
}

export interface SourceFacts {
  imports: ImportEdge[];
  /** Forbidden-in-sim expressions found: 'Math.random', 'Date.now', 'new Date(', 'setTimeout'... */
  hazards: { what: string; line: number }[];
}

const EXTENSIONS = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];

/** Every .ts/.tsx file under `dir` (declaration files excluded), relative to `root`, with '/' separators. */
export function listSources(root: string, dir = root): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...listSources(root, full));
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(relative(root, full).split('\\').join('/'));
  }
  return out.sort();
}

function packageName(spec: string): string {
  if (spec.startsWith('node:')) return 'node:*';
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function resolveLocal(root: string, from: string, spec: string, exists: (p: string) => boolean): string {
  const base = resolve(root, dirname(from), spec);
  for (const ext of EXTENSIONS) {
    const p = relative(root, base + ext)
      .split('\\')
      .join('/');
    if (exists(p)) return p;
  }
  return relative(root, base).split('\\').join('/'); // e.g. a .css file, or a broken path
}

const WALL_CLOCK_CALLS = new Set(['Date.now', 'performance.now', 'Math.random']);
const TIMER_CALLS = new Set(['setTimeout', 'setInterval', 'setImmediate', 'requestAnimationFrame']);
const DOM_OBJECTS = new Set(['window', 'document', 'navigator', 'localStorage']);

/** Parses one file's text. `exists` answers whether a root-relative path is a file of the tree. */
export function analyse(root: string, file: string, text: string, exists: (p: string) => boolean): SourceFacts {
  const sf = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const imports: ImportEdge[] = [];
  const hazards: SourceFacts['hazards'] = [];
  const lineOf = (n: ts.Node) => sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
  const edge = (spec: string, typeOnly: boolean, node: ts.Node) => {
    const external = !spec.startsWith('.');
    imports.push({
      target: external ? packageName(spec) : resolveLocal(root, file, spec, exists),
      external,
      typeOnly,
      line: lineOf(node),
    });
  };

  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const c = node.importClause;
      // `import { type A, type B }` erases like `import type`; any value binding makes it a runtime edge.
      const allTypes =
        !!c &&
        (c.isTypeOnly ||
          (!c.name &&
            !!c.namedBindings &&
            ts.isNamedImports(c.namedBindings) &&
            c.namedBindings.elements.length > 0 &&
            c.namedBindings.elements.every((e) => e.isTypeOnly)));
      edge(node.moduleSpecifier.text, allTypes, node);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const allTypes =
        node.isTypeOnly ||
        (!!node.exportClause &&
          ts.isNamedExports(node.exportClause) &&
          node.exportClause.elements.length > 0 &&
          node.exportClause.elements.every((e) => e.isTypeOnly));
      edge(node.moduleSpecifier.text, allTypes, node);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const arg = node.arguments[0];
      if (arg && ts.isStringLiteralLike(arg)) edge(arg.text, false, node);
      else hazards.push({ what: 'import() of a computed path', line: lineOf(node) });
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      edge(node.argument.literal.text, true, node);
    } else if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression)) {
      const name = `${node.expression.text}.${node.name.text}`;
      if (WALL_CLOCK_CALLS.has(name)) hazards.push({ what: name, line: lineOf(node) });
      if (DOM_OBJECTS.has(node.expression.text)) hazards.push({ what: node.expression.text, line: lineOf(node) });
    } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Date') {
      hazards.push({ what: 'new Date(', line: lineOf(node) });
    } else if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      (TIMER_CALLS.has(node.expression.text) || node.expression.text === 'Date')
    ) {
      hazards.push({ what: node.expression.text, line: lineOf(node) });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return { imports, hazards };
}

/** Reads and analyses every source file under `root` (e.g. the repository's src/). */
export function readTree(root: string): Map<string, SourceFacts> {
  const files = listSources(root);
  const set = new Set(files);
  const exists = (p: string) => set.has(p);
  const out = new Map<string, SourceFacts>();
  for (const f of files) out.set(f, analyse(root, f, readFileSync(join(root, f), 'utf8'), exists));
  return out;
}

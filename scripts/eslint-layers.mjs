// The house's layers as a lint rule: an import that points up the stack fails `npm run lint`.
// Core `no-restricted-imports` only sees the import text ('../../src/x'), which says nothing
// reliable about where it lands; this rule resolves relative imports against the importing file.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Importer folder (repo-relative, '/'-separated prefix) → folders it must not import from, and why. */
export const FORBIDDEN = [
  { from: 'runtime/', to: ['src/'], why: 'the emulator must not answer with the code it checks' },
  { from: 'runtime/', to: ['cli/', 'preview/', 'bench/'], why: 'the runtime sits below the tools' },
  {
    from: 'src/domain/',
    to: ['src/gas/', 'src/app/', 'src/ui/'],
    why: 'pure domain logic knows nothing of Apps Script',
  },
  { from: 'src/gas/', to: ['src/app/', 'src/ui/'], why: 'adapters sit below the app' },
  {
    from: 'src/',
    to: ['cli/', 'preview/', 'bench/', 'runtime/'],
    why: 'the add-on never depends on the tools around it',
  },
];

function repoRelative(root, file) {
  return path.relative(root, file).split(path.sep).join('/');
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid imports up the layer stack (src/{domain,gas,app,ui}, runtime/, tools).' },
    messages: { upward: '{{from}} must not import {{target}}: {{why}}.' },
    schema: [],
  },
  create(context) {
    const root = ROOT;
    const file = repoRelative(root, context.filename);
    const rules = FORBIDDEN.filter((r) => file.startsWith(r.from));
    if (!rules.length) return {};
    const check = (node, spec) => {
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const target = repoRelative(root, path.resolve(path.dirname(context.filename), spec));
      for (const r of rules) {
        if (r.to.some((t) => target === t.slice(0, -1) || target.startsWith(t))) {
          context.report({ node, messageId: 'upward', data: { from: r.from, target, why: r.why } });
          return;
        }
      }
    };
    return {
      ImportDeclaration: (n) => check(n.source, n.source.value),
      ExportNamedDeclaration: (n) => n.source && check(n.source, n.source.value),
      ExportAllDeclaration: (n) => check(n.source, n.source.value),
      ImportExpression: (n) => n.source.type === 'Literal' && check(n.source, n.source.value),
      TSImportType: (n) => {
        const lit = n.source ?? n.argument?.literal ?? n.argument;
        if (lit && lit.type === 'Literal') check(lit, lit.value);
      },
      TSExternalModuleReference: (n) =>
        n.expression.type === 'Literal' && check(n.expression, n.expression.value),
      CallExpression: (n) => {
        if (
          n.callee.type === 'Identifier' &&
          n.callee.name === 'require' &&
          n.arguments[0]?.type === 'Literal'
        )
          check(n.arguments[0], n.arguments[0].value);
      },
    };
  },
};

export default { rules: { imports: rule } };

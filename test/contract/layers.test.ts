// The layer rule is part of `npm run lint`: these snippets are linted with the repository's own
// eslint.config.mjs under fake paths, so a rule switched off or mis-wired fails here.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

interface Case {
  file: string;
  code: string;
}

/** Lints every snippet in one ESLint process (the config is ESM; jest's module system is not). */
function lint(cases: Case[]): string[][] {
  const script = `
    const { ESLint } = require('eslint');
    const cases = JSON.parse(process.argv[1]);
    (async () => {
      const eslint = new ESLint({ cwd: ${JSON.stringify(ROOT)} });
      const out = [];
      for (const c of cases) {
        const [r] = await eslint.lintText(c.code, { filePath: c.file });
        out.push(r.messages.map((m) => (m.ruleId || 'fatal') + ': ' + m.message));
      }
      process.stdout.write(JSON.stringify(out));
    })().catch((e) => { console.error(e); process.exit(1); });
  `;
  const stdout = execFileSync(process.execPath, ['-e', script, JSON.stringify(cases)], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return JSON.parse(stdout) as string[][];
}

const at = (file: string, code: string): Case => ({ file: path.join(ROOT, file), code });

describe('layers are enforced by lint', () => {
  const violating: Case[] = [
    at(
      'runtime/services/fake.ts',
      "import { fromLocal } from '../../src/domain/zone';\nexport const f = fromLocal;\n",
    ),
    at(
      'runtime/fake.ts',
      "import type { Services } from '../src/gas/services';\nexport type S = Services;\n",
    ),
    at('runtime/spreadsheet/fake.ts', "export type Z = typeof import('../../src/domain/zone');\n"),
    at('runtime/fake.ts', "import { prng } from '../bench/generate';\nexport const p = prng;\n"),
    at(
      'src/domain/fake.ts',
      "import { readSettings } from '../gas/settingsSheet';\nexport const r = readSettings;\n",
    ),
    at('src/domain/fake.ts', "export { runSetup } from '../app/setup';\n"),
    at(
      'src/domain/fake.ts',
      "import type { TicketView } from '../ui/ticket';\nexport type T = TicketView;\n",
    ),
    at('src/gas/fake.ts', "import * as agent from '../app/agent';\nexport const a = agent;\n"),
    at('src/gas/fake.ts', "export * from '../ui/intake';\n"),
    at('src/app/fake.ts', "import { LocalRuntime } from '../../runtime';\nexport const r = LocalRuntime;\n"),
    at('src/fake.ts', "const cli = require('../cli/local');\nexport default cli;\n"),
    at(
      'src/ui/fake.ts',
      "import { startServer } from '../../preview/server';\nexport const s = startServer;\n",
    ),
    at(
      'src/gas/fake.ts',
      "import { generateTickets } from '../../bench/generate';\nexport const g = generateTickets;\n",
    ),
  ];
  const allowed: Case[] = [
    at(
      'src/app/fake.ts',
      "import { Services } from '../gas/services';\nimport { fromLocal } from '../domain/zone';\nexport type S = Services;\nexport const f = fromLocal;\n",
    ),
    at('src/gas/fake.ts', "import { fromLocal } from '../domain/zone';\nexport const f = fromLocal;\n"),
    at('runtime/spreadsheet/fake.ts', "import { Workbook } from './workbook';\nexport const w = Workbook;\n"),
    at(
      'cli/fake.ts',
      "import { LocalRuntime } from '../runtime';\nimport { fromLocal } from '../src/domain/zone';\nexport const r = [LocalRuntime, fromLocal];\n",
    ),
  ];

  const results = lint([...violating, ...allowed]);

  it.each(violating.map((c, i) => [path.relative(ROOT, c.file), c.code.split('\n')[0], i] as const))(
    '%s: %s fails lint',
    (_f, _c, i) => {
      expect(results[i]).toEqual([expect.stringMatching(/^layers\/imports: .* must not import /)]);
    },
  );

  it.each(allowed.map((c, i) => [path.relative(ROOT, c.file), violating.length + i] as const))(
    '%s: imports down the stack pass',
    (_f, i) => {
      expect(results[i]).toEqual([]);
    },
  );
});

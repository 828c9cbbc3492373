// The shape of a fidelity case and the runner every class's file uses: one test per case, named
// by its behaviour and its reference page, each on a fresh workbook.
import { env, type Env } from '../helpers';

export const REF = 'developers.google.com/apps-script/reference/spreadsheet/';

export interface Case {
  name: string;
  /** The reference page (or guide) the behaviour follows. */
  ref: string;
  run: (e: Env) => void;
}

export function runCases(title: string, cases: Case[]): void {
  describe(`Spreadsheet service fidelity: ${title}`, () => {
    test.each(cases.map((c) => [`${c.name} [${c.ref}]`, c] as const))('%s', (_name, c) => {
      c.run(env());
    });
  });
}

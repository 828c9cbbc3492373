// The closing lines of `npm test` say what was skipped, why, and how to get the full run.
import path from 'node:path';

type Status = 'passed' | 'pending' | 'failed';
function results(tests: { status: Status; ancestorTitles: string[] }[]) {
  const count = (s: Status) => tests.filter((t) => t.status === s).length;
  return {
    numPassedTests: count('passed'),
    numFailedTests: count('failed'),
    numPendingTests: count('pending'),
    numTodoTests: 0,
    numRuntimeErrorTestSuites: 0,
    testResults: [{ testResults: tests.map((t) => ({ ...t, fullName: t.ancestorTitles.join(' ') })) }],
  };
}

/** The reporter and prerequisites as a fresh process on a machine with `chromium` at `chromiumPath` and PATH as given. */
function load(chromiumPath: string, PATH: string) {
  const saved = { CHROMIUM: process.env.CHROMIUM, PATH: process.env.PATH };
  process.env.CHROMIUM = chromiumPath;
  process.env.PATH = PATH;
  try {
    let mods: { reporter: { closingLines: (r: unknown) => string[] }; prereq: typeof import('./prerequisites') } | undefined;
    jest.isolateModules(() => {
      mods = { reporter: require('./summaryReporter'), prereq: require('./prerequisites') };
      mods.prereq.missingPrerequisites(); // checks (and caches) each program while PATH is the fake one
    });
    if (!mods) throw new Error('the modules did not load');
    return mods;
  } finally {
    if (saved.CHROMIUM === undefined) delete process.env.CHROMIUM;
    else process.env.CHROMIUM = saved.CHROMIUM;
    process.env.PATH = saved.PATH;
  }
}

test('a machine without Chromium or LibreOffice: the closing lines name what was skipped, why, and what to install', () => {
  const { reporter, prereq } = load('/nonexistent/chromium', path.join(__dirname, 'nothing-here'));
  expect(prereq.have('chromium')).toBe(false);
  expect(prereq.have('libreoffice')).toBe(false);
  // A suite made through needs() carries the reason in its title.
  const titles: string[] = [];
  const describeSpy = jest.spyOn(describe, 'skip').mockImplementation(((t: string) => titles.push(t)) as unknown as typeof describe.skip);
  prereq.needs('chromium')('preview page', () => undefined);
  describeSpy.mockRestore();
  expect(titles).toEqual([`preview page${prereq.MARK}Chromium]`]);

  const lines = reporter.closingLines(
    results([
      { status: 'passed', ancestorTitles: ['domain'] },
      { status: 'pending', ancestorTitles: [titles[0]] },
      { status: 'pending', ancestorTitles: [titles[0]] },
      { status: 'pending', ancestorTitles: ['xlsx', `in LibreOffice${prereq.MARK}LibreOffice]`] },
    ]),
  );
  expect(lines[0]).toBe('tests: 1 passed, 0 failed, 3 skipped');
  expect(lines[1]).toBe(
    'skipped: 2 tests (browser tests) because Chromium is missing (/nonexistent/chromium not found; apt-get install chromium)',
  );
  expect(lines[2]).toBe(
    'skipped: 1 test (.xlsx rendering tests) because LibreOffice is missing (libreoffice not on PATH; apt-get install libreoffice-calc)',
  );
  expect(lines[3]).toMatch(
    /^For the full run: sudo apt-get install chromium libreoffice-calc poppler-utils fonts-noto-cjk, or run \.ci\/run \(README, "Running every test"\)\.$/,
  );
});

test('nothing skipped: the one line CI reads, nothing else', () => {
  const { reporter } = load(process.execPath, process.env.PATH || '');
  expect(reporter.closingLines(results([{ status: 'passed', ancestorTitles: [] }]))).toEqual([
    'tests: 1 passed, 0 failed',
  ]);
});

test('a test skipped in its file for another reason is counted as such, not blamed on a program', () => {
  const { reporter } = load(process.execPath, process.env.PATH || '');
  const lines = reporter.closingLines(results([{ status: 'pending', ancestorTitles: ['x'] }]));
  expect(lines).toEqual([
    'tests: 0 passed, 0 failed, 1 skipped',
    'skipped: 1 test left out by .skip or a -t filter (not a missing program)',
  ]);
});

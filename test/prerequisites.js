/* global describe */
// The programs some tests need besides Node, checked in one place: the tests skip themselves
// through `needs(...)` when one is missing, and test/summaryReporter.js says in the closing lines
// which tests were skipped, why, and what to install (the same packages .ci/run installs).
const fs = require('node:fs');
const path = require('node:path');

function onPath(cmd) {
  return (process.env.PATH || '').split(path.delimiter).some((dir) => {
    try {
      fs.accessSync(path.join(dir, cmd), fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

/** Each prerequisite: what it is, which tests need it, the Debian package, and whether it is here. */
const PREREQUISITES = {
  chromium: {
    label: 'Chromium',
    tests: 'browser tests',
    missing: `${CHROMIUM} not found`,
    install: 'chromium',
    present: () => fs.existsSync(CHROMIUM),
  },
  libreoffice: {
    label: 'LibreOffice',
    tests: '.xlsx rendering tests',
    missing: 'libreoffice not on PATH',
    install: 'libreoffice-calc',
    present: () => onPath('libreoffice'),
  },
  pdftoppm: {
    label: 'pdftoppm',
    tests: '.xlsx rendering tests',
    missing: 'pdftoppm not on PATH',
    install: 'poppler-utils',
    present: () => onPath('pdftoppm'),
  },
};

const cache = {};
/** Whether the named prerequisite is installed (checked once per process). */
function have(name) {
  if (!(name in cache)) cache[name] = PREREQUISITES[name].present();
  return cache[name];
}

/** The marker a skipped suite carries in its title; the reporter reads it back. */
const MARK = ' [skipped: no ';

/**
 * `describe` when every named prerequisite is installed; otherwise `describe.skip` with a title
 * that names what is missing, so the closing lines can say why those tests did not run.
 */
function needs(...names) {
  const absent = names.filter((n) => !have(n));
  if (absent.length === 0) return describe;
  const why = absent.map((n) => PREREQUISITES[n].label).join(', ');
  return (title, fn) => describe.skip(`${title}${MARK}${why}]`, fn);
}

/** Installed-or-not for every prerequisite, for the closing lines. */
function missingPrerequisites() {
  return Object.keys(PREREQUISITES)
    .filter((n) => !have(n))
    .map((n) => ({ name: n, ...PREREQUISITES[n] }));
}

module.exports = { CHROMIUM, PREREQUISITES, MARK, have, needs, missingPrerequisites };

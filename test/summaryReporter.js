// The closing lines of a test run: the plain line CI reads ("tests: N passed, N failed"), then,
// when tests were skipped, which ones, why (the missing program, from test/prerequisites.js) and
// what to install for the full run.
const { MARK, missingPrerequisites } = require('./prerequisites');

/** Skipped tests grouped by the reason their suite's title carries ("Chromium", …). */
function skippedByReason(results) {
  const groups = new Map();
  for (const file of results.testResults) {
    for (const t of file.testResults) {
      if (t.status !== 'pending' && t.status !== 'skipped' && t.status !== 'todo') continue;
      const marked = t.ancestorTitles.find((a) => a.includes(MARK));
      const reason = marked ? marked.slice(marked.indexOf(MARK) + MARK.length, -1) : '';
      groups.set(reason, (groups.get(reason) || 0) + 1);
    }
  }
  return groups;
}

function closingLines(results) {
  const skipped = results.numPendingTests + results.numTodoTests;
  const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
  const lines = [
    `tests: ${results.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`,
  ];
  if (!skipped) return lines;
  const missing = missingPrerequisites();
  for (const [reason, n] of skippedByReason(results)) {
    const tests = `${n} test${n === 1 ? '' : 's'}`;
    if (!reason) {
      lines.push(`skipped: ${tests} left out by .skip or a -t filter (not a missing program)`);
      continue;
    }
    const labels = reason.split(', ');
    const which = missing.filter((m) => labels.includes(m.label));
    const what = which.length ? which[0].tests : 'tests';
    const detail = which.map((m) => `${m.missing}; apt-get install ${m.install}`).join('; ');
    lines.push(`skipped: ${tests} (${what}) because ${reason} is missing${detail ? ` (${detail})` : ''}`);
  }
  if (missing.length) {
    const pkgs = [...new Set(missing.map((m) => m.install))].join(' ');
    lines.push(
      `For the full run: sudo apt-get install ${pkgs} fonts-noto-cjk, or run .ci/run (README, "Running every test").`,
    );
  }
  return lines;
}

class SummaryReporter {
  onRunComplete(_contexts, results) {
    process.stdout.write(`\n${closingLines(results).join('\n')}\n`);
  }
}
module.exports = SummaryReporter;
module.exports.closingLines = closingLines;

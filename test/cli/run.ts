// Runs the CLI in-process as a shell would, capturing stdout/stderr and the JSON last line; puts
// back the TZ the CLI sets (it switches to the script zone) for the other test files in the worker.
import { main } from '../../cli/local';

const savedTz = process.env.TZ;
afterAll(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

/** The shell's language for messages given before a workbook is read: English unless a test says otherwise. */
const ENGLISH_SHELL: NodeJS.ProcessEnv = { LANG: 'C.UTF-8' };

export async function runCli(dist: string, argv: string[], cwd?: string, env: NodeJS.ProcessEnv = ENGLISH_SHELL) {
  let out = '';
  let err = '';
  const prev = process.cwd();
  if (cwd) process.chdir(cwd);
  try {
    const code = await main([...argv, '--dist', dist], { out: (s) => (out += s), err: (s) => (err += s) }, env);
    const lines = out.trimEnd().split('\n');
    return { code, out, err, json: JSON.parse(lines[lines.length - 1]) };
  } finally {
    if (cwd) process.chdir(prev);
  }
}

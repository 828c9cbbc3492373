// Runs the CLI in-process as a shell would, capturing stdout/stderr and the JSON last line; puts
// back the TZ the CLI sets (it switches to the script zone) for the other test files in the worker.
import { main } from '../../cli/local';

const savedTz = process.env.TZ;
afterAll(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

export async function runCli(dist: string, argv: string[], cwd?: string) {
  let out = '';
  let err = '';
  const prev = process.cwd();
  if (cwd) process.chdir(cwd);
  try {
    const code = await main([...argv, '--dist', dist], { out: (s) => (out += s), err: (s) => (err += s) });
    const lines = out.trimEnd().split('\n');
    return { code, out, err, json: JSON.parse(lines[lines.length - 1]) };
  } finally {
    if (cwd) process.chdir(prev);
  }
}

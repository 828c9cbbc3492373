// Bundles a Node tool (the CLI, the preview server) the way scripts/build.mjs does — CommonJS,
// packages external — so a test can run it as a separate process, as people do.
import path from 'node:path';
import * as esbuild from 'esbuild';

export const ROOT = path.resolve(__dirname, '..');

export async function bundleTool(entry: string, outfile: string): Promise<void> {
  await esbuild.build({
    entryPoints: [path.join(ROOT, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    logLevel: 'error',
  });
}

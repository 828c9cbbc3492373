// The `npm start` preview server as the browser tests run it: the bundled server on a free port,
// at the demo clock, answering once it prints its address.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM } from '../prerequisites';

const dist = path.resolve(__dirname, '../..', 'dist');
// A Wednesday morning in the sheet's zone: inside working hours, so SLA clocks run (preview/demo.ts's DEMO_CLOCK).
export const DEMO_NOW = '2026-03-04T10:00:00+08:00';

export interface PreviewServer {
  url: string;
  proc: ChildProcess;
  output: () => string;
}

/** Starts the bundled server `serverJs` on `workbook`; rejects if it exits or says nothing in 60 s. */
export function startPreviewServer(serverJs: string, workbook: string): Promise<PreviewServer> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [serverJs], {
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', WORKBOOK: workbook, DIST: dist, DEMO_NOW },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => {
      proc.kill();
      reject(new Error(`server did not start:\n${out}`));
    }, 60_000);
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1], proc, output: () => out });
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}):\n${out}`));
    });
  });
}

/** Debian's Chromium as every browser test drives it (the flags the developers' guide gives for headless runs). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

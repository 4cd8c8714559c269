/** Running the real command-line entries, as a user would, and temporary directories for their files. */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** tsx's loader by absolute URL, so commands run from any working directory. */
const TSX_LOADER = pathToFileURL(join(REPO_ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `src/cli/<script>` under Node with tsx, from `cwd` (the repository by default). */
export function runCli(script: string, args: readonly string[], cwd = REPO_ROOT): Promise<RunResult> {
  return new Promise((resolvePromise) => {
    execFile(process.execPath, ['--import', TSX_LOADER, join(REPO_ROOT, 'src/cli', script), ...args], { cwd, env: { ...process.env, NODE_NO_WARNINGS: '1' } }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
      resolvePromise({ code, stdout, stderr });
    });
  });
}

/** A fresh temporary directory; removed by the returned cleanup. */
export function tempDir(prefix = 'safety-card-'): { path: string; cleanup: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, cleanup: () => rmSync(path, { recursive: true, force: true }) };
}

/** Copies a directory tree into a fresh temporary directory. */
export function copyToTemp(source: string): { path: string; cleanup: () => void } {
  const dir = tempDir();
  cpSync(source, dir.path, { recursive: true });
  return dir;
}

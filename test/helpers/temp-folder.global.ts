import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Every test's temporary folders (os.tmpdir(), which reads TMPDIR) go into one folder made
 * for the run and removed after it: tests make hundreds of folders, and a run killed or a
 * test that forgets to clean up would otherwise leave them in the machine's /tmp.
 */
export function setup(): () => void {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'entente-test-run-'));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = folder;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(folder, { recursive: true, force: true });
  };
}

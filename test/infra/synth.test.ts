import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../infra/constructs/defaults.js';
import { removeOutdir, tempOutdir } from './support.js';

/**
 * `npx cdk synth --quiet`, as a user or CI runs it: cdk.json's app (tsx infra/app.ts),
 * local esbuild, cdk-nag at synth time. Nothing here needs the network, AWS credentials
 * or Docker; the child gets no credentials and an unreachable proxy, so a lookup would fail.
 */
describe('npx cdk synth --quiet', () => {
  let outdir: string;
  let result: ReturnType<typeof spawnSync>;
  let seconds: number;

  beforeAll(() => {
    outdir = tempOutdir();
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const key of Object.keys(env)) if (/^AWS_|^CDK_/.test(key)) delete env[key];
    Object.assign(env, {
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_SHARED_CREDENTIALS_FILE: path.join(outdir, 'no-credentials'),
      AWS_CONFIG_FILE: path.join(outdir, 'no-config'),
      HTTPS_PROXY: 'http://127.0.0.1:9',
      HTTP_PROXY: 'http://127.0.0.1:9',
      NO_PROXY: '',
      CDK_DISABLE_VERSION_CHECK: '1',
    });
    const started = performance.now();
    result = spawnSync('npx', ['cdk', 'synth', '--quiet', '--output', outdir], { cwd: REPO_ROOT, env, encoding: 'utf8', timeout: 170_000 });
    seconds = (performance.now() - started) / 1000;
  }, 180_000);
  afterAll(() => removeOutdir(outdir));

  it('succeeds offline', () => {
    expect(result.error).toBeUndefined();
    expect(result.status, `${String(result.stdout)}\n${String(result.stderr)}`).toBe(0);
    console.info(`npx cdk synth --quiet: ${seconds.toFixed(1)} s`);
  });

  it('writes the Entente-prod template and a validation report with no violation', () => {
    expect(existsSync(path.join(outdir, 'Entente-prod.template.json'))).toBe(true);
    const report = JSON.parse(readFileSync(path.join(outdir, 'validation-report.json'), 'utf8')) as { pluginReports: { violations?: unknown[] }[] };
    expect(report.pluginReports.flatMap((plugin) => plugin.violations ?? [])).toEqual([]);
  });

  it('bundles both handlers into minified ES modules with source maps', () => {
    const assets = JSON.parse(readFileSync(path.join(outdir, 'Entente-prod.assets.json'), 'utf8')) as {
      files: Record<string, { displayName?: string; source: { path: string } }>;
    };
    // Each holds the modules it loads only when needed (LAZY_MODULES in infra/constructs/defaults.ts): normalise its readers, publish its fusing thread.
    const expected: Record<string, string[]> = {
      'Normalise/Normalise/Function/Code': ['html-dom.js', 'html-dom.js.map', 'index.mjs', 'index.mjs.map', 'language-model.js', 'language-model.js.map', 'package.json'],
      'Publisher/Publish/Function/Code': ['index.mjs', 'index.mjs.map', 'package.json', 'publish-thread.js', 'publish-thread.js.map'],
    };
    for (const [name, files] of Object.entries(expected)) {
      const asset = Object.values(assets.files).find((file) => file.displayName === name);
      expect(asset, name).toBeDefined();
      expect(readdirSync(path.join(outdir, asset!.source.path)).sort()).toEqual(files);
    }
  });
});

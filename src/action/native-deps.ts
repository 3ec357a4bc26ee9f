import { execa } from 'execa';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../core/package-info.js';
import type { GateId } from '../core/types.js';

// ast-grep ships a native addon per platform: it cannot be bundled into dist/action.js, and
// the Action runs from a checkout with no node_modules. Install it on first use instead.
const NATIVE: Partial<Record<GateId, string[]>> = { sast: ['@ast-grep/napi', '@ast-grep/lang-python'] };

export async function ensureNativeDependencies(gates: readonly GateId[], log: (message: string) => void): Promise<void> {
  const wanted = [...new Set(gates.flatMap((g) => NATIVE[g] ?? []))];
  const require = createRequire(join(packageRoot(), 'dist', 'action.js'));
  const missing = wanted.filter((name) => {
    try {
      require.resolve(name);
      return false;
    } catch {
      return true;
    }
  });
  if (missing.length === 0) return;
  const root = packageRoot();
  const versions = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies;
  const specs = missing.map((name) => `${name}@${versions[name] ?? 'latest'}`);
  log(`wfo-gate: installing ${specs.join(' ')} (native code the sast gate needs)`);
  // Install into a scratch project, then link the packages where dist/ resolves them, so the
  // action's own package.json is never installed wholesale.
  const scratch = mkdtempSync(join(tmpdir(), 'wfo-gate-native-'));
  writeFileSync(join(scratch, 'package.json'), '{"private":true}');
  await execa('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error', ...specs], { cwd: scratch, stdio: 'inherit' });
  // Everything they pull in lives under @ast-grep/ (the addon, its platform binary, the grammar).
  const installed = join(scratch, 'node_modules', '@ast-grep');
  const target = join(root, 'node_modules', '@ast-grep');
  mkdirSync(target, { recursive: true });
  for (const name of readdirSync(installed)) {
    if (!existsSync(join(target, name))) symlinkSync(join(installed, name), join(target, name), 'dir');
  }
}

import { createRequire } from 'node:module';
import type { SastLanguage } from './rule.js';

type Napi = typeof import('@ast-grep/napi');

const EXTENSION_LANGUAGE: Record<string, SastLanguage> = {
  js: 'javascript',
  jsx: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  ts: 'typescript',
  mts: 'typescript',
  cts: 'typescript',
  tsx: 'tsx',
  py: 'python',
};

/** The grammar for a path, or undefined when SAST does not read that kind of file. */
export function languageFor(path: string): SastLanguage | undefined {
  const dot = path.lastIndexOf('.');
  if (dot < 0 || dot < path.lastIndexOf('/')) return undefined;
  return EXTENSION_LANGUAGE[path.slice(dot + 1).toLowerCase()];
}

let napi: Napi | undefined;

/**
 * ast-grep with Python registered. Loaded on first use so that only runs of this gate pay for
 * the native addon; @ast-grep/lang-python is CommonJS, hence createRequire.
 */
export function astGrep(): Napi {
  if (napi) return napi;
  const require = createRequire(import.meta.url);
  const loaded = require('@ast-grep/napi') as Napi;
  loaded.registerDynamicLanguage({ python: require('@ast-grep/lang-python') });
  napi = loaded;
  return loaded;
}

const NAPI_NAME = { javascript: 'JavaScript', typescript: 'TypeScript', tsx: 'Tsx' } as const;

/** The value ast-grep's parse functions take for a language. */
export function napiLang(language: SastLanguage): Parameters<Napi['parse']>[0] {
  return language === 'python' ? 'python' : astGrep().Lang[NAPI_NAME[language]];
}

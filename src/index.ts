// The library API: the same pieces the CLI, the hooks and the Action use.
export * from './core/types.js';
export { loadConfig, resolveConfig } from './core/config.js';
export { memoryScope } from './core/memory-scope.js';
export { fingerprint } from './core/fingerprint.js';

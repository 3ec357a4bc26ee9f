import { SecretEngine } from './engine.js';
import { redact } from './redact.js';
import { builtinRules } from './rules/index.js';

let engine: SecretEngine | undefined;

/**
 * `text` with every secret the built-in rules find replaced by its redacted preview
 * (`ghp_…(40 chars)`). For messages, not files: loaded through src/core/redact-message.ts only
 * when there is a message to show, so a run with nothing to report never builds this engine.
 */
export function redactSecrets(text: string): string {
  engine ??= new SecretEngine(builtinRules, { checked: true });
  const matches = engine.scan(text).sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const m of matches) {
    if (m.start < at) continue;
    out += text.slice(at, m.start) + redact(m.secret);
    at = m.end;
  }
  return out + text.slice(at);
}

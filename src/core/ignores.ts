import type { GateId, Suppression } from './types.js';

/** Markers of the peers that we honour, and the gates they speak for. */
const PEER_MARKERS: { pattern: RegExp; gates: GateId[]; by: string }[] = [
  { pattern: /gitleaks:allow/, gates: ['secrets'], by: 'gitleaks:allow' },
  { pattern: /pragma:\s*allowlist[ -]secret/, gates: ['secrets'], by: 'pragma: allowlist secret' },
  { pattern: /\bnosemgrep\b/, gates: ['sast'], by: 'nosemgrep' },
  { pattern: /#\s*nosec\b/, gates: ['sast'], by: '# nosec' },
];

const OWN_MARKER = /wfo-gate-ignore(?::|\s)\s*([\w.\-/*,]+)?(?:\s+(.*?))?\s*(?:\*\/|-->|$)/;

/**
 * Looks for an ignore marker on the finding's line or the line above.
 * `lines` are the file's lines (0-based array), `line` is 1-based.
 */
export function inlineSuppression(
  lines: readonly string[],
  line: number,
  gate: GateId,
  ruleId: string,
): Suppression | undefined {
  for (const candidate of [lines[line - 1], lines[line - 2]]) {
    if (candidate === undefined) continue;
    const found = markerOn(candidate, gate, ruleId);
    if (found) return found;
  }
  return undefined;
}

/** Markers are looked for in the first this many characters of a line (a minified line can be megabytes). */
export const MARKER_CHARS = 4096;

function markerOn(text: string, gate: GateId, ruleId: string): Suppression | undefined {
  if (text.length > MARKER_CHARS) text = text.slice(0, MARKER_CHARS);
  const own = OWN_MARKER.exec(text);
  if (own) {
    const ids = (own[1] ?? '').split(',').filter(Boolean);
    if (ids.some((id) => id === ruleId || id === gate || id === '*')) {
      return { kind: 'inline', by: `wfo-gate-ignore: ${ids.join(',')}`, reason: own[2]?.trim() || undefined };
    }
  }
  for (const marker of PEER_MARKERS) {
    if (marker.gates.includes(gate) && marker.pattern.test(text)) return { kind: 'inline', by: marker.by };
  }
  return undefined;
}

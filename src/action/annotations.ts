import { bySeverityDesc } from '../core/severity.js';
import type { Finding, Report } from '../core/types.js';

export interface Annotation {
  kind: 'error' | 'warning';
  message: string;
  title: string;
  file: string;
  startLine: number;
  endLine?: number;
  startColumn?: number;
}

// GitHub shows at most 10 error and 10 warning annotations per step and drops the rest
// silently: emit the most severe and say how many more there were.
export const ANNOTATION_LIMIT = { error: 10, warning: 10 } as const;

export interface AnnotationPlan {
  annotations: Annotation[];
  /** Findings that qualified but were over the limit. */
  omitted: number;
}

export function planAnnotations(report: Report, mode: 'changed-lines' | 'all' | 'none'): AnnotationPlan {
  if (mode === 'none') return { annotations: [], omitted: 0 };
  const candidates = report.gates
    .flatMap((g) => g.findings)
    .filter((f): f is Finding & { file: string } => Boolean(f.file))
    .filter((f) => mode === 'all' || f.isNew !== false)
    .sort((a, b) => Number(b.blocking ?? false) - Number(a.blocking ?? false) || bySeverityDesc(a, b));
  const used = { error: 0, warning: 0 };
  const annotations: Annotation[] = [];
  let omitted = 0;
  for (const f of candidates) {
    const kind = f.blocking ? 'error' : 'warning';
    if (used[kind] >= ANNOTATION_LIMIT[kind]) {
      omitted++;
      continue;
    }
    used[kind]++;
    annotations.push({
      kind,
      title: `wfo-gate ${f.gate}: ${f.ruleId}`,
      message: [f.preview ? `${f.message} (${f.preview})` : f.message, f.fix ? `Fix: ${f.fix}` : ''].filter(Boolean).join('\n'),
      file: f.file,
      startLine: f.line ?? f.ranges?.[0]?.start ?? 1,
      ...(f.endLine ? { endLine: f.endLine } : f.ranges?.[0] && !f.line ? { endLine: f.ranges[0].end } : {}),
      ...(f.column ? { startColumn: f.column } : {}),
    });
  }
  return { annotations, omitted };
}

import type { Report } from '../core/types.js';

/** The public JSON report (schemas/report.schema.json): the Report as it is, nothing renamed. */
export function renderJson(report: Report): string {
  return JSON.stringify(report, null, 2) + '\n';
}

// Ledger files and Claude Code transcript lines shaped exactly like the real ones.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { localDayOf, testNow } from '../helpers/clock.js';

export const WORKFLOW_DAILY = { inference: { claude: 0.45, deepseek: 0.02 }, compute: { runpod: 0 }, total: 0.47 };
export const WORKFLOW_MTD = {
  month: '2026-11',
  budget: 100,
  categories: { inference: 12.1, compute: 0.3 },
  total: 12.4,
  remaining: 87.6,
  percent_used: 12.4,
};
export const WORKFLOW_BUDGET = {
  budgets: {
    daily: { soft_limit: 5.0, hard_limit: 7.5, alert_threshold: 0.8 },
    weekly: { soft_limit: 25.0, hard_limit: 35.0, alert_threshold: 0.8 },
    monthly: { soft_limit: 100.0, hard_limit: 150.0, alert_threshold: 0.8 },
  },
  cost_controls: { auto_switch_models: true, block_on_limit: false, emergency_mode_threshold: 0.95 },
  notifications: { email: 'alerts@example.invalid', slack_webhook: 'https://hooks.example.invalid/...', alert_frequency: 'once_per_threshold' },
};
export const WORKFLOW_FEATURE_LINES = [
  { feature: 'X', cost: 1.23 },
  { feature: 'auth-flow', cost: 1.23, date: '2026-11-20T10:15:00+00:00' },
  {
    feature: 'search',
    date: '2026-11-21T09:00:00.000000',
    costs: { development_hours: 0, llm_tokens: 120000, llm_cost: 0.9, infrastructure: 0.1, total: 1.0 },
    roi_metrics: { users_impacted: 10, revenue_impact: 0, cost_per_user: 0.1 },
  },
  { task: 'research', topic: 'vector stores', cost: 0.12 },
];

export function writeLedger(dir: string, files: Record<string, unknown>): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    const text = name.endsWith('.jsonl') ? (content as unknown[]).map((l) => JSON.stringify(l)).join('\n') + '\n' : JSON.stringify(content, null, 2);
    writeFileSync(join(dir, name), text);
  }
}

/** The local day of `date`, by default the suite's pinned today. */
export function localDay(date = testNow()): string {
  return localDayOf(date);
}

interface AssistantLine {
  messageId: string;
  requestId?: string;
  model?: string;
  timestamp: string;
  cwd: string;
  gitBranch?: string;
  isSidechain?: boolean;
  sessionId?: string;
  usage: {
    input_tokens: number;
    output_tokens: number;
    cache_creation_input_tokens?: number;
    cache_read_input_tokens?: number;
    cache_creation?: { ephemeral_5m_input_tokens: number; ephemeral_1h_input_tokens: number };
  };
  block?: 'thinking' | 'text' | 'tool_use';
}

/** One transcript line of an assistant message, as Claude Code writes it (one per content block). */
export function assistantLine(a: AssistantLine): string {
  const content =
    a.block === 'tool_use'
      ? [{ type: 'tool_use', id: `toolu_${a.messageId.slice(4)}`, name: 'Read', input: { file_path: `${a.cwd}/src/index.ts` } }]
      : a.block === 'thinking'
        ? [{ type: 'thinking', thinking: 'Looking at the file first.', signature: 'EuEDCkYICxgCKkDy' }]
        : [{ type: 'text', text: 'Done.' }];
  return JSON.stringify({
    parentUuid: 'a1b2c3d4-0000-4000-8000-000000000001',
    isSidechain: a.isSidechain ?? false,
    userType: 'external',
    cwd: a.cwd,
    sessionId: a.sessionId ?? '3f1c2a9e-5b7d-4e21-9c0a-7d6e5f4a3b21',
    version: '2.1.37',
    gitBranch: a.gitBranch ?? 'main',
    message: {
      id: a.messageId,
      type: 'message',
      role: 'assistant',
      model: a.model ?? 'claude-sonnet-4-5-20250929',
      content,
      stop_reason: a.block === 'tool_use' ? 'tool_use' : null,
      stop_sequence: null,
      usage: { ...a.usage, service_tier: 'standard' },
    },
    requestId: a.requestId,
    type: 'assistant',
    uuid: `u-${a.messageId}-${a.block ?? 'text'}-${a.usage.output_tokens}`,
    timestamp: a.timestamp,
  });
}

export function userLine(cwd: string, timestamp: string, text: string): string {
  return JSON.stringify({
    parentUuid: null,
    isSidechain: false,
    userType: 'external',
    cwd,
    sessionId: '3f1c2a9e-5b7d-4e21-9c0a-7d6e5f4a3b21',
    version: '2.1.37',
    gitBranch: 'main',
    type: 'user',
    message: { role: 'user', content: text },
    uuid: `u-user-${timestamp}`,
    timestamp,
  });
}

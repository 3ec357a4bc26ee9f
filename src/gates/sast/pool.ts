import { Worker } from 'node:worker_threads';
import type { LanguageMatcher } from './catalogue.js';
import type { RuleHit } from './engine.js';
import type { SastLanguage, SastRule } from './rule.js';
import type { FileMatch } from './scan.js';

type HitRecord = Omit<RuleHit, 'rule'> & { rule: string };
type Reply = { id: number; hits?: HitRecord[]; unparsable?: boolean; error?: string };
type Job = { resolve: (match: FileMatch) => void; reject: (error: Error) => void; worker: Slot };
type Slot = { worker: Worker; pending: number; failed?: Error };

/**
 * Worker threads (scan.worker.ts) that each compile the catalogue once, then parse and match the
 * files they are sent, replying with hits that name their rule by id. A file goes to the worker
 * with the fewest files pending. A worker that fails or exits rejects its pending files and takes
 * no more; one rejected file ends the scan, so the gate errors rather than passing files nobody checked.
 */
export class SastPool {
  private readonly slots: Slot[];
  private readonly jobs = new Map<number, Job>();
  private readonly byId: Map<string, SastRule>;
  private next = 0;

  constructor(script: string, threads: number, rules: readonly SastRule[], languages: SastLanguage[]) {
    this.byId = new Map(rules.map((rule) => [rule.id, rule]));
    this.slots = Array.from({ length: threads }, () => {
      const slot: Slot = { worker: new Worker(script, { workerData: { rules, languages } }), pending: 0 };
      slot.worker.on('message', (reply: Reply) => this.settle(reply));
      slot.worker.on('error', (error) => this.fail(slot, new Error(`a SAST worker failed: ${error.message}`)));
      slot.worker.on('exit', (code) => this.fail(slot, new Error(`a SAST worker exited with code ${code}`)));
      return slot;
    });
  }

  match(matcher: LanguageMatcher, content: Buffer): Promise<FileMatch> {
    const slot = this.slots.reduce((best, s) => (s.failed === undefined && (best.failed !== undefined || s.pending < best.pending) ? s : best));
    if (slot.failed) return Promise.reject(slot.failed);
    const id = this.next++;
    slot.pending++;
    return new Promise<FileMatch>((resolve, reject) => {
      this.jobs.set(id, { resolve, reject, worker: slot });
      slot.worker.postMessage({ id, language: matcher.language, content });
    });
  }

  async close(): Promise<void> {
    for (const slot of this.slots) slot.failed ??= new Error('the SAST workers were stopped');
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private settle(reply: Reply): void {
    const job = this.jobs.get(reply.id);
    if (!job) return;
    this.jobs.delete(reply.id);
    job.worker.pending--;
    if (reply.error !== undefined) return job.reject(new Error(`a SAST worker failed: ${reply.error}`));
    try {
      const hits = reply.hits!.map((hit) => {
        const rule = this.byId.get(hit.rule);
        if (!rule) throw new Error(`a SAST worker named an unknown rule ${hit.rule}`);
        return { ...hit, rule };
      });
      job.resolve({ hits, unparsable: reply.unparsable === true });
    } catch (error) {
      job.reject(error as Error);
    }
  }

  private fail(slot: Slot, error: Error): void {
    slot.failed ??= error;
    for (const [id, job] of this.jobs) {
      if (job.worker !== slot) continue;
      this.jobs.delete(id);
      job.reject(slot.failed);
    }
  }
}

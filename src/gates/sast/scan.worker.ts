import { parentPort, workerData } from 'node:worker_threads';
import { compileCatalogue } from './catalogue.js';
import { astGrep, napiLang } from './languages.js';
import { matchFile } from './scan.js';
import type { SastLanguage, SastRule } from './rule.js';

// A worker of a large scan: it compiles the catalogue once, then parses and matches each file
// it is sent and replies with plain hit records naming rules by id.
const { rules, languages } = workerData as { rules: SastRule[]; languages: SastLanguage[] };
const matchers = compileCatalogue(rules, new Set(languages), false);

parentPort!.on('message', async (job: { id: number; language: SastLanguage; content: Uint8Array }) => {
  try {
    const text = Buffer.from(job.content.buffer, job.content.byteOffset, job.content.byteLength).toString('utf8');
    const matcher = matchers.get(job.language)!;
    const result = await matchFile(matcher, text, (source) => astGrep().parse(napiLang(job.language), source));
    parentPort!.postMessage({ id: job.id, ...result, hits: result.hits.map(({ rule, ...hit }) => ({ ...hit, rule: rule.id })) });
  } catch (error) {
    parentPort!.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) });
  }
});

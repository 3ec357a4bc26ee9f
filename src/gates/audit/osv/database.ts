import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { syntaxErrorMessage } from '../../../core/redact-message.js';
import type { Ecosystem } from '../types.js';
import { normalizePackageName } from '../versions/index.js';
import { affectedEcosystem, type OsvAffected, type OsvRecord } from './record.js';
import { ZipFormatError, zipEntries } from './zip.js';

export interface IndexedAffected {
  record: OsvRecord;
  affected: OsvAffected;
}

/**
 * OSV records indexed by (ecosystem, normalised package name), so matching a lockfile costs one
 * lookup per package rather than a scan of the database. Withdrawn records are left out.
 */
export class OsvIndex {
  private readonly byPackage = new Map<string, IndexedAffected[]>();
  private readonly byId = new Map<string, OsvRecord>();
  records = 0;
  withdrawn = 0;

  add(record: OsvRecord): void {
    if (record.withdrawn) {
      this.withdrawn++;
      return;
    }
    this.records++;
    for (const id of [record.id, ...(Array.isArray(record.aliases) ? record.aliases : [])]) {
      if (!this.byId.has(id)) this.byId.set(id, record);
    }
    for (const affected of Array.isArray(record.affected) ? record.affected : []) {
      const ecosystem = affectedEcosystem(affected);
      const name = affected.package?.name;
      if (!ecosystem || typeof name !== 'string') continue;
      const key = packageKey(ecosystem, name);
      const list = this.byPackage.get(key);
      if (list) list.push({ record, affected });
      else this.byPackage.set(key, [{ record, affected }]);
    }
  }

  lookup(ecosystem: Ecosystem, name: string): readonly IndexedAffected[] {
    return this.byPackage.get(packageKey(ecosystem, name)) ?? [];
  }

  /** A record by its id or one of its aliases (to give pip-audit's findings a severity). */
  byIdOrAlias(id: string): OsvRecord | undefined {
    return this.byId.get(id);
  }
}

function packageKey(ecosystem: Ecosystem, name: string): string {
  return `${ecosystem}\0${normalizePackageName(ecosystem, name)}`;
}

export class OsvDatabaseError extends Error {}

const PARALLEL_READS = 64;

/** Loads every `*.json` record under a folder (recursively) or inside a zip. */
export async function loadOsvDatabase(location: string): Promise<OsvIndex> {
  let info;
  try {
    info = await stat(location);
  } catch {
    throw new OsvDatabaseError(`osvDatabase ${location} does not exist: point it at a folder or zip of OSV records`);
  }
  const index = new OsvIndex();
  if (info.isDirectory()) {
    const files = await jsonFilesUnder(location);
    // Many small files: keep a few dozen reads in flight rather than one at a time.
    for (let i = 0; i < files.length; i += PARALLEL_READS) {
      const batch = files.slice(i, i + PARALLEL_READS);
      const contents = await Promise.all(batch.map((file) => readFile(file)));
      contents.forEach((content, j) => addParsed(index, content, batch[j]!));
    }
  } else {
    let entries;
    try {
      entries = zipEntries(await readFile(location));
    } catch (error) {
      if (error instanceof ZipFormatError) throw new OsvDatabaseError(`osvDatabase ${location}: ${error.message}`);
      throw error;
    }
    for (const entry of entries) if (entry.name.endsWith('.json')) addParsed(index, entry.read(), `${location}:${entry.name}`);
  }
  return index;
}

function addParsed(index: OsvIndex, content: Buffer, where: string): void {
  let record: unknown;
  const text = content.toString('utf8');
  try {
    record = JSON.parse(text);
  } catch (error) {
    throw new OsvDatabaseError(`${where} is not valid JSON (${syntaxErrorMessage(error, text)}); remove or re-download it`);
  }
  if (typeof record !== 'object' || record === null || typeof (record as OsvRecord).id !== 'string') {
    throw new OsvDatabaseError(`${where} is not an OSV record (no "id"); keep only OSV JSON files in osvDatabase`);
  }
  index.add(record as OsvRecord);
}

async function jsonFilesUnder(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await jsonFilesUnder(path)));
    else if (entry.isFile() && entry.name.endsWith('.json')) found.push(path);
  }
  return found;
}

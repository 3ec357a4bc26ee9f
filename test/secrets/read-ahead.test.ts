import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gateWorkerScript } from '../../src/core/package-info.js';
import { KeywordIndex } from '../../src/gates/secrets/keyword-index.js';
import { ReadAhead } from '../../src/gates/secrets/read-ahead.js';
import { tempDir } from '../helpers/repo.js';

const KEYWORDS = ['token', 'secret', 'ghp_'];

describe('the reading thread', () => {
  const script = gateWorkerScript('secrets', 'read-ahead');

  it('is built with the gate', () => {
    expect(script).toBeDefined();
  });

  it('reads a batch into one buffer, with each text file’s keyword occurrences as this thread finds them', async () => {
    const root = tempDir('wfo-read-ahead-');
    mkdirSync(join(root, 'src'));
    const texts: Record<string, string> = {
      'src/a.ts': 'const token = lookup("secret");\n',
      'src/b.ts': 'no keywords here\n',
      'src/c.ts': `${'pad '.repeat(300_000)}SECRET and ghp_ at the end`,
    };
    for (const [path, text] of Object.entries(texts)) writeFileSync(join(root, path), text);
    writeFileSync(join(root, 'src/image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]));
    symlinkSync(join(root, 'src/a.ts'), join(root, 'src/link.ts'));
    const reader = new ReadAhead(script!, { root, maxFileSize: 1 << 30, keywords: KEYWORDS }, () => {});
    try {
      // A small buffer handed back for reuse: the reading thread must grow it for c.ts.
      reader.request(['src/a.ts', 'src/image.png', 'src/gone.ts', 'src/link.ts', 'src/b.ts', 'src/c.ts'], new ArrayBuffer(16));
      const reply = await reader.next();
      expect(reply.files.map((f) => [f.path, f.kind])).toEqual([
        ['src/a.ts', 'text'],
        ['src/image.png', 'binary'],
        ['src/link.ts', 'symlink'],
        ['src/b.ts', 'text'],
        ['src/c.ts', 'text'],
      ]);
      const index = new KeywordIndex(KEYWORDS.map((k) => [k]));
      for (const file of reply.files) {
        if (file.kind !== 'text') continue;
        const bytes = Buffer.from(reply.buffer, file.start, file.length);
        expect(bytes.toString('latin1')).toBe(texts[file.path]);
        const count = index.scan(bytes);
        expect(file.count).toBe(count);
        expect([...reply.keywordIds.subarray(file.from, file.from + count)]).toEqual([...index.keywordIds.subarray(0, count)]);
        expect([...reply.endOffsets.subarray(file.from, file.from + count)]).toEqual([...index.endOffsets.subarray(0, count)]);
      }
      expect(reply.files.find((f) => f.path === 'src/a.ts')).toMatchObject({ count: 2 });
    } finally {
      await reader.close();
    }
  });

  it('reports a thread that cannot start as a failure, not as an empty batch', async () => {
    const reader = new ReadAhead(join(tempDir('wfo-read-ahead-missing-'), 'nothing.js'), { root: '/', maxFileSize: 1, keywords: KEYWORDS }, () => {});
    reader.request(['a.ts']);
    await expect(reader.next()).rejects.toThrow(/reading thread/);
    await reader.close();
  });
});

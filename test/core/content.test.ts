import { describe, expect, it } from 'vitest';
import { ContentLines, splitLines } from '../../src/core/content.js';

describe('ContentLines', () => {
  const samples: Buffer[] = [
    Buffer.from(''),
    Buffer.from('one line, no newline'),
    Buffer.from('a\nb\n'),
    Buffer.from('crlf\r\nline two\r\n\r\nlast\r'),
    Buffer.from('über\nnaïve → 😀\n\n  tail'),
    Buffer.from([0x61, 0xe2, 0x82, 0x0a, 0x80, 0xbf, 0x0d, 0x0a, 0xf0, 0x9f]), // cut and stray UTF-8
  ];

  it('gives the lines splitLines gives of the decoded text, and undefined past them', () => {
    for (const content of samples) {
      const expected = splitLines(content.toString('utf8'));
      const lines = new ContentLines(content);
      expect(expected.map((_, i) => lines.line(i + 1))).toEqual(expected);
      expect([lines.line(0), lines.line(expected.length + 1)]).toEqual([undefined, undefined]);
    }
  });

  it('decodes a line only up to maxChars, cut as slicing the whole line would', () => {
    const long = 'é😀a'.repeat(5000);
    const lines = new ContentLines(Buffer.from(`short\n${long}\n`));
    expect(lines.line(2, 4096)).toBe(long.slice(0, 4096));
    expect(lines.line(1, 4096)).toBe('short');
  });

  it('puts a line and the one above at their indexes, for inline markers', () => {
    const lines = new ContentLines(Buffer.from('a\nb\nc\n'));
    const near = lines.around(3);
    expect([near.length, near[1], near[2], 0 in near]).toEqual([3, 'b', 'c', false]);
    expect(lines.around(1)).toEqual(['a']);
  });
});

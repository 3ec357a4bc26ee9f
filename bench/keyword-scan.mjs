#!/usr/bin/env node
// The secrets engine's keyword pass alone: the built-in rules' keyword automaton over every file
// of a tree, read as bytes (the WebAssembly scanner, byte-scanner.ts) and as latin1 text (the
// JavaScript loop the engine keeps for strings, and for runtimes without WebAssembly), rounds
// interleaved. Both must find the same occurrences.
// Usage: node bench/keyword-scan.mjs [--tree DIR] [--rounds 5]
// (default tree: this project's node_modules; the issue #15 tree is the one to quote)
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median } from './lib.mjs';
import { ruleKeywords } from './lib/rule-keywords.mjs';

const root = new URL('..', import.meta.url).pathname;
const option = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : process.argv[i + 1];
};
const tree = option('tree', join(root, 'node_modules'));
const rounds = Number(option('rounds', 5));

const outfile = join(mkdtempSync(join(tmpdir(), 'wfo-keyword-scan-')), 'keyword-index.mjs');
await build({ entryPoints: [join(root, 'src/gates/secrets/keyword-index.ts')], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'warning' });
const { KeywordIndex } = await import(outfile);

const files = [];
let bytes = 0;
(function walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (entry.isFile()) {
      const content = readFileSync(path);
      files.push({ content, text: content.toString('latin1') });
      bytes += content.length;
    }
  }
})(tree);

const keywords = [...new Set((await ruleKeywords(root)).map((k) => k.toLowerCase()))];
const index = new KeywordIndex(keywords.map((k) => [k]));
const pass = (input) => {
  let occurrences = 0;
  const started = performance.now();
  for (const file of files) occurrences += index.scan(file[input]);
  return { ms: performance.now() - started, occurrences };
};
const times = { content: [], text: [] };
const found = {};
for (let round = 0; round < rounds; round++) {
  for (const input of ['content', 'text']) {
    const { ms, occurrences } = pass(input);
    times[input].push(ms);
    found[input] = occurrences;
  }
}
if (found.content !== found.text) throw new Error(`bytes found ${found.content} occurrences, text ${found.text}`);
const mb = bytes / 1e6;
console.log(`${files.length} files, ${mb.toFixed(1)} MB from ${tree}; ${keywords.length} keywords; ${found.text} occurrences either way`);
console.log('| keyword pass | median ms | MB/s |');
console.log('| --- | --- | --- |');
for (const [input, label] of [['content', 'bytes (WebAssembly)'], ['text', 'latin1 text (JavaScript)']]) {
  const ms = median(times[input]);
  console.log(`| ${label} | ${ms.toFixed(0)} | ${(mb / (ms / 1000)).toFixed(0)} |`);
}
console.log(`bytes / text: ${(median(times.text) / median(times.content)).toFixed(2)}x faster, ${rounds} interleaved rounds`);

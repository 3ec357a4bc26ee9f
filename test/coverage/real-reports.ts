// Produces real coverage reports by running the real tools on small fixture projects, so the
// parsers are tested on what those tools write today, not on hand-written samples.
import { TOOLS } from '../helpers/tools.js';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PROJECT_ROOT } from '../helpers/repo.js';

export const MATH_JS = `export function add(a, b) {
  return a + b;
}

export function clamp(x, lo, hi) {
  if (x < lo) {
    return lo;
  }
  if (x > hi) {
    return hi;
  }
  return x;
}

export function unused(n) {
  const doubled = n * 2;
  return doubled + 1;
}
`;

const MATH_TEST = `import { test, expect } from 'vitest';
import { add, clamp } from '../src/math.js';
test('add', () => { expect(add(1, 2)).toBe(3); });
test('clamp', () => { expect(clamp(-1, 0, 5)).toBe(0); expect(clamp(3, 0, 5)).toBe(3); });
`;

export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
}

/** A clean environment for child tools: no vitest worker variables of the running suite. */
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('VITEST') && k !== 'NODE_OPTIONS' && k !== 'TEST') env[k] = v;
  return env;
}

/**
 * vitest + @vitest/coverage-v8 on a two-function fixture, with the json, json-summary, lcov and
 * cobertura reporters: writes `<dir>/coverage/{coverage-final.json,coverage-summary.json,lcov.info,cobertura-coverage.xml}`.
 */
export function runVitestCoverage(dir: string, files: Record<string, string> = { 'src/math.js': MATH_JS, 'test/math.test.js': MATH_TEST }): string {
  writeFiles(dir, { 'package.json': '{"type":"module"}\n', ...files });
  execFileSync(
    process.execPath,
    [
      join(PROJECT_ROOT, 'node_modules/vitest/vitest.mjs'),
      'run',
      '--root', dir,
      '--coverage.enabled', '--coverage.provider=v8', '--coverage.include=src/**',
      '--coverage.reporter=json', '--coverage.reporter=json-summary', '--coverage.reporter=lcov', '--coverage.reporter=cobertura',
    ],
    { cwd: dir, env: childEnv(), stdio: 'pipe' },
  );
  return join(dir, 'coverage');
}

/** Node's own test runner writing lcov: `<dir>/node-lcov.info`. Sources are in `files`. */
export function runNodeTestLcov(dir: string, files: Record<string, string>, testFiles: string[], out = 'lcov.info'): string {
  writeFiles(dir, { 'package.json': '{"type":"module"}\n', ...files });
  execFileSync(
    process.execPath,
    ['--test', '--experimental-test-coverage', '--test-reporter=lcov', `--test-reporter-destination=${out}`, ...testFiles],
    { cwd: dir, env: childEnv(), stdio: 'pipe' },
  );
  return join(dir, out);
}

/** The source the committed coverage.py fixture was made from: one copy for live runs and the fixture. */
export const CALC_PY = readFileSync(join(import.meta.dirname, 'fixtures/coverage-py/pkg/calc.py'), 'utf8');

/** coverage.py (Debian's python3-coverage) with --branch: `<dir>/coverage.json` and `<dir>/coverage.xml`. */
export function runCoveragePy(dir: string): { json: string; xml: string } {
  writeFiles(dir, {
    'pkg/__init__.py': '',
    'pkg/calc.py': CALC_PY,
    'test_calc.py': 'from pkg.calc import add, clamp\nassert add(1, 2) == 3\nassert clamp(-1, 0, 5) == 0\n',
  });
  const run = (...args: string[]) => execFileSync('python3-coverage', args, { cwd: dir, env: childEnv(), stdio: 'pipe' });
  run('run', '--branch', '--source=pkg', 'test_calc.py');
  run('json', '-o', 'coverage.json');
  run('xml', '-o', 'coverage.xml');
  return { json: join(dir, 'coverage.json'), xml: join(dir, 'coverage.xml') };
}

export const CALC_GO = `package calc

func Add(a, b int) int {
\treturn a + b
}

func Clamp(x, lo, hi int) int {
\tif x < lo {
\t\treturn lo
\t}
\tif x > hi {
\t\treturn hi
\t}
\treturn x
}
`;

/** `go test -coverprofile` (Debian's golang-go, offline): `<dir>/coverage.out` with import paths. */
export function runGoCover(dir: string): string {
  writeFiles(dir, {
    'go.mod': 'module example.com/gofix\n\ngo 1.19\n',
    'calc/calc.go': CALC_GO,
    'calc/calc_test.go': 'package calc\n\nimport "testing"\n\nfunc TestAdd(t *testing.T) {\n\tif Add(1, 2) != 3 {\n\t\tt.Fatal("add")\n\t}\n\tif Clamp(-1, 0, 5) != 0 {\n\t\tt.Fatal("clamp")\n\t}\n}\n',
  });
  execFileSync('go', ['test', '-coverprofile=coverage.out', './...'], {
    cwd: dir,
    env: { ...childEnv(), GOPROXY: 'off', GOFLAGS: '-mod=mod', GOCACHE: join(dir, '.gocache'), GOPATH: join(dir, '.gopath'), GOTOOLCHAIN: 'local' },
    stdio: 'pipe',
  });
  return join(dir, 'coverage.out');
}

/** The source the committed JaCoCo fixture was made from: one copy for live runs and the fixture. */
export const CALC_JAVA = readFileSync(join(import.meta.dirname, 'fixtures/jacoco/src/main/java/com/example/Calc.java'), 'utf8');

const JACOCO_JARS = TOOLS.jacoco.files;

/**
 * JaCoCo from Debian's libjacoco-java, which ships the agent and the report API but no CLI:
 * a 20-line Java program extracts the agent and writes the XML with JaCoCo's XMLFormatter.
 * Output: `<dir>/target/site/jacoco/jacoco.xml`, sources in src/main/java.
 */
export function runJacoco(dir: string): string {
  writeFiles(dir, {
    'src/main/java/com/example/Calc.java': CALC_JAVA,
    'tool/XmlReport.java': readTool(),
  });
  const cp = JACOCO_JARS.join(':');
  const sh = (cmd: string, args: string[]) => execFileSync(cmd, args, { cwd: dir, env: childEnv(), stdio: 'pipe' });
  sh('javac', ['--release', '11', '-d', 'target/classes', 'src/main/java/com/example/Calc.java']);
  sh('javac', ['-cp', cp, '-d', 'tool', 'tool/XmlReport.java']);
  sh('java', ['-cp', `${cp}:tool`, 'XmlReport', 'agent', 'target/jacocoagent.jar']);
  sh('java', ['-javaagent:target/jacocoagent.jar=destfile=target/jacoco.exec', '-cp', 'target/classes', 'com.example.Calc']);
  mkdirSync(join(dir, 'target/site/jacoco'), { recursive: true });
  sh('java', ['-cp', `${cp}:tool`, 'XmlReport', 'report', 'target/jacoco.exec', 'target/classes', 'target/site/jacoco/jacoco.xml', 'src/main/java']);
  return join(dir, 'target/site/jacoco/jacoco.xml');
}

function readTool(): string {
  return `import java.io.File;
import java.io.FileOutputStream;
import org.jacoco.agent.AgentJar;
import org.jacoco.core.analysis.Analyzer;
import org.jacoco.core.analysis.CoverageBuilder;
import org.jacoco.core.tools.ExecFileLoader;
import org.jacoco.report.DirectorySourceFileLocator;
import org.jacoco.report.IReportVisitor;
import org.jacoco.report.xml.XMLFormatter;

public class XmlReport {
  public static void main(String[] args) throws Exception {
    if (args[0].equals("agent")) { AgentJar.extractTo(new File(args[1])); return; }
    ExecFileLoader loader = new ExecFileLoader();
    loader.load(new File(args[1]));
    CoverageBuilder builder = new CoverageBuilder();
    new Analyzer(loader.getExecutionDataStore(), builder).analyzeAll(new File(args[2]));
    try (FileOutputStream out = new FileOutputStream(args[3])) {
      IReportVisitor visitor = new XMLFormatter().createVisitor(out);
      visitor.visitInfo(loader.getSessionInfoStore().getInfos(), loader.getExecutionDataStore().getContents());
      visitor.visitBundle(builder.getBundle("fixture"), new DirectorySourceFileLocator(new File(args[4]), "utf-8", 4));
      visitor.visitEnd();
    }
  }
}
`;
}

// Child process of batch.ts: lints a list of files with one tool's API in this process and prints
// {"ms": ...}. Each tool runs in its own process so that one cannot warm up or slow down another.
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';

type Kind = 'dockerfile' | 'compose';

async function main(): Promise<void> {
  const [tool, kind, listFile] = process.argv.slice(2) as [string, Kind, string];
  const files = (JSON.parse(readFileSync(listFile, 'utf8')) as Record<Kind, string[]>)[kind];
  const lint = await engine(tool, kind, dirname(listFile));
  const started = performance.now();
  let findings = 0;
  const crashed: string[] = [];
  for (const file of files) {
    try {
      findings += lint(file);
    } catch {
      crashed.push(file); // a peer that throws on a file (dockerfilelint does on some HEALTHCHECKs)
    }
  }
  const ms = performance.now() - started;
  process.stdout.write(`${JSON.stringify({ tool, kind, files: files.length, findings, ms, crashed })}\n`);
}

/** A function that reads and lints one file and returns how many problems it found. */
async function engine(tool: string, kind: Kind, root: string): Promise<(file: string) => number> {
  switch (`${tool}/${kind}`) {
    case 'container-hygiene/dockerfile':
    case 'container-hygiene/compose': {
      const { analyze } = await import('../../server/src/analysis/analyze');
      return (file) => analyze(readFileSync(file, 'utf8'), kind).length;
    }
    case 'dockerfile-utils/dockerfile': {
      const { validate } = await import('dockerfile-utils');
      return (file) => validate(readFileSync(file, 'utf8')).length;
    }
    case 'dockerfilelint/dockerfile': {
      // No type declarations: run(configDir, content) returns the list of problems.
      const dockerfilelint = (await import('dockerfilelint' as string)) as { run: (configPath: string, content: string) => unknown[] };
      return (file) => dockerfilelint.run(root, readFileSync(file, 'utf8')).length;
    }
    case 'dclint/compose': {
      const { DCLinter } = await import('dclint');
      const linter = new DCLinter({ rules: {}, quiet: false, debug: false, exclude: [] });
      return (file) => linter.lintFiles([file], false).reduce((sum, result) => sum + result.messages.length, 0);
    }
    default:
      throw new Error(`Unknown engine ${tool}/${kind}`);
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});

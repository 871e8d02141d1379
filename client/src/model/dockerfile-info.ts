/**
 * What Build Image and Run Container need to know about a Dockerfile: its stages (for `--target`),
 * its build args and the ports its final stage exposes. Parsed with dockerfile-ast; no `vscode`.
 */
import { DockerfileParser, type Arg, type From } from 'dockerfile-ast';

export interface StageInfo {
  index: number;
  /** `AS` name as written, or null for an unnamed stage. */
  name: string | null;
  /** The image it starts from, as written. */
  image: string;
  line: number;
}

export interface BuildArgInfo {
  name: string;
  /** Declared with a default (`ARG NAME=value`). */
  hasDefault: boolean;
}

export interface ExposedPortInfo {
  port: number;
  protocol: 'tcp' | 'udp' | 'sctp';
}

export interface DockerfileInfo {
  stages: StageInfo[];
  buildArgs: BuildArgInfo[];
  /** Literal ports exposed by the last stage (`${PORT}` and ranges are left out). */
  exposedPorts: ExposedPortInfo[];
}

export function describeDockerfile(text: string): DockerfileInfo {
  const dockerfile = DockerfileParser.parse(text);
  const stages: StageInfo[] = [];
  const buildArgs = new Map<string, BuildArgInfo>();
  let exposedPorts: ExposedPortInfo[] = [];
  for (const instruction of dockerfile.getInstructions()) {
    const keyword = instruction.getKeyword();
    if (keyword === 'FROM') {
      const from = instruction as From;
      stages.push({ index: stages.length, name: from.getBuildStage(), image: from.getImage() ?? '', line: from.getRange().start.line });
      exposedPorts = [];
    } else if (keyword === 'ARG') {
      const property = (instruction as Arg).getProperty();
      const name = property?.getName();
      if (name && !buildArgs.has(name)) buildArgs.set(name, { name, hasDefault: property?.getValue() !== null && property?.getValue() !== undefined });
    } else if (keyword === 'EXPOSE') {
      for (const argument of instruction.getArguments()) {
        const match = /^(\d{1,5})(?:\/(tcp|udp|sctp))?$/i.exec(argument.getValue());
        const port = match ? Number(match[1]) : 0;
        if (match && port >= 1 && port <= 65535) exposedPorts.push({ port, protocol: (match[2]?.toLowerCase() ?? 'tcp') as ExposedPortInfo['protocol'] });
      }
    }
  }
  return { stages, buildArgs: [...buildArgs.values()], exposedPorts };
}

/** Stages `--target` can name: only named ones (docker also accepts none other). */
export function targetStages(info: DockerfileInfo): StageInfo[] {
  return info.stages.filter((stage) => stage.name !== null);
}

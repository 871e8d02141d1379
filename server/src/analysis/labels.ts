import type { Instruction, Label } from 'dockerfile-ast';
import type { RuleContext } from './rule';
import type { AnalysisSettings, Range } from './types';

/** One `key=value` pair of a LABEL instruction, with the value unquoted and unescaped. */
export interface LabelPair {
  key: string;
  /** null when the pair has no value at all (`LABEL key`). */
  value: string | null;
  keyRange: Range;
  valueRange: Range | null;
  /** Where a finding about the value belongs: the value, or the key when there is none. */
  range: Range;
}

export type LabelFormat = 'text' | 'url' | 'rfc3339' | 'spdx' | 'hash' | 'semver' | 'email';

/** Pairs of the given LABEL instructions (other instructions are skipped), in document order. */
export function labelPairs(instructions: readonly Instruction[]): LabelPair[] {
  const pairs: LabelPair[] = [];
  for (const instruction of instructions) {
    if (instruction.getKeyword() !== 'LABEL') continue;
    for (const property of (instruction as Label).getProperties()) {
      const key = property.getName();
      if (!key) continue;
      const valueRange = property.getValueRange();
      pairs.push({ key, value: property.getValue(), keyRange: property.getNameRange(), valueRange, range: valueRange ?? property.getNameRange() });
    }
  }
  return pairs;
}

/** Label name -> format from settings; empty when no schema is configured. */
export function labelSchema(settings: AnalysisSettings): Map<string, string> {
  return new Map(Object.entries(settings.labelSchema ?? {}));
}

/** Reports every schema label of one format whose literal value does not match it. */
export function checkLabelFormat(
  instructions: readonly Instruction[], ctx: RuleContext, format: Exclude<LabelFormat, 'text'>,
  report: (pair: LabelPair) => void,
): void {
  const schema = labelSchema(ctx.settings);
  for (const pair of labelPairs(instructions)) {
    if (schema.get(pair.key) !== format || pair.value === null || dependsOnBuildArgs(pair.value)) continue;
    if (!isValidLabelValue(format, pair.value)) report(pair);
  }
}

/** `$VERSION` or `${BUILD_DATE}` is only known at build time, so its format cannot be judged here. */
export function dependsOnBuildArgs(value: string): boolean {
  return /\$(\{|[A-Za-z_])/.test(value);
}

export function isValidLabelValue(format: LabelFormat, value: string): boolean {
  switch (format) {
    case 'text': return true;
    case 'url': return isUrl(value);
    case 'rfc3339': return isRfc3339(value);
    case 'spdx': return isSpdxExpression(value);
    case 'hash': return /^(?:[0-9a-f]{7,40}|[0-9a-f]{64})$/i.test(value);
    case 'semver': return SEMVER.test(value);
    case 'email': return EMAIL.test(value) && value.length <= 254;
  }
}

/** An absolute URI: a scheme, a colon and something after it. */
function isUrl(value: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:[^\s]+$/.test(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))$/;

function isRfc3339(value: string): boolean {
  const match = RFC3339.exec(value);
  if (!match) return false;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const offsetOk = match[7] === undefined || (Number(match[7]) <= 23 && Number(match[8]) <= 59);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && hour <= 23 && minute <= 59 && second <= 60 && offsetOk;
}

/** The regular expression published on semver.org (2.0.0). */
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

/** RFC 5322 addr-spec without comments or folding: dot-atom or quoted local part, dot-atom or literal domain. */
const EMAIL = /^(?:[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*|"(?:[^"\\\r\n]|\\.)*")@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*|\[[^\][\\\r\n]*\])$/;

/**
 * An SPDX license expression (SPDX spec, annex D): license ids (optionally with `+`), `LicenseRef-`
 * references, `AND`, `OR`, `WITH <exception>` and parentheses. Ids come from a list of common licenses.
 */
export function isSpdxExpression(value: string): boolean {
  const tokens = value.match(/\(|\)|[^\s()]+/g);
  if (!tokens) return false;
  let position = 0;
  const peek = (): string | undefined => tokens[position];
  const isOperator = (token: string | undefined, operator: string): boolean => token?.toUpperCase() === operator;
  const simple = (): boolean => {
    const token = peek();
    if (token === '(') {
      position++;
      if (!compound() || peek() !== ')') return false;
      position++;
      return true;
    }
    if (!token || !isLicenseRef(token)) return false;
    position++;
    if (isOperator(peek(), 'WITH')) {
      position++;
      const exception = peek();
      if (!exception || !SPDX_EXCEPTIONS.has(exception.toLowerCase())) return false;
      position++;
    }
    return true;
  };
  const compound = (): boolean => {
    if (!simple()) return false;
    while (isOperator(peek(), 'AND') || isOperator(peek(), 'OR')) {
      position++;
      if (!simple()) return false;
    }
    return true;
  };
  return compound() && position === tokens.length;
}

function isLicenseRef(token: string): boolean {
  if (/^(?:DocumentRef-[A-Za-z0-9.-]+:)?LicenseRef-[A-Za-z0-9.-]+$/.test(token)) return true;
  return SPDX_LICENSES.has(token.replace(/\+$/, '').toLowerCase());
}

const SPDX_LICENSES = new Set([
  '0BSD', 'AAL', 'AFL-1.1', 'AFL-1.2', 'AFL-2.0', 'AFL-2.1', 'AFL-3.0', 'AGPL-1.0', 'AGPL-1.0-only', 'AGPL-1.0-or-later',
  'AGPL-3.0', 'AGPL-3.0-only', 'AGPL-3.0-or-later', 'Apache-1.0', 'Apache-1.1', 'Apache-2.0', 'APSL-2.0', 'Artistic-1.0',
  'Artistic-2.0', 'BlueOak-1.0.0', 'BSD-1-Clause', 'BSD-2-Clause', 'BSD-2-Clause-Patent', 'BSD-3-Clause',
  'BSD-3-Clause-Clear', 'BSD-4-Clause', 'BSL-1.0', 'BUSL-1.1', 'bzip2-1.0.6', 'CAL-1.0', 'CC-BY-1.0', 'CC-BY-2.0',
  'CC-BY-2.5', 'CC-BY-3.0', 'CC-BY-4.0', 'CC-BY-NC-4.0', 'CC-BY-NC-SA-4.0', 'CC-BY-ND-4.0', 'CC-BY-SA-3.0',
  'CC-BY-SA-4.0', 'CC0-1.0', 'CDDL-1.0', 'CDDL-1.1', 'CECILL-2.1', 'CPAL-1.0', 'CPL-1.0', 'curl', 'ECL-2.0', 'EFL-2.0',
  'Elastic-2.0', 'EPL-1.0', 'EPL-2.0', 'EUPL-1.1', 'EUPL-1.2', 'FSFAP', 'FTL', 'GFDL-1.3', 'GFDL-1.3-only',
  'GFDL-1.3-or-later', 'GPL-1.0', 'GPL-1.0-only', 'GPL-1.0-or-later', 'GPL-2.0', 'GPL-2.0-only', 'GPL-2.0-or-later',
  'GPL-3.0', 'GPL-3.0-only', 'GPL-3.0-or-later', 'HPND', 'ICU', 'IJG', 'ImageMagick', 'ISC', 'JSON', 'LGPL-2.0',
  'LGPL-2.0-only', 'LGPL-2.0-or-later', 'LGPL-2.1', 'LGPL-2.1-only', 'LGPL-2.1-or-later', 'LGPL-3.0', 'LGPL-3.0-only',
  'LGPL-3.0-or-later', 'Libpng', 'libpng-2.0', 'LPL-1.02', 'LPPL-1.3c', 'MirOS', 'MIT', 'MIT-0', 'MIT-CMU', 'MPL-1.0',
  'MPL-1.1', 'MPL-2.0', 'MPL-2.0-no-copyleft-exception', 'MS-PL', 'MS-RL', 'MulanPSL-2.0', 'NCSA', 'ODbL-1.0', 'OFL-1.1',
  'OpenSSL', 'OSL-3.0', 'PHP-3.0', 'PHP-3.01', 'PostgreSQL', 'PSF-2.0', 'Python-2.0', 'Ruby', 'SGI-B-2.0', 'SISSL',
  'Sleepycat', 'SSPL-1.0', 'UPL-1.0', 'Unicode-3.0', 'Unicode-DFS-2016', 'Unlicense', 'Vim', 'W3C', 'WTFPL', 'X11',
  'Xnet', 'Zlib', 'zlib-acknowledgement', 'ZPL-2.0', 'ZPL-2.1',
].map((id) => id.toLowerCase()));

const SPDX_EXCEPTIONS = new Set([
  'Autoconf-exception-3.0', 'Bison-exception-2.2', 'Classpath-exception-2.0', 'FLTK-exception', 'Font-exception-2.0',
  'GCC-exception-2.0', 'GCC-exception-3.1', 'LLVM-exception', 'OCaml-LGPL-linking-exception', 'OpenJDK-assembly-exception-1.0',
  'openvpn-openssl-exception', 'Qt-GPL-exception-1.0', 'Qt-LGPL-exception-1.1', 'u-boot-exception-2.0', 'WxWindows-exception-3.1',
].map((id) => id.toLowerCase()));

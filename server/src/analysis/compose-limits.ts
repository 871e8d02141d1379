/** A problem that makes the YAML unusable for rules: syntax, duplicate keys, unresolvable or explosive aliases. */
export interface YamlProblem {
  code: string;
  /** Offsets in the text. */
  start: number;
  end: number;
  message: string;
}

/** Limits that keep analysis linear and shallow whatever the input. */
export const COMPOSE_LIMITS = Object.freeze({
  /** Collections nested deeper than this (directly or through aliases) are refused. */
  maxDepth: 200,
  /**
   * Values an alias-expanded document may hold beyond its own node count (alias bombs). This
   * replaces yaml's `maxAliasCount`, which only guards its `toJS`: we resolve aliases ourselves.
   */
  maxAliasExpansion: 200_000,
});

/**
 * Re-analysis of a Compose file as it is edited: `analyze()` reuses what the previous call found
 * for the parts that did not change. The file is split into top-level entries and services
 * (compose-parts.ts); only changed parts are parsed, and service-scoped rules
 * (compose-rule-scopes.ts) re-check only services whose text or dependencies on other services
 * changed (a service an edit only moved keeps its findings, mapped: compose-finding-shift.ts).
 * The result always deep-equals `analyze(text, 'compose', settings, options)`: whatever the parts
 * cannot reproduce (anchors inside services, `!reset`, flow or unusual layouts, broken YAML, other
 * files in the project, a rule that throws) is analysed whole.
 */
import { analyze, severityFor, type AnalyzeOptions } from './analyze';
import { ComposeDoc, type ComposeService } from './compose-doc';
import { runComposeRule, sortFindings, withoutSuppressed } from './compose-findings';
import { reuseEqualFindings } from './finding-reuse';
import { mergeInOrder, orderServiceFindings, type OrderedFindings, type OtherFinding } from './compose-order';
import { ComposeParts, type CachedFindings } from './compose-parts';
import { recordReads } from './compose-reads';
import { StaleServices, type KeptFindings } from './compose-stale-services';
import { servicesDependingOnOthers, SERVICE_SCOPES } from './compose-rule-scopes';
import { unanalyzableReason } from './input-guard';
import type { Rule, RuleContext } from './rule';
import { defaultSettings, type AnalysisContext, type AnalysisSettings, type Finding, type Severity } from './types';
import { rulesFor } from '../rules/registry';

/** What the last `analyze()` did, for tests and measurements. */
export interface IncrementalStats {
  /** False when the file was analysed whole. */
  incremental: boolean;
  /** Parts parsed rather than reused. */
  partsParsed: number;
  /** Services some service-scoped rule re-checked. */
  servicesChecked: number;
}

/** A rule broke what its scope promises (a finding for a service it was not asked about): analyse whole. */
class ScopeMismatch extends Error {}

const ruleIds = new WeakMap<Rule, number>();
let nextRuleId = 0;

/** One per open document: keeps the previous version's parts and findings (nothing older). */
export class ComposeIncrementalAnalyzer {
  private parts = new ComposeParts();
  private prepared: { text: string; context: AnalysisContext; doc: ComposeDoc } | undefined;
  private findingsKey = '';
  /** The text and layout (`ComposeParts.layoutKey`) the kept findings were last checked or mapped for. */
  private findingsFor = { text: '', layoutKey: '' };
  /** Per rule, findings of service-scoped rules that name no service (they depend on the file outside `services:` only). */
  private readonly shared = new Map<string, Finding[]>();
  /** Per rule, what every service's findings depended on in other services when they were kept. */
  private readonly everyService = new Map<string, string>();
  /** Each service's kept findings in order, by its findings array (compose-order.ts). */
  private readonly ordered = new WeakMap<(CachedFindings | undefined)[], OrderedFindings>();
  /** Every service's findings array and its findings in order, by position, at the end of the last check. */
  private lastOrder: { kept: readonly KeptFindings[]; ordered: readonly OrderedFindings[] } = { kept: [], ordered: [] };
  /** Which services each rule must check again. */
  private readonly staleness = new StaleServices();
  /** The last findings of the rules that run on the whole document at every edit (finding-reuse.ts). */
  private documentFindings: readonly Finding[] = [];
  /** Stands for "no context" so that calls without one can reuse the prepared document. */
  private readonly noContext: AnalysisContext = {};
  lastRun: IncrementalStats = { incremental: false, partsParsed: 0, servicesChecked: 0 };

  /**
   * The document for `text` with `context`, reusing the previous text's unchanged parts when it can;
   * `analyze()` with the same text and context object uses it. Valid until the next call.
   */
  document(text: string, context: AnalysisContext = {}): ComposeDoc {
    if (this.prepared?.text === text && this.prepared.context === context) return this.prepared.doc;
    let doc: ComposeDoc | undefined;
    try {
      doc = splittable(context) ? this.parts.build(text, context) : undefined;
    } catch {
      // A bug in reuse must cost speed, never findings: start afresh.
      this.parts = new ComposeParts();
      this.findingsKey = '';
      doc = undefined;
    }
    doc ??= new ComposeDoc(text, context);
    this.prepared = { text, context, doc };
    return doc;
  }

  /** Findings deep-equal to `analyze(text, 'compose', settings, options)`. They are shared with later calls: do not mutate them. */
  analyze(text: string, settings: AnalysisSettings = defaultSettings, options: AnalyzeOptions = {}): Finding[] {
    this.lastRun = { incremental: false, partsParsed: 0, servicesChecked: 0 };
    if (unanalyzableReason(text, settings.maxFileSize)) return analyze(text, 'compose', settings, options);
    const context = options.context ?? this.noContext;
    const doc = this.document(text, context);
    const whole = { ...options, context, composeDoc: undefined };
    // Broken YAML: only compose-yaml-syntax runs, on the problems the parts reproduced (or a whole parse found).
    if (!doc.assembled || !doc.usable) {
      this.lastRun = { incremental: doc.assembled, partsParsed: doc.assembled ? this.parts.parsedLastTime : 0, servicesChecked: 0 };
      return analyze(text, 'compose', settings, { ...whole, composeDoc: doc });
    }
    try {
      const findings = this.analyzeParts(doc, settings, options.rules ?? rulesFor('compose'));
      this.lastRun = { ...this.lastRun, incremental: true, partsParsed: this.parts.parsedLastTime };
      return findings;
    } catch {
      // A rule threw (analyze() reports it through onRuleError) or broke its scope.
      this.findingsKey = '';
      return analyze(text, 'compose', settings, whole);
    }
  }

  private analyzeParts(doc: ComposeDoc, settings: AnalysisSettings, rules: readonly Rule[]): Finding[] {
    this.parts.usingForFindings = false;
    try {
      return this.checkServices(doc, settings, rules);
    } finally {
      this.parts.usingForFindings = false;
    }
  }

  /** Runs whole-document rules, and service-scoped rules on the services whose findings cannot be kept. */
  private checkServices(doc: ComposeDoc, settings: AnalysisSettings, rules: readonly Rule[]): Finding[] {
    const key = [this.parts.layoutGeneration, stableJson(settings), rules.map(ruleId).join(','), contextKey(doc.context)].join('\u0001');
    if (key !== this.findingsKey) {
      this.parts.clearFindings();
      this.staleness.reset();
      this.shared.clear();
      this.everyService.clear();
      this.findingsKey = key;
    } else if (this.parts.layoutKey !== this.findingsFor.layoutKey) {
      this.shiftShared();
    }
    this.findingsFor = { text: doc.text, layoutKey: this.parts.layoutKey };
    const ctx: RuleContext = { settings, context: doc.context };
    const services = doc.allServices;
    const kept = this.staleness.start(doc, (service) => this.parts.findings(service.name), servicesDependingOnOthers(doc));
    const views = new Map<string, ComposeDoc>();
    const checked = new Set<string>();
    /** Services whose findings arrays got entries in this check. */
    const updated = new Set<number>();
    const others: OtherFinding[] = [];
    /** The findings of rules run on the whole document: new objects at each edit. */
    const made: OtherFinding[] = [];
    const scoped = new Set<number>();
    (rules as readonly Rule<'compose'>[]).forEach((rule, index) => {
      const severity = severityFor(rule, settings);
      if (!severity) return;
      const scope = REGISTRY.has(rule) ? SERVICE_SCOPES.get(rule.id) : undefined;
      if (!scope) {
        runComposeRule(rule, doc, severity, ctx, (finding) => {
          const other = { finding, rank: index };
          others.push(other);
          made.push(other);
        });
        return;
      }
      scoped.add(index);
      this.parts.usingForFindings = true;
      const everyService = scope.everyService?.(doc) ?? '';
      const allStale = this.everyService.get(rule.id) !== everyService;
      this.everyService.set(rule.id, everyService);
      const { stale, dependencies } = this.staleness.stale(rule.id, index, allStale, scope.eachService?.(doc));
      if (stale.length > 0) {
        const byService = this.recheck(rule, viewOf(doc, stale.map((i) => services[i]), views), severity, ctx, scope.sharedFindings === true);
        for (const i of stale) {
          kept[i][index] = cachedFindings(dependencies?.[i] ?? '', byService.get(services[i].name) ?? []);
          this.ordered.delete(kept[i]);
          updated.add(i);
          checked.add(services[i].name);
        }
      }
      for (const finding of this.shared.get(rule.id) ?? []) others.push({ finding, rank: index });
      this.parts.usingForFindings = false;
    });
    this.lastRun.servicesChecked = checked.size;
    this.staleness.finish();
    const reused = reuseEqualFindings(made.map((other) => other.finding), this.documentFindings);
    made.forEach((other, i) => { other.finding = reused[i]; });
    this.documentFindings = reused;
    // A findings array at the same position as at the last check, with no entry since, is in the same order.
    const last = this.lastOrder;
    const byService = kept.map((own, i) => (own === last.kept[i] && !updated.has(i) ? last.ordered[i] : this.orderedOf(own)));
    this.lastOrder = { kept, ordered: byService };
    const ordered = mergeInOrder(byService, this.parts.lineSpans(), others);
    return withoutSuppressed(ordered ?? sortFindings(inRuleOrder(rules.length, scoped, kept, others)), doc, rules, this.parts.mayHaveSuppressions(doc.text));
  }

  /**
   * The layout moved with the edit (compose-parts.ts maps services' findings): findings naming no
   * service move too, when they were found in the text before it; else their rule checks every service again.
   */
  private shiftShared(): void {
    const shift = this.parts.movedBy?.before === this.findingsFor.text ? this.parts.movedBy : undefined;
    for (const [rule, findings] of this.shared) {
      if (findings.length === 0) continue;
      const moved = shift?.findings(findings);
      if (moved) {
        this.shared.set(rule, moved);
      } else {
        this.shared.delete(rule);
        this.everyService.delete(rule);
      }
    }
  }

  /** A service's kept findings sorted (compose-order.ts), sorted again only when they change. */
  private orderedOf(kept: (CachedFindings | undefined)[]): OrderedFindings {
    let ordered = this.ordered.get(kept);
    if (!ordered) {
      ordered = orderServiceFindings(kept.map((entry) => entry?.findings));
      this.ordered.set(kept, ordered);
    }
    return ordered;
  }

  /** Runs a service-scoped rule on the view's services only: each one's findings (and those naming no service, kept as shared). */
  private recheck(rule: Rule<'compose'>, view: ComposeDoc, severity: Severity, ctx: RuleContext, sharedFindings: boolean): Map<string, Finding[]> {
    const byService = new Map<string, Finding[]>(view.services.map((service) => [service.name, []]));
    const shared: Finding[] = [];
    const { reads } = recordReads(() => runComposeRule(rule, view, severity, ctx, (finding, service) => {
      const own = service === undefined ? (sharedFindings ? shared : undefined) : byService.get(service);
      if (!own) throw new ScopeMismatch(`${rule.id} reported for ${service ?? 'no service'} outside its scope`);
      own.push(finding);
    }));
    for (const [service, keys] of reads) this.parts.noteReads(service, keys);
    this.shared.set(rule.id, shared);
    return byService;
  }
}

/** Most services get no finding from most rules: they share one entry (never mutated) rather than one each. */
const NOTHING_FOUND: CachedFindings = Object.freeze({ dependency: '', findings: Object.freeze([]) as unknown as Finding[] });

function cachedFindings(dependency: string, findings: Finding[]): CachedFindings {
  return dependency === '' && findings.length === 0 ? NOTHING_FOUND : { dependency, findings };
}

/** The compose rules of the registry: the only ones whose scope compose-rule-scopes.ts describes. */
const REGISTRY = new Set<Rule>(rulesFor('compose'));

/** Every finding rule after rule, as analyze() collects them before sorting (for when services' findings cannot be merged). */
function inRuleOrder(ruleCount: number, scoped: ReadonlySet<number>, kept: readonly (CachedFindings | undefined)[][], others: readonly OtherFinding[]): Finding[] {
  const all: Finding[] = [];
  for (let rank = 0; rank < ruleCount; rank++) {
    if (scoped.has(rank)) for (const own of kept) all.push(...(own[rank]?.findings ?? []));
    for (const other of others) if (other.rank === rank) all.push(other.finding);
  }
  return all;
}

/** Other files in the project make the merged model depend on more than this text: parse whole. */
function splittable(context: AnalysisContext): boolean {
  const compose = context.compose;
  return !compose?.before?.length && !compose?.after?.length && compose?.partial !== true;
}

/** The document restricted to `services` (one view per set of services in a run). */
function viewOf(doc: ComposeDoc, services: readonly ComposeService[], views: Map<string, ComposeDoc>): ComposeDoc {
  if (services.length === doc.allServices.length) return doc;
  const key = services.map((service) => service.name).join('\u0000');
  let view = views.get(key);
  if (!view) {
    view = doc.withServices(services);
    views.set(key, view);
  }
  return view;
}

function ruleId(rule: Rule): number {
  let id = ruleIds.get(rule);
  if (id === undefined) {
    id = ++nextRuleId;
    ruleIds.set(rule, id);
  }
  return id;
}

/** What of the context the rules read, as text: the paths that exist, the .dockerignore, whether the project is partial. */
function contextKey(context: AnalysisContext): string {
  const existing = context.existingPaths === undefined ? null : [...context.existingPaths].sort();
  return JSON.stringify([existing, context.dockerignore === undefined ? 'unknown' : context.dockerignore, context.compose?.partial ?? null]);
}

/** JSON with object keys sorted, so equal settings give equal text whatever order they were built in. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => (item && typeof item === 'object' && !Array.isArray(item)
    ? Object.fromEntries(Object.entries(item as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    : item));
}

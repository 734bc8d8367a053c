import type * as Sarif from 'sarif';
import type { Finding, RelatedLocation } from '../model/finding.js';
import { FINGERPRINT_KEY, fingerprintFindings, fingerprintOf } from '../model/findingFingerprint.js';
import type { Severity } from '../model/severity.js';
import { clauseStateOf } from '../rules/clauseStateRules.js';
import { RULES, ruleDocsUrl, type RuleDefinition } from '../rules/ruleDefinitions.js';
import type { SourceRange } from '../text/sourceRange.js';
import type { ReportInput } from './reportInput.js';
import { normalisePrefix, pascalCase, REPOSITORY_FILE, sortedFindings, withPrefix } from './shared.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SARIF_INFORMATION_URI = 'https://github.com/clausemark/clausemark';
const SRCROOT = '%SRCROOT%';

const SCOPE_TEXT: Record<RuleDefinition['scope'], string> = {
  document: 'Checked in each SMS document.',
  repository: 'Checked across the repository.',
  change: 'Checked on a change against its base revision (`clausemark check --base`).',
};

const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level & Sarif.Result.level> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: one run, every rule in the driver, results with
 * repository-relative locations under `%SRCROOT%` and line-independent fingerprints.
 */
export function renderSarif(input: ReportInput, options: SarifReportOptions = {}): string {
  return `${JSON.stringify(buildSarif(input, options), null, 2)}\n`;
}

export interface SarifReportOptions {
  /**
   * Where the Clausemark root sits inside the git repository (`examples/acme-msp`) when it is not the repository
   * root: GitHub code scanning reads relative URIs against the repository root. Every URI gets the prefix and
   * `%SRCROOT%` becomes the root's ancestor it names.
   */
  readonly pathPrefix?: string;
}

export function buildSarif(input: ReportInput, options: SarifReportOptions = {}): Sarif.Log {
  const prefix = normalisePrefix(options.pathPrefix);
  const ruleIndex = new Map<string, number>(RULES.map((rule, index) => [rule.id, index]));
  const fingerprints = fingerprintFindings(input.findings);
  const context: LocationContext = { prefix, anchor: input.repositoryAnchorFile };
  const results = sortedFindings(input.findings).map((finding) => {
    const result = toResult(finding, context, ruleIndex, fingerprints.get(finding) ?? fingerprintOf(finding, 0));
    const state = input.baseline?.get(finding);
    return state ? { ...result, baselineState: state } : result;
  });
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Clausemark',
            version: input.toolVersion,
            ...(/^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]*)?$/.test(input.toolVersion) ? { semanticVersion: input.toolVersion } : {}),
            informationUri: SARIF_INFORMATION_URI,
            rules: RULES.map(toRuleDescriptor),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: directoryFileUri(stripPrefix(input.root, prefix)) } },
        columnKind: 'utf16CodeUnits',
        // The coverage summary of the one compliance model, so code-scanning consumers see the same counts.
        properties: {
          coverage: { catalog: input.coverage.catalog.id, ...input.coverage.summary },
          // With several catalogs, each one's summary under its alias (the primary's is `coverage`).
          ...(input.catalogs ? { catalogs: input.catalogs.map(({ alias, report }) => ({ alias, catalog: report.catalog.id, ...report.summary })) } : {}),
        },
        results,
      },
    ],
  };
}

function toRuleDescriptor(rule: RuleDefinition): Sarif.ReportingDescriptor {
  const docs = ruleDocsUrl(rule.id);
  const scope = SCOPE_TEXT[rule.scope];
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.description },
    fullDescription: { text: `${rule.description} ${scope}` },
    helpUri: docs,
    help: {
      text: `${rule.description} ${scope} Documentation: ${docs}`,
      markdown: `${rule.description} ${scope}\n\n[Documentation of \`${rule.id}\`](${docs})`,
    },
    defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
    properties: { tags: ['clausemark', 'iso-iec-20000-1', rule.id.split('.')[0] ?? rule.id, `${rule.scope}-rule`] },
  };
}

interface LocationContext {
  readonly prefix: string;
  readonly anchor: string | undefined;
}

function toResult(finding: Finding, context: LocationContext, ruleIndex: ReadonlyMap<string, number>, fingerprint: string): Sarif.Result {
  const index = ruleIndex.get(finding.ruleId);
  const location = physicalLocation(finding.file, finding.range, context);
  const related = (finding.related ?? []).map((item, id) => toRelatedLocation(item, id, context));
  const clause = clauseStateOf(finding);
  return {
    ruleId: finding.ruleId,
    ...(index !== undefined ? { ruleIndex: index } : {}),
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    ...(location ? { locations: [{ physicalLocation: location }] } : {}),
    ...(related.length > 0 ? { relatedLocations: related } : {}),
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint },
    ...(clause ? { properties: { clause: clause.clause, clauseState: clause.status } } : {}),
  };
}

function toRelatedLocation(related: RelatedLocation, id: number, context: LocationContext): Sarif.Location {
  const location = physicalLocation(related.file, related.range, context);
  return { id, ...(location ? { physicalLocation: location } : {}), message: { text: related.message } };
}

/** A location on a real file; `.` goes to the anchor file (line 1), or nowhere when there is none. */
function physicalLocation(file: string, range: SourceRange | undefined, context: LocationContext): Sarif.PhysicalLocation | undefined {
  const { anchor, prefix } = context;
  if (file === REPOSITORY_FILE || file === '') {
    if (anchor === undefined || anchor === '' || anchor === REPOSITORY_FILE) return undefined;
    return { artifactLocation: { uri: encodeRelativePath(withPrefix(prefix, anchor)), uriBaseId: SRCROOT }, region: { startLine: 1 } };
  }
  return { artifactLocation: { uri: encodeRelativePath(withPrefix(prefix, file)), uriBaseId: SRCROOT }, region: toRegion(range) };
}

/** `/work/repo` for root `/work/repo/examples/acme` and prefix `examples/acme`; the root itself when it does not end so. */
function stripPrefix(root: string, prefix: string): string {
  if (prefix === '') return root;
  const posix = root.replace(/\\/g, '/').replace(/\/+$/, '');
  const suffix = `/${prefix}`;
  return posix.endsWith(suffix) ? posix.slice(0, -suffix.length) || '/' : root;
}

function toRegion(range: SourceRange | undefined): Sarif.Region {
  if (!range) return { startLine: 1 };
  const startLine = Math.max(1, range.start.line);
  const startColumn = Math.max(1, range.start.column);
  const endLine = Math.max(startLine, range.end.line);
  let endColumn = Math.max(1, range.end.column);
  if (endLine === startLine && endColumn < startColumn) endColumn = startColumn;
  return { startLine, startColumn, endLine, endColumn };
}

/** Percent-encodes each segment of a repository-relative posix path (spaces, `#`, `%`, `?`, non-ASCII…). */
export function encodeRelativePath(path: string): string {
  return path
    .replace(/\\/g, '/')
    .replace(/^\.\//, '')
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

/** `file:///work/repo/` for `/work/repo`, `file:///C:/repo/` for `C:\repo`; pure, with a trailing slash. */
export function directoryFileUri(root: string): string {
  let path = root.replace(/\\/g, '/');
  let authority = '';
  if (path.startsWith('//')) {
    const [host = '', ...rest] = path.slice(2).split('/');
    authority = host;
    path = `/${rest.join('/')}`;
  } else if (/^[A-Za-z]:/.test(path)) {
    path = `/${path}`;
  }
  const encoded = path
    .split('/')
    .map((segment, index) => (index === 1 && /^[A-Za-z]:$/.test(segment) ? segment : encodeURIComponent(segment)))
    .join('/');
  return `file://${encodeURIComponent(authority)}${encoded.endsWith('/') ? encoded : `${encoded}/`}`;
}

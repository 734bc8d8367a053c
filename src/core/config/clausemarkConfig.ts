import type { SeveritySetting } from '../model/severity.js';
import { certificationWithDefaults, type Certification, type CertificationFile } from './certification.js';
import { DEFAULT_DOCUMENT_FORMAT, documentFormatWithDefaults, type DocumentFormat, type DocumentFormatFile } from './documentFormat.js';

/** clausemark.json as written; every field optional. */
export interface ConfigFile extends DocumentFormatFile {
  readonly catalog?: string;
  /** Alias → catalog (a built-in id or a file); the first is the primary catalog. Replaces `catalog`. */
  readonly catalogs?: Readonly<Record<string, string>>;
  /** true: the built-in 20000-1 crosswalk; a path: the project's own crosswalk file. */
  readonly crosswalk?: boolean | string;
  /** Catalog alias → control id → whether it applies, and why not (the Statement of Applicability). */
  readonly applicability?: Applicability;
  readonly include?: readonly string[];
  readonly exclude?: readonly string[];
  readonly smsFolders?: readonly string[];
  readonly rules?: Readonly<Record<string, SeveritySetting>>;
  readonly reviewWarningDays?: number;
  readonly evidenceMaxAgeDays?: number;
  readonly reviewCycleMonths?: number;
  readonly exclusions?: readonly { readonly clause: string; readonly justification: string }[];
  readonly extraFields?: readonly string[];
  readonly maxFileSizeKB?: number;
  readonly organisation?: string;
  readonly scope?: string;
  readonly certification?: CertificationFile;
}

/** The configuration in force: the file's values over the defaults. */
export interface ClausemarkConfig extends DocumentFormat {
  /** The primary catalog (the first of `catalogs` when that is set). */
  readonly catalog: string;
  /** Alias and catalog reference in config order, when the config names several (`catalogs`). */
  readonly catalogs?: readonly (readonly [alias: string, reference: string])[];
  readonly crosswalk?: boolean | string;
  readonly applicability: Applicability;
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  readonly smsFolders: readonly string[];
  readonly rules: Readonly<Record<string, SeveritySetting>>;
  readonly reviewWarningDays: number;
  readonly evidenceMaxAgeDays: number;
  readonly reviewCycleMonths: number;
  readonly exclusions: readonly { readonly clause: string; readonly justification: string }[];
  readonly extraFields: readonly string[];
  readonly maxFileSizeKB: number;
  /** Who runs the SMS, and what it covers: shown on the document book's cover. */
  readonly organisation?: string;
  readonly scope?: string;
  /** The certification cycle; the cycle rules and `clausemark readiness` need it. */
  readonly certification?: Certification;
}

/** `{ "27001": { "A.7.5": { "applicable": false, "justification": "…" } } }` */
export type Applicability = Readonly<Record<string, Readonly<Record<string, { readonly applicable: boolean; readonly justification?: string }>>>>;

/** Folders never read, whatever the config says. */
/** The folder in the repository where the CLI keeps its caches; never read as documents. */
export const CACHE_FOLDER = '.clausemark-cache';

export const ALWAYS_EXCLUDED = ['**/node_modules/**', '**/.git/**', `**/${CACHE_FOLDER}/**`];

export const DEFAULT_CONFIG: ClausemarkConfig = {
  catalog: 'iso20000-1:2018',
  include: ['**/*.md', '**/*.markdown'],
  exclude: [],
  smsFolders: ['sms/**'],
  rules: {},
  reviewWarningDays: 30,
  evidenceMaxAgeDays: 400,
  reviewCycleMonths: 12,
  exclusions: [],
  applicability: {},
  extraFields: [],
  maxFileSizeKB: 5120,
  ...DEFAULT_DOCUMENT_FORMAT,
};

/** `catalogs` is given in file order when the caller knows it (see catalogsInOrder). */
export function withDefaults(file: ConfigFile, catalogs?: readonly (readonly [string, string])[]): ClausemarkConfig {
  const named = catalogs ?? (file.catalogs ? Object.entries(file.catalogs) : undefined);
  return {
    catalog: named?.[0]?.[1] ?? file.catalog ?? DEFAULT_CONFIG.catalog,
    ...(named && named.length > 0 ? { catalogs: named } : {}),
    ...(file.crosswalk !== undefined && file.crosswalk !== false ? { crosswalk: file.crosswalk } : {}),
    include: file.include ?? DEFAULT_CONFIG.include,
    exclude: file.exclude ?? DEFAULT_CONFIG.exclude,
    smsFolders: file.smsFolders ?? DEFAULT_CONFIG.smsFolders,
    rules: file.rules ?? DEFAULT_CONFIG.rules,
    reviewWarningDays: file.reviewWarningDays ?? DEFAULT_CONFIG.reviewWarningDays,
    evidenceMaxAgeDays: file.evidenceMaxAgeDays ?? DEFAULT_CONFIG.evidenceMaxAgeDays,
    reviewCycleMonths: file.reviewCycleMonths ?? DEFAULT_CONFIG.reviewCycleMonths,
    exclusions: file.exclusions ?? DEFAULT_CONFIG.exclusions,
    applicability: file.applicability ?? DEFAULT_CONFIG.applicability,
    extraFields: file.extraFields ?? DEFAULT_CONFIG.extraFields,
    maxFileSizeKB: file.maxFileSizeKB ?? DEFAULT_CONFIG.maxFileSizeKB,
    ...documentFormatWithDefaults(file),
    ...(file.organisation !== undefined ? { organisation: file.organisation } : {}),
    ...(file.scope !== undefined ? { scope: file.scope } : {}),
    ...(file.certification !== undefined ? { certification: certificationWithDefaults(file.certification) } : {}),
  };
}

export const CONFIG_FILE_NAME = 'clausemark.json';

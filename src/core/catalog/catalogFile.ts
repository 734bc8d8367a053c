import type { DocumentType } from '../model/documentTypes.js';

/** The JSON shape of a catalog file (see schemas/clause-catalog.schema.json). */
export interface CatalogFile {
  readonly id: string;
  readonly title: string;
  readonly version?: string;
  readonly docsUrl?: string;
  readonly exclusions?: { readonly allowed: boolean; readonly note?: string };
  readonly clauses: readonly ClauseEntry[];
}

export interface ClauseEntry {
  readonly id: string;
  /** Absent for a numbered paragraph the standard leaves untitled (`untitled: true`): never invent one. */
  readonly title?: string;
  readonly untitled?: boolean;
  /** Only a `control` may be declared not applicable; everything else is a requirement. */
  readonly kind?: 'clause' | 'annex' | 'theme' | 'control';
  readonly parent?: string;
  readonly summary?: string;
  readonly documents?: readonly DocumentRequirement[];
  readonly records?: readonly RecordRequirement[];
  readonly confidence?: 'high' | 'medium' | 'low';
}

export interface DocumentRequirement {
  readonly description: string;
  readonly types: readonly DocumentType[];
  readonly required?: boolean;
}

export interface RecordRequirement {
  readonly description: string;
  readonly required?: boolean;
}

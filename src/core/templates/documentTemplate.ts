import { addMonths } from '../model/dates.js';
import { EVIDENCE_DOCUMENT_TYPES, type DocumentType } from '../model/documentTypes.js';

export interface TemplateOptions {
  readonly id: string;
  readonly title: string;
  readonly type: DocumentType;
  /** `YYYY-MM-DD` */
  readonly today: string;
  readonly reviewCycleMonths: number;
  readonly clauses?: readonly string[];
  readonly owner?: string;
}

const SECTIONS: Record<DocumentType, readonly string[]> = {
  policy: ['Purpose', 'Scope', 'Policy statements', 'Roles and responsibilities', 'Review'],
  plan: ['Purpose', 'Scope', 'Objectives', 'Activities and timeline', 'Resources', 'Monitoring'],
  process: ['Purpose', 'Scope', 'Roles', 'Inputs and outputs', 'Activities', 'Measures', 'Records'],
  procedure: ['Purpose', 'When to use', 'Steps', 'Records'],
  catalogue: ['Services', 'Dependencies', 'Availability to customers'],
  agreement: ['Parties', 'Scope', 'Service levels', 'Responsibilities', 'Reporting and review'],
  register: ['Purpose', 'Entries'],
  record: ['Summary', 'Details', 'Actions'],
  report: ['Summary', 'Findings', 'Actions'],
  audit: ['Summary', 'Scope and method', 'Findings', 'Conclusion'],
  'management-review': ['Attendees', 'Inputs', 'Decisions and actions'],
  other: ['Purpose', 'Content'],
};

/** Frontmatter for a new document: a draft with every document-control field present. */
export function frontmatterSkeleton(options: TemplateOptions, newline = '\n'): string {
  const kept = EVIDENCE_DOCUMENT_TYPES.has(options.type);
  const lines = [
    '---',
    `id: ${options.id}`,
    `title: ${yamlText(options.title)}`,
    `type: ${options.type}`,
    `owner: ${yamlText(options.owner ?? 'Process owner')}`,
    'status: draft',
    ...(kept ? [`date: ${options.today}`] : ['version: "0.1"', `next_review: ${addMonths(options.today, options.reviewCycleMonths)}`]),
    // An empty list is written inline so the YAML stays valid.
    ...(options.clauses && options.clauses.length > 0 ? ['clauses:', ...options.clauses.map((clause) => `  - ${clause}`)] : ['clauses: []']),
    '---',
  ];
  return `${lines.join(newline)}${newline}`;
}

/** A whole new document: frontmatter and the headings usual for its type. */
export function documentTemplate(options: TemplateOptions): string {
  const body = SECTIONS[options.type].map((heading) => `## ${heading}\n\n`).join('');
  return `${frontmatterSkeleton(options)}# ${options.title}\n\n${body}`;
}

/** Quotes a value when plain YAML would misread it. */
export function yamlText(value: string): string {
  return /^[\w(][\w ().,/&'-]*$/.test(value) && !/^(?:true|false|null|yes|no|~|\d[\d.]*)$/i.test(value) ? value : JSON.stringify(value);
}

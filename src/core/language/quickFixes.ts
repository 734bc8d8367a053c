import { posix } from 'node:path';
import type { ClauseCatalog } from '../catalog/clauseCatalog.js';
import type { ClausemarkConfig } from '../config/clausemarkConfig.js';
import { documentReadOptions } from '../config/documentFormat.js';
import { addMonths } from '../model/dates.js';
import type { Finding } from '../model/finding.js';
import { DOCUMENT_ID_PREFIX, type DocumentType } from '../model/documentTypes.js';
import type { SmsDocument } from '../model/smsDocument.js';
import { resolveEvidencePath } from '../rules/evidencePath.js';
import { documentTemplate, frontmatterSkeleton, yamlText } from '../templates/documentTemplate.js';
import type { LineIndex } from '../text/lineIndex.js';

/** A change to one file, by offsets into its current text. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

/** A fix the user can choose; applied by the editor as one undoable edit. */
export interface QuickFix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** A new file to create (repository-relative) with its content. */
  readonly createFile?: { readonly path: string; readonly content: string };
  readonly preferred?: boolean;
}

export interface QuickFixContext {
  readonly path: string;
  readonly text: string;
  readonly lines: LineIndex;
  readonly document: SmsDocument | undefined;
  readonly catalog: ClauseCatalog;
  readonly config: ClausemarkConfig;
  /** `YYYY-MM-DD` */
  readonly today: string;
}

const PLACEHOLDER: Record<string, (context: QuickFixContext) => string> = {
  owner: () => 'Process owner',
  status: () => 'draft',
  version: () => '"0.1"',
  approved_by: () => 'Approver role',
  approved_on: (context) => context.today,
  next_review: (context) => addMonths(context.today, context.config.reviewCycleMonths),
  id: (context) => idFromPath(context.path),
  title: (context) => yamlText(titleFromText(context.text) ?? idFromPath(context.path)),
  type: (context) => typeFromPath(context.path),
};

/** The fixes Clausemark offers for one of its findings. */
export function quickFixesFor(finding: Finding, context: QuickFixContext): QuickFix[] {
  const range = finding.range;
  const replaceWith = (values: readonly string[], label: (value: string) => string): QuickFix[] =>
    range
      ? values.map((value, index) => ({
          title: label(value),
          edits: [{ start: range.start.offset, end: range.end.offset, newText: value }],
          preferred: index === 0,
        }))
      : [];
  const suggestions = finding.data?.suggestions ?? [];

  switch (finding.ruleId) {
    case 'clause.unknown':
    case 'clause.not-leaf':
      return replaceWith(suggestions, (value) => `Change to ${context.catalog.label(value)}`);
    case 'trace.unknown-related':
      return replaceWith(suggestions, (value) => `Change to ${value}`);
    case 'clause.unknown-section':
      return replaceWith(suggestions, (value) => `Change to the heading anchor ${value}`);
    case 'frontmatter.unknown-field':
      return replaceWith(suggestions, (value) => `Rename to ${value}`);
    case 'control.missing-field':
    case 'control.missing-approval':
    case 'control.missing-review-date':
    case 'frontmatter.missing-field':
      return addFields((finding.data?.field ?? '').split(',').filter(Boolean), context);
    case 'control.review-overdue':
    case 'control.review-due-soon': {
      const next = addMonths(context.today, context.config.reviewCycleMonths);
      return replaceWith([next], () => `Reviewed today: set next_review to ${next}`);
    }
    case 'clause.duplicate': {
      if (!range) return [];
      const line = context.lines.lineRange(range.start.line);
      const nextLine = Math.min(context.text.length, line.end.offset + (context.text[line.end.offset] === '\r' ? 2 : 1));
      return [
        {
          title: `Remove the repeated ${finding.data?.clause ?? 'clause'}`,
          edits: [{ start: line.start.offset, end: nextLine, newText: '' }],
          preferred: true,
        },
      ];
    }
    case 'frontmatter.missing': {
      const skeleton = withMappedKeys(
        frontmatterSkeleton(
          {
            id: idFromPath(context.path),
            title: titleFromText(context.text) ?? idFromPath(context.path),
            type: typeFromPath(context.path),
            today: context.today,
            reviewCycleMonths: context.config.reviewCycleMonths,
          },
          newlineOf(context.text),
        ),
        context,
      );
      return [{ title: 'Add Clausemark frontmatter', edits: [{ start: 0, end: 0, newText: skeleton }], preferred: true }];
    }
    case 'evidence.missing-file':
      return createEvidence(finding, context);
    default:
      return [];
  }
}

function addFields(fields: readonly string[], context: QuickFixContext): QuickFix[] {
  const document = context.document;
  if (!document || fields.length === 0) return [];
  const newline = newlineOf(context.text);
  // New fields go just before the closing fence, where they are visible and keep the block valid; a field
  // `fields` maps is written under the key it is read from.
  const at = document.frontmatterRange.end.offset - 3;
  const names = documentReadOptions(context.config).options.fieldNames;
  const keys = fields.map((field) => names.keyToWrite(field));
  const lines = fields.map((field, index) => `${keys[index]}: ${(PLACEHOLDER[field] ?? (() => '""'))(context)}${newline}`);
  return [{ title: `Add ${keys.map((f) => `\`${f}\``).join(' and ')}`, edits: [{ start: at, end: at, newText: lines.join('') }], preferred: true }];
}

function createEvidence(finding: Finding, context: QuickFixContext): QuickFix[] {
  const written = finding.data?.evidencePath;
  if (!written) return [];
  const location = resolveEvidencePath(context.path, written);
  if (location.kind === 'outside' || !/\.(md|markdown)$/i.test(location.path)) return [];
  const link = context.document?.evidence.find((item) => item.path?.value === written);
  const clause = link?.clause?.value;
  const base = posix.basename(location.path).replace(/\.(md|markdown)$/i, '');
  const content = withMappedKeys(
    documentTemplate({
      id: `REC-${base
        .toUpperCase()
        .replace(/[^A-Z0-9]+/g, '-')
        .replace(/^-|-$/g, '')}`.slice(0, 100),
      title: base
        .replace(/[-_]+/g, ' ')
        .replace(/^\d{4} \d{2} \d{2} /, '')
        .replace(/^./, (c) => c.toUpperCase()),
      type: 'record',
      today: link?.date?.value ?? context.today,
      reviewCycleMonths: context.config.reviewCycleMonths,
      ...(clause ? { clauses: [clause] } : {}),
    }),
    context,
  );
  return [{ title: `Create ${location.path} from the record template`, edits: [], createFile: { path: location.path, content }, preferred: true }];
}

/** A template's frontmatter with each field under the key the repository reads it from (`fields` in clausemark.json). */
function withMappedKeys(template: string, context: QuickFixContext): string {
  const names = documentReadOptions(context.config).options.fieldNames;
  return template.replace(/^([a-z_]+):/gm, (_line, key: string) => `${names.keyToWrite(key)}:`);
}

function newlineOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

function idFromPath(path: string): string {
  const base = posix
    .basename(path)
    .replace(/\.(md|markdown)$/i, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${DOCUMENT_ID_PREFIX[typeFromPath(path)]}-${base || 'NEW'}`.slice(0, 100);
}

function typeFromPath(path: string): DocumentType {
  const folders: [RegExp, DocumentType][] = [
    [/polic/i, 'policy'],
    [/plan/i, 'plan'],
    [/process/i, 'process'],
    [/procedure/i, 'procedure'],
    [/catalog/i, 'catalogue'],
    [/agreement|contract|sla/i, 'agreement'],
    [/register/i, 'register'],
    [/record|evidence/i, 'record'],
    [/report/i, 'report'],
  ];
  const folder = posix.dirname(path);
  return folders.find(([pattern]) => pattern.test(folder))?.[1] ?? 'other';
}

function titleFromText(text: string): string | undefined {
  return /^#\s+(.+?)\s*#*\s*$/m.exec(text)?.[1];
}

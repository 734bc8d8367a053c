import { nearestIds } from '../catalog/nearestIds.js';
import { sharedStems, stemOf, wordStems } from '../text/wordStems.js';

/**
 * What people call a document type or status in other systems, mapped to Clausemark's word for it: an SLA
 * is an `agreement`, not (by spelling) a `plan`. Keys are lower case with single spaces.
 */
const SYNONYMS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  type: {
    ...each('agreement', [
      'sla',
      'slas',
      'ola',
      'olas',
      'uc',
      'ucs',
      'underpinning contract',
      'contract',
      'service level agreement',
      'operational level agreement',
      'memorandum of understanding',
      'mou',
      'terms of service',
    ]),
    ...each('procedure', [
      'sop',
      'sops',
      'standard operating procedure',
      'work instruction',
      'instruction',
      'instructions',
      'runbook',
      'run book',
      'playbook',
      'how to',
      'manual',
      'guide',
    ]),
    ...each('policy', ['policy statement', 'statement', 'principles', 'charter']),
    ...each('record', ['log', 'logs', 'minutes', 'meeting minutes', 'evidence', 'ticket', 'audit trail']),
    ...each('report', ['audit report', 'assessment', 'review report', 'kpi report']),
    ...each('catalogue', ['catalog', 'service catalog', 'service catalogue']),
    ...each('register', ['inventory', 'cmdb', 'risk register', 'list']),
    ...each('process', ['workflow']),
    ...each('plan', ['roadmap', 'schedule']),
  },
  status: {
    ...each('approved', ['published', 'active', 'released', 'final', 'signed off', 'in force', 'effective']),
    ...each('review', ['in review', 'pending', 'pending approval', 'under review', 'for review']),
    ...each('draft', ['wip', 'work in progress', 'proposed', 'new']),
    ...each('retired', ['obsolete', 'withdrawn', 'archived', 'superseded', 'deprecated', 'inactive']),
  },
};

function each(target: string, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, target]));
}

/** The allowed value someone most likely meant by `written` for `field` (`type`, `status`): a known synonym, else the nearest spelling. */
export function suggestValue(field: string, written: string, allowed: readonly string[]): string | undefined {
  const key = written
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  const synonym = SYNONYMS[field]?.[key];
  if (synonym !== undefined && allowed.includes(synonym)) return synonym;
  return nearestIds(written, allowed, 1)[0];
}

type FieldKind = 'date' | 'person' | 'other';

/** Fields that hold a date or a person, whatever their names end in. */
const FIELD_KIND: Readonly<Record<string, FieldKind>> = { approved_on: 'date', next_review: 'date', date: 'date', approved_by: 'person', owner: 'person' };
const DATE_WORDS = new Set(['date', 'dated', 'on', 'at', 'day', 'when', 'due', 'time']);
const PERSON_WORDS = new Set(['by', 'who', 'person', 'name']);

function kindOfName(words: readonly string[]): FieldKind {
  if (words.some((word) => DATE_WORDS.has(word))) return 'date';
  // `approver`, `author`: a word for whoever does it.
  if (words.some((word) => PERSON_WORDS.has(word) || (word.length > 4 && /(?:er|or)$/.test(word)))) return 'person';
  return 'other';
}

/**
 * The known field an unknown key most likely means. Meaning first: a field sharing a word stem with the key,
 * preferring one of the same kind (`approved_date` → `approved_on`, a date, not `approved_by`); then spelling.
 */
export function suggestField(name: string, known: readonly string[]): string | undefined {
  const words = name
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
  const stems = words.filter((word) => !DATE_WORDS.has(word) && !PERSON_WORDS.has(word)).map(stemOf);
  const kind = kindOfName(words);
  let best: { field: string; score: number } | undefined;
  for (const field of known) {
    const fieldStems = wordStems(field).filter((stem) => !DATE_WORDS.has(stem) && !PERSON_WORDS.has(stem));
    const shared = sharedStems(stems, fieldStems);
    if (shared === 0) continue;
    const score = shared * 2 + ((FIELD_KIND[field] ?? 'other') === kind ? 1 : 0);
    if (!best || score > best.score) best = { field, score };
  }
  return best?.field ?? nearestIds(name, known, 1)[0];
}

// Generates a realistic SMS repository of N Markdown documents, deterministic from a seed: policies,
// processes, procedures and records with frontmatter in the README's format, evidence that exists,
// cross-links, a few findings, plus a share of ordinary (non-SMS) Markdown that a check must skip.
// The repository is in a certification cycle (a `certification` block in clausemark.json): a share of the
// records are audit reports with nonconformities and management reviews, so the cycle rules are measured.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';

/** A small seeded PRNG (mulberry32), so every run writes the same bytes. */
export function randomFrom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (low, high) => low + Math.floor(next() * (high - low + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p,
  };
}

const WORDS = (
  'service management change incident problem request release deployment capacity availability continuity ' +
  'supplier customer agreement level report review audit risk asset configuration item record evidence owner ' +
  'approval schedule impact priority escalation resolution workaround knowledge catalogue portfolio demand budget ' +
  'improvement objective measure target monthly quarterly annual team manager desk operations network security ' +
  'backup restore test plan design transition acceptance criteria stakeholder communication competence training'
).split(' ');
const ROLES = ['Service Desk Manager', 'Change Manager', 'Problem Manager', 'Head of Service Operations', 'SMS Manager', 'Supplier Manager', 'Capacity Manager'];
const AUDITORS = ['Internal Audit Lead', 'External associate auditor', 'Certification body lead auditor'];
const TYPES = [
  { type: 'policy', folder: 'policies', prefix: 'POL', share: 0.08 },
  { type: 'process', folder: 'processes', prefix: 'PRC', share: 0.14 },
  { type: 'procedure', folder: 'procedures', prefix: 'PRO', share: 0.23 },
  { type: 'record', folder: 'records', prefix: 'REC', share: 0.55 },
];
const RECORD_KINDS = ['incidents', 'changes', 'problems', 'audits', 'service-reports', 'releases', 'suppliers', 'management-reviews'];
/** The record folders whose documents are of a cycle type rather than `record`. */
const CYCLE_TYPES = { audits: 'audit', 'management-reviews': 'management-review' };
const CERTIFICATION = {
  certifiedOn: '2025-03-10',
  cycleYears: 3,
  audits: [
    { kind: 'surveillance', date: '2026-03-09' },
    { kind: 'surveillance', date: '2027-03-08' },
    { kind: 'recertification', date: '2028-01-17' },
  ],
  internalAuditMonths: 12,
  managementReviewMonths: 12,
};
/** Share of files that are ordinary Markdown (READMEs, runbooks, changelogs), not SMS documents. */
const OTHER_SHARE = 0.15;

function sentence(random, words = random.int(8, 22)) {
  const parts = Array.from({ length: words }, () => random.pick(WORDS));
  if (random.chance(0.15)) parts[random.int(0, parts.length - 1)] = `**${random.pick(WORDS)}**`;
  if (random.chance(0.1)) parts[random.int(0, parts.length - 1)] = `\`${random.pick(WORDS)}\``;
  if (random.chance(0.08)) parts[random.int(0, parts.length - 1)] = `[${random.pick(WORDS)}](https://intranet.example.com/${random.pick(WORDS)})`;
  const text = parts.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function paragraph(random) {
  const lines = [];
  let line = '';
  for (let i = random.int(2, 6); i > 0; i--) {
    line += (line ? ' ' : '') + sentence(random);
    if (line.length > 70) {
      lines.push(line);
      line = '';
    }
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

function table(random) {
  const columns = random.int(2, 4);
  const header = Array.from({ length: columns }, () => random.pick(WORDS));
  const rows = [`| ${header.join(' | ')} |`, `|${'---|'.repeat(columns)}`];
  for (let r = random.int(3, 10); r > 0; r--) rows.push(`| ${Array.from({ length: columns }, () => sentence(random, random.int(1, 6))).join(' | ')} |`);
  return rows.join('\n');
}

function list(random) {
  const ordered = random.chance(0.4);
  return Array.from({ length: random.int(3, 8) }, (_, i) => `${ordered ? `${i + 1}.` : '-'} ${sentence(random, random.int(4, 14))}`).join('\n');
}

function mermaid(random) {
  const steps = Array.from({ length: random.int(3, 7) }, (_, i) => `    S${i}["${random.pick(WORDS)} ${random.pick(WORDS)}"]`);
  const edges = steps.slice(1).map((_, i) => `    S${i} --> S${i + 1}`);
  return ['```mermaid', 'flowchart TD', ...steps, ...edges, '```'].join('\n');
}

/** A Markdown body of about `targetBytes`: headings, paragraphs, tables, lists, now and then a diagram or code. */
function body(random, title, targetBytes, headingsOut) {
  const blocks = [`# ${title}`];
  let size = title.length;
  while (size < targetBytes) {
    const heading = `${random.pick(WORDS)} ${random.pick(WORDS)}`;
    headingsOut.push(heading);
    blocks.push(`## ${heading.charAt(0).toUpperCase()}${heading.slice(1)}`);
    for (let i = random.int(1, 4); i > 0; i--) {
      const roll = random.next();
      const block = roll < 0.55 ? paragraph(random) : roll < 0.7 ? table(random) : roll < 0.85 ? list(random) : roll < 0.9 ? `### ${sentence(random, 3)}` : roll < 0.95 ? mermaid(random) : `> ${sentence(random)}`;
      blocks.push(block);
      size += block.length;
    }
  }
  return `${blocks.join('\n\n')}\n`;
}

/** Body sizes from 2 to 20 KB, most of them small, as in real repositories. */
function bodySize(random) {
  return Math.round(2048 + 18432 * random.next() ** 2.2);
}

/** `audit:` and `findings:` of an audit report: an internal or surveillance audit with 0–4 nonconformities. */
function auditFields(random, id, clauseIds) {
  const month = () => String(random.int(1, 9)).padStart(2, '0');
  // Most audits are done by an independent auditor; now and then one audits their own processes.
  const auditor = random.chance(0.1) ? random.pick(ROLES) : random.pick(AUDITORS);
  const lines = ['audit:', `  kind: ${random.chance(0.8) ? 'internal' : 'surveillance'}`, `  auditor: ${auditor}`];
  lines.push(`  scope: [${[...new Set(Array.from({ length: random.int(1, 6) }, () => random.pick(clauseIds)))].join(', ')}]`);
  const count = random.int(0, 4);
  if (count === 0) return lines;
  lines.push('findings:');
  for (let n = 1; n <= count; n++) {
    const closed = random.chance(0.5);
    lines.push(`  - id: NC-${id}-${n}`, `    clause: ${random.pick(clauseIds)}`, `    grade: ${random.chance(0.02) ? 'serious' : random.pick(['major', 'minor', 'minor', 'observation', 'opportunity'])}`);
    lines.push(`    summary: ${sentence(random, random.int(4, 10)).replace(/[*`[\]():]/g, '')}`, `    raised_on: 2026-${month()}-1${random.int(0, 9)}`, `    due: ${random.chance(0.1) ? 2025 : 2027}-${month()}-2${random.int(0, 8)}`);
    lines.push(`    status: ${closed ? 'closed' : 'open'}`, `    action: ${random.chance(0.3) ? 'PRC-00100' : 'Corrective action agreed with the owner'}`);
    if (closed) lines.push(`    closed_on: 2026-${String(random.int(10, 11))}-0${random.int(1, 9)}`, ...(random.chance(0.7) ? [`    verified_on: 2026-11-1${random.int(0, 9)}`] : []));
  }
  return lines;
}

function slugOf(text) {
  return text.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-');
}

/** The custom catalog of the three-catalog repository: 9 groups of 9 criteria, as a team's own control list. */
const CUSTOM_CATALOG = {
  id: 'controls:bench',
  title: 'Customer assurance criteria (benchmark)',
  clauses: Array.from({ length: 9 }, (_, g) => [
    { id: `CC${g + 1}`, title: `Criteria group ${g + 1}` },
    ...Array.from({ length: 9 }, (_, c) => ({ id: `CC${g + 1}.${c + 1}`, title: `Criterion ${g + 1}.${c + 1}`, parent: `CC${g + 1}` })),
  ]).flat(),
};

/**
 * Writes the repository into `folder` (emptied first) and returns what it wrote.
 * `clauseIds` are the catalog's leaf clause ids. With `annexAControls` (ids of ISO/IEC 27001:2022 Annex A) the
 * repository claims three catalogs: `catalogs` maps 20000, 27001 and TSC (a custom catalog file), and every
 * policy, process and procedure also claims 1–3 controls of 27001 and 1–2 TSC criteria in the mapping form. The
 * extra claims come from a random stream of their own, so the files are otherwise the same bytes as without.
 */
export function generateRepository(folder, count, clauseIds, seed = 20000, { annexAControls } = {}) {
  const random = randomFrom(seed + count);
  const extra = randomFrom(seed + count + 27001);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const catalogs = annexAControls ? { catalogs: { 20000: 'iso20000-1:2018', 27001: 'iso27001:2022', TSC: './tsc.catalog.json' } } : { catalog: 'iso20000-1:2018' };
  writeFileSync(join(folder, 'clausemark.json'), `${JSON.stringify({ ...catalogs, smsFolders: ['sms/**'], certification: CERTIFICATION }, null, 2)}\n`);
  if (annexAControls) writeFileSync(join(folder, 'tsc.catalog.json'), `${JSON.stringify(CUSTOM_CATALOG, null, 2)}\n`);
  const criteria = CUSTOM_CATALOG.clauses.filter((clause) => clause.parent).map((clause) => clause.id);
  const files = [];
  const smsCount = Math.round(count * (1 - OTHER_SHARE));
  // Plan every document first, so evidence and `related` can name documents written later.
  const planned = [];
  let counter = 0;
  for (const kind of TYPES) {
    const howMany = kind === TYPES[TYPES.length - 1] ? smsCount - planned.length : Math.round(smsCount * kind.share);
    for (let i = 0; i < howMany; i++) {
      counter++;
      const recordKind = kind.type === 'record' ? RECORD_KINDS[i % RECORD_KINDS.length] : undefined;
      const sub = recordKind ? `${recordKind}/` : '';
      const id = `${kind.prefix}-${String(counter).padStart(5, '0')}`;
      planned.push({ kind, type: CYCLE_TYPES[recordKind] ?? kind.type, id, path: `sms/${kind.folder}/${sub}${id.toLowerCase()}-${random.pick(WORDS)}.md` });
    }
  }
  const records = planned.filter((doc) => doc.kind.type === 'record');
  for (const doc of planned) {
    const headings = [];
    const title = `${doc.kind.type.charAt(0).toUpperCase()}${doc.kind.type.slice(1)} ${doc.id}: ${random.pick(WORDS)} ${random.pick(WORDS)}`;
    const text = body(random, title, bodySize(random), headings);
    const lines = ['---', `id: ${doc.id}`, `title: "${title}"`, `type: ${doc.type}`];
    if (!random.chance(0.01)) lines.push(`owner: ${random.pick(ROLES)}`); // a few documents without owner
    const isRecord = doc.kind.type === 'record';
    lines.push(`status: ${random.chance(0.9) ? 'approved' : 'draft'}`, `version: "${random.int(1, 5)}.${random.int(0, 9)}"`);
    lines.push(`approved_by: ${random.pick(ROLES)}`, `approved_on: 2026-0${random.int(1, 9)}-1${random.int(0, 9)}`);
    if (isRecord) {
      lines.push(`date: 2026-${String(random.int(1, 10)).padStart(2, '0')}-${String(random.int(10, 28))}`);
    } else {
      const reviewYear = random.chance(0.03) ? 2025 : 2027; // a few overdue reviews
      lines.push(`next_review: ${reviewYear}-0${random.int(1, 9)}-1${random.int(0, 9)}`);
    }
    const claimsThree = annexAControls !== undefined && !isRecord;
    lines.push(claimsThree ? 'clauses:\n  "20000":' : 'clauses:');
    const claimed = [...new Set(Array.from({ length: random.int(1, 4) }, () => (random.chance(0.01) ? '8.99.1' : random.pick(clauseIds))))]; // a few unknown clauses
    for (const clause of claimed) {
      if (!isRecord && headings.length > 0 && random.chance(0.3)) {
        const section = random.chance(0.03) ? 'no-such-section' : slugOf(random.pick(headings));
        lines.push(`  - clause: ${clause}`, `    section: ${section}`);
      } else lines.push(`  - ${clause}`);
    }
    if (claimsThree) {
      const controls = [...new Set(Array.from({ length: extra.int(1, 3) }, () => extra.pick(annexAControls)))];
      const picked = [...new Set(Array.from({ length: extra.int(1, 2) }, () => extra.pick(criteria)))];
      lines.push(`  "27001": [${controls.join(', ')}]`, `  TSC: [${picked.join(', ')}]`);
    }
    if (!isRecord) {
      lines.push('evidence:');
      for (let e = random.int(1, 3); e > 0; e--) {
        const target = random.chance(0.02) ? 'sms/records/missing/gone.md' : random.pick(records).path;
        lines.push(`  - path: ${posix.relative(posix.dirname(doc.path), target)}`, `    clause: ${random.pick(claimed)}`, `    date: 2026-${String(random.int(1, 10)).padStart(2, '0')}-1${random.int(0, 9)}`);
      }
    }
    const related = Array.from({ length: random.int(0, 4) }, () => (random.chance(0.02) ? 'DOC-UNKNOWN' : random.pick(planned).id));
    if (related.length > 0) lines.push(`related: [${[...new Set(related)].join(', ')}]`);
    if (doc.type === 'audit') lines.push(...auditFields(random, doc.id, clauseIds));
    lines.push('---', '');
    files.push({ path: doc.path, text: `${lines.join('\n')}\n${text}` });
  }
  for (let i = files.length; i < count; i++) {
    const headings = [];
    const name = `${random.pick(WORDS)}-${i}`;
    const frontmatter = random.chance(0.3) ? `---\ntitle: ${name}\nsidebar_position: ${i}\n---\n\n` : '';
    files.push({ path: `docs/${RECORD_KINDS[i % RECORD_KINDS.length]}/${name}.md`, text: frontmatter + body(random, `Notes on ${name}`, bodySize(random), headings) });
  }
  for (const file of files) {
    const absolute = join(folder, file.path);
    mkdirSync(dirname(absolute), { recursive: true });
    writeFileSync(absolute, file.text);
  }
  return { files, bytes: files.reduce((sum, file) => sum + Buffer.byteLength(file.text), 0) };
}

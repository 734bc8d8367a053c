#!/usr/bin/env node
// Builds the built-in catalogs schemas/iso27001-2022.json and schemas/iso9001-2015.json from the gathered
// reference facts (ids, titles, parents, kinds, and the reference's own paraphrases of the documented
// information) plus the editorial classification in scripts/catalog-data/. Untitled numbered paragraphs
// (ISO 9001 marks them `untitled: true`, `title: null`) get no title: the reference's `label` is our wording,
// not the standard's title, and is never shown as one.
//
// Usage: node scripts/build-standard-catalogs.mjs [path/to/reference-folder]
//   default: ../shared/reference beside the repository. Plain Node ESM, deterministic output.

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as iso27001 from './catalog-data/iso27001-2022.mjs';
import * as iso9001 from './catalog-data/iso9001-2015.mjs';

const scriptDir = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(scriptDir, '..');
const referenceDir = process.argv[2] ? resolve(process.argv[2]) : resolve(repoRoot, '../shared/reference');
const DOCUMENT_TYPES = new Set(['policy', 'plan', 'process', 'procedure', 'catalogue', 'agreement', 'register', 'record', 'report', 'other']);
const KINDS = new Set(['clause', 'annex', 'theme', 'control']);

function fail(message) {
  console.error(`build-standard-catalogs: ${message}`);
  process.exit(1);
}

function build({ HEADER, REFERENCE_FILE, OUTPUT_FILE, CLASSIFICATION }) {
  const reference = JSON.parse(readFileSync(resolve(referenceDir, REFERENCE_FILE), 'utf8'));
  const seen = new Set();
  const parents = new Set(reference.clauses.map((c) => c.parent).filter((p) => p != null));
  for (const c of reference.clauses) {
    if (seen.has(c.id)) fail(`${REFERENCE_FILE}: duplicate id ${c.id}`);
    if (c.parent != null && !seen.has(c.parent)) fail(`${REFERENCE_FILE}: ${c.id} names parent ${c.parent} before it exists`);
    if (typeof c.leaf === 'boolean' && c.leaf === parents.has(c.id)) fail(`${REFERENCE_FILE}: leaf flag of ${c.id} disagrees with the tree`);
    if (c.kind != null && !KINDS.has(c.kind)) fail(`${REFERENCE_FILE}: unknown kind ${c.kind}`);
    if (c.title == null && c.untitled !== true) fail(`${REFERENCE_FILE}: ${c.id} has no title and is not marked untitled`);
    seen.add(c.id);
  }
  for (const id of Object.keys(CLASSIFICATION)) {
    const clause = reference.clauses.find((c) => c.id === id);
    if (!clause) fail(`${OUTPUT_FILE}: classification for unknown clause ${id}`);
    if (parents.has(id)) fail(`${OUTPUT_FILE}: classification names non-leaf ${id}`);
    if ((clause.documentedInformation ?? []).length !== CLASSIFICATION[id].length) fail(`${OUTPUT_FILE}: ${id} classifies ${CLASSIFICATION[id].length} items, the reference has ${(clause.documentedInformation ?? []).length}`);
  }
  for (const c of reference.clauses) {
    if ((c.documentedInformation ?? []).length > 0 && !parents.has(c.id) && !Object.hasOwn(CLASSIFICATION, c.id)) fail(`${OUTPUT_FILE}: ${c.id} has documented information but no classification`);
  }
  const clauses = reference.clauses.map((c) => {
    const out = { id: c.id };
    if (c.title != null) out.title = c.title;
    else out.untitled = true;
    if (c.parent != null) out.parent = c.parent;
    if (c.kind != null) out.kind = c.kind;
    const documents = [];
    const records = [];
    (CLASSIFICATION[c.id] ?? []).forEach(([what, typesOrRequired, required], index) => {
      const description = c.documentedInformation[index];
      if (what === 'doc') {
        if (!typesOrRequired.every((t) => DOCUMENT_TYPES.has(t))) fail(`${OUTPUT_FILE}: ${c.id} names an unknown document type`);
        documents.push(required === false ? { description, types: typesOrRequired, required: false } : { description, types: typesOrRequired });
      } else if (what === 'rec') {
        records.push(typesOrRequired === false ? { description, required: false } : { description });
      } else if (what !== 'skip') fail(`${OUTPUT_FILE}: ${c.id} item ${index} is ${what}`);
    });
    if (documents.length) out.documents = documents;
    if (records.length) out.records = records;
    if (c.confidence != null) out.confidence = c.confidence;
    return out;
  });
  writeFileSync(resolve(repoRoot, 'schemas', OUTPUT_FILE), JSON.stringify({ ...HEADER, clauses }, null, 2) + '\n');
  console.log(`Wrote schemas/${OUTPUT_FILE}: ${clauses.length} clauses, ${clauses.length - parents.size} leaves`);
}

build(iso27001);
build(iso9001);

// Editorial data for the built-in ISO 9001:2015 catalog (see build-standard-catalogs.mjs).
// Descriptions come from the reference's own paraphrases; only the split into documents and records,
// the document types and whether an item is mandatory are decided here.

export const HEADER = {
  $schema: './clause-catalog.schema.json',
  id: 'iso9001:2015',
  title: 'ISO 9001:2015 Quality management system requirements',
  version: '2015',
  docsUrl: 'https://github.com/clausemark/clausemark#the-built-in-catalogs',
  exclusions: {
    allowed: false,
    note:
      'Clausemark treats every requirement of clauses 4 to 10 as in scope. Where a requirement cannot be applied, ' +
      'the justification belongs in the documented QMS scope (4.3).',
  },
};

export const REFERENCE_FILE = 'iso9001-2015.json';
export const OUTPUT_FILE = 'iso9001-2015.json';

/** As in iso27001-2022.mjs: one entry per reference `documentedInformation` item; a trailing `false` = not mandatory. */
export const CLASSIFICATION = {
  '4.3': [['doc', ['policy', 'plan', 'other']], ['doc', ['policy', 'plan', 'other'], false]],
  '4.4.2': [['doc', ['process', 'procedure']], ['rec']],
  '5.2.2': [['doc', ['policy']]],
  '6.2.1': [['doc', ['plan', 'policy', 'register', 'other']]],
  '7.1.5.1': [['rec']],
  '7.1.5.2': [['rec', false]],
  '7.2': [['rec']],
  '7.5.1': [['skip']],
  '8.1': [['rec'], ['rec']],
  '8.2.3.2': [['rec'], ['rec', false]],
  '8.2.4': [['rec', false]],
  '8.3.2': [['skip']],
  '8.3.3': [['rec']],
  '8.3.4': [['rec']],
  '8.3.5': [['rec']],
  '8.3.6': [['rec']],
  '8.4.1': [['rec']],
  '8.5.1': [['doc', ['procedure', 'process', 'other'], false]],
  '8.5.2': [['rec', false]],
  '8.5.3': [['rec', false]],
  '8.5.6': [['rec']],
  '8.6': [['rec'], ['rec']],
  '8.7.2': [['rec']],
  '9.1.1': [['rec']],
  '9.2.2': [['rec'], ['rec']],
  '9.3.3': [['rec']],
  '10.2.2': [['rec'], ['rec']],
};

// Editorial data for the built-in ISO/IEC 27001:2022 catalog (see build-standard-catalogs.mjs).
// Descriptions come from the reference's own paraphrases; only the split into documents and records,
// the document types and whether an item is mandatory are decided here.

export const HEADER = {
  $schema: './clause-catalog.schema.json',
  id: 'iso27001:2022',
  title: 'ISO/IEC 27001:2022 Information security management system requirements',
  version: '2022',
  docsUrl: 'https://github.com/clausemark/clausemark#the-built-in-catalogs',
  exclusions: {
    allowed: false,
    note:
      'Every requirement of clauses 4 to 10 applies to an organisation claiming conformity. Annex A controls are not excluded here: ' +
      'declare them not applicable, with a justification, under `applicability` (the Statement of Applicability).',
  },
};

export const REFERENCE_FILE = 'iso27001-2022.json';
export const OUTPUT_FILE = 'iso27001-2022.json';

/**
 * One entry per item of the reference's `documentedInformation`, in order: `['doc', types]` a controlled document,
 * `['rec']` a record, `['skip']` not a requirement of its own (umbrella or meta requirement). A trailing `false`
 * marks an item that is not mandatory. Leaves not listed call for nothing.
 */
export const CLASSIFICATION = {
  '4.3': [['doc', ['policy', 'plan', 'other']]],
  '5.2': [['doc', ['policy']]],
  '6.1.2': [['doc', ['process', 'procedure', 'policy']]],
  '6.1.3': [['doc', ['register', 'other']], ['doc', ['plan']], ['doc', ['process', 'procedure']]],
  '6.2': [['doc', ['plan', 'policy', 'register', 'other']], ['doc', ['plan']]],
  '7.2': [['rec']],
  '7.5.1': [['skip']],
  '8.1': [['rec']],
  '8.2': [['rec']],
  '8.3': [['rec']],
  '9.1': [['rec']],
  '9.2.2': [['rec'], ['rec']],
  '9.3.3': [['rec']],
  '10.2': [['rec'], ['rec']],
};

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AjvDraft04 from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import type * as Sarif from 'sarif';

const require = createRequire(import.meta.url);
const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as object;
// Both packages are CommonJS whose module.exports also carries itself as `default`.
const Ajv = AjvDraft04.default;
const addFormats = addFormatsModule.default;
// The schema's language pattern is not valid with the `u` flag (`...]?$`), so compile patterns without it.
const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
addFormats(ajv);
const validateSarif = ajv.compile(schema);

/** Parses SARIF text and asserts it is valid against the official SARIF 2.1.0 schema. */
export function assertValidSarif(text: string): Sarif.Log {
  const log = JSON.parse(text) as Sarif.Log;
  const valid = validateSarif(log);
  assert.ok(valid, `SARIF is valid: ${ajv.errorsText(validateSarif.errors, { separator: '\n' })}`);
  return log;
}

import { FieldNames, type FieldMapping } from '../document/fieldNames.js';
import type { OpeningFence } from '../document/frontmatterBlock.js';
import type { ReadOptions } from '../document/readSmsDocument.js';

/** How documents are written, as clausemark.json says (`fields`, `frontmatter`): for repositories written for another tool. */
export interface DocumentFormatFile {
  readonly fields?: FieldMapping;
  readonly frontmatter?: { readonly openingFence?: OpeningFence };
}

export interface DocumentFormat {
  readonly fields: FieldMapping;
  readonly frontmatter: { readonly openingFence: OpeningFence };
}

export const DEFAULT_DOCUMENT_FORMAT: DocumentFormat = { fields: {}, frontmatter: { openingFence: 'required' } };

export function documentFormatWithDefaults(file: DocumentFormatFile): DocumentFormat {
  return {
    fields: file.fields ?? DEFAULT_DOCUMENT_FORMAT.fields,
    frontmatter: { openingFence: file.frontmatter?.openingFence ?? DEFAULT_DOCUMENT_FORMAT.frontmatter.openingFence },
  };
}

// One FieldNames per mapping: it is built once per configuration, not once per file read.
const namesOfMapping = new WeakMap<FieldMapping, FieldNames>();

function fieldNamesOf(mapping: FieldMapping): FieldNames {
  let names = namesOfMapping.get(mapping);
  if (!names) namesOfMapping.set(mapping, (names = FieldNames.from(mapping)));
  return names;
}

/** What reading a document needs from the configuration, and a signature of it for the parse cache key. */
export function documentReadOptions(config: DocumentFormat & { readonly extraFields: readonly string[] }): {
  readonly options: Required<Omit<ReadOptions, 'inSmsFolder'>>;
  readonly signature: string;
} {
  const fieldNames = fieldNamesOf(config.fields);
  const { openingFence } = config.frontmatter;
  return {
    options: { extraFields: config.extraFields, fieldNames, openingFence },
    signature: `${config.extraFields.join(',')}\0${fieldNames.signature}\0${openingFence}`,
  };
}

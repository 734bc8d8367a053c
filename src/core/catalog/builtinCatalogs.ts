import iso20000_1_2018 from '../../../schemas/iso20000-1-2018.json' with { type: 'json' };
import type { CatalogFile } from './catalogFile.js';

/** Catalogs shipped with Clausemark, by the id a config names them with. */
export const BUILTIN_CATALOGS: ReadonlyMap<string, CatalogFile> = new Map<string, CatalogFile>([
  ['iso20000-1:2018', iso20000_1_2018 as CatalogFile],
]);

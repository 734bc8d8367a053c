import iso20000_1_2018 from '../../../schemas/iso20000-1-2018.json' with { type: 'json' };
import iso27001_2022 from '../../../schemas/iso27001-2022.json' with { type: 'json' };
import iso9001_2015 from '../../../schemas/iso9001-2015.json' with { type: 'json' };
import type { CatalogFile } from './catalogFile.js';

/** Catalogs shipped with Clausemark, by the id a config names them with. */
export const BUILTIN_CATALOGS: ReadonlyMap<string, CatalogFile> = new Map<string, CatalogFile>([
  ['iso20000-1:2018', iso20000_1_2018 as CatalogFile],
  ['iso27001:2022', iso27001_2022 as CatalogFile],
  ['iso9001:2015', iso9001_2015 as CatalogFile],
]);

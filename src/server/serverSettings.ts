import type { ConfigFile } from '../core/index.js';

/** The `clausemark` settings section as an editor sends it (workspace/configuration); any value may be missing or wrong. */
export interface ServerSettings {
  readonly config: ConfigFile;
  readonly validateDiagrams: boolean;
  readonly codeLens: boolean;
}

const SEVERITIES = new Set(['off', 'info', 'warning', 'error']);
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The settings that are well-formed, as config values (clausemark.json wins over them); a value of the wrong
 * type is left out rather than failing the folder, as an editor's settings UI already flags it.
 */
export function readServerSettings(section: unknown): ServerSettings {
  const settings = isRecord(section) ? section : {};
  const config: Record<string, unknown> = {};
  if (typeof settings.catalog === 'string' && settings.catalog !== '') config.catalog = settings.catalog;
  if (Array.isArray(settings.smsFolders) && settings.smsFolders.every((glob) => typeof glob === 'string')) config.smsFolders = settings.smsFolders;
  if (isRecord(settings.rules))
    config.rules = Object.fromEntries(Object.entries(settings.rules).filter(([, value]) => typeof value === 'string' && SEVERITIES.has(value)));
  for (const key of ['reviewWarningDays', 'evidenceMaxAgeDays', 'reviewCycleMonths'] as const) {
    const value = settings[key];
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0) config[key] = value;
  }
  return {
    config: config,
    validateDiagrams: settings.validateDiagrams !== false,
    codeLens: settings.codeLens !== false,
  };
}

/** Whether two readings of the settings say the same (both come from `readServerSettings`, so key order is fixed). */
export function sameSettings(a: ServerSettings, b: ServerSettings): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

import * as vscode from 'vscode';
import type { ConfigFile } from '../core/config/clausemarkConfig.js';
import type { SeveritySetting } from '../core/model/severity.js';

/** The `clausemark.*` settings a user changed, as config values; clausemark.json wins over them. */
export function settingsFor(folder: vscode.WorkspaceFolder | undefined): ConfigFile {
  const configuration = vscode.workspace.getConfiguration('clausemark', folder);
  const explicit = <T>(key: string): T | undefined => {
    const inspected = configuration.inspect<T>(key);
    return inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue;
  };
  const settings: Record<string, unknown> = {};
  // In Restricted Mode a workspace cannot point the catalog at a file of its choosing.
  const catalog = vscode.workspace.isTrusted ? explicit<string>('catalog') : configuration.inspect<string>('catalog')?.globalValue;
  if (catalog !== undefined) settings.catalog = catalog;
  const smsFolders = explicit<string[]>('smsFolders');
  if (smsFolders !== undefined) settings.smsFolders = smsFolders;
  const rules = explicit<Record<string, SeveritySetting>>('rules');
  if (rules !== undefined) settings.rules = rules;
  for (const key of ['reviewWarningDays', 'evidenceMaxAgeDays', 'reviewCycleMonths'] as const) {
    const value = explicit<number>(key);
    if (value !== undefined) settings[key] = value;
  }
  return settings;
}

export function diagramsEnabled(folder: vscode.WorkspaceFolder | undefined): boolean {
  return vscode.workspace.getConfiguration('clausemark', folder).get<boolean>('validateDiagrams', true);
}

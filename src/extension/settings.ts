import * as vscode from 'vscode';

/**
 * The `clausemark` section the server asks for (workspace/configuration): only what the user set, so the
 * defaults stay the core's and clausemark.json wins over them, plus the editor-only switches.
 */
export function settingsFor(scope: vscode.Uri | undefined): Record<string, unknown> {
  const configuration = vscode.workspace.getConfiguration('clausemark', scope);
  const explicit = <T>(key: string): T | undefined => {
    const inspected = configuration.inspect<T>(key);
    return inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue;
  };
  const settings: Record<string, unknown> = {};
  // In Restricted Mode a workspace cannot point the catalog at a file of its choosing.
  const catalog = vscode.workspace.isTrusted ? explicit<string>('catalog') : configuration.inspect<string>('catalog')?.globalValue;
  if (catalog !== undefined) settings.catalog = catalog;
  for (const key of ['smsFolders', 'rules', 'reviewWarningDays', 'evidenceMaxAgeDays', 'reviewCycleMonths'] as const) {
    const value = explicit<unknown>(key);
    if (value !== undefined) settings[key] = value;
  }
  settings.validateDiagrams = configuration.get<boolean>('validateDiagrams', true);
  settings.codeLens = configuration.get<boolean>('codeLens', true);
  return settings;
}

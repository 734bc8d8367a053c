import assert from 'node:assert/strict';
import { readServerSettings } from '../../src/server/serverSettings.js';

describe('language server settings (workspace/configuration, section clausemark)', () => {
  it('takes the well-formed settings as config values and the editor switches', () => {
    const settings = readServerSettings({
      catalog: 'my.catalog.json',
      smsFolders: ['docs/**'],
      rules: { 'trace.unknown-related': 'warning' },
      reviewWarningDays: 14,
      validateDiagrams: false,
      codeLens: false,
    });
    assert.deepEqual(settings.config, {
      catalog: 'my.catalog.json',
      smsFolders: ['docs/**'],
      rules: { 'trace.unknown-related': 'warning' },
      reviewWarningDays: 14,
    });
    assert.equal(settings.validateDiagrams, false);
    assert.equal(settings.codeLens, false);
  });

  it('leaves out values of the wrong type instead of failing the folder', () => {
    const settings = readServerSettings({
      catalog: 5,
      smsFolders: 'sms/**',
      rules: { 'trace.unknown-related': 'loud', 'clause.unknown': 'off' },
      evidenceMaxAgeDays: -3,
      reviewCycleMonths: 1.5,
    });
    assert.deepEqual(settings.config, { rules: { 'clause.unknown': 'off' } });
    assert.equal(settings.validateDiagrams, true);
  });

  it('answers defaults when the client sends nothing (no configuration support, or null)', () => {
    for (const section of [undefined, null, 'text', []]) assert.deepEqual(readServerSettings(section), { config: {}, validateDiagrams: true, codeLens: true });
  });
});

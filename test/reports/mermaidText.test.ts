import assert from 'node:assert/strict';
import { MermaidIds, mermaidLabel } from '../../src/core/reports/mermaidText.js';

describe('mermaid labels from document text', () => {
  it('quote the text and leave no character mermaid or HTML would read as syntax', () => {
    assert.equal(mermaidLabel('8.6.1 Incident management'), '"8.6.1 Incident management"');
    const hostile = mermaidLabel('A "title" <img src=x onerror=alert(1)> & #1 `code` [x] {y} |z| \\ %%{init}%% end', 200);
    assert.ok(hostile.startsWith('"') && hostile.endsWith('"'));
    assert.doesNotMatch(hostile.slice(1, -1).replace(/#\d+;/g, ''), /["<>&#`[\]{}|\\%;]/);
  });

  it('keep a label on one line, shortened with an ellipsis', () => {
    assert.doesNotMatch(mermaidLabel('one\n```\ntwo\r\nthree'), /[\n\r`]/);
    assert.equal(mermaidLabel('x'.repeat(100), 10), `"${'x'.repeat(7)}#8230;"`);
  });

  it('use generated node ids, never the text', () => {
    const ids = new MermaidIds('d');
    assert.deepEqual([ids.idOf('POL-SMS'), ids.idOf('end; click x'), ids.idOf('POL-SMS')], ['d0', 'd1', 'd0']);
  });
});

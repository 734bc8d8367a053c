import assert from 'node:assert/strict';
import { MermaidIds, mermaidLabel } from '../../src/core/reports/mermaidText.js';

describe('mermaid labels from document text', () => {
  it('quote the text and turn every character mermaid or HTML would read into an entity code', () => {
    assert.equal(mermaidLabel('8.6.1 Incident management'), '"8.6.1 Incident management"');
    const hostile = mermaidLabel('A "title" <img src=x onerror=alert(1)> & #1 `code` [x] {y} |z| \\ end', 200);
    assert.equal(hostile, '"A #quot;title#quot; #lt;img src=x onerror=alert(1)#gt; #amp; #35;1 #96;code#96; #91;x#93; #123;y#125; #124;z#124; #92; end"');
    assert.doesNotMatch(hostile.slice(1, -1), /["<>`[\]{}|\\]/);
  });

  it('keep a label on one line, without control or bidi characters, shortened with an ellipsis', () => {
    assert.equal(mermaidLabel('one\n```\ntwo\u202e\u0007three'), '"one #96;#96;#96; two three"');
    assert.equal(mermaidLabel('x'.repeat(100), 10), `"${'x'.repeat(9)}…"`);
  });

  it('use generated node ids, never the text', () => {
    const ids = new MermaidIds('d');
    assert.deepEqual([ids.idOf('POL-SMS'), ids.idOf('end; click x'), ids.idOf('POL-SMS')], ['d0', 'd1', 'd0']);
  });
});

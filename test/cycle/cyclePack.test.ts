import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { clausemarkInProcess } from '../support/cli.js';
import { tempRepository } from '../support/cliRunner.js';
import { cycleFiles } from '../support/cycleRepository.js';
import { readXlsx, sheetValues } from '../support/xlsxReader.js';
import { packSection, writePack } from '../reports/packSupport.js';

describe('the certification cycle in the audit pack and the workbook', () => {
  let repository: string;
  before(() => {
    repository = tempRepository(cycleFiles('1.1'));
  });
  after(() => rmSync(repository, { recursive: true, force: true }));

  it('the Markdown pack has the timeline, the audit programme, the nonconformity register and the review log', async () => {
    const markdown = await writePack(repository, join(repository, 'pack-md'), 'markdown');
    const section = markdown.slice(markdown.indexOf('## Certification cycle'));
    assert.ok(
      section.includes(
        [
          '```mermaid',
          'timeline',
          '  title Certification cycle',
          '  2025-03-10 : certified',
          '  2026-03-09 : surveillance audit (overdue)',
          '  2026-04-01 : management review MR-1',
          '  2026-05-14 : internal audit AUD-1',
          '  2027-03-08 : surveillance audit (upcoming)',
          '  2028-03-10 : certificate expires',
          '```',
        ].join('\n'),
      ),
      section,
    );
    assert.ok(section.includes('| Clause | surveillance (planned) 2026-03-09 | AUD-1 2026-05-14 | surveillance (planned) 2027-03-08 |'), section);
    assert.ok(section.includes('| 1.1 Policy |  | 2026-05-14 |  |'), section);
    assert.ok(section.includes('| 1.2 Operation |  |  |  |'), section);
    assert.ok(section.includes('| NC-1 | 1.1 | minor |  | 2027-01-31 | open |  |  | open | AUD-1 |'), section);
    assert.ok(section.includes('| NC-3 |  | major |  | 2026-07-01 | closed |  | 2026-07-10 | closed | AUD-1 |'), section);
    assert.ok(section.includes('| MR-1 | 2026-04-01 | sms/mr.md |'), section);
  });

  it('the HTML pack has the same rows', async () => {
    const html = await writePack(repository, join(repository, 'pack-html'));
    const section = packSection(html, 'cycle');
    assert.equal(section.match(/<tr><td>NC-/g)?.length, 2);
    assert.equal(section.match(/<tr><td>OBS-1<\/td>/g)?.length, 1);
    assert.ok(
      section.includes(
        '<tr><td>NC-1</td><td>1.1</td><td>minor</td><td></td><td>2027-01-31</td><td>open</td><td></td><td></td><td>open</td><td>AUD-1</td></tr>',
      ),
      section,
    );
    assert.ok(section.includes('<pre class="mermaid">timeline\n  title Certification cycle\n  2025-03-10 : certified'));
    assert.ok(html.includes('<li><a href="#cycle">Certification cycle</a></li>'));
  });

  it('the workbook gains the nonconformity register and the audit programme', async () => {
    const output = join(repository, 'registers.xlsx');
    const result = await clausemarkInProcess(['export', repository, '--format', 'xlsx', '--output', output, '--force', '--today', '2026-11-21', '--no-cache']);
    assert.equal(result.status, 0, result.stderr);
    const sheets = readXlsx(readFileSync(output));
    assert.deepEqual(
      sheets.map((sheet) => sheet.name),
      ['Coverage', 'Documents', 'Evidence', 'Findings', 'Nonconformities', 'Audit programme'],
    );
    const register = sheetValues(sheets[4]!, 12);
    assert.deepEqual(
      register.map((row) => [row[0], row[2], row[10]]),
      [
        ['Id', 'Grade', 'State'],
        ['NC-1', 'minor', 'open'],
        ['OBS-1', 'observation', 'open'],
        ['NC-3', 'major', 'closed'],
      ],
    );
    assert.equal(sheetValues(sheets[5]!, 4).length, 3);
  });
});

import assert from 'node:assert/strict';
import { documentText } from '../support/repository.js';
import { checkOf, threeCatalogRepository } from './support.js';

/** Clauses of one catalog that a document covers, as `clause: ids`. */
function coveredIn(coverages: ReturnType<Awaited<ReturnType<typeof checkOf>>['index']['catalogCoverages']>, alias: string): string[] {
  const report = coverages.find((coverage) => coverage.alias === alias)!.report;
  return report.clauses.filter((clause) => clause.documents.length > 0).map((clause) => `${clause.clause}: ${clause.documents.map((d) => d.id).join(',')}`);
}

describe('several catalogs in an editor index', () => {
  it('an edit of claims in another catalog only updates that catalog, as a full check of the new text does', async () => {
    // A document that claims clauses of 27001 alone: its edit leaves the primary catalog's report the same object.
    const files = {
      ...threeCatalogRepository(),
      'sms/backup.md': documentText({ id: 'PRC-BAK', title: 'Backup procedure', clauses: '\n  "27001": [A.8.13]' }),
    };
    const { index } = await checkOf(files);
    assert.ok(coveredIn(index.catalogCoverages(), '27001').some((line) => line.startsWith('A.8.13: PRC-BAK')));
    const primaryBefore = index.coverage();

    // The backup procedure claims A.8.14 instead of A.8.13: nothing of the primary catalog changes.
    const edited = documentText({ id: 'PRC-BAK', title: 'Backup procedure', clauses: '\n  "27001": [A.8.14]' });
    await index.setDocument('sms/backup.md', edited);
    assert.equal(index.coverage(), primaryBefore, 'the primary report is kept');
    const afterEdit = coveredIn(index.catalogCoverages(), '27001');
    assert.ok(
      afterEdit.some((line) => line.startsWith('A.8.14: PRC-BAK')),
      afterEdit.join('\n'),
    );
    assert.ok(!afterEdit.some((line) => line.startsWith('A.8.13:')), afterEdit.join('\n'));

    const fresh = await checkOf({ ...files, 'sms/backup.md': edited });
    for (const alias of ['20000', '27001', 'TSC'])
      assert.deepEqual(coveredIn(index.catalogCoverages(), alias), coveredIn(fresh.index.catalogCoverages(), alias), alias);
  });
});

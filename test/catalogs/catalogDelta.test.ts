import assert from 'node:assert/strict';
import { buildChangeJson } from '../../src/core/reports/changeJson.js';
import { renderChangeMarkdown } from '../../src/core/reports/changeMarkdown.js';
import { changeSummaryText } from '../../src/core/reports/changeText.js';
import { reviewOf } from '../support/gitRepository.js';
import { documentText } from '../support/repository.js';
import { threeCatalogRepository } from './support.js';

describe('the pull-request coverage delta with several catalogs', () => {
  it('moves each catalog by the claims of its own catalog, in every change view', async function () {
    this.timeout(60000);
    const base = threeCatalogRepository();
    const added = documentText({ id: 'POL-ISP', title: 'Information security policy', type: 'policy', clauses: '\n  - 27001:A.5.1\n  - TSC:CC6.2' });
    const { review, repository } = await reviewOf(base, { 'sms/security-policy.md': added });
    try {
      assert.deepEqual(
        review.delta.clauses.map((clause) => clause.clause),
        [],
        'the primary catalog is not touched',
      );
      assert.deepEqual(
        review.catalogDeltas.map(({ alias, delta }) => [
          alias,
          delta.clauses.map((clause) => [clause.clause, clause.before, clause.after, clause.documentsAdded]),
        ]),
        [
          ['27001', [['A.5.1', 'uncovered', 'covered', ['POL-ISP']]]],
          // CC6.2 calls for records: a policy claiming it leaves it partial.
          ['TSC', [['CC6.2', 'uncovered', 'partial', ['POL-ISP']]]],
        ],
      );
      const text = changeSummaryText(review);
      assert.match(text, /^Coverage of 27001 .*: 1 newly covered \(A\.5\.1\), 0 newly at-risk, 0 newly partial, 0 newly uncovered\.$/m);
      assert.match(text, /^Coverage of TSC 50% → 50%: 0 newly covered, 0 newly at-risk, 1 newly partial \(CC6\.2\), 0 newly uncovered\.$/m);
      const json = buildChangeJson(review);
      assert.deepEqual(
        json.catalogs?.map((part) => [part.alias, part.before.covered, part.after.covered, part.clauses.length]),
        [
          ['27001', 3, 4, 1],
          ['TSC', 1, 1, 1],
        ],
      );
      const markdown = renderChangeMarkdown(review, { toolVersion: 'test' });
      assert.match(markdown, /Catalog `27001` \(ISO\/IEC 27001:2022 [^)]*\): coverage 2\.4% → 3\.3%; newly covered: A\.5\.1\./);
      assert.match(markdown, /Catalog `TSC` \(Trust services criteria\): coverage 50% → 50%; newly partial: CC6\.2\./);
    } finally {
      repository.remove();
    }
  });
});

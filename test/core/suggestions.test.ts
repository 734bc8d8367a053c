import assert from 'node:assert/strict';
import { nearestAnchors } from '../../src/core/catalog/nearestAnchors.js';
import { builtinCatalog, parseCatalog } from '../../src/core/catalog/loadCatalog.js';
import { suggestField, suggestValue } from '../../src/core/document/valueSuggestions.js';
import { DOCUMENT_STATUSES, DOCUMENT_TYPES } from '../../src/core/model/documentTypes.js';
import { KNOWN_FIELDS } from '../../src/core/model/smsDocument.js';
import { describeFinding, documentText, indexOf } from '../support/repository.js';

describe('suggestions that help', () => {
  it("maps what other systems call a document type to Clausemark's type", () => {
    const cases: Record<string, string> = {
      SLA: 'agreement',
      OLA: 'agreement',
      UC: 'agreement',
      'Underpinning contract': 'agreement',
      contract: 'agreement',
      SOP: 'procedure',
      'work instruction': 'procedure',
      runbook: 'procedure',
      playbook: 'procedure',
      'policy statement': 'policy',
      log: 'record',
      'Service Catalog': 'catalogue',
      proces: 'process', // a typo still gets the nearest spelling
    };
    for (const [written, meant] of Object.entries(cases)) assert.equal(suggestValue('type', written, DOCUMENT_TYPES), meant, written);
    assert.equal(suggestValue('status', 'Published', DOCUMENT_STATUSES), 'approved');
    assert.equal(suggestValue('status', 'obsolete', DOCUMENT_STATUSES), 'retired');
  });

  it('suggests a field of the same meaning: a date for a *_date key, a person for an approver', () => {
    const cases: Record<string, string> = {
      approved_date: 'approved_on',
      approval_date: 'approved_on',
      date_approved: 'approved_on',
      approver: 'approved_by',
      review_date: 'next_review',
      next_review_date: 'next_review',
      ownr: 'owner', // a typo still gets the nearest spelling
    };
    for (const [written, meant] of Object.entries(cases)) assert.equal(suggestField(written, KNOWN_FIELDS), meant, written);
  });

  it("suggests the heading that shares the anchor's words before ones spelt alike", () => {
    const anchors = ['purpose', 'services', 'service-request-handling', 'scope'];
    assert.deepEqual(nearestAnchors('service-requests', anchors, 3).slice(0, 1), ['service-request-handling']);
    assert.deepEqual(nearestAnchors('scopes', anchors, 1), ['scope']);
  });

  it('never suggests a clause id of another shape', () => {
    const iso = builtinCatalog('iso20000-1:2018');
    assert.ok(iso);
    assert.deepEqual(iso.suggest('A.5.1'), [], 'no numeric clause for an annex-style id');
    const parsed = parseCatalog(
      JSON.stringify({
        id: 'mixed',
        title: 'Mixed',
        clauses: [
          { id: '5.1', title: 'Numbered' },
          { id: '8.5.1', title: 'Numbered' },
          { id: 'A.5.1', title: 'Annex' },
          { id: 'A.5.2', title: 'Annex' },
        ],
      }),
      'mixed.json',
    );
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.catalog.suggest('A.5.3'), ['A.5.1', 'A.5.2']);
    assert.ok(parsed.catalog.suggest('B.5.1').every((id) => id.startsWith('A.')));
    assert.deepEqual(parsed.catalog.suggest('8.5.2'), ['8.5.1', '5.1']);
  });

  it('reports each of these once, in the document, with the helpful suggestion', async () => {
    const { index } = await indexOf({
      'sms/agreement.md': documentText(
        { type: 'SLA', approved_on: '2026-1-5', approved_date: '2026-01-05', clauses: '\n  - A.5.1\n  - clause: 8.3.3\n    section: service-requests' },
        '# Agreement\n\n## Services\n\n## Service Request Handling\n\nText.\n',
      ),
    });
    const findings = index.allFindings().filter((finding) => finding.file === 'sms/agreement.md');
    const messages = findings.map((finding) => `${finding.ruleId}: ${finding.message}`);
    assert.ok(
      messages.some((message) => /`SLA` is not a known type.*did you mean `agreement`/.test(message)),
      messages.join('\n'),
    );
    assert.ok(
      messages.some((message) => /`approved_date` is not a Clausemark field \(did you mean `approved_on`\?\)/.test(message)),
      messages.join('\n'),
    );
    assert.ok(
      messages.some((message) => /^clause\.unknown: `A\.5\.1` is not a clause of [^;]*\.$/.test(message)),
      messages.join('\n'),
    );
    assert.ok(
      messages.some((message) => /anchor `service-requests`; did you mean `service-request-handling`/.test(message)),
      messages.join('\n'),
    );
    // The malformed date is reported once, as malformed, and not also as a missing approval.
    const aboutApproval = findings.filter((finding) => finding.data?.field?.split(',').includes('approved_on'));
    assert.deepEqual(
      aboutApproval.map((finding) => finding.ruleId),
      ['frontmatter.invalid-field'],
      aboutApproval.map(describeFinding).join('\n'),
    );
  });

  it('still reports an approval that is absent or empty as missing', async () => {
    const { index } = await indexOf({
      'sms/absent.md': documentText({ id: 'PRC-A', approved_on: undefined }),
      'sms/empty.md': documentText({ id: 'PRC-B', approved_on: '' }),
    });
    const missing = index
      .allFindings()
      .filter((finding) => finding.ruleId === 'control.missing-approval')
      .map((finding) => finding.file)
      .sort();
    assert.deepEqual(missing, ['sms/absent.md', 'sms/empty.md']);
  });
});

import { defineRule } from '../rule.js';

export default defineRule({
  id: 'control.retired-claims-clauses',
  defaultSeverity: 'info',
  scope: 'document',
  description: 'A retired document still lists clauses; it no longer counts towards coverage.',
  documentation: ['Retired documents do not count towards coverage; remove their claims or make sure a current document takes them over.'].join('\n'),
  checkDocument({ document, report }) {
    if (document.status?.value !== 'retired' || document.clauses.length === 0) return;
    const clausesKey = document.fields.get('clauses')?.keyRange;
    report(
      clausesKey,
      `The document is retired, so its ${document.clauses.length} clause claim${document.clauses.length === 1 ? '' : 's'} no longer count towards coverage.`,
    );
  },
});

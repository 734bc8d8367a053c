#!/usr/bin/env node
// Builds the built-in clause catalog schemas/iso20000-1-2018.json from the
// gathered reference facts (clause numbers, titles, parents, confidence) plus
// the editorial data held below (summaries and the documents/records each leaf
// clause calls for).
//
// Usage: node scripts/build-catalog.mjs [path/to/reference.json]
//   default reference: ../shared/reference/iso20000-1-2018.json relative to the
//   repository root.
//
// Every summary and description below is our own paraphrase. Do not paste text
// of the standard into this file: clause numbers and titles are the only things
// taken from it, and they come from the reference file.
//
// Plain Node ESM, no dependencies. Output is deterministic.

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const scriptDir = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(scriptDir, '..');
const referencePath = process.argv[2]
  ? resolve(process.argv[2])
  : resolve(scriptDir, '../../shared/reference/iso20000-1-2018.json');
const outputPath = resolve(repoRoot, 'schemas/iso20000-1-2018.json');

const HEADER = {
  $schema: './clause-catalog.schema.json',
  id: 'iso20000-1:2018',
  title: 'ISO/IEC 20000-1:2018 Service management system requirements',
  version: '2018',
  docsUrl: 'https://github.com/clausemark/clausemark#the-built-in-catalog',
  exclusions: {
    allowed: false,
    note:
      'The 2018 edition treats every requirement in clauses 4 to 10 as applicable, so no clause can be excluded. ' +
      'Other parties may operate some processes (see 8.2.3), but the organisation remains accountable for them.',
  },
};

const DOCUMENT_TYPES = new Set([
  'policy', 'plan', 'process', 'procedure', 'catalogue', 'agreement', 'register', 'record', 'report', 'other',
]);

// One plain-English sentence per clause, parents included.
const SUMMARIES = {
  '4': 'Groups the clauses on understanding the organisation, its stakeholders and the scope of its service management system.',
  '4.1': 'Work out the internal and external issues that affect what the service management system can achieve.',
  '4.2': 'Identify who has a stake in the service management system and what they need from it.',
  '4.3': 'Set and document the boundaries of the service management system, naming the services it covers and the organisation that manages and delivers them.',
  '4.4': 'Set up, run, maintain and keep improving the service management system and its processes.',
  '5': 'Groups the clauses on top management commitment, the service management policy and the assignment of roles.',
  '5.1': 'Top management shows that it backs the service management system and takes ownership of it.',
  '5.2': 'Groups the clauses on setting and communicating the service management policy.',
  '5.2.1': 'Top management sets a service management policy that suits the organisation and frames its objectives and commitments.',
  '5.2.2': 'Keep the service management policy as a document, make it known inside the organisation and share it with interested parties where sensible.',
  '5.3': 'Top management decides and communicates who is responsible for what in the service management system.',
  '6': 'Groups the clauses on handling risks and opportunities, setting objectives and planning the service management system.',
  '6.1': 'Identify and record the risks and opportunities that could affect the system and the services, and plan how to deal with them.',
  '6.2': 'Groups the clauses on setting service management objectives and planning how to reach them.',
  '6.2.1': 'Set measurable service management objectives that fit the policy, and keep them documented, monitored and up to date.',
  '6.2.2': 'Decide how each objective will be reached: what will be done, with what resources, by whom, by when and how results will be judged.',
  '6.3': 'Write and maintain a service management plan covering the services, obligations, responsibilities, resources and how the system is measured and improved.',
  '7': 'Groups the clauses on the resources, people, communication, documentation and knowledge the service management system relies on.',
  '7.1': 'Provide the people, technology, information and money needed to run the system and deliver the services.',
  '7.2': 'Make sure the people doing the work are competent and keep evidence of their competence.',
  '7.3': 'Make sure people know the policy, the objectives and their own part in the service management system.',
  '7.4': 'Decide what is communicated about the service management system, when, to whom, how and by whom.',
  '7.5': 'Groups the clauses on what documentation the system needs and how it is created, updated and controlled.',
  '7.5.1': 'The system must hold the documentation the standard asks for plus whatever else the organisation decides it needs.',
  '7.5.2': 'Give documents proper identification and format, and review and approve them when they are created or changed.',
  '7.5.3': 'Keep documentation available, protected, version-controlled, properly stored and retained, including documents of external origin.',
  '7.5.4': 'Lists the documentation the service management system must hold, from scope and policies to processes, agreements and records.',
  '7.6': 'Identify the knowledge needed to run the system and the services, keep it current and make it available.',
  '8': 'Groups the clauses on running the services and the service management processes.',
  '8.1': 'Plan, run and control the processes that deliver the services, and keep enough evidence to show they ran as planned.',
  '8.2': 'Groups the clauses on planning and delivering services, controlling other parties, and managing the service catalogue, assets and configuration.',
  '8.2.1': 'Carry out the service management activities needed to deliver the services.',
  '8.2.2': 'Work out and document the requirements for existing, new and changed services, including how critical they are and what they depend on.',
  '8.2.3': 'Stay accountable for processes and service components run by other parties, and decide how they are controlled.',
  '8.2.4': 'Keep one or more service catalogues describing the services, and make the relevant parts available to customers, users and others.',
  '8.2.5': 'Manage the assets used to deliver the services so that service requirements and obligations are met.',
  '8.2.6': 'Identify configuration items, keep accurate and access-controlled information about them, track their changes and check that information regularly.',
  '8.3': 'Groups the clauses on managing relationships and agreements with customers and with external and internal suppliers.',
  '8.3.1': 'Introduces the clauses on how the organisation manages its relationships and agreements with customers and suppliers.',
  '8.3.2': 'Know the customers and other stakeholders, handle service complaints through to closure and measure customer satisfaction regularly.',
  '8.3.3': 'Agree service levels and targets with customers for each service, and monitor, review and report performance against them.',
  '8.3.4': 'Groups the clauses on managing external suppliers and internal suppliers.',
  '8.3.4.1': 'Hold a contract with each external supplier, monitor how it performs and record any contractual disputes until they are closed.',
  '8.3.4.2': 'Agree targets, responsibilities and interfaces with each internal supplier or customer acting as a supplier.',
  '8.4': 'Groups the clauses on budgeting and accounting, demand and capacity.',
  '8.4.1': 'Budget and account for the cost of the services so that financial decisions can be made and controlled.',
  '8.4.2': 'Understand and forecast demand for the services and track how much they are used.',
  '8.4.3': 'Work out and document the capacity needed in people, technology, information and money, then plan and monitor it.',
  '8.5': 'Groups the clauses on controlling changes and on designing, building, transitioning and releasing services.',
  '8.5.1': 'Groups the clauses on the change management policy and on raising, assessing and carrying out changes.',
  '8.5.1.1': 'Document a change management policy that says what is under change control, which kinds of change exist and how each is handled.',
  '8.5.1.2': 'Record and classify every request for change, including proposals to add, remove or transfer services.',
  '8.5.1.3': 'Assess, approve, schedule, carry out and review changes, and look for trends in change requests from time to time.',
  '8.5.2': 'Groups the clauses on planning, designing, building and transitioning new or changed services.',
  '8.5.2.1': 'Plan new, changed, removed or transferred services, including responsibilities, timescales, resources, testing and acceptance criteria.',
  '8.5.2.2': 'Design and document new or changed services so that they meet the service requirements.',
  '8.5.2.3': 'Build and test new or changed services against their design and acceptance criteria, put them into live use and report how the result compares with what was expected.',
  '8.5.3': 'Define the kinds of release, then plan, approve, deploy and monitor releases into the live environment.',
  '8.6': 'Groups the clauses on handling incidents, service requests and problems.',
  '8.6.1': 'Record, classify, prioritise and resolve incidents, with a documented way of handling major incidents.',
  '8.6.2': 'Record, prioritise and fulfil service requests, with instructions available to the people who carry them out.',
  '8.6.3': 'Find and analyse the causes of incidents, record problems and known errors, and check how well problems are being resolved.',
  '8.7': 'Groups the clauses on keeping services available, continuous and secure.',
  '8.7.1': 'Assess risks to availability, agree availability requirements and targets, and monitor availability against them.',
  '8.7.2': 'Assess continuity risks, agree continuity requirements, keep continuity plans, test them and review them after tests or real use.',
  '8.7.3': 'Groups the clauses on the information security policy, security controls and security incidents.',
  '8.7.3.1': 'Approve and communicate an information security policy that fits the services and the organisation.',
  '8.7.3.2': 'Assess information security risks at planned intervals, then decide, document and apply controls to address them.',
  '8.7.3.3': 'Record, classify and deal with information security incidents.',
  '9': 'Groups the clauses on monitoring, auditing, reviewing and reporting on the service management system and the services.',
  '9.1': 'Decide what to monitor and measure, how and when, then analyse and evaluate the results and keep evidence of them.',
  '9.2': 'Run internal audits to a planned programme to check that the system conforms and works, and record the results.',
  '9.3': 'Top management reviews the service management system at planned intervals and records the outcomes and decisions.',
  '9.4': 'Produce reports on the performance and effectiveness of the services and the system, including trends, to meet agreed reporting needs.',
  '10': 'Groups the clauses on handling nonconformities and continually improving the service management system.',
  '10.1': 'When something does not conform, correct it, deal with its causes and record what happened and what was done.',
  '10.2': 'Keep improving the system and the services by finding, evaluating and acting on opportunities for improvement.',
};

// Helpers for the classification table. `required` is omitted when true.
const doc = (description, types, required = true) =>
  required ? { description, types } : { description, types, required: false };
const rec = (description, required = true) =>
  required ? { description } : { description, required: false };
const OPTIONAL = false;

// What each leaf clause calls for. Every leaf must have an entry; `{}` means
// nothing is required (optional items with required:false do not count).
const CLASSIFICATION = {
  '4.1': {
    documents: [doc('Analysis of the internal and external issues relevant to the SMS', ['report', 'register', 'other'], OPTIONAL)],
  },
  '4.2': {},
  '4.3': {
    documents: [doc('SMS scope statement: the services in scope and the organisation that manages and delivers them', ['policy', 'plan', 'other'])],
  },
  '4.4': {},
  '5.1': {},
  '5.2.1': {
    documents: [doc('Service management policy set by top management', ['policy'])],
  },
  '5.2.2': {
    documents: [doc('Service management policy, kept as documented information and communicated', ['policy'])],
  },
  '5.3': {},
  '6.1': {
    documents: [
      doc('Approach to managing risk, including risk acceptance criteria', ['policy', 'plan', 'process', 'procedure']),
      doc('Risk register listing the identified risks with the actions planned to address them', ['register']),
    ],
  },
  '6.2.1': {
    documents: [doc('Service management objectives', ['plan', 'policy', 'register', 'other'])],
  },
  '6.2.2': {
    documents: [doc('Plan to achieve the objectives: actions, resources, owners, timing and evaluation', ['plan'], OPTIONAL)],
  },
  '6.3': {
    documents: [doc('Service management plan', ['plan'])],
  },
  '7.1': {},
  '7.2': {
    records: [rec('Records of staff competence: education, training, skills and experience')],
  },
  '7.3': {},
  '7.4': {
    documents: [doc('Communication plan or matrix', ['plan', 'other'], OPTIONAL)],
  },
  '7.5.1': {},
  '7.5.2': {},
  '7.5.3': {},
  '7.5.4': {},
  '7.6': {},
  '8.1': {
    records: [rec('Records showing that the service management processes were carried out as planned')],
  },
  '8.2.1': {},
  '8.2.2': {
    documents: [doc('Service requirements for existing, new and changed services', ['plan', 'catalogue', 'agreement', 'other'])],
  },
  '8.2.3': {
    records: [rec('Records of which processes or service components other parties operate and the controls applied to them', OPTIONAL)],
  },
  '8.2.4': {
    documents: [doc('Service catalogue', ['catalogue'])],
  },
  '8.2.5': {
    documents: [doc('Asset register', ['register'], OPTIONAL)],
  },
  '8.2.6': {
    documents: [doc('Configuration information for each configuration item (CMDB)', ['register'])],
    records: [
      rec('Records of changes to configuration items'),
      rec('Results of periodic verification of configuration information'),
    ],
  },
  '8.3.1': {},
  '8.3.2': {
    records: [
      rec('Service complaints recorded through to closure'),
      rec('Customer satisfaction measurement results'),
    ],
  },
  '8.3.3': {
    documents: [doc('Service level agreement with targets for each service', ['agreement'])],
    records: [rec('Reports or reviews of performance against service level targets')],
  },
  '8.3.4.1': {
    documents: [doc('Contract with each external supplier', ['agreement'])],
    records: [
      rec('Supplier performance monitoring results'),
      rec('Contractual disputes with external suppliers, recorded through to closure'),
    ],
  },
  '8.3.4.2': {
    documents: [doc('Agreement with each internal supplier or customer acting as a supplier', ['agreement'])],
  },
  '8.4.1': {
    documents: [doc('Service budgets and cost reports', ['plan', 'report'], OPTIONAL)],
  },
  '8.4.2': {
    documents: [doc('Demand forecasts and analysis', ['plan', 'report'], OPTIONAL)],
  },
  '8.4.3': {
    documents: [doc('Capacity requirements or capacity plan', ['plan'])],
    records: [rec('Capacity monitoring reports')],
  },
  '8.5.1.1': {
    documents: [doc('Change management policy', ['policy'])],
  },
  '8.5.1.2': {
    records: [rec('Requests for change, recorded and classified')],
  },
  '8.5.1.3': {
    records: [rec('Records of change assessments, approvals, schedules and post-implementation reviews')],
  },
  '8.5.2.1': {
    documents: [doc('Plans for new or changed services', ['plan', 'process', 'procedure'])],
  },
  '8.5.2.2': {
    documents: [doc('Design of the new or changed service', ['plan', 'other'])],
  },
  '8.5.2.3': {
    records: [
      rec('Test results against the design and acceptance criteria'),
      rec('Report comparing achieved with expected outcomes after transition'),
    ],
  },
  '8.5.3': {
    documents: [doc('Release types, including emergency releases, and the release approach', ['policy', 'process', 'procedure'])],
    records: [rec('Release plans, acceptance decisions and deployment outcomes')],
  },
  '8.6.1': {
    documents: [doc('Procedure for handling major incidents', ['procedure', 'process'])],
    records: [
      rec('Incident records, updated with the actions taken'),
      rec('Major incident reports or reviews'),
    ],
  },
  '8.6.2': {
    documents: [doc('Service request fulfilment instructions', ['procedure', 'process'])],
    records: [rec('Service request records, updated with the actions taken')],
  },
  '8.6.3': {
    records: [
      rec('Problem records, updated with the actions taken'),
      rec('Known error records'),
      rec('Reports on the effectiveness of problem resolution'),
    ],
  },
  '8.7.1': {
    documents: [doc('Service availability requirements and targets', ['plan', 'agreement'])],
    records: [
      rec('Assessment of risks to service availability'),
      rec('Availability monitoring results compared with targets'),
    ],
  },
  '8.7.2': {
    documents: [
      doc('Service continuity requirements and continuity risk assessment', ['plan', 'report']),
      doc('Service continuity plan(s) with contact list', ['plan']),
    ],
    records: [rec('Continuity test results and reviews after tests or invocation')],
  },
  '8.7.3.1': {
    documents: [doc('Information security policy', ['policy'])],
  },
  '8.7.3.2': {
    documents: [doc('Decisions on information security controls', ['policy', 'plan', 'register', 'other'])],
    records: [rec('Information security risk assessments')],
  },
  '8.7.3.3': {
    records: [rec('Information security incidents, recorded and classified')],
  },
  '9.1': {
    records: [rec('Results of monitoring, measurement, analysis and evaluation')],
  },
  '9.2': {
    documents: [doc('Internal audit programme', ['plan'])],
    records: [rec('Internal audit reports')],
  },
  '9.3': {
    records: [rec('Management review results: decisions and actions')],
  },
  '9.4': {
    records: [rec('Service reports')],
  },
  '10.1': {
    records: [rec('Nonconformities, the actions taken and the results of corrective actions')],
  },
  '10.2': {
    records: [rec('Improvement opportunities and their evaluation')],
  },
};

function fail(message) {
  console.error(`build-catalog: ${message}`);
  process.exit(1);
}

const reference = JSON.parse(readFileSync(referencePath, 'utf8'));
const refClauses = reference.clauses;
if (!Array.isArray(refClauses) || refClauses.length === 0) fail(`no clauses in ${referencePath}`);

// Structural checks on the reference: unique ids, parents exist and come first.
const seen = new Set();
const parentIds = new Set();
for (const c of refClauses) {
  if (typeof c.id !== 'string' || !c.id) fail('reference clause without id');
  if (seen.has(c.id)) fail(`duplicate clause id ${c.id}`);
  if (c.parent != null) {
    if (!seen.has(c.parent)) fail(`clause ${c.id}: parent ${c.parent} missing or not before it`);
    parentIds.add(c.parent);
  }
  seen.add(c.id);
}
const isLeaf = (id) => !parentIds.has(id);
for (const c of refClauses) {
  if (typeof c.leaf === 'boolean' && c.leaf !== isLeaf(c.id)) {
    fail(`clause ${c.id}: reference leaf flag (${c.leaf}) disagrees with the hierarchy`);
  }
}

// Editorial data must match the reference exactly.
for (const c of refClauses) {
  if (typeof SUMMARIES[c.id] !== 'string' || !SUMMARIES[c.id].trim()) fail(`clause ${c.id}: no summary`);
  if (isLeaf(c.id) && !Object.hasOwn(CLASSIFICATION, c.id)) fail(`leaf ${c.id}: no classification entry`);
}
for (const id of Object.keys(SUMMARIES)) {
  if (!seen.has(id)) fail(`summary for unknown clause ${id}`);
}
for (const [id, entry] of Object.entries(CLASSIFICATION)) {
  if (!seen.has(id)) fail(`classification for unknown clause ${id}`);
  if (!isLeaf(id)) fail(`classification names non-leaf clause ${id}`);
  for (const key of Object.keys(entry)) {
    if (key !== 'documents' && key !== 'records') fail(`classification ${id}: unexpected key ${key}`);
  }
  for (const d of entry.documents ?? []) {
    if (!d.types.length) fail(`classification ${id}: document without types`);
    for (const t of d.types) if (!DOCUMENT_TYPES.has(t)) fail(`classification ${id}: unknown document type ${t}`);
    if (new Set(d.types).size !== d.types.length) fail(`classification ${id}: duplicate document type`);
  }
}

const clauses = refClauses.map((c) => {
  const out = { id: c.id, title: c.title };
  if (c.parent != null) out.parent = c.parent;
  out.summary = SUMMARIES[c.id];
  const entry = CLASSIFICATION[c.id];
  if (entry?.documents?.length) out.documents = entry.documents;
  if (entry?.records?.length) out.records = entry.records;
  if (c.confidence != null) out.confidence = c.confidence;
  return out;
});

const catalog = { ...HEADER, clauses };
writeFileSync(outputPath, JSON.stringify(catalog, null, 2) + '\n');

const isRequired = (item) => item.required !== false;
const leaves = clauses.filter((c) => isLeaf(c.id));
const withRequired = leaves.filter(
  (c) => (c.documents ?? []).some(isRequired) || (c.records ?? []).some(isRequired),
).length;
console.log(
  `Wrote ${relative(process.cwd(), outputPath) || outputPath}: ${clauses.length} clauses, ${leaves.length} leaves ` +
    `(${withRequired} with required documented information, ${leaves.length - withRequired} with none)`,
);

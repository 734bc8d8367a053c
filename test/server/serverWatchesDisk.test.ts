import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyExample } from '../support/exampleCopy.js';
import { fileUri, startServer, type TestClient } from '../support/languageServerClient.js';

const RELEASE = 'sms/processes/release-and-deployment.md';
const MISSING_RECORD = 'sms/records/releases/2026-10-15-customer-portal-2.4-release-record.md';
const RECORD =
  '---\nid: REC-REL-CP-2.4\ntitle: Customer portal 2.4 release\ntype: record\nowner: Release Manager\nstatus: approved\napproved_by: Change Manager\napproved_on: 2026-10-16\ndate: 2026-10-15\nclauses: [8.5.3]\n---\n# Release\n';

describe('language server with a client that cannot watch files', function () {
  this.timeout(90000);
  let root: string;
  let client: TestClient;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'clausemark-lsp-watch-'));
    copyExample(root);
    client = await startServer(root, {}, false);
  });

  after(async () => {
    await client?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('watches the folder itself: files created and deleted on disk are picked up', async () => {
    const release = fileUri(join(root, RELEASE));
    const missing = (params: { diagnostics: { code?: number | string }[] }): boolean => params.diagnostics.some((d) => d.code === 'evidence.missing-file');
    await client.diagnostics(release, missing);
    const mark = client.published.length;
    writeFileSync(join(root, MISSING_RECORD), RECORD);
    await client.diagnostics(release, (params) => client.published.indexOf(params) >= mark && !missing(params));
    const again = client.published.length;
    unlinkSync(join(root, MISSING_RECORD));
    await client.diagnostics(release, (params) => client.published.indexOf(params) >= again && missing(params));
  });
});

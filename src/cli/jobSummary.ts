import { promises as fs } from 'node:fs';
import { UsageError } from './usageError.js';

/** Appends Markdown to the GitHub Actions job summary file (`$GITHUB_STEP_SUMMARY`); other steps may write there too. */
export async function appendJobSummary(file: string, markdown: string): Promise<void> {
  try {
    await fs.appendFile(file, markdown.endsWith('\n') ? markdown : `${markdown}\n`);
  } catch (error) {
    throw new UsageError(`cannot write the job summary to ${file} (GITHUB_STEP_SUMMARY): ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Where the pack's links lead: repository files seen from the folder the pack is written into. */
export interface PackLinks {
  /** A relative URL from the pack's folder to a repository file (`../sms/policies/policy.md`). */
  file(repositoryPath: string): string;
  /** An http(s) URL as a link target; undefined for anything else (`javascript:`, `file:`), which stays text. */
  web(url: string): string | undefined;
}

/**
 * Links for a pack written into `outputFolder` (absolute) about the repository at `root` (absolute). Each path
 * segment is percent-encoded, so a file name can never end the attribute, the mermaid string or the Markdown
 * link it is written into.
 */
export function packLinks(root: string, outputFolder: string): PackLinks {
  const fromPack = relative(outputFolder, root);
  // On Windows a repository on another drive has no relative path: link to it by file URL instead.
  const base = isAbsolute(fromPack)
    ? `${pathToFileURL(root).href.replace(/\/$/, '')}/`
    : fromPack === ''
      ? ''
      : `${fromPack.split(sep).map(encodeSegment).join('/')}/`;
  return {
    file: (repositoryPath) => `${base}${repositoryPath.split('/').map(encodeSegment).join('/')}`,
    web: (url) =>
      /^https?:\/\/[^\s]+$/i.test(url)
        ? url.replace(/["'<>\\`\s|{}^]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
        : undefined,
  };
}

function encodeSegment(segment: string): string {
  return segment === '..' || segment === '.' ? segment : encodeURIComponent(segment);
}

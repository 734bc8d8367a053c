/** Longer patterns are not written by hand. */
const MAX_PATTERN_LENGTH = 256;
/**
 * Globs become regular expressions; each `*` in one name multiplies the backtracking on a long file name
 * (`*a*a*a*b.md` takes seconds per file, more stars take hours). Two cover every real pattern (`*-*.md`).
 */
const MAX_STARS_PER_NAME = 2;

/**
 * Why a glob from the config could make matching take unbounded time, or undefined when it is safe. The config
 * comes with the repository (and with every pull request), so its patterns are untrusted input.
 */
export function unsafeGlobReason(pattern: string): string | undefined {
  if (pattern.length > MAX_PATTERN_LENGTH) return `it is longer than ${MAX_PATTERN_LENGTH} characters`;
  if (/[@*+?!]\(/.test(pattern)) return 'extended globs such as `+(a|b)` are not accepted; use `{a,b}`';
  const crowded = pattern.split('/').find((name) => name !== '**' && (name.match(/\*+/g) ?? []).length > MAX_STARS_PER_NAME);
  if (crowded !== undefined) return `\`${crowded}\` has more than ${MAX_STARS_PER_NAME} \`*\` in one name, which can take very long to match`;
  return tooManyGlobstarsReason(pattern);
}

/**
 * Each `**` segment can stand for any number of folders, so matching tries every way of splitting a deep path
 * between them: ten `**\/a/` segments took 46 s on a path 40 folders deep, and each one more multiplies that
 * by about seven. Three are 0.4 ms there and cover every real pattern (`docs/**\/drafts/**`).
 */
const MAX_GLOBSTARS = 3;

/** Why a glob has too many `**` segments to match in bounded time, or undefined when it is within the limit. */
export function tooManyGlobstarsReason(pattern: string): string | undefined {
  const globstars = pattern.split('/').filter((name) => name === '**').length;
  return globstars > MAX_GLOBSTARS ? `it has ${globstars} \`**\` segments; more than ${MAX_GLOBSTARS} can take very long to match on deep folders` : undefined;
}

/**
 * Why a glob from the config could match files outside the repository, or undefined when it cannot. The config comes
 * with the repository, so `include: ["../../**"]` would make a check crawl (and list) the machine's other folders.
 * Patterns are relative to the root: an absolute pattern, or a name that is or can be made `..` — written out, or
 * built by braces, brackets or escapes (`..{,}`, `{..,x}`, `[.][.]`, `\.\.`) — is refused. This errs on the side of
 * refusing: a file name containing `..` cannot be matched literally either.
 */
export function globLeavingRepositoryReason(pattern: string): string | undefined {
  const positive = pattern.replace(/^!+/, '');
  if (/^[/\\~]|^[A-Za-z]:/.test(positive)) return 'it leads outside the repository: patterns are relative to the repository root, not absolute paths';
  const climbing = positive.split('/').some((name) => name.replace(/[{}[\],\\]/g, '').includes('..'));
  if (climbing) return 'it leads outside the repository: a name in a pattern may not be (or be made into) `..`';
  return undefined;
}

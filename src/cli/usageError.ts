/** A mistake on the command line: reported with a hint, exit code 2, never a stack trace. */
export class UsageError extends Error {}

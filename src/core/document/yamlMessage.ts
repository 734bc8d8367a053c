/** The first line of a YAML parser's message, without its closing punctuation (the rest is a code excerpt). */
export function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/[.:]\s*$/, '');
}

/** A value quoted in a message, cut to 80 characters (evidence values come from users and may be long). */
export function truncate(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

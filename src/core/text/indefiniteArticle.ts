/**
 * `a plan`, `an agreement`, `an SLA`: the indefinite article for an English noun phrase, chosen by how its first
 * word is spoken. Messages that name a document type must read correctly for every type a catalog defines.
 */
export function withIndefiniteArticle(phrase: string): string {
  return `${startsWithVowelSound(phrase) ? 'an' : 'a'} ${phrase}`;
}

// Words spelt with a vowel but spoken with a consonant (`a user`, `a one-off`) and the reverse (`an hour`).
const CONSONANT_SOUND = /^(?:uni(?!n)|use|usu|uti|ura|euro?|one\b|once\b|ubiq)/i;
const VOWEL_SOUND = /^(?:hour|honou?r|honest|heir)/i;
/** Letters whose name starts with a vowel sound, for acronyms spoken letter by letter (`an SLA`, `an ISMS`, `a UC`). */
const VOWEL_SOUND_LETTERS = new Set('AEFHILMNORSX');

function startsWithVowelSound(phrase: string): boolean {
  const word = phrase.trim().split(/[\s/-]/, 1)[0] ?? '';
  if (word === '') return false;
  if (/^[A-Z]{2,}s?$/.test(word)) return VOWEL_SOUND_LETTERS.has(word[0] ?? '');
  if (VOWEL_SOUND.test(word)) return true;
  if (CONSONANT_SOUND.test(word)) return false;
  return /^[aeiou]/i.test(word);
}

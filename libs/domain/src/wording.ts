/** Letters whose names begin with a vowel sound: "an F", "an MSI", "an XLSX". */
const VOWEL_SOUND_LETTERS = 'AEFHILMNORSX';
/** Upper-case names said as words, not spelt out, whose article the letter rule would get wrong. */
const SAID_AS_WORDS = new Set(['RAR']);
/** Words starting with a vowel letter but a consonant sound, or with a silent h. */
const CONSONANT_SOUND = /^(one|once|uni(?!n)|use|usu|ute|eu|ewe)/i;
const SILENT_H = /^(hour|honest|honou?r|heir)/i;

/** "a" or "an" before a word by how it sounds, with the word: "an EXE", "a PDF", "an hour", "a user". */
export function withArticle(word: string): string {
  return `${articleFor(word)} ${word}`;
}

function articleFor(word: string): 'a' | 'an' {
  const first = word.charAt(0);
  if (/^[A-Z][A-Z0-9]*$/.test(word) && word.length <= 5 && !SAID_AS_WORDS.has(word)) return VOWEL_SOUND_LETTERS.includes(first) ? 'an' : 'a';
  if (/^\d/.test(word)) return /^(8|11|18)(\D|$)|^8\d\d(\D|$)/.test(word) ? 'an' : 'a';
  if (SILENT_H.test(word)) return 'an';
  if (CONSONANT_SOUND.test(word)) return 'a';
  return /^[aeiou]/i.test(first) ? 'an' : 'a';
}

/** A size in bytes as people read it: "900 KB", "20 MB", "1.5 MB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
}

import { foldDiacritics } from '../text/fold-diacritics';

export interface PasswordPolicy {
  minLength: number;
  maxLength: number;
  /** Lower-case common passwords and words (the shipped 10,000 list plus local words). */
  common: ReadonlySet<string>;
}

export interface PasswordContext {
  username: string;
  fullName?: string;
}

const LEET: Record<string, string> = { '@': 'a', '4': 'a', '3': 'e', '1': 'i', '!': 'i', '0': 'o', '5': 's', $: 's', '7': 't', '8': 'b', '9': 'g' };

/**
 * The letters of a password with digits and symbols dropped, read also with look-alike digits as letters, and a
 * repeated word once ("Demo@2026Demo@2026" → demo).
 */
function cores(password: string): string[] {
  const lower = foldDiacritics(password).toLowerCase();
  const plain = lower.replace(/[^a-z]/g, '');
  const chars = [...lower];
  const letter = (i: number) => /[a-z]/.test(chars[i] ?? '');
  // A look-alike is read as a letter when a letter follows it ("P@ssw0rd", "4dmin"), not as a separator before
  // digits ("Demo@2026") nor amid them.
  const deLeeted = chars
    .map((c, i) => (LEET[c] && letter(i + 1) ? LEET[c] : c))
    .join('')
    .replace(/[^a-z]/g, '');
  const once = (word: string) => word.replace(/^(.+?)\1+$/, '$1');
  return [...new Set([plain, deLeeted].flatMap((c) => [c, once(c)]).filter((c) => c.length > 0))];
}

function personalWords(context: PasswordContext): string[] {
  const words = [
    context.username,
    ...context.username.split(/[._-]+/),
    ...(context.fullName ? foldDiacritics(context.fullName).toLowerCase().split(/\s+/) : []),
  ];
  const squashed = context.fullName
    ? foldDiacritics(context.fullName)
        .toLowerCase()
        .replace(/[^a-z]/g, '')
    : '';
  return [...words, squashed].map((w) => w.toLowerCase().replace(/[^a-z0-9]/g, '')).filter((w) => w.length >= 3);
}

/**
 * Why a new password is refused, or null when it is acceptable (NIST SP 800-63B §5.1.1.2: a minimum length, no
 * composition rules, refused when it is a known or guessable password). Guessable: a common password or word, the
 * username or a part of the name, with digits and symbols around or inside it ("Password2026!", "Demo@2026",
 * "tn.trangtien123"), or too few distinct characters.
 */
export function passwordProblem(password: string, context: PasswordContext, policy: PasswordPolicy): string | null {
  const length = [...password].length;
  if (length < policy.minLength) return `must be at least ${policy.minLength} characters`;
  if (length > policy.maxLength) return `must be at most ${policy.maxLength} characters`;
  if (new Set(password.toLowerCase()).size < 5) return 'has too few different characters';
  const lower = password.toLowerCase();
  if (policy.common.has(lower)) return 'is a commonly used password';
  const personal = personalWords(context);
  for (const core of cores(password)) {
    if (policy.common.has(core)) return 'is a common password or word with digits or symbols added';
    if (personal.some((w) => core === w || (w.length >= 4 && core.includes(w)))) return 'must not contain the username or the name';
  }
  if (personal.some((w) => w.length >= 4 && lower.replace(/[^a-z0-9]/g, '').includes(w))) return 'must not contain the username or the name';
  return null;
}

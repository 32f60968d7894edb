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

const LEET: Record<string, string> = { '@': 'a', '4': 'a', '3': 'e', '1': 'i', '!': 'i', '0': 'o', '5': 's', '$': 's', '7': 't', '8': 'b', '9': 'g' };

/** The letters of a password with digits and symbols dropped, and with look-alike digits read as letters. */
function cores(password: string): string[] {
  const lower = foldDiacritics(password).toLowerCase();
  const plain = lower.replace(/[^a-z]/g, '');
  const deLeeted = [...lower].map((c) => LEET[c] ?? c).join('').replace(/[^a-z]/g, '');
  // "Demo@2026": the @ is a separator, not an a; read both ways and also with the year-like tail cut off.
  const headWord = lower.match(/^[a-z@4310!5$78]+/)?.[0] ?? '';
  const head = [...headWord].map((c) => LEET[c] ?? c).join('');
  return [...new Set([plain, deLeeted, head.replace(/a$/, ''), head].filter((c) => c.length > 0))];
}

function personalWords(context: PasswordContext): string[] {
  const words = [context.username, ...context.username.split(/[._-]+/), ...(context.fullName ? foldDiacritics(context.fullName).toLowerCase().split(/\s+/) : [])];
  const squashed = context.fullName ? foldDiacritics(context.fullName).toLowerCase().replace(/[^a-z]/g, '') : '';
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

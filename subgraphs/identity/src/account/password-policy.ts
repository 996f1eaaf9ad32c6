const MIN_LENGTH = 12;
const MAX_LENGTH = 128;
const MIN_DISTINCT = 5;
const CLASSES = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/];

/**
 * Why a new password is not acceptable, or null. 12 to 128 characters, at least two kinds among
 * lowercase, uppercase, digits and others, not a few characters repeated, and not the email.
 */
export function passwordProblem(password: string, email: string): string | null {
  const characters = [...password.normalize('NFKC')];
  if (characters.length < MIN_LENGTH) return `password must have at least ${MIN_LENGTH} characters`;
  if (characters.length > MAX_LENGTH) return `password must have at most ${MAX_LENGTH} characters`;
  if (CLASSES.filter((pattern) => pattern.test(password)).length < 2) {
    return 'password must mix at least two of: lowercase letters, uppercase letters, digits, other characters';
  }
  if (new Set(characters).size < MIN_DISTINCT) return `password must use at least ${MIN_DISTINCT} different characters`;
  const lowered = password.trim().toLowerCase();
  const localPart = email.split('@')[0] ?? email;
  if (lowered.includes(email) || lowered === localPart) return 'password must not be the email address';
  return null;
}

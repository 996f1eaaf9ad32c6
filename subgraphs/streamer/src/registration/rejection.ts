import { AppError } from '@gametriggers/federation';
import type { InputProblem } from './input-from-json';

/**
 * A rule's failure (BAD_USER_INPUT or CONFLICT, as createStreamer reports them under `input.`) as the
 * reason a registration is refused, with the field's path inside the profile. Anything else is no
 * verdict on the profile: undefined, and the caller lets it fail (the event is retried).
 */
export function problemOf(error: unknown): InputProblem | undefined {
  if (!(error instanceof AppError)) return undefined;
  const code = error.extensions['code'];
  if (code !== 'BAD_USER_INPUT' && code !== 'CONFLICT') return undefined;
  const strip = (text: string) => text.replace(/^input\./, '');
  const field = typeof error.extensions['field'] === 'string' ? strip(error.extensions['field']) : null;
  const message = strip(error.message);
  // Messages name the field, as validation messages do: "contact.email: ...".
  return { field, reason: field && !message.startsWith(field) ? `${field}: ${message}` : message };
}

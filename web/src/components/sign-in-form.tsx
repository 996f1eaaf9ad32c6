'use client';

import { useActionState, useEffect, useRef } from 'react';
import { signIn } from '@/actions/sign-in';
import type { SignInState } from '@/actions/sign-in';
import type { AccountKind } from '@/lib/session/paths';
import { Field } from './field';

/** Email and password for one kind of account; errors are announced and focusable. */
export function SignInForm({ kind, next }: { kind: AccountKind; next: string | undefined }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signIn.bind(null, kind), {});
  const alert = useRef<HTMLParagraphElement>(null);
  // After a refusal, focus goes to the message (the button was disabled meanwhile, so focus was lost).
  useEffect(() => {
    if (state.attempt) alert.current?.focus();
  }, [state.attempt]);
  return (
    <form action={action} className="form" aria-describedby={state.error ? 'sign-in-error' : undefined} noValidate>
      {state.error ? (
        <p id="sign-in-error" role="alert" className="alert" tabIndex={-1} ref={alert}>
          {state.error}
        </p>
      ) : null}
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <Field label="Email" name="email" type="email" autoComplete="username" required defaultValue={state.email ?? ''} autoFocus />
      <Field key={state.attempt ?? 0} label="Password" name="password" type="password" autoComplete="current-password" required />
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}

'use client';

import { useActionState } from 'react';
import type { ReactNode } from 'react';
import { registerBrand, registerStreamer } from '@/actions/register';
import type { RegisterState } from '@/actions/register';
import { Field } from './field';

const PASSWORD_HINT = '12 to 128 characters, mixing at least two of lowercase, uppercase, digits and symbols; not your email.';

function Form({
  action,
  state,
  pending,
  children,
}: {
  action: (form: FormData) => void;
  state: RegisterState;
  pending: boolean;
  children: ReactNode;
}) {
  return (
    <form action={action} className="form" noValidate>
      {state.error ? (
        <p role="alert" className="alert">
          {state.error}
        </p>
      ) : null}
      {children}
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Creating your account…' : 'Create account'}
      </button>
    </form>
  );
}

/** The error of one field, when the refusal named it. */
function errorOf(state: RegisterState, field: string): string | undefined {
  return state.field === field ? state.error : undefined;
}

export function BrandSignUpForm() {
  const [state, action, pending] = useActionState<RegisterState, FormData>(registerBrand, {});
  const value = (name: string) => state.values?.[name] ?? '';
  const field = (name: string) => ({ name, defaultValue: value(name), error: errorOf(state, name) });
  return (
    <Form action={action} state={state} pending={pending}>
      <fieldset>
        <legend>Your sign-in</legend>
        <Field label="Email" type="email" autoComplete="username" required {...field('email')} />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          hint={PASSWORD_HINT}
          error={errorOf(state, 'password')}
        />
      </fieldset>
      <fieldset>
        <legend>Company</legend>
        <Field label="Company name" autoComplete="organization" required {...field('companyName')} />
        <Field label="Industry" required {...field('industry')} />
        <Field label="Website" type="url" autoComplete="url" {...field('website')} />
      </fieldset>
      <fieldset>
        <legend>Contact person</legend>
        <Field label="Name" autoComplete="name" required {...field('contact.name')} />
        <Field label="Email" type="email" autoComplete="email" required {...field('contact.email')} />
        <Field label="Phone" type="tel" autoComplete="tel" {...field('contact.phone')} />
      </fieldset>
      <fieldset>
        <legend>Billing address</legend>
        <Field label="Address line 1" autoComplete="address-line1" required {...field('billing.address.line1')} />
        <Field label="Address line 2" autoComplete="address-line2" {...field('billing.address.line2')} />
        <Field label="City" autoComplete="address-level2" required {...field('billing.address.city')} />
        <Field label="Region" autoComplete="address-level1" {...field('billing.address.region')} />
        <Field label="Postal code" autoComplete="postal-code" required {...field('billing.address.postalCode')} />
        <Field
          label="Country"
          hint="Two-letter code, e.g. US"
          autoComplete="country"
          maxLength={2}
          required
          {...field('billing.address.country')}
        />
        <Field label="Tax id" {...field('billing.taxId')} />
      </fieldset>
    </Form>
  );
}

export function StreamerSignUpForm() {
  const [state, action, pending] = useActionState<RegisterState, FormData>(registerStreamer, {});
  const value = (name: string) => state.values?.[name] ?? '';
  const field = (name: string) => ({ name, defaultValue: value(name), error: errorOf(state, name) });
  return (
    <Form action={action} state={state} pending={pending}>
      <fieldset>
        <legend>Your sign-in</legend>
        <Field label="Email" type="email" autoComplete="username" required {...field('email')} />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          hint={PASSWORD_HINT}
          error={errorOf(state, 'password')}
        />
      </fieldset>
      <fieldset>
        <legend>Your channel</legend>
        <Field label="Display name" required {...field('displayName')} />
        <Field label="Contact email" type="email" autoComplete="email" required {...field('contactEmail')} />
        <Field label="Audience country" hint="Two-letter code, e.g. US" maxLength={2} required {...field('demographics.country')} />
        <Field
          label="Stream languages"
          hint="Two-letter codes separated by commas, e.g. en, de"
          required
          {...field('demographics.languages')}
        />
      </fieldset>
      <fieldset>
        <legend>Main platform</legend>
        <div className="field">
          <label htmlFor="field-platform-platform">
            Platform<span className="optional"> (optional)</span>
          </label>
          <select id="field-platform-platform" name="platform.platform" defaultValue={value('platform.platform')}>
            <option value="">None yet</option>
            <option value="TWITCH">Twitch</option>
            <option value="YOUTUBE">YouTube</option>
            <option value="TIKTOK">TikTok</option>
            <option value="KICK">Kick</option>
          </select>
        </div>
        <Field label="Username there" {...field('platform.username')} />
        <Field label="Channel URL" type="url" {...field('platform.channelUrl')} />
        <Field label="Followers" type="number" min={0} inputMode="numeric" {...field('platform.followers')} />
        <Field label="Average viewers" type="number" min={0} inputMode="numeric" {...field('platform.averageViewers')} />
        <Field label="Categories" hint="Separated by commas, e.g. fps, racing" {...field('platform.categories')} />
      </fieldset>
    </Form>
  );
}

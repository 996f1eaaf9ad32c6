'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { RegisterBrandDocument, RegisterStreamerDocument } from '@/gql/graphql';
import type { Platform, RegisterBrandInput, RegisterStreamerInput } from '@/gql/graphql';
import { callRouter, findError, RouterUnavailableError } from '@/lib/graphql';
import type { ClientHeaders, GraphQLErrorBody, RouterResponse } from '@/lib/graphql';
import { clientHeadersOf } from '@/lib/session/session';

export interface RegisterState {
  error?: string;
  /** The form field at fault, when identity or the profile's subgraph named one. */
  field?: string;
  /** What was typed, to fill the form again (never the password). */
  values?: Record<string, string>;
}

const PLATFORMS: readonly Platform[] = ['TWITCH', 'YOUTUBE', 'TIKTOK', 'KICK'];

function text(form: FormData, name: string): string {
  return String(form.get(name) ?? '').trim();
}

function optional(form: FormData, name: string): string | undefined {
  return text(form, name) || undefined;
}

function list(form: FormData, name: string): string[] {
  return text(form, name)
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

function whole(form: FormData, name: string): number {
  const value = Number(text(form, name) || '0');
  return Number.isSafeInteger(value) && value >= 0 ? value : NaN;
}

function remembered(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of form) if (typeof value === 'string' && name !== 'password' && !name.startsWith('$')) values[name] = value;
  return values;
}

/** `input.brand.contact.email` → `contact.email`: the form's field names follow the input's shape. */
function formField(path: string | undefined): string | undefined {
  return path?.replace(/^input\.(brand\.|streamer\.)?/, '');
}

function refusal(errors: GraphQLErrorBody[], values: Record<string, string>): RegisterState {
  const limited = findError(errors, 'RATE_LIMITED');
  if (limited) return { values, error: 'Too many sign-ups from this network. Try again later.' };
  const known = findError(errors, 'CONFLICT') ?? findError(errors, 'BAD_USER_INPUT');
  if (known) {
    const field = formField(typeof known.extensions?.field === 'string' ? known.extensions.field : undefined);
    return { values, error: known.message, ...(field ? { field } : {}) };
  }
  console.warn('registration failed', errors);
  return { values, error: 'Signing up failed. Try again in a moment.' };
}

/** Calls the router; undefined when it cannot be reached. */
async function attempt<TResult>(
  call: (client: ClientHeaders) => Promise<RouterResponse<TResult>>,
): Promise<RouterResponse<TResult> | undefined> {
  try {
    return await call(clientHeadersOf(await headers()));
  } catch (error) {
    if (!(error instanceof RouterUnavailableError)) throw error;
    console.warn('registration failed', error);
    return undefined;
  }
}

const UNAVAILABLE = 'Signing up is not available right now. Try again in a moment.';

/** To the page that follows the registration until its account is ACTIVE (or FAILED). */
function pending(kind: 'brand' | 'streamer', accountId: string): never {
  redirect(`/sign-up/pending?kind=${kind}&account=${encodeURIComponent(accountId)}`);
}

/** Signs a brand up (registerBrand) and shows its registration, which completes asynchronously. */
export async function registerBrand(_previous: RegisterState, form: FormData): Promise<RegisterState> {
  if (!(form instanceof FormData)) return { error: 'Signing up failed. Reload the page and try again.' };
  const values = remembered(form);
  const input: RegisterBrandInput = {
    email: text(form, 'email'),
    password: String(form.get('password') ?? ''),
    brand: {
      companyName: text(form, 'companyName'),
      industry: text(form, 'industry'),
      website: optional(form, 'website') ?? null,
      contact: { name: text(form, 'contact.name'), email: text(form, 'contact.email'), phone: optional(form, 'contact.phone') ?? null },
      billing: {
        address: {
          line1: text(form, 'billing.address.line1'),
          line2: optional(form, 'billing.address.line2') ?? null,
          city: text(form, 'billing.address.city'),
          region: optional(form, 'billing.address.region') ?? null,
          postalCode: text(form, 'billing.address.postalCode'),
          country: text(form, 'billing.address.country').toUpperCase(),
        },
        taxId: optional(form, 'billing.taxId') ?? null,
      },
    },
  };
  const result = await attempt((client) => callRouter(RegisterBrandDocument, { input }, { client }));
  if (!result) return { values, error: UNAVAILABLE };
  if (!result.data?.registerBrand) return refusal(result.errors, values);
  pending('brand', result.data.registerBrand.account.id);
}

/** Signs a streamer up (registerStreamer), with at most one platform profile to begin with. */
export async function registerStreamer(_previous: RegisterState, form: FormData): Promise<RegisterState> {
  if (!(form instanceof FormData)) return { error: 'Signing up failed. Reload the page and try again.' };
  const values = remembered(form);
  const platform = text(form, 'platform.platform') as Platform;
  const numbers = { followers: whole(form, 'platform.followers'), averageViewers: whole(form, 'platform.averageViewers') };
  if (PLATFORMS.includes(platform) && (Number.isNaN(numbers.followers) || Number.isNaN(numbers.averageViewers))) {
    return { values, field: 'platform.followers', error: 'Followers and average viewers are whole numbers.' };
  }
  const input: RegisterStreamerInput = {
    email: text(form, 'email'),
    password: String(form.get('password') ?? ''),
    streamer: {
      displayName: text(form, 'displayName'),
      contactEmail: text(form, 'contactEmail'),
      bio: optional(form, 'bio') ?? null,
      demographics: { country: text(form, 'demographics.country').toUpperCase(), languages: list(form, 'demographics.languages') },
      platforms: PLATFORMS.includes(platform)
        ? [
            {
              platform,
              username: text(form, 'platform.username'),
              channelUrl: text(form, 'platform.channelUrl'),
              followers: numbers.followers,
              averageViewers: numbers.averageViewers,
              peakViewers: numbers.averageViewers,
              categories: list(form, 'platform.categories'),
            },
          ]
        : [],
    },
  };
  const result = await attempt((client) => callRouter(RegisterStreamerDocument, { input }, { client }));
  if (!result) return { values, error: UNAVAILABLE };
  if (!result.data?.registerStreamer) return refusal(result.errors, values);
  pending('streamer', result.data.registerStreamer.account.id);
}

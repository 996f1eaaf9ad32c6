import { describe, expect, it } from 'vitest';
import { ANONYMOUS, accessRule, isAllowed, isOwner } from '../src';
import type { Viewer } from '../src';

const brand: Viewer = { kind: 'BRAND', accountId: 'a-b', entityId: 'b-1', scopes: ['wallet:read'] };
const streamer: Viewer = { kind: 'STREAMER', accountId: 'a-s', entityId: 's-1', scopes: [] };
const admin: Viewer = { kind: 'ADMIN', accountId: 'a-a', scopes: [] };

describe('accessRule and isAllowed', () => {
  it('reads kinds (any of) and scope: entries (all of)', () => {
    expect(accessRule([])).toEqual({ kinds: [], scopes: [] });
    expect(accessRule(['STREAMER', 'ADMIN', 'scope:a', 'scope:b:c'])).toEqual({ kinds: ['STREAMER', 'ADMIN'], scopes: ['a', 'b:c'] });
  });

  it('throws on a role it does not know, ANONYMOUS included', () => {
    for (const role of ['BRNAD', 'brand', 'ANONYMOUS', 'scope:', '']) expect(() => accessRule([role])).toThrow(/Unknown role/);
  });

  it('never allows the anonymous viewer, even an empty rule', () => {
    expect(isAllowed(ANONYMOUS, accessRule([]))).toBe(false);
    expect(isAllowed(undefined, accessRule([]))).toBe(false);
  });

  it('allows by kind and by every scope', () => {
    expect(isAllowed(brand, accessRule([]))).toBe(true);
    expect(isAllowed(brand, accessRule(['STREAMER', 'ADMIN']))).toBe(false);
    expect(isAllowed(admin, accessRule(['STREAMER', 'ADMIN']))).toBe(true);
    expect(isAllowed(brand, accessRule(['scope:wallet:read']))).toBe(true);
    expect(isAllowed(brand, accessRule(['scope:wallet:read', 'scope:wallet:write']))).toBe(false);
    expect(isAllowed(streamer, accessRule(['BRAND', 'scope:wallet:read']))).toBe(false);
  });
});

describe('isOwner', () => {
  it('matches the id of the right kind only', () => {
    expect(isOwner(brand, { brandId: 'b-1' })).toBe(true);
    expect(isOwner(brand, { brandId: 'b-2' })).toBe(false);
    expect(isOwner({ ...streamer, entityId: 'b-1' }, { brandId: 'b-1' })).toBe(false);
    expect(isOwner(streamer, { streamerId: 's-1' })).toBe(true);
    expect(isOwner(streamer, { accountId: 'a-s' })).toBe(true);
    expect(isOwner(admin, { brandId: 'b-1' })).toBe(false);
    expect(isOwner(ANONYMOUS, { accountId: 'x' })).toBe(false);
    expect(isOwner({ kind: 'BRAND', scopes: [] }, { brandId: '' })).toBe(false);
  });

  it('compares UUIDs whatever their letter case, other ids exactly', () => {
    const id = '01930000-0000-7000-8000-0000000b0001';
    expect(isOwner({ ...brand, entityId: id.toUpperCase() }, { brandId: id })).toBe(true);
    expect(isOwner({ ...brand, entityId: 'Brand-X' }, { brandId: 'brand-x' })).toBe(false);
  });
});

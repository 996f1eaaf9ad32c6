import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../src/uuid';

describe('uuidv7', () => {
  it('is a version 7, variant 1 UUID carrying its millisecond', () => {
    const now = Date.UTC(2027, 0, 1);
    const id = uuidv7(now + 5_000);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replaceAll('-', '').slice(0, 12), 16)).toBeGreaterThanOrEqual(now + 5_000);
  });

  it('keeps the order of ids made in the same millisecond (thousands in a row sort as they were made)', () => {
    const ids = Array.from({ length: 10_000 }, () => uuidv7());
    const sorted = [...ids].sort();
    expect(sorted.findIndex((id, index) => id !== ids[index])).toBe(-1);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

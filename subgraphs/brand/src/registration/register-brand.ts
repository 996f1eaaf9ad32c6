import { BrandRegistered, BrandRegistrationRejected, writeEvent } from '@gametriggers/events';
import type { EventData, RegistrationRequested } from '@gametriggers/events';
import { createBrand } from '../brand/create-brand';
import type { Prisma } from '../generated/prisma/client';
import { CreateBrandInput } from '../brand/brand.inputs';
import { inputFromJson, problemOf } from '@gametriggers/federation';
import type { InputProblem } from '@gametriggers/federation';

/**
 * A brand registration from identity: creates the brand with the pre-assigned id from the profile,
 * with createBrand's rules, and answers BrandRegistered, or BrandRegistrationRejected (nothing
 * created) when the profile breaks one; in the caller's transaction either way. A brand that exists
 * already (the request again) is answered as registered. Streamer registrations are not its business.
 * Returns the answer it wrote, if any.
 */
export async function registerBrand(tx: Prisma.TransactionClient, data: EventData<typeof RegistrationRequested>) {
  if (data.kind !== 'BRAND') return undefined;
  const { accountId, entityId } = data;
  const answer = { subject: entityId, correlationId: accountId };
  if (await tx.brand.findUnique({ where: { id: entityId }, select: { id: true } })) {
    return writeEvent(tx, BrandRegistered, { ...answer, data: { accountId, entityId } });
  }
  const checked = await inputFromJson(CreateBrandInput, data.profile);
  const problem = 'problem' in checked ? checked.problem : await create(tx, checked.input, entityId);
  if (!problem) return writeEvent(tx, BrandRegistered, { ...answer, data: { accountId, entityId } });
  return writeEvent(tx, BrandRegistrationRejected, { ...answer, data: { accountId, entityId, ...problem } });
}

/** createBrand, its rules' failures returned as the problem with the profile. */
async function create(tx: Prisma.TransactionClient, input: CreateBrandInput, id: string): Promise<InputProblem | undefined> {
  try {
    await createBrand(tx, input, id);
    return undefined;
  } catch (error) {
    const problem = problemOf(error);
    if (!problem) throw error;
    return problem;
  }
}

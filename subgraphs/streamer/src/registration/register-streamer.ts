import { StreamerRegistered, StreamerRegistrationRejected, writeEvent } from '@gametriggers/events';
import type { EventData, RegistrationRequested } from '@gametriggers/events';
import type { Prisma } from '../generated/prisma/client';
import { createStreamer } from '../streamer/create-streamer';
import { CreateStreamerInput } from '../streamer/streamer.inputs';
import { inputFromJson, problemOf } from '@gametriggers/federation';
import type { InputProblem } from '@gametriggers/federation';

/**
 * A streamer registration from identity: creates the streamer with the pre-assigned id from the
 * profile, with createStreamer's rules, and answers StreamerRegistered, or StreamerRegistrationRejected
 * (nothing created) when the profile breaks one, e.g. a display name already taken; in the caller's
 * transaction either way. A streamer that exists already (the request again) is answered as
 * registered. Brand registrations are not its business. Returns the answer it wrote, if any.
 */
export async function registerStreamer(tx: Prisma.TransactionClient, data: EventData<typeof RegistrationRequested>) {
  if (data.kind !== 'STREAMER') return undefined;
  const { accountId, entityId } = data;
  const answer = { subject: entityId, correlationId: accountId };
  if (await tx.streamer.findUnique({ where: { id: entityId }, select: { id: true } })) {
    return writeEvent(tx, StreamerRegistered, { ...answer, data: { accountId, entityId } });
  }
  const checked = await inputFromJson(CreateStreamerInput, data.profile);
  const problem = 'problem' in checked ? checked.problem : await create(tx, checked.input, entityId);
  if (!problem) return writeEvent(tx, StreamerRegistered, { ...answer, data: { accountId, entityId } });
  return writeEvent(tx, StreamerRegistrationRejected, { ...answer, data: { accountId, entityId, ...problem } });
}

/**
 * createStreamer, its rules' failures returned as the problem with the profile. The unique index on
 * the display name refuses a taken one by failing the statement, which would abort the whole
 * transaction: a savepoint keeps it usable for the rejection.
 */
async function create(tx: Prisma.TransactionClient, input: CreateStreamerInput, id: string): Promise<InputProblem | undefined> {
  await tx.$executeRawUnsafe('SAVEPOINT register_streamer');
  try {
    await createStreamer(tx, input, id);
    await tx.$executeRawUnsafe('RELEASE SAVEPOINT register_streamer');
    return undefined;
  } catch (error) {
    const problem = problemOf(error);
    if (!problem) throw error;
    await tx.$executeRawUnsafe('ROLLBACK TO SAVEPOINT register_streamer');
    return problem;
  }
}

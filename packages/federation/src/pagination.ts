import { ArgsType, Directive, Field, Int, ObjectType } from 'type-graphql';
import type { ClassType } from 'type-graphql';
import { Max, Min } from 'class-validator';
import { BadUserInputError } from './errors';
import { isUuid } from './uuid';

@ObjectType({ description: 'Where a page of a list ends, for cursor pagination.' })
@Directive('@shareable')
export class PageInfo {
  @Field(() => String, { nullable: true, description: 'Pass as `after` to get the next page.' })
  endCursor!: string | null;

  @Field(() => Boolean)
  hasNextPage!: boolean;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20, description: 'Page size, 1 to 100.' })
  @Min(1)
  @Max(100)
  first = 20;

  @Field(() => String, { nullable: true, description: 'The `endCursor` of the previous page.' })
  after?: string | null;
}

export interface Page<T> {
  nodes: T[];
  pageInfo: PageInfo;
}

/** The GraphQL type of a page of `item`: `{ nodes, pageInfo }`. */
export function Connection<T extends object>(item: ClassType<T>) {
  @ObjectType()
  abstract class ConnectionClass implements Page<T> {
    @Field(() => [item])
    nodes!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;
  }
  return ConnectionClass;
}

const encodeCursor = (id: string) => Buffer.from(`id:${id}`).toString('base64url');

function decodeCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const id = decoded.startsWith('id:') ? decoded.slice('id:'.length) : '';
  if (!isUuid(id)) throw new BadUserInputError('after', 'after is not a cursor returned by this list');
  return id;
}

/**
 * Keyset pagination over rows ordered by id (ids are UUIDv7, so id order is creation order).
 * `fetch` gets how many rows to take and the id to start after; it must order by id descending.
 */
export async function paginate<T extends { id: string }>(
  args: PageArgs,
  fetch: (window: { take: number; afterId?: string }) => Promise<T[]>,
): Promise<Page<T>> {
  const afterId = args.after ? decodeCursor(args.after) : undefined;
  const rows = await fetch({ take: args.first + 1, afterId });
  const nodes = rows.slice(0, args.first);
  const last = nodes.at(-1);
  return { nodes, pageInfo: { hasNextPage: rows.length > args.first, endCursor: last ? encodeCursor(last.id) : null } };
}

/** The Prisma arguments for one page: `findMany({ ...pageQuery(window), where })`. */
export function pageQuery(window: { take: number; afterId?: string }) {
  return {
    take: window.take,
    orderBy: { id: 'desc' as const },
    ...(window.afterId ? { cursor: { id: window.afterId }, skip: 1 } : {}),
  };
}

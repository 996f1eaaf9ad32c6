import { Kind, getArgumentValues, getOperationAST } from 'graphql';
import type { DocumentNode, FieldNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { GraphQLError } from 'graphql';

export interface SubscriptionAsQuery {
  fieldName: string;
  args: Record<string, unknown>;
  /** The same operation as a query on `queryField`, aliased to the subscription's response key. */
  toQuery: (queryField: string) => DocumentNode;
}

/** Reads a validated subscription operation: its one root field, arguments, and a query twin. */
export function subscriptionAsQuery(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown>,
): SubscriptionAsQuery {
  const operation = getOperationAST(document, operationName);
  if (!operation || operation.operation !== 'subscription') throw new GraphQLError('Expected a subscription operation');
  const field = operation.selectionSet.selections.find((selection): selection is FieldNode => selection.kind === Kind.FIELD);
  const fieldDef = field && schema.getSubscriptionType()?.getFields()[field.name.value];
  if (!field || !fieldDef) throw new GraphQLError('A subscription selects exactly one subscription field');
  const args = getArgumentValues(fieldDef, field, variables);

  const toQuery = (queryField: string): DocumentNode => {
    const queryOperation: OperationDefinitionNode = {
      ...operation,
      operation: 'query' as OperationDefinitionNode['operation'],
      selectionSet: {
        ...operation.selectionSet,
        selections: [
          {
            ...field,
            alias: { kind: Kind.NAME, value: field.alias?.value ?? field.name.value },
            name: { kind: Kind.NAME, value: queryField },
          },
        ],
      },
    };
    return {
      ...document,
      definitions: document.definitions.map((definition) => (definition === operation ? queryOperation : definition)),
    };
  };
  return { fieldName: field.name.value, args, toQuery };
}

import { FieldResolver, Resolver, Root } from 'type-graphql';
import { CampaignReference } from '../stand-ins/stand-ins.type';
import { InvoiceLine } from './invoice.type';

@Resolver(() => InvoiceLine)
export class InvoiceLineResolver {
  @FieldResolver(() => CampaignReference, { nullable: true, description: 'The campaign billed, resolved by the campaign subgraph.' })
  campaign(@Root() line: InvoiceLine): CampaignReference | null {
    return line.campaignId ? { id: line.campaignId } : null;
  }
}

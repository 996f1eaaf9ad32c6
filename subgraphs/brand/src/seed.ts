import { demoIds } from '@gametriggers/prisma-tools';
import { publishCreatedBrand } from './brand/brand-profile-event';
import type { Db } from './db';

const address = { billingLine2: null, billingRegion: null, contactPhone: null };

/**
 * Three demo brands, each created with its BrandProfileChanged in one transaction, so consumers
 * (conflict) learn the demo brands' industries like any other's. A brand already there is left
 * alone (no event either): a restart changes nothing.
 */
export async function seedDemo(db: Db): Promise<void> {
  const brands = [
    {
      id: demoIds.brands.voltage,
      companyName: 'Voltage Energy',
      industry: 'beverages',
      website: 'https://voltage.example',
      contactName: 'Dana Reyes',
      contactEmail: 'dana@voltage.example',
      billingLine1: '1 Market St',
      billingCity: 'San Francisco',
      billingPostalCode: '94105',
      billingCountry: 'US',
      taxId: 'US-12-3456789',
      targetCountries: ['US', 'CA'],
      targetLanguages: ['en'],
      targetAgeRanges: ['AGE_18_24', 'AGE_25_34'],
      contentCategories: ['fps', 'battle-royale'],
      budgetCurrency: 'USD',
      budgetMinMinor: 500_000n,
      budgetMaxMinor: 2_500_000n,
    },
    {
      id: demoIds.brands.pixelforge,
      companyName: 'PixelForge Hardware',
      industry: 'gaming-hardware',
      website: 'https://pixelforge.example',
      contactName: 'Sam Okafor',
      contactEmail: 'sam@pixelforge.example',
      billingLine1: 'Keizersgracht 100',
      billingCity: 'Amsterdam',
      billingPostalCode: '1015 CS',
      billingCountry: 'NL',
      taxId: 'NL123456789B01',
      targetCountries: ['NL', 'DE', 'GB'],
      targetLanguages: ['en', 'nl', 'de'],
      targetAgeRanges: ['AGE_18_24', 'AGE_25_34', 'AGE_35_44'],
      contentCategories: ['strategy', 'simulation'],
      budgetCurrency: 'EUR',
      budgetMinMinor: 1_000_000n,
      budgetMaxMinor: 5_000_000n,
    },
    {
      id: demoIds.brands.nordwind,
      companyName: 'Nordwind Motors',
      industry: 'automotive',
      website: 'https://nordwind.example',
      contactName: 'Erik Lund',
      contactEmail: 'erik@nordwind.example',
      billingLine1: '10 Baker St',
      billingCity: 'London',
      billingPostalCode: 'W1U 3BW',
      billingCountry: 'GB',
      taxId: 'GB123456789',
      targetCountries: ['GB', 'SE', 'NO'],
      targetLanguages: ['en', 'sv'],
      targetAgeRanges: ['AGE_25_34', 'AGE_35_44'],
      contentCategories: ['racing'],
      budgetCurrency: 'GBP',
      budgetMinMinor: 800_000n,
      budgetMaxMinor: 3_000_000n,
    },
  ];
  for (const brand of brands) {
    await db.$transaction(async (tx) => {
      if (await tx.brand.findUnique({ where: { id: brand.id }, select: { id: true } })) return;
      await publishCreatedBrand(tx, await tx.brand.create({ data: { ...address, ...brand } }));
    });
  }
}

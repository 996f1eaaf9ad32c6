/** A valid CreateBrandInput; override any field. */
export function brandInput(overrides: Record<string, unknown> = {}) {
  return {
    companyName: 'Voltage Energy Drinks',
    industry: 'beverages',
    website: 'https://voltage.example',
    contact: { name: 'Dana Reyes', email: 'dana@voltage.example', phone: '+1 415 555 0100' },
    billing: {
      address: { line1: '1 Market St', city: 'San Francisco', region: 'CA', postalCode: '94105', country: 'US' },
      taxId: 'US-12-3456789',
    },
    marketingPreferences: {
      countries: ['US', 'CA'],
      languages: ['en'],
      ageRanges: ['AGE_18_24', 'AGE_25_34'],
      contentCategories: ['fps', 'battle-royale'],
      budgetRange: { min: { amount: '5000', currency: 'USD' }, max: { amount: '25000.50', currency: 'USD' } },
    },
    ...overrides,
  };
}

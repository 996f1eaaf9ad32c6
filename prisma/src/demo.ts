/**
 * Fixed ids of the demo data, shared by every subgraph's seed so that references line up across
 * databases (a campaign's brand id is a brand in the brand database, and so on).
 */
export const demoIds = {
  brands: {
    voltage: '01930000-0000-7000-8000-0000000b0001',
    pixelforge: '01930000-0000-7000-8000-0000000b0002',
    nordwind: '01930000-0000-7000-8000-0000000b0003',
  },
  streamers: {
    kiraplays: '01930000-0000-7000-8000-0000000a0001',
    gridlock: '01930000-0000-7000-8000-0000000a0002',
    lunastreams: '01930000-0000-7000-8000-0000000a0003',
    tactician: '01930000-0000-7000-8000-0000000a0004',
  },
  campaigns: {
    voltageSummer: '01930000-0000-7000-8000-0000000c0001',
    voltageNight: '01930000-0000-7000-8000-0000000c0002',
    pixelforgeLaunch: '01930000-0000-7000-8000-0000000c0003',
    nordwindRacing: '01930000-0000-7000-8000-0000000c0004',
  },
  participations: {
    kiraVoltageSummer: '01930000-0000-7000-8000-0000000d0001',
    gridlockVoltageSummer: '01930000-0000-7000-8000-0000000d0002',
    lunaPixelforge: '01930000-0000-7000-8000-0000000d0003',
    tacticianNordwind: '01930000-0000-7000-8000-0000000d0004',
    kiraPixelforge: '01930000-0000-7000-8000-0000000d0005',
  },
} as const;

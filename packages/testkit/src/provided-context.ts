// What the global setup provides to every test file (vitest's inject()).
declare module 'vitest' {
  export interface ProvidedContext {
    /** The PostgreSQL server of this test run (TEST_DATABASE_URL or an embedded one). */
    databaseServerUrl: string;
  }
}

export {};

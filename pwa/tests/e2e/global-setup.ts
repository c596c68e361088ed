import { startServer } from './server';

/** Starts the server once for all tests; the returned function is Playwright's teardown. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const server = await startServer();
  // Workers start after this and inherit the environment: see fixtures.ts.
  process.env.CAREPLAN_E2E_URL = server.baseUrl;
  process.env.CAREPLAN_E2E_DATABASE_URL = server.databaseUrl;
  return () => server.stop();
}

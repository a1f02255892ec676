/**
 * npm run emulator -- [--port 8787] [--rate-limit <perHour>]
 *                      [--key <apiKey>[=<accountId>,…]]… [--token <token>[=<sub>]]…
 *                      [--client <clientId>=<clientSecret>]… [--create-when-exists upsert|conflict]
 *                      [--linkedin-daily-limit <perDay>]
 * Prints one JSON line (URLs and the credentials to use) once listening; logs go to stderr.
 */
import { parseCliArgs } from './cli-args';
import { startEmulator } from './server';

async function main(): Promise<void> {
  let config: ReturnType<typeof parseCliArgs>;
  try {
    config = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`emulator: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  }
  const emulator = await startEmulator({ host: '127.0.0.1', ...config });
  process.stdout.write(`${JSON.stringify({ ...emulator.urls, ...emulator.credentials })}\n`);
  process.stderr.write(`emulator: listening on port ${emulator.port}; Ctrl-C to stop\n`);

  const shutdown = (signal: string) => {
    process.stderr.write(`emulator: ${signal}, closing\n`);
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`emulator: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

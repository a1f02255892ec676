/**
 * One emulator for a whole test file, reset before each test and closed after the last, for
 * tests that call the real services' clients over HTTP.
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { EmulatorControl } from '../emulator/client';
import { type Emulator, startEmulator } from '../emulator/server';

export function emulatorPerFile(onStart: (emulator: Emulator, control: EmulatorControl) => void) {
  let emulator: Emulator | undefined;
  let control: EmulatorControl | undefined;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    control = new EmulatorControl(emulator.urls.controlUrl);
    onStart(emulator, control);
  });
  afterAll(async () => {
    await emulator?.close();
  });
  beforeEach(async () => {
    await control?.reset();
  });
}

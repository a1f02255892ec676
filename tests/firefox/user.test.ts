/**
 * The user scenarios (tests/scenarios/user.ts) in Firefox: Debian's Firefox ESR with the Firefox
 * build installed as a temporary add-on, driven over WebDriver BiDi (tests/support/driver-firefox.ts),
 * against one emulator for the file, reset before each scenario. Each scenario gets a fresh
 * Firefox profile, pointed at the emulator through the options page as a user would.
 */
import { afterAll, afterEach, beforeAll, beforeEach, test } from 'vitest';
import { EmulatorControl } from '../emulator/client';
import { type Emulator, startEmulator } from '../emulator/server';
import { configureConnection, SCENARIOS } from '../scenarios/user';
import { FirefoxDriver } from '../support/driver-firefox';

let emulator: Emulator;
let control: EmulatorControl;
let driver: FirefoxDriver | undefined;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  control = new EmulatorControl(emulator.urls.controlUrl);
});

afterAll(async () => {
  await emulator?.close();
});

beforeEach(async () => {
  await control.reset();
  driver = await FirefoxDriver.launch();
  await configureConnection({ driver, emulator, control });
});

afterEach(async () => {
  await driver?.close();
  driver = undefined;
});

for (const scenario of SCENARIOS) {
  test(scenario.name, async () => {
    if (!driver) throw new Error('Firefox did not start');
    await scenario.run({ driver, emulator, control });
  });
}

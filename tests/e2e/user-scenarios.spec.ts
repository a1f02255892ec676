/**
 * The user scenarios (tests/scenarios/user.ts) in Chromium, through the Chromium driver: the
 * same code the Firefox suite runs (tests/firefox/user.test.ts), so both browsers are held to
 * the same steps and the same expectations.
 */
import { configureConnection, SCENARIOS } from '../scenarios/user';
import { ChromiumDriver } from '../support/driver-chromium';
import { test } from './fixtures';

for (const scenario of SCENARIOS) {
  test(scenario.name, async ({ emulator, control }) => {
    const driver = await ChromiumDriver.launch();
    try {
      await configureConnection({ driver, emulator, control });
      await scenario.run({ driver, emulator, control });
    } finally {
      await driver.close();
    }
  });
}

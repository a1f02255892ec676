// Empty: the shared launcher (tests/support/browser.ts) finds an extension's id through its worker.

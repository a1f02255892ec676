/**
 * Runs code in the content script's isolated world of a page's main frame (via CDP), to
 * prove what that world can and cannot reach, and to forge messages from it.
 */
import type { Page } from '@playwright/test';

export async function evaluateInContentScript<T>(page: Page, expression: string): Promise<T> {
  const session = await page.context().newCDPSession(page);
  const contexts: Array<{
    id: number;
    name: string;
    auxData?: { isDefault?: boolean; frameId?: string };
  }> = [];
  session.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await session.send('Runtime.enable');
  const { frameTree } = await session.send('Page.getFrameTree');
  const deadline = Date.now() + 5000;
  let world: (typeof contexts)[number] | undefined;
  while (!world && Date.now() < deadline) {
    world = contexts.find(
      (context) =>
        context.name === 'Reactbar' &&
        !context.auxData?.isDefault &&
        context.auxData?.frameId === frameTree.frame.id,
    );
    if (!world) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (!world) throw new Error('The content script world was not found');
  const result = await session.send('Runtime.evaluate', {
    expression,
    contextId: world.id,
    awaitPromise: true,
    returnByValue: true,
  });
  await session.detach();
  if (result.exceptionDetails) {
    throw new Error(result.exceptionDetails.exception?.description ?? result.exceptionDetails.text);
  }
  return result.result.value as T;
}

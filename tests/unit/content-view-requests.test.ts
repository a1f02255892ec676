/** Views are asked for in few requests, however the targets arrive. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const sendMessage = vi.fn();
vi.mock('@/lib/messaging/protocol', () => ({ backgroundMessenger: { sendMessage } }));

const { createViewRequester } = await import('@/lib/content/view-requests');
const { createContentStore } = await import('@/lib/content/frame-store');

beforeEach(() => {
  vi.useFakeTimers();
  sendMessage.mockReset();
  sendMessage.mockImplementation(async (_name: string, { urns }: { urns: string[] }) => ({
    views: urns.map((urn) => ({ urn, active: urn.endsWith('7') ? ['👍'] : [], pending: [] })),
    ready: { connectsafely: true },
  }));
});

afterEach(() => {
  vi.useRealTimers();
});

describe('view requests', () => {
  it('asks once for targets found together, shortly after', async () => {
    const store = createContentStore();
    const views = createViewRequester(store);
    for (let index = 0; index < 30; index++) views.request(`urn:${index}`);
    await vi.advanceTimersByTimeAsync(99);
    expect(sendMessage).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(sendMessage).toHaveBeenCalledTimes(1);
    expect(sendMessage.mock.calls[0]?.[1].urns).toHaveLength(30);
    expect(Object.keys(store.getState().views).sort()).toEqual(['urn:17', 'urn:27', 'urn:7']);
    expect(store.getState().ready).toEqual({ connectsafely: true, linkedin: false });
  });

  it('gathers a thread that keeps loading (10 targets a frame for a second) into a few requests', async () => {
    const views = createViewRequester(createContentStore());
    for (let frame = 0; frame < 60; frame++) {
      for (let index = 0; index < 10; index++) views.request(`urn:${frame}-${index}`);
      await vi.advanceTimersByTimeAsync(16);
    }
    await vi.advanceTimersByTimeAsync(500);
    const asked = sendMessage.mock.calls.flatMap(([, { urns }]) => urns as string[]);
    expect(asked).toHaveLength(600);
    expect(sendMessage.mock.calls.length).toBeLessThanOrEqual(4);
  });

  it('asks again, a little later, when the background could not answer (its worker restarting)', async () => {
    const store = createContentStore();
    const views = createViewRequester(store);
    const answer = sendMessage.getMockImplementation();
    sendMessage.mockRejectedValueOnce(new Error('Could not establish connection'));
    sendMessage.mockRejectedValueOnce(new Error('Could not establish connection'));
    sendMessage.mockImplementation(answer as never);
    views.request('urn:7');
    await vi.advanceTimersByTimeAsync(100);
    expect(sendMessage).toHaveBeenCalledTimes(1);
    expect(store.getState().views).toEqual({});
    await vi.advanceTimersByTimeAsync(300 + 600);
    expect(sendMessage).toHaveBeenCalledTimes(3);
    expect(store.getState().views['urn:7']).toEqual({ urn: 'urn:7', active: ['👍'], pending: [] });
  });

  it('gives up after a few tries when the background never answers', async () => {
    const views = createViewRequester(createContentStore());
    sendMessage.mockRejectedValue(new Error('Extension context invalidated'));
    views.request('urn:1');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sendMessage).toHaveBeenCalledTimes(5);
  });
});

describe('page states', () => {
  it('sends what the page shows on posts and comments, read when the request leaves', async () => {
    const store = createContentStore();
    const shown: Record<string, string | null | undefined> = {
      'urn:li:activity:1': 'PRAISE',
      'urn:li:activity:2': null,
      'urn:li:activity:3': undefined,
    };
    const views = createViewRequester(store, (urn) => shown[urn]);
    for (const urn of Object.keys(shown)) views.request(urn);
    shown['urn:li:activity:2'] = 'LIKE'; // Changed on the page before the request left.
    sendMessage.mockImplementationOnce(async (_name: string, { urns }: { urns: string[] }) => ({
      views: urns.map((urn) => ({ urn, active: [], pending: [] })),
      ready: { linkedin: true },
    }));
    await vi.advanceTimersByTimeAsync(100);
    expect(sendMessage.mock.calls[0]?.[1].pageStates).toEqual({
      'urn:li:activity:1': 'PRAISE',
      'urn:li:activity:2': 'LIKE',
    });
    // Connected: the engine's views are shown as they are.
    expect(store.getState().views).toEqual({});
  });

  it('without a LinkedIn connection, shows what the page shows', async () => {
    const store = createContentStore();
    const views = createViewRequester(store, (urn) => (urn.endsWith('1') ? 'PRAISE' : null));
    sendMessage.mockImplementationOnce(async (_name: string, { urns }: { urns: string[] }) => ({
      views: urns.map((urn) => ({ urn, active: [], pending: [] })),
      ready: { connectsafely: true },
    }));
    views.request('urn:li:activity:1');
    views.request('urn:li:activity:2');
    await vi.advanceTimersByTimeAsync(100);
    expect(store.getState().views).toEqual({
      'urn:li:activity:1': { urn: 'urn:li:activity:1', active: ['PRAISE'], pending: [] },
    });
    expect(store.getState().ready).toEqual({ connectsafely: true, linkedin: false });
  });
});

// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import ReplayPanel from '~/components/replay/replay-panel.vue';
import type { ReplayResult } from '~/core/events';
import type { HttpRequest } from '~/core/model';

const refresh: HttpRequest = {
  id: 'r9',
  source: 'cdp',
  url: 'http://api.test/api/auth/token/refresh/',
  method: 'POST',
  resourceType: 'fetch',
  startTime: 1000,
  endTime: 1010,
  firstSeq: 1,
  requestHeaders: { Authorization: 'Token old', 'Content-Type': 'application/json', ':path': '/x' },
  postData: '{}',
  state: 'failed',
  failure: {
    errorText: 'net::ERR_FAILED',
    cors: { corsError: 'HeaderDisallowedByPreflightResponse', failedParameter: 'authorization' },
  },
};

const props = {
  request: refresh,
  isRefresh: true,
  confirmed: false,
  replays: [],
  canAct: true,
  site: 'http://app.test',
};

function button(wrapper: ReturnType<typeof mount>, text: string) {
  const found = wrapper.findAll('button').find((b) => b.text() === text);
  if (!found) throw new Error(`no button "${text}" in ${wrapper.text()}`);
  return found;
}

describe('ReplayPanel', () => {
  it('warns before sending, and Cancel sends nothing', async () => {
    const wrapper = mount(ReplayPanel, { props });
    await wrapper.get('button[title^="Send this request"]').trigger('click');
    expect(wrapper.get('[data-testid="rotation-warning"]').text()).toMatch(/rotate/);
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Cancel')!
      .trigger('click');
    expect(wrapper.find('[data-testid="replay-dialog"]').exists()).toBe(false);
    expect(wrapper.emitted('send')).toBeUndefined();
  });

  it('sends the request as edited, with the newest token when asked, pseudo-headers dropped', async () => {
    const wrapper = mount(ReplayPanel, { props: { ...props, newestAuthorization: 'Token new' } });
    await wrapper.get('button[title^="Send this request"]').trigger('click');
    const boxes = wrapper.findAll('input[type="checkbox"]');
    await boxes[0].setValue(true); // newest token
    await boxes[1].setValue(true); // remember
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Send replay')!
      .trigger('click');
    const [request, remember] = wrapper.emitted('send')![0] as [Record<string, unknown>, boolean];
    expect(remember).toBe(true);
    expect(request).toEqual({
      sourceRequestId: 'r9',
      url: refresh.url,
      method: 'POST',
      headers: { 'Content-Type': 'application/json', authorization: 'Token new' },
      body: '{}',
      pageOrigin: 'http://app.test',
    });
  });

  it('names the page the replay goes from, and sends without asking only when that pair was confirmed', async () => {
    const wrapper = mount(ReplayPanel, { props });
    await wrapper.get('button[title^="Send this request"]').trigger('click');
    expect(wrapper.get('[data-testid="replay-page"]').text()).toContain('http://app.test');
    expect(wrapper.get('[data-testid="replay-page"]').text()).toContain('requests to http://api.test');
    await button(wrapper, 'Cancel').trigger('click');

    await wrapper.setProps({ confirmed: true });
    await wrapper.get('button[title^="Send this request"]').trigger('click');
    expect(wrapper.find('[data-testid="replay-dialog"]').exists()).toBe(false);
    const [request, remember] = wrapper.emitted('send')![0] as [{ pageOrigin: string }, boolean];
    expect(request.pageOrigin).toBe('http://app.test');
    expect(remember).toBe(false);
  });

  it('keeps the page its confirmation showed, and drops "don\'t ask again" when the tab moved on', async () => {
    const wrapper = mount(ReplayPanel, { props });
    await wrapper.get('button[title^="Send this request"]').trigger('click');
    await wrapper.get('input[type="checkbox"]').setValue(true); // remember
    // The tab navigates (a new page load recorded) while the confirmation is open.
    await wrapper.setProps({ site: 'http://evil.test' });
    expect(wrapper.get('[data-testid="replay-page"]').text()).toContain('http://app.test');
    await button(wrapper, 'Send replay').trigger('click');
    const [request, remember] = wrapper.emitted('send')![0] as [{ pageOrigin: string }, boolean];
    expect(request.pageOrigin).toBe('http://app.test');
    expect(remember).toBe(false);
  });

  it('falls back to the page that sent the request, and sends nothing when no page is known', async () => {
    const withOrigin = mount(ReplayPanel, {
      props: {
        ...props,
        site: null,
        request: {
          ...refresh,
          requestHeaders: { ...refresh.requestHeaders, origin: 'http://app.test:3000' },
        },
      },
    });
    await withOrigin.get('button[title^="Send this request"]').trigger('click');
    expect(withOrigin.get('[data-testid="replay-page"]').text()).toContain('http://app.test:3000');

    const unknown = mount(ReplayPanel, { props: { ...props, site: null, confirmed: true } });
    await unknown.get('button[title^="Send this request"]').trigger('click');
    expect(unknown.get('[data-testid="replay-page"]').text()).toContain('does not know which page');
    expect(button(unknown, 'Send replay').attributes('disabled')).toBeDefined();
    await button(unknown, 'Send replay').trigger('click');
    expect(unknown.emitted('send')).toBeUndefined();
  });

  it('says a replay was not sent because the tab showed another page', () => {
    const result: ReplayResult = {
      kind: 'replay.result',
      replayId: 'replay:7',
      sourceRequestId: 'r9',
      url: refresh.url,
      method: 'POST',
      startTime: 2000,
      durationMs: 0,
      error: 'Not sent by Handshake: the tab shows http://evil.test, not http://app.test',
    };
    const wrapper = mount(ReplayPanel, { props: { ...props, replays: [{ result }] } });
    const refused = wrapper.get('[data-testid="replay-refused"]');
    expect(refused.attributes('role')).toBe('alert');
    expect(refused.text()).toContain('the tab showed http://evil.test, not http://app.test');
    expect(wrapper.get('[data-testid="replay-status"] [data-testid="replay"]').text()).toBe('not sent');
    expect(wrapper.get('[data-testid="replay-cors"] [data-testid="replay"]').text()).toBe('not sent');
  });

  it('shows a result beside the original: status, CORS verdict, changed headers and body', () => {
    const result: ReplayResult = {
      kind: 'replay.result',
      replayId: 'replay:5',
      sourceRequestId: 'r9',
      url: refresh.url,
      method: 'POST',
      startTime: 2000,
      durationMs: 12.4,
      status: 200,
      statusText: 'OK',
      headers: { 'content-type': 'application/json' },
      body: '{"token":"<b>x</b>"}',
    };
    const wrapper = mount(ReplayPanel, { props: { ...props, replays: [{ result }] } });
    expect(wrapper.get('[data-testid="replay-status"] [data-testid="replay"]').text()).toBe('200 OK');
    expect(wrapper.get('[data-testid="replay-cors"] [data-testid="original"]').text()).toContain(
      'HeaderDisallowedByPreflightResponse',
    );
    expect(wrapper.get('[data-testid="replay-cors"] [data-testid="replay"]').text()).toBe('passed');
    expect(wrapper.get('[data-testid="replay-time"] [data-testid="replay"]').text()).toBe('12 ms');
    // Captured text stays text.
    expect(wrapper.html()).not.toContain('<b>x</b>');
    expect(wrapper.text()).toContain('<b>x</b>');
  });

  it("edits the site's refresh patterns: shows the current list, emits the edited text and a reset", async () => {
    const wrapper = mount(ReplayPanel, {
      props: { ...props, site: 'http://app.test', refreshPatterns: ['/token/refresh', '/auth/refresh'] },
    });
    const editor = wrapper.get('[data-testid="refresh-patterns"]');
    expect(editor.text()).toContain('Refresh patterns for http://app.test');
    (editor.element as HTMLDetailsElement).open = true;
    await editor.trigger('toggle');
    const textarea = wrapper.get('textarea');
    expect((textarea.element as HTMLTextAreaElement).value).toBe('/token/refresh\n/auth/refresh');
    await textarea.setValue('/renew\n/token/refresh');
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Save patterns')!
      .trigger('click');
    expect(wrapper.emitted('patterns')).toEqual([['/renew\n/token/refresh']]);
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Reset to defaults')!
      .trigger('click');
    expect(wrapper.emitted('resetPatterns')).toHaveLength(1);
  });

  it('cannot save patterns before a page load named the site', () => {
    const wrapper = mount(ReplayPanel, { props: { ...props, site: null, refreshPatterns: [] } });
    const save = wrapper.findAll('button').find((b) => b.text() === 'Save patterns')!;
    expect(save.attributes('disabled')).toBeDefined();
    expect(wrapper.get('[data-testid="refresh-patterns"]').text()).toContain('Record a page load first');
  });
});

// @vitest-environment happy-dom
/**
 * Values redaction removed for their looks alone are listed in the export dialog for review,
 * from the real redactor's manifest of a real recording: where each was found and a masked
 * preview (never the value), in English and Russian; "Keep as is" keeps one in the file.
 */
import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import ExportDialog from '~/components/export/export-dialog.vue';
import { useLocaleChoice } from '~/composables/i18n';
import { exportHar, previewRedaction } from '~/core/har';
import type { RedactionManifest } from '~/core/redact';
import { channel, log, request } from '../../core/redact/canaries';

const { setChoice } = useLocaleChoice();
afterEach(() => setChoice('auto'));

const TOKEN = 'Rt7aZ3kQ9xR2mT7pL5vB8nW4cY6aZ3kQ9xR2mT7p';
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyLTcifQ.s1gNaTuRe7xQ2pL9vB8nW4';

/** A request with a random token in a header not named like a secret, and a socket sending a JWT. */
function events() {
  const req = request({ url: 'https://api.test/data', headers: { 'X-Build': TOKEN } });
  const ws = channel('websocket', [{ direction: 'send', data: `AUTH ${JWT}` }]).map((e) => ({
    ...e,
    seq: e.seq + req.length,
    time: e.time + 10,
  }));
  return log([]).concat(req, ws);
}

function dialog(manifest: RedactionManifest) {
  return mount(ExportDialog, {
    props: {
      manifest,
      rules: [],
      includeSecrets: false,
      keepJwtTimes: false,
      format: 'har',
      progress: null,
      busy: false,
      error: null,
    },
  });
}

describe('suspects in the export dialog', () => {
  it('lists each with a masked preview and where it was found, never the value', () => {
    const wrapper = dialog(previewRedaction(events()));
    const items = wrapper.findAll('[data-testid="suspect"]');
    expect(items).toHaveLength(2);
    expect(items.map((i) => i.get('[data-testid="suspect-preview"]').text())).toEqual(['Rt7a…7p', 'eyJh…W4']);
    expect(items[0].text()).toContain('random token, 40 characters, seen 1 time');
    expect(items[0].get('[data-testid="suspect-where"]').text()).toBe(
      'in the request header X-Build · GET https://api.test/data',
    );
    expect(items[1].text()).toContain('JWT');
    expect(items[1].get('[data-testid="suspect-where"]').text()).toBe(
      'in a message · WebSocket wss://rt.test/live',
    );
    const text = wrapper.html();
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(JWT.slice(10));
  });

  it('says the same in Russian', () => {
    setChoice('ru');
    const wrapper = dialog(previewRedaction(events()));
    expect(wrapper.get('[data-testid="suspect-review"] h3').text()).toBe('Значения, похожие на секреты');
    const [first] = wrapper.findAll('[data-testid="suspect"]');
    expect(first.text()).toContain('случайный токен, 40 символов, встречается 1 раз');
    expect(first.get('[data-testid="suspect-where"]').text()).toBe(
      'в заголовке запроса X-Build · GET https://api.test/data',
    );
    expect(first.get('input[type="checkbox"]').attributes('aria-label')).toBe(
      'Оставить Rt7a…7p в файле как есть',
    );
  });

  it('"Keep as is" asks to keep it; once kept, the export has it and the dialog says so', async () => {
    const first = previewRedaction(events());
    const wrapper = dialog(first);
    await wrapper.findAll('[data-testid="suspect"] input[type="checkbox"]')[0].setValue(true);
    const placeholder = first.suspects[0].placeholder;
    expect(wrapper.emitted('keepSuspect')).toEqual([[placeholder, true]]);

    const keep = [placeholder];
    const kept = previewRedaction(events(), { keep });
    expect(kept.suspects.map((s) => s.kept)).toEqual([true, false]);
    const again = dialog(kept);
    expect(again.findAll('[data-testid="suspect"]')[0].text()).toContain(
      'Kept: this value will be in the file as captured.',
    );
    const file = [...exportHar(events(), { redaction: { keep } })].join('');
    expect(file).toContain(TOKEN);
    expect(file).not.toContain(JWT.slice(10));
  });

  it('a kept value that is also a secret by its name is removed anyway', () => {
    const withName = events().map((e) =>
      e.kind === 'request.start'
        ? { ...e, headers: { 'X-Build': TOKEN, Authorization: `Bearer ${TOKEN}` } }
        : e,
    );
    const placeholder = previewRedaction(withName).suspects[0]?.placeholder ?? '';
    const file = [...exportHar(withName, { redaction: { keep: [placeholder] } })].join('');
    expect(file).not.toContain(TOKEN);
  });

  it('is not shown when nothing was caught by its looks, nor with secrets included', () => {
    expect(
      dialog(previewRedaction(request({})))
        .find('[data-testid="suspect-review"]')
        .exists(),
    ).toBe(false);
    const withSecrets = mount(ExportDialog, {
      props: {
        manifest: previewRedaction(events()),
        rules: [],
        includeSecrets: true,
        keepJwtTimes: false,
        format: 'har',
        progress: null,
        busy: false,
        error: null,
      },
    });
    expect(withSecrets.find('[data-testid="suspect-review"]').exists()).toBe(false);
  });
});

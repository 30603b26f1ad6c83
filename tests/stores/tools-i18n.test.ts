// @vitest-environment happy-dom
/**
 * Messages the tools' stores produce (the site's refresh settings, the export, the opened file)
 * are worded in the panel's language, and re-worded when it switches.
 */
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { nextTick } from 'vue';
import { readHarFile } from '~/composables/har-file';
import { useLocaleChoice } from '~/composables/i18n';
import type { RecordedEvent } from '~/core/events';
import { HarImportError } from '~/core/har';
import { useExportStore } from '~/stores/export';
import { useRecordingStore } from '~/stores/recording';
import { useTogglesStore } from '~/stores/toggles';

const { setChoice } = useLocaleChoice();

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await nextTick();
  await new Promise((r) => setTimeout(r, 0));
}

describe('tools stores in Russian', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    setActivePinia(createPinia());
  });
  afterEach(() => {
    setChoice('auto');
    vi.restoreAllMocks();
  });

  it("says in Russian that the site's refresh settings could not be saved, English after a switch", async () => {
    setChoice('ru');
    const recording = useRecordingStore();
    recording.recording.apply([
      { kind: 'page.load', url: 'http://app.test/', seq: 1, time: 1001, source: 'page' } as RecordedEvent,
    ]);
    recording.flush();
    const toggles = useTogglesStore();
    await settle();
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    await toggles.setRefreshPatterns('/renew');
    expect(toggles.refreshError).toBe(
      'Не удалось сохранить настройки обновления токена для этого сайта (они действуют только в этой панели): ' +
        'Error: QUOTA_BYTES quota exceeded',
    );
    setChoice('en');
    expect(toggles.refreshError).toBe(
      "Could not save this site's refresh settings (kept for this panel only): Error: QUOTA_BYTES quota exceeded",
    );
  });

  it('refuses a rule with a Russian reason', () => {
    setChoice('ru');
    const exporter = useExportStore();
    expect(exporter.addRule({ match: 'header', pattern: ' ', label: '' })).toBe(
      'Введите имя (или шаблон), значение которого нужно скрыть.',
    );
    expect(exporter.error).toBeNull();
  });

  it('names an unreadable file in the language asked, English by default', async () => {
    const broken = new Blob([new Uint8Array([0x1f, 0x8b, 1, 2, 3])]);
    const ru = await readHarFile(broken, undefined, { locale: 'ru' }).catch((e: unknown) => e);
    expect(ru).toBeInstanceOf(HarImportError);
    expect((ru as Error).message).toMatch(
      /^Не удалось прочитать файл \(.+\)\. Возможно, он повреждён или обрезан\.$/,
    );
    const en = await readHarFile(broken).catch((e: unknown) => e);
    expect((en as Error).message).toMatch(
      /^The file could not be read \(.+\)\. It may be damaged or cut off\.$/,
    );
  });
});

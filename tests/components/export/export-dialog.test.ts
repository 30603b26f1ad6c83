// @vitest-environment happy-dom
/** The export dialog: the summary of what goes, rules the user adds, the per-export opt-in. */
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import ExportDialog from '~/components/export/export-dialog.vue';
import { ruleProblem } from '~/components/export/rule-problem';

const manifest = {
  includeSecrets: false,
  keepJwtTimes: false,
  fired: [{ rule: 'header:authorization', count: 3 }],
  distinctSecrets: 1,
  userRules: [],
  suspects: [],
  dropped: [],
};

function dialog(props: Partial<InstanceType<typeof ExportDialog>['$props']> = {}) {
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
      ...props,
    },
  });
}

describe('export dialog', () => {
  it('lists the rules that will fire and how often', () => {
    const wrapper = dialog();
    expect(wrapper.get('[data-testid="redaction-rule"]').text()).toContain('header:authorization — 3 values');
  });

  it('asks for the opt-in, and warns once it is ticked', async () => {
    const wrapper = dialog();
    await wrapper.get('[data-testid="include-secrets"]').setValue(true);
    expect(wrapper.emitted('update:includeSecrets')).toEqual([[true]]);
    const ticked = dialog({ includeSecrets: true });
    expect(ticked.text()).toContain('live credentials');
    expect(ticked.get('.actions button').text()).toBe('Export with secrets');
  });

  it('adds a valid rule and refuses a broken pattern with a reason', async () => {
    const wrapper = dialog();
    await wrapper.get('input[aria-label="Name to redact"]').setValue('x-tenant-(');
    await wrapper.get('form').trigger('submit');
    expect(wrapper.get('[role="alert"]').text()).toContain('not a valid pattern');
    expect(wrapper.emitted('addRule')).toBeUndefined();
    await wrapper.get('select').setValue('json-key');
    await wrapper.get('input[aria-label="Name to redact"]').setValue('tenantKey');
    await wrapper.get('form').trigger('submit');
    expect(wrapper.emitted('addRule')).toEqual([
      [{ match: 'json-key', pattern: 'tenantKey', label: 'tenantKey' }],
    ]);
  });

  it('shows progress while writing and closes on Escape', async () => {
    const wrapper = dialog({ busy: true, progress: { entriesDone: 40, entriesTotal: 120 } });
    expect(wrapper.get('[data-testid="export-progress"]').text()).toContain('40 of 120 entries');
    await wrapper.get('[role="dialog"]').trigger('keydown', { key: 'Escape' });
    expect(wrapper.emitted('close')).toHaveLength(1);
  });

  it('checks rules before they reach the redactor', () => {
    expect(ruleProblem({ match: 'header', pattern: ' ', label: '' })).toMatch(/Type a name/);
    expect(ruleProblem({ match: 'param', pattern: 'sig|signature', label: 'sig' })).toBeNull();
  });
});

// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import FindingsList from '~/components/findings/findings-list.vue';
import type { Finding } from '~/core/model';
import { findFindings } from '~/core/rules';
import { seedRecording } from './fixtures';

const findings = findFindings(seedRecording());
const cors = findings.find((f) => f.ruleId === 'cors/header-not-allowed') as Finding;

describe('FindingsList', () => {
  it('says so when there is nothing to report', () => {
    const wrapper = mount(FindingsList, { props: { findings: [], expandedKey: null } });
    expect(wrapper.get('section').attributes('aria-label')).toBe('Findings');
    expect(wrapper.text()).toContain('No problems found yet.');
  });

  it('renders one row per finding with title, count and basis', () => {
    const wrapper = mount(FindingsList, { props: { findings, expandedKey: null } });
    const rows = wrapper.findAll('[data-testid="finding"]');
    expect(rows.map((r) => r.attributes('data-rule-id')).sort()).toEqual([
      'auth/context-missing',
      'auth/refresh-failed',
      'cors/header-not-allowed',
      'realtime/abnormal-close',
      // The seed's throw from the websocket service before login is also its cause.
      'realtime/socket-before-auth',
    ]);
    const corsRow = wrapper.get('[data-rule-id="cors/header-not-allowed"]');
    expect(corsRow.text()).toContain(cors.title);
    expect(corsRow.get('.finding-count').text()).toBe(`×${cors.count}`);
    expect(corsRow.get('.badge').text()).toBe('CDP');
    expect(corsRow.get('button').attributes('aria-expanded')).toBe('false');
    expect(corsRow.find('.finding-body').exists()).toBe(false);
  });

  it('asks to expand a finding when its row is activated', async () => {
    const wrapper = mount(FindingsList, { props: { findings, expandedKey: null } });
    await wrapper.get('[data-rule-id="cors/header-not-allowed"] button').trigger('click');
    expect(wrapper.emitted('toggle')).toEqual([[cors.key]]);
  });

  it('expanded: explanation, fix snippets, facts and evidence links', async () => {
    const wrapper = mount(FindingsList, { props: { findings, expandedKey: cors.key } });
    const row = wrapper.get('[data-rule-id="cors/header-not-allowed"]');
    expect(row.text()).toContain(cors.explanation);
    expect(row.text()).toContain(cors.fix);
    const tabs = row.findAll('[role="tab"]');
    expect(tabs.map((t) => t.text())).toEqual(cors.fixSnippets.map((s) => s.label));
    await tabs[1].trigger('click');
    expect(row.get('[role="tabpanel"] pre').text()).toBe(cors.fixSnippets[1].code);
    expect(row.get('table[aria-label="Facts"]').text()).toContain(cors.facts[0].value);

    const links = row.findAll('[data-testid="evidence-link"]');
    expect(links.length).toBeGreaterThan(0);
    await links[0].trigger('click');
    expect(wrapper.emitted('selectEvidence')?.[0][0]).toEqual(cors.evidence.find((e) => e.type !== 'log'));
  });
});

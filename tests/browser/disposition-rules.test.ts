import { expect, it } from 'vitest';
import type { ConfigVersion } from '../../src/contracts/configuration.js';
import type { RecommendationResponseSchema } from '../../src/contracts/disposition.js';
import type { z } from 'zod';
import { ApiClient } from './support/api.js';
import { describeInBrowser, screenshotIfAsked, signIn } from './support/browser.js';
import { inspectedDemoUnit } from './support/dispositions.js';
import { openMainNav } from './support/journeys.js';
import { inPage, setUpBrowserSuite } from './support/suite.js';

type RecommendationResponse = z.infer<typeof RecommendationResponseSchema>;

/** Chromium logs every refused request: the bad rule is refused on purpose. */
const REFUSALS = [/status of 400/];

describeInBrowser('disposition rules', () => {
  const suite = setUpBrowserSuite();

  it('an admin adds a rule at the top, sees a bad condition refused beside its field, tries the rule on a returned unit and publishes it', async () => {
    const { baseUrl } = suite.server;
    // A unit quality inspected as new: the rules in force decide what happens to it.
    const unit = await inspectedDemoUnit(baseUrl, { grade: 'A' });
    const before = unit.recommendation.code;
    const newCode = before === 'QUARANTINE' ? 'SECONDARY_CHANNEL' : 'QUARANTINE';
    const ruleName = `As new, held this week (${Date.now()})`;
    const admin = await ApiClient.signIn(baseUrl, 'admin@demo.local');
    const inForce = await admin.get<ConfigVersion<'disposition_rules'>>('/config/disposition_rules');

    await inPage(
      suite,
      async (page) => {
        await signIn(page, 'admin@demo.local');
        await openMainNav(page, 'Admin');
        await page.getByRole('link', { name: /^Disposition rules/ }).click();
        await page.getByRole('heading', { level: 1, name: 'Disposition rules' }).waitFor();
        await page.getByText(`Version ${inForce.version}`, { exact: true }).waitFor();
        const list = page.getByRole('list', { name: 'Disposition rules' });
        expect(await list.getByRole('listitem').count()).toBe(inForce.document.rules.length);

        // A new rule at the top, opened for editing: grade is A → the new code.
        await page.getByRole('button', { name: '+ Add a rule at the top' }).click();
        const rule = list.getByRole('listitem').first();
        const editor = rule.getByRole('group');
        await editor.getByLabel('Name').fill(ruleName);
        await editor.getByLabel('Recommends').selectOption(newCode);
        await editor.getByLabel('Explanation').fill('The shelves are full this week: as-new returns are held');
        await editor.getByLabel(/^Fact of condition 1/).selectOption('grade');
        await editor.getByLabel(/^Test of condition 1/).selectOption('eq');
        await editor.getByLabel(/^Value of condition 1/).selectOption('A');
        // The rule reads back in words, before anything is saved.
        await rule.getByText('grade is A').waitFor();

        // A second condition left without its number: the server says so beside the field.
        await editor.getByRole('button', { name: '+ Add a condition' }).click();
        await editor.getByLabel(/^Fact of condition 2/).selectOption('unitValueMinor');
        await editor.getByLabel(/^Test of condition 2/).selectOption('gte');
        await page.getByLabel('Why is this changing?').fill('Hold as-new returns while the shelves are full');
        await page.getByRole('button', { name: 'Save new version' }).click();
        const value = editor.getByLabel(/^Value of condition 2/);
        await editor.getByText('gte needs a number value, or compareToFact').waitFor();
        expect(await value.getAttribute('aria-invalid')).toBe('true');
        await page.getByText(`Version ${inForce.version}`, { exact: true }).waitFor();
        await screenshotIfAsked(page, 'disposition-rules-field-error');
        await editor.getByRole('button', { name: /^Remove condition 2 of / }).click();

        // Tried on the inspected unit: the rules on screen recommend the new code, those in force do not.
        const sample = page.getByRole('region', { name: 'Test on a sample return' });
        await sample.getByLabel('Site').selectOption({ label: unit.siteLabel });
        const sampleUnit = sample.getByLabel('Inspected unit');
        await sampleUnit.locator('option', { hasText: unit.rma.rmaNumber }).waitFor({ state: 'attached' });
        await sampleUnit.selectOption(unit.completed.id);
        await sample.getByRole('button', { name: 'Test the rules on this unit' }).click();
        const draft = sample.getByRole('region', { name: 'The rules on screen' });
        await draft.getByText(newCode, { exact: true }).waitFor();
        await draft.getByText(`Rule: ${ruleName}`).waitFor();
        const current = sample.getByRole('region', { name: `The rules in force (version ${inForce.version})` });
        await current.getByText(before, { exact: true }).waitFor();
        await sample.getByText(`The draft changes the outcome: ${before} → ${newCode}`).waitFor();
        await screenshotIfAsked(page, 'disposition-rules-sample');

        await page.getByRole('button', { name: 'Save new version' }).click();
        await page.getByText(`Disposition rules saved as version ${inForce.version + 1}`).waitFor();
        await page.getByText(`Version ${inForce.version + 1}`, { exact: true }).waitFor();
        await list.getByRole('listitem').first().getByRole('heading', { name: ruleName }).waitFor();
      },
      { expectedErrors: REFUSALS },
    );

    // Published: first in the rules in force, and the inspector is now told the new code.
    const published = await admin.get<ConfigVersion<'disposition_rules'>>('/config/disposition_rules');
    expect(published.version).toBe(inForce.version + 1);
    expect(published.document.rules[0]).toMatchObject({
      name: ruleName,
      code: newCode,
      when: [{ fact: 'grade', op: 'eq', value: 'A' }],
    });
    expect(published.document.rules.slice(1)).toEqual(inForce.document.rules);
    const quality = await ApiClient.signIn(baseUrl, 'quality@demo.local');
    const now = await quality.get<RecommendationResponse>(`/inspections/${unit.completed.id}/recommendation`);
    expect(now.recommendation).toMatchObject({ code: newCode, ruleName, rulesVersion: inForce.version + 1 });
  });
});

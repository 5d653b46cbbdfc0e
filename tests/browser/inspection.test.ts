import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import type { Disposition, RecommendationResponseSchema } from '../../src/contracts/disposition.js';
import type { Inspection } from '../../src/contracts/inspection.js';
import { GRADE_LABELS } from '../../src/contracts/inspection-vocabulary.js';
import type { z } from 'zod';
import { pngImage } from '../http/support/multipart.js';
import { ApiClient } from './support/api.js';
import { describeInBrowser, screenshotIfAsked, signIn } from './support/browser.js';
import { receivedDemoReturn, secondQualityUser } from './support/inspections.js';
import { openMainNav } from './support/journeys.js';
import { inPage, setUpBrowserSuite } from './support/suite.js';

type RecommendationResponse = z.infer<typeof RecommendationResponseSchema>;

/** Chromium logs every refused request; these journeys provoke some on purpose. */
const REFUSALS = [/status of 400/, /status of 422/];

/** Passes every check and reads each measurement inside its range (its minimum, else its maximum). */
async function answerChecklist(page: Page, inspection: Inspection, options: { skip?: string } = {}): Promise<void> {
  for (const item of inspection.checklist) {
    if (item.id === options.skip) continue;
    if (item.kind === 'check') {
      await page.getByRole('group', { name: item.label }).getByRole('radio', { name: 'Pass' }).check();
    } else {
      const value = item.min ?? item.max ?? 1;
      await page.getByLabel(`${item.label}${item.unit ? ` (${item.unit})` : ''}`).fill(String(value));
    }
  }
}

async function takeFromItsPage(page: Page, inspectionId: string): Promise<void> {
  await page.goto(`/quality/inspections/${inspectionId}`);
  await page.getByRole('heading', { level: 1, name: /^Inspection of/ }).waitFor();
  await page.getByRole('button', { name: 'Take', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'You have it' }).waitFor();
}

describeInBrowser('inspection and disposition', () => {
  const suite = setUpBrowserSuite();

  it('quality takes a received unit from the queue, answers the checklist, grades it A with a photo, and restocks it as recommended', async () => {
    const { baseUrl } = suite.server;
    const received = await receivedDemoReturn(baseUrl, { isRegulated: false, lot: `LOT-INS-${Date.now()}` });
    const { rma, inspection } = received;
    const unit = `${rma.rmaNumber} · line ${rma.lines[0]!.lineNumber}`;

    await inPage(suite, async (page) => {
      await signIn(page, 'quality@demo.local');
      await openMainNav(page, 'Inspect');
      await page.getByRole('heading', { level: 1, name: 'Inspection queue' }).waitFor();
      // Quality has no home site: the queue asks for one.
      await page.getByText('Choose a site to see its inspection queue').waitFor();
      await page.getByLabel('Site').selectOption({ label: received.siteLabel });
      const queue = page.getByRole('table', { name: 'Inspection queue' });
      const row = queue.getByRole('row').filter({ hasText: rma.rmaNumber });
      await row.getByText(/^(On time|Due soon|SLA breached)$/).waitFor();
      expect(await row.textContent()).toContain(rma.lines[0]!.sku);
      await page
        .getByLabel('SLA at this site')
        .getByText(/\d+ breached/)
        .waitFor();
      await screenshotIfAsked(page, 'inspection-queue');

      // Only what nobody has taken yet; then take it, which opens it.
      await page.getByLabel('Assigned').selectOption({ label: 'Unassigned' });
      await row.getByRole('button', { name: `Take ${unit}` }).click();
      await page.waitForURL(new RegExp(`/quality/inspections/${inspection.id}$`));
      await page.getByRole('heading', { level: 1, name: `Inspection of ${unit}` }).waitFor();
      const units = page.getByRole('region', { name: 'The units' });
      await units.getByText('Quinn Quality').waitFor();
      await page.getByRole('region', { name: 'What the customer said' }).getByText('Unopened').waitFor();

      await answerChecklist(page, inspection);
      await page.getByRole('radio', { name: GRADE_LABELS.A }).check();
      await page.getByLabel('Findings').fill('Sealed, as shipped.');

      await page.getByLabel('Add photos').setInputFiles({
        name: 'evidence.png',
        mimeType: 'image/png',
        buffer: pngImage(4, 3),
      });
      await page.getByRole('status').filter({ hasText: 'Photo added' }).waitFor();
      // Shown from its bytes, fetched with the token: the image decodes to its real size.
      const thumbnail = page.getByRole('img', { name: 'Photo evidence.png' });
      await thumbnail.waitFor();
      await expect
        .poll(() => thumbnail.evaluate((image) => (image as HTMLImageElement).naturalWidth), { timeout: 10_000 })
        .toBe(4);

      await page.getByRole('button', { name: 'Complete inspection' }).click();
      await page.getByRole('status').getByText('Inspection completed', { exact: true }).waitFor();
      const result = page.getByRole('region', { name: 'Inspection result' });
      await result.getByText(GRADE_LABELS.A).waitFor();
      await result
        .getByLabel('Claim verdict')
        .getByText(/^Claim (confirmed|contradicted|not assessed)$/)
        .waitFor();

      const quality = await ApiClient.signIn(baseUrl, 'quality@demo.local');
      const { recommendation } = await quality.get<RecommendationResponse>(
        `/inspections/${inspection.id}/recommendation`,
      );
      expect(recommendation.code).toBe('RESTOCK');
      const panel = page.getByRole('region', { name: 'Recommended disposition' });
      await panel.getByText('RESTOCK', { exact: true }).waitFor();
      await panel.getByText(recommendation.explanation).waitFor();
      await panel.getByText(`Rule ${recommendation.ruleName} · rules version ${recommendation.rulesVersion}`).waitFor();
      await panel.getByRole('list', { name: 'Conditions met' }).getByText(recommendation.conditionsMet[0]!).waitFor();
      await panel.getByText(`Rules not applied (${recommendation.rulesSkipped.length})`).click();
      await panel.getByText(recommendation.rulesSkipped[0]!.ruleName, { exact: false }).first().waitFor();
      await screenshotIfAsked(page, 'inspection-recommendation');

      await panel.getByRole('button', { name: 'Confirm Restock' }).click();
      const executed = page.getByRole('region', { name: 'Disposition executed' });
      await executed.getByText('As recommended').waitFor();
      await executed.getByText('1 · Saleable').waitFor();
      await screenshotIfAsked(page, 'inspection-disposition');
    });

    const quality = await ApiClient.signIn(baseUrl, 'quality@demo.local');
    const decided = await quality.get<Disposition>(`/inspections/${inspection.id}/disposition`);
    expect(decided).toMatchObject({ code: 'RESTOCK', isOverride: false, decidedBy: 'Quinn Quality' });
    const done = await quality.get<Inspection>(`/inspections/${inspection.id}`);
    expect(done).toMatchObject({ status: 'completed', grade: 'A', findings: 'Sealed, as shipped.' });
    expect(done.photos).toEqual([expect.objectContaining({ fileName: 'evidence.png', contentType: 'image/png' })]);
  });

  it('completing without a grade or with a check unanswered is refused at the field; an override needs a reason', async () => {
    const { baseUrl } = suite.server;
    const { rma, inspection } = await receivedDemoReturn(baseUrl, {
      isRegulated: false,
      lot: `LOT-OVR-${Date.now()}`,
    });
    const firstCheck = inspection.checklist.find((item) => item.kind === 'check');
    if (!firstCheck) throw new Error('the demo checklist has no check');

    await inPage(
      suite,
      async (page) => {
        await signIn(page, 'quality@demo.local');
        await takeFromItsPage(page, inspection.id);

        // Nothing answered yet: the grade is asked for first, at the grade.
        await page.getByRole('button', { name: 'Complete inspection' }).click();
        const grade = page.getByRole('group', { name: 'Grade' });
        await grade.getByText('Choose a grade').waitFor();
        expect(await page.getByRole('radio', { name: GRADE_LABELS.A }).getAttribute('aria-invalid')).toBe('true');
        await screenshotIfAsked(page, 'inspection-grade-error');

        // A draft keeps what is there; completing then names the unanswered check at its place.
        await answerChecklist(page, inspection, { skip: firstCheck.id });
        await page.getByRole('radio', { name: GRADE_LABELS.A }).check();
        await page.getByRole('button', { name: 'Save draft' }).click();
        await page.getByRole('status').filter({ hasText: 'Draft saved' }).waitFor();
        await page.getByRole('button', { name: 'Complete inspection' }).click();
        await page.getByText('Answer every item of the checklist.').waitFor();
        await page.getByRole('group', { name: firstCheck.label }).getByText('Not answered.').waitFor();

        await answerChecklist(page, inspection);
        await page.getByRole('button', { name: 'Complete inspection' }).click();
        const panel = page.getByRole('region', { name: 'Recommended disposition' });
        await panel.getByText('RESTOCK', { exact: true }).waitFor();

        await panel.getByRole('button', { name: 'Choose another…' }).click();
        await panel.getByLabel('Disposition', { exact: true }).selectOption({ label: 'Quarantine' });
        await panel.getByRole('button', { name: 'Decide Quarantine' }).click();
        await panel.getByText('Say why not the recommendation.').waitFor();
        await panel.getByLabel('Why not the recommendation').fill('Smell of smoke: hold for the safety officer.');
        await panel.getByRole('button', { name: 'Decide Quarantine' }).click();
        const executed = page.getByRole('region', { name: 'Disposition executed' });
        await executed.getByText('Overrode Restock').waitFor();
        await executed.getByText('Smell of smoke: hold for the safety officer.').waitFor();
        await executed.getByText(/^Quarantine hold /).waitFor();

        // The return shows its inspections, and what became of them.
        await page.goto(`/returns/${rma.id}`);
        const inspections = page.getByRole('region', { name: 'Inspections' });
        const row = inspections.getByRole('row').filter({ hasText: rma.lines[0]!.sku });
        await row.getByRole('cell', { name: 'QUARANTINE' }).waitFor();
        await row.getByRole('cell', { name: 'Completed' }).waitFor();
        await row.getByRole('link').click();
        await page.waitForURL(new RegExp(`/quality/inspections/${inspection.id}$`));
      },
      { expectedErrors: REFUSALS },
    );

    const quality = await ApiClient.signIn(baseUrl, 'quality@demo.local');
    const decided = await quality.get<Disposition>(`/inspections/${inspection.id}/disposition`);
    expect(decided).toMatchObject({
      code: 'QUARANTINE',
      recommendedCode: 'RESTOCK',
      isOverride: true,
      overrideReason: 'Smell of smoke: hold for the safety officer.',
      followUpType: 'quarantine_hold',
    });
  });

  it('a regulated unit waits for a second person from quality, who approves it before it is disposed of', async () => {
    const { baseUrl } = suite.server;
    const { inspection } = await receivedDemoReturn(baseUrl, { isRegulated: true, lot: `LOT-REG-${Date.now()}` });
    expect(inspection.signOffRequired).toBe(true);
    const second = await secondQualityUser(baseUrl);

    await inPage(suite, async (page) => {
      await signIn(page, 'quality@demo.local');
      await takeFromItsPage(page, inspection.id);
      await answerChecklist(page, inspection);
      await page.getByRole('radio', { name: GRADE_LABELS.A }).check();
      await page.getByRole('button', { name: 'Complete inspection' }).click();
      const signOff = page.getByRole('region', { name: 'Quality’s sign-off' });
      await signOff.getByText('Waiting for quality’s sign-off.').waitFor();
      await signOff.getByText('You inspected these units: someone else from quality signs off.').waitFor();
      expect(await signOff.getByRole('button', { name: 'Approve' }).count()).toBe(0);
      expect(await page.getByRole('region', { name: 'Recommended disposition' }).count()).toBe(0);
    });

    await inPage(suite, async (page) => {
      await signIn(page, second.email, second.password);
      await page.goto(`/quality/inspections/${inspection.id}`);
      const signOff = page.getByRole('region', { name: 'Quality’s sign-off' });
      await signOff.getByRole('button', { name: 'Reject' }).click();
      await signOff.getByText('Say what must be looked at again.').waitFor();
      await signOff.getByLabel('Sign-off note').fill('Checked the lot against the recall list.');
      await screenshotIfAsked(page, 'inspection-sign-off');
      await signOff.getByRole('button', { name: 'Approve' }).click();
      await page.getByRole('status').filter({ hasText: 'Signed off: the inspection is completed' }).waitFor();
      await page.getByRole('region', { name: 'Inspection result' }).getByText(second.name, { exact: false }).waitFor();
      const panel = page.getByRole('region', { name: 'Recommended disposition' });
      await panel.getByRole('button', { name: /^Confirm / }).waitFor();
    });

    const quality = await ApiClient.signIn(baseUrl, 'quality@demo.local');
    const signed = await quality.get<Inspection>(`/inspections/${inspection.id}`);
    expect(signed).toMatchObject({
      status: 'completed',
      inspectedBy: 'Quinn Quality',
      signedOffBy: second.name,
      signOffNote: 'Checked the lot against the recall list.',
    });
  });
});

import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import type { Page as ResultPage } from '../../src/contracts/common.js';
import type { ClaimAging, SupplierClaim } from '../../src/contracts/recovery.js';
import { formatMinor, getMinorUnits } from '../../src/platform/money/format-money.js';
import { ApiClient } from './support/api.js';
import { describeInBrowser, screenshotIfAsked, signIn } from './support/browser.js';
import type { Supplier } from '../../src/contracts/masterdata.js';
import { claimsOfOneSupplier, setPassword, type ClaimsOfOneSupplier } from './support/claims.js';
import { openMainNav } from './support/journeys.js';
import { inPage, setUpBrowserSuite } from './support/suite.js';

/** A decimal as a person types it, e.g. 698 USD → "6.98". */
function typed(minor: number, currency: string): string {
  const digits = getMinorUnits(currency);
  return digits === 0 ? String(minor) : (minor / 10 ** digits).toFixed(digits);
}

const days = (value: number | null) =>
  value === null
    ? '—'
    : `${value.toLocaleString('en-US', { maximumFractionDigits: 1 })} ${value === 1 ? 'day' : 'days'}`;

/**
 * The admin invites a person of the supplier's (the partner field offers suppliers for role
 * Supplier), and the person sets a password with the link. Returns the login.
 */
async function inviteSupplierPerson(page: Page, baseUrl: string, supplier: Supplier) {
  const stamp = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
  const person = { name: `Claims Desk ${stamp}`, email: `claims.desk.${stamp}@supplier.example` };
  await signIn(page, 'admin@demo.local');
  await page.goto('/admin/users');
  await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
  await page.getByRole('button', { name: 'Invite a person' }).click();
  const form = page.getByRole('dialog', { name: 'Invite a person' });
  await form.getByLabel('Name').fill(person.name);
  await form.getByLabel('E-mail').fill(person.email);
  await form.getByLabel('Role').selectOption({ label: 'Supplier' });
  await form.getByRole('button', { name: 'Invite', exact: true }).click();
  await form.getByText('Choose the supplier this person works for.').waitFor();
  await form.getByLabel('Supplier', { exact: true }).selectOption({ label: `${supplier.code} · ${supplier.name}` });
  await form.getByRole('button', { name: 'Invite', exact: true }).click();
  const shown = page.getByRole('dialog', { name: `${person.name} is invited` });
  const link = await shown.getByLabel('Invitation link').inputValue();
  const token = new URL(link).hash.replace(/^#token=/, '');
  const password = 'walnut harbor claims 42';
  await setPassword(baseUrl, token, password);
  return { ...person, password };
}

async function openClaim(page: Page, claimNumber: string): Promise<void> {
  await page.getByRole('link', { name: claimNumber, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: new RegExp(`^Claim ${claimNumber}`) }).waitFor();
}

describeInBrowser('supplier claims', () => {
  const suite = setUpBrowserSuite();
  // Three claims of one supplier, submitted as their vendor returns shipped: finance settles the
  // last, the supplier answers the first two.
  let made: Promise<ClaimsOfOneSupplier> | null = null;
  const claimsMade = () => (made ??= claimsOfOneSupplier(suite.server.baseUrl, 3));

  it('finance reads the aging, opens a claim, records a partial acceptance with a note, then the payment', async () => {
    const { baseUrl } = suite.server;
    const { claims, supplierName } = await claimsMade();
    const claim = claims[2]!;
    const line = claim.lines[0]!;
    const accepted = Math.floor(line.claimedMinor / 2);
    const acceptedTotal = claim.claimedMinor - line.claimedMinor + accepted;
    const note = `Unit ${line.serial || line.lot || 1} was dropped in our warehouse (${Date.now()})`;
    const creditNote = `CN-${Date.now()}`;
    const finance = await ApiClient.signIn(baseUrl, 'finance@demo.local');
    const me = await finance.get<{ name: string }>('/auth/me');
    const aging = await finance.get<ClaimAging>('/supplier-claims/aging');
    const ours = aging.rows.find((row) => row.supplierId === claim.supplierId && row.currency === claim.currency)!;
    const paying = aging.rows.find((row) => row.paidCount > 0);

    await inPage(suite, async (page) => {
      await signIn(page, 'finance@demo.local');
      await openMainNav(page, 'Finance');
      await page.getByRole('navigation', { name: 'Finance' }).getByRole('link', { name: 'Supplier claims' }).click();
      await page.getByRole('heading', { level: 1, name: 'Supplier claims' }).waitFor();

      // The aging: what each supplier still owes, by age, and how long the paying ones took.
      const agingTable = page.getByRole('table', { name: /^Claim aging by supplier/ });
      const row = agingTable.getByRole('row').filter({ hasText: supplierName });
      await row.getByText(formatMinor(ours.openAmountMinor, ours.currency)).first().waitFor();
      await row.getByText(`${ours.openCount} claims`).first().waitFor();
      if (paying) {
        const paid = agingTable.getByRole('row').filter({ hasText: paying.supplierName ?? paying.supplierId });
        expect(await paid.textContent()).toContain(days(paying.averageDaysToPay));
        expect(await paid.textContent()).toContain(days(paying.medianDaysToPay));
      }
      await screenshotIfAsked(page, 'supplier-claims-board');

      // The list, by the claim's number.
      await page.getByLabel('Claim, vendor return or supplier reference').fill(claim.claimNumber);
      await page.getByRole('button', { name: 'Search' }).click();
      const list = page.getByRole('table', { name: 'Supplier claims' });
      await list
        .getByRole('row')
        .filter({ hasText: claim.claimNumber })
        .getByText('Submitted', { exact: true })
        .waitFor();
      // The header row and the one claim, once the search has applied.
      await expect.poll(() => list.getByRole('row').count()).toBe(2);
      await openClaim(page, claim.claimNumber);

      // The calculation per line with inspection's evidence, and the history so far.
      const lines = page.getByRole('table', { name: 'How the claim is calculated, line by line' });
      await lines.getByText(line.explanation).waitFor();
      await lines.getByText(`${line.quantity} × ${formatMinor(line.unitCostMinor, claim.currency)}`).waitFor();
      await lines.getByText('DEAD_ON_ARRIVAL').waitFor();
      await lines.getByText(line.evidence.findings, { exact: false }).waitFor();
      await page.getByRole('region', { name: 'History' }).getByText('Submitted', { exact: true }).waitFor();
      await screenshotIfAsked(page, 'supplier-claim-submitted');

      // The supplier wrote that it accepts part of it: finance records that, line by line, with its reason.
      await page.getByRole('button', { name: 'Record decision' }).click();
      const decision = page.getByRole('dialog', { name: `Record the supplier’s decision on ${claim.claimNumber}` });
      await decision.getByRole('radio', { name: /^Partially accept/ }).check();
      const amount = decision.getByRole('textbox', { name: 'Accepted for line 1' });
      expect(await amount.inputValue()).toBe(typed(line.claimedMinor, claim.currency));
      await decision.getByRole('button', { name: 'Record decision' }).click();
      await decision.getByText('Say why only part of the claim is accepted.').waitFor();
      await decision.getByText('These amounts accept the whole claim: accept it in full instead.').waitFor();
      await amount.fill(typed(accepted, claim.currency));
      await decision.getByText(`Accepted: ${formatMinor(acceptedTotal, claim.currency)}`, { exact: false }).waitFor();
      await decision.getByLabel('Note').fill(note);
      await screenshotIfAsked(page, 'supplier-claim-decision');
      await decision.getByRole('button', { name: 'Record decision' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `${claim.claimNumber} partially accepted` })
        .waitFor();
      await page.getByRole('heading', { level: 1, name: /Partially accepted/ }).waitFor();
      await page.getByText(note).first().waitFor();
      await page
        .getByRole('region', { name: 'History' })
        .getByText(`by ${me.name} · ${formatMinor(acceptedTotal, claim.currency)} accepted`, { exact: false })
        .waitFor();

      // Its credit note arrives: the amount starts at what was accepted.
      await page.getByRole('button', { name: 'Record payment' }).click();
      const payment = page.getByRole('dialog', { name: `Record payment of ${claim.claimNumber}` });
      expect(await payment.getByLabel(`Amount (${claim.currency})`).inputValue()).toBe(
        typed(acceptedTotal, claim.currency),
      );
      await payment.getByRole('button', { name: 'Record payment' }).click();
      await payment.getByText('Enter the supplier’s credit note or payment reference.').waitFor();
      await payment.getByLabel('Credit note or payment reference').fill(creditNote);
      await payment.getByRole('button', { name: 'Record payment' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `${claim.claimNumber} paid: ${formatMinor(acceptedTotal, claim.currency)}` })
        .waitFor();
      await page.getByRole('heading', { level: 1, name: /Paid/ }).waitFor();
      const history = page.getByRole('region', { name: 'History' });
      await history.getByText(`credit note ${creditNote}`, { exact: false }).waitFor();
      expect(await page.getByRole('button', { name: 'Record payment' }).count()).toBe(0);
      await screenshotIfAsked(page, 'supplier-claim-paid');
    });

    const after = await finance.get<SupplierClaim & { receivableMinor: number }>(`/supplier-claims/${claim.id}`);
    expect(after).toMatchObject({
      status: 'paid',
      acceptedMinor: acceptedTotal,
      paidMinor: acceptedTotal,
      paymentReference: creditNote,
      decisionNote: note,
      receivableMinor: 0,
    });
  });

  it('a supplier signs in, sees only its own claims, acknowledges one and rejects another with a note', async () => {
    const { baseUrl } = suite.server;
    const { claims, supplierId } = await claimsMade();
    const [toAcknowledge, toReject] = [claims[0]!, claims[1]!];
    const finance = await ApiClient.signIn(baseUrl, 'finance@demo.local');
    const supplierRecord = await finance.get<Supplier>(`/suppliers/${supplierId}`);
    const everyone = await finance.get<ResultPage<SupplierClaim>>('/supplier-claims?pageSize=200');
    const others = everyone.items.filter((claim) => claim.supplierId !== supplierId);
    expect(others.length).toBeGreaterThan(0);
    const reference = `RMA-SUP-${Date.now()}`;
    const note = `Outside our warranty: the seal was broken (${Date.now()})`;

    let login = { email: '', password: '' };
    await inPage(suite, async (page) => {
      login = await inviteSupplierPerson(page, baseUrl, supplierRecord);
    });
    await inPage(suite, async (page) => {
      await signIn(page, login.email, login.password);

      // Home is its claims; nothing else is offered: no other link, no search of returns.
      await page.getByRole('heading', { level: 1, name: 'Claims' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/supplier/claims');
      const nav = page.getByRole('navigation', { name: 'Main' });
      expect(await nav.getByRole('link').allTextContents()).toEqual(['Claims']);
      expect(await page.getByRole('search').count()).toBe(0);

      const open = page.getByRole('table', { name: 'Open claims' });
      await open
        .getByRole('row')
        .filter({ hasText: toAcknowledge.claimNumber })
        .getByText('Submitted', { exact: true })
        .waitFor();
      await open
        .getByRole('row')
        .filter({ hasText: toReject.claimNumber })
        .getByText('Submitted', { exact: true })
        .waitFor();
      // Another supplier's claims are nowhere on it.
      await page.waitForLoadState('networkidle');
      for (const other of others) expect(await page.getByText(other.claimNumber, { exact: true }).count()).toBe(0);
      await screenshotIfAsked(page, 'supplier-own-claims');

      await openClaim(page, toAcknowledge.claimNumber);
      // Its evidence, but nothing of the books, and no payment to record.
      await page
        .getByRole('table', { name: 'How the claim is calculated, line by line' })
        .getByText('DEAD_ON_ARRIVAL')
        .waitFor();
      expect(await page.getByText('Vendor receivable in the books').count()).toBe(0);
      // Our returns and inspections are not its screens: the lines name them without a link.
      expect(
        await page.getByRole('table', { name: 'How the claim is calculated, line by line' }).getByRole('link').count(),
      ).toBe(0);
      expect(await page.getByRole('button', { name: 'Record payment' }).count()).toBe(0);
      await page.getByRole('button', { name: 'Acknowledge', exact: true }).click();
      const acknowledge = page.getByRole('dialog', { name: `Acknowledge ${toAcknowledge.claimNumber}` });
      await acknowledge.getByLabel('Your reference').fill(reference);
      await acknowledge.getByRole('button', { name: 'Acknowledge', exact: true }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `${toAcknowledge.claimNumber} acknowledged` })
        .waitFor();
      await page.getByRole('heading', { level: 1, name: /Acknowledged/ }).waitFor();
      const history = page.getByRole('region', { name: 'History' });
      await history.getByText('(supplier)', { exact: false }).waitFor();
      await history.getByText(`supplier reference ${reference}`, { exact: false }).waitFor();
      // Acknowledged, it still waits for the answer.
      await page.getByRole('button', { name: 'Answer', exact: true }).waitFor();

      await page.getByRole('link', { name: '← Claims' }).click();
      await page.getByRole('heading', { level: 1, name: 'Claims' }).waitFor();
      await openClaim(page, toReject.claimNumber);
      await page.getByRole('button', { name: 'Answer', exact: true }).click();
      const answer = page.getByRole('dialog', { name: `Answer ${toReject.claimNumber}` });
      await answer.getByRole('radio', { name: /^Reject/ }).check();
      await answer.getByRole('button', { name: 'Send answer' }).click();
      await answer.getByText('Say why the claim is rejected.').waitFor();
      await answer.getByLabel('Note').fill(note);
      await answer.getByRole('button', { name: 'Send answer' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `${toReject.claimNumber} rejected` })
        .waitFor();
      await page.getByRole('heading', { level: 1, name: /Rejected/ }).waitFor();
      await page.getByText(note).first().waitFor();
      expect(await page.getByRole('button', { name: 'Answer', exact: true }).count()).toBe(0);
      await screenshotIfAsked(page, 'supplier-claim-rejected');

      await page.getByRole('link', { name: '← Claims' }).click();
      const closed = page.getByRole('table', { name: 'Closed claims' });
      await closed
        .getByRole('row')
        .filter({ hasText: toReject.claimNumber })
        .getByText('Rejected', { exact: true })
        .waitFor();
    });

    const supplier = await ApiClient.signIn(baseUrl, login.email, login.password);
    const seen = await supplier.get<ResultPage<SupplierClaim>>('/supplier-claims?pageSize=200');
    expect(seen.items.every((claim) => claim.supplierId === supplierId)).toBe(true);
    expect(await supplier.get<SupplierClaim>(`/supplier-claims/${toAcknowledge.id}`)).toMatchObject({
      status: 'acknowledged',
      supplierReference: reference,
    });
    expect(await supplier.get<SupplierClaim>(`/supplier-claims/${toReject.id}`)).toMatchObject({
      status: 'rejected',
      acceptedMinor: 0,
      decisionNote: note,
    });
  });

  it('the demo’s supplier signs in from the login page’s hint and lands on its claims', async () => {
    await inPage(suite, async (page) => {
      await page.goto('/login');
      await page.getByRole('button', { name: 'supplier@demo.local' }).click();
      await page.getByLabel('Password').fill('demo');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { level: 1, name: 'Claims' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/supplier/claims');
      await page
        .getByRole('table', { name: /^(Open|Closed) claims$/ })
        .first()
        .waitFor();
    });
  });
});

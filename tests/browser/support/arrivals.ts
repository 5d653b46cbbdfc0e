// Records for the unauthorized-arrival journeys, read through the real API, and the steps of the
// search-then-choose pickers on the arrival form.
import type { Page as BrowserPage } from 'playwright-core';
import type { Page } from '../../../src/contracts/common.js';
import type { Customer, Product, Site } from '../../../src/contracts/masterdata.js';
import type { ApiClient } from './api.js';

export interface ArrivalRecords {
  customer: Customer;
  site: Site;
  /** Neither serialized nor lot-controlled, so the line needs no identifiers. */
  product: Product;
}

export async function findArrivalRecords(api: ApiClient): Promise<ArrivalRecords> {
  const [customers, sites, products] = await Promise.all([
    api.get<Page<Customer>>('/customers?pageSize=5'),
    api.get<Page<Site>>('/sites?pageSize=200'),
    api.get<Page<Product>>('/products?pageSize=100'),
  ]);
  const customer = customers.items[0];
  const site = sites.items.find((candidate) => candidate.isActive);
  const product = products.items.find((candidate) => !candidate.isSerialized && !candidate.isLotControlled);
  if (!customer || !site || !product)
    throw new Error('the demo data lacks a customer, an active site or a plain product');
  return { customer, site, product };
}

/** How many unauthorized arrivals the API knows of. */
export async function countUnauthorizedArrivals(api: ApiClient): Promise<number> {
  return (await api.get<Page<unknown>>('/returns?isUnauthorized=true&pageSize=1')).total;
}

/** Types into the picker labelled `label`, then chooses the match whose name fits `option`. */
export async function chooseInPicker(page: BrowserPage, label: string, search: string, option: RegExp): Promise<void> {
  await page.getByLabel(label, { exact: true }).fill(search);
  const noun = label === 'Customer' ? 'customers' : 'products';
  await page
    .getByRole('list', { name: `Matching ${noun}` })
    .getByRole('button', { name: option })
    .click();
  await page.getByRole('group', { name: label, exact: true }).waitFor();
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

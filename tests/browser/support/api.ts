// Reads through the real API, so journeys can pick demo records that suit them (an order line that
// is still returnable and eligible) instead of hard-coding ids the demo generator may change.
import type { Page } from '../../../src/contracts/common.js';
import type { ReasonCodes } from '../../../src/contracts/configuration.js';
import type { Customer, SalesOrder } from '../../../src/contracts/masterdata.js';
import type { ClaimedCondition, CreateRmaBody, RmaSummary, Verdict } from '../../../src/contracts/returns.js';

export class ApiClient {
  private constructor(
    private readonly baseUrl: string,
    private readonly token: string,
    readonly customerId: string | null,
    /** The signed-in staff member's home site, if any. */
    readonly siteId: string | null = null,
  ) {}

  static async signIn(baseUrl: string, email: string, password = 'demo'): Promise<ApiClient> {
    const response = await fetch(`${baseUrl}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (!response.ok) throw new Error(`sign-in as ${email} failed: ${response.status} ${await response.text()}`);
    const body = (await response.json()) as {
      accessToken: string;
      user: { customerId: string | null; siteId: string | null };
    };
    return new ApiClient(baseUrl, body.accessToken, body.user.customerId, body.user.siteId);
  }

  async get<T>(path: string): Promise<T> {
    const response = await fetch(`${this.baseUrl}/api/v1${path}`, {
      headers: { Authorization: `Bearer ${this.token}` },
    });
    if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  async post<T>(path: string, body: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}/api/v1${path}`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${this.token}`,
        'Content-Type': 'application/json',
        'Idempotency-Key': crypto.randomUUID(),
      },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  async put<T>(path: string, body: unknown, ifMatch: number): Promise<T> {
    const response = await fetch(`${this.baseUrl}/api/v1${path}`, {
      method: 'PUT',
      headers: {
        Authorization: `Bearer ${this.token}`,
        'Content-Type': 'application/json',
        'If-Match': `"${ifMatch}"`,
      },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`PUT ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  async patch<T>(path: string, body: unknown, ifMatch: number): Promise<T> {
    const response = await fetch(`${this.baseUrl}/api/v1${path}`, {
      method: 'PATCH',
      headers: {
        Authorization: `Bearer ${this.token}`,
        'Content-Type': 'application/json',
        'If-Match': `"${ifMatch}"`,
      },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`PATCH ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  getCustomer(id: string): Promise<Customer> {
    return this.get<Customer>(`/customers/${id}`);
  }

  listPendingApprovals(): Promise<Page<RmaSummary>> {
    return this.get<Page<RmaSummary>>('/returns?status=pending_approval&pageSize=50');
  }
}

export interface ReturnCandidate {
  order: SalesOrder;
  lineIndex: number;
  reasonCode: string;
  reasonLabel: string;
  condition: ClaimedCondition;
  verdict: Verdict;
}

/**
 * An order line that can be returned (one unit, standard return, first active reason, unopened):
 * the first one the policy accepts, preferring one that is authorized without approval.
 */
export async function findReturnCandidate(
  api: ApiClient,
  options: { customerId?: string | null; pageSize?: number; pages?: number } = {},
): Promise<ReturnCandidate> {
  const { customerId, pageSize = 25, pages = 4 } = options;
  const reasons = await api.get<{ document: ReasonCodes }>('/config/reason_codes');
  const reason = reasons.document.codes.find((code) => code.isActive);
  if (!reason) throw new Error('no active reason code in the demo configuration');
  const filter = customerId ? `&customerId=${customerId}` : '';
  let fallback: ReturnCandidate | null = null;
  for (let page = 1; page <= pages; page++) {
    const orders = await api.get<Page<SalesOrder>>(`/orders?page=${page}&pageSize=${pageSize}${filter}`);
    for (const summary of orders.items) {
      const order = await api.get<SalesOrder>(`/orders/${summary.id}`);
      for (const [lineIndex, line] of order.lines.entries()) {
        if (line.quantityShipped - line.quantityCommitted < 1 || line.serialsShipped.length > 0) continue;
        // The form offers only delivered, returnable goods (a warranty claim aside).
        if (!line.deliveryDate || !line.isReturnable) continue;
        const body: CreateRmaBody = {
          customerId: order.customerId,
          returnType: 'standard',
          lines: [{ orderLineId: line.id, quantity: 1, reasonCode: reason.code, claimedCondition: 'unopened' }],
        };
        const verdict = await api.post<Verdict>('/returns/evaluate', body);
        if (!verdict.isEligible) continue;
        const candidate = {
          order,
          lineIndex,
          reasonCode: reason.code,
          reasonLabel: reason.label,
          condition: 'unopened' as const,
          verdict,
        };
        if (verdict.routing?.decision === 'auto_approve') return candidate;
        fallback ??= candidate;
      }
    }
    if (orders.page * orders.pageSize >= orders.total) break;
  }
  if (fallback) return fallback;
  throw new Error('the demo data has no order line this user can return');
}

/** A customer with a returnable line among the first orders their page lists, and that line. */
export async function findCustomerWithReturnCandidate(
  api: ApiClient,
): Promise<{ customer: Customer; candidate: ReturnCandidate }> {
  const customers = await api.get<Page<Customer>>('/customers?pageSize=25');
  for (const customer of customers.items) {
    try {
      const candidate = await findReturnCandidate(api, { customerId: customer.id, pageSize: 10, pages: 1 });
      return { customer, candidate };
    } catch {
      // this customer has nothing returnable on their first page of orders; try the next one
    }
  }
  throw new Error('no demo customer has a returnable order line');
}

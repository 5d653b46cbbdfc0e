// Sets up what the operations and rules journeys start from, through the real API as the demo's
// staff: a demo return received at the warehouse user's site, its inspection completed by quality,
// and — for operations — disposed of with a chosen code (overriding the rules with a reason when
// they recommend another), so that code's follow-up waits in its list.
import type { Disposition, RecommendationResponseSchema } from '../../../src/contracts/disposition.js';
import type { Inspection } from '../../../src/contracts/inspection.js';
import type { z } from 'zod';
import { ApiClient } from './api.js';
import { receivedDemoReturn, type ReceivedForInspection } from './inspections.js';

type RecommendationResponse = z.infer<typeof RecommendationResponseSchema>;

async function tokenOf(baseUrl: string, email: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: 'demo' }),
  });
  if (!response.ok) throw new Error(`sign-in as ${email} failed: ${response.status}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/** A POST with If-Match, which the shared client does not send. */
export async function postIfMatch<T>(
  baseUrl: string,
  email: string,
  path: string,
  version: number,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${baseUrl}/api/v1${path}`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${await tokenOf(baseUrl, email)}`,
      'If-Match': `"${version}"`,
      'Idempotency-Key': crypto.randomUUID(),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export interface InspectedDemoUnit extends ReceivedForInspection {
  /** The completed inspection. */
  completed: Inspection;
  /** What the rules in force recommend for it. */
  recommendation: RecommendationResponse['recommendation'];
}

/** A demo return received at the warehouse's site and inspected by quality (every check passed). */
export async function inspectedDemoUnit(
  baseUrl: string,
  record: { grade: string; defectCodes?: string[]; findings?: string },
): Promise<InspectedDemoUnit> {
  const received = await receivedDemoReturn(baseUrl, { isRegulated: false, lot: `LOT-OPS-${Date.now()}` });
  const queued = received.inspection;
  const claimed = await postIfMatch<Inspection>(
    baseUrl,
    'quality@demo.local',
    `/inspections/${queued.id}/claim`,
    queued.version,
  );
  const completed = await postIfMatch<Inspection>(
    baseUrl,
    'quality@demo.local',
    `/inspections/${queued.id}/complete`,
    claimed.version,
    {
      checklist: claimed.checklist.map((item) =>
        item.kind === 'check' ? { id: item.id, passed: true } : { id: item.id, value: item.min ?? item.max ?? 1 },
      ),
      grade: record.grade,
      defectCodes: record.defectCodes ?? [],
      noFaultFound: false,
      findings: record.findings ?? '',
    },
  );
  const quality = await ApiClient.signIn(baseUrl, 'quality@demo.local');
  const { recommendation } = await quality.get<RecommendationResponse>(`/inspections/${queued.id}/recommendation`);
  return { ...received, completed, recommendation };
}

/** An inspected demo unit disposed of with `code` (by quality; scrapping needs its write-off approval). */
export async function disposedDemoUnit(
  baseUrl: string,
  code: string,
  record: { grade: string; defectCodes?: string[]; findings?: string },
  /** More of the decision: a hold's or a disposal's reason. */
  decision: { holdReason?: string; disposalReason?: string } = {},
): Promise<InspectedDemoUnit & { disposition: Disposition }> {
  const unit = await inspectedDemoUnit(baseUrl, record);
  const quality = await ApiClient.signIn(baseUrl, 'quality@demo.local');
  const disposition = await quality.post<Disposition>(`/inspections/${unit.completed.id}/disposition`, {
    code,
    rulesVersion: unit.recommendation.rulesVersion,
    ...(unit.recommendation.code === code ? {} : { overrideReason: `Operations journey: ${code}` }),
    ...decision,
  });
  return { ...unit, disposition };
}

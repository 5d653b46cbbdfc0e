// "Test on a sample return": a draft of the disposition rules tried on a completed inspection (the
// server applies it beside the rules in force and stores nothing), and the completed inspections of
// a site to pick the sample from.
import { useMutation, useQuery } from '@tanstack/react-query';
import type { Page } from '../../../src/contracts/common.js';
import type { DispositionRules } from '../../../src/contracts/disposition-rules.js';
import type { InspectionQueueItem } from '../../../src/contracts/inspection.js';
import type { RulesPreview } from '../../../src/contracts/rules-preview.js';
import { apiFetch } from './client.js';

export type { RulesPreview };

/** The latest completed inspections at a site (the API's largest page), to try rules on. */
export function useCompletedInspections(siteId: string) {
  return useQuery({
    queryKey: ['inspections', 'completed', siteId],
    queryFn: ({ signal }) =>
      apiFetch<Page<InspectionQueueItem>>('/inspections', {
        query: { siteId, status: 'completed', page: 1, pageSize: 200 },
        signal,
      }),
    enabled: siteId !== '',
  });
}

export function usePreviewRules() {
  return useMutation({
    mutationFn: ({ document, inspectionId }: { document: DispositionRules; inspectionId: string }) =>
      apiFetch<RulesPreview>('/config/disposition_rules/preview', { method: 'POST', body: { document, inspectionId } }),
  });
}

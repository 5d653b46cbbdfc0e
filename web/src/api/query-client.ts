import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-error.js';

function shouldRetry(failureCount: number, error: unknown): boolean {
  // A 4xx will not get better by asking again; network hiccups and 5xx get one more try.
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 1;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 15_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}

import { useMutation } from '@tanstack/react-query';
import type { TokenResponse } from '../../../src/contracts/identity.js';
import { apiFetch } from './client.js';

export interface Credentials {
  email: string;
  password: string;
}

export function useRequestToken() {
  return useMutation({
    mutationFn: (credentials: Credentials) =>
      apiFetch<TokenResponse>('/auth/token', { method: 'POST', body: credentials }),
  });
}

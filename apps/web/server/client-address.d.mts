import type { BlockList } from 'node:net';

export function normalizeAddress(address: string | undefined): string;
export function parseTrustedProxies(text: string | undefined): BlockList | null;
export function clientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trusted: BlockList | null,
): string;

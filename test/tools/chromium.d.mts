// Types for chromium.mjs, which stays plain JavaScript so `.ci/run` can run it before `npm ci`.
export class ChromiumMissing extends Error {}
export function findChromium(): string | undefined;
export function ensureChromium(): string;
export function ensureChromiumOrExit(): string;

// A small in-process cache that stays correct with several app instances on one
// PostgreSQL: every entry remembers the data version it was computed at, and the
// version is read from PostgreSQL on each use (one primary-key read). Writes bump it
// in their own transaction (triggers, migration 20261201214227_data_version), so a
// write committed through any instance invalidates every instance's entries at once.
// docs/decisions/0010-page-weight-and-aggregates.md.
import { cache } from 'react';
import { db } from '@/lib/db';

const MAX_ENTRIES = 500;
const entries = new Map<string, { version: bigint; value: unknown }>();

export async function readDataVersion(): Promise<bigint> {
  const rows = await db.$queryRaw<{ version: bigint }[]>`select "version" from "DataVersion" where "id" = 1`;
  // No row (a database restored without it): never cache.
  return rows[0]?.version ?? -1n;
}

// Within one server render (a page and its layout), the version is read once and shared
// by every cached figure of the page (ADR 0023): a render writes nothing, and each
// render (a navigation, the render after a server action) is a new React request with
// its own memo. Outside a render (route handlers, tests) React's cache() memoises
// nothing and every call reads the version again.
const versionForRender = cache(readDataVersion);

export async function cachedByDataVersion<T>(name: string, key: string, compute: () => Promise<T>): Promise<T> {
  // Read the version before the data: an entry may then hold data newer than its
  // version (harmless, recomputed at the next version), never older.
  const version = await versionForRender();
  const id = `${name}:${key}`;
  const hit = entries.get(id);
  if (hit && hit.version === version && version >= 0n) {
    // Refresh its place in the LRU order.
    entries.delete(id);
    entries.set(id, hit);
    return hit.value as T;
  }
  const value = await compute();
  if (version >= 0n) {
    entries.set(id, { version, value });
    if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  }
  return value;
}

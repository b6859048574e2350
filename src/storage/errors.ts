/** Storage errors in plain words. */

/** The words a reader sees when the browser refuses to store more. */
export const STORAGE_FULL = 'Couldn’t save — your browser’s storage is full. Export or delete some notes, then try again.';

/** IndexedDB's quota error, as thrown directly or wrapped by Dexie. */
export function isQuotaError(err: unknown): boolean {
  const name = (err as { name?: string } | null)?.name;
  const inner = (err as { inner?: { name?: string } } | null)?.inner?.name;
  const failures = (err as { failures?: { name?: string }[] } | null)?.failures;
  return name === 'QuotaExceededError' || inner === 'QuotaExceededError' || (failures ?? []).some((f) => f?.name === 'QuotaExceededError');
}

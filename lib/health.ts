import { db } from '@/lib/db';

export async function databaseIsReachable(timeoutMs = 3000): Promise<boolean> {
  try {
    await Promise.race([
      db.$queryRaw`select 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), timeoutMs)),
    ]);
    return true;
  } catch {
    return false;
  }
}

// Maps domain "not found" (absent or out of scope) to the 404 page.
import { notFound } from 'next/navigation';
import { AppError } from '@/lib/errors';

export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof AppError && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN' || error.code === 'INVALID')) notFound();
    throw error;
  }
}

// The 30,000 most common passwords, as shipped by zxcvbn (4.4.2, `lib/frequency_lists`,
// built from leaked-password corpora). A password found there, ignoring case, is refused.
import frequencyLists from 'zxcvbn/lib/frequency_lists';

let list: Set<string> | undefined;

export function isCommonPassword(password: string): boolean {
  list ??= new Set(frequencyLists.passwords);
  return list.has(password.trim().toLowerCase());
}

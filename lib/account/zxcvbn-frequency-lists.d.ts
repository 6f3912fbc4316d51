// zxcvbn ships no types for its word lists.
declare module 'zxcvbn/lib/frequency_lists' {
  const lists: { passwords: string[] } & Record<string, string[]>;
  export default lists;
}

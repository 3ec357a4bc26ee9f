/** A mistake the user can fix (bad config, bad arguments): exit 2 with this message, no stack. */
export class UsageError extends Error {
  override name = 'UsageError';
  constructor(message: string, readonly details: string[] = []) {
    super(message);
  }
}

/** Git or the file system said no in a way the user must act on (shallow clone, unknown ref …). */
export class ScopeError extends UsageError {
  override name = 'ScopeError';
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

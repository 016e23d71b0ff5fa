// The error every caller of a failed save gets: a message a person can act on, the fs error as its cause.

/** Why a file-system call failed, in words a person can act on. */
export function describeFsError(cause: unknown): string {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOSPC':
      return 'the disk is full';
    case 'EACCES':
    case 'EPERM':
      return 'Touchplan is not allowed to write to its data folder';
    case 'EBUSY':
      return 'the data file is busy (another program may hold it open)';
    case 'EIO':
      return 'the disk reported an input/output error';
    default:
      return `of an error (${(cause as Error)?.message ?? String(cause)})`;
  }
}

export class StoreWriteError extends Error {
  constructor(cause: unknown) {
    super(`Your change was not saved because ${describeFsError(cause)}. Nothing was lost; try again.`, { cause });
    this.name = 'StoreWriteError';
  }
}

/** A change refused because the store cannot take it right now (closed, or a backup is being restored). */
export class StoreBusyError extends StoreWriteError {
  constructor(message: string) {
    super(undefined);
    this.message = message;
    this.name = 'StoreBusyError';
  }
}

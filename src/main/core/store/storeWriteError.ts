// The error every caller of a failed save gets: a message a person can act on, the fs error as its cause.

export class StoreWriteError extends Error {
  constructor(cause: unknown) {
    const code = (cause as NodeJS.ErrnoException | undefined)?.code;
    const why =
      code === 'ENOSPC'
        ? 'the disk is full'
        : code === 'EACCES' || code === 'EPERM'
          ? 'Touchplan is not allowed to write to its data folder'
          : code === 'EBUSY'
            ? 'the data file is busy (another program may hold it open)'
            : code === 'EIO'
              ? 'the disk reported an input/output error'
              : `of an error (${(cause as Error)?.message ?? String(cause)})`;
    super(`Your change was not saved because ${why}. Nothing was lost; try again.`, { cause });
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

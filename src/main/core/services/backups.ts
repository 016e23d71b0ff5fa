// Backups of the data folder for Settings: list, take one now, restore one (the store backs up first).
import type { BackupList, BackupSummary } from '../../../shared/contract/backups';
import { notFound } from '../errors';
import type { ServiceContext } from './context';

export function createBackupService(ctx: ServiceContext) {
  const { store } = ctx;
  return {
    async list(): Promise<BackupList> {
      return { dataDir: store.dataDir, backups: await store.listBackups() };
    },
    create: (): Promise<BackupSummary> => store.backupNow(),
    async restore(name: string): Promise<null> {
      if (!(await store.listBackups()).some((backup) => backup.name === name)) throw notFound('Backup', name);
      await store.restoreBackup(name);
      return null;
    },
  };
}

// Writes a generated dataset (the demo's, the bench's ten-year career) into a store in one transaction.
import type { Store } from '../store/store';
import type { GeneratedDataset } from './generateDataset';

export function putDataset(store: Store, data: Pick<GeneratedDataset, 'prospects' | 'deals' | 'meetings' | 'touches'>): Promise<void> {
  return store.transact((tx) => {
    for (const prospect of data.prospects) tx.put('prospects', prospect);
    for (const deal of data.deals) tx.put('deals', deal);
    for (const meeting of data.meetings) tx.put('meetings', meeting);
    for (const touch of data.touches) tx.put('touches', touch);
  });
}

// Worker thread entry: reads one calendar file (parse + recurrence expansion) away from the main thread, so a
// file that is huge or repeats events without end cannot freeze or kill the app. See icsInWorker.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { IcsError, parseIcs, type IcsParseOptions } from './icsParse';

export type IcsWorkerReply =
  | { ok: true; result: ReturnType<typeof parseIcs> }
  | { ok: false; message: string; plain: boolean };

const { text, options } = workerData as { text: string; options: IcsParseOptions };
let reply: IcsWorkerReply;
try {
  reply = { ok: true, result: parseIcs(text, options) };
} catch (error) {
  reply = { ok: false, message: (error as Error).message, plain: error instanceof IcsError };
}
parentPort?.postMessage(reply);

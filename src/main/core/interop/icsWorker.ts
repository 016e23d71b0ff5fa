// Worker thread entry: reads calendar files (parse + recurrence expansion) away from the main thread, so a
// file that is huge or repeats events without end cannot freeze or kill the app. One file per message; the
// worker stays warm for the next file (see icsInWorker.ts).
import { parentPort } from 'node:worker_threads';
import { IcsError, parseIcs, type IcsParseOptions } from './icsParse';

export type IcsWorkerReply =
  | { ok: true; result: ReturnType<typeof parseIcs> }
  | { ok: false; message: string; plain: boolean };

parentPort?.on('message', ({ text, options }: { text: string; options: IcsParseOptions }) => {
  let reply: IcsWorkerReply;
  try {
    reply = { ok: true, result: parseIcs(text, options) };
  } catch (error) {
    reply = { ok: false, message: (error as Error).message, plain: error instanceof IcsError };
  }
  parentPort?.postMessage(reply);
});

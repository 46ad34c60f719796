/** A worker of `thidua tonghop`: reads and checks unit files off the shared counter (src/cli/tonghop.ts readBloc). */
import { parentPort, workerData } from 'worker_threads';
import { pull, WorkerJob, WorkerReply } from './tonghop';

const reply = (m: WorkerReply) => parentPort!.postMessage(m);

pull(workerData as WorkerJob, (i, inputs) => reply({ i, inputs })).then(
  () => reply({ done: true }),
  (e: unknown) => reply({ error: e instanceof Error ? e.message : String(e) }),
);

// `npm run fuzz -- --runs N [--seed S]`: the channel fuzzer of tests/unit/fuzz for longer than npm test runs it.
import { fuzzChannels } from '../tests/unit/fuzz/harness';

const flag = (name: string) => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : undefined;
};
const report = await fuzzChannels({ runs: flag('runs') ?? 1_000, seed: flag('seed') });
console.log(`fuzz: ${report.calls} calls in ${report.batches} batches, ${report.refused} refused, no failure (seed ${report.seed})`);
const never = Object.keys((await import('../src/shared/api')).contract).filter((channel) => !report.accepted[channel]);
console.log(`channels never answered ok (only their refusals were tested): ${never.join(', ') || 'none'}`);

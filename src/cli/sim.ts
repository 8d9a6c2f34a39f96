// `npm run sim`: one simulation in Node, printed as the JSON contract (--json) or a human summary.
// Bad input exits 2 with one line naming the key, the value and what is accepted.
import { parseSimArgs, USAGE } from './args';
import { humanSummary } from './summary';
import { describeModel, listPresets } from './describe';
import { resolveScenario } from '../scenarios/scenarioFile';
import { scenarioInput } from './scenarioFlags';
import { ParamError } from '../scenarios/paramSpec';
import { commandsFor, runWithOutputs } from './simOutputs';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

function main(argv: string[]): void {
  const a = parseSimArgs(argv);
  if (a.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (a.listPresets) {
    process.stdout.write(`${listPresets()}\n`);
    return;
  }
  if (a.describe !== undefined) {
    process.stdout.write(`${describeModel(a.describe)}\n`);
    return;
  }
  const input = scenarioInput(a);
  const sc = resolveScenario(input);
  if (a.commands) {
    process.stdout.write(commandsFor(sc));
    return;
  }
  const result = runWithOutputs(sc, a);
  process.stdout.write(a.json ? `${JSON.stringify(result)}\n` : `${humanSummary(result)}\n`);
}

try {
  main(process.argv.slice(2));
} catch (e) {
  if (e instanceof ParamError) fail(e.message);
  fail(`error: ${(e as Error).message}`);
}

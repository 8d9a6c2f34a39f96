// Command-line parsing for `npm run sim`: flags into a ScenarioInput plus output options.
// Refuses unknown flags and malformed values by name; reads no files and runs nothing.
import { ParamError } from '../scenarios/paramSpec';
import { flagsOf, SCENARIO_FLAGS, takeScenarioFlag, type ScenarioFlags } from './scenarioFlags';

export interface SimArgs extends ScenarioFlags {
  json: boolean;
  describe?: string;
  listPresets: boolean;
  trace?: string;
  traceWindow?: string;
  lockstat?: string;
  fioJson?: string;
  /** --measured FILE.json: a real fio result shown beside the model; --measured-lockstat: a real /proc/lock_stat. */
  measured?: string;
  measuredLockstat?: string;
  /** --mdadm-detail FILE: the array's settings from a pasted `mdadm --detail` (explicit --set wins). */
  mdadmDetail?: string;
  csv?: string;
  threadsCsv?: string;
  commands: boolean;
  /** --check-invariants: each model's debug invariants after every event, and the stall watchdog. */
  checkInvariants: boolean;
  help: boolean;
}

const VALUE_FLAGS = new Set<string>([
  ...SCENARIO_FLAGS,
  '--describe',
  '--trace',
  '--trace-window',
  '--lockstat',
  '--fio-json',
  '--measured',
  '--measured-lockstat',
  '--mdadm-detail',
  '--csv',
  '--threads-csv',
]);

export function parseSimArgs(argv: readonly string[]): SimArgs {
  const out: SimArgs = {
    sets: {},
    json: false,
    listPresets: false,
    commands: false,
    checkInvariants: false,
    help: false,
  };
  for (const { flag, value } of flagsOf(argv, VALUE_FLAGS)) {
    if (value !== undefined && takeScenarioFlag(out, flag, value)) continue;
    switch (flag) {
      case '--describe':
        out.describe = value;
        break;
      case '--trace':
        out.trace = value;
        break;
      case '--trace-window':
        out.traceWindow = value;
        break;
      case '--lockstat':
        out.lockstat = value;
        break;
      case '--fio-json':
        out.fioJson = value;
        break;
      case '--measured':
        out.measured = value;
        break;
      case '--measured-lockstat':
        out.measuredLockstat = value;
        break;
      case '--mdadm-detail':
        out.mdadmDetail = value;
        break;
      case '--csv':
        out.csv = value;
        break;
      case '--threads-csv':
        out.threadsCsv = value;
        break;
      case '--commands':
        out.commands = true;
        break;
      case '--json':
        out.json = true;
        break;
      case '--check-invariants':
        out.checkInvariants = true;
        break;
      case '--list-presets':
        out.listPresets = true;
        break;
      case '--help':
      case '-h':
        out.help = true;
        break;
      default:
        throw new ParamError(
          'option',
          flag,
          '--model, --preset, --scenario, --set, --seed, --duration, --warmup, --profile, --json, --trace, --trace-window, --lockstat, --fio-json, --csv, --threads-csv, --measured, --measured-lockstat, --mdadm-detail, --check-invariants, --commands, --describe, --list-presets',
        );
    }
  }
  return out;
}

export const USAGE = `usage: npm run sim -- (--model NAME | --preset ID | --scenario FILE.json) [--set KEY=VALUE ...]
       [--seed N] [--duration TIME] [--warmup TIME | --warmup auto] [--json] [--check-invariants]
       [--trace FILE [--trace-window TIME]] [--lockstat FILE] [--fio-json FILE] [--csv FILE] [--threads-csv FILE] | --commands
       [--measured FIO.json] [--measured-lockstat LOCK_STAT.txt] [--mdadm-detail DETAIL.txt] [--profile PROFILE.json]
       npm run sim -- --describe MODEL | --list-presets
  --warmup auto: detect the warm-up (MSER-5 on completions per interval over warm-up + duration) instead of
  discarding a fixed one; the result's warmup field says where it cut, or why it fell back to the fixed one.
  --check-invariants: check the model's invariants after every event and watch for a stall (nothing completed for
  longer than the configuration allows); either exits 3 with one line naming the model, seed, time, event count
  and the rule broken. Any run that completes nothing in a window long enough to expect a completion exits 3 too.
  --csv: per sampling interval (fio's 500 ms, or a twentieth of a shorter run) time_ms, ops_per_sec, bytes_per_sec
  and util_fraction:MEMBER; --threads-csv: per interval and thread, the fraction of the interval in each state.
  --measured: a real fio result (--output-format=json or json+) whose jobs ran the scenario's rw, bs, iodepth and
  numjobs; the JSON result gains measured.fio and vsMeasured.fio (model / measured), the summary shows both.
  --measured-lockstat: a real /proc/lock_stat text, matched to the model's locks by lockdep class name.
  --mdadm-detail: the text of \`mdadm --detail /dev/mdX\`: it sets the model (raid5 for levels 5 and 6, raid1,
  raid10), level, disks, chunk, bitmap and assume_clean; --set wins over it, and gives the sysfs values
  (stripe_cache_size, group_thread_cnt). What the model cannot run is refused naming the field.
  --profile: a machine profile from npm run calibrate -- --out FILE: its fitted machine (cpu_speed, device.*,
  xor_speed) under the --set values, so the run is that machine with this scenario's array, knobs and workload.`;

// The sweep's setup form: base scenario, one or two parameters with values in the CLI's syntax (0..16,
// 1,2,4,8, 64k..256k:64k), replications, times and workers; Start and Cancel. Refusals show at the field.
import { useMemo, useState, type ReactNode } from 'react';
import { acceptedOf, displayValue, PRESETS, unitOf, type ParamSpec } from '../../state/catalog';
import { cancelSweep, setSweepForm, startSweep, useSweep } from '../../state/sweep/sweep';
import { checkSweepForm, sweepBase, sweepSize, type FieldErrors, type SweepField } from '../../state/sweep/sweepSetup';
import { scenarioShort } from '../../state/scenarioWords';
import { useSim } from '../../state/store';
import { THREAD_PARAMS } from '../../analysis/sweep/aggregate';
import { fmtNsShort as fmtNs } from '../format';
import { WarmupNote } from './WarmupNote';

function Field({
  id,
  label,
  error,
  hint,
  children,
}: {
  id: SweepField;
  label: string;
  error?: string;
  hint?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className={`sw-field${error ? ' invalid' : ''}`}>
      <label htmlFor={`sweep-${id}`}>{label}</label>
      {children}
      {error ? (
        <div className="sw-error" role="alert" id={`sweep-${id}-error`} data-testid={`sweep-${id}-error`}>
          {error}
        </div>
      ) : (
        hint && <div className="sw-hint">{hint}</div>
      )}
    </div>
  );
}

const inputProps = (id: SweepField, error?: string) => ({
  id: `sweep-${id}`,
  'data-testid': `sweep-${id}`,
  'aria-invalid': !!error,
  'aria-describedby': error ? `sweep-${id}-error` : undefined,
  spellCheck: false,
});

const specLabel = (s: ParamSpec) =>
  `${s.key}${s.kind === 'int' || s.kind === 'number' ? ` (${s.unit})` : ''}${s.key in THREAD_PARAMS ? ' · threads' : ''}`;

function valuesHint(spec: ParamSpec | undefined, base: Record<string, unknown>): string {
  if (!spec) return '';
  const now = base[spec.key];
  const at = now === undefined ? '' : `; base: ${displayValue(spec, now as string | number | boolean)}`;
  return `a,b,c or a..b or a..b:step · ${acceptedOf(spec)}${at}`;
}

export function SweepSetup() {
  const form = useSweep((s) => s.form);
  const runErrors = useSweep((s) => s.fieldErrors);
  const status = useSweep((s) => s.status);
  const model = useSim((s) => s.model);
  const preset = useSim((s) => s.preset);
  const seed = useSim((s) => s.seed);
  const overrides = useSim((s) => s.overrides);
  const b = sweepBase(form, { model, preset, seed, overrides });
  // Checked as the user types, as the Lab's fields are (issue 15: errors came only on Run): a field edited since
  // the page opened shows its refusal at once; Run still shows every field's.
  const [opened] = useState(form);
  const live = useMemo(() => {
    const c = checkSweepForm(form, { model, preset, seed, overrides });
    return 'errors' in c ? c.errors : {};
  }, [form, model, preset, seed, overrides]);
  const edited = (Object.keys(live) as SweepField[]).filter((k) => form[k] !== opened[k]);
  const errors: FieldErrors = { ...Object.fromEntries(edited.map((k) => [k, live[k]])), ...runErrors };
  const specs = 'error' in b ? [] : b.specs;
  const spec1 = specs.find((s) => s.key === form.param1);
  const spec2 = specs.find((s) => s.key === form.param2);
  const size = sweepSize(form, specs);
  const running = status === 'running';
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency : 1;

  const changeBase = (base: string) => {
    const next = sweepBase({ ...form, base }, { model, preset, seed, overrides });
    const keys = 'error' in next ? [] : next.specs.map((s) => s.key);
    const patch: Parameters<typeof setSweepForm>[0] = { base };
    if (!keys.includes(form.param1)) {
      patch.param1 = keys.find((k) => k in THREAD_PARAMS) ?? keys[0] ?? '';
      patch.values1 = '';
    }
    if (form.param2 && !keys.includes(form.param2)) patch.param2 = '';
    setSweepForm(patch);
  };

  return (
    <form
      className="panel sw-setup"
      aria-label="sweep setup"
      onSubmit={(e) => {
        e.preventDefault();
        startSweep();
      }}
    >
      <div className="panel-head">
        <h2>Sweep</h2>
        <span className="muted">{'error' in b ? '' : b.model}</span>
      </div>
      <div className="scroll sw-fields">
        <Field
          id="base"
          label="Base scenario"
          error={errors.base ?? ('error' in b ? b.error : undefined)}
          hint={'error' in b ? null : b.label}
        >
          <select {...inputProps('base', errors.base)} value={form.base} onChange={(e) => changeBase(e.target.value)}>
            <option value="current">
              Current scenario (Lab: {scenarioShort({ model, preset, overrides })}, seed {seed})
            </option>
            {PRESETS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.id}: {p.title}
              </option>
            ))}
          </select>
        </Field>
        <Field id="param1" label="Parameter (x)" error={errors.param1}>
          <select
            {...inputProps('param1', errors.param1)}
            value={form.param1}
            onChange={(e) => setSweepForm({ param1: e.target.value })}
          >
            {!spec1 && (
              <option value={form.param1}>
                {form.param1
                  ? `${form.param1} (not a parameter of ${'error' in b ? 'this base' : b.model}: choose one)`
                  : '(choose)'}
              </option>
            )}
            {specs.map((s) => (
              <option key={s.key} value={s.key} title={`${s.help} Unit: ${unitOf(s)}.`}>
                {specLabel(s)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id="values1"
          label="Values"
          error={errors.values1}
          hint={valuesHint(spec1, 'error' in b ? {} : b.base.params)}
        >
          <input
            {...inputProps('values1', errors.values1)}
            type="text"
            placeholder="0..16 or 1,2,4,8"
            value={form.values1}
            onChange={(e) => setSweepForm({ values1: e.target.value })}
          />
        </Field>
        <Field id="param2" label="Second parameter (heat map)" error={errors.param2}>
          <select
            {...inputProps('param2', errors.param2)}
            value={form.param2}
            onChange={(e) => setSweepForm({ param2: e.target.value })}
          >
            <option value="">(none: one-parameter sweep)</option>
            {specs.map((s) => (
              <option key={s.key} value={s.key}>
                {specLabel(s)}
              </option>
            ))}
          </select>
        </Field>
        {form.param2 && (
          <Field
            id="values2"
            label="Values (second)"
            error={errors.values2}
            hint={valuesHint(spec2, 'error' in b ? {} : b.base.params)}
          >
            <input
              {...inputProps('values2', errors.values2)}
              type="text"
              placeholder="128,256,512"
              value={form.values2}
              onChange={(e) => setSweepForm({ values2: e.target.value })}
            />
          </Field>
        )}
        <div className="sw-row">
          <Field id="replications" label="Replications" error={errors.replications} hint="seeds seed..seed+R-1">
            <input
              {...inputProps('replications', errors.replications)}
              type="text"
              inputMode="numeric"
              value={form.replications}
              onChange={(e) => setSweepForm({ replications: e.target.value })}
            />
          </Field>
          <Field id="workers" label="Workers" error={errors.workers} hint={`${cores} cores here`}>
            <input
              {...inputProps('workers', errors.workers)}
              type="text"
              inputMode="numeric"
              value={form.workers}
              onChange={(e) => setSweepForm({ workers: e.target.value })}
            />
          </Field>
        </div>
        <div className="sw-row">
          <Field id="duration" label="Measured (simulated)" error={errors.duration}>
            <input
              {...inputProps('duration', errors.duration)}
              type="text"
              placeholder={'error' in b ? '' : fmtNs(b.base.durationNs)}
              value={form.duration}
              onChange={(e) => setSweepForm({ duration: e.target.value })}
            />
          </Field>
          <Field id="warmup" label="Warm-up (simulated)" error={errors.warmup}>
            <input
              {...inputProps('warmup', errors.warmup)}
              type="text"
              placeholder={'error' in b ? '' : `${fmtNs(b.base.warmupNs)} or auto`}
              value={form.warmup}
              onChange={(e) => setSweepForm({ warmup: e.target.value })}
            />
          </Field>
        </div>
        {!('error' in b) && <WarmupNote warmupNs={b.base.warmupNs} durationNs={b.base.durationNs} />}
      </div>
      <div className="sw-actions">
        <span className="muted" data-testid="sweep-size">
          {size
            ? `${size.points} point${size.points === 1 ? '' : 's'} × ${form.replications} = ${size.runs} runs`
            : '—'}
        </span>
        <button type="submit" className="primary" data-testid="sweep-start">
          {running ? 'Restart' : 'Run sweep'}
        </button>
        <button type="button" data-testid="sweep-cancel" disabled={!running} onClick={cancelSweep}>
          Cancel
        </button>
      </div>
    </form>
  );
}

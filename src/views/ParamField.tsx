// One parameter control generated from its ParamSpec: unit, range and help as a tooltip, a badge on
// live knobs, and the refusal shown at the control. Values go to actions.setParam, nothing else.
import { useState } from 'react';
import { clearFieldError, setParam } from '../state/lab/actions';
import { acceptedOf, displayValue, unitOf, type ParamSpec } from '../state/catalog';
import type { ParamValue } from '../protocol/messages';
import { fmtBandwidth } from './format';

interface Props {
  spec: ParamSpec;
  value: ParamValue | undefined;
  error: string | undefined;
}

/** sysfs and fio names may wrap after an underscore or dot rather than be cut. */
function breakable(key: string) {
  return key.split(/(?<=[_.])/).map((part, i) => (
    <span key={i}>
      {i > 0 && <wbr />}
      {part}
    </span>
  ));
}

export function ParamField({ spec, value, error }: Props) {
  const [draft, setDraft] = useState<string | null>(null);
  const shown = value === undefined ? '' : displayValue(spec, value);
  const id = `param-${spec.key}`;
  const tip = `${spec.help}\nUnit: ${unitOf(spec)}. Accepted: ${acceptedOf(spec)}.${spec.live ? '\nChanges live, without a restart.' : '\nChanging it starts a new run.'}`;
  const commit = (raw: string | boolean) => {
    if (setParam(spec.key, raw) === null) setDraft(null);
  };
  const unit =
    spec.kind === 'int' || spec.kind === 'number'
      ? spec.unit
      : spec.kind === 'time'
        ? 'time'
        : spec.kind === 'size'
          ? 'bytes'
          : spec.kind === 'rate'
            ? '/s'
            : '';
  let input;
  if (spec.kind === 'enum') {
    input = (
      <select id={id} data-testid={id} value={String(value ?? '')} onChange={(e) => commit(e.target.value)}>
        {spec.values.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    );
  } else if (spec.kind === 'bool') {
    input = (
      <input
        id={id}
        data-testid={id}
        type="checkbox"
        checked={value === true}
        onChange={(e) => commit(e.target.checked)}
      />
    );
  } else {
    input = (
      <input
        id={id}
        data-testid={id}
        type="text"
        inputMode={spec.kind === 'int' ? 'numeric' : 'text'}
        spellCheck={false}
        value={draft ?? shown}
        aria-invalid={!!error}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit(e.currentTarget.value);
          if (e.key === 'Escape') {
            setDraft(null);
            clearFieldError(spec.key);
          }
        }}
        onBlur={(e) => {
          if (draft !== null && draft !== shown) commit(e.currentTarget.value);
        }}
      />
    );
  }
  return (
    <div className={`field${error ? ' invalid' : ''}`} title={tip}>
      <label htmlFor={id}>
        <span className="key">{breakable(spec.key)}</span>
        {spec.live && <span className="badge live">live</span>}
      </label>
      {input}
      {/* A bytes/s field says its value in GB/s beside the digits: 3200000000 was cut to '320000000' (issue 15). */}
      {unit === 'bytes/s' && typeof value === 'number' ? (
        <span className="unit" title={`${value.toLocaleString('en')} bytes/s`} data-testid={`${id}-readable`}>
          {fmtBandwidth(value)}
        </span>
      ) : (
        <span className="unit" title={unit}>
          {unit}
        </span>
      )}
      {error && (
        <span className="field-error" id={`${id}-error`} role="alert" data-testid={`${id}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}

// A thread state as a patterned swatch plus its name, so it reads without colour.
// Presentation only: it knows nothing of where the state came from.
import { STATE_STYLES, swatchBackground } from './palette';

export function StateChip({ state, text }: { state: number; text?: string }) {
  const st = STATE_STYLES[state];
  return (
    <span className="chip" title={st ? `${st.name}: ${st.about}` : undefined} data-state={st?.name}>
      <i className="swatch" style={{ background: swatchBackground(state) }} aria-hidden="true" />
      {text ?? st?.name ?? `state ${state}`}
    </span>
  );
}

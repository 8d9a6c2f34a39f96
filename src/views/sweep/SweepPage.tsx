// The Sweep page: the setup form on the left; progress, charts (or a heat map for two parameters), the
// USL fit and the results table on the right. Layout only; state lives in state/sweep/sweep.ts.
import { displayValue, modelInfo } from '../../state/catalog';
import { useSweep } from '../../state/sweep/sweep';
import { SweepCharts } from './SweepCharts';
import { SweepProgress } from './SweepProgress';
import { SweepSetup } from './SweepSetup';
import { SweepTable } from './SweepTable';
import './sweep.css';

export function SweepPage() {
  const plan = useSweep((s) => s.plan);
  const lines = useSweep((s) => s.lines);
  const specs = modelInfo(plan?.points[0]?.scenario.model ?? '')?.params ?? [];
  const formatKey = (k: string, v: string | number | boolean) => {
    const spec = specs.find((s) => s.key === k);
    return spec ? displayValue(spec, v) : String(v);
  };
  return (
    <>
      <SweepSetup />
      <div className="sw-results" data-testid="SweepPage">
        <SweepProgress />
        {/* A new plan remounts the charts, so axis labels follow the swept parameter. */}
        {plan && (
          <SweepCharts key={`${plan.label}:${plan.keys.join(',')}:${plan.totalPoints}`} plan={plan} lines={lines} />
        )}
        {plan && <SweepTable lines={lines} keys={plan.keys} label={plan.label} formatKey={formatKey} />}
      </div>
    </>
  );
}

// SweepPage: being built this session (owned by one helper); replaced before the session ends.
export function SweepPage() {
  return <div className="stage" data-testid="SweepPage">SweepPage</div>;
}

// ComparePage: being built this session (owned by one helper); replaced before the session ends.
export function ComparePage() {
  return <div className="stage" data-testid="ComparePage">ComparePage</div>;
}

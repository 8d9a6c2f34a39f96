// StoriesPage: being built this session (owned by one helper); replaced before the session ends.
export function StoriesPage() {
  return <div className="stage" data-testid="StoriesPage">StoriesPage</div>;
}

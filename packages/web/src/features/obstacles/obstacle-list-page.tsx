// Placeholder: replaced by the page itself.
export function ObstacleListPage() {
  return <div>建设中</div>;
}

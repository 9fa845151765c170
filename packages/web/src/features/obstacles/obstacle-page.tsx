// Placeholder: replaced by the page itself.
export function ObstaclePage() {
  return <div>建设中</div>;
}

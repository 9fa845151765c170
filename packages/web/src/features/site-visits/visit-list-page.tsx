// Placeholder: replaced by the page itself.
export function VisitListPage() {
  return <div>建设中</div>;
}

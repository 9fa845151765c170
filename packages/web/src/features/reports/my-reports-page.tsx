// Placeholder: replaced by the page itself.
export function MyReportsPage() {
  return <div>建设中</div>;
}

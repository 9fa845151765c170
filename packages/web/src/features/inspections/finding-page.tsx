// Placeholder: replaced by the page itself.
export function FindingPage() {
  return <div>建设中</div>;
}

// Placeholder: replaced by the page itself.
export function ReviewQueuePage() {
  return <div>建设中</div>;
}

// Placeholder: replaced by the page itself.
export function WarningListPage() {
  return <div>建设中</div>;
}

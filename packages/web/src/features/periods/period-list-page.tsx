// Placeholder: replaced by the page itself.
export function PeriodListPage() {
  return <div>建设中</div>;
}

// Placeholder: replaced by the page itself.
export function InspectionListPage() {
  return <div>建设中</div>;
}

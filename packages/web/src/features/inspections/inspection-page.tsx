// Placeholder: replaced by the page itself.
export function InspectionPage() {
  return <div>建设中</div>;
}

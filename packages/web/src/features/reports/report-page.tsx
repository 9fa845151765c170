// Placeholder: replaced by the page itself.
export function ReportPage() {
  return <div>建设中</div>;
}

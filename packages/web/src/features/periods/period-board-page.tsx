// Placeholder: replaced by the page itself.
export function PeriodBoardPage() {
  return <div>建设中</div>;
}

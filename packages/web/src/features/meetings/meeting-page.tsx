// Placeholder: replaced by the page itself.
export function MeetingPage() {
  return <div>建设中</div>;
}

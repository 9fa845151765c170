// Placeholder: replaced by the page itself.
export function MeetingListPage() {
  return <div>建设中</div>;
}

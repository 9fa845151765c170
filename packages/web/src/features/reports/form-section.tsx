import type { ReactNode } from 'react';
import { Typography } from 'antd';

/** One block of the report page: a white card with its title, stacked on a phone. */
export function FormSection({ title, extra, id, children, testId }: { title: ReactNode; extra?: ReactNode; id?: string; testId?: string; children: ReactNode }) {
  return (
    <section className="page-card report-section" id={id} data-testid={testId}>
      <div className="report-section-title">
        <Typography.Title level={5} style={{ margin: 0 }}>{title}</Typography.Title>
        {extra}
      </div>
      {children}
    </section>
  );
}

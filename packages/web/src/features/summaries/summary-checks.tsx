import { Alert } from 'antd';
import type { SummaryCheck } from './api';

// 数据核对提示: what in the ledger (or in the office's edited text) makes a number doubtful, each
// in a sentence naming the projects to correct. Shown in the app only, never printed.

function List({ checks, testId }: { checks: SummaryCheck[]; testId: string }) {
  return (
    <ol style={{ margin: '4px 0 0', paddingLeft: 20 }} data-testid={testId}>
      {checks.map((c, i) => <li key={`${c.code}-${i}`} data-code={c.code}>{c.message}</li>)}
    </ol>
  );
}

export function SummaryChecks({ data, text }: { data: SummaryCheck[]; text: SummaryCheck[] }) {
  if (!data.length && !text.length) {
    return <Alert type="success" showIcon message="数据核对：未发现台账数据的问题" data-testid="summary-checks-ok" />;
  }
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="summary-checks"
      message={`数据核对提示（${data.length + text.length} 条，仅在系统中显示，不写入 Word 文件）`}
      description={
        <>
          {data.length > 0 && <List checks={data} testId="summary-checks-data" />}
          {text.length > 0 && (
            <>
              <div style={{ marginTop: data.length ? 8 : 0, fontWeight: 500 }}>已保存的文字中：</div>
              <List checks={text} testId="summary-checks-text" />
            </>
          )}
        </>
      }
    />
  );
}

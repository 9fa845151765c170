import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';
import { CountTags } from './preview-header';
import type { ImportPreview } from './types';

/** After the commit: what was done, and the way back to the ledger. */
export function ImportDone({ preview, onAgain }: { preview: ImportPreview; onAgain: () => void }) {
  const { create, update, unchanged } = preview.counts;
  // Result does not pass data-* attributes on, so the test id sits on a wrapper.
  return (
    <div data-testid="import-done">
      <Result
        status="success"
        title="导入完成"
        subTitle={`「${preview.filename}」已导入 ${preview.year} 年台账：新增 ${create} 个项目，更新 ${update} 个，${unchanged} 个无变化。`}
        extra={[
          <Link key="ledger" to={`/ledger?year=${preview.year}`}>
            <Button type="primary" data-testid="import-done-ledger">查看项目台账</Button>
          </Link>,
          <Button key="again" onClick={onAgain} data-testid="import-again">继续导入</Button>,
        ]}
      >
        <div style={{ textAlign: 'center' }}><CountTags counts={preview.counts} /></div>
      </Result>
    </div>
  );
}

import { Alert, Button, Divider, Spin } from 'antd';
import type { Currency, ImportField, ImportProblem } from '@tuijin/core';
import { SheetMapping } from './column-mapping';
import { PreviewHeader } from './preview-header';
import { ProblemList } from './problem-list';
import { RateInputs } from './rate-inputs';
import { RowTable } from './row-table';
import type { ImportPreview, MappingCorrections, RateCorrections } from './types';

export interface PreviewFailure {
  message: string;
  problems: ImportProblem[];
  /** The batch can no longer be used (committed, discarded, file expired): start again. */
  isFinal: boolean;
}

interface ImportPreviewViewProps {
  preview: ImportPreview;
  pending: MappingCorrections;
  rates: RateCorrections;
  isRefreshing: boolean;
  isCommitting: boolean;
  isDiscarding: boolean;
  failure: PreviewFailure | null;
  onMap: (index: number, field: ImportField | null) => void;
  onRate: (currency: Currency, rate: string) => void;
  onYear: (year: number) => void;
  onCommit: () => void;
  onDiscard: () => void;
  onRestart: () => void;
}

/** Step 2: everything the file would do, with the column mapping and rates open to correction. */
export function ImportPreviewView(props: ImportPreviewViewProps) {
  const { preview, pending, rates, isRefreshing, isCommitting, isDiscarding, failure } = props;
  const currencies = [...new Set(preview.sheets.flatMap((s) => s.currencies))];
  const isBusy = isRefreshing || isCommitting || isDiscarding;
  return (
    <div className="page-card" data-testid="import-preview">
      <PreviewHeader
        preview={preview}
        isBusy={isBusy}
        isCommitting={isCommitting}
        isDiscarding={isDiscarding}
        onYear={props.onYear}
        onCommit={props.onCommit}
        onDiscard={props.onDiscard}
      />
      {failure && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          message={failure.message}
          data-testid="import-failure"
          description={failure.problems.length > 0 && (
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {failure.problems.slice(0, 20).map((p, i) => (
                <li key={i}>{preview.sheets.length > 1 && p.sheet ? `工作表「${p.sheet}」：` : ''}{p.message}</li>
              ))}
              {failure.problems.length > 20 && <li>…共 {failure.problems.length} 处</li>}
            </ul>
          )}
          action={failure.isFinal && <Button size="small" onClick={props.onRestart}>重新上传</Button>}
        />
      )}
      <Divider style={{ margin: '16px 0' }} />
      <Spin spinning={isRefreshing} tip="正在按新的设置重新预览…">
        <ProblemList problems={preview.problems} />
        <RateInputs currencies={currencies} rates={rates} disabled={isBusy} onApply={props.onRate} />
        {preview.sheets.map((sheet) => (
          <SheetMapping key={sheet.sheet} sheet={sheet} pending={pending} disabled={isBusy} onChange={props.onMap} />
        ))}
        <RowTable rows={preview.rows} showSheet={preview.sheets.length > 1} />
      </Spin>
    </div>
  );
}

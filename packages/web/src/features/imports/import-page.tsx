import { useState } from 'react';
import { App, Button, Result, Space, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { Currency, ImportField } from '@tuijin/core';
import { errorMessage, isApiError } from '../../app/api-client';
import { useMe } from '../../app/auth';
import { problemsOf, useCommitImport, useDiscardImport, useRepreview } from './api';
import { ImportDone } from './import-done';
import { ImportHistory } from './import-history';
import { ImportPreviewView, type PreviewFailure } from './import-preview';
import { correctionsOf } from './mapping';
import type { ImportCorrections, ImportPreview, MappingCorrections, RateCorrections } from './types';
import { UploadPanel } from './upload-panel';

type Step = { kind: 'upload' } | { kind: 'preview'; preview: ImportPreview } | { kind: 'done'; preview: ImportPreview };

interface Edits {
  mapping: MappingCorrections;
  rates: RateCorrections;
  year: number | null;
}
const NO_EDITS: Edits = { mapping: {}, rates: {}, year: null };

/** The whole correction: columns set earlier (the preview shows them as 手动调整) and this session's. */
function correctionsFor(preview: ImportPreview, edits: Edits): ImportCorrections {
  return {
    mapping: { ...correctionsOf(preview), ...edits.mapping },
    ...(Object.keys(edits.rates).length ? { rates: edits.rates } : {}),
    ...(edits.year ? { year: edits.year } : {}),
  };
}

function toFailure(error: unknown): PreviewFailure {
  const isFinal = isApiError(error) && (error.status === 409 || error.status === 404);
  return { message: errorMessage(error), problems: problemsOf(error), isFinal };
}

/**
 * 导入台账: upload a county's spreadsheet, read the preview (column mapping, sum checks,
 * problems, row by row), correct what was misread, then commit all of it or nothing.
 */
export function ImportPage() {
  const me = useMe();
  const { message } = App.useApp();
  const [step, setStep] = useState<Step>({ kind: 'upload' });
  // The user's corrections in this session; sent whole with every request (the server keeps the last).
  const [edits, setEdits] = useState<Edits>(NO_EDITS);
  const [failure, setFailure] = useState<PreviewFailure | null>(null);
  const [resumingId, setResumingId] = useState<number | null>(null);
  const repreview = useRepreview();
  const commit = useCommitImport();
  const discard = useDiscardImport();

  if (!me.can.editLedger) {
    return <Result status="403" title="无权访问" subTitle="只有重点项目办可以导入台账。" />;
  }

  const start = (preview: ImportPreview) => {
    setStep({ kind: 'preview', preview });
    setEdits(NO_EDITS);
    setFailure(null);
  };
  const restart = () => {
    setStep({ kind: 'upload' });
    setEdits(NO_EDITS);
    setFailure(null);
  };

  const refresh = (preview: ImportPreview, next: Edits) => {
    const before = edits;
    setEdits(next);
    setFailure(null);
    repreview.mutate(
      { id: preview.batchId, corrections: correctionsFor(preview, next) },
      {
        onSuccess: (fresh) => setStep({ kind: 'preview', preview: fresh }),
        onError: (error) => {
          setEdits(before);
          setFailure(toFailure(error));
        },
      },
    );
  };

  const resume = (id: number) => {
    setResumingId(id);
    repreview.mutate(
      { id, corrections: {} },
      {
        onSuccess: start,
        onError: (error) => void message.error(errorMessage(error)),
        onSettled: () => setResumingId(null),
      },
    );
  };

  if (step.kind === 'done') {
    return <div className="page-card"><ImportDone preview={step.preview} onAgain={restart} /></div>;
  }

  if (step.kind === 'preview') {
    const { preview } = step;
    return (
      <ImportPreviewView
        preview={preview}
        pending={edits.mapping}
        rates={edits.rates}
        isRefreshing={repreview.isPending}
        isCommitting={commit.isPending}
        isDiscarding={discard.isPending}
        failure={failure}
        onMap={(index: number, field: ImportField | null) => refresh(preview, { ...edits, mapping: { ...edits.mapping, [String(index)]: field } })}
        onRate={(currency: Currency, rate: string) => refresh(preview, { ...edits, rates: { ...edits.rates, [currency]: rate } })}
        onYear={(year: number) => refresh(preview, { ...edits, year })}
        onCommit={() => {
          setFailure(null);
          const corrections = correctionsFor(preview, edits);
          commit.mutate({ id: preview.batchId, corrections }, {
            onSuccess: (done) => setStep({ kind: 'done', preview: done }),
            onError: (error) => {
              setFailure(toFailure(error));
              // The ledger changed since the preview: show the file as it would import now.
              if (isApiError(error) && error.status === 422) {
                repreview.mutate({ id: preview.batchId, corrections }, { onSuccess: (fresh) => setStep({ kind: 'preview', preview: fresh }) });
              }
            },
          });
        }}
        onDiscard={() => discard.mutate(preview.batchId, {
          onSuccess: () => {
            restart();
            void message.success('已放弃本次导入，上传的文件已删除');
          },
          onError: (error) => {
            if (isApiError(error) && (error.status === 409 || error.status === 404)) {
              restart();
              void message.info(errorMessage(error));
            } else {
              setFailure(toFailure(error));
            }
          },
        })}
        onRestart={restart}
      />
    );
  }

  return (
    <div className="page-card" data-testid="import-page">
      <div className="page-title">
        <Space align="baseline" size={12}>
          <h1>导入台账</h1>
          <Typography.Text type="secondary">上传县里的重点项目台账（Excel），核对预览后一次导入</Typography.Text>
        </Space>
        <Link to="/ledger"><Button icon={<ArrowLeftOutlined />}>返回项目台账</Button></Link>
      </div>
      <UploadPanel onPreview={start} />
      <ImportHistory onResume={resume} resumingId={resumingId} />
    </div>
  );
}

import { useState } from 'react';
import { Alert, App, Select, Space, Spin, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useMe } from '../../app/auth';
import { errorMessage } from '../../app/api-client';
import { RegionSelect } from '../../components/ref-selects';
import { yearOptions } from '../../components/year-select';
import { problemsOf, useUploadLedger } from './api';
import type { ImportPreview } from './types';

/** The server refuses bodies above this (api.md); checked here first so nobody waits for a 413. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
const ACCEPTED = /\.(xlsx|csv)$/i;

/** Why a chosen file cannot be sent, or null when it can. */
export function fileProblem(file: { name: string; size: number }): string | null {
  if (/\.xls$/i.test(file.name)) return '暂不支持旧版 .xls 文件，请在 Excel 中“另存为” .xlsx 后再导入';
  if (!ACCEPTED.test(file.name)) return '只能导入 .xlsx 或 .csv 文件';
  if (file.size === 0) return '文件是空的，请检查后重新选择';
  if (file.size > MAX_UPLOAD_BYTES) return `文件大小 ${(file.size / 1024 / 1024).toFixed(1)} MB，超过 20 MB 的上限，请删去无关的工作表或拆分后再导入`;
  return null;
}

/** Step 1: choose the year and county (when the user's region is above a county), then the file. */
export function UploadPanel({ onPreview }: { onPreview: (preview: ImportPreview) => void }) {
  const me = useMe();
  const { message } = App.useApp();
  const upload = useUploadLedger();
  const [year, setYear] = useState<number | null>(null);
  const [regionCode, setRegionCode] = useState<string | null>(null);
  const isAboveCounty = me.regionLevel !== 'county';

  const send = (file: File) => {
    const problem = fileProblem(file);
    if (problem) {
      void message.error(problem);
      return;
    }
    if (isAboveCounty && !regionCode) {
      void message.warning('请先选择要导入到哪个县（市、区）');
      return;
    }
    upload.mutate({ file, year, regionCode: isAboveCounty ? regionCode : null }, { onSuccess: onPreview });
  };

  const problems = upload.error ? problemsOf(upload.error) : [];
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="import-upload">
      <Space wrap size={16}>
        <Space>
          <span>年度</span>
          <Select<number>
            allowClear
            placeholder="以表中年度为准"
            style={{ width: 150 }}
            value={year ?? undefined}
            onChange={(v) => setYear(v ?? null)}
            options={yearOptions()}
            data-testid="import-year"
          />
        </Space>
        {isAboveCounty && (
          <Space>
            <span>导入到</span>
            <RegionSelect
              value={regionCode}
              onChange={setRegionCode}
              selectable={['county']}
              placeholder="选择县（市、区）"
              style={{ width: 240 }}
              data-testid="import-region"
            />
          </Space>
        )}
      </Space>
      <Spin spinning={upload.isPending} tip="正在读取文件，请稍候…">
        <Upload.Dragger
          accept=".xlsx,.csv"
          multiple={false}
          showUploadList={false}
          disabled={upload.isPending}
          beforeUpload={(file) => {
            send(file);
            return false;
          }}
          data-testid="import-file"
        >
          <p className="ant-upload-drag-icon"><InboxOutlined /></p>
          <p className="ant-upload-text">点击选择或将台账文件拖到此处</p>
          <p className="ant-upload-hint">
            支持 .xlsx、.csv，不超过 20 MB。系统自动识别表头、分组行和小计行，预览核对无误后才写入台账。
          </p>
        </Upload.Dragger>
      </Spin>
      {upload.error && (
        <Alert
          type="error"
          showIcon
          message={errorMessage(upload.error)}
          data-testid="import-upload-error"
          description={problems.length > 0 && (
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {problems.slice(0, 10).map((p, i) => <li key={i}>{p.message}</li>)}
            </ul>
          )}
        />
      )}
      <Typography.Text type="secondary">
        提示：表中的项目先按项目代码与台账匹配，没有代码时按项目名称和项目单位匹配；匹配不到的作为新项目。
      </Typography.Text>
    </Space>
  );
}

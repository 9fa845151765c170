import type { ReactNode } from 'react';
import { Button, Result, Spin } from 'antd';
import { errorMessage, isApiError } from '../app/api-client';

export function FullPageSpin() {
  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center' }}>
      <Spin size="large" />
    </div>
  );
}

export function PageSpin() {
  return (
    <div style={{ padding: 80, display: 'grid', placeItems: 'center' }} data-testid="page-loading">
      <Spin />
    </div>
  );
}

/** A page that could not load: the server's own words, and a way to try again. */
export function LoadError({ error, onRetry, extra }: { error: unknown; onRetry?: () => void; extra?: ReactNode }) {
  const status = isApiError(error) ? error.status : 0;
  const resultStatus = status === 404 ? '404' : status === 403 ? '403' : status >= 500 ? '500' : 'warning';
  const title = status === 404 ? '未找到' : status === 403 ? '无权访问' : '加载失败';
  return (
    <Result
      status={resultStatus}
      title={title}
      subTitle={errorMessage(error)}
      data-testid="load-error"
      extra={
        <>
          {onRetry && status !== 404 && status !== 403 && <Button type="primary" onClick={onRetry}>重试</Button>}
          {extra}
        </>
      }
    />
  );
}

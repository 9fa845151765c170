import { useState } from 'react';
import { Alert, Input, Space, Typography } from 'antd';
import { CURRENCIES, type Currency } from '@tuijin/core';
import type { RateCorrections } from './types';

/** The server's format for a rate (api.md): up to 4 digits, up to 6 decimals. */
const RATE = /^\d{1,4}(\.\d{1,6})?$/;

function RateInput({ currency, value, disabled, onApply }: { currency: Currency; value: string | undefined; disabled: boolean; onApply: (rate: string) => void }) {
  const [draft, setDraft] = useState(value ?? '');
  const trimmed = draft.trim();
  const isValid = trimmed === '' || (RATE.test(trimmed) && Number(trimmed) > 0);
  const apply = () => {
    if (trimmed && isValid && trimmed !== value) onApply(trimmed);
  };
  return (
    <Space direction="vertical" size={2}>
      <Input
        addonBefore={`${CURRENCIES.label[currency] ?? currency} → 人民币 汇率`}
        placeholder="如 7.1"
        inputMode="decimal"
        style={{ width: 260 }}
        value={draft}
        status={isValid ? undefined : 'error'}
        disabled={disabled}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={apply}
        onPressEnter={apply}
        data-testid={`import-rate-${currency}`}
      />
      {!isValid && <Typography.Text type="danger" style={{ fontSize: 12 }}>汇率应为大于 0 的数字，如 7.1</Typography.Text>}
    </Space>
  );
}

/** Foreign-currency amounts are turned into yuan at a rate the user confirms, one per currency. */
export function RateInputs({ currencies, rates, disabled, onApply }: {
  currencies: Currency[];
  rates: RateCorrections;
  disabled: boolean;
  onApply: (currency: Currency, rate: string) => void;
}) {
  if (!currencies.length) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="import-rates"
      message="表中有外币金额，请填写折算为人民币的汇率（输入后按回车或点击别处生效）"
      description={(
        <Space wrap size={16} style={{ marginTop: 4 }}>
          {currencies.map((c) => (
            <RateInput key={c} currency={c} value={rates[c]} disabled={disabled} onApply={(rate) => onApply(c, rate)} />
          ))}
        </Space>
      )}
    />
  );
}

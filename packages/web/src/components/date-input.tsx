import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import type { CSSProperties } from 'react';

// Forms hold dates as the API does ('YYYY-MM-DD', periods 'YYYY-MM'); these adapt DatePicker.

interface Props {
  value?: string | null;
  onChange?: (value: string | null) => void;
  placeholder?: string;
  disabled?: boolean;
  style?: CSSProperties;
  id?: string;
  minDate?: string;
  maxDate?: string;
  'data-testid'?: string;
}

interface MonthProps extends Props {
  /** Months that cannot be picked ('YYYY-MM'), shown greyed in the picker. */
  disabledMonths?: readonly string[];
}

export function DateInput({ value, onChange, placeholder, disabled, style, id, minDate, maxDate, ...rest }: Props) {
  return (
    <DatePicker
      id={id}
      data-testid={rest['data-testid']}
      value={value ? dayjs(value) : null}
      onChange={(d) => onChange?.(d ? d.format('YYYY-MM-DD') : null)}
      placeholder={placeholder ?? '选择日期'}
      disabled={disabled}
      minDate={minDate ? dayjs(minDate) : undefined}
      maxDate={maxDate ? dayjs(maxDate) : undefined}
      style={{ width: '100%', ...style }}
    />
  );
}

export function MonthInput({ value, onChange, placeholder, disabled, style, id, minDate, maxDate, disabledMonths, ...rest }: MonthProps) {
  return (
    <DatePicker
      picker="month"
      id={id}
      data-testid={rest['data-testid']}
      value={value ? dayjs(`${value}-01`) : null}
      onChange={(d) => onChange?.(d ? d.format('YYYY-MM') : null)}
      placeholder={placeholder ?? '选择月份'}
      disabled={disabled}
      minDate={minDate ? dayjs(minDate) : undefined}
      maxDate={maxDate ? dayjs(maxDate) : undefined}
      disabledDate={disabledMonths?.length ? (d) => disabledMonths.includes(d.format('YYYY-MM')) : undefined}
      style={{ width: '100%', ...style }}
    />
  );
}

import { useEffect, useState, type CSSProperties } from 'react';
import { Input } from 'antd';
import type { Rule } from 'antd/es/form';
import { parseAmount, toUnitString, UNIT_LABEL, type MoneyUnit } from '@tuijin/core';

// People type 万元 (as in their spreadsheets); the form holds exact integer yuan. Text that is
// not a number yet is reported as NaN so the field's rule can say what is wrong.

export interface MoneyInputProps {
  value?: number | null;
  onChange?: (yuan: number | null) => void;
  unit?: MoneyUnit;
  /** Shown after the input; defaults to the unit's label (万元); '' shows none. */
  suffix?: string;
  placeholder?: string;
  disabled?: boolean;
  style?: CSSProperties;
  id?: string;
  'data-testid'?: string;
}

/** Decimals down to one yuan in each unit. */
const PRECISION: Record<MoneyUnit, number> = { yuan: 0, wan: 4, yi: 8 };

function textOf(value: number | null | undefined, unit: MoneyUnit): string {
  return value == null || Number.isNaN(value) ? '' : toUnitString(value, unit);
}

export function MoneyInput({ value, onChange, unit = 'wan', suffix, placeholder, disabled, style, id, ...rest }: MoneyInputProps) {
  const [text, setText] = useState(() => textOf(value, unit));

  // Follow outside changes (form reset, loaded data) without fighting what is being typed.
  useEffect(() => {
    if (value != null && Number.isNaN(value)) return;
    const typed = text.trim() === '' ? null : parseAmount(text, unit);
    if (typed !== (value ?? null)) setText(textOf(value, unit));
  }, [value, unit]);

  const handleChange = (next: string) => {
    setText(next);
    if (next.trim() === '') return onChange?.(null);
    // Money is kept to the yuan: more decimals than that would be rounded away unseen.
    const decimals = /[.．](\d*)/.exec(next.normalize('NFKC'))?.[1]?.length ?? 0;
    if (decimals > PRECISION[unit]) return onChange?.(Number.NaN);
    onChange?.(parseAmount(next, unit) ?? Number.NaN);
  };

  return (
    <Input
      id={id}
      data-testid={rest['data-testid']}
      value={text}
      inputMode="decimal"
      autoComplete="off"
      disabled={disabled}
      placeholder={placeholder}
      suffix={suffix === '' ? undefined : <span style={{ color: '#8c8c8c' }}>{suffix ?? UNIT_LABEL[unit]}</span>}
      style={{ textAlign: 'right', ...style }}
      onChange={(e) => handleChange(e.target.value)}
    />
  );
}

/** Form rules for a MoneyInput: a number, not negative, and present when required. */
export function moneyRules(label: string, options: { required?: boolean } = {}): Rule[] {
  return [
    {
      validator: (_rule, value: number | null | undefined) => {
        if (value == null) {
          return options.required ? Promise.reject(new Error(`请填写${label}`)) : Promise.resolve();
        }
        if (Number.isNaN(value)) return Promise.reject(new Error(`${label}应为数字（精确到元，万元最多 4 位小数），如 1250.5`));
        if (value < 0) return Promise.reject(new Error(`${label}不能为负数`));
        return Promise.resolve();
      },
    },
  ];
}

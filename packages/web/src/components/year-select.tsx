import { Select } from 'antd';
import { chinaYear, chinaDate } from '@tuijin/core';

export function currentYear(): number {
  return chinaYear(new Date());
}

/** Today's calendar date in China, 'YYYY-MM-DD'. */
export function today(): string {
  return chinaDate(new Date());
}

/** The years an office looks at: a few back for comparison, one ahead for planning. */
export function yearOptions(around = currentYear()): { value: number; label: string }[] {
  const years: number[] = [];
  for (let y = around + 1; y >= around - 5; y--) years.push(y);
  return years.map((y) => ({ value: y, label: `${y} 年` }));
}

export function YearSelect({ value, onChange, testId, width = 110 }: { value: number; onChange: (year: number) => void; testId?: string; width?: number }) {
  const options = yearOptions();
  const withValue = options.some((o) => o.value === value) ? options : [{ value, label: `${value} 年` }, ...options];
  return <Select data-testid={testId} value={value} onChange={onChange} options={withValue} style={{ width }} />;
}

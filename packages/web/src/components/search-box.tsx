import { useEffect, useRef, useState } from 'react';
import { Input } from 'antd';
import { SearchOutlined } from '@ant-design/icons';

/** Types into the URL after a short pause, so a list follows the search without a button. */
export function SearchBox({ value, onChange, placeholder, width = 220, testId }: { value: string; onChange: (q: string) => void; placeholder: string; width?: number; testId?: string }) {
  const [text, setText] = useState(value);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => setText(value), [value]);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const push = (q: string, delay: number) => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => onChange(q.trim()), delay);
  };
  return (
    <Input
      allowClear
      prefix={<SearchOutlined style={{ color: '#bfbfbf' }} />}
      placeholder={placeholder}
      value={text}
      style={{ width, maxWidth: '100%' }}
      data-testid={testId}
      onChange={(e) => { setText(e.target.value); push(e.target.value, 400); }}
      onPressEnter={() => push(text, 0)}
    />
  );
}

import { Flex, InputNumber, Radio } from 'antd';

// 相似照片阈值: how far (in bits of the photo's fingerprint, 0–20) a new photo may differ from
// one already used and still count as a copy of it. The presets name how strict the check is:
// 严格 catches re-shot and edited copies too (more photos questioned), 宽松 only near-identical ones.

export const HASH_PRESETS = [
  { value: 10, label: '严格', hint: '差异不超过 10 即视为重复：同一角度重拍的相近照片也会被判为重复' },
  { value: 6, label: '标准', hint: '差异不超过 6 即视为重复：推荐' },
  { value: 3, label: '宽松', hint: '差异不超过 3 才视为重复：只有几乎相同的照片才被判为重复' },
] as const;

/** The three presets side by side, and below them the number itself for any other value. */
export function HashThresholdInput({ value, onChange, id }: { value?: number | null; onChange?: (value: number | null) => void; id?: string }) {
  const preset = HASH_PRESETS.find((p) => p.value === value);
  return (
    <Flex vertical gap={8}>
      <Radio.Group
        optionType="button"
        value={preset?.value}
        onChange={(e) => onChange?.(Number(e.target.value))}
        style={{ display: 'flex' }}
        options={HASH_PRESETS.map((p) => ({ value: p.value, label: `${p.label}（${p.value}）`, title: p.hint, style: { flex: 1, textAlign: 'center', paddingInline: 4 } }))}
        data-testid="settings-hash-preset"
      />
      <InputNumber id={id} min={0} max={20} precision={0} value={value} onChange={(v) => onChange?.(v)} addonBefore="数值" style={{ width: '100%' }} aria-label="相似照片阈值" data-testid="settings-maxHashDistance" />
    </Flex>
  );
}

/** What the value in force means, in a sentence under the field. */
export function hashThresholdHint(value: number | null | undefined): string {
  const preset = HASH_PRESETS.find((p) => p.value === value);
  if (preset) return preset.hint;
  if (value === 0) return '0：只有完全相同的照片才视为重复';
  return value == null ? '' : `差异不超过 ${value} 即视为重复（0–20，数值越大，越多相似照片被判为重复）`;
}

import { useState } from 'react';
import { Button, Form, Input, Table, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PictureOutlined } from '@ant-design/icons';
import type { BulletinPhoto, BulletinSection, BulletinTable } from '@tuijin/core';
import { DateInput } from '../../components/date-input';
import { pairKey, PhotoPickerModal, Thumb } from './photo-picker-modal';
import type { BulletinEdit } from './use-bulletin-edit';

// The left pane: the 版头 fields, each section's words (its tables beneath, read-only: they come
// from the month's data and change only by 重新生成), and the photo comparisons to print.

function ReadOnlyTable({ table, testId }: { table: BulletinTable; testId: string }) {
  const rows = table.rows.map((cells, i) => ({ key: i, cells }));
  return (
    <div className="bulletin-editor-table" data-testid={testId}>
      {table.title && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{table.title}</Typography.Text>}
      <Table
        size="small"
        bordered
        pagination={false}
        dataSource={rows}
        scroll={{ x: 'max-content', y: rows.length > 8 ? 260 : undefined }}
        columns={table.columns.map((title, i) => ({
          title, key: i, align: table.numeric[i] ? 'right' : 'left',
          className: table.numeric[i] ? 'num' : undefined,
          render: (_v: unknown, r: { cells: string[] }) => r.cells[i],
        }))}
      />
    </div>
  );
}

function PhotoRow({ photo, index, count, onChange, onMove, onRemove }: {
  photo: BulletinPhoto; index: number; count: number;
  onChange: (caption: string) => void; onMove: (by: -1 | 1) => void; onRemove: () => void;
}) {
  return (
    <div className="bulletin-photo-row" data-testid="bulletin-photo">
      <div className="bulletin-pair">
        <Thumb mediaId={photo.before.mediaId} period={photo.before.period} tag="前" />
        <Thumb mediaId={photo.after.mediaId} period={photo.after.period} tag="后" />
      </div>
      <div className="bulletin-photo-fields">
        <Typography.Text strong>{index + 1}. {photo.projectName}{photo.pointName ? ` · ${photo.pointName}` : ''}</Typography.Text>
        <Input value={photo.caption} maxLength={100} placeholder="图片说明" onChange={(e) => onChange(e.target.value)} data-testid="bulletin-photo-caption" />
        <div>
          <Button size="small" type="text" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => onMove(-1)} aria-label="上移" />
          <Button size="small" type="text" icon={<ArrowDownOutlined />} disabled={index === count - 1} onClick={() => onMove(1)} aria-label="下移" />
          <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={onRemove} data-testid="bulletin-photo-remove">移除</Button>
        </div>
      </div>
    </div>
  );
}

function PhotoChoices({ edit, candidates }: { edit: BulletinEdit; candidates: BulletinPhoto[] }) {
  const [isPicking, setPicking] = useState(false);
  const { photos, setPhotos } = edit;
  const move = (at: number, by: -1 | 1) => setPhotos((now) => {
    const next = [...now];
    [next[at], next[at + by]] = [next[at + by]!, next[at]!];
    return next;
  });
  return (
    <div className="bulletin-editor-photos" data-testid="bulletin-photos">
      {photos.length === 0 && <Typography.Paragraph type="secondary">尚未选择影像对比。</Typography.Paragraph>}
      {photos.map((p, i) => (
        <PhotoRow
          key={pairKey(p)} photo={p} index={i} count={photos.length}
          onChange={(caption) => setPhotos((now) => now.map((q, j) => (j === i ? { ...q, caption } : q)))}
          onMove={(by) => move(i, by)}
          onRemove={() => setPhotos((now) => now.filter((_q, j) => j !== i))}
        />
      ))}
      <Button icon={<PictureOutlined />} onClick={() => setPicking(true)} data-testid="bulletin-photo-pick">更换/添加影像对比</Button>
      {isPicking && <PhotoPickerModal chosen={photos} candidates={candidates} onOk={(next) => { setPhotos(next); setPicking(false); }} onClose={() => setPicking(false)} />}
    </div>
  );
}

function SectionField({ section, index, onFocus }: { section: BulletinSection; index: number; onFocus: () => void }) {
  return (
    <div className="bulletin-editor-section" data-testid={`bulletin-section-${section.key}`}>
      <div className="bulletin-editor-heading">{section.heading}</div>
      <Form.Item name={['sections', index, 'text']} rules={[{ max: 6000, message: '不能超过 6000 个字' }]} style={{ marginBottom: 8 }}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 18 }} onFocus={onFocus} data-testid={`bulletin-text-${section.key}`} />
      </Form.Item>
      {section.tables.map((t, i) => <ReadOnlyTable key={i} table={t} testId={`bulletin-table-${section.key}`} />)}
    </div>
  );
}

export function BulletinEditor({ edit, sections, candidates, onFocusSection }: {
  edit: BulletinEdit;
  sections: BulletinSection[];
  candidates: BulletinPhoto[];
  onFocusSection: (key: string) => void;
}) {
  const hasPhotoSection = sections.some((s) => s.key === 'photos');
  return (
    <Form form={edit.form} layout="vertical" initialValues={edit.values} className="bulletin-editor" data-testid="bulletin-editor">
      <div className="page-card bulletin-editor-card">
        <h2 className="bulletin-editor-card-title">版头</h2>
        <Form.Item name="title" label="标题" rules={[{ required: true, whitespace: true, message: '请填写标题' }, { max: 120, message: '不能超过 120 个字' }]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} onFocus={() => onFocusSection('title')} data-testid="bulletin-title-input" />
        </Form.Item>
        <div className="bulletin-editor-grid">
          <Form.Item name="docNo" label="文号" rules={[{ max: 40, message: '不能超过 40 个字' }]}>
            <Input placeholder="如：示重点办〔2026〕11号" onFocus={() => onFocusSection('title')} data-testid="bulletin-docno-input" />
          </Form.Item>
          <Form.Item name="issuedOn" label="印发日期" rules={[{ required: true, message: '请选择印发日期' }]}>
            <DateInput data-testid="bulletin-issued-on" />
          </Form.Item>
        </div>
        <Form.Item name="issuer" label="发文机关" rules={[{ required: true, whitespace: true, message: '请填写发文机关' }, { max: 60, message: '不能超过 60 个字' }]} style={{ marginBottom: 0 }}>
          <Input onFocus={() => onFocusSection('title')} data-testid="bulletin-issuer-input" />
        </Form.Item>
      </div>
      <div className="page-card bulletin-editor-card">
        <h2 className="bulletin-editor-card-title">正文</h2>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: -8 }}>
          段落之间空一行。表格随本月数据生成，不能手工修改；数据有变化时请「重新生成」。
        </Typography.Paragraph>
        {sections.map((s, i) => (
          <div key={s.key}>
            <SectionField section={s} index={i} onFocus={() => onFocusSection(s.key)} />
            {s.key === 'photos' && <PhotoChoices edit={edit} candidates={candidates} />}
          </div>
        ))}
      </div>
      {!hasPhotoSection && (
        <div className="page-card bulletin-editor-card">
          <h2 className="bulletin-editor-card-title">影像对比</h2>
          <PhotoChoices edit={edit} candidates={candidates} />
        </div>
      )}
    </Form>
  );
}

import { Alert, Button, Grid, Modal, Table, Tag, Typography } from 'antd';
import { FIELD_LABEL, formatField, REPORT_FIELDS, toFields, toFormValues, type ReportField } from './report-values';
import { isToDo } from './report-status';
import type { ReportConflict } from './use-report-edit';

interface Row {
  field: ReportField;
  base: unknown;
  current: unknown;
  mine: unknown;
  isMine: boolean;
  isTheirs: boolean;
}

function rowsOf(conflict: ReportConflict): Row[] {
  const base = toFields(toFormValues(conflict.base));
  const current = toFields(toFormValues(conflict.current));
  const rows: Row[] = [];
  for (const field of REPORT_FIELDS) {
    const isMine = field in conflict.mine;
    const isTheirs = JSON.stringify(base[field] ?? null) !== JSON.stringify(current[field] ?? null);
    if (isMine || isTheirs) rows.push({ field, base: base[field], current: current[field], mine: conflict.mine[field], isMine, isTheirs });
  }
  return rows;
}

/**
 * A stale save (409): someone saved or sent this report after the person opened it. Nothing
 * was overwritten; the person sees both versions and chooses how to go on.
 */
export function ReportConflictModal({ conflict, onResolve, onCancel }: {
  conflict: ReportConflict | null;
  onResolve: (keepMine: boolean) => void;
  onCancel: () => void;
}) {
  const rows = conflict ? rowsOf(conflict) : [];
  // A phone has no room for four columns: each changed item becomes a small card instead.
  const isNarrow = Grid.useBreakpoint().md === false;
  const current = conflict?.current;
  // Sent or approved meanwhile: there is nothing left to edit, only the latest to read.
  const isStillEditable = current ? current.canEdit && isToDo(current) : false;
  const show = (value: unknown, field: ReportField) => (current ? formatField(field, value, current) : '—');
  // A draft kept in this browser from an older version: the person must choose; closing the
  // dialog would leave the draft neither restored nor dropped.
  const isDraft = conflict?.source === 'draft';
  const notice = isDraft
    ? { message: '您上次有未保存的内容（保存在本机），但此月报之后已被他人修改。为避免覆盖他人的内容，未自动恢复。', description: '请对照以下内容：可以放弃您上次的内容，或载入最新内容后恢复您修改过的项目，核对后保存。' }
    : { message: '您打开此月报后，有其他人保存了修改。为避免覆盖他人的内容，本次保存未执行。', description: '请对照以下内容：可以放弃您的修改并载入最新内容，或载入最新内容后保留您修改过的项目，核对后再次保存。' };
  return (
    <Modal
      open={conflict != null}
      title={isDraft ? '恢复未保存的内容' : '月报已被他人修改'}
      width={900}
      onCancel={onCancel}
      closable={!isDraft}
      keyboard={!isDraft}
      maskClosable={false}
      data-testid="report-conflict"
      data-source={conflict?.source}
      footer={isStillEditable ? [
        ...(isDraft ? [] : [<Button key="cancel" onClick={onCancel}>返回编辑</Button>]),
        <Button key="keep" onClick={() => onResolve(true)} data-testid="report-conflict-keep">{isDraft ? '载入最新内容并恢复我的修改' : '载入最新内容并保留我的修改'}</Button>,
        <Button key="reload" type="primary" onClick={() => onResolve(false)} data-testid="report-conflict-reload">{isDraft ? '放弃我上次的内容，载入最新内容' : '放弃我的修改，载入最新内容'}</Button>,
      ] : [
        <Button key="reload" type="primary" onClick={() => onResolve(false)} data-testid="report-conflict-reload">载入最新内容</Button>,
      ]}
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        message={isStillEditable ? notice.message : `此月报已${current?.statusLabel ?? '变更'}，不能再修改。`}
        description={isStillEditable ? notice.description : '请载入最新内容查看。'}
      />
      {isNarrow ? (
        <div style={{ display: 'grid', gap: 8 }}>
          {rows.map((r) => (
            <div key={r.field} className="upload-row">
              <div style={{ fontWeight: 600 }}>{FIELD_LABEL[r.field]} {r.isMine && r.isTheirs && <Tag color="red" bordered={false}>双方都改了</Tag>}</div>
              <div style={{ color: r.isTheirs ? '#d46b08' : undefined }}>当前内容：{show(r.current, r.field)}</div>
              <div>{r.isMine ? <>您的修改：<strong>{show(r.mine, r.field)}</strong></> : <Typography.Text type="secondary">您未修改此项</Typography.Text>}</div>
            </div>
          ))}
        </div>
      ) : (
        <Table<Row>
          size="small"
          bordered
          pagination={false}
          rowKey="field"
          dataSource={rows}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: '双方修改的内容相同，载入最新内容后即可继续。' }}
          columns={[
            {
              title: '项目', key: 'field', width: 140,
              render: (_v, r) => <>{FIELD_LABEL[r.field]} {r.isMine && r.isTheirs && <Tag color="red" bordered={false}>双方都改了</Tag>}</>,
            },
            { title: isDraft ? '您上次打开时' : '您打开时', key: 'base', render: (_v, r) => <Typography.Text type="secondary">{show(r.base, r.field)}</Typography.Text> },
            { title: '当前内容（他人保存后）', key: 'current', render: (_v, r) => <span style={{ color: r.isTheirs ? '#d46b08' : undefined }}>{show(r.current, r.field)}</span> },
            { title: isDraft ? '您未保存的修改' : '您的修改', key: 'mine', render: (_v, r) => (r.isMine ? <strong>{show(r.mine, r.field)}</strong> : <Typography.Text type="secondary">未修改</Typography.Text>) },
          ]}
        />
      )}
    </Modal>
  );
}

import { Alert, Button, Modal, Table, Tag, Typography } from 'antd';
import { fieldLabel, formatFieldValue, useNameOf } from './field-format';
import { isSameValue, type EditableField, type EditableFields } from './form-values';

export interface ConflictState {
  /** The record as it was when editing began. */
  base: Partial<EditableFields>;
  /** What the person changed. */
  mine: Partial<EditableFields>;
  /** The record as the server holds it now (details.current of the 409). */
  current: Record<string, unknown> | null;
  fields: readonly EditableField[];
}

interface Row {
  field: EditableField;
  base: unknown;
  current: unknown;
  mine: unknown;
  isMine: boolean;
  isTheirs: boolean;
}

function rowsOf(conflict: ConflictState): Row[] {
  const rows: Row[] = [];
  for (const field of conflict.fields) {
    const isMine = field in conflict.mine;
    const hasCurrent = conflict.current != null && field in conflict.current;
    const current = hasCurrent ? conflict.current?.[field] : undefined;
    const isTheirs = hasCurrent && !isSameValue(conflict.base[field], current);
    if (isMine || isTheirs) {
      rows.push({ field, base: conflict.base[field], current, mine: conflict.mine[field], isMine, isTheirs });
    }
  }
  return rows;
}

/**
 * A stale save (409): someone saved this project after the person opened it. Nothing is
 * overwritten; the person sees both versions and chooses how to continue.
 */
export function ConflictModal({ conflict, onReload, onKeepMine, onCancel, isLoading }: {
  conflict: ConflictState | null;
  onReload: () => void;
  onKeepMine: () => void;
  onCancel: () => void;
  isLoading: boolean;
}) {
  const nameOf = useNameOf();
  const rows = conflict ? rowsOf(conflict) : [];
  const show = (row: Row, value: unknown) => formatFieldValue(row.field, value, nameOf);
  return (
    <Modal
      open={conflict != null}
      title="该记录已被他人修改"
      width={900}
      onCancel={onCancel}
      maskClosable={false}
      data-testid="conflict-modal"
      footer={[
        <Button key="cancel" onClick={onCancel}>返回编辑</Button>,
        <Button key="keep" onClick={onKeepMine} loading={isLoading} data-testid="conflict-keep-mine">载入最新内容并保留我的修改</Button>,
        <Button key="reload" type="primary" onClick={onReload} loading={isLoading} data-testid="conflict-reload">放弃我的修改，载入最新内容</Button>,
      ]}
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        message="您打开此项目后，有其他人保存了修改。为避免覆盖他人的内容，本次保存未执行。"
        description="请对照下表：可以放弃您的修改并载入最新内容，或载入最新内容后保留您修改过的字段，核对后再次保存。"
      />
      <Table<Row>
        size="small"
        bordered
        pagination={false}
        rowKey="field"
        dataSource={rows}
        locale={{ emptyText: '未能取得对方修改的具体内容，请载入最新内容后核对。' }}
        columns={[
          {
            title: '字段', key: 'field', width: 160,
            render: (_v, r) => (
              <>
                {fieldLabel(r.field)}{' '}
                {r.isMine && r.isTheirs && <Tag color="red" bordered={false}>双方都改了</Tag>}
              </>
            ),
          },
          { title: '您打开时', key: 'base', render: (_v, r) => <Typography.Text type="secondary">{show(r, r.base)}</Typography.Text> },
          {
            title: '当前内容（他人保存后）', key: 'current',
            render: (_v, r) => (conflict?.current ? <span style={{ color: r.isTheirs ? '#d46b08' : undefined }}>{show(r, r.current)}</span> : '—'),
          },
          { title: '您的修改', key: 'mine', render: (_v, r) => (r.isMine ? <strong>{show(r, r.mine)}</strong> : <Typography.Text type="secondary">未修改</Typography.Text>) },
        ]}
      />
    </Modal>
  );
}

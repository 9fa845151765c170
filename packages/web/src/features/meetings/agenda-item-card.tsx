import { Button, Card, Space, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, FormOutlined, PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { ActionStatusTag, DeadlineText, SourceTag } from './meeting-tags';
import type { MeetingItem, MeetingView } from './types';

// One agenda item: where it came from and why it is there (the facts), what was reported and
// decided, and the action items hanging from it; the office's buttons while the meeting is open.

export interface ItemHandlers {
  onEdit: (item: MeetingItem, focus?: 'minutes') => void;
  onMove: (item: MeetingItem, by: -1 | 1) => void;
  onRemove: (item: MeetingItem) => void;
  onAddAction: (item: MeetingItem) => void;
  /** 联席会议交办 a new obstacle on the item's project (while the meeting is held). */
  onRaiseObstacle: (item: MeetingItem) => void;
}

const linkText: Record<string, string> = { obstacle: '查看问题', warning: '查看项目', action: '查看项目', other: '查看项目' };

export function AgendaItemCard({ meeting, item, index, handlers }: { meeting: MeetingView; item: MeetingItem; index: number; handlers: ItemHandlers }) {
  const canEdit = meeting.canEdit;
  const isHeld = meeting.status !== 'draft';
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      data-testid="agenda-item"
      title={
        <Space size={8} align="start" style={{ whiteSpace: 'normal' }}>
          <span className="num" style={{ fontWeight: 600 }}>{index + 1}.</span>
          <span style={{ fontWeight: 600 }} data-testid="agenda-item-title">{item.title}</span>
        </Space>
      }
      extra={
        <Space size={4} wrap={false}>
          <SourceTag source={item.source} label={item.sourceLabel} />
          {item.isEdited && item.source !== 'other' && <Tooltip title="名称或背景已手工修改，重新生成议程时保留"><Typography.Text type="secondary" style={{ fontSize: 12 }}>已修改</Typography.Text></Tooltip>}
        </Space>
      }
    >
      {item.background && (
        <Typography.Paragraph style={{ marginBottom: 8 }} data-testid="agenda-item-background">
          <Typography.Text type="secondary">{item.source === 'other' ? '背景：' : '上会原因：'}</Typography.Text>{item.background}
          {item.link && <> <Link to={item.link} style={{ whiteSpace: 'nowrap' }} data-testid="agenda-item-link">{linkText[item.source] ?? '查看'}</Link></>}
        </Typography.Paragraph>
      )}
      {isHeld && (
        <div style={{ background: '#fafafa', borderRadius: 6, padding: '8px 12px', marginBottom: 8 }} data-testid="agenda-item-minutes">
          <div><Typography.Text strong>汇报情况：</Typography.Text>{item.reported ? `${item.reporter ? `${item.reporter}：` : ''}${item.reported}` : <Typography.Text type="secondary">未记录</Typography.Text>}</div>
          <div style={{ marginTop: 4 }}><Typography.Text strong>会议议定：</Typography.Text>{item.decided ?? <Typography.Text type="secondary">未记录</Typography.Text>}</div>
        </div>
      )}
      {!isHeld && item.reporter && <div style={{ marginBottom: 8 }}><Typography.Text type="secondary">汇报人：</Typography.Text>{item.reporter}</div>}
      {item.actions.length > 0 && (
        <ul style={{ margin: '0 0 8px', paddingLeft: 18 }}>
          {item.actions.map((a) => (
            <li key={a.id} style={{ marginBottom: 2 }}>
              <Space size={6} wrap>
                <span>督办：{a.description}</span>
                <Typography.Text type="secondary">{[a.ownerOrgName, a.ownerPersonName].filter(Boolean).join(' ')}</Typography.Text>
                <DeadlineText action={a} />
                <ActionStatusTag action={a} />
              </Space>
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <Space size={4} wrap>
          {isHeld && <Button size="small" type="primary" ghost icon={<FormOutlined />} onClick={() => handlers.onEdit(item, 'minutes')} data-testid="agenda-item-minutes-edit">记录汇报和议定</Button>}
          <Button size="small" icon={<EditOutlined />} onClick={() => handlers.onEdit(item)} data-testid="agenda-item-edit">编辑</Button>
          <Button size="small" icon={<PlusOutlined />} onClick={() => handlers.onAddAction(item)} data-testid="agenda-item-add-action">督办事项</Button>
          {isHeld && item.projectId != null && <Button size="small" icon={<PlusOutlined />} onClick={() => handlers.onRaiseObstacle(item)} data-testid="agenda-item-raise-obstacle">登记问题</Button>}
          <Button size="small" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => handlers.onMove(item, -1)} aria-label="上移" data-testid="agenda-item-up" />
          <Button size="small" icon={<ArrowDownOutlined />} disabled={index === meeting.items.length - 1} onClick={() => handlers.onMove(item, 1)} aria-label="下移" data-testid="agenda-item-down" />
          <Button size="small" danger icon={<DeleteOutlined />} onClick={() => handlers.onRemove(item)} data-testid="agenda-item-remove">移出</Button>
        </Space>
      )}
    </Card>
  );
}

import { Badge, Button, Empty, Flex, List, Popover, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { api } from '../../app/api-client';
import { dateTime } from '../../components/format';

interface Notice { id: number; kind: string; title: string; body: string | null; link: string | null; createdAt: string; readAt: string | null }

/** 消息: reminders to report, reports waiting for review, reports returned or approved. */
export function NotificationBell() {
  const client = useQueryClient();
  const navigate = useNavigate();
  const { data } = useQuery({
    queryKey: ['notifications'],
    queryFn: () => api.get<{ items: Notice[]; unread: number }>('/notifications'),
    refetchInterval: 60_000,
  });
  const markRead = useMutation({
    mutationFn: (ids: number[] | 'all') => api.post<{ unread: number }>('/notifications/read', { ids }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['notifications'] }),
  });
  const items = data?.items ?? [];
  const open = (n: Notice) => {
    if (!n.readAt) markRead.mutate([n.id]);
    if (n.link) navigate(n.link);
  };
  const content = (
    // On a 390-px phone the list takes the screen's width less a margin, and scrolls within itself.
    <div className="notification-list" data-testid="notification-list">
      {items.length === 0 ? <Empty description="暂无消息" image={Empty.PRESENTED_IMAGE_SIMPLE} /> : (
        <List
          size="small"
          dataSource={items.slice(0, 20)}
          renderItem={(n) => (
            <List.Item onClick={() => open(n)} style={{ cursor: n.link ? 'pointer' : 'default', opacity: n.readAt ? 0.6 : 1 }}>
              <List.Item.Meta
                title={<Typography.Text strong={!n.readAt} className="notification-title">{n.title}</Typography.Text>}
                description={<>{n.body && <div>{n.body}</div>}<Typography.Text type="secondary" style={{ fontSize: 12 }}>{dateTime(n.createdAt)}</Typography.Text></>}
              />
            </List.Item>
          )}
        />
      )}
    </div>
  );
  const title = (
    <Flex justify="space-between" align="center" gap={8}>
      消息
      {(data?.unread ?? 0) > 0 && <Button type="link" size="small" onClick={() => markRead.mutate('all')} style={{ paddingInline: 0 }}>全部标为已读</Button>}
    </Flex>
  );
  return (
    // 'bottom' (not bottomRight): only the centred placements shift sideways to stay on screen,
    // and on a phone the bell sits left of the user name, far from the edge.
    <Popover content={content} title={title} trigger="click" placement="bottom">
      {/* The count sits right of the bell (not over it), with room before the user's name. */}
      <Badge count={data?.unread ?? 0} size="small" offset={[6, 2]} className="notification-badge">
        <Button type="text" size="small" icon={<BellOutlined />} aria-label="消息" data-testid="notification-bell" />
      </Badge>
    </Popover>
  );
}

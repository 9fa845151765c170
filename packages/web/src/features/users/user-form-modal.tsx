import { App, Button, Col, Form, Input, Row, Select, Space, Switch } from 'antd';
import { ROLES, type Role } from '@tuijin/core';
import { useMe } from '../../app/auth';
import { changedValues } from '../../components/changed-values';
import { OrgSelect, PersonSelect, RegionSelect } from '../../components/ref-selects';
import { SaveDialog, useDialogSave } from '../../components/save-dialog';
import { generatePassword, useCreateUser, useUpdateUser, type User, type UserCreateValues, type UserUpdateValues } from './api';

type Values = UserCreateValues & { disabled?: boolean };

const FIELDS = ['username', 'displayName', 'role', 'regionCode', 'orgId', 'personId', 'password', 'disabled'];

/** Roles tied to a unit: a department clerk or a company's reporter sees only its own projects. */
const ORG_ROLES: readonly Role[] = ['department', 'reporter'];

export function UserFormModal({ user, onClose, onCreated }: { user: User | null; onClose: () => void; onCreated: (username: string, password: string) => void }) {
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const create = useCreateUser();
  const update = useUpdateUser();
  const { errors, run } = useDialogSave(form, { fields: FIELDS }, onClose);
  const role = Form.useWatch('role', form);

  const submit = (v: Values) => run(async () => {
    if (user) {
      const after: UserUpdateValues = {
        displayName: v.displayName.trim(), role: v.role, regionCode: v.regionCode,
        orgId: v.orgId ?? null, personId: v.personId ?? null, disabled: v.disabled ?? false,
      };
      const body = changedValues<UserUpdateValues>(user, after);
      if (Object.keys(body).length) await update.mutateAsync({ id: user.id, version: user.version, values: body });
      message.success('已保存');
      onClose();
      return;
    }
    await create.mutateAsync({ ...v, username: v.username.trim(), displayName: v.displayName.trim(), orgId: v.orgId ?? null, personId: v.personId ?? null });
    onClose();
    onCreated(v.username.trim(), v.password);
  });

  return (
    <SaveDialog
      title={user ? `编辑用户：${user.username}` : '新增用户'}
      testId="user"
      width={680}
      saving={create.isPending || update.isPending}
      errors={errors}
      onSave={() => form.submit()}
      onClose={onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={user ?? { role: 'viewer', regionCode: me.regionCode, password: generatePassword() }}
      >
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="username"
              label="用户名"
              rules={[{ required: true, message: '请填写用户名' }, { pattern: /^[A-Za-z0-9_.@-]{3,40}$/, message: '用户名为 3–40 位字母、数字或 _ . @ -' }]}
            >
              <Input disabled={user != null} autoComplete="off" data-testid="user-username" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="displayName" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }, { max: 50, message: '不能超过 50 个字' }]}>
              <Input data-testid="user-display-name" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]} extra="系统管理员、安全管理员、安全审计员（三员）互相分离，一个账号只能担任其一。">
              <Select options={ROLES.options} data-testid="user-role" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="regionCode" label="所属地区" rules={[{ required: true, message: '请选择所属地区' }]}>
              <RegionSelect />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="orgId"
              label="所属单位"
              rules={[{ required: role != null && ORG_ROLES.includes(role), message: '责任单位和项目单位填报员必须指定所属单位' }]}
            >
              <OrgSelect kind={role === 'reporter' ? 'company' : role === 'department' ? 'department' : undefined} currentLabel={user?.orgName} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="personId" label="对应人员" extra="县级领导账号请关联其人员档案，以便查看其包保项目">
              <PersonSelect />
            </Form.Item>
          </Col>
          {user ? (
            <Col span={12}>
              <Form.Item name="disabled" label="停用账号" valuePropName="checked">
                <Switch checkedChildren="停用" unCheckedChildren="启用" />
              </Form.Item>
            </Col>
          ) : (
            <Col span={24}>
              <Form.Item label="初始密码" required extra="用户首次登录后须修改密码。保存后将再显示一次，请交给用户。">
                <Space.Compact style={{ width: '100%' }}>
                  <Form.Item name="password" noStyle rules={[{ required: true, message: '请设置初始密码' }]}>
                    <Input autoComplete="new-password" data-testid="user-password" />
                  </Form.Item>
                  <Button onClick={() => form.setFieldValue('password', generatePassword())}>重新生成</Button>
                </Space.Compact>
              </Form.Item>
            </Col>
          )}
        </Row>
      </Form>
    </SaveDialog>
  );
}

import { useState } from 'react';
import { Button, Flex, Space } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { ConflictModal } from './conflict-modal';
import { toFormValues, type ProjectSection } from './form-values';
import { ProjectForm } from './project-form';
import { SectionView } from './project-view';
import type { ProjectDetail } from './types';
import { useProjectEdit } from './use-project-edit';

function SectionEditor({ snapshot, section, onDone }: { snapshot: ProjectDetail; section: ProjectSection; onDone: () => void }) {
  const edit = useProjectEdit(snapshot, [section], onDone);
  return (
    <>
      <ProjectForm
        form={edit.form}
        sections={[section]}
        detail={edit.base}
        initialValues={toFormValues(snapshot)}
        onFinish={(values) => void edit.save(values)}
        errors={edit.errors}
      />
      <Flex justify="flex-end" gap={8} style={{ position: 'sticky', bottom: 0, background: '#fff', padding: '12px 0', borderTop: '1px solid #f0f0f0' }}>
        <Button onClick={onDone} disabled={edit.isSaving}>取消</Button>
        <Button type="primary" onClick={() => edit.form.submit()} loading={edit.isSaving} data-testid="project-form-save">保存</Button>
      </Flex>
      <ConflictModal
        conflict={edit.conflict}
        isLoading={edit.isReloading}
        onCancel={edit.dismissConflict}
        onReload={() => void edit.reload(false)}
        onKeepMine={() => void edit.reload(true)}
      />
    </>
  );
}

/** One editable group of project fields: read view, and the form when 编辑 is pressed. */
export function SectionTab({ detail, section }: { detail: ProjectDetail; section: ProjectSection }) {
  // The record as it was when editing began; kept while editing even if the page refreshes.
  const [snapshot, setSnapshot] = useState<ProjectDetail | null>(null);
  if (snapshot) return <SectionEditor snapshot={snapshot} section={section} onDone={() => setSnapshot(null)} />;
  return (
    <>
      {detail.canEdit && (
        <Flex justify="flex-end" style={{ marginBottom: 12 }}>
          <Space>
            <Button icon={<EditOutlined />} onClick={() => setSnapshot(detail)} data-testid={`edit-${section}`}>编辑</Button>
          </Space>
        </Flex>
      )}
      <SectionView detail={detail} section={section} />
    </>
  );
}

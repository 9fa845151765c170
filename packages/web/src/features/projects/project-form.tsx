import type { ReactNode } from 'react';
import { Alert, Form, Typography, type FormInstance } from 'antd';
import { BasicSection } from './form-section-basic';
import { CommitmentsSection, DutySection } from './form-section-duty';
import type { ProjectFormValues, ProjectSection } from './form-values';
import type { ProjectDetail } from './types';

export const SECTION_TITLE: Record<ProjectSection, string> = {
  basic: '基本信息',
  duty: '五个一 / 四位一体',
  commitments: '四定两保',
};

function Section({ section, detail }: { section: ProjectSection; detail?: ProjectDetail }) {
  if (section === 'basic') return <BasicSection detail={detail} />;
  if (section === 'duty') return <DutySection detail={detail} />;
  return <CommitmentsSection />;
}

/**
 * The project form, shared by 新增项目 (all sections) and each editable tab of the detail
 * page (one section). Buttons belong to the caller; `errors` are server messages that name
 * no field on screen.
 */
export function ProjectForm({ form, sections, detail, initialValues, onFinish, errors, children }: {
  form: FormInstance<ProjectFormValues>;
  sections: readonly ProjectSection[];
  detail?: ProjectDetail;
  initialValues: ProjectFormValues;
  onFinish: (values: ProjectFormValues) => void;
  errors?: string[];
  children?: ReactNode;
}) {
  return (
    <Form<ProjectFormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={onFinish}
      scrollToFirstError={{ block: 'center' }}
      data-testid="project-form"
    >
      {errors && errors.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={errors.length === 1 ? errors[0] : '保存失败，请检查以下内容'}
          description={errors.length > 1 ? <ul style={{ margin: 0, paddingInlineStart: 18 }}>{errors.map((e) => <li key={e}>{e}</li>)}</ul> : undefined}
          data-testid="project-form-errors"
        />
      )}
      {children}
      {sections.map((section) => (
        <div key={section}>
          {sections.length > 1 && (
            <Typography.Title level={5} style={{ margin: '4px 0 12px', paddingInlineStart: 8, borderInlineStart: '3px solid #1d5fbf' }}>
              {SECTION_TITLE[section]}
            </Typography.Title>
          )}
          <Section section={section} detail={detail} />
        </div>
      ))}
    </Form>
  );
}

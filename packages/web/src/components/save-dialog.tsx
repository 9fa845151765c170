import { useState, type ReactNode } from 'react';
import { Alert, Button, Modal, type FormInstance } from 'antd';
import type { ServerErrorTargets } from './form-errors';
import { useSaveError } from './use-save-error';

// The shell every management dialog shares: a modal with 取消/保存, the server's messages that
// belong to no field above the form, and one way of running a save (field errors to fields,
// a stale version explained and the dialog closed).

export function useDialogSave(form: FormInstance, targets: ServerErrorTargets, onClose: () => void) {
  const onSaveError = useSaveError(onClose);
  const [errors, setErrors] = useState<string[]>([]);
  const run = async (work: () => Promise<void>) => {
    setErrors([]);
    try {
      await work();
    } catch (error) {
      setErrors(onSaveError(error, form, targets));
    }
  };
  return { errors, run };
}

export function SaveDialog(props: {
  title: ReactNode;
  testId: string;
  width?: number;
  saving: boolean;
  /** The OK button's verb when 保存 is not what it does (开启…). */
  okText?: string;
  errors: string[];
  onSave: () => void;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <Modal
      open
      width={props.width}
      title={props.title}
      onCancel={props.onClose}
      maskClosable={false}
      data-testid={`${props.testId}-modal`}
      footer={[
        <Button key="cancel" onClick={props.onClose}>取消</Button>,
        <Button key="save" type="primary" loading={props.saving} onClick={props.onSave} data-testid={`${props.testId}-save`}>{props.okText ?? '保存'}</Button>,
      ]}
    >
      {props.errors.length > 0 && <Alert type="error" showIcon message={props.errors.join('；')} style={{ marginBottom: 12 }} />}
      {props.children}
    </Modal>
  );
}

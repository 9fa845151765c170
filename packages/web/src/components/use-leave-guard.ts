import { useEffect, useRef } from 'react';
import { App } from 'antd';
import { useBlocker } from 'react-router-dom';

/**
 * Asks before leaving a page whose work is not saved: a link inside the app gets a dialog, a
 * reload or a closed tab gets the browser's own question.
 */
export function useLeaveGuard(isUnsaved: boolean, content = '本页有尚未保存的修改，离开后将会丢失。') {
  const { modal } = App.useApp();
  const blocker = useBlocker(({ currentLocation, nextLocation }) => isUnsaved && currentLocation.pathname !== nextLocation.pathname);
  const current = useRef(blocker);
  current.current = blocker;

  // Once per blocked navigation (the blocker object itself changes on every render).
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    const blocked = current.current;
    modal.confirm({
      title: '确定离开本页吗？',
      content,
      okText: '离开',
      okButtonProps: { danger: true },
      cancelText: '留在本页',
      onOk: () => blocked.proceed?.(),
      onCancel: () => blocked.reset?.(),
    });
  }, [blocker.state, content, modal]);

  useEffect(() => {
    if (!isUnsaved) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the question only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [isUnsaved]);
}

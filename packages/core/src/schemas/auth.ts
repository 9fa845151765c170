import { z } from 'zod';

export const loginInput = z.strictObject({
  username: z.string({ error: '请输入用户名' }).trim().min(1, '请输入用户名').max(100, '用户名过长'),
  password: z.string({ error: '请输入密码' }).min(1, '请输入密码').max(128, '密码过长'),
});

export const passwordChange = z.strictObject({
  currentPassword: z.string({ error: '请输入当前密码' }).min(1, '请输入当前密码').max(128, '密码过长'),
  newPassword: z.string({ error: '请输入新密码' }).min(1, '请输入新密码').max(128, '密码过长'),
});

// Zod speaks Chinese here: every message a user can see is Simplified Chinese (DESIGN.md § API).
import { z } from 'zod';

z.config(z.locales.zhCN());
z.config({
  customError: (issue) => {
    if (issue.code === 'invalid_type' && issue.input === undefined) return '不能为空';
    if (issue.code === 'invalid_type' && issue.input === null) return '不能为空';
    if (issue.code === 'too_small' && issue.origin === 'string') {
      return Number(issue.minimum) <= 1 ? '不能为空' : `至少${String(issue.minimum)}个字符`;
    }
    if (issue.code === 'too_big' && issue.origin === 'string') return `最多${String(issue.maximum)}个字符`;
    if (issue.code === 'invalid_value') return '取值不在允许范围内';
    if (issue.code === 'invalid_format' && issue.format === 'uuid') return '编号格式不正确';
    if (issue.code === 'unrecognized_keys') return `不认识的字段：${issue.keys.join('、')}`;
    return undefined; // fall back to the zh-CN locale
  },
});

export { z };

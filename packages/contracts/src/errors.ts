// Error codes: the server maps code → HTTP status in one place; the web maps code → Chinese text.

export const errorCodes = {
  VALIDATION_FAILED: { status: 400, message: '输入有误' },
  INVALID_CREDENTIALS: { status: 401, message: '用户名或密码错误' },
  UNAUTHENTICATED: { status: 401, message: '请先登录' },
  SESSION_EXPIRED: { status: 401, message: '长时间未操作，请重新登录' },
  PASSWORD_CHANGE_REQUIRED: { status: 403, message: '首次登录请先修改密码' },
  FORBIDDEN: { status: 403, message: '没有权限执行此操作' },
  NOT_FOUND: { status: 404, message: '记录不存在或不在您的管理范围内' },
  VERSION_CONFLICT: { status: 409, message: '该记录已被他人修改，请刷新后重试' },
  DUPLICATE: { status: 409, message: '记录已存在' },
  ACCOUNT_LOCKED: { status: 423, message: '密码错误次数过多，账号已临时锁定' },
  ACCOUNT_DISABLED: { status: 403, message: '账号已停用' },
  IMPORT_INVALID: { status: 422, message: '导入文件有错误，未写入任何数据' },
  FILE_TOO_LARGE: { status: 413, message: '文件过大' },
  RATE_LIMITED: { status: 429, message: '请求过于频繁，请稍后再试' },
  INTERNAL: { status: 500, message: '服务器内部错误，请联系系统管理员' },
} as const;

export type ErrorCode = keyof typeof errorCodes;

export type ErrorDetail = { field: string; message: string };
export type ErrorBody = { code: ErrorCode; message: string; details?: ErrorDetail[] };

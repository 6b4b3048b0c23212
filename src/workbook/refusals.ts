/** The zh lines a host's refusal gets, the same in Excel and WPS. */

/** The one line a password-protected sheet gets: nothing was changed. */
export const passwordReason = (sheet: string) =>
  `工作表“${sheet}”受密码保护，SRS 未作修改：请先在 审阅→撤销工作表保护 后再试`;

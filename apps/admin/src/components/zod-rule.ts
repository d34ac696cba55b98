import type { FormRule } from 'antd';

/** Anything with zod's safeParse; the admin only meets schemas through @minimall/contracts. */
interface Schema {
  safeParse(value: unknown): { success: true } | { success: false; error: { issues: ReadonlyArray<{ message: string }> } };
}

/** A form rule from a contracts schema, so the form and the server reject the same input with the same words. Empty values are left to `required`. */
export function zodRule(schema: Schema): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      if (value === undefined || value === '') return;
      const result = schema.safeParse(value);
      if (!result.success) throw new Error(result.error.issues[0]?.message ?? '格式不正确');
    },
  };
}

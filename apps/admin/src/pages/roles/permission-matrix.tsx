import { Checkbox, Typography, theme } from 'antd';
import type { Permission } from '@minimall/contracts';
import { permissionGroups, sortPermissions } from '../../permissions.ts';

export interface PermissionMatrixProps {
  /** Given by the enclosing Form.Item. */
  value?: readonly Permission[];
  onChange?: (permissions: Permission[]) => void;
  disabled?: boolean;
}

/** One row per catalog group: a check-all box for the group, then a box per permission. */
export function PermissionMatrix({ value = [], onChange, disabled = false }: PermissionMatrixProps) {
  const { token } = theme.useToken();
  const selected = new Set(value);
  const border = `1px solid ${token.colorBorderSecondary}`;

  const toggle = (codes: Permission[], checked: boolean) => {
    const next = new Set(selected);
    for (const code of codes) {
      if (checked) next.add(code);
      else next.delete(code);
    }
    onChange?.(sortPermissions(next));
  };

  return (
    <div role="group" aria-label="权限矩阵" style={{ border, borderRadius: token.borderRadiusLG, overflow: 'hidden' }}>
      {permissionGroups.map(({ group, permissions }, index) => {
        const codes = permissions.map((p) => p.code);
        const count = codes.filter((code) => selected.has(code)).length;
        return (
          <div key={group} style={{ display: 'flex', borderTop: index === 0 ? undefined : border }}>
            <div
              style={{
                flex: 'none',
                display: 'flex',
                alignItems: 'center',
                justifyContent: 'space-between',
                width: 176,
                padding: '10px 16px',
                background: token.colorFillQuaternary,
                borderInlineEnd: border,
              }}
            >
              <Checkbox
                checked={count === codes.length}
                indeterminate={count > 0 && count < codes.length}
                disabled={disabled}
                onChange={(e) => toggle(codes, e.target.checked)}
              >
                <Typography.Text strong>{group}</Typography.Text>
              </Checkbox>
              <Typography.Text type="secondary" style={{ fontSize: token.fontSizeSM }} aria-label={`已选 ${count} 项，共 ${codes.length} 项`}>
                {count}/{codes.length}
              </Typography.Text>
            </div>
            <div style={{ flex: 1, display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '8px 24px', padding: '10px 16px' }}>
              {permissions.map(({ code, label }) => (
                <Checkbox key={code} checked={selected.has(code)} disabled={disabled} onChange={(e) => toggle([code], e.target.checked)}>
                  <span title={code}>{label}</span>
                </Checkbox>
              ))}
            </div>
          </div>
        );
      })}
    </div>
  );
}

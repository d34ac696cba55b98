import { useState } from 'react';
import { Descriptions, Drawer, Empty, Flex, Switch, Tag, Typography, theme } from 'antd';
import type { AuditLog } from '@minimall/contracts';
import { formatDateTime } from '../../format.ts';
import { actionLabel, auditDiff, targetText } from './audit-format.ts';
import type { DiffRow, DisplayValue } from './audit-format.ts';

/** A list's items, those missing on the other side marked as added (after) or removed (before). */
function ValueCell({ value, other, side }: { value: DisplayValue; other: DisplayValue; side: 'before' | 'after' }) {
  if (value.kind === 'none') return <Typography.Text type="secondary">—</Typography.Text>;
  if (value.kind === 'text') return <span style={{ wordBreak: 'break-all' }}>{value.text}</span>;
  if (value.items.length === 0) return <Typography.Text type="secondary">（无）</Typography.Text>;
  const others = new Set(other.kind === 'list' ? other.items : []);
  const compare = other.kind !== 'none';
  return (
    <Flex wrap gap={4}>
      {value.items.map((item) => {
        const differs = compare && !others.has(item);
        const color = differs ? (side === 'after' ? 'success' : 'error') : undefined;
        return (
          <Tag key={item} color={color} style={{ marginInlineEnd: 0, textDecoration: differs && side === 'before' ? 'line-through' : undefined }}>
            {differs && (side === 'after' ? '+ ' : '− ')}
            {item}
          </Tag>
        );
      })}
    </Flex>
  );
}

function DiffTable({ rows }: { rows: DiffRow[] }) {
  const { token } = theme.useToken();
  const cell = { padding: '10px 12px', borderBottom: `1px solid ${token.colorBorderSecondary}`, verticalAlign: 'top' } as const;
  const head = { ...cell, background: token.colorFillQuaternary, fontWeight: 600, textAlign: 'start' } as const;
  return (
    <table style={{ width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed' }} aria-label="变更前后对比">
      <colgroup>
        <col style={{ width: 136 }} />
        <col />
        <col />
      </colgroup>
      <thead>
        <tr>
          <th style={head}>字段</th>
          <th style={head}>修改前</th>
          <th style={head}>修改后</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} data-changed={row.changed || undefined} style={{ background: row.changed ? token.colorWarningBg : undefined }}>
            <td style={{ ...cell, boxShadow: row.changed ? `inset 3px 0 0 ${token.colorWarning}` : undefined }}>
              <Typography.Text strong={row.changed} title={row.key}>
                {row.label}
              </Typography.Text>
              {row.changed && (
                <Typography.Text type="warning" style={{ display: 'block', fontSize: token.fontSizeSM }}>
                  已修改
                </Typography.Text>
              )}
            </td>
            <td style={cell}>
              <ValueCell value={row.before} other={row.after} side="before" />
            </td>
            <td style={cell}>
              <ValueCell value={row.after} other={row.before} side="after" />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export interface AuditDetailDrawerProps {
  log: AuditLog | undefined;
  /** Staff names by id, to name targets whose record carries no name. */
  staffNames?: ReadonlyMap<string, string>;
  onClose: () => void;
}

export function AuditDetailDrawer({ log, staffNames, onClose }: AuditDetailDrawerProps) {
  const [onlyChanged, setOnlyChanged] = useState(false);
  const rows = log ? auditDiff(log.before, log.after) : [];
  const changedCount = rows.filter((row) => row.changed).length;
  const shown = onlyChanged && changedCount > 0 ? rows.filter((row) => row.changed) : rows;

  return (
    <Drawer title="操作详情" open={log !== undefined} onClose={onClose} size={760}>
      {log && (
        <>
          <Descriptions
            column={2}
            size="small"
            style={{ marginBottom: 24 }}
            items={[
              { key: 'at', label: '时间', children: formatDateTime(log.at) },
              { key: 'actor', label: '操作人', children: log.actorName },
              {
                key: 'action',
                label: '操作',
                children: (
                  <span>
                    {actionLabel(log.action)} <Typography.Text type="secondary">{log.action}</Typography.Text>
                  </span>
                ),
              },
              { key: 'target', label: '对象', children: <span title={log.targetId ?? undefined}>{targetText(log, staffNames)}</span> },
              { key: 'ip', label: 'IP', children: log.ip ?? '—' },
            ]}
          />
          <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              变更内容
              {changedCount > 0 && (
                <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 14, marginInlineStart: 8 }}>
                  {changedCount} 个字段有变化
                </Typography.Text>
              )}
            </Typography.Title>
            {changedCount > 0 && (
              <label style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
                <Switch size="small" checked={onlyChanged} onChange={setOnlyChanged} />
                只看变化
              </label>
            )}
          </Flex>
          {rows.length > 0 ? <DiffTable rows={shown} /> : <Empty description="这条记录没有保存变更内容" />}
        </>
      )}
    </Drawer>
  );
}

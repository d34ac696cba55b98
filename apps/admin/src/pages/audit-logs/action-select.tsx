import { useState } from 'react';
import type { ReactNode } from 'react';
import { Select, Space, Typography } from 'antd';
import { AUDIT_ACTIONS } from './audit-format.ts';

interface ActionOption {
  value: string;
  label: ReactNode;
  /** What the search box matches: the Chinese name and the action code. */
  search: string;
}

const knownOptions: ActionOption[] = Object.entries(AUDIT_ACTIONS).map(([value, label]) => ({
  value,
  search: `${label} ${value}`,
  label: (
    <Space>
      {label}
      <Typography.Text type="secondary">{value}</Typography.Text>
    </Space>
  ),
}));

export interface ActionSelectProps {
  /** Given by the enclosing Form.Item. */
  value?: string;
  onChange?: (value: string | undefined) => void;
  id?: string;
}

/** The actions the console knows, and any other action name typed in (later domains record their own). */
export function ActionSelect({ value, onChange, id }: ActionSelectProps) {
  const [typed, setTyped] = useState('');
  const custom = [typed.trim(), value].find((action) => action && !(action in AUDIT_ACTIONS));
  const options = custom
    ? [...knownOptions, { value: custom, search: custom, label: <Typography.Text code>{custom}</Typography.Text> }]
    : knownOptions;

  return (
    <Select<string, ActionOption>
      id={id}
      value={value}
      onChange={(next) => onChange?.(next)}
      options={options}
      placeholder="全部操作，或输入操作名"
      allowClear
      showSearch={{ onSearch: setTyped, optionFilterProp: 'search' }}
      popupMatchSelectWidth={false}
      style={{ width: 240 }}
    />
  );
}

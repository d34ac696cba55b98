import type { ReactNode } from 'react';
import { Button } from '@tarojs/components';

export interface ActionButtonProps {
  className: string;
  disabled?: boolean;
  onClick: () => void;
  children: ReactNode;
}

/**
 * A Button whose disabled state is a class (`is-disabled`) rather than the `disabled` prop: H5
 * reflects disabled={false} as an attribute that Taro's own [disabled] styles still match, and
 * the mini-program defaults for disabled buttons would override the brand colours.
 */
export function ActionButton({ className, disabled = false, onClick, children }: ActionButtonProps) {
  return (
    <Button className={`${className}${disabled ? ' is-disabled' : ''}`} aria-disabled={disabled} onClick={disabled ? undefined : onClick}>
      {children}
    </Button>
  );
}

import type { ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { Text, View } from '@tarojs/components';
import { currentPlatform } from '../utils/platform';
import './bottom-sheet.scss';

export interface BottomSheetProps {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  className?: string;
}

/** A panel that slides up over the page; tapping the mask or × closes it. */
export function BottomSheet({ open, title, onClose, children, className }: BottomSheetProps) {
  if (!open) return null;
  const sheet = (
    // catchMove keeps the page underneath from scrolling on mini-programs.
    <View className={`mm-layer mm-sheet${className ? ` ${className}` : ''}`} catchMove>
      <View className='mm-sheet__mask' onClick={onClose} />
      <View className='mm-sheet__panel' role='dialog' aria-label={title}>
        <View className='mm-sheet__header'>
          <Text className='mm-sheet__title'>{title}</Text>
          <View className='mm-sheet__close' role='button' aria-label='关闭' onClick={onClose} />
        </View>
        {children}
      </View>
    </View>
  );
  // On H5 each page is its own stacking context under Taro's tab bar, so the sheet goes to <body>
  // to cover it. Mini-programs draw the tab bar natively outside the page: fixed is enough there.
  return currentPlatform() === 'h5' && typeof document !== 'undefined' ? createPortal(sheet, document.body) : sheet;
}

import { Image, View } from '@tarojs/components';
import { mediaUrl } from '../utils/media-url';
import './avatar.scss';

export interface AvatarProps {
  url?: string | null;
  size?: 'md' | 'lg';
  className?: string;
}

/** The shopper's picture, or a neutral silhouette when there is none. */
export function Avatar({ url, size = 'lg', className }: AvatarProps) {
  const classes = `mm-avatar mm-avatar--${size}${className ? ` ${className}` : ''}`;
  if (url) {
    return (
      <View className={classes}>
        <Image className='mm-avatar__image' src={mediaUrl(url)} mode='aspectFill' />
      </View>
    );
  }
  return <View className={`${classes} mm-avatar--placeholder`} aria-label='默认头像' />;
}

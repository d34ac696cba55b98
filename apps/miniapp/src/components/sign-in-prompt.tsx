import { Button, View } from '@tarojs/components';
import { EmptyState } from './empty-state';
import './sign-in-prompt.scss';

export interface SignInPromptProps {
  /** Why the page needs a login, e.g. 登录后管理收货地址. */
  description: string;
  onLogin: () => void;
}

/** What a page that needs a shopper shows when nobody is signed in (or the session ended). */
export function SignInPrompt({ description, onLogin }: SignInPromptProps) {
  return (
    <View className='mm-sign-in-prompt'>
      <EmptyState title='你还没有登录' description={description} />
      <Button className='mm-sign-in-prompt__button' onClick={onLogin}>
        登录/注册
      </Button>
    </View>
  );
}

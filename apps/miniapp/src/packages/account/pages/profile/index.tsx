import { useEffect } from 'react';
import { View } from '@tarojs/components';
import { identityEndpoints } from '@minimall/contracts';
import { api } from '../../../../api/client';
import { LoginSheet } from '../../../../components/login-sheet/login-sheet';
import { SignInPrompt } from '../../../../components/sign-in-prompt';
import { useLoginGate } from '../../../../hooks/use-login-gate';
import { session } from '../../../../session/session';
import { useSession } from '../../../../session/use-session';
import { ProfileForm } from './profile-form';
import './index.scss';

export default function ProfilePage() {
  const { customer, signedIn } = useSession();
  const { requireLogin, sheet } = useLoginGate();

  // The stored profile shows at once; a fresh copy replaces it when it arrives.
  useEffect(() => {
    if (signedIn) api.call(identityEndpoints.me).then(session.updateCustomer, () => undefined);
  }, [signedIn]);

  return (
    <View className='mm-page profile'>
      {customer ? (
        <ProfileForm customer={customer} />
      ) : (
        <SignInPrompt description='登录后编辑个人资料' onLogin={() => requireLogin()} />
      )}
      <LoginSheet {...sheet} />
    </View>
  );
}

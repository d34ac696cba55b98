import { Flex, Spin } from 'antd';

/** While the stored session is checked or a full-screen page's code loads. */
export function FullPageLoading() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh' }} role="status" aria-label="加载中">
      <Spin size="large" />
    </Flex>
  );
}

import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { ApiError } from '@minimall/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { button, drawnField, regionTree, typeInto } from '../../../../../test/fixtures';
import { emptyDraft } from './address-draft';
import { AddressForm } from './address-form';

function errorBeside(title: string): string | null {
  const cell = screen.getByText(title).closest('.mm-cell');
  return cell?.querySelector('.mm-cell__error')?.textContent ?? null;
}

async function fillIn() {
  await typeInto('请填写收货人姓名', ' 张三 ');
  await typeInto('请填写收货人手机号', '13800138000');
  fireEvent.click(screen.getByText('请选择省 / 市 / 区'));
  fireEvent.click(screen.getByText('浙江省'));
  fireEvent.click(screen.getByText('杭州市'));
  fireEvent.click(screen.getByText('西湖区'));
  await typeInto('街道、楼牌号、单元室等', '文三路 90 号 东部软件园 1 号楼');
  fireEvent.click(screen.getByRole('radio', { name: '公司' }));
  fireEvent.click(document.querySelector('.address-form__switch input')!);
}

describe('address form', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('builds the request body from what the shopper entered', async () => {
    const onSubmit = vi.fn(() => Promise.resolve());
    render(<AddressForm initial={emptyDraft} tree={regionTree} onSubmit={onSubmit} />);

    await fillIn();
    expect(screen.getByText('浙江省 杭州市 西湖区')).toBeTruthy();
    await act(async () => fireEvent.click(button('保存')));

    expect(onSubmit).toHaveBeenCalledWith({
      recipient: '张三',
      phone: '13800138000',
      districtCode: '330106',
      detail: '文三路 90 号 东部软件园 1 号楼',
      tag: '公司',
      isDefault: true,
    });
  });

  it('shows the field errors of an ApiError beside their fields', async () => {
    // Given a server that rejects the district and the detail
    const onSubmit = vi.fn(() =>
      Promise.reject(
        new ApiError(400, {
          code: 'VALIDATION_FAILED',
          message: '请求参数有误',
          details: {
            fields: [
              { in: 'body', path: 'districtCode', message: '所在地区无效' },
              { in: 'body', path: 'detail', message: '详细地址最多 120 个字' },
            ],
          },
        }),
      ),
    );
    const toast = vi.spyOn(Taro, 'showToast');
    render(<AddressForm initial={emptyDraft} tree={regionTree} onSubmit={onSubmit} />);
    await fillIn();

    // When the shopper saves
    await act(async () => fireEvent.click(button('保存')));

    // Then each message sits under its own row, and nowhere else
    expect(errorBeside('所在地区')).toBe('所在地区无效');
    expect(errorBeside('详细地址')).toBe('详细地址最多 120 个字');
    expect(errorBeside('收货人')).toBeNull();
    expect(errorBeside('手机号')).toBeNull();
    expect(toast).not.toHaveBeenCalled();

    // And picking the region again clears its error
    fireEvent.click(screen.getByText('浙江省 杭州市 西湖区'));
    fireEvent.click(screen.getByText('上城区'));
    expect(errorBeside('所在地区')).toBeNull();
    expect(errorBeside('详细地址')).toBe('详细地址最多 120 个字');
  });

  it('checks the form before sending anything', async () => {
    const onSubmit = vi.fn(() => Promise.resolve());
    render(<AddressForm initial={emptyDraft} tree={regionTree} onSubmit={onSubmit} />);
    await typeInto('请填写收货人手机号', '1380013');

    await act(async () => fireEvent.click(button('保存')));

    expect(onSubmit).not.toHaveBeenCalled();
    expect(errorBeside('收货人')).toBe('请填写收货人');
    expect(errorBeside('手机号')).toBe('请输入正确的手机号');
    expect(errorBeside('所在地区')).toBe('请选择所在地区');
    expect(errorBeside('详细地址')).toBe('请填写详细地址');
  });

  it('toasts an error that names no field', async () => {
    const onSubmit = vi.fn(() => Promise.reject(new ApiError(409, { code: 'ADDRESS_LIMIT', message: '最多保存 20 个收货地址' })));
    const toast = vi.spyOn(Taro, 'showToast');
    render(<AddressForm initial={emptyDraft} tree={regionTree} onSubmit={onSubmit} />);
    await fillIn();

    await act(async () => fireEvent.click(button('保存')));

    expect(toast).toHaveBeenCalledWith({ title: '最多保存 20 个收货地址', icon: 'none' });
  });

  it('prefills from the WeChat address book in the WeChat mini-program', async () => {
    vi.stubEnv('TARO_ENV', 'weapp');
    vi.spyOn(Taro, 'chooseAddress').mockResolvedValue({
      userName: '李四',
      telNumber: '13900139000',
      provinceName: '浙江省',
      cityName: '杭州市',
      countyName: '西湖区',
      detailInfo: '西溪路 556 号',
      nationalCode: '330106',
    } as never);
    const onSubmit = vi.fn(() => Promise.resolve());
    render(<AddressForm initial={emptyDraft} tree={regionTree} onSubmit={onSubmit} />);
    // (the H5 fields must exist before a value is pushed into them)
    await drawnField('街道、楼牌号、单元室等');

    await act(async () => fireEvent.click(screen.getByText('导入微信地址')));
    await act(async () => fireEvent.click(button('保存')));

    expect(onSubmit).toHaveBeenCalledWith({
      recipient: '李四',
      phone: '13900139000',
      districtCode: '330106',
      detail: '西溪路 556 号',
      tag: null,
      isDefault: false,
    });
  });

  it('offers no WeChat import on H5', () => {
    render(<AddressForm initial={emptyDraft} tree={regionTree} onSubmit={vi.fn()} />);
    expect(screen.queryByText('导入微信地址')).toBeNull();
  });
});

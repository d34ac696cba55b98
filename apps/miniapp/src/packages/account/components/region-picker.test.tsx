import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { regionTree } from '../../../../test/fixtures';
import { RegionPicker } from './region-picker';

function tabs(): string[] {
  return screen.getAllByRole('tab').map((t) => t.textContent ?? '');
}

function options(): string[] {
  return screen.getAllByRole('option').map((o) => o.textContent ?? '');
}

describe('region picker', () => {
  it('chains province → city → district and returns the district code', () => {
    const onConfirm = vi.fn();
    render(<RegionPicker open tree={regionTree} value={null} onConfirm={onConfirm} onClose={vi.fn()} />);
    expect(tabs()).toEqual(['请选择']);
    expect(options()).toEqual(['北京市', '浙江省']);

    fireEvent.click(screen.getByText('浙江省'));
    expect(tabs()).toEqual(['浙江省', '请选择']);
    expect(options()).toEqual(['杭州市', '宁波市']);

    fireEvent.click(screen.getByText('杭州市'));
    expect(tabs()).toEqual(['浙江省', '杭州市', '请选择']);
    expect(options()).toEqual(['上城区', '西湖区', '余杭区']);

    fireEvent.click(screen.getByText('西湖区'));
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(onConfirm).toHaveBeenCalledWith({
      province: { code: '33', name: '浙江省' },
      city: { code: '3301', name: '杭州市' },
      district: { code: '330106', name: '西湖区' },
    });
  });

  it('opens on the current district and goes back a level through the tabs', () => {
    const onConfirm = vi.fn();
    const value = { province: { code: '33', name: '浙江省' }, city: { code: '3301', name: '杭州市' }, district: { code: '330106', name: '西湖区' } };
    render(<RegionPicker open tree={regionTree} value={value} onConfirm={onConfirm} onClose={vi.fn()} />);
    expect(tabs()).toEqual(['浙江省', '杭州市', '西湖区']);
    expect(screen.getByRole('option', { selected: true }).textContent).toBe('西湖区');

    // Going back to the city level and choosing another city drops the old district
    fireEvent.click(screen.getByRole('tab', { name: '杭州市' }));
    expect(options()).toEqual(['杭州市', '宁波市']);
    fireEvent.click(screen.getByText('宁波市'));
    expect(tabs()).toEqual(['浙江省', '宁波市', '请选择']);
    fireEvent.click(screen.getByText('海曙区'));

    expect(onConfirm).toHaveBeenCalledWith({
      province: { code: '33', name: '浙江省' },
      city: { code: '3302', name: '宁波市' },
      district: { code: '330203', name: '海曙区' },
    });
  });

  it('renders nothing while closed', () => {
    render(<RegionPicker open={false} tree={regionTree} value={null} onConfirm={vi.fn()} onClose={vi.fn()} />);
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

import { useState } from 'react';
import { ScrollView, Text, View } from '@tarojs/components';
import { BottomSheet } from '../../../components/bottom-sheet';
import { citiesOf, districtsOf, provincesOf, type Region, type RegionSelection, type RegionTree } from '../regions';
import './region-picker.scss';

export interface RegionPickerProps {
  open: boolean;
  tree: RegionTree;
  value: RegionSelection | null;
  onConfirm: (selection: RegionSelection) => void;
  onClose: () => void;
}

const LEVELS = 3;

/**
 * 省 → 市 → 区 in one sheet, the way Chinese shops pick regions: each choice opens the next
 * level, the tabs above go back to an earlier one, and choosing a district completes it.
 */
export function RegionPicker({ open, tree, value, onConfirm, onClose }: RegionPickerProps) {
  return (
    <BottomSheet open={open} title='选择所在地区' onClose={onClose}>
      <RegionColumns tree={tree} value={value} onConfirm={onConfirm} />
    </BottomSheet>
  );
}

function RegionColumns({ tree, value, onConfirm }: Pick<RegionPickerProps, 'tree' | 'value' | 'onConfirm'>) {
  const [path, setPath] = useState<Region[]>(value ? [value.province, value.city, value.district] : []);
  const [level, setLevel] = useState(value ? LEVELS - 1 : 0);

  let options: Region[];
  if (level === 0) options = provincesOf(tree);
  else if (level === 1) options = citiesOf(tree, path[0]!.code);
  else options = districtsOf(tree, path[0]!.code, path[1]!.code);

  function choose(region: Region) {
    const next = [...path.slice(0, level), region];
    if (level === LEVELS - 1) {
      onConfirm({ province: next[0]!, city: next[1]!, district: region });
      return;
    }
    setPath(next);
    setLevel(level + 1);
  }

  const tabs = path.length < LEVELS ? [...path.map((r) => r.name), '请选择'] : path.map((r) => r.name);
  const selected = path[level]?.code;
  return (
    <View className='region-picker'>
      <View className='region-picker__tabs' role='tablist'>
        {tabs.map((name, i) => (
          <View
            key={i}
            role='tab'
            aria-selected={i === level}
            className={`region-picker__tab${i === level ? ' region-picker__tab--active' : ''}${i === path.length ? ' region-picker__tab--pending' : ''}`}
            onClick={() => setLevel(i)}
          >
            {name}
          </View>
        ))}
      </View>
      <ScrollView className='region-picker__list' scrollY scrollIntoView={selected ? `region-${selected}` : undefined}>
        {options.map((region) => (
          <View
            key={region.code}
            id={`region-${region.code}`}
            role='option'
            aria-selected={region.code === selected}
            className={`region-picker__option${region.code === selected ? ' region-picker__option--selected' : ''}`}
            onClick={() => choose(region)}
          >
            <Text>{region.name}</Text>
            {region.code === selected && <View className='region-picker__check' />}
          </View>
        ))}
      </ScrollView>
    </View>
  );
}

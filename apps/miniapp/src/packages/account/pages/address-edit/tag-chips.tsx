import { View } from '@tarojs/components';

const PRESET_TAGS = ['家', '公司', '学校'];

export interface TagChipsProps {
  value: string | null;
  onChange: (tag: string | null) => void;
}

/** 家 / 公司 / 学校; tapping the chosen one clears it. A tag set elsewhere is shown too. */
export function TagChips({ value, onChange }: TagChipsProps) {
  const tags = value && !PRESET_TAGS.includes(value) ? [...PRESET_TAGS, value] : PRESET_TAGS;
  return (
    <View className='tag-chips' role='radiogroup' aria-label='标签'>
      {tags.map((tag) => (
        <View
          key={tag}
          role='radio'
          aria-checked={tag === value}
          className={`tag-chips__chip${tag === value ? ' tag-chips__chip--active' : ''}`}
          onClick={() => onChange(tag === value ? null : tag)}
        >
          {tag}
        </View>
      ))}
    </View>
  );
}
